"""Grounded answers: question (+ history) -> retrieved passages -> a short answer with numbered citations.

    answer = ask(question, index, settings)                 # condense + retrieve + answer: the one path
    answer = answer_question(question, hits, settings)      # answer from hits you already have

Citation numbers are ours: the passages are numbered when they are shown to the model (or picked by the
extractive composer), every [n] in the returned text is checked against that numbering, markers the model
invents are dropped with a warning, and the rest are renumbered 1, 2, ... in order of first use. When the
evidence is too weak (see evidence_strength) or the model says the sources do not cover the question, the
answer is the fixed CANNOT_ANSWER sentence plus the nearest sources, and `grounded` is False.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from advisor.config import Settings
from advisor.conversation import apply_route, condense, prompt_messages, render_history, route_message
from advisor.corpus import AUTHORITY_LABEL_NB, AUTHORITY_RANK, Citation
from advisor.extractive import (
    EXTRACTIVE_VERSION,
    QueryTerm,
    compose,
    coverage,
    is_answerable,
    query_terms,
    search_query,
    text_terms,
)
from advisor.index import Index
from advisor.language import detect_language
from advisor.llm import EXTRACTIVE, check_provider, complete, model_name
from advisor.prompts import Prompt, load_prompt
from advisor.retrieve import Hit, check_query, retrieve

log = logging.getLogger(__name__)

# The one "cannot answer" sentence per language. prompts/answer.md receives it as {cannot_answer}, and the
# tests and the evaluation compare against these constants.
CANNOT_ANSWER: dict[str, str] = {
    "nb": "Kildene mine sier ikke noe om dette.",
    "en": "My sources do not say anything about this.",
    "da": "Mine kilder siger ikke noget om dette.",
}
LANGUAGE_NAMES = {"nb": "norsk bokmål", "en": "engelsk", "da": "dansk"}
ANSWER_PROMPT_FIELDS = frozenset({"cannot_answer", "language", "sources", "question", "history"})
NEAREST_SOURCES = 3

# --- evidence strength ---------------------------------------------------------------------------------
#
# evidence = 0.5 * dense + 0.5 * coverage, halved for each name in the question (Sverige, NAV, Tromsø) that
# no retrieved passage mentions.
#   dense    = the best cosine similarity among the hits, scaled from [lo, hi] to [0, 1] (e5 only: its cosines
#              sit in a narrow band, about 0.75-0.95, and English questions against Norwegian passages score
#              about 0.06 lower than Norwegian ones, hence a range per language);
#   coverage = the best of the top 3 passages' weighted share of the question's content words (rare words
#              weigh more; English words are matched through a glossary, Danish through spelling rules).
# For embedders without a calibrated range (hash, sentence-transformers) evidence is coverage alone.
#
# Calibration on evals/answers.jsonl (59 in-scope, 24 out-of-scope questions, among them near misses such as
# Swedish thresholds, notice periods for municipal staff and VAT on food; e5 index of the shipped corpus, top_k 5,
# extractive provider), measured 2026-11-22 with the ranges below:
#   in-scope:      min 0.684 (a07 "Hvilke prosedyrer kan vi velge mellom i del II ..."), 5th percentile 0.750, mean 0.91
#   out-of-scope:  max 0.402 (o04 "... terskelverdien for offentlige anskaffelser i Sverige?"), 95th pct 0.346, mean 0.18
# Every cut-off in (0.402, 0.684) separates the two sets; the default settings.min_evidence = 0.5 leaves a margin of
# 0.10 to the strongest out-of-scope question and 0.18 to the weakest in-scope one. `advisor eval --suite answer`
# prints the whole sweep (table "cutoff_sweep") so a change to the measure or the corpus can be re-checked.
# With the hash test embedder (coverage alone) the same cut-off answers 57 of 59 and refuses 24 of 24.
DENSE_RANGES: dict[str, dict[str, tuple[float, float]]] = {
    "e5": {"nb": (0.80, 0.92), "da": (0.80, 0.92), "en": (0.76, 0.86)},
}
TOP_PASSAGES_FOR_COVERAGE = 3
MISSING_NAME_FACTOR = 0.5


@dataclass(frozen=True)
class Evidence:
    """How well the hits support an answer: the combined strength (0-1) and what it was made of."""

    strength: float
    dense: float | None
    coverage: float
    missing_names: tuple[str, ...] = ()


def evidence_strength(question: str, hits: Sequence[Hit], settings: Settings, lang: str | None = None,
                      terms: Sequence[QueryTerm] | None = None) -> Evidence:
    """The evidence measure that settings.min_evidence is compared with (see the calibration note above)."""
    if not hits:
        return Evidence(0.0, None, 0.0)
    lang = lang or detect_language(question)
    terms = list(terms) if terms is not None else query_terms(question, lang)
    # Source lists ("Kilder"), and passages with nothing quotable (only headings, or only instruction-like text),
    # cannot support an answer, so they do not count.
    passage_terms = [text_terms(h.chunk.search_text()) for h in hits if is_answerable(h.chunk)]
    best_coverage = max((coverage(terms, p) for p in passage_terms[:TOP_PASSAGES_FOR_COVERAGE]), default=0.0)
    union = frozenset().union(*passage_terms)
    missing = tuple(t.word for t in terms if t.is_name and t.match(union) < 1.0)
    sims = [h.dense_similarity for h in hits if h.dense_similarity is not None]
    dense = max(sims) if sims else None
    ranges = DENSE_RANGES.get(settings.embedding_backend)
    if ranges and dense is not None:
        lo, hi = ranges.get(lang, ranges["nb"])
        scaled = min(1.0, max(0.0, (dense - lo) / (hi - lo)))
        strength = 0.5 * scaled + 0.5 * best_coverage
    else:
        strength = best_coverage
    strength *= MISSING_NAME_FACTOR ** len(missing)
    return Evidence(round(strength, 4), dense, round(best_coverage, 4), missing)


# --- the answer ----------------------------------------------------------------------------------------


@dataclass
class Answer:
    """A cited answer (or a refusal with the nearest sources) and how it was made."""

    question: str
    text: str
    citations: list[Citation]
    grounded: bool
    provider: str
    model: str
    prompt_version: str
    standalone_query: str = ""
    route: str | None = None
    notes: list[str] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    language: str = "nb"
    evidence: float = 0.0
    dropped_markers: list[int] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The JSON contract of `advisor ask --json`, plus model, route, notes and standalone_query."""
        return {
            "answer": self.text,
            "citations": [
                {"n": c.n, "chunk_id": c.chunk_id, "doc_id": c.doc_id, "title": c.title, "section": c.section,
                 "page": c.page, "text": c.text}
                for c in self.citations
            ],
            "grounded": self.grounded,
            "provider": self.provider,
            "prompt_version": self.prompt_version,
            "model": self.model,
            "route": self.route,
            "notes": list(self.notes),
            "standalone_query": self.standalone_query,
        }


