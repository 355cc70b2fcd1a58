"""Eval suite "rewrite": are the rewrites of solution-specific requirements clean, complete and faithful?

Data: the solution-specific cases of evals/requirements.jsonl (tuning set) and evals/requirements_unseen.jsonl.
Each is rewritten with the chosen provider (default: the offline extractive drafter) and checked:

- pass_rate: the need statement and every requirement pass the analyzer (no medium or high finding);
- targets_kept_rate: every measurable target of the original (number with unit, percentage, temperature, count)
  appears in the rewrite; originals without targets count as kept, `targets_kept_rate_with_targets` leaves them out;
- need_statement_rate: the need statement is there and starts with «Vi har behov for»;
- requirement_count_rate: 2-5 functional/performance requirements;
- placeholder_need_rate / example_need_rate: how often the need statement is only the blank template, or was
  taken from a near-identical worked example (high values mean less own work by the drafter).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from advisor.errors import AdvisorError
from advisor.evaluation.analyze import TUNING_FILE, UNSEEN_FILE
from advisor.evaluation.suite import SuiteResult, read_jsonl
from advisor.requirements import find_matches


def check_rewrite(rewrite) -> dict[str, Any]:
    """The checks for one rewrite: analyzer pass, targets kept, need statement, number of requirements."""
    from advisor.rewrite import PLACEHOLDER_NEED, measurable_targets, missing_targets

    texts = [rewrite.need_statement, *rewrite.functional_requirements]
    flagged = [t for t in texts if any(h.severity != "low" for h in find_matches(t))]
    targets = measurable_targets(rewrite.original, find_matches(rewrite.original))
    lost = missing_targets(targets, texts)
    return {
        "passes": not flagged,
        "flagged": flagged,
        "targets": [t.text for t in targets],
        "targets_lost": [t.text for t in lost],
        "targets_kept": not lost,
        "has_need": rewrite.need_statement.startswith("Vi har behov for"),
        "count_ok": 2 <= len(rewrite.functional_requirements) <= 5,
        "placeholder_need": rewrite.need_statement == PLACEHOLDER_NEED,
        "example_need": any("hentet fra det lignende eksempelet" in n for n in rewrite.notes),
    }


def _rate(cases: list[dict[str, Any]], key: str) -> float:
    return sum(1 for c in cases if c[key]) / len(cases) if cases else 0.0


def run(settings, provider: str | None = None, progress: bool = True) -> SuiteResult:
    """Rewrite every solution-specific case of the analyze data sets and check the drafts."""
    from advisor.llm import check_provider
    from advisor.rewrite import rewrite_requirement

    started = time.perf_counter()
    chosen = check_provider(provider, settings)
    evals = Path(settings.evals_dir)
    sets = [("tuning", read_jsonl(evals / TUNING_FILE))]
    if (evals / UNSEEN_FILE).is_file():
        sets.append(("unseen", read_jsonl(evals / UNSEEN_FILE)))
    cases: list[dict[str, Any]] = []
    version = None
    for name, rows in sets:
        for row in rows:
            if not row.get("solution_specific"):
                continue
            text = row.get("text")
            if not isinstance(text, str) or not text.strip():
                raise AdvisorError(f"{name} case {row.get('id')}: text is missing")
            rewrite = rewrite_requirement(text, settings, provider=chosen)
            version = rewrite.prompt_version or version
            checks = check_rewrite(rewrite)
            ok = checks["passes"] and checks["targets_kept"] and checks["has_need"] and checks["count_ok"]
            cases.append({"id": row.get("id"), "set": name, "ok": ok, "text": text, **checks,
                          "need_statement": rewrite.need_statement, "requirements": rewrite.functional_requirements,
                          "examples_used": rewrite.examples_used})
    if not cases:
        raise AdvisorError(f"no solution-specific cases in {evals / TUNING_FILE}")
    with_targets = [c for c in cases if c["targets"]]
    metrics = {
        "cases": float(len(cases)),
        "pass_rate": _rate(cases, "passes"),
        "targets_kept_rate": _rate(cases, "targets_kept"),
        "targets_kept_rate_with_targets": _rate(with_targets, "targets_kept"),
        "cases_with_targets": float(len(with_targets)),
        "need_statement_rate": _rate(cases, "has_need"),
        "requirement_count_rate": _rate(cases, "count_ok"),
        "all_ok_rate": _rate(cases, "ok"),
        "placeholder_need_rate": _rate(cases, "placeholder_need"),
        "example_need_rate": _rate(cases, "example_need"),
    }
    tables = {
        "by_set": [
            {"set": name, "cases": len(group), "pass_rate": _rate(group, "passes"),
             "targets_kept_rate": _rate(group, "targets_kept"), "all_ok_rate": _rate(group, "ok")}
            for name in ("tuning", "unseen")
            if (group := [c for c in cases if c["set"] == name])
        ],
        "problems": [
            {"id": c["id"], "set": c["set"], "flagged": " | ".join(c["flagged"]), "targets_lost": ", ".join(c["targets_lost"]),
             "need": c["has_need"], "count_ok": c["count_ok"], "text": c["text"]}
            for c in cases if not c["ok"]
        ],
    }
    info = {"provider": chosen, "prompt_version": version,
            "note": "Rewrites of the solution-specific cases of requirements.jsonl (tuning) and requirements_unseen.jsonl."}
    return SuiteResult("rewrite", metrics, cases, tables, info, time.perf_counter() - started)
