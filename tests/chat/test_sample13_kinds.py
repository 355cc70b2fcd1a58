"""Round 13, after sample 13's grading: a scene that drafts or prepares a procedure gives the parts their procedure,
and an English compound question splits at «, how …» / «, and when …» like a Norwegian one. Our own wording."""

from __future__ import annotations

import pytest

from advisor.chat.plan import considered_procedure, split_parts


def _ask(question, settings):
    from advisor.chat import ask
    from advisor.search import open_index
    return ask(question, open_index(settings), settings)


@pytest.mark.parametrize(("scene", "name"), [
    ("Vi forbereder konkurransegrunnlaget for et innovasjonspartnerskap om nye sengealarmer.", "innovasjonspartnerskap"),
    ("We are drafting the documents for an innovation partnership on flood sensors.", "innovation partnership"),
    ("Fylket lyser ut en konkurransepreget dialog om et nytt billettsystem.", "konkurransepreget dialog"),
    ("Vi gjennomførte et innovasjonspartnerskap i 2021.", ""),
])
def test_a_procedure_being_prepared_is_the_one_considered(scene, name):
    assert considered_procedure(scene).lower() == name


def test_an_english_compound_question_splits_at_its_question_words():
    parts = split_parts("What may we negotiate, how should the phases be built, and when can we buy the result?")
    assert len(parts) == 3
    assert parts[1].startswith("How should the phases")


def test_english_parts_of_a_prepared_innovation_partnership_are_answered_for_it(corpus_e5_settings):
    text = _ask("We are preparing an innovation partnership with two partners to develop sensors that warn of ice on "
                "bridges. What can we negotiate, how do we split the work into phases so we can stop early, and when "
                "can we buy the finished product?", corpus_e5_settings).text
    # each part answered for the innovation partnership, in the order asked (English wording matches the cards'
    # English paraphrases by meaning, hence the real embedder)
    assert text.startswith("In an innovation partnership you must negotiate")
    assert "After each phase you may end it" in text
    assert "No new competition is needed" in text
    assert text.index("must negotiate") < text.index("After each phase") < text.index("No new competition")


@pytest.mark.parametrize("question", [
    "Fylket vurderer innovasjonspartnerskap for et nytt varsel om steinsprang. Verdien er rundt 1,5 mill. kr eks. mva. "
    "Kan vi da bruke de enklere reglene i del II?",
    "Kommunen vurderer innovasjonspartnarskap for eit nytt varsel om steinsprang, om lag 1,5 mill. kr eks. mva. "
    "Kan vi då nytte dei enklare reglane i del II?",
])
def test_an_innovation_partnership_below_the_threshold_is_not_run_by_part_ii_rules(question, corpus_hash_settings):
    text = _ask(question, corpus_hash_settings).text
    assert text.startswith("Nei, ikke etter reglene i del II: et innovasjonspartnerskap følger reglene i del III")
