"""Readings added in wave 12 from the kinds of wording in the fourth seen notice set (dev4): digit groups with spaces
and dots mixed, a limit for mini-competitions that is no value, the money of a project that the purchase only
studies, and several contracts each of one amount. The sentences are written for these tests, not taken from the
notices."""

from __future__ import annotations

import pytest

from advisor.assessment import extract_case
from advisor.assessment.amounts import read_amounts, read_term


def _values(text: str) -> dict:
    return extract_case(text).values


@pytest.mark.parametrize(("text", "expected"), [
    ("Rammen er kr 2 500.000 eks. mva.", 2_500_000),
    ("Budsjettet er inntil kr 3 750.000, - totalt.", 3_750_000),
    ("Verdien anslås til NOK 12 000.000,50.", 12_000_000),
    ("Rammen er kr 2.500.000 eks. mva.", 2_500_000),  # dots alone, as before
])
def test_spaces_and_dots_mixed_are_thousands(text, expected):
    assert [a.value for a in read_amounts(text)[0]] == [expected]


def test_limit_for_mini_competition_is_no_value():
    v = _values("Etaten skal inngå rammeavtaler for rådgivning i tre deler. For avrop over 300 000 kr blir det "
                "konkurranse mellom leverandørene. Avtalene varer i 2 år.")
    assert "estimated_value_nok" not in v


def test_limit_does_not_hide_the_real_value():
    v = _values("Anslått verdi er 4 mill. kr eks. mva. Ved kjøp over 200 000 kr gjennomføres minikonkurranse.")
    assert v["estimated_value_nok"] == 4_000_000


def test_budget_of_the_studied_project_is_not_the_studys_value():
    v = _values("Evaluering av et lokalt digitaliseringsprogram. Programmet ble startet i 2019 og har et budsjett på "
                "40 millioner kroner over fire år. Kommunen ønsker å vite om målene er nådd.")
    assert "estimated_value_nok" not in v


def test_studys_own_ceiling_is_kept_beside_the_projects_money():
    v = _values("Evaluering av et lokalt digitaliseringsprogram. Programmet har et budsjett på 40 millioner kroner. "
                "Oppdraget har en øvre ramme på 800 000 kr eks. mva.")
    assert v["estimated_value_nok"] == 800_000


def test_project_money_counts_when_the_purchase_is_no_study():
    v = _values("Drift av et besøkssenter. Prosjektet er budsjettert med 6 millioner kroner over tre år.")
    assert v["estimated_value_nok"] == 6_000_000


def test_option_sentence_about_the_project_still_counts():
    v = _values("Kartlegging av fremmede arter langs kysten. Øvre ramme for oppdraget er 300 000 kr eks. mva. "
                "Prosjektet har i tillegg en opsjon på 200 000 kr.")
    assert v["options_value_nok"] == 200_000


def test_several_contracts_of_one_amount_each_are_added():
    v = _values("Fylket lyser ut tre avtaler for næringsrådgivning på inntil kr 500 000 eks. mva.")
    assert v["estimated_value_nok"] == 1_500_000
    assert v["amounts_include_vat"] is False


def test_one_contract_of_an_amount_is_not_multiplied():
    v = _values("Fylket lyser ut en avtale for næringsrådgivning på inntil kr 500 000 eks. mva.")
    assert v["estimated_value_nok"] == 500_000


@pytest.mark.parametrize(("text", "months"), [
    ("Arbeidet gjøres i perioden mars 2024 - juni 2024.", 4),
    ("Oppdraget løper i perioden september 2023 til februar 2024.", 6),
    ("Varigheit på avtala vil være 2 år.", 24),
    ("Kommunen trenger biler i en periode på 2 år.", 24),
    ("Vi vil forlenge avtalen for ny 3 års periode.", 36),
    ("Studien er ventet å løpe over 3 år.", 36),
])
def test_term_wordings(text, months):
    assert read_term(text).duration_months == months


def test_option_said_twice_with_ensidig():
    term = read_term("Avtalen gjelder i 2 år med ytterligere 1 - ett års ensidig opsjon på forlengelse.")
    assert (term.duration_months, term.option_months) == (24, 12)


def test_former_county_governor_is_a_state_buyer():
    assert _values("Fylkesmannen i Innlandet: Rydding av kratt i et naturreservat.")["buyer"] == "state"


@pytest.mark.parametrize(("text", "category"), [
    ("Kommunen skal kjøpe tolv medisindispensere til hjemmetjenesten.", "goods"),
    ("Laboratoriet trenger to nye autoklaver.", "goods"),
    ("Fylket lyser ut bredbåndsutbygging i tre områder.", "works"),
])
def test_named_equipment_and_network_building(text, category):
    assert _values(text)["category"] == category


def test_vat_word_glued_to_kroner():
    v = _values("Rammen er 3 mill. kronereks. mva. for hele oppdraget.")
    assert v["amounts_include_vat"] is False


def test_items_each_with_the_same_value_words_are_summed():
    v = _values("Kjøpet gjelder: vaksine A, samlet verdi inntil 200 000 kr; vaksine B, samlet verdi inntil 450 000 kr; "
                "vaksine C, samlet verdi inntil 1 100 000 kr.")
    assert v["estimated_value_nok"] == 1_750_000


def test_same_figure_under_the_same_words_is_not_summed():
    v = _values("Estimert verdi 2 mill. kr eks. mva. Rammeavtalen gjelder i to år. Estimert verdi 2 mill. kr eks. mva.")
    assert v["estimated_value_nok"] == 2_000_000


def test_amounts_under_different_words_are_not_summed():
    v = _values("Estimert verdi er 900 000 kr. Estimert verdi inkludert opsjoner er 1 400 000 kr.")
    assert v["estimated_value_nok"] == 1_400_000
