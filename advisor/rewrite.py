"""Rewrite a solution-specific requirement as a need statement plus functional and performance requirements.

Offline (provider "extractive", the default) the draft is built from the analyzer's findings, the nearest worked
examples in corpus/examples/requirements.yaml (lexical similarity), and templates per finding category and product
domain; blanks the buyer must fill in are written as [hakeparenteser]. With an LLM (openai, azure, ollama) the
prompt prompts/rewrite.md gets the findings and the nearest examples as few-shot and must answer in JSON.

Either way the draft is checked before it is returned: the need statement and every requirement are run through
the analyzer, and wording that is still solution-specific is removed or replaced by a template; every measurable
target of the original (numbers with units, percentages, temperatures, counts) must still be there.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from advisor import requirements_lexicon as lex
from advisor.config import Settings
from advisor.errors import AdvisorError, InvalidInput, ProviderError
from advisor.requirements import Finding, Hit, analyze_requirement, find_hits

PROMPT_NAME = "rewrite"
PROMPT_FIELDS = frozenset({"original", "findings", "targets", "examples"})
EXAMPLES_PATH = Path("examples") / "requirements.yaml"
TOP_EXAMPLES = 3
# Similarity (0-1) above which a worked example's need statement is offered as the draft's need statement.
BORROW_NEED_AT = 0.6
PLACEHOLDER_NEED = "Vi har behov for [beskriv hva som skal oppnås, for hvem], slik at [hvilken effekt dere vil se]."
DRAFT_NOTE = "Dette er et utkast. Fyll inn det som står i [hakeparenteser], og kontroller tallene mot behovet."


@dataclass(frozen=True)
class Example:
    """A worked example: a solution-specific original and its need-based rewrite."""

    id: str
    domain: str
    original: str
    problems: list[str]
    need_statement: str
    requirements: list[str]
    market_questions: list[str]
    why: str = ""


@dataclass(frozen=True)
class Target:
    """A measurable target in the original requirement (a number with its unit, or a count)."""

    text: str
    number: str
    start: int
    end: int


@dataclass
class Rewrite:
    """A need-based draft of one requirement, with what it was built from."""

    original: str
    need_statement: str
    functional_requirements: list[str]
    market_questions: list[str]
    questions_for_buyer: list[str]
    findings: list[Finding]
    provider: str
    examples_used: list[str]
    prompt_version: str | None
    targets: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# --- worked examples ------------------------------------------------------------------------------------------------

def load_examples(settings: Settings) -> list[Example]:
    """The worked examples from corpus/examples/requirements.yaml; a missing or broken file raises AdvisorError."""
    path = Path(settings.corpus_dir) / EXAMPLES_PATH
    if not path.is_file():
        raise AdvisorError(f"worked examples {path} are missing: the rewriter needs them")
    return list(_load_examples(str(path), path.stat().st_mtime_ns))


@functools.lru_cache(maxsize=4)
def _load_examples(path: str, mtime_ns: int) -> tuple[Example, ...]:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise AdvisorError(f"worked examples {path} are not valid YAML: {exc}") from exc
    examples = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict) or not item.get("original") or not item.get("need_statement"):
            raise AdvisorError(f"{path}: example {number} needs at least original and need_statement")
        examples.append(Example(
            id=str(item.get("id") or f"ex-{number}"), domain=str(item.get("domain") or ""),
            original=str(item["original"]), problems=list(item.get("problems") or []),
            need_statement=str(item["need_statement"]), requirements=[str(r) for r in item.get("requirements") or []],
            market_questions=[str(q) for q in item.get("market_questions") or []], why=str(item.get("why") or ""),
        ))
    return tuple(examples)


def _grams(text: str) -> Counter[str]:
    # Character 4-grams inside words, so that compounds match their parts (robotgressklipper ~ gressklipping).
    grams: Counter[str] = Counter()
    for word in re.findall(r"[^\W\d_]{3,}|\d+", text.lower()):
        padded = f" {word} "
        grams.update(padded[i:i + 4] for i in range(max(1, len(padded) - 3)))
    return grams


def similarity(a: str, b: str) -> float:
    """Cosine similarity of two texts' character 4-gram profiles (0-1)."""
    ga, gb = _grams(a), _grams(b)
    dot = sum(count * gb[gram] for gram, count in ga.items())
    norm = math.sqrt(sum(c * c for c in ga.values())) * math.sqrt(sum(c * c for c in gb.values()))
    return dot / norm if norm else 0.0


def nearest_examples(text: str, categories: set[str], examples: list[Example], k: int = TOP_EXAMPLES) -> list[tuple[Example, float]]:
    """The k worked examples most like `text`: text similarity, plus a little for sharing problem categories."""
    scored = []
    for example in examples:
        shared = len(categories & set(example.problems)) / max(1, len(categories | set(example.problems)))
        scored.append((example, round(0.85 * similarity(text, example.original) + 0.15 * shared, 3)))
    scored.sort(key=lambda pair: (-pair[1], pair[0].id))
    return [pair for pair in scored[:k] if pair[1] > 0]


# --- measurable targets ----------------------------------------------------------------------------------------------

_NUMBER_WORDS = r"(?:to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|elleve|tolv|femten|tjue|tretti|førti|femti|hundre)"
_TARGET = re.compile(
    rf"(?<![\w.,])(?:\d{{1,3}}(?:[  ]\d{{3}})+|\d+(?:[.,]\d+)?)(?:\s*[-–]\s*\d+(?:[.,]\d+)?)?"
    rf"(?:\s*(?:%|prosent|°C|grader|{lex.PARAM_UNIT}|{lex.TIME_UNIT}|kr|kroner|år|måneder|uker|timers|kWh|km|ganger|stk)(?![\w])"
    rf"|(?=\s+[^\W\d_]))"
    rf"|(?<![\w])(?i:{_NUMBER_WORDS})(?=\s+[^\W\d_]{{3,}})",
)
_NUMBER_WORD_VALUES = {"to": "2", "tre": "3", "fire": "4", "fem": "5", "seks": "6", "sju": "7", "syv": "7", "åtte": "8",
                       "ni": "9", "ti": "10", "elleve": "11", "tolv": "12", "femten": "15", "tjue": "20", "tretti": "30",
                       "førti": "40", "femti": "50", "hundre": "100"}


