"""`advisor index [PATH ...] [--rebuild]`: index the bundled corpus plus any given files or folders."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "index",
        help="build or update the search index",
        description="Index the bundled corpus, the uploads folder, sources added earlier and any PATHs given "
        "(files: .txt .md .pdf; folders are walked). Unchanged chunks reuse cached embeddings; a build is "
        "written aside and swapped in, so a failed build leaves the previous index usable.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="extra files or folders to index (remembered for later builds)")
    p.add_argument("--rebuild", action="store_true", help="start clean: forget added sources and cached embeddings")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings) -> int:
    from advisor.cli.common import print_json
    from advisor.search import build_index

    report = build_index(settings, [Path(p) for p in args.paths], rebuild=args.rebuild, progress=sys.stderr.isatty())
    if args.json:
        print_json(report)
        return 0
    if report.unchanged:
        print(f"Index unchanged: {report.documents} documents, {report.chunks} chunks (build {report.build}).")
    else:
        print(f"Indexed {report.documents} documents into {report.chunks} chunks (build {report.build}).")
    print(f"  embeddings: {report.embedded_new} new, {report.embedded_cached} from cache")
    if report.repairs:
        print("  repairs: " + ", ".join(f"{k}={v}" for k, v in sorted(report.repairs.items())))
    if report.skipped:
        print(f"  skipped {len(report.skipped)} file(s):")
        for path, reason in report.skipped:
            print(f"    {path}: {reason}")
    print(f"  collection: {report.collection}")
    print(f"  {report.seconds:.2f} s")
    return 0
