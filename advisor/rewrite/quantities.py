"""What a number in a tender text counts, when it is no quantity to deliver.

«Leveransen skal omfatte <number> <noun>» is right only for things delivered. Three other kinds of numbers are common:

- a unit of measure after the number («5 GHz», «120 kW», «800 kg»): a technical value, which the value and target
  rules turn into a performance requirement or a figure of today's product, never a count;
- the scope of the purchase («om lag 6 200 elever», «to administrasjonsbygg», «450 ansatte»): who or what the
  delivery serves, which belongs in the need as context («for om lag 6 200 elever»), not in a delivery clause;
- the staff to be trained («opplæring av 14 steriltekniker»): a training requirement.

quantity_role() tells them apart; scope_phrases() collects the scope for the need, and with_scope() adds it there.
"""

from __future__ import annotations

import re

# Units that are case-sensitive in practice (so «m» or «t» as a word is not taken for a unit by mistake after a count).
_UNIT_EXACT = re.compile(r"(?:[kMGT]Hz|Hz|[kMG]W|W|[kMG]Wh|kVA|dB|lux|lumen|kg|tonn|bar|kPa|mAh|Mbps|Gbps|GB|TB|MB|"
                         r"mm|cm|km|m²|m³|liter|kN|Nm|hk|rpm|fps|dpi|ppm)")
# Buildings and sites the delivery serves: the scope, not things delivered («to administrasjonsbygg»).
_BUILDINGS = re.compile(r"(?:[a-zæøå]+)?(?:bygg|bygg(?:ene|et)|bygninger|bygningene|bygningsmasse|anlegg(?:ene)?|"
                        r"tomter|eiendommer|lokaler|etasjer|campuser|boliger|klasserom|rom)$", re.IGNORECASE)
# People the delivery serves: users, pupils, staff, residents.
_SERVED_PEOPLE = re.compile(r"(?:[a-zæøå]+e\s+)?(?:elever|elevene|brukere|brukerne|ansatte|innbyggere|beboere|pasienter|"
                            r"studenter|barn|deltakere|medarbeidere|lærere|sluttbrukere|pårørende|besøkende|"
                            r"tjenestemottakere|husstander|abonnenter|lisensbrukere|samtidige\s+brukere|representanter|medlemmer|"
                            r"folkevalgte|politikere|tilhørere|tilskuere|gjester|passasjerer|reisende)$", re.IGNORECASE)
# Staff roles, singular or plural («steriltekniker», «maskinførere», «sykepleiere»): who would be trained.
STAFF = re.compile(r"[a-zæøå-]*(?:tekniker(?:e|ne)?|fører(?:e|ne)?|operatør(?:er|ene)?|sykepleier(?:e|ne)?|"
                   r"arbeider(?:e|ne)?|ansatte|medarbeider(?:e|ne)?|betjent(?:er|ene)?|vakt(?:er|ene)?|mester(?:e|ne)?|"
                   r"assistent(?:er|ene)?|lærer(?:e|ne)?|leder(?:e|ne)?|brukere|superbrukere|instruktør(?:er|ene)?|"
                   r"personell|helsefagarbeider(?:e|ne)?|renholder(?:e|ne)?|saksbehandler(?:e|ne)?|sekretær(?:er|ene)?|"
                   r"rådgiver(?:e|ne)?|konsulent(?:er|ene)?)$", re.IGNORECASE)
# Goods bought per user: the count of users is what is bought.
_PER_USER = re.compile(r"lisens\w*|abonnement\w*|brukertilgang\w*|konto(?:er|ene)?\b|seter\b", re.IGNORECASE)
# A training cue before the count: «opplæring av 14», «kurs for inntil 20», «lære opp 8».
TRAINED_BEFORE = re.compile(r"(?:opplæring|kurs|instruksjon|undervisning|lære\s+opp|trening|sertifisering|"
                            r"brukeropplæring|superbrukeropplæring)\w*\s+(?:av|for|til|i)?\s*"
                            # the staff listed before this count: «lære opp ordføreren, tre sekretærer og …»
                            r"(?:(?:[\w-]+\s+){0,2}[\w-]+(?:,\s*|\s+og\s+))*(?:alle\s+)?"
                            r"(?:minst\s+|inntil\s+|opptil\s+|ca\.?\s+|om\s+lag\s+)?$", re.IGNORECASE)
