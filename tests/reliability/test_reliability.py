"""Faults on purpose: concurrent imports, SIGKILL at random moments, and hostile input through the real CLI.

Complements tests that already exist, without repeating them: test_index.py (a killed index build, searches during
the swap), test_doffin.py::test_killing_an_import_loses_no_committed_file_and_leaves_no_half_file (one kill, counts
after resuming), test_feedback.py::test_concurrent_sessions_can_write_at_once (threads in one process),
test_hostile_input.py (readers and chunker under fuzzing). Here:

- several `advisor stats import` processes on one store at the same moment must end like one sequential import;
- a feedback writer and a Doffin import are killed with SIGKILL at random points: nothing committed is lost, nothing
  half-written is visible, the database passes PRAGMA integrity_check, and work resumes where it stopped;
- bad input to ask, search, analyze, assess and stats import gives exit code 2 and one clear line, never a traceback.

Kills are placed by what the child reports (its n-th commit, or halfway through a file's transaction); no
assertion depends on timing.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from paths import TEST_DATA

from advisor.cli import main
from advisor.config import Settings
from advisor.doffin import import_paths
from advisor.feedback import open_feedback

DATA = TEST_DATA / "doffin"
FIXTURE_FOLDERS = [DATA / name for name in ("eforms", "eforms_v02", "api", "dfo", "scraped")]
# What may not reach the terminal raw: C0/C1 control characters (ESC, NUL, CSI, ...) other than tab and line break.
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SEED = 20260517  # random kill points, reproducible; the seed is in every assertion message


# ---------------------------------------------------------------- helpers


def _env(home: Path) -> dict[str, str]:
    """Environment for a child `advisor`: its own home, no user config file, nothing heavy or remote."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADVISOR_")}
    env.update(ADVISOR_HOME=str(home), ADVISOR_CONFIG=str(home.parent / "no-such.toml"),
               ADVISOR_INDEX_EMBEDDING_BACKEND="hash", ADVISOR_LLM_PROVIDER="extractive", PYTHONIOENCODING="utf-8")
    return env


def _write_dfo_csvs(folder: Path, n_files: int, rows: int = 150) -> list[Path]:
    """DFØ CSV files (Windows-1252, ';') of distinct notices 2023-9FFRRR, so an import takes long enough to interrupt."""
    folder.mkdir(parents=True)
    header = (DATA / "dfo" / "Kunngjoringer_utdrag.csv").read_bytes().decode("cp1252").splitlines()[0]
    files = []
    for f in range(n_files):
        lines = [header] + [
            f"2023-9{f:02d}{r:03d};999000111;Testvik kommune;;Tittel {f}-{r};2023-01-02;;Anskaffelsesforskriften;2;"
            f"Notice;45000000.0;Bygge- og anleggsarbeid;Åpen anbudskonkurranse;NO;;False;False;False;"
            for r in range(rows)
        ]
        path = folder / f"Kunngjoringer_{f:02d}.csv"
        path.write_bytes("\r\n".join(lines).encode("cp1252"))
        files.append(path)
    return files


def _integrity(db: Path) -> list[tuple]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute("PRAGMA integrity_check").fetchall()


def _store_snapshot(db: Path) -> dict[str, list[tuple]]:
    """Everything the notice store holds except import times, sorted, so two stores can be compared with ==."""
    assert _integrity(db) == [("ok",)]
    with closing(sqlite3.connect(db)) as conn:
        def rows(sql: str) -> list[tuple]:
            return sorted((tuple(r) for r in conn.execute(sql)), key=repr)

        return {
            "notices": rows("SELECT * FROM doffin_notices"),
            "records": rows("SELECT notice_key, source_format, source_file, source_id, version, content_sha FROM doffin_records"),
            "aliases": rows("SELECT alias, notice_key FROM doffin_aliases"),
            "provenance": rows("SELECT notice_key, source_format, source_file, source_id, publication_date FROM doffin_provenance"),
            "files": rows("SELECT path, sha256, format, n_notices FROM doffin_files"),
        }


