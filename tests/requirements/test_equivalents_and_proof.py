"""«Eller tilsvarende» placed after the values of a list line, dictated materials, named approval bodies, office and
attendance demands, and the sensing or link technology chosen for a device (findings a blind legal grading missed or
got wrong)."""

from __future__ import annotations

import pytest

from advisor.requirements import analyze_requirement, find_matches


def found(text: str) -> list[tuple[str, str, str, str]]:
    """(category, kind, severity, span) of every match, in order."""
    return [(m.category, m.kind, m.severity, text[m.start:m.end]) for m in find_matches(text)]


def categories(text: str) -> set[str]:
    return {m.category for m in find_matches(text)}


@pytest.mark.parametrize(("text", "brand"), [
    ("4 stk. VW ID. Buzz Cargo lang akselavstand, 86 kWh, eller tilsvarende, hvit, med hengerfeste", "VW"),
    ("Det skal leveres 2 stk. Toyota Proace City Electric L2, 50 kWh batteri, firehjulstrekk, hengerfeste, "
     "eller likeverdig.", "Toyota"),
    ("We need 3 Volkswagen ID. Buzz Cargo long wheelbase, 86 kWh, with tow bar, or equivalent.", "Volkswagen"),
    ("Det skal leveres 3 Volvo FH16 med 750 hk, tridem, Globetrotter XL-hytte, 6,8 m lasteplan, hengerfeste, "
     "fem års serviceavtale og full service i garantitiden, eller tilsvarende.", "Volvo"),
])
def test_or_equivalent_after_the_values_of_a_list_line_belongs_to_the_brand(text, brand, settings):
    matches = found(text)
    assert ("brand", "lexicon", "medium", brand) in matches, matches
    # not «mangler eller tilsvarende»: it is there; the brand finding says it does not cure the reference
    assert "missing_or_equivalent" not in categories(text), matches
    analysis = analyze_requirement(text, settings)
    note = next(f.explanation for f in analysis.findings if f.category == "brand")
    assert "gjør ikke henvisningen lovlig" in note and "udefinert" in note


def test_a_full_stop_inside_a_model_name_does_not_end_the_sentence():
    text = "4 stk. VW ID. Buzz Cargo lang akselavstand, 86 kWh, eller tilsvarende"
    assert ("model_type", "designation", "medium", "ID. Buzz Cargo") in found(text)


@pytest.mark.parametrize("text", [
    "Det skal leveres 10 stk. Dell Latitude 5550 med 16 GB minne og dokkingstasjon HP Thunderbolt G4 eller tilsvarende.",
    "Det skal leveres 3 Volvo FH16 med 750 hk; Scania R500 eller tilsvarende godtas for tilhengeren.",
])
def test_or_equivalent_that_belongs_to_a_later_product_leaves_the_first_one_without(text):
    first = found(text)[0]
    assert first[0] == "brand" and first[2] == "high", found(text)
    assert "missing_or_equivalent" in categories(text)


@pytest.mark.parametrize(("text", "span"), [
    ("Isolasjonen skal være steinull produsert etter NS-EN 13162.", "steinull"),
    ("Vannledningen skal leveres som rør i PE100.", "PE100"),
    ("Bæresystemet i paviljongen skal være massivtre.", "massivtre"),
    ("The handrails must be stainless steel.", "stainless steel"),
    ("Rørene skal være av PVC.", "PVC"),
])
def test_a_material_named_as_what_the_thing_is_is_a_material_finding(text, span, settings):
    assert ("material_dimension_method", "material", "medium", span) in found(text), found(text)
    rule = next(f.rule for f in analyze_requirement(text, settings).findings if f.kind == "material")
    assert "C-424/23 DYKA Plastics" in rule


def test_a_material_with_its_purpose_is_left_alone():
    assert not find_matches("Rekkverket skal være av rustfritt stål for å tåle sjøsprøyt.")


