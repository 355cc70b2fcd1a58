"""Round 15: a refusal on a neighbouring subject says who answers it (VAT, personal data, cartels, access to
documents); the value stated «eks. mva.» is no VAT question, and a procurement question is never refused for it."""

from __future__ import annotations

import pytest

from advisor.chat.scope import ask_elsewhere


def _ask(question, settings):
    from advisor.chat import ask
    from advisor.search import open_index
    return ask(question, open_index(settings), settings)


@pytest.mark.parametrize(("question", "body"), [
    ("Hvor mye mva skal kantina legge på en kaffe?", "Skatteetaten"),
    ("Må frivillige lag betale merverdiavgift av loddsalg?", "Skatteetaten"),
    ("Hva er momsen på bøker i Norge?", "Skatteetaten"),
    ("Hvor lenge kan vi lagre personopplysninger om tidligere ansatte?", "Datatilsynet"),
    ("Trenger skolen en databehandleravtale med appleverandøren etter GDPR?", "Datatilsynet"),
    ("Hva er straffen for å delta i et kartell mellom to bakerier?", "Konkurransetilsynet"),
    ("Hvordan klager en journalist på et avslag på innsynskrav etter offentleglova?", "Sivilombudet"),
    ("Who decides on access to documents held by a municipality?", "Ombud"),
])
def test_a_neighbouring_subject_is_pointed_to_its_body(question, body):
    lang = "en" if question.startswith("Who") else "nb"
    assert body in ask_elsewhere(question, lang)


@pytest.mark.parametrize("question", [
    "Er terskelverdien på 1,3 mill. kr eks. mva.?",
    "Skal kontraktsverdien regnes ekskl. mva eller inkl. mva?",
    "Hvor mange leverandører bør vi spørre når vi kjøper for 500 000 kr eks mva?",
])
def test_a_value_stated_without_vat_is_not_a_vat_question(question):
    assert ask_elsewhere(question, "nb") == ""


def test_a_vat_question_is_refused_with_the_pointer(corpus_e5_settings):
    answer = _ask("Hvilken mva-sats gjelder for persontransport med drosje?", corpus_e5_settings)
    assert answer.route == "refusal"
    assert "Skatteetaten" in answer.text


def test_a_procurement_question_mentioning_vat_is_answered(corpus_e5_settings):
    answer = _ask("Skal vi regne verdien av anskaffelsen med eller uten merverdiavgift?", corpus_e5_settings)
    assert answer.grounded and answer.route != "refusal"
    assert "Skatteetaten" not in answer.text


@pytest.mark.parametrize("question", [
    "We are buying road salt for about 3 MNOK excl. VAT. Which part of the regulation applies?",
    "The contract is worth NOK 900,000 including VAT; do we have to advertise it?",
])
def test_an_english_value_stated_without_vat_is_not_a_vat_question(question):
    assert ask_elsewhere(question, "en") == ""


def test_an_english_vat_rate_question_still_gets_the_pointer():
    assert "Skatteetaten" in ask_elsewhere("What VAT rate applies to passenger transport by taxi?", "en")
