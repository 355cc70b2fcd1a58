"""Innovative procurement advisor: offline, cited answers and analyzers for Norwegian public buyers.

The path from a question to a cited answer:

    settings = Settings()
    index = ensure_index(settings)
    hits = retrieve(question, index, settings)
"""

from advisor.config import Settings
from advisor.index import build_index, ensure_index, open_index
from advisor.retrieve import Hit, retrieve

__all__ = ["Settings", "build_index", "open_index", "ensure_index", "retrieve", "Hit"]
