"""Sentences of a message or an answer, split one way for the whole chat.

    split_sentences("Vi er en kommune. Kan vi bruke del II?")            # ['Vi er en kommune.', 'Kan vi bruke del II?']
    split_sentences("Ca. 5 mill. kr. Hva gjelder?", capital=True)     # split only before a capital letter
"""

from __future__ import annotations

import re

__all__ = ["GROUND_CLAUSE", "split_sentences"]

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



# A clause that states the ground of a question before the clause that asks («Siden EØS-terskelen er 2,3 mill., er vi
# vel i del II?», «Ettersom vi er et foretak, hvilken del gjelder?», «Since we are small, may we …?»): the opening
# word, the ground (commas in it included) up to the comma before the asking word, and a «så» after that comma.
# `match` reads the ground a sentence opens with; `sub` leaves out a ground wherever it stands («…, og siden …, er vi
# …?»), except one opened by a word that also joins clauses inside a sentence («når», «da», «som»): only first.
_ASKING = (r"er|kan|må|skal|bør|får|har|gjelder|gjeld|trenger|treng|holder|blir|stemmer|vil|går|betyr|hva|kva|hvor|kor|"
           r"hvorfor|kvifor|hvem|kven|hvilke\w*|kva for|hvordan|korleis|når|is|are|can|may|must|should|do|does|will|"
           r"would|could|need|what|which|who|why|how|when")
GROUND_CLAUSE = re.compile(rf"(?:^\s*(?:når|da|som|given that)|(?:^\s*)?\b(?:siden|sidan|ettersom|fordi|since|because|as))"
                           rf"\b[^?]*?,\s*(?:(?:så|so|then)\s+)?(?=(?:{_ASKING})\b)", re.IGNORECASE)
