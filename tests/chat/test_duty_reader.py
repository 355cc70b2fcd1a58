"""One reader of duties: the verdict sentences the premises turn and the claims of duty the rules read share the
words of duty and their negation."""
from __future__ import annotations

import pytest

from advisor.chat import premises, rules
from advisor.chat.duty import asserts_duty, duty_before, duty_lifted


def test_premises_and_rules_use_the_same_reader():
    assert premises.asserts_duty is asserts_duty
    assert rules.duty_before is duty_before and rules.duty_lifted is duty_lifted


@pytest.mark.parametrize(("sentence", "duty"), [
    ("etaten er pålagt å kunngjøre dette", True),
    ("det er obligatorisk å bruke skjemaet", True),
    ("dere trenger ikke å kunngjøre", False),
    ("det er ikke krav om kunngjøring her", False),
    ("you don't have to publish a notice", False),
    ("dere kan ikke se bort fra plikten", True),
    ("fristen er tretti dager", None),
])
def test_a_sentence_says_the_duty_holds_or_is_lifted(sentence, duty):
    assert asserts_duty(sentence) is duty


def test_a_claimed_duty_is_read_before_what_it_binds():
    assert duty_before("Vi er vel nødt til å bruke ")
    assert not duty_before("Vi må kjøpe ti maskiner, og vi har lyst til å bruke ")
    assert duty_lifted("Skal vi ikke bruke åpen anbudskonkurranse?")
    assert not duty_lifted("Vi må vel bruke åpen anbudskonkurranse?")


def test_a_negated_claim_of_duty_names_no_procedure_claim():
    assert rules.asked_procedure("Vi må vel alltid bruke åpen anbudskonkurranse?") == ("open", True)
    assert rules.asked_procedure("Må vi ikke bruke åpen anbudskonkurranse?") is None
