"""Kilder: the indexed documents, and (for an admin) upload of PDF/TXT/MD files and re-indexing.

Uploads are saved first (advisor.corpus.save_upload) and indexed second (advisor.search.build_index), so a failed index
keeps the file; the cached index is cleared after every build. The admin says what the uploaded files are
(authority, kind, date: a SourceLabel, default the lowest rank); the files' own front matter never decides that.
Only one build runs at a time: a second admin waits for the first (bounded) and is then told to try again.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import date
from pathlib import Path

import streamlit as st

from advisor.corpus import AUTHORITY_RANK, KINDS, SourceLabel, list_uploads, relabel_upload, save_upload
from advisor.errors import AdvisorError, BuildRunning
from advisor.search import IndexReport, build_index
from advisor.ui.admin import admin_login, require_admin
from advisor.ui.cards import authority_label, kind_label, md_escape
from advisor.ui.context import PageContext, clear_index_cache, upload_limit_mb

REPORT_KEY = "src_report"
# An admin's re-index waits this long for another build before saying one is running (a page request, not a CLI).
ADMIN_WAIT_S = 120.0


def document_rows(ctx: PageContext) -> list[dict]:
    """One row per indexed document: title, id, kind, authority, as-of date, passages, file."""
    docs: OrderedDict[str, dict] = OrderedDict()
    for chunk in ctx.index().chunks:
        row = docs.get(chunk.doc_id)
        if row is None:
            docs[chunk.doc_id] = row = {
                ctx.t("col_title"): chunk.title,
                ctx.t("col_kind"): kind_label(chunk.kind, ctx.lang),
                ctx.t("col_authority"): authority_label(chunk.authority, ctx.lang),
                ctx.t("col_as_of"): chunk.as_of or "–",
                ctx.t("col_passages"): 0,
                ctx.t("col_doc_id"): chunk.doc_id,
                ctx.t("col_file"): Path(chunk.source).name if chunk.source else "",
            }
        row[ctx.t("col_passages")] += 1
    return list(docs.values())


def render(ctx: PageContext) -> None:
    """The documents table, then the admin area (upload, re-index) or how to enable it."""
    st.title(ctx.t("src_title"))
    st.caption(ctx.t("src_intro"))
    index = ctx.index()
    rows = document_rows(ctx)
    cols = st.columns(3)
    cols[0].metric(ctx.t("src_documents"), len(rows))
    cols[1].metric(ctx.t("src_passages"), len(index.chunks))
    cols[2].metric(ctx.t("src_build"), index.build[:15])
    if index.notes:
        st.warning(ctx.t("src_index_notes", notes=md_escape(" ".join(index.notes))))
    query = st.text_input(ctx.t("src_filter"), key="src_filter", placeholder=ctx.t("src_filter_placeholder"))
    if query.strip():
        needle = query.strip().lower()
        rows = [r for r in rows if any(needle in str(v).lower() for v in r.values())]
    st.dataframe(rows, hide_index=True, width="stretch",
                 column_config={ctx.t("col_title"): st.column_config.TextColumn(width="large")})
    st.caption(ctx.t("src_authority_note"))

    st.divider()
    st.subheader(ctx.t("src_admin"))
    if not admin_login(ctx, key="src"):
        return
    _last_report(ctx)
    _upload(ctx)
    _reindex(ctx)
    _kept_uploads(ctx)


def _upload(ctx: PageContext) -> None:
    st.markdown(f"#### {ctx.t('src_upload')}")
    st.caption(ctx.t("src_upload_help", mb=f"{ctx.settings.index.max_file_mb:g}", folder=str(ctx.settings.uploads_dir)))
    files = st.file_uploader(ctx.t("src_upload_label"), type=["pdf", "txt", "md"], accept_multiple_files=True,
                             key=f"src_files_{st.session_state.get('src_uploader_round', 0)}",
                             max_upload_size=upload_limit_mb(ctx.settings))
    st.caption(ctx.t("src_label_help"))
    label = _label_form(ctx)
    if not st.button(ctx.t("src_upload_button"), type="primary", disabled=not files, icon=":material/upload:"):
        return
    require_admin(ctx.settings)
    saved: list[tuple[str, str]] = []
    refused: list[tuple[str, str]] = []
    with st.status(ctx.t("src_saving"), expanded=True) as status:
        bar = st.progress(0.0)
        for i, file in enumerate(files, start=1):
            try:
                path = save_upload(file.name, file.getvalue(), ctx.settings, label)
            except AdvisorError as exc:
                refused.append((file.name, str(exc)))
                st.write(f"✗ {md_escape(file.name)}: {md_escape(str(exc))}")
            else:
                saved.append((file.name, path.name))
                st.write(f"✓ {md_escape(file.name)} → {md_escape(path.name)}")
            bar.progress(i / len(files), text=ctx.t("src_saved_n", n=i, total=len(files)))
        report, error = None, None
        if saved:
            status.update(label=ctx.t("src_indexing"))
            report, error = _build(ctx, rebuild=False)
    st.session_state[REPORT_KEY] = {"saved": saved, "refused": refused, "error": error, "report": report}
    st.session_state["src_uploader_round"] = st.session_state.get("src_uploader_round", 0) + 1  # empties the uploader
    st.rerun()


def _label_form(ctx: PageContext, key: str = "src_label", current: SourceLabel | None = None) -> SourceLabel:
    """Authority, kind and (optionally) date for files; defaults: `current`, else the lowest rank and no date."""
    current = current or SourceLabel()
    authorities = sorted(AUTHORITY_RANK, key=lambda a: -AUTHORITY_RANK[a])  # "uploaded" (the default) first
    kinds = ["user_document", *(k for k in KINDS if k != "user_document")]
    cols = st.columns(3)
    authority = cols[0].selectbox(ctx.t("src_label_authority"), authorities, key=f"{key}_authority",
                                  index=authorities.index(current.authority), format_func=lambda a: authority_label(a, ctx.lang))
    kind = cols[1].selectbox(ctx.t("src_label_kind"), kinds, key=f"{key}_kind", index=kinds.index(current.kind),
                             format_func=lambda k: kind_label(k, ctx.lang))
    with cols[2]:
        dated = st.checkbox(ctx.t("src_label_has_date"), key=f"{key}_has_date", value=bool(current.as_of))
        as_of = st.date_input(ctx.t("src_label_as_of"), value=_as_date(current.as_of), key=f"{key}_as_of",
                              disabled=not dated, min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
    return SourceLabel(authority, kind, as_of.isoformat() if dated and isinstance(as_of, date) else "")


def _as_date(as_of: str) -> date:
    """A stored as-of date (YYYY, YYYY-MM or YYYY-MM-DD) as a date for the date picker; today when there is none."""
    if not as_of:
        return date.today()
    parts = [int(p) for p in as_of.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def _build(ctx: PageContext, rebuild: bool) -> tuple[IndexReport | None, str | None]:
    """Run build_index; on an AdvisorError return its message (uploaded files stay in the uploads folder)."""
    require_admin(ctx.settings)
    try:
        report = build_index(ctx.settings, rebuild=rebuild, progress=False, wait_s=ADMIN_WAIT_S)
    except BuildRunning:
        return None, ctx.t("src_busy")
    except AdvisorError as exc:
        return None, str(exc)
    finally:
        clear_index_cache()
    return report, None


def _reindex(ctx: PageContext) -> None:
    st.markdown(f"#### {ctx.t('src_reindex')}")
    st.caption(ctx.t("src_reindex_help"))
    rebuild = st.checkbox(ctx.t("src_rebuild"), key="src_rebuild", help=ctx.t("src_rebuild_help"))
    if st.button(ctx.t("src_reindex_button"), icon=":material/refresh:"):
        with st.spinner(ctx.t("src_indexing")):
            report, error = _build(ctx, rebuild=rebuild)
        st.session_state[REPORT_KEY] = {"saved": [], "refused": [], "error": error, "report": report}
        st.rerun()


def _last_report(ctx: PageContext) -> None:
    result = st.session_state.get(REPORT_KEY)
    if not result:
        return
    if result["saved"]:
        st.success(ctx.t("src_saved_files", files=", ".join(md_escape(new) for _, new in result["saved"])))
    for name, reason in result["refused"]:
        st.error(ctx.t("src_refused", file=md_escape(name), reason=md_escape(reason)))
    if result["error"]:
        st.error(ctx.t("src_index_error", error=md_escape(result["error"])))
        if result["saved"]:
            st.info(ctx.t("src_kept_after_error"))
    report: IndexReport | None = result["report"]
    if report is not None:
        if report.unchanged:
            st.info(ctx.t("src_report_unchanged", documents=report.documents, chunks=report.chunks))
        else:
            st.success(ctx.t("src_report", documents=report.documents, chunks=report.chunks, new=report.embedded_new,
                             cached=report.embedded_cached + report.embedded_shipped, seconds=f"{report.seconds:.1f}"))
        if report.notes:
            st.warning(ctx.t("src_index_notes", notes=md_escape(" ".join(report.notes))))
        if report.skipped:
            st.warning(ctx.t("src_skipped", n=len(report.skipped)))
            st.dataframe([{ctx.t("col_file"): Path(path).name, ctx.t("col_reason"): reason}
                          for path, reason in report.skipped], hide_index=True, width="stretch")
    if st.button(ctx.t("src_clear_report"), type="tertiary"):
        st.session_state.pop(REPORT_KEY, None)
        st.rerun()


def _kept_uploads(ctx: PageContext) -> None:
    uploads = list_uploads(ctx.settings)
    with st.expander(ctx.t("src_kept", n=len(uploads))):
        if not uploads:
            st.caption(ctx.t("src_kept_none"))
            return
        st.dataframe([{ctx.t("col_file"): u.name, ctx.t("col_authority"): authority_label(u.label.authority, ctx.lang),
                       ctx.t("col_kind"): kind_label(u.label.kind, ctx.lang), ctx.t("col_as_of"): u.label.as_of or "–",
                       ctx.t("col_size_kb"): round(u.size_bytes / 1024, 1), ctx.t("col_saved"): u.saved}
                      for u in uploads], hide_index=True, width="stretch")
        _relabel(ctx, uploads)


def _relabel(ctx: PageContext, uploads: list) -> None:
    """Change the label of a kept upload (a correction, or an upload from before labels existed), then re-index."""
    st.markdown(f"##### {ctx.t('src_relabel')}")
    by_name = {u.name: u for u in uploads}
    name = st.selectbox(ctx.t("col_file"), list(by_name), key="src_relabel_file")
    label = _label_form(ctx, key=f"src_relabel_{name}", current=by_name[name].label)
    if st.button(ctx.t("src_relabel_button"), key="src_relabel_button"):
        require_admin(ctx.settings)
        error = None
        try:
            relabel_upload(name, label, ctx.settings)
        except AdvisorError as exc:
            report, error = None, str(exc)
        else:
            with st.spinner(ctx.t("src_indexing")):
                report, error = _build(ctx, rebuild=False)
        st.session_state[REPORT_KEY] = {"saved": [], "refused": [], "error": error, "report": report}
        st.rerun()
