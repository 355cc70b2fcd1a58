"""Sentence windows (search/windows.py): how chunks are cut, how a chunk's best window is found, and the dense ranking
that uses them while hits keep reporting the whole chunk's similarity."""

from __future__ import annotations

import numpy as np
import pytest

from advisor.corpus import Chunk
from advisor.search import build_index, open_index, retrieve
from advisor.search.embedders import get_embedder
from advisor.search.retrieve import dense_search, window_search
from advisor.search.windows import WINDOW_CHARS, WindowVectors, embed_windows, window_texts


def _chunk(text: str, section: str = "Veiledning > Frister", title: str = "Veileder") -> Chunk:
    return Chunk(chunk_id="c1", doc_id="d1", title=title, section=section, page=None, start=0, end=len(text), text=text,
                 kind="guidance", authority="other", as_of="", language="nb", source="")


def test_a_long_chunk_is_cut_into_windows_of_whole_sentences_under_its_innermost_heading():
    sentences = [f"Setning nummer {i} handler om frister og krav i konkurransen, og den er ganske lang." for i in range(12)]
    windows = window_texts(_chunk(" ".join(sentences)))
    assert len(windows) >= 3
    assert all(w.startswith("Frister\n") for w in windows)
    bodies = [w.split("\n", 1)[1] for w in windows]
    assert all(len(b) <= WINDOW_CHARS for b in bodies)
    assert " ".join(bodies) == " ".join(sentences)  # every sentence in exactly one window, in order


def test_a_chunk_without_sections_is_headed_by_its_title_and_a_short_chunk_is_one_window():
    assert window_texts(_chunk("Kort tekst.", section="", title="Oppsummering")) == ["Oppsummering\nKort tekst."]


def test_a_chunk_s_score_is_its_best_window():
    vectors = WindowVectors.of([np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([[0.6, 0.8]])])
    assert vectors.best(np.array([0.0, 1.0])).tolist() == pytest.approx([1.0, 0.8])
    with pytest.raises(ValueError, match="at least one window"):
        WindowVectors.of([np.zeros((0, 2)), np.array([[1.0, 0.0]])])


def test_window_search_finds_a_chunk_by_one_of_its_sentences_and_keeps_the_whole_chunk_score(corpus_hash_settings):
    index = open_index(corpus_hash_settings)
    chunk = next(c for c in index.chunks if len(window_texts(c)) >= 3)
    sentence = window_texts(chunk)[1].split("\n", 1)[1]
    found = dict(window_search(sentence, index, 10))
    assert chunk.chunk_id in found
    whole = dict(dense_search(sentence, index, len(index)))
    # The best of the windows and of the whole chunk: never below the whole chunk's similarity.
    assert all(found[cid] >= whole[cid] - 1e-5 for cid in found)
    assert found[chunk.chunk_id] > whole[chunk.chunk_id]


def test_hits_report_the_whole_chunk_similarity_and_filters_hold(corpus_hash_settings):
    index = open_index(corpus_hash_settings)
    query = "Når kan vi bruke innovasjonspartnerskap?"
    whole = dict(dense_search(query, index, len(index)))
    hits = retrieve(query, index, corpus_hash_settings, top_k=5, mode="dense")
    assert all(h.dense_similarity == pytest.approx(whole[h.chunk_id], abs=1e-4) for h in hits)
    kinds = {c.kind for c in index.chunks}
    kind = sorted(kinds)[0]
    assert {index.chunks[index.positions[cid]].kind for cid, _ in window_search(query, index, 8, kinds=[kind])} == {kind}


def test_a_build_embeds_the_windows_so_that_a_query_finds_them_cached(settings):
    report = build_index(settings, progress=False)
    assert report.embedded_windows > report.chunks
    index = open_index(settings)
    vectors, embedded = embed_windows(index.chunks, get_embedder("hash"), settings.cache_dir / "embeddings.sqlite",
                                      settings.corpus_dir)
    assert embedded == 0 and len(vectors.starts) == len(index)


def test_best_of_scores_only_the_chosen_chunks_and_agrees_with_the_full_scan():
    rng = np.random.default_rng(7)
    per_chunk = [rng.normal(size=(n, 8)).astype(np.float32) for n in (1, 3, 2, 4, 1)]
    per_chunk = [m / np.linalg.norm(m, axis=1, keepdims=True) for m in per_chunk]
    windows = WindowVectors.of(per_chunk)
    query = rng.normal(size=8).astype(np.float32)
    full = windows.best(query)
    assert np.allclose(windows.best_of(query, np.array([3, 0, 4])), full[[3, 0, 4]])


def test_a_large_index_scores_the_windows_of_the_candidates_only_and_finds_the_lexical_hit(corpus_hash_settings,
                                                                                            monkeypatch):
    import sys
    retrieve_module = sys.modules["advisor.search.retrieve"]  # the package exports the function under the same name
    index = open_index(corpus_hash_settings)
    question = "Hvor lang er karensperioden?"
    exact = window_search(question, index, 10)
    lexical = [cid for cid, _ in retrieve_module.bm25_search(question, index, 10)]
    monkeypatch.setattr(retrieve_module, "WINDOW_SCAN_ALL", 0)  # as if the index were large
    scoped = window_search(question, index, 10, candidates=lexical)
    # every chunk the scoped search ranks has its exact score, and the exact top hit is kept when it is a candidate
    exact_scores = dict(exact)
    assert all(abs(score - exact_scores[cid]) < 1e-5 for cid, score in scoped if cid in exact_scores)
    if exact[0][0] in lexical:
        assert scoped[0][0] == exact[0][0]
