"""Whole names: a brand and its product line are one span («MIFARE DESFire EV3», «Trojan UVSwift»).

The brand lexicon and the name rules may find only the part of a name they know («DESFire EV3») and leave the maker or
family name before it («MIFARE») outside the finding; the rewrite then removes half a name and the note quotes half
of it. whole_names() widens a brand, model or missing-«eller tilsvarende» finding over a name word right before it:
an upper-case or capitalised word that does not open the sentence, is no common abbreviation or standard, and is not
part of another finding.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Protocol, TypeVar


class _Finding(Protocol):
    """What whole_names reads of a detector's finding (advisor.requirements.detectors.Match, a dataclass)."""

    category: str
    severity: str
    start: int
    end: int


_F = TypeVar("_F", bound=_Finding)

_NAME_CATEGORIES = frozenset({"brand", "model_type", "missing_or_equivalent"})
# The name word right before a finding («MIFARE » before «DESFire»).
_NAME_BEFORE = re.compile(r"(?<![\w\-])([A-ZÆØÅ][A-Za-zÆØÅæøå0-9]{2,}(?:-[A-Za-z0-9]+)?)\s+$")
# Capitalised words that are no part of a product name: abbreviations of standards, rules and technologies, and
# Norwegian words written with a capital letter in tender texts.
_NOT_NAME = re.compile(r"(?:EU|EØS|CE|NS|EN|ISO|IEC|DIN|NEK|TEK\d*|USB|LED|NFC|RFID|BLE|IP|IK|GDPR|MDR|IVDR|WCAG|EHF|"
                       r"API|SaaS|IT|IKT|AV|UV|PC|HMS|FDV|FDVU|Microsoft|Type|Typen|Modell|Modellen|Merke|Fabrikat|"
                       r"Leverandøren|Kommunen|Oppdragsgiver|Systemet|Løsningen|Utstyret|Anlegget|Produktet)$")


def whole_names(text: str, matches: list[_F]) -> list[_F]:
    """`matches` with each name finding widened over a name word right before it (see the module)."""
    out = []
    for match in matches:
        if match.category in _NAME_CATEGORIES and match.severity != "low":
            before = _NAME_BEFORE.search(text[max(0, match.start - 40):match.start])
            if before is not None:
                start = match.start - (len(text[max(0, match.start - 40):match.start]) - before.start(1))
                opens = not text[:start].strip() or re.search(r"[.!?:;]\s*$", text[:start])
                covered = any(h is not match and h.start <= start < h.end for h in matches)
                if not opens and not covered and not _NOT_NAME.match(before.group(1)):
                    match = dataclasses.replace(match, start=start)
        out.append(match)
    return out
