"""Round 16 chat mends: one ground-clause pattern for the rules and the premises; the rules topic takes compound
regulation names; one path leaves figures out of a message; a market dialogue told in other words is a finding; an
innovation partnership asked about in a compound question after such a finding gets «nei»; a bare «Is that right?»
part keeps the claim it asks about."""

from __future__ import annotations

import pytest

from advisor.assessment import figure_spans
from advisor.chat import ask, conversation, premises, rules
from advisor.chat.plan import split_parts
from advisor.chat.rules import market_seen
from advisor.chat.sentences import GROUND_CLAUSE
from advisor.search import open_index


@pytest.mark.parametrize(("sentence", "ask_left"), [
    ("Sidan vi er ei lita kommune, og kjøpet er lite, treng vi vel ikkje kunngjere?", "treng vi vel ikkje kunngjere?"),
    ("Fordi rammen er 4 mill., hvilken del gjelder?", "hvilken del gjelder?"),
    ("Because the total is small, so can we buy directly?", "can we buy directly?"),
])
def test_the_ground_runs_to_the_comma_before_the_ask(sentence, ask_left):
    ground = GROUND_CLAUSE.match(sentence)
    assert ground is not None and sentence[ground.end():] == ask_left


def test_a_clause_word_inside_a_sentence_opens_no_ground():
    assert GROUND_CLAUSE.match("Er det del II som gjelder, eller del III?") is None
    assert GROUND_CLAUSE.sub("", "Kjøpet som vi planlegger, er det stort?") == "Kjøpet som vi planlegger, er det stort?"


def test_the_rules_and_the_premises_read_the_ground_alike():
    assert premises.GROUND_CLAUSE is rules.GROUND_CLAUSE is GROUND_CLAUSE
    # a ground inside the sentence is left out before the yes/no is read: the threshold in it is not what is asked
    question = "Vi er en etat og kjøper rådgiving for 600 000 kr, og ettersom terskelen er 2,3 mill., er vi i del II?"
    assert rules._verdict_word(question, "II", "nb") == "Ja."


@pytest.mark.parametrize("asked", [
    "Hvilke frister har vi når vi følger forsyningsforskrifta?",
    "Gjelder anskaffelsesloven for oss?",
    "Kan vi la være å bruke anskaffelsesforskriften her?",
])
def test_a_regulation_named_in_a_compound_word_is_a_rules_topic(asked):
    assert conversation._RULES_TOPIC.search(asked)


def test_an_ask_about_risk_is_no_rules_topic():
    assert not conversation._RULES_TOPIC.search("Hva risikerer vi om vi gjør det likevel?")


def test_every_figure_leaves_a_message_by_one_path():
    message = "Vi kjøper vask av biler for 700 000 kr i året, og leverandøren vil øke prisen med 30 % etter § 13-1?"
    assert conversation.without_figures(message) == ("Vi kjøper vask av biler, og leverandøren vil øke prisen med 30 % "
                                                     "etter § 13-1?")
    assert conversation.without_figures(message, every=True) == ("Vi kjøper vask av biler, og leverandøren vil øke "
                                                                 "prisen med etter § 13-1?")
    told = "om 2 år, 40 prosent, § 7-9"
    assert [told[a:b] for a, b in figure_spans(told)] == ["2 ", "40 prosent"]


@pytest.mark.parametrize("finding", [
    "Dialogen med markedet viste at to firma har systemer som dekker behovet.",
    "Markedsdialogen har vist at det finnes løsninger som dekker behovet.",
    "Etter dialog med leverandørene ser vi at det finnes løsninger som kan brukes.",
    "Etter dialogen med markedet vet vi at flere leverandører har produkter for dette.",
])
def test_a_market_dialogue_told_in_other_words_is_a_finding(finding):
    assert market_seen(finding) == "yes"


def test_a_dialogue_still_to_come_is_no_finding():
    assert market_seen("Vi skal ha dialog med markedet for å se om det finnes noe.") == ""


def test_a_partnership_in_a_compound_question_after_a_finding_gets_no(corpus_hash_settings):
    question = ("Fylket skal kjøpe sensorer som varsler skred, anslått til 8 mill. kr. Dialogen med markedet viste at "
                "tre leverandører har systemer som dekker behovet. Kan vi bruke innovasjonspartnerskap, og hvilke "
                "frister gjelder?")
    answer = ask(question, open_index(corpus_hash_settings), corpus_hash_settings)
    assert "Om innovasjonspartnerskap: nei" in answer.text and "13-1 tredje ledd" in answer.text
    assert "Om innovasjonspartnerskap: ja" not in answer.text


@pytest.mark.parametrize(("message", "claim"), [
    ("We run a school. The caretaker says the DYKA ruling stops us from requiring clay pipes. Is that right, and "
     "what should the specification say instead?", "The caretaker says the DYKA ruling stops us from requiring clay "
                                                     "pipes."),
    ("Vi er et helseforetak. Innkjøperen mener vi må ha «eller tilsvarende» etter et merkenavn. Er det riktig, "
     "og hvordan skriver vi kravet?", "Innkjøperen mener vi må ha «eller tilsvarende» etter et merkenavn."),
])
def test_a_bare_claim_check_keeps_the_claim_it_asks_about(message, claim):
    parts = split_parts(message)
    assert len(parts) == 2 and parts[0].startswith(claim) and parts[0].rstrip().endswith("?")
    assert not parts[1].startswith(claim)
