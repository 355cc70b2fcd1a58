"""The similar-notice search with its vectors on a real Chroma server (`chroma run` on 127.0.0.1): the same ranking
as the local vectors, filters included; the collection filled incrementally; the shipped snapshot vectors uploaded
as they are; a stopped server gives the corpus's message and a BM25 ranking, not an error."""

from __future__ import annotations

import io
import json
from datetime import date

import numpy as np
import pytest
from chroma_server import chroma  # noqa: F401 - fixture
from paths import PROJECT_ROOT, TEST_DATA

from advisor.cli import main
from advisor.config import Settings
from advisor.doffin import (
    SimilarFilters,
    add_vectors,
    build_snapshot,
    import_paths,
    import_snapshot,
    similar_notices,
)
from advisor.doffin.similar import SERVER_DOWN_NOTE, notice_index
from advisor.doffin.snapshot import read_manifest, store_count
from advisor.doffin.vectors import (
    dequantize,
    embedder_for,
    open_server_vectors,
    server_collection_name,
    sync_server_vectors,
    vector_id,
)
from advisor.search import text_key
from advisor.search.index import http_client

pytestmark = pytest.mark.server

SHIPPED = PROJECT_ROOT / "corpus" / "doffin"
DOFFIN = TEST_DATA / "doffin"
QUERIES = [
    ("vintervedlikehold brøyting strøing", SimilarFilters()),
    ("rammeavtale renhold av kontorlokaler", SimilarFilters(since=date(2023, 1, 1))),
    ("konsulenttjenester innen IT og systemutvikling", SimilarFilters(cpv=("72", "48"))),
    ("rammeavtale", SimilarFilters(procedures=("open", "neg-w-call"), buyer_types=("ra", "cga", "body-pl"))),
]


def _settings(home, url: str | None = None) -> Settings:
    index = {"embedding_backend": "hash", **({"chroma_url": url} if url else {})}
    return Settings(home=home, index=index)


def _server_ids(settings: Settings) -> set[str]:
    return set(open_server_vectors(settings).get(include=[])["ids"])


def _dense(settings: Settings, text: str, filters: SimilarFilters) -> list[tuple[str, float]]:
    """(notice key, cosine) of the 50 nearest notices, by the local vectors or by the server, as the search ranks."""
    index = notice_index(settings)
    q = np.asarray(embedder_for(settings).embed_query(text), np.float32)
    q /= np.linalg.norm(q)
    mask = index.mask(filters)
    if settings.index.chroma_url:
        top = index.server_top(settings, q, 50, filters, mask)
    else:
        index.ensure_vectors(settings)
        top = index.dense_top(q, 50, mask)
    return [(index.rows[i]["notice_key"], sim) for i, sim in top]


def _notice_keys(settings: Settings) -> dict[str, str]:
    """notice_id (as SimilarNotice shows it) -> notice key."""
    return {r.get("doffin_id") or r.get("eforms_id") or r.get("synthetic_id") or r["notice_key"]: r["notice_key"]
            for r in notice_index(settings).rows}


def _groups(ranking: list[tuple[str, float]]) -> list[tuple[float, set[str]]]:
    """The ranking as groups of equal similarity (to 5 decimals): ties may come in any order."""
    groups: list[tuple[float, set[str]]] = []
    for key, sim in ranking:
        if groups and abs(groups[-1][0] - sim) < 1e-5:
            groups[-1][1].add(key)
        else:
            groups.append((sim, {key}))
    return [(round(s, 4), keys) for s, keys in groups]


def test_similar_through_the_server_ranks_as_the_local_vectors(chroma, tmp_path):  # noqa: F811
    local, server = _settings(tmp_path / "local"), _settings(tmp_path / "server", chroma.url)
    import_snapshot(local, SHIPPED)
    import_snapshot(server, SHIPPED)
    collection = open_server_vectors(server)
    assert collection.name == server_collection_name("hash-256") and collection.metadata["model_id"] == "hash-256"
    assert collection.count() == store_count(server) > 1000  # uploaded by the import, one vector a notice
    for text, filters in QUERIES:
        want, got = _dense(local, text, filters), _dense(server, text, filters)
        assert want and _groups(got) == _groups(want), (text, filters)
        # The results: the same notices, in the same order but for equal ones (same text, so same similarity and
        # same BM25 score) that may trade places.
        sims = dict(want)
        for mode in ("dense", "hybrid"):
            want_notices = similar_notices(text, local, k=10, filters=filters, mode=mode)
            got_notices = similar_notices(text, server, k=10, filters=filters, mode=mode)
            assert not got_notices.notes and not want_notices.notes
            assert len(got_notices) == len(want_notices) > 0
            key = _notice_keys(local)
            got_sims = [sims.get(key[r.notice_id], -1.0) for r in got_notices]
            want_sims = [sims.get(key[r.notice_id], -1.0) for r in want_notices]
            if mode == "dense":
                assert np.allclose(got_sims, want_sims, atol=1e-5), (text, mode)
            else:
                # Notices tied in the dense ranking take their dense ranks in another order, which moves their fused
                # score when their BM25 ranks differ: the same notices, near the same places.
                assert got_notices[0].notice_id == want_notices[0].notice_id
                assert len({r.notice_id for r in got_notices} & {r.notice_id for r in want_notices}) >= 9


