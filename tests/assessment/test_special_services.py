"""Other special services read from a description (legal, hotel and restaurant services), and the rules answer that
says which words gave the reading and why the ordinary part III threshold does not decide."""

from __future__ import annotations

import pytest

from advisor.assessment import assess, extract_case, special_service_kind
from advisor.chat.facts import read_facts
from advisor.chat.rules import rules_answer


@pytest.mark.parametrize(("text", "kind"), [
    ("Direktoratet trenger bistand fra et advokatfirma i en omorganisering", "juridiske tjenester"),
    ("Departementet skal kjøpe advokattjenester til et lovarbeid", "juridiske tjenester"),
    ("Vi treng juridisk hjelp i ei tvistesak", "juridiske tjenester"),
    ("Kommunen skal kjøpe hotellopphold til kursdeltakere", "hotelltjenester"),
    ("drift av restauranten i kulturhuset", "kantine, servering og restauranttjenester"),
    ("drift av kantine i rådhuset", "kantine, servering og restauranttjenester"),
    ("Vi skal sette ut driften av kantina på brannstasjonen", "kantine, servering og restauranttjenester"),
])
def test_legal_hotel_and_restaurant_services_are_read_as_special_services_with_their_kind(text, kind):
    extraction = extract_case(text)
    assert extraction.values.get("special_services") is True
    assert extraction.values.get("category") == "services"
    note = next(n for k, n in extraction.notes if k == "special_services")
    assert kind in note and "trolig" in note and "vedlegget til forskriften" in note


@pytest.mark.parametrize("text", [
    "Vi har fått råd fra advokaten vår om å kjøpe nye PC-er",    # the buyer's own adviser, not what is bought
    "Konferansen holdes på hotellet; vi skal kjøpe skjermer",    # a hotel as the place
])
def test_a_lawyer_or_hotel_that_is_not_what_is_bought_is_not_a_special_service(text):
    assert extract_case(text).values.get("special_services") is None


def test_special_service_kind_of_an_unknown_phrase_is_the_general_name():
    assert special_service_kind("noe annet") == "andre særlige tjenester"


def test_legal_services_for_a_state_buyer_are_parts_i_and_ii_not_part_iii(corpus_hash_settings):
    question = "Direktoratet trenger bistand fra et advokatfirma, 2,5 mill inkl. mva over to år. Hvilke regler gjelder?"
    result = assess(extract_case(question).values, corpus_hash_settings)
    assert result.part == "II" and result.next_threshold.key == "eea_special_services"
    answer = rules_answer(question, read_facts(question), corpus_hash_settings)
    assert answer is not None and answer.text.startswith("Del I og II gjelder")
    assert "«bistand fra et advokatfirma» er lest som juridiske tjenester, som trolig er særlige tjenester" in answer.text
    assert "sjekk vedlegget til forskriften" in answer.text and "ikke del III fra den vanlige EØS-terskelen" in answer.text


def test_the_same_purchase_without_a_special_service_keeps_the_ordinary_thresholds(corpus_hash_settings):
    question = "Direktoratet skal kjøpe et saksbehandlingssystem for 2,5 mill inkl. mva. Hvilke regler gjelder?"
    answer = rules_answer(question, read_facts(question), corpus_hash_settings)
    assert answer is not None and answer.text.startswith("Del I og III gjelder")
    assert "særlige tjenester" not in answer.text


def test_a_health_and_social_service_read_from_the_text_says_so(corpus_hash_settings):
    question = "Vi er ein kommune og skal kjøpe avlastning for 4 mill. kr. Kva reglar gjeld?"
    answer = rules_answer(question, read_facts(question), corpus_hash_settings)
    assert answer is not None and answer.text.startswith("Bare del I gjelder")
    assert "«avlastning» er lest som en helse- og sosialtjeneste (trolig; sjekk vedlegget til forskriften)" in answer.text


