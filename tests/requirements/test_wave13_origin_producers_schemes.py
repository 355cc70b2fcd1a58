"""Wave 13 (issue 17): national origin demanded of food in a verbless or restricted line, a named producer as the source
of food goods, a certification scheme built into the role hired, and a measuring technique bought for a stated need.
Wordings written for these tests, not taken from eval rows."""
import pytest

from advisor.config import Settings
from advisor.requirements import analyze_requirement, find_matches


def analyze_requirements(text):
    return analyze_requirement(text, Settings())


def strong(text):
    return [(m.category, m.kind, text[m.start:m.end]) for m in find_matches(text) if m.severity != "low"]


def spans(text, category):
    return [text[m.start:m.end] for m in find_matches(text) if m.category == category and m.severity != "low"]


# --- national origin of food ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "span"), [
    ("Bare norskprodusert svinekjøtt", "norskprodusert"),
    ("Utelukkende norskprodusert egg til kantinene", "norskprodusert"),
    ("Sjømaten skal i sin helhet være norsk.", "norsk"),
    ("Grønnsakene som leveres, skal være dyrket i Norge.", "dyrket i Norge"),
    ("All torsk skal være fra Norge.", "være fra Norge"),
])
def test_a_national_origin_demanded_of_food_is_found(text, span):
    found = [(m.category, m.kind, text[m.start:m.end]) for m in find_matches(text)]
    assert ("origin", "food", span) in found, found


@pytest.mark.parametrize("text", [
    # a register's name, capitalised mid-sentence, is no nationality of the goods
    "Ordningen gjelder sjøfolk på skip registrert i Norsk internasjonalt skipsregister.",
    # the language spoken, not where goods come from
    "Kommunikasjonen med kjøkkenpersonalet skal være norsk.",
    # no restriction and no demand: a heading that lists what the framework covers
    "Norskprodusert kjøtt og fisk - orientering om markedet",
])
def test_origin_words_that_are_no_demand_on_goods_are_left_alone(text):
    assert not spans(text, "origin"), strong(text)


def test_origin_advice_for_food_asks_for_quality_freshness_and_sustainability():
    finding = analyze_requirements("Bare norskprodusert svinekjøtt").findings[0]
    assert finding.category == "origin"
    assert "ferskhet" in finding.instead and "bærekraft" in finding.instead and "EØS" in finding.explanation


# --- a named producer as the source of food goods ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("Røkt laks fra Hitra to ganger i måneden", "Hitra"),  # a producer's name that is also an island
    ("Yoghurt fra Synnøve til alle avdelinger", "Synnøve"),
    ("Vi ønsker kyllingfilet fra Stange til storkjøkkenet", "Stange"),
    ("Pølsene skal være fra Gårdsslakteriet Haugen.", "Gårdsslakteriet Haugen"),
    ("Brød fra Bakehuset i Vika leveres daglig", "Bakehuset"),
])
def test_a_named_producer_as_the_source_of_food_is_a_supplier_finding(text, name):
    found = [(m.category, m.kind, text[m.start:m.end], m.severity) for m in find_matches(text)]
    assert any(c == "supplier" and k == "producer" and s.startswith(name) and sev != "low" for c, k, s, sev in found), found


def test_the_producer_finding_says_what_to_describe_instead():
    finding = next(f for f in analyze_requirements("Yoghurt fra Synnøve til alle avdelinger").findings
                   if f.category == "supplier")
    assert "produsent" in finding.explanation and "ferskhet" in finding.instead


@pytest.mark.parametrize("text", [
    # a route the goods are carried along
    "Frakt av fersk fisk fra Ålesund til Oslo hver natt",
    # a country: the origin rules own it, not the producer rule
    "Laks fra Norge - informasjon om sesongen",
    # a public body the goods are fetched from
    "Fisken hentes fra Tromsø kommune sitt lager.",
    # many producers, none named
    "Leverandøren skal kunne levere ost fra flere meierier.",
])
def test_food_from_a_place_route_or_many_producers_is_no_producer_finding(text):
    assert not [m for m in find_matches(text) if m.kind == "producer" and m.severity != "low"], strong(text)


