"""A value stated as a ceiling («under 800 000 kr», «inntil 1,9 mill.», «less than NOK 700,000») is not the value: the
part must hold for every value under it, so the answer names the part for each range, never the part of the ceiling
alone. The reader keeps option and framework ceilings as the value (FOA § 5-4: the most the contract can reach)."""

from __future__ import annotations

import pytest

from advisor.assessment import read_value_bound
from advisor.chat import ask
from advisor.chat.bounds import spans_one_part, value_segments
from advisor.search import open_index


@pytest.fixture(scope="module")
def index(corpus_hash_settings):
    return open_index(corpus_hash_settings)


@pytest.mark.parametrize("text, amount, strict", [
    ("Etaten planlegg innkjøp under 800 000 kr av kontorstoler.", 800_000, True),
    ("Vi har et budsjett på mindre enn 1,2 millioner kroner til kurs.", 1_200_000, True),
    ("Skolen vil kjøpe nettbrett for inntil 1,9 mill. kr.", 1_900_000, False),
    ("The agency will buy translation services for less than NOK 700,000.", 700_000, True),
    ("Kommunen kjøper inn maksimalt 450 000 kr med vaktmestertjenester.", 450_000, False),
])
def test_a_ceiling_before_the_amount_is_read_as_a_bound(text, amount, strict):
    bound = read_value_bound(text)
    assert bound is not None and bound.amount == amount and bound.strict is strict


@pytest.mark.parametrize("text", [
    "Kommunen skal kjøpe renhold for 800 000 kr.",
    "Rammeavtalen har uttak på inntil 4 mill. kr over fire år.",
    "Kontrakten er på 1 mill. kr med opsjon på inntil 500 000 kr.",
    "Vi betaler inntil 60 000 kr per måned i tre år.",
])
def test_a_plain_value_or_a_contract_ceiling_is_no_bound(text):
    assert read_value_bound(text) is None


def test_the_ranges_under_a_ceiling_follow_the_thresholds():
    bound = read_value_bound("Fylket kjøper vaskeritjenester for inntil 2,5 mill. kr.")
    segments = value_segments({"buyer": "municipal", "category": "services"}, bound)
    assert [part for *_, part in segments] == ["below", "I", "II", "III"]
    assert segments[1][0] == 100_000 and segments[2][0] == 1_300_000 and segments[3][0] == 2_300_000
    assert not spans_one_part(segments)


def test_small_purchases_under_the_national_threshold_get_part_i_not_part_ii(corpus_hash_settings, index):
    answer = ask("Vi skal gjøre noen mindre innkjøp under 1,3 millioner kroner. Hvilken del av regelverket gjelder?",
                 index, corpus_hash_settings)
    first = answer.text.split("[")[0]
    assert "bare del I" in first and "del I og II" not in first
    assert "100 000 kr" in first  # under the law's floor the rules do not apply
    assert "1 kr under terskelen" not in answer.text


def test_a_notice_question_under_a_ceiling_keeps_its_no_first(corpus_hash_settings, index):
    answer = ask("Bydelen skal ha kjøp under 600 000 kr av møbler. Må vi lyse det ut på Doffin?",
                 index, corpus_hash_settings)
    assert answer.text.startswith("Nei")
    assert "under 600 000 kr gjelder bare del I" in answer.text


def test_a_ceiling_over_a_threshold_says_which_part_applies_to_which_values(corpus_hash_settings, index):
    answer = ask("Kommunen skal kjøpe rådgivning for inntil 1,8 mill. kr. Hvilke regler gjelder?",
                 index, corpus_hash_settings)
    first = answer.text.split("[")[0]
    assert first.startswith("Det kommer an på verdien")
    assert "bare del I" in first and "del I og II" in first and "1,3 mill. kr" in first
    assert "For verdier fra 1,3 mill. kr" in answer.text


def test_an_english_ceiling_gets_the_range_in_english(corpus_hash_settings, index):
    answer = ask("We are a ministry buying catering for below NOK 900,000. Which part of the regulation applies?",
                 index, corpus_hash_settings)
    first = answer.text.split("[")[0]
    assert "only part I" in first and "NOK 100,000" in first


def test_a_ceiling_said_in_one_turn_still_bounds_the_follow_up(corpus_hash_settings, index):
    first = "Etaten skal kjøpe rådgivningstjenester for under 1,3 mill. kr."
    history = ((first, ask(first, index, corpus_hash_settings).text),)
    answer = ask("Må vi lyse ut konkurransen?", index, corpus_hash_settings, history=history)
    # every value under 1,3 mill. kr is below the national threshold: no notice duty, only part I
    assert answer.text.startswith("Nei")
    assert "under 1,3 mill. kr gjelder bare del I" in answer.text
    assert "del I og II gjelder" not in answer.text.lower()
