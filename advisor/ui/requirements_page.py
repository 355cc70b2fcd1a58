"""Fra løsning til behov: the requirement analyzer (advisor.requirements) and the rewriter (advisor.rewrite).

The user pastes one or many requirements or uploads a TXT/MD/PDF file; each requirement is shown with its
solution-specific wording marked inline, the findings explained with rule and source, and the suggested need
statement and functional requirements beside it, ready to copy or download as Markdown.
"""

from __future__ import annotations

import re
import tempfile
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import streamlit as st

from advisor.corpus import safe_name
from advisor.errors import AdvisorError
from advisor.requirements import analyze_text, read_requirements_file
from advisor.rewrite import rewrite_requirement
from advisor.ui import cases, handoff
from advisor.ui.cards import md_escape
from advisor.ui.context import PageContext, upload_limit_mb
from advisor.ui.highlight import category_label, highlight_html, numbered, show_findings

TEXT_KEY = "req_text"
RESULT_KEY = "req_result"
FILE_KEY = "req_file"


def prefill(text: str) -> None:
    """Put a requirement text into the page (sent from the chat) and forget any earlier result."""
    st.session_state[TEXT_KEY] = text
    st.session_state.pop(RESULT_KEY, None)


def _read_upload(ctx: PageContext) -> None:
    """Read an uploaded file into the text box with the analyzer's own file reader (same as `advisor analyze --file`)."""
    upload = st.session_state.get(FILE_KEY)
    if upload is None:
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / safe_name(upload.name)
        path.write_bytes(upload.getvalue())
        try:
            text = read_requirements_file(path, ctx.settings)
        except AdvisorError as exc:
            st.session_state["req_file_error"] = f"{upload.name}: {exc}"
            return
    st.session_state[TEXT_KEY] = text
    st.session_state["req_file_note"] = (upload.name, len(text))
    st.session_state.pop("req_file_error", None)
    st.session_state.pop(RESULT_KEY, None)


def _use_example(ctx: PageContext) -> None:
    examples = cases.worked_examples(ctx.settings)
    if not examples:
        return
    n = st.session_state.get("req_example_n", -1) + 1
    st.session_state["req_example_n"] = n
    prefill(examples[n % len(examples)].original)


def render(ctx: PageContext) -> None:
    """Input (text or file), then one block per requirement: marked original beside the suggested rewrite."""
    if (sent := handoff.take("behov")) is not None:
        prefill(sent)
    st.title(ctx.t("req_title"))
    st.caption(ctx.t("req_intro"))
    if ctx.lang != "nb":
        st.caption(ctx.t("content_in_norwegian"))
    st.text_area(ctx.t("req_input"), key=TEXT_KEY, height=160, placeholder=ctx.t("req_placeholder"),
                 max_chars=50_000)
    with st.container(horizontal=True, vertical_alignment="bottom"):
        analyze = st.button(ctx.t("req_analyze"), type="primary", icon=":material/manage_search:", key="req_analyze")
        st.button(ctx.t("req_example"), on_click=_use_example, args=(ctx,), icon=":material/lightbulb:",
                  key="req_example")
    st.file_uploader(ctx.t("req_upload"), type=["txt", "md", "pdf"], key=FILE_KEY, on_change=_read_upload, args=(ctx,),
                     max_upload_size=upload_limit_mb(ctx.settings))
    if st.session_state.get("req_file_error"):
        st.error(md_escape(st.session_state["req_file_error"]))
    elif st.session_state.get("req_file_note"):
        name, chars = st.session_state["req_file_note"]
        st.caption(ctx.t("req_file_read", chars=chars, file=md_escape(name)))
    if analyze:
        text = st.session_state.get(TEXT_KEY, "")
        if not text.strip():
            st.warning(ctx.t("req_empty"))
            return
        analyses = analyze_text(text, ctx.settings)
        rewrites = []
        bar = st.progress(0.0, text=ctx.t("req_working", n=0, total=len(analyses)))
        for n, analysis in enumerate(analyses, start=1):
            rewrites.append(rewrite_requirement(analysis.text, ctx.settings))
            bar.progress(n / len(analyses), text=ctx.t("req_working", n=n, total=len(analyses)))
        bar.empty()
        st.session_state[RESULT_KEY] = {"analyses": analyses, "rewrites": rewrites}
    result = st.session_state.get(RESULT_KEY)
    if result:
        _show_result(ctx, result["analyses"], result["rewrites"])


def _show_result(ctx: PageContext, analyses: list[Any], rewrites: list[Any]) -> None:
    specific = sum(1 for a in analyses if a.solution_specific)
    counts = Counter(f.category for a in analyses for f in a.findings)
    st.divider()
    cols = st.columns(3)
    cols[0].metric(ctx.t("req_count"), len(analyses))
    cols[1].metric(ctx.t("req_specific_count"), specific)
    cols[2].metric(ctx.t("req_findings_total"), sum(counts.values()))
    if counts:
        st.caption(ctx.t("req_category_counts") + ": " + ", ".join(
            f"{category_label(c, ctx.lang)} ({n})" for c, n in counts.most_common()))
    for i, (analysis, rewrite) in enumerate(zip(analyses, rewrites, strict=True), start=1):
        _show_requirement(ctx, i, len(analyses), analysis, rewrite)
    _show_similar(ctx, analyses)
    st.download_button(ctx.t("req_download"), result_markdown(ctx, analyses, rewrites),
                       file_name=f"fra-losning-til-behov-{datetime.now().strftime('%Y%m%d-%H%M')}.md",
                       mime="text/markdown", icon=":material/download:", key="req_download")


