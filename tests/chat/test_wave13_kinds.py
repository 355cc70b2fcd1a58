"""Kinds of question a blind grader found answered wrong in round 13, in our own wording (not the graded ones)."""

from __future__ import annotations

import re

import pytest

from advisor.chat.plan import considered_procedure, scene_procedure, with_procedure
from advisor.chat.scope import topic_words


def _ask(question, settings):
    from advisor.chat import ask
    from advisor.search import open_index
    return ask(question, open_index(settings), settings)


# --- one look-up of the procedure a scene names or describes (plan.scene_procedure) ---------------------------------

@pytest.mark.parametrize(("scene", "name"), [
    ("Vi skal lage en førkommersiell anskaffelse for nye sykehussenger.", "førkommersiell anskaffelse"),
    ("Fylket vurderer KPD for et nytt billettsystem.", "KPD"),
    ("Vi vil betale fire firma for å utvikle prototyper, uten å love å kjøpe noe.", "førkommersiell anskaffelse"),
    ("Vi er en kommune og skal kjøpe renhold for 3 mill. kr.", ""),
])
def test_the_procedure_a_scene_names_or_describes(scene, name):
    assert scene_procedure(scene) == name


@pytest.mark.parametrize(("scene", "name"), [
    ("Helseforetaket vurderer innovasjonspartnerskap for et nytt pasientvarsel til 25 mill. kr.", "innovasjonspartnerskap"),
    ("Vi ønsker å bruke konkurransepreget dialog for et nytt fagsystem.", "konkurransepreget dialog"),
    ("Vi gjennomførte en konkurranse med forhandling i fjor som ga bare uakseptable tilbud.", ""),
    ("Vi vil ikke bruke innovasjonspartnerskap.", ""),
])
def test_a_procedure_the_scene_considers_is_not_one_run_before_or_refused(scene, name):
    assert considered_procedure(scene) == name


def test_a_part_without_a_procedure_says_the_one_the_scene_considers():
    assert with_procedure("Må vi forhandle?", "innovasjonspartnerskap") == "Må vi forhandle (innovasjonspartnerskap)?"
    assert with_procedure("Hva er fristen i KPD?", "innovasjonspartnerskap") == "Hva er fristen i KPD?"
    assert with_procedure("Må vi forhandle?", "") == "Må vi forhandle?"


def test_parts_about_the_considered_innovation_partnership_are_answered_for_it(corpus_hash_settings):
    answer = _ask("Kommunen vurderer innovasjonspartnerskap med utvikling og senere kjøp av et nytt trygghetsalarmsystem "
                  "for rundt 40 mill. kr. Hva er vilkåret for å bruke innovasjonspartnerskap, hvor lang må fristen for "
                  "å be om å delta minst være, og må vi forhandle?", corpus_hash_settings)
    text = answer.text
    assert "30 dager" in text
    assert "Minstefristene i konkurranse med forhandling" not in text
    assert "§ 13-2" not in text  # the grounds of the negotiated procedure are not the condition asked about
    assert re.search(r"må dere forhandle|kan ikke tildele uten forhandling", text)


# --- a claimed legal duty to innovate is corrected first (premises.yaml, leads) -----------------------------------

@pytest.mark.parametrize("question", [
    "Siden anskaffelsesloven pålegger oss å fremme innovasjon, hvilken prosedyre bør fylket bruke for nye ferger?",
    "Loven krever jo at vi er innovative, så hvordan skriver vi behovet?",
    "Vi har innovasjonsplikt. Hvilke krav kan vi stille til leverandørene?",
])
def test_a_stated_duty_to_innovate_is_corrected_before_the_questions(question, corpus_hash_settings):
    from advisor.chat.premises import premise_lead
    from advisor.search import open_index
    lead = premise_lead(question, open_index(corpus_hash_settings), corpus_hash_settings)
    assert lead is not None and lead[0].card.id == "innovasjonsplikt-premiss"
    assert "?" in lead[1] and "innovasjonsplikt" not in lead[1].lower() and "pålegger" not in lead[1]


@pytest.mark.parametrize("question", ["Har vi plikt til å innovere?", "Krever loven at vi fremmer innovasjon?"])
def test_the_duty_asked_about_is_left_to_the_cards(question, corpus_hash_settings):
    from advisor.chat.premises import premise_lead
    from advisor.search import open_index
    assert premise_lead(question, open_index(corpus_hash_settings), corpus_hash_settings) is None


def test_the_correction_leads_and_the_purchase_is_still_answered(corpus_hash_settings):
    answer = _ask("Siden LOA § 4 krever at vi fremmer innovasjon, hvilken del av forskriften gjelder når fylket kjøper "
                  "nye elbusser for 90 mill. kr?", corpus_hash_settings)
    first = answer.text.split(". ")[0]
    assert "ikke riktig" in first and "§ 4" in first
    assert "§ 7-9" in answer.text
    assert "Del I og III gjelder" in answer.text


# --- a question on KOFA's complaint deadline and fee is refused whole ---------------------------------------------

@pytest.mark.parametrize(("question", "word"), [
    ("Hvor lang tid har en tilbyder på å klage til KOFA?", "klagefrist"),
    ("Hvor lang frist har vi til å klage?", "klagefrist"),
    ("Hva koster det å klage?", "klagegebyr"),
    ("Hvor stort er klagegebyret?", "klagegebyret"),
])
def test_the_time_or_price_of_an_act_is_its_deadline_or_fee(question, word):
    assert word in topic_words(question, "nb")


def test_a_complaint_to_kofa_is_refused_and_pointed_to_kofa(corpus_hash_settings):
    answer = _ask("Leverandøren vil klage tildelingen inn for KOFA. Hvor lang tid har den på å klage, og hva koster "
                  "det å klage?", corpus_hash_settings)
    assert answer.text.startswith("Kildene mine sier ikke noe om dette")
    assert "kofa.no" in answer.text
    assert not re.search(r"\d", answer.text.split("(kofa.no)")[0])  # no figures
    assert "karens" not in answer.text.lower() and "forføyning" not in answer.text.lower()


# --- buying the result of a pre-commercial procurement ----------------------------------------------------------

def test_buying_the_winner_after_a_pcp_needs_a_new_competition(corpus_hash_settings):
    answer = _ask("Vi vil betale tre firma for å utvikle hver sin prototyp av en ny brannvarsler, uten å forplikte oss "
                  "til å kjøpe. Kan vi gjøre dette uten å følge regelverket, og kan vi etterpå kjøpe løsningen direkte "
                  "fra den som leverte best?", corpus_hash_settings)
    assert re.search(r"ny (?:konkurranse|anskaffelse)", answer.text)


@pytest.mark.parametrize("question", [
    "LOA § 4 krever vel at vi fremmer innovasjon?",  # the premise is what is asked: a yes or no from the cards
    "Loven pålegger oss å fremme innovasjon. Hvordan dokumenterer vi innovasjonsplikten?",  # asked about itself
])
def test_a_premise_the_questions_are_about_is_left_to_the_cards(question, corpus_hash_settings):
    from advisor.chat.premises import premise_lead
    from advisor.search import open_index
    assert premise_lead(question, open_index(corpus_hash_settings), corpus_hash_settings) is None
