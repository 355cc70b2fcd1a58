"""Wave 9, the analyzer's new findings in the rewrite: an origin label gets one note, not two; fish and other raw food
are food goods; a maker named with no object is asked about, not guessed from its line of business; a count of the
product's own parts («16 kanaler») is no quantity to deliver; a method, a material in a compound word and a company the
goods come from are each rewritten as what to write instead (the result, the properties, the goods' properties)."""

from __future__ import annotations

import pytest

from advisor.rewrite import rewrite_requirement


@pytest.mark.parametrize("text", [
    "Pærene til skolefrukten skal være merket Nyt Norge.",
    "All ost til kantina skal være norsk og merket Nyt Norge.",
])
def test_an_origin_label_has_one_note(settings, text):
    rewrite = rewrite_requirement(text, settings)
    notes = [b.rule for b in rewrite.legal_basis]
    # the label is explained once, and no other note repeats the point about origin
    assert sum("Nyt Norge" in n for n in notes) == 1, notes
    assert sum(n.count("er et krav om opprinnelse") + n.count("er et merke for norsk opprinnelse") for n in notes) == 1


@pytest.mark.parametrize(("text", "type_id"), [
    ("Sykehjemmet skal ha torsk som er fanget i Norge.", "sjømat"),
    ("Rekene til buffeten skal være norske.", "sjømat"),
    ("Hvitfisken skal leveres frossen i poser på 2 kg.", "sjømat"),
    ("Potetene til kjøkkenet skal være norskdyrket.", "matvarer"),
])
def test_raw_food_is_food_goods(settings, text, type_id):
    rewrite = rewrite_requirement(text, settings)
    assert any(f"«{type_id}»" in n for n in rewrite.notes), rewrite.notes
    if type_id == "sjømat":
        written = " ".join(rewrite.functional_requirements)
        assert "etter fangst" in written and "kjølekjede" in written


def test_a_cleaning_machine_maker_is_no_fish(settings):
    # a maker's name ending in «fisk» is no seafood
    rewrite = rewrite_requirement("Skuremaskinen til svømmehallen skal være Nilfisk.", settings)
    assert not any("«sjømat»" in n for n in rewrite.notes)


def test_a_projector_is_read_from_its_noun(settings):
    rewrite = rewrite_requirement("Prosjektøren i klasserommet skal være en Epson EB-982W.", settings)
    assert any("«møterom»" in n for n in rewrite.notes), rewrite.notes
    assert not any("Batteriet" in r or "Maskinen skal" in r for r in rewrite.functional_requirements)


@pytest.mark.parametrize("text", ["Vi trenger en Husqvarna.", "Avdelingen vil ha en Makita."])
def test_a_maker_alone_is_asked_about_not_guessed(settings, text):
    rewrite = rewrite_requirement(text, settings)
    assert not any("innkjøpstypen" in n for n in rewrite.notes), rewrite.notes
    assert rewrite.questions_for_buyer[0].startswith("Hva er det dere skal kjøpe?")
    assert not any(r.startswith("Maskinen") for r in rewrite.functional_requirements)


@pytest.mark.parametrize(("text", "count"), [
    ("Høreapparatene skal ha minst 16 kanaler.", "16 kanaler"),
    ("Dockingstasjonene skal ha 4 USB-porter.", "4 USB-porter"),
    ("Serverne skal ha 32 kjerner.", "32 kjerner"),
    ("Elsyklene til hjemmetjenesten skal ha 7 gir.", "7 gir"),
])
def test_a_count_of_the_products_parts_is_no_quantity_to_deliver(settings, text, count):
    rewrite = rewrite_requirement(text, settings)
    assert not any(r.startswith("Leveransen skal omfatte") and count in r for r in rewrite.functional_requirements), \
        rewrite.functional_requirements
    assert count.split()[0] not in rewrite.need_statement or "[" in rewrite.need_statement


def test_a_bought_count_stays_a_quantity(settings):
    rewrite = rewrite_requirement("Kommunen skal kjøpe 6 hyller til arkivet.", settings)
    assert any(r.startswith("Leveransen skal omfatte 6 hyller") for r in rewrite.functional_requirements)


def test_a_named_method_becomes_the_result_it_gives(settings):
    rewrite = rewrite_requirement("Trappene skal vaskes etter firetrinnsmetoden.", settings)
    assert rewrite.functional_requirements[0].startswith("Resultatet skal være")
    assert any("«firetrinnsmetoden»" in q and "resultat" in q for q in rewrite.questions_for_buyer)
    assert not any("materialer" in q for q in rewrite.market_questions)
    method_note = next(b.rule for b in rewrite.legal_basis if "firetrinnsmetoden" in b.rule)
    assert "resultatet" in method_note and "eller tilsvarende" in method_note and "»: FOA" not in method_note


def test_a_material_in_a_compound_is_asked_as_properties(settings):
    rewrite = rewrite_requirement("Benkene i parken skal være granittbenker.", settings)
    assert any("egenskaper" in q and "andre materialer" in q for q in rewrite.questions_for_buyer), rewrite.questions_for_buyer
    assert any("C-424/23" in b.rule and "eller tilsvarende" in b.rule for b in rewrite.legal_basis)


def test_goods_from_a_named_company_are_asked_as_the_goods_properties(settings):
    rewrite = rewrite_requirement("Kakene til møtene skal bestilles hos Bakeriet Sentrum AS.", settings)
    question = next(q for q in rewrite.questions_for_buyer if "Bakeriet Sentrum" in q)
    assert "varene" in question and "kompetanse" not in question
    assert not any("Bakeriet" in r for r in [rewrite.need_statement, *rewrite.functional_requirements])


@pytest.mark.parametrize(("text", "managed"), [
    ("Kommunen skal kjøpe fire midjestyrte dumpere til massetransport.", "Utstyret skal klare"),
    # wave 12: waste containers have a purchase type whose requirement says how they must be emptied
    ("Kommunen skal kjøpe 40 sidetømte avfallsbeholdere til hytteområdene.", "skal kunne tømmes med"),
])
def test_a_construction_becomes_what_the_goods_must_manage(settings, text, managed):
    # wave 10: how goods are built or driven is rewritten as the work they must manage, not as open data interfaces
    written = " ".join(rewrite_requirement(text, settings).functional_requirements)
    assert managed in written, written
    assert "utveksle data" not in written, written


def test_a_technology_of_an_it_system_keeps_the_interface_requirement(settings):
    written = " ".join(rewrite_requirement("Systemet skal være basert på Kubernetes.", settings).functional_requirements)
    assert "Utstyret skal klare" not in written, written
