"""Read a free-text description of a planned purchase into case keys, and ask Norwegian questions for what is missing.

Extraction is rule-based (the Norwegian wording in wording.py and amounts.py) and reports what it read from which
phrase, so the user can see and correct each interpretation. A key the text speaks of but does not settle
(«kommune» and «statlig» in one description) is left out with a note, so the assessment asks instead of guessing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from advisor.assessment import wording as w
from advisor.assessment.amounts import (
    Amount,
    AmountProblem,
    Term,
    count_word,
    each_of_counted,
    each_recipient,
    read_amounts,
    read_term,
    term_after,
    term_before,
)
from advisor.assessment.case import CORE_KEYS, FIELDS, display_value, format_amount, format_nok

# How every note on a plain reading of the text begins («Tolket fra teksten: «kommunens» → oppdragsgiver: …»); the chat
# recognises these notes by it.
READ_FROM_TEXT = "Tolket fra teksten:"
_VAT_DIVISOR_PERCENT = 125  # the general Norwegian VAT rate of 25 %, only to turn an answer given incl. VAT into excl.


@dataclass
class Extraction:
    """Case keys read from a description, and a Norwegian note for each: which phrase gave which value.

    `problems` are readings that cannot be used (an amount too large to be a contract value); a caller that must not
    guess (the CLI) turns them into an error, the others show them as notes.
    """

    values: dict[str, Any] = field(default_factory=dict)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (case key, Norwegian note)
    problems: list[AmountProblem] = field(default_factory=list)

    def set(self, key: str, value: Any, phrase: str, extra: str = "") -> None:
        """Record one extracted key with the phrase it came from."""
        self.values[key] = value
        shown = format_nok(value) + " kr" if FIELDS[key].kind == "amount" else display_value(key, value)
        self.note(key, f"{READ_FROM_TEXT} «{_clip(phrase)}» → {FIELDS[key].label.lower()}: {shown}{extra}.")

    def note(self, key: str, text: str) -> None:
        """Add a note about how one key was read."""
        self.notes.append((key, text))

    @property
    def read_keys(self) -> list[str]:
        """The keys read from the text (in the order read), not counting the need itself."""
        return [key for key in dict.fromkeys(k for k, _ in self.notes) if key in self.values and key != "need"]


def _clip(phrase: str, limit: int = 120) -> str:
    phrase = " ".join(phrase.split())
    return phrase if len(phrase) <= limit else phrase[: limit - 1] + "…"


def parse_amount(text: str) -> tuple[int, str] | None:
    """The largest amount in kroner excl. VAT in a Norwegian text ("3 MNOK", "2,5 mill. kr", "kr 1 490 000"), with its phrase.

    An amount given incl. VAT is converted (and its phrase says so); used for short answers to the value question.
    """
    amounts, _ = read_amounts(text)
    if not amounts:
        return None
    best = max(amounts, key=lambda a: a.value)
    if best.vat == "included":
        return (best.value * 100 * 2 + _VAT_DIVISOR_PERCENT) // (2 * _VAT_DIVISOR_PERCENT), best.phrase + " inkl. mva."
    return best.value, best.phrase


def extract_case(text: str) -> Extraction:
    """Read case keys from a Norwegian description; each value comes with a note naming the phrase it was read from."""
    out = Extraction()
    out.values["need"] = " ".join(text.split())
    _read_value(text, out)
    _read_buyer(text, out)
    _read_category(text, out)
    _read_regime(text, out)
    for key, pattern in (("design_contest", w.DESIGN), ("previous_competition_failed", w.FAILED)):
        if match := next((m for m in pattern.finditer(text) if not (key == "design_contest" and _SOFTWARE_ARCHITECTURE.search(
                text[max(0, m.start() - 25):m.end()]))), None):
            out.set(key, True, match.group(0))
    _read_market_and_process(text, out)
    if match := w.FRAMEWORK.search(text):
        out.set("framework_agreement", True, match.group(0))
    _read_deadline_and_risk(text, out)
    return out


# --- value, period, term and VAT ---

# «… når vi er under 1,3 mill.», «terskelen er 1,4 mill.», «EØS-terskelen for statlige 1,4 mill.», «the threshold for
# state bodies is NOK 1.4 million»: a figure compared with or quoted as a threshold.
_COMPARED = re.compile(r"\b(?:er|ligger|kommer|havner|holder oss) (?:under|over)\s+(?:ca\.?\s*)?$|"
                       r"\b(?:EØS-?|EEA |EU )?(?:terskel\w*|beløpsgrense\w*|grensen|thresholds?)\b"
                       r"(?:(?!\b(?:over|under|above|below|enn|than)\b)[^.?!\d]){0,40}$", re.IGNORECASE)


# «ved behov over kr 400.000», «for avrop under 100 000 kr», «dersom kjøpet overstiger 500 000 kr»: a condition on an
# amount, which says how the contract is used, not what it is worth.
_CONDITION = re.compile(r"\b(?:ved|for|dersom|når|hvis)\s+(?:\w+\s+){0,2}?(?:behov|kjøp|avrop|bestillinger|bestilling|"
                        r"oppdrag|innkjøp|anskaffelser|leveranser)\s+(?:over|under|på over|på under|som overstiger|"
                        r"overstiger)\s+(?:ca\.?\s*)?(?:kr\.?\s*|nok\s*)?$", re.IGNORECASE)
# The purchase is a study of something: «Evaluering av …», «Formålet med oppdraget er å beregne …».
_STUDY = re.compile(r"\b(?:evaluer\w*|utred\w*|kartlegg\w*|gevinstberegning\w*|følgeforskning|følgeevaluering|"
                    r"undervegsvurdering|underveisvurdering|analyse\w*|vurdering\w*|gjennomgang\w*)\b", re.IGNORECASE)
# A sentence about the project, programme or scheme studied: its subject is such a thing, and it says nothing of the
# purchase (the assignment, the contract, tenders, suppliers, options, or that it is put out to tender).
_STUDIED_THING = re.compile(r"\b\w*(?:prosjekt|program|satsing|ordning|reform|vegsamband|veiprosjekt)\w*", re.IGNORECASE)
_PURCHASE_WORDS = re.compile(r"\b(?:oppdrag|anskaff|kontrakt|avtal|leverand|tilbud|tilbyder|konkurranse|innkjøp|kjøp|"
                             r"bistand|konsulent|utredning|evaluering|analysen|studien|rapport|opsjon|option|utlys|lyses)\w*",
                             re.IGNORECASE)


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence an amount stands in (bounded look-around, so long texts stay linear)."""
    before = text[max(0, start - 300):start]
    ends = list(_SENTENCE_END.finditer(before))
    head = before[ends[-1].end():] if ends else before
    after = text[end:end + 300]
    stop = _SENTENCE_END.search(after)
    return head + text[start:end] + (after[:stop.start()] if stop else after)


def _studied_project_amount(text: str, amount: Amount) -> bool:
    """True for an amount in a sentence about a project that the purchase studies (the purchase named as a study in
    the title or first sentence), when the sentence says nothing of the purchase itself."""
    opening = _SENTENCE_END.search(text[:400])
    if not _STUDY.search(text[: opening.end() if opening else 400]):
        return False
    sentence = _sentence_around(text, amount.start, amount.end)
    return bool(_STUDIED_THING.search(sentence)) and not _PURCHASE_WORDS.search(sentence)


def _label(text: str, amount: Amount) -> str:
    """The last three words before an amount, lower-cased («i maks aip»), when one of the four before it names a
    value («totalverdi»); "" otherwise."""
    words = re.findall(r"[\w-]+", text[max(0, amount.start - 50): amount.start])[-4:]
    return " ".join(words[-3:]).lower() if any("verdi" in w.lower() for w in words) else ""


