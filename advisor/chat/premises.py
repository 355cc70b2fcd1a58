"""Premises a buyer states that the sources say are wrong («neste runde av StartOff»), each corrected by its card.

    premise_card("Når er fristen for neste runde av StartOff?", index, settings)  # -> CardMatch(startoff-ny-runde)

The premises are curated in corpus/premises.yaml: a pattern for the wording of the premise and the answer card that
corrects it. A message that rests on a wrong premise is answered by that card alone: what the rest of the message asks
presupposes the premise, and the card says what holds instead.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from advisor.config import Settings
from advisor.corpus import load_yaml
from advisor.errors import AdvisorError
from advisor.search import CardMatch, Index, load_cards

PREMISES_FILE = "premises.yaml"
_FIELDS = {"id", "says", "card"}


@dataclass(frozen=True)
class Premise:
    """A wrong premise: its id, the pattern of its wording and the id of the card that corrects it."""

    id: str
    says: re.Pattern[str]
    card: str


def load_premises(settings: Settings) -> tuple[Premise, ...]:
    """The premises of corpus/premises.yaml, checked: each has an id, a valid pattern and a card that exists. A
    missing file means no premises."""
    path = settings.corpus_dir / PREMISES_FILE
    if not path.exists():
        return ()
    cards = {card.id for card in load_cards(settings)}
    return _load(str(path), path.stat().st_mtime_ns, frozenset(cards))


@functools.lru_cache(maxsize=4)
def _load(path: str, stamp: int, cards: frozenset[str]) -> tuple[Premise, ...]:
    raw = load_yaml(Path(path).read_text(encoding="utf-8"), path)
    if not isinstance(raw, list):
        raise AdvisorError(f"{path}: expected a list of premises")
    premises = []
    for n, entry in enumerate(raw, start=1):
        where = f"{path}, premise {n}"
        if not isinstance(entry, dict) or set(entry) - _FIELDS or not all(entry.get(k) for k in _FIELDS):
            raise AdvisorError(f"{where}: expected the fields {', '.join(sorted(_FIELDS))} and no others")
        try:
            pattern = re.compile(str(entry["says"]), re.IGNORECASE)
        except re.error as exc:
            raise AdvisorError(f"{where} ({entry['id']}): 'says' is not a valid pattern: {exc}") from exc
        if entry["card"] not in cards:
            raise AdvisorError(f"{where} ({entry['id']}): no answer card has the id {entry['card']!r}")
        premises.append(Premise(str(entry["id"]), pattern, str(entry["card"])))
    return tuple(premises)


def premise_card(message: str, index: Index, settings: Settings) -> CardMatch | None:
    """The card that corrects a wrong premise the message rests on, or None."""
    for premise in load_premises(settings):
        if premise.says.search(message):
            card = next(c for c in load_cards(settings) if c.id == premise.card)
            return CardMatch(card, 1.0, premise.id)
    return None
