"""Figures computed from the stored notices, each with n, coverage (dates, sources, formats, warning) and as-of date.

Every count is of distinct notices (the merged rows of the store), except where a figure says it counts lots.
Nothing here is estimated or modelled: a figure is a count over the notices that state the field, and the
notices that do not state it are reported next to it.
"""

from __future__ import annotations

import json
import statistics
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from advisor.config import Settings
from advisor.doffin.codes import UNKNOWN_PROCEDURE, CodeTable, load_codes
from advisor.doffin.innovation import innovation_figure
from advisor.doffin.models import FORMAT_LABELS, SOURCE_FORMATS
from advisor.doffin.store import NoticeStore, StoreEmpty, open_store, store_exists, store_where

SAMPLE_WARNING = (
    "Utvalg, ikke representativt: tallet bygger på {n} importerte kunngjøringer ({formats}), ikke på alle "
    "kunngjøringer på Doffin i perioden. Bruk det som eksempel, ikke som anslag."
)
# the merged columns the figures read (besides notice_key and formats)
FIGURE_COLUMNS: tuple[str, ...] = (
    "publication_date", "year", "form_type", "notice_type", "procedure_code", "procedure_raw", "main_cpv",
    "is_innovative", "tenders_received", "estimated_value", "estimated_currency", "awarded_value",
    "awarded_currency", "buyer_legal_type",
)
TENDER_BUCKETS = ("0", "1", "2", "3", "4", "5", "6-10", "11+")


FIGURES_CACHE = "figures"


def notice_stats(settings: Settings, as_of: date | None = None) -> dict[str, Any]:
    """All figures from the store of these settings; raises StoreEmpty when nothing has been imported.

    The figures are kept in the store, keyed by its version (bumped by every imported file) and the as-of date:
    the first call after an import computes them (seconds at national scale), later calls read them (milliseconds).
    """
    if not store_exists(settings):
        raise StoreEmpty(store_where(settings))
    with open_store(settings) as store:
        return cached_figures(store, as_of=as_of)


def cached_figures(store: NoticeStore, as_of: date | None = None) -> dict[str, Any]:
    """The figures of this store version and as-of date: read from the store's cache, else computed and kept."""
    as_of_text = (as_of or date.today()).isoformat()
    version = store.version()
    kept = store.derived(FIGURES_CACHE, version)
    if kept is not None:
        entry = json.loads(kept)
        if entry.get("as_of") == as_of_text and entry.get("store") == store.where:
            return entry["figures"]
    figures = compute_figures_from_store(store, as_of=date.fromisoformat(as_of_text))
    entry = {"as_of": as_of_text, "store": store.where, "figures": figures}
    store.put_derived(FIGURES_CACHE, version, json.dumps(entry, ensure_ascii=False, default=str))
    return json.loads(json.dumps(figures, default=str))  # the same types as a cached read (tuples as lists)


def compute_figures_from_store(store: NoticeStore, as_of: date | None = None) -> dict[str, Any]:
    """All figures from an open store."""
    notices = store.figure_rows(FIGURE_COLUMNS)
    if not notices:
        raise StoreEmpty(store.where)
    return compute_figures(notices, store.provenance(), as_of=as_of, store=store.where)


def compute_figures(
    notices: list[dict[str, Any]],
    provenance: list[dict[str, Any]],
    as_of: date | None = None,
    store: str = "",
    codes: CodeTable | None = None,
) -> dict[str, Any]:
    """Compute every figure from merged notice rows and their provenance rows."""
    codes = codes or load_codes()
    as_of_text = (as_of or date.today()).isoformat()
    sources_of: dict[str, set[tuple[str, str]]] = defaultdict(set)
    folder_of: dict[str, str] = {}  # files are few next to notices: one Path per file
    for row in provenance:
        file = row["source_file"]
        folder = folder_of.get(file) or folder_of.setdefault(file, str(Path(file).parent))
        sources_of[row["notice_key"]].add((row["source_format"], folder))

    def cover(subset: list[dict[str, Any]]) -> dict[str, Any]:
        return coverage(subset, sources_of, as_of_text)

    figures: dict[str, Any] = {"as_of": as_of_text, "store": store, "coverage": cover(notices)}
    figures["notices_per_year"] = _per_year(notices, codes, cover)
    figures["procedure_type"] = _procedures(notices, codes, cover)
    figures["cpv_division"] = _cpv(notices, codes, cover)
    figures["innovative"] = _innovative(notices, cover)
    figures["tenders_received"] = _tenders(notices, cover)
    figures["values"] = _values(notices, cover)
    figures["buyer_type"] = _buyer_types(notices, codes, cover)
    figures["innovation_procedures"] = innovation_figure(notices, codes, cover)
    return figures


