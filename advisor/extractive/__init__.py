"""The extractive composer: a short answer made of the best-supported sentences of the retrieved passages.

No LLM is involved. The question is turned into weighted query terms (terms.py: Norwegian stemming and
compound splitting from advisor.lexical; English and Danish words mapped onto Norwegian ones), each passage
into readable candidate sentences (sentences.py: headings, bullet fragments, source lists and boilerplate are
skipped; a bullet is kept only with its lead-in or label; table rows are read out with their header), and 2-5
sentences are picked by term overlap, passage rank, source authority and diversity (compose.py). The same
input always gives the same answer.
"""

from advisor.extractive.compose import (
    DUPLICATE_OVERLAP,
    EXTRACTIVE_VERSION,
    MAX_ANSWER_CHARS,
    MAX_SENTENCES,
    MIN_SENTENCE_MATCH,
    NEAR_COPY_OVERLAP,
    REDUNDANCY_PENALTY,
    RELATIVE_FLOOR,
    SECOND_FLOOR,
    Candidate,
    Composition,
    compose,
)
from advisor.extractive.sentences import (
    MAX_SENTENCE_CHARS,
    is_answerable,
    is_instruction_like,
    is_source_list,
    passage_sentences,
    passage_units,
    split_sentences,
    trailing_lead_in,
)
from advisor.extractive.terms import (
    QueryTerm,
    content_stems,
    content_terms,
    coverage,
    query_terms,
    search_query,
    text_terms,
)

__all__ = [
    "DUPLICATE_OVERLAP",
    "EXTRACTIVE_VERSION",
    "MAX_ANSWER_CHARS",
    "MAX_SENTENCES",
    "MAX_SENTENCE_CHARS",
    "MIN_SENTENCE_MATCH",
    "NEAR_COPY_OVERLAP",
    "REDUNDANCY_PENALTY",
    "RELATIVE_FLOOR",
    "SECOND_FLOOR",
    "Candidate",
    "Composition",
    "QueryTerm",
    "compose",
    "content_stems",
    "content_terms",
    "coverage",
    "is_answerable",
    "is_instruction_like",
    "is_source_list",
    "passage_sentences",
    "passage_units",
    "query_terms",
    "search_query",
    "split_sentences",
    "text_terms",
    "trailing_lead_in",
]