def is_cannot_answer(text: str) -> bool:
    """True when a text is (or opens with) one of the CANNOT_ANSWER sentences."""
    flat = _squash(text)
    return any(flat.startswith(_squash(s)) or _squash(s) in flat[:200] for s in CANNOT_ANSWER.values())


def _squash(text: str) -> str:
    return re.sub(r"[^\wæøå]+", " ", text.lower()).strip()


def _cite(hits: Sequence[Hit], order: Sequence[int]) -> list[Citation]:
    return [Citation.from_chunk(n, hits[i].chunk) for n, i in enumerate(order, start=1)]


def _refusal(question: str, hits: Sequence[Hit], lang: str, provider: str, model: str, version: str,
             standalone: str, evidence: float, notes: Sequence[str] = ()) -> Answer:
    # The nearest passages that have something to read: a list of references ("Kilder") helps nobody here.
    readable = [i for i, h in enumerate(hits) if is_answerable(h.chunk)]
    nearest = (readable or list(range(len(hits))))[:NEAREST_SOURCES]
    shown = list(notes)
    if nearest:
        shown.append("The nearest sources are listed, but they do not answer the question." if lang == "en"
                     else "De nærmeste kildene er listet opp, men de svarer ikke på spørsmålet.")
    return Answer(question, CANNOT_ANSWER.get(lang, CANNOT_ANSWER["nb"]), _cite(hits, nearest), False, provider,
                  model, version, standalone, notes=shown, hits=list(hits), language=lang, evidence=evidence)


def _year(as_of: str) -> str:
    match = re.match(r"\d{4}", as_of or "")
    return match.group(0) if match else "udatert"


def _label(citation: Citation, lang: str) -> str:
    if lang == "en":
        return citation.authority.replace("_", " ") or "source"
    return AUTHORITY_LABEL_NB.get(citation.authority, "kilde").split(" (")[0]


