"""Building the index: read the corpus, embed (with the cache), write a build aside, swap it in, prune old builds.

One builder at a time per state folder: `advisor index`, an admin re-index and the refresh before `ask` take the
registry's lock. `advisor index` and the admin wait for a running build (bounded) and then say "a build is
running"; readers never wait: they answer from the build in use and say so. A build that fails (a full disk, a
read-only folder, a Chroma error) leaves nothing behind and the build in use unchanged, and the error names the
folder and the reason in one line.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import resource
import shutil
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from advisor.config import Settings
from advisor.corpus import (
    Chunk,
    SourceLabel,
    chunk_documents,
    corpus_files,
    load_documents,
    open_upload_store,
    shares_uploads,
    sync_uploads,
)
from advisor.database import state_error, write_problem
from advisor.errors import AdvisorError, BuildRunning, DamagedState, IndexNotBuilt, StateNotWritable
from advisor.search.cards import card_question_vectors, card_vectors, check_card_sources, load_cards
from advisor.search.embedders import Embedder, EmbeddingCache, get_embedder, text_key
from advisor.search.index import (
    LOCAL_HNSW,
    SERVER_HNSW,
    BuildDamaged,
    Index,
    chroma_errors,
    chunk_meta,
    chunks_digest,
    collection_base,
    get_collection,
    http_client,
    ids_hash,
    local_client,
    open_build,
    open_index,
    open_registry,
)
from advisor.search.registry import BuildRecord, BuildRegistry, write_atomically
from advisor.search.shipped import fill_from_shipped, write_shipped
from advisor.search.windows import embed_windows, window_keys

log = logging.getLogger(__name__)

_SOURCES_FILE = "sources.json"
# How long `advisor index` and an admin re-index wait for a running build before saying so.
LOCK_WAIT_S = 300.0
# Builds kept besides the active one, and how long a replaced build is kept at least: a reader (an app session,
# a running `ask`) may have opened it just before the swap.
KEEP_BUILDS = 3
GRACE_S = 15 * 60


@dataclass
class IndexReport:
    """What `advisor index` did."""

    documents: int = 0
    chunks: int = 0
    embedded_new: int = 0
    embedded_cached: int = 0
    embedded_shipped: int = 0  # taken from the vectors shipped with the corpus (corpus/vectors/)
    embedded_windows: int = 0  # sentence windows embedded now (search/windows.py); the others were cached or shipped
    skipped: list[tuple[str, str]] = field(default_factory=list)
    repairs: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    unchanged: bool = False
    collection: str = ""
    build: str = ""
    seconds: float = 0.0


# --- sources ---------------------------------------------------------------------------------------------


def registered_sources(settings: Settings) -> dict[Path, SourceLabel]:
    """Files and folders added with `advisor index PATH` that later builds keep including, with their labels."""
    path = settings.home / _SOURCES_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DamagedState(path, f"not a list of sources: {type(exc).__name__}",
                           "it lists the files and folders added with `advisor index PATH`; restore it from a backup, "
                           "or delete it and add them again") from exc
    entries = data.get("sources", []) if isinstance(data, dict) else data  # earlier versions: a list of paths
    if not isinstance(entries, list):
        raise DamagedState(path, "not a list of sources", "restore it from a backup, or delete it and add them again")
    out: dict[Path, SourceLabel] = {}
    for entry in entries:
        if isinstance(entry, str):
            out[Path(entry)] = SourceLabel()
        elif isinstance(entry, dict) and isinstance(entry.get("path"), str):
            out[Path(entry["path"])] = SourceLabel.from_dict(entry)
    return out


def _register_sources(settings: Settings, sources: Mapping[Path, SourceLabel]) -> None:
    settings.home.mkdir(parents=True, exist_ok=True)
    entries = [{"path": str(p), **label.to_dict()} for p, label in sorted(sources.items(), key=lambda item: str(item[0]))]
    write_atomically(settings.home / _SOURCES_FILE, json.dumps({"version": 2, "sources": entries}, ensure_ascii=False, indent=1))


def _fingerprint(settings: Settings, sources: Mapping[Path, SourceLabel]) -> str:
    """Hash of every input file's path, size and mtime, the labels and the collection name: equal means nothing changed."""
    h = hashlib.sha256(collection_base(settings).encode())
    h.update(f"\x1euploads:{open_upload_store(settings).version()}".encode())
    for root, label in sorted(sources.items(), key=lambda item: str(item[0])):
        h.update(f"\x1esource:{root}\x1f{label.to_dict()}".encode())
    files = [p for p, _ in corpus_files(settings)] + [settings.corpus_dir / "manifest.yaml"]
    # Shared uploads (ADVISOR_DATABASE_URL) are covered by the store's version, a hash of their contents: the copies
    # in each replica's folder have their own mtimes, which must not make two replicas' fingerprints differ.
    for root in [*sources, *([] if shares_uploads(settings) else [settings.uploads_dir])]:
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
        found = cache.get_many(embedder.model_id, set(keys), dim=embedder.dim)
        missing = [i for i, k in enumerate(keys) if k not in found]
        report.embedded_cached = len(chunks) - len(missing)
        shipped = fill_from_shipped(cache, settings.corpus_dir, embedder.model_id, embedder.dim,
                                    [keys[i] for i in missing])
        found.update(shipped)
        missing = [i for i in missing if keys[i] not in shipped]
        report.embedded_shipped = len(shipped)
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
        if cache.problem:
            report.notes.append(cache.problem)
        return np.stack([found[k] for k in keys]) if keys else np.zeros((0, embedder.dim), np.float32)
    finally:
        cache.close()


