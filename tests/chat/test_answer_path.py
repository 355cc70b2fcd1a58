"""The chat answer path as the user reads it: the procedure offered as a choice, a utilities check where the purchase
names a utility sector, a citation per sentence, English card answers with the card's Norwegian wording, compound
questions split into their parts, and a share-or-count question answered by a card that gives a figure."""

from __future__ import annotations

import re

import pytest

from advisor.answer import card_answer
from advisor.assessment import assess, extract_case
from advisor.chat import ask
from advisor.chat.facts import read_facts
from advisor.chat.plan import split_parts
from advisor.chat.rules import is_rules_question
from advisor.search import CardMatch, load_cards, open_index
from advisor.search.cards import _figures_first


@pytest.fixture(scope="module")
def index(corpus_hash_settings):
    return open_index(corpus_hash_settings)


def test_rules_answer_offers_the_procedures_to_choose_among_not_one(corpus_hash_settings, index):
    answer = ask("Vi er en kommune og skal kjøpe en byggekontrakt til 70 mill. kr. Må vi bruke del III?", index,
                 corpus_hash_settings)
    assert answer.route == "rules"
    assert "Aktuell prosedyre" not in answer.text
    assert re.search(r"Dere kan velge prosedyre: åpen anbudskonkurranse eller begrenset anbudskonkurranse", answer.text)
    # Part III: the procedures with conditions are named with their conditions, not left out.
    assert "konkurranse med forhandling" in answer.text and "vilkårene" in answer.text


def test_a_purchase_in_a_utility_sector_gets_a_cited_check_of_the_utilities_regulation(corpus_hash_settings, index):
    answer = ask("Kommunen skal kjøpe bussdrift for 300 mill. kr. Hvilken del gjelder?", index, corpus_hash_settings)
    sentence = next(s for s in re.split(r"(?<=\.)\s+", answer.text) if s.startswith("Sjekk forsyningsforskriften"))
    number = int(re.search(r"\[(\d+)\]", sentence).group(1))
    assert answer.citations[number - 1].doc_id == "guide-forsyningssektoren"
    plain = ask("Kommunen skal kjøpe skolemøbler for 3 mill. kr. Hvilken del gjelder?", index, corpus_hash_settings)
    assert "forsyningsforskriften" not in plain.text


def test_a_named_utility_activity_is_not_only_a_hint():
    # A water works is a utility: the regime is set, no check sentence is needed.
    extraction = extract_case("Vannverket skal kjøpe rør for 8 mill. kr")
    assert extraction.values.get("regime") == "utilities"


def test_each_sentence_of_an_assessment_reason_carries_its_markers(corpus_hash_settings):
    extraction = extract_case("Kommunen skal kjøpe tjenester for 5 mill. kr")
    result = assess(extraction.values, corpus_hash_settings, interpretation=extraction.notes)
    for text in [*result.procedure_reasons, *result.next_steps]:
        sentences = re.split(r"(?<=\])\s+(?=[A-ZÆØÅ])", text)
        assert all(re.search(r"\[[\d, ]+\]$", s) for s in sentences), text


def test_the_rules_answer_cites_each_sentence_of_the_next_step(corpus_hash_settings, index):
    # The next step is given when the question asks what to do (a part question gets the part and its grounds).
    answer = ask("Vi er en kommune og skal kjøpe en byggekontrakt til 70 mill. kr. Hvilken prosedyre bør vi velge?", index,
                 corpus_hash_settings)
    step = answer.text.split("Neste steg: ", 1)[1].split(" Forutsetninger:", 1)[0]
    assert all(re.search(r"\[\d+\]\.$", s) for s in re.split(r"(?<=\.)\s+", step.strip()))


def test_an_english_card_answer_gives_the_cards_norwegian_wording_too(index, corpus_hash_settings):
    card = next(c for c in load_cards(corpus_hash_settings) if c.id == "merkenavn")
    answer = card_answer("Can we name a specific brand?", CardMatch(card, 0.9, card.questions[0]), index, "en")
    english, norwegian = answer.text.split("\n\nIn Norwegian: ")
    assert english.startswith("No,") and "merke" in norwegian
    assert all(1 <= int(n) <= len(answer.citations) for n in re.findall(r"\[(\d+)\]", answer.text))


@pytest.mark.parametrize(("question", "parts"), [
    ("Når kan vi bruke innovasjonspartnerskap, og må vi forhandle?", 2),
    ("Hva er innovasjon etter forskriften, og har vi plikt til å innovere?", 2),
    ("Når vi kjøper for 2 mill. kr, må vi kunngjøre?", 1),
])
def test_compound_questions_are_split_but_a_condition_is_not(question, parts):
    assert len(split_parts(question)) == parts


def test_a_claimed_lower_limit_is_not_read_as_the_purchase_value():
    question = "Grensen på 300 000 kroner gjelder jo nå, så vi trenger ikke følge loven for et kjøp på 250 000 kr?"
    assert not is_rules_question(question, read_facts(question))


