"""Pre-eForms notice XML (old Doffin e-senders schema, TED R2.0.x exports, TED OJS <doc>): recognised, not imported.

Decision: these formats are detected and skipped with the reason "legacy format not supported". The only real
examples we have (../shared/data/doffin/legacy_nav_notices) are 104 notices of one buyer, 2003–2024, in seven
different root formats and several schema versions each; SOURCES.md says they are for parser tests, not for
statistics. Their figures would describe NAV's IT framework agreements, not Norwegian procurement, so a
half-supported parser would add risk without adding usable figures. An eForms notice in that folder
(2024-100693.xml) is imported normally.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from advisor.doffin.eforms import local_name
from advisor.errors import UnreadableDocument

LEGACY_ROOTS: dict[str, str] = {
    "DOFFIN_ESENDERS": "old Doffin e-senders notice",
    "CONTRACT": "old Doffin/TED contract notice (F02 and similar)",
    "CONTRACT_AWARD": "old Doffin/TED contract award notice",
    "TED_ESENDERS": "TED e-senders notice",
    "TED_EXPORT": "TED export (R2.0.x)",
    "doc": "TED OJS notice <doc>",
}


def is_legacy_root(root: ET.Element) -> bool:
    """True for the root elements of the pre-eForms formats we recognise."""
    return local_name(root.tag) in LEGACY_ROOTS


def reject_legacy(root: ET.Element, path: Path) -> None:
    """Raise the 'legacy format not supported' skip reason for a recognised legacy root."""
    name = local_name(root.tag)
    raise UnreadableDocument(path, f"legacy format not supported ({name}: {LEGACY_ROOTS.get(name, 'pre-eForms')})")
