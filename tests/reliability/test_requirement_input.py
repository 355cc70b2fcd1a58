"""Requirement text from the outside (issue 20): a huge file or an endless stdin is refused before it is read.

`analyze --file` checks the size through corpus.read_plain_text before a byte is read; `analyze -` reads standard
input in pieces up to the configured limit (ADVISOR_INDEX_MAX_FILE_MB) and then stops with one clear line.
"""

from __future__ import annotations

import io
import resource
import sys

import pytest

from advisor.cli import main
from advisor.config import Settings
from advisor.corpus import read_plain_text
from advisor.errors import UnreadableDocument
from advisor.requirements import read_requirements_file


def _one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("advisor: error: ") and "Traceback" not in err, err[:2000]
    return lines[0]


@pytest.fixture()
def cli_env(tmp_path, monkeypatch):
    monkeypatch.setenv("ADVISOR_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ADVISOR_CONFIG", str(tmp_path / "no-such.toml"))
    monkeypatch.setenv("ADVISOR_INDEX_EMBEDDING_BACKEND", "hash")
    monkeypatch.setenv("ADVISOR_LLM_PROVIDER", "extractive")
    monkeypatch.chdir(tmp_path)
    return tmp_path


class _EndlessRequirements(io.RawIOBase):
    """A stdin that never ends; it fails the test if more than `allowed` bytes are ever asked of it."""

    def __init__(self, allowed: int):
        self.allowed = allowed
        self.served = 0
        self.line = "Vi skal kjøpe 25 stk Dell Latitude 5550 til kontoret.\n".encode()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.served > self.allowed:
            raise AssertionError(f"stdin read past the limit: {self.served} bytes served")
        n = len(buffer)
        chunk = (self.line * (n // len(self.line) + 1))[:n]
        buffer[:n] = chunk
        self.served += n
        return n


def test_analyze_stdin_stops_at_the_configured_limit(cli_env, capsys, monkeypatch):
    monkeypatch.setenv("ADVISOR_INDEX_MAX_FILE_MB", "1")
    endless = _EndlessRequirements(allowed=3_000_000)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(endless), encoding="utf-8"))
    assert main(["analyze", "-"]) == 2
    line = _one_error_line(capsys.readouterr().err)
    assert "standard input" in line and "1 MB" in line and "ADVISOR_INDEX_MAX_FILE_MB" in line
    assert endless.served <= 1_000_000 + (1 << 20) + 8192  # at most one piece past the limit


def test_rewrite_stdin_and_file_dash_have_the_same_limit(cli_env, capsys, monkeypatch):
    monkeypatch.setenv("ADVISOR_INDEX_MAX_FILE_MB", "1")
    for argv in (["rewrite", "-"], ["analyze", "--file", "-"]):
        endless = _EndlessRequirements(allowed=3_000_000)
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(endless), encoding="utf-8"))
        assert main(argv) == 2, argv
        assert "standard input" in _one_error_line(capsys.readouterr().err)


def test_analyze_stdin_under_the_limit_is_analyzed(cli_env, capsys, monkeypatch):
    data = "Vi skal kjøpe 25 stk Dell Latitude 5550.\nLøsningen skal redusere ventetiden med 20 prosent.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode()), encoding="utf-8"))
    assert main(["analyze", "-", "--json"]) == 0
    out = capsys.readouterr().out
    assert "Dell" in out and out.count('"solution_specific"') == 2


def test_analyze_file_of_2_gb_is_refused_before_it_is_read(cli_env, capsys):
    path = cli_env / "krav.txt"
    with path.open("wb") as handle:  # sparse: 2 GB on paper, nothing on disk
        handle.truncate(2_000_000_000)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert main(["analyze", "--file", str(path)]) == 2
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    line = _one_error_line(capsys.readouterr().err)
    assert "2000.0 MB" in line and "larger than the limit" in line and "krav.txt" in line
    assert after - before < 200_000  # ru_maxrss is in kB: reading the file would add about 2 000 000


def test_requirement_files_go_through_the_corpus_reader(cli_env):
    # read_requirements_file is corpus.read_plain_text with the index limits: the same messages, the same checks
    path = cli_env / "krav.md"
    with path.open("wb") as handle:
        handle.truncate(60_000_001)
    settings = Settings()
    with pytest.raises(UnreadableDocument) as direct:
        read_plain_text(path, int(settings.index.max_file_mb * 1e6), settings.index.max_pdf_pages)
    with pytest.raises(UnreadableDocument) as via_analyzer:
        read_requirements_file(path, settings)
    assert str(direct.value) == str(via_analyzer.value)
