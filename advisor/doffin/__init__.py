"""Doffin notices: read the real formats (eForms XML, API v2 JSON, DFØ CSV, scraped files) without contact data,
store them as distinct notices with provenance, download more from the Public API, and compute figures with
their coverage.

    report  = import_paths(["../shared/data/doffin/eforms_xml"], settings)
    figures = notice_stats(settings)           # dict with procedure_type, cpv_division, … each with n + coverage
    write_note(figures, Path("corpus/statistics/doffin-beregnet.md"))
"""

from advisor.doffin.api_client import DoffinClient, DoffinFetchError, RateLimiter
from advisor.doffin.charts import (
    all_charts,
    cpv_chart,
    notices_per_year_chart,
    procedure_chart,
    save_charts,
    tenders_chart,
)
from advisor.doffin.codes import CodeTable, load_codes
from advisor.doffin.fetch import (
    DEFAULT_BASE_URL,
    FetchOptions,
    FetchReport,
    fetch_notices,
)
from advisor.doffin.figures import compute_figures, notice_stats
from advisor.doffin.formats import read_notice_bytes
from advisor.doffin.ingest import ImportReport, import_paths
from advisor.doffin.models import Notice, ParseResult
from advisor.doffin.privacy import scrub_text
from advisor.doffin.statements import NOTE_ID, render_note, statements, write_note
from advisor.doffin.store import NoticeStore, StoreEmpty, open_store, store_path

__all__ = [
    "DEFAULT_BASE_URL",
    "DoffinClient",
    "NOTE_ID",
    "CodeTable",
    "DoffinFetchError",
    "FetchOptions",
    "FetchReport",
    "ImportReport",
    "Notice",
    "NoticeStore",
    "ParseResult",
    "RateLimiter",
    "StoreEmpty",
    "all_charts",
    "compute_figures",
    "cpv_chart",
    "fetch_notices",
    "import_paths",
    "load_codes",
    "notice_stats",
    "notices_per_year_chart",
    "open_store",
    "procedure_chart",
    "read_notice_bytes",
    "render_note",
    "save_charts",
    "scrub_text",
    "statements",
    "store_path",
    "tenders_chart",
    "write_note",
]
