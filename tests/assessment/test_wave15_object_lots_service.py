"""What is bought decides the contract type (not the care unit that buys it); stays and places in nynorsk are health
and social services; lots and a service agreement beside the goods are added to the value (FOA § 5-4); equipment
put up along a road is no works contract."""

from __future__ import annotations

import pytest

from advisor.assessment import assess, extract_case
from advisor.assessment.amounts import read_amounts


def _values(text: str) -> dict:
    return extract_case(text).values


@pytest.mark.parametrize("text", [
    "Hjemmetjenesten i bydelen skal kjøpe fem el-sykler og to elbiler for 2,4 mill. kr.",
    "Heimetenesta i kommunen treng nye elsyklar, om lag 1,8 mill.",
    "Helse- og omsorgstjenesten skal kjøpe inn pasientsenger til 3 mill. kr",
    "Barnevernet skal kjøpe ein ny bil til 700 000 kr",
    "Demensomsorgen ønsker å kjøpe sensorer og alarmer for 2 mill.",
    "Kommunen skal anskaffe trygghetsalarmer til hjemmetjenesten, anslått 4 mill.",
    "Kommunens hjemmetjeneste skal kjøpe 20 el-sykler for 600 000 kr.",
    "Bydelens hjemmesykepleie vil kjøpe tre elbiler for 1,2 mill. kr",
])
def test_goods_bought_by_a_care_unit_are_goods_not_health_services(text):
    values = _values(text)
    assert values.get("category") == "goods"
    assert not values.get("health_social_services")


@pytest.mark.parametrize("text", [
    "Hjemmetjenesten skal kjøpe praktisk bistand fra private for 4 mill.",
    "Barnevernet skal kjøpe tjenester fra private aktører, 3 mill. kr",
    "Vi skal kjøpe heimetenester for 2 mill.",
    "Kommunens hjemmetjeneste skal kjøpe praktisk bistand for 3 mill. kr",
])
def test_a_care_service_bought_by_a_care_unit_stays_a_health_service(text):
    values = _values(text)
    assert values.get("category") == "services" and values.get("health_social_services") is True


@pytest.mark.parametrize("text", [
    "Kommunen vil kjøpe rehabiliteringsopphald på institusjon til eldre, om lag 5 mill. kr.",
    "Me skal kjøpe korttidsopphald for 3 mill.",
    "Kommunen treng avlastingsopphald for born, 4 mill. kr",
    "Kjøp av plassar i barnebustad, 6 mill. kr",
    "Kommunen skal kjøpe dagtilbod til heimebuande eldre for 2 mill. kr",
    "Vi treng opphald på sjukeheim for 20 bebuarar",
    "Heimetenesta skal kjøpe heimehjelp for 1,5 mill.",
])
def test_stays_and_places_in_nynorsk_are_health_and_social_services(text):
    values = _values(text)
    assert values.get("category") == "services" and values.get("health_social_services") is True


def test_a_summer_activity_for_children_is_no_health_service():
    values = _values("Kommunen kjøper eit sommaropplegg med dagaktiviteter for born, 120 000 kr.")
    assert not values.get("health_social_services")


def test_a_health_service_in_nynorsk_below_7_8_mill_is_part_i_only(corpus_hash_settings):
    result = assess(_values("Kommunen skal kjøpe korttidsopphald på institusjon for 5 mill. kr."), corpus_hash_settings)
    assert result.part == "I"


def test_goods_of_a_care_unit_over_the_national_threshold_are_not_part_i_only(corpus_hash_settings):
    result = assess(_values("Heimetenesta i kommunen skal kjøpe elbilar for 3 mill. kr."), corpus_hash_settings)
    assert result.part != "I"


@pytest.mark.parametrize(("text", "total"), [
    ("Skolebygget deles i tre delentrepriser: grunnarbeid 11 mill., råbygg 30 mill. og tekniske fag 17 mill.", 58_000_000),
    ("Vi kjøper 9 mill. for delkontrakt 1, 21 mill. for delkontrakt 2 og 8 mill. for delkontrakt 3.", 38_000_000),
    ("Delentreprise 1: 6 mill., delentreprise 2: 13 mill. og delentreprise 3: 4 mill.", 23_000_000),
    ("Vintervedlikehaldet skal ut i fire roder à 1,2 mill. kr.", 4_800_000),
    ("Vi skal kjøpe brøyting i rode A for 700 000 kr og rode B for 650 000 kr.", 1_350_000),
])
def test_lots_are_added_up(text, total):
    assert _values(text)["estimated_value_nok"] == total


