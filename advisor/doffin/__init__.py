"""Doffin notices: read the real formats (eForms XML, API v2 JSON, DFØ CSV, scraped files) without contact data,
store them as distinct notices with provenance, download more from the Public API, and compute figures with
their coverage.

    report  = import_paths(["../shared/data/doffin/eforms_xml"], settings)
    figures = notice_stats(settings)           # dict with procedure_type, cpv_division, … each with n + coverage
    write_note(figures, Path("corpus/statistics/doffin-beregnet.md"))
    ensure_snapshot(settings)                  # first run: import the shipped snapshot (corpus/doffin) when empty
    results = similar_notices("digital plattform for hjemmetjenester", settings, k=5)   # comparable notices
    shown = shown_notices("elbiler hjemmetjenesten", settings, n=3)   # only those sure enough to show"""

from advisor.doffin.charts import (
    cpv_chart,
    innovation_chart,
    notices_per_year_chart,
    procedure_chart,
    save_charts,
    tenders_chart,
)
from advisor.doffin.fetch import DEFAULT_BASE_URL, FetchOptions, fetch_notices
from advisor.doffin.figures import notice_stats
from advisor.doffin.ingest import import_paths
from advisor.doffin.shown import shown_notices, subject_words
from advisor.doffin.similar import (
    SimilarFilters,
    SimilarNotice,
    SimilarResults,
    as_hits,
    similar_notices,
    summarize,
    summary_line,
)
from advisor.doffin.snapshot import (
    add_vectors,
    build_snapshot,
    default_snapshot_dir,
    ensure_snapshot,
    import_snapshot,
    is_snapshot_dir,
    store_count,
)
from advisor.doffin.statements import NOTE_ID, PUBLISHED_NOTE_ID, number, percent, statements, write_note
from advisor.doffin.store import StoreEmpty, store_path, store_where

__all__ = [
    "DEFAULT_BASE_URL",
    "FetchOptions",
    "NOTE_ID",
    "PUBLISHED_NOTE_ID",
    "SimilarFilters",
    "SimilarNotice",
    "SimilarResults",
    "StoreEmpty",
    "add_vectors",
    "as_hits",
    "build_snapshot",
    "default_snapshot_dir",
    "ensure_snapshot",
    "import_snapshot",
    "innovation_chart",
    "is_snapshot_dir",
    "shown_notices",
    "similar_notices",
    "subject_words",
    "summarize",
    "summary_line",
    "cpv_chart",
    "fetch_notices",
    "import_paths",
    "notice_stats",
    "notices_per_year_chart",
    "number",
    "percent",
    "procedure_chart",
    "save_charts",
    "statements",
    "store_count",
    "store_path",
    "store_where",
    "tenders_chart",
    "write_note",
]
