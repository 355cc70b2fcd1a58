"""Query terms: the weighted content words of a question, matched against the stems of a passage.

Norwegian stemming and compound splitting come from the analyzer in this package; English question words are mapped onto
the Norwegian ones our sources use through a glossary, Danish ones through spelling rules. Rare words weigh
more.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from advisor.text.analyzer import Analyzer
from advisor.text.wordfreq import zipf

_STOPWORDS = frozenset(
    # bokmål (function words, question words, auxiliaries, pronouns)
    "hva hvem hvor hvordan hvorfor hvilken hvilket hvilke når hvis om er var være vært blir ble bli har hadde ha "
    "kan kunne skal skulle vil ville må måtte bør burde får fikk få gjør gjorde gjøre gjelder det den de dem denne "
    "dette disse en et ei og eller men som så for fra til på i av med ved under over etter før mot mellom uten hos "
    "inn ut opp ned jeg du han hun vi dere meg deg oss seg sin sitt sine min mitt mine vår vårt våre deres hans "
    "hennes ikke også bare nå da der her hver hvert alle noe noen mye mange mer mest litt andre annen annet egen "
    "eget egne selv slik sånn enn at å sier si sagt finnes fins gi gis gitt ja nei kun vel jo altså dvs mener "
    "ønsker lurer fortelle forklar forklare beskriv gjerne egentlig hvilke nok "
    # English
    "what who where how why which when if is are was were be been being has have had can could shall should will "
    "would must may might do does did done the a an and or but as so for from to on in of with by at under over "
    "after before between without into out up down about i you he she we they them me us our your their its it "
    "this that these those not also only now then there here each all some any much many more most other own "
    "please tell explain there's what's rather than say says said enough ok okay "
    # Danish
    "hvad hvornår hvilken hvilket hvilke af mellem også nogle noget blive bliver jeres vores mig dig sig "
    "ikke kun skal kan må vil "
    # The country every source is about says nothing about the topic.
    "norge norway norwegian norsk norske noreg".split()
)

# English question words -> the Norwegian words our sources use (phrases first). Only for matching terms.
_GLOSSARY_EN_PHRASES: dict[str, str] = {
    "innovation partnership": "innovasjonspartnerskap",
    "innovation partnerships": "innovasjonspartnerskap",
    "pre-commercial procurement": "førkommersiell anskaffelse",
    "precommercial procurement": "førkommersiell anskaffelse",
    "competitive dialogue": "konkurransepreget dialog",
    "competitive procedure with negotiation": "konkurranse med forhandling",
    "market dialogue": "markedsdialog",
    "market consultation": "markedsdialog",
    "award criteria": "tildelingskriterier",
    "award criterion": "tildelingskriterium",
    "white paper": "stortingsmelding",
    "public sector": "offentlig sektor",
    "contracting authority": "oppdragsgiver",
    "contracting authorities": "oppdragsgivere",
    "public buyer": "oppdragsgiver",
    "public buyers": "oppdragsgivere",
    "or equivalent": "eller tilsvarende",
    "brand name": "merkenavn",
    "brand names": "merkenavn",
    "framework agreement": "rammeavtale",
    "dynamic purchasing system": "dynamisk innkjøpsordning",
    "design contest": "plan- og designkonkurranse",
    "direct award": "uten konkurranse",
    "open procedure": "åpen anbudskonkurranse",
    "restricted procedure": "begrenset anbudskonkurranse",
    "national threshold": "nasjonal terskelverdi",
    "threshold value": "terskelverdi",
    "threshold values": "terskelverdier",
    "life cycle": "livssyklus",
    "research council": "forskningsrådet",
    "supplier development programme": "leverandørutviklingsprogrammet",
}
_GLOSSARY_EN: dict[str, str] = {
    # «the CJEU judgment in …»: the sources name the court «EU-domstolen» (its terms: «eu», «domstol»)
    "cjeu": "domstolen", "ecj": "domstolen",
    "threshold": "terskelverdi", "thresholds": "terskelverdier", "value": "verdi", "values": "verdier",
    "national": "nasjonal", "procurement": "anskaffelse", "procurements": "anskaffelser", "purchase": "innkjøp",
    "purchases": "innkjøp", "purchasing": "innkjøp", "buy": "kjøpe", "buying": "kjøper", "bought": "kjøpt",
    "spend": "kjøper", "spends": "kjøper", "spending": "innkjøp", "buyer": "innkjøper", "buyers": "oppdragsgivere",
    "public": "offentlig", "sector": "sektor", "brand": "merke", "brands": "merker", "trademark": "varemerke",
    "specific": "bestemt", "technical": "teknisk", "specification": "kravspesifikasjon",
    "spec": "kravspesifikasjon", "specs": "kravspesifikasjon", "lawful": "lovlig", "unlawful": "ulovlig",
    "add": "legge", "adding": "legger", "adds": "legger",
    "specifications": "spesifikasjoner", "requirement": "krav", "requirements": "krav", "innovation": "innovasjon",
    "innovations": "innovasjoner", "innovative": "innovativ", "innovate": "innovere", "partnership": "partnerskap",
    "need": "behov", "needs": "behov", "solution": "løsning", "solutions": "løsninger", "describe": "beskrive",
    "description": "beskrivelse", "supplier": "leverandør", "suppliers": "leverandører", "vendor": "leverandør",
    "vendors": "leverandører", "market": "markedet", "dialogue": "dialog", "competition": "konkurranse",
    "tender": "konkurranse", "tendering": "konkurranse", "bid": "tilbud", "bids": "tilbud", "offer": "tilbud",
    "offers": "tilbud", "negotiate": "forhandle", "negotiation": "forhandling", "negotiations": "forhandlinger",
    "procedure": "prosedyre", "procedures": "prosedyrer", "award": "tildeling", "criteria": "kriterier",
    "price": "pris", "quality": "kvalitet", "climate": "klima", "environment": "miljø", "environmental": "miljø",
    "weight": "vekt", "weighted": "vektes", "weighting": "vekting", "law": "lov", "act": "lov",
    "regulation": "forskrift", "regulations": "forskrift", "duty": "plikt", "obligation": "plikt",
    "obliged": "plikt", "legal": "rettslig", "research": "forskning", "development": "utvikling",
    "support": "støtte", "funding": "støtte", "grant": "tilskudd", "grants": "tilskudd", "deadline": "frist",
    "application": "søknad", "apply": "søke", "municipality": "kommune", "municipalities": "kommuner",
    "state": "statlig", "government": "regjeringen", "goal": "mål", "goals": "mål", "principle": "prinsipp",
    "principles": "prinsipper", "equal": "likebehandling", "treatment": "likebehandling",
    "proportionality": "forholdsmessighet", "exception": "unntak", "exemption": "unntak", "startup": "oppstartsselskap",
    "startups": "oppstartsselskaper", "test": "teste", "testing": "testing", "prototype": "prototyp",
    "risk": "risiko", "example": "eksempel", "hospital": "sykehus", "emission": "utslipp", "emissions": "utslipp",
    "construction": "bygg", "works": "anlegg", "goods": "varer", "services": "tjenester", "rules": "regler",
    "rule": "regel", "equivalent": "tilsvarende", "notice": "kunngjøring", "notices": "kunngjøringer",
    "announce": "kunngjøre", "publish": "kunngjøre", "lifecycle": "livssyklus", "cost": "kostnad",
    "costs": "kostnader", "statistics": "statistikk", "share": "andel", "percentage": "prosent",
    "percent": "prosent", "year": "år", "yearly": "år", "annual": "år", "annually": "år", "every": "hvert",
    "norway": "norge", "norwegian": "norge", "definition": "definisjon", "define": "definisjon",
    "purpose": "formål", "lower": "nedre", "limit": "grense", "contract": "kontrakt", "contracts": "kontrakter",
    "small": "små", "companies": "bedrifter", "company": "bedrift", "users": "brukere", "user": "bruker",
    "fail": "feil", "failure": "feil", "culture": "kultur", "leaders": "ledere", "digitalisation": "digitalisering",
    "digitalization": "digitalisering", "dialog": "dialog", "conference": "konferanse", "phases": "faser",
    "phase": "fase", "result": "resultat", "results": "resultater", "without": "uten", "negotiated": "forhandling",
    "compatibility": "kompatibilitet", "compatible": "kompatibilitet", "interoperability": "kompatibilitet",
    "existing": "eksisterende", "system": "system", "systems": "systemer", "equipment": "utstyr",
}
# Danish spellings -> bokmål (applied to words that do not match as they are).
_DANISH_REWRITES: tuple[tuple[str, str], ...] = (
    ("regering", "regjering"), ("tion", "sjon"), ("ci", "si"), ("ej", "ei"), ("æ", "e"), ("ø", "ø"),
)

_WORD = re.compile(r"[0-9a-zæøåéüäö][0-9a-zæøåéüäö\-]*(?:[.,][0-9]+)*", re.IGNORECASE)
_TERM_TOKEN = re.compile(r"[0-9a-zæøåéüäö]+", re.IGNORECASE)


@functools.cache
def _analyzer() -> Analyzer:
    return Analyzer(decompound=True)


@functools.lru_cache(maxsize=50_000)
def _word_terms(word: str) -> tuple[str, ...]:
    """Stems of one word: its own stem first, then the stems of its compound parts."""
    return tuple(_analyzer().terms(word))


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_THOUSANDS = re.compile(r"(\d)[\s\u00a0](\d{3})\b")  # "100 000" -> "100000"
_SENTENCE_END = re.compile(r"[.!?:]\s")
_INFLECTED_ACRONYM = re.compile(r"[A-ZÆØÅ]{2,5}(?:er|ene|en|ar|ane|a)")
_QUOTED = re.compile('«[^»]*»|“[^”]*”|"[^"]*"')  # quoted wording: «…», “…”, "…"


@functools.lru_cache(maxsize=20_000)
def text_terms(text: str) -> frozenset[str]:
    """Every stem (and compound-part stem) in a text, plus its numbers as written ("1,49"): what query terms match."""
    numbers = {n.rstrip(".,") for n in _NUMBER.findall(_THOUSANDS.sub(r"\1\2", text))}
    return frozenset(_analyzer().terms(text)) | numbers


@functools.cache
def _stop_stems() -> frozenset[str]:
    """The stems of the stop words (computed on first use, when the stemmer is loaded)."""
    return frozenset(stem for word in _STOPWORDS for stem in _word_terms(word))


@dataclass(frozen=True)
class QueryTerm:
    """One content word of the question: its weight and the stem sequences it may match (one per spelling)."""

    word: str
    weight: float
    variants: tuple[tuple[str, ...], ...]
    is_name: bool = False

    def match(self, terms: frozenset[str] | set[str]) -> float:
        """1.0 if the word's stem is in `terms`, partial credit when only some compound parts are, else 0."""
        best = 0.0
        for stems in self.variants:
            if not stems:
                continue
            if stems[0] in terms:
                return 1.0
            if len(stems) > 2:
                # Norwegian compounds are right-headed: a passage about "frist" half answers "søknadsfrist",
                # one that only shares the modifier ("stat" in "statsminister") hardly does.
                parts = stems[1:]
                modifiers = sum(s in terms for s in parts[:-1]) / (len(parts) - 1)
                best = max(best, (0.5 + 0.3 * modifiers) if parts[-1] in terms else 0.2 * modifiers)
        return best


