"""Retrieval: dense (Chroma) and BM25 rankings fused with weighted reciprocal-rank fusion."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from advisor.config import Settings
from advisor.corpus import Chunk
from advisor.errors import InvalidInput
from advisor.search.added import cap_added, demote_stuffing
from advisor.search.index import Index
from advisor.search.query import Query, as_query
from advisor.search.rerank import RerankWeights, after_reference_lists, is_reference_list, rerank
from advisor.search.thesaurus import expand_query

Mode = Literal["hybrid", "dense", "bm25"]
MODES: tuple[str, ...] = ("hybrid", "dense", "bm25")


@dataclass(frozen=True)
class Hit:
    """One search result: the chunk, its fused score and rank, and what each retriever said about it."""

    rank: int
    score: float
    chunk: Chunk
    dense_rank: int | None = None
    bm25_rank: int | None = None
    dense_similarity: float | None = None
    bm25_score: float | None = None
    diversified: bool = False  # placed by the source-kind reservation, not by fused score alone

    @property
    def chunk_id(self) -> str:
        return self.chunk.chunk_id

    @property
    def doc_id(self) -> str:
        return self.chunk.doc_id

    @property
    def text(self) -> str:
        return self.chunk.text

    def to_dict(self) -> dict:
        """Flat JSON form used by `advisor search --json`."""
        out = {"rank": self.rank, "score": round(self.score, 6)}
        chunk = dataclasses.asdict(self.chunk)
        out.update({k: chunk[k] for k in ("text", "chunk_id", "doc_id", "title", "section", "page", "kind",
                                          "authority", "as_of", "language", "start", "end")})
        out.update({"dense_rank": self.dense_rank, "bm25_rank": self.bm25_rank,
                    "dense_similarity": None if self.dense_similarity is None else round(self.dense_similarity, 4),
                    "bm25_score": None if self.bm25_score is None else round(self.bm25_score, 4)})
        return out


def _where(kinds: list[str] | None, doc_ids: list[str] | None) -> dict | None:
    clauses = []
    if kinds:
        clauses.append({"kind": {"$in": list(kinds)}})
    if doc_ids:
        clauses.append({"doc_id": {"$in": list(doc_ids)}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def dense_search(query: str, index: Index, k: int, kinds=None, doc_ids=None,
                 vector: np.ndarray | None = None) -> list[tuple[str, float]]:
    """(chunk id, cosine similarity) of the k nearest chunks by embedding (`vector`: the query's, when the caller has
    embedded it already)."""
    if len(index) == 0:
        return []
    if vector is None:
        vector = index.embedder.embed_query(query)
    result = index.collection.query(
        query_embeddings=[np.asarray(vector, np.float32)],
        n_results=min(k, len(index)),
        where=_where(kinds, doc_ids),
        include=["distances"],
    )
    # Chroma's cosine space returns distance = 1 - cosine similarity.
    return [(cid, 1.0 - float(d)) for cid, d in zip(result["ids"][0], result["distances"][0], strict=True)]


# Up to this many chunks every sentence window is scanned (exact); above it only the windows of the candidates (the
# nearest whole chunks and the lexical hits), because the scan's memory traffic then costs more than the query's
# embedding (10 000 chunks, 31 000 windows: hybrid p95 27 ms -> 123 ms with the full scan; benchmarks/retrieval.py).
WINDOW_SCAN_ALL = 2000


def window_search(query: str, index: Index, k: int, kinds=None, doc_ids=None,
                  candidates: Sequence[str] = ()) -> list[tuple[str, float]]:
    """(chunk id, score) of the k best chunks by embedding, a chunk's score being the best cosine similarity of its
    sentence windows (search/windows.py) and of the whole chunk (its Chroma vector).

    The top k of the best of two scores lie among the top k of either, so the k nearest whole chunks (dense_search)
    and every chunk's best window give the exact top k. Above WINDOW_SCAN_ALL chunks only the windows of those nearest
    chunks and of `candidates` (the lexical hits, already filtered) are scored."""
    if len(index) == 0:
        return []
    vector = np.asarray(index.embedder.embed_query(query), np.float32)
    norm = float(np.linalg.norm(vector))
    unit = vector / norm if norm else vector
    nearest = dense_search(query, index, k, kinds, doc_ids, vector=vector)  # embedded once
    if len(index) <= WINDOW_SCAN_ALL:
        best = index.windows().best(unit)
        if kinds or doc_ids:
            allowed = np.array([(not kinds or c.kind in kinds) and (not doc_ids or c.doc_id in doc_ids)
                                for c in index.chunks])
            best = np.where(allowed, best, -np.inf)
    else:
        positions = np.array(sorted({index.positions[cid] for cid, _ in nearest} |
                                    {index.positions[cid] for cid in candidates if cid in index.positions}), np.int64)
        best = np.full(len(index), -np.inf, np.float32)
        if len(positions):
            best[positions] = index.windows().best_of(unit, positions)
    for cid, similarity in nearest:
        position = index.positions[cid]
        best[position] = max(best[position], similarity)
    k = min(k, len(index))
    top = np.argpartition(-best, k - 1)[:k]
    top = top[np.argsort(-best[top], kind="stable")]
    return [(index.chunks[i].chunk_id, float(best[i])) for i in top if np.isfinite(best[i])]


def chunk_similarities(query: str, index: Index, chunk_ids: list[str]) -> dict[str, float]:
    """Cosine similarity of each whole chunk's stored vector with the query (what the answer's evidence measure
    is calibrated on: settings.answer.dense_ranges)."""
    if not chunk_ids:
        return {}
    vector = np.asarray(index.embedder.embed_query(query), np.float32)
    vector = vector / (float(np.linalg.norm(vector)) or 1.0)
    got = index.collection.get(ids=list(chunk_ids), include=["embeddings"])
    matrix = np.asarray(got["embeddings"], np.float32).reshape(len(got["ids"]), -1)
    norms = np.linalg.norm(matrix, axis=1)
    return {cid: float(row @ vector / (n or 1.0)) for cid, row, n in zip(got["ids"], matrix, norms, strict=True)}


def bm25_search(query: str, index: Index, k: int, kinds=None, doc_ids=None) -> list[tuple[str, float]]:
    """(chunk id, BM25 score) of the k best lexical matches."""
    mask = None
    if kinds or doc_ids:
        mask = np.array([(not kinds or c.kind in kinds) and (not doc_ids or c.doc_id in doc_ids) for c in index.chunks],
                        dtype=np.float32)
    return [(index.chunks[i].chunk_id, s) for i, s in index.lexical.search(query, k, mask)]


def retrieve(
    query: Query | str,
    index: Index,
    settings: Settings,
    top_k: int | None = None,
    kinds: list[str] | None = None,
    doc_ids: list[str] | None = None,
    mode: Mode = "hybrid",
) -> list[Hit]:
    """The top_k passages for a query: dense and BM25 rankings fused by weighted RRF (or one of them alone).

    RRF score = w_dense / (k + dense_rank) + w_bm25 / (k + bm25_rank), ranks from 1, k = settings.retrieval.rrf_k.
    The dense rank is by each chunk's best sentence window or the whole chunk (window_search, search/windows.py).
    Fusing ranks rather than raw scores needs no score calibration between cosine similarity and BM25.
    In hybrid mode the fused top candidates are then reordered by sentence-level evidence (search/rerank.py;
    settings.retrieval.rerank), and a hit's score is the reranked one; reference lists («Kilder») go after the
    passages that state facts unless the question asks about sources.
    A plain string is checked and searched as written; a Query (from chat.ask) is searched by its search_text.
    """
    query = as_query(query, settings)
    top_k = settings.retrieval.top_k if top_k is None else top_k
    if not isinstance(top_k, int) or top_k < 1:
        raise InvalidInput("top_k", top_k, "a whole number >= 1")
    if mode not in MODES:
        raise InvalidInput("mode", mode, " | ".join(MODES))
    n_candidates = max(settings.retrieval.candidates, top_k)
    w_bm25 = settings.retrieval.bm25_weight if mode != "dense" else 1.0
    if mode == "hybrid" and query.language == "en":
        # Norwegian stemming and compound splitting mis-handle English; measured on the 14 English eval
        # questions: hit@5 0.714 (equal weights) -> 0.857 (dense only), overall MRR@10 0.593 -> 0.613.
        w_bm25 = settings.retrieval.bm25_weight_english
    text = query.search_text
    # The dense ranking is by each chunk's best sentence window or the whole chunk (search/windows.py); the similarity
    # a hit reports stays the whole chunk's cosine, on which the answer's evidence measure is calibrated.
    # BM25 also searches the thesaurus forms (FOA -> anskaffelsesforskriften, PCP -> førkommersiell anskaffelse).
    lexical = bm25_search(expand_query(text), index, n_candidates, kinds, doc_ids) if mode == "bm25" or (mode == "hybrid" and w_bm25 > 0) else []
    dense = (window_search(text, index, n_candidates, kinds, doc_ids, candidates=[cid for cid, _ in lexical])
             if mode in ("hybrid", "dense") else [])
    dense_info = {cid: (rank, sim) for rank, (cid, sim) in enumerate(dense, start=1)}
    bm25_info = {cid: (rank, score) for rank, (cid, score) in enumerate(lexical, start=1)}
    fused: dict[str, float] = {}
    k = settings.retrieval.rrf_k
    w_dense = settings.retrieval.dense_weight if mode != "bm25" else 1.0
    for cid, (rank, _) in dense_info.items():
        fused[cid] = fused.get(cid, 0.0) + w_dense / (k + rank)
    for cid, (rank, _) in bm25_info.items():
        fused[cid] = fused.get(cid, 0.0) + w_bm25 / (k + rank)
    # Added documents (uploads) never crowd out the corpus: stuffed passages demoted, each capped (search/added.py).
    candidates = {cid: index.chunks[index.positions[cid]] for cid in fused}
    demoted = demote_stuffing(fused, candidates, settings.corpus_dir)
    # Ties (same fused score) are broken by dense similarity, then chunk id, so results are deterministic.
    ranked = sorted(fused, key=lambda cid: (-fused[cid], -dense_info.get(cid, (0, -1.0))[1], cid))
    if mode == "hybrid" and settings.retrieval.rerank:
        r = settings.retrieval
        ranked, fused = rerank(ranked, fused, candidates, {cid: sim for cid, (_, sim) in dense_info.items()},
                               expand_query(text), index.lexical, r.rerank_depth,
                               RerankWeights(r.rerank_sentence_weight, r.rerank_heading_weight, r.rerank_dense_weight,
                                             r.rerank_sole_weight),
                               demoted)
    if mode == "hybrid":
        ranked, fused = after_reference_lists(ranked, fused, candidates, expand_query(text), index.lexical)
    ranked = cap_added(ranked, candidates, settings.corpus_dir)
    reserved: set[str] = set()
    if mode == "hybrid" and settings.retrieval.kind_slots and top_k >= 3:
        # Stuffing and reference lists are never lifted into view.
        corroborated = {cid for cid in (set(dense_info) & set(bm25_info)) - demoted
                        if not is_reference_list(candidates[cid])}
        reserved = _kind_reservation(ranked, corroborated, index, top_k, settings.retrieval.kind_slots)
    order = [cid for cid in ranked[:top_k] if cid not in reserved][: top_k - len(reserved)]
    order += [cid for cid in ranked if cid in reserved]
    chunk_sims = chunk_similarities(text, index, [cid for cid in order if cid in dense_info])
    hits = []
    for rank, cid in enumerate(order, start=1):
        d = dense_info.get(cid)
        b = bm25_info.get(cid)
        hits.append(Hit(rank=rank, score=fused[cid], chunk=index.chunks[index.positions[cid]],
                        dense_rank=d[0] if d else None, bm25_rank=b[0] if b else None,
                        dense_similarity=chunk_sims.get(cid) if d else None, bm25_score=b[1] if b else None,
                        diversified=cid in reserved))
    return hits


def _kind_reservation(ranked: list[str], corroborated: set[str], index: Index, top_k: int, slots: int) -> set[str]:
    """Chunks to lift into the top_k: the best passage of each source kind the top_k lacks (at most `slots`).

    Only passages that both retrievers returned among their candidates qualify, so a lifted passage is
    relevant by two independent measures. Measured on evals/retrieval.jsonl with 64 seed questions and
    35 guidance notes competing: hybrid hit@5 0.688 -> 0.703, MRR@10 0.566 -> 0.588; the white paper's
    need-versus-solution passage enters the top 5 for "Hvordan kan vi beskrive behovet i stedet for løsningen?".
    """
    kind_of = {cid: index.chunks[index.positions[cid]].kind for cid in ranked}
    shown = {kind_of[cid] for cid in ranked[:top_k]}
    lifted: set[str] = set()
    for cid in ranked[top_k:]:
        if len(lifted) >= slots:
            break
        if cid in corroborated and kind_of[cid] not in shown:
            lifted.add(cid)
            shown.add(kind_of[cid])
    return lifted
