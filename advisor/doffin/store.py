"""The notice store: one merged row per distinct notice, in its own SQLite file (settings.home / "doffin.sqlite") or
in the PostgreSQL of ADVISOR_DATABASE_URL that several app replicas share.

Tables
  doffin_records     one parsed Notice per (notice, source format, source file, version) — what each source said
  doffin_notices     one row per distinct notice, merged from its records (strongest format first, newest version
                     first)
  doffin_aliases     every identity a notice is known by: doffin:<id>, eforms:<notice id>, synthetic:<hash>
  doffin_provenance  (notice, source format, file, id in that source, publication date, import time)
  doffin_files       one row per imported file (committed in the same transaction as its notices)
  doffin_meta        the store version (bumped by every imported file); doffin_derived: values kept per version

Identity rule: records that share any alias are the same notice. A Doffin id links the API JSON, the DFØ CSV, the
scraped CSV and the eForms XML (whose cbc:ID is the Doffin id for retro-converted notices; for native eForms
notices the Doffin id comes from the downloader or the file name). A new eForms version (same cbc:ID, higher
cbc:VersionID) is the same notice and wins over the older version. The same content again is a duplicate.

Each file is written in one transaction (BEGIN IMMEDIATE on SQLite; on PostgreSQL a transaction-scoped advisory
lock, so two replicas importing at once take turns): a killed import loses at most the file in progress and never
leaves part of a file behind. The schema is migrated on opening (advisor.database.Database.migrate); a store file of
an earlier version, with the tables unprefixed, is renamed in place.

The SQL is written once with `?` placeholders and portable statements (INSERT … ON CONFLICT); on PostgreSQL the
placeholders become psycopg's `%s`. It goes to the driver as it is (exec_driver_sql): a first import writes
thousands of rows per second and SQLAlchemy's parameter handling would halve that.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from advisor.config import Settings
from advisor.database import Database, lock_key, shared_url, shown_url, store_database
from advisor.doffin.models import CONTENT_FIELDS, MERGED_FIELDS, SOURCE_FORMATS, Notice, ParseResult
from advisor.errors import AdvisorError

_LIST_FIELDS = ("cpv_codes", "tenders_received")
TABLES = ("doffin_meta", "doffin_derived", "doffin_notices", "doffin_records", "doffin_aliases", "doffin_provenance",
          "doffin_files")
NOTICE_COLUMNS: tuple[str, ...] = ("notice_key", *MERGED_FIELDS, "year", "formats", "n_records")


class StoreEmpty(AdvisorError):
    """No notices have been imported yet."""

    def __init__(self, where: str | Path):
        self.db_path = str(where)
        super().__init__(
            f"no Doffin notices in {self.db_path}: import first with `advisor stats import PATH …` "
            "(eForms XML, API JSON, DFØ CSV or scraped files) or `advisor stats fetch`"
        )


def store_path(settings: Settings) -> Path:
    """Where the notice store's SQLite file lives (when no shared database is configured)."""
    return settings.home / "doffin.sqlite"


def uses_shared_database(settings: Settings) -> bool:
    """True when the notices live in the PostgreSQL of ADVISOR_DATABASE_URL rather than a file of their own."""
    return shared_url(settings) is not None


def store_where(settings: Settings) -> str:
    """The store's file or database address (password hidden), for messages."""
    url = shared_url(settings)
    return shown_url(url) if url is not None else str(store_path(settings))


def store_exists(settings: Settings) -> bool:
    """False when nothing can have been imported yet (no store file); a shared database is always there."""
    return uses_shared_database(settings) or store_path(settings).exists()


@dataclass(frozen=True)
class FileOutcome:
    """What importing one file did: new notices, new sources for known notices, updates and duplicates."""

    imported: int
    merged: int
    updated: int
    duplicates: int


def _column_type(name: str) -> str:
    if name in ("n_lots", "is_innovative"):
        return "INTEGER"
    return "DOUBLE PRECISION" if name.endswith("_value") else "TEXT"


_ASSIGNMENTS = ", ".join(f"{name} = ?" for name in MERGED_FIELDS)


