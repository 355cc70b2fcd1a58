"""Round 15 review mends: the figures of a scene are left out by the spans read_amounts finds; the deadline verdicts
are one bilingual table; the ground of a question is read by one clause pattern (premises.GROUND_CLAUSE)."""

from __future__ import annotations

import pytest

from advisor.chat import rules
from advisor.chat.conversation import without_figures
from advisor.chat.premises import GROUND_CLAUSE


@pytest.mark.parametrize(("scene", "left"), [
    ("Før vi kunngjør kjøpet av et arkivsystem til cirka 3,2 mill. kr ekskl. mva., vil vi snakke med to firmaer.",
     "Før vi kunngjør kjøpet av et arkivsystem, vil vi snakke med to firmaer."),
    ("Etaten leier inn vakthold for 450 000 kroner i året.", "Etaten leier inn vakthold."),
    ("We buy cleaning worth about NOK 2 million, and want to meet one firm.", "We buy cleaning, and want to meet one firm."),
    ("Budsjettet er 2 mill. kr.", "Budsjettet er 2 mill. kr."),  # a figure with no preposition before it stays
])
def test_a_scene_loses_only_its_figure_phrases(scene, left):
    assert without_figures(scene) == left


def test_every_deadline_verdict_has_both_languages_and_the_days():
    for english, bokmal in rules._DEADLINE_VERDICTS.values():
        assert english.startswith(("Yes", "No")) and bokmal.startswith(("Ja", "Nei"))
        assert english.startswith("Yes") == bokmal.startswith("Ja")
        assert "{days}" in english and "{days}" in bokmal


@pytest.mark.parametrize(("named", "days", "buyer", "agreed", "case"), [
    ("restricted", 28, None, False, "restricted_meets"),
    ("restricted", 14, "state", True, "restricted_state_short"),
    ("restricted", 14, None, False, ""),  # the buyer decides, and none is stated
    ("restricted", 6, "municipal", True, "restricted_agreed"),
    ("restricted", 12, "municipal", False, "restricted_ten"),
    ("restricted", 7, "municipal", False, "restricted_under_ten"),
    ("open", 40, None, False, "open_meets"),
    ("open", 10, None, False, "open_under_urgent"),
    ("open", 31, None, False, "open_electronic"),
    ("open", 20, None, False, "open_short"),
    ("negotiated", 30, None, False, ""),
])
def test_the_deadline_case_follows_days_buyer_and_agreement(named, days, buyer, agreed, case):
    assert rules._deadline_case(named, days, buyer, agreed) == case
    assert case == "" or case in rules._DEADLINE_VERDICTS


@pytest.mark.parametrize(("sentence", "ask"), [
    ("Siden totalen er under terskelen, kan vi vel kjøpe direkte?", "kan vi vel kjøpe direkte?"),
    ("Ettersom vi er et kommunalt foretak, må vi kunngjøre?", "må vi kunngjøre?"),
    ("Since we are a small buyer, may we skip the notice?", "may we skip the notice?"),
])
def test_one_clause_pattern_reads_the_ground(sentence, ask):
    ground = GROUND_CLAUSE.match(sentence)
    assert ground is not None and sentence[ground.end():] == ask