def _normal_number(text: str) -> str:
    word = _NUMBER_WORD_VALUES.get(text.strip().lower())
    if word:
        return word
    first = re.match(r"\d{1,3}(?:[  ]\d{3})+|\d+(?:[.,]\d+)?", text)
    return re.sub(r"[  ]", "", first.group(0)).replace(",", ".") if first else text


def measurable_targets(text: str, findings: list[Finding] | list[Hit]) -> list[Target]:
    """Numbers with units, percentages, temperatures and counts in the original, outside brand/model names and standards."""
    blocked = [(f.start, f.end) for f in findings if f.category in {"brand", "model_type", "missing_or_equivalent"}]
    blocked += [(m.start(), m.end()) for m in lex.STANDARDS.finditer(text)]
    targets = []
    for m in _TARGET.finditer(text):
        if any(s <= m.start() < e for s, e in blocked):
            continue
        if re.match(r"\d{1,2}\.\s", text[m.start():m.end() + 2]):  # «3. trinn», «10. generasjon»: ordinals
            continue
        value = m.group(0).strip()
        if value.lower() in _NUMBER_WORD_VALUES and not re.match(r"\s+[^\W\d_]", text[m.end():]):
            continue
        targets.append(Target(value, _normal_number(value), m.start(), m.end()))
    return targets


def missing_targets(targets: list[Target], texts: list[str]) -> list[Target]:
    """The targets whose number appears in none of the texts (numbers compared without spaces, comma or period)."""
    found = set()
    for text in texts:
        for m in _TARGET.finditer(text):
            found.add(_normal_number(m.group(0)))
        found.update(re.sub(r"[  ]", "", n).replace(",", ".") for n in re.findall(r"\d{1,3}(?:[  ]\d{3})+|\d+(?:[.,]\d+)?", text))
    return [t for t in targets if t.number not in found]


# --- making wording neutral -------------------------------------------------------------------------------------------

_CUE_BEFORE = re.compile(
    r"(?:\s*,)?\s*(?:av\s+typen|av\s+type|laget\s+av|utført\s+i|produsert\s+i|av|made\s+of|typen|type|modell(?:en)?|av\s+merket|merket|merke|fabrikat(?:et)?|fra|levert\s+av|"
    r"leveres\s+av|produsert\s+av|i|på|med|basert\s+på|bygget\s+på|of\s+type|from|made\s+by|in|on|with|using)\s*$",
    re.IGNORECASE,
)
_EQUIVALENT_AFTER = re.compile(r"\s*,?\s*(?:" + lex.EQUIVALENT.pattern + r")", re.IGNORECASE)
_DANGLING = re.compile(r"\s+(?:med|av|fra|i|på|til|og|eller|som|for|with|of|from|and|or|a|an|en|et|ei)\s*(?=[.,;]|$)", re.IGNORECASE)
# Which way an exact value becomes a bound: weight and size at most, capacity at least.
_AT_MOST_UNITS = re.compile(r"^(?:mm|cm|m|kg|g|U)$", re.IGNORECASE)


def _bound_word(unit: str, value_start: int, text: str) -> str:
    if re.search(r"(?:vekt|veie|veier|weigh|lang|bred|høy|tykk|dyp|størrelse|mål)\S*\s*(?:på\s+)?$", text[max(0, value_start - 25):value_start], re.I):
        return "høyst"
    return "høyst" if _AT_MOST_UNITS.match(unit) else "minst"


def neutralize(text: str, hits: list[Hit]) -> tuple[str, list[str]]:
    """The requirement with its solution-specific wording removed, replaced or bounded; and notes on each change."""
    edits: list[tuple[int, int, str, str]] = []  # start, end, replacement, note
    active = sorted((h for h in hits if h.severity != "low"), key=lambda h: h.start)
    for group in _reference_groups(active):
        edits.append(_reference_edit(text, group))
    for hit in active:
        span = text[hit.start:hit.end]
        if hit.category == "same_as_current":
            edits.append((_extend_left_comma(text, hit.start), hit.end, "", f"«{span}» er fjernet (beskriver dagens løsning)."))
            same = re.search(r"(?:den |det |de )?samme\s+(?:type|modell|merke|sort)?\s*(?=(?:[\w\-]+\s+){0,3}$)", text[:hit.start])
            if same:
                edits.append((same.start(), same.end(), "", f"«{same.group(0).strip()}» er fjernet (beskriver dagens løsning)."))
        elif hit.category == "material_dimension_method" and hit.kind == "dimension":
            if not lex.BOUND_BEFORE.search(text[max(0, hit.start - 25):hit.start]):
                edits.append((hit.start, hit.start, "høyst ",
                              f"«{span}» er gjort om til en grense; juster til minst eller høyst etter behovet."))
        elif hit.category == "material_dimension_method":
            cue = _CUE_BEFORE.search(text[:hit.start]) if hit.kind == "material" else None
            edits.append((cue.start() if cue else _extend_left_comma(text, hit.start), hit.end, "",
                          f"«{span}» er fjernet (materiale, farge, plassering eller metode uten oppgitt funksjon)."))
        elif hit.category == "tailoring":
            edits.extend(_bound_exact_values(text, hit.start, hit.end))
    chosen: list[tuple[int, int, str, str]] = []
    for edit in sorted((e for e in edits if e[1] > e[0]), key=lambda e: (e[0], -e[1])):
        if not any(edit[0] < c[1] and c[0] < edit[1] for c in chosen):
            chosen.append(edit)
    for edit in (e for e in edits if e[1] == e[0]):
        if not any(c[0] <= edit[0] < c[1] for c in chosen) and not any(c[0] == edit[0] == c[1] for c in chosen):
            chosen.append(edit)
    result = text
    for start, end, replacement, _ in sorted(chosen, key=lambda e: (e[0], e[1]), reverse=True):
        result = result[:start] + replacement + result[end:]
    return _tidy(result), [note for _, _, _, note in sorted(chosen, key=lambda e: e[0])]


