"""A rules answer's sentence on a dynamic purchasing system or on goods made only for research cites the passages
that say it (the guide on the arrangement, FOA § 13-3 and § 2-5), not the general passages on choosing a procedure."""
from __future__ import annotations

import re

import pytest

from advisor.chat import ask
from advisor.search import open_index


@pytest.fixture(scope="module")
def index(corpus_hash_settings):
    return open_index(corpus_hash_settings)


def _cited(answer, sentence_start: str) -> set[tuple[str, str]]:
    """The (document, section) pairs the markers of the passage opening with `sentence_start` point at (up to the
    full stop after its last marker)."""
    at = answer.text.index(sentence_start)
    end = re.search(r"\]\.", answer.text[at:])
    numbers = {int(n) for group in re.findall(r"\[([\d, ]+)\]", answer.text[at:at + end.end()])
               for n in group.split(",")}
    return {(c.doc_id, c.section) for c in answer.citations if c.n in numbers}


def test_a_dynamic_purchasing_system_cites_its_guide(corpus_hash_settings, index):
    answer = ask("Fylkeskommunen vil sette opp en dynamisk innkjøpsordning for konsulenttjenester til 15 mill. kr i "
                 "året. Hvilken prosedyre gjelder?", index, corpus_hash_settings)
    assert answer.route == "rules"
    cited = _cited(answer, "Dere har allerede valgt en dynamisk innkjøpsordning")
    assert cited and {doc for doc, _ in cited} == {"guide-dynamisk-innkjopsordning"}


def test_goods_only_for_research_cite_the_exception_and_the_exemption(corpus_hash_settings, index):
    answer = ask("Instituttet skal få laget et måleinstrument til 3 mill. kr som kun skal brukes i forskning. Vi "
                 "betaler alt og får alle rettighetene. Hvilken prosedyre kan vi bruke?", index, corpus_hash_settings)
    assert answer.route == "rules"
    cited = _cited(answer, "Varer som produseres bare for forskningsformål")
    sections = {section for _, section in cited}
    assert any("13-3" in s for s in sections) and any("2-5" in s for s in sections), cited
    assert {doc for doc, _ in cited} == {"guide-anskaffelser-uten-konkurranse"}
