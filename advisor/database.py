"""The databases of the stores: SQLite files in WAL mode by default, or one PostgreSQL for several replicas.

Database (below) is the one code path of the feedback, course-result, upload and build-registry stores: SQLAlchemy
Core over either a SQLite file (the default, one per store, as before) or the PostgreSQL of ADVISOR_DATABASE_URL
(psycopg 3). Each store names its schema as a list of migration steps; migrate() runs the missing ones at start-up
under a lock (a transaction-scoped advisory lock on PostgreSQL, BEGIN IMMEDIATE on SQLite), so two replicas
starting at once apply each step once. A database that does not answer is reported as DatabaseUnavailable with the
address (password hidden) in one line; the pool checks a connection before use, so requests resume on their own
when the server is back.

Several processes may open the same file at once (two imports, app sessions, an index build). Switching a new
database to WAL needs a lock that SQLite does not always wait for: its busy handler is skipped in some cases, and
the second opener gets "database is locked" at once. connect_wal retries the switch until the timeout instead.

A state folder that cannot be written (read-only file system, no permission, full disk) and a file that is not a
database are reported as StateNotWritable and DamagedState, naming the file, instead of sqlite3's bare messages.
"""

from __future__ import annotations

import errno
import fcntl
import functools
import hashlib
import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from advisor.errors import AdvisorError, DamagedState, StateNotWritable

_RETRY_S = 0.05
# Below this much free space a failed write is reported as a full disk.
_FULL_BYTES = 1_000_000
_FULL_ERRNOS = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
_DENIED_ERRNOS = (errno.EROFS, errno.EACCES, errno.EPERM)


def write_problem(path: Path, detail: str = "") -> str:
    """Why `path` (a file or folder in the state folder) cannot be written, or '' if no reason is found.

    `detail` is the failing library's own message: SQLite's "database or disk is full" (also through Chroma) and
    "readonly database" say it directly; otherwise the file system is asked.
    """
    lowered = detail.lower().replace("-", "").replace(" ", "")
    if "diskisfull" in lowered or "nospaceleft" in lowered:
        return "no space left on the device"
    if "readonly" in lowered:
        return "the file system is read-only"
    folder = Path(path)
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if folder.is_file():
        folder = folder.parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "the file system is read-only"
        if shutil.disk_usage(folder).free < _FULL_BYTES:
            return "no space left on the device"
    except OSError:
        pass
    if not os.access(folder, os.W_OK):
        return "permission denied"
    return ""


def state_error(path: Path, exc: OSError | sqlite3.Error) -> StateNotWritable:
    """The user-facing error for a failed write in the state folder (disk full, read-only, no permission)."""
    if isinstance(exc, OSError) and exc.errno in _FULL_ERRNOS:
        return StateNotWritable(path, "no space left on the device" if exc.errno != errno.EFBIG else "file size limit reached")
    if isinstance(exc, OSError) and exc.errno == errno.EROFS:
        return StateNotWritable(path, "the file system is read-only")
    if isinstance(exc, OSError) and exc.errno in _DENIED_ERRNOS:
        return StateNotWritable(path, "permission denied")
    detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return StateNotWritable(path, write_problem(path, detail) or detail)


def connect_wal(path: Path, timeout: float = 30.0, **kwargs: Any) -> sqlite3.Connection:
    """A connection to `path` in WAL mode, waiting up to `timeout` seconds for locks (kwargs go to sqlite3.connect).

    Raises StateNotWritable when the file cannot be opened or written, DamagedState when it is not a database.
    """
    try:
        conn = sqlite3.connect(path, timeout=timeout, **kwargs)
    except sqlite3.OperationalError as exc:
        raise state_error(path, exc) from exc
    deadline = time.monotonic() + timeout
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return conn
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) and time.monotonic() <= deadline:
                time.sleep(_RETRY_S)
                continue
            conn.close()
            if "locked" in str(exc):
                raise
            raise state_error(path, exc) from exc
        except sqlite3.DatabaseError as exc:  # "file is not a database", "database disk image is malformed"
            conn.close()
            raise DamagedState(path, str(exc), "restore it from a backup, or move it aside to start a new one") from exc


# --- SQLAlchemy Core over SQLite or PostgreSQL -------------------------------------------------------------

_LOCK_POLL_S = 0.2


def poll(acquire: Callable[[], bool], wait_s: float) -> bool:
    """Call acquire until it returns True (then True) or wait_s seconds have passed (then False), pausing
    between tries: the one wait loop of the file locks and the PostgreSQL advisory locks."""
    started = time.monotonic()
    while not acquire():
        if time.monotonic() - started >= wait_s:
            return False
        time.sleep(_LOCK_POLL_S)
    return True


def try_flock(fh: Any) -> bool:
    """Take an exclusive flock on an open file without blocking; False when another process holds it."""
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


_SCHEMA_TABLE = "advisor_schema"
# Steps already applied in this process, per (database, component): a store opened per request migrates once.
_MIGRATED: set[tuple[str, str]] = set()
_MIGRATED_LOCK = threading.Lock()


