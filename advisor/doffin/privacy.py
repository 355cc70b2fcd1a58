"""Remove contact data from free text before it is stored: e-mail addresses, phone numbers, named contacts and
national identity numbers.

Readers never copy contact fields (eForms cac:Contact, the Vilgeir `epost`, the DFØ `eier_postadresse`); this
module cleans what is left inside descriptions and titles. Plain 8-digit numbers without a cue word are kept,
because CPV codes and amounts look the same (e.g. 72000000).
"""

from __future__ import annotations

import dataclasses
import re

from advisor.doffin.models import Notice

EMAIL_MASK = "[e-post fjernet]"
PHONE_MASK = "[telefon fjernet]"
NAME_MASK = "[navn fjernet]"
ID_MASK = "[personnummer fjernet]"

# Characters that stand for "@" in pasted text: the fullwidth and small commercial at, and the URL escape %40.
_AT_VARIANTS = str.maketrans({"\uff20": "@", "\ufe6b": "@"})

# The local part is at most 64 characters (as in RFC 5321). Unbounded, a search tried every position of a long run
# without an @ (20 000 letters or digits in a pasted blob) and scanned to the end of the run each time: 20 000 x
# 20 000 steps, 12 s, and 200 000 characters never finished. A longer local part loses its last 64 characters.
EMAIL_RE = re.compile(r"(?:mailto:)?[\w.%+\-]{1,64}@[\w\-]+(?:\.[\w\-]+)+", re.UNICODE)
# "navn (at) firma.no", "navn[at]firma.no", "navn (a) firma (dot) no", "navn [at] firma [dot] no"
OBFUSCATED_EMAIL_RE = re.compile(
    r"[\w.%+\-]{1,64}\s?(?:\(at\)|\[at\]|\{at\}|\(a\)|\(alfakrøll\)|\(krøllalfa\))\s?[\w\-]{1,64}"
    r"(?:(?:\.|\s?[(\[{](?:dot|punktum|prikk)[)\]}]\s?)[\w\-]{1,64}){1,6}",
    re.IGNORECASE,
)
# Spelled out with spaces: "kari at kommune dot no", "kari.nordmann at firma punktum no". Plain " at " is a
# Norwegian word, so only a following " dot "/" punktum " makes it an address.
SPELLED_EMAIL_RE = re.compile(
    r"[\w.%+\-]{1,64} (?:at|alfakrøll|krøllalfa) [\w\-]{1,64}(?: (?:dot|punktum|prikk) [\w\-]{1,64}){1,4}",
    re.IGNORECASE,
)
# Spaces around the sign ("kari @ kommune.no", "kari @ kommune . no") and the URL escape ("kari%40kommune.no").
SPACED_EMAIL_RE = re.compile(r"[\w.%+\-]{1,64}(?:\s{1,3}@\s{0,3}|\s{0,3}@\s{1,3}|%40)[\w\-]{1,64}(?:\s{0,2}\.\s{0,2}[\w\-]{1,64}){1,6}")
# mailto links keep whatever follows up to a space or quote ("mailto:kari%40kommune.no?subject=…")
MAILTO_RE = re.compile(r"(?i)mailto:[^\s\"'<>]{1,200}")
# +47 78950700, +4748486258, 0047 22 03 52 00, +46 8 123 456 78
INTERNATIONAL_PHONE_RE = re.compile(r"(?<![\w/=])(?:\+|\b00)\d{1,3}(?:[\s.\-()]{0,2}\d){6,12}(?!\d)")
# Norwegian groupings: 22 03 52 00 and 415 59 247
GROUPED_PHONE_RE = re.compile(r"(?<![\d,.])(?:\d{2}(?: \d{2}){3}|\d{3} \d{2} \d{3})(?![\d,])")
# Norwegian mobile numbers in two groups of four: "900 11 222" is above; "4812 3456", "9876 5432"
PAIRED_MOBILE_RE = re.compile(r"(?<![\d,.\-])[49]\d{3} \d{4}(?![\d,])")
# 11-digit national identity numbers (fødselsnummer, D-nummer), also as "010190 12345"; only numbers whose two
# control digits are right are removed, so an 11-digit account or reference number is kept.
NATIONAL_ID_RE = re.compile(r"(?<![\d\-])(\d{6})[ ]?(\d{5})(?![\d\-])")
_ID_WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_ID_WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
# A number after a cue word: "tlf. 48486258", "Telefon: 22-03-52-00", "mob 900 11 222"
CUED_PHONE_RE = re.compile(
    r"(?i)\b(tlf|telefon|telefonnr|tel|mob|mobil|mobiltelefon|phone|telephone|fax|faks)(\.?\s*(?:nr\.?|nummer)?\s*[:.]?\s*)"
    r"(\+?\d[\d \-.]{5,}\d)"
)
# A name after a contact cue word: "Kontaktperson: Kari Nordmann", "saksbehandler Ola Hansen", "Prosjektleder er
# Per Olsen", "ta kontakt med Kari Nordmann" (not bare "kontakt", which is usually followed by an organisation)
NAMED_CONTACT_RE = re.compile(
    r"(?i:\b(kontaktperson(?:er)?|kontakt person|saksbehandler|contact person|prosjektleder|prosjektansvarlig|"
    r"prosjekteier|innkjøpsrådgiver|innkjøper|rådgiver|ta kontakt med|kontakt med|henvendelser? til|"
    r"spørsmål (?:kan )?rettes til|project manager))"
    r"(\s{0,3}(?:er|is|:|,|-)?\s{0,3})"
    r"([A-ZÆØÅÉ][\w\-']{1,40}(?:\s{1,3}(?:von |van |de )?[A-ZÆØÅÉ][\w\-']{1,40}){1,3})"
)


