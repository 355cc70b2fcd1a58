"""Rules added for the real development set evals/requirements_real_dev2.jsonl (wave 8): a vessel's hull form, a
material named by its adjective, a standard made the measure of quality with «vil ha … som …», and a wavelength as an
exact value. The sentences are written in other words than the set's rows, so these tests do not repeat the eval;
each also has a decoy the rule must leave alone.
"""

from __future__ import annotations

import pytest

from advisor.requirements import find_matches


def found(text: str) -> set[tuple[str, str, str]]:
    """(category, kind, span) of every finding."""
    return {(m.category, m.kind, text[m.start:m.end]) for m in find_matches(text)}


def strong(text: str) -> set[str]:
    return {text[m.start:m.end] for m in find_matches(text) if m.severity != "low"}


@pytest.mark.parametrize(("text", "span"), [
    ("Kommunen skal kjøpe en katamaran til skyssbåtruta i skjærgården.", "katamaran"),
    ("Det skal leveres to enskrogs arbeidsbåter med kran.", "enskrogs"),
    ("The contractor shall deliver a monohull survey vessel.", "monohull"),
])
def test_a_hull_form_chosen_without_purpose_is_prescribed_technology(text, span):
    assert ("prescribed_technology", "hull", span) in found(text)


@pytest.mark.parametrize("text", [
    # a purpose stated in the sentence
    "Båten skal være en katamaran for å gi lavt drivstofforbruk og stabilitet ved arbeid på dekk.",
    # today's vessel, described
    "Dagens fartøy er en katamaran fra 2005.",
])
def test_a_hull_form_with_a_purpose_or_in_a_description_is_not_flagged(text):
    assert not any(kind == "hull" for _, kind, _ in found(text))


def test_a_material_named_by_its_adjective_is_a_material_requirement():
    text = "Oppdragsgiver skal anskaffe keramiske filterelementer til renseanlegget."
    assert ("material_dimension_method", "material", "keramiske") in found(text)
    # the goods treated, not the goods bought; and a purpose that justifies the material
    assert not strong("Avtalen gjelder mottak og behandling av keramisk avfall fra gjenvinningsstasjonene.")
    assert not strong("Membranene skal være keramiske elementer for å tåle rengjøring med damp ved 130 grader.")


def test_a_standard_made_the_measure_of_quality_needs_or_equivalent():
    text = "Oppdragsgiver vil ha NS-EN 13549 som grunnlag for kvalitetskontrollen."
    assert ("missing_or_equivalent", "standard", "NS-EN 13549") in found(text)
    assert not any(kind == "standard" for _, kind, _ in
                   found("Oppdragsgiver vil ha NS-EN 13549 eller tilsvarende som grunnlag for kvalitetskontrollen."))
    # named as background, not made the measure
    assert not any(kind == "standard" for _, kind, _ in
                   found("Leverandøren kjenner til NS-EN 13549 fra tidligere oppdrag."))


def test_a_wavelength_in_nanometres_is_an_exact_value_and_newton_metres_stay_torque():
    text = "Vi skal kjøpe en diodelaser på 785 nm til Raman-oppsettet."
    assert ("material_dimension_method", "exact_value", "785 nm") in found(text)
    assert not any(kind == "exact_value" for _, kind, _ in
                   found("Vi skal kjøpe en laser med bølgelengde mellom 780 og 790 nm."))


@pytest.mark.parametrize("text", [
    # a directorate's or an agency's people take part: a public body, not the supplier
    "Ved feltkontrollene vil personell fra Arbeidstilsynets regionkontor delta.",
    "Under inspeksjonene vil personell fra Utlendingsnemndas sekretariat være til stede.",
    # the buyer's own way of working elsewhere: a method, not a product copied
    "Analysene skal gjøres etter samme metoder som ved Folkehelseinstituttets egne laboratorier.",
])
def test_public_bodies_and_the_buyer_s_own_methods_are_not_flagged(text):
    """Each was flagged before the rule (a low supplier note, or same_as_current high)."""
    assert not found(text), found(text)


def test_a_named_site_s_equipment_is_still_a_copy():
    text = "Kommunen skal kjøpe samme lekeapparater som på Lia skole."
    assert any(category == "same_as_current" for category, _, _ in found(text))
