"""What a blind grader (sample 9) found in fact-pattern questions, each tested in wording of our own: a nynorsk question
on the part, the rules or the notice is a rules question like a bokmål one; a question whether there are grounds for
negotiation, or which of negotiation and dialogue fits, gets the verdict on FOA § 13-2 and the ground the facts point
to; the assessment summary says what it took as given in one plain sentence and does not point to the open procedure
when the message wants negotiation or says the solution is to be adapted; and «Doffin eller TED?» is answered with
the one that holds, not with «Ja»."""

from __future__ import annotations

import pytest

from advisor.chat import ask, route_summary
from advisor.chat.facts import read_facts
from advisor.chat.rules import asks_rules_part, is_rules_question, stated_ground
from advisor.search import open_index


@pytest.fixture(scope="module")
def index(corpus_hash_settings):
    return open_index(corpus_hash_settings)


@pytest.mark.parametrize("part", [
    "Kva for del av forskrifta gjeld for dette kjøpet?",
    "Kva reglar gjeld då?",
    "Kva for prosedyre bør vi velje?",
    "Må vi kunngjere konkurransen?",
])
def test_nynorsk_rules_parts_are_recognised(part):
    assert asks_rules_part(part)


def test_a_nynorsk_part_question_on_a_care_service_leads_with_the_computed_value_and_part(corpus_hash_settings, index):
    question = ("Fylkeskommunen skal kjøpe rusbehandling (helseteneste) frå ein privat institusjon, om lag 2,6 mill. kr "
                "i året. Avtalen gjeld i 3 år med opsjon på eitt år. Kva for del av forskrifta gjeld, og kan vi "
                "halde konkurransen berre for ideelle?")
    answer = ask(question, index, corpus_hash_settings)
    first = answer.text.split("[")[0]
    assert "IV" in first and "10,4 mill. kr" in first  # 2,6 mill. kr × 4 år, over the 7,8 mill. kr threshold
    assert "ideelle" in answer.text


@pytest.mark.parametrize(("text", "ground"), [
    ("Systemet må tilpasses og integreres mot fagsystema våre.", "adaptation"),
    ("Kontrakten er svært kompleks, med mange avhengigheter.", "complexity"),
    ("Vi skal kjøpe kontorstoler.", ""),
])
def test_the_ground_the_facts_point_to(text, ground):
    assert stated_ground(text) == ground


def test_a_grounds_or_which_fits_question_gets_the_verdict_and_the_pointed_ground_first(corpus_hash_settings, index):
    question = ("Etaten skal kjøpe ny løsning for arkiv og dokumenthandtering, anslått 14 mill. Den skal integreres "
                "mot tre av fagsystemene våre. Har vi grunnlag for konkurranse med forhandling, eller er "
                "konkurransepreget dialog best?")
    part = "Har vi grunnlag for konkurranse med forhandling, eller er konkurransepreget dialog best?"
    assert asks_rules_part(part) and not is_rules_question(part, read_facts(part))
    answer = ask(question, index, corpus_hash_settings)
    assert answer.route == "rules"
    assert "FOA § 13-2" in answer.text.split(". ")[0]
    assert "vilkår 1" in answer.text and "dokumentert" in answer.text
    assert "åpen anbudskonkurranse er det vanlige utgangspunktet" not in answer.text
    assert not any(n.startswith(("Tolket fra teksten", "Foreløpig vurdering")) for n in answer.notes)


def test_one_procedure_asked_about_grounds_gets_the_yes_if(corpus_hash_settings, index):
    answer = ask("Staten skal kjøpe eit fagsystem for 9 mill. kr som må tilpassast og integrerast. Har vi grunnlag for "
                 "konkurranse med forhandling?", index, corpus_hash_settings)
    assert answer.text.startswith("Ja, men på vilkår") and "vilkår 1" in answer.text


def test_the_assessment_summary_says_what_it_took_plainly_and_not_the_open_procedure(corpus_hash_settings):
    lines = route_summary("assess", "Departementet skal kjøpe et nytt journalsystem for 30 mill. kr. Det må "
                          "integreres mot flere av fagsystemene. Hva bør vi tenke på?", corpus_hash_settings)
    assert lines[0].startswith("Foreløpig vurdering: Del I og III")
    assert "åpen" not in lines[0] and "FOA § 13-2" in lines[0]
    assert not any(line.startswith("Tolket fra teksten") for line in lines)
    assert any(line.startswith("Vi har regnet med at ") for line in lines)
    plain = route_summary("assess", "Kommunen skal kjøpe kontorstoler for 3 millioner kr.", corpus_hash_settings)
    assert "åpen anbudskonkurranse" in plain[0]


@pytest.mark.parametrize(("question", "opening"), [
    ("Kommunen skal kjøpe snøbrøyting for 500 000 kr i året i tre år. Må vi lyse den ut på TED eller Doffin?",
     "På Doffin, ikke i TED"),
    ("Kommunen skal kjøpe nye PC-er for 5 mill. kr. Skal den ut på Doffin eller TED?",
     "På Doffin og i TED"),
    ("Kommunen skal kjøpe blomster for 200 000 kr. Må vi kunngjøre på Doffin eller i TED?",
     "Verken på Doffin eller i TED"),
])
def test_doffin_or_ted_is_answered_with_the_one_that_holds(corpus_hash_settings, index, question, opening):
    answer = ask(question, index, corpus_hash_settings)
    assert answer.text.startswith(opening)


def test_which_procedures_and_may_we_negotiate_gets_the_choice_and_the_verdict(corpus_hash_settings, index):
    # nynorsk, wording of our own: «kva prosedyrar kan vi velje mellom – kan vi forhandle?» for works in part II
    answer = ask("Fylkeskommunen skal byggje om ein idrettshall for om lag 30 mill. kr eks. mva. Kva prosedyrar kan "
                 "vi velje mellom, og kan vi forhandle?", index, corpus_hash_settings)
    assert answer.route == "rules"
    assert "åpen tilbudskonkurranse eller begrenset tilbudskonkurranse" in answer.text
    assert "forhandling" in answer.text