def _one_error_line(err: str) -> str:
    """stderr is exactly one `advisor: error: …` line: no traceback, no raw control characters."""
    lines = err.splitlines()
    assert len(lines) == 1, err[:2000]
    assert lines[0].startswith("advisor: error: ") and "Traceback" not in err, err[:2000]
    assert not RAW_CONTROL.search(lines[0]), repr(lines[0][:300])
    assert len(lines[0]) < 1000, "the error must not echo a huge input back"
    return lines[0]


# ---------------------------------------------------------------- 1. concurrent Doffin imports

# Each child loads everything first and says "ready", then waits for "go" on stdin: the imports start together.
# Each writes the wall-clock window of its import to $IMPORT_WINDOW, so the test can show the imports overlapped.
_IMPORT_ON_GO = (
    "import os, sys, time\n"
    "import advisor.doffin.ingest\n"
    "from advisor.cli import main\n"
    "print('ready', flush=True)\n"
    "sys.stdin.readline()\n"
    "started = time.time()\n"
    "code = main(sys.argv[1:])\n"
    "open(os.environ['IMPORT_WINDOW'], 'w').write(f'{started} {time.time()}')\n"
    "sys.exit(code)\n"
)


def test_concurrent_imports_of_the_same_and_overlapping_folders_end_like_one_sequential_import(tmp_path):
    generated = _write_dfo_csvs(tmp_path / "csv", n_files=20)  # 3 000 notices, ~1 s of writing per process
    forward = [*map(str, generated), *map(str, FIXTURE_FOLDERS)]
    backward = [*map(str, reversed(FIXTURE_FOLDERS)), *map(str, reversed(generated))]
    home = tmp_path / "home"
    # Process 0 and 2 import the same paths in the same order; process 1 walks the overlapping set from the other end.
    children = [
        subprocess.Popen([sys.executable, "-c", _IMPORT_ON_GO, "stats", "import", *paths, "--json"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, encoding="utf-8",
                         env={**_env(home), "IMPORT_WINDOW": str(tmp_path / f"window-{i}")}, cwd=tmp_path)
        for i, paths in enumerate((forward, backward, forward))
    ]
    for child in children:
        assert child.stdout.readline() == "ready\n", child.stderr.read()
    for child in children:
        child.stdin.write("go\n")
        child.stdin.flush()
    outcomes = [child.communicate(timeout=120) for child in children]

    for child, (_, err) in zip(children, outcomes, strict=True):
        assert child.returncode == 0 and err == "", err  # no "database is locked", no "busy", no retry needed
    reports = [json.loads(out)["summary"] for out, _ in outcomes]
    reference = import_paths(forward, Settings(home=tmp_path / "sequential"))
    for report in reports:
        assert report["files_imported"] == len(reference.files) and report["files_skipped"] == 0
        assert report["notices_read"] == reference.notices_read
    # The imports really ran at the same time: every window opened before any closed. (Which process imports which
    # file depends on SQLite's lock scheduling: a busy writer can keep another waiting for its whole run, so the
    # split of "imported" between the processes is not asserted, only that together they imported everything.)
    windows = [tuple(map(float, (tmp_path / f"window-{i}").read_text().split())) for i in range(len(children))]
    assert max(start for start, _ in windows) < min(end for _, end in windows), windows
    assert sum(report["imported"] for report in reports) >= reference.store_total

    concurrent = _store_snapshot(home / "doffin.sqlite")
    assert concurrent == _store_snapshot(tmp_path / "sequential" / "doffin.sqlite")
    assert len(concurrent["notices"]) == reference.store_total == 3000 + 17
    with closing(sqlite3.connect(home / "doffin.sqlite")) as conn:
        twice = conn.execute("SELECT doffin_id FROM doffin_notices WHERE doffin_id IS NOT NULL GROUP BY doffin_id "
                             "HAVING COUNT(*) > 1").fetchall()
    assert twice == []


# Opens all three SQLite stores of one ADVISOR_HOME the moment it reads "go" (a fresh home: every open creates).
_OPEN_STORES_ON_GO = (
    "import sys\n"
    "from pathlib import Path\n"
    "from advisor.config import Settings\n"
    "from advisor.doffin.store import open_store\n"
    "from advisor.search.embedders import EmbeddingCache\n"
    "from advisor.feedback import open_feedback\n"
    "settings = Settings(home=Path(sys.argv[1]))\n"
    "print('ready', flush=True)\n"
    "sys.stdin.readline()\n"
    "open_store(settings).close()\n"
    "open_feedback(settings).entries()\n"
    "EmbeddingCache(settings.cache_dir / 'embeddings.sqlite')\n"
)


@pytest.mark.parametrize("round_", range(4))
def test_processes_creating_the_same_stores_at_once_all_succeed(tmp_path, round_):
    """The first opening switches a new database to WAL; racing openers used to get 'database is locked' at once."""
    home = tmp_path / "home"
    children = [subprocess.Popen([sys.executable, "-c", _OPEN_STORES_ON_GO, str(home)], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, encoding="utf-8", env=_env(home))
                for _ in range(6)]
    for child in children:
        assert child.stdout.readline() == "ready\n", child.stderr.read()
    for child in children:
        child.stdin.write("go\n")
        child.stdin.flush()
    for child in children:
        _, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
    for name in ("doffin.sqlite", "feedback.sqlite", "cache/embeddings.sqlite"):
        with closing(sqlite3.connect(home / name)) as conn:
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


# ---------------------------------------------------------------- 2. feedback writer killed with SIGKILL

# Prints "A <id> <question>" after each committed add and "U <id>" after each committed update (flushed).
_FEEDBACK_WRITER = (
    "import sys\n"
    "from pathlib import Path\n"
    "from advisor.config import Settings\n"
    "from advisor.feedback import open_feedback\n"
    "store = open_feedback(Settings(home=Path(sys.argv[1])))\n"
    "answer = sys.argv[3] * 4000\n"
    "for i in range(1_000_000):\n"
    "    question = f'runde {sys.argv[2]} spørsmål {i}'\n"
    "    entry = store.add('up', question, answer, comment='første', citations=[f'c{i}'], grounded=True)\n"
    "    print('A', entry, question, flush=True)\n"
    "    if i % 3 == 0:\n"
    "        store.update(entry, rating='down', comment=f'endret {i}')\n"
    "        print('U', entry, flush=True)\n"
)
ANSWER_UNIT = "Svar med kilde [1]. "  # x 4000 = 80 000 characters, cut to MAX_TEXT_CHARS: every row is a big write


def test_feedback_writer_killed_at_random_moments_loses_no_committed_row(tmp_path):
    rng = random.Random(SEED)
    settings = Settings(home=tmp_path / "home")
    db = settings.home / "feedback.sqlite"
    added: dict[int, str] = {}
    updated: set[int] = set()
    kills = 5
    for run in range(kills):
        child = subprocess.Popen([sys.executable, "-c", _FEEDBACK_WRITER, str(settings.home), str(run), ANSWER_UNIT],
                                 stdout=subprocess.PIPE, encoding="utf-8", env=_env(settings.home), cwd=tmp_path)
        kill_after = rng.randint(3, 40)
        seen = 0
        while seen < kill_after:
            line = child.stdout.readline()
            assert line, f"the writer stopped by itself (seed {SEED}, run {run})"
            seen += line.startswith("A ")
            _record(line, added, updated)
        # One add takes ~2 ms (open, insert 50 000 characters, commit): a random pause of up to that spreads the kill
        # over the whole next write instead of always hitting its start. It places the fault; nothing is timed.
        time.sleep(rng.uniform(0, 0.002))
        os.kill(child.pid, signal.SIGKILL)
        for line in child.stdout.read().splitlines(keepends=True):  # what it printed before it died
            if line.endswith("\n"):
                _record(line, added, updated)
        child.stdout.close()
        assert child.wait() == -signal.SIGKILL

        assert _integrity(db) == [("ok",)], f"seed {SEED}, run {run}"
        entries = {e.id: e for e in open_feedback(settings).entries()}
        missing = set(added) - set(entries)
        assert not missing, f"committed rows lost after kill {run + 1} (seed {SEED}): {sorted(missing)}"
        for entry_id, question in added.items():
            entry = entries[entry_id]
            assert entry.question == question and entry.citations and entry.grounded is True
            if entry_id in updated:
                assert entry.rating == "down" and entry.comment.startswith("endret"), entry
        # A row committed just before the kill, but not yet reported, is allowed: at most one per kill.
        assert len(set(entries) - set(added)) <= run + 1
        # No half-written row: every stored answer is the whole text the writer sent.
        assert {len(e.answer) for e in entries.values()} == {50_000}

    store = open_feedback(settings)
    new_id = store.add("down", "Virker lagring etter omstart?", "Ja.", comment="etter kill")
    store.update(new_id, rating="up")
    assert new_id > max(added) and store.get(new_id).rating == "up"
    assert sum(store.counts().values()) >= len(added) + 1
    assert len(added) >= kills * 3 and updated  # 5 kills after 3-40 commits each; some updates among them


def _record(line: str, added: dict[int, str], updated: set[int]) -> None:
    kind, entry_id, *rest = line.rstrip("\n").split(" ", 2)
    if kind == "A":
        added[int(entry_id)] = rest[0]
    elif kind == "U":
        updated.add(int(entry_id))


# ---------------------------------------------------------------- 3. Doffin import killed, restarted, killed, resumed

# Prints "committed <file>" after each file's commit, and "mid-file" halfway through writing a file's 150 records
# (seen through sqlite3's statement trace, so nothing in the import is changed): a kill right after "mid-file"
# lands inside that file's transaction. Writing a file takes ~13 ms, reading it ~9 ms; a kill placed by the
# "committed" lines alone would nearly always land while the next file is still being read.
_IMPORT_WITH_MARKERS = (
    "import sys\n"
    "from pathlib import Path\n"
    "from advisor.config import Settings\n"
    "from advisor.doffin import import_paths\n"
    "from advisor.doffin.store import NoticeStore\n"
    "home = Path(sys.argv[1])\n"
    "store = NoticeStore(home / 'doffin.sqlite')\n"
    "inserted = [0]\n"
    "def trace(sql):\n"
    "    if sql.lstrip().startswith('INSERT INTO doffin_records'):\n"
    "        inserted[0] += 1\n"
    "        if inserted[0] == 75:\n"
    "            print('mid-file', flush=True)\n"
    "def committed(message):\n"
    "    inserted[0] = 0\n"
    "    print('committed', message, flush=True)\n"
    "from sqlalchemy import event\n"
    "event.listen(store.db.engine, 'connect', lambda conn, _: conn.set_trace_callback(trace))  # observe only\n"
    "import_paths(sys.argv[2:], Settings(home=home), store=store, progress=committed)\n"
)


def test_import_killed_mid_file_four_times_then_resumed_equals_an_uninterrupted_import(tmp_path):
    # test_doffin.py kills one import of same-format files between files and counts after resuming; here each kill
    # lands inside a file's transaction, the files mix every format (notices merge across files), the import is
    # killed four times, and the resumed store must equal, row for row, a store that was never interrupted.
    rng = random.Random(SEED)
    generated = _write_dfo_csvs(tmp_path / "csv", n_files=30)
    paths = [str(tmp_path / "csv"), *map(str, FIXTURE_FOLDERS)]
    reference_report = import_paths(paths, Settings(home=tmp_path / "uninterrupted"))
    reference = _store_snapshot(tmp_path / "uninterrupted" / "doffin.sqlite")
    total_files = len(reference_report.files)
    home = tmp_path / "home"
    db = home / "doffin.sqlite"

    def per_file(snapshot: dict[str, list[tuple]], files: set[str]) -> list[tuple]:
        """(format, file, source id) of every notice from these files; without the key, which a later merge changes."""
        return sorted(row[1:4] for row in snapshot["provenance"] if row[2] in files)

    for kill in range(4):
        child = subprocess.Popen([sys.executable, "-c", _IMPORT_WITH_MARKERS, str(home), *paths],
                                 stdout=subprocess.PIPE, encoding="utf-8", env=_env(home), cwd=tmp_path)
        kill_in_file = rng.randint(1, 4)  # the n-th file this run writes (files already committed are duplicates)
        reported: list[str] = []
        middles = 0
        while middles < kill_in_file:
            line = child.stdout.readline()
            assert line, f"the import ended by itself (seed {SEED}, kill {kill})"
            middles += line == "mid-file\n"
            if line.startswith("committed "):
                reported.append(line)
        os.kill(child.pid, signal.SIGKILL)
        child.stdout.close()
        assert child.wait() == -signal.SIGKILL

        state = _store_snapshot(db)  # includes PRAGMA integrity_check
        committed = {row[0] for row in state["files"]}
        assert len(reported) <= len(committed) < total_files, f"seed {SEED}, kill {kill}"
        # Every committed file is whole, and nothing of the file being written at the kill is there.
        assert per_file(state, committed) == per_file(reference, committed), f"seed {SEED}, kill {kill}"
        assert {row[2] for row in state["provenance"]} == committed, f"seed {SEED}, kill {kill}"
        assert {row[2] for row in state["records"]} <= committed

    resumed = subprocess.run([sys.executable, "-m", "advisor.cli", "stats", "import", *paths, "--json"],
                             capture_output=True, encoding="utf-8", env=_env(home), cwd=tmp_path, timeout=120)
    assert resumed.returncode == 0 and resumed.stderr == "", resumed.stderr
    summary = json.loads(resumed.stdout)["summary"]
    assert summary["files_imported"] == total_files and summary["store_total"] == reference_report.store_total
    assert summary["duplicates"] >= 150 * min(len(committed), len(generated))  # committed files were not redone
    assert _store_snapshot(db) == reference


# ---------------------------------------------------------------- 4. bad input through the real entry point


@pytest.fixture
def cli_home(tmp_path, monkeypatch) -> Path:
    """ADVISOR_* pointing at an empty home (hash embedder, extractive provider): anything built would show up here."""
    home = tmp_path / "home"
    for name, value in _env(home).items():
        if name.startswith("ADVISOR_"):
            monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)
    return home