def _weight(word: str, lang: str) -> float:
    """Rare words say more about the topic: 6.5 - Zipf frequency, clipped to 1..5 (unknown words weigh 5)."""
    if word[0].isdigit():
        return 2.0
    if lang in ("en", "da"):
        from wordfreq import zipf_frequency

        z = zipf_frequency(word, lang)
    else:
        z = zipf(word)
    return min(5.0, max(1.0, 6.5 - z))


def _spellings(word: str, lang: str) -> list[str]:
    """The Norwegian spellings a question word may appear as in the sources."""
    out = [word]
    if lang == "en":
        mapped = _GLOSSARY_EN.get(word)
        if mapped:
            out.append(mapped)
        if word.endswith("tion"):
            out.append(word[:-4] + "sjon")
    elif lang == "da":
        rewritten = word
        for old, new in _DANISH_REWRITES:
            rewritten = rewritten.replace(old, new)
        if rewritten != word:
            out.append(rewritten)
    return out


def _replace_phrases(text: str) -> tuple[str, list[str]]:
    """English glossary phrases cut out of a question (case kept elsewhere), with their Norwegian renderings."""
    found: list[str] = []
    for phrase, mapped in sorted(_GLOSSARY_EN_PHRASES.items(), key=lambda kv: -len(kv[0])):
        pattern = re.compile(r"\b" + re.escape(phrase) + r"\b", re.IGNORECASE)
        if pattern.search(text):
            found.append(mapped)
            text = pattern.sub(" ", text)
    return text, found


