"""Wave 15 (own wording): what the delivery must work with that the buyer already has is kept as a compatibility
requirement in the buyer's words, never read as a capacity of its own or as today's product figure."""

from __future__ import annotations

from advisor.requirements import find_matches
from advisor.rewrite import rewrite_requirement
from advisor.rewrite.offline import fit_spans

_BINS = ("Avfallsetaten skal kjøpe 2 nye komprimatorbiler. Bilene skal kunne tømme våre eksisterende 140 og 660 liters "
         "dunker med dagens løftesystem.")


def test_the_fit_with_the_buyers_equipment_is_kept_whole(settings):
    reqs = rewrite_requirement(_BINS, settings).functional_requirements
    assert any(r.startswith("Bilene skal kunne tømme våre eksisterende 140 og 660 liters dunker med dagens løftesystem")
               for r in reqs)
    assert not any("omfatte 660" in r or "«140»" in r or "ikke et krav i seg selv" in r for r in reqs)


def test_a_fit_statement_that_names_a_product_is_left_to_the_rewrite():
    text = "Laderne skal være Zaptec Go og kunne lade våre eksisterende varebiler."
    assert fit_spans(text, find_matches(text)) == []


def test_a_statement_without_the_buyers_equipment_is_no_fit():
    text = "Bilene skal kunne tømme beholdere på 240 liter."
    assert fit_spans(text, find_matches(text)) == []
