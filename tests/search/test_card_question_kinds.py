"""Card matching rules that need no index: the kind of answer a question asks for, the shared content word, and the
number of paraphrases a card may have."""

from __future__ import annotations

import json

import pytest

from advisor.search.cards import (
    MAX_QUESTIONS,
    Card,
    CardError,
    CardMatch,
    CardSource,
    _kind_first,
    question_kind,
    read_card_file,
    shares_content_word,
)
from advisor.text import query_terms, text_terms


@pytest.mark.parametrize(("question", "kind"), [
    ("Hvordan setter vi sammen et evalueringsteam?", "how"),
    ("Korleis set vi opp ein plan for oppfølging?", "how"),
    ("How do we plan a supplier meeting?", "how"),
    ("Hvilke dokumenter hører med i konkurransegrunnlaget?", "which"),
    ("Kva for dokument må vere med?", "which"),
    ("What kinds of contracts exist?", "which"),
    ("Når må protokollen være ferdig?", "when"),
    ("Hvorfor bør vi dele opp kontrakten?", "why"),
    ("Må vi bruke elektronisk tilbudsinnlevering?", "verdict"),
    ("Is a site visit required?", "verdict"),
    ("Hvor mange dager har leverandørene på seg?", "amount"),
    ("Hva er en rammeavtale?", "what"),
    ("Hva skal til for at vi kan dele opp?", ""),
    # a story is read by its last question sentence
    ("Vi har et gammelt system. Brukerne er vant med det. Hvordan skriver vi kravene nå?", "how"),
    ("«Kan vi?» spør økonomisjefen. Hvilke regler gjelder?", "which"),
])
def test_the_kind_of_answer_is_read_from_how_the_question_opens(question, kind):
    assert question_kind(question) == kind


def _card(card_id: str, topic: str, *questions: str) -> Card:
    return Card(card_id, "Svar [1].", tuple(questions), (CardSource("doc"),), topic=topic)


LIST_CARD = _card("rammeavtale-typer", "avtaler", "Hvilke typer rammeavtaler finnes?", "Kva slag rammeavtalar er det?",
                  "Which kinds of framework agreements exist?")
STEPS_CARD = _card("rammeavtale-avrop", "avtaler", "Hvordan gjør vi avrop på en rammeavtale?",
                   "Korleis gjer vi avrop?", "How do we call off from a framework agreement?")
OTHER_TOPIC = _card("tilbudsfrist", "frister", "Hvordan setter vi tilbudsfristen?", "Korleis set vi fristen?",
                    "How do we set the deadline?")


def test_a_close_sibling_that_answers_the_asked_kind_comes_first():
    ranked = [CardMatch(LIST_CARD, 0.88, ""), CardMatch(STEPS_CARD, 0.86, "")]
    assert _kind_first("Hvordan bruker vi rammeavtalen vår?", ranked, 0.82)[0].card is STEPS_CARD


@pytest.mark.parametrize(("question", "ranked"), [
    # the best card already has a paraphrase of the kind
    ("Hvilke rammeavtaler kan vi velge?", [CardMatch(LIST_CARD, 0.88, ""), CardMatch(STEPS_CARD, 0.86, "")]),
    # the sibling is too far behind
    ("Hvordan bruker vi rammeavtalen vår?", [CardMatch(LIST_CARD, 0.93, ""), CardMatch(STEPS_CARD, 0.86, "")]),
    # the sibling is under the cut-off
    ("Hvordan bruker vi rammeavtalen vår?", [CardMatch(LIST_CARD, 0.83, ""), CardMatch(STEPS_CARD, 0.81, "")]),
    # a card on another topic is no sibling
    ("Hvordan bruker vi rammeavtalen vår?", [CardMatch(LIST_CARD, 0.88, ""), CardMatch(OTHER_TOPIC, 0.87, "")]),
    # «Hva er …?» opens too many kinds of question to decide between siblings
    ("Hva er poenget med rammeavtalen?", [CardMatch(STEPS_CARD, 0.88, ""), CardMatch(LIST_CARD, 0.87, "")]),
])
def test_the_order_is_kept_when_the_kind_cannot_decide(question, ranked):
    assert _kind_first(question, ranked, 0.82)[0] is ranked[0]


def test_a_card_must_share_a_word_other_than_a_name():
    card = text_terms("Hva sier DFØ om gevinstrealisering? DFØ anbefaler en plan for gevinster.")
    assert not shares_content_word(query_terms("Hvor mye tjener lederen i DFØ?", "nb"), card)
    assert shares_content_word(query_terms("Hvordan følger DFØ opp gevinstene?", "nb"), card)
    assert shares_content_word(query_terms("DFØ?", "nb"), card)  # nothing but a name: the name rule decides


def _card_yaml(n: int) -> str:
    questions = json.dumps([f"Spørsmål nummer {i} om rammeavtaler?" for i in range(n)], ensure_ascii=False)
    return ("- id: rammeavtale-test\n  answer: \"En rammeavtale er en avtale [1].\"\n"
            f"  questions: {questions}\n  sources: [{{doc: guide, anchor: \"Kort svar\"}}]\n")


def test_a_card_may_have_up_to_the_most_paraphrases_and_no_more(tmp_path):
    path = tmp_path / "kort.yaml"
    path.write_text(_card_yaml(MAX_QUESTIONS), encoding="utf-8")
    assert len(read_card_file(path)[0].questions) == MAX_QUESTIONS
    path.write_text(_card_yaml(MAX_QUESTIONS + 1), encoding="utf-8")
    with pytest.raises(CardError, match="paraphrases"):
        read_card_file(path)
    path.write_text(_card_yaml(2), encoding="utf-8")
    with pytest.raises(CardError, match="paraphrases"):
        read_card_file(path)
