"""Reranking the fused candidates by sentence-level evidence.

Reciprocal-rank fusion only sees ranks. A passage that alone holds the question's rare words (a freshly uploaded
note about «brøytedroner») is first on BM25, but when the dense half ranks it low, passages with middling ranks on
both lists beat it. The reranker looks at the text of the fused top N instead and scores each by

- **sentence evidence**: the best sentence's IDF-weighted coverage of the question's content terms (the BM25
  analyzer's stems and compound parts, thesaurus expansion included; weights from the BM25 index's IDF), so the
  rare words count most and they must stand together in one sentence, not scattered over the passage;
- **heading match**: the same coverage over the passage's section path (or document title);
- **dense similarity**: the cosine similarity the dense search already computed, scaled over the candidates;
- **sole holder**: the IDF-weighted share of the question's terms that this passage alone among the candidates
  holds, so a passage that is the only one with the question's rare words rises even when the dense half ranks it
  last;

added to the fused score scaled to the best candidate's (1.0). No model, no I/O: sentence terms are cached per
passage text, so a query costs a few hundred set look-ups.

A reference list (a section headed «Kilder», «Referanser», «Sources» ...) names the topics of its document and
the titles of its sources, so both retrievers rank it high, but it states none of the facts; `after_reference_lists`
moves such passages below the passages that do, unless the question asks about sources itself.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from advisor.corpus import Chunk
from advisor.search.lexical import LexicalIndex
from advisor.text import Analyzer, content_terms

# A sentence ends at . ! ? or : followed by space, or at a line break (headings, list items, table rows).
_SENTENCE = re.compile(r"(?<=[.!?:])\s+(?=[^\s])|\n+")
_MIN_TERM_CHARS = 2
# The last part of a section path that marks a list of sources (bokmål, nynorsk, English).
_REFERENCE_LIST = re.compile(r"(sekundær|primær)?(kilder|kjelder)|kildeliste|referanser|litteratur(liste)?|"
                             r"sources|references|bibliography", re.IGNORECASE)


@dataclass(frozen=True)
class RerankWeights:
    """How much each kind of evidence adds to the fused score (scaled so the best fused candidate has 1.0)."""

    sentence: float
    heading: float
    dense: float
    sole: float


def query_weights(text: str, lexical: LexicalIndex) -> dict[str, float]:
    """The query's content stems (stop words dropped; numbers of two or more digits kept) with their IDF."""
    terms = lexical.analyzer.terms(text)
    content = content_terms(frozenset(terms)) | {t for t in terms if t.isdigit() and len(t) >= _MIN_TERM_CHARS}
    # Terms no passage holds (an English question's own words) were measured to be better kept than dropped:
    # seen MRR@10 0.654 kept, 0.649 dropped (one English question).
    return {t: lexical.idf(t) for t in sorted(content)}


@functools.cache
def _analyzer(decompound: bool) -> Analyzer:
    return Analyzer(decompound)


# Cached by text and analyzer setting (not by index), so an index replaced by a new build is not kept alive.
@functools.lru_cache(maxsize=65_536)
def _sentence_terms(text: str, decompound: bool) -> tuple[frozenset[str], ...]:
    analyzer = _analyzer(decompound)
    return tuple(frozenset(analyzer.terms(s)) for s in _SENTENCE.split(text) if s.strip())


@functools.lru_cache(maxsize=65_536)
def _heading_terms(heading: str, decompound: bool) -> frozenset[str]:
    return frozenset(_analyzer(decompound).terms(heading))


def _coverage(weights: dict[str, float], total: float, terms: frozenset[str]) -> float:
    return sum(w for t, w in weights.items() if t in terms) / total


def sentence_evidence(weights: dict[str, float], chunk: Chunk, lexical: LexicalIndex) -> float:
    """The best sentence's IDF-weighted share of the query terms (0-1)."""
    total = sum(weights.values())
    if not total:
        return 0.0
    return max((_coverage(weights, total, terms) for terms in _sentence_terms(chunk.text, lexical.analyzer.decompound)), default=0.0)


def heading_evidence(weights: dict[str, float], chunk: Chunk, lexical: LexicalIndex) -> float:
    """The IDF-weighted share of the query terms in the passage's section path, or its title (0-1)."""
    total = sum(weights.values())
    if not total:
        return 0.0
    return _coverage(weights, total, _heading_terms(chunk.section or chunk.title, lexical.analyzer.decompound))


