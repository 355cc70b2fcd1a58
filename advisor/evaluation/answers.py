"""Answer suite: grounded, cited answers on evals/answers.jsonl, and refusals for what the sources do not cover.

Rows: {"id", "q", "lang", "in_scope": true, "gold_doc": id or [ids], "gold": phrase or [phrases], "category"}
for questions the corpus answers, {"id", "q", "lang", "in_scope": false, "category"} for ones it does not
(other law areas, other countries' thresholds, recipes, sports, general knowledge).

Metrics (all 0-1):
  citation_validity   share of answers whose citations all name a chunk of the index with its exact text, and
                      whose every [n] marker in the text has a citation (and every citation a marker, if grounded)
  answered_rate       in-scope questions answered with a grounded, cited answer
  gold_supported      in-scope questions where a cited passage of a gold document contains a gold phrase
  refusal_precision   refused answers that were out of scope
  refusal_recall      out-of-scope questions that were refused
  faithfulness        share of answer sentences whose content words are mostly (>= 60 %) in the passages the
                      sentence cites; a sentence without a marker counts as unsupported. Only quoted answers
                      (routes passage and llm): answer cards and rules verdicts are not quotes (see answer_text),
                      nor is the English lead line over a Norwegian quote (it names the source, quotes nothing)
"""

from __future__ import annotations

import re
import statistics
import time
from collections import defaultdict
from collections.abc import Sequence

from advisor.answer import EXTRACTIVE_VERSION, Answer, answer_prompt, split_sentences, strip_english_lead
from advisor.chat import ask
from advisor.config import Settings
from advisor.corpus import load_documents
from advisor.errors import AdvisorError
from advisor.evaluation.suite import SuiteResult, prf, read_jsonl
from advisor.llm import EXTRACTIVE, check_provider
from advisor.search import Index, ensure_index
from advisor.text import content_stems, text_terms

FAITHFUL_SHARE = 0.6
_MARKER = re.compile(r"\[(\d+)\]")
# An answer is cut after each group of markers ("... løsningen [1][2]."): each piece is one cited claim.
_AFTER_MARKERS = re.compile(r"((?:\s*\[\d+\])+[.!?…]?)\s+")


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("*", "")).strip().lower()


def check_rows(rows: list[dict], settings: Settings) -> None:
    """Fail on a malformed data set: unknown gold document, gold phrase not in it, missing fields, duplicate ids."""
    docs = {d.doc_id: _norm(d.text) for d in load_documents(settings)[0]}
    seen: set[str] = set()
    for row in rows:
        rid = row.get("id")
        if not rid or rid in seen:
            raise AdvisorError(f"answers.jsonl: missing or duplicate id {rid!r}")
        seen.add(rid)
        if not str(row.get("q", "")).strip() or not isinstance(row.get("in_scope"), bool):
            raise AdvisorError(f"answer case {rid}: needs a question 'q' and a boolean 'in_scope'")
        if not row["in_scope"]:
            continue
        gold_docs, phrases = _as_list(row.get("gold_doc")), _as_list(row.get("gold"))
        if not gold_docs or not phrases:
            raise AdvisorError(f"answer case {rid}: an in-scope case needs gold_doc and gold")
        for doc_id in gold_docs:
            if doc_id not in docs:
                raise AdvisorError(f"answer case {rid}: unknown gold_doc {doc_id!r}")
        if not any(_norm(p) in docs[d] for d in gold_docs for p in phrases):
            raise AdvisorError(f"answer case {rid}: no gold phrase {phrases!r} occurs in {gold_docs!r}")


def citation_problems(answer: Answer, index: Index) -> list[str]:
    """Why an answer's citations are not valid (empty when they are)."""
    problems = []
    numbers = [c.n for c in answer.citations]
    if len(set(numbers)) != len(numbers):
        problems.append("duplicate citation numbers")
    for c in answer.citations:
        position = index.positions.get(c.chunk_id)
        if position is None:
            problems.append(f"[{c.n}] cites unknown chunk {c.chunk_id}")
        elif index.chunks[position].text != c.text or index.chunks[position].doc_id != c.doc_id:
            problems.append(f"[{c.n}] text or document differs from chunk {c.chunk_id}")
    markers = {int(m) for m in _MARKER.findall(answer.text)}
    for n in sorted(markers - set(numbers)):
        problems.append(f"marker [{n}] has no citation")
    if answer.grounded:
        if not markers:
            problems.append("grounded answer without markers")
        for n in sorted(set(numbers) - markers - _note_markers(answer)):
            problems.append(f"citation [{n}] is never referred to")
    return problems


