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

from advisor.answer.engine import Answer, answer_question
from advisor.config import AnswerSettings, Settings
from advisor.corpus import Chunk
from advisor.llm import EXTRACTIVE, check_provider, complete, load_prompt, prompt_messages, render_history
from advisor.search import Hit, Index, Query
from advisor.text import coverage, detect_language, query_terms, text_terms, zipf

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


# --- parts of one message that ask on about the case an earlier part was answered from -------------------------

# A part that points back to the case or scene of an earlier part: a pronoun for its people or things, or the
# definite «the tenders» / «tilbudene» of that case.
_BACK_TO_CASE = re.compile(r"\b(?:they|them|their|it|its|those|de|dei|dem|deira|deres|den|disse|desse|"
                           r"the (?:tenders|bids|suppliers|participants|contracts|phases|project)|"
                           r"tilbudene|tilboda|deltakerne|deltakarane|fasene|prosjektet)\b", re.IGNORECASE)
# A part that does not point back is on the case when the case's passages hold this share of its terms.
CASE_COVERAGE = 0.5


def case_chunks(part: str, answer: Answer, index: Index, lang: str) -> list[Chunk]:
    """The passages about the named case an earlier part asked about and was answered from («Var hurtigbåtprosjektet
    i Trøndelag et innovasjonspartnerskap?» answered from «… › Trøndelag: forkommersiell anskaffelse …»): every
    section whose heading holds the names of that part that the passage cited first holds too; [] when the part names
    no case or the answer cites none."""
    if not answer.grounded or not answer.citations or answer.route == "rules":
        return []
    # a place or a body named as written («Trøndelag»), not an act or a regulation by its letters («FOA», «LOA»)
    names = [t for t in query_terms(part, lang) if t.is_name
             and not any(w.isupper() for w in re.findall(rf"\b{re.escape(t.word)}\b", part, re.IGNORECASE))]
    first = answer.citations[0]
    cited = text_terms(f"{first.section or ''} {first.text or ''}")
    shared = [t for t in names if t.match(cited) >= 1.0]
    if not shared:
        return []
    return [c for c in index.chunks if all(t.match(text_terms(c.section or "")) >= 1.0 for t in shared)]


def on_the_case(part: str, chunks: Sequence[Chunk], lang: str) -> bool:
    """True for a part that asks on about the case of `chunks`: it names no case of its own and points back to the
    earlier one («how were they paid?»), or the case's passages hold most of its words («Hvor mange leverandører
    kunne delta?»)."""
    if not chunks:
        return False
    terms = query_terms(part, lang)
    if not terms or any(t.is_name for t in terms):
        return False
    if _BACK_TO_CASE.search(part):
        return True
    held = frozenset().union(*(text_terms(c.search_text()) for c in chunks))
    return coverage(terms, held) >= CASE_COVERAGE


def case_part_answer(part: str, earlier: Sequence[tuple[str, Answer]], index: Index, settings: Settings,
                     provider: str, lang: str) -> tuple[bool, Answer | None]:
    """For a later part of a compound message that asks on about the named case an earlier part was answered from:
    (True, the answer from that case's passages), or (True, None) when they hold nothing more for it (the earlier
    answer said what they hold); (False, None) for a part on a subject of its own, which is answered as usual. A
    generic card or passage on another subject never answers such a part («How many suppliers could take part?»
    after a question on one county's project is not about market dialogue)."""
    for question, answer in earlier:
        chunks = case_chunks(question, answer, index, lang)
        if not on_the_case(part, chunks, lang):
            continue
        hits = [Hit(rank=n, score=0.0, chunk=c) for n, c in enumerate(chunks, start=1)]
        found = answer_question(Query.build(part, lang), hits, settings, provider, index=index, gate=False)
        found.question = part
        if not found.grounded:
            return True, None
        found.route = found.route or "passage"
        return True, found
    return False, None