BAD_QUESTIONS = {
    "empty": "",
    "whitespace": " \t\n\r\n   \u00a0\u2003 ",
    "one_megabyte": "Hva er innovasjonspartnerskap? " * 33_000,
    "control_characters_and_nul": "\x00\x01\x07\x08\x1b\x7f\x9b\x00" * 2000,
    "invisible_format_characters": "\u200b\u200e\u202e\ufeff\u2066" * 300,
}


@pytest.mark.parametrize("command", ["ask", "search"])
@pytest.mark.parametrize("case", BAD_QUESTIONS)
def test_bad_question_is_exit_2_with_one_line_and_no_index_work(command, case, cli_home, capsys):
    assert main([command, BAD_QUESTIONS[case]]) == 2
    captured = capsys.readouterr()
    line = _one_error_line(captured.err)
    assert captured.out == ""
    expected = "at most" if case == "one_megabyte" else "non-empty"
    assert line.startswith(("advisor: error: invalid question", "advisor: error: invalid query")) and expected in line
    assert not (cli_home / "index").exists(), "bad input must be refused before any index is built"


@pytest.mark.parametrize("case", ["one_megabyte", "control_characters_and_nul"])
def test_bad_question_on_stdin_is_refused_the_same_way(case, cli_home, capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(BAD_QUESTIONS[case]))
    assert main(["ask", "-"]) == 2
    _one_error_line(capsys.readouterr().err)
    assert not (cli_home / "index").exists()


