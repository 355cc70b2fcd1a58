"""The shared sidebar: language switch, page navigation (bound to ?side= in the URL) and a discreet status line."""

from __future__ import annotations

import streamlit as st

from advisor.config import Settings
from advisor.errors import UnknownProvider
from advisor.llm import EXTRACTIVE, KNOWN_PROVIDERS, check_provider
from advisor.ui.admin import is_admin
from advisor.ui.context import PageContext
from advisor.ui.pages import PAGES
from advisor.ui.texts import LANGUAGES, t


def _from_url(key: str, allowed) -> None:
    """Seed a widget from the URL (?side=kurs, ?lang=en) on the first run of a session."""
    if key not in st.session_state and st.query_params.get(key) in allowed:
        st.session_state[key] = st.query_params[key]


def _to_url(key: str, value: str, default: str) -> None:
    """Keep the URL in step with the widget, so a link or a reload opens the same page in the same language."""
    if value == default:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get(key) != value:
        st.query_params[key] = value


def choose_language(settings: Settings, where) -> str:
    """The language switch (nb/en, default from ADVISOR_APP_LANGUAGE); kept in the URL as ?lang=."""
    _from_url("lang", LANGUAGES)
    with where:
        lang = st.segmented_control(
            "Språk / Language",
            list(LANGUAGES),
            format_func=lambda code: LANGUAGES[code],
            default=settings.app.language,
            required=True,
            key="lang",
        )
    lang = lang if lang in LANGUAGES else settings.app.language
    _to_url("lang", lang, settings.app.language)
    return lang


def choose_page(lang: str, where) -> str:
    """The page navigation; the chosen page id is kept in the URL (?side=kurs), so pages can be linked to."""
    _from_url("side", PAGES)
    with where:
        st.markdown(f"### {t('app_title', lang)}")
        page = st.radio(
            t("nav_label", lang),
            list(PAGES),
            format_func=lambda p: f"{PAGES[p][1]} {t(f'page_{p}', lang)}",
            key="side",
            label_visibility="collapsed",
        )
    page = page if page in PAGES else "chat"
    _to_url("side", page, "chat")
    return page


def provider_mode(settings: Settings) -> str:
    """The configured answer provider ("extractive" = no LLM); an unknown name is returned as configured."""
    try:
        return check_provider(None, settings)
    except UnknownProvider:
        return settings.llm.provider


def sidebar_status(ctx: PageContext) -> None:
    """Discreet facts at the bottom of the sidebar: answer mode, admin session, and what the app is."""
    with st.sidebar:
        st.divider()
        mode = provider_mode(ctx.settings)
        if mode == EXTRACTIVE:
            st.caption(t("mode_extractive", ctx.lang))
        elif mode not in KNOWN_PROVIDERS:
            st.warning(t("mode_unknown", ctx.lang, provider=mode, known=", ".join(KNOWN_PROVIDERS)))
        else:
            st.caption(t("mode_llm", ctx.lang, provider=mode, model=ctx.settings.llm.model or t("default_model", ctx.lang)))
        if is_admin(ctx.settings):
            st.caption(t("admin_session", ctx.lang))
        with st.expander(t("about_title", ctx.lang)):
            st.caption(t("about_text", ctx.lang))
