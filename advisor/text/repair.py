"""Text repair at ingestion: OCR damage, site boilerplate and contact details.

The OCR repair works on documents the manifest marks `ocr: true` (seed 003). Scanning lost or garbled the
Norwegian letters (e.g. "gkonomiske" for "økonomiske", "neeringslivet" for "næringslivet", "dr0yt" for "drøyt",
"&" for "å") and hyphenated words across lines. Repair is lexicon-checked: a word is only changed when a
substitution from the known OCR confusions turns it into a clearly more frequent Norwegian word (wordfreq's
bokmål list), so correct words are left alone.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from advisor.text.wordfreq import zipf

# OCR confusions seen in the scanned KMD summary: garbled form -> intended letter(s).
OCR_CONFUSIONS: tuple[tuple[str, str], ...] = (
    ("ee", "æ"),
    ("g", "ø"),
    ("0", "ø"),
    ("a", "å"),
    ("a", "ø"),
    ("a", "æ"),
    ("e", "ø"),
    ("e", "æ"),
    ("o", "ø"),
    ("o", "å"),
)
# A replacement must beat the original word by this many Zipf units (a factor of ~30 in frequency).
_MIN_GAIN_ZIPF = 1.5
_MIN_CANDIDATE_ZIPF = 2.0
_WORD = re.compile(r"[0-9A-Za-zÆØÅæøåÉéÜü&]+")

# Lines that are site chrome, not content (whole-line matches, case-insensitive).
BOILERPLATE_LINES = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^\s*(•\s*)?logg inn!?\s*$",
        r"^\s*(•\s*)?(har|bestill) abonnement!?\s*$",
        r"^\s*du har abonnement.*$",
        r"^\s*digital tilgang er inkludert.*$",
        r"^\s*vil du fortsette å lese.*$",
        r"^\s*del (illustration|citat)( download illustration)?\s*$",
        r"^\s*download illustration\s*$",
        r"^\s*[\w-]+\.(jpg|jpeg|png|gif)\s*$",
        r"^\s*læs hele casen her\s*$",
        r"^\s*klikke? her for mer info.*$",
        r"^\s*(søk|innhold)\s*$",
    )
)
_IMAGE_PREFIX = re.compile(r"^\s*[\w-]+\.(jpg|jpeg|png|gif)\s+", re.IGNORECASE)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE = re.compile(r"(?<!\d)(\+\d{2}\s?)?(\d{2}\s?){3}\d{2}(?!\d)")
_CONTACT_LINE = re.compile(r"(kontakt:|@|\+47)", re.IGNORECASE)


@dataclass
class RepairReport:
    """What a repair changed: counts and (original, repaired) examples for the ingest report and tests."""

    dehyphenated: int = 0
    words_fixed: int = 0
    examples: list[tuple[str, str]] | None = None


def _candidates(word: str, max_edits: int = 2):
    """Words reachable from `word` by up to max_edits OCR-confusion substitutions."""
    lower = word.lower()
    sites = [(i, src, dst) for src, dst in OCR_CONFUSIONS for i in range(len(lower)) if lower.startswith(src, i)]
    for n in range(1, max_edits + 1):
        for combo in itertools.combinations(sites, n):
            spans = sorted(combo)
            if any(a[0] + len(a[1]) > b[0] for a, b in itertools.pairwise(spans)):
                continue
            out, pos = [], 0
            for i, src, dst in spans:
                out.append(lower[pos:i])
                out.append(dst)
                pos = i + len(src)
            out.append(lower[pos:])
            yield "".join(out)


def _match_case(original: str, fixed: str) -> str:
    if original.isupper() and len(original) > 1:
        return fixed.upper()
    if original[:1].isupper():
        return fixed[:1].upper() + fixed[1:]
    return fixed


def fix_word(word: str) -> str:
    """The intended Norwegian word for an OCR-garbled one, or the word unchanged."""
    if word == "&":
        return "å"
    lower = word.lower()
    if not any(c.isalpha() for c in lower) and "0" not in lower:
        return word
    base = zipf(lower)
    best, best_score = None, max(base + _MIN_GAIN_ZIPF, _MIN_CANDIDATE_ZIPF)
    for cand in _candidates(word, max_edits=2 if base == 0 else 1):
        score = zipf(cand)
        if score >= best_score:
            best, best_score = cand, score
    return _match_case(word, best) if best else word


def dehyphenate(text: str) -> tuple[str, int]:
    """Join words split across lines ("gkono-\\nmiske" -> "gkonomiske"); returns the text and the count."""
    pattern = re.compile(r"(\w+)-[ \t]*\n[ \t]*([a-zæøå]\w*)")
    count = len(pattern.findall(text))
    return pattern.sub(r"\1\2", text), count


def unwrap_lines(text: str) -> str:
    """Join hard-wrapped lines into paragraphs; blank lines and dialogue dashes keep their breaks."""
    paragraphs = re.split(r"\n\s*\n", text)
    out = []
    for para in paragraphs:
        lines = [ln.strip() for ln in para.splitlines() if ln.strip()]
        merged: list[str] = []
        for line in lines:
            if merged and not line.startswith(("-", "—", "•")):
                merged[-1] += " " + line
            else:
                merged.append(line)
        out.append("\n".join(merged))
    return "\n\n".join(p for p in out if p)


def repair_ocr(text: str) -> tuple[str, RepairReport]:
    """Repair OCR damage: de-hyphenate, unwrap lines, and fix garbled æ/ø/å word by word (lexicon-checked)."""
    report = RepairReport(examples=[])
    text, report.dehyphenated = dehyphenate(text)
    text = unwrap_lines(text)

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        fixed = fix_word(word)
        if fixed != word:
            report.words_fixed += 1
            if report.examples is not None and len(report.examples) < 200:
                report.examples.append((word, fixed))
        return fixed

    return _WORD.sub(fix, text), report


def drop_boilerplate(text: str, drop_contacts: bool = False) -> str:
    """Remove site chrome lines (log-in prompts, figure file names, share buttons) and, if asked, contact lines."""
    kept = []
    for line in text.splitlines():
        if any(p.match(line) for p in BOILERPLATE_LINES):
            continue
        if drop_contacts and _CONTACT_LINE.search(line) and (EMAIL.search(line) or PHONE.search(line)):
            # A quoted expert's contact line: keep the name and role, drop phone and e-mail.
            line = PHONE.sub("", EMAIL.sub("", line)).replace("Kontakt:", "").strip(" ,.")
        line = _IMAGE_PREFIX.sub("", line)
        kept.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip() + "\n"
