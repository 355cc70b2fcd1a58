"""SQLite connections in WAL mode, shared by the notice store, the feedback store and the embedding cache.

Several processes may open the same file at once (two imports, app sessions, an index build). Switching a new
database to WAL needs a lock that SQLite does not always wait for: its busy handler is skipped in some cases, and
the second opener gets "database is locked" at once. connect_wal retries the switch until the timeout instead.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

_RETRY_S = 0.05


def connect_wal(path: Path, timeout: float = 30.0, **kwargs: Any) -> sqlite3.Connection:
    """A connection to `path` in WAL mode, waiting up to `timeout` seconds for locks (kwargs go to sqlite3.connect)."""
    conn = sqlite3.connect(path, timeout=timeout, **kwargs)
    deadline = time.monotonic() + timeout
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return conn
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                conn.close()
                raise
            time.sleep(_RETRY_S)
