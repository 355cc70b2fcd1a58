"""No telemetry, no secrets in logs or reprs."""

from __future__ import annotations

import logging
import os

import pytest

from advisor.config import Settings
from advisor.errors import ProviderError
from advisor.llm import complete


def test_telemetry_is_off_for_chroma_and_streamlit_and_models_stay_offline():
    import advisor.config  # noqa: F401 - importing it sets the environment

    assert os.environ["ANONYMIZED_TELEMETRY"] == "False"
    assert os.environ["HF_HUB_OFFLINE"] == "1"
    from advisor.search.index import _chroma_settings

    assert _chroma_settings().anonymized_telemetry is False


def test_streamlit_config_turns_usage_statistics_off():
    import tomllib

    from advisor.config import PROJECT_ROOT

    config = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False


def test_api_key_never_appears_in_settings_repr_or_dump():
    s = Settings(llm={"api_key": "sk-hemmelig-123"}, app={"admin_password": "admin-hemmelig"})
    for text in (repr(s), str(s), str(s.model_dump())):
        assert "sk-hemmelig-123" not in text and "admin-hemmelig" not in text


def test_provider_errors_and_logs_do_not_contain_the_api_key(tmp_path, caplog):
    from llm_server import OpenAICompatibleServer

    with OpenAICompatibleServer(mode="401") as server:
        s = Settings(home=tmp_path,
                     llm={"provider": "openai", "base_url": server.base_url, "api_key": "sk-topphemmelig-999", "max_retries": 1, "timeout_s": 5})
        caplog.set_level(logging.DEBUG)
        try:
            complete([("user", "hei")], s)
        except ProviderError as exc:
            message = str(exc)
        else:  # pragma: no cover
            raise AssertionError("a 401 must raise ProviderError")
        assert server.headers[-1]["authorization"] == "Bearer sk-topphemmelig-999"  # it was sent to the server...
    assert "401" in message
    assert "sk-topphemmelig-999" not in message  # ...but never shown or logged
    assert "sk-topphemmelig-999" not in caplog.text


def test_admin_password_is_compared_in_constant_time_and_never_logged(monkeypatch, caplog):
    import hmac

    from advisor import access
    from advisor.errors import AccessDenied

    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest
    monkeypatch.setattr(access.hmac, "compare_digest", lambda a, b: calls.append((a, b)) or real(a, b))
    settings = Settings(app={"admin_password": "riktig-passord-42"})
    caplog.set_level(logging.DEBUG)
    assert access.check_password(settings, "admin", "riktig-passord-42") is True
    assert access.check_password(settings, "admin", "feil-passord-17") is False
    with pytest.raises(AccessDenied) as refused:
        access.log_in(settings, "admin", "feil-passord-17")
    assert len(calls) == 3, "every attempt must go through hmac.compare_digest"
    for secret in ("riktig-passord-42", "feil-passord-17"):
        assert secret not in caplog.text and secret not in str(refused.value) and secret not in repr(settings)
    with pytest.raises(AccessDenied, match="ADVISOR_APP_ADMIN_PASSWORD"):
        access.log_in(Settings(app={"admin_password": ""}), "admin", "")  # an empty password enables nothing


def test_a_grant_opens_admin_actions_and_holds_no_password():
    from advisor import access
    from advisor.errors import AccessDenied

    settings = Settings(app={"admin_password": "riktig-passord-42"})
    grant = access.log_in(settings, "admin", "riktig-passord-42")
    access.require(settings, "admin", grant)  # no error
    assert "riktig-passord-42" not in repr(grant) and "riktig-passord-42" not in str(vars(grant))
    with pytest.raises(AccessDenied, match="log in"):
        access.require(settings, "admin", None)
    forged = access.Grant("admin", grant.nonce, "0" * 64)
    with pytest.raises(AccessDenied):
        access.require(settings, "admin", forged)
    changed = Settings(app={"admin_password": "nytt-passord-99"})  # a new password ends old sessions
    with pytest.raises(AccessDenied):
        access.require(changed, "admin", grant)
