"""`advisor search QUERY [-k N] [--json]`: the best passages for a query (hybrid by default)."""

from __future__ import annotations

import argparse
import sys
import textwrap

from advisor.cli.common import positive_int


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "search",
        help="search the corpus (dense + BM25 fused)",
        description="Search the indexed corpus. Builds the index first if there is none.",
    )
    p.add_argument("query", metavar="QUERY", help="what to search for")
    p.add_argument("-k", type=positive_int, default=None, metavar="N", help="number of hits (default ADVISOR_RETRIEVAL_TOP_K)")
    p.add_argument("--mode", choices=["hybrid", "dense", "bm25"], default="hybrid", help="retriever (default hybrid)")
    p.add_argument("--kind", action="append", metavar="KIND", help="only this kind (guidance, white_paper, statistics, ...); repeatable")
    p.add_argument("--doc", action="append", metavar="DOC_ID", help="only this document id; repeatable")
    p.add_argument("--json", action="store_true", help="print hits as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings) -> int:
    from advisor.cli.common import print_json
    from advisor.search import check_query, ensure_index, retrieve

    check_query(args.query, settings)  # bad input fails before any index work
    index = ensure_index(settings, progress=sys.stderr.isatty())
    hits = retrieve(args.query, index, settings, top_k=args.k, kinds=args.kind, doc_ids=args.doc, mode=args.mode)
    if args.json:
        print_json([h.to_dict() for h in hits])
        return 0
    if not hits:
        print("Ingen treff. / No hits.")
    for hit in hits:
        c = hit.chunk
        where = " > ".join(x for x in (c.title, c.section) if x)
        page = f", s. {c.page}" if c.page else ""
        print(f"[{hit.rank}] {where}{page}  ({c.doc_id}, score {hit.score:.4f})")
        print(textwrap.indent(textwrap.shorten(c.text, 400, placeholder=" …"), "    "))
    return 0
