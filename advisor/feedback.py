"""Feedback on answers: thumbs up/down with an optional comment, kept locally for evaluators.

SQLite under settings.home / "feedback.sqlite" in WAL mode (several app sessions write at once), or the shared
PostgreSQL of ADVISOR_DATABASE_URL when several app replicas serve one agency (advisor.database). Each row keeps
what an evaluator needs to reproduce the judgement: the question, the answer text, the cited chunk ids, the
provider and model, and the prompt version. Nothing leaves the machine; export is CSV or JSONL.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Column,
    Integer,
    MetaData,
    Table,
    Text,
    func,
    insert,
    select,
    update,
)

from advisor.config import Settings
from advisor.database import Database, store_database
from advisor.errors import InvalidInput

RATINGS = ("up", "down")
MAX_COMMENT_CHARS = 4000
MAX_TEXT_CHARS = 50_000
FIELDS = ("id", "created", "updated", "rating", "comment", "question", "answer", "citations", "grounded",
          "provider", "model", "prompt_version", "language", "page")
EXPORT_FORMATS = ("csv", "jsonl")

_META = MetaData()
# The same columns as the CREATE TABLE of earlier versions: an existing feedback.sqlite is used as it is.
FEEDBACK = Table(
    "feedback", _META,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created", Text, nullable=False),
    Column("updated", Text, nullable=False),
    Column("rating", Text, CheckConstraint("rating IN ('up', 'down')"), nullable=False),
    Column("comment", Text, nullable=False, server_default=""),
    Column("question", Text, nullable=False),
    Column("answer", Text, nullable=False),
    Column("citations", Text, nullable=False, server_default="[]"),
    Column("grounded", Integer),
    Column("provider", Text, nullable=False, server_default=""),
    Column("model", Text, nullable=False, server_default=""),
    Column("prompt_version", Text, nullable=False, server_default=""),
    Column("language", Text, nullable=False, server_default=""),
    Column("page", Text, nullable=False, server_default="chat"),
    sqlite_autoincrement=True,
)
# Migration steps, applied in order once per database (advisor.database.Database.migrate).
MIGRATIONS = (lambda conn: _META.create_all(conn, checkfirst=True),)


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
    """Where the feedback database lives when no ADVISOR_DATABASE_URL is set."""
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
    """The feedback database. Each call takes its own short transaction, so one store serves many threads."""

    def __init__(self, path: Path | None = None, *, database: Database | None = None):
        self.db = database or Database("the feedback database", path=Path(path), timeout=10)
        self.path = self.db.path
        self.db.migrate("feedback", MIGRATIONS)

    @property
    def where(self) -> str:
        """The file or the database address (password hidden), for messages."""
        return self.db.where

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
        row = {
            "created": now, "updated": now, "rating": _check_rating(rating), "comment": _check_comment(comment),
            "question": _check_text("question", question), "answer": _check_text("answer", answer, allow_empty=True),
            "citations": json.dumps(list(citations)), "grounded": None if grounded is None else int(bool(grounded)),
            "provider": provider or "", "model": model or "", "prompt_version": prompt_version or "",
            "language": language or "", "page": page or "chat",
        }
        with self.db.write() as conn:
            return int(conn.execute(insert(FEEDBACK).values(**row).returning(FEEDBACK.c.id)).scalar_one())

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
        with self.db.write() as conn:
            cur = conn.execute(update(FEEDBACK).where(FEEDBACK.c.id == int(entry_id)).values(**changes))
            if cur.rowcount == 0:
                raise InvalidInput("feedback id", entry_id, "the id of stored feedback")

    def get(self, entry_id: int) -> FeedbackEntry:
        """One stored judgement by id."""
        with self.db.read() as conn:
            row = conn.execute(select(FEEDBACK).where(FEEDBACK.c.id == int(entry_id))).mappings().first()
        if row is None:
            raise InvalidInput("feedback id", entry_id, "the id of stored feedback")
        return _entry(row)

    def entries(self) -> list[FeedbackEntry]:
        """Every stored judgement, oldest first."""
        with self.db.read() as conn:
            return [_entry(row) for row in conn.execute(select(FEEDBACK).order_by(FEEDBACK.c.id)).mappings()]

    def counts(self) -> dict[str, int]:
        """How many thumbs up and down are stored: {"up": n, "down": m}."""
        out = dict.fromkeys(RATINGS, 0)
        with self.db.read() as conn:
            for rating, n in conn.execute(select(FEEDBACK.c.rating, func.count()).group_by(FEEDBACK.c.rating)):
                out[rating] = int(n)
        return out

    def counts_by_question(self) -> dict[str, dict[str, int]]:
        """Thumbs up and down per question, the question as normal_question() writes it (for evaluators' reports)."""
        out: dict[str, dict[str, int]] = {}
        query = select(FEEDBACK.c.question, FEEDBACK.c.rating, func.count()).group_by(FEEDBACK.c.question,
                                                                                     FEEDBACK.c.rating)
        with self.db.read() as conn:
            for question, rating, n in conn.execute(query):
                counts = out.setdefault(normal_question(question), dict.fromkeys(RATINGS, 0))
                counts[rating] += int(n)
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


def _entry(row: Mapping[str, Any]) -> FeedbackEntry:
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
    """The feedback store of these settings (created on first use): ADVISOR_DATABASE_URL, else feedback.sqlite."""
    return FeedbackStore(database=store_database(settings, "the feedback database", feedback_path(settings)))
