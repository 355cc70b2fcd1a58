"""Spør kildene: cited answers from advisor.answer.ask, streamed when an LLM answers, with feedback and export."""

from __future__ import annotations

import queue
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any

import streamlit as st

from advisor.access import role_enabled
from advisor.chat import ask
from advisor.errors import AdvisorError
from advisor.feedback import open_feedback
from advisor.llm import EXTRACTIVE, defuse
from advisor.ui import handoff
from advisor.ui.admin import is_admin
from advisor.ui.cards import citation_meta, md_escape, source_card
from advisor.ui.context import PageContext
from advisor.ui.sidebar import provider_mode

HISTORY_KEY = "chat_turns"
CONVERSATION_KEY = "chat_id"
PENDING_KEY = "chat_pending"
EXAMPLES = ("chat_example_1", "chat_example_2", "chat_example_3")
# ask() points requirement texts and planned purchases to the tool that handles them (advisor.chat).
ROUTE_PAGES = {"analyze": "behov", "assess": "vurdering"}


def _turns() -> list[dict[str, Any]]:
    if HISTORY_KEY not in st.session_state:
        st.session_state[HISTORY_KEY] = []
        st.session_state[CONVERSATION_KEY] = uuid.uuid4().hex[:8]
    return st.session_state[HISTORY_KEY]


def _new_conversation() -> None:
    st.session_state[HISTORY_KEY] = []
    st.session_state[CONVERSATION_KEY] = uuid.uuid4().hex[:8]


def _ask_example(text: str) -> None:
    st.session_state[PENDING_KEY] = text


def history_for(turns: list[dict[str, Any]]) -> tuple[tuple[str, str], ...]:
    """The earlier turns in the form ask() takes as history: (question, answer text) pairs, oldest first."""
    return tuple((turn["question"], turn["answer"].text) for turn in turns)


def _open_tool(route: str, text: str) -> None:
    """Send a routed message to its page: the requirement text or the purchase description is filled in there."""
    if route == "analyze":
        handoff.send_to("behov", text)
    elif route == "assess":
        handoff.send_to("vurdering", text)


def render(ctx: PageContext) -> None:
    """The conversation, the input box, and the export/feedback tools under it."""
    st.title(ctx.t("chat_title"))
    st.caption(ctx.t("chat_intro"))
    mode = provider_mode(ctx.settings)
    if mode == EXTRACTIVE:
        st.caption(ctx.t("chat_extractive_note"))
    turns = _turns()
    for i, turn in enumerate(turns):
        _show_turn(ctx, i, turn, is_last=i == len(turns) - 1)

    question = st.chat_input(ctx.t("chat_placeholder"), max_chars=ctx.settings.answer.max_question_chars)
    question = question or st.session_state.pop(PENDING_KEY, None)
    if not turns and not question:
        _examples(ctx)
    if question and question.strip():
        _answer_new(ctx, question.strip(), turns, mode)
    if turns:
        _tools(ctx, turns, mode)
    _feedback_export(ctx)


def _examples(ctx: PageContext) -> None:
    st.markdown(f"**{ctx.t('chat_examples')}**")
    for key in EXAMPLES:
        text = ctx.t(key)
        st.button(text, key=f"chat_ex_{key}", on_click=_ask_example, args=(text,), type="secondary",
                  icon=":material/chat_bubble:")


def _answer_new(ctx: PageContext, question: str, turns: list[dict[str, Any]], mode: str) -> None:
    with st.chat_message("user"):
        st.markdown(md_escape(question))
    with st.chat_message("assistant"):
        try:
            answer = _run_ask(ctx, question, turns, mode)
        except AdvisorError as exc:
            st.error(ctx.t("chat_failed", error=str(exc)), icon=":material/error:")
            return
        turn = {"question": question, "answer": answer, "feedback_id": None, "rating": None}
        turns.append(turn)
        _show_answer(ctx, len(turns) - 1, turn, is_last=True)


