"""Follow-up questions made standalone, chat history, `advisor chat` on a pipe, and messages routed to the
requirement check or the purchase assessment."""

from __future__ import annotations

import io
import sys

import pytest
from llm_server import OpenAICompatibleServer

from advisor.answer.followup import carry_terms, clean_condensed, condense, is_follow_up
from advisor.answer.prompt import CANNOT_ANSWER
from advisor.chat import Chat, ask, route_message, route_pointer
from advisor.cli import main
from advisor.config import Settings
from advisor.errors import ProviderError
from advisor.llm import render_history
from advisor.search import open_index

STATE = "Hva er terskelverdien for statlige oppdragsgivere?"
HISTORY = ((STATE, "Fra 14. mars 2024 er terskelen 1,49 mill. kr for statlige oppdragsgivere [1]."),)


# --- follow-ups ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("message", ["og hva med for kommuner?", "Hva med kommuner?", "Gjelder det også for bygg?",
                                     "what about municipalities?", "Og dette, når gjelder det?"])
def test_messages_that_lean_on_the_conversation_are_follow_ups(message):
    assert is_follow_up(message)


@pytest.mark.parametrize("message", ["Hva er et innovasjonspartnerskap?", "Hvordan baker jeg surdeigsbrød?",
                                     "Kan vi skrive et bestemt merkenavn i kravspesifikasjonen?"])
def test_standalone_questions_are_not_follow_ups(message):
    assert not is_follow_up(message)


def test_extractive_follow_up_keeps_the_key_words_of_the_previous_question(settings):
    standalone = condense("og hva med for kommuner?", HISTORY, settings, "extractive")
    assert standalone.startswith("og hva med for kommuner?")
    assert "terskelverdien" in standalone and "statlige" in standalone and "oppdragsgivere" in standalone
    assert condense("Hva er et innovasjonspartnerskap?", HISTORY, settings, "extractive") == "Hva er et innovasjonspartnerskap?"
    assert condense("og hva med for kommuner?", (), settings, "extractive") == "og hva med for kommuner?"


def test_carried_words_come_from_the_last_two_user_turns_only():
    history = (("Hva er konkurransepreget dialog?", "..."), (STATE, "..."), ("Og for bygg og anlegg?", "..."))
    carried = carry_terms("Og for kommuner?", history)
    assert "terskelverdien" in carried and "konkurransepreget" not in carried


def test_follow_up_is_answered_about_the_carried_topic(corpus_hash_settings):
    index = open_index(corpus_hash_settings)
    answer = ask("og hva med for kommuner?", index, corpus_hash_settings, history=HISTORY)
    assert answer.standalone_query != answer.question and "terskelverdien" in answer.standalone_query
    assert answer.grounded and "kommune" in answer.text.lower()
    alone = ask("og hva med for kommuner?", index, corpus_hash_settings)
    assert alone.standalone_query == "og hva med for kommuner?" and alone.text != answer.text


def test_answer_question_on_the_query_ask_makes_gives_the_same_answer(corpus_hash_settings):
    from advisor.answer import answer_question
    from advisor.search import Query, retrieve

    corpus_hash_settings = corpus_hash_settings.with_overrides(answer={"card_min_score": 1.0})  # the passage path
    index = open_index(corpus_hash_settings)
    question = "og hva med for kommuner?"
    standalone = condense(question, HISTORY, corpus_hash_settings, "extractive")
    query = Query.build(question, "nb", standalone)
    direct = answer_question(query, retrieve(query, index, corpus_hash_settings), corpus_hash_settings,
                             history=HISTORY)
    assert direct.standalone_query == standalone
    assert direct.text == ask(question, index, corpus_hash_settings, history=HISTORY).text


def test_llm_condenses_a_follow_up_with_the_condense_prompt(corpus_hash_settings):
    index = open_index(corpus_hash_settings)
    replies = iter(["Hva er terskelverdien for kommuner og fylkeskommuner?",
                    "Kravspesifikasjonen skal ikke vise til et bestemt fabrikat [1]."])
    with OpenAICompatibleServer(reply=lambda body: next(replies)) as server:
        settings = corpus_hash_settings.with_overrides(
                                                       llm={"provider": "openai", "base_url": server.base_url, "max_retries": 0, "timeout_s": 5})
        answer = ask("og hva med for kommuner?", index, settings, history=HISTORY)
    condense_request, answer_request = server.requests
    condense_user = [m["content"] for m in condense_request["messages"] if m["role"] == "user"][0]
    assert f"Bruker: {STATE}" in condense_user and "Nytt spørsmål: og hva med for kommuner?" in condense_user
    assert "[1]" not in condense_user  # the history is shown without citation markers
    assert answer.standalone_query == "Hva er terskelverdien for kommuner og fylkeskommuner?"
    answer_user = [m["content"] for m in answer_request["messages"] if m["role"] == "user"][-1]
    assert f"Bruker: {STATE}" in answer_user and "Spørsmål: og hva med for kommuner?" in answer_user


def test_rambling_or_empty_condensed_question_falls_back_to_key_words():
    question = "og for kommuner?"
    assert clean_condensed("Selvstendig spørsmål: «Hva er terskelverdien for kommuner?»\nForklaring: ...", question,
                           HISTORY) == "Hva er terskelverdien for kommuner?"
    fallback = clean_condensed("x" * 400, question, HISTORY)
    assert fallback.startswith(question) and "terskelverdien" in fallback


def test_condense_failure_is_a_provider_error(settings):
    with OpenAICompatibleServer(mode="500") as server:
        broken = settings.with_overrides(
                                         llm={"provider": "openai", "base_url": server.base_url, "max_retries": 0, "timeout_s": 2})
        with pytest.raises(ProviderError):
            condense("og for kommuner?", HISTORY, broken)


