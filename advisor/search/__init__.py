"""Search: embedders, the index (Chroma + BM25 over the same chunks), hybrid retrieval."""

from advisor.search.index import Index, IndexReport, build_index, ensure_index, index_exists, open_index
from advisor.search.lexical import LexicalIndex
from advisor.search.query import Query, as_query, check_query
from advisor.search.retrieve import Hit, retrieve

__all__ = [
    "Hit",
    "Index",
    "IndexReport",
    "LexicalIndex",
    "Query",
    "as_query",
    "build_index",
    "check_query",
    "ensure_index",
    "index_exists",
    "open_index",
    "retrieve",
]
