"""Our table of the eForms codes used for Doffin statistics, with Norwegian labels (advisor/doffin/codes.yaml).

The official sections are derived from DFØ's code lists (anskaffelser/eforms-sdk-nor, src/codelists/*.yaml,
CC BY 4.0) by `build_official_sections`; tests check the shipped file against a fresh build when the lists are
available. The remaining sections (CPV division names, label overrides, mappings of Norwegian source labels to
codes) are our own and say so in the file.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from advisor.errors import AdvisorError

CODES_FILE = Path(__file__).resolve().parent / "codes.yaml"

# section in our table -> file name (without .yaml) in the official code-list folder
OFFICIAL_LISTS: dict[str, str] = {
    "procedure_type": "procurement-procedure-type",
    "form_type": "form-type",
    "notice_type": "notice-type",
    "notice_subtype": "notice-subtype",
    "buyer_legal_type": "buyer-legal-type",
    "contract_nature": "contract-nature",
    "strategic_procurement": "strategic-procurement",
    "innovative_acquisition": "innovative-acquisition",
}

# The code we store when a source states a procedure that is not in the official list (e.g. "UNKNOWN" written
# by DFØ's retro-conversion of old notices, or an unmapped Norwegian label in the DFØ CSV).
UNKNOWN_PROCEDURE = "unknown"


def build_official_sections(codelist_dir: Path) -> dict[str, dict[str, dict[str, Any]]]:
    """Read DFØ's eForms code lists and return {section: {code: {label, en, verify?}}} for the lists we use."""
    sections: dict[str, dict[str, dict[str, Any]]] = {}
    for section, stem in OFFICIAL_LISTS.items():
        path = codelist_dir / f"{stem}.yaml"
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise AdvisorError(f"cannot read code list {path}: {exc.strerror}") from exc
        if not isinstance(raw, dict):
            raise AdvisorError(f"code list {path} is not a mapping of codes")
        entries: dict[str, dict[str, Any]] = {}
        for code, value in raw.items():
            if not isinstance(value, dict):
                continue
            english = _clean(value.get("name"))
            norwegian = _clean(value.get("nob"))
            entry: dict[str, Any] = {"label": norwegian or english, "en": english}
            if not norwegian:
                entry["label_is_english"] = True
            elif value.get("nob_verify") is True:
                # DFØ marks translations it has not verified yet
                entry["verify"] = True
            entries[str(code)] = entry
        sections[section] = dict(sorted(entries.items(), key=lambda kv: _code_sort_key(kv[0])))
    return sections


def _clean(value: object) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split())


def _code_sort_key(code: str) -> tuple[int, int, str]:
    return (0, int(code), "") if code.isdigit() else (1, 0, code)


@dataclass(frozen=True)
class CodeTable:
    """The loaded code table: labels per section and our mappings from source labels to codes."""

    sections: dict[str, dict[str, dict[str, Any]]]
    overrides: dict[str, dict[str, str]]
    cpv_divisions: dict[str, str]
    dfo_procedure_labels: dict[str, str]
    dfo_contract_types: dict[str, str]
    dfo_form_types: dict[str, str]
    api_form_types: dict[str, str]
    scraped_form_types: dict[str, str]
    ted_form_numbers: dict[int, str]
    provenance: dict[str, Any]

    def label(self, section: str, code: str | None) -> str:
        """Norwegian label for a code (our override first, then DFØ's label); the code itself when unknown."""
        if code is None:
            return "ikke oppgitt"
        if code == UNKNOWN_PROCEDURE and section == "procedure_type":
            return "Ukjent (ikke en gyldig kode)"
        override = self.overrides.get(section, {}).get(code)
        if override:
            return override
        entry = self.sections.get(section, {}).get(code)
        return entry["label"] if entry else code

    def codes(self, section: str) -> list[str]:
        """All official codes of a section, in table order."""
        return list(self.sections.get(section, {}))

    def is_code(self, section: str, code: str) -> bool:
        """True if `code` is in the official list for `section`."""
        return code in self.sections.get(section, {})

    def cpv_division_name(self, division: str) -> str:
        """Norwegian name of a CPV division (two digits), or the code when we have no name."""
        return self.cpv_divisions.get(division, division)

    def procedure_from_dfo_label(self, label: str) -> str | None:
        """eForms procedure code for a DFØ CSV `prosedyre_type` label; None when the label is not known.

        Our table of old-Doffin labels first, then DFØ's official eForms labels, then the code itself.
        """
        key = normalise_label(label)
        if key in self.dfo_procedure_labels:
            return self.dfo_procedure_labels[key]
        for code, entry in self.sections.get("procedure_type", {}).items():
            if key in (normalise_label(entry["label"]), normalise_label(code)):
                return code
        return None

    def form_type_from_ted_form(self, form: str | int | None) -> str | None:
        """eForms form type for a TED standard form number ("F02", "2", 2); None when unknown or ambiguous."""
        if form is None:
            return None
        # ASCII digits only: "³".isdigit() is true but int() refuses it; a form number has at most a few digits
        digits = "".join(ch for ch in str(form) if ch in "0123456789")
        return self.ted_form_numbers.get(int(digits)) if 0 < len(digits) <= 4 else None


def normalise_label(label: str) -> str:
    """Case-, space- and Unicode-normalised form of a Norwegian label, used as a lookup key."""
    text = unicodedata.normalize("NFC", label).casefold()
    return " ".join(text.replace("–", "-").split())


@functools.cache
def load_codes(path: Path = CODES_FILE) -> CodeTable:
    """Load our code table (cached per path)."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise AdvisorError(f"cannot read the Doffin code table {path}: {exc.strerror}") from exc
    if not isinstance(raw, dict) or "official" not in raw:
        raise AdvisorError(f"the Doffin code table {path} has no 'official' section")
    own = raw.get("own", {})
    return CodeTable(
        sections=raw["official"],
        overrides=own.get("label_overrides", {}),
        cpv_divisions={str(k).zfill(2): v for k, v in own.get("cpv_divisions", {}).items()},
        dfo_procedure_labels={normalise_label(k): v for k, v in own.get("dfo_procedure_labels", {}).items()},
        dfo_contract_types={normalise_label(k): v for k, v in own.get("dfo_contract_types", {}).items()},
        dfo_form_types={normalise_label(k): v for k, v in own.get("dfo_form_types", {}).items()},
        api_form_types=dict(own.get("api_form_types", {})),
        scraped_form_types={normalise_label(k): v for k, v in own.get("scraped_form_types", {}).items()},
        ted_form_numbers={int(k): v for k, v in own.get("ted_form_numbers", {}).items()},
        provenance=raw.get("provenance", {}),
    )
