"""The role logins of the app (admin, trainer) and the check before every protected action.

Admin: upload, re-index, feedback export. Trainer: the course's trainer mode. Both go through advisor.access, which
compares in constant time and slows down repeated wrong passwords per browser session and across sessions.
"""

from __future__ import annotations

import secrets

import streamlit as st

from advisor.access import LoginLocked, has_role, log_in, require, role_enabled
from advisor.config import Settings
from advisor.errors import AccessDenied
from advisor.ui.context import PageContext

ADMIN_KEY = "admin_grant"
TRAINER_KEY = "trainer_grant"
_GRANT_KEYS = {"admin": ADMIN_KEY, "trainer": TRAINER_KEY}
_CLIENT_KEY = "login_client"


def _client() -> str:
    """Who is trying a password: a random id per browser session (the backoff counts misses per client)."""
    if _CLIENT_KEY not in st.session_state:
        st.session_state[_CLIENT_KEY] = secrets.token_hex(8)
    return st.session_state[_CLIENT_KEY]


def has_session_role(settings: Settings, role: str) -> bool:
    """True when the role is enabled and this session has logged in as it."""
    return has_role(settings, role, st.session_state.get(_GRANT_KEYS[role]))


def is_admin(settings: Settings) -> bool:
    """True when admin actions are enabled and this session has logged in."""
    return has_session_role(settings, "admin")


def is_trainer(settings: Settings) -> bool:
    """True when trainer mode is enabled and this session has logged in as trainer."""
    return has_session_role(settings, "trainer")


def require_admin(settings: Settings) -> None:
    """The check before every admin action: raises AccessDenied unless this session logged in as admin."""
    require(settings, "admin", st.session_state.get(ADMIN_KEY))


def require_trainer(settings: Settings) -> None:
    """The check before every trainer action: raises AccessDenied unless this session logged in as trainer."""
    require(settings, "trainer", st.session_state.get(TRAINER_KEY))


def role_login(ctx: PageContext, role: str, key: str) -> bool:
    """Show the login for `role` (or how to enable it) and return whether this session has the role."""
    if not role_enabled(ctx.settings, role):
        st.info(ctx.t(f"{role}_disabled"))
        return False
    if has_session_role(ctx.settings, role):
        cols = st.columns([3, 1], vertical_alignment="center")
        cols[0].success(ctx.t(f"{role}_logged_in"))
        if cols[1].button(ctx.t("admin_logout"), key=f"{key}_logout"):
            st.session_state[_GRANT_KEYS[role]] = None
            st.rerun()
        return True
    with st.form(f"{key}_login", clear_on_submit=True):
        password = st.text_input(ctx.t(f"{role}_password"), type="password", key=f"{key}_password")
        submitted = st.form_submit_button(ctx.t("admin_login"))
    if submitted:
        try:
            st.session_state[_GRANT_KEYS[role]] = log_in(ctx.settings, role, password, client=_client())
        except LoginLocked as exc:
            st.error(ctx.t("login_locked", seconds=max(1, round(exc.wait_s))))
        except AccessDenied:
            st.error(ctx.t("admin_wrong"))
        else:
            st.rerun()
    return False


def admin_login(ctx: PageContext, key: str) -> bool:
    """Show the admin login (or how to enable admin) and return whether this session is admin."""
    return role_login(ctx, "admin", key)
