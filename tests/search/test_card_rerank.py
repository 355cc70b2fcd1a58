"""Sibling cards whose paraphrases the embedding cannot tell apart: among the near-best, the card whose whole text
(paraphrases and answer) has the question's words comes first, within a margin and never below the cut-off."""

from __future__ import annotations

from types import SimpleNamespace

from advisor.search.cards import CARD_RERANK_MARGIN, CARD_TEXT_LEAD, _answer_words_first, _card_terms
from advisor.text import coverage, query_terms

QUESTION = "Hvordan må kostnadsdelingen være i en førkommersiell anskaffelse?"


def _cards() -> list:
    what = SimpleNamespace(id="pcp-hva", questions=("Hva er en førkommersiell anskaffelse?",),
                           answer="En førkommersiell anskaffelse kjøper forskning og utvikling [1].", answer_en="")
    terms = SimpleNamespace(id="pcp-kontraktsvilkar", questions=("Hvilke kontraktsvilkår gjelder i en førkommersiell anskaffelse?",),
                            answer="Kostnadsdelingen skal speile markedspris; leverandøren beholder rettighetene [1].",
                            answer_en="")
    return [what, terms]


def _ranked(first: float, second: float) -> list:
    return [(0, (first, "q0", 0.5)), (1, (second, "q1", 0.5))]


def test_the_near_best_card_whose_answer_has_the_question_word_comes_first():
    ranked = _answer_words_first(_ranked(0.904, 0.894), _cards(), query_terms(QUESTION, "nb"), 0.81)
    assert ranked[0][0] == 1
    assert ranked[0][1][0] == 0.894  # the score is kept: the cut-off still applies to it


def test_a_card_beyond_the_margin_or_below_the_cut_off_is_not_moved_up():
    terms = query_terms(QUESTION, "nb")
    far = _ranked(0.904, 0.904 - CARD_RERANK_MARGIN - 0.001)
    assert _answer_words_first(far, _cards(), terms, 0.81)[0][0] == 0
    below = _ranked(0.815, 0.805)  # would turn a card above the cut-off into none
    assert _answer_words_first(below, _cards(), terms, 0.81)[0][0] == 0


def test_equal_text_coverage_keeps_the_order():
    cards = _cards()
    same = [SimpleNamespace(**{**vars(cards[1]), "id": "kopi"}), cards[1]]
    ranked = _answer_words_first(_ranked(0.900, 0.899), same, query_terms(QUESTION, "nb"), 0.81)
    assert ranked[0][0] == 0


def test_a_small_lead_in_words_does_not_move_a_card_up():
    question = "Hvilke prosedyrer kan vi velge mellom i del II av anskaffelsesforskriften?"
    procedures = SimpleNamespace(id="prosedyre-del-ii", questions=("Hvilke prosedyrer kan vi bruke i del II?",),
                                 answer="I del II kan dere velge åpen eller begrenset tilbudskonkurranse [1].",
                                 answer_en="")
    parts = SimpleNamespace(id="forskriftens-deler", questions=("Hvilke deler har anskaffelsesforskriften?",),
                            answer="Anskaffelsesforskriften har fem deler; del II gjelder under EØS-terskelverdiene [1].", answer_en="")
    terms = query_terms(question, "nb")
    shares = [coverage(terms, _card_terms(c)) for c in (procedures, parts)]
    assert 0 < shares[1] - shares[0] < CARD_TEXT_LEAD  # the parts card has a little more of the question's words
    ranked = _answer_words_first(_ranked(0.879, 0.874), [procedures, parts], terms, 0.81)
    assert ranked[0][0] == 0
