"""Who may do what in the app: roles unlocked by a password, checked in constant time, one check for every action.

    grant = log_in(settings, "admin", password, client=session_id)  # AccessDenied on a wrong password
    require(settings, "admin", grant)                                 # before every protected action

Roles: "admin" (upload, re-index, feedback export; ADVISOR_APP_ADMIN_PASSWORD) and "trainer" (the course's trainer
mode: hide answers, class view, results export, trainer cases; ADVISOR_APP_TRAINER_PASSWORD). A role is enabled
only when its password is configured; config.py refuses a weak one at start-up. The password is compared with
hmac.compare_digest and never logged, shown or stored anywhere but in the Settings object it came from. What the
app keeps in a session is a Grant: a random nonce and an HMAC of it keyed by the password, so a session never holds
the password, and changing the password (and restarting) ends every session's access.

Guessing is slowed down for every role by a LoginGuard: after a few wrong passwords from one client (a browser
session) that client must wait, twice as long after each further miss, and when wrong passwords pile up across all
clients (an attacker opening new sessions) every client must wait. While a wait runs, attempts are refused without
looking at the password, so even the right one is refused until the wait is over.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import math
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from advisor.config import Settings
from advisor.errors import AccessDenied

log = logging.getLogger(__name__)

ROLES = ("admin", "trainer")
_ENV = {"admin": "ADVISOR_APP_ADMIN_PASSWORD", "trainer": "ADVISOR_APP_TRAINER_PASSWORD"}

# Backoff: 3 free misses per client, then 1 s, 2 s, 4 s ... up to 15 minutes. Across all clients, 20 misses within
# 10 minutes are free; each further miss makes everyone wait 2 s, 4 s ... up to 5 minutes. With these numbers an
# attacker gets at most about 25 guesses in the first 10 minutes and then roughly one every 5 minutes.
FREE_MISSES_PER_CLIENT = 3
FREE_MISSES_GLOBAL = 20
GLOBAL_WINDOW_S = 600.0
MAX_CLIENT_WAIT_S = 900.0
MAX_GLOBAL_WAIT_S = 300.0


class LoginLocked(AccessDenied):
    """Too many wrong passwords: attempts are refused until the wait is over."""

    def __init__(self, role: str, wait_s: float):
        self.role = role
        self.wait_s = wait_s
        super().__init__(f"too many wrong {role} passwords: try again in {math.ceil(wait_s)} s")


@dataclass
class _Misses:
    count: int = 0
    locked_until: float = 0.0


@dataclass
class LoginGuard:
    """Counts wrong passwords per (role, client) and across all clients, and says how long a client must wait.

    Thread-safe: one guard serves every session of the app process. `clock` is time.monotonic, replaceable in tests.
    """

    clock: Callable[[], float] = time.monotonic
    _clients: dict[tuple[str, str], _Misses] = field(default_factory=dict)
    _recent: dict[str, deque[float]] = field(default_factory=dict)
    _global_until: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def wait_s(self, role: str, client: str) -> float:
        """Seconds until `client` may try the `role` password again (0 = now)."""
        with self._lock:
            now = self.clock()
            own = self._clients.get((role, client), _Misses()).locked_until
            return max(0.0, own - now, self._global_until.get(role, 0.0) - now)

    def missed(self, role: str, client: str) -> None:
        """Record a wrong password and start the waits it earns."""
        with self._lock:
            now = self.clock()
            misses = self._clients.setdefault((role, client), _Misses())
            misses.count += 1
            if misses.count > FREE_MISSES_PER_CLIENT:
                wait = min(MAX_CLIENT_WAIT_S, 2.0 ** (misses.count - FREE_MISSES_PER_CLIENT - 1))
                misses.locked_until = now + wait
            recent = self._recent.setdefault(role, deque())
            recent.append(now)
            while recent and recent[0] < now - GLOBAL_WINDOW_S:
                recent.popleft()
            if len(recent) > FREE_MISSES_GLOBAL:
                wait = min(MAX_GLOBAL_WAIT_S, 2.0 ** (len(recent) - FREE_MISSES_GLOBAL))
                self._global_until[role] = now + wait
            if len(self._clients) > 10_000:  # forget clients that can try again, so the table cannot grow forever
                self._clients = {k: v for k, v in self._clients.items() if v.locked_until > now}

    def succeeded(self, role: str, client: str) -> None:
        """The right password: this client's count starts again (the count across clients does not)."""
        with self._lock:
            self._clients.pop((role, client), None)


# One guard per process: every session of the app and every caller of log_in shares it, otherwise a new browser
# session (or a second caller) would start with a clean slate. It is the only module-level state here.
_GUARD = LoginGuard()


@dataclass(frozen=True)
class Grant:
    """Proof that a session logged in as `role`; worthless without the password it was made with."""

    role: str
    nonce: str
    tag: str

    def __repr__(self) -> str:
        return f"Grant(role={self.role!r})"


def password_setting(role: str) -> str:
    """The environment variable that holds a role's password (ADVISOR_APP_ADMIN_PASSWORD)."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; known: {', '.join(ROLES)}")
    return _ENV[role]


def _password(settings: Settings, role: str) -> bytes | None:
    password_setting(role)  # unknown role -> ValueError
    secret = settings.app.admin_password if role == "admin" else settings.app.trainer_password
    value = secret.get_secret_value() if secret is not None else ""
    return value.encode("utf-8") or None


def _tag(password: bytes, role: str, nonce: str) -> str:
    return hmac.new(password, f"{role}:{nonce}".encode(), hashlib.sha256).hexdigest()


def role_enabled(settings: Settings, role: str) -> bool:
    """True when the role's password is configured (an empty one counts as not configured)."""
    return _password(settings, role) is not None


def check_password(settings: Settings, role: str, attempt: str | None) -> bool:
    """True when `attempt` is the role's password; always False when none is configured. No backoff: see log_in."""
    password = _password(settings, role)
    if password is None or not attempt:
        return False
    ok = hmac.compare_digest(attempt.encode("utf-8"), password)
    if not ok:
        log.warning("%s login refused (wrong password)", role)
    return ok


def log_in(settings: Settings, role: str, attempt: str | None, *, client: str = "",
           guard: LoginGuard | None = None) -> Grant:
    """A Grant for `role` when `attempt` is its password; AccessDenied otherwise, LoginLocked while a wait runs.

    `client` names who is trying (the app passes its browser session id); the guard (the process's own by
    default) makes repeated misses from one client, or from all clients together, wait longer and longer.
    """
    password = _password(settings, role)
    if password is None:
        raise AccessDenied(f"{role} actions are disabled: set {_ENV[role]} and restart the app")
    guard = guard if guard is not None else _GUARD
    wait = guard.wait_s(role, client)
    if wait > 0:
        raise LoginLocked(role, wait)
    if not check_password(settings, role, attempt):
        guard.missed(role, client)
        raise AccessDenied(f"wrong {role} password")
    guard.succeeded(role, client)
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
