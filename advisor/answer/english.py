"""The English lead of an answer quoted from Norwegian sources: one line in English before the Norwegian quote.

    lead = english_lead(question, home_chunk, first_sentence, items=0)
    # "Yes. The Norwegian source «Markedsdialog før konkurransen – regler og fremgangsmåter» answers this under
    #  «Kort svar: kan vi snakke med leverandører før vi kunngjør» (quoted in Norwegian below)."

Everything in it is derived without a model: the verdict from the source's own «Ja.» / «Nei.» that opens the quoted
paragraph (only for a yes/no question), what the source is from its title and heading, and for a list how many
points it has. The line is a frame, not a quote: it carries no citation marker, and `strip_english_lead` takes it off
again where only the quoted text counts (the faithfulness measure).
"""

from __future__ import annotations

import re

from advisor.corpus import Chunk

_YES_NO_QUESTION = re.compile(
    r"^\s*(is|are|can|could|do|does|did|must|may|might|should|shall|has|have|will|would)\b", re.IGNORECASE)
# The verdict that opens a source paragraph: «Ja.», «**Nei.**», «Ja, ifølge DFØ.», «Som hovedregel ja.»
_VERDICT = re.compile(
    r"^\W*(?P<qual>som hovedregel |i utgangspunktet )?(?P<word>ja|nei)\b(?:,[^.!?]{0,40})?[.!]", re.IGNORECASE)
_ENGLISH = {("", "ja"): "Yes.", ("", "nei"): "No.", ("som hovedregel ", "ja"): "As a rule, yes.",
            ("som hovedregel ", "nei"): "As a rule, no.", ("i utgangspunktet ", "ja"): "In principle, yes.",
            ("i utgangspunktet ", "nei"): "In principle, no."}
# The frame line, with its verdict word or (see with_english_answer) an English sentence of a verified card before it.
_LEAD = re.compile(r"^(?:[^\n]*? )?The Norwegian source «[^»\n]*» [^\n]*\(quoted in Norwegian below\)\.\n\n")
_BARE_VERDICT = re.compile(r"^(?:Yes|No|As a rule, (?:yes|no)|In principle, (?:yes|no))\. (?=The Norwegian source «)")


def heading(chunk: Chunk) -> str:
    """The passage's own heading: the last step of its section path, without Markdown marks."""
    last = re.split(r"\s*(?:›|>)\s*", chunk.section or "")[-1]
    return last.strip(" #*").strip()


def verdict(question: str, chunk: Chunk, first_sentence: str) -> str:
    """'Yes.' / 'No.' (or a qualified form) when a yes/no question is answered by a source paragraph that opens
    with «Ja» / «Nei» and goes on with the quoted sentence; else ''."""
    if not _YES_NO_QUESTION.match(question):
        return ""
    key = re.sub(r"\W+", " ", first_sentence).lower().strip()[:40]
    for paragraph in re.split(r"\n\s*\n", chunk.text):
        flat = re.sub(r"\W+", " ", paragraph).lower()
        match = _VERDICT.match(paragraph.strip())
        if match and key and key in flat:
            return _ENGLISH[((match.group("qual") or "").lower(), match.group("word").lower())]
    return ""


def english_lead(question: str, chunk: Chunk, first_sentence: str, items: int = 0) -> str:
    """The English line that opens an English question's answer quoted from a Norwegian passage."""
    title, head = chunk.title.strip(), heading(chunk)
    what = f"lists {items} points" if items else "answers this"
    where = f" under «{head}»" if head and head.lower() != title.lower() else ""
    line = f"The Norwegian source «{title}» {what}{where} (quoted in Norwegian below)."
    said = verdict(question, chunk, first_sentence)
    return f"{said} {line}" if said else line


def has_english_lead(text: str) -> bool:
    """True for an answer that opens with the English frame line before a Norwegian quote."""
    return bool(_LEAD.match(text))


def with_english_answer(text: str, sentence: str, question: str = "") -> str:
    """The text with `sentence` (the English answer of a verified card on the quoted passage's topic) opening its
    frame line, so the first sentence answers in English rather than describing the source; a bare verdict word the
    frame had («Yes.») is kept before a sentence that has none of its own, and the sentence's own «Yes, » / «No, » is
    dropped for a question that is not yes/no. The text unchanged without a frame line."""
    match = _LEAD.match(text)
    sentence = re.sub(r"\s*\[[\d, ]+\]", "", sentence).strip()
    if not match or not sentence:
        return text
    if question and not _YES_NO_QUESTION.match(question):
        sentence = re.sub(r"^(?:Yes|No)(?:, not always)?[,:.]\s+(\w)", lambda m: m.group(1).upper(), sentence)
    frame = match.group(0)
    verdict = _BARE_VERDICT.match(frame)
    if verdict:
        frame = frame[verdict.end():]
        if not re.match(r"^(?:Yes|No)\b", sentence):
            sentence = f"{verdict.group(0)}{sentence}"
    return f"{sentence} {frame}{text[match.end():]}"


def strip_english_lead(text: str) -> str:
    """The answer text without its English lead line (if it has one)."""
    return _LEAD.sub("", text, count=1)