def _read_listed_items(text: str, amounts: list[Amount], out: Extraction) -> bool:
    """«legemiddel A, inntil totalverdi 67 000 kr; legemiddel B, inntil totalverdi 1 315 000 kr»: every amount of the
    text comes after the same words naming a value, with different figures, so each is one item's value and the
    purchase is their sum (FOA § 5-4). The same figure said twice is a restatement, not a second item."""
    if len(amounts) < 2 or any(a.period for a in amounts):
        return False
    labels = {_label(text, a) for a in amounts}
    values = [a.value for a in amounts]
    if len(labels) != 1 or "" in labels or len(set(values)) != len(values):
        return False
    total = sum(values)
    out.set("estimated_value_nok", total, _clip(text[amounts[0].start: amounts[-1].end]),
            " (" + " + ".join(f"{format_nok(v)} kr" for v in values) + "; hver post har sin egen verdi, og postene "
            "kjøpes samlet, FOA § 5-4)")
    vat = {a.vat for a in amounts}
    if len(vat) == 1 and None not in vat:
        out.set("amounts_include_vat", amounts[0].vat == "included", f"{amounts[0].phrase} … {amounts[0].vat_phrase}")
    _read_term(text, out)
    return True


# «Det lyses ut fire rammer for kompetansemegling på inntil kr 400 000», «tre kontrakter à 500 000 kr»: several
# contracts, each of the amount, bought together; their values are added (FOA § 5-4).
_EACH_CONTRACT = re.compile(r"\b(\d{1,2}|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|two|three|four|five)\s+(?:\w+\s+)?(?:rammer|rammeavtaler|kontrakter|kontraktar|avtaler|avtalar|"
                            r"delkontrakter|delkontraktar|delavtaler|delentrepriser|delentreprisar|entrepriser|entreprisar|soner|roder|"
                            r"delområder|delområde|lots)\b(?:(?![.;:!?])[^\d]){0,60}?"
                            r"(?:\bpå|\bà|\bá|\bhver\s+på)\s+(?:inntil|opptil|maks(?:imalt)?|ca\.?)?\s*(?:kr\.?\s*|nok\s*)?$",
                            re.IGNORECASE)


def _read_each_contract(text: str, amounts: list[Amount], out: Extraction) -> bool:
    """The only amount of the text given for each of several contracts counted just before it: count × amount (per
    period when the amount is per period: «fire soner à 800 000 kr per år»)."""
    if len(amounts) != 1:
        return False
    amount = amounts[0]
    match = _EACH_CONTRACT.search(text[max(0, amount.start - 120): amount.start])
    count = _units(match)
    if not count or count < 2:
        return False
    if amount.period:
        out.set("value_per_period_nok", count * amount.value, f"{match.group(0).strip()} {amount.phrase}",
                f" ({count} × {format_nok(amount.value)} kr; delene kjøpes samlet, og verdiene legges sammen, FOA § 5-4)")
        out.set("value_period", amount.period, amount.phrase)
        if amount.vat is not None:
            out.set("amounts_include_vat", amount.vat == "included", f"{amount.phrase} … {amount.vat_phrase}")
        _read_term(text, out)
        if "duration_months" not in out.values and (after := term_after(text[amount.end: amount.end + 80])):
            out.set("duration_months", after[0], after[1])
        return True
    out.set("estimated_value_nok", count * amount.value, f"{match.group(0).strip()} {amount.phrase}",
            f" ({count} × {format_nok(amount.value)} kr; kontraktene kjøpes samlet, og verdiene legges sammen, FOA § 5-4)")
    if amount.vat is not None:
        out.set("amounts_include_vat", amount.vat == "included", f"{amount.phrase} … {amount.vat_phrase}")
    _read_term(text, out)
    return True


def _read_value(text: str, out: Extraction) -> None:
    """The stated total, the amount per period, the term and the VAT wording, each from its own words."""
    amounts, problems = read_amounts(text)
    for problem in problems:
        out.problems.append(problem)
        out.note("estimated_value_nok", f"Beløpet «{problem.phrase}» er ikke brukt: {problem.reason}. Oppgi verdien på nytt.")
    # «… når vi er under 1,3 mill per år?»: a figure compared with, beside the purchase's own figure, is a threshold.
    compared = [a for a in amounts if _COMPARED.search(text[max(0, a.start - 60):a.start])]
    if compared and len(compared) < len(amounts):
        amounts = [a for a in amounts if a not in compared]
    # «Ved behov over kr 400 000 vil det bli minikonkurranse»: a limit that sets how call-offs are made, not a value.
    amounts = [a for a in amounts if not _CONDITION.search(text[max(0, a.start - 60):a.start])]
    # «Prosjektet finansieres over statsbudsjettet og har en kostnadsramme på 90 millioner»: when the purchase is a
    # study of a project, the project's own money is not the study's value.
    amounts = [a for a in amounts if not _studied_project_amount(text, a)]
    if (_read_parts(text, amounts, out) or _read_unit_price(text, amounts, out) or _read_each_contract(text, amounts, out)
            or _read_listed_items(text, amounts, out)):
        _read_term(text, out)  # «ein 3 års kontrakt»: the term is said, even when the parts give the value
        return
    per_period = [a for a in amounts if a.period]
    period = max(per_period, key=lambda a: a.value) if per_period else None
    # A total is never smaller than one period's amount: smaller figures in the same text are parts or history
    # («Nærbø 2,1 millioner kroner» among the zones of a 5,5 mill. per year contract).
    # «… 2,1 mill. i året … Kontrakten er på 2,1 mill.»: the amount per period said again is not a total.
    totals = [a for a in amounts if not a.period and (period is None or a.value > period.value or a.is_total)]
    stated = max(totals, key=lambda a: (a.is_total, a.value)) if totals else None
    chosen = [a for a in (stated, period) if a is not None]
    vat = _vat(chosen)
    extra = " (inkl. mva.; regnes om til ekskl. mva. i vurderingen)" if vat else ""
    if stated:
        out.set("estimated_value_nok", stated.value, stated.phrase, extra)
        _read_separate_options(text, amounts, stated, out)
    units = _units_per_period(text, period) if period else None
    if period and units:
        count, unit_phrase = units
        out.set("value_per_period_nok", count * period.value, f"{period.phrase} … {unit_phrase}",
                f"{extra} ({count} × {format_nok(period.value)} kr; beløpet gjelder hver enkelt, og kjøpet er ett, FOA § 5-4)")
    elif period:
        out.set("value_per_period_nok", period.value, period.phrase, extra)
    if period:
        out.set("value_period", period.period, _clip(f"{period.phrase} … {period.period_phrase}", 80)
                if period.period_phrase else period.phrase)
    _read_term(text, out)
    if period and "duration_months" not in out.values and (after := term_after(text[period.end: period.end + 80])):
        out.set("duration_months", after[0], after[1])
    if vat is not None:
        with_vat = next(a for a in chosen if a.vat)
        out.set("amounts_include_vat", vat, f"{with_vat.phrase} … {with_vat.vat_phrase}")


# «… er 500 000 kr eks. mva. … Prosjektet lyses ut med en opsjon på ytterligere ramme på 400 000 kr»: an option's price
# in a sentence of its own is added to the stated value (FOA § 5-4: options count), unless the stated value already
# names the options it includes («totalverdi inkludert opsjonen er …»).
_INCLUDES_OPTIONS = re.compile(r"\b(?:inkl\.?|inklusive?|inkludert|medregnet|medrekna|med)\s+(?:\w+\s+)?(?:opsjon|option)\w*",
                               re.IGNORECASE)


def _read_separate_options(text: str, amounts: list[Amount], stated: Amount, out: Extraction) -> None:
    around = text[max(0, stated.start - 60): stated.end + 60]
    if _INCLUDES_OPTIONS.search(around):
        return
    options = [a for a in amounts if a is not stated and not a.period and a.value < stated.value
               and _option_clause(text, a) is not None and not _same_sentence(text, a, stated)]
    total = sum(a.value for a in options)
    # «3,5–8 mill. … Av dette utgjør hovedoppdraget 3,5–4 mill. … opsjon inntil 4 mill.»: a base that with the options
    # makes the stated value shows that the options are in it.
    if options and not any(abs(a.value + total - stated.value) <= _SAME_FIGURE_SHARE * stated.value
                           for a in amounts if a is not stated and a not in options):
        out.set("options_value_nok", total, " + ".join(a.phrase for a in options),
                " (opsjonen står for seg og kommer i tillegg til den oppgitte verdien)")


