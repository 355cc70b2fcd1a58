"""Matplotlib charts of the figures for the app and reports (Norwegian labels, coverage under every chart).

Functions return matplotlib.figure.Figure objects built without pyplot, so they are safe in Streamlit
(`st.pyplot(fig)`) and in threads; `save_charts` writes them as PNG files.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure

_BAR = "#2f6f9f"
_HIGHLIGHT = "#c0504d"
_FOOT_SIZE = 7.5


def _coverage_text(figure: dict[str, Any]) -> str:
    cov = figure["coverage"]
    return textwrap.fill(
        f"n = {figure['n']} kunngjøringer, {cov['date_from'] or '?'} – {cov['date_to'] or '?'}. "
        "Utvalg, ikke representativt for Doffin. Data: Doffin / DFØ.",
        110,
    )


def _new(height: float) -> Figure:
    fig = Figure(figsize=(8.5, height), layout="constrained")
    return fig


def _wrap(label: str, width: int = 42) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


def procedure_chart(figures: dict[str, Any]) -> Figure:
    """Horizontal bars: notices per procedure type, with competitive dialogue and innovation partnership marked."""
    data = figures["procedure_type"]
    items = list(data["counts"].items())[::-1]
    fig = _new(0.45 * len(items) + 1.6)
    ax = fig.add_subplot()
    colours = [_HIGHLIGHT if code in ("innovation", "comp-dial") else _BAR for code, _ in items]
    bars = ax.barh([_wrap(data["labels"][code]) for code, _ in items], [v for _, v in items], color=colours)
    ax.bar_label(bars, labels=[str(v) for _, v in items], padding=3, fontsize=8)
    ax.set_xlabel("Antall kunngjøringer")
    ax.set_title("Prosedyretyper", loc="left", fontsize=12)
    ax.tick_params(axis="y", labelsize=8)
    ax.margins(x=0.12)
    fig.supxlabel(_coverage_text(data), fontsize=_FOOT_SIZE, x=0.0, ha="left")
    return fig


def cpv_chart(figures: dict[str, Any], top: int = 12) -> Figure:
    """Horizontal bars: the most common CPV divisions (first two digits of the main CPV code)."""
    data = figures["cpv_division"]
    items = list(data["counts"].items())[:top][::-1]
    fig = _new(0.42 * max(len(items), 1) + 1.6)
    ax = fig.add_subplot()
    bars = ax.barh([_wrap(f"{div} {data['names'][div]}", 48) for div, _ in items], [v for _, v in items], color=_BAR)
    ax.bar_label(bars, padding=3, fontsize=8)
    ax.set_xlabel("Antall kunngjøringer")
    ax.set_title(f"CPV-hovedgrupper (de {len(items)} vanligste)", loc="left", fontsize=12)
    ax.tick_params(axis="y", labelsize=8)
    ax.margins(x=0.12)
    fig.supxlabel(_coverage_text(data), fontsize=_FOOT_SIZE, x=0.0, ha="left")
    return fig


def tenders_chart(figures: dict[str, Any]) -> Figure:
    """Bars: lots by number of tenders received, with the single-tender bar marked."""
    data = figures["tenders_received"]
    buckets = list(data["distribution_lots"].items())
    fig = _new(3.6)
    ax = fig.add_subplot()
    colours = [_HIGHLIGHT if bucket == "1" else _BAR for bucket, _ in buckets]
    bars = ax.bar([bucket for bucket, _ in buckets], [v for _, v in buckets], color=colours)
    ax.bar_label(bars, padding=2, fontsize=8)
    ax.set_ylim(0, max((v for _, v in buckets), default=0) * 1.15 + 1)
    ax.set_xlabel("Antall tilbud mottatt")
    ax.set_ylabel("Antall delkontrakter")
    ax.set_title(f"Tilbud per delkontrakt ({data['n_lots']} delkontrakter)", loc="left", fontsize=12)
    fig.supxlabel(_coverage_text(data), fontsize=_FOOT_SIZE, x=0.0, ha="left")
    return fig


def notices_per_year_chart(figures: dict[str, Any]) -> Figure:
    """Stacked bars: notices per year by form type (planning, competition, result, …)."""
    data = figures["notices_per_year"]
    years = list(data["totals"])
    codes = list(data["form_type_labels"])
    fig = _new(4.0)
    ax = fig.add_subplot()
    bottoms = [0] * len(years)
    for code in codes:
        values = [data["by_form_type"][year].get(code, 0) for year in years]
        ax.bar(years, values, bottom=bottoms, label=data["form_type_labels"][code])
        bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
    for x, total in zip(years, bottoms, strict=True):
        ax.annotate(str(total), (x, total), ha="center", va="bottom", fontsize=8)
    ax.set_ylabel("Antall kunngjøringer")
    ax.set_title("Kunngjøringer per år og type", loc="left", fontsize=12)
    ax.legend(fontsize=7, frameon=False)
    ax.set_ylim(0, max(bottoms, default=0) * 1.15 + 1)
    fig.supxlabel(_coverage_text(data), fontsize=_FOOT_SIZE, x=0.0, ha="left")
    return fig


CHARTS = {
    "prosedyretyper": procedure_chart,
    "cpv-hovedgrupper": cpv_chart,
    "tilbud": tenders_chart,
    "kunngjoringer-per-ar": notices_per_year_chart,
}


def all_charts(figures: dict[str, Any]) -> dict[str, Figure]:
    """Every chart, keyed by a file-name-friendly name."""
    return {name: build(figures) for name, build in CHARTS.items()}


def save_charts(figures: dict[str, Any], folder: Path, dpi: int = 150) -> list[Path]:
    """Write every chart as PNG into `folder`; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, fig in all_charts(figures).items():
        path = folder / f"{name}.png"
        fig.savefig(path, dpi=dpi)
        paths.append(path)
    return paths


def innovation_chart(figures: dict[str, Any]) -> Figure:
    """Grouped bars per year: share of the notices stating a procedure that use innovation partnership,
    competitive dialogue, negotiation with and without prior call (labels as in the tables, n under each year)."""
    data = figures["innovation_procedures"]
    years = [y for y in data["by_year"] if data["by_year"][y]["n"]]
    codes = data["procedures"]
    fig = _new(3.6)
    ax = fig.add_subplot()
    width = 0.8 / max(len(codes), 1)
    colours = (_HIGHLIGHT, "#e39b3b", _BAR, "#8fb3cf")
    for i, code in enumerate(codes):
        shares = [100 * (data["by_year"][y]["shares"][code] or 0) for y in years]
        positions = [j + (i - (len(codes) - 1) / 2) * width for j in range(len(years))]
        ax.bar(positions, shares, width, label=_wrap(data["labels"][code], 30), color=colours[i % len(colours)])
    ax.set_xticks(range(len(years)), [f"{y}\n(n = {data['by_year'][y]['n']})" for y in years], fontsize=8)
    ax.set_ylabel("Andel av kunngjøringer med prosedyre (%)")
    ax.set_title("Innovasjonspartnerskap, konkurransepreget dialog og forhandling per år", loc="left", fontsize=11)
    ax.legend(fontsize=7, loc="upper left")
    fig.supxlabel(_coverage_text(data), fontsize=_FOOT_SIZE, x=0.0, ha="left")
    return fig


CHARTS["innovasjon-per-ar"] = innovation_chart
