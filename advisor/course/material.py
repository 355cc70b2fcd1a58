"""The course material: the shipped case bank and worked examples, plus the trainer's own cases and exercises.

    material = load_material(settings)       # shipped + trainer files, each case checked against the engine
    material.cases, material.exercises       # CourseCase, NeedExercise (origin "shipped" or "trainer")
    material.problems                        # trainer files that were skipped, each with the reason

The shipped case bank (corpus/cases/cases.yaml) is the CI gate (`case_bank_agreement` in `advisor eval`); trainer
material lives apart from it, in ADVISOR_HOME/course/material/*.yaml, and never changes the gate. Each trainer file
is a mapping with `cases:` and/or `exercises:` lists (a bare list is read as cases), in the formats of
corpus/cases/cases.yaml and corpus/examples/requirements.yaml. A file is checked entry by entry when it is loaded
and before an upload is saved: a broken file is skipped with a message that names the file, the entry and the field.
A trainer case whose expected answer the assessment engine does not reach is kept: it becomes a discussion case and
the page shows the engine's reasoning beside the trainer's.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from advisor.assessment import PROCEDURES, Assessment, assess, load_case_bank, parse_case
from advisor.config import Settings
from advisor.corpus import YAMLRefused, cite, load_yaml, safe_name
from advisor.course.procedure import PARTS, REGIMES, EngineView, Expected, engine_view, expected_answer
from advisor.course.sources import CitedText, cite_reasoning
from advisor.errors import AdvisorError, InvalidInput
from advisor.requirements import FINDING_CATEGORIES
from advisor.rewrite import EXAMPLES_PATH, load_worked_examples

MATERIAL_FOLDER = Path("course") / "material"
SUFFIXES = (".yaml", ".yml")
MAX_FILE_BYTES = 1_000_000
MAX_ENTRIES = 500
MAX_FIELD_CHARS = 20_000
_ID = re.compile(r"^[\w.\-]{1,60}$")

CASE_KEYS = frozenset({"id", "title", "situation", "input", "expected", "reasoning", "sources"})
EXPECTED_KEYS = frozenset({"part", "innovative", "procedure", "procedures", "acceptable_procedures", "regime"})
EXERCISE_KEYS = frozenset({"id", "domain", "original", "problems", "why", "need_statement", "requirements",
                           "market_questions"})


class MaterialError(AdvisorError):
    """A trainer file that cannot be used: names the file, and the entry and field where it can."""


@dataclass(frozen=True)
class CourseCase:
    """A case of the procedure exercise, with its model answer and what the engine concludes."""

    id: str
    title: str
    situation: str
    input: dict[str, Any]
    expected: Expected
    reasoning: str
    sources: tuple[str, ...]
    origin: str  # "shipped" | "trainer"
    file: str = ""
    engine: EngineView | None = None
    assessment: Assessment | None = None  # the engine's full assessment, with its reasons and sources
    cited: CitedText | None = None  # the reasoning with numbered markers and its sources by title

    @property
    def is_discussion(self) -> bool:
        """A trainer case the engine disagrees with: shown with the engine's reasoning, for discussion."""
        return self.engine is not None and not self.engine.agrees


@dataclass(frozen=True)
class NeedExercise:
    """A requirement to rewrite as a need, with the model answer (the rewriter's worked examples' format)."""

    id: str
    domain: str
    original: str
    need_statement: str
    requirements: tuple[str, ...] = ()
    market_questions: tuple[str, ...] = ()
    why: str = ""
    problems: tuple[str, ...] = ()
    origin: str = "shipped"
    file: str = ""


@dataclass(frozen=True)
class TrainerFile:
    """One file in the trainer's folder and what it holds."""

    name: str
    cases: int
    exercises: int
    size_bytes: int


@dataclass
class CourseMaterial:
    """Everything the course page offers, and the trainer files that could not be used."""

    cases: list[CourseCase] = field(default_factory=list)
    exercises: list[NeedExercise] = field(default_factory=list)
    files: list[TrainerFile] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def case(self, case_id: str) -> CourseCase:
        """One case by id."""
        for case in self.cases:
            if case.id == case_id:
                return case
        raise InvalidInput("case", case_id, "the id of a case in the course material")

    def exercise(self, exercise_id: str) -> NeedExercise:
        """One need exercise by id."""
        for exercise in self.exercises:
            if exercise.id == exercise_id:
                return exercise
        raise InvalidInput("exercise", exercise_id, "the id of an exercise in the course material")


