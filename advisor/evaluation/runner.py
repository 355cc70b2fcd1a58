"""Run several evaluation suites, hold them to the limits in evals/thresholds.toml, write reports, compare runs.

The flow behind `advisor eval`:

    thresholds = load_thresholds(path, provider)           # floors/ceilings (gated) and targets (shown) per suite
    runs       = run_suites(settings, names, provider)     # a suite raising AdvisorError is recorded, not fatal
    report     = build_report(settings, runs, thresholds, provider)
    write_report(report, out_dir)                          # report.md, report.json, PNG charts
    compare_reports(load_report(old), load_report(new), thresholds)

A floor is a regression gate: the run fails when a metric is below it or missing (a renamed metric must not
pass silently). A ceiling is the same for metrics where lower is better. A target is where the metric should get
to; it is shown next to the value but not gated.
"""

from __future__ import annotations

import hashlib
import json
import math
import platform
import re
import subprocess
import sys
import time
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from advisor.config import PROJECT_ROOT, Settings
from advisor.errors import AdvisorError, InvalidInput
from advisor.evaluation import SUITES, SuiteResult, run_suite

THRESHOLDS_FILE = "thresholds.toml"
REPORT_FORMAT = "advisor-eval-report/1"
# Floors are compared with this slack so that 19/20 >= 0.95 holds despite float rounding.
EPS = 1e-9
SUITE_ROW = "(suite)"
FLOORS_ROW = "(floors)"

SuiteFn = Callable[..., SuiteResult]


# --- thresholds -------------------------------------------------------------------------------------------


BOUND_KEYS = frozenset({"floor", "ceiling", "target"})


@dataclass(frozen=True)
class Bound:
    """What one metric is held to: a floor and/or a ceiling (gated; None = none) and a target (shown only)."""

    floor: float | None
    target: float | None = None
    ceiling: float | None = None

    @property
    def is_gated(self) -> bool:
        """Does the check look at this metric?"""
        return self.floor is not None or self.ceiling is not None

    def problem(self, value: float) -> str | None:
        """Why a value breaks this bound ("below floor", "above ceiling"), or None when it keeps it."""
        if self.floor is not None and value < self.floor - EPS:
            return "below floor"
        if self.ceiling is not None and value > self.ceiling + EPS:
            return "above ceiling"
        return None

    def limit_text(self, metric: str) -> str:
        """The gated limit for a table cell: "0.900", "max 0.100", or "-" when not gated."""
        parts = []
        if self.floor is not None:
            parts.append(_fmt(metric, self.floor))
        if self.ceiling is not None:
            parts.append(f"max {_fmt(metric, self.ceiling)}")
        return " ".join(parts) or "-"


@dataclass(frozen=True)
class Thresholds:
    """Floors, ceilings and targets per suite and metric, with a provider's own table already merged in."""

    bounds: dict[str, dict[str, Bound]]
    path: str | None = None
    provider: str | None = None  # the provider whose [suite.<provider>] tables were merged in, if any
    sha256: str | None = None

    def for_suite(self, suite: str) -> dict[str, Bound]:
        """The bounds of one suite (empty when the file has none)."""
        return self.bounds.get(suite, {})

    def bound(self, suite: str, metric: str) -> Bound | None:
        """The bound of one metric, or None when the file says nothing about it."""
        return self.for_suite(suite).get(metric)


def _number(value: Any, where: str) -> float:
    # TOML booleans are ints to Python: `floor = true` is a typo, not 1.0.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise AdvisorError(f"{where}: expected a number, got {value!r}")
    return float(value)


def _parse_bound(value: Any, where: str) -> Bound:
    if isinstance(value, dict):
        if not value:
            raise AdvisorError(f"{where}: give a floor, a ceiling and/or a target")
        numbers = {key: _number(value[key], f"{where}.{key}") if key in value else None for key in BOUND_KEYS}
        bound = Bound(numbers["floor"], numbers["target"], numbers["ceiling"])
        if bound.floor is not None and bound.ceiling is not None and bound.floor > bound.ceiling:
            raise AdvisorError(f"{where}: floor {bound.floor} is above ceiling {bound.ceiling}")
        return bound
    return Bound(_number(value, where))


