"""Round 17: a message about a purchase that reports someone's claim and asks whether it holds gets the card that
answers the claim first, then the rules on the purchase (before, the stated value sent the whole message to the rules
and the claim went unanswered)."""

from __future__ import annotations

import pytest

from advisor.chat import ask
from advisor.chat.conversation import _CLAIM_CHECKED, _CLAIM_REPORTED
from advisor.search import open_index


@pytest.fixture(scope="module")
def index(corpus_e5_settings):
    return open_index(corpus_e5_settings)


@pytest.mark.parametrize(("message", "claim"), [
    ("Innkjøperen mener at vi kan forhandle om alt. Stemmer det?", "vi kan forhandle om alt"),
    ("Our finance director says we need no notice at all. Is that right?", "we need no notice at all"),
])
def test_the_claim_is_read_up_to_its_sentence_end(message, claim):
    assert _CLAIM_REPORTED.search(message).group("claim") == claim
    assert _CLAIM_CHECKED.search(message)


def test_a_claim_on_joining_a_framework_later_is_answered_before_the_part(corpus_e5_settings, index):
    answer = ask("Vi er vertskommune for fire kommuner og skal kunngjøre en rammeavtale på kontorrekvisita for to år med "
                 "opsjon på ett år, om lag 900 000 kr eks. mva. i året. Innkjøpslederen mener at andre kommuner kan bli "
                 "med i avtalen senere selv om de ikke står i kunngjøringen. Har hun rett, og hvilken del gjelder?",
                 index, corpus_e5_settings)
    first = answer.text.split(". ")[0]
    assert first.startswith("Nei"), answer.text
    assert "kunngjøringen" in first
    assert "Del I og III gjelder" in answer.text


def test_a_message_without_a_claim_keeps_the_rules_first(corpus_e5_settings, index):
    answer = ask("Vi er vertskommune for fire kommuner og skal kunngjøre en rammeavtale på kontorrekvisita for to år med "
                 "opsjon på ett år, om lag 900 000 kr eks. mva. i året. Hvilken del gjelder?", index, corpus_e5_settings)
    assert answer.text.startswith("Del I og III gjelder")


def test_a_claim_on_options_gets_no_worked_example_with_other_figures(corpus_e5_settings, index):
    answer = ask("Kommunen skal kjøpe renhold for 1,2 mill. kr eks. mva. i året, to år med opsjon på ett år. Kollegaen "
                 "mener at opsjonsåret ikke skal regnes med fordi vi kanskje ikke bruker det. Stemmer det, og hvilken "
                 "del gjelder?", index, corpus_e5_settings)
    assert "3,6 mill. kr" in answer.text
    assert "0,6 mill" not in answer.text and "2,4 mill" not in answer.text
