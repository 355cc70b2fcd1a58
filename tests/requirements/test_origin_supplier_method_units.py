"""Detection gaps found by the rewriter (wave 9): a national origin demanded of the goods («skal være norsk», an
origin label, «fra norske gårder»), a named company the goods are to come from, a prescribed working method
(«etter X-metoden»), a material inside a compound word naming the goods («trevinduer»), and units read whole
(«W/m²K», not «W»). Each rule has decoys it must leave alone; the sentences are our own, not eval rows.
"""

from __future__ import annotations

import re

import pytest

from advisor.requirements import PARAM_UNIT, find_matches


def found(text: str) -> set[tuple[str, str, str]]:
    """(category, kind, span) of every finding."""
    return {(m.category, m.kind, text[m.start:m.end]) for m in find_matches(text)}


def spans(text: str, category: str) -> set[str]:
    return {span for cat, _, span in found(text) if cat == category}


# --- units: the longest unit wins -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "unit"), [
    ("0,72 W/m²K", "W/m²K"), ("1,1 W/m2K", "W/m2K"), ("0,035 W/mK", "W/mK"), ("250 W/m²", "W/m²"),
    ("12 kWh", "kWh"), ("7,4 kW", "kW"), ("40 kVA", "kVA"), ("5 GHz", "GHz"), ("16 tommers", "tommers"),
])
def test_a_unit_that_begins_a_longer_unit_does_not_cut_it_short(value, unit):
    m = re.fullmatch(rf"[\d,]+\s*({PARAM_UNIT})", value)
    assert m and m.group(1) == unit


def test_an_exact_u_value_is_read_whole():
    text = "Ytterdørene skal ha U-verdi 0,9 W/m²K."
    assert ("material_dimension_method", "exact_value", "0,9 W/m²K") in found(text)
    assert not any(span.endswith(" W") for *_, span in found(text))


def test_a_bounded_u_value_is_no_finding():
    assert not spans("Takvinduene skal ha U-verdi på høyst 1,0 W/m²K.", "material_dimension_method")


# --- origin demanded of the goods --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "span", "kind"), [
    ("Laksen som serveres, skal være norsk.", "norsk", "food"),
    ("Svinekjøttet skal være 100 % norsk.", "norsk", "food"),
    ("Potetene skal være norskdyrket og vasket.", "norskdyrket", "food"),
    ("Torsken skal være norskfanget.", "norskfanget", "food"),
    ("All melk skal komme fra norske meierier.", "fra norske meierier", "food"),
    ("Lammet skal hentes fra lokale gårdsbruk.", "fra lokale gårdsbruk", "food"),
    ("I kantinen skal det serveres norsk storfekjøtt to dager i uken.", "norsk storfekjøtt", "food"),
    ("Ved til patruljehyttene skal komme fra Norge.", "komme fra Norge", "origin"),
    ("Steinen til kaia skal være nordisk.", "nordisk", "origin"),
])
def test_a_national_origin_demanded_of_the_goods_is_an_origin_finding(text, span, kind):
    assert ("origin", kind, span) in found(text), found(text)


@pytest.mark.parametrize("text", [
    "Eplene skal være merket Nyt Norge.",
    "Spekemat skal ha merket Spesialitet.",
    "Honningen skal være godkjent som Beskyttet geografisk betegnelse.",
])
def test_an_origin_label_demanded_is_an_origin_finding(text):
    kinds = {kind for cat, kind, _ in found(text) if cat == "origin"}
    assert kinds == {"label"}, found(text)


