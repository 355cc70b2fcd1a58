"""A long question told as a story is also matched to a card clause by clause, but only to a card the whole question
ranks near the top: a clause alone may match a card the question is not about."""

from __future__ import annotations

import pytest

from advisor.search import match_card, open_index, rank_cards
from advisor.search.cards import LONG_QUESTION_TERMS, clauses
from advisor.text import query_terms


def test_clauses_part_a_long_question_at_punctuation_conjunctions_and_a_modal_after_a_premise():
    windows = clauses("Siden regelen ble endret i fjor kan vi vel velge fritt, eller hva? Vi er usikre.")
    assert "Siden regelen ble endret i fjor" in windows
    assert "kan vi vel velge fritt" in windows
    assert "Vi er usikre." in windows
    assert all(w != "Siden regelen ble endret i fjor kan vi vel velge fritt, eller hva? Vi er usikre." for w in windows)


@pytest.fixture(scope="module")
def index(corpus_e5_settings):
    return open_index(corpus_e5_settings)


STORY = ("Vi har hatt den samme trygghetsalarmen på sykehjemmet i mange år, og nå tenker vi å skrive inn "
         "modellnavnet på den i kravspesifikasjonen igjen, så slipper de ansatte å lære noe nytt. Går det an?")


def test_a_story_question_finds_the_card_one_clause_asks_for(corpus_e5_settings, index):
    assert len(query_terms(STORY, "nb")) >= LONG_QUESTION_TERMS
    whole = rank_cards(STORY, index, corpus_e5_settings, lang="nb")
    assert whole[0].score < corpus_e5_settings.answer.card_min_score  # the whole question reaches no card
    match = match_card(STORY, index, corpus_e5_settings, lang="nb")
    assert match is not None and match.card.id == "merkenavn"


def test_a_clause_cannot_pick_a_card_the_whole_question_does_not_rank_near_the_top(corpus_e5_settings, index):
    story = ("Helseforetaket vil betale tre små selskaper for å lage hver sin prototyp av en fallsensor til "
             "sengepostene, uten å love noe kjøp etterpå. Faller det utenfor anskaffelsesregelverket?")
    match = match_card(story, index, corpus_e5_settings, lang="nb")
    assert match is None or match.card.id != "prinsipper-loa-4"


def test_a_short_question_is_not_matched_by_its_clauses(corpus_e5_settings, index):
    question = "Går det an å skrive merkenavn, og hva med eller tilsvarende?"
    assert len(query_terms(question, "nb")) < LONG_QUESTION_TERMS


def test_a_story_that_ends_in_a_choice_between_two_procedures_gets_the_card_on_that_choice(corpus_e5_settings, index):
    story = ("Vi er en liten kommune som vil få ned antall fallulykker blant eldre som bor hjemme, men vi vet ikke om "
             "noe slikt finnes i markedet ennå, og budsjettet er stramt. Konkurransepreget dialog eller "
             "innovasjonspartnerskap?")
    match = match_card(story, index, corpus_e5_settings, lang="nb")
    assert match is not None and match.card.id == "kpd-vs-ip"
