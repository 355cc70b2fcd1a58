"""The Doffin downloader against a real HTTP server on 127.0.0.1 that answers in the shapes of the Public API v2:
paging with a cap on accessible hits (forcing date-window splits), HTTP 429, rate limiting, resume after an
interruption, and import of what was downloaded.
"""

from __future__ import annotations

import copy
import json
import math
import threading
import time
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from paths import SHARED, TEST_DATA

from advisor.config import Settings
from advisor.doffin import FetchOptions, fetch_notices, notice_stats
from advisor.doffin.api_client import DoffinFetchError, RateLimiter
from advisor.doffin.fetch import fetch_dir
from advisor.doffin.store import open_store
from advisor.errors import InvalidInput

DATA = TEST_DATA / "doffin"
REAL_API = SHARED / "data" / "doffin" / "api_v2_search"
KEY = "test-subscription-key"
XML_TEMPLATE = (DATA / "eforms" / "2025-100002_can-standard.xml").read_text(encoding="utf-8")
HIT_TEMPLATE = json.loads((DATA / "api" / "search_page.json").read_text(encoding="utf-8"))["hits"][1]
PROCEDURES = ("open", "comp-dial", "innovation", "neg-w-call", "restricted")


def make_hit(doffin_id: str, issued: date) -> dict[str, Any]:
    """A search hit in the real shape (18 fields) for a generated notice."""
    hit = copy.deepcopy(HIT_TEMPLATE)
    hit.update(
        id=doffin_id,
        heading=f"Kunngjøring {doffin_id}",
        issueDate=f"{issued.isoformat()}T09:00:00Z",
        publicationDate=issued.isoformat(),
    )
    return hit


def make_xml(doffin_id: str, procedure: str, issued: date) -> bytes:
    """The eForms XML /download/{id} returns for a generated notice (retro-converted style: cbc:ID = Doffin id)."""
    text = XML_TEMPLATE.replace("2025-100002", doffin_id).replace(">comp-dial<", f">{procedure}<")
    return text.replace("2025-03-10+01:00", f"{issued.isoformat()}+01:00").encode("utf-8")


