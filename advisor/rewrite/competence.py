"""Competence asked of the people who deliver a service: a certification, a number of years, experience with a named
system, and whether that system is the buyer's own (a lawful qualification when tied to the assignment).
"""

from __future__ import annotations

import re

from advisor.requirements import Match
from advisor.rewrite.templates import YEARS_OF_EXPERIENCE

# The subject of a requirement and what follows its modal verb: «Prosjektlederen skal | ha minst 10 års erfaring».
SUBJECT = re.compile(r"^(?P<subj>[^,;:]+?)\s+(?:skal|må|bør)\b(?:\s+(?:kun\s+|bare\s+)?(?P<pred>.+?))?[.!]?$", re.IGNORECASE)


# Who a competence requirement is about: a person or role named as the subject («Prosjektlederen», «Rådgiverne»).
_PERSON = re.compile(r"(?:[\wæøå]*(?:leder|konsulent|rådgiver|ansvarlig|spesialist|arkitekt|advokat|revisor|"
                     r"fasilitator|kursholder|tekniker|personell|team|ressurs)\w*)$", re.IGNORECASE)


def person(text: str, m: re.Match[str] | None, matches: list[Match]) -> str:
    """The person or role a competence requirement is about, from the subject («Konsulentene som skal …» is about
    «Konsulentene»); «Den som leder oppdraget» otherwise."""
    if m:
        subject = re.split(r"\s+som(?:\s+|$)", m.group("subj").strip(), maxsplit=1)[0]
        if len(subject.split()) <= 3 and _PERSON.search(subject) \
                and not any(h.start < m.start("subj") + len(subject) for h in matches if h.severity != "low"):
            return subject[:1].upper() + subject[1:]
    return "Den som leder oppdraget"


# Experience asked of the people with a named product: «erfaring med Visma», «3 års erfaring fra Acos WebSak».
_EXPERIENCE_WITH = re.compile(r"(?:erfaring|kompetanse|kjennskap)\s+(?:med|fra|i|på)\s+(?:bruk\s+av\s+)?$", re.IGNORECASE)
# Signs that the product is the buyer's own system the people will work in: «som kommunen bruker i dag», «vårt
# sakssystem», «videreutvikle», «forvalte».
_OWN_SYSTEM = re.compile(
    r"(?<!\w)(?:som\s+(?:kommunen|vi|etaten|virksomheten|fylkeskommunen|foretaket|dere)\s+(?:allerede\s+)?(?:bruker|har|benytter)|"
    r"som\s+brukes|i\s+bruk\s+(?:i\s+dag|hos\s+oss)|vårt|vår|våre|kommunens|etatens|virksomhetens|eksisterende|dagens|"
    r"videreutvikl\w*|forvalt\w*|drift\w*|konfigurer\w*|oppgrader\w*|migrer\w*|vedlikehold\w*)(?!\w)", re.IGNORECASE)


# A named firm the people must have worked for («erfaring fra Deloitte eller tilsvarende selskap»): an employer, not a
# system to work in.
_FIRM_AFTER = re.compile(r"\s*(?:eller\s+(?:et\s+|en\s+)?(?:tilsvarende|lignende|liknende|annet)\s+)?(?:\w+-?)?"
                         r"(?:selskap|firma|byrå|virksomhet|konsern|kontor)\w*\b", re.IGNORECASE)


def _names_after_experience(text: str, matches: list[Match]) -> list[tuple[int, int]]:
    """The (start, end) of each name after «erfaring med/fra/i», adjacent brand and model findings joined."""
    names = sorted((h for h in matches if h.category in {"brand", "model_type", "prescribed_technology"}),
                   key=lambda h: h.start)
    found = []
    for i, first in enumerate(names):
        if not _EXPERIENCE_WITH.search(text[max(0, first.start - 40):first.start]):
            continue
        end = first.end
        for h in names[i + 1:]:
            if h.start > end and text[end:h.start].strip():
                break
            end = max(end, h.end)
        found.append((first.start, end))
    return found


# A capitalised name right after «erfaring fra» («erfaring fra EY eller tilsvarende firma»), found whether or not the
# lexicon knows it.
_FROM_NAME = re.compile(r"(?<!\w)erfaring\s+fra\s+((?-i:[A-ZÆØÅ])[\w&.\-]*(?:\s+(?-i:[A-ZÆØÅ])[\w&.\-]*){0,3})",
                        re.IGNORECASE)


def employer_experience(text: str, matches: list[Match]) -> str | None:
    """The firm named when the people are asked for experience from it («10 års erfaring fra Deloitte eller tilsvarende
    selskap» -> «Deloitte»); None otherwise."""
    for start, end in _names_after_experience(text, matches):
        if _FIRM_AFTER.match(text, end):
            return text[start:end].strip()
    for m in _FROM_NAME.finditer(text):
        if _FIRM_AFTER.match(text, m.end(1)):
            return m.group(1).strip()
    return None


def platform_experience(text: str, matches: list[Match]) -> tuple[str, bool] | None:
    """(the product named, whether it is the buyer's own system) when the people are asked for experience with a
    named product: «erfaring med Visma Enterprise Plus» -> («Visma Enterprise Plus», False); with «som kommunen
    bruker i dag» -> (…, True). Adjacent brand and model findings form one name; a firm the people worked for
    («erfaring fra Deloitte eller tilsvarende selskap») is no system. None otherwise."""
    for start, end in _names_after_experience(text, matches):
        if _FIRM_AFTER.match(text, end):
            continue
        return text[start:end].strip(), bool(_OWN_SYSTEM.search(text))
    return None


