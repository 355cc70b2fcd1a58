"""The build registry: which index builds are complete, which one is active, and the one-builder lock.

Readers ask the registry for the active build and, if that one turns out to be damaged, for the other complete
builds to fall back to. A builder takes the lock, writes a build aside, marks it complete and activates it in one
atomic step, so a reader sees the old build or the new one, never half of one.

Three registries implement the same small interface (BuildRegistry):
- FileRegistry (local Chroma): the record of a build is `builds/<build>/build.json`, written last, and the active
  one is named by `index/CURRENT` (replaced with a rename).
- ServerRegistry (ADVISOR_INDEX_CHROMA_URL): the records and the active pointer are metadata of the collection
  `advisor-pointer` on the Chroma server, so every instance sees the same active build.
- DbRegistry (ADVISOR_INDEX_CHROMA_URL with ADVISOR_DATABASE_URL, several replicas): the records and the active
  pointer are rows of the shared database, and the builder lock is a PostgreSQL advisory lock, so one replica builds
  at a time and every replica reads the same active build (the UI polls it, see advisor.ui.context).
The first two take the lock on a file in the state folder (flock, released by the kernel if the process dies); the
advisory lock is released by the server when the builder's connection ends.
"""

from __future__ import annotations

import errno
import fcntl
import json
import logging
import os
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Protocol

from sqlalchemy import Column, Float, MetaData, Table, Text, delete, insert, select, update

from advisor.database import Database, poll, try_flock
from advisor.errors import AdvisorError, BuildRunning

log = logging.getLogger(__name__)

POINTER_COLLECTION = "advisor-pointer"


@dataclass(frozen=True)
class BuildRecord:
    """One complete index build: where it is, what went into it, and how to check it is intact."""

    build: str  # id: time of the build plus a random suffix, e.g. 20261206-003949-c214df
    collection: str  # Chroma collection name
    fingerprint: str = ""  # hash of the input files and labels: equal means nothing to re-index
    documents: int = 0
    chunks: int = 0
    ids_hash: str = ""  # hash of the sorted chunk ids
    digest: str = ""  # checksum of the chunks (ids, texts, metadata); checked when the build is opened
    embedder: str = ""
    created: str = ""  # local time, for people
    created_ts: float = 0.0  # epoch seconds, for ordering and pruning

    @classmethod
    def from_json(cls, raw: str | bytes) -> BuildRecord:
        """Parse a stored record; raises ValueError when it is not one (garbage, truncated, wrong types)."""
        data = json.loads(raw)
        if not isinstance(data, dict) or not isinstance(data.get("build"), str) or not isinstance(data.get("collection"), str):
            raise ValueError("not a build record")
        known = {f.name: f.type for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        for name in ("documents", "chunks"):
            if not isinstance(values.get(name, 0), int):
                raise ValueError(f"{name} is not a number")
        values["created_ts"] = float(values.get("created_ts") or 0.0)
        return cls(**values)

    def to_json(self) -> str:
        """The record as one JSON line."""
        return json.dumps(asdict(self), ensure_ascii=False)


class BuildRegistry(Protocol):
    """What the index needs to know about builds; see the module docstring for the implementations."""

    def builder_lock(self, wait_s: float) -> AbstractContextManager[None]:
        """Held while building; raises BuildRunning if another builder still holds it after wait_s seconds."""
        ...

    def active(self) -> tuple[BuildRecord | None, str]:
        """The active build, and '' or why the pointer could not be read (then the record is None)."""
        ...

    def complete_builds(self) -> list[BuildRecord]:
        """Every complete build, newest first (the candidates to fall back to)."""
        ...

    def mark_complete(self, record: BuildRecord) -> None:
        """Record a build as complete (after its data is written, before it is activated)."""
        ...

    def activate(self, record: BuildRecord) -> None:
        """Make a complete build the active one, atomically."""
        ...

    def forget(self, build: str) -> None:
        """Drop the record of a build whose data is deleted."""
        ...


# --- the lock --------------------------------------------------------------------------------------------


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:  # some file systems cannot sync a directory; the rename is still atomic
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP):
            raise
    finally:
        os.close(fd)


