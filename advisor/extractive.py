"""The extractive composer: a short answer made of the best-supported sentences of the retrieved passages.

No LLM is involved. The question is turned into weighted query terms (Norwegian stemming and compound
splitting from advisor.lexical; English and Danish words mapped onto Norwegian ones), each passage into
readable candidate sentences (headings, bullet fragments, source lists and boilerplate are skipped; a bullet
is kept only with its lead-in or label; table rows are read out with their header), and 2-5 sentences are
picked by term overlap, passage rank, source authority and diversity. The same input always gives the same answer.
"""

from __future__ import annotations

import functools
import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from advisor.corpus import AUTHORITY_RANK, Chunk
from advisor.lexical import Analyzer
from advisor.repair import zipf

log = logging.getLogger(__name__)

# Bump when the composer's selection or wording changes: recorded as Answer.prompt_version.
EXTRACTIVE_VERSION = "extractive-1"

MAX_SENTENCES = 4
MAX_ANSWER_CHARS = 700
MAX_SENTENCE_CHARS = 420

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
    "please tell explain there's what's rather than "
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
    "threshold": "terskelverdi", "thresholds": "terskelverdier", "value": "verdi", "values": "verdier",
    "national": "nasjonal", "procurement": "anskaffelse", "procurements": "anskaffelser", "purchase": "innkjøp",
    "purchases": "innkjøp", "purchasing": "innkjøp", "buy": "kjøpe", "buying": "kjøper", "bought": "kjøpt",
    "spend": "kjøper", "spends": "kjøper", "spending": "innkjøp", "buyer": "innkjøper", "buyers": "oppdragsgivere",
    "public": "offentlig", "sector": "sektor", "brand": "merke", "brands": "merker", "trademark": "varemerke",
    "specific": "bestemt", "technical": "teknisk", "specification": "kravspesifikasjon",
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


_GENERIC_ADVICE = re.compile(r"^(Sjekk|Kontroller|Les|Se|Check|Read)\b", re.IGNORECASE)
_ANAPHORIC = re.compile(r"^(Dette|Disse|Denne|Slike|Samme|De |Den |Det gjelder|Der |Her |Også |This |These |It )")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_THOUSANDS = re.compile(r"(\d)[\s\u00a0](\d{3})\b")  # "100 000" -> "100000"


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
    first = True
    for match in _WORD.finditer(text):
        raw = match.group(0).strip("-")
        is_first, first = first, False
        for piece in raw.split("-") if not raw[0].isdigit() else [raw]:
            word = piece.lower()
            if not word or word in _STOPWORDS or word in seen or (len(word) < 2 and not word.isdigit()):
                continue
            seen.add(word)
            # A capitalised word that does not open the question, or an acronym, names something.
            is_name = (not is_first and piece[:1].isupper()) or (len(piece) >= 2 and piece.isupper())
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


# --- candidate sentences ------------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    "st meld kap nr ca mill mrd jf mva ekskl inkl bl f.eks eks dvs osv pkt prop ref art mr dr vs no tlf jfr pga "
    "evt ev iht mht mv etc e.g i.e vs. fig".split()
)
_BOILERPLATE = re.compile(
    r"^(se |det vises til meldingens kapittel \d+|i meldingens kapittel \d+|"
    r"sist kontrollert|kilder?:|klikk(e)? her|les hele|del (illustration|citat)|download|målgruppe:)"
    r"|guide-[a-z]|https?://|www\.|nærmere omtalt i|gjengitt over i",
    re.IGNORECASE,
)
_SKIP_SECTIONS = re.compile(r"(^|› |> )(kilder|sources|referanser)\s*$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-•*–]|\d{1,2}[.)])\s+")
_LABEL = re.compile(r"^\*\*(.+?)\*\*\s*")
_FOOTNOTE = re.compile(r"\s*\[\d+(?:\s*[,–-]\s*\d+)*\]")
_SENTENCE_END = re.compile(r"[.!?…][»”\")\]]*\s+")
_MONEY = re.compile(
    r"(\d[\d  ]*(?:,\d+)?)\s*(mill(?:ioner)?\.?|mrd\.?|milliarder|kroner|kr\b|prosent|%)", re.IGNORECASE
)


