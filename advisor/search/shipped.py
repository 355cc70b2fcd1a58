"""Vectors shipped with the corpus: the bundled corpus embedded once with the default model, so that the first index
build of a fresh clone embeds only what changed since (seconds instead of about 45 s on 2 cores).

The file is `<corpus_dir>/vectors/<model id>.npz`: `keys`, the embedding cache keys of the chunk texts (text_key of
Chunk.search_text(), so the chunker's settings are part of the key), and `vectors` as float16 (e5 vectors are unit
length; float16 keeps cosine similarities to about 1e-3). Only chunks of the bundled corpus are written: uploads and
added paths never leave the machine. A missing, damaged or other-sized file is ignored (logged) and the chunks are
embedded as before: slower, never wrong. Chunks whose text changed since the file was written are simply not in it.

Rebuild after changing the corpus: `advisor index --write-shipped-vectors` (with the default e5 model).
"""

from __future__ import annotations

import functools
import io
import logging
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

FOLDER = "vectors"


def shipped_path(corpus_dir: Path, model_id: str) -> Path:
    """Where the shipped vectors of this model live in a corpus folder."""
    return Path(corpus_dir) / FOLDER / f"{model_id}.npz"


def load_shipped(corpus_dir: Path, model_id: str, dim: int) -> dict[str, np.ndarray]:
    """The shipped vectors of this model by cache key, as float32 ({} when there are none that fit)."""
    path = shipped_path(corpus_dir, model_id)
    try:
        stat = path.stat()
    except OSError:
        return {}
    return _read(str(path), stat.st_mtime_ns, stat.st_size, dim)


@functools.lru_cache(maxsize=4)
def _read(path: str, _mtime_ns: int, _size: int, dim: int) -> dict[str, np.ndarray]:
    try:
        with np.load(io.BytesIO(Path(path).read_bytes()), allow_pickle=False) as npz:
            keys = [k.decode("ascii") if isinstance(k, bytes) else str(k) for k in npz["keys"].tolist()]
            vectors = npz["vectors"].astype(np.float32)
    except (OSError, ValueError, KeyError, UnicodeDecodeError) as exc:
        log.warning("shipped corpus vectors %s are unreadable (%s): ignored", path, exc)
        return {}
    if vectors.ndim != 2 or vectors.shape != (len(keys), dim):
        log.warning("shipped corpus vectors %s have shape %s, not (%d, %d): ignored", path, vectors.shape, len(keys), dim)
        return {}
    return dict(zip(keys, vectors, strict=True))


def fill_from_shipped(cache: Any, corpus_dir: Path, model_id: str, dim: int | None, keys: list[str]) -> dict[str, np.ndarray]:
    """For the embedding cache's misses `keys`: the shipped vectors the corpus has for them, put into `cache` (an
    EmbeddingCache) and returned; {} when the embedder has no fixed dimension or nothing fits."""
    if not keys or not dim:
        return {}
    shipped = load_shipped(corpus_dir, model_id, dim)
    taken = {k: shipped[k] for k in keys if k in shipped}
    if taken:
        cache.put_many(model_id, taken)
    return taken


def write_shipped(corpus_dir: Path, model_id: str, vectors: dict[str, np.ndarray]) -> Path:
    """Write these vectors (cache key -> vector) as the corpus's shipped vectors of this model, sorted by key;
    the file is replaced atomically."""
    path = shipped_path(corpus_dir, model_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    keys = sorted(vectors)
    matrix = np.stack([np.asarray(vectors[k], dtype=np.float32) for k in keys]).astype(np.float16) if keys else \
        np.zeros((0, 0), np.float16)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, keys=np.array(keys, dtype="S32"), vectors=matrix)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(buffer.getvalue())
    tmp.replace(path)
    _read.cache_clear()
    return path