@pytest.mark.parametrize(("text", "span"), [
    ("Isolasjonen skal være dokumentert med SINTEF Teknisk Godkjenning.", "SINTEF Teknisk Godkjenning"),
    ("Kledningen skal være godkjent av DNV.", "DNV"),
    ("Alle elektriske produkter skal være sertifisert av Nemko.", "Nemko"),
    ("Heisene skal være TÜV-godkjent.", "TÜV-godkjent"),
    ("The boilers must be certified by DNV.", "DNV"),
])
def test_a_single_named_approval_body_or_scheme_needs_equivalents(text, span, settings):
    assert ("missing_or_equivalent", "approval", "medium", span) in found(text), found(text)
    finding = next(f for f in analyze_requirement(text, settings).findings if f.kind == "approval")
    assert finding.citation.section == "Testrapporter og sertifikater"
    assert "annen egnet dokumentasjon" in finding.explanation


@pytest.mark.parametrize("text", [
    "Brannslukkerne skal være FG-godkjent eller ha annen egnet dokumentasjon for samme egenskaper.",
    "Brannslukkerne skal være godkjent av FG eller tilsvarende organ.",
    "Papiret skal være Svanemerket eller ha annen egnet dokumentasjon.",
    "Produktene skal være testet av et akkreditert organ, for eksempel SINTEF.",
    "Vi har tidligere fått bistand fra SINTEF til tilstandsvurderingen.",
])
def test_approvals_with_room_for_equivalents_or_outside_a_requirement_are_not_flagged(text):
    assert "missing_or_equivalent" not in categories(text), found(text)


@pytest.mark.parametrize(("text", "kind", "span"), [
    ("Leverandøren skal ha fast kontoradresse i Bodø sentrum.", "presence", "fast kontoradresse i Bodø sentrum"),
    ("Leverandøren skal ha kontorlokaler i Bergen sentrum.", "presence", "kontorlokaler i Bergen sentrum"),
    ("Konsulenten må være lokalisert i Tromsø.", "presence", "være lokalisert i Tromsø"),
    ("Leverandøren skal være til stede på stedet minst tre dager per uke.", "attendance",
     "være til stede på stedet minst tre dager per uke"),
    ("Rådgiveren skal sitte i våre lokaler to dager i uken.", "attendance", "sitte i våre lokaler to dager i uken"),
])
def test_an_office_or_attendance_by_the_day_demanded_of_the_supplier_is_found(text, kind, span):
    assert ("origin", kind, "medium", span) in found(text), found(text)


@pytest.mark.parametrize("text", [
    "Leverandøren skal kunne møte hos oss innen fire timer etter varsel.",
    "Anlegget skal være lokalisert i kommunen.",
])
def test_availability_and_where_a_site_lies_are_not_presence_demands(text):
    assert "origin" not in categories(text), found(text)


def test_the_camera_line_gets_its_technology_and_its_value():
    text = 'Hvert pasientrom skal ha takmontert IR-videokamera over hver seng, kablet nettverk og 32" skjerm.'
    matches = found(text)
    assert ("prescribed_technology", "sensing", "medium", "IR") in matches
    assert ("prescribed_technology", "network", "medium", "kablet nettverk") in matches
    assert ("product_named", "noun", "medium", "videokamera") in matches
    assert ("material_dimension_method", "exact_value", "low", '32"') in matches


@pytest.mark.parametrize("text", [
    "Skolen skal ha kablet nettverk i alle klasserom.",  # the network is what is bought
    'Møterommet skal ha en 65" skjerm.',  # a screen size alone is how screens are sold
    'Skjermen skal være "Aerolux 60" i møterommet.',  # a closing quote after a number is no inch mark
])
def test_a_wired_network_or_a_screen_size_on_its_own_is_not_flagged(text):
    assert not any(m.category in {"prescribed_technology", "material_dimension_method"} for m in find_matches(text))


def test_or_equivalent_with_its_criteria_is_not_called_undefined(settings):
    text = "Det skal leveres 4 stk. VW ID. Buzz Cargo eller tilsvarende med hensyn til lastevolum, rekkevidde og hengervekt."
    brand = next(f for f in analyze_requirement(text, settings).findings if f.category == "brand")
    assert brand.severity == "medium" and "gjør ikke henvisningen lovlig" in brand.explanation
    assert "udefinert" not in brand.explanation
