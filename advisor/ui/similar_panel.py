"""Comparable Doffin notices beside a rewrite (Fra løsning til behov) and as one line in the assessment.

Both call advisor.doffin.similar_notices; a missing store or a failed search is a caption, never an error page.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from advisor.doffin import ensure_snapshot, similar_notices, summary_line
from advisor.errors import AdvisorError
from advisor.ui.cards import md_escape
from advisor.ui.context import PageContext

PANEL_K = 5


def _search(ctx: PageContext, text: str, k: int) -> list[Any] | None:
    """The k most similar notices, [] when there are none, None (with a caption) when the search failed."""
    ensure_snapshot(ctx.settings)
    try:
        results = similar_notices(text[:4000], ctx.settings, k=k)
    except AdvisorError as exc:
        if type(exc).__name__ == "StoreEmpty":
            return []
        st.caption(ctx.t("sim_failed", error=md_escape(str(exc))))
        return None
    for note in results.notes:  # the Chroma server did not answer: ranked by BM25 alone
        st.caption(md_escape(note))
    return results


def _value(r: Any) -> str:
    return f"{r.value:,.0f} {r.currency or ''}".replace(",", " ").strip() if r.value is not None else "–"


def render(ctx: PageContext, text: str, key: str = "sim") -> None:
    """The panel: a summary line and a table of the most similar notices with their Doffin links."""
    with st.container(border=True, key=f"{key}_panel"):
        st.markdown(f"**{ctx.t('sim_title')}**")
        st.caption(ctx.t("sim_intro"))
        results = _search(ctx, text, PANEL_K)
        if results is None:
            return
        if not results:
            st.caption(ctx.t("sim_none"))
            return
        st.markdown(md_escape(summary_line(results)))
        st.dataframe(
            [{ctx.t("col_notice"): r.notice_id, ctx.t("col_title"): r.title, ctx.t("col_buyer"): r.buyer_name or "–",
              ctx.t("col_year"): r.year, ctx.t("col_procedure"): r.procedure_label or "–",
              ctx.t("col_value"): _value(r), ctx.t("col_tenders"): r.tenders, ctx.t("col_link"): r.link}
             for r in results],
            hide_index=True, width="stretch",
            column_config={ctx.t("col_link"): st.column_config.LinkColumn(ctx.t("col_link"))},
        )


def summary_markdown(ctx: PageContext, text: str, k: int = 8) -> str | None:
    """One line for the assessment: "N sammenlignbare kunngjøringer siden 2020: …" with the links; None if none."""
    results = _search(ctx, text, k)
    if not results:
        return None
    links = ", ".join(f"[{r.notice_id}]({r.link})" if r.link else r.notice_id for r in results)
    return f"{md_escape(summary_line(results))} {links} (Doffin / DFØ, CC BY 4.0)"
