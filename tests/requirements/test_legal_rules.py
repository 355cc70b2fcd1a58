"""The rules a finding or a rewrite rests on, and the guidance passages in the corpus that explain them."""

from __future__ import annotations

import pytest

from advisor.errors import InvalidInput
from advisor.requirements import analyze_requirement, legal_rule, rule_key
from advisor.requirements.analyzer import FINDING_RULES, KIND_RULES, LEGAL_RULES


@pytest.mark.parametrize(("category", "kind", "severity", "key"), [
    ("brand", "lexicon", "high", "brand"),
    ("brand", "compat", "low", "compatibility"),  # named only to stay compatible: the exception, not the ban
    ("missing_or_equivalent", "standard", "medium", "standard"),
    ("material_dimension_method", "material", "high", "material"),
    ("same_as_current", "current", "high", "same_as_current"),
])
def test_rule_key_picks_the_specific_passage_before_the_category(category, kind, severity, key):
    assert rule_key(category, kind, severity) == key


def test_every_rule_cites_a_passage_of_its_own_guidance_note(settings):
    for key, (law, doc_id, anchor) in {**LEGAL_RULES, **KIND_RULES, **FINDING_RULES}.items():
        rule, citation = legal_rule(key, settings, n=3)
        assert rule == law and citation.doc_id == doc_id and citation.n == 3
        assert anchor.lower() in citation.section.lower(), (key, citation.section)  # found, not the fallback first chunk


def test_the_base_rule_says_what_the_fact_sheet_verifies():
    law = LEGAL_RULES["function"][0]
    assert law.startswith("FOA § 15-1 (del III) og § 8-5 (del II)")
    assert "ytelses- eller funksjonskrav" in law and "standarder" in law and "kombinasjon" in law


def test_an_unknown_rule_is_refused_with_the_known_ones(settings):
    with pytest.raises(InvalidInput, match="function"):
        legal_rule("no-such-rule", settings)


def test_findings_still_carry_the_rule_and_citation_of_their_key(settings):
    analysis = analyze_requirement("Nye kortlesere skal integreres med dagens Salto-system.", settings)
    compat = [f for f in analysis.findings if f.category == "brand"]
    assert compat and all(f.citation.section == "De to snevre unntakene" for f in compat)