def test_a_count_question_prefers_a_card_with_a_figure(corpus_hash_settings):
    cards = {c.id: c for c in load_cards(corpus_hash_settings)}
    ranked = [CardMatch(cards["innovativ-anskaffelse-hva"], 0.91, ""), CardMatch(cards["andel-innovative"], 0.88, "")]
    assert _figures_first("Hvor stor andel er innovative?", ranked, 0.81)[0].card.id == "andel-innovative"
    assert _figures_first("Hva er en innovativ anskaffelse?", ranked, 0.81)[0].card.id == "innovativ-anskaffelse-hva"
    # Too far behind the best, or under the cut-off: the order stands.
    far = [ranked[0], CardMatch(cards["andel-innovative"], 0.80, "")]
    assert _figures_first("Hvor stor andel er innovative?", far, 0.81)[0].card.id == "innovativ-anskaffelse-hva"


@pytest.mark.parametrize(("question", "expected"), [
    ("Må en kommune kunngjøre en tjenestekontrakt på 1,5 millioner kroner?", "Ja, på Doffin (ikke i TED)"),
    ("Må en kommune lyse ut en tjenestekontrakt på 3 millioner kroner?", "Ja, på Doffin og i TED (via Doffin)"),
    ("Må vi kunngjøre en vareanskaffelse på 800 000 kroner?", "Nei, dere har ikke plikt til å kunngjøre på Doffin"),
    ("Does a municipality have to publish a notice for a NOK 3 million services contract?",
     "Yes, on Doffin and in TED"),
])
def test_a_question_about_the_notice_duty_says_where_it_is_published_cited_to_the_notice_guidance(
        corpus_hash_settings, index, question, expected):
    answer = ask(question, index, corpus_hash_settings)
    assert answer.route == "rules" and answer.text.startswith(expected)  # the notice in plain words comes first
    sentence = next(s for s in re.split(r"(?<=\.)\s+", answer.text) if expected in s)
    number = int(re.search(r"\[(\d+)\]", sentence).group(1))
    assert answer.citations[number - 1].doc_id == "guide-frister-og-karens"


def test_a_question_not_about_the_notice_duty_gets_no_notice_sentence(corpus_hash_settings, index):
    answer = ask("Kommunen skal kjøpe renhold for 3 mill. kr. Hvilken prosedyre kan vi bruke?", index,
                 corpus_hash_settings)
    assert answer.route == "rules" and "kunngjøres på Doffin" not in answer.text


def test_a_rules_answer_keeps_what_was_read_but_no_pointer_to_the_assessment_it_already_is(corpus_hash_settings, index):
    answer = ask("Vi i kommunen skal kjøpe BPA-tjenester for ca. 1,8 mill i året i fire år. Hvilken del gjelder?",
                 index, corpus_hash_settings)
    assert answer.route == "rules" and answer.tool == "assess"
    assert not any("Bruk `advisor assess`" in n or "Foreløpig vurdering" in n for n in answer.notes)
    # What was taken as given is said once, in one sentence, not as one note per fact, and the stated value not at all.
    read = [n for n in answer.notes if n.startswith(("Vi har regnet med at", "Tolket fra teksten", "Lest ut"))]
    assert len(read) <= 1 and all(n.startswith("Vi har regnet med at") and "1,8 mill" not in n for n in read)
    # «Vi i kommunen» names the buyer (not a place), so no state buyer is assumed.
    assert "statlig oppdragsgiver" not in answer.text


def test_the_municipality_in_the_definite_form_is_the_buyer_but_a_named_municipality_is_a_place():
    assert extract_case("Vi i kommunen skal kjøpe BPA for 2 mill.").values.get("buyer") == "municipal"
    # «i kommunen» is the buyer's own municipality (and is shown as read); «i Lyngdal kommune» says where.
    assert extract_case("Skolene i kommunen skal ha nye pulter for 2 mill.").values.get("buyer") == "municipal"
    assert "buyer" not in extract_case("Skolene i Lyngdal kommune skal ha nye pulter for 2 mill.").values


def test_the_assessment_and_the_chat_read_english_facts_alike():
    # One reader: `advisor assess --text` and a chat question read the same buyer, type and value.
    for text, expected in (
            ("We are a municipality planning a works contract worth NOK 30 million",
             {"buyer": "municipal", "category": "works", "estimated_value_nok": 30_000_000}),
            ("Our directorate will buy consultancy for about NOK 1.2m",
             {"buyer": "state", "category": "services", "estimated_value_nok": 1_200_000}),
            ("A hospital trust buying equipment for NOK 2,500,000",
             {"buyer": "other", "category": "goods", "estimated_value_nok": 2_500_000})):
        values = extract_case(text).values
        assert {k: values.get(k) for k in expected} == expected, text
        assert read_facts(text).values == {k: v for k, v in values.items() if k != "need"}
    # «2 m» with no currency is a length, not a million.
    assert extract_case("Kommunen skal kjøpe 40 benker på 2 m").values.get("estimated_value_nok") is None


