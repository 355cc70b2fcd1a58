"""Contract type: a cleaning word that heads a goods compound, and a structure named only as the place of the work."""
import pytest

from advisor.assessment import extract_case


@pytest.mark.parametrize("text, category", [
    ("Fylket skal inngå rammeavtale om reinhaldskjemikaliar og handpapir til skulane.", "goods"),
    ("Bydelen skal kjøpe renholdsmidler til barnehagene.", "goods"),
    ("Vi trenger nye rengjøringsmaskiner til svømmehallen.", "goods"),
    ("Vi trenger tørkepapir og såpe til alle kontorene.", "goods"),
    ("Kommunen skal kjøpe renhold av sykehjemmet i tre år.", "services"),
    ("Kommunen skal kjøpe reinhaldstenester til rådhuset.", "services"),
])
def test_the_head_of_a_cleaning_compound_decides(text, category):
    assert extract_case(text).values.get("category") == category


@pytest.mark.parametrize("text", [
    "Etaten vil utvikle en tjeneste som kartlegger skadedyr langs riksveier.",
    "Vi ønsker sensorer som måler støy rundt anlegget om natten.",
])
def test_a_structure_named_as_the_place_of_the_work_is_not_works(text):
    assert extract_case(text).values.get("category") != "works"


@pytest.mark.parametrize("text", [
    "Kommunen skal bygge ny sykkelvei langs fylkesveien.",
    "Vegvesenet skal rehabilitere bruene mellom Hamar og Gjøvik.",
])
def test_building_work_near_a_structure_stays_works(text):
    assert extract_case(text).values.get("category") == "works"


def test_a_development_ceiling_and_the_later_purchase_add_up_when_a_question_restates_one():
    text = ("Fylket vil bruke innovasjonspartnerskap. Utviklingen har vi satt til høyst 2 mill. kr, og lykkes den, vil vi "
            "kjøpe tjenesten for 0,5 mill. kr i året i fire år. Holder det å oppgi utviklingskostnaden på 2 mill. som "
            "verdi?")
    assert extract_case(text).values.get("estimated_value_nok") == 4_000_000


@pytest.mark.parametrize("text, health", [
    ("Sykehuset vil kjøpe CT-undersøkelser fra private klinikker i to år.", True),
    ("Helseforetaket kjøper dagkirurgiske inngrep fra et privat sykehus.", True),
    ("Sykehuset skal kjøpe et nytt røntgenapparat.", None),
])
def test_examinations_and_operations_bought_from_clinics_are_health_services(text, health):
    assert extract_case(text).values.get("health_social_services") is health
