"""Wave 9: with no purchase type (none fits, or two tie) the need is not the buyer's sentence with today's product in
it: it names the users, the problem and the outcome as blanks to fill in, without the product's figures or name. A type
that covers two things fits its climate requirement too (a door purchase gets no windows' U-value)."""

from __future__ import annotations

import re

import pytest

from advisor.rewrite import rewrite_requirement


@pytest.mark.parametrize(("text", "figures"), [
    ("Høreapparatene skal være Oticon More med 16 kanaler.", ["16", "Oticon"]),
    ("Mikrobølgeovnene til personalrommet skal ha 28 liter og 900 W.", ["28 liter", "900 W"]),
    ("Vi skal kjøpe 4 båtmotorer på 40 hk.", ["40 hk"]),
    ("Båtmotorene til havnevesenet skal være på 40 hk.", ["40 hk"]),
    ("Symaskinene til tekstilverkstedet skal være Pfaff med 120 sømmer.", ["120", "Pfaff"]),
])
def test_a_generic_need_names_users_problem_and_outcome_without_the_product(settings, text, figures):
    need = rewrite_requirement(text, settings).need_statement
    assert not any(f in need for f in figures), need
    assert "brukerne av" in need and "problemet" in need and "slik at" in need
    assert re.search(r"\[skriv hvem", need)  # what the buyer must add


def test_an_action_with_a_number_stays_the_need(settings):
    # a response time is what the buyer needs, not a figure of today's product
    need = rewrite_requirement("Vaktmesteren skal rykke ut innen 2 timer.", settings).need_statement
    assert "2 timer" in need


def test_a_door_purchase_gets_no_windows_climate_requirement(settings):
    rewrite = rewrite_requirement("Dørene i den nye barnehagen skal være fra Jeld-Wen.", settings)
    assert not any("Vinduene" in r or "vinduet" in r for r in rewrite.functional_requirements)
    assert any("U-verdi" in r and "døren" in r for r in rewrite.functional_requirements)


def test_what_a_vehicle_has_room_for_does_not_pick_the_type(settings):
    # «rullestoler» after «plass til 2» is what the car holds, not a chair purchase
    rewrite = rewrite_requirement("Pasientbilene skal være Mercedes Vito med plass til 2 rullestoler.", settings)
    assert "sitte godt" not in rewrite.need_statement
    assert not any(r.startswith("Stolen") for r in rewrite.functional_requirements)