def _note_markers(answer: Answer) -> set[int]:
    return {int(m) for note in answer.notes for m in _MARKER.findall(note)}


def answer_sentences(text: str) -> list[str]:
    """The sentences of an answer; a sentence carries the markers that end it, sentences without one none."""
    pieces = _AFTER_MARKERS.split(text.strip())
    units = ["".join(pieces[i : i + 2]).strip() for i in range(0, len(pieces), 2)]
    out = []
    for unit in units:
        if unit:
            out.extend(split_sentences(unit))  # abbreviation-aware: "Meld. St. 30" stays whole
    return out


def sentence_support(answer: Answer) -> list[tuple[str, float]]:
    """(sentence, share of its content words found in the passages it cites) for each answer sentence."""
    by_n = {c.n: c for c in answer.citations}
    out = []
    for sentence in answer_sentences(strip_english_lead(answer.text)):
        cited = [by_n[int(n)] for n in _MARKER.findall(sentence) if int(n) in by_n]
        words = content_stems(_MARKER.sub("", sentence))
        if not cited or not words:
            out.append((sentence, 0.0 if not cited else 1.0))
            continue
        passages = frozenset().union(*(text_terms(f"{c.section}\n{c.text}") for c in cited))
        out.append((sentence, len(words & passages) / len(words)))
    return out


def gold_supported(answer: Answer, row: dict) -> bool:
    """True when a cited passage of a gold document contains one of the gold phrases."""
    gold_docs, phrases = set(_as_list(row.get("gold_doc"))), [_norm(p) for p in _as_list(row.get("gold"))]
    return any(c.doc_id in gold_docs and any(p in _norm(c.text) for p in phrases) for c in answer.citations)


def _cutoff_sweep(cases: Sequence[dict]) -> list[dict]:
    """Answered rate and refusal precision/recall if the cut-off were c, from each case's evidence strength."""
    rows = []
    for step in range(0, 17):
        cutoff = round(0.3 + 0.025 * step, 3)
        refused = [c["evidence"] < cutoff or not c["composed"] for c in cases]
        outside = [not c["in_scope"] for c in cases]
        tp = sum(r and o for r, o in zip(refused, outside, strict=True))
        fp = sum(r and not o for r, o in zip(refused, outside, strict=True))
        fn = sum(o and not r for r, o in zip(refused, outside, strict=True))
        inside = sum(not o for o in outside) or 1
        score = prf(tp, fp, fn)
        rows.append({"cutoff": cutoff, "answered_rate": (inside - fp) / inside if inside else 0.0,
                     "refusal_precision": score["precision"], "refusal_recall": score["recall"]})
    return rows


