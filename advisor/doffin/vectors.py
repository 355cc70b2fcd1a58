"""Notice embeddings: the passage text of a notice, the shipped int8 vectors of the snapshot, the embedding cache.

The snapshot ships `vectors.npz` (one int8 row per notice plus a float32 scale, i.e. ~390 bytes a notice for e5's
384 dimensions) with the embedding model's id and a SHA-256 in the manifest. On import they go into the shared
embedding cache under that model id, keyed by the hash of the passage text, so the similar-notice search embeds
nothing on first run. When the configured model differs, or the checksum does not match, they are ignored and the
notices are embedded (once, then cached) like any other text.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import re
from pathlib import Path
from typing import Any

import numpy as np

from advisor.config import Settings
from advisor.doffin.codes import load_codes
from advisor.errors import AdvisorError
from advisor.search import (
    SERVER_HNSW,
    EmbeddingCache,
    get_embedder,
    server_collection,
    text_key,
    write_atomically,
)

log = logging.getLogger(__name__)

VECTORS_FILE = "vectors.npz"
DESCRIPTION_CHARS = 600  # "short description": enough for the search and the list, a few hundred bytes a notice
TITLE_CHARS = 300


def short_text(text: str | None, limit: int = DESCRIPTION_CHARS) -> str | None:
    """The text with whitespace collapsed, cut at a word boundary before `limit` characters (ending " …" when cut).

    Idempotent: a text it has already cut is returned unchanged, so the snapshot and the store give the same text.
    """
    if not text:
        return text
    text = " ".join(text.split())
    if len(text) <= limit or (text.endswith(" …") and len(text) <= limit + 2):
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def notice_text(notice: dict[str, Any]) -> str:
    """What the search sees of a notice: title, short description, and the CPV codes with their division names."""
    codes = load_codes()
    cpvs = [c for c in [notice.get("main_cpv"), *(notice.get("cpv_codes") or [])] if c]
    divisions = list(dict.fromkeys(codes.cpv_division_name(str(c)[:2]) for c in cpvs))
    parts = [short_text(notice.get("title"), TITLE_CHARS) or "", short_text(notice.get("description")) or ""]
    if cpvs:
        parts.append("CPV " + " ".join(dict.fromkeys(str(c) for c in cpvs)) + " (" + "; ".join(divisions) + ")")
    return "\n".join(p for p in parts if p)


def embedder_for(settings: Settings) -> Any:
    """The configured embedder (loaded once per process)."""
    return get_embedder(settings.index.embedding_backend, settings.index.embedding_model)


def quantize(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Row-wise symmetric int8 quantisation: (int8 matrix, float32 scale per row)."""
    vectors = np.asarray(vectors, np.float32)
    scale = np.abs(vectors).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    return np.round(vectors / scale[:, None]).astype(np.int8), scale.astype(np.float32)


