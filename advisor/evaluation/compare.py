"""Compare two evaluation runs (two report.json files): what changed, metric deltas against the limits, cases.

    comparison = compare_reports(load_report(old), load_report(new), limits)
    print(format_comparison(comparison, "old", "new"))
"""

from __future__ import annotations

import itertools
import textwrap
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from advisor.evaluation.gates import EPS, Bound, Limits, format_value
from advisor.evaluation.report import Report, jsonable
from advisor.evaluation.runner import SuiteRun


@dataclass
class MetricDelta:
    """One metric in two runs; `mark` flags a limit crossed ("REGRESSION") or still missed."""

    suite: str
    metric: str
    old: float | None
    new: float | None
    floor: float | None
    mark: str
    ceiling: float | None = None

    @property
    def delta(self) -> float | None:
        """new - old, or None when one side is missing."""
        return None if self.old is None or self.new is None else self.new - self.old


@dataclass
class CaseChange:
    """A case whose outcome or answer differs between two runs (None = the case is not in that run)."""

    suite: str
    case_id: str
    old_ok: bool | None
    new_ok: bool | None
    question: str = ""
    old_answer: str = ""
    new_answer: str = ""

    @property
    def kind(self) -> str:
        """newly failing | newly passing | added | removed | answer changed (same pass/fail, other text)."""
        if self.old_ok is None:
            return "added"
        if self.new_ok is None:
            return "removed"
        if self.old_ok == self.new_ok:
            return "answer changed"
        return "newly passing" if self.new_ok else "newly failing"


CHANGE_KINDS = ("newly failing", "newly passing", "answer changed", "added", "removed")


@dataclass
class Comparison:
    """What changed between two reports: versions, metrics and cases."""

    changed_meta: dict[str, tuple[Any, Any]]
    metrics: list[MetricDelta]
    cases: list[CaseChange]
    suites: dict[str, tuple[str, str]]
    hidden_unseen: int = 0

    def without_unseen(self) -> Comparison:
        """The same comparison with the frozen unseen sets left out: their changed cases only counted, their metrics
        dropped, so a developer tuning on the seen sets compares two runs without reading the unseen questions,
        answers or scores (which are looked at once, after the design is final)."""
        kept = [c for c in self.cases if not is_unseen_case(c.case_id)]
        metrics = [d for d in self.metrics if "unseen" not in d.metric]
        return Comparison(self.changed_meta, metrics, kept, self.suites,
                          self.hidden_unseen + len(self.cases) - len(kept))

    def regressions(self) -> list[MetricDelta]:
        """Metrics that kept their limit in the old run and do not in the new one (or are missing from it)."""
        return [d for d in self.metrics if d.mark.startswith("REGRESSION")]

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form for `--compare --json`."""
        return jsonable({
            "changed_meta": {k: {"old": o, "new": n} for k, (o, n) in self.changed_meta.items()},
            "suites": {k: {"old": o, "new": n} for k, (o, n) in self.suites.items()},
            "metrics": [{**asdict(d), "delta": d.delta} for d in self.metrics],
            "cases": [{**asdict(c), "change": c.kind} for c in self.cases],
            "regressions": [f"{d.suite}.{d.metric}" for d in self.regressions()],
            "hidden_unseen_cases": self.hidden_unseen,
        })


def is_unseen_case(case_id: str) -> bool:
    """True when a case key (`set/id`) belongs to a frozen unseen set (unseen, unseen2, real_unseen, ...)."""
    set_name, sep, _ = case_id.partition("/")
    return bool(sep) and "unseen" in set_name


def _mark(old: float | None, new: float | None, bound: Bound | None) -> str:
    if bound is None or not bound.is_gated:
        return ""
    old_meets = old is not None and bound.problem(old) is None
    if new is None:
        return "REGRESSION (missing)" if old_meets else "missing, outside limit" if old is not None else "missing"
    problem = bound.problem(new)
    if old_meets and problem:
        return f"REGRESSION ({problem})"
    if problem:
        return f"{problem} (still)" if old is not None else f"{problem} (new metric)"
    if old is not None and not old_meets:
        return "now within limit"
    return ""


def _case_key(case: Mapping[str, Any], index: int) -> str:
    # Suites that score several data sets in one run (tuning/unseen) tag each case with its set.
    value = case.get("id")
    key = str(value) if value is not None else f"#{index}"
    return f"{case['set']}/{key}" if isinstance(case.get("set"), str) and case["set"] else key


def _cases_by_key(run: SuiteRun | None) -> dict[str, dict[str, Any]]:
    if run is None or run.result is None:
        return {}
    return {_case_key(c, i): c for i, c in enumerate(run.result.cases, start=1) if "ok" in c}


# What a suite answered for a case, as text to compare and show: the answer (answer suite), the rewrite (need and
# requirements), the analyzer's verdict, the assessment's conclusion, the retrieval rank.
_ANSWER_KEYS = ("answer", "need_statement", "requirements", "predicted", "predicted_categories", "part", "innovative",
                "procedure", "hybrid_rank")


def answer_of(case: Mapping[str, Any]) -> str:
    """A case's answer as one text: the answer itself, or "key: value" lines of what the suite concluded."""
    if isinstance(case.get("answer"), str):
        return case["answer"]
    lines = []
    for key in _ANSWER_KEYS:
        if key in case:
            value = case[key]
            shown = "; ".join(str(v) for v in value) if isinstance(value, list) else str(value)
            lines.append(f"{key}: {shown}")
    return "\n".join(lines)


