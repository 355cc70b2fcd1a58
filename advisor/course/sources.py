"""The sources of a case's reasoning, by title: "[guide-terskelverdier]" in a reasoning becomes "[1]", and source 1 is
the guidance note "Terskelverdier og forskriftens deler" with its first passage (advisor.corpus.cite)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from advisor.config import Settings
from advisor.corpus import Citation, cite
from advisor.errors import AdvisorError

# "[guide-a]" or "[guide-a, guide-b]": lower-case document ids, as the case bank writes them.
_MARKER = re.compile(r"\[((?:[a-z0-9][a-z0-9\-]*)(?:\s*,\s*[a-z0-9][a-z0-9\-]*)*)\]")


@dataclass(frozen=True)
class CitedText:
    """A reasoning with numbered markers, the sources the numbers point to, and ids that are not in the corpus."""

    text: str
    citations: tuple[Citation, ...]
    unknown: tuple[str, ...] = ()


def cite_reasoning(text: str, source_ids: Sequence[str], settings: Settings) -> CitedText:
    """Number the document ids in `text` ([id] -> [n]) and every listed source, in order of first use."""
    numbers: dict[str, int] = {}
    citations: list[Citation] = []
    unknown: list[str] = []

    def number_of(doc_id: str) -> int | None:
        if doc_id in numbers:
            return numbers[doc_id]
        try:
            citation = cite(settings, doc_id, n=len(citations) + 1)
        except AdvisorError:
            if doc_id not in unknown:
                unknown.append(doc_id)
            return None
        numbers[doc_id] = citation.n
        citations.append(citation)
        return citation.n

    def replace(match: re.Match[str]) -> str:
        ids = [part.strip() for part in match.group(1).split(",")]
        found = [number_of(doc_id) for doc_id in ids]
        if not all(found):
            return match.group(0)  # not a list of corpus ids (or a typo): leave the text as written
        return "[" + ", ".join(str(n) for n in found) + "]"

    cited = _MARKER.sub(replace, text)
    for doc_id in source_ids:
        number_of(doc_id)
    return CitedText(cited, tuple(citations), tuple(unknown))
