"""Innovative-procurement assessment: a transparent, cited decision aid for one planned purchase.

    case       = parse_case({...})                  # or load_case(path); see assessment_case.py
    assessment = assess(case, settings)             # part of FOA, need for innovation, procedure, next steps
    text       = to_markdown(assessment)            # audit export for the procurement protocol

The decision model is a set of explicit rules (assessment_rules.py), applied in assessment_decide.py and
assessment_procedure.py. This module attaches the guidance passages each fired rule rests on (advisor.corpus.cite)
and shapes the result. No LLM is involved: the same case always gives the same assessment.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from advisor.assessment.case import FIELDS, Case, display_value, format_nok, parse_case
from advisor.assessment.decide import decide
from advisor.assessment.rules import (
    PART_LABELS,
    POTENTIAL_LABELS,
    RULES,
    THRESHOLDS_PATH,
    Threshold,
    load_thresholds,
    procedure_label,
)
from advisor.assessment.trail import Alternative, AuditEntry, LegalGround
from advisor.config import Settings
from advisor.corpus import Citation, cite
from advisor.errors import AdvisorError

log = logging.getLogger(__name__)

DISCLAIMER = (
    "Dette er beslutningsstøtte, ikke juridisk rådgivning. Vurderingen bygger på oppgitte opplysninger, terskelverdier "
    "med dato og kilde, og veiledningsnotater med kjente hull (merket «ikke verifisert»). Kontroller lov- og "
    "forskriftsteksten på Lovdata, og dokumenter egne vurderinger i anskaffelsesprotokollen."
)

__all__ = [
    "Alternative",
    "Assessment",
    "AuditEntry",
    "Case",
    "DISCLAIMER",
    "LegalGround",
    "RULES",
    "assess",
    "model_version",
    "parse_case",
    "to_markdown",
]


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
    decision = decide(case, load_thresholds(), today)
    warnings = list(decision.warnings)
    fired = list(dict.fromkeys(entry.rule for entry in decision.trail))
    citations, by_rule, by_source = _resolve_citations(settings, fired, warnings)

    def step_markers(rule: str, source: int | None) -> str:
        if source is not None and (rule, source) in by_source:
            return _markers([by_source[(rule, source)]])
        return _markers(by_rule.get(rule, []))

    for entry in decision.trail:
        entry.sources = by_rule.get(entry.rule, [])
    from_text = {key for key, _ in interpretation}
    for key, item in decision.inputs.items():
        if key in from_text and item["origin"] == "oppgitt":
            item["origin"] = "tolket fra teksten"
    return Assessment(
        part=decision.part,
        part_label=PART_LABELS[decision.part],
        part_reason=decision.part_reason[1] + _markers(by_rule.get(decision.part_reason[0], [])),
        threshold=decision.threshold,
        next_threshold=decision.next_threshold,
        thresholds_considered=decision.thresholds_considered,
        thresholds_as_of=load_thresholds().as_of,
        innovative=decision.innovative,
        innovation_potential=decision.innovation_potential,
        reasons=[text + _markers(by_rule.get(rule, [])) for rule, text in decision.reasons],
        procedure=decision.procedure,
        procedure_label=procedure_label(decision.procedure, decision.part),
        procedure_reasons=[text + _markers(by_rule.get(rule, [])) for rule, text in decision.procedure_reasons],
        provisional=decision.provisional,
        alternatives=[Alternative(alt.procedure, alt.label, alt.reason + _markers(by_rule.get(alt.rule, [])), alt.rule)
                      for alt in decision.alternatives],
        legal_ground=decision.legal_ground,
        next_steps=[text + step_markers(rule, source) for rule, text, source in decision.next_steps],
        assumptions=[*(note for _, note in interpretation), *decision.assumptions],
        to_find_out=decision.to_find_out,
        citations=citations,
        audit_trail=decision.trail,
        rules_fired=fired,
        inputs=decision.inputs,
        need=case.need,
        warnings=warnings,
        model_version=model_version(),
        assessed_on=today.isoformat(),
    )


# --- Markdown export for the procurement protocol ---

def _cell(value: Any) -> str:
    """Text safe inside a Markdown table cell."""
    return str(value).replace("|", "\\|").replace("\n", " ").strip()


def _shown(entry: AuditEntry, limit: int = 120) -> str:
    """The value an audit entry saw, as a Norwegian reader expects it, shortened for a table cell."""
    value = entry.value
    if isinstance(value, dict):
        text = ", ".join(f"{key}={display_value(key, item)}" for key, item in value.items())
    elif entry.input in FIELDS:
        text = display_value(entry.input, value)
    else:
        text = "ikke oppgitt" if value is None else str(value)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _threshold_line(t: Threshold) -> str:
    return f"{t.name}: {format_nok(t.value_nok)} kr ekskl. mva. (gjelder fra {t.as_of}; kilde: {t.source})"


def _bullets(items: list[str], empty: str) -> list[str]:
    return [f"- {item}" for item in items] if items else [f"- {empty}"]


def to_markdown(assessment: Assessment) -> str:
    """The assessment as a Norwegian Markdown document for the procurement protocol (inputs, thresholds, rules, sources)."""
    a = assessment
    procedure = a.procedure_label[0].upper() + a.procedure_label[1:]
    lines = [
        "# Vurdering av innovasjonsbehov og prosedyre",
        "",
        f"Vurdert: {a.assessed_on} · Terskelverdier per {a.thresholds_as_of} · Modellversjon: {a.model_version}",
        "",
        f"> {a.disclaimer}",
        "",
        "## Behov",
        "",
        a.need or "Ikke oppgitt.",
        "",
        "## Konklusjon",
        "",
        f"- **Del av forskriften:** {a.part_label}. {a.part_reason}",
        f"- **Terskelverdi lagt til grunn:** {_threshold_line(a.threshold)}",
    ]
    if a.next_threshold:
        lines.append(f"- **Neste terskel:** {_threshold_line(a.next_threshold)}")
    lines += [
        f"- **Innovativ anskaffelse:** {'ja' if a.innovative else 'nei'} (innovasjonspotensial: {POTENTIAL_LABELS[a.innovation_potential]})",
        f"- **Anbefalt prosedyre:** {procedure}{' (foreløpig – avhenger av det som må avklares)' if a.provisional else ''}",
    ]
    if a.legal_ground:
        g = a.legal_ground
        status = "" if g.verified else " (ikke verifisert i faktagrunnlaget)"
        lines.append(f"- **Hjemmel:** {g.provision}{status}. {g.explanation}")
        lines += [f"  - {ground}" for ground in g.grounds]
    lines += ["", "### Begrunnelse for prosedyren", ""] + _bullets(a.procedure_reasons, "Ingen.")
    lines += ["", "### Begrunnelse for innovasjonsvurderingen", ""] + _bullets(a.reasons, "Ingen særskilte signaler.")
    lines += ["", "## Alternativer", ""]
    lines += [f"{i}. **{alt.label}** – {alt.reason}" for i, alt in enumerate(a.alternatives, start=1)] or ["Ingen."]
    lines += ["", "## Inndata", "", "| Felt | Verdi | Kilde |", "|---|---|---|"]
    for key, item in a.inputs.items():
        label = FIELDS[key].label if key in FIELDS else key
        lines.append(f"| {_cell(label)} (`{key}`) | {_cell(item['shown'])} | {item['origin']} |")
    lines += ["", "## Terskelverdier", "", "| Terskel | Beløp (kr ekskl. mva.) | Gjelder fra | Kilde | Brukt |", "|---|---|---|---|---|"]
    for t in a.thresholds_considered:
        used = "ja" if t.key == a.threshold.key else ""
        lines.append(f"| {_cell(t.name)} | {format_nok(t.value_nok)} | {t.as_of} | {_cell(t.source)} | {used} |")
    lines += ["", "Grensene gjelder fra og med beløpet («lik eller overstiger»): 100 000 kr er innenfor loven, 99 999 kr utenfor."]
    lines += ["", "## Regler som slo til (revisjonsspor)", "", "| # | Regel | Inndata | Verdi | Konklusjon | Kilder |", "|---|---|---|---|---|---|"]
    for i, entry in enumerate(a.audit_trail, start=1):
        sources = ", ".join(f"[{n}]" for n in entry.sources)
        lines.append(f"| {i} | {entry.rule} | {_cell(entry.input)} | {_cell(_shown(entry))} | {_cell(entry.conclusion)} | {sources} |")
    lines += ["", "### Reglenes beskrivelse", ""]
    lines += [f"- **{rule_id}:** {RULES[rule_id].description}" for rule_id in a.rules_fired]
    lines += ["", "## Neste steg", ""] + [f"{i}. {step}" for i, step in enumerate(a.next_steps, start=1)]
    lines += ["", "## Forutsetninger", ""] + _bullets(a.assumptions, "Ingen: alle opplysninger er oppgitt.")
    lines += ["", "## Må avklares", ""] + _bullets(a.to_find_out, "Ingenting utestående.")
    if a.warnings:
        lines += ["", "## Advarsler", ""] + _bullets(a.warnings, "")
    lines += ["", "## Kilder", ""]
    for c in a.citations:
        section = f" – {c.section}" if c.section else ""
        excerpt = " ".join(c.text.split())
        excerpt = excerpt if len(excerpt) <= 300 else excerpt[:297].rstrip() + "…"
        lines.append(f"[{c.n}] **{c.title}**{section} (`{c.doc_id}`, per {c.as_of or 'udatert'}): «{excerpt}»")
        lines.append("")
    lines += ["## Om vurderingen", "", a.disclaimer, ""]
    return "\n".join(lines)
