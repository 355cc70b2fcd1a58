"""Rules added for the real development set evals/requirements_real_dev4.jsonl (wave 10): how a machine, vehicle or
container is steered, carried, moved or emptied; the process of a 3D printer; a method or technology demanded as a noun
(«krav om bruk av …»); and two precision rules (a maintenance agreement on a named product is about what the buyer has;
the size of a structure a works contract builds is its scope, not a product's data sheet).
The sentences are written in other words than the set's rows, so these tests do not repeat the eval; each rule also has
a decoy it must leave alone.
"""

from __future__ import annotations

import pytest

from advisor.requirements import find_matches


def strong(text: str) -> set[tuple[str, str]]:
    """(category, span) of every medium or high finding."""
    return {(m.category, text[m.start:m.end]) for m in find_matches(text) if m.severity != "low"}


def technologies(text: str) -> set[str]:
    return {span for category, span in strong(text) if category == "prescribed_technology"}


@pytest.mark.parametrize(("text", "span"), [
    ("Kommunen skal kjøpe to midjestyrte hjullastere til vegvedlikeholdet.", "midjestyrte"),
    ("Rammeavtale på traktormontert klipperutstyr for grøntanlegg", "traktormontert"),
    ("Levering av 40 sidetømte avfallsbeholdere til hytteområdene", "sidetømte"),
    ("Leie av beltegående lift for fasadearbeid", "beltegående"),
    # two constructions of different kinds («beltegående» carriage and «midjestyrt» steering) are both chosen
    ("Anskaffelse av beltegående og midjestyrte minigravere", "beltegående"),
])
def test_a_construction_chosen_for_the_goods_is_prescribed(text, span):
    assert span in technologies(text), strong(text)


@pytest.mark.parametrize("text", [
    # what the goods serve (often the buyer's own), not goods chosen
    "Renovasjonsbilen skal ha løfteutstyr for bunntømte beholdere.",
    # either construction will do; naming both carriages with «og» opens the choice too (real_dev6's labelling)
    "Kjøp av hjulgående eller beltegående minigraver",
    "Anskaffelse av hjulgående og beltegående minigravere",
    # a function or a generic feature, not a construction
    "Kjøp av fjernstyrt gressklipper til skråningene",
    "Levering av frittstående kjøkkenmaskiner",
    "CNC-styrt fres til verkstedet",
    # a construction in a sentence that gives the purpose
    "Det skal kjøpes beltegående lift for å unngå skader på plenen.",
])
def test_constructions_elsewhere_are_left_alone(text):
    assert not technologies(text), strong(text)


def test_the_process_of_a_3d_printer_is_prescribed():
    assert "FDM" in technologies("Kjøp av FDM-skriver til realfagslaben")
    assert "SLA" in technologies("Skolen skal anskaffe en SLA 3D-printer.")
    # the same letters elsewhere are no printing process
    assert not technologies("SLA for responstid skal være 4 timer.")
    assert not technologies("Kjøp av 3D-printer til skolen")


def test_a_method_demanded_as_a_noun_is_prescribed():
    assert "maskinlæringsmodeller" in technologies(
        "Det er et krav om bruk av maskinlæringsmodeller i prognosearbeidet.")
    assert "kunstig intelligens" in technologies("I oppdraget stilles det krav om bruk av kunstig intelligens i analysene.")
    # the subject of a study, or what the buyer already works with, is no demand
    assert not technologies("Rapporten skal omtale erfaringer med maskinlæringsmetoder i sektoren.")
    assert not technologies("I innovasjonslaben jobber vi med kunstig intelligens.")


def test_a_maintenance_agreement_names_what_the_buyer_has():
    text = "Anskaffelse av serviceavtale på Zentrix Omnia sentralbord for sykehuset"
    assert not {c for c, _ in strong(text)} & {"brand", "model_type", "missing_or_equivalent"}, strong(text)
    # buying the named product itself still acquires it
    bought = "Sykehuset skal kjøpe Zentrix Omnia sentralbord."
    assert any(c in {"brand", "model_type"} for c, _ in strong(bought)), strong(bought)


def test_the_size_of_a_structure_a_works_contract_builds_is_its_scope():
    assert not strong("Entreprisen omfatter en 60 meter lang gang- og sykkelveg og en 12 meter lang kulvert.")
    assert not strong("Det skal bygges en 250 m lang tunnel under jernbanen.")
    # goods bought at a given size are still a measure to question
    assert ("material_dimension_method", "12 meter lang") in strong("Leverandøren skal levere en 12 meter lang gangbru.")
