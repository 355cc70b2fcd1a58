"""Uploaded documents: saved safely into settings.uploads_dir, which every index build includes, with their label.

A file is saved before anything tries to index it, so a failed index never loses an upload. Names are
sanitised (no folders, no path traversal, no hidden files, no control characters) and an existing file is
never overwritten: "notat.pdf" becomes "notat-2.pdf", then "notat-3.pdf".

What an upload is (authority, kind, date: a SourceLabel) is chosen by the admin when it is uploaded and kept in
the upload store, never taken from the file. The store is a small interface (UploadStore) with two implementations:
- JsonUploadStore (the default, one machine): ADVISOR_HOME/uploads.json, replaced atomically under a lock.
- DbUploadStore (ADVISOR_DATABASE_URL, several replicas): the records AND the bytes in the shared database. A
  replica writes the uploads it has not seen into its own uploads folder (sync_uploads) before it lists them or
  builds the index, so an upload made on one replica is indexed and searchable on all. Names are claimed in the
  database, so two replicas uploading "notat.pdf" at once keep "notat.pdf" and "notat-2.pdf".
An upload without a record (copied into the folder by hand) gets the default label, the lowest rank.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import re
import tempfile
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from sqlalchemy import BigInteger, Column, LargeBinary, MetaData, Table, Text, insert, select, update

from advisor.config import Settings
from advisor.corpus.labels import SourceLabel
from advisor.corpus.readers import SUPPORTED_SUFFIXES
from advisor.database import Conflict, Database, shared_url, state_error, store_database
from advisor.errors import AdvisorError, InvalidInput

log = logging.getLogger(__name__)

MAX_NAME_CHARS = 120
_UNSAFE = re.compile(r"[^\w.\- ()]+", re.UNICODE)
_DASHES = re.compile(r"-{2,}")
# Names Windows refuses (the folder may be copied to a Windows share).
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


@dataclass(frozen=True)
class StoredUpload:
    """One kept original in the uploads folder, with the label it is indexed under."""

    name: str
    path: Path
    size_bytes: int
    saved: str  # ISO time, UTC
    label: SourceLabel = field(default_factory=SourceLabel)


@dataclass(frozen=True)
class UploadRecord:
    """What the store keeps about one upload: its label and where it came from."""

    name: str  # the file name in the uploads folder
    label: SourceLabel
    original_name: str = ""
    sha256: str = ""
    size_bytes: int = 0
    saved: str = ""  # ISO time, UTC

    def to_dict(self) -> dict:
        """The record as JSON-ready data (the name is the key it is stored under)."""
        return {**self.label.to_dict(), "original_name": self.original_name, "sha256": self.sha256,
                "size_bytes": self.size_bytes, "saved": self.saved}

    @classmethod
    def from_dict(cls, name: str, data: dict) -> UploadRecord:
        """A record from stored JSON; a label that no longer validates falls back to the default (lowest rank)."""
        try:
            label = SourceLabel.from_dict(data)
        except InvalidInput as exc:
            log.warning("upload %s: stored label refused (%s); using the default label", name, exc)
            label = SourceLabel()
        return cls(name, label, str(data.get("original_name", "")), str(data.get("sha256", "")),
                   int(data.get("size_bytes") or 0), str(data.get("saved", "")))


class UploadStore(Protocol):
    """Where upload records live. One JSON file today; a database table can implement the same four calls."""

    def get(self, name: str) -> UploadRecord | None: ...

    def put(self, record: UploadRecord) -> None: ...

    def all(self) -> dict[str, UploadRecord]: ...

    def version(self) -> str:
        """Changes whenever a record changes: part of the index fingerprint, so a new label means a new build."""
        ...


class JsonUploadStore:
    """Upload records in one JSON file: written to a temporary file and renamed over the old one under a lock.

    Readers never take the lock (a rename is atomic); writers do, so two admins uploading at once both keep
    their records. A damaged file is moved aside, not fatal: its uploads fall back to the default label.
    """

    shares_content = False  # the bytes are the files of this machine's uploads folder

    def __init__(self, path: Path):
        self.path = path

    def _read(self) -> dict[str, dict]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            log.warning("upload store %s is unreadable (%s); uploads get the default label", self.path, exc)
            return {}
        uploads = data.get("uploads") if isinstance(data, dict) else None
        return {str(k): v for k, v in uploads.items() if isinstance(v, dict)} if isinstance(uploads, dict) else {}

    def get(self, name: str) -> UploadRecord | None:
        """The record of one upload, or None."""
        data = self._read().get(name)
        return UploadRecord.from_dict(name, data) if data is not None else None

    def all(self) -> dict[str, UploadRecord]:
        """Every record, by file name."""
        return {name: UploadRecord.from_dict(name, data) for name, data in self._read().items()}

    def version(self) -> str:
        """A hash of the stored records (empty when there are none)."""
        try:
            return hashlib.sha256(self.path.read_bytes()).hexdigest()[:16]
        except OSError:
            return ""

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_name(self.path.name + ".lock"), "a+b") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def put(self, record: UploadRecord) -> None:
        """Add or replace one record."""
        with self._locked():
            raw = self.path.read_bytes() if self.path.exists() else b""
            records = self._read()
            if raw and not records and raw.strip() not in (b"", b"{}", b'{"uploads": {}}'):
                aside = self.path.with_name(f"{self.path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
                os.replace(self.path, aside)
                log.warning("upload store %s was damaged; moved aside to %s", self.path, aside.name)
            records[record.name] = record.to_dict()
            tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
            try:
                with open(tmp, "w", encoding="utf-8") as fh:
                    json.dump({"version": 1, "uploads": records}, fh, ensure_ascii=False, indent=1, sort_keys=True)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, self.path)
            finally:
                tmp.unlink(missing_ok=True)


_META = MetaData()
UPLOADS = Table(
    "uploads", _META,
    Column("name", Text, primary_key=True),  # the file name in every replica's uploads folder
    Column("record", Text, nullable=False),  # UploadRecord.to_dict() as JSON: the label and where it came from
    Column("sha256", Text, nullable=False),
    Column("size_bytes", BigInteger, nullable=False),
    Column("content", LargeBinary, nullable=False),
)
MIGRATIONS = (lambda conn: _META.create_all(conn, checkfirst=True),)


class DbUploadStore:
    """Upload records and contents in the shared database (see the module docstring)."""

    shares_content = True

    def __init__(self, database: Database):
        self.db = database
        self.db.migrate("uploads", MIGRATIONS)

    def get(self, name: str) -> UploadRecord | None:
        """The record of one upload, or None."""
        with self.db.read() as conn:
            raw = conn.execute(select(UPLOADS.c.record).where(UPLOADS.c.name == name)).scalar()
        return UploadRecord.from_dict(name, json.loads(raw)) if raw is not None else None

    def all(self) -> dict[str, UploadRecord]:
        """Every record, by file name."""
        with self.db.read() as conn:
            rows = conn.execute(select(UPLOADS.c.name, UPLOADS.c.record).order_by(UPLOADS.c.name)).all()
        return {name: UploadRecord.from_dict(name, json.loads(raw)) for name, raw in rows}

    def version(self) -> str:
        """A hash of the stored records and contents (empty when there are none)."""
        with self.db.read() as conn:
            rows = conn.execute(select(UPLOADS.c.name, UPLOADS.c.record, UPLOADS.c.sha256)
                                .order_by(UPLOADS.c.name)).all()
        if not rows:
            return ""
        h = hashlib.sha256()
        for name, raw, sha in rows:
            h.update(f"{name}\x1f{raw}\x1f{sha}\n".encode())
        return h.hexdigest()[:16]

    def put(self, record: UploadRecord) -> None:
        """Replace the record of a stored upload (a new label); the content stays."""
        with self.db.write() as conn:
            done = conn.execute(update(UPLOADS).where(UPLOADS.c.name == record.name)
                                .values(record=json.dumps(record.to_dict(), ensure_ascii=False))).rowcount
        if not done:
            raise InvalidInput("upload", record.name, "the name of a stored upload")

    def claim(self, record: UploadRecord, content: bytes) -> bool:
        """Store a new upload under record.name; False when another replica took that name first."""
        try:
            with self.db.write() as conn:
                conn.execute(insert(UPLOADS).values(name=record.name, record=json.dumps(record.to_dict(), ensure_ascii=False),
                                                    sha256=record.sha256, size_bytes=len(content), content=content))
        except Conflict:
            return False
        return True

    def names(self) -> dict[str, str]:
        """Every stored upload's name and sha256."""
        with self.db.read() as conn:
            return dict(conn.execute(select(UPLOADS.c.name, UPLOADS.c.sha256)).all())

    def content(self, name: str) -> bytes | None:
        """The bytes of one upload."""
        with self.db.read() as conn:
            return conn.execute(select(UPLOADS.c.content).where(UPLOADS.c.name == name)).scalar()


