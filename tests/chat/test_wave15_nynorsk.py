"""Round 15: a question clearly in nynorsk gets one line under the answer saying the sources and answer are bokmål."""

from __future__ import annotations

import pytest

from advisor.chat.conversation import NYNORSK_NOTE
from advisor.chat.plan import is_nynorsk
from advisor.search import open_index


@pytest.fixture(scope="module")
def index(corpus_hash_settings):
    return open_index(corpus_hash_settings)


@pytest.mark.parametrize("question", [
    "Kva er terskelverdien for kommunar, og korleis reknar vi verdien?",
    "Treng vi ikkje kunngjere når kjøpet er så lite?",
    "Kor mykje må vi vekte klima i ein konkurranse?",
])
def test_a_nynorsk_question_is_recognised(question):
    assert is_nynorsk(question)


@pytest.mark.parametrize("question", [
    "Hva er terskelverdien for kommuner?",
    "Kan vi bruke en rammeavtale i fire år?",
    "Kva er terskelverdien, og hvordan regner vi verdien?",  # a mix is not clearly nynorsk
    "Kor lenge kan avtalen vare?",  # one nynorsk word is not enough
    "What is the threshold?",
])
def test_bokmal_english_and_mixed_questions_are_not(question):
    assert not is_nynorsk(question)


def test_the_line_is_under_a_nynorsk_answer_only(corpus_hash_settings, index):
    from advisor.chat import ask
    nynorsk = ask("Kva er terskelverdien for kommunar, og korleis reknar vi ut verdien?", index, corpus_hash_settings)
    assert nynorsk.notes.count(NYNORSK_NOTE) == 1
    assert NYNORSK_NOTE not in nynorsk.text
    bokmal = ask("Hva er terskelverdien for kommuner?", index, corpus_hash_settings)
    assert NYNORSK_NOTE not in bokmal.notes
