"""A coarse partition of the notice vectors for search at national scale (an inverted file of k-means clusters).

Below EXACT_UP_TO notices the similar search compares the query with every vector (exact, a few ms). Above it, one
matrix product over all vectors is memory-bound (250 000 × 384 float32 = 384 MB per query: 0.1–0.4 s on 2 loaded
cores), so the vectors are grouped once into clusters around k-means centroids, stored contiguously cluster by
cluster, and a query is compared only with the vectors of its `probe` nearest clusters. This is approximate: a
notice in a cluster that is not probed is missed; benchmarks/doffin_scale.py reports recall against the exact scan.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

EXACT_UP_TO = 50_000  # notices; the shipped snapshot (3 348) and the relevance evals always use the exact scan
PROBE = 48  # clusters searched per query (24 gave recall@50 0.82 on the relevance-set queries)
ROWS_PER_CLUSTER = 1_000  # about 250 clusters for 250 000 notices
KMEANS_SAMPLE = 25_000
KMEANS_ITERATIONS = 6
_CHUNK = 16_384


@dataclass
class CoarseIndex:
    """Centroids, the vectors reordered cluster by cluster, their original positions and the cluster offsets."""

    centroids: np.ndarray  # (clusters, dim) unit vectors
    vectors: np.ndarray  # (n, dim) the notice vectors in cluster order, contiguous
    positions: np.ndarray  # (n,) original position of each reordered vector
    offsets: np.ndarray  # (clusters + 1,) cluster c is vectors[offsets[c]:offsets[c + 1]]
    source: np.ndarray  # the matrix it was built from (to notice when the index's vectors are replaced)

    @classmethod
    def build(cls, vectors: np.ndarray, seed: int = 0) -> CoarseIndex:
        """Spherical k-means on a sample, then every vector assigned to its nearest centroid."""
        n = len(vectors)
        clusters = max(1, min(n, n // ROWS_PER_CLUSTER))
        rng = np.random.default_rng(seed)
        sample = vectors[rng.choice(n, size=min(n, KMEANS_SAMPLE), replace=False)]
        centroids = sample[rng.choice(len(sample), size=clusters, replace=False)].copy()
        for _ in range(KMEANS_ITERATIONS):
            nearest = np.argmax(sample @ centroids.T, axis=1)
            sums = np.zeros_like(centroids)
            np.add.at(sums, nearest, sample)
            norms = np.linalg.norm(sums, axis=1, keepdims=True)
            empty = norms[:, 0] == 0
            sums[empty] = centroids[empty]  # a centroid nobody chose stays where it was
            norms[empty] = 1.0
            centroids = (sums / norms).astype(np.float32)
        assigned = np.concatenate(
            [np.argmax(vectors[s : s + _CHUNK] @ centroids.T, axis=1) for s in range(0, n, _CHUNK)]
        )
        order = np.argsort(assigned, kind="stable")
        offsets = np.searchsorted(assigned[order], np.arange(clusters + 1))
        return cls(centroids, np.ascontiguousarray(vectors[order]), order, offsets, vectors)

    def search(self, query: np.ndarray, k: int, probe: int = PROBE) -> tuple[np.ndarray, np.ndarray]:
        """(original positions, cosine similarities) of the k best vectors in the `probe` nearest clusters."""
        probe = min(probe, len(self.centroids))
        nearest = np.argpartition(-(self.centroids @ query), probe - 1)[:probe]
        spans = [(int(self.offsets[c]), int(self.offsets[c + 1])) for c in np.sort(nearest)]
        spans = [(a, b) for a, b in spans if b > a]
        if not spans:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        rows = np.concatenate([np.arange(a, b) for a, b in spans])
        sims = np.concatenate([self.vectors[a:b] @ query for a, b in spans])  # contiguous slices, no copy
        k = min(k, len(rows))
        top = np.argpartition(-sims, k - 1)[:k]
        top = top[np.argsort(-sims[top], kind="stable")]
        return self.positions[rows[top]], sims[top]
