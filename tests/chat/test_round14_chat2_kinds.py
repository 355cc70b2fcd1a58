"""Round 14 grading kinds (second pass), in our own wording: a wrong regulation claimed beside another question is
corrected first, a stated tender deadline gets its yes or no, the annual amount taken for the value is corrected, a
may-question gets the may-card, a threshold said to be new for a later year is not taken for the one in force, an
out-of-scope refusal says where to ask, and an English compound says the Norwegian wordings once, at the end."""

from __future__ import annotations

import pytest

from advisor.answer import Answer
from advisor.chat.conversation import combine_answers
from advisor.chat.scope import ask_elsewhere


def _ask(question, settings):
    from advisor.chat import ask
    from advisor.search import open_index
    return ask(question, open_index(settings), settings)


def test_a_utility_claiming_the_general_regulation_is_corrected_before_the_framework_card(corpus_e5_settings):
    answer = _ask("Vi er et havneselskap og skal ha en rammeavtale om mudring for 9 mill. kr. Hvor lenge kan "
                  "rammeavtalen løpe? Siden vi er kommunalt eid følger vi vel anskaffelsesforskriften?",
                  corpus_e5_settings)
    assert answer.text.startswith("Nei")
    first = answer.text.split(". ")[1]
    assert "Forsyningsforskriften" in first
    # the four-year limit is said to be FOA part III's, not the utility's
    assert "Trolig høyst fire år i del III" not in answer.text
    assert "sier ikke hvor lenge en rammeavtale kan vare etter forsyningsforskriften" in answer.text


@pytest.mark.parametrize(("text", "opening"), [
    ("Vi er en kommune i begrenset anbudskonkurranse etter del III, og alle de prekvalifiserte kandidatene har avtalt "
     "med oss en tilbudsfrist på 12 dager. Er det lov?", "Ja, 12 dager er lov"),
    ("Vi er et direktorat og kjører begrenset anbudskonkurranse over EØS-terskelen. Vi har avtalt 14 dagers "
     "tilbudsfrist med kandidatene. Er det lov?", "Nei, ikke 14 dager"),
    ("Fylkeskommunen kjører begrenset anbudskonkurranse i del III og vil sette tilbudsfristen til 7 dager uten å "
     "spørre kandidatene. Går det?", "Nei, ikke 7 dager"),
])
def test_a_stated_tender_deadline_gets_its_verdict_first(text, opening, corpus_hash_settings):
    answer = _ask(text, corpus_hash_settings)
    assert answer.text.startswith(opening)
    assert "minst 25 dager" in answer.text  # the minimums follow the verdict


def test_the_annual_amount_under_the_threshold_is_corrected_then_the_nonprofit_card(corpus_e5_settings):
    answer = _ask("Kommunen skal kjøpe et dagtilbud for personer med demens for 1,6 mill. kr i året i tre år, med "
                  "opsjon på to år til. Siden årsbeløpet er under terskelen, kan vi vel kontakte bare noen få ideelle "
                  "organisasjoner?", corpus_e5_settings)
    assert answer.text.startswith("Nei: det er verdien for hele avtaleperioden med opsjoner som teller, 8 mill. kr")
    assert "del I og IV" in answer.text.lower() or "Del I og IV" in answer.text
    assert "forbeholdes ideelle" in answer.text


def test_the_annual_amount_is_not_corrected_when_the_whole_term_is_under_the_threshold(corpus_hash_settings):
    answer = _ask("Kommunen skal kjøpe et dagtilbud for 300 000 kr i året i to år. Siden årsbeløpet er under "
                  "terskelen, kan vi vel bare invitere to ideelle stiftelser?", corpus_hash_settings)
    assert not answer.text.startswith("Nei: det er verdien for hele")


