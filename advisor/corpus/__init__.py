"""The corpus: documents, their reading (txt, md, pdf), chunks with exact offsets, citations, uploads and labels."""

from advisor.corpus.documents import (
    CHUNKER_VERSION,
    Chunk,
    Citation,
    Document,
    chunk_documents,
    cite,
    corpus_files,
    load_documents,
)
from advisor.corpus.labels import AUTHORITY_LABEL_NB, AUTHORITY_RANK, KINDS, SourceLabel
from advisor.corpus.readers import read_plain_text, split_front_matter
from advisor.corpus.safe_yaml import YAMLRefused, load_yaml
from advisor.corpus.uploads import (
    StoredUpload,
    UploadRecord,
    UploadStore,
    list_uploads,
    open_upload_store,
    relabel_upload,
    safe_name,
    save_upload,
    shares_uploads,
    sync_uploads,
)

__all__ = [
    "AUTHORITY_LABEL_NB",
    "AUTHORITY_RANK",
    "CHUNKER_VERSION",
    "KINDS",
    "Chunk",
    "Citation",
    "Document",
    "SourceLabel",
    "StoredUpload",
    "UploadRecord",
    "UploadStore",
    "YAMLRefused",
    "chunk_documents",
    "cite",
    "corpus_files",
    "list_uploads",
    "load_documents",
    "load_yaml",
    "open_upload_store",
    "read_plain_text",
    "relabel_upload",
    "safe_name",
    "save_upload",
    "shares_uploads",
    "sync_uploads",
    "split_front_matter",
]
