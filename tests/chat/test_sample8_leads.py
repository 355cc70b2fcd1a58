"""Leads that answered a neighbouring question (blind sample 8, disclosed), each tested in wording of our own: a yes/no
question on negotiation or dialogue gets the verdict first and its time limits too; the open procedure only as a
default, never when the buyer wants to negotiate or does not know the market; the rule for the value stated (health
and social services above their threshold) before a card's rule for the other side; a warning for a value just under a
higher threshold that points up; and an English first sentence before a Norwegian quote."""

from __future__ import annotations

import re

import pytest

from advisor.answer import strip_english_lead, with_english_answer
from advisor.assessment import assess, extract_case
from advisor.chat import ask
from advisor.chat.conversation import combine_answers
from advisor.search import open_index


@pytest.fixture(scope="module")
def index(corpus_hash_settings):
    return open_index(corpus_hash_settings)


# --- 1 and 2: negotiation or dialogue, and the second question of the message -------------------------------------

def test_negotiation_or_dialogue_above_the_threshold_leads_with_the_grounds_and_gives_the_time_limits(
        corpus_hash_settings, index):
    answer = ask("Statens vegvesen skal kjøpe et nytt system for trafikkdata, anslått 700 000 kr i året i 3 år med "
                 "opsjon på ett år til. Vi vet ikke helt hva leverandørene kan tilby. Kan vi velge konkurransepreget "
                 "dialog eller konkurranse med forhandling, og hva er de korteste fristene vi kan sette?",
                 index, corpus_hash_settings)
    text = answer.text
    assert answer.route == "rules", text
    first = text.split(". ")[0]
    assert first.startswith("Ja, men på vilkår: over EØS-terskelen gjelder del I og III") and "§ 13-2" in first, text
    for ground in ("tilpasses", "design eller innovative", "kompleksitet", "presist nok", "uakseptable tilbud"):
        assert ground in first, ground
    assert "dokumenterer" in first
    # the part and the value come after the verdict, and the second question is answered for both procedures
    assert text.index("Del I og III gjelder") > text.index("§ 13-2")
    assert "2,8 mill. kr" in text
    assert "Minstefristene i konkurransepreget dialog" in text and "Minstefristene i konkurranse med forhandling" in text
    assert "25 dager" in text and "30 dager" in text
    assert "passer åpen anbudskonkurranse best" not in text


def test_negotiation_or_dialogue_in_part_ii_says_negotiation_needs_to_be_announced(corpus_hash_settings, index):
    answer = ask("Kommunen skal kjøpe et bookingsystem for svømmehallen til 1,7 mill. kr. Kan vi bruke konkurranse med "
                 "forhandling eller konkurransepreget dialog?", index, corpus_hash_settings)
    text = answer.text
    assert answer.route == "rules", text
    assert text.startswith("Om tilbudskonkurranse med forhandling: ja, hvis det er opplyst på forhånd"), text
    assert "Del I og II gjelder" in text and text.index("Del I og II gjelder") > text.index("opplyst på forhånd")


def test_procedures_with_the_same_verdict_are_answered_once(corpus_hash_settings, index):
    answer = ask("Et departement skal kjøpe en utredning for 900 000 kr. Kan vi bruke konkurranse med forhandling eller "
                 "konkurransepreget dialog?", index, corpus_hash_settings)
    text = answer.text
    assert text.startswith("Om konkurranse med forhandling og konkurransepreget dialog: ja"), text
    assert text.count("I del I er det ingen fast prosedyre") == 1


def test_english_negotiation_question_with_time_limits_leads_with_the_verdict(corpus_hash_settings, index):
    answer = ask("Our county is buying a patient transport planning system for NOK 5 million. May we use the "
                 "competitive procedure with negotiation, and what are the minimum time limits?",
                 index, corpus_hash_settings)
    text = answer.text
    assert answer.route == "rules", text
    assert text.startswith("Yes, on a condition: above the EEA threshold parts I and III apply, and there you may "
                           "use the competitive procedure with negotiation"), text
    assert "first tenders at least 25 days" in text


# --- 3: the open procedure as a default only -----------------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "Kommunen skal kjøpe et system for vedlikeholdsplanlegging for 3,5 mill. kr, og vi vil gjerne ha dialog med "
    "leverandørene om løsningen. Hvilken prosedyre bør vi bruke?",
    "Kommunen skal kjøpe et system for vedlikeholdsplanlegging for 3,5 mill. kr. Vi kjenner ikke markedet. "
    "Hvilken prosedyre bør vi bruke?",
])
def test_no_open_procedure_recommendation_when_the_question_points_elsewhere(corpus_hash_settings, index, question):
    text = ask(question, index, corpus_hash_settings).text
    assert "Dere kan velge prosedyre" in text, text
    assert "passer åpen anbudskonkurranse best" not in text and "vanlige utgangspunktet" not in text


def test_the_open_procedure_is_named_as_a_default_when_nothing_points_elsewhere(corpus_hash_settings, index):
    text = ask("Kommunen skal kjøpe vaktmestertjenester for 3,5 mill. kr. Hvilken prosedyre bør vi bruke?",
               index, corpus_hash_settings).text
    assert "åpen anbudskonkurranse er det vanlige utgangspunktet (et standardvalg, ikke et krav)" in text, text


@pytest.mark.parametrize(("text", "market"), [
    ("Vi er usikre på hva som finnes i markedet.", "unknown"),
    ("Vi kjenner ikke markedet for slike sensorer.", "unknown"),
    ("We do not know what the market offers.", "unknown"),
    ("Mange leverandører leverer dette.", "yes"),
])
def test_a_market_the_buyer_does_not_know_is_read_as_unknown(text, market):
    assert extract_case(text).values.get("market_has_solution") == market


