"""Word frequency in ordinary bokmål text (wordfreq's Zipf scale): how common a word is, for every feature that asks.

OCR repair prefers the more frequent reading, compound splitting accepts only common parts, query terms weigh rare
words higher, and the requirement analyzer tells a product name from an ordinary word by it.
"""

from __future__ import annotations

import functools


@functools.cache
def _zipf_table() -> dict[str, float]:
    import math

    from wordfreq import get_frequency_dict

    # Zipf = log10(frequency per billion words); 'og' is about 7.3, 'partnerskap' about 3.7.
    return {w: math.log10(f) + 9 for w, f in get_frequency_dict("nb").items() if f > 0}


def zipf(word: str) -> float:
    """Frequency of a bokmål word on the Zipf scale (0 = unknown, 7 = 'og')."""
    return _zipf_table().get(word.lower(), 0.0)
