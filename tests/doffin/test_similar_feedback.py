"""Agreement feedback in the similar search: the dense query moves towards the notices that BM25 and the dense search
both rank first, and searches again (advisor.doffin.similar._agreement_feedback)."""

from __future__ import annotations

import numpy as np

import advisor.doffin.similar as similar
from advisor.config import Settings
from advisor.doffin.similar import AGREEMENT_DEPTH, NoticeIndex, _agreement_feedback, rank_notices

HASH = {"index": {"embedding_backend": "hash"}}


def unit(*xs: float) -> np.ndarray:
    v = np.array(xs, np.float32)
    return v / np.linalg.norm(v)


def small_index(vectors: list[np.ndarray]) -> NoticeIndex:
    rows = [{"notice_key": str(i), "title": f"kunngjøring {i}", "main_cpv": "90620000"} for i in range(len(vectors))]
    index = NoticeIndex.build(rows)
    index.vectors = np.stack(vectors)
    return index


def test_a_notice_like_the_agreed_one_rises_in_the_dense_ranking():
    query = unit(1, 0, 0)
    # 0 is the agreed notice; 1 says the same in other words (close to 0, far from the query); 2 is a look-alike
    # of the query only.
    index = small_index([unit(0.8, 0.6, 0), unit(0.3, 0.95, 0), unit(0.6, 0, 0.8)])
    dense = index.dense_top(query, 3, None)
    assert [i for i, _ in dense] == [0, 2, 1]
    moved = _agreement_feedback(query, dense, [(0, 3.0), (1, 1.0)], index, 3, None)
    assert [i for i, _ in moved] == [0, 1, 2]


def test_nothing_changes_when_the_two_lists_share_no_first_notice():
    query = unit(1, 0, 0)
    vectors = [unit(1, 0.1 * i, 0) for i in range(2 * AGREEMENT_DEPTH)]
    index = small_index(vectors)
    dense = index.dense_top(query, len(vectors), None)
    lexical = [(i, 1.0) for i, _ in reversed(dense)]  # BM25's first notices are the dense search's last
    assert not {i for i, _ in dense[:AGREEMENT_DEPTH]} & {i for i, _ in lexical[:AGREEMENT_DEPTH]}
    assert _agreement_feedback(query, dense, lexical, index, len(vectors), None) is dense


def test_the_setting_switches_the_feedback_off(monkeypatch):
    rows = [{"notice_key": "a", "title": "Brøyting av kommunale veier", "main_cpv": "90620000"},
            {"notice_key": "b", "title": "Kontormøbler", "main_cpv": "39130000"}]
    index = NoticeIndex.build(rows)
    calls: list[int] = []

    def counted(q, dense, lexical, index, n, mask):
        calls.append(1)
        return dense

    monkeypatch.setattr(similar, "_agreement_feedback", counted)
    settings = Settings(**HASH)
    assert not settings.doffin.agreement_feedback  # the default: the seen gain did not clearly hold on unseen texts
    rank_notices("brøyting av veier", index, settings, 2)
    assert calls == []
    settings = settings.model_copy(update={"doffin": settings.doffin.model_copy(update={"agreement_feedback": True})})
    rank_notices("brøyting av veier", index, settings, 2)
    assert calls == [1]
    rank_notices("brøyting av veier", index, settings, 2, mode="dense")  # only the hybrid search has two lists
    assert calls == [1]
