"""Readings added in wave 11 from the kinds of wording in the third seen notice set (dev3): totals that name the
options they include, a total after «årlig», an option priced in a sentence of its own, ministries whose name starts
with «Kommunal-», figurative «bygge», study and collection work as services, child welfare measures, renewals, one
year's extension, calendar periods, and water and wastewater named among a buyer's sectors. The sentences are
written for these tests, not taken from the notices."""

from __future__ import annotations

import pytest

from advisor.assessment import extract_case
from advisor.assessment.amounts import read_term


def _values(text: str) -> dict:
    return extract_case(text).values


def test_total_naming_its_options_wins_over_the_base_figure():
    v = _values("Oppdraget er beregnet til totalt kr 1 800 000 eks. mva. for grunnperioden. Anslått totalverdi "
                "inkludert opsjonene er kr 2 600 000 eks. mva.")
    assert v["estimated_value_nok"] == 2_600_000
    assert not v.get("options_value_nok")


def test_framework_ceiling_for_call_offs_is_the_total():
    v = _values("Forbruket anslås til 3 MNOK i året, totalt 12 MNOK over fire år. Avtalen åpner for uttak på inntil "
                "25 MNOK eks. mva.")
    assert v["estimated_value_nok"] == 25_000_000


def test_total_after_a_yearly_figure_is_not_per_year():
    v = _values("Omfanget er anslått til 1,5 MNOK årlig, totalt 6 MNOK eks. mva. med opsjoner.")
    assert v["estimated_value_nok"] == 6_000_000
    assert v["value_per_period_nok"] == 1_500_000


def test_option_priced_in_its_own_sentence_is_added():
    v = _values("Rammen for oppdraget er 600 000 kr eks. mva. Oppdragsgiver har i tillegg en opsjon på en "
                "utvidelse på 250 000 kr.")
    assert v["estimated_value_nok"] == 600_000
    assert v["options_value_nok"] == 250_000


@pytest.mark.parametrize("text", [
    # the stated value says it includes the option
    "Verdien inkludert opsjon er 850 000 kr eks. mva. Opsjonen gjelder en utvidelse på 250 000 kr.",
    # a base and the option that add up to the stated value: the option is already in it
    "Anslått verdi er 2 000 000 – 5 000 000 kr. Av dette er grunnoppdraget 3 000 000 kr. En eventuell opsjon "
    "utgjør inntil 2 000 000 kr.",
])
def test_option_already_in_the_stated_value_is_not_added_again(text):
    assert not _values(text).get("options_value_nok")


@pytest.mark.parametrize("name", ["Kommunal- og distriktsdepartementet", "Kommunal- og moderniseringsdepartementet"])
def test_ministry_named_after_the_municipal_field_is_state(name):
    assert _values(f"{name}: Utredning om lokaldemokrati. Oppdraget gjelder en analyse.")["buyer"] == "state"


def test_municipality_is_still_municipal():
    assert _values("Kommunen skal kjøpe rådgivning innen arealplan.")["buyer"] == "municipal"


def test_building_competence_is_not_works():
    v = _values("Instituttet skal bygge kompetanse på statistiske metoder og leie inn konsulenter.")
    assert v.get("category") != "works"


def test_building_a_school_is_still_works():
    assert _values("Kommunen skal bygge ny skole på tomten.")["category"] == "works"


@pytest.mark.parametrize("text", [
    "Bydelen ønsker en kartlegging av fritidstilbudet.",
    "Etaten trenger bistand til data og analyse.",
    "Selskapet lyser ut innsamling av næringsavfall i regionen med egne kjøretøy.",
])
def test_study_and_collection_work_are_services(text):
    assert _values(text)["category"] == "services"


def test_child_welfare_measures_are_health_and_social_services():
    v = _values("Kommunen vil etablere en dynamisk innkjøpsordning for hjelpetiltak til familier.")
    assert v["health_social_services"] is True


@pytest.mark.parametrize(("text", "options"), [
    ("Avtalen varer i 3 år, med mulighet for fornyelse i ytterligere 1 + 1 år.", 24),
    ("Kontrakten gjelder i ett år med mulighet for ett års forlengelse.", 12),
])
def test_renewals_and_one_year_extensions_are_options(text, options):
    assert read_term(text).option_months == options


def test_a_calendar_period_gives_the_term():
    assert read_term("Det settes av midler i perioden 2024 - 2027 til oppdraget.").duration_months == 48


def test_a_stated_term_wins_over_a_calendar_period():
    assert read_term("Avtalen gjelder for 2 år, i perioden 2024 - 2027 medregnet opsjoner.").duration_months == 24


def test_water_among_the_buyers_sectors_is_not_the_water_supply():
    v = _values("Rammeavtale på verneklær til ansatte i barnehage, skole, renhold, vei, vann og avløp, helse og "
                "kjøkken.")
    assert v.get("regime") != "utilities"


def test_water_and_wastewater_as_the_activity_is_still_utilities():
    assert _values("Kommunen skal kjøpe rådgivning innen vann og avløp.")["regime"] == "utilities"


def test_a_yearly_value_called_total_stays_yearly():
    v = _values("Årlig verdi er totalt ca. 3 mill. kr for alle enhetene.")
    assert v["value_per_period_nok"] == 3_000_000
    assert v["value_period"] == "year"
