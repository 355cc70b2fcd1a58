"""The coarse vector index used above EXACT_UP_TO notices finds what the exact scan finds."""

from __future__ import annotations

import numpy as np

from advisor.doffin import coarse
from advisor.doffin.coarse import CoarseIndex
from advisor.doffin.similar import NoticeIndex


def _clustered(n: int, dim: int = 32, centres: int = 40, seed: int = 3) -> np.ndarray:
    rng = np.random.default_rng(seed)
    base = rng.normal(size=(centres, dim))
    v = base[rng.integers(0, centres, n)] + rng.normal(0, 0.3, (n, dim))
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)


def test_every_vector_is_in_exactly_one_cluster_and_probing_all_is_exact(monkeypatch):
    monkeypatch.setattr(coarse, "ROWS_PER_CLUSTER", 100)
    vectors = _clustered(5_000)
    index = CoarseIndex.build(vectors)
    assert sorted(index.positions.tolist()) == list(range(5_000))
    assert np.array_equal(index.vectors, vectors[index.positions])
    query = vectors[17]
    positions, sims = index.search(query, 10, probe=len(index.centroids))
    exact = np.argsort(-(vectors @ query), kind="stable")[:10]
    assert set(positions.tolist()) == set(exact.tolist())
    assert positions[0] == 17 and np.isclose(sims[0], 1.0, atol=1e-5)


def test_probing_a_few_clusters_keeps_most_of_the_exact_neighbours(monkeypatch):
    monkeypatch.setattr(coarse, "ROWS_PER_CLUSTER", 100)
    vectors = _clustered(5_000)
    index = CoarseIndex.build(vectors)
    recall = []
    for q in vectors[:30]:
        approx, _ = index.search(q, 20, probe=10)
        exact = np.argpartition(-(vectors @ q), 19)[:20]
        recall.append(len(set(approx.tolist()) & set(exact.tolist())) / 20)
    assert np.mean(recall) >= 0.9


def test_the_notice_index_uses_the_coarse_index_only_above_the_limit_and_without_filters(monkeypatch):
    vectors = _clustered(3_000)
    index = NoticeIndex.build([{"notice_key": f"k{i}", "title": f"tittel {i}"} for i in range(3_000)])
    index.vectors = vectors
    index.dense_top(vectors[5], 10, None)
    assert index.coarse is None  # small: exact
    monkeypatch.setattr("advisor.doffin.similar.EXACT_UP_TO", 1_000)
    monkeypatch.setattr(coarse, "ROWS_PER_CLUSTER", 100)
    top = index.dense_top(vectors[5], 10, None)
    assert index.coarse is not None and top[0][0] == 5
    mask = np.zeros(3_000, bool)
    mask[[5, 900, 2_000]] = True
    assert sorted(i for i, _ in index.dense_top(vectors[5], 10, mask)) == [5, 900, 2_000]  # filters: exact


def _index_with_cpvs(cpvs: list[str]) -> NoticeIndex:
    return NoticeIndex.build([{"notice_key": f"k{i}", "title": f"t {i}", "main_cpv": c} for i, c in enumerate(cpvs)])


def test_cpv_feedback_lifts_the_group_most_top_hits_share_and_nothing_when_they_disagree():
    from advisor.doffin.similar import _boost_common_cpv

    index = _index_with_cpvs(["90620000"] * 6 + ["45233141", "79000000", "72000000", "33000000", "90620000", "45000000"])
    fused = {i: 1.0 / (60 + i) for i in range(12)}
    before = dict(fused)
    _boost_common_cpv(fused, index, 60, 2.0)
    lifted = {i for i in fused if fused[i] > before[i]}
    assert lifted == {0, 1, 2, 3, 4, 5, 10}  # group 906, also below the top 10
    spread = _index_with_cpvs([f"{d}000000" for d in range(10, 22)])
    fused = {i: 1.0 / (60 + i) for i in range(12)}
    before = dict(fused)
    _boost_common_cpv(fused, spread, 60, 2.0)
    assert fused == before
