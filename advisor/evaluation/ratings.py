"""Human (and LLM-judge) ratings of answers: the rating sheet, reading scores back, agreement between raters.

    rows  = rating_rows(settings, provider)                 # every question of evals/answers.jsonl, asked as the app asks
    write_sheet(rows, Path("ratings/kari.csv"), rater="kari")  # CSV: question, answer, sources, one column per criterion
    sheets = [read_sheet(Path("ratings/kari.csv")), read_sheet(Path("ratings/ola.csv"))]
    summary = summarize_ratings(sheets, feedback_entries)   # means, Cohen's kappa per criterion, the app's thumbs

A sheet opens in any spreadsheet (UTF-8 with a byte-order mark, so Excel shows æ, ø, å). A rater fills the rubric
columns with 0, 1 or 2 and may leave a cell empty; everything else in the row is kept as written. The judge
(evaluation/judge.py) fills the same columns from a language model.
"""

from __future__ import annotations

import csv
import io
import itertools
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from advisor.config import Settings
from advisor.errors import AdvisorError, InvalidInput
from advisor.feedback import normal_question


@dataclass(frozen=True)
class Criterion:
    """One column of the rubric: what the rater judges, and what 0, 1 and 2 mean."""

    id: str
    question: str
    levels: tuple[str, str, str]


RUBRIC: tuple[Criterion, ...] = (
    Criterion("correct", "Er svaret faglig riktig?", ("feil", "delvis riktig", "riktig")),
    Criterion("supported", "Står det svaret sier i kildene det viser til?", ("nei", "delvis", "ja")),
    Criterion("complete", "Svarer det på det som ble spurt om?", ("nei", "delvis", "ja")),
    Criterion("clear", "Er det klart og lett å bruke for en innkjøper?", ("nei", "delvis", "ja")),
)
CRITERIA = tuple(c.id for c in RUBRIC)
SCORES = (0, 1, 2)
SHEET_COLUMNS = ("id", "question", "answer", "sources", "grounded", "rater", *CRITERIA, "comment")
MAX_SHEET_BYTES = 20_000_000


@dataclass(frozen=True)
class RatingRow:
    """One answer to rate: the question, the answer as the app gives it, and its sources in words."""

    id: str
    question: str
    answer: str
    sources: str
    grounded: bool


@dataclass
class RatingSheet:
    """One rater's scores: case id -> criterion -> 0/1/2 (None = not rated), with comments."""

    rater: str
    path: str
    scores: dict[str, dict[str, int | None]] = field(default_factory=dict)
    questions: dict[str, str] = field(default_factory=dict)
    comments: dict[str, str] = field(default_factory=dict)

    def rated(self, case_id: str, criterion: str) -> int | None:
        """The score this rater gave, or None."""
        return self.scores.get(case_id, {}).get(criterion)


def _sources_text(answer: Any) -> str:
    lines = []
    for c in answer.citations:
        where = f"{c.title}" + (f" – {c.section}" if c.section else "") + (f", s. {c.page}" if c.page else "")
        lines.append(f"[{c.n}] {where}: {' '.join(c.text.split())}")
    return "\n".join(lines)


def rating_rows(settings: Settings, provider: str, progress: bool = False) -> list[RatingRow]:
    """Every question of evals/answers.jsonl asked through chat.ask (the app's path), as rows of a rating sheet."""
    from tqdm import tqdm

    from advisor.chat import ask
    from advisor.evaluation.suite import read_jsonl
    from advisor.search import ensure_index

    rows = read_jsonl(settings.evals_dir / "answers.jsonl")
    index = ensure_index(settings, progress=progress)
    out = []
    for row in tqdm(rows, desc="answers", disable=not progress, leave=False):
        answer = ask(str(row["q"]), index, settings, provider=provider)
        out.append(RatingRow(str(row["id"]), str(row["q"]), answer.text, _sources_text(answer), answer.grounded))
    return out


