"""The yes or no of a question that opens with a ground answers the clause after the ground, and an innovation
partnership the buyer wants although its market dialogue found solutions gets «nei» with FOA § 13-1 third paragraph."""

from __future__ import annotations

from advisor.chat import ask
from advisor.chat.rules import _verdict_word
from advisor.search import open_index


def test_a_threshold_named_in_the_ground_is_not_the_question():
    question = ("Vi er et statlig tilsyn og kjøper kurs for 500 000 kr i året i tre år. Siden EØS-terskelen er "
                "2,3 mill., er vi vel i del II?")
    assert _verdict_word(question, "III", "nb") == "Nei."
    assert _verdict_word(question, "II", "nb") == "Ja."


def test_an_innovation_partnership_after_a_market_finding_of_existing_solutions_gets_no(corpus_e5_settings):
    question = ("Fylkeskommunen vil få færre ras på veiene og har satt av 9 mill. kr over tre år. Markedsdialogen "
                "viste at tre leverandører allerede har overvåkingssystemer som kan dekke behovet med små "
                "tilpasninger. Vi ønsker likevel innovasjonspartnerskap for å få tilskudd. Er det lov?")
    answer = ask(question, open_index(corpus_e5_settings), corpus_e5_settings)
    assert "Om innovasjonspartnerskap: nei" in answer.text
    assert "13-1 tredje ledd" in answer.text
    assert "Om innovasjonspartnerskap: ja" not in answer.text
