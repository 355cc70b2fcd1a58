"""Similar procurements: which imported notices resemble a need or a requirement text, and how were they bought?

    results = similar_notices("Vi trenger et system for digital tilsyn med eldre", settings, k=5)
    summary = summarize(results)        # {"n": 5, "since": 2020, "procedures": {"open": 3, …}}
    hits = as_hits(results)             # search Hits of kind "doffin", for cited answers

Hybrid search over title + short description + CPV codes and division names: BM25 with the Norwegian analyzer
(advisor.search.LexicalIndex) and e5 cosine similarity over vectors held in memory, fused by weighted reciprocal
rank exactly like the corpus search (settings.retrieval: rrf_k, dense_weight, bm25_weight, candidates); the dense
query leaves out a need's opening buyer («Sykehuset trenger …»). A need in
everyday words («eldre som bor hjemme skal kunne tilkalle hjelp») is read with the need vocabulary
(advisor.doffin.needs): with ADVISOR_DOFFIN_NEED_CPV the candidates in the CPV areas it gives for the text are
lifted a little in every mode, and with ADVISOR_DOFFIN_NEED_VOCABULARY the names of what is usually bought
for it (trygghetsalarm, responssenter) join both queries. In hybrid mode the main-CPV group most of the best fused
hits share is then lifted too (CPV feedback, see _boost_common_cpv), unless the need vocabulary names other areas.
With ADVISOR_DOFFIN_AGREEMENT_FEEDBACK the dense query is first moved towards the notices both lists rank in
their first 5 and the dense search runs again (_agreement_feedback; off by default).
In hybrid mode several notices of one procurement (re-announced, a qualification stage, a correction: same buyer,
same title within a year) count once: the best ranked stands for them (procurement_key). Filters (buyer type, period, CPV prefix,
procedure) are masks applied before ranking. The index
(rows, texts, BM25) is built once per store version and kept in the cache folder for the next process; the notice
vectors come from the embedding cache (the snapshot ships them); above 50 000 notices the dense search probes a
coarse partition of the vectors (advisor.doffin.coarse) instead of scanning them all.

With a Chroma server configured (ADVISOR_INDEX_CHROMA_URL) the dense half queries the notices' collection on the
server instead (advisor.doffin.vectors: filled on the first dense search after an import, only with what it lacks;
a sync mark in the cache folder spares a later process listing the collection's ids when nothing changed),
the filters going along as a metadata `where`. A server that does not answer leaves the BM25 ranking alone, with
the corpus's message as a note on the results (SimilarResults.notes) rather than an error.
"""

from __future__ import annotations

import logging
import math
import os
import pickle
import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

import numpy as np

from advisor.config import Settings
from advisor.corpus import Chunk
from advisor.doffin.coarse import EXACT_UP_TO, CoarseIndex
from advisor.doffin.codes import load_codes
from advisor.doffin.needs import Need, read_need
from advisor.doffin.objects import need_object_keys, object_match, title_keys
from advisor.doffin.snapshot import doffin_link
from advisor.doffin.store import (
    StoreEmpty,
    open_store,
    store_exists,
    store_path,
    store_where,
    uses_shared_database,
)
from advisor.doffin.vectors import (
    embed_texts,
    embedder_for,
    notice_text,
    open_server_vectors,
    server_dense_top,
    short_text,
    sync_server_vectors,
    vector_id,
)
from advisor.errors import InvalidInput
from advisor.search import Hit, LexicalIndex, ServerUnavailable

log = logging.getLogger(__name__)

Mode = Literal["hybrid", "dense", "bm25"]
MODES: tuple[str, ...] = ("hybrid", "dense", "bm25")
MAX_QUERY_CHARS = 5000


