"""Download notices from the Doffin Public API v2 (search + per-notice eForms XML), then import them.

API facts used (../shared/data/doffin/SOURCES.md and the API notes it cites; the assumptions are marked):
* GET {base}/search?numHitsPerPage=N&page=P&issueDateFrom=YYYY-MM-DD&issueDateTo=YYYY-MM-DD
  returns {numHitsTotal, numHitsAccessible, hits[]}; pages are 1-indexed. The parameter names issueDateFrom /
  issueDateTo and their inclusive yyyy-mm-dd bounds come from a third-party measurement of the live API, not
  from an official spec (assumption). numHitsPerPage above 100 is not relied on.
* At most 1 000 hits of one query are accessible (numHitsAccessible). A window with more is split in two
  halves by issue date until each part fits; a single day that still has more is fetched up to the cap and
  reported as truncated.
* GET {base}/download/{doffinId} returns the eForms UBL XML of one notice (404 for unknown ids).
* Key in the header Ocp-Apim-Subscription-Key (never logged, never written to the state file).
* About 30 requests per 10 s before HTTP 429 (Retry-After: 10): a sliding-window rate limiter keeps us under
  that, and a 429 is retried after Retry-After (or exponential backoff).

Everything is cached under settings.home/doffin_fetch/: search pages (search/…json), notice XML (xml/{id}.xml)
and a state file per date range (state-{from}_{to}.json). An interrupted run resumes where it stopped: listed
windows and cached pages are not requested again, downloaded notices are not downloaded again.
"""

from __future__ import annotations

import json
import logging
import math
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from advisor.config import Settings
from advisor.doffin.api_client import DoffinClient
from advisor.doffin.ingest import ImportReport, import_paths
from advisor.doffin.models import DOFFIN_ID_RE
from advisor.errors import InvalidInput

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://api.doffin.no/public/v2"
STATE_VERSION = 1


@dataclass(frozen=True)
class FetchOptions:
    """What to fetch and how politely."""

    base_url: str
    api_key: str
    date_from: date
    date_to: date
    page_size: int = 100
    max_hits_per_query: int = 1000
    max_requests: int = 30
    per_seconds: float = 10.0
    max_retries: int = 5
    backoff_s: float = 2.0
    timeout_s: float = 30.0
    download: bool = True
    import_notices: bool = True
    refresh: bool = False

    def check(self) -> None:
        """Validate the options at the boundary."""
        if not self.api_key:
            raise InvalidInput("api_key", "", "a Doffin Public API subscription key (--api-key)")
        if not self.base_url.startswith(("http://", "https://")):
            raise InvalidInput("base_url", self.base_url, "an http(s) URL such as " + DEFAULT_BASE_URL)
        if self.date_to < self.date_from:
            raise InvalidInput("date range", f"{self.date_from}..{self.date_to}", "--from on or before --to")
        if not 1 <= self.page_size <= 100:
            raise InvalidInput("page_size", self.page_size, "1 to 100 hits per page")
        if self.max_requests < 1 or self.per_seconds <= 0:
            raise InvalidInput("rate limit", (self.max_requests, self.per_seconds), "at least 1 request per window")


