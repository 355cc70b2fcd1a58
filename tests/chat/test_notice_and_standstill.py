"""Rules answers to notice and standstill questions on stated purchase facts, and lists of amounts with the unit said
once: the notice duty in plain words first (Doffin, TED, none), the standstill period by part, and the shares of a
purchase added up however the list is written."""

from __future__ import annotations

import pytest

from advisor.assessment import extract_case, read_amounts
from advisor.chat import ask
from advisor.chat.facts import read_facts
from advisor.chat.rules import asks_standstill, asks_time_limits, is_rules_question
from advisor.search import open_index


@pytest.fixture(scope="module")
def index(corpus_hash_settings):
    return open_index(corpus_hash_settings)


# --- lists of amounts ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "values"), [
    ("for 300 000, 400 000 og 250 000 kr", [300_000, 400_000, 250_000]),
    ("450 000 / 380 000 / 520 000 kroner", [450_000, 380_000, 520_000]),
    ("NOK 300,000, 450,000 and 600,000", [300_000, 450_000, 600_000]),
    ("2, 3 og 4 mill. kr", [2_000_000, 3_000_000, 4_000_000]),
])
def test_a_list_with_its_unit_said_once_is_read_item_by_item(text, values):
    assert [a.value for a in read_amounts(text)[0]] == values


@pytest.mark.parametrize(("text", "value"), [
    ("Tilbudene lå mellom 400 000 og 600 000 kr.", 600_000),  # a range keeps its upper end
    ("Kontrakten gjelder i 2 år, og verdien er 900 000 kr.", 900_000),  # a term is no item of a list of amounts
    ("Avdeling 2 og 400 000 kr", 400_000),  # a unit's number is not an amount
])
def test_ranges_terms_and_labels_are_not_read_as_lists(text, value):
    assert max(a.value for a in read_amounts(text)[0]) == value
    assert len(read_amounts(text)[0]) == 1


@pytest.mark.parametrize(("text", "total"), [
    ("Tre avdelinger skal kjøpe kontorrekvisita for 300 000, 400 000 og 250 000 kr.", 950_000),
    ("Vi er ein kommune. Beløpa er 450 000 / 380 000 / 520 000 kroner for reinhald.", 1_350_000),
    ("Our municipality has three schools buying cleaning for NOK 300,000, 450,000 and 600,000.", 1_350_000),
    ("Fire einingar skal kjøpe reinhald for 2, 3 og 4 mill. kr.", 9_000_000),
])
def test_a_bare_list_of_the_shares_of_one_purchase_is_added_up(text, total):
    values = extract_case(text).values
    assert values["estimated_value_nok"] == total
    assert values["value_parts"].count("+") == len(values["value_parts"].split("+")) - 1 >= 2


def test_a_bare_list_of_offers_is_not_added_up():
    # Nothing says the figures are shares of one purchase: offers or alternatives are not summed.
    assert "value_parts" not in extract_case("Vi fikk tilbud på 300 000, 400 000 og 250 000 kr.").values


def test_an_amount_per_year_is_not_read_as_a_total_in_chat():
    facts = read_facts("Kommunen skal kjøpe BPA for 1,9 mill. kr i året i 2 år med opsjon på 1+1 år.")
    assert "estimated_value_nok" not in facts.values and facts.values["value_per_period_nok"] == 1_900_000


