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
import logging
from pathlib import Path
from typing import Any

import numpy as np

from advisor.config import Settings
from advisor.doffin.codes import load_codes
from advisor.search import EmbeddingCache, get_embedder, text_key

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
