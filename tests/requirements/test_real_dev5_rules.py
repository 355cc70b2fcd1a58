"""Rules added for the real development set evals/requirements_real_dev5.jsonl (wave 11): a notice title made of
segments, a technique given as the means a need is met by, a plant of one technology named for the need it meets, a
machine's construction detail, a label or standard as an item of a bulleted list under an obliging lead-in, and an
announced assignment as the place a method is demanded.
The sentences are written in other words than the set's rows, so these tests do not repeat the eval; each rule also has
decoys it must leave alone.
"""

from __future__ import annotations

import pytest

from advisor.requirements import find_matches


def strong(text: str) -> set[tuple[str, str]]:
    """(category, span) of every medium or high finding."""
    return {(m.category, text[m.start:m.end]) for m in find_matches(text) if m.severity != "low"}


def technologies(text: str) -> set[str]:
    return {span for category, span in strong(text) if category == "prescribed_technology"}


def standards(text: str) -> set[str]:
    return {span for category, span in strong(text) if category == "missing_or_equivalent"}


# --- a title of segments: the segment after a dash heads the line ------------------------------------------------------

@pytest.mark.parametrize(("text", "span"), [
    ("VA-etaten - Direkteanskaffelse - Beltegående minigraver", "Beltegående"),
    ("Driftsavdelingen: Elektrisk feiemaskin til sentrum", "Elektrisk"),
])
def test_a_drive_or_construction_heading_a_title_segment_is_prescribed(text, span):
    assert span in technologies(text), strong(text)


def test_a_title_segment_is_no_item_line_when_the_line_has_a_verb():
    # a sentence with a verb is judged by the requirement-position rules, not as a title
    text = "Oppdatering - kommunen har i dag en elektrisk feiemaskin fra 2015."
    assert not technologies(text), strong(text)


# --- a technique as the means of a need --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "span"), [
    ("Tilstandsregistrering av kommunale bruer med bakkeradar", "bakkeradar"),
    ("Leverandøren skal kartlegge ledningsnettet ved hjelp av georadar.", "georadar"),
    ("Kommunen lyser ut et oppdrag om å analysere brukerhenvendelser ved bruk av stordata.", "stordata"),
    ("Tilknytning av 14 skoler ved mørk fiber", "mørk fiber"),
])
def test_a_technique_given_as_the_means_is_prescribed(text, span):
    assert span in technologies(text), strong(text)


@pytest.mark.parametrize("text", [
    # a feature the goods come with, not the means of a service
    "Redningsbåten leveres med radar og kartplotter.",
    # whether the technique serves is what is studied
    "Utredning av om trafikktellinger kan erstattes med stordata",
    "Oppdraget er en vurdering av hvilke målinger som kan gjøres med georadar i stedet for boring.",
    # the technique as the service bought
    "Kjøp av georadarmålinger på fylkesveg 12",
    # how it is done today
    "Dagens praksis: Tilstanden kartlegges med bakkeradar av egne ansatte.",
])
def test_a_technique_that_is_not_the_means_of_a_demand_is_left_alone(text):
    assert not technologies(text), strong(text)


# --- a plant named for the need it meets -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "span"), [
    ("Kommunen skal anskaffe et komposteringsanlegg for behandling av hageavfall.", "komposteringsanlegg"),
    ("PELLETSANLEGG TIL OPPVARMING AV IDRETTSHALLEN", "PELLETSANLEGG"),
])
def test_a_plant_named_for_a_stated_need_is_prescribed(text, span):
    assert span in technologies(text), strong(text)


@pytest.mark.parametrize("text", [
    # the plant without a need: the project the works contract builds
    "Totalentreprise for nytt biogassanlegg på Heggvin",
    # what the buyer has today
    "Selskapet har i dag et komposteringsanlegg for behandling av hageavfall.",
])
def test_a_plant_without_a_stated_need_or_that_the_buyer_has_is_left_alone(text):
    assert not technologies(text), strong(text)


# --- a machine's construction detail --------------------------------------------------------------------------------

def test_a_construction_detail_of_a_machine_is_prescribed():
    text = "Leie av graver med forlenget stikke og hevbar førerhytte, 800 timer per år."
    assert "forlenget stikke og hevbar førerhytte" in technologies(text), strong(text)


@pytest.mark.parametrize("text", [
    # either construction will do
    "Leie av maskin med bøyd eller rett bom i fem år.",
    # what the machine must manage, not how it is built
    "Maskinen skal ha rekkevidde på minst 9 meter.",
])
def test_a_construction_left_open_or_a_function_is_left_alone(text):
    assert not technologies(text), strong(text)


# --- a label or standard as an item of a bulleted list --------------------------------------------------------------

def test_labels_listed_under_an_obliging_lead_in_need_or_equivalent():
    text = "Nybygget skal oppfylle følgende:\n• Svanemerket\n• breeam-nor Excellent\n• Universell utforming"
    found = standards(text)
    assert "Svanemerket" in found and any(span.lower().startswith("breeam") for span in found), strong(text)


@pytest.mark.parametrize("text", [
    # the lead-in leaves room for equivalents
    "Nybygget skal oppfylle følgende eller tilsvarende ordninger:\n- Svanemerket\n- BREEAM-NOR",
    # the lead-in describes, it does not oblige
    "Tidligere prosjekter har hatt disse sertifiseringene:\n- Svanemerket\n- BREEAM-NOR",
])
def test_labels_listed_under_a_lead_in_without_a_demand_are_left_alone(text):
    assert not standards(text), strong(text)


# --- a measure in metres, and a compound measure -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "span"), [
    ("Tilhengeren skal ha en innvendig lengde på 3,12 meter.", "lengde på 3,12 meter"),
    ("Containeren skal ha lasteromshøyde 2,37 m.", "lasteromshøyde 2,37 m"),
])
def test_an_exact_measure_in_metres_or_a_compound_measure_is_found(text, span):
    assert ("material_dimension_method", span) in strong(text), strong(text)


@pytest.mark.parametrize("text", [
    # a bound
    "Tilhengeren skal ha en innvendig lengde på minst 3 meter.",
    # the measure describes the object in a line that neither obliges nor acquires
    "Dagens tilhenger har en innvendig lengde på 3,12 meter.",
])
def test_a_bounded_or_described_measure_is_left_alone(text):
    assert not {s for c, s in strong(text) if c == "material_dimension_method"}, strong(text)


# --- the counterparty named in a passive «inngås med» -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "span"), [
    ("Rammeavtalen skal inngås med Elektroservice Vest AS.", "Elektroservice Vest AS"),
    ("Kontrakten skal signeres med Brødrene Kvalheim Norge.", "Brødrene Kvalheim Norge"),
])
def test_a_company_a_contract_must_be_concluded_with_is_the_intended_supplier(text, span):
    assert ("supplier", span) in strong(text), strong(text)


@pytest.mark.parametrize("text", [
    "Rammeavtalen skal inngås med én leverandør per delkontrakt.",
    "Avtalen skal inngås med Bergen kommune som part.",
])
def test_a_number_of_suppliers_or_a_public_party_is_no_intended_supplier(text):
    assert not {s for c, s in strong(text) if c == "supplier"}, strong(text)
