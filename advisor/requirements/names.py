"""The rules that reach beyond the word lists: unknown names, suppliers, origin, standards, technology phrases,
exact values, and the context pass that decides which names are requirements at all.

Each rule takes the running scan (detectors._Scan) and records Matches on it; `settle` runs last and removes or
downgrades matches by context: text about the procurement process, a question to the market, a buyer, a place or
a programme, and a system the purchase must work with or that describes today (FOA §§ 8-5/15-1 allow a reference
the subject-matter justifies, so that is a low note asking for the justification, not a violation).
"""

from __future__ import annotations

import bisect
import functools
import re

from advisor.requirements import context as ctx
from advisor.requirements import lexicon as lex

# A word, with capitalised parts joined by hyphens kept as one name («Q-Flex», «Solu-Cortef»); a lower-case part after a
# hyphen («Lindab-takrenner») is a noun of its own, read by _cue
_WORD = re.compile(r"[^\W\d_][^\W_]*(?:-(?=[^\Wa-zæøåß\d_])[^\W_]+)*")
_MIXED = re.compile(r"[a-zæøå][A-ZÆØÅ]")
# Nouns that make a name before them the product being bought: «Tableau-lisenser», «Microsoftlisenser».
PRODUCT_TAIL = re.compile(
    r"(?:lisens|lisenser|lisensene|lisensen|lisensiering|produkt|produkter|produktene|programvare|programvaren|"
    r"løsning|løsninger|løsningen|løsningene|maskin|maskiner|utstyr|utstyret|system|systemet|pc|pc-er|"
    r"licen[cs]es?|products?|software|platform)$",
    re.IGNORECASE,
)
# Words right before a capitalised name that say «this is the named product»: «programvaren Episerver».
NAMED_PRODUCT_CUE = re.compile(
    r"(?<!\w)(?:programvaren|programmet|verktøyet|verktøyene|systemet|systemene|fagsystemet|fagsystemene|plattformen|"
    r"produktet|produktene|applikasjonen|løsningen|lisensene|the software|the product|the platform)\s+$",
    re.IGNORECASE,
)
_LICENCE_OF = re.compile(
    r"(?<!\w)(?:lisens|lisenser|lisensene|brukerlisenser|abonnement|abonnementer|licen[cs]es?|subscriptions?)\s+"
    r"(?:av|til|for|på|of|to)\s+$",
    re.IGNORECASE,
)
_ACTOR_AFTER = re.compile(
    r"\s+(?:avvikler|har|hadde|eier|eies|leverer|tilbyr|mener|driver|kunngjør|inviterer|ønsker|bidrar|overtar|"
    r"has|owns|offers|operates)\b",
)
_ACQUIRED_BEFORE = re.compile(
    r"(?<!\w)(?:kjøp|innkjøp|levering|leveranse|anskaffelse|leie|lease|leasing|bestilling|tilbud|avtale|kontrakt|"
    r"konkurranse|anbudskonkurranse|tilbudskonkurranse|purchase|supply|delivery)\w*\s+(?:av|på|om|for|of)\s+(?:[\w\-/]+\s+){0,4}$"
    r"|(?<!\w)(?:kjøpe|anskaffe|leie|lease|levere|bestille|installere|montere|kjøpes|anskaffes|leies|leveres|bestilles|"
    r"installeres|monteres|benyttes|brukes|anvendes|utstyres med|utstyrt med|buy|procure|supply|deliver|stock|"
    r"(?:be\s+)?(?:equipped|fitted)\s+with)\s+(?:inn\s+)?(?:[\w\-/]+\.?\s+){0,4}$"
    r"|(?<!\w)(?:bygges|bygget|baseres|basert|bygge|kjøre|kjøres|built|based|run)\s+(?:på|on)\s+$"
    r"|(?<!\w)(?:skal|må|shall|must)\s+(?:være|ha|bruke|benytte|be|have|use)\s+(?:en\s+|et\s+|ei\s+|a\s+|an\s+)?$",
    re.IGNORECASE,
)
# «vernesko fra X», «smarttelefoner fra X»: goods (a plural or definite noun) from a named maker; not transport from
# a place, or help, data and experience from someone
_MAKER_BEFORE = re.compile(r"(?<!\w)([a-zæøå]{3,}(?:er|ere|ene|en|et|r))\s+(?:fra|from)\s+$")
_NOT_MADE = re.compile(
    r"(?:\w*transport\w*|\w*henting\w*|\w*levering\w*|\w*flytting\w*|avgang\w*|\w*reise\w*|ruter|\w*data|\w*informasjon|innspill|"
    r"erfaring\w*|tilbud\w*|bistand|rapporter|\w*avfall|\w*slam|\w*masser|passasjer\w*|elever|barn|brukere|ansatte|søknader|"
    r"midler|støtte|penger|\w*tilskudd\w*|kunder|pasienter|prøver|tjenester|oppdrag\w*|utdrag\w*)$",
    re.IGNORECASE,
)
_SUBSTANCE = re.compile(
    r"(?<!\w)(?:virkestoff\w*|active substance|generisk\w*|[a-zæøå]+(?:mab|nib|pril|sartan|statin|prazol|olol|cillin|"
    r"mycin|parin|xaban|gatran|gliptin|glutid|tid|fen|amol|cetamol|ein|azol|pin|mid|zepam|zolam|semid)\b)",
    re.IGNORECASE,
)
_FUEL_SUPPLY_BEFORE = re.compile(
    r"(?:levering|leveranse\w*|kjøp|innkjøp|bulkleveranse\w*|tilgang til|forsyning)\s+(?:av\s*)?[:•\-–*\s]*(?:[\w\-/()]+\s+){0,6}$"
    r"|(?:drivstoff|driftstoff|fyringsolje\w*)\b[^.]{0,40}$"
    # a list of the goods supplied, after a colon: «levering av: • Avgiftsfri diesel til … • Bensin til …»
    r"|(?:levering|leveranse\w*|kjøp|innkjøp|forsyning)\s+(?:av\s*)?:[^.:]*$",
    re.IGNORECASE,
)
_MACHINE_AFTER = re.compile(
    r"[\-\s]*(?:dreven|drevet|drevne|drift|motor\w*|\w*bil\w*|\w*buss\w*|\w*båt\w*|\w*ferje\w*|\w*maskin\w*|traktor\w*|"
    r"\w*aggregat\w*|\w*kjel\w*|\w*lastebil\w*|\w*graver\w*|\w*laster\w*|kjøretøy\w*|vehicles?|trucks?|buses|engines?)",
    re.IGNORECASE,
)


@functools.cache
def ordinary(word: str) -> bool:
    """A Norwegian or English word or an ordinary compound (not a product name): by word frequency."""
    from wordfreq import zipf_frequency

    low = word.lower().strip("-")
    if zipf_frequency(low, "nb") >= 2.3 or zipf_frequency(low, "en") >= 3.2:
        return True
    parts = [p for p in low.split("-") if p]
    if len(parts) > 1:
        return all(ordinary(p) for p in parts)
    # a compound of two ordinary words («spesialfargeinstrument», «trusselettereretningsplattform»)
    for i in range(3, len(low) - 2):
        head, tail = low[:i], low[i:]
        for link in ("", "s", "e"):
            if link and not tail.startswith(link):
                continue
            rest = tail[len(link):]
            if len(rest) >= 3 and zipf_frequency(head, "nb") >= 2.5 and (
                    zipf_frequency(rest, "nb") >= 2.5 or (len(rest) > 6 and ordinary(rest))):
                return True
    return False


def _shape(token: str) -> bool:
    """A token that looks like a name: mixed case (iPad, AdBlue), or capitalised and not an ordinary word."""
    if re.search(r"[a-zæøå][A-ZÆØÅ]", token) and not token.isupper():
        return True
    if token[:1].isupper() and not token.isupper():
        return not ordinary(token)
    return False


# The company form after a name, with up to two capitalised words of the company name between («Telenor Norge AS»,
# «Hultafors Group AB», «Milwaukee Tool Ltd»)
_COMPANY_TAIL = re.compile(rf"(?:\s+[A-ZÆØÅ][\w&\-]*){{0,2}}[\s\-]+{ctx.COMPANY_SUFFIX}(?![\w])")
_BODY_NAME = re.compile(r"(?:^|\s)(?:HF|RHF|IKS|KF|SF|kommunes?|fylkeskommunes?)$")
_COMPANY_AFTER = re.compile(rf"[\s\-]*{ctx.COMPANY_SUFFIX}\b")
_PROJECT_AFTER = re.compile(r"(?:-[\wæøå]+)*-(?:prosjekt|program|ordning|senter|institutt|modell|satsing|nettverk)\w*", re.I)


def requirement_position(scan, pos: int) -> bool:
    """The sentence obliges someone or acquires something (the only places a name is a requirement)."""
    return scan.sentence_has(ctx.OBLIGATION, pos) or scan.sentence_has(ctx.ACQUIRES, pos)


def _not_a_product(scan, start: int, end: int, place: bool = True) -> bool:
    """A public body, a place, a buyer acting, or the tender platform: the name is not what is being bought."""
    name = scan.text[start:end].strip()
    if name.lower() in ctx.PROCESS_NAMES or name.lower() in ctx.NATIONAL_SYSTEMS:
        return True
    if ctx.DOCUMENT_BEFORE.search(scan.text[max(0, start - 20):start]):
        return True  # the title of a tender document («Bilag 1 Prisskjema»), not a product
    if _BODY_NAME.search(name):
        return True
    if ctx.PUBLIC_BODY_AFTER.match(scan.text[end:end + 60]) or _COMPANY_AFTER.match(scan.text[end:end + 8]):
        return True
    if _ACTOR_AFTER.match(scan.text[end:end + 20]):
        return True
    if _PROJECT_AFTER.match(scan.text[end:end + 40]):
        return True  # «PILOT-E-prosjekt», «Kavli-instituttet»: part of a project or institution name
    if ctx.STUDIED_BEFORE.search(scan.window(start, 80)) or ctx.STUDIED_AFTER.match(scan.text[end:end + 40]):
        return True  # «evaluering av programmet Kompetansepiloter»: the subject of a study
    if _platform_next(scan, start, end):
        return True  # «Visma TendSign», «Mercell Sourcing Platform», «KGV-portalen X»: the tender platform, not bought
    return place and bool(ctx.PLACE_BEFORE.search(scan.text[max(0, start - 12):start]))


_PORTAL_BEFORE = re.compile(r"(?<!\w)[\w\-]*portal(?:en)?\s+$", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"([^\W\d_][\w\-]*)\s+$")
_NAME_AFTER = re.compile(r"\s+([^\W\d_][\w\-]*)")


def _platform_next(scan, start: int, end: int) -> bool:
    """The name is, or sits in one run of capitalised words with, a tender platform or register: the word before or
    after it is a process name («Visma TendSign», «Mercell Sourcing Platform»), or a portal names it («KGV-portalen X»)."""
    before = scan.text[max(0, start - 30):start]
    if _PORTAL_BEFORE.search(before):
        return True
    neighbours = [m.group(1) for m in (_NAME_BEFORE.search(before), _NAME_AFTER.match(scan.text, end)) if m]
    return any(word.lower() in ctx.PROCESS_NAMES for word in neighbours)


