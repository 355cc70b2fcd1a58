"""What an evaluator reads: changed cases with both answers, every answer in full, targets in words, honest colours."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.config import Settings
from advisor.evaluation import compare_reports, format_comparison, load_limits, write_report
from advisor.evaluation.plots import AMBER, GREEN, GREY, RED, _bar_colors
from advisor.evaluation.report import build_report, format_table
from advisor.evaluation.runner import run_suites
from advisor.evaluation.suite import SuiteResult

LONG = ("Innovasjonspartnerskap kan brukes når behovet ikke kan dekkes av løsninger som finnes i markedet, og "
        "oppdragsgiveren vil både få utviklet og kjøpe løsningen [1]. Prosedyren krever minst 30 dagers frist [2].")
NEGATED = LONG.replace("kan brukes", "kan ikke brukes")


def _report(settings: Settings, limits, cases, metrics=None):
    res = SuiteResult("answer", metrics or {"answered_rate": 0.76, "citation_validity": 1.0}, cases, {}, {}, 0.0)
    runs = run_suites(settings, ["answer"], runners={"answer": lambda s, provider=None, progress=True: res})
    return build_report(settings, runs, limits, "extractive",
                        meta={"provider": "extractive", "git_commit": "abc", "prompt_versions": {}, "datasets": {}})


@pytest.fixture
def limits(tmp_path: Path):
    path = tmp_path / "gates.toml"
    path.write_text("[answer]\nanswered_rate = { floor = 0.75, target = 0.95 }\ncitation_validity = 1.0\n"
                    "faithfulness = { target = 0.9 }\n", encoding="utf-8")
    return load_limits(path)


def test_compare_shows_a_changed_answer_even_when_pass_fail_is_the_same(settings: Settings, limits):
    old = _report(settings, limits, [{"id": "a07", "ok": True, "q": "Når kan vi bruke innovasjonspartnerskap?",
                                      "answer": LONG}, {"id": "a08", "ok": True, "q": "Uendret?", "answer": "Ja [1]."}])
    new = _report(settings, limits, [{"id": "a07", "ok": True, "q": "Når kan vi bruke innovasjonspartnerskap?",
                                      "answer": NEGATED}, {"id": "a08", "ok": True, "q": "Uendret?", "answer": "Ja [1]."}])
    comparison = compare_reports(old, new, limits)
    [change] = comparison.cases
    assert (change.case_id, change.kind, change.question) == ("a07", "answer changed",
                                                              "Når kan vi bruke innovasjonspartnerskap?")
    assert change.old_answer == LONG and change.new_answer == NEGATED
    text = format_comparison(comparison, "før", "etter")
    assert "answer changed cases: 1" in text
    assert "answer a07 (answer changed): Når kan vi bruke innovasjonspartnerskap?" in text
    columns = [line for line in text.splitlines() if " | " in line]
    assert columns[0].split("|")[0].strip() == "før" and columns[0].split("|")[1].strip() == "etter"
    left = " ".join(line.split(" | ")[0].strip() for line in columns[1:])
    right = " ".join(line.split(" | ")[1].strip() for line in columns[1:])
    assert " ".join(left.split()) == LONG and " ".join(right.split()) == NEGATED  # both in full, nothing cut


def test_compare_shows_both_answers_of_a_newly_failing_case(settings: Settings, limits):
    old = _report(settings, limits, [{"id": "a1", "ok": True, "q": "Spørsmål?", "answer": "Gammelt svar [1]."}])
    new = _report(settings, limits, [{"id": "a1", "ok": False, "q": "Spørsmål?", "answer": "Nytt svar [1]."}])
    text = format_comparison(compare_reports(old, new, limits))
    assert "answer a1 (newly failing): Spørsmål?" in text
    assert any("Gammelt svar [1]." in line and "Nytt svar [1]." in line for line in text.splitlines())


def test_the_report_has_an_appendix_with_every_answer_in_full(settings: Settings, limits, tmp_path: Path):
    long_answer = LONG * 4
    report = _report(settings, limits, [{"id": "a1", "ok": True, "q": "Spørsmål én?", "answer": long_answer},
                                        {"id": "a2", "ok": False, "q": "Spørsmål to?", "answer": "Kort [1]."}])
    write_report(report, tmp_path)
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8")
    appendix = markdown.split("## Appendix: every answer in full", 1)[1]
    assert "#### a1 · pass" in appendix and "#### a2 · FAIL" in appendix  # passing answers too
    assert "> " + long_answer in appendix  # not cut at 80 characters
    assert "**Question:** Spørsmål én?" in appendix


def test_target_status_is_stated_in_words(settings: Settings, limits):
    report = _report(settings, limits, [], {"answered_rate": 0.76, "citation_validity": 1.0, "faithfulness": 0.95})
    lines = format_table(report).splitlines()
    assert "pass; below target: 0.760 of 0.950" in next(line for line in lines if "answered_rate" in line)
    assert "target met: 0.950 of 0.900" in next(line for line in lines if "faithfulness" in line)


def test_no_green_bar_for_a_metric_far_below_its_target(settings: Settings, limits):
    report = _report(settings, limits, [], {"answered_rate": 0.76, "citation_validity": 1.0, "faithfulness": 0.5,
                                            "other": 0.3})
    colours = _bar_colors(report, "answer", ["answered_rate", "citation_validity", "faithfulness", "other"])
    assert colours == [AMBER, GREEN, AMBER, GREY]  # passes its floor, but 0.76 of 0.95 is not done
    failing = _report(settings, limits, [], {"answered_rate": 0.5, "citation_validity": 1.0})
    assert _bar_colors(failing, "answer", ["answered_rate"]) == [RED]