def test_real_process_exits_2_without_traceback_for_bad_questions(tmp_path):
    # The console entry point as a user runs it (argv cannot carry NUL or 1 MB, so those go through stdin).
    env = _env(tmp_path / "home")
    runs = [
        (["ask", ""], None), (["search", "   "], None), (["ask", "\x01\x1b\x07\x7f\x9b"], None),
        (["ask", "-"], "Hvorfor? " * 120_000), (["ask", "-"], "\x00" * 5000),
    ]
    for argv, stdin in runs:
        done = subprocess.run([sys.executable, "-m", "advisor.cli", *argv], input=stdin, capture_output=True,
                              encoding="utf-8", env=env, cwd=tmp_path, timeout=60)
        assert done.returncode == 2 and done.stdout == "", (argv, done.stderr[-2000:])
        _one_error_line(done.stderr)
    assert not (tmp_path / "home" / "index").exists()


def test_question_with_embedded_control_characters_is_answered_without_echoing_them(corpus_hash_settings,
                                                                                     monkeypatch, capsys):
    # Control characters around a real question are dropped, not an error; nothing raw reaches the terminal.
    for name, value in _env(corpus_hash_settings.home).items():
        if name.startswith("ADVISOR_"):
            monkeypatch.setenv(name, value)
    question = "\x1b[2J\x00Når kan vi bruke\x07 innovasjonspartnerskap?\x1b]0;tittel\x07"
    for argv in (["ask", question], ["search", question, "-k", "3"]):
        assert main(argv) == 0
        captured = capsys.readouterr()
        assert captured.out.strip() and not RAW_CONTROL.search(captured.out.replace("\n", "")), argv
        assert "Traceback" not in captured.err


