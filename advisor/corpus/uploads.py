"""Uploaded documents: saved safely into settings.uploads_dir, which every index build includes.

A file is saved before anything tries to index it, so a failed index never loses an upload. Names are
sanitised (no folders, no path traversal, no hidden files, no control characters) and an existing file is
never overwritten: "notat.pdf" becomes "notat-2.pdf", then "notat-3.pdf".
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from advisor.config import Settings
from advisor.corpus.readers import SUPPORTED_SUFFIXES
from advisor.errors import InvalidInput

MAX_NAME_CHARS = 120
_UNSAFE = re.compile(r"[^\w.\- ()]+", re.UNICODE)
_DASHES = re.compile(r"-{2,}")
# Names Windows refuses (the folder may be copied to a Windows share).
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


@dataclass(frozen=True)
class StoredUpload:
    """One kept original in the uploads folder."""

    name: str
    path: Path
    size_bytes: int
    saved: str  # ISO time, UTC


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


def save_upload(name: str, data: bytes, settings: Settings) -> Path:
    """Save one uploaded file into settings.uploads_dir under a safe, unused name; returns the saved path.

    The bytes are written to a hidden temporary file first (hidden files are never indexed) and then linked
    to the final name, which fails instead of overwriting when the name is taken.
    """
    clean = check_upload(name, data, settings)
    folder = settings.uploads_dir
    folder.mkdir(parents=True, exist_ok=True)
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
    """The kept originals in the uploads folder, newest first (hidden and temporary files left out)."""
    folder = settings.uploads_dir
    if not folder.is_dir():
        return []
    out = []
    for path in folder.iterdir():
        if path.name.startswith(".") or not path.is_file():
            continue
        st = path.stat()
        saved = datetime.fromtimestamp(st.st_mtime, UTC).isoformat(timespec="seconds")
        out.append(StoredUpload(path.name, path, st.st_size, saved))
    return sorted(out, key=lambda u: (u.saved, u.name), reverse=True)
