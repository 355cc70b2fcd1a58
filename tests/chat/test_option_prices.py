"""An option's price given for each option period («à», «hver», «per år», «each», «a year») counts once for every
period (FOA § 5-4: the value is the whole term with all options, excl. VAT); an option given as one figure is added
once; and «hver» of a price does not make the question one about splitting a purchase."""

from __future__ import annotations

import pytest

from advisor.assessment import extract_case
from advisor.chat import ask
from advisor.chat.facts import read_facts
from advisor.search import open_index


@pytest.fixture(scope="module")
def index(corpus_hash_settings):
    return open_index(corpus_hash_settings)


@pytest.mark.parametrize(("text", "total"), [
    ("Et direktorat skal inngå en kontrakt på 1,2 mill. kr med opsjon på to år til à 500 000 kr.", 2_200_000),
    ("Et direktorat skal inngå en kontrakt på 1,2 mill. kr, og opsjonene verdt 500 000 kr hver i to år.", 2_200_000),
    ("Kontrakta er på 1,2 mill. kr, med opsjon på to år til à 500 000 kr kvar.", 2_200_000),
    ("Kontrakten er på 1,2 mill. kr med opsjon på to år til 500 000 kr per år.", 2_200_000),
    ("Kontrakten er på 1,2 mill. kr med opsjon på tre år til 400 000 kr pr. år.", 2_400_000),
    ("Avtalen er på 2 år for 1 mill. kr, pluss opsjon på 1 + 1 år à 300 000 kr.", 1_600_000),
    ("Kontrakten er på 1 mill. kr og to opsjoner à 250 000 kr.", 1_500_000),
    ("A state agency will sign a contract worth NOK 1.2 million with an option of two more years worth NOK 500,000 "
     "each.", 2_200_000),
    ("The contract is worth NOK 1.2 million plus an option of two more years at NOK 500,000 a year.", 2_200_000),
    ("The contract is worth NOK 1.2 million plus two options of NOK 300,000 each.", 1_800_000),
])
def test_an_option_price_per_period_counts_for_every_period(text, total):
    values = extract_case(text).values
    assert values["estimated_value_nok"] == total
    assert "×" in values["value_parts"]


@pytest.mark.parametrize(("text", "total"), [
    ("Kommunen skal inngå en avtale på 800 000 kr, pluss en opsjon verdt 300 000 kr.", 1_100_000),
    ("Avtalen er på 900 000 kr med opsjon på ett år til 400 000 kr.", 1_300_000),
    ("Avtalen er på 900 000 kr med opsjon på to år til 400 000 kr.", 1_300_000),  # no «à»: one figure for both years
    ("The contract is worth NOK 1.2 million with an option worth NOK 400,000.", 1_600_000),
    ("Kontrakten er på 1 mill. kr med opsjon på ett år til à 400 000 kr.", 1_400_000),  # one period: counted once
])
def test_an_option_given_as_one_figure_is_added_once(text, total):
    values = extract_case(text).values
    assert values["estimated_value_nok"] == total
    assert "×" not in values["value_parts"]


@pytest.mark.parametrize("text", [
    "Kontrakten er på 3 mill. kr med opsjon på 2 år, totalt 5 mill. kr.",
    "The contract is NOK 3 million including an option of NOK 1 million.",
])
def test_a_total_that_restates_the_options_is_not_a_new_part(text):
    values = extract_case(text).values
    assert "value_parts" not in values
    assert values["estimated_value_nok"] in (5_000_000, 3_000_000)


def test_an_english_option_of_more_years_is_read_as_the_option_term():
    assert read_facts("A contract of NOK 1 million with an option of two more years.").values["option_months"] == 24


@pytest.mark.parametrize(("question", "start"), [
    ("Et direktorat skal inngå en kontrakt på 1,2 mill. kr med opsjon på to år til à 500 000 kr. Hvilken del gjelder?",
     "Del I og III"),
    ("Et direktorat skal inngå en kontrakt på 1,2 mill. kr, og opsjonene verdt 500 000 kr hver i to år. Hvilken del "
     "gjelder?", "Del I og III"),
])
def test_the_part_follows_the_value_with_every_option_period(corpus_hash_settings, index, question, start):
    answer = ask(question, index, corpus_hash_settings)
    assert answer.route == "rules"
    assert not answer.text.startswith("Nei"), answer.text  # «hver» of an option price asks nothing about splitting
    assert "legge sammen beløpene" not in answer.text
    assert start in answer.text and "2,2 mill. kr" in answer.text, answer.text


def test_an_english_option_price_each_gives_parts_one_and_three(corpus_hash_settings, index):
    answer = ask("A state agency will sign a contract worth NOK 1.2 million with an option of two more years worth "
                 "NOK 500,000 each. Which part applies?", index, corpus_hash_settings)
    assert answer.route == "rules"
    assert "Parts I and III" in answer.text and "2.2 million" in answer.text, answer.text
    assert not answer.text.startswith("No,")


def test_splitting_a_contract_with_options_is_still_answered_when_asked(corpus_hash_settings, index):
    answer = ask("Kommunen har en kontrakt på 1 mill. kr pluss opsjon på to år til à 300 000 kr. Kan vi dele opp "
                 "kontrakten og opsjonene for å holde oss under terskelen?", index, corpus_hash_settings)
    assert "1,6 mill. kr" in answer.text, answer.text
    assert "legge sammen" in answer.text or "regnes sammen" in answer.text, answer.text