def _run_ask(ctx: PageContext, question: str, turns: list[dict[str, Any]], mode: str) -> Any:
    """Call ask(); with an LLM the tokens are streamed into the message as they arrive (st.write_stream)."""
    index = ctx.index()
    history = history_for(turns)
    if mode == EXTRACTIVE:
        # Extractive answers are complete at once: nothing to stream.
        with st.spinner(ctx.t("chat_thinking")):
            return ask(question, index, ctx.settings, history=history)
    tokens: queue.Queue = queue.Queue()
    finished = object()
    placeholder = st.empty()
    with ThreadPoolExecutor(max_workers=1) as pool:
        # The worker only runs library code (no st.* calls); tokens cross over through the queue.
        future = pool.submit(ask, question, index, ctx.settings, history=history, on_token=tokens.put)
        future.add_done_callback(lambda _: tokens.put(finished))

        def stream():
            while (token := tokens.get()) is not finished:
                yield token

        with placeholder.container():
            st.write_stream(stream())
        answer = future.result()  # re-raises the worker's AdvisorError here, in the script thread
    placeholder.empty()  # the checked final text (citation markers validated) replaces the raw stream
    return answer


def _show_turn(ctx: PageContext, i: int, turn: dict[str, Any], is_last: bool) -> None:
    with st.chat_message("user"):
        st.markdown(md_escape(turn["question"]))
    with st.chat_message("assistant"):
        _show_answer(ctx, i, turn, is_last)


def _provider_text(ctx: PageContext, answer: Any) -> str:
    if answer.provider == EXTRACTIVE:
        return ctx.t("chat_provider_extractive")
    return f"{answer.provider} · {answer.model}" if answer.model else answer.provider


def _show_answer(ctx: PageContext, i: int, turn: dict[str, Any], is_last: bool) -> None:
    answer = turn["answer"]
    if not answer.grounded:
        st.warning(ctx.t("chat_not_grounded"), icon=":material/help:")
    st.markdown(defuse(answer.text))  # extractive text quotes documents: their images and links are never rendered
    if answer.citations:
        label = ctx.t("chat_sources" if answer.grounded else "chat_nearest", n=len(answer.citations))
        with st.expander(label, expanded=is_last, icon=":material/menu_book:"):
            for citation in answer.citations:
                source_card(citation, ctx.lang)
    else:
        st.caption(ctx.t("chat_no_sources"))
    for note in answer.notes:
        st.caption(f":material/info: {note}")
    if answer.tool in ROUTE_PAGES:
        page = ROUTE_PAGES[answer.tool]
        st.button(ctx.t("chat_open_tool", page=ctx.t(f"page_{page}")), key=f"chat_route_{st.session_state[CONVERSATION_KEY]}_{i}",
                  on_click=_open_tool, args=(answer.tool, turn["question"]), icon=":material/arrow_forward:")
    st.caption(answer_details(ctx, answer))
    _feedback(ctx, i, turn)


def answer_details(ctx: PageContext, answer: Any) -> str:
    """Who answered, discreetly: "Uten språkmodell (ekstraktivt) · versjon extractive-1" or provider · model · prompt."""
    if answer.provider == EXTRACTIVE:
        details = [ctx.t("chat_by_extractive")]
    else:
        details = [ctx.t("chat_answered_by", provider=_provider_text(ctx, answer))]
    if answer.prompt_version:
        details.append(ctx.t("chat_prompt_version", version=answer.prompt_version))
    return " · ".join(details)


