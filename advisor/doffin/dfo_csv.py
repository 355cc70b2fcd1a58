"""Read DFØ's annual Doffin CSV export (Kunngjoringer_{YYYY}.csv): `;`-separated, Windows-1252.

Columns (SOURCES.md): doffin_id, eier_orgnr, eier_navn, eier_postadresse, tittel, publisering_dato,
tilbudsfrist_dato, forskrift_navn, skjema_nr, skjema_type, cpv_hoved_kode, kontrakt_type, prosedyre_type,
nuts_kode, verdi_estimert, delkontrakter, rammeavtale, dps, cpv_tillegg_kode. The Norwegian procedure labels
are mapped to eForms codes through our code table; eier_postadresse is never read.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from pathlib import Path

from advisor.doffin.codes import UNKNOWN_PROCEDURE, CodeTable, load_codes, normalise_label
from advisor.doffin.models import DOFFIN_ID_RE, ISO_DATE_RE, Notice, ParseResult, finite_number
from advisor.doffin.privacy import scrub_text
from advisor.errors import UnreadableDocument

DFO_COLUMNS: tuple[str, ...] = (
    "doffin_id", "eier_orgnr", "eier_navn", "eier_postadresse", "tittel", "publisering_dato", "tilbudsfrist_dato",
    "forskrift_navn", "skjema_nr", "skjema_type", "cpv_hoved_kode", "kontrakt_type", "prosedyre_type", "nuts_kode",
    "verdi_estimert", "delkontrakter", "rammeavtale", "dps", "cpv_tillegg_kode",
)
_MISSING = {"", "nan", "na", "null", "none"}
# ASCII digits only: \d also matches "٢٠٢٣", which would be stored as a date of its own
_NORWEGIAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})", re.ASCII)


def decode_text(data: bytes) -> str:
    """Text of a notice file: UTF-8 (with or without BOM) when it decodes cleanly, else Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def csv_header(text: str) -> list[str]:
    """The column names of a `;`-separated CSV text (stripped, lower-case)."""
    first = next(csv.reader(io.StringIO(text, newline=""), delimiter=";"), [])  # newline="": a file may end lines with \r alone
    return [name.strip().strip("\ufeff").lower() for name in first]


def is_dfo_header(header: list[str]) -> bool:
    """True when the header looks like the DFØ export (doffin_id and at least five of its columns).

    A header that passes this but lacks some columns is then rejected by parse_dfo_csv, naming them.
    """
    return "doffin_id" in header and len(set(header) & set(DFO_COLUMNS)) >= 5


def parse_dfo_csv(text: str, path: Path, codes: CodeTable | None = None) -> ParseResult:
    """Notices from the DFØ CSV text; rows without a valid doffin_id are skipped with a warning."""
    codes = codes or load_codes()
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=";")
    header = [name.strip().strip("\ufeff").lower() for name in reader.fieldnames or []]
    missing = [c for c in DFO_COLUMNS if c not in header]
    if missing:
        raise UnreadableDocument(path, f"not the DFØ CSV layout: missing columns {', '.join(missing)}")
    reader.fieldnames = header
    notices: list[Notice] = []
    warnings: list[str] = []
    unmapped: Counter[str] = Counter()
    bad_rows = 0
    for line_no, row in enumerate(reader, start=2):
        if None in row or any(value is None for value in row.values()):
            warnings.append(f"row {line_no}: wrong number of fields; skipped")
            bad_rows += 1
            continue
        doffin_id = _value(row["doffin_id"])
        if not doffin_id or not DOFFIN_ID_RE.match(doffin_id):
            warnings.append(f"row {line_no}: doffin_id {doffin_id!r} is not a Doffin id; skipped")
            bad_rows += 1
            continue
        label = _value(row["prosedyre_type"])
        procedure = None
        if label:
            procedure = codes.procedure_from_dfo_label(label)
            if procedure is None:
                unmapped[label] += 1
                procedure = UNKNOWN_PROCEDURE
        nature_label = _value(row["kontrakt_type"])
        form_label = _value(row["skjema_type"])
        form_type = codes.dfo_form_types.get(normalise_label(form_label)) if form_label else None
        if form_type is None:
            form_type = codes.form_type_from_ted_form(_value(row["skjema_nr"]))
        value = _float(row["verdi_estimert"])
        main_cpv = _cpv(row["cpv_hoved_kode"])
        extra = [c for c in (_cpv(part) for part in re.split(r"[\n\r,;| ]+", row["cpv_tillegg_kode"] or "")) if c]
        notices.append(
            Notice(
                source_format="dfo_csv",
                source_file=str(path),
                source_id=doffin_id,
                doffin_id=doffin_id,
                publication_date=_date(row["publisering_dato"]),
                form_type=form_type,
                source_type=form_label,
                procedure_code=procedure,
                procedure_raw=label,
                buyer_name=_value(row["eier_navn"]),
                buyer_orgnr=_orgnr(row["eier_orgnr"]),
                contract_nature=codes.dfo_contract_types.get(normalise_label(nature_label)) if nature_label else None,
                main_cpv=main_cpv,
                cpv_codes=tuple(c for c in dict.fromkeys(extra) if c != main_cpv),
                title=scrub_text(_value(row["tittel"])),
                # the export's amounts are in NOK (the DFØ dataset has no currency column)
                estimated_value=value,
                estimated_currency="NOK" if value is not None else None,
            )
        )
    for label, count in unmapped.most_common():
        warnings.append(f"prosedyre_type {label!r} ({count} rows) is not in our label table; counted as 'unknown'")
    if not notices and bad_rows:
        raise UnreadableDocument(path, f"no usable rows ({bad_rows} rows without a valid doffin_id)")
    return ParseResult(format="dfo_csv", notices=notices, warnings=warnings)


def _value(raw: str | None) -> str | None:
    if raw is None:
        return None
    text = raw.strip()
    return None if text.lower() in _MISSING else text


def _float(raw: str | None) -> float | None:
    text = _value(raw)
    if text is None:
        return None
    text = text.replace("\u00a0", "").replace(" ", "")
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    return finite_number(text)


def _cpv(raw: str | None) -> str | None:
    """An 8-digit CPV code from '63120000', '63120000.0', '3000000.0' (leading zero lost) or '63120000-7'."""
    text = _value(raw)
    if not text:
        return None
    match = re.match(r"^(\d{6,8})(?:\.0+)?(?:-\d)?$", text)
    return match.group(1).zfill(8) if match else None


def _date(raw: str | None) -> str | None:
    text = _value(raw) or ""
    if match := ISO_DATE_RE.match(text):
        return match.group(1)
    if match := _NORWEGIAN_DATE.match(text):
        day, month, year = match.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}"
    return None


def _orgnr(raw: str | None) -> str | None:
    text = _value(raw)
    if text is None:
        return None
    digits = re.sub(r"\D", "", text.split(".")[0])
    return digits if len(digits) == 9 else text
