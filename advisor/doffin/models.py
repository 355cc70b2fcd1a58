"""Notice: one Doffin notice as read from one source file, normalised to eForms codes, without contact data."""

from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass, field
from typing import Any

# The formats we read, strongest first. When the same notice comes from several formats, each field of the
# merged notice is taken from the strongest source that has it (the eForms XML is what Doffin itself serves).
# The shipped snapshot (corpus/doffin) is derived from the others and ranks last: a real file always wins over it.
SOURCE_FORMATS: tuple[str, ...] = ("eforms_xml", "api_json", "dfo_csv", "scraped_csv", "scraped_json", "snapshot")

FORMAT_LABELS: dict[str, str] = {
    "eforms_xml": "eForms UBL XML (Doffin download)",
    "api_json": "Doffin Public API v2 søk (JSON)",
    "dfo_csv": "DFØs årlige CSV-eksport",
    "scraped_csv": "skrapet fra gamle doffin.no (CSV)",
    "scraped_json": "skrapet fra gamle doffin.no (JSON, TED-skjema F02)",
    "snapshot": "Doffin-utdrag levert med programmet (corpus/doffin, bygd fra eForms XML, API-JSON og skrapte filer)",
}

# Doffin ids look like 2022-945801 (year, dash, 6 digits; a few old ones have 5 or 7 digits).
DOFFIN_ID_RE = re.compile(r"^(?:19|20)\d{2}-\d{5,7}$", re.ASCII)  # ASCII: "20٢٣-١٢٣٤٥٦" is no Doffin id
_DOFFIN_ID_PREFIX_RE = re.compile(r"^((?:19|20)\d{2}-\d{5,7})(?!\d)", re.ASCII)
# An ISO date at the start of a value; ASCII digits only, since \d also matches "٢٠٢٣-٠١-٠١".
ISO_DATE_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})", re.ASCII)


def finite_number(value: object) -> float | None:
    """A value as a finite float, else None (every reader's amounts go through here).

    "nan", "inf", "1e999" and huge JSON integers parse or overflow; one NaN or inf amount would turn every sum and
    median of the statistics into NaN or inf.
    """
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def doffin_id_from_name(name: str) -> str | None:
    """The Doffin id at the start of a file name such as `2023-100372_pin-buyer.xml`, else None."""
    match = _DOFFIN_ID_PREFIX_RE.match(name)
    return match.group(1) if match else None


@dataclass(frozen=True)
class Notice:
    """One notice from one source file. Codes are eForms codes; None means the source does not state it."""

    source_format: str
    source_file: str
    source_id: str  # the notice's id as this source gives it (Doffin id, eForms notice id, or our synthetic id)
    doffin_id: str | None = None
    eforms_id: str | None = None  # BT-701 cbc:ID (a Doffin id for retro-converted notices, else a UUID)
    eforms_version: str | None = None  # BT-757 cbc:VersionID
    synthetic_id: str | None = None  # only for sources without any id (the Vilgeir JSON)
    publication_date: str | None = None  # yyyy-mm-dd: eForms IssueDate, API publicationDate, CSV publication date
    form_type: str | None = None  # eForms form type: planning, competition, result, dir-awa-pre, cont-modif, change
    notice_type: str | None = None  # eForms notice type (BT-02), e.g. cn-standard
    notice_subtype: str | None = None  # eForms notice subtype (OPP-070), e.g. 16
    source_type: str | None = None  # the source's own type label, e.g. API ANNOUNCEMENT_OF_COMPETITION
    regime: str | None = None  # eu | national (from the Norwegian CustomizationID)
    procedure_code: str | None = None  # BT-105 code; "unknown" when stated but not a valid code
    procedure_raw: str | None = None  # the procedure value exactly as the source wrote it
    buyer_name: str | None = None
    buyer_orgnr: str | None = None
    buyer_legal_type: str | None = None  # BT-11
    contract_nature: str | None = None  # BT-23: works, supplies, services, combined
    main_cpv: str | None = None  # BT-262, 8 digits
    cpv_codes: tuple[str, ...] = ()  # additional CPV codes (BT-263), 8 digits each
    title: str | None = None
    description: str | None = None  # scrubbed of e-mail addresses and phone numbers
    estimated_value: float | None = None  # BT-27 (procedure, or sum of lots)
    estimated_currency: str | None = None
    awarded_value: float | None = None  # BT-161 notice value
    awarded_currency: str | None = None
    tenders_received: tuple[int, ...] | None = None  # BT-759 'tenders' per lot result
    n_lots: int | None = None
    is_innovative: bool | None = None  # BT-06 strategic procurement = inn-pur (None: section not filled in)
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def aliases(self) -> list[str]:
        """The identities this record can be matched on, strongest first (doffin:…, eforms:…, synthetic:…)."""
        found = []
        if self.doffin_id:
            found.append(f"doffin:{self.doffin_id}")
        if self.eforms_id:
            found.append(f"eforms:{self.eforms_id}")
        if self.synthetic_id:
            found.append(f"synthetic:{self.synthetic_id}")
        return found

    def content(self) -> dict[str, Any]:
        """The normalised fields without provenance (file name) or warnings: what makes two records equal."""
        # field by field, not dataclasses.asdict: asdict deep-copies every value and was a third of import time
        data = {name: getattr(self, name) for name in CONTENT_FIELDS}
        data["cpv_codes"] = list(self.cpv_codes)
        data["tenders_received"] = None if self.tenders_received is None else list(self.tenders_received)
        return data


CONTENT_FIELDS: tuple[str, ...] = tuple(
    f.name for f in dataclasses.fields(Notice) if f.name not in ("source_file", "warnings")
)

# Fields of the merged notice (taken from the strongest record that has them).
MERGED_FIELDS: tuple[str, ...] = tuple(
    name for name in CONTENT_FIELDS if name not in ("source_format", "source_id", "synthetic_id")
)


@dataclass(frozen=True)
class ParseResult:
    """What a reader got out of one file: notices, the detected format, and row-level warnings."""

    format: str
    notices: list[Notice]
    warnings: list[str] = field(default_factory=list)