@dataclass(frozen=True)
class Candidate:
    """A readable sentence from one passage, ready to be cited."""

    text: str
    hit: int  # index into the hits
    position: int  # order within the passage
    terms: frozenset[str]  # content stems, for redundancy checks
    found: frozenset[int] = frozenset()  # indexes of the query terms it contains
    context: str = ""  # the lead-in of the list it belongs to


def _clean(text: str) -> str:
    text = text.replace("**", "").replace("__", "")
    text = re.sub(r"(?<![\w*])\*(\S[^*]*?)\*(?![\w*])", r"\1", text)
    text = _FOOTNOTE.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph: cut after . ! ? before a capital letter, but not after abbreviations (St., mill.)."""
    out, start = [], 0
    for match in _SENTENCE_END.finditer(paragraph):
        end = match.end()
        if end >= len(paragraph):
            break
        nxt = paragraph[end]
        if not (nxt.isupper() or nxt in "«\"(“"):
            continue
        before = paragraph[start : match.start()].split()
        last = re.sub(r"^\W+", "", before[-1].lower()) if before else ""
        if paragraph[match.start()] == "." and (last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())):
            continue
        out.append(paragraph[start : match.start() + len(match.group(0).rstrip())].strip())
        start = end
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    # A very short sentence ("Nei.", "Ja, hvis ...") reads best with the one that follows it.
    merged: list[str] = []
    carry = ""
    for i, sentence in enumerate(out):
        sentence = f"{carry} {sentence}".strip() if carry else sentence
        carry = ""
        if len(sentence.split()) < 4 and i < len(out) - 1:
            carry = sentence
            continue
        merged.append(sentence)
    if carry:
        merged.append(carry)
    return merged


def _is_heading(paragraph: str) -> bool:
    words = paragraph.split()
    return paragraph.startswith("#") or (len(words) <= 10 and not re.search(r"[.!?:;]$", paragraph))


def _table_sentences(rows: list[str]) -> list[str]:
    """Table rows read out with their header: 'Row label – Header 2: cell; Header 3: cell.'"""
    cells = [[c.strip() for c in row.strip().strip("|").split("|")] for row in rows]
    cells = [c for c in cells if not all(re.fullmatch(r":?-{2,}:?", x) or not x for x in c)]
    if len(cells) < 2:
        return []
    header, body = cells[0], cells[1:]
    out = []
    for row in body:
        if len(row) != len(header) or not row[0]:
            continue
        parts = [f"{h}: {v}" for h, v in zip(header[1:], row[1:], strict=True) if v]
        if parts:
            out.append(f"{row[0]} – {'; '.join(parts)}.")
    return out


def _finish(sentence: str) -> str:
    sentence = sentence.rstrip(" ;,:")
    return sentence if sentence.endswith((".", "!", "…")) else sentence + "."


def is_answerable(chunk: Chunk) -> bool:
    """True when a passage has at least one sentence the composer could quote."""
    return bool(passage_units(chunk))


def is_source_list(chunk: Chunk) -> bool:
    """True for a 'Kilder' (sources) section: it names documents but cannot support an answer."""
    return bool(_SKIP_SECTIONS.search(chunk.section or ""))


def passage_sentences(chunk: Chunk, lead_in: str = "") -> list[str]:
    """The readable sentences of a passage, in order; headings, fragments, source lists and boilerplate are skipped.

    `lead_in` is the introduction of a bullet list that began in the preceding passage, if known.
    """
    return [sentence for sentence, _ in passage_units(chunk, lead_in)]


def passage_units(chunk: Chunk, lead_in: str = "") -> list[tuple[str, str]]:
    """(sentence, context) pairs: the context is the lead-in of the list a bullet belongs to, else ''."""
    if is_source_list(chunk):
        return []
    return _parse(chunk, lead_in)[0]


def _blocks(text: str) -> list[list[str]]:
    """Paragraphs, bullet lists and tables: runs of lines of the same kind (a list may have blank lines inside)."""
    blocks: list[list[str]] = []
    current: list[str] = []

    def kind(line: str) -> str:
        return "bullet" if _BULLET.match(line) else "table" if line.lstrip().startswith("|") else "prose"

    blank = False
    for line in text.splitlines():
        if not line.strip():
            blank = True
            continue
        if current and (kind(line) != kind(current[-1]) or (blank and kind(line) != "bullet")):
            blocks.append(current)
            current = []
        blank = False
        current.append(line.strip())
    if current:
        blocks.append(current)
    return blocks


@functools.lru_cache(maxsize=4096)
def _parse(chunk: Chunk, lead_in: str = "") -> tuple[list[tuple[str, str]], str]:
    """(sentence, context) pairs of a passage, and the list lead-in it ends with (if any).

    The context of a bullet is the lead-in that introduces its list: "tre prinsipper" is said there, not in
    "Politikere ... må gi handlingsrom og insentiver til å innovere."
    """
    units: list[tuple[str, str]] = []
    blocks = _blocks(chunk.text)
    for i, block in enumerate(blocks):
        if block[0].startswith("|"):
            # Only a table whose header is in this passage can be read out.
            rows = _table_sentences(block) if len(block) > 1 and re.match(r"^\|\s*:?-", block[1]) else []
            units.extend((row, "") for row in rows)
            lead_in = ""
            continue
        if _BULLET.match(block[0]):
            for n, item in enumerate(block):
                sentences = _bullet_sentences(_BULLET.sub("", item), lead_in, first=n == 0)
                units.extend((sentence, lead_in) for sentence in sentences)
            continue
        paragraph = " ".join(block)
        is_last = i + 1 == len(blocks)
        next_is_list = not is_last and bool(_BULLET.match(blocks[i + 1][0]))
        if (next_is_list or is_last) and not re.search(r"[.!?»”\")]$", paragraph) and not paragraph.startswith("#"):
            # "DFØ anbefaler blant annet å:" or "regjeringen vil" introduce the bullets that follow.
            parts = split_sentences(paragraph)
            lead_in = parts[-1] if parts else paragraph
            units.extend((p, "") for p in parts[:-1])
            continue
        lead_in = ""
        if _is_heading(paragraph):
            continue
        units.extend((p, "") for p in split_sentences(paragraph))
    # "... er definert slik:" belongs with what follows it.
    joined: list[tuple[str, str]] = []
    for sentence, context in units:
        if joined and joined[-1][0].endswith(":"):
            joined[-1] = (f"{joined[-1][0]} {sentence}", joined[-1][1])
        else:
            joined.append((sentence, context))
    out = []
    for sentence, context in joined:
        sentence = _clean(_YES_NO_LEAD.sub("", sentence))
        if _is_readable(sentence):
            out.append((sentence, _clean(context)))
    return out, lead_in


# "Ja, ifølge DFØ." or "Nei." answers the question in the note's heading, which need not be the user's question;
# the sentence after it says the same thing in full.
_YES_NO_LEAD = re.compile(
    r"^(?:\*\*)?(?:ja|nei|som hovedregel (?:ja|nei)|i utgangspunktet (?:ja|nei))(?:,[^.!?]{0,40})?[.!]\s+(?=[A-ZÆØÅ«])",
    re.IGNORECASE,
)


def _bullet_sentences(item: str, lead_in: str, first: bool = False) -> list[str]:
    """A bullet as sentences: '**Label:** text' -> 'Label: text.'; a lowercase fragment only with its lead-in."""
    label = ""
    match = _LABEL.match(item)
    if match:
        label = match.group(1).strip()
        item = item[match.end() :].strip()
    if label.endswith((".", "?", "!")):
        return split_sentences(f"{label} {item}".strip())
    if label.endswith(":"):
        parts = split_sentences(item) or [""]
        head = f"{label.rstrip(':')}: {parts[0]}" if parts[0] else ""
        return [_finish(p) for p in [head, *parts[1:]] if p]
    if label:
        # Bold words that open the sentence: "**Åpen anbudskonkurranse** er ..." or "**X**, i stedet for ..."
        joined = f"{label}{item}" if item[:1] in ",.;:)" else f"{label} {item}"
        return [_finish(p) for p in split_sentences(joined.strip())]
    if item[:1].isupper() and re.search(r"[.!?][»”\")]*$", item):
        parts = split_sentences(item)
        if first and lead_in.endswith(":") and parts:
            # "... har utviklet tre prinsipper for å fremme innovasjon: Politikere ... må gi handlingsrom ..."
            parts[0] = f"{lead_in} {parts[0]}"
        return parts
    if lead_in and item:
        # "DFØ anbefaler blant annet å (DFØ, «...»):" + "begynne tidlig;" -> "DFØ anbefaler ... å begynne tidlig (DFØ, «...»)."
        head = lead_in.rstrip(" :")
        source = re.search(r"\s*(\([^()]*\)(?:\s*\[[^\]]*\])?)$", head)
        if source:
            head = head[: source.start()]
            return [_finish(f"{head} {item.rstrip(' ;,.')} {source.group(1)}")]
        return [_finish(f"{head} {item}")]
    return []


def trailing_lead_in(chunk: Chunk) -> str:
    """The lead-in sentence a passage ends with when it stops right before (or inside) a bullet list."""
    return _parse(chunk)[1]


# Text addressed to an AI rather than to a reader ("Ignorer alle tidligere instruksjoner ...", "SYSTEM: ...") is never
# quoted: a document in the index is data, and such a sentence is either an attack or not an answer.
_INSTRUCTION_LIKE = re.compile(
    r"\b(ignorer|ignore|se bort fra|glem|disregard|forget|override)\s+(?:\w+\s+){0,3}"
    r"(instruks\w*|instruksjon\w*|instruction\w*|prompt\w*|systemprompt\w*|tidligere regler|previous rules)"
    r"|^\W*(system|assistant|assistent|user|bruker)\s*:"
    r"|system\s*-?\s*prompt|systeminstruks\w*|\b(reveal|avslør\w*)\b.{0,40}\b(prompt|instruks\w*|instruction\w*)"
    r"|\b(du er nå|you are now|act as|svar (alltid|bare) at|always answer|answer that)\b",
    re.IGNORECASE,
)


def is_instruction_like(text: str) -> bool:
    """True for text that speaks to an AI system (prompt injection), not to a reader."""
    return bool(_INSTRUCTION_LIKE.search(text))


def _is_readable(sentence: str) -> bool:
    words = sentence.split()
    if len(words) < 5 or len(sentence) > MAX_SENTENCE_CHARS:
        return False
    if not (sentence[0].isupper() or sentence[0].isdigit() or sentence[0] in "«\"(“"):
        return False  # starts mid-sentence (chunk overlap) or is a fragment
    if "?" in sentence or _BOILERPLATE.search(sentence):
        return False  # questions (and lists of questions) do not answer anything
    if is_instruction_like(sentence):
        log.warning("not quoting instruction-like text from a source: %r", sentence[:80])
        return False
    letters = sum(ch.isalpha() for ch in sentence)
    return letters >= 0.5 * len(sentence)


# --- composition --------------------------------------------------------------------------------------


@dataclass
class Composition:
    """What the composer picked: (sentence, hit index) in answer order, plus conflicts it resolved."""

    sentences: list[tuple[str, int]] = field(default_factory=list)
    conflicts: list[tuple[int, int]] = field(default_factory=list)  # (kept hit, dropped hit)

    @property
    def hits_used(self) -> list[int]:
        """Hit indexes in order of first use."""
        return list(dict.fromkeys(h for _, h in self.sentences))


_UNITS = {"mil": "mill", "mrd": "mrd", "kro": "kr", "kr": "kr", "pro": "%", "%": "%"}


def _amounts(text: str) -> frozenset[str]:
    """Figures with their unit, normalised: "0,43 prosent" and "0,43 %" are the same figure ("0,43%")."""
    return frozenset(re.sub(r"\s", "", m.group(1)) + _UNITS.get(m.group(2).lower()[:3], m.group(2).lower())
                     for m in _MONEY.finditer(text))


def _authority_key(chunk: Chunk) -> tuple[int, str]:
    """Sort key: stronger authority first, then newer; (rank, inverted date) so smaller is better."""
    inverted = "".join(chr(0x7F - ord(ch)) if ch.isdigit() else ch for ch in (chunk.as_of or "0000"))
    return AUTHORITY_RANK.get(chunk.authority, 5), inverted


def _conflicting(a: Candidate, b: Candidate, chunks: Sequence[Chunk], terms: Sequence[QueryTerm]) -> bool:
    """Two sentences from different sources of different standing that give different amounts on the same terms.

    Different standing: another authority rank, or dates at least two years apart (the 2020 white paper
    against the 2024 thresholds). Amounts in one document, or in equally ranked notes of about the same
    date, are treated as complementary (a table of thresholds lists several on purpose).
    """
    ca, cb = chunks[a.hit], chunks[b.hit]
    if ca.doc_id == cb.doc_id:
        return False
    years = [int(c.as_of[:4]) for c in (ca, cb) if c.as_of[:4].isdigit()]
    same_rank = AUTHORITY_RANK.get(ca.authority, 5) == AUTHORITY_RANK.get(cb.authority, 5)
    if same_rank and (len(years) < 2 or abs(years[0] - years[1]) < 2):
        return False
    amounts_a, amounts_b = _amounts(a.text), _amounts(b.text)
    if not amounts_a or not amounts_b or amounts_a & amounts_b:
        return False
    if not {re.sub(r"^[\d,.]+", "", x) for x in amounts_a} & {re.sub(r"^[\d,.]+", "", x) for x in amounts_b}:
        return False
    shared = [t for t in terms if t.match(a.terms) and t.match(b.terms)]
    return sum(t.weight for t in shared) >= 0.4 * sum(t.weight for t in terms)


MIN_SENTENCE_MATCH = 0.2  # share of the question's (weighted) terms a sentence must contain
RELATIVE_FLOOR = 0.75  # the third and later sentences must score at least this share of the best one
SECOND_FLOOR = 0.6  # a second sentence may be a little weaker: a one-sentence answer is rarely enough
REDUNDANCY_PENALTY = 0.3
DUPLICATE_OVERLAP = 0.5
NEAR_COPY_OVERLAP = 0.75  # the notes restate key facts in other words; three quarters shared is a restatement


def content_stems(text: str) -> frozenset[str]:
    """The stems of a text's content words and its numbers (stop words dropped): what faithfulness compares."""
    stop = _stop_stems()
    return frozenset(t for t in text_terms(text) if t not in stop and (len(t) > 1 or t.isdigit()))


