"""Hostile and broken documents: each gives a named error or a skip with a reason, never a crash or a hang."""

from __future__ import annotations

import io
import time
import zipfile
import zlib

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from pdfs import make_pdf

from advisor.config import Settings
from advisor.corpus.documents import chunk_document, read_document
from advisor.corpus.readers import read_file
from advisor.errors import UnreadableDocument

MB = 10**6


def _pdf_with_stream(data: bytes) -> bytes:
    """A minimal one-page PDF whose content stream is `data` (already Flate-compressed)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def test_pdf_with_a_decompression_bomb_is_refused_quickly(tmp_path):
    bomb = zlib.compressobj(9)
    payload = bomb.compress(b"0 0 m " * (200 * MB // 6)) + bomb.flush()  # ~200 MB of drawing commands in < 1 MB
    path = tmp_path / "bombe.pdf"
    path.write_bytes(_pdf_with_stream(payload))
    assert path.stat().st_size < 2 * MB
    started = time.perf_counter()
    with pytest.raises(UnreadableDocument, match="decompression bomb|no text layer|corrupt"):
        read_file(path, 50 * MB, 100)
    assert time.perf_counter() - started < 60


@pytest.mark.parametrize("name", ["rapport.pdf", "notat.txt", "notat.md"])
def test_zip_archives_disguised_as_documents_are_refused(tmp_path, name):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.txt", "0" * 10_000_000)  # a small zip bomb
    path = tmp_path / name
    path.write_bytes(buf.getvalue())
    with pytest.raises(UnreadableDocument):
        read_file(path, 50 * MB, 100)


def test_text_with_control_characters_is_indexed_cleanly(tmp_path):
    path = tmp_path / "kontroll.txt"
    path.write_text("Innovasjon\x0b i\x0c offentlig\tsektor.\r\nNy linje med behov.", encoding="utf-8")
    doc = read_document(path, Settings(home=tmp_path))
    assert "Innovasjon" in doc.text and "behov" in doc.text


@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=4096), suffix=st.sampled_from([".txt", ".md", ".pdf"]))
def test_fuzz_readers_only_ever_raise_unreadable_document(tmp_path, data, suffix):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        result = read_file(path, 50 * MB, 100)
    except UnreadableDocument:
        return
    assert any(p.text.strip() for p in result.pieces)


@pytest.fixture(scope="module")
def valid_pdf(tmp_path_factory):
    path = make_pdf(tmp_path_factory.mktemp("pdf") / "gyldig.pdf", ["1.1 Innledning\nBehov og løsning.", "Side to."])
    return path.read_bytes()


@hsettings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.integers(min_value=0), st.binary(min_size=1, max_size=8)), min_size=1, max_size=6))
def test_fuzz_mutated_pdfs_only_ever_raise_unreadable_document(tmp_path, valid_pdf, edits):
    data = bytearray(valid_pdf)
    for position, chunk in edits:
        at = position % len(data)
        data[at : at + len(chunk)] = chunk
    path = tmp_path / "mutert.pdf"
    path.write_bytes(bytes(data))
    try:
        read_file(path, 50 * MB, 100)
    except UnreadableDocument:
        pass


@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=5000), chunk_chars=st.integers(200, 1500), overlap=st.integers(0, 300))
def test_fuzz_chunker_keeps_offsets_exact_and_sizes_bounded(tmp_path, text, chunk_chars, overlap):
    path = tmp_path / "tekst.txt"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        doc = read_document(path, Settings(home=tmp_path))
    except UnreadableDocument:
        return
    for chunk in chunk_document(doc, chunk_chars, overlap):
        assert doc.text[chunk.start : chunk.end] == chunk.text
        assert chunk.text.strip()
        assert len(chunk.text) <= int(chunk_chars * 1.5) + 1
