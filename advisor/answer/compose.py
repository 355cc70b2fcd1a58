"""Composition: choosing a few cited sentences by term overlap, passage rank, source authority and diversity.

When two sources of different standing give different figures on the same terms, the stronger (then newer)
source wins and the conflict is recorded. The same input always gives the same answer.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from advisor.answer.sentences import passage_units, trailing_lead_in
from advisor.config import AnswerSettings
from advisor.corpus import AUTHORITY_RANK, Chunk
from advisor.text import QueryTerm, content_terms, coverage, text_terms

log = logging.getLogger(__name__)

# Bump when the composer's selection or wording changes: recorded as Answer.prompt_version.
EXTRACTIVE_VERSION = "extractive-2"

_GENERIC_ADVICE = re.compile(r"^(Sjekk|Kontroller|Les|Se|Check|Read)\b", re.IGNORECASE)
_ANAPHORIC = re.compile(r"^(Dette|Disse|Denne|Slike|Samme|De |Den |Det gjelder|Der |Her |Også |This |These |It )")
_MONEY = re.compile(
    r"(\d[\d  ]*(?:,\d+)?)\s*(mill(?:ioner)?\.?|mrd\.?|milliarder|kroner|kr\b|prosent|%)", re.IGNORECASE
)


@dataclass(frozen=True)
class Candidate:
    """A readable sentence from one passage, ready to be cited."""

    text: str
    hit: int  # index into the hits
    position: int  # order within the passage
    terms: frozenset[str]  # content stems, for redundancy checks
    found: frozenset[int] = frozenset()  # indexes of the query terms it contains
    context: str = ""  # the lead-in of the list it belongs to


@dataclass
class Composition:
    """What the composer picked: (sentence, hit index) in answer order, plus conflicts it resolved."""

    sentences: list[tuple[str, int]] = field(default_factory=list)
    conflicts: list[tuple[int, int]] = field(default_factory=list)  # (kept hit, dropped hit)

    @property
    def hits_used(self) -> list[int]:
        """Hit indexes in order of first use."""
        return list(dict.fromkeys(h for _, h in self.sentences))


_UNITS = {"mil": "mill", "mrd": "mrd", "kro": "kr", "kr": "kr", "pro": "%", "%": "%"}


def _amounts(text: str) -> frozenset[str]:
    """Figures with their unit, normalised: "0,43 prosent" and "0,43 %" are the same figure ("0,43%")."""
    return frozenset(re.sub(r"\s", "", m.group(1)) + _UNITS.get(m.group(2).lower()[:3], m.group(2).lower())
                     for m in _MONEY.finditer(text))


def _authority_key(chunk: Chunk) -> tuple[int, str]:
    """Sort key: stronger authority first, then newer; (rank, inverted date) so smaller is better."""
    inverted = "".join(chr(0x7F - ord(ch)) if ch.isdigit() else ch for ch in (chunk.as_of or "0000"))
    return AUTHORITY_RANK.get(chunk.authority, 5), inverted


def _conflicting(a: Candidate, b: Candidate, chunks: Sequence[Chunk], terms: Sequence[QueryTerm]) -> bool:
    """Two sentences from different sources of different standing that give different amounts on the same terms.

    Different standing: another authority rank, or dates at least two years apart (the 2020 white paper
    against the 2024 thresholds). Amounts in one document, or in equally ranked notes of about the same
    date, are treated as complementary (a table of thresholds lists several on purpose).
    """
    ca, cb = chunks[a.hit], chunks[b.hit]
    if ca.doc_id == cb.doc_id:
        return False
    years = [int(c.as_of[:4]) for c in (ca, cb) if c.as_of[:4].isdigit()]
    same_rank = AUTHORITY_RANK.get(ca.authority, 5) == AUTHORITY_RANK.get(cb.authority, 5)
    if same_rank and (len(years) < 2 or abs(years[0] - years[1]) < 2):
        return False
    amounts_a, amounts_b = _amounts(a.text), _amounts(b.text)
    if not amounts_a or not amounts_b or amounts_a & amounts_b:
        return False
    if not {re.sub(r"^[\d,.]+", "", x) for x in amounts_a} & {re.sub(r"^[\d,.]+", "", x) for x in amounts_b}:
        return False
    shared = [t for t in terms if t.match(a.terms) and t.match(b.terms)]
    return sum(t.weight for t in shared) >= 0.4 * sum(t.weight for t in terms)


def compose(terms: Sequence[QueryTerm], chunks: Sequence[Chunk], lang: str, tuning: AnswerSettings) -> Composition:
    """Pick the sentences that answer the question best, each from one of `chunks` (ranked hits).

    `tuning` is settings.answer: how many sentences, the score floors and the redundancy rules.
    """
    result = Composition()
    if not terms or not chunks:
        return result
    scored = _candidates(terms, chunks, lang, tuning)
    if not scored:
        return result
    chosen = _select(scored, terms, chunks, tuning, result)
    # A replacement in _select can leave a sentence that a later, fuller one now repeats.
    chosen = [c for c in chosen if not any(o is not c and _repeats(c, o, tuning) and not _repeats(o, c, tuning)
                                           for o in chosen)]
    if not chosen:
        return result
    # The best sentence leads; the rest of its passage follows in reading order, then the other passages.
    lead = chosen[0]
    rest = sorted(chosen[1:], key=lambda c: (c.hit != lead.hit, c.hit, c.position))
    result.sentences = [(c.text, c.hit) for c in [lead, *rest]]
    return result


def _term_weights(terms: Sequence[QueryTerm], chunk_terms: Sequence[frozenset[str]]) -> list[float]:
    """Within the retrieved set, a term every passage shares ("terskelverdi", "offentlig sektor") tells the
    candidates apart less than one only a few contain ("kommuner", "kjøper"): weight by
    log(1 + k/df) / log(1 + k), e.g. k=5, df=5 -> 0.39. The rarity weight is flattened (square root) so that
    one rare topic word does not outweigh the facet the question is really about."""
    k = len(chunk_terms)
    weights = []
    for t in terms:
        df = sum(t.match(ct) >= 0.5 for ct in chunk_terms)
        weights.append(math.sqrt(t.weight) * math.log(1 + k / max(df, 1)) / math.log(1 + k))
    return weights


def _candidates(terms: Sequence[QueryTerm], chunks: Sequence[Chunk], lang: str,
                tuning: AnswerSettings) -> list[tuple[float, Candidate]]:
    """Every readable sentence that matches enough of the question, scored, best first."""
    chunk_terms = [text_terms(c.search_text()) for c in chunks]
    weights = _term_weights(terms, chunk_terms)
    total = sum(weights)

    def matched(found: frozenset[str], section: frozenset[str]) -> float:
        # A sentence also speaks under its section heading ("Terskelverdier fra 14. mars 2024") and the lead-in
        # of its list, at half weight.
        return sum(w * max(t.match(found), 0.5 * t.match(section)) for t, w in zip(terms, weights, strict=True)) / total

    scored: list[tuple[float, Candidate]] = []
    answerable = 0  # rank among passages that have something to quote: an empty or hostile one does not push others down
    for hit, chunk in enumerate(chunks):
        lead_in = _inherited_lead_in(chunk, chunks)
        units = passage_units(chunk, lead_in, tuning.max_sentence_chars)
        if not units:
            continue
        rank_prior = 1.0 / (1.0 + 0.25 * answerable)
        answerable += 1
        chunk_cov = coverage(terms, chunk_terms[hit])
        section_terms = text_terms(chunk.section)
        authority = AUTHORITY_RANK.get(chunk.authority, 5)
        section_cov = coverage(terms, section_terms)
        # An English question quoted from a Norwegian source matches its words only through the glossary: half the
        # share is asked of its sentences (the evidence check before this has already found the passage relevant).
        floor = tuning.min_sentence_match * (0.5 if lang == "en" and chunk.language != "en" else 1.0)
        for position, (sentence, context) in enumerate(units):
            sentence_terms = text_terms(sentence)
            share = matched(sentence_terms, section_terms | text_terms(context) if context else section_terms)
            if share < floor:
                continue
            found = frozenset(i for i, t in enumerate(terms) if t.match(sentence_terms) >= 0.5)
            # The sentence's own overlap counts most, then how many of the question's words it has at all; the
            # passage's overlap, its heading ("Har vi plikt til å innovere") and its rank say whether it sits
            # where the question is answered; stronger and same-language sources win close calls.
            score = 0.55 * share + 0.1 * len(found) / len(terms) + 0.1 * chunk_cov + 0.08 * section_cov
            score += 0.12 * rank_prior
            score += 0.08 * (5 - authority) / 4  # law 0.08, guidance 0.04, white paper 0.02, other 0.0
            score += 0.03 if chunk.language == lang else 0.0
            score += 0.02 / (1 + position)
            for penalty in _style_penalties(sentence):
                score -= penalty
            scored.append((score, Candidate(sentence, hit, position, content_terms(sentence_terms), found, context)))
    scored.sort(key=lambda x: (-x[0], x[1].hit, x[1].position))
    if log.isEnabledFor(logging.DEBUG):
        for score, cand in scored[:12]:
            log.debug("candidate %.3f hit %d: %s", score, cand.hit, cand.text[:90])
    return scored


def _style_penalties(sentence: str) -> list[float]:
    """What a sentence loses for reading badly as an answer."""
    penalties = []
    if _ANAPHORIC.match(sentence):
        penalties.append(0.08)  # leans on a sentence we may not show
    if _GENERIC_ADVICE.match(sentence):
        penalties.append(0.1)  # "Sjekk forskriften ..." is sound advice but no answer
    if len(sentence) > 300:
        penalties.append(0.04)
    return penalties


@dataclass
class _Selection:
    """The sentences chosen so far, their scores and their total length."""

    chosen: list[Candidate] = field(default_factory=list)
    scores: dict[Candidate, float] = field(default_factory=dict)
    length: int = 0

    def add(self, cand: Candidate, score: float) -> None:
        self.chosen.append(cand)
        self.scores[cand] = score
        self.length += len(cand.text)

    def replace(self, old: Candidate, new: Candidate, score: float) -> None:
        self.chosen[self.chosen.index(old)] = new
        self.scores[new] = score
        self.length += len(new.text) - len(old.text)


def _select(scored: list[tuple[float, Candidate]], terms: Sequence[QueryTerm], chunks: Sequence[Chunk],
            tuning: AnswerSettings, result: Composition) -> list[Candidate]:
    """Maximal marginal relevance: each next sentence must add something the chosen ones do not say."""
    best = scored[0][0]
    pool = [(score, cand) for score, cand in scored if score >= tuning.second_floor * best]
    sel = _Selection()
    while pool and len(sel.chosen) < tuning.max_sentences:
        covered = frozenset().union(*(c.found for c in sel.chosen)) if sel.chosen else frozenset()
        score, cand = max(pool, key=lambda item: (_adjusted(item, sel.chosen, covered, tuning), -item[1].hit,
                                                  -item[1].position))
        pool.remove((score, cand))
        # Items of a list already begun in the answer may follow it with the lower floor.
        sibling = bool(cand.context) and any(c.hit == cand.hit and c.context == cand.context for c in sel.chosen)
        floor = tuning.second_floor if sibling else tuning.relative_floor
        if len(sel.chosen) >= 2 and score < floor * best:
            continue
        if _resolve_conflict(cand, score, sel, chunks, terms, result) or _merge_repeat(cand, score, sel, tuning):
            continue
        if sel.chosen and sel.length + len(cand.text) > tuning.max_answer_chars:
            continue
        sel.add(cand, score)
    return sel.chosen


def _resolve_conflict(cand: Candidate, score: float, sel: _Selection, chunks: Sequence[Chunk],
                      terms: Sequence[QueryTerm], result: Composition) -> bool:
    """True when the candidate conflicts with a chosen sentence: the stronger (then newer) source stays."""
    rival = next((c for c in sel.chosen if _conflicting(c, cand, chunks, terms)), None)
    if rival is None:
        return False
    winner = min((rival, cand), key=lambda c: _authority_key(chunks[c.hit]))
    if winner is rival:
        _note_conflict(result, rival.hit, cand.hit)
        return True
    # The newcomer outranks a sentence already chosen: it takes that sentence's place.
    _note_conflict(result, cand.hit, rival.hit)
    sel.replace(rival, cand, score)
    return True


def _merge_repeat(cand: Candidate, score: float, sel: _Selection, tuning: AnswerSettings) -> bool:
    """True when the candidate repeats a chosen sentence (or is repeated by one): the fuller of the two stays."""
    twin = next((c for c in sel.chosen if _repeats(cand, c, tuning)), None)
    if twin is not None:
        # Two notes saying the same: keep the fuller one ("... tre prinsipper: Politikere ...").
        if (len(cand.terms - twin.terms) >= 3 and len(twin.terms - cand.terms) <= 1
                and score >= 0.9 * sel.scores[twin]):
            sel.replace(twin, cand, score)
        return True
    covered_by = next((c for c in sel.chosen if _repeats(c, cand, tuning) and sel.scores[c] <= score / 0.8), None)
    if covered_by is not None:
        # A sentence already chosen says less than this one (fewer figures): this one takes its place.
        sel.replace(covered_by, cand, score)
        return True
    return False


def _adjusted(item: tuple[float, Candidate], chosen: Sequence[Candidate], covered: frozenset[int],
              tuning: AnswerSettings) -> float:
    """A candidate's score less what it repeats: shared content words, and no question word not yet covered."""
    score, cand = item
    overlap = max((_overlap(cand, c) for c in chosen), default=0.0)
    adds_nothing = bool(chosen) and cand.found <= covered
    return score - tuning.redundancy_penalty * overlap - (0.1 if adds_nothing else 0.0)


