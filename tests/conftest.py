"""Shared fixtures: clean Settings in temp folders, and real indexes of the shipped corpus built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.config import PROJECT_ROOT, Settings

SHARED = PROJECT_ROOT.parent / "shared"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """A clean world: state in tmp_path, the deterministic hash embedder (fast, no semantics)."""
    return Settings(home=tmp_path / "home", index={"embedding_backend": "hash"})


@pytest.fixture(scope="session")
def corpus_hash_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The shipped corpus indexed once with the hash embedder (seconds)."""
    from advisor.search import build_index

    s = Settings(home=tmp_path_factory.mktemp("hash-home"), index={"embedding_backend": "hash"})
    build_index(s, progress=False)
    return s


@pytest.fixture(scope="session")
def corpus_e5_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The shipped corpus indexed once with the real multilingual-e5-small model (about a minute)."""
    from advisor.search import build_index

    s = Settings(home=tmp_path_factory.mktemp("e5-home"), index={"embedding_backend": "e5"})
    build_index(s, progress=False)
    return s


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout (seeds, reference facts, Doffin data); tests using it skip when absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present beside the checkout")
    return SHARED
