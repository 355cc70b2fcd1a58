"""app.py under streamlit.testing (AppTest), configured the way a user configures it: through ADVISOR_* variables.

app.py builds Settings() itself, so a test points it at a state folder with the shipped corpus indexed (the fast hash
embedder), the extractive provider, no admin password and no advisor.toml. Streamlit keeps caches across AppTest runs
in one process; they are cleared before and after every test.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import streamlit as st

from advisor.config import PROJECT_ROOT, Settings
from advisor.search import build_index

APP = str(PROJECT_ROOT / "app.py")


def indexed_home(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    """A new state folder with the shipped corpus indexed (hash embedder)."""
    home = tmp_path_factory.mktemp(name)
    build_index(Settings(home=home, index={"embedding_backend": "hash"}), progress=False)
    return home


@contextmanager
def app_environment(monkeypatch: pytest.MonkeyPatch, home: Path, tmp_path: Path) -> Iterator[Path]:
    """ADVISOR_* for app.py: `home`, hash embeddings, no LLM, no admin, no advisor.toml; Streamlit's caches cleared."""
    monkeypatch.setenv("ADVISOR_HOME", str(home))
    monkeypatch.setenv("ADVISOR_INDEX_EMBEDDING_BACKEND", "hash")
    monkeypatch.setenv("ADVISOR_LLM_PROVIDER", "extractive")
    monkeypatch.setenv("ADVISOR_CONFIG", str(tmp_path / "no-advisor.toml"))
    monkeypatch.delenv("ADVISOR_APP_ADMIN_PASSWORD", raising=False)
    monkeypatch.delenv("ADVISOR_APP_LANGUAGE", raising=False)
    st.cache_resource.clear()
    st.cache_data.clear()
    try:
        yield home
    finally:
        st.cache_resource.clear()
        st.cache_data.clear()
