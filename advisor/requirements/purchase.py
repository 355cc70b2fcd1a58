"""What a requirement buys: the head noun phrase of the object and whether it is goods, a service or works.

Norwegian compounds carry their head last («gulvvaskemaskin» is a machine, «gulvvask» an activity, «LEAN-workshop»
a workshop), so a noun is classified by how it ends. The object is found where the text puts it: after the verb
that acquires or performs it («kjøpe en skuremaskin», «holde kurs i Excel», «utføre vedlikehold av heisene») or as
the subject when the subject is not an actor («Opplæringen skal gjennomføres ...», «Rehabilitering av taket skal
utføres ...»). The noun decides; the verb only decides when the noun is unknown (levere/kjøpe/leie point to goods,
utføre/gjennomføre/holde to a service, bygge/rehabilitere/asfaltere to works), and then the reading is marked as
uncertain so the rewrite can say what it assumed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

KINDS = ("goods", "services", "works")
KIND_LABELS = {"goods": "en vare", "services": "en tjeneste", "works": "et bygge- eller anleggsarbeid"}
_OTHER_KINDS = {"goods": "en tjeneste", "services": "en vare eller et produkt", "works": "en vare eller en tjeneste"}

_INFLECTION = r"(?:e|er|ene|en|et|a|ar|ane|s|r|n|ne|rne)?"
# How a compound ends -> kind. The head of a Norwegian compound is its last part.
_SERVICE_HEADS = (
    r"workshop|kurs|opplæring|undervisning|rådgivning|bistand|veiledning|konsulent|konsulenttjeneste|tjeneste|"
    r"vedlikehold|service|ettersyn|reparasjon|drift|renhold|rengjøring|vask|vasking|brøyting|strøing|transport|skyss|"
    r"kjøring|utredning|evaluering|kartlegging|revisjon|analyse|oppdrag|fasilitering|samling|seminar|foredrag|coaching|"
    r"prosessledelse|prosessveiledning|tolking|oversettelse|vakthold|inspeksjon|prosjektering|behandling|trening|"
    r"bemanning|innleie|forvaltning|support|brukerstøtte|tilsyn|oppfølging|integrasjon|utvikling|tilpasning|"
    r"implementering|konfigurering|programmering|"
    # the people who do the work: a requirement on them buys their service («Prosjektlederen skal …»)
    r"revisor|rådgiver|prosjektleder|prosjektledelse|programleder|fasilitator|advokat|kursholder|instruktør"
)
_WORKS_HEADS = (
    r"bygging|byggearbeid|anleggsarbeid|oppføring|rehabilitering|ombygging|tilbygg|påbygg|nybygg|riving|graving|"
    r"grunnarbeid|asfaltering|entreprise|totalentreprise|utbygging|renovering|utskifting|legging|omlegging|oppussing"
)
_GOODS_HEADS = (
    r"maskin|vasker|apparat|utstyr|aggregat|pumpe|bil|buss|stol|bord|pult|skjerm|tavle|sensor|klokke|alarm|dispenser|"
    r"robot|lampe|armatur|kamera|skriver|printer|skanner|scanner|projektor|pc|telefon|verktøy|klær|jakke|sko|møbel|møbler|produkt|seng|madrass|"
    r"heis|lisens|programvare|system|panel|boks|lader|brett|hanske|bleie|kaffe|kjøretøy|traktor|laster|graver|container|"
    r"benk|skap|hylle|reol|komfyr|ovn|damper|vogn|sykkel|båt|drone|instrument|analysator|automat|måler|infrastruktur|mikroskop|folie|plate|vare|materiell|"
    r"rekvisita|tablett|legemiddel|kapsel|vifte|varmepumpe|anlegg|mobil|nettbrett|server|switch|ruter|lås|kort|"
    r"dør|vindu|sofa|lenestol|gardin|teppe|vaskemiddel|middel|midl|kjemikalie|kjemikali|papir|ambulanse|sykebil|mat|frukt|drivstoff|klut|kluter|svamp|app|"
    r"applikasjon|plattform|modul|portal|belysning|bandasje|kompress|kateter|sprøyte|kanyle|projektor|isolasjon|belegg|"
    # what is bought in sets or pieces: uniforms, signs, stretchers, subscriptions
    r"uniform|uniformsett|(?<!ad)(?<!at)(?<!ut)skilt|skilting|båre|abonnement"
)
_HEAD = {kind: re.compile(rf"(?P<head>{heads}){_INFLECTION}$", re.IGNORECASE)
         for kind, heads in (("services", _SERVICE_HEADS), ("works", _WORKS_HEADS), ("goods", _GOODS_HEADS))}

# Verbs that put an object after them, and the kind the verb alone points to.
_VERB_KINDS = (
    ("works", r"bygge[rs]?|bygges|anlegge[rs]?|anlegges|oppføre[rs]?|oppføres|rehabilitere[rs]?|rehabiliteres|rive[rs]?|rives|asfaltere[rs]?|"
              r"asfalteres|grave[rs]?|graves|pusse[rs]? opp|pusses opp"),
    ("services", r"gjennomføre[rs]?|gjennomføres|holde[rs]?|holdes|utføre[rs]?|utføres|arrangere[rs]?|arrangeres|"
                 r"fasilitere[rs]?|fasiliteres|tilby[rs]?|tilbys|gi[rs]?|gis|yte[rs]?|ytes|gjøre[rs]?|gjøres|få"),
    ("goods", r"kjøpe[rs]?|kjøpes|anskaffe[rs]?|anskaffes|fornye[rs]?|fornyes|leie[rs]?|leies|lease[rs]?|leases|levere[rs]?|leveres|"
              r"installere[rs]?|installeres|montere[rs]?|monteres|ha|bestille[rs]?|bestilles|bruke|benytte|disponere"),
)
_VERB = re.compile(
    r"(?<!\w)(?:" + "|".join(f"(?P<{kind}>{verbs})" for kind, verbs in _VERB_KINDS) + r")(?:\s+inn)?(?:\s+|(?=[.,;]|$))",
    re.IGNORECASE)
# Words between the verb and the object's noun: articles, counts, quantities and common adjectives.
_FILLER = re.compile(
    r"(?:en|et|ei|den|det|de|alle|flere|nye?|nytt|ny|egne?|stk\.?|\d+|to|tre|fire|fem|seks|sju|åtte|ni|ti|tolv|tjue|"
    r"store?|små|lite|liten|faste?|årlige?|løpende|komplette?|kun|bare|utelukkende)$", re.IGNORECASE)
# A subject that acts rather than is bought: the buyer, the supplier, a unit of the buyer.
_ACTOR = re.compile(
    r"^(?:det|vi|kommunen|fylkeskommunen|virksomheten|etaten|staten|sykehuset|sykehjemmet|skolen|skolene|barnehagen|"
    r"[\wæøå]*leverandøren|[\wæøå]*leverandørene|[\wæøå]*entreprenøren|tilbyder(?:en)?|oppdragsgiver(?:en)?|konsulenten|kunden|oppdragstaker(?:en)?|"
    r"driftsavdelingen|avdelingen|alle|hver|ansatte|brukerne|elevene|kjøkkenet|kantinen|[A-ZÆØÅ][\wæøå]+(?:\s+kommune))$",
    re.IGNORECASE)
_SUBJECT = re.compile(r"^\s*(?P<np>[^,;:.]+?)\s+(?:skal|må|bør|vil)\b", re.IGNORECASE)
# A modal followed at once by an active verb of buying: whoever does that buys, and is never what is bought
# («Kollektivselskapet skal anskaffe …», «Tannklinikkene i fylket skal kjøpe …», «Idrettslaget skal anlegge …»).
_BUYING_NEXT = re.compile(r"\s*(?:også\s+|nå\s+)?(?:kjøpe|anskaffe|bestille|leie|lease|fornye|anlegge|inngå)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w\-]*")
# «vedlikehold av heisene», «kurs i Excel», «rådgivning om omstilling»: the phrase runs to the end of its complement.
# A name (capitalised) or «av typen» ends it: the reading names the thing, not the brand.
_COMPLEMENT = re.compile(r"(?:\s+og\s+[^\W\d_][\w\-]*)?(?:\s+(?:av|i|om|for|til|på)\s+(?!typen?\b|merket?\b|modell)"
                         r"(?-i:(?:[a-zæøå][\w\-/']*\s+){0,2}?[a-zæøå][\w\-/']*))?", re.IGNORECASE)


@dataclass(frozen=True)
class PurchaseObject:
    """What a requirement buys: kind (goods, services, works), its head noun and phrase, and what decided it."""

    kind: str
    noun: str
    phrase: str
    cue: str
    is_certain: bool

    def reading(self) -> str:
        """One Norwegian sentence on how the text was read, saying so when it was an assumption."""
        thing = f"«{self.phrase}»" if self.phrase else "det som kjøpes"
        sentence = f"Vi har lest dette som kjøp av {KIND_LABELS[self.kind]} ({thing}), ikke {_OTHER_KINDS[self.kind]}"
        if self.is_certain:
            return f"{sentence}: det bestemmer {self.cue}."
        return (f"{sentence}. Teksten sier det ikke sikkert ({self.cue}); rett behov og krav hvis dere kjøper "
                f"{_OTHER_KINDS[self.kind]}.")


def noun_kind(noun: str) -> str | None:
    """The kind a noun names, by how the compound ends: «skuremaskiner» goods, «LEAN-workshop» a service."""
    last = noun.strip().lower().split("-")[-1]
    found = [(len(m.group("head")), kind) for kind in KINDS if (m := _HEAD[kind].search(last))]
    # the longest head that ends the word wins: «høytrykksvasker» is a «vasker» (goods), not «vask» + «-er»
    return max(found)[1] if found else None


_PREPOSITION = re.compile(r"(?:av|med|etter|i|på|til|for|som|innen|fra|hos|ved|uten|mot|og|eller|gjennom|via|fram|frem|"
                          r"under|over|mellom)$", re.IGNORECASE)


def _phrase_at(text: str, start: int) -> tuple[str, str, int]:
    """(head noun, noun phrase, where the noun starts) of the noun phrase that starts at or after `start`; nothing
    when a preposition comes first («utføres av X» has its object in the subject)."""
    for word in list(_WORD.finditer(text, start))[:6]:
        token = word.group(0)
        if _PREPOSITION.match(token):
            break
        if _FILLER.match(token) or (token.lower().endswith(_MODIFIER_ENDINGS) and noun_kind(token) is None
                                     and len(token) > 3 and _noun_follows(text, word.end())):
            continue  # an article, a count or an adjective before the noun
        if token.endswith("-") and _noun_follows(text, word.end(), allow="/"):
            continue  # «sak-/arkivsystem», «sak- og arkivsystem»: the noun is the last of the pair
        if _is_name(token, text, word.start()):
            if _noun_follows(text, word.end()):
                continue  # a maker or product name before the thing: «Microsoft Teams Rooms-utstyr»
            break  # only names («25 stk. Samsung Galaxy Tab S9»): the text does not say what the thing is
        complement = _COMPLEMENT.match(text, word.end())
        phrase = text[word.start():complement.end() if complement else word.end()]
        return token, phrase.strip(), word.start()
    return "", "", -1


def _plural_or_counted(text: str, noun: str) -> bool:
    """«to varebiler», «nye projektorer»: countable things, which a unit gets as goods."""
    return bool(re.search(rf"(?:\d+|en|et|ei|to|tre|fire|fem|seks|nye?|nytt)\s+(?:\S+\s+)?{re.escape(noun)}", text, re.I)) \
        or noun.lower().endswith(("er", "ene"))


def _noun_follows(text: str, end: int, allow: str = "") -> bool:
    """Whether a word that could be the noun follows («batteridrevne verktøy»; not «gravlift til»); `allow`: other
    characters that may stand between («sak-/arkivsystem»)."""
    following = re.match(rf"[\s{re.escape(allow)}]+(?:og\s+|eller\s+)?([^\W\d_][\w\-]*)", text[end:]) if allow else \
        re.match(r"\s+([^\W\d_][\w\-]*)", text[end:])
    return bool(following) and not _PREPOSITION.match(following.group(1))


# Adjectives and participles before the noun: «elektrisk», «digitale», «mobil», «ferdig», «nødvendig», «brukte»
_MODIFIER_ENDINGS = ("e", "t", "isk", "ig", "lig", "ert", "bar", "sk")


def _is_name(token: str, text: str, at: int) -> bool:
    """A capitalised word inside the sentence (a maker or a product: «Samsung», «Teams»), not its first word, and not
    a compound whose head is an ordinary noun («Rooms-utstyr» is equipment)."""
    if not token[:1].isupper() or at == 0 or re.search(r"(?<!stk)(?<!ca)(?<!nr)(?<!kr)[.!?:]\s*$", text[:at]):
        return False
    head = token.rsplit("-", 1)[-1]
    return not ("-" in token and head[:1].islower() and len(head) > 2)


# The end of a sentence: a full stop, «!» or «?» before a space and a capital or a digit.
_SENTENCE_END = re.compile(r"(?<!stk)(?<!ca)(?<!nr)(?<!kr)(?<!bl\.a)[.!?]\s+(?=[A-ZÆØÅ0-9«])")


# Verbs of having or getting: «Hjemmetjenesten skal få to varebiler» buys the vans for the unit named as subject.
_POSSESSION = {"ha", "få", "bruke", "benytte", "disponere"}
# Who buys for its own use (the buyer or a unit of it), as opposed to the supplier who delivers.
_SUPPLIER_SIDE = re.compile(r"^(?:leverandør|tilbyder|entreprenør|konsulent|oppdragstaker|underleverandør|revisor|rådgiver|"
                            r"prosjektleder|programleder|fasilitator|advokat|kursholder|instruktør)", re.IGNORECASE)
# What one has that is not bought: a quality, a duty or a right («skal ha erfaring», «skal ha ansvar for»).
_ABSTRACT = re.compile(
    r"^(?:erfaring|kompetanse|ansvar|tilgang|mulighet|rett|plikt|rutine|oversikt|kontroll|behov|krav|kapasitet|støtte|"
    r"funksjon|kunnskap|forståelse|sertifisering|godkjenning|forsikring|kontor|avtale|plass|tid|fokus|mål|prioritet|"
    r"oppgave|rolle|bemanning|språk|fagbrev|utdanning|autorisasjon|stjerne|poeng|score|rating)", re.IGNORECASE)


def _possessor_buys(subject_np: str, subject_kind: str | None) -> bool:
    """Whether the subject of «skal ha/få/bruke X» is the one X is bought for: the buyer, a unit of it or a service
    named as a unit («Vaktmestertjenesten»), not the supplier and not a thing whose part X is («Bilen skal ha …»)."""
    if _SUPPLIER_SIDE.match(subject_np):
        return False
    return bool(_ACTOR.match(subject_np)) or subject_kind == "services"


# A finite verb or a subject that shows the line is a sentence, not a product line («Vi ønsker IR-kamera …»).
_FINITE = re.compile(r"(?<!\w)(?:skal|må|bør|vil|kan|ønsker|trenger|behøver|har|er|blir|gjelder|omfatter|består|"
                     r"inneholder|vi|jeg|det|den|de|vår|våre)(?!\w)", re.IGNORECASE)


def _verbless(text: str) -> PurchaseObject | None:
    """A product line without a verb («Mepilex Border Flex skumbandasje 10 × 10 cm»): its first ordinary noun, after
    the names, is what is bought."""
    if _VERB.search(text) or _FINITE.search(text) or len(_WORD.findall(text)) > 12 \
            or _ACTOR.match(text.split(" ", 1)[0]):
        return None
    words = [w for w in _WORD.finditer(text) if len(w.group(0)) >= 3 and not _PREPOSITION.match(w.group(0))
             and not _FILLER.match(w.group(0)) and not text[w.end():w.end() + 1] == "."]  # «str.», «ca.»
    # a noun the kinds know, in lower case or as the line's first word («Nitrilhansker str. M»); else the first word in
    # lower case. Capitalised words inside the line are names («Mepilex Border Flex»: «Border» is no table).
    ordinary = [w for w in words if not w.group(0)[:1].isupper() or w.start() == 0]
    # an adjective or participle before the noun («norskprodusert kjøtt», «økologiske egg») is not what is bought
    ordinary = [w for w in ordinary if not (w.group(0).lower().endswith(_MODIFIER_ENDINGS) and noun_kind(w.group(0)) is None
                                            and len(w.group(0)) > 3 and _noun_follows(text, w.end()))] or ordinary
    word = next((w for w in ordinary if noun_kind(w.group(0))), None) or next(
        (w for w in ordinary if not w.group(0)[:1].isupper()), None)
    if word is not None:
        token = word.group(0)
        kind = noun_kind(token)
        complement = _COMPLEMENT.match(text, word.end())
        phrase = text[word.start():complement.end() if complement else word.end()].strip()
        return PurchaseObject(kind or "goods", token, phrase, f"ordet «{token}»" if kind else "en produktlinje uten verb",
                              kind is not None)
    return None


def _verbs_of_first_object(text: str, candidates: list) -> Iterator[re.Match[str]]:
    """The acquiring verbs of `text` up to the end of the first sentence that gave an object (`candidates`, filled by
    the caller as it goes): a later sentence says what the thing has or how it is used («Dørskiltene skal ha
    punktskrift»), not what is bought."""
    for verb in _VERB.finditer(text):
        if candidates and _SENTENCE_END.search(text, 0, verb.start()):
            return
        yield verb


_SUSPENDED = re.compile(r"\b\w+-\s+(?:og|eller|and|or)\s+(?=\w)", re.IGNORECASE)


def read_purchase_object(text: str) -> PurchaseObject | None:
    """What the requirement buys, read from its own words; None when it names no object and no acquiring verb.

    The subject is the object unless it is an actor («Kommunen skal kjøpe …») or a unit that is to have or get the
    object («Vaktmestertjenesten skal få to varebiler»); what a thing «skal ha» is a part of it («Belysningen skal ha
    bevegelsessensorer» buys lighting). A line without a verb names its object by its first ordinary noun."""
    # «nytt lønns- og personalsystem», «skole- og barnehagemøbler»: a suspended compound shares the last word's head,
    # which names the object («personalsystem», «barnehagemøbler»).
    text = _SUSPENDED.sub("", text)
    # noun, phrase, noun kind, verb kind, whether the noun is the subject of a passive verb
    candidates: list[tuple[str, str, str | None, str | None, bool]] = []
    subject = _SUBJECT.match(text)
    subject_noun, subject_phrase, subject_np = "", "", ""
    if subject:
        subject_np = subject.group("np").strip()
        if not _ACTOR.match(subject_np) and not _BUYING_NEXT.match(text, subject.end()):
            subject_noun, subject_phrase, _ = _phrase_at(subject_np, 0)
            if subject_noun:
                candidates.append((subject_noun, subject_phrase, noun_kind(subject_noun), None, False))
    for verb in _verbs_of_first_object(text, candidates):
        verb_kind = next(kind for kind, _ in _VERB_KINDS if verb.group(kind))
        word = verb.group(0).strip().lower()
        noun, phrase, _ = _phrase_at(text, verb.end())
        passive = False
        if not noun and word.endswith("es") and subject_noun:
            noun, phrase, passive = subject_noun, subject_phrase, True  # a passive: «Taket skal rehabiliteres»
        if not noun or _ABSTRACT.match(noun) or _PREPOSITION.match(noun):
            continue  # «Lisensene skal kjøpes gjennom X»: how it is bought, no object
        if word in _POSSESSION and subject and _possessor_buys(subject_np, noun_kind(subject_noun) if subject_noun else None):
            # the unit gets the thing: the thing is the object, before the subject
            known = noun_kind(noun)
            candidates.insert(0, (noun, phrase, known if known != "services" or word != "få" else known, verb_kind, False))
            if known is None:
                return PurchaseObject("services" if word == "få" and not _plural_or_counted(text, noun) else "goods",
                                      noun, phrase, f"verbet «{word}»", False)
        elif word not in {"ha", "få", "gi", "gis", "bruke", "benytte", "disponere"} or noun_kind(noun):
            candidates.append((noun, phrase, noun_kind(noun), verb_kind, passive))
    if not candidates:
        first = _SENTENCE_END.search(text)
        # «Nytt ventilasjonsaggregat til Bjørkeli skole. Aggregatet skal …»: a title line names what is bought
        return _verbless(text) or (_verbless(text[:first.start()]) if first else None)
    for noun, phrase, kind, _, _ in candidates:
        if kind:
            cue = f"ordet «{noun}»"
            return PurchaseObject(kind, noun, phrase, cue, True)
    for noun, phrase, _, verb_kind, passive in candidates:
        if verb_kind:
            verb = next(m.group(0).strip() for m in _VERB.finditer(text) if m.group(verb_kind))
            # a building verb with its object after it leaves no doubt that works are bought («Det skal bygges en
            # brannstasjon», «Taket skal rehabiliteres»); «bygges» on a subject may be figurative («Løsningen skal
            # bygges på åpne standarder»)
            return PurchaseObject(verb_kind, noun, f"{verb} {phrase}".strip(), f"verbet «{verb}»",
                                  verb_kind == "works" and not (passive and verb.lower().startswith("bygg")))
    return None