def rerank(
    ranked: Sequence[str],
    fused: dict[str, float],
    chunks: dict[str, Chunk],
    similarity: dict[str, float],
    query_text: str,
    lexical: LexicalIndex,
    depth: int,
    weights: RerankWeights,
    demoted: frozenset[str] | set[str] = frozenset(),
) -> tuple[list[str], dict[str, float]]:
    """The first `depth` of `ranked` reordered by evidence, the rest after them as they were; and the new scores.

    `fused` holds the fusion scores, `similarity` the dense cosine similarities (missing for passages only BM25
    found: they get the lowest similarity among the candidates). Passages in `demoted` (stuffed uploads) earn no
    evidence, so the reranker cannot lift back what added.py pushed down. Ties keep the fused order.
    """
    head = list(ranked[:depth])
    if len(head) < 2:
        return list(ranked), {cid: fused[cid] for cid in ranked}
    query = query_weights(query_text, lexical)
    total = sum(query.values())
    decompound = lexical.analyzer.decompound
    holds = {cid: frozenset().union(*_sentence_terms(chunks[cid].text, decompound),
                                   _heading_terms(chunks[cid].section or chunks[cid].title, decompound)) & query.keys()
             for cid in head if cid not in demoted}
    holders: dict[str, int] = {}
    for terms in holds.values():
        for t in terms:
            holders[t] = holders.get(t, 0) + 1
    top = max(fused[cid] for cid in head) or 1.0
    sims = [similarity[cid] for cid in head if cid in similarity]
    low, high = (min(sims), max(sims)) if sims else (0.0, 0.0)
    span = high - low
    scores: dict[str, float] = {}
    for cid in head:
        score = fused[cid] / top
        if cid not in demoted:
            chunk = chunks[cid]
            sim = (similarity.get(cid, low) - low) / span if span > 0 else 0.0
            sole = sum(query[t] for t in holds[cid] if holders[t] == 1) / total if total else 0.0
            score += (weights.sentence * sentence_evidence(query, chunk, lexical)
                      + weights.heading * heading_evidence(query, chunk, lexical)
                      + weights.dense * sim + weights.sole * sole)
        scores[cid] = score
    position = {cid: i for i, cid in enumerate(head)}
    order = sorted(head, key=lambda cid: (-scores[cid], position[cid]))
    # Passages below the depth keep their fused order and score below every reranked one.
    floor = min(scores.values())
    rest = list(ranked[depth:])
    scores.update({cid: floor * fused[cid] / top if top else 0.0 for cid in rest})
    return order + rest, scores


def is_reference_list(chunk: Chunk) -> bool:
    """Whether a passage sits in a list of sources (its innermost section heading is «Kilder», «References» ...)."""
    return _is_reference_heading(chunk.section)


@functools.lru_cache(maxsize=65_536)
def _is_reference_heading(section: str) -> bool:
    last = section.rsplit(">", 1)[-1].strip() if section else ""
    return bool(_REFERENCE_LIST.fullmatch(last))


def after_reference_lists(ranked: Sequence[str], scores: dict[str, float], chunks: dict[str, Chunk], query_text: str,
                          lexical: LexicalIndex) -> tuple[list[str], dict[str, float]]:
    """`ranked` with reference-list passages moved after every other passage (each group keeps its order), and
    the scores with a moved passage's score lowered to at most the last other passage's, so scores still fall.

    Kept in place when the question shares a term with the list's heading («Hvilke kilder bygger ... på?»)."""
    asked = frozenset(lexical.analyzer.terms(query_text))
    listed = {cid for cid in ranked if cid in chunks and is_reference_list(chunks[cid])
              and not asked & _heading_terms(chunks[cid].section.rsplit(">", 1)[-1], lexical.analyzer.decompound)}
    kept = [cid for cid in ranked if cid not in listed]
    if not listed or not kept:
        return list(ranked), scores
    floor = min(scores[cid] for cid in kept)
    moved = [cid for cid in ranked if cid in listed]
    return kept + moved, {**scores, **{cid: min(scores[cid], floor) for cid in moved}}
