"""The limits a run is held to (evals/gates.toml) and the check of a run against them.

    limits = load_limits(path, provider)    # floors/ceilings (gated) and targets (shown) per suite
    gates      = check_gates(runs, limits)      # one Gate per gated metric, failed suite or suite without floors

A floor is a regression gate: the run fails when a metric is below it or missing (a renamed metric must not
pass silently). A ceiling is the same for metrics where lower is better. A target is where the metric should get
to; it is shown next to the value but not gated.
"""

from __future__ import annotations

import hashlib
import math
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from advisor.errors import AdvisorError
from advisor.evaluation.runner import SuiteRun
from advisor.evaluation.suite import SUITES

LIMITS_FILE = "gates.toml"
# Floors are compared with this slack so that 19/20 >= 0.95 holds despite float rounding.
EPS = 1e-9
SUITE_ROW = "(suite)"
FLOORS_ROW = "(floors)"


# --- metric values ----------------------------------------------------------------------------------------

_COUNT_NAME = re.compile(
    r"(^|[._])(n|count|cases|rules|chunks|support)$|(^|[._])(n|cases)_|_(count|cases|unexercised|n)$"
)


def is_count(metric: str) -> bool:
    """Metrics named like counts (n, cases, rules_unexercised) are shown as integers and not plotted as rates."""
    return bool(_COUNT_NAME.search(metric))


def format_value(metric: str, value: float | None) -> str:
    """A metric value for a table cell: "-" when missing, "nan", whole counts as integers, else 3 decimals."""
    if value is None:
        return "-"
    if isinstance(value, float) and math.isnan(value):
        return "nan"
    if is_count(metric) and float(value).is_integer():
        return str(int(value))
    return f"{value:.3f}"


# --- limits -------------------------------------------------------------------------------------------


BOUND_KEYS = frozenset({"floor", "ceiling", "target"})


@dataclass(frozen=True)
class Bound:
    """What one metric is held to: a floor and/or a ceiling (gated; None = none) and a target (shown only)."""

    floor: float | None
    target: float | None = None
    ceiling: float | None = None

    @property
    def is_gated(self) -> bool:
        """Does the check look at this metric?"""
        return self.floor is not None or self.ceiling is not None

    def problem(self, value: float) -> str | None:
        """Why a value breaks this bound ("below floor", "above ceiling"), or None when it keeps it."""
        if self.floor is not None and value < self.floor - EPS:
            return "below floor"
        if self.ceiling is not None and value > self.ceiling + EPS:
            return "above ceiling"
        return None

    def limit_text(self, metric: str) -> str:
        """The gated limit for a table cell: "0.900", "max 0.100", or "-" when not gated."""
        parts = []
        if self.floor is not None:
            parts.append(format_value(metric, self.floor))
        if self.ceiling is not None:
            parts.append(f"max {format_value(metric, self.ceiling)}")
        return " ".join(parts) or "-"


@dataclass(frozen=True)
class Limits:
    """Floors, ceilings and targets per suite and metric, with a provider's own table already merged in."""

    bounds: dict[str, dict[str, Bound]]
    path: str | None = None
    provider: str | None = None  # the provider whose [suite.<provider>] tables were merged in, if any
    sha256: str | None = None

    def for_suite(self, suite: str) -> dict[str, Bound]:
        """The bounds of one suite (empty when the file has none)."""
        return self.bounds.get(suite, {})

    def bound(self, suite: str, metric: str) -> Bound | None:
        """The bound of one metric, or None when the file says nothing about it."""
        return self.for_suite(suite).get(metric)


def _number(value: Any, where: str) -> float:
    # TOML booleans are ints to Python: `floor = true` is a typo, not 1.0.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise AdvisorError(f"{where}: expected a number, got {value!r}")
    return float(value)


def _parse_bound(value: Any, where: str) -> Bound:
    if isinstance(value, dict):
        if not value:
            raise AdvisorError(f"{where}: give a floor, a ceiling and/or a target")
        numbers = {key: _number(value[key], f"{where}.{key}") if key in value else None for key in BOUND_KEYS}
        bound = Bound(numbers["floor"], numbers["target"], numbers["ceiling"])
        if bound.floor is not None and bound.ceiling is not None and bound.floor > bound.ceiling:
            raise AdvisorError(f"{where}: floor {bound.floor} is above ceiling {bound.ceiling}")
        return bound
    return Bound(_number(value, where))


