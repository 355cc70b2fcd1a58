"""Topics the sources do not cover, and what the buyer reads around an answer: a question about a topic no passage or
card mentions is refused first (also with a purchase value in it); a compound question's refused part is named
without its nearest sources; no card boilerplate, no command names and no verdict said twice."""

from __future__ import annotations

import re

import pytest

from advisor.answer import CANNOT_ANSWER, is_cannot_answer
from advisor.chat import apply_route, ask, route_pointer, route_summary
from advisor.chat.conversation import single_verdict
from advisor.chat.scope import covered, topic_words, uncovered_topic
from advisor.search import open_index


@pytest.fixture(scope="module")
def index(corpus_hash_settings):
    return open_index(corpus_hash_settings)


@pytest.mark.parametrize(("question", "topic"), [
    ("Kan vi kreve at leverandøren har lærlinger på et bygg til 20 mill. kr?", "lærlinger"),
    ("Er det lov å stille krav om lærlingplasser når kommunen bygger ny skole?", "lærlingplasser"),
    ("Hvor lang klagefrist har en leverandør som vil klage?", "klagefrist"),
    ("Hvem betaler klagegebyret når en leverandør klager?", "klagegebyret"),
    ("Kan vi kreve politiattest for de ansatte hos renholdsleverandøren?", "politiattest"),
    # a deadline for something else than the tender, asked by what it is for or by its name
    ("Når går fristen for å klage på tildelingen ut?", "klagefrist"),
    ("Hva er søksmålsfristen etter en avlyst konkurranse?", "søksmålsfristen"),
])
def test_a_topic_no_source_mentions_is_found(corpus_hash_settings, index, question, topic):
    assert uncovered_topic(question, index, corpus_hash_settings, "nb") == topic


@pytest.mark.parametrize("question", [
    "Hvor lang er anbudsfristen i en åpen anbudskonkurranse?",  # a compound whose parts one passage holds
    "Hva er fristen for å levere tilbud i en begrenset anbudskonkurranse?",
    "Hva er minstefristen i konkurranse med forhandling?",
    "Kan vi stille krav til universell utforming?",
    "Hvor høy er terskelverdien for kommuner?",
    "Hvor mange tilbud må vi hente inn?",
    "Kan vi kreve at leverandøren har miljøledelse?",
    "Hva er terskelverdien for bygg og anlegg?",
    # The head word is in no source, but its modifier is (climate requirements): partly covered, not refused.
    "Kan vi kreve at leverandøren bruker elektriske kjøretøy?",
    # A make named in the topic: a question about brand references, whatever the product.
    "Kan vi kreve Cisco-svitsjer hvis vi skriver «eller tilsvarende»?",
])
def test_topics_the_sources_cover_are_not_refused(corpus_hash_settings, index, question):
    assert uncovered_topic(question, index, corpus_hash_settings, "nb") == ""


def test_only_the_asked_topic_is_checked_not_what_is_bought(corpus_hash_settings, index):
    # «vannpumper» is in no source, but it is what is bought, not what is asked about.
    assert not covered("vannpumper", index, corpus_hash_settings)
    assert topic_words("Vi skal kjøpe vannpumper for 3 mill. Hvilken del gjelder?", "nb") == []
    assert topic_words("Can we require apprentices?", "en") == []  # English words are not in the sources as written


def test_a_purchase_question_about_an_uncovered_topic_is_refused_first(corpus_hash_settings, index):
    answer = ask("Vi er en kommune og skal bygge en ny barnehage for 30 mill. kr. Kan vi kreve at entreprenøren "
                 "har lærlinger, og fra hvilken verdi er det obligatorisk?", index, corpus_hash_settings)
    assert not answer.grounded and answer.route == "refusal"
    assert answer.text.startswith(CANNOT_ANSWER["nb"]) and is_cannot_answer(answer.text)
    assert "«lærlinger»" in answer.text and "Lovdata" in answer.text
    assert not answer.citations  # no passage is about the topic: none is listed as if it were
    assert "Del I og II" not in answer.text and "Del I og III" not in answer.text


def test_a_compound_question_refused_in_every_part_opens_with_the_refusal(corpus_hash_settings, index):
    answer = ask("En leverandør vil klage tildelingen inn for KOFA. Hvor lang klagefrist gjelder, og hvem betaler "
                 "klagegebyret?", index, corpus_hash_settings)
    assert not answer.grounded
    assert answer.text.startswith(CANNOT_ANSWER["nb"])
    assert "«klagefrist»" in answer.text and "«klagegebyret»" in answer.text
    assert answer.text.count("Lovdata") == 1  # where to read instead: said once, at the end
    assert "minstefrist" not in answer.text.lower()


def test_a_refused_part_beside_an_answered_one_is_named_without_its_nearest_sources(corpus_hash_settings, index):
    answer = ask("Hvilken del gjelder for en kommune som kjøper renhold for 3 mill. kr, og kan vi kreve at "
                 "leverandøren har lokalkontor i kommunen?", index, corpus_hash_settings)
    assert answer.grounded and answer.text.startswith("Del I og III")
    assert "«lokalkontor»" in answer.text
    assert not any("nærmeste kildene" in n for n in answer.notes)
    cited = {int(n) for group in re.findall(r"\[([\d, ]+)\]", answer.text) for n in group.split(",")}
    assert {c.n for c in answer.citations} <= cited  # every listed source is cited by the text