def search_query(question: str, lang: str) -> str:
    """The question plus the Norwegian words for its English or Danish terms, so the search finds Norwegian text."""
    if lang not in ("en", "da"):
        return question
    extra: list[str] = []
    if lang == "en":
        extra.extend(_replace_phrases(question)[1])
    for term in query_terms(question, lang):
        for spelling in _spellings(term.word, lang)[1:]:
            if spelling not in extra:
                extra.append(spelling)
    return f"{question} {' '.join(extra)}".strip() if extra else question


def _quoted_names(text: str, quoted: list[tuple[int, int]]) -> set[int]:
    """Where the product and model names in quoted wording start: capitalised words after the quote's first word,
    words that mix letters and digits («T14»), and the first word when a name follows it («Lenovo ThinkPad»)."""
    out: set[int] = set()
    for a, b in quoted:
        words = list(_WORD.finditer(text, a, b))
        for i, word in enumerate(words):
            piece = word.group(0)
            model = any(c.isdigit() for c in piece) and any(c.isalpha() for c in piece)
            if model or (i > 0 and piece[:1].isupper()):
                out.add(word.start())
        if len(words) > 1 and words[0].group(0)[:1].isupper() and words[1].start() in out:
            out.add(words[0].start())
    return out


def query_terms(question: str, lang: str = "nb") -> list[QueryTerm]:
    """The weighted content terms of a question (stop words dropped; names and numbers kept)."""
    text = _THOUSANDS.sub(r"\1\2", question)
    phrases: list[str] = []
    if lang == "en":
        text, phrases = _replace_phrases(text)
    terms: list[QueryTerm] = []
    seen: set[str] = set()
    for phrase in phrases:
        for word in _TERM_TOKEN.findall(phrase):
            if word in seen or word in _STOPWORDS:
                continue
            seen.add(word)
            terms.append(QueryTerm(word, _weight(word, "nb"), (_word_terms(word),)))
    # Quoted wording of three words or more («Lenovo ThinkPad T14 eller tilsvarende» from a specification) is an
    # example: its product and model names are not the subject, and its capitals are not names. A short quote
    # («TED», «Doffin») is the subject itself.
    quoted = [m.span() for m in _QUOTED.finditer(text) if len(_WORD.findall(m.group(0))) >= 3]
    examples = _quoted_names(text, quoted)
    end = 0
    for match in _WORD.finditer(text):
        raw = match.group(0).strip("-")
        # A word that opens the question or a sentence of it is capitalised by grammar.
        is_first = end == 0 or bool(_SENTENCE_END.search(text[end:match.start()]))
        in_quote = any(a <= match.start() < b for a, b in quoted)
        end = match.end()
        for piece in raw.split("-") if not raw[0].isdigit() else [raw]:
            word = piece.lower()
            if not word or word in _STOPWORDS or word in seen or (len(word) < 2 and not word.isdigit()):
                continue
            seen.add(word)
            # A capitalised word that does not open the question, or an acronym, names something.
            is_name = not in_quote and ((not is_first and piece[:1].isupper()) or (len(piece) >= 2 and piece.isupper()))
            if _INFLECTED_ACRONYM.fullmatch(piece):
                is_name = False  # «PCer», «PCene»: an acronym inflected as a Norwegian noun is a thing, not a name
            if match.start() in examples:
                continue  # a product or model name in quoted wording («ThinkPad T14»): rare, but not the topic
            weight = _weight(word, lang)
            if word[0].isdigit():
                variants: tuple[tuple[str, ...], ...] = ((word,),)  # numbers match as written: "1,49"
            else:
                spellings = _spellings(word, lang)
                if is_name and word.endswith("s") and len(word) > 3:
                    spellings.append(word[:-1])  # genitive of a name: "KMDs" -> "KMD"
                variants = tuple(_word_terms(w) for w in spellings if _TERM_TOKEN.fullmatch(w))
            if variants:
                terms.append(QueryTerm(word, weight, variants, is_name))
    return terms


def coverage(terms: Sequence[QueryTerm], passage_terms: frozenset[str] | set[str]) -> float:
    """Weighted share of the query terms found in a passage (0-1); 0 when the question has no content words."""
    total = sum(t.weight for t in terms)
    if not total:
        return 0.0
    return sum(t.weight * t.match(passage_terms) for t in terms) / total


def content_stems(text: str) -> frozenset[str]:
    """The stems of a text's content words and its numbers (stop words dropped): what faithfulness compares."""
    stop = _stop_stems()
    return frozenset(t for t in text_terms(text) if t not in stop and (len(t) > 1 or t.isdigit()))


def content_terms(terms: frozenset[str]) -> frozenset[str]:
    """The content stems among `terms` (stop words, single letters, numbers dropped): for redundancy."""
    stop = _stop_stems()
    return frozenset(t for t in terms if t not in stop and len(t) > 1 and not t[0].isdigit())
