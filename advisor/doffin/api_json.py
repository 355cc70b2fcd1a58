"""Read Doffin Public API v2 search JSON: a search envelope {numHitsTotal, numHitsAccessible, hits[]} or one hit.

The JSON has no procedure type and no buyer legal type (those exist only in the eForms XML from
/download/{id}). Winners (lots[].winner) are not read: a winner can be a sole trader, i.e. a person.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from advisor.doffin.codes import CodeTable, load_codes
from advisor.doffin.models import DOFFIN_ID_RE, ISO_DATE_RE, Notice, ParseResult, finite_number
from advisor.doffin.privacy import scrub_text
from advisor.errors import UnreadableDocument

HIT_KEYS = frozenset({"id", "heading", "type", "issueDate", "publicationDate", "buyer"})


def is_search_envelope(value: object) -> bool:
    """True for the search response envelope (has a hits list and the hit counters)."""
    return isinstance(value, dict) and isinstance(value.get("hits"), list) and "numHitsTotal" in value


def is_hit(value: object) -> bool:
    """True for one search hit (an object with an id and most of the hit fields)."""
    return isinstance(value, dict) and "id" in value and len(HIT_KEYS & value.keys()) >= 4


def parse_api_json(value: Any, path: Path, codes: CodeTable | None = None) -> ParseResult:
    """Notices from a decoded search envelope or single hit; bad hits become warnings, a wrong shape an error."""
    codes = codes or load_codes()
    if is_search_envelope(value):
        hits = value["hits"]
    elif is_hit(value):
        hits = [value]
    else:
        raise UnreadableDocument(path, "JSON is neither a Doffin search response (hits[]) nor a search hit")
    notices: list[Notice] = []
    warnings: list[str] = []
    for position, hit in enumerate(hits, start=1):
        if not is_hit(hit):
            warnings.append(f"hit {position}: not a search hit object; skipped")
            continue
        doffin_id = str(hit["id"]).strip()
        if not DOFFIN_ID_RE.match(doffin_id):
            warnings.append(f"hit {position}: id {doffin_id!r} is not a Doffin id; skipped")
            continue
        notices.append(notice_from_hit(hit, path, codes))
    return ParseResult(format="api_json", notices=notices, warnings=warnings)


def notice_from_hit(hit: dict[str, Any], path: Path, codes: CodeTable) -> Notice:
    """One search hit as a Notice."""
    doffin_id = str(hit["id"]).strip()
    warnings: list[str] = []
    api_type = _str(hit.get("type"))
    form_type = codes.api_form_types.get(api_type or "")
    if form_type is None:
        all_types = [t for t in _list(hit.get("allTypes")) if isinstance(t, str)]
        form_type = next((codes.api_form_types[t] for t in all_types if t in codes.api_form_types), None)
    if form_type is None and api_type:
        warnings.append(f"{doffin_id}: API type {api_type!r} not in our table")
    buyers = [b for b in _list(hit.get("buyer")) if isinstance(b, dict)]
    buyer = buyers[0] if buyers else {}
    estimated = hit.get("estimatedValue") if isinstance(hit.get("estimatedValue"), dict) else {}
    lots = [lot for lot in _list(hit.get("lots")) if isinstance(lot, dict)]
    tenders = _tenders(hit)
    if tenders is not None and len(lots) > 1:
        # receivedTenders is one number for the whole notice; it cannot be split over several lots
        warnings.append(f"{doffin_id}: receivedTenders for {len(lots)} lots not split per lot; not used")
        tenders = None
    cpv = [str(c).strip() for c in _list(hit.get("cpvCodes")) if str(c).strip()]
    return Notice(
        source_format="api_json",
        source_file=str(path),
        source_id=doffin_id,
        doffin_id=doffin_id,
        publication_date=_date(hit.get("publicationDate")) or _date(hit.get("issueDate")),
        form_type=form_type,
        source_type=api_type,
        buyer_name=_str(buyer.get("name")),
        buyer_orgnr=_orgnr(buyer.get("organizationId")),
        # cpvCodes is an unordered mix of main and additional codes; the main CPV is only in the XML
        cpv_codes=tuple(dict.fromkeys(cpv)),
        title=scrub_text(_str(hit.get("heading"))),
        description=scrub_text(_str(hit.get("description"))),
        estimated_value=_float(estimated.get("amount")),
        estimated_currency=_str(estimated.get("currencyCode")) if _float(estimated.get("amount")) is not None else None,
        tenders_received=tenders,
        n_lots=len(lots),
        warnings=tuple(warnings),
    )


def _tenders(hit: dict[str, Any]) -> tuple[int, ...] | None:
    """Tenders received: receivedTenders, else the 'tenders' entry of allReceivedTenders."""
    value = hit.get("receivedTenders")
    if value is None:
        for entry in _list(hit.get("allReceivedTenders")):
            if isinstance(entry, dict) and entry.get("type") == "tenders":
                value = entry.get("total")
    number = _float(value)
    return None if number is None else (int(number),)


def _list(value: object) -> list:
    """A JSON array as a list; anything else (a number, a string, an object) as no entries."""
    return value if isinstance(value, list) else []


def _date(value: object) -> str | None:
    match = ISO_DATE_RE.match(_str(value) or "")
    return match.group(1) if match else None


def _str(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _float(value: object) -> float | None:
    """A finite number, else None: JSON allows NaN, 1e999 and 4000-digit integers (float() overflows on those),
    and one NaN or inf amount would turn every sum and median of the statistics into NaN or inf."""
    return None if value is None or isinstance(value, bool) else finite_number(value)


def _orgnr(value: object) -> str | None:
    text = _str(value)
    if text is None:
        return None
    digits = "".join(ch for ch in text if ch.isdigit())
    return digits if len(digits) == 9 else text
