from __future__ import annotations

import pytest
from pdfs import make_encrypted_pdf, make_pdf

from advisor.corpus.readers import decode_text, read_file
from advisor.errors import UnreadableDocument

MB = 10**6


def read(path):
    return read_file(path, 50 * MB, 100)


def test_markdown_headings_become_the_section_path_and_front_matter_the_metadata(tmp_path):
    path = tmp_path / "note.md"
    path.write_text(
        "---\nid: guide-x\ntitle: Et notat\nkind: guidance\n---\n# Et notat\nInnledning.\n\n## Vilkår\nTekst A.\n\n"
        "### Unntak\nTekst B.\n\n## Kilder\nLOA § 4.\n",
        encoding="utf-8",
    )
    result = read(path)
    assert result.meta["id"] == "guide-x"
    assert result.title == "Et notat"
    sections = [(p.section, p.text) for p in result.pieces]
    assert sections == [("", "Innledning."), ("Vilkår", "Tekst A."), ("Vilkår > Unntak", "Tekst B."), ("Kilder", "LOA § 4.")]


def test_numbered_headings_in_plain_text_nest_into_a_section_path(tmp_path):
    path = tmp_path / "meld.txt"
    path.write_text("1.3 Definisjoner\n\nTekst.\n\n1.3.1 Hva er innovasjon\n\nMer tekst.\n\n1.4 Rammer\n\nSlutt.\n", encoding="utf-8")
    sections = [p.section for p in read(path).pieces]
    assert sections == ["1.3 Definisjoner", "1.3 Definisjoner > 1.3.1 Hva er innovasjon", "1.4 Rammer"]


def test_a_sentence_starting_with_a_number_is_not_a_heading(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("2020 var et år med mange endringer i regelverket, og det merkes.\n", encoding="utf-8")
    assert [p.section for p in read(path).pieces] == [""]


def test_pdf_pages_keep_their_numbers_and_norwegian_letters(tmp_path):
    path = make_pdf(tmp_path / "to-sider.pdf", ["1.2 Første side\nBehovet for økt innovasjon i kommunene.", "Side to: næringslivet og løsninger."])
    pieces = read(path).pieces
    assert [p.page for p in pieces] == [1, 2]
    assert "økt innovasjon" in pieces[0].text and pieces[0].section.startswith("1.2")
    assert "næringslivet" in pieces[1].text


def test_encrypted_pdf_raises_with_file_name_and_reason(tmp_path):
    path = make_encrypted_pdf(tmp_path / "låst.pdf", "Hemmelig innhold")
    with pytest.raises(UnreadableDocument, match="encrypted") as info:
        read(path)
    assert "låst.pdf" in str(info.value)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("tom.txt", b"", "empty file"),
        ("blank.md", b"   \n\n  ", "no text"),
        ("korrupt.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage \x00\xff", "PDF"),
        ("bilde.pdf", bytes(range(256)) * 20, "not a PDF"),
        ("binær.txt", b"\x00\x01\x02\x03" * 100, "binary"),
        ("rapport.docx", b"PK\x03\x04", "unsupported file type"),
    ],
)
def test_bad_files_raise_unreadable_document_naming_the_file(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnreadableDocument, match=reason) as info:
        read(path)
    assert name in str(info.value)


def test_pdf_without_text_layer_raises_unreadable_document(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)
    path = tmp_path / "skannet.pdf"
    pdf.output(str(path))
    with pytest.raises(UnreadableDocument, match="no text layer"):
        read(path)


def test_file_over_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "stor.txt"
    path.write_text("ord " * 1000, encoding="utf-8")
    with pytest.raises(UnreadableDocument, match="larger than the limit"):
        read_file(path, 1000, 10)


def test_pdf_over_the_page_limit_is_refused(tmp_path):
    path = make_pdf(tmp_path / "mange.pdf", ["side"] * 3)
    with pytest.raises(UnreadableDocument, match="more than the limit"):
        read_file(path, 50 * MB, 2)


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16", "utf-8-sig"])
def test_text_in_other_encodings_is_decoded(tmp_path, encoding):
    raw = "Anskaffelser på tvers av næringsliv og økonomi".encode(encoding)
    assert decode_text(raw, tmp_path / "x.txt") == "Anskaffelser på tvers av næringsliv og økonomi"
