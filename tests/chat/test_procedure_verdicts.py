"""Questions about a named procedure: the verdict on that procedure first (by part of the regulation), and a claim
that a procedure is obligatory corrected in the first sentence, in Norwegian and in English."""

from __future__ import annotations

import re

import pytest

from advisor.assessment import ASKABLE, by_value, permission
from advisor.chat import ask
from advisor.chat.rules import asked_procedure
from advisor.errors import AdvisorError
from advisor.evaluation.answer_text import lead_sentence
from advisor.search import open_index


@pytest.fixture(scope="module")
def index(corpus_hash_settings):
    return open_index(corpus_hash_settings)


# --- reading the question ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("question", "asked"), [
    ("Får vi lov å bruke konkurransepreget dialog når fylket kjøper et billettsystem for 9 mill. kr?",
     ("competitive_dialogue", False)),
    ("Kan etaten forhandle med tilbyderne om en rammeavtale på 2 mill. kr?", ("negotiated", False)),
    ("Er det tillatt å velge en tilbudskonkurranse med forhandling for 1,6 mill. kr?", ("negotiated", False)),
    ("Kommunen skal kjøpe skolemøbler for 3 mill. kr, og da må vi jo velge begrenset anbudskonkurranse?",
     ("restricted", True)),
    ("Vi er et helseforetak. Er innovasjonspartnerskap påbudt for nye senger til 20 mill. kr?",
     ("innovation_partnership", True)),
    ("Is it mandatory for a county to use an open procedure for NOK 5 million of cleaning services?", ("open", True)),
    ("Could we run a competitive dialogue for a NOK 4 million IT contract?", ("competitive_dialogue", False)),
])
def test_the_procedure_asked_about_and_a_claimed_duty_are_read(question, asked):
    assert asked_procedure(question) == asked


@pytest.mark.parametrize("question", [
    "Når kan vi bruke konkurranse med forhandling?",                                  # how/when, not yes or no
    "Skal vi velge åpen anbudskonkurranse eller konkurranse med forhandling for 5 mill. kr?",  # a choice of two
    "Kan vi bruke konkurranse med forhandling uten kunngjøring for 3 mill. kr?",     # negotiation without notice
    "Må vi ha en ny konkurranse for å kjøpe løsningen etter et innovasjonspartnerskap?",  # not asked to be used
    "Kan kommunen få tilskudd til et innovasjonspartnerskap?",
    "Vi skal bruke konkurranse med forhandling for 3 mill. kr.",                      # a statement, not a question
])
def test_questions_that_do_not_ask_to_use_one_procedure_are_not_read_as_such(question):
    assert asked_procedure(question) is None


# --- the verdict ----------------------------------------------------------------------------------------------------


def test_negotiation_needs_a_ground_in_part_iii_but_only_prior_notice_in_part_ii_and_nothing_in_part_i():
    iii, ii, i = (permission("negotiated", part) for part in ("III", "II", "I"))
    assert iii.answer == "if" and iii.nb.startswith("Ja, hvis") and "§ 13-2" in iii.nb
    assert set(iii.rules) >= {"R-PROC-NEGOTIATED", "R-GROUND-ADAPTATION", "R-GROUND-FAILED"}
    assert ii.answer == "if" and "på forhånd" in ii.nb and "ikke verifisert" in ii.nb  # the fact sheet marks it [U]
    assert i.answer == "yes" and "ingen fast prosedyre" in i.nb
    assert permission("open", "III").answer == "yes" and "13-1 første ledd" in permission("open", "III").nb


def test_utilities_negotiate_freely_and_health_services_have_their_own_regime():
    utilities = permission("negotiated", "II", regime="utilities")
    assert utilities.answer == "yes" and "forsyningssektoren" in utilities.nb and "R-PROC-UTILITIES" in utilities.rules
    assert permission("competitive_dialogue", "II", regime="utilities").answer == "unverified"
    assert "kapittel 30" in permission("negotiated", "IV").nb
    assert permission("negotiated", "referred") is None  # another regulation: no verdict from this model


def test_the_innovation_partnership_condition_holds_in_every_part():
    for part in ("I", "II", "III"):
        verdict = permission("innovation_partnership", part)
        assert verdict.answer == "if" and "markedet" in verdict.nb and "13-1 tredje ledd" in verdict.nb


@pytest.mark.parametrize("procedure", ASKABLE)
@pytest.mark.parametrize(("part", "regime"), [("below", "foa"), ("I", "foa"), ("II", "foa"), ("III", "foa"),
                                              ("IV", "foa"), ("II", "utilities")])
def test_no_procedure_is_ever_obligatory(procedure, part, regime):
    verdict = permission(procedure, part, regime, obliged=True)
    assert verdict.answer == "no" and verdict.nb.startswith("Nei.") and verdict.en.startswith("No.")


