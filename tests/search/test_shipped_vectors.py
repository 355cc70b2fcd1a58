"""Vectors shipped with the corpus (corpus/vectors/<model>.npz): a fresh home's first build takes them instead of
embedding the bundled corpus, gives the same index, ignores a damaged file, and the shipped e5 file fits the corpus."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from advisor.config import PROJECT_ROOT, Settings
from advisor.corpus import chunk_documents, load_documents
from advisor.search import build_index, open_index, write_shipped_vectors
from advisor.search.cards import card_question_keys, load_cards
from advisor.search.embedders import E5Embedder, text_key
from advisor.search.shipped import load_shipped, shipped_path
from advisor.search.windows import window_keys


@pytest.fixture
def corpus(tmp_path):
    """A copy of the bundled corpus without its shipped vectors (the test writes its own)."""
    copy = tmp_path / "corpus"
    shutil.copytree(PROJECT_ROOT / "corpus", copy, ignore=shutil.ignore_patterns("vectors", "doffin"))
    return copy


def _settings(home, corpus) -> Settings:
    return Settings(home=home, corpus_dir=corpus, index={"embedding_backend": "hash"})


def test_a_fresh_home_takes_the_shipped_vectors_and_builds_the_same_index(tmp_path, corpus):
    maker = _settings(tmp_path / "maker", corpus)
    path, n = write_shipped_vectors(maker)
    assert path == shipped_path(corpus, "hash-256") and n > 300
    fresh = _settings(tmp_path / "fresh", corpus)
    report = build_index(fresh, progress=False)
    assert report.embedded_new == 0 and report.embedded_shipped == report.chunks
    plain = _settings(tmp_path / "plain", corpus)
    path.unlink()
    assert build_index(plain, progress=False).embedded_new == report.chunks
    a, b = open_index(fresh), open_index(plain)
    assert [c.chunk_id for c in a.chunks] == [c.chunk_id for c in b.chunks]
    ids = [c.chunk_id for c in a.chunks[:50]]
    va = np.array(a.collection.get(ids=ids, include=["embeddings"])["embeddings"])
    vb = np.array(b.collection.get(ids=ids, include=["embeddings"])["embeddings"])
    assert np.abs(va - vb).max() < 2e-3  # float16 on disk


def test_a_damaged_shipped_file_is_ignored_and_the_corpus_embedded(tmp_path, corpus):
    path = shipped_path(corpus, "hash-256")
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a numpy file")
    report = build_index(_settings(tmp_path / "home", corpus), progress=False)
    assert report.embedded_shipped == 0 and report.embedded_new == report.chunks


def test_uploads_are_never_written_to_the_shipped_file(tmp_path, corpus):
    from advisor.corpus import save_upload

    settings = _settings(tmp_path / "home", corpus)
    save_upload("hemmelig.md", b"# Hemmelig notat\n\nIntern vurdering av leverandor X.", settings)
    build_index(settings, progress=False)
    write_shipped_vectors(settings)
    keys = set(load_shipped(corpus, "hash-256", 256))
    index = open_index(settings)
    uploaded = [c for c in index.chunks if "hemmelig" in c.source]
    upload_keys = {text_key(c.search_text()) for c in uploaded} | {k for keys in window_keys(uploaded) for k in keys}
    assert upload_keys and not upload_keys & keys


def test_the_shipped_e5_vectors_cover_the_bundled_corpus_and_cards(tmp_path):
    """Fails when the corpus or the cards changed without `advisor index --write-shipped-vectors` (e5): a fresh
    clone would then embed the changed chunks on its first run (slower, not wrong)."""
    settings = Settings(home=tmp_path / "home")
    shipped = load_shipped(settings.corpus_dir, E5Embedder.model_id, 384)
    assert shipped, f"no shipped vectors at {shipped_path(settings.corpus_dir, E5Embedder.model_id)}"
    docs, _ = load_documents(settings)
    chunks = chunk_documents(docs, settings)
    keys = {text_key(c.search_text()) for c in chunks} | set(card_question_keys(load_cards(settings)))
    covered = len(keys & set(shipped)) / len(keys)
    assert covered >= 0.95, f"the shipped vectors cover {covered:.0%} of the corpus chunks and card questions"
    windows = {k for per_chunk in window_keys(chunks) for k in per_chunk}
    covered = len(windows & set(shipped)) / len(windows)
    assert covered >= 0.95, f"the shipped vectors cover {covered:.0%} of the corpus chunks' sentence windows"
