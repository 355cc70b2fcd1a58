"""Round 15 kinds, in our own wording: a message that states a value but asks about something else gets the card on
what it asks (not the rules' verdict on part and procedure); an English question with «and may we …» is two parts; a
part that points at a wording the scene quotes keeps that sentence; «CJEU» finds the sources' «EU-domstolen»."""

from __future__ import annotations

import pytest

from advisor.chat import ask
from advisor.chat.conversation import main_ask
from advisor.chat.plan import split_parts
from advisor.search import load_cards, open_index
from advisor.text import query_terms, text_terms


@pytest.mark.parametrize(("question", "asked"), [
    ("Konsulenten påstår at vi kan øke rammen på 2 mill. så mye vi vil – er det lov, og hva kan skje?",
     "er det lov, og hva kan skje?"),
    ("Vi har kunngjort en begrenset konkurranse til 5 mill., kan vi nå snakke med hver tilbyder for seg?",
     "kan vi nå snakke med hver tilbyder for seg?"),
    ("Loven er vel endret nå, så gjelder den for kjøp på 700 000 kr?", "gjelder den for kjøp på 700 000 kr?"),
    ("Hvilken del gjelder for 3 mill.?", "Hvilken del gjelder for 3 mill.?"),
])
def test_the_main_ask_is_the_clause_that_asks(question, asked):
    assert main_ask(question) == asked


def test_an_english_and_may_we_opens_a_second_part():
    parts = split_parts("We are a county buying road salt for NOK 4 million. Is a price-only award allowed, and may "
                        "we require delivery within 24 hours?")
    assert parts == ["Is a price-only award allowed?", "May we require delivery within 24 hours?"]


def test_a_part_about_the_quoted_wording_keeps_the_scene_sentence_without_figures():
    parts = split_parts("We are a county buying trucks for NOK 9 million. The tender says the trucks must use the "
                        "cleanest engines on the market. Is that wording clear enough, and must we weight the "
                        "environment?")
    assert parts[0] == ("The tender says the trucks must use the cleanest engines on the market. Is that wording "
                        "clear enough?")
    assert "9" not in parts[0]
    assert parts[1] == "Must we weight the environment?"


def test_cjeu_is_matched_with_the_courts_norwegian_name():
    terms = {t.word: t for t in query_terms("Does the CJEU ruling bind us?", "en")}
    assert terms["cjeu"].match(text_terms("EU-domstolen har slått fast at kravet er en typehenvisning")) == 1.0


def test_the_new_cards_load_with_sources_in_the_guidance(corpus_hash_settings):
    cards = {card.id: card for card in load_cards(corpus_hash_settings)}
    for card_id in ("kontrakt-utvidelse", "merkeordning-krav"):
        card = cards[card_id]
        assert card.answer_en and 3 <= len(card.questions) <= 6
        assert all(source.doc.startswith("guide-") for source in card.sources)
    assert "ulovlig direkte anskaffelse" in cards["kontrakt-utvidelse"].answer
    assert "tilsvarende" in cards["merkeordning-krav"].answer


@pytest.mark.parametrize(("question", "card_id"), [
    ("Leverandøren hevder at vi kan utvide kontrakten på 2 mill. fritt så lenge økningen er liten – stemmer det?",
     "kontrakt-utvidelse"),
    ("Vi krever Svanemerket på vaskemidlene til 600 000 kr – er det nok?", "merkeordning-krav"),
])
def test_a_stated_value_does_not_hijack_another_ask(question, card_id, corpus_e5_settings):
    answer = ask(question, open_index(corpus_e5_settings), corpus_e5_settings)
    assert answer.card_id == card_id
    assert not answer.text.startswith(("Del I", "Bare del I"))


def test_a_part_question_with_a_value_still_gets_the_rules(corpus_hash_settings):
    answer = ask("Vi er en kommune og skal kjøpe brøyting for 3 mill. Hvilken del av forskriften gjelder?",
                 open_index(corpus_hash_settings), corpus_hash_settings)
    assert answer.route == "rules" and "Del I og III" in answer.text


@pytest.mark.parametrize("question", [
    "Fylkeskommunen kjøper snøbrøyting for 1,7 mill., så vi slipper vel å kunngjøre?",
    "Vi trenger vel ikke å kunngjøre når kommunen kjøper renhold for 1,6 mill.?",
])
def test_a_claim_that_no_notice_is_needed_gets_no_agreeing_yes(question, corpus_hash_settings):
    answer = ask(question, open_index(corpus_hash_settings), corpus_hash_settings)
    assert not answer.text.startswith(("Ja", "Yes"))
    assert "Doffin" in answer.text


def test_a_card_on_the_procedure_the_statement_names_does_not_answer_another_ask(corpus_e5_settings):
    answer = ask("Vi har kunngjort en åpen anbudskonkurranse på 3 mill., kan vi nå ha et møte med hver leverandør?",
                 open_index(corpus_e5_settings), corpus_e5_settings)
    assert answer.card_id not in ("anbudskonkurranse-nar-passer", "apen-anbud-faser")


def test_an_ask_that_names_a_procedure_stays_with_the_rules(corpus_e5_settings):
    answer = ask("Kan fylkeskommunen bruke konkurransepreget dialog for å kjøpe et nytt billettsystem til 9 mill. kr?",
                 open_index(corpus_e5_settings), corpus_e5_settings)
    assert answer.route == "rules"
