"""Round 13 grading kinds (third helper), in our own wording: a choice between named procedures applies what the
market dialogue showed."""

from __future__ import annotations

import pytest

from advisor.chat import ask, read_facts
from advisor.chat.rules import market_seen
from advisor.search import open_index


@pytest.mark.parametrize(("text", "seen"), [
    ("Markedsdialogen viste at fire leverandører har systemer som kan brukes etter litt tilpasning.", "with_adaptation"),
    ("Markedsundersøkelsen viste at ingen leverandører kan levere noe som dekker behovet.", "no"),
    ("Etter dialogkonferansen vet vi at det finnes flere standardløsninger som dekker behovet.", "yes"),
    ("Our market research showed that several suppliers offer products that can be adapted to our need.",
     "with_adaptation"),
    ("Vi har ikke gjort noen markedsdialog ennå.", ""),
])
def test_what_the_market_dialogue_showed_is_read(text, seen):
    assert market_seen(text) == seen


def test_solutions_needing_adaptation_recommend_negotiation_and_rule_out_a_partnership(corpus_hash_settings):
    answer = ask("Vi er et direktorat. Etter markedsdialogen vet vi at to leverandører har løsninger som dekker det "
                 "meste med noe tilpasning. Kontrakten er verdt om lag 5 mill. kr over tre år. Hva bør vi velge: "
                 "konkurranse med forhandling, konkurransepreget dialog eller innovasjonspartnerskap?",
                 open_index(corpus_hash_settings), corpus_hash_settings)
    first = answer.text.split(". ")[0]
    assert first.startswith("Velg konkurranse med forhandling")
    assert "utelukket" in answer.text and "13-1 tredje ledd" in answer.text


def test_no_solution_on_the_market_recommends_the_partnership(corpus_hash_settings):
    answer = ask("We are a county. The market dialogue showed that nothing on the market meets the need. The value is "
                 "about NOK 12 million. Should we pick competitive dialogue or an innovation partnership, and what time limits apply?",
                 open_index(corpus_hash_settings), corpus_hash_settings)
    assert answer.text.startswith("Choose an innovation partnership")


def test_a_choice_without_a_market_finding_keeps_the_conditional_verdicts(corpus_hash_settings):
    answer = ask("Vi er en kommune og skal kjøpe et fagsystem for 6 mill. kr. Passer konkurranse med forhandling eller "
                 "konkurransepreget dialog best, og hvilke frister gjelder?", open_index(corpus_hash_settings),
                 corpus_hash_settings)
    assert not answer.text.startswith("Velg")


@pytest.mark.parametrize("text", [
    "Vi betaler 25 000 kr i måneden for kantinedrift uten sluttdato. Det er 300 000 kr i året, godt under 1,3 mill.",
    "Avtalen koster 90 000 kr i året, altså under terskelen på 100 000 kr.",
])
def test_a_threshold_compared_with_is_no_contract_value(text):
    facts = read_facts(text)
    assert facts.values.get("estimated_value_nok") is None and facts.has_value


def test_a_stated_total_stays_a_value():
    assert read_facts("Kontrakten er på 1,3 mill. kr totalt for tre år.").values.get("estimated_value_nok") == 1_300_000


def test_an_open_ended_monthly_contract_below_the_threshold_by_the_year_is_not_enough_quotes(corpus_hash_settings):
    answer = ask("Vi er en kommune og leier kaffemaskiner for 32 000 kr i måneden, uten fast sluttdato. Det blir "
                 "384 000 kr i året, langt under 1,3 mill., så det holder vel å be tre firmaer om pris?",
                 open_index(corpus_hash_settings), corpus_hash_settings)
    assert answer.text.startswith("Nei, det holder ikke")
    assert "48" in answer.text and "§ 5-4" in answer.text
    assert "spriker" not in answer.text


@pytest.mark.parametrize("question", [
    "Hva er forskjellen på innovasjonsanskaffelse og innovasjonsvennlig anskaffelse, og hvordan bestemmer vi oss?",
    "What is the difference between procurement of innovation and innovation-friendly procurement, and how do we decide?",
])
def test_a_difference_with_how_to_choose_gets_the_decision_rule_not_a_refusal(question, corpus_hash_settings):
    answer = ask(question, open_index(corpus_hash_settings), corpus_hash_settings)
    assert "sier ikke noe om dette" not in answer.text and "do not say anything" not in answer.text
    assert "markedsdialog" in answer.text or "dialog" in answer.text.lower()


def test_a_service_how_to_gets_result_requirements_market_dialogue_and_then_the_part(corpus_hash_settings):
    answer = ask("Fylkeskommunen skal kjøpe renhold av tannklinikkene for om lag 900 000 kr i året i tre år. Før har vi "
                 "krevd bestemte vaskemaskiner. Hvordan skriver vi funksjonskrav for tjenesten i stedet for å kreve "
                 "bestemt utstyr, og hvordan kan vi undersøke markedet før konkurransen?",
                 open_index(corpus_hash_settings), corpus_hash_settings)
    text = answer.text
    assert "Del I og III gjelder" in text
    assert text.startswith("Beskriv resultatet") and "markedet" in text  # the how-to first, the part after it
