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
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from advisor.assessment.case import FIELDS, Case, display_value, parse_case
from advisor.assessment.decide import decide
from advisor.assessment.headline import headline
from advisor.assessment.rules import REGIME_LABELS, RULES, procedure_label
from advisor.assessment.state import Alternative, AuditEntry, ContractValue, LegalGround, Margin, Reasoning
from advisor.assessment.thresholds import THRESHOLDS_PATH, Threshold, load_thresholds
from advisor.config import Settings
from advisor.corpus import Citation, cite
from advisor.errors import AdvisorError, InvalidInput

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
    # The verdict in one sentence («Del I og II gjelder: 30 mill. kr er under …»), built from the fields below.
    headline: str = ""
    regime: str = "foa"  # foa | utilities | defence_security | concession
    regime_label: str = ""
    regime_reasons: list[str] = field(default_factory=list)
    contract_value: ContractValue | None = None  # the value that decided the part and how it was worked out
    value_reasons: list[str] = field(default_factory=list)
    time_limits: list[str] = field(default_factory=list)  # minimum time limits and standstill (also among next steps)
    unverified: list[str] = field(default_factory=list)  # what the answer rests on that the fact base marks unverified
    thresholds_period: str = ""
    # A value close to a threshold, for wording the R-NEAR-THRESHOLD warning in another language; None otherwise.
    margin: Margin | None = None


def model_version() -> str:
    """Short hash of the threshold data and the rule table: changes whenever the decision model's data changes."""
    digest = hashlib.sha256(THRESHOLDS_PATH.read_bytes())
    for rule in RULES.values():
        digest.update(repr((rule.id, rule.description, rule.sources)).encode())
    return digest.hexdigest()[:10]


def _markers(numbers: list[int]) -> str:
    return f" [{', '.join(str(n) for n in numbers)}]" if numbers else ""


# A sentence ends at «.», «!» or «?» (after a closing bracket or quote too) before a capital letter or a digit.
_SENTENCE_END = re.compile(r"(?<=[.!?])([)»\"]?)\s+(?=[A-ZÆØÅ0-9«(])")


def _each_sentence(text: str, markers: str) -> str:
    """The markers after every sentence of a text, not once after the last: a reader checks each claim at its source."""
    if not markers:
        return text
    return _SENTENCE_END.sub(lambda m: f"{m.group(1)}{markers} ", text.rstrip()) + markers


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
    interpretation = _checked_interpretation(interpretation)
    today = today or dt.date.today()
    table = load_thresholds(on=today)
    given = case.given()
    # A key the description spoke of but that did not end up in the case could not be settled from the text.
    unclear = [key for key, _ in interpretation if key in FIELDS and key not in given and key != "need"]
    r = decide(case, table, today, unclear=dict.fromkeys(unclear))
    warnings = list(r.warnings)
    fired = list(dict.fromkeys(entry.rule for entry in r.trail))
    citations, by_rule, by_source = _resolve_citations(settings, fired, warnings)

    def marked(rule: str, text: str, source: int | None = None) -> str:
        """A text with the citation markers of the rule that produced it (of one source passage when given)."""
        if source is not None and (rule, source) in by_source:
            return _each_sentence(text, _markers([by_source[(rule, source)]]))
        return _each_sentence(text, _markers(by_rule.get(rule, [])))

    for entry in r.trail:
        entry.sources = by_rule.get(entry.rule, [])
    return Assessment(
        part=r.part,
        part_label=r.part_label,
        part_reason=marked(*r.part_reason),
        threshold=r.threshold,
        next_threshold=r.next_threshold,
        thresholds_considered=r.considered,
        thresholds_as_of=table.as_of,
        innovative=r.innovative,
        innovation_potential=r.innovation_potential,
        reasons=[marked(rule, text) for rule, text in r.reasons],
        procedure=r.procedure,
        procedure_label=procedure_label(r.procedure, r.part, r.regime),
        procedure_reasons=[marked(rule, text) for rule, text in r.procedure_reasons],
        provisional=r.provisional,
        alternatives=[Alternative(alt.procedure, alt.label, marked(alt.rule, alt.reason), alt.rule) for alt in r.alternatives],
        legal_ground=r.legal_ground,
        next_steps=[marked(rule, text, source) for rule, text, source in r.next_steps],
        margin=r.margin,
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
        headline=headline(r),
        regime=r.regime,
        regime_label=REGIME_LABELS[r.regime],
        regime_reasons=[marked(rule, text) for rule, text in r.regime_reasons],
        contract_value=r.contract_value,
        value_reasons=[marked(rule, text) for rule, text in r.value_reasons],
        time_limits=[marked(rule, text) for rule, text in r.time_limits],
        unverified=r.unverified,
        thresholds_period=table.period,
    )


def _checked_interpretation(interpretation: Any) -> list[tuple[str, str]]:
    """The (case key, note) pairs of a free-text reading; a list of bare notes is a caller's mistake, named as such."""
    checked: list[tuple[str, str]] = []
    for item in interpretation or ():
        if not (isinstance(item, tuple | list) and len(item) == 2 and all(isinstance(x, str) for x in item)):
            raise InvalidInput("interpretation", item, "(case key, note) pairs as in Extraction.notes")
        checked.append((item[0], item[1]))
    return checked


def _inputs(r: Reasoning, from_text: set[str]) -> dict[str, dict[str, Any]]:
    """Every input key with the value used and where it came from (given, read from the text, assumed, default)."""
    given = r.case.given()

    def origin(key: str) -> str:
        if key in r.assumed_keys:
            return "antatt"
        if key in r.computed_keys:
            return "beregnet"
        if key in given:
            return "tolket fra teksten" if key in from_text else "oppgitt"
        return "standardverdi"

    return {key: {"value": value, "shown": display_value(key, value), "assumed": key in r.assumed_keys,
                  "origin": origin(key)} for key, value in r.values.items()}
