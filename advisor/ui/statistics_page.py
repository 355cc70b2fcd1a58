"""Statistikk: Doffin figures computed from the local notice store (charts, tables, coverage) beside the
officially published figures (the stat-publiserte-tall note)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import streamlit as st

from advisor.config import Settings
from advisor.corpus import split_front_matter
from advisor.doffin import (
    NOTE_ID,
    PUBLISHED_NOTE_ID,
    StoreEmpty,
    cpv_chart,
    ensure_snapshot,
    innovation_chart,
    notice_stats,
    notices_per_year_chart,
    number,
    percent,
    procedure_chart,
    statements,
    store_where,
    tenders_chart,
)
from advisor.ui.cards import md_escape
from advisor.ui.context import PageContext


def find_note(settings: Settings, doc_id: str) -> Path | None:
    """The corpus Markdown note with this id (corpus/statistics or corpus/guidance), or None."""
    for folder in ("statistics", "guidance"):
        path = settings.corpus_dir / folder / f"{doc_id}.md"
        if path.is_file():
            return path
    for path in sorted(settings.corpus_dir.rglob("*.md")):
        try:
            meta, _ = split_front_matter(path.read_text(encoding="utf-8"), path)
        except (OSError, UnicodeDecodeError):
            continue
        if meta.get("id") == doc_id:
            return path
    return None


def _note(path: Path) -> tuple[dict, str]:
    """A note's front matter and its body, with headings demoted so they fit in a column beside other content."""
    meta, body = split_front_matter(path.read_text(encoding="utf-8"), path)
    body = re.sub(r"^(#{1,3})(?=\s)", lambda m: "#" * min(len(m.group(1)) + 3, 6), body, flags=re.MULTILINE)
    return meta, body


def _computed_note_path(settings: Settings) -> Path | None:
    shipped = settings.corpus_dir / "statistics" / "doffin-beregnet.md"
    return shipped if shipped.is_file() else find_note(settings, NOTE_ID)


def render(ctx: PageContext) -> None:
    """Computed figures (if notices were imported) beside the published figures; the charts below at full width."""
    st.title(ctx.t("stats_title"))
    st.caption(ctx.t("stats_intro"))
    if ctx.lang != "nb":
        st.caption(ctx.t("content_in_norwegian"))
    _first_run_snapshot(ctx)
    try:
        figures = notice_stats(ctx.settings)
    except StoreEmpty:
        figures = None
    left, right = st.columns(2, gap="large")
    with left:
        st.subheader(ctx.t("stats_computed"))
        if figures is None:
            _no_store(ctx)
        else:
            _coverage(ctx, figures)
    with right:
        _published(ctx, height=460 if figures is not None else 620)
    if figures is not None:
        _figures(ctx, figures)
        _innovation(ctx, figures)


def _first_run_snapshot(ctx: PageContext) -> None:
    """On a fresh home, import the shipped Doffin snapshot so the figures and charts are there (a failure is a caption)."""
    note = ensure_snapshot(ctx.settings)
    if note:
        st.caption(md_escape(note))


def _innovation(ctx: PageContext, figures: dict[str, Any]) -> None:
    """Innovation partnership, competitive dialogue and negotiation per year and buyer type, CPV areas, tenders."""
    fig = figures.get("innovation_procedures")
    if not fig:
        return
    st.subheader(ctx.t("stats_tab_innovation"))
    st.caption(ctx.t("stats_innov_intro"))
    if fig["by_year"]:
        st.pyplot(innovation_chart(figures), clear_figure=False)
    labels = fig["labels"]
    year_tab, buyer_tab, cpv_tab, tender_tab = st.tabs([ctx.t("stats_innov_by_year"), ctx.t("stats_innov_by_buyer"),
                                                        ctx.t("stats_innov_cpv"), ctx.t("stats_innov_tenders")])

    def rows(groups: dict[str, Any], names: dict[str, str] | None = None) -> list[dict[str, Any]]:
        return [{ctx.t("col_group"): (names or {}).get(g, g), ctx.t("col_n_total"): v["n_total"], ctx.t("col_n"): v["n"],
                 **{labels[c]: f"{v['counts'][c]} ({percent(v['shares'][c])})" for c in fig["procedures"]}}
                for g, v in groups.items()]

    with year_tab:
        st.dataframe(rows(fig["by_year"]), hide_index=True, width="stretch")
    with buyer_tab:
        st.dataframe(rows(fig["by_buyer_type"], fig["buyer_type_labels"]), hide_index=True, width="stretch")
    with cpv_tab:
        cpv = [{ctx.t("col_procedure"): labels[code], ctx.t("col_cpv"): div, ctx.t("col_name"): fig["cpv_names"][div],
                ctx.t("col_count"): n} for code, divs in fig["cpv_areas"].items() for div, n in divs.items()]
        if cpv:
            st.dataframe(cpv, hide_index=True, width="stretch")
        else:
            st.caption(ctx.t("stats_innov_none_cpv"))
    with tender_tab:
        st.dataframe([{ctx.t("col_procedure"): labels[code], ctx.t("col_notices"): v["n_notices"],
                       ctx.t("col_lots"): v["n_lots"], ctx.t("col_median"): v["median_per_lot"]}
                      for code, v in fig["tenders"].items()], hide_index=True, width="stretch")
    _figure_caption(ctx, fig)
    st.warning(md_escape(fig["warning"]), icon=":material/info:")