def open_upload_store(settings: Settings) -> UploadStore:
    """The upload store: the shared database of ADVISOR_DATABASE_URL, else uploads.json in the state folder."""
    if shares_uploads(settings):
        return DbUploadStore(store_database(settings, "the upload store", settings.home / "uploads.sqlite"))
    return JsonUploadStore(settings.home / "uploads.json")


def shares_uploads(settings: Settings) -> bool:
    """Whether uploads live in the shared database (their files in the uploads folder are copies)."""
    return shared_url(settings) is not None


def sync_uploads(settings: Settings, store: UploadStore | None = None) -> list[str]:
    """Write the shared uploads this replica does not have yet into its uploads folder; their names.

    A name's content never changes once stored, so a file of that name already present is that upload. Each file
    is written hidden and renamed into place: a build running at the same moment sees it whole or not at all.
    """
    store = store or open_upload_store(settings)
    if not getattr(store, "shares_content", False):
        return []
    folder = settings.uploads_dir
    written = []
    for name, _sha in sorted(store.names().items()):
        target = folder / name
        if name != safe_name(name) or target.exists():
            continue
        data = store.content(name)
        if data is None:
            continue
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(prefix=".sync-", suffix=".part", dir=folder)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp_name, target)
        except OSError as exc:
            raise state_error(folder, exc) from exc
        written.append(name)
    return written


