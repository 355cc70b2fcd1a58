"""Issue 17 (rewriter grading): product figures are not kept as targets, the change notes say what the draft does, the
purchase type reads the whole text, open standards are kept «eller tilsvarende», the functions of a removed product
stay, a prescribed method becomes a checked result, a pack size is packaging, and the questions fit the purchase.
Texts and products here are our own, not those of the graded sample."""

from __future__ import annotations

import re

import pytest

from advisor.rewrite import rewrite_requirement
from advisor.rewrite.domains import (
    building_item_requirements,
    count_requirements,
    function_requirements,
    value_requirements,
)
from advisor.rewrite.rewriter import or_equivalent, service_reading, true_notes


def _written(rewrite) -> str:
    return " ".join([rewrite.need_statement, *rewrite.functional_requirements])


# --- 1. product figures -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, figure, instead", [
    ("Gangene skal ha LED-armaturer på 1500 mm og 45 W.", "45 W", r"W/m²|lysnivå"),
    ("Brøytetraktoren skal ha minst 140 hk.", "140 hk", r"trekkraft|last"),
    ("Loftet skal etterisoleres med 350 mm glassull.", "350 mm", r"U-verdi"),
])
def test_a_product_figure_is_not_kept_as_a_target(settings, text, figure, instead):
    rewrite = rewrite_requirement(text, settings)
    assert figure in rewrite.product_figures
    assert figure not in rewrite.kept_targets
    assert re.search(instead, _written(rewrite)), rewrite.functional_requirements
    # never turned into a bound on the product figure
    assert not re.search(rf"(?:minst|høyst) {figure}", _written(rewrite))


def test_the_change_notes_never_claim_a_bound_the_draft_does_not_have(settings):
    text = "Kontorene skal ha åtte LED-armaturer på 1500 mm og 40 W i hvert rom, med fargetemperatur 3000 K."
    rewrite = rewrite_requirement(text, settings)
    notes = " ".join(rewrite.notes)
    assert not re.search(r"(?:minst|høyst) (?:40 W|3000 K|1500 mm)", notes)
    assert "«40 W» er et tall for dagens produkt" in notes
    assert not re.search(r"naboer|dyreliv|nattehimmel", _written(rewrite))  # an office is no street
    assert any("dimensjoneres" in r for r in rewrite.functional_requirements)  # fittings per room are sized, not counted


def test_true_notes_keep_a_bound_the_draft_has_and_rewrite_one_it_does_not():
    notes = ["«12 kg» er gjort om til «høyst 12 kg».", "«40 W» er gjort om til «minst 40 W».", "«8 bar» er gjort om til «minst 8 bar»."]
    requirements = ["Maskinen skal veie høyst 12 kg, dokumentert med datablad.",
                    "Utstyret skal gi ytelsen [«40 W» er dagens produkt og ikke et krav i seg selv].",
                    "Pumpen skal gi trykket oppgaven krever; dagens anslag er 8 bar."]
    out = true_notes(notes, requirements, ["40 W"])
    assert out[0] == notes[0]
    assert out[1].startswith("«40 W» er et tall for dagens produkt")
    assert out[2].startswith("«8 bar» er tatt inn i kravet")


def test_a_distance_to_the_buyer_becomes_a_response_time(settings):
    rewrite = rewrite_requirement("Entreprenøren må ha lager innen 25 km fra bydelshuset.", settings)
    first = rewrite.functional_requirements[0]
    assert "rykke ut" in first and "favoriserer lokale" in first
    assert "25 km" in rewrite.product_figures
    assert not any("oppfylle målet" in r for r in rewrite.functional_requirements)
    assert any("LOA § 4" in q for q in rewrite.questions_for_buyer)


# --- 3. the purchase type reads the whole text ----------------------------------------------------------------------

