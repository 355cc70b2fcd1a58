"""Conversation: follow-up questions made standalone, chat history, and messages that belong to another tool.

    standalone = condense("og hva med for kommuner?", history, settings, provider)
    route      = route_message("Vi skal kjøpe 40 Dell Latitude 5550")   # "analyze" | "assess" | None

A routed message gets a pointer to `advisor analyze` / `advisor assess` and a short result from
advisor.requirements.analyze_text or advisor.assessment.assess (with assessment_text.extract_case).

With an LLM, condense uses prompts/condense.md. Without one (extractive), a follow-up keeps the key words of
the previous questions: "og hva med for kommuner?" after "Hva er terskelverdien for statlige oppdragsgivere?"
becomes "og hva med for kommuner? terskelverdien statlige oppdragsgivere".
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from advisor.config import Settings
from advisor.errors import AdvisorError
from advisor.extractive import query_terms
from advisor.language import detect_language
from advisor.llm import EXTRACTIVE, check_provider, complete
from advisor.prompts import load_prompt
from advisor.repair import zipf

if TYPE_CHECKING:
    from advisor.answer import Answer

log = logging.getLogger(__name__)

ROUTES = ("analyze", "assess")
CONDENSE_FIELDS = frozenset({"history", "question"})
MAX_CARRIED_WORDS = 6

# --- follow-ups ----------------------------------------------------------------------------------------

_FOLLOW_UP_START = re.compile(
    r"^\s*(og|men|enn|hva med|hva om|hvordan med|gjelder (det|dette|den|samme)|samme|også|da|"
    r"and|but|what about|how about|what if|does (it|this|that)|is (it|this|that)|og hvad med|hvad med)\b",
    re.IGNORECASE,
)
_ANAPHORA = re.compile(
    r"\b(dette|disse|denne|dem|den ordningen|den prosedyren|det beløpet|der|slike|samme|it|this|that|these|those|"
    r"they|them|there|det samme)\b",
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


def carry_terms(question: str, history: Sequence[tuple[str, str]]) -> str:
    """The question plus the key words of the last two user turns that it does not already contain."""
    lang = detect_language(question)
    own = {t.word for t in query_terms(question, lang)}
    carried: list[str] = []
    for previous, _ in reversed(list(history)[-2:]):
        for term in query_terms(previous, detect_language(previous)):
            if term.word not in own and term.word not in carried:
                carried.append(term.word)
    carried = carried[:MAX_CARRIED_WORDS]
    return f"{question.strip()} {' '.join(carried)}".strip() if carried else question.strip()


def condense(question: str, history: Sequence[tuple[str, str]], settings: Settings, provider: str | None = None) -> str:
    """The question as a standalone search query, given the conversation so far."""
    question = question.strip()
    if not history:
        return question
    chosen = check_provider(provider, settings)
    if chosen == EXTRACTIVE:
        return carry_terms(question, history) if is_follow_up(question) else question
    prompt = load_prompt("condense", settings.prompts_dir, required=CONDENSE_FIELDS)
    messages = prompt_messages(prompt.render(history=render_history(history), question=question))
    reply = complete(messages, settings, chosen)
    return clean_condensed(reply, question, history)


def clean_condensed(reply: str, question: str, history: Sequence[tuple[str, str]]) -> str:
    """The model's standalone question, or the keyword fallback when the reply is empty or rambles."""
    lines = [ln.strip() for ln in reply.strip().splitlines() if ln.strip()]
    text = lines[0] if lines else ""
    text = re.sub(r"^(selvstendig spørsmål|spørsmål|standalone question|question)\s*:\s*", "", text, flags=re.I)
    text = text.strip().strip("\"'«»“”").strip()
    if not text or len(text) > 3 * len(question) + 200:
        log.warning("condensed question unusable (%r); using the previous key words instead", reply[:120])
        return carry_terms(question, history)
    return text


# --- chat history ----------------------------------------------------------------------------------------

USER_PART = "<!-- user -->"
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_MARKERS = re.compile(r"\s*\[\d+(?:\s*[,;–-]\s*\d+)*\]")