def _feedback(ctx: PageContext, i: int, turn: dict[str, Any]) -> None:
    """Thumbs up/down, stored at once; then an optional comment on the same stored row."""
    key = f"chat_fb_{st.session_state[CONVERSATION_KEY]}_{i}"
    choice = st.feedback("thumbs", key=key)
    if choice is None:
        return
    rating = "up" if choice == 1 else "down"
    store = open_feedback(ctx.settings)
    answer = turn["answer"]
    if turn.get("feedback_id") is None:
        turn["feedback_id"] = store.add(
            rating, turn["question"], answer.text, citations=[c.chunk_id for c in answer.citations],
            grounded=answer.grounded, provider=answer.provider, model=answer.model or "",
            prompt_version=answer.prompt_version or "", language=ctx.lang, page="chat",
        )
        turn["rating"] = rating
    elif turn.get("rating") != rating:
        store.update(turn["feedback_id"], rating=rating)
        turn["rating"] = rating
    if turn.get("comment_saved"):
        st.caption(ctx.t("chat_feedback_saved"))
        return
    with st.form(f"{key}_comment", border=False, clear_on_submit=True):
        comment = st.text_input(ctx.t("chat_feedback_comment"), placeholder=ctx.t("chat_feedback_comment_placeholder"),
                                max_chars=2000, key=f"{key}_text")
        if st.form_submit_button(ctx.t("chat_feedback_save")) and comment.strip():
            store.update(turn["feedback_id"], comment=comment)
            turn["comment_saved"] = True
            st.caption(ctx.t("chat_feedback_saved"))
            return
    st.caption(ctx.t("chat_feedback_thanks"))


def conversation_markdown(ctx: PageContext, turns: list[dict[str, Any]], mode: str) -> str:
    """The conversation as Markdown: each question, its answer and its sources with section, page and date."""
    when = datetime.now().strftime("%Y-%m-%d %H:%M")
    mode_text = ctx.t("chat_provider_extractive") if mode == EXTRACTIVE else mode
    lines = [f"# {ctx.t('chat_md_title')}", "", ctx.t("chat_md_meta", date=when, mode=mode_text), ""]
    for n, turn in enumerate(turns, start=1):
        answer = turn["answer"]
        lines += [f"## {ctx.t('chat_md_question', n=n)}", "", turn["question"], "", f"### {ctx.t('chat_md_answer')}", ""]
        if not answer.grounded:
            lines += [f"> {ctx.t('chat_md_not_grounded')}", ""]
        lines += [defuse(answer.text), ""]
        if answer.citations:
            lines += [f"**{ctx.t('sources')}**", ""]
            for c in answer.citations:
                excerpt = defuse(" ".join(c.text.split()))
                excerpt = excerpt if len(excerpt) <= 300 else excerpt[:297].rsplit(" ", 1)[0] + " …"
                lines.append(f"- [{c.n}] **{c.title}** – {citation_meta(c, ctx.lang)} (`{c.doc_id}`): «{excerpt}»")
            lines.append("")
        lines += [f"_{answer_details(ctx, answer)}_", ""]
    lines += ["---", "", ctx.t("chat_md_disclaimer"), ""]
    return "\n".join(lines)


def _tools(ctx: PageContext, turns: list[dict[str, Any]], mode: str) -> None:
    with st.container(horizontal=True):
        st.download_button(
            ctx.t("chat_export"), conversation_markdown(ctx, turns, mode),
            file_name=f"samtale-{datetime.now().strftime('%Y%m%d-%H%M')}.md", mime="text/markdown",
            icon=":material/download:", key="chat_export",
        )
        st.button(ctx.t("chat_new"), on_click=_new_conversation, icon=":material/add_comment:", key="chat_new")


def _feedback_export(ctx: PageContext) -> None:
    """Counts and CSV/JSONL export of the stored feedback; behind the admin login when an admin password is set."""
    store = open_feedback(ctx.settings)
    counts = store.counts()
    if not sum(counts.values()) and not st.session_state.get(HISTORY_KEY):
        return  # nothing to export yet: keep the empty chat page calm
    with st.expander(ctx.t("chat_feedback_admin"), icon=":material/rate_review:"):
        st.caption(ctx.t("chat_feedback_counts", up=counts["up"], down=counts["down"], path=store.where))
        if role_enabled(ctx.settings, "admin") and not is_admin(ctx.settings):
            st.info(ctx.t("chat_feedback_login"))
            return
        cols = st.columns(2)
        cols[0].download_button(ctx.t("chat_feedback_csv"), store.export("csv").encode("utf-8-sig"),
                                file_name="tilbakemeldinger.csv", mime="text/csv", key="chat_fb_csv")
        cols[1].download_button(ctx.t("chat_feedback_jsonl"), store.export("jsonl").encode("utf-8"),
                                file_name="tilbakemeldinger.jsonl", mime="application/jsonl", key="chat_fb_jsonl")
