"""Round 17: contactless card families and versioned product families are named products; a system the delivery sends
data to or is managed from is an integration target (a note), not a product chosen."""

from __future__ import annotations

import pytest

from advisor.requirements import find_matches


def _strong(text: str) -> dict[str, str]:
    """category -> flagged span of every medium or high finding."""
    return {m.category: text[m.start:m.end] for m in find_matches(text) if m.severity != "low"}


@pytest.mark.parametrize("text, name", [
    ("Brikkene til ansatte skal være Mifare Plus.", "Mifare Plus"),
    ("Dørleserne på rådhuset skal lese HID iCLASS.", "iCLASS"),
    ("Nye kort skal bruke MIFARE DESFire EV2 med AES-kryptering.", "DESFire"),
    ("Adgangssystemet i svømmehallen skal støtte LEGIC.", "LEGIC"),
    ("Leserne skal håndtere Seos-kort i alle etasjer.", "Seos"),
    ("Kortene skal være med EM4102-brikke.", "EM4102"),
])
def test_card_families_are_named_products(text, name):
    found = _strong(text)
    assert any(name in span for span in found.values()), found
    assert "missing_or_equivalent" in found


def test_a_card_family_already_owned_is_only_a_note():
    text = "Nye dørlesere skal kunne lese de eksisterende Mifare Classic-kortene som de ansatte har i dag."
    assert not _strong(text)
    assert any(m.severity == "low" for m in find_matches(text))


@pytest.mark.parametrize("text", [
    "Leserne skal støtte Vexlo Pro.",          # an unknown family with an edition mark
    "Brikkene skal være Tangrix Plus.",
    "Systemet skal bruke Quorvan SE.",
])
def test_an_unknown_family_name_with_an_edition_mark_is_a_name(text):
    found = _strong(text)
    assert "brand" in found and "missing_or_equivalent" in found


@pytest.mark.parametrize("text", [
    "Leverandøren skal følge Fase 2 av planen.",
    "Rommet skal ha plass til Gruppe 2 hver fredag.",
    "Bygget skal oppfylle Nivå 2 i veilederen.",
    "Kjøretøyene skal ha HID-lys foran.",
    "Brukerne skal få Pluss-medlemskap i ordningen.",
    "Kortene skal være NFC-kort med kryptering.",
])
def test_ordinary_words_with_numbers_or_marks_are_not_names(text):
    found = _strong(text)
    assert "brand" not in found and "model_type" not in found


@pytest.mark.parametrize("text, name", [
    ("Turnusplanleggeren skal kunne overføre data til Visma.", "Visma"),
    ("Systemet skal kunne eksportere fakturagrunnlag til Visma Lønn.", "Visma"),
    ("Telefonene skal kunne styres fra Microsoft Intune.", "Intune"),
])
def test_an_integration_target_is_only_a_note(text, name):
    assert not _strong(text)
    assert any(name in text[m.start:m.end] and m.severity == "low" for m in find_matches(text))


def test_a_product_bought_is_still_flagged_beside_an_integration():
    found = _strong("Turnussystemet skal være Tidvakt Pro og overføre data til lønnssystemet.")
    assert "brand" in found


def test_a_family_name_the_buyer_has_used_is_no_demand():
    assert not _strong("Vi har brukt Tangrix Plus til vaktplaner i fem år, men vil se på andre løsninger.")
