"""`advisor eval [--suite NAME] [--provider P] [--json] [--report DIR] [--check] [--compare OLD.json NEW.json]`.

Runs the evaluation suites (default: all) and prints suite, metric, value, floor, target and status. With --check
the exit code is 1 when a suite failed to run, a metric is below its floor (above its ceiling) or a gated metric
is missing.
--compare prints the deltas between two report.json files and, for every case whose outcome or answer changed,
the question and both answers side by side (exit 0); --hide-unseen leaves out the metrics of the frozen unseen
sets and only counts their changed cases.
--export-ratings SHEET.csv asks every question of the answer set and writes a rating sheet for human raters
(--judge: the configured LLM fills it); --import-ratings SHEET.csv ... reads filled sheets back and shows the scores,
the agreement between raters (Cohen's kappa) and the app's thumbs feedback, alone or in the report of a run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    from advisor.evaluation import SUITES

    choices = (*SUITES, "all")
    p = sub.add_parser(
        "eval",
        help="measure the assistant on the evaluation sets (retrieval, answers, requirement analysis, rewrites, assessment)",
        description="Run the evaluation suites on the data sets in evals/ and print each metric with its floor (or "
        "ceiling) from evals/gates.toml. Exit codes: 0 = ran (and with --check: every limit kept), 1 = a suite "
        "failed to run or (with --check) a limit was broken, 2 = usage error. See evals/README.md.",
    )
    p.add_argument("--suite", action="append", choices=choices, metavar="NAME",
                   help=f"suite to run: {' | '.join(choices)} (default all; repeatable)")
    p.add_argument("--provider", metavar="P",
                   help="LLM provider for the suites that use one: extractive | openai | azure | ollama "
                   "(default ADVISOR_LLM_PROVIDER); also selects a [suite.P] table in gates.toml")
    p.add_argument("--json", action="store_true", help="print the full report (metrics, cases, tables, metadata) as JSON")
    p.add_argument("--report", metavar="DIR", help="write report.md, report.json and PNG charts into DIR")
    p.add_argument("--check", action="store_true", help="exit 1 if any gate in gates.toml fails (and print which)")
    p.add_argument("--limits", metavar="FILE",
                   help="limits file (default: gates.toml in ADVISOR_EVALS_DIR)")
    p.add_argument("--compare", nargs=2, metavar=("OLD.json", "NEW.json"),
                   help="compare two report.json files: metric deltas, limits crossed, and every changed case with "
                   "its question and both answers side by side (exit 0)")
    p.add_argument("--hide-unseen", action="store_true",
                   help="with --compare: leave out the metrics of the frozen unseen sets and only count their changed "
                   "cases (for tuning without reading the unseen questions, answers or scores)")
    p.add_argument("--export-ratings", metavar="SHEET.csv",
                   help="ask every question of evals/answers.jsonl and write a rating sheet (question, answer, "
                   "sources, rubric columns) for human raters")
    p.add_argument("--rater", metavar="NAME", help="with --export-ratings: the rater's name written into the sheet")
    p.add_argument("--judge", action="store_true",
                   help="with --export-ratings: the configured LLM (ADVISOR_LLM_PROVIDER) fills the rubric as one more "
                   "rater (prompt: prompts/judge.md)")
    p.add_argument("--import-ratings", nargs="+", metavar="SHEET.csv",
                   help="read filled rating sheets: mean scores, agreement between raters (Cohen's kappa), the app's "
                   "thumbs feedback; with --report DIR they go into that report (the one already there, or the run's)")
    p.set_defaults(func=run)


def _thresholds_path(args: argparse.Namespace, settings) -> Path:
    return Path(args.limits) if args.limits else settings.evals_dir / "gates.toml"


def _compare(args: argparse.Namespace, settings) -> int:
    from advisor.cli.common import print_json
    from advisor.errors import InvalidInput
    from advisor.evaluation import compare_reports, format_comparison, load_limits, load_report

    clashing = [flag for flag, given in (("--suite", args.suite), ("--check", args.check), ("--report", args.report),
                                          ("--provider", args.provider)) if given]
    if clashing:
        raise InvalidInput("arguments", " ".join(clashing), "--compare OLD.json NEW.json on its own (with --json or --limits)")
    old_path, new_path = (Path(p) for p in args.compare)
    old, new = load_report(old_path), load_report(new_path)
    path = _thresholds_path(args, settings)
    limits = None
    if path.is_file():
        limits = load_limits(path, new.meta.get("provider"))
    elif args.limits:
        raise InvalidInput("limits", args.limits, "an existing gates.toml")
    comparison = compare_reports(old, new, limits)
    if args.hide_unseen:
        comparison = comparison.without_unseen()
    if args.json:
        print_json(comparison.to_dict())
    else:
        print(format_comparison(comparison, str(old_path), str(new_path)))
    return 0


def _clashes(args: argparse.Namespace, mode: str, allowed: tuple[str, ...]) -> None:
    from advisor.errors import InvalidInput

    given = {"--suite": args.suite, "--check": args.check, "--report": args.report, "--provider": args.provider,
             "--json": args.json, "--limits": args.limits, "--judge": args.judge, "--rater": args.rater,
             "--import-ratings": args.import_ratings, "--export-ratings": args.export_ratings}
    clashing = [flag for flag, value in given.items() if value and flag not in allowed and flag != mode]
    if clashing:
        raise InvalidInput("arguments", " ".join(clashing), f"{mode} with {', '.join(allowed) or 'nothing else'}")


def _export_ratings(args: argparse.Namespace, settings) -> int:
    from advisor.evaluation import judge_name, judge_rows, rating_rows, sheet_text, write_sheet
    from advisor.llm import check_provider

    _clashes(args, "--export-ratings", ("--provider", "--rater", "--judge"))
    provider = check_provider(args.provider, settings)
    rater = args.rater or ""
    if args.judge:
        rater = judge_name(settings)  # fails now, before any question is asked, when no LLM is configured
    progress = sys.stderr.isatty()
    rows = rating_rows(settings, provider, progress=progress)
    scores, comments, problems = judge_rows(rows, settings, progress=progress) if args.judge else ({}, {}, [])
    path = write_sheet(sheet_text(rows, rater, scores, comments), Path(args.export_ratings))
    print(f"wrote {len(rows)} answers ({provider}) to {path}" + (f", rated by {rater}" if args.judge else ""),
          file=sys.stderr)
    for problem in problems:
        print(f"  judge reply not usable: {problem}", file=sys.stderr)
    return 0


def _ratings(paths: list[str], settings) -> dict:
    from advisor.evaluation import read_sheet, summarize_ratings
    from advisor.feedback import feedback_path, open_feedback

    sheets = [read_sheet(Path(p)) for p in paths]
    thumbs = open_feedback(settings).counts_by_question() if feedback_path(settings).is_file() else {}
    return summarize_ratings(sheets, thumbs)


def _import_ratings(args: argparse.Namespace, settings) -> int:
    """Ratings alone: printed, and put into the report in --report DIR (the one there, or a ratings-only one)."""
    from advisor.cli.common import print_json
    from advisor.evaluation import Report, format_ratings, load_report, write_report

    _clashes(args, "--import-ratings", ("--report", "--json"))
    ratings = _ratings(args.import_ratings, settings)
    if args.report:
        folder = Path(args.report)
        report = load_report(folder) if (folder / "report.json").is_file() else Report({}, [], [], {})
        report.ratings = ratings
        written = write_report(report, folder)
        print(f"wrote {len(written)} files to {folder}: {', '.join(p.name for p in written)}", file=sys.stderr)
    if args.json:
        print_json(ratings)
    else:
        print(format_ratings(ratings))
    return 0


def _refuse_orphan_flags(args: argparse.Namespace) -> None:
    """Flags that only mean something beside another one: a clear error instead of silently ignoring them."""
    from advisor.errors import InvalidInput

    if args.hide_unseen:
        raise InvalidInput("arguments", "--hide-unseen", "--compare OLD.json NEW.json --hide-unseen")
    if args.judge or args.rater:
        raise InvalidInput("arguments", "--judge/--rater", "--export-ratings SHEET.csv with --judge or --rater NAME")


def run(args: argparse.Namespace, settings) -> int:
    if args.compare:
        return _compare(args, settings)
    if args.export_ratings:
        return _export_ratings(args, settings)
    _refuse_orphan_flags(args)
    if args.import_ratings and not args.suite:
        return _import_ratings(args, settings)

    from advisor.cli.common import print_json
    from advisor.errors import AdvisorError
    from advisor.evaluation import NO_LIMITS, evaluate, format_table, load_limits, suite_names, write_report
    from advisor.llm import check_provider

    names = suite_names(args.suite)
    provider = check_provider(args.provider, settings)  # unknown name: exit 2 before any suite runs
    path = _thresholds_path(args, settings)
    if path.is_file():
        limits = load_limits(path, provider)  # a broken limits file fails before the (slow) suites
    elif args.check or args.limits:
        raise AdvisorError(f"limits file {path} is missing: --check needs floors (see evals/README.md)")
    else:
        limits = NO_LIMITS

    ratings = _ratings(args.import_ratings, settings) if args.import_ratings else None  # bad sheets fail first
    progress = sys.stderr.isatty()
    report = evaluate(settings, names, provider, limits, progress=progress)
    report.ratings = ratings

    if args.report:
        written = write_report(report, Path(args.report))
        print(f"wrote {len(written)} files to {args.report}: {', '.join(p.name for p in written)}", file=sys.stderr)
    if args.json:
        print_json(report.to_dict())
    else:
        print(format_table(report))
        if ratings:
            from advisor.evaluation import format_ratings

            print()
            print(format_ratings(ratings))

    errors = [r for r in report.runs if not r.ok]
    if args.check:
        failed = report.failed_gates()
        if failed:
            print(f"advisor eval: {len(failed)} of {len(report.gates)} gates failed:", file=sys.stderr)
            for gate in failed:
                print(f"  FAIL {gate.describe()}", file=sys.stderr)
            return 1
        print(f"advisor eval: all {len(report.gates)} gates passed", file=sys.stderr)
        return 0
    if errors:
        for run_ in errors:
            print(f"advisor eval: suite {run_.suite} failed: {run_.error}", file=sys.stderr)
        return 1
    return 0
