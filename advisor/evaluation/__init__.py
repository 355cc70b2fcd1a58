"""Evaluation: suites that measure each job of the assistant on the data sets in evals/, gates, reports, comparison.

    limits = load_limits(evals_dir / LIMITS_FILE, provider)
    report = evaluate(settings, suite_names(["answer"]), provider, limits)
    write_report(report, Path("reports/latest"))
"""

from advisor.evaluation.compare import compare_reports, format_comparison
from advisor.evaluation.gates import LIMITS_FILE, NO_LIMITS, load_limits
from advisor.evaluation.report import evaluate, format_table, load_report
from advisor.evaluation.report_files import write_report
from advisor.evaluation.runner import suite_names
from advisor.evaluation.suite import SUITES, SuiteResult, run_suite

__all__ = [
    "LIMITS_FILE",
    "NO_LIMITS",
    "SUITES",
    "SuiteResult",
    "compare_reports",
    "evaluate",
    "format_comparison",
    "format_table",
    "load_limits",
    "load_report",
    "run_suite",
    "suite_names",
    "write_report",
]
