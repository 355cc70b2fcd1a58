"""Rules added for the real development set evals/requirements_real_dev3.jsonl (wave 9): a drive type or server
architecture heading a verbless line (a notice title, a list item), a material after the goods noun it qualifies, and
four precision rules found on the sentences of the notices the set was drawn from (a contract period after a place
name, a place spelt like a material, vehicles a service is for, a word brand in a line written in capitals).
The sentences are written in other words than the set's rows, so these tests do not repeat the eval; each rule also has
a decoy it must leave alone.
"""

from __future__ import annotations

import pytest

from advisor.requirements import find_matches


def strong(text: str) -> set[tuple[str, str]]:
    """(category, span) of every medium or high finding."""
    return {(m.category, text[m.start:m.end]) for m in find_matches(text) if m.severity != "low"}


@pytest.mark.parametrize(("text", "span"), [
    # a title or a list item without a verb names the goods bought: the drive type heading it is chosen for them
    ("Batteridrevet feiemaskin til sentrumsdriften", "Batteridrevet"),
    ("Elektriske lastebiler med kran og tipp", "Elektriske"),
    ("3 stk. hydrauliske vinsjer for kaiområdet", "hydrauliske"),
    ("2023/114 - Elektrisk minigraver til parkavdelingen", "Elektrisk"),
    # the same for a server architecture named as what is bought
    ("24-007 Hyperkonvergert plattform for virtuelle tjenere", "Hyperkonvergert"),
    ("Kommunen skal anskaffe en HCI-løsning til datasenteret.", "HCI"),
])
def test_a_technology_heading_an_item_line_is_prescribed(text, span):
    assert ("prescribed_technology", span) in strong(text), strong(text)


@pytest.mark.parametrize("text", [
    # a verb makes it a sentence: a drive type in a description of today stays a note or nothing
    "Elektriske varebiler er i dag mest brukt i hjemmetjenesten.",
    # not at the head of the line: the drive type describes something in a heading, as before
    "Oversikt over elektriske biler i kommunen",
    # the vehicles a service is for, not a drive chosen for goods
    "Kommunen skal kjøpe vedlikehold av elektriske kjøretøy i egen bilpark.",
    "Leie av areal for lading av elektriske busser",
    # a server architecture as a research subject
    "Prosjektet skal studere HCI og brukeropplevelse i offentlige tjenester.",
])
def test_drive_types_and_architectures_elsewhere_are_left_alone(text):
    assert not any(category == "prescribed_technology" for category, _ in strong(text)), strong(text)


def test_a_material_after_the_goods_noun_is_what_the_goods_are_made_of():
    assert ("material_dimension_method", "stål") in strong("Kjøp av tre sykkelstativer i stål til skolegården.")
    assert ("material_dimension_method", "aluminium") in strong("Innkjøp av lett arbeidsbåt i aluminium.")
    # the material right after the handling word is what the work handles, as before
    assert not strong("Kommunen skal kjøpe mottak og behandling av plast fra gjenvinningsstasjonene.")


def test_a_capitalised_material_word_after_a_preposition_is_a_place():
    assert not strong("Kommunen skal kjøpe rassikring av fylkesvegen i Ask.")
    assert ("material_dimension_method", "ask") in strong("Benkene skal være laget av ask.")


@pytest.mark.parametrize("text", [
    "Konkurranse om driftskontrakt 6612 Rognan 2024 - 2029",
    "Konkurranse på vedlikeholdskontrakt Breivik 2023-2028",
])
def test_a_place_name_with_a_contract_period_is_no_model(text):
    assert not strong(text), strong(text)


def test_a_year_that_is_a_version_still_belongs_to_the_model():
    # no range after it: a year stays part of a designation («Office 2019»)
    assert any(span.startswith("Windows Server 2019") or span == "Windows Server 2019"
               for _, span in strong("Serverne skal kjøre Windows Server 2019."))


def test_a_word_brand_in_a_line_written_in_capitals_is_no_name():
    assert not find_matches("PRISFORESPØRSEL PÅ ETT KOMPLETT MÅLESYSTEM FOR STØY")
    # written as a name in ordinary text it still counts
    assert find_matches("Skjermene skal kjøpes fra KOMPLETT, og leveres innen mai.")


@pytest.mark.parametrize(("text", "span"), [
    # a detector or sensor principle written as a mixed-case formula before the device
    ("Portabelt CdTe spektrometer for feltmålinger", "CdTe"),
    ("Instituttet skal kjøpe et sCMOS-kamera til mikroskopet.", "sCMOS"),
    ("Universitetet skal anskaffe et NaI-detektorsystem.", "NaI"),
])
def test_a_sensing_principle_named_before_the_device_is_prescribed(text, span):
    assert ("prescribed_technology", span) in strong(text), strong(text)


@pytest.mark.parametrize("text", [
    "Vi har i dag et CdTe-detektorsystem fra 2015.",  # today's instrument, described
    "Kommunen skal kjøpe IoT-løsninger for skolene.",  # not a sensing device
    "Prosjektet skal måle støv med sensorer fra flere leverandører.",
])
def test_sensing_principles_elsewhere_are_left_alone(text):
    assert not any(category == "prescribed_technology" for category, _ in strong(text)), strong(text)


def test_an_agreement_with_its_name_in_brackets_still_acquires():
    # «avtale (Enterprise License Agreement) for X-produkter»: the brackets do not break «avtale for»
    assert ("brand", "ESRI") in strong("Ny avtale (Enterprise Agreement) for ESRI-produkter til planavdelingen.")
    assert not strong("Avtalen (signert i fjor) for kantinedrift er forlenget.")


def test_the_third_real_dev_set_shares_no_notice_with_any_other_real_set():
    import json

    from advisor.config import PROJECT_ROOT

    def notices(name: str) -> set[str]:
        lines = (PROJECT_ROOT / "evals" / name).read_text(encoding="utf-8").splitlines()
        return {json.loads(line)["notice"] for line in lines if line.strip()}

    dev3 = notices("requirements_real_dev3.jsonl")
    others = set().union(*(notices(name) for name in (
        "requirements_real.jsonl", "requirements_real_dev2.jsonl", "requirements_real_unseen.jsonl",
        "requirements_real_unseen2.jsonl")))
    assert len(dev3) >= 60 and not dev3 & others
