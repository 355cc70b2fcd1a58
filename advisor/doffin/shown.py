"""Comparable notices sure enough to show beside an answer: fewer or none rather than loosely related ones.

    results = shown_notices("elbiler hjemmetjenesten", settings, n=3)   # SimilarResults, maybe empty

The similar search (advisor.doffin.similar) ranks every notice; a list under an answer should hold only notices a
procurement lawyer would call the same kind of purchase. A notice is shown when all of these hold:

- its TITLE names what is bought: the subject's purchase words (stemmed and compound-split with the project's
  Norwegian analyzer; a compound in the subject counts when its own stem or all its parts are in the title) found in
  the title carry at least SHOWN_MIN_TITLE_SHARE of the subject's IDF weight. A word in the description only
  («kjøkken» in a notice about a whole school building) is not enough;
- its main-CPV division is shared by at least SHOWN_MIN_DIVISION_VOTES of the top SHOWN_DIVISION_TOP hits (the
  search agrees on the area; a lone notice from another division is a look-alike);
- the dense search also found it near the top (rank <= SHOWN_MAX_DENSE_RANK);
- with a `head` (what the purchase verb takes: «renhold» in «kjøpe renhold av barnehagene»), the title names it:
  a notice on kindergarten furniture is not one on cleaning them.

Words of need phrasing («trenger», «løsning», «tjenester», «avtale») are not purchase words: a subject of those
only gives no list. Measured on evals/similar.jsonl by the similar eval suite (`chat.*` metrics).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from advisor.config import Settings
from advisor.doffin.similar import SimilarNotice, SimilarResults, notice_index, similar_notices
from advisor.text import Analyzer

SHOWN_SEARCH_DEPTH = 10  # fused hits looked at
SHOWN_MIN_TITLE_SHARE = 0.25  # share of the subject's IDF weight the title must hold
SHOWN_DIVISION_TOP = 5  # fused hits that vote on the CPV division
SHOWN_MIN_DIVISION_VOTES = 2  # votes the notice's division needs among them
SHOWN_MAX_DENSE_RANK = 30

# Need phrasing and fillers that say nothing about what is bought (a subject of only these gives no list). Matched
# on the lower-cased word as written.
GENERIC_WORDS = frozenset("""
trenger trengs behov behovet ønsker ønske noen noe hjelp hjelpe bistand assistanse løsning løsningen løsninger
tjeneste tjenesten tjenester tjenestene avtale avtalen avtaler levering leveranse leveranser leverandør leverandøren
leverandører anskaffelse anskaffelsen anskaffelser innkjøp gjøre gjør gjøres sikre sikrer ny nye nytt annet annen
andre mer mest vite bidra fra mot langs faste fast holde holder gjennom ansatte fornye lettere enklere bedre god gode
slipper mindre små stor store sette ekstern eksterne måle hvor neste ordning ordningen arbeidet arbeid dem oss deres
kommunal kommunale kommunalt virksomhet virksomheten virksomheter virksomhetene perioder periode mangel vurdert
vurdere vurdering virket virker hensikten formål formålet omfanget omfang rettet sammen knytte sikkert levere
tilby tilbyr type typer slags ulike diverse generelle generell totalt samlet system systemer produkt produkter
utstyr varer vare kjøpes anskaffes leveres
need needs needed help solution solutions service services contract agreement supply supplier suppliers new
some provide providing procure procurement buy system systems product products equipment goods various
""".split())
_WORD = re.compile(r"[^\W\d_][\w-]{2,}")


@dataclass(frozen=True)
class SubjectWord:
    """One purchase word of the subject: as written, its stem, and the stems of its compound parts."""

    word: str
    stem: str
    parts: tuple[str, ...]


def subject_words(subject: str, analyzer: Analyzer | None = None) -> list[SubjectWord]:
    """The purchase words of a subject: its words without need phrasing and fillers (GENERIC_WORDS), distinct."""
    analyzer = analyzer or Analyzer(decompound=True)
    words: dict[str, SubjectWord] = {}
    for raw in _WORD.findall(subject.lower()):
        word = raw.strip("-")
        if word in GENERIC_WORDS or word in words:
            continue
        terms = analyzer.terms(word)
        if terms:
            words[word] = SubjectWord(word, terms[0], tuple(terms[1:]))
    return list(words.values())


def _term_in(stem: str, terms: set[str]) -> bool:
    """The stem, or one differing only in its ending («vinter»/«vint», «rekrutter»/«rekruttering»), is in terms."""
    if stem in terms:
        return True
    if len(stem) < 4:
        return False
    return any(len(t) >= 4 and (t.startswith(stem) or stem.startswith(t)) and min(len(t), len(stem)) >= 0.6 * max(len(t), len(stem))
               for t in terms)


def in_title(word: SubjectWord, title_terms: set[str]) -> bool:
    """The word is in the title: its own stem, or every part of a compound («vannpumper» in «Pumper til vannverk»)."""
    return _term_in(word.stem, title_terms) or (len(word.parts) >= 2 and all(_term_in(p, title_terms) for p in word.parts))


def title_share(words: list[SubjectWord], title: str, idf, analyzer: Analyzer) -> float:
    """The share of the subject words' IDF weight (`idf`: stem -> weight) that the title holds."""
    total = sum(idf(w.stem) for w in words)
    if not total:
        return 0.0
    terms = set(analyzer.terms(title))
    return sum(idf(w.stem) for w in words if in_title(w, terms)) / total


def _division(notice: SimilarNotice) -> str:
    return str(notice.main_cpv or "")[:2]


def shown_notices(subject: str, settings: Settings, n: int, head: str = "") -> SimilarResults:
    """Up to n notices of the similar search for `subject` that pass the checks above, best first; often none.
    `head` is the thing bought, when the text says it (its purchase words must then be in the title).
    StoreEmpty (an AdvisorError) when no notices are imported; `.notes` as similar_notices gives them."""
    analyzer = Analyzer(decompound=settings.index.decompound)
    words = subject_words(subject, analyzer)
    head_words = subject_words(head, analyzer)
    if not words or n < 1:
        return SimilarResults()
    # The thing bought leads the query (twice, as the need vocabulary's own words do): «renhold barnehagene» alone
    # ranks kindergarten furniture first, «barnehage» being the rarer word.
    query = f"{head} {head} {subject}" if head_words else subject
    found = similar_notices(query, settings, k=max(SHOWN_SEARCH_DEPTH, n))
    idf = notice_index(settings).lexical.idf
    votes = Counter(_division(r) for r in found[:SHOWN_DIVISION_TOP] if _division(r))
    kept = [r for r in found
            if r.dense_rank is not None and r.dense_rank <= SHOWN_MAX_DENSE_RANK
            and votes.get(_division(r), 0) >= SHOWN_MIN_DIVISION_VOTES
            and title_share(words, r.title, idf, analyzer) >= SHOWN_MIN_TITLE_SHARE
            and (not head_words or any(in_title(w, set(analyzer.terms(r.title))) for w in head_words))]
    return SimilarResults(kept[:n], found.notes)
