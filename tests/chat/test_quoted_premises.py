"""Premises inside a rules question that the answer must correct, in wording of our own: a threshold the buyer quotes
from an old document (the 2022–2024 values, or another figure) is corrected by the threshold data, first when the
verdict turns on it; a purchase the buyer wants to split to stay under a threshold gets the ban first and then the
verdict on the whole value."""

from __future__ import annotations

import pytest

from advisor.assessment import assess, extract_case, load_thresholds
from advisor.chat import ask
from advisor.chat.facts import read_facts
from advisor.chat.rules import is_rules_question, quoted_threshold
from advisor.search import open_index


@pytest.fixture(scope="module")
def index(corpus_hash_settings):
    return open_index(corpus_hash_settings)


def _result(text, settings):
    return assess(extract_case(text).values, settings)


def test_the_previous_values_are_in_the_threshold_data_and_never_the_values_in_force():
    table = load_thresholds()
    state = table["eea_state_goods_services"]
    assert state.previous_nok == 1_400_000 and state.previous_period == "2022–2024"
    assert state.value_nok == 1_490_000
    assert table["eea_works"].previous_nok == 56_000_000
    assert table["national"].previous_nok is None  # unchanged in 2024: nothing to call outdated


@pytest.mark.parametrize(("text", "expected"), [
    # the old state value, and the verdict turns on it (1,45 is over 1,4 but under 1,49)
    ("Direktoratet kjøper møbler for 1,45 mill. kr. Veilederen sier at EØS-terskelen er 1,4 mill. kr.", (1_400_000, True)),
    # an old value that does not change the verdict (5 mill. is over both)
    ("Direktoratet kjøper møbler for 5 mill. kr. Terskelverdien er 1,4 mill. kr, så vi må i TED?", (1_400_000, False)),
    # a figure the buyer got wrong, not an old value
    ("Direktoratet kjøper møbler for 1,7 mill. kr. Terskelen for staten er 1,8 millioner.", (1_800_000, True)),
    # the right threshold, and comparisons, quote nothing
    ("Direktoratet kjøper møbler for 1,7 mill. kr. Terskelen er 1,49 mill. kr.", None),
    ("Direktoratet kjøper møbler for 1,7 mill. kr, som er over terskelen.", None),
    ("Direktoratet kjøper møbler for 1,7 mill. kr. Vi ligger over terskelen med 200 000 kr.", None),
])
def test_a_quoted_threshold_is_read_only_when_it_is_wrong(corpus_hash_settings, text, expected):
    result = _result(text, corpus_hash_settings)
    assert quoted_threshold(text, result, extract_case(text).values.get("estimated_value_nok")) == expected


def test_an_outdated_threshold_that_turns_the_verdict_is_corrected_first(corpus_hash_settings, index):
    question = ("Vi er et direktorat og skal kjøpe kontormøbler for 1,45 mill. kr ekskl. mva. Ifølge vår interne "
                "veileder er EØS-terskelen for statlige 1,4 mill., så vi forbereder åpen anbudskonkurranse etter "
                "del III. Er det riktig?")
    answer = ask(question, index, corpus_hash_settings)
    first = answer.text.split(" [")[0]
    assert answer.route == "rules"
    assert first.startswith("Nei:") and "1,49 mill. kr" in first and "1,4 mill. kr" in first and "2022–2024" in first
    assert "Del I og II gjelder" in answer.text
    assert answer.citations[0].doc_id == "guide-terskelverdier"


def test_the_english_correction_names_the_period_the_old_value_belongs_to(corpus_hash_settings, index):
    question = ("We are a state agency buying furniture for NOK 1.45 million. Our handbook says the EEA threshold for "
                "state bodies is NOK 1.4 million, so we plan a Part III procedure. Is that right?")
    first = ask(question, index, corpus_hash_settings).text.split(" [")[0]
    assert first.startswith("No:") and "NOK 1.49 million" in first and "2022–2024" in first


def test_an_outdated_threshold_that_does_not_turn_the_verdict_follows_it(corpus_hash_settings, index):
    question = "Vi er en kommune og kjøper renhold for 5 mill. kr. Terskelverdien er 2,2 mill. Hvilken del gjelder?"
    text = ask(question, index, corpus_hash_settings).text
    sentences = text.split(". ")
    assert sentences[0].startswith("Del I og III gjelder")
    assert "Merk: EØS-terskelverdien" in text and "ikke 2,2 mill. kr" in text


@pytest.mark.parametrize("question", [
    "Er det lov å dele opp kjøpene for å holde oss under terskelverdien når hver bestilling er på under 100 000 kr?",
    "Kan vi splitte avtalen i to så vi slipper å kunngjøre?",
    "Can we split the purchase to stay below the threshold?",
])
def test_splitting_without_a_value_of_the_whole_is_no_rules_question(question):
    assert not is_rules_question(question, read_facts(question))


def test_splitting_a_stated_purchase_gets_the_ban_first_then_the_part_of_the_whole(corpus_hash_settings, index):
    question = "Vi skal rehabilitere fire barnehager for 64 mill. kr. Kan vi dele det opp i fire kontrakter for å unngå EØS-reglene?"
    answer = ask(question, index, corpus_hash_settings)
    sentences = answer.text.split(" [")
    assert answer.route == "rules"
    assert sentences[0].startswith("Nei: dere kan ikke dele opp")
    assert "Del I og III gjelder" in answer.text and "57,8 mill. kr" in answer.text


def test_a_split_order_question_gets_the_ban_from_the_card(corpus_e5_settings):
    # e5: the card on splitting is matched by meaning, as in the product
    question = ("Vi kjøper kopipapir fra samme leverandør hver måned, og hver ordre er på under 100 000 kr. Er det lov "
                "å dele opp kjøpene slik for å slippe å konkurranseutsette?")
    answer = ask(question, open_index(corpus_e5_settings), corpus_e5_settings)
    assert answer.route == "card" and answer.text.startswith("Nei")
    assert "dele opp" in answer.text.split(". ")[0]
