"""Feedback on answers: thumbs up/down with an optional comment, kept locally for evaluators.

SQLite under settings.home / "feedback.sqlite" in WAL mode (several app sessions write at once). Each row keeps
what an evaluator needs to reproduce the judgement: the question, the answer text, the cited chunk ids, the
provider and model, and the prompt version. Nothing leaves the machine; export is CSV or JSONL.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from advisor.config import Settings
from advisor.database import connect_wal
from advisor.errors import AdvisorError, InvalidInput

RATINGS = ("up", "down")
MAX_COMMENT_CHARS = 4000
MAX_TEXT_CHARS = 50_000
FIELDS = ("id", "created", "updated", "rating", "comment", "question", "answer", "citations", "grounded",
          "provider", "model", "prompt_version", "language", "page")
EXPORT_FORMATS = ("csv", "jsonl")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    citations TEXT NOT NULL DEFAULT '[]',
    grounded INTEGER,
    provider TEXT NOT NULL DEFAULT '',
    model TEXT NOT NULL DEFAULT '',
    prompt_version TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    page TEXT NOT NULL DEFAULT 'chat'
);
"""


@dataclass(frozen=True)
class FeedbackEntry:
    """One stored judgement of one answer."""

    id: int
    created: str
    updated: str
    rating: str
    comment: str
    question: str
    answer: str
    citations: list[str]
    grounded: bool | None
    provider: str
    model: str
    prompt_version: str
    language: str
    page: str


def feedback_path(settings: Settings) -> Path:
    """Where the feedback database lives."""
    return settings.home / "feedback.sqlite"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _check_rating(rating: str) -> str:
    if rating not in RATINGS:
        raise InvalidInput("rating", rating, "up or down")
    return rating


def _check_comment(comment: str | None) -> str:
    comment = (comment or "").strip()
    if len(comment) > MAX_COMMENT_CHARS:
        raise InvalidInput("comment", comment, f"at most {MAX_COMMENT_CHARS} characters")
    return comment


def _check_text(field: str, value: str, allow_empty: bool = False) -> str:
    if not isinstance(value, str) or (not allow_empty and not value.strip()):
        raise InvalidInput(field, value, f"non-empty {field} text")
    return value[:MAX_TEXT_CHARS]


