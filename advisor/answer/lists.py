"""List answers: a list question gets the whole list of the chosen passage, in the source's order, each item cited.

    if is_list_question("Hvilke tegn tyder på at kravene er løsningsbundne?"):
        found = passage_list(home, section_chunks, terms, max_items=12)   # SourceList or None

The list is a bulleted or numbered list in the passage's section (Markdown «- », «1.», PDF «•», «–»), read from
every chunk of that section so that a list running over a chunk border comes out whole. It is preceded by the
paragraph that introduces it («DFØ anbefaler blant annet å ...:»), when there is one. An enumeration in one sentence
(«fem grunnleggende prinsipper: konkurranse, likebehandling, ...») is already a single quotable sentence and is left
to the composer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from advisor.answer.sentences import BULLET, clean_markup, is_instruction_like, split_sentences
from advisor.corpus import Chunk
from advisor.text import QueryTerm, coverage, text_terms

# «Hvilke …», «Kva for …», «Hva er de tre …», «Nevn …», «Which … are …», «What are the five …», «List …».
LIST_QUESTION = re.compile(
    r"^\s*(hvilke|hvilken \w+ (finnes|har)|kva for|kva slags|which|list)\b"
    r"|\b(hva|kva|what) (er|are) (de|dei|the) (to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|tolv|two|three|four|five|six|"
    r"seven|eight|nine|ten|\d+)\b|\bnevn\b|\bram(?:s)? opp\b|\bname (the|all)\b|\blist\b",
    re.IGNORECASE,
)
_HEADING = re.compile(r"^\s*#")
_ANAPHORIC = re.compile(r"^(Dette|Disse|Denne|Slike|Samme|De |Den |Det |Der |Her |Også |This |These |It |They )")
# A short lead-in ends with a colon; it must not be a heading («Kilder», «Eksempler»).
_LEAD_IN_MAX_SENTENCES = 3


def is_list_question(question: str) -> bool:
    """True for a question that asks for the items of a list («Hvilke vilkår …», «Nevn …», «Which … are …»)."""
    return bool(LIST_QUESTION.search(question))


@dataclass(frozen=True)
class SourceList:
    """A list as the source gives it: the lead-in (or ''), the items in order, each with its chunk, and how many
    items the list has in all (more than shown when it was cut at max_items)."""

    lead_in: str
    lead_chunk: Chunk | None
    items: tuple[tuple[str, Chunk], ...]
    total: int

    @property
    def capped(self) -> bool:
        return self.total > len(self.items)


@dataclass(frozen=True)
class _Line:
    text: str
    offset: int  # in the document


def _section_lines(chunks: Sequence[Chunk]) -> list[_Line]:
    """The lines of a section, read once from its chunks in document order. Chunks are slices of the document
    text (start, end) that overlap; a gap between two of them (a chunk not at hand) breaks the line."""
    ordered = sorted(chunks, key=lambda c: c.start)
    base = ordered[0].start
    text = [" "] * (max(c.end for c in ordered) - base)
    covered = [False] * len(text)
    for chunk in ordered:
        for i, ch in enumerate(chunk.text):
            text[chunk.start - base + i] = ch
            covered[chunk.start - base + i] = True
    joined = "".join(ch if ok else "\n" for ch, ok in zip(text, covered, strict=True))
    lines, pos = [], base
    for raw in joined.split("\n"):
        if raw.strip():
            lines.append(_Line(raw.strip(), pos + len(raw) - len(raw.lstrip())))
        pos += len(raw) + 1
    return lines


def _blocks(lines: list[_Line]) -> list[tuple[str, list[_Line]]]:
    """('list' | 'prose' | 'heading' | 'table', lines): a list is a run of bullet lines (its items)."""
    blocks: list[tuple[str, list[_Line]]] = []
    for line in lines:
        kind = ("list" if BULLET.match(line.text) else "heading" if _HEADING.match(line.text)
                else "table" if line.text.startswith("|") else "prose")
        if blocks and blocks[-1][0] == kind and kind in ("list", "prose", "table"):
            blocks[-1][1].append(line)
        else:
            blocks.append((kind, [line]))
    return blocks


def _readable_item(item: str) -> bool:
    """An item worth showing: words, not OCR debris or a link; never text addressed to an AI."""
    letters = sum(ch.isalpha() for ch in item)
    if len(item.split()) < 2 or letters < 0.5 * len(item) or re.search(r"https?://|www\.", item):
        return False
    return not is_instruction_like(item)


def _lead_in(paragraph: str) -> str:
    """The sentences that introduce a list: the last one, with those before it while it leans on them."""
    sentences = split_sentences(clean_markup(paragraph))
    if not sentences or not sentences[-1].endswith(":"):
        return ""
    start = len(sentences) - 1
    while start > 0 and len(sentences) - start < _LEAD_IN_MAX_SENTENCES and (
            _ANAPHORIC.match(sentences[start]) or not sentences[start][:1].isupper()):
        start -= 1
    lead = " ".join(sentences[start:])
    return lead if lead[:1].isupper() and not _ANAPHORIC.match(lead) and not is_instruction_like(lead) else ""


def _chunk_at(offset: int, chunks: Sequence[Chunk], home: Chunk) -> Chunk:
    """The chunk that holds a document offset: the home passage when it does, else the first that does."""
    if home.start <= offset < home.end:
        return home
    return next((c for c in sorted(chunks, key=lambda c: c.start) if c.start <= offset < c.end), home)


def section_lists(home: Chunk, section: Sequence[Chunk], max_items: int) -> list[SourceList]:
    """Every list in the section of `home` (its chunks in `section`), with its lead-in, items cut at max_items."""
    chunks = [c for c in section if c.doc_id == home.doc_id and c.section == home.section] or [home]
    if home not in chunks:
        chunks.append(home)
    blocks = _blocks(_section_lines(chunks))
    out = []
    for i, (kind, lines) in enumerate(blocks):
        if kind != "list" or len(lines) < 2:
            continue
        lead, lead_chunk = "", None
        if i > 0 and blocks[i - 1][0] == "prose":
            before = blocks[i - 1][1]
            lead = _lead_in(" ".join(line.text for line in before))
            lead_chunk = _chunk_at(before[-1].offset, chunks, home) if lead else None
        items = [(clean_markup(BULLET.sub("", line.text)), _chunk_at(line.offset, chunks, home)) for line in lines]
        items = [(text, chunk) for text, chunk in items if _readable_item(text)]
        if len(items) >= 2:
            out.append(SourceList(lead, lead_chunk, tuple(items[:max_items]), len(items)))
    return out


def passage_list(home: Chunk, section: Sequence[Chunk], terms: Sequence[QueryTerm], max_items: int,
                 quoted: Sequence[str] = ()) -> SourceList | None:
    """The list of the home passage's section that answers the question, or None.

    A list qualifies when it holds (or is introduced by) a sentence the composer chose from that passage (`quoted`),
    or when its lead-in, items and heading cover at least half of the question's terms. Of several, the one with the
    best coverage wins (the first on a tie).
    """
    best, best_score = None, 0.0
    for found in section_lists(home, section, max_items):
        words = text_terms(" ".join([home.section, found.lead_in, *(text for text, _ in found.items)]))
        score = coverage(terms, words)
        holds = any(shares_text(q, found) for q in quoted)
        if (holds or score >= 0.5) and score + (0.5 if holds else 0.0) > best_score:
            best, best_score = found, score + (0.5 if holds else 0.0)
    return best


def list_fit(terms: Sequence[QueryTerm], found: SourceList) -> float:
    """How squarely a list is about what was asked: the share of the question's terms that its document title,
    heading and lead-in carry (the items are not counted: they say what is listed, not what the list is)."""
    chunk = found.lead_chunk or found.items[0][1]
    return coverage(terms, text_terms(" ".join((chunk.title, chunk.section, found.lead_in))))


def shares_text(sentence: str, found: SourceList) -> bool:
    """True when a quoted sentence comes from the list: it contains an item's opening words or the lead-in's."""
    key = re.sub(r"\W+", " ", sentence).lower()
    for text in (found.lead_in, *(text for text, _ in found.items)):
        words = re.sub(r"\W+", " ", text).lower().split()[:6]
        if len(words) >= 3 and " ".join(words) in key:
            return True
    return False


def render_list(found: SourceList, number: dict[str, int], lang: str) -> str:
    """The list as answer text: the lead-in, then one bullet per item, each with the marker of its chunk."""
    lines = []
    if found.lead_in:
        lines.append(_marked(found.lead_in, number[found.lead_chunk.chunk_id]))
    for text, chunk in found.items:
        lines.append("- " + _marked(text.rstrip(" ;,"), number[chunk.chunk_id]))
    if found.capped:
        lines.append(f"(The list has {found.total} items; the first {len(found.items)} are shown.)" if lang == "en"
                     else f"(Listen har {found.total} punkter; de {len(found.items)} første er vist.)")
    return "\n".join(lines)


def _marked(text: str, n: int) -> str:
    """'Text.' -> 'Text [n].', 'Text:' -> 'Text [n]:', 'text' -> 'text [n]'; an item of several sentences gets the
    marker after each of them («Hovedelementet er FoU [1]. Mer enn 50 prosent … [1].»), not once at its end."""
    sentences = split_sentences(text) if re.search(r"[.!?]\s+\S", text) else [text]
    if len(sentences) > 1 and " ".join(sentences) == " ".join(text.split()):
        return " ".join(_marked(sentence, n) for sentence in sentences)
    if text.endswith((".", "!", "…", ":", "?")):
        return f"{text[:-1].rstrip()} [{n}]{text[-1]}"
    return f"{text} [{n}]"