def coverage(subset: list[dict[str, Any]], sources_of: dict[str, set[tuple[str, str]]], as_of: str) -> dict[str, Any]:
    """Date range, formats, source folders and the sample warning for a set of notices."""
    dates = sorted(n["publication_date"] for n in subset if n.get("publication_date"))
    format_lists: Counter[tuple[str, ...]] = Counter(tuple(notice["formats"]) for notice in subset)
    formats: Counter[str] = Counter()
    for names, times in format_lists.items():
        for name in names:
            formats[name] += times
    folders: dict[tuple[str, str], set[str]] = defaultdict(set)
    for notice in subset:
        key = notice["notice_key"]
        for source in sources_of.get(key, ()):
            folders[source].add(key)
    rank = {name: i for i, name in enumerate(SOURCE_FORMATS)}
    ordered_formats = dict(sorted(formats.items(), key=lambda kv: rank.get(kv[0], len(rank))))
    sources = [
        {"format": fmt, "folder": folder, "n": len(keys)}
        for (fmt, folder), keys in sorted(folders.items(), key=lambda kv: (rank.get(kv[0][0], len(rank)), kv[0][1]))
    ]
    format_text = ", ".join(f"{FORMAT_LABELS.get(f, f)}: {_count(n)}" for f, n in ordered_formats.items()) or "ingen"
    return {
        "n_notices": len(subset),
        "date_from": dates[0] if dates else None,
        "date_to": dates[-1] if dates else None,
        "n_without_date": len(subset) - len(dates),
        "formats": ordered_formats,
        "sources": sources,
        "is_sample": True,
        "warning": SAMPLE_WARNING.format(n=_count(len(subset)), formats=format_text),
        "as_of": as_of,
    }


def _count(value: int) -> str:
    """Whole number with a space as thousands separator (Norwegian style)."""
    return f"{value:,}".replace(",", " ")