def _no_store(ctx: PageContext) -> None:
    """How to import notices, and the computed-figures note that ships with the corpus."""
    st.info(ctx.t("stats_no_store", path=store_where(ctx.settings)), icon=":material/upload_file:")
    st.code(f"advisor stats import {ctx.t('stats_import_path')}\nadvisor stats note", language="bash")
    st.caption(ctx.t("stats_note_hint"))
    path = _computed_note_path(ctx.settings)
    if path is None:
        st.caption(ctx.t("stats_no_shipped_note"))
        return
    meta, body = _note(path)
    st.markdown(f"**{md_escape(meta.get('title', path.stem))}**")
    st.caption(ctx.t("stats_note_meta", date=meta.get("as_of", "?"), file=path.name))
    with st.container(border=True, height=620):
        st.markdown(body)


def _coverage(ctx: PageContext, figures: dict[str, Any]) -> None:
    """What the computed figures rest on: how many notices, from when to when, computed when, from which files."""
    cov = figures["coverage"]
    st.metric(ctx.t("stats_notices"), number(cov["n_notices"]))
    st.markdown(ctx.t("stats_coverage_line", start=cov["date_from"] or "?", end=cov["date_to"] or "?",
                      date=figures["as_of"]))
    st.warning(md_escape(cov["warning"]), icon=":material/info:")
    with st.expander(ctx.t("stats_sources")):
        st.dataframe([{ctx.t("col_format"): s["format"], ctx.t("col_folder"): s["folder"], ctx.t("col_count"): s["n"]}
                      for s in cov["sources"]], hide_index=True, width="stretch")


def _figures(ctx: PageContext, figures: dict[str, Any]) -> None:
    st.subheader(ctx.t("stats_charts"))
    tabs = st.tabs([ctx.t("stats_tab_procedures"), ctx.t("stats_tab_cpv"), ctx.t("stats_tab_tenders"),
                    ctx.t("stats_tab_years"), ctx.t("stats_tab_statements")])
    with tabs[0]:
        proc = figures["procedure_type"]
        st.pyplot(procedure_chart(figures), clear_figure=False)
        st.dataframe([
            {ctx.t("col_procedure"): proc["labels"][code], ctx.t("col_code"): code, ctx.t("col_count"): count,
             ctx.t("col_share"): percent(proc["shares"][code])}
            for code, count in proc["counts"].items()
        ], hide_index=True, width="stretch")
        _figure_caption(ctx, proc)
    with tabs[1]:
        cpv = figures["cpv_division"]
        if cpv["counts"]:
            st.pyplot(cpv_chart(figures), clear_figure=False)
        st.dataframe([
            {ctx.t("col_cpv"): div, ctx.t("col_name"): cpv["names"][div], ctx.t("col_count"): count,
             ctx.t("col_share"): percent(cpv["shares"][div])}
            for div, count in cpv["counts"].items()
        ], hide_index=True, width="stretch")
        _figure_caption(ctx, cpv)
    with tabs[2]:
        tenders = figures["tenders_received"]
        if tenders["n_lots"]:
            st.pyplot(tenders_chart(figures), clear_figure=False)
        st.dataframe([{ctx.t("col_tenders"): bucket, ctx.t("col_lots"): count}
                      for bucket, count in tenders["distribution_lots"].items()], hide_index=True)
        _figure_caption(ctx, tenders)
    with tabs[3]:
        years = figures["notices_per_year"]
        if years["totals"]:
            st.pyplot(notices_per_year_chart(figures), clear_figure=False)
        st.dataframe([{ctx.t("col_year"): year, ctx.t("col_count"): total} for year, total in years["totals"].items()],
                     hide_index=True)
        _figure_caption(ctx, years)
    with tabs[4]:
        for heading, lines in statements(figures):
            st.markdown(f"**{md_escape(heading)}**")
            st.markdown("\n".join(f"- {md_escape(line)}" for line in lines))


def _figure_caption(ctx: PageContext, figure: dict[str, Any]) -> None:
    cov = figure["coverage"]
    st.caption(ctx.t("stats_figure_caption", n=number(figure["n"]), start=cov["date_from"] or "?",
                     end=cov["date_to"] or "?", date=figure["as_of"]))
    if figure.get("note"):
        st.caption(md_escape(figure["note"]))


def _published(ctx: PageContext, height: int) -> None:
    """The officially published figures (the stat-publiserte-tall note) with their as-of date."""
    st.subheader(ctx.t("stats_published"))
    path = find_note(ctx.settings, PUBLISHED_NOTE_ID)
    if path is None:
        st.info(ctx.t("stats_no_published", id=PUBLISHED_NOTE_ID))
        return
    meta, body = _note(path)
    st.markdown(f"**{md_escape(meta.get('title', PUBLISHED_NOTE_ID))}**")
    st.caption(ctx.t("stats_note_meta", date=meta.get("as_of", "?"), file=path.name))
    with st.container(border=True, height=height):
        st.markdown(body)
