"""A question whether a purchase must go out «som EØS-konkurranse» (or as an EEA tender) asks about the part, and is
answered first, before a procedure it also names; a typo in the word does not turn the part into an unanswered one."""

from __future__ import annotations

import pytest

from advisor.chat import ask
from advisor.search import open_index


@pytest.fixture(scope="module")
def index(corpus_hash_settings):
    return open_index(corpus_hash_settings)


@pytest.mark.parametrize("question", [
    "Vi er et helseforetak og skal bygge om en sengepost for 48 mill. eks. mva. Må dette ut som EØS-konkuranse, og kan "
    "vi bruke konkurranse med forhandling?",
    "Helseforetaket skal bygge om en sengepost for 48 mill. eks. mva. Må vi ha EØS-kunngjøring, og kan vi forhandle?",
])
def test_an_eea_competition_question_gets_the_part_first(corpus_hash_settings, index, question):
    answer = ask(question, index, corpus_hash_settings)
    assert answer.route == "rules"
    assert answer.text.startswith("Nei. Del I og II gjelder: 48 mill. kr er under EØS-terskelverdien"), answer.text
    assert "forhandl" in answer.text
    assert "sier ikke noe om" not in answer.text


def test_a_second_question_opened_by_og_or_stemmer_det_is_its_own_part():
    from advisor.chat.plan import split_parts
    parts = split_parts("Hva sier Meld. St. 30 om innovasjon i anskaffelser, altså hvilke tiltak? Og stemmer det at "
                        "under 1 % av kunngjøringene på Doffin bruker innovasjonsprosedyrer?")
    assert len(parts) == 2 and parts[1].startswith("Stemmer det at under 1 %")
