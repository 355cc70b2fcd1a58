"""Kinds of failure a blind grading found on fresh questions (sample 8), each tested in wording of our own: a direct
order from a known supplier with its value, a development budget and the purchase of its result as one value, and an
innovation partnership asked for under the lighter rules of a lower part."""

from __future__ import annotations

import pytest

from advisor.assessment import extract_case
from advisor.chat import ask
from advisor.chat.facts import read_facts
from advisor.chat.rules import is_rules_question
from advisor.search import open_index


@pytest.fixture(scope="module")
def index(corpus_hash_settings):
    return open_index(corpus_hash_settings)


@pytest.mark.parametrize("question", [
    "Går det an å bestille brannvernopplæring rett og slett direkte fra et firma vi har brukt før? Omtrent 180 000 kr.",
    "Can we just buy the translation work directly from an agency we know? About NOK 400,000.",
])
def test_a_direct_order_with_a_value_is_a_rules_question(question):
    assert is_rules_question(question, read_facts(question))


def test_a_direct_order_under_the_national_threshold_gets_part_i(corpus_hash_settings, index):
    answer = ask("Kan vi bestille kurs i hjerte-lunge-redning direkte fra en leverandør vi kjenner? Ca. 300 000 kr.",
                 index, corpus_hash_settings)
    assert answer.route == "rules" and answer.text.startswith("Bare del I gjelder")


@pytest.mark.parametrize("text, total", [
    ("Vi setter av 2 mill. kr til utvikling av en prototyp og 3 mill. kr til å kjøpe løsningen etterpå.", 5_000_000),
    ("Budsjettet er 600 000 kr for innkjøp av sensorene og 900 000 kr til videreutvikling av dem.", 1_500_000),
    ("We set aside NOK 2 million for research and NOK 1 million to buy the product that comes out of it.", 3_000_000),
])
def test_development_and_the_purchase_of_its_result_are_one_value(text, total):
    assert extract_case(text).values["estimated_value_nok"] == total


def test_two_purchases_that_are_not_development_and_its_result_are_not_joined_by_this_rule():
    # licences and training: the development rule does not add them (what else adds them is another rule's concern)
    assert extract_case("Vi har 800 000 kr til kjøp av lisenser og 300 000 kr til opplæring.").values.get(
        "value_parts") is None


def test_an_innovation_partnership_under_the_lighter_rules_is_a_no(corpus_hash_settings, index):
    answer = ask("Kommunen skal utvikle et varslingssystem for ras; utviklingen koster 1 mill. kr og kjøpet etterpå "
                 "0,5 mill. kr. Fordi vi er under EØS-terskelen, kan vi gjennomføre innovasjonspartnerskapet etter "
                 "reglene i del II?", index, corpus_hash_settings)
    assert answer.route == "rules"
    assert answer.text.startswith("Nei, ikke etter reglene i del II") and "del III" in answer.text
    assert "1,5 mill. kr" in answer.text


def test_a_make_named_in_a_question_about_the_specification_is_searched_as_a_make():
    from advisor.chat.quoted import spec_in_words

    worded = spec_in_words("Går det an å skrive i kravspesifikasjonen at vaskemidlene skal være Kiilto?", "nb")
    assert "Kiilto" not in worded and "et merke" in worded
    # a pasted requirement (no question) is left to the requirement check
    assert spec_in_words("Kravet er at vaskemidlene skal være Kiilto.", "nb").endswith("Kiilto.")


def test_a_prior_notice_that_invited_to_dialogue_does_not_shorten_the_time_limit(corpus_hash_settings, index):
    answer = ask("Vi inviterte til dialogmøte med en veiledende kunngjøring i høst. Over EØS-terskelen skal vi nå ha "
                 "åpen anbudskonkurranse om et nytt renholdssystem: holder det da med ti dagers tilbudsfrist?",
                 index, corpus_hash_settings)
    assert answer.route == "rules" and answer.text.startswith("Nei: en veiledende kunngjøring som bare inviterte")
    assert "30 dager" in answer.text


def test_a_question_naming_a_make_for_the_specification_gets_the_make_card(corpus_e5_settings):
    # a make the requirement check knows, in a question about what the tender documents may say, with a reason the
    # cards do not hold (e5: the calibrated scores)
    question = "kan vi skrive i kravspesifikasjonen at høytrykksspylerne skal være Nilfisk? driftsfolka liker dem"
    answer = ask(question, open_index(corpus_e5_settings), corpus_e5_settings)
    assert answer.route == "card" and answer.card_id == "merkenavn" and answer.text.startswith("Nei")


def test_a_prior_notice_named_first_in_its_sentence_is_read_too(corpus_hash_settings, index):
    answer = ask("Veiledende kunngjøring om dialogmøtet ble lagt ut i fjor. Kan vi nå sette tilbudsfristen i den åpne "
                 "anbudskonkurransen over EØS-terskelen til 15 dager?", index, corpus_hash_settings)
    assert answer.route == "rules" and answer.text.startswith("Nei: en veiledende kunngjøring som bare inviterte")


def test_a_make_spoken_of_in_words_is_read_as_a_make_for_the_specification():
    from advisor.chat.quoted import make_in_words

    assert make_in_words("Lærerne vil ha samme merke som før. Kan vi kreve det i kravspesifikasjonen?")
    assert make_in_words("Can we require a specific brand of hoists in the tender documents?")
    assert make_in_words("Sjefen vil at vi krever det samme merket i konkurransen. Kan vi det?")
    assert not make_in_words("Hvordan skal vi merke pallene ved levering?")  # the verb, no question about requirements
    assert not make_in_words("Vi kjøper samme merke som før.")  # no question


def test_a_make_spoken_of_in_words_gets_a_card_about_makes(corpus_e5_settings):
    # no make named: the buyer speaks of «merket» (e5: the calibrated scores; refused before)
    question = ("Sykehjemmet har hatt senger fra samme produsent i ti år, og pleierne er fornøyde med dem. Nå vil "
                "avdelingslederen at vi setter merket rett inn i kravspesifikasjonen. Går det an?")
    answer = ask(question, open_index(corpus_e5_settings), corpus_e5_settings)
    assert answer.route == "card" and answer.card_id in ("merkenavn", "merkenavn-omskriving", "eller-tilsvarende-ikke-nok")


@pytest.mark.parametrize("question", [
    "Stemmer det at vi nå kan kjøpe direkte for inntil 300 000 kr fordi den nye loven har trådt i kraft?",
    "Har lovendringen blitt vedtatt, slik at kommunen ikke trenger å følge reglene for kjøp under 300 000 kr?",
])
def test_a_limit_a_new_act_is_said_to_bring_is_corrected_not_assessed_as_a_purchase(question, corpus_e5_settings):
    # the amount is the claimed new limit, not a purchase value (e5: the calibrated scores; both went to the rules
    # engine as a 300 000 kr purchase before)
    assert not is_rules_question(question, read_facts(question))
    answer = ask(question, open_index(corpus_e5_settings), corpus_e5_settings)
    assert answer.route == "card" and answer.text.startswith("Nei, ikke ennå") and "100 000 kr" in answer.text


def test_a_purchase_under_the_proposed_limit_is_still_a_rules_question():
    question = "Kommunen skal kjøpe møbler for 250 000 kr. Gjelder den nye loven da?"
    assert is_rules_question(question, read_facts(question))
