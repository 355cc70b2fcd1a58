"""Read a free-text description of a planned purchase into case keys, and ask Norwegian questions for what is missing.

Extraction is rule-based (regular expressions over Norwegian wording) and reports what it read from which phrase,
so the user can see and correct each interpretation. Nothing here guesses beyond the patterns below.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from advisor.assessment.case import CORE_KEYS, FIELDS, display_value, format_nok

_NUM = r"\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
_MILLION = r"mnok|mill(?:ioner|ion|\.)?|mio\.?"
_BILLION = r"mrd\.?|milliard(?:er)?"
_AMOUNT_PATTERNS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(rf"(?<![\w,.])(?P<num>{_NUM})\s*(?:{_BILLION})(?!\w)", re.I), 1_000_000_000),
    (re.compile(rf"(?<![\w,.])(?P<num>{_NUM})\s*(?:{_MILLION})(?![\w])", re.I), 1_000_000),
    (re.compile(rf"(?:\bkr\.?|\bnok)\s*(?P<num>{_NUM})\s*(?:{_MILLION})(?!\w)", re.I), 1_000_000),
    (re.compile(rf"(?<![\w,.])(?P<num>{_NUM})\s*(?:tusen|k)\b", re.I), 1_000),
    (re.compile(rf"(?<![\w,.])(?P<num>{_NUM})\s*(?:kr\.?|kroner|nok|,-)(?!\w)", re.I), 1),
    (re.compile(rf"(?:\bkr\.?|\bnok)\s*(?P<num>{_NUM})(?![\d])", re.I), 1),
)
_VAT_INCLUDED = re.compile(r"\b(inkl\.?|inklusive|med)\s*(mva|merverdiavgift)", re.I)
_VAT_RATE = 0.25  # standard Norwegian VAT rate, used only to convert an amount stated incl. VAT


@dataclass
class Extraction:
    """Case keys read from a description, and a Norwegian note for each: which phrase gave which value."""

    values: dict[str, Any] = field(default_factory=dict)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (case key, Norwegian note)

    def set(self, key: str, value: Any, phrase: str) -> None:
        """Record one extracted key with the phrase it came from."""
        self.values[key] = value
        self.note(key, f"Tolket fra teksten: «{phrase.strip()}» → {FIELDS[key].label.lower()}: {display_value(key, value)}.")

    def note(self, key: str, text: str) -> None:
        """Add a note about how one key was read."""
        self.notes.append((key, text))


def _number(text: str) -> float:
    text = re.sub(r"[ \u00a0\u202f]", "", text)
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", text):  # 1.490.000 or 1.490.000,50
        text = text.replace(".", "")
    return float(text.replace(",", "."))


def parse_amount(text: str) -> tuple[int, str] | None:
    """The largest amount in kroner in a Norwegian text ("3 MNOK", "2,5 mill. kr", "kr 1 490 000"), with its phrase."""
    found: list[tuple[int, str, int]] = []
    taken: list[tuple[int, int]] = []
    for pattern, factor in _AMOUNT_PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue  # already read by a more specific pattern ("2,5 mill. kr" is not also "kr")
            try:
                value = round(_number(match.group("num")) * factor)
            except ValueError:
                continue
            taken.append(span)
            found.append((value, match.group(0), span[1]))
    if not found:
        return None
    value, phrase, end = max(found)
    if _VAT_INCLUDED.search(text[end:end + 30]):
        return round(value / (1 + _VAT_RATE)), phrase + " inkl. mva."
    return value, phrase


def _first(patterns: dict[str, list[str]], text: str, flags: int = re.I) -> tuple[str, str] | None:
    """The label whose pattern matches earliest in the text, with the matched phrase."""
    best: tuple[int, str, str] | None = None
    for label, options in patterns.items():
        for option in options:
            match = re.search(option, text, flags)
            if match and (best is None or match.start() < best[0]):
                best = (match.start(), label, match.group(0))
    return (best[1], best[2]) if best else None


def _market(text: str) -> tuple[str, str] | None:
    """The market answer by priority (unknown, no, with_adaptation, yes), with the phrase that gave it."""
    for label, options in _MARKET.items():
        for option in options:
            match = re.search(option, text, re.I)
            if match:
                return label, match.group(0)
    return None


_BUYER = {
    "municipal": [r"\b(?:fylkes)?kommun(?:e|en|ens|al|ale|ene|ens)\b", r"\bbydel(?:en)?\b"],
    "state": [r"\b\w*direktorat(?:et)?\b", r"\b\w*departement(?:et)?\b", r"\b\w*etat(?:en|ens)?\b", r"\bstatlig\w*",
              r"\bstaten\b", r"\bstatens\b", r"\b\w+tilsynet\b", r"\buniversitet(?:et)?\b"],
    "other": [r"\b\w*helseforetak\w*", r"\b\w*sykehus\w*", r"\bhospital\b", r"(?-i:\bHF\b)"],
}
_CATEGORY = {
    # Goods first: on a tie at the same position ("tjenestebiler") the goods reading wins.
    "goods": [r"\w*maskin(?:er|en|ene)?\b", r"\w*utstyr\w*", r"\bkjøretøy\w*", r"\w*biler\b", r"\w*sykler\b",
              r"\w*senger\b", r"\bpc(?:-er)?\b", r"\w*møbler\b", r"\bleas(?:e|ing)\b", r"\bkjøpe (?:inn )?\d+\b"],
    "works": [r"\bbygg(?:e|et|ing|eprosjekt\w*|earbeid\w*|eplass\w*)?\b", r"\bnybygg\w*", r"\bombygging\b", r"\brenovering\w*",
              r"\banlegg(?:et)?\b", r"\banleggsarbeid\w*", r"\banleggskontrakt\w*", r"\bbygge- og anlegg\w*",
              r"\bve[ig](?:en|er|ene)?\b", r"\bve[ig](?:bygging|prosjekt\w*|arbeid\w*|strekning\w*)\b", r"\bsykkelve[ig]\w*",
              r"\bbr[ou](?:a|en)?\b", r"\bentreprise\w*", r"\bskolebygg\w*"],
    "services": [r"\b\w*tjenest(?:e|er|en|ene)\b", r"\b\w*tjeneste\w*", r"\bdrift(?:en)?\b",
                 r"\bdrifts(?:tjeneste|avtale|oppdrag|kontrakt)\w*", r"\brenhold\w*", r"\brådgiv\w*", r"\bkonsulent\w*",
                 r"\bkurs\w*", r"\bopplæring\w*", r"\btilbud om\b", r"\bkonsept\w*", r"\bprototyp\w*", r"\bforskning\w*",
                 r"\bfou\b", r"\butredning\w*", r"\boppdrag(?:et)?\b"],
}
_HEALTH_SOCIAL = re.compile(
    r"helse- og (?:omsorgs|sosial)tjenester?\b|\bsosialtjenester?\b|\bavlastning\w*|\bbarnevernstjeneste\w*|"
    r"\brusbehandling\w*|\b(?:rehabiliterings|behandlings|institusjons|sykehjems)plass\w*", re.I)
_MARKET = {
    # Checked in this order: an explicit "we do not know" beats everything, "not on the market" beats "can be adapted".
    "unknown": [r"\bvet ikke om (?:det finnes|markedet)[^.]*",
                r"\b(?:vite|undersøke|finne ut|sjekke|avklare) om (?:det finnes|markedet)[^.]*",
                r"\b(?:ingen|ikke)\b[^.]{0,30}?\bvet om\b[^.]*", r"\busikker(?:e)? på (?:om det finnes|markedet)[^.]*",
                r"\bukjent (?:om|marked)[^.]*", r"\buklart om (?:det finnes|markedet)[^.]*"],
    "no": [r"\b(?:ikke|ingen)\b[^.]{0,40}?\b(?:finnes|eksisterer|tilgjengelig|tilbys|leverer)\b[^.]{0,30}?\bmarkedet\b",
           r"\b(?:finnes|eksisterer)\b[^.]{0,15}?\bikke\b[^.]{0,25}?\bmarkedet\b", r"\bingen leverandør\w*",
           r"\bingen (?:løsning|løsninger|produkter?)\b[^.]{0,10}?\b(?:på|i) markedet\b",
           r"\b(?:finnes|eksisterer) ikke (?:ennå|enda)\b", r"\bikke (?:finnes|eksisterer) (?:ennå|enda)\b", r"\bmarkedet har ikke\b"],
    "with_adaptation": [r"\b(?:må|kan)\b[^.]{0,25}?\btilpasses\b", r"\bmed tilpasning\w*", r"\bkrever tilpasning\w*",
                        r"\btilpasning av eksisterende\b"],
    "yes": [r"\bstandard(?:produkt\w*|vare\w*|løsning\w*|utstyr|system\w*)?\b(?! for)", r"\bhyllevare\w*",
            r"\b(?:flere|mange) (?:leverandører|produsenter|aktører|forhandlere|kursleverandører)\b (?:kan )?(?:levere|leverer|tilbyr|har)\b",
            r"\bfinnes (?:flere |mange |gode )?(?:løsninger |leverandører |produkter )?(?:i|på) markedet\b"],
}
_DIALOGUE_NOT_DONE = re.compile(r"\b(?:ikke|ingen)\b[^.]{0,25}?\bmarkedsdialog\w*|\bmarkedsdialog\w* (?:er|har) ikke\b|\buten markedsdialog\w*", re.I)
_DIALOGUE_DONE = re.compile(
    r"\b\w*dialog\w*\b[^.]{0,50}?\b(?:viste|har vist|avdekket)\b|\b(?:har|er|ble) (?:gjennomført|holdt|hatt) (?:en )?"
    r"(?:markedsdialog|dialogkonferanse|dialogmøte)\w*|\better (?:markedsdialog|dialogkonferanse|dialogmøte)\w*", re.I)
_NO_DEVELOPMENT = re.compile(r"\b(?:ikke|ingen|uten)\b(?:\s+\w+){0,2}?\s+utvikl\w*", re.I)
_DEVELOPMENT = re.compile(r"\butvikl\w*|\bvidereutvikl\w*", re.I)
_NO_PURCHASE = re.compile(r"\b(?:ikke|uten å)\b(?:\s+\w+){0,4}?\s+kjøpe\b|\bbare (?:finansiere|betale for) (?:forskning|utvikling|fou)\b", re.I)
_PURCHASE = re.compile(r"\bkjøpe\b[^.]{0,30}", re.I)
_CANNOT_SPECIFY = re.compile(r"\b(?:kan|vet) ikke (?:beskrive|spesifisere)\b[^.]{0,30}|\bvanskelig å (?:beskrive|spesifisere)\b[^.]{0,30}|"
                             r"\bvet ikke (?:hvordan|hva) løsningen\b[^.]{0,30}|\bvet hva \w+ vil oppnå, men ikke\b[^.]{0,30}", re.I)
_CAN_SPECIFY = re.compile(r"\bkan (?:beskrive|spesifisere) (?:løsningen|kravene|produktet)\b|\bkan beskrives (?:presist|nøyaktig)\b|"
                          r"\bvet (?:godt )?hva \w+ (?:trenger|vil ha)\b", re.I)
_DESIGN = re.compile(r"\barkitekt\w*|\bplankonkurranse\w*|\bdesignkonkurranse\w*", re.I)
_UTILITIES = re.compile(r"\bforsyningssektor\w*|\bforsyningsforskrift\w*|\bdrikkevann\w*|\bvannforsyning\w*|\blufthavn\w*", re.I)
_FAILED = re.compile(r"\b(?:forrige|tidligere) (?:konkurranse|anbud\w*|utlysning)[^.]{0,50}?(?:avlyst|mislyktes|ingen tilbud|"
                     r"uakseptable|ga ikke)\w*|\bavlyst\w* (?:konkurranse|anbud\w*)|\bfikk ingen (?:gyldige )?tilbud\b", re.I)
_DEADLINE = re.compile(r"\b(?:innen|i løpet av|om|på) (\d{1,3}) (måneder|mnd\.?|år)\b", re.I)
_RISK = {"low": re.compile(r"\b(?:lav|liten) risikovilje\b|\bunngå risiko\b", re.I),
         "high": re.compile(r"\b(?:høy|stor) risikovilje\b|\bvillige? til å ta risiko\b", re.I)}


def extract_case(text: str) -> Extraction:
    """Read case keys from a Norwegian description; each value comes with a note naming the phrase it was read from."""
    out = Extraction()
    out.values["need"] = " ".join(text.split())
    _read_value(text, out)
    _read_buyer(text, out)
    _read_category(text, out)
    _read_market_and_process(text, out)
    for key, pattern in (("design_contest", _DESIGN), ("utilities", _UTILITIES), ("previous_competition_failed", _FAILED)):
        match = pattern.search(text)
        if match:
            out.set(key, True, match.group(0))
    _read_deadline_and_risk(text, out)
    return out


def _read_value(text: str, out: Extraction) -> None:
    amount = parse_amount(text)
    if amount:
        out.set("estimated_value_nok", amount[0], amount[1])
        if amount[1].endswith("inkl. mva."):
            out.note("estimated_value_nok", f"Beløpet er oppgitt inkl. mva.; vi har trukket fra {round(_VAT_RATE * 100)} % mva. "
                     "Bekreft verdien ekskl. mva.")


def _read_buyer(text: str, out: Extraction) -> None:
    buyer = _first(_BUYER, text)
    if buyer:
        label, phrase = buyer
        if label == "state" and re.search(r"etat", phrase, re.I) and re.search(_BUYER["municipal"][0], text, re.I):
            label = "municipal"  # a municipal agency such as Bymiljøetaten in Oslo kommune
        out.set("buyer", label, phrase)


def _read_category(text: str, out: Extraction) -> None:
    category = _first(_CATEGORY, text)
    if category:
        out.set("category", category[0], category[1])
    else:
        # Goods share the lowest threshold with services, so a text without any cue is read the strict way.
        out.values["category"] = "goods"
        out.note("category", "Fant ingen ord for bygg og anlegg eller tjenester i teksten; vi regner kjøpet som varer.")
    health = _HEALTH_SOCIAL.search(text)
    if health and out.values.get("category") == "services":
        out.set("health_social_services", True, health.group(0))


def _read_market_and_process(text: str, out: Extraction) -> None:
    """What the text says about the market, market dialogue, development, purchase and specification.

    A negated phrase ("ikke utvikles", "uten markedsdialog") is checked before the plain one, which it contains.
    """
    market = _market(text)
    if market:
        out.set("market_has_solution", market[0], market[1])
    for key, negated, plain in (("market_dialogue_done", _DIALOGUE_NOT_DONE, _DIALOGUE_DONE),
                                ("development_needed", _NO_DEVELOPMENT, _DEVELOPMENT)):
        if match := negated.search(text):
            out.set(key, False, match.group(0))
        elif match := plain.search(text):
            out.set(key, True, match.group(0))
    if match := _NO_PURCHASE.search(text):
        out.set("wants_to_buy_result", False, match.group(0))
    elif (match := _PURCHASE.search(text)) and out.values.get("development_needed"):
        # "kjøpe" says little on its own; it only means buying the result when something is to be developed.
        out.set("wants_to_buy_result", True, match.group(0))
    if match := _CANNOT_SPECIFY.search(text):
        out.set("can_specify_solution", False, match.group(0))
    elif match := _CAN_SPECIFY.search(text):
        out.set("can_specify_solution", True, match.group(0))
    elif market and market[0] == "yes" and "standard" in market[1].lower():
        # A standard product can be specified by definition.
        out.set("can_specify_solution", True, market[1])


def _read_deadline_and_risk(text: str, out: Extraction) -> None:
    deadline = _DEADLINE.search(text)
    if deadline:
        months = int(deadline.group(1)) * (12 if deadline.group(2).lower() == "år" else 1)
        if months > 0:
            out.set("deadline_months", months, deadline.group(0))
    for level, pattern in _RISK.items():
        match = pattern.search(text)
        if match:
            out.set("risk_tolerance", level, match.group(0))
            break


# --- interactive questions (only when stdin is a terminal; the CLI decides) ---

_YES = {"ja", "j", "yes", "y", "true"}
_NO = {"nei", "n", "no", "false"}


def _parse_bool(answer: str) -> bool:
    word = answer.strip().lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise ValueError("svar ja eller nei")


def _parse_choice(options: dict[str, str]) -> Callable[[str], str]:
    def parse(answer: str) -> str:
        word = " ".join(answer.strip().lower().split())
        for prefix, value in options.items():
            if word == prefix or word.startswith(prefix):
                return value
        raise ValueError("svar med ett av alternativene i hakeparentes")
    return parse


def _parse_value(answer: str) -> int:
    if re.fullmatch(r"\s*\d[\d \u00a0.]*\s*", answer):
        value = int(re.sub(r"\D", "", answer))
    else:
        found = parse_amount(answer) or parse_amount(answer + " kr")
        if not found:
            raise ValueError("skriv et beløp, for eksempel 3 MNOK eller 800 000")
        value = found[0]
    if value <= 0:
        raise ValueError("beløpet må være større enn null")
    return value


QUESTIONS: dict[str, tuple[str, Callable[[str], Any]]] = {
    "estimated_value_nok": ("Hva er anslått verdi ekskl. mva. (f.eks. 3 MNOK eller 800 000)?", _parse_value),
    "buyer": ("Hvem er oppdragsgiver? [stat / kommune / annen (f.eks. helseforetak)]",
              _parse_choice({"stat": "state", "direktorat": "state", "fylkeskommune": "municipal", "kommun": "municipal",
                             "annen": "other", "andre": "other", "helseforetak": "other", "hf": "other", "sykehus": "other"})),
    "category": ("Hva skal kjøpes? [varer / tjenester / bygg og anlegg]",
                 _parse_choice({"vare": "goods", "tjenest": "services", "bygg": "works", "anlegg": "works"})),
    "market_has_solution": ("Finnes løsningen i markedet? [ja / med tilpasning / nei / vet ikke]",
                            _parse_choice({"med tilpasning": "with_adaptation", "tilpasning": "with_adaptation",
                                           "delvis": "with_adaptation", "vet ikke": "unknown", "ukjent": "unknown",
                                           "ja": "yes", "nei": "no"})),
    "development_needed": ("Må noe utvikles for å dekke behovet? [ja / nei]", _parse_bool),
    "wants_to_buy_result": ("Vil dere kjøpe løsningen etter utviklingen, ikke bare finansiere FoU? [ja / nei]", _parse_bool),
    "can_specify_solution": ("Kan dere beskrive løsningen presist? [ja / nei]", _parse_bool),
    "market_dialogue_done": ("Er markedsdialog gjennomført? [ja / nei]", _parse_bool),
}
MAX_ATTEMPTS = 3


def ask_missing(values: dict[str, Any], ask: Callable[[str], str | None], tell: Callable[[str], None]) -> dict[str, Any]:
    """Ask for each core key that is still missing; an empty answer skips, EOF (None) stops asking."""
    answers = dict(values)
    for key in CORE_KEYS:
        if key in answers or key not in QUESTIONS:
            continue
        question, parse = QUESTIONS[key]
        for _ in range(MAX_ATTEMPTS):
            reply = ask(question + " ")
            if reply is None:
                return answers
            if not reply.strip():
                break
            try:
                answers[key] = parse(reply)
                break
            except ValueError as exc:
                tell(f"Forstod ikke svaret ({exc}).")
    return answers


def describe_extraction(extraction: Extraction) -> str:
    """One Norwegian line per extracted key, for showing the user what was read."""
    lines = []
    for key, value in extraction.values.items():
        if key == "need":
            continue
        shown = format_nok(value) + " kr" if key == "estimated_value_nok" else display_value(key, value)
        lines.append(f"  {FIELDS[key].label}: {shown}")
    return "\n".join(lines)
