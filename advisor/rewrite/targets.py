"""Measurable targets in a requirement: numbers with units, percentages, temperatures and counts.

A rewrite must keep every target of the original; missing_targets() says which ones a draft has lost. Numbers are
compared in a normal form (no thousands spaces, decimal comma as period, «tre» as 3).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from advisor.requirements import PARAM_UNIT, STANDARDS, TIME_UNIT, Finding, Match


@dataclass(frozen=True)
class Target:
    """A measurable target in the original requirement (a number with its unit, or a count)."""

    text: str
    number: str
    start: int
    end: int



# Small volumes and masses (laboratory and medicine) and blood pressure: units the analyzer's list does not have.
_SMALL_UNIT = r"(?:[µμu]l|ml|[µμ]g|mg|mmHg|mmol/l)"
NUMBER_WORDS = r"(?:to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|elleve|tolv|femten|tjue|tretti|førti|femti|hundre)"
# The number part of a target: thousands with spaces or a decimal, and a range («2–4»).
_NUMBER = r"(?:\d{1,3}(?:[  ]\d{3})+|\d+(?:[.,]\d+)?)(?:\s*[-–]\s*\d+(?:[.,]\d+)?)?"
TARGET = re.compile(
    rf"(?<![\w.,]){_NUMBER}"
    rf"(?:\s*(?:%|prosent|°C|grader|W/m²K|W/m2K|{PARAM_UNIT}|{TIME_UNIT}|min|sek|kr|kroner|år|måneder|uker|timers|kWh|km|ganger|stk|{_SMALL_UNIT})"
    rf"(?:\s*/\s*(?:s|sek|sekund|min|minutt|t|h|time|døgn))?(?![\w])"
    rf"|(?=\s+[^\W\d_]))"
    rf"|(?<![\w])(?i:{NUMBER_WORDS})(?=\s+[^\W\d_]{{3,}})",
)
NUMBER_WORD_VALUES = {"to": "2", "tre": "3", "fire": "4", "fem": "5", "seks": "6", "sju": "7", "syv": "7", "åtte": "8",
                       "ni": "9", "ti": "10", "elleve": "11", "tolv": "12", "femten": "15", "tjue": "20", "tretti": "30",
                       "førti": "40", "femti": "50", "hundre": "100"}


# A number without a unit that the buyer bounded («SCOP på minst 4,5», «UGR under 19»), and a time of day («før kl.
# 08.00»): targets even at the end of a sentence, where TARGET sees neither a unit nor a following word.
_BOUNDED_BARE = re.compile(r"(?<!\w)(?:minst|minimum|høyst|maks(?:imum|imalt)?|inntil|opptil|under|over|mer\s+enn|"
                           r"mindre\s+enn)\s+(?:på\s+)?(?P<n>\d+(?:[.,]\d+)?)(?![\w.,]*\d)(?!\s*(?:%|[^\W\d_]))",
                           re.IGNORECASE)
_CLOCK_TIME = re.compile(r"(?<!\w)(?:kl\.?|klokka|klokken)\s*(?P<n>\d{1,2}(?:[.:]\d{2})?)(?![\d])", re.IGNORECASE)


def normal_number(text: str) -> str:
    """The number a target or a number word stands for, normalised for comparison: «1 000,5» -> «1000.5», «tre» -> «3»."""
    word = NUMBER_WORD_VALUES.get(text.strip().lower())
    if word:
        return word
    first = re.match(r"\d{1,3}(?:[  ]\d{3})+|\d+(?:[.,]\d+)?", text)
    return re.sub(r"[  ]", "", first.group(0)).replace(",", ".") if first else text


# The further parts of a standard named once («EN 455-1, -2, -3 og -4»): part numbers, not targets.
_PART_LIST = re.compile(r"(?:\s*,\s*|\s+(?:og|and|eller|or)\s+)-\d+\b")


def part_list_length(rest: str) -> int:
    """How many characters after a standard's name continue it with more of its parts («, -2, -3 og -4»)."""
    end = 0
    while m := _PART_LIST.match(rest, end):
        end = m.end()
    return end


