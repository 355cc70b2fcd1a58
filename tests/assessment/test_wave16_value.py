"""Round 16: the value of a common contract for several units, of an innovation partnership (development plus the
purchase after it) and of a design contest (every prize and payment); a design contest is its own part (FOA part V),
not hired architects; the chat's wording for a chosen dynamic purchasing system, goods made only for research and a
threshold table past its review date."""

from __future__ import annotations

import datetime as dt

import pytest

from advisor.assessment import assess, extract_case
from advisor.chat.rules import _backed_procedure_sentence, _dated_threshold_note, _Renumber
from advisor.config import Settings

_AFTER_REVIEW = dt.date(2026, 12, 7)
_BEFORE_REVIEW = dt.date(2025, 6, 1)


def _backed(text: str, result) -> str:
    """The chat's sentence on a procedure already set or on goods only for research (round 17: it stands in place of
    the choice of procedure, cited to the passages that say it)."""
    return _backed_procedure_sentence(text, result, _Renumber(result.citations, Settings()), "nb")


def _assessed(text: str, today: dt.date = _AFTER_REVIEW):
    extraction = extract_case(text)
    return extraction, assess(extraction.values, Settings(), today=today)


@pytest.mark.parametrize(("text", "per_year"), [
    ("Hver av de fire bydelene bruker rundt 300 000 kr i året på arbeidstøy. Nå lager vi én avtale for alle.", 1_200_000),
    ("Kommunen anslår 80 000 kr per år for hver av de 9 barnehagene, og vil samle kjøpet i én kontrakt på tre år.",
     720_000),
    ("Vi bruker 60 000 kr per sykehjem i året på inkontinensutstyr. Kommunen har 7 sykehjem og vil ha én avtale i 3 år.",
     420_000),
])
def test_an_amount_each_counted_unit_spends_adds_up_for_the_common_contract(text, per_year):
    values = extract_case(text).values
    assert values["value_per_period_nok"] == per_year and values["value_period"] == "year"


def test_one_unit_named_alone_is_not_multiplied():
    values = extract_case("Hver av oss bruker 300 000 kr i året på lisenser, og avtalen varer i to år.").values
    assert values["value_per_period_nok"] == 300_000


def test_the_stations_common_framework_counts_all_stations_over_the_whole_term():
    _, result = _assessed("Hver av de seks brannstasjonene kjøper slanger for om lag 250 000 kr inkl. mva. i året. "
                          "Kommunen skal inngå én felles rammeavtale på fire år for alle stasjonene.")
    assert result.contract_value.total_nok == 250_000 * 6 * 4 * 100 // 125
    assert result.part == "III"


def test_an_innovation_partnership_is_worth_its_development_ceiling_plus_the_later_purchase():
    extraction, result = _assessed("Direktoratet vil inngå et innovasjonspartnerskap. Utviklingen koster inntil "
                                   "2 mill., deretter kjøper vi løsningen for 800 000 kr i året i fire år.")
    assert extraction.values["estimated_value_nok"] == 2_000_000 + 4 * 800_000
    assert "R-VALUE-CONFLICT" not in result.rules_fired


def test_every_prize_to_each_participant_is_in_the_design_contests_value():
    extraction, result = _assessed("Departementet holder en plankonkurranse om nytt byrom. Fire team mottar "
                                   "150 000 kr hver, og vinneren får i tillegg 300 000 kr.")
    assert extraction.values["estimated_value_nok"] == 4 * 150_000 + 300_000
    assert extraction.values["design_contest"] is True
    assert "R-VALUE-DESIGN-CONTEST" in result.rules_fired


def test_a_design_contest_over_its_threshold_is_part_v_and_no_choice_among_part_iii_procedures():
    _, result = _assessed("Et direktorat arrangerer en designkonkurranse om ny grafisk profil med premier på "
                          "til sammen 1,8 mill. kr.")
    assert result.headline.startswith("Del I og V (plan- og designkonkurranser) gjelder")
    assert "1,49 mill. kr" in result.headline
    assert result.procedure == "design_contest" and result.alternatives == []
    assert "del V" in result.legal_ground.provision
    assert "Kontraktstype er ikke oppgitt" not in " ".join(result.assumptions)


@pytest.mark.parametrize("text", [
    "Etaten skal leie inn IT-arkitekter og utviklere for 6 mill. kr over tre år.",
    "Vi trenger en arkitekt som kan prosjektere tilbygget til skolen.",
])
def test_hiring_architects_is_no_design_contest(text):
    assert "design_contest" not in extract_case(text).read_keys


def test_a_chosen_dynamic_purchasing_system_is_not_replaced_by_another_procedure():
    text = "Fylkeskommunen oppretter en dynamisk innkjøpsordning for tolketjenester til 20 mill. kr over fire år."
    _, result = _assessed(text)
    sentence = _backed(text, result)
    assert "dynamisk innkjøpsordning" in sentence and "åpen for nye kvalifiserte leverandører" in sentence
    assert "kontrollert" in sentence  # the fact base marks the area unverified
    assert "anbudskonkurranse" not in sentence


def test_goods_made_only_for_research_point_to_the_exception_and_to_the_rd_exemption_that_fails():
    text = ("Instituttet kjøper et testinstrument for 2,5 mill. kr som kun skal brukes i forskning. Vi dekker alle "
            "kostnadene og får alle rettighetene.")
    _, result = _assessed(text)
    sentence = _backed(text, result)
    assert "§ 13-3" in sentence and "§ 2-5" in sentence and "gjelder ikke" in sentence
    assert "ingenting i opplysningene" not in sentence


def test_the_rd_exemption_is_only_described_when_the_text_does_not_say_who_pays():
    text = "Instituttet kjøper et testinstrument for 2,5 mill. kr som kun skal brukes i forskning."
    _, result = _assessed(text)
    sentence = _backed(text, result)
    assert "§ 2-5" in sentence and "gjelder ikke" not in sentence


@pytest.mark.parametrize(("text", "today", "said"), [
    ("Kommunen skal kjøpe vaskeritjenester for 2,05 mill. kr.", _AFTER_REVIEW, True),   # 11 % under 2,3 mill.
    ("Staten skal kjøpe rådgivning for 1,6 mill. kr.", _AFTER_REVIEW, True),                   # 7 % over 1,49 mill.
    ("Kommunen skal kjøpe vaskeritjenester for 1,5 mill. kr.", _AFTER_REVIEW, False),    # far from 2,3 mill.
    ("Kommunen skal kjøpe vaskeritjenester for 2,05 mill. kr.", _BEFORE_REVIEW, False),  # table not yet due
])
def test_a_value_near_the_deciding_eea_threshold_after_the_review_date_gets_the_revision_note(text, today, said):
    _, result = _assessed(text, today)
    note = _dated_threshold_note(result, "nb")
    assert bool(note) is said
    if said:
        assert "hvert annet år" in note and "14. mars 2024" in note and "regjeringen.no" in note