def test_lots_per_year_are_added_up_and_the_term_kept():
    values = _values("Reinhaldet er fordelt på tre soner à 600 000 kr per år i fire år.")
    assert values["value_per_period_nok"] == 1_800_000 and values["duration_months"] == 48


def test_a_lot_number_is_no_amount():
    amounts, _ = read_amounts("9 mill. for delkontrakt 1, 21 mill. for delkontrakt 2 og 8 mill. for delkontrakt 3")
    assert [a.value for a in amounts] == [9_000_000, 21_000_000, 8_000_000]


def test_the_reasoning_says_the_lots_were_summed(corpus_hash_settings):
    result = assess(_values("Fylket deler bygget i tre delentrepriser: 20 mill., 25 mill. og 15 mill. kr ekskl. mva."),
                    corpus_hash_settings)
    assert result.contract_value.total_nok == 60_000_000 and result.part == "III"
    assert "Delkontraktene er lagt sammen" in repr(result)


@pytest.mark.parametrize(("text", "total"), [
    ("Kommunen skal kjøpe 8 elbiler for 3 mill. med opsjon på 4 til (ca. 1,5 mill.) og en serviceavtale i tre år til "
     "40 000 kr i året.", 3_000_000 + 1_500_000 + 120_000),
    ("Skolen kjøper ein 3D-printer til 350 000 kr og ein serviceavtale på 25 000 kr per år i fire år.", 450_000),
    ("Vi kjøper en feiemaskin til 1,6 mill. kr med serviceavtale i fem år à 50 000 kr per år.", 1_850_000),
    ("Vi kjøper en arbeidsbåt til 4 mill. kr med vedlikeholdsavtale på 100 000 kr i året i 3 år.", 4_300_000),
])
def test_a_service_agreement_beside_the_goods_is_added(text, total):
    values = _values(text)
    assert values["estimated_value_nok"] == total
    assert values.get("category") == "goods"


def test_a_total_and_its_parts_are_not_counted_twice():
    values = _values("Vi kjøper en arbeidsbåt til 4 mill. kr med serviceavtale på 100 000 kr i året i 3 år, totalt 4,3 mill.")
    assert values["estimated_value_nok"] == 4_300_000


@pytest.mark.parametrize("text", [
    "Fylkeskommunen skal kjøpe et trafikkvarslingssystem med detektorer og skilt langs fylkesvegane, ca. 6 mill.",
    "Vi skal kjøpe og installere varselskilt for elg langs veien, 2 mill.",
])
def test_equipment_put_up_along_a_road_is_no_works_contract(text):
    assert _values(text).get("category") == "goods"


@pytest.mark.parametrize("text", [
    "Kommunen skal asfaltere kommunale veier for 5 mill.",
    "Vi skal bygge ny veg til hyttefeltet, 30 mill.",
    "Vi skal rehabilitere brua over elva, 20 mill.",
    "Riving av den gamle skolen, 3 mill.",
    "Fylket skal skifte ut rekkverk langs vegen for 12 mill.",
])
def test_genuine_works_stay_works(text):
    assert _values(text).get("category") == "works"


def test_a_sentence_before_a_colon_is_no_buyer_name_and_the_summed_lots_pass_the_works_threshold(corpus_hash_settings):
    values = _values("Fylket skal bygge ny vidaregåande skule og dele arbeidet i tre delentrepriser: 15 mill., 33 mill. "
                     "og 13 mill. Kva del gjeld?")
    assert values["category"] == "works" and values["estimated_value_nok"] == 61_000_000
    result = assess(values, corpus_hash_settings)
    assert result.part == "III"  # each lot is below the works threshold; their sum is not


def test_a_buyer_name_before_a_colon_is_still_blanked():
    values = _values("Hjemmetjenesten i Eksempel kommune: Kjøp av 12 el-sykler for 400 000 kr.")
    assert values.get("category") == "goods" and not values.get("health_social_services")


@pytest.mark.parametrize("text", [
    "Kommunen skal kjøpe miljøterapi for ungdom, 3 mill.",
    "Kommunen kjøper rehabilitering for eldre etter sjukehusopphald, 4 mill.",
    "Me treng fysioterapi til bebuarane, 1 mill.",
])
def test_therapy_and_rehabilitation_of_people_are_health_services(text):
    assert _values(text).get("health_social_services") is True


@pytest.mark.parametrize("text", ["Rehabilitering av sjukeheimen, 30 mill.", "Vi skal rehabilitere skulen for 20 mill."])
def test_rehabilitation_of_a_building_is_works(text):
    values = _values(text)
    assert values.get("category") == "works" and not values.get("health_social_services")