def test_a_second_import_adds_only_the_new_notices_to_the_collection(chroma, tmp_path):  # noqa: F811
    settings = _settings(tmp_path / "home", chroma.url)
    import_paths([DOFFIN / "eforms"], settings)
    assert similar_notices("sosiale tjenester", settings, k=3)  # the first dense search fills the collection
    first = _server_ids(settings)
    assert len(first) == store_count(settings) > 0
    import_paths([DOFFIN / "scraped", DOFFIN / "api", DOFFIN / "dfo"], settings)
    index = notice_index(settings)
    wanted = {vector_id(r["notice_key"], t) for r, t in zip(index.rows, index.texts, strict=True)}
    new = wanted - first
    assert new and len(wanted) > len(first)
    assert sync_server_vectors(index.rows, index.texts, settings) == len(new)  # not one old notice again
    assert _server_ids(settings) == wanted  # and a notice whose text changed by merging keeps only its new vector
    assert sync_server_vectors(index.rows, index.texts, settings) == 0
    assert similar_notices("sosiale tjenester", settings, k=3, mode="dense")


def test_the_shipped_vectors_are_uploaded_as_they_are(chroma, tmp_path):  # noqa: F811
    builder = _settings(tmp_path / "builder")
    snapshot = tmp_path / "snapshot"
    build_snapshot([DOFFIN / "eforms", DOFFIN / "scraped"], snapshot, builder)
    add_vectors(snapshot, builder)
    server = _settings(tmp_path / "server", chroma.url)
    import_snapshot(server, snapshot)
    with np.load(io.BytesIO((snapshot / read_manifest(snapshot)["vectors"]["file"]).read_bytes())) as npz:
        shipped = dict(zip((k.decode() for k in npz["keys"]), dequantize(npz["q"], npz["scale"]), strict=True))
    got = open_server_vectors(server).get(include=["embeddings"])
    assert len(got["ids"]) == store_count(server) == len(shipped)
    embedder = embedder_for(server)
    index = notice_index(server)
    texts = {vector_id(r["notice_key"], t): t for r, t in zip(index.rows, index.texts, strict=True)}
    requantised = 0
    for vid, vector in zip(got["ids"], got["embeddings"], strict=True):
        text = texts[vid]
        assert np.allclose(vector, shipped[text_key(text)], atol=1e-6)  # the shipped int8 vector, not a new one
        fresh = np.asarray(embedder.embed_passages([text])[0], np.float32)
        requantised += float(np.abs(fresh / np.linalg.norm(fresh) - vector).max()) > 1e-5
    # Where int8 rounding shows (most vectors; not those of the hash embedder's few equal weights), embedding again
    # would have given other numbers than the ones on the server.
    assert requantised >= len(shipped) // 2


def test_a_stopped_server_gives_the_corpus_message_and_a_bm25_ranking(chroma, tmp_path, monkeypatch, capsys):  # noqa: F811
    settings = _settings(tmp_path / "home", chroma.url)
    import_paths([DOFFIN / "eforms", DOFFIN / "scraped", DOFFIN / "dfo"], settings)
    text = "renhold av kommunale bygg"
    assert not similar_notices(text, settings, k=5).notes
    chroma.stop()
    down = f"the Chroma server at {chroma.url} does not answer ("
    bm25 = [r.notice_id for r in similar_notices(text, settings, k=5, mode="bm25")]
    for mode in ("hybrid", "dense"):
        results = similar_notices(text, settings, k=5, mode=mode)
        assert [r.notice_id for r in results] == bm25 and bm25
        assert all(r.dense_rank is None for r in results)
        assert len(results.notes) == 1 and results.notes[0].startswith(f"{SERVER_DOWN_NOTE} {down}")
    # The CLI shows the note and the notices, and exits 0.
    monkeypatch.setenv("ADVISOR_HOME", str(settings.home))
    monkeypatch.setenv("ADVISOR_INDEX_EMBEDDING_BACKEND", "hash")
    monkeypatch.setenv("ADVISOR_INDEX_CHROMA_URL", chroma.url)
    assert main(["similar", text, "-k", "3"]) == 0
    out = capsys.readouterr().out
    assert SERVER_DOWN_NOTE in out and down in out and "[1]" in out
    assert main(["similar", text, "-k", "3", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["notes"][0].startswith(SERVER_DOWN_NOTE)
    # An import while the server is away still imports; the vectors go up with the first search after.
    other = _settings(tmp_path / "other", chroma.url)
    assert import_snapshot(other, SHIPPED) == store_count(other) > 1000


def test_a_later_process_does_not_list_the_collection_again_when_nothing_changed(chroma, tmp_path, monkeypatch):  # noqa: F811
    settings = _settings(tmp_path / "home", chroma.url)
    import_paths([DOFFIN / "eforms"], settings)
    index = notice_index(settings)
    collection = open_server_vectors(settings)
    assert sync_server_vectors(index.rows, index.texts, settings, collection) > 0
    listed: list[dict] = []
    get = type(collection).get

    def counting_get(self, *args, **kwargs):
        listed.append(kwargs)
        return get(self, *args, **kwargs)

    monkeypatch.setattr(type(collection), "get", counting_get)
    assert sync_server_vectors(index.rows, index.texts, settings, open_server_vectors(settings)) == 0
    assert listed == []  # the mark in the cache folder vouches for the collection
    # The collection deleted and made again (another id): filled again despite the mark.
    http_client(settings).delete_collection(collection.name)
    assert sync_server_vectors(index.rows, index.texts, settings, open_server_vectors(settings)) == len(index.rows)