_REFERENCE = {"brand", "model_type", "missing_or_equivalent", "prescribed_technology", "product_named"}


def _reference_groups(hits: list[Hit]) -> list[list[Hit]]:
    groups: list[list[Hit]] = []
    for hit in (h for h in hits if h.category in _REFERENCE):
        if groups and hit.start < max(h.end for h in groups[-1]) + 2:
            groups[-1].append(hit)
        else:
            groups.append([hit])
    return groups


def _generic_noun(span: str, group: list[Hit]) -> str:
    brands = lex.load_brands()
    for m in lex.brand_regex().finditer(span):
        entry = brands.get(lex.brand_key(m.group("base")))
        if entry and entry.generic_noun:
            return entry.generic_noun
    return next((str(h.detail["noun"]) for h in group if h.category == "brand" and h.detail.get("noun")), "")


def _reference_edit(text: str, group: list[Hit]) -> tuple[int, int, str, str]:
    """Remove a brand/model/technology/product reference, or name it neutrally where a count or object needs a noun."""
    start, end = min(h.start for h in group), max(h.end for h in group)
    cats = {h.category for h in group}
    span = text[start:end]
    label = ", ".join(sorted(lex.CATEGORY_LABELS[c] for c in cats))
    after = _EQUIVALENT_AFTER.match(text, end)
    end = after.end() if after else end
    count = re.search(rf"(?:\d+|{_NUMBER_WORDS})\s*(?:stk\.?\s*)?$", text[:start], re.IGNORECASE)
    generic = "" if _ENGLISH.search(text) else _generic_noun(span, group)
    following = re.match(r"\s*([^\W\d_]+)", text[end:])
    if generic and following and following.group(1).lower().startswith(generic.split()[-1].lower()[:5]):
        # «Arjo Sara Stedy ståheiser»: the product is already named right after the reference
        return start, end, "", f"«{span}» er fjernet ({label})."
    if generic and "product_named" not in cats:
        noun = plural(generic) if count else generic
        return start, end, noun, f"«{span}» er byttet ut med «{noun}» ({label})."
    compound = re.match(r"-(?=[^\W\d_]{3,})", text[end:])
    if compound:  # «Kebony-kledning», «Intel-prosessor»: keep the second half of the compound
        return start, end + 1, "", f"«{span}» er fjernet ({label})."
    cue = _CUE_BEFORE.search(text[:start])
    if count and not cue and "product_named" not in cats and not _ENGLISH.search(text):
        domain = next((str(h.detail["brand_category"]) for h in group if h.detail.get("brand_category")), "")
        noun = CATEGORY_OBJECTS.get(domain, "enheter")
        return start, end, noun, f"«{span}» er byttet ut med «{noun}» ({label})."
    return (cue.start() if cue else start), end, "", f"«{span}» er fjernet ({label})."


def _extend_left_comma(text: str, start: int) -> int:
    m = re.search(r"(?:,|\s+og)\s*$", text[:start])
    return m.start() if m else start


def _bound_exact_values(text: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    edits = []
    for m in re.finditer(rf"(?:(?:nøyaktig|eksakt|exactly)\s+)?({lex.NUMBER})\s*-?\s*({lex.PARAM_UNIT}|{lex.TIME_UNIT})(?!\w)",
                         text[start:end], re.IGNORECASE):
        at = start + m.start()
        if lex.BOUND_BEFORE.search(text[max(0, at - 25):at]) or re.search(r"[-–]\s*$", text[max(0, at - 3):at]):
            continue
        word = _bound_word(m.group(2), at, text)
        edits.append((at, start + m.start(1), f"{word} ", f"«{m.group(0)}» er gjort om til «{word} {m.group(1)} {m.group(2)}»."))
    return edits


def _tidy(text: str) -> str:
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"\bskal\s+være\s*,?\s*(?:en|et|ei)?\s*,?\s*med\b", "skal ha", text)
    for _ in range(3):
        text = _DANGLING.sub("", text)
    text = re.sub(r"\b(skal|må)\s+(være|ha)\s*,\s*", r"\1 \2 ", text)
    text = re.sub(r"\b(must|shall)\s+be\s*,?\s*(?:an?\s+)?with\b", r"\1 have", text)
    text = re.sub(r"\s+([.,;])", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r",(\s*[.;]|$)", r"\1", text)
    text = re.sub(r"\s{2,}", " ", text).strip()
    return text


_FILLER = {"være", "ha", "en", "et", "ei", "og", "alle", "nye", "the", "all", "new", "eller", "kunne", "skal", "som", "med", "på", "til", "for", "av", "fra",
           "utvikles", "kjøre", "kjøres", "brukes", "bruke", "benytte", "benyttes", "leveres", "levere", "driftes", "bygges",
           "baseres", "basert", "bestå", "have", "with", "and", "use", "run", "based", "developed", "hosted",
           "built", "used", "delivered", "installed", "made", "supplied"}


def is_substantive(sentence: str) -> bool:
    """Whether a neutralized requirement still says something (not just «X skal være.» or «skal utvikles og kjøre.»)."""
    m = re.search(r"(?:skal|må|shall|must)\b\s*(.*)$", sentence, re.IGNORECASE)
    rest = re.sub(r"[.!]$", "", m.group(1) if m else sentence).strip()
    content = [w for w in re.findall(r"[^\W_]+", rest)
               if w.isdigit() or w.lower() in _NUMBER_WORD_VALUES or (len(w) >= 2 and w.isupper())
               or (len(w) >= 3 and w.lower() not in _FILLER)]
    return len(content) >= 2


def passes(text: str) -> bool:
    """Whether the analyzer finds nothing solution-specific in `text` (low-severity hints allowed)."""
    return not any(h.severity != "low" for h in find_hits(text))