class DatabaseUnavailable(AdvisorError):
    """The shared database does not answer (stopped, restarting, unreachable); nothing was half-written."""

    def __init__(self, where: str, detail: str):
        self.where = where
        super().__init__(f"the database {where} is not available ({detail}); this request was not completed: "
                         "try again in a moment (ADVISOR_DATABASE_URL)")


class Conflict(AdvisorError):
    """A write refused by a constraint (a key another process stored first)."""


def postgres_url(url: str) -> str:
    """A PostgreSQL URL with the psycopg 3 driver named (postgresql://, postgres:// and postgresql+psycopg:// accepted)."""
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    raise AdvisorError("ADVISOR_DATABASE_URL must start with postgresql:// (got a URL of another kind)")


def shown_url(url: str) -> str:
    """The URL without its password, for messages and logs."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True).replace("postgresql+psycopg://", "postgresql://")
    except Exception:  # noqa: BLE001 - an unparseable URL is shown as its scheme only
        return url.split("://", 1)[0] + "://…"


@functools.cache
def _postgres_engine(url: str, pool_size: int, connect_timeout_s: float):
    """One pooled engine per URL and process (the pool is the expensive thing; it is safe across threads)."""
    from sqlalchemy import create_engine

    return create_engine(postgres_url(url), pool_pre_ping=True, pool_size=pool_size, max_overflow=pool_size * 2,
                         pool_timeout=connect_timeout_s * 2, pool_recycle=1800,
                         connect_args={"connect_timeout": max(1, round(connect_timeout_s)),
                                       "application_name": "advisor"})


def _sqlite_engine(path: Path, timeout: float, synchronous: str):
    """An engine over one SQLite file: a short WAL connection per use, transactions begun by us (see _begin)."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import NullPool

    def connect() -> sqlite3.Connection:
        conn = connect_wal(path, timeout=timeout, check_same_thread=False, isolation_level=None)
        if synchronous:
            conn.execute(f"PRAGMA synchronous={synchronous}")
        return conn

    engine = create_engine("sqlite://", creator=connect, poolclass=NullPool)

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:  # writers take the write lock up front: no deadlock when a read turns into a write
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("advisor_write") else "BEGIN")

    return engine