def rare(word: str) -> bool:
    """Not a word of its own in bokmål or English (a name, if capitalised)."""
    return _rare(word)


@functools.cache
def _rare(word: str) -> bool:
    """Not a word of its own in bokmål or English (no compound splitting: «Multiconsult» is a name, not multi + consult)."""
    from wordfreq import zipf_frequency

    low = word.lower()
    return zipf_frequency(low, "nb") < 2.3 and zipf_frequency(low, "en") < 3.2


@functools.cache
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "nb")


_LETTER_PREFIXED = re.compile(r"[A-ZÆØÅ]{1,2}-[A-ZÆØÅ][a-zæøå]\w*")


def letter_prefixed(token: str) -> bool:
    """A capital letter or two, a hyphen and a capitalised word («Q-Flex», «K-Sitt»): the shape of a product name."""
    return bool(_LETTER_PREFIXED.fullmatch(token))


def _inflected_word(name: str) -> bool:
    from wordfreq import zipf_frequency

    if letter_prefixed(name):
        return False

    return zipf_frequency(name.lower(), "nb") >= 2.3


# A strength or a pharmaceutical form right after a name: «Movicol pulver til mikstur», «Solu-Cortef for injection».
_DOSAGE_AFTER = re.compile(
    r"[\s,]+(?:(?P<strength>\d+(?:[.,]\d+)?\s*(?:mg|mikrogram|µg|mcg|g|ml|mg/ml|IE|IU|%)(?![\w/]))"
    r"|(?:(?:i|som|for|in|as)\s+)?(?:tablett\w*|brusetablett\w*|kapsl\w*|kapsel|mikstur\w*|injeksjon\w*|infusjon\w*|"
    r"pulver|granulat|sirup|dråper|øyedråper|stikkpille\w*|depotplaster|plaster|inhalasjon\w*|inhalator\w*|krem|salve|"
    r"multidose|ferdigfylte?|tablets?|capsules?|injection|infusion|oral solution|syrup|suppositor\w*|eye drops|"
    r"inhaler|cream|ointment|prefilled)(?!\w))",
    re.IGNORECASE,
)
MEDICINE_NOUN = "legemiddel"
MEDICINE_FUNCTION = "riktig virkestoff, styrke og legemiddelform for pasientene"


class _Coverage:
    """Which characters of the text findings cover: an overlap test in time linear in the span's length, not in the
    number of findings (a line naming a brand thousands of times made the list scan quadratic)."""

    def __init__(self, length: int) -> None:
        self._marks = bytearray(length + 1)

    def add(self, start: int, end: int) -> None:
        if end > start:
            self._marks[start:end] = b"\x01" * (end - start)

    def append(self, span: tuple[int, int]) -> None:
        self.add(*span)

    def overlaps(self, start: int, end: int) -> bool:
        return end > start and self._marks.find(1, start, end) != -1


def medicines(scan) -> None:
    """A trade name of a medicine outside the lexicon, known by the strength or form after it: a brand, and the product
    named where the active substance would do (brand, product_named)."""
    covered = _Coverage(len(scan.text))
    for h in scan.matches:
        covered.add(h.start, h.end)
    for m in _WORD.finditer(scan.text):
        start, end, token = m.start(), m.end(), m.group(0)
        if not token[:1].isupper() or token.isupper() or covered.overlaps(start, end):
            continue
        dosage = _DOSAGE_AFTER.match(scan.text, end)
        if not dosage or scan.brands.get(lex.brand_key(token)) or scan.initial(start):
            continue
        # a form alone («Intravitreale injeksjoner») may follow an adjective; then the name must be what is acquired
        if not dosage.group("strength") and not _ACQUIRED_BEFORE.search(scan.window(start, 80)):
            continue
        if not all(_rare(part) for part in token.split("-")) or _not_a_product(scan, start, end) \
                or not requirement_position(scan, start):
            continue
        severity = "low" if substance_given(scan, start) else scan.severity(start, end)
        scan.add("brand", start, end, severity, "medicine", noun="")
        if severity != "low":
            scan.add("product_named", start, end, "medium", "medicine", noun=MEDICINE_NOUN, function=MEDICINE_FUNCTION)
        covered.append((start, end))


def unknown_names(scan) -> None:
    """Names outside the lexicon by shape and rarity, where the requirement buys or prescribes them (brand)."""
    covered = _Coverage(len(scan.text))
    for h in scan.matches:
        covered.add(h.start, h.end)
    for m in _WORD.finditer(scan.text):
        start, end, token = m.start(), m.end(), m.group(0)
        # cheap shape test first: only capitalised or mixed-case tokens can be names (most tokens stop here)
        if not token[:1].isupper() and not _MIXED.search(token):
            continue
        if covered.overlaps(start, end) or scan.in_standard(start, end):
            continue
        if lex.UNIT_WORDS.match(token):
            continue  # «12 kW», «348 kWh», «47 dB»: a unit, not a name
        if _SPLIT_COMPOUND.match(scan.text, end) or _after_standard(scan, start) or ctx.DOCUMENT_NOUN.fullmatch(token):
            continue  # «Renovasjons- og gjenvinningsetaten»: half a compound; «BREEAM-NOR Very Good»: the standard's level
        if scan.brands.get(lex.brand_key(token)):
            continue  # the lexicon rule has decided about this one (phased out, a word, a place)
        prefix = _brand_prefix(scan, token)
        if prefix:
            if requirement_position(scan, start) and not _not_a_product(scan, start, start + len(prefix), place=False):
                scan.add("brand", start, end, scan.severity(start, end), "compound", brand=prefix)
                covered.append((start, end))
            continue
        if token.isupper() or not token[:1].isupper() and not _MIXED.search(token):
            continue
        found = _name_cue(scan, token, start, end)
        if found is None:
            continue
        cue, name_end = found
        if not cue or _not_a_product(scan, start, end) or _owner_or_place(scan, end) or _acronym_or_word(token):
            continue
        # after «programvaren», or before «eller tilsvarende», a capitalised word is a name even if it is also a word;
        # elsewhere a lone capitalised word must look like a name and carry a model word or a second name after it
        mixed = bool(_MIXED.search(token))
        complement = cue == "acquired" and _COMPLEMENT_BEFORE.search(scan.window(start, 20)) and _rare(token) \
            and _CLAUSE_END.match(scan.text, name_end) is not None and not scan.sentence_has(lex.FUNCTION_TIE, start)
        if cue not in {"named_product", "equivalent", "product_compound", "maker", "licensed", "owned"} and not complement and not (
                (mixed or _shape(token)) and (mixed or name_end > end)) and not (
                cue == "acquired" and _uncommon_name(token) and (_goods_noun_after(scan, end) or _name_run(scan, end, name_end)
                                                                 or (_rare(token) and _model_code(scan, end, name_end))
                                                                 or (_rare(token) and _VERSION_AFTER.match(scan.text, end, name_end)))):
            continue
        severity = scan.severity(start, name_end)
        scan.add_name(start, name_end, end, severity, "unknown", cue=cue)
        if complement and name_end == end and severity != "low":
            # «Toalettpapiret skal være Lambi»: the whole complement is a trademark, used as the product's name
            scan.add("product_named", start, end, "medium", "designation")
        covered.append((start, name_end))


def _name_cue(scan, token: str, start: int, end: int) -> tuple[str, int] | None:
    """(cue, end of the name) for a capitalised token in requirement position; None where it cannot be a name."""
    if not requirement_position(scan, start):
        return None
    heads_goods = _heads_demanded_goods(scan, token, end)
    if scan.initial(start) and not (heads_goods and scan.sentence_has(ctx.OBLIGATION, start)):
        return None  # a sentence opens with a capital; only a rare name heading the goods the sentence demands is one
    name_end = _name_end(scan, end)
    cue = _cue(scan, start, end, name_end) or _shape_cue(scan, token, end, name_end, heads_goods)
    if not cue and _OWNED_BEFORE.search(scan.window(start, 40)) and _rare(token) and scan.compatibility(start):
        # «shall fit the laboratory's existing Eppendorf Research plus pipettes»: the equipment the buyer owns, named
        # so that the goods fit it; a note (the narrow exception), found so that the reviewer sees what it ties to
        cue = "owned"
    return cue, name_end


# A capitalised word that is not a common word of its own (a name); common words and place names written with a capital
# («Nye», «Norsk», «Oslo», «Tromsø») are frequent enough to fail, rare place names are left to the place rules
_COMMON_NAME_ZIPF = 3.5
# the lower-case word after a name that makes it a modifier of goods («Thule takstativ», «Webasto parkeringsvarmer»);
# not a function word, a verb form, a place or a body
_NOT_GOODS_AFTER = re.compile(
    r"(?:og|eller|i|på|til|som|skal|må|kan|er|har|med|fra|for|av|om|ved|hos|sin|sitt|sine|samt|innen|etter|under|over|"
    r"mellom|mot|uten|ikke|også|kommune|fylkeskommune|sentrum|sykehus|skole|barnehage|sykehjem|kirke|stasjon|lufthavn|"
    r"havn|region|avdeling|distrikt|klinikk|kontor|kommunes|and|or|in|on|to|for|with|from|of|by)$",
    re.IGNORECASE,
)
_ADJECTIVE_ENDING = re.compile(r"(?:ale|ile|iske|ske|ede|ende|erte|ige|lige|ære|dte|tte|kte|ete|rte|lte|nte)$")
_LOWER_WORD_AFTER = re.compile(r" ([a-zæøå][a-zæøå\-]{3,})(?![\w\-])")


_GOODS_FROM_BEFORE = re.compile(r"(?<!\w)([a-zæøå]{4,})\s+(?:fra|from)\s+$")
# a place written as one word: a street, a hill, a building, a railway line («Mellomveien 110», «Nordlandsbanen»)
_PLACE_WORD_END = re.compile(
    r"(?:veien|vegen|veg|vei|gata|gate|gaten|plass|plassen|torg|torget|bakken|dalen|haugen|åsen|vika|neset|stranda|moen|"
    r"berget|øya|holmen|sundet|fjorden|tunet|gården|parken|kvartalet|senteret|huset|hallen|banen|byen|eidet|elva|vannet)$",
    re.IGNORECASE,
)
_MODEL_CODE = re.compile(r"[A-Za-z]*\d[\w\-/]*")


_SUBJECT_DEMANDED = re.compile(r" [a-zæøå][a-zæøå]{3,}\s+(?:skal|må|shall|must)\s+(?:være|ha|leveres|monteres|brukes|benyttes|"
                               r"installeres|kjøpes|anskaffes|be|have)\b")


