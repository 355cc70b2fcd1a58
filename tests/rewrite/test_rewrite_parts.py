"""Each part of a purchase named after the main item gets its own requirement; the climate rule is stated whole."""

from advisor.requirements import find_matches
from advisor.rewrite.legal import climate_note
from advisor.rewrite.parts import named_parts, part_requirements, without_parts


def _parts(text):
    return named_parts(text, find_matches(text))


def test_equipment_and_services_after_the_main_item_are_parts():
    assert _parts("Vi skal kjøpe en lift med kurv, fjernkontroll og årlig ettersyn.") == ["kurv", "fjernkontroll",
                                                                                         "årlig ettersyn"]
    text = "Vi skal anskaffe et arkivsystem med integrasjon mot sak og arkiv, inkludert opplæring av arkivarene."
    out = part_requirements(text, find_matches(text), [])
    assert len(out) == 2 and out[0].startswith("Integrasjon mot sak") and "opplæring" in out[1].lower()


def test_how_a_service_is_done_or_a_property_is_no_part():
    assert _parts("Vaktmesteren skal male veggene med akrylmaling.") == []
    assert _parts("Rådgiveren skal ha erfaring med kommunale budsjetter.") == []
    assert _parts("Vi skal kjøpe en skjerm med høy oppløsning.") == []
    assert _parts("Vi skal kjøpe to varebiler med plass til paller og verktøy.") == []


def test_a_part_already_covered_gets_no_second_requirement():
    text = "Vi skal kjøpe en kaffemaskin med service."
    assert part_requirements(text, find_matches(text), ["Leverandøren skal utføre service innen [timer]."]) == []


def test_the_main_item_without_its_parts():
    assert without_parts("Vi skal kjøpe en lift med kurv og årlig ettersyn.").rstrip(".") == "Vi skal kjøpe en lift"


def test_the_climate_rule_names_both_exceptions_and_no_opt_out():
    note = climate_note(["Bilen skal ha utslipp på høyst [g CO₂/km], dokumentert med typegodkjenning."])
    assert "minst 30 %" in note and "kravspesifikasjonen" in note and "klart gir bedre klima- og miljøeffekt" in note
    assert "begrunnelsen" in note and "ubetydelig" in note
