"""Detection gaps found by the rewriter (wave 9): a national origin demanded of the goods («skal være norsk», an
origin label, «fra norske gårder»), a named company the goods are to come from, a prescribed working method
(«etter X-metoden»), a material inside a compound word naming the goods («trevinduer»), and units read whole
(«W/m²K», not «W»). Each rule has decoys it must leave alone; the sentences are our own, not eval rows.
"""

from __future__ import annotations

import re

import pytest

from advisor.requirements import PARAM_UNIT, find_matches


def found(text: str) -> set[tuple[str, str, str]]:
    """(category, kind, span) of every finding."""
    return {(m.category, m.kind, text[m.start:m.end]) for m in find_matches(text)}


def spans(text: str, category: str) -> set[str]:
    return {span for cat, _, span in found(text) if cat == category}


# --- units: the longest unit wins -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "unit"), [
    ("0,72 W/m²K", "W/m²K"), ("1,1 W/m2K", "W/m2K"), ("0,035 W/mK", "W/mK"), ("250 W/m²", "W/m²"),
    ("12 kWh", "kWh"), ("7,4 kW", "kW"), ("40 kVA", "kVA"), ("5 GHz", "GHz"), ("16 tommers", "tommers"),
])
def test_a_unit_that_begins_a_longer_unit_does_not_cut_it_short(value, unit):
    m = re.fullmatch(rf"[\d,]+\s*({PARAM_UNIT})", value)
    assert m and m.group(1) == unit


def test_an_exact_u_value_is_read_whole():
    text = "Ytterdørene skal ha U-verdi 0,9 W/m²K."
    assert ("material_dimension_method", "exact_value", "0,9 W/m²K") in found(text)
    assert not any(span.endswith(" W") for *_, span in found(text))


def test_a_bounded_u_value_is_no_finding():
    assert not spans("Takvinduene skal ha U-verdi på høyst 1,0 W/m²K.", "material_dimension_method")
