"""Notes on cited sources: conflicts resolved by rank and date, dated white papers, low-authority sources."""

from __future__ import annotations

import re
from collections.abc import Sequence

from advisor.corpus import AUTHORITY_LABEL_NB, AUTHORITY_RANK, Citation


def _year(as_of: str) -> str:
    match = re.match(r"\d{4}", as_of or "")
    return match.group(0) if match else "udatert"


def _label(citation: Citation, lang: str) -> str:
    if lang == "en":
        return citation.authority.replace("_", " ") or "source"
    return AUTHORITY_LABEL_NB.get(citation.authority, "kilde").split(" (")[0]


_KIND_NB = {"opinion": "et debattinnlegg", "conference": "en konferanseomtale", "case": "en oppsummering av innspill",
            "statistics": "en statistikkside", "user_document": "et opplastet dokument"}


def source_notes(citations: Sequence[Citation], lang: str = "nb",
                 conflicts: Sequence[tuple[Citation, Citation]] = ()) -> list[str]:
    """Notes on the cited sources: conflicts resolved by rank and date, dated white papers, low-authority sources."""
    notes: list[str] = []
    en = lang == "en"
    for kept, dropped in conflicts:
        notes.append(
            f"The sources give different figures: the answer relies on [{kept.n}] ({_label(kept, lang)}, "
            f"{_year(kept.as_of)}) rather than [{dropped.n}] ({_label(dropped, lang)}, {_year(dropped.as_of)}), "
            "which ranks lower or is older." if en else
            f"Kildene oppgir ulike tall: svaret bygger på [{kept.n}] ({_label(kept, lang)}, {_year(kept.as_of)}) "
            f"og ikke på [{dropped.n}] ({_label(dropped, lang)}, {_year(dropped.as_of)}), som har lavere rang "
            "eller er eldre."
        )
    strongest = min(citations, key=lambda c: AUTHORITY_RANK.get(c.authority, 5), default=None)
    by_doc: dict[str, list[Citation]] = {}
    for c in citations:
        by_doc.setdefault(c.doc_id, []).append(c)
    for group in by_doc.values():  # one note per document, naming all its passages: "[1] og [3] er ..."
        c = group[0]
        refs = _join([f"[{x.n}]" for x in group], "and" if en else "og")
        year = _year(c.as_of)
        if c.authority == "white_paper":
            notes.append(
                f"{refs} {'is' if len(group) == 1 else 'are'} from a white paper of {year}: it states government "
                "policy at the time, not the rules in force, and figures or thresholds may have changed since." if en else
                f"{refs} er hentet fra en stortingsmelding ({year}): den beskriver politikken da, ikke gjeldende regler, "
                "og tall og terskelverdier kan ha endret seg siden."
            )
        elif c.authority == "other":
            stronger = (strongest is not None and AUTHORITY_RANK.get(strongest.authority, 5) < 5)
            kind = _KIND_NB.get(c.kind, "en kilde med lav autoritet")
            if en:
                notes.append(f"{refs} ({year}) {'is' if len(group) == 1 else 'are'} not official guidance and carry "
                             "little weight" + (f"; where they differ, [{strongest.n}] applies." if stronger else "."))
            else:
                notes.append(f"{refs} er hentet fra {kind} ({year}), ikke fra offisiell veiledning"
                             + (f"; der kildene sier noe ulikt, gjelder [{strongest.n}]." if stronger else "."))
    return notes


def _join(items: list[str], conjunction: str) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {conjunction} {items[-1]}"

