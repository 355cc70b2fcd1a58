"""Round 16 polarity: the leading «Ja»/«Nei» answers the yes/no question as literally asked. A question asked as an
exemption («Slipper vi …?», «… er vi vel ikke omfattet?», «Kan vi droppe …?») gets «Nei» when the verdict says the
rule applies; a verdict on something the question does not ask opens with no verdict word."""

from __future__ import annotations

import pytest

from advisor.chat import rules
from advisor.chat.premises import asserts_duty, polar_lead, question_negated


@pytest.mark.parametrize("question", [
    "Vi driver et energiselskap. Slepp vi å kunngjere dette?",
    "Fordi vi er et privat selskap, er vi vel ikke underlagt anskaffelsesloven?",
    "Kan vi bare sløyfe kunngjøringen denne gangen?",
    "Behøver vi ikke å vekte miljø når kjøpet er lite?",
    "Gjelder regelverket vel ikke for oss som stiftelse?",
    "We are a foundation, so the procurement rules don't apply to us, do they? Are we exempt?",
])
def test_an_exemption_question_is_negated(question):
    assert question_negated(question)


@pytest.mark.parametrize("question", [
    "Må vi kunngjøre kjøpet i Doffin?",
    "Gjelder klimakravet også for små kjøp?",
    # the ground says «ikke», the ask does not
    "Siden vi ikke er en statlig etat, hvilken terskel gjelder for oss?",
    "Fordi vi ikke har kunngjort ennå, kan vi endre kravene?",
])
def test_an_affirmative_question_is_not_negated(question):
    assert not question_negated(question)


@pytest.mark.parametrize(("sentence", "duty"), [
    ("kravet gjelder også for dere", True),
    ("dere slipper ikke unna plikten", True),
    ("dere kan ikke hoppe over kunngjøringen", True),
    ("plikten faller bort når avtrykket er ubetydelig", False),
    ("regelverket gjelder ikke for kjøp under 100 000 kr", False),
    ("karensperioden er en fase av prosedyren", None),
])
def test_what_a_verdict_sentence_says_of_the_rule(sentence, duty):
    assert asserts_duty(sentence) is duty


def test_an_exemption_question_gets_no_when_the_rule_applies():
    question = "Vi er et lite kommunalt foretak. Slipper vi å stille miljøkrav i denne anskaffelsen?"
    text = "Ja, miljøkravet gjelder også for kommunale foretak [1]. Slik dokumenterer dere det [2]."
    assert polar_lead(question, text) == ("Nei, miljøkravet gjelder også for kommunale foretak [1]. "
                                          "Slik dokumenterer dere det [2].")


def test_an_exemption_question_gets_yes_when_the_rule_is_lifted():
    question = "Trenger vi ikke å vekte klima når kjøpet knapt har klimaavtrykk?"
    assert polar_lead(question, "Nei. Plikten faller bort når avtrykket er ubetydelig [1].").startswith("Ja. Plikten")


def test_english_exemption_question():
    question = "We don't have to advertise this contract, do we?"
    assert polar_lead(question, "Yes: you must advertise it in Doffin [1].") == "No: you must advertise it in Doffin [1]."


def test_a_conditioned_verdict_loses_its_word_on_an_exemption_question():
    question = "Kan vi droppe å begrunne valget av prosedyre?"
    assert polar_lead(question, "Ja, hvis det ikke kreves etter del I [1].") == "Hvis det ikke kreves etter del I [1]."


def test_a_verdict_on_the_stated_ground_keeps_its_word():
    # the card corrects the ground («Siden beløpsgrensen er hevet, …») and says nothing of a duty
    question = "Siden beløpsgrensen er hevet til 300 000 kr, trenger vi vel ikke konkurranse for 200 000 kr?"
    text = "Nei, ikke ennå: grensen er fortsatt 100 000 kr [1]."
    assert polar_lead(question, text) == text


@pytest.mark.parametrize("text", [
    "Ja, kravet gjelder [1].",
    "Nei, dere kan ikke [1].",
    "Ja, hvis dere har grunnlag [1].",
])
def test_an_affirmative_question_keeps_its_verdict(text):
    assert polar_lead("Må vi stille krav om klimavekting i denne konkurransen?", text) == text