@dataclass(frozen=True)
class SimilarFilters:
    """Which notices may be returned; empty means no restriction."""

    buyer_types: tuple[str, ...] = ()  # eForms BT-11 codes, e.g. la (local authority), cga (central government)
    since: date | None = None  # publication date on or after
    cpv: tuple[str, ...] = ()  # CPV code prefixes, e.g. 72 or 7226
    procedures: tuple[str, ...] = ()  # BT-105 codes: open, restricted, neg-w-call, comp-dial, innovation, …

    def describe(self) -> str:
        """The filters as a short Norwegian phrase (empty when none)."""
        parts = []
        if self.buyer_types:
            parts.append("oppdragsgivertype " + ", ".join(self.buyer_types))
        if self.since:
            parts.append(f"fra {self.since.isoformat()}")
        if self.cpv:
            parts.append("CPV " + ", ".join(self.cpv))
        if self.procedures:
            parts.append("prosedyre " + ", ".join(self.procedures))
        return "; ".join(parts)

    def where(self) -> dict | None:
        """The filters as a Chroma metadata `where` over advisor.doffin.vectors.notice_metadata (None when none)."""
        clauses: list[dict] = []
        if self.buyer_types:
            clauses.append({"buyer_type": {"$in": list(self.buyer_types)}})
        if self.since:
            clauses.append({"date": {"$gte": int(self.since.strftime("%Y%m%d"))}})
        if self.cpv:
            prefixes = [{"cpv": {"$contains": str(p)}} for p in self.cpv]
            clauses.append(prefixes[0] if len(prefixes) == 1 else {"$or": prefixes})
        if self.procedures:
            clauses.append({"procedure": {"$in": list(self.procedures)}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}


@dataclass(frozen=True)
class SimilarNotice:
    """One comparable notice with what a buyer wants to know about it, and how the search ranked it."""

    rank: int
    score: float
    notice_id: str  # the Doffin id when known, else the eForms or synthetic id
    title: str
    buyer_name: str | None
    buyer_type: str | None
    buyer_type_label: str | None
    publication_date: str | None
    year: int | None
    procedure: str | None
    procedure_label: str | None
    notice_type: str | None
    main_cpv: str | None
    estimated_value: float | None
    awarded_value: float | None
    currency: str | None
    tenders: int | None  # tenders received, summed over the lots that state it
    link: str | None
    description: str | None = None
    dense_rank: int | None = None
    bm25_rank: int | None = None
    is_innovative: bool | None = None

    @property
    def value(self) -> float | None:
        """The awarded value when known, else the estimated value."""
        return self.awarded_value if self.awarded_value is not None else self.estimated_value

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of `advisor similar --json`."""
        return {
            "rank": self.rank, "score": round(self.score, 6), "notice_id": self.notice_id, "title": self.title,
            "buyer": self.buyer_name, "buyer_type": self.buyer_type, "buyer_type_label": self.buyer_type_label,
            "publication_date": self.publication_date, "year": self.year, "procedure": self.procedure,
            "procedure_label": self.procedure_label, "notice_type": self.notice_type, "main_cpv": self.main_cpv,
            "estimated_value": self.estimated_value, "awarded_value": self.awarded_value, "currency": self.currency,
            "tenders": self.tenders, "link": self.link, "dense_rank": self.dense_rank, "bm25_rank": self.bm25_rank,
        }


@dataclass
class NoticeIndex:
    """The searchable notices: rows, their texts, BM25, unit vectors and the filter columns."""

    rows: list[dict[str, Any]]
    texts: list[str]
    lexical: LexicalIndex
    vectors: np.ndarray | None  # None until the first dense search (embedding can take a while)
    years: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    dates: np.ndarray = field(default_factory=lambda: np.zeros(0, "<U10"))
    buyer_types: np.ndarray = field(default_factory=lambda: np.zeros(0, object))
    procedures: np.ndarray = field(default_factory=lambda: np.zeros(0, object))
    cpvs: list[tuple[str, ...]] = field(default_factory=list)
    procurements: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # see procurement_groups
    coarse: CoarseIndex | None = None  # built on the first dense search above EXACT_UP_TO notices
    synced_to: str | None = None  # "<server url> <collection>" once the server holds these notices' vectors
    server_ids: dict[str, int] | None = None  # vector id on the server -> position

    def __len__(self) -> int:
        return len(self.rows)

    @classmethod
    def build(cls, rows: list[dict[str, Any]], decompound: bool = True) -> NoticeIndex:
        """Index merged notice rows (BM25 now; vectors on first dense search)."""
        texts = [notice_text(r) for r in rows]
        return cls(
            rows=rows,
            texts=texts,
            lexical=LexicalIndex(texts, decompound=decompound),
            vectors=None,
            years=np.array([r.get("year") or 0 for r in rows], np.int32),
            dates=np.array([r.get("publication_date") or "" for r in rows], "<U10"),
            buyer_types=np.array([r.get("buyer_legal_type") or "" for r in rows], object),
            procedures=np.array([r.get("procedure_code") or "" for r in rows], object),
            cpvs=[tuple(str(c) for c in [r.get("main_cpv"), *(r.get("cpv_codes") or [])] if c) for r in rows],
            procurements=procurement_groups(rows),
        )

    def ensure_vectors(self, settings: Settings) -> np.ndarray:
        """The unit vectors of all notices (from the embedding cache; missing ones are embedded and cached)."""
        if self.vectors is None:
            self.vectors = embed_texts(self.texts, settings)
        return self.vectors

    def server_top(self, settings: Settings, query: np.ndarray, n: int, filters: SimilarFilters,
                   mask: np.ndarray | None) -> list[tuple[int, float]]:
        """(position, cosine) of the n nearest notices by the Chroma server's collection, which is first given the
        notices it lacks (once per store version and process); ServerUnavailable when the server does not answer."""
        collection = open_server_vectors(settings)
        target = f"{settings.index.chroma_url} {collection.name}"
        if self.synced_to != target:
            sync_server_vectors(self.rows, self.texts, settings, collection)
            self.server_ids = {vector_id(r["notice_key"], t): i for i, (r, t) in enumerate(zip(self.rows, self.texts, strict=True))}
            self.synced_to = target
        positions = self.server_ids or {}
        found = [(positions[vid], sim) for vid, sim in server_dense_top(collection, query, n, filters.where())
                 if vid in positions]  # another instance's notices, sharing the server, are not in this store
        if mask is not None:
            found = [(i, sim) for i, sim in found if mask[i]]
        # As the local scan: best first, equal similarities in store order (Chroma returns ties in any order; the
        # server's float arithmetic differs from numpy's in the 7th decimal).
        return sorted(found, key=lambda item: (-round(item[1], 6), item[0]))

    def dense_top(self, query: np.ndarray, n: int, mask: np.ndarray | None) -> list[tuple[int, float]]:
        """(position, cosine) of the n nearest notices: exact scan up to EXACT_UP_TO notices or with filters, else
        the probed clusters of the coarse index (see advisor.doffin.coarse)."""
        vectors = self.vectors
        if vectors is None or not len(vectors):
            return []
        if mask is None and len(vectors) > EXACT_UP_TO:
            if self.coarse is None or self.coarse.source is not vectors:
                self.coarse = CoarseIndex.build(vectors)
            positions, sims = self.coarse.search(query, n)
            return [(int(i), float(s)) for i, s in zip(positions, sims, strict=True)]
        sims = vectors @ query
        if mask is not None:
            sims = np.where(mask, sims, -np.inf)
        top = np.argpartition(-sims, min(n, len(sims)) - 1)[:n]
        top = top[np.argsort(-sims[top], kind="stable")]
        return [(int(i), float(sims[i])) for i in top if np.isfinite(sims[i])]

    def mask(self, filters: SimilarFilters) -> np.ndarray | None:
        """1/0 per notice for the filters, or None when there are none."""
        keep = np.ones(len(self.rows), bool)
        if filters.buyer_types:
            keep &= np.isin(self.buyer_types, list(filters.buyer_types))
        if filters.since:
            keep &= self.dates >= filters.since.isoformat()
        if filters.procedures:
            keep &= np.isin(self.procedures, list(filters.procedures))
        if filters.cpv:
            prefixes = tuple(filters.cpv)
            keep &= np.array([any(c.startswith(prefixes) for c in codes) for codes in self.cpvs], bool)
        if keep.all() and not (filters.buyer_types or filters.since or filters.procedures or filters.cpv):
            return None
        return keep


_CACHE: dict[tuple, NoticeIndex] = {}
_LOCK = threading.Lock()


def _store_key(settings: Settings) -> tuple:
    """What the cached index depends on: the store's version (a file's size and times, read without opening it; a
    shared database's version row, which another replica's import bumps) and the analyzer settings."""
    if uses_shared_database(settings):
        with open_store(settings) as store:
            stamp: tuple = (store.version(),)
    else:
        path = store_path(settings)
        stamp = tuple((p.stat().st_mtime_ns, p.stat().st_size)
                      for p in (path, path.with_name(path.name + "-wal")) if p.exists())
    return (store_where(settings), stamp, settings.index.embedding_backend, settings.index.embedding_model,
            settings.index.decompound)


def notice_index(settings: Settings) -> NoticeIndex:
    """The index of the notices in the store of these settings (cached per store version); StoreEmpty if none."""
    if not store_exists(settings):
        raise StoreEmpty(store_where(settings))
    key = _store_key(settings)
    with _LOCK:
        index = _CACHE.get(key)
        if index is None:
            index = _load_or_build(settings)
            _CACHE.clear()
            _CACHE[key] = index
    return index


INDEX_FILE = "doffin-index.pickle"  # under settings.cache_dir: one file, replaced when the store changes
_INDEX_FORMAT = 2  # 2: procurement groups


def _load_or_build(settings: Settings) -> NoticeIndex:
    """The notice index from the cache folder when it was built from this store version, else built and saved there
    (BM25 over 250 000 notices takes about a minute on 2 cores; reading it back about a second)."""
    where = store_where(settings) if uses_shared_database(settings) else str(store_path(settings).resolve())
    with open_store(settings) as store:
        version = store.version()
        disk_key = (_INDEX_FORMAT, where, version, store.count(), settings.index.decompound)
        cached = settings.cache_dir / INDEX_FILE
        if version and cached.exists():
            try:
                with cached.open("rb") as handle:
                    if pickle.load(handle) == disk_key:  # noqa: S301 (our own cache folder, written below)
                        return pickle.load(handle)  # noqa: S301
            except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError) as exc:
                log.info("notice index cache %s unreadable (%s): rebuilt", cached, exc)
        rows = store.notices()
    if not rows:
        raise StoreEmpty(store.where)
    index = NoticeIndex.build(rows, settings.index.decompound)
    if version:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            partial = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
            with partial.open("wb") as handle:
                pickle.dump(disk_key, handle, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(partial, cached)
        except OSError as exc:
            log.info("notice index not cached in %s: %s", cached, exc)
    return index


def rank_notices(query: str, index: NoticeIndex, settings: Settings, k: int, filters: SimilarFilters | None = None,
                 mode: Mode = "hybrid", notes: list[str] | None = None) -> list[tuple[int, float, int | None, int | None]]:
    """(position, fused score, dense rank, BM25 rank) of the k best notices for the query.

    With a Chroma server that does not answer, the ranking is BM25 alone and the reason is appended to `notes`.
    """
    if mode not in MODES:
        raise InvalidInput("mode", mode, " | ".join(MODES))
    filters = filters or SimilarFilters()
    requested = mode
    mask = index.mask(filters)
    if mask is not None and not mask.any():
        return []
    n_candidates = max(settings.retrieval.candidates, k)
    need = _need(query, settings)
    dense: list[tuple[int, float]] = []
    if mode in ("hybrid", "dense"):
        q = _query_vector(without_buyer(query), need, settings)
        if settings.index.chroma_url:
            try:
                dense = index.server_top(settings, q, n_candidates, filters, mask)
            except ServerUnavailable as exc:
                log.warning("similar notices by BM25 alone: %s", exc)
                if notes is not None:
                    notes.append(f"{SERVER_DOWN_NOTE} {exc}")
                mode = "bm25"
        else:
            index.ensure_vectors(settings)
            dense = index.dense_top(q, n_candidates, mask)
    lexical: list[tuple[int, float]] = []
    if mode in ("hybrid", "bm25"):
        # The text's own words count twice, the purchase words of the need vocabulary once.
        lexical_query = f"{query} {query} {' '.join(need.words)}" if need.words else query
        lexical = index.lexical.search(lexical_query, n_candidates, None if mask is None else mask.astype(np.float32))
    if mode == "hybrid" and dense and lexical and settings.doffin.agreement_feedback and not settings.index.chroma_url:
        dense = _agreement_feedback(q, dense, lexical, index, n_candidates, mask)
    w_dense = settings.retrieval.dense_weight if mode == "hybrid" else 1.0
    w_bm25 = settings.retrieval.bm25_weight if mode == "hybrid" else 1.0
    rrf_k = settings.retrieval.rrf_k
    dense_rank = {i: r for r, (i, _) in enumerate(dense, start=1)}
    bm25_rank = {i: r for r, (i, _) in enumerate(lexical, start=1)}
    dense_sim = dict(dense)
    fused: dict[int, float] = {}
    for i, r in dense_rank.items():
        fused[i] = fused.get(i, 0.0) + w_dense / (rrf_k + r)
    for i, r in bm25_rank.items():
        fused[i] = fused.get(i, 0.0) + w_bm25 / (rrf_k + r)
    _boost_need_cpv(fused, index, need.cpv, rrf_k, w_dense * bool(dense) + w_bm25 * bool(lexical))
    if mode == "hybrid":
        _boost_common_cpv(fused, index, rrf_k, w_dense + w_bm25, need.cpv)
    order = sorted(fused, key=lambda i: (-fused[i], -dense_sim.get(i, -1.0), i))
    # One notice per procurement in what users see (hybrid, also when it fell back to BM25); the bm25 and dense
    # modes stay each retriever's own list, for comparing them.
    if requested == "hybrid" and settings.doffin.object_rerank_weight > 0:
        order = _one_per_procurement(order, index, max(k, OBJECT_RERANK_DEPTH))
        order = _object_rerank(query, order, fused, index, settings.doffin.object_rerank_weight * (w_dense + w_bm25) / (rrf_k + 1))
    order = _one_per_procurement(order, index, k) if requested == "hybrid" else order[:k]
    return [(i, fused[i], dense_rank.get(i), bm25_rank.get(i)) for i in order]


# The purchase object (advisor.doffin.objects): the first OBJECT_RERANK_DEPTH hybrid candidates are lifted by the
# IDF-weighted share of the need's object words their title names (ADVISOR_DOFFIN_OBJECT_RERANK_WEIGHT, 0 = off).
# Round 16 (2026-12-07), on the tuning texts: with the requirements reader's object (read_purchase_object, which
# finds one in few need texts) P@5 0.544 -> 0.544/0.539 at weights 0.2/0.35 and falls above; with every content
# word of the need as its object (what is kept) 0.544 -> 0.544 (nDCG@10 0.579 -> 0.594) at 0.2, 0.539 at 0.1; a
# weight chosen on one random half of the texts changed the other half's P@5 by -0.007 on average (nDCG@10 +0.008;
# no drop on either in 49 of 100 splits). The failures are
# mostly not an object mismatch: 29 of the 82 non-relevant notices in the first 5 are studies (CPV 73) that share
# the need's topic, and in 13 texts the relevant notices are not in the first 30 at all (a ceiling of 0.733 for
# any rerank of them). Demoting studies when the need asks for no knowledge gave P@5 0.556 (+0.003 held out; not
# kept). Frozen unseen texts, one look after the design was final, weight 0.2: P@5 0.550 -> 0.550, nDCG@10 0.628 ->
# 0.629 (pooled 0.567 -> 0.583, 0.602 -> 0.604; chat precision 0.550 -> 0.571), so it is on at 0.2 by the rule set
# before that look (on only if neither unseen figure falls). Cost: under 1 ms a search (p50), the title document
# frequencies once per index (40 ms for 3 348 notices).
OBJECT_RERANK_DEPTH = 30
_TITLE_DF: dict[int, tuple[NoticeIndex, Counter, int]] = {}


def _title_idf(index: NoticeIndex) -> tuple[Counter, int]:
    """Document frequency of each title match key (whole words and compound parts) over the index, kept for the
    last index seen (about 0.1 s for 3 000 notices)."""
    held = _TITLE_DF.get(id(index))
    if held is None or held[0] is not index:
        df: Counter = Counter()
        for row in index.rows:
            whole, parts = title_keys(str(row.get("title") or ""))
            df.update(whole | parts)
        _TITLE_DF.clear()
        held = _TITLE_DF[id(index)] = (index, df, len(index.rows))
    return held[1], held[2]


def _object_rerank(query: str, order: list[int], fused: dict[int, float], index: NoticeIndex, boost: float) -> list[int]:
    """`order` re-sorted with each notice lifted by `boost` times the weighted share of the need's object keys its
    title names (ties keep the fused order); `fused` gets the lifted scores."""
    keys = need_object_keys(query)
    if not keys or boost <= 0:
        return order
    df, n = _title_idf(index)
    weights = {key: math.log((n + 1) / (1 + df.get(key, 0))) for key in keys}
    for i in order:
        fused[i] += boost * object_match(keys, str(index.rows[i].get("title") or ""), weights)
    position = {i: p for p, i in enumerate(order)}
    return sorted(order, key=lambda i: (-fused[i], position[i]))


# A procurement often has several notices in the store: a competition announced again («ny utlysning», «2.gangs
# utlysning», «(1)»), a qualification stage and the competition, a notice and its correction. Shown side by side
# they fill the list with one purchase; the search keeps the best ranked notice of each procurement.
_TITLE_NOISE = re.compile(
    r"\b(?:ny\s+(?:utlysning|kunngjøring)|\d+\.?\s*gangs?\s+utlysning|kvalifisering|prekvalifisering|"
    r"kvalifikasjonsfasen|trinn\s+\d+|korrigert|rettelse|endret)\b|\(\d+\)",
    re.IGNORECASE)


def procurement_key(row: dict[str, Any]) -> str:
    """The buyer and the title with what differs between the notices of one procurement left out (a re-announcement,
    a qualification stage, a correction, case, punctuation); empty when the notice has no title."""
    title = _TITLE_NOISE.sub(" ", str(row.get("title") or ""))
    words = re.findall(r"\w+", title.lower())
    if not words:
        return ""
    buyer = " ".join(re.findall(r"\w+", str(row.get("buyer_name") or "").lower()))
    return f"{buyer}|{' '.join(words)}"


PROCUREMENT_DAYS = 365  # notices of one key further apart than this are separate purchases (a renewed agreement)


def procurement_groups(rows: list[dict[str, Any]]) -> np.ndarray:
    """A group number per notice: notices with the same procurement_key published within PROCUREMENT_DAYS of the
    group's previous notice share one (an unknown date joins the group); a notice without a title is its own."""
    by_key: dict[str, list[int]] = {}
    groups = np.arange(len(rows), dtype=np.int64)
    for i, row in enumerate(rows):
        key = procurement_key(row)
        if key:
            by_key.setdefault(key, []).append(i)
    for members in by_key.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda i: str(rows[i].get("publication_date") or ""))
        group, last = members[0], _day(rows[members[0]])
        for i in members:
            day = _day(rows[i])
            if day is not None and last is not None and (day - last).days > PROCUREMENT_DAYS:
                group = i
            groups[i] = group
            last = day if day is not None else last
    return groups


