"""Requirement findings shown inline: the flagged spans of the text marked with <mark> and a tooltip.

All text is HTML-escaped before it is marked, so a pasted requirement can never inject markup into the page.
Overlapping findings share one mark that carries all their numbers; the numbers match the list under the text.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import streamlit as st

from advisor.requirements import CATEGORY_LABELS
from advisor.ui.cards import md_escape, source_card
from advisor.ui.texts import t

SEVERITY_COLOURS = {"high": "#f6d3d1", "medium": "#fbe7b5", "low": "#dce8f3"}
_DEFAULT_COLOUR = "#fbe7b5"


def category_label(category: str, lang: str) -> str:
    """A problem category code (brand, model_type, ...) as a readable label."""
    text = t(f"cat_{category}", lang, missing_ok=True)
    if text == f"cat_{category}":  # a category newer than the translations: the analyzer's own Norwegian label
        return CATEGORY_LABELS.get(category, category)
    return text


def numbered(findings: Sequence[Any]) -> list[tuple[int, Any]]:
    """Findings numbered 1, 2, ... in reading order (by start, longer span first)."""
    ordered = sorted(findings, key=lambda f: (f.start, -(f.end - f.start)))
    return list(enumerate(ordered, start=1))


def highlight_html(text: str, findings: Sequence[Any], lang: str) -> str:
    """The text as HTML with every finding's span in a <mark> whose title explains it."""
    clusters: list[list[tuple[int, Any]]] = []
    for n, finding in numbered(findings):
        start, end = max(0, finding.start), min(len(text), finding.end)
        if end <= start:
            continue
        if clusters and start < max(f.end for _, f in clusters[-1]):
            clusters[-1].append((n, finding))
        else:
            clusters.append([(n, finding)])
    out: list[str] = []
    pos = 0
    for cluster in clusters:
        start = max(0, min(f.start for _, f in cluster))
        end = min(len(text), max(f.end for _, f in cluster))
        out.append(html.escape(text[pos:start]))
        tip = "\n".join(f"{n}. {category_label(f.category, lang)}: {f.explanation}" for n, f in cluster)
        severity = _worst([f for _, f in cluster])
        colour = SEVERITY_COLOURS.get(severity, _DEFAULT_COLOUR)
        numbers = ",".join(str(n) for n, _ in cluster)
        out.append(
            f'<mark title="{html.escape(tip, quote=True)}" style="background:{colour};padding:0 2px;border-radius:3px;'
            f'cursor:help">{html.escape(text[start:end])}<sup style="font-size:0.7em;margin-left:1px">{numbers}</sup></mark>'
        )
        pos = end
    out.append(html.escape(text[pos:]))
    return '<div style="white-space:pre-wrap;line-height:1.75;padding-bottom:0.5rem">' + "".join(out) + "</div>"


def _worst(findings: Sequence[Any]) -> str:
    order = {"high": 0, "medium": 1, "low": 2}
    return min((getattr(f, "severity", "medium") or "medium" for f in findings), key=lambda s: order.get(s, 1))


def show_findings(text: str, findings: Sequence[Any], lang: str, key: str, citations: bool = True) -> None:
    """The marked text in a box, then one line per finding: category, the words, explanation, rule and source."""
    with st.container(border=True):
        st.markdown(highlight_html(text, findings, lang), unsafe_allow_html=True)
    st.caption(t("req_marked_help", lang))
    for n, f in numbered(findings):
        severity = getattr(f, "severity", "") or ""
        head = f"**{n}. {md_escape(category_label(f.category, lang))}** – «{md_escape(f.text)}»"
        if severity:
            head += f" · {t('req_severity', lang)}: {t(f'severity_{severity}', lang, missing_ok=True)}"
        st.markdown(head)
        st.markdown(md_escape(f.explanation))
        if getattr(f, "instead", ""):
            st.markdown(f"*{'Write instead' if lang == 'en' else 'Skriv heller'}:* {md_escape(f.instead)}")
        if getattr(f, "rule", ""):
            st.caption(f"{t('req_rule', lang)}: {md_escape(f.rule)}")
        citation = getattr(f, "citation", None)
        if citations and citation is not None:
            with st.expander(t("sources", lang) + f": {md_escape(citation.title)}", icon=":material/menu_book:"):
                source_card(citation, lang, expanded_chars=500)
