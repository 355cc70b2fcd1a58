"""A value made of parts keeps its parts into a follow-up, and loses them when the follow-up states its own value."""

from __future__ import annotations

from advisor.chat.facts import read_facts

FIRST = "Vi kjøper en maskin til 1,5 mill. kr inkl. mva., pluss vedlikehold for 100 000 kr ekskl. mva. per år i 3 år."


def test_the_parts_follow_the_value_into_a_follow_up():
    merged = read_facts("Og hvis vi er en kommune?").inherit(read_facts(FIRST))
    assert merged.values["estimated_value_nok"] == 1_500_000
    assert merged.values["value_parts"].startswith("1,5 mill. kr inkl. mva. ÷ 1,25 + ")
    assert all(note != "value_parts" for _, note in merged.notes)


def test_a_new_value_drops_the_earlier_parts():
    merged = read_facts("Og for 3 mill. kr?").inherit(read_facts(FIRST))
    assert merged.values["estimated_value_nok"] == 3_000_000
    assert "value_parts" not in merged.values
