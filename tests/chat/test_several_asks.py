"""A rules question that asks several things gets each answered, the part first and the rest in the order asked: the
notice channel (Doffin, TED), the procedure, the time limits of the procedure that applies, negotiation after the
tenders are opened, the grounds in FOA § 13-2. Also: the buyer read from «i kommunen» and the like, and the line of
facts read from the question showing the term with its options."""

from __future__ import annotations

import pytest

from advisor.chat import ask
from advisor.chat.facts import read_facts
from advisor.chat.rules import read_line
from advisor.search import open_index


@pytest.fixture(scope="module")
def index(corpus_hash_settings):
    return open_index(corpus_hash_settings)


def _cited(answer, doc_id: str) -> bool:
    return any(c.doc_id == doc_id for c in answer.citations)


def test_part_then_ted_then_time_limits_in_english(corpus_hash_settings, index):
    answer = ask("Our ministry will buy a software licence service, about NOK 500,000 a year for two years with an "
                 "option of two more years. Which part of the rules applies, must we advertise in TED, and how long "
                 "are the minimum time limits in the restricted procedure?", index, corpus_hash_settings)
    text = answer.text
    assert answer.route == "rules", text
    assert text.startswith("Parts I and III"), text
    assert text.index("Parts I and III") < text.index("TED") < text.index("at least 30 days")
    assert "Yes, on Doffin and in TED" in text
    assert "As a central government buyer you cannot agree a shorter tender deadline" in text
    assert _cited(answer, "guide-frister-og-karens")


def test_a_part_ii_purchase_is_told_doffin_only_not_ted(corpus_hash_settings, index):
    answer = ask("Kommunen skal kjøpe vaskeritjenester for 1,7 mill. kr. Hvilken del gjelder, må vi kunngjøre i TED, og "
                 "hva er minstefristen for tilbud?", index, corpus_hash_settings)
    text = answer.text
    assert answer.route == "rules", text
    assert text.startswith("Del I og II gjelder"), text
    assert "Nei, ikke i TED, men på Doffin" in text
    assert "Del II har ingen minstefrister" in text


def test_numbered_questions_get_procedure_deadline_and_no_negotiation_after_opening(corpus_hash_settings, index):
    answer = ask("Fylkeskommunen skal inngå rammeavtale om kontorrekvisita, om lag 1,2 mill. kr i året i 2 år: a) hvilken "
                 "prosedyre bør vi velge, b) hva er korteste tilbudsfrist, c) kan vi forhandle med de tre beste etter "
                 "at tilbudene er åpnet?", index, corpus_hash_settings)
    text = answer.text
    assert answer.route == "rules", text
    assert text.startswith("Del I og III gjelder"), text
    assert "statlig (ikke oppgitt)" not in text and "2,3 mill" in text
    assert "åpen eller begrenset anbudskonkurranse" in text and "§ 13-2" in text
    assert "minst 30 dager" in text and "konkurranse med forhandling (del III)" not in text
    assert "Nei: i åpen og begrenset anbudskonkurranse er det ikke lov å forhandle" in text
    order = [text.index(s) for s in ("Den vanlige prosedyren", "Minstefristene i åpen", "ikke lov å forhandle")]
    assert order == sorted(order)
    assert _cited(answer, "guide-apen-og-begrenset-anbudskonkurranse")


def test_nynorsk_choice_of_procedure_lists_the_grounds(corpus_hash_settings, index):
    answer = ask("Fylkeskommunen skal kjøpa eit nytt saksbehandlingssystem for om lag 4 mill. kr utan mva. Kan vi bruka "
                 "konkurransepreget dialog, eller må vi ha open anbodskonkurranse? Kva for vilkår må vere oppfylte?",
                 index, corpus_hash_settings)
    text = answer.text
    assert answer.route == "rules", text
    # the yes-if on the procedure asked to use leads; the part and its value follow
    assert text.startswith("Ja, men på vilkår: over EØS-terskelen gjelder del I og III, og der kan dere bruke "
                           "konkurransepreget dialog"), text
    assert "Del I og III gjelder" in text
    assert "Ingen regel pålegger dere å bruke åpen anbudskonkurranse".lower() in text.lower()
    for ground in ("tilpasses", "design eller innovative", "kompleksitet", "presist nok", "uakseptable tilbud"):
        assert ground in text, ground
    assert _cited(answer, "guide-konkurranse-med-forhandling")


def test_grounds_asked_alone_are_listed_with_the_burden_of_proof(corpus_hash_settings, index):
    answer = ask("Vi er en kommune og skal kjøpe et velferdsteknologisystem for 5 mill. kr. Hvilke vilkår må være "
                 "oppfylt for å bruke konkurranse med forhandling?", index, corpus_hash_settings)
    text = answer.text
    assert answer.route == "rules", text
    assert "1) behovet kan ikke dekkes" in text and "5) en tidligere åpen" in text
    assert "dokumenteres" in text