class Database:
    """One database of the stores: `name` says what it holds ("the feedback database") in error messages.

    Use read() and write() as context managers around a SQLAlchemy Connection; write() commits at the end or rolls
    back on an error. Errors come out as DatabaseUnavailable (PostgreSQL down), StateNotWritable/DamagedState
    (SQLite file), or AdvisorError naming the database.
    """

    def __init__(self, name: str, *, url: str | None = None, path: Path | None = None, timeout: float = 15.0,
                 synchronous: str = "", pool_size: int = 5):
        if (url is None) == (path is None):
            raise ValueError("give a URL or a path")
        self.name = name
        self.path = Path(path) if path is not None else None
        self.is_postgres = url is not None
        if url is not None:
            self.where = shown_url(url)
            self.engine = _postgres_engine(url, pool_size, timeout)
        else:
            self.where = str(self.path)
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise state_error(self.path.parent, exc) from exc
            self.engine = _sqlite_engine(self.path, timeout, synchronous)

    @property
    def dialect(self) -> str:
        """'postgresql' or 'sqlite'."""
        return "postgresql" if self.is_postgres else "sqlite"

    def _translate(self, exc: BaseException, opening: bool) -> AdvisorError:
        from sqlalchemy import exc as sa_exc

        orig = getattr(exc, "orig", None) or exc
        if isinstance(exc, sa_exc.IntegrityError):
            return Conflict(f"{self.name} {self.where} refused a write: {str(orig).strip().splitlines()[0][:200]}")
        if self.is_postgres and isinstance(exc, sa_exc.OperationalError | sa_exc.InterfaceError) or (
                isinstance(exc, sa_exc.DBAPIError) and exc.connection_invalidated):
            first = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
            return DatabaseUnavailable(self.where, first[:200])
        if isinstance(exc, sa_exc.TimeoutError):  # the pool is exhausted
            return DatabaseUnavailable(self.where, "all connections are busy")
        if isinstance(orig, StateNotWritable | DamagedState | AdvisorError):
            return orig
        verb = "cannot open" if opening else "failed:"
        text = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
        if opening:
            return AdvisorError(f"{verb} {self.name} {self.where}: {text}")
        return AdvisorError(f"{self.name} {self.where} failed: {text}")

    @contextmanager
    def _transaction(self, write: bool) -> Iterator[Any]:
        from sqlalchemy import exc as sa_exc

        try:
            conn = self.engine.connect()
        except sa_exc.SQLAlchemyError as exc:
            raise self._translate(exc, opening=True) from exc
        try:
            if write and not self.is_postgres:
                conn = conn.execution_options(advisor_write=True)
            with conn.begin():
                yield conn
        except sa_exc.SQLAlchemyError as exc:
            raise self._translate(exc, opening=False) from exc
        finally:
            conn.close()

    def read(self) -> Any:
        """A read transaction: a Connection (SQLAlchemy)."""
        return self._transaction(write=False)

    def write(self) -> Any:
        """A write transaction: committed when the block ends, rolled back on an error."""
        return self._transaction(write=True)

    def migrate(self, component: str, steps: Sequence[Callable[[Any], None]]) -> None:
        """Bring `component`'s tables to len(steps): run the steps not yet applied, each once, under a lock.

        The version of each component is a row of advisor_schema. On PostgreSQL a transaction-scoped advisory
        lock serialises replicas that start at once (even the creation of advisor_schema itself); on SQLite
        BEGIN IMMEDIATE does.
        """
        key = (self.where, component)
        if self.path is not None:  # a SQLite file replaced or deleted since (restored from a backup): migrate again
            try:
                key = (f"{self.where}@{self.path.stat().st_ino}", component)
            except OSError:
                key = (f"{self.where}@new", component)
        with _MIGRATED_LOCK:
            if key in _MIGRATED:
                return
        from sqlalchemy import text

        with self.write() as conn:
            if self.is_postgres:
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": lock_key("advisor-schema")})
            conn.execute(text(f"CREATE TABLE IF NOT EXISTS {_SCHEMA_TABLE} (component VARCHAR(64) PRIMARY KEY, "
                              "version INTEGER NOT NULL)"))
            row = conn.execute(text(f"SELECT version FROM {_SCHEMA_TABLE} WHERE component = :c"),
                               {"c": component}).first()
            done = int(row[0]) if row else 0
            if done > len(steps):
                raise AdvisorError(f"{self.name} {self.where} has schema version {done} of {component}, newer than "
                                   f"this version of the advisor knows ({len(steps)}): upgrade the advisor")
            for step in steps[done:]:
                step(conn)
            if row is None:
                conn.execute(text(f"INSERT INTO {_SCHEMA_TABLE} (component, version) VALUES (:c, :v)"),
                             {"c": component, "v": len(steps)})
            elif done != len(steps):
                conn.execute(text(f"UPDATE {_SCHEMA_TABLE} SET version = :v WHERE component = :c"),
                             {"c": component, "v": len(steps)})
        if self.path is not None:
            key = (f"{self.where}@{self.path.stat().st_ino}", component)
        with _MIGRATED_LOCK:
            _MIGRATED.add(key)

    def schema_version(self, component: str) -> int:
        """The applied version of `component` (0: none)."""
        from sqlalchemy import text

        with self.read() as conn:
            try:
                row = conn.execute(text(f"SELECT version FROM {_SCHEMA_TABLE} WHERE component = :c"),
                                   {"c": component}).first()
            except Exception:  # noqa: BLE001 - no schema table yet
                return 0
        return int(row[0]) if row else 0

    @contextmanager
    def exclusive(self, name: str, wait_s: float) -> Iterator[None]:
        """Hold the named lock across processes and machines; TimeoutError after wait_s seconds of waiting.

        PostgreSQL: a session advisory lock on a connection kept for the duration (released by the server if the
        process dies). SQLite: an flock on a file beside the database.
        """
        if not self.is_postgres:
            lock_path = self.path.with_name(f"{self.path.name}.{name}.lock")
            with open(lock_path, "a+b") as fh:
                if not poll(lambda: try_flock(fh), wait_s):
                    raise TimeoutError(name)
                try:
                    yield
                finally:
                    fcntl.flock(fh, fcntl.LOCK_UN)
            return
        from sqlalchemy import exc as sa_exc
        from sqlalchemy import text

        try:
            conn = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        except sa_exc.SQLAlchemyError as exc:
            raise self._translate(exc, opening=True) from exc
        key = {"k": lock_key(name)}
        try:
            if not poll(lambda: bool(conn.execute(text("SELECT pg_try_advisory_lock(:k)"), key).scalar()), wait_s):
                raise TimeoutError(name)
            try:
                yield
            finally:
                try:
                    conn.execute(text("SELECT pg_advisory_unlock(:k)"), key)
                except sa_exc.SQLAlchemyError:  # the server went away: it dropped the lock with the session
                    conn.invalidate()
        except sa_exc.SQLAlchemyError as exc:
            raise self._translate(exc, opening=False) from exc
        finally:
            conn.close()


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for a PostgreSQL advisory lock."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


def shared_url(settings: Any) -> str | None:
    """The PostgreSQL URL of ADVISOR_DATABASE_URL (settings.database.url), or None when the stores keep their own
    SQLite files (unset or blank)."""
    url = settings.database.url
    return (url.get_secret_value().strip() or None) if url is not None else None


def store_database(settings: Any, name: str, sqlite_path: Path, synchronous: str = "",
                   sqlite_timeout: float = 15.0) -> Database:
    """The database of one store: the shared PostgreSQL of settings.database.url, else its own SQLite file (waiting
    up to sqlite_timeout seconds for another process's write)."""
    url = shared_url(settings)
    if url is not None:
        return Database(name, url=url, timeout=settings.database.connect_timeout_s,
                        pool_size=settings.database.pool_size)
    return Database(name, path=sqlite_path, timeout=sqlite_timeout, synchronous=synchronous)
