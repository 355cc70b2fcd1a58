"""A value stated as a ceiling («småkjøp under 1,3 mill.», «kjøp for inntil 2 mill. kr»): the verdict must hold for
every value below it, so the answer says which part applies to which values instead of treating the ceiling as the
value.

    bound = read_value_bound(question)
    segments = value_segments(values, bound)     # [(0, 99_999, "below"), (100_000, 1_299_999, "I")]
    text = range_sentence(bound, segments, "nb")  # «For kjøp under 1,3 mill. kr gjelder bare del I …»

Each segment's part comes from the assessment's own decision model run on its end values, so the ranges follow the
threshold table and the buyer and contract type the question states (or the strictest assumption).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from advisor.assessment import ValueBound, decide, format_amount, load_thresholds, parse_case

# Part of each range in words, as the sentence «… gjelder …» continues it (bokmål) and in English.
_PART_NB = {"below": "gjelder ikke anskaffelsesregelverket", "I": "gjelder bare del I av forskriften",
            "II": "gjelder del I og II", "III": "gjelder del I og III", "IV": "gjelder del I og IV (kapittel 30)"}
_PART_EN = {"below": "the procurement rules do not apply", "I": "only part I of the regulation applies",
            "II": "parts I and II apply", "III": "parts I and III apply", "IV": "parts I and IV (chapter 30) apply"}


def top_value(bound: ValueBound) -> int:
    """The highest value the ceiling allows: one krone under it when «under», the figure itself when «inntil»."""
    return bound.amount - 1 if bound.strict else bound.amount


def value_segments(values: dict[str, Any], bound: ValueBound,
                   today: dt.date | None = None) -> list[tuple[int, int, str]] | None:
    """The ranges of value from 0 up to the ceiling with the part each leads to, lowest first; None when a range
    leads to something these sentences cannot name (another regulation, the utilities regulation)."""
    table = load_thresholds(on=today)
    top = top_value(bound)
    edges = sorted({t.value_nok for t in table.values.values() if 0 < t.value_nok <= top})
    points = sorted({1, top, *edges, *(edge - 1 for edge in edges)})
    segments: list[tuple[int, int, str]] = []
    for point in points:
        part = _part(values, point, table, today)
        if part not in _PART_NB:
            return None
        if segments and segments[-1][2] == part:
            segments[-1] = (segments[-1][0], point, part)
        else:
            segments.append((point, point, part))
    return segments


def part_at(values: dict[str, Any], value: int, today: dt.date | None = None) -> str:
    """The part the decision model gives the case at `value` ("" under another regulation)."""
    return _part(values, value, load_thresholds(on=today), today)


def _part(values: dict[str, Any], value: int, table: Any, today: dt.date | None) -> str:
    case = {k: v for k, v in values.items() if k not in ("value_per_period_nok", "value_period", "duration_months",
                                                        "option_months", "open_ended", "value_parts")}
    case["estimated_value_nok"] = value
    r = decide(parse_case(case), table, today or dt.date.today())
    return "" if r.regime not in ("foa", None) else r.part


def spans_one_part(segments: list[tuple[int, int, str]]) -> bool:
    """True when every value the rules cover (from the law's floor) leads to the same part."""
    return len([s for s in segments if s[2] != "below"]) <= 1


def range_sentence(bound: ValueBound, segments: list[tuple[int, int, str]], lang: str) -> str:
    """Which part applies to which values under the ceiling, in one sentence without citation markers."""
    en = lang == "en"
    ceiling = _amount(bound.amount, en)
    said = (f"below {ceiling}" if bound.strict else f"up to {ceiling}") if en else \
        (f"under {ceiling}" if bound.strict else f"på inntil {ceiling}")
    covered = [s for s in segments if s[2] != "below"]
    below = next((s for s in segments if s[2] == "below"), None)
    if len(covered) == 1 and below is not None:
        floor = _amount(covered[0][0], en)
        if en:
            return (f"For purchases {said}, {_PART_EN[covered[0][2]]} whatever the exact value, as long as it is at least "
                    f"{floor}; below {floor} {_PART_EN['below']}.")
        return (f"For kjøp {said} {_PART_NB[covered[0][2]]} uansett nøyaktig verdi, så lenge verdien er minst {floor}; "
                f"under {floor} {_PART_NB['below']}.")
    if not covered:
        return (f"For purchases {said}, {_PART_EN['below']}." if en else f"For kjøp {said} {_PART_NB['below']}.")
    pieces = []
    for index, (low, _high, part) in enumerate(segments):
        last = index == len(segments) - 1
        upper = _amount(segments[index + 1][0], en) if not last else ceiling
        if index == 0:
            span = f"below {upper}" if en else f"under {upper}"
        elif last and not bound.strict:
            span = f"from {_amount(low, en)} up to and including {upper}" if en else f"fra {_amount(low, en)} til og med {upper}"
        else:
            span = f"from {_amount(low, en)} up to {upper}" if en else f"fra {_amount(low, en)} og under {upper}"
        pieces.append(f"{span} {_PART_EN[part]}" if en else f"{span} {_PART_NB[part]}")
    joined = ", ".join(pieces[:-1]) + (" and " if en else " og ") + pieces[-1]
    if en:
        return f"It depends on the value, since purchases {said} span more than one threshold: {joined}."
    return f"Det kommer an på verdien, for kjøp {said} spenner over mer enn én terskel: {joined}."


def _amount(nok: int, en: bool) -> str:
    if not en:
        return format_amount(nok)
    if nok < 1_000_000:
        return f"NOK {nok:,}"
    return "NOK " + format_amount(nok).replace(" mill. kr", " million").replace(",", ".")


# The near-threshold step said of the ceiling as if it were the value («Verdien er 1 kr under terskelen …»).
NEAR_CEILING = re.compile(r"(?:Neste steg: )?Verdien er (?:1 kr under|lik) terskelen|"
                          r"(?:Next step: )?[Tt]he value is (?:NOK 1 below|equal to) the threshold")
