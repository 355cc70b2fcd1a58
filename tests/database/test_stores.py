"""The stores on both engines: the same tests on SQLite files (the default) and on a real PostgreSQL (no mocks).

The PostgreSQL runs from the Debian server binaries in a temporary folder (tests/pg_server.py); without them the
PostgreSQL half skips with the reason and the SQLite half still runs.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from paths import PROJECT_ROOT
from pg_server import PostgresServer, database_url, postgres_server  # noqa: F401 - fixtures

from advisor.config import Settings
from advisor.corpus import (
    SourceLabel,
    list_uploads,
    open_upload_store,
    relabel_upload,
    save_upload,
    sync_uploads,
)
from advisor.course import open_results
from advisor.database import Database, DatabaseUnavailable
from advisor.errors import BuildRunning, InvalidInput
from advisor.feedback import open_feedback
from advisor.search.registry import BuildRecord, DbRegistry


def _settings(home: Path, url: str | None) -> Settings:
    return Settings(home=home, index={"embedding_backend": "hash"}, database={"url": url})


@pytest.fixture
def db(database_url, tmp_path) -> Database:  # noqa: F811 - the fixture of that name
    """A Database on each engine."""
    if database_url is None:
        return Database("the test database", path=tmp_path / "shared.sqlite")
    return Database("the test database", url=database_url)


def test_feedback_round_trip_is_the_same_on_both_engines(database_url, tmp_path):  # noqa: F811
    store = open_feedback(_settings(tmp_path / "home", database_url))
    first = store.add("up", "Hva er markedsdialog?", "Et svar [1].", citations=["a#1"], grounded=True, comment="bra")
    second = store.add("down", "hva er  MARKEDSDIALOG?", "", grounded=None, page="sources")
    assert second > first
    store.update(second, rating="up", comment="likevel bra")
    got = store.get(second)
    assert (got.rating, got.comment, got.grounded, got.page, got.answer) == ("up", "likevel bra", None, "sources", "")
    assert store.get(first).citations == ["a#1"] and store.get(first).grounded is True
    assert store.counts() == {"up": 2, "down": 0}
    assert store.counts_by_question() == {"hva er markedsdialog?": {"up": 2, "down": 0}}
    rows = [json.loads(line) for line in store.export("jsonl").splitlines()]
    assert [r["id"] for r in rows] == [first, second]
    with pytest.raises(InvalidInput):
        store.update(999_999, rating="down")
    with pytest.raises(InvalidInput):
        store.add("sideways", "q", "a")
    # A second store on the same database (another replica on PostgreSQL; another process on SQLite) sees the rows.
    other = tmp_path / ("other" if database_url else "home")
    assert [e.id for e in open_feedback(_settings(other, database_url)).entries()] == [first, second]


def test_feedback_ids_stay_unique_under_concurrent_writers(database_url, tmp_path):  # noqa: F811
    settings = _settings(tmp_path / "home", database_url)
    store = open_feedback(settings)
    ids: list[int] = []
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for i in range(10):
                ids.append(open_feedback(settings).add("up", f"spørsmål {n}-{i}", "svar"))
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(ids) == len(set(ids)) == 60
    assert sorted(e.id for e in store.entries()) == sorted(ids)


def test_course_results_are_the_same_on_both_engines(database_url, tmp_path):  # noqa: F811
    store = open_results(_settings(tmp_path / "home", database_url))
    klass = store.create_class("Innkjøpskurs Bergen")
    kari, ola = store.join(klass.code, "Kari"), store.join(klass.code.lower(), "Ola")
    store.record(kari, "case:case-001", "case", False, {"regime": "del I"})
    store.record(kari, "case:case-001", "case", True, {"regime": "del III"})
    store.record(ola, "need:ex-001", "need", True, {"text": "Vi trenger færre fallulykker"})
    assert [c.code for c in store.classes()] == [klass.code]
    store.set_hide_answers(klass.code, True)
    assert store.get_class(klass.code).hide_answers is True
    summary = {row.name: row for row in store.summary(klass.code)}
    assert (summary["Kari"].attempts, summary["Kari"].correct, summary["Kari"].first_try_correct) == (2, 1, 0)
    assert (summary["Ola"].attempts, summary["Ola"].correct) == (1, 1)
    assert "Vi trenger færre fallulykker" in store.export_csv(klass.code)
    other = open_results(_settings(tmp_path / ("other" if database_url else "home"), database_url))
    assert other.participant(kari.token).name == "Kari"
    assert len(other.attempts(klass.code)) == 3
    store.delete_class(klass.code)
    assert other.attempts(klass.code) == [] and other.classes() == []
    with pytest.raises(InvalidInput):
        other.get_class(klass.code)


def test_migrations_run_once_and_refuse_a_newer_schema(db):
    calls = []
    steps = [lambda conn: calls.append(1), lambda conn: calls.append(2)]
    db.migrate("demo", steps[:1])
    assert db.schema_version("demo") == 1
    fresh = Database(db.name, url=db.engine.url.render_as_string(hide_password=False)) if db.is_postgres \
        else Database(db.name, path=db.path)
    from advisor import database as dbmod

    def forget() -> None:  # as a new process would start: nothing migrated yet in it
        dbmod._MIGRATED.difference_update({k for k in dbmod._MIGRATED if k[1] == "demo"})

    forget()
    fresh.migrate("demo", steps)
    assert calls == [1, 2] and fresh.schema_version("demo") == 2
    forget()
    with pytest.raises(Exception, match="newer than this version"):
        fresh.migrate("demo", steps[:1])


_START = """
import sys, time
from advisor.config import Settings
from advisor.corpus import open_upload_store
from advisor.course import open_results
from advisor.feedback import open_feedback
from advisor.search.registry import DbRegistry
from advisor.database import store_database
s = Settings(home=sys.argv[1], database={"url": sys.argv[2] or None})
time.sleep(max(0.0, float(sys.argv[3]) - time.time()))
open_feedback(s).add("up", "q", "a"); open_results(s).join("", "Kari")
if sys.argv[2]:
    open_upload_store(s).version()
    DbRegistry(store_database(s, "the build registry", s.home / "r.sqlite"), "base", "here").active()
