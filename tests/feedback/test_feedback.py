"""Feedback store: thumbs up/down with comments in SQLite (WAL), updated in place, exported for evaluators."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import threading

import pytest

from advisor.errors import InvalidInput
from advisor.feedback import feedback_path, open_feedback


def test_feedback_is_stored_with_everything_an_evaluator_needs(settings):
    store = open_feedback(settings)
    entry_id = store.add(
        "up", "Når kan vi bruke innovasjonspartnerskap?", "Når behovet ikke kan dekkes av markedet [1].",
        comment="Presist", citations=["abc123", "def456"], grounded=True, provider="extractive",
        prompt_version="extractive-1", language="nb",
    )
    entry = store.get(entry_id)
    assert entry.rating == "up"
    assert entry.comment == "Presist"
    assert entry.question.startswith("Når kan vi")
    assert entry.citations == ["abc123", "def456"]
    assert entry.grounded is True
    assert entry.provider == "extractive" and entry.prompt_version == "extractive-1"
    assert entry.created.endswith("+00:00")
    assert feedback_path(settings) == settings.home / "feedback.sqlite"
    assert feedback_path(settings).is_file()


def test_database_uses_write_ahead_logging(settings):
    open_feedback(settings).add("down", "q", "a")
    conn = sqlite3.connect(feedback_path(settings))
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"
    finally:
        conn.close()


def test_changing_the_thumb_and_adding_a_comment_updates_the_same_row(settings):
    store = open_feedback(settings)
    entry_id = store.add("up", "q", "a")
    store.update(entry_id, rating="down")
    store.update(entry_id, comment="  Kilden [2] er utdatert  ")
    entries = store.entries()
    assert len(entries) == 1
    assert entries[0].rating == "down"
    assert entries[0].comment == "Kilden [2] er utdatert"
    assert store.counts() == {"up": 0, "down": 1}


@pytest.mark.parametrize("rating", ["", "neutral", "UP", "👍"])
def test_unknown_rating_is_refused(settings, rating):
    with pytest.raises(InvalidInput, match="rating"):
        open_feedback(settings).add(rating, "q", "a")


def test_empty_question_and_overlong_comment_are_refused(settings):
    store = open_feedback(settings)
    with pytest.raises(InvalidInput, match="question"):
        store.add("up", "   ", "a")
    with pytest.raises(InvalidInput, match="comment"):
        store.add("up", "q", "a", comment="x" * 4001)
    assert store.entries() == []


def test_updating_an_unknown_id_is_refused(settings):
    with pytest.raises(InvalidInput, match="feedback id"):
        open_feedback(settings).update(999, rating="up")


def test_csv_export_has_a_header_and_neutralises_spreadsheet_formulas(settings):
    store = open_feedback(settings)
    store.add("down", "=HYPERLINK(\"http://x\")", "Svar med æøå", comment="@SUM(A1)", citations=["c1", "c2"])
    rows = list(csv.DictReader(io.StringIO(store.export("csv"))))
    assert len(rows) == 1
    row = rows[0]
    assert row["question"].startswith("'=")
    assert row["comment"].startswith("'@")
    assert row["answer"] == "Svar med æøå"
    assert row["citations"] == "c1 c2"
    assert row["rating"] == "down"


def test_jsonl_export_is_one_object_per_line_with_unescaped_norwegian(settings):
    store = open_feedback(settings)
    store.add("up", "Hva er terskelverdien for kommuner?", "2,3 mill. kr [1]", grounded=False)
    store.add("down", "Hvem er statsminister?", "Kildene mine sier ikke noe om dette.")
    text = store.export("jsonl")
    lines = text.strip().split("\n")
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert first["question"] == "Hva er terskelverdien for kommuner?"
    assert first["grounded"] is False
    assert "æ" not in text or "\\u00e6" not in text


def test_unknown_export_format_is_refused(settings):
    with pytest.raises(InvalidInput, match="format"):
        open_feedback(settings).export("xlsx")


def test_concurrent_sessions_can_write_at_once(settings):
    store = open_feedback(settings)
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for i in range(10):
                store.add("up" if i % 2 else "down", f"spørsmål {n}-{i}", "svar")
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(store.counts().values()) == 40