class DoffinApiServer:
    """/search and /download/{id} on 127.0.0.1, with a cap on accessible hits and injectable failures."""

    def __init__(self, hits: list[dict[str, Any]], xml: dict[str, bytes], cap: int = 1000):
        self.hits = sorted(hits, key=lambda h: h["id"])
        self.xml = xml
        self.cap = cap
        self.fail_429_on: set[int] = set()  # request numbers (1-based) answered with 429
        self.fail_after: int | None = None  # from this request number on, answer 503
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()

    def __enter__(self) -> DoffinApiServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # small responses would otherwise wait for delayed ACKs

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                url = urlparse(self.path)
                params = {k: v[0] for k, v in parse_qs(url.query).items()}
                with server._lock:
                    number = len(server.requests) + 1
                    server.requests.append(
                        {"n": number, "t": time.monotonic(), "path": url.path, "params": params,
                         "key": self.headers.get("Ocp-Apim-Subscription-Key")}
                    )
                if self.headers.get("Ocp-Apim-Subscription-Key") != KEY:
                    return self._send(401, {"statusCode": 401, "message": "Access denied due to invalid subscription key."})
                if number in server.fail_429_on:
                    return self._send(429, {"statusCode": 429, "message": "Rate limit is exceeded."}, {"Retry-After": "0"})
                if server.fail_after is not None and number >= server.fail_after:
                    return self._send(503, {"statusCode": 503, "message": "Service unavailable"})
                if url.path == "/public/v2/search":
                    return self._send(200, server.search(params))
                if url.path.startswith("/public/v2/download/"):
                    doffin_id = url.path.rsplit("/", 1)[-1]
                    if doffin_id in server.xml:
                        return self._send_bytes(200, server.xml[doffin_id], "application/octet-stream")
                return self._send(404, {"statusCode": 404, "message": "Resource not found"})

            def _send(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
                self._send_bytes(status, json.dumps(payload, ensure_ascii=False).encode("utf-8"), "application/json", headers)

            def _send_bytes(self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/public/v2"

    def search(self, params: dict[str, str]) -> dict[str, Any]:
        """Filter by issue date (inclusive, yyyy-mm-dd), page 1-indexed, only the first `cap` hits reachable."""
        start = params.get("issueDateFrom", "0000-00-00")
        end = params.get("issueDateTo", "9999-99-99")
        found = [h for h in self.hits if start <= h["issueDate"][:10] <= end]
        size, page = int(params.get("numHitsPerPage", 15)), int(params.get("page", 1))
        accessible = found[: self.cap]
        return {
            "numHitsTotal": len(found),
            "numHitsAccessible": len(accessible),
            "hits": accessible[(page - 1) * size : page * size],
        }

    def paths(self, prefix: str) -> list[str]:
        return [r["path"] for r in self.requests if r["path"].startswith(prefix)]


def dataset(days: int, per_day: int, start: date = date(2025, 1, 6)) -> tuple[list[dict[str, Any]], dict[str, bytes], dict[str, str]]:
    hits, xml, procedure = [], {}, {}
    for d in range(days):
        issued = start + timedelta(days=d)
        for k in range(per_day):
            doffin_id = f"2025-2{d:02d}{k:03d}"
            procedure[doffin_id] = PROCEDURES[(d * per_day + k) % len(PROCEDURES)]
            hits.append(make_hit(doffin_id, issued))
            xml[doffin_id] = make_xml(doffin_id, procedure[doffin_id], issued)
    return hits, xml, procedure


def options(server: DoffinApiServer, start: date, end: date, **changes: Any) -> FetchOptions:
    values: dict[str, Any] = dict(
        base_url=server.base_url, api_key=KEY, date_from=start, date_to=end, page_size=4,
        max_requests=1000, per_seconds=1.0, max_retries=2, backoff_s=0.01, timeout_s=5,
    )
    values.update(changes)
    return FetchOptions(**values)


@pytest.fixture
def home(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "home")


def test_window_over_the_cap_is_split_until_every_notice_is_fetched_and_imported(home):
    hits, xml, procedure = dataset(days=10, per_day=3)  # 30 notices, only 10 reachable per query
    with DoffinApiServer(hits, xml, cap=10) as server:
        report = fetch_notices(home, options(server, date(2025, 1, 6), date(2025, 1, 15)))
        windows = {(r["params"]["issueDateFrom"], r["params"]["issueDateTo"]) for r in server.requests if r["path"].endswith("/search")}
        keys = {r["key"] for r in server.requests}
    assert report.hits_listed == 30 and report.downloaded == 30 and report.truncated_windows == []
    assert report.windows_split >= 3 and ("2025-01-06", "2025-01-15") in windows
    assert all((date.fromisoformat(b) - date.fromisoformat(a)).days < 9 for a, b in windows - {("2025-01-06", "2025-01-15")})
    assert keys == {KEY}  # the key goes in the Ocp-Apim-Subscription-Key header
    assert report.import_report is not None and report.import_report.store_total == 30
    figures = notice_stats(home)
    expected = {code: list(procedure.values()).count(code) for code in PROCEDURES}
    assert {k: v for k, v in figures["procedure_type"]["counts"].items() if v} == expected
    with open_store(home) as store:
        assert all(n["formats"] == ["eforms_xml", "api_json"] for n in store.notices())  # hit + XML = one notice
    assert (fetch_dir(home) / "xml" / "2025-200000.xml").is_file()


def test_a_single_day_over_the_cap_is_fetched_up_to_the_cap_and_reported(home):
    hits, xml, _ = dataset(days=1, per_day=5)
    with DoffinApiServer(hits, xml, cap=3) as server:
        report = fetch_notices(home, options(server, date(2025, 1, 6), date(2025, 1, 6), page_size=2))
    assert report.truncated_windows == ["2025-01-06"] and report.hits_listed == 3
    assert any("flere enn grensen" in line for line in report.lines())


def test_http_429_is_retried_after_retry_after(home):
    hits, xml, _ = dataset(days=2, per_day=2)
    with DoffinApiServer(hits, xml) as server:
        server.fail_429_on = {2, 5}
        report = fetch_notices(home, options(server, date(2025, 1, 6), date(2025, 1, 7)))
        second, retried = server.requests[1], server.requests[2]
    assert report.rate_limited_429 == 2 and report.retries == 2 and report.downloaded == 4
    assert (second["path"], second["params"]) == (retried["path"], retried["params"])  # the same request again


def test_rate_limiter_keeps_every_window_under_the_limit(home):
    hits, xml, _ = dataset(days=1, per_day=8)
    with DoffinApiServer(hits, xml) as server:
        report = fetch_notices(home, options(server, date(2025, 1, 6), date(2025, 1, 6), max_requests=4, per_seconds=0.4))
        times = [r["t"] for r in server.requests]
    assert len(times) == 10  # 2 search pages (8 hits, 4 per page) + 8 downloads
    # server-side arrival times; the margin absorbs network jitter on 127.0.0.1 (without a limiter: ~0.01 s)
    assert all(times[i + 4] - times[i] >= 0.3 for i in range(len(times) - 4))
    assert report.waited_s > 0


def test_rate_limiter_with_a_fake_clock():
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    limiter = RateLimiter(30, 10.0, clock=lambda: now[0], sleep=sleep)
    for _ in range(30):
        assert limiter.wait() == 0.0
    now[0] += 4.0
    assert limiter.wait() == pytest.approx(6.0)  # the 31st request waits until the first is 10 s old
    assert slept == [pytest.approx(6.0)]


def test_an_interrupted_fetch_resumes_without_fetching_anything_twice(home):
    hits, xml, procedure = dataset(days=6, per_day=3)
    with DoffinApiServer(hits, xml, cap=10) as server:
        server.fail_after = 12  # the API goes away during the run
        with pytest.raises(DoffinFetchError, match="run the same command again"):
            fetch_notices(home, options(server, date(2025, 1, 6), date(2025, 1, 11), max_retries=1))
        first_run = list(server.requests)
        state = json.loads((fetch_dir(home) / "state-2025-01-06_2025-01-11.json").read_text())
        assert any(w["status"] == "listed" for w in state["windows"])  # progress was saved
        server.fail_after = None
        report = fetch_notices(home, options(server, date(2025, 1, 6), date(2025, 1, 11)))
        second_run = server.requests[len(first_run) :]
    ok_first = [r for r in first_run if r["n"] < 12]
    downloads = [r["path"] for r in ok_first + second_run if "/download/" in r["path"]]
    assert len(downloads) == len(set(downloads)) == 18  # every notice downloaded exactly once over both runs
    searched_first = {(r["params"]["issueDateFrom"], r["params"]["issueDateTo"], r["params"]["page"]) for r in ok_first if r["path"].endswith("/search")}
    searched_second = {(r["params"]["issueDateFrom"], r["params"]["issueDateTo"], r["params"]["page"]) for r in second_run if r["path"].endswith("/search")}
    assert not searched_first & searched_second  # cached pages are not requested again
    assert report.hits_listed == 18 and report.import_report.store_total == 18
    assert report.already_cached + report.downloaded == 18
    assert sum(notice_stats(home)["procedure_type"]["counts"].values()) == 18
    assert sorted(procedure) == sorted(p.stem for p in (fetch_dir(home) / "xml").glob("*.xml"))


def test_missing_notice_is_reported_and_a_bad_key_stops_the_run(home):
    hits, xml, _ = dataset(days=1, per_day=3)
    del xml["2025-200001"]
    with DoffinApiServer(hits, xml) as server:
        report = fetch_notices(home, options(server, date(2025, 1, 6), date(2025, 1, 6)))
        assert report.missing == ["2025-200001"] and report.downloaded == 2
        assert report.import_report.store_total == 3  # the hit itself is still imported from the search page
        with pytest.raises(DoffinFetchError, match="refused the key"):
            fetch_notices(Settings(home=home.home / "other"), options(server, date(2025, 1, 6), date(2025, 1, 6), api_key="wrong"))


def test_options_are_checked_at_the_boundary(home):
    with pytest.raises(InvalidInput, match="api_key"):
        fetch_notices(home, FetchOptions(base_url="http://127.0.0.1:9", api_key="", date_from=date(2025, 1, 2), date_to=date(2025, 1, 1)))
    with pytest.raises(InvalidInput, match="--from on or before --to"):
        fetch_notices(home, FetchOptions(base_url="http://127.0.0.1:9", api_key="k", date_from=date(2025, 1, 2), date_to=date(2025, 1, 1)))


def test_real_saved_api_responses_served_by_the_local_api(home):
    if not REAL_API.is_dir():
        pytest.skip("real Doffin API responses not present")
    hits = json.loads((REAL_API / "search-response-page.json").read_text(encoding="utf-8"), strict=False)["hits"]
    for name in ("contract-notice.json", "contract-award-notice.json", "intention-notice.json", "prior-information-notice.json"):
        hits.append(json.loads((REAL_API / name).read_text(encoding="utf-8"), strict=False))
    unique = list({h["id"]: h for h in hits}.values())
    xml = {h["id"]: make_xml(h["id"], "open", date.fromisoformat(h["issueDate"][:10])) for h in unique}
    with DoffinApiServer(unique, xml) as server:
        report = fetch_notices(home, options(server, date(2026, 7, 28), date(2026, 7, 31)))
    assert report.hits_listed == 6 and report.downloaded == 6
    with open_store(home) as store:
        notices = {n["doffin_id"]: n for n in store.notices()}
    assert notices["2026-112546"]["formats"] == ["eforms_xml", "api_json"]
    assert notices["2026-112541"]["estimated_value"] == 40_000_000


def test_cli_fetch_with_base_url_and_api_key(home, capsys):
    from advisor.cli import ArgumentParser
    from advisor.cli import stats as stats_cli

    hits, xml, _ = dataset(days=2, per_day=2)
    parser = ArgumentParser(prog="advisor")
    stats_cli.register(parser.add_subparsers(dest="command"))
    with DoffinApiServer(hits, xml) as server:
        args = parser.parse_args(
            ["stats", "fetch", "--from", "2025-01-06", "--to", "2025-01-07", "--base-url", server.base_url,
             "--api-key", KEY, "--json"]
        )
        assert args.func(args, home) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["hits_listed"] == 4 and out["downloaded"] == 4 and out["import_report"]["store_total"] == 4
    assert KEY not in json.dumps(out) and KEY not in (fetch_dir(home) / "state-2025-01-06_2025-01-07.json").read_text()
    assert math.isfinite(out["waited_s"])
