"""The page table: page id -> module and icon, and the loader that imports a page when it is first shown.

Pages are imported when first shown, so opening the statistics page does not load the answer machinery.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

# page id (also the ?side= URL value) -> (module, Material icon); titles come from texts.py ("page_<id>").
PAGES: dict[str, tuple[str, str]] = {
    "chat": ("chat", ":material/forum:"),
    "behov": ("requirements_page", ":material/swap_horiz:"),
    "vurdering": ("assessment_page", ":material/fact_check:"),
    "statistikk": ("statistics_page", ":material/bar_chart:"),
    "kilder": ("sources_page", ":material/library_books:"),
    "kurs": ("course_page", ":material/school:"),
}
# Pages with side-by-side content get the whole browser width; reading pages stay narrow.
WIDE_PAGES = frozenset({"behov", "statistikk", "kilder"})


def page_renderer(page: str) -> Callable:
    """The render(ctx) function of a page id."""
    module, _ = PAGES[page]
    return importlib.import_module(f"advisor.ui.{module}").render
