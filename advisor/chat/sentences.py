"""Sentences of a message or an answer, split one way for the whole chat.

    split_sentences("Vi er en kommune. Kan vi bruke del II?")            # ['Vi er en kommune.', 'Kan vi bruke del II?']
    split_sentences("Ca. 5 mill. kr. Hva gjelder?", capital=True)     # split only before a capital letter
"""

from __future__ import annotations

import re

__all__ = ["split_sentences"]

# Abbreviations whose full stop ends no sentence even before a capital letter («excl. VAT», «eks. MVA», «jf. FOA»).
_NOT_AN_END = "".join(rf"(?<!\b{word}\.)" for word in ("excl", "incl", "eks", "ekskl", "inkl", "jf", "jfr", "cf"))
# A sentence ends at «.», «!» or «?» followed by white space.
_END = re.compile(rf"(?<=[.!?]){_NOT_AN_END}\s+")
# … and the next one begins with a capital letter (so «ca. 5 mill. kr» and «m.m. gjelder» stay whole).
_END_BEFORE_CAPITAL = re.compile(rf"(?<=[.!?]){_NOT_AN_END}\s+(?=[A-ZÆØÅ])")


def split_sentences(text: str, *, capital: bool = False, maxsplit: int = 0) -> list[str]:
    """The sentences of `text` (split after «.», «!» or «?» and white space); with `capital` only where the next
    sentence begins with a capital letter; with `maxsplit` at most that many splits (the rest stays one piece)."""
    return (_END_BEFORE_CAPITAL if capital else _END).split(text, maxsplit=maxsplit)
