"""Settings: grouped fields, environment and advisor.toml, the old flat names, and the README's settings table."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest
from pydantic import ValidationError

from advisor.config import PROJECT_ROOT, Settings, settings_table


def test_groups_read_their_environment_variables(monkeypatch):
    monkeypatch.setenv("ADVISOR_LLM_PROVIDER", "openai")
    monkeypatch.setenv("ADVISOR_RETRIEVAL_TOP_K", "7")
    monkeypatch.setenv("ADVISOR_INDEX_EMBEDDING_BACKEND", "hash")
    s = Settings()
    assert (s.llm.provider, s.retrieval.top_k, s.index.embedding_backend) == ("openai", 7, "hash")


def test_old_flat_environment_names_still_work_with_a_warning(monkeypatch, caplog):
    monkeypatch.setenv("ADVISOR_TOP_K", "3")
    monkeypatch.setenv("ADVISOR_ADMIN_PASSWORD", "hemmelig-passord")
    with caplog.at_level(logging.WARNING, logger="advisor.config"):
        s = Settings()
    assert s.retrieval.top_k == 3 and s.app.admin_password.get_secret_value() == "hemmelig-passord"
    assert "ADVISOR_TOP_K is the old name of ADVISOR_RETRIEVAL_TOP_K" in caplog.text
    assert "hemmelig-passord" not in caplog.text


def test_new_environment_name_wins_over_the_old_one(monkeypatch):
    monkeypatch.setenv("ADVISOR_TOP_K", "3")
    monkeypatch.setenv("ADVISOR_RETRIEVAL_TOP_K", "9")
    assert Settings().retrieval.top_k == 9


def test_toml_file_with_groups_and_old_flat_keys(tmp_path, monkeypatch):
    config = tmp_path / "advisor.toml"
    config.write_text('top_k = 4\n[llm]\nprovider = "ollama"\n[answer]\nmin_evidence = 0.6\n', encoding="utf-8")
    monkeypatch.setenv("ADVISOR_CONFIG", str(config))
    s = Settings()
    assert (s.retrieval.top_k, s.llm.provider, s.answer.min_evidence) == (4, "ollama", 0.6)


def test_unknown_toml_key_is_an_error_naming_it(tmp_path, monkeypatch):
    config = tmp_path / "advisor.toml"
    config.write_text("[llm]\nprovder = \"openai\"\n", encoding="utf-8")
    monkeypatch.setenv("ADVISOR_CONFIG", str(config))
    with pytest.raises(ValidationError, match="provder"):
        Settings()


def test_with_overrides_changes_one_field_of_a_group_and_validates():
    base = Settings(llm={"provider": "openai", "model": "m1"})
    changed = base.with_overrides(llm={"model": "m2"})
    assert (changed.llm.provider, changed.llm.model) == ("openai", "m2")
    with pytest.raises(TypeError, match="temprature"):
        base.with_overrides(llm={"temprature": 0.2})
    with pytest.raises(ValidationError):
        base.with_overrides(retrieval={"top_k": 0})


def test_settings_are_hashable_cache_keys():
    assert hash(Settings()) == hash(Settings())


def test_settings_table_lists_every_field_and_hides_secrets():
    rows = settings_table(Settings(llm={"api_key": "sk-1234"}))
    names = [name for name, _, _ in rows]
    assert "ADVISOR_LLM_API_KEY" in names and "ADVISOR_RETRIEVAL_TOP_K" in names
    assert all(description for _, _, description in rows)
    assert "sk-1234" not in str(rows) and ("ADVISOR_LLM_API_KEY", "(set)") in [(n, v) for n, v, _ in rows]


def test_readme_settings_table_is_the_generated_one():
    table = subprocess.run([sys.executable, "-m", "advisor", "settings", "--markdown", "--defaults"], check=True,
                           capture_output=True, text=True, cwd=PROJECT_ROOT).stdout.strip()
    assert table in (PROJECT_ROOT / "README.md").read_text(encoding="utf-8"), "run `advisor settings --markdown --defaults`"


def test_public_api_gives_each_job_one_entry_point(tmp_path):
    import advisor

    settings = advisor.Settings(home=tmp_path, index={"embedding_backend": "hash"})
    assert advisor.assess({"buyer": "municipal", "category": "goods", "estimated_value_nok": 900_000},
                          settings).part == "I"
    assert advisor.analyze("Sengene skal være av typen Linak.", settings)[0].solution_specific
    assert set(advisor.__all__) == {"Settings", "analyze", "ask", "assess", "build_index", "ensure_index",
                                    "open_index", "retrieve", "rewrite_requirement"}
    assert all(callable(getattr(advisor, name)) for name in advisor.__all__)
