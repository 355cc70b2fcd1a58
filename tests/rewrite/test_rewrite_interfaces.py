"""What the delivery must fit becomes an interface requirement, and food goods get a food-goods type.

Every sentence here is written for these tests (not taken from an eval set or a graded sample).
"""

from __future__ import annotations

import pytest

from advisor.requirements import find_matches
from advisor.rewrite import find_references, rewrite_requirement
from advisor.rewrite.references import interface_requirement


@pytest.mark.parametrize("text, thing, interface", [
    ("De nye bærbare maskinene må passe med dokkingstasjonene vi har på kontoret.", "dokkingstasjonene", "USB-C"),
    ("Armaturene skal være kompatible med eksisterende styringssystem for gatelys.", "eksisterende styringssystem", "TALQ"),
    ("Den nye timebestillingen skal integreres med fagsystemet.", "fagsystemet", "REST-API"),
    ("Alarmene skal ha samme varslingsrutiner som i dag.", "mottar varslene i dag", "SCAIP"),
])
def test_a_fit_with_what_the_buyer_has_is_an_interface_requirement(text, thing, interface):
    requirement, note = interface_requirement(text, find_matches(text))
    assert thing in requirement and interface in requirement
    assert "dokumentert, åpent grensesnitt" in requirement and "eller tilsvarende" in requirement
    assert "tilkoblingstest" in requirement and "FOA § 15-1" in note


@pytest.mark.parametrize("text", [
    "Stolene skal passe til bordene i kantinen.",  # a fit, not an interface
    "Skoene skal passe til alle brukerne.",
    "Vi skal kjøpe 20 nye kontorstoler.",
])
def test_no_interface_requirement_without_something_technical_to_fit(text):
    assert interface_requirement(text, find_matches(text)) == ("", "")


def test_a_named_system_in_use_is_kept_and_the_product_bought_is_not_one(settings):
    text = ("Nye lysmaster skal være Philips Luma gen2 og skal styres via Philips Interact City, som vi allerede "
            "benytter.")
    rewrite = rewrite_requirement(text, settings)
    assert "styres fra Philips Interact City" in rewrite.functional_requirements[0]
    assert not any("Luma" in r for r in rewrite.functional_requirements)
    assert [(r.kind, r.name) for r in rewrite.references] == [("integration", "Philips Interact City")]


def test_a_laptop_named_as_what_is_bought_is_no_system_to_work_with():
    text = "PC-ene skal være Lenovo ThinkPad T14 med Windows 11 Pro, slik at de passer i dagens dokkingstasjoner."
    assert not [r.name for r in find_references(text, find_matches(text)) if r.is_conditional]


@pytest.mark.parametrize("text", [
    "All kylling og alt kjøtt til kjøkkenene skal komme fra Norsk Kylling.",
    "Melk, yoghurt og ost til barnehagene skal leveres av Q-meieriene.",
])
def test_meat_and_dairy_are_food_goods_not_a_meal_service(settings, text):
    rewrite = rewrite_requirement(text, settings)
    written = " ".join(rewrite.functional_requirements)
    assert "kjølekjeden" in written and "spore" in written and "allergener" in written
    assert "Menyen" not in written and "middager" not in written
    assert any("innkjøpstypen «matvarer»" in n for n in rewrite.notes)


def test_product_figures_are_not_listed_as_kept_requirements(settings):
    text = "Lysmastene langs turvegen skal ha armaturer med fargetemperatur 3000 K og 16 lysdioder."
    rewrite = rewrite_requirement(text, settings)
    assert "3000 K" in rewrite.product_figures and "3000 K" not in rewrite.kept_targets
    colour = next(r for r in rewrite.functional_requirements if "3000 K" in r)
    assert "ikke et krav i seg selv" in colour and "fargetemperatur" not in colour.split("[")[0]


def test_a_count_bought_is_kept_as_a_requirement(settings):
    rewrite = rewrite_requirement("Kommunen skal anskaffe 80 medisindispensere av typen Evondos E300.", settings)
    assert "80 medisindispensere" in rewrite.kept_targets and not rewrite.product_figures  # a count with what it counts
    assert not any("m²" in r for r in rewrite.functional_requirements)


