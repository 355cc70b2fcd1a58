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


# A question about what the specification may say: «kan vi skrive i konkurransegrunnlaget at … skal være Kärcher?»
_ASKS_TO_REQUIRE = re.compile(r"\b(?:kreve[rs]?|krevde|krevje\w*|krav\w*|skrive|spesifiser\w*|be om|konkur+anse?grunnlag\w*|"
                              r"require|specify|ask for|tender documents?|specification)\b", re.IGNORECASE)


def named_spec(question: str) -> list[QuotedSpec]:
    """The makes and models the requirement check finds in a question that asks what the specification may require
    (outside quotes): «… skal være Kärcher?» names a make the sources never hold, though they answer the question."""
    if "?" not in question or not _ASKS_TO_REQUIRE.search(question):
        return []  # a requirement pasted as a statement is the requirement check's (`tool`), not a question
    quoted = [(q.start, q.end) for q in quoted_spec(question)]
    spans: list[list] = []
    # the check reads a sentence that asks («… skal være Kärcher?») as no requirement: it reads the clause as stated
    for match in sorted(find_matches(question.replace("?", ".")), key=lambda m: m.start):
        if match.category not in _ASKED_CATEGORIES or match.severity == "low":
            continue
        if any(a <= match.start < b for a, b in quoted):
            continue
        if spans and match.start <= spans[-1][1] + 1:  # a make and its model side by side are one name
            spans[-1][1] = max(spans[-1][1], match.end)
            spans[-1][2].add(match.category)
        else:
            spans.append([match.start, match.end, {match.category}])
    return [QuotedSpec(question[a:b], a, b, tuple(c for c in _ASKED_CATEGORIES if c in found)) for a, b, found in spans]


# A make spoken of in words, not named: «skrive merket inn i konkurransegrunnlaget», «kreve samme fabrikat», «a specific
# brand». The noun forms only («merke» alone is also the verb «to mark»).
_MAKE_IN_WORDS = re.compile(r"\b(?:merket|merka|(?:et|eit|samme|same|bestemt|ett|eitt|eget|vårt|deres)\s+merke|merkenavn\w*|"
                            r"merkevare\w*|varemerke\w*|fabrikat\w*|brands?|makes?\s+of)\b", re.IGNORECASE)


def make_in_words(question: str) -> bool:
    """True for a question that asks what the specification may require and speaks of a make without naming one
    («Nå vil rektor at vi skriver merket rett inn i konkurransegrunnlaget. Er det greit?»)."""
    return "?" in question and bool(_ASKS_TO_REQUIRE.search(question)) and bool(_MAKE_IN_WORDS.search(question))


def spec_in_words(question: str, lang: str) -> str:
    """The question with each quoted passage that names a brand or a model, and each make or model named in a question
    about what the specification may require, replaced by what it names, in words («et merke og en modell»); the
    question unchanged when there is none."""
    key = "en" if lang == "en" else "nb"
    out = question
    for spec in sorted(quoted_spec(question) + named_spec(question), key=lambda s: s.start, reverse=True):
        out = out[:spec.start] + _IN_WORDS[(key, spec.found)] + out[spec.end:]
    return out