def clean(text: str) -> str | None:
    """`text` if it passes the analyzer, else its neutralized form if that passes and still says something, else None."""
    text = text.strip()
    if not text:
        return None
    if passes(text):
        return text
    neutral, _ = neutralize(text, find_hits(text))
    return neutral if neutral and passes(neutral) and is_substantive(neutral) else None


# --- templates (Norwegian) ---------------------------------------------------------------------------------------------

# Neutral product names (from the brand lexicon's "-> noun") and the need they usually serve.
NOUN_FUNCTIONS = {
    "bærbar PC": "å arbeide digitalt, både på kontoret og mobilt",
    "stasjonær PC": "å arbeide digitalt ved faste arbeidsplasser",
    "arbeidsstasjon": "å kjøre krevende fagprogrammer som tegning, modellering eller analyse",
    "nettbrett": "å bruke digitale verktøy og læremidler, også utenfor en fast arbeidsplass",
    "smarttelefon": "å være tilgjengelig og bruke nødvendige apper i tjenesten",
    "skriver": "å skrive ut og skanne dokumenter",
    "server": "å drifte tjenestene med nødvendig kapasitet og tilgjengelighet",
    "personbil": "å komme seg fram til oppdrag og brukere",
    "varebil": "å frakte utstyr og materiell i tjenesten",
    "arbeidsstol": "å sitte godt og variert gjennom arbeidsdagen",
    "interaktiv tavle": "å vise, dele og bearbeide digitalt innhold sammen i undervisning og møter",
    "robotgressklipper": "å holde gressdekket klippet og i god stand",
    "robotstøvsuger": "å holde gulvene frie for støv og smuss",
    "kombidamper": "å tilberede mat i riktig mengde og kvalitet",
    "kompaktlaster": "å flytte masse og materiell på trange arealer",
    "mobilbetaling": "å ta imot betaling enkelt og sikkert",
}
_PLURALS = {"bærbar PC": "bærbare PC-er", "stasjonær PC": "stasjonære PC-er", "nettbrett": "nettbrett",
            "interaktiv tavle": "interaktive tavler", "personbil": "personbiler", "varebil": "varebiler",
            "smarttelefon": "smarttelefoner", "skriver": "skrivere", "server": "servere", "arbeidsstol": "arbeidsstoler",
            "kjøretøy": "kjøretøy", "utstyr": "utstyr", "møbler": "møbler"}

# Per brand category: functional requirements that replace a brand or model (blanks in brackets).
DOMAIN_REQUIREMENTS = {
    "IT": ["Utstyret skal ha ytelse som dekker oppgavene brukerne skal utføre, dokumentert med [referansetest eller bruksscenario].",
           "Leverandøren skal tilby garanti og service i hele avtaleperioden, med reparasjon eller erstatning innen [antall] virkedager."],
    "software": ["Løsningen skal støtte arbeidsprosessene som er beskrevet i [vedlegg], og kunne utveksle data gjennom åpne, dokumenterte grensesnitt.",
                 "Løsningen skal ha en tilgjengelighet på minst [prosent] % i [tidsrom]."],
    "furniture": ["Produktet skal kunne tilpasses brukere med ulik kroppsstørrelse og behov, beskrevet i [vedlegg].",
                  "Produktet skal tåle daglig bruk og rengjøring i minst [antall] år, og reservedeler skal være tilgjengelige i hele perioden."],
    "vehicles": ["Kjøretøyet skal ha utslipp av CO₂ og NOx på høyst [verdi] per km, eller være utslippsfritt.",
                 "Kjøretøyet skal ha plass til [antall personer og utstyr] og en rekkevidde på minst [antall] km under vinterforhold."],
    "machinery": ["Maskinen skal utføre [oppgave] med en kapasitet på minst [mengde per time].",
                  "Maskinen skal ha utslipp og støy på høyst [verdi], eller være utslippsfri."],
    "medical": ["Utstyret skal dekke de kliniske behovene som er beskrevet i [vedlegg], med dokumentert ytelse og sikkerhet.",
                "Utstyret skal tåle rengjøring og desinfeksjon mellom hver bruker, og opplæringen skal ta høyst [antall] timer."],
    "welfare": ["Løsningen skal gjøre det mulig for brukeren og de ansatte å [beskriv handlingen] trygt og uten unødig fysisk belastning.",
                "Leverandøren skal dokumentere driftssikkerhet, levetid og tilgang på reservedeler i hele avtaleperioden."],
    "kitchen": ["Utstyret skal ha kapasitet til [mengde] per [time, måltid eller dag].",
                "Tilbyder skal dokumentere energi- og vannforbruket og tilby service innen [antall] timer ved feil."],
    "building": ["Produktet skal oppfylle ytelseskravene i [relevant standard] eller tilsvarende, og ha en dokumentert levetid på minst [antall] år.",
                 "Tilbyder skal dokumentere produktets miljøegenskaper, for eksempel med EPD."],
    "cleaning": ["Renholdet skal oppfylle kvalitetsnivå [nivå] etter INSTA 800 eller tilsvarende.",
                 "Produktene skal være miljømerket eller ha tilsvarende dokumentasjon på miljø- og helseegenskaper."],
    "office": ["Produktet skal dekke bruken som er beskrevet i [vedlegg].",
               "Produktet skal være miljømerket eller ha tilsvarende dokumentasjon."],
    "playground": ["Utstyret skal gi [beskriv aktivitet og brukergruppe] og oppfylle relevante sikkerhetsstandarder, "
                   "for eksempel NS-EN 1176 for lekeplassutstyr, eller tilsvarende.",
                   "Utstyret skal tåle bruk hele året og ha en dokumentert levetid på minst [antall] år."],
    "food": ["Varene skal oppfylle [ernæringskrav, kvalitet og holdbarhet] og leveres [hvor ofte og hvor].",
             "Leverandøren skal dokumentere opprinnelse, miljøegenskaper og tilgjengelighet gjennom hele avtaleperioden."],
    "security": ["Løsningen skal gi [beskriv sikkerhetsnivået, f.eks. hvem som skal ha tilgang hvor og når].",
                 "Løsningen skal kunne utvides og integreres gjennom åpne, dokumenterte grensesnitt."],
    "workwear": ["Plaggene skal beskytte mot [vær, synlighet, risiko] og tåle minst [antall] vask.",
                 "Plaggene skal finnes i størrelser og passformer for alle ansatte som skal bruke dem."],
    "tools": ["Verktøyet skal utføre [oppgave] med [ytelse], og reservedeler skal være tilgjengelige i hele perioden."],
    "energy": ["Anlegget skal levere minst [effekt eller energimengde] under [driftsforhold].",
               "Anlegget skal kunne styres og overvåkes, og feil skal varsles innen [tid]."],
}
GENERIC_REQUIREMENTS = [
    "Tilbyder skal dokumentere hvordan tilbudt løsning dekker behovet, med målbare verdier der det er mulig.",
    "Tilbyder skal beskrive hvordan løsningen brukes, vedlikeholdes og følges opp i hele avtaleperioden.",
]
CATEGORY_REQUIREMENTS = {
    "product_named": "Løsningen skal dekke behovet, enten den leveres som produkt, som tjeneste eller som en kombinasjon.",
    "prescribed_technology": "Løsningen skal kunne utveksle data med andre systemer gjennom åpne, dokumenterte grensesnitt, "
                             "og leverandøren velger teknologi.",
    "material_dimension_method": "Resultatet skal oppfylle [målbart kvalitetskrav, f.eks. holdbarhet, renhold eller utseende], "
                                 "og leverandøren velger materiale og metode.",
    "same_as_current": "Løsningen skal dekke funksjonene i dagens løsning som er listet i [vedlegg], og kostnader ved "
                       "overgang vurderes i tildelingskriteriene.",
    "energy": "Løsningen skal ha utslipp av klimagasser på høyst [verdi] per [enhet], eller være utslippsfri, og "
              "leverandøren velger energibærer.",
}
MARKET_QUESTIONS = {
    "brand": "Hvilke løsninger finnes i markedet som dekker dette behovet, og hvordan dokumenterer dere ytelsen?",
    "model_type": "Hvilke egenskaper bør vi stille krav til for at flere produkter skal kunne konkurrere?",
    "product_named": "Finnes det andre måter å dekke behovet på, for eksempel som tjeneste eller med en annen type løsning?",
    "prescribed_technology": "Hvilke teknologier kan dekke behovet, og hva betyr valget for drift, sikkerhet og senere bytte av leverandør?",
    "material_dimension_method": "Hvilke materialer eller metoder gir det resultatet vi trenger, og hva koster de over levetiden?",
    "same_as_current": "Hva har endret seg i markedet siden forrige anskaffelse, og hva koster en overgang?",
    "tailoring": "Hvilke av verdiene i kravet er vanlige i markedet, og hvilke utelukker de fleste produkter?",
    "missing_or_equivalent": "Hva bør regnes som «tilsvarende» for dette produktet, og hvordan kan det dokumenteres?",
}


