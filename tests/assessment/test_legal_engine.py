"""The legal engine of issue 16: regimes, contract value, time limits, the one-sentence verdict, dated threshold
tables, free-text reading and bad input. Each test states a rule a procurement lawyer would check."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from advisor.assessment import assess, extract_case, load_thresholds, parse_case, threshold_tables
from advisor.assessment.decide import decide
from advisor.assessment.headline import headline
from advisor.config import PROJECT_ROOT, Settings
from advisor.errors import AdvisorError, InvalidInput

TODAY = dt.date(2025, 6, 1)
MARKET = {"market_has_solution": "yes", "development_needed": False, "wants_to_buy_result": True,
          "can_specify_solution": True, "market_dialogue_done": True}
THRESHOLDS = PROJECT_ROOT / "advisor" / "assessment" / "thresholds.yaml"


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(home=tmp_path_factory.mktemp("legal-home"), index={"embedding_backend": "hash"})


def run(settings, today=TODAY, **case):
    return assess({**MARKET, **case}, settings, today=today)


def read(settings, text: str):
    extraction = extract_case(text)
    return extraction, assess(extraction.values, settings, today=TODAY, interpretation=extraction.notes)


# --- the verdict sentence ----------------------------------------------------------------------------------------

def test_headline_states_part_value_threshold_name_and_figure(settings):
    a = run(settings, estimated_value_nok=30_000_000, buyer="municipal", category="works")
    assert a.headline == ("Del I og II gjelder: 30 mill. kr er under EØS-terskelverdien for bygge- og anleggskontrakter "
                          "(57,8 mill. kr).")


def test_chat_question_about_a_health_trust_buying_cleaning_per_year_gets_the_right_first_sentence(settings):
    _, a = read(settings, "Gjelder del III for et helseforetak som kjøper renhold for 1,9 mill. i året i tre år?")
    assert a.headline.startswith("Del I og III gjelder: 5,7 mill. kr (1,9 mill. kr per år × 3 år) er over "
                                 "EØS-terskelverdien for varer og tjenester hos kommuner og andre oppdragsgivere (2,3 mill. kr)")


def test_headline_never_rounds_a_value_across_a_threshold(settings):
    a = run(settings, estimated_value_nok=1_299_999, buyer="municipal", category="goods")
    assert "1 299 999 kr er under den nasjonale terskelverdien (1,3 mill. kr)" in a.headline
    assert run(settings, estimated_value_nok=1_490_000, buyer="state", category="goods").headline.startswith(
        "Del I og III gjelder: 1,49 mill. kr er lik EØS-terskelverdien")


def test_headline_is_provisional_when_the_part_rests_on_an_assumption(settings):
    a = assess({"estimated_value_nok": 2_000_000}, settings, today=TODAY)
    # The reason for «foreløpig» follows it in the same sentence.
    assert a.headline.startswith("Del I og III gjelder foreløpig, forutsatt at oppdragsgiveren er statlig (ikke oppgitt)")
    assert assess({}, settings, today=TODAY).headline.startswith("Del I og III gjelder foreløpig: verdien er ikke oppgitt")


# --- contract value (FOA § 5-4) -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("case", "total", "method"), [
    ({"value_per_period_nok": 600_000, "value_period": "year", "duration_months": 48}, 2_400_000, "per_period"),
    ({"value_per_period_nok": 600_000, "value_period": "year", "duration_months": 24, "option_months": 24}, 2_400_000, "per_period"),
    ({"value_per_period_nok": 50_000, "value_period": "month", "duration_months": 18}, 900_000, "per_period"),
    ({"value_per_period_nok": 50_000, "value_period": "month", "open_ended": True}, 2_400_000, "open_ended"),
    ({"value_per_period_nok": 600_000, "value_period": "year"}, 2_400_000, "no_term"),
    ({"value_per_period_nok": 2_350_000, "value_period": "year", "duration_months": 39}, 7_637_500, "per_period"),
    ({"estimated_value_nok": 2_000_000, "options_value_nok": 400_000}, 2_400_000, "stated"),
    ({"estimated_value_nok": 2_500_000, "amounts_include_vat": True}, 2_000_000, "stated"),
])
def test_contract_value_is_the_whole_contract(settings, case, total, method):
    a = run(settings, buyer="municipal", category="services", **case)
    assert (a.contract_value.total_nok, a.contract_value.method) == (total, method)
    assert a.inputs["estimated_value_nok"]["value"] == total
    assert any("FOA § 5-4" in reason or "hele kontrakten" in reason for reason in a.value_reasons)


def test_the_per_year_trap_puts_a_small_yearly_amount_into_part_iii(settings):
    a = run(settings, buyer="municipal", category="services", value_per_period_nok=600_000, value_period="year",
            duration_months=48)
    assert a.part == "III" and a.contract_value.calculation == "600 000 kr per år × 4 år = 2 400 000 kr"
    assert "(0,6 mill. kr per år × 4 år)" not in a.headline and "2,4 mill. kr (600 000 kr per år × 4 år)" in a.headline


def test_a_term_over_48_months_uses_the_whole_term_and_says_the_alternative_is_unverified(settings):
    a = run(settings, buyer="municipal", category="services", value_per_period_nok=500_000, value_period="year",
            duration_months=72)
    assert a.contract_value.total_nok == 3_000_000 and "R-VALUE-LONG-TERM" in a.rules_fired
    assert any("48" in point for point in a.unverified)


def test_differing_stated_and_computed_values_take_the_higher_and_ask(settings):
    a = run(settings, buyer="municipal", category="services", estimated_value_nok=1_000_000,
            value_per_period_nok=1_000_000, value_period="year", duration_months=36)
    assert a.contract_value.total_nok == 3_000_000 and a.part == "III"
    assert any("spriker" in x for x in a.assumptions) and any("Avklar hvilken verdi" in q for q in a.to_find_out)


def test_a_framework_agreement_must_state_its_maximum(settings):
    a = run(settings, buyer="municipal", category="goods", estimated_value_nok=3_000_000, framework_agreement=True)
    assert any("største verdi" in step for step in a.next_steps)


def test_vat_inclusive_amount_is_converted_and_said_so(settings):
    a = run(settings, buyer="municipal", category="services", estimated_value_nok=2_600_000, amounts_include_vat=True)
    assert a.part == "II" and a.contract_value.vat_converted
    assert "2 600 000 kr inkl. mva. ÷ 1,25 = 2 080 000 kr ekskl. mva." in a.contract_value.calculation
    assert any("25 %" in x for x in a.assumptions)


# --- regimes ------------------------------------------------------------------------------------------------------

def test_health_and_social_services_are_part_i_below_and_part_iv_from_the_threshold(settings):
    below = run(settings, buyer="municipal", category="services", health_social_services=True, estimated_value_nok=7_050_000)
    above = run(settings, buyer="municipal", category="services", health_social_services=True,
                value_per_period_nok=2_350_000, value_period="year", duration_months=48)
    assert (below.part, below.procedure) == ("I", "direct")
    assert "del II gjelder ikke for dem" in below.headline
    assert any("bare ideelle" in x for x in below.regime_reasons)
    assert (above.part, above.procedure, above.contract_value.total_nok) == ("IV", "part_iv", 9_400_000)
    assert "ikke del III" in above.headline and "kapittel 30" in above.part_label
    assert any("ingen minstefrister" in x for x in above.time_limits)
    assert not any(rule.startswith("R-GROUND-") for rule in above.rules_fired)


def test_other_special_services_follow_parts_i_and_ii_and_some_of_part_iii_from_the_threshold(settings):
    mid = run(settings, buyer="municipal", category="services", special_services=True, estimated_value_nok=3_000_000)
    above = run(settings, buyer="municipal", category="services", special_services=True, estimated_value_nok=10_800_000)
    assert (mid.part, mid.threshold.key) == ("II", "national")
    assert (above.part, above.threshold.key, above.part_label) == ("II", "eea_special_services",
                                                                   "Del I og II, og enkelte bestemmelser i del III")
    assert "og i tillegg enkelte bestemmelser i del III" in above.headline
    assert any("del III" in x for x in above.unverified)
    assert any("vedlegget" in x for x in above.regime_reasons)


def test_utilities_follow_forsyningsforskriften_where_negotiation_is_a_free_choice(settings):
    a = run(settings, buyer="other", category="services", regime="utilities", estimated_value_nok=6_000_000,
            market_has_solution="with_adaptation")
    assert (a.regime, a.part, a.procedure) == ("utilities", "II", "negotiated")
    assert a.headline.startswith("Forsyningsforskriften del I og II (over EØS-terskelen) gjelder, ikke anskaffelsesforskriften")
    assert not any(rule.startswith("R-GROUND-") for rule in a.rules_fired)  # no FOA § 13-2 question in this regime
    assert any("anskaffelsesforskriftens prosedyreregler" in x.lower() for x in a.regime_reasons)
    assert "forsyningsforskriften" in a.procedure_label
    below = run(settings, buyer="other", category="works", regime="utilities", estimated_value_nok=8_000_000)
    assert (below.part, below.threshold.key, below.next_threshold.key) == ("I", "law_floor", "eea_utilities_works")


@pytest.mark.parametrize(("regime", "name"), [("defence_security", "forsvars- og sikkerhetsanskaffelser"),
                                              ("concession", "konsesjonskontrakter")])
def test_defence_and_concessions_are_referred_to_their_own_regulation_never_a_silent_foa_answer(settings, regime, name):
    a = run(settings, buyer="state", category="goods", regime=regime, estimated_value_nok=60_000_000)
    assert (a.part, a.procedure) == ("referred", "other_regulation")
    assert name in a.headline and "ikke anskaffelsesforskriften" in a.headline
    assert "del I og III" not in a.headline.lower() and not a.alternatives
    assert not any("FOA § 13" in step or "§ 15-1" in step for step in a.next_steps)
    assert a.legal_ground and not a.legal_ground.verified


# --- time limits, notice and standstill ---------------------------------------------------------------------------

@pytest.mark.parametrize(("changes", "procedure", "words"), [
    ({}, "open", "minst 30 dager fra kunngjøringen, 35 dager"),
    ({"can_specify_solution": False}, "negotiated", "første tilbud minst 25"),
    ({"market_has_solution": "no", "development_needed": True, "can_specify_solution": False}, "innovation_partnership",
     "be om å delta er minst 30 dager"),
])
def test_part_iii_next_steps_carry_the_minimum_time_limits_and_the_standstill_period(settings, changes, procedure, words):
    a = run(settings, buyer="state", category="goods", estimated_value_nok=3_000_000, **changes)
    assert a.procedure == procedure
    assert any(words in step for step in a.next_steps) and any(words in x for x in a.time_limits)
    assert any("karensperiode" in step and "ikke verifisert" in step for step in a.next_steps)
    assert any("TED" in step for step in a.next_steps)


def test_part_ii_has_no_minimum_time_limits_and_the_standstill_question_is_marked_unverified(settings):
    a = run(settings, buyer="municipal", category="goods", estimated_value_nok=1_500_000)
    assert any("Del II har ingen minstefrister" in x for x in a.time_limits)
    assert any("Om del II krever karensperiode" in x for x in a.unverified)


# --- dated threshold tables ---------------------------------------------------------------------------------------

def _with_next_table(tmp_path: Path, valid_from: str = "2026-03-01") -> Path:
    data = yaml.safe_load(THRESHOLDS.read_text(encoding="utf-8"))
    table = dict(data["tables"][0])
    values = {key: dict(item) for key, item in table["values"].items()}
    values["eea_other_goods_services"]["value_nok"] = 2_400_000
    values["eea_other_goods_services"]["as_of"] = valid_from
    data["tables"].append({**table, "period": "2026–2028", "valid_from": valid_from, "review_after": "2028-01-01",
                           "values": values})
    path = tmp_path / "thresholds.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_the_2024_table_keeps_its_values_and_names_its_period(settings):
    table = load_thresholds(on=TODAY)
    assert (table.as_of, table.period) == ("2024-03-14", "2024–2026")
    assert table["eea_health_social"].value_nok == table["eea_special_services"].value_nok == 7_800_000
    assert table["eea_concessions"].value_nok == 57_800_000 and table["eea_defence_goods_services"].value_nok == 4_600_000


def test_adding_the_next_periods_table_is_a_data_change_used_from_its_date(tmp_path):
    path = _with_next_table(tmp_path)
    tables = threshold_tables(path)
    assert [t.period for t in tables] == ["2024–2026", "2026–2028"]
    case = parse_case({"estimated_value_nok": 2_350_000, "buyer": "municipal", "category": "services"})
    before = decide(case, load_thresholds(path, on=dt.date(2026, 2, 28)), dt.date(2026, 2, 28))
    after = decide(case, load_thresholds(path, on=dt.date(2026, 3, 1)), dt.date(2026, 3, 1))
    assert (before.part, after.part) == ("III", "II")  # 2,35 mill. kr: over 2,3 before, under 2,4 after
    assert "2,4 mill. kr" in headline(after)
    assert not before.warnings  # a newer table is known: the 2024 table is not overdue


def test_the_review_warning_names_the_table_that_is_due(settings):
    a = run(settings, today=dt.date(2026, 6, 1), estimated_value_nok=3_000_000, buyer="state", category="goods")
    assert any("terskeltabellen for 2024–2026 (gjelder fra 2024-03-14)" in w and "2026-01-01" in w for w in a.warnings)
    assert a.thresholds_period == "2024–2026"


def test_two_tables_starting_the_same_day_are_refused(tmp_path):
    path = _with_next_table(tmp_path, valid_from="2024-03-14")
    with pytest.raises(AdvisorError, match="same date"):
        threshold_tables(path)


# --- free text ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("wording", ["inkl. mva.", "inkludert mva", "inklusive mva", "inklusiv merverdiavgift",
                                     "medregnet mva", "med mva", "inkl. moms"])
def test_every_common_vat_inclusive_wording_is_read_and_converted(settings, wording):
    extraction, a = read(settings, f"Kommunen skal kjøpe renhold for 2,6 millioner kroner {wording}.")
    assert extraction.values["amounts_include_vat"] is True
    assert (a.part, a.contract_value.total_nok) == ("II", 2_080_000)
    assert any("inkl. mva." in note for key, note in extraction.notes if key == "estimated_value_nok")


@pytest.mark.parametrize("wording", ["eks. mva", "ekskl. mva.", "eksl. mva", "eksklusive merverdiavgift", "uten mva",
                                     "ekskludert mva"])
def test_vat_exclusive_wordings_are_read_as_excluding_vat(settings, wording):
    extraction, a = read(settings, f"Kommunen skal kjøpe renhold for 2,6 millioner kroner {wording}.")
    assert extraction.values["amounts_include_vat"] is False and a.part == "III"


@pytest.mark.parametrize(("text", "key", "value"), [
    ("Et statlig aksjeselskap skal kjøpe", "buyer", "other"),
    ("Renovasjonsselskapet IKS skal kjøpe", "buyer", "other"),
    ("Sykehusinnkjøp HF skal kjøpe", "buyer", "other"),
    ("Helse Vest RHF skal kjøpe", "buyer", "other"),
    ("Bymiljøetaten i Oslo kommune skal kjøpe", "buyer", "municipal"),
    ("Bygging av ny vei i Lyngdal kommune for Statens vegvesen", "buyer", "state"),
    ("rehabilitering av skolen", "category", "works"),
    ("nye vann- og avløpsledninger ved skolen", "category", "works"),
    ("kjøp av brukerstyrt personlig assistanse", "health_social_services", True),
    ("avlastning for familier", "health_social_services", True),
    ("barnevernstjenester til kommunen", "health_social_services", True),
    ("drift av kantine i rådhuset", "special_services", True),
    ("Nettselskapet skal kjøpe kabler", "regime", "utilities"),
    ("Tjenestekonsesjon for drift av kiosk", "regime", "concession"),
    ("Forsvarsmateriell skal kjøpe ammunisjon", "regime", "defence_security"),
    ("rammeavtale om kontorrekvisita", "framework_agreement", True),
    ("lisens for løpende tjenestekjøp uten sluttdato, 5 000 kr per måned", "open_ended", True),
])
def test_norwegian_notice_wording_is_read(text, key, value):
    assert extract_case(text).values.get(key) == value


@pytest.mark.parametrize(("text", "per", "period", "months", "options"), [
    ("2 350 000 kr per år i fire år", 2_350_000, "year", 48, None),
    ("kr 2,35 mill. pr. år, avtaleperiode 2 år med opsjon på 1 + 1 år", 2_350_000, "year", 24, 24),
    ("3 MNOK årlig over 4 år", 3_000_000, "year", 48, None),
    ("Estimert årlig kontraktsverdi er 1 625 000 NOK eks mva. Varighet: 36 måneder", 1_625_000, "year", 36, None),
    ("40 000 kr per måned i 18 måneder", 40_000, "month", 18, None),
])
def test_amounts_per_period_and_terms_are_read(text, per, period, months, options):
    values = extract_case(text).values
    assert (values.get("value_per_period_nok"), values.get("value_period")) == (per, period)
    assert (values.get("duration_months"), values.get("option_months")) == (months, options)


def test_history_is_not_the_term_and_a_range_takes_its_upper_end():
    values = extract_case("Oppdragsgiver har handlet for NOK 3.700.000 eks mva per år de siste fire årene.").values
    assert values["value_per_period_nok"] == 3_700_000 and "duration_months" not in values
    values = extract_case("Verdien er anslått til mellom 14,0 og 16,0 MNOK eks. mva. inkludert opsjoner.").values
    assert values["estimated_value_nok"] == 16_000_000


def test_each_reading_is_an_assumption_with_the_words_it_came_from(settings):
    extraction, a = read(settings, "Kommunen skal kjøpe renhold for 1,9 mill. kr per år i tre år.")
    for key in extraction.read_keys:
        note = next(note for k, note in extraction.notes if k == key)
        assert note.startswith("Tolket fra teksten: «")
    assert a.assumptions[0].startswith("Tolket fra teksten: «1,9 mill.»")
    assert a.inputs["estimated_value_nok"]["origin"] == "beregnet"
    assert a.inputs["value_per_period_nok"]["origin"] == "tolket fra teksten"


# --- bad input: a question or an error, never a confident answer ---------------------------------------------------

def test_kommune_and_statlig_in_one_description_become_a_question_not_a_confident_answer(settings):
    extraction, a = read(settings, "Kommunen og en statlig etat skal sammen kjøpe konsulenttjenester for 2 mill. kr.")
    assert "buyer" not in extraction.values
    assert any("både" in note for key, note in extraction.notes if key == "buyer")
    assert "R-TEXT-UNCLEAR" in a.rules_fired and "gjelder foreløpig" in a.headline
    assert "uklart i beskrivelsen" in a.headline and any("Avklar oppdragsgiver" in q for q in a.to_find_out)


@pytest.mark.parametrize(("data", "field"), [
    ({"estimated_value_nok": -5_000_000}, "estimated_value_nok"),
    ({"estimated_value_nok": 10**13}, "estimated_value_nok"),
    ({"value_per_period_nok": 10**15, "value_period": "year"}, "value_per_period_nok"),
    ({"duration_months": 5000}, "duration_months"),
    ({"regime": "navy"}, "regime"),
    ({"value_per_period_nok": 100_000}, "value_period"),
    ({"value_period": "year"}, "value_per_period_nok"),
    ({"open_ended": True, "duration_months": 24}, "open_ended"),
    ({"regime": "concession", "utilities": True}, "utilities"),
    ({"regime": "utilities", "utilities": False}, "utilities"),
    ({"need": "Renhold \ud800"}, "need"),
])
def test_impossible_or_contradictory_input_is_an_error_naming_the_field(data, field):
    with pytest.raises(InvalidInput) as error:
        parse_case(data)
    assert error.value.field == field


def test_notes_given_as_plain_strings_are_a_clear_error(settings):
    with pytest.raises(InvalidInput, match="interpretation"):
        assess({"estimated_value_nok": 3_000_000}, settings, interpretation=["Tolket fra teksten: «3 mill.»"])
