"""The judging path: rating sheets out and in, agreement between raters, the app's thumbs, and the LLM judge
(spoken to over HTTP by a real local server that speaks the OpenAI protocol)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from llm_server import OpenAICompatibleServer
from paths import TEST_DATA

from advisor.config import PROJECT_ROOT, Settings
from advisor.errors import AdvisorError, ProviderError
from advisor.evaluation import (
    CRITERIA,
    cohen_kappa,
    format_ratings,
    load_report,
    read_sheet,
    sheet_text,
    summarize_ratings,
    write_report,
)
from advisor.evaluation.judge import judge_rows, parse_verdict
from advisor.evaluation.ratings import SHEET_COLUMNS, RatingRow
from advisor.feedback import open_feedback

SHEETS = TEST_DATA / "ratings"
ROWS = [
    RatingRow("a01", "Hvorfor beskrive behovet og ikke løsningen?", "=Beskriv formål og effekter [1].",
              "[1] Innovasjonsvennlig praksis: Beskriv formål, resultater og effekter.", True),
    RatingRow("o02", "Hvordan baker jeg surdeigsbrød?", "Kildene sier ikke noe om dette.", "", False),
]


def run_cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "advisor", "eval", *args], capture_output=True, text=True,
                          env={**os.environ, **env}, cwd=PROJECT_ROOT, timeout=300)


def test_cohen_kappa_matches_the_textbook_and_an_independent_implementation():
    from sklearn.metrics import cohen_kappa_score

    a = [2, 2, 1, 2, 2, 1, 2, 2, 0, 2, 2, 2]
    b = [2, 2, 1, 2, 2, 2, 2, 1, 0, 2, 2, 2]
    assert cohen_kappa(a, b) == pytest.approx(cohen_kappa_score(a, b))
    assert cohen_kappa([0, 1, 0, 1], [0, 1, 0, 1]) == 1.0
    assert cohen_kappa([0, 1, 0, 1], [1, 0, 1, 0]) == pytest.approx(-1.0)
    assert cohen_kappa([2, 2, 2], [2, 2, 2]) == 1.0  # one label throughout: full agreement, not 0/0
    assert cohen_kappa([], []) is None


def test_the_sheet_has_the_question_answer_sources_and_empty_rubric_columns_and_no_formulas():
    rows = list(csv.reader(io.StringIO(sheet_text(ROWS, rater="kari"))))
    assert tuple(rows[0]) == SHEET_COLUMNS
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["answer"].startswith("'=")  # a spreadsheet must not run it
    assert first["sources"].startswith("[1] Innovasjonsvennlig") and first["grounded"] == "ja"
    assert [first[c] for c in CRITERIA] == ["", "", "", ""] and first["rater"] == "kari"


def test_two_filled_sheets_give_means_kappa_and_the_apps_thumbs_for_the_same_questions(settings: Settings):
    store = open_feedback(settings)
    kari = read_sheet(SHEETS / "kari.csv")
    question = kari.questions["a01"]
    store.add("up", question, "svar")
    store.add("down", "  " + question.upper() + " ", "svar")  # the same question as typed in the app
    store.add("up", "Et annet spørsmål", "svar")
    summary = summarize_ratings([kari, read_sheet(SHEETS / "ola.csv")], store.counts_by_question())
    assert summary["raters"] == ["kari", "ola"]
    kappas = {a["criterion"]: a["kappa"] for a in summary["agreement"]}
    assert kappas == {"correct": 0.586, "supported": 0.8, "complete": 0.84, "clear": 0.377}  # sklearn agrees
    row = next(q for q in summary["questions"] if q["id"] == "a01")
    assert (row["kari"], row["ola"], row["thumbs_up"], row["thumbs_down"]) == ("2 2 2 2", "2 2 2 1", 1, 1)
    text = format_ratings(summary)
    assert "kari / ola" in text and "0.59" in text


def test_a_bad_score_names_the_file_row_case_and_column(tmp_path: Path):
    text = (SHEETS / "kari.csv").read_text(encoding="utf-8-sig").replace(",kari,2,2,2,2,", ",kari,2,5,2,2,", 1)
    bad = tmp_path / "bad.csv"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(AdvisorError, match=r"bad.csv: row \d+ \(case a01\), column supported: got '5'"):
        read_sheet(bad)
    (tmp_path / "none.csv").write_text("id;question\na01;x\n", encoding="utf-8")
    with pytest.raises(AdvisorError, match="missing column"):
        read_sheet(tmp_path / "none.csv")


def test_a_sheet_saved_by_a_norwegian_spreadsheet_with_semicolons_is_read(tmp_path: Path):
    rows = list(csv.reader(io.StringIO((SHEETS / "ola.csv").read_text(encoding="utf-8-sig"))))
    path = tmp_path / "ola-excel.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        csv.writer(out, delimiter=";").writerows(rows)
    assert read_sheet(path).scores == read_sheet(SHEETS / "ola.csv").scores


def test_imported_ratings_go_into_the_report_files(tmp_path: Path):
    env = {"ADVISOR_HOME": str(tmp_path / "home"), "ADVISOR_CONFIG": str(tmp_path / "none.toml")}
    done = run_cli(["--import-ratings", str(SHEETS / "kari.csv"), str(SHEETS / "ola.csv"),
                    "--report", str(tmp_path / "report")], env)
    assert done.returncode == 0, done.stderr
    assert "kari / ola" in done.stdout
    markdown = (tmp_path / "report" / "report.md").read_text(encoding="utf-8")
    assert "## Ratings of answers" in markdown and "Cohen's kappa" in markdown and "| kari / ola | correct | 12 |" in markdown
    assert load_report(tmp_path / "report").ratings["raters"] == ["kari", "ola"]


def test_ratings_are_attached_to_an_existing_report_without_losing_it(tmp_path: Path):
    from advisor.evaluation import Report

    folder = tmp_path / "report"
    write_report(Report({"provider": "extractive"}, [], [], {}), folder)
    env = {"ADVISOR_HOME": str(tmp_path / "home"), "ADVISOR_CONFIG": str(tmp_path / "none.toml")}
    assert run_cli(["--import-ratings", str(SHEETS / "kari.csv"), "--report", str(folder)], env).returncode == 0
    report = load_report(folder)
    assert report.meta["provider"] == "extractive" and report.ratings["raters"] == ["kari"]


# --- the judge ---------------------------------------------------------------------------------------------------


def _verdict(body: dict) -> str:
    user = body["messages"][-1]["content"]
    if "surdeigsbrød" in user:
        return "Jeg synes svaret er greit."  # not the rubric's JSON
    return 'Vurdering: {"correct": 2, "supported": 1, "complete": 2, "clear": 1, "comment": "ett utsagn mangler kilde"}'


def test_the_judge_sends_the_rubric_question_answer_and_sources_and_reads_the_scores(settings: Settings):
    with OpenAICompatibleServer(reply=_verdict) as server:
        s = settings.with_overrides(llm={"provider": "openai", "base_url": server.base_url, "model": "test-model",
                                         "max_retries": 0})
        scores, comments, problems = judge_rows(ROWS, s)
        system, user = server.requests[0]["messages"][0]["content"], server.requests[0]["messages"][1]["content"]
    assert "«supported»" in system and "0, 1 eller 2" in system
    assert "Hvorfor beskrive behovet" in user and "Beskriv formål og effekter [1]" in user and "[1] Innovasjonsvennlig" in user
    assert scores == {"a01": {"correct": 2, "supported": 1, "complete": 2, "clear": 1}}
    assert comments["a01"] == "ett utsagn mangler kilde"
    assert problems == ["o02: no JSON object in the reply"]  # not guessed at: left unrated, and said so


def test_a_failing_judge_server_is_a_provider_error(settings: Settings):
    with OpenAICompatibleServer(mode="500") as server:
        s = settings.with_overrides(llm={"provider": "openai", "base_url": server.base_url, "max_retries": 0})
        with pytest.raises(ProviderError, match="HTTP 500"):
            judge_rows(ROWS, s)


@pytest.mark.parametrize("reply,message", [
    ('{"correct": 3, "supported": 1, "complete": 2, "clear": 1}', "'correct' is 3"),
    ('{"correct": true, "supported": 1, "complete": 2, "clear": 1}', "'correct' is True"),
    ('{"correct": 2, "supported": 1}', "'complete' is None"),
    ("[1, 2]", "no JSON object"),
])
def test_judge_replies_outside_the_rubric_are_refused(reply, message):
    with pytest.raises(ValueError, match=message):
        parse_verdict(reply)


def test_export_with_judge_needs_an_llm_and_fills_the_sheet_through_the_server(tmp_path: Path, corpus_hash_settings):
    env = {"ADVISOR_HOME": str(corpus_hash_settings.home), "ADVISOR_INDEX_EMBEDDING_BACKEND": "hash",
           "ADVISOR_CONFIG": str(tmp_path / "none.toml"), "ADVISOR_LLM_PROVIDER": "extractive"}
    refused = run_cli(["--export-ratings", str(tmp_path / "j.csv"), "--judge"], env)
    assert refused.returncode == 2 and "--judge needs a language model" in refused.stderr
    with OpenAICompatibleServer(reply=_verdict) as server:
        env.update(ADVISOR_LLM_PROVIDER="openai", ADVISOR_LLM_BASE_URL=server.base_url, ADVISOR_LLM_MODEL="test-model",
                   ADVISOR_LLM_MAX_RETRIES="0")
        done = run_cli(["--export-ratings", str(tmp_path / "j.csv"), "--judge", "--provider", "extractive"], env)
        judged = len(server.requests)
    assert done.returncode == 0, done.stderr
    sheet = read_sheet(tmp_path / "j.csv")
    assert sheet.rater == "judge:openai/test-model"
    assert judged == len(sheet.scores)  # the answers came from extractive; only the judging went to the LLM
    rated = [cid for cid, s in sheet.scores.items() if s["correct"] is not None]
    assert len(rated) >= len(sheet.scores) - 1
    assert json.dumps(sheet.scores["a01"]) == json.dumps({"correct": 2, "supported": 1, "complete": 2, "clear": 1})