def load_thresholds(path: Path, provider: str | None = None) -> Thresholds:
    """Read thresholds.toml: [suite] metric = floor | {floor, ceiling, target}; [suite.<provider>] overrides."""
    from advisor.llm import KNOWN_PROVIDERS

    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise AdvisorError(f"thresholds file {path} is missing: create it (see evals/README.md)") from exc
    except OSError as exc:
        raise AdvisorError(f"cannot read thresholds file {path}: {exc.strerror}") from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise AdvisorError(f"thresholds file {path} is not valid TOML: {exc}") from exc
    bounds: dict[str, dict[str, Bound]] = {}
    applied: str | None = None  # set when some [suite.<provider>] table matched
    for suite, table in data.items():
        if suite not in SUITES:
            raise AdvisorError(f"{path}: unknown suite [{suite}]; known: {', '.join(SUITES)}")
        if not isinstance(table, dict):
            raise AdvisorError(f"{path}: {suite} must be a table ([{suite}])")
        base: dict[str, Bound] = {}
        overrides: dict[str, dict[str, Bound]] = {}
        for key, value in table.items():
            where = f"{path}: [{suite}] {key}"
            if key in KNOWN_PROVIDERS and isinstance(value, dict):
                overrides[key] = {}
                for metric, inner in value.items():
                    if isinstance(inner, dict) and not set(inner) <= BOUND_KEYS:
                        raise AdvisorError(f"{path}: [{suite}.{key}] {metric}: provider tables cannot nest")
                    overrides[key][metric] = _parse_bound(inner, f"{path}: [{suite}.{key}] {metric}")
            elif isinstance(value, dict) and not set(value) <= BOUND_KEYS:
                # `x = { minimum = 0.9 }` and `[suite.gpt] x = 0.9` look alike to TOML: one message for both.
                raise AdvisorError(
                    f"{where}: unknown key(s) {sorted(set(value) - BOUND_KEYS)}; a bound takes floor, ceiling and/or "
                    f"target, and a provider table is named after a provider ({', '.join(KNOWN_PROVIDERS)})"
                )
            else:
                base[key] = _parse_bound(value, where)
        if provider and provider in overrides:
            base.update(overrides[provider])
            applied = provider
        bounds[suite] = base
    return Thresholds(bounds, str(path), applied, hashlib.sha256(raw).hexdigest()[:12])


NO_THRESHOLDS = Thresholds({})


# --- running ----------------------------------------------------------------------------------------------


@dataclass
class SuiteRun:
    """One suite's outcome in a run: its result, or the error message that stopped it, and the wall time."""

    suite: str
    result: SuiteResult | None
    error: str | None
    seconds: float

    @property
    def ok(self) -> bool:
        """Did the suite run to the end?"""
        return self.error is None and self.result is not None


def suite_names(selected: Sequence[str] | None) -> list[str]:
    """The suites to run from --suite values ("all" or none = every suite), in registry order, without repeats."""
    chosen = list(selected or ["all"])
    for name in chosen:
        if name != "all" and name not in SUITES:
            raise InvalidInput("suite", name, " | ".join([*SUITES, "all"]))
    if "all" in chosen:
        return list(SUITES)
    return [name for name in SUITES if name in chosen]


def _run_one(name: str, settings: Settings, provider: str | None, progress: bool,
             runners: Mapping[str, SuiteFn] | None) -> SuiteRun:
    started = time.perf_counter()
    try:
        if runners is not None:
            result = runners[name](settings, provider=provider, progress=progress)
        else:
            result = run_suite(name, settings, provider=provider, progress=progress)
    except AdvisorError as exc:
        return SuiteRun(name, None, str(exc) or type(exc).__name__, time.perf_counter() - started)
    except ModuleNotFoundError as exc:
        # Only the suite's own module being absent is "not available"; a missing dependency inside it is a bug.
        if exc.name != f"advisor.evaluation.{SUITES[name]}":
            raise
        return SuiteRun(name, None, f"suite not available: module {exc.name} does not exist",
                        time.perf_counter() - started)
    return SuiteRun(name, result, None, time.perf_counter() - started)


def run_suites(settings: Settings, names: Sequence[str], provider: str | None = None, progress: bool = False,
               runners: Mapping[str, SuiteFn] | None = None) -> list[SuiteRun]:
    """Run the named suites one after the other; a suite raising AdvisorError is recorded as failed, the rest still run.

    `runners` maps suite names to functions with the suite signature; by default the modules in SUITES are used.
    """
    from tqdm import tqdm

    runs = []
    bar = tqdm(list(names), desc="eval", unit="suite", file=sys.stderr, disable=not progress or len(names) < 2)
    for name in bar:
        bar.set_postfix_str(name)
        runs.append(_run_one(name, settings, provider, progress, runners))
    bar.close()
    return runs