def _heads_demanded_goods(scan, token: str, end: int) -> bool:
    """A rare name heading a goods noun: the noun is goods by its ending («Kompan lekeapparater»), or the two are the
    subject of a demand («Webasto parkeringsvarmer skal monteres»); not a name with digits, a place or a verb after it."""
    if any(c.isdigit() for c in token) or not (_rare(token) and _uncommon_name(token)) or _PLACE_WORD_END.search(token):
        return False
    if not _goods_noun_after(scan, end):
        return False
    from advisor.requirements.purchase import noun_kind

    m = _LOWER_WORD_AFTER.match(scan.text, end)
    return noun_kind(m.group(1)) == "goods" or bool(_SUBJECT_DEMANDED.match(scan.text, end))


def _shape_cue(scan, token: str, end: int, name_end: int, heads_goods: bool) -> str:
    """A name known by its shape where no verb of buying stands before it: heading the goods noun of a requirement
    («Webasto parkeringsvarmer skal monteres»), with a model code («Fugene skal tettes med Sikaflex 11FC»), or as the
    maker the demanded goods must come from («Takstativene skal være fra Thule»)."""
    if heads_goods:
        return "acquired"
    if not _uncommon_name(token) or _PLACE_WORD_END.search(token):
        return ""
    if _model_code(scan, end, name_end) and (_shape(token) or _rare(token)):
        return "acquired"
    if _VERSION_AFTER.match(scan.text, end, name_end) and _rare(token) and scan.sentence_has(ctx.OBLIGATION, end) \
            and not _USED_BEFORE.search(scan.window(end - len(token), 40)):
        # «Kortleserne skal støtte Kortex Pro»: a family name with an edition or version after it, demanded (not the
        # product the buyer has used so far)
        return "acquired"
    sentence_start = max(scan.sentence(end)[0], end - len(token) - 80)  # a subject and its verb: a bounded look back
    head = re.match(r"\s*([A-ZÆØÅa-zæøå]+)\s+(?:skal|må)\s+(?:være|komme|leveres|produseres)\s+(?:fra|av)\s+$",
                    scan.text[sentence_start:end - len(token)])
    if head and _strict_goods(head.group(1).lower()) and name_end == end:
        return "maker"
    return ""


# The product the buyer has used so far («har brukt X til …»): a description of today, not a demand.
_USED_BEFORE = re.compile(r"(?<!\w)(?:har|hadde)\s+(?:brukt|benyttet|hatt)\s+$|(?<!\w)(?:bruker|benytter)\s+(?:i\s+dag\s+)?$",
                          re.IGNORECASE)
# An edition or version mark right after a family name («Plus», «Pro», «SE», «EV3», «Gen 2», «v4»): the name is a
# product family and the mark picks one version of it
_VERSION_AFTER = re.compile(r"[\s\-]+(?:Plus|Pro|Max|Mini|Ultra|Lite|Classic|SE|XL|EV\d{1,2}|Gen\s?\d{1,2}|[Vv]\d{1,2}(?:\.\d+)*"
                            r"|Mk\s?\d|Mark\s+[IVX]+|II|III|IV)(?![\w])")


def _model_code(scan, end: int, name_end: int) -> bool:
    """The name runs on into a model code with a digit («Sikaflex 11FC», «Automower 450X»)."""
    return name_end > end and any(_MODEL_CODE.fullmatch(w) for w in scan.text[end:name_end].split())


def _strict_goods(word: str) -> bool:
    """Goods by the purchase-kind endings or a known goods head, or a plural or definite noun that is not people
    («lastebøyler fra X» the goods of a maker; «representanter fra X», «en vegtrasé fra X» not)."""
    from advisor.requirements.purchase import noun_kind

    if noun_kind(word) == "goods" or _STAND_ALONE_GOODS.search(word):
        return True
    return bool(re.search(r"(?:er|ene|ne)$", word)) and not _PEOPLE_NOUN.search(word) and _goods_noun(word)


_PEOPLE_NOUN = re.compile(r"(?:ant|ent|ør|ist|medlem|deltak|leder|ansatt|arbeid|person|konsulent|rådgiv|elev|student|"
                          r"barn|bruker|kunde|pasient)\w*$")


# goods nouns the purchase-kind endings do not know: racks, heaters, fittings, furnishings
_STAND_ALONE_GOODS = re.compile(r"(?:stativ|stativer|stativene|varmer|varmere|beslag|beslagene|innredning|innredningen|"
                                r"armatur|armaturer|fliser|belegg|takstein|vinduer|dører|kniver|verktøy)$")


def _goods_noun(word: str) -> bool:
    from advisor.requirements.purchase import noun_kind

    if noun_kind(word) == "goods":
        return True
    if noun_kind(word) is not None or len(word) < 6 or _NOT_GOODS_AFTER.match(word):
        return False
    # an ordinary word, or a compound ending in one («lastebøyler»: laste + bøyler)
    return ordinary(word) or any(ordinary(word[i:]) for i in range(3, len(word) - 4))


def _uncommon_name(token: str) -> bool:
    """A capitalised name that is not a common Norwegian or English word, nor the first word of a public body."""
    if not token[:1].isupper() or token.isupper() or token.lower() in _PUBLIC_FIRST | _PUBLIC_BODIES:
        return False
    if len(token) > 4 and token.endswith("s") and _zipf(token[:-1]) >= _COMMON_NAME_ZIPF:
        return False  # «Kommunenes Sentralforbund»: the genitive of a common noun, an owner
    if _ADJECTIVE_ENDING.search(token) or (_zipf(token) < 2.3 and len(token) >= 10 and ordinary(token)):
        return False  # «Monofokale linser», «Autolinefartøy»: an adjective or a compound of common words, capitalised
    from wordfreq import zipf_frequency

    return _zipf(token) < _COMMON_NAME_ZIPF and zipf_frequency(token.lower(), "en") < _COMMON_NAME_ZIPF


def _goods_noun_after(scan, end: int) -> bool:
    """A lower-case goods noun right after the name («Thule takstativ», «Bahco verktøytavler»): the name is the maker of
    the goods the sentence acquires."""
    m = _LOWER_WORD_AFTER.match(scan.text, end)
    if not m or _NOT_GOODS_AFTER.match(m.group(1)) or _PLACE_TAIL.match(scan.text, end):
        return False
    return _goods_noun(m.group(1))


def _name_run(scan, end: int, name_end: int) -> bool:
    """Two or three capitalised words that run on as one name («Sutter Professional»), none of them a company or body word."""
    words = scan.text[end:name_end].split()
    return 0 < len(words) <= 2 and all(w[:1].isupper() and not w.isupper() and w.isalpha() and _zipf(w) < _COMMON_NAME_ZIPF
                                       for w in words) and not _PLACE_TAIL.match(scan.text, end)


# «eksisterende», «existing», «dagens» right before a name: what the buyer has
_OWNED_BEFORE = re.compile(r"(?<!\w)(?:eksisterende|nåværende|dagens|existing|current|installerte|installed)\s+$", re.IGNORECASE)
# «… skal være X»: the name is the whole of what the subject must be; with a rare word («Lambi», «Mapelastic»), a name
# even alone and even where word frequency splits it into two ordinary words (a reason given in the sentence, «skal være
# Vizrt, slik at redaksjonen kan bruke malene fra …», leaves the weak evidence of one word to the other rules)
_COMPLEMENT_BEFORE = re.compile(r"(?<!\w)(?:skal|må|shall|must)\s+(?:være|be)\s+$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"\s*(?:[.,;:)]|$|eller\b|or\b|fra\b|from\b|og\b|and\b|i\s+(?:fargen|størrelse)\b)")


# «Renovasjons- og gjenvinningsetatens»: a compound whose second half is shared with the next word (a hyphen, then a
# conjunction or a comma); the first half alone is never a name
_SPLIT_COMPOUND = re.compile(r"-\s*(?:,|og\b|eller\b|samt\b|and\b|or\b)")


def _after_standard(scan, start: int) -> bool:
    """Right after a standard («BREEAM-NOR Very Good», «ISO 14001 Environmental»): the level or title of the standard."""
    ends = scan.standard_ends  # sorted: only the standards ending up to 30 characters before start
    return any(_LEVEL_WORDS.fullmatch(scan.text, e, start)
               for e in ends[bisect.bisect_left(ends, start - 30):bisect.bisect_right(ends, start)])


_LEVEL_WORDS = re.compile(r"(?:\s*[A-ZÆØÅ][\w\-]*)*\s*")


def _owner_or_place(scan, end: int) -> bool:
    """«Spordrifts stasjoneringssteder», «Cicignons plass»: an owner's possessive or a place name, not a product."""
    after = scan.text[end:end + 30]
    if scan.text[end - 1:end] == "s" and re.match(r"\s+[a-zæøå]", after):
        return True
    if re.match(r"\s+(?:sin|sitt|sine)\b", after):
        return True  # «OsloMet sine adresser»: the owner, written with a possessive
    return bool(_PLACE_TAIL.match(after))


# Nouns that make the name before them a place: «Cicignons plass», «Røyskår-krysset», «Lonebekken-tunnelen».
_PLACE_TAIL = re.compile(
    r"[\s\-]+(?:plass|gate|gata|vei|veg|veien|vegen|torg|park|parken|brygge|kvartal|senter|allé|kryss|krysset|tunnel|"
    r"tunnelen|bru|brua|brui|brygga|kai|kaia|kaien|havn|havna|stasjon|stasjonen|terminal|terminalen|området|feltet|"
    r"byggefelt|byggefeltet|skole|skolen|sjøen|elva|elven|fjorden|dalen|marka|øya|vika|holmen|bakken|tunet|gården)\b",
    re.IGNORECASE)


def _acronym_or_word(token: str) -> bool:
    """«SaaS», «UiS»: a short acronym; «eByggesaksløsning»: an e-/i- prefix on an ordinary word."""
    if len(token) <= 5 and sum(c.isupper() for c in token) >= 2:
        return True
    if "-" in token:  # «SARS-CoV», «IT-BAS»: every part an acronym
        return all(part.isupper() or _acronym_or_word(part) for part in token.split("-"))
    return bool(re.fullmatch(r"[ei][A-ZÆØÅ][a-zæøå]{4,}", token)) and ordinary(token[1:])


def _brand_prefix(scan, token: str) -> str:
    """The lexicon brand a compound starts with when the rest is a product noun: «Microsoftlisenser» -> Microsoft."""
    if "-" in token or len(token) < 8 or not token[:1].isupper():
        return ""
    for cut in range(len(token) - 3, 3, -1):
        entry = scan.brands.get(lex.brand_key(token[:cut]))
        if entry and not entry.is_word and PRODUCT_TAIL.match(token[cut:]):
            return token[:cut]
    return ""


# A verb of buying or delivering anywhere earlier in the sentence: a mixed-case name after a product noun later in it
# («… og hudrensskum DermaSoft Clean») is one more thing bought, beyond the four words _ACQUIRED_BEFORE looks back.
_ACQUIRE_IN_SENTENCE = re.compile(r"(?<!\w)(?:kjøpe|anskaffe|levere|leveres|kjøpes|anskaffes|bestille|bestilles|"
                                  r"skal\s+være|skal\s+ha|buy|procure|supply|deliver)(?!\w)", re.IGNORECASE)


