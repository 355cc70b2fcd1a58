"""Round 17: a design contest written in English is valued from every fee and prize (a VAT abbreviation is no sentence
end, «an extra prize» adds a part), and its part is named part V wherever the part is shown."""

from __future__ import annotations

import datetime as dt

import pytest

from advisor.assessment import assess, extract_case
from advisor.config import Settings


@pytest.mark.parametrize(("text", "value"), [
    ("The ministry runs a design contest for a new square. Four teams will each receive a fee of NOK 150,000 excl. VAT, "
     "and the winner gets an additional prize of NOK 300,000. The follow-up contract is worth about NOK 5 million.",
     4 * 150_000 + 300_000),
    ("Direktoratet holder en plankonkurranse. Seks inviterte lag får hver et vederlag på 100 000 kr eks. mva., og "
     "vinneren får en ekstra premie på 200 000 kr.", 6 * 100_000 + 200_000),
])
def test_every_fee_and_the_extra_prize_make_the_design_contests_value(text, value):
    assert extract_case(text).values["estimated_value_nok"] == value


def test_an_amount_excluding_vat_and_the_next_clause_stay_one_sentence():
    values = extract_case("We buy cleaning for NOK 900,000 excl. VAT, and a window cleaning option of NOK 200,000.").values
    assert values["estimated_value_nok"] == 1_100_000


def test_the_part_label_of_a_design_contest_above_its_threshold_is_part_v():
    extraction = extract_case("Et departement arrangerer en arkitektkonkurranse med premier på til sammen 2 mill. kr.")
    result = assess(extraction.values, Settings(), today=dt.date(2026, 12, 8))
    assert result.part_label == "Del I og V (plan- og designkonkurranser)"
    assert "del I og V" in result.part_reason
    assert "del I og III" not in result.part_reason


def test_an_ordinary_service_above_the_threshold_keeps_part_iii():
    extraction = extract_case("Et departement kjøper rådgivning for 2 mill. kr.")
    result = assess(extraction.values, Settings(), today=dt.date(2026, 12, 8))
    assert result.part_label == "Del I og III"
