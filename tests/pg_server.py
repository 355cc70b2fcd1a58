"""A real PostgreSQL for tests: the Debian server binaries (initdb, pg_ctl) in a temporary folder on 127.0.0.1.

    server = PostgresServer.start()        # skips the calling test when the binaries are absent
    url = server.new_database()            # postgresql://advisor@127.0.0.1:PORT/t_...
    server.restart(); server.stop()

initdb refuses to run as root: as root the folder is handed to the `postgres` user and the binaries run as it
(runuser). Authentication is `trust` on loopback only; the server listens on no other address.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest

USER = "advisor"


def postgres_bin() -> Path | None:
    """The newest installed PostgreSQL server's bin folder (Debian layout), or None."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name)
                   if p.parent.parent.name.isdigit() else 0)
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresServer:
    """One PostgreSQL cluster in a temporary folder, owned by the test session."""

    def __init__(self, bindir: Path, root: Path, port: int):
        self.bindir = bindir
        self.root = root
        self.data = root / "data"
        self.port = port
        self.as_postgres = os.geteuid() == 0

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, check=check, timeout=120)

    @classmethod
    def start(cls) -> PostgresServer:
        """initdb + pg_ctl start on a free port; pytest.skip with the reason when that is not possible."""
        bindir = postgres_bin()
        if bindir is None:
            pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed: apt-get install postgresql")
        try:
            import psycopg  # noqa: F401
            import sqlalchemy  # noqa: F401
        except ImportError as exc:
            pytest.skip(f"{exc.name} is not installed (pip install -c constraints.txt -e .)")
        root = Path(tempfile.mkdtemp(prefix="advisor-pg-"))
        server = cls(bindir, root, free_port())
        if server.as_postgres:
            try:
                shutil.chown(root, "postgres", "postgres")
            except (LookupError, PermissionError) as exc:
                shutil.rmtree(root, ignore_errors=True)
                pytest.skip(f"cannot hand the PostgreSQL folder to the postgres user: {exc}")
        try:
            server._run("initdb", "-D", str(server.data), "-A", "trust", "-U", USER, "-E", "UTF8", "--no-sync")
            server.up()
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, TimeoutError) as exc:
            detail = getattr(exc, "stderr", "") or str(exc)
            server.stop()
            shutil.rmtree(root, ignore_errors=True)
            pytest.fail(f"PostgreSQL did not start: {str(detail)[-400:]}")
        return server

    def up(self) -> None:
        """Start the server (again) and wait until it accepts connections."""
        opts = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} -c max_connections=200"
        self._run("pg_ctl", "-D", str(self.data), "-o", opts, "-l", str(self.root / "server.log"), "-w", "-t", "60",
                  "start")
        deadline = time.time() + 30
        while self._run("pg_isready", "-h", "127.0.0.1", "-p", str(self.port), check=False).returncode != 0:
            if time.time() > deadline:
                raise TimeoutError("PostgreSQL does not accept connections")
            time.sleep(0.2)

    def down(self, mode: str = "fast") -> None:
        """Stop the server (fast: clean shutdown, committed data kept; immediate: like a crash)."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def restart(self) -> None:
        """Stop and start again, on the same port and data."""
        self.down()
        self.up()

    def stop(self) -> None:
        """Stop for good (end of the session)."""
        if self.data.is_dir():
            self.down("immediate")

    def url(self, database: str = "postgres") -> str:
        """A URL for one database of this server."""
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A new empty database; its URL."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user={USER} dbname=postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def cleanup(self) -> None:
        """Stop the server and delete its folder."""
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL for the whole test session (skips when the binaries are absent)."""
    server = PostgresServer.start()
    try:
        yield server
    finally:
        server.cleanup()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request) -> str | None:
    """None (SQLite files in the state folder, the default) or the URL of a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return None
    return request.getfixturevalue("postgres_server").new_database()