def test_todays_producer_described_is_no_producer_demand():
    text = "Kjøkkenet kjøper i dag yoghurt fra Fjellmeieriet."
    assert not [m for m in find_matches(text) if m.kind == "producer" and m.severity != "low"], strong(text)


def test_a_lexicon_brand_in_a_requirement_keeps_its_brand_finding():
    text = "Melken skal leveres fra Q-Meieriene."
    found = find_matches(text)
    assert any(m.category == "brand" and m.severity != "low" for m in found), strong(text)
    assert not [m for m in found if m.kind == "producer"]


# --- a certification scheme in the role hired ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "span"), [
    ("Innleie av CSWIP-inspektør til sveisekontroll", "CSWIP-inspektør"),
    ("Malingsarbeidet skal godkjennes av en ICORR-sertifisert inspektør.", "ICORR-sertifisert inspektør"),
])
def test_a_certification_scheme_built_into_the_role_needs_equivalents(text, span):
    assert ("missing_or_equivalent", "certification", span) in strong(text), strong(text)


@pytest.mark.parametrize("text", [
    "Innleie av SHA-koordinator for byggefasen",  # a role prefix, not a scheme
    "Malingsarbeidet skal godkjennes av en ICORR-sertifisert inspektør eller tilsvarende.",
    "Prosjektet har i dag en BIM-koordinator.",
])
def test_role_prefixes_and_schemes_with_equivalents_are_left_alone(text):
    assert not [m for m in find_matches(text) if m.kind == "certification"], strong(text)


# --- a technique by acronym bought for a stated need --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "span"), [
    ("Innkjøp av UV-målinger for kontroll av desinfeksjonen", "UV-målinger"),
    ("Innkjøp av IR-skanning av fasader for energiarbeid", "IR-skanning"),
])
def test_a_technique_bought_for_a_stated_need_is_prescribed(text, span):
    assert ("prescribed_technology", "means", span) in strong(text), strong(text)


@pytest.mark.parametrize("text", [
    "Kjøp av IR-skanning på Nordbyen skole",  # the technique is the service itself, no need stated
    "Vurdering av om UV-målinger egner seg for kontroll av desinfeksjonen",  # studied, not demanded
    "Kjøp av IR-skanning eller tilsvarende for energiarbeid",
])
def test_a_technique_without_a_stated_need_or_with_room_for_others_is_left_alone(text):
    assert not [m for m in find_matches(text) if m.kind == "means"], strong(text)


# --- what a verbless line buys ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "noun"), [
    ("Bare norskprodusert svinekjøtt", "svinekjøtt"),
    ("Kortreiste grønnsaker til skolekjøkkenet", "grønnsaker"),
])
def test_a_verbless_line_buys_its_noun_not_the_restriction_or_adjective_before_it(text, noun):
    from advisor.requirements import read_purchase_object

    assert read_purchase_object(text).noun == noun


@pytest.mark.parametrize("text", [
    "Vi krever at all sjømat er norsk.",
    "Oppdragsgiver forutsetter at eggene som leveres er norskproduserte.",
])
def test_a_national_origin_demanded_in_a_that_clause_is_found(text):
    assert spans(text, "origin"), strong(text)


def test_a_language_demanded_in_a_that_clause_is_no_origin():
    assert not spans("Kommunen krever at all dialog med kjøkkenet er norsk.", "origin")


def test_a_named_coffee_roaster_as_the_source_is_a_producer():
    text = "Kaffebønner fra Brenneriet Nordlys til alle kantiner"
    assert [m.kind for m in find_matches(text) if m.category == "supplier" and m.severity != "low"] == ["producer"]
