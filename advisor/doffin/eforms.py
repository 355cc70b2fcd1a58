"""Read eForms UBL 2.3 XML notices (as served by Doffin's /download/{id}) into Notice records.

Only whitelisted fields are read. The organisation pool's cac:Contact blocks (names, e-mail, phone) are never
touched, and free text is scrubbed. Field paths follow the eForms business terms (BT-…) named in comments.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from advisor.doffin.codes import UNKNOWN_PROCEDURE, CodeTable
from advisor.doffin.models import DOFFIN_ID_RE, ISO_DATE_RE, Notice, doffin_id_from_name, finite_number
from advisor.doffin.privacy import scrub_text
from advisor.errors import UnreadableDocument

NS = {
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "ext": "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2",
    "efac": "http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1",
    "efbc": "http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1",
    "efext": "http://data.europa.eu/p27/eforms-ubl-extensions/1",
}
EFORMS_ROOTS = ("ContractNotice", "ContractAwardNotice", "PriorInformationNotice")
_UBL_ROOT_NS = "urn:oasis:names:specification:ubl:schema:xsd:"
_EXT = "ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent/efext:EformsExtension"
_NORWEGIAN = ("NOR", "NOB", "NNO")


def local_name(tag: str) -> str:
    """Element name without its {namespace}."""
    return tag.rsplit("}", 1)[-1]


def is_eforms_root(root: ET.Element) -> bool:
    """True for the three eForms UBL root elements in their UBL namespaces."""
    return local_name(root.tag) in EFORMS_ROOTS and root.tag.startswith("{" + _UBL_ROOT_NS)


def parse_xml(data: bytes, path: Path) -> ET.Element:
    """Parse XML bytes; entity declarations are refused and syntax errors name the file."""
    if b"<!ENTITY" in data[:65536]:
        raise UnreadableDocument(path, "XML with entity declarations is not accepted")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise UnreadableDocument(path, f"malformed XML ({exc})") from exc
    # The declared encoding is looked up before parsing: encoding="TTF-8" raises LookupError, "UTF-32" (multi-byte)
    # and "idna" raise ValueError (UnicodeError is one).
    except (LookupError, ValueError) as exc:
        raise UnreadableDocument(path, f"XML in an encoding we cannot read ({exc})") from exc


def notice_from_root(root: ET.Element, path: Path, doffin_id: str | None, codes: CodeTable) -> Notice:
    """Build a Notice from a parsed eForms root element."""
    warnings: list[str] = []
    notice_id = _text(root, "cbc:ID")
    if not notice_id:
        raise UnreadableDocument(path, "eForms notice without a notice id (cbc:ID)")
    # Identity: retro-converted notices carry their Doffin id as cbc:ID; native eForms notices carry a UUID, and
    # the Doffin id then comes from the caller (the downloader knows it) or the file name (2023-100372_….xml).
    if doffin_id is None:
        doffin_id = notice_id if DOFFIN_ID_RE.match(notice_id) else doffin_id_from_name(path.name)
    issue_date = _date(_text(root, "cbc:IssueDate"))

    type_el = root.find("cbc:NoticeTypeCode", NS)
    notice_type = _strip(type_el.text) if type_el is not None else None
    form_type = type_el.get("listName") if type_el is not None else None
    subtype = _text(root, f"{_EXT}/efac:NoticeSubType/cbc:SubTypeCode")
    customization = _text(root, "cbc:CustomizationID") or ""
    regime = "national" if customization.endswith(":national") else "eu" if customization.endswith(":eu") else None

    procedure_raw = _text(root, "cac:TenderingProcess/cbc:ProcedureCode")
    procedure_code = None
    if procedure_raw:
        procedure_code = procedure_raw if codes.is_code("procedure_type", procedure_raw) else UNKNOWN_PROCEDURE
        if procedure_code == UNKNOWN_PROCEDURE:
            warnings.append(f"procedure code {procedure_raw!r} is not in the eForms list; counted as 'unknown'")

    buyer_name, buyer_orgnr, buyer_type = _buyer(root)
    project = root.find("cac:ProcurementProject", NS)
    # Lots (schemeName "Lot") and, in prior information notices, parts (schemeName "Part")
    lots = root.findall("cac:ProcurementProjectLot", NS)
    lot_projects = [p for lot in lots if (p := lot.find("cac:ProcurementProject", NS)) is not None]
    all_projects = ([project] if project is not None else []) + lot_projects

    nature = _first_coded(all_projects, "cbc:ProcurementTypeCode", "contract-nature")
    main_cpv = _first_text(all_projects, "cac:MainCommodityClassification/cbc:ItemClassificationCode")
    extra_cpv: list[str] = []
    for proj in all_projects:
        for el in proj.findall("cac:MainCommodityClassification/cbc:ItemClassificationCode", NS) + proj.findall(
            "cac:AdditionalCommodityClassification/cbc:ItemClassificationCode", NS
        ):
            code = _strip(el.text)
            if code and code != main_cpv and code not in extra_cpv:
                extra_cpv.append(code)

    estimated, est_currency = _estimated_value(project, lot_projects)
    result = root.find(f"{_EXT}/efac:NoticeResult", NS)
    awarded, awarded_currency = (None, None)
    tenders: tuple[int, ...] | None = None
    if result is not None:
        awarded, awarded_currency = _amount(result.find("cbc:TotalAmount", NS))
        counts = []
        for lot_result in result.findall("efac:LotResult", NS):
            for stat in lot_result.findall("efac:ReceivedSubmissionsStatistics", NS):
                if _text(stat, "efbc:StatisticsCode") == "tenders":
                    number = _int(_text(stat, "efbc:StatisticsNumeric"))
                    if number is not None:
                        counts.append(number)
        tenders = tuple(counts) if counts else None

    return Notice(
        source_format="eforms_xml",
        source_file=str(path),
        source_id=doffin_id or notice_id,
        doffin_id=doffin_id,
        eforms_id=notice_id,
        eforms_version=_text(root, "cbc:VersionID"),
        publication_date=issue_date,
        form_type=form_type,
        notice_type=notice_type,
        notice_subtype=subtype,
        source_type=local_name(root.tag),
        regime=regime,
        procedure_code=procedure_code,
        procedure_raw=procedure_raw,
        buyer_name=buyer_name,
        buyer_orgnr=buyer_orgnr,
        buyer_legal_type=buyer_type,
        contract_nature=nature,
        main_cpv=main_cpv,
        cpv_codes=tuple(extra_cpv),
        title=scrub_text(_norwegian_text(project, "cbc:Name")) if project is not None else None,
        description=scrub_text(_norwegian_text(project, "cbc:Description")) if project is not None else None,
        estimated_value=estimated,
        estimated_currency=est_currency,
        awarded_value=awarded,
        awarded_currency=awarded_currency,
        tenders_received=tenders,
        n_lots=len(lots),
        is_innovative=_innovative(all_projects),
        warnings=tuple(warnings),
    )


def _buyer(root: ET.Element) -> tuple[str | None, str | None, str | None]:
    """Name, organisation number and legal type (BT-11) of the first buyer; never its contact point."""
    party = root.find("cac:ContractingParty", NS)
    if party is None:
        return None, None, None
    legal_type = None
    for el in party.findall("cac:ContractingPartyType/cbc:PartyTypeCode", NS):
        if el.get("listName") == "buyer-legal-type":
            legal_type = _strip(el.text)
    org_ref = _text(party, "cac:Party/cac:PartyIdentification/cbc:ID")
    name = orgnr = None
    for company in root.findall(f"{_EXT}/efac:Organizations/efac:Organization/efac:Company", NS):
        if _text(company, "cac:PartyIdentification/cbc:ID") == org_ref:
            name = _norwegian_text(company, "cac:PartyName/cbc:Name")
            orgnr = _text(company, "cac:PartyLegalEntity/cbc:CompanyID")
            break
    return name, _clean_orgnr(orgnr), legal_type


def _clean_orgnr(value: str | None) -> str | None:
    """Norwegian organisation number as 9 digits (spaces, NO prefix and MVA suffix removed), else as given."""
    if not value:
        return None
    digits = re.sub(r"(?i)^(org\.?\s*nr\.?|no)|mva$|[\s\u200b\u200c\ufeff]", "", value.strip())
    return digits if re.fullmatch(r"\d{9}", digits) else value.strip()


def _estimated_value(project: ET.Element | None, lots: list[ET.Element]) -> tuple[float | None, str | None]:
    """BT-27 at procedure level, else the sum over lots (when they share one currency)."""
    path = "cac:RequestedTenderTotal/cbc:EstimatedOverallContractAmount"
    if project is not None:
        value, currency = _amount(project.find(path, NS))
        if value is not None:
            return value, currency
    values = [_amount(lot.find(path, NS)) for lot in lots]
    values = [(v, c) for v, c in values if v is not None]
    currencies = {c for _, c in values}
    total = sum(v for v, _ in values)
    # each lot is finite, but two lots of 1e308 sum to inf, which would make every sum and median inf
    if not values or len(currencies) > 1 or not math.isfinite(total):
        return None, None
    return total, currencies.pop()


def _innovative(projects: list[ET.Element]) -> bool | None:
    """True if BT-06 says inn-pur (or BT-776 is filled in); False if the strategic-procurement part is filled in
    without it; None if the notice does not have that part at all."""
    filled = False
    for proj in projects:
        # BT-06/BT-774/BT-775/BT-776 live in cac:ProcurementAdditionalType; a few converters put them directly
        # under the project, so both places are read.
        codes = proj.findall("cac:ProcurementAdditionalType/cbc:ProcurementTypeCode", NS)
        for el in codes + proj.findall("cbc:ProcurementTypeCode", NS):
            list_name = el.get("listName")
            code = _strip(el.text)
            if list_name == "strategic-procurement":
                filled = True
                if code == "inn-pur":
                    return True
            elif list_name == "innovative-acquisition" and code:
                return True
            elif list_name in ("environmental-impact", "social-procurement"):
                filled = True
    return False if filled else None


def _amount(el: ET.Element | None) -> tuple[float | None, str | None]:
    if el is None or not _strip(el.text):
        return None, None
    value = finite_number(_strip(el.text))
    return (value, el.get("currencyID")) if value is not None else (None, None)


def _first_coded(elements: list[ET.Element], path: str, list_name: str) -> str | None:
    for parent in elements:
        for el in parent.findall(path, NS):
            if el.get("listName") == list_name and _strip(el.text):
                return _strip(el.text)
    return None


def _first_text(elements: list[ET.Element], path: str) -> str | None:
    for parent in elements:
        value = _text(parent, path)
        if value:
            return value
    return None


def _norwegian_text(parent: ET.Element, path: str) -> str | None:
    """The Norwegian variant of a multilingual text element, else the first one."""
    found = [el for el in parent.findall(path, NS) if _strip(el.text)]
    for el in found:
        if (el.get("languageID") or "").upper() in _NORWEGIAN:
            return _strip(el.text)
    return _strip(found[0].text) if found else None


def _text(parent: ET.Element, path: str) -> str | None:
    el = parent.find(path, NS)
    return _strip(el.text) if el is not None else None


def _strip(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def _date(value: str | None) -> str | None:
    match = ISO_DATE_RE.match(value or "")
    return match.group(1) if match else None


def _int(value: str | None) -> int | None:
    try:
        return int(float(value)) if value is not None else None
    except (ValueError, OverflowError):  # not a number, or inf ("1e400")
        return None