def _create_tables(conn: Any) -> None:
    """Migration 1: the tables (renamed from an earlier version's unprefixed tables in a store file of that age)."""
    postgres = conn.dialect.name == "postgresql"
    if not postgres:
        old = {row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "notices" in old and "doffin_notices" not in old:
            for table in TABLES:
                if table.removeprefix("doffin_") in old:
                    conn.exec_driver_sql(f"ALTER TABLE {table.removeprefix('doffin_')} RENAME TO {table}")
            conn.exec_driver_sql("DELETE FROM doffin_meta WHERE key = 'schema_version'")
    record_id = "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" if postgres else "INTEGER PRIMARY KEY AUTOINCREMENT"
    columns = ",\n    ".join(f"{name} {_column_type(name)}" for name in MERGED_FIELDS)
    for statement in (
        "CREATE TABLE IF NOT EXISTS doffin_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS doffin_derived (name TEXT PRIMARY KEY, version INTEGER NOT NULL, value TEXT NOT NULL)",
        f"""CREATE TABLE IF NOT EXISTS doffin_notices (
    notice_key TEXT PRIMARY KEY,
    {columns},
    year INTEGER,
    formats TEXT NOT NULL DEFAULT '[]',
    n_records INTEGER NOT NULL DEFAULT 0
)""",
        f"""CREATE TABLE IF NOT EXISTS doffin_records (
    record_id {record_id},
    notice_key TEXT NOT NULL REFERENCES doffin_notices(notice_key),
    source_format TEXT NOT NULL,
    source_file TEXT NOT NULL,
    source_id TEXT NOT NULL,
    version TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL,
    content_sha TEXT NOT NULL
)""",
        "CREATE UNIQUE INDEX IF NOT EXISTS doffin_records_one_per_source "
        "ON doffin_records(notice_key, source_format, source_file, version)",
        "CREATE INDEX IF NOT EXISTS doffin_records_by_content ON doffin_records(notice_key, content_sha)",
        "CREATE TABLE IF NOT EXISTS doffin_aliases (alias TEXT PRIMARY KEY, notice_key TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS doffin_aliases_by_notice ON doffin_aliases(notice_key)",
        """CREATE TABLE IF NOT EXISTS doffin_provenance (
    notice_key TEXT NOT NULL,
    source_format TEXT NOT NULL,
    source_file TEXT NOT NULL,
    source_id TEXT NOT NULL,
    publication_date TEXT,
    imported_at TEXT NOT NULL,
    UNIQUE(notice_key, source_format, source_file, source_id)
)""",
        """CREATE TABLE IF NOT EXISTS doffin_files (
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    format TEXT NOT NULL,
    n_notices INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (path, sha256)
)""",
    ):
        conn.exec_driver_sql(statement)


MIGRATIONS = (_create_tables,)


class NoticeStore:
    """Open with `with NoticeStore(path) as store:` (a SQLite file) or NoticeStore(database=…) (open_store does it
    for the settings); every write of a file is one transaction, every read its own short one."""

    def __init__(self, path: Path | None = None, *, database: Database | None = None):
        self.db = database or Database("the Doffin notice store", path=Path(path), timeout=30, synchronous="FULL")
        self.path = self.db.path
        self.where = self.db.where
        self._postgres = self.db.is_postgres
        self.db.migrate("doffin", MIGRATIONS)

    def __enter__(self) -> NoticeStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Nothing to release: each call took and returned its own connection (kept for `with` and callers)."""

    def _sql(self, statement: str) -> str:
        return statement.replace("?", "%s") if self._postgres else statement

    def _run(self, conn: Any, statement: str, params: Sequence[Any] | None = None) -> Any:
        return conn.exec_driver_sql(self._sql(statement), tuple(params) if params is not None else ())

    def _run_many(self, conn: Any, statement: str, rows: list[Sequence[Any]]) -> None:
        if rows:
            conn.exec_driver_sql(self._sql(statement), [tuple(row) for row in rows])

    @contextmanager
    def _writing(self) -> Iterator[Any]:
        """One write transaction; on PostgreSQL writers of the store take turns (as BEGIN IMMEDIATE does on SQLite)."""
        with self.db.write() as conn:
            if self._postgres:
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(%s)", (lock_key("advisor-doffin-store"),))
            yield conn

    def _rows(self, statement: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        with self.db.read() as conn:
            return [dict(row) for row in self._run(conn, statement, params).mappings()]

    def _order(self, column: str) -> str:
        """ORDER BY in byte order on both engines (PostgreSQL would otherwise sort by its locale)."""
        return f'{column} COLLATE "C"' if self._postgres else column

    # --- writing ---

    def add_file(self, path: Path, sha256: str, result: ParseResult) -> FileOutcome:
        """Store all notices of one parsed file in one transaction and rebuild the merged rows they touch.

        Notices none of whose aliases is known to the store or shared with another notice of the file (the bulk of
        a first import) are written in batches (executemany); the others go one by one through the merge rules.
        """
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._writing() as conn:
            fresh, linked = self._split_fresh(conn, result.notices)
            self._insert_fresh(conn, fresh, path, now)
            imported, merged, updated, duplicates = self._add_linked(conn, linked, path, now)
            self._run(conn, "INSERT INTO doffin_files (path, sha256, format, n_notices, imported_at) "
                            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (path, sha256) DO UPDATE SET format = excluded.format, "
                            "n_notices = excluded.n_notices, imported_at = excluded.imported_at",
                      (str(path), sha256, result.format, len(result.notices), now))
            self._bump_version(conn)
        return FileOutcome(imported=imported + len(fresh), merged=merged, updated=updated, duplicates=duplicates)

    def _split_fresh(self, conn: Any, notices: list[Notice]) -> tuple[list[Notice], list[Notice]]:
        """(notices new to the store and unlinked to the rest of the file, the others in file order)."""
        aliases = [notice.aliases() for notice in notices]
        seen: Counter[str] = Counter(alias for names in aliases for alias in set(names))
        everything = list(seen)
        known: set[str] = set()
        for start in range(0, len(everything), 500):
            part = everything[start : start + 500]
            marks = ", ".join("?" * len(part))
            known.update(r[0] for r in self._run(conn, f"SELECT alias FROM doffin_aliases WHERE alias IN ({marks})", part))
        fresh, linked = [], []
        for notice, names in zip(notices, aliases, strict=True):
            alone = names and all(seen[a] == 1 and a not in known for a in names)
            (fresh if alone else linked).append(notice)
        return fresh, linked

    def _insert_fresh(self, conn: Any, notices: list[Notice], path: Path, now: str) -> None:
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
        marks = ", ".join("?" * len(NOTICE_COLUMNS))
        self._run_many(conn, f"INSERT INTO doffin_notices ({', '.join(NOTICE_COLUMNS)}) VALUES ({marks})", notice_rows)
        self._run_many(conn, _INSERT_RECORD, record_rows)
        self._run_many(conn, _INSERT_ALIAS, alias_rows)
        self._run_many(conn, _INSERT_PROVENANCE, provenance_rows)

    def _add_linked(self, conn: Any, notices: list[Notice], path: Path, now: str) -> tuple[int, int, int, int]:
        """Store notices one by one through the merge rules; (imported, merged, updated, duplicates)."""
        imported = merged = updated = duplicates = 0
        touched: set[str] = set()
        fresh: dict[str, tuple[dict[str, Any], str]] = {}  # new notices with one record so far in this file
        for notice in notices:
            key, is_new = self._resolve_key(conn, notice)
            data = notice.content()
            content = json.dumps(data, sort_keys=True, ensure_ascii=False)
            content_sha = hashlib.sha256(content.encode("utf-8")).hexdigest()
            version = notice.eforms_version or ""
            same = self._run(conn, "SELECT 1 FROM doffin_records WHERE notice_key = ? AND content_sha = ?",
                             (key, content_sha)).first()
            if same:
                duplicates += 1
            else:
                old = self._run(conn, "SELECT record_id FROM doffin_records WHERE notice_key = ? AND source_format = ? "
                                      "AND source_file = ? AND version = ?",
                                (key, notice.source_format, str(path), version)).first()
                if old:
                    self._run(conn, "DELETE FROM doffin_records WHERE record_id = ?", (old[0],))
                    updated += 1
                elif is_new:
                    imported += 1
                else:
                    merged += 1
                self._run(conn, _INSERT_RECORD,
                          (key, notice.source_format, str(path), notice.source_id, version, content, content_sha))
                if is_new and key not in touched:
                    fresh[key] = (data, notice.source_format)
                else:
                    fresh.pop(key, None)
                touched.add(key)
            self._run(conn, _INSERT_PROVENANCE,
                      (key, notice.source_format, str(path), notice.source_id, notice.publication_date, now))
        for key in touched:
            self._rebuild(conn, key, fresh.get(key))
        return imported, merged, updated, duplicates

    def _resolve_key(self, conn: Any, notice: Notice) -> tuple[str, bool]:
        """The notice key for a record (creating or merging notices by shared aliases); True if it is new."""
        aliases = notice.aliases()
        if not aliases:
            raise AdvisorError(f"notice from {notice.source_file} has no identity (no Doffin id, eForms id or hash)")
        keys: list[str] = []
        for alias in aliases:
            row = self._run(conn, "SELECT notice_key FROM doffin_aliases WHERE alias = ?", (alias,)).first()
            if row and row[0] not in keys:
                keys.append(row[0])
        is_new = not keys
        if is_new:
            key = aliases[0]
            self._run(conn, "INSERT INTO doffin_notices (notice_key) VALUES (?)", (key,))
        else:
            key = keys[0]
            for other in keys[1:]:
                self._merge_notices(conn, key, other)
        for alias in aliases:
            self._run(conn, _INSERT_ALIAS, (alias, key))
        return key, is_new

    def _merge_notices(self, conn: Any, keep: str, other: str) -> None:
        """Two stored notices turn out to be one (a record links their ids): move everything to `keep`; where `keep`
        already has the same source (records) or the same provenance row, the other's copy is dropped."""
        for table, same in (("doffin_records", ("source_format", "source_file", "version")),
                            ("doffin_provenance", ("source_format", "source_file", "source_id"))):
            match = " AND ".join(f"k.{column} = {table}.{column}" for column in same)
            self._run(conn, f"DELETE FROM {table} WHERE notice_key = ? AND EXISTS "  # noqa: S608 - names from the code
                            f"(SELECT 1 FROM {table} k WHERE k.notice_key = ? AND {match})", (other, keep))
            self._run(conn, f"UPDATE {table} SET notice_key = ? WHERE notice_key = ?", (keep, other))  # noqa: S608
        self._run(conn, "UPDATE doffin_aliases SET notice_key = ? WHERE notice_key = ?", (keep, other))
        self._run(conn, "DELETE FROM doffin_notices WHERE notice_key = ?", (other,))
        self._rebuild(conn, keep)

    def _rebuild(self, conn: Any, key: str, only: tuple[dict[str, Any], str] | None = None) -> None:
        """Recompute the merged notice row from its records: per field, the strongest source that states it.

        `only` = (content, format) of the notice's single record, when the caller knows it has just one (a new
        notice): the same merge without reading the record back and decoding its JSON.
        """
        rank = _FORMAT_RANK
        if only is not None:
            records, formats_found, n_records = [only[0]], {only[1]}, 1
        else:
            rows = list(self._run(conn, "SELECT record_id, source_format, version, content FROM doffin_records "
                                        "WHERE notice_key = ?", (key,)).mappings())

            def order(row: Any) -> tuple[int, int, int]:
                return (rank.get(row["source_format"], len(rank)), -_version_number(row["version"]), -row["record_id"])

            records = [json.loads(row["content"]) for row in sorted(rows, key=order)]
            formats_found, n_records = {row["source_format"] for row in rows}, len(rows)
        self._run(conn, f"UPDATE doffin_notices SET {_ASSIGNMENTS}, year = ?, formats = ?, n_records = ? "  # noqa: S608
                        "WHERE notice_key = ?", [*_merged_values(records, formats_found, n_records), key])

    def _bump_version(self, conn: Any) -> None:
        """Count one more write (inside the caller's transaction): derived values of older versions are stale."""
        self._run(conn, "INSERT INTO doffin_meta (key, value) VALUES ('version', '1') ON CONFLICT (key) DO UPDATE "
                        "SET value = CAST(CAST(doffin_meta.value AS INTEGER) + 1 AS TEXT)")

    def put_derived(self, name: str, version: int, value: str) -> None:
        """Keep a value computed from the notices of `version` (e.g. the figures) until the store changes."""
        with self._writing() as conn:
            if self._version(conn) == version:  # an import may have committed meanwhile: then the value is stale
                self._run(conn, "INSERT INTO doffin_derived (name, version, value) VALUES (?, ?, ?) ON CONFLICT (name) "
                                "DO UPDATE SET version = excluded.version, value = excluded.value", (name, version, value))

    # --- reading ---

    def _version(self, conn: Any) -> int:
        row = self._run(conn, "SELECT value FROM doffin_meta WHERE key = 'version'").first()
        return int(row[0]) if row else 0

    def version(self) -> int:
        """How many files have been written to the store (0 when empty): changes with every import."""
        with self.db.read() as conn:
            return self._version(conn)

    def derived(self, name: str, version: int) -> str | None:
        """The value kept by put_derived for this store version, or None when there is none or it is stale."""
        rows = self._rows("SELECT value FROM doffin_derived WHERE name = ? AND version = ?", (name, version))
        return None if not rows else str(rows[0]["value"])

    def count(self) -> int:
        """Number of distinct notices."""
        with self.db.read() as conn:
            return int(self._run(conn, "SELECT COUNT(*) FROM doffin_notices").scalar_one())

    def notices(self) -> list[dict[str, Any]]:
        """All merged notices as dicts (lists decoded, is_innovative as bool or None)."""
        out = []
        for item in self._rows(f"SELECT * FROM doffin_notices ORDER BY {self._order('notice_key')}"):  # noqa: S608
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
        known = set(NOTICE_COLUMNS)
        wanted = [c for c in dict.fromkeys(("notice_key", "formats", *columns)) if c in known]
        if len(wanted) != len(set(columns) | {"notice_key", "formats"}):
            raise ValueError(f"unknown notice columns: {sorted(set(columns) - known)}")
        formats_of: dict[str, list[str]] = {}  # a few distinct values: decode each once (shared lists, read-only)
        out = []
        with self.db.read() as conn:
            statement = f"SELECT {', '.join(wanted)} FROM doffin_notices ORDER BY {self._order('notice_key')}"  # noqa: S608
            for row in self._run(conn, statement):
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
        return self._rows("SELECT * FROM doffin_provenance ORDER BY "
                          f"{self._order('notice_key')}, {self._order('source_format')}")

    def files(self) -> list[dict[str, Any]]:
        """Every imported file with its format and number of notices."""
        return self._rows(f"SELECT * FROM doffin_files ORDER BY {self._order('path')}")

    def record_fields(self) -> list[str]:
        """Names of the fields kept per record (for checks that nothing else is stored)."""
        return list(CONTENT_FIELDS)

    def records(self) -> list[dict[str, Any]]:
        """Every stored record: what each source said about a notice (decoded), with its format and file."""
        rows = self._rows("SELECT notice_key, source_format, source_file, content FROM doffin_records "
                          "ORDER BY record_id")
        return [{**row, "content": json.loads(row["content"])} for row in rows]

    def aliases(self) -> list[tuple[str, str]]:
        """Every (alias, notice key), in alias order."""
        return [(row["alias"], row["notice_key"])
                for row in self._rows(f"SELECT alias, notice_key FROM doffin_aliases ORDER BY {self._order('alias')}")]

    def notice_columns(self) -> list[str]:
        """Column names of the merged notices table."""
        return list(NOTICE_COLUMNS)

    def all_text(self) -> Iterator[str]:
        """Every text value in every table (used to prove that no contact data is stored)."""
        with self.db.read() as conn:
            for table in TABLES:
                for row in self._run(conn, f"SELECT * FROM {table}"):  # noqa: S608 (table names from the code)
                    for value in row:
                        if isinstance(value, str):
                            yield value


_INSERT_RECORD = ("INSERT INTO doffin_records (notice_key, source_format, source_file, source_id, version, content, "
                  "content_sha) VALUES (?, ?, ?, ?, ?, ?, ?)")
_INSERT_ALIAS = "INSERT INTO doffin_aliases (alias, notice_key) VALUES (?, ?) ON CONFLICT DO NOTHING"
_INSERT_PROVENANCE = ("INSERT INTO doffin_provenance (notice_key, source_format, source_file, source_id, "
                      "publication_date, imported_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")


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
    """The notice store of these settings (created on first use): the shared PostgreSQL of ADVISOR_DATABASE_URL,
    else its own SQLite file."""
    return NoticeStore(database=store_database(settings, "the Doffin notice store", store_path(settings), "FULL",
                                               sqlite_timeout=30))


def file_sha256(data: bytes) -> str:
    """Hex SHA-256 of a file's bytes."""
    return hashlib.sha256(data).hexdigest()
