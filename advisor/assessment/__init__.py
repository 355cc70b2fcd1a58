"""The procurement assessment: a case read by explicit, cited rules into part, procedure and next steps."""

from advisor.assessment.case import (
    BUYERS,
    CONTRACT_TYPES,
    FIELDS,
    MARKET_ANSWERS,
    RISK_LEVELS,
    format_nok,
    load_case,
    load_case_bank,
    parse_case,
    parse_case_text,
)
from advisor.assessment.engine import Assessment, assess, model_version
from advisor.assessment.free_text import ask_missing, describe_extraction, extract_case
from advisor.assessment.markdown import to_markdown
from advisor.assessment.rules import POTENTIAL_LABELS, PROCEDURES, RULES, load_thresholds, procedure_label

__all__ = [
    "Assessment",
    "BUYERS",
    "CONTRACT_TYPES",
    "FIELDS",
    "MARKET_ANSWERS",
    "POTENTIAL_LABELS",
    "PROCEDURES",
    "RISK_LEVELS",
    "RULES",
    "ask_missing",
    "assess",
    "describe_extraction",
    "extract_case",
    "format_nok",
    "load_case",
    "load_case_bank",
    "load_thresholds",
    "model_version",
    "parse_case",
    "parse_case_text",
    "procedure_label",
    "to_markdown",
]