def _same_sentence(text: str, first: Amount, second: Amount) -> bool:
    low, high = sorted((first, second), key=lambda a: a.start)
    return not _SENTENCE_END.search(text[low.end: high.start])


# A price per unit («NOK 6 500 000,- eks.mva. pr. stk.», «6 mill. kr per enhet»): the value is the units bought
# times the price, and units on option count too (FOA § 5-4: every option set out in the documents).
_PER_UNIT = re.compile(r"^[\s,.\-]*(?:(?:kr|kroner|nok)\b\.?\s*)?(?:(?:eks|ekskl|excl|inkl|incl)\.?\s*(?:mva|vat)\.?\s*)?"
                       r"(?:(?:pr\.?|per)\s*(?:stk\b\.?|stykk\w*|enhet\b|eining\b|unit\b|piece\b)|"
                       r"(?:for )?(?:hver|kvar|each|apiece)\b(?!\s+(?:måned|mnd|år|uke|kvartal|month|year|week|opsjon|option)))",
                       re.IGNORECASE)
_COUNT = r"(\d{1,3}|en|én|ei|ett|eitt|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|one|a|an|two|three|four|five)"
# «opsjon for kjøp av en stk. tilsvarende båt», «med opsjon på én buss til», «an option to buy two more»: not a term.
_OPTION_UNITS = re.compile(rf"\b(?:opsjon\w*|option\w*)\s+(?:for|på|om|til|on|to|of)\s+(?:å\s+)?(?:kjøp\w*\s+(?:av\s+)?|"
                           rf"levering\s+av\s+|buy(?:ing)?\s+)?(?:ytterligere\s+|inntil\s+|enda\s+|another\s+|up to\s+)?"
                           rf"{_COUNT}\b(?!\s*(?:års?|måned\w*|mnd|uker?|years?|months?|ganger)\b)", re.IGNORECASE)
_FIRM_UNITS = re.compile(rf"\b(?:kjøpe|kjøp av|anskaffe[s]?|anskaffelse av|innkjøp av|levere|levering av|leveranse av|buy|"
                         rf"purchase)\s+(?:inn\s+)?(?:ca\.?\s+)?{_COUNT}\b(?!\s*(?:års?|måned\w*|mnd|years?|months?|"
                         rf"kr|nok|mill)\b)", re.IGNORECASE)

# «Tre skoler skal kjøpe inventar for 500 000 kr hver»: the buyer's units each buy at the price (one purchase).
_BUYING_UNITS = re.compile(rf"\b{_COUNT}\s+[\w-]+\s+(?:skal|vil|skal hver|ønsker å|trenger å)\s+(?:\w+\s+)?kjøpe\b", re.IGNORECASE)


# «350 000 kr i året per skole» with «12 skoler» elsewhere: the amount is each unit's, and the units buy together.
_PER_NAMED_UNIT = re.compile(r"\b(?:per|pr\.?|for hvert?|for kvart?|hvert?|kvart?|each|for each)\s+(?!(?:år|året|måned|mnd|uke|"
                             r"kvartal|year|month|week|stk|stykk|enhet|unit|opsjon|option)\b)([a-zæøå]{4,})",
                             re.IGNORECASE)


def _units_per_period(text: str, period: Amount) -> tuple[int, str] | None:
    """(the number of units, the words) when an amount per period is said to be each unit's («… i året per skole»,
    «Hver av de seks stasjonene har kjøpt for …») and the text counts those units («12 skoler»); None otherwise."""
    if counted := each_of_counted(text, period.start, period.end):
        return counted
    after = text[period.end: period.end + 60]
    per = _PER_NAMED_UNIT.search(after)
    if per is None or re.search(r"[;?!]|\.\s+[A-ZÆØÅ]", after[: per.start()]):  # «eks. mva» is no sentence end
        return None
    stem = per.group(1).lower()[:5]
    for counted in re.finditer(rf"\b{_COUNT}\s+(?:[\w-]+\s+)?({re.escape(stem)}\w*)", text, re.IGNORECASE):
        if period.start <= counted.start() < period.end + per.end():
            continue  # the amount's own phrase and its «per skole»
        count = _units(counted)
        if count and count > 1:
            return count, f"{per.group(0)} … {counted.group(0)}"
    return None


def _units(match: re.Match[str] | None) -> int | None:
    if match is None:
        return None
    word = match.group(1).lower()
    return 1 if word == "én" else count_word(word)


def _read_unit_price(text: str, amounts: list[Amount], out: Extraction) -> bool:
    """One price per unit, times the units bought and the units on option; False (nothing set) without one."""
    priced = [a for a in amounts if not a.period and _PER_UNIT.match(text[a.end: a.end + 40])]
    if len(priced) != 1 or any(a.is_total and not a.period for a in amounts if a is not priced[0]):
        return False
    price = priced[0]
    option = _OPTION_UNITS.search(text)
    firm_match = next((m for m in _FIRM_UNITS.finditer(text) if not option or not option.start() <= m.start() < option.end()),
                      None) or _BUYING_UNITS.search(text)
    firm, options = _units(firm_match) or 1, _units(option) or 0
    how = f"{firm} × {format_nok(price.value)} kr" + ("" if firm_match else " (antall ikke oppgitt; regnet med én)")
    out.set("estimated_value_nok", firm * price.value, price.phrase + text[price.end: price.end + 12].rstrip(),
            f" ({how})")
    if options:
        out.set("options_value_nok", options * price.value, option.group(0),
                f" ({options} × {format_nok(price.value)} kr; opsjonene teller med i verdien, FOA § 5-4)")
    if price.vat is not None:
        out.set("amounts_include_vat", price.vat == "included", f"{price.phrase} … {price.vat_phrase}")
    return True


# One part of a purchase added to another in the same sentence: «…, pluss en opsjon på …», «i tillegg kommer …»,
# «samt …», «+ …», «og en opsjon på …», «med opsjon på to år til à …», «with an option of two more years worth …».
# A figure that restates others («totalt», «hvorav», «av dette», «in total», «of which») is no new part.
_PART_JOIN = re.compile(r"\bpluss\b|\bi tillegg\b|\bsamt\b|\+|\b(?:og|med|plus|and|with)\b[^.;]{0,40}\b(?:opsjon|option)|"
                        # «… og en serviceavtale i tre år til 50 000 kr i året»: a payment for the same contract.
                        r"\b(?:og|med|plus|and|with)\s+(?:en\s+|ein\s+|ei\s+|et\s+|eit\s+|a\s+|an\s+)?(?:årlig\w*\s+|årleg\w*\s+)?"
                        r"(?:service|vedlikeholds|vedlikehalds|support|drifts|garanti|lisens)\w*(?:avtale|avtala)\w*\b|"
                        r"\bplus\b|\bin addition\b|"
                        # «… and the winner gets an extra prize of NOK 400,000», «og en ekstra premie på …»
                        r"\b(?:extra|additional|ekstra)\s+(?:[\w-]+\s+)?(?:prize|fee|payment|premie|honorar|vederlag|betaling)\w*",
                        re.IGNORECASE)
_PART_RESTATES = re.compile(r"\b(?:totalt?|samlet|samla|i alt|til sammen|hvorav|herav|av dette|av det|av disse|"
                            r"inklusive?|inkludert|inkl\.?|in total|including|incl\.?|of which|altogether)\b"
                            r"(?!\.?\s*(?:mva|merverdiavgift|moms|vat))", re.IGNORECASE)
_OPTION_PART = re.compile(r"\b(?:opsjon|option)\w*", re.IGNORECASE)
# An option's price given for each option period, not for all of them: «to år til à 500 000 kr», «500 000 kr hver»,
# «NOK 500,000 each», «500 000 kr per år» (the amount reader marks the last as per year). Options given as one figure
# («en opsjon verdt 300 000 kr», «opsjon på ett år til 400 000 kr») are added once.
_EACH_BEFORE = re.compile(r"(?:\bà|\bá|\bhver\s+på|\bkvar\s+på|\beach\s+(?:worth|at|of|for))\s*(?:ca\.?\s*|about\s*)?$",
                          re.IGNORECASE)