_KIND_NB = {"opinion": "et debattinnlegg", "conference": "en konferanseomtale", "case": "en oppsummering av innspill",
            "statistics": "en statistikkside", "user_document": "et opplastet dokument"}


def source_notes(citations: Sequence[Citation], lang: str = "nb",
                 conflicts: Sequence[tuple[Citation, Citation]] = ()) -> list[str]:
    """Notes on the cited sources: conflicts resolved by rank and date, dated white papers, low-authority sources."""
    notes: list[str] = []
    en = lang == "en"
    for kept, dropped in conflicts:
        notes.append(
            f"The sources give different figures: the answer relies on [{kept.n}] ({_label(kept, lang)}, "
            f"{_year(kept.as_of)}) rather than [{dropped.n}] ({_label(dropped, lang)}, {_year(dropped.as_of)}), "
            "which ranks lower or is older." if en else
            f"Kildene oppgir ulike tall: svaret bygger på [{kept.n}] ({_label(kept, lang)}, {_year(kept.as_of)}) "
            f"og ikke på [{dropped.n}] ({_label(dropped, lang)}, {_year(dropped.as_of)}), som har lavere rang "
            "eller er eldre."
        )
    strongest = min(citations, key=lambda c: AUTHORITY_RANK.get(c.authority, 5), default=None)
    by_doc: dict[str, list[Citation]] = {}
    for c in citations:
        by_doc.setdefault(c.doc_id, []).append(c)
    for group in by_doc.values():  # one note per document, naming all its passages: "[1] og [3] er ..."
        c = group[0]
        refs = _join([f"[{x.n}]" for x in group], "and" if en else "og")
        year = _year(c.as_of)
        if c.authority == "white_paper":
            notes.append(
                f"{refs} {'is' if len(group) == 1 else 'are'} from a white paper of {year}: it states government "
                "policy at the time, not the rules in force, and figures or thresholds may have changed since." if en else
                f"{refs} er hentet fra en stortingsmelding ({year}): den beskriver politikken da, ikke gjeldende regler, "
                "og tall og terskelverdier kan ha endret seg siden."
            )
        elif c.authority == "other":
            stronger = (strongest is not None and AUTHORITY_RANK.get(strongest.authority, 5) < 5)
            kind = _KIND_NB.get(c.kind, "en kilde med lav autoritet")
            if en:
                notes.append(f"{refs} ({year}) {'is' if len(group) == 1 else 'are'} not official guidance and carry "
                             "little weight" + (f"; where they differ, [{strongest.n}] applies." if stronger else "."))
            else:
                notes.append(f"{refs} er hentet fra {kind} ({year}), ikke fra offisiell veiledning"
                             + (f"; der kildene sier noe ulikt, gjelder [{strongest.n}]." if stronger else "."))
    return notes


def _join(items: list[str], conjunction: str) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def _with_marker(sentence: str, n: int) -> str:
    """'Text.' -> 'Text [n].': the marker goes before a final full stop (or at the very end)."""
    if sentence.endswith((".", "!", "…")):
        return f"{sentence[:-1].rstrip()} [{n}]{sentence[-1]}"
    return f"{sentence.rstrip()} [{n}]"


def _extractive(question: str, hits: Sequence[Hit], terms: list[QueryTerm], lang: str, standalone: str,
                evidence: Evidence) -> Answer:
    composition = compose(terms, [h.chunk for h in hits], lang)
    if not composition.sentences:
        return _refusal(question, hits, lang, EXTRACTIVE, "", EXTRACTIVE_VERSION, standalone, evidence.strength)
    order = composition.hits_used
    # A conflicting source that was set aside is cited too, so the note about it can point at it.
    for pair in composition.conflicts:
        order.extend(hit for hit in pair if hit not in order)
    number = {hit: n for n, hit in enumerate(order, start=1)}
    text = " ".join(_with_marker(sentence, number[hit]) for sentence, hit in composition.sentences)
    citations = _cite(hits, order)
    by_hit = {hit: citations[n - 1] for hit, n in number.items()}
    conflicts = [(by_hit[kept], by_hit[dropped]) for kept, dropped in composition.conflicts]
    notes = source_notes(citations, lang, conflicts)
    if lang == "en" and all(h.chunk.language != "en" for h in hits):
        notes.insert(0, "The sources are in Norwegian; the answer quotes them as written.")
    return Answer(question, text, citations, True, EXTRACTIVE, "", EXTRACTIVE_VERSION, standalone, notes=notes,
                  hits=list(hits), language=lang, evidence=evidence.strength)


