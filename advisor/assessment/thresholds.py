"""Threshold values as dated tables (thresholds.yaml): each table holds every threshold of one period and the date it
applies from, so that adding the next period's values is a data change, and an assessment on a given day uses the
table in force that day.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from advisor.corpus import load_yaml
from advisor.errors import AdvisorError

THRESHOLDS_PATH = Path(__file__).resolve().parent / "thresholds.yaml"
REQUIRED_THRESHOLDS = (
    "law_floor",
    "national",
    "eea_state_goods_services",
    "eea_other_goods_services",
    "eea_works",
    "eea_utilities_goods_services",
    "eea_utilities_works",
    "eea_health_social",
    "eea_special_services",
    "eea_concessions",
    "eea_defence_goods_services",
    "eea_defence_works",
)


@dataclass(frozen=True)
class Threshold:
    """One threshold value (NOK excl. VAT) with the date it applies from and where it comes from."""

    key: str
    name: str
    value_nok: int
    as_of: str
    source: str
    previous_nok: int | None = None  # the value of the period before, when the sources give it (never used to classify)
    previous_period: str = ""
    previous_source: str = ""

    def is_reached_by(self, value_nok: int) -> bool:
        """True when the value is equal to or above the threshold ("lik eller overstiger")."""
        return value_nok >= self.value_nok


@dataclass(frozen=True)
class ThresholdTable:
    """The threshold values of one period, in force from `as_of` until the next table's `as_of` (`valid_until`)."""

    as_of: str
    period: str
    review_after: str
    values: Mapping[str, Threshold]
    pending: tuple[Mapping[str, object], ...]
    path: str
    source: str = ""
    valid_until: str = ""  # empty: no later table is known
    later_tables: tuple[str, ...] = ()  # "period (from date)" of tables that start after this one

    def __getitem__(self, key: str) -> Threshold:
        return self.values[key]

    @property
    def label(self) -> str:
        """How the table is named to a reader: «terskeltabellen for 2024–2026 (gjelder fra 2024-03-14)»."""
        return f"terskeltabellen for {self.period} (gjelder fra {self.as_of})"


def load_thresholds(path: Path = THRESHOLDS_PATH, on: dt.date | None = None) -> ThresholdTable:
    """The threshold table in force on `on` (today by default); a malformed file names the file, table and key."""
    tables = threshold_tables(path)
    day = (on or dt.date.today()).isoformat()
    in_force = [table for table in tables if table.as_of <= day]
    # Before the first table nothing is known; the oldest table is the closest answer, and its date is shown.
    return in_force[-1] if in_force else tables[0]


def threshold_tables(path: Path = THRESHOLDS_PATH) -> tuple[ThresholdTable, ...]:
    """Every dated table in the file, oldest first (cached until the file changes)."""
    try:
        stamp = Path(path).stat().st_mtime_ns
    except OSError as exc:
        raise AdvisorError(f"cannot read threshold data {path}: {exc}") from exc
    return _load_tables(str(path), stamp)


@functools.lru_cache(maxsize=4)
def _load_tables(path: str, stamp: int) -> tuple[ThresholdTable, ...]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise AdvisorError(f"cannot read threshold data {path}: {exc}") from exc
    raw = load_yaml(text, path)
    if not isinstance(raw, dict) or not isinstance(raw.get("tables"), list) or not raw["tables"]:
        raise AdvisorError(f"threshold data {path}: expected a mapping with a non-empty 'tables' list")
    pending = tuple(raw.get("pending") or ())
    parsed = sorted((_table(path, entry, pending) for entry in raw["tables"]), key=lambda table: table.as_of)
    starts = [table.as_of for table in parsed]
    if len(set(starts)) != len(starts):
        raise AdvisorError(f"threshold data {path}: two tables start on the same date ({', '.join(starts)})")
    tables = []
    for index, table in enumerate(parsed):
        later = parsed[index + 1:]
        tables.append(ThresholdTable(
            as_of=table.as_of, period=table.period, review_after=table.review_after, values=table.values,
            pending=table.pending, path=table.path, source=table.source,
            valid_until=later[0].as_of if later else "",
            later_tables=tuple(f"{t.period} (fra {t.as_of})" for t in later),
        ))
    return tuple(tables)


def _table(path: str, entry: Any, pending: tuple[Mapping[str, object], ...]) -> ThresholdTable:
    if not isinstance(entry, dict):
        raise AdvisorError(f"threshold data {path}: every entry of 'tables' must be a mapping")
    period = str(entry.get("period") or "").strip()
    where = f"threshold data {path}, table {period or '?'}"
    valid_from = str(entry.get("valid_from") or "")
    review_after = str(entry.get("review_after") or "")
    for field_name, text in (("valid_from", valid_from), ("review_after", review_after)):
        try:
            dt.date.fromisoformat(text)
        except ValueError as exc:
            raise AdvisorError(f"{where}: {field_name} must be a date (YYYY-MM-DD), got {text!r}") from exc
    if not period:
        raise AdvisorError(f"{where}: 'period' is missing")
    if not isinstance(entry.get("values"), dict):
        raise AdvisorError(f"{where}: expected a 'values' mapping")
    values: dict[str, Threshold] = {}
    for key, item in entry["values"].items():
        if not isinstance(item, dict):
            raise AdvisorError(f"{where}: entry {key!r} is not a mapping")
        value = item.get("value_nok")
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise AdvisorError(f"{where}: {key}.value_nok must be a positive whole number, got {value!r}")
        for needed in ("name", "as_of", "source"):
            if not str(item.get(needed) or "").strip():
                raise AdvisorError(f"{where}: {key}.{needed} is missing")
        previous = item.get("previous_nok")
        if previous is not None and (isinstance(previous, bool) or not isinstance(previous, int) or previous <= 0
                                     or not str(item.get("previous_period") or "").strip()):
            raise AdvisorError(f"{where}: {key}.previous_nok must be a positive whole number with a previous_period, "
                               f"got {previous!r}")
        values[key] = Threshold(key, str(item["name"]), value, str(item["as_of"]), str(item["source"]),
                                previous_nok=previous, previous_period=str(item.get("previous_period") or ""),
                                previous_source=str(item.get("previous_source") or ""))
    missing = [key for key in REQUIRED_THRESHOLDS if key not in values]
    if missing:
        raise AdvisorError(f"{where}: missing {', '.join(missing)}")
    if not values["law_floor"].value_nok < values["national"].value_nok <= values["eea_state_goods_services"].value_nok:
        raise AdvisorError(f"{where}: expected law_floor < national <= eea_state_goods_services")
    return ThresholdTable(as_of=valid_from, period=period, review_after=review_after, values=values, pending=pending,
                          path=path, source=str(entry.get("source") or ""))
