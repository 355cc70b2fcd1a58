"""Wave 15: a synthetic material named by its code (EPDM and the like) is a material chosen without a function, whatever
verb carries it, and the advice names the property to ask for instead. Wordings written for these tests."""
import pytest

from advisor.config import Settings
from advisor.requirements import analyze_requirement, find_matches


def materials(text):
    return [text[m.start:m.end] for m in find_matches(text)
            if m.category == "material_dimension_method" and m.kind == "material" and m.severity != "low"]


@pytest.mark.parametrize(("text", "span"), [
    ("Under sandkassen skal det legges EPDM i rødt.", "EPDM"),
    ("Ballbingen skal ha EPDM-underlag langs vantet.", "EPDM-underlag"),
    ("Trykkrørene skal være av HDPE.", "HDPE"),
    ("Gangbroen skal leveres med GRP-rister.", "GRP-rister"),
    ("Dørene skal være i børstet aluminium.", "børstet aluminium"),
])
def test_a_material_chosen_without_a_function_is_flagged(text, span):
    assert span in materials(text)


@pytest.mark.parametrize("text", [
    "Eksisterende EPDM-underlag skal repareres der det har sprukket.",
    "Underlaget skal dempe fall fra 1,5 meter, for eksempel EPDM.",
    "Parken har EPDM-dekke ved tre av apparatene.",
])
def test_a_material_worked_on_given_as_an_example_or_described_is_not_flagged(text):
    assert materials(text) == []


def test_the_advice_names_the_property_to_ask_for():
    finding = next(f for f in analyze_requirement("Fallunderlaget ved huskene skal være EPDM.", Settings()).findings
                   if f.category == "material_dimension_method")
    assert "støtdemping" in finding.explanation
    assert "brannklasse" in finding.instead