def _show_requirement(ctx: PageContext, i: int, total: int, analysis: Any, rewrite: Any) -> None:
    with st.container(border=True):
        verdict = ctx.t("req_verdict_specific" if analysis.solution_specific else "req_verdict_ok",
                        score=f"{analysis.score:.2f}")
        st.markdown(f"**{ctx.t('req_item', n=i, total=total)}** · {verdict}")
        left, right = st.columns(2, gap="large")
        with left:
            st.caption(ctx.t("req_original"))
            if analysis.findings:
                show_findings(analysis.text, analysis.findings, ctx.lang, key=f"req_f_{i}")
            else:
                with st.container(border=True):
                    st.markdown(highlight_html(analysis.text, [], ctx.lang), unsafe_allow_html=True)
                st.success(ctx.t("req_no_findings"))
        with right:
            st.caption(ctx.t("req_rewrite"))
            _show_rewrite(ctx, i, rewrite)


def _show_similar(ctx: PageContext, analyses: list[Any]) -> None:
    """Comparable Doffin notices for the requirements as a whole (who bought something like this, and how)."""
    from advisor.ui import similar_panel

    similar_panel.render(ctx, " ".join(a.text for a in analyses), key="req_sim")


def rewrite_text(ctx: PageContext, rewrite: Any) -> str:
    """The suggestion as plain text, for copying into a tender document."""
    parts = []
    if rewrite.need_statement:
        parts += [f"{ctx.t('req_need_statement')}:", rewrite.need_statement, ""]
    for key, items in _sections(rewrite):
        if items:
            parts.append(f"{ctx.t(key)}:")
            parts += [f"- {item}" for item in items]
            parts.append("")
    return "\n".join(parts).strip()


def _sections(rewrite: Any) -> list[tuple[str, list[str]]]:
    """The rewrite's lists in reading order: requirements, references to keep only if justified, questions, and why
    (each rule with the guidance passage it rests on)."""
    return [("req_functional", rewrite.functional_requirements),
            ("req_references", [r.requirement for r in rewrite.references if r.is_conditional]),
            ("req_market_questions", rewrite.market_questions),
            ("req_buyer_questions", rewrite.questions_for_buyer),
            ("req_legal_basis", [f"[{b.citation.n}] {b.rule}. ({b.citation.title} – {b.citation.section})"
                                 for b in rewrite.legal_basis])]


def _show_rewrite(ctx: PageContext, i: int, rewrite: Any) -> None:
    if rewrite.need_statement:
        st.markdown(f"**{ctx.t('req_need_statement')}**")
        st.markdown(md_escape(rewrite.need_statement))
    for key, items in _sections(rewrite):
        if items:
            st.markdown(f"**{ctx.t(key)}**")
            st.markdown("\n".join(f"- {md_escape(item)}" for item in items))
    for note in rewrite.notes:
        st.caption(f":material/info: {md_escape(note)}")
    if rewrite.provider == "extractive":
        details = [ctx.t("req_rewrite_offline")]
    else:
        details = [ctx.t("req_rewrite_llm", provider=rewrite.provider)]
    # the worked examples the draft drew on are internal ids, not something the buyer can look up: not shown here
    st.caption(" ".join(details))
    with st.expander(ctx.t("req_copy"), icon=":material/content_copy:"):
        st.caption(ctx.t("req_copy_help"))
        st.code(rewrite_text(ctx, rewrite), language=None, wrap_lines=True)


def result_markdown(ctx: PageContext, analyses: list[Any], rewrites: list[Any]) -> str:
    """Analysis and suggestions as one Markdown document: per requirement the findings and the rewrite."""
    lines = [f"# {ctx.t('req_md_title')}", "", datetime.now().strftime("%Y-%m-%d %H:%M"), ""]
    for i, (analysis, rewrite) in enumerate(zip(analyses, rewrites, strict=True), start=1):
        verdict = ctx.t("req_verdict_specific" if analysis.solution_specific else "req_verdict_ok",
                        score=f"{analysis.score:.2f}")
        verdict = re.sub(r":\w+\[(.*?)\]", r"\1", verdict)  # no Streamlit colour markup in the export
        lines += [f"## {ctx.t('req_item', n=i, total=len(analyses))}", "", f"> {analysis.text}", "", verdict, ""]
        if analysis.findings:
            lines += [f"### {ctx.t('req_md_findings')}", ""]
            for n, f in numbered(analysis.findings):
                lines.append(f"{n}. **{category_label(f.category, ctx.lang)}** – «{f.text}»: {f.explanation}"
                             + (f" Skriv heller: {f.instead}" if getattr(f, "instead", "") else ""))
                lines.append(f"   - {ctx.t('req_rule')}: {f.rule}")
                c = f.citation
                if c is not None:
                    lines.append(f"   - {ctx.t('sources')}: {c.title}" + (f" – {c.section}" if c.section else "")
                                 + f" (`{c.doc_id}`, {ctx.t('as_of', date=c.as_of or ctx.t('undated'))})")
            lines.append("")
        lines += [f"### {ctx.t('req_rewrite')}", "", rewrite_text(ctx, rewrite), ""]
    return "\n".join(lines)
