"""Sending text from one page to another (the chat hands a requirement text to Fra løsning til behov, a planned
purchase to Anskaffelsesvurdering) without the pages importing each other: the text waits in the session until
the receiving page takes it on its next run."""

from __future__ import annotations

import streamlit as st

_KEY = "handoff"


def send_to(page: str, text: str) -> None:
    """Leave `text` for `page` and switch to that page."""
    st.session_state[_KEY] = {"page": page, "text": text}
    st.session_state["side"] = page


def take(page: str) -> str | None:
    """The text left for `page`, once; None when there is none."""
    waiting = st.session_state.get(_KEY)
    if not waiting or waiting.get("page") != page:
        return None
    del st.session_state[_KEY]
    return waiting["text"]