def _cue(scan, start: int, end: int, name_end: int) -> str:
    """Why a name-shaped token counts as a product reference here ('' when it does not)."""
    if lex.EQUIVALENT.match(scan.text[name_end:name_end + 30].lstrip(" ,")):
        return "equivalent"
    tail = re.match(r"-([a-zæøå]\w{3,})", scan.text[end:])
    if tail and re.match(r"\w*(?:ens|ets|s)\s+[a-zæøå]", scan.text[end + 1:end + 40]) and not PRODUCT_TAIL.match(tail.group(1)):
        return ""  # «Granavolden-plattformens punkt»: a genitive names an owner or a document, not goods
    if tail and (PRODUCT_TAIL.match(tail.group(1)) or (scan.text[start].isupper() and _rare(scan.text[start:end]))):
        token = scan.text[start:end]
        # «Prevention-løsninger» is an English word before a noun; «Lindab-takrenner» a name
        return "product_compound" if _MIXED.search(token) or _rare(token) else ""
    before = scan.window(start, 80)
    after_model = re.search(r"\s+(?:fra|from|by)\s+$", before)
    if after_model and _rare(scan.text[start:end]) and any(
            h.category in {"model_type", "brand"} and 0 <= start - len(after_model.group(0)) - h.end <= 1 for h in scan.matches):
        return "maker"  # «av typen «ComfoAir Zone» fra Hvilo»: the maker of the model just named
    maker = _MAKER_BEFORE.search(before)
    if maker and not _NOT_MADE.match(maker.group(1)) and _rare(scan.text[start:end]):
        return "maker"  # «smarttelefoner fra Vocera»: the goods from a named maker
    goods = _GOODS_FROM_BEFORE.search(before)
    if goods and not _NOT_MADE.match(goods.group(1)) and _strict_goods(goods.group(1)) \
            and _uncommon_name(scan.text[start:end]) and not _PLACE_WORD_END.search(scan.text[start:end]) \
            and scan.sentence_has(ctx.OBLIGATION, start):
        return "maker"  # «takstativ fra Thule»: a name that is also a rare word, the maker of goods a requirement demands
    if _LICENCE_OF.search(before) and _rare(scan.text[start:end]):
        return "licensed"  # «300 lisenser av Matteverket»: what the licences are for is a named product
    cue = NAMED_PRODUCT_CUE.search(before)
    if cue and not re.search(r"(?<!\w)(?:i|ved|fra|in|at)\s+$", before[:cue.start()]):
        return "named_product"  # «i programmet Kompetansepiloter» is a programme someone takes part in
    if _ACQUIRED_BEFORE.search(before):
        return "acquired"
    token = scan.text[start:end]
    if _MIXED.search(token) and _rare(token) and re.search(r"(?<!\w)[a-zæøå][\w\-]{3,}\s+$", before) and \
            _ACQUIRE_IN_SENTENCE.search(scan.text[scan.sentence(start)[0]:start]):
        return "acquired"  # «levere bleier av typen X og hudrensskum DermaSoft Clean»: a second product of the same list
    return ""


def _name_end(scan, end: int) -> int:
    """A name runs on over capitalised words and model words: «Focus Arealplan», «Dirigens Mini»."""
    designation = scan.designation_end(end)
    return max(end, designation)


def suppliers(scan) -> None:
    """The supplier named as the counterparty: «kontrakt med X AS», «partner av X», «tildele ... til X», «installert av X»,
    «teamet fra X» (supplier)."""
    # cues that also take buyers, partners, places or a quality («leverandøren skal være Miljøfyrtårn-sertifisert»)
    strict = (ctx.SUPPLIER_CUES[0], ctx.SUPPLIER_FROM_CUE, ctx.SUPPLIER_CUES[-3], ctx.SUPPLIER_CUES[-2], ctx.SUPPLIER_CUES[-1])
    low = scan.text.lower()
    for pattern, words in zip(ctx.SUPPLIER_CUES, ctx.SUPPLIER_CUE_WORDS, strict=True):
        if not any(word in low for word in words):
            continue  # the cue word is not in the line: no need to run the pattern
        for m in pattern.finditer(scan.text):
            if pattern is ctx.SUPPLIER_FROM_CUE and _owner_named(scan, m):
                continue  # «hentes fra Posten Norge AS sitt terminalbygg»: a place the company owns, not who supplies
            # «med DIPS Front og Spider Solutions»: each name of a list is its own supplier
            # («Bjerke & Sønn AS» is one company: a name with a company form keeps its «&»)
            offset, name = m.start("name"), m.group("name")
            stop = re.search(r"\.(?=\s)", name)
            if stop:
                name = name[:stop.end()]  # «… Gårdsmat AS. Maten skal …»: the name ends with its sentence
            joins = r"og|and" if re.search(rf"&.*\s{ctx.COMPANY_SUFFIX}\.?$", name) else r"og|and|&"
            for part in re.split(rf"(\s+(?:{joins})\s+)", name):
                if part.strip() and not re.fullmatch(rf"\s+(?:{joins})\s+", part):
                    _supplier(scan, m, pattern, offset, part, pattern in strict)
                offset += len(part)


_OWNER_AFTER = re.compile(r"\s+(?:sin|sitt|sine|its)\b")
_GENITIVE_BEFORE_NOUN = re.compile(r"\s+(?!(?:og|eller|i|innen|hver|til|på|med|fra|som|for|senest|minst|and|or|in|every)\b)"
                                   r"[a-zæøå]")


def _owner_named(scan, m) -> bool:
    """The name after «fra»/«hos» owns the place the goods are fetched from («Posten Norge AS sitt lager», «etatens
    stasjoner», «Renovasjons- og …etatens»), or is half of a compound: not the company the goods must come from."""
    name = m.group("name")
    last = name.split()[-1] if name.split() else ""
    return bool(re.search(r"-(?:\s|$)", name) or _OWNER_AFTER.match(scan.text, m.end("name"))
                or (last.endswith("s") and not last.endswith("ss") and _GENITIVE_BEFORE_NOUN.match(scan.text, m.end("name"))))


# Public bodies that deliver to other public bodies under their own mandate, not suppliers in a competition.
_PUBLIC_BODIES = {"statsbygg", "nav", "dfø", "digdir", "skatteetaten", "brønnøysundregistrene", "kartverket", "politiet",
                  "uio", "uib", "uit", "uis", "uia", "ntnu", "oslomet", "usn", "nmbu"}
_PUBLIC_FIRST = {"helse", "statens", "norges", "universitetet", "høgskolen", "sykehuset", "oslo", "bergen", "trondheim"}


# The head of a public body's one-word name («Fiskeridirektoratet», «Arbeidstilsynets», «Skatteetaten», «Utlendingsnemnda»)
_PUBLIC_BODY_WORD = re.compile(r"\w(?:direktorat|tilsyn|etat|departement|nemnd|ombud|sekretariat)(?:et|en|a)?s?$",
                               re.IGNORECASE)


# Eco- and quality labels a supplier or its delivery may hold (besides the lexicon's STANDARDS): never a company.
_LABEL_NAME = re.compile(r"(?:Svanemerk|Svanen|EU[\s\-]?Ecolabel|Blomsten|Miljøfyrtårn|EMAS|Möbelfakta|Fairtrade|Debio|"
                         r"Nyt\s+Norge|Nordic\s+Swan)", re.IGNORECASE)


def _supplier(scan, m, pattern, start: int, name: str, strict: bool) -> None:
    trimmed = re.sub(r"(?:\s+(?:of|and|&|og))+$", "", name)
    if trimmed.endswith(".") and not re.search(rf"\s{ctx.COMPANY_SUFFIX}$", trimmed):
        trimmed = trimmed[:-1]  # «… fra Norconsult.»: the sentence's full stop, not part of the name
    end = start + len(trimmed)
    if trimmed.lower() in ctx.PROCESS_NAMES:
        return
    if lex.STANDARDS.match(trimmed) or _LABEL_NAME.match(trimmed):
        return  # «leverandøren skal være Svanemerket»: a label or a standard the supplier meets, never who the supplier is
    if ctx.PUBLIC_BODY_AFTER.match(scan.text, start) or re.search(r"\b(?:HF|RHF|IKS|KF|SF|kommune|fylkeskommune)$", trimmed):
        return
    if _PUBLIC_BODY_WORD.search(trimmed.split()[0] if trimmed.split() else "") \
            and not re.search(rf"\s{ctx.COMPANY_SUFFIX}$", trimmed):
        return  # «personell fra Fiskeridirektoratets sjøtjeneste»: a directorate or an agency, not a supplier
    if ctx.PROCESS_SUBJECT.search(scan.text[max(0, m.start() - 40):m.start()]):
        return  # «Konkurransen gjennomføres av …»: who runs the procurement, not who delivers
    if ctx.SUPPLIER_PROCESS_BEFORE.search(scan.text[max(0, m.start() - 25):m.start()]) \
            or ctx.PARTNER_BEFORE.search(scan.text[max(0, start - 40):start]):
        return
    # «teamet fra X», «innredningen fra X»: the cue itself says who does the delivery, not who made the goods
    goods = _MAKER_BEFORE.search(scan.text[max(0, start - 40):start]) if pattern is not ctx.SUPPLIER_CUES[-1] else None
    if goods and _NOT_MADE.match(goods.group(1)):
        return  # «kjøpes transporttjenester fra Roverudmyra»: a place the service starts from, not a maker
    if goods and not re.search(rf"\s{ctx.COMPANY_SUFFIX}\.?$", trimmed):
        return  # «medisindispensere fra mediQo»: the maker of the goods, a brand (unknown_names), not a company form
    if any(h.start < end and start < h.end for h in scan.matches):
        return  # «leveres av KONE»: the brand finding already says it
    words = trimmed.split()
    known = scan.brands.get(lex.brand_key(words[0]))
    company = re.search(rf"\s{ctx.COMPANY_SUFFIX}$", trimmed)
    # without a company form or the lexicon, a name must look like one: rare as a word, or two capitalised words
    # mid-sentence («Spider Solutions»); short acronyms (NAV, NTNU) and public bodies are buyers more often than not
    shaped = not _acronym_or_word(words[0]) and words[0].lower() not in _PUBLIC_FIRST and (
        _rare(words[0]) or (len(words) > 1 and all(w[:1].isupper() for w in words)))
    # «inngå avtale med Fjordkraft»: a known company is a common enough word to fail the rarity test, but after the
    # intention to contract a capitalised single name that is not a noun form (Kunden, Tilbyder, Helseforetaket) is one
    intended = bool(pattern is ctx.SUPPLIER_CUES[0] and ctx.CONTRACT_INTENT_BEFORE.search(scan.text[max(0, m.start() - 40):m.start()])
                    and len(words) == 1 and words[0][:1].isupper() and not _acronym_or_word(words[0])
                    and words[0].lower() not in _PUBLIC_FIRST and not re.search(r"(?:en|et|ene|er|ere|erne|ane)$", words[0])
                    and _zipf(words[0]) < 3.0)
    obliged = ctx.OBLIGED_BY_BEFORE.search(scan.text[max(0, start - 40):start]) or (
        ctx.OBLIGED_PARTICIPLE_BEFORE.search(scan.text[max(0, start - 40):start])
        and ctx.OBLIGATION_IN_SENTENCE.search(scan.text[scan.sentence(start)[0]:start]))
    # «samme teamet fra Kluge»: keeping today's people from one company demands that company (not a place: «Bergen»)
    # «Arbeidet skal gjøres av rådgivere fra Norconsult»: a requirement that says whose people do the work demands
    # that company too
    people = pattern is ctx.SUPPLIER_CUES[-1] and len(words) == 1 and _zipf(words[0]) < 3.0
    obliged = obliged or bool(people and (
        re.search(r"(?i:samme|dagens|nåværende)\s+$", scan.text[max(0, m.start() - 20):m.start()])
        or (words[0][:1].isupper() and words[0].lower() not in _PUBLIC_FIRST | _PUBLIC_BODIES
            and ctx.OBLIGATION_IN_SENTENCE.search(scan.text[scan.sentence(start)[0]:start]))))
    # «skal (helst) utføres av Deloitte»: the requirement names who is to do the work; a capitalised single name there
    # that is not a noun form («Leverandøren», «Kommunen») or a public body is the supplier even if it is a common word
    demanded = bool(obliged and len(words) == 1 and words[0][:1].isupper() and words[0].lower() not in _PUBLIC_FIRST
                    and not re.search(r"(?:en|et|ene|er|ere|erne|ane|a)$", words[0].rstrip(".")) and not words[0].rstrip(".").isupper()
                    and not ctx.PUBLIC_BODY_AFTER.match(scan.text, start) and words[0].rstrip(".").lower() not in _PUBLIC_BODIES)
    intended = intended or demanded
    if strict and not (company or known or shaped or intended):
        return
    if len(words) == 1 and ordinary(trimmed) and not known and not _rare(trimmed) and not intended:
        return
    if not obliged and ctx.OBLIGED_ONLY_VERB.match(m.group(0)):
        return
    severity = "low" if ctx.EXISTING_CONTEXT.search(scan.window(start, 80)) and not obliged else "high"
    scan.add("supplier", start, end, severity, "named")


