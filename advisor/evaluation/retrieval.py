"""Retrieval suite: hit@1, hit@5 and MRR@10 for BM25, dense and hybrid on evals/retrieval.jsonl.

A hit is a returned chunk of the gold document whose character span overlaps a place of the gold phrase in
that document (every place: a white paper repeats its summary sentences), so a phrase that straddles two
overlapping chunks counts for either. A case may list judged alternatives (`alt`): another document that states
the same fact (a guidance note restating the white paper), each with its own phrase and the reason it was accepted.

Two sets, reported separately:
- evals/retrieval.jsonl (seen): tuned on; the plain metric names (`hybrid.hit@5`, ...).
- evals/retrieval_unseen.jsonl: written the way buyers ask (bokmål, nynorsk, English) and committed before the
  reranker was built, frozen (its SHA-256 is in tests/evaluation/test_retrieval_unseen.py) and never tuned on; the
  `unseen.*` figures.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict

from advisor.config import Settings
from advisor.corpus import Document, load_documents
from advisor.errors import AdvisorError
from advisor.evaluation.suite import SuiteResult, read_jsonl
from advisor.search import Index, LexicalIndex, build_index, open_index, retrieve

MODES = ("bm25", "dense", "hybrid")
DEPTH = 10
SEEN_FILE = "retrieval.jsonl"
UNSEEN_FILE = "retrieval_unseen.jsonl"


def gold_span(doc: Document, phrase: str) -> tuple[int, int] | None:
    """Where a gold phrase first sits in a document's text (case- and whitespace-insensitive), or None."""
    spans = gold_spans(doc, phrase)
    return spans[0] if spans else None


def gold_spans(doc: Document, phrase: str) -> list[tuple[int, int]]:
    """Every place a gold phrase sits in a document (a white paper repeats its summary sentences)."""
    words = [re.escape(w) for w in phrase.split()]
    if not words:
        return []
    return [(m.start(), m.end()) for m in re.finditer(r"[\s*_]+".join(words), doc.text, flags=re.IGNORECASE)]


def _rank_of_gold(ranked: list, golds: list[tuple[str, tuple[int, int]]]) -> int | None:
    for rank, chunk in enumerate(ranked, start=1):
        if any(chunk.doc_id == doc_id and chunk.start < span[1] and span[0] < chunk.end for doc_id, span in golds):
            return rank
    return None


def _golds(row: dict, docs: dict[str, Document]) -> list[tuple[str, tuple[int, int]]]:
    """The gold passages of a case: every place of its phrase in its document, plus the judged alternatives
    (`alt`: another document that states the same fact, each with its own phrase and the reason it was accepted)."""
    golds = []
    for gold in [{"doc_id": row["doc_id"], "gold": row["gold"]}, *row.get("alt", [])]:
        doc = docs.get(gold["doc_id"])
        if doc is None:
            raise AdvisorError(f"retrieval case {row['id']}: unknown doc_id {gold['doc_id']!r}")
        spans = gold_spans(doc, gold["gold"])
        if not spans:
            raise AdvisorError(f"retrieval case {row['id']}: gold phrase {gold['gold']!r} not found in {gold['doc_id']}")
        golds += [(gold["doc_id"], span) for span in spans]
    return golds


def _metrics(ranks: list[int | None]) -> dict[str, float]:
    n = len(ranks) or 1
    return {
        "hit@1": sum(1 for r in ranks if r == 1) / n,
        "hit@5": sum(1 for r in ranks if r is not None and r <= 5) / n,
        "mrr@10": sum(1.0 / r for r in ranks if r is not None and r <= DEPTH) / n,
    }


def evaluate_index(index: Index, settings: Settings, rows: list[dict], docs: dict[str, Document],
                   progress: bool = False) -> tuple[dict[str, dict[str, float]], list[dict]]:
    """Per-mode metrics and per-case rows for one open index."""
    from tqdm import tqdm

    ranks: dict[str, list[int | None]] = {m: [] for m in MODES}
    cases = []
    for row in tqdm(rows, desc="retrieval", disable=not progress, leave=False):
        golds = _golds(row, docs)
        case = {"id": row["id"], "q": row["q"], "lang": row.get("lang", "nb"), "category": row.get("category", ""),
                "doc_id": row["doc_id"]}
        for mode in MODES:
            hits = retrieve(row["q"], index, settings, top_k=DEPTH, mode=mode)
            rank = _rank_of_gold([h.chunk for h in hits], golds)
            ranks[mode].append(rank)
            case[f"{mode}_rank"] = rank
            if mode == "hybrid":
                # Looser view: is any passage of the gold document among the top 5 (what an answer would see)?
                case["hybrid_doc_in_top5"] = any(h.doc_id == row["doc_id"] for h in hits[:5])
        case["ok"] = case["hybrid_rank"] is not None and case["hybrid_rank"] <= 5
        cases.append(case)
    return {mode: _metrics(r) for mode, r in ranks.items()}, cases


