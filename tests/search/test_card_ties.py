"""Card matching near ties: decided by the shared words and the card id, never by the embedding's last digits,
which differ between CPUs."""

from __future__ import annotations

from types import SimpleNamespace

from advisor.search.cards import CARD_TIE, _settle_near_ties


def _cards(*ids: str) -> list:
    return [SimpleNamespace(id=i) for i in ids]


def test_a_near_tie_goes_to_the_card_with_more_shared_words_whatever_the_last_digits():
    cards = _cards("klima-hovedregel", "klima-unntak")
    for first, second in ((0.8962, 0.8961), (0.8961, 0.8962)):  # either card ahead by 0.0001
        ranked = sorted([(0, (first, "q0", 0.50)), (1, (second, "q1", 0.75))], key=lambda item: -item[1][0])
        assert _settle_near_ties(ranked, cards)[0][0] == 1


def test_equal_words_fall_back_to_the_card_id_and_a_clear_lead_is_kept():
    cards = _cards("b-kort", "a-kort")
    ranked = [(0, (0.9000, "q0", 0.5)), (1, (0.8995, "q1", 0.5))]
    assert _settle_near_ties(ranked, cards)[0][0] == 1  # "a-kort" before "b-kort"
    clear = [(0, (0.9000, "q0", 0.1)), (1, (0.9000 - 2 * CARD_TIE, "q1", 0.9))]
    assert _settle_near_ties(clear, cards)[0][0] == 0
