"""Text analysis shared by every feature: language detection, Norwegian terms, word frequency, OCR repair."""

from advisor.text.analyzer import Analyzer
from advisor.text.instructions import is_addressed_to_assistant
from advisor.text.language import detect_language
from advisor.text.repair import drop_boilerplate, repair_ocr
from advisor.text.terms import (
    QueryTerm,
    content_stems,
    content_terms,
    coverage,
    query_terms,
    search_query,
    text_terms,
)
from advisor.text.wordfreq import zipf

__all__ = [
    "Analyzer",
    "QueryTerm",
    "content_stems",
    "content_terms",
    "coverage",
    "detect_language",
    "drop_boilerplate",
    "is_addressed_to_assistant",
    "query_terms",
    "repair_ocr",
    "search_query",
    "text_terms",
    "zipf",
]