# --- gates ------------------------------------------------------------------------------------------------


@dataclass
class Gate:
    """One check of a run against a floor and/or ceiling; `reason` says why it passed or failed."""

    suite: str
    metric: str
    value: float | None
    floor: float | None
    passed: bool
    reason: str
    ceiling: float | None = None

    def describe(self) -> str:
        """One line for the terminal: which suite and metric, and why it failed or passed."""
        if self.metric in (SUITE_ROW, FLOORS_ROW):
            return f"{self.suite}: {self.reason}"
        if self.value is None:
            return f"{self.suite} {self.metric}: {self.reason}"
        shown = f"{self.suite} {self.metric} = {_fmt(self.metric, self.value)}"
        if self.reason == "above ceiling":
            return f"{shown} > ceiling {_fmt(self.metric, self.ceiling)}"
        if self.reason == "below floor":
            return f"{shown} < floor {_fmt(self.metric, self.floor)}"
        limits = Bound(self.floor, None, self.ceiling).limit_text(self.metric)
        return f"{shown} within {limits}" if self.passed else f"{shown}: {self.reason}"


def check_gates(runs: Sequence[SuiteRun], thresholds: Thresholds) -> list[Gate]:
    """Hold every run to its limits: a metric below its floor or above its ceiling, a missing metric, a failed
    suite or a suite without any limit fails."""
    gates: list[Gate] = []
    for run in runs:
        gated = {m: b for m, b in thresholds.for_suite(run.suite).items() if b.is_gated}
        if not run.ok:
            gates.append(Gate(run.suite, SUITE_ROW, None, None, False, f"suite failed: {run.error}"))
            continue
        if not gated:
            where = thresholds.path or THRESHOLDS_FILE
            gates.append(Gate(run.suite, FLOORS_ROW, None, None, False, f"no floors for this suite in {where}"))
            continue
        assert run.result is not None
        for metric, bound in gated.items():
            value = run.result.metrics.get(metric)
            if value is None:
                reason, shown = "metric missing", None
            elif isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
                reason, shown = f"not a number: {value!r}", None
            else:
                shown = float(value)
                reason = bound.problem(shown) or "ok"
            gates.append(Gate(run.suite, metric, shown, bound.floor, reason == "ok", reason, bound.ceiling))
    return gates


# --- metadata ---------------------------------------------------------------------------------------------


def _git(*args: str) -> str | None:
    try:
        done = subprocess.run(["git", "--no-optional-locks", "-C", str(PROJECT_ROOT), *args],
                              capture_output=True, text=True, timeout=10, check=True)
    except (OSError, subprocess.CalledProcessError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip()


def git_state() -> dict[str, Any]:
    """The checked-out commit (short hash) and whether the tree has uncommitted changes; None without git."""
    commit = _git("rev-parse", "--short", "HEAD")
    if not commit:
        return {"commit": None, "dirty": None}
    status = _git("status", "--porcelain")
    return {"commit": commit, "dirty": None if status is None else bool(status)}


def prompt_versions(prompts_dir: Path) -> dict[str, str]:
    """Version hash of every prompts/*.md file, by prompt name."""
    from advisor.prompts import load_prompt

    versions: dict[str, str] = {}
    for path in sorted(prompts_dir.glob("*.md")) if prompts_dir.is_dir() else []:
        try:
            versions[path.stem] = load_prompt(path.stem, prompts_dir).version
        except UnicodeDecodeError:
            versions[path.stem] = "unreadable:" + hashlib.sha256(path.read_bytes()).hexdigest()[:10]
    return versions


def _tree_files(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*")
                  if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts))


def corpus_version(settings: Settings) -> dict[str, Any]:
    """A content hash of every corpus file (manifest, seeds, notes, examples, cases) and of uploaded documents."""
    digest = hashlib.sha256()
    count = 0
    for label, root in (("corpus", settings.corpus_dir), ("uploads", settings.uploads_dir)):
        for path in _tree_files(root):
            content = hashlib.sha256(path.read_bytes()).hexdigest()
            digest.update(f"{label}/{path.relative_to(root).as_posix()}\x1f{content}\n".encode())
            count += 1
    has_manifest = (settings.corpus_dir / "manifest.yaml").is_file()
    return {"version": digest.hexdigest()[:12] if count else None, "files": count, "manifest": has_manifest}


