"""A compound question whose second part asks something else than the first («Må vi kunngjøre …, og hvor lang frist
…?») gets that part answered, and a part that leans on the scene the message opens with («Vi skal lage en
førkommersiell anskaffelse. Hvordan gjør vi det, …?») is answered on the scene's topic instead of refused."""

from __future__ import annotations

import pytest

from advisor.chat import ask, conversation
from advisor.search import open_index


@pytest.fixture(scope="module")
def index(corpus_hash_settings):
    return open_index(corpus_hash_settings)


def test_the_time_limit_part_is_not_lost_behind_the_notice_part(corpus_hash_settings, index):
    answer = ask("Skal vi lyse ut på Doffin, og hvor lang frist må leverandørene få?", index, corpus_hash_settings)
    notice = answer.text.find("Doffin")
    limit = answer.text.lower().find("frist")
    assert notice != -1 and limit != -1 and notice < limit  # both parts, in the order asked


def test_a_part_that_leans_on_the_scene_is_answered_on_its_topic(corpus_hash_settings, index):
    answer = ask("Vi planlegger en førkommersiell anskaffelse. Hvordan gjør vi det, og hvem eier rettighetene?",
                 index, corpus_hash_settings)
    assert not answer.text.startswith("Kildene mine sier ikke noe om dette")
    assert "FoU-unntaket" in answer.text or "§ 2-5" in answer.text


def test_the_notice_card_opens_with_what_the_answer_depends_on(corpus_hash_settings, index):
    answer = ask("Når må vi kunngjøre på Doffin?", index, corpus_hash_settings)
    assert answer.text.startswith("Det avhenger av verdien")


@pytest.mark.parametrize("question", [
    "Vi har et akutt behov etter et ras. Kan vi tildele kontrakten uten konkurranse?",
    "Kan vi kjøpe direkte siden det haster?",
])
def test_urgency_alone_is_no_free_ground_for_a_direct_award(corpus_hash_settings, index, question):
    answer = ask(question, index, corpus_hash_settings)
    first = answer.text.split("[")[0]
    assert first.startswith("Ikke bare fordi det haster")
    assert "§ 13-3" in first and "§ 13-4" in first


def test_a_stated_value_does_not_hide_a_how_many_suppliers_ask(corpus_hash_settings, index):
    answer = ask("Hvor mange leverandører må vi spørre om tilbud når vi handler for 350 000 kroner?",
                 index, corpus_hash_settings)
    first, rest = answer.text.split("[", 1)
    assert "del I" in first and "350 000 kr" in first  # the rule for this value leads
    assert "tre til fire" in rest  # then what the sources say about how many to ask
    assert "Fra den nasjonale terskelverdien" not in answer.text  # the other side of the threshold is left out


def test_an_earlier_card_answers_a_part_only_when_it_speaks_of_the_part_s_own_words():
    notice = "Det avhenger av verdien: anskaffelser over 1,3 mill. kr skal kunngjøres på Doffin [1]."
    assert not conversation._mentions_any(notice, "Hvor lang frist må leverandørene få?", "nb")
    assert conversation._mentions_any("I et innovasjonspartnerskap må dere forhandle [1].", "Må vi forhandle?", "nb")