def test_the_cli_says_which_figures_are_kept_and_which_are_product_data(settings):
    from advisor.cli.analyze import format_rewrite

    out = format_rewrite(rewrite_requirement("Skjermene skal være 27 tommer, og vi skal kjøpe 40 stykker.", settings))
    kept = next(line for line in out.splitlines() if "beholdt som krav" in line)
    assert "27" not in kept
    assert "27 tommer" in next(line for line in out.splitlines() if line.strip().startswith("Tall fra originalen som ikke er krav"))


def test_a_type_named_by_the_text_decides_the_kind_over_a_guess_from_the_verb(settings):
    rewrite = rewrite_requirement("Tilbudt prosjektleder skal ha minst 12 års erfaring med SAP.", settings)
    assert rewrite.object_kind == "services"  # the type's only kind, not the guess «goods» from «ha»
    assert not any(q.startswith("Er det riktig at dere kjøper en vare") for q in rewrite.questions_for_buyer)


def test_office_chairs_are_not_for_pupils_and_their_origin_note_is_not_about_freshness(settings):
    rewrite = rewrite_requirement("Kontorstolene skal være Kinnarps 8000 og være laget i Sverige.", settings)
    assert "elev" not in rewrite.need_statement and "ansatte" in rewrite.need_statement
    origin = " ".join(b.rule for b in rewrite.legal_basis)
    assert "ferskhet" not in origin and "reservedeler" in origin


def test_a_floor_brand_is_not_asked_about_fit_with_equipment(settings):
    rewrite = rewrite_requirement("Gulvbelegget på sengepostene skal være Forbo Sphera.", settings)
    assert not any("kompatibilitet med utstyr" in q for q in rewrite.questions_for_buyer)


def test_a_named_system_to_fit_is_asked_about_once(settings):
    rewrite = rewrite_requirement("Nye lysmaster skal styres via Philips Interact City, som vi allerede benytter.", settings)
    asked = [q for q in rewrite.questions_for_buyer if "Philips Interact City" in q]
    assert len(asked) == 1 and "versjon" in asked[0]


def test_a_named_emission_class_is_kept_with_its_equivalents(settings):
    rewrite = rewrite_requirement("Vinylbelegget på kontorene skal være fra Gerflor og M1-klassifisert.", settings)
    assert any("emisjonsklasse M1 eller tilsvarende" in r for r in rewrite.functional_requirements)


@pytest.mark.parametrize("text, expected", [
    ("Løsningen må kunne integreres med kommunens journalsystem Gerica for å hente vedtak.", True),
    ("Lyset i gymsalen skal styres med DALI.", False),  # a named technology, nothing the buyer already has
])
def test_a_named_thing_to_fit_needs_a_sign_that_the_buyer_has_it(text, expected):
    assert bool(interface_requirement(text, find_matches(text))[0]) is expected


def test_the_thing_to_fit_stops_before_how_it_is_reached():
    text = "Systemet skal kunne integreres med kommunens eksisterende arkivsystem via åpne API-er."
    requirement, _ = interface_requirement(text, find_matches(text))
    assert "arkivsystem [" in requirement and "via åpne" not in requirement


@pytest.mark.parametrize("text, expected", [
    ("Skolen skal kjøpe inn melk og yoghurt til elevene.", "matvarer"),
    ("Sykehjemmet skal servere kylling til middag to ganger i uka.", "mat"),  # a meal, not goods for the kitchen
    ("Middagene skal inneholde minst 150 g kjøtt per porsjon.", "mat"),
])
def test_food_goods_and_meals_are_told_apart(settings, text, expected):
    from advisor.requirements import read_purchase_object
    from advisor.rewrite.domains import load_purchase_types, purchase_type_for

    ptype = purchase_type_for(text, load_purchase_types(settings), bought=read_purchase_object(text))
    assert ptype is not None and ptype.id == expected
