"""Wave 15 (own wording): a colour code, an imitation leather, a country after a material, a measuring principle are
details chosen without a function; the size of a playing field is the scope of the works."""

from __future__ import annotations

import pytest

from advisor.requirements import find_matches


def _found(text: str) -> set[tuple[str, str]]:
    return {(h.category, text[h.start:h.end]) for h in find_matches(text)}


@pytest.mark.parametrize("text, expected", [
    ("Skapene skal leveres i RAL 9010.", ("material_dimension_method", "RAL 9010")),
    ("Fasadeplatene skal ha farge NCS S 1502-Y.", ("material_dimension_method", "NCS S 1502-Y")),
    ("Setene skal ha trekk i kunstlær.", ("material_dimension_method", "kunstlær")),
    ("Benkene skal ha sete av granitt fra Kina.", ("origin", "fra Kina")),
    ("Vannmålerne skal bruke ultralydmåling.", ("prescribed_technology", "ultralydmåling")),
    ("Instrumentet skal analysere med flowcytometri.", ("prescribed_technology", "flowcytometri")),
])
def test_a_detail_without_function_is_flagged(text, expected):
    assert expected in _found(text)


def test_a_colour_code_for_visibility_is_lawful():
    assert not any(cat == "material_dimension_method" for cat, _ in _found("Vestene skal være i RAL 1026 for god synlighet."))


def test_travel_from_a_country_is_no_origin():
    assert not any(cat == "origin" for cat, _ in _found("Rådgiveren skal reise fra Danmark til møtene."))


def test_the_size_of_a_pitch_is_no_product_dimension():
    assert _found("Klubben skal anlegge en fotballbane på 100 x 64 m.") == set()
    assert ("material_dimension_method", "120 x 60 cm") in _found("Pultene skal være 120 x 60 cm.")


def test_an_ultrasound_device_bought_is_no_measuring_principle():
    assert not any(cat == "prescribed_technology" for cat, _ in _found("Klinikken skal kjøpe et ultralydapparat."))


def test_a_part_placed_over_the_patient_is_a_design_choice():
    assert ("material_dimension_method", "brett montert over pasienten") in _found(
        "Unitene skal ha brett montert over pasienten.")
    assert not any(cat == "material_dimension_method" for cat, _ in _found("Lampen skal kunne plasseres over pasienten."))


def test_a_colour_code_of_a_named_product_is_flagged_with_the_name_only():
    found = _found("Platene skal være Cembrit Solid i fargen NCS S 3005-Y.")
    assert not any(cat == "material_dimension_method" for cat, _ in found)
