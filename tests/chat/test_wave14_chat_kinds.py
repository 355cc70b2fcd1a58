"""Round 14 chat kinds, in our own wording: a yes/no on following part II's rules inside a compound question is
answered first; English open-ended terms; one reading of what a market dialogue showed."""

from __future__ import annotations

import pytest

from advisor.chat import ask, read_facts
from advisor.chat.sentences import split_sentences
from advisor.search import open_index


def _first(text: str) -> str:
    return split_sentences(text, capital=True)[0]


@pytest.mark.parametrize(("question", "starts"), [
    ("Vi er ein kommune og treng eit nytt arkivsystem til om lag 1,7 mill. kr. Kan vi nytte dei enklare reglane i "
     "del II, og kva vilkår gjeld for konkurranse med forhandling?", "Ja."),
    ("Vi er en kommune og trenger et arkivsystem til om lag 1,7 mill. kr. Kan vi bruke de enklere reglene i del II, "
     "og hvilke vilkår gjelder for konkurranse med forhandling?", "Ja."),
    ("Vi er ein kommune og treng eit arkivsystem til 800 000 kr. Kan vi nytte dei enklare reglane i del II, og kva "
     "vilkår gjeld for konkurranse med forhandling?", "Nei, del II gjelder ikke"),
])
def test_a_part_ii_yes_no_in_a_compound_question_is_answered_first(question, starts, corpus_hash_settings):
    answer = ask(question, open_index(corpus_hash_settings), corpus_hash_settings)
    assert answer.text.startswith(starts)


@pytest.mark.parametrize("question", [
    "Vi er ein kommune og vil utvikle eit nytt varslingssystem for 1,7 mill. kr. Kan vi følgje reglane i del II, og "
    "kva vilkår gjeld for innovasjonspartnarskap?",
    "Vi er en kommune og vil utvikle et nytt varslingssystem for 1,7 mill. kr. Kan vi bruke de enklere reglene i del "
    "II, og hvilke vilkår gjelder for innovasjonspartnerskap?",
])
def test_a_partnership_by_part_ii_rules_is_a_no_first(question, corpus_hash_settings):
    answer = ask(question, open_index(corpus_hash_settings), corpus_hash_settings)
    assert answer.text.startswith("Nei, ikke etter reglene i del II")
    assert "forhandle" not in _first(answer.text)


@pytest.mark.parametrize("text", [
    "We rent water coolers for NOK 28,000 per month under a framework agreement with no end date.",
    "The canteen contract runs indefinitely, and we pay NOK 28 000 a month.",
    "Our cleaning contract has no fixed term and costs NOK 28,000 each month.",
])
def test_english_open_ended_terms_are_read_like_the_norwegian(text):
    values = read_facts(text).values
    assert values.get("open_ended") is True
    assert values.get("value_per_period_nok") == 28_000 and values.get("value_period") == "month"


def test_an_english_open_ended_monthly_contract_is_valued_over_48_months(corpus_hash_settings):
    answer = ask("We are a municipality and rent water coolers for NOK 28,000 per month with no end date. Which part "
                 "of the regulation applies?", open_index(corpus_hash_settings), corpus_hash_settings)
    assert "48" in answer.text and "5-4" in answer.text


def test_a_sentence_helper_splits_after_end_marks():
    assert split_sentences("Vi er en kommune. Kan vi? Ja!  Nei") == ["Vi er en kommune.", "Kan vi?", "Ja!", "Nei"]
    assert split_sentences("Ca. 5 mill. kr. Hva nå?", capital=True) == ["Ca. 5 mill. kr.", "Hva nå?"]
    assert split_sentences("A. B. C.", maxsplit=1) == ["A.", "B. C."]


def test_a_choice_with_one_conditional_and_a_finding_gets_the_recommendation_in_part_iii(corpus_hash_settings):
    answer = ask("Vi er et direktorat. Markedsundersøkelsen viste at tre leverandører har plattformer som må tilpasses "
                 "oss. Kontrakten er på 8 mill. kr. Bør vi gå for konkurranse med forhandling eller åpen "
                 "anbudskonkurranse?", open_index(corpus_hash_settings), corpus_hash_settings)
    assert answer.text.startswith("Velg konkurranse med forhandling")


def test_a_choice_in_part_ii_recommends_negotiation_and_names_dialogue_a_part_iii_procedure(corpus_hash_settings):
    answer = ask("Vi er en kommune. Markedsdialogen viste at to leverandører har løsninger som kan brukes etter litt "
                 "tilpasning. Verdien er 1,6 mill. kr. Hva bør vi velge, konkurransepreget dialog eller konkurranse "
                 "med forhandling?", open_index(corpus_hash_settings), corpus_hash_settings)
    first = _first(answer.text)
    assert first.startswith("Velg tilbudskonkurranse med forhandling etter del II")
    assert "Konkurransepreget dialog er som egen prosedyre en prosedyre etter del III" in answer.text
    assert "§ 8-3" in answer.text


def test_an_english_choice_with_a_finding_needs_no_deadline_question(corpus_hash_settings):
    answer = ask("We are a county. Our market survey showed that none of the suppliers has a product that meets the "
                 "need. The value is NOK 9 million. Should we go for competitive dialogue or an innovation partnership?",
                 open_index(corpus_hash_settings), corpus_hash_settings)
    assert answer.text.startswith("Choose an innovation partnership")


@pytest.mark.parametrize("question", [
    "Jeg skriver et notat om offentlige innkjøp. 560 mrd. kr i året er vel fortsatt tallet?",
    "For a report: the public sector in Norway buys for NOK 560 billion a year, is that still correct?",
])
def test_an_old_volume_figure_asked_as_current_gets_the_newest_figure(question, corpus_hash_settings):
    answer = ask(question, open_index(corpus_hash_settings), corpus_hash_settings)
    assert "780" in answer.text and "835" in answer.text
