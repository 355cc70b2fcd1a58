"""Innovative procurement advisor: offline, cited answers and analyzers for Norwegian public buyers.

The path from a question to a cited answer:

    settings = Settings()
    index = ensure_index(settings)
    hits = retrieve(question, index, settings)
"""

from advisor.config import Settings
from advisor.search import Hit, build_index, ensure_index, open_index, retrieve

__all__ = ["Settings", "build_index", "open_index", "ensure_index", "retrieve", "Hit"]
