"""Evidence strength: how well the retrieved hits support an answer, compared with settings.min_evidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from advisor.answer.sentences import is_answerable
from advisor.config import Settings
from advisor.search import Hit
from advisor.text import QueryTerm, coverage, detect_language, query_terms, text_terms

# evidence = 0.5 * dense + 0.5 * coverage, halved for each name in the question (Sverige, NAV, Tromsø) that
# no retrieved passage mentions.
#   dense    = the best cosine similarity among the hits, scaled from [lo, hi] to [0, 1] (e5 only: its cosines
#              sit in a narrow band, about 0.75-0.95, and English questions against Norwegian passages score
#              about 0.06 lower than Norwegian ones, hence a range per language);
#   coverage = the best of the top 3 passages' weighted share of the question's content words (rare words
#              weigh more; English words are matched through a glossary, Danish through spelling rules).
# For embedders without a calibrated range (hash, sentence-transformers) evidence is coverage alone.
#
# Calibration on evals/answers.jsonl (59 in-scope, 24 out-of-scope questions, among them near misses such as
# Swedish thresholds, notice periods for municipal staff and VAT on food; e5 index of the shipped corpus, top_k 5,
# extractive provider), measured 2026-11-22 with the ranges below:
#   in-scope:      min 0.684 (a07 "Hvilke prosedyrer kan vi velge mellom i del II ..."), 5th percentile 0.750, mean 0.91
#   out-of-scope:  max 0.402 (o04 "... terskelverdien for offentlige anskaffelser i Sverige?"), 95th pct 0.346, mean 0.18
# Every cut-off in (0.402, 0.684) separates the two sets; the default settings.min_evidence = 0.5 leaves a margin of
# 0.10 to the strongest out-of-scope question and 0.18 to the weakest in-scope one. `advisor eval --suite answer`
# prints the whole sweep (table "cutoff_sweep") so a change to the measure or the corpus can be re-checked.
# With the hash test embedder (coverage alone) the same cut-off answers 57 of 59 and refuses 24 of 24.
DENSE_RANGES: dict[str, dict[str, tuple[float, float]]] = {
    "e5": {"nb": (0.80, 0.92), "da": (0.80, 0.92), "en": (0.76, 0.86)},
}
TOP_PASSAGES_FOR_COVERAGE = 3
MISSING_NAME_FACTOR = 0.5


@dataclass(frozen=True)
class Evidence:
    """How well the hits support an answer: the combined strength (0-1) and what it was made of."""

    strength: float
    dense: float | None
    coverage: float
    missing_names: tuple[str, ...] = ()


def evidence_strength(question: str, hits: Sequence[Hit], settings: Settings, lang: str | None = None,
                      terms: Sequence[QueryTerm] | None = None) -> Evidence:
    """The evidence measure that settings.min_evidence is compared with (see the calibration note above)."""
    if not hits:
        return Evidence(0.0, None, 0.0)
    lang = lang or detect_language(question)
    terms = list(terms) if terms is not None else query_terms(question, lang)
    # Source lists ("Kilder"), and passages with nothing quotable (only headings, or only instruction-like text),
    # cannot support an answer, so they do not count.
    passage_terms = [text_terms(h.chunk.search_text()) for h in hits if is_answerable(h.chunk)]
    best_coverage = max((coverage(terms, p) for p in passage_terms[:TOP_PASSAGES_FOR_COVERAGE]), default=0.0)
    union = frozenset().union(*passage_terms)
    missing = tuple(t.word for t in terms if t.is_name and t.match(union) < 1.0)
    sims = [h.dense_similarity for h in hits if h.dense_similarity is not None]
    dense = max(sims) if sims else None
    ranges = DENSE_RANGES.get(settings.embedding_backend)
    if ranges and dense is not None:
        lo, hi = ranges.get(lang, ranges["nb"])
        scaled = min(1.0, max(0.0, (dense - lo) / (hi - lo)))
        strength = 0.5 * scaled + 0.5 * best_coverage
    else:
        strength = best_coverage
    strength *= MISSING_NAME_FACTOR ** len(missing)
    return Evidence(round(strength, 4), dense, round(best_coverage, 4), missing)