# --- the notice duty in plain words -------------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "lead", "says"), [
    ("Statlig etat skal kjøpe konsulenttjenester for 900 000 kr. Må dette ut på Doffin?",
     "Nei, dere har ikke plikt til å kunngjøre på Doffin", "konkurranseprinsippet"),
    ("Kommunen skal kjøpe renholdstjenester for 1,8 mill. kr. Må vi kunngjøre?", "Ja, på Doffin (ikke i TED)",
     "2,3 mill"),
    ("Vi er ein kommune og skal kjøpe reinhald for 1,6 mill. kr. Må vi lyse ut i TED?", "Nei, ikke i TED, men på Doffin",
     "2,3 mill"),
    ("Kommunen skal kjøpe IT-drift for 3 mill. kr. Må dette ut på Doffin?", "Ja, på Doffin og i TED (via Doffin)",
     "2,3 mill"),
    ("We are a municipality buying IT services for NOK 3 million. Do we have to advertise in TED?",
     "Yes, on Doffin and in TED", "NOK 2.3 million"),
    ("We are a municipality buying IT services for NOK 900,000. Do we have to publish a notice?",
     "No, you have no duty to publish a notice on Doffin", "competition principle"),
])
def test_a_notice_question_is_answered_in_plain_words_first(corpus_hash_settings, index, question, lead, says):
    answer = ask(question, index, corpus_hash_settings)
    assert answer.route == "rules", answer.text
    assert answer.text.startswith(lead), answer.text
    assert says in answer.text
    assert any(c.doc_id == "guide-frister-og-karens" for c in answer.citations)
    # The part that is the reason follows, without a second yes or no.
    assert "Ja. " not in answer.text and "Nei. " not in answer.text


def test_health_services_under_their_threshold_have_no_notice_duty_and_may_negotiate(corpus_hash_settings, index):
    answer = ask("Vi er en kommune som skal kjøpe BPA for 1,9 mill. kr i året i 2 år med opsjon på 1+1 år. Må dette ut "
                 "på Doffin, og har vi lov til å forhandle?", index, corpus_hash_settings)
    text = answer.text
    assert answer.route == "rules"
    assert text.startswith("Nei, trolig ikke på Doffin") and "ikke bekreftet" in text.split(". ")[0]
    assert "7,6 mill. kr" in text and "7,8 mill. kr" in text
    assert "Om konkurranse med forhandling: ja" in text
    assert "Verdien er 200 000 kr under terskelen" in text  # the near-threshold warning
    assert text.index("Doffin") < text.index("forhandling: ja")
    assert any(c.doc_id == "guide-sarlige-tjenester" for c in answer.citations)
    # The buyer, value and term are stated plainly: no note repeats them (the reasoning shows the sum).
    assert not any("1,9 mill. kr" in n for n in answer.notes)


def test_a_part_iv_notice_is_hedged_as_unverified(corpus_hash_settings, index):
    answer = ask("Vi skal kjøpe hjemmetjenester (helse- og sosialtjenester) for 9 mill. kr. Må vi kunngjøre?", index,
                 corpus_hash_settings)
    assert answer.text.startswith("Ja, trolig") and "sjekk ordlyden i FOA kapittel 30 på Lovdata" in answer.text.split(". ")[0]


def test_a_suffices_question_keeps_its_own_yes_or_no(corpus_hash_settings, index):
    answer = ask("Fylkeskommunen skal kjøpe kantinedrift for 600 000 kr årlig, 3 år + 1. Holder det å innhente tilbud "
                 "fra tre leverandører, eller må vi kunngjøre?", index, corpus_hash_settings)
    assert answer.text.startswith("Nei, det holder ikke")


# --- the standstill period ----------------------------------------------------------------------------------------

def test_a_standstill_question_with_a_value_goes_to_the_rules():
    question = "Hvor lang karensperiode må vi ha på en kontrakt på 3 mill.?"
    assert asks_standstill(question) and is_rules_question(question, read_facts(question))
    assert not is_rules_question("Hva er en karensperiode?", read_facts("Hva er en karensperiode?"))


