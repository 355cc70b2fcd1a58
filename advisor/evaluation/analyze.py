"""Eval suite "analyze": the requirement analyzer against labelled requirements.

Data sets, scored separately:
- evals/requirements.jsonl: the tuning set. The rules were developed against it, so its scores are optimistic.
- evals/requirements_unseen.jsonl: written after the rules were frozen and never used to change them; the honest figure.
- corpus/examples/requirements.yaml: the worked examples, labelled by their author (not by the analyzer's author);
  every example is solution-specific, so it measures recall and per-category agreement with another reviewer.

Each JSONL line: {"id", "text", "solution_specific": bool, "categories": [codes], "domain", "lang"}.

Labelling guide (the same for both files):
- solution_specific is true when the requirement names a brand, trademark, model or type; names a product where a
  function would do; prescribes a technology, platform, language, material, exact dimension, colour or working
  method without saying what it is for; describes today's solution ("samme som i dag"); or combines exact values
  that only one product meets. Need statements, outcome targets (also with numbers), bounds (minst/maks), references
  to standards, labels and universal-design rules are not.
- categories lists every category present, including a brand or platform named only for compatibility with what the
  buyer already has (those requirements are not solution_specific: the narrow exception may apply).
- missing_or_equivalent accompanies brand/model_type when «eller tilsvarende» (or equivalent) is absent; a brand
  used as a type («av typen Linak») is model_type, not brand; a trademark used as the product's name (iPad) is also
  product_named when the requirement acquires it.

Headline metrics (`precision`, `recall`, `f1`) are for solution_specific on the tuning set; `category.*` are micro
averages over the categories; `unseen.*` and `examples.*` are the same for the other sets.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from advisor.errors import AdvisorError
from advisor.evaluation.suite import SuiteResult, prf, read_jsonl
from advisor.requirements import FINDING_CATEGORIES, analyze_requirement
from advisor.rewrite import EXAMPLES_PATH, load_worked_examples

TUNING_FILE = "requirements.jsonl"
UNSEEN_FILE = "requirements_unseen.jsonl"


def _check_row(row: dict[str, Any], where: str) -> tuple[str, bool, set[str]]:
    text, expected, categories = row.get("text"), row.get("solution_specific"), row.get("categories")
    if not isinstance(text, str) or not text.strip() or not isinstance(expected, bool) or not isinstance(categories, list):
        raise AdvisorError(f"{where}: needs text (str), solution_specific (bool) and categories (list)")
    unknown = set(categories) - set(FINDING_CATEGORIES)
    if unknown:
        raise AdvisorError(f"{where}: unknown categories {sorted(unknown)}; known: {', '.join(FINDING_CATEGORIES)}")
    return text, expected, set(categories)


def score_rows(rows: list[dict[str, Any]], settings, source: str, set_name: str) -> list[dict[str, Any]]:
    """Analyze every labelled row; one result row per case with expected and predicted labels."""
    cases = []
    for number, row in enumerate(rows, start=1):
        case_id = str(row.get("id") or f"#{number}")
        text, expected, categories = _check_row(row, f"{source}: case {case_id}")
        analysis = analyze_requirement(text, settings)
        predicted = {f.category for f in analysis.findings}
        cases.append({
            "id": case_id,
            "set": set_name,
            "ok": analysis.solution_specific == expected and predicted == categories,
            "solution_specific_ok": analysis.solution_specific == expected,
            "expected": expected,
            "predicted": analysis.solution_specific,
            "score": analysis.score,
            "expected_categories": sorted(categories),
            "predicted_categories": sorted(predicted),
            "missed": sorted(categories - predicted),
            "extra": sorted(predicted - categories),
            "domain": row.get("domain", ""),
            "lang": row.get("lang", ""),
            "text": text,
        })
    return cases


def summarize(cases: list[dict[str, Any]]) -> tuple[dict[str, float], list[dict[str, Any]]]:
    """Solution-specific P/R/F1, micro category P/R/F1, and a per-category table."""
    tp = sum(1 for c in cases if c["expected"] and c["predicted"])
    fp = sum(1 for c in cases if not c["expected"] and c["predicted"])
    fn = sum(1 for c in cases if c["expected"] and not c["predicted"])
    metrics = dict(prf(tp, fp, fn))
    metrics["cases"] = float(len(cases))
    metrics["accuracy"] = sum(1 for c in cases if c["solution_specific_ok"]) / len(cases) if cases else 0.0
    table, totals = [], [0, 0, 0]
    for category in FINDING_CATEGORIES:
        ctp = sum(1 for c in cases if category in c["expected_categories"] and category in c["predicted_categories"])
        cfp = sum(1 for c in cases if category not in c["expected_categories"] and category in c["predicted_categories"])
        cfn = sum(1 for c in cases if category in c["expected_categories"] and category not in c["predicted_categories"])
        totals = [totals[0] + ctp, totals[1] + cfp, totals[2] + cfn]
        table.append({"category": category, "support": ctp + cfn, "tp": ctp, "fp": cfp, "fn": cfn, **prf(ctp, cfp, cfn)})
    for key, value in prf(*totals).items():
        metrics[f"category.{key}"] = value
    metrics["exact_match"] = sum(1 for c in cases if c["ok"]) / len(cases) if cases else 0.0
    return metrics, table


def example_rows(settings) -> list[dict[str, Any]]:
    """The rewriter's worked examples as labelled rows (all solution-specific); [] when the file is absent."""
    if not (Path(settings.corpus_dir) / EXAMPLES_PATH).is_file():
        return []
    return [{"id": e.id, "text": e.original, "solution_specific": True, "categories": list(e.problems),
             "domain": e.domain, "lang": "nb"} for e in load_worked_examples(settings)]


