"""The query: one question, checked once at the edge, with its language, its standalone form and its terms.

    question = check_query(raw, settings)                      # once, where the text comes in
    query = Query.build(question, "nb", standalone="...")      # language detected once, by the caller
    hits = retrieve(query, index, settings)
    answer = answer_question(query, hits, settings)

`retrieve` and `answer_question` also take a plain string (the CLI's `search`, tests, benchmarks); they then
check it and build the Query themselves, once.
"""

from __future__ import annotations

from dataclasses import dataclass

from advisor.config import Settings
from advisor.errors import InvalidInput
from advisor.text import QueryTerm, detect_language, query_terms, search_query


def check_query(query: str, settings: Settings) -> str:
    """The query, stripped; empty, control-character-only or over-long queries are refused."""
    if not isinstance(query, str):
        raise InvalidInput("query", query, "text")
    cleaned = "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in query).strip()
    if not cleaned:
        raise InvalidInput("query", query, "a non-empty question or search text")
    if len(cleaned) > settings.answer.max_question_chars:
        raise InvalidInput("query", f"{len(cleaned)} characters", f"at most {settings.answer.max_question_chars} characters (ADVISOR_ANSWER_MAX_QUESTION_CHARS)")
    return cleaned


@dataclass(frozen=True)
class Query:
    """A checked question: as asked, made standalone by the conversation, its language, terms and search text.

    `terms` are the question's weighted content words, plus the words only the standalone form adds at
    `standalone_weight` of their weight (they say what the conversation is about, not what is asked now).
    `search_text` is what the retrievers are given.
    """

    question: str
    standalone: str
    language: str
    terms: tuple[QueryTerm, ...]
    search_text: str

    @classmethod
    def build(cls, question: str, language: str, standalone: str | None = None,
              standalone_weight: float = 0.5) -> Query:
        """A query from a checked question in a known language; English and Danish also search in Norwegian."""
        standalone = standalone or question
        terms = query_terms(question, language)
        if standalone != question:
            own = {t.word for t in terms}
            terms += [QueryTerm(t.word, t.weight * standalone_weight, t.variants, t.is_name)
                      for t in query_terms(standalone, language) if t.word not in own]
        return cls(question, standalone, language, tuple(terms), search_query(standalone, language))

    @classmethod
    def of_text(cls, text: str, settings: Settings) -> Query:
        """A query from unchecked search text, searched as written (no conversation, no translation)."""
        text = check_query(text, settings)
        language = detect_language(text)
        return cls(text, text, language, tuple(query_terms(text, language)), text)


def as_query(query: Query | str, settings: Settings) -> Query:
    """The Query itself, or one built (and checked) from plain text."""
    return query if isinstance(query, Query) else Query.of_text(query, settings)
