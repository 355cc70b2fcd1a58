"""Evidence strength: how well the retrieved hits support an answer, compared with settings.answer.min_evidence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from advisor.answer.sentences import is_answerable
from advisor.config import Settings
from advisor.search import Hit, Query, as_query
from advisor.text import QueryTerm, coverage, query_terms, text_terms

# evidence = 0.5 * dense + 0.5 * coverage, times settings.answer.missing_name_factor for each name in the question
# (Sverige, NAV, Tromsø) that no retrieved passage mentions.
#   dense    = the best cosine similarity among the hits, scaled from the backend's calibrated [lo, hi] to [0, 1];
#   coverage = the best weighted share of the question's content words among the top passages (rare words weigh
#              more; English words are matched through a glossary, Danish through spelling rules).
# A long question often tells a story before it asks («Skolen har brukt de samme tavlene i mange år, og lærerne kan
# dem godt. Nå vil rektor at vi skriver merket inn i konkurransegrunnlaget. Er det greit?»). A scene word that no
# retrieved passage holds (see scene_weighted) weighs SCENE_FACTOR of its weight in coverage and in the sentence share.
# For embedders without a calibrated range (hash, sentence-transformers) evidence is coverage alone. How the
# ranges and the cut-off were calibrated is in evals/README.md ("The evidence cut-off").


# A word of the scene (a sentence before the first one that asks) that none of the retrieved passages contains cannot
# tell them apart and mostly says where the asker works («sengeposten», «rektor»): it weighs this share of its weight.
# The asked sentences keep every word at full weight, because a question off the sources' topics names its topic
# there («Kan vi få meirverdiavgifta kompensert?»), and that no passage holds the word is what refuses it. Chosen on
# the seen rows of evals/answers_text.jsonl (0.25, or counting the sentence before a short «Er det greit?» as asked,
# rescued fewer of the long questions; no out-of-scope row rose above min_evidence with any of them).
SCENE_FACTOR = 0.1
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Evidence:
    """How well the hits support an answer: the combined strength (0-1) and what it was made of."""

    strength: float
    dense: float | None
    coverage: float
    missing_names: tuple[str, ...] = ()


def scene_weighted(query: Query, hits: Sequence[Hit]) -> tuple[QueryTerm, ...]:
    """The question's terms with the scene words no hit contains down-weighted (see SCENE_FACTOR above); the terms
    unchanged for a question whose first sentence already asks, or that asks nothing with «?»."""
    sentences = [s for s in _SENTENCE_END.split(query.question.strip()) if s]
    first = next((i for i, s in enumerate(sentences) if s.rstrip().endswith("?")), 0)
    if first == 0:
        return query.terms
    asked = {t.word for t in query_terms(" ".join(sentences[first:]), query.language)}
    scene = {t.word for t in query_terms(" ".join(sentences[:first]), query.language)} - asked
    if not scene:
        return query.terms
    held = frozenset().union(*(text_terms(h.chunk.search_text()) | text_terms(h.chunk.title) for h in hits))
    return tuple(replace(t, weight=t.weight * SCENE_FACTOR) if t.word in scene and t.match(held) == 0 else t
                 for t in query.terms)


def evidence_strength(query: Query | str, hits: Sequence[Hit], settings: Settings) -> Evidence:
    """The evidence measure that settings.answer.min_evidence is compared with (see the calibration note above)."""
    if not hits:
        return Evidence(0.0, None, 0.0)
    query = as_query(query, settings)
    terms, lang = scene_weighted(query, hits), query.language
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