def _cell(value: object) -> str:
    """A cell a spreadsheet will not run as a formula (answers and sources are text from documents)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def sheet_text(rows: Sequence[RatingRow], rater: str = "", scores: Mapping[str, Mapping[str, int | None]] | None = None,
               comments: Mapping[str, str] | None = None) -> str:
    """The rating sheet as CSV text: one row per answer, rubric columns empty unless `scores` fills them."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(SHEET_COLUMNS)
    scores, comments = scores or {}, comments or {}
    for row in rows:
        given = scores.get(row.id, {})
        writer.writerow([_cell(row.id), _cell(row.question), _cell(row.answer), _cell(row.sources),
                         "ja" if row.grounded else "nei", _cell(rater),
                         *("" if given.get(c) is None else str(given[c]) for c in CRITERIA),
                         _cell(comments.get(row.id, ""))])
    return buf.getvalue()


def write_sheet(text: str, path: Path) -> Path:
    """Write a sheet (UTF-8 with BOM, for spreadsheets); the folder is created."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8-sig")
    except OSError as exc:
        raise InvalidInput("rating sheet", str(path), f"a writable file ({exc.strerror or exc})") from exc
    return path


def _score(value: str, where: str) -> int | None:
    text = value.strip().lstrip("'")
    if not text:
        return None
    if text not in ("0", "1", "2"):
        raise AdvisorError(f"{where}: got {value.strip()!r}; expected 0, 1, 2 or an empty cell")
    return int(text)


def read_sheet(path: Path) -> RatingSheet:
    """Read a filled rating sheet; a bad score names the file, the row, the case and the column."""
    if not path.is_file():
        raise InvalidInput("rating sheet", str(path), "a CSV file written by `advisor eval --export-ratings`")
    if path.stat().st_size > MAX_SHEET_BYTES:
        raise AdvisorError(f"{path}: larger than {MAX_SHEET_BYTES // 1_000_000} MB; is this a rating sheet?")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AdvisorError(f"{path}: not UTF-8 text; save the sheet as CSV UTF-8") from exc
    delimiter = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)  # a spreadsheet in Norwegian saves with ";"
    try:
        return _read_rows(reader, path)
    except csv.Error as exc:  # a cell over csv's limit (131 072 characters), a stray quote character
        raise AdvisorError(f"{path}: not a readable CSV sheet ({exc})") from exc


def _read_rows(reader: csv.DictReader, path: Path) -> RatingSheet:
    missing = [c for c in ("id", *CRITERIA) if c not in (reader.fieldnames or [])]
    if missing:
        raise AdvisorError(f"{path}: missing column(s) {', '.join(missing)}; columns are {', '.join(SHEET_COLUMNS)}")
    sheet = RatingSheet(rater="", path=str(path))
    raters: set[str] = set()
    for number, row in enumerate(reader, start=2):
        case_id = (row.get("id") or "").strip().lstrip("'")
        if not case_id:
            continue
        if case_id in sheet.scores:
            raise AdvisorError(f"{path}: row {number}: case {case_id!r} appears twice")
        where = f"{path}: row {number} (case {case_id})"
        sheet.scores[case_id] = {c: _score(row.get(c) or "", f"{where}, column {c}") for c in CRITERIA}
        sheet.questions[case_id] = (row.get("question") or "").lstrip("'")
        if (row.get("comment") or "").strip():
            sheet.comments[case_id] = row["comment"].strip()
        if (row.get("rater") or "").strip():
            raters.add(row["rater"].strip().lstrip("'"))
    if len(raters) > 1:
        raise AdvisorError(f"{path}: more than one rater ({', '.join(sorted(raters))}); one sheet per rater")
    sheet.rater = raters.pop() if raters else path.stem
    if not sheet.scores:
        raise AdvisorError(f"{path}: no rated rows")
    return sheet


# --- agreement ---------------------------------------------------------------------------------------------------


def cohen_kappa(a: Sequence[int], b: Sequence[int]) -> float | None:
    """Cohen's kappa of two raters' labels for the same items: (observed - chance agreement) / (1 - chance).

    1 = full agreement, 0 = what chance gives, below 0 = worse than chance. None without items; when both raters
    used one and the same label throughout, chance agreement is 1 and kappa is taken as 1.0.
    """
    if len(a) != len(b):
        raise ValueError("both raters must label the same items")
    n = len(a)
    if n == 0:
        return None
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    count_a, count_b = Counter(a), Counter(b)
    chance = sum(count_a[label] * count_b[label] for label in set(a) | set(b)) / (n * n)
    if chance >= 1.0:
        return 1.0
    return (observed - chance) / (1 - chance)


def summarize_ratings(sheets: Sequence[RatingSheet], thumbs: Mapping[str, Mapping[str, int]] | None = None
                      ) -> dict[str, Any]:
    """What the report shows: per rater and criterion the mean and count, Cohen's kappa for every pair of raters
    and criterion, and per question every rater's scores beside the app's thumbs up/down for that question.

    `thumbs` is FeedbackStore.counts_by_question(): {normal question: {"up": n, "down": m}}.
    """
    thumbs = thumbs or {}
    names = [s.rater for s in sheets]
    if len(set(names)) != len(names):
        raise AdvisorError(f"two sheets have the same rater ({', '.join(names)}); give each sheet its own rater")
    means = []
    for sheet in sheets:
        for criterion in CRITERIA:
            values = [v for v in (sheet.rated(cid, criterion) for cid in sheet.scores) if v is not None]
            means.append({"rater": sheet.rater, "criterion": criterion, "rated": len(values),
                          "mean": round(statistics.fmean(values), 3) if values else None})
    agreement = []
    for first, second in itertools.combinations(sheets, 2):
        for criterion in CRITERIA:
            both = [(first.rated(cid, criterion), second.rated(cid, criterion)) for cid in first.scores]
            pairs = [(x, y) for x, y in both if x is not None and y is not None]
            kappa = cohen_kappa([x for x, _ in pairs], [y for _, y in pairs])
            agreement.append({"raters": f"{first.rater} / {second.rater}", "criterion": criterion, "items": len(pairs),
                              "agreement": round(sum(x == y for x, y in pairs) / len(pairs), 3) if pairs else None,
                              "kappa": None if kappa is None else round(kappa, 3)})
    questions: dict[str, str] = {}
    for sheet in sheets:
        for cid, text in sheet.questions.items():
            questions.setdefault(cid, text)
    per_question = []
    for cid in sorted(questions):
        row: dict[str, Any] = {"id": cid, "question": questions[cid]}
        for sheet in sheets:
            given = [sheet.rated(cid, c) for c in CRITERIA]
            row[sheet.rater] = " ".join("–" if v is None else str(v) for v in given) if cid in sheet.scores else ""
        counts = thumbs.get(normal_question(questions[cid]), {})
        row["thumbs_up"], row["thumbs_down"] = counts.get("up", 0), counts.get("down", 0)
        per_question.append(row)
    return {"raters": names, "criteria": [{"id": c.id, "question": c.question, "levels": list(c.levels)} for c in RUBRIC],
            "sheets": [s.path for s in sheets], "means": means, "agreement": agreement, "questions": per_question,
            "feedback_entries": sum(sum(c.values()) for c in thumbs.values()),
            "feedback_matched": sum(1 for q in per_question if q["thumbs_up"] or q["thumbs_down"])}


def format_ratings(summary: Mapping[str, Any]) -> str:
    """The ratings summary for the terminal: means per rater, then kappa per pair of raters and criterion."""
    lines = [f"raters: {', '.join(summary['raters'])} ({len(summary['questions'])} questions)",
             "criteria: " + ", ".join(f"{c['id']} ({c['question']} 0={c['levels'][0]}, 2={c['levels'][2]})"
                                      for c in summary["criteria"]), ""]
    lines.append(f"{'rater':<20} " + " ".join(f"{c:>10}" for c in CRITERIA))
    for rater in summary["raters"]:
        cells = {m["criterion"]: m["mean"] for m in summary["means"] if m["rater"] == rater}
        lines.append(f"{rater:<20} " + " ".join(f"{'-' if cells[c] is None else f'{cells[c]:.2f}':>10}" for c in CRITERIA))
    if summary["agreement"]:
        lines += ["", f"{'agreement (Cohen kappa)':<30} {'criterion':<10} {'items':>5} {'same':>6} {'kappa':>6}"]
        for a in summary["agreement"]:
            same = "-" if a["agreement"] is None else f"{a['agreement']:.2f}"
            kappa = "-" if a["kappa"] is None else f"{a['kappa']:.2f}"
            lines.append(f"{a['raters']:<30} {a['criterion']:<10} {a['items']:>5} {same:>6} {kappa:>6}")
    else:
        lines += ["", "agreement: needs at least two sheets"]
    lines += ["", f"app feedback: {summary['feedback_entries']} thumbs stored, {summary['feedback_matched']} of the rated "
              "questions have some"]
    return "\n".join(lines)