def upload_labels(settings: Settings) -> dict[str, SourceLabel]:
    """The label of every upload with a record, by file name (files without one get the default label)."""
    return {name: record.label for name, record in open_upload_store(settings).all().items()}


def safe_name(name: str) -> str:
    """A harmless file name from a browser-supplied one: no folders, no leading dot, only ordinary characters.

    "../../etc/passwd.md" -> "passwd.md", ".skjult.txt" -> "skjult.txt", "Rapport 2024 (utkast).pdf" stays.
    """
    if not isinstance(name, str):
        raise InvalidInput("file name", name, "text")
    name = unicodedata.normalize("NFC", name)
    # Browsers may send a full Windows path; keep only the last component either way.
    base = re.split(r"[\\/]", name)[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")  # control and format characters
    base = _UNSAFE.sub("-", base).strip()
    base = _DASHES.sub("-", base)
    base = base.lstrip(". -").rstrip(". ")
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = stem.strip(" .-") or "dokument"
    if stem.lower() in _RESERVED:
        stem = f"{stem}-fil"
    suffix = suffix.lower()
    limit = MAX_NAME_CHARS - len(suffix) - 1
    stem = stem[:limit].rstrip(" .-") or "dokument"
    return f"{stem}.{suffix}" if suffix else stem


def check_upload(name: str, data: bytes, settings: Settings) -> str:
    """The sanitised name if the upload is acceptable; raises InvalidInput naming what is wrong."""
    clean = safe_name(name)
    suffix = Path(clean).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InvalidInput("file type", suffix or name, "one of " + ", ".join(SUPPORTED_SUFFIXES))
    if not data:
        raise InvalidInput("file", name, "a file that is not empty")
    limit = int(settings.index.max_file_mb * 1e6)
    if len(data) > limit:
        raise InvalidInput("file size", f"{len(data) / 1e6:.1f} MB", f"at most {settings.index.max_file_mb:g} MB (ADVISOR_INDEX_MAX_FILE_MB)")
    if suffix == ".pdf" and not data.lstrip()[:5].startswith(b"%PDF"):
        raise InvalidInput("file", name, "a PDF file (it has no %PDF header)")
    if suffix in (".txt", ".md") and b"\x00" in data[:65536] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InvalidInput("file", name, "a text file (this one looks binary)")
    return clean


def _candidates(clean: str):
    stem, suffix = os.path.splitext(clean)
    yield clean
    for i in range(2, 10_000):
        yield f"{stem}-{i}{suffix}"
    raise InvalidInput("file name", clean, "a name not used 10 000 times already in the uploads folder")


def save_upload(name: str, data: bytes, settings: Settings, label: SourceLabel | None = None) -> Path:
    """Save one uploaded file into settings.uploads_dir under a safe, unused name, with its label; returns the path.

    The bytes are written to a hidden temporary file first (hidden files are never indexed) and then linked
    to the final name, which fails instead of overwriting when the name is taken. Then the label is recorded;
    if that fails the file is removed again, so an upload is either kept with its label or not kept at all.
    """
    clean = check_upload(name, data, settings)
    label = label or SourceLabel()
    folder = settings.uploads_dir
    store = open_upload_store(settings)
    shared = getattr(store, "shares_content", False)
    for _ in range(20):
        if shared:
            sync_uploads(settings, store)  # the names other replicas took are files here too
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target = _link_unused(folder, clean, data)
        except OSError as exc:  # a full disk or a read-only state folder: one clear message, nothing half-saved
            raise state_error(folder, exc) from exc
        record = UploadRecord(target.name, label, original_name=name[:MAX_NAME_CHARS],
                              sha256=hashlib.sha256(data).hexdigest(), size_bytes=len(data),
                              saved=datetime.now(UTC).isoformat(timespec="seconds"))
        try:
            if not shared:
                store.put(record)
            elif not store.claim(record, data):
                target.unlink(missing_ok=True)  # another replica stored this name a moment ago: take the next
                continue
        except BaseException as exc:
            target.unlink(missing_ok=True)
            if isinstance(exc, OSError):
                raise state_error(settings.home, exc) from exc
            raise
        return target
    raise AdvisorError(f"could not store the upload {clean}: other replicas kept taking its name; try again")


def relabel_upload(name: str, label: SourceLabel, settings: Settings) -> UploadRecord:
    """Change what a kept upload is (an admin's correction); the next index build uses the new label."""
    path = settings.uploads_dir / name
    store = open_upload_store(settings)
    if name == safe_name(name):
        sync_uploads(settings, store)
    if name != safe_name(name) or not path.is_file():
        raise InvalidInput("upload", name, "the name of a file in the uploads folder")
    old = store.get(name)
    if old is None:
        data = path.read_bytes()
        old = UploadRecord(name, SourceLabel(), original_name=name, sha256=hashlib.sha256(data).hexdigest(),
                           size_bytes=len(data))
    record = UploadRecord(name, label, old.original_name, old.sha256, old.size_bytes, old.saved)
    try:
        store.put(record)
    except OSError as exc:
        raise state_error(settings.home, exc) from exc
    return record


def _link_unused(folder: Path, clean: str, data: bytes) -> Path:
    fd, tmp_name = tempfile.mkstemp(prefix=".upload-", suffix=".part", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        for candidate in _candidates(clean):
            target = folder / candidate
            try:
                os.link(tmp, target)  # atomic, and refuses to replace an existing file
            except FileExistsError:
                continue
            except OSError:
                # File systems without hard links: claim the name exclusively, then copy.
                try:
                    with open(target, "xb") as out:
                        out.write(data)
                except FileExistsError:
                    continue
            return target
    finally:
        tmp.unlink(missing_ok=True)
    raise AssertionError("unreachable")  # pragma: no cover - _candidates raises first


def list_uploads(settings: Settings) -> list[StoredUpload]:
    """The kept originals in the uploads folder with their labels, newest first (hidden and temporary files left out)."""
    folder = settings.uploads_dir
    sync_uploads(settings)
    if not folder.is_dir():
        return []
    labels = upload_labels(settings)
    out = []
    for path in folder.iterdir():
        if path.name.startswith(".") or not path.is_file():
            continue
        st = path.stat()
        saved = datetime.fromtimestamp(st.st_mtime, UTC).isoformat(timespec="seconds")
        out.append(StoredUpload(path.name, path, st.st_size, saved, labels.get(path.name, SourceLabel())))
    return sorted(out, key=lambda u: (u.saved, u.name), reverse=True)
