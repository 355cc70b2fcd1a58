"""The course's results: classes a trainer runs, participants (a name or pseudonym they choose) and their answers.

    store = open_results(settings)                         # ADVISOR_HOME/course/results.sqlite, or PostgreSQL
    klass = store.create_class("Innkjøpskurs Bergen")      # a code to share: ?side=kurs&kurs=K7QX2M
    me    = store.join(klass.code, "Kari")                 # a token the participant's link keeps (&deltaker=...)
    store.record(me, "case:case-001", "case", True, {...}) # every check is kept, first try and later ones
    store.summary(klass.code), store.export_csv(klass.code)

ResultStore is the interface the app uses; SqlResultStore implements it with SQLAlchemy Core (text ids made here,
ISO timestamps, 0/1 for booleans, no AUTOINCREMENT or UPSERT) over a SQLite file in WAL mode (the default) or the
shared PostgreSQL of ADVISOR_DATABASE_URL, through advisor.database. Each call takes its own short transaction, so
one store serves every app session and every replica.
Participants without a class (practising alone) are kept under the class code "" and listed as such.
"""

from __future__ import annotations

import csv
import io
import json
import re
import secrets
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Index, Integer, MetaData, Table, Text, delete, insert, select, update

from advisor.config import Settings
from advisor.database import Database, store_database
from advisor.errors import AdvisorError, InvalidInput

NO_CLASS = ""
MAX_NAME_CHARS = 60
MAX_ANSWER_CHARS = 20_000
KINDS = ("case", "need")
# Class codes avoid letters and digits that are easy to misread (0/O, 1/I/L) when a trainer reads one aloud.
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
_CODE = re.compile(rf"^[{_CODE_ALPHABET}]{{6}}$")
_TOKEN = re.compile(r"^[A-Za-z0-9_\-]{16,64}$")

EXPORT_FIELDS = ("class_code", "class_name", "participant", "exercise", "kind", "attempts", "first_try_correct",
                 "latest_correct", "latest_answer", "first_answered", "last_answered")

