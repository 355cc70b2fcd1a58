"""The similar search's query handling: the buyer opening left out of the dense query (advisor.doffin.similar)."""

import pytest

from advisor.doffin.similar import without_buyer


@pytest.mark.parametrize(("text", "expected"), [
    ("Sykehuset trenger rørleggere til vedlikehold av vann og sanitæranlegg.",
     "rørleggere til vedlikehold av vann og sanitæranlegg."),
    ("Statlige virksomheter trenger mobiltelefoner og nettbrett til de ansatte.",
     "mobiltelefoner og nettbrett til de ansatte."),
    ("De ansatte i driftsavdelingen trenger klær og sko som beskytter dem i arbeidet.",
     "klær og sko som beskytter dem i arbeidet."),
    ("Vi skal bygge en ny barneskole", "bygge en ny barneskole"),
])
def test_the_buyer_opening_is_left_out(text, expected):
    assert without_buyer(text) == expected


@pytest.mark.parametrize("text", [
    "bygge barneskole idrettshall trenger entreprenør",  # the opening is the purchase: fewer words follow it
    "Rammeavtale for rørleggertjenester til sykehuset",  # no need verb
    "Vi trenger",  # nothing follows
    "Kommunen, fylket og staten samarbeider om at alle trenger bredbånd",  # the verb too far in
])
def test_text_without_a_short_buyer_opening_is_unchanged(text):
    assert without_buyer(text) == text