def test_a_card_answer_carries_no_boilerplate_note_but_says_reviewed_in_json(corpus_hash_settings, index):
    answer = ask("Hva betyr eller tilsvarende?", index, corpus_hash_settings)
    assert answer.route == "card"
    assert not any("standardtekst" in n or "standard text" in n for n in answer.notes)
    assert answer.to_dict()["reviewed"] is True and answer.to_dict()["card_id"] == answer.card_id


def test_pointers_name_no_command():
    for route in ("analyze", "assess"):
        for lang in ("nb", "en"):
            assert "advisor " not in route_pointer(route, lang) and "`" not in route_pointer(route, lang)


def test_a_purchase_answered_by_a_card_gets_the_verdict_once_and_completing_it_only_when_provisional(
        corpus_hash_settings, index):
    message = "Vi skal kjøpe nye skolepulter for 3 millioner."  # buyer not stated: the verdict is provisional
    answer = ask("Hva betyr eller tilsvarende?", index, corpus_hash_settings)
    apply_route(answer, "assess", message, corpus_hash_settings)
    assert answer.tool == "assess" and route_pointer("assess") not in answer.notes
    assert any(n.startswith("Foreløpig vurdering: Del I og III") for n in answer.notes)
    assert any("anskaffelsesvurderingen" in n for n in answer.notes)  # how to complete it, once
    # An answer that already names the part does not get the same verdict again as a note.
    answer = ask("Hva betyr eller tilsvarende?", index, corpus_hash_settings)
    answer.text = "Del I og III gjelder for kjøpet [1]."
    apply_route(answer, "assess", message, corpus_hash_settings)
    assert not any(n.startswith("Foreløpig vurdering") for n in answer.notes)
    assert not any("advisor assess" in n for n in answer.notes)


@pytest.mark.parametrize(("text", "expected"), [
    ("No. No: the procurement rules do not apply below NOK 100 000 [1].",
     "No: the procurement rules do not apply below NOK 100 000 [1]."),
    ("Nei. Nei, det holder ikke [1].", "Nei, det holder ikke [1]."),
    ("No. Nothing obliges you to [1].", "No. Nothing obliges you to [1]."),
    ("No. No rule obliges you to use it [1].", "No. No rule obliges you to use it [1]."),
    ("Nei. Nei-svaret gjelder ikke her [1].", "Nei. Nei-svaret gjelder ikke her [1]."),
    ("Ja. Del I gjelder [1]. Ja. Ja, det kan dere [2].", "Ja. Del I gjelder [1]. Ja, det kan dere [2]."),
])
def test_a_verdict_word_is_said_once(text, expected):
    assert single_verdict(text) == expected


def test_an_english_question_below_the_floor_says_no_once(corpus_hash_settings, index):
    answer = ask("We are a municipality and will buy office chairs for 80 000 NOK. Do we have to announce it?", index,
                 corpus_hash_settings)
    assert not answer.text.startswith("No. No")


def test_an_english_message_gets_no_norwegian_summary_lines(corpus_hash_settings):
    lines = route_summary("assess", "We are going to buy office furniture for 3 million NOK.", corpus_hash_settings,
                          "en")
    assert not any(line.startswith(("Foreløpig", "Tolket", "Vurderingen")) for line in lines)
    assert all("provisional" in line for line in lines)
    norwegian = route_summary("assess", "Vi skal kjøpe kontormøbler for 3 millioner kr.", corpus_hash_settings)
    assert norwegian[0].startswith("Foreløpig vurdering")



def test_a_part_that_points_back_to_an_uncovered_requirement_is_refused_too():
    from advisor.answer import uncovered_answer
    from advisor.answer.engine import Answer
    from advisor.chat.conversation import combine_answers

    first = uncovered_answer("Hvor mange lærlinger kan vi kreve?", "lærlinger", "nb", "extractive", "")
    # The second part's other words found a passage about something else: it must not be quoted as its answer.
    second = Answer("Gjelder kravet utenlandske firma også?", "Ja, kravene kan gjelde hele livssyklusen [1].", [],
                    True, "extractive", "", "x", "Gjelder kravet utenlandske firma også?", route="passage",
                    language="nb")
    other = Answer("Hvilken del gjelder?", "Del I og II gjelder [1].", [], True, "extractive", "", "x",
                   "Hvilken del gjelder?", route="rules", language="nb")
    combined = combine_answers("…", [other, first, second])
    assert "«lærlinger»" in combined.text and "Gjelder kravet utenlandske firma også" in combined.text
    assert "livssyklusen" not in combined.text
    # Without the uncovered part before it, the same part keeps its answer.
    assert "livssyklusen" in combine_answers("…", [other, second]).text


def test_a_complaint_deadline_beside_a_standstill_question_is_refused_and_the_standstill_answered(
        corpus_hash_settings, index):
    answer = ask("Fylkesmannen kjøper kontorstoler for 900 000 kr. Når går fristen for å klage, og trenger vi "
                 "karensperiode?", index, corpus_hash_settings)
    assert "«klagefrist»" in answer.text
    assert "karensperiode" in answer.text and "Bare del I" in answer.text
    # not the tender deadline of part I, which nobody asked about
    assert "minstefrist" not in answer.text
