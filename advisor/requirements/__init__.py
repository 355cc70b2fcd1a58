"""The requirement analyzer: solution-specific wording found in requirement text, explained and cited."""

from advisor.requirements.analyzer import (
    Finding,
    RequirementAnalysis,
    analyze_requirement,
    analyze_text,
    legal_rule,
    read_requirements_file,
    rule_key,
    split_requirements,
)
from advisor.requirements.context import MANDATED_STANDARD, NAMED_STANDARD
from advisor.requirements.detectors import Match, find_matches
from advisor.requirements.lexicon import (
    BOUND_BEFORE,
    CATEGORY_LABELS,
    EQUIVALENT,
    EQUIVALENT_SOON,
    FINDING_CATEGORIES,
    FUNCTION_TIE,
    NUMBER,
    PARAM_UNIT,
    STANDARDS,
    TIME_UNIT,
    brand_key,
    brand_regex,
    load_brands,
)
from advisor.requirements.purchase import KIND_LABELS, KINDS, PurchaseObject, noun_kind, read_purchase_object

__all__ = [
    "BOUND_BEFORE",
    "CATEGORY_LABELS",
    "EQUIVALENT",
    "EQUIVALENT_SOON",
    "FINDING_CATEGORIES",
    "FUNCTION_TIE",
    "Finding",
    "KINDS",
    "KIND_LABELS",
    "MANDATED_STANDARD",
    "Match",
    "NAMED_STANDARD",
    "NUMBER",
    "PARAM_UNIT",
    "PurchaseObject",
    "RequirementAnalysis",
    "STANDARDS",
    "TIME_UNIT",
    "analyze_requirement",
    "analyze_text",
    "brand_key",
    "brand_regex",
    "find_matches",
    "legal_rule",
    "load_brands",
    "noun_kind",
    "read_purchase_object",
    "read_requirements_file",
    "rule_key",
    "split_requirements",
]
