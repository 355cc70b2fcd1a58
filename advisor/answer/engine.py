"""Grounded answers: a question and its retrieved passages -> a short answer with numbered citations.

    answer = answer_question(query, hits, settings)         # answer from hits you already have

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

from advisor.answer.compose import EXTRACTIVE_VERSION, Composition, compose, one_passage
from advisor.answer.english import english_lead
from advisor.answer.evidence import Evidence, evidence_strength, scene_weighted
from advisor.answer.lists import (
    SourceList,
    is_list_question,
    list_fit,
    passage_list,
    render_list,
    shares_text,
)
from advisor.answer.markers import MarkerRewriter
from advisor.answer.notes import source_notes
from advisor.answer.prompt import CANNOT_ANSWER, answer_prompt, build_messages, is_cannot_answer
from advisor.answer.sentences import is_answerable
from advisor.config import Settings
from advisor.corpus import Chunk, Citation
from advisor.llm import EXTRACTIVE, ReplyDefuser, check_provider, complete, model_name
from advisor.search import Hit, Index, Query, as_query

log = logging.getLogger(__name__)


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
    card_id: str | None = None
    tool: str | None = None  # "analyze" | "assess" when the message belongs to another tool (a pointer is added)
    list_fit: float = 0.0  # a list answer: share of the question's terms its title, heading and lead-in carry
    reviewed: bool = False  # the text is (or includes) a reviewed answer card's standard text: in the JSON, not shown

    def to_dict(self) -> dict:
        """The JSON contract of `advisor ask --json`, plus model, route (rules | card | passage | llm | refusal),
        card_id, reviewed (a reviewed card's standard text), tool (analyze | assess pointer), notes and
        standalone_query."""
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
            "card_id": self.card_id,
            "reviewed": self.reviewed,
            "tool": self.tool,
            "notes": list(self.notes),
            "standalone_query": self.standalone_query,
        }


def _cite(hits: Sequence[Hit], order: Sequence[int]) -> list[Citation]:
    return [Citation.from_chunk(n, hits[i].chunk) for n, i in enumerate(order, start=1)]


@dataclass(frozen=True)
class _Job:
    """One question to answer from its hits: everything the answer paths need, made once in answer_question."""

    query: Query
    hits: Sequence[Hit]
    settings: Settings
    provider: str
    model: str
    evidence: Evidence
    history: Sequence[tuple[str, str]] = ()
    on_token: Callable[[str], None] | None = None
    verified: Sequence[Answer] = ()
    index: Index | None = None

    @property
    def lang(self) -> str:
        return self.query.language

    def answer(self, text: str, citations: list[Citation], grounded: bool, version: str, notes: list[str],
               **extra) -> Answer:
        """An Answer to this job's question."""
        return Answer(self.query.question, text, citations, grounded, self.provider, self.model, version,
                      self.query.standalone, notes=notes, hits=list(self.hits), language=self.lang,
                      evidence=self.evidence.strength, **extra)


def _refusal(job: _Job, version: str, notes: Sequence[str] = ()) -> Answer:
    # The nearest passages that have something to read: a list of references ("Kilder") helps nobody here.
    hits = job.hits
    readable = [i for i, h in enumerate(hits) if is_answerable(h.chunk, job.settings.answer.max_sentence_chars)]
    nearest = (readable or list(range(len(hits))))[: job.settings.answer.nearest_sources]
    shown = list(notes)
    if nearest:
        shown.append("The nearest sources are listed, but they do not answer the question." if job.lang == "en"
                     else "De nærmeste kildene er listet opp, men de svarer ikke på spørsmålet.")
    return job.answer(CANNOT_ANSWER.get(job.lang, CANNOT_ANSWER["nb"]), _cite(hits, nearest), False, version, shown)


# A topic no passage or card mentions («lærlinger»): said after CANNOT_ANSWER, then where to read instead.
UNCOVERED_TOPIC = {"nb": "Ingen av kildene mine omtaler «{topic}».", "en": "None of my sources mentions «{topic}»."}
READ_ELSEWHERE = {"nb": "Se regelverket på Lovdata og DFØs veiledning på anskaffelser.no.",
                  "en": "See the regulations on Lovdata and DFØ's guidance at anskaffelser.no.",
                  # a complaint to the complaints board (its deadlines, fee, procedure): the board's own pages
                  "nb-kofa": "Se KOFAs egne sider (kofa.no) og regelverket på Lovdata.",
                  "en-kofa": "See KOFA's own pages (kofa.no) and the regulations on Lovdata."}
_COMPLAINTS_BOARD = re.compile(r"\bKOFA\b|\bklagenemnd\w*|\bcomplaints? board\b", re.IGNORECASE)


def uncovered_answer(question: str, topic: str, lang: str, provider: str, model: str, standalone: str = "",
                     read_elsewhere: bool = True, message: str = "") -> Answer:
    """The refusal of a question about a topic no source mentions: CANNOT_ANSWER, the topic and (`read_elsewhere`,
    for a procurement question) where to read instead, without nearest sources (none of them is about the topic).
    A question (or its whole `message`) about a complaint to KOFA is pointed to KOFA's own pages."""
    key = "en" if lang == "en" else "nb"
    text = f"{CANNOT_ANSWER.get(lang, CANNOT_ANSWER['nb'])} {UNCOVERED_TOPIC[key].format(topic=topic)}"
    if read_elsewhere:
        board = _COMPLAINTS_BOARD.search(f"{message} {question}")
        text += f" {READ_ELSEWHERE[f'{key}-kofa' if board else key]}"
    return Answer(question, text, [], False, provider, model, EXTRACTIVE_VERSION, standalone or question,
                  route="refusal", language=lang)


def _with_marker(sentence: str, n: int) -> str:
    """'Text.' -> 'Text [n].': the marker goes before a final full stop (or at the very end)."""
    if sentence.endswith((".", "!", "…")):
        return f"{sentence[:-1].rstrip()} [{n}]{sentence[-1]}"
    return f"{sentence.rstrip()} [{n}]"


def _extractive(job: _Job) -> Answer:
    hits, lang = job.hits, job.lang
    chunks = [h.chunk for h in hits]
    composition = compose(scene_weighted(job.query, hits), chunks, lang, job.settings.answer)
    if not composition.sentences:
        return _refusal(job, EXTRACTIVE_VERSION)
    composition.sentences = one_passage(composition.sentences, chunks)
    if is_list_question(job.query.question):
        found = passage_list(chunks[composition.sentences[0][1]], _section_of(job, composition), job.query.terms,
                             job.settings.answer.max_list_items,
                             [text for text, hit in composition.sentences if hit == composition.sentences[0][1]])
        best = composition.sentences[0]
        floor = max(LIST_ELSEWHERE_FIT, list_fit(job.query.terms, found) if found is not None else 0.0)
        other, lead = _list_elsewhere(job, floor)
        if other is not None:
            found, best = other, lead
        if found is not None:
            return _list_answer(job, found, best)
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
    if _quotes_norwegian(job, [hits[i].chunk for i in order]):
        lead, hit = composition.sentences[0]
        text = f"{english_lead(job.query.question, hits[hit].chunk, lead)}\n\n{text}"
        notes.insert(0, "The sources are in Norwegian; the answer quotes them as written.")
    return job.answer(text, citations, True, EXTRACTIVE_VERSION, notes)


def _quotes_norwegian(job: _Job, cited: Sequence[Chunk]) -> bool:
    """True for an English question answered with quotes from passages none of which is in English."""
    return job.lang == "en" and all(c.language != "en" for c in cited)


# A list question takes the list of another of the top hits when the best passage holds no list, or one that fits the
# question less well, and that list's title, heading and lead-in carry at least this share of the question's terms.
LIST_ELSEWHERE_HITS = 5
LIST_ELSEWHERE_FIT = 0.5


def _list_elsewhere(job: _Job, floor: float) -> tuple[SourceList | None, tuple[str, int]]:
    """The best-fitting list among the sections of the top hits (none from a list of references) that fits better than
    `floor`, with the item that opens it as the answer's lead (so no sentence from another passage is put before
    it); (None, ("", 0)) if none does."""
    chosen, chosen_fit, lead = None, floor, ("", 0)
    for i, hit in enumerate(job.hits[:LIST_ELSEWHERE_HITS]):
        if not is_answerable(hit.chunk, job.settings.answer.max_sentence_chars):
            continue
        found = passage_list(hit.chunk, _section_chunks(job, hit.chunk), job.query.terms,
                             job.settings.answer.max_list_items)
        if found is not None and (fit := list_fit(job.query.terms, found)) > chosen_fit:
            chosen, chosen_fit, lead = found, fit, (found.items[0][0], i)
    return chosen, lead


def _section_chunks(job: _Job, home: Chunk) -> list[Chunk]:
    """Every chunk of a passage's section: from the index when it is at hand, else those among the hits."""
    pool = job.index.chunks if job.index is not None else [h.chunk for h in job.hits]
    return [c for c in pool if c.doc_id == home.doc_id and c.section == home.section]


def _section_of(job: _Job, composition: Composition) -> list[Chunk]:
    """Every chunk of the lead passage's section: from the index when it is at hand (a list may run on past the
    retrieved passage), else those among the hits."""
    return _section_chunks(job, job.hits[composition.sentences[0][1]].chunk)


def _list_answer(job: _Job, found: SourceList, best: tuple[str, int]) -> Answer:
    """A list question answered with the source's list: lead-in and items in order, each cited to its chunk. The
    passage's best sentence leads when it is not part of the list («LOA § 4 krever ... fem grunnleggende prinsipper:
    konkurranse, likebehandling, ...» before a list that explains each)."""
    sentence, hit = best
    lead = None if shares_text(sentence, found) else (sentence, job.hits[hit].chunk)
    used = ([lead[1]] if lead else []) + ([found.lead_chunk] if found.lead_chunk else []) + [c for _, c in found.items]
    order = list({c.chunk_id: c for c in used}.values())
    number = {c.chunk_id: n for n, c in enumerate(order, start=1)}
    citations = [Citation.from_chunk(n, c) for n, c in enumerate(order, start=1)]
    text = render_list(found, number, job.lang)
    if lead:
        text = f"{_with_marker(lead[0], number[lead[1].chunk_id])}\n{text}"
    notes = source_notes(citations, job.lang)
    if _quotes_norwegian(job, order):
        first = lead[0] if lead else found.lead_in or found.items[0][0]
        text = f"{english_lead(job.query.question, order[0], first, items=found.total)}\n\n{text}"
        notes.insert(0, "The sources are in Norwegian; the answer quotes them as written.")
    answer = job.answer(text, citations, True, EXTRACTIVE_VERSION, notes,
                        list_fit=round(list_fit(job.query.terms, found), 3))
    # A chunk of the list that was not retrieved is cited too: it joins the answer's hits.
    known = {h.chunk_id for h in answer.hits}
    answer.hits.extend(Hit(rank=len(answer.hits) + n, score=0.0, chunk=c)
                       for n, c in enumerate((c for c in order if c.chunk_id not in known), start=1))
    return answer


# --- LLM answers ---------------------------------------------------------------------------------------


def _with_verified(job: _Job) -> tuple[list[Hit], str]:
    """The hits with the passages the verified answers cite put first, and those answers' text renumbered to them."""
    hits = list(job.hits)
    position = {h.chunk_id: i for i, h in enumerate(hits)}
    blocks = []
    for answer in job.verified:
        mapping = {}
        for c in answer.citations:
            if c.chunk_id not in position:
                # chat.ask gives each verified answer the hits of the passages it cites
                chunk = next((h.chunk for h in answer.hits if h.chunk_id == c.chunk_id), None)
                if chunk is None:
                    continue
                hits.append(Hit(rank=len(hits) + 1, score=0.0, chunk=chunk))
                position[c.chunk_id] = len(hits) - 1
            mapping[c.n] = position[c.chunk_id] + 1
        text = re.sub(r"\[(\d+)\]", lambda m, mp=mapping: f"[{mp[int(m.group(1))]}]" if int(m.group(1)) in mp else "",
                      answer.text)
        label = "Regelmotorens vurdering" if answer.route == "rules" else f"Kvalitetssikret svarkort ({answer.card_id})"
        blocks.append(f"- {label}: {text}")
    return hits, "\n".join(blocks)


def _llm(job: _Job) -> Answer:
    lang, on_token = job.lang, job.on_token
    hits, verified = _with_verified(job)
    messages, version = build_messages(job.query.question, hits, job.settings, lang, job.history, verified)
    rewriter = MarkerRewriter(len(hits))
    defuser = ReplyDefuser()  # after the markers: a reply's images and links never reach the screen as such
    shown: list[str] = []

    def relay(piece: str) -> None:
        out = defuser.feed(rewriter.feed(piece))
        if out:
            shown.append(out)
            if on_token is not None:
                on_token(out)

    reply = complete(messages, job.settings, job.provider, on_token=relay if on_token is not None else None)
    if on_token is None:
        relay(reply)
    tail = defuser.feed(rewriter.finish()) + defuser.finish()
    if tail:
        shown.append(tail)
        if on_token is not None:
            on_token(tail)
    text = "".join(shown).strip()
    if is_cannot_answer(text):
        return _refusal(job, version)
    if not rewriter.mapping:
        note = ("The model's reply cited none of the sources, so it is not shown." if lang == "en"
                else "Modellens svar viste ikke til noen av kildene og er derfor forkastet.")
        log.warning("reply without valid citation markers discarded: %r", text[:200])
        answer = _refusal(job, version, [note])
        answer.dropped_markers = list(rewriter.dropped)
        return answer
    order = sorted(rewriter.mapping, key=rewriter.mapping.get)
    citations = [Citation.from_chunk(rewriter.mapping[i], hits[i - 1].chunk) for i in order]
    notes = source_notes(citations, lang)
    if defuser.defused:
        notes.append("Images and links in the model's reply are shown as plain text." if lang == "en"
                     else "Bilder og lenker i modellens svar vises som ren tekst.")
    if rewriter.dropped:
        numbers = ", ".join(str(n) for n in rewriter.dropped)
        notes.append(f"Removed references to sources that do not exist (no. {numbers})." if lang == "en"
                     else f"Fjernet henvisninger til kilder som ikke finnes (nr. {numbers}).")
    return job.answer(text, citations, True, version, notes, dropped_markers=list(rewriter.dropped))


# --- entry points ------------------------------------------------------------------------------------------


def answer_question(
    query: Query | str,
    hits: list[Hit],
    settings: Settings,
    provider: str | None = None,
    history: Sequence[tuple[str, str]] = (),
    on_token: Callable[[str], None] | None = None,
    verified: Sequence[Answer] = (),
    index: Index | None = None,
    gate: bool = True,
) -> Answer:
    """Answer a question from retrieved hits only: cited sentences, or CANNOT_ANSWER with the nearest sources.

    `query` is the Query chat.ask made (checked, with its language, standalone form and terms); plain text is
    checked and taken as it stands. `provider` defaults to settings.llm.provider; `history` is shown to an LLM, and
    so are `verified` answers (the rules engine's verdict, a matched answer card) as facts ahead of the passages.
    `index` (the one the hits came from) lets the extractive answer to a list question read the whole list of the
    chosen passage's section, also where it runs past the retrieved chunk. `gate=False` answers from hits chosen
    already (the passages of a case an earlier part of the message was answered from) without the evidence cut-off:
    they are the case's whether or not the part's words are theirs.
    """
    if isinstance(query, Query):
        chosen = provider or check_provider(None, settings)
    else:
        query, chosen = as_query(query, settings), check_provider(provider, settings)
    evidence = evidence_strength(query, hits, settings)
    job = _Job(query, hits, settings, chosen, model_name(settings, chosen), evidence, history, on_token, verified,
               index)
    if not verified and (not hits or gate and evidence.strength < settings.answer.min_evidence):
        version = EXTRACTIVE_VERSION if chosen == EXTRACTIVE else answer_prompt(settings).version
        log.info("evidence %.3f below cut-off %.3f: cannot answer", evidence.strength, settings.answer.min_evidence)
        return _refusal(job, version)
    if chosen == EXTRACTIVE:
        answer = _extractive(job)
        if on_token is not None:
            on_token(answer.text)
        return answer
    return _llm(job)