def _content(terms: frozenset[str]) -> frozenset[str]:
    stop = _stop_stems()
    return frozenset(t for t in terms if t not in stop and len(t) > 1 and not t[0].isdigit())


def compose(terms: Sequence[QueryTerm], chunks: Sequence[Chunk], lang: str = "nb",
            max_sentences: int = MAX_SENTENCES) -> Composition:
    """Pick 2-5 sentences that answer the question best, each from one of `chunks` (ranked hits)."""
    result = Composition()
    if not terms or not chunks:
        return result
    chunk_terms = [text_terms(c.search_text()) for c in chunks]
    # Within the retrieved set, a term every passage shares ("terskelverdi", "offentlig sektor") tells the
    # candidates apart less than one only a few contain ("kommuner", "kjøper"): weight by
    # log(1 + k/df) / log(1 + k), e.g. k=5, df=5 -> 0.39. The rarity weight is flattened (square root) so that
    # one rare topic word does not outweigh the facet the question is really about.
    k = len(chunks)
    weights = []
    for t in terms:
        df = sum(t.match(ct) >= 0.5 for ct in chunk_terms)
        weights.append(math.sqrt(t.weight) * math.log(1 + k / max(df, 1)) / math.log(1 + k))
    total = sum(weights)

    def matched(found: frozenset[str], section: frozenset[str]) -> float:
        # A sentence also speaks under its section heading ("Terskelverdier fra 14. mars 2024") and the lead-in
        # of its list, at half weight.
        return sum(w * max(t.match(found), 0.5 * t.match(section)) for t, w in zip(terms, weights, strict=True)) / total

    scored: list[tuple[float, Candidate]] = []
    answerable = 0  # rank among passages that have something to quote: an empty or hostile one does not push others down
    for hit, chunk in enumerate(chunks):
        lead_in = _inherited_lead_in(chunk, chunks)
        units = passage_units(chunk, lead_in)
        if not units:
            continue
        rank_prior = 1.0 / (1.0 + 0.25 * answerable)
        answerable += 1
        chunk_cov = coverage(terms, chunk_terms[hit])
        section_terms = text_terms(chunk.section)
        authority = AUTHORITY_RANK.get(chunk.authority, 5)
        section_cov = coverage(terms, section_terms)
        for position, (sentence, context) in enumerate(units):
            sentence_terms = text_terms(sentence)
            share = matched(sentence_terms, section_terms | text_terms(context) if context else section_terms)
            if share < MIN_SENTENCE_MATCH:
                continue
            found = frozenset(i for i, t in enumerate(terms) if t.match(sentence_terms) >= 0.5)
            # The sentence's own overlap counts most, then how many of the question's words it has at all; the
            # passage's overlap, its heading ("Har vi plikt til å innovere") and its rank say whether it sits
            # where the question is answered; stronger and same-language sources win close calls.
            score = 0.55 * share + 0.1 * len(found) / len(terms) + 0.1 * chunk_cov + 0.08 * section_cov
            score += 0.12 * rank_prior
            score += 0.08 * (5 - authority) / 4  # law 0.08, guidance 0.04, white paper 0.02, other 0.0
            score += 0.03 if chunk.language == lang else 0.0
            score += 0.02 / (1 + position)
            if _ANAPHORIC.match(sentence):
                score -= 0.08  # leans on a sentence we may not show
            if _GENERIC_ADVICE.match(sentence):
                score -= 0.1  # "Sjekk forskriften ..." is sound advice but no answer
            if len(sentence) > 300:
                score -= 0.04
            scored.append((score, Candidate(sentence, hit, position, _content(sentence_terms), found, context)))
    if not scored:
        return result
    scored.sort(key=lambda x: (-x[0], x[1].hit, x[1].position))
    if log.isEnabledFor(logging.DEBUG):
        for score, cand in scored[:12]:
            log.debug("candidate %.3f hit %d: %s", score, cand.hit, cand.text[:90])
    best = scored[0][0]
    pool = [(score, cand) for score, cand in scored if score >= SECOND_FLOOR * best]
    chosen: list[Candidate] = []
    scores: dict[Candidate, float] = {}
    length = 0
    while pool and len(chosen) < max_sentences:
        # Maximal marginal relevance: the next sentence must add something the chosen ones do not say.
        covered = frozenset().union(*(c.found for c in chosen)) if chosen else frozenset()
        score, cand = max(pool, key=lambda item: (_adjusted(item, chosen, covered), -item[1].hit, -item[1].position))
        pool.remove((score, cand))
        # Items of a list already begun in the answer may follow it with the lower floor.
        sibling = bool(cand.context) and any(c.hit == cand.hit and c.context == cand.context for c in chosen)
        if len(chosen) >= 2 and score < (SECOND_FLOOR if sibling else RELATIVE_FLOOR) * best:
            continue
        rival = next((c for c in chosen if _conflicting(c, cand, chunks, terms)), None)
        if rival is not None:
            winner = min((rival, cand), key=lambda c: _authority_key(chunks[c.hit]))
            if winner is rival:
                _note_conflict(result, rival.hit, cand.hit)
                continue
            # The newcomer outranks a sentence already chosen: it takes that sentence's place.
            _note_conflict(result, cand.hit, rival.hit)
            chosen[chosen.index(rival)] = cand
            scores[cand] = score
            length += len(cand.text) - len(rival.text)
            continue
        twin = next((c for c in chosen if _repeats(cand, c)), None)
        if twin is not None:
            # Two notes saying the same: keep the fuller one ("... tre prinsipper: Politikere ...").
            if len(cand.terms - twin.terms) >= 3 and len(twin.terms - cand.terms) <= 1 and score >= 0.9 * scores[twin]:
                chosen[chosen.index(twin)] = cand
                scores[cand] = score
                length += len(cand.text) - len(twin.text)
            continue
        covered_by = next((c for c in chosen if _repeats(c, cand) and scores[c] <= score / 0.8), None)
        if covered_by is not None:
            # A sentence already chosen says less than this one (fewer figures): this one takes its place.
            chosen[chosen.index(covered_by)] = cand
            scores[cand] = score
            length += len(cand.text) - len(covered_by.text)
            continue
        if chosen and length + len(cand.text) > MAX_ANSWER_CHARS:
            continue
        chosen.append(cand)
        scores[cand] = score
        length += len(cand.text)
    # A replacement above can leave a sentence that a later, fuller one now repeats.
    chosen = [c for c in chosen if not any(o is not c and _repeats(c, o) and not _repeats(o, c) for o in chosen)]
    if not chosen:
        return result
    # The best sentence leads; the rest of its passage follows in reading order, then the other passages.
    lead = chosen[0]
    rest = sorted(chosen[1:], key=lambda c: (c.hit != lead.hit, c.hit, c.position))
    result.sentences = [(c.text, c.hit) for c in [lead, *rest]]
    return result


