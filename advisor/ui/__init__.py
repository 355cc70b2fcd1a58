"""The Streamlit interface: one module per page (each with render(ctx)), the shared sidebar, texts in nb and en.

app.py is the entry point; it reads only this facade. Pages are imported when first shown, so opening the
statistics page does not load the answer machinery.
"""

from advisor.ui.context import PageContext
from advisor.ui.pages import PAGES, WIDE_PAGES, page_renderer
from advisor.ui.sidebar import choose_language, choose_page, sidebar_status
from advisor.ui.texts import LANGUAGES, TEXTS, t

__all__ = [
    "LANGUAGES",
    "PAGES",
    "TEXTS",
    "WIDE_PAGES",
    "PageContext",
    "choose_language",
    "choose_page",
    "page_renderer",
    "sidebar_status",
    "t",
]
