"""What the model is shown: the CANNOT_ANSWER sentence, the numbered sources block and the answer prompt."""

from __future__ import annotations

import re
from collections.abc import Sequence

from advisor.config import Settings
from advisor.corpus import AUTHORITY_LABEL_NB
from advisor.llm import Prompt, load_prompt, prompt_messages, render_history
from advisor.search import Hit

# The one "cannot answer" sentence per language. prompts/answer.md receives it as {cannot_answer}, and the
# tests and the evaluation compare against these constants.
CANNOT_ANSWER: dict[str, str] = {
    "nb": "Kildene mine sier ikke noe om dette.",
    "en": "My sources do not say anything about this.",
    "da": "Mine kilder siger ikke noget om dette.",
}
LANGUAGE_NAMES = {"nb": "norsk bokmål", "en": "engelsk", "da": "dansk"}
ANSWER_PROMPT_FIELDS = frozenset({"cannot_answer", "language", "sources", "question", "history", "verified"})
NO_VERIFIED = "(ingen)"


def is_cannot_answer(text: str) -> bool:
    """True when a text is (or opens with) one of the CANNOT_ANSWER sentences."""
    flat = _squash(text)
    return any(flat.startswith(_squash(s)) or _squash(s) in flat[:200] for s in CANNOT_ANSWER.values())


def _squash(text: str) -> str:
    return re.sub(r"[^\wæøå]+", " ", text.lower()).strip()


def answer_prompt(settings: Settings) -> Prompt:
    """prompts/answer.md, checked for its placeholders."""
    return load_prompt("answer", settings.prompts_dir, required=ANSWER_PROMPT_FIELDS)


def _attr(value: object) -> str:
    return str(value).replace("\\", "/").replace('"', "'").replace("<", "‹").replace(">", "›").replace("\n", " ")


def render_sources(hits: Sequence[Hit]) -> str:
    """The numbered sources block. Passage text cannot close or open a source tag: < and > become ‹ ›."""
    parts = ["<kilder>"]
    for n, hit in enumerate(hits, start=1):
        c = hit.chunk
        authority = AUTHORITY_LABEL_NB.get(c.authority, c.authority)
        parts.append(
            f'<kilde nr="{n}" dokument="{_attr(c.title)}" seksjon="{_attr(c.section or "-")}" '
            f'side="{c.page if c.page is not None else "-"}" autoritet="{_attr(authority)}" dato="{_attr(c.as_of or "-")}">'
        )
        parts.append(c.text.replace("<", "‹").replace(">", "›").strip())
        parts.append("</kilde>")
    parts.append("</kilder>")
    return "\n".join(parts)


def build_messages(question: str, hits: Sequence[Hit], settings: Settings, lang: str,
                   history: Sequence[tuple[str, str]] = (), verified: str = "") -> tuple[list[tuple[str, str]], str]:
    """(role, text) messages for the answer prompt and the prompt's version hash.

    `verified` lists checked facts (the rules engine's verdict, a curated answer card) whose [n] markers already point
    at the numbered sources; the prompt puts them ahead of the passages.
    """
    prompt = answer_prompt(settings)
    rendered = prompt.render(
        cannot_answer=CANNOT_ANSWER.get(lang, CANNOT_ANSWER["nb"]),
        language=LANGUAGE_NAMES.get(lang, LANGUAGE_NAMES["nb"]),
        sources=render_sources(hits),
        question=question.strip(),
        history=render_history(history),
        verified=verified.replace("<", "‹").replace(">", "›").strip() or NO_VERIFIED,
    )
    return prompt_messages(rendered), prompt.version

