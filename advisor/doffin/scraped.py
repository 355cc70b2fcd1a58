"""Read notices scraped from the old doffin.no (before eForms): two `;`-separated CSV layouts and the Vilgeir JSON.

* CSV (ideas2evidence/En-doffin-scraper): doffin_referanse, navn, publisert_av, kunngjoring_type,
  kunngjoring_dato, tilbudsfrist_dato, lenke, cpv, [beskrivelse,] estimert_totalverdi, kunngjort_uke, … —
  UTF-8 with BOM, multi-line quoted `beskrivelse`, "NA" for missing values.
* JSON (Vilgeir/doffindata): a list of TED form F02 contract notices with tittel, oppdragsgiver, orgnr,
  kunngjoringsdato, cpvnumber, tilleggsCPV, beskrivelse (string or list of paragraphs) and contact fields
  (epost, adresse, sted) that are never read. These notices carry no Doffin id, so their identity is a hash of
  title, buyer, date and participation URL (see `synthetic_id`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from pathlib import Path
from typing import Any

from advisor.doffin.codes import CodeTable, load_codes, normalise_label
from advisor.doffin.models import DOFFIN_ID_RE, ISO_DATE_RE, Notice, ParseResult, finite_number
from advisor.doffin.privacy import scrub_text
from advisor.errors import UnreadableDocument

SCRAPED_CSV_REQUIRED = ("doffin_referanse", "navn", "publisert_av", "kunngjoring_type", "kunngjoring_dato", "cpv")
VILGEIR_REQUIRED = frozenset({"tittel", "oppdragsgiver", "kunngjoringsdato"})
_MISSING = {"", "na", "nan", "null", "none"}


def is_scraped_header(header: list[str]) -> bool:
    """True for the scraper's CSV header."""
    return set(SCRAPED_CSV_REQUIRED) <= set(header)


def is_vilgeir_json(value: object) -> bool:
    """True for the Vilgeir list of notice objects."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(item, dict) for item in value[:50])
        and VILGEIR_REQUIRED <= value[0].keys()
    )


def parse_scraped_csv(text: str, path: Path, codes: CodeTable | None = None) -> ParseResult:
    """Notices from the scraper CSV text (a real CSV parser: descriptions span several lines)."""
    codes = codes or load_codes()
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=";")
    header = [name.strip().strip("\ufeff").lower() for name in reader.fieldnames or []]
    missing = [c for c in SCRAPED_CSV_REQUIRED if c not in header]
    if missing:
        raise UnreadableDocument(path, f"not the scraped Doffin CSV layout: missing columns {', '.join(missing)}")
    reader.fieldnames = header
    notices: list[Notice] = []
    warnings: list[str] = []
    for line_no, row in enumerate(reader, start=2):
        if None in row or any(value is None for value in row.values()):
            warnings.append(f"record {line_no}: wrong number of fields; skipped")
            continue
        doffin_id = _value(row["doffin_referanse"])
        if not doffin_id or not DOFFIN_ID_RE.match(doffin_id):
            warnings.append(f"record {line_no}: doffin_referanse {doffin_id!r} is not a Doffin id; skipped")
            continue
        type_label = _value(row["kunngjoring_type"])
        value = _float(row.get("estimert_totalverdi"))
        notices.append(
            Notice(
                source_format="scraped_csv",
                source_file=str(path),
                source_id=doffin_id,
                doffin_id=doffin_id,
                publication_date=_date(row["kunngjoring_dato"]),
                form_type=codes.scraped_form_types.get(normalise_label(type_label)) if type_label else None,
                source_type=type_label,
                buyer_name=_value(row["publisert_av"]),
                main_cpv=_cpv(row["cpv"]),
                title=scrub_text(_value(row["navn"])),
                description=scrub_text(_value(row.get("beskrivelse"))),
                estimated_value=value,
                estimated_currency="NOK" if value is not None else None,
            )
        )
    if not notices:
        raise UnreadableDocument(path, "no rows with a valid doffin_referanse")
    return ParseResult(format="scraped_csv", notices=notices, warnings=warnings)


def parse_vilgeir_json(value: list[dict[str, Any]], path: Path, codes: CodeTable | None = None) -> ParseResult:
    """Notices from the Vilgeir JSON list; the `epost`, `adresse` and `sted` fields are not read."""
    codes = codes or load_codes()
    notices: list[Notice] = []
    warnings: list[str] = []
    for position, item in enumerate(value, start=1):
        if not isinstance(item, dict) or not VILGEIR_REQUIRED <= item.keys():
            warnings.append(f"item {position}: not a notice object; skipped")
            continue
        title = _value(item.get("tittel"))
        buyer = _value(item.get("oppdragsgiver"))
        date = _date(item.get("kunngjoringsdato"))
        if not title or not date:
            warnings.append(f"item {position}: no title or publication date; skipped")
            continue
        synthetic = synthetic_id(title, buyer, date, _value(item.get("url_deltakelse")) or _value(item.get("nettside")))
        description = item.get("beskrivelse")
        if isinstance(description, list):
            description = "\n".join(str(part) for part in description if part)
        extra = []
        extra_cpv = item.get("tilleggsCPV")
        for entry in extra_cpv if isinstance(extra_cpv, list | dict) else []:  # a number is not iterable
            keys = entry.keys() if isinstance(entry, dict) else [entry]
            extra.extend(c for c in (_cpv(str(k)) for k in keys) if c)
        main_cpv = _cpv(item.get("cpvnumber"))
        form = _value(item.get("form"))
        notices.append(
            Notice(
                source_format="scraped_json",
                source_file=str(path),
                source_id=synthetic,
                synthetic_id=synthetic,
                publication_date=date,
                form_type=codes.form_type_from_ted_form(form),
                source_type=form,
                buyer_name=buyer,
                buyer_orgnr=_orgnr(item.get("orgnr")),
                main_cpv=main_cpv,
                cpv_codes=tuple(c for c in dict.fromkeys(extra) if c != main_cpv),
                title=scrub_text(title),
                description=scrub_text(_value(description)),
            )
        )
    if not notices:
        raise UnreadableDocument(path, "no usable notices in the scraped JSON list")
    return ParseResult(format="scraped_json", notices=notices, warnings=warnings)


def synthetic_id(title: str, buyer: str | None, date: str, url: str | None) -> str:
    """Stable id for a notice without a Doffin id: hash of normalised title, buyer, date and participation URL."""
    key = "|".join(normalise_label(part or "") for part in (title, buyer, date, url))
    return "vilgeir-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _value(raw: object) -> str | None:
    if raw is None:
        return None
    text = str(raw).strip()
    return None if text.lower() in _MISSING else text


def _float(raw: object) -> float | None:
    text = _value(raw)
    if text is None:
        return None
    return finite_number(text.replace(" ", "").replace("\u00a0", ""))


def _cpv(raw: object) -> str | None:
    text = _value(raw)
    match = re.match(r"^(\d{8})(?:-\d)?$", text or "")
    return match.group(1) if match else None


def _date(raw: object) -> str | None:
    match = ISO_DATE_RE.match(_value(raw) or "")
    return match.group(1) if match else None


def _orgnr(raw: object) -> str | None:
    text = _value(raw)
    if text is None:
        return None
    digits = re.sub(r"\D", "", text)
    return digits if len(digits) == 9 else text