def origin(scan) -> None:
    """Origin demanded of the goods («produsert av norske produsenter», «kortreist»), or a local office demanded of the
    supplier («og kontor i Bergen sentrum») (origin)."""
    _origin_phrases(scan)
    for pattern in (ctx.ORIGIN_PREDICATE, ctx.ORIGIN_COMPOUND, ctx.ORIGIN_SOURCE, ctx.ORIGIN_GOODS, ctx.ORIGIN_LABEL):
        for m in pattern.finditer(scan.text):
            start = m.start("nat") if pattern is ctx.ORIGIN_PREDICATE else m.start()
            if any(h.start < m.end() and start < h.end for h in scan.matches
                   if h.category in {"origin", "supplier", "brand", "model_type"}):
                continue  # «leveres fra Norsk Kylling»: a company's name, found as the supplier
            if pattern is ctx.ORIGIN_GOODS and _CAPITALISED_PAIR.fullmatch(m.group(0)) and scan.text[:start].strip():
                continue  # «Norske Egg» mid-sentence: two capitalised words are a name, not a nationality
            obliged = pattern is ctx.ORIGIN_PREDICATE or scan.sentence_has(ctx.OBLIGATION, start)  # the predicate demands
            if not obliged or lex.NEGATION_BEFORE.search(scan.window(start, 30)):
                continue  # a label or a country in a description, a study or a title is no demand on the goods
            if pattern is not ctx.ORIGIN_LABEL and scan.sentence_has(ctx.NOT_ORIGIN, start):
                continue  # «Brukerflaten skal være norsk»: the language, not where the goods come from
            if pattern is ctx.ORIGIN_GOODS and not scan.sentence_has(ctx.SUPPLY_VERB, start):
                continue  # «Prosjektet skal styrke norsk landbruk»: a subject, not goods supplied
            kind = "label" if pattern is ctx.ORIGIN_LABEL else _origin_kind(scan, start)
            scan.add("origin", start, m.end(), "high", kind)
    for m in ctx.LOCAL_PRESENCE.finditer(scan.text):
        lead = re.match(r"(?:med|ha|har|og)\s+", m.group(0), re.IGNORECASE)
        if lead is None and not ctx.SUPPLIER_SUBJECT_BEFORE.search(scan.window(m.start(), 60)):
            continue  # «Anlegget skal være lokalisert i kommunen»: where a site is, not where the supplier must be
        start = m.start() + (len(lead.group(0)) if lead else 0)
        if requirement_position(scan, m.start()) and not lex.NEGATION_BEFORE.search(scan.window(m.start(), 30)):
            scan.add("origin", start, m.end(), "medium", "presence")
    for m in ctx.ATTENDANCE.finditer(scan.text):
        if requirement_position(scan, m.start()) and not lex.NEGATION_BEFORE.search(scan.window(m.start(), 30)) \
                and not scan.sentence_has(lex.FUNCTION_TIE, m.start()):
            scan.add("origin", m.start(), m.end(), "medium", "attendance")


def _origin_phrases(scan) -> None:
    """«produsert i Norge», «norskprodusert», «kortreist» demanded of the goods (origin)."""
    for m in ctx.ORIGIN.finditer(scan.text):
        # «Kun norskprodusert kjøtt»: a restriction is a demand even in a line without a verb
        demanded = requirement_position(scan, m.start()) or bool(_RESTRICTED_BEFORE.search(scan.window(m.start(), 30)))
        if _NAMED_NATIONAL_END.search(m.group(0)) and m.start() > 0:
            continue  # «skip registrert i Norsk ordinært skipsregister»: a capitalised adjective mid-sentence opens a name
        if demanded and not lex.NEGATION_BEFORE.search(scan.window(m.start(), 30)):
            scan.add("origin", m.start(), m.end(), "high", _origin_kind(scan, m.start()))


_CAPITALISED_PAIR = re.compile(r"[A-ZÆØÅ]\w*\s+[A-ZÆØÅ]\w*")
_NAMED_NATIONAL_END = re.compile(r"\s(?:Norsk|Norske|Svensk|Svenske|Nordisk|Nordiske|Lokal|Lokale|Europeisk|Europeiske)$")
_RESTRICTED_BEFORE = re.compile(r"(?<!\w)(?:kun|bare|utelukkende|only|exclusively)\s+(?:\w+\s+)?$", re.IGNORECASE)

# A food named with the producer it must come from («laks fra Lerøy», «meieriprodukter fra Tine», «Kyllingen skal være fra
# Den Stolte Hane»): a named producer as the source of the goods. Many producers also name a place (an island, a valley),
# and a place of origin would be an origin demand all the same, so the capitalised name after «fra» is the finding.
_FOOD_NOUNS = (r"kjøtt|kjøttprodukt|kjøttvare|storfekjøtt|svinekjøtt|lammekjøtt|kylling|kyllingfilet|kalkun|fisk|"
               r"fiskeprodukt|fiskevare|fiskefilet|sjømat|laks|laksefilet|torsk|sei|reke|egg|melk|melkeprodukt|"
               r"meieriprodukt|meierivare|ost|smør|yoghurt|fløte|grønnsak|frukt|bær|potet|brød|bakervare|"
               r"pølse|skinke|juice|råvare|matvare|kaffe|kaffebønne|brus|mineralvann|drikkevare|iskrem|sjokolade")
_FOOD_FROM_NAME = re.compile(
    rf"(?<![\w\-])(?:{_FOOD_NOUNS})(?:en|et|a|ene|er|ne|r|n)?\s+(?:[\w\-]+\s+){{0,2}}?fra\s+"
    r"(?P<name>(?-i:[A-ZÆØÅ])[\w\-]+(?:\s+(?-i:[A-ZÆØÅ])[\w\-]+){0,2})", re.IGNORECASE)
# A country or region after «fra»: the origin rules own it.
_COUNTRY = re.compile(r"(?:Norge|Norden|Sverige|Danmark|Finland|Island|Skottland|Chile|EU|EØS|Europa|Norway|Europe|"
                      r"(?:Nord|Sør|Vest|Øst|Midt)-Norge|Vestlandet|Østlandet|Sørlandet|Nord-Norge|Trøndelag)$")
# Goods carried from one place to another («transport av fisk fra Tromsø til Oslo»): a route, not a producer.
_ROUTE = re.compile(r"(?<!\w)(?:transport\w*|frakt\w*|kjøring|henting|hentes|flytting|distribusjon)(?!\w)", re.IGNORECASE)
_TO_PLACE = re.compile(r"\s+til\s+(?-i:[A-ZÆØÅ])")
_TODAY_WORDS = re.compile(r"(?<!\w)(?:dagens|i\s+dag|nåværende|hittil|today|currently)(?!\w)", re.IGNORECASE)
_WANTS = re.compile(r"(?<!\w)(?:ønsker|ønskes|foretrekker|foretrekkes|prefer\w*)(?!\w)", re.IGNORECASE)


# A measuring technique named by its acronym as the service bought («GPR-målinger», «IR-scanning») and followed by the
# need it is to meet («… av hulrom for asfaltarbeider», «… for asfaltarbeider»): as with a plant named for a stated need,
# the need is there and the technique that meets it is chosen. Without a stated need («Kjøp av georadarmålinger på
# fylkesveg 12») the technique is the service itself and is left alone.
_ACRONYM_TECHNIQUE = re.compile(
    r"(?<![\w\-])(?-i:[A-Z]{2,4})-(?:målinger|måling|målingene|scanning|skanning|skanninger|kartlegging|inspeksjon|"
    r"inspeksjoner|registrering|registreringer)(?!\w)", re.IGNORECASE)
_NEED_AFTER = re.compile(r"\s+(?:av\s+[\w\-]+\s+)?(?:for|til)\s+(?!eksempel\b)(?:[\w\-]+\s+){0,2}?"
                         r"(?:[\w\-]*(?:arbeid|arbeider|kontroll|kvalitet|vedlikehold|drift|planlegging|prosjekt\w*|"
                         r"dekker|veger|veier|bruer|tunneler))(?!\w)", re.IGNORECASE)


def technique_services(scan) -> None:
    """A technique by acronym bought for a stated need (prescribed_technology, kind means)."""
    for m in _ACRONYM_TECHNIQUE.finditer(scan.text):
        start, end = m.start(), m.end()
        _, sentence_end = scan.sentence(start)
        if not _NEED_AFTER.match(scan.text, end, sentence_end) or any(h.start < end and start < h.end for h in scan.matches):
            continue
        if not requirement_position(scan, start) or lex.NEGATION_BEFORE.search(scan.window(start, 30)) \
                or ctx.STUDIED_BEFORE.search(scan.window(start, 80)) or scan.sentence_has(_TODAY_WORDS, start) \
                or lex.EQUIVALENT.search(scan.text[end:sentence_end]):
            continue
        scan.add("prescribed_technology", start, end, "medium", "means")


