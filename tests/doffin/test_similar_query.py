"""The similar search's query handling: the buyer opening left out of the dense query, the request framing out of the
BM25 query (advisor.doffin.similar)."""

import pytest

from advisor.doffin.similar import without_buyer, without_framing


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


@pytest.mark.parametrize(("text", "expected"), [
    ("Vi trenger noen som vasker vinduene på rådhuset to ganger i året.",
     "vasker vinduene på rådhuset to ganger i året."),
    ("Kommunen ønsker en løsning som varsler når en dør står åpen.", "varsler når en dør står åpen."),
    ("Vi vil vite mer om hvordan ungdom bruker fritidsklubbene.", "hvordan ungdom bruker fritidsklubbene."),
    ("Vi må få hjelp til å skifte ut vinduene", "skifte ut vinduene"),
])
def test_the_request_framing_is_left_out(text, expected):
    assert without_framing(text) == expected


def test_bm25_keeps_the_buyer_but_not_the_words_of_asking():
    # A buyer word can name the purchase (a fire service buys fire engines), so the lexical query keeps it.
    assert without_framing("Brannvesenet ønsker en ny stigebil med lang rekkevidde", keep_buyer=True) == \
        "Brannvesenet stigebil med lang rekkevidde"
    assert without_framing("Brannvesenet ønsker en ny stigebil med lang rekkevidde") == "stigebil med lang rekkevidde"


@pytest.mark.parametrize("text", [
    "Vi trenger hjelp",  # nothing but framing: nothing better to search with
    "Vi trenger stoler",  # a single word would remain
    "Asfaltering av gang- og sykkelveier i sentrum",  # no framing at all
])
def test_text_that_is_all_framing_or_has_none_is_unchanged(text):
    assert without_framing(text) == text


def test_a_framing_word_later_in_the_text_is_kept():
    # Only the opening is framing: «hjelp» in the middle belongs to what is bought.
    assert without_framing("Vi trenger en tjeneste der eldre kan be om hjelp hele døgnet") == \
        "tjeneste der eldre kan be om hjelp hele døgnet"