def run(settings: Settings, provider: str | None = None, progress: bool = True) -> SuiteResult:
    """Ask every question of evals/answers.jsonl through ask() on the shipped corpus index and score the answers."""
    from tqdm import tqdm

    started = time.perf_counter()
    chosen = check_provider(provider, settings)
    rows = read_jsonl(settings.evals_dir / "answers.jsonl")
    check_rows(rows, settings)
    index = ensure_index(settings, progress=progress)
    cases: list[dict] = []
    latencies: list[float] = []
    for row in tqdm(rows, desc="answers", disable=not progress, leave=False):
        t = time.perf_counter()
        answer = ask(row["q"], index, settings, provider=chosen)
        latencies.append(time.perf_counter() - t)
        problems = citation_problems(answer, index)
        # Word-overlap faithfulness is a check on quoted text: curated cards (reviewed paraphrases) and the rules
        # engine's verdicts are not quotes, and are checked by the answer_text suite instead.
        quoted = answer.grounded and answer.route not in ("card", "rules")
        support = sentence_support(answer) if quoted else []
        faithful = [share >= FAITHFUL_SHARE for _, share in support]
        case = {
            "id": row["id"], "q": row["q"], "lang": row.get("lang", "nb"), "category": row.get("category", "-"),
            "in_scope": row["in_scope"], "grounded": answer.grounded, "evidence": answer.evidence,
            # Refused although the evidence passed: the composer (or the model) found nothing to say.
            "composed": answer.grounded or answer.evidence < settings.answer.min_evidence,
            "citations": len(answer.citations), "cited_docs": sorted({c.doc_id for c in answer.citations}),
            "citation_problems": problems, "sentences": len(support), "faithful_sentences": sum(faithful),
            "faithfulness": sum(faithful) / len(faithful) if faithful else None,
            "unsupported": [s for s, share in support if share < FAITHFUL_SHARE],
            "answer": answer.text, "seconds": round(latencies[-1], 3), "route": answer.route,
        }
        if row["in_scope"]:
            case["gold_supported"] = answer.grounded and gold_supported(answer, row)
            case["ok"] = answer.grounded and case["gold_supported"] and not problems
        else:
            case["ok"] = not answer.grounded and not problems
        cases.append(case)

    inside = [c for c in cases if c["in_scope"]]
    outside = [c for c in cases if not c["in_scope"]]
    refusal = prf(sum(not c["grounded"] for c in outside), sum(not c["grounded"] for c in inside),
                  sum(c["grounded"] for c in outside))
    sentences = sum(c["sentences"] for c in cases)
    metrics = {
        "citation_validity": sum(not c["citation_problems"] for c in cases) / (len(cases) or 1),
        "answered_rate": sum(c["grounded"] for c in inside) / (len(inside) or 1),
        "gold_supported": sum(c["gold_supported"] for c in inside) / (len(inside) or 1),
        "refusal_precision": refusal["precision"],
        "refusal_recall": refusal["recall"],
        "faithfulness": sum(c["faithful_sentences"] for c in cases) / sentences if sentences else 0.0,
        "faithfulness_per_answer": statistics.fmean(
            [c["faithfulness"] for c in cases if c["faithfulness"] is not None] or [0.0]),
        "n": float(len(cases)),
        "n_in_scope": float(len(inside)),
        "n_out_of_scope": float(len(outside)),
        "latency_p50_ms": statistics.median(latencies) * 1000 if latencies else 0.0,
        "latency_p95_ms": _percentile(latencies, 95) * 1000,
    }
    tables: dict[str, list[dict]] = {"cutoff_sweep": _cutoff_sweep(cases)}
    for key in ("category", "lang"):
        groups: dict[str, list[dict]] = defaultdict(list)
        for case in cases:
            groups[f"{'in' if case['in_scope'] else 'out'}:{case[key]}"].append(case)
        tables[f"by_{key}"] = [
            {key: name, "n": len(group), "grounded_rate": sum(c["grounded"] for c in group) / len(group),
             "ok_rate": sum(c["ok"] for c in group) / len(group),
             "mean_evidence": round(statistics.fmean(c["evidence"] for c in group), 3)}
            for name, group in sorted(groups.items())
        ]
    in_ev = [c["evidence"] for c in inside]
    out_ev = [c["evidence"] for c in outside]
    info = {
        "provider": chosen, "prompt_version": _prompt_version(settings, chosen),
        "embedding_backend": settings.index.embedding_backend, "min_evidence": settings.answer.min_evidence,
        "evidence_in_scope_min": min(in_ev, default=None), "evidence_out_of_scope_max": max(out_ev, default=None),
        "faithful_share": FAITHFUL_SHARE, "chunks": len(index), "collection": index.collection_name,
        "targets": {"citation_validity": 1.0, "answered_rate": 0.9, "refusal_recall": 0.9},
    }
    return SuiteResult("answer", metrics, cases, tables, info, time.perf_counter() - started)


def _percentile(values: Sequence[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1))))
    return ordered[rank]


def _prompt_version(settings: Settings, provider: str) -> str:
    return EXTRACTIVE_VERSION if provider == EXTRACTIVE else answer_prompt(settings).version
