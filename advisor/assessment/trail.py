"""Types the decision model produces (audit entries, alternatives, legal grounds, the Decision) and its working state.

assessment_decide.py (inputs, part, innovation) and assessment_procedure.py (procedure, next steps) both build on
ReasoningState, so every rule firing goes through the same `fire` and lands in one audit trail.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from advisor.assessment.case import Case
from advisor.assessment.rules import RULES, Threshold, ThresholdTable

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
class Decision:
    """What the rules concluded, before citations are attached."""

    inputs: dict[str, Any]
    assumed: list[str]
    part: str
    part_reason: tuple[str, str]  # (rule, Norwegian text)
    threshold: Threshold
    next_threshold: Threshold | None
    innovative: bool
    innovation_potential: str
    reasons: list[tuple[str, str]]
    procedure: str
    procedure_reasons: list[tuple[str, str]]
    provisional: bool
    alternatives: list[Alternative]
    legal_ground: LegalGround | None
    next_steps: list[tuple[str, str, int | None]]  # (rule, text, index of the rule's source or None)
    assumptions: list[str]
    to_find_out: list[str]
    warnings: list[str]
    trail: list[AuditEntry]
    thresholds_considered: list[Threshold]



class ReasoningState:
    """The working state of one assessment and the bookkeeping every stage uses (fire, step, find_out)."""

    def __init__(self, case: Case, table: ThresholdTable, today: dt.date):
        self.case = case
        self.table = table
        self.today = today
        self.v: dict[str, Any] = {}
        self.assumed_keys: list[str] = []
        self.trail: list[AuditEntry] = []
        self.reasons: list[tuple[str, str]] = []
        self.procedure_reasons: list[tuple[str, str]] = []
        self.steps: list[tuple[str, str, int | None]] = []
        self.assumptions: list[str] = []
        self.to_find_out: list[str] = []
        self.warnings: list[str] = []
        self.provisional = False
        self.grounds: list[str] = []
        self.considered: list[Threshold] = []

    # --- bookkeeping ---
    def fire(self, rule: str, inputs: tuple[str, ...], conclusion: str) -> None:
        """Record that a rule fired on the given inputs."""
        if rule not in RULES:  # a typo here would silently drop a citation
            raise KeyError(rule)
        value: Any = self.v.get(inputs[0]) if len(inputs) == 1 else {k: self.v.get(k) for k in inputs}
        self.trail.append(AuditEntry(", ".join(inputs), value, rule, conclusion))

    def step(self, rule: str, text: str, source: int | None = None) -> None:
        """Add a next step produced by a rule; `source` picks one of the rule's guidance passages (default: all)."""
        if all(text != existing for _, existing, _ in self.steps):
            self.steps.append((rule, text, source))

    def find_out(self, text: str) -> None:
        """Add something the buyer still has to find out."""
        if text not in self.to_find_out:
            self.to_find_out.append(text)
