"""The evaluation runner and `advisor eval`: running suites, gates, report files, charts and comparing two runs."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import math
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from advisor.cli import build_parser, main
from advisor.config import PROJECT_ROOT, Settings
from advisor.errors import AdvisorError, InvalidInput, ProviderError
from advisor.evaluation import (
    SUITES,
    SuiteResult,
    compare_reports,
    evaluate,
    format_comparison,
    format_table,
    load_limits,
    load_report,
    suite_names,
    write_report,
)
from advisor.evaluation.gates import Bound, Limits, check_gates
from advisor.evaluation.report import Report
from advisor.evaluation.report_files import format_markdown
from advisor.evaluation.runner import corpus_version, git_state, prompt_versions, run_suites
from advisor.llm import load_prompt

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SHIPPED_THRESHOLDS = PROJECT_ROOT / "evals" / "gates.toml"


# --- helpers: constructed suites -----------------------------------------------------------------------


def result(suite: str, metrics: dict[str, float], cases: list[dict] | None = None,
           tables: dict[str, list[dict]] | None = None) -> SuiteResult:
    return SuiteResult(suite, metrics, cases or [], tables or {}, {"data": f"{suite}.jsonl"}, 0.01)


def returning(res: SuiteResult):
    def suite_run(settings, provider=None, progress=True):
        return res
    return suite_run


def raising(exc: Exception):
    def suite_run(settings, provider=None, progress=True):
        raise exc
    return suite_run


ANSWER = result(
    "answer",
    {"citation_validity": 1.0, "answered_rate": 0.95, "refusal_recall": 0.8, "n": 40.0},
    cases=[{"id": "a1", "ok": True, "q": "Hva er terskelverdien?"}, {"id": "a2", "ok": False, "q": "Hva | koster"},
           {"id": "a3", "ok": True, "q": "Hvem er statsminister?"}],
    tables={"by_category": [{"category": "thresholds", "n": 10, "answered_rate": 0.9, "citation_validity": 1.0},
                            {"category": "procedures", "n": 30, "answered_rate": 0.97, "citation_validity": 1.0}],
            "notes": [{"rule": "x1", "cases": 3}],
            "cutoff_sweep": [{"cutoff": 0.4, "answered_rate": 1.0, "refusal_recall": 0.75},
                             {"cutoff": 0.5, "answered_rate": 0.95, "refusal_recall": 0.8}],
            "unordered": [{"cutoff": 0.5, "answered_rate": 1.0}, {"cutoff": 0.4, "answered_rate": 0.9}]},
)
ANALYZE = result(
    "analyze",
    {"precision": 0.97, "recall": 0.96, "f1": 0.965},
    cases=[{"id": "r1", "ok": True}, {"id": "r2", "ok": True}],
    tables={"by_category": [{"category": "brand", "precision": 1.0, "recall": 0.9, "f1": 0.947, "n": 12},
                            {"category": "tailoring", "precision": 0.5, "recall": 1.0, "f1": 0.667, "n": 2}],
            "counts": [{"category": "brand", "tp": 1, "fp": 0, "support": 1}]},
)


def thresholds_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "gates.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def floors(tmp_path: Path) -> Limits:
    return load_limits(thresholds_file(tmp_path, """
[answer]
citation_validity = 1.0
answered_rate = { floor = 0.9, target = 0.99 }
refusal_recall = 0.9
refusal_precision = 0.9

[analyze]
precision = 0.95
recall = 0.95
"""))


def meta() -> dict:
    """Fixed metadata for reports built in tests (run_metadata itself is tested separately)."""
    return {"date": "2026-01-01T00:00:00+00:00", "git_commit": "abc1234", "git_dirty": False, "provider": "extractive",
            "model": None, "embedding_backend": "hash", "prompt_versions": {"answer": "0123456789"},
            "corpus": {"version": "c0ffee", "files": 3, "manifest": True},
            "datasets": {"answers.jsonl": {"rows": 40, "sha256": "aaaa"}},
            "thresholds": {"path": "gates.toml", "sha256": "bbbb", "provider_table": None}}


@pytest.fixture
def report(settings: Settings, floors: Limits) -> Report:
    runners = {"answer": returning(ANSWER), "analyze": returning(ANALYZE),
               "rewrite": raising(ProviderError("openai", 500, "server error"))}
    runs = run_suites(settings, ["answer", "analyze", "rewrite"], runners=runners)
    from advisor.evaluation.report import build_report

    return build_report(settings, runs, floors, "extractive", meta=meta())


def is_png(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk; fails the test if the file is not a PNG."""
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE, f"{path.name} is not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    assert data[-8:-4] == b"IEND", f"{path.name} is truncated"
    return width, height


def run_cli(argv: list[str], settings: Settings) -> int:
    args = build_parser().parse_args(["eval", *argv])
    return args.func(args, settings)


# --- thresholds ---------------------------------------------------------------------------------------


