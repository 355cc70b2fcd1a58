"""Evidence strength: how well the retrieved hits support an answer, compared with settings.answer.min_evidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from advisor.answer.sentences import is_answerable
from advisor.config import Settings
from advisor.search import Hit, Query, as_query
from advisor.text import coverage, text_terms

# evidence = 0.5 * dense + 0.5 * coverage, times settings.answer.missing_name_factor for each name in the question
# (Sverige, NAV, Tromsø) that no retrieved passage mentions.
#   dense    = the best cosine similarity among the hits, scaled from the backend's calibrated [lo, hi] to [0, 1];
#   coverage = the best weighted share of the question's content words among the top passages (rare words weigh
#              more; English words are matched through a glossary, Danish through spelling rules).
# For embedders without a calibrated range (hash, sentence-transformers) evidence is coverage alone. How the
# ranges and the cut-off were calibrated is in evals/README.md ("The evidence cut-off").


@dataclass(frozen=True)
class Evidence:
    """How well the hits support an answer: the combined strength (0-1) and what it was made of."""

    strength: float
    dense: float | None
    coverage: float
    missing_names: tuple[str, ...] = ()


def evidence_strength(query: Query | str, hits: Sequence[Hit], settings: Settings) -> Evidence:
    """The evidence measure that settings.answer.min_evidence is compared with (see the calibration note above)."""
    if not hits:
        return Evidence(0.0, None, 0.0)
    query = as_query(query, settings)
    terms, lang = query.terms, query.language
    # Source lists ("Kilder"), and passages with nothing quotable (only headings, or only instruction-like text),
    # cannot support an answer, so they do not count.
    answerable = [h for h in hits if is_answerable(h.chunk, settings.answer.max_sentence_chars)]
    passage_terms = [text_terms(h.chunk.search_text()) for h in answerable]
    best_coverage = max((coverage(terms, p) for p in passage_terms[: settings.answer.coverage_passages]), default=0.0)
    # A name is found when a passage or the title of its document carries it: every passage of «Hvordan kan vi søke
    # Forskningsrådet …» is about Forskningsrådet, even where its text does not repeat the name.
    union = frozenset().union(*passage_terms, *(text_terms(h.chunk.title) for h in answerable))
    missing = tuple(t.word for t in terms if t.is_name and t.match(union) < 1.0)
    sims = [h.dense_similarity for h in hits if h.dense_similarity is not None]
    dense = max(sims) if sims else None
    ranges = settings.answer.dense_ranges.get(settings.index.embedding_backend)
    if ranges and dense is not None:
        lo, hi = ranges.get(lang, ranges["nb"])
        scaled = min(1.0, max(0.0, (dense - lo) / (hi - lo)))
        strength = 0.5 * scaled + 0.5 * best_coverage
    else:
        strength = best_coverage
    strength *= settings.answer.missing_name_factor ** len(missing)
    return Evidence(round(strength, 4), dense, round(best_coverage, 4), missing)