# Words that make a count of people what is bought or served («brukes av 6 200 elever», «for 450 ansatte»).
_APPROX = re.compile(r"(?:ca\.?|cirka|om\s+lag|omtrent|rundt|inntil|opptil|anslagsvis)\s+$", re.IGNORECASE)


def quantity_role(text: str, start: int, noun: str) -> str:
    """What the count at `start` followed by `noun` is: "unit" (a value with a unit of measure), "trainees" (staff to
    be trained), "scope" (buildings or people the delivery serves), or "" for a quantity to deliver."""
    word = noun.split()[0] if noun.split() else noun
    if _UNIT_EXACT.fullmatch(word):
        return "unit"
    before = text[max(0, start - 100):start]
    if STAFF.fullmatch(noun.split()[-1]) and TRAINED_BEFORE.search(before):
        return "trainees"
    if _BUILDINGS.fullmatch(noun.split()[-1]):
        return "scope"
    if _SERVED_PEOPLE.fullmatch(noun) and not _PER_USER.search(text):
        return "scope"  # licences and subscriptions are bought per user: there the users are the quantity
    return ""


# What the training covers, when the text says it right after the trainees («… 14 vaktmestere i bruk og vedlikehold av
# maskinene»).
_COVERS = re.compile(r"\s+((?:i|om|på)\s+[^,.;]+)")


def training_requirement(amount: str, noun: str, covers: str = "") -> str:
    """The training requirement for `amount` staff to be trained in what `covers` says (use, daily checks and fault
    correction of the delivery when it is empty)."""
    covers = covers or "i bruk, daglig kontroll og feilretting av det som leveres"
    return (f"Leverandøren skal gi opplæring til {amount} {noun} [juster antallet etter behovet] {covers}, slik at de kan "
            "bruke det trygt fra første dag, dokumentert med opplæringsplan og deltakerliste.")


def trainees_requirement(text: str, start: int, amount: str, noun: str) -> str:
    """The training requirement for the `amount` `noun` counted at `start`, in what the text says the training covers
    right after them («… 14 vaktmestere i bruk og vedlikehold av maskinene»)."""
    at = text.find(noun, start) + len(noun)
    covers = _COVERS.match(text, at) if at >= len(noun) else None
    return training_requirement(amount, noun, covers.group(1).strip() if covers else "")


def role_requirement(text: str, start: int, amount: str, noun: str) -> str | None:
    """For a count that is no quantity to deliver: the training requirement for staff to train, '' for a unit (the
    value rules carry it) or the scope (with_scope puts it in the need); None for a quantity to deliver."""
    role = quantity_role(text, start, noun)
    if role == "trainees":
        return trainees_requirement(text, start, amount, noun)
    return "" if role else None


# A count and the noun after it.
_COUNT = re.compile(r"(?<![\w,.])(?P<num>\d{1,3}(?:[  ]\d{3})+|\d+|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|tolv|tjue)"
                    r"\s+(?P<noun>(?:[a-zæøå]+e\s+(?=[a-zæøå][\wæøå\-]{2,}e\b))?[a-zæøå][\wæøå\-]*)", re.IGNORECASE)


def scope_phrases(text: str) -> list[str]:
    """The scope the text states («om lag 6 200 elever», «to administrasjonsbygg»), in its own words."""
    out = []
    for m in _COUNT.finditer(text):
        if quantity_role(text, m.start(), m.group("noun")) != "scope":
            continue
        approx = _APPROX.search(text[max(0, m.start() - 12):m.start()])
        phrase = f"{approx.group(0) if approx else ''}{m.group('num')} {m.group('noun')}"
        out.append(re.sub(r"\s+", " ", phrase).strip())
    return list(dict.fromkeys(out))


def with_scope(need: str, scopes: list[str]) -> str:
    """The need with the scope as its context (a sentence after it), unless the need names it already."""
    missing = [s for s in scopes if s.split()[-1].lower() not in need.lower()
               or not re.search(re.escape(s.split()[-2]) if len(s.split()) > 1 else "$^", need)]
    if not missing or not need:
        return need
    listed = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " og " + missing[-1]
    return f"{need.rstrip()} Omfanget er {listed} [juster etter behovet]."
