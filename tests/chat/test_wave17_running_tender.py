"""Round 17: a message that says an open or restricted procedure is already announced asks, in a later «kan vi
forhandle …?», whether it may negotiate inside that procedure: not a choice of the negotiated procedure under FOA
§ 13-2 (which would read as «Ja, hvis …»)."""

from __future__ import annotations

import pytest

from advisor.chat import ask
from advisor.chat.conversation import _running_tender
from advisor.search import open_index


@pytest.mark.parametrize(("scene", "running"), [
    ("Fylkeskommunen har kunngjort en åpen anbudskonkurranse om skoleskyss.", "åpen anbudskonkurranse"),
    ("Vi har lyst ut ei avgrensa anbodskonkurranse om brøyting.", "begrenset anbudskonkurranse"),
    ("We have announced an open procedure for cleaning services.", "åpen anbudskonkurranse"),
    ("Vi vurderer en åpen anbudskonkurranse om renhold.", ""),
    ("Vi har kunngjort en konkurranse med forhandling om ny nettside.", ""),
    # a failed procedure: negotiating afterwards may be lawful, so it is not read as negotiating inside it
    ("Vi kunngjorde en åpen anbudskonkurranse om brøyting, men fikk ingen tilbud.", ""),
    ("Vi har lyst ut en åpen anbudskonkurranse og har ikke mottatt et eneste tilbud.", ""),
])
def test_a_procedure_under_way_is_read_from_the_scene(scene, running):
    assert _running_tender(scene) == running


@pytest.fixture(scope="module")
def index(corpus_e5_settings):
    return open_index(corpus_e5_settings)


def test_negotiating_inside_an_announced_open_procedure_is_refused_not_allowed_on_grounds(corpus_e5_settings, index):
    answer = ask("Kommunen har kunngjort en åpen anbudskonkurranse etter del III om vintervedlikehold av veier, anslått "
                 "til 12 mill. kr eks. mva. Den beste leverandøren mangler to av de krevde brøytebilene. Kan vi "
                 "forhandle med leverandøren om hvor mange biler de stiller med?", index, corpus_e5_settings)
    assert "Ja, hvis minst ett av vilkårene" not in answer.text
    assert "Nei" in answer.text and "forhandl" in answer.text


def test_a_told_requirement_in_the_scene_is_no_topic_the_question_asks_about(corpus_e5_settings, index):
    from advisor.chat.scope import uncovered_topic
    question = ("Leverandøren mangler to av de krevde brøytebilene. Kan vi forhandle med leverandøren om antallet?")
    assert uncovered_topic(question, index, corpus_e5_settings, "nb") == ""