def load_limits(path: Path, provider: str | None = None) -> Limits:
    """Read gates.toml: [suite] metric = floor | {floor, ceiling, target}; [suite.<provider>] overrides."""
    from advisor.llm import KNOWN_PROVIDERS

    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise AdvisorError(f"limits file {path} is missing: create it (see evals/README.md)") from exc
    except OSError as exc:
        raise AdvisorError(f"cannot read limits file {path}: {exc.strerror}") from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise AdvisorError(f"limits file {path} is not valid TOML: {exc}") from exc
    bounds: dict[str, dict[str, Bound]] = {}
    applied: str | None = None  # set when some [suite.<provider>] table matched
    for suite, table in data.items():
        if suite not in SUITES:
            raise AdvisorError(f"{path}: unknown suite [{suite}]; known: {', '.join(SUITES)}")
        if not isinstance(table, dict):
            raise AdvisorError(f"{path}: {suite} must be a table ([{suite}])")
        base: dict[str, Bound] = {}
        overrides: dict[str, dict[str, Bound]] = {}
        for key, value in table.items():
            where = f"{path}: [{suite}] {key}"
            if key in KNOWN_PROVIDERS and isinstance(value, dict):
                overrides[key] = {}
                for metric, inner in value.items():
                    if isinstance(inner, dict) and not set(inner) <= BOUND_KEYS:
                        raise AdvisorError(f"{path}: [{suite}.{key}] {metric}: provider tables cannot nest")
                    overrides[key][metric] = _parse_bound(inner, f"{path}: [{suite}.{key}] {metric}")
            elif isinstance(value, dict) and not set(value) <= BOUND_KEYS:
                # `x = { minimum = 0.9 }` and `[suite.gpt] x = 0.9` look alike to TOML: one message for both.
                raise AdvisorError(
                    f"{where}: unknown key(s) {sorted(set(value) - BOUND_KEYS)}; a bound takes floor, ceiling and/or "
                    f"target, and a provider table is named after a provider ({', '.join(KNOWN_PROVIDERS)})"
                )
            else:
                base[key] = _parse_bound(value, where)
        if provider and provider in overrides:
            base.update(overrides[provider])
            applied = provider
        bounds[suite] = base
    return Limits(bounds, str(path), applied, hashlib.sha256(raw).hexdigest()[:12])


NO_LIMITS = Limits({})


# --- gates ------------------------------------------------------------------------------------------------


@dataclass
class Gate:
    """One check of a run against a floor and/or ceiling; `reason` says why it passed or failed."""

    suite: str
    metric: str
    value: float | None
    floor: float | None
    passed: bool
    reason: str
    ceiling: float | None = None

    def describe(self) -> str:
        """One line for the terminal: which suite and metric, and why it failed or passed."""
        if self.metric in (SUITE_ROW, FLOORS_ROW):
            return f"{self.suite}: {self.reason}"
        if self.value is None:
            return f"{self.suite} {self.metric}: {self.reason}"
        shown = f"{self.suite} {self.metric} = {format_value(self.metric, self.value)}"
        if self.reason == "above ceiling":
            return f"{shown} > ceiling {format_value(self.metric, self.ceiling)}"
        if self.reason == "below floor":
            return f"{shown} < floor {format_value(self.metric, self.floor)}"
        limits = Bound(self.floor, None, self.ceiling).limit_text(self.metric)
        return f"{shown} within {limits}" if self.passed else f"{shown}: {self.reason}"


def check_gates(runs: Sequence[SuiteRun], limits: Limits) -> list[Gate]:
    """Hold every run to its limits: a metric below its floor or above its ceiling, a missing metric, a failed
    suite or a suite without any limit fails."""
    gates: list[Gate] = []
    for run in runs:
        gated = {m: b for m, b in limits.for_suite(run.suite).items() if b.is_gated}
        if not run.ok:
            gates.append(Gate(run.suite, SUITE_ROW, None, None, False, f"suite failed: {run.error}"))
            continue
        if not gated:
            where = limits.path or LIMITS_FILE
            gates.append(Gate(run.suite, FLOORS_ROW, None, None, False, f"no floors for this suite in {where}"))
            continue
        assert run.result is not None
        for metric, bound in gated.items():
            value = run.result.metrics.get(metric)
            if value is None:
                reason, shown = "metric missing", None
            elif isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
                reason, shown = f"not a number: {value!r}", None
            else:
                shown = float(value)
                reason = bound.problem(shown) or "ok"
            gates.append(Gate(run.suite, metric, shown, bound.floor, reason == "ok", reason, bound.ceiling))
    return gates
