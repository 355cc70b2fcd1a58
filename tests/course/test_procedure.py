"""The procedure exercise: regime options for every regime the engine knows, the expected answer, grading."""

from __future__ import annotations

from advisor.config import Settings
from advisor.course import REGIMES, grade_case_answer, load_material
from advisor.course.procedure import expected_answer

SETTINGS = Settings()


def _bank():
    return {c.id: c for c in load_material(SETTINGS).cases}


def test_regime_options_cover_the_exemption_special_services_utilities_and_below():
    assert set(REGIMES) == {"ordinary", "special_services", "utilities", "exempt_rd", "below"}


def test_pre_commercial_case_is_answered_right_with_the_fou_exemption():
    case = _bank()["case-019"]  # development without buying the result: PCP under FOA § 2-5
    assert case.expected.regime == "exempt_rd"
    answer = {"regime": "exempt_rd", "part": "III", "innovative": True, "procedure": "pcp"}
    grade = grade_case_answer(case.expected, answer)
    assert grade.correct and grade.best_procedure
    below = grade_case_answer(case.expected, {**answer, "regime": "below"})  # the only option before
    assert not below.correct and below.right["regime"] is False


def test_a_case_that_allows_pcp_or_an_ordinary_competition_accepts_both_regimes():
    case = _bank()["case-020"]
    assert case.expected.regimes == {"exempt_rd", "ordinary"}
    grade = grade_case_answer(case.expected, {"regime": "ordinary", "part": "I", "innovative": True, "procedure": "open"})
    assert grade.correct and not grade.best_procedure


def test_health_services_and_utilities_cases_expect_their_own_regime():
    health = _bank()["case-015"]
    assert health.input.get("health_social_services") and health.expected.regime == "special_services"
    utilities = expected_answer({"part": "III", "innovative": False, "procedure": "open"},
                                {"utilities": True, "estimated_value_nok": 9_000_000})
    assert utilities.regime == "utilities"
    below = expected_answer({"part": "below", "innovative": False, "procedure": "direct"}, {})
    assert below.regime == "below"


def test_every_shipped_case_agrees_with_the_engine_on_all_four_questions():
    disagreeing = {c.id: c.engine.differences for c in load_material(SETTINGS).cases if not c.engine.agrees}
    assert disagreeing == {}


def test_a_wrong_question_makes_the_answer_wrong_and_is_named():
    case = _bank()["case-001"]
    answer = {"regime": "ordinary", "part": "II", "innovative": True, "procedure": "innovation_partnership"}
    grade = grade_case_answer(case.expected, answer)
    assert not grade.correct
    assert grade.right == {"regime": True, "part": False, "innovative": True, "procedure": True}