def test_the_rules_say_no_to_a_claimed_exemption_from_the_rules():
    question = "Siden vi er et aksjeselskap og ikke et departement, er vi vel ikke omfattet av regelverket?"
    assert rules._verdict_word(question, "III", "nb") == "Nei."
    assert rules._verdict_word(question, "below", "nb") == "Ja."
    # the affirmative question keeps its word
    assert rules._verdict_word("Vi er et aksjeselskap. Er vi omfattet av regelverket?", "III", "nb") == "Ja."


@pytest.mark.parametrize(("question", "asked"), [
    ("Siden ventetiden er over, kan vi vel skrive under i dag?", "kan vi vel skrive under i dag?"),
    ("Fristen er passert, så kan vi vel signere nå?", "kan vi vel signere nå?"),
    ("Vi kjøper for 3 mill. Trenger vi karenstid?", "Trenger vi karenstid?"),
])
def test_the_literal_ask_leaves_out_the_stated_reason(question, asked):
    assert rules._literal_ask(question) == asked


def test_a_claim_checked_first_keeps_no_verdict_word_on_another_question():
    from advisor.chat.premises import checked_claim, claim_lead

    message = ("Controlleren hevder at vi kan velge fritt mellom alle prosedyrene for rammeavtalen på 6 mill. "
               "Er det riktig? Og må vi ha karenstid?")
    assert checked_claim(message).startswith("Controlleren hevder")
    text = "Ja, dere skal ha en karensperiode [1]. Del I og III gjelder [2]."
    assert claim_lead(message, text) == "Dere skal ha en karensperiode [1]. Del I og III gjelder [2]."
    # a verdict on the claim's own words keeps its word
    assert claim_lead(message, "Nei, prosedyrene med forhandling krever grunnlag [1].").startswith("Nei, ")
    # the first question asks something of its own: nothing is checked
    assert checked_claim("Må vi ha karenstid? Controlleren sier nei. Stemmer det?") == ""


def test_the_rules_decide_a_claimed_exemption_but_not_an_affirmative_ask():
    assert rules.decides_exemption("Vi er en stiftelse og kjøper for 3 mill. Er vi vel ikke omfattet av regelverket?")
    assert not rules.decides_exemption("Vi er en stiftelse og kjøper for 3 mill. Er vi omfattet av regelverket?")
    assert not rules.decides_exemption("Vi trenger ikke mer enn to leverandører. Hvordan skriver vi kravene?")


@pytest.mark.parametrize("question", [
    "Er det lov å dele opp kjøpet for å slippe å kunngjøre?",
    "Kan vi dele kontrakten i to, slik at vi slipper EØS-reglene?",
])
def test_escaping_a_rule_as_a_purpose_is_not_an_exemption_question(question):
    assert not question_negated(question)


def test_may_we_escape_is_an_exemption_question():
    assert question_negated("Vi er et lite foretak. Kan vi slippe å bruke Doffin?")


@pytest.mark.parametrize(("question", "lead"), [
    ("Vi er en kommune og kjøper vaktmestertjenester for 2 mill. kr. Slipper vi 30 %-kravet til klimavekt?",
     "Nei, som hovedregel ikke: "),
    ("Vi er en kommune og kjøper vaktmestertjenester for 900 000 kr. Trenger vi ikke å vekte miljø med 30 %?",
     "Nei, som hovedregel ikke: "),
    ("Vi er en kommune og kjøper vaktmestertjenester for 2 mill. kr. Gjelder kravet om klimavekt på 30 %?",
     "Ja, som hovedregel: "),
])
def test_the_climate_lead_answers_the_exemption_asked(corpus_hash_settings, question, lead):
    from advisor.chat.facts import read_facts

    answer = rules.rules_answer(question, read_facts(question), corpus_hash_settings)
    assert answer is not None and answer.text.startswith(lead)


def test_a_standstill_lead_says_no_yes_to_a_plan_it_does_not_decide(corpus_hash_settings):
    from advisor.chat.facts import read_facts

    question = "Vi er en kommune og kjøper IT-drift for 6 mill. kr. Siden karenstiden er ute, kan vi vel signere i dag?"
    answer = rules.rules_answer(question, read_facts(question), corpus_hash_settings)
    assert answer is not None and not answer.text.startswith(("Ja", "Nei"))
    asked = "Vi er en kommune og kjøper IT-drift for 6 mill. kr. Må vi ha karensperiode?"
    assert rules.rules_answer(asked, read_facts(asked), corpus_hash_settings).text.startswith("Ja, dere skal")
