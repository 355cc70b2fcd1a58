"""`advisor index [PATH ...] [--authority A] [--kind K] [--as-of DATE] [--rebuild]`: index the corpus plus given files or folders."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from advisor.corpus import AUTHORITY_RANK, KINDS


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "index",
        help="build or update the search index",
        description="Index the bundled corpus, the uploads folder, sources added earlier and any PATHs given "
        "(files: .txt .md .pdf; folders are walked). Unchanged chunks reuse cached embeddings; a build is "
        "written aside, checked and swapped in, so a failed build leaves the previous index usable. A damaged "
        "build, index pointer or embedding cache is replaced and reported. Only one build runs at a time per "
        "ADVISOR_HOME: a second one waits for it (see --wait).",
        epilog="What an added file is (authority, kind, date) is set here, never by the file: front matter fields "
        "id, authority, kind and as_of in a user's file are ignored. Without options a PATH keeps the label it was "
        "added with, and a new PATH gets authority 'uploaded' (the lowest rank, shown as 'opplastet dokument'), "
        "kind 'user_document' and no date.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="extra files or folders to index (remembered for later builds)")
    p.add_argument("--authority", choices=list(AUTHORITY_RANK), help="authority of the PATHs (default: uploaded, the lowest rank)")
    p.add_argument("--kind", choices=list(KINDS), help="kind of document of the PATHs (default: user_document)")
    p.add_argument("--as-of", metavar="DATE", help="date the PATHs are valid for: YYYY, YYYY-MM or YYYY-MM-DD")
    p.add_argument("--rebuild", action="store_true", help="start clean: forget added sources and cached embeddings")
    p.add_argument("--wait", type=float, default=None, metavar="SECONDS",
                   help="how long to wait for a build that is already running (default 300; 0 = do not wait)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--write-shipped-vectors", action="store_true",
                   help="after the build, write the bundled corpus's and the answer cards' vectors of the configured "
                   "model to corpus/vectors/<model>.npz, so a fresh clone's first build need not embed them "
                   "(maintainers, after changing the corpus; never includes uploads or added paths)")
    p.set_defaults(func=run)


def _labels(args: argparse.Namespace, paths: list[Path]) -> dict:
    """The label given on the command line for every PATH, merged with the label each was added with."""
    from advisor.corpus import SourceLabel
    from advisor.errors import InvalidInput

    chosen = {k: v for k, v in (("authority", args.authority), ("kind", args.kind), ("as_of", args.as_of)) if v is not None}
    if not chosen:
        return {}
    if not paths:
        raise InvalidInput("--authority/--kind/--as-of", " ".join(f"{k}={v}" for k, v in chosen.items()),
                           "one or more PATHs to label")
    return {p: SourceLabel.from_dict({**args.earlier.get(p.resolve(), SourceLabel()).to_dict(), **chosen}) for p in paths}


def _first_run_doffin(settings) -> str | None:
    """Import the shipped Doffin snapshot when the notice store is empty (a failure is a one-line note, never fatal)."""
    from advisor.doffin import ensure_snapshot

    return ensure_snapshot(settings)


def run(args: argparse.Namespace, settings) -> int:
    from advisor.cli.common import print_json, terminal_line
    from advisor.search import LOCK_WAIT_S, build_index, registered_sources

    paths = [Path(p) for p in args.paths]
    args.earlier = registered_sources(settings) if paths and not args.rebuild else {}
    labels = _labels(args, paths)
    wait_s = LOCK_WAIT_S if args.wait is None else max(0.0, args.wait)
    report = build_index(settings, paths, rebuild=args.rebuild, progress=sys.stderr.isatty(), labels=labels, wait_s=wait_s)
    doffin_note = _first_run_doffin(settings)
    if args.write_shipped_vectors:
        from advisor.errors import InvalidInput
        from advisor.search import write_shipped_vectors

        if settings.index.embedding_backend == "hash":
            raise InvalidInput("--write-shipped-vectors", "ADVISOR_INDEX_EMBEDDING_BACKEND=hash",
                               "a real embedding model (the hash embedder is for tests)")
        path, n = write_shipped_vectors(settings)
        report.notes.append(f"wrote {n} shipped vectors to {path}")
    if args.json:
        print_json(report)
        return 0
    if doffin_note:
        print(terminal_line(doffin_note))
    if report.unchanged:
        print(f"Index unchanged: {report.documents} documents, {report.chunks} chunks (build {report.build}).")
    else:
        print(f"Indexed {report.documents} documents into {report.chunks} chunks (build {report.build}).")
    print(f"  embeddings: {report.embedded_new} new, {report.embedded_cached} from cache"
          + (f", {report.embedded_shipped} shipped with the corpus" if report.embedded_shipped else ""))
    if report.repairs:
        print("  repairs: " + ", ".join(f"{k}={v}" for k, v in sorted(report.repairs.items())))
    for note in report.notes:
        print(f"  note: {terminal_line(note)}")
    if report.skipped:
        print(f"  skipped {len(report.skipped)} file(s):")
        for path, reason in report.skipped:
            print(f"    {terminal_line(path)}: {terminal_line(reason)}")
    print(f"  collection: {report.collection}")
    print(f"  {report.seconds:.2f} s")
    return 0
