"""Purchase facts read from free text: the utility activity a purchase serves, training and other special services,
a price per unit with units on option, and member organisations of the municipalities as buyers."""

from __future__ import annotations

import pytest

from advisor.assessment import extract_case


def _notes(text: str, key: str) -> str:
    return " ".join(note for k, note in extract_case(text).notes if k == key)


@pytest.mark.parametrize("text", [
    "Teknisk drift i kommunen trenger rådgivere innen vann- og avløpsfaget, anslått til 4 mill. kr.",
    "Vi skal bytte pumpene i høydebassenget; budsjett 6 mill. kr.",
    "Fylket vil skaffe 12 bybusser til en samlet verdi av 70 mill. kr.",
])
def test_a_purchase_for_a_utility_activity_is_read_as_utilities(text: str) -> None:
    assert extract_case(text).values.get("regime") == "utilities"


@pytest.mark.parametrize("text, note", [
    ("Rådhuset trenger en ny drikkevannsautomat til kantina, ca. 150 000 kr.", None),
    ("Rørleggerarbeid på vann og avløp i den nye skolen, 3 mill. kr.", "rørarbeid i et bygg"),
    ("Kommunen skal utvide avløpsrenseanlegget for 90 mill. kr.", "avløpsrensing alene"),
    ("Havnefogden kjøper kontorrekvisita for 300 000 kr.", "Vi har lagt anskaffelsesforskriften til grunn"),
])
def test_decoys_and_unclear_cases_stay_under_foa_and_say_why(text: str, note: str | None) -> None:
    assert "regime" not in extract_case(text).values
    if note:
        assert note in _notes(text, "regime")


@pytest.mark.parametrize("text, special", [
    ("Høgskolen kjøper flyopplæring for pilotstudentene, 9 mill. kr.", True),
    ("Kommunen vil kjøpe språkkurs for nyankomne, verdi 2 mill. kr.", True),
    ("Nytt arkivsystem inkludert brukeropplæring, 3 mill. kr.", None),
    ("Leverandøren gikk konkurs; vi må kjøpe renhold på nytt for 2 mill. kr.", None),
])
def test_training_is_a_special_service_only_when_it_is_what_is_bought(text: str, special: bool | None) -> None:
    assert extract_case(text).values.get("special_services") is special


def test_a_price_per_unit_counts_the_units_bought_and_on_option() -> None:
    values = extract_case("Etaten skal kjøpe tre elbåter. Pris: 4,5 mill. kr eks. mva. pr. stk., med opsjon på "
                          "to båter til.").values
    assert (values["estimated_value_nok"], values["options_value_nok"]) == (13_500_000, 9_000_000)


def test_a_price_per_unit_without_a_count_is_one_unit_and_a_term_option_is_no_unit() -> None:
    values = extract_case("Kjøp av en gravemaskin til 2 mill. kr per stk., med opsjon på 2 år service.").values
    assert values["estimated_value_nok"] == 2_000_000
    assert "options_value_nok" not in values and values["option_months"] == 24


def test_units_of_the_buyer_each_buying_at_a_price_are_one_purchase() -> None:
    assert extract_case("Fire barnehager skal kjøpe leker for 400 000 kr hver.").values["estimated_value_nok"] == 1_600_000


@pytest.mark.parametrize("text, buyer", [
    ("KS: Utredning om felles kommunale innkjøp. Verdi 2 mill. kr.", "other"),
    ("KS ønsker bistand til en kartlegging, 1,5 mill. kr.", "other"),
    ("Vi i kommunen har lest KS sin veileder og skal kjøpe vaktmestertjenester for 2 mill. kr.", "municipal"),
])
def test_the_municipalities_member_organisation_is_no_municipality(text: str, buyer: str) -> None:
    assert extract_case(text).values.get("buyer") == buyer


@pytest.mark.parametrize("text", [
    "Kommunen kjøper vaskeritjenester for 3,2 mill. kr. Havner dette kjøpet i del III?",
    "Hvilken del av forskriften havner vi i med et kjøp av konsulenttjenester til 900 000 kr?",
    "Vi kjøper kontormøbler for 2 mill. kr. Havner vi over eller under terskelen?",
    "Etaten skal kjøpe tolketjenester, 1,5 mill. kr. Der havner anskaffelsen under EØS-terskelen, tror jeg.",
    "Fylket kjøpte renhold i fjor og havna under terskelen; nå gjelder det 4 mill. kr.",
])
def test_havner_as_the_verb_end_up_is_no_harbour(text: str) -> None:
    assert "forsyningsaktivitet" not in _notes(text, "regime")


@pytest.mark.parametrize("text", [
    "Kommunen skal kjøpe mudring i havner og småbåthavner for 5 mill. kr.",
    "Havna i byen trenger ny fortøyningsbøye, 400 000 kr.",
    "Vedlikehold av kommunens havner, 2 mill. kr årlig.",
])
def test_a_harbour_named_as_a_noun_still_asks_about_the_utilities_regulation(text: str) -> None:
    assert "forsyningsaktivitet" in _notes(text, "regime")


@pytest.mark.parametrize(("text", "duration", "options"), [
    ("Kommunen vil ha kontrakt 3 år + opsjon på 1+1 år for vaktmestertjenester, 700 000 kr i året.", 36, 24),
    ("Avtale 2 år, opsjon 1 år. Brøyting for 500 000 kr per år.", 24, 12),
    ("Fylkeskommunen: kontrakten 4 år med opsjon på eitt år til, reinhald for 2 mill. kr i året.", 48, 12),
    ("Kontraktstid 2 år med mulighet for forlengelse, 1 mill. kr årlig.", 24, None),
    ("Det gjelder en 2 års kontrakt for snøbrøyting, 800 000 kr per år.", 24, None),
    ("Rammeavtale på 2 år + 1 + 1 for kontorrekvisita, 300 000 kr per år.", 24, 24),
])
def test_the_fixed_term_right_after_the_contract_word_is_read(text: str, duration: int, options: int | None) -> None:
    values = extract_case(text).values
    assert values.get("duration_months") == duration
    assert values.get("option_months") == options


@pytest.mark.parametrize("text", [
    "Avtalen ble inngått for 4 år siden; vi vil kjøpe renhold for 2 mill. kr i året.",
    "Kontrakten 6 år gammel må erstattes; 900 000 kr per år for vakthold.",
    "Vi har en avtale 3 måneder igjen og skal kjøpe ny kantinedrift for 1 mill. kr per år.",
])
def test_history_or_time_left_after_the_contract_word_is_no_term(text: str) -> None:
    assert "duration_months" not in extract_case(text).values
