"""The purchase object of a need and of a notice title, for the similar-notice rerank (advisor.doffin.similar).

A need says what it buys somewhere among who buys and why («Sykehjemmet trenger nye senger som gjør det lettere å
stelle …»: senger); a notice title names it too, often as a compound or with a plural the stemmer leaves apart
(«el-sykler», «elsykkel», «sykkel»; «ladestasjoner», «lader»). Both sides are reduced to match keys: the Snowball
stem, with an -el/-er ending's e and a doubled consonant dropped («sykkel», «sykler» -> «sykl»), for the whole word
and its compound parts (advisor.text.analyzer.split_compound; a hyphen also splits). A need key matches a title word
whose key is the same, ends with it or is its end (a compound's head: «utrykningskjøretøy» ~ «kjøretøy», «elsykler»
~ «sykler») or starts with it when it is a compound part («ladestasjon» ~ «lader»). No word lists are downloaded; the lexicon is the analyzer's.
"""

from __future__ import annotations

import functools
import re

from advisor.text import Analyzer, content_terms

_TOKEN = re.compile(r"[a-zæøåéüäö]+", re.IGNORECASE)
_DOUBLE = re.compile(r"([bdfgklmnprst])\1")
MIN_KEY = 4  # shorter keys («bil», «lys») match only as whole words, never as a part of another word

# Words of a need that frame the request rather than name the purchase («Vi trenger hjelp til å …», «en løsning
# som …», «noen som …»), and the purchase-neutral words of notice titles («rammeavtale», «anskaffelse»).
_FRAMING = frozenset("""
trenger trengs behov ønsker ønske vil skal må bør kan kunne få ha hjelp bistand noen noe løsning løsninger
ordning tilbud sikre sikrer gjøre gjør slik lettere bedre nye nytt ny neste ansatte våre vår vi kommunen
kommunale fylket fylkeskommunen sykehuset sykehjemmet helseforetaket statlige virksomheter virksomheten
etaten brukerne alle andre annet perioder periode sesong gjennom rundt langs
rammeavtale rammeavtaler anskaffelse anskaffelser kjøp innkjøp levering leveranse avtale kontrakt konkurranse
dynamisk innkjøpsordning
""".split())


@functools.cache
def _analyzer() -> Analyzer:
    return Analyzer(decompound=True)


def _key_of_stem(stem: str) -> str:
    """The match key of a stem: an -el/-er ending's e dropped and doubled consonants single."""
    if len(stem) > 4 and stem[-2:] in ("el", "er"):
        stem = stem[:-2] + stem[-1]
    return _DOUBLE.sub(r"\1", stem)


@functools.lru_cache(maxsize=100_000)
def word_keys(word: str) -> tuple[str, tuple[str, ...]]:
    """(key of the whole word, keys of its compound parts) for one lower-case word."""
    stem, *parts = _analyzer().terms(word) or [word]
    return _key_of_stem(stem), tuple(_key_of_stem(p) for p in parts)


@functools.cache
def _framing_keys() -> frozenset[str]:
    return frozenset(word_keys(w)[0] for w in _FRAMING)


def _content_words(text: str) -> list[str]:
    framing = _framing_keys()
    words = [w for w in _TOKEN.findall(text.lower()) if len(w) >= 3 and word_keys(w)[0] not in framing]
    return [w for w in words if content_terms(frozenset(_analyzer().terms(w)[:1]))]  # stop words out


def need_object_keys(text: str) -> tuple[str, ...]:
    """The match keys of what the need buys: its content words without the request framing («Vi trenger hjelp til
    …», «en løsning som …») and the buyer words. The requirements reader's single object noun
    (advisor.requirements.read_purchase_object) finds none in most need texts and measured worse (see similar.py)."""
    return tuple(dict.fromkeys(word_keys(w)[0] for w in _content_words(text)))


@functools.lru_cache(maxsize=400_000)
def title_keys(title: str) -> tuple[frozenset[str], frozenset[str]]:
    """(keys of the title's whole words, keys of their compound parts)."""
    whole: set[str] = set()
    parts: set[str] = set()
    for word in _TOKEN.findall(title.lower()):
        key, part_keys = word_keys(word)
        whole.add(key)
        parts.update(part_keys)
    return frozenset(whole), frozenset(parts)


def key_in_title(key: str, whole: frozenset[str], parts: frozenset[str]) -> bool:
    """Whether a need key names what the title names: the same word, a compound's head on either side or one of
    the title's compound parts (keys shorter than MIN_KEY only as they are)."""
    if key in whole or key in parts:
        return True
    if len(key) < MIN_KEY:
        return False
    return any(w.endswith(key) or len(w) >= MIN_KEY and key.endswith(w) for w in whole) \
        or any(p.startswith(key) or len(p) >= MIN_KEY and key.startswith(p) for p in parts)


def object_match(keys: tuple[str, ...], title: str, weights: dict[str, float]) -> float:
    """Weighted share (0-1) of the need's object keys the title names; 0 without keys."""
    if not keys:
        return 0.0
    whole, parts = title_keys(title)
    total = sum(weights.get(k, 1.0) for k in keys)
    return sum(weights.get(k, 1.0) for k in keys if key_in_title(k, whole, parts)) / total if total else 0.0
