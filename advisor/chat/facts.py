"""Case facts in a chat message: value, buyer, contract type and special regimes, read by the assessment's own reader.

    facts = read_facts("Vi er en kommune og skal kjøpe en byggekontrakt til 30 mill. kr")
    facts = facts.inherit(read_facts(previous_question))     # a follow-up keeps the buyer and value said before

The assessment's free-text reader (advisor.assessment.extract_case) does all the reading, so a chat question and
`advisor assess --text` read the same facts from the same words; this module keeps the keys a case needs and carries
facts from earlier turns into a follow-up that does not restate them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from advisor.assessment import IT_PURCHASE_NOTE, READ_FROM_TEXT, ValueBound, extract_case, read_value_bound

__all__ = ["CASE_KEYS", "IT_PURCHASE_NOTE", "CaseFacts", "read_facts", "threshold_compared"]

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


# No single purchase is worth this much: an amount from here up is a national total («det offentlige kjøper for
# 560 mrd. kr i året»), quoted as a figure to check, not the value of the asker's contract.
NATIONAL_TOTAL_NOK = 50_000_000_000
# The public sector as a whole buying or spending: the amount said of it is its total, not a purchase of the asker's.
_PUBLIC_SECTOR_TOTAL = re.compile(
    r"\b(?:det offentlige|det offentlege|offentlig sektor|offentleg sektor|hele offentlig sektor|the public sector|"
    r"offentlige innkjøp|offentlege innkjøp|dei offentlege innkjøpa|de offentlige innkjøpene|(?:norsk|norske) "
    r"(?:kommuner|offentlige virksomheter)|public procurement in Norway)\b", re.IGNORECASE)
# The value keys a national total would fill.
_VALUE_KEYS = ("estimated_value_nok", "value_per_period_nok", "value_period", "duration_months", "option_months",
               "open_ended", "value_parts")
# «Nabokommunen har ein rammeavtale …, kan vi …?», «kommunane våre»: the asker, a neighbour or owner of municipalities
# together with them, is a municipality itself.
_OUR_MUNICIPALITY = re.compile(r"\b(?:nabokommunen|nabokommunane|nabokommunene|nabokommune|vår kommune|kommunen vår|"
                               r"kommunane våre|kommunene våre|våre kommuner|our municipality|neighbouring municipality)\b",
                               re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:vi|me|oss|vår|vårt|våre|we|us|our)\b", re.IGNORECASE)


def _national_total(values: dict[str, Any], text: str) -> bool:
    """True when the message's amount is the public sector's total spending (said of it, or too large for any one
    contract), not a purchase of the asker's."""
    amount = max((values.get(k) or 0) for k in ("estimated_value_nok", "value_per_period_nok"))
    return amount >= NATIONAL_TOTAL_NOK or (amount > 0 and bool(_PUBLIC_SECTOR_TOTAL.search(text)))


# The thresholds a user compares a value with («langt under 1,3 mill.», «over terskelen på 2,3 mill.»).
_THRESHOLD_AMOUNTS = (100_000, 1_300_000, 1_490_000, 2_300_000, 57_800_000)
_COMPARED = re.compile(r"\b(?:under|over|unna|opp mot|nær|below|above|under the|over the|terskel\w*|threshold\w*)"
                       r"(?:\s+(?:the|på|of|for|verdien|terskelen|terskelverdien|threshold|grensen|grensa))*\s*$",
                       re.IGNORECASE)


def threshold_compared(values: dict[str, Any], notes: list[tuple[str, str]], text: str) -> bool:
    """True when the total value read is a threshold the user compares a per-period value with («Det blir 420 000 kr i
    året, altså langt under 1,3 mill.»): the user's reading of the threshold, not the contract's value."""
    value = values.get("estimated_value_nok")
    if value not in _THRESHOLD_AMOUNTS or values.get("value_per_period_nok") is None:
        return False
    phrase = next((m.group(1) for k, n in notes if k == "estimated_value_nok" and (m := re.search(r"«([^»]+)»", n))), "")
    at = text.find(phrase) if phrase else -1
    return at > 0 and bool(_COMPARED.search(text[max(0, at - 40):at].rstrip()))


def read_facts(text: str) -> CaseFacts:
    """The case facts a message states, as the assessment's reader reads them (Norwegian, nynorsk and English).

    A national total quoted in the message («560 mrd. kr i året») is no purchase value: the message keeps no value.
    A message told from a municipality's side («nabokommunen», «kommunane våre») has a municipal buyer."""
    extraction = extract_case(text)
    values = {k: v for k, v in extraction.values.items() if k in CASE_KEYS}
    notes = [(k, n) for k, n in extraction.notes if k in CASE_KEYS]
    if _national_total(values, text):
        values = {k: v for k, v in values.items() if k not in _VALUE_KEYS and k != "buyer"}
        notes = [(k, n) for k, n in notes if k in values]
    if threshold_compared(values, notes, text):
        values.pop("estimated_value_nok")
        notes = [(k, n) for k, n in notes if k != "estimated_value_nok"]
    if "buyer" not in values and (said := _OUR_MUNICIPALITY.search(text)) and _FIRST_PERSON.search(text):
        values["buyer"] = "municipal"
        notes.append(("buyer", f"{READ_FROM_TEXT} «{said.group(0)}» → oppdragsgiveren er en kommune (kommune/fylkeskommune)."))
    bound = read_value_bound(text) if values.get("estimated_value_nok") is not None else None
    return CaseFacts(values, notes, bound=bound)
