"""A case's reasoning with its sources numbered and named by title, not by raw document id."""

from __future__ import annotations

from advisor.config import Settings
from advisor.course import cite_reasoning

SETTINGS = Settings()


def test_document_ids_in_the_reasoning_become_numbers_with_titled_sources():
    cited = cite_reasoning("Del III gjelder [guide-terskelverdier]. Se også [guide-terskelverdier, guide-lup].",
                           ["guide-terskelverdier", "guide-markedsdialog"], SETTINGS)
    assert cited.text == "Del III gjelder [1]. Se også [1, 2]."
    assert [c.doc_id for c in cited.citations] == ["guide-terskelverdier", "guide-lup", "guide-markedsdialog"]
    assert cited.citations[0].title == "Terskelverdier og forskriftens deler"
    assert "[guide-" not in cited.text


def test_an_unknown_id_is_left_as_written_and_reported():
    cited = cite_reasoning("Se [guide-finnes-ikke].", ["guide-finnes-ikke"], SETTINGS)
    assert cited.text == "Se [guide-finnes-ikke]." and cited.citations == () and cited.unknown == ("guide-finnes-ikke",)