def test_analyze_reads_a_requirements_file_of_10_000_lines(tmp_path, cli_home, capsys):
    lines = [
        f"{i + 1}. Leverandøren skal levere {i % 37 + 2} stk Dell Latitude 5550 til kontor {i}." if i % 3 == 0
        else f"- Systemet skal støtte innlogging med ID-porten og svare innen {i % 5 + 1} sekunder (krav {i})."
        for i in range(10_000)
    ]
    path = tmp_path / "krav.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert main(["analyze", "--file", str(path), "--json"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert len(results) == 10_000  # one result per line, none lost or merged
    for i, result in enumerate(results):
        assert f"{i}" in result["text"]
        if i % 3 == 0:
            assert result["solution_specific"] and "Dell" in result["text"], result


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("krav.txt", bytes(range(256)) * 40, "binary content"),
        ("krav.md", b"Krav 1\x00\x00\x00" + os.urandom(4000), "binary content"),
        ("krav.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 40, "cannot read"),
        ("krav.docx", b"PK\x03\x04" + bytes(100), "unsupported file type"),
        ("tom.txt", b"   \n\n", "empty file"),
    ],
)
def test_analyze_with_a_binary_or_unsupported_file_fails_cleanly(name, data, reason, tmp_path, cli_home, capsys):
    path = tmp_path / name
    path.write_bytes(data)
    assert main(["analyze", "--file", str(path)]) == 2
    captured = capsys.readouterr()
    line = _one_error_line(captured.err)
    assert reason in line and name in line and captured.out == ""


