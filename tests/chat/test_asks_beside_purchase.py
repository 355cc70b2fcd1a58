"""A long message that tells a purchase (value, buyer, term) and asks about a plan beside it («legge ved menyen som
krav – er det lurt?», «kreve Svanemerket og ikkje godta andre merke – er det lov?»): the plan's card is found although
the message inflects the card's own word past its stem, a bare «Er det lurt?» asks about the plan the message tells,
and a value in part II gets the card too."""
from __future__ import annotations

import pytest

from advisor.chat.facts import read_facts
from advisor.chat.plan import asks_about_scene
from advisor.chat.rules import part_lead
from advisor.config import Settings
from advisor.search.cards import Card, CardMatch, CardSource, _clear_leader, _has_own_word, _name_match
from advisor.text import query_terms, text_terms


def _card(card_id: str, *questions: str) -> Card:
    return Card(card_id, "Svar [1].", questions, (CardSource("veileder"),))


def test_an_own_word_inflected_past_its_stem_counts():
    assert _has_own_word(frozenset({"svanemerk"}), text_terms("alle stolane skal vere Svanemerkte"))
    assert not _has_own_word(frozenset({"svanemerk"}), text_terms("alle stolane skal vere merkte"))
    assert not _has_own_word(frozenset({"kaff"}), frozenset({"kaffet"}))  # a stem under five letters: exact only
    assert not _has_own_word(frozenset({"svanemerk"}), frozenset({"svanemerkene"}))  # three letters more: another word


def test_an_inflected_name_is_in_the_card():
    name = next(t for t in query_terms("Vi vil at produkta skal vere Svanemerkte.", "nn") if t.word == "svanemerkte")
    assert _name_match(name, text_terms("Kan vi krevje Svanemerket?")) >= 0.5
    assert _name_match(name, text_terms("Kan vi krevje Blomsten?")) < 0.5


def test_a_clear_leader_is_taken_on_an_inflected_own_word():
    label = _card("merke-krav", "Kan vi kreve Svanemerket?", "Må vi godta andre merker enn Svanemerket?",
                  "Can we require the Nordic Swan?")
    cards = [label] + [_card(f"frist-{i}", f"Når går fristen ut i sak {i}?", "Hvor lang er fristen?",
                             "When is the deadline?") for i in range(60)]
    ranked = [CardMatch(label, 0.80, label.questions[0]), CardMatch(cards[1], 0.75, cards[1].questions[0])]
    message = "Vi kjøper såpe for 1,8 mill. kr. Vi vil at alt skal vere Svanemerkte. Er det lov?"
    assert _clear_leader(message, ranked, 0.82, cards) is ranked[0]


@pytest.mark.parametrize(("ask", "about"), [
    ("Er det lurt?", True),
    ("Er dette ein god idé?", True),
    ("Is that a good idea?", True),
    ("Er det lurt å bruke konkurranse med forhandling?", False),
])
def test_whether_a_plan_is_wise_asks_about_the_scene(ask, about):
    assert asks_about_scene(ask) is about


def test_a_value_in_part_two_has_a_part_lead_only_when_asked_for(tmp_path):
    settings = Settings(home=tmp_path)
    message = "Kommunen skal kjøpe nye møbler for 1,8 mill. kr. Vi vil kreve Svanemerket. Er det lov?"
    facts = read_facts(message)
    assert part_lead(message, facts, settings) is None
    side, answer = part_lead(message, facts, settings, between=True)
    assert side == "between" and answer.text.startswith("Del I og II gjelder")


def test_in_part_two_the_rules_keep_a_yes_or_no_they_give_themselves():
    from advisor.chat.rules import gives_verdict

    assert gives_verdict("Kommunen skal kjøpe snørydding for 1,6 mill. kr. Kan vi bare kontakte et par firma?", "II")
    assert not gives_verdict("Kommunen skal kjøpe møbler for 1,6 mill. kr. Vi vil kreve Svanemerket. Er det lurt?",
                             "II")
