"""Need -> purchase vocabulary: what a buyer's everyday description of a need is usually bought as, and where.

    need = read_need("Kommunen ønsker at eldre som bor hjemme kan tilkalle hjelp")
    need.words   # ("trygghetsalarm", "velferdsteknologi", "responssenter", …): added to the similar-notice query
    need.cpv     # ("3512", "79711", …): CPV prefixes of the likely area, a soft boost in the ranking

The table (advisor/doffin/needs.yaml) is our own, reviewable data: each entry has patterns for the need as people
phrase it, the words notices use for what is bought, and the CPV area. Patterns match at the start of a word and may
run on into a longer word (Norwegian inflection and compounds), case-insensitive.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from advisor.errors import AdvisorError

NEEDS_FILE = Path(__file__).resolve().parent / "needs.yaml"


@dataclass(frozen=True)
class NeedEntry:
    """One row of the table: the need's patterns, the purchase words and the CPV prefixes."""

    when: re.Pattern
    buys: tuple[str, ...]
    cpv: tuple[str, ...]


@dataclass(frozen=True)
class Need:
    """What the table reads in a text: purchase words (not already in the text) and CPV prefixes, in table order."""

    words: tuple[str, ...] = ()
    cpv: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.words or self.cpv)


@functools.cache
def load_needs(path: Path = NEEDS_FILE) -> tuple[NeedEntry, ...]:
    """The table's entries (cached per path); AdvisorError when the file is missing or malformed."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise AdvisorError(f"cannot read the need vocabulary {path}: {exc.strerror}") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("entries"), list):
        raise AdvisorError(f"the need vocabulary {path} has no 'entries' list")
    entries = []
    for n, item in enumerate(raw["entries"], start=1):
        when, buys, cpv = item.get("when"), item.get("buys"), item.get("cpv") or []
        if not when or not isinstance(when, list) or not isinstance(buys, str) or not buys.strip():
            raise AdvisorError(f"the need vocabulary {path}, entry {n}: needs a 'when' list and a 'buys' text")
        if not all(isinstance(c, str) and c.isdigit() and 2 <= len(c) <= 8 for c in cpv):
            raise AdvisorError(f"the need vocabulary {path}, entry {n}: 'cpv' must be CPV prefixes of 2-8 digits")
        try:
            pattern = re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{w})" for w in when) + ")", re.IGNORECASE)
        except re.error as exc:
            raise AdvisorError(f"the need vocabulary {path}, entry {n}: bad pattern ({exc})") from exc
        entries.append(NeedEntry(pattern, tuple(buys.split()), tuple(dict.fromkeys(cpv))))
    return tuple(entries)


def read_need(text: str, path: Path = NEEDS_FILE) -> Need:
    """The purchase words and CPV prefixes of every entry whose need the text mentions (words the text already has
    are left out, each word and prefix once)."""
    lower = text.lower()
    have = set(re.findall(r"\w+", lower))
    words: dict[str, None] = {}
    cpv: dict[str, None] = {}
    for entry in load_needs(path):
        if entry.when.search(text):
            words.update((w, None) for w in entry.buys if w.lower() not in have)
            cpv.update((c, None) for c in entry.cpv)
    return Need(tuple(words), tuple(cpv))
