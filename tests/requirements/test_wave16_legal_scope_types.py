"""Round 16: legal requirements kept, counts that are no delivery, new purchase types, sound needs, whole names."""

from __future__ import annotations

import pytest

from advisor.requirements import find_matches
from advisor.rewrite.lawful import legal_references
from advisor.rewrite.need_check import is_garbled, sound_need
from advisor.rewrite.quantities import quantity_role, scope_phrases, with_scope
from advisor.rewrite.rewriter import rewrite_requirement


def _rewrite(text: str, settings):
    return rewrite_requirement(text, settings)


# --- 1. legal requirements ------------------------------------------------------------------------------------------

def test_named_regulation_is_kept_as_compliance():
    refs = legal_references("Renseanlegget skal tilfredsstille drikkevannsforskriften ved full last.")
    assert [r.name for r in refs] == ["drikkevannsforskriften"]
    assert "skal oppfylle kravene i drikkevannsforskriften" in refs[0].requirement
    assert "dokumentert" in refs[0].requirement and refs[0].kind == "mandated"


def test_gdpr_and_processing_agreement_become_one_requirement():
    refs = legal_references("Appen lagrer helseopplysninger, og leverandøren må signere databehandleravtale etter GDPR.")
    names = [r.name for r in refs]
    assert names == ["databehandleravtale"]
    assert "personvernforordningen" in refs[0].requirement


def test_engine_stage_and_protective_structures():
    refs = legal_references("Gravemaskinen skal ha motor i Stage V og førerhus med ROPS og FOPS.")
    text = " ".join(r.requirement for r in refs)
    assert "Stage V" in text and "2016/1628" in text
    assert "veltevern (ROPS)" in text and "fallende gjenstander (FOPS)" in text


def test_fire_class_and_register():
    refs = legal_references("Himlingsplatene skal ha brannklasse B-s1,d0. Anlegget skal registreres i Brannvesenets register.")
    text = " ".join(r.requirement for r in refs)
    assert "brannklasse B-s1,d0 etter NS-EN 13501-1" in text
    assert "registrert i" in text


def test_procurement_rules_are_not_a_delivery_requirement():
    assert legal_references("Konkurransen gjennomføres etter anskaffelsesforskriften del III.") == []


def test_regulation_survives_the_rewrite(settings):
    result = _rewrite("Filteranlegget skal oppfylle drikkevannsforskriften og rense 80 m3/h.", settings)
    assert any("drikkevannsforskriften" in r for r in result.functional_requirements)
    assert not any(f.text.lower().startswith("drikkevann") for f in result.findings)


def test_universal_design_regulation_is_kept(settings):
    result = _rewrite("Bookingløsningen for idrettshallene skal oppfylle forskrift om universell utforming av "
                      "IKT-løsninger.", settings)
    assert any("universell utforming" in r for r in result.functional_requirements)


# --- 2. counts that are no quantity to deliver ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "noun", "role"), [
    ("Nettet skal dekke 2,4 og 5 GHz", "GHz", "unit"),
    ("kurs for 9 renholdere", "renholdere", "trainees"),
    ("opplæring av 3 laborant", "laborant", ""),
    ("systemet skal brukes av om lag 1 800 ansatte", "ansatte", "scope"),
    ("lås til fire kontorbygg", "kontorbygg", "scope"),
    ("skal levere 12 vaskemaskiner", "vaskemaskiner", ""),
])
def test_quantity_role(text, noun, role):
    start = text.rfind(" ", 0, text.find(noun) - 1) + 1
    assert quantity_role(text, start, noun) == role


def test_scope_goes_into_the_need():
    scopes = scope_phrases("Portalen skal brukes av ca. 900 innbyggere i tre tettsteder og fire rådhusbygg.")
    assert "ca. 900 innbyggere" in scopes and "fire rådhusbygg" in scopes
    need = with_scope("Vi har behov for en enkel søknadsportal.", scopes)
    assert need.startswith("Vi har behov for") and "Omfanget er ca. 900 innbyggere og fire rådhusbygg" in need


