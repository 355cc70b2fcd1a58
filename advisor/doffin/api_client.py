"""HTTP client for the Doffin Public API v2: GET /search and GET /download/{id}, rate limited, with retries.

The subscription key goes in the Ocp-Apim-Subscription-Key header and nowhere else (not in logs, errors or
state files). Retries: HTTP 429 after its Retry-After (else exponential backoff), 5xx and network errors with
exponential backoff; 401/403 and other 4xx stop at once.
"""

from __future__ import annotations

import json
import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx

from advisor.errors import AdvisorError

log = logging.getLogger(__name__)

KEY_HEADER = "Ocp-Apim-Subscription-Key"


class DoffinFetchError(AdvisorError):
    """The Doffin API could not be reached or refused us; the run can be resumed."""


@dataclass
class ClientStats:
    """Counters of what the client did."""

    requests: int = 0
    retries: int = 0
    rate_limited_429: int = 0
    waited_s: float = 0.0


class RateLimiter:
    """Sliding-window limiter: at most `max_requests` starts in any `per_seconds` window."""

    def __init__(
        self,
        max_requests: int,
        per_seconds: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.max_requests = max_requests
        self.per_seconds = per_seconds
        self._clock = clock
        self._sleep = sleep
        self._starts: deque[float] = deque()

    def wait(self) -> float:
        """Block until one more request is allowed, record it, and return the seconds waited."""
        waited = 0.0
        while True:
            now = self._clock()
            while self._starts and now - self._starts[0] >= self.per_seconds:
                self._starts.popleft()
            if len(self._starts) < self.max_requests:
                self._starts.append(now)
                return waited
            pause = self.per_seconds - (now - self._starts[0])
            self._sleep(pause)
            waited += pause


class DoffinClient:
    """HTTP client for the two Doffin endpoints with rate limiting and retries (429, 5xx, network errors)."""

    def __init__(
        self,
        base_url: str,
        api_key: str,
        page_size: int = 100,
        max_requests: int = 30,
        per_seconds: float = 10.0,
        max_retries: int = 5,
        backoff_s: float = 2.0,
        timeout_s: float = 30.0,
    ):
        self.page_size = page_size
        self.max_retries = max_retries
        self.backoff_s = backoff_s
        self.stats = ClientStats()
        self.limiter = RateLimiter(max_requests, per_seconds)
        self._http = httpx.Client(
            base_url=base_url.rstrip("/"),
            headers={KEY_HEADER: api_key, "Accept": "application/json, application/xml"},
            timeout=timeout_s,
        )

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def search(self, window_from: date, window_to: date, page: int) -> dict[str, Any]:
        """One search page for an issue-date window."""
        params = {
            "numHitsPerPage": self.page_size,
            "page": page,
            "issueDateFrom": window_from.isoformat(),
            "issueDateTo": window_to.isoformat(),
        }
        response = self._get("/search", params)
        try:
            value = json.loads(response.text, strict=False)
        except json.JSONDecodeError as exc:
            raise DoffinFetchError(f"Doffin search returned invalid JSON ({exc.msg})") from exc
        if not isinstance(value, dict) or not isinstance(value.get("hits"), list):
            raise DoffinFetchError("Doffin search returned JSON without a hits list")
        return value

    def download(self, doffin_id: str) -> bytes | None:
        """The eForms XML of one notice, or None when Doffin says 404."""
        response = self._get(f"/download/{doffin_id}", None, allow_404=True)
        return None if response.status_code == 404 else response.content

    def _get(self, path: str, params: dict[str, Any] | None, allow_404: bool = False) -> httpx.Response:
        attempt = 0
        while True:
            self.stats.waited_s += self.limiter.wait()
            self.stats.requests += 1
            try:
                response = self._http.get(path, params=params)
            except httpx.TransportError as exc:
                problem = f"{type(exc).__name__}: {exc}"
                retry_after = None
            else:
                if response.status_code == 200 or (allow_404 and response.status_code == 404):
                    return response
                if response.status_code in (401, 403):
                    raise DoffinFetchError(
                        f"Doffin API refused the key (HTTP {response.status_code}); check --api-key"
                    )
                if response.status_code != 429 and response.status_code < 500:
                    raise DoffinFetchError(f"Doffin API answered HTTP {response.status_code} for {path}")
                if response.status_code == 429:
                    self.stats.rate_limited_429 += 1
                problem = f"HTTP {response.status_code}"
                retry_after = _retry_after(response.headers.get("Retry-After"))
            if attempt >= self.max_retries:
                raise DoffinFetchError(
                    f"Doffin API failed for {path} after {attempt + 1} attempts ({problem}); run the same command again "
                    "to resume"
                )
            pause = retry_after if retry_after is not None else self.backoff_s * (2**attempt)
            log.info("Doffin %s: %s, retrying in %.1f s", path, problem, pause)
            time.sleep(pause)
            self.stats.waited_s += pause
            self.stats.retries += 1
            attempt += 1


def _retry_after(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None
