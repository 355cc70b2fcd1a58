"""Round 14 grading kinds, in our own wording: a port operator is a utility, a service agreement bought with an
instrument counts in its value, a municipal service tells the buyer, a booking system for a health service is an IT
purchase, and a message that states a purchase but asks about a situation gets the situation's card first."""

from __future__ import annotations

import pytest

from advisor.chat.facts import read_facts


def _ask(question, settings):
    from advisor.chat import ask
    from advisor.search import open_index
    return ask(question, open_index(settings), settings)


def _lead(question, settings):
    from advisor.chat.premises import premise_lead
    from advisor.search import open_index
    return premise_lead(question, open_index(settings), settings)


@pytest.mark.parametrize("text", [
    "Havneselskapet vårt skal kjøpe nye fendere til kaia for 3 mill. kr.",
    "Vi driver containerhavna og skal inngå avtale om slepebåttjenester for 6 mill. kr.",
    "As a port company we will buy crane maintenance for NOK 5 million.",
])
def test_a_port_operator_is_read_as_a_utility(text):
    assert read_facts(text).values.get("regime") == "utilities"


def test_a_port_operator_above_the_utilities_threshold_gets_the_utilities_regulation(corpus_hash_settings):
    answer = _ask("Vi er et havneselskap eid av to kommuner og skal kjøpe vedlikehold av kaikranene for 1,2 mill. kr "
                  "i året i fem år. Hvilke regler gjelder?", corpus_hash_settings)
    assert "Forsyningsforskriften" in answer.text.split(". ")[0]
    assert "4,6 mill. kr" in answer.text


@pytest.mark.parametrize(("text", "value"), [
    ("Vi skal kjøpe et mikroskop til 900 000 kr, pluss en serviceavtale i fire år til 50 000 kr i året.", 1_100_000),
    ("Instrumentet koster 1,2 mill. kr, og i tillegg en vedlikeholdsavtale over 3 år for 100 000 kr per år.",
     1_500_000),
])
def test_a_service_agreement_with_its_own_term_counts_in_the_value(text, value):
    assert read_facts(text).values.get("estimated_value_nok") == value


def test_the_sum_decides_the_part_and_the_premise_is_answered_no(corpus_hash_settings):
    answer = _ask("Vi er et direktorat og kjøper en laserskanner til 1,3 mill. kr, pluss en serviceavtale i fem år til "
                  "60 000 kr i året. Skanneren er under 1,49 mill., så vi er vel i del II?", corpus_hash_settings)
    assert answer.text.startswith("Nei")
    assert "Del I og III gjelder" in answer.text


@pytest.mark.parametrize("text", [
    "Vi skal kjøpe nye tavler til klasserommene for 900 000 kr.",
    "Sykehjemmet trenger nye senger for 2 mill. kr.",
    "Nytt biblioteksystem til 1,8 mill. kr skal anskaffes.",
])
def test_a_municipal_service_tells_the_buyer(text):
    assert read_facts(text).values.get("buyer") == "municipal"


def test_a_named_state_buyer_beats_a_municipal_service_word():
    assert read_facts("Universitetet skal kjøpe nytt biblioteksystem for 2 mill. kr.").values.get("buyer") == "state"


def test_a_booking_system_for_a_health_service_is_an_it_purchase():
    values = read_facts("Kommunen skal kjøpe et nytt bestillingssystem for helsestasjonen til 3 mill. kr.").values
    assert values.get("health_social") is not True


def test_exhausting_a_framework_agreement_is_corrected_by_its_card(corpus_hash_settings):
    lead = _lead("Vi har en rammeavtale på kontorrekvisita med maksimal verdi 1 mill. kr, som nå er nådd. Leverandøren "
                 "mener taket bare er veiledende. Stemmer det, og hvilke muligheter har vi?", corpus_hash_settings)
    assert lead is not None and lead[0].card.id == "rammeavtale-oppbrukt"
    assert lead[1] == ""  # whether the claim holds, and what to do, is what the card answers


def test_buying_directly_after_a_pre_commercial_procurement_is_corrected_first(corpus_hash_settings):
    lead = _lead("Vi vil bruke en førkommersiell anskaffelse for å få utviklet en ny sensor og så kjøpe den ferdige "
                 "sensoren direkte fra den beste leverandøren. Hvor lang tid tar en slik prosess?", corpus_hash_settings)
    assert lead is not None and lead[0].card.id == "pcp-kjop-etterpa"
    assert lead[1].startswith("Hvor lang tid")


def test_negotiating_after_an_open_procedure_beats_the_rules(corpus_hash_settings):
    answer = _ask("Vi har kjørt åpen anbudskonkurranse om nye kopimaskiner for 3 mill. kr, og alle tre tilbudene er "
                  "for dyre. Kan vi kontakte tilbyderne og forhandle ned prisen?", corpus_hash_settings)
    assert answer.card_id == "apen-anbud-forhandle-etterpa"
    assert answer.text.startswith("Nei, ikke i den åpne anbudskonkurransen")


def test_negotiating_in_a_planned_purchase_is_still_for_the_rules(corpus_hash_settings):
    answer = _ask("Vi skal kjøpe nye kopimaskiner for 3 mill. kr. Kan vi forhandle med leverandørene?",
                  corpus_hash_settings)
    assert answer.card_id != "apen-anbud-forhandle-etterpa"


def test_a_plan_asked_about_gets_its_card_before_the_part(corpus_e5_settings):
    answer = _ask("Før vi kunngjør anskaffelsen av nytt lønnssystem for ca. 2 mill. kr, vil vi ha møter med de to "
                  "leverandørene vi kjenner fra før. Er det lov?", corpus_e5_settings)
    assert answer.card_id is not None and answer.card_id.startswith("markedsdialog")
    assert "Del I" not in answer.text.split(". ")[0]


def test_a_procedure_the_scene_names_is_still_judged_by_the_rules(corpus_e5_settings):
    answer = _ask("Vi er en kommune og vil bruke konkurransepreget dialog for et kjøp på 900 000 kr. Er det lov?",
                  corpus_e5_settings)
    assert answer.route == "rules"
    assert answer.text.startswith("Ja")

