from __future__ import annotations

import re

import pytest

from advisor.corpus import AUTHORITY_RANK, chunk_documents, cite, load_documents
from advisor.corpus.documents import chunk_document, read_document
from advisor.errors import AdvisorError, UnreadableDocument


def test_every_corpus_document_is_described_with_the_required_metadata(settings):
    docs, report = load_documents(settings)
    assert report.skipped == []
    assert len(docs) >= 30
    ids = [d.doc_id for d in docs]
    assert len(ids) == len(set(ids))
    for doc in docs:
        assert doc.title and doc.kind and doc.as_of and doc.language, doc.doc_id
        assert doc.authority in AUTHORITY_RANK, doc.doc_id
    by_id = {d.doc_id: d for d in docs}
    assert by_id["meld-st-30-sammendrag"].kind == "white_paper"
    assert by_id["guide-innovasjonspartnerskap"].kind == "guidance"


def test_scrambled_body_of_seed_000_stays_out_and_the_definition_stays_in(settings):
    doc = {d.doc_id: d for d in load_documents(settings)[0]}["chaffey-innovasjonsloft"]
    assert "Det er ikke en innovasjon før det har skapt verdi" in doc.text
    assert "Kommunenes KS, handler kommunal" not in doc.text
    assert "Logg inn" not in doc.text and "Bestill abonnement" not in doc.text


def test_ocr_seed_is_repaired_and_danish_contacts_are_dropped(settings):
    docs = {d.doc_id: d for d in load_documents(settings)[0]}
    assert "næringslivet" in docs["kmd-dialogsamling"].text and "neeringslivet" not in docs["kmd-dialogsamling"].text
    danish = docs["coi-organiser-smartere"].text
    assert not re.search(r"[\w.]+@[\w.]+", danish) and "87 16 57 28" not in danish
    assert "Del illustration" not in danish


def test_chunks_carry_metadata_offsets_and_sizes(settings):
    docs, _ = load_documents(settings)
    by_id = {d.doc_id: d for d in docs}
    chunks = chunk_documents(docs, settings)
    for chunk in chunks:
        doc = by_id[chunk.doc_id]
        assert doc.text[chunk.start : chunk.end] == chunk.text
        assert len(chunk.text) <= settings.index.chunk_chars * 1.5
        assert chunk.kind == doc.kind and chunk.authority == doc.authority
    sections = {c.section for c in chunks if c.doc_id == "meld-st-30-sammendrag"}
    assert any(s.endswith("1.3.1.2 Se mulighetene, og definere behov i stedet for løsning") for s in sections)


def test_chunk_ids_are_stable_and_change_with_content(settings):
    docs, _ = load_documents(settings)
    first = [c.chunk_id for c in chunk_documents(docs, settings)]
    again = [c.chunk_id for c in chunk_documents(load_documents(settings)[0], settings)]
    assert first == again
    doc = docs[0]
    doc.text = doc.text.replace(doc.text[:20], doc.text[:20].upper(), 1)
    changed = chunk_document(doc, settings.index.chunk_chars, settings.index.chunk_overlap_chars)
    assert changed[0].chunk_id != first[0]


def test_long_sections_are_cut_at_sentence_boundaries_with_overlap(settings, tmp_path):
    sentences = [f"Setning nummer {i} handler om anskaffelser og behov." for i in range(80)]
    path = tmp_path / "lang.txt"
    path.write_text(" ".join(sentences), encoding="utf-8")
    doc = read_document(path, settings)
    chunks = chunk_document(doc, 1000, 150)
    assert len(chunks) >= 3
    for chunk in chunks:
        assert chunk.text.startswith("Setning") and chunk.text.endswith(".")
        assert 600 <= len(chunk.text) <= 1200 or chunk is chunks[-1]
    assert chunks[1].start < chunks[0].end  # overlap


def test_a_5_mb_line_without_spaces_is_cut_into_bounded_chunks(settings, tmp_path):
    path = tmp_path / "en-linje.txt"
    path.write_text("x" * 5_000_000, encoding="utf-8")
    chunks = chunk_document(read_document(path, settings), 1000, 150)
    assert len(chunks) >= 4000
    assert max(len(c.text) for c in chunks) <= 1200


def test_cite_finds_the_passage_by_section_or_text(settings):
    citation = cite(settings, "meld-st-30-sammendrag", "1.11 Innovative anskaffelser")
    assert citation.doc_id == "meld-st-30-sammendrag" and "1.11" in citation.section
    assert cite(settings, "guide-merkenavn-og-tilsvarende", "eller tilsvarende").doc_id == "guide-merkenavn-og-tilsvarende"
    with pytest.raises(AdvisorError, match="no corpus document"):
        cite(settings, "finnes-ikke")


def test_a_folder_with_bad_files_loads_the_good_ones_and_lists_the_rest(settings, tmp_path):
    folder = tmp_path / "opplastet"
    folder.mkdir()
    (folder / "god.md").write_text("# Notat\nInnovative anskaffelser i kommunen.", encoding="utf-8")
    (folder / "tom.txt").write_bytes(b"")
    (folder / "korrupt.pdf").write_bytes(b"%PDF-1.4 broken")
    (folder / "bilde.png").write_bytes(b"\x89PNG")
    docs, report = load_documents(settings, [folder])
    assert any(d.source.endswith("god.md") for d in docs)
    skipped = {p.split("/")[-1]: r for p, r in report.skipped}
    assert set(skipped) == {"tom.txt", "korrupt.pdf", "bilde.png"}
    assert "empty" in skipped["tom.txt"] and "unsupported" in skipped["bilde.png"]


def test_a_bad_file_named_directly_raises(settings, tmp_path):
    bad = tmp_path / "korrupt.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    with pytest.raises(UnreadableDocument, match="korrupt.pdf"):
        load_documents(settings, [bad])