# --- chat history and the chat command --------------------------------------------------------------------


def test_chat_keeps_the_last_turns_and_resets():
    chat = Chat(max_turns=2)
    for n in range(3):
        chat.add(f"spørsmål {n}", f"svar {n} [1]")
    assert chat.history == (("spørsmål 1", "svar 1 [1]"), ("spørsmål 2", "svar 2 [1]"))
    assert render_history(chat.history) == "Bruker: spørsmål 1\nAssistent: svar 1\nBruker: spørsmål 2\nAssistent: svar 2"
    chat.reset()
    assert chat.history == () and render_history(chat.history) == "(ingen)"


def _cli_env(monkeypatch, settings: Settings) -> None:
    monkeypatch.setenv("ADVISOR_CONFIG", str(settings.home / "no-such.toml"))
    monkeypatch.setenv("ADVISOR_HOME", str(settings.home))
    monkeypatch.setenv("ADVISOR_INDEX_EMBEDDING_BACKEND", settings.index.embedding_backend)
    monkeypatch.setenv("ADVISOR_LLM_PROVIDER", "extractive")


def test_chat_reads_piped_lines_keeps_history_and_starts_over_on_ny(corpus_hash_settings, monkeypatch, capsys):
    _cli_env(monkeypatch, corpus_hash_settings)
    lines = f"{STATE}\n\nog hva med for kommuner?\n/ny\nHvordan baker jeg surdeigsbrød?\n/exit\nDette leses aldri\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(lines))
    assert main(["chat"]) == 0
    out = capsys.readouterr().out
    turns = out.split("> ")[1:]
    assert [t.splitlines()[0] for t in turns] == [STATE, "og hva med for kommuner?", "Hvordan baker jeg surdeigsbrød?"]
    assert "Kilder:" in turns[0] and "Kilder:" in turns[1]
    assert "(Ny samtale.)" in turns[1]
    assert CANNOT_ANSWER["nb"] in turns[2]
    assert "Dette leses aldri" not in out


def test_chat_reports_a_failed_turn_and_goes_on(corpus_hash_settings, monkeypatch, capsys):
    _cli_env(monkeypatch, corpus_hash_settings)
    monkeypatch.setattr(sys, "stdin", io.StringIO("x" * 5000 + f"\n{STATE}\n"))
    assert main(["chat"]) == 2
    captured = capsys.readouterr()
    assert "invalid query" in captured.err and "Kilder:" in captured.out


# --- routing ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("message", "route"), [
    ("Vi skal kjøpe 40 Dell Latitude 5550", "analyze"),
    ("Kravet er at maskinene skal være fra HP", "analyze"),
    ("Krav 3: Leverandøren skal levere Microsoft Teams-lisenser", "analyze"),
    ("Tilbudt utstyr skal være av typen Cisco Catalyst 9300 eller tilsvarende", "analyze"),
    ("Vi skal kjøpe nye skolepulter for 3 millioner, hvilken prosedyre?", "assess"),
    ("Kommunen skal anskaffe et fagsystem for 1,8 mill. kr", "assess"),
    ("Vi skal kjøpe et nytt fagsystem. Hvilken prosedyre bør vi bruke?", "assess"),
    ("We are going to buy cleaning services for 4 million NOK", "assess"),
    ("Hva er terskelverdien for kommuner?", None),
    ("Hvilke krav kan vi stille til leverandørens miljøledelse?", None),
    ("Hvilken prosedyre passer når løsningen ikke finnes?", None),
    ("Kan vi skrive «eller tilsvarende» etter et merkenavn?", None),
])
def test_messages_are_routed_to_the_right_tool(message, route):
    assert route_message(message) == route


def test_requirement_text_points_to_analyze_instead_of_a_refusal(corpus_hash_settings):
    index = open_index(corpus_hash_settings)
    answer = ask("Vi skal kjøpe 40 Dell Latitude 5550", index, corpus_hash_settings)
    assert answer.tool == "analyze" and answer.route == "refusal"
    assert answer.text == route_pointer("analyze") and "advisor " not in answer.text
    assert answer.text != CANNOT_ANSWER["nb"] and not answer.grounded
    summary = next(n for n in answer.notes if n.startswith("Kravsjekken:"))
    assert "1 av 1 krav er løsningsbundne" in summary and "«Latitude 5550»" in summary


def test_purchase_answered_by_the_rules_route_shows_what_was_read_without_pointing_to_itself(corpus_hash_settings):
    index = open_index(corpus_hash_settings)
    answer = ask("Vi skal kjøpe nye skolepulter for 3 millioner, hvilken prosedyre?", index, corpus_hash_settings)
    assert answer.tool == "assess" and answer.route == "rules"
    assert answer.text.startswith("Del I og III gjelder")
    # The answer is the assessment: no pointer to `advisor assess` and no one-line summary repeating it.
    assert route_pointer("assess") not in (answer.text, *answer.notes)
    assert not any(n.startswith("Foreløpig vurdering") for n in answer.notes)
    # «skolepulter» is read as goods, an inference the answer says it made; the stated value is not repeated.
    assert any(n.startswith("Vi har regnet med at") and "varer" in n and "3 mill" not in n for n in answer.notes)
    assert not any(n.startswith(("Tolket fra teksten", "Lest ut")) for n in answer.notes)


def test_routed_json_carries_the_route(corpus_hash_settings, monkeypatch, capsys):
    import json

    _cli_env(monkeypatch, corpus_hash_settings)
    assert main(["ask", "Kravet er at maskinene skal være fra HP", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["tool"] == "analyze" and out["route"] == "refusal" and out["answer"] == route_pointer("analyze")