def certification_requirements(text: str, matches: list[Match]) -> list[str]:
    """For a named certification of a method or person («PRINCE2-sertifisert») or experience with a named product
    («erfaring med Visma»): one requirement on the competence behind it, shown by comparable assignments, with the
    certificate or an equivalent one, and experience with equivalent systems, accepted; a fixed number of years
    («minst 15 års erfaring») is kept only where the buyer can justify it."""
    certificates = [h for h in matches if h.category == "missing_or_equivalent" and h.kind == "certification"]
    products = [h for h in matches if h.category in {"brand", "model_type"} and h.detail.get("competence")]
    platform = platform_experience(text, matches)
    employer = employer_experience(text, matches)
    if not certificates and not products and not platform and not employer:
        return []
    who = person(text, SUBJECT.match(text), matches)
    if platform and platform[1]:
        # the buyer's own system, which the people will work in: a qualification tied to the delivery, not a brand
        # demand on what is bought; the name goes in the attachment that describes the buyer's systems
        requirement = (f"{who} skal ha erfaring med [oppgavene] i det eksisterende systemet oppdraget skal utføres i "
                       "[navn og versjon i vedlegg], fra minst [antall] sammenlignbare oppdrag, dokumentert med CV og "
                       "referanser; erfaring fra tilsvarende systemer godtas når leverandøren viser hvordan personene kan "
                       "arbeide selvstendig i vårt system innen [uker]")
    else:
        named = platform[0] if platform else text[products[0].start:products[0].end] if products else ""
        product = f", også med [oppgavene] i {named} eller tilsvarende systemer" if named else ""
        requirement = (f"{who} skal ha kompetanse i [fagområde og oppgaver], vist med erfaring fra minst [antall] "
                       f"sammenlignbare oppdrag{product}, dokumentert med CV og referanser")
    if certificates:
        requirement += f"; {_certificate_name(text[certificates[0].start:certificates[0].end])} eller tilsvarende godtas som en del av dokumentasjonen"
    experience = YEARS_OF_EXPERIENCE.search(text)
    if experience:
        requirement += (f"; kravet om «{experience.group(0).strip()}» beholdes bare hvis dere kan begrunne at det er "
                        "nødvendig og forholdsmessig")
    return [requirement + "."]


def _certificate_name(span: str) -> str:
    """«PRINCE2-sertifisert» -> «sertifisering i PRINCE2»; «sertifisert i ITIL» -> «sertifisering i ITIL»."""
    after = re.match(r"(?:sertifisert|sertifisering|sertifikat|certified|certification)\s+(?:i|innen|som|in|as)\s+(.+)$",
                     span, re.IGNORECASE)
    name = after.group(1) if after else re.sub(r"[\s\-]*(?:sertifis\w*|sertifikat\w*|certified|certification|godkjent)$",
                                               "", span, flags=re.IGNORECASE)
    return f"sertifisering i {name.strip()}"


# A purchase type's own requirement on the people's experience: replaced by the competence requirement above.
TYPE_COMPETENCE = re.compile(r"(?:erfaring|ledet|kompetanse)\b.*\b(?:CV|referanser)", re.IGNORECASE)


def platform_notes(text: str, matches: list[Match], buyer: list[str], notes: list[str]) -> None:
    """Experience with the buyer's own platform is a lawful qualification when the people will work in it: a note
    says so and what it takes, and replaces the question whether the name is needed for compatibility. Where the text
    does not say whose system it is, the buyer is asked."""
    employer = employer_experience(text, matches)
    if employer is not None:
        buyer[:] = [q for q in buyer if f"«{employer}»" not in q]
        buyer.insert(0, f"«{employer}» er en bestemt virksomhet: et krav om erfaring fra én navngitt arbeidsgiver stenger ute "
                        "like godt kvalifiserte personer fra andre og må være nødvendig og forholdsmessig (LOA § 4). Hvilke "
                        "oppgaver og oppdrag skal personen ha erfaring med? Skriv det som krav til kompetanse i stedet.")
        notes.append(f"«{employer}» er fjernet: kravet gjelder nå kompetansen og de sammenlignbare oppdragene, ikke hvor "
                     "personen har arbeidet.")
    platform = platform_experience(text, matches)
    if platform is None:
        return
    name, own = platform
    buyer[:] = [q for q in buyer if f"«{name}»" not in q and not any(
        f"«{text[h.start:h.end]}»" in q for h in matches if h.category in {"brand", "model_type"} and h.start < len(text)
        and text[h.start:h.end] in name)]
    if own:
        notes.append(f"Erfaring med «{name}» er skrevet som krav til kompetanse, ikke til produkt: skal personene arbeide i "
                     "systemet dere allerede har, har kravet tilknytning til oppdraget og kan være lovlig. Skriv i "
                     "anskaffelsesdokumentene hvilke oppgaver som krever kunnskap om systemet og hvorfor, og still ikke "
                     "strengere krav enn oppdraget trenger (LOA § 4); mer erfaring kan heller vektes i tildelingen.")
        buyer.insert(0, f"Hvilke oppgaver skal personene gjøre i «{name}», og hvor raskt må de kunne arbeide selvstendig i "
                        "det? Skriv det som begrunnelse for kravet, og vurder om erfaring fra tilsvarende systemer med kort "
                        "opplæring er nok.")
    else:
        buyer.insert(0, f"Er «{name}» systemet dere selv bruker, og skal personene arbeide i det? Da kan erfaring med det "
                        "være et lovlig krav til kompetanse når det begrunnes i oppdraget og står i forhold til det "
                        "(LOA § 4); ellers godta erfaring fra tilsvarende systemer.")