def test_a_question_that_names_the_class_itself_gets_no_reading_sentence(corpus_hash_settings):
    question = "Vi skal kjøpe hjemmetjenester (helse- og sosialtjenester) for 9 mill. kr. Hvilke regler gjelder?"
    answer = rules_answer(question, read_facts(question), corpus_hash_settings)
    assert answer is not None and answer.text.startswith("Del I og IV (kapittel 30) gjelder")
    assert "er lest som" not in answer.text


def test_running_the_staff_canteens_is_a_probable_special_service_and_canteen_equipment_is_not():
    from advisor.assessment import extract_case

    assert extract_case("Helseforetaket skal inngå avtale om drift av personalkantinene, 1,5 mill. kr per år i fire år."
                        ).values.get("special_services") is True
    assert not extract_case("Skolen skal kjøpe kantineutstyr for 3 mill. kr.").values.get("special_services")


@pytest.mark.parametrize(("text", "kind"), [
    ("Fylket skal kjøpe hotell, overnatting og møtelokaler til en fagsamling, 700 000 kr", "hotelltjenester"),
    ("Rammeavtale for møte- og kurshotell til etatens samlinger", "hotelltjenester"),
    ("Direktoratet har behov for hotell og konferansefasiliteter til et seminar", "hotelltjenester"),
    ("Universitetet vil leie hotellrom til gjesteforelesere", "hotelltjenester"),
    ("Avtale om overnatting for ansatte på tjenestereise, 1 mill. kr per år", "hotelltjenester"),
    ("Vi treng hotell- og restaurantenester til ein konferanse", "hotell- og restauranttjenester"),
])
def test_hotels_lodging_and_conference_hotels_bought_are_read_as_special_services(text, kind):
    extraction = extract_case(text)
    assert extraction.values.get("special_services") is True
    note = next(n for k, n in extraction.notes if k == "special_services")
    assert f"({kind}: trolig" in note


@pytest.mark.parametrize("text", [
    "Evaluering av tilskuddsordningen, 1,2 mill. kr; reise og overnatting dekkes etter statens satser",
    "Opplæringen holdes ved konferansehotellet, og vi skal kjøpe rådgivning for 600 000 kr",
    "Konsulentbistand til omorganisering; utgifter til overnatting kommer i tillegg",
])
def test_lodging_as_a_cost_or_a_hotel_as_the_venue_is_no_special_service(text):
    assert extract_case(text).values.get("special_services") is None


def test_a_hotel_read_from_a_list_keeps_its_kind_when_only_the_phrase_is_given():
    assert special_service_kind("hotell, overnatting") == "hotelltjenester"
    assert special_service_kind("hotell- og restauranttjenester") == "hotell- og restauranttjenester"


@pytest.mark.parametrize(("text", "buyer"), [
    ("Vi er et fylke som skal kjøpe nye pulter for 900 000 kr", "municipal"),
    ("Me er eit fylke og skal kjøpe nye pultar", "municipal"),
])
def test_a_county_that_says_it_is_a_county_is_a_municipal_buyer(text, buyer):
    assert extract_case(text).values.get("buyer") == buyer


def test_a_county_as_a_place_is_no_buyer():
    assert extract_case("Direktoratet skal kjøpe skyss til skoler i hele fylket for 3 mill. kr").values.get("buyer") == "state"


@pytest.mark.parametrize(("text", "expected"), [
    ("Vi skal kjøpe vanlige kontorrekvisita til alle skolene", "yes"),
    ("Kommunen trenger ordinære kontorstoler til rådhuset", "yes"),
    ("Gjelder de vanlige reglene for varer når vi kjøper nye stoler?", None),  # the ordinary rules, not ordinary goods
    ("Vi har de vanlige leverandørene i dag, men vil ha en ny løsning", None),
])
def test_ordinary_goods_said_to_be_ordinary_are_on_the_market(text, expected):
    assert extract_case(text).values.get("market_has_solution") == expected
