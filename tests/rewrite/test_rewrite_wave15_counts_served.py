"""Wave 15 (own wording): counts that are no quantity to deliver — people to train, places, a capacity per hour,
the vehicles a charging delivery serves — and a drive word on the vehicles served is no prescribed technology."""

from __future__ import annotations

from advisor.requirements import find_matches
from advisor.rewrite.domains import count_requirements


def test_people_to_train_give_a_training_requirement():
    reqs = count_requirements("Leveransen skal omfatte opplæring av 25 sykepleiere.")
    assert any(r.startswith("Leverandøren skal gi opplæring til 25 sykepleiere") for r in reqs)
    assert not any("Leveransen skal dekke 25" in r for r in reqs)


def test_clinics_are_delivery_places():
    reqs = count_requirements("Utstyret skal leveres til tre tannklinikker i regionen.")
    assert reqs and all("omfatte tre" not in r for r in reqs)
    assert any("leveringsadressene" in r for r in reqs)


def test_a_count_per_hour_is_a_capacity():
    reqs = count_requirements("Instrumentet skal behandle 80 prøver i timen.")
    assert any("kapasitet til minst 80 prøver i timen" in r for r in reqs)
    assert not any("omfatte 80" in r for r in reqs)


def test_the_vehicles_a_charger_serves_are_not_delivered():
    reqs = count_requirements("Selskapet skal kjøpe ladeinfrastruktur til 18 elektriske busser.")
    assert any(r.startswith("Løsningen skal dekke 18 busser") and "leveres ikke" in r for r in reqs)
    assert not any("omfatte 18" in r for r in reqs)


def test_electric_vehicles_served_by_a_charger_are_no_prescribed_drive():
    text = "Selskapet skal anskaffe ladeinfrastruktur for depotlading av 18 elektriske busser."
    assert not any(h.category == "prescribed_technology" for h in find_matches(text))
    bought = "Selskapet skal kjøpe 18 elektriske busser."
    assert any(h.category == "prescribed_technology" for h in find_matches(bought))


def test_drones_bought_for_the_work_are_no_product_instead_of_function():
    text = "Brannvesenet skal kjøpe to droner til søk etter savnede personer."
    assert not any(h.category == "product_named" for h in find_matches(text))


def test_the_bins_of_a_sorter_are_a_part_not_a_quantity():
    reqs = count_requirements("Returautomaten skal ha sju kasser.")
    assert any("er en egenskap ved produktet" in r for r in reqs)
    assert count_requirements("Vi skal kjøpe 40 kasser til lageret.")[0].startswith("Leveransen skal omfatte 40 kasser")
