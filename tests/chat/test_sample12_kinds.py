"""Kinds of question blind sample 12's grader found answered wrong, in our own wording (not the sample's)."""

from __future__ import annotations

import pytest

from advisor.assessment import extract_case
from advisor.chat.plan import plan_question


def test_two_question_marks_are_two_questions_however_the_first_opens():
    plan = plan_question("Vi kjøper dagtilbud for 2 mill. i året i fire år. Siden det er over terskelen, må vi vel "
                         "kunngjøre i TED? Og kan vi bare spørre stiftelser?")
    assert plan.parts == ["Siden det er over terskelen, må vi vel kunngjøre i TED?", "Kan vi bare spørre stiftelser?"]


def test_one_question_opening_with_a_condition_stays_one():
    question = "Siden vi er en kommune, må vi bruke åpen anbudskonkurranse og kunngjøre på Doffin?"
    assert plan_question(question).parts == [question]


@pytest.mark.parametrize("text", [
    "Kommunen skal kjøpe et bemannet botilbud for tre ungdommer, 4 mill. kr i året.",
    "Vi trenger døgnbemannet bolig med oppfølging for personer med psykiske lidelser.",
    "Avtalen gjelder støttekontakter for rusavhengige i to år.",
])
def test_staffed_homes_and_care_named_by_whom_it_serves_are_health_and_social_services(text):
    assert extract_case(text).values.get("health_social_services") is True


@pytest.mark.parametrize("text", [
    "Kommunen skal bygge et nytt botilbud med seks leiligheter for 40 mill. kr.",  # works
    "Vi skal kjøpe senger og skap til botilbudet for 700 000 kr.",  # goods for the place
])
def test_building_or_furnishing_a_staffed_home_is_not_buying_the_service(text):
    assert extract_case(text).values.get("health_social_services") is not True


def test_can_this_be_done_keeps_the_scene_it_points_to():
    plan = plan_question("Vi vil betale to firmaer for å lage hver sin prototyp av en ny sensor. Kan dette gjøres uten "
                         "konkurranse, og hvem eier resultatet?")
    assert plan.parts[0].startswith("Vi vil betale to firmaer") and plan.parts[0].endswith("Kan dette gjøres uten konkurranse?")
