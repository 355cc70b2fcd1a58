"""A compound question's part that points at a quoted wording or asks only about a figure keeps what the scene says
about it: the quoted wording from a sentence that also states figures, and the sentence that states the figure."""

from __future__ import annotations

from advisor.chat.plan import plan_question
from advisor.chat.sentences import split_sentences


def test_a_part_about_a_quoted_wording_keeps_the_quote_from_a_sentence_with_figures():
    question = ("We buy school meals for NOK 4 million a year. The tender says suppliers must use \"the freshest "
                "possible ingredients\" and we weight quality 40 %. Is that wording clear enough, and is 40 % a lot?")
    parts = plan_question(question, "en").parts
    assert len(parts) == 2
    assert "\"the freshest possible ingredients\"" in parts[0] and "4 million" not in parts[0]


def test_a_part_that_is_only_a_figure_takes_the_scene_sentence_that_states_it():
    question = ("Kommunen kjøper renhold for 3 mill. kr i året. Vi vil gi pris 70 % vekt og miljø 15 % vekt i "
                "tildelingen. Er beskrivelsen av kriteriene god nok? Og er 15 % lov?")
    parts = plan_question(question, "nb").parts
    assert parts[-1].endswith("Er 15 % lov?") and "miljø 15 % vekt" in parts[-1]
    assert "3 mill." not in parts[-1]


def test_a_figure_part_with_no_matching_sentence_stays_as_asked():
    question = "Vi kjøper vask for 2 mill. kr. Hvilken del av forskriften gjelder for oss? Er 25 % nok?"
    assert plan_question(question, "nb").parts[-1] == "Er 25 % nok?"


def test_an_abbreviation_before_a_capital_letter_ends_no_sentence():
    assert split_sentences("The value is 2 MNOK excl. VAT each year. Is that over the threshold?") == [
        "The value is 2 MNOK excl. VAT each year.", "Is that over the threshold?"]
    assert split_sentences("Beløpet er eks. MVA. Gjelder del III?", capital=True) == ["Beløpet er eks. MVA.",
                                                                                      "Gjelder del III?"]
