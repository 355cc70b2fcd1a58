"""The procurement case that the assessment reads: its keys, their types, and strict checking at the boundary.

A case is a flat mapping (JSON or YAML). Every key is optional: a missing key becomes None here, and the
decision model (inputs.py) states what it assumed instead. A key that is present must be valid;
anything else raises InvalidInput naming the field.
"""

from __future__ import annotations

import json
import reprlib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from advisor.corpus import load_yaml
from advisor.errors import AdvisorError, InvalidInput

BUYERS = ("state", "municipal", "other")
CONTRACT_TYPES = ("goods", "services", "works")
MARKET_ANSWERS = ("yes", "with_adaptation", "no", "unknown")
RISK_LEVELS = ("low", "medium", "high")
REGIMES = ("foa", "utilities", "defence_security", "concession")
VALUE_PERIODS = ("month", "year")
# A case is a few hundred bytes; the app caps the need at 4 000 characters. The limits stop a pasted document or a
# runaway file from being parsed and copied into every part of the output (a 50 MB need gave 250 MB of JSON).
MAX_TEXT_CHARS = 50_000
MAX_CASE_BYTES = 1_000_000
# Norway's whole public sector buys for about 835 mrd. kr a year; a single contract above 1 000 mrd. kr is a typo
# (an extra group of zeros, øre read as kroner), never a value to classify. A century is the longest term we accept.
MAX_AMOUNT_NOK = 10**12
MAX_MONTHS = 1200

# The nine keys the issue names; the rest are optional refinements.
CORE_KEYS = (
    "need",
    "estimated_value_nok",
    "buyer",
    "category",
    "market_has_solution",
    "development_needed",
    "wants_to_buy_result",
    "can_specify_solution",
    "market_dialogue_done",
)


@dataclass(frozen=True)
class FieldSpec:
    """How one case key is checked and how it is shown to a Norwegian reader."""

    kind: str  # "text" | "amount" | "bool" | "enum" | "months"
    label: str
    choices: tuple[str, ...] = ()


FIELDS: dict[str, FieldSpec] = {
    "need": FieldSpec("text", "Behov"),
    "estimated_value_nok": FieldSpec("amount", "Anslått verdi (kr ekskl. mva.)"),
    "buyer": FieldSpec("enum", "Oppdragsgiver", BUYERS),
    "category": FieldSpec("enum", "Kontraktstype", CONTRACT_TYPES),
    "market_has_solution": FieldSpec("enum", "Finnes løsningen i markedet", MARKET_ANSWERS),
    "development_needed": FieldSpec("bool", "Må noe utvikles"),
    "wants_to_buy_result": FieldSpec("bool", "Vil kjøpe resultatet etter utvikling"),
    "can_specify_solution": FieldSpec("bool", "Kan beskrive løsningen presist"),
    "market_dialogue_done": FieldSpec("bool", "Markedsdialog gjennomført"),
    "health_social_services": FieldSpec("bool", "Helse- og sosialtjenester"),
    "special_services": FieldSpec("bool", "Andre særlige tjenester"),
    "utilities": FieldSpec("bool", "Forsyningssektoren (forsyningsforskriften)"),
    "design_contest": FieldSpec("bool", "Ønsker planer eller design (plan- og designkonkurranse)"),
    "deadline_months": FieldSpec("months", "Tid til løsningen må være på plass (måneder)"),
    "risk_tolerance": FieldSpec("enum", "Risikovilje", RISK_LEVELS),
    "previous_competition_failed": FieldSpec("bool", "Tidligere konkurranse mislyktes"),
    "regime": FieldSpec("enum", "Regelverk", REGIMES),
    "value_per_period_nok": FieldSpec("amount", "Beløp per periode (kr ekskl. mva.)"),
    "value_period": FieldSpec("enum", "Periode for beløpet", VALUE_PERIODS),
    "duration_months": FieldSpec("months", "Fast avtaleperiode uten opsjoner (måneder)"),
    "option_months": FieldSpec("months", "Opsjoner på forlengelse (måneder)"),
    "options_value_nok": FieldSpec("amount", "Verdi av andre opsjoner, i tillegg til beløpene over (kr ekskl. mva.)"),
    "value_parts": FieldSpec("text", "Delene av anslått verdi (summen er anslått verdi ekskl. mva.)"),
    "open_ended": FieldSpec("bool", "Avtale uten fast løpetid"),
    "framework_agreement": FieldSpec("bool", "Rammeavtale"),
    "amounts_include_vat": FieldSpec("bool", "Beløpene er oppgitt inkl. mva."),
}

# Norwegian display of enum values and booleans (used in human output and the Markdown audit).
VALUE_LABELS: dict[str, dict[Any, str]] = {
    "buyer": {"state": "statlig", "municipal": "kommune/fylkeskommune", "other": "annen (offentligrettslig organ)"},
    "category": {"goods": "varer", "services": "tjenester", "works": "bygge- og anleggsarbeid"},
    "market_has_solution": {"yes": "ja", "with_adaptation": "ja, med tilpasning", "no": "nei", "unknown": "vet ikke"},
    "risk_tolerance": {"low": "lav", "medium": "middels", "high": "høy"},
    "regime": {"foa": "anskaffelsesforskriften", "utilities": "forsyningsforskriften",
               "defence_security": "forsvars- og sikkerhetsforskriften", "concession": "konsesjonskontraktforskriften"},
    "value_period": {"month": "per måned", "year": "per år"},
}


