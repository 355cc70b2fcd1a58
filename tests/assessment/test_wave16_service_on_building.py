"""Round 16: the head of the purchase object decides the contract type, not a building noun in its complement.

A service performed on an existing building or plant (cleaning, guarding, operation, inspection, routine maintenance)
is services; building work (new build, rebuilding, renovation, demolition) is works. Then utilities, buyer and
special-service readings found by probing.
"""

from __future__ import annotations

import pytest

from advisor.assessment import extract_case


def _read(text: str) -> dict:
    return extract_case(text).values


# (service performed on a building, building work on the same building), bokmål and nynorsk.
PAIRS = [
    ("Bydelen vil ha vakthold og kameraovervåking av ungdomsskolebygget om natta.",
     "Bydelen vil ha ombygging av ungdomsskolebygget."),
    ("Vi trenger rengjøring av rådhuset tre dager i uka.", "Vi trenger totalrehabilitering av rådhuset."),
    ("Tjenesten gjelder drift av ventilasjonsanlegget på Solbakken sykehjem.",
     "Kontrakten gjelder utskifting av ventilasjonsanlegget og bygging av nytt teknisk rom."),
    ("Avtalen dekker årlig ettersyn og vedlikehold av heisene i kulturhuset.",
     "Avtalen dekker utskifting av heisene i kulturhuset."),
    ("Me skal ha reinhald av skulen og gymsalen.", "Me skal ha ombygging av skulen og gymsalen."),
    ("Kommunen treng vedlikehald av heisane i symjehallen.", "Kommunen skal rive den gamle symjehallen."),
    ("Vi ønsker vintervedlikehold av kommunale veier og plasser.", "Vi ønsker asfaltering av kommunale veier."),
    ("Oppdraget er tømming av fettutskillere ved skolebyggene.", "Vi skal kjøpe oppføring av nye skolebygg."),
    ("Vi vil ha brannteknisk inspeksjon av omsorgsboligene.", "Vi vil ha renovering av omsorgsboligene."),
    ("Kommunen skal ha energirådgivning for skolebyggene sine.", "Kommunen skal ha nybygg for to barneskoler."),
]


@pytest.mark.parametrize(("service", "works"), PAIRS)
def test_service_on_a_building_is_services_and_building_work_is_works(service: str, works: str) -> None:
    assert _read(service).get("category") == "services", service
    assert _read(works).get("category") == "works", works


@pytest.mark.parametrize("text", [
    "Skolebyggene våre skal ha vakthold og alarmrespons om kvelden.",  # the building named first, the service after
    "Skulebygga i kommunen skal ha reinhald kvar dag.",
    "Vakthold av kommunale bygg og anlegg i fire år.",
    "Heisene i rådhuset skal vedlikeholdes av en ekstern leverandør.",
    "Vi trenger noen til å vaske rådhuset og biblioteket.",
])
def test_building_named_before_the_service_does_not_make_works(text: str) -> None:
    assert _read(text).get("category") == "services"


def test_guarding_of_a_school_building_is_a_security_service() -> None:
    values = _read("Kommunen skal kjøpe vakthald av skulebygga for 1,2 mill. kr.")
    assert values.get("category") == "services"
    assert values.get("special_services") is True


@pytest.mark.parametrize("text", [
    "Kommunen skal kjøpe prosjektering og bygging av ny idrettshall.",  # design and build together is works
    "Vi skal ha vedlikehold og rehabilitering av taket på rådhuset.",
    "Kommunen skal kjøpe rehabilitering av svømmehallen og drift i to år.",
    "Kommunen skal ha ei ny bru over elva og drift av brua i fem år.",
])
def test_building_work_with_a_service_is_works(text: str) -> None:
    assert _read(text).get("category") == "works"


@pytest.mark.parametrize("text", [
    "Kommunen skal kjøpe prosjektering av ny barnehage.",  # design alone stays a service
    "Kommunen skal kjøpe byggeledelse for det nye sykehjemmet.",
])
def test_design_or_site_management_alone_stays_services(text: str) -> None:
    assert _read(text).get("category") == "services"


def test_access_control_is_not_read_as_an_inspection_service() -> None:
    # «adgangskontroll» is a system the solution must fit, not a control service bought.
    assert _read("Løsningene må tilpasses adgangskontrollen vår og skal leveres som varer.").get("category") == "goods"


@pytest.mark.parametrize("text", [
    "Vassverket i kommunen skal kjøpe nye doseringspumper.",
    "Det kommunale energiverket skal kjøpe nettstasjoner.",
    "Busselskapet skal kjøpe dekk til vognparken.",
])
def test_utility_activities_are_read_as_utilities(text: str) -> None:
    assert _read(text).get("regime") == "utilities"


@pytest.mark.parametrize("text", [
    "Helse Stavanger skal kjøpe vaskeritjenester.",
    "Parkeringsselskapet som er heleid av kommunen skal kjøpe betalingsautomater.",
])
def test_health_trust_and_owned_company_are_other_authorities(text: str) -> None:
    assert _read(text).get("buyer") == "other"


def test_state_agency_stays_state() -> None:
    assert _read("Skatteetaten skal kjøpe rådgivning om skybruk.").get("buyer") == "state"


def test_teaching_a_language_is_an_education_service() -> None:
    values = _read("Kommunen skal kjøpe opplæring i samisk for tilsette.")
    assert values.get("special_services") is True


@pytest.mark.parametrize(("text", "category"), [
    ("Oppdraget omfatter riving av det gamle badeanlegget.", "works"),
    ("Oppdraget gjelder levering av 150 nettbrett til ungdomsskolene.", "goods"),
    ("Oppdraget er å vurdere tilstanden i tunnelen med laserskanning.", "services"),  # an infinitive: no new head
    ("Vi skal kjøpe innvendig maling av klasserommene.", "works"),
])
def test_a_word_for_any_contract_that_introduces_the_object_is_no_head(text: str, category: str) -> None:
    assert _read(text).get("category") == category