def material_dir(settings: Settings) -> Path:
    """The trainer's folder: ADVISOR_HOME/course/material."""
    return settings.home / MATERIAL_FOLDER


# --- reading YAML safely ----------------------------------------------------------------------------------------


def parse_material_text(text: str, name: str) -> Any:
    """Parse one trainer file's text (YAML without aliases, at most 1 MB); raises MaterialError naming the file."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise MaterialError(f"{name}: the file is larger than {MAX_FILE_BYTES // 1_000_000} MB")
    try:
        return load_yaml(text, name, max_chars=MAX_FILE_BYTES)
    except YAMLRefused as exc:
        raise MaterialError(f"{name}: not valid YAML: {exc.reason}") from exc


# --- checking entries ---------------------------------------------------------------------------------------------


def _text(entry: Mapping[str, Any], key: str, where: str, required: bool = True) -> str:
    value = entry.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise MaterialError(f"{where}: '{key}' is missing (text)")
        return ""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise MaterialError(f"{where}: '{key}' must be text, got {type(value).__name__}")
    value = str(value).strip()
    if len(value) > MAX_FIELD_CHARS:
        raise MaterialError(f"{where}: '{key}' is longer than {MAX_FIELD_CHARS} characters")
    return value


def _texts(entry: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        raise MaterialError(f"{where}: '{key}' must be a list of texts")
    return tuple(str(v).strip() for v in value if str(v).strip())


def _entry_id(entry: Any, kind: str, number: int, name: str) -> tuple[str, str]:
    if not isinstance(entry, Mapping):
        raise MaterialError(f"{name}: {kind} {number} must be a mapping of keys, got {type(entry).__name__}")
    raw = entry.get("id")
    case_id = str(raw).strip() if isinstance(raw, str | int) and not isinstance(raw, bool) else ""
    if not _ID.match(case_id):
        raise MaterialError(f"{name}: {kind} {number}: 'id' must be 1-60 letters, digits, '.', '-' or '_', got {raw!r}")
    return case_id, f"{name}: {kind} {case_id!r}"


def _unknown_keys(entry: Mapping[str, Any], known: frozenset[str], where: str) -> None:
    unknown = sorted(str(k) for k in entry if k not in known)
    if unknown:
        raise MaterialError(f"{where}: unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")


def _check_expected(raw: Any, where: str) -> dict[str, Any]:
    if not isinstance(raw, Mapping):
        raise MaterialError(f"{where}: 'expected' must be a mapping with part, innovative and procedure")
    _unknown_keys(raw, EXPECTED_KEYS, f"{where}: expected")
    if raw.get("part") not in PARTS:
        raise MaterialError(f"{where}: expected.part must be one of {', '.join(PARTS)}, got {raw.get('part')!r}")
    if not isinstance(raw.get("innovative"), bool):
        raise MaterialError(f"{where}: expected.innovative must be true or false, got {raw.get('innovative')!r}")
    procedures = raw.get("procedures", raw.get("acceptable_procedures")) or []
    procedures = [procedures] if isinstance(procedures, str) else procedures
    if not isinstance(procedures, list):
        raise MaterialError(f"{where}: expected.acceptable_procedures must be a list of procedures")
    named = [raw["procedure"]] if raw.get("procedure") else []
    if not named and not procedures:
        raise MaterialError(f"{where}: expected.procedure is missing; one of {', '.join(PROCEDURES)}")
    for procedure in [*named, *procedures]:
        if procedure not in PROCEDURES:
            raise MaterialError(f"{where}: unknown procedure {procedure!r}; known: {', '.join(PROCEDURES)}")
    if raw.get("regime") is not None and raw["regime"] not in REGIMES:
        raise MaterialError(f"{where}: expected.regime must be one of {', '.join(REGIMES)}, got {raw['regime']!r}")
    return dict(raw)


def _check_sources(ids: tuple[str, ...], where: str, settings: Settings) -> None:
    for doc_id in ids:
        try:
            cite(settings, doc_id)
        except AdvisorError as exc:
            raise MaterialError(f"{where}: source {doc_id!r} is not a document of the corpus (see the Kilder page "
                                "for the ids)") from exc


def check_case(entry: Any, number: int, name: str, settings: Settings, origin: str) -> CourseCase:
    """One case entry checked field by field; raises MaterialError naming the file, the case and the field."""
    case_id, where = _entry_id(entry, "case", number, name)
    if origin == "trainer":
        _unknown_keys(entry, CASE_KEYS, where)
    raw_input = entry.get("input")
    if not isinstance(raw_input, Mapping) or not raw_input:
        raise MaterialError(f"{where}: 'input' must be a mapping with the case keys (need, estimated_value_nok, ...)")
    try:
        parsed = parse_case(dict(raw_input))
    except InvalidInput as exc:
        raise MaterialError(f"{where}: input: {exc}") from exc
    expected = _check_expected(entry.get("expected"), where)
    sources = _texts(entry, "sources", where)
    if origin == "trainer":
        _check_sources(sources, where, settings)
    case_input = parsed.given()
    return CourseCase(
        id=case_id, title=_text(entry, "title", where, required=False) or case_id,
        situation=_text(entry, "situation", where), input=case_input,
        expected=expected_answer(expected, case_input), reasoning=_text(entry, "reasoning", where, required=False),
        sources=sources, origin=origin, file=name if origin == "trainer" else "",
    )


def check_exercise(entry: Any, number: int, name: str, origin: str = "trainer") -> NeedExercise:
    """One need exercise checked field by field; raises MaterialError naming the file, the exercise and the field."""
    exercise_id, where = _entry_id(entry, "exercise", number, name)
    _unknown_keys(entry, EXERCISE_KEYS, where)
    problems = _texts(entry, "problems", where)
    unknown = [p for p in problems if p not in FINDING_CATEGORIES]
    if unknown:
        raise MaterialError(f"{where}: unknown problem type(s) {', '.join(unknown)}; known: {', '.join(FINDING_CATEGORIES)}")
    return NeedExercise(
        id=exercise_id, domain=_text(entry, "domain", where, required=False), original=_text(entry, "original", where),
        need_statement=_text(entry, "need_statement", where), requirements=_texts(entry, "requirements", where),
        market_questions=_texts(entry, "market_questions", where), why=_text(entry, "why", where, required=False),
        problems=problems, origin=origin, file=name,
    )


def _entries(data: Any, name: str) -> tuple[list[Any], list[Any]]:
    if isinstance(data, list):
        return data, []
    if not isinstance(data, Mapping) or not ({"cases", "exercises"} & set(data)):
        raise MaterialError(f"{name}: expected a mapping with 'cases:' and/or 'exercises:' lists (or a list of cases)")
    unknown = sorted(str(k) for k in data if k not in ("cases", "exercises"))
    if unknown:
        raise MaterialError(f"{name}: unknown top-level key(s) {', '.join(unknown)}; known: cases, exercises")
    cases, exercises = data.get("cases") or [], data.get("exercises") or []
    if not isinstance(cases, list) or not isinstance(exercises, list):
        raise MaterialError(f"{name}: 'cases' and 'exercises' must be lists")
    if len(cases) + len(exercises) > MAX_ENTRIES:
        raise MaterialError(f"{name}: more than {MAX_ENTRIES} entries")
    if not cases and not exercises:
        raise MaterialError(f"{name}: the file has no cases and no exercises")
    return cases, exercises


def check_trainer_file(text: str, name: str, settings: Settings,
                       taken: Mapping[str, str] | None = None) -> tuple[list[CourseCase], list[NeedExercise]]:
    """Every entry of one trainer file, checked; `taken` maps ids already used to where (no id may be used twice)."""
    data = parse_material_text(text, name)
    raw_cases, raw_exercises = _entries(data, name)
    used = dict(taken or {})
    cases = [check_case(entry, n, name, settings, "trainer") for n, entry in enumerate(raw_cases, start=1)]
    exercises = [check_exercise(entry, n, name) for n, entry in enumerate(raw_exercises, start=1)]
    for kind, items in (("case", cases), ("exercise", exercises)):
        for item in items:
            if item.id in used:
                raise MaterialError(f"{name}: {kind} id {item.id!r} is already used by {used[item.id]}")
            used[item.id] = f"{kind} in {name}"
    return cases, exercises


# --- loading everything -------------------------------------------------------------------------------------------


def _with_engine(case: CourseCase, settings: Settings) -> CourseCase:
    """The case with what the engine concludes and its reasoning cited, worked out once when the material loads."""
    result = assess(case.input, settings)
    return replace(case, engine=engine_view(case.expected, result, case.input), assessment=result,
                   cited=cite_reasoning(case.reasoning, case.sources, settings))


def shipped_material(settings: Settings) -> tuple[list[CourseCase], list[NeedExercise]]:
    """The shipped case bank and worked examples (empty when the files are not there)."""
    cases = [check_case(entry, n, "corpus/cases/cases.yaml", settings, "shipped")
             for n, entry in enumerate(load_case_bank(settings), start=1)]
    exercises: list[NeedExercise] = []
    if (settings.corpus_dir / EXAMPLES_PATH).is_file():
        exercises = [NeedExercise(e.id, e.domain, e.original, e.need_statement, tuple(e.requirements),
                                  tuple(e.market_questions), e.why, tuple(e.problems))
                     for e in load_worked_examples(settings)]
    return cases, exercises


def trainer_files(settings: Settings) -> list[Path]:
    """The YAML files in the trainer's folder, by name."""
    folder = material_dir(settings)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES
                  and not p.name.startswith("."))