_EACH_AFTER = re.compile(r"^\s*(?:(?:eks|ekskl|excl)\.?\s*(?:mva|vat)\.?\s*)?(?:hver|hvert|kvar|kvart|each|apiece|"
                         r"per (?:opsjon|option)\w*)\b", re.IGNORECASE)
# «to opsjoner à 300 000 kr», «two options of NOK 300,000 each»: the number of options said before the price.
_OPTIONS_COUNTED = re.compile(r"\b(\d{1,2}|to|tre|fire|fem|two|three|four|five)\s+(?:(?:ettårige?|one-year)\s+)?(?:opsjon(?:er|ar)|options|extensions)\b",
                              re.IGNORECASE)
_SAME_FIGURE_SHARE = 0.01  # a stated total within 1 % of the sum of the parts is the same figure, rounded
# «NOK 250,000 excl. VAT, and …»: the VAT abbreviation's dot before a capital is no sentence end.
_SENTENCE_END = re.compile(r"[.?!]\s+(?=[A-ZÆØÅ])(?!(?:VAT|MVA|Mva)\b)|[?!;]")


@dataclass
class _Part:
    """One part of the purchase: the amount read, its value excl. VAT for the whole term, and how it was worked out."""

    amount: Amount
    total_nok: int
    shown: str  # «opsjon 2,4 mill. kr», «120 000 kr per år × 4 år»
    how: str  # the arithmetic, for the note


def _read_parts(text: str, amounts: list[Amount], out: Extraction) -> bool:
    """Several parts of one purchase in one sentence, added up (FOA § 5-4: all parts and options count).

    Each part is converted to excl. VAT when its own words say incl. VAT, and a part per period is multiplied by
    its own term («120 000 kr per år i 4 år»), or by the text's term when it is the only part per period. Returns
    False (and sets nothing) when the text has fewer than two parts or a part per period has no term to multiply by.
    """
    chain = _part_chain(text, amounts)
    if len(chain) < 2:
        chain = _labelled_chain(text, amounts)
    if len(chain) < 2:
        return False
    term = read_term(text)
    periodic = [a for a in chain if a.period]
    parts = []
    for amount in chain:
        part = _part(text, amount, term if len(periodic) == 1 else None)
        if part is None:
            return False
        parts.append(part)
    total = sum(p.total_nok for p in parts)
    shown = " + ".join(p.shown for p in parts)
    phrase = text[chain[0].start: chain[-1].end]
    out.note("estimated_value_nok", f"{READ_FROM_TEXT} «{_clip(phrase)}» → anslått verdi (kr ekskl. mva.) for hele "
                                    f"anskaffelsen: {format_nok(total)} kr = " + " + ".join(p.how for p in parts) + ".")
    stated = next((a for a in amounts if a.is_total and not a.period and a not in chain), None)
    if stated and abs(stated.value - total) > _SAME_FIGURE_SHARE * max(stated.value, total):
        # «…, totalt 3 mill.» that differs from the sum of the parts: the higher figure counts until the buyer says
        # which holds.
        higher = max(stated.value, total)
        out.note("estimated_value_nok", f"Oppgitt samlet verdi «{stated.phrase}» ({format_nok(stated.value)} kr) og summen "
                                        f"av delene ({format_nok(total)} kr) er ulike; den høyeste, {format_nok(higher)} kr, "
                                        "legges til grunn. Avklar hvilken som gjelder.")
        if stated.value > total:
            shown = f"oppgitt samlet verdi {format_amount(stated.value)}, høyere enn {shown}"
            total = stated.value
    out.values["estimated_value_nok"] = total
    out.values["value_parts"] = shown
    if any(a.vat for a in chain):
        out.values["amounts_include_vat"] = False
        converted = [p.amount.phrase for p in parts if p.amount.vat == "included"]
        out.note("amounts_include_vat", "Beløp oppgitt inkl. mva. er regnet om til ekskl. mva. hver for seg ("
                 + ", ".join(f"«{c}»" for c in converted) + "); summen over er ekskl. mva." if converted
                 else "Beløpene er oppgitt ekskl. mva.")
    return True


# Several units of one buyer listed with their share of the same purchase: «skule A 700 000 kr, skule B 650 000 kr og
# skule C 500 000 kr», «700 000 kr til avdeling 1 og 400 000 kr til avdeling 2», «school A NOK 700,000 and school B …».
# FOA § 5-4: what one buyer buys of the same kind at the same time is one purchase, whoever in the organisation orders
# it, and it may not be split to get below a threshold. Only a list of units is read so: amounts joined by «eller»,
# or with a verb or an object of their own between them («… og skole B skal kjøpe renhold for …»), stay apart.
_UNIT = (r"(?:skole|skul[ea]|school|avdeling|department|enhet|eining|unit|sykehjem|sjukeheim|nursing home|barnehag|"
         r"kindergarten|etat|sektor|bydel|kontor|office|lokasjon|location|site|delkontrakt|lot|delområde|område|sone|"
         r"zone|region|sykehus|sjukehus|hospital|campus|fakultet|faculty|institutt|bygg|bygning|building|tjenestested|"
         r"tenestestad|helseforetak|distrikt|district|klinikk|clinic|senter|center|centre|delentrepris|rode\b|roder)\w*")
_UNIT_LABEL = (rf"(?:(?:den|det|the)\s+)?(?:[\w-]+\s+)?{_UNIT}"
               r"(?:\s+(?-i:[A-ZÆØÅ])[\w-]*|\s+\d+|\s+(?:i|på|ved|in|at)\s+(?-i:[A-ZÆØÅ])[\w-]*)?")
_UNIT_FILLER = (r"(?:\s*[:–-])?(?:\s+(?:reknar|regner|rekner|anslår|anslag|estimerer|budsjetterer|trenger|treng|har|"
                r"med|om lag|omtrent|ca\.?|cirka|rundt|for|på|expects|needs|about|around|approx\.?|approximately|"
                r"kr\.?|nok))*\s*")
_UNIT_BEFORE = re.compile(rf"^\s*(?:,\s*(?:og|and)?|og|and|;|samt)\s+{_UNIT_LABEL}{_UNIT_FILLER}$", re.IGNORECASE)
_UNIT_AFTER = re.compile(rf"^\s*(?:til|for|på|i|ved|to|at)\s+{_UNIT_LABEL}\s*(?:,\s*(?:og|and)?|og|and|;)"
                         rf"{_UNIT_FILLER}$", re.IGNORECASE)
# A bare list («700 000, 650 000 og 500 000 kr») is read as units only when the text counts units or says «each».
# «Beløpene er 450 000 / 380 000 / 520 000 kroner»: the text calls the figures the shares of one purchase.
_PLAIN_LIST = re.compile(r"^\s*(?:[,/;]\s*(?:og|and)?|og|and)\s*$", re.IGNORECASE)
_UNITS_COUNTED = re.compile(rf"\b(?:hver|hvert|kvar|kvart|each|per|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|\d+|flere|"
                            rf"fleire|two|three|four|five|six|several)\s+(?:\w+\s+)?{_UNIT}|"
                            r"\b(?:beløpene|beløpa|delbeløpene|delbeløpa|andelene|andelane|the amounts|the shares)\b",
                            re.IGNORECASE)

# «i tre delkontrakter: kontorstoler kr 600', hev/senk-pulter kr 450' og møteromsmøbler kr 380'»: when the text counts
# its lots or units, each share may be labelled by what it buys (up to three words) instead of a unit word.
_LABELLED_LIST = re.compile(rf"^\s*(?:,\s*(?:og|and)?|og|and|;|samt)\s+[\w/-]+(?:\s+[\w/-]+){{0,2}}?{_UNIT_FILLER}$",
                            re.IGNORECASE)


