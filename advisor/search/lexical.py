"""BM25 over chunk texts, with the Norwegian analyzer of advisor.text (stemming plus compound splitting)."""

from __future__ import annotations

import logging
import math
from collections import Counter

import numpy as np

from advisor.text import Analyzer


class LexicalIndex:
    """BM25 (bm25s) over chunk texts, in the same order as the chunk ids it was built with."""

    def __init__(self, texts: list[str], decompound: bool = True) -> None:
        import bm25s

        # bm25s sets its own logger to DEBUG on import and announces every index build; keep stderr for our messages.
        logging.getLogger("bm25s").setLevel(logging.WARNING)
        self.analyzer = Analyzer(decompound)
        self._bm25 = bm25s.BM25(k1=1.2, b=0.75)
        corpus = [self.analyzer.terms(t) or [""] for t in texts]
        self._bm25.index(corpus, show_progress=False)
        self._vocab = self._bm25.vocab_dict
        self.size = len(texts)
        self._df = Counter(term for terms in corpus for term in set(terms))

    def idf(self, term: str) -> float:
        """BM25's inverse document frequency of an analyzed term: log(1 + (N - df + 0.5) / (df + 0.5)).

        A term no text holds gets the IDF of a term in one text (it can only match the query's own wording)."""
        df = max(1, self._df.get(term, 0))
        return math.log(1.0 + (self.size - df + 0.5) / (df + 0.5))

    def search(self, query: str, k: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        """(position, score) of the k best-scoring texts with score > 0; mask (0/1 per text) filters."""
        terms = [t for t in self.analyzer.terms(query) if t in self._vocab]
        if not terms or self.size == 0:
            return []
        scores = self._bm25.get_scores(terms)
        if mask is not None:
            scores = scores * mask
        k = min(k, self.size)
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(i), float(scores[i])) for i in top if scores[i] > 0]