def _write_collection(client, name: str, chunks: list[Chunk], vectors: np.ndarray, progress: bool,
                      metadata: dict | None = None):
    coll = get_collection(client, name, create=True, metadata=metadata)
    step = 1000
    from tqdm import tqdm

    for start in tqdm(range(0, len(chunks), step), desc="Writing index", disable=not progress or len(chunks) < 5000, leave=False):
        part = chunks[start : start + step]
        coll.add(
            ids=[c.chunk_id for c in part],
            embeddings=vectors[start : start + step],
            documents=[c.text for c in part],
            metadatas=[chunk_meta(c) for c in part],
        )
    return coll


@contextmanager
def _write_errors(settings: Settings, where: Path | str) -> Iterator[None]:
    """Turn a failed write into one clear error; the build in use stays in use."""
    kept = "; the index in use is unchanged"
    try:
        yield
    except OSError as exc:
        error = state_error(Path(where) if not settings.index.chroma_url else settings.home, exc)
        raise StateNotWritable(settings.index_dir if Path(error.path).is_relative_to(settings.index_dir) else error.path,
                               error.reason, kept) from exc
    except StateNotWritable as exc:
        raise StateNotWritable(exc.path, exc.reason, kept) from exc
    except AdvisorError:
        raise
    except chroma_errors() as exc:
        if settings.index.chroma_url:
            raise AdvisorError(f"the Chroma server at {settings.index.chroma_url} refused the new build "
                               f"({type(exc).__name__}: {str(exc)[:160]}){kept}") from exc
        raise StateNotWritable(settings.index_dir, write_problem(Path(where), str(exc)) or _chroma_failure(settings, exc),
                               kept) from exc


def _chroma_failure(settings: Settings, exc: BaseException) -> str:
    """A Chroma write error it does not explain ("Error in compaction"), with the free space that usually does."""
    try:
        free = f"; {shutil.disk_usage(settings.index_dir).free / 1e6:.1f} MB free on its disk"
    except OSError:
        free = ""
    limit, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
    if limit != resource.RLIM_INFINITY:
        free += f"; the file size limit of this process (ulimit -f) is {limit / 1e6:.1f} MB"
    return f"Chroma could not write the new build ({str(exc)[:160]}{free})"


