"""Streamlit entry point: settings, language, page choice and the shared sidebar; each page lives in advisor/ui/.

    streamlit run app.py          (or `make run`)

The app has no logic of its own: pages call the same library functions as the CLI. Library errors
(AdvisorError) are shown as st.error here, once, for every page.
"""

from __future__ import annotations

import streamlit as st
from pydantic import ValidationError

from advisor.config import Settings
from advisor.errors import AdvisorError
from advisor.ui import (
    LANGUAGES,
    WIDE_PAGES,
    PageContext,
    choose_language,
    choose_page,
    page_renderer,
    sidebar_status,
    t,
)

try:
    settings = Settings()
except ValidationError as exc:
    st.error(t("settings_invalid", "nb", error=str(exc)))
    st.stop()

page = st.session_state.get("side") or st.query_params.get("side", "chat")
title_lang = st.session_state.get("lang") or st.query_params.get("lang") or settings.app.language
st.set_page_config(
    page_title=t("app_title", title_lang if title_lang in LANGUAGES else settings.app.language),
    # An emoji becomes an inline data: URL; a :material/…: page icon made every page load fetch an SVG from
    # fonts.gstatic.com, and the app promises to send nothing anywhere (tests/reliability/test_redteam.py).
    page_icon="⚖️",
    layout="wide" if page in WIDE_PAGES else "centered",
    initial_sidebar_state="expanded",
)
# Sidebar order on screen: title and pages first, language below; the language is read first (texts need it).
nav_box = st.sidebar.container()
lang_box = st.sidebar.container()
lang = choose_language(settings, lang_box)
page = choose_page(lang, nav_box)
ctx = PageContext(settings, lang)
sidebar_status(ctx)

try:
    page_renderer(page)(ctx)
except AdvisorError as exc:
    st.error(t("error_prefix", lang, error=str(exc)), icon=":material/error:")
