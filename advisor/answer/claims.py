"""A claim to check («Is it true that the project was an innovation partnership?») answered with its verdict first.

    claim_verdict("Stemmer det at prosjektet var et innovasjonspartnerskap?", "Fylket gjennomførte en førkommersiell
                  anskaffelse … [1].", "nb")
    # -> "Nei. Det var en førkommersiell anskaffelse, ikke et innovasjonspartnerskap. Fylket gjennomførte …"

Only where it is safe: the claim names one procedure, and the answer's first sentence names another procedure and not
the claimed one. Any other answer is left as it is (its own wording says what it says).
"""

from __future__ import annotations

import re

from advisor.answer.english import strip_english_lead
from advisor.search import CONCEPTS

_NAMED = {concept.name: concept.named for concept in CONCEPTS if concept.procedure}
# (pattern, bokmål with article, English with article) for the procedures a claim may name
_PROCEDURES: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE), nb, en) for pattern, nb, en in (
        (_NAMED.get("førkommersiell anskaffelse", r"førkommersiell\w* anskaff\w*|PCP|pre-commercial procurement"),
         "en førkommersiell anskaffelse", "a pre-commercial procurement"),
        (_NAMED.get("innovasjonspartnerskap", r"innovasjonspartnerskap\w*|innovation partnerships?"),
         "et innovasjonspartnerskap", "an innovation partnership"),
        (_NAMED.get("konkurransepreget dialog", r"konkurransepreget dialog|KPD|competitive dialogue"),
         "en konkurransepreget dialog", "a competitive dialogue"),
        (r"(?:tilbuds|anbuds|tilbods|anbods)?konkurranse med forhandling|KMF|competitive procedure with negotiation|"
         r"negotiated procedure", "en konkurranse med forhandling", "a competitive procedure with negotiation"),
    ))
# «Stemmer det at …?», «Is it true that …?», and the question what a case was («Var prosjektet et …?», «Was the
# project a …?»); not «Er det lov å bruke …?», which asks what may be done, not what something is.
_CLAIM = re.compile(r"^\s*(?:(?:is it (?:true|correct|right) that|stemmer det at|er det (?:riktig|rett|sant|korrekt) at)"
                    r"\b(?P<claim>[^?]+)|(?P<past>(?:was|were|var)\b[^?]+))\??\s*$", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|never|ikke|ikkje|aldri|n't)\b", re.IGNORECASE)
_PAST = re.compile(r"\b(?:was|were|var|vart|ble|blei|brukte|nytta|valgte|valde|gjennomførte|hadde|had|used|ran|chose)\b",
                   re.IGNORECASE)
_VERDICT = re.compile(r"^\W*(?:yes|no|ja|nei)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«(])")


def _named(text: str) -> set[int]:
    return {n for n, (pattern, _, _) in enumerate(_PROCEDURES) if pattern.search(text)}


def claim_verdict(question: str, text: str, lang: str) -> str:
    """The answer text with «No. It was B, not A.» («Nei. Det var B, ikke A.») before it, for a question that asks
    whether a claim naming procedure A is true and an answer whose first sentence names procedure B and not A; the
    text as it is otherwise (another kind of question, a negated claim, a verdict there already, no clear contrast)."""
    match = _CLAIM.match(question)
    claim = (match.group("claim") or match.group("past")) if match else ""
    if not claim or _NEGATED.search(claim) or _VERDICT.match(text):
        return text
    claimed = _named(claim)
    first = _SENTENCE_END.split(strip_english_lead(text).strip(), maxsplit=1)[0]
    told = _named(first)
    if len(claimed) != 1 or len(told) != 1 or claimed & told:
        return text
    (a,), (b,) = claimed, told
    past = bool(_PAST.search(claim))
    if lang == "en":
        lead = f"No. It {'was' if past else 'is'} {_PROCEDURES[b][2]}, not {_PROCEDURES[a][2]}."
    else:
        lead = f"Nei. Det {'var' if past else 'er'} {_PROCEDURES[b][1]}, ikke {_PROCEDURES[a][1]}."
    return f"{lead} {text}"