def _valid_national_id(digits: str) -> bool:
    """True if 11 digits have a valid day and month (also D- and H-numbers) and both mod-11 control digits."""
    day, month = int(digits[:2]), int(digits[2:4])
    day = day - 40 if day > 40 else day
    month = month - 40 if month > 40 else month
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return False
    values = [int(c) for c in digits]
    k1 = 11 - sum(w * v for w, v in zip(_ID_WEIGHTS_1, values, strict=False)) % 11
    k1 = 0 if k1 == 11 else k1
    k2 = 11 - sum(w * v for w, v in zip(_ID_WEIGHTS_2, values, strict=False)) % 11
    k2 = 0 if k2 == 11 else k2
    return k1 == values[9] and k2 == values[10]


def _mask_national_id(match: re.Match[str]) -> str:
    return ID_MASK if _valid_national_id(match.group(1) + match.group(2)) else match.group(0)


_OBFUSCATED_TOKENS = ("(at)", "[at]", "{at}", "(a)", "(alfakrøll)", "(krøllalfa)")
_SPELLED_TOKENS = (" dot ", " punktum ", " prikk ")


def _mask_emails(text: str) -> str:
    # Each pattern runs only when the text has the sign or word it needs (a cheap substring test): the full set
    # of patterns costs ~0.4 ms on a 600-character description, which made imports slower than 2 000 notices/s.
    cleaned = text.translate(_AT_VARIANTS)
    lower = cleaned.lower()
    if "mailto:" in lower:
        cleaned = MAILTO_RE.sub(EMAIL_MASK, cleaned)
    if "@" in cleaned or "%40" in cleaned:
        cleaned = EMAIL_RE.sub(EMAIL_MASK, cleaned)
        cleaned = SPACED_EMAIL_RE.sub(EMAIL_MASK, cleaned)
    if any(token in lower for token in _OBFUSCATED_TOKENS):
        cleaned = OBFUSCATED_EMAIL_RE.sub(EMAIL_MASK, cleaned)
    if any(token in lower for token in _SPELLED_TOKENS):
        cleaned = SPELLED_EMAIL_RE.sub(EMAIL_MASK, cleaned)
    return cleaned


def scrub_text(text: str | None) -> str | None:
    """The text with e-mail addresses, phone numbers and named contact persons replaced by placeholders."""
    if text is None:
        return None
    cleaned = _mask_emails(text)
    cleaned = NATIONAL_ID_RE.sub(_mask_national_id, cleaned)
    cleaned = CUED_PHONE_RE.sub(lambda m: f"{m.group(1)}{m.group(2)}{PHONE_MASK}", cleaned)
    cleaned = INTERNATIONAL_PHONE_RE.sub(PHONE_MASK, cleaned)
    cleaned = GROUPED_PHONE_RE.sub(PHONE_MASK, cleaned)
    cleaned = PAIRED_MOBILE_RE.sub(PHONE_MASK, cleaned)
    cleaned = NAMED_CONTACT_RE.sub(lambda m: f"{m.group(1)}{m.group(2)}{NAME_MASK}", cleaned)
    return cleaned


# Names and free text get the full scrub; every other text field is a code or an id, where an e-mail address is
# removed but digits are left alone (an eForms UUID or a CPV code can look like a phone number).
_FREE_TEXT_FIELDS = frozenset({"title", "description", "buyer_name"})


def scrub_email(text: str) -> str:
    """The text with e-mail addresses (plain and obfuscated) replaced by a placeholder."""
    return _mask_emails(text)


def scrub_notice(notice: Notice) -> Notice:
    """The notice with contact data removed from every text field, not only the title and description.

    A malformed file can put an address anywhere (a buyer name, a procedure code, an id), and whatever a reader
    copies into a Notice is stored.
    """
    changes: dict[str, object] = {}
    for f in dataclasses.fields(notice):
        value = getattr(notice, f.name)
        if isinstance(value, str):
            cleaned = scrub_text(value) if f.name in _FREE_TEXT_FIELDS else scrub_email(value)
        elif f.name in ("cpv_codes", "warnings"):
            cleaned = tuple(scrub_email(v) if isinstance(v, str) else v for v in value)
        else:
            continue
        if cleaned != value:
            changes[f.name] = cleaned
    return dataclasses.replace(notice, **changes) if changes else notice


def has_contact_data(text: str) -> bool:
    """True if the text still contains something that looks like an e-mail address, a phone number, a named
    contact person or a national identity number."""
    normalised = text.translate(_AT_VARIANTS)
    return bool(
        EMAIL_RE.search(normalised)
        or OBFUSCATED_EMAIL_RE.search(normalised)
        or SPELLED_EMAIL_RE.search(normalised)
        or SPACED_EMAIL_RE.search(normalised)
        or MAILTO_RE.search(normalised)
        or INTERNATIONAL_PHONE_RE.search(text)
        or CUED_PHONE_RE.search(text)
        or GROUPED_PHONE_RE.search(text)
        or PAIRED_MOBILE_RE.search(text)
        or NAMED_CONTACT_RE.search(text)
        or any(_valid_national_id(m.group(1) + m.group(2)) for m in NATIONAL_ID_RE.finditer(text))
    )