def test_thresholds_read_floors_targets_and_the_matching_provider_table(tmp_path: Path):
    path = thresholds_file(tmp_path, """
[answer]
citation_validity = 1.0
answered_rate = { floor = 0.9, target = 0.99 }
faithfulness = { target = 0.8 }

[answer.openai]
answered_rate = 0.95
faithfulness = 0.85
""")
    plain = load_limits(path)
    assert plain.for_suite("answer") == {"citation_validity": Bound(1.0), "answered_rate": Bound(0.9, 0.99),
                                         "faithfulness": Bound(None, 0.8)}
    assert plain.provider is None
    openai = load_limits(path, "openai")
    assert openai.bound("answer", "answered_rate") == Bound(0.95)
    assert openai.bound("answer", "faithfulness") == Bound(0.85)
    assert openai.bound("answer", "citation_validity") == Bound(1.0)
    assert openai.bound("answer", "no_such_metric") is None
    assert openai.provider == "openai"
    assert load_limits(path, "ollama").bound("answer", "answered_rate") == Bound(0.9, 0.99)
    assert openai.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()[:12]


@pytest.mark.parametrize("text, message", [
    ("[retreival]\nn = 1\n", "unknown suite [retreival]"),
    ("[answer]\nanswered_rate = true\n", "expected a number"),
    ("[answer]\nanswered_rate = { minimum = 0.9 }\n", "unknown key"),
    ("[answer]\nanswered_rate = \"0.9\"\n", "expected a number"),
    ("[answer.gpt]\nanswered_rate = 0.9\n", "unknown key.*named after a provider"),
    ("[answer\n", "not valid TOML"),
    ("[answer]\nanswered_rate = {}\n", "give a floor, a ceiling and/or a target"),
    ("[answer]\nanswered_rate = { floor = 0.9, ceiling = 0.5 }\n", "floor 0.9 is above ceiling 0.5"),
])
def test_malformed_thresholds_name_the_problem(tmp_path: Path, text: str, message: str):
    with pytest.raises(AdvisorError, match=message.replace("[", r"\[")):
        load_limits(thresholds_file(tmp_path, text))


def test_missing_limits_file_is_an_error_naming_it(tmp_path: Path):
    with pytest.raises(AdvisorError, match="limits file .*missing"):
        load_limits(tmp_path / "nope.toml")


def test_shipped_thresholds_file_is_valid_and_gates_every_suite():
    for provider in (None, "extractive", "openai", "azure", "ollama"):
        shipped = load_limits(SHIPPED_THRESHOLDS, provider)
        for suite in SUITES:
            assert any(b.floor is not None for b in shipped.for_suite(suite).values()), suite


# --- running suites -----------------------------------------------------------------------------------


def test_suite_names_expand_all_and_keep_registry_order():
    assert suite_names(None) == list(SUITES)
    assert suite_names(["all", "assess"]) == list(SUITES)
    assert suite_names(["assess", "retrieval", "assess"]) == ["retrieval", "assess"]
    with pytest.raises(InvalidInput, match="suite"):
        suite_names(["retreival"])


def test_a_suite_raising_advisor_error_is_recorded_and_the_others_still_run(settings: Settings):
    seen = []

    def recording(res):
        def suite_run(s, provider=None, progress=True):
            seen.append((res.suite, provider, progress))
            return res
        return suite_run

    runs = run_suites(settings, ["answer", "rewrite", "analyze"], provider="openai",
                      runners={"answer": recording(ANSWER), "analyze": recording(ANALYZE),
                               "rewrite": raising(ProviderError("openai", 500, "server error"))})
    assert [r.suite for r in runs] == ["answer", "rewrite", "analyze"]
    assert [r.ok for r in runs] == [True, False, True]
    assert "HTTP 500" in runs[1].error and runs[1].result is None
    assert seen == [("answer", "openai", False), ("analyze", "openai", False)]
    assert all(r.seconds >= 0 for r in runs)


def test_a_bug_in_a_suite_is_not_swallowed(settings: Settings):
    with pytest.raises(ZeroDivisionError):
        run_suites(settings, ["answer"], runners={"answer": raising(ZeroDivisionError("bug"))})
    # a dependency missing inside a suite is a broken install, not a suite that is "not there yet"
    with pytest.raises(ModuleNotFoundError):
        run_suites(settings, ["answer"], runners={"answer": raising(ModuleNotFoundError("no yaml", name="yaml"))})


def test_a_suite_whose_module_is_absent_is_reported_as_not_available(settings: Settings):
    absent = ModuleNotFoundError("No module named 'advisor.evaluation.rewrite'", name="advisor.evaluation.rewrite")
    runs = run_suites(settings, ["rewrite"], runners={"rewrite": raising(absent)})
    assert not runs[0].ok
    assert runs[0].error == "suite not available: module advisor.evaluation.rewrite does not exist"


# --- gates --------------------------------------------------------------------------------------------