def _note_conflict(result: Composition, kept: int, dropped: int) -> None:
    if (kept, dropped) not in result.conflicts:
        result.conflicts.append((kept, dropped))


def _repeats(cand: Candidate, other: Candidate, tuning: AnswerSettings) -> bool:
    """True when a sentence says what another already says: nearly all the same words, or mostly the same words
    and no question word or figure the other lacks."""
    overlap = _overlap(cand, other)
    if overlap >= tuning.near_copy_overlap and _amounts(cand.text) <= _amounts(other.text):
        return True
    return overlap >= tuning.duplicate_overlap and cand.found <= other.found and _amounts(cand.text) <= _amounts(other.text)


def _overlap(a: Candidate, b: Candidate) -> float:
    """Share of the smaller sentence's content words that the other repeats (guidance notes repeat key facts)."""
    if not a.terms or not b.terms:
        return 1.0 if a.text == b.text else 0.0
    return len(a.terms & b.terms) / min(len(a.terms), len(b.terms))


def _inherited_lead_in(chunk: Chunk, chunks: Sequence[Chunk]) -> str:
    """The list introduction from the passage just before this one, when that passage is among the hits too."""
    for other in chunks:
        if (other.doc_id == chunk.doc_id and other.section == chunk.section
                and other.start < chunk.start <= other.end):
            return trailing_lead_in(other)
    return ""


def one_passage(sentences: list[tuple[str, int]], chunks: Sequence[Chunk]) -> list[tuple[str, int]]:
    """The chosen sentences of one passage only: never a collage across documents.

    The passage is that of the best sentence that does not lean on an earlier one («Den kan brukes …», «samme
    kilde»); its sentences keep that sentence first and the others in reading order. Sentences from the passage
    just before or after it in the same section (a list that runs over a chunk border) stay.
    """
    if not sentences:
        return sentences
    lead = next(((text, hit) for text, hit in sentences if not _ANAPHORIC.match(text)), sentences[0])
    home = chunks[lead[1]]

    def same_passage(hit: int) -> bool:
        other = chunks[hit]
        return hit == lead[1] or (other.doc_id == home.doc_id and other.section == home.section
                                  and (other.start <= home.end and home.start <= other.end))

    rest = [(text, hit) for text, hit in sentences if (text, hit) != lead and same_passage(hit)]
    return [lead, *rest]