def run(settings, provider: str | None = None, progress: bool = True) -> SuiteResult:
    """Score the analyzer on the tuning set, the unseen set and the worked examples; `provider` is unused (rules only)."""
    started = time.perf_counter()
    evals = Path(settings.evals_dir)
    tuning_rows = read_jsonl(evals / TUNING_FILE)
    if not tuning_rows:
        raise AdvisorError(f"evaluation data {evals / TUNING_FILE} has no cases")
    sets = [("tuning", tuning_rows, str(evals / TUNING_FILE))]
    if (evals / UNSEEN_FILE).is_file():
        sets.append(("unseen", read_jsonl(evals / UNSEEN_FILE), str(evals / UNSEEN_FILE)))
    examples = example_rows(settings)
    if examples:
        sets.append(("examples", examples, str(Path(settings.corpus_dir) / EXAMPLES_PATH)))

    metrics: dict[str, float] = {}
    tables: dict[str, list[dict[str, Any]]] = {}
    all_cases: list[dict[str, Any]] = []
    for name, rows, source in sets:
        cases = score_rows(rows, settings, source, name)
        set_metrics, table = summarize(cases)
        prefix = "" if name == "tuning" else f"{name}."
        metrics.update({f"{prefix}{key}": value for key, value in set_metrics.items()})
        tables["categories" if name == "tuning" else f"categories_{name}"] = table
        all_cases.extend(cases)
    tables["errors"] = [
        {"id": c["id"], "set": c["set"], "expected": c["expected"], "predicted": c["predicted"],
         "missed": ", ".join(c["missed"]), "extra": ", ".join(c["extra"]), "text": c["text"]}
        for c in all_cases if not c["ok"]
    ]
    info = {
        "tuning_set": TUNING_FILE,
        "note": f"{TUNING_FILE} is the tuning set (rules developed against it; optimistic). {UNSEEN_FILE} was written "
                "after the rules were frozen and is the honest figure (metrics prefixed 'unseen.'). 'examples.' is "
                "agreement with the worked examples' own labels (another author; all solution-specific).",
        "sets": {name: len(rows) for name, rows, _ in sets},
        "headline": "precision/recall/f1 = solution_specific on the tuning set",
    }
    return SuiteResult("analyze", metrics, all_cases, tables, info, time.perf_counter() - started)
