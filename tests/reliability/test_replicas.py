"""Two app replicas (two processes, own state folders) on one real PostgreSQL and one real Chroma server.

40 simulated sessions spread over both ask, give feedback and check course answers while an admin on replica 0
uploads a note and re-indexes (benchmarks/replicas.py does the work; this checks its outcome). Then the faults:
PostgreSQL restarted mid-run, the Chroma server stopped for a few seconds. Skips with the reason when the
PostgreSQL server binaries or the chroma CLI are absent.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from chroma_server import chroma  # noqa: F401 - fixture
from paths import PROJECT_ROOT
from pg_server import PostgresServer, postgres_server  # noqa: F401 - fixture

sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))
from replicas import ACTIVE_POLL_S, UPLOAD_NAME, report, run_replicas  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.server]


def _errors_inside(run, margin_s: float = 3.0) -> list:
    began, ended = run.fault_window
    return [e for e in run.errors if not began - 0.5 <= e[1] <= ended + margin_s]


def test_forty_sessions_on_two_replicas_while_an_admin_reindexes(postgres_server, chroma, tmp_path, capsys):  # noqa: F811
    run = run_replicas(postgres_server.new_database(), chroma, tmp_path / "run", replicas=2, sessions=40,
                       seconds=25, admin_at=6)
    print(report(run))
    assert run.errors == []
    assert run.served == 40
    assert run.feedback_written > 40 and run.feedback_found_once == run.feedback_written
    assert run.attempts_written > 40 and run.attempts_found_once == run.attempts_written
    assert run.admin and run.admin["upload"] == UPLOAD_NAME
    # The other replica switched to the admin's build by itself, within the poll interval (plus opening it).
    assert run.visible_after_s is not None and run.visible_after_s < ACTIVE_POLL_S + 8
    assert run.probe and run.probe["build"] == run.admin["build"]
    # The note is in the other replica's index and its words find it first. (Whether the fused ranking also puts it
    # in the top 5 depends on Chroma's approximate neighbours under load with the test embedder: usually, not always.)
    assert run.probe["in_index"] and run.probe["lexical_first"], run.probe


def test_a_postgres_restart_fails_requests_clearly_and_loses_nothing_committed(chroma, tmp_path):  # noqa: F811
    pg = PostgresServer.start()  # its own server: this test restarts it
    try:
        run = run_replicas(pg.new_database(), chroma, tmp_path / "run", replicas=2, sessions=20, seconds=20,
                           fault="postgres", pg=pg)
    finally:
        pg.cleanup()
    print(report(run))
    assert run.fault_window is not None
    assert run.errors, "the restart must have been noticed by some request"
    assert all(e[3].startswith("DatabaseUnavailable: the database postgresql://") for e in run.errors), run.errors[:5]
    assert _errors_inside(run) == []
    assert not [e for e in run.errors if e[2] == "ask"], "asks need no database: they go on from the build in use"
    # Everything a session was told was saved is there once; and the sessions went on after the restart.
    assert run.feedback_found_once == run.feedback_written and run.attempts_found_once == run.attempts_written
    assert run.ok_after(run.fault_window[1] + 1.0) > 50


def test_a_stopped_chroma_server_fails_asks_clearly_and_answers_resume(postgres_server, chroma, tmp_path):  # noqa: F811
    run = run_replicas(postgres_server.new_database(), chroma, tmp_path / "run", replicas=2, sessions=20, seconds=20,
                       fault="chroma")
    print(report(run))
    assert run.errors, "the outage must have been noticed by some ask"
    assert all(e[2] == "ask" and e[3].startswith("ServerUnavailable: the Chroma server at http://127.0.0.1:")
               for e in run.errors), run.errors[:5]
    assert _errors_inside(run) == []
    assert run.feedback_found_once == run.feedback_written and run.attempts_found_once == run.attempts_written
    assert run.ok_after(run.fault_window[1] + 1.0) > 50
    assert Path(chroma.path).is_dir()
