"""Eval suite "analyze": the requirement analyzer against labelled requirements.

Data sets, scored separately:
- evals/requirements.jsonl: the tuning set. The rules were developed against it, so its scores are optimistic.
- evals/requirements_unseen.jsonl: written after the rules were frozen and never used to change them; the honest figure.
- evals/requirements_dev.jsonl: the development set, written blind by a separate writer who never saw the rules
  (2026-12-06); measured once before any rule change for it, used for tuning since (metrics prefixed `dev.`).
- evals/requirements_dev3.jsonl: a third set, written blind by yet another writer (wave 8); measured once before any rule
  change for it (the figures are in evals/README.md), used for tuning since (metrics prefixed `dev3.`).
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
averages over the categories; `unseen.*`, `dev.*` and `examples.*` are the same for the other sets.

Real notice text, labelled span by span (`real.*`, `real_unseen.*`, `real_unseen2.*`, `real_dev2.*`, `real_dev3.*`,
`real_dev4.*`, `real_dev5.*`, `real_dev6.*`, `real_dev7.*`):
- evals/requirements_real.jsonl (tuning) and evals/requirements_real_unseen.jsonl (frozen: written and committed
  before any rule was changed for it, never edited since). evals/requirements_real_unseen2.jsonl is a second frozen set
  (round three) from notices in neither file, sampled by a fixed seed (see evals/README.md). Sentences from the Doffin notices in
  ../shared/data/doffin/ (notice id kept in `notice`; contact data removed), split between the files by notice.
  evals/requirements_real_dev2.jsonl (`real_dev2.*`, seen): sentences from notices in none of those files, labelled
  and committed before the analyzer was first run on them, used for tuning since (see evals/README.md);
  evals/requirements_real_dev3.jsonl (`real_dev3.*`, seen, wave 9) and evals/requirements_real_dev4.jsonl
  (`real_dev4.*`, seen, wave 10; built by evals/build_real_dev4.py) the same from notices in none of the files before them;
  evals/requirements_real_dev5.jsonl (`real_dev5.*`, wave 11) and evals/requirements_real_dev6.jsonl (`real_dev6.*`,
  wave 12), built by evals/build_real_dev5.py and build_real_dev6.py, likewise; evals/requirements_real_dev7.jsonl
  (`real_dev7.*`, wave 13, evals/build_real_dev7.py) the same, with three sentences of NAV legacy XML.
- Each row: {"id", "notice", "source", "text", "spans": [{"start", "end", "text", "label", "category"}],
  "solution_specific", "domain"}. label "violation": a solution-specific reference in requirement position with
  no justification in the text (brand, product, intended supplier, origin, prescribed technology or material, a
  standard or label without «eller tilsvarende»); "hint": an exact technical value without function or tolerance
  (a low-severity finding is the right answer); "allowed": a named system, product or platform that the purchase
  must integrate with, maintain, license or replace, or that describes today's situation (no finding, or a
  low-severity note, is the right answer). Text that describes the procurement process (platforms, Doffin, KOFA),
  buyers, places, programmes, or asks the market is unlabelled: any finding there is a false positive.
- evals/requirements_synthetic.jsonl (tuning, `synthetic.*`): requirement sentences written in the same span format for
  the failure kinds of issue 17 that real notices hold too few of (brands outside the lexicon, «same as our other
  wards», materials, the intended supplier, exact values), with allowed decoys; notice is empty.
- Findings that overlap are merged into one mention (what the user reads as one marked span). A mention is a true
  positive when it overlaps a violation span with severity medium or high, or a hint span with any severity; a
  low-severity mention on a violation span is neither found nor a false alarm; a low mention on an allowed span is
  correct and not counted; every other mention is a false positive. Recall is over violation and hint spans.
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
DEV_FILE = "requirements_dev.jsonl"
DEV3_FILE = "requirements_dev3.jsonl"
REAL_FILE = "requirements_real.jsonl"
REAL_UNSEEN_FILE = "requirements_real_unseen.jsonl"
REAL_UNSEEN2_FILE = "requirements_real_unseen2.jsonl"
REAL_DEV2_FILE = "requirements_real_dev2.jsonl"
REAL_DEV3_FILE = "requirements_real_dev3.jsonl"
REAL_DEV4_FILE = "requirements_real_dev4.jsonl"
REAL_DEV5_FILE = "requirements_real_dev5.jsonl"
REAL_DEV6_FILE = "requirements_real_dev6.jsonl"
REAL_DEV7_FILE = "requirements_real_dev7.jsonl"
SYNTHETIC_FILE = "requirements_synthetic.jsonl"
SPAN_LABELS = ("violation", "hint", "allowed")


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


def _mentions(findings) -> list[tuple[int, int, str]]:
    """Overlapping findings merged into (start, end, highest severity): one marked span as the user reads it."""
    order = {"low": 0, "medium": 1, "high": 2}
    merged: list[list] = []
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        if merged and f.start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], f.end)
            if order[f.severity] > order[merged[-1][2]]:
                merged[-1][2] = f.severity
        else:
            merged.append([f.start, f.end, f.severity])
    return [(a, b, c) for a, b, c in merged]


def _mention_verdict(hit: list[dict[str, Any]], severity: str) -> str:
    """true, false, allowed_flagged or neutral for one mention, given the labelled spans it overlaps."""
    labels = {s["label"] for s in hit}
    strong = severity != "low"
    if "hint" in labels or ("violation" in labels and strong):
        return "true"
    if "violation" in labels:
        return "neutral"  # a low note on a real violation: not found, but not a false alarm either
    if "allowed" in labels:
        return "allowed_flagged" if strong else "neutral"
    return "false"


def _check_span_row(row: dict[str, Any], where: str) -> tuple[str, list[dict[str, Any]]]:
    text, spans = row.get("text"), row.get("spans")
    if not isinstance(text, str) or not text.strip() or not isinstance(spans, list):
        raise AdvisorError(f"{where}: needs text (str) and spans (list)")
    for span in spans:
        if span.get("label") not in SPAN_LABELS or text[span["start"]:span["end"]] != span.get("text"):
            raise AdvisorError(f"{where}: span {span!r} has an unknown label or does not match the text")
    return text, spans


def score_span_rows(rows: list[dict[str, Any]], settings, source: str, set_name: str) -> list[dict[str, Any]]:
    """Analyze every span-labelled row; per case the found, missed and false mentions."""
    cases = []
    for number, row in enumerate(rows, start=1):
        case_id = str(row.get("id") or f"#{number}")
        text, spans = _check_span_row(row, f"{source}: case {case_id}")
        analysis = analyze_requirement(text, settings)
        mentions = _mentions(analysis.findings)
        targets = [s for s in spans if s["label"] in {"violation", "hint"}]
        true_mentions, false, allowed_flagged = 0, [], []
        for start, end, severity in mentions:
            verdict = _mention_verdict([s for s in spans if s["start"] < end and start < s["end"]], severity)
            true_mentions += verdict == "true"
            if verdict in {"false", "allowed_flagged"}:
                false.append(text[start:end])
            if verdict == "allowed_flagged":
                allowed_flagged.append(text[start:end])
        found = [span["text"] for span in targets
                 if any(m[0] < span["end"] and span["start"] < m[1] and (m[2] != "low" or span["label"] == "hint")
                        for m in mentions)]
        missed = [span["text"] for span in targets if span["text"] not in found]
        cases.append({
            "id": case_id, "set": set_name, "notice": row.get("notice", ""),
            "ok": not missed and not false,
            "targets": len(targets), "found": found, "missed": missed, "false": false,
            "true_mentions": true_mentions, "allowed": sum(1 for s in spans if s["label"] == "allowed"),
            "allowed_flagged": allowed_flagged,
            "expected": bool(row.get("solution_specific")), "predicted": analysis.solution_specific,
            "categories": sorted({s["category"] for s in targets}),
            "predicted_categories": sorted({f.category for f in analysis.findings}),
            "domain": row.get("domain", ""), "text": text,
        })
    return cases


def summarize_spans(cases: list[dict[str, Any]]) -> tuple[dict[str, float], list[dict[str, Any]]]:
    """Mention precision, span recall, allowed spans left alone, and recall per labelled category."""
    tp = sum(c["true_mentions"] for c in cases)
    fp = sum(len(c["false"]) for c in cases)
    targets = sum(c["targets"] for c in cases)
    found = sum(len(c["found"]) for c in cases)
    allowed = sum(c["allowed"] for c in cases)
    metrics = {
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": found / targets if targets else 1.0,
        "spans": float(targets),
        "rows": float(len(cases)),
        "false_mentions": float(fp),
        "allowed_ok": 1 - sum(len(c["allowed_flagged"]) for c in cases) / allowed if allowed else 1.0,
        "solution_specific_accuracy": sum(1 for c in cases if c["expected"] == c["predicted"]) / len(cases) if cases else 0.0,
    }
    table = []
    for category in sorted({cat for c in cases for cat in c["categories"]}):
        group = [c for c in cases if category in c["categories"]]
        n = sum(c["targets"] for c in group)
        table.append({"category": category, "rows": len(group), "spans": n,
                      "found": sum(len(c["found"]) for c in group)})
    return metrics, table


def example_rows(settings) -> list[dict[str, Any]]:
    """The rewriter's worked examples as labelled rows (all solution-specific); [] when the file is absent."""
    if not (Path(settings.corpus_dir) / EXAMPLES_PATH).is_file():
        return []
    return [{"id": e.id, "text": e.original, "solution_specific": True, "categories": list(e.problems),
             "domain": e.domain, "lang": "nb"} for e in load_worked_examples(settings, labelled_only=True)]


