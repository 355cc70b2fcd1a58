"""`advisor stats`: Doffin figures computed from real notices, always with their coverage.

    advisor stats [--json]                      show every figure (exit 2 with a hint when nothing is imported)
    advisor stats import PATH … [--json]        import files/folders (eForms XML, API JSON, DFØ CSV, scraped)
    advisor stats fetch --from D --to D --api-key KEY [--base-url URL]   download from the Doffin Public API v2
    advisor stats note [--out FILE] [--as-of D] [--remark TEXT …]        write the corpus statistics note
    advisor stats charts [--out DIR]            write the charts as PNG files
    advisor stats snapshot --from DIR … [--out DIR] [--no-vectors]   build the shipped snapshot (corpus/doffin)
    advisor stats import corpus/doffin          import a snapshot folder (its manifest.json is recognised)
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from advisor.cli.common import positive_int, print_json, terminal_line

NOTE_FILE = Path("statistics") / "doffin-beregnet.md"


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def register(sub: argparse._SubParsersAction) -> None:
    """Add `stats` and its subcommands (import, fetch, note, charts); plain `stats` shows the figures."""
    p = sub.add_parser(
        "stats",
        help="Doffin statistics from real notices, with coverage",
        description="Figures computed from imported Doffin notices (counts of distinct notices, with n and coverage).",
    )
    p.add_argument("--json", action="store_true", help="print all figures as JSON (with provenance)")
    p.set_defaults(func=run, stats_command=None)
    stats_sub = p.add_subparsers(dest="stats_command", metavar="SUBCOMMAND")

    imp = stats_sub.add_parser("import", help="import notice files or folders (recursive)")
    imp.add_argument("paths", nargs="+", help="files or folders: eForms XML, API v2 JSON, DFØ CSV, scraped CSV/JSON")
    imp.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print the import report as JSON")

    fetch = stats_sub.add_parser("fetch", help="download notices from the Doffin Public API v2 and import them")
    fetch.add_argument("--from", dest="date_from", type=_iso_date, required=True, help="first issue date, YYYY-MM-DD")
    fetch.add_argument("--to", dest="date_to", type=_iso_date, required=True, help="last issue date, YYYY-MM-DD")
    fetch.add_argument("--api-key", help="Doffin Public API subscription key (Ocp-Apim-Subscription-Key)")
    fetch.add_argument("--base-url", help="API base URL (default https://api.doffin.no/public/v2)")
    fetch.add_argument("--page-size", type=positive_int, default=100, help="hits per search page (max 100)")
    fetch.add_argument("--no-download", action="store_true", help="only search; do not download the notice XML")
    fetch.add_argument("--no-import", action="store_true", help="only download into the cache; do not import")
    fetch.add_argument("--refresh", action="store_true", help="ignore the saved state and cached search pages")
    fetch.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print the report as JSON")

    note = stats_sub.add_parser("note", help="write the statistics note for the corpus (Markdown)")
    note.add_argument("--out", help="output file (default: <corpus_dir>/statistics/doffin-beregnet.md)")
    note.add_argument("--as-of", type=_iso_date, help="date the figures are stated as of (default: today)")
    note.add_argument(
        "--remark", action="append", default=[], help="an extra caveat about the sources (repeatable), in Norwegian"
    )
    note.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print the result as JSON")

    charts = stats_sub.add_parser("charts", help="write the charts as PNG files")
    charts.add_argument("--out", default="doffin-charts", help="output folder (default: ./doffin-charts)")

    snap = stats_sub.add_parser(
        "snapshot",
        help="build the compact, contact-free notice snapshot shipped in corpus/doffin",
        description="Import the raw notice folders into a throw-away store and write its distinct notices (only the "
        "fields the figures and the similar-notice search need, contact data removed) as notices.jsonl.gz with "
        "manifest.json, plus their int8 embedding vectors (vectors.npz) for the configured model.",
    )
    snap.add_argument("--from", dest="raw", nargs="+", required=True, metavar="DIR",
                      help="raw notice files or folders (e.g. ../shared/data/doffin)")
    snap.add_argument("--out", help="snapshot folder (default: <corpus_dir>/doffin)")
    snap.add_argument("--no-vectors", action="store_true", help="do not embed the notices (keep no vectors)")
    snap.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print the report as JSON")


def run(args: argparse.Namespace, settings: Any) -> int:
    """Dispatch `advisor stats …`."""
    command = args.stats_command
    if command == "import":
        return _run_import(args, settings)
    if command == "fetch":
        return _run_fetch(args, settings)
    if command == "note":
        return _run_note(args, settings)
    if command == "charts":
        return _run_charts(args, settings)
    if command == "snapshot":
        return _run_snapshot(args, settings)
    return _run_show(args, settings)


def _run_import(args: argparse.Namespace, settings: Any) -> int:
    from advisor.doffin import import_paths, import_snapshot, is_snapshot_dir, store_count

    snapshots = [Path(p) for p in args.paths if is_snapshot_dir(p)]
    for folder in snapshots:
        n = import_snapshot(settings, folder)
        if not args.json:
            print(f"Doffin-utdrag {folder}: {n} kunngjøringer lest")
    rest = [p for p in args.paths if Path(p) not in snapshots]
    if not rest:
        total = store_count(settings)
        if args.json:
            print_json({"summary": {"snapshots": len(snapshots), "store_total": total}})
        else:
            print(f"Distinkte kunngjøringer i lageret nå: {total}")
        return 0
    report = import_paths(rest, settings, progress=None)
    if args.json:
        print_json(
            {
                "summary": report.summary(),
                "files": report.files,
                "skipped": report.skipped,
                "ignored": report.ignored,
            }
        )
    else:
        # skip reasons quote file content (a CSV header of an unknown layout may hold ESC sequences or NULs)
        print("\n".join(terminal_line(line) for line in report.lines()))
    return 0


def _run_fetch(args: argparse.Namespace, settings: Any) -> int:
    from advisor.doffin import DEFAULT_BASE_URL, FetchOptions, fetch_notices

    # ADVISOR_DOFFIN_API_KEY / ADVISOR_DOFFIN_BASE_URL from Settings; the command-line options win.
    key = args.api_key or (settings.doffin.api_key.get_secret_value() if settings.doffin.api_key else "")
    base_url = args.base_url or settings.doffin.base_url or DEFAULT_BASE_URL
    options = FetchOptions(
        base_url=base_url,
        api_key=key,
        date_from=args.date_from,
        date_to=args.date_to,
        page_size=args.page_size,
        download=not args.no_download,
        import_notices=not args.no_import,
        refresh=args.refresh,
        max_requests=settings.doffin.requests_per_10s,
    )

    def progress(message: str) -> None:
        print(message, file=sys.stderr)

    report = fetch_notices(settings, options, progress=progress)
    if args.json:
        print_json(report.summary())
    else:
        print("\n".join(report.lines()))
    return 0


def _run_note(args: argparse.Namespace, settings: Any) -> int:
    from advisor.doffin import notice_stats, write_note

    figures = notice_stats(settings, as_of=args.as_of)
    out = Path(args.out) if args.out else settings.corpus_dir / NOTE_FILE
    path = write_note(figures, out, remarks=args.remark)
    cov = figures["coverage"]
    if args.json:
        print_json({"path": str(path), "n_notices": cov["n_notices"], "as_of": figures["as_of"]})
    else:
        print(f"Skrev {path} ({cov['n_notices']} kunngjøringer, {cov['date_from']} – {cov['date_to']})")
    return 0


def _run_snapshot(args: argparse.Namespace, settings: Any) -> int:
    from advisor.doffin import add_vectors, build_snapshot, default_snapshot_dir

    out = Path(args.out) if args.out else default_snapshot_dir(settings)
    report = build_snapshot(args.raw, out, settings)
    vec = None
    if not args.no_vectors:
        print(f"Vektorer for {report.n_notices} kunngjøringer (fra hurtigbufferen der de finnes) …", file=sys.stderr)
        vec = add_vectors(out, settings)
    if args.json:
        print_json({**report.to_dict(), "vectors": vec})
    else:
        print(f"Skrev {report.path}: {report.n_notices} kunngjøringer, {report.bytes / 1e6:.2f} MB, sha256 "
              f"{report.sha256[:12]}…")
        print("Vektorer: " + (f"{vec['n']} ({vec['model_id']}, {vec['dtype']})" if vec else "ingen"))
    return 0


def _run_charts(args: argparse.Namespace, settings: Any) -> int:
    from advisor.doffin import notice_stats, save_charts

    for path in save_charts(notice_stats(settings), Path(args.out)):
        print(path)
    return 0


def _run_show(args: argparse.Namespace, settings: Any) -> int:
    from advisor.doffin import notice_stats

    figures = notice_stats(settings)
    if args.json:
        print_json(figures)
    else:
        print("\n".join(show_lines(figures)))
    return 0


def show_lines(figures: dict[str, Any]) -> list[str]:
    """All figures as plain Norwegian lines, each with its n and coverage."""
    from advisor.doffin import percent, statements

    cov = figures["coverage"]
    out = [
        f"Doffin-tall (per {figures['as_of']}) fra {cov['n_notices']} kunngjøringer, {cov['date_from']} – {cov['date_to']}",
        cov["warning"],
        "Kilder: " + "; ".join(f"{s['format']} i {s['folder']}: {s['n']}" for s in cov["sources"]),
        "",
    ]
    proc = figures["procedure_type"]
    out.append(f"Prosedyretyper (n = {proc['n']} av {proc['n_total']}; {proc['n_not_stated']} uten prosedyre):")
    for code, count in proc["counts"].items():
        out.append(f"  {code:<13} {count:>6}  {percent(proc['shares'][code]):>7}  {proc['labels'][code]}")
    out.append("")
    for heading, lines in statements(figures):
        if heading == "Prosedyretyper":
            continue
        out.append(heading)
        out.extend(f"  - {line}" for line in lines)
    return out