# --- 4: the rule for the value stated leads ------------------------------------------------------------------------

def test_health_services_above_their_threshold_lead_with_part_iv_not_the_freedom_below(corpus_e5_settings):
    # e5: the card on reserving for non-profits answers the first part for both sides of the threshold
    answer = ask("Bydelen skal kjøpe avlastningstilbud for familier med funksjonshemmede barn, om lag 2 mill. kr i "
                 "året i 4 år. Kan vi forbeholde konkurransen for ideelle organisasjoner, og må vi kunngjøre den?",
                 open_index(corpus_e5_settings), corpus_e5_settings)
    text = answer.text
    first = text.split(" [")[0]
    assert first.startswith("Del I og IV (kapittel 30) gjelder") and "8 mill. kr" in first, text
    assert "også bare ideelle" not in text  # the rule below the threshold is not this purchase's
    assert "forbeholdes ideelle" in text and "kunngjøres" in text  # both questions are still answered


def test_joint_markers_are_renumbered_when_parts_are_combined(corpus_e5_settings):
    answer = ask("Bydelen skal kjøpe avlastningstilbud for familier med funksjonshemmede barn, om lag 2 mill. kr i "
                 "året i 4 år. Kan vi forbeholde konkurransen for ideelle organisasjoner, og må vi kunngjøre den?",
                 open_index(corpus_e5_settings), corpus_e5_settings)
    cited = {int(n) for refs in re.findall(r"\[([\d, ]+)\]", answer.text) for n in refs.split(",")}
    assert cited <= {c.n for c in answer.citations}
    # the notice sentence cites the notice passage, whatever number it got
    notice = next(s for s in re.split(r"(?<=\.)\s+", answer.text) if "kunngjøres" in s)
    numbers = {int(n) for refs in re.findall(r"\[([\d, ]+)\]", notice) for n in refs.split(",")}
    sections = {c.section for c in answer.citations if c.n in numbers}
    assert any("kunngjør" in s for s in sections), (notice, sections)


def test_combine_renumbers_each_number_of_a_joint_marker():
    from advisor.answer import Answer
    from advisor.corpus import Citation

    def cite(n, chunk):
        return Citation(n=n, chunk_id=chunk, doc_id="d", title="t", section=chunk, page=None, text="")

    first = Answer("a", "Først [1].", [cite(1, "x")], True, "extractive", "", "v", "a")
    second = Answer("b", "Så [1, 2].", [cite(1, "y"), cite(2, "x")], True, "extractive", "", "v", "b")
    combined = combine_answers("a b", [first, second])
    assert combined.text == "Først [1]. Så [2, 1]."


# --- 6: a value just under a higher threshold -------------------------------------------------------------------

def test_just_under_the_state_threshold_warns_upwards(settings):
    result = assess({"buyer": "state", "category": "services", "estimated_value_nok": 1_420_000}, settings)
    assert result.margin is not None and result.margin.side == "under"
    assert result.margin.threshold.value_nok == 1_490_000
    warning = next(s for s in result.next_steps if s.startswith("Verdien er"))
    assert "70 000 kr under terskelen for del III" in warning and "gjelder del III" in warning
    assert "ikke sett anslaget for lavt" in warning
    assert not any("over terskelen for del II" in s for s in result.next_steps)


def test_just_under_the_state_threshold_in_english_says_what_crossing_means(corpus_hash_settings, index):
    text = ask("We are a state agency buying interpreting services for NOK 470,000 a year for 3 years. Must this be "
               "published in TED?", index, corpus_hash_settings).text
    assert "only NOK 80,000 below the EEA threshold for central government goods and services" in text, text
    assert "part III applies" in text and "must not be set low" in text
    assert "above the national threshold (NOK 1.3 million)" not in text


# --- 5: an English first sentence before a Norwegian quote --------------------------------------------------------

def test_english_answer_opens_the_frame_line_and_is_stripped_with_it():
    framed = ("Yes. The Norwegian source «Kilde» answers this under «Kort svar» (quoted in Norwegian below).\n\n"
              "Ja, det er lov [1].")
    text = with_english_answer(framed, "You may talk to suppliers first [1].", "Can we talk to suppliers?")
    assert text.startswith("Yes. You may talk to suppliers first. The Norwegian source «Kilde»")
    assert strip_english_lead(text) == "Ja, det er lov [1]."
    # the card's own yes or no is dropped for a question that is not yes/no
    asked = with_english_answer(framed.replace("Yes. ", ""), "Yes, it is lawful [1].", "What do the rules say?")
    assert asked.startswith("It is lawful. The Norwegian source")
    # no frame line: unchanged
    assert with_english_answer("Ja [1].", "Yes.") == "Ja [1]."


def test_english_question_quoted_from_norwegian_opens_in_english(corpus_e5_settings):
    answer = ask("Our county council is buying canteen services. A colleague says the climate weighting of 30 % is "
                 "now compulsory in every evaluation - is that right, or can we use strict requirements instead?",
                 open_index(corpus_e5_settings), corpus_e5_settings)
    if answer.route != "passage":  # a card that answers in English directly is as good
        assert answer.language == "en" and answer.text[:3] != "The"
        return
    first = answer.text.split(". ")[0]
    assert not first.startswith("The Norwegian source"), answer.text
    assert "7-9" in first and "30 %" in first
