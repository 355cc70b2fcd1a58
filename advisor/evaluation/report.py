"""The Report of an evaluation run: build it, read it back from report.json, print it as a table.

The flow behind `advisor eval`:

    limits = load_limits(path, provider)           # gates.py
    report     = evaluate(settings, names, provider, limits)
                 # = build_report(settings, run_suites(settings, names, provider), limits, provider)
    print(format_table(report))
    write_report(report, out_dir)                          # report_files.py: report.md, report.json, PNG charts
    compare_reports(load_report(old), load_report(new), limits)   # compare.py
"""

from __future__ import annotations

import json
import platform
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from advisor.config import Settings
from advisor.errors import AdvisorError, InvalidInput
from advisor.evaluation.gates import (
    EPS,
    FLOORS_ROW,
    SUITE_ROW,
    Bound,
    Gate,
    Limits,
    check_gates,
    format_value,
)
from advisor.evaluation.runner import (
    SuiteFn,
    SuiteRun,
    corpus_version,
    dataset_versions,
    git_state,
    prompt_versions,
    run_suites,
)
from advisor.evaluation.suite import SuiteResult

REPORT_FORMAT = "advisor-eval-report/1"


# --- metadata ---------------------------------------------------------------------------------------------


def run_metadata(settings: Settings, provider: str, limits: Limits) -> dict[str, Any]:
    """Everything needed to reproduce or explain a run: versions of code, corpus, prompts, data and the model."""
    from importlib.metadata import PackageNotFoundError, version

    from advisor.llm import model_name

    try:
        package = version("advisor")
    except PackageNotFoundError:
        package = None
    git = git_state()
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "git_commit": git["commit"],
        "git_dirty": git["dirty"],
        "advisor_version": package,
        "python": platform.python_version(),
        "provider": provider,
        "model": model_name(settings, provider) or None,
        "embedding_backend": settings.index.embedding_backend,
        "prompt_versions": prompt_versions(settings.prompts_dir),
        "corpus": corpus_version(settings),
        "datasets": dataset_versions(settings.evals_dir),
        "thresholds": {"path": limits.path, "sha256": limits.sha256, "provider_table": limits.provider},
    }


# --- the report -------------------------------------------------------------------------------------------


@dataclass
class Report:
    """A whole evaluation run: metadata, every suite's outcome and the gate checks."""

    meta: dict[str, Any]
    runs: list[SuiteRun]
    gates: list[Gate]
    bounds: dict[str, dict[str, Bound]] = field(default_factory=dict)
    ratings: dict[str, Any] | None = None  # human and judge ratings (ratings.summarize_ratings), when imported

    @property
    def passed(self) -> bool:
        """Every suite ran and every gate passed."""
        return all(r.ok for r in self.runs) and all(g.passed for g in self.gates)

    def failed_gates(self) -> list[Gate]:
        """The gates that failed, in run order."""
        return [g for g in self.gates if not g.passed]

    def run(self, suite: str) -> SuiteRun | None:
        """The run of one suite, if it was part of this report."""
        return next((r for r in self.runs if r.suite == suite), None)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able form (what report.json holds)."""
        suites = []
        for r in self.runs:
            res = r.result
            suites.append({
                "suite": r.suite,
                "ok": r.ok,
                "error": r.error,
                "seconds": r.seconds,
                "metrics": dict(res.metrics) if res else {},
                "cases": list(res.cases) if res else [],
                "tables": dict(res.tables) if res else {},
                "info": dict(res.info) if res else {},
                "suite_seconds": res.seconds if res else None,
            })
        return jsonable({
            "format": REPORT_FORMAT,
            "passed": self.passed,
            "meta": self.meta,
            "suites": suites,
            "gates": [asdict(g) for g in self.gates],
            "bounds": {s: {m: asdict(b) for m, b in bs.items()} for s, bs in self.bounds.items()},
            "ratings": self.ratings,
        })

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        """Rebuild a report from its to_dict() form (report.json)."""
        runs = []
        for s in data["suites"]:
            result = None
            if s.get("ok"):
                result = SuiteResult(s["suite"], s.get("metrics", {}), s.get("cases", []), s.get("tables", {}),
                                     s.get("info", {}), s.get("suite_seconds") or 0.0)
            runs.append(SuiteRun(s["suite"], result, s.get("error"), s.get("seconds", 0.0)))
        gates = [Gate(**g) for g in data.get("gates", [])]
        bounds = {suite: {m: Bound(**b) for m, b in bs.items()} for suite, bs in data.get("bounds", {}).items()}
        ratings = data.get("ratings") if isinstance(data.get("ratings"), dict) else None
        return cls(data.get("meta", {}), runs, gates, bounds, ratings)


def jsonable(value: Any) -> Any:
    """Plain JSON-able form of dicts, lists, sets, paths and dataclasses (anything else as its str)."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return [jsonable(v) for v in items]
    if isinstance(value, Path):
        return str(value)
    if hasattr(value, "__dataclass_fields__") and not isinstance(value, type):
        return jsonable(asdict(value))
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def build_report(settings: Settings, runs: list[SuiteRun], limits: Limits, provider: str,
                 meta: dict[str, Any] | None = None) -> Report:
    """Check the runs against the floors and attach the run metadata."""
    gates = check_gates(runs, limits) if limits.path else []
    info = dict(meta) if meta is not None else run_metadata(settings, provider, limits)
    info["seconds_total"] = sum(r.seconds for r in runs)
    info["suites_run"] = [r.suite for r in runs]
    bounds = {r.suite: limits.for_suite(r.suite) for r in runs if limits.for_suite(r.suite)}
    return Report(info, runs, gates, bounds)


