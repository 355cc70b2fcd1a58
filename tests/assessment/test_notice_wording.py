"""How real Doffin notices word value, term and what is bought (wave 9, from the seen dev2 set's kinds of phrasing):
a stray dot before the currency, the unit said once before a range, «/år» after the VAT words, «for et år»,
«N ganger med ett år», the buyer's name before the colon, unit names and «arena for helsetjenester»."""

from __future__ import annotations

import pytest

from advisor.assessment import extract_case
from advisor.assessment.amounts import read_amounts, read_term


@pytest.mark.parametrize(("text", "value", "period"), [
    ("Forventet verdi er ca.4 millioner kroner hvis opsjonsårene benyttes.", 4_000_000, None),
    ("Estimert verdi er ca. 4.000.000. NOK.", 4_000_000, None),
    ("estimert verdi på mellom kr. 7.000.000 - 12.000.000 eksklusive mva.", 12_000_000, None),
    ("Forbruket er estimert til ca 1 700 000 NOK eks mva/år.", 1_700_000, "year"),
    ("Samlet estimert kontraktsverdi for et år er ca. 8 MNOK.", 8_000_000, "year"),
])
def test_notice_value_wording(text, value, period):
    amounts, _ = read_amounts(text)
    assert [(a.value, a.period) for a in amounts] == [(value, period)]


@pytest.mark.parametrize("text", [
    "Prisen er 7.000.000 - 12.000.000 enheter.",  # no currency before the first end: not money
    "Kapittel 4. Kr 500 000 er budsjettert.",  # a short number before a sentence end is no amount
])
def test_no_amount_is_made_up_from_bare_numbers(text):
    amounts, _ = read_amounts(text)
    assert all(a.value != 12_000_000 and a.value != 4 for a in amounts)


@pytest.mark.parametrize(("text", "base", "options"), [
    ("Avtalen har en varighet på ett år, og kan forlenges av Kunden tre ganger med ett år (1+1+1+1).", 12, 36),
    ("en rammeavtale for ett år med mulighet for opptil tre års forlengelse (1 + 1 + 1 + 1).", 12, 36),
    ("Oppdraget løper i utgangspunktet i to år, med opsjon på forlengelse med inntil 2 år.", 24, 24),
    ("Kontraktens lengde er på to år, med opsjon i inntil ytterligere tre år (1+1+1).", 24, 36),
])
def test_notice_terms(text, base, options):
    term = read_term(text)
    assert (term.duration_months, term.option_months) == (base, options)


def test_the_buyers_name_and_unit_names_do_not_set_the_contract_type():
    text = "Politiets fellestjenester: Sivilt arbeidstøy og verneutstyr. Formålet er å dekke behovet for bekledning."
    assert extract_case(text).values["category"] == "goods"
    boat = "TØNSBERG KOMMUNE: Innkjøp av ny arbeidsbåt til Skjærgårdstjenesten, Færder enhet."
    assert extract_case(boat).values["category"] == "goods"
    # A service bought is still read when the name says nothing: «renholdstjenester» is what is bought.
    assert extract_case("Bergen kommune: Renholdstjenester for skolene.").values["category"] == "services"


def test_a_health_service_the_purchase_serves_is_not_what_is_bought():
    text = "Oppdragsgiver ønsker tilbud på etablering og drift av en innovasjonsarena for helsetjenester."
    assert not extract_case(text).values.get("health_social_services")
    assert extract_case("Kommunen kjøper helsetjenester til innbyggerne.").values.get("health_social_services")


def test_software_architecture_is_no_design_contest():
    text = "Avtalen dekker teknisk arkitektur og frontend-utvikling for en digital plattform."
    assert "design_contest" not in extract_case(text).read_keys
    # Buying architects' services (or hiring IT architects) is a service contract; a design contest (FOA part V) is a
    # contest for plans or designs.
    assert "design_contest" not in extract_case("Vi skal kjøpe arkitekttjenester til ny skole.").read_keys
    assert "design_contest" not in extract_case(
        "Etaten leier inn konsulenter: prosjektledere, løsningsarkitekter og testledere, 4 mill. kr.").read_keys
    assert extract_case("Kommunen arrangerer en arkitektkonkurranse om ny barneskole.").values.get("design_contest")
    assert extract_case("Vi vil utlyse en konkurranse om utforming av det nye torget.").values.get("design_contest")