def _unit_join(text: str, gap: str) -> bool:
    """True when `gap` (the text between two amounts) goes from one unit's share of the purchase to the next one's."""
    if len(gap) > 60 or _SENTENCE_END.search(gap) or re.search(r"\beller\b|\bor\b", gap, re.IGNORECASE):
        return False
    if _UNIT_BEFORE.match(gap) or _UNIT_AFTER.match(gap):
        return True
    return bool(_PLAIN_LIST.match(gap) and _UNITS_COUNTED.search(text))


_LOTS_COUNTED = re.compile(r"\b(\d|to|tre|fire|fem|seks|sju|syv|åtte|two|three|four|five|six)\s+(?:\w+\s+)?"
                           r"(?:delkontrakter|delkontraktar|delområder|delområde|delentrepriser|delentreprisar|"
                           r"entrepriser|entreprisar|delleveranser|delleveransar|soner|roder|lots|parts)\b", re.IGNORECASE)


def _labelled_chain(text: str, amounts: list[Amount]) -> list[Amount]:
    """«i tre delkontrakter: kontorstoler kr 600', pulter kr 450' og møbler kr 380'»: the lots' amounts, each labelled
    by what it buys, when the text counts its lots and lists exactly that many amounts after the count; else []."""
    counted = _LOTS_COUNTED.search(text)
    if not counted:
        return []
    want = count_word(counted.group(1))
    after = [a for a in amounts if a.start > counted.end()]
    chain = after[:1]
    for previous, amount in zip(after, after[1:], strict=False):
        gap = text[previous.end: amount.start]
        if not _LABELLED_LIST.match(gap) or _SENTENCE_END.search(gap) or amount.is_total or previous.is_total:
            break
        chain.append(amount)
    return chain if len(chain) == want == len(after) else []


def _part_chain(text: str, amounts: list[Amount]) -> list[Amount]:
    """The amounts joined as parts of one purchase («X, pluss Y», or the shares of several units), in order; [] when
    there is no such join."""
    chain: list[Amount] = []
    for previous, amount in zip(amounts, amounts[1:], strict=False):
        gap = text[previous.end: amount.start]
        # «Utviklingsfasen maks 3,5 mill., deretter kjøpe tjenesten for …»: each phase's ceiling is a part, not a total.
        phases = _development_then_purchase(text, gap, amount, previous)
        joined = phases or ((len(gap) <= 90 and _PART_JOIN.search(gap) and not _SENTENCE_END.search(gap)
                             and not _PART_RESTATES.search(gap) or _unit_join(text, gap))
                            and not amount.is_total and not previous.is_total)
        if joined:
            if not chain:
                chain.append(previous)
            if chain[-1] is previous:
                chain.append(amount)
                continue
        if chain:
            break
    return chain


# «1,2 mill. til utviklingen og 0,9 mill. for å kjøpe den ferdige løsningen etterpå», «utviklingen koster 1 mill. og
# kjøpet etterpå 0,5 mill.»: the development and the purchase of its result are one contract's value (an innovation
# partnership is valued at the most its research and development and the purchase that follows can cost, FOA § 5-4),
# in either order, each amount labelled by the words just before it or just after it.
_DEVELOPMENT = re.compile(r"\b(?:utvikl|videreutvikl|forsk|fou\b|prototyp|development|research|r&d)\w*", re.IGNORECASE)
_PURCHASE = re.compile(r"\b(?:kjøp\w*|innkjøp\w*|anskaff\w*|implementer\w*|purchas\w*|buy\w*)", re.IGNORECASE)
_JOIN_WORD = re.compile(r"\b(?:og|pluss|deretter|dernest|etterpå|and|plus|then)\b", re.IGNORECASE)


def _development_then_purchase(text: str, gap: str, amount: Amount, previous: Amount) -> bool:
    """True when one of two amounts is labelled development and the other the purchase of its result."""
    join = _JOIN_WORD.search(gap)
    if len(gap) > 90 or _SENTENCE_END.search(gap) or join is None:
        return False
    # each amount's own words stay inside its sentence («… i fem år. Vi tenker å oppgi utviklingskostnaden …» does
    # not make the purchase a development)
    before = _SENTENCE_END.split(text[max(0, previous.start - 40):previous.start])[-1]
    after = _SENTENCE_END.split(text[amount.end: amount.end + 60])[0]
    first_words = before.split(",")[-1] + " " + gap[:join.start()]
    second_words = gap[join.end():] + " " + after
    kinds = []
    for words in (first_words, second_words):
        development, purchase = _DEVELOPMENT.search(words), _PURCHASE.search(words)
        kinds.append("development" if development and not purchase else "purchase" if purchase and not development
                     else "")
    return sorted(kinds) == ["development", "purchase"]


def _part(text: str, amount: Amount, term: Term | None) -> _Part | None:
    """The part's value excl. VAT over its whole term; None when a part per period has no term."""
    value, shown, steps = amount.value, format_amount(amount.value), []
    if amount.vat == "included":
        value = (value * 100 * 2 + _VAT_DIVISOR_PERCENT) // (2 * _VAT_DIVISOR_PERCENT)
        shown = f"{format_amount(amount.value)} inkl. mva. ÷ 1,25"
        steps.append(f"{format_nok(amount.value)} kr inkl. mva. ÷ 1,25")
    if amount.period:
        months = _part_months(text, amount, term)
        if months is None:
            return None
        per_months = 12 if amount.period == "year" else 1
        total = (value * months * 2 + per_months) // (2 * per_months)
        period = "per år" if amount.period == "year" else "per måned"
        count = f"{months // 12} år" if months % 12 == 0 else f"{months} måneder"
        shown = f"{shown if amount.vat == 'included' else format_amount(value)} {period} × {count}"
        steps = [f"{'; '.join(steps) + ' = ' if steps else ''}{format_nok(value)} kr {period} × {count}"]
        value = total
    elif (option := _option_clause(text, amount)) is not None and (count := _option_periods(text, amount, option)):
        # An option's price for each of its periods counts once for every period (FOA § 5-4: all options count).
        periods, said = count
        shown = f"{shown} × {said}"
        steps = [f"{'; '.join(steps) + ' = ' if steps else ''}{format_nok(value)} kr × {said}"]
        value *= periods
    if not amount.period and (each := each_recipient(text, amount.start, amount.end)):
        # «Fem deltakere får 250 000 kr hver»: the amount is paid to each of the counted recipients.
        shown = f"{each} × {shown}"
        steps = [f"{each} × {format_nok(value)} kr"]
        value *= each
    how = f"{format_nok(value)} kr" + (f" ({steps[0]})" if steps else "")
    if _option_clause(text, amount) is not None:
        shown, how = f"opsjon {shown}", f"opsjon {how}"
    return _Part(amount, value, shown, how)


def _option_clause(text: str, amount: Amount) -> str | None:
    """The words from the option word to the amount when the amount is an option's price («opsjon på to år til à »),
    else None."""
    before = text[max(0, amount.start - 60): amount.start].split(",")[-1]
    found = list(_OPTION_PART.finditer(before))
    return before[found[-1].start():] if found else None


def _option_periods(text: str, amount: Amount, clause: str) -> tuple[int, str] | None:
    """How many times an option's price counts when it is given for each option period («à», «hver», «each»): the
    number of options said («to opsjoner»), else the years the option runs, from its own words («opsjon på to år til
    à …», «… hver i to år») or the text's options («opsjon på 1 + 1 år»). None when the price is for all periods or
    the number of periods is not said."""
    after = text[amount.end: amount.end + 80]
    if not (_EACH_BEFORE.search(clause) or _EACH_AFTER.match(after)):
        return None
    if counted := _OPTIONS_COUNTED.search(text[max(0, amount.start - 60): amount.start].split(",")[-1]):
        number = counted.group(1).lower()
        periods = count_word(number)
        return (periods, f"{periods} opsjoner") if periods > 1 else None
    own = term_after(re.sub(r"^\s*(?:hver|hvert|kvar|kvart|each|apiece)\b", "", after, flags=re.IGNORECASE))
    months = own[0] if own else read_term(clause).option_months or read_term(text).option_months
    if not months or months % 12 or months <= 12:
        return None
    return months // 12, f"{months // 12} år"