@pytest.mark.parametrize("text", [
    # the national adjective is about language, law or a keyboard layout
    "Appen skal ha norsk tekst og norsk tale.",
    "Grensesnittet skal være norsk.",
    "Kurset skal holdes på norsk språk.",
    "Tastaturene skal være norske.",
    "Kontrakten skal tolkes etter norsk rett.",
    "Alle priser skal oppgis i norske kroner.",
    # a country or producers as the subject of a study or a description, not a demand on the goods
    "Utredningen skal beskrive lønnsomheten i norsk landbruk og på norske gårder.",
    "Kantinen kjøper i dag mye fra lokale gårder.",
    "Prosjektet skal kartlegge eksporten av norsk laks.",
    # a place the goods are sent from, a warehouse, a kitchen word
    "Varene skal leveres fra lager innen to virkedager.",
    "Kokkens spesialitet skal ikke være et krav.",
    "Maten skal ikke være norsk eller lokal som krav, men fersk.",
])
def test_national_words_that_are_no_origin_demand_are_left_alone(text):
    assert not spans(text, "origin"), found(text)


def test_a_food_origin_finding_asks_for_freshness_and_welfare_instead():
    from advisor.config import Settings
    from advisor.requirements import analyze_requirement

    finding = next(f for f in analyze_requirement("Kyllingen skal være norsk.", Settings()).findings if f.category == "origin")
    assert "ferskhet" in finding.instead and "tilsvarende" in finding.instead
    assert "EØS" in finding.explanation and "FOA § 15-1" in finding.rule


# --- a named company the goods are to come from ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("Brødet skal leveres fra Bakehuset Vest hver morgen.", "Bakehuset Vest"),
    ("Eggene skal kjøpes inn fra Hønsegården Sør.", "Hønsegården Sør"),
    ("Kaffebønnene må bestilles hos Brenneriet Fjellkaffe.", "Brenneriet Fjellkaffe"),
    ("Fisken skal leveres fra Havbruk Nord.", "Havbruk Nord"),
])
def test_a_company_the_goods_must_come_from_is_a_supplier_finding(text, name):
    assert ("supplier", "named", name) in found(text), found(text)
    assert not spans(text, "origin"), found(text)  # a company called «Norsk …» is no nationality


@pytest.mark.parametrize("text", [
    "Varene skal leveres fra lager innen to dager.",
    "Varene skal leveres fra Oslo.",  # a place, one ordinary word
    "Prøvene skal hentes fra Statens vegvesen.",  # a public body
    "Rådgiveren skal komme fra Helse Bergen.",
    "Maten skal leveres fra kjøkkenet på sykehjemmet.",
])
def test_a_place_a_store_or_a_public_body_the_goods_come_from_is_no_supplier(text):
    assert not spans(text, "supplier"), found(text)


# --- a named method where the result would do --------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "span"), [
    ("Trappene skal vaskes ukentlig etter tofaktormetoden.", "etter tofaktormetoden"),
    ("Kantinen skal lage grøten ved hjelp av kokekar-metoden.", "ved hjelp av kokekar-metoden"),
    ("The floors shall be mopped by the wet-vac method.", "by the wet-vac method"),
])
def test_a_named_method_the_work_must_follow_is_a_method_finding(text, span):
    assert any(cat == "material_dimension_method" and kind == "method" and found_span.endswith(span)
               for cat, kind, found_span in found(text)), found(text)
    assert next(m for m in find_matches(text) if m.kind == "method").severity == "medium"


def test_a_named_method_or_equivalent_is_only_a_hint():
    text = "Trappene skal vaskes etter tofaktormetoden eller tilsvarende."
    assert {m.severity for m in find_matches(text) if m.kind == "method"} == {"low"}


@pytest.mark.parametrize("text", [
    "Forbruket skal måles etter NEDC-metoden.",  # how a result is measured
    "Kvaliteten skal kontrolleres etter stikkprøvemetoden.",
    "Utredningen skal bruke Delphi-metoden for å samle ekspertvurderinger.",  # a study, and a stated purpose
    "Renholderne bruker i dag tofaktormetoden.",  # a description of today, no modal
    "Leverandøren skal beskrive metoden for renhold.",  # the supplier chooses and describes it
])
def test_methods_of_measuring_studying_or_describing_are_left_alone(text):
    assert not any(m.kind == "method" for m in find_matches(text)), found(text)