@dataclass(frozen=True)
class Case:
    """One procurement to assess; None means the key was not given."""

    need: str | None = None
    estimated_value_nok: int | None = None
    buyer: str | None = None
    category: str | None = None
    market_has_solution: str | None = None
    development_needed: bool | None = None
    wants_to_buy_result: bool | None = None
    can_specify_solution: bool | None = None
    market_dialogue_done: bool | None = None
    health_social_services: bool | None = None
    special_services: bool | None = None
    utilities: bool | None = None
    design_contest: bool | None = None
    deadline_months: int | None = None
    risk_tolerance: str | None = None
    previous_competition_failed: bool | None = None
    regime: str | None = None
    value_per_period_nok: int | None = None
    value_period: str | None = None
    duration_months: int | None = None
    option_months: int | None = None
    options_value_nok: int | None = None
    value_parts: str | None = None
    open_ended: bool | None = None
    framework_agreement: bool | None = None
    amounts_include_vat: bool | None = None

    def given(self) -> dict[str, Any]:
        """The keys that were given, with their values."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None}

    def missing_core(self) -> list[str]:
        """Core keys that were not given."""
        return [key for key in CORE_KEYS if getattr(self, key) is None]


def display_value(key: str, value: Any) -> str:
    """A case value as a Norwegian reader expects to see it (3 000 000, ja, kommune/fylkeskommune)."""
    if value is None:
        return "ikke oppgitt"
    if isinstance(value, bool):
        return "ja" if value else "nei"
    if FIELDS.get(key) is not None and FIELDS[key].kind == "amount" and isinstance(value, int):
        return format_nok(value)
    return VALUE_LABELS.get(key, {}).get(value, str(value))


def format_nok(value: int) -> str:
    """Whole kroner with a space as thousands separator: 1 490 000."""
    return f"{value:,}".replace(",", " ")


def format_amount(value: int) -> str:
    """An amount as a Norwegian reader says it: «1,49 mill. kr», «2,75 mrd. kr», «600 000 kr».

    Millions are shortened only when no digit is lost (1 299 999 stays «1 299 999 kr»), because a rounded figure
    next to a threshold would state the wrong side of it.
    """
    for unit, name in ((10**9, "mrd."), (10**6, "mill.")):
        if value >= unit and value % (unit // 100) == 0:
            whole, rest = divmod(value, unit)
            decimals = f"{rest * 100 // unit:02d}".rstrip("0")
            return f"{format_nok(whole)}{',' + decimals if decimals else ''} {name} kr"
    return f"{format_nok(value)} kr"


def _shown(value: Any) -> Any:
    """A value as an error message may show it: lists and mappings shortened before anything calls repr() on them.

    YAML aliases make a 437-byte file into a list of 3 billion strings (a "billion laughs"); repr() of that never ends.
    """
    return reprlib.repr(value) if isinstance(value, list | tuple | set | Mapping) else value


def _check_value(key: str, value: Any) -> Any:
    spec = FIELDS[key]
    if spec.kind == "text":
        if not isinstance(value, str):
            raise InvalidInput(key, _shown(value), "text")
        if len(value) > MAX_TEXT_CHARS:
            raise InvalidInput(key, f"{len(value)} characters", f"at most {MAX_TEXT_CHARS} characters")
        check_text(key, value)
        return value.strip() or None
    if spec.kind in ("amount", "months"):
        # bool is an int subclass in Python; true/false is never an amount.
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            what = "a whole number of kroner excluding VAT, e.g. 3000000" if spec.kind == "amount" else "a whole number of months"
            raise InvalidInput(key, _shown(value), what)
        if value <= 0:
            raise InvalidInput(key, _shown_amount(value), "a positive whole number" + (" of kroner excluding VAT" if spec.kind == "amount" else ""))
        if spec.kind == "amount" and value > MAX_AMOUNT_NOK:
            raise InvalidInput(key, _shown_amount(value), "an amount of at most 1 000 mrd. kr (check the units and the zeros)")
        if spec.kind == "months" and value > MAX_MONTHS:
            raise InvalidInput(key, _shown_amount(value), f"at most {MAX_MONTHS} months")
        return value
    if spec.kind == "bool":
        if not isinstance(value, bool):
            raise InvalidInput(key, _shown(value), "true or false")
        return value
    # enum
    if key == "market_has_solution" and isinstance(value, bool):
        # YAML 1.1 reads an unquoted `no`/`yes` as a boolean; take it as the answer the writer meant.
        return "yes" if value else "no"
    if not isinstance(value, str) or value not in spec.choices:
        raise InvalidInput(key, _shown(value), "one of " + ", ".join(spec.choices))
    return value


def check_text(key: str, value: str) -> None:
    """Refuse text that cannot be written as UTF-8 (a lone surrogate from a JSON escape or a broken argument)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        shown = value[max(0, exc.start - 20): exc.end + 20]
        raise InvalidInput(key, shown, "text without lone surrogate characters (\\ud800–\\udfff); check the file's "
                           "escapes or the terminal's encoding") from exc


