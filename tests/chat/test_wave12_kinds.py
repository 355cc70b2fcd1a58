"""Kinds of question found by a self-made set of buyer questions (round 12), each in wording of our own: a direct
purchase in part I is allowed without a notice but not free of the principles; a claimed threshold beside «et kjøp på
X» still gets the verdict on the purchase; the length of the standstill period, the difference between the part II and
part III procedures, and price as the only award criterion each get a card that answers them."""

from __future__ import annotations

import pytest

from advisor.chat import ask
from advisor.chat.facts import read_facts
from advisor.chat.rules import is_rules_question
from advisor.search import open_index


@pytest.fixture(scope="module")
def index(corpus_hash_settings):
    return open_index(corpus_hash_settings)


def test_a_direct_purchase_in_part_i_keeps_the_principles_in_its_yes(corpus_hash_settings, index):
    answer = ask("Er det greit at skolen kjøper direkte fra én leverandør for 350 000 kroner?", index,
                 corpus_hash_settings)
    first = answer.text.split("[")[0]
    assert first.startswith("Ja") and "konkurranseprinsippet" in first and "del I" in first


def test_asking_no_other_supplier_is_a_direct_purchase(corpus_hash_settings, index):
    answer = ask("Kan vi kjøpe inn kontorstoler for 250 000 kr uten å spørre andre leverandører?", index, corpus_hash_settings)
    assert "konkurranseprinsippet" in answer.text.split("[")[0]


def test_a_claimed_threshold_beside_a_purchase_on_a_value_is_a_rules_question():
    question = "Statens terskel er vel 1,3 mill., så et innkjøp på 1,42 mill. må i TED?"
    assert is_rules_question(question, read_facts(question))


def test_a_claimed_state_threshold_is_corrected_and_the_notice_answered(corpus_hash_settings, index):
    answer = ask("Terskelverdien for statlige etater er 1,3 millioner, så må en kontrakt på 1,45 mill. ut i TED?",
                 index, corpus_hash_settings)
    assert answer.route == "rules"
    assert "1,49 mill. kr" in answer.text.split("[")[0]
    assert "Del I og II gjelder" in answer.text


@pytest.mark.parametrize("question, must", [
    ("Hvor mange dager er karensperioden?", "10 dager"),
    ("Er en tilbudskonkurranse det samme som en anbudskonkurranse?", "prosedyren i del III"),
    ("Kan laveste pris være eneste tildelingskriterium?", "7-9"),
])
def test_the_cards_answer_kinds_the_sample_missed(corpus_hash_settings, index, question, must):
    answer = ask(question, index, corpus_hash_settings)
    assert answer.route == "card"
    assert must in answer.text