# --- citation markers in model output ------------------------------------------------------------------

_MARKER = re.compile(r"\[\s*(\d{1,3}(?:\s*(?:[,;]|[-–])\s*\d{1,3})*)\s*\]")
_MARKER_PREFIX = re.compile(r"\[\s*[\d\s,;\-–]*$")


class MarkerRewriter:
    """Renumbers [n] markers to our citation numbers and drops unknown ones, token by token or all at once.

    The same object serves streaming (feed pieces as they arrive) and whole replies (feed once), so the text
    the user saw streamed is exactly the final text.
    """

    def __init__(self, n_sources: int) -> None:
        self.n_sources = n_sources
        self.mapping: dict[int, int] = {}  # source number in the prompt -> citation number in the answer
        self.dropped: list[int] = []
        self._buffer = ""
        self._space = ""
        self._after_drop = False

    def _numbers(self, inner: str) -> list[int]:
        out: list[int] = []
        for part in re.split(r"\s*[,;]\s*", inner.strip()):
            bounds = re.split(r"\s*[-–]\s*", part)
            if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit() and int(bounds[1]) - int(bounds[0]) < 10:
                out.extend(range(int(bounds[0]), int(bounds[1]) + 1))
            elif part.isdigit():
                out.append(int(part))
        return out

    def _rewrite(self, inner: str) -> str:
        kept = []
        for n in self._numbers(inner):
            if 1 <= n <= self.n_sources:
                if n not in self.mapping:
                    self.mapping[n] = len(self.mapping) + 1
                kept.append(f"[{self.mapping[n]}]")
            else:
                self.dropped.append(n)
                log.warning("dropped citation marker [%d]: the prompt had sources 1-%d", n, self.n_sources)
        return "".join(dict.fromkeys(kept))

    def _emit(self, text: str) -> str:
        """Hold back trailing spaces, so a dropped marker does not leave 'word  .' behind."""
        out = []
        for ch in text:
            if ch.isspace():
                self._space += ch
                continue
            if self._space:
                if not (self._after_drop and (ch in ".,;:!?)" or ch.isspace())):
                    out.append(self._space)
                self._space = ""
            self._after_drop = False
            out.append(ch)
        return "".join(out)

    def feed(self, piece: str) -> str:
        """Text ready to show after this piece; an unfinished marker is held until it closes."""
        self._buffer += piece
        out = []
        while self._buffer:
            start = self._buffer.find("[")
            if start < 0:
                out.append(self._emit(self._buffer))
                self._buffer = ""
                break
            out.append(self._emit(self._buffer[:start]))
            self._buffer = self._buffer[start:]
            match = _MARKER.match(self._buffer)
            if match:
                replacement = self._rewrite(match.group(1))
                if replacement:
                    out.append(self._emit(replacement))
                else:
                    self._after_drop = True
                self._buffer = self._buffer[match.end():]
                continue
            if _MARKER_PREFIX.fullmatch(self._buffer) and len(self._buffer) < 24:
                break  # may still become a marker: wait for the next piece
            out.append(self._emit(self._buffer[0]))
            self._buffer = self._buffer[1:]
        return "".join(out)

    def finish(self) -> str:
        """Whatever is still held back at the end of the reply."""
        rest, self._buffer = self._buffer, ""
        out = self._emit(rest) if rest else ""
        return out  # trailing spaces are dropped


# --- LLM answers ---------------------------------------------------------------------------------------


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
                   history: Sequence[tuple[str, str]] = ()) -> tuple[list[tuple[str, str]], str]:
    """(role, text) messages for the answer prompt and the prompt's version hash."""
    prompt = answer_prompt(settings)
    rendered = prompt.render(
        cannot_answer=CANNOT_ANSWER.get(lang, CANNOT_ANSWER["nb"]),
        language=LANGUAGE_NAMES.get(lang, LANGUAGE_NAMES["nb"]),
        sources=render_sources(hits),
        question=question.strip(),
        history=render_history(history),
    )
    return prompt_messages(rendered), prompt.version