def producers(scan) -> None:
    """A named producer as the source of food goods («laks fra Lerøy», «kjøtt fra Nortura»), demanded, acquired, wished
    for or listed in a verbless line (supplier, kind producer)."""
    for m in _FOOD_FROM_NAME.finditer(scan.text):
        start, end = m.start("name"), m.end("name")
        name = m.group("name")
        if _COUNTRY.search(name) or _TO_PLACE.match(scan.text, end):  # «fra Ålesund til Oslo»: a route
            continue
        if not (requirement_position(scan, start) or scan.verbless(start) or scan.sentence_has(_WANTS, start)):
            continue
        if scan.sentence_has(_ROUTE, start) or lex.NEGATION_BEFORE.search(scan.window(m.start(), 30)) \
                or _not_a_product(scan, start, end, place=False):
            continue
        overlapping = [h for h in scan.matches if h.start < end and start < h.end]
        if any(h.category in {"origin", "supplier"} for h in overlapping) or (
                requirement_position(scan, start) and any(h.severity != "low" for h in overlapping)):
            continue  # «Frukten skal leveres fra Bama»: the brand finding in requirement position already says it
        scan.matches = [h for h in scan.matches if not (h.category in {"brand", "model_type"} and h.start < end
                                                        and start < h.end)]
        # «Vi kjøper i dag meieriprodukter fra Tine»: today's supplier described, a note
        today = scan.sentence_has(ctx.EXISTING_CONTEXT, start) or scan.sentence_has(_TODAY_WORDS, start)
        scan.add("supplier", start, end, "low" if today else "medium", "producer")
# Food in the sentence: an origin demanded of it is better written as freshness, food safety and animal welfare.
_FOOD_CONTEXT = re.compile(
    r"mat\w*|kjøtt\w*|fisk\w*|sjømat|laks|torsk|kylling\w*|egg\w*|melk\w*|meieri\w*|ost(?:er)?|grønnsak\w*|frukt\w*|bær|"
    r"poteter?|brød|bakervarer|råvare\w*|lam(?:mekjøtt)?|storfe\w*|svin\w*|kantine\w*|måltid\w*|servering\w*|serveres|"
    r"gårder|gårdsbruk|bønder|slakteri\w*|oppdrett\w*|meny\w*|food|meat|fish|meals?",
    re.IGNORECASE,
)


def _origin_kind(scan, pos: int) -> str:
    """«food» where the goods are food (the advice is freshness, food safety, animal welfare), else «origin»."""
    return "food" if scan.sentence_has(_FOOD_CONTEXT, pos) else "origin"


def approvals(scan) -> None:
    """A named approval, certification body or scheme required as the only proof («dokumentert med SINTEF Teknisk
    Godkjenning», «sertifisert av Nemko», «TÜV-godkjent»), with no room for equivalents (missing_or_equivalent)."""
    for m in ctx.APPROVAL.finditer(scan.text):
        group = next(g for g in ("body", "compound", "scheme") if m.group(g))
        start, end = m.start(group), m.end(group)
        if any(h.start < end and start < h.end for h in scan.matches if h.category != "supplier"):
            continue
        sentence_start, sentence_end = scan.sentence(start)
        if ctx.EQUIVALENT_PROOF.search(scan.text, end, sentence_end) or not ctx.OBLIGATION.search(scan.sentence_text(start)):
            continue
        if ctx.COMPETENCE_CONTEXT.search(scan.window(start, 40)):
            continue  # «for eksempel godkjent av DNV»: an example of what counts, not the only proof
        scan.matches = [h for h in scan.matches if not (h.category == "supplier" and h.start < end and start < h.end)]
        scan.add("missing_or_equivalent", start, end, "medium", "approval")


def certifications(scan) -> None:
    """A named certification of a method or a person required with no room for equivalents («Prosjektlederen skal være
    PRINCE2-sertifisert», «ha ITIL-sertifisering»): comparable training or assignments show the same competence
    (missing_or_equivalent, kind certification)."""
    for m in ctx.PERSON_CERTIFICATION.finditer(scan.text):
        start, end = m.start(), m.end()
        if any(h.start < end and start < h.end for h in scan.matches if h.category != "supplier"):
            continue
        _, sentence_end = scan.sentence(start)
        if ctx.EQUIVALENT_PROOF.search(scan.text, end, sentence_end) or lex.EQUIVALENT.search(scan.text[start:sentence_end]) \
                or not ctx.OBLIGATION.search(scan.sentence_text(start)):
            continue
        if lex.NEGATION_BEFORE.search(scan.window(start, 30)) or re.search(
                r"(?:for eksempel|f\.eks\.?|eksempelvis|e\.g\.|such as|er en fordel|vektlegges)\s+(?:\w+\s+){0,2}$",
                scan.text[max(0, start - 40):start], re.IGNORECASE):
            continue  # an example of what counts, or an advantage weighed in the award
        scan.matches = [h for h in scan.matches if not (h.start < end and start < h.end)]
        scan.add("missing_or_equivalent", start, end, "medium", "certification")
    _scheme_roles(scan)


# A certification scheme in capitals made part of the role of the person hired or demanded («innleie FROSIO-inspektør»,
# «en NACE-sertifisert inspektør»): the scheme is the only proof of the competence (kind certification). Four capitals
# or more, so that role prefixes such as «SHA-koordinator» or «HMS-rådgiver» stay out.
_ROLES = r"(?:inspektør|kontrollør|sveiser|montør|tekniker|operatør|takstmann|kontrollingeniør)(?:en|er|ene)?"
_SCHEME_ROLE = re.compile(
    rf"(?<![\w\-])(?-i:[A-ZÆØÅ]{{4,6}})(?:-{_ROLES}|[\s\-]+(?:sertifisert|godkjent)e?\s+{_ROLES})(?!\w)", re.IGNORECASE)


def _scheme_roles(scan) -> None:
    """A role hired or demanded with a certification scheme in its name, without equivalents (missing_or_equivalent)."""
    for m in _SCHEME_ROLE.finditer(scan.text):
        start, end = m.start(), m.end()
        if any(h.start < end and start < h.end for h in scan.matches) or scan.shouting(start):
            continue
        _, sentence_end = scan.sentence(start)
        if ctx.EQUIVALENT_PROOF.search(scan.text, end, sentence_end) or lex.EQUIVALENT.search(scan.text[start:sentence_end]):
            continue
        if not (requirement_position(scan, start) or scan.verbless(start)) \
                or lex.NEGATION_BEFORE.search(scan.window(start, 30)) or _not_a_product(scan, start, end, place=False):
            continue
        scan.add("missing_or_equivalent", start, end, "medium", "certification")


# What the standard is made into: the measure of quality or the basis of the work («… som kvalitetsindikator»,
# «… som grunnlag for kontrollen»)
_AS_MEASURE = re.compile(r"\s+som\s+(?:kvalitets\w*|grunnlag\w*|målemetode\w*|måleverktøy\w*|målesystem\w*|kontrollmetode\w*|"
                         r"norm(?:en)?|standard(?:en)?|referanse\w*|the\s+(?:quality\s+)?(?:measure|standard|basis))(?!\w)",
                         re.IGNORECASE)


def standards(scan) -> None:
    """Named standards, labels and certifications required without «eller tilsvarende» (missing_or_equivalent)."""
    last_end = -1
    for m in ctx.NAMED_STANDARD.finditer(scan.text):
        start, end = m.start(), m.end()
        listed = last_end >= 0 and re.fullmatch(r"[\s,]*(?:og|samt|and|eller)?\s*", scan.text[last_end:start]) is not None
        if ctx.MANDATED_STANDARD.match(m.group(0)):
            continue
        sentence_start, sentence_end = scan.sentence(start)
        if lex.EQUIVALENT.search(scan.text[start:sentence_end]) or ctx.EQUIVALENT_PROOF.search(scan.text, end, sentence_end):
            continue
        before = scan.text[sentence_start:start]
        if _bullet_under_demand(scan.text, start):
            scan.add("missing_or_equivalent", start, end, "medium", "standard")
            last_end = end
            continue
        # «Renholdstjenesten vil ha NS INSTA 800 som kvalitetsindikator»: the buyer makes the standard the measure
        measure = bool(_AS_MEASURE.match(scan.text, end)
                       and re.search(r"(?:skal|må|vil|shall|must|will)\s+(?:\w+\s+){0,2}$", before, re.IGNORECASE))
        if not (listed or measure or ctx.STANDARD_VERB_BEFORE.search(before)
                or re.search(r"(?:skal|må|shall|must)\s+(?:\w+\s+){0,2}$", before, re.IGNORECASE)):
            continue
        sentence = scan.text[sentence_start:sentence_end]
        if not (ctx.OBLIGATION.search(sentence) or measure) or re.search(
                r"godkjent som dokumentasjon|kan dokumenteres|dersom|hvis|accepted as|if the", sentence, re.IGNORECASE):
            continue
        scan.add("missing_or_equivalent", start, end, "medium", "standard")
        last_end = end


_BULLET_HEAD = re.compile(r"[ \t]*[\-–•*·▪][ \t]*")
_BULLET_LINE = re.compile(r"[ \t]*[\-–•*·▪]")


def _bullet_under_demand(text: str, start: int) -> bool:
    """The reference heads an item of a bulleted list whose lead-in line obliges («Prosjektet skal ha høy miljøprofil:
    - BREEAM-NOR - Passivhus»): each item is demanded, as a reference in the lead-in itself would be."""
    line_start = text.rfind("\n", 0, start) + 1
    if line_start == 0 or not _BULLET_HEAD.fullmatch(text, line_start, start):
        return False
    cursor = line_start
    while cursor > 0:
        previous = text.rfind("\n", 0, cursor - 1) + 1
        line = text[previous:cursor - 1]
        if not _BULLET_LINE.match(line):
            return bool(ctx.OBLIGATION.search(line)) and not lex.EQUIVALENT.search(line)
        cursor = previous
    return False


