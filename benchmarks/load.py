"""Load test: simulated users asking questions through the app's own functions while an admin re-indexes.

Each simulated user loops for the duration: ask a question (the same `ask` the app calls, extractive provider),
sometimes a follow-up with history, sometimes thumbs up/down into the feedback store. Halfway, an admin uploads
a note and re-indexes; users then switch to the new index the way the app does (reopen after the swap). Every
operation's latency and every exception are recorded. Bounded: it stops after --seconds.

Run: `.venv/bin/python benchmarks/load.py [--users 20] [--seconds 60] [--backend e5]`. Prints p50/p95 latency, the
error count and the feedback rows written and stored. tests/test_load.py runs a short version on every `make test`.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from advisor.chat import ask
from advisor.config import Settings
from advisor.evaluation.suite import read_jsonl
from advisor.feedback import FeedbackStore, feedback_path
from advisor.search import build_index, open_index


class SharedIndex:
    """What st.cache_resource gives the app: one open index, replaced after a re-index."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._index = open_index(settings)

    def get(self):
        with self._lock:
            return self._index

    def reload(self) -> None:
        fresh = open_index(self.settings)
        with self._lock:
            self._index = fresh


@dataclass
class LoadResult:
    """What a load run measured: latencies per operation kind, every error, and the feedback rows written/stored."""

    users: int
    wall_s: float
    chunks: int
    latencies: dict[str, list[float]]
    errors: list[str]
    feedback_written: int
    feedback_stored: int
    reindexed: bool


def run_load(settings: Settings, users: int = 20, seconds: float = 60.0) -> LoadResult:
    """Simulated users asking and giving feedback for `seconds`, with an admin re-index halfway (see module doc)."""
    home = settings.home
    build_index(settings, progress=False)
    shared = SharedIndex(settings)
    store = FeedbackStore(feedback_path(settings))
    before = len(store.entries())
    questions = [r["q"] for r in read_jsonl(settings.evals_dir / "retrieval.jsonl")]
    questions += [r["q"] for r in read_jsonl(settings.evals_dir / "answers.jsonl")]
    follow_ups = ["og hva med for kommuner?", "hvilke frister gjelder da?", "finnes det eksempler på dette?"]

    latencies: dict[str, list[float]] = {"ask": [], "follow_up": [], "feedback": []}
    errors: list[str] = []
    reindexed = threading.Event()
    lock = threading.Lock()
    stop = threading.Event()

    def record(kind: str, seconds: float) -> None:
        with lock:
            latencies[kind].append(seconds)

    def user(seed: int) -> None:
        rng = random.Random(seed)
        history: list[tuple[str, str]] = []
        while not stop.is_set():
            try:
                if history and rng.random() < 0.3:
                    question, kind = rng.choice(follow_ups), "follow_up"
                else:
                    question, kind, history = rng.choice(questions), "ask", []
                started = time.perf_counter()
                answer = ask(question, shared.get(), settings, history=history)
                record(kind, time.perf_counter() - started)
                history = [*history, (question, answer.text)][-6:]
                if rng.random() < 0.2:
                    started = time.perf_counter()
                    store.add(rng.choice(["up", "down"]), question, answer.text, comment="lasttest",
                              provider=answer.provider, prompt_version=answer.prompt_version)
                    record("feedback", time.perf_counter() - started)
            except Exception as exc:  # noqa: BLE001 - a load test counts every failure, whatever its type
                with lock:
                    errors.append(f"{type(exc).__name__}: {exc}")

    def admin() -> None:
        if stop.wait(seconds / 2):
            return
        note = home / "uploads" / "lasttest-notat.md"
        note.parent.mkdir(parents=True, exist_ok=True)
        note.write_text("# Lasttest\n\nEt notat lastet opp midt i lasttesten om robotgressklipper.\n", encoding="utf-8")
        started = time.perf_counter()
        try:
            report = build_index(settings, progress=False)
            shared.reload()
            reindexed.set()
            print(f"admin re-index during load: {time.perf_counter() - started:.1f} s, build {report.build}")
        except Exception as exc:  # noqa: BLE001
            with lock:
                errors.append(f"re-index: {type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=user, args=(i,)) for i in range(users)]
    threads.append(threading.Thread(target=admin))
    started = time.perf_counter()
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    stored = len(store.entries()) - before
    return LoadResult(users, wall, len(shared.get()), latencies, errors, len(latencies["feedback"]), stored,
                      reindexed.is_set())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--home", type=Path, default=None, help="ADVISOR_HOME to use (default: a temp folder)")
    parser.add_argument("--backend", default="e5", help="embedding backend (default e5, the product's)")
    args = parser.parse_args()

    home = args.home or Path(tempfile.mkdtemp(prefix="load-home-"))
    result = run_load(Settings(home=home, index={"embedding_backend": args.backend}), args.users, args.seconds)
    print(f"{result.users} users for {result.wall_s:.0f} s on {result.chunks} chunks (extractive provider)")
    for kind, values in result.latencies.items():
        if values:
            ms = np.array(values) * 1000
            print(f"  {kind:9s} n={len(values):5d}  p50 {np.percentile(ms, 50):7.1f} ms  p95 {np.percentile(ms, 95):7.1f} ms")
    total = sum(len(v) for v in result.latencies.values())
    print(f"  throughput {total / result.wall_s:.1f} operations/s; errors: {len(result.errors)}")
    for line in result.errors[:10]:
        print("   ", line)
    print(f"  feedback rows written {result.feedback_written}, stored {result.feedback_stored}; "
          f"re-index during load: {'yes' if result.reindexed else 'no'}")


if __name__ == "__main__":
    main()