def dequantize(q: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """Back to float32, each row normalised to length 1 (cosine similarity is a dot product)."""
    vectors = q.astype(np.float32) * scale[:, None]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


def build_vectors(rows: list[dict[str, Any]], snapshot_dir: Path, settings: Settings) -> dict[str, Any]:
    """Embed every snapshot row (cache first) and write vectors.npz; returns the manifest's `vectors` entry."""
    embedder = embedder_for(settings)
    texts = [notice_text(r) for r in rows]
    matrix = embed_texts(texts, settings, embedder)
    q, scale = quantize(matrix)
    keys = np.array([text_key(t) for t in texts], dtype="S32")  # ASCII hex: 32 bytes a key, not 128
    buffer = io.BytesIO()
    np.savez_compressed(buffer, q=q, scale=scale, keys=keys)
    data = buffer.getvalue()
    (snapshot_dir / VECTORS_FILE).write_bytes(data)
    return {"file": VECTORS_FILE, "model_id": embedder.model_id, "dim": int(matrix.shape[1]), "dtype": "int8",
            "n": len(rows), "sha256": hashlib.sha256(data).hexdigest()}


def embed_texts(texts: list[str], settings: Settings, embedder: Any | None = None) -> np.ndarray:
    """Vectors for texts (float32, rows normalised), from the embedding cache where it has them; the rest are
    embedded in batches and cached."""
    embedder = embedder or embedder_for(settings)
    keys = [text_key(t) for t in texts]
    cache = EmbeddingCache(settings.cache_dir / "embeddings.sqlite")
    try:
        found = cache.get_many(embedder.model_id, set(keys), embedder.dim)
        missing = [i for i, k in enumerate(keys) if k not in found]
        batch = settings.index.embedding_batch
        for start in range(0, len(missing), batch):
            part = missing[start : start + batch]
            vectors = embedder.embed_passages([texts[i] for i in part])
            new = {keys[i]: np.asarray(v, np.float32) for i, v in zip(part, vectors, strict=True)}
            cache.put_many(embedder.model_id, new)
            found.update(new)
    finally:
        cache.close()
    if not texts:
        return np.zeros((0, embedder.dim), np.float32)
    matrix = np.stack([found[k] for k in keys]).astype(np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms


def load_shipped_vectors(settings: Settings, snapshot_dir: Path, entry: dict) -> int:
    """Put the snapshot's vectors into the embedding cache when they fit the configured model; returns how many.
    `entry` is the manifest's "vectors" record (the caller reads the manifest, so this module needs no snapshot code).

    Vectors of another model, a damaged file or a checksum mismatch are ignored (logged): the notices are then
    embedded when first searched, which is slower but correct.
    """
    entry = entry or {}
    path = snapshot_dir / str(entry.get("file", VECTORS_FILE))
    if not entry or not path.exists():
        return 0
    embedder = embedder_for(settings)
    if entry.get("model_id") != embedder.model_id or entry.get("dim") != embedder.dim:
        log.info("shipped notice vectors are for %s, not %s: ignored", entry.get("model_id"), embedder.model_id)
        return 0
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != entry.get("sha256"):
        log.warning("shipped notice vectors %s do not match their checksum: ignored", path)
        return 0
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            vectors = dequantize(npz["q"], npz["scale"])
            keys = [k.decode("ascii") if isinstance(k, bytes) else str(k) for k in npz["keys"].tolist()]
    except (OSError, ValueError, KeyError) as exc:
        log.warning("shipped notice vectors %s are unreadable (%s): ignored", path, exc)
        return 0
    cache = EmbeddingCache(settings.cache_dir / "embeddings.sqlite")
    try:
        cache.put_many(embedder.model_id, dict(zip(keys, vectors, strict=True)))
    finally:
        cache.close()
    return len(keys)


# --- the notice vectors on a Chroma server ---------------------------------------------------------------

SERVER_BATCH = 1000  # vectors per request: 1000 x 384 floats is a ~3 MB request body


def server_collection_name(model_id: str) -> str:
    """The notices' collection on the Chroma server, one per embedding model: advisor-notices-e5-multilingual-small-q4."""
    return "advisor-notices-" + re.sub(r"[^A-Za-z0-9._-]+", "-", model_id).strip("-._")


def vector_id(notice_key: str, text: str) -> str:
    """A notice's id in the server collection: its key and the hash of its passage text, so a notice whose text
    changed (a later import merged more fields into it) gets a new vector rather than keeping the old one."""
    return f"{notice_key}#{text_key(text)[:16]}"


def date_number(day: str | None) -> int:
    """YYYY-MM-DD as the number YYYYMMDD (Chroma compares only numbers); 0 for a missing or odd date."""
    return int(day.replace("-", "")) if day and re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) else 0


def notice_metadata(row: dict[str, Any]) -> dict[str, Any]:
    """What the filters of the similar search read on the server: buyer type, procedure, date, and every prefix of
    every CPV code (a prefix filter is then `$contains`: 7226 matches 72260000)."""
    meta: dict[str, Any] = {"notice_key": row["notice_key"], "buyer_type": row.get("buyer_legal_type") or "",
                            "procedure": row.get("procedure_code") or "", "date": date_number(row.get("publication_date"))}
    codes = [str(c) for c in [row.get("main_cpv"), *(row.get("cpv_codes") or [])] if c]
    prefixes = sorted({code[:n] for code in codes for n in range(1, len(code) + 1)})
    if prefixes:  # Chroma refuses an empty list
        meta["cpv"] = prefixes
    return meta


def open_server_vectors(settings: Settings, embedder: Any | None = None) -> Any:
    """The notices' collection on the configured Chroma server (created when missing); ServerUnavailable when the
    server does not answer, AdvisorError when the collection holds another model's vectors."""
    embedder = embedder or embedder_for(settings)
    name = server_collection_name(embedder.model_id)
    collection = server_collection(settings, name, {"model_id": embedder.model_id, "dim": int(embedder.dim), **SERVER_HNSW})
    found = (collection.metadata or {}).get("model_id")
    if found != embedder.model_id:
        raise AdvisorError(f"the collection {name} on the Chroma server at {settings.index.chroma_url} holds vectors of "
                           f"{found or 'an unknown model'}, not {embedder.model_id}: delete it to have it rebuilt")
    return collection


def sync_server_vectors(rows: list[dict[str, Any]], texts: list[str], settings: Settings, collection: Any | None = None) -> int:
    """Add the notices the server collection lacks and drop the outdated vectors of these notices; returns how many
    were added. Vectors come from the embedding cache where it has them (an imported snapshot's shipped vectors),
    the rest are embedded and cached. Vectors of notices this store does not hold are left alone: another app
    instance sharing the server may have them.

    A completed sync is remembered in the cache folder (SYNC_MARKS_FILE: server, collection id and a digest of the
    vector ids), so a later process with the same notices skips listing the collection's ids when the collection
    still holds at least that many vectors."""
    embedder = embedder_for(settings)
    collection = collection or open_server_vectors(settings, embedder)
    wanted = {vector_id(row["notice_key"], text): i for i, (row, text) in enumerate(zip(rows, texts, strict=True))}
    stamp = _sync_stamp(settings, collection, wanted)
    total = collection.count()
    if total >= len(wanted) and stamp in _read_sync_marks(settings):
        return 0  # this process or an earlier one filled the collection with exactly these notices
    held: set[str] = set()
    for offset in range(0, total, SERVER_BATCH * 10):
        held.update(collection.get(limit=SERVER_BATCH * 10, offset=offset, include=[])["ids"])
    keys = {row["notice_key"] for row in rows}
    outdated = sorted(v for v in held if v not in wanted and v.rsplit("#", 1)[0] in keys)
    missing = [i for v, i in wanted.items() if v not in held]
    for start in range(0, len(missing), SERVER_BATCH):
        part = missing[start : start + SERVER_BATCH]
        vectors = embed_texts([texts[i] for i in part], settings, embedder)
        collection.upsert(ids=[vector_id(rows[i]["notice_key"], texts[i]) for i in part], embeddings=vectors,
                          metadatas=[notice_metadata(rows[i]) for i in part])
    for start in range(0, len(outdated), SERVER_BATCH):
        collection.delete(ids=outdated[start : start + SERVER_BATCH])
    if missing or outdated:
        log.info("notice vectors on the Chroma server: %d added, %d outdated removed", len(missing), len(outdated))
    _write_sync_mark(settings, stamp)
    return len(missing)


SYNC_MARKS_FILE = "chroma-notices-synced.json"  # under settings.cache_dir: the last SYNC_MARKS_KEPT stamps
SYNC_MARKS_KEPT = 8


def _sync_stamp(settings: Settings, collection: Any, wanted: dict[str, int]) -> str:
    """What a completed sync vouches for: this server, this collection (its id changes when it is deleted and made
    again) and exactly these vector ids (they change with every import that adds or merges notices)."""
    digest = hashlib.sha256("\n".join(sorted(wanted)).encode("utf-8")).hexdigest()
    return f"{settings.index.chroma_url} {collection.id} {digest}"


def _read_sync_marks(settings: Settings) -> list[str]:
    try:
        marks = json.loads((settings.cache_dir / SYNC_MARKS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [m for m in marks if isinstance(m, str)] if isinstance(marks, list) else []


def _write_sync_mark(settings: Settings, stamp: str) -> None:
    """Remember a completed sync, so the next process's first search does not list every id on the server (a few
    seconds at 250 000 notices) to find that nothing is missing."""
    marks = [stamp, *(m for m in _read_sync_marks(settings) if m != stamp)][:SYNC_MARKS_KEPT]
    path = settings.cache_dir / SYNC_MARKS_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps(marks))
    except OSError as exc:
        log.info("Chroma sync mark not written to %s: %s", path, exc)


def server_dense_top(collection: Any, query: np.ndarray, n: int, where: dict | None) -> list[tuple[str, float]]:
    """(vector id, cosine similarity) of the n nearest notices in the server collection that pass `where`."""
    result = collection.query(query_embeddings=[np.asarray(query, np.float32)], n_results=n, where=where,
                              include=["distances"])
    # Chroma's cosine space returns distance = 1 - cosine similarity.
    return [(vid, 1.0 - float(d)) for vid, d in zip(result["ids"][0], result["distances"][0], strict=True)]
