"""Answer benchmark: latency of an extractive answer on the shipped corpus (retrieve + answer, warm), p50/p95.

Run: `.venv/bin/python benchmarks/answer.py [--rounds 3] [--provider extractive]`. Prints numbers only.

The questions are those of evals/answers.jsonl (in and out of scope). Each is asked once to warm the caches
(embedding model, sentence parsing, word frequencies), then `--rounds` more times through advisor.answer.ask, the
same path as the CLI and the app; the time of each call is measured. The share spent in retrieval (query embedding,
Chroma, BM25) is measured separately on the same questions. Target: p95 < 300 ms.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time

import numpy as np

from advisor.answer import answer_question
from advisor.chat import ask
from advisor.config import Settings
from advisor.evaluation.suite import read_jsonl
from advisor.search import ensure_index, retrieve
from advisor.text import detect_language, search_query

TARGET_P95_MS = 300.0


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="timed passes over the questions (default 3)")
    parser.add_argument("--provider", default="extractive", help="answer provider (default extractive)")
    args = parser.parse_args()

    settings = Settings()
    started = time.perf_counter()
    index = ensure_index(settings, progress=False)
    print(f"index: {len(index)} chunks, {settings.index.embedding_backend}, opened/built in {time.perf_counter() - started:.1f} s")
    questions = [row["q"] for row in read_jsonl(settings.evals_dir / "answers.jsonl")]

    for question in questions:  # warm-up
        ask(question, index, settings, provider=args.provider)

    total, retrieval, answering = [], [], []
    grounded = 0
    for _ in range(args.rounds):
        for question in questions:
            t0 = time.perf_counter()
            answer = ask(question, index, settings, provider=args.provider)
            total.append(time.perf_counter() - t0)
            grounded += answer.grounded
            t1 = time.perf_counter()
            hits = retrieve(search_query(question, detect_language(question)), index, settings)
            t2 = time.perf_counter()
            answer_question(question, hits, settings, provider=args.provider)
            t3 = time.perf_counter()
            retrieval.append(t2 - t1)
            answering.append(t3 - t2)

    p95 = pct(total, 95)
    print(f"questions: {len(questions)} x {args.rounds} rounds, provider {args.provider}, "
          f"grounded {grounded / len(total):.2f}")
    print(f"ask (retrieve + answer):  p50 {pct(total, 50):7.1f} ms   p95 {p95:7.1f} ms   "
          f"max {max(total) * 1000:7.1f} ms   target p95 < {TARGET_P95_MS:.0f} ms: {'met' if p95 < TARGET_P95_MS else 'MISSED'}")
    print(f"  retrieve only:          p50 {pct(retrieval, 50):7.1f} ms   p95 {pct(retrieval, 95):7.1f} ms")
    print(f"  answer_question only:   p50 {pct(answering, 50):7.1f} ms   p95 {pct(answering, 95):7.1f} ms   "
          f"mean {statistics.fmean(answering) * 1000:.1f} ms")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