def test_negotiation_after_opening_in_part_ii_needs_an_announced_reservation(corpus_hash_settings, index):
    answer = ask("Kommunen kjøper brøyting for 1,5 mill. kr. Kan vi forhandle med de to beste etter at tilbudene er "
                 "åpnet?", index, corpus_hash_settings)
    text = answer.text
    assert answer.route == "rules", text
    assert "Bare hvis dere har opplyst på forhånd" in text and "ikke bekreftet" in text and "Lovdata" in text


@pytest.mark.parametrize("text", [
    "Teknisk drift i kommunen skal kjøpe arbeidsklær for 2 mill. kr.",
    "Vi skal kjøpe snøbrøyting av kommunens veier for 3 mill. kr.",
    "Fylkeskommunen vil kjøpe skolebøker for 2 mill. kr.",
    "Our county council will buy cleaning for NOK 2 million.",
])
def test_the_buyer_is_read_as_municipal_from_the_definite_form(text):
    assert read_facts(text).values.get("buyer") == "municipal"


def test_a_state_body_working_in_the_municipality_stays_state():
    assert read_facts("Statens vegvesen skal kjøpe asfalt i kommunen for 3 mill. kr.").values.get("buyer") == "state"


def test_a_rough_english_million_is_read_as_millions():
    assert read_facts("The budget is ~NOK 2m for a county council.").values["estimated_value_nok"] == 2_000_000


def test_software_for_a_social_service_is_not_a_health_and_social_service():
    facts = read_facts("Kommunen skal kjøpe nytt fagsystem for barnevernet for 6 mill. kr.")
    # the software is what is bought (goods or services, one threshold); the service it is for is not
    assert not facts.values.get("health_social_services") and facts.values.get("category") == "goods"
    assert read_facts("Kommunen skal kjøpe avlastning for barn for 6 mill. kr.").values.get("health_social_services")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_term_the_question_states_is_not_repeated_in_the_read_line(lang):
    # The term and options are figures the question states; the answer's reasoning shows the sum they give.
    values = {"value_per_period_nok": 400_000, "value_period": "year", "duration_months": 24, "option_months": 24}
    assert read_line(values, lang) == ""


def test_numbered_questions_on_negotiating_in_an_open_procedure_and_the_grounds_are_each_answered(corpus_hash_settings):
    # wording of our own: 1) negotiating inside an open procedure, 2) «Hva skal til for …» (the grounds), 3) time limits
    answer = ask("Fire korte spørsmål om fylkets kjøp av et nytt lønnssystem til ca 7 mill eks mva: 1) Har vi lov å "
                 "forhandle om prisen dersom vi kjører åpen anbudskonkurranse? 2) Hva må til for å bruke konkurranse med "
                 "forhandling? 3) Hvilke minstefrister gjelder?", open_index(corpus_hash_settings), corpus_hash_settings)
    assert answer.route == "rules"
    assert "ikke lov å forhandle" in answer.text  # 1
    assert "FOA § 13-2" in answer.text and "uakseptable tilbud" in answer.text  # 2: the five grounds
    assert "30 dager" in answer.text  # 3


def test_numbered_questions_are_answered_in_their_order_the_part_after_the_first(corpus_hash_settings, index):
    answer = ask("Vi er en fylkeskommune som skal kjøpe kontormøbler for 6 mill. kr. 1) Hvor lang tilbudsfrist må vi minst gi "
                 "i en begrenset anbudskonkurranse? 2) Kan vi forhandle med tilbyderne?", index, corpus_hash_settings)
    text = answer.text
    assert answer.route == "rules", text
    assert text.startswith("Minstefristene i begrenset anbudskonkurranse"), text
    assert text.index("Minstefristene") < text.index("Del I og III gjelder") < text.index("Om konkurranse med forhandling")
    # the markers run 1, 2, … in the order they are read, and every one points to a passage
    markers = [int(n) for group in __import__("re").findall(r"\[([\d, ]+)\]", text) for n in group.split(",")]
    assert markers[:2] == [1, 2] and set(markers) == {c.n for c in answer.citations}


def test_which_threshold_asked_first_is_answered_before_the_procedure(corpus_hash_settings, index):
    answer = ask("Kommunen skal kjøpe en ny feiebil for 4 mill. kr. 1) Hvilken terskelverdi gjelder? 2) Kan vi bruke "
                 "konkurransepreget dialog?", index, corpus_hash_settings)
    assert answer.text.startswith("Del I og III gjelder"), answer.text
    assert "Om konkurransepreget dialog" in answer.text


def test_unnumbered_questions_keep_the_part_before_the_time_limits(corpus_hash_settings, index):
    answer = ask("Vi er en fylkeskommune som skal kjøpe kontormøbler for 6 mill. kr. Hvor lang tilbudsfrist må vi minst gi "
                 "i en begrenset anbudskonkurranse, og kan vi forhandle med tilbyderne?", index, corpus_hash_settings)
    assert answer.text.index("Del I og III gjelder") < answer.text.index("Minstefristene"), answer.text
