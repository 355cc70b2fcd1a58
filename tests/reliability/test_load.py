"""The bounded load test of benchmarks/load.py, short: 20 simulated users asking, following up and giving feedback
through the app's own functions while an admin uploads a note and re-indexes. Zero errors, every feedback row
written is stored, and the re-index finished while users were asking. (The full 60 s run with the real model is a benchmark.)"""

from __future__ import annotations

import sys

from paths import PROJECT_ROOT

from advisor.config import Settings

sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))
from load import run_load  # noqa: E402 (benchmarks is not a package)


def test_twenty_users_and_an_admin_reindex_give_no_errors_and_lose_no_feedback(tmp_path, capsys):
    result = run_load(Settings(home=tmp_path / "home", index={"embedding_backend": "hash"}), users=20, seconds=8)
    assert result.errors == []
    assert result.reindexed, "the admin re-index must have happened while the users were asking"
    assert len(result.latencies["ask"]) >= 20, "every user must have asked at least once"
    assert result.feedback_written > 0 and result.feedback_stored == result.feedback_written
    assert "re-index during load" in capsys.readouterr().out