def test_no_delivery_clause_for_scope_or_units(settings):
    result = _rewrite("Vi skal kjøpe trådløst nett for tre skolebygg med 2 500 elever, og aksesspunktene skal bruke "
                      "6 GHz.", settings)
    assert not any(r.startswith("Leveransen skal omfatte") and ("GHz" in r or "elever" in r or "skolebygg" in r)
                   for r in result.functional_requirements)
    assert "2 500 elever" in result.need_statement


def test_trainees_get_a_training_requirement(settings):
    result = _rewrite("Vi skal kjøpe to vaskedesinfektorer, og leveransen skal inkludere kurs for 7 sterilteknikere.",
                      settings)
    assert any(r.startswith("Leverandøren skal gi opplæring til 7 sterilteknikere") for r in result.functional_requirements)


# --- 3. purchase types ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "type_word"), [
    ("Fylkestinget skal ha nytt voteringsanlegg med 45 plasser.", "konferansesystem"),
    ("Tannklinikken skal kjøpe en ny autoklav til instrumentene.", "sterilisering"),
    ("Det skal leveres et UV-aggregat til høydebassenget.", "vannbehandling"),
])
def test_new_purchase_types(settings, text, type_word):
    result = _rewrite(text, settings)
    assert any(f"«{type_word}»" in note for note in result.notes)


def test_named_object_without_type_gets_no_maker_template(settings):
    result = _rewrite("Teatret skal kjøpe nytt teleslyngesystem av typen Bosch Xyzon 9.", settings)
    joined = " ".join(result.functional_requirements)
    assert "måltid" not in joined and "vannforbruket" not in joined


# --- 4. need statements --------------------------------------------------------------------------------------------

def test_garbled_needs_are_seen():
    assert is_garbled("Vi har behov for og drifte et nytt kartverktøy.")
    assert is_garbled("Vi har behov for at brukerne av og installere nytt kartverktøy [skriv hvem].")
    assert not is_garbled("Vi har behov for at saksbehandlerne finner kartdata raskt.")


def test_need_rebuilt_from_object_and_purpose():
    text = "Etaten ønsker å kjøpe inn og drifte et nytt kartverktøy for å planlegge brøyteruter."
    need = sound_need("Vi har behov for og drifte et nytt kartverktøy for å planlegge brøyteruter.", text, "")
    assert need.startswith("Vi har behov for et nytt kartverktøy for å planlegge brøyteruter")


def test_need_without_purpose_asks_for_it():
    need = sound_need("Vi har behov for og montere nye postkasser.", "Vi skal kjøpe og montere nye postkasser.",
                      "postkasser")
    assert "postkasser" in need and "[skriv formålet]" in need


# --- 5. standards and whole names ----------------------------------------------------------------------------------

def test_foreign_national_standard_gets_or_equivalent(settings):
    result = _rewrite("Skiltene skal være testet etter ÖNORM B 1600.", settings)
    assert any("ÖNORM B 1600 eller tilsvarende" in r for r in result.functional_requirements)


def test_brand_family_and_product_are_one_span():
    text = "Nøkkelbrikkene skal være LEGIC advant."
    spans = [text[m.start:m.end] for m in find_matches(text) if m.category in {"brand", "missing_or_equivalent"}]
    assert not spans or all(s.startswith("LEGIC") for s in spans)
    text = "Kortene skal være MIFARE DESFire EV2."
    spans = [text[m.start:m.end] for m in find_matches(text) if m.category in {"brand", "missing_or_equivalent"}]
    assert spans and all(s.startswith("MIFARE") for s in spans)


def test_staff_listed_after_one_training_cue_are_all_trainees_and_representatives_are_the_scope():
    from advisor.rewrite.quantities import quantity_role

    text = "Leverandøren skal lære opp rektor, fire kontorsekretærer og to IT-ansatte i bruk av systemet."
    assert quantity_role(text, text.index("fire"), "kontorsekretærer") == "trainees"
    assert quantity_role(text, text.index("to IT"), "IT-ansatte") == "trainees"
    hall = "Bystyresalen skal ha nytt anlegg for 67 representanter."
    assert quantity_role(hall, hall.index("67"), "representanter") == "scope"
