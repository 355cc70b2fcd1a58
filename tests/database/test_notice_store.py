"""The Doffin notice store on both engines: its own SQLite file (the default) and the shared PostgreSQL of
ADVISOR_DATABASE_URL (a real server from the Debian binaries, tests/pg_server.py; that half skips without them).

The SQLite store is the reference: the same files imported into PostgreSQL must give the same notices, records,
aliases, provenance, figures and similar-notice ranking, and two replicas importing at once must store each notice
once.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from paths import PROJECT_ROOT
from pg_server import database_url, postgres_server  # noqa: F401 - fixtures

from advisor.config import Settings
from advisor.database import DatabaseUnavailable
from advisor.doffin import import_paths, import_snapshot, notice_stats, similar_notices
from advisor.doffin.store import TABLES, NoticeStore, open_store, store_exists, store_where

DATA = PROJECT_ROOT / "tests" / "data" / "doffin"
FOLDERS = [DATA / name for name in ("eforms", "eforms_v02", "api", "dfo", "scraped")]
SNAPSHOT = PROJECT_ROOT / "corpus" / "doffin"


def _import_all(settings: Settings) -> int:
    """The fixture files of every format, then the shipped snapshot (3 000+ notices, some of them the same)."""
    import_paths([str(f) for f in FOLDERS], settings)
    import_snapshot(settings, SNAPSHOT)
    with open_store(settings) as store:
        return store.count()


def _settings(home: Path, url: str | None) -> Settings:
    return Settings(home=home, index={"embedding_backend": "hash"}, database={"url": url})


def _content(store: NoticeStore) -> dict[str, Any]:
    """Everything stored except import times and the absolute paths of the files, comparable with ==."""
    def plain(rows: list[dict[str, Any]]) -> list[str]:
        return sorted(json.dumps({k: v for k, v in r.items() if k != "imported_at"}, sort_keys=True, default=str)
                      for r in rows)

    return {
        "notices": store.notices(),
        "records": plain(store.records()),
        "aliases": store.aliases(),
        "provenance": plain(store.provenance()),
        "files": plain(store.files()),
        "version": store.version(),
    }


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> dict[str, Any]:
    """The fixture folders imported into a SQLite store: what every engine must hold after the same import."""
    settings = _settings(tmp_path_factory.mktemp("reference"), None)
    _import_all(settings)
    with open_store(settings) as store:
        return _content(store)


def test_the_notice_store_holds_the_same_on_both_engines(database_url, tmp_path, reference):  # noqa: F811
    settings = _settings(tmp_path / "home", database_url)
    assert _import_all(settings) == len(reference["notices"]) > 3000
    with open_store(settings) as store:
        got = _content(store)
        assert store.db.dialect == ("postgresql" if database_url else "sqlite")
    assert got == reference
    # The same files again change nothing but the version (every file is read and found to be a duplicate).
    assert _import_all(settings) == len(reference["notices"])
    with open_store(settings) as store:
        assert {k: v for k, v in _content(store).items() if k != "version"} == {
            k: v for k, v in reference.items() if k != "version"}
    if database_url:  # nothing was written to a file in the state folder
        assert not (tmp_path / "home" / "doffin.sqlite").exists()
        assert store_exists(settings) and "@" in store_where(settings)


def test_figures_and_similar_notices_are_the_same_on_postgres(postgres_server, tmp_path):  # noqa: F811
    local, shared = _settings(tmp_path / "local", None), _settings(tmp_path / "shared", postgres_server.new_database())
    for settings in (local, shared):
        _import_all(settings)
    figures_local, figures_shared = notice_stats(local), notice_stats(shared)
    assert figures_shared.pop("store").startswith("postgresql://")
    figures_local.pop("store")
    assert figures_shared == figures_local
    for text in ("skannere for tollkontroll", "renhold av kommunale bygg", "IT-driftstjenester"):
        ranked = [[(h.notice_id, round(h.score, 6)) for h in similar_notices(text, s, k=8)] for s in (local, shared)]
        assert ranked[0] == ranked[1], text


def test_another_replicas_import_reaches_the_similar_search(postgres_server, tmp_path):  # noqa: F811
    url = postgres_server.new_database()
    a, b = _settings(tmp_path / "a", url), _settings(tmp_path / "b", url)
    import_paths([str(DATA / "api")], a)
    before = {h.notice_id for h in similar_notices("tjenester", b, k=200)}
    import_paths([str(DATA / "dfo")], a)  # replica a imports; b's cached index must notice the new store version
    after = {h.notice_id for h in similar_notices("tjenester", b, k=200)}
    assert before < after


_IMPORT = """
import sys, time
from pathlib import Path
from advisor.config import Settings
from advisor.doffin import import_paths, import_snapshot, is_snapshot_dir
home, url, start, *folders = sys.argv[1:]
settings = Settings(home=Path(home), index={"embedding_backend": "hash"}, database={"url": url})
time.sleep(max(0.0, float(start) - time.time()))
for folder in folders:  # one at a time, as `advisor stats import` does with a snapshot folder among the paths
    import_snapshot(settings, Path(folder)) if is_snapshot_dir(folder) else import_paths([folder], settings)