def question_of(case: Mapping[str, Any]) -> str:
    """The question (or requirement text, or case note) a case asked."""
    return " ".join(str(case.get("q") or case.get("question") or case.get("text") or case.get("note") or "").split())


def _status(run: SuiteRun | None) -> str:
    return "not run" if run is None else ("ok" if run.ok else f"error: {run.error}")


META_KEYS = ("git_commit", "git_dirty", "provider", "model", "embedding_backend", "advisor_version")


def _changed_meta(old: Report, new: Report) -> dict[str, tuple[Any, Any]]:
    changed: dict[str, tuple[Any, Any]] = {}
    for key in META_KEYS:
        if old.meta.get(key) != new.meta.get(key):
            changed[key] = (old.meta.get(key), new.meta.get(key))
    old_corpus, new_corpus = (old.meta.get("corpus") or {}).get("version"), (new.meta.get("corpus") or {}).get("version")
    if old_corpus != new_corpus:
        changed["corpus_version"] = (old_corpus, new_corpus)
    for group in ("prompt_versions", "datasets"):
        a, b = old.meta.get(group) or {}, new.meta.get(group) or {}
        for name in sorted(set(a) | set(b)):
            if a.get(name) != b.get(name):
                changed[f"{group}.{name}"] = (a.get(name), b.get(name))
    return changed


def _metric_deltas(suite: str, o_run: SuiteRun | None, n_run: SuiteRun | None, new: Report,
                   limits: Limits | None) -> list[MetricDelta]:
    def bound_of(metric: str) -> Bound | None:
        if limits is not None and limits.path:
            return limits.bound(suite, metric)
        return new.bounds.get(suite, {}).get(metric)

    o_metrics = o_run.result.metrics if o_run and o_run.result else {}
    n_metrics = n_run.result.metrics if n_run and n_run.result else {}
    gated = [m for m, b in limits.for_suite(suite).items() if b.is_gated] if limits is not None and limits.path else []
    deltas = []
    for metric in dict.fromkeys([*o_metrics, *n_metrics, *gated]):
        o, n = o_metrics.get(metric), n_metrics.get(metric)
        bound = bound_of(metric)
        if n_run is None:
            mark = "suite not in new run"  # only some suites were run this time: not running one is no regression
        else:
            mark = _mark(o, n, bound)
            if not n_run.ok and mark == "REGRESSION (missing)":
                mark = "REGRESSION (suite failed)"
        deltas.append(MetricDelta(suite, metric, o, n, bound.floor if bound else None, mark,
                                  bound.ceiling if bound else None))
    return deltas


def _case_changes(suite: str, o_run: SuiteRun | None, n_run: SuiteRun | None) -> list[CaseChange]:
    # A case is compared only where the suite ran in both reports; a failed suite is not "every case removed".
    if not (o_run and o_run.ok and n_run and n_run.ok):
        return []
    old_cases, new_cases = _cases_by_key(o_run), _cases_by_key(n_run)
    changes = []
    for key in dict.fromkeys([*old_cases, *new_cases]):
        o, n = old_cases.get(key), new_cases.get(key)
        old_ok = None if o is None else bool(o["ok"])
        new_ok = None if n is None else bool(n["ok"])
        old_answer, new_answer = answer_of(o) if o else "", answer_of(n) if n else ""
        if old_ok != new_ok or old_answer != new_answer:
            changes.append(CaseChange(suite, key, old_ok, new_ok, question_of(n or o or {}), old_answer, new_answer))
    return changes