def _llm(question: str, hits: Sequence[Hit], settings: Settings, provider: str, lang: str, standalone: str,
         history: Sequence[tuple[str, str]], on_token: Callable[[str], None] | None, evidence: Evidence) -> Answer:
    messages, version = build_messages(question, hits, settings, lang, history)
    rewriter = MarkerRewriter(len(hits))
    shown: list[str] = []

    def relay(piece: str) -> None:
        out = rewriter.feed(piece)
        if out:
            shown.append(out)
            if on_token is not None:
                on_token(out)

    reply = complete(messages, settings, provider, on_token=relay if on_token is not None else None)
    if on_token is None:
        relay(reply)
    tail = rewriter.finish()
    if tail:
        shown.append(tail)
        if on_token is not None:
            on_token(tail)
    text = "".join(shown).strip()
    model = model_name(settings, provider)
    if is_cannot_answer(text):
        return _refusal(question, hits, lang, provider, model, version, standalone, evidence.strength)
    if not rewriter.mapping:
        note = ("The model's reply cited none of the sources, so it is not shown." if lang == "en"
                else "Modellens svar viste ikke til noen av kildene og er derfor forkastet.")
        log.warning("reply without valid citation markers discarded: %r", text[:200])
        answer = _refusal(question, hits, lang, provider, model, version, standalone, evidence.strength, [note])
        answer.dropped_markers = list(rewriter.dropped)
        return answer
    order = sorted(rewriter.mapping, key=rewriter.mapping.get)
    citations = [Citation.from_chunk(rewriter.mapping[i], hits[i - 1].chunk) for i in order]
    notes = source_notes(citations, lang)
    if rewriter.dropped:
        numbers = ", ".join(str(n) for n in rewriter.dropped)
        notes.append(f"Removed references to sources that do not exist (no. {numbers})." if lang == "en"
                     else f"Fjernet henvisninger til kilder som ikke finnes (nr. {numbers}).")
    return Answer(question, text, citations, True, provider, model, version, standalone, notes=notes,
                  hits=list(hits), language=lang, evidence=evidence.strength, dropped_markers=list(rewriter.dropped))


# --- entry points ------------------------------------------------------------------------------------------


def answer_question(
    question: str,
    hits: list[Hit],
    settings: Settings,
    provider: str | None = None,
    history: Sequence[tuple[str, str]] = (),
    on_token: Callable[[str], None] | None = None,
    standalone_query: str | None = None,
) -> Answer:
    """Answer a question from retrieved hits only: cited sentences, or CANNOT_ANSWER with the nearest sources.

    `standalone_query` is the question rewritten with its context (from ask()); its extra words count half
    when the extractive composer picks sentences.
    """
    question = check_query(question, settings)
    chosen = check_provider(provider, settings)
    lang = detect_language(question)
    if standalone_query is None and history and chosen == EXTRACTIVE:
        standalone_query = condense(question, history, settings, EXTRACTIVE)  # keyword carry-over, no LLM
    standalone = standalone_query or question
    terms = query_terms(question, lang)
    if standalone != question:
        own = {t.word for t in terms}
        terms += [QueryTerm(t.word, t.weight * 0.5, t.variants, t.is_name)
                  for t in query_terms(standalone, lang) if t.word not in own]
    evidence = evidence_strength(question, hits, settings, lang, terms)
    model = model_name(settings, chosen)
    if not hits or evidence.strength < settings.min_evidence:
        version = EXTRACTIVE_VERSION if chosen == EXTRACTIVE else answer_prompt(settings).version
        log.info("evidence %.3f below cut-off %.3f: cannot answer", evidence.strength, settings.min_evidence)
        return _refusal(question, hits, lang, chosen, model, version, standalone, evidence.strength)
    if chosen == EXTRACTIVE:
        answer = _extractive(question, hits, terms, lang, standalone, evidence)
        if on_token is not None:
            on_token(answer.text)
        return answer
    return _llm(question, hits, settings, chosen, lang, standalone, history, on_token, evidence)


def ask(
    question: str,
    index: Index,
    settings: Settings,
    provider: str | None = None,
    history: Sequence[tuple[str, str]] = (),
    top_k: int | None = None,
    on_token: Callable[[str], None] | None = None,
) -> Answer:
    """Condense the question with its history, retrieve, answer, and point requirement texts and purchases onward."""
    question = check_query(question, settings)
    chosen = check_provider(provider, settings)
    route = route_message(question)
    standalone = condense(question, history, settings, chosen)
    # English and Danish questions also search with the Norwegian words for their terms (the corpus is Norwegian).
    hits = retrieve(search_query(standalone, detect_language(standalone)), index, settings, top_k=top_k)
    answer = answer_question(question, hits, settings, chosen, history, on_token, standalone_query=standalone)
    if route:
        apply_route(answer, route, question, settings)
    return answer
