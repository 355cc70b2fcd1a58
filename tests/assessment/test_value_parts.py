"""The parts of one purchase stated in one message are added up (FOA § 5-4), each converted and over its own term."""

from __future__ import annotations

import pytest

from advisor.assessment import extract_case
from advisor.assessment.amounts import read_amounts, read_term


def _value(text: str) -> int | None:
    return extract_case(text).values.get("estimated_value_nok")


def test_a_lump_sum_plus_an_option_is_the_sum():
    out = extract_case("Anslaget er 40 mill. kr ekskl. mva. for rehabiliteringen, pluss en opsjon på nytt tak på om lag 3 mill.")
    assert out.values["estimated_value_nok"] == 43_000_000
    assert out.values["value_parts"] == "40 mill. kr + opsjon 3 mill. kr"
    note = next(n for k, n in out.notes if k == "estimated_value_nok")
    assert "43 000 000 kr = 40 000 000 kr + opsjon 3 000 000 kr" in note


def test_goods_incl_vat_plus_a_yearly_service_over_its_own_term():
    out = extract_case("Vi kjøper en maskin til 1,5 mill. kr inkl. mva., pluss vedlikehold for 100 000 kr eks. mva. per år i 3 år.")
    assert out.values["estimated_value_nok"] == 1_200_000 + 300_000
    assert "value_per_period_nok" not in out.values  # the periodic part is inside the sum, not counted again
    assert out.values["amounts_include_vat"] is False  # only the machine was incl. VAT, and it is converted
    notes = " ".join(n for _, n in out.notes)
    assert "1 200 000 kr (1 500 000 kr inkl. mva. ÷ 1,25)" in notes
    assert "300 000 kr (100 000 kr per år × 3 år)" in notes


def test_each_amount_keeps_its_own_vat_wording():
    amounts, _ = read_amounts("utstyr 2 mill. kr inkl. mva., pluss service 50 000 kr ekskl. mva. per år")
    assert [a.vat for a in amounts] == ["included", "excluded"]


@pytest.mark.parametrize("text", [
    "Systemet koster 3 mill. kr, hvorav 1 mill. kr er opsjoner.",
    "Prosjektet er på 5 mill. kr totalt, pluss 1 mill. kr i samlet opsjonsverdi totalt.",
])
def test_a_figure_that_restates_another_is_not_added(text):
    value = _value(text)
    assert value is not None and value < 6_000_000 and value != 4_000_000


def test_a_threshold_the_buyer_compares_with_stays_out_of_the_sum():
    out = extract_case("Vi er statlige og kjøper rådgivning for 1,1 mill. kr pluss en opsjon på 250 000 kr. "
                       "Er vi over statens terskel på 1,49 mill.?")
    assert out.values["estimated_value_nok"] == 1_350_000


def test_a_yearly_amount_said_again_is_not_a_second_total():
    out = extract_case("Vi kjøper vakthold for 1,8 mill. kr i året i 2 år med opsjon på 1 år. Avtalen er på 1,8 mill.")
    assert "estimated_value_nok" not in out.values
    assert out.values["duration_months"] == 24 and out.values["option_months"] == 12


def test_the_term_note_says_the_options_come_on_top():
    out = extract_case("Vi kjøper drift for 900 000 kr i året, 2 år + 2 år.")
    note = next(n for k, n in out.notes if k == "duration_months")
    assert "24" in note and "opsjonene på 24 måneder kommer i tillegg" in note


def test_a_single_option_period_is_read():
    assert read_term("Avtalen gjelder i 3 år med opsjon på 1 år.").option_months == 12


def test_the_assessment_states_the_sum_with_its_parts(settings):
    from advisor.assessment import assess
    out = extract_case("Kommunen har kalkulert 56 mill. kr ekskl. mva. for byggearbeidene, pluss en opsjon på "
                       "uteområdet på 2 mill. kr.")
    result = assess({**out.values, "buyer": "municipal", "category": "works"}, settings)
    assert result.contract_value.total_nok == 58_000_000
    assert result.part == "III"
    assert "58 mill. kr (56 mill. kr + opsjon 2 mill. kr)" in result.headline
    assert all("spriker" not in a for a in result.assumptions)


@pytest.mark.parametrize(("total", "expected", "differ"), [("2,6 mill.", 2_600_000, False), ("3 mill.", 3_000_000, True)])
def test_a_stated_total_beside_the_parts_agrees_or_the_higher_counts(total, expected, differ):
    out = extract_case(f"Vi kjøper lisenser for 600 000 kr pluss drift 500 000 kr per år i 4 år, totalt {total}")
    assert out.values["estimated_value_nok"] == expected
    notes = [n for k, n in out.notes if k == "estimated_value_nok"]
    assert "2 600 000 kr = 600 000 kr + 2 000 000 kr (500 000 kr per år × 4 år)" in notes[0]
    assert any("er ulike" in n for n in notes) is differ


@pytest.mark.parametrize(("text", "keys"), [
    ("Municipality buying IT support for about NOK 700,000 a year excl. VAT for three years plus a one-year extension "
     "option.", {"value_per_period_nok": 700_000, "value_period": "year", "option_months": 12}),
    ("Kommunen kjøper IT-støtte for 700 000 kr i året i tre år pluss ett års opsjon.",
     {"value_per_period_nok": 700_000, "duration_months": 36, "option_months": 12}),
    ("The framework is worth NOK 1,250,000 in total.", {"estimated_value_nok": 1_250_000}),
    ("Kommunen kjøper for 1,500 mill. kr.", {"estimated_value_nok": 1_500_000}),
])
def test_english_thousands_commas_periods_and_a_one_year_option_are_read(text, keys):
    values = extract_case(text).values
    assert {k: values.get(k) for k in keys} == keys, values


def test_an_english_yearly_amount_with_its_term_and_option_is_valued_over_the_whole_term():
    from advisor.assessment import assess
    from advisor.config import Settings

    extraction = extract_case("Municipality buying IT support for about NOK 700,000 a year excl. VAT for two years plus "
                              "a one-year extension option.")
    result = assess(extraction.values, Settings())
    assert result.contract_value.total_nok == 2_100_000  # 3 years, not the 4 assumed when no term is read
