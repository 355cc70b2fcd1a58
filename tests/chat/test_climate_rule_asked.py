"""A rules question about the climate rule itself (FOA § 7-9) on a stated purchase: whether it applies at this value
leads (part I holds it, so from 100 000 kr, also where no fixed procedure applies), then what it requires and when the
duty falls away, each cited; the part follows as context."""

from __future__ import annotations

import pytest

from advisor.chat import ask
from advisor.search import open_index


@pytest.fixture(scope="module")
def index(corpus_hash_settings):
    return open_index(corpus_hash_settings)


def _cited(answer, doc_id: str) -> bool:
    return any(c.doc_id == doc_id for c in answer.citations)


def test_the_climate_rule_applies_in_part_i_and_leads(corpus_hash_settings, index):
    answer = ask("Må vi ha minst 30 prosent miljøvekt når skolen kjøper rekvisita for 350 000 kr?", index,
                 corpus_hash_settings)
    text = answer.text
    assert answer.route == "rules", text
    assert text.startswith("Ja, som hovedregel: § 7-9 står i kapittel 7 i del I"), text
    assert "ubetydelig klimaavtrykk" in text and "Bare del I gjelder" in text
    assert text.index("ubetydelig") < text.index("Bare del I gjelder")
    assert _cited(answer, "guide-klima-og-miljo") and _cited(answer, "guide-regelverket")
    assert text.count("vektes med minst 30 %") == 1  # the one line on § 7-9 is not said again at the end


def test_below_the_act_the_climate_rule_does_not_apply(corpus_hash_settings, index):
    answer = ask("Gjelder § 7-9 om klima når vi kjøper kaffe for 60 000 kroner?", index, corpus_hash_settings)
    assert answer.text.startswith("Nei: under 100 000 kr"), answer.text


def test_a_question_that_does_not_ask_about_climate_gets_no_climate_lead(corpus_hash_settings, index):
    answer = ask("Må vi kunngjøre når vi kjøper rekvisita for 350 000 kr?", index, corpus_hash_settings)
    assert not answer.text.startswith("Ja, som hovedregel: § 7-9"), answer.text