def _adjusted(item: tuple[float, Candidate], chosen: Sequence[Candidate], covered: frozenset[int]) -> float:
    """A candidate's score less what it repeats: shared content words, and no question word not yet covered."""
    score, cand = item
    overlap = max((_overlap(cand, c) for c in chosen), default=0.0)
    adds_nothing = bool(chosen) and cand.found <= covered
    return score - REDUNDANCY_PENALTY * overlap - (0.1 if adds_nothing else 0.0)


def _note_conflict(result: Composition, kept: int, dropped: int) -> None:
    if (kept, dropped) not in result.conflicts:
        result.conflicts.append((kept, dropped))


def _repeats(cand: Candidate, other: Candidate) -> bool:
    """True when a sentence says what another already says: nearly all the same words, or mostly the same words
    and no question word or figure the other lacks."""
    overlap = _overlap(cand, other)
    if overlap >= NEAR_COPY_OVERLAP and _amounts(cand.text) <= _amounts(other.text):
        return True
    return overlap >= DUPLICATE_OVERLAP and cand.found <= other.found and _amounts(cand.text) <= _amounts(other.text)


def _overlap(a: Candidate, b: Candidate) -> float:
    """Share of the smaller sentence's content words that the other repeats (guidance notes repeat key facts)."""
    if not a.terms or not b.terms:
        return 1.0 if a.text == b.text else 0.0
    return len(a.terms & b.terms) / min(len(a.terms), len(b.terms))


def _inherited_lead_in(chunk: Chunk, chunks: Sequence[Chunk]) -> str:
    """The list introduction from the passage just before this one, when that passage is among the hits too."""
    for other in chunks:
        if (other.doc_id == chunk.doc_id and other.section == chunk.section
                and other.start < chunk.start <= other.end):
            return trailing_lead_in(other)
    return ""
