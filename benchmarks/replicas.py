"""Several app replicas on one PostgreSQL and one Chroma server: simulated sessions, an admin re-index, faults.

Each replica is its own process with its own state folder (as two app servers would be), sharing only
ADVISOR_DATABASE_URL and ADVISOR_INDEX_CHROMA_URL. In a replica, each simulated session is a thread that does what
a user's clicks make the app do, through the same functions: ask (advisor.chat.ask, extractive provider), give
thumbs up/down (the feedback store), check a need statement on the course page (grade_need + the results store).
The index is held like the app holds it (advisor.ui.context): the shared registry is asked for the active build
every ACTIVE_POLL_S seconds and a new build is opened when it changes. Replica 0 also has an admin who uploads a
note and re-indexes part-way. Afterwards every feedback row and course result a session was told was saved is
looked up (present exactly once), and the other replica is asked a question only the uploaded note answers.

Faults (--fault): `postgres` restarts PostgreSQL part-way, `chroma` stops the Chroma server for a few seconds.
Requests in the outage fail with the one-line message; the run checks they are the only errors and that the
sessions work again afterwards.

Run: `.venv/bin/python benchmarks/replicas.py [--sessions 40] [--seconds 60]`: starts a PostgreSQL (Debian server
binaries, temporary folder) and a Chroma server on 127.0.0.1, runs 1 replica and then 2 replicas against them, and
prints sessions served, ask and course-check p50/p95, errors, and how long the other replica took to see a new build.
tests/reliability/test_replicas.py runs a short version.
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from advisor.config import Settings  # noqa: E402
from advisor.errors import AdvisorError  # noqa: E402

ACTIVE_POLL_S = 2.0  # as advisor.ui.context
UPLOAD_NAME = "replika-notat.md"
UPLOAD_TEXT = ("# Notat om snøbrøyting med droner\n\nKommunen vurderer å kjøpe snøbrøyting med autonome "
               "brøytedroner. Dronebrøyting skal prøves ut i tre bydeler vinteren 2027, og leverandørene skal "
               "dokumentere at brøytedronene tåler minus tjue grader.\n")
PROBE = "Hva vet vi om brøytedroner og dronebrøyting?"
NEEDS = [
    "Vi trenger en løsning som reduserer fallulykker blant eldre hjemmeboende, målt som færre innleggelser per år.",
    "Kommunen trenger færre timer brukt på manuell fakturakontroll, slik at saksbehandlere får mer tid til brukerne.",
    "Elevene trenger bedre inneklima i klasserommene, målt som CO2-nivå under 1000 ppm gjennom skoledagen.",
]


def replica_settings(home: Path, database_url: str, chroma_url: str) -> Settings:
    """The settings of one replica: its own state folder, the shared database and Chroma server."""
    return Settings(home=home, index={"embedding_backend": "hash", "chroma_url": chroma_url},
                    database={"url": database_url}, llm={"provider": "extractive"})


# --- servers ------------------------------------------------------------------------------------------------


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ChromaServer:
    """`chroma run` on 127.0.0.1 with its data in a folder; can be stopped and started again on the same port."""

    def __init__(self, path: Path, port: int | None = None):
        self.path = path
        self.port = port or free_port()
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @staticmethod
    def cli() -> Path | None:
        """The chroma CLI of this Python environment, or None."""
        chroma = Path(sys.executable).parent / "chroma"
        return chroma if chroma.exists() else None

    def start(self) -> ChromaServer:
        cli = self.cli()
        if cli is None:
            raise RuntimeError("the chroma CLI is not installed")
        self.proc = subprocess.Popen([str(cli), "run", "--path", str(self.path), "--host", "127.0.0.1", "--port",
                                      str(self.port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the Chroma server did not start within 60 s")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc = None


# --- one replica (a process) ---------------------------------------------------------------------------------


class HeldIndex:
    """The index as the app holds it: reopened when the shared registry names a new active build."""

    def __init__(self, settings: Settings):
        from advisor.search import ensure_index, open_registry

        self.settings = settings
        self._ensure = ensure_index
        self._registry = open_registry(settings)
        self._lock = threading.Lock()
        self._index = ensure_index(settings, progress=False)
        self._checked = time.monotonic()
        self.seen: dict[str, float] = {self._index.build: time.time()}

    def get(self, force: bool = False):
        with self._lock:
            if force or time.monotonic() - self._checked >= ACTIVE_POLL_S:
                self._checked = time.monotonic()
                try:
                    record, _ = self._registry.active()
                except AdvisorError:  # as advisor.ui.context: the registry away, answer from the build in use
                    record = None
                if record is not None and record.build != self._index.build:
                    self._index = self._ensure(self.settings, progress=False)
                    self.seen.setdefault(self._index.build, time.time())
            return self._index


def _session(n: int, cfg: dict, held: HeldIndex, settings: Settings, out: dict, lock: threading.Lock,
             stop: threading.Event) -> None:
    from advisor.chat import ask
    from advisor.course import exercise_key, grade_need, open_results
    from advisor.feedback import open_feedback

    rng = random.Random(cfg["seed"] * 1000 + n)
    questions = cfg["questions"]
    person = None
    served = False
    while not stop.is_set():
        started = time.perf_counter()
        kind = "ask"
        try:
            if person is None:
                kind = "join"
                person = open_results(settings).join(cfg["class_code"], f"R{cfg['replica']}-S{n}")
                continue
            roll = rng.random()
            if roll < 0.3:
                kind = "course_check"
                text = rng.choice(NEEDS)
                grade = grade_need(text, "", settings)
                attempt = open_results(settings).record(person, exercise_key("need", "ex-001"), "need", grade.passed,
                                                        {"text": text})
                with lock:
                    out["attempts"].append(attempt.id)
            else:
                question = rng.choice(questions)
                answer = ask(question, held.get(), settings)
                if rng.random() < 0.3:
                    with lock:
                        out["latency"]["ask"].append(time.perf_counter() - started)
                    started, kind = time.perf_counter(), "feedback"
                    row = open_feedback(settings).add(rng.choice(["up", "down"]), question, answer.text,
                                                      comment=f"replika {cfg['replica']}", provider=answer.provider)
                    with lock:
                        out["feedback"].append(row)
            served = True
            with lock:
                out["latency"][kind].append(time.perf_counter() - started)
                out["ok_at"].append(time.time())
        except Exception as exc:  # noqa: BLE001 - every failure is counted, whatever its type
            with lock:
                out["errors"].append([time.time(), kind, f"{type(exc).__name__}: {str(exc)[:300]}"])
            time.sleep(0.2)
    if served:
        with lock:
            out["served"] += 1


def _admin(cfg: dict, settings: Settings, out: dict, stop: threading.Event) -> None:
    from advisor.corpus import SourceLabel, save_upload
    from advisor.search import build_index

    if stop.wait(cfg["admin_at"]):
        return
    try:
        path = save_upload(UPLOAD_NAME, UPLOAD_TEXT.encode(), settings, SourceLabel("official_guidance"))
        started = time.perf_counter()
        report = build_index(settings, progress=False)
        out["admin"] = {"upload": path.name, "build": report.build, "seconds": time.perf_counter() - started,
                        "done": time.time()}
    except Exception as exc:  # noqa: BLE001 - reported to the orchestrator
        out["errors"].append([time.time(), "admin", f"{type(exc).__name__}: {str(exc)[:300]}"])


def run_worker(cfg: dict) -> dict:
    """One replica: cfg['sessions'] session threads for cfg['seconds'], the admin if cfg['admin']; returns what happened."""
    settings = replica_settings(Path(cfg["home"]), cfg["database_url"], cfg["chroma_url"])
    out: dict = {"replica": cfg["replica"], "latency": {"ask": [], "feedback": [], "course_check": [], "join": []},
                 "errors": [], "feedback": [], "attempts": [], "served": 0, "admin": None, "ok_at": []}
    held = HeldIndex(settings)
    lock, stop = threading.Lock(), threading.Event()
    threads = [threading.Thread(target=_session, args=(n, cfg, held, settings, out, lock, stop))
               for n in range(cfg["sessions"])]
    if cfg.get("admin"):
        threads.append(threading.Thread(target=_admin, args=(cfg, settings, out, stop)))
    start_at = cfg.get("start_at", 0.0)
    time.sleep(max(0.0, start_at - time.time()))
    for t in threads:
        t.start()
    time.sleep(cfg["seconds"])
    stop.set()
    for t in threads:
        t.join()
    out["seen"] = held.seen
    if cfg.get("probe"):
        deadline = time.time() + 30
        while time.time() < deadline:  # the admin's build, if it is not yet seen here: as the next page run would
            try:
                index = held.get(force=True)
                from advisor.chat import ask

                answer = ask(PROBE, index, settings)
                mine = {i for i, c in enumerate(index.chunks) if UPLOAD_NAME in c.source}
                out["probe"] = {"build": index.build, "sources": [h.chunk.source for h in answer.hits[:5]],
                                "grounded": answer.grounded, "text": answer.text[:400], "in_index": bool(mine),
                                "lexical_first": bool(mine) and index.lexical.search(PROBE, 1, None)[0][0] in mine}
                if any(UPLOAD_NAME in s for s in out["probe"]["sources"]):
                    break
            except Exception as exc:  # noqa: BLE001
                out["probe"] = {"error": f"{type(exc).__name__}: {exc}"}
            time.sleep(1)
    return out


# --- the orchestrator ------------------------------------------------------------------------------------------


@dataclass
class ReplicaRun:
    """What one run measured and checked."""

    replicas: int
    sessions: int
    seconds: float
    served: int = 0
    latency: dict[str, list[float]] = field(default_factory=dict)
    errors: list[list] = field(default_factory=list)
    feedback_written: int = 0
    feedback_found_once: int = 0
    attempts_written: int = 0
    attempts_found_once: int = 0
    admin: dict | None = None
    visible_after_s: float | None = None
    probe: dict | None = None
    fault_window: tuple[float, float] | None = None
    started: float = 0.0  # when the sessions started (epoch seconds)
    ok_at: list[float] = field(default_factory=list)  # when each successful operation finished (epoch seconds)

    def ok_after(self, t: float) -> int:
        """Operations that succeeded after time t."""
        return sum(1 for x in self.ok_at if x > t)


def _present_once(database_url: str, table: str, column: str, ids: list) -> int:
    """How many of `ids` are in the table exactly once."""
    from sqlalchemy import create_engine, text

    from advisor.database import postgres_url

    engine = create_engine(postgres_url(database_url))
    try:
        with engine.connect() as conn:
            counts = dict(conn.execute(text(f"SELECT {column}, COUNT(*) FROM {table} GROUP BY {column}")).all())
    finally:
        engine.dispose()
    return sum(1 for i in ids if counts.get(i) == 1)


def _fault(kind: str, at: float, pg=None, chroma: ChromaServer | None = None, out: dict | None = None) -> None:
    time.sleep(at)
    began = time.time()
    if kind == "postgres":
        pg.down("fast")
        time.sleep(3)
        pg.up()
    elif kind == "chroma":
        chroma.stop()
        time.sleep(4)
        chroma.start()
    out["window"] = (began, time.time())


def run_replicas(database_url: str, chroma: ChromaServer, work: Path, replicas: int = 2, sessions: int = 40,
                 seconds: float = 40.0, admin_at: float | None = None, fault: str | None = None, pg=None) -> ReplicaRun:
    """Start `replicas` worker processes sharing the database and the Chroma server; see the module docstring."""
    from advisor.course import open_results
    from advisor.evaluation.suite import read_jsonl
    from advisor.search import build_index

    setup = replica_settings(work / "setup", database_url, chroma.url)
    build_index(setup, progress=False)  # the build every replica starts from
    klass = open_results(setup).create_class("Replikakurs")
    questions = [r["q"] for r in read_jsonl(setup.evals_dir / "retrieval.jsonl")][:40]
    start_at = time.time() + 8.0  # every replica has opened its index by then
    per = [sessions // replicas + (1 if i < sessions % replicas else 0) for i in range(replicas)]
    procs = []
    for i in range(replicas):
        cfg = {"replica": i, "home": str(work / f"replica-{i}"), "database_url": database_url, "chroma_url": chroma.url,
               "sessions": per[i], "seconds": seconds, "seed": i + 1, "class_code": klass.code, "questions": questions,
               "admin": i == 0 and admin_at is not None, "admin_at": admin_at or 0.0, "start_at": start_at,
               "probe": i == replicas - 1 and admin_at is not None}
        cfg_path = work / f"replica-{i}.json"
        cfg_path.parent.mkdir(parents=True, exist_ok=True)
        cfg_path.write_text(json.dumps(cfg), encoding="utf-8")
        procs.append(subprocess.Popen([sys.executable, __file__, "worker", str(cfg_path)], stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True, cwd=ROOT))
    fault_out: dict = {}
    fault_thread = None
    if fault:
        delay = max(0.0, start_at - time.time()) + seconds * 0.5
        fault_thread = threading.Thread(target=_fault, args=(fault, delay, pg, chroma, fault_out))
        fault_thread.start()
    results = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=seconds + 600)
        if p.returncode != 0:
            raise RuntimeError(f"replica process failed ({p.returncode}): {stderr[-2000:]}")
        results.append(json.loads(stdout.strip().splitlines()[-1]))
    if fault_thread:
        fault_thread.join()
    run = ReplicaRun(replicas, sessions, seconds, fault_window=fault_out.get("window"), started=start_at)
    run.latency = {k: [v for r in results for v in r["latency"][k]] for k in results[0]["latency"]}
    run.served = sum(r["served"] for r in results)
    run.ok_at = sorted(x for r in results for x in r["ok_at"])
    run.errors = [[r["replica"], *e] for r in results for e in r["errors"]]
    feedback = [i for r in results for i in r["feedback"]]
    attempts = [i for r in results for i in r["attempts"]]
    run.feedback_written, run.attempts_written = len(feedback), len(attempts)
    run.feedback_found_once = _present_once(database_url, "feedback", "id", feedback)
    run.attempts_found_once = _present_once(database_url, "course_attempts", "id", attempts)
    run.admin = results[0].get("admin")
    run.probe = results[-1].get("probe")
    if run.admin and replicas > 1:
        seen = results[-1]["seen"].get(run.admin["build"])
        activated = _activated_at(database_url, run.admin["build"])
        if seen is not None and activated is not None:
            run.visible_after_s = seen - activated
    return run


def _activated_at(database_url: str, build: str) -> float | None:
    """When the registry made `build` active (its row's changed_ts), if it still is."""
    from sqlalchemy import create_engine, text

    from advisor.database import postgres_url

    engine = create_engine(postgres_url(database_url))
    try:
        with engine.connect() as conn:
            for record, changed in conn.execute(text("SELECT record, changed_ts FROM index_active")).all():
                if json.loads(record).get("build") == build:
                    return float(changed)
    finally:
        engine.dispose()
    return None


def _pct(values: list[float], q: float) -> float:
    import numpy as np

    return float(np.percentile(np.array(values) * 1000, q)) if values else float("nan")


def report(run: ReplicaRun) -> str:
    """The printed lines of one run."""
    lines = [f"{run.replicas} replica(s), {run.sessions} sessions, {run.seconds:.0f} s: {run.served} sessions served, "
             f"{len(run.errors)} errors"]
    for kind in ("ask", "course_check", "feedback"):
        values = run.latency.get(kind, [])
        lines.append(f"  {kind:12s} n={len(values):5d}  p50 {_pct(values, 50):7.1f} ms  p95 {_pct(values, 95):7.1f} ms")
    lines.append(f"  feedback rows {run.feedback_written} written, {run.feedback_found_once} present once; course results "
                 f"{run.attempts_written} written, {run.attempts_found_once} present once")
    if run.admin:
        lines.append(f"  admin upload + re-index on replica 0: {run.admin['seconds']:.1f} s (build {run.admin['build']})")
    if run.visible_after_s is not None:
        lines.append(f"  new build seen by the other replica after {run.visible_after_s:.1f} s")
    if run.probe:
        found = any(UPLOAD_NAME in s for s in run.probe.get("sources", []))
        where = "the other replica" if run.replicas > 1 else "the replica (after its own re-index)"
        lines.append(f"  uploaded note on {where}: in its index {'yes' if run.probe.get('in_index') else 'NO'}, first by "
                     f"BM25 {'yes' if run.probe.get('lexical_first') else 'NO'}, among the answer's top 5 sources "
                     f"{'yes' if found else 'no'}")
    if run.fault_window:
        began, ended = run.fault_window
        lines.append(f"  fault from +{began - run.started:.1f} s to +{ended - run.started:.1f} s; operations that "
                     f"succeeded after it: {run.ok_after(ended)}")
    kinds: dict[str, int] = {}
    for error in run.errors:
        first = error[3].split(":")[0]
        kinds[first] = kinds.get(first, 0) + 1
    for name, count in sorted(kinds.items()):
        lines.append(f"    {count} x {name}, e.g. {next(e[3] for e in run.errors if e[3].startswith(name))[:200]}")
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "worker":
        print(json.dumps(run_worker(json.loads(Path(sys.argv[2]).read_text(encoding="utf-8")))))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=40)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--fault", choices=["postgres", "chroma"], default=None)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "tests"))
    from pg_server import PostgresServer

    work = Path(tempfile.mkdtemp(prefix="replicas-"))
    pg = PostgresServer.start()
    chroma = ChromaServer(work / "chroma").start()
    try:
        for replicas in (1, 2):
            run = run_replicas(pg.new_database(), chroma, work / f"run-{replicas}", replicas, args.sessions,
                               args.seconds, admin_at=args.seconds * 0.3, fault=args.fault, pg=pg)
            print(report(run), flush=True)
    finally:
        chroma.stop()
        pg.cleanup()


if __name__ == "__main__":
    main()
