"""English rules answers are English throughout: the part and its reason with the value and the threshold, the
procedure names, the assumptions, the near-threshold warning, notice, standstill and time-limit answers. The cited
passages stay Norwegian; only the answer text is checked."""

from __future__ import annotations

import re

import pytest

from advisor.chat import ask
from advisor.search import open_index

# Words and forms that only a Norwegian sentence (or a Norwegian amount) would have.
_NORWEGIAN = re.compile(r"\bgjelder\b|terskelverdi|\bkr\b|Forutsetninger|Neste steg|\bdere\b|\bIn Norwegian\b|"
                        r"\bdel I|\banbudskonkurranse|\btilbudskonkurranse|\bmill\.|\bog\b|\bikke\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def index(corpus_hash_settings):
    return open_index(corpus_hash_settings)


@pytest.mark.parametrize(("question", "says"), [
    ("We are a municipality buying IT services for NOK 4 million. Which part applies?",
     ["Parts I and III", "NOK 4 million", "NOK 2.3 million", "the open procedure", "the restricted procedure"]),
    ("A county will buy cleaning services for NOK 600 000 a year for four years. Which rules apply?",
     ["NOK 2.4 million", "Parts I and III"]),
    # Software is goods or services (one threshold): no contract type is left to assume.
    ("A state agency is buying software licences for NOK 2 million. Do we need to publish a notice?",
     ["Yes, on Doffin and in TED", "NOK 1.49 million", "Parts I and III"]),
    ("A health trust will buy medical equipment for NOK 10 million. Which procedure should we use?",
     ["You can choose the procedure", "the open procedure is the usual default"]),
    ("We are a municipality buying home care services (health and social services) for NOK 9 million. "
     "Which rules apply?", ["Parts I and IV", "NOK 7.8 million", "part IV procedure"]),
    ("A utility company buying pumps for NOK 5 million. Which rules apply?",
     ["utilities regulation", "NOK 4.6 million"]),
    ("We are a municipality buying consultancy services for NOK 1.5 million. What procedure can we use?",
     ["Parts I and II", "open competition under part II", "restricted competition under part II"]),
    ("A state agency buys office furniture for NOK 80 000. Do the procurement rules apply?",
     ["No.", "NOK 80,000", "NOK 100,000"]),
    ("We are a municipality buying IT services for NOK 2.2 million. Which part applies?",
     ["Parts I and II", "only NOK 100,000 below", "do not split"]),
    ("A county buying buses for NOK 30 million. What are the minimum time limits?",
     ["30 days", "calendar days", "NOK 30 million"]),
    ("A municipality buying cleaning for NOK 3 million. How long is the standstill period?",
     ["standstill period", "not confirmed", "Parts I and III"]),
    ("We are a municipality buying IT services for NOK 1.8 million. Do we have to publish a notice?",
     ["Yes, on Doffin (not in TED)", "NOK 1.8 million"]),
    # A health trust is a body governed by public law (2.3 million), not a central government buyer (1.49 million).
    ("Our health trust will buy cleaning services for NOK 2 million a year for two years. Which part applies?",
     ["Parts I and III", "NOK 2.3 million"]),
    # «build a school» is a works contract, and «part III» in English asks about the part.
    ("A municipality will build a school for NOK 40 million. Do we have to use part III?",
     ["No. Parts I and II", "NOK 57.8 million"]),
    # A design contest is valued from every fee and prize, named part V, and has no contract type to assume.
    ("A directorate holds a design contest for a new library. Three teams will each receive a fee of NOK 300,000 excl. "
     "VAT, and the winner gets an extra prize of NOK 700,000. Which part applies?",
     ["Parts I and V (design contests)", "NOK 1.6 million", "NOK 1.49 million"]),
])
def test_an_english_rules_answer_has_no_norwegian_sentence(corpus_hash_settings, index, question, says):
    answer = ask(question, index, corpus_hash_settings)
    assert answer.route == "rules"
    assert not _NORWEGIAN.search(answer.text), answer.text
    for phrase in says:
        assert phrase in answer.text, (phrase, answer.text)
    if "design contest" in question:
        assert "not works" not in answer.text
    assert answer.citations and re.search(r"\[\d", answer.text)
    assert max(int(n) for n in re.findall(r"\[(\d+)", answer.text)) <= len(answer.citations)


def test_a_norwegian_rules_answer_keeps_its_norwegian_headline(corpus_hash_settings, index):
    answer = ask("Kommunen skal kjøpe IT-tjenester for 4 mill. kr. Hvilken del gjelder?", index, corpus_hash_settings)
    assert answer.text.startswith("Del I og III gjelder: 4 mill. kr er over EØS-terskelverdien")
    assert "åpen anbudskonkurranse" in answer.text
