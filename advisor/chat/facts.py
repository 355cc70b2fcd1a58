"""Case facts in a chat message: value, buyer, contract type and special regimes, read by the assessment's own reader.

    facts = read_facts("Vi er en kommune og skal kjøpe en byggekontrakt til 30 mill. kr")
    facts = facts.inherit(read_facts(previous_question))     # a follow-up keeps the buyer and value said before

The assessment's free-text reader (advisor.assessment.extract_case) does the Norwegian reading; this module adds the
few forms a chat question uses that a purchase description seldom does (English wording, «byggekontrakt»), and
carries facts from earlier turns into a follow-up that does not restate them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from advisor.assessment import extract_case

# The keys that make a case in a chat: what the part and threshold depend on.
CASE_KEYS = ("estimated_value_nok", "buyer", "category", "health_social_services", "special_services", "utilities",
             "regime", "value_per_period_nok", "value_period", "duration_months", "option_months", "open_ended",
             "value_parts")

_EN_AMOUNT = re.compile(
    r"(?:NOK|kr\.?)\s*(\d+(?:[.,]\d+)?)\s*(million|mill\.?|m)\b|(\d+(?:[.,]\d+)?)\s*(million|mill\.?|m)\s*(?:NOK|kroner|kr)\b"
    r"|(\d{1,3}(?:[ ,]\d{3})+)\s*(?:NOK|kroner)\b",
    re.IGNORECASE,
)
_EXTRA: dict[str, tuple[tuple[str, Any], ...]] = {
    r"\bbygg\w*kontrakt\w*|\bbygge- og anleggs\w*|\bbyggearbeid\w*|\bbygging\b|\bbyggjekontrakt\w*|\bworks contract\w*|"
    r"\bconstruction\b|\bbuilding works\b|\bbuild (?:a|an|the|new|our)\b|\brenovat\w*|\brefurbish\w*|\b(?:et|eit|nytt|nytt) bygg\b": (("category", "works"),),
    r"\bmunicipalit(?:y|ies)\b|\bcount(?:y|ies)(?: councils?)?\b|\bkommunar\b|\b(?:fylkes)?kommuner(?:ne)?\b|"
    r"^\s*(?:fylket|fylka)\b|"  # «Fylket skal kjøpe …» opening a message: the county authority
    # «teknisk drift i kommunen», «kommunens skoler», «fylkeskommunen»: the definite form names the buyer, where «i
    # Lyngdal kommune» (which the assessment's reader leaves out as a place) names where something is.
    r"\b(?:fylkes)?kommun(?:en|ens|a|as)\b":
        (("buyer", "municipal"),),
    r"\bministry\b|\bdirectorate\b|\bcentral government\b|\bstate (?:agency|body|authority)\b|\bstaten\b|"
    r"\bstatlige? (?:oppdragsgiver\w*|etat\w*|virksomhet\w*)": (("buyer", "state"),),
    # A health trust (helseforetak) or regional health authority is a body governed by public law, not the state.
    r"\b(?:regional )?health (?:trusts?|authorit(?:y|ies)|enterprises?)\b|\bhospital trusts?\b": (("buyer", "other"),),
    r"\bservices\b": (("category", "services"),),
    r"\bgoods\b|\bequipment\b|\bfurniture\b|\bdesks?\b|\bchairs\b": (("category", "goods"),),
    r"\bhealth and social services\b|\bhelse- og sosialtenest\w*": (("health_social_services", True),),
    r"\butilit(?:y|ies)\b": (("utilities", True),),
}


# An IT purchase for a health or social service, and the buyer naming the class itself.
_IT_PURCHASE = re.compile(r"\b\w*fagsystem\w*|\b\w*journalsystem\w*|\bsaksbehandlingssystem\w*|\bIT-system\w*|"
                          r"\bprogramvare\w*|\bsoftware\b|\bcase (?:handling|management) system\b|"
                          r"\b(?:digital\w*|elektronisk\w*|nytt)\s+(?:\w+\s+)?(?:fag|IT-|data)?system\w*|"
                          r"\b\w*(?:oppvekst|arkiv|økonomi|lønns|HR-|skole|barnehage|administrasjons)system\w*|"
                          r"\b(?:IT|software|management) system\b|\bSaaS\b|\bskytjeneste\w*", re.IGNORECASE)
# How a software purchase is read: the goods threshold is that of services too, so «varer» stands for both.
IT_PURCHASE_NOTE = "er et IT-kjøp: varer eller tjenester (samme terskel), ikke bygg og anlegg."
_CLASS_NAMED = re.compile(r"\bhelse- og (?:omsorgs|sosial)te?n?\w*|\bhealth and social services\b", re.IGNORECASE)


@dataclass
class CaseFacts:
    """The case keys read from a message (only those stated), with a Norwegian note per key on where it came from."""

    values: dict[str, Any] = field(default_factory=dict)
    notes: list[tuple[str, str]] = field(default_factory=list)
    inherited: list[str] = field(default_factory=list)  # keys taken from earlier turns

    @property
    def has_value(self) -> bool:
        """True when a contract value was stated (or inherited)."""
        return any(self.values.get(k) is not None for k in ("estimated_value_nok", "value_per_period_nok"))

    def inherit(self, earlier: CaseFacts, same_message: bool = False) -> CaseFacts:
        """These facts plus the keys of `earlier` that this message does not state itself.

        `earlier` is an earlier turn's facts, whose keys are noted «Fra tidligere i samtalen»; with `same_message` it
        is the whole message a part of a compound question belongs to, whose keys keep their own notes (and count as
        inherited only when the message itself took them from earlier turns)."""
        merged = CaseFacts(dict(self.values), list(self.notes), list(self.inherited))
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
                merged.notes.append((key, "Fra tidligere i samtalen: " + note.replace("Tolket fra teksten: ", "")))
        return merged


def _english_amount(text: str) -> int | None:
    values = []
    for m in _EN_AMOUNT.finditer(text):
        if m.group(1) or m.group(3):
            number = float((m.group(1) or m.group(3)).replace(",", "."))
            values.append(int(round(number * 1_000_000)))
        elif m.group(5):
            values.append(int(re.sub(r"[ ,]", "", m.group(5))))
    return max(values) if values else None


def read_facts(text: str) -> CaseFacts:
    """The case facts a message states: the assessment's reader, plus English wording and «byggekontrakt»."""
    extraction = extract_case(text)
    values = {k: v for k, v in extraction.values.items() if k in CASE_KEYS}
    notes = [(k, n) for k, n in extraction.notes if k in CASE_KEYS]
    # «1,9 mill. kr i året»: an amount per period the reader took is not a total, whatever the English pattern reads.
    # «~NOK 2m»: the reader takes the bare «2»; a value under 1 000 kr is no purchase value, the English reading is.
    if values.get("estimated_value_nok") is not None and values["estimated_value_nok"] < 1000 \
            and (_english_amount(text) or 0) >= 1000:
        del values["estimated_value_nok"]
        notes = [(k, n) for k, n in notes if k != "estimated_value_nok"]
    if not any(k in values for k in ("estimated_value_nok", "value_per_period_nok")) \
            and (amount := _english_amount(text)) is not None:
        values["estimated_value_nok"] = amount
        notes.append(("estimated_value_nok", f"Tolket fra teksten: anslått verdi {amount:,} kr ekskl. mva.".replace(",", " ")))
    # «nytt fagsystem for barnevernet»: software for a social service is an IT purchase, not the service itself.
    if values.get("health_social_services") and not _CLASS_NAMED.search(text) and (it := _IT_PURCHASE.search(text)):
        values["health_social_services"] = False
        notes = [(k, n) for k, n in notes if k != "health_social_services"]
        notes.append(("health_social_services", f"Tolket fra teksten: «{it.group(0)}» er et kjøp av IT, ikke av en "
                                                "helse- og sosialtjeneste."))
    # «nytt fagsystem for barnehagene», «a case management system»: software is goods or services (one threshold),
    # never works, so no contract type is left to assume.
    if "category" not in values and (it := _IT_PURCHASE.search(text)):
        values["category"] = "goods"
        notes.append(("category", f"Tolket fra teksten: «{it.group(0)}» {IT_PURCHASE_NOTE}"))
    for pattern, pairs in _EXTRA.items():
        match = re.search(pattern, text, re.IGNORECASE)
        if not match:
            continue
        for key, value in pairs:
            # The reader found both a state and a municipal buyer and left the buyer open: a word here does not decide.
            if key == "buyer" and any(k == "buyer" for k, _ in notes):
                continue
            if key not in values:
                values[key] = value
                notes.append((key, f"Tolket fra teksten: «{match.group(0)}»."))
    return CaseFacts(values, notes)
