"""Case facts in a chat message: value, buyer, contract type and special regimes, read by the assessment's own reader.

    facts = read_facts("Vi er en kommune og skal kjøpe en byggekontrakt til 30 mill. kr")
    facts = facts.inherit(read_facts(previous_question))     # a follow-up keeps the buyer and value said before

The assessment's free-text reader (advisor.assessment.extract_case) does all the reading, so a chat question and
`advisor assess --text` read the same facts from the same words; this module keeps the keys a case needs and carries
facts from earlier turns into a follow-up that does not restate them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from advisor.assessment import IT_PURCHASE_NOTE, READ_FROM_TEXT, ValueBound, extract_case, read_value_bound

__all__ = ["CASE_KEYS", "IT_PURCHASE_NOTE", "CaseFacts", "read_facts"]

# The keys that make a case in a chat: what the part and threshold depend on.
CASE_KEYS = ("estimated_value_nok", "buyer", "category", "health_social_services", "special_services", "utilities",
             "regime", "value_per_period_nok", "value_period", "duration_months", "option_months", "open_ended",
             "value_parts")


@dataclass
class CaseFacts:
    """The case keys read from a message (only those stated), with a Norwegian note per key on where it came from."""

    values: dict[str, Any] = field(default_factory=dict)
    notes: list[tuple[str, str]] = field(default_factory=list)
    inherited: list[str] = field(default_factory=list)  # keys taken from earlier turns
    # The ceiling the value was stated as («under 1,3 mill.»), kept with the value into a follow-up so the follow-up
    # is answered for every value under it, not for the ceiling itself.
    bound: ValueBound | None = None

    @property
    def has_value(self) -> bool:
        """True when a contract value was stated (or inherited)."""
        return any(self.values.get(k) is not None for k in ("estimated_value_nok", "value_per_period_nok"))

    def inherit(self, earlier: CaseFacts, same_message: bool = False) -> CaseFacts:
        """These facts plus the keys of `earlier` that this message does not state itself.

        `earlier` is an earlier turn's facts, whose keys are noted «Fra tidligere i samtalen»; with `same_message` it
        is the whole message a part of a compound question belongs to, whose keys keep their own notes (and count as
        inherited only when the message itself took them from earlier turns)."""
        merged = CaseFacts(dict(self.values), list(self.notes), list(self.inherited), self.bound)
        if "estimated_value_nok" not in self.values and not self.has_value:
            merged.bound = earlier.bound
        for key in CASE_KEYS:
            if key in earlier.values and key not in merged.values:
                if key == "value_parts" and self.has_value:
                    continue  # the parts of an earlier value do not describe the value this message states
                merged.values[key] = earlier.values[key]
                note = next((note for k, note in earlier.notes if k == key), None)
                if note is None:  # a key noted under another (the parts under the value): no note of its own
                    continue
                if same_message:
                    merged.notes.append((key, note))
                    if key in earlier.inherited:
                        merged.inherited.append(key)
                    continue
                merged.inherited.append(key)
                merged.notes.append((key, "Fra tidligere i samtalen: " + note.replace(READ_FROM_TEXT + " ", "")))
        return merged


def read_facts(text: str) -> CaseFacts:
    """The case facts a message states, as the assessment's reader reads them (Norwegian, nynorsk and English)."""
    extraction = extract_case(text)
    values = {k: v for k, v in extraction.values.items() if k in CASE_KEYS}
    notes = [(k, n) for k, n in extraction.notes if k in CASE_KEYS]
    bound = read_value_bound(text) if values.get("estimated_value_nok") is not None else None
    return CaseFacts(values, notes, bound=bound)