@pytest.mark.parametrize(("question", "lead", "part"), [
    ("Hvor lang karensperiode må vi ha på en kontrakt på 3 mill.?", "Dere skal som hovedregel ha en karensperiode",
     "Del I og III gjelder"),
    ("Kommunen skal kjøpe vaktmestertjenester for 1,8 mill. kr. Må vi ha karensperiode?", "Ikke bekreftet",
     "Del I og II gjelder"),
    ("Kommunen skal kjøpe kurs for 500 000 kr. Må vi ha karensperiode før vi signerer?", "Trolig ikke",
     "Bare del I gjelder"),
    ("The ministry is buying software for NOK 2 million. Do we need a standstill period?", "Yes, as a rule you must",
     "Parts I and III"),
])
def test_the_standstill_period_follows_from_the_part(corpus_hash_settings, index, question, lead, part):
    answer = ask(question, index, corpus_hash_settings)
    assert answer.route == "rules", answer.text
    assert answer.text.startswith(lead), answer.text
    assert part in answer.text
    assert any(c.doc_id == "guide-frister-og-karens" and "Karens" in c.section for c in answer.citations)
    # The length is unverified in the fact base: it is never given as a rule.
    assert "10 dager" not in answer.text or ("ikke bekreftet" in answer.text and "Lovdata" in answer.text)


def test_a_notice_and_standstill_question_answers_the_notice_first(corpus_hash_settings, index):
    answer = ask("Kommunen skal kjøpe IT-drift for 3 mill. kr. Må vi kunngjøre, og hvor lang karensperiode må vi ha?",
                 index, corpus_hash_settings)
    assert answer.text.startswith("Ja, på Doffin og i TED (via Doffin)") and "karensperiode" in answer.text
    assert answer.text.startswith("Ja, på Doffin og i TED (via Doffin): verdien er over EØS-terskelen [1].")


def test_time_limits_and_the_standstill_asked_together_are_both_answered(corpus_hash_settings):
    # the length of the standstill («hvor lang …») is not a time limit, but a time limit asked beside it still is
    question = ("Fylkeskommunen har dårlig tid. Hva er minstefristene i konkurranse med forhandling over EØS-terskelen? "
                "Og hvor lang må karensperioden være?")
    assert asks_time_limits(question, read_facts(question))
    assert not asks_time_limits("Hvor lang må karensperioden være over EØS-terskelen?", read_facts(""))
    answer = ask(question, open_index(corpus_hash_settings), corpus_hash_settings)
    assert answer.route == "rules"
    assert "30 dager" in answer.text and "karensperiode" in answer.text and "10 dager" in answer.text


@pytest.mark.parametrize("question", [
    "Hva er fristen for å klage på en tildeling til 3 mill. kr?",
    "What is the deadline for complaints in a tender worth NOK 5 million?",
    "Hvor lang er klagefristen etter tildeling av en kontrakt på 4 mill. kr?",
])
def test_a_deadline_for_complaints_is_not_a_time_limit_for_tenders(question):
    assert not asks_time_limits(question, read_facts(question))


@pytest.mark.parametrize("question", [
    "Hva er fristen for å levere tilbud i en anbudskonkurranse over EØS-terskelen?",
    "Hvor lang tilbudsfrist må vi gi for en kontrakt på 5 mill. kr i del III?",
])
def test_a_tender_deadline_is_still_a_time_limit(question):
    assert asks_time_limits(question, read_facts(question))


def test_a_utility_below_its_threshold_is_told_plainly_it_need_not_publish(corpus_hash_settings, index):
    answer = ask("Det kommunale vannverket skal kjøpe nye doseringspumper for 2,5 mill. kr. Er det "
                 "anskaffelsesforskriften eller forsyningsforskriften som gjelder, og må vi kunngjøre?",
                 index, corpus_hash_settings)
    assert answer.route == "rules", answer.text
    assert answer.text.startswith("Nei, dere har ingen plikt til å kunngjøre"), answer.text
    assert "forsyningsforskriften" in answer.text.split(".")[0]
    assert any(c.doc_id == "guide-forsyningssektoren" for c in answer.citations)


def test_a_utility_above_its_threshold_must_publish(corpus_hash_settings, index):
    answer = ask("Energiverket (kommunalt) skal kjøpe nettstasjoner for 9 mill. kr til strømnettet. Må vi kunngjøre "
                 "konkurransen?", index, corpus_hash_settings)
    assert answer.text.startswith("Ja, på Doffin og i TED"), answer.text
    assert "del II av forsyningsforskriften" in answer.text