def bm25_ablation(index: Index, settings: Settings, rows: list[dict], docs: dict[str, Document]) -> dict[str, float]:
    """BM25 metrics without compound splitting, on the same chunks: what decompounding is worth."""
    plain = LexicalIndex([c.search_text() for c in index.chunks], decompound=False)
    ranks = []
    for row in rows:
        found = plain.search(row["q"], DEPTH)
        ranks.append(_rank_of_gold([index.chunks[i] for i, _ in found], _golds(row, docs)))
    return _metrics(ranks)


def run(settings: Settings, provider: str | None = None, progress: bool = True) -> SuiteResult:
    """Run the retrieval suite on the shipped corpus index (built first if missing)."""
    started = time.perf_counter()
    rows = read_jsonl(settings.evals_dir / SEEN_FILE)
    unseen_path = settings.evals_dir / UNSEEN_FILE
    unseen_rows = read_jsonl(unseen_path) if unseen_path.is_file() else []
    # Bring the index up to date first (incremental: about 0.01 s when nothing changed) so a stale build is never measured.
    build_index(settings, progress=progress)
    index = open_index(settings)
    docs = {d.doc_id: d for d in load_documents(settings)[0]}
    per_mode, cases = evaluate_index(index, settings, rows, docs, progress)
    metrics = {f"{mode}.{name}": value for mode, values in per_mode.items() for name, value in values.items()}
    metrics["hybrid.doc_hit@5"] = sum(c["hybrid_doc_in_top5"] for c in cases) / (len(cases) or 1)
    ablation = bm25_ablation(index, settings, rows, docs)
    metrics.update({f"bm25_no_decompound.{k}": v for k, v in ablation.items()})
    metrics["n"] = float(len(rows))
    tables = _tables(cases)
    cases = [{**c, "set": "seen"} for c in cases]
    if unseen_rows:
        unseen_mode, unseen_cases = evaluate_index(index, settings, unseen_rows, docs, progress)
        metrics.update({f"unseen.{mode}.{name}": value for mode, values in unseen_mode.items() for name, value in values.items()})
        metrics["unseen.hybrid.doc_hit@5"] = sum(c["hybrid_doc_in_top5"] for c in unseen_cases) / len(unseen_cases)
        tables.update({f"unseen_{name}": table for name, table in _tables(unseen_cases).items()})
        cases += [{**c, "set": "unseen"} for c in unseen_cases]
    metrics["n_unseen"] = float(len(unseen_rows))
    info = {"embedding_backend": settings.index.embedding_backend, "chunks": len(index), "collection": index.collection_name,
            "rrf_k": settings.retrieval.rrf_k, "dense_weight": settings.retrieval.dense_weight, "bm25_weight": settings.retrieval.bm25_weight,
            "rerank": settings.retrieval.rerank, "rerank_depth": settings.retrieval.rerank_depth,
            "note": "unseen.* is the frozen set evals/retrieval_unseen.jsonl (never used for tuning)"}
    return SuiteResult("retrieval", metrics, cases, tables, info, time.perf_counter() - started)


def _tables(cases: list[dict]) -> dict[str, list[dict]]:
    """Per-language and per-category hit@5 of each mode and hybrid MRR@10."""
    tables: dict[str, list[dict]] = {}
    for key in ("lang", "category"):
        groups: dict[str, list[dict]] = defaultdict(list)
        for case in cases:
            groups[case[key] or "-"].append(case)
        tables[f"by_{key}"] = [
            {key: name, "n": len(group),
             **{f"{m}.hit@5": _metrics([c[f"{m}_rank"] for c in group])["hit@5"] for m in MODES},
             "hybrid.hit@1": _metrics([c["hybrid_rank"] for c in group])["hit@1"],
             "hybrid.mrr@10": _metrics([c["hybrid_rank"] for c in group])["mrr@10"]}
            for name, group in sorted(groups.items())
        ]
    return tables