def _figure(title: str, n: int, cover: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {"title": title, "n": n, **fields, "coverage": cover, "sources": cover["sources"], "as_of": cover["as_of"]}


def _by_format_rank(counts: Counter[str]) -> dict[str, int]:
    rank = {name: i for i, name in enumerate(SOURCE_FORMATS)}
    return dict(sorted(counts.items(), key=lambda kv: rank.get(kv[0], len(rank))))


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _per_year(notices: list[dict[str, Any]], codes: CodeTable, cover: Any) -> dict[str, Any]:
    dated = [n for n in notices if n.get("year")]
    by_form: dict[str, Counter[str]] = defaultdict(Counter)
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    for notice in dated:
        year = str(notice["year"])
        by_form[year][notice.get("form_type") or "ikke oppgitt"] += 1
        if notice.get("notice_type"):
            by_type[year][notice["notice_type"]] += 1
    years = sorted(by_form)
    form_codes = sorted({code for counts in by_form.values() for code in counts})
    type_codes = sorted({code for counts in by_type.values() for code in counts})
    return _figure(
        "Kunngjøringer per år og type",
        len(dated),
        cover(dated),
        totals={year: sum(by_form[year].values()) for year in years},
        by_form_type={year: dict(sorted(by_form[year].items())) for year in years},
        by_notice_type={year: dict(sorted(by_type[year].items())) for year in sorted(by_type)},
        form_type_labels={code: codes.label("form_type", None if code == "ikke oppgitt" else code) for code in form_codes},
        notice_type_labels={code: codes.label("notice_type", code) for code in type_codes},
        n_without_date=len(notices) - len(dated),
    )


def _procedures(notices: list[dict[str, Any]], codes: CodeTable, cover: Any) -> dict[str, Any]:
    stated = [n for n in notices if n.get("procedure_code")]
    counted = Counter(n["procedure_code"] for n in stated)
    # every official code is reported, with 0 when absent (a 0 with its n is a result, not a gap)
    counts = {code: counted.get(code, 0) for code in codes.codes("procedure_type")}
    counts[UNKNOWN_PROCEDURE] = counted.get(UNKNOWN_PROCEDURE, 0)
    for code, value in counted.items():
        counts.setdefault(code, value)
    ordered = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    raw_unknown = Counter(n.get("procedure_raw") or "" for n in stated if n["procedure_code"] == UNKNOWN_PROCEDURE)
    return _figure(
        "Prosedyretyper",
        len(stated),
        cover(stated),
        counts=ordered,
        shares={code: _share(value, len(stated)) for code, value in ordered.items()},
        labels={code: codes.label("procedure_type", code) for code in ordered},
        n_total=len(notices),
        n_not_stated=len(notices) - len(stated),
        unknown_values=dict(raw_unknown),
        not_stated_by_format=_by_format_rank(Counter(n["formats"][0] for n in notices if not n.get("procedure_code"))),
        note=(
            "Teller distinkte kunngjøringer med oppgitt prosedyre (BT-105). Én anskaffelse kan ha flere kunngjøringer "
            "(forhåndskunngjøring, kunngjøring av konkurranse, kontraktstildeling). 'unknown' er en verdi som ikke er "
            "en gyldig kode (DFØs konvertering av gamle kunngjøringer skriver 'UNKNOWN')."
        ),
    )


def _cpv(notices: list[dict[str, Any]], codes: CodeTable, cover: Any) -> dict[str, Any]:
    stated = [n for n in notices if n.get("main_cpv") and len(n["main_cpv"]) >= 2]
    counted = Counter(n["main_cpv"][:2] for n in stated)
    ordered = dict(sorted(counted.items(), key=lambda kv: (-kv[1], kv[0])))
    return _figure(
        "CPV-hovedgrupper (to første sifre i hoved-CPV)",
        len(stated),
        cover(stated),
        counts=ordered,
        shares={div: _share(value, len(stated)) for div, value in ordered.items()},
        names={div: codes.cpv_division_name(div) for div in ordered},
        n_total=len(notices),
        n_not_stated=len(notices) - len(stated),
    )


def _innovative(notices: list[dict[str, Any]], cover: Any) -> dict[str, Any]:
    stated = [n for n in notices if n.get("is_innovative") is not None]
    flagged = [n for n in stated if n["is_innovative"]]
    eforms = [n for n in notices if "eforms_xml" in n["formats"]]
    return _figure(
        "Merket som innovativ anskaffelse (strategisk anskaffelse inn-pur)",
        len(eforms),
        cover(eforms),
        n_flagged=len(flagged),
        n_stated=len(stated),
        share_of_eforms=_share(len(flagged), len(eforms)),
        share_of_stated=_share(len(flagged), len(stated)),
        n_total=len(notices),
        note=(
            "Bare eForms-kunngjøringer kan ha merket (BT-06 = inn-pur eller BT-776). n er antall eForms-kunngjøringer; "
            "n_stated er de som har fylt ut feltene for strategiske anskaffelser i det hele tatt."
        ),
    )


def _bucket(count: int) -> str:
    if count <= 5:
        return str(count)
    return "6-10" if count <= 10 else "11+"


def _tenders(notices: list[dict[str, Any]], cover: Any) -> dict[str, Any]:
    stated = [n for n in notices if n.get("tenders_received")]
    lots = [count for n in stated for count in n["tenders_received"]]
    lot_buckets = Counter(_bucket(c) for c in lots)
    with_single = [n for n in stated if 1 in n["tenders_received"]]
    return _figure(
        "Antall tilbud mottatt",
        len(stated),
        cover(stated),
        n_lots=len(lots),
        distribution_lots={bucket: lot_buckets.get(bucket, 0) for bucket in TENDER_BUCKETS},
        single_tender_lots=lot_buckets.get("1", 0),
        single_tender_share_lots=_share(lot_buckets.get("1", 0), len(lots)),
        notices_with_single_tender_lot=len(with_single),
        single_tender_share_notices=_share(len(with_single), len(stated)),
        max_lots_in_one_notice=max((len(n["tenders_received"]) for n in stated), default=0),
        median_tenders_per_lot=statistics.median(lots) if lots else None,
        mean_tenders_per_lot=round(statistics.fmean(lots), 2) if lots else None,
        n_total=len(notices),
        n_not_stated=len(notices) - len(stated),
        note=(
            "Fordelingen teller delkontrakter (BT-759 'tenders' per delkontraktsresultat); n teller kunngjøringer. "
            "Andelen med ett tilbud er regnet av alle delkontrakter med oppgitt antall, også de med 0 tilbud."
        ),
    )


def _values(notices: list[dict[str, Any]], cover: Any) -> dict[str, Any]:
    def nok(value_field: str, currency_field: str) -> list[dict[str, Any]]:
        return [n for n in notices if n.get(value_field) is not None and (n.get(currency_field) or "NOK") == "NOK"]

    estimated = nok("estimated_value", "estimated_currency")
    awarded = nok("awarded_value", "awarded_currency")
    awarded_keys = {n["notice_key"] for n in awarded}
    with_value = awarded_keys | {n["notice_key"] for n in estimated}
    both = [n for n in estimated if n["notice_key"] in awarded_keys and n["estimated_value"] > 0]
    ratios = [n["awarded_value"] / n["estimated_value"] for n in both]
    population = [n for n in notices if n["notice_key"] in with_value]

    def summary(rows: list[dict[str, Any]], name: str) -> dict[str, Any]:
        values = [r[name] for r in rows]
        return {
            "n": len(values),
            "sum_nok": round(sum(values), 2) if values else None,
            "median_nok": statistics.median(values) if values else None,
        }

    other = sum(
        1 for n in notices
        if (n.get("estimated_value") is not None and (n.get("estimated_currency") or "NOK") != "NOK")
        or (n.get("awarded_value") is not None and (n.get("awarded_currency") or "NOK") != "NOK")
    )
    return _figure(
        "Anslått og tildelt verdi (NOK)",
        len(population),
        cover(population),
        estimated=summary(estimated, "estimated_value"),
        awarded=summary(awarded, "awarded_value"),
        both={
            "n": len(both),
            "median_ratio_awarded_to_estimated": round(statistics.median(ratios), 4) if ratios else None,
            "sum_estimated_nok": round(sum(n["estimated_value"] for n in both), 2) if both else None,
            "sum_awarded_nok": round(sum(n["awarded_value"] for n in both), 2) if both else None,
        },
        n_other_currency=other,
        n_total=len(notices),
        note=(
            "Anslått verdi er BT-27 (eForms, hele anskaffelsen eller summen av delkontrakter) eller estimert verdi i "
            "CSV/API; tildelt verdi er BT-161 (samlet kontraktsverdi i tildelingskunngjøringen). Bare NOK. Anslått og "
            "tildelt verdi står som regel i ulike kunngjøringer om samme anskaffelse, så 'both' er sjelden."
        ),
    )


def _buyer_types(notices: list[dict[str, Any]], codes: CodeTable, cover: Any) -> dict[str, Any]:
    stated = [n for n in notices if n.get("buyer_legal_type")]
    counted = Counter(n["buyer_legal_type"] for n in stated)
    ordered = dict(sorted(counted.items(), key=lambda kv: (-kv[1], kv[0])))
    return _figure(
        "Oppdragsgivertype (BT-11)",
        len(stated),
        cover(stated),
        counts=ordered,
        shares={code: _share(value, len(stated)) for code, value in ordered.items()},
        labels={code: codes.label("buyer_legal_type", code) for code in ordered},
        n_total=len(notices),
        n_not_stated=len(notices) - len(stated),
    )
