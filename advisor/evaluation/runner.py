"""Run evaluation suites and record what they ran on: the first step of `advisor eval`.

    names = suite_names(args.suite)                    # --suite values -> suites in registry order
    runs  = run_suites(settings, names, provider)      # a suite raising AdvisorError is recorded, not fatal

The metadata helpers (git_state, prompt_versions, corpus_version, dataset_versions) say which code, prompts, corpus
and data a run measured; report.run_metadata puts them into the report. The rest of the flow: gates.py (limits from
evals/gates.toml and the check), report.py (the Report, `evaluate`, the terminal table), report_files.py and
plots.py (report.md, report.json, charts), compare.py (two reports side by side).
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from advisor.config import PROJECT_ROOT, Settings
from advisor.errors import AdvisorError, InvalidInput
from advisor.evaluation.suite import SUITES, SuiteResult, run_suite

SuiteFn = Callable[..., SuiteResult]


# --- running ----------------------------------------------------------------------------------------------


@dataclass
class SuiteRun:
    """One suite's outcome in a run: its result, or the error message that stopped it, and the wall time."""

    suite: str
    result: SuiteResult | None
    error: str | None
    seconds: float

    @property
    def ok(self) -> bool:
        """Did the suite run to the end?"""
        return self.error is None and self.result is not None


def suite_names(selected: Sequence[str] | None) -> list[str]:
    """The suites to run from --suite values ("all" or none = every suite), in registry order, without repeats."""
    chosen = list(selected or ["all"])
    for name in chosen:
        if name != "all" and name not in SUITES:
            raise InvalidInput("suite", name, " | ".join([*SUITES, "all"]))
    if "all" in chosen:
        return list(SUITES)
    return [name for name in SUITES if name in chosen]


def _run_one(name: str, settings: Settings, provider: str | None, progress: bool,
             runners: Mapping[str, SuiteFn] | None) -> SuiteRun:
    started = time.perf_counter()
    try:
        if runners is not None:
            result = runners[name](settings, provider=provider, progress=progress)
        else:
            result = run_suite(name, settings, provider=provider, progress=progress)
    except AdvisorError as exc:
        return SuiteRun(name, None, str(exc) or type(exc).__name__, time.perf_counter() - started)
    except ModuleNotFoundError as exc:
        # Only the suite's own module being absent is "not available"; a missing dependency inside it is a bug.
        if exc.name != f"advisor.evaluation.{SUITES[name]}":
            raise
        return SuiteRun(name, None, f"suite not available: module {exc.name} does not exist",
                        time.perf_counter() - started)
    return SuiteRun(name, result, None, time.perf_counter() - started)


def run_suites(settings: Settings, names: Sequence[str], provider: str | None = None, progress: bool = False,
               runners: Mapping[str, SuiteFn] | None = None) -> list[SuiteRun]:
    """Run the named suites one after the other; a suite raising AdvisorError is recorded as failed, the rest still run.

    `runners` maps suite names to functions with the suite signature; by default the modules in SUITES are used.
    """
    from tqdm import tqdm

    runs = []
    bar = tqdm(list(names), desc="eval", unit="suite", file=sys.stderr, disable=not progress or len(names) < 2)
    for name in bar:
        bar.set_postfix_str(name)
        runs.append(_run_one(name, settings, provider, progress, runners))
    bar.close()
    return runs


# --- metadata ---------------------------------------------------------------------------------------------


def _git(*args: str) -> str | None:
    try:
        done = subprocess.run(["git", "--no-optional-locks", "-C", str(PROJECT_ROOT), *args],
                              capture_output=True, text=True, timeout=10, check=True)
    except (OSError, subprocess.CalledProcessError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip()


def git_state() -> dict[str, Any]:
    """The checked-out commit (short hash) and whether the tree has uncommitted changes; None without git."""
    commit = _git("rev-parse", "--short", "HEAD")
    if not commit:
        return {"commit": None, "dirty": None}
    status = _git("status", "--porcelain")
    return {"commit": commit, "dirty": None if status is None else bool(status)}


def prompt_versions(prompts_dir: Path) -> dict[str, str]:
    """Version hash of every prompts/*.md file, by prompt name."""
    from advisor.llm import load_prompt

    versions: dict[str, str] = {}
    for path in sorted(prompts_dir.glob("*.md")) if prompts_dir.is_dir() else []:
        try:
            versions[path.stem] = load_prompt(path.stem, prompts_dir).version
        except UnicodeDecodeError:
            versions[path.stem] = "unreadable:" + hashlib.sha256(path.read_bytes()).hexdigest()[:10]
    return versions


def _tree_files(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*")
                  if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts))


def corpus_version(settings: Settings) -> dict[str, Any]:
    """A content hash of every corpus file (manifest, seeds, notes, examples, cases) and of uploaded documents."""
    digest = hashlib.sha256()
    count = 0
    for label, root in (("corpus", settings.corpus_dir), ("uploads", settings.uploads_dir)):
        for path in _tree_files(root):
            content = hashlib.sha256(path.read_bytes()).hexdigest()
            digest.update(f"{label}/{path.relative_to(root).as_posix()}\x1f{content}\n".encode())
            count += 1
    has_manifest = (settings.corpus_dir / "manifest.yaml").is_file()
    return {"version": digest.hexdigest()[:12] if count else None, "files": count, "manifest": has_manifest}


def dataset_versions(evals_dir: Path) -> dict[str, dict[str, Any]]:
    """Rows and content hash of every evals/*.jsonl data set."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(evals_dir.glob("*.jsonl")) if evals_dir.is_dir() else []:
        raw = path.read_bytes()
        rows = sum(1 for line in raw.splitlines() if line.strip())
        out[path.name] = {"rows": rows, "sha256": hashlib.sha256(raw).hexdigest()[:12]}
    return out