class FeedbackStore:
    """The feedback database. Each call opens its own short connection, so one store serves many threads."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.executescript(_SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            conn = connect_wal(self.path, timeout=10)
        except sqlite3.Error as exc:
            raise AdvisorError(f"cannot open the feedback database {self.path}: {exc}") from exc
        try:
            conn.row_factory = sqlite3.Row
            with conn:  # commits, or rolls back on an error
                yield conn
        except sqlite3.Error as exc:
            raise AdvisorError(f"feedback database {self.path} failed: {exc}") from exc
        finally:
            conn.close()

    def add(
        self,
        rating: str,
        question: str,
        answer: str,
        *,
        comment: str = "",
        citations: Sequence[str] = (),
        grounded: bool | None = None,
        provider: str = "",
        model: str = "",
        prompt_version: str = "",
        language: str = "",
        page: str = "chat",
    ) -> int:
        """Store one judgement; returns its id."""
        now = _now()
        row = (
            now, now, _check_rating(rating), _check_comment(comment), _check_text("question", question),
            _check_text("answer", answer, allow_empty=True), json.dumps(list(citations)),
            None if grounded is None else int(bool(grounded)), provider or "", model or "", prompt_version or "",
            language or "", page or "chat",
        )
        with self._connect() as conn:
            cur = conn.execute(
                "INSERT INTO feedback (created, updated, rating, comment, question, answer, citations, grounded, "
                "provider, model, prompt_version, language, page) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )
            return int(cur.lastrowid)

    def update(self, entry_id: int, *, rating: str | None = None, comment: str | None = None) -> None:
        """Change the rating and/or the comment of a stored judgement (the user changed their mind)."""
        changes: dict[str, str] = {}
        if rating is not None:
            changes["rating"] = _check_rating(rating)
        if comment is not None:
            changes["comment"] = _check_comment(comment)
        if not changes:
            return
        changes["updated"] = _now()
        assignments = ", ".join(f"{column} = ?" for column in changes)
        with self._connect() as conn:
            cur = conn.execute(f"UPDATE feedback SET {assignments} WHERE id = ?", (*changes.values(), int(entry_id)))
            if cur.rowcount == 0:
                raise InvalidInput("feedback id", entry_id, "the id of stored feedback")

    def get(self, entry_id: int) -> FeedbackEntry:
        """One stored judgement by id."""
        with self._connect() as conn:
            row = conn.execute("SELECT * FROM feedback WHERE id = ?", (int(entry_id),)).fetchone()
        if row is None:
            raise InvalidInput("feedback id", entry_id, "the id of stored feedback")
        return _entry(row)

    def entries(self) -> list[FeedbackEntry]:
        """Every stored judgement, oldest first."""
        with self._connect() as conn:
            return [_entry(row) for row in conn.execute("SELECT * FROM feedback ORDER BY id")]

    def counts(self) -> dict[str, int]:
        """How many thumbs up and down are stored: {"up": n, "down": m}."""
        out = dict.fromkeys(RATINGS, 0)
        with self._connect() as conn:
            for row in conn.execute("SELECT rating, COUNT(*) AS n FROM feedback GROUP BY rating"):
                out[row["rating"]] = int(row["n"])
        return out

    def counts_by_question(self) -> dict[str, dict[str, int]]:
        """Thumbs up and down per question, the question as normal_question() writes it (for evaluators' reports)."""
        out: dict[str, dict[str, int]] = {}
        with self._connect() as conn:
            for row in conn.execute("SELECT question, rating, COUNT(*) AS n FROM feedback GROUP BY question, rating"):
                counts = out.setdefault(normal_question(row["question"]), dict.fromkeys(RATINGS, 0))
                counts[row["rating"]] += int(row["n"])
        return out

    def export(self, fmt: str) -> str:
        """All feedback as CSV or JSONL text (UTF-8); see to_csv and to_jsonl."""
        if fmt not in EXPORT_FORMATS:
            raise InvalidInput("format", fmt, " or ".join(EXPORT_FORMATS))
        entries = self.entries()
        return to_csv(entries) if fmt == "csv" else to_jsonl(entries)


def normal_question(text: str) -> str:
    """A question as it is matched across the app and the eval sets: lower case, spacing collapsed."""
    return " ".join(str(text).split()).lower()


def _entry(row: sqlite3.Row) -> FeedbackEntry:
    grounded = row["grounded"]
    return FeedbackEntry(
        id=int(row["id"]), created=row["created"], updated=row["updated"], rating=row["rating"],
        comment=row["comment"], question=row["question"], answer=row["answer"],
        citations=list(json.loads(row["citations"] or "[]")), grounded=None if grounded is None else bool(grounded),
        provider=row["provider"], model=row["model"], prompt_version=row["prompt_version"],
        language=row["language"], page=row["page"],
    )


def _csv_cell(value: object) -> str:
    """A cell a spreadsheet will not run as a formula (cells starting with = + - @ get a leading apostrophe)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = " ".join(str(v) for v in value)
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(entries: Sequence[FeedbackEntry]) -> str:
    """Feedback as CSV with a header row; cited chunk ids space-separated."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(FIELDS)
    for entry in entries:
        data = asdict(entry)
        writer.writerow([_csv_cell(data[name]) for name in FIELDS])
    return buf.getvalue()


def to_jsonl(entries: Sequence[FeedbackEntry]) -> str:
    """Feedback as JSON Lines: one object per judgement, Norwegian letters unescaped."""
    return "".join(json.dumps(asdict(entry), ensure_ascii=False) + "\n" for entry in entries)


def open_feedback(settings: Settings) -> FeedbackStore:
    """The feedback store of these settings (created on first use)."""
    return FeedbackStore(feedback_path(settings))