def test_analyze_with_binary_on_stdin_fails_cleanly(cli_home, capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("Krav\x00\x00" + "\x01" * 100))
    assert main(["analyze", "-"]) == 2
    assert "looks binary" in _one_error_line(capsys.readouterr().err)


_ANCHOR_BOMB = "need:\n  - &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"  - &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]\n" for n in range(1, 9)
)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("need: [unclosed\n  estimated_value_nok: : 3\n", "at line 2"),
        ("need: " + "x" * 1_100_000 + "\n", "at most 1 MB"),
        (_ANCHOR_BOMB, "aliases expand"),  # 9^9 strings if expanded: refused by the loader before anything is built
        ("[" * 100_000, "nested too deeply"),
        ("- en liste\n- ikke et objekt\n", "YAML object"),
        ('need: !!python/object/apply:os.system ["echo pwned"]\n', "not plain data"),
        ("estimated_value_nok: " + "9" * 5000 + "\n", "a value cannot be read"),
        ("buyer: \"\\x1b]0;tittel\\x07\"\n", "invalid buyer"),
        ("need: Innkjøp\nukjent_nøkkel: 3\n", "ukjent_nøkkel"),
    ],
    ids=["malformed", "huge", "anchor_bomb", "deep", "list", "python_tag", "huge_number", "escape_codes", "unknown_key"],
)
def test_assess_with_a_malformed_or_huge_yaml_file_fails_with_exit_2_naming_the_problem(content, problem, tmp_path,
                                                                                        cli_home, capsys):
    path = tmp_path / "sak.yaml"
    path.write_text(content, encoding="utf-8")
    assert main(["assess", str(path)]) == 2
    captured = capsys.readouterr()
    assert problem in _one_error_line(captured.err) and captured.out == ""


