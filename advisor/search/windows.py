"""Sentence windows: each chunk cut into windows of a few sentences, embedded on their own for the dense ranking.

A chunk of about 1 000 characters often holds several facts, and its one embedding is an average of them: a question
about one sentence of it («I meldingen er OECDs definisjon utgangspunktet») ranked that chunk 26th or not at all,
while BM25 put it first. A chunk's dense score is therefore its best window's cosine similarity with the question.
Each window is the chunk's innermost heading (or its document's title) and up to WINDOW_CHARS of whole sentences,
so a chunk of 1 000 characters has about three windows (the bundled corpus: 386 chunks, 952 windows).

Measured on the seen set evals/retrieval.jsonl (110 questions), dense alone: hit@5 0.782 -> 0.855, MRR@10
0.602 -> 0.677 (folds of even and odd rows: A 0.818 -> 0.873 / 0.633 -> 0.709, B 0.745 -> 0.836 / 0.571 -> 0.646).

Window vectors come from the embedding cache (and the corpus's shipped vectors); a build embeds the windows of its
chunks, so a query never waits for them, except on a replica that shares a Chroma server but not the build's cache:
there the missing windows are embedded once, when its first query loads them. The windows are searched exactly
(one matrix product: at 10 000 chunks, about 25 000 windows of 384 numbers, a few milliseconds).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from advisor.corpus import Chunk
from advisor.errors import StateNotWritable
from advisor.search.embedders import Embedder, EmbeddingCache, text_key
from advisor.search.shipped import fill_from_shipped, load_shipped

# A window holds whole sentences up to this many characters (a single longer sentence is a window of its own).
# 350 characters is two or three sentences of the guidance notes.
WINDOW_CHARS = 350
# A sentence ends at . ! ? or : followed by space, or at a line break (as in rerank.py's sentence evidence).
_SENTENCE = re.compile(r"(?<=[.!?:])\s+(?=[^\s])|\n+")


def heading(chunk: Chunk) -> str:
    """The chunk's innermost section heading, or its document's title when it has no sections."""
    return chunk.section.rsplit(">", 1)[-1].strip() if chunk.section else chunk.title


def window_texts(chunk: Chunk) -> list[str]:
    """The chunk's windows as embedded: its heading, a line break and up to WINDOW_CHARS of whole sentences."""
    windows, current = [], ""
    for sentence in (s for s in _SENTENCE.split(chunk.text) if s.strip()):
        if current and len(current) + len(sentence) > WINDOW_CHARS:
            windows.append(current)
            current = ""
        current = f"{current} {sentence}".strip()
    if current or not windows:
        windows.append(current or chunk.text.strip())
    return [f"{heading(chunk)}\n{w}" for w in windows]


@dataclass(frozen=True)
class WindowVectors:
    """The window vectors of an index's chunks, in chunk order: `starts[i]` is the first row of chunk i."""

    vectors: np.ndarray  # (windows, dim) float32, unit length
    starts: np.ndarray  # (chunks,) int: every chunk has at least one window

    def best(self, query_vector: np.ndarray) -> np.ndarray:
        """Per chunk, the best cosine similarity of one of its windows with the (unit-length) query vector."""
        return np.maximum.reduceat(self.vectors @ np.asarray(query_vector, np.float32), self.starts)

    def best_of(self, query_vector: np.ndarray, positions: np.ndarray) -> np.ndarray:
        """`best` for the chunks at `positions` only (in that order): on a large index the scan of every window costs
        more than the query embedding (memory traffic), so only the candidates are scored."""
        positions = np.asarray(positions, np.int64)
        ends = np.append(self.starts[1:], len(self.vectors))
        counts = ends[positions] - self.starts[positions]
        rows = np.concatenate([np.arange(a, b) for a, b in zip(self.starts[positions], ends[positions], strict=True)])
        scores = self.vectors[rows] @ np.asarray(query_vector, np.float32)
        return np.maximum.reduceat(scores, np.concatenate([[0], np.cumsum(counts)[:-1]]))

    @classmethod
    def of(cls, per_chunk: Sequence[np.ndarray]) -> WindowVectors:
        """From each chunk's (windows, dim) matrix, in chunk order."""
        counts = np.array([len(m) for m in per_chunk], dtype=np.int64)
        if (counts < 1).any():
            raise ValueError("every chunk needs at least one window vector")
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
        return cls(np.concatenate(per_chunk).astype(np.float32), starts)


def window_keys(chunks: Sequence[Chunk]) -> list[list[str]]:
    """Each chunk's window cache keys (text_key of the window text)."""
    return [[text_key(t) for t in window_texts(c)] for c in chunks]


def embed_windows(chunks: Sequence[Chunk], embedder: Embedder, cache_path: Path, corpus_dir: Path,
                  batch: int = 32) -> tuple[WindowVectors, int]:
    """The window vectors of these chunks: cached or shipped ones taken as they are, the rest embedded and cached.

    A state folder that cannot be written (a full disk, read-only) does not stop a search: the vectors are then
    taken and embedded without the cache. Returns the vectors and how many windows were embedded now."""
    texts = {text_key(t): t for c in chunks for t in window_texts(c)}
    try:
        cache = EmbeddingCache(cache_path)
    except StateNotWritable:
        cache = None
    try:
        found, embedded = _fill(texts, embedder, corpus_dir, cache, batch)
    except StateNotWritable:
        found, embedded = _fill(texts, embedder, corpus_dir, None, batch)
    finally:
        if cache is not None:
            cache.close()
    per_chunk = [np.stack([found[k] for k in keys]) for keys in window_keys(chunks)]
    return WindowVectors.of(per_chunk), embedded


def _fill(texts: dict[str, str], embedder: Embedder, corpus_dir: Path, cache: EmbeddingCache | None,
          batch: int) -> tuple[dict[str, np.ndarray], int]:
    found = cache.get_many(embedder.model_id, texts, dim=embedder.dim) if cache else {}
    missing = [k for k in texts if k not in found]
    if cache is not None:
        found.update(fill_from_shipped(cache, corpus_dir, embedder.model_id, embedder.dim, missing))
    elif embedder.dim:
        shipped = load_shipped(corpus_dir, embedder.model_id, embedder.dim)
        found.update({k: shipped[k] for k in missing if k in shipped})
    missing = [k for k in missing if k not in found]
    for start in range(0, len(missing), batch):
        keys = missing[start : start + batch]
        vecs = embedder.embed_passages([texts[k] for k in keys])
        new = {k: vecs[j] for j, k in enumerate(keys)}
        if cache is not None:
            cache.put_many(embedder.model_id, new)
        found.update(new)
    return found, len(missing)
