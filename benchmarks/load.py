"""Load test: simulated users asking questions through the app's own functions while an admin re-indexes.

Each simulated user loops for the duration: ask a question (the same `ask` the app calls, extractive provider),
sometimes a follow-up with history, sometimes thumbs up/down into the feedback store. Halfway, an admin uploads
a note and re-indexes; users then switch to the new index the way the app does (reopen after the swap). Every
operation's latency and every exception are recorded. Bounded: it stops after --seconds.

Run: `.venv/bin/python benchmarks/load.py [--users 20] [--seconds 60]`. Prints p50/p95 latency and the error count.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

from advisor.answer import ask
from advisor.config import Settings
from advisor.evaluation import read_jsonl
from advisor.feedback import FeedbackStore, feedback_path
from advisor.index import build_index, open_index


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--home", type=Path, default=None, help="ADVISOR_HOME to use (default: a temp folder)")
    args = parser.parse_args()

    home = args.home or Path(tempfile.mkdtemp(prefix="load-home-"))
    settings = Settings(home=home)
    build_index(settings, progress=False)
    shared = SharedIndex(settings)
    store = FeedbackStore(feedback_path(settings))
    questions = [r["q"] for r in read_jsonl(settings.evals_dir / "retrieval.jsonl")]
    questions += [r["q"] for r in read_jsonl(settings.evals_dir / "answers.jsonl")]
    follow_ups = ["og hva med for kommuner?", "hvilke frister gjelder da?", "finnes det eksempler på dette?"]

    latencies: dict[str, list[float]] = {"ask": [], "follow_up": [], "feedback": []}
    errors: list[str] = []
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
        time.sleep(args.seconds / 2)
        note = home / "uploads" / "lasttest-notat.md"
        note.parent.mkdir(parents=True, exist_ok=True)
        note.write_text("# Lasttest\n\nEt notat lastet opp midt i lasttesten om robotgressklipper.\n", encoding="utf-8")
        started = time.perf_counter()
        try:
            report = build_index(settings, progress=False)
            shared.reload()
            print(f"admin re-index during load: {time.perf_counter() - started:.1f} s, build {report.build}")
        except Exception as exc:  # noqa: BLE001
            with lock:
                errors.append(f"re-index: {type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=user, args=(i,)) for i in range(args.users)]
    threads.append(threading.Thread(target=admin))
    started = time.perf_counter()
    for t in threads:
        t.start()
    time.sleep(args.seconds)
    stop.set()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started

    print(f"{args.users} users for {wall:.0f} s on {len(shared.get())} chunks (extractive provider)")
    for kind, values in latencies.items():
        if values:
            ms = np.array(values) * 1000
            print(f"  {kind:9s} n={len(values):5d}  p50 {np.percentile(ms, 50):7.1f} ms  p95 {np.percentile(ms, 95):7.1f} ms")
    total = sum(len(v) for v in latencies.values())
    print(f"  throughput {total / wall:.1f} operations/s; errors: {len(errors)}")
    for line in errors[:10]:
        print("   ", line)
    print(f"  feedback rows stored: {len(store.entries())}")


if __name__ == "__main__":
    main()
