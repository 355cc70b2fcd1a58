"""Remove contact data from free text before it is stored: e-mail addresses, phone numbers, named contacts.

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

# The local part is at most 64 characters (as in RFC 5321). Unbounded, a search tried every position of a long run
# without an @ (20 000 letters or digits in a pasted blob) and scanned to the end of the run each time: 20 000 x
# 20 000 steps, 12 s, and 200 000 characters never finished. A longer local part loses its last 64 characters.
EMAIL_RE = re.compile(r"(?:mailto:)?[\w.%+\-]{1,64}@[\w\-]+(?:\.[\w\-]+)+", re.UNICODE)
# "navn (at) firma.no", "navn[at]firma.no", "navn (a) firma (dot) no"
OBFUSCATED_EMAIL_RE = re.compile(
    r"[\w.%+\-]{1,64}\s?(?:\(at\)|\[at\]|\{at\}|\(a\)|\(alfakrøll\))\s?[\w\-]+(?:(?:\.|\s?\(dot\)\s?|\s?\(punktum\)\s?)[\w\-]+)+",
    re.IGNORECASE,
)
# +47 78950700, +4748486258, 0047 22 03 52 00, +46 8 123 456 78
INTERNATIONAL_PHONE_RE = re.compile(r"(?<![\w/=])(?:\+|\b00)\d{1,3}(?:[\s.\-()]{0,2}\d){6,12}(?!\d)")
# Norwegian groupings: 22 03 52 00 and 415 59 247
GROUPED_PHONE_RE = re.compile(r"(?<![\d,.])(?:\d{2}(?: \d{2}){3}|\d{3} \d{2} \d{3})(?![\d,])")
# A number after a cue word: "tlf. 48486258", "Telefon: 22-03-52-00", "mob 900 11 222"
CUED_PHONE_RE = re.compile(
    r"(?i)\b(tlf|telefon|telefonnr|tel|mob|mobil|mobiltelefon|phone|telephone|fax|faks)(\.?\s*(?:nr\.?|nummer)?\s*[:.]?\s*)"
    r"(\+?\d[\d \-.]{5,}\d)"
)
# A name after a contact cue word: "Kontaktperson: Kari Nordmann", "saksbehandler Ola Hansen" (not bare
# "kontakt", which is usually followed by an organisation)
NAMED_CONTACT_RE = re.compile(
    r"(?i:\b(kontaktperson|kontakt person|saksbehandler|contact person))(\s*:?\s*)"
    r"([A-ZÆØÅÉ][\w\-']+(?:\s+(?:von |van |de )?[A-ZÆØÅÉ][\w\-']+){1,3})"
)


def scrub_text(text: str | None) -> str | None:
    """The text with e-mail addresses, phone numbers and named contact persons replaced by placeholders."""
    if text is None:
        return None
    cleaned = EMAIL_RE.sub(EMAIL_MASK, text)
    cleaned = OBFUSCATED_EMAIL_RE.sub(EMAIL_MASK, cleaned)
    cleaned = CUED_PHONE_RE.sub(lambda m: f"{m.group(1)}{m.group(2)}{PHONE_MASK}", cleaned)
    cleaned = INTERNATIONAL_PHONE_RE.sub(PHONE_MASK, cleaned)
    cleaned = GROUPED_PHONE_RE.sub(PHONE_MASK, cleaned)
    cleaned = NAMED_CONTACT_RE.sub(lambda m: f"{m.group(1)}{m.group(2)}{NAME_MASK}", cleaned)
    return cleaned


# Names and free text get the full scrub; every other text field is a code or an id, where an e-mail address is
# removed but digits are left alone (an eForms UUID or a CPV code can look like a phone number).
_FREE_TEXT_FIELDS = frozenset({"title", "description", "buyer_name"})


def scrub_email(text: str) -> str:
    """The text with e-mail addresses (plain and obfuscated) replaced by a placeholder."""
    return OBFUSCATED_EMAIL_RE.sub(EMAIL_MASK, EMAIL_RE.sub(EMAIL_MASK, text))


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
    """True if the text still contains something that looks like an e-mail address or a phone number."""
    return bool(
        EMAIL_RE.search(text)
        or OBFUSCATED_EMAIL_RE.search(text)
        or INTERNATIONAL_PHONE_RE.search(text)
        or CUED_PHONE_RE.search(text)
    )
