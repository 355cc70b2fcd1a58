"""One reading of what the market offers: the free-text reader knows what a market dialogue or survey showed, in
bokmål, nynorsk and English (the chat's recommendation between procedures uses the same value)."""

from __future__ import annotations

import pytest

from advisor.assessment import extract_case


@pytest.mark.parametrize(("text", "market"), [
    ("Marknadsdialogen synte at tre leverandørar tilbyr system som kan nyttast etter noko tilpassing.", "with_adaptation"),
    ("The market survey found that two vendors have platforms that could be customised for us.", "with_adaptation"),
    ("Our preliminary market consultation showed that none of the suppliers can deliver such a product.", "no"),
    ("Vi har spurt rundt, og det finst ingen løysing som dekkjer dette i dag.", "no"),
    ("After the market dialogue we know that several vendors offer solutions for this.", "yes"),
    ("Markedsanalysen bekreftet at flere leverandører har ferdige løsninger for dette.", "yes"),
])
def test_what_a_market_dialogue_showed_is_the_market_answer(text, market):
    values = extract_case(text).values
    assert values.get("market_has_solution") == market


def test_a_planned_survey_is_no_finding():
    values = extract_case("Vi skal gjøre en markedsundersøkelse for å se om leverandører har løsninger.").values
    assert values.get("market_has_solution") in (None, "unknown")


@pytest.mark.parametrize("text", [
    "Marknadsundersøkinga synte at ingen har noko som passar.",
    "Our market research showed that the need is common.",
])
def test_a_survey_that_showed_something_is_a_dialogue_done(text):
    assert extract_case(text).values.get("market_dialogue_done") is True