_META = MetaData()
# The same columns as the CREATE TABLE of earlier versions: an existing results.sqlite is used as it is.
CLASSES = Table(
    "course_classes", _META,
    Column("code", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("created", Text, nullable=False),
    Column("hide_answers", Integer, nullable=False, server_default="0"),
)
PARTICIPANTS = Table(
    "course_participants", _META,
    Column("token", Text, primary_key=True),
    Column("class_code", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("created", Text, nullable=False),
)
ATTEMPTS = Table(
    "course_attempts", _META,
    Column("id", Text, primary_key=True),
    Column("participant", Text, nullable=False),
    Column("class_code", Text, nullable=False),
    Column("exercise", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("correct", Integer, nullable=False),
    Column("answer", Text, nullable=False),
    Column("created", Text, nullable=False),
    Index("course_attempts_by_class", "class_code", "participant", "exercise"),
)
# Migration steps, applied in order once per database (advisor.database.Database.migrate).
MIGRATIONS = (lambda conn: _META.create_all(conn, checkfirst=True),)


@dataclass(frozen=True)
class CourseClass:
    """A class the trainer runs: a code participants join with, a name, and whether answers are hidden."""

    code: str
    name: str
    created: str
    hide_answers: bool


@dataclass(frozen=True)
class Participant:
    """Someone taking the course: a secret token (kept in their link) and the name or pseudonym they chose."""

    token: str
    class_code: str
    name: str
    created: str


@dataclass(frozen=True)
class Attempt:
    """One check of one exercise by one participant."""

    id: str
    participant: str
    class_code: str
    exercise: str
    kind: str
    correct: bool
    answer: dict[str, Any]
    created: str


@dataclass(frozen=True)
class ExerciseResult:
    """A participant's result on one exercise: how many checks, right on the first, right on the latest."""

    participant: str
    name: str
    exercise: str
    kind: str
    attempts: int
    first_try_correct: bool
    latest_correct: bool
    latest_answer: dict[str, Any]
    first_answered: str
    last_answered: str


@dataclass(frozen=True)
class ParticipantSummary:
    """One row of the class view."""

    token: str
    name: str
    answered: int
    correct: int
    first_try_correct: int
    attempts: int
    last_answered: str


def _now() -> str:
    # Microseconds: two checks in the same second must still sort in the order they were made.
    return datetime.now(UTC).isoformat(timespec="microseconds")


def clean_name(name: str) -> str:
    """A participant's name or pseudonym: trimmed, no control characters, 1-60 characters."""
    if not isinstance(name, str):
        raise InvalidInput("name", name, "a name or pseudonym")
    text = "".join(ch for ch in unicodedata.normalize("NFC", name) if unicodedata.category(ch)[0] != "C")
    text = " ".join(text.split())
    if not text:
        raise InvalidInput("name", name, "a name or pseudonym of at least one letter")
    if len(text) > MAX_NAME_CHARS:
        raise InvalidInput("name", text, f"at most {MAX_NAME_CHARS} characters")
    return text


def check_code(code: str) -> str:
    """A class code as typed (any case, spaces allowed): upper-cased and checked."""
    cleaned = re.sub(r"\s+", "", str(code or "")).upper()
    if cleaned == NO_CLASS:
        return NO_CLASS
    if not _CODE.match(cleaned):
        raise InvalidInput("class code", code, f"6 characters from {_CODE_ALPHABET}")
    return cleaned


class ResultStore(ABC):
    """What the course page needs from a results store. See SqlResultStore."""

    @abstractmethod
    def create_class(self, name: str) -> CourseClass:
        """Start a class with a new code."""

    @abstractmethod
    def get_class(self, code: str) -> CourseClass:
        """One class by its code; InvalidInput when there is none."""

    @abstractmethod
    def classes(self) -> list[CourseClass]:
        """Every class, newest first."""

    @abstractmethod
    def set_hide_answers(self, code: str, hidden: bool) -> None:
        """Hide or show the model answers for everyone in a class."""

    @abstractmethod
    def join(self, class_code: str, name: str) -> Participant:
        """Register a participant in a class (NO_CLASS: practising alone)."""

    @abstractmethod
    def participant(self, token: str) -> Participant:
        """A participant by token; InvalidInput when unknown."""

    @abstractmethod
    def record(self, participant: Participant, exercise: str, kind: str, correct: bool,
               answer: Mapping[str, Any]) -> Attempt:
        """Keep one check of one exercise."""

    @abstractmethod
    def attempts(self, class_code: str | None = None, participant: str | None = None) -> list[Attempt]:
        """Attempts, oldest first, of one class and/or one participant (None = all)."""

    @abstractmethod
    def participants(self, class_code: str) -> list[Participant]:
        """Everyone who joined a class, in the order they joined."""

    @abstractmethod
    def delete_class(self, code: str) -> None:
        """Remove a class with its participants and their answers."""

    # --- derived views, the same for every backend ---

    def results(self, class_code: str | None = None, participant: str | None = None) -> list[ExerciseResult]:
        """Per participant and exercise: attempts, right on the first try, right on the latest."""
        names = {p.token: p.name for p in self.participants(class_code)} if class_code is not None else {}
        grouped: dict[tuple[str, str], list[Attempt]] = {}
        for attempt in self.attempts(class_code, participant):
            grouped.setdefault((attempt.participant, attempt.exercise), []).append(attempt)
        out = []
        for (token, exercise), tries in grouped.items():
            if token not in names:
                names[token] = self.participant(token).name
            first, last = tries[0], tries[-1]
            out.append(ExerciseResult(token, names[token], exercise, first.kind, len(tries), first.correct,
                                      last.correct, last.answer, first.created, last.created))
        return out

    def summary(self, class_code: str) -> list[ParticipantSummary]:
        """The class view: one row per participant, in the order they joined."""
        results = self.results(class_code)
        rows = []
        for person in self.participants(class_code):
            mine = [r for r in results if r.participant == person.token]
            rows.append(ParticipantSummary(
                person.token, person.name, len(mine), sum(r.latest_correct for r in mine),
                sum(r.first_try_correct for r in mine), sum(r.attempts for r in mine),
                max((r.last_answered for r in mine), default=""),
            ))
        return rows

    def export_csv(self, class_code: str) -> str:
        """The class's results as CSV: one row per participant and exercise (formula-safe cells)."""
        name = self.get_class(class_code).name if class_code != NO_CLASS else ""
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(EXPORT_FIELDS)
        for r in sorted(self.results(class_code), key=lambda r: (r.name.lower(), r.participant, r.exercise)):
            writer.writerow([_csv_cell(v) for v in (
                class_code, name, r.name, r.exercise, r.kind, r.attempts, r.first_try_correct, r.latest_correct,
                _answer_text(r.latest_answer), r.first_answered, r.last_answered)])
        return buf.getvalue()


def _answer_text(answer: Mapping[str, Any]) -> str:
    """An answer in one cell: the need statement as written, or the case answers as key=value pairs."""
    if "text" in answer:
        return str(answer["text"])
    return "; ".join(f"{k}={v}" for k, v in answer.items() if k in ("regime", "part", "innovative", "procedure"))


def _csv_cell(value: object) -> str:
    """A cell a spreadsheet will not run as a formula (participants choose their own names)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class SqlResultStore(ResultStore):
    """ResultStore on a SQLite file in WAL mode or on the shared PostgreSQL (advisor.database.Database)."""

    def __init__(self, path: Path | None = None, *, database: Database | None = None):
        # WAL with synchronous=NORMAL: a commit no longer waits for the disk; a power cut can lose the last
        # answers but never corrupts the file. Twenty participants checking at once otherwise queue on fsync.
        self.db = database or Database("the course results", path=Path(path), synchronous="NORMAL")
        self.path = self.db.path
        self.db.migrate("course", MIGRATIONS)

    def create_class(self, name: str) -> CourseClass:
        """Start a class with a new code (retrying the rare clash with an existing one)."""
        klass_name = clean_name(name)
        with self.db.write() as conn:
            for _ in range(20):
                code = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(6))
                if conn.execute(select(CLASSES.c.code).where(CLASSES.c.code == code)).first() is None:
                    created = _now()
                    conn.execute(insert(CLASSES).values(code=code, name=klass_name, created=created, hide_answers=0))
                    return CourseClass(code, klass_name, created, False)
        raise AdvisorError("could not find a free class code; try again")

    def get_class(self, code: str) -> CourseClass:
        """One class by its code."""
        code = check_code(code)
        with self.db.read() as conn:
            row = conn.execute(select(CLASSES).where(CLASSES.c.code == code)).mappings().first()
        if row is None:
            raise InvalidInput("class code", code, "the code of a class the trainer has started")
        return _class(row)

    def classes(self) -> list[CourseClass]:
        """Every class, newest first."""
        with self.db.read() as conn:
            rows = conn.execute(select(CLASSES).order_by(CLASSES.c.created.desc(), CLASSES.c.code)).mappings()
            return [_class(r) for r in rows]

    def set_hide_answers(self, code: str, hidden: bool) -> None:
        """Hide or show the model answers for everyone in a class."""
        code = self.get_class(code).code
        with self.db.write() as conn:
            conn.execute(update(CLASSES).where(CLASSES.c.code == code).values(hide_answers=int(bool(hidden))))

    def join(self, class_code: str, name: str) -> Participant:
        """Register a participant; the token is what their link keeps."""
        code = check_code(class_code)
        if code != NO_CLASS:
            self.get_class(code)
        person = Participant(secrets.token_urlsafe(18), code, clean_name(name), _now())
        with self.db.write() as conn:
            conn.execute(insert(PARTICIPANTS).values(token=person.token, class_code=person.class_code,
                                                     name=person.name, created=person.created))
        return person

    def participant(self, token: str) -> Participant:
        """A participant by token."""
        if not isinstance(token, str) or not _TOKEN.match(token):
            raise InvalidInput("participant", "(hidden)", "the participant link of this course")
        with self.db.read() as conn:
            row = conn.execute(select(PARTICIPANTS).where(PARTICIPANTS.c.token == token)).mappings().first()
        if row is None:
            raise InvalidInput("participant", "(hidden)", "the participant link of this course")
        return Participant(row["token"], row["class_code"], row["name"], row["created"])

    def participants(self, class_code: str) -> list[Participant]:
        """Everyone who joined a class, in the order they joined."""
        code = check_code(class_code)
        query = select(PARTICIPANTS).where(PARTICIPANTS.c.class_code == code).order_by(PARTICIPANTS.c.created,
                                                                                     PARTICIPANTS.c.name)
        with self.db.read() as conn:
            rows = conn.execute(query).mappings().all()
        return [Participant(r["token"], r["class_code"], r["name"], r["created"]) for r in rows]

    def record(self, participant: Participant, exercise: str, kind: str, correct: bool,
               answer: Mapping[str, Any]) -> Attempt:
        """Keep one check of one exercise."""
        if kind not in KINDS:
            raise InvalidInput("kind", kind, " or ".join(KINDS))
        if not isinstance(exercise, str) or not exercise.strip() or len(exercise) > 200:
            raise InvalidInput("exercise", exercise, "an exercise id")
        payload = json.dumps(dict(answer), ensure_ascii=False, default=str)
        if len(payload) > MAX_ANSWER_CHARS:
            raise InvalidInput("answer", f"{len(payload)} characters", f"at most {MAX_ANSWER_CHARS} characters")
        attempt = Attempt(secrets.token_hex(12), participant.token, participant.class_code, exercise, kind,
                          bool(correct), json.loads(payload), _now())
        with self.db.write() as conn:
            conn.execute(insert(ATTEMPTS).values(
                id=attempt.id, participant=attempt.participant, class_code=attempt.class_code, exercise=exercise,
                kind=kind, correct=int(attempt.correct), answer=payload, created=attempt.created))
        return attempt

    def attempts(self, class_code: str | None = None, participant: str | None = None) -> list[Attempt]:
        """Attempts, oldest first."""
        query = select(ATTEMPTS)
        if class_code is not None:
            query = query.where(ATTEMPTS.c.class_code == check_code(class_code))
        if participant is not None:
            query = query.where(ATTEMPTS.c.participant == participant)
        with self.db.read() as conn:
            rows = conn.execute(query.order_by(ATTEMPTS.c.created, ATTEMPTS.c.id)).mappings().all()
        return [_attempt(r) for r in rows]

    def delete_class(self, code: str) -> None:
        """Remove a class with its participants and their answers."""
        code = self.get_class(code).code
        with self.db.write() as conn:
            conn.execute(delete(ATTEMPTS).where(ATTEMPTS.c.class_code == code))
            conn.execute(delete(PARTICIPANTS).where(PARTICIPANTS.c.class_code == code))
            conn.execute(delete(CLASSES).where(CLASSES.c.code == code))


# The name of earlier versions (SQLite only then).
SqliteResultStore = SqlResultStore


def _class(row: Mapping[str, Any]) -> CourseClass:
    return CourseClass(row["code"], row["name"], row["created"], bool(row["hide_answers"]))


def _attempt(row: Mapping[str, Any]) -> Attempt:
    return Attempt(row["id"], row["participant"], row["class_code"], row["exercise"], row["kind"],
                   bool(row["correct"]), json.loads(row["answer"]), row["created"])


def results_path(settings: Settings) -> Path:
    """Where the course results live without ADVISOR_DATABASE_URL: ADVISOR_HOME/course/results.sqlite."""
    return settings.home / "course" / "results.sqlite"


def open_results(settings: Settings) -> ResultStore:
    """The results store of these settings (created on first use): ADVISOR_DATABASE_URL, else results.sqlite."""
    return SqlResultStore(database=store_database(settings, "the course results", results_path(settings), "NORMAL"))


def exercise_key(kind: str, exercise_id: str) -> str:
    """The id an attempt is stored under: "case:case-001", "need:ex-001"."""
    return f"{kind}:{exercise_id}"


