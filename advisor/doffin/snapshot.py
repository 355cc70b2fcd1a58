"""The shipped Doffin snapshot (corpus/doffin): a compact, contact-free extract of the imported notices.

    build_snapshot(["../shared/data/doffin"], Path("corpus/doffin"), settings)   # raw folders -> notices.jsonl.gz
    import_snapshot(settings)                      # snapshot -> notice store (+ its vectors into the embedding cache,
                                                   #   and onto the Chroma server when one is configured)
    ensure_snapshot(settings)                      # the same, only when the store is empty; never raises

The snapshot keeps only the fields the figures and the similar-notice search need (SNAPSHOT_FIELDS); every text
is scrubbed again on the way out and on the way in. It is written deterministically (sorted rows, gzip without a
time stamp), so rebuilding it from the same raw files gives the same bytes and the same checksum.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from advisor.config import Settings
from advisor.doffin.ingest import import_paths
from advisor.doffin.models import Notice, ParseResult
from advisor.doffin.privacy import scrub_notice, scrub_text
from advisor.doffin.store import NoticeStore, file_sha256, open_store, store_exists
from advisor.doffin.vectors import (
    TITLE_CHARS,
    load_shipped_vectors,
    notice_text,
    short_text,
    sync_server_vectors,
)
from advisor.errors import AdvisorError, InvalidInput
from advisor.search import ServerUnavailable

log = logging.getLogger(__name__)

NOTICES_FILE = "notices.jsonl.gz"
MANIFEST_FILE = "manifest.json"
SNAPSHOT_VERSION = 1
DOFFIN_NOTICE_URL = "https://doffin.no/notices/{id}"

# The fields kept per notice, in this order. Nothing else of a raw notice (contacts, addresses, org numbers, file
# names) reaches the snapshot.
SNAPSHOT_FIELDS: tuple[str, ...] = (
    "doffin_id", "eforms_id", "synthetic_id", "publication_date", "form_type", "notice_type", "notice_subtype",
    "source_type", "regime", "procedure_code", "procedure_raw", "buyer_name", "buyer_legal_type", "contract_nature",
    "main_cpv", "cpv_codes", "title", "description", "estimated_value", "estimated_currency", "awarded_value",
    "awarded_currency", "tenders_received", "n_lots", "is_innovative",
)
# Extra fields that are not Notice fields: the Doffin link and the formats the notice was read from.
EXTRA_FIELDS: tuple[str, ...] = ("link", "formats")


def default_snapshot_dir(settings: Settings) -> Path:
    """Where the shipped snapshot lives: <corpus_dir>/doffin."""
    return settings.corpus_dir / "doffin"


def doffin_link(doffin_id: str | None) -> str | None:
    """The notice's page on doffin.no, when it has a Doffin id."""
    return DOFFIN_NOTICE_URL.format(id=doffin_id) if doffin_id else None


def snapshot_row(notice: dict[str, Any]) -> dict[str, Any]:
    """One merged store row as a snapshot row: the kept fields only, texts shortened and scrubbed."""
    row = {name: notice.get(name) for name in SNAPSHOT_FIELDS}
    key = str(notice.get("notice_key") or "")
    if key.startswith("synthetic:") and not row["synthetic_id"]:
        row["synthetic_id"] = key.removeprefix("synthetic:")  # the merged row keeps it only as its key
    row["title"] = scrub_text(short_text(notice.get("title"), TITLE_CHARS))
    row["description"] = scrub_text(short_text(notice.get("description")))
    row["buyer_name"] = scrub_text(short_text(notice.get("buyer_name"), TITLE_CHARS))
    row["cpv_codes"] = list(notice.get("cpv_codes") or [])
    row["link"] = doffin_link(notice.get("doffin_id"))
    row["formats"] = list(notice.get("formats") or [])
    return row


@dataclass(frozen=True)
class SnapshotReport:
    """What building a snapshot wrote."""

    path: str
    n_notices: int
    bytes: int
    sha256: str
    formats: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        """As a plain dict (for --json)."""
        return {"path": self.path, "n_notices": self.n_notices, "bytes": self.bytes, "sha256": self.sha256,
                "formats": self.formats}


