"""Who may do what in the app: roles unlocked by a password, checked in constant time, one check for every action.

    grant = log_in(settings, "admin", password)      # AccessDenied on a wrong password
    require(settings, "admin", grant)                 # before every admin action (upload, re-index, feedback export)

A role is enabled only when its password is configured (ADVISOR_APP_ADMIN_PASSWORD). The password is compared with
hmac.compare_digest and never logged, shown or stored anywhere but in the Settings object it came from. What the
app keeps in a session is a Grant: a random nonce and an HMAC of it keyed by the password, so a session never holds
the password, and changing the password (and restarting) ends every session's access.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from dataclasses import dataclass

from advisor.config import Settings
from advisor.errors import AccessDenied

log = logging.getLogger(__name__)

ROLES = ("admin",)
_ENV = {"admin": "ADVISOR_APP_ADMIN_PASSWORD"}


@dataclass(frozen=True)
class Grant:
    """Proof that a session logged in as `role`; worthless without the password it was made with."""

    role: str
    nonce: str
    tag: str

    def __repr__(self) -> str:
        return f"Grant(role={self.role!r})"


def _password(settings: Settings, role: str) -> bytes | None:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; known: {', '.join(ROLES)}")
    secret = settings.app.admin_password
    value = secret.get_secret_value() if secret is not None else ""
    return value.encode("utf-8") or None


def _tag(password: bytes, role: str, nonce: str) -> str:
    return hmac.new(password, f"{role}:{nonce}".encode(), hashlib.sha256).hexdigest()


def role_enabled(settings: Settings, role: str) -> bool:
    """True when the role's password is configured (an empty one counts as not configured)."""
    return _password(settings, role) is not None


def check_password(settings: Settings, role: str, attempt: str | None) -> bool:
    """True when `attempt` is the role's password; always False when none is configured."""
    password = _password(settings, role)
    if password is None or not attempt:
        return False
    ok = hmac.compare_digest(attempt.encode("utf-8"), password)
    if not ok:
        log.warning("%s login refused (wrong password)", role)
    return ok


def log_in(settings: Settings, role: str, attempt: str | None) -> Grant:
    """A Grant for `role` when `attempt` is its password; AccessDenied otherwise."""
    password = _password(settings, role)
    if password is None:
        raise AccessDenied(f"{role} actions are disabled: set {_ENV[role]} and restart the app")
    if not check_password(settings, role, attempt):
        raise AccessDenied(f"wrong {role} password")
    nonce = secrets.token_hex(16)
    return Grant(role, nonce, _tag(password, role, nonce))


def has_role(settings: Settings, role: str, grant: object) -> bool:
    """True when `grant` is a valid Grant for `role` under the password configured now."""
    password = _password(settings, role)
    if password is None or not isinstance(grant, Grant) or grant.role != role:
        return False
    return hmac.compare_digest(grant.tag, _tag(password, role, grant.nonce))


def require(settings: Settings, role: str, grant: object) -> None:
    """Raise AccessDenied unless `grant` is a valid Grant for `role`: the check before every protected action."""
    if not role_enabled(settings, role):
        raise AccessDenied(f"{role} actions are disabled: set {_ENV[role]} and restart the app")
    if not has_role(settings, role, grant):
        raise AccessDenied(f"log in as {role} first")
