"""Candidate sentences: the readable sentences of a passage, ready to be quoted.

Headings, bullet fragments, source lists, boilerplate and text addressed to an AI are skipped; a bullet is
kept only with its lead-in or label; table rows are read out with their header.
"""

from __future__ import annotations

import functools
import logging
import re

from advisor.config import AnswerSettings
from advisor.corpus import Chunk
from advisor.text import is_addressed_to_assistant

log = logging.getLogger(__name__)

# settings.answer.max_sentence_chars; the default serves callers without settings (tests, the eval's checks).
_MAX_CHARS = AnswerSettings.model_fields["max_sentence_chars"].default

_ABBREVIATIONS = frozenset(
    "st meld kap nr ca mill mrd jf mva ekskl inkl bl f.eks eks dvs osv pkt prop ref art mr dr vs no tlf jfr pga "
    "evt ev iht mht mv etc e.g i.e vs. fig".split()
)
_BOILERPLATE = re.compile(
    r"^(se |det vises til meldingens kapittel \d+|i meldingens kapittel \d+|"
    r"sist kontrollert|kilder?:|klikk(e)? her|les hele|del (illustration|citat)|download|målgruppe:)"
    r"|guide-[a-z]|https?://|www\.|nærmere omtalt i|gjengitt over i",
    re.IGNORECASE,
)
_SKIP_SECTIONS = re.compile(r"(^|› |> )(kilder|sources|referanser)\s*$", re.IGNORECASE)
# A list item's marker: «- », «• », «1. », «2) ».
BULLET = re.compile(r"^\s*(?:[-•*–]|\d{1,2}[.)])\s+")
_LABEL = re.compile(r"^\*\*(.+?)\*\*\s*")
_FOOTNOTE = re.compile(r"\s*\[\d+(?:\s*[,–-]\s*\d+)*\]")
_SENTENCE_END = re.compile(r"[.!?…][»”\")\]]*\s+")