def _read(path: Path) -> str:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise MaterialError(f"{path.name}: the file is larger than {MAX_FILE_BYTES // 1_000_000} MB ({size} bytes)")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise MaterialError(f"{path.name}: not a UTF-8 text file") from exc


def load_material(settings: Settings) -> CourseMaterial:
    """The shipped material and every usable trainer file; each case is assessed so disagreements can be shown."""
    cases, exercises = shipped_material(settings)
    material = CourseMaterial([_with_engine(c, settings) for c in cases], exercises)
    taken = {c.id: "the shipped case bank" for c in cases} | {e.id: "the shipped worked examples" for e in exercises}
    for path in trainer_files(settings):
        try:
            new_cases, new_exercises = check_trainer_file(_read(path), path.name, settings, taken)
        except (MaterialError, OSError) as exc:
            material.problems.append(str(exc) if isinstance(exc, MaterialError) else f"{path.name}: {exc}")
            continue
        taken.update({c.id: f"case in {path.name}" for c in new_cases})
        taken.update({e.id: f"exercise in {path.name}" for e in new_exercises})
        material.cases.extend(_with_engine(c, settings) for c in new_cases)
        material.exercises.extend(new_exercises)
        material.files.append(TrainerFile(path.name, len(new_cases), len(new_exercises), path.stat().st_size))
    return material