def prompt_messages(rendered: str) -> list[tuple[str, str]]:
    """A rendered prompt file as (system, user) messages: the text before and after its `<!-- user -->` line."""
    system, found, user = rendered.partition(USER_PART)
    if not found:
        raise AdvisorError(f"prompt has no {USER_PART} line separating the system and the user message")
    return [("system", _COMMENT.sub("", system).strip()), ("user", _COMMENT.sub("", user).strip())]


def render_history(history: Sequence[tuple[str, str]], turns: int = 3) -> str:
    """The last few turns for a prompt's {history}; answers without their citation markers."""
    if not history:
        return "(ingen)"
    lines = []
    for question, answer in list(history)[-turns:]:
        lines.append(f"Bruker: {question.strip()[:500]}")
        lines.append(f"Assistent: {_MARKERS.sub('', answer).strip()[:500]}")
    return "\n".join(lines)



@dataclass
class Chat:
    """The turns of one conversation: (question, answer text), newest last, capped at max_turns."""

    max_turns: int = 6
    turns: list[tuple[str, str]] = field(default_factory=list)

    def add(self, question: str, answer_text: str) -> None:
        """Remember one turn."""
        self.turns.append((question, answer_text))
        del self.turns[: -self.max_turns]

    def reset(self) -> None:
        """Start a new conversation."""
        self.turns.clear()

    @property
    def history(self) -> tuple[tuple[str, str], ...]:
        """The turns as the history argument of ask()."""
        return tuple(self.turns)


# --- routing ---------------------------------------------------------------------------------------------

_PURCHASE = re.compile(
    r"\b(vi|jeg|kommunen|etaten|sykehuset|direktoratet|virksomheten|fylkeskommunen)\s+"
    r"(skal|vil|må|planlegger å|ønsker å|trenger å|har tenkt å)\s+(kjøpe|anskaffe|handle|leie|inngå|skaffe|kjøpe inn)\b"
    r"|\bwe\s+(will|are going to|plan to|want to|need to|must)\s+(buy|procure|purchase)\b",
    re.IGNORECASE,
)
_AMOUNT = re.compile(
    r"(\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?)\s*(millioner|million|mill\.?|mnok|mrd\.?|milliarder|tusen|k?kr\b|kroner|nok\b)",
    re.IGNORECASE,
)
_PROCEDURE_QUESTION = re.compile(
    r"hvilken (anskaffelses)?prosedyre|hvilke(n)? (del|regler|terskel)|må vi (kunngjøre|lyse ut|ha konkurranse)|"
    r"kan vi kjøpe direkte|hvordan (skal|bør) vi gjennomføre|hvilket regelverk|which procedure|do we need to tender",
    re.IGNORECASE,
)
_REQUIREMENT = re.compile(
    r"^\s*(kravet er|kravene er|krav\s*\d*\s*[:.]|vi krever|det kreves at|leverandøren skal|løsningen skal|"
    r"produktet skal|utstyret skal|tilbudt (produkt|utstyr|løsning) skal|the requirement is|requirement\s*\d*\s*:)",
    re.IGNORECASE | re.MULTILINE,
)
# Wording that marks requirement text when the message states it rather than asks about it.
_REQUIREMENT_WORDING = re.compile(r"\bskal være av (typen|merket|fabrikat)|\beller tilsvarende\b", re.IGNORECASE)
_QUESTION_START = re.compile(
    r"^\s*(hva|hvem|hvor|hvordan|hvorfor|hvilke[nt]?|når|kan|må|skal|bør|er|har|gjelder|finnes|what|how|why|"
    r"which|when|can|must|should|is|are|do|does)\b", re.IGNORECASE)
# A product named by make and model: "Dell Latitude 5550", "HP EliteBook 840 G10", "iPhone 15".
_MAKE_MODEL = re.compile(r"\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+[A-Z]?\d{2,5}\b|\b[a-z]+[A-Z]\w*\s+\d{1,4}\b")