def test_assess_with_a_binary_yaml_file_fails_cleanly(tmp_path, cli_home, capsys):
    path = tmp_path / "sak.yaml"
    path.write_bytes(b"\xff\xfe\x00\x81" + bytes(range(128, 256)) * 20)
    assert main(["assess", str(path)]) == 2
    assert "UTF-8" in _one_error_line(capsys.readouterr().err)


def _garbage_folder(folder: Path) -> dict[str, str]:
    """Files with notice suffixes that are not notices; returns name -> words the skip reason must contain."""
    folder.mkdir()
    entity = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefgh", "bcdefghi", strict=True)) + "]>"
    files = {
        "tilfeldig.xml": (os.urandom(4096), "binary file"),
        "tilfeldig.json": (os.urandom(4096), "binary file"),
        "tom.json": (b"", "empty file"),
        "nuller.csv": (b"doffin_id;tittel\n\x00\x00;x\n", "binary file"),
        # the entity declarations come after 70 kB of comment, past any quick look at the start of the file
        "entitetsbombe.xml": (("<?xml version='1.0'?><!--" + "x" * 70_000 + "-->" + entity + "<x>&i;</x>").encode(),
                              "malformed XML"),
        "dyp.json": (b"[" * 200_000 + b"]" * 200_000, "nested too deeply"),
        "langt_tall.json": (b'{"x": ' + b"9" * 100_000 + b"}", "malformed JSON"),
        "lang_linje.csv": (b"a" * 3_000_000, "malformed CSV"),
        "html.xml": (b"<html><body>Ikke en kunngj\xc3\xb8ring</body></html>", "not a notice format"),
        "styrekoder.csv": (b"\x1b[2J\x1b]0;tittel\x07;\x1b[31m\n" * 50, "CSV columns not recognised"),
        "linje\nskift\x1b[31m.json": (b"{}", "JSON shape not recognised"),
    }
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    (folder / "notat.txt").write_text("ikke en kunngjøring", encoding="utf-8")
    return {name: reason for name, (_, reason) in files.items()}


def test_stats_import_of_a_folder_of_garbage_reports_every_skip_with_its_reason(tmp_path, cli_home, capsys,
                                                                                  monkeypatch):
    expected = _garbage_folder(tmp_path / "søppel")
    assert main(["stats", "import", str(tmp_path / "søppel"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    reasons = {Path(s["path"]).name: s["reason"] for s in report["skipped"]}
    assert set(reasons) == set(expected)
    for name, words in expected.items():
        assert words in reasons[name], (name, reasons[name])
    assert report["summary"]["store_total"] == 0 and [Path(p).name for p in report["ignored"]] == ["notat.txt"]

    # The text report names every skipped file; file names and content with ESC or line breaks arrive escaped.
    assert main(["stats", "import", str(tmp_path / "søppel"), str(DATA / "eforms")]) == 0
    out = capsys.readouterr().out
    assert "Filer lest: 4, hoppet over: 11" in out and "Distinkte kunngjøringer i lageret nå: 4" in out
    assert out.count("  hoppet over ") == 11 and not RAW_CONTROL.search(out.replace("\n", ""))
    assert "linje\\x0askift\\x1b[31m.json" in out and "tittel\\x07" in out

    # Nothing imported from the garbage: the figures still say to import first.
    monkeypatch.setenv("ADVISOR_HOME", str(tmp_path / "empty-home"))
    assert main(["stats", "import", str(tmp_path / "søppel")]) == 0
    capsys.readouterr()
    assert main(["stats"]) == 2
    assert "import first" in _one_error_line(capsys.readouterr().err)


def test_stats_import_of_one_garbage_file_or_a_missing_path_is_one_escaped_line(tmp_path, cli_home, capsys):
    expected = _garbage_folder(tmp_path / "søppel")
    for name in ("styrekoder.csv", "linje\nskift\x1b[31m.json", "entitetsbombe.xml"):
        assert main(["stats", "import", str(tmp_path / "søppel" / name)]) == 2
        line = _one_error_line(capsys.readouterr().err)
        assert expected[name] in line and "cannot read" in line
    assert main(["stats", "import", str(tmp_path / "finnes-ikke")]) == 2
    assert "existing file or folder" in _one_error_line(capsys.readouterr().err)
