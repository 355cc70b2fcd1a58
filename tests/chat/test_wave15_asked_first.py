"""A message that states a value but asks only about something the rules do not decide gets the card on what it asks
first; the part and threshold its value leads to follow as background, with no verdict word of their own."""

from __future__ import annotations

from advisor.chat import ask
from advisor.chat.conversation import _asks_rules_topic
from advisor.search import open_index


def test_asks_rules_topic_reads_only_the_asking_sentences():
    assert _asks_rules_topic("Vi kjøper for 3 mill. kr. Hvilken del av forskriften gjelder, og må vi kunngjøre?")
    assert _asks_rules_topic("We buy for NOK 3 million. Which procedure should we choose?")
    assert not _asks_rules_topic("Vi har en avtale på 3 mill. kr etter del III. Kan vi utvide den, og hva risikerer "
                                 "vi?")
    assert not _asks_rules_topic("Vi har kunngjort en konkurranse på 4 mill. kr på Doffin. Er det greit å ringe "
                                 "leverandørene nå, og hva burde vi ha gjort i stedet?")


def test_a_contract_extension_question_with_a_value_opens_with_the_card(corpus_e5_settings):
    question = ("Vi har en driftsavtale for gatelys på 5 mill. kr over fire år, kunngjort etter del III. Leverandøren "
                "mener vi trygt kan utvide den med en tredjedel uten ny konkurranse. Har han rett, og hva kan skje "
                "om vi gjør det?")
    answer = ask(question, open_index(corpus_e5_settings), corpus_e5_settings)
    first = answer.text.split(". ")[0]
    assert "Del I og III gjelder" not in first
    assert "Del I og III gjelder" in answer.text or "del I og III" in answer.text.lower()
