from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from advisor.cli import main
from advisor.errors import InvalidInput
from advisor.search import build_index, open_index, retrieve
from advisor.search.retrieve import dense_search


def test_hybrid_fuses_both_rankings_and_hits_carry_all_metadata(corpus_hash_settings):
    index = open_index(corpus_hash_settings)
    hits = retrieve("Når kan vi bruke innovasjonspartnerskap?", index, corpus_hash_settings, top_k=5)
    assert [h.rank for h in hits] == [1, 2, 3, 4, 5]
    ranked = [h for h in hits if not h.diversified]
    assert all(a.score >= b.score for a, b in zip(ranked, ranked[1:], strict=False))
    assert all(h.dense_rank and h.bm25_rank for h in hits if h.diversified)
    assert any(h.dense_rank and h.bm25_rank for h in hits)
    top = hits[0].to_dict()
    for key in ("rank", "score", "text", "chunk_id", "doc_id", "title", "section", "page", "kind", "authority", "as_of"):
        assert key in top


def test_filters_by_kind_and_document(corpus_hash_settings):
    index = open_index(corpus_hash_settings)
    hits = retrieve("innovasjon", index, corpus_hash_settings, top_k=8, kinds=["white_paper"])
    assert hits and {h.chunk.kind for h in hits} == {"white_paper"}
    hits = retrieve("innovasjon", index, corpus_hash_settings, top_k=3, doc_ids=["difi-feiltrinn"], mode="bm25")
    assert hits and {h.doc_id for h in hits} == {"difi-feiltrinn"}


def test_compound_query_finds_the_innovation_partnership_note_through_its_parts(corpus_hash_settings):
    index = open_index(corpus_hash_settings)
    hits = retrieve("partnerskap for innovasjon", index, corpus_hash_settings, top_k=5, mode="bm25")
    assert any(h.doc_id.startswith("guide-innovasjonspartnerskap") for h in hits)


@pytest.mark.parametrize("query", ["", "   ", "\x00\x01"])
def test_empty_queries_are_refused(corpus_hash_settings, query):
    with pytest.raises(InvalidInput, match="query"):
        retrieve(query, open_index(corpus_hash_settings), corpus_hash_settings)


def test_over_long_query_is_refused(corpus_hash_settings):
    with pytest.raises(InvalidInput, match="at most"):
        retrieve("anskaffelse " * 10_000, open_index(corpus_hash_settings), corpus_hash_settings)


def _run_cli(args, monkeypatch, home, capsys):
    monkeypatch.setenv("ADVISOR_HOME", str(home))
    monkeypatch.setenv("ADVISOR_INDEX_EMBEDDING_BACKEND", "hash")
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_search_cli_builds_the_index_when_missing_and_prints_json(tmp_path, monkeypatch, capsys):
    code, out, _ = _run_cli(["search", "Kan vi skrive merkenavn i kravspesifikasjonen?", "-k", "3", "--json"],
                            monkeypatch, tmp_path, capsys)
    assert code == 0
    hits = json.loads(out)
    assert len(hits) == 3
    assert {"rank", "score", "text", "chunk_id", "doc_id", "title", "section", "page", "kind"} <= set(hits[0])


@pytest.mark.parametrize(
    ("args", "message"),
    [(["search", ""], "query"), (["search", "x", "-k", "0"], "whole number"), (["search", "x", "-k", "mange"], "whole number")],
)
def test_search_cli_bad_input_exits_2_with_one_line(tmp_path, monkeypatch, capsys, args, message):
    with pytest.raises(SystemExit) if "-k" in args else _no_raise():
        code, _, err = _run_cli(args, monkeypatch, tmp_path, capsys)
        assert code == 2 and message in err and err.count("\n") == 1
    if "-k" in args:
        err = capsys.readouterr().err
        assert message in err and err.strip().count("\n") == 0


class _no_raise:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_index_cli_names_a_corrupt_pdf_and_exits_2(tmp_path, monkeypatch, capsys):
    bad = tmp_path / "ødelagt.pdf"
    bad.write_bytes(b"%PDF-1.7\nnot really")
    code, _, err = _run_cli(["index", str(bad)], monkeypatch, tmp_path / "home", capsys)
    assert code == 2 and "ødelagt.pdf" in err and "PDF" in err


def test_index_cli_with_a_folder_reports_skipped_files(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "mappe"
    folder.mkdir()
    (folder / "ok.txt").write_text("Et godt dokument om markedsdialog.", encoding="utf-8")
    (folder / "tom.txt").write_bytes(b"")
    code, out, _ = _run_cli(["index", str(folder)], monkeypatch, tmp_path / "home", capsys)
    assert code == 0 and "skipped 1 file" in out and "tom.txt: empty file" in out


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.server
def test_server_mode_runs_the_same_searches_through_a_real_chroma_server(tmp_path, corpus_hash_settings):
    chroma = Path(sys.executable).parent / "chroma"
    if not chroma.exists():
        pytest.skip("the chroma CLI is not installed")
    port = _free_port()
    proc = subprocess.Popen([str(chroma), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.3)
        server = corpus_hash_settings.with_overrides(home=tmp_path / "client", index={"chroma_url": f"http://127.0.0.1:{port}"})
        report = build_index(server, progress=False)
        assert report.chunks == len(open_index(corpus_hash_settings))
        remote, local = open_index(server), open_index(corpus_hash_settings)
        assert sorted(c.chunk_id for c in remote.chunks) == sorted(c.chunk_id for c in local.chunks)
        for query in ("Når kan vi bruke innovasjonspartnerskap?", "terskelverdi for kommuner", "hva er markedsdialog"):
            # The server holds the same vectors: every chunk both return has the same similarity. Two HNSW graphs
            # built separately may order near-ties differently, so the neighbour lists must agree almost fully.
            got = dict(dense_search(query, remote, 10))
            want = dict(dense_search(query, local, 10))
            assert len(set(got) & set(want)) >= 8
            for cid in set(got) & set(want):
                assert abs(got[cid] - want[cid]) < 1e-4
            got_hits = retrieve(query, remote, server, top_k=5)
            want_hits = retrieve(query, local, corpus_hash_settings, top_k=5)
            assert got_hits[0].chunk_id == want_hits[0].chunk_id
            assert len({h.chunk_id for h in got_hits} & {h.chunk_id for h in want_hits}) >= 4
        # A second app instance (other home folder) finds the same current build through the server's pointer.
        other = server.with_overrides(home=tmp_path / "other-instance")
        assert open_index(other).build == remote.build
        # ... and building from it changes nothing: same inputs, same fingerprint, same shared build.
        assert build_index(other, progress=False).unchanged
    finally:
        proc.terminate()
        proc.wait(timeout=20)