# --- a material inside the compound that names the goods ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "span"), [
    ("Skolen skal få nye tredører i alle klasserom.", "tredører"),
    ("Det skal monteres aluminiumsvinduer på sørfasaden.", "aluminiumsvinduer"),
    ("Parken skal ha granittbenker langs stien.", "granittbenker"),
    ("Gangbrua skal bygges som en stålbru.", "stålbru"),
    ("Dørene skal byttes ut med nye eikedører.", "eikedører"),
])
def test_a_material_compound_of_the_goods_in_a_requirement_is_a_material_finding(text, span):
    assert ("material_dimension_method", "material", span) in found(text), found(text)


@pytest.mark.parametrize("text", [
    "Utskifting av tredører på Haugen skole",  # a title naming the goods, no obligation
    "Eksisterende aluminiumsvinduer skal males i samme farge.",  # the goods already there
    "Tredørene i kjelleren skal repareres.",  # definite: the buyer's own doors
    "Tredører i kjelleren skal oljes hvert år.",  # worked on, not bought
    "Entreprenøren skal stå for riving av stålbjelker i hallen.",
    "Det skal leveres granittbenker som tåler hærverk og frost.",  # a stated purpose
    "Treningsbenker skal leveres til gymsalen.",  # «tre» is only the start of another word
])
def test_material_compounds_that_are_no_material_choice_are_left_alone(text):
    assert not any(m.kind == "material" for m in find_matches(text)), found(text)


def test_a_material_compound_or_equivalent_is_only_a_hint():
    text = "Det skal leveres tredører eller tilsvarende."
    assert {m.severity for m in find_matches(text) if m.kind == "material"} == {"low"}


@pytest.mark.parametrize("text", [
    "Pallene skal hentes fra Frakt Nord AS sitt lager på Heia.",  # a place the company owns
    "Brødet skal hentes fra Bakehuset Vests utsalg.",  # a genitive: the company's shop
])
def test_a_place_a_company_owns_is_no_supplier_the_goods_come_from(text):
    assert not spans(text, "supplier"), found(text)


# --- a technology's name joined to «-metoden» names a method -----------------------------------------------------------

def test_a_language_name_joined_to_method_is_no_prescribed_language():
    assert not spans("Prioriteringene skal settes etter Delphi-metoden i to runder.", "prescribed_technology")
    assert not spans("Modellen skal kalibreres etter Python-modellen fra forstudien.", "prescribed_technology")


def test_the_language_itself_is_still_prescribed_technology():
    assert "Delphi" in spans("Klienten skal utvikles i Delphi.", "prescribed_technology")
    assert "Python" in spans("Skriptene skal være skrevet i Python.", "prescribed_technology")


# --- buying goods named with their material ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "span"), [
    ("Kommunen skal kjøpe inn eikebenker til parken.", "eikebenker"),
    ("Innkjøp av stålrekkverk til gangbrua skal skje i vår.", "stålrekkverk"),
])
def test_buying_goods_named_with_their_material_is_a_material_finding(text, span):
    assert span in spans(text, "material_dimension_method")


def test_carrying_or_collecting_goods_named_with_their_material_is_not():
    assert not spans("Transport av trevinduer til mottaket skal inngå i oppdraget.", "material_dimension_method")


# --- the workshop the goods must be serviced at -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "span"), [
    ("Varebilene skal leveres og ha service hos Bilhuset Nordvik AS.", "Bilhuset Nordvik AS"),
    ("Feiemaskinene skal serviceres hos Maskinservice Vest.", "Maskinservice Vest"),
])
def test_a_named_workshop_for_service_is_a_supplier_finding(text, span):
    assert ("supplier", "named", span) in found(text)


def test_service_at_an_unnamed_workshop_is_not():
    assert not found("Bilene skal ha service hos et verksted innen 30 km.")


def test_a_rating_is_never_what_is_bought():
    from advisor.requirements import read_purchase_object

    read = read_purchase_object("Minibussene skal ha 5 stjerner i Euro NCAP.")
    assert read is not None and read.noun == "Minibussene"
    assert getattr(read_purchase_object("Det skal leveres 3 stk. Peugeot e-Expert, og de skal ha 5 stjerner i Euro NCAP."),
                   "noun", None) != "stjerner"
