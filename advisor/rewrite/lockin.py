"""Consumables locked to one maker: «Det skal bare brukes originale filtre fra produsenten av maskinen».

Such a requirement names where the consumables must come from, not what they must do. It locks the buyer to one
source for the whole life of the equipment, so it needs a reason (patient safety, warranty, equipment that works with
nothing else). The draft asks for that reason and requires instead what the lock-in was meant to secure: consumables
that work safely with the equipment, available from more than one source or at a price and delivery time fixed for
the contract term, and the total cost including consumables stated so that it can be evaluated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Only the maker's own consumables: «kun originale sondesett fra pumpeprodusenten», «bare originalt forbruksmateriell
# fra Leverandør AS», «utelukkende produsentens egne filtre». The exclusive word comes first, within the clause.
_LOCK_IN = re.compile(
    r"(?<!\w)(?:kun|bare|utelukkende|eksklusivt)\s+(?:[^\W\d_]+\s+){0,3}?"
    r"(?:original(?:e|t)?|produsentens\s+egne?|leverandørens\s+egne?)\s+"
    # what follows is a noun, not a preposition («sendes i original til …» is a paper original, not goods)
    r"(?!(?:til|i|på|fra|og|eller|med|av|for)\b)(?P<what>[^\W\d_][\w\-]*(?:\s+og\s+[^\W\d_][\w\-]*)?)"
    r"(?:\s+(?:fra|levert\s+av|produsert\s+av|av\s+merket)\s+(?P<source>[^,.;]{2,60}))?",
    re.IGNORECASE)
# «… skal være originale … fra …» says the same without «kun».
_MUST_BE_ORIGINAL = re.compile(
    r"(?<!\w)(?:skal|må)\s+(?:\w+\s+){0,2}?være\s+original(?:e|t)?\s+(?P<what>[^\W\d_][\w\-]*)?\s*"
    r"(?:fra|levert\s+av|produsert\s+av)\s+(?P<source>[^,.;]{2,60})",
    re.IGNORECASE)


@dataclass(frozen=True)
class LockIn:
    """Consumables the text ties to one source: what (as written) and the source it names."""

    what: str
    source: str
    span: str


def find_lock_in(text: str) -> LockIn | None:
    """The consumables lock-in the requirement demands, or None."""
    m = _LOCK_IN.search(text) or _MUST_BE_ORIGINAL.search(text)
    if m is None:
        return None
    what = (m.group("what") or "forbruksmateriellet").strip()
    return LockIn(what=what, source=(m.group("source") or "").strip(), span=m.group(0).strip())


def lock_in_requirements(lock: LockIn) -> list[str]:
    """What the lock-in was meant to secure, as requirements: compatibility, more than one source or a fixed price and
    availability for the term, and the total cost with the consumables stated for evaluation."""
    return [
        f"Forbruksmateriellet ({lock.what}) skal virke sikkert med [utstyret det skal brukes med], dokumentert med "
        "samsvarserklæring, test eller bekreftelse fra produsenten av utstyret.",
        f"Forbruksmateriellet ({lock.what}) skal kunne kjøpes fra mer enn én kilde, eller leverandøren skal binde pris og "
        "tilgjengelighet for det i hele kontraktsperioden [antall år], dokumentert med prisliste og leveringsbetingelser.",
        "Tilbudet skal oppgi totalkostnaden for [antall år] bruk, med utstyr, forbruksmateriell og service, slik at den kan "
        "evalueres, dokumentert i prisskjemaet.",
    ]


def lock_in_need(lock: LockIn) -> str:
    """The need behind the lock-in when no purchase type says more: who uses the consumables, and what they must secure."""
    return (f"Vi har behov for at brukerne [skriv hvem, f.eks. pasientene og de ansatte som bruker utstyret] har "
            f"forbruksmateriell ({lock.what}) som virker sikkert med utstyret, slik at bruken aldri stanser fordi det "
            "mangler, og slik at prisen er kjent i hele avtaleperioden.")


def lock_in_note(lock: LockIn) -> str:
    """Why the lock-in is taken out: it needs a reason, and the draft requires what it was for."""
    source = f" («{lock.source}»)" if lock.source else ""
    return (f"«{lock.span}» binder dere til én kilde{source} for forbruksmateriellet i hele utstyrets levetid. Det må "
            "begrunnes (for eksempel pasientsikkerhet, garanti eller utstyr som bare virker med det); ellers stenger det "
            "ute andre leverandører. Kravene sier i stedet at materiellet skal virke med utstyret, være tilgjengelig fra "
            "flere kilder eller til bundet pris, og at totalkostnaden med forbruksmateriell skal evalueres.")


def lock_in_questions(lock: LockIn) -> tuple[str, str]:
    """(a question for the market, a question for the buyer) about the lock-in."""
    return (f"Hvilke andre kilder finnes for {lock.what} som virker med utstyret, og hva koster de over avtaleperioden?",
            f"Hvorfor må {lock.what} komme fra én bestemt kilde (pasientsikkerhet, garanti, kompatibilitet)? Skriv "
            "begrunnelsen ned; uten den bør kravet gjelde kompatibilitet, pris og tilgjengelighet i stedet.")
