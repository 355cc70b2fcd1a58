"""A claim put up for checking («Rådgiveren mener at … Stemmer det?») answered by a verdict that says the opposite
opens with «Nei, det stemmer ikke»; one that says the same with a word that would deny it opens with «Ja, det
stemmer»; a verdict on something else keeps its word or loses it as before."""
from __future__ import annotations

from advisor.chat.premises import claim_lead


def test_a_negated_claim_against_a_yes_verdict_is_wrong():
    message = ("Vi skal kjøpe nytt arkivsystem. Rådgiveren vår mener at vi ikke bør nevne målene for tjenesten i "
               "kravspesifikasjonen. Stemmer det?")
    text = "Ja, nevn målene for tjenesten i kravspesifikasjonen: det anbefales [1]. Mer om det her [2]."
    assert claim_lead(message, text) == ("Nei, det stemmer ikke – nevn målene for tjenesten i kravspesifikasjonen: "
                                         "det anbefales [1]. Mer om det her [2].")


def test_an_affirmative_claim_against_a_negated_verdict_without_a_word():
    message = "Kollegaen min sier at vi må kunngjøre småkjøpet av kontorrekvisita. Er det riktig?"
    text = "Dere trenger ikke å kunngjøre småkjøpet av kontorrekvisita [1]."
    assert claim_lead(message, text).startswith("Nei, det stemmer ikke: dere trenger ikke")


def test_a_negated_claim_confirmed_by_a_no_verdict_is_right():
    message = "Sjefen påstår at vi ikke trenger å kunngjøre leasingavtalen. Stemmer det?"
    text = "Nei, dere trenger ikke å kunngjøre leasingavtalen under terskelen [1]."
    assert claim_lead(message, text).startswith("Ja, det stemmer: dere trenger ikke")


def test_a_verdict_that_already_says_it_stays():
    message = "Jurist Hansen mener at vi kan stille krav om elektriske kjøretøy. Stemmer det?"
    text = "Ja, dere kan stille krav om elektriske kjøretøy [1]."
    assert claim_lead(message, text) == text


def test_english_claim():
    message = "Our controller says we should not describe the expected benefits in the tender. Is that right?"
    text = "Yes, describe the expected benefits in the tender [1]."
    assert claim_lead(message, text) == "No, that is not right: describe the expected benefits in the tender [1]."


def test_a_verdict_sharing_one_word_or_conditioned_is_left_alone():
    message = "Controlleren hevder at vi kan velge fritt mellom alle prosedyrene for rammeavtalen. Er det riktig?"
    assert claim_lead(message, "Nei, prosedyrene med forhandling krever grunnlag [1].").startswith("Nei, prosedyrene")
    negated = "Rådgiveren mener at vi ikke kan stille miljøkrav til maskinene. Stemmer det?"
    conditioned = "Ja, hvis dere stiller miljøkrav til maskinene som kan dokumenteres [1]."
    assert claim_lead(negated, conditioned) == conditioned


def test_a_figure_corrected_after_an_abbreviation_is_read_whole():
    message = ("Veilederen vår sier at EØS-terskelen for statlige kjøp er 1,4 mill. kr, så vi planlegger etter del III. "
               "Er det riktig?")
    text = "Nei: EØS-terskelen for statlige kjøp er 1,49 mill. kr fra 2024, ikke 1,4 mill. kr [1]."
    assert claim_lead(message, text) == text


def test_the_rules_verdict_keeps_its_word_on_the_claim():
    message = "Sjefen påstår at vi ikke trenger å kunngjøre leasingavtalen. Stemmer det?"
    text = "Nei, dere trenger ikke å kunngjøre leasingavtalen under terskelen [1]."
    assert claim_lead(message, text, polarity=False) == text
