"""The notice store: SQLite under settings.home / "doffin.sqlite", one merged row per distinct notice.

Tables
  records     one parsed Notice per (notice, source format, source file, version) — what each source said
  notices     one row per distinct notice, merged from its records (strongest format first, newest version first)
  aliases     every identity a notice is known by: doffin:<id>, eforms:<notice id>, synthetic:<hash>
  provenance  (notice, source format, file, id in that source, publication date, import time)
  files       one row per imported file (committed in the same transaction as its notices)

Identity rule: records that share any alias are the same notice. A Doffin id links the API JSON, the DFØ CSV, the
scraped CSV and the eForms XML (whose cbc:ID is the Doffin id for retro-converted notices; for native eForms
notices the Doffin id comes from the downloader or the file name). A new eForms version (same cbc:ID, higher
cbc:VersionID) is the same notice and wins over the older version. The same content again is a duplicate.

Each file is written in one transaction (BEGIN IMMEDIATE … COMMIT): a killed import loses at most the file in
progress and never leaves part of a file behind.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from advisor.config import Settings
from advisor.database import connect_wal
from advisor.doffin.models import CONTENT_FIELDS, MERGED_FIELDS, SOURCE_FORMATS, Notice, ParseResult
from advisor.errors import AdvisorError

SCHEMA_VERSION = 1
_LIST_FIELDS = ("cpv_codes", "tenders_received")


class StoreEmpty(AdvisorError):
    """No notices have been imported yet."""

    def __init__(self, db_path: str | Path):
        self.db_path = str(db_path)
        super().__init__(
            f"no Doffin notices in {self.db_path}: import first with `advisor stats import PATH …` "
            "(eForms XML, API JSON, DFØ CSV or scraped files) or `advisor stats fetch`"
        )


def store_path(settings: Settings) -> Path:
    """Where the notice store lives."""
    return settings.home / "doffin.sqlite"


@dataclass(frozen=True)
class FileOutcome:
    """What importing one file did: new notices, new sources for known notices, updates and duplicates."""

    imported: int
    merged: int
    updated: int
    duplicates: int


_NOTICE_COLUMNS = ", ".join(f"{name} {'INTEGER' if name in ('n_lots', 'is_innovative') else 'REAL' if name.endswith('_value') else 'TEXT'}" for name in MERGED_FIELDS)

_ASSIGNMENTS = ", ".join(f"{name} = ?" for name in MERGED_FIELDS)

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS derived (name TEXT PRIMARY KEY, version INTEGER NOT NULL, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS notices (
    notice_key TEXT PRIMARY KEY,
    {_NOTICE_COLUMNS},
    year INTEGER,
    formats TEXT NOT NULL DEFAULT '[]',
    n_records INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS records (
    record_id INTEGER PRIMARY KEY AUTOINCREMENT,
    notice_key TEXT NOT NULL REFERENCES notices(notice_key),
    source_format TEXT NOT NULL,
    source_file TEXT NOT NULL,
    source_id TEXT NOT NULL,
    version TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL,
    content_sha TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS records_one_per_source ON records(notice_key, source_format, source_file, version);
CREATE INDEX IF NOT EXISTS records_by_content ON records(notice_key, content_sha);
CREATE TABLE IF NOT EXISTS aliases (alias TEXT PRIMARY KEY, notice_key TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS aliases_by_notice ON aliases(notice_key);
CREATE TABLE IF NOT EXISTS provenance (
    notice_key TEXT NOT NULL,
    source_format TEXT NOT NULL,
    source_file TEXT NOT NULL,
    source_id TEXT NOT NULL,
    publication_date TEXT,
    imported_at TEXT NOT NULL,
    UNIQUE(notice_key, source_format, source_file, source_id)
);
CREATE TABLE IF NOT EXISTS files (
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    format TEXT NOT NULL,
    n_notices INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (path, sha256)
);
"""


