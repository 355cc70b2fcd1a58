"""The corpus: documents, their reading (txt, md, pdf), chunks with exact offsets, citations, uploads."""

from advisor.corpus.documents import (
    AUTHORITY_LABEL_NB,
    AUTHORITY_RANK,
    CHUNKER_VERSION,
    Chunk,
    Citation,
    Document,
    chunk_documents,
    cite,
    corpus_files,
    load_documents,
)
from advisor.corpus.readers import read_plain_text, split_front_matter
from advisor.corpus.uploads import list_uploads, safe_name, save_upload

__all__ = [
    "AUTHORITY_LABEL_NB",
    "AUTHORITY_RANK",
    "CHUNKER_VERSION",
    "Chunk",
    "Citation",
    "Document",
    "chunk_documents",
    "cite",
    "corpus_files",
    "list_uploads",
    "load_documents",
    "read_plain_text",
    "safe_name",
    "save_upload",
    "split_front_matter",
]
