"""Answers from curated answer cards: the card's verdict-first text, its markers pointing at the passages it cites.

    answer = card_answer(question, match, index, lang)      # match from advisor.search.match_card
"""

from __future__ import annotations

import re

from advisor.answer.engine import Answer
from advisor.corpus import Citation
from advisor.search import CardMatch, Index, source_chunk

CARD_VERSION = "card-1"

ENGLISH_LEAD = "In short (the sources are in Norwegian):"
# An English card answer is followed by the card's Norwegian wording: the sources, the terms a procurement officer
# searches for and the wording to quote in a document are Norwegian.
NORWEGIAN_WORDING = "In Norwegian:"


def card_answer(question: str, match: CardMatch, index: Index, lang: str, provider: str = "extractive",
                model: str = "", standalone: str = "") -> Answer:
    """The card's answer in the question's language, cited to its sources; in English (when the card has it) followed
    by the card's Norwegian wording, and without it the Norwegian text after a short English lead."""
    card = match.card
    citations = []
    for n, source in enumerate(card.sources, start=1):
        chunk = source_chunk(source, index.chunks)
        if chunk is None:  # match_card checked this; a card never cites a passage the index lacks
            raise ValueError(f"card {card.id}: source {source.doc} is not in the index")
        citations.append(Citation.from_chunk(n, chunk))
    text = card.text(lang)
    if lang == "en" and card.answer_en:
        text = f"{card.answer_en}\n\n{NORWEGIAN_WORDING} {card.answer}"
    used = [int(n) for n in dict.fromkeys(re.findall(r"\[(\d+)\]", text))]
    # Renumber in order of first use, and cite only the sources the text uses.
    mapping = {old: new for new, old in enumerate(used, start=1)}
    text = re.sub(r"\[(\d+)\]", lambda m: f"[{mapping[int(m.group(1))]}]", text)
    cited = [Citation.from_chunk(mapping[old], _chunk_of(citations[old - 1], index)) for old in used]
    if lang == "en" and not card.answer_en:
        text = f"{ENGLISH_LEAD} {text}"
    # That the text is a reviewed card, and which (Answer.reviewed, Answer.card_id), is in the JSON output for
    # trainers; the buyer's text carries no note about it.
    return Answer(question, text, cited, True, provider, model, CARD_VERSION, standalone or question, route="card",
                  language=lang, evidence=round(match.score, 3), card_id=card.id, reviewed=True)


def _chunk_of(citation: Citation, index: Index):
    return index.chunks[index.positions[citation.chunk_id]]