def clean_markup(text: str) -> str:
    """Text without Markdown emphasis and footnote markers, its whitespace collapsed."""
    text = text.replace("**", "").replace("__", "")
    text = re.sub(r"(?<![\w*])\*(\S[^*]*?)\*(?![\w*])", r"\1", text)
    text = _FOOTNOTE.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph: cut after . ! ? before a capital letter, but not after abbreviations (St., mill.)."""
    out, start = [], 0
    for match in _SENTENCE_END.finditer(paragraph):
        end = match.end()
        if end >= len(paragraph):
            break
        nxt = paragraph[end]
        if not (nxt.isupper() or nxt in "«\"(“"):
            continue
        before = paragraph[start : match.start()].split()
        last = re.sub(r"^\W+", "", before[-1].lower()) if before else ""
        if paragraph[match.start()] == "." and (last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())):
            continue
        out.append(paragraph[start : match.start() + len(match.group(0).rstrip())].strip())
        start = end
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    # A very short sentence ("Nei.", "Ja, hvis ...") reads best with the one that follows it.
    merged: list[str] = []
    carry = ""
    for i, sentence in enumerate(out):
        sentence = f"{carry} {sentence}".strip() if carry else sentence
        carry = ""
        if len(sentence.split()) < 4 and i < len(out) - 1:
            carry = sentence
            continue
        merged.append(sentence)
    if carry:
        merged.append(carry)
    return merged


def _is_heading(paragraph: str) -> bool:
    words = paragraph.split()
    return paragraph.startswith("#") or (len(words) <= 10 and not re.search(r"[.!?:;]$", paragraph))


def _table_sentences(rows: list[str]) -> list[str]:
    """Table rows read out with their header: 'Row label – Header 2: cell; Header 3: cell.'"""
    cells = [[c.strip() for c in row.strip().strip("|").split("|")] for row in rows]
    cells = [c for c in cells if not all(re.fullmatch(r":?-{2,}:?", x) or not x for x in c)]
    if len(cells) < 2:
        return []
    header, body = cells[0], cells[1:]
    out = []
    for row in body:
        if len(row) != len(header) or not row[0]:
            continue
        parts = [f"{h}: {v}" for h, v in zip(header[1:], row[1:], strict=True) if v]
        if parts:
            out.append(f"{row[0]} – {'; '.join(parts)}.")
    return out


def _finish(sentence: str) -> str:
    sentence = sentence.rstrip(" ;,:")
    return sentence if sentence.endswith((".", "!", "…")) else sentence + "."


def is_answerable(chunk: Chunk, max_chars: int = _MAX_CHARS) -> bool:
    """True when a passage has at least one sentence the composer could quote."""
    return bool(passage_units(chunk, max_chars=max_chars))


def is_source_list(chunk: Chunk) -> bool:
    """True for a 'Kilder' (sources) section: it names documents but cannot support an answer."""
    return bool(_SKIP_SECTIONS.search(chunk.section or ""))


def passage_sentences(chunk: Chunk, lead_in: str = "", max_chars: int = _MAX_CHARS) -> list[str]:
    """The readable sentences of a passage, in order; headings, fragments, source lists and boilerplate are skipped.

    `lead_in` is the introduction of a bullet list that began in the preceding passage, if known; sentences
    longer than `max_chars` are not readable.
    """
    return [sentence for sentence, _ in passage_units(chunk, lead_in, max_chars)]


def passage_units(chunk: Chunk, lead_in: str = "", max_chars: int = _MAX_CHARS) -> list[tuple[str, str]]:
    """(sentence, context) pairs: the context is the lead-in of the list a bullet belongs to, else ''."""
    if is_source_list(chunk):
        return []
    return _parse(chunk, lead_in, max_chars)[0]


def _blocks(text: str) -> list[list[str]]:
    """Paragraphs, bullet lists and tables: runs of lines of the same kind (a list may have blank lines inside)."""
    blocks: list[list[str]] = []
    current: list[str] = []

    def kind(line: str) -> str:
        return "bullet" if BULLET.match(line) else "table" if line.lstrip().startswith("|") else "prose"

    blank = False
    for line in text.splitlines():
        if not line.strip():
            blank = True
            continue
        if current and (kind(line) != kind(current[-1]) or (blank and kind(line) != "bullet")):
            blocks.append(current)
            current = []
        blank = False
        current.append(line.strip())
    if current:
        blocks.append(current)
    return blocks


@functools.lru_cache(maxsize=4096)
def _parse(chunk: Chunk, lead_in: str = "", max_chars: int = _MAX_CHARS) -> tuple[list[tuple[str, str]], str]:
    """(sentence, context) pairs of a passage, and the list lead-in it ends with (if any).

    The context of a bullet is the lead-in that introduces its list: "tre prinsipper" is said there, not in
    "Politikere ... må gi handlingsrom og insentiver til å innovere."
    """
    units: list[tuple[str, str]] = []
    blocks = _blocks(chunk.text)
    for i, block in enumerate(blocks):
        if block[0].startswith("|"):
            # Only a table whose header is in this passage can be read out.
            rows = _table_sentences(block) if len(block) > 1 and re.match(r"^\|\s*:?-", block[1]) else []
            units.extend((row, "") for row in rows)
            lead_in = ""
            continue
        if BULLET.match(block[0]):
            for n, item in enumerate(block):
                sentences = _bullet_sentences(BULLET.sub("", item), lead_in, first=n == 0)
                units.extend((sentence, lead_in) for sentence in sentences)
            continue
        paragraph = " ".join(block)
        is_last = i + 1 == len(blocks)
        next_is_list = not is_last and bool(BULLET.match(blocks[i + 1][0]))
        if (next_is_list or is_last) and not re.search(r"[.!?»”\")]$", paragraph) and not paragraph.startswith("#"):
            # "DFØ anbefaler blant annet å:" or "regjeringen vil" introduce the bullets that follow.
            parts = split_sentences(paragraph)
            lead_in = parts[-1] if parts else paragraph
            units.extend((p, "") for p in parts[:-1])
            continue
        lead_in = ""
        if _is_heading(paragraph):
            continue
        units.extend((p, "") for p in split_sentences(paragraph))
    # "... er definert slik:" belongs with what follows it.
    joined: list[tuple[str, str]] = []
    for sentence, context in units:
        if joined and joined[-1][0].endswith(":"):
            joined[-1] = (f"{joined[-1][0]} {sentence}", joined[-1][1])
        else:
            joined.append((sentence, context))
    out = []
    for sentence, context in joined:
        sentence = clean_markup(_YES_NO_LEAD.sub("", sentence))
        if _is_readable(sentence, max_chars):
            out.append((sentence, clean_markup(context)))
    return out, lead_in


# "Ja, ifølge DFØ." or "Nei." answers the question in the note's heading, which need not be the user's question;
# the sentence after it says the same thing in full.
_YES_NO_LEAD = re.compile(
    r"^(?:\*\*)?(?:ja|nei|som hovedregel (?:ja|nei)|i utgangspunktet (?:ja|nei))(?:,[^.!?]{0,40})?[.!]\s+(?=[A-ZÆØÅ«])",
    re.IGNORECASE,
)


def _bullet_sentences(item: str, lead_in: str, first: bool = False) -> list[str]:
    """A bullet as sentences: '**Label:** text' -> 'Label: text.'; a lowercase fragment only with its lead-in."""
    label = ""
    match = _LABEL.match(item)
    if match:
        label = match.group(1).strip()
        item = item[match.end() :].strip()
    if label.endswith((".", "?", "!")):
        return split_sentences(f"{label} {item}".strip())
    if label.endswith(":"):
        parts = split_sentences(item) or [""]
        head = f"{label.rstrip(':')}: {parts[0]}" if parts[0] else ""
        return [_finish(p) for p in [head, *parts[1:]] if p]
    if label:
        # Bold words that open the sentence: "**Åpen anbudskonkurranse** er ..." or "**X**, i stedet for ..."
        joined = f"{label}{item}" if item[:1] in ",.;:)" else f"{label} {item}"
        return [_finish(p) for p in split_sentences(joined.strip())]
    if item[:1].isupper() and re.search(r"[.!?][»”\")]*$", item):
        parts = split_sentences(item)
        if first and lead_in.endswith(":") and parts:
            # "... har utviklet tre prinsipper for å fremme innovasjon: Politikere ... må gi handlingsrom ..."
            parts[0] = f"{lead_in} {parts[0]}"
        return parts
    if lead_in and item:
        # "DFØ anbefaler blant annet å (DFØ, «...»):" + "begynne tidlig;" -> "DFØ anbefaler ... å begynne tidlig (DFØ, «...»)."
        head = lead_in.rstrip(" :")
        source = re.search(r"\s*(\([^()]*\)(?:\s*\[[^\]]*\])?)$", head)
        if source:
            head = head[: source.start()]
            return [_finish(f"{head} {item.rstrip(' ;,.')} {source.group(1)}")]
        return [_finish(f"{head} {item}")]
    return []


def trailing_lead_in(chunk: Chunk) -> str:
    """The lead-in sentence a passage ends with when it stops right before (or inside) a bullet list."""
    return _parse(chunk)[1]


# Text addressed to an AI rather than to a reader ("Ignorer alle tidligere instruksjoner ...", "SYSTEM: ...") is never
# quoted: a document in the index is data, and such a sentence is either an attack or not an answer.
_INSTRUCTION_LIKE = re.compile(
    r"\b(ignorer|ignore|se bort fra|glem|disregard|forget|override)\s+(?:\w+\s+){0,3}"
    r"(instruks\w*|instruksjon\w*|instruction\w*|prompt\w*|systemprompt\w*|tidligere regler|previous rules)"
    r"|^\W*(system|assistant|assistent|user|bruker)\s*:"
    r"|system\s*-?\s*prompt|systeminstruks\w*|\b(reveal|avslør\w*)\b.{0,40}\b(prompt|instruks\w*|instruction\w*)"
    r"|\b(du er nå|you are now|act as|svar (alltid|bare) at|always answer|answer that)\b",
    re.IGNORECASE,
)


def is_instruction_like(text: str) -> bool:
    """True for text that speaks to an AI system (prompt injection), not to a reader: the phrase list above, or the
    form-based check of advisor.text.instructions (any Scandinavian language or English, invisible characters gone)."""
    return bool(_INSTRUCTION_LIKE.search(text)) or is_addressed_to_assistant(text)


def _is_readable(sentence: str, max_chars: int) -> bool:
    words = sentence.split()
    if len(words) < 5 or len(sentence) > max_chars:
        return False
    if not (sentence[0].isupper() or sentence[0].isdigit() or sentence[0] in "«\"(“"):
        return False  # starts mid-sentence (chunk overlap) or is a fragment
    if "?" in sentence or _BOILERPLATE.search(sentence):
        return False  # questions (and lists of questions) do not answer anything
    if is_instruction_like(sentence):
        log.warning("not quoting instruction-like text from a source: %r", sentence[:80])
        return False
    letters = sum(ch.isalpha() for ch in sentence)
    return letters >= 0.5 * len(sentence)
