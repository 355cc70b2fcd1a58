"""Wave 9 (after sample 8's grading, in our own wording and other products): a figure of today's product is not a
target, numbers are read with their unit and noun, a type's template says only what the text buys, the legal notes name
an origin label and a supplier the goods come from, and the climate rule rests on a requirement with a climate effect."""

from advisor.rewrite import rewrite_requirement
from advisor.rewrite.legal import climate_note


def _all(rewrite):
    return " ".join([rewrite.need_statement, *rewrite.functional_requirements])


def test_a_figure_of_the_named_product_is_asked_about_not_required(settings):
    rewrite = rewrite_requirement("Lysarmaturene i verkstedet skal være Glamox C70-R med lysfluks 3 800 lumen og "
                                  "fargetemperatur 3000 K.", settings)
    naming = [r for r in rewrite.functional_requirements if "3 800" in r]
    assert naming and all("ikke et krav i seg selv" in r for r in naming)
    assert not any("oppfylle målet" in r for r in rewrite.functional_requirements)
    assert "3 800 lumen" in rewrite.product_figures
    assert any(q.startswith("Hvilken lysmengde") for q in rewrite.questions_for_buyer)


def test_a_bounded_target_is_kept_as_a_requirement(settings):
    rewrite = rewrite_requirement("Belysningen i lagerhallen skal gi minst 300 lux på gulvet, og armaturene skal være "
                                  "Fagerhult Notor.", settings)
    assert "300 lux" in rewrite.kept_targets
    rewrite = rewrite_requirement("Grønnsakene skal leveres fra Gartnerhallen AS. Suppene skal ha et saltinnhold på "
                                  "høyst 0,9 %.", settings)
    assert any("høyst 0,9 %" in r and "ikke et krav" not in r for r in rewrite.functional_requirements)


def test_room_for_and_rates_are_not_things_to_deliver(settings):
    rewrite = rewrite_requirement("Elbilene til hjemmesykepleien skal være Volkswagen ID. Buzz, og bilene skal ha plass "
                                  "til 1 rullestol.", settings)
    assert not any("omfatte 1 rullestol" in r for r in rewrite.functional_requirements)
    assert any("plass til 1 rullestol" in r for r in rewrite.functional_requirements)
    rewrite = rewrite_requirement("Fallsensoren skal være Vayyar Care med 20 bilder per sekund.", settings)
    assert not any("omfatte 20 bilder" in r for r in rewrite.functional_requirements)


def test_a_camera_resolution_is_no_screen_and_fps_no_count(settings):
    rewrite = rewrite_requirement("Overvåkingen av inngangspartiet skal gjøres med Axis Q1656 kamera med oppløsning "
                                  "2560 x 1440 og 25 fps.", settings)
    assert "Skjermen" not in _all(rewrite)
    assert not any("omfatte 25" in r for r in rewrite.functional_requirements)
    assert any(r.startswith("Bildefrekvensen") for r in rewrite.functional_requirements)


def test_a_u_value_is_kept_whole_and_a_window_purchase_has_no_doors(settings):
    rewrite = rewrite_requirement("Vinduene i den nye barnehagen skal være Natre trevinduer med U-verdi 0,7 W/m²K.", settings)
    assert any("høyst 0,7 W/m²K" in r for r in rewrite.functional_requirements)
    assert "dør" not in _all(rewrite).lower()
    assert not any("utskifting" in q or "fjerning av de gamle" in q for q in rewrite.market_questions + rewrite.questions_for_buyer)


def test_a_bus_for_a_day_centre_carries_no_pupils(settings):
    rewrite = rewrite_requirement("Minibussene til dagsenteret skal være Ford Transit med heis.", settings)
    assert "elev" not in rewrite.need_statement and "skole" not in rewrite.need_statement


def test_an_origin_label_and_a_supplier_of_the_goods_are_explained(settings):
    rewrite = rewrite_requirement("Eplene til kantinene skal være merket Nyt Norge og leveres fra Frukt Vest.", settings)
    rules = " ".join(b.rule for b in rewrite.legal_basis)
    assert "«Nyt Norge» er et merke for norsk opprinnelse" in rules and "EØS" in rules
    assert "«Frukt Vest» er navngitt" in rules


def test_the_climate_rule_rests_on_a_real_climate_requirement():
    requirements = ["Leverandøren skal levere to ganger per uke, med emballasje som kan gjenvinnes, dokumentert med plan.",
                    "Klimaavtrykket skal være høyst [kg CO₂e per kg], dokumentert med beregning."]
    assert "krav 2" in climate_note(requirements, "mat og servering")