@dataclass
class FetchReport:
    """What a fetch run did."""

    date_from: str
    date_to: str
    windows_listed: int = 0
    windows_split: int = 0
    truncated_windows: list[str] = field(default_factory=list)
    hits_listed: int = 0
    downloaded: int = 0
    already_cached: int = 0
    missing: list[str] = field(default_factory=list)
    requests: int = 0
    retries: int = 0
    rate_limited_429: int = 0
    waited_s: float = 0.0
    import_report: ImportReport | None = None

    def summary(self) -> dict[str, Any]:
        """Plain dict for JSON output."""
        data = asdict(self)
        data["import_report"] = self.import_report.summary() if self.import_report else None
        data["waited_s"] = round(self.waited_s, 2)
        return data

    def lines(self) -> list[str]:
        """Short Norwegian lines for the terminal."""
        out = [
            f"Periode {self.date_from} – {self.date_to}: {self.windows_listed} datovinduer søkt "
            f"({self.windows_split} delt for å holde seg under grensen på treff per søk)",
            f"Kunngjøringer funnet: {self.hits_listed}; lastet ned nå: {self.downloaded}, fra hurtiglager: "
            f"{self.already_cached}, ikke funnet (404): {len(self.missing)}",
            f"Forespørsler: {self.requests} (nye forsøk: {self.retries}, HTTP 429: {self.rate_limited_429}, "
            f"ventet {self.waited_s:.1f} s)",
        ]
        if self.truncated_windows:
            out.append("Advarsel: flere enn grensen på én dag, bare de første hentet: " + ", ".join(self.truncated_windows))
        if self.import_report:
            out += self.import_report.lines()
        return out


def fetch_dir(settings: Settings) -> Path:
    """Folder for the fetch cache and state files."""
    return settings.home / "doffin_fetch"


class _State:
    """The resumable plan: date windows (pending / listed / truncated) and the notice ids found."""

    def __init__(self, path: Path, options: FetchOptions):
        self.path = path
        self.data: dict[str, Any] = {}
        if path.exists() and not options.refresh:
            try:
                self.data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError):
                log.warning("fetch state %s unreadable; starting over", path)
                self.data = {}
        if self.data.get("version") != STATE_VERSION or self.data.get("base_url") != options.base_url:
            self.data = {
                "version": STATE_VERSION,
                "base_url": options.base_url,
                "date_from": options.date_from.isoformat(),
                "date_to": options.date_to.isoformat(),
                "windows": [{"from": options.date_from.isoformat(), "to": options.date_to.isoformat(), "status": "pending"}],
                "ids": [],
                "missing": [],
            }

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        _write_atomic(self.path, json.dumps(self.data, indent=1).encode("utf-8"))

    @property
    def windows(self) -> list[dict[str, Any]]:
        return self.data["windows"]

    def add_ids(self, ids: list[str]) -> None:
        """Add notice ids not seen before (the API can repeat a hit on two pages)."""
        known = set(self.data["ids"])
        for doffin_id in ids:
            if doffin_id not in known:
                known.add(doffin_id)
                self.data["ids"].append(doffin_id)


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def fetch_notices(
    settings: Settings, options: FetchOptions, progress: Callable[[str], None] | None = None
) -> FetchReport:
    """List notices issued in the date range, download their XML, cache everything, and import it."""
    options.check()
    root = fetch_dir(settings)
    search_dir, xml_dir = root / "search", root / "xml"
    search_dir.mkdir(parents=True, exist_ok=True)
    xml_dir.mkdir(parents=True, exist_ok=True)
    state = _State(root / f"state-{options.date_from}_{options.date_to}.json", options)
    report = FetchReport(date_from=options.date_from.isoformat(), date_to=options.date_to.isoformat())
    client = DoffinClient(
        options.base_url, options.api_key, page_size=options.page_size, max_requests=options.max_requests,
        per_seconds=options.per_seconds, max_retries=options.max_retries, backoff_s=options.backoff_s,
        timeout_s=options.timeout_s,
    )
    page_files: list[Path] = []
    try:
        index = 0
        while index < len(state.windows):
            window = state.windows[index]
            if window["status"] == "pending":
                _list_window(client, state, index, search_dir, options, report, progress)
            window = state.windows[index]
            if window["status"] == "split":
                index += 1
                continue
            page_files.extend(search_dir / name for name in window.get("pages", []))
            if window["status"] == "truncated":
                report.truncated_windows.append(f"{window['from']}")
            index += 1
        report.windows_listed = sum(1 for w in state.windows if w["status"] in ("listed", "truncated"))
        report.windows_split = sum(1 for w in state.windows if w["status"] == "split")
        report.hits_listed = len(state.data["ids"])
        xml_files: list[Path] = []
        if options.download:
            for position, doffin_id in enumerate(state.data["ids"], start=1):
                target = xml_dir / f"{doffin_id}.xml"
                if target.exists():
                    report.already_cached += 1
                    xml_files.append(target)
                    continue
                if doffin_id in state.data["missing"]:
                    continue
                data = client.download(doffin_id)
                if data is None:
                    state.data["missing"].append(doffin_id)
                    state.save()
                    continue
                _write_atomic(target, data)
                xml_files.append(target)
                report.downloaded += 1
                if progress and position % 25 == 0:
                    progress(f"lastet ned {position} av {len(state.data['ids'])}")
        report.missing = list(state.data["missing"])
    finally:
        state.save()
        client.close()
        report.requests = client.stats.requests
        report.retries = client.stats.retries
        report.rate_limited_429 = client.stats.rate_limited_429
        report.waited_s = client.stats.waited_s
    if options.import_notices:
        files = [p for p in page_files if p.exists()] + xml_files
        if files:
            report.import_report = import_paths(files, settings)
    return report