def test_without_a_value_each_band_gets_its_verdict():
    bands = by_value("negotiated", 1_300_000, 2_300_000)
    assert [b.part for b in bands] == ["below", "I", "II", "III"]
    assert [b.verdict.answer for b in bands] == ["yes", "yes", "if", "if"]
    assert (bands[2].low_nok, bands[2].high_nok) == (1_300_000, 2_300_000)
    with pytest.raises(AdvisorError, match="out of order"):
        by_value("negotiated", 2_300_000, 1_300_000)
    with pytest.raises(AdvisorError, match="unknown procedure"):
        permission("auction", "III")


# --- the chat answer -----------------------------------------------------------------------------------------------


def test_a_question_about_negotiation_above_the_eea_threshold_gets_that_verdict_first(corpus_hash_settings, index):
    answer = ask("Får vi bruke konkurranse med forhandling når fylkeskommunen skal kjøpe et nytt arkivsystem til 4 mill. kr?",
                 index, corpus_hash_settings)
    assert answer.route == "rules"
    assert lead_sentence(answer.text).startswith("Ja, hvis minst ett av vilkårene i FOA § 13-2")
    assert "Aktuell prosedyre" not in answer.text and "2,3 mill. kr" in answer.text
    assert {int(n) for n in re.findall(r"\[(\d+)", answer.text)} <= {c.n for c in answer.citations}
    assert any(c.doc_id == "guide-konkurranse-med-forhandling" for c in answer.citations)


def test_a_claimed_duty_without_a_value_is_corrected_first_with_every_band(corpus_hash_settings, index):
    answer = ask("Som statlig etat er vi vel nødt til å bruke begrenset anbudskonkurranse?", index, corpus_hash_settings)
    assert answer.route == "rules" and answer.text.startswith("Nei. Ingen regel pålegger dere å bruke begrenset")
    assert "Fra 1,3 mill. kr til 1,49 mill. kr" in answer.text and "Fra 1,49 mill. kr" in answer.text
    assert "Jeg antar at" in answer.text


def test_an_english_question_gets_the_verdict_in_english(corpus_hash_settings, index):
    answer = ask("We are a county and buy cleaning services for NOK 1.8 million. Can we negotiate with the bidders?",
                 index, corpus_hash_settings)
    assert answer.route == "rules" and answer.text.startswith("Yes, if the notice or the tender documents say")
    assert "Parts I and II of the procurement regulation apply: NOK 1.8 million is below" in answer.text


def test_a_follow_up_keeps_the_procedure_asked_unless_it_asks_its_own_question(corpus_hash_settings, index):
    first = "Kan vi bruke konkurranse med forhandling når kommunen kjøper et fagsystem til 3 mill. kr?"
    one = ask(first, index, corpus_hash_settings)
    assert one.text.startswith("Ja, hvis minst ett av vilkårene i FOA § 13-2")
    history = ((first, one.text),)
    two = ask("og for 1,8 mill. kr?", index, corpus_hash_settings, history=history)
    assert two.route == "rules" and two.text.startswith("Ja, hvis det er opplyst på forhånd")
    three = ask("Må vi kunngjøre i TED da?", index, corpus_hash_settings, history=history)
    assert three.route == "rules" and three.text.startswith("Ja, på Doffin og i TED")
    assert "Del I og III gjelder" in three.text


def test_an_innovation_partnership_for_ordinary_goods_gets_a_no(corpus_hash_settings):
    from advisor.search import open_index

    index = open_index(corpus_hash_settings)
    answer = ask("Kan vi bruke innovasjonspartnerskap når vi kjøper vanlige kontorstoler for 2 mill. kr?", index,
                 corpus_hash_settings)
    assert answer.text.startswith("Nei, trolig ikke: innovasjonspartnerskap"), answer.text
    plain = ask("Kan vi bruke innovasjonspartnerskap når vi kjøper kontorstoler for 2 mill. kr?", index,
                corpus_hash_settings)
    assert plain.text.startswith("Ja, hvis behovet ikke kan dekkes"), plain.text  # nothing said about the market


def test_an_either_or_question_on_the_part_gets_no_bare_yes_or_no(corpus_hash_settings):
    index = open_index(corpus_hash_settings)
    answer = ask("Et departement skal kjøpe skrivebord for 1,2 mill. kr. Er det del I eller del II, og hvilken "
                 "prosedyre passer?", index, corpus_hash_settings)
    assert answer.text.startswith("Bare del I gjelder"), answer.text


def test_a_part_ii_competition_in_nynorsk_gets_no_part_iii_time_limits():
    from advisor.chat.facts import read_facts
    from advisor.chat.rules import asks_time_limits

    nynorsk = "Vi køyrer ein open tilbodskonkurranse etter del II om snømåking. Kor lang tilbodsfrist må vi minst gi?"
    assert not asks_time_limits(nynorsk, read_facts(nynorsk))  # left to the card: part II has no minimum
    bokmal = "Vi kjører en åpen tilbudskonkurranse etter del II om snømåking. Hvor lang tilbudsfrist må vi gi?"
    assert not asks_time_limits(bokmal, read_facts(bokmal))