def test_gates_fail_below_floor_on_missing_metric_and_on_a_failed_suite(report: Report):
    by_key = {(g.suite, g.metric): g for g in report.gates}
    assert by_key[("answer", "citation_validity")].passed
    assert by_key[("answer", "answered_rate")].passed
    below = by_key[("answer", "refusal_recall")]
    assert not below.passed and below.reason == "below floor" and below.value == 0.8
    assert "refusal_recall = 0.800 < floor 0.900" in below.describe()
    missing = by_key[("answer", "refusal_precision")]
    assert not missing.passed and missing.reason == "metric missing" and missing.value is None
    assert by_key[("analyze", "precision")].passed and by_key[("analyze", "recall")].passed
    failed = by_key[("rewrite", "(suite)")]
    assert not failed.passed and "HTTP 500" in failed.reason
    assert not report.passed
    assert {(g.suite, g.metric) for g in report.failed_gates()} == {
        ("answer", "refusal_recall"), ("answer", "refusal_precision"), ("rewrite", "(suite)")}


def test_all_metrics_at_or_above_their_floors_pass(settings: Settings, floors: Limits):
    # 19/20 is 0.95 up to float rounding: the floor must still count as met.
    analyze = result("analyze", {"precision": 19 / 20, "recall": 1.0})
    runs = run_suites(settings, ["analyze"], runners={"analyze": returning(analyze)})
    gates = check_gates(runs, floors)
    assert [g.passed for g in gates] == [True, True]


def test_nan_metric_and_suite_without_floors_fail(settings: Settings, floors: Limits):
    runs = run_suites(settings, ["analyze", "assess"], runners={
        "analyze": returning(result("analyze", {"precision": math.nan, "recall": 1.0})),
        "assess": returning(result("assess", {"all_correct": 1.0}))})
    gates = {(g.suite, g.metric): g for g in check_gates(runs, floors)}
    assert not gates[("analyze", "precision")].passed and "not a number" in gates[("analyze", "precision")].reason
    assert not gates[("assess", "(floors)")].passed and "no floors" in gates[("assess", "(floors)")].reason


def test_a_ceiling_gates_metrics_where_lower_is_better(settings: Settings, tmp_path: Path):
    limits = load_limits(thresholds_file(tmp_path, """
[rewrite]
pass_rate = 0.9
placeholder_need_rate = { ceiling = 0.05, target = 0.0 }
all_ok_rate = { floor = 0.5, ceiling = 1.0 }
"""))
    assert limits.bound("rewrite", "placeholder_need_rate") == Bound(None, 0.0, 0.05)
    high = result("rewrite", {"pass_rate": 0.95, "placeholder_need_rate": 0.08, "all_ok_rate": 0.7})
    from advisor.evaluation.report import build_report

    report = build_report(settings, run_suites(settings, ["rewrite"], runners={"rewrite": returning(high)}),
                          limits, "extractive", meta=meta())
    gates = {g.metric: g for g in report.gates}
    assert gates["pass_rate"].passed and gates["all_ok_rate"].passed
    above = gates["placeholder_need_rate"]
    assert not above.passed and above.reason == "above ceiling"
    assert above.describe() == "rewrite placeholder_need_rate = 0.080 > ceiling 0.050"
    row = next(line for line in format_table(report).splitlines() if "placeholder_need_rate" in line).split()
    assert row[:7] == ["rewrite", "placeholder_need_rate", "0.080", "max", "0.050", "0.000", "FAIL;"]
    assert " ".join(row[7:]) == "above target: 0.080 of 0.000"  # lower is better: the target is a most
    low = result("rewrite", {"pass_rate": 0.95, "placeholder_need_rate": 0.02, "all_ok_rate": 0.7})
    before = build_report(settings, run_suites(settings, ["rewrite"], runners={"rewrite": returning(low)}),
                          limits, "extractive", meta=meta())
    assert before.passed
    marks = {d.metric: d.mark for d in compare_reports(before, report, limits).metrics}
    assert marks["placeholder_need_rate"] == "REGRESSION (above ceiling)"
    assert {d.metric: d.mark for d in compare_reports(report, before, limits).metrics}["placeholder_need_rate"] == \
        "now within limit"


def test_without_a_thresholds_file_nothing_is_gated_but_errors_still_fail(settings: Settings):
    from advisor.evaluation import NO_LIMITS

    ok = evaluate(settings, ["analyze"], "extractive", NO_LIMITS, runners={"analyze": returning(ANALYZE)})
    assert ok.gates == [] and ok.passed
    broken = evaluate(settings, ["analyze"], "extractive", NO_LIMITS,
                      runners={"analyze": raising(AdvisorError("no data"))})
    assert not broken.passed
    assert "nothing was checked" in format_table(broken)


# --- the table ----------------------------------------------------------------------------------------