def test_a_part_question_with_a_procedure_question_gets_the_part_verdict_first(corpus_hash_settings, index):
    answer = ask("Helseforetaket skal bygge om en sengepost for ca. 45 mill eks. mva. Er dette del III? Og kan vi "
                 "forhandle med tilbyderne?", index, corpus_hash_settings)
    assert answer.route == "rules"
    first, second = re.split(r"(?<=\.)\s+(?=[A-ZÆØÅ])", answer.text)[:2]
    assert first.startswith("Nei.") and second.startswith("Del I og II gjelder")
    assert "forhandl" in answer.text.split("Del I og II gjelder", 1)[1]
    assert re.search(r"\[1\]", first + second) and not re.search(r"\[2\]", first + second)  # numbered in order of use


def test_asking_whether_a_special_ground_is_needed_gets_no_when_the_choice_is_free(corpus_hash_settings, index):
    answer = ask("Kommunalt eid nettselskap skal kjøpe nettstasjoner for 6 mill. kr. Trenger vi et særskilt grunnlag "
                 "for å bruke konkurranse med forhandling?", index, corpus_hash_settings)
    assert answer.route == "rules" and answer.text.startswith("Nei, dere trenger ikke et særskilt grunnlag")


def test_a_card_answer_to_a_question_that_asked_for_no_verdict_does_not_open_with_one():
    from advisor.chat.conversation import _WH_QUESTION, _without_verdict_word

    assert _without_verdict_word("Ja, etter LOA § 5 kan dere stille krav [1].") == "Etter LOA § 5 kan dere stille krav [1]."
    assert _without_verdict_word("Nei. Del II har ingen frister.") == "Del II har ingen frister."
    assert _without_verdict_word("Janteloven gjelder ikke.") == "Janteloven gjelder ikke."
    assert _WH_QUESTION.search("Siden loven pålegger oss det, hvordan dokumenterer vi det?")
    assert not _WH_QUESTION.search("Hva med i del II?") and not _WH_QUESTION.search("Gir det kortere frister?")


def test_a_question_that_asks_for_confirmation_is_a_yes_no_question():
    from advisor.chat.rules import is_yes_no

    assert is_yes_no("Anskaffelsesloven § 4 pålegger oss vel å fremme innovasjon?")
    assert is_yes_no("Må vi kunngjøre?") and is_yes_no("Vi er en kommune, kan vi forhandle?")
    assert not is_yes_no("Siden loven pålegger oss det, hvordan dokumenterer vi det?")


def test_scene_sentences_before_a_compound_question_are_left_out_of_its_parts():
    parts = split_parts("Enhetslederne vil bare ha «samme medisindispenser som Bærum bruker». Hvordan får jeg dem til "
                        "å beskrive behovet i stedet, og hva bør en god behovsbeskrivelse inneholde?")
    assert parts == ["Hvordan får jeg dem til å beskrive behovet i stedet?", "Hva bør en god behovsbeskrivelse inneholde?"]
    # A scene with figures is split too (its facts are read from the whole message); one question stays whole.
    purchase = "Vi er en kommune og skal kjøpe renhold for 3 mill. Hvilken del gjelder, og må vi kunngjøre?"
    assert split_parts(purchase) == ["Hvilken del gjelder?", "Må vi kunngjøre?"]
    single = "Vi vil bare ha samme dispenser som Bærum. Hvordan beskriver vi behovet?"
    assert split_parts(single) == [single]


def test_the_utilities_check_replaces_only_the_sector_note_not_an_unread_buyer(corpus_hash_settings, index):
    answer = ask("Kommunen og en statlig etat skal kjøpe bussdrift sammen for 300 mill. kr. Hvilken del gjelder?", index,
                 corpus_hash_settings)
    assumptions = answer.text.split("Forutsetninger:", 1)[1]
    assert "Sjekk forsyningsforskriften" in answer.text and "bussdrift" not in assumptions
    assert "oppdragsgiver er derfor ikke tolket" in assumptions


def test_a_ground_question_after_a_part_question_does_not_turn_the_part_verdict_into_a_no(corpus_hash_settings, index):
    answer = ask("Kommunen skal kjøpe et fagsystem for 5 mill. kr. Er dette del III? Og trenger vi et særskilt grunnlag "
                 "for å bruke konkurranse med forhandling?", index, corpus_hash_settings)
    # Part III: negotiation needs a FOA § 13-2 ground, so no «trenger ikke» anywhere, and the part question gets «Ja».
    assert answer.text.startswith("Ja. Del I og III gjelder") and "trenger ikke et særskilt grunnlag" not in answer.text
