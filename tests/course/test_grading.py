"""Need statements graded against the checklist: what passes, what fails and the reason it fails."""

from __future__ import annotations

import pytest

from advisor.config import Settings
from advisor.course import CHECKS, grade_need
from advisor.errors import InvalidInput
from advisor.rewrite import load_worked_examples

SETTINGS = Settings()
LINAK = "Sengene skal ha elektrisk høyderegulering med motorer av typen Linak."
GOOD = ("Pleierne må kunne heve og senke sengen trygt på under 10 sekunder, slik at de unngår belastningsskader og "
        "pasientene kommer seg ut av sengen uten hjelp.")
# Two worked examples whose model answers have no measurable criterion at all (digital work space, learning
# platform): the checklist says so, which is a finding for the examples' author, not a reason to loosen it.
MODEL_ANSWERS_WITHOUT_A_MEASURE = {"ex-009", "ex-011"}


@pytest.mark.parametrize("text", ["asdf qwerty", "asdf asdf qwerty qwerty zxcv zxcv",
                                  "lorem ipsum dolor sit amet consectetur adipiscing elit", "hmm"])
def test_nonsense_fails_as_not_being_sentences_and_nothing_else_is_graded(text):
    grade = grade_need(text, LINAK, SETTINGS)
    assert not grade.passed
    substance = grade.check("substance")
    assert substance.passed is False and substance.detail["reason"] in ("too_short", "not_words")
    assert all(grade.check(c).passed is None for c in CHECKS[1:])


def test_vague_statement_fails_on_outcome_and_measure():
    grade = grade_need("Vi trenger gode senger.", LINAK, SETTINGS)
    assert not grade.passed
    assert grade.missing == ["outcome", "measurable"]


def test_a_statement_with_problem_who_outcome_and_a_measure_passes():
    grade = grade_need(GOOD, LINAK, SETTINGS)
    assert grade.passed, grade.missing
    assert "Pleierne" in grade.check("problem_and_who").found
    assert "10 sekunder" in grade.check("measurable").found


def test_a_brand_in_the_statement_fails_and_is_named():
    grade = grade_need(GOOD + " Motorene skal være fra Linak.", LINAK, SETTINGS)
    assert grade.missing == ["no_brand"]
    assert grade.check("no_brand").found == ("Linak",)


def test_a_copy_of_the_requirement_fails_as_not_own_words():
    grade = grade_need("Sengene skal ha elektrisk høyderegulering med motorer.", LINAK, SETTINGS)
    assert "own_words" in grade.missing
    assert grade.check("own_words").detail["similarity"] >= 0.7


def test_a_requirement_with_no_user_fails_on_who_and_says_which_part_is_missing():
    grade = grade_need("Sengene skal ha elektrisk høyderegulering på minst 40 cm.", "", SETTINGS)
    check = grade.check("problem_and_who")
    assert check.passed is False and "who" in check.detail["missing"]


def test_english_statement_is_graded_too():
    grade = grade_need("Nurses need to raise the bed safely within 10 seconds so that they avoid back injuries.",
                       LINAK, SETTINGS)
    assert grade.passed, grade.missing


def test_every_worked_examples_model_answer_meets_the_checklist():
    missing = {}
    for example in load_worked_examples(SETTINGS):
        model = example.need_statement + "\n" + "\n".join(example.requirements)
        grade = grade_need(model, example.original, SETTINGS)
        if not grade.passed:
            missing[example.id] = grade.missing
    assert missing == {ex: ["measurable"] for ex in MODEL_ANSWERS_WITHOUT_A_MEASURE}


def test_no_original_requirement_passes_the_checklist_even_when_not_compared_with_itself():
    passing = [e.id for e in load_worked_examples(SETTINGS) if grade_need(e.original, "", SETTINGS).passed]
    assert passing == []


def test_empty_and_overlong_statements_are_refused_at_the_boundary():
    with pytest.raises(InvalidInput, match="need statement"):
        grade_need("   ", LINAK, SETTINGS)
    with pytest.raises(InvalidInput, match="at most 4000"):
        grade_need("ord " * 2000, LINAK, SETTINGS)