def _day(row: dict[str, Any]) -> date | None:
    try:
        return date.fromisoformat(str(row.get("publication_date") or "")[:10])
    except ValueError:
        return None


def _one_per_procurement(order: list[int], index: NoticeIndex, k: int) -> list[int]:
    """The first k positions of `order` keeping only the best ranked notice of each procurement group (the work is
    bounded by the candidates already ranked)."""
    groups = index.procurements
    if len(groups) != len(index.rows):  # an index pickled before the groups existed
        return order[:k]
    kept: list[int] = []
    taken: set[int] = set()
    for i in order:
        group = int(groups[i])
        if group in taken:
            continue
        taken.add(group)
        kept.append(i)
        if len(kept) == k:
            break
    return kept


def _need(query: str, settings: Settings) -> Need:
    """What the need vocabulary reads in the query: its purchase words with ADVISOR_DOFFIN_NEED_VOCABULARY, its CPV
    areas with ADVISOR_DOFFIN_NEED_CPV; both off by default. The areas only lift candidates the text's own words or
    meaning already found. Wave 8 (2026-12-06, seen labels after that day's pool round): areas on, with the CPV
    feedback yielding to them, hybrid P@5 0.506 -> 0.606, nDCG@10 0.553 -> 0.663, bm25 0.417 -> 0.489, dense
    0.467 -> 0.533 (measured with one notice per procurement in every mode); but on the frozen unseen texts (one look) hybrid P@5 0.550 -> 0.433, nDCG@10 0.628 -> 0.535
    (pooled 0.567 -> 0.483): like the words, they do not generalise, so they stay off."""
    if not (settings.doffin.need_vocabulary or settings.doffin.need_cpv):
        return Need()
    need = read_need(query)
    return Need(need.words if settings.doffin.need_vocabulary else (), need.cpv if settings.doffin.need_cpv else ())


