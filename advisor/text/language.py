"""Which language a question is in: Norwegian bokmål, Danish or English (by function words; short texts default to nb)."""

from __future__ import annotations

import re

_WORDS = re.compile(r"[a-zæøåäöé]+")
_MARKERS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the what how does is are of and to in for when should can do a an which be we our with who why "
        "there this that it will would if or not".split()
    ),
    "nb": frozenset(
        "og i det som er på for med til hva hvordan når kan vi en et av at skal ikke har hvilke må om bør "
        "jeg dere hvem hvorfor mye noe eller være blir etter".split()
    ),
    "da": frozenset(
        "hvad hvornår af mellem virksomheder regering samarbejde ikke også nogle hvilken hvordan "
        "kommuner offentlige arbejdspladser blive bliver efter".split()
    ),
}
# Words only Danish writes this way (bokmål: hva, når, av, mellom, også, noen, blir).
_DANISH_ONLY = frozenset("hvad hvornår mellem nogle bliver blive samarbejde virksomheder arbejdspladser".split())


def detect_language(text: str) -> str:
    """'en', 'da' or 'nb' for a question; Norwegian unless the function words clearly say otherwise."""
    words = _WORDS.findall(text.lower())
    if not words:
        return "nb"
    en = sum(w in _MARKERS["en"] for w in words)
    nb = sum(w in _MARKERS["nb"] for w in words)
    if en > nb:
        return "en"
    if any(w in _DANISH_ONLY for w in words) or (" af " in f" {' '.join(words)} " and " av " not in f" {' '.join(words)} "):
        return "da"
    return "nb"
