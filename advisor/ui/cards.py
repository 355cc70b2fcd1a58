"""Shared display pieces: source cards for citations, authority and kind labels, Markdown escaping."""

from __future__ import annotations

import html
import re
from typing import Any

import streamlit as st

from advisor.corpus import AUTHORITY_LABEL_NB
from advisor.llm import defuse
from advisor.ui.texts import t


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
    """A corpus passage for Markdown: its own emphasis (**fet**) kept, HTML and formula signs ($) made literal, and
    images, inline links and link definitions defused whatever their scheme (a document is never fetched from)."""
    return defuse(html.escape(str(text), quote=False).replace("$", "\\$"))


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
