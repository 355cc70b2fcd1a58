"""Card matching by what a question is about and what kind of answer it asks for: a question that names a procedure
gets a card on that procedure rather than one that shares its other words, and a claim put up for confirmation gets
a card that opens with a verdict; new cards answer the facet asked about (forms of dialogue, steps, sources, a
closed scheme)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from advisor.search import match_card, open_index
from advisor.search.cards import (
    _ASKS_CONFIRMATION,
    PROCEDURE_MARGIN,
    VERDICT_MARGIN,
    CardMatch,
    _named_procedure_first,
    _verdict_first,
    load_cards,
    named_procedures,
)


def _match(card_id: str, score: float, questions: tuple[str, ...], answer: str = "Svar [1].") -> CardMatch:
    card = SimpleNamespace(id=card_id, questions=questions, answer=answer, answer_en="")
    return CardMatch(card, score, questions[0])  # type: ignore[arg-type]


@pytest.mark.parametrize("text, count", [
    ("Når kan vi bruke konkurranse med forhandling?", 1),
    ("When may we use the competitive procedure with negotiation?", 1),
    ("Hva skiller konkurransepreget dialog fra innovasjonspartnerskap?", 2),
    ("Kan vi forhandle i ein open anbodskonkurranse?", 1),
    ("Kan vi kjøpe uten konkurranse over EØS-terskelen?", 0),   # «konkurranse» alone names no procedure
    ("Er forhandling lov under terskelen?", 0),
])
def test_named_procedures_are_read_from_their_names_in_three_languages(text, count):
    assert len(named_procedures(text)) == count


def test_a_card_on_the_named_procedure_comes_before_a_close_card_that_never_names_it():
    other = _match("uten-konkurranse", 0.91, ("Kan vi kjøpe uten konkurranse over EØS-terskelen?",))
    named = _match("kmf-vilkar", 0.91 - PROCEDURE_MARGIN + 0.01, ("Når kan vi bruke konkurranse med forhandling?",))
    question = "I hvilke tilfeller kan vi velge konkurranse med forhandling over terskelen?"
    assert _named_procedure_first(question, [other, named], 0.82)[0] is named
    # Too far behind, under the cut-off, or a question that names no procedure: the order is kept.
    far = _match("kmf-vilkar", 0.91 - PROCEDURE_MARGIN - 0.01, named.card.questions)
    assert _named_procedure_first(question, [other, far], 0.82)[0] is other
    assert _named_procedure_first(question, [other, named], 0.90)[0] is other
    assert _named_procedure_first("Kan vi kjøpe direkte over terskelen?", [other, named], 0.82)[0] is other


def test_a_best_card_that_names_the_procedure_in_its_answer_is_kept():
    top = _match("forhandle-anbud", 0.90, ("Kan vi forhandle i en anbudskonkurranse?",),
                 "Nei [1]. Vil dere forhandle, må dere bruke konkurranse med forhandling [2].")
    named = _match("kmf-vilkar", 0.89, ("Når kan vi bruke konkurranse med forhandling?",))
    assert _named_procedure_first("Kan vi bruke konkurranse med forhandling?", [top, named], 0.82)[0] is top


def test_a_claim_to_confirm_gets_the_close_card_that_opens_with_a_verdict():
    advice = _match("tildeling-kvalitet", 0.86, ("Hvor mye bør kvalitet vektes mot pris?",), "Gjennom kriteriene [1].")
    verdict = _match("laveste-pris-ikke-plikt", 0.86 - VERDICT_MARGIN + 0.01, ("Må vi alltid velge laveste pris?",),
                     "Nei, regelverket krever ikke at laveste pris vinner [1].")
    assert _verdict_first("Prisen skal vel alltid telle mest?", [advice, verdict], 0.82)[0] is verdict
    assert _verdict_first("Price must always count most, right?", [advice, verdict], 0.82)[0] is verdict
    # An open question, or a verdict card too far behind, keeps the order.
    assert _verdict_first("Hvordan vekter vi pris mot kvalitet?", [advice, verdict], 0.82)[0] is advice
    far = _match("laveste-pris-ikke-plikt", 0.86 - VERDICT_MARGIN - 0.01, verdict.card.questions, verdict.card.answer)
    assert _verdict_first("Prisen skal vel alltid telle mest?", [advice, far], 0.82)[0] is advice


def test_new_cards_carry_the_facet_they_answer(corpus_hash_settings):
    cards = {card.id: card for card in load_cards(corpus_hash_settings)}
    forms = cards["markedsdialog-former"].answer
    assert all(word in forms for word in ("dialogkonferanse", "en-til-en-møter", "skriftlige", "høring"))
    steps = cards["klima-steg"].answer.lower()
    assert all(word in steps for word in ("kartlegg", "vekte", "beskriv resultatet", "følg opp"))
    assert cards["innovasjon-norge-ip-avviklet"].answer.startswith("Nei")
    assert cards["innovasjon-norge-ip-avviklet"].answer_en.startswith("No")
    assert "4.6" in cards["terskel-forsvar-konsesjon"].answer_en.split(";")[0]


@pytest.fixture(scope="module")
def e5(corpus_e5_settings):
    return corpus_e5_settings, open_index(corpus_e5_settings)


# Our own wordings, not those of the eval sets.
@pytest.mark.parametrize("question, card", [
    ("Over EØS-terskelen: i hvilke situasjoner kan vi velge konkurransepreget dialog?", "kpd-nar"),
    ("Vi må vel la laveste pris avgjøre konkurransen?", "laveste-pris-ikke-plikt"),
    ("Hvordan får vi klimahensyn inn i anskaffelsen, steg for steg?", "klima-steg"),
    ("Hva kan en kommune lære av Oslos krav til utslippsfrie byggeplasser?", "case-oslo-nullutslipp-laerdom"),
    ("Can a buyer still apply for the state funding of innovation partnerships?", "innovasjon-norge-ip-avviklet"),
    ("Hva er svakt i kildegrunnlaget om dynamisk innkjøpsordning?", "dynamisk-innkjopsordning-kilder"),
])
def test_questions_get_the_card_on_what_they_ask(e5, question, card):
    settings, index = e5
    match = match_card(question, index, settings)
    assert match is not None and match.card.id == card, match and (match.card.id, match.score)


@pytest.mark.parametrize("question, asks", [
    ("Prisen skal vel alltid telle mest?", True),
    ("Det holder jo med tre tilbud?", True),
    ("We can always negotiate, right?", True),
    ("Which is the right procedure for a new case system?", False),   # «right» as an adjective
    ("Hvor mye skal pris vektes?", False),
])
def test_a_claim_to_confirm_is_told_from_an_open_question(question, asks):
    assert bool(_ASKS_CONFIRMATION.search(question)) is asks
