"""Round 13 grading kinds (second helper), in our own wording: national totals, a claimed automatic rejection, joining
another buyer's framework agreement, nynorsk procedure names."""

from __future__ import annotations

import pytest

from advisor.chat.facts import read_facts
from advisor.chat.rules import asked_procedure


@pytest.mark.parametrize("text", [
    "Er det sant at det offentlige handler varer og tjenester for nesten 600 mrd. kroner årlig?",
    "Offentlig sektor kjøper for 780 milliarder i året. Hvor mye av det er innovativt?",
    "Vi leste at innkjøpene er på 120 mrd. kr. Stemmer det?",
])
def test_a_national_total_is_no_purchase_value(text):
    assert not read_facts(text).has_value


def test_a_large_contract_keeps_its_value():
    assert read_facts("Vi skal bygge en ny skole til 2,5 mrd. kr. Hvilken del gjelder?").has_value


@pytest.mark.parametrize(("text", "buyer"), [
    ("Nabokommunen har en avtale på vaskeritjenester. Kan vi kjøpe for 2 mill. på den?", "municipal"),
    ("Kommunane våre vil kjøpe nye skulebussar for 5 mill. saman.", "municipal"),
    ("Vi er et statlig direktorat, og nabokommunen har en avtale for 2 mill.", "state"),
])
def test_a_neighbour_municipality_tells_the_askers_side(text, buyer):
    assert read_facts(text).values.get("buyer") == buyer


@pytest.mark.parametrize("text", ["Kan vi nytte innovasjonspartnarskap her?",
                                  "Kan vi bruke konkurransepreget dialog for dette?"])
def test_nynorsk_procedure_names_are_read(text):
    assert asked_procedure(text) is not None


def _lead(question, settings):
    from advisor.chat.premises import premise_lead
    from advisor.search import open_index
    return premise_lead(question, open_index(settings), settings)


def test_a_claimed_automatic_rejection_is_corrected_first(corpus_hash_settings):
    lead = _lead("Vi hadde dialog med markedet om nytt arkivsystem til 2 mill. kr, og én leverandør bidro mye til "
                 "kravspesifikasjonen. Innkjøpssjefen sier at den leverandøren automatisk må avvises. Har hun rett?",
                 corpus_hash_settings)
    assert lead is not None and lead[0].card.id == "leverandor-avvisning-premiss"
    assert lead[0].card.answer.startswith("Nei, ikke automatisk")
    assert lead[1] == ""  # «Har hun rett?» is what the correction answers


def test_an_automatic_rejection_without_a_part_in_the_preparations_is_not_that_premise(corpus_hash_settings):
    assert _lead("Et tilbud kom inn to minutter for sent. Må det automatisk avvises?", corpus_hash_settings) is None


def test_joining_another_buyers_framework_agreement_is_corrected_then_the_purchase_answered(corpus_hash_settings):
    lead = _lead("Fylkeskommunen har en rammeavtale på kontormøbler, og selgeren sier vi bare kan bestille på den "
                 "for 1,5 mill. Kan vi gjøre det uten egen konkurranse, og hvilke regler gjelder ellers?",
                 corpus_hash_settings)
    assert lead is not None and lead[0].card.id == "rammeavtale-tiltredelse"
    assert lead[1].startswith("Hvilke regler gjelder ellers")
