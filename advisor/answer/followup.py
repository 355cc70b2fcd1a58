"""Follow-up questions made standalone: "og hva med for kommuner?" becomes a question that can be searched alone.

    standalone = condense("og hva med for kommuner?", history, settings, provider)

With an LLM, condense uses prompts/condense.md. Without one (extractive), a follow-up keeps the key words of
the previous questions: "og hva med for kommuner?" after "Hva er terskelverdien for statlige oppdragsgivere?"
becomes "og hva med for kommuner? terskelverdien statlige oppdragsgivere".
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from advisor.config import AnswerSettings, Settings
from advisor.llm import EXTRACTIVE, check_provider, complete, load_prompt, prompt_messages, render_history
from advisor.text import detect_language, query_terms, zipf

log = logging.getLogger(__name__)

CONDENSE_FIELDS = frozenset({"history", "question"})

_FOLLOW_UP_START = re.compile(
    r"^\s*(og|men|enn|hva med|hva om|hvordan med|gjelder (det|dette|den|samme)|samme|også|da|"
    r"and|but|what about|how about|what if|does (it|this|that)|is (it|this|that)|og hvad med|hvad med)\b",
    re.IGNORECASE,
)
_ANAPHORA = re.compile(
    r"\b(dette|disse|denne|dem|den ordningen|den prosedyren|det beløpet|der|slike|samme|it|this|that|these|those|"
    r"they|them|there|det samme|etterpå|deretter|afterwards)\b",
    re.IGNORECASE,
)


def is_follow_up(question: str, lang: str | None = None) -> bool:
    """True for a message that leans on what was said before ("og for kommuner?", "what about it?")."""
    lang = lang or detect_language(question)
    if _FOLLOW_UP_START.match(question):
        return True
    terms = query_terms(question, lang)
    if _ANAPHORA.search(question) and len(terms) <= 4:
        return True
    # Two content words or fewer, none of them specific (Zipf >= 3.5 in ordinary text): "Hva med kommuner?".
    return len(terms) <= 2 and all(zipf(t.word) >= 3.5 or t.word.isdigit() for t in terms)


def carry_terms(question: str, history: Sequence[tuple[str, str]], lang: str | None = None,
                tuning: AnswerSettings | None = None) -> str:
    """The question plus the key words of the last user turns (settings.answer.carried_turns) it does not contain."""
    tuning = tuning or AnswerSettings()
    lang = lang or detect_language(question)
    own = {t.word for t in query_terms(question, lang)}
    carried: list[str] = []
    for previous, _ in reversed(list(history)[-tuning.carried_turns:]):
        for term in query_terms(previous, detect_language(previous)):
            if term.word not in own and term.word not in carried:
                carried.append(term.word)
    carried = carried[: tuning.max_carried_words]
    return f"{question.strip()} {' '.join(carried)}".strip() if carried else question.strip()


def condense(question: str, history: Sequence[tuple[str, str]], settings: Settings, provider: str | None = None,
             lang: str | None = None) -> str:
    """The question as a standalone search query, given the conversation so far.

    `provider` is a checked provider name (default settings.llm.provider); `lang` the question's language
    when the caller knows it already.
    """
    question = question.strip()
    if not history:
        return question
    chosen = provider or check_provider(None, settings)
    lang = lang or detect_language(question)
    if chosen == EXTRACTIVE:
        return carry_terms(question, history, lang, settings.answer) if is_follow_up(question, lang) else question
    prompt = load_prompt("condense", settings.prompts_dir, required=CONDENSE_FIELDS)
    messages = prompt_messages(prompt.render(history=render_history(history), question=question))
    reply = complete(messages, settings, chosen)
    return clean_condensed(reply, question, history, settings.answer)


def clean_condensed(reply: str, question: str, history: Sequence[tuple[str, str]],
                    tuning: AnswerSettings | None = None) -> str:
    """The model's standalone question, or the keyword fallback when the reply is empty or rambles."""
    lines = [ln.strip() for ln in reply.strip().splitlines() if ln.strip()]
    text = lines[0] if lines else ""
    text = re.sub(r"^(selvstendig spørsmål|spørsmål|standalone question|question)\s*:\s*", "", text, flags=re.I)
    text = text.strip().strip("\"'«»“”").strip()
    if not text or len(text) > 3 * len(question) + 200:
        log.warning("condensed question unusable (%r); using the previous key words instead", reply[:120])
        return carry_terms(question, history, tuning=tuning)
    return text
