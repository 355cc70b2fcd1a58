"""A real Chroma server for tests: `chroma run` on 127.0.0.1 with its data in tmp_path (benchmarks/replicas.py's
ChromaServer, which can also stop it and start it again). Skips the test when the chroma CLI is absent.

    from chroma_server import chroma  # noqa: F401 - fixture
    def test_x(chroma): Settings(index={"chroma_url": chroma.url}); chroma.stop()
"""

from __future__ import annotations

import sys

import pytest
from paths import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))
from replicas import ChromaServer  # noqa: E402


@pytest.fixture
def chroma(tmp_path):
    """A real Chroma server on 127.0.0.1 for one test."""
    if ChromaServer.cli() is None:
        pytest.skip("the chroma CLI is not installed")
    server = ChromaServer(tmp_path / "chroma").start()
    try:
        yield server
    finally:
        server.stop()