# The buyer opening a need («Sykehuset trenger …», «Statlige virksomheter trenger …», «Vegvesenet trenger …») says
# who buys, not what: embedded with the sentence it pulls the dense search towards any notice of that kind of buyer
# (every hospital purchase). The dense query leaves the opening out; BM25 keeps it (a buyer word can name the
# purchase, «brannvesenet» -> brannbil, and BM25 weighs it by its rarity). Seen set (2026-12-06): dense P@5 0.361 ->
# 0.467, hybrid P@5 0.506 -> 0.500, nDCG@10 0.530 -> 0.560. Two further changes tried with it (only the first 10 of
# each list fused; title words of the best dense hits added to the BM25 query) raised the seen hybrid P@5 to 0.583
# but did not hold on a split of the seen set nor on the frozen unseen set (nDCG@10 fell), so they were left out.
_BUYER_OPENING = re.compile(
    r"^\s*(?P<who>(?:\w+[\s-]+){0,3}?\w+)\s+(?:trenger|må|vil|skal|ønsker|bør)\s+(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL)


def without_buyer(text: str) -> str:
    """The text without an opening «<who, up to four words> trenger/må/vil/skal/ønsker/bør» followed by more words
    than the opening has (a short opening names the buyer; «bygge barneskole idrettshall trenger entreprenør» is the
    purchase itself); unchanged otherwise."""
    m = _BUYER_OPENING.match(text)
    if not m or len(m.group("rest").split()) <= len(m.group("who").split()):
        return text
    return m.group("rest").strip()


SERVER_DOWN_NOTE = "Lignende kunngjøringer er rangert med ordsøk (BM25) alene:"


class SimilarResults(list):
    """The similar notices, best first (a list of SimilarNotice), and `notes` on how they were found: a Chroma
    server that did not answer, so the ranking is BM25 alone. A plain list everywhere else."""

    def __init__(self, notices: list[SimilarNotice] | None = None, notes: list[str] | None = None):
        super().__init__(notices or [])
        self.notes: list[str] = list(notes or [])


# Tried and left out (wave 7, 2026-12-06): votes from the first 6 hits of EACH retriever, the group having to be
# among both lists' votes and hold >= 0.3 of all 12 votes. On a 2-fold split of evals/similar.jsonl (even/odd rows)
# it held: hybrid P@5 / nDCG@10 even half 0.589/0.626 -> 0.600/0.645, odd half 0.411/0.493 -> 0.433/0.538 (tuned
# on one half alone, the other half rose too); whole seen set 0.500/0.560 -> 0.517/0.591. On the frozen unseen set
# (one look) it fell: P@5 0.550 -> 0.450, nDCG@10 0.628 -> 0.586 (seen chat.precision 0.891 -> 0.875), so the fused
# top-10 vote stays. Tried on the seen split only and not kept: a title boost (share of the query's IDF weight in the
# title: at best one notice more per half, worse at larger weights), BM25/dense weights by query length (worse),
# demoting notices outside the voted group and other boost weights (P@5 down on the odd half), CPV division (2 digits)
# or class (4) instead of group (worse or even).
CPV_FEEDBACK_TOP = 10  # fused hits that vote for the query's likely CPV area
CPV_FEEDBACK_DIGITS = 3  # CPV group (3 digits) rather than division (2): «90» holds both snow clearing and waste
CPV_FEEDBACK_MIN_SHARE = 0.4  # the area must hold this share of the votes (else no boost: the hits disagree)
CPV_FEEDBACK_WEIGHT = 0.35  # boost, as a share of a first-rank fused score in both lists


NEED_DENSE_WEIGHT = 0.7  # weight of the vector of the text with the purchase words, against 1 for the text's own


def _query_vector(query: str, need: Need, settings: Settings) -> np.ndarray:
    """The unit query vector: the text's own, or with purchase words from the need vocabulary a weighted mean of the
    text's vector and the vector of the text with those words (the words pull towards notices that name the purchase
    without drowning what the text itself says)."""
    embedder = embedder_for(settings)
    q = _unit(np.asarray(embedder.embed_query(query), np.float32))
    if need.words:
        expanded = np.asarray(embedder.embed_query(f"{query} {' '.join(need.words)}"), np.float32)
        q = _unit(q + NEED_DENSE_WEIGHT * _unit(expanded))
    return q


def _unit(v: np.ndarray) -> np.ndarray:
    return v / (np.linalg.norm(v) or 1.0)


# Pseudo-relevance feedback on the dense side from where the two searches agree: a notice both BM25 (the words)
# and the dense search (the meaning) rank in their first AGREEMENT_DEPTH is very likely what the text asks for, so
# the dense query is moved towards those notices' mean vector (Rocchio, AGREEMENT_BETA) and the dense search runs
# again; BM25 is left as it was, and nothing changes when the two lists share no notice there. It lifts notices that
# say the same thing in other words (a need in everyday language, the notices in procurement terms). Designed on
# the odd ids of evals/similar.jsonl, checked on the even ids (2026-12-07): hybrid P@5 odd 0.633 -> 0.733, even
# 0.456 -> 0.500; a plateau for depths 5-7 and betas 0.5-1.0. Feedback from BM25's first hits alone, from the fused
# first hits, a second dense field over the title alone, a BM25 list over the titles and a soft CPV vote did less.
# Whole seen set: hybrid P@5 0.544 -> 0.617, nDCG@10 0.580 -> 0.627, chat precision 0.911 -> 0.913. Frozen unseen
# texts, one look after the design was final, then the 9 notices it brought into their top 10 judged blind (3
# relevant): pooled P@5 0.567 -> 0.600 but nDCG@10 0.602 -> 0.590 (chat precision 0.550 -> 0.722), so it is off by
# default (ADVISOR_DOFFIN_AGREEMENT_FEEDBACK) until more unseen texts decide.
AGREEMENT_DEPTH = 5
AGREEMENT_BETA = 0.5


def _agreement_feedback(q: np.ndarray, dense: list[tuple[int, float]], lexical: list[tuple[int, float]],
                        index: NoticeIndex, n: int, mask: np.ndarray | None) -> list[tuple[int, float]]:
    """The dense ranking again, for the query moved towards the notices both lists rank in their first
    AGREEMENT_DEPTH (see above); `dense` unchanged when they share none or the vectors are not held locally."""
    near = {i for i, _ in dense[:AGREEMENT_DEPTH]}
    agreed = [i for i, _ in lexical[:AGREEMENT_DEPTH] if i in near]
    if not agreed or index.vectors is None:
        return dense
    moved = _unit(q + AGREEMENT_BETA * _unit(index.vectors[agreed].mean(axis=0)))
    return index.dense_top(moved, n, mask)


NEED_CPV_WEIGHT = 0.2  # boost of notices in the need vocabulary's CPV areas, as a share of a first-rank fused score


def _boost_need_cpv(fused: dict[int, float], index: NoticeIndex, prefixes: tuple[str, ...], rrf_k: int,
                    weight_sum: float) -> None:
    """Lift every candidate whose main CPV code lies in an area the need vocabulary gives for the text (advisor.
    doffin.needs): a soft preference for the kind of purchase the need is usually met by, never a filter."""
    if not prefixes or NEED_CPV_WEIGHT <= 0:
        return
    boost = NEED_CPV_WEIGHT * weight_sum / (rrf_k + 1)
    for i in fused:
        if str(index.rows[i].get("main_cpv") or "").startswith(prefixes):
            fused[i] += boost


def _boost_common_cpv(fused: dict[int, float], index: NoticeIndex, rrf_k: int, weight_sum: float,
                      need_cpv: tuple[str, ...] = ()) -> None:
    """Pseudo-relevance feedback on CPV: the main-CPV group most of the best fused hits share is taken as the
    query's likely area, and every candidate in that group is lifted a little (notices of the same kind of purchase
    rank above look-alikes from other areas). Nothing changes when the hits do not agree on an area, nor when the
    need vocabulary gives the text areas (`need_cpv`) and the voted group lies in none of them: a buyer word pulls
    the hits towards the buyer's usual purchases («Sykehuset … legemidler» voted for medical equipment). Seen set
    2026-12-06: hybrid P@5 0.594 -> 0.606."""
    if not fused or CPV_FEEDBACK_WEIGHT <= 0:
        return
    top = sorted(fused, key=lambda i: -fused[i])[:CPV_FEEDBACK_TOP]
    groups = {i: str(index.rows[i].get("main_cpv") or "")[:CPV_FEEDBACK_DIGITS] for i in fused}
    votes = Counter(groups[i] for i in top if len(groups[i]) == CPV_FEEDBACK_DIGITS)
    if not votes:
        return
    area, count = votes.most_common(1)[0]
    if count < CPV_FEEDBACK_MIN_SHARE * len(top):
        return
    if need_cpv and not any(area.startswith(p) or p.startswith(area) for p in need_cpv):
        return  # the need vocabulary names other areas: the hits agree on a look-alike («Sykehuset» -> equipment)
    boost = CPV_FEEDBACK_WEIGHT * weight_sum / (rrf_k + 1)
    for i in fused:
        if groups[i] == area:
            fused[i] += boost


def similar_notices(text: str, settings: Settings, k: int = 10, filters: SimilarFilters | None = None,
                    mode: Mode = "hybrid") -> SimilarResults:
    """The k notices most like the text (a need, a requirement, a question), best first; StoreEmpty if none.
    `.notes` of the result says when the dense half could not run (Chroma server down: BM25 alone)."""
    query = " ".join(str(text).split())
    if not query:
        raise InvalidInput("text", text, "a description of the need or the purchase")
    if len(query) > MAX_QUERY_CHARS:
        raise InvalidInput("text", f"{len(query)} characters", f"at most {MAX_QUERY_CHARS} characters")
    if not isinstance(k, int) or k < 1:
        raise InvalidInput("k", k, "a whole number >= 1")
    index = notice_index(settings)
    notes: list[str] = []
    ranked = rank_notices(query, index, settings, k, filters, mode, notes)
    return SimilarResults([_result(rank, index.rows[i], score, d, b) for rank, (i, score, d, b) in enumerate(ranked, start=1)],
                          notes)


def _result(rank: int, row: dict[str, Any], score: float, dense_rank: int | None, bm25_rank: int | None) -> SimilarNotice:
    codes = load_codes()
    tenders = row.get("tenders_received")
    procedure = row.get("procedure_code")
    buyer_type = row.get("buyer_legal_type")
    return SimilarNotice(
        rank=rank,
        score=score,
        notice_id=row.get("doffin_id") or row.get("eforms_id") or row.get("synthetic_id") or row["notice_key"],
        title=row.get("title") or "(uten tittel)",
        buyer_name=row.get("buyer_name"),
        buyer_type=buyer_type,
        buyer_type_label=codes.label("buyer_legal_type", buyer_type) if buyer_type else None,
        publication_date=row.get("publication_date"),
        year=row.get("year"),
        procedure=procedure,
        procedure_label=codes.label("procedure_type", procedure) if procedure else None,
        notice_type=row.get("notice_type"),
        main_cpv=row.get("main_cpv"),
        estimated_value=row.get("estimated_value"),
        awarded_value=row.get("awarded_value"),
        currency=row.get("awarded_currency") or row.get("estimated_currency"),
        tenders=sum(tenders) if tenders else None,
        link=doffin_link(row.get("doffin_id")),
        description=short_text(row.get("description"), 300),
        dense_rank=dense_rank,
        bm25_rank=bm25_rank,
        is_innovative=row.get("is_innovative"),
    )


def summarize(results: list[SimilarNotice]) -> dict[str, Any]:
    """How the comparable notices were bought: count, first year, counts per procedure (labels in Norwegian)."""
    codes = load_codes()
    counts = Counter(r.procedure or "ikke oppgitt" for r in results)
    years = [r.year for r in results if r.year]
    return {
        "n": len(results),
        "since": min(years) if years else None,
        "procedures": dict(counts.most_common()),
        "labels": {c: (codes.label("procedure_type", c) if c != "ikke oppgitt" else "prosedyre ikke oppgitt")
                   for c in counts},
        "with_tenders": sum(1 for r in results if r.tenders is not None),
    }


def summary_line(results: list[SimilarNotice]) -> str:
    """One Norwegian line: "8 sammenlignbare kunngjøringer siden 2020: 5 åpen anbudskonkurranse, 2 …"."""
    if not results:
        return "Ingen sammenlignbare kunngjøringer funnet blant de importerte."
    s = summarize(results)
    parts = ", ".join(f"{n} {s['labels'][code].lower()}" for code, n in s["procedures"].items())
    since = f" siden {s['since']}" if s["since"] else ""
    return f"{s['n']} sammenlignbare kunngjøringer{since}: {parts}."


def _cited_title(r: SimilarNotice) -> str:
    """«Doffin 2022-366155: title»; a notice known only from an archive copy (an internal id, no Doffin number) is
    named without its internal id, which looked like a made-up notice to readers."""
    if r.notice_id.startswith("synthetic:"):
        return f"Doffin-kunngjøring ({r.year or 'år ukjent'}): {r.title}"
    return f"Doffin {r.notice_id}: {r.title}"


def as_hits(results: list[SimilarNotice]) -> list[Hit]:
    """The results as search Hits of kind `doffin` (as_of = publication date, source = the Doffin link), so an
    answer can cite a notice like any other source."""
    hits = []
    for r in results:
        lines = [r.title]
        facts = [f for f in (r.buyer_name, r.procedure_label, r.publication_date) if f]
        if facts:
            lines.append("; ".join(facts))
        if r.description:
            lines.append(r.description)
        text = "\n".join(lines)
        chunk = Chunk(
            chunk_id=f"doffin:{r.notice_id}#0", doc_id=f"doffin:{r.notice_id}", title=_cited_title(r),
            section="", page=None, start=0, end=len(text), text=text, kind="doffin", authority="other",
            as_of=r.publication_date or "", language="nb", source=r.link or f"Doffin-kunngjøring {r.notice_id}",
        )
        hits.append(Hit(rank=r.rank, score=r.score, chunk=chunk, dense_rank=r.dense_rank, bm25_rank=r.bm25_rank))
    return hits
