"""rank_cards scores a question by the embedding it is given (the clauses of a long question are embedded in one
batch), and a card paraphrase's query terms are read once and kept."""

from __future__ import annotations

import numpy as np
import pytest

from advisor.search import open_index, rank_cards
from advisor.search.cards import _embedded, _question_terms
from advisor.text import query_terms


@pytest.fixture(scope="module")
def index(corpus_e5_settings):
    return open_index(corpus_e5_settings)


def test_a_given_vector_is_what_the_question_is_scored_by(corpus_e5_settings, index):
    own = "Hvor høy er terskelverdien for kommunale vareinnkjøp?"
    other = "Kan vi ha møter med én og én leverandør før vi lyser ut?"
    plain = rank_cards(own, index, corpus_e5_settings, lang="nb")
    same = rank_cards(own, index, corpus_e5_settings, lang="nb", vector=index.embedder.embed_query(own))
    assert [(m.card.id, round(m.score, 4)) for m in plain[:5]] == [(m.card.id, round(m.score, 4)) for m in same[:5]]
    swapped = rank_cards(own, index, corpus_e5_settings, lang="nb", vector=index.embedder.embed_query(other))
    assert swapped[0].score < plain[0].score  # the words are the same, the embedding is not


def test_clauses_embedded_in_one_batch_match_those_embedded_one_by_one(index):
    texts = ["Vi vil kjøpe samme alarm som før", "kan vi skrive inn merkenavnet"]
    batch = _embedded(index, texts)
    assert len(batch) == 2
    for text, vector in zip(texts, batch, strict=True):
        single = index.embedder.embed_query(text)
        cosine = float(vector @ single / (np.linalg.norm(vector) * np.linalg.norm(single)))
        assert cosine > 0.999
    assert _embedded(index, []) == []


def test_paraphrase_terms_are_kept_and_equal_to_fresh_ones():
    question = "Må vi kunngjøre en kommunal tjenestekontrakt nasjonalt?"
    assert _question_terms(question, "nb") == tuple(query_terms(question, "nb"))
    assert _question_terms(question, "nb") is _question_terms(question, "nb")
