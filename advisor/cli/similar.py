"""`advisor similar TEXT [--json] [--buyer-type T] [--since D] [--cpv C] [--procedure P] [-k N] [--mode M]`:
imported Doffin notices comparable to a need or requirement text (hybrid search, with links)."""

from __future__ import annotations

import argparse
from datetime import date

from advisor.cli.common import positive_int, terminal_line


def _since(text: str) -> date:
    """YYYY or YYYY-MM-DD as the first day it names."""
    try:
        return date(int(text), 1, 1) if len(text) == 4 and text.isdigit() else date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected YYYY or YYYY-MM-DD, got {text!r}") from None


def _cpv(text: str) -> str:
    if not (text.isascii() and text.isdigit() and 2 <= len(text) <= 8):
        raise argparse.ArgumentTypeError(f"expected a CPV code or prefix of 2-8 digits, got {text!r}")
    return text


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "similar",
        help="find imported Doffin notices comparable to a need or requirement",
        description="Hybrid search (BM25 with the Norwegian analyzer + e5) over the title, short description and "
        "CPV codes of the imported Doffin notices (the shipped snapshot is imported on first use). Shows rank, "
        "score, notice id, title, buyer, year, procedure, value, tenders received and the Doffin link.",
    )
    p.add_argument("text", metavar="TEXT", help="the need, requirement or planned purchase, in your own words")
    p.add_argument("-k", type=positive_int, default=10, metavar="N", help="number of notices (default 10)")
    p.add_argument("--buyer-type", action="append", default=[], metavar="CODE",
                   help="only this eForms buyer type (la = local authority, cga = central government, body-pl, …); repeatable")
    p.add_argument("--since", type=_since, metavar="DATE", help="only notices published on or after YYYY or YYYY-MM-DD")
    p.add_argument("--cpv", type=_cpv, action="append", default=[], metavar="CODE", help="only this CPV code prefix; repeatable")
    p.add_argument("--procedure", action="append", default=[], metavar="CODE",
                   help="only this procedure (open, restricted, neg-w-call, comp-dial, innovation, …); repeatable")
    p.add_argument("--mode", choices=["hybrid", "dense", "bm25"], default="hybrid", help="retriever (default hybrid)")
    p.add_argument("--json", action="store_true", help="print the notices as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings) -> int:
    from advisor.cli.common import print_json
    from advisor.doffin import SimilarFilters, ensure_snapshot, similar_notices, summary_line

    note = ensure_snapshot(settings)
    filters = SimilarFilters(buyer_types=tuple(args.buyer_type), since=args.since, cpv=tuple(args.cpv),
                             procedures=tuple(args.procedure))
    results = similar_notices(args.text, settings, k=args.k, filters=filters, mode=args.mode)
    if args.json:
        print_json({"query": args.text, "filters": filters.describe(), "summary": summary_line(results),
                    "source": "Doffin / DFØ, CC BY 4.0", "notes": results.notes,
                    "notices": [r.to_dict() for r in results]})
        return 0
    for line in ([note] if note else []) + results.notes:
        print(terminal_line(line))
    print(summary_line(results))
    for r in results:
        value = f"{r.value:,.0f} {r.currency or ''}".replace(",", " ").strip() if r.value is not None else "verdi ikke oppgitt"
        tenders = f"{r.tenders} tilbud" if r.tenders is not None else "antall tilbud ikke oppgitt"
        print(f"[{r.rank}] {r.score:.4f}  {r.notice_id}  {terminal_line(r.title)}")
        print(f"    {terminal_line(r.buyer_name or 'oppdragsgiver ikke oppgitt')}; {r.year or 'år ukjent'}; "
              f"{r.procedure_label or 'prosedyre ikke oppgitt'}; {value}; {tenders}")
        print(f"    {r.link or '(ingen Doffin-lenke)'}")
    print("Kilde: Doffin / DFØ (CC BY 4.0). Et utvalg, ikke alle kunngjøringer.")
    return 0
