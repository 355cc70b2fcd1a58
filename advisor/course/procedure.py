"""The procedure exercise: the answer options, the expected answer of a case, and grading a participant's answer.

A participant answers four questions about a case: which rules apply (the regime), which part of the procurement
regulation the value falls in, whether it is an innovative procurement, and which procedure to use. The regime
options cover every regime the assessment engine knows:

    ordinary          the procurement regulation (FOA) by value: parts I, II, III
    special_services  health and social services or other special services: their own thresholds (FOA)
    utilities         the utilities regulation (forsyningsforskriften): its own thresholds and rules
    exempt_rd         exempt: research and development bought without buying the result (pre-commercial, FOA § 2-5)
    below             outside the rules: under 100 000 kr excluding VAT (LOA § 2)

A case states its expected part, innovative flag and procedures (the shipped case bank's format); its expected
regime follows from them and from the case's input unless the case names it (`expected.regime`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from advisor.assessment import Assessment

REGIMES = ("ordinary", "special_services", "utilities", "exempt_rd", "below")
PARTS = ("below", "I", "II", "III", "IV", "referred")  # every part the assessment engine answers (issue 16)
QUESTIONS = ("regime", "part", "innovative", "procedure")


@dataclass(frozen=True)
class Expected:
    """The model answer of a case: the best regime and procedure, and every acceptable one."""

    regime: str
    regimes: frozenset[str]
    part: str
    innovative: bool | None
    procedure: str
    procedures: frozenset[str]


@dataclass(frozen=True)
class CaseGrade:
    """A participant's answer to a case, question by question: True, False, or None when not asked."""

    right: dict[str, bool | None]
    best_procedure: bool  # the model answer's own procedure, not only an acceptable one

    @property
    def correct(self) -> bool:
        """Every question answered right (an acceptable procedure counts as right)."""
        return all(value is not False for value in self.right.values()) and any(
            value is not None for value in self.right.values())


def _base_regime(case_input: Mapping[str, Any], part: str) -> str:
    if part == "below":
        return "below"
    if case_input.get("utilities"):
        return "utilities"
    if case_input.get("special_services") or case_input.get("health_social_services"):
        return "special_services"
    return "ordinary"


def regime_of_procedure(procedure: str, case_input: Mapping[str, Any], part: str) -> str:
    """The regime a procedure puts a case under: PCP is the R&D exemption, the others follow the input and part."""
    return "exempt_rd" if procedure == "pcp" and part != "below" else _base_regime(case_input, part)


def expected_answer(expected: Mapping[str, Any], case_input: Mapping[str, Any]) -> Expected:
    """The model answer of a case from its `expected` mapping (part, innovative, procedure(s), optional regime)."""
    part = str(expected.get("part"))
    procedure = expected.get("procedure")
    procedures = expected.get("procedures", expected.get("acceptable_procedures")) or []
    if isinstance(procedures, str):
        procedures = [procedures]
    if not procedure:
        procedure = procedures[0]
    accepted = frozenset([procedure, *procedures])
    regime = expected.get("regime") or regime_of_procedure(procedure, case_input, part)
    regimes = frozenset({regime, *(regime_of_procedure(p, case_input, part) for p in accepted)})
    innovative = expected.get("innovative")
    return Expected(regime, regimes, part, innovative if isinstance(innovative, bool) else None, procedure, accepted)


def grade_case_answer(expected: Expected, answer: Mapping[str, Any]) -> CaseGrade:
    """Compare an answer {regime, part, innovative, procedure} with the model answer; missing questions are None."""
    right: dict[str, bool | None] = {}
    right["regime"] = None if answer.get("regime") is None else answer["regime"] in expected.regimes
    right["part"] = None if answer.get("part") is None else answer["part"] == expected.part
    given_innovative = answer.get("innovative")
    right["innovative"] = (None if given_innovative is None or expected.innovative is None
                           else given_innovative == expected.innovative)
    right["procedure"] = None if answer.get("procedure") is None else answer["procedure"] in expected.procedures
    return CaseGrade(right, answer.get("procedure") == expected.procedure)


@dataclass(frozen=True)
class EngineView:
    """What the assessment engine concludes for a case, in the exercise's terms, and whether it agrees."""

    regime: str
    part: str
    innovative: bool
    procedure: str
    agrees: bool
    differences: tuple[str, ...]  # the questions on which the engine differs from the model answer


def engine_view(expected: Expected, assessment: Assessment, case_input: Mapping[str, Any]) -> EngineView:
    """The engine's answer to the four questions, and where it differs from the model answer."""
    regime = regime_of_procedure(assessment.procedure, case_input, assessment.part)
    differences = []
    if regime not in expected.regimes:
        differences.append("regime")
    if assessment.part != expected.part:
        differences.append("part")
    if expected.innovative is not None and assessment.innovative != expected.innovative:
        differences.append("innovative")
    if assessment.procedure not in expected.procedures:
        differences.append("procedure")
    return EngineView(regime, assessment.part, assessment.innovative, assessment.procedure, not differences,
                      tuple(differences))


