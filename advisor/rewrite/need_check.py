"""A need statement that reads as a sentence: built again from the purchase object and purpose when it is cut up.

A text that opens with a verb phrase («Vi har behov for at brukerne av og installere nytt kassasystem …», «Kommunen
ønsker å leie inn og drifte et nytt parkeringssystem …») can leave the need with a clause cut in two: «behov for og
drifte …», «brukerne av for desinfeksjon …», «behov for at brukerne av vi har behov for …». sound_need() sees such a
need and builds it again from what is bought (its object noun, with an adjective or article before it) and the purpose
the text states («for å redusere køene», «slik at …», «til desinfeksjon av drikkevann»); with no purpose stated, the
need asks for it in a placeholder instead of guessing.
"""

from __future__ import annotations

import re

# Words that cannot open what a need is for: a conjunction, a preposition, or a bare verb of buying or installing.
_BAD_START = re.compile(
    r"^(?:og|eller|men|for|av|til|på|i|med|som|at\s+brukerne\s+av\s+(?:og|eller|for|av|til|på|i|med|vi|å)\b|"
    r"(?:anskaffe|kjøpe|leie|lease|installere|montere|drifte|levere|bytte|skifte|oppgradere|etablere|innføre|"
    r"implementere|fornye|erstatte)(?:\s+(?:inn|ut|opp))?)(?:\s|$)", re.IGNORECASE)
# A need that repeats its own opening («… behov for at brukerne av vi har behov for …»).
_REPEATED = re.compile(r"behov\s+for\b.*\bbehov\s+for\b", re.IGNORECASE)
# «brukerne av» followed by no noun phrase: a preposition, a conjunction or a pronoun.
_USERS_OF_NOTHING = re.compile(r"brukerne\s+av\s+(?:og|eller|for|av|til|på|i|med|vi|å|at|som)\b", re.IGNORECASE)
# The purpose the text states: «for å …», «slik at …», «til/for desinfeksjon av …», «som skal …».
_PURPOSE = re.compile(r"(?<!\w)(?P<p>(?:for\s+å|slik\s+at|så\s+(?:at\s+)?|som\s+skal)\s+[^.;]+|"
                      r"(?:til|for)\s+(?!alle\b|hver\b)[a-zæøå]+(?:ing|sjon|het)(?:en)?\s+(?:av|i|på)\s+[^.;,]+)",
                      re.IGNORECASE)
# «for å anskaffe …»: the act of buying, no purpose.
_BUYING = re.compile(r"for\s+å\s+(?:anskaffe|kjøpe|leie|lease|installere|montere|levere|bytte|skifte|erstatte|fornye)\b",
                     re.IGNORECASE)
# An object after an article or «ny» when no object was read («drifte et nytt parkeringssystem»).
_ARTICLE_NOUN = re.compile(r"(?<!\w)(?:et|en|ei|nytt|nye|ny)\s+(?:(?:nytt|nye|ny|moderne|digitalt?|felles)\s+)?"
                           r"(?P<noun>[a-zæøå][\wæøå\-]{3,})", re.IGNORECASE)
# An adjective or article right before the object noun («nytt kassasystem», «et nytt parkeringssystem»).
_BEFORE_NOUN = re.compile(r"(?:(?:en|et|ei|nye?|nytt|moderne|digitale?|felles)\s+){1,3}$", re.IGNORECASE)


def is_garbled(need: str) -> bool:
    """Whether the need statement is a cut-up sentence rather than a need."""
    rest = re.sub(r"^Vi\s+har\s+behov\s+for\s+", "", need.strip())
    return rest != need.strip() and (bool(_BAD_START.match(rest)) or bool(_REPEATED.search(need))
                                     or bool(_USERS_OF_NOTHING.search(need)))


def _object_phrase(text: str, noun: str) -> str:
    at = text.find(noun)
    if at < 0:
        return noun
    before = _BEFORE_NOUN.search(text[max(0, at - 30):at])
    return (before.group(0) if before else "") + noun


def sound_need(need: str, text: str, noun: str, placeholder: str = "") -> str:
    """`need`, or when it is cut up (is_garbled), a need built from the object `noun` of `text` and the purpose it
    states; without a purpose, a placeholder asking for it. A bare `placeholder` need is built the same way when the
    text names both the object and its purpose."""
    if not noun:
        found = _ARTICLE_NOUN.search(text)
        noun = found.group("noun") if found else ""
    purpose = next((p for p in _PURPOSE.finditer(text) if not _BUYING.match(p.group("p"))), None)
    if not is_garbled(need) and not (need == placeholder and noun and purpose):
        return need
    thing = _object_phrase(text, noun) if noun else "det som skal kjøpes [skriv hva]"
    if purpose:
        stated = purpose.group("p").strip().rstrip(".")
        tie = "" if re.match(r"(?i)slik\s+at|så\s", stated) else ", slik at [hvem oppnår hva – fyll inn]"
        return f"Vi har behov for {thing} {stated}{tie}."
    return (f"Vi har behov for {thing} for at [hvem – f.eks. de ansatte, brukerne eller innbyggerne] skal kunne [hva de "
            "skal gjøre eller oppnå]. Hvilket problem skal dette løse? [skriv formålet]")
