"""The report files of a run: report.md (metadata, verdict, every suite's tables and failures), report.json, charts."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from advisor.errors import InvalidInput
from advisor.evaluation.plots import chart_name, write_plots
from advisor.evaluation.report import Report, metric_rows


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


# --- report.md --------------------------------------------------------------------------------------------


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
            chart = chart_name(run.suite, table_name)
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
        if failing and any(_answer_text(c) for c in failing):
            lines.append("\nThe table shortens long text; every answer is in full in the appendix.")
        if run.result.info:
            lines += ["", "### Run info", ""]
            lines += [f"- {k}: {_md_cell(v, 300)}" for k, v in run.result.info.items()]
        lines.append(f"\nTime: {run.seconds:.1f} s")
    if report.ratings:
        lines += ratings_markdown(report.ratings)
    lines += appendix_markdown(report)
    return "\n".join(lines) + "\n"


# --- ratings and the appendix ---------------------------------------------------------------------------------


def ratings_markdown(ratings: Mapping[str, Any]) -> list[str]:
    """The ratings section: the rubric, mean score per rater, Cohen's kappa per pair, every question's scores."""
    lines = ["", "## Ratings of answers", "",
             f"Raters: {', '.join(ratings['raters'])}; sheets: {', '.join(ratings.get('sheets', []))}. Each criterion "
             "is scored 0, 1 or 2:", ""]
    lines += [f"- **{c['id']}**: {c['question']} (0 = {c['levels'][0]}, 1 = {c['levels'][1]}, 2 = {c['levels'][2]})"
              for c in ratings["criteria"]]
    lines += ["", "### Mean score per rater", ""]
    lines += _md_table(ratings["means"], ["rater", "criterion", "rated", "mean"])
    lines += ["", "### Agreement between raters", ""]
    if ratings["agreement"]:
        lines.append("`same` is the share of items both raters scored alike; Cohen's kappa corrects it for chance "
                     "agreement (1 = full agreement, 0 = chance, below 0 = worse than chance).")
        lines.append("")
        lines += _md_table([{**a, "same": a.get("agreement")} for a in ratings["agreement"]],
                           ["raters", "criterion", "items", "same", "kappa"])
    else:
        lines.append("One rater only: agreement needs at least two sheets.")
    lines += ["", "### Scores per question, with the app's thumbs", "",
              f"Scores in the order {', '.join(c['id'] for c in ratings['criteria'])} (– = not rated). Thumbs: the "
              f"feedback users gave in the app on the same question ({ratings.get('feedback_entries', 0)} stored, "
              f"{ratings.get('feedback_matched', 0)} of these questions have some).", ""]
    columns = ["id", "question", *ratings["raters"], "thumbs_up", "thumbs_down"]
    lines += _md_table(ratings["questions"], columns, limit=400)
    return lines


_ANSWER_FIELDS = ("answer", "need_statement", "requirements")


def _answer_text(case: Mapping[str, Any]) -> str:
    """The text a suite produced for a case, as a user would read it (an answer, or a rewrite's need and requirements)."""
    parts = []
    for key in _ANSWER_FIELDS:
        value = case.get(key)
        if isinstance(value, list):
            parts += [f"- {v}" for v in value]
        elif isinstance(value, str) and value.strip():
            parts.append(value)
    return "\n".join(parts)


def _question_text(case: Mapping[str, Any]) -> str:
    return str(case.get("q") or case.get("question") or case.get("text") or case.get("note") or "")


def appendix_markdown(report: Report) -> list[str]:
    """Every answer and rewrite of the run in full, passing and failing, with its question: nothing is cut."""
    lines: list[str] = []
    for run in report.runs:
        if not run.ok or run.result is None:
            continue
        cases = [c for c in run.result.cases if _answer_text(c)]
        if not cases:
            continue
        if not lines:
            lines += ["", "## Appendix: every answer in full", ""]
        lines += ["", f"### {run.suite} ({len(cases)} cases)", ""]
        for case in cases:
            verdict = {True: "pass", False: "FAIL"}.get(case.get("ok"), "")
            key = f"{case['set']}/{case.get('id')}" if case.get("set") else str(case.get("id"))
            lines.append(f"#### {key} · {verdict}".rstrip(" ·"))
            lines.append("")
            lines.append("**Question:** " + " ".join(_question_text(case).split()))
            lines.append("")
            lines += ["> " + line if line.strip() else ">" for line in _answer_text(case).splitlines()]
            lines.append("")
    return lines

