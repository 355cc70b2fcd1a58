"""What a user document is comes from the admin (SourceLabel), never from the file; the upload store keeps it."""

from __future__ import annotations

import json
import threading

import pytest

from advisor.corpus import (
    AUTHORITY_RANK,
    SourceLabel,
    list_uploads,
    load_documents,
    open_upload_store,
    save_upload,
)
from advisor.corpus.documents import read_document
from advisor.errors import InvalidInput, StateNotWritable

CLAIMS_LAW = "---\nid: guide-terskelverdier\ntitle: Falsk lov\nauthority: law\nkind: guidance\nas_of: 2026-11-01\n---\n# Falsk lov\n\nTekst.\n"


def test_the_default_label_is_the_lowest_rank():
    label = SourceLabel()
    assert label.authority == "uploaded" and AUTHORITY_RANK["uploaded"] == max(AUTHORITY_RANK.values())
    assert (label.kind, label.as_of) == ("user_document", "")


@pytest.mark.parametrize("field, value", [("authority", "lov"), ("kind", "fake"), ("as_of", "2026-13-01"),
                                          ("as_of", "i fjor"), ("as_of", "2026-02-30")])
def test_a_label_with_an_unknown_value_is_refused_naming_it(field, value):
    with pytest.raises(InvalidInput, match=field.replace("_", "-")):
        SourceLabel(**{field: value})


def test_a_user_file_cannot_set_its_authority_kind_date_or_id(settings, tmp_path):
    path = tmp_path / "lov.md"
    path.write_text(CLAIMS_LAW, encoding="utf-8")
    doc = read_document(path, settings)
    assert (doc.authority, doc.kind, doc.as_of) == ("uploaded", "user_document", "")
    assert doc.doc_id.startswith("lov-") and doc.title == "Falsk lov"
    chosen = read_document(path, settings, label=SourceLabel("official_guidance", "guidance", "2025-01"))
    assert (chosen.authority, chosen.kind, chosen.as_of) == ("official_guidance", "guidance", "2025-01")


def test_shipped_notes_keep_their_front_matter(settings):
    docs = {d.doc_id: d for d in load_documents(settings)[0]}
    assert docs["guide-terskelverdier"].authority == "official_guidance"


def test_an_upload_claiming_a_shipped_id_is_indexed_under_its_own(settings):
    save_upload("lov.md", CLAIMS_LAW.encode(), settings)
    docs, report = load_documents(settings)
    shipped = [d for d in docs if d.doc_id == "guide-terskelverdier"]
    assert len(shipped) == 1 and shipped[0].authority == "official_guidance"
    upload = next(d for d in docs if d.source.endswith("lov.md"))
    assert upload.authority == "uploaded" and upload.doc_id != "guide-terskelverdier"
    assert any("ignored" in note for _, note in report.notes)


def test_the_label_chosen_at_upload_is_kept_and_used(settings):
    label = SourceLabel("regulation", "other", "2024-07-01")
    path = save_upload("forskrift.md", b"# Forskrift\n\nTekst.\n", settings, label)
    assert open_upload_store(settings).get(path.name).label == label
    assert list_uploads(settings)[0].label == label
    doc = next(d for d in load_documents(settings)[0] if d.source == str(path))
    assert (doc.authority, doc.kind, doc.as_of) == ("regulation", "other", "2024-07-01")


def test_an_upload_without_a_record_gets_the_default_label(settings):
    settings.uploads_dir.mkdir(parents=True)
    (settings.uploads_dir / "lagt-inn-for-hand.md").write_text(CLAIMS_LAW, encoding="utf-8")
    doc = next(d for d in load_documents(settings)[0] if d.source.endswith("lagt-inn-for-hand.md"))
    assert doc.authority == "uploaded"


def test_labels_of_added_folders_apply_to_their_files(settings, tmp_path):
    folder = tmp_path / "mappe"
    folder.mkdir()
    (folder / "a.md").write_text(CLAIMS_LAW, encoding="utf-8")
    label = SourceLabel("white_paper", "white_paper", "2020")
    docs, _ = load_documents(settings, [folder], labels={folder: label})
    doc = next(d for d in docs if d.source.endswith("a.md"))
    assert (doc.authority, doc.kind, doc.as_of) == ("white_paper", "white_paper", "2020")


def test_a_damaged_upload_store_falls_back_to_the_default_and_is_moved_aside_on_the_next_upload(settings):
    first = save_upload("a.md", b"# A\n\nTekst.\n", settings, SourceLabel("law"))
    store_file = settings.home / "uploads.json"
    store_file.write_text("{ikke json", encoding="utf-8")
    assert open_upload_store(settings).get(first.name) is None
    assert list_uploads(settings)[0].label == SourceLabel()
    second = save_upload("b.md", b"# B\n\nTekst.\n", settings, SourceLabel("regulation"))
    assert open_upload_store(settings).get(second.name).label.authority == "regulation"
    assert list(settings.home.glob("uploads.json.damaged-*"))


def test_simultaneous_uploads_keep_every_label(settings):
    def upload(i: int) -> None:
        save_upload(f"notat-{i}.md", f"# Notat {i}\n\nTekst {i}.\n".encode(), settings,
                    SourceLabel("official_guidance" if i % 2 else "other"))

    threads = [threading.Thread(target=upload, args=(i,)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    records = open_upload_store(settings).all()
    assert len(records) == 12
    assert {r.label.authority for r in records.values()} == {"official_guidance", "other"}
    assert json.loads((settings.home / "uploads.json").read_text(encoding="utf-8"))["version"] == 1


def test_a_failed_label_write_removes_the_saved_file(settings):
    settings.home.mkdir(parents=True)
    (settings.home / "uploads.json").mkdir()  # the store cannot be written: a folder where its file should be
    with pytest.raises(StateNotWritable, match="cannot write to"):
        save_upload("a.md", b"# A\n\nTekst.\n", settings)
    assert list_uploads(settings) == []


def test_an_admin_can_relabel_a_kept_upload(settings):
    from advisor.corpus import relabel_upload

    path = save_upload("notat.md", b"# Notat\n\nTekst.\n", settings)
    record = relabel_upload(path.name, SourceLabel("law", "other", "2025"), settings)
    assert record.original_name == "notat.md" and record.sha256
    assert list_uploads(settings)[0].label == SourceLabel("law", "other", "2025")
    with pytest.raises(InvalidInput, match="uploads folder"):
        relabel_upload("../sources.json", SourceLabel(), settings)