def dataset_versions(evals_dir: Path) -> dict[str, dict[str, Any]]:
    """Rows and content hash of every evals/*.jsonl data set."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(evals_dir.glob("*.jsonl")) if evals_dir.is_dir() else []:
        raw = path.read_bytes()
        rows = sum(1 for line in raw.splitlines() if line.strip())
        out[path.name] = {"rows": rows, "sha256": hashlib.sha256(raw).hexdigest()[:12]}
    return out


def run_metadata(settings: Settings, provider: str, thresholds: Thresholds) -> dict[str, Any]:
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
        "embedding_backend": settings.embedding_backend,
        "prompt_versions": prompt_versions(settings.prompts_dir),
        "corpus": corpus_version(settings),
        "datasets": dataset_versions(settings.evals_dir),
        "thresholds": {"path": thresholds.path, "sha256": thresholds.sha256, "provider_table": thresholds.provider},
    }


# --- the report -------------------------------------------------------------------------------------------


@dataclass
class Report:
    """A whole evaluation run: metadata, every suite's outcome and the gate checks."""

    meta: dict[str, Any]
    runs: list[SuiteRun]
    gates: list[Gate]
    bounds: dict[str, dict[str, Bound]] = field(default_factory=dict)

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
        return _jsonable({
            "format": REPORT_FORMAT,
            "passed": self.passed,
            "meta": self.meta,
            "suites": suites,
            "gates": [asdict(g) for g in self.gates],
            "bounds": {s: {m: asdict(b) for m, b in bs.items()} for s, bs in self.bounds.items()},
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
        return cls(data.get("meta", {}), runs, gates, bounds)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return [_jsonable(v) for v in items]
    if isinstance(value, Path):
        return str(value)
    if hasattr(value, "__dataclass_fields__") and not isinstance(value, type):
        return _jsonable(asdict(value))
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def build_report(settings: Settings, runs: list[SuiteRun], thresholds: Thresholds, provider: str,
                 meta: dict[str, Any] | None = None) -> Report:
    """Check the runs against the floors and attach the run metadata."""
    gates = check_gates(runs, thresholds) if thresholds.path else []
    info = dict(meta) if meta is not None else run_metadata(settings, provider, thresholds)
    info["seconds_total"] = sum(r.seconds for r in runs)
    info["suites_run"] = [r.suite for r in runs]
    bounds = {r.suite: thresholds.for_suite(r.suite) for r in runs if thresholds.for_suite(r.suite)}
    return Report(info, runs, gates, bounds)


def evaluate(settings: Settings, names: Sequence[str], provider: str, thresholds: Thresholds,
             progress: bool = False, runners: Mapping[str, SuiteFn] | None = None) -> Report:
    """Run the suites and check them: the whole of `advisor eval` without the printing."""
    runs = run_suites(settings, names, provider, progress, runners)
    return build_report(settings, runs, thresholds, provider)


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


# --- text tables ------------------------------------------------------------------------------------------

_COUNT_NAME = re.compile(
    r"(^|[._])(n|count|cases|rules|chunks|support)$|(^|[._])(n|cases)_|_(count|cases|unexercised|n)$"
)


def is_count(metric: str) -> bool:
    """Metrics named like counts (n, cases, rules_unexercised) are shown as integers and not plotted as rates."""
    return bool(_COUNT_NAME.search(metric))


def _fmt(metric: str, value: float | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, float) and math.isnan(value):
        return "nan"
    if is_count(metric) and float(value).is_integer():
        return str(int(value))
    return f"{value:.3f}"


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
        if gate is None and bound.floor is None and bound.target is not None:
            status = "target met" if value >= bound.target - EPS else "below target"
        elif gate is not None and gate.passed and bound.target is not None and value < bound.target - EPS:
            status = "pass (below target)"
        rows.append({"metric": metric, "value": _fmt(metric, value), "floor": bound.limit_text(metric),
                     "target": _fmt(metric, bound.target), "status": status, "note": ""})
    for metric, gate in gates.items():
        if metric == FLOORS_ROW:
            rows.append({"metric": FLOORS_ROW, "value": "", "floor": "", "target": "", "status": "FAIL",
                         "note": gate.reason})
        elif metric not in run.result.metrics:
            rows.append({"metric": metric, "value": "missing",
                         "floor": Bound(gate.floor, None, gate.ceiling).limit_text(metric),
                         "target": _fmt(metric, bounds.get(metric, Bound(None)).target), "status": "FAIL",
                         "note": gate.reason})
    return rows


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
        lines.append("no thresholds file: nothing was checked against floors")
    return "\n".join(lines)


# --- report files -----------------------------------------------------------------------------------------


def _md_cell(value: Any, limit: int = 80) -> str:
    if isinstance(value, float):
        text = f"{value:.3f}"
    elif isinstance(value, list | tuple):
        text = ", ".join(str(v) for v in value)
    elif value is None:
        text = ""
    else:
        text = str(value)
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.replace("|", "\\|")


def _md_table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str] | None = None, limit: int = 80) -> list[str]:
    if not rows:
        return ["(empty)"]
    cols = list(columns) if columns else list(dict.fromkeys(k for r in rows for k in r))
    out = ["| " + " | ".join(cols) + " |", "|" + "|".join("---" for _ in cols) + "|"]
    out += ["| " + " | ".join(_md_cell(r.get(c), limit) for c in cols) + " |" for r in rows]
    return out


