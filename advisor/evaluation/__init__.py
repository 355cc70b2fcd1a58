"""Evaluation: suites that measure each job of the assistant on the data sets in evals/, gates, reports, comparison.

    limits = load_limits(evals_dir / LIMITS_FILE, provider)
    report = evaluate(settings, suite_names(["answer"]), provider, limits)
    write_report(report, Path("reports/latest"))
"""

from advisor.evaluation.compare import compare_reports, format_comparison
from advisor.evaluation.gates import LIMITS_FILE, NO_LIMITS, load_limits
from advisor.evaluation.judge import judge_name, judge_rows
from advisor.evaluation.ratings import (
    CRITERIA,
    RUBRIC,
    cohen_kappa,
    format_ratings,
    rating_rows,
    read_sheet,
    sheet_text,
    summarize_ratings,
    write_sheet,
)
from advisor.evaluation.report import Report, evaluate, format_table, load_report
from advisor.evaluation.report_files import write_report
from advisor.evaluation.runner import suite_names
from advisor.evaluation.suite import SUITES, SuiteResult, run_suite

__all__ = [
    "CRITERIA",
    "LIMITS_FILE",
    "NO_LIMITS",
    "RUBRIC",
    "SUITES",
    "Report",
    "SuiteResult",
    "cohen_kappa",
    "compare_reports",
    "evaluate",
    "format_comparison",
    "format_ratings",
    "format_table",
    "judge_name",
    "judge_rows",
    "load_limits",
    "load_report",
    "rating_rows",
    "read_sheet",
    "run_suite",
    "sheet_text",
    "suite_names",
    "summarize_ratings",
    "write_report",
    "write_sheet",
]
