"""The index: a Chroma collection (dense) and BM25 (lexical) over the same chunk ids, and opening a build safely.

Opening a build checks it: the number of chunks and their checksum against its record, and that Chroma opens,
counts the same and answers a query. A damaged build is reported and the newest intact one is used instead; the
next build (`advisor index`, or the refresh before every `ask`) replaces it. Building is in build.py, the record
of which builds exist and which one is active in registry.py.

Layout (local):
    .advisor/index/CURRENT                  the active build's record (JSON, replaced atomically)
    .advisor/index/build.lock               held by the one running build
    .advisor/index/builds/<build>/chroma/   Chroma PersistentClient
    .advisor/index/builds/<build>/chunks.jsonl
    .advisor/index/builds/<build>/build.json  the build's record, written last: no record, no complete build
    .advisor/cache/embeddings.sqlite        (model, text hash) -> vector
With ADVISOR_INDEX_CHROMA_URL set, a build is a collection `<base>-<build>` on the Chroma server and the records
are kept on the server (collection `advisor-pointer`), so several app instances share one vector store.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from advisor.config import Settings
from advisor.corpus import CHUNKER_VERSION, Chunk, shares_uploads
from advisor.database import store_database, write_problem
from advisor.errors import AdvisorError, DamagedState, IndexNotBuilt, StateNotWritable
from advisor.search.embedders import Embedder, get_embedder
from advisor.search.lexical import LexicalIndex
from advisor.search.registry import (
    BuildRecord,
    BuildRegistry,
    DbRegistry,
    FileLock,
    FileRegistry,
    ServerRegistry,
)
from advisor.search.windows import WindowVectors, embed_windows

log = logging.getLogger(__name__)


@dataclass
class Index:
    """An open index: the Chroma collection, BM25 and the chunks, all over the same chunk ids.

    `notes` says what happened on the way (a damaged build passed over, a refresh that could not run).
    """

    settings: Settings
    collection: object
    collection_name: str
    chunks: list[Chunk]
    lexical: LexicalIndex
    embedder: Embedder
    build: str
    positions: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    window_vectors: WindowVectors | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.positions = {c.chunk_id: i for i, c in enumerate(self.chunks)}
        self._windows_lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.chunks)

    def windows(self) -> WindowVectors:
        """The sentence-window vectors of the chunks (search/windows.py), loaded from the embedding cache when a
        query first needs them (a build has embedded them; missing ones are embedded now)."""
        with self._windows_lock:
            if self.window_vectors is None:
                self.window_vectors, _ = embed_windows(self.chunks, self.embedder, self.settings.cache_dir / "embeddings.sqlite",
                                                       self.settings.corpus_dir)
            return self.window_vectors


class _LazyEmbedder:
    """The embedder of an open index, loaded when a query first needs it.

    `advisor index` opens the build in use to check it and, when nothing changed, never embeds anything: loading the
    e5 model there would cost 0.8 s for nothing.
    """

    def __init__(self, backend: str, model: str):
        self._args = (backend, model)

    def __getattr__(self, name: str):
        return getattr(get_embedder(*self._args), name)


class BuildDamaged(Exception):
    """A build that fails its check on open; the reason goes into a note or a DamagedState."""


def collection_base(settings: Settings) -> str:
    """Collection name from everything that changes its contents: embedding model, chunking, chunker version."""
    embedder_id = {"e5": "e5-multilingual-small-q4", "hash": "hash-256"}.get(settings.index.embedding_backend)
    if embedder_id is None:
        embedder_id = "st-" + hashlib.sha256(settings.index.embedding_model.encode()).hexdigest()[:8]
    name = f"advisor-{embedder_id}-c{settings.index.chunk_chars}-o{settings.index.chunk_overlap_chars}-v{CHUNKER_VERSION}"
    return name if settings.index.repair_ocr else name + "-raw"


# --- Chroma clients -------------------------------------------------------------------------------------


def _chroma_settings():
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False, allow_reset=False)


def http_client(settings: Settings):
    import chromadb

    url = urlparse(settings.index.chroma_url or "")
    if not url.hostname:
        raise AdvisorError(f"ADVISOR_INDEX_CHROMA_URL {settings.index.chroma_url!r} is not a URL like http://127.0.0.1:8000")
    return chromadb.HttpClient(host=url.hostname, port=url.port or 8000, ssl=url.scheme == "https",
                               settings=_chroma_settings())


def local_client(path: Path):
    import chromadb

    return chromadb.PersistentClient(path=str(path), settings=_chroma_settings())


# Chroma's HNSW graph is approximate. With its defaults (ef 100) the 50 nearest of the 3 300 shipped notices missed
# some a local scan finds, and on a corpus of near-duplicate paragraphs a few vectors were not found even by their own
# vector; a wider graph and search keeps the server's ranking the same as an exact scan.
SERVER_HNSW = {"hnsw:construction_ef": 200, "hnsw:search_ef": 400}
# The local build the same way, built by one thread: with Chroma's defaults the 50 nearest corpus chunks were not
# always the exact ones and differed from build to build (1 of 3 fresh builds gave another fifth passage for the same
# question); with these settings five fresh builds gave the same 50, equal to an exact scan (tests/search/test_index.py).
LOCAL_HNSW = {**SERVER_HNSW, "hnsw:num_threads": 1}


def get_collection(client, name: str, create: bool = False, metadata: dict | None = None):
    # embedding_function=None every time: Chroma otherwise attaches its default, which downloads a model.
    if create:
        return client.create_collection(name, embedding_function=None,
                                        metadata={"hnsw:space": "cosine", **(metadata or {})})
    return client.get_collection(name, embedding_function=None)


def chroma_errors() -> tuple[type[BaseException], ...]:
    """What Chroma raises for a damaged, missing or unwritable store (its Rust core reports all of them as ChromaError)."""
    from chromadb.errors import ChromaError

    # A client that fails to open raises ValueError ("Could not connect to tenant") and then AttributeError from its
    # own clean-up (chromadb 1.5, seen on a full disk).
    return (ChromaError, sqlite3.Error, OSError, ValueError, KeyError, TypeError, RuntimeError, AttributeError)


# --- metadata round trip (Chroma metadata cannot hold None) ----------------------------------------------


def chunk_meta(chunk: Chunk) -> dict:
    meta = dataclasses.asdict(chunk)
    meta.pop("text")
    meta.pop("chunk_id")
    meta["page"] = -1 if chunk.page is None else chunk.page
    return meta


def _chunk_from(chunk_id: str, text: str, meta: dict) -> Chunk:
    page = meta.get("page", -1)
    return Chunk(chunk_id=chunk_id, doc_id=meta["doc_id"], title=meta["title"], section=meta.get("section", ""),
                 page=None if page in (-1, None) else int(page), start=int(meta.get("start", 0)),
                 end=int(meta.get("end", 0)), text=text, kind=meta.get("kind", ""), authority=meta.get("authority", "other"),
                 as_of=meta.get("as_of", ""), language=meta.get("language", ""), source=meta.get("source", ""))


def chunks_digest(chunks: Sequence[Chunk]) -> str:
    """Checksum of the chunks (every field), independent of their order and of how they were stored."""
    h = hashlib.sha256()
    for chunk in sorted(chunks, key=lambda c: c.chunk_id):
        h.update(json.dumps(vars(chunk), sort_keys=True, ensure_ascii=False).encode())
        h.update(b"\n")
    return h.hexdigest()


def ids_hash(chunks: Sequence[Chunk]) -> str:
    return hashlib.sha256("".join(sorted(c.chunk_id for c in chunks)).encode()).hexdigest()


# --- registry ----------------------------------------------------------------------------------------------


def open_registry(settings: Settings) -> BuildRegistry:
    """The build registry of these settings: the state folder, the Chroma server when one is configured, or the shared
    database when both a Chroma server and ADVISOR_DATABASE_URL are (several replicas)."""
    if settings.index.chroma_url and shares_uploads(settings):
        database = store_database(settings, "the build registry", settings.index_dir / "registry.sqlite")
        return DbRegistry(database, collection_base(settings), settings.index.chroma_url)
    if settings.index.chroma_url:
        lock = FileLock(settings.index_dir / "build.lock", settings.index.chroma_url)
        return ServerRegistry(lambda: http_client(settings), collection_base(settings), lock)
    return FileRegistry(settings.index_dir)


# --- open ------------------------------------------------------------------------------------------------


def _load_chunks_local(folder: Path) -> list[Chunk]:
    try:
        with (folder / "chunks.jsonl").open(encoding="utf-8") as fh:
            return [Chunk(**json.loads(line)) for line in fh if line.strip()]
    except FileNotFoundError as exc:
        raise BuildDamaged("chunks.jsonl is missing") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, TypeError) as exc:
        raise BuildDamaged(f"chunks.jsonl is unreadable ({type(exc).__name__})") from exc


def _load_chunks_server(collection) -> list[Chunk]:
    chunks: list[Chunk] = []
    total = collection.count()
    for offset in range(0, total, 1000):
        got = collection.get(limit=1000, offset=offset, include=["documents", "metadatas"])
        chunks.extend(_chunk_from(i, t, m) for i, t, m in zip(got["ids"], got["documents"], got["metadatas"], strict=True))
    order = {c: i for i, c in enumerate(sorted(c.chunk_id for c in chunks))}
    return sorted(chunks, key=lambda c: order[c.chunk_id])


def _probe(collection, chunks: list[Chunk]) -> None:
    """Chroma answers for this build: it holds as many vectors as there are chunks, and a query finds one."""
    if collection.count() != len(chunks):
        raise BuildDamaged(f"Chroma holds {collection.count()} vectors for {len(chunks)} chunks")
    sample = [chunks[0].chunk_id, chunks[-1].chunk_id]
    got = collection.get(ids=sample, include=["embeddings"])
    if sorted(got["ids"]) != sorted(set(sample)):
        raise BuildDamaged("Chroma is missing chunks of this build")
    result = collection.query(query_embeddings=[np.asarray(got["embeddings"][0], np.float32)], n_results=1)
    if not result["ids"] or not result["ids"][0]:
        raise BuildDamaged("Chroma returns nothing for a query")


def _transport_errors() -> tuple[type[BaseException], ...]:
    import httpx

    return (httpx.TransportError,)


class ServerUnavailable(AdvisorError):
    """The Chroma server stopped answering while a build was open (stopped, restarting, unreachable)."""

    def __init__(self, url: str, exc: BaseException):
        super().__init__(f"the Chroma server at {url} does not answer ({type(exc).__name__}: {str(exc)[:120]}); "
                         "answers resume when it is back (ADVISOR_INDEX_CHROMA_URL)")


class ServerCollection:
    """A collection on the Chroma server whose connection failures come out as one clear ServerUnavailable.

    chromadb's HttpClient raises httpx's transport errors ("Connection refused") as they are; an app session
    would otherwise show a bare ConnectError. Everything else passes through to the wrapped collection.
    """

    def __init__(self, collection, url: str):
        self._collection = collection
        self._url = url

    def _call(self, name: str, *args, **kwargs):
        import httpx

        try:
            return getattr(self._collection, name)(*args, **kwargs)
        except httpx.TransportError as exc:
            raise ServerUnavailable(self._url, exc) from exc
        except ValueError as exc:  # chromadb's "Could not connect to a Chroma server"
            if "Could not connect" in str(exc):
                raise ServerUnavailable(self._url, exc) from exc
            raise

    def query(self, *args, **kwargs):
        return self._call("query", *args, **kwargs)

    def get(self, *args, **kwargs):
        return self._call("get", *args, **kwargs)

    def count(self):
        return self._call("count")

    def upsert(self, *args, **kwargs):
        return self._call("upsert", *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call("delete", *args, **kwargs)

    def __getattr__(self, name: str):
        return getattr(self._collection, name)


def server_collection(settings: Settings, name: str, metadata: dict | None = None) -> ServerCollection:
    """A collection on the configured Chroma server, created (cosine space, with `metadata`) when missing; a server
    that does not answer raises ServerUnavailable, as a search of the corpus does."""
    url = settings.index.chroma_url or ""
    try:
        # An existing collection keeps its metadata (Chroma ignores `metadata` then); the caller checks it.
        collection = http_client(settings).get_or_create_collection(
            name, embedding_function=None, metadata={"hnsw:space": "cosine", **(metadata or {})})
    except _transport_errors() as exc:
        raise ServerUnavailable(url, exc) from exc
    except ValueError as exc:  # chromadb's "Could not connect to a Chroma server"
        if "Could not connect" in str(exc):
            raise ServerUnavailable(url, exc) from exc
        raise
    return ServerCollection(collection, url)


def open_build(settings: Settings, record: BuildRecord) -> Index:
    """Open one build and check it against its record; raises BuildDamaged (or StateNotWritable for a read-only folder)."""
    try:
        if settings.index.chroma_url:
            collection = get_collection(http_client(settings), record.collection)
            chunks = _load_chunks_server(collection)
        else:
            folder = settings.index_dir / "builds" / record.build
            chunks = _load_chunks_local(folder)
            if record.chunks and len(chunks) != record.chunks:
                raise BuildDamaged(f"chunks.jsonl has {len(chunks)} chunks, its record {record.chunks}")
            if not (folder / "chroma" / "chroma.sqlite3").is_file():
                raise BuildDamaged("its Chroma folder is missing")
            collection = get_collection(local_client(folder / "chroma"), record.collection)
        if not chunks:
            raise BuildDamaged("it has no chunks")
        if record.digest and chunks_digest(chunks) != record.digest:
            raise BuildDamaged("its chunks do not match their checksum (chunks.jsonl or the collection was changed)")
        _probe(collection, chunks)
        if settings.index.chroma_url:
            collection = ServerCollection(collection, settings.index.chroma_url)
    except BuildDamaged:
        raise
    except _transport_errors() as exc:  # the server went away between two calls
        raise ServerUnavailable(settings.index.chroma_url or "", exc) from exc
    except chroma_errors() as exc:
        if not settings.index.chroma_url:
            problem = write_problem(settings.index_dir, str(exc))
            if problem:  # Chroma writes to its folder even to search: a full disk or read-only folder stops it
                raise StateNotWritable(settings.index_dir, f"{problem} (Chroma must write to its folder to open the "
                                       "index)") from exc
        if settings.index.chroma_url and "Could not connect" in str(exc):
            raise AdvisorError(f"the Chroma server at {settings.index.chroma_url} does not answer: {str(exc)[:160]}") from exc
        raise BuildDamaged(f"Chroma cannot read it ({type(exc).__name__}: {str(exc)[:120]})") from exc
    embedder = _LazyEmbedder(settings.index.embedding_backend, settings.index.embedding_model)
    lexical = LexicalIndex([c.search_text() for c in chunks], decompound=settings.index.decompound)
    return Index(settings, collection, record.collection, chunks, lexical, embedder, record.build)


def index_exists(settings: Settings) -> bool:
    """True when a build is recorded for these settings (whether it is intact is checked when it is opened)."""
    registry = open_registry(settings)
    active, _ = registry.active()
    if active is None:
        return bool(registry.complete_builds())
    return bool(settings.index.chroma_url) or (settings.index_dir / "builds" / active.build).is_dir()


def open_index(settings: Settings) -> Index:
    """Open the active build after checking it; a damaged one is passed over for the newest intact build (noted).

    Raises IndexNotBuilt when there is no build, DamagedState when no build is intact.
    """
    registry = open_registry(settings)
    active, problem = registry.active()
    problems = [problem] if problem else []
    candidates = ([active] if active else []) + [r for r in registry.complete_builds() if not active or r.build != active.build]
    for record in candidates:
        try:
            index = open_build(settings, record)
        except BuildDamaged as exc:
            problems.append(f"build {record.build} is damaged: {exc}")
            continue
        if problems:
            index.notes.append("; ".join(problems) + f"; using build {record.build} ({record.created or 'earlier'}) "
                               "until `advisor index` makes a new one")
            log.warning("%s", index.notes[-1])
        return index
    where = settings.index.chroma_url or settings.index_dir
    if problems:
        raise DamagedState(where, "; ".join(problems), "run `advisor index` to build it again")
    raise IndexNotBuilt(where)


