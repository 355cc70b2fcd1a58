"""The frozen unseen notice sets are never edited or tuned on: their checksums were taken when they were committed."""

import hashlib
import json
from pathlib import Path

import pytest

from advisor.evaluation.assess import NOTICE_FILES

EVALS = Path(__file__).resolve().parents[2] / "evals"

# unseen: committed in 04cf734 (issue 16, round one); unseen2: written and measured before round three's changes.
FROZEN = {
    "assessment_notices_unseen.jsonl": "e5e5545cd4a64177e6e70ff7f0c020e367596eda16f535b63ff65e5b9ff69e6d",
    "assessment_notices_unseen2.jsonl": "23e8181ce54f7de1a7889cbde15c1bed168bdb5bafb0cb975bbddab7a95e33f3",
}


def _ids(name: str) -> set[str]:
    rows = [json.loads(line) for line in (EVALS / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    return {row["id"] for row in rows}


@pytest.mark.parametrize("name", sorted(FROZEN))
def test_frozen_set_is_unchanged(name):
    assert hashlib.sha256((EVALS / name).read_bytes()).hexdigest() == FROZEN[name]


def test_frozen_sets_are_scored_and_share_no_notice_with_the_seen_set():
    assert set(FROZEN) <= set(NOTICE_FILES.values())
    seen, unseen, unseen2 = (_ids(NOTICE_FILES[name]) for name in ("seen", "unseen", "unseen2"))
    assert len(unseen2) >= 20
    assert not seen & unseen and not seen & unseen2 and not unseen & unseen2


def test_the_dev2_set_shares_no_notice_with_the_other_sets():
    dev2 = _ids(NOTICE_FILES["dev2"])
    assert len(dev2) >= 25
    for name in ("seen", "unseen", "unseen2"):
        assert not dev2 & _ids(NOTICE_FILES[name]), name
