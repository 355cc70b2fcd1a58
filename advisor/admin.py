"""Admin actions (upload, re-index, feedback export): enabled only when ADVISOR_APP_ADMIN_PASSWORD is set.

The password is compared in constant time (hmac.compare_digest) and is never logged, shown or stored anywhere
but in the Settings object it came from.
"""

from __future__ import annotations

import hmac
import logging

from advisor.config import Settings
from advisor.errors import AccessDenied

log = logging.getLogger(__name__)


def admin_enabled(settings: Settings) -> bool:
    """True when an admin password is configured (an empty one counts as not configured)."""
    return settings.app.admin_password is not None and bool(settings.app.admin_password.get_secret_value())


def check_password(settings: Settings, attempt: str | None) -> bool:
    """True when `attempt` equals the configured admin password; always False when none is configured."""
    if not admin_enabled(settings) or not attempt:
        return False
    expected = settings.app.admin_password.get_secret_value().encode("utf-8")  # type: ignore[union-attr]
    ok = hmac.compare_digest(attempt.encode("utf-8"), expected)
    if not ok:
        log.warning("admin login refused (wrong password)")
    return ok


def require_admin(settings: Settings, attempt: str | None) -> None:
    """Raise AccessDenied unless `attempt` is the admin password."""
    if not admin_enabled(settings):
        raise AccessDenied("admin actions are disabled: set ADVISOR_APP_ADMIN_PASSWORD and restart the app")
    if not check_password(settings, attempt):
        raise AccessDenied("wrong admin password")