_PRESCRIBED_BEFORE = re.compile(
    r"(?:basert på|baseres på|bygget på|bygges på|ved bruk av|ved hjelp av|med|using|based on|with|"
    r"(?:kommuniser\w*|overfør\w*|sende[rs]?|sendes|kobles|communicat\w*|transmit\w*)\s+(?:\w+\s+){0,2}?(?:over|via|gjennom)|"
    r"(?:skal|må|shall|must)\s+(?:\w+\s+){0,2}?(?:bruke|benytte|anvende|ha|være|use|have|be))\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


# «avtale om utførelse av hybrid LiDAR og fotogrammetriundersøkelse»: the technology is the service bought
_PERFORMED_BEFORE = re.compile(
    r"(?:utførelse|gjennomføring|kjøp|levering|leveranse|anskaffelse|innkjøp|bestilling)\s+av\s+(?:[\w\-]+\s+){0,2}$",
    re.IGNORECASE)


# «skal bruke X», «skal bygges på plattformen X», «shall run on X»: the requirement prescribes what X is, whatever X is
_USE_BEFORE = re.compile(
    r"(?<!\w)(?:skal|må|shall|must)\s+(?:\w+\s+){0,2}?(?:bruke|benytte|anvende|use|utili[sz]e|bygges på|bygge på|baseres på|"
    r"være basert på|kjøre på|kjøres på|be based on|be built on|run on)\s+(?:(?:en|et|ei|the|a|an)\s+)?"
    r"(?:[a-zæøå]+(?:en|et|a|ene|ne)\s+)?$",
    re.IGNORECASE,
)
_CODE_NAME = re.compile(r"[A-ZÆØÅ]{1,4}-?\d+[A-Za-z]{0,3}")


# «Bergarten som skal nyttes er Larvikitt», «Systemet som skal benyttes er X»: the choice stated as a definition
_CHOSEN = re.compile(
    r"(?<!\w)(?P<what>[^\W\d_]+)\s+som\s+skal\s+(?:nyttes|brukes|benyttes|anvendes|leveres)\s+(?:er|blir)\s+"
    r"(?P<name>[^\W\d_][\w\-]*)(?=\s*[.,;]|\s*$)",
    re.IGNORECASE,
)
_MATERIAL_WHAT = re.compile(r"(?:berg|stein|tre|material|metall|stål|kledning|belegg|dekke)\w*", re.IGNORECASE)


def chosen_names(scan) -> None:
    """«X som skal nyttes er Y»: Y is the material or technology the requirement chooses (material_dimension_method or
    prescribed_technology), unless Y is an ordinary word («… er følgende»)."""
    for m in _CHOSEN.finditer(scan.text):
        start, end, name = m.start("name"), m.end("name"), m.group("name")
        if not _rare(name) or any(h.start < end and start < h.end for h in scan.matches) or scan.in_standard(start, end):
            continue
        if _MATERIAL_WHAT.fullmatch(m.group("what")):
            scan.add("material_dimension_method", start, end, "medium", "material")
        else:
            scan.add("prescribed_technology", start, end, "medium", "named")


def prescribed_names(scan) -> None:
    """A name or a code the requirement says must be used («skal bruke R290 som kuldemedium», «skal bygges på plattformen
    Kommunix»): a prescribed technology, unless it is what the buyer has or must work with (prescribed_technology)."""
    # a name already found as a brand or model keeps that finding (as «skal bruke Jira» does), known or not
    covered = _Coverage(len(scan.text))
    for h in scan.matches:
        covered.add(h.start, h.end)
    for m in re.finditer(r"[^\W_][\w\-]*", scan.text):
        start, end, token = m.start(), m.end(), m.group(0)
        if not token[:1].isupper() and not _MIXED.search(token):
            continue
        if not _USE_BEFORE.search(scan.window(start, 80)) or covered.overlaps(start, end):
            continue
        coded = bool(_CODE_NAME.fullmatch(token))
        named = token.isalpha() and not token.isupper() and (_MIXED.search(token) or _rare(token))
        if not (coded or named) or scan.in_standard(start, end) or ctx.MANDATED_STANDARD.match(token) \
                or _not_a_product(scan, start, end, place=False) or _acronym_or_word(token):
            continue
        severity = "low" if scan.nearest_is_compat(start) or _existing_governs(scan.window(start, 80)) else "medium"
        scan.add("prescribed_technology", start, end, severity, "named", compat=severity == "low")


def technology_phrases(scan) -> None:
    """Prescribed technologies named by phrase rather than product: «basert på Cell Broadcast-teknologien»."""
    for m in ctx.TECH_PHRASE.finditer(scan.text):
        group = next(g for g in ("span", "span2", "span3") if m.group(g))
        start, end = m.start(group), m.end(group)
        if any(h.start < end and start < h.end for h in scan.matches) or not requirement_position(scan, start):
            continue
        before = scan.window(start, 60)
        if group == "span3" and not _USE_BEFORE.search(before) and not re.search(r"(?:basert|baseres|bygget|bygges)\s+på\s+$",
                                                                              before, re.IGNORECASE):
            continue  # a lower-case compound counts only where it is prescribed outright («skal være basert på …»)
        # the last item of a list the sentence's «skal ha» demands («… Ra ≥ 90, IP65 og DALI-2-driver») is demanded too
        listed = re.search(r"(?:,|\bog|\band)\s+$", before) and ctx.OBLIGATION_IN_SENTENCE.search(
            scan.text[scan.sentence(start)[0]:start])
        if lex.NEGATION_BEFORE.search(before[-40:]) or not (
                _PRESCRIBED_BEFORE.search(before) or _PERFORMED_BEFORE.search(before) or listed):
            continue
        if re.search(r"(?:til|for|mot|with|for)\s+$", before) and re.search(r"(?<!\w)(?:tilbehør|hørselvern|garnityr|accessor)", before, re.I):
            continue  # accessories for radios the buyer has: compatibility, not a technology choice
        # an open protocol or standard with room for equivalents («DALI eller tilsvarende åpen standard») is allowed
        # when the subject-matter calls for it: a note asking for the reason, not a finding
        open_equivalent = group == "span2" and lex.EQUIVALENT_SOON.match(scan.after(end, 60))
        severity = "low" if _existing_governs(before) or open_equivalent else "medium"
        scan.add("prescribed_technology", start, end, severity, "phrase")



def _existing_governs(before: str) -> bool:
    """Today's system named before the technology and not cut off by a requirement verb: «integrasjon mot eksisterende
    system basert på X» describes what the buyer has; «Oppmålingen av eksisterende bygg skal utføres med X» prescribes X."""
    existing = list(ctx.EXISTING_CONTEXT.finditer(before))
    if not existing:
        return False
    last = existing[-1]
    # an adjective («eksisterende bygningsmasse») describes the object of the work; a modal after it starts the demand.
    # A verb phrase («benytter i dag X, og … skal leveres i X») names today's system, which the demand then refers to.
    return not (_EXISTING_ADJECTIVE.fullmatch(last.group(0)) and ctx.OBLIGATION.search(before, last.end()))


_EXISTING_ADJECTIVE = re.compile(r"eksisterende|esksisterende|nåværende|existing", re.IGNORECASE)


EXACT_VALUE = re.compile(
    rf"(?<![\w,.\-])(?:{lex.NUMBER}\s*(?:x|×)\s*{lex.NUMBER}(?:\s*(?:piksler|pixels|px))?"
    rf"|{lex.NUMBER}\s*-?\s*(?:W/m²K|W/m2K|W/\(m²K\)|W/mK|W/m²|W/m2|kWh|kW|kVA|Wh|W|V|GHz|MHz|Hz|GB|TB|MB|mAh|dB|lux|lm|"
    rf"(?:ANSI[\s\-]?)?lumen|tommers|tommer|\"|″|inch(?:es)?|hk|Nm|bar|liter|l|kg|nm|nanometer))(?![\w/])|(?<![\w\-])R\s?-?(?:290|32|410A|134a|744|600a|407C|1234yf|1234ze)(?![\w])",
)


# «25 x 45 meter som skal kunne deles i tre»: a relative clause that says what the value is for («som kuldemedium»
# only names what the value is)
_PURPOSE_AFTER = re.compile(r"(?:\s*(?:meter|m|cm|mm))?\s+som\s+(?:skal|kan|må|gir|sikrer|tåler|dekker|holder|rommer|passer)\b",
                            re.IGNORECASE)


_INCH_MARK = re.compile(r"\d\s*[\"″]$")


def exact_values(scan) -> None:
    """Exact technical values with no stated function or tolerance: a hint of over-specification (low)."""
    for m in EXACT_VALUE.finditer(scan.text):
        start, end = m.start(), m.end()
        if any(h.start < end and start < h.end for h in scan.matches) or scan.in_standard(start, end):
            continue
        sentence = scan.sentence_text(start)
        if not ctx.OBLIGATION.search(sentence) and not ctx.ACQUIRES.search(sentence):
            continue
        if ctx.PITCH.search(sentence) and re.match(r"\s*m(?:eter)?\b", scan.after(end, 8)):
            continue  # the size of a pitch in metres is the field the sport's rules set, the scope of the works
        if scan.bounded(start, end) or lex.OUTCOME_WORDS.search(scan.window(start, 40) + scan.after(end, 25)) \
                or lex.FUNCTION_TIE.search(sentence) or _PURPOSE_AFTER.match(scan.text, end):
            continue
        sentence_start, sentence_end = scan.sentence(start)
        if any(h.severity != "low" and sentence_start <= h.start < sentence_end for h in scan.matches
               if h.category in {"brand", "model_type", "tailoring", "missing_or_equivalent", "supplier"}):
            continue  # the requirement is already flagged for more than its numbers; the rewrite handles them there
        if _INCH_MARK.search(m.group(0)) and not any(
                sentence_start <= h.start < sentence_end for h in scan.matches
                if h.category in {"prescribed_technology", "product_named"}):
            continue  # «65" skjerm» alone is how screens are sold; in a list of prescribed equipment it is one more detail
        scan.add("material_dimension_method", start, end, "low", "exact_value")
    for m in lex.part_counts(scan.text):
        start, end = m.start("count"), m.end("noun")
        following = re.match(r"\s+[a-zæøå][\w\-]{2,}", scan.text[end:])
        if following and re.search(r"(?:iske|ige|elle|bare|ede|te)$", m.group("noun")):
            end += following.end()  # «4 digitale vekter»: the adjective with its noun
        if any(h.start < end and start < h.end for h in scan.matches) or scan.in_standard(start, end):
            continue
        scan.add("material_dimension_method", start, end, "low", "part_count")


def is_fuel_supply(scan, start: int, end: int) -> bool:
    """Diesel, petrol or hydrogen as the goods supplied (fuel for the buyer's tanks), not as a vehicle's technology."""
    if _MACHINE_AFTER.match(scan.text[end:end + 25]):
        return False
    return bool(_FUEL_SUPPLY_BEFORE.search(scan.window(start, 200)) or not requirement_position(scan, start)
                or not re.search(r"\w", scan.text[max(0, start - 3):start]) and not ctx.OBLIGATION.search(scan.sentence_text(start)))


def substance_given(scan, pos: int) -> bool:
    """Whether the sentence names the active substance (then a medicine's brand is a lesser problem)."""
    return bool(_SUBSTANCE.search(scan.sentence_text(pos)))


_NAME_CATEGORIES = {"brand", "model_type", "missing_or_equivalent", "prescribed_technology", "supplier", "product_named"}


def _existing_starts(scan) -> set[int]:
    """Where a strong brand, model or technology names what the buyer has today (next to it, or in an aside)."""
    existing = {m.start for m in scan.matches if m.category in {"brand", "model_type", "prescribed_technology"}
                and m.severity != "low" and m.kind not in {"standard"}
                and (_existing_near(scan, m) or _aside(scan, m))
                and not scan.sentence_has(lex.SAME_AS_CURRENT, m.start)}
    # «HDO HF benytter i dag Xledger, og … tjenestene i Xledger»: once a name is what the buyer has, it is that system
    # wherever it comes again later in the same sentence (a later mention refers back to it; an earlier one was
    # introduced as something else)
    ours: dict[tuple[tuple[int, int], str], int] = {}
    for m in scan.matches:
        before = scan.window(m.start, 70)
        introduced = (m.start in existing or m.kind == "compat") and (
            _OURS_BEFORE.search(before) or _OWNERS_SYSTEM_BEFORE.search(before) or _existing_governs(before))
        if introduced and m.category in {"brand", "model_type", "prescribed_technology"}:
            key = (scan.sentence(m.start), scan.text[m.start:m.end].lower())
            ours[key] = min(ours.get(key, m.start), m.start)
    existing |= {m.start for m in scan.matches if m.category in {"brand", "model_type", "prescribed_technology"}
                 and ours.get((scan.sentence(m.start), scan.text[m.start:m.end].lower()), m.start) < m.start}
    return existing


def settle(scan) -> None:
    """Remove findings that are not requirements, and downgrade references that describe what the buyer has."""
    kept = []
    for match in scan.matches:
        if scan.sentence_has(ctx.MARKET_QUESTION, match.start):
            continue
        if match.category in _NAME_CATEGORIES | {"material_dimension_method"} and (
                _BUYER_PROVIDES.match(scan.after(match.end, 60)) or _LOCATION_BEFORE.search(scan.window(match.start, 50))):
            continue  # «2 helelektriske kjøretøy som lånes ut av oppdragsgiver», «sydvest for område for nytt biogassanlegg»
        if match.category in _NAME_CATEGORIES and (_descriptive_at(scan, match.start) or _process_text(scan, match)) \
                and not (match.category == "supplier" and scan.sentence_has(ctx.EXCLUSIVE_JUSTIFICATION, match.start)):
            continue  # «X AS er eneste leverandør»: a sole-supplier claim names the intended supplier, descriptive or not
        if match.category in {"brand", "model_type", "missing_or_equivalent", "prescribed_technology"} and match.kind in {
                "lexicon", "compat", "generic", "designation", "line", "missing", "cue", "type_brand", "code", "product",
                "platform", "cloud", "database", "language", "trademark"}:
            if _COMPANY_TAIL.match(scan.text, match.end) and match.category == "brand" \
                    and requirement_position(scan, match.start) and not _existing_near(scan, match):
                match.category, match.kind = "supplier", "named"  # «leveres av Atea AS»: the company, named as supplier
            elif _not_a_product(scan, match.start, match.end, place=False) or _acronym_in_brackets(scan, match):
                continue
            name = scan.text[match.start:match.end]
            # after an explicit cue («av merket Kverneland», «fabrikat X») a frequent word (a place, a family name) is
            # still the make
            if match.category == "brand" and " " not in name and scan.brands.get(lex.brand_key(name)) is None \
                    and match.kind != "cue" and _inflected_word(name):
                continue  # «Nordsjøen»: an inflected brand that is an ordinary word (the North Sea)
        kept.append(match)
    scan.matches = kept
    existing = _existing_starts(scan)
    for match in scan.matches:
        if match.start in existing and match.category != "missing_or_equivalent":
            match.severity = "low"
        elif match.category in {"brand", "model_type", "prescribed_technology"} and match.severity != "low" \
                and scan.sentence_has(ctx.EXCLUSIVE_JUSTIFICATION, match.start):
            # «X er eneste leverandør … basert på AutoCAD»: the product is the stated reason for a direct award; the
            # supplier finding carries the question whether the exception holds
            match.severity = "low"
        elif match.category in {"brand", "model_type", "prescribed_technology", "supplier"} and match.severity != "low" \
                and (scan.sentence_has(ctx.COMPETENCE_CONTEXT, match.start) or not requirement_position(scan, match.start)) \
                and not (match.category == "supplier" and scan.sentence_has(ctx.EXCLUSIVE_JUSTIFICATION, match.start)) \
                and not (match.kind in {"drive", "hull", "architecture", "process", "construction"}
                         and scan.item_line(match.start)) \
                and not (match.kind in {"sensing", "means", "plant", "build", "network", "producer"}
                         and scan.verbless(match.start)) \
                and not (match.kind == "producer" and scan.sentence_has(_WANTS, match.start)):
            # competence in, or examples of, the buyer's technology, and lines that neither oblige nor acquire
            # (a list of subcontractors, a bare heading): a note asking for the justification, not a violation; but a
            # drive type, hull form, construction, printing process or server architecture heading a verbless line
            # («Elektrisk varebil med plan», «SLS 3D printer»), or a
            # sensing principle in one («Mobile HPGe detector system»), is how the goods are named
            match.severity = "low"
            if match.category in {"brand", "model_type"} and scan.sentence_has(_EXPERIENCE, match.start):
                match.detail["competence"] = True  # «erfaring med Visma»: the note says what such a demand ties to
    # «eller tilsvarende» missing after a reference that is now only a note: the note says it already
    _drop_missing_without_name(scan)


def _drop_missing_without_name(scan) -> None:
    """A «missing eller tilsvarende» finding stays only where a brand or model finding above a note covers it."""
    named = _Coverage(len(scan.text))
    for o in scan.matches:
        if o.category in {"brand", "model_type"} and o.severity != "low":
            named.add(o.start, o.end)
    scan.matches = [m for m in scan.matches if not (
        m.category == "missing_or_equivalent" and m.kind == "missing" and not named.overlaps(m.start, m.end))]


# What the buyer lends or provides is not a demand on the supplier's offer: «kjøretøy som lånes ut av oppdragsgiver»
_BUYER_PROVIDES = re.compile(
    r"[\w\s\-]{0,25}?\s(?:som\s+)?(?:lånes\s+ut|stilles\s+til\s+(?:disposisjon|rådighet)|leies\s+ut|eies|holdes|"
    r"provided|supplied|lent)\s+(?:av|by)\s+(?:oppdragsgiver\w*|byggherre\w*|kunden|kommunen|the\s+(?:buyer|client|"
    r"contracting\s+authority))(?!\w)", re.IGNORECASE)
# A plant or machine named to say where something is: «sydvest for område for nytt biogassanlegg», «ved dagens
# varmesentral»; a direction or a site before it makes it a place, not a technology choice
_LOCATION_BEFORE = re.compile(
    r"(?<!\w)(?:(?:syd|sør|nord|øst|vest|sydvest|sydøst|sørvest|sørøst|nordvest|nordøst)\s+for|nær|ved\s+siden\s+av|"
    r"(?:område|tomt|tomta|tomten|arealet?)\s+(?:for|til|ved))\s+(?:[\w\-]+\s+){0,3}$", re.IGNORECASE)


_EXPERIENCE = re.compile(r"(?<!\w)(?:erfaring|kompetanse|kjennskap|experience|competence)(?!\w)", re.IGNORECASE)


def descriptive(sentence: str) -> bool:
    """Today, a possibility or who owns what, with no obligation and nothing acquired: not a requirement."""
    return bool(ctx.DESCRIPTIVE_VERB.search(sentence) and not ctx.OBLIGATION.search(sentence)
                and not ctx.ACQUIRES.search(sentence))


def _descriptive_at(scan, pos: int) -> bool:
    return scan.sentence_has(ctx.DESCRIPTIVE_VERB, pos) and not requirement_position(scan, pos)


_PROCESS_PREFIXES = tuple(p + " " for p in ctx.PROCESS_NAMES)
_PROCESS_SUFFIXES = tuple(" " + p for p in ctx.PROCESS_NAMES)


def _process_text(scan, match) -> bool:
    name = scan.text[match.start:match.end].strip().lower()
    if name in ctx.PROCESS_NAMES or name.startswith(_PROCESS_PREFIXES) or name.endswith(_PROCESS_SUFFIXES):
        return True
    # once per sentence: a long sentence with many names would otherwise be read again for each (quadratic)
    key = (scan.sentence(match.start), "process_text")
    if key not in scan._sentence_matches:
        sentence = scan.sentence_text(match.start)
        scan._sentence_matches[key] = bool(ctx.PROCESS_CUE.search(ctx.DOCUMENT_REFERRAL.sub(" ", sentence)))
    return scan._sentence_matches[key]


def _acronym_in_brackets(scan, match) -> bool:
    """«(KIA)», «(WG GES)»: an abbreviation of the words before it, not a brand."""
    span = scan.text[match.start:match.end]
    group = re.search(r"\(([^()]{0,30})$", scan.text[max(0, match.start - 30):match.start])
    closes = re.match(r"[^()]{0,20}\)", scan.text[match.end:match.end + 22])
    return span.isupper() and bool(group and closes) and re.fullmatch(r"[A-ZÆØÅ\s]*", group.group(1)) is not None


_BUY_AND_BEFORE = re.compile(
    r"(?:kjøp|innkjøp|anskaffelse|levering)\w*\s+og\s+(?:\w+\s+){0,2}$|(?:kjøp|innkjøp)\w*\s+og\s+vedlikehold\s+av", re.IGNORECASE)
_OURS_BEFORE = re.compile(
    r"(?<!\w)(?:dagens|nåværende|vår|våre|vårt|kundens|oppdragsgivers|kommunens|sykehusets|i dag)\s+(?:[\w\-]+\s+){0,2}$",
    re.IGNORECASE)


# «Forsvarets applikasjoner som er basert på Oracle», «kommunens systemer som kjører på X»: an owner's systems and what
# they run on (a capitalised genitive or a definite owner, then a system noun)
_OWNERS_SYSTEM_BEFORE = re.compile(
    r"(?:(?<!\w)[A-ZÆØÅ][\w\-]*s|(?<!\w)(?:kommunens|fylkeskommunens|virksomhetens|etatens|direktoratets|foretakets|"
    r"sykehusets|oppdragsgivers|kundens))\s+(?:\w+\s+)?(?:applikasjon|system|fagsystem|løsning|plattform|infrastruktur|"
    r"database|portefølje|tjeneste)\w*\s+(?:som\s+(?:er\s+)?(?:basert|bygget|bygd|kjører|kjøres|driftes)\s+(?:på|i)|"
    r"som\s+(?:benytter|bruker|bygger\s+på)\s+(?:\w+\s+(?:fra|av)\s+)?|"
    r"basert\s+på|bygget\s+på|i|på)\s*$")


def _existing_near(scan, match) -> bool:
    """Today's system or an integration named next to the reference (not just anywhere in a long sentence)."""
    before = scan.window(match.start, 70)
    if _BUY_AND_BEFORE.search(before):
        return False  # «kjøp og vedlikehold av X-lisenser»: buying more of X is the purchase, not what the buyer has
    if _OURS_BEFORE.search(before) or _OWNERS_SYSTEM_BEFORE.search(before):
        return True  # «dagens VMware-infrastruktur», «kundens EPJ»: what the buyer has, named as such
    if _existing_governs(before):
        return True
    after = scan.after(match.end, 30)
    today = ctx.EXISTING_CONTEXT.search(after)
    if today and scan.bought_as(match.start) and lex.COMPATIBILITY.search(after, 0, today.end()):
        return False  # «skal være X og integreres med Y»: X is what is bought, Y the system it must work with
    return bool(today)


def _aside(scan, match) -> bool:
    """A name in brackets in a sentence that buys nothing: «er en skytjeneste (MS Azure)» explains, it does not demand."""
    group = re.search(r"\([^()]{0,30}$", scan.text[max(0, match.start - 30):match.start])
    return bool(group) and not ctx.ACQUIRES.search(scan.sentence_text(match.start))
