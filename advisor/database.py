"""SQLite connections in WAL mode, shared by the notice store, the feedback store and the embedding cache.

Several processes may open the same file at once (two imports, app sessions, an index build). Switching a new
database to WAL needs a lock that SQLite does not always wait for: its busy handler is skipped in some cases, and
the second opener gets "database is locked" at once. connect_wal retries the switch until the timeout instead.

A state folder that cannot be written (read-only file system, no permission, full disk) and a file that is not a
database are reported as StateNotWritable and DamagedState, naming the file, instead of sqlite3's bare messages.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

from advisor.errors import DamagedState, StateNotWritable

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
