"""Card matching with a product's maker in the question («Cisco», «HP»): a name no card knows is read as the word for
a make, and only a card about makes may answer with that reading; other names still keep a card out."""

from __future__ import annotations

import pytest

from advisor.search import match_card, open_index
from advisor.search.cards import _about_makes, _unknown_names, load_cards, mask_names, telling_names
from advisor.text import query_terms


@pytest.fixture(scope="module")
def index(corpus_hash_settings):
    return open_index(corpus_hash_settings)


def _names(question: str, lang: str) -> list:
    return [t for t in query_terms(question, lang) if t.is_name]


def test_an_unknown_name_becomes_the_word_for_a_make_and_a_run_of_names_one_word():
    names = _names("Can we require Cisco switches or Microsoft Teams Rooms?", "en")
    assert mask_names("Can we require Cisco switches?", names, "en") == "Can we require brand switches?"
    assert mask_names("Must it be Microsoft Teams Rooms certified?", names, "en") == "Must it be brand certified?"
    nb = _names("Kan vi kreve HP-skrivere?", "nb")
    assert mask_names("Kan vi kreve HP-skrivere?", nb, "nb") == "Kan vi kreve merke-skrivere?"


def test_names_the_cards_know_are_not_read_as_makes(corpus_hash_settings):
    cards = load_cards(corpus_hash_settings)
    unknown = _unknown_names(_names("Kan vi kreve Microsoft Teams fra Cisco på Doffin?", "nb"), cards)
    assert [t.word for t in unknown] == ["cisco"]


def test_only_cards_about_makes_may_take_a_masked_name(corpus_hash_settings):
    about = {c.id for c in load_cards(corpus_hash_settings) if _about_makes(c)}
    assert {"merkenavn", "eller-tilsvarende-ikke-nok", "merkenavn-kompatibilitet"} <= about
    assert not about & {"terskel-kommune-varer-tjenester", "plikt-innovere", "markedsdialog-doffin"}


def test_a_brand_question_finds_the_brand_card(corpus_hash_settings, index):
    match = match_card("Can we require a Cisco of product if we add 'or equivalent'?", index, corpus_hash_settings,
                       lang="en")
    assert match is not None and match.card.id == "eller-tilsvarende-ikke-nok"


def test_a_foreign_name_still_keeps_a_card_that_is_not_about_makes_out(corpus_hash_settings, index):
    assert match_card("Hva er terskelverdien for kommuner i Estland?", index, corpus_hash_settings, lang="nb") is None


def test_a_name_of_the_field_need_not_be_in_the_card(corpus_hash_settings):
    # «EØS» is used by many cards: a card on open tenders may answer «… over EØS-terskelen?» without repeating it,
    # where «Estland» (no card has it) must still be in a card for the card to answer.
    cards = load_cards(corpus_hash_settings)
    assert telling_names("Må vi alltid bruke åpen anbudskonkurranse over EØS-terskelen?", "nb", cards) == []
    assert [t.word for t in telling_names("Må vi bruke åpen anbudskonkurranse i Estland?", "nb", cards)] == ["estland"]
