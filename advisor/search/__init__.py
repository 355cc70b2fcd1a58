"""Search: embedders, the index (Chroma + BM25 over the same chunks, builds and their registry), hybrid retrieval."""

from advisor.search.build import (
    LOCK_WAIT_S,
    IndexReport,
    build_index,
    ensure_index,
    registered_sources,
    write_shipped_vectors,
)
from advisor.search.cards import (
    Card,
    CardError,
    CardMatch,
    CardSource,
    check_card_sources,
    load_cards,
    make_card,
    match_card,
    rank_cards,
    source_chunk,
)
from advisor.search.embedders import EmbeddingCache, get_embedder, text_key
from advisor.search.index import (
    SERVER_HNSW,
    Index,
    ServerUnavailable,
    index_exists,
    open_index,
    open_registry,
    server_collection,
)
from advisor.search.lexical import LexicalIndex
from advisor.search.query import Query, as_query, check_query
from advisor.search.registry import BuildRecord, BuildRegistry, write_atomically
from advisor.search.retrieve import Hit, retrieve
from advisor.search.thesaurus import CONCEPTS, NEW_ACT, PROCEDURE_NAMES, UP_TO, described_concepts

__all__ = [
    "NEW_ACT",
    "PROCEDURE_NAMES",
    "CONCEPTS",
    "described_concepts",
    "UP_TO",
    "Card",
    "CardError",
    "CardMatch",
    "CardSource",
    "check_card_sources",
    "load_cards",
    "make_card",
    "match_card",
    "rank_cards",
    "source_chunk",
    "LOCK_WAIT_S",
    "BuildRecord",
    "BuildRegistry",
    "EmbeddingCache",
    "Hit",
    "Index",
    "IndexReport",
    "LexicalIndex",
    "Query",
    "SERVER_HNSW",
    "ServerUnavailable",
    "as_query",
    "build_index",
    "write_shipped_vectors",
    "check_query",
    "ensure_index",
    "get_embedder",
    "index_exists",
    "open_index",
    "open_registry",
    "registered_sources",
    "retrieve",
    "server_collection",
    "text_key",
    "write_atomically",
]