def plural(noun: str) -> str:
    """Norwegian plural of a neutral product name (after a count): «bærbar PC» -> «bærbare PC-er»."""
    if noun in _PLURALS:
        return _PLURALS[noun]
    return noun + ("r" if noun.endswith("e") else "er")


def noun_function(noun: str) -> str:
    """The need a neutral product name usually serves, as an «å ...» phrase ('' when unknown)."""
    return NOUN_FUNCTIONS.get(noun, "")


def category_requirements(categories: set[str], domains: list[str], hits: list[Hit]) -> list[str]:
    """Template requirements for the findings: per product domain, then per problem category."""
    out: list[str] = []
    for domain in domains:
        out.extend(DOMAIN_REQUIREMENTS.get(domain, []))
    if any(h.category == "prescribed_technology" and h.kind == "energy" for h in hits):
        out.append(CATEGORY_REQUIREMENTS["energy"])
    for category in ("product_named", "prescribed_technology", "material_dimension_method", "same_as_current"):
        if category in categories and not (category == "prescribed_technology" and out and "energy" in out[-1]):
            out.append(CATEGORY_REQUIREMENTS[category])
    return out


def market_questions_for(categories: set[str]) -> list[str]:
    """One question to the market per problem category (in a fixed order)."""
    return [MARKET_QUESTIONS[c] for c in lex.CATEGORIES if c in categories and c in MARKET_QUESTIONS]


_USERS = re.compile(r"(?<!\w)(?:brukere?\w*|ansatte|elever\w*|pasient\w*|beboer\w*|innbygger\w*|pleier\w*|lærer\w*|"
                    r"saksbehandler\w*|barn\w*|eldre|personale\w*|sjåfør\w*|hjemmetjeneste\w*|users?|staff|pupils|patients|residents)(?!\w)",
                    re.IGNORECASE)


def buyer_questions(text: str, hits: list[Hit], targets: list[Target]) -> list[str]:
    """Questions back to the buyer where the requirement does not say who, why or how success is measured."""
    out: list[str] = []
    if not _USERS.search(text):
        out.append("Hvem skal bruke løsningen, og hvor mange er de?")
    if not (lex.FUNCTION_TIE.search(text) or re.search(r"behov|trenger|need", text, re.IGNORECASE)):
        out.append("Hvilket problem skal løses, og hva skjer i dag når det ikke er løst?")
    if not targets:
        out.append("Hvordan vil dere måle at behovet er dekket (for eksempel tid, antall, kvalitet eller kostnad)?")
    seen: set[str] = set()
    for hit in hits:
        if hit.severity == "low" or hit.category in seen:
            continue
        seen.add(hit.category)
        span = text[hit.start:hit.end]
        if hit.category in {"brand", "model_type"}:
            seen.update({"brand", "model_type"})
            refs = [h for h in hits if h.category in {"brand", "model_type", "missing_or_equivalent"} and h.severity != "low"]
            span = text[min(h.start for h in refs):max(h.end for h in refs)] if len(refs) < 4 else span
            out.append(f"Er det en grunn til at dere nevner «{span}», for eksempel kompatibilitet med utstyr dere allerede "
                       "har? Skriv i så fall ned begrunnelsen og legg til «eller tilsvarende».")
        elif hit.category == "product_named":
            out.append(f"Har dere vurdert andre måter å dekke behovet på enn «{span}», for eksempel som tjeneste?")
        elif hit.category == "prescribed_technology":
            out.append(f"Hvorfor er «{span}» nødvendig: drift, kompetanse, integrasjon, sikkerhet eller utslipp?")
        elif hit.category == "material_dimension_method":
            out.append(f"Hva skal «{span}» oppnå (holdbarhet, vedlikehold, hygiene, plass, utseende)?")
        elif hit.category == "same_as_current":
            out.append("Hva fungerer godt med dagens løsning, og hva bør bli bedre?")
        elif hit.category == "tailoring":
            out.append("Hvilke av verdiene er nødvendige for behovet, og hvilke er hentet fra et produktdatablad?")
    return out[:5]