def test_table_lists_every_metric_with_floor_status_errors_and_timing(report: Report):
    table = format_table(report)
    lines = table.splitlines()
    assert lines[0].split() == ["suite", "metric", "value", "floor", "target", "status"]
    row = next(line for line in lines if "refusal_recall" in line).split()
    assert row == ["answer", "refusal_recall", "0.800", "0.900", "-", "FAIL"]
    row = next(line for line in lines if "answered_rate" in line).split()
    assert row[:5] == ["answer", "answered_rate", "0.950", "0.900", "0.990"] and " ".join(row[5:]) == "pass; below target: 0.950 of 0.990"
    row = next(line for line in lines if "refusal_precision" in line).split()
    assert row == ["answer", "refusal_precision", "missing", "0.900", "-", "FAIL"]
    assert next(line for line in lines if line.startswith("answer") and " n " in line).split()[2] == "40"
    assert "rewrite: ERROR: LLM provider 'openai' failed (HTTP 500)" in table
    assert "time: answer" in table and "commit: abc1234" in table


# --- report files -------------------------------------------------------------------------------------


def test_report_folder_holds_markdown_json_and_valid_pngs(report: Report, tmp_path: Path):
    out = tmp_path / "reports" / "latest"
    written = write_report(report, out)
    names = sorted(p.name for p in written)
    assert names == sorted(["report.md", "report.json", "answer-metrics.png", "answer-by_category.png",
                            "answer-cutoff_sweep.png", "analyze-metrics.png", "analyze-by_category.png"])
    for path in written:
        assert path.is_file()
    for png in out.glob("*.png"):
        width, height = is_png(png)
        assert width >= 300 and height >= 150
    # tables of counts only (even counts of 0 and 1) get no chart; a failed suite gets none either
    assert not (out / "answer-notes.png").exists() and not (out / "analyze-counts.png").exists()
    assert not (out / "answer-unordered.png").exists()  # no labels and no increasing x: nothing sensible to draw
    assert not list(out.glob("rewrite*"))


def test_report_json_round_trips(report: Report, tmp_path: Path):
    write_report(report, tmp_path)
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    loaded = load_report(tmp_path / "report.json")
    assert loaded == report
    assert loaded.to_dict() == {k: v for k, v in data.items() if k != "plots"}
    assert data["passed"] is False
    assert data["plots"]["answer"] == ["answer-metrics.png", "answer-by_category.png", "answer-cutoff_sweep.png"]
    assert load_report(tmp_path) == report  # a report folder works too


def test_report_markdown_contains_every_suite_table_and_failures(report: Report, tmp_path: Path):
    write_report(report, tmp_path)
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    for heading in ("## answer", "## analyze", "## rewrite", "### by_category", "### notes"):
        assert heading in md
    assert "| metric | value | floor | target | status | note |" in md
    assert "| refusal_recall | 0.800 | 0.900 | - | FAIL |" in md
    assert "| refusal_precision | missing | 0.900 | - | FAIL | metric missing |" in md
    assert "| procedures | 30 | 0.970 | 1.000 |" in md
    assert "| brand | 1.000 | 0.900 | 0.947 | 12 |" in md
    assert "**Suite failed:** LLM provider 'openai' failed (HTTP 500)" in md
    assert "**Result: FAIL** — 3 of 7 gates failed" in md
    assert "### Failing cases (1 of 3)" in md and "| a2 | Hva \\| koster |" in md
    assert "![answer metrics](answer-metrics.png)" in md and "(answer-by_category.png)" in md
    assert "abc1234" in md and "c0ffee" in md and "answer 0123456789" in md


def test_rewriting_a_report_folder_removes_only_its_own_stale_charts(report: Report, settings: Settings,
                                                                     floors: Limits, tmp_path: Path):
    write_report(report, tmp_path)
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(PNG_SIGNATURE)
    from advisor.evaluation.report import build_report

    smaller = build_report(settings, run_suites(settings, ["analyze"], runners={"analyze": returning(ANALYZE)}),
                           floors, "extractive", meta=meta())
    write_report(smaller, tmp_path)
    assert not (tmp_path / "answer-metrics.png").exists()
    assert (tmp_path / "analyze-metrics.png").exists()
    assert (tmp_path / "notes.txt").exists() and (tmp_path / "photo.png").exists()


