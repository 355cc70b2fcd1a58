"""The assessment as a Norwegian Markdown document for the procurement protocol: the conclusion, the inputs and
where each came from, the thresholds with dates and sources, every rule that fired, and the cited passages.
"""

from __future__ import annotations

from typing import Any

from advisor.assessment.case import FIELDS, display_value, format_nok
from advisor.assessment.engine import Assessment
from advisor.assessment.rules import POTENTIAL_LABELS, RULES
from advisor.assessment.state import AuditEntry
from advisor.assessment.thresholds import Threshold


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
    period = f" (tabellen for {a.thresholds_period})" if a.thresholds_period else ""
    lines = [
        "# Vurdering av innovasjonsbehov og prosedyre",
        "",
        f"**{a.headline}**" if a.headline else "",
        "",
        f"Vurdert: {a.assessed_on} · Terskelverdier per {a.thresholds_as_of}{period} · Modellversjon: {a.model_version}",
        "",
        f"> {a.disclaimer}",
        "",
        "## Behov",
        "",
        a.need or "Ikke oppgitt.",
        "",
        "## Konklusjon",
        "",
        f"- **Regelverk:** {a.regime_label}",
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
    if a.contract_value is not None:
        lines.append(f"- **Kontraktsverdi:** {a.contract_value.calculation}")
    if a.regime_reasons:
        lines += ["", "### Regelverk og del", ""] + _bullets(a.regime_reasons, "")
    if a.value_reasons:
        lines += ["", "### Slik er verdien beregnet", ""] + _bullets(a.value_reasons, "")
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
    if a.time_limits:
        lines += ["", "## Frister og karensperiode", ""] + _bullets(a.time_limits, "")
    lines += ["", "## Forutsetninger", ""] + _bullets(a.assumptions, "Ingen: alle opplysninger er oppgitt.")
    if a.unverified:
        lines += ["", "## Ikke verifisert i faktagrunnlaget", ""] + _bullets(a.unverified, "")
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