@pytest.mark.parametrize(("question", "card"), [
    ("Er det lov å tildele kontrakten bare etter laveste pris?", "laveste-pris-eneste"),
    ("Kan vi velge vinneren kun basert på laveste pris?", "laveste-pris-eneste"),
    ("Må vi alltid la det billigste tilbudet vinne?", "laveste-pris-ikke-plikt"),
])
def test_a_may_question_gets_the_may_card_and_a_must_question_the_must_card(question, card, corpus_e5_settings):
    from advisor.search import match_card, open_index
    match = match_card(question, open_index(corpus_e5_settings), corpus_e5_settings)
    assert match is not None and match.card.id == card


def test_a_threshold_said_to_be_raised_from_a_later_year_is_not_applied(corpus_hash_settings):
    answer = _ask("Kommunen skal bygge et nytt bibliotek for 58,5 mill. kr. Vi har lest at EØS-terskelen for bygg ble "
                  "hevet til 60 mill. fra 2026, så vi er vel under den?", corpus_hash_settings)
    assert answer.text.startswith("Nei: kildene våre har ingen terskelverdier fra 2026")
    assert "57,8 mill. kr" in answer.text.split("[1]")[0]
    assert "regjeringen.no" in answer.text
    assert "Del I og III gjelder" in answer.text


def test_an_old_threshold_is_still_corrected_as_before(corpus_hash_settings):
    answer = _ask("Kommunen skal bygge et nytt bibliotek for 56 mill. kr. Terskelen for bygg er 55 mill. kr, så vi "
                  "er vel over den?", corpus_hash_settings)
    assert "ingen terskelverdier fra" not in answer.text


@pytest.mark.parametrize(("question", "where"), [
    ("Hvilken momssats gjelder for kantinemat?", "Skatteetaten"),
    ("Må vi søke byggetillatelse for en ny sykkelbod?", "dibk.no"),
    ("Hvor lang arbeidstid kan renholderne ha per uke?", "Arbeidstilsynet"),
    ("What VAT rate applies to books?", "Skatteetaten"),
])
def test_an_out_of_scope_subject_is_pointed_elsewhere(question, where):
    assert where in ask_elsewhere(question, "en" if question.startswith("What") else "nb")


def test_a_procurement_question_is_not_pointed_elsewhere():
    assert ask_elsewhere("Hvilken del gjelder for et kjøp av konsulenttjenester til 2 mill. kr?", "nb") == ""


def test_an_out_of_scope_refusal_lists_no_nearest_sources(corpus_hash_settings):
    answer = _ask("Hva er satsen for merverdiavgift på persontransport?", corpus_hash_settings)
    assert answer.route == "refusal"
    assert "Skatteetaten" in answer.text
    assert answer.citations == []


def _card_part(question: str, english: str, norwegian: str, card: str) -> Answer:
    return Answer(question, f"{english}\n\nIn Norwegian: {norwegian}", [], True, "extractive", "", "card-1", question,
                  route="card", language="en", card_id=card)


def test_english_card_parts_say_their_norwegian_wordings_once_after_all_parts():
    combined = combine_answers("A? And B?", [
        _card_part("A?", "Yes, A holds.", "Ja, A gjelder.", "a"),
        _card_part("B?", "No, B does not.", "Nei, B gjelder ikke.", "b"),
    ])
    assert combined.text.count("In Norwegian:") == 1
    english, norwegian = combined.text.split("In Norwegian:")
    assert "Yes, A holds." in english and "No, B does not." in english
    assert "Ja, A gjelder." in norwegian and "Nei, B gjelder ikke." in norwegian
    assert "Ja, A gjelder" not in english


@pytest.mark.parametrize(("text", "parts"), [
    ("Hvor lang tid kan en rammeavtale gå, og vi er vel i del II?", 2),
    ("Siden vi er eid av fylket gjelder vel anskaffelsesforskriften, og hva er terskelen for oss?", 2),
    ("Siden vi er en kommune, hvilken del gjelder og hvor lang er fristen?", 1),
])
def test_a_claim_asked_to_be_confirmed_is_a_part_of_its_own(text, parts):
    from advisor.chat import plan_question
    assert len(plan_question(text, "nb").parts) == parts