def _part_months(text: str, amount: Amount, term: Term | None) -> int | None:
    """The months a part per period runs: its own term («… per år i 4 år»), an extension option's own term («opsjon på
    to år til 500 000 kr per år»), else the text's term with options."""
    if after := term_after(text[amount.end: amount.end + 80]):
        return after[0]
    if amount.period and (before := term_before(text[max(0, amount.start - 60): amount.start])):
        return before[0]
    if (clause := _option_clause(text, amount)) is not None and (own := read_term(clause).option_months):
        return own  # «opsjon på to år til, 500 000 kr per år»: an extension option's price runs for the option only
    if clause is not None and (own_term := term_after(clause)):
        return own_term[0]  # «opsjon på serviceavtale i 5 år à 110 000 kr/år»: the option's own term
    if term is not None and term.duration_months:
        return term.duration_months + (term.option_months or 0)
    return None


def _vat(chosen: list[Amount]) -> bool | None:
    """True when the words call an amount VAT-inclusive, False when they say excl. VAT, None when they say nothing."""
    if any(a.vat == "included" for a in chosen):
        return True
    if any(a.vat == "excluded" for a in chosen):
        return False
    return None


def _read_term(text: str, out: Extraction) -> None:
    term = read_term(text)
    if term.open_ended_phrase and not term.duration_months:
        out.set("open_ended", True, term.open_ended_phrase)
    if term.duration_months:
        extra = f"; opsjonene på {term.option_months} måneder kommer i tillegg" if term.option_months else ""
        out.set("duration_months", term.duration_months, term.duration_phrase, extra)
    if term.option_months:
        out.set("option_months", term.option_months, term.option_phrase)


# --- buyer, contract type, services and regime ---

def _earliest(patterns: dict[str, list[str]], text: str) -> list[tuple[int, str, str]]:
    """Every (position, label, phrase) of the patterns in the text, earliest first."""
    found = []
    for label, options in patterns.items():
        for option in options:
            match = re.search(option, text, re.IGNORECASE)
            if match:
                found.append((match.start(), label, match.group(0)))
    return sorted(found, key=lambda item: item[0])


def _read_buyer(text: str, out: Extraction) -> None:
    state_words = [m for m in w.STATE_EXPLICIT.finditer(text) if not w.STATE_NOT_BUYER.match(text, m.start())]
    municipal = w.MUNICIPAL_EXPLICIT.search(text)
    if state_words and municipal:
        # «kommune» and «statlig» in one description: the thresholds differ (2,3 against 1,49 mill. kr), so ask.
        out.note("buyer", f"Teksten nevner både «{municipal.group(0)}» og «{state_words[0].group(0)}»; oppdragsgiver er "
                          "derfor ikke tolket. Oppgi om oppdragsgiveren er statlig, kommunal eller et annet offentlig organ.")
        return
    # «i Lyngdal kommune» names a place; the definite form («skolene i kommunen», «kommunens skoler») names the buyer.
    found = [(pos, label, phrase) for pos, label, phrase in _earliest(w.BUYER, text)
             if not (label == "municipal" and not w.MUNICIPAL_DEFINITE.fullmatch(phrase)
                     and w.PLACE_BEFORE.search(text[max(0, pos - 40):pos])
                     and not w.UNIT_OF.search(text[max(0, pos - 60):pos]))]
    if not found:
        if service := w.MUNICIPAL_SERVICE.search(text):
            out.set("buyer", "municipal", service.group(0))
        return
    _, label, phrase = found[0]
    if label == "state" and w.MUNICIPAL_AGENCY.search(phrase) and w.MUNICIPAL_EXPLICIT.search(text):
        label = "municipal"  # a municipal agency such as Bymiljøetaten in Oslo kommune
    out.set("buyer", label, phrase)


# «teknisk arkitektur», «systemarkitekt», «løsningsarkitektur»: the architecture of software, not of a building.
_SOFTWARE_ARCHITECTURE = re.compile(r"(?:\b(?:teknisk|IT|digital|informasjons|virksomhets|data)\w*[\s-]+arkitekt\w*|"
                                    r"(?:system|løsnings|programvare|applikasjons|skytjeneste|data)arkitekt\w*)$", re.IGNORECASE)
# A notice pasted as «Oppdragsgiver: Tittel. Beskrivelse»: the buyer's name before the colon says who buys, not what.
# A sentence with a verb of its own before the colon («Kommunen skal bygge … i tre delentrepriser: …») is no name.
_BUYER_PREFIX = re.compile(r"^(?![^.:\n]*\b(?:skal|vil|trenger|treng|ønsker|må|kan|kjøper|deler)\b)[^.:\n]{2,90}:\s",
                           re.IGNORECASE)
# A unit's proper name in the definite form («Skjærgårdstjenesten», «Politiets fellestjenester» as a name) says where
# the purchase is used, not that a service is bought.
_UNIT_NAME = re.compile(r"(?-i:\b[A-ZÆØÅ]\w*tjenest(?:en|ene)\b)")
# «innovasjonsarena for helsetjenester», «fagsystem til helsetjenesten»: a health service the purchase serves.
_SERVES = re.compile(r"\b\w*(?:arena|system|løsning|plattform|verktøy|senter|portal)(?:en|et|a|er|ene)?\s+(?:for|til)\s+$",
                     re.IGNORECASE)


# Things that are bought as goods, compounds included («øyelinser», «patruljebåt», «diatermiapparater»).
_GOODS_NAMED = re.compile(r"\b\w*(?:linser|båt|båter|bilen|biler|apparat|apparater|instrumenter|kjøretøy|forbruksmateriell|"
                          r"forbruksvarer|legemidler|preparater|møbler|inventar|byggevarer|trelast|arbeidstøy|uniformer)\b",
                          re.IGNORECASE)


def _without_names(text: str) -> str:
    """The text with the buyer's name before a leading colon and unit names blanked out (positions kept)."""
    blank = _BUYER_PREFIX.sub(lambda m: " " * len(m.group(0)), text, count=1)
    return _UNIT_NAME.sub(lambda m: " " * len(m.group(0)), blank)


# A health or care unit named as the one who buys («Hjemmetjenesten skal kjøpe …», «Heimetenesta i kommunen treng …»),
# as the one it is bought for («… til sykehjemmet», «i barnevernet»), as an owner («hjemmetjenestens biler») or
# after one («Kommunens hjemmetjeneste skal kjøpe …»): the
# department says who buys, not what is bought.
_DEPARTMENT = re.compile(
    r"(?:\bhelse- og )?\b[\w-]*(?:tjenesten|tjenestene|tjenestens|tenesta|tenestene|tenestas|omsorgen|omsorga|omsorgens|"
    r"vernet|vernets|sykepleien|sjukepleia|sykehjemmet|sykehjemmets|sjukeheimen|legevakten|legevakta|helsestasjonen|"
    r"avlastningen|avlastinga)\b"
    # the indefinite form after a possessive: «Kommunens hjemmetjeneste skal kjøpe …», «vår hjemmesykepleie»
    r"|\b(?:\w+s|vår|vårt|våre)\s+[\w-]*(?:tjeneste|teneste|omsorg|sykepleie|sjukepleie|sykehjem|sjukeheim|legevakt)\b",
    re.IGNORECASE)
_DEPARTMENT_ROLE = re.compile(r"\s+(?:(?:i|ved|på)\s+(?:[\w-]+\s+){1,2}?)?(?:skal|vil|trenger|treng|ønsker|har behov|"
                              r"kjøper|planlegger|må)\b", re.IGNORECASE)
_DEPARTMENT_PLACE = re.compile(r"\b(?:i|til|for|ved|hos|på|fra|innen)\s+$", re.IGNORECASE)


