"""An Assessment on screen: part, threshold, procedure, reasons, next steps, sources, audit trail and downloads.

Shown by the assessment page and by the course page (the trainer's worked answer).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from advisor.assessment import POTENTIAL_LABELS, format_nok, to_markdown
from advisor.ui.cards import md_escape, source_card
from advisor.ui.context import PageContext
from advisor.ui.pdf import markdown_to_pdf


def show_assessment(ctx: PageContext, a: Any, downloads: bool = True, key: str = "as") -> None:
    """An Assessment: verdict, part and regime, threshold, value, procedure, reasons, next steps, time limits, sources."""
    if ctx.lang != "nb":
        st.caption(ctx.t("content_in_norwegian"))
    if a.headline:
        # The verdict in one sentence, built from the same conclusions as the cards below.
        st.info(f"**{md_escape(a.headline)}**")
    if a.provisional:
        st.warning(ctx.t("as_provisional"))
    for warning in a.warnings:
        st.warning(md_escape(warning))
    _cards(ctx, a)
    _value(ctx, a)
    if downloads:
        _downloads(ctx, a, key)
    if a.legal_ground:
        g = a.legal_ground
        st.markdown(f"**{ctx.t('as_legal_ground')}:** {md_escape(g.provision)}"
                    + ("" if g.verified else f" ({ctx.t('as_not_verified')})") + f". {md_escape(g.explanation)}")
        for ground in g.grounds:
            st.markdown(f"- {md_escape(ground)}")
    _bullets(ctx.t("as_procedure_reasons"), a.procedure_reasons)
    _bullets(ctx.t("as_innovation_reasons"), a.reasons)
    if a.alternatives:
        st.markdown(f"#### {ctx.t('as_alternatives')}")
        st.markdown("\n".join(f"{i}. **{md_escape(alt.label)}** – {md_escape(alt.reason)}"
                              for i, alt in enumerate(a.alternatives, start=1)))
    st.markdown(f"#### {ctx.t('as_next_steps')}")
    st.markdown("\n".join(f"{i}. {md_escape(step)}" for i, step in enumerate(a.next_steps, start=1)))
    _bullets(ctx.t("as_time_limits"), a.time_limits)
    if a.unverified:
        st.warning(f"**{ctx.t('as_unverified')}:**\n\n" + "\n".join(f"- {md_escape(x)}" for x in a.unverified))
    _bullets(ctx.t("as_to_find_out"), a.to_find_out)
    _bullets(ctx.t("as_assumptions"), a.assumptions)
    if a.citations:
        with st.expander(ctx.t("as_sources", n=len(a.citations)), icon=":material/menu_book:"):
            for citation in a.citations:
                source_card(citation, ctx.lang, expanded_chars=400)
    with st.expander(ctx.t("as_audit", n=len(a.audit_trail))):
        rows = [
            {"#": i, ctx.t("col_rule"): e.rule, ctx.t("col_input"): e.input, ctx.t("col_value"): _shown(ctx, e.value),
             ctx.t("col_conclusion"): e.conclusion, ctx.t("col_sources"): ", ".join(f"[{n}]" for n in e.sources)}
            for i, e in enumerate(a.audit_trail, start=1)
        ]
        st.dataframe(rows, hide_index=True, width="stretch")
        st.caption(ctx.t("as_model_version", version=a.model_version, date=a.assessed_on))
    st.caption(md_escape(a.disclaimer))


def _cards(ctx: PageContext, a: Any) -> None:
    """The part and regulation beside the procedure, then the threshold the part was decided against."""
    procedure = a.procedure_label[0].upper() + a.procedure_label[1:]
    cols = st.columns(2)
    with cols[0].container(border=True):
        st.caption(ctx.t("as_part"))
        st.markdown(f"### {md_escape(a.part_label)}")
        st.caption(f"{ctx.t('as_regime')}: {md_escape(a.regime_label)}")
        st.markdown(md_escape(a.part_reason))
    with cols[1].container(border=True):
        st.caption(ctx.t("as_procedure"))
        st.markdown(f"### {md_escape(procedure)}")
        st.markdown(ctx.t("as_innovative_yes" if a.innovative else "as_innovative_no",
                          potential=POTENTIAL_LABELS.get(a.innovation_potential, a.innovation_potential)))
    t = a.threshold
    st.info(ctx.t("as_threshold_line", name=t.name, amount=format_nok(t.value_nok), date=t.as_of, source=t.source,
                  table_date=a.thresholds_as_of), icon=":material/event:")
    if a.next_threshold:
        n = a.next_threshold
        st.caption(ctx.t("as_next_threshold", name=n.name, amount=format_nok(n.value_nok), date=n.as_of))


def _value(ctx: PageContext, a: Any) -> None:
    """How the value was worked out and why this regulation and part apply."""
    if a.contract_value is not None and a.contract_value.total_nok is not None:
        st.markdown(f"**{ctx.t('as_value')}:** {md_escape(a.contract_value.calculation)}")
    _bullets(ctx.t("as_regime_reasons"), a.regime_reasons)
    _bullets(ctx.t("as_value_reasons"), a.value_reasons)


def _downloads(ctx: PageContext, a: Any, key: str) -> None:
    """The audit trail for the procurement record: the library's Markdown, and the same document as PDF."""
    markdown = to_markdown(a)
    stem = f"anskaffelsesvurdering-{a.assessed_on}"
    pdf = markdown_to_pdf(markdown, ctx.t("as_pdf_title"), ctx.t("as_pdf_footer", date=a.assessed_on))
    with st.container(horizontal=True):
        st.download_button(ctx.t("download_markdown"), markdown, file_name=f"{stem}.md", mime="text/markdown",
                           key=f"{key}_md", icon=":material/download:")
        st.download_button(ctx.t("download_pdf"), pdf, file_name=f"{stem}.pdf", mime="application/pdf",
                           key=f"{key}_pdf", icon=":material/picture_as_pdf:")
    st.caption(ctx.t("as_download_help"))


def _bullets(title: str, items: list[str]) -> None:
    if not items:
        return
    st.markdown(f"#### {title}")
    st.markdown("\n".join(f"- {md_escape(item)}" for item in items))


def _shown(ctx: PageContext, value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}={_shown(ctx, v)}" for k, v in value.items())
    if isinstance(value, bool):
        return ctx.t("yes") if value else ctx.t("no")
    if isinstance(value, int):
        return format_nok(value)
    return "–" if value is None else str(value)
