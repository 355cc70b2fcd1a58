"""The procurement assessment: a case read by explicit, cited rules into regulation, part, value, procedure and next
steps, with a one-sentence verdict (`Assessment.headline`)."""

from advisor.assessment.amounts import figure_spans, read_amounts
from advisor.assessment.case import (
    BUYERS,
    CONTRACT_TYPES,
    FIELDS,
    MARKET_ANSWERS,
    MAX_AMOUNT_NOK,
    REGIMES,
    RISK_LEVELS,
    VALUE_PERIODS,
    check_text,
    display_value,
    format_amount,
    format_nok,
    load_case,
    load_case_bank,
    parse_case,
    parse_case_text,
)
from advisor.assessment.decide import decide
from advisor.assessment.engine import Assessment, assess, model_version
from advisor.assessment.free_text import (
    READ_FROM_TEXT,
    Extraction,
    ValueBound,
    ask_missing,
    describe_extraction,
    extract_case,
    read_value_bound,
)
from advisor.assessment.headline import THRESHOLD_PHRASES
from advisor.assessment.markdown import to_markdown
from advisor.assessment.next_steps import PART_III_TIME_LIMIT_PROCEDURES, part_iii_time_limits
from advisor.assessment.permission import (
    ASKABLE,
    GROUNDS,
    IP_FREE_CHOICE,
    IP_MARKET_HAS,
    Band,
    Permission,
    by_value,
    permission,
    procedure_name,
)
from advisor.assessment.rules import (
    PARTS,
    POTENTIAL_LABELS,
    PROCEDURES,
    REGIME_LABELS,
    RULES,
    part_label,
    procedure_label,
)
from advisor.assessment.state import ContractValue
from advisor.assessment.thresholds import load_thresholds, threshold_tables
from advisor.assessment.wording import IT_PURCHASE_NOTE, special_service_kind

__all__ = [
    "READ_FROM_TEXT",
    "THRESHOLD_PHRASES",
    "GROUNDS",
    "ASKABLE",
    "Assessment",
    "Band",
    "IP_FREE_CHOICE",
    "IP_MARKET_HAS",
    "IT_PURCHASE_NOTE",
    "BUYERS",
    "CONTRACT_TYPES",
    "ContractValue",
    "FIELDS",
    "MARKET_ANSWERS",
    "MAX_AMOUNT_NOK",
    "PARTS",
    "PART_III_TIME_LIMIT_PROCEDURES",
    "Permission",
    "POTENTIAL_LABELS",
    "PROCEDURES",
    "REGIMES",
    "REGIME_LABELS",
    "RISK_LEVELS",
    "RULES",
    "VALUE_PERIODS",
    "ask_missing",
    "assess",
    "decide",
    "by_value",
    "check_text",
    "describe_extraction",
    "display_value",
    "extract_case",
    "figure_spans",
    "Extraction",
    "read_value_bound",
    "ValueBound",
    "format_amount",
    "format_nok",
    "load_case",
    "load_case_bank",
    "load_thresholds",
    "model_version",
    "parse_case",
    "parse_case_text",
    "part_iii_time_limits",
    "part_label",
    "permission",
    "procedure_label",
    "procedure_name",
    "read_amounts",
    "special_service_kind",
    "threshold_tables",
    "to_markdown",
]
