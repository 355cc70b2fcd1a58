"""Password guessing against the app's roles (issue 20): backoff per browser session and across sessions, and no
weak password accepted as configuration.

Before: 50 wrong admin logins in 6.6 s, then the right one was accepted; a one-character password was accepted.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
import streamlit as st
from pydantic import ValidationError
from streamlit.testing.v1 import AppTest

from advisor import access
from advisor.access import FREE_MISSES_GLOBAL, FREE_MISSES_PER_CLIENT, LoginGuard, LoginLocked
from advisor.config import PROJECT_ROOT, Settings
from advisor.errors import AccessDenied

RIGHT = "riktig-passord-42"
SETTINGS = Settings(app={"admin_password": RIGHT, "trainer_password": "kursleder-passord-7"})


class Clock:
    """A clock the test moves by hand, so waits are checked without sleeping."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _try(guard: LoginGuard, password: str, client: str = "browser-1", role: str = "admin") -> str:
    try:
        access.log_in(SETTINGS, role, password, client=client, guard=guard)
    except LoginLocked:
        return "locked"
    except AccessDenied:
        return "wrong"
    return "in"


@pytest.mark.parametrize("role,right", [("admin", RIGHT), ("trainer", "kursleder-passord-7")])
def test_fifty_quick_wrong_passwords_lock_the_session_and_the_right_one_waits(role, right):
    clock = Clock()
    guard = LoginGuard(clock=clock)
    outcomes = []
    for n in range(50):
        clock.now += 0.13  # 50 attempts in 6.6 s, as in the attack
        outcomes.append(_try(guard, f"gjetning-{n:03d}", role=role))
    assert outcomes[:FREE_MISSES_PER_CLIENT] == ["wrong"] * FREE_MISSES_PER_CLIENT
    assert outcomes.count("wrong") <= 10, outcomes  # the rest were refused without looking at the password
    assert _try(guard, right, role=role) == "locked"  # even the right password waits
    clock.now += guard.wait_s(role, "browser-1") + 0.01
    assert _try(guard, right, role=role) == "in"


def test_each_further_miss_doubles_the_wait():
    clock = Clock()
    guard = LoginGuard(clock=clock)
    waits = []
    for n in range(FREE_MISSES_PER_CLIENT + 4):
        clock.now += guard.wait_s("admin", "c") + 0.001
        assert _try(guard, f"feil-{n}", client="c") == "wrong"
        waits.append(round(guard.wait_s("admin", "c")))
    assert waits == [0, 0, 0, 1, 2, 4, 8]


def test_new_sessions_do_not_get_a_clean_slate_once_misses_pile_up():
    clock = Clock()
    guard = LoginGuard(clock=clock)
    for n in range(FREE_MISSES_GLOBAL):
        clock.now += 0.1
        assert _try(guard, "feil", client=f"session-{n}") == "wrong"
    clock.now += 0.1
    assert _try(guard, "feil", client="session-new") == "wrong"  # one more than the free misses...
    assert _try(guard, RIGHT, client="session-admin") == "locked"  # ...and every client waits
    clock.now += guard.wait_s("admin", "session-admin") + 0.01
    assert _try(guard, RIGHT, client="session-admin") == "in"
    assert guard.wait_s("trainer", "session-admin") == 0  # the roles are counted separately


def test_the_right_password_resets_the_sessions_count():
    clock = Clock()
    guard = LoginGuard(clock=clock)
    for _ in range(FREE_MISSES_PER_CLIENT):
        assert _try(guard, "feil") == "wrong"
    assert _try(guard, RIGHT) == "in"
    for _ in range(FREE_MISSES_PER_CLIENT):
        assert _try(guard, "feil") == "wrong"  # free again after a successful login


def test_the_app_refuses_the_right_password_after_a_burst_of_wrong_ones(tmp_path, monkeypatch):
    monkeypatch.setenv("ADVISOR_HOME", str(tmp_path))
    monkeypatch.setenv("ADVISOR_APP_ADMIN_PASSWORD", RIGHT)
    monkeypatch.setenv("ADVISOR_INDEX_EMBEDDING_BACKEND", "hash")
    monkeypatch.setenv("ADVISOR_CONFIG", str(tmp_path / "no-advisor.toml"))
    st.cache_resource.clear()
    at = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=60).run()
    at.sidebar.radio(key="side").set_value("kilder")  # the sources page has the admin login
    at = at.run(timeout=120)
    for n in range(12):
        at.text_input(key="src_password").set_value(f"gjetning-{n}")
        at.button[[b.label for b in at.button].index("Logg inn")].click().run()
    at.text_input(key="src_password").set_value(RIGHT)
    at.button[[b.label for b in at.button].index("Logg inn")].click().run()
    assert not at.exception, at.exception
    granted = at.session_state["admin_grant"] if "admin_grant" in at.session_state else None
    assert granted is None
    assert any("For mange feil passord" in e.value for e in at.error), [e.value for e in at.error]
    st.cache_resource.clear()


def test_a_one_character_password_is_refused_at_start_up_naming_the_setting():
    with pytest.raises(ValidationError) as refused:
        Settings(app={"admin_password": "Q"})
    message = str(refused.value)
    assert "ADVISOR_APP_ADMIN_PASSWORD is too weak" in message
    assert "'Q'" not in message  # the rejected password is not echoed
    with pytest.raises(ValidationError, match="ADVISOR_APP_TRAINER_PASSWORD is too weak"):
        Settings(app={"trainer_password": "aaaaaaaaaaaaaaaa"})  # long, but one repeated character
    assert Settings(app={"admin_password": ""}).app.admin_password is not None  # empty = switched off, allowed
    assert not access.role_enabled(Settings(app={"admin_password": ""}), "admin")


def test_the_cli_names_the_weak_password_setting_in_one_line(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "ADVISOR_APP_ADMIN_PASSWORD": "kort", "ADVISOR_HOME": str(tmp_path),
           "ADVISOR_CONFIG": str(tmp_path / "none.toml")}
    done = subprocess.run([sys.executable, "-m", "advisor", "settings"], capture_output=True, text=True, env=env,
                          cwd=PROJECT_ROOT, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0, done.stderr
    assert "ADVISOR_APP_ADMIN_PASSWORD is too weak" in done.stderr and "kort" not in done.stderr


def test_the_app_names_the_weak_password_setting_instead_of_starting(tmp_path, monkeypatch):
    monkeypatch.setenv("ADVISOR_HOME", str(tmp_path))
    monkeypatch.setenv("ADVISOR_APP_ADMIN_PASSWORD", "x")
    monkeypatch.setenv("ADVISOR_CONFIG", str(tmp_path / "no-advisor.toml"))
    at = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception, at.exception
    assert any("ADVISOR_APP_ADMIN_PASSWORD is too weak" in e.value for e in at.error)