def test_building_parts_named_together_are_drafted_each_by_function(settings):
    text = "Boden skal ha stående kledning, 200 mm steinull i veggene og drenering med plastrør langs grunnmuren."
    rewrite = rewrite_requirement(text, settings)
    written = _written(rewrite)
    assert "Kledningen" in written and "brannklasse" in written and "U-verdi" in written and "Dreneringen" in written
    assert not re.search(r"drikkevann|driftstrykk|høyst 200 mm", written)
    assert "200 mm" in rewrite.product_figures


def test_one_building_part_needs_no_item_list():
    assert building_item_requirements("Fasaden skal ha ny kledning.") == []
    both = building_item_requirements("Ny kledning og drenering rundt huset.")
    assert len(both) == 2 and "rørmaterialet velger leverandøren" in both[1]


@pytest.mark.parametrize("text, service", [
    ("Glassfasaden skal vaskes to ganger i året.", True),
    ("Fotballbanene skal måkes etter hvert snøfall.", True),
    ("Middager til hjemmeboende skal leveres tre dager i uka.", True),
    ("Levering av kjølt mat til bofellesskapene.", True),
    ("Vaskemaskinen skal kunne rengjøres uten verktøy.", False),
    ("Kommunen skal kjøpe ost og yoghurt.", False),
])
def test_work_done_to_a_thing_and_meals_delivered_are_services(text, service):
    assert service_reading(text) is service


def test_window_washing_is_a_cleaning_service_with_a_checked_result(settings):
    rewrite = rewrite_requirement("Glassfasaden skal vaskes med demineralisert vann hver måned.", settings)
    assert rewrite.object_kind == "services"
    assert not re.search(r"U-verdi|slagregn", _written(rewrite))
    assert rewrite.functional_requirements[0].startswith("Resultatet skal være")
    assert "stikkprøver" in rewrite.functional_requirements[0]
    assert any("et krav til metode" in n for n in rewrite.notes)


def test_a_place_named_with_a_method_is_no_method(settings):
    rewrite = rewrite_requirement("Malerarbeidet skal utføres i hele bygg C.", settings)
    assert not any(r.startswith("Resultatet skal være [beskriv resultatet, f.eks. rene") for r in rewrite.functional_requirements)


# --- 4. standards -----------------------------------------------------------------------------------------------

def test_every_part_of_a_standard_named_as_a_list_is_kept(settings):
    rewrite = rewrite_requirement("Engangshanskene skal oppfylle EN 455-1, -2 og -3.", settings)
    assert any("EN 455-1, -2 og -3 eller tilsvarende" in r for r in rewrite.functional_requirements)
    assert not any(n.startswith("«EN 455-1» er fjernet") for n in rewrite.notes)


def test_open_standards_are_kept_or_equivalent(settings):
    rewrite = rewrite_requirement("Lysstyringen i aulaen skal bruke DALI-2, og matvognene tar GN 1/2-beholdere.", settings)
    written = _written(rewrite)
    assert "DALI-2 eller tilsvarende" in written
    assert "GN 1/2 eller tilsvarende" in written
    assert any("«DALI-2» er beholdt som krav" in n for n in rewrite.notes)


def test_ns_3420_is_never_left_bare(settings):
    rewrite = rewrite_requirement("Tømrerarbeidene skal beskrives etter NS 3420.", settings)
    for sentence in [rewrite.need_statement, *rewrite.functional_requirements]:
        assert not re.search(r"NS 3420(?! eller tilsvarende)", sentence), sentence


def test_or_equivalent_is_added_once_and_a_compound_keeps_its_noun():
    assert or_equivalent("Utstyret skal støtte KNX.", "KNX") == "Utstyret skal støtte KNX eller tilsvarende."
    assert or_equivalent("Utstyret skal støtte KNX eller tilsvarende.", "KNX") == "Utstyret skal støtte KNX eller tilsvarende."
    assert or_equivalent("De passer i GN 1/1-vognene.", "GN 1/1") == "De passer i GN 1/1-vognene (GN 1/1 eller tilsvarende)."


