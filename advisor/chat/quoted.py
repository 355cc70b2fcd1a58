"""Specification text quoted in a question: the brand and model in it, and the question with them said in words.

    quoted_spec('We have "Electrolux Line 6000, 10 kg" in the spec, how should we describe the need instead?')
    # -> [QuotedSpec(text='Electrolux Line 6000, 10 kg', found=('brand', 'model_type'))]
    spec_in_words(question, "en")
    # -> 'We have "a brand and a model" in the spec, how should we describe the need instead?'

A buyer asking how to rewrite a requirement often pastes the words of the specification between quotes. The make, the
model number and the figures in them are words no answer card or passage holds, so they pull the search to whatever
passage shares «10 kg»; the requirement check, on the other hand, reads a bare line «Electrolux Line 6000» as a brand
and a model. The quoted text is therefore checked on its own (advisor.requirements.find_matches, no settings needed),
and the question is searched with what the check found said in words («et merke og en modell»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from advisor.requirements import find_matches

# A quoted passage: «…», "…", “…” or '…' of at least three characters.
_QUOTED = re.compile(r"«([^»]{3,200})»|\"([^\"]{3,200})\"|“([^”]{3,200})”|'([^']{3,200})'")
# What the requirement check finds that the question is about: a make and a model or type designation.
_ASKED_CATEGORIES = ("brand", "model_type")
_IN_WORDS = {
    ("nb", ("brand",)): "et merke",
    ("nb", ("model_type",)): "en modell",
    ("nb", ("brand", "model_type")): "et merke og en modell",
    ("en", ("brand",)): "a brand",
    ("en", ("model_type",)): "a model",
    ("en", ("brand", "model_type")): "a brand and a model",
}


@dataclass(frozen=True)
class QuotedSpec:
    """A quoted passage of a question and what the requirement check found in it (brand, model_type), in that order."""

    text: str
    start: int
    end: int
    found: tuple[str, ...]


def quoted_spec(question: str) -> list[QuotedSpec]:
    """The quoted passages of a question that name a brand or a model, with what was found in each."""
    out = []
    for m in _QUOTED.finditer(question):
        group = next(i for i in range(1, 5) if m.group(i) is not None)
        text = m.group(group)
        categories = {match.category for match in find_matches(text)}
        found = tuple(c for c in _ASKED_CATEGORIES if c in categories)
        if found:
            out.append(QuotedSpec(text, m.start(), m.end(), found))
    return out


def spec_in_words(question: str, lang: str) -> str:
    """The question with each quoted passage that names a brand or a model replaced by what it names, in words
    («et merke og en modell»); the question unchanged when it quotes none."""
    key = "en" if lang == "en" else "nb"
    out = question
    for spec in reversed(quoted_spec(question)):
        out = out[:spec.start] + _IN_WORDS[(key, spec.found)] + out[spec.end:]
    return out