print("ok")
"""


def test_replicas_starting_at_once_migrate_once(database_url, tmp_path):  # noqa: F811
    """Four processes start on an empty database at the same moment: every one starts, each table made once."""
    start = time.time() + 3.0
    url = database_url or ""
    home = tmp_path / "home"  # SQLite: one state folder, so the same files
    procs = [subprocess.Popen([sys.executable, "-c", _START, str(home if not url else tmp_path / f"h{i}"), url, str(start)],
                              cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for i in range(4)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err[-800:] for _, err in outs]
    settings = _settings(home, database_url)
    assert open_feedback(settings).counts()["up"] == 4
    assert len(open_results(settings).participants("")) == 4
    assert open_feedback(settings).db.schema_version("feedback") == 1


def test_uploads_made_on_one_replica_reach_the_other(database_url, tmp_path):  # noqa: F811
    if database_url is None:
        database_url = None  # SQLite default: the JSON store, one machine
        first = _settings(tmp_path / "a", None)
        path = save_upload("notat.md", b"# Notat\n\nOm markedsdialog.", first, SourceLabel("official_guidance"))
        assert open_upload_store(first).get(path.name).label.authority == "official_guidance"
        assert sync_uploads(first) == []  # nothing shared: the file is the upload
        return
    a, b = _settings(tmp_path / "a", database_url), _settings(tmp_path / "b", database_url)
    one = save_upload("notat.md", b"# Notat\n\nOm markedsdialog.", a, SourceLabel("official_guidance"))
    two = save_upload("notat.md", b"# Notat 2\n\nOm innovasjonspartnerskap.", b)
    assert (one.name, two.name) == ("notat.md", "notat-2.md")  # b saw a's name in the database
    assert [u.name for u in sorted(list_uploads(a), key=lambda u: u.name)] == ["notat-2.md", "notat.md"]
    assert (a.uploads_dir / "notat-2.md").read_bytes() == b"# Notat 2\n\nOm innovasjonspartnerskap."
    before = open_upload_store(b).version()
    relabel_upload("notat-2.md", SourceLabel("regulation"), a)
    assert open_upload_store(b).get("notat-2.md").label.authority == "regulation"
    assert open_upload_store(b).version() != before


def test_two_replicas_uploading_the_same_name_at_once_keep_both(postgres_server, tmp_path):  # noqa: F811
    url = postgres_server.new_database()
    homes = [_settings(tmp_path / f"r{i}", url) for i in range(4)]
    open_upload_store(homes[0])  # the tables exist before the race
    names: list[str] = []
    errors: list[BaseException] = []

    def upload(s: Settings, n: int) -> None:
        try:
            names.append(save_upload("likt.md", f"# Likt {n}\n\nTekst {n}.".encode(), s).name)
        except BaseException as exc:  # noqa: BLE001 - asserted below
            errors.append(exc)

    threads = [threading.Thread(target=upload, args=(s, n)) for n, s in enumerate(homes)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and sorted(names) == ["likt-2.md", "likt-3.md", "likt-4.md", "likt.md"]
    stored = open_upload_store(homes[0]).all()
    assert set(stored) == set(names)
    for name in names:  # every replica, after a sync, has the bytes the database has for that name
        sync_uploads(homes[1])
        assert (homes[1].uploads_dir / name).read_bytes() == open_upload_store(homes[1]).content(name)


def _record(build: str, ts: float) -> BuildRecord:
    return BuildRecord(build=build, collection=f"base-{build}", fingerprint="f", documents=1, chunks=2, created_ts=ts)


def test_the_database_registry_keeps_one_active_build_and_one_builder(db):
    a, b = DbRegistry(db, "base", "chroma"), DbRegistry(db, "base", "chroma")
    assert a.active() == (None, "")
    first, second = _record("b1", 1.0), _record("b2", 2.0)
    a.mark_complete(first)
    a.activate(first)
    assert b.active()[0] == first
    a.mark_complete(second)
    assert b.active()[0] == first  # complete is not active
    a.activate(second)
    assert b.active()[0] == second and [r.build for r in b.complete_builds()] == ["b2", "b1"]
    b.forget("b1")
    assert [r.build for r in a.complete_builds()] == ["b2"]
    assert DbRegistry(db, "other-base", "chroma").active() == (None, "")
    with a.builder_lock(0):
        with pytest.raises(BuildRunning, match="already running"):
            with b.builder_lock(0.3):
                pass
    with b.builder_lock(0):  # released
        pass


def test_a_failed_build_never_becomes_active(db):
    registry = DbRegistry(db, "base", "chroma")
    good = _record("good", 1.0)
    registry.mark_complete(good)
    registry.activate(good)
    with pytest.raises(RuntimeError):
        with registry.builder_lock(0):
            raise RuntimeError("the build failed half-way")
    assert registry.active()[0] == good
    with registry.builder_lock(0):  # the failed builder's lock is free again
        pass


def test_a_stopped_postgres_gives_a_clear_error_and_nothing_committed_is_lost(tmp_path):
    server = PostgresServer.start()  # its own server: this test stops it
    try:
        settings = _settings(tmp_path / "home", server.new_database())
        store = open_feedback(settings)
        kept = store.add("up", "Før omstart?", "svar")
        server.down("fast")
        with pytest.raises(DatabaseUnavailable, match=r"postgresql://advisor@127\.0\.0\.1:\d+/t_\w+ is not available"):
            store.add("up", "Under omstart?", "svar")
        with pytest.raises(DatabaseUnavailable):
            open_results(settings).classes()
        server.up()
        assert [e.question for e in store.entries()] == ["Før omstart?"] and store.get(kept).rating == "up"
        store.add("down", "Etter omstart?", "svar")
        assert store.counts() == {"up": 1, "down": 1}
    finally:
        server.cleanup()


def test_the_password_never_appears_in_messages(postgres_server):  # noqa: F811
    from advisor.database import shown_url

    assert shown_url("postgresql://advisor:hemmelig-passord@db:5432/advisor") == "postgresql://advisor:***@db:5432/advisor"
    s = Settings(database={"url": "postgresql://advisor:hemmelig-passord@db:5432/advisor"})
    assert "hemmelig" not in s.model_dump_json() and "hemmelig" not in repr(s)


def test_the_app_sees_a_new_active_build_within_the_poll_interval(postgres_server, tmp_path):  # noqa: F811
    """advisor.ui.context keys its cached index by the shared registry's active build, asked every ACTIVE_POLL_S."""
    from advisor.database import store_database
    from advisor.search import open_registry
    from advisor.ui import context

    settings = Settings(home=tmp_path / "home", index={"embedding_backend": "hash", "chroma_url": "http://127.0.0.1:9"},
                        database={"url": postgres_server.new_database()})
    registry = open_registry(settings)
    assert isinstance(registry, DbRegistry)
    first, second = _record("b1", 1.0), _record("b2", 2.0)
    registry.mark_complete(first)
    registry.activate(first)
    context._active_build.clear()
    key = context._index_key(settings)
    assert key.endswith("|b1") and "chroma_url" in key
    other = DbRegistry(store_database(settings, "the build registry", tmp_path / "unused.sqlite"), registry.base, "x")
    other.mark_complete(second)
    other.activate(second)  # another replica swapped in a new build
    deadline = time.monotonic() + context.ACTIVE_POLL_S + 2
    while context._index_key(settings) == key:
        assert time.monotonic() < deadline, "the new build was not seen within the poll interval"
        time.sleep(0.2)
    assert context._index_key(settings).endswith("|b2")