def _list_window(
    client: DoffinClient,
    state: _State,
    index: int,
    search_dir: Path,
    options: FetchOptions,
    report: FetchReport,
    progress: Callable[[str], None] | None,
) -> None:
    """Search one window: split it if it has more hits than one query can reach, else read all its pages."""
    window = state.windows[index]
    start, end = date.fromisoformat(window["from"]), date.fromisoformat(window["to"])
    first = _cached_search(client, search_dir, start, end, 1, options)
    total = int(first.get("numHitsTotal") or 0)
    accessible = int(first.get("numHitsAccessible") if first.get("numHitsAccessible") is not None else total)
    cap = min(accessible, options.max_hits_per_query)
    if total > cap and end > start:
        middle = start + timedelta(days=(end - start).days // 2)
        window["status"] = "split"
        window["total"] = total
        state.windows[index + 1 : index + 1] = [
            {"from": start.isoformat(), "to": middle.isoformat(), "status": "pending"},
            {"from": (middle + timedelta(days=1)).isoformat(), "to": end.isoformat(), "status": "pending"},
        ]
        state.save()
        if progress:
            progress(f"{start} – {end}: {total} treff, over grensen {cap}; deler vinduet")
        return
    pages = max(1, math.ceil(min(total, cap) / options.page_size))
    names = [_page_name(start, end, 1, options.page_size)]
    ids = _hit_ids(first)
    for page in range(2, pages + 1):
        value = _cached_search(client, search_dir, start, end, page, options)
        if not value["hits"]:
            break
        names.append(_page_name(start, end, page, options.page_size))
        ids.extend(_hit_ids(value))
    state.add_ids(ids)
    window["status"] = "truncated" if total > cap else "listed"
    window["total"] = total
    window["pages"] = names
    state.save()
    if progress:
        progress(f"{start} – {end}: {total} treff på {pages} sider")


def _page_name(start: date, end: date, page: int, size: int) -> str:
    return f"{start}_{end}_p{page}_n{size}.json"


def _cached_search(
    client: DoffinClient, search_dir: Path, start: date, end: date, page: int, options: FetchOptions
) -> dict[str, Any]:
    path = search_dir / _page_name(start, end, page, options.page_size)
    if path.exists() and not options.refresh:
        try:
            return json.loads(path.read_text(encoding="utf-8"), strict=False)
        except json.JSONDecodeError:
            log.warning("cached search page %s unreadable; fetching again", path.name)
    value = client.search(start, end, page)
    _write_atomic(path, json.dumps(value, ensure_ascii=False).encode("utf-8"))
    return value


def _hit_ids(value: dict[str, Any]) -> list[str]:
    ids = []
    for hit in value.get("hits", []):
        hit_id = str(hit.get("id", "")).strip() if isinstance(hit, dict) else ""
        if DOFFIN_ID_RE.match(hit_id):
            ids.append(hit_id)
    return ids