# --- the offline draft -------------------------------------------------------------------------------------------------

CATEGORY_OBJECTS = {"IT": "enheter", "vehicles": "kjøretøy", "machinery": "maskiner", "furniture": "møbler",
                    "kitchen": "maskiner", "cleaning": "maskiner", "medical": "enheter", "welfare": "hjelpemidler",
                    "energy": "anlegg", "office": "enheter"}
_ACQUIRE_LEAD = re.compile(
    r"^(?:(?:vi|kommunen|virksomheten|etaten|skolen|[A-ZÆØÅ][\wæøå]+)\s+(?:skal|ønsker å|vil|må)\s+(?:kjøpe|anskaffe|leie|lease)"
    r"(?:\s+inn)?|det\s+skal\s+(?:kjøpes|anskaffes|leies|leases|leveres|installeres|monteres)(?:\s+inn)?)\s+",
    re.IGNORECASE,
)
_SUBJECT = re.compile(r"^(?P<subj>[^,;:]+?)\s+(?:skal|må|bør)\b(?:\s+(?:kun\s+|bare\s+)?(?P<pred>.+?))?[.!]?$", re.IGNORECASE)
_VERBS = {"ha": "har", "være": "er", "kunne": "kan", "få": "får", "gi": "gir", "gå": "går", "se": "ser"}
_CLAUSE_VERBS = {"ha", "være", "veie", "måle", "lagre", "gi", "kunne", "tåle", "dekke", "holde", "redusere", "øke", "gå",
                 "kjøre", "levere", "oppfylle", "ligge"}
_ENGLISH = re.compile(r"(?<!\w)(?:the|must|shall|should|will|we|our)(?!\w)", re.IGNORECASE)


def _brand_domains(hits: list[Hit]) -> list[str]:
    brands = lex.load_brands()
    domains: list[str] = []
    for hit in hits:
        category = hit.detail.get("brand_category")
        if not category and hit.detail.get("brand"):
            entry = brands.get(lex.brand_key(str(hit.detail["brand"])))
            category = entry.category if entry else None
        if category and category not in domains:
            domains.append(str(category))
    return domains


def _function_of(hits: list[Hit], text: str) -> tuple[str, str]:
    """(need phrase, product) from a named product or a trademark used as a product name."""
    brands = lex.load_brands()
    for hit in hits:
        if hit.category == "product_named":
            noun = str(hit.detail.get("noun") or "")
            return str(hit.detail.get("function") or noun_function(noun)), noun
    for hit in hits:
        if hit.category not in {"brand", "model_type"}:
            continue
        for name in [str(hit.detail.get("brand", "")), *(m.group("base") for m in lex.brand_regex().finditer(text[hit.start:hit.end]))]:
            entry = brands.get(lex.brand_key(name))
            if entry and entry.generic_noun and noun_function(entry.generic_noun):
                return noun_function(entry.generic_noun), entry.generic_noun
    return "", ""


def _present(pred: str) -> str:
    first, _, rest = pred.partition(" ")
    low = first.lower()
    if low in _VERBS:
        verb = _VERBS[low]
    elif low.endswith("es") or not low.endswith("e"):
        verb = first
    else:
        verb = first + "r"
    return f"{verb} {rest}".strip()


def _need_from(neutral: str, function: str, context: str, specs_only: bool = False) -> str:
    if function:
        return f"Vi har behov for {function}{context}"
    acquired = _ACQUIRE_LEAD.match(neutral)
    if acquired:
        return f"Vi har behov for {neutral[acquired.end():].rstrip('.')}"
    m = _SUBJECT.match(neutral)
    if m and not _ENGLISH.search(neutral):
        subject = m.group("subj")
        subject = subject if subject[:2].isupper() else subject[:1].lower() + subject[1:]
        if specs_only or not m.group("pred") or not is_substantive(neutral):  # product data or nothing left is not a need: ask for the use
            return f"Vi har behov for at {subject} dekker [beskriv behovet: hva skal oppnås, for hvem, hvor og hvor ofte]"
        return f"Vi har behov for at {subject} {_present(m.group('pred'))}"
    return ""


def _with_purpose(need: str) -> str:
    need = need.rstrip(". ")
    if lex.FUNCTION_TIE.search(re.sub(r"^Vi har behov for å", "", need)):
        return need + "."
    return need + ", slik at [hvem oppnår hva – fyll inn]."


def _context(text: str, hits: list[Hit]) -> str:
    product = next((h for h in hits if h.category == "product_named"), None)
    if product is None:
        return ""
    m = re.match(r"\s+((?:til|på|for|i|ved|hos)\s+[^,.;]+)", text[product.end:])
    return f" ({m.group(1).strip()})" if m else ""