def _write_build(settings: Settings, record: BuildRecord, chunks: list[Chunk], vectors: np.ndarray, progress: bool) -> None:
    """Write the build's data (a folder, or a collection on the server); on any failure nothing of it is left."""
    if settings.index.chroma_url:
        client = http_client(settings)
        try:
            with _write_errors(settings, settings.index.chroma_url):
                coll = _write_collection(client, record.collection, chunks, vectors, progress, SERVER_HNSW)
                _wait_searchable(settings, coll, chunks, vectors)
        except BaseException:
            _delete_server_collection(settings, record.collection)
            raise
        return
    folder = settings.index_dir / "builds" / record.build
    try:
        with _write_errors(settings, folder):
            folder.mkdir(parents=True)
            _write_collection(local_client(folder / "chroma"), record.collection, chunks, vectors, progress, LOCAL_HNSW)
            lines = "".join(json.dumps(dataclasses.asdict(c), ensure_ascii=False) + "\n" for c in chunks)
            write_atomically(folder / "chunks.jsonl", lines)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


SEARCHABLE_WAIT_S = 60.0
SEARCHABLE_SAMPLE = 64
# HNSW can leave a vector that no search reaches, not even one by its own vector: measured on a build of near-duplicate
# paragraphs (hash embedder), 1-11 of 552 with Chroma's default graph and 0-2 with SERVER_HNSW, the same on every retry.
# Such a vector is indexed, so a few misses among the sample do not hold the build back; a batch not yet indexed does.
SEARCHABLE_MISSES = 0.10


