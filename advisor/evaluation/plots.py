"""PNG charts of a report: one bar chart of each suite's metrics against its limits, one chart per breakdown table.

matplotlib is imported inside the functions that draw, so reading or printing a report does not load it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from advisor.evaluation.gates import is_count
from advisor.evaluation.report import Report, target_words

MAX_CHART_ROWS = 40
MAX_CHART_SERIES = 6


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.@-]+", "-", text).strip("-") or "x"


def chart_name(suite: str, part: str) -> str:
    """File name of one chart: "<suite>-<part>.png" ("metrics" or a table name), safe for any folder."""
    return f"{_slug(suite)}-{_slug(part)}.png"


def _rate(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and 0.0 <= value <= 1.0


GREEN, AMBER, RED, GREY = "#2e7d32", "#f9a825", "#c62828", "#9e9e9e"


def _bar_colors(report: Report, suite: str, metrics: list[str]) -> list[str]:
    """Green only for a metric within its limit and at its target; amber within the limit but short of the target
    (a floor just under the last score must not make 0.76 of 0.95 look done); red outside; grey not gated."""
    gates = {g.metric: g for g in report.gates if g.suite == suite}
    bounds = report.bounds.get(suite, {})
    run = report.run(suite)
    values = run.result.metrics if run and run.result else {}
    colors = []
    for metric in metrics:
        gate, bound = gates.get(metric), bounds.get(metric)
        short = bound is not None and target_words(metric, values.get(metric), bound).startswith(("below", "above"))
        if gate is None:
            colors.append(AMBER if short else GREY)
        elif not gate.passed:
            colors.append(RED)
        else:
            colors.append(AMBER if short else GREEN)
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
    ax.set_title(f"{suite}: green = at target, amber = within limit but short of target, red = outside limit, "
                 "grey = not gated", fontsize=9)
    fig.savefig(out, dpi=100)
    return True


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
        name = chart_name(run.suite, "metrics")
        if plot_suite_metrics(report, run.suite, out_dir / name):
            names.append(name)
        for table_name, rows in run.result.tables.items():
            name = chart_name(run.suite, table_name)
            if plot_table(run.suite, table_name, rows, out_dir / name):
                names.append(name)
        written[run.suite] = names
    return written

