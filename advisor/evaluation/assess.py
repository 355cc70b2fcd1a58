"""Eval suite "assess": the decision model against hand-written cases (evals/assessment.jsonl) and the case bank.

Each case gives an input and the expected part, whether the purchase is innovative, and the set of acceptable
procedures. The suite reports the accuracy of each, the share of cases with everything right, and rule coverage:
every rule of the model should be exercised by at least one case (unexercised rules are listed).
The case bank (corpus/cases/cases.yaml, written independently) is scored the same way when it exists.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from advisor.assessment import load_case_bank
from advisor.errors import AdvisorError
from advisor.evaluation.suite import SuiteResult, read_jsonl

DATA_FILE = "assessment.jsonl"
PARTS = ("below", "I", "II", "III")


def _expected(row: dict[str, Any], where: str) -> tuple[str, bool, list[str]]:
    """The expected part, innovative flag and acceptable procedures of one case; a malformed case names itself."""
    from advisor.assessment import PROCEDURES

    exp = row.get("expected")
    if not isinstance(exp, dict):
        raise AdvisorError(f"{where}: 'expected' must be a mapping")
    part, innovative = exp.get("part"), exp.get("innovative")
    procedures = exp.get("procedures", exp.get("acceptable_procedures"))
    if isinstance(procedures, str):
        procedures = [procedures]
    if not procedures and exp.get("procedure"):
        procedures = [exp["procedure"]]
    if part not in PARTS or not isinstance(innovative, bool) or not procedures:
        raise AdvisorError(f"{where}: expected needs part ({'/'.join(PARTS)}), innovative (bool) and procedures")
    unknown = [p for p in procedures if p not in PROCEDURES]
    if unknown:
        raise AdvisorError(f"{where}: unknown procedure(s) {unknown}; known: {', '.join(PROCEDURES)}")
    return part, innovative, list(procedures)


def score_cases(rows: list[dict[str, Any]], settings, source: str) -> tuple[list[dict[str, Any]], set[str]]:
    """Assess every case and compare with its expectation; returns per-case rows and the rules that fired."""
    from advisor.assessment import assess
    from advisor.errors import InvalidInput

    results: list[dict[str, Any]] = []
    fired: set[str] = set()
    for number, row in enumerate(rows, start=1):
        case_id = str(row.get("id") or f"#{number}")
        where = f"{source}: case {case_id}"
        part, innovative, procedures = _expected(row, where)
        try:
            a = assess(row.get("input") or {}, settings)
        except InvalidInput as exc:
            raise AdvisorError(f"{where}: {exc}") from exc
        fired.update(a.rules_fired)
        part_ok, innovative_ok, procedure_ok = a.part == part, a.innovative == innovative, a.procedure in procedures
        results.append({
            "id": case_id,
            "ok": part_ok and innovative_ok and procedure_ok,
            "part": a.part,
            "expected_part": part,
            "part_ok": part_ok,
            "innovative": a.innovative,
            "expected_innovative": innovative,
            "innovative_ok": innovative_ok,
            "procedure": a.procedure,
            "acceptable_procedures": procedures,
            "procedure_ok": procedure_ok,
            "provisional": a.provisional,
            "potential": a.innovation_potential,
            "rules": a.rules_fired,
            "note": row.get("note") or row.get("title") or "",
        })
    return results, fired


def score_text_extraction(bank: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per case key: how often free-text extraction from a case's `situation` matches the case's structured input.

    `given` counts cases where the key is set; `correct`/`wrong` count extracted values; a key that
    was not extracted becomes an assumption or a question, so a miss is safer than a wrong value.
    """
    from advisor.assessment import FIELDS, extract_case

    counts = {key: {"key": key, "given": 0, "correct": 0, "wrong": 0} for key in FIELDS if key != "need"}
    for row in bank:
        text, expected = row.get("situation"), row.get("input") or {}
        if not isinstance(text, str) or not text.strip():
            continue
        got = extract_case(text).values
        for key, entry in counts.items():
            if expected.get(key) is not None:
                entry["given"] += 1
            if key in got:
                entry["correct" if got[key] == expected.get(key) else "wrong"] += 1
    return [entry for entry in counts.values() if entry["given"] or entry["correct"] or entry["wrong"]]


def _rate(rows: list[dict[str, Any]], key: str) -> float:
    return sum(1 for r in rows if r[key]) / len(rows) if rows else 0.0


def run(settings, provider: str | None = None, progress: bool = True) -> SuiteResult:
    """Score the decision model on evals/assessment.jsonl (and the case bank); `provider` is unused (no LLM)."""
    from advisor.assessment import RULES, load_thresholds, model_version

    started = time.perf_counter()
    path = Path(settings.evals_dir) / DATA_FILE
    rows = read_jsonl(path)
    if not rows:
        raise AdvisorError(f"evaluation data {path} has no cases")
    cases, fired = score_cases(rows, settings, str(path))
    unexercised = [rule_id for rule_id in RULES if rule_id not in fired]
    metrics = {
        "cases": float(len(cases)),
        "part_accuracy": _rate(cases, "part_ok"),
        "innovative_accuracy": _rate(cases, "innovative_ok"),
        "procedure_accuracy": _rate(cases, "procedure_ok"),
        "all_correct": _rate(cases, "ok"),
        "rules": float(len(RULES)),
        "rule_coverage": (len(RULES) - len(unexercised)) / len(RULES),
        "rules_unexercised": float(len(unexercised)),
    }
    tables: dict[str, list[dict[str, Any]]] = {
        "by_part": [
            {"part": part, "cases": len(group), "all_correct": _rate(group, "ok")}
            for part in PARTS
            if (group := [c for c in cases if c["expected_part"] == part])
        ],
        "unexercised_rules": [{"rule": rule_id, "description": RULES[rule_id].description} for rule_id in unexercised],
        "rule_use": [{"rule": rule_id, "cases": sum(1 for c in cases if rule_id in c["rules"])} for rule_id in RULES],
    }
    bank = load_case_bank(settings)
    if bank:
        bank_cases, _ = score_cases(bank, settings, "corpus/cases/cases.yaml")
        metrics["case_bank_cases"] = float(len(bank_cases))
        metrics["case_bank_agreement"] = _rate(bank_cases, "ok")
        tables["case_bank"] = bank_cases
        extraction = score_text_extraction(bank)
        if extraction:
            tables["text_extraction"] = extraction
            found = sum(row["correct"] + row["wrong"] for row in extraction)
            given = sum(row["given"] for row in extraction)
            correct = sum(row["correct"] for row in extraction)
            metrics["text_extraction_precision"] = correct / found if found else 0.0
            metrics["text_extraction_recall"] = correct / given if given else 0.0
    return SuiteResult(
        suite="assess",
        metrics=metrics,
        cases=cases,
        tables=tables,
        info={
            "data": str(path),
            "model_version": model_version(),
            "thresholds_as_of": load_thresholds().as_of,
            "unexercised_rules": unexercised,
            "failures": [c["id"] for c in cases if not c["ok"]],
            "case_bank_disagreements": [c["id"] for c in tables.get("case_bank", []) if not c["ok"]],
        },
        seconds=time.perf_counter() - started,
    )
