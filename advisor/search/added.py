"""Documents added to the bundled corpus (uploads, `advisor index PATH`) may not crowd it out of a result list.

The red team uploaded Markdown files that were nothing but the words of our own questions, repeated: with equal
standing in the ranking they reached the top 5 for 47 of 91 eval questions (up to all five places of one list). The
bundled corpus is curated; an added document is not, so two rules apply to added documents only:

- **Demotion.** A passage that does not read as text is pushed down the fused ranking (its score times
  ``STUFFED_FACTOR``): almost no function words (a word list: under ``MIN_FUNCTION_SHARE`` of its words are words
  like «og», «i», «som», «the»), one word over ``MAX_TOP_TERM_SHARE`` of all words, or a vocabulary so small for its
  length (distinct/total under ``MIN_DISTINCT_SHARE``) that it must be repetition. Real prose of any length passes:
  measured on the bundled corpus, these rules would flag only its reference lists, which is why they are not
  applied to it.
- **Cap.** At most ``PER_DOCUMENT`` passages of one added document in a result list; the next-best passages take
  the places.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path

from advisor.corpus import Chunk

STUFFED_FACTOR = 0.1
MIN_FUNCTION_SHARE = 0.08
MAX_TOP_TERM_SHARE = 0.15
MIN_DISTINCT_SHARE = 0.3
MIN_WORDS = 30  # shorter passages carry too little evidence either way
PER_DOCUMENT = 2

# Frequent function words of bokmål, nynorsk, Danish/Swedish and English: real prose is a third to a half these.
_FUNCTION_WORDS = frozenset(
    "og i å det som en et ei på er for av med til at de den ikke har kan skal vi seg om fra ved eller så sin "
    "også være blir ble må etter når der var dette disse hva hvor mer enn kunne bli andre ikkje eg dei vere kva "
    "frå eit ein me og ikke af til som inte och att är för med på den det and the of to in a is for on that be "
    "are with as by or an it this from not".split()
)
_WORD = re.compile(r"\w+")


def is_added(chunk: Chunk, corpus_dir: Path) -> bool:
    """True for a passage from outside the bundled corpus folder (an upload or an added path)."""
    return _outside(chunk.source, corpus_dir)


@functools.lru_cache(maxsize=65_536)
def _outside(source: str, corpus_dir: Path) -> bool:
    # Resolving touches the file system; sources and the corpus folder do not move, and retrieval asks per candidate.
    try:
        return not Path(source).resolve().is_relative_to(corpus_dir.resolve())
    except (OSError, ValueError):
        return True


def reads_as_stuffing(text: str) -> bool:
    """True for text that is a word list or a repetition rather than prose (see the module docstring)."""
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return False
    counts = Counter(words)
    function_share = sum(counts[w] for w in _FUNCTION_WORDS if w in counts) / len(words)
    top_share = counts.most_common(1)[0][1] / len(words)
    distinct_share = len(counts) / len(words)
    return (function_share < MIN_FUNCTION_SHARE or top_share > MAX_TOP_TERM_SHARE
            or (len(words) >= 2 * MIN_WORDS and distinct_share < MIN_DISTINCT_SHARE))


def demote_stuffing(fused: dict[str, float], chunks: dict[str, Chunk], corpus_dir: Path) -> set[str]:
    """Lower the fused score of added passages that read as stuffing, in place; return their ids."""
    demoted = set()
    for cid, chunk in chunks.items():
        if is_added(chunk, corpus_dir) and reads_as_stuffing(chunk.text):
            fused[cid] *= STUFFED_FACTOR
            demoted.add(cid)
    return demoted


def cap_added(ranked: list[str], chunks: dict[str, Chunk], corpus_dir: Path) -> list[str]:
    """`ranked` with every added document's passages after its first PER_DOCUMENT moved to the end, in order."""
    seen: Counter[str] = Counter()
    kept, overflow = [], []
    for cid in ranked:
        chunk = chunks[cid]
        if is_added(chunk, corpus_dir):
            seen[chunk.doc_id] += 1
            if seen[chunk.doc_id] > PER_DOCUMENT:
                overflow.append(cid)
                continue
        kept.append(cid)
    return kept + overflow
