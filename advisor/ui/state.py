"""What every page shares: the page context (settings + language), the cached index, admin login and card helpers.

The only module-level state is st.cache_resource around ensure_index (the index is expensive and immutable).
Everything per user lives in st.session_state.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass
from typing import Any

import streamlit as st

from advisor.admin import admin_enabled, check_password
from advisor.config import Settings
from advisor.corpus import AUTHORITY_LABEL_NB
from advisor.search import Index, ensure_index, index_exists
from advisor.ui.texts import t

ADMIN_KEY = "is_admin"


@dataclass(frozen=True)
class PageContext:
    """What a page needs: the settings of this app and the chosen interface language."""

    settings: Settings
    lang: str

    def t(self, key: str, **values: Any) -> str:
        """The user-facing text `key` in this page's language."""
        return t(key, self.lang, **values)

    def index(self) -> Index:
        """The open index (built first, with a spinner, when there is none)."""
        return get_index(self.settings, self.lang)


def _index_key(settings: Settings) -> str:
    """Cache key: every setting (secrets masked) plus the time the current build was swapped in.

    With the swap time in the key, a rebuild by `advisor index` in another process is picked up on the next
    rerun instead of serving an old build whose folder may since have been pruned.
    """
    pointer = settings.index_dir / "CURRENT"
    stamp = pointer.stat().st_mtime_ns if pointer.is_file() else 0
    return f"{settings.model_dump_json()}|{stamp}"


@st.cache_resource(show_spinner=False, max_entries=2)
def _cached_index(key: str, _settings: Settings) -> Index:
    return ensure_index(_settings, progress=False)


def get_index(settings: Settings, lang: str) -> Index:
    """The index for these settings, opened once per build and shared by all sessions."""
    if not settings.index.chroma_url and not index_exists(settings):
        with st.spinner(t("index_building", lang)):
            return _cached_index(_index_key(settings), settings)
    return _cached_index(_index_key(settings), settings)


def clear_index_cache() -> None:
    """Forget the cached index (after a re-index), so the next page run opens the new build."""
    _cached_index.clear()


# --- admin -------------------------------------------------------------------------------------------------


def is_admin(settings: Settings) -> bool:
    """True when admin actions are enabled and this session has logged in."""
    return admin_enabled(settings) and bool(st.session_state.get(ADMIN_KEY))


def admin_login(ctx: PageContext, key: str) -> bool:
    """Show the admin login (or how to enable admin) and return whether this session is admin."""
    if not admin_enabled(ctx.settings):
        st.info(ctx.t("admin_disabled"))
        return False
    if is_admin(ctx.settings):
        cols = st.columns([3, 1])
        cols[0].success(ctx.t("admin_logged_in"))
        if cols[1].button(ctx.t("admin_logout"), key=f"{key}_logout"):
            st.session_state[ADMIN_KEY] = False
            st.rerun()
        return True
    with st.form(f"{key}_login", clear_on_submit=True):
        password = st.text_input(ctx.t("admin_password"), type="password", key=f"{key}_password")
        submitted = st.form_submit_button(ctx.t("admin_login"))
    if submitted:
        if check_password(ctx.settings, password):
            st.session_state[ADMIN_KEY] = True
            st.rerun()
        st.error(ctx.t("admin_wrong"))
    return False


# --- citations as source cards ---------------------------------------------------------------------------------


def authority_label(authority: str, lang: str) -> str:
    """The authority of a source in the interface language."""
    if lang == "nb":
        return AUTHORITY_LABEL_NB.get(authority, authority or t("unknown", lang))
    return t(f"authority_{authority}", lang) if authority else t("unknown", lang)


def kind_label(kind: str, lang: str) -> str:
    """The kind of a source (white paper, guidance, ...) in the interface language."""
    key = f"kind_{kind}"
    text = t(key, lang, missing_ok=True)
    return text if text != key else kind


def citation_meta(citation: Any, lang: str) -> str:
    """One line under a source's title: section · page · authority · as-of date."""
    parts = []
    if getattr(citation, "section", ""):
        parts.append(citation.section)
    if getattr(citation, "page", None):
        parts.append(t("page_n", lang, page=citation.page))
    if getattr(citation, "authority", ""):
        parts.append(authority_label(citation.authority, lang))
    parts.append(t("as_of", lang, date=getattr(citation, "as_of", "") or t("undated", lang)))
    return " · ".join(parts)


def source_card(citation: Any, lang: str, expanded_chars: int = 700) -> None:
    """A citation as a bordered card: [n] title, section, page, authority and as-of date, then the passage."""
    with st.container(border=True):
        st.markdown(f"**[{citation.n}] {_md_escape(citation.title)}**")
        st.caption(_md_escape(citation_meta(citation, lang)))
        passage = " ".join(citation.text.split())
        if len(passage) <= expanded_chars:
            st.markdown(_quote(passage))
        else:
            st.markdown(_quote(passage[:expanded_chars].rsplit(" ", 1)[0] + " …"))
            with st.expander(t("show_whole_passage", lang)):
                st.markdown(_quote(passage))


def _passage(text: str) -> str:
    """A corpus passage for Markdown: its own emphasis (**fet**) kept, HTML and formula signs ($) made literal."""
    return html.escape(str(text), quote=False).replace("$", "\\$")


def _quote(text: str) -> str:
    body = _passage(text)
    # A passage that starts like a list item ("- ", "1. ") must not turn the quote into a list.
    body = re.sub(r"^([-+*•])(\s)", r"\\\1\2", body)
    body = re.sub(r"^(\d+)\.(\s)", r"\1\\.\2", body)
    return "> " + body


def _md_escape(text: str) -> str:
    """Text shown literally in Markdown: HTML escaped, and the characters Markdown would act on backslashed."""
    text = html.escape(str(text), quote=False)
    for ch in ("\\", "`", "*", "_", "[", "]", "#", "|", "$", "~"):
        text = text.replace(ch, "\\" + ch)
    return text


def md_escape(text: str) -> str:
    """Public form of the Markdown escaping used for source cards (user and corpus text shown verbatim)."""
    return _md_escape(text)


def upload_limit_mb(settings: Settings) -> int:
    """The browser-side upload limit: ADVISOR_INDEX_MAX_FILE_MB rounded up (the saved file is checked exactly)."""
    return max(1, math.ceil(settings.index.max_file_mb))
