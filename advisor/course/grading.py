"""Grading a trainee's need statement against the course checklist.

A good need statement (DFØ: describe the need, not the solution; FOA § 15-1 / § 8-5) says

    1. what the problem is and who has it          ("pleierne får belastningsskader når ...")
    2. what should be better when it is solved     ("slik at ...", "uten at ...", "raskere", "færre")
    3. at least one measurable criterion           ("innen 5 sekunder", "minst 255 kg", "under én time")
    4. no brand, supplier, product or model        (the requirement analyzer, advisor.requirements)
    5. in the trainee's own words, not a copy of the requirement

Text that is not sentences of real words ("asdf qwerty") is not graded on the points above: it fails as such.
The checks are rules over words, not an understanding of the text; they are tuned so that every worked example's
model answer passes (tests/course) and the vague "Vi trenger gode senger." fails. What each check found is returned,
so the page can show what is there and what is missing. The page words the results (advisor/ui/texts.py).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from advisor.config import Settings
from advisor.errors import InvalidInput
from advisor.requirements import STANDARDS, Finding, analyze_requirement
from advisor.rewrite import measurable_targets
from advisor.text import zipf

CHECKS = ("substance", "problem_and_who", "outcome", "measurable", "no_brand", "own_words")
MAX_NEED_CHARS = 4000

# --- 0. real sentences ------------------------------------------------------------------------------------------
MIN_WORDS = 3
# In Norwegian or English prose about a third or more of the words are common (Zipf >= 3: og, som, skal, pasienter,
# trygt); "asdf qwerty", "lorem ipsum dolor" and keyboard mashing have almost none.
COMMON_ZIPF = 3.0
MIN_COMMON_SHARE = 0.35
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")

# --- 1. the problem and who has it --------------------------------------------------------------------------------
# People and the units they work in, as whole words or the end of a compound (sykehjemsbeboere, hjemmetjenesten).
_ACTOR_STEMS = (
    "bruker", "pasient", "beboer", "pleier", "ansatt", "medarbeider", "personal", "kollega", "elev", "lærer",
    "student", "barn", "foreldre", "foresatt", "pårørende", "innbygger", "publikum", "besøkende", "kunde", "reisende",
    "passasjer", "sjåfør", "fører", "saksbehandler", "leder", "sykepleier", "lege", "helsepersonell", "fagfolk",
    "operatør", "driftsoperatør", "tekniker", "håndverker", "vaktmester", "renholder", "søker", "deltaker",
    "eldre", "person", "menneske", "folk", "gjest", "tilsett", "brannmann", "mannskap", "politi", "innsatte",
    "skole", "barnehage", "sykehjem", "sykehus", "kommune", "etat", "avdeling", "enhet", "hjemmetjeneste",
    "hjemmesykepleie", "tjeneste", "virksomhet", "kontor", "rådhus", "kulturhus", "dagsenter", "responssenter",
    "klasse", "trinn", "valgfag", "region", "direktorat", "helseforetak", "fylkeskommune", "kommunal", "byggeplass",
    "user", "patient", "resident", "nurse", "staff", "employee", "pupil", "teacher", "student", "citizen",
    "passenger", "driver", "visitor", "customer", "caseworker", "people", "school", "hospital", "municipality",
)
# "vi", "oss", "vår": the buyer's own organisation has the need (the worked examples' "Vi har behov for ...").
# A compound's first part has at least three letters (sykehjems|beboere), so "se|kunder" is not a customer.
_ACTOR = re.compile(r"(?<![\w])(?:vi|oss|vår|våre|vårt|we|us|our|(?:\w{3,})?(?:"
                    + "|".join(sorted(set(_ACTOR_STEMS), key=len, reverse=True))
                    + r")(?:e|en|er|et|ne|ene|ens|ers|nes|n|r|ns|rs|rne|met|mene|mets|s|es|a|ale)?)(?![\w])",
                    re.IGNORECASE)
_PROBLEM = re.compile(
    r"\b(?:behov\w*|trenger|trengs|må\s+(?:kunne|få|ha|bli)|skal\s+kunne|problem\w*|utfordring\w*|mangle[rt]?"
    r"|vanskelig\w*|risiko\w*|hindr\w*|unngå\w*|skade\w*|belastning\w*|slit\w*|feil\w*|forsink\w*|vent\w*|kø"
    r"|tar\s+(?:for\s+)?lang\s+tid|bruker\s+(?:for\s+)?mye|klarer\s+ikke|får\s+ikke|kan\s+ikke|i\s+dag"
    r"|need\w*|problem\w*|struggl\w*|cannot|unable|risk\w*|delay\w*|waiting)\b", re.IGNORECASE)

# --- 2. the outcome -------------------------------------------------------------------------------------------------
_OUTCOME = re.compile(
    r"\b(?:slik\s+at|så\s+at|for\s+at|for\s+å|uten\s+(?:at|å)|oppnå\w*|resultat\w*|effekt\w*|gevinst\w*"
    r"|bedre|raskere|tryggere|enklere|sikrere|lettere|færre|mindre|lavere|kortere|høyere|økt\w*|redus\w*|øke[rs]?"
    r"|forbedr\w*|unngå\w*|hindre[rs]?|forebygg\w*|sikre[rs]?|gir|holder|tål\w*|fungerer|varsle[rs]?|oppdage[rs]?"
    r"|(?:kan|kunne)\s+(?:\w+\s+)?[^\W\d_]{3,}|uten"
    r"|trygt|raskt|sikkert|enkelt|lett|pålitelig\w*|effektivt|tidlig|jevn|riktig|fri\s+for|minst\s+mulig"
    r"|mest\s+mulig|så\s+(?:lite|lave?|få)|lav(?:e|t|est)?|lite"
    r"|so\s+that|in\s+order\s+to|reduc\w*|improv\w*|faster|fewer|safer|avoid\w*|prevent\w*|securely|reliabl\w*)\b",
    re.IGNORECASE)

# --- 3. a measurable criterion ------------------------------------------------------------------------------------
# Numbers with units come from the rewriter's target finder (advisor.rewrite); here also a bound before a spelled
# number ("under én time", "innen en uke") and a unit or measure named without a number ("oppgitt i cm",
# "responstid", "andel av ...") that the requirement can then be checked against.
_BOUND_WORD = re.compile(
    r"\b(?:minst|høyst|maks(?:imalt)?|innen|under|over|mindre\s+enn|mer\s+enn|færre\s+enn|inntil|ned\s+til|opp\s+til"
    r"|at\s+least|at\s+most|within|less\s+than|more\s+than|up\s+to)\s+(?:én|ett|en|et|ei|one|a|an|\d)",
    re.IGNORECASE)
_MEASURE = re.compile(
    r"\b(?:i\s+(?:cm|mm|meter|kg|sekunder|minutter|timer|døgn|prosent)|målt\w*|måle[rs]?|måling\w*|målbar\w*"
    r"|responstid\w*|ventetid\w*|reisetid\w*|tørketid\w*|levetid\w*|feilrate\w*|oppetid\w*|andel\w*|prosent\w*"
    r"|per\s+(?:side|dag|time|år|måned|bruker|porsjon)|grenseverdi\w*|renhetsnivå\w*|ytelsesnivå\w*|nivå\w*"
    r"|standard\w*|dokumentert\w*|time\s+for\s+time|hele\s+(?:året|dagen|sesongen|vinteren|avtaleperioden)"
    r"|antall\w*|bruksklasse\w*|energiklasse\w*|kvalitetsnivå\w*"
    r"|measured|per\s+(?:page|day|hour|year|user)|response\s+time|uptime|share\s+of|for\s+at\s+least)\b",
    re.IGNORECASE)

# --- 4. no brand or supplier ------------------------------------------------------------------------------------
# Findings of the analyzer that name a maker, supplier, product or today's solution; the other solution-specific
# wording (a prescribed technology, material or method, "as today") is shown as advice but does not fail it.
BRAND_CATEGORIES = frozenset({"brand", "model_type", "product_named", "missing_or_equivalent"})

# --- 5. own words ---------------------------------------------------------------------------------------------------
COPY_RATIO = 0.7  # difflib similarity of the two texts at which the statement is taken as the requirement again
COPY_WORD_SHARE = 0.8  # or this share of the statement's words come from the requirement


@dataclass(frozen=True)
class Check:
    """One point of the checklist: passed (None = not graded, the text was not real sentences) and what was found."""

    id: str
    passed: bool | None
    found: tuple[str, ...] = ()
    detail: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class NeedGrade:
    """The grade of one need statement: every check, and whether all passed."""

    text: str
    checks: tuple[Check, ...]
    advice: tuple[str, ...] = ()  # other solution-specific wording the analyzer found (not failing)
    findings: tuple[Finding, ...] = ()  # everything the analyzer marked, for showing the marks in the text

    @property
    def passed(self) -> bool:
        """Every point of the checklist passed."""
        return all(c.passed for c in self.checks)

    @property
    def missing(self) -> list[str]:
        """The ids of the checks that failed."""
        return [c.id for c in self.checks if c.passed is False]

    def check(self, check_id: str) -> Check:
        """One check by id."""
        return next(c for c in self.checks if c.id == check_id)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _unique(matches: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(" ".join(m.split()) for m in matches))[:6]


def _substance(text: str) -> Check:
    words = _words(text)
    if len(words) < MIN_WORDS:
        return Check("substance", False, (), {"reason": "too_short", "words": len(words), "min_words": MIN_WORDS})
    common = [w for w in words if max(zipf(w), *(zipf(p) for p in w.split("-"))) >= COMMON_ZIPF]
    share = len(common) / len(words)
    if share < MIN_COMMON_SHARE:
        return Check("substance", False, tuple(words[:6]), {"reason": "not_words", "share": round(share, 2)})
    return Check("substance", True, (), {"words": len(words)})


def _problem_and_who(text: str) -> Check:
    actors = _unique([m.group(0) for m in _ACTOR.finditer(text)])
    cues = _unique([m.group(0) for m in _PROBLEM.finditer(text)])
    missing = [part for part, found in (("who", actors), ("problem", cues)) if not found]
    return Check("problem_and_who", not missing, actors + cues, {"missing": missing, "who": actors, "problem": cues})


def _outcome(text: str) -> Check:
    found = _unique([m.group(0) for m in _OUTCOME.finditer(text)])
    return Check("outcome", bool(found), found)


def _measurable(text: str, findings) -> Check:
    found = [t.text for t in measurable_targets(text, findings)]
    found += [m.group(0) for m in _BOUND_WORD.finditer(text)]
    found += [m.group(0) for m in _MEASURE.finditer(text)]
    found += [m.group(0) for m in STANDARDS.finditer(text)]  # a standard to meet can be checked ("INSTA 800")
    return Check("measurable", bool(found), _unique(found))


def _no_brand(findings) -> Check:
    named = [f for f in findings if f.category in BRAND_CATEGORIES and f.severity != "low"]
    return Check("no_brand", not named, _unique([f.text for f in named]),
                 {"categories": sorted({f.category for f in named})})


def _own_words(text: str, original: str) -> Check:
    if not original.strip():
        return Check("own_words", True)
    a, b = " ".join(_words(text)), " ".join(_words(original))
    ratio = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    mine, theirs = _words(text), set(_words(original))
    share = sum(w in theirs for w in mine) / len(mine) if mine else 1.0
    copied = ratio >= COPY_RATIO or share >= COPY_WORD_SHARE
    return Check("own_words", not copied, (), {"similarity": round(ratio, 2), "shared_words": round(share, 2)})


def grade_need(text: str, original: str, settings: Settings) -> NeedGrade:
    """Grade a need statement written for the requirement `original` against the checklist (see the module doc)."""
    if not isinstance(text, str) or not text.strip():
        raise InvalidInput("need statement", text, "a non-empty text")
    if len(text) > MAX_NEED_CHARS:
        raise InvalidInput("need statement", f"{len(text)} characters", f"at most {MAX_NEED_CHARS} characters")
    substance = _substance(text)
    if not substance.passed:
        rest = tuple(Check(check_id, None) for check_id in CHECKS[1:])
        return NeedGrade(text, (substance, *rest))
    findings = analyze_requirement(text, settings).findings
    advice = _unique([f.text for f in findings if f.category not in BRAND_CATEGORIES and f.severity != "low"])
    checks = (substance, _problem_and_who(text), _outcome(text), _measurable(text, findings), _no_brand(findings),
              _own_words(text, original))
    return NeedGrade(text, checks, advice, tuple(findings))
