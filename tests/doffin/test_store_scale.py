"""The national-scale paths of the notice store give the same results as the plain ones: batched inserts of new
notices, the figures read with only their columns, and the figures kept per store version."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from paths import PROJECT_ROOT

from advisor.config import Settings
from advisor.doffin import import_snapshot, notice_stats
from advisor.doffin.figures import compute_figures
from advisor.doffin.models import ParseResult
from advisor.doffin.snapshot import notice_from_row, read_rows
from advisor.doffin.store import NoticeStore, open_store

SHIPPED = PROJECT_ROOT / "corpus" / "doffin"
AS_OF = date(2026, 1, 1)


def _settings(home: Path) -> Settings:
    return Settings().model_copy(update={"home": home})


def _dump(store: NoticeStore) -> tuple[list, list, list, list]:
    # record ids follow the order of writing (new notices in a batch first), so records are compared as a set
    records = sorted(json.dumps([r["notice_key"], r["source_format"], r["content"]]) for r in store.records())
    aliases = store.aliases()
    provenance = [{k: v for k, v in p.items() if k != "imported_at"} for p in store.provenance()]
    return store.notices(), records, [tuple(a) for a in aliases], provenance


def test_batched_import_stores_exactly_what_the_one_by_one_import_stores(tmp_path, monkeypatch):
    rows, _ = read_rows(SHIPPED)
    path = tmp_path / "notices.jsonl"
    notices = [notice_from_row(r, path) for r in rows[:400]]
    notices += [notice_from_row(r, path) for r in rows[:5]]  # the same notices again in the file: linked, duplicates
    result = ParseResult(format="snapshot", notices=notices)
    with NoticeStore(tmp_path / "batched.sqlite") as store:
        batched = store.add_file(path, "0" * 64, result)
        batched_rows = _dump(store)
    monkeypatch.setattr(NoticeStore, "_split_fresh", lambda self, conn, found: ([], list(found)))
    with NoticeStore(tmp_path / "single.sqlite") as store:
        single = store.add_file(path, "0" * 64, result)
        single_rows = _dump(store)
    assert batched == single
    assert batched.imported == 400 and batched.duplicates == 5
    assert batched_rows == single_rows


def test_a_second_file_with_known_notices_counts_them_as_duplicates(tmp_path):
    rows, _ = read_rows(SHIPPED)
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    with NoticeStore(tmp_path / "s.sqlite") as store:
        store.add_file(first, "1" * 64, ParseResult("snapshot", [notice_from_row(r, first) for r in rows[:50]]))
        outcome = store.add_file(second, "2" * 64, ParseResult("snapshot", [notice_from_row(r, second) for r in rows[40:60]]))
        assert (outcome.imported, outcome.merged, outcome.duplicates) == (10, 0, 10)  # same content = duplicate
        assert store.count() == 60
        assert store.version() == 2


def test_figures_read_fast_and_kept_per_version_equal_the_figures_of_all_columns(tmp_path):
    settings = _settings(tmp_path)
    import_snapshot(settings)
    with open_store(settings) as store:
        assert store.version() == 1
        plain = compute_figures(store.notices(), store.provenance(), as_of=AS_OF, store=str(store.path))
    first = notice_stats(settings, as_of=AS_OF)  # computed and kept
    again = notice_stats(settings, as_of=AS_OF)  # read from the store
    as_text = lambda value: json.dumps(value, ensure_ascii=False, default=str)  # noqa: E731 (order matters too)
    assert as_text(first) == as_text(plain) == as_text(again)
    assert notice_stats(settings, as_of=date(2026, 1, 2))["as_of"] == "2026-01-02"  # another day: not the kept one


def test_kept_figures_are_replaced_after_an_import(tmp_path):
    settings = _settings(tmp_path)
    rows, _ = read_rows(SHIPPED)
    path = tmp_path / "part.jsonl"
    with open_store(settings) as store:
        store.add_file(path, "1" * 64, ParseResult("snapshot", [notice_from_row(r, path) for r in rows[:100]]))
    assert notice_stats(settings, as_of=AS_OF)["coverage"]["n_notices"] == 100
    with open_store(settings) as store:
        store.add_file(path, "2" * 64, ParseResult("snapshot", [notice_from_row(r, path) for r in rows[100:250]]))
    assert notice_stats(settings, as_of=AS_OF)["coverage"]["n_notices"] == 250


def test_figure_rows_refuses_unknown_columns(tmp_path):
    with NoticeStore(tmp_path / "s.sqlite") as store, pytest.raises(ValueError, match="unknown notice columns"):
        store.figure_rows(("no_such_column",))


def test_the_notice_index_is_read_back_from_the_cache_folder_until_the_store_changes(tmp_path, monkeypatch):
    from advisor.doffin import similar

    settings = _settings(tmp_path)
    rows, _ = read_rows(SHIPPED)
    path = tmp_path / "part.jsonl"
    with open_store(settings) as store:
        store.add_file(path, "1" * 64, ParseResult("snapshot", [notice_from_row(r, path) for r in rows[:300]]))
    built = similar.notice_index(settings)
    assert (settings.cache_dir / similar.INDEX_FILE).exists()
    similar._CACHE.clear()

    def no_build(*args, **kwargs):
        raise AssertionError("built again")

    monkeypatch.setattr(similar.NoticeIndex, "build", no_build)
    read = similar.notice_index(settings)
    assert read is not built and read.texts == built.texts and len(read) == 300
    query = rows[7]["title"]
    assert read.lexical.search(query, 5) == built.lexical.search(query, 5)
    with open_store(settings) as store:
        store.add_file(path, "2" * 64, ParseResult("snapshot", [notice_from_row(r, path) for r in rows[300:320]]))
    similar._CACHE.clear()
    with pytest.raises(AssertionError, match="built again"):
        similar.notice_index(settings)  # another store version: the cached file is not used