def _wait_searchable(settings: Settings, coll, chunks: list[Chunk], vectors: np.ndarray) -> None:
    """Wait until the Chroma server holds all of the new build's chunks and its search finds a sample of them (the
    last written among them always sampled).

    The server indexes what it was sent in the background; a build made active before that would answer from part
    of its vectors on every replica. A sampled chunk is found when the search by its own vector returns it (or an
    identical vector). Up to SEARCHABLE_MISSES of the sample may stay unfound (vectors the approximate graph does
    not reach), but not all of the last written. Not searchable within SEARCHABLE_WAIT_S: the build fails and is
    never activated.
    """
    n = len(chunks)
    last = set(range(max(0, n - 4), n))
    picks = sorted({*range(0, n, max(1, n // SEARCHABLE_SAMPLE)), *last})
    allowed = int(len(picks) * SEARCHABLE_MISSES)
    deadline = time.monotonic() + SEARCHABLE_WAIT_S
    while True:
        stored = coll.count()
        # Its own vector finds a chunk at distance 0; an identical vector of another chunk of this build (the same
        # paragraph in two documents) may come first, and the search is approximate: ten results, and a result at
        # distance ~0 counts as found.
        result = coll.query(query_embeddings=vectors[picks], n_results=min(10, n), include=["distances"])
        missing = [i for i, ids, dists in zip(picks, result["ids"], result["distances"], strict=True)
                   if chunks[i].chunk_id not in ids and not (dists and dists[0] <= 1e-5)]
        if stored >= n and len(missing) <= allowed and not last.issubset(missing):
            if missing:
                log.info("Chroma search does not reach %d of %d sampled chunks of the new build (approximate graph)",
                         len(missing), len(picks))
            return
        if time.monotonic() > deadline:
            raise AdvisorError(f"the Chroma server at {settings.index.chroma_url} holds {stored} of {n} chunks of the new "
                               f"build and its search does not find {len(missing)} of {len(picks)} sampled chunks "
                               f"after {SEARCHABLE_WAIT_S:.0f} s; the index in use is unchanged")
        time.sleep(0.5)


def _delete_server_collection(settings: Settings, name: str) -> None:
    try:
        http_client(settings).delete_collection(name)
    except chroma_errors() as exc:  # already gone, or the server is down: pruning retries later
        log.debug("could not delete collection %s: %s", name, exc)


def _remove_orphans(settings: Settings, registry: BuildRegistry, active: BuildRecord | None) -> None:
    """Delete local build folders without a record (killed or failed builds); only ever under the builder lock."""
    builds = settings.index_dir / "builds"
    if settings.index.chroma_url or not builds.is_dir():
        return
    complete = {r.build for r in registry.complete_builds()}
    for child in builds.iterdir():
        if child.name not in complete and (active is None or child.name != active.build):
            shutil.rmtree(child, ignore_errors=True)


def _prune(settings: Settings, registry: BuildRegistry, active: BuildRecord) -> None:
    """Delete builds beyond the newest KEEP_BUILDS that were replaced more than GRACE_S ago."""
    now = time.time()
    records = registry.complete_builds()
    for i, record in enumerate(records):
        replaced_at = records[i - 1].created_ts if i else now
        if record.build == active.build or i < KEEP_BUILDS or now - replaced_at < GRACE_S:
            continue
        if settings.index.chroma_url:
            _delete_server_collection(settings, record.collection)
        else:
            shutil.rmtree(settings.index_dir / "builds" / record.build, ignore_errors=True)
        registry.forget(record.build)
    if settings.index.chroma_url:
        _drop_unknown_server_collections(settings, registry, now)


def _drop_unknown_server_collections(settings: Settings, registry: BuildRegistry, now: float) -> None:
    """Collections of this base that no record names: failed builds, or builds of an earlier version.

    Another instance (another state folder, so another lock) may be writing one right now; its name carries its
    start time, and only collections older than GRACE_S are deleted.
    """
    base = collection_base(settings)
    known = {r.collection for r in registry.complete_builds()}
    active, _ = registry.active()
    if active:
        known.add(active.collection)
    for coll in http_client(settings).list_collections():
        name = coll if isinstance(coll, str) else coll.name
        if not name.startswith(base + "-") or name in known:
            continue
        try:
            started = time.mktime(time.strptime(name[len(base) + 1 :][:15], "%Y%m%d-%H%M%S"))
        except ValueError:
            started = 0.0  # a name of an earlier version: no start time, and never the build being written
        if now - started > GRACE_S:
            _delete_server_collection(settings, name)


def build_index(settings: Settings, paths: Sequence[Path] = (), rebuild: bool = False, progress: bool = True,
                labels: Mapping[Path, SourceLabel] | None = None, wait_s: float = LOCK_WAIT_S) -> IndexReport:
    """Index the bundled corpus, the uploads folder, earlier added sources and `paths`; swap in atomically.

    Unchanged chunks reuse cached embeddings; if no input file changed and the active build is intact, nothing is
    rebuilt. `labels` sets the label of files or folders in `paths` (default: the one they were added with, else
    the lowest rank). `rebuild` forgets earlier added sources and cached embeddings of this model and builds from
    scratch. Only one build runs per state folder: this waits up to `wait_s` seconds for a running one, then
    raises BuildRunning.
    """
    return _refresh(settings, paths, rebuild, progress, labels, wait_s)[0]


def _refresh(settings: Settings, paths: Sequence[Path], rebuild: bool, progress: bool,
             labels: Mapping[Path, SourceLabel] | None, wait_s: float) -> tuple[IndexReport, Index | None]:
    """build_index, also returning the opened active build when it was unchanged (ensure_index needs no second open)."""
    started = time.perf_counter()
    registry = open_registry(settings)
    with ExitStack() as held:
        with _write_errors(settings, settings.index_dir):  # the lock file itself may be unwritable
            held.enter_context(registry.builder_lock(wait_s))
        report, index = _build_locked(settings, registry, paths, rebuild, progress, labels)
    report.seconds = time.perf_counter() - started
    return report, index


def _sources(settings: Settings, paths: Sequence[Path], rebuild: bool,
             labels: Mapping[Path, SourceLabel] | None, report: IndexReport) -> dict[Path, SourceLabel]:
    """Earlier added sources (unless rebuild) plus the new paths, each with its label; vanished ones reported."""
    earlier = {} if rebuild else registered_sources(settings)
    given = {Path(p).resolve(): label for p, label in (labels or {}).items()}
    sources = dict(earlier)
    for path in (Path(p).resolve() for p in paths):
        sources[path] = given.get(path) or earlier.get(path) or SourceLabel()
    # A source added earlier that has since been moved or deleted is reported, not fatal.
    for path in [p for p in sources if not p.exists()]:
        report.skipped.append((str(path), "added earlier, no longer exists; dropped from the sources"))
        del sources[path]
    return sources


def _check_active(settings: Settings, registry: BuildRegistry, report: IndexReport) -> tuple[BuildRecord | None, Index | None]:
    """The active build if it opens and passes its check; else (None, None) with a note on what was wrong."""
    active, problem = registry.active()
    if problem:
        report.notes.append(f"{problem}; a new build replaces it")
    if active is None:
        return None, None
    try:
        return active, open_build(settings, active)
    except StateNotWritable as exc:  # a full disk or read-only folder: nothing of the build in use was touched
        raise StateNotWritable(exc.path, exc.reason, "; the index in use is unchanged") from exc
    except BuildDamaged as exc:
        report.notes.append(f"the index build in use ({active.build}) is damaged: {exc}; a new build replaces it")
        return None, None


def _build_locked(settings: Settings, registry: BuildRegistry, paths: Sequence[Path], rebuild: bool, progress: bool,
                  labels: Mapping[Path, SourceLabel] | None) -> tuple[IndexReport, Index | None]:
    report = IndexReport(collection=collection_base(settings))
    cards = load_cards(settings)  # a malformed card file fails the build before anything is written
    with _write_errors(settings, settings.uploads_dir):
        sync_uploads(settings)  # uploads made on another replica (shared database): indexed here too
    sources = _sources(settings, paths, rebuild, labels, report)
    active, opened = _check_active(settings, registry, report)
    with _write_errors(settings, settings.index_dir):
        _remove_orphans(settings, registry, active)
    fingerprint = _fingerprint(settings, sources)
    if active and opened and not rebuild and active.fingerprint == fingerprint:
        report.unchanged, report.build = True, active.build
        report.documents, report.chunks = active.documents, active.chunks
        report.embedded_cached = report.chunks
        return report, opened

    docs, load = load_documents(settings, list(sources), labels=sources)
    report.documents, report.repairs = len(docs), load.repairs
    report.skipped += load.skipped
    report.notes += [f"{Path(path).name}: {note}" for path, note in load.notes]
    chunks = chunk_documents(docs, settings)
    report.chunks = len(chunks)
    if not chunks:
        raise AdvisorError("nothing to index: the corpus produced no chunks")
    check_card_sources(cards, chunks)  # a card whose source is not in the corpus fails the build
    embedder = get_embedder(settings.index.embedding_backend, settings.index.embedding_model)
    with _write_errors(settings, settings.cache_dir):
        vectors = _embed_chunks(chunks, embedder, settings, report, progress, rebuild)
        # Embedded now so that no query waits for them (Index.windows() reads them from the cache).
        report.embedded_windows = embed_windows(chunks, embedder, settings.cache_dir / "embeddings.sqlite",
                                                settings.corpus_dir, settings.index.embedding_batch)[1]
        card_vectors(cards, embedder, settings)

    if active and opened and not rebuild and active.ids_hash == ids_hash(chunks) and active.digest == chunks_digest(chunks):
        # Files were touched but no chunk changed: keep the build, remember the new fingerprint.
        with _write_errors(settings, settings.index_dir):
            registry.activate(dataclasses.replace(active, fingerprint=fingerprint))
            _register_sources(settings, sources)
        report.unchanged, report.build = True, active.build
        return report, None

    build = time.strftime("%Y%m%d-%H%M%S") + "-" + uuid.uuid4().hex[:6]
    base = collection_base(settings)
    record = BuildRecord(
        build=build, collection=f"{base}-{build}" if settings.index.chroma_url else base, fingerprint=fingerprint,
        documents=len(docs), chunks=len(chunks), ids_hash=ids_hash(chunks), digest=chunks_digest(chunks),
        embedder=embedder.model_id, created=time.strftime("%Y-%m-%dT%H:%M:%S"), created_ts=time.time(),
    )
    _write_build(settings, record, chunks, vectors, progress)
    with _write_errors(settings, settings.index_dir):
        registry.mark_complete(record)
        registry.activate(record)  # the swap: from here on readers open the new build
        _register_sources(settings, sources)
        _prune(settings, registry, record)
    report.build, report.collection = build, record.collection
    return report, None


def ensure_index(settings: Settings, progress: bool = True) -> Index:
    """Open the index after bringing it up to date: built if missing, changed files re-indexed.

    With nothing changed this costs about what opening costs (0.15 s for the bundled corpus): the build in use is
    checked once and returned.

    Readers do not wait for a running build: they answer from the active build and say so. If the refresh
    cannot write (full disk, read-only folder) or a source is damaged, the intact build in use still answers,
    with a note; only when there is no usable build at all is that an error.
    """
    notes: list[str] = []
    index = None
    running = False
    try:
        report, index = _refresh(settings, (), False, progress, None, wait_s=0)
        notes += report.notes
    except BuildRunning as exc:
        running = True
        notes.append(f"{exc}; answering from the build in use")
    except (StateNotWritable, DamagedState) as exc:
        notes.append(f"the index could not be brought up to date: {exc}")
    if index is None:
        try:
            index = open_index(settings)
        except IndexNotBuilt:
            if not running:
                raise
            # The very first build is running: there is nothing to answer from, so wait for it.
            notes.clear()
            index = _refresh(settings, (), False, progress, None, wait_s=LOCK_WAIT_S)[1] or open_index(settings)
    for note in notes:
        log.warning("%s", note)
    index.notes[:0] = notes
    return index


def write_shipped_vectors(settings: Settings) -> tuple[Path, int]:
    """Write the vectors of the bundled corpus's chunks, their sentence windows and the answer cards' questions, embedded with the configured
    model (from the cache where it has them), as the corpus's shipped vectors (advisor/search/shipped.py).

    Only the bundled corpus is read (a throw-away state folder: no uploads, no added paths, no shared database), so
    nothing of a user's leaves the machine. Returns (file, number of vectors).
    """
    import tempfile

    with tempfile.TemporaryDirectory(prefix="advisor-shipped-") as tmp:
        bare = settings.model_copy(update={"home": Path(tmp), "database": settings.database.model_copy(update={"url": None})})
        docs, _ = load_documents(bare)
        chunks = chunk_documents(docs, bare)
    embedder = get_embedder(settings.index.embedding_backend, settings.index.embedding_model)
    with _write_errors(settings, settings.cache_dir):
        matrix = _embed_chunks(chunks, embedder, settings, IndexReport(), progress=False, rebuild=False)
        vectors = {text_key(c.search_text()): row for c, row in zip(chunks, matrix, strict=True)}
        windows, _ = embed_windows(chunks, embedder, settings.cache_dir / "embeddings.sqlite", settings.corpus_dir,
                                   settings.index.embedding_batch)
        keys = [key for per_chunk in window_keys(chunks) for key in per_chunk]
        vectors.update(zip(keys, windows.vectors, strict=True))
        vectors.update(card_question_vectors(load_cards(settings), embedder, settings))
    return write_shipped(settings.corpus_dir, embedder.model_id, vectors), len(vectors)
