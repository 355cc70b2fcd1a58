"""Round 9 grading: a type's material stays with its own products, a label is no supplier, a rating is kept whole and a
function named beside a brand is kept. Texts in our own wording, other products than the graded ones."""

from __future__ import annotations

from advisor.requirements import analyze_requirement
from advisor.rewrite import rewrite_requirement
from advisor.rewrite.domains import function_requirements, rating_requirements


def _written(rewrite) -> str:
    return " ".join([rewrite.need_statement, *rewrite.functional_requirements])


def test_a_pc_dock_is_no_requirement_on_medical_equipment(settings):
    rewrite = rewrite_requirement("Sprøytepumpene skal være Fresenius Kabi Agilia med dokkingstasjon.", settings)
    written = _written(rewrite)
    assert "USB-C" not in written and "tastaturet" not in written
    assert any("dokkingstasjon" in r for r in rewrite.functional_requirements)


def test_the_dock_wording_follows_the_domain():
    assert "USB-C" in function_requirements("Maskinene skal ha dokk.", [], "IT-utstyr")[0]
    assert "USB-C" not in function_requirements("Sengene skal ha dokkingstasjon.", [], "medisinsk utstyr")[0]
    assert "USB-C" not in function_requirements("Sengene skal ha dokkingstasjon.", [], "")[0]


def test_a_vehicle_need_names_the_service_the_text_names_not_home_care(settings):
    rewrite = rewrite_requirement("Vi skal kjøpe to elbiler fra Kia til oppmålingsavdelingen.", settings)
    assert "hjemmetjenesten" not in rewrite.need_statement


def test_a_tow_bar_and_fall_detection_named_beside_a_brand_are_kept(settings):
    car = rewrite_requirement("Bilene skal være Skoda Enyaq med hengerfeste.", settings)
    assert any("tilhenger" in r for r in car.functional_requirements)
    alarm = rewrite_requirement("Trygghetsalarmene skal være Careium 500 med fallalarm.", settings)
    assert any("oppdage fall" in r for r in alarm.functional_requirements)
    assert function_requirements("Klokken skal ha fallsensor.", ["Løsningen skal oppdage fall automatisk."]) == []
    assert function_requirements("Kjøkkenet skal ha tilhengerfeste.", [], "mat og servering") == []


def test_a_test_programme_rating_is_kept_whole_with_equivalents(settings):
    [rating] = rating_requirements("Minibussene skal ha fire stjerner i Euro NCAP.")
    assert "fire stjerner i Euro NCAP" in rating and "tilsvarende" in rating
    assert rating_requirements("Maten skal ha 5 stjerner i anmeldelsen.") == []
    rewrite = rewrite_requirement("Kommunen kjøper tre Toyota Proace-biler, og bilene skal ha 5 stjerner i Euro NCAP.",
                                  settings)
    assert any("5 stjerner i Euro NCAP eller" in r for r in rewrite.functional_requirements)
    assert not any("stjerner i Euro»" in r for r in rewrite.functional_requirements)


def test_an_ecolabel_is_never_a_named_supplier(settings):
    findings = analyze_requirement("Vaskeriet skal bruke Ecolab-produkter, og leverandøren skal være Svanemerket.",
                                   settings).findings
    assert not any(f.category == "supplier" and "Svanemerk" in f.text for f in findings)
    other = analyze_requirement("Kantinen skal ha en leverandør som er Miljøfyrtårn-sertifisert, og kaffen skal leveres "
                                "av Friele AS.", settings).findings
    assert any(f.category == "supplier" and "Friele" in f.text for f in other)
    assert not any(f.category == "supplier" and "Miljøfyrtårn" in f.text for f in other)