def write_rows(rows: list[dict[str, Any]], path: Path) -> bytes:
    """Write rows as gzip-compressed JSON lines, deterministically (no gzip time stamp); returns the bytes."""
    text = "".join(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n" for row in rows)
    data = gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return data


def build_snapshot(raw_paths: Iterable[str | Path], out_dir: Path, settings: Settings) -> SnapshotReport:
    """Import the raw folders into a throw-away store, and write its merged notices as the snapshot."""
    with tempfile.TemporaryDirectory(prefix="doffin-snapshot-") as tmp:
        # a store file of its own, even when the app's notices live in a shared database
        tmp_settings = settings.model_copy(update={"home": Path(tmp),
                                                   "database": settings.database.model_copy(update={"url": None})})
        report = import_paths(list(raw_paths), tmp_settings)
        if report.store_total == 0:
            raise InvalidInput("--from", ", ".join(str(p) for p in raw_paths), "folders with readable Doffin notices")
        with open_store(tmp_settings) as store:
            notices = store.notices()
    rows = sorted((snapshot_row(n) for n in notices), key=lambda r: _row_key(r))
    data = write_rows(rows, out_dir / NOTICES_FILE)
    formats: Counter[str] = Counter(f for row in rows for f in row["formats"])
    sha = hashlib.sha256(data).hexdigest()
    manifest = read_manifest(out_dir) if (out_dir / MANIFEST_FILE).exists() else {}
    vectors = manifest.get("vectors")
    if vectors and vectors.get("notices_sha256") != sha:
        vectors = None  # the notices changed: the vectors no longer belong to them
    manifest = {
        "snapshot_version": SNAPSHOT_VERSION,
        "notices_file": NOTICES_FILE,
        "n_notices": len(rows),
        "sha256": sha,
        "fields": [*SNAPSHOT_FIELDS, *EXTRA_FIELDS],
        "formats": dict(sorted(formats.items())),
        "date_from": min((r["publication_date"] for r in rows if r["publication_date"]), default=None),
        "date_to": max((r["publication_date"] for r in rows if r["publication_date"]), default=None),
        "licence": "CC BY 4.0 (Doffin / DFØ), see LICENSE.md",
        "vectors": vectors,
    }
    write_manifest(out_dir, manifest)
    return SnapshotReport(str(out_dir / NOTICES_FILE), len(rows), len(data), sha, dict(sorted(formats.items())))


def _row_key(row: dict[str, Any]) -> str:
    return row.get("doffin_id") or row.get("eforms_id") or row.get("synthetic_id") or ""


def read_manifest(snapshot_dir: Path) -> dict[str, Any]:
    """The snapshot's manifest.json; AdvisorError when it is missing or not a JSON object."""
    path = snapshot_dir / MANIFEST_FILE
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise AdvisorError(f"Doffin snapshot manifest {path} is unreadable: {exc}") from exc
    if not isinstance(value, dict):
        raise AdvisorError(f"Doffin snapshot manifest {path} is not a JSON object")
    return value


def write_manifest(snapshot_dir: Path, manifest: dict[str, Any]) -> None:
    """Write manifest.json (sorted keys, indented, so a rebuild shows as a small diff)."""
    (snapshot_dir / MANIFEST_FILE).write_text(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                                              encoding="utf-8")


def read_rows(snapshot_dir: Path) -> tuple[list[dict[str, Any]], bytes]:
    """The snapshot rows and the compressed bytes; AdvisorError when the file is missing, damaged or altered."""
    manifest = read_manifest(snapshot_dir)
    path = snapshot_dir / str(manifest.get("notices_file", NOTICES_FILE))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AdvisorError(f"Doffin snapshot {path} is unreadable: {exc.strerror or exc}") from exc
    if hashlib.sha256(data).hexdigest() != manifest.get("sha256"):
        raise AdvisorError(f"Doffin snapshot {path} does not match the checksum in {MANIFEST_FILE}; rebuild it with "
                           "`advisor stats snapshot --from DIR`")
    try:
        rows = [json.loads(line) for line in gzip.decompress(data).decode("utf-8").splitlines() if line.strip()]
    except (OSError, EOFError, ValueError) as exc:
        raise AdvisorError(f"Doffin snapshot {path} is damaged: {exc}") from exc
    return rows, data


def notice_from_row(row: dict[str, Any], path: Path) -> Notice:
    """A snapshot row as a Notice of format `snapshot` (scrubbed again: the file may have been edited)."""
    values = {name: row.get(name) for name in SNAPSHOT_FIELDS}
    values["cpv_codes"] = tuple(str(c) for c in values["cpv_codes"] or ())
    tenders = values["tenders_received"]
    values["tenders_received"] = None if tenders is None else tuple(int(t) for t in tenders)
    source_id = values["doffin_id"] or values["eforms_id"] or values["synthetic_id"] or ""
    notice = Notice(source_format="snapshot", source_file=str(path), source_id=source_id, **values)
    return scrub_notice(notice)


def import_snapshot(settings: Settings, snapshot_dir: Path | None = None, store: NoticeStore | None = None) -> int:
    """Add the snapshot's notices to the store (one transaction) and its vectors to the embedding cache (and, with
    a Chroma server, to the server's notice collection).

    Returns the number of notices read. Notices already stored from a real file keep their fields (the snapshot
    ranks last); importing the same snapshot twice changes nothing.
    """
    snapshot_dir = snapshot_dir or default_snapshot_dir(settings)
    rows, data = read_rows(snapshot_dir)
    path = (snapshot_dir / NOTICES_FILE).resolve()
    notices = [notice_from_row(row, path) for row in rows]
    owns = store is None
    store = store or open_store(settings)
    try:
        store.add_file(path, file_sha256(data), ParseResult(format="snapshot", notices=notices))
    finally:
        if owns:
            store.close()
    load_shipped_vectors(settings, snapshot_dir, read_manifest(snapshot_dir).get("vectors") or {})
    if settings.index.chroma_url:
        _upload_vectors(settings)
    return len(notices)


def _upload_vectors(settings: Settings) -> None:
    """Give the Chroma server's notice collection the notices it lacks, now that the shipped vectors are in the
    embedding cache (uploaded as they are, not embedded again). A server that does not answer only delays this to
    the first similar search, which fills the collection the same way."""
    with open_store(settings) as store:
        rows = store.notices()
    try:
        sync_server_vectors(rows, [notice_text(r) for r in rows], settings)
    except ServerUnavailable as exc:
        log.warning("notice vectors not uploaded yet (the first similar search does it): %s", exc)


def store_is_empty(settings: Settings) -> bool:
    """True when no notice has been imported (no store file, or a store without notices)."""
    if not store_exists(settings):
        return True
    with open_store(settings) as store:
        return store.count() == 0


def ensure_snapshot(settings: Settings) -> str | None:
    """Import the shipped snapshot when the notice store is empty. Never raises: returns a one-line warning on
    failure, a one-line note on success, None when nothing was to be done."""
    snapshot_dir = default_snapshot_dir(settings)
    try:
        if not (snapshot_dir / MANIFEST_FILE).exists() or not store_is_empty(settings):
            return None
        n = import_snapshot(settings, snapshot_dir)
    except Exception as exc:  # noqa: BLE001 - first-run convenience: the index and the app work without it
        log.warning("Doffin snapshot not imported: %s", exc)
        return f"Doffin-utdraget ble ikke importert: {str(exc).splitlines()[0][:200]}"
    return f"Doffin-utdrag importert: {n} kunngjøringer fra {snapshot_dir}"


def is_snapshot_dir(path: str | Path) -> bool:
    """True if the path is a snapshot folder (it holds a manifest.json)."""
    return (Path(path) / MANIFEST_FILE).is_file()


def store_count(settings: Settings) -> int:
    """Distinct notices in the store (0 when there is none)."""
    if not store_exists(settings):
        return 0
    with open_store(settings) as store:
        return store.count()


def add_vectors(snapshot_dir: Path, settings: Settings) -> dict[str, Any] | None:
    """Embed the snapshot's notices with the configured model (cache first) unless its vectors already fit (same
    notices, same model); records them in the manifest and returns the manifest's `vectors` entry."""
    from advisor.doffin.vectors import build_vectors, embedder_for

    manifest = read_manifest(snapshot_dir)
    vectors = manifest.get("vectors") or {}
    if vectors.get("model_id") != embedder_for(settings).model_id or vectors.get("notices_sha256") != manifest["sha256"]:
        rows, _ = read_rows(snapshot_dir)
        manifest["vectors"] = {**build_vectors(rows, snapshot_dir, settings), "notices_sha256": manifest["sha256"]}
        write_manifest(snapshot_dir, manifest)
    return manifest.get("vectors")
