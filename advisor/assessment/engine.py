"""Innovative-procurement assessment: a transparent, cited decision aid for one planned purchase.

    case       = parse_case({...})                  # or load_case(path); the keys are in case.py
    assessment = assess(case, settings)             # part of FOA, need for innovation, procedure, next steps
    text       = to_markdown(assessment)            # audit export for the procurement protocol (markdown.py)

The decision model is a set of explicit rules (rules.py) applied by the stages that decide.py runs. This module
attaches the guidance passages each fired rule rests on (advisor.corpus.cite) and builds the result once. No LLM is
involved: the same case always gives the same assessment.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from advisor.assessment.case import Case, display_value, parse_case
from advisor.assessment.decide import decide
from advisor.assessment.rules import (
    PART_LABELS,
    RULES,
    THRESHOLDS_PATH,
    Threshold,
    load_thresholds,
    procedure_label,
)
from advisor.assessment.state import Alternative, AuditEntry, LegalGround, Reasoning
from advisor.config import Settings
from advisor.corpus import Citation, cite
from advisor.errors import AdvisorError

log = logging.getLogger(__name__)

DISCLAIMER = (
    "Dette er beslutningsstøtte, ikke juridisk rådgivning. Vurderingen bygger på oppgitte opplysninger, terskelverdier "
    "med dato og kilde, og veiledningsnotater med kjente hull (merket «ikke verifisert»). Kontroller lov- og "
    "forskriftsteksten på Lovdata, og dokumenter egne vurderinger i anskaffelsesprotokollen."
)


@dataclass
class Assessment:
    """The outcome of one assessment: JSON-serialisable, with the audit trail and the cited guidance passages."""

    part: str
    part_label: str
    part_reason: str
    threshold: Threshold
    next_threshold: Threshold | None
    thresholds_considered: list[Threshold]
    thresholds_as_of: str
    innovative: bool
    innovation_potential: str
    reasons: list[str]
    procedure: str
    procedure_label: str
    procedure_reasons: list[str]
    provisional: bool
    alternatives: list[Alternative]
    legal_ground: LegalGround | None
    next_steps: list[str]
    assumptions: list[str]
    to_find_out: list[str]
    citations: list[Citation]
    audit_trail: list[AuditEntry]
    rules_fired: list[str]
    inputs: dict[str, Any]
    need: str | None
    warnings: list[str]
    model_version: str
    assessed_on: str
    disclaimer: str = DISCLAIMER


def model_version() -> str:
    """Short hash of the threshold data and the rule table: changes whenever the decision model's data changes."""
    digest = hashlib.sha256(THRESHOLDS_PATH.read_bytes())
    for rule in RULES.values():
        digest.update(repr((rule.id, rule.description, rule.sources)).encode())
    return digest.hexdigest()[:10]


def _markers(numbers: list[int]) -> str:
    return f" [{', '.join(str(n) for n in numbers)}]" if numbers else ""


def _resolve_citations(
    settings: Settings, rules_in_order: list[str], warnings: list[str]
) -> tuple[list[Citation], dict[str, list[int]], dict[tuple[str, int], int]]:
    """Cite every guidance passage the fired rules rest on, numbered in order of first use, one number per passage.

    Returns the citations, the numbers per rule, and the number per (rule, index of the rule's source).
    """
    citations: list[Citation] = []
    by_chunk: dict[str, int] = {}
    by_rule: dict[str, list[int]] = {}
    by_source: dict[tuple[str, int], int] = {}
    missing: set[str] = set()
    for rule_id in rules_in_order:
        numbers: list[int] = []
        for index, (note_id, anchor) in enumerate(RULES[rule_id].sources):
            if note_id in missing:
                continue
            try:
                citation = cite(settings, note_id, anchor, n=len(citations) + 1)
            except AdvisorError as exc:
                # A missing note must not hide the assessment; the gap is shown to the user instead.
                missing.add(note_id)
                log.warning("cannot cite %s for %s: %s", note_id, rule_id, exc)
                warnings.append(f"Kilden {note_id} (regel {rule_id}) finnes ikke i korpuset; regelen står uten sitat.")
                continue
            if citation.chunk_id not in by_chunk:
                by_chunk[citation.chunk_id] = citation.n
                citations.append(citation)
            number = by_chunk[citation.chunk_id]
            by_source[(rule_id, index)] = number
            if number not in numbers:
                numbers.append(number)
        by_rule[rule_id] = numbers
    return citations, by_rule, by_source


def assess(
    case: Case | Mapping[str, Any],
    settings: Settings,
    today: dt.date | None = None,
    interpretation: Sequence[tuple[str, str]] = (),
) -> Assessment:
    """Assess one planned purchase: part of the regulation, need for innovation, procedure, next steps, citations.

    `interpretation` lists (case key, note) for keys read from a free-text description; the notes are shown first
    among the assumptions, and those inputs are marked as read from the text.
    """
    if not isinstance(case, Case):
        case = parse_case(case)
    today = today or dt.date.today()
    table = load_thresholds()
    r = decide(case, table, today)
    warnings = list(r.warnings)
    fired = list(dict.fromkeys(entry.rule for entry in r.trail))
    citations, by_rule, by_source = _resolve_citations(settings, fired, warnings)

    def marked(rule: str, text: str, source: int | None = None) -> str:
        """A text with the citation markers of the rule that produced it (of one source passage when given)."""
        if source is not None and (rule, source) in by_source:
            return text + _markers([by_source[(rule, source)]])
        return text + _markers(by_rule.get(rule, []))

    for entry in r.trail:
        entry.sources = by_rule.get(entry.rule, [])
    return Assessment(
        part=r.part,
        part_label=PART_LABELS[r.part],
        part_reason=marked(*r.part_reason),
        threshold=r.threshold,
        next_threshold=r.next_threshold,
        thresholds_considered=r.considered,
        thresholds_as_of=table.as_of,
        innovative=r.innovative,
        innovation_potential=r.innovation_potential,
        reasons=[marked(rule, text) for rule, text in r.reasons],
        procedure=r.procedure,
        procedure_label=procedure_label(r.procedure, r.part),
        procedure_reasons=[marked(rule, text) for rule, text in r.procedure_reasons],
        provisional=r.provisional,
        alternatives=[Alternative(alt.procedure, alt.label, marked(alt.rule, alt.reason), alt.rule) for alt in r.alternatives],
        legal_ground=r.legal_ground,
        next_steps=[marked(rule, text, source) for rule, text, source in r.next_steps],
        assumptions=[*(note for _, note in interpretation), *r.assumptions],
        to_find_out=r.to_find_out,
        citations=citations,
        audit_trail=r.trail,
        rules_fired=fired,
        inputs=_inputs(r, {key for key, _ in interpretation}),
        need=case.need,
        warnings=warnings,
        model_version=model_version(),
        assessed_on=today.isoformat(),
    )


def _inputs(r: Reasoning, from_text: set[str]) -> dict[str, dict[str, Any]]:
    """Every input key with the value used and where it came from (given, read from the text, assumed, default)."""
    given = r.case.given()

    def origin(key: str) -> str:
        if key in r.assumed_keys:
            return "antatt"
        if key in given:
            return "tolket fra teksten" if key in from_text else "oppgitt"
        return "standardverdi"

    return {key: {"value": value, "shown": display_value(key, value), "assumed": key in r.assumed_keys,
                  "origin": origin(key)} for key, value in r.values.items()}