def write_atomically(path: Path, text: str) -> None:
    """Write a small file so that readers see the old content or the new, never a part (temp file, fsync, rename)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_dir(path.parent)


class FileLock:
    """An exclusive flock on a file; the holder writes who it is into the file for the waiting side's message."""

    def __init__(self, path: Path, where: str | Path):
        self.path = path
        self.where = where

    def holder(self) -> str:
        """Who holds the lock, as written by the holder ('' if unknown)."""
        try:
            return self.path.read_text(encoding="utf-8").strip()[:200]
        except OSError:
            return ""

    @contextmanager
    def hold(self, wait_s: float) -> Iterator[None]:
        """Take the lock, waiting up to wait_s seconds for another holder; raises BuildRunning after that."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        with open(self.path, "a+", encoding="utf-8") as fh:
            if not poll(lambda: try_flock(fh), wait_s):
                raise BuildRunning(self.where, self.holder(), time.monotonic() - started)
            try:
                fh.seek(0)
                fh.truncate()
                fh.write(f"process {os.getpid()} on {socket.gethostname()} since {time.strftime('%H:%M:%S')}")
                fh.flush()
                yield
            finally:
                fh.seek(0)
                fh.truncate()
                fcntl.flock(fh, fcntl.LOCK_UN)


# --- local: CURRENT + build.json ------------------------------------------------------------------------


class FileRegistry:
    """Builds in `index_dir/builds/<build>/`, each complete one with its `build.json`; `index_dir/CURRENT` names the active one."""

    RECORD = "build.json"

    def __init__(self, index_dir: Path):
        self.index_dir = index_dir
        self.builds_dir = index_dir / "builds"
        self.pointer = index_dir / "CURRENT"
        self.lock = FileLock(index_dir / "build.lock", index_dir)

    def builder_lock(self, wait_s: float) -> AbstractContextManager[None]:
        """See BuildRegistry."""
        return self.lock.hold(wait_s)

    def active(self) -> tuple[BuildRecord | None, str]:
        """See BuildRegistry."""
        try:
            raw = self.pointer.read_bytes()
        except FileNotFoundError:
            return None, ""
        try:
            return BuildRecord.from_json(raw), ""
        except (ValueError, TypeError, UnicodeDecodeError) as exc:
            return None, f"{self.pointer} is unreadable ({type(exc).__name__})"

    def complete_builds(self) -> list[BuildRecord]:
        """See BuildRegistry."""
        records = []
        if self.builds_dir.is_dir():
            for folder in self.builds_dir.iterdir():
                try:
                    records.append(BuildRecord.from_json((folder / self.RECORD).read_bytes()))
                except (OSError, ValueError, TypeError, UnicodeDecodeError):
                    continue  # no record: a build that never finished, or a damaged one
        return sorted(records, key=lambda r: (r.created_ts, r.build), reverse=True)

    def mark_complete(self, record: BuildRecord) -> None:
        """See BuildRegistry."""
        write_atomically(self.builds_dir / record.build / self.RECORD, record.to_json())

    def activate(self, record: BuildRecord) -> None:
        """See BuildRegistry."""
        write_atomically(self.pointer, record.to_json())  # the swap: readers see the old build or the new one

    def forget(self, build: str) -> None:
        """See BuildRegistry (the record lives in the build's folder, deleted with it)."""


# --- Chroma server: metadata of the pointer collection ----------------------------------------------------


class ServerRegistry:
    """Records and the active pointer in the metadata of the server's `advisor-pointer` collection, per collection base.

    Keys: `<base>` holds the active record (the format of earlier versions), `<base>:builds` the complete ones.
    """

    KEEP_RECORDS = 8

    def __init__(self, client_factory: Callable[[], object], base: str, lock: FileLock):
        self._client = client_factory
        self.base = base
        self.lock = lock

    def builder_lock(self, wait_s: float) -> AbstractContextManager[None]:
        """See BuildRegistry (the lock guards one state folder; instances with other folders rely on pruning by age)."""
        return self.lock.hold(wait_s)

    def _meta(self) -> dict:
        from chromadb.errors import NotFoundError

        try:
            return dict(self._client().get_collection(POINTER_COLLECTION, embedding_function=None).metadata or {})
        except NotFoundError as exc:
            log.debug("no pointer collection: %s", exc)
            return {}
        except ValueError as exc:  # chromadb's "Could not connect to a Chroma server"
            raise AdvisorError(f"the Chroma server at {self.lock.where} does not answer ({str(exc)[:120]}); start it "
                               "or check ADVISOR_INDEX_CHROMA_URL") from exc

    def _write(self, changes: dict) -> None:
        coll = self._client().get_or_create_collection(POINTER_COLLECTION, embedding_function=None)
        meta = dict(coll.metadata or {})
        meta.update(changes)
        meta.pop("hnsw:space", None)
        coll.modify(metadata=meta)

    def active(self) -> tuple[BuildRecord | None, str]:
        """See BuildRegistry."""
        raw = self._meta().get(self.base)
        if not raw:
            return None, ""
        try:
            return BuildRecord.from_json(raw), ""
        except (ValueError, TypeError) as exc:
            return None, f"the server's pointer for {self.base} is unreadable ({type(exc).__name__})"

    def _records(self, meta: dict) -> list[BuildRecord]:
        try:
            raw = json.loads(meta.get(f"{self.base}:builds") or "[]")
            return [BuildRecord.from_json(json.dumps(r)) for r in raw]
        except (ValueError, TypeError):
            return []

    def complete_builds(self) -> list[BuildRecord]:
        """See BuildRegistry."""
        return sorted(self._records(self._meta()), key=lambda r: (r.created_ts, r.build), reverse=True)

    def mark_complete(self, record: BuildRecord) -> None:
        """See BuildRegistry."""
        records = [r for r in self.complete_builds() if r.build != record.build]
        records = [record, *records][: self.KEEP_RECORDS]
        self._write({f"{self.base}:builds": json.dumps([asdict(r) for r in records])})

    def activate(self, record: BuildRecord) -> None:
        """See BuildRegistry."""
        self._write({self.base: record.to_json()})

    def forget(self, build: str) -> None:
        """See BuildRegistry."""
        records = [r for r in self.complete_builds() if r.build != build]
        self._write({f"{self.base}:builds": json.dumps([asdict(r) for r in records])})


# --- shared database: rows of index_builds / index_active, an advisory lock ------------------------------------

_META = MetaData()
BUILDS = Table(
    "index_builds", _META,
    Column("base", Text, primary_key=True),  # collection base: the embedder and chunking settings
    Column("build", Text, primary_key=True),
    Column("record", Text, nullable=False),
    Column("created_ts", Float, nullable=False),
)
ACTIVE = Table(
    "index_active", _META,
    Column("base", Text, primary_key=True),
    Column("record", Text, nullable=False),
    Column("changed_ts", Float, nullable=False),
)
BUILDERS = Table(
    "index_builders", _META,
    Column("base", Text, primary_key=True),
    Column("holder", Text, nullable=False),
)
MIGRATIONS = (lambda conn: _META.create_all(conn, checkfirst=True),)


class DbRegistry:
    """Build records and the active pointer per collection base in the shared database; see the module docstring."""

    def __init__(self, database: Database, base: str, where: str):
        self.db = database
        self.base = base
        self.where = where
        self.db.migrate("index-registry", MIGRATIONS)

    def _holder(self) -> str:
        with self.db.read() as conn:
            return str(conn.execute(select(BUILDERS.c.holder).where(BUILDERS.c.base == self.base)).scalar() or "")

    def _set_holder(self, text: str) -> None:
        with self.db.write() as conn:
            if not conn.execute(update(BUILDERS).where(BUILDERS.c.base == self.base).values(holder=text)).rowcount:
                conn.execute(insert(BUILDERS).values(base=self.base, holder=text))

    @contextmanager
    def _hold(self, wait_s: float) -> Iterator[None]:
        started = time.monotonic()
        acquired = False
        try:
            with self.db.exclusive(f"advisor-build:{self.base}", wait_s):
                acquired = True
                self._set_holder(f"process {os.getpid()} on {socket.gethostname()} since {time.strftime('%H:%M:%S')}")
                yield
        except TimeoutError:
            if acquired:
                raise
            raise BuildRunning(self.where, self._holder(), time.monotonic() - started) from None

    def builder_lock(self, wait_s: float) -> AbstractContextManager[None]:
        """See BuildRegistry: one builder across all replicas."""
        return self._hold(wait_s)

    def active(self) -> tuple[BuildRecord | None, str]:
        """See BuildRegistry."""
        with self.db.read() as conn:
            raw = conn.execute(select(ACTIVE.c.record).where(ACTIVE.c.base == self.base)).scalar()
        if raw is None:
            return None, ""
        try:
            return BuildRecord.from_json(raw), ""
        except (ValueError, TypeError) as exc:
            return None, f"the database's pointer for {self.base} is unreadable ({type(exc).__name__})"

    def complete_builds(self) -> list[BuildRecord]:
        """See BuildRegistry."""
        with self.db.read() as conn:
            rows = conn.execute(select(BUILDS.c.record).where(BUILDS.c.base == self.base)).scalars().all()
        records = []
        for raw in rows:
            try:
                records.append(BuildRecord.from_json(raw))
            except (ValueError, TypeError):
                continue
        return sorted(records, key=lambda r: (r.created_ts, r.build), reverse=True)

    def mark_complete(self, record: BuildRecord) -> None:
        """See BuildRegistry."""
        with self.db.write() as conn:
            conn.execute(delete(BUILDS).where(BUILDS.c.base == self.base, BUILDS.c.build == record.build))
            conn.execute(insert(BUILDS).values(base=self.base, build=record.build, record=record.to_json(),
                                               created_ts=record.created_ts))

    def activate(self, record: BuildRecord) -> None:
        """See BuildRegistry: one row changes in one transaction, so every replica reads the old build or the new."""
        with self.db.write() as conn:
            values = {"record": record.to_json(), "changed_ts": time.time()}
            if not conn.execute(update(ACTIVE).where(ACTIVE.c.base == self.base).values(**values)).rowcount:
                conn.execute(insert(ACTIVE).values(base=self.base, **values))

    def forget(self, build: str) -> None:
        """See BuildRegistry."""
        with self.db.write() as conn:
            conn.execute(delete(BUILDS).where(BUILDS.c.base == self.base, BUILDS.c.build == build))
