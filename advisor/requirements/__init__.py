"""The requirement analyzer: solution-specific wording found in requirement text, explained and cited."""

from advisor.requirements.analyzer import (
    CATEGORIES,
    Finding,
    RequirementAnalysis,
    analyze_requirement,
    analyze_text,
    read_requirements_file,
    split_requirements,
)
from advisor.requirements.detectors import Hit, find_hits
from advisor.requirements.lexicon import (
    BOUND_BEFORE,
    CATEGORY_LABELS,
    EQUIVALENT,
    FUNCTION_TIE,
    NUMBER,
    PARAM_UNIT,
    STANDARDS,
    TIME_UNIT,
    brand_key,
    brand_regex,
    load_brands,
)

__all__ = [
    "BOUND_BEFORE",
    "CATEGORIES",
    "CATEGORY_LABELS",
    "EQUIVALENT",
    "FUNCTION_TIE",
    "Finding",
    "Hit",
    "NUMBER",
    "PARAM_UNIT",
    "RequirementAnalysis",
    "STANDARDS",
    "TIME_UNIT",
    "analyze_requirement",
    "analyze_text",
    "brand_key",
    "brand_regex",
    "find_hits",
    "load_brands",
    "read_requirements_file",
    "split_requirements",
]
