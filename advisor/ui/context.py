"""What every page shares: the page context (settings + language) and the cached index.

The only module-level state is st.cache_resource around ensure_index (the index is expensive and immutable).
Everything per user lives in st.session_state.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from typing import Any

import streamlit as st

from advisor.config import Settings
from advisor.errors import AdvisorError
from advisor.search import Index, ensure_index, index_exists, open_registry
from advisor.ui.texts import t


@dataclass(frozen=True)
class PageContext:
    """What a page needs: the settings of this app and the chosen interface language."""

    settings: Settings
    lang: str

    def t(self, key: str, **values: Any) -> str:
        """The user-facing text `key` in this page's language."""
        return t(key, self.lang, **values)

    def index(self) -> Index:
        """The open index (built first, with a spinner, when there is none)."""
        return get_index(self.settings, self.lang)


log = logging.getLogger(__name__)

# How often a replica asks the shared registry (database or Chroma server) which build is active: a build swapped in
# on another replica is served here from the first page run after this many seconds.
ACTIVE_POLL_S = 2.0


@st.cache_data(ttl=ACTIVE_POLL_S, show_spinner=False, max_entries=8)
def _active_build(key: str, _settings: Settings) -> str:
    """The id of the active build in the shared registry, asked at most every ACTIVE_POLL_S seconds per process."""
    record, problem = open_registry(_settings).active()
    return record.build if record is not None else f"none:{problem}"


@st.cache_resource(show_spinner=False)
def _last_active() -> dict[str, str]:
    """The last active build read per settings, shared by the sessions of this process: used while the registry is away."""
    return {}


def _index_key(settings: Settings) -> str:
    """Cache key: every setting (secrets masked) plus the identity of the active build.

    Local folder: the time `index/CURRENT` was swapped, so a rebuild by `advisor index` in another process is picked
    up on the next rerun. Chroma server (several replicas): the active build's id from the shared registry, polled
    every ACTIVE_POLL_S seconds, so a re-index on another replica is picked up within seconds, without a restart,
    and never a build that did not complete (only complete builds are ever activated).
    """
    if settings.index.chroma_url:
        dumped = settings.model_dump_json()
        last = _last_active()
        try:
            last[dumped] = _active_build(dumped, settings)
        except AdvisorError as exc:  # the database restarting: keep answering from the build already open
            if dumped not in last:
                raise
            log.warning("cannot ask which index build is active (%s); answering from the build in use", exc)
        return f"{dumped}|{last[dumped]}"
    pointer = settings.index_dir / "CURRENT"
    stamp = pointer.stat().st_mtime_ns if pointer.is_file() else 0
    return f"{settings.model_dump_json()}|{stamp}"


@st.cache_resource(show_spinner=False, max_entries=2)
def _cached_index(key: str, _settings: Settings) -> Index:
    return ensure_index(_settings, progress=False)


def get_index(settings: Settings, lang: str) -> Index:
    """The index for these settings, opened once per build and shared by all sessions."""
    if not settings.index.chroma_url and not index_exists(settings):
        with st.spinner(t("index_building", lang)):
            return _cached_index(_index_key(settings), settings)
    return _cached_index(_index_key(settings), settings)


def clear_index_cache() -> None:
    """Forget the cached index (after a re-index), so the next page run opens the new build."""
    _active_build.clear()
    _cached_index.clear()


def upload_limit_mb(settings: Settings) -> int:
    """The browser-side upload limit: ADVISOR_INDEX_MAX_FILE_MB rounded up (the saved file is checked exactly)."""
    return max(1, math.ceil(settings.index.max_file_mb))
