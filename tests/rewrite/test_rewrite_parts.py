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


def test_a_second_thing_bought_is_a_part_but_a_colour_or_a_service_is_not():
    assert _parts("Vi skal kjøpe ruter og brytere til to bygg.") == ["brytere"]
    assert _parts("Barnehagen skal ha sandkasser i blått og grønt.") == []
    assert _parts("Vi skal kjøpe kopimaskiner og vedlikeholdstjenester.") == []


def test_equipment_gets_a_requirement_of_its_own_kind():
    text = "Vi skal kjøpe en pickup med snøplog og strøapparat."
    out = part_requirements(text, find_matches(text), [])
    assert out[0].startswith("Snøplog") and "bredde" in out[0] and out[1].startswith("Strøapparat") and "spre" in out[1]


def test_market_questions_never_name_the_brand(settings):
    from advisor.rewrite import rewrite_requirement

    rewrite = rewrite_requirement("Vi skal kjøpe en Kärcher feiemaskin med sugeaggregat.", settings)
    assert rewrite.market_questions and not any("Kärcher" in q for q in rewrite.market_questions)
    assert not any("i dag" in q and "«" in q for q in rewrite.market_questions)


def test_a_list_of_things_and_a_service_asked_for_with_a_verb():
    assert _parts("Biblioteket trenger en skanner, lesebrett og hodetelefoner.") == ["lesebrett", "hodetelefoner"]
    assert _parts("Vi skal kjøpe 30 pulter og 30 skap, og leverandøren skal montere dem.") == ["skap", "montering"]


def test_what_the_supplier_has_is_no_part_of_the_purchase():
    assert _parts("Fisken skal leveres av et fiskemottak med kai i kommunen.") == []
    assert _parts("Utstyret skal kjøpes fra en forhandler med verksted i regionen.") == []
    assert _parts("Vi skal kjøpe en feiemaskin med sugeaggregat.") == ["sugeaggregat"]