def _shown_amount(value: int) -> int | str:
    """A whole number as an error message may show it: short ones as they are, huge ones by their length.

    str() of an int of more than 4 300 digits raises ValueError, so the length is estimated from the bit length.
    """
    if abs(value) < 10**20:
        return value
    return f"a number of about {int(abs(value).bit_length() * 0.30103) + 1} digits"


def _check_combination(values: dict[str, Any]) -> None:
    """Keys that cannot all be true at once: an error naming them, never a silent choice between them."""
    if "value_per_period_nok" in values and "value_period" not in values:
        raise InvalidInput("value_period", None, "month or year, since value_per_period_nok is given")
    if "value_period" in values and "value_per_period_nok" not in values:
        raise InvalidInput("value_per_period_nok", None, "an amount per period, since value_period is given")
    if values.get("open_ended") and "duration_months" in values:
        raise InvalidInput("open_ended", True, "false when duration_months is given (a contract without a fixed term has no duration)")
    regime, utilities = values.get("regime"), values.get("utilities")
    if regime is not None and utilities is not None and (regime == "utilities") != utilities:
        raise InvalidInput("utilities", utilities, f"{'true' if regime == 'utilities' else 'false'} when regime is {regime!r}")


def parse_case(data: Any) -> Case:
    """Check a mapping of case keys and return a Case; raises InvalidInput naming the first bad field.

    A wrapper with an "input" mapping (an eval row or a case-bank entry) is unwrapped.
    """
    if not isinstance(data, Mapping):
        raise InvalidInput("input", type(data).__name__, "a JSON/YAML object with the case keys: " + ", ".join(FIELDS))
    if "input" in data and isinstance(data["input"], Mapping) and not set(data) & set(FIELDS):
        data = data["input"]
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in FIELDS:
            shown_key = str(key) if str(key).strip() else repr(key)  # a blank key would read "invalid : got ..."
            raise InvalidInput(shown_key, _shown(value), "a known case key: " + ", ".join(FIELDS))
        if value is None:
            continue
        values[key] = _check_value(key, value)
    _check_combination(values)
    return Case(**{k: v for k, v in values.items() if v is not None})


def parse_case_text(text: str, name: str = "input") -> Any:
    """Parse JSON or YAML text into Python data; malformed text raises InvalidInput naming the input."""
    stripped = text.lstrip()
    if not stripped:
        raise InvalidInput(name, "", "a JSON or YAML object with the case keys")
    if len(text) > MAX_CASE_BYTES:
        raise InvalidInput(name, f"{len(text)} characters", f"a case of at most {MAX_CASE_BYTES} characters")
    if stripped[0] in "{[":
        return _json(text, name, stripped[:60])
    # The one bounded loader (size, alias expansion, depth, plain data): its YAMLRefused is an InvalidInput.
    return load_yaml(text, name, max_chars=MAX_CASE_BYTES)


def _json(text: str, name: str, shown: str) -> Any:
    """Parse JSON; syntax errors, over-long numbers and too-deep nesting raise InvalidInput naming the input."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(name, shown, f"valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from exc
    except ValueError as exc:  # an integer of more than 4300 digits
        raise InvalidInput(name, shown, "valid JSON (a number is too long)") from exc
    except RecursionError as exc:
        raise InvalidInput(name, shown, "valid JSON (nested too deeply)") from exc


def load_case(path: str | Path) -> Case:
    """Read and check a case file (.json, .yaml or .yml; JSON is detected by its opening brace)."""
    path = Path(path)
    if not path.is_file():
        raise InvalidInput("file", str(path), "an existing JSON or YAML file")
    size = path.stat().st_size
    if size > MAX_CASE_BYTES:
        raise InvalidInput("file", f"{path} ({size / 1e6:.1f} MB)", f"a case file of at most {MAX_CASE_BYTES / 1e6:g} MB")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput("file", str(path), "a UTF-8 text file") from exc
    if path.suffix.lower() == ".json":
        return parse_case(_json(text, "file", str(path)))
    return parse_case(parse_case_text(text, name="file"))


def load_case_bank(settings) -> list[dict[str, Any]]:
    """The colleague-written case bank (corpus/cases/cases.yaml) as a list of cases; [] when the file is not there."""
    path = Path(settings.corpus_dir) / "cases" / "cases.yaml"
    if not path.is_file():
        return []
    data = load_yaml(path.read_text(encoding="utf-8"), str(path))
    if isinstance(data, dict) and isinstance(data.get("cases"), list):
        data = data["cases"]
    if not isinstance(data, list):
        raise AdvisorError(f"case bank {path}: expected a list of cases")
    return data