def test_unwritable_report_folder_is_invalid_input(report: Report, tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(InvalidInput, match="writable folder"):
        write_report(report, blocker / "sub")


def test_damaged_or_foreign_report_json_is_rejected(tmp_path: Path):
    with pytest.raises(InvalidInput):
        load_report(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(AdvisorError, match="not a valid JSON report"):
        load_report(bad)
    bad.write_text(json.dumps({"suites": []}), encoding="utf-8")
    with pytest.raises(AdvisorError, match="not an `advisor eval` report"):
        load_report(bad)


# --- metadata -----------------------------------------------------------------------------------------


def test_prompt_versions_are_the_prompt_file_hashes(tmp_path: Path):
    (tmp_path / "answer.md").write_text("Svar på {question}", encoding="utf-8")
    (tmp_path / "rewrite.md").write_text("Skriv om {requirement}", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a prompt", encoding="utf-8")
    versions = prompt_versions(tmp_path)
    assert versions == {"answer": load_prompt("answer", tmp_path).version, "rewrite": load_prompt("rewrite", tmp_path).version}
    assert versions["answer"] == hashlib.sha256(b"Svar p\xc3\xa5 {question}").hexdigest()[:10]
    assert prompt_versions(tmp_path / "absent") == {}


def test_corpus_version_follows_file_contents_not_timestamps(tmp_path: Path):
    corpus = tmp_path / "corpus"
    (corpus / "guidance").mkdir(parents=True)
    (corpus / "manifest.yaml").write_text("documents: []\n", encoding="utf-8")
    (corpus / "guidance" / "a.md").write_text("## Del I\nTekst.\n", encoding="utf-8")
    settings = Settings(home=tmp_path / "home", corpus_dir=corpus)
    first = corpus_version(settings)
    assert first["files"] == 2 and first["manifest"] is True and len(first["version"]) == 12
    (corpus / "guidance" / "a.md").touch()
    assert corpus_version(settings)["version"] == first["version"]
    (corpus / "guidance" / "a.md").write_text("## Del I\nEndret tekst.\n", encoding="utf-8")
    assert corpus_version(settings)["version"] != first["version"]
    (tmp_path / "home" / "uploads").mkdir(parents=True)
    (tmp_path / "home" / "uploads" / "notat.txt").write_text("Opplastet.", encoding="utf-8")
    assert corpus_version(settings)["files"] == 3


def test_run_metadata_records_provider_model_versions_and_data(tmp_path: Path):
    from advisor.evaluation.report import run_metadata

    prompts = tmp_path / "prompts"
    prompts.mkdir()
    (prompts / "answer.md").write_text("Svar på {question}", encoding="utf-8")
    evals = tmp_path / "evals"
    evals.mkdir()
    (evals / "answers.jsonl").write_text('{"id": "a1"}\n\n{"id": "a2"}\n', encoding="utf-8")
    path = thresholds_file(evals, "[answer]\nanswered_rate = 0.9\n\n[answer.openai]\nanswered_rate = 0.8\n")
    settings = Settings(home=tmp_path / "home", prompts_dir=prompts, evals_dir=evals,
                        llm={"provider": "openai", "model": "gpt-test"}, index={"embedding_backend": "hash"})
    info = run_metadata(settings, "openai", load_limits(path, "openai"))
    assert info["provider"] == "openai" and info["model"] == "gpt-test"
    assert info["prompt_versions"] == {"answer": load_prompt("answer", prompts).version}
    assert info["datasets"] == {"answers.jsonl": {"rows": 2, "sha256": hashlib.sha256(
        (evals / "answers.jsonl").read_bytes()).hexdigest()[:12]}}
    assert info["thresholds"]["provider_table"] == "openai" and info["thresholds"]["path"] == str(path)
    assert info["corpus"]["version"] and info["corpus"]["manifest"] is True  # the shipped corpus
    assert info["embedding_backend"] == "hash" and info["date"].endswith("+00:00")
    offline = run_metadata(settings, "extractive", load_limits(path, "extractive"))
    assert offline["model"] is None and offline["thresholds"]["provider_table"] is None


def test_git_commit_is_recorded_and_its_absence_tolerated():
    state = git_state()
    if shutil.which("git") and (PROJECT_ROOT / ".git").exists():
        assert state["commit"] and all(c in "0123456789abcdef" for c in state["commit"])
        assert isinstance(state["dirty"], bool)
    code = "from advisor.evaluation.runner import git_state; print(git_state())"
    done = subprocess.run([sys.executable, "-c", code], env={"PATH": ""}, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "{'commit': None, 'dirty': None}"


# --- the command line with a real suite (assess: the decision model, ~1 s) ----------------------------------


@pytest.fixture
def assess_settings(tmp_path: Path) -> Settings:
    evals = tmp_path / "evals"
    evals.mkdir()
    # The real suite on the first 12 of its cases: the same code path, a third of the time.
    lines = (PROJECT_ROOT / "evals" / "assessment.jsonl").read_text(encoding="utf-8").splitlines()[:12]
    (evals / "assessment.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Settings(home=tmp_path / "home", evals_dir=evals, index={"embedding_backend": "hash"})


def test_check_passes_when_every_floor_is_met_by_the_real_assess_suite(assess_settings: Settings, capsys, tmp_path):
    thresholds_file(assess_settings.evals_dir, "[assess]\ncases = 1\nall_correct = 0.0\nrule_coverage = 0.0\n")
    out = tmp_path / "out"
    assert run_cli(["--suite", "assess", "--check", "--report", str(out)], assess_settings) == 0
    captured = capsys.readouterr()
    assert "all 3 gates passed" in captured.err
    assert captured.out.splitlines()[0].split() == ["suite", "metric", "value", "floor", "target", "status"]
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert data["suites"][0]["suite"] == "assess" and data["suites"][0]["metrics"]["cases"] == 12
    assert data["meta"]["provider"] == "extractive" and data["meta"]["datasets"]["assessment.jsonl"]["rows"] == 12
    assert "## assess" in (out / "report.md").read_text(encoding="utf-8")
    is_png(out / "assess-metrics.png")


def test_check_fails_and_names_the_metric_below_its_floor(assess_settings: Settings, capsys):
    thresholds_file(assess_settings.evals_dir, "[assess]\nall_correct = 1.01\ncases = 1\n")
    assert run_cli(["--suite", "assess", "--check"], assess_settings) == 1
    err = capsys.readouterr().err
    assert "1 of 2 gates failed" in err and "FAIL assess all_correct = 1.000 < floor 1.010" in err


def test_check_fails_on_a_renamed_or_missing_metric(assess_settings: Settings, capsys):
    thresholds_file(assess_settings.evals_dir, "[assess]\nall_correct = 0.0\nall_correct_rate = 0.5\n")
    assert run_cli(["--suite", "assess", "--check", "--json"], assess_settings) == 1
    captured = capsys.readouterr()
    assert "FAIL assess all_correct_rate: metric missing" in captured.err
    data = json.loads(captured.out)
    assert data["passed"] is False
    assert {"suite": "assess", "metric": "all_correct_rate", "value": None, "floor": 0.5, "passed": False,
            "reason": "metric missing", "ceiling": None} in data["gates"]


def test_provider_table_applies_only_when_that_provider_is_chosen(assess_settings: Settings, capsys):
    # The [assess.openai] floor is impossible, so only a run that applied it can fail, and with this message.
    thresholds_file(assess_settings.evals_dir, "[assess]\ncases = 1\n\n[assess.openai]\nall_correct = 1.01\n")
    assert run_cli(["--suite", "assess", "--check", "--provider", "openai"], assess_settings) == 1
    assert "FAIL assess all_correct = 1.000 < floor 1.010" in capsys.readouterr().err
    env_openai = assess_settings.with_overrides(llm={"provider": "openai"})  # as ADVISOR_LLM_PROVIDER=openai does
    assert run_cli(["--suite", "assess", "--check"], env_openai) == 1
    assert "FAIL assess all_correct = 1.000 < floor 1.010" in capsys.readouterr().err
    assert run_cli(["--suite", "assess", "--check", "--provider", "extractive"], env_openai) == 0


def test_without_check_a_run_exits_0_and_a_failed_suite_exits_1(assess_settings: Settings, capsys):
    thresholds_file(assess_settings.evals_dir, "[assess]\nall_correct = 1.01\n")
    assert run_cli(["--suite", "assess"], assess_settings) == 0
    (assess_settings.evals_dir / "assessment.jsonl").unlink()
    assert run_cli(["--suite", "assess"], assess_settings) == 1
    assert "suite assess failed: evaluation data" in capsys.readouterr().err


def test_usage_errors_exit_2(assess_settings: Settings, tmp_path: Path, capsys, monkeypatch):
    monkeypatch.setenv("ADVISOR_EVALS_DIR", str(assess_settings.evals_dir))
    monkeypatch.setenv("ADVISOR_HOME", str(tmp_path / "home"))
    with pytest.raises(SystemExit) as exit_info:
        main(["eval", "--suite", "retreival"])
    assert exit_info.value.code == 2
    assert main(["eval", "--suite", "assess", "--provider", "gpt"]) == 2
    assert "unknown provider 'gpt'" in capsys.readouterr().err
    assert main(["eval", "--suite", "assess", "--check"]) == 2  # no gates.toml in that evals dir
    assert "limits file" in capsys.readouterr().err
    assert main(["eval", "--compare", "old.json", "new.json", "--check"]) == 2
    assert "--check" in capsys.readouterr().err
    assert main(["eval", "--compare", str(tmp_path / "old.json"), str(tmp_path / "new.json")]) == 2
    thresholds_file(assess_settings.evals_dir, "[assess]\nall_correct = yes\n")
    assert main(["eval", "--suite", "assess"]) == 2


# --- compare ------------------------------------------------------------------------------------------


def two_reports(settings: Settings, floors: Limits) -> tuple[Report, Report]:
    from advisor.evaluation.report import build_report

    old_answer = result("answer", {"citation_validity": 1.0, "answered_rate": 0.92, "refusal_recall": 0.85,
                                   "refusal_precision": 0.95},
                        cases=[{"id": "a1", "ok": True}, {"id": "a2", "ok": True}, {"id": "a3", "ok": False},
                               {"id": "a4", "ok": True}])
    new_answer = result("answer", {"citation_validity": 1.0, "answered_rate": 0.88, "refusal_recall": 0.93},
                        cases=[{"id": "a1", "ok": True}, {"id": "a2", "ok": False}, {"id": "a3", "ok": True},
                               {"id": "a5", "ok": False}])
    old = build_report(settings, run_suites(settings, ["answer", "analyze"], runners={
        "answer": returning(old_answer), "analyze": returning(ANALYZE)}), floors, "extractive", meta=meta())
    new_meta = {**meta(), "git_commit": "def5678", "provider": "openai", "prompt_versions": {"answer": "9999999999"}}
    new = build_report(settings, run_suites(settings, ["answer", "analyze"], runners={
        "answer": returning(new_answer), "analyze": raising(AdvisorError("requirements.jsonl is missing"))}),
        floors, "openai", meta=new_meta)
    return old, new


def test_compare_gives_deltas_floor_marks_and_changed_cases(settings: Settings, floors: Limits):
    old, new = two_reports(settings, floors)
    comparison = compare_reports(old, new, floors)
    deltas = {(d.suite, d.metric): d for d in comparison.metrics}
    assert deltas[("answer", "answered_rate")].delta == pytest.approx(-0.04)
    assert deltas[("answer", "answered_rate")].mark == "REGRESSION (below floor)"
    assert deltas[("answer", "refusal_recall")].mark == "now within limit"
    assert deltas[("answer", "refusal_precision")].mark == "REGRESSION (missing)"
    assert deltas[("answer", "refusal_precision")].delta is None
    assert deltas[("answer", "citation_validity")].delta == 0 and deltas[("answer", "citation_validity")].mark == ""
    assert deltas[("analyze", "precision")].mark == "REGRESSION (suite failed)"
    assert {f"{d.suite}.{d.metric}" for d in comparison.regressions()} == {
        "answer.answered_rate", "answer.refusal_precision", "analyze.precision", "analyze.recall"}
    changes = {(c.suite, c.case_id): c.kind for c in comparison.cases}
    # analyze failed in the new run: its cases are not reported as removed
    assert changes == {("answer", "a2"): "newly failing", ("answer", "a3"): "newly passing",
                       ("answer", "a4"): "removed", ("answer", "a5"): "added"}
    assert comparison.changed_meta["git_commit"] == ("abc1234", "def5678")
    assert comparison.changed_meta["prompt_versions.answer"] == ("0123456789", "9999999999")
    assert comparison.suites["analyze"] == ("ok", "error: requirements.jsonl is missing")
    text = format_comparison(comparison)
    assert "newly failing cases: 1\n  answer: a2" in text and "newly passing cases: 1\n  answer: a3" in text
    assert "4 regression(s) against the limits" in text
    row = next(line for line in text.splitlines() if line.startswith("answer") and "answered_rate" in line).split()
    assert row[:6] == ["answer", "answered_rate", "0.920", "0.880", "-0.040", "0.900"]


def test_compare_marks_against_given_floors_else_those_recorded_in_the_new_report(settings: Settings,
                                                                                  floors: Limits, tmp_path: Path):
    old, new = two_reports(settings, floors)
    recorded = {f"{d.suite}.{d.metric}" for d in compare_reports(old, new, None).regressions()}
    assert recorded == {"answer.answered_rate", "answer.refusal_precision", "analyze.precision", "analyze.recall"}
    (tmp_path / "lenient").mkdir()
    lenient = load_limits(thresholds_file(tmp_path / "lenient", "[answer]\nanswered_rate = 0.5\n"))
    assert [f"{d.suite}.{d.metric}" for d in compare_reports(old, new, lenient).metrics if d.floor is not None] == [
        "answer.answered_rate"]
    assert compare_reports(old, new, lenient).regressions() == []


def test_compare_command_reads_two_report_files_and_exits_0(settings: Settings, floors: Limits, tmp_path, capsys):
    old, new = two_reports(settings, floors)
    write_report(old, tmp_path / "old")
    write_report(new, tmp_path / "new")
    evals = Path(floors.path).parent
    s = settings.with_overrides(evals_dir=evals)
    assert run_cli(["--compare", str(tmp_path / "old" / "report.json"), str(tmp_path / "new" / "report.json")], s) == 0
    out = capsys.readouterr().out
    assert "REGRESSION (below floor)" in out and "newly failing cases: 1" in out
    assert "provider: extractive -> openai" in out
    assert run_cli(["--compare", str(tmp_path / "old"), str(tmp_path / "new"), "--json"], s) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"suite": "answer", "case_id": "a2", "old_ok": True, "new_ok": False, "change": "newly failing"} in [
        {k: c[k] for k in ("suite", "case_id", "old_ok", "new_ok", "change")} for c in data["cases"]]
    assert "answer.answered_rate" in data["regressions"]


def test_cases_of_different_data_sets_in_one_suite_are_compared_separately(settings: Settings, floors: Limits):
    from advisor.evaluation.report import build_report

    def analyze(unseen_ok: bool) -> Report:
        res = result("analyze", {"precision": 1.0, "recall": 1.0},
                     cases=[{"id": "r1", "set": "tuning", "ok": True}, {"id": "r1", "set": "unseen", "ok": unseen_ok}])
        return build_report(settings, run_suites(settings, ["analyze"], runners={"analyze": returning(res)}),
                            floors, "extractive", meta=meta())

    changes = compare_reports(analyze(True), analyze(False), floors).cases
    assert [(c.case_id, c.kind) for c in changes] == [("unseen/r1", "newly failing")]


def test_hide_unseen_counts_the_changed_unseen_cases_without_showing_them(settings: Settings, floors: Limits,
                                                                         tmp_path, capsys):
    from advisor.evaluation.report import build_report

    def analyze(ok: bool, answer: str) -> Report:
        res = result("analyze", {"precision": 1.0, "recall": 1.0, "unseen.recall": 0.5 if ok else 0.25},
                     cases=[{"id": "r1", "set": "tuning", "ok": ok, "text": "seen text", "predicted": answer},
                            {"id": "u1", "set": "real_unseen", "ok": ok, "text": "secret unseen text",
                             "predicted": answer}])
        return build_report(settings, run_suites(settings, ["analyze"], runners={"analyze": returning(res)}),
                            floors, "extractive", meta=meta())

    old, new = analyze(True, "brand"), analyze(False, "none")
    comparison = compare_reports(old, new, floors).without_unseen()
    assert [c.case_id for c in comparison.cases] == ["tuning/r1"] and comparison.hidden_unseen == 1
    assert not any("unseen" in d.metric for d in comparison.metrics)
    write_report(old, tmp_path / "old")
    write_report(new, tmp_path / "new")
    s = settings.with_overrides(evals_dir=Path(floors.path).parent)
    args = ["--compare", str(tmp_path / "old" / "report.json"), str(tmp_path / "new" / "report.json"), "--hide-unseen"]
    assert run_cli(args, s) == 0
    out = capsys.readouterr().out
    assert "u1" not in out and "secret" not in out and "not shown: 1" in out and "tuning/r1" in out
    assert "unseen.recall" not in out
    assert run_cli([*args, "--json"], s) == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["case_id"] for c in data["cases"]] == ["tuning/r1"] and data["hidden_unseen_cases"] == 1
    with pytest.raises(InvalidInput):
        run_cli(["--hide-unseen"], s)


def test_a_suite_left_out_of_the_new_run_is_not_a_regression(settings: Settings, floors: Limits):
    from advisor.evaluation.report import build_report

    old, _ = two_reports(settings, floors)
    answer_only = build_report(settings, run_suites(settings, ["answer"], runners={"answer": returning(ANSWER)}),
                               floors, "extractive", meta=meta())
    comparison = compare_reports(old, answer_only, floors)
    analyze = [d for d in comparison.metrics if d.suite == "analyze"]
    assert analyze and all(d.mark == "suite not in new run" for d in analyze)
    assert comparison.suites["analyze"] == ("ok", "not run")
    assert not any(d.suite == "analyze" for d in comparison.regressions())
    assert not any(c.suite == "analyze" for c in comparison.cases)


def test_same_report_compared_with_itself_changes_nothing(report: Report, floors: Limits):
    comparison = compare_reports(report, report, floors)
    assert comparison.cases == [] and comparison.changed_meta == {}
    assert all(d.delta in (None, 0) for d in comparison.metrics)
    assert comparison.regressions() == []


# --- the real suites ----------------------------------------------------------------------------------


def test_shipped_floors_name_metrics_the_retrieval_suite_reports(corpus_hash_settings: Settings):
    """A renamed metric must fail the gate, not pass it: every shipped floor names a real metric (hash index: fast)."""
    shipped = load_limits(SHIPPED_THRESHOLDS)
    report = evaluate(corpus_hash_settings, ["retrieval"], "extractive", shipped)
    assert report.runs[0].ok, report.runs[0].error
    missing = [g.metric for g in report.gates if g.reason == "metric missing"]
    assert missing == []
    md = format_markdown(report)
    assert "### by_lang" in md and "### by_category" in md


@pytest.mark.parametrize("suite", [s for s in SUITES if s != "retrieval"])
def test_shipped_floors_name_metrics_each_offline_suite_reports(suite: str, corpus_hash_settings: Settings):
    if importlib.util.find_spec(f"advisor.evaluation.{SUITES[suite]}") is None:
        pytest.skip(f"suite module advisor.evaluation.{SUITES[suite]} not written yet")
    shipped = load_limits(SHIPPED_THRESHOLDS, "extractive")
    report = evaluate(corpus_hash_settings, [suite], "extractive", shipped)
    assert report.runs[0].ok, report.runs[0].error
    assert [g.metric for g in report.gates if g.reason == "metric missing"] == []


@pytest.mark.slow
def test_retrieval_meets_its_floors_on_the_real_corpus(corpus_e5_settings: Settings, capsys):
    assert run_cli(["--suite", "retrieval", "--check"], corpus_e5_settings) == 0, capsys.readouterr().err
