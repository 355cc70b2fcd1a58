"""Innovative procurement advisor: offline, cited answers and analyzers for Norwegian public buyers.

The public API, one function per job:

    settings = Settings()                                   # ADVISOR_* environment + advisor.toml
    build_index(settings)                                   # the corpus into Chroma + BM25
    hits = retrieve("innovasjonspartnerskap", open_index(settings), settings)
    answer = ask("Hva er terskelverdien for kommuner?", ensure_index(settings), settings)
    analyses = analyze("Sengene skal være av typen Linak.", settings)
    draft = rewrite_requirement("Vi skal kjøpe 40 Dell Latitude 5550.", settings)
    result = assess({"buyer": "municipal", "category": "goods", "estimated_value_nok": 900_000}, settings)

The names are loaded on first use, so `import advisor.config` (or the CLI's startup) does not pull in every
feature and its dependencies. Search and rewriting are `retrieve` and `rewrite_requirement` here because
advisor.search and advisor.rewrite are the packages that hold them.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "Settings", "analyze", "ask", "assess", "build_index", "ensure_index", "open_index", "retrieve", "rewrite_requirement",
]


def __getattr__(name: str) -> Any:
    if name == "Settings":
        from advisor.config import Settings

        return Settings
    if name in ("build_index", "ensure_index", "open_index"):
        from advisor import search as _search

        return getattr(_search, name)
    if name == "retrieve":
        from advisor.search import retrieve

        return retrieve
    if name == "ask":
        from advisor.chat import ask

        return ask
    if name == "analyze":
        from advisor.requirements import analyze_text

        return analyze_text
    if name == "rewrite_requirement":
        from advisor.rewrite import rewrite_requirement

        return rewrite_requirement
    if name == "assess":
        from advisor.assessment import assess

        return assess
    raise AttributeError(f"module 'advisor' has no attribute {name!r}")
