"""The frozen unseen retrieval set: unchanged since it was committed, distinct from the seen set, every gold phrase
present in its document (checked without retrieving anything)."""

from __future__ import annotations

import hashlib
import json

from paths import PROJECT_ROOT

from advisor.evaluation.retrieval import SEEN_FILE, UNSEEN_FILE

EVALS = PROJECT_ROOT / "evals"
# Written and committed before the reranker (issue 15, wave 3) was built or tuned; never edited since.
UNSEEN_SHA256 = "6caeb334f250e584daa73d097f2c433ea8985b2d210646871d5697ffea2fac07"


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (EVALS / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_unseen_set_is_frozen():
    assert hashlib.sha256((EVALS / UNSEEN_FILE).read_bytes()).hexdigest() == UNSEEN_SHA256


def test_the_unseen_set_is_large_enough_and_shares_no_question_with_the_seen_set():
    seen, unseen = _rows(SEEN_FILE), _rows(UNSEEN_FILE)
    assert len(unseen) >= 40
    assert len({r["id"] for r in seen + unseen}) == len(seen) + len(unseen)
    assert not {r["q"] for r in seen} & {r["q"] for r in unseen}
    assert {r["lang"] for r in unseen} >= {"nb", "nn", "en"}
