"""Round 17: an integration with a named system the buyer runs is kept as an interoperability requirement that names
the system, asks for a documented interface or a standard API and says why naming it is lawful."""

from __future__ import annotations

import pytest

from advisor.requirements import find_matches
from advisor.rewrite import rewrite_requirement
from advisor.rewrite.references import integration_system


@pytest.mark.parametrize("text, system", [
    ("Arkivløsningen skal ha integrasjon mot ePhorte.", "ePhorte"),
    ("Vaktplanverktøyet skal kunne overføre timer til Visma.", "Visma"),
    ("Mobilene skal kunne styres fra Workspace ONE.", "Workspace ONE"),
    ("Bookingsystemet skal integreres med kommunens eksisterende Agresso.", "Agresso"),
])
def test_the_named_system_is_kept_as_an_integration_requirement(settings, text, system):
    rewrite = rewrite_requirement(text, settings)
    kept = [r for r in rewrite.functional_requirements if system in r]
    assert len(kept) == 1, rewrite.functional_requirements
    assert "dokumentert grensesnitt eller et standard API" in kept[0]
    assert "lovlig fordi kontraktsgjenstanden" in kept[0] and "tilkoblingstest" in kept[0]
    # lawful as written: the analyzer reads the name as an integration target, not as a product chosen
    assert not [m for m in find_matches(kept[0]) if m.severity != "low"]
    assert [r.kind for r in rewrite.references if system in r.name] == ["integration"]
    assert any(f"«{system}»" in q and "versjon" in q for q in rewrite.questions_for_buyer)
    assert "De to snevre unntakene" in {b.citation.section for b in rewrite.legal_basis}


def test_the_integration_requirement_outlasts_the_type_templates(settings):
    text = ("Det nye saksbehandlingssystemet skal ha integrasjon mot ePhorte, støtte elektronisk signering og ha "
            "svartid under 2 sekunder for 200 samtidige brukere.")
    rewrite = rewrite_requirement(text, settings)
    assert any("ePhorte" in r for r in rewrite.functional_requirements)
    assert 3 <= len(rewrite.functional_requirements) <= 6


@pytest.mark.parametrize("text", [
    "Dosettene skal sende varsler via LoRaWAN til vaktrommet.",    # a way of transmitting, not a system run
    "Stolene skal passe til bordene i kantinen.",                  # a fit, not an integration
    "Løsningen skal integreres med arkivsystemet.",                # no name: the general interface requirement
])
def test_no_named_system_no_integration_target(text):
    assert integration_system(text, find_matches(text)) == ""



def test_the_makers_own_platform_for_the_prescribed_product_is_no_integration_to_keep(settings):
    text = "Skriverne skal være Zortrax M300 Dual. Utskriftsjobber skal sendes fra Zortrax Cloud Hub."
    assert integration_system(text, find_matches(text)) == ""
    assert not [r for r in rewrite_requirement(text, settings).functional_requirements if "Zortrax" in r]
    owned = "Skriverne skal være Zortrax M300 Dual. Utskriftsjobber skal sendes fra kommunens eksisterende Zortrax Cloud Hub."
    assert integration_system(owned, find_matches(owned)) != ""
