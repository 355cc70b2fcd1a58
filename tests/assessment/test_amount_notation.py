"""Ways of writing amounts and terms that buyers use: the accountant's thousands mark, counted options, English terms,
and lots labelled by what they buy."""

from __future__ import annotations

import pytest

from advisor.assessment import extract_case
from advisor.assessment.amounts import read_amounts, read_term


@pytest.mark.parametrize(("text", "values"), [
    ("kontorstoler kr 600', pulter kr 450' og møbler kr 380', alt eks. mva.", [600_000, 450_000, 380_000]),
    ("ca. 450' kr i året", [450_000]),
    ("budsjett kr 1 200’", [1_200_000]),
    # Without a currency the mark is not read as thousands: a length, a quote.
    ("Skjermen er 32' bred", []),
    ("'Prosjekt 2024' koster kr 300 000", [300_000]),
])
def test_the_thousands_mark_needs_a_currency(text, values):
    amounts, _ = read_amounts(text)
    assert [a.value for a in amounts] == values


@pytest.mark.parametrize(("text", "base", "options"), [
    ("NOK 350,000 per year, 3-year base term plus two optional one-year extensions.", 36, 24),
    ("a two-year contract with 2 one-year extension options", 24, 24),
    ("a four-year framework agreement", 48, None),
    ("avtale på tre år med to opsjoner på ett år", 36, 24),
    ("avtale på to år med to ettårige opsjoner", 24, 24),
    ("avtale på 2 år med opsjon på 1 + 1 år", 24, 24),
])
def test_counted_options_and_english_terms(text, base, options):
    term = read_term(text)
    assert (term.duration_months, term.option_months) == (base, options)


def test_lots_labelled_by_what_they_buy_are_added_when_the_text_counts_them():
    case = extract_case("Direktoratet skal kjøpe møbler i tre delkontrakter: kontorstoler kr 600', hev/senk-pulter "
                        "kr 450' og møteromsmøbler kr 380', alt eks. mva.")
    assert case.values["estimated_value_nok"] == 1_430_000
    # Without a count of lots or units, two labelled amounts stay apart.
    single = extract_case("Vi kjøper kontorstoler for 600 000 kr, og pulter fra en annen avtale for 450 000 kr.")
    assert single.values.get("estimated_value_nok") != 1_050_000


@pytest.mark.parametrize(("text", "value", "period"), [
    ("budsjettet er rundt to komma seks millioner kroner inkludert moms", 2_600_000, None),
    ("anslått kostnad én million åtte hundre tusen kroner i året", 1_800_000, "year"),
    ("to og en halv million kroner", 2_500_000, None),
    ("hundre og femti tusen kroner", 150_000, None),
    ("en halv million kr", 500_000, None),
    ("tolv millioner kr eks. mva.", 12_000_000, None),
    ("opsjon i 5 år à 110 000 kr/år", 110_000, "year"),
    ("leie 20 000 kr/mnd", 20_000, "month"),
])
def test_amounts_in_words_and_per_period_slashes(text, value, period):
    amounts, _ = read_amounts(text)
    assert [(a.value, a.period) for a in amounts] == [(value, period)]


def test_words_for_a_count_are_not_money():
    assert read_amounts("Kommunen har tre millioner innbyggere og fem tusen ansatte.")[0] == []


def test_an_option_priced_per_year_runs_for_its_own_term():
    case = extract_case("Vi skal bytte pumper for ca 4,1 mill eks mva, og vil ha opsjon på serviceavtale i 5 år "
                        "à 110 000 kr/år.")
    assert case.values["estimated_value_nok"] == 4_650_000