def compare_reports(old: Report, new: Report, limits: Limits | None = None) -> Comparison:
    """Per-metric deltas and changed cases between two reports; limits from `limits`, else the new report's own.

    A case counts as changed when its pass/fail differs or, with the same pass/fail, its answer text does.
    """
    suites = list(dict.fromkeys([*(r.suite for r in old.runs), *(r.suite for r in new.runs)]))
    deltas: list[MetricDelta] = []
    cases: list[CaseChange] = []
    statuses: dict[str, tuple[str, str]] = {}
    for suite in suites:
        o_run, n_run = old.run(suite), new.run(suite)
        statuses[suite] = (_status(o_run), _status(n_run))
        deltas += _metric_deltas(suite, o_run, n_run, new, limits)
        cases += _case_changes(suite, o_run, n_run)
    return Comparison(_changed_meta(old, new), deltas, cases, statuses)


def _shown(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items())
    return str(value)


def format_comparison(comparison: Comparison, old_label: str = "old", new_label: str = "new") -> str:
    """The terminal view of a comparison: what changed, metric deltas with floor marks, changed cases."""
    lines = [f"old: {old_label}", f"new: {new_label}", ""]
    if comparison.changed_meta:
        lines.append("changed between the runs:")
        lines += [f"  {k}: {_shown(o)} -> {_shown(n)}" for k, (o, n) in comparison.changed_meta.items()]
    else:
        lines.append("same commit, provider, model, corpus, prompts and data sets")
    for suite, (o, n) in comparison.suites.items():
        if o != n:
            lines.append(f"  suite {suite}: {o} -> {n}")
    lines.append("")
    header = ("suite", "metric", "old", "new", "delta", "limit", "mark")
    body = []
    for d in comparison.metrics:
        delta = d.delta
        shown = "" if delta is None else ("0" if abs(delta) < EPS else f"{delta:+.3f}")
        limit = Bound(d.floor, None, d.ceiling)
        body.append((d.suite, d.metric, format_value(d.metric, d.old), format_value(d.metric, d.new), shown,
                     limit.limit_text(d.metric) if limit.is_gated else "", d.mark))
    widths = [max(len(h), *(len(r[i]) for r in body)) if body else len(h) for i, h in enumerate(header)]
    lines.append("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip())
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in body]
    regressions = comparison.regressions()
    lines.append("")
    lines.append(f"{len(regressions)} regression(s) against the limits"
                 + (": " + ", ".join(f"{d.suite}.{d.metric}" for d in regressions) if regressions else ""))
    lines.append("")
    for kind in CHANGE_KINDS:
        changes = [c for c in comparison.cases if c.kind == kind]
        lines.append(f"{kind} cases: {len(changes)}")
        for suite in dict.fromkeys(c.suite for c in changes):
            ids = [c.case_id for c in changes if c.suite == suite]
            lines.append(f"  {suite}: {', '.join(ids)}")
    if comparison.hidden_unseen:
        lines.append(f"changed cases of the frozen unseen sets not shown: {comparison.hidden_unseen}")
    if comparison.cases:
        lines += ["", "changed cases: the old answer on the left, the new one on the right"]
        for kind in CHANGE_KINDS:
            for change in (c for c in comparison.cases if c.kind == kind):
                lines += ["", f"{change.suite} {change.case_id} ({kind}): {change.question}"]
                lines += side_by_side(change.old_answer or "(not in the old run)",
                                      change.new_answer or "(not in the new run)", old_label, new_label)
    return "\n".join(lines)


def side_by_side(old: str, new: str, old_label: str = "old", new_label: str = "new", width: int = 58) -> list[str]:
    """Two texts in two columns of `width` characters, wrapped at words; nothing is cut."""
    def wrap(text: str) -> list[str]:
        out: list[str] = []
        for paragraph in text.splitlines() or [""]:
            out += textwrap.wrap(paragraph, width, break_long_words=True, replace_whitespace=True) or [""]
        return out

    left, right = wrap(old), wrap(new)
    head = (f"  {_short(old_label, width):<{width}} | {_short(new_label, width)}").rstrip()
    rows = [head, f"  {'-' * width}-+-{'-' * width}"]
    for a, b in itertools.zip_longest(left, right, fillvalue=""):
        rows.append(f"  {a:<{width}} | {b}".rstrip())
    return rows


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else "…" + text[-(width - 1):]