# A bare number that names a class, a version or a label («synlighetsklasse 2 etter …», «OEKO-TEX Standard 100 eller
# tilsvarende», «generasjon 9») or that «etter»/«eller» follows without a second number: no value and nothing counted.
_LABEL_BEFORE = re.compile(r"(?:klasse|standard|nivå|versjon|generasjon|type|kategori|trinn|fase|vedlegg|punkt|"
                           r"kapittel|sone|level|class|version|generation)\s*$", re.IGNORECASE)
_FUNCTION_AFTER = re.compile(r"\s+(?:etter|eller|or)\b(?!\s+\d)", re.IGNORECASE)  # not «3 eller 4 senger», «fra 58 til 76»


def measurable_targets(text: str, findings: list[Finding] | list[Match]) -> list[Target]:
    """Numbers with units, percentages, temperatures and counts in the original, outside brand/model names, named
    technologies («Microsoft 365», «Windows 11»), standards and a demanded number of days on site."""
    blocked = [(f.start, f.end) for f in findings if f.category in {"brand", "model_type", "missing_or_equivalent"}
               or (f.category == "prescribed_technology" and f.kind in {"product", "platform", "language", "database", "cloud"})]
    # a fixed number of days on site is not something delivered: the rewrite replaces it with availability
    blocked += [(f.start, f.end) for f in findings if f.category == "origin" and f.kind == "attendance"]
    blocked += [(m.start(), m.end() + part_list_length(text[m.end():])) for m in STANDARDS.finditer(text)]
    targets = []
    for m in TARGET.finditer(text):
        if any(s <= m.start() < e for s, e in blocked):
            continue
        if re.match(r"\d{1,2}\.\s", text[m.start():m.end() + 2]):  # «3. trinn», «10. generasjon»: ordinals
            continue
        value = m.group(0).strip()
        if value.lower() in NUMBER_WORD_VALUES and not re.match(r"\s+[^\W\d_]", text[m.end():]):
            continue
        if re.fullmatch(r"\d+", value) and (_LABEL_BEFORE.search(text[max(0, m.start() - 15):m.start()])
                                            or _FUNCTION_AFTER.match(text, m.end())):
            continue
        targets.append(Target(value, normal_number(value), m.start(), m.end()))
    for pattern in (_BOUNDED_BARE, _CLOCK_TIME):
        for m in pattern.finditer(text):
            start, end = m.span("n")
            if any(t.start <= start < t.end for t in targets) or any(s <= start < e for s, e in blocked):
                continue
            targets.append(Target(m.group("n"), normal_number(m.group("n")), start, end))
    return sorted(targets, key=lambda t: t.start)


def _unit(value: str) -> str:
    """The unit after a target's number, normalised («100 %» and «100 prosent» -> «%»); "" for a bare number."""
    unit = re.sub(rf"^\s*{_NUMBER}", "", value)
    unit = re.sub(r"\s+", "", unit).lower()
    return "%" if unit == "prosent" else unit if re.match(r"\d", value.strip()) else ""


def missing_targets(targets: list[Target], texts: list[str]) -> list[Target]:
    """The targets whose number appears in none of the texts (numbers compared without spaces, comma or period); a
    target with a unit («100 %») needs its number with that unit, so «OEKO-TEX Standard 100» does not carry it."""
    found, with_unit = set(), set()
    for text in texts:
        for m in TARGET.finditer(text):
            found.add(normal_number(m.group(0)))
            with_unit.add((normal_number(m.group(0)), _unit(m.group(0))))
        found.update(re.sub(r"[  ]", "", n).replace(",", ".") for n in re.findall(r"\d{1,3}(?:[  ]\d{3})+|\d+(?:[.,]\d+)?", text))
    return [t for t in targets if t.number not in found
            or _unit(t.text) == "%" and (t.number, "%") not in with_unit]
