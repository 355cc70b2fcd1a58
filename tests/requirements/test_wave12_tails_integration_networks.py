"""Wave 12 (second analyzer round): a product name's tail belongs to the model («… Comfort IT», «… FE Plus»); the product
named as what is bought stays a full finding when the sentence also names the system it must integrate with, and the
municipal sector's shared integration services (SvarUt, KS Fiks, eFormidling) are never a brand finding; a network
medium or generation attached to a delivery or a build-out is prescribed; two alternatives of the same kind joined by
«og», «eller», «og/eller» or «/» open the choice. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from advisor.config import Settings
from advisor.requirements import analyze_requirement, find_matches


def strong(text: str) -> set[tuple[str, str]]:
    """(category, span) of every medium or high finding."""
    return {(m.category, text[m.start:m.end]) for m in find_matches(text) if m.severity != "low"}


def models(text: str) -> list[str]:
    return [text[m.start:m.end] for m in find_matches(text) if m.category == "model_type"]


def technologies(text: str) -> set[str]:
    return {span for category, span in strong(text) if category == "prescribed_technology"}


# --- the tail of a product name --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "model"), [
    ("Apparatene skal være Omron M3 Comfort IT.", "M3 Comfort IT"),
    ("Telefonene skal være Samsung Galaxy S24 AI.", "Galaxy S24 AI"),
    # a tail may run past the four words a designation otherwise takes
    ("Nettbrettene skal være Samsung Galaxy Tab S9 FE Plus.", "Galaxy Tab S9 FE Plus"),
    ("Vi ønsker Omron M3 Comfort IT Pro til legekontoret.", "M3 Comfort IT Pro"),
])
def test_the_tail_of_a_product_name_belongs_to_the_model(text, model):
    assert model in models(text), models(text)


@pytest.mark.parametrize(("text", "model"), [
    # a goods noun in capitals after the model is what the goods are, not part of the name
    ("Lagringen skal være Synology DS923 NAS.", "DS923"),
    ("Skjermen i møterommet skal være Samsung Q80 TV.", "Q80"),
    # an ordinary word after the model ends it
    ("Måleren skal være Omron M3 Comfort med IT-integrasjon.", "M3 Comfort"),
    ("Telefonene skal være Samsung Galaxy S24 til alle ansatte.", "Galaxy S24"),
])
def test_an_ordinary_word_after_the_model_is_left_out(text, model):
    assert models(text) == [model], models(text)


# --- the product bought and the system it must integrate with -----------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("Arkivløsningen skal være Public 360 og integreres med SvarUt.", "Public 360"),
    ("Kommunen skal anskaffe Elements med integrasjon mot KS Fiks.", "Elements"),
    ("Journalsystemet skal være Public 360 og kobles til Helsenorge.", "Public 360"),
])
def test_the_product_bought_is_a_full_finding_beside_an_integration(text, name):
    assert ("brand", name) in strong(text), strong(text)
    # the integration target is no finding
    assert all(span == name for _, span in strong(text)), strong(text)


def test_the_note_on_the_product_bought_says_the_integration_may_stay():
    analysis = analyze_requirement("Arkivløsningen skal være Public 360 og integreres med SvarUt.", Settings())
    brand = next(f for f in analysis.findings if f.category == "brand")
    assert "integreres med" in brand.explanation and "eller tilsvarende" in brand.explanation
    # without an integration in the sentence the note is not there
    alone = analyze_requirement("Arkivløsningen skal være Public 360.", Settings())
    assert "integreres med" not in next(f for f in alone.findings if f.category == "brand").explanation


@pytest.mark.parametrize("text", [
    # the named system is the one the new one must work with
    "Den nye løsningen skal integreres med vårt Public 360.",
    "Fagsystemet skal sende data til Public 360.",
    "Arkivet skal fortsatt være vårt eksisterende Public 360, integrert med SvarUt.",
])
def test_a_system_to_integrate_with_stays_a_note(text):
    assert not {c for c, _ in strong(text)} & {"brand", "model_type"}, strong(text)


@pytest.mark.parametrize("text", [
    "Løsningen skal bruke SvarUt for utsending av vedtak.",
    "Fagsystemet skal ha SvarUt integrasjon.",
    "Det skal leveres en SvarUt-modul til sakssystemet.",
    "Utsendingen skal gå via eFormidling.",
    "Løsningen skal bruke Fiks IO mot kommunene.",
])
def test_a_national_integration_service_is_never_a_brand(text):
    assert not {c for c, _ in strong(text)} & {"brand", "model_type", "missing_or_equivalent"}, strong(text)


# --- a network medium or generation --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "span"), [
    ("Leveranse av overvåkingsbilder med tilhørende fiberforbindelse", "fiberforbindelse"),
    ("Levering av internett til skolen med egen fiberlinje", "fiberlinje"),
    ("Data skal overføres via fiber til driftssentralen.", "fiber"),
    ("Utbygging 5G Nordbygda", "5G"),
    ("Kommunen skal bygge ut 5G langs fjorden.", "5G"),
    ("Utbygging av 4G-dekning langs fylkesvegen", "4G"),
])
def test_a_network_attached_to_a_delivery_or_build_out_is_prescribed(text, span):
    assert span in technologies(text), strong(text)


@pytest.mark.parametrize("text", [
    # a survey or a topic, not a build-out
    "Kartlegging av 4G-dekning i kommunen",
    "Fylket gir tilskudd til 5G-utbygging i distriktene.",
    "Utbygging av mobildekning i Nordbygda",
    # fibre as what is taught or bought, or as a port the goods have
    "Kurs om fiber for montører",
    "Rammeavtale for kjøp av fiberkabel",
    "Switchene skal ha fiberporter.",
    # a generation being phased out
    "Utfasing av 3G-nettet",
])
def test_a_network_named_otherwise_is_left_alone(text):
    assert not technologies(text), strong(text)


# --- two alternatives of the same kind ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Kjøp av hjulgående og beltegående borerigg",
    "Innkjøp av hjulgående og/eller beltegående lift",
    "Kjøp av hjulgående/beltegående borerigg",
    "Anskaffelse av elektrisk eller dieseldrevet feiebil",
    "Leasing av batteridrevne eller hydrogendrevne busser",
])
def test_two_alternatives_of_one_kind_open_the_choice(text):
    assert not technologies(text), strong(text)


@pytest.mark.parametrize(("text", "spans"), [
    ("Kjøp av beltegående borerigg", {"beltegående"}),
    ("Kjøp av dieseldrevet feiebil", {"dieseldrevet"}),
    # two features of different kinds are both chosen
    ("Anskaffelse av beltegående og elektrisk gravemaskin", {"beltegående", "elektrisk"}),
])
def test_one_alternative_or_features_of_different_kinds_are_prescribed(text, spans):
    assert spans <= technologies(text), strong(text)
