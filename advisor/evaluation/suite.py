"""Evaluation suites: each measures one job of the assistant on a data set in evals/.

A suite is a module advisor.evaluation.<name> with `run(settings, provider=None, progress=True) -> SuiteResult`.
The runner (`advisor eval`) looks suites up in SUITES, so adding one is adding a module and a line here.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from advisor.errors import AdvisorError, InvalidInput

# suite name -> module under advisor.evaluation
SUITES: dict[str, str] = {
    "retrieval": "retrieval",
    "answer": "answers",
    "answer_text": "answer_text",
    "analyze": "analyze",
    "rewrite": "rewrite",
    "assess": "assess",
    "similar": "similar",
}


@dataclass
class SuiteResult:
    """What one suite measured: headline metrics, per-case rows, and the targets it is held to."""

    suite: str
    metrics: dict[str, float]
    cases: list[dict[str, Any]] = field(default_factory=list)
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    info: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0


def run_suite(name: str, settings, provider: str | None = None, progress: bool = True) -> SuiteResult:
    """Run one suite by name."""
    if name not in SUITES:
        raise InvalidInput("suite", name, " | ".join([*SUITES, "all"]))
    module = importlib.import_module(f"advisor.evaluation.{SUITES[name]}")
    return module.run(settings, provider=provider, progress=progress)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Rows of a JSONL data set; a broken line names the file and line number."""
    if not path.is_file():
        raise AdvisorError(f"evaluation data {path} is missing")
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise AdvisorError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
    return rows


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 from counts (1.0 where nothing was expected and nothing found)."""
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}
