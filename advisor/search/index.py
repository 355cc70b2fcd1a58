"""The index: a Chroma collection (dense) and BM25 (lexical) over the same chunk ids.

Builds are written aside and then swapped in: a build that fails or is killed half-way leaves the previous
index in use. Locally each build is its own folder under ADVISOR_HOME/index/builds and the file
index/CURRENT (replaced atomically) names the one in use. With ADVISOR_INDEX_CHROMA_URL set, builds are
collections on the Chroma server and the pointer lives on the server too, so several app instances share
one vector store.

Layout (local):
    .advisor/index/CURRENT                 {"build": "...", "collection": "...", "fingerprint": "..."}
    .advisor/index/builds/<build>/chroma/  Chroma PersistentClient
    .advisor/index/builds/<build>/chunks.jsonl
    .advisor/cache/embeddings.sqlite       (model, text hash) -> vector
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import shutil
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from advisor.config import Settings
from advisor.corpus import CHUNKER_VERSION, Chunk, chunk_documents, corpus_files, load_documents
from advisor.errors import AdvisorError, IndexNotBuilt
from advisor.search.embedders import Embedder, EmbeddingCache, get_embedder, text_key
from advisor.search.lexical import LexicalIndex

log = logging.getLogger(__name__)

POINTER_COLLECTION = "advisor-pointer"
_SOURCES_FILE = "sources.json"


@dataclass
class IndexReport:
    """What `advisor index` did."""

    documents: int = 0
    chunks: int = 0
    embedded_new: int = 0
    embedded_cached: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    repairs: dict[str, int] = field(default_factory=dict)
    unchanged: bool = False
    collection: str = ""
    build: str = ""
    seconds: float = 0.0


@dataclass
class Index:
    """An open index: the Chroma collection, BM25 and the chunks, all over the same chunk ids."""

    settings: Settings
    collection: object
    collection_name: str
    chunks: list[Chunk]
    lexical: LexicalIndex
    embedder: Embedder
    build: str
    positions: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.positions = {c.chunk_id: i for i, c in enumerate(self.chunks)}

    def __len__(self) -> int:
        return len(self.chunks)


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


def _http_client(settings: Settings):
    import chromadb

    url = urlparse(settings.index.chroma_url or "")
    if not url.hostname:
        raise AdvisorError(f"ADVISOR_INDEX_CHROMA_URL {settings.index.chroma_url!r} is not a URL like http://127.0.0.1:8000")
    return chromadb.HttpClient(host=url.hostname, port=url.port or 8000, ssl=url.scheme == "https",
                               settings=_chroma_settings())


def _local_client(path: Path):
    import chromadb

    return chromadb.PersistentClient(path=str(path), settings=_chroma_settings())


def _get_collection(client, name: str, create: bool = False):
    # embedding_function=None every time: Chroma otherwise attaches its default, which downloads a model.
    if create:
        return client.create_collection(name, embedding_function=None, metadata={"hnsw:space": "cosine"})
    return client.get_collection(name, embedding_function=None)


# --- metadata round trip (Chroma metadata cannot hold None) ----------------------------------------------


def _chunk_meta(chunk: Chunk) -> dict:
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


# --- pointer to the current build --------------------------------------------------------------------------


def _read_pointer(settings: Settings) -> dict | None:
    if settings.index.chroma_url:
        client = _http_client(settings)
        from chromadb.errors import NotFoundError

        try:
            meta = _get_collection(client, POINTER_COLLECTION).metadata or {}
        except (NotFoundError, ValueError) as exc:
            log.debug("no pointer collection: %s", exc)
            return None
        raw = meta.get(collection_base(settings))
        return json.loads(raw) if raw else None
    path = settings.index_dir / "CURRENT"
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def _write_pointer(settings: Settings, pointer: dict) -> None:
    if settings.index.chroma_url:
        client = _http_client(settings)
        coll = client.get_or_create_collection(POINTER_COLLECTION, embedding_function=None)
        meta = dict(coll.metadata or {})
        meta[collection_base(settings)] = json.dumps(pointer)
        meta.pop("hnsw:space", None)
        coll.modify(metadata=meta)
        return
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    tmp = settings.index_dir / f"CURRENT.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(pointer), encoding="utf-8")
    os.replace(tmp, settings.index_dir / "CURRENT")  # atomic on POSIX: readers see the old or the new build


# --- sources ---------------------------------------------------------------------------------------------


def registered_sources(settings: Settings) -> list[Path]:
    """Files and folders added with `advisor index PATH` that later builds keep including."""
    path = settings.home / _SOURCES_FILE
    if not path.is_file():
        return []
    return [Path(p) for p in json.loads(path.read_text(encoding="utf-8"))]


def _register_sources(settings: Settings, paths: list[Path]) -> None:
    settings.home.mkdir(parents=True, exist_ok=True)
    tmp = settings.home / f"{_SOURCES_FILE}.tmp"
    tmp.write_text(json.dumps(sorted({str(p.resolve()) for p in paths})), encoding="utf-8")
    os.replace(tmp, settings.home / _SOURCES_FILE)


def _fingerprint(settings: Settings, extra: list[Path]) -> str:
    """Hash of every input file's path, size and mtime plus the collection name: equal means nothing changed."""
    h = hashlib.sha256(collection_base(settings).encode())
    files = [p for p, _ in corpus_files(settings)] + [settings.corpus_dir / "manifest.yaml"]
    roots = [*extra, settings.uploads_dir]
    for root in roots:
        if root.is_dir():
            files.extend(p for p in root.rglob("*") if p.is_file())
        elif root.is_file():
            files.append(root)
    for path in sorted(set(files)):
        try:
            st = path.stat()
        except OSError:
            continue
        h.update(f"{path}\x1f{st.st_size}\x1f{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:24]


# --- build -----------------------------------------------------------------------------------------------


def _embed_chunks(chunks: list[Chunk], embedder: Embedder, settings: Settings, report: IndexReport,
                  progress: bool, rebuild: bool) -> np.ndarray:
    cache = EmbeddingCache(settings.cache_dir / "embeddings.sqlite")
    try:
        if rebuild:
            cache.drop_model(embedder.model_id)
        keys = [text_key(c.search_text()) for c in chunks]
        found = cache.get_many(embedder.model_id, set(keys))
        missing = [i for i, k in enumerate(keys) if k not in found]
        report.embedded_cached = len(chunks) - len(missing)
        report.embedded_new = len(missing)
        if missing:
            from tqdm import tqdm

            bar = tqdm(total=len(missing), desc="Embedding", unit="chunk", disable=not progress, leave=False)
            batch = settings.index.embedding_batch
            for start in range(0, len(missing), batch):
                idx = missing[start : start + batch]
                vecs = embedder.embed_passages([chunks[i].search_text() for i in idx])
                new = {keys[i]: vecs[j] for j, i in enumerate(idx)}
                cache.put_many(embedder.model_id, new)  # saved per batch: a killed build keeps its work
                found.update(new)
                bar.update(len(idx))
            bar.close()
        return np.stack([found[k] for k in keys]) if keys else np.zeros((0, embedder.dim), np.float32)
    finally:
        cache.close()


def _write_collection(client, name: str, chunks: list[Chunk], vectors: np.ndarray, progress: bool):
    coll = _get_collection(client, name, create=True)
    step = 1000
    from tqdm import tqdm

    for start in tqdm(range(0, len(chunks), step), desc="Writing index", disable=not progress or len(chunks) < 5000, leave=False):
        part = chunks[start : start + step]
        coll.add(
            ids=[c.chunk_id for c in part],
            embeddings=vectors[start : start + step],
            documents=[c.text for c in part],
            metadatas=[_chunk_meta(c) for c in part],
        )
    return coll


def _prune_local_builds(settings: Settings, keep: set[str]) -> None:
    builds = settings.index_dir / "builds"
    if not builds.is_dir():
        return
    for child in builds.iterdir():
        if child.name not in keep:
            shutil.rmtree(child, ignore_errors=True)


def build_index(settings: Settings, paths: list[Path] | tuple[Path, ...] = (), rebuild: bool = False,
                progress: bool = True) -> IndexReport:
    """Index the bundled corpus, the uploads folder, earlier added sources and `paths`; swap in atomically.

    Unchanged chunks reuse cached embeddings; if no input file changed, nothing is rebuilt. `rebuild`
    forgets earlier added sources and cached embeddings of this model and builds from scratch.
    """
    started = time.perf_counter()
    report = IndexReport(collection=collection_base(settings))
    new_paths = [Path(p) for p in paths]
    earlier = [] if rebuild else registered_sources(settings)
    # A source added earlier that has since been moved or deleted is reported, not fatal.
    vanished = [p for p in earlier if not p.exists()]
    extra = [p for p in dict.fromkeys(p.resolve() for p in [*earlier, *new_paths]) if p not in vanished]
    pointer = _read_pointer(settings)
    fingerprint = _fingerprint(settings, extra)
    if pointer and not rebuild and pointer.get("fingerprint") == fingerprint:
        report.unchanged = True
        report.build = pointer["build"]
        report.documents = pointer.get("documents", 0)
        report.chunks = pointer.get("chunks", 0)
        report.embedded_cached = report.chunks
        report.seconds = time.perf_counter() - started
        return report

    docs, load = load_documents(settings, extra)
    report.documents, report.repairs = len(docs), load.repairs
    report.skipped = [*((str(p), "added earlier, no longer exists; dropped from the sources") for p in vanished), *load.skipped]
    chunks = chunk_documents(docs, settings)
    report.chunks = len(chunks)
    if not chunks:
        raise AdvisorError("nothing to index: the corpus produced no chunks")
    embedder = get_embedder(settings.index.embedding_backend, settings.index.embedding_model)
    vectors = _embed_chunks(chunks, embedder, settings, report, progress, rebuild)

    ids = sorted(c.chunk_id for c in chunks)
    if pointer and not rebuild and pointer.get("ids_hash") == hashlib.sha256("".join(ids).encode()).hexdigest():
        # Files were touched but no chunk changed: keep the build, remember the new fingerprint.
        pointer["fingerprint"] = fingerprint
        _write_pointer(settings, pointer)
        _register_sources(settings, extra)
        report.unchanged, report.build = True, pointer["build"]
        report.seconds = time.perf_counter() - started
        return report

    build = time.strftime("%Y%m%d-%H%M%S") + "-" + uuid.uuid4().hex[:6]
    name = f"{collection_base(settings)}-{build[-6:]}" if settings.index.chroma_url else collection_base(settings)
    if settings.index.chroma_url:
        client = _http_client(settings)
        _write_collection(client, name, chunks, vectors, progress)
    else:
        folder = settings.index_dir / "builds" / build
        folder.mkdir(parents=True)
        _write_collection(_local_client(folder / "chroma"), name, chunks, vectors, progress)
        tmp = folder / "chunks.jsonl.tmp"
        with tmp.open("w", encoding="utf-8") as fh:
            for c in chunks:
                fh.write(json.dumps(dataclasses.asdict(c), ensure_ascii=False) + "\n")
        os.replace(tmp, folder / "chunks.jsonl")
    new_pointer = {
        "build": build, "collection": name, "fingerprint": fingerprint, "documents": len(docs), "chunks": len(chunks),
        "ids_hash": hashlib.sha256("".join(ids).encode()).hexdigest(), "embedder": embedder.model_id,
        "created": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    _write_pointer(settings, new_pointer)  # the swap: from here on readers open the new build
    _register_sources(settings, extra)
    if settings.index.chroma_url:
        if pointer and pointer.get("collection") != name:
            _drop_old_server_collections(settings, keep={name, pointer["collection"]})
    else:
        # Keep the previous build too: a reader that opened it a moment ago may still be using it.
        _prune_local_builds(settings, keep={build, *([pointer["build"]] if pointer else [])})
    report.build = build
    report.collection = name
    report.seconds = time.perf_counter() - started
    return report


def _drop_old_server_collections(settings: Settings, keep: set[str]) -> None:
    client = _http_client(settings)
    base = collection_base(settings)
    for coll in client.list_collections():
        coll_name = coll if isinstance(coll, str) else coll.name
        if coll_name.startswith(base + "-") and coll_name not in keep:
            client.delete_collection(coll_name)


# --- open ------------------------------------------------------------------------------------------------


def _load_chunks_local(folder: Path) -> list[Chunk]:
    with (folder / "chunks.jsonl").open(encoding="utf-8") as fh:
        return [Chunk(**json.loads(line)) for line in fh if line.strip()]


def _load_chunks_server(collection) -> list[Chunk]:
    chunks: list[Chunk] = []
    total = collection.count()
    for offset in range(0, total, 1000):
        got = collection.get(limit=1000, offset=offset, include=["documents", "metadatas"])
        chunks.extend(_chunk_from(i, t, m) for i, t, m in zip(got["ids"], got["documents"], got["metadatas"], strict=True))
    order = {c: i for i, c in enumerate(sorted(c.chunk_id for c in chunks))}
    return sorted(chunks, key=lambda c: order[c.chunk_id])


def index_exists(settings: Settings) -> bool:
    """True when a built index is available for these settings."""
    pointer = _read_pointer(settings)
    if not pointer:
        return False
    return bool(settings.index.chroma_url) or (settings.index_dir / "builds" / pointer["build"] / "chunks.jsonl").is_file()


def open_index(settings: Settings) -> Index:
    """Open the current index build; raises IndexNotBuilt when there is none."""
    pointer = _read_pointer(settings)
    if not pointer:
        raise IndexNotBuilt(settings.index.chroma_url or settings.index_dir)
    if settings.index.chroma_url:
        client = _http_client(settings)
        collection = _get_collection(client, pointer["collection"])
        chunks = _load_chunks_server(collection)
    else:
        folder = settings.index_dir / "builds" / pointer["build"]
        if not (folder / "chunks.jsonl").is_file():
            raise IndexNotBuilt(settings.index_dir)
        collection = _get_collection(_local_client(folder / "chroma"), pointer["collection"])
        chunks = _load_chunks_local(folder)
    embedder = get_embedder(settings.index.embedding_backend, settings.index.embedding_model)
    lexical = LexicalIndex([c.search_text() for c in chunks], decompound=settings.index.decompound)
    return Index(settings, collection, pointer["collection"], chunks, lexical, embedder, pointer["build"])


def ensure_index(settings: Settings, progress: bool = True) -> Index:
    """Open the index after bringing it up to date: built if missing, changed files re-indexed (0.01 s if none)."""
    build_index(settings, progress=progress)
    return open_index(settings)
