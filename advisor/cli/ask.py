"""`advisor ask QUESTION [--json] [--provider P] [-k N]` and `advisor chat`: cited answers from the sources.

Without --json the answer is printed (streamed token by token when an LLM answers), then any notes, then the
numbered sources: title › section, page, and a short excerpt. `advisor chat` reads one message per line from
stdin (a terminal or a pipe) and keeps the conversation as history; /ny starts over, /exit ends.
"""

from __future__ import annotations

import argparse
import sys
import textwrap

from advisor.cli.common import positive_int

EXIT_COMMANDS = {"/exit", "/quit", "/avslutt", "/slutt"}
RESET_COMMANDS = {"/ny", "/new", "/reset"}
EXCERPT_CHARS = 240


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "ask",
        help="answer a question from the sources, with numbered citations",
        description="Answer a question only from the indexed sources, with numbered citations, or say that the "
        "sources do not cover it. Builds the index first if there is none. Uses ADVISOR_LLM_PROVIDER "
        "(default extractive: no LLM).",
    )
    p.add_argument("question", metavar="QUESTION", help="the question ('-' reads it from stdin)")
    _common(p)
    p.add_argument("--json", action="store_true",
                   help="print the answer, its citations and its route (rules | card | passage | llm | refusal) as JSON")
    p.set_defaults(func=run)

    c = sub.add_parser(
        "chat",
        help="ask questions in a conversation (reads lines from stdin)",
        description="A conversation: each line on stdin is a message; follow-up questions use the earlier ones. "
        "Type /ny to start a new conversation and /exit (or end of input) to stop.",
    )
    _common(c)
    c.set_defaults(func=run_chat)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--provider", metavar="P", default=None,
                   help="extractive | openai | azure | ollama (default ADVISOR_LLM_PROVIDER)")
    p.add_argument("-k", type=positive_int, default=None, metavar="N", help="passages to answer from (default ADVISOR_RETRIEVAL_TOP_K)")


def run(args: argparse.Namespace, settings) -> int:
    from advisor.chat import ask
    from advisor.cli.common import print_json, read_text_arg
    from advisor.llm import EXTRACTIVE, check_provider
    from advisor.search import check_query, ensure_index

    question = check_query(read_text_arg(args.question, None, "question"), settings)
    provider = check_provider(args.provider, settings)  # bad input fails before any index work
    index = ensure_index(settings, progress=sys.stderr.isatty())
    if args.json:
        print_json(ask(question, index, settings, provider=provider, top_k=args.k).to_dict())
        return 0
    stream = _Stream() if provider != EXTRACTIVE else None
    answer = ask(question, index, settings, provider=provider, top_k=args.k, on_token=stream)
    print_answer(answer, stream)
    return 0


class _Stream:
    """Prints tokens as they arrive and remembers what was shown."""

    def __init__(self) -> None:
        self.shown: list[str] = []

    def __call__(self, token: str) -> None:
        self.shown.append(token)
        sys.stdout.write(token)
        sys.stdout.flush()

    @property
    def text(self) -> str:
        return "".join(self.shown)


def print_answer(answer, stream: _Stream | None = None) -> None:
    """The answer text (unless already streamed), notes, and the numbered sources with excerpts."""
    en = answer.language == "en"
    if stream is not None and stream.shown:
        sys.stdout.write("\n")
        if stream.text.strip() != answer.text.strip():
            # The streamed reply was replaced (no valid citations, or the message belongs to another tool).
            print(answer.text)
    else:
        print(answer.text)
    for note in answer.notes:
        print(("Note: " if en else "Merk: ") + note)
    if answer.citations:
        if answer.grounded:
            print("\nSources:" if en else "\nKilder:")
        else:
            print("\nNearest sources:" if en else "\nNærmeste kilder:")
    for c in answer.citations:
        section = c.section.split(" > ")[-1]  # the full path is in --json; the last heading reads best here
        where = " › ".join(x for x in (c.title, section) if x)
        page = (f", p. {c.page}" if en else f", s. {c.page}") if c.page else ""
        print(f"[{c.n}] {where}{page}")
        excerpt = textwrap.shorten(_excerpt(c, answer.text), EXCERPT_CHARS, placeholder=" …")
        print(textwrap.indent(textwrap.fill(excerpt, 100), "    "))


def _excerpt(citation, answer_text: str) -> str:
    """The passage from the first sentence the answer quotes from it (else from its start), without Markdown."""
    import re

    passage = " ".join(citation.text.replace("**", "").split())
    flat = passage.replace("*", "")
    for sentence in re.split(r"(?<=\])[.!?]?\s+", answer_text):
        if f"[{citation.n}]" not in sentence:
            continue
        probe = " ".join(re.sub(r"\s*\[\d+\]", "", sentence).split())[:40]
        at = flat.find(probe) if len(probe) >= 20 else -1
        if at > 0:
            return "… " + flat[at:]
    return flat


def run_chat(args: argparse.Namespace, settings) -> int:
    from advisor.chat import Chat, ask
    from advisor.cli.common import terminal_line
    from advisor.errors import AdvisorError, InvalidInput
    from advisor.llm import EXTRACTIVE, check_provider
    from advisor.search import ensure_index

    provider = check_provider(args.provider, settings)
    index = ensure_index(settings, progress=sys.stderr.isatty())
    interactive = sys.stdin.isatty()
    chat = Chat()
    failed = False
    if interactive:
        print("Spør om offentlige anskaffelser. /ny starter en ny samtale, /exit avslutter.", file=sys.stderr)
    while True:
        if interactive:
            print("> ", end="", file=sys.stderr, flush=True)
        line = sys.stdin.readline()
        if not line:
            break
        message = line.strip()
        if not message:
            continue
        if message.lower() in EXIT_COMMANDS:
            break
        if message.lower() in RESET_COMMANDS:
            chat.reset()
            print("(Ny samtale.)")
            continue
        if not interactive:
            print(f"> {message}")
        stream = _Stream() if provider != EXTRACTIVE else None
        try:
            answer = ask(message, index, settings, provider=provider, history=chat.history, top_k=args.k,
                         on_token=stream)
        except InvalidInput as exc:
            print(f"advisor: error: {terminal_line(str(exc))}", file=sys.stderr)
            failed = True
            continue
        except AdvisorError as exc:
            # A provider failure ends this turn, not the conversation.
            if stream is not None and stream.shown:
                sys.stdout.write("\n")
            print(f"advisor: error: {terminal_line(str(exc))}", file=sys.stderr)  # one line, like main()
            failed = True
            continue
        print_answer(answer, stream)
        print()
        chat.add(message, answer.text)
    return 2 if failed else 0