def route_message(text: str) -> str | None:
    """'analyze' for a requirement text to check or rewrite, 'assess' for a purchase to assess, else None."""
    asks = text.rstrip().endswith("?") or bool(_QUESTION_START.match(text))
    if _REQUIREMENT.search(text) or (not asks and _REQUIREMENT_WORDING.search(text)):
        return "analyze"
    purchase = bool(_PURCHASE.search(text))
    amount = bool(_AMOUNT.search(text))
    procedure = bool(_PROCEDURE_QUESTION.search(text))
    if purchase and (amount or procedure):
        return "assess"
    if purchase and _MAKE_MODEL.search(text):
        return "analyze"
    if procedure and amount:
        return "assess"
    return None


_POINTERS = {
    ("analyze", "nb"): "Dette ser ut som en kravtekst. Bruk `advisor analyze` (eller kravanalysen i appen) for å "
                       "finne merkenavn og løsningsbundne krav, og `advisor rewrite` for forslag til behovs- og "
                       "funksjonskrav.",
    ("analyze", "en"): "This looks like a requirement text. Use `advisor analyze` (or the requirement check in the "
                       "app) to find brand names and solution-bound wording, and `advisor rewrite` for need- and "
                       "function-based alternatives.",
    ("assess", "nb"): "Dette ser ut som en planlagt anskaffelse. Bruk `advisor assess` (eller vurderingen av "
                      "anskaffelser i appen) for del av forskriften, terskelverdi, prosedyre og neste steg, med kilder.",
    ("assess", "en"): "This looks like a planned purchase. Use `advisor assess` (or the purchase assessment in the "
                      "app) for the part of the regulation, threshold, procedure and next steps, with sources.",
}


def route_pointer(route: str, lang: str = "nb") -> str:
    """The sentence that sends the user to the right command or app page."""
    return _POINTERS[(route, "en" if lang == "en" else "nb")]


def _has_module(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def route_summary(route: str, text: str, settings: Settings) -> list[str]:
    """A short result from the tool the message belongs to, when that module is installed; else []."""
    if route == "assess" and _has_module("advisor.assessment") and _has_module("advisor.assessment_text"):
        assessment = importlib.import_module("advisor.assessment")
        extraction = importlib.import_module("advisor.assessment_text").extract_case(text)
        try:
            result = assessment.assess(extraction.values, settings, interpretation=extraction.notes)
        except AdvisorError as exc:
            log.warning("assessment of the message failed: %s", exc)
            return []
        read = [note for _, note in extraction.notes][:3]
        lines = [f"Foreløpig vurdering fra `advisor assess`: {result.part_label.rstrip('.')}; aktuell prosedyre: "
                 f"{result.procedure_label.rstrip('.')}."]
        lines.extend(read)
        if result.provisional:
            lines.append("Vurderingen er foreløpig fordi opplysninger mangler; kjør `advisor assess` og svar på "
                         "spørsmålene for en fullstendig vurdering med kilder.")
        return lines
    if route == "analyze" and _has_module("advisor.requirements"):
        requirements = importlib.import_module("advisor.requirements")
        labels = getattr(importlib.import_module("advisor.requirements_lexicon"), "CATEGORY_LABELS", {})
        try:
            analyses = requirements.analyze_text(text, settings)
        except AdvisorError as exc:
            log.warning("requirement check of the message failed: %s", exc)
            return []
        flagged = [a for a in analyses if a.solution_specific]
        if not flagged:
            return ["Kravsjekken (`advisor analyze`) fant ingen løsningsbundne formuleringer i meldingen."]
        findings = [f for a in flagged for f in a.findings]
        shown = "; ".join(f"«{f.text}» ({labels.get(f.category, f.category).lower()})" for f in findings[:4])
        return [f"Kravsjekken (`advisor analyze`): {len(flagged)} av {len(analyses)} krav er løsningsbundne. "
                f"Funn: {shown}."]
    return []


def apply_route(answer: Answer, route: str, message: str, settings: Settings) -> None:
    """Mark a routed answer: the pointer leads the notes, or replaces a 'cannot answer' text."""
    answer.route = route
    pointer = route_pointer(route, answer.language)
    summary = route_summary(route, message, settings)
    if answer.grounded:
        answer.notes[:0] = [pointer, *summary]
    else:
        answer.text = pointer
        answer.notes[:0] = summary
