"""Wave 14 (rewrite helper): lawful content kept (CE marking, a class stated before its standard), communication
technologies and exact part counts flagged and rewritten to their function, examples of another buyer's setting kept
out of drafts, empty template lines dropped, and a reference to a system the buyer already has kept as an interface.

Every sentence here is written for these tests (not taken from an eval set or a graded sample).
"""

from __future__ import annotations

import pytest

from advisor.requirements import find_matches, part_counts
from advisor.rewrite import find_references, rewrite_requirement
from advisor.rewrite.domains import count_requirements
from advisor.rewrite.rewriter import is_empty_template, without_foreign_examples


def _written(rewrite) -> str:
    return " ".join(rewrite.functional_requirements)


# --- 1. lawful content kept -----------------------------------------------------------------------------------------

def test_ce_marking_survives_a_long_text_with_many_requirements(settings):
    text = ("Bydelen skal anskaffe 12 stellebord og 6 takheiser til avlastningsboligen. Takheisene skal være av typen "
            "Guldmann GH3 og løfte 200 kg. Stellebordene skal kunne heves fra 50 til 95 cm. Alle produkter skal være "
            "CE-merket som medisinsk utstyr etter MDR. Leverandøren skal lære opp personalet. Feil skal rettes innen 24 "
            "timer. Bordene skal ha sidegrind.")
    rewrite = rewrite_requirement(text, settings)
    ce = [r for r in rewrite.functional_requirements if "CE-merket" in r]
    assert ce and "medisinsk utstyr" in ce[0] and "MDR" in ce[0]
    assert "eller tilsvarende»" in ce[0]  # said to stand without it, not given one


@pytest.mark.parametrize(("text", "law"), [
    ("Huskestativene skal være CE-merket i henhold til leketøysdirektivet.", "leketøysdirektivet"),
    ("Vernebrillene skal være CE-merket etter PVU-forordningen.", "PVU-forordningen"),
])
def test_ce_marking_is_a_requirement_with_its_own_regulation(text, law):
    refs = [r for r in find_references(text, find_matches(text)) if r.name == "CE"]
    assert refs and refs[0].kind == "mandated"
    assert refs[0].requirement.startswith(text.split()[0]) and "CE-merket" in refs[0].requirement and law in refs[0].requirement


def test_a_ce_requirement_without_its_regulation_asks_for_it():
    text = "Alt utstyr til verkstedet skal være CE-merket."
    ref = next(r for r in find_references(text, find_matches(text)) if r.name == "CE")
    assert "[etter regelverket" in ref.requirement


@pytest.mark.parametrize(("text", "level"), [
    ("Teppet skal være klassifisert som Cfl-s1 etter NS-EN 13501-1.", "klasse Cfl-s1 etter NS-EN 13501-1"),
    ("Takplatene skal være A2-s1,d0 iht. NS-EN 13501-1.", "klasse A2-s1,d0 etter NS-EN 13501-1"),
])
def test_a_class_stated_without_the_word_klasse_stays_with_its_standard(text, level):
    assert level in find_references(text, find_matches(text))[0].requirement


# --- 2. communication technology and part counts flagged ------------------------------------------------------------

@pytest.mark.parametrize(("text", "span"), [
    ("Røykvarslerne skal ha innebygd LTE-modem.", "LTE-modem"),
    ("Fuktsensorene skal leveres med innebygget 5G-modul.", "5G-modul"),
])
def test_a_built_in_modem_of_one_network_generation_is_a_prescribed_technology(text, span):
    found = [(h.category, h.severity, text[h.start:h.end]) for h in find_matches(text)]
    assert ("prescribed_technology", "medium", span) in found


def test_a_modem_named_for_the_buyers_existing_network_is_no_finding_of_its_own():
    text = "Ruteren skal ha 4G-dekning i hele bygget."
    assert not any(h.category == "prescribed_technology" and h.severity != "low" for h in find_matches(text))


def test_a_communication_technology_becomes_what_must_arrive_where_and_when(settings):
    rewrite = rewrite_requirement("Nivåmålerne i pumpestasjonene skal rapportere via Sigfox.", settings)
    written = _written(rewrite)
    assert "Sigfox" not in written
    assert "reserveforbindelse" in written and "innen [sekunder]" in written
    assert " via," not in written and " via." not in written


@pytest.mark.parametrize("text", [
    "Oppvaskmaskinen skal ha 3 vaskesoner.",
    "Legemiddelautomaten skal ha 56 doseringsluker.",
    "Varmepumpen skal ha 2 kompressorer.",
])
def test_an_exact_count_of_parts_is_a_low_hint(text):
    hits = [h for h in find_matches(text) if h.kind == "part_count"]
    assert hits and hits[0].severity == "low"