def evaluate(settings: Settings, names: Sequence[str], provider: str, limits: Limits,
             progress: bool = False, runners: Mapping[str, SuiteFn] | None = None) -> Report:
    """Run the suites and check them: the whole of `advisor eval` without the printing."""
    runs = run_suites(settings, names, provider, progress, runners)
    return build_report(settings, runs, limits, provider)


def load_report(path: Path) -> Report:
    """Read a report.json (or the report.json inside a report folder)."""
    if path.is_dir():
        path = path / "report.json"
    if not path.is_file():
        raise InvalidInput("report", str(path), "a report.json written by `advisor eval --report DIR`")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise AdvisorError(f"{path} is not a valid JSON report: {exc}") from exc
    if not isinstance(data, dict) or data.get("format") != REPORT_FORMAT or not isinstance(data.get("suites"), list):
        raise AdvisorError(f"{path} is not an `advisor eval` report (expected format {REPORT_FORMAT})")
    try:
        return Report.from_dict(data)
    except (KeyError, TypeError) as exc:
        raise AdvisorError(f"{path}: damaged report ({exc})") from exc


# --- the terminal table -----------------------------------------------------------------------------------


def metric_rows(report: Report, suite: str) -> list[dict[str, str]]:
    """Rows (metric, value, floor, target, status) of one suite: every metric, then floors whose metric is missing."""
    run = report.run(suite)
    bounds = report.bounds.get(suite, {})
    gates = {g.metric: g for g in report.gates if g.suite == suite}
    rows: list[dict[str, str]] = []
    if run is None or not run.ok:
        error = run.error if run else "not run"
        return [{"metric": SUITE_ROW, "value": "error", "floor": "", "target": "", "status": "FAIL", "note": error or ""}]
    assert run.result is not None
    for metric, value in run.result.metrics.items():
        bound = bounds.get(metric, Bound(None))
        gate = gates.get(metric)
        status = "" if gate is None else ("pass" if gate.passed else "FAIL")
        words = target_words(metric, value, bound)
        if words:
            status = f"{status}; {words}" if status else words
        rows.append({"metric": metric, "value": format_value(metric, value), "floor": bound.limit_text(metric),
                     "target": format_value(metric, bound.target), "status": status, "note": ""})
    for metric, gate in gates.items():
        if metric == FLOORS_ROW:
            rows.append({"metric": FLOORS_ROW, "value": "", "floor": "", "target": "", "status": "FAIL",
                         "note": gate.reason})
        elif metric not in run.result.metrics:
            rows.append({"metric": metric, "value": "missing",
                         "floor": Bound(gate.floor, None, gate.ceiling).limit_text(metric),
                         "target": format_value(metric, bounds.get(metric, Bound(None)).target), "status": "FAIL",
                         "note": gate.reason})
    return rows


def target_words(metric: str, value: float | None, bound: Bound) -> str:
    """Where a value stands against its target, in words: "below target: 0.755 of 0.950", "target met: 1.000 of
    0.950"; empty without a target. For a ceiling-type metric (lower is better) the target is a most."""
    if bound.target is None or value is None:
        return ""
    lower_is_better = bound.ceiling is not None and bound.floor is None
    met = value <= bound.target + EPS if lower_is_better else value >= bound.target - EPS
    word = "target met" if met else ("above target" if lower_is_better else "below target")
    return f"{word}: {format_value(metric, value)} of {format_value(metric, bound.target)}"


def format_table(report: Report) -> str:
    """The terminal table: suite, metric, value, floor, target, status; errors and timing below it."""
    header = ("suite", "metric", "value", "floor", "target", "status")
    body: list[tuple[str, ...]] = []
    for run in report.runs:
        for row in metric_rows(report, run.suite):
            body.append((run.suite, row["metric"], row["value"], row["floor"], row["target"], row["status"]))
    widths = [max(len(h), *(len(r[i]) for r in body)) if body else len(h) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in body]
    for run in report.runs:
        if not run.ok:
            lines.append(f"{run.suite}: ERROR: {run.error}")
    timing = ", ".join(f"{r.suite} {r.seconds:.1f} s" for r in report.runs)
    lines.append(f"time: {timing} (total {sum(r.seconds for r in report.runs):.1f} s)")
    m = report.meta
    commit = m.get("git_commit") or "no git"
    if m.get("git_dirty"):
        commit += " (uncommitted changes)"
    corpus = (m.get("corpus") or {}).get("version") or "-"
    lines.append(f"provider: {m.get('provider')}  model: {m.get('model') or '-'}  commit: {commit}  corpus: {corpus}")
    if not report.gates:
        lines.append("no limits file: nothing was checked against floors")
    return "\n".join(lines)
