"""Round 17: a product's exact weight with no stated function becomes what the weight is for (who carries or lifts it,
a greatest weight the market's range confirms), with the figure named as today's starting point; the buyer's own round
limits, amounts of food and legal references stay as they are."""

from __future__ import annotations

import pytest

from advisor.rewrite import rewrite_requirement
from advisor.rewrite.domains import WEIGHT_MARKET_QUESTION, tailored_value, value_requirements


@pytest.mark.parametrize("text, figure", [
    ("Løvblåseren skal veie 2,7 kg.", "2,7 kg"),                 # exact
    ("Nettbrettet skal ha vekt maks 0,63 kg.", "0,63 kg"),        # a limit copied from a data sheet
    ("Håndskanneren skal veie 233 g.", "233 g"),
])
def test_a_tailored_weight_becomes_what_it_is_for(settings, text, figure):
    rewrite = rewrite_requirement(text, settings)
    (weight,) = [r for r in rewrite.functional_requirements if "lett nok til at" in r]
    assert f"[dagens {figure} er et utgangspunkt, ikke et krav i seg selv]" in weight
    assert "markedsdialogen" in weight and "datablad" in weight
    assert not any(f"høyst {figure}" in r or f"{figure} som høyeste verdi" in r for r in rewrite.functional_requirements)
    assert figure in rewrite.product_figures
    assert WEIGHT_MARKET_QUESTION in rewrite.market_questions
    assert sum(f"«{figure}»" in q for q in rewrite.questions_for_buyer) == 1


@pytest.mark.parametrize("text, kept", [
    ("Hver pall skal veie maksimalt 20 kg.", "høyst 20 kg"),                          # a round limit of the buyer's
    ("Kassene skal veie høyst 1,5 kg.", "høyst 1,5 kg"),
    ("Trillebåra skal veie maks 11,3 kg slik at én person kan løfte den i trapper.", "høyst 11,3 kg"),  # purpose stated
    ("Hver lunsjporsjon skal inneholde minst 120 g grønnsaker.", "Mengden grønnsaker skal være minst 120 g"),
])
def test_the_buyers_own_limits_and_amounts_are_kept(text, kept):
    out = " ".join(value_requirements(text))
    assert kept in out and "utgangspunkt, ikke et krav" not in out


def test_tailored_reads_the_bound_and_the_purpose():
    text = "Vekten skal være maks 3,6 kg."
    start = text.index("3,6")
    assert tailored_value(text, start, start + 6, "3,6 kg", "høyst")
    assert not tailored_value(text, start, start + 6, "3,5 kg", "høyst")
    purpose = "Vekten skal være maks 3,6 kg for å kunne bæres i sekk."
    assert not tailored_value(purpose, start, start + 6, "3,6 kg", "høyst")


def test_a_ce_marking_and_a_standard_with_equivalents_are_kept_beside_a_tailored_weight(settings):
    text = "Gassdetektoren skal veie 312 g, være CE-merket og oppfylle EN 60079-29-1 eller tilsvarende."
    rewrite = rewrite_requirement(text, settings)
    joined = " ".join(rewrite.functional_requirements)
    assert "CE-merket" in joined and "EN 60079-29-1 eller tilsvarende" in joined
    assert "[dagens 312 g er et utgangspunkt, ikke et krav i seg selv]" in joined