@pytest.mark.parametrize("text", [
    "Leverandøren skal ha 4 servicebiler i regionen.",  # the supplier's resources, not the goods' parts
    "Varmepumpen skal ha minst 2 kompressorer.",  # a bound is a requirement, not a copied figure
    "Vogna skal ha 6 skuffer for å romme utstyret til en hel vakt.",  # the function is stated
    "Konsulenten skal ha 10 års erfaring.",
    "Kommunen skal ha 40 plasser i ordningen.",
    "Storkjøkkenet skal ha 24 stekebrett.",  # a place of the buyer has what is bought
])
def test_counts_that_are_no_parts_of_the_goods_are_not_hinted(text):
    assert not part_counts(text)


def test_a_count_of_parts_is_rewritten_to_capacity_never_to_a_delivery():
    out = count_requirements("Legemiddelautomaten skal ha 56 doseringsluker.")
    assert out and not out[0].startswith("Leveransen skal omfatte")
    assert "kapasiteten" in out[0] and "56 doseringsluker" in out[0]


def test_an_adjective_counted_before_a_makers_compound_keeps_the_noun():
    text = "Kommunen skal kjøpe 30 automatiske Evondos-dispensere til brukerne."
    out = count_requirements(text, [(h.start, h.end) for h in find_matches(text) if h.severity != "low"])
    assert out and "30 automatiske dispensere" in out[0]


# --- 3. garbles -----------------------------------------------------------------------------------------------------

def test_an_example_of_another_setting_is_left_out():
    line = "Vi trenger mat [juster etter målet, f.eks. holde vekt og helse eller orke skoledagen]."
    assert "skoledagen" not in without_foreign_examples("Middag til eldre som bor hjemme.", line)
    assert "skoledagen" in without_foreign_examples("Lunsj til elevene på skolen.", line)
    assert without_foreign_examples("Middag til eldre som bor hjemme.", line).endswith("holde vekt og helse].")


def test_cleaning_words_stay_out_of_a_method_question_for_a_project(settings):
    rewrite = rewrite_requirement("Utviklingen skal gjennomføres etter SAFe-rammeverket.", settings)
    asked = " ".join([*rewrite.questions_for_buyer, *rewrite.market_questions, rewrite.need_statement])
    assert "skånsomhet" not in asked and "renhet" not in asked


def test_a_pack_size_of_food_names_no_dispensers(settings):
    rewrite = rewrite_requirement("Havregrynene skal leveres i kartonger à 12 poser.", settings)
    assert "dispensere" not in _written(rewrite)


def test_an_elderly_meal_rewrite_names_no_school_day(settings):
    rewrite = rewrite_requirement("Leverandøren skal bringe middag til 90 eldre som bor hjemme, og maten skal lages av "
                                  "Kystkjøkkenet AS.", settings)
    assert "skoledag" not in rewrite.need_statement
    assert not any(r.startswith("Leveransen skal omfatte 90") for r in rewrite.functional_requirements)


@pytest.mark.parametrize(("line", "empty"), [
    ("Produktet skal oppfylle [krav], dokumentert med [dokumentasjon].", True),
    ("Løsningen skal [beskriv], verifisert ved [test].", True),
    ("Nivåmålerne skal måle vannstand hvert [minutt], verifisert ved test.", False),
])
def test_a_requirement_that_is_only_its_template_is_empty(line, empty):
    assert is_empty_template(line) is empty


# --- 4. the buyer's existing system ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Analyseverktøyet skal kunne integreres med virksomhetens Power BI-miljø.",
    "Løsningen skal levere data til Qlik Sense, som er vårt eksisterende analyseverktøy.",
    "Etaten bruker i dag Power BI. Løsningen skal integreres med Power BI.",
])
def test_a_system_the_buyer_has_is_kept_as_an_interface_not_told_to_go(text):
    systems = [r for r in find_references(text, find_matches(text)) if r.kind == "system"]
    assert systems
    assert all("må henvisningen ut" not in r.question and "lovlig" in r.question for r in systems)


def test_an_integration_reference_not_said_to_be_owned_asks_whether_it_is():
    text = "Løsningen skal integreres med Power BI."
    question = next(r.question for r in find_references(text, find_matches(text)) if r.kind == "system")
    assert "allerede har" in question and "må henvisningen ut" not in question


def test_ce_marking_is_kept_when_another_requirement_holds_the_letters_ce(settings):
    # «ce» inside another word of a requirement must not count as the CE marking being there already
    text = ("Omsorgstjenesten skal kjøpe 20 dosetårn. Dosetårnet skal ha 35 doseringsluker og sende varsler via "
            "LoRaWAN. Alle dosetårnene skal være CE-merket som medisinsk utstyr etter MDR.")
    rewrite = rewrite_requirement(text, settings)
    written = _written(rewrite)
    assert "CE-merket som medisinsk utstyr etter MDR" in written
    assert any(r.startswith("Løsningen skal ha den kapasiteten") for r in rewrite.functional_requirements)
    assert "LoRaWAN" not in written and "reserveforbindelse" in written
