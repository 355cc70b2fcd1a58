"""The card matcher's kept counts: a card's own words, the stem counts of the card set and what most paraphrases of
a card say are computed once and give what counting by hand gives."""
from advisor.search.cards import Card, CardSource, _card_majority, _own_words, _paraphrase_frequency
from advisor.text import text_terms


def _card(card_id: str, *questions: str) -> Card:
    return Card(card_id, "Svar [1].", questions, (CardSource("veileder"),))


def _cards() -> tuple[Card, ...]:
    lunsj = _card("lunsj-meny", "Kan vi legge ved lunsjmenyen vår?", "Bør menyen følge med som krav?",
                  "Should the menu be attached?")
    return (lunsj, *(_card(f"frist-{i}", f"Hvor lang er fristen i sak {i}?", "Når går fristen ut?",
                           "When is the deadline?") for i in range(80)))


def test_own_words_are_the_majority_stems_rare_among_all_cards():
    cards = _cards()
    card = cards[0]
    per = [text_terms(q) for q in card.questions]
    by_hand = {t for t in set().union(*per) if sum(t in p for p in per) * 2 >= len(per)}
    frequency = _paraphrase_frequency(cards)
    expected = {t for t in by_hand if len(t) > 3 and not t[0].isdigit() and frequency.get(t, 0) <= 0.02 * len(cards)}
    assert _own_words(card, cards) == expected
    assert expected, "the menu card has a word of its own"
    assert not _own_words(cards[1], cards) & text_terms("fristen")  # shared by every deadline card


def test_the_stem_counts_are_kept_for_the_same_card_set_and_redone_for_another():
    cards = _cards()
    first = _paraphrase_frequency(cards)
    assert _paraphrase_frequency(cards) is first
    fewer = cards[:2]
    assert _paraphrase_frequency(fewer) is not first
    assert max(_paraphrase_frequency(fewer).values()) <= 2


def test_what_most_paraphrases_say_is_read_once_per_card():
    calls: list[str] = []

    def read(text: str) -> frozenset[str]:
        calls.append(text)
        return frozenset({"utilities"}) if "forsyning" in text else frozenset()

    card = _card("forsyning-del", "Gjelder forsyningsforskriften her?", "Hva sier forsyningsforskriften?",
                 "Which part applies?")
    assert _card_majority(card, read) == {"utilities"}
    assert _card_majority(card, read) == {"utilities"}
    assert len(calls) == 3
