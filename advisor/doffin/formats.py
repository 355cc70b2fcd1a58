"""Recognise a notice file by its content (not its name) and hand it to the right reader."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from advisor.doffin.api_json import is_hit, is_search_envelope, parse_api_json
from advisor.doffin.codes import CodeTable, load_codes
from advisor.doffin.dfo_csv import csv_header, decode_text, is_dfo_header, parse_dfo_csv
from advisor.doffin.eforms import is_eforms_root, local_name, notice_from_root, parse_xml
from advisor.doffin.legacy import is_legacy_root, reject_legacy
from advisor.doffin.models import ParseResult
from advisor.doffin.privacy import scrub_email, scrub_notice
from advisor.doffin.scraped import is_scraped_header, is_vilgeir_json, parse_scraped_csv, parse_vilgeir_json
from advisor.errors import UnreadableDocument

# File name endings looked at when walking folders; a file named explicitly is always sniffed.
NOTICE_SUFFIXES = (".xml", ".json", ".csv")


def read_notice_bytes(data: bytes, path: Path, codes: CodeTable | None = None, doffin_id: str | None = None) -> ParseResult:
    """Parse one file's bytes in whichever supported format they are; raises UnreadableDocument with the reason.

    Every text field of every notice, and every warning, is scrubbed of contact data before it is returned.
    """
    result = _read(data, path, codes or load_codes(), doffin_id)
    return ParseResult(result.format, [scrub_notice(n) for n in result.notices], [scrub_email(w) for w in result.warnings])


def _read(data: bytes, path: Path, codes: CodeTable, doffin_id: str | None) -> ParseResult:
    if not data.strip():
        raise UnreadableDocument(path, "empty file")
    if b"\x00" in data[:8192]:
        raise UnreadableDocument(path, "binary file (not XML, JSON or CSV)")
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"<":
        root = parse_xml(data, path)
        if is_eforms_root(root):
            notice = notice_from_root(root, path, doffin_id=doffin_id, codes=codes)
            return ParseResult(format="eforms_xml", notices=[notice], warnings=list(notice.warnings))
        if is_legacy_root(root):
            reject_legacy(root, path)
        raise UnreadableDocument(path, f"XML root element {local_name(root.tag)!r} is not a notice format we read")
    if head in (b"{", b"["):
        try:
            # strict=False: the API puts raw newlines and tabs inside strings
            value = json.loads(decode_text(data), strict=False)
        except json.JSONDecodeError as exc:
            raise UnreadableDocument(path, f"malformed JSON ({exc.msg} at line {exc.lineno})") from exc
        except ValueError as exc:  # Python refuses integers of more than 4300 digits
            raise UnreadableDocument(path, "malformed JSON (a number with more than 4300 digits)") from exc
        except RecursionError as exc:
            raise UnreadableDocument(path, "malformed JSON (nested too deeply)") from exc
        if is_search_envelope(value) or is_hit(value):
            result = parse_api_json(value, path, codes)
        elif is_vilgeir_json(value):
            result = parse_vilgeir_json(value, path, codes)
        else:
            raise UnreadableDocument(path, "JSON shape not recognised (not a Doffin search response, hit or scraped list)")
        return ParseResult(result.format, result.notices, result.warnings + _notice_warnings(result))
    text = decode_text(data)
    try:
        return _read_csv(text, path, codes)
    except csv.Error as exc:  # e.g. a field over the csv module's 131 072-character limit, a stray carriage return
        raise UnreadableDocument(path, f"malformed CSV ({exc})") from exc


def _read_csv(text: str, path: Path, codes: CodeTable) -> ParseResult:
    header = csv_header(text)
    if is_dfo_header(header):
        result = parse_dfo_csv(text, path, codes)
    elif is_scraped_header(header):
        result = parse_scraped_csv(text, path, codes)
    else:
        columns = header if len(header) > 1 else [c.strip().lower() for c in text.splitlines()[0].split(",")] if text else []
        if len(columns) > 1:
            shown = ", ".join(columns[:8]) + (", …" if len(columns) > 8 else "")
            raise UnreadableDocument(path, f"CSV columns not recognised as DFØ or scraped Doffin layout ({shown})")
        raise UnreadableDocument(path, "not XML, JSON or a `;`-separated CSV")
    return ParseResult(result.format, result.notices, result.warnings + _notice_warnings(result))


def _notice_warnings(result: ParseResult) -> list[str]:
    return [w for notice in result.notices for w in notice.warnings]
