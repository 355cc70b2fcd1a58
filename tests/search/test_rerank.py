"""advisor.search.rerank: the fused top candidates reordered by sentence-level evidence."""

from __future__ import annotations

from advisor.config import Settings
from advisor.corpus import Chunk
from advisor.search import open_index, retrieve
from advisor.search.lexical import LexicalIndex
from advisor.search.rerank import (
    RerankWeights,
    after_reference_lists,
    is_reference_list,
    query_weights,
    rerank,
    sentence_evidence,
)

RRF_K = 60
QUERY = "Hva vet vi om brøytedroner og dronebrøyting av kommunale veier om vinteren?"
RARE = ("Granvik kommune prøvde brøytedroner i fjor vinter. Dronebrøyting ryddet gang- og sykkelveiene før "
        "morgenrushet, og kommunen vil bruke erfaringene i neste anskaffelse.")


def chunk(cid: str, text: str, section: str = "") -> Chunk:
    return Chunk(chunk_id=cid, doc_id=cid.split("#")[0], title=cid, section=section, page=None, start=0,
                 end=len(text), text=text, kind="guidance", authority="official_guidance", as_of="", language="nb",
                 source=f"/corpus/{cid}.md")


def distractor(i: int) -> str:
    return (f"Kommunen har ansvar for vintervedlikehold av kommunale veier i område {i}. Om vinteren kjøper "
            f"kommunen brøyting og strøing av veier fra lokale entreprenører, og avtalen nr. {i} gjelder i fire år.")


def candidates() -> tuple[list[str], dict[str, float], dict[str, Chunk], dict[str, float], LexicalIndex]:
    """30 candidates: 29 middling on both lists, and the one holding the rare words, first on BM25, last on dense."""
    chunks = {f"d{i}#0": chunk(f"d{i}#0", distractor(i), section="Vintervedlikehold av veier") for i in range(29)}
    chunks["upload#0"] = chunk("upload#0", RARE)
    lexical = LexicalIndex([c.search_text() for c in chunks.values()])
    dense_rank = {cid: r for r, cid in enumerate(chunks, start=1)}  # the upload comes last
    bm25_rank = {"upload#0": 1, **{f"d{i}#0": i + 2 for i in range(29)}}
    fused = {cid: 1 / (RRF_K + dense_rank[cid]) + 1 / (RRF_K + bm25_rank[cid]) for cid in chunks}
    similarity = {cid: 0.9 - 0.01 * dense_rank[cid] for cid in chunks}
    ranked = sorted(fused, key=lambda cid: -fused[cid])
    return ranked, fused, chunks, similarity, lexical


def weights(settings: Settings) -> RerankWeights:
    r = settings.retrieval
    return RerankWeights(r.rerank_sentence_weight, r.rerank_heading_weight, r.rerank_dense_weight, r.rerank_sole_weight)


def test_the_only_passage_with_the_rare_words_rises_into_the_top_3_though_dense_ranks_it_last():
    ranked, fused, chunks, similarity, lexical = candidates()
    assert ranked.index("upload#0") >= 5  # fusion alone leaves it out of the top 5
    order, scores = rerank(ranked, fused, chunks, similarity, QUERY, lexical, 30, weights(Settings()))
    assert order.index("upload#0") < 3
    assert sorted(order) == sorted(ranked) and scores[order[0]] >= scores[order[-1]]


def test_evidence_is_the_best_sentence_weighted_by_idf():
    _, _, chunks, _, lexical = candidates()
    query = query_weights(QUERY, lexical)
    assert query["brøytedron"] > query["kommunal"]  # rare words weigh more
    assert sentence_evidence(query, chunks["upload#0"], lexical) > sentence_evidence(query, chunks["d0#0"], lexical)


def test_rerank_is_deterministic_and_keeps_candidates_below_the_depth_in_fused_order():
    ranked, fused, chunks, similarity, lexical = candidates()
    first = rerank(ranked, fused, chunks, similarity, QUERY, lexical, 10, weights(Settings()))
    for _ in range(3):
        assert rerank(ranked, fused, chunks, similarity, QUERY, lexical, 10, weights(Settings())) == first
    assert first[0][10:] == ranked[10:]
    assert set(first[0][:10]) == set(ranked[:10])


def test_a_demoted_passage_earns_no_evidence():
    ranked, fused, chunks, similarity, lexical = candidates()
    order, _ = rerank(ranked, fused, chunks, similarity, QUERY, lexical, 30, weights(Settings()), demoted={"upload#0"})
    assert order.index("upload#0") >= 3


def test_the_setting_turns_it_off(corpus_hash_settings: Settings):
    index = open_index(corpus_hash_settings)
    question = "Hvor lang tilbudsfrist må vi gi i en åpen anbudskonkurranse?"
    off = corpus_hash_settings.with_overrides(retrieval={"rerank": False})
    plain = retrieve(question, index, off, top_k=10)
    reranked = retrieve(question, index, corpus_hash_settings, top_k=10)
    assert [h.chunk_id for h in retrieve(question, index, corpus_hash_settings, top_k=10)] == [h.chunk_id for h in reranked]
    # Off: the fused order and scores, exactly as RRF gives them (w / (k + rank) summed over both lists).
    k = off.retrieval.rrf_k
    for hit in (h for h in plain if not h.diversified):
        expected = sum(1 / (k + r) for r in (hit.dense_rank, hit.bm25_rank) if r is not None)
        assert abs(hit.score - expected) < 1e-12
    assert [h.chunk_id for h in plain] != [h.chunk_id for h in reranked] or any(
        abs(a.score - b.score) > 1e-9 for a, b in zip(plain, reranked, strict=True))


def test_a_reference_list_goes_below_the_passages_that_state_facts():
    facts = chunk("guide#1", "Fristen for å be om å delta er minst 30 dager.", section="Frister > Kunngjøring")
    sources = chunk("guide#9", "- DFØ, «Frister og kunngjøring», 2021\n- Myhre, «Frister», 2017", section="Kilder")
    other = chunk("guide#2", "Tilbudsfristen settes ut fra kontraktens omfang.", section="Frister")
    chunks = {c.chunk_id: c for c in (facts, sources, other)}
    lexical = LexicalIndex([c.search_text() for c in chunks.values()])
    scores = {"guide#9": 0.9, "guide#1": 0.8, "guide#2": 0.5}
    order, new = after_reference_lists(["guide#9", "guide#1", "guide#2"], scores, chunks,
                                       "Hva er fristen i kunngjøringen?", lexical)
    assert order == ["guide#1", "guide#2", "guide#9"]
    assert new["guide#9"] <= new["guide#2"] and new["guide#1"] == 0.8
    # A question about the sources keeps the list where the search put it.
    asked, _ = after_reference_lists(["guide#9", "guide#1"], scores, chunks, "Hvilke kilder bygger fristene på?", lexical)
    assert asked == ["guide#9", "guide#1"]


def test_reference_lists_are_recognised_by_their_innermost_heading_only():
    assert is_reference_list(chunk("a#1", "x", section="Innovasjonspartnerskap > Kilder"))
    assert is_reference_list(chunk("a#2", "x", section="References"))
    assert not is_reference_list(chunk("a#3", "x", section="Kilder > Hva sier DFØ om kilder til behov"))
    assert not is_reference_list(chunk("a#4", "x", section="Svake punkter i kildene"))
    assert not is_reference_list(chunk("a#5", "x"))