def run(settings, provider: str | None = None, progress: bool = True) -> SuiteResult:
    """Score the analyzer on the tuning, unseen and dev sets (dev, dev3), the worked examples and the span-labelled sets; `provider`
    is unused (rules only)."""
    started = time.perf_counter()
    evals = Path(settings.evals_dir)
    tuning_rows = read_jsonl(evals / TUNING_FILE)
    if not tuning_rows:
        raise AdvisorError(f"evaluation data {evals / TUNING_FILE} has no cases")
    sets = [("tuning", tuning_rows, str(evals / TUNING_FILE))]
    if (evals / UNSEEN_FILE).is_file():
        sets.append(("unseen", read_jsonl(evals / UNSEEN_FILE), str(evals / UNSEEN_FILE)))
    for name, filename in (("dev", DEV_FILE), ("dev3", DEV3_FILE)):
        if (evals / filename).is_file():
            sets.append((name, read_jsonl(evals / filename), str(evals / filename)))
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
    for name, filename in (("real", REAL_FILE), ("real_unseen", REAL_UNSEEN_FILE),
                             ("real_unseen2", REAL_UNSEEN2_FILE), ("real_dev2", REAL_DEV2_FILE),
                             ("real_dev3", REAL_DEV3_FILE), ("real_dev4", REAL_DEV4_FILE),
                             ("real_dev5", REAL_DEV5_FILE), ("real_dev6", REAL_DEV6_FILE),
                             ("real_dev7", REAL_DEV7_FILE),
                             ("synthetic", SYNTHETIC_FILE)):
        if not (evals / filename).is_file():
            continue
        cases = score_span_rows(read_jsonl(evals / filename), settings, str(evals / filename), name)
        set_metrics, table = summarize_spans(cases)
        metrics.update({f"{name}.{key}": value for key, value in set_metrics.items()})
        tables[f"categories_{name}"] = table
        tables[f"errors_{name}"] = [
            {"id": c["id"], "notice": c["notice"], "missed": " | ".join(c["missed"]), "false": " | ".join(c["false"]),
             "text": c["text"]}
            for c in cases if not c["ok"]
        ]
        sets.append((name, cases, str(evals / filename)))
        all_cases.extend(cases)
    tables["errors"] = [
        {"id": c["id"], "set": c["set"], "expected": c["expected"], "predicted": c["predicted"],
         "missed": ", ".join(c["missed"]), "extra": ", ".join(c["extra"]), "text": c["text"]}
        for c in all_cases if not c["ok"] and "missed" in c and isinstance(c["missed"], list) and "expected_categories" in c
    ]
    info = {
        "tuning_set": TUNING_FILE,
        "note": f"{TUNING_FILE} is the tuning set (rules developed against it; optimistic). {UNSEEN_FILE} was written "
                "after the rules were frozen and is the honest figure (metrics prefixed 'unseen.'). 'dev.' is the "
                f"development set {DEV_FILE}, written blind by a separate writer (2026-12-06), tuned on since; 'dev3.' the "
                f"same for {DEV3_FILE} (another blind writer, wave 8). 'examples.' is "
                "agreement with the worked examples' own labels (another author; all solution-specific). 'real.' and "
                "'real_unseen.' are span-level scores on labelled sentences from real Doffin notices (real_unseen frozen); "
                "'real_unseen2.' is a second frozen real set from yet other notices (round three); 'real_dev2.', "
                "'real_dev3.', 'real_dev4.', 'real_dev5.', 'real_dev6.' and 'real_dev7.' development sets of real text from notices in no other file, labelled before "
                "they were first measured; "
                "'synthetic.' the same on written requirement sentences (tuning).",
        "sets": {name: len(rows) for name, rows, _ in sets},
        "headline": "precision/recall/f1 = solution_specific on the tuning set",
    }
    return SuiteResult("analyze", metrics, all_cases, tables, info, time.perf_counter() - started)