class NoticeStore:
    """Open with `with NoticeStore(path) as store:`; every write of a file is one transaction."""

    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: we issue BEGIN/COMMIT ourselves so a file is exactly one transaction
        self._db = connect_wal(path, timeout=30, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA synchronous=FULL")
        with self._transaction():
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self._db.execute(statement)
            self._db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))

    def __enter__(self) -> NoticeStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # --- writing ---

    def add_file(self, path: Path, sha256: str, result: ParseResult) -> FileOutcome:
        """Store all notices of one parsed file in one transaction and rebuild the merged rows they touch.

        Notices none of whose aliases is known to the store or shared with another notice of the file (the bulk of
        a first import) are written in batches (executemany); the others go one by one through the merge rules.
        """
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._transaction():
            fresh, linked = self._split_fresh(result.notices)
            self._insert_fresh(fresh, path, now)
            imported, merged, updated, duplicates = self._add_linked(linked, path, now)
            self._db.execute(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)",
                (str(path), sha256, result.format, len(result.notices), now),
            )
            self._bump_version()
        return FileOutcome(imported=imported + len(fresh), merged=merged, updated=updated, duplicates=duplicates)

    def _split_fresh(self, notices: list[Notice]) -> tuple[list[Notice], list[Notice]]:
        """(notices new to the store and unlinked to the rest of the file, the others in file order)."""
        aliases = [notice.aliases() for notice in notices]
        seen: Counter[str] = Counter(alias for names in aliases for alias in set(names))
        everything = list(seen)
        known: set[str] = set()
        for start in range(0, len(everything), 500):
            part = everything[start : start + 500]
            marks = ", ".join("?" * len(part))
            known.update(r[0] for r in self._db.execute(f"SELECT alias FROM aliases WHERE alias IN ({marks})", part))  # noqa: S608
        fresh, linked = [], []
        for notice, names in zip(notices, aliases, strict=True):
            alone = names and all(seen[a] == 1 and a not in known for a in names)
            (fresh if alone else linked).append(notice)
        return fresh, linked

    def _insert_fresh(self, notices: list[Notice], path: Path, now: str) -> None:
        """Write notices that are new and unlinked: one record, one merged row, their aliases, their provenance."""
        notice_rows, record_rows, alias_rows, provenance_rows = [], [], [], []
        for notice in notices:
            key = notice.aliases()[0]
            data = notice.content()
            content = json.dumps(data, sort_keys=True, ensure_ascii=False)
            content_sha = hashlib.sha256(content.encode("utf-8")).hexdigest()
            notice_rows.append([key, *_merged_values([data], {notice.source_format}, 1)])
            record_rows.append((key, notice.source_format, str(path), notice.source_id, notice.eforms_version or "",
                                content, content_sha))
            alias_rows.extend((alias, key) for alias in notice.aliases())
            provenance_rows.append((key, notice.source_format, str(path), notice.source_id, notice.publication_date, now))
        marks = ", ".join("?" * (len(MERGED_FIELDS) + 4))
        self._db.executemany(
            f"INSERT INTO notices (notice_key, {', '.join(MERGED_FIELDS)}, year, formats, n_records) VALUES ({marks})",  # noqa: S608
            notice_rows,
        )
        self._db.executemany(
            "INSERT INTO records (notice_key, source_format, source_file, source_id, version, content, content_sha) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            record_rows,
        )
        self._db.executemany("INSERT OR IGNORE INTO aliases VALUES (?, ?)", alias_rows)
        self._db.executemany("INSERT OR IGNORE INTO provenance VALUES (?, ?, ?, ?, ?, ?)", provenance_rows)

    def _add_linked(self, notices: list[Notice], path: Path, now: str) -> tuple[int, int, int, int]:
        """Store notices one by one through the merge rules; (imported, merged, updated, duplicates)."""
        imported = merged = updated = duplicates = 0
        touched: set[str] = set()
        fresh: dict[str, tuple[dict[str, Any], str]] = {}  # new notices with one record so far in this file
        for notice in notices:
            key, is_new = self._resolve_key(notice)
            data = notice.content()
            content = json.dumps(data, sort_keys=True, ensure_ascii=False)
            content_sha = hashlib.sha256(content.encode("utf-8")).hexdigest()
            version = notice.eforms_version or ""
            same = self._db.execute(
                "SELECT 1 FROM records WHERE notice_key = ? AND content_sha = ?", (key, content_sha)
            ).fetchone()
            if same:
                duplicates += 1
            else:
                old = self._db.execute(
                    "SELECT record_id FROM records WHERE notice_key = ? AND source_format = ? AND source_file = ? "
                    "AND version = ?",
                    (key, notice.source_format, str(path), version),
                ).fetchone()
                if old:
                    self._db.execute("DELETE FROM records WHERE record_id = ?", (old["record_id"],))
                    updated += 1
                elif is_new:
                    imported += 1
                else:
                    merged += 1
                self._db.execute(
                    "INSERT INTO records (notice_key, source_format, source_file, source_id, version, content, "
                    "content_sha) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (key, notice.source_format, str(path), notice.source_id, version, content, content_sha),
                )
                if is_new and key not in touched:
                    fresh[key] = (data, notice.source_format)
                else:
                    fresh.pop(key, None)
                touched.add(key)
            self._db.execute(
                "INSERT OR IGNORE INTO provenance VALUES (?, ?, ?, ?, ?, ?)",
                (key, notice.source_format, str(path), notice.source_id, notice.publication_date, now),
            )
        for key in touched:
            self._rebuild(key, fresh.get(key))
        return imported, merged, updated, duplicates

    def _resolve_key(self, notice: Notice) -> tuple[str, bool]:
        """The notice key for a record (creating or merging notices by shared aliases); True if it is new."""
        aliases = notice.aliases()
        if not aliases:
            raise AdvisorError(f"notice from {notice.source_file} has no identity (no Doffin id, eForms id or hash)")
        keys: list[str] = []
        for alias in aliases:
            row = self._db.execute("SELECT notice_key FROM aliases WHERE alias = ?", (alias,)).fetchone()
            if row and row["notice_key"] not in keys:
                keys.append(row["notice_key"])
        is_new = not keys
        if is_new:
            key = aliases[0]
            self._db.execute("INSERT INTO notices (notice_key) VALUES (?)", (key,))
        else:
            key = keys[0]
            for other in keys[1:]:
                self._merge_notices(key, other)
        for alias in aliases:
            self._db.execute("INSERT OR IGNORE INTO aliases VALUES (?, ?)", (alias, key))
        return key, is_new

    def _merge_notices(self, keep: str, other: str) -> None:
        """Two stored notices turn out to be one (a record links their ids): move everything to `keep`."""
        self._db.execute("UPDATE OR IGNORE records SET notice_key = ? WHERE notice_key = ?", (keep, other))
        self._db.execute("DELETE FROM records WHERE notice_key = ?", (other,))
        self._db.execute("UPDATE OR IGNORE provenance SET notice_key = ? WHERE notice_key = ?", (keep, other))
        self._db.execute("DELETE FROM provenance WHERE notice_key = ?", (other,))
        self._db.execute("UPDATE aliases SET notice_key = ? WHERE notice_key = ?", (keep, other))
        self._db.execute("DELETE FROM notices WHERE notice_key = ?", (other,))
        self._rebuild(keep)

    def _rebuild(self, key: str, only: tuple[dict[str, Any], str] | None = None) -> None:
        """Recompute the merged notice row from its records: per field, the strongest source that states it.

        `only` = (content, format) of the notice's single record, when the caller knows it has just one (a new
        notice): the same merge without reading the record back and decoding its JSON.
        """
        rank = _FORMAT_RANK
        if only is not None:
            records, formats_found, n_records = [only[0]], {only[1]}, 1
        else:
            rows = self._db.execute(
                "SELECT record_id, source_format, version, content FROM records WHERE notice_key = ?", (key,)
            ).fetchall()

            def order(row: sqlite3.Row) -> tuple[int, int, int]:
                return (rank.get(row["source_format"], len(rank)), -_version_number(row["version"]), -row["record_id"])

            records = [json.loads(row["content"]) for row in sorted(rows, key=order)]
            formats_found, n_records = {row["source_format"] for row in rows}, len(rows)
        self._db.execute(
            f"UPDATE notices SET {_ASSIGNMENTS}, year = ?, formats = ?, n_records = ? WHERE notice_key = ?",
            [*_merged_values(records, formats_found, n_records), key],
        )

    def _bump_version(self) -> None:
        """Count one more write (inside the caller's transaction): derived values of older versions are stale."""
        self._db.execute(
            "INSERT INTO meta VALUES ('version', '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        )

    def put_derived(self, name: str, version: int, value: str) -> None:
        """Keep a value computed from the notices of `version` (e.g. the figures) until the store changes."""
        with self._transaction():
            if self.version() == version:  # an import may have committed meanwhile: then the value is already stale
                self._db.execute("INSERT OR REPLACE INTO derived VALUES (?, ?, ?)", (name, version, value))

    # --- reading ---

    def version(self) -> int:
        """How many files have been written to the store (0 when empty): changes with every import."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        return int(row[0]) if row else 0

    def derived(self, name: str, version: int) -> str | None:
        """The value kept by put_derived for this store version, or None when there is none or it is stale."""
        row = self._db.execute("SELECT value FROM derived WHERE name = ? AND version = ?", (name, version)).fetchone()
        return None if row is None else str(row[0])


    def count(self) -> int:
        """Number of distinct notices."""
        return int(self._db.execute("SELECT COUNT(*) FROM notices").fetchone()[0])

    def notices(self) -> list[dict[str, Any]]:
        """All merged notices as dicts (lists decoded, is_innovative as bool or None)."""
        out = []
        for row in self._db.execute("SELECT * FROM notices ORDER BY notice_key"):
            item = dict(row)
            for name in _LIST_FIELDS:
                item[name] = json.loads(item[name]) if item[name] else ([] if name == "cpv_codes" else None)
            item["formats"] = json.loads(item["formats"])
            if item["is_innovative"] is not None:
                item["is_innovative"] = bool(item["is_innovative"])
            out.append(item)
        return out

    def figure_rows(self, columns: tuple[str, ...]) -> list[dict[str, Any]]:
        """notice_key, formats and these merged columns of every notice, decoded as notices() decodes them;
        reading only what the figures use is several times faster than notices() at national scale."""
        known = set(self.notice_columns())
        wanted = [c for c in dict.fromkeys(("notice_key", "formats", *columns)) if c in known]
        if len(wanted) != len(set(columns) | {"notice_key", "formats"}):
            raise ValueError(f"unknown notice columns: {sorted(set(columns) - known)}")
        formats_of: dict[str, list[str]] = {}  # a few distinct values: decode each once (shared lists, read-only)
        out = []
        for row in self._db.execute(f"SELECT {', '.join(wanted)} FROM notices ORDER BY notice_key"):  # noqa: S608
            item = dict(zip(wanted, row, strict=True))
            for name in _LIST_FIELDS:
                if name in item:
                    item[name] = json.loads(item[name]) if item[name] else ([] if name == "cpv_codes" else None)
            text = item["formats"]
            item["formats"] = formats_of.get(text) or formats_of.setdefault(text, json.loads(text))
            if item.get("is_innovative") is not None:
                item["is_innovative"] = bool(item["is_innovative"])
            out.append(item)
        return out

    def provenance(self) -> list[dict[str, Any]]:
        """Every (notice, format, file, source id, publication date, import time) row."""
        return [dict(row) for row in self._db.execute("SELECT * FROM provenance ORDER BY notice_key, source_format")]

    def files(self) -> list[dict[str, Any]]:
        """Every imported file with its format and number of notices."""
        return [dict(row) for row in self._db.execute("SELECT * FROM files ORDER BY path")]

    def record_fields(self) -> list[str]:
        """Names of the fields kept per record (for checks that nothing else is stored)."""
        return list(CONTENT_FIELDS)

    def records(self) -> list[dict[str, Any]]:
        """Every stored record: what each source said about a notice (decoded), with its format and file."""
        rows = self._db.execute("SELECT notice_key, source_format, source_file, content FROM records ORDER BY record_id")
        return [
            {"notice_key": r["notice_key"], "source_format": r["source_format"], "source_file": r["source_file"],
             "content": json.loads(r["content"])}
            for r in rows
        ]

    def notice_columns(self) -> list[str]:
        """Column names of the merged notices table."""
        return [row[1] for row in self._db.execute("PRAGMA table_info(notices)")]

    def all_text(self) -> Iterator[str]:
        """Every text value in every table (used to prove that no contact data is stored)."""
        tables = [row[0] for row in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            for row in self._db.execute(f"SELECT * FROM {table}"):  # noqa: S608 (table names from sqlite_master)
                for value in row:
                    if isinstance(value, str):
                        yield value


_FORMAT_RANK = {name: i for i, name in enumerate(SOURCE_FORMATS)}


def _merged_values(records: list[dict[str, Any]], formats_found: set[str], n_records: int) -> list[Any]:
    """The merged row's values (MERGED_FIELDS, year, formats, n_records): per field, the first record stating it
    (records strongest first)."""
    merged: dict[str, Any] = {}
    for name in MERGED_FIELDS:
        merged[name] = next((r.get(name) for r in records if r.get(name) not in (None, [], "")), None)
    for name in _LIST_FIELDS:
        merged[name] = None if merged[name] is None else json.dumps(merged[name])
    if merged["is_innovative"] is not None:
        merged["is_innovative"] = int(bool(merged["is_innovative"]))
    date = merged.get("publication_date")
    formats = sorted(formats_found, key=lambda f: _FORMAT_RANK.get(f, len(_FORMAT_RANK)))
    return [merged[name] for name in MERGED_FIELDS] + [int(date[:4]) if date else None, json.dumps(formats), n_records]


def _version_number(version: str) -> int:
    """An eForms VersionID ("01", "2") as a number for ordering; 0 when it is not a plain ASCII number."""
    # str.isdigit() is also true for "²", which int() refuses; 18 digits keep it far below int()'s 4300-digit limit
    return int(version) if version.isascii() and version.isdigit() and len(version) <= 18 else 0


def open_store(settings: Settings) -> NoticeStore:
    """The notice store of these settings (created on first use)."""
    return NoticeStore(store_path(settings))


def file_sha256(data: bytes) -> str:
    """Hex SHA-256 of a file's bytes."""
    return hashlib.sha256(data).hexdigest()
