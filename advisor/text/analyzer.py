"""The Norwegian analyzer: text -> search terms by Snowball stemming plus compound splitting.

Norwegian writes compounds as one word: a buyer asking about "partnerskap" should find
"innovasjonspartnerskap", and "kravspesifikasjonen" should meet "spesifikasjon". Each long word is split
into known words (bokmål lexicon from wordfreq), allowing the linking letters -s- and -e-
("innovasjon|s|partnerskap"); the parts are indexed alongside the whole word.
"""

from __future__ import annotations

import functools
import re

from advisor.text.wordfreq import zipf

_TOKEN = re.compile(r"[0-9a-zæøåéüäö]+", re.IGNORECASE)
_MIN_PART = 4  # shorter parts ("inn", "se") split too eagerly
_MIN_PART_ZIPF = 2.5  # a part must be a reasonably common word on its own
_MIN_SPLIT_LEN = 9


@functools.cache
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("norwegian")


@functools.lru_cache(maxsize=200_000)
def split_compound(word: str) -> tuple[str, ...]:
    """The parts of a Norwegian compound ("innovasjonspartnerskap" -> ("innovasjon", "partnerskap")), or ()."""
    if len(word) < _MIN_SPLIT_LEN or not word.isalpha():
        return ()
    best: tuple[float, tuple[str, ...]] = (0.0, ())
    for i in range(_MIN_PART, len(word) - _MIN_PART + 1):
        head = word[:i]
        for link in ("", "s", "e"):
            if link and not word.startswith(link, i):
                continue
            tail = word[i + len(link) :]
            if len(tail) < _MIN_PART:
                continue
            head_z = zipf(head)
            if head_z < _MIN_PART_ZIPF:
                continue
            tail_z = zipf(tail)
            tail_parts: tuple[str, ...] = (tail,)
            if tail_z < _MIN_PART_ZIPF:
                sub = split_compound(tail)
                if not sub:
                    continue
                tail_z = min(zipf(p) for p in sub)
                tail_parts = sub
            score = min(head_z, tail_z)
            if score > best[0]:
                best = (score, (head, *tail_parts))
    return best[1]


class Analyzer:
    """Text -> BM25 terms: lowercase, stem, and (optionally) add the stems of compound parts."""

    def __init__(self, decompound: bool = True) -> None:
        self.decompound = decompound

    @functools.lru_cache(maxsize=300_000)  # noqa: B019 - one analyzer per index, lives as long as it
    def _terms_of(self, word: str) -> tuple[str, ...]:
        stem = _stemmer().stemWord(word)
        if not self.decompound:
            return (stem,)
        parts = split_compound(word)
        return (stem, *(_stemmer().stemWord(p) for p in parts))

    def terms(self, text: str) -> list[str]:
        """The BM25 terms of a text."""
        out: list[str] = []
        for word in _TOKEN.findall(text.lower()):
            out.extend(self._terms_of(word))
        return out
