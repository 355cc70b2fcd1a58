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
