"""The working state of one assessment and the small types it produces.

Every stage of the decision model (inputs, part, innovation, procedure, next steps) is a plain function that reads
and writes one `Reasoning`. Every conclusion goes through `Reasoning.fire`, so each one lands in the same audit trail
with the rule that drew it; `engine.assess` then attaches the guidance passages and builds the `Assessment` once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from advisor.assessment.case import Case
from advisor.assessment.rules import RULES
from advisor.assessment.thresholds import Threshold, ThresholdTable

# The five grounds of FOA § 13-2 (guide-konkurranse-med-forhandling); the rule ids are the R-GROUND-* rules.
GROUND_TEXT = {
    "R-GROUND-ADAPTATION": "vilkår 1: behovet kan ikke dekkes uten at tilgjengelige løsninger tilpasses",
    "R-GROUND-INNOVATIVE": "vilkår 2: anskaffelsen omfatter design eller innovative løsninger",
    "R-GROUND-COMPLEXITY": "vilkår 3: art, kompleksitet eller risiko gjør forhandlinger nødvendige",
    "R-GROUND-SPECIFICATION": "vilkår 4: spesifikasjonene kan ikke fastsettes presist nok ved henvisning til standarder",
    "R-GROUND-FAILED": "vilkår 5: en tidligere åpen eller begrenset anbudskonkurranse ga bare uakseptable tilbud",
}


@dataclass
class AuditEntry:
    """One step of the reasoning: which input the rule read, the value it saw, and what it concluded."""

    input: str
    value: Any
    rule: str
    conclusion: str
    sources: list[int] = field(default_factory=list)  # citation numbers, filled in by assess()


@dataclass
class Alternative:
    """A procedure that could also be used, ranked after the recommended one, with the reason."""

    procedure: str
    label: str
    reason: str
    rule: str


@dataclass
class LegalGround:
    """The provision the recommended procedure rests on; `verified` is False where the fact sheet could not confirm it."""

    provision: str
    grounds: list[str]
    explanation: str
    verified: bool


@dataclass
class ContractValue:
    """How the value that decides the part was found: the total (NOK excl. VAT), the method and the arithmetic."""

    total_nok: int | None
    method: str  # "stated" | "parts" | "per_period" | "open_ended" | "no_term" | "missing"
    calculation: str  # the arithmetic in Norwegian: "1 900 000 kr per år × 3 år = 5 700 000 kr"
    short: str  # the arithmetic for one sentence: "1,9 mill. kr per år × 3 år"; "" when the value was stated
    stated_total_nok: int | None = None
    months_counted: int | None = None
    vat_converted: bool = False


@dataclass
class Margin:
    """A value close to a threshold (R-NEAR-THRESHOLD): `side` «under» the next threshold or «over» the one it reaches,
    by `gap_nok` kroner (0: the value equals the threshold), so a caller can word the warning in its own language."""

    side: str  # "under" | "over"
    gap_nok: int
    threshold: Threshold


# A candidate procedure while the procedure stage ranks them: (procedure, rule, Norwegian reason).
Route = tuple[str, str, str]


@dataclass
class Reasoning:
    """One assessment in progress: the inputs as resolved, what each stage concluded, and the bookkeeping.

    The texts are kept as (rule, text) so that the engine can add the citation markers of the rule that produced
    each one; `next_steps` also keep the index of the rule's source passage a step rests on (None: all of them).
    """

    case: Case
    table: ThresholdTable
    today: dt.date
    values: dict[str, Any] = field(default_factory=dict)  # every input key as the stages use it
    assumed_keys: list[str] = field(default_factory=list)
    computed_keys: list[str] = field(default_factory=list)  # keys the model worked out (the value from per-period amounts)
    unclear_keys: list[str] = field(default_factory=list)  # keys a free text mentioned but could not settle
    trail: list[AuditEntry] = field(default_factory=list)
    reasons: list[tuple[str, str]] = field(default_factory=list)
    procedure_reasons: list[tuple[str, str]] = field(default_factory=list)
    next_steps: list[tuple[str, str, int | None]] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    to_find_out: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    regime_reasons: list[tuple[str, str]] = field(default_factory=list)  # why this regulation and these parts
    value_reasons: list[tuple[str, str]] = field(default_factory=list)
    time_limits: list[tuple[str, str]] = field(default_factory=list)
    unverified: list[str] = field(default_factory=list)  # points the answer rests on that the fact base marks unverified
    provisional: bool = False
    grounds: list[str] = field(default_factory=list)  # the R-GROUND-* rules that fired
    considered: list[Threshold] = field(default_factory=list)
    # conclusions, set by the stages in order
    regime: str = "foa"
    contract_value: ContractValue | None = None
    part: str = ""
    part_label: str = ""
    part_reason: tuple[str, str] = ("", "")  # (rule, Norwegian text)
    threshold: Threshold | None = None
    next_threshold: Threshold | None = None
    innovative: bool = False
    innovation_potential: str = "low"
    procedure: str = ""
    alternatives: list[Alternative] = field(default_factory=list)
    legal_ground: LegalGround | None = None
    margin: Margin | None = None

    def fire(self, rule: str, inputs: tuple[str, ...], conclusion: str) -> None:
        """Record that a rule fired on the given inputs."""
        if rule not in RULES:  # a typo here would silently drop a citation
            raise KeyError(rule)
        value: Any = self.values.get(inputs[0]) if len(inputs) == 1 else {k: self.values.get(k) for k in inputs}
        self.trail.append(AuditEntry(", ".join(inputs), value, rule, conclusion))

    def step(self, rule: str, text: str, source: int | None = None) -> None:
        """Add a next step produced by a rule; `source` picks one of the rule's guidance passages (default: all)."""
        if all(text != existing for _, existing, _ in self.next_steps):
            self.next_steps.append((rule, text, source))

    def find_out(self, text: str) -> None:
        """Add something the buyer still has to find out."""
        if text not in self.to_find_out:
            self.to_find_out.append(text)

    def flag_unverified(self, text: str) -> None:
        """Record a point of the answer that rests on a fact the fact base marks as unverified."""
        if text not in self.unverified:
            self.unverified.append(text)

    def assume(self, rule: str, key: str, value: Any, text: str) -> None:
        """Use an assumed value for a missing key and say so."""
        self.values[key] = value
        self.assumed_keys.append(key)
        self.assumptions.append(text)
        self.fire(rule, (key,), text)
