"""Round 16: a compound message on a subject the sources do not cover is refused whole (with who answers it); later
parts that ask on about the named case an earlier part was answered from are answered from that case's passages;
a claim-check that names the wrong procedure gets its verdict first."""

from __future__ import annotations

import pytest

from advisor.answer.claims import claim_verdict
from advisor.chat.scope import ask_elsewhere


def _ask(question, settings):
    from advisor.chat import ask
    from advisor.search import open_index
    return ask(question, open_index(settings), settings)


@pytest.mark.parametrize(("question", "lang"), [
    ("Kan en tapende tilbyder få innsyn i vinnerens tilbud?", "nb"),
    ("Hvor mye av prisskjemaet kan vi sladde?", "nb"),
    ("May we redact the unit prices before we send the documents?", "en"),
    ("Do losing bidders get access to the tenders of the others?", "en"),
])
def test_access_and_redaction_are_pointed_to_the_ombud(question, lang):
    assert "ivilombud" in ask_elsewhere(question, lang)


@pytest.mark.parametrize("question", [
    "Må vi gi en leverandør innsyn i de andre tilbudene, og hvordan vurderer vi hva som skal sladdes?",
    "En tapende tilbyder ber om innsyn i alle tilbudene. Må vi utlevere konkurrentenes enhetspriser, og hvor mye kan "
    "vi sladde?",
])
def test_a_message_on_access_to_tenders_is_refused_whole(corpus_e5_settings, question):
    answer = _ask(question, corpus_e5_settings)
    assert answer.route == "refusal" and not answer.grounded
    assert "Sivilombudet" in answer.text
    assert answer.citations == []  # nothing from a passage on another subject


def test_a_later_part_alone_on_access_is_refused_by_itself(corpus_e5_settings):
    answer = _ask("Hva er terskelverdien for statlige oppdragsgivere, og kan leverandørene kreve innsyn i tilbudene?",
                  corpus_e5_settings)
    assert answer.grounded
    assert "Sivilombudet" in answer.text and "mill" in answer.text


def test_later_parts_on_a_named_case_stay_with_its_passages(corpus_e5_settings):
    answer = _ask("Var hurtigbåtprosjektet i Trøndelag et innovasjonspartnerskap? Hvor mange leverandører fikk være "
                  "med, og hva fikk de betalt?", corpus_e5_settings)
    assert answer.text.startswith("Nei. Det var en førkommersiell anskaffelse")
    assert {c.section for c in answer.citations} <= {"Trøndelag: forkommersiell anskaffelse av utslippsfri hurtigbåt",
                                                    "Eksempel: fremtidens hurtigbåt i Trøndelag"}
    assert "fem" in answer.text


def test_english_later_parts_on_a_case_get_no_generic_card(corpus_e5_settings):
    answer = _ask("Is it true that Trøndelag's hurtigbåt project was an innovation partnership? How many suppliers "
                  "could take part, and how were they paid?", corpus_e5_settings)
    assert answer.text.startswith("No. It was a pre-commercial procurement, not an innovation partnership.")
    assert all("rønde" in c.section for c in answer.citations)


@pytest.mark.parametrize(("question", "text", "lang", "lead"), [
    ("Stemmer det at kommunen brukte et innovasjonspartnerskap?",
     "Kommunen gjennomførte en konkurransepreget dialog om løsningen [1].", "nb",
     "Nei. Det var en konkurransepreget dialog, ikke et innovasjonspartnerskap. "),
    ("Is it true that the agency's project is a competitive dialogue?",
     "The agency runs a pre-commercial procurement with three suppliers [1].", "en",
     "No. It is a pre-commercial procurement, not a competitive dialogue. "),
])
def test_a_claim_naming_another_procedure_gets_no_first(question, text, lang, lead):
    assert claim_verdict(question, text, lang) == lead + text


@pytest.mark.parametrize(("question", "text"), [
    # the answer names the claimed procedure too: no safe contrast
    ("Stemmer det at prosjektet var et innovasjonspartnerskap?",
     "Prosjektet startet som en førkommersiell anskaffelse og gikk over i et innovasjonspartnerskap [1]."),
    # no procedure named in the claim
    ("Stemmer det at prosjektet hadde fem leverandører?", "Fylket gjennomførte en førkommersiell anskaffelse [1]."),
    # a negated claim
    ("Stemmer det at prosjektet ikke var et innovasjonspartnerskap?",
     "Fylket gjennomførte en førkommersiell anskaffelse [1]."),
    # not a claim to check
    ("Hva er et innovasjonspartnerskap?", "En førkommersiell anskaffelse er noe annet [1]."),
    # a verdict there already
    ("Stemmer det at prosjektet var et innovasjonspartnerskap?", "Nei, det var en førkommersiell anskaffelse [1]."),
])
def test_a_claim_is_left_alone_where_the_contrast_is_not_clear(question, text):
    assert claim_verdict(question, text, "nb") == text


def test_a_past_question_on_a_case_is_a_claim_but_a_may_question_is_not():
    text = "Fylket gjennomførte en førkommersiell anskaffelse [1]."
    assert claim_verdict("Var prosjektet et innovasjonspartnerskap?", text, "nb").startswith("Nei. Det var en")
    assert claim_verdict("Er det lov å bruke et innovasjonspartnerskap her?", text, "nb") == text


def test_an_act_named_by_its_letters_is_no_case(corpus_e5_settings):
    from advisor.answer.followup import case_chunks
    from advisor.search import open_index
    index = open_index(corpus_e5_settings)
    answer = _ask("Hva krever FOA § 7-9?", corpus_e5_settings)
    assert case_chunks("Hva krever FOA § 7-9?", answer, index, "nb") == []