def _without_departments(text: str) -> str:
    """The text with a buying or using department blanked out (positions kept)."""
    def blank(match: re.Match[str]) -> str:
        role = (_DEPARTMENT_ROLE.match(text, match.end()) or _DEPARTMENT_PLACE.search(text[max(0, match.start() - 8):
                match.start()]) or match.group(0).lower().endswith("s"))
        return " " * len(match.group(0)) if role else match.group(0)
    return _DEPARTMENT.sub(blank, text)


# «… som oppdager plantearter langs kommunale veier», «skilting rundt anlegget»: a structure after a preposition of place
# says where the work is done, not that a structure is built.
_PLACE_BEFORE = re.compile(r"\b(?:langs|rundt|nær|mellom|alongside|along)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _found_categories(text: str) -> list[tuple[int, str, str]]:
    named = sorted((m.start(), label, m.group(0)) for label, pattern in w.CATEGORY_NAMED.items()
                   if (m := pattern.search(text)))
    return named if len({label for _, label, _ in named}) == 1 else _by_head(text, [
        (pos, label, phrase) for pos, label, phrase in _earliest(w.CATEGORY, text)
        if not (label == "goods" and "utstyr" in phrase.lower() and w.EQUIPMENT_NOT_BOUGHT.search(text[max(0, pos - 40):pos]))
        and not (label == "works" and _works_object(text, pos, phrase) and _PLACE_BEFORE.search(text[max(0, pos - 40):pos]))])


def _works_object(text: str, pos: int, phrase: str) -> bool:
    """Whether a works cue only names a building or structure («skolebygg», «anlegget», «veiene»), not a new one."""
    return bool(w.WORKS_OBJECT.fullmatch(phrase)) and not w.NEW_BEFORE.search(text[max(0, pos - 30):pos])


def _by_head(text: str, found: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """The cues with the head of the purchase object first: a works cue in the complement of a service («renhold av
    rådhuset», «drift av anlegget») or one that only names the building a service is performed on («Skolebyggene skal
    ha vakthold») is not what is bought; building work coordinated with a service («prosjektering og bygging av …»)
    makes the whole a works contract."""
    generic = [item for item in found if item[1] == "services" and w.GENERIC_INTRO.match(text, item[0])]
    if generic and len(generic) < len(found):
        found = [item for item in found if item not in generic]
    if not any(label == "works" for _, label, _ in found) or not any(label != "works" for _, label, _ in found):
        return found
    services = [m for m in w.SERVICE_CUE.finditer(text)]
    for match in services:
        after = next((item for item in found if item[1] == "works" and item[0] >= match.end()), None)
        if after and w.COORDINATED.match(text[match.end():after[0]]) and not _works_object(text, *after[:1], after[2]):
            return [after] + [item for item in found if item is not after]
    activities = [item for item in found if item[1] == "works" and not _works_object(text, item[0], item[2])]
    kept = [item for item in found if item[1] != "works" or (
        item in activities and not w.SERVICE_COMPLEMENT.search(text[max(0, item[0] - 80):item[0]]))]
    if services and not activities:
        return kept  # the building nouns name where the services are performed
    return kept if kept and kept[0][1] != "works" and len(kept) < len(found) and not any(
        item[1] == "works" for item in kept) else found


def _read_category(text: str, out: Extraction) -> None:
    if _read_cpv(text, out):
        return
    text = _without_names(text)
    found = _found_categories(text)
    # «Hjemmetjenesten skal kjøpe el-sykler»: when the text without the department names goods or works, that is what
    # is bought; the department then says nothing of the contract type or of health and social services.
    objects = _without_departments(text)
    if objects != text and (found_objects := _found_categories(objects)) and found_objects[0][1] in ("goods", "works"):
        text, found = objects, found_objects
    health = _as_object(w.HEALTH_SOCIAL, text)
    special = _as_object(w.SPECIAL_SERVICES, text)
    if found:
        out.set("category", found[0][1], found[0][2])
    elif health or special:
        # Health and social services and the other special services are services by definition.
        cue = health or special
        out.set("category", "services", cue.group(0) if cue else "")
    elif goods := _GOODS_NAMED.search(text):
        # «Øyelinser», «arbeidsbåt», «Diatermiapparater»: a thing named as what is bought, with no other cue.
        out.set("category", "goods", goods.group(0))
    elif it := w.IT_PURCHASE.search(text):
        # «nytt fagsystem for barnehagene», «a case management system»: software is goods or services (one threshold),
        # never works, so no contract type is left to assume.
        out.values["category"] = "goods"
        out.note("category", f"{READ_FROM_TEXT} «{_clip(it.group(0))}» {w.IT_PURCHASE_NOTE}")
    if out.values.get("category") != "services":
        return
    # The service named first is what is bought («vektertjenester ved legevakten» is security, not health care).
    if health and not (special and special.start() < health.start()):
        if not w.HEALTH_SOCIAL_NAMED.search(text) and (it := w.IT_PURCHASE.search(text)):
            # «nytt fagsystem for barnevernet»: software for a social service is an IT purchase, not the service.
            out.values["health_social_services"] = False
            out.note("health_social_services", f"{READ_FROM_TEXT} «{_clip(it.group(0))}» er et kjøp av IT, ikke av en "
                                               "helse- og sosialtjeneste.")
        else:
            out.set("health_social_services", True, health.group(0))
    elif special:
        kind = w.special_service_kind(special)
        out.set("special_services", True, special.group(0),
                f" ({kind}: trolig en særlig tjeneste; sjekk vedlegget til forskriften)")


def _read_cpv(text: str, out: Extraction) -> bool:
    """Contract type and light-regime services from the first CPV code in the text (a pasted notice's main code)."""
    match = w.CPV.search(text)
    if not match:
        return False
    code = match.group(1) or match.group(2)
    out.set("category", w.cpv_category(code), match.group(0), " (CPV-koden)")
    kind = w.cpv_service_kind(code) if out.values["category"] == "services" else None
    if kind:
        key = "health_social_services" if kind == "health_social" else "special_services"
        out.set(key, True, match.group(0), " (CPV-koden står i vedlegget om særlige tjenester; ikke verifisert)")
    return True


def _as_object(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match that names what is bought, not the unit where it is used («i hjemmetjenesten»)."""
    for match in pattern.finditer(text):
        if not w.SERVICE_AS_PLACE.search(text[max(0, match.start() - 6):match.start()]) \
                and not _SERVES.search(text[max(0, match.start() - 40):match.start()]):
            return match
    return None


def _asks_about_regulation(text: str, match: re.Match[str]) -> bool:
    """True for a regulation named in a question («Er det forsyningsforskriften som gjelder?», «Do the utilities rules
    apply?»): asked, not stated."""
    named = match.group(0).lower()
    if not (named.startswith("forsyningsforskrift")
            or (named.startswith("utilit") and re.match(r"\s+(?:regulations?|rules|directive)\b", text[match.end():], re.I))):
        return False
    end = re.search(r"[.!?]", text[match.end():])
    return bool(end) and end.group(0) == "?"


def _read_regime(text: str, out: Extraction) -> None:
    """Defence and concessions are named; utilities go by the activity (or a known utility undertaking)."""
    for regime, pattern in (("defence_security", w.DEFENCE), ("concession", w.CONCESSION), ("utilities", w.UTILITIES)):
        if match := next((m for m in pattern.finditer(text) if not _asks_about_regulation(text, m)), None):
            out.set("regime", regime, match.group(0))
            return
    # It is the activity the purchase serves that decides, not the buyer: a municipality's purchase for its water
    # supply is under forsyningsforskriften, its schools' purchases are not (regjeringen.no id2598956).
    if (match := w.UTILITIES_HINT.search(text)) and not w.PLUMBING.search(text) and not _among_sectors(text, match):
        out.set("regime", "utilities", match.group(0),
                " (vann og avløp omfatter drikkevannsforsyningen, som er en forsyningsaktivitet; gjelder kjøpet bare "
                "avløp, gjelder anskaffelsesforskriften)")
    elif match:
        out.note("regime", f"Teksten nevner «{match.group(0)}». Knytter kjøpet seg til drikkevannsforsyningen, gjelder "
                           "forsyningsforskriften; rørarbeid i et bygg eller avløp alene er ikke en forsyningsaktivitet. "
                           "Vi har lagt anskaffelsesforskriften til grunn.")
    elif match := w.UTILITIES_SECTOR.search(text):
        out.note("regime", f"Teksten nevner «{match.group(0)}». Knytter kjøpet seg til en forsyningsaktivitet (drikkevann, "
                           "energi, transport, havner og lufthavner, post eller brensel), gjelder forsyningsforskriften "
                           "i stedet for anskaffelsesforskriften. Vi har lagt anskaffelsesforskriften til grunn; oppgi om "
                           "kjøpet er til selve forsyningsaktiviteten.")
    elif match := w.WASTEWATER_ONLY.search(text):
        out.note("regime", f"Teksten nevner «{match.group(0)}». Avløp og avløpsrensing alene er ikke en forsyningsaktivitet, "
                           "så anskaffelsesforskriften gjelder; knytter kjøpet seg også til drikkevannsforsyningen, gjelder "
                           "forsyningsforskriften.")


def _among_sectors(text: str, match: re.Match[str]) -> bool:
    """Whether «vann og avløp» stands in a list of the buyer's sectors (the users of the purchase, not its activity)."""
    around = text[max(0, match.start() - w.SECTOR_LIST_WINDOW): match.end() + w.SECTOR_LIST_WINDOW]
    return len(w.SECTOR_LIST.findall(around)) >= w.SECTOR_LIST_MIN


def _read_market_and_process(text: str, out: Extraction) -> None:
    """What the text says about the market, market dialogue, development, purchase and specification.

    A negated phrase ("ikke utvikles", "uten markedsdialog") is checked before the plain one, which it contains.
    """
    market = _market(text)
    if market:
        out.set("market_has_solution", market[0], market[1])
    if match := w.DIALOGUE_NOT_DONE.search(text):
        out.set("market_dialogue_done", False, match.group(0))
    elif match := w.DIALOGUE_DONE.search(text):
        out.set("market_dialogue_done", True, match.group(0))
    _read_development(text, market, out)
    if match := w.NO_PURCHASE.search(text):
        out.set("wants_to_buy_result", False, match.group(0))
    elif match := w.PURCHASE_RESULT.search(text):
        out.set("wants_to_buy_result", True, match.group(0))
    elif (match := w.PURCHASE.search(text)) and out.values.get("development_needed"):
        # "kjøpe" says little on its own; it only means buying the result when something is to be developed.
        out.set("wants_to_buy_result", True, match.group(0))
    elif out.values.get("development_needed") is False and market and market[0] == "yes":
        out.set("wants_to_buy_result", False, market[1], " (ingenting skal utvikles, så det er ikke kjøp av et utviklingsresultat)")
    if match := w.CANNOT_SPECIFY.search(text):
        out.set("can_specify_solution", False, match.group(0))
    elif match := w.CAN_SPECIFY.search(text):
        out.set("can_specify_solution", True, match.group(0))
    elif market and market[0] == "yes":
        # What the market already delivers can be described by what it does (standard products by definition).
        out.set("can_specify_solution", True, market[1], " (løsningen finnes i markedet)")
    elif market and market[0] == "no":
        # A solution nobody has yet can only be described by the need it must meet.
        out.set("can_specify_solution", False, market[1], " (ingen løsning finnes ennå, bare behovet kan beskrives)")


def _read_development(text: str, market: tuple[str, str] | None, out: Extraction) -> None:
    if match := w.NO_DEVELOPMENT.search(text):
        out.set("development_needed", False, match.group(0))
    elif match := w.ROUTINE_DEVELOPMENT.search(text):
        out.set("development_needed", False, match.group(0), " (et vanlig utviklingsoppdrag som markedet leverer, ikke en "
                                                             "løsning som ikke finnes)")
    elif match := _development(text, out):
        out.set("development_needed", True, match.group(0))
    elif market and market[0] == "yes":
        # What the market already delivers as it is needs no development (and so no purchase of a development result).
        out.set("development_needed", False, market[1], " (løsningen finnes i markedet)")
    elif market and market[0] == "with_adaptation":
        out.set("development_needed", False, market[1], " (det som finnes skal tilpasses, ikke utvikles på nytt)")


def _development(text: str, out: Extraction) -> re.Match[str] | None:
    """The first phrase that says a solution is to be developed: not a plan given up («planla å få utviklet»), and in a
    design contest not the winner's further work on its proposal («videreutvikle forslaget»)."""
    for match in w.DEVELOPMENT.finditer(text):
        if w.PAST_PLAN.search(text[max(0, match.start() - 30):match.start()]):
            continue
        if out.values.get("design_contest") and match.group(0).lower().startswith("videreutvikl"):
            continue
        return match
    return None


def _market(text: str) -> tuple[str, str] | None:
    """The market answer by priority (unknown, no, with_adaptation, yes), with the phrase that gave it."""
    for label, options in w.MARKET.items():
        for option in options:
            match = re.search(option, text, re.IGNORECASE)
            if match:
                return label, match.group(0)
    return None


def _read_deadline_and_risk(text: str, out: Extraction) -> None:
    deadline = w.DEADLINE.search(text)
    if deadline:
        months = int(deadline.group(1)) * (12 if deadline.group(2).lower() == "år" else 1)
        if 0 < months <= 1200:
            out.set("deadline_months", months, deadline.group(0))
    for level, pattern in w.RISK.items():
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
    """One Norwegian line per key read from the text, for showing the user what was read."""
    lines = []
    for key in extraction.read_keys:
        value = extraction.values[key]
        shown = format_nok(value) + " kr" if FIELDS[key].kind == "amount" else display_value(key, value)
        lines.append(f"  {FIELDS[key].label}: {shown}")
    return "\n".join(lines)


# --- an upper bound on the value ---

# «kjøp under 500 000 kr», «for inntil 2 mill.», «mindre enn 1 million», «opp til 3 MNOK», «below NOK 1 million»: the
# words just before the amount make it a ceiling, not the value. «Under»/«mindre enn» exclude the figure itself.
_BOUND_BEFORE = re.compile(
    r"(?:\b(?P<below>under|mindre enn|lavere enn|below|less than|under)|"
    r"\b(?P<most>inntil|opp ?til|opptil|maks(?:imalt|\.)?|høyst|høgst|ikke over|ikkje over|up to|at most|not exceeding))"
    r"\s+(?:ca\.?\s*|cirka\s+|omtrent\s+|om lag\s+)?(?:kr\.?\s*|nok\s*)?$", re.IGNORECASE)
# A ceiling of an option or of the call-offs under a framework is the value the contract can reach, not a range.
_BOUND_IS_CEILING = re.compile(r"\b(?:opsjon\w*|option\w*|rammeavtal\w*|framework|uttak\w*|ramme\b|forlen\w*)",
                               re.IGNORECASE)


@dataclass
class ValueBound:
    """A stated value that is a ceiling: the purchase is worth less than (`strict`) or at most `amount` kr."""

    amount: int
    strict: bool
    phrase: str


def read_value_bound(text: str) -> ValueBound | None:
    """The ceiling the description puts on the value («småkjøp under 1,3 mill.»), when the value read is that ceiling;
    None when the value is a plain figure, a per-period or composed amount, an option or a framework's ceiling."""
    extraction = extract_case(text)
    value = extraction.values.get("estimated_value_nok")
    if value is None or extraction.values.get("value_per_period_nok") is not None or "value_parts" in extraction.values \
            or "options_value_nok" in extraction.values or extraction.values.get("amounts_include_vat"):
        return None
    amounts, _ = read_amounts(text)
    chosen = [a for a in amounts if a.value == value]
    if len(chosen) != 1:
        return None
    amount = chosen[0]
    match = _BOUND_BEFORE.search(text[max(0, amount.start - 30): amount.start])
    if match is None or _BOUND_IS_CEILING.search(text[max(0, amount.start - 60): amount.end + 20]):
        return None
    return ValueBound(value, match.group("below") is not None, (match.group(0) + amount.phrase).strip())