def test_an_open_standard_inside_a_product_name_is_no_standard(settings):
    rewrite = rewrite_requirement("Det skal leveres 5 stk. HP EliteBook med dokk HP Thunderbolt G4.", settings)
    assert not any(r.startswith("Det skal støtte Thunderbolt") for r in rewrite.functional_requirements)


# --- 5. the functions of a removed product --------------------------------------------------------------------------

def test_the_functions_of_a_removed_product_are_kept(settings):
    rewrite = rewrite_requirement("Lærerne skal få en Dell WD22TB4-dokk til kontorplassen.", settings)
    assert any("én kabel" in r for r in rewrite.functional_requirements)
    alarm = rewrite_requirement("Boligalarmene skal være fra Doro med røykvarsler og reservesamband.", settings)
    written = _written(alarm)
    assert "røyk" in written and "reservesamband" in written and "Doro" not in written


def test_a_function_already_drafted_is_not_added_again():
    assert function_requirements("Bilene skal ha vinterdekk.", ["Kjøretøyet skal ha godt grep på vinterføre."]) == []
    assert len(function_requirements("Bilene skal ha vinterdekk.", [])) == 1


# --- 7. pack sizes ------------------------------------------------------------------------------------------------

def test_a_pack_size_is_packaging_not_a_quantity():
    out = count_requirements("Servietter skal leveres i pakninger med 500 stk.")
    assert len(out) == 1 and out[0].startswith("Produktene skal leveres i pakninger")
    assert count_requirements("Det skal leveres 500 servietter.")[0].startswith("Leveransen skal omfatte 500")


def test_a_size_range_fills_the_sizes(settings):
    rewrite = rewrite_requirement("Nitrilhanskene skal finnes i størrelse S–XL.", settings)
    assert any("fra S til XL" in r for r in rewrite.functional_requirements)


# --- 8. questions fit the purchase ----------------------------------------------------------------------------------

def test_questions_fit_the_purchase(settings):
    rewrite = rewrite_requirement("Plastret skal være Leukoplast fra Essity.", settings)
    assert "Hvem skal bruke løsningen, og hvor mange er de?" not in rewrite.questions_for_buyer
    gloves = rewrite_requirement("Hanskene skal være av merket Abena.", settings)
    assert "Hvem skal bruke løsningen, og hvor mange er de?" not in gloves.questions_for_buyer
    # the dialog asks about the need and the alternatives, never about the brand that was removed (grader, wave 11)
    assert gloves.market_questions and not any("Abena" in q for q in gloves.market_questions)
    # the type's own questions ask what this purchase lacks; the generic ones are not added to every draft
    assert not any(q.startswith("Hvilket problem skal løses") for q in gloves.questions_for_buyer)
    assert len(gloves.questions_for_buyer) >= 2


def test_a_carried_clause_names_the_standard_or_equivalent_and_a_delivery_is_checked_against_the_plan(settings):
    rewrite = rewrite_requirement("Suppene skal leveres i GN 1/3-beholdere til fire bofellesskap to dager i uka.", settings)
    for sentence in rewrite.functional_requirements:
        assert not re.search(r"GN 1/3(?![^.]{0,40}eller tilsvarende)", sentence), sentence
    assert not any("CV-er" in r for r in rewrite.functional_requirements if "leveres" in r)


def test_a_demand_only_on_where_the_supplier_is_gets_a_need_for_help_in_time(settings):
    rewrite = rewrite_requirement("Leverandøren skal ha et lager maks 15 km fra omsorgssenteret.", settings)
    assert "raskt nok" in rewrite.need_statement
    assert "15 km" in rewrite.product_figures


def test_light_indoors_is_not_written_for_neighbours_and_the_night_sky():
    indoor = value_requirements("Lampene i grupperommet skal ha 3500 K.")
    outdoor = value_requirements("Lyset langs gangveien skal ha 2700 K.")
    assert "nattehimmel" not in indoor[0] and "rommet" in indoor[0]
    assert "nattehimmel" in outdoor[0]
