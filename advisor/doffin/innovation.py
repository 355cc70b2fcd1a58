"""Innovation figures: how often innovation partnership, competitive dialogue and negotiation are used, per year
and per buyer type, in which CPV areas, and how many tenders they got compared with open procedures.

Every share is over the notices that state a procedure (n), next to all notices in the group (n_total), so a
reader sees how much of the group the share rests on; the sample warning comes with the coverage.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from advisor.doffin.codes import CodeTable

# The procedures the figures follow (BT-105 codes), in reading order; "open" is the comparison for tenders.
FOCUS: tuple[str, ...] = ("innovation", "comp-dial", "neg-w-call", "neg-wo-call")
COMPARISON = "open"
NOT_STATED = "ikke oppgitt"


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _group(notices: list[dict[str, Any]], key: Callable[[dict[str, Any]], str]) -> dict[str, dict[str, Any]]:
    """Per group: n_total, n (procedure stated), counts and shares of the focus procedures."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for notice in notices:
        groups[key(notice)].append(notice)
    out = {}
    for name in sorted(groups):
        rows = groups[name]
        stated = [n for n in rows if n.get("procedure_code")]
        counts = Counter(n["procedure_code"] for n in stated)
        out[name] = {
            "n_total": len(rows),
            "n": len(stated),
            "counts": {code: counts.get(code, 0) for code in (*FOCUS, COMPARISON)},
            "shares": {code: _share(counts.get(code, 0), len(stated)) for code in (*FOCUS, COMPARISON)},
        }
    return out


def _tenders(notices: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per focus procedure and open: notices and lots with a stated number of tenders, median and mean per lot."""
    out = {}
    for code in (*FOCUS, COMPARISON):
        rows = [n for n in notices if n.get("procedure_code") == code and n.get("tenders_received")]
        lots = [c for n in rows for c in n["tenders_received"]]
        out[code] = {
            "n_notices": len(rows),
            "n_lots": len(lots),
            "median_per_lot": statistics.median(lots) if lots else None,
            "mean_per_lot": round(statistics.fmean(lots), 2) if lots else None,
        }
    return out


def innovation_figure(notices: list[dict[str, Any]], codes: CodeTable, cover: Callable[[list], dict]) -> dict[str, Any]:
    """The innovation figure (see the module doc) with n, coverage and its own sample warning."""
    stated = [n for n in notices if n.get("procedure_code")]
    focus_rows = [n for n in stated if n["procedure_code"] in FOCUS]
    cpv: dict[str, Counter[str]] = defaultdict(Counter)
    for notice in focus_rows:
        if notice.get("main_cpv"):
            cpv[notice["procedure_code"]][str(notice["main_cpv"])[:2]] += 1
    divisions = sorted({d for counts in cpv.values() for d in counts})
    coverage = cover(stated)
    return {
        "title": "Innovasjonspartnerskap, konkurransepreget dialog og forhandling",
        "n": len(stated),
        "n_total": len(notices),
        "n_not_stated": len(notices) - len(stated),
        "procedures": list(FOCUS),
        "labels": {code: codes.label("procedure_type", code) for code in (*FOCUS, COMPARISON)},
        "by_year": _group(stated, lambda n: str(n.get("year") or NOT_STATED)),
        "by_buyer_type": _group(stated, lambda n: n.get("buyer_legal_type") or NOT_STATED),
        "buyer_type_labels": {
            code: (codes.label("buyer_legal_type", code) if code != NOT_STATED else "oppdragsgivertype ikke oppgitt")
            for code in {n.get("buyer_legal_type") or NOT_STATED for n in stated}
        },
        "cpv_areas": {code: dict(cpv[code].most_common()) for code in FOCUS if cpv[code]},
        "cpv_names": {d: codes.cpv_division_name(d) for d in divisions},
        "tenders": _tenders(stated),
        "coverage": coverage,
        "sources": coverage["sources"],
        "as_of": coverage["as_of"],
        "warning": coverage["warning"],
        "note": (
            "Andeler er regnet av kunngjøringene som oppgir prosedyre (n), ikke av alle (n_total). Én anskaffelse kan "
            "ha flere kunngjøringer. Antall tilbud står bare i tildelingskunngjøringer (BT-759) og teller per "
            "delkontrakt. Et utvalg er ikke hele Doffin: bruk tallene som eksempler, ikke som anslag."
        ),
    }
