"""The similar-notice relevance sets and their metrics: the frozen unseen file is unchanged, every judged notice
exists in the shipped snapshot, the texts are ours (not notice titles), and P@5 / nDCG@10 are computed right."""

from __future__ import annotations

import hashlib
import json

import pytest
from paths import PROJECT_ROOT

from advisor.doffin.snapshot import read_rows
from advisor.evaluation.similar import SEEN_FILE, UNSEEN_FILE, evaluate, judged, ndcg_at, precision_at

EVALS = PROJECT_ROOT / "evals"
UNSEEN_SHA256 = "5b98ccc2117c231fad16c3731120a56f3191f321ce0b33937fad5e1f552dc991"


def rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (EVALS / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_unseen_set_is_frozen():
    assert hashlib.sha256((EVALS / UNSEEN_FILE).read_bytes()).hexdigest() == UNSEEN_SHA256


def test_sets_are_large_enough_distinct_and_judged_on_shipped_notices():
    seen, unseen = rows(SEEN_FILE), rows(UNSEEN_FILE)
    assert len(seen) + len(unseen) >= 40 and len(unseen) >= 12
    assert len({r["id"] for r in seen + unseen}) == len(seen) + len(unseen)
    assert not {r["text"] for r in seen} & {r["text"] for r in unseen}
    notices, _ = read_rows(PROJECT_ROOT / "corpus" / "doffin")
    ids = {r["doffin_id"] or r["eforms_id"] or f"synthetic:{r['synthetic_id']}" for r in notices}
    titles = {(r["title"] or "").lower() for r in notices}
    for row in seen + unseen:
        assert row["relevant"] and set(row["relevant"]) <= ids, row["id"]
        assert set(row.get("judged_not_relevant") or []) <= ids, row["id"]
        assert row["text"].lower() not in titles  # our own words, not a copied notice title
        judged(row)  # no notice both relevant and not relevant


def test_a_notice_judged_both_ways_is_an_error():
    from advisor.errors import AdvisorError

    assert judged({"id": "s", "relevant": ["a"], "judged_not_relevant": ["b"]}) == ({"a"}, {"b"})
    assert judged({"id": "s", "relevant": ["a"]}) == ({"a"}, set())
    with pytest.raises(AdvisorError, match="s9.*'a'"):
        judged({"id": "s9", "relevant": ["a", "c"], "judged_not_relevant": ["a"]})


def test_metrics():
    ranked = ["a", "x", "b", "y", "z", "c"]
    assert precision_at(ranked, {"a", "b", "c"}) == pytest.approx(0.4)
    assert precision_at(["a"], {"a"}) == pytest.approx(0.2)  # k stays the denominator
    assert ndcg_at(["a", "b"], {"a", "b"}) == pytest.approx(1.0)
    assert ndcg_at(["x", "a"], {"a"}) == pytest.approx(1 / 1.584962500721156)
    assert ndcg_at([], {"a"}) == 0.0


def test_evaluate_scores_each_mode_on_a_small_store(tmp_path):
    from advisor.config import Settings
    from advisor.doffin import import_snapshot, similar_notices

    settings = Settings(home=tmp_path / "home", index={"embedding_backend": "hash"})
    import_snapshot(settings, PROJECT_ROOT / "corpus" / "doffin")
    case = rows(SEEN_FILE)[0]  # winter road maintenance: BM25 finds it on words alone
    metrics, cases = evaluate([case], settings)
    assert set(metrics) == {f"{m}.{k}" for m in ("bm25", "dense", "hybrid") for k in ("p@5", "ndcg@10", "unrecorded@5")}
    assert metrics["bm25.p@5"] >= 0.8 and cases[0]["id"] == case["id"]
    # A notice in the first 5 that no list names is unrecorded (and not relevant); one judged either way is not.
    first5 = [r.notice_id for r in similar_notices(case["text"], settings, k=5, mode="bm25")]
    probe = {**case, "relevant": [first5[0]], "judged_not_relevant": first5[1:3]}
    metrics, cases = evaluate([probe], settings)
    assert metrics["bm25.p@5"] == pytest.approx(0.2) and metrics["bm25.unrecorded@5"] == pytest.approx(0.4)
    assert cases[0]["bm25.unrecorded"] == first5[3:]


def test_pool_additions_join_the_frozen_labels_and_a_stray_line_is_an_error():
    from advisor.errors import AdvisorError
    from advisor.evaluation.similar import with_pool

    rows = [{"id": "u1", "text": "t", "relevant": ["a"]}, {"id": "u2", "text": "t", "relevant": []}]
    pooled = with_pool(rows, [{"id": "u1", "relevant": ["b", "a"]}, {"id": "u2", "relevant": ["c"]}])
    assert [r["relevant"] for r in pooled] == [["a", "b"], ["c"]]
    assert rows[0]["relevant"] == ["a"]  # the frozen rows are not changed
    with pytest.raises(AdvisorError, match="u9"):
        with_pool(rows, [{"id": "u9", "relevant": ["x"]}])


def test_pool_lines_may_record_the_notices_judged_not_relevant():
    from advisor.errors import AdvisorError
    from advisor.evaluation.similar import judged, with_pool

    rows = [{"id": "u1", "text": "t", "relevant": ["a"], "judged_not_relevant": ["z"]}]
    pooled = with_pool(rows, [{"id": "u1", "relevant": ["b"], "judged_not_relevant": ["y", "z"]}])
    assert judged(pooled[0]) == ({"a", "b"}, {"z", "y"})
    assert rows[0]["judged_not_relevant"] == ["z"]
    with pytest.raises(AdvisorError, match="relevant list"):
        with_pool(rows, [{"id": "u1", "relevant": [], "judged_not_relevant": "y"}])
