"""The admin login of the app and the check before every admin action (upload, re-index, feedback export)."""

from __future__ import annotations

import streamlit as st

from advisor.access import has_role, log_in, require, role_enabled
from advisor.config import Settings
from advisor.errors import AccessDenied
from advisor.ui.context import PageContext

ADMIN_KEY = "admin_grant"


def is_admin(settings: Settings) -> bool:
    """True when admin actions are enabled and this session has logged in."""
    return has_role(settings, "admin", st.session_state.get(ADMIN_KEY))


def require_admin(settings: Settings) -> None:
    """The check before every admin action: raises AccessDenied unless this session logged in as admin."""
    require(settings, "admin", st.session_state.get(ADMIN_KEY))


def admin_login(ctx: PageContext, key: str) -> bool:
    """Show the admin login (or how to enable admin) and return whether this session is admin."""
    if not role_enabled(ctx.settings, "admin"):
        st.info(ctx.t("admin_disabled"))
        return False
    if is_admin(ctx.settings):
        cols = st.columns([3, 1])
        cols[0].success(ctx.t("admin_logged_in"))
        if cols[1].button(ctx.t("admin_logout"), key=f"{key}_logout"):
            st.session_state[ADMIN_KEY] = None
            st.rerun()
        return True
    with st.form(f"{key}_login", clear_on_submit=True):
        password = st.text_input(ctx.t("admin_password"), type="password", key=f"{key}_password")
        submitted = st.form_submit_button(ctx.t("admin_login"))
    if submitted:
        try:
            st.session_state[ADMIN_KEY] = log_in(ctx.settings, "admin", password)
        except AccessDenied:
            st.error(ctx.t("admin_wrong"))
        else:
            st.rerun()
    return False
