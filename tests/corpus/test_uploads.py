"""Uploads: safe names, no overwrite, size and type checks, originals kept for indexing."""

from __future__ import annotations

import pytest

from advisor.corpus import list_uploads, safe_name, save_upload
from advisor.corpus.uploads import check_upload
from advisor.errors import InvalidInput

PDF = b"%PDF-1.4\n% minimal header for the type check\n"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("notat.md", "notat.md"),
        ("../../etc/passwd.md", "passwd.md"),
        ("..\\..\\Windows\\win.ini.txt", "win.ini.txt"),
        ("C:\\Users\\ola\\Rapport 2024 (utkast).pdf", "Rapport 2024 (utkast).pdf"),
        (".skjult.txt", "skjult.txt"),
        ("...txt", "txt"),
        ("anskaffelse\x00strategi.PDF", "anskaffelsestrategi.pdf"),
        ("kravspesifikasjon<script>.md", "kravspesifikasjon-script.md"),
        ("Behov for æøå-løsning.md", "Behov for æøå-løsning.md"),
        ("CON.txt", "CON-fil.txt"),
        ("", "dokument"),
    ],
)
def test_safe_name_removes_folders_hidden_prefixes_and_odd_characters(given, expected):
    assert safe_name(given) == expected


def test_safe_name_keeps_the_suffix_of_a_very_long_name():
    name = safe_name("a" * 500 + ".pdf")
    assert name.endswith(".pdf")
    assert len(name) <= 120


def test_saved_file_lands_in_the_uploads_folder_with_its_bytes(settings):
    path = save_upload("Veileder.md", "# Veileder\n\nBehov før løsning.\n".encode(), settings)
    assert path.parent == settings.uploads_dir
    assert path.name == "Veileder.md"
    assert path.read_text(encoding="utf-8").startswith("# Veileder")


def test_a_second_file_with_the_same_name_never_overwrites_the_first(settings):
    first = save_upload("notat.txt", b"forste", settings)
    second = save_upload("notat.txt", b"andre", settings)
    third = save_upload("../notat.txt", b"tredje", settings)
    assert (first.name, second.name, third.name) == ("notat.txt", "notat-2.txt", "notat-3.txt")
    assert first.read_bytes() == b"forste"
    assert second.read_bytes() == b"andre"


def test_path_traversal_cannot_escape_the_uploads_folder(settings, tmp_path):
    path = save_upload("../../../../outside.txt", b"tekst", settings)
    assert path.resolve().parent == settings.uploads_dir.resolve()
    assert not (tmp_path / "outside.txt").exists()


def test_no_temporary_or_hidden_files_are_left_behind(settings):
    save_upload("a.txt", b"tekst", settings)
    save_upload("a.txt", b"tekst", settings)
    names = sorted(p.name for p in settings.uploads_dir.iterdir())
    assert names == ["a-2.txt", "a.txt"]


@pytest.mark.parametrize("name", ["rapport.docx", "bilde.png", "skript.py", "uten-endelse"])
def test_unsupported_file_types_are_refused(settings, name):
    with pytest.raises(InvalidInput, match="file type"):
        save_upload(name, b"data", settings)
    assert not settings.uploads_dir.exists() or list(settings.uploads_dir.iterdir()) == []


def test_files_over_the_size_limit_are_refused(settings):
    small = settings.with_overrides(index={"max_file_mb": 0.001})  # 1 000 bytes
    check_upload("ok.txt", b"x" * 1000, small)
    with pytest.raises(InvalidInput, match="file size"):
        save_upload("stor.txt", b"x" * 1001, small)


def test_empty_files_and_fake_pdfs_are_refused(settings):
    with pytest.raises(InvalidInput, match="not empty"):
        save_upload("tom.txt", b"", settings)
    with pytest.raises(InvalidInput, match="PDF"):
        save_upload("falsk.pdf", b"<html>not a pdf</html>", settings)
    with pytest.raises(InvalidInput, match="binary"):
        save_upload("binar.txt", b"\x00\x01\x02" * 10, settings)


def test_a_real_pdf_header_is_accepted(settings):
    assert save_upload("skann.pdf", PDF, settings).suffix == ".pdf"


def test_list_uploads_shows_kept_originals_newest_first(settings):
    assert list_uploads(settings) == []
    save_upload("a.txt", b"en", settings)
    save_upload("b.md", b"to", settings)
    kept = list_uploads(settings)
    assert {u.name for u in kept} == {"a.txt", "b.md"}
    assert all(u.size_bytes > 0 for u in kept)


def test_simultaneous_uploads_with_the_same_name_all_survive(settings):
    import threading

    errors: list[BaseException] = []

    def upload(n: int) -> None:
        try:
            save_upload("samme.txt", f"innhold {n}".encode(), settings)
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=upload, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    kept = sorted(p.read_text() for p in settings.uploads_dir.iterdir())
    assert kept == sorted(f"innhold {n}" for n in range(8))  # eight files, none overwritten