"""


def test_two_replicas_importing_at_once_store_each_notice_once(postgres_server, tmp_path, reference):  # noqa: F811
    url = postgres_server.new_database()
    open_store(_settings(tmp_path / "setup", url)).close()  # the tables exist before the race (not required)
    start = time.time() + 3.0
    files = [*map(str, FOLDERS), str(SNAPSHOT)]
    halves = [files, files[::-1]]  # the same files, opposite order
    procs = [subprocess.Popen([sys.executable, "-c", _IMPORT, str(tmp_path / f"r{i}"), url, str(start), *halves[i]],
                              cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for i in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err[-800:] for _, err in outs]
    with open_store(_settings(tmp_path / "check", url)) as store:
        got = _content(store)
    # Which record's key and fields win depends on the order the files came in (the newest record of a format wins),
    # so the check is that each notice is stored once: the same notices, grouped from the same identities.
    assert len(got["notices"]) == len(reference["notices"])
    assert _groups(got["aliases"]) == _groups(reference["aliases"])
    ids = [n["doffin_id"] for n in got["notices"] if n["doffin_id"]]
    assert len(ids) == len(set(ids))
    assert len(got["provenance"]) == len(reference["provenance"])


def _groups(aliases: list[tuple[str, str]]) -> set[frozenset[str]]:
    """The aliases grouped by the notice they name: the identity partition, whatever key each notice got."""
    by_key: dict[str, set[str]] = {}
    for alias, key in aliases:
        by_key.setdefault(key, set()).add(alias)
    return {frozenset(names) for names in by_key.values()}


def test_a_store_file_of_the_earlier_schema_is_renamed_in_place(tmp_path, reference):
    settings = _settings(tmp_path / "home", None)
    _import_all(settings)
    path = tmp_path / "home" / "doffin.sqlite"
    with closing(sqlite3.connect(path)) as conn, conn:  # back to the layout of the version before this one
        for table in TABLES:
            conn.execute(f"ALTER TABLE {table} RENAME TO {table.removeprefix('doffin_')}")
        conn.execute("DROP TABLE advisor_schema")
        conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    from advisor.database import _MIGRATED, _MIGRATED_LOCK

    with _MIGRATED_LOCK:
        _MIGRATED.clear()  # this process migrated the file before; a new process would not remember
    with open_store(settings) as store:
        assert _content(store) == reference
    with closing(sqlite3.connect(path)) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert set(TABLES) <= names and "notices" not in names


def test_a_stopped_postgres_gives_a_clear_error_and_the_committed_notices_stay(postgres_server, tmp_path):  # noqa: F811
    url = postgres_server.new_database()
    settings = _settings(tmp_path / "home", url)
    import_paths([str(DATA / "api")], settings)
    with open_store(settings) as store:
        count = store.count()
    postgres_server.down()
    try:
        with pytest.raises(DatabaseUnavailable) as caught:
            with open_store(settings) as store:
                store.count()
        assert "ADVISOR_DATABASE_URL" in str(caught.value) and "password" not in str(caught.value).lower()
    finally:
        postgres_server.up()
    with open_store(settings) as store:
        assert store.count() == count
