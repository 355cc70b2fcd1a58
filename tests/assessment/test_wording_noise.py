"""Template noise a buyer trips over: a contract type asked about for obvious goods, an assumption shown where it
cannot change the answer, and «foreløpig» without its reason."""

import datetime as dt
import re

import pytest

from advisor.assessment import assess, extract_case

TODAY = dt.date(2025, 6, 1)


@pytest.mark.parametrize("text", [
    "Kommunen skal kjøpe nye bærbare PC-ar til lærarane for 1,8 mill. kr",
    "Vi skal anskaffe lærer-PCer for om lag 2 mill.",
    "Rammeavtale på verneklær og vernesko til driftsavdelingen, 700 000 kr i året",
    "Bytte sirkulasjonspumper i svømmehallen for 1,6 mill. eks mva",
    "Innkjøp av nye kontormøbler og hyller til rådhuset",
    "Vi trenger vinterdekk til tjenestebilene",
    "We are a county buying laptops for our teachers",
])
def test_common_goods_are_read_as_goods(text):
    assert extract_case(text).values.get("category") == "goods"


@pytest.mark.parametrize("text, category", [
    ("Renhold av skolene i kommunen, 3 mill. i året", "services"),
    ("Vi skal bygge ny barnehage til 40 mill.", "works"),
    ("Vi vil kjøpe konsulenttjenester til utredning", "services"),
])
def test_services_and_works_are_still_read_as_such(text, category):
    assert extract_case(text).values.get("category") == category


def test_the_operations_unit_in_the_municipality_names_the_buyer_but_a_named_municipality_is_a_place():
    assert extract_case("Rammeavtale på vernesko til driften i kommunen, 1 mill. i året").values.get("buyer") == "municipal"
    assert extract_case("Vi skal kjøpe ferjeskyss i Lyngdal kommune").values.get("buyer") is None


def test_unknown_contract_type_is_no_caveat_when_every_type_gives_the_same_part(settings):
    # 2 mill. kr for a municipality: part II whether goods, services (2,3 mill. kr) or works (57,8 mill. kr).
    a = assess({"estimated_value_nok": 2_000_000, "buyer": "municipal"}, settings, today=TODAY)
    assert a.part == "II"
    assert "bygg og anlegg" not in a.headline and "foreløpig" not in a.headline
    assert not any("Kontraktstype er ikke oppgitt" in s for s in a.assumptions)


def test_unknown_contract_type_is_a_caveat_where_works_would_change_the_part(settings):
    # 3 mill. kr: part III as goods or services, but part II as works.
    a = assess({"estimated_value_nok": 3_000_000, "buyer": "municipal"}, settings, today=TODAY)
    assert a.part == "III"
    assert a.headline.startswith("Del I og III gjelder foreløpig, forutsatt at kjøpet gjelder varer eller tjenester")
    assert any("Kontraktstype er ikke oppgitt" in s for s in a.assumptions)


def test_margin_is_a_plain_next_step_under_and_over_the_threshold(settings):
    under = assess({"estimated_value_nok": 2_150_000, "buyer": "municipal", "category": "goods"}, settings, today=TODAY)
    over = assess({"estimated_value_nok": 4_700_000, "buyer": "other", "category": "goods", "regime": "utilities"},
                  settings, today=TODAY)
    far = assess({"estimated_value_nok": 9_000_000, "buyer": "other", "category": "goods", "regime": "utilities"},
                 settings, today=TODAY)
    # Under: the threshold named by the part it leads to (no quoted table label), then the action.
    assert re.match(r"Verdien er 150 000 kr under terskelen for del III \(2,3 mill\. kr\): dokumenter hvordan", under.next_steps[0])
    assert over.next_steps[0].startswith(
        "Verdien er 100 000 kr over terskelen for del II i forsyningsforskriften (4,6 mill. kr): dokumenter")
    assert "«" not in over.next_steps[0]  # no quoted table label
    for a in (under, over):
        assert "R-NEAR-THRESHOLD" in a.rules_fired
    assert "R-NEAR-THRESHOLD" not in far.rules_fired


def test_vat_note_names_service_rates_only_where_services_may_be_bought(settings):
    goods = assess({"estimated_value_nok": 2_000_000, "amounts_include_vat": True, "buyer": "municipal", "category": "goods"},
                   settings, today=TODAY)
    unknown = assess({"estimated_value_nok": 2_000_000, "amounts_include_vat": True, "buyer": "municipal"},
                     settings, today=TODAY)
    assert not any("annen sats" in s for s in goods.assumptions)
    assert any("annen sats" in s for s in unknown.assumptions)


def test_a_contract_type_named_as_such_wins_over_the_goods_nouns():
    text = ("Kommunen skal montere varmepumper og batterier i tre barnehager. Arbeidet er et bygge- og anleggsarbeid "
            "til om lag 6 mill. kr.")
    assert extract_case(text).values.get("category") == "works"


def test_the_margin_is_given_as_data_for_wording_in_another_language(settings):
    under = assess({"estimated_value_nok": 2_150_000, "buyer": "municipal", "category": "goods"}, settings, today=TODAY)
    equal = assess({"estimated_value_nok": 2_300_000, "buyer": "municipal", "category": "goods"}, settings, today=TODAY)
    far = assess({"estimated_value_nok": 5_000_000, "buyer": "municipal", "category": "goods"}, settings, today=TODAY)
    assert (under.margin.side, under.margin.gap_nok, under.margin.threshold.value_nok) == ("under", 150_000, 2_300_000)
    assert (equal.margin.side, equal.margin.gap_nok) == ("over", 0)
    assert equal.next_steps[0].startswith("Verdien er lik terskelen for del III (2,3 mill. kr): dokumenter")
    assert far.margin is None


@pytest.mark.parametrize("text", [
    "Vi har lett på messer, men ikke funnet noen løsning som dekker behovet. Anslått verdi 9 mill. kr.",
    "We have not found any product that meets the need. Budget NOK 9 million.",
])
def test_what_the_buyer_looked_for_and_did_not_find_says_the_market_has_no_solution(text):
    assert extract_case(text).values.get("market_has_solution") == "no"


def test_a_solution_seen_on_the_market_is_not_read_as_none():
    assert extract_case("Vi har sett en løsning som dekker behovet hos en annen kommune.").values.get(
        "market_has_solution") != "no"