def _clauses(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r",\s*|;\s*|\s+og\s+|\s+and\s+", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _target_requirement(text: str, target: Target, hits: list[Hit]) -> str:
    """A requirement that carries one measurable target of the original, in the words of its clause."""
    subject = "Løsningen"
    m = _SUBJECT.match(text)
    if m and not _ENGLISH.search(text) and len(m.group("subj").split()) <= 4 \
            and not any(h.start < m.end("subj") for h in hits if h.severity != "low"):
        subject = m.group("subj")
    for start, end in _clauses(text):
        if start <= target.start < end:
            clause = text[start:end].strip().rstrip(".")
            if m and start == 0 and m.group("pred") and m.start("pred") < len(clause):
                clause = clause[m.start("pred"):]
            clause = re.sub(r"^(?:med|with|og)\s+", "", clause, flags=re.IGNORECASE)
            first = clause.split(" ", 1)[0].lower()
            sentence = f"{subject} skal {clause}." if first in _CLAUSE_VERBS else f"{subject} skal ha {clause}."
            cleaned = clean(sentence)
            if cleaned and target.number in {_normal_number(x.group(0)) for x in _TARGET.finditer(cleaned)}:
                return cleaned
    return f"Løsningen skal oppfylle målet «{target.text}» fra det opprinnelige kravet [angi hva tallet gjelder]."


def _count_requirement(text: str, hits: list[Hit]) -> str:
    """«Leveransen skal omfatte 40 bærbare PC-er.» when the original buys a count of a named product."""
    refs = [h for h in hits if h.category in {"brand", "model_type", "product_named"} and h.severity != "low"]
    if not refs:
        return ""
    first = min(refs, key=lambda h: h.start)
    m = re.search(rf"((?:\d{{1,3}}(?:[  ]\d{{3}})+|\d+)|{_NUMBER_WORDS})\s*(?:stk\.?\s*)?(?:nye\s+|en\s+|et\s+)?$",
                  text[:first.start], re.IGNORECASE)
    if not m:
        return ""
    _, product = _function_of(hits, text)
    if any(h.category == "product_named" for h in hits):
        # The product itself is the problem: keep the number, let the buyer say what it measures.
        return f"Løsningen skal dekke et omfang som svarer til {m.group(1)} enheter i dag [angi hva tallet gjelder, f.eks. rom, m² eller brukere]."
    domains = _brand_domains(hits)
    noun = plural(product) if product else CATEGORY_OBJECTS.get(domains[0] if domains else "", "enheter")
    return f"Leveransen skal omfatte {m.group(1)} {noun}."


def draft_offline(text: str, hits: list[Hit], targets: list[Target],
                  nearest: list[tuple[Example, float]]) -> dict[str, list[str] | str]:
    """The deterministic draft: need statement, requirements, market questions, buyer questions and notes."""
    notes = [DRAFT_NOTE]
    categories = {h.category for h in hits if h.severity != "low"}
    if not categories:
        notes.append("Analysen fant ingen løsningsbundne formuleringer; utkastet strukturerer bare kravet.")
    neutral, changes = neutralize(text, hits)
    notes.extend(changes)
    function, _ = _function_of(hits, text)

    need = ""
    if nearest and nearest[0][1] >= BORROW_NEED_AT:
        example = nearest[0][0]
        numbers_ok = not missing_targets(measurable_targets(example.need_statement, []), [text])
        if numbers_ok and passes(example.need_statement):
            need = example.need_statement
            notes.append(f"Behovsbeskrivelsen er hentet fra det lignende eksempelet {example.id}; tilpass den til dere.")
    if not need:
        specs_only = bool(categories & {"tailoring", "material_dimension_method"}) and not categories & {"same_as_current"}
        base = _need_from(neutral, function, _context(text, hits), specs_only)
        need = (clean(_with_purpose(base)) or "") if base else ""
    need = need or PLACEHOLDER_NEED

    requirements: list[str] = []
    if neutral and is_substantive(neutral) and "product_named" not in categories:
        lead = _ACQUIRE_LEAD.match(neutral)
        requirements.append(f"Leveransen skal omfatte {neutral[lead.end():]}" if lead else neutral)
    count = _count_requirement(text, hits)
    if count and not any(count.split(" omfatte ")[1].split()[0] in r for r in requirements):
        requirements.append(count)
    if function:
        requirements.append(f"Løsningen skal gjøre det mulig {function}." if function.startswith("å ")
                            else f"Løsningen skal sikre {function}.")
    if nearest and nearest[0][1] >= BORROW_NEED_AT:
        # Near-identical example: its requirements are offered when they bring in no numbers of their own.
        requirements.extend(r for r in nearest[0][0].requirements if not measurable_targets(r, []))
    requirements.extend(category_requirements(categories, _brand_domains(hits), hits))
    questions = market_questions_for(categories)
    if nearest and nearest[0][1] >= 0.35:
        questions.extend(nearest[0][0].market_questions[:2])
    return {"need_statement": need, "functional_requirements": requirements, "market_questions": questions,
            "questions_for_buyer": buyer_questions(text, hits, targets), "notes": notes}


# --- the LLM draft ---------------------------------------------------------------------------------------------------

_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$", re.MULTILINE)
_REPLY_KEYS = ("need_statement", "functional_requirements", "market_questions", "questions_for_buyer")


def render_findings(findings: list[Finding]) -> str:
    """The findings as numbered lines for the prompt."""
    if not findings:
        return "(ingen funn)"
    return "\n".join(f"{n}. {lex.CATEGORY_LABELS[f.category]} ({f.category}, {f.severity}): «{f.text}» – {f.explanation}"
                     for n, f in enumerate(findings, start=1))


def render_examples(nearest: list[tuple[Example, float]]) -> str:
    """The nearest worked examples as few-shot pairs (original -> JSON answer) for the prompt."""
    blocks = []
    for example, _ in nearest:
        answer = {"need_statement": example.need_statement, "functional_requirements": example.requirements,
                  "market_questions": example.market_questions, "questions_for_buyer": []}
        blocks.append(f"Eksempel {example.id} ({example.domain})\nOpprinnelig krav: {example.original}\n"
                      f"Problemer: {', '.join(example.problems)}\nSvar:\n{json.dumps(answer, ensure_ascii=False)}")
    return "\n\n".join(blocks) or "(ingen eksempler)"


def parse_reply(reply: str, provider: str) -> dict[str, list[str] | str]:
    """The LLM's JSON answer as a dict; code fences and trailing commas are repaired, anything else unusable raises."""
    text = _FENCE.sub("", reply.strip())
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end <= start:
        raise ProviderError(provider, None, f"malformed reply: no JSON object in {reply[:80]!r}")
    body = text[start:end + 1]
    data = None
    for candidate in (body, re.sub(r",\s*([}\]])", r"\1", body).replace("“", '"').replace("”", '"')):
        try:
            data = json.loads(candidate)
            break
        except json.JSONDecodeError:
            continue
    if not isinstance(data, dict):
        raise ProviderError(provider, None, f"malformed reply: not valid JSON ({body[:80]!r})")
    out: dict[str, list[str] | str] = {}
    need = data.get("need_statement")
    if not isinstance(need, str) or not need.strip():
        raise ProviderError(provider, None, "malformed reply: need_statement is missing or empty")
    out["need_statement"] = need.strip()
    for key in _REPLY_KEYS[1:]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise ProviderError(provider, None, f"malformed reply: {key} must be a list of strings")
        items = []
        for item in value:
            if isinstance(item, dict):  # {"krav": "..."} or {"text": "..."}
                item = next((v for v in item.values() if isinstance(v, str)), "")
            if isinstance(item, str) and item.strip():
                items.append(item.strip())
        out[key] = items
    if not out["functional_requirements"]:
        raise ProviderError(provider, None, "malformed reply: no functional_requirements")
    return out


def draft_llm(text: str, findings: list[Finding], targets: list[Target], nearest: list[tuple[Example, float]],
              settings: Settings, provider: str) -> tuple[dict[str, list[str] | str], str]:
    """Ask the LLM for a draft (prompts/rewrite.md); returns the parsed answer and the prompt version."""
    from advisor.conversation import prompt_messages
    from advisor.llm import complete
    from advisor.prompts import load_prompt

    prompt = load_prompt(PROMPT_NAME, settings.prompts_dir, required=PROMPT_FIELDS)
    rendered = prompt.render(
        original=text.strip(),
        findings=render_findings(findings),
        targets=", ".join(t.text for t in targets) or "(ingen)",
        examples=render_examples(nearest),
    )
    reply = complete(prompt_messages(rendered), settings, provider=provider)
    return parse_reply(reply, provider), prompt.version


# --- putting it together ---------------------------------------------------------------------------------------------

def _dedupe(items: list[str]) -> list[str]:
    seen, out = set(), []
    for item in items:
        key = re.sub(r"\W+", " ", item.lower()).strip()
        if key and key not in seen:
            seen.add(key)
            out.append(item)
    return out


def finish(draft: dict[str, list[str] | str], fallback: dict[str, list[str] | str], text: str, hits: list[Hit],
           targets: list[Target]) -> dict[str, list[str] | str]:
    """Check a draft: solution-specific wording is removed or replaced, targets are kept, 2-5 requirements."""
    notes = list(fallback.get("notes", [])) if draft is fallback else [DRAFT_NOTE]
    need = clean(str(draft["need_statement"]))
    if need is None:
        notes.append(f"Behovsbeskrivelsen «{draft['need_statement']}» var løsningsbundet og er erstattet.")
        need = clean(str(fallback["need_statement"])) or PLACEHOLDER_NEED
    requirements = []
    for item in draft["functional_requirements"]:
        cleaned = clean(str(item))
        if cleaned is None:
            notes.append(f"Kravet «{item}» var fortsatt løsningsbundet og er tatt ut.")
        else:
            if cleaned != str(item).strip():
                notes.append(f"Kravet «{item}» er skrevet om til «{cleaned}».")
            requirements.append(cleaned)
    requirements = _dedupe(requirements)
    carried = [_target_requirement(text, t, hits) for t in missing_targets(targets, [need, *requirements])]
    carried = _dedupe(carried)
    if len(carried) > 2:
        lost = missing_targets(targets, [need, *requirements])
        merged = clean(f"Løsningen skal oppfylle målene fra det opprinnelige kravet: {', '.join(t.text for t in lost)} "
                       "[angi hva hvert tall gjelder].")
        if merged and not missing_targets(lost, [merged]):
            carried = [merged]
    requirements = requirements[: 5 - len(carried)] + carried
    for extra in [*fallback["functional_requirements"], *GENERIC_REQUIREMENTS]:
        if len(requirements) >= 2:
            break
        cleaned = clean(str(extra))
        if cleaned and cleaned not in requirements:
            requirements.append(cleaned)
    market = _dedupe([*draft.get("market_questions", []), *fallback["market_questions"]])[:4]
    buyer = _dedupe([*draft.get("questions_for_buyer", []), *fallback["questions_for_buyer"]])[:5]
    return {"need_statement": need, "functional_requirements": requirements[:5], "market_questions": market,
            "questions_for_buyer": buyer, "notes": notes}


def rewrite_requirement(text: str, settings: Settings, provider: str | None = None) -> Rewrite:
    """A need-based draft of one requirement: offline from examples and templates, or with the configured LLM."""
    from advisor.llm import EXTRACTIVE, check_provider

    if not isinstance(text, str) or not text.strip():
        raise InvalidInput("requirement", text, "a non-empty requirement text")
    chosen = check_provider(provider, settings)
    analysis = analyze_requirement(text, settings)
    hits = find_hits(text)
    targets = measurable_targets(text, hits)
    categories = {f.category for f in analysis.findings}
    nearest = nearest_examples(text, categories, load_examples(settings))
    offline = draft_offline(text, hits, targets, nearest)
    version = None
    if chosen == EXTRACTIVE:
        result = finish(offline, offline, text, hits, targets)
    else:
        answer, version = draft_llm(text, analysis.findings, targets, nearest, settings, chosen)
        result = finish(answer, offline, text, hits, targets)
    return Rewrite(
        original=text, need_statement=str(result["need_statement"]),
        functional_requirements=list(result["functional_requirements"]),
        market_questions=list(result["market_questions"]), questions_for_buyer=list(result["questions_for_buyer"]),
        findings=analysis.findings, provider=chosen, examples_used=[e.id for e, _ in nearest], prompt_version=version,
        targets=[t.text for t in targets], notes=list(result["notes"]),
    )
