"""Wave 15 (own wording): the purchase type comes from what is bought, not from the buyer named as subject or from
incidental words; new types for frequent goods; systems the delivery must feed are kept as interface requirements."""

from __future__ import annotations

import pytest

from advisor.requirements.purchase import read_purchase_object
from advisor.rewrite import rewrite_requirement


@pytest.mark.parametrize("text, noun", [
    ("Trafikkselskapet skal anskaffe ladeinfrastruktur til 12 elektriske busser i garasjen.", "ladeinfrastruktur"),
    ("Tannhelsetjenesten skal kjøpe fem nye behandlingsenheter til klinikken på Moa.", "behandlingsenheter"),
    ("Fotballklubben skal anlegge en kunstgressbane ved skolen.", "kunstgressbane"),
])
def test_the_buyer_as_subject_of_a_buying_verb_is_not_what_is_bought(text, noun):
    bought = read_purchase_object(text)
    assert bought is not None and bought.noun == noun


def _type_note(rewrite) -> str:
    return next((n for n in rewrite.notes if "innkjøpstypen" in n), "")


@pytest.mark.parametrize("text, type_id, foreign", [
    ("Trafikkselskapet skal anskaffe ladeinfrastruktur til 12 elektriske busser i garasjen. Hver lader skal gi 120 kW.",
     "depotlading", ("rullestol", "passasjer")),
    ("Redningstjenesten skal kjøpe to droner med varmekamera til søk etter savnede.", "drone", ("dør", "beboer")),
    ("Vannverket skal kjøpe 3 000 fjernavleste vannmålere til boligene.", "måler", ()),
    ("Fotballklubben skal anlegge en kunstgressbane ved skolen.", "kunstgress", ("lekeplass",)),
    ("Biblioteket skal kjøpe to utlånsautomater og en innleveringsautomat.", "selvbetjening_bibliotek", ("workshop",)),
    ("Tannhelsetjenesten skal kjøpe fem nye behandlingsenheter med pasientstol til klinikken.", "tannbehandling",
     ("elevene", "sitte godt")),
    ("Sykehuset skal kjøpe en biokjemisk analysator til akuttlaboratoriet.", "laboratorium", ()),
])
def test_the_type_is_what_is_bought(settings, text, type_id, foreign):
    rewrite = rewrite_requirement(text, settings)
    assert f"«{type_id}»" in _type_note(rewrite)
    body = " ".join([rewrite.need_statement, *rewrite.functional_requirements]).lower()
    assert not any(word in body for word in foreign)


@pytest.mark.parametrize("text, system", [
    ("Sengene skal være koblet til eksisterende sykesignalanlegg på avdelingen.", "eksisterende sykesignalanlegg"),
    ("Instrumentene skal kunne overføre data til sykehusets eksisterende journalsystem.", "sykehusets eksisterende journalsystem"),
    ("Analysatoren skal ha integrasjon mot sykehusets LIS.", "sykehusets LIS"),
    ("Laderne skal støtte OCPP 2.0 mot vårt eksisterende energistyringssystem.", "vårt eksisterende energistyringssystem"),
    ("Videoen skal sendes direkte til nødsentralens eksisterende videosystem.", "nødsentralens eksisterende videosystem"),
])
def test_a_system_the_delivery_must_feed_is_an_interface_requirement(settings, text, system):
    rewrite = rewrite_requirement(text, settings)
    assert any(system in r and "tilkoblingstest" in r for r in rewrite.functional_requirements)
    assert any("beholdt som et krav til grensesnitt" in n for n in rewrite.notes)


def test_an_interface_label_is_not_found_inside_another_word(settings):
    text = "Bildene skal overføres til alarmsentralens eksisterende videosystem."
    reqs = " ".join(rewrite_requirement(text, settings).functional_requirements)
    assert "SAML" not in reqs and "RTSP" in reqs


def test_the_size_of_a_new_pitch_is_kept_as_its_playing_area(settings):
    rewrite = rewrite_requirement("Kommunen skal anlegge en kunstgressbane på 100 x 64 m ved ungdomsskolen.", settings)
    assert any(r.startswith("Banen skal ha en spilleflate på 100 x 64 m") for r in rewrite.functional_requirements)
    assert not any("få plass og passe til" in r for r in rewrite.functional_requirements)