def material_stamp(settings: Settings) -> tuple:
    """Changes whenever a file of the material changes: a cache key for load_material."""
    paths = [settings.corpus_dir / "cases" / "cases.yaml", settings.corpus_dir / EXAMPLES_PATH,
             *trainer_files(settings)]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths if p.is_file())


# --- the trainer's uploads ----------------------------------------------------------------------------------------


def save_trainer_file(settings: Settings, name: str, data: bytes) -> TrainerFile:
    """Check an uploaded trainer file and save it into the trainer's folder; a file of the same name is replaced.

    Nothing is saved unless every entry passes; the MaterialError names the first problem.
    """
    clean = safe_name(name)
    if Path(clean).suffix.lower() not in SUFFIXES:
        raise MaterialError(f"{clean}: a trainer file must be YAML ({', '.join(SUFFIXES)})")
    if len(data) > MAX_FILE_BYTES:
        raise MaterialError(f"{clean}: the file is larger than {MAX_FILE_BYTES // 1_000_000} MB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MaterialError(f"{clean}: not a UTF-8 text file") from exc
    current = load_material(settings)
    taken = {c.id: (f"case in {c.file}" if c.origin == "trainer" else "the shipped case bank")
             for c in current.cases if c.file != clean}
    taken |= {e.id: (f"exercise in {e.file}" if e.origin == "trainer" else "the shipped worked examples")
              for e in current.exercises if e.file != clean}
    cases, exercises = check_trainer_file(text, clean, settings, taken)
    folder = material_dir(settings)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # Written aside and renamed, so a page that loads the folder meanwhile never reads half a file.
        handle, tmp = tempfile.mkstemp(dir=folder, prefix=".upload-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(tmp, folder / clean)
    except OSError as exc:
        raise MaterialError(f"{clean}: cannot save into {folder}: {exc.strerror or exc}") from exc
    return TrainerFile(clean, len(cases), len(exercises), len(data))


def delete_trainer_file(settings: Settings, name: str) -> None:
    """Remove one file from the trainer's folder (by the name the folder lists)."""
    path = material_dir(settings) / safe_name(name)
    if path.suffix.lower() not in SUFFIXES or not path.is_file():
        raise InvalidInput("trainer file", name, "the name of a file in " + str(material_dir(settings)))
    path.unlink()