def _flat(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def _scalar_columns(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """Columns worth a table cell: plain values, or lists of plain values (shown comma-separated)."""
    cols = list(dict.fromkeys(k for r in rows for k in r))
    return [c for c in cols if c != "ok" and all(
        _flat(r.get(c)) or (isinstance(r.get(c), list) and all(_flat(v) for v in r[c])) for r in rows)]


MAX_CASE_ROWS = 60


def format_markdown(report: Report, plots: Mapping[str, list[str]] | None = None) -> str:
    """report.md: metadata, the verdict, and for each suite its metrics table, charts, breakdown tables and failures."""
    plots = plots or {}
    m = report.meta
    commit = m.get("git_commit") or "not available"
    if m.get("git_dirty"):
        commit += " (with uncommitted changes)"
    corpus = m.get("corpus") or {}
    prompts = m.get("prompt_versions") or {}
    datasets = m.get("datasets") or {}
    thresholds = m.get("thresholds") or {}
    lines = ["# Evaluation report", ""]
    lines += _md_table([
        {"": "date (UTC)", "value": m.get("date")},
        {"": "git commit", "value": commit},
        {"": "provider", "value": m.get("provider")},
        {"": "model", "value": m.get("model") or "- (no LLM)"},
        {"": "embedding backend", "value": m.get("embedding_backend")},
        {"": "corpus version", "value": f"{corpus.get('version')} ({corpus.get('files', 0)} files)"},
        {"": "prompt versions", "value": ", ".join(f"{k} {v}" for k, v in prompts.items()) or "(no prompt files)"},
        {"": "data sets", "value": ", ".join(f"{k} ({v['rows']} rows, {v['sha256']})" for k, v in datasets.items())},
        {"": "thresholds", "value": f"{thresholds.get('path') or '(none)'} {thresholds.get('sha256') or ''}".strip()
         + (f", table for {thresholds['provider_table']}" if thresholds.get("provider_table") else "")},
        {"": "total time", "value": f"{m.get('seconds_total', 0.0):.1f} s"},
    ], limit=400)
    lines.append("")
    failed = report.failed_gates()
    if not report.gates:
        lines.append("**Not checked**: no thresholds file.")
    elif report.passed:
        lines.append(f"**Result: PASS** — all {len(report.gates)} gates met.")
    else:
        lines.append(f"**Result: FAIL** — {len(failed)} of {len(report.gates)} gates failed:")
        lines.append("")
        lines += [f"- {g.describe()}" for g in failed]
    lines += ["", "## Summary", ""]
    summary = []
    for run in report.runs:
        gates = [g for g in report.gates if g.suite == run.suite]
        summary.append({
            "suite": run.suite,
            "status": "error" if not run.ok else ("pass" if all(g.passed for g in gates) else "FAIL") if gates else "ran",
            "gates passed": f"{sum(g.passed for g in gates)}/{len(gates)}" if gates else "-",
            "cases": len(run.result.cases) if run.result else "-",
            "seconds": f"{run.seconds:.1f}",
        })
    lines += _md_table(summary)
    for run in report.runs:
        lines += ["", f"## {run.suite}", ""]
        if not run.ok:
            lines.append(f"**Suite failed:** {_md_cell(run.error, 1000)}")
            continue
        assert run.result is not None
        rows = metric_rows(report, run.suite)
        lines += _md_table(rows, ["metric", "value", "floor", "target", "status", "note"])
        suite_plots = plots.get(run.suite, [])
        if suite_plots:
            lines.append("")
            lines.append(f"![{run.suite} metrics]({suite_plots[0]})")
        for table_name, table in run.result.tables.items():
            lines += ["", f"### {table_name}", ""]
            lines += _md_table(table)
            chart = f"{_slug(run.suite)}-{_slug(table_name)}.png"
            if chart in suite_plots:
                lines += ["", f"![{run.suite} {table_name}]({chart})"]
        cases = run.result.cases
        failing = [c for c in cases if c.get("ok") is False]
        with_flag = [c for c in cases if "ok" in c]
        lines += ["", f"### Failing cases ({len(failing)} of {len(with_flag)})", ""]
        if failing:
            lines += _md_table(failing[:MAX_CASE_ROWS], _scalar_columns(failing[:MAX_CASE_ROWS]))
            if len(failing) > MAX_CASE_ROWS:
                lines.append(f"\n… and {len(failing) - MAX_CASE_ROWS} more (see report.json)")
        else:
            lines.append("None.")
        if run.result.info:
            lines += ["", "### Run info", ""]
            lines += [f"- {k}: {_md_cell(v, 300)}" for k, v in run.result.info.items()]
        lines.append(f"\nTime: {run.seconds:.1f} s")
    return "\n".join(lines) + "\n"


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.@-]+", "-", text).strip("-") or "x"


def _rate(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and 0.0 <= value <= 1.0


def _bar_colors(report: Report, suite: str, metrics: list[str]) -> list[str]:
    gates = {g.metric: g for g in report.gates if g.suite == suite}
    colors = []
    for metric in metrics:
        gate = gates.get(metric)
        colors.append("#9e9e9e" if gate is None else ("#2e7d32" if gate.passed else "#c62828"))
    return colors


def plot_suite_metrics(report: Report, suite: str, out: Path) -> bool:
    """Horizontal bar chart of a suite's rate metrics (0-1), limits (solid) and targets (dashed); False if none."""
    from matplotlib.figure import Figure

    run = report.run(suite)
    if run is None or run.result is None:
        return False
    metrics = [k for k, v in run.result.metrics.items() if _rate(v) and not is_count(k)]
    if not metrics:
        return False
    bounds = report.bounds.get(suite, {})
    values = [run.result.metrics[k] for k in metrics]
    fig = Figure(figsize=(8, 0.4 * len(metrics) + 1.4), layout="constrained")
    ax = fig.add_subplot()
    y = list(range(len(metrics)))
    ax.barh(y, values, color=_bar_colors(report, suite, metrics))
    for i, metric in enumerate(metrics):
        bound = bounds.get(metric)
        for limit in (bound.floor, bound.ceiling) if bound else ():
            if limit is not None:
                ax.plot([limit, limit], [i - 0.4, i + 0.4], color="black", linewidth=2)
        if bound and bound.target is not None:
            ax.plot([bound.target, bound.target], [i - 0.4, i + 0.4], color="black", linewidth=1, linestyle="--")
        if values[i] > 0.85:  # label inside the bar's end, where a label after it would run off the axis
            ax.text(values[i] - 0.01, i, f"{values[i]:.3f}", va="center", ha="right", fontsize=8, color="white")
        else:  # after the bar and after any limit line drawn beyond it
            limits = (bound.floor, bound.ceiling) if bound else ()
            right = max([values[i], *(x for x in limits if x is not None and x <= 1)])
            ax.text(right + 0.015, i, f"{values[i]:.3f}", va="center", fontsize=8)
    ax.set_yticks(y, metrics)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.05)
    ax.set_xlabel("value (bar), floor or ceiling (solid line), target (dashed line)")
    ax.set_title(f"{suite}: green = within its limit, red = outside, grey = not gated")
    fig.savefig(out, dpi=100)
    return True


MAX_CHART_ROWS = 40
MAX_CHART_SERIES = 6


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def plot_table(suite: str, name: str, rows: Sequence[Mapping[str, Any]], out: Path) -> bool:
    """Chart of a breakdown table; False when it has nothing to draw.

    A table with a text column (category, language, part) becomes grouped bars, one group per row and one bar per
    rate column (0-1). A table whose first column is an increasing number (a sweep over a cut-off) becomes lines.
    """
    from matplotlib.figure import Figure

    rows = list(rows)[:MAX_CHART_ROWS]
    if not rows:
        return False
    cols = list(dict.fromkeys(k for r in rows for k in r))
    label_col = next((c for c in cols if all(isinstance(r.get(c), str) for r in rows)), None)
    x_col = None
    if label_col is None and len(rows) > 1 and all(_is_number(r.get(cols[0])) for r in rows):
        xs = [r[cols[0]] for r in rows]
        if all(a < b for a, b in zip(xs, xs[1:], strict=False)):
            x_col = cols[0]
    # Rates are floats in 0-1; integer columns (tp, fp, support) are counts even when they happen to be 0 or 1.
    series = [c for c in cols if c not in (label_col, x_col) and not is_count(c)
              and all(isinstance(r.get(c), float) and _rate(r.get(c)) for r in rows)][:MAX_CHART_SERIES]
    if not series or (label_col is None and x_col is None):
        return False
    if x_col is not None:
        fig = Figure(figsize=(8, 4.5), layout="constrained")
        ax = fig.add_subplot()
        for col in series:
            ax.plot([r[x_col] for r in rows], [float(r[col]) for r in rows], marker="o", markersize=3, label=col)
        ax.set_xlabel(x_col)
        ax.set_ylim(0, 1.05)
        ax.grid(alpha=0.3)
    else:
        size_col = next((c for c in cols if is_count(c) and all(isinstance(r.get(c), int) for r in rows)), None)
        labels = [str(r[label_col]) + (f" (n={r[size_col]})" if size_col else "") for r in rows]
        height = max(2.5, 0.25 * len(rows) * len(series) + 1.5)
        fig = Figure(figsize=(8, height), layout="constrained")
        ax = fig.add_subplot()
        bar = 0.8 / len(series)
        for j, col in enumerate(series):
            ax.barh([i + j * bar for i in range(len(rows))], [float(r[col]) for r in rows], height=bar, label=col)
        ax.set_yticks([i + bar * (len(series) - 1) / 2 for i in range(len(rows))], labels)
        ax.invert_yaxis()
        ax.set_xlim(0, 1.05)
    ax.set_title(f"{suite}: {name}")
    fig.legend(loc="outside lower center", ncols=min(len(series), 4), fontsize=8)
    fig.savefig(out, dpi=100)
    return True


def write_plots(report: Report, out_dir: Path) -> dict[str, list[str]]:
    """Write every chart into out_dir; returns the file names per suite (metrics chart first)."""
    written: dict[str, list[str]] = {}
    for run in report.runs:
        if not run.ok or run.result is None:
            continue
        names = []
        name = f"{_slug(run.suite)}-metrics.png"
        if plot_suite_metrics(report, run.suite, out_dir / name):
            names.append(name)
        for table_name, rows in run.result.tables.items():
            name = f"{_slug(run.suite)}-{_slug(table_name)}.png"
            if plot_table(run.suite, table_name, rows, out_dir / name):
                names.append(name)
        written[run.suite] = names
    return written


def write_report(report: Report, out_dir: Path) -> list[Path]:
    """Write report.md, report.json and the PNG charts into out_dir (created if needed); returns the paths."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        stale = _previous_plots(out_dir)
        plots = write_plots(report, out_dir)
        names = [n for ns in plots.values() for n in ns]
        for old in stale - set(names):
            (out_dir / old).unlink(missing_ok=True)
        data = report.to_dict()
        data["plots"] = plots
        (out_dir / "report.json").write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        (out_dir / "report.md").write_text(format_markdown(report, plots), encoding="utf-8")
    except OSError as exc:
        raise InvalidInput("report", str(out_dir), f"a writable folder ({exc.strerror or exc})") from exc
    return [out_dir / "report.md", out_dir / "report.json", *(out_dir / n for n in names)]


def _previous_plots(out_dir: Path) -> set[str]:
    """Charts listed by an earlier report.json in the same folder (removed if this run does not redraw them)."""
    path = out_dir / "report.json"
    if not path.is_file():
        return set()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        return set()
    plots = data.get("plots") if isinstance(data, dict) else None
    if not isinstance(plots, dict):
        return set()
    return {n for ns in plots.values() if isinstance(ns, list) for n in ns
            if isinstance(n, str) and n.endswith(".png") and "/" not in n and "\\" not in n}


# --- compare ----------------------------------------------------------------------------------------------


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
    """A case whose "ok" flag differs between two runs (None = the case is not in that run)."""

    suite: str
    case_id: str
    old_ok: bool | None
    new_ok: bool | None

    @property
    def kind(self) -> str:
        """newly failing | newly passing | added | removed."""
        if self.old_ok is None:
            return "added"
        if self.new_ok is None:
            return "removed"
        return "newly passing" if self.new_ok else "newly failing"


@dataclass
class Comparison:
    """What changed between two reports: versions, metrics and cases."""

    changed_meta: dict[str, tuple[Any, Any]]
    metrics: list[MetricDelta]
    cases: list[CaseChange]
    suites: dict[str, tuple[str, str]]

    def regressions(self) -> list[MetricDelta]:
        """Metrics that kept their limit in the old run and do not in the new one (or are missing from it)."""
        return [d for d in self.metrics if d.mark.startswith("REGRESSION")]

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form for `--compare --json`."""
        return _jsonable({
            "changed_meta": {k: {"old": o, "new": n} for k, (o, n) in self.changed_meta.items()},
            "suites": {k: {"old": o, "new": n} for k, (o, n) in self.suites.items()},
            "metrics": [{**asdict(d), "delta": d.delta} for d in self.metrics],
            "cases": [{**asdict(c), "change": c.kind} for c in self.cases],
            "regressions": [f"{d.suite}.{d.metric}" for d in self.regressions()],
        })


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


def _ok_by_case(run: SuiteRun | None) -> dict[str, bool]:
    if run is None or run.result is None:
        return {}
    return {_case_key(c, i): bool(c["ok"]) for i, c in enumerate(run.result.cases, start=1) if "ok" in c}


def _status(run: SuiteRun | None) -> str:
    return "not run" if run is None else ("ok" if run.ok else f"error: {run.error}")


META_KEYS = ("git_commit", "git_dirty", "provider", "model", "embedding_backend", "advisor_version")


def compare_reports(old: Report, new: Report, thresholds: Thresholds | None = None) -> Comparison:
    """Per-metric deltas and changed cases between two reports; limits from `thresholds`, else the new report's own."""
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

    def bound_of(suite: str, metric: str) -> Bound | None:
        if thresholds is not None and thresholds.path:
            return thresholds.bound(suite, metric)
        return new.bounds.get(suite, {}).get(metric)

    suites = list(dict.fromkeys([*(r.suite for r in old.runs), *(r.suite for r in new.runs)]))
    deltas: list[MetricDelta] = []
    cases: list[CaseChange] = []
    statuses: dict[str, tuple[str, str]] = {}
    for suite in suites:
        o_run, n_run = old.run(suite), new.run(suite)
        statuses[suite] = (_status(o_run), _status(n_run))
        o_metrics = o_run.result.metrics if o_run and o_run.result else {}
        n_metrics = n_run.result.metrics if n_run and n_run.result else {}
        gated = []
        if thresholds is not None and thresholds.path:
            gated = [m for m, b in thresholds.for_suite(suite).items() if b.is_gated]
        for metric in dict.fromkeys([*o_metrics, *n_metrics, *gated]):
            o, n = o_metrics.get(metric), n_metrics.get(metric)
            bound = bound_of(suite, metric)
            if n_run is None:
                # Only some suites were run this time: not running one is not a regression.
                mark = "suite not in new run"
            else:
                mark = _mark(o, n, bound)
                if not n_run.ok and mark == "REGRESSION (missing)":
                    mark = "REGRESSION (suite failed)"
            deltas.append(MetricDelta(suite, metric, o, n, bound.floor if bound else None, mark,
                                      bound.ceiling if bound else None))
        o_ok, n_ok = _ok_by_case(o_run), _ok_by_case(n_run)
        # A case is compared only where the suite ran in both reports; a failed suite is not "every case removed".
        if o_run and o_run.ok and n_run and n_run.ok:
            for case_id in dict.fromkeys([*o_ok, *n_ok]):
                if o_ok.get(case_id) != n_ok.get(case_id):
                    cases.append(CaseChange(suite, case_id, o_ok.get(case_id), n_ok.get(case_id)))
    return Comparison(changed, deltas, cases, statuses)


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
        body.append((d.suite, d.metric, _fmt(d.metric, d.old), _fmt(d.metric, d.new), shown,
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
    for kind in ("newly failing", "newly passing", "added", "removed"):
        changes = [c for c in comparison.cases if c.kind == kind]
        lines.append(f"{kind} cases: {len(changes)}")
        for suite in dict.fromkeys(c.suite for c in changes):
            ids = [c.case_id for c in changes if c.suite == suite]
            lines.append(f"  {suite}: {', '.join(ids)}")
    return "\n".join(lines)
