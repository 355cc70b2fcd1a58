"""Labels of a source: its authority (rank), kind and as-of date, and the label an admin gives a user document."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from advisor.errors import InvalidInput

AUTHORITY_RANK = {"law": 1, "regulation": 2, "official_guidance": 3, "white_paper": 4, "other": 5, "uploaded": 6}
AUTHORITY_LABEL_NB = {
    "law": "lov",
    "regulation": "forskrift",
    "official_guidance": "veiledning (bygger på offisielle kilder)",
    "white_paper": "stortingsmelding",
    "other": "annet",
    "uploaded": "opplastet dokument",
}
# What a document can be; an admin picks one for an upload (the bundled corpus uses the first six).
KINDS = ("guidance", "white_paper", "statistics", "case", "conference", "opinion", "user_document", "other")
# Front matter keys a user file may not set: they are the admin's choice (SourceLabel), made when the file is added.
LABEL_KEYS = ("id", "authority", "kind", "as_of")
_AS_OF = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


@dataclass(frozen=True)
class SourceLabel:
    """What an admin says a user document is: its authority, kind and date.

    Set when the file is uploaded or added with `advisor index PATH`, never read from the file: an uploaded
    Markdown file whose front matter says `authority: law` would otherwise outrank the official guidance.
    The default is the lowest rank ("opplastet dokument").
    """

    authority: str = "uploaded"
    kind: str = "user_document"
    as_of: str = ""

    def __post_init__(self) -> None:
        if self.authority not in AUTHORITY_RANK:
            raise InvalidInput("authority", self.authority, "one of " + ", ".join(AUTHORITY_RANK))
        if self.kind not in KINDS:
            raise InvalidInput("kind", self.kind, "one of " + ", ".join(KINDS))
        if self.as_of and not _valid_as_of(self.as_of):
            raise InvalidInput("as-of date", self.as_of, "a date written YYYY, YYYY-MM or YYYY-MM-DD, or nothing")

    @classmethod
    def from_dict(cls, data: dict) -> SourceLabel:
        """A label from stored JSON (unknown keys ignored, missing keys default)."""
        return cls(**{k: str(data[k]) for k in ("authority", "kind", "as_of") if data.get(k) is not None})

    def to_dict(self) -> dict[str, str]:
        """The label as JSON-ready data."""
        return {"authority": self.authority, "kind": self.kind, "as_of": self.as_of}


def _valid_as_of(text: str) -> bool:
    if not _AS_OF.fullmatch(text):
        return False
    parts = [int(p) for p in text.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True
