"""Domain knowledge for the purchase types that dominate Doffin, and turning technical values into what they are for.

corpus/examples/purchase_types.yaml holds, per purchase type, who the purchase is for and the need, functional and
performance requirements that each say how they are verified, and questions for the market and the buyer. The
offline draft starts from the type a requirement belongs to; the LLM prompt gets the same block.

A technical value in a requirement («12 kW», «27 tommer», «16 GB RAM») usually stands for a function the buyer
has not written down. value_requirements() turns each one into a requirement on that function, keeping the number
as the buyer's current estimate to be checked, and saying how it is verified.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from advisor.config import Settings
from advisor.corpus import load_yaml
from advisor.errors import AdvisorError
from advisor.requirements import FUNCTION_TIE, KINDS, PurchaseObject, noun_kind, part_counts
from advisor.rewrite.quantities import TRAINED_BEFORE, role_requirement, trainees_requirement
from advisor.rewrite.targets import NUMBER_WORDS

PURCHASE_TYPES_PATH = Path("examples") / "purchase_types.yaml"

# A requirement on climate or environment: emissions, climate footprint, energy use, an eco-label, reuse and
# recycling, food waste, seasonal efficiency or heat loss, or harmful substances left out. Not «miljø» alone
# («demonstrert i vårt miljø» is a setting) and not indoor emissions (health, not climate).
CLIMATE_REQUIREMENT = re.compile(
    r"utslipp|klimagass\w*|klimaavtrykk\w*|CO₂e|miljødeklarasjon\w*|\bEPD\b|energibruk\w*|energiforbruk\w*|\[kWh|"
    r"kWh per|miljømerk\w*|svanemerk\w*|ecolabel|gjenbruk\w*|gjenvinn\w*|ombruk\w*|matsvinn\w*|SCOP|U-verdi|rullemotstand\w*|PFAS|"
    r"hvilemodus|varmegjenvinning\w*|fossilfri\w*", re.IGNORECASE)


# Wording that only looks environmental: recyclable packaging on a delivery clause, or a generic performance with
# «lavest mulig energibruk» and nothing measured. A requirement with it and no stronger climate word does not carry
# the climate rule (FOA § 7-9): its «clearly better effect» could not be shown.
_WEAK_CLIMATE = re.compile(r"gjenbruk\w*|gjenvinn\w*|ombruk\w*|lavest mulig energibruk", re.IGNORECASE)
_STRONG_CLIMATE = re.compile(
    r"utslipp|klimagass\w*|klimaavtrykk\w*|CO₂e|miljødeklarasjon\w*|\bEPD\b|energibruk\w*|energiforbruk\w*|\[kWh|"
    r"kWh per|miljømerk\w*|svanemerk\w*|ecolabel|matsvinn\w*|SCOP|U-verdi|rullemotstand\w*|PFAS|hvilemodus|"
    r"varmegjenvinning\w*|fossilfri\w*", re.IGNORECASE)


def is_climate_requirement(requirement: str) -> bool:
    """Whether a requirement carries a measurable climate or environment effect for what is bought: a climate word that
    is not only recyclable packaging or a generic «lavest mulig energibruk» beside an unnamed performance."""
    text = _WEAK_CLIMATE.sub("", requirement)
    return bool(_STRONG_CLIMATE.search(text)) and "[beskriv ytelsen]" not in requirement


@dataclass(frozen=True)
class PurchaseType:
    """One purchase type: how to recognise it, the need, requirements with verification, and questions."""

    id: str
    domain: str
    kinds: tuple[str, ...]
    match: re.Pattern[str]
    need: str
    requirements: tuple[str, ...]
    market_questions: tuple[str, ...]
    buyer_questions: tuple[str, ...]
    source: str
    # (unit pattern, requirement with {value}): what a technical value stands for in this type, tried before the
    # general functions («75 tommer» in a meeting room is legibility from the back row, not a desk working area)
    values: tuple[tuple[re.Pattern[str], str], ...] = ()
    # words of the setting that rule the type out («idrettshall» for street lighting, «vei» for hall lighting)
    unless: re.Pattern[str] | None = None
    # words of the place or use that support the type when its own words tie with another's («seng», «beboer» for a
    # camera watching over residents, «inngang» for one guarding a door); they never pick the type on their own
    context: re.Pattern[str] | None = None
    # a verifiable climate or environment requirement for the type (FOA § 7-9): its own `climate`, else the first of
    # its requirements that is one; '' where the type's climate footprint is insignificant (advice, software)
    climate: str = ""

    def hits(self, text: str) -> list[re.Match[str]]:
        """Where the type's words occur in `text` as nouns: none when its setting is ruled out, and a word read as a
        verb after a modal or «å» («skal servere lunsj») is no server."""
        if not text or (self.unless is not None and self.unless.search(text)):
            return []
        found, pos = [], 0
        while (m := self.match.search(text, pos)) is not None:
            pos = m.end() if m.end() > m.start() else m.end() + 1
            rest = self.only_modifier(text, m)
            if rest:  # the first part of the compound is not the thing: the type's words may still be its last part
                pos = rest
                continue
            if not _VERB_USE.search(text[max(0, m.start() - 20):m.start()]) or not re.search(r"e$", m.group(0)):
                found.append(m)
        return found

    def only_modifier(self, text: str, m: re.Match[str]) -> int:
        """Where the last part of the compound starts when the type's word `m` is only its first part and the last part
        names another thing («Kaffemaskinene» is a machine, «Busskortene» cards: the head of a Norwegian compound is
        its last part), else 0. The type's own word is its pattern without the open endings (\\w*); a last part that
        names no thing of its own («-tjenesten», «-avtalen», «-platene») leaves the type's word as the head."""
        word_end = re.match(r"\w*", text[m.start():]).end() + m.start()
        ends = [own.end() for strict in _strict(self.match.pattern) if (own := strict.match(text, m.start(), word_end))]
        end = max(ends, default=0)  # the longest of the type's own words («ventilasjonsaggregat», not «ventilasjon»)
        if end <= m.start() or end >= word_end:
            return 0
        rest = text[end:word_end]
        # a joint («-s-», «-e-», «-ings-») is not part of the last word
        rest = re.sub(r"^(?:ings?|s|e)(?=\w{4})", "", rest, flags=re.IGNORECASE)
        modifier = len(rest) >= 4 and not _GENERIC_PART.match(rest) and noun_kind(rest) is not None
        return end if modifier else 0


@functools.lru_cache(maxsize=256)
def _strict(pattern: str) -> tuple[re.Pattern[str], ...]:
    """Each alternative of a type's pattern with its open endings (\\w*) taken out: the type's own words, without
    what a compound adds (an alternative that does not compile alone is left out)."""
    out = []
    for alternative in _alternatives(pattern):
        try:
            out.append(re.compile(alternative.replace(r"\w*", ""), re.IGNORECASE))
        except re.error:
            continue
    return tuple(out)


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression (split at «|» outside groups and character classes)."""
    parts, depth, start, in_class, i = [], 0, 0, False, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*parts, pattern[start:]]


# Last parts of a compound that say what form the thing is bought in, not what it is («Renholdstjenesten»,
# «Fasadeplatene», «Vedlikeholdsavtalen»): the first part stays the head.
_GENERIC_PART = re.compile(r"(?:tjeneste|bistand|hjelp|avtale|oppdrag|leveranse|leverandør|kontrakt|arbeid|ordning|"
                           r"løsning|produkt|utstyr|lisens|"
                           r"materiell|vare|plate|panel|element|system|anlegg|del(?:er|ene)?$|midl|middel)", re.IGNORECASE)


# A modal or infinitive marker right before a word ending in -e: the word is a verb («skal servere», «å bygge»).
_VERB_USE = re.compile(r"(?<!\w)(?:å|skal|må|kan|bør|vil|skulle|kunne|ikke)\s+(?:også\s+|kun\s+|bare\s+)?$", re.IGNORECASE)


def load_purchase_types(settings: Settings) -> list[PurchaseType]:
    """The purchase types from corpus/examples/purchase_types.yaml ([] when the file is absent)."""
    path = Path(settings.corpus_dir) / PURCHASE_TYPES_PATH
    if not path.is_file():
        return []
    return list(_load(str(path), path.stat().st_mtime_ns))


@functools.lru_cache(maxsize=4)
def _load(path: str, mtime_ns: int) -> tuple[PurchaseType, ...]:
    data = load_yaml(Path(path).read_text(encoding="utf-8"), f"purchase types {path}") or []
    types = []
    for number, item in enumerate(data, start=1):
        try:
            types.append(PurchaseType(
                id=str(item["id"]), domain=str(item["domain"]), kinds=_kinds(item["kinds"]), match=re.compile(str(item["match"]), re.IGNORECASE),
                need=str(item["need"]), requirements=tuple(str(r) for r in item["requirements"]),
                market_questions=tuple(str(q) for q in item.get("market_questions") or []),
                buyer_questions=tuple(str(q) for q in item.get("buyer_questions") or []),
                source=str(item.get("source") or ""), values=_values(item.get("values")),
                unless=re.compile(str(item["unless"]), re.IGNORECASE) if item.get("unless") else None,
                context=re.compile(str(item["context"]), re.IGNORECASE) if item.get("context") else None,
                climate=str(item.get("climate") or next((str(r) for r in item["requirements"]
                                                         if CLIMATE_REQUIREMENT.search(str(r))), "")),
            ))
        except (KeyError, TypeError, ValueError, re.error) as exc:
            raise AdvisorError(f"{path}: purchase type {number} is incomplete or has a bad pattern ({exc})") from exc
    return tuple(types)


def _kinds(value: object) -> tuple[str, ...]:
    kinds = tuple(str(k) for k in value) if isinstance(value, list) else ()
    if not kinds or any(k not in KINDS for k in kinds):
        raise ValueError(f"kinds must be a list of {', '.join(KINDS)}, got {value!r}")
    return kinds


def _values(value: object) -> tuple[tuple[re.Pattern[str], str], ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, dict) and "{value}" in str(v.get("requirement", "")) for v in value):
        raise ValueError(f"values must be a list of {{unit, requirement}} with {{value}} in the requirement, got {value!r}")
    return tuple((re.compile(str(v["unit"]), re.IGNORECASE), str(v["requirement"])) for v in value)


# Who a need is for, read from the text: a type's need with «{who}» names the group the text names (who eats the
# meals), else says «brukerne» with a blank for the group. The first pattern found in the text wins.
_WHO = (
    (re.compile(r"hjemmeboende|hjemmetjenest\w*|hjemmesykepleie\w*", re.IGNORECASE), "de hjemmeboende brukerne av hjemmetjenesten"),
    (re.compile(r"beboer\w*|sykehjem\w*|omsorgsbolig\w*|bofellesskap\w*", re.IGNORECASE), "beboerne"),
    (re.compile(r"pasient\w*|sykehus\w*|\w*avdeling(?:en|ene)?\b", re.IGNORECASE), "pasientene"),
    (re.compile(r"barnehage\w*", re.IGNORECASE), "barna i barnehagene"),
    (re.compile(r"elev\w*|skole\w*|SFO|AKS", re.IGNORECASE), "elevene"),
    (re.compile(r"innsatte|fengsel\w*", re.IGNORECASE), "de innsatte"),
    (re.compile(r"ansatte|medarbeider\w*|personal\w*|kantine\w*", re.IGNORECASE), "de ansatte"),
    (re.compile(r"\beldre\b", re.IGNORECASE), "de eldre brukerne"),
)
_WHO_BLANK = "brukerne [skriv hvem som får dem, f.eks. hjemmeboende eldre, beboere eller elever]"


def fill_who(need: str, text: str) -> str:
    """`need` with «{who}» replaced by the user group `text` names, or by «brukerne» and a blank to fill in."""
    if "{who}" not in need:
        return need
    who = next((group for pattern, group in _WHO if pattern.search(text)), _WHO_BLANK)
    return need.replace("{who}", who)


# The brand lexicon's product category -> the purchase type to fall back on when no word of a type occurs.
CATEGORY_TYPES = {
    "IT": "pc", "software": "fagsystem", "vehicles": "personbil", "furniture": "stol", "machinery": "hjullaster",
    "medical": "sår", "medicine": "legemiddel", "welfare": "trygghetsalarm", "kitchen": "storkjøkken",
    "building": "fasade", "cleaning": "renhold", "tools": "verktøy", "playground": "lek", "workwear": "arbeidsklær",
    "energy": "solcelle", "security": "adgang", "food": "mat", "telecom": "mobil",
}


# A noun that only says what class of thing it is («biler», «Hiace-bilene», «kjøretøy»): a named model line says more.
_GENERAL_NOUN = re.compile(r"(?:^|-)(?:bil(?:er|ene|en)?|kjøretøy\w*|maskin(?:er|ene|en)?)$", re.IGNORECASE)


# A preposition that opens a complement after the thing bought, up to two words before the type's word.
_COMPLEMENT = re.compile(r"\S\s+(?:til|for)\s+(?:(?:alle|de|den|det|hver|hvert|våre?|kommunens|[\wæøå]+s)\s+){0,2}$",
                         re.IGNORECASE)


# Object nouns that do not say what the thing is: the brand lexicon's category may then decide. A capitalised word is
# a name unless it ends in a noun of a kind («Kaffemaskinene» first in its sentence says what it is).
_GENERIC_OBJECT = re.compile(r"(?:utstyr|produkt|løsning|enhet|vare|materiell|artikkel|leveranse|modell|type|merke)\w*$",
                             re.IGNORECASE)


def _generic_object(noun: str, text: str) -> bool:
    """Whether the object's noun leaves what the thing is to the brand's line of business: a generic word, or a
    capitalised word (a name, or a compound of a known kind such as «Elevmaskinene»), except the text's first word when
    it ends in no noun of a kind («Båtmotoren», «Plenklippingen»: the subject says what it is)."""
    first = text.lstrip()[:len(noun)] == noun
    return bool(_GENERIC_OBJECT.match(noun)) or (bool(re.fullmatch(r"[A-ZÆØÅ]\w*", noun))
                                                 and not (first and noun_kind(noun) is None))


def names_unknown_object(bought: PurchaseObject | None, text: str) -> bool:
    """Whether the text names what it buys with a noun of its own that says what the thing is («tolkesystem»,
    «røykdykkerapparater»): a maker's line of business then is no reading of it (Bosch also makes dishwashers)."""
    return bought is not None and bought.is_certain and bool(bought.noun) and not _generic_object(bought.noun, text)


def purchase_type_for(text: str, types: list[PurchaseType], hint: str = "", categories: list[str] | None = None,
                      bought: PurchaseObject | None = None, guess: bool = True) -> PurchaseType | None:
    """The purchase type for the requirement (see choose_purchase_type); None when no type fits or two fit equally."""
    return choose_purchase_type(text, types, hint, categories, bought, guess)[0]


def head_start(ptype: PurchaseType, word: str) -> int:
    """Where in a (compound) word the type's words begin, latest first: the last part of a compound is what the thing
    is («Applikasjonsserveren» is a server, «skumbandasje» a dressing); -1 when the type's words are not in it."""
    word = word.split()[-1] if word.split() else word
    for start in range(max(0, len(word) - 3), -1, -1):
        if ptype.match.match(word, start):  # from `start` on, with \b and look-behinds still seeing the whole word
            return start
    return -1


# The subject of the first sentence, before its modal («Fjernvarmesentralen skal ha pumper»).
_SENTENCE_SUBJECT = re.compile(r"\s*([^,;:.]+?)\s+(?:skal|må|bør|vil)\b", re.IGNORECASE)


# The verbs of buying goods that name the object after them.
_ACQUIRING_CUE = re.compile(r"«(?:kjøpe|anskaffe|fornye|bestille|leie|lease)[rs]?»", re.IGNORECASE)


def _own_types(text: str, types: list[PurchaseType], bought: PurchaseObject, hint: str, line: str,
               ) -> list[PurchaseType] | None:
    """The types that are what the text buys (`bought`): its head noun's, else its phrase's, else the named line's;
    [] when none is and the reading leaves the whole text to decide; None when the text names what it buys, no type is
    that thing and no type may be chosen."""
    head = [ptype for ptype in types if ptype.hits(bought.noun)]
    at = text.find(bought.noun)
    wider = [ptype for ptype in types if at > 0 and any(m.start() < at < m.end() for m in ptype.hits(text))]
    if wider:  # a type whose words take in what stands before the noun («3D-skrivere» read as «D-skrivere») names it whole
        head = wider
    if len(head) > 1:  # the last part of a compound names the thing: «Applikasjonsserveren» is no application
        latest = max(head_start(ptype, bought.noun) for ptype in head)
        head = [ptype for ptype in head if head_start(ptype, bought.noun) == latest]
    own = head or [ptype for ptype in types if bought.phrase and ptype.hits(bought.phrase)]
    if line and _GENERAL_NOUN.search(bought.noun):
        # «Hiace-biler»: the general noun says it is a vehicle, the named line which kind
        own = [ptype for ptype in types if ptype.hits(line)] or own
    # an object named after a verb of buying («skal kjøpe 12 postkasser») is what is bought, known type or not
    acquired = bought.is_certain or bool(_ACQUIRING_CUE.search(bought.cue))
    if not own and not acquired:
        own = [ptype for ptype in types if bought.kind in ptype.kinds and ptype.hits(text)]
    if not own and acquired and bought.noun and not _generic_object(bought.noun, text) \
            and not (hint and any(ptype.hits(hint) for ptype in types)) and not line:
        # the text names what it buys and no type is that thing: the installation it is part of may be
        # («Fjernvarmesentralen skal ha pumper»), but a type found only through an incidental word (a material,
        # an attribute, a place: «membran» in a jacket, «tape» on a sign) would describe another product, so
        # none is chosen and the draft builds on the text's own object and asks for the rest
        subject = _SENTENCE_SUBJECT.match(text)
        own = [ptype for ptype in types if subject and ptype.hits(subject.group(1))]
        if not own:
            return None
    return own


def choose_purchase_type(text: str, types: list[PurchaseType], hint: str = "", categories: list[str] | None = None,
                         bought: PurchaseObject | None = None, guess: bool = True, line: str = "",
                         ) -> tuple[PurchaseType | None, list[PurchaseType]]:
    """(the purchase type, the types that tied with it) for the requirement: only types that can be bought as what
    the text buys (`bought`: goods, a service or works), and among them the one whose words are the head of the
    object's own noun, else occur in its phrase, else most often in the requirement; `hint` (a neutral product noun)
    breaks ties, then the words of the place or use (`context`), and the brand lexicon's product `categories` decide
    when no word of any type occurs and the object's noun does not say what it is (only with `guess`: when the caller
    could read no object at all, «Vi trenger en Husqvarna» names a maker, not a thing, and the draft asks instead).

    When two types are found on the very same words and nothing else tells them apart («kamera» is surveillance or
    night supervision, «belysning» a road or a room), no type is chosen: a wrong template describes another product,
    so the draft asks instead, and the tied types are returned for the question.

    `line` is the kind of thing a named model line is («varebil» for «Proace»): it says what the thing is more exactly
    than a general word of the text («Proace-biler»), so it outweighs one."""
    if bought is not None:
        if bought.is_certain:  # an assumed reading (from the verb only) prefers, but does not exclude
            types = [ptype for ptype in types if bought.kind in ptype.kinds]
        # the thing itself decides («skuremaskiner ... i idrettshallen» is a machine, not hall lighting), its head
        # noun before its complement («rehabilitering av taket» is building work, not a roof product)
        types = [ptype for ptype in types if not (ptype.unless and ptype.unless.search(text))]
        own = _own_types(text, types, bought, hint, line)
        if own is None:
            return None, []
        types = own or types
    preferred = {CATEGORY_TYPES.get(category) for category in categories or []}
    ranked_types = []
    for ptype in types:
        found = ptype.hits(text)
        # a word in a complement («piggdekk til tjenestebilene», «lader for elbilene») says what the thing is for, not
        # what it is: it counts half
        # a word after «plass til» or «dekke» and a count («plass til 2 rullestoler») is what the thing holds or
        # serves, not what it is: it does not count
        found = [m for m in found if not _HOLDS.search(text[max(0, m.start() - 40):m.start()])]
        score = sum(1 if _COMPLEMENT.search(text[max(0, m.start() - 30):m.start()]) else 2 for m in found) \
            + (len(ptype.hits(hint)) if hint else 0) + (3 * len(ptype.hits(line)) if line else 0)
        if not score:
            continue
        spans = frozenset((m.start(), m.end()) for m in found)
        # the place counts beside the type's own words, not twice: «gymsalen» names a hall, it adds no support
        support = sum(1 for m in ptype.context.finditer(text) if not any(s < m.end() and m.start() < e for s, e in spans)
                      ) if ptype.context is not None else 0
        first = found[0] if found else None
        # on a tie the place or use decides («kamera over hver seng» watches a resident), then the named brand's line
        # of business («Kameraene skal være Axis ...» is surveillance, not a fall sensor), then the type named first:
        # a requirement names what it is about before what it must work with
        rank = (score, support, ptype.id in preferred, -(first.start() if first else len(text)))
        ranked_types.append((rank, spans, ptype))
    ranked_types.sort(key=lambda item: item[0], reverse=True)
    if ranked_types:
        rank, spans, best = ranked_types[0]
        tied = [ptype for other_rank, other_spans, ptype in ranked_types[1:] if other_rank == rank and other_spans == spans]
        if tied:
            return None, [best, *tied]
        return best, []
    named = bought is not None and bought.is_certain and bought.noun and not _generic_object(bought.noun, text)
    # a noun that says what the thing is («servere») is not overruled by the brand's line of business (IT -> PC)
    if guess and not named and (bought is None or not bought.is_certain or bought.kind == "goods"):
        by_id = {ptype.id: ptype for ptype in types}
        for category in categories or []:
            guess = by_id.get(CATEGORY_TYPES.get(category, ""))
            # the line of business is a guess: it never makes a service («Plenklippingen skal gjøres med …
            # Husqvarna») into the goods of the maker's best-known type (a wheel loader)
            if guess is not None and (bought is None or bought.kind != "services" or "services" in guess.kinds):
                return guess, []
    return None, []


_COUNT = re.compile(rf"(?<![\w,.])(\d{{1,3}}(?:[  ]\d{{3}})+|\d+|(?i:{NUMBER_WORDS}))\s+(?:stk\.?\s+)?(?:nye\s+)?"
                    r"([^\W\d_][\w\-]*)(?:\s+([^\W\d_][\w\-]*))?")
# What a count measures when it is not a number of things to deliver: the capacity of each one («10 GN-innskyv»).
_CAPACITY = re.compile(r"(?:GN-)?innskyv\w*|porsjon\w*|kuvert\w*|sitteplass\w*|liggeplass\w*", re.IGNORECASE)


# A plural adjective that cannot be what is counted («elektroniske», «bærbare», «nye»).
_PLURAL_ADJECTIVE = re.compile(r"[a-zæøå]+(?:iske|ige|elle|ære|ene|bare|lige|ede|te)", re.IGNORECASE)
# Passengers or seats counted: a capacity of the vehicle («seks sittende passasjerer», «åtte passasjerplasser»).
_SEATED = re.compile(r"passasjer\w*", re.IGNORECASE)


# Parts or properties of each product counted («16 kanaler», «4 USB-porter», «50 seter», «8 kjerner», «7 gir»): what the
# product has, never a quantity to deliver.
_FEATURE = re.compile(r"(?:\w+-)?(?:kanal(?:er|ene)|port(?:er|ene)|innganger|utganger|kontakter|seter|setene|"
                      r"kjerner|gir|program(?:mer|mene)?|vaskeprogram\w*|hastigheter|trinn|soner|knapper|spor|skuffer|"
                      r"hyller|plater|kokesoner|brennere|vifter|linjer|dører|lag|doser|dosekamre|hjul|lommer|kasser|kurver|sjakter)",
                      re.IGNORECASE)
def counts_a_feature(text: str) -> bool:
    """Whether `text` counts parts of the product («minst 16 kanaler», «med 4 USB-porter»): today's product, even bounded."""
    return any(_FEATURE.fullmatch(m.group(2)) for m in _COUNT.finditer(text))


# A verb of buying before the count: «kjøpe 4 hyller» buys them.
_BUY_BEFORE = re.compile(r"(?:kjøpe\w*|levere\w*|leveres|anskaff\w*|bestill\w*|omfatte|inkludere)\s+(?:\w+\s+)?$",
                         re.IGNORECASE)


# Places are never delivered: «12 avdelinger», «fire skoler» are where the delivery goes.
_PLACES = re.compile(r"(?:avdeling\w*|\w*skoler|barnehager|sykehjem|institusjoner|leveringssteder|leveringsadresser|"
                     r"\w*klinikk(?:er|ene)|filialer|filialene|kaier|kaiene|\w*depot(?:er|ene)|brannstasjoner|legekontor(?:er|ene)?|"
                     r"kjøkken|bofellesskap|omsorgsboliger|lokasjoner|enheter\s+i\s+kommunen)$", re.IGNORECASE)
# People are never delivered: «40 saksbehandlere» counts who takes part in or uses what is bought.
PEOPLE = re.compile(r"(?:[a-zæøå]+e\s+)?(?:ansatte|medarbeider\w*|saksbehandler\w*|sykepleier\w*|lærer\w*|elever|deltaker\w*|leder\w*|"
                     r"brukere|beboere|pasienter|barn|personer|renholder\w*|sjåfør\w*|nyansatte|innbyggere|studenter|"
                     r"eldre|hjemmeboende|mottakere|tjenestemottakere|husstander|familier|"
                     # roles of those who wear or use it: «45 parkeringsbetjenter», «30 vaktmestere», «12 operatører»
                     r"[a-zæøå]*betjent(?:er|ene)|[a-zæøå]*vakt(?:er|ene)|[a-zæøå]*mestere|[a-zæøå]*arbeidere|"
                     r"[a-zæøå]*operatører|[a-zæøå]*teknikere|[a-zæøå]*assistenter|[a-zæøå]*inspektører|"
                     r"[a-zæøå]*førere|[a-zæøå]*ansatte)$",
                     re.IGNORECASE)


def _not_delivered(text: str, m: re.Match[str], noun: str) -> str:
    """The requirement for a count that is no quantity to deliver: parts of each product («16 kanaler»), a rate of
    today's device («30 bilder i sekundet») or what the thing must hold or serve («plass til 2 rullestoler», «dekke 4 senger»); '' for a quantity to deliver."""
    if _FEATURE.fullmatch(noun) and not _BUY_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
        # «høreapparater med 16 kanaler», «bussen skal ha 50 seter»: a part of each product, not a quantity to
        # deliver; what the parts are for is the requirement, the count today's way of meeting it
        bound = direction(text, m.start())
        amount = f"{bound} {m.group(1)}" if bound else m.group(1)
        return (f"Løsningen skal ha nok {noun.lower()} til [det de skal gjøre for brukerne – skriv hva brukerne skal kunne "
                f"gjøre eller oppnå], og tilbyder skal vise hvordan det oppnås [«{amount} {noun}» er en egenskap ved "
                "produktet, ikke noe som skal leveres: behold tallet bare om behovet krever det], dokumentert med datablad "
                "og verifisert ved utprøving.")
    if any(p.start("count") == m.start() for p in part_counts(text)):
        # «Dispenseren skal ha 28 doseringskammer»: an exact count of the parts of each product, no function stated;
        # the capacity or performance they give is the requirement, the count today's way of giving it
        return (f"Løsningen skal ha den kapasiteten eller ytelsen som dagens {m.group(1)} {noun} gir [skriv hva delene skal "
                f"gjøre for brukerne og hvor mye, f.eks. kapasitet, volum, hastighet eller effekt], og tilbyder skal vise hvordan "
                f"det oppnås [«{m.group(1)} {noun}» er en egenskap ved produktet, ikke noe som skal leveres], dokumentert "
                "med datablad og verifisert ved utprøving.")
    rate = _RATE.match(text, m.end(2))
    if rate:
        # how often today's device samples, not things delivered
        what = "Bildefrekvensen" if re.match(r"bild", noun, re.IGNORECASE) else "Frekvensen"
        return (f"{what} skal være høy nok til at [hendelsene som skal oppdages eller det som skal måles] fanges "
                f"opp [dagens «{text[m.start():m.end(2)].strip()}{rate.group(0)}» er ikke et krav i seg selv], verifisert ved "
                "utprøving.")
    throughput = _THROUGHPUT.match(text, m.end(2))
    if throughput and not _BUY_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
        # «kapasitet på 100 prøver i timen»: how much the thing handles, not things delivered
        bound = direction(text, m.start()) or "minst"
        return (f"Løsningen skal ha kapasitet til {bound} {m.group(1)} {noun} {throughput.group(0).strip()} [juster etter "
                f"behovet; {noun} leveres ikke], dokumentert med produsentens data og demonstrasjon.")
    served = _SERVED_COUNT.search(text[max(0, m.start() - 40):m.start()])
    if served and not PEOPLE.match(noun) and not _PLACES.match(noun):
        # «ladeinfrastruktur for depotlading av 30 busser», «lader til 12 elbiler»: what the delivery serves, which
        # is not itself delivered
        served_noun = noun.split()[-1]  # «elektriske busser»: what they run on is the buyer's fleet, not a choice here
        return (f"Løsningen skal dekke {m.group(1)} {served_noun} [juster etter behovet; {served_noun} leveres ikke], "
                "verifisert ved beregning og utprøving.")
    room_for = _ROOM_FOR.search(text[max(0, m.start() - 40):m.start()])
    if room_for:
        verb = "ha plass til" if room_for.group(1).lower().startswith(("plass", "rom")) else "dekke"
        bound = direction(text, m.start())
        return (f"Løsningen skal {verb} {bound + ' ' if bound else ''}{m.group(1)} {noun} [juster etter behovet; "
                f"{noun} leveres ikke], verifisert ved befaring eller utprøving.")
    return ""


def _counted_noun(text: str, m: re.Match[str], taken: list[tuple[int, int]]) -> str | None:
    """What a count counts: the noun after the number, past a dictated material or a maker's name, with a plural
    adjective before it; None when nothing is counted."""
    noun, at = m.group(2), m.start(2)
    if any(s <= at < e for s, e in taken) and m.group(3) and not any(s <= m.start(3) < e for s, e in taken):
        noun, at = m.group(3), m.start(3)  # «120 monokrystallinske paneler»: the dictated material is left out
    if re.fullmatch(r"[A-ZÆØÅ][a-zæøå]+", noun):
        # «48 Continental VikingContact 8 vinterdekk»: a name between the count and what it counts is left out;
        # without a lower-case noun after it, nothing is counted (a maker's name is never the thing delivered)
        after = _AFTER_NAME.match(text, at)
        if after is None:
            return None
        noun, at = after.group(1), after.start(1)
    if any(s <= at < e for s, e in taken) or not re.search(r"[^\W\d_]{3,}", noun) or noun.lower() in _NOT_COUNTED:
        return None
    if noun == m.group(2) and noun.endswith("e") and m.group(3) and m.group(3).lower() not in _NOT_COUNTED \
            and re.search(r"[a-zæøå]", m.group(3)) \
            and not any(s <= m.start(3) < e for s, e in taken):
        noun = f"{noun} {m.group(3)}"  # «200 bærbare PC-er»: the plural adjective says what kind; the noun after it is what is counted
    elif noun == m.group(2) and _PLURAL_ADJECTIVE.fullmatch(noun) and m.group(3) and re.fullmatch(r"[a-zæøå][\w\-]+", m.group(3)):
        # «60 elektroniske medisindispensere»: an adjective alone counts nothing; the generic noun after it (even
        # one the analysis names) is what is bought
        noun = f"{noun} {m.group(3)}"
    elif noun == m.group(2) and _PLURAL_ADJECTIVE.fullmatch(noun) and m.group(3):
        # «80 elektroniske Evondos-dispensere», «80 elektroniske Evondos medisindispensere»: the maker's name goes, the
        # noun after it is what is counted; an adjective is never left to count alone
        compound = re.fullmatch(r"[A-ZÆØÅ][\w]*-([a-zæøå][\w\-]{2,})", m.group(3))
        after = _AFTER_NAME.match(text, m.start(3)) if compound is None else None
        if compound or after:
            noun = f"{noun} {compound.group(1) if compound else after.group(1)}"
        else:
            return None
    return noun


# The letters of a standard right before a number («ISO 20471», «NS-EN 1177», «IEC 60601-1»).
_STANDARD_PREFIX = re.compile(r"(?<![\w])(?:ISO|EN|NS|IEC|DIN|ASTM|NEK|UL|CEN/TS)(?:[\s-]+(?:ISO|EN|IEC|TS))*[\s-]*$")


def count_requirements(text: str, spans: list[tuple[int, int]] | None = None) -> list[str]:
    """«60 skjermer»: the quantity to deliver, kept as the buyer's estimate, checked at delivery; «40 saksbehandlere»:
    the people it must cover, checked against the list of participants or users."""
    out = []
    taken = [(m.start(), m.end()) for m in _VALUE.finditer(text)] + list(spans or [])
    for m in _COUNT.finditer(text):
        if any(s <= m.start() < e for s, e in taken) or (not m.group(1)[0].isdigit() and _ENGLISH.search(text)):
            continue  # «connect to Visma»: an English «to» is no count
        if _STANDARD_PREFIX.search(text[max(0, m.start() - 12):m.start()]):
            continue  # «NS-EN ISO 20471 klasse 2»: the number of a standard counts nothing
        if _NAMES_OR_EXACT.search(text[max(0, m.start() - 12):m.start()]):
            # «Fase 2 skal», «vedlegg 3 viser»: a number that names, not a count; «lagre nøyaktig 30 målinger»: an
            # exact figure of the product, carried as a least value
            continue
        noun = _counted_noun(text, m, taken)
        if noun is None:
            continue
        if _SEATED.search(noun):
            # «åtte sittende passasjerer»: the room each vehicle has, not things delivered
            out.append(f"Kjøretøyet skal ha plass til minst {m.group(1)} {noun} [juster etter behovet], dokumentert med "
                       "typegodkjenning.")
            continue
        if _PACK.search(text[max(0, m.start() - 30):m.start()]):
            # «esker à 200 stk»: how the goods are packed, not how many are delivered
            out.append(f"Produktene skal leveres i pakninger som passer [dispensere, lager og forbruk]; «{m.group(0).strip()}» "
                       "per pakning er dagens pakning og ikke et krav i seg selv, dokumentert med produktark.")
            continue
        role = role_requirement(text, m.start(), m.group(1), noun)  # a unit, the scope or staff to train: never delivered
        if role is not None:
            out.extend(filter(None, [role]))
            continue
        not_delivered = _not_delivered(text, m, noun)
        if not_delivered:
            out.append(not_delivered)
            continue
        per_room = _PER_ROOM.match(text, m.end())
        if per_room and _FITTING.search(noun):
            # «seks armaturer i hvert klasserom»: how today's solution is built, not a quantity to deliver; the
            # supplier sizes the number to the performance the requirements ask for
            out.append(f"Antallet {noun} {per_room.group(1).strip()} skal dimensjoneres av leverandøren etter ytelseskravene "
                       f"[«{m.group(1)} {noun}» er dagens løsning og ikke et krav i seg selv], dokumentert med beregning.")
            continue
        if _CAPACITY.fullmatch(noun):
            out.append(f"Hver enhet skal ha kapasitet til {m.group(1)} {noun} [juster etter behovet], dokumentert med datablad.")
        elif _PLACES.match(noun):
            # «til 12 avdelinger»: where the delivery goes, not things delivered
            out.append(f"Leveransen skal dekke {m.group(1)} {noun} [juster etter behovet og legg ved leveringsadressene], "
                       "kontrollert mot leveringsplan.")
        elif PEOPLE.match(noun) and TRAINED_BEFORE.search(text[max(0, m.start() - 40):m.start()]):
            # «opplæring av 40 ansatte»: the people to train, a training requirement, not people delivered
            out.append(trainees_requirement(text, m.start(), m.group(1), noun))
        elif PEOPLE.match(noun):
            out.append(f"Leveransen skal dekke {m.group(1)} {noun} [juster antallet etter behovet], kontrollert mot "
                       "deltaker- eller brukerliste.")
        else:
            bound = direction(text, m.start())  # «maks 40 sider» is an upper limit, not a quantity to deliver
            amount = f"{bound} {m.group(1)}" if bound else m.group(1)
            out.append(f"Leveransen skal omfatte {amount} {noun} [juster antallet etter behovet], kontrollert ved "
                       "levering.")
    return out


# A rate after a count («30 bilder i sekundet», «20 målinger per minutt»): a sampling rate, not things delivered.
_RATE = re.compile(r"\s+(?:i|per|pr\.?)\s+(?:sekund\w*|minutt\w*)", re.IGNORECASE)
# A count per hour or day («100 prøver i timen», «500 utlån per dag»): a capacity, not things delivered.
_THROUGHPUT = re.compile(r"\s+(?:i|per|pr\.?)\s+(?:time|timen|døgn|døgnet|dag|dagen|uke|uka|måned|måneden)\b", re.IGNORECASE)
# A count the delivery serves, in a complement after a noun of serving: «(lade)infrastruktur til 30 busser», «lading
# av 30 elbiler», «lader for 12 biler»; «opp til 30» is a bound.
_SERVED_COUNT = re.compile(r"(?:\w*lading|\w*ladning|\w*infrastruktur\w*|lader(?:e|ne)?|ladepunkt\w*|"
                           r"ladestasjon\w*|parkering\w*|garasje\w*|oppstilling\w*)\s+(?:av|for|til)\s+"
                           r"(?:minst\s+|inntil\s+|opptil\s+|ca\.?\s+)?$", re.IGNORECASE)
# What a count is room for or served by («plass til 2 rullestoler», «skal dekke 4 senger»): a capacity of the thing.
_ROOM_FOR = re.compile(r"(?<!\w)(plass\s+til|rom\s+for|dekke|overvåke|betjene)\s+(?:(?:minst|høyst|opptil|inntil|"
                       r"maks\w*)\s+)?$", re.IGNORECASE)
# A camera's or sensor's words: a resolution «640 x 480» is then the picture, not a screen.
_CAMERA = re.compile(r"kamera\w*|oppløsning\w*|piksler|video\w*|sensor\w*|overvåk\w*", re.IGNORECASE)


# Capitalised words and numbers (a maker and model) before the lower-case noun that says what is counted.
_AFTER_NAME = re.compile(r"(?:[A-ZÆØÅ][\w\-]*\s+|\d+\w*\s+)+((?:[a-zæøå]+e\s+)?[a-zæøå][\w\-]{2,})")


# A pack size: «esker à 200 stk», «pakninger med 100», «kartong på 50».
_PACK = re.compile(r"(?:\bà|\ba|(?:eske|esker|pakke|pakning|pakninger|kartong|kartonger|pose|poser|rull|ruller|"
                   r"dispenseresker?)\w*\s+(?:med|på|à|a|of))\s*$", re.IGNORECASE)
# A count per room or unit of the building («… i hvert klasserom», «per kontor»): a design of today's solution.
_PER_ROOM = re.compile(r"[^,.;]{0,40}?\s((?:i\s+hvert|i\s+hver|i\s+alle|per|pr\.?)\s+(?:\w*rom\w*|kontor\w*|"
                       r"etasje\w*|klasse\w*|sal\w*|korridor\w*))", re.IGNORECASE)
# Fittings whose number per room follows from the performance asked (light, heat, sound), not from the buyer's count.
_FITTING = re.compile(r"armatur|lampe|lyskild|downlight|spotter|lysrør|lyspunkt|radiator|panelovn|høyttaler|ventil|"
                      r"sprinkler|detektor", re.IGNORECASE)
# Words a number names rather than counts after: «fase 2», «del 3», «vedlegg 4», «punkt 5».
_NUMBERED = re.compile(r"(?<!\w)(?:fase|del|trinn|byggetrinn|etappe|nr\.?|nummer|punkt|kapittel|vedlegg|bilag|avsnitt|"
                       r"versjon|kl\.?|klokka|uke|rom|bygg|hus|blokk|etasje|klasse|kategori|nivå|phase|part|step|annex|section|version)\s*$",
                       re.IGNORECASE)
# A number that names, or an exact figure of the product («nøyaktig 30 målinger»): no quantity to deliver.
_NAMES_OR_EXACT = re.compile(rf"{_NUMBERED.pattern}|(?<!\w)(?:nøyaktig|eksakt)\s+$", re.IGNORECASE)
_ENGLISH = re.compile(r"(?<!\w)(?:the|shall|must|should|will)(?!\w)", re.IGNORECASE)
# Words after a number word that are not things counted («to ganger», «tre år», «ti prosent»).
_NOT_COUNTED = frozenset({"ganger", "gang", "år", "års", "årig", "årige", "måneder", "uker", "dager", "timer", "minutter", "prosent", "av", "og",
                          "sekunder", "sekund", "sek", "min", "døgn",
                          "skal", "må", "bør", "kan", "vil", "er", "var", "har", "blir", "ble", "der", "når",
                          # kinds of the thing, not things delivered: «bleier i tre størrelser»
                          "størrelser", "varianter", "farger", "typer", "nivåer", "modeller", "utgaver",
                          "eller", "til", "i", "på", "som", "med", "fra", "for", "ved", "per"})


# unit (as written) -> the function the value usually stands for, and how that function is verified
_VALUE_FUNCTIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    # a length per time is how fast something moves, not how big it is; a volume per time is a flow, not a size
    (re.compile(r"(?:mm|cm|km|\bm)\s*/\s*\w+$", re.I),
     "Bevegelsen skal være rask nok for bruken [beskriv, f.eks. hvor raskt en bruker skal kunne skifte mellom sittende "
     "og stående arbeid] og samtidig trygg og stillegående [dagens {value} er et anslag, ikke et krav i seg selv], "
     "dokumentert med datablad og prøvd ved utprøving."),
    (re.compile(r"(?:l|liter|m³|m3)\s*/\s*\w+$", re.I),
     "Kapasiteten skal dekke behovet i den perioden det er størst [beskriv bruken]; dagens anslag er minst {value}, "
     "dokumentert med datablad og kontrollert ved måling etter installasjon."),
    (re.compile(r"^(?:minst |høyst )?pH"),
     "Produktet skal virke som tiltenkt uten å skade overflatene, utstyret eller brukerne det kommer i kontakt med "
     "[beskriv dem]; dagens anslag er {value}, dokumentert med sikkerhetsdatablad."),
    (re.compile(r"R\s?-?\d{2,4}[A-Za-z]{0,2}$"),
     "Kuldemediet skal ha lav klimapåvirkning; kravet «{value}» erstattes av et høyeste globalt oppvarmingspotensial "
     "(GWP) på [verdi], dokumentert med datablad."),
    # a U-value is the heat the part lets through: the performance itself, kept as the buyer's limit
    (re.compile(r"W/m[²2]K$", re.I),
     "Bygningsdelen skal ha en U-verdi på høyst {value} [bekreft verdien mot energikravet for bygget], dokumentert med "
     "U-verdiberegning eller testrapport etter anerkjent standard eller tilsvarende."),
    # frames per second are how today's camera or sensor samples, not things delivered: what it must catch is required
    (re.compile(r"fps$", re.I),
     "Bildefrekvensen skal være høy nok til at [hendelsene som skal oppdages, f.eks. fall eller bevegelser] fanges opp "
     "[dagens {value} er ikke et krav i seg selv], verifisert ved utprøving."),
    (re.compile(r"lm/W$", re.I),
     "Belysningen skal gi det lyset brukerne trenger med lavest mulig energibruk; dagens anslag for lysutbyttet er "
     "{value}, dokumentert med datablad og lysberegning."),
    (re.compile(r"k?Wh$", re.I),
     "Batteriet skal gi den rekkevidden eller driftstiden bruken krever mellom hver lading [km eller timer] ved [laveste "
     "dimensjonerende temperatur] [batteriet i dag, {value}, er ikke et krav i seg selv], dokumentert med produsentens "
     "data og en prøve ved levering."),
    (re.compile(r"kW$|kVA$|kWp$|Wp$", re.I),
     "Anlegget skal levere den effekten behovet krever ved [dimensjonerende forhold]; dagens anslag er {value} og "
     "skal bekreftes med en beregning av [varmebehov eller last], som tilbyder dokumenterer."),
    # a wattage is what the product draws, not what it does: the performance is required, the watts never as «minst»
    (re.compile(r"W$", re.I),
     "Utstyret skal gi den ytelsen oppgaven krever [beskriv ytelsen] med lavest mulig energibruk [«{value}» er dagens "
     "produkt og ikke et krav i seg selv], og tilbyder skal dokumentere ytelse og energibruk med datablad eller test."),
    (re.compile(r"tommer$|tommers$|\"$|''$|″$|inch(?:es)?$|^\d{3,4}\s*[x×]\s*\d{3,4}$", re.I),
     "Skjermen skal gi en lesbar arbeidsflate for oppgavene brukerne gjør [størrelsen i dag, {value}, er et utgangspunkt, "
     "ikke et krav i seg selv], og det skal verifiseres ved utprøving med brukere."),
    (re.compile(r"GB$|TB$|MB$|kjerner$", re.I),
     "Utstyret skal ha kapasitet til programmene, dataene og brukerne i [vedlegg] [spesifikasjonen i dag, {value}, er "
     "ikke et krav i seg selv; beskriv hva utstyret skal gjøre], verifisert med en ytelsestest av et bruksscenario."),
    (re.compile(r"\d\s*U$"),  # rack units: a constraint of the room, not a function
     "Utstyret skal få plass i rommet eller racket det skal stå i [ledig plass i dag; {value} er bare et krav hvis "
     "plassen er begrenset], kontrollert ved befaring."),
    # a colour temperature is what the light is for, not how much of it there is: colour rendering, glare, and light's
    # effect on people, animals and the night sky; «K» is case-sensitive: «306 hk» is no light
    (re.compile(r"\d\s*K$"),
     "Lysfargen skal passe det lyset skal oppnå [f.eks. fargegjengivelse for brukerne og minst mulig påvirkning på "
     "naboer, dyreliv og nattehimmel; dagens {value} er ikke et krav i seg selv], dokumentert med datablad og vurdert "
     "ved en prøvemontering."),
    (re.compile(r"(?i:lux|lm|lumen)$"),
     "Belysningen skal gi lysnivået og lyskvaliteten flaten og brukerne trenger; dagens anslag er {value}, "
     "dokumentert med lysberegning."),
    (re.compile(r"\d\s*V$|Hz$"),
     "Utstyret skal kunne kobles til det elektriske anlegget på stedet; dagens anslag er {value}, kontrollert mot "
     "[beskrivelse av anlegget] ved befaring."),
    # engine power is the product's, not the task's: what it must pull, lift, reach and carry is required instead
    (re.compile(r"hk$|Nm$", re.I),
     "Maskinen eller kjøretøyet skal klare oppgaven [beskriv last, stigning, underlag og rekkevidde] med tilstrekkelig "
     "trekkraft og fremkommelighet [«{value}» er dagens produkt og ikke et krav i seg selv], vist med datablad og "
     "utprøving."),
    (re.compile(r"bar$|dB$", re.I),
     "Ytelsen skal dekke oppgaven; dagens anslag er {value}, og tilbyder skal vise med datablad eller test at "
     "behovet dekkes."),
    (re.compile(r"kg$|tonn$|\d\s*g$", re.I),
     "Vekten skal passe bruken (løft, transport, underlag); dagens anslag er {value} som høyeste verdi, "
     "dokumentert med datablad."),
    (re.compile(r"liter$|l$|m³$|m3$", re.I),
     "Kapasiteten skal dekke behovet per [tidsrom eller oppdrag]; dagens anslag er {value} som minste verdi, "
     "dokumentert med beregning."),
    # a span of lengths («setehøyde 47–63 cm», «mansjett 22–42 cm») is a range to cover, not a size to fit
    (re.compile(r"^\d+(?:[.,]\d+)?\s*[-–]\s*\d+(?:[.,]\d+)?\s*(?:mm|cm)$", re.I),
     "Produktet skal dekke hele området {value} [høydene som skal kunne stilles inn eller størrelsene som skal passe; "
     "juster til brukerne], dokumentert med datablad og kontrollert ved utprøving."),
    (re.compile(r"mm$|cm$|m$", re.I),
     "Produktet skal få plass og passe til [rommet eller bruken], med mål på høyst {value} [eller minst, etter "
     "behovet], kontrollert ved befaring."),
    (re.compile(r"seter$|plasser$", re.I),
     "Kjøretøyet eller rommet skal ha plass til brukerne som skal bruke det; dagens anslag er {value}, verifisert "
     "ved befaring."),
)
# What a value measures, by the words naming it just before or after it («liggeflate 90 x 200 cm», «40 mm … fallunderlag»,
# «alarm på 80 dB»): the same unit stands for opposite needs («alarm» must be heard, «støy» must be low), so the
# named quantity decides the function and the direction before the unit does. {bound} is the buyer's own
# direction when given, else the one the function needs.
_LENGTH = re.compile(r"(?:mm|cm|m)$", re.I)
_MEASURED: tuple[tuple[re.Pattern[str], re.Pattern[str], str, str], ...] = (
    (re.compile(r"liggeflate\w*|madrass\w*|sengebunn\w*|liggeareal\w*", re.I), _LENGTH, "minst",
     "Liggeflaten skal gi plass til brukerne, også de største, med {bound} {value} [juster etter brukergruppen], "
     "dokumentert med datablad."),
    (re.compile(r"(?:laveste|lavest|minste|nedre)\s+(?:høyde\w*|posisjon\w*|stilling\w*)|innstigningshøyde\w*|"
                r"lavtliggende", re.I), _LENGTH, "høyst",
     "Produktet skal kunne senkes til {bound} {value} over gulv, slik at fall og skader ved fall forebygges og "
     "brukeren kan komme seg inn og ut selv, dokumentert med datablad."),
    (re.compile(r"(?:høyeste|høgste|maksimal\w*|øvre)\s+(?:høyde\w*|arbeidshøyde\w*|stilling\w*)|arbeidshøyde\w*",
                re.I), _LENGTH, "minst",
     "Produktet skal kunne heves til {bound} {value}, slik at personalet kan arbeide uten å bøye seg, dokumentert "
     "med datablad."),
    (re.compile(r"fallunderlag\w*|støtdempende\s+underlag\w*|fallsone\w*|gummiasfalt\w*", re.I), _LENGTH, "",
     "Underlaget skal dempe fall fra den høyeste fallhøyden til utstyret det ligger under [høyde], dokumentert med "
     "testrapport for støtdemping ved den høyden; dagens anslag for tykkelsen er {value}."),
    (re.compile(r"brukervekt\w*|løftekapasitet\w*|maks\w*\s+last\w*|belastning\w*|bæreevne\w*|"
                r"sikker\s+arbeidslast\w*|tåle\w*", re.I), re.compile(r"(?:kg|tonn)$", re.I), "minst",
     "Produktet skal bære brukeren og lasten trygt, med {bound} {value} [juster etter den tyngste brukeren eller "
     "lasten], dokumentert med datablad eller test."),
    (re.compile(r"alarm\w*|varsel\w*|signal\w*|ringe\w*|summer\w*", re.I), re.compile(r"dB$", re.I), "minst",
     "Varselet skal høres av brukeren der hun eller han oppholder seg, også med nedsatt hørsel; dagens anslag er "
     "{bound} {value}, verifisert ved utprøving hos brukeren."),
    (re.compile(r"støy\w*|lydnivå\w*|lydtrykk\w*|lydeffekt\w*|\bstøynivå\w*", re.I), re.compile(r"dB$", re.I), "høyst",
     "Støyen skal være {bound} {value} [målt der brukerne eller naboene er], slik at de ikke forstyrres, dokumentert "
     "med måling eller datablad etter anerkjent metode."),
    # an insulation's thickness is today's product: the thermal performance of the building part is required
    (re.compile(r"isolasjon\w*|\w+isolasjon\w*|isolert|isoleres|mineralull\w*|steinull\w*|glassull\w*|trefiberisol\w*", re.I),
     _LENGTH, "",
     "Bygningsdelen skal ha en U-verdi på høyst [W/m²K] [tykkelsen «{value}» er dagens løsning og ikke et krav i seg selv; "
     "isolasjon med lavere lambdaverdi kan gi samme U-verdi med mindre tykkelse], dokumentert med U-verdiberegning for hele "
     "konstruksjonen og ytelseserklæring for isolasjonen."),
    # a desk top's size is the working area it gives, a lower bound for the work, not an upper bound for the room
    (re.compile(r"bordplat\w*|arbeidsflat\w*|pultplat\w*", re.I), _LENGTH, "minst",
     "Arbeidsflaten skal gi plass til oppgavene [f.eks. PC, skjermer og dokumenter], med {bound} {value} [juster etter "
     "oppgavene og rommet], verifisert ved utprøving og kontrollert mot datablad."),
    (re.compile(r"sittehøyde\w*|setehøyde\w*", re.I), _LENGTH, "",
     "Sittehøyden skal kunne tilpasses brukerne [innstillingsområde]; dagens anslag er {value}, dokumentert med "
     "datablad og prøvd av brukere."),
    (re.compile(r"dør\w*|døråpning\w*|åpning\w*|passasje\w*|heis\w*", re.I), _LENGTH, "høyst",
     "Produktet skal kunne fraktes og brukes gjennom [dører, heis og rom] der det skal stå, med mål på {bound} {value} "
     "[juster etter stedet], kontrollert ved befaring."),
)


def _measure(text: str, start: int, end: int, value: str) -> tuple[str, str] | None:
    """(the direction the function needs, the requirement template) for what the value at start:end measures, when
    the words next to it name that (see _MEASURED); None otherwise."""
    # the words since the previous value or clause, and up to the next one
    before = re.split(r"[,;:!?]|\.(?!\d)|\d", text[max(0, start - 45):start])[-1]
    after = re.split(r"[,;:!?]|\.(?!\d)|\d|\bog\b", text[end:end + 30])[0]
    for window in (before, after):
        for pattern, unit, needed, template in _MEASURED:
            if unit.search(value) and pattern.search(window):
                return needed, template
    return None


def _measured(text: str, start: int, end: int, value: str, bound: str) -> str:
    """The requirement for what the value at start:end measures, in the buyer's direction or the one the function
    needs; '' when the words next to it do not say what it measures."""
    found = _measure(text, start, end, value)
    if found is None:
        return ""
    needed, template = found
    return template.format(bound=bound or needed, value=value).replace("  ", " ").replace(" , ", ", ")


def measured_direction(text: str, start: int, end: int) -> str | None:
    """For a technical value inside text[start:end] whose function the words next to it name («liggeflate 90 x 200
    cm»): the direction that function needs («minst», «høyst», or '' when neither fits); None when no value there
    has a named function (the draft then asks what the value is for)."""
    for m in _VALUE.finditer(text):
        if m.start() < end and m.end() > start:
            found = _measure(text, m.start(), m.end(), m.group(0).strip())
            if found is not None:
                return found[0]
    return None


# A unit per time («38 mm/s», «120 l/min», «300 m³/h», «25 km/t»): a speed or a flow, never a size or a volume.
RATE = r"(?:mm|cm|m|km|l|liter|m³|m3)\s*/\s*(?:s|sek|sekund|min|minutt|t|h|time|døgn)(?![\w])"
_VALUE = re.compile(
    # «10 × 10 og 15 × 15 cm», «4 × 1,92 TB», «2 × 16 kjerner»: dimensions in a list share the unit after the last one
    rf"(?<![\w,.\-])\d+(?:[.,]\d+)?(?:\s*[-–]\s*\d+(?:[.,]\d+)?)?\s*{RATE}"
    r"|(?<![\w,.\-])(?:pH\s*\d+(?:[.,]\d+)?(?:\s*[-–]\s*\d+(?:[.,]\d+)?)?|\d+(?:[.,]\d+)?\s*(?:x|×)\s*\d+(?:[.,]\d+)?"
    r"(?:\s*(?:,|og|eller)\s*\d+(?:[.,]\d+)?\s*(?:x|×)\s*\d+(?:[.,]\d+)?)*(?:\s*(?:mm|cm|meter|m|GB|TB|kjerner))?"
    r"|\d{1,3}(?:[  ]\d{3})+(?:\s*(?:liter|l|kg|kW|W))?"
    r"|\d+(?:[.,]\d+)?\s*[-–]\s*\d+(?:[.,]\d+)?\s*(?:mm|cm)(?![\w])"  # a span of lengths: «47–63 cm»
    r"|\d+(?:[.,]\d+)?\s*-?\s*(?:kW/\(m[³3]/s\)|kW/m[³3]/s|W/m²K|W/m2K|fps|lm/W|kWp|MWh|MVA|MW|kWh|kVA|kW|Wp|Wh|W|V|Hz|GB|TB|MB|lux|lumen|lm|K|tommer|tommers|\"|''|″|inch(?:es)?|hk|Nm|bar|dB|"
    r"kg|tonn|g|liter|l|m³|m3|mm|cm|meter|m|seter|plasser|kjerner|U))(?![\w]|\s*/\s*[^\W\d_])"
    r"|(?<![\w\-])R\s?-?(?:290|32|410A|134a|744|600a|407C|1234yf|1234ze)(?![\w])",
)


def has_technical_value(text: str) -> bool:
    """Whether `text` has a technical value of a product («900 W», «28 liter», «3 800 lumen», «2560 x 1440»)."""
    return bool(_VALUE.search(text))


# What comes before a count the thing holds or serves («plass til 2 rullestoler», «dekke 3 senger»).
_HOLDS = re.compile(r"(?<!\w)(?:plass\s+til|rom\s+for|dekke|betjene)\s+(?:(?:minst|høyst|opptil|inntil)\s+)?"
                    rf"(?:\d+|{NUMBER_WORDS})\s+$", re.IGNORECASE)


# A resolution in a camera's or sensor's text: what the picture must show, not a screen's working area.
_CAMERA_PICTURE = ("Bildet skal vise det som skal oppdages [f.eks. fall, bevegelse eller personer ved døren] på [avstand og "
                   "lysforhold] [oppløsningen i dag, {value}, er ikke et krav i seg selv], verifisert ved utprøving på stedet.")


_CONTAINER = re.compile(r"(?:tank|beholder|kasse|container|magasin|reservoar|bunker)\w*$", re.IGNORECASE)


# The size of something the buyer has («dagens 60 mm stolper», «eksisterende 76 mm rør»).
# The buyer's own things named before a size («eksisterende beholdere på 240/360 liter», «dagens stolper på»).
_EXISTING_THING = re.compile(r"(?<!\w)(?:dagens|eksisterende|nåværende|våre)\s+([a-zæøå][\w\-]+)\s+(?:på|med|av)\s+"
                             r"(?:\d+(?:[.,]\d+)?\s*(?:/|og|eller|,)\s*)*$", re.IGNORECASE)
_VOLUME_OR_SIZE = re.compile(r"\d\s*(?:liter|l|m³|m3|mm|cm)$", re.IGNORECASE)
_EXISTING_SIZE = re.compile(r"(?<!\w)(?:dagens|eksisterende|nåværende|våre)\s+$", re.IGNORECASE)
_THING_AFTER = re.compile(r"\s+([a-zæøå][\w\-]{2,})")


def existing_fit(text: str, start: int, value: str) -> str:
    """«tømme eksisterende beholdere på 240/360 liter»: the sizes of what the buyer has, which the delivery must work
    with (a lawful compatibility requirement), never a capacity of its own; '' when `value` at `start` is no such size."""
    held = _EXISTING_THING.search(text[max(0, start - 60):start]) if _VOLUME_OR_SIZE.search(value) else None
    if not held:
        return ""
    what = re.sub(r"^(?:dagens|eksisterende|nåværende|våre)\s+", "", (held.group(0) + value).strip(), flags=re.IGNORECASE)
    return (f"Leveransen skal virke sammen med de eksisterende {what} [typer og antall i vedlegg], kontrollert ved "
            "prøving med et utvalg av dem.")


def value_requirements(text: str, spans: list[tuple[int, int]] | None = None,
                       functions: tuple[tuple[re.Pattern[str], str], ...] = ()) -> list[str]:
    """A functional requirement for each function the technical values in `text` stand for (outside the given
    spans), keeping the numbers: «27 tommer» and «2560×1440» both describe the working area, so they share one.
    `functions` (a purchase type's own reading of units) are tried before the general ones."""
    values: dict[str, list[str]] = {}
    for m in _VALUE.finditer(text):
        if spans and any(s <= m.start() < e for s, e in spans):
            continue
        value = m.group(0).strip()
        bound = direction(text, m.start())
        amount = _AMOUNT_OF.match(text, m.end()) if _MASS_OR_VOLUME.search(value) else None
        if amount and amount.group(1).lower() not in _NOT_COUNTED | _NOT_A_THING and not _PARTICIPLE.search(amount.group(1)):
            # «minst 150 g fisk per porsjon»: the amount of that thing, not the weight or capacity of a product
            what = amount.group(0).strip()
            limit = (f"{bound} {value} [bekreft grensen mot behovet]" if bound
                     else f"{value} [angi om dette er minste eller høyeste mengde]")
            if _CONTAINER.search(what):
                # «8000 liter vanntank»: what the container holds, not an amount of food
                values.setdefault(f"amount\x00{value}", []).append(
                    f"{what[:1].upper()}{what[1:]} skal romme {limit}, dokumentert med datablad eller tegning.")
                continue
            values.setdefault(f"amount\x00{value}", []).append(
                f"Mengden {what} skal være {limit}, kontrollert mot oppskrift, varedeklarasjon eller stikkprøve.")
            continue
        held = existing_fit(text, m.start(), value)
        if held:
            values.setdefault(f"fit\x00{value}", []).append(held)
            continue
        fit = _EXISTING_SIZE.search(text[max(0, m.start() - 20):m.start()]) and _LENGTH.search(value) \
            and _THING_AFTER.match(text, m.end())
        if fit:
            # «passe på dagens 60 mm stolper»: the size of what the buyer has, which the delivery must fit (no limit)
            values.setdefault(f"fit\x00{value}", []).append(
                f"Produktet skal kunne monteres på dagens {fit.group(1)} med mål {value} [feste og mål i vedlegg], "
                "kontrollert ved prøvemontering.")
            continue
        measured = _measured(text, m.start(), m.end(), value, bound)
        if measured:
            values.setdefault(f"amount\x00{measured}", []).append(measured)
            continue
        if _WEIGHT.search(value) and tailored_value(text, m.start(), m.end(), value, bound):
            # «vekt maks 3,1 kg», «veie 171 g»: one product's figure with no function: what the weight is for is
            # required, the range is asked of the market, and the figure is named as today's starting point
            values.setdefault(WEIGHT_PURPOSE, []).append(value)
            continue
        if bound:
            value = f"{bound} {value}"  # the buyer's direction is kept: «minimum 180 g» stays a lower bound
        if re.fullmatch(r"\d{3,4}\s*[x×]\s*\d{3,4}", value) and _CAMERA.search(text):
            values.setdefault(_CAMERA_PICTURE, []).append(value)
            continue
        for pattern, template in (*functions, *_VALUE_FUNCTIONS):
            if pattern.search(value):
                if bound:
                    template = (template.replace("{value} som høyeste verdi", "{value}")
                                .replace("{value} som minste verdi", "{value}")
                                .replace("høyst {value} [eller minst, etter behovet]", "{value}"))
                # measures get one bound each («høyst 1012 mm»); other values of one function share a requirement
                key = f"{template}\x00{value}" if template.startswith("Produktet skal få plass") else template
                values.setdefault(key, []).append(value)
                break
    out = [found[0] if key.startswith("amount\x00") else key.split("\x00")[0].format(value=" og ".join(dict.fromkeys(found)))
           for key, found in values.items()]
    # light indoors does not reach neighbours, wildlife and the night sky: that part is for light outdoors only
    if not _OUTDOORS.search(text):
        out = [r.replace("minst mulig påvirkning på naboer, dyreliv og nattehimmel", "god komfort for dem som er i rommet")
               for r in out]
    out = [re.sub(r"høyst (høyst|minst|maks\w*) ", r"\1 ", r) for r in out]
    # a figure named as today's product is quoted as written, without the bound the buyer put on it
    return [re.sub(r"«(?:minst|høyst) ", "«", r) if "ikke et krav i seg selv" in r else r for r in out]


_OUTDOORS = re.compile(r"utendørs|\bute\b|utebelysning|\w*gate(?:n|r|ne)?\b|gatelys\w*|\w*vei(?:en|er|ene)?\b|"
                       r"\w*veg(?:en|er|ene)?\b|fortau\w*|\bpark(?:en|er|ene|ering\w*)?\b|lysløype\w*|\w*bane(?:n|r|ne)?\b|"
                       r"idrettsanlegg\w*|fasadebelysning\w*|lysmast\w*|\bmast\w*", re.IGNORECASE)


# A weight of the product (not an amount of a substance: those are read before, see _AMOUNT_OF).
_WEIGHT = re.compile(r"\d\s*(?:kg|g)$", re.IGNORECASE)
# What the weight of a product is for, when the text does not say: who carries, lifts or moves it, and a greatest
# weight set from the market's range; the buyer's exact figure is today's starting point, not the requirement.
WEIGHT_PURPOSE = ("Produktet skal være lett nok til at [hvem – f.eks. de ansatte] kan [bære, løfte eller flytte det – skriv "
                  "hvordan og hvor lenge, f.eks. bære det med seg hele arbeidsdagen], med høyst [kg – et spenn avklart i "
                  "markedsdialogen] [dagens {value} er et utgangspunkt, ikke et krav i seg selv], dokumentert med datablad.")
WEIGHT_MARKET_QUESTION = ("Hvilket vektspenn er vanlig for produkter med funksjonene og ytelsen vi trenger, og hva koster "
                          "det å gå ned i vekt?")
WEIGHT_BUYER_QUESTION = ("Hvem skal bære, løfte eller flytte produktet, hvor ofte og hvor lenge? «{value}» er tallet til ett "
                         "produkt; skriv hva vekten skal sikre, så kan kravet stå som en høyeste vekt med et spenn markedet kan "
                         "møte.")
# A purpose stated with the value («… slik at den kan bæres», «for å kunne løftes av én person»).
_STATED_PURPOSE = re.compile(rf"{FUNCTION_TIE.pattern}|(?<!\w)(?:bæres|løftes|fraktes|håndteres|bære|løfte)(?!\w)",
                             re.IGNORECASE)


def _odd_figure(value: str) -> bool:
    """A limit copied from a data sheet: a decimal off the half steps («maks 3,1 kg», «høyst 1,27 kg»); a whole or
    half figure («maks 12 kg», «høyst 1,5 kg») reads as the buyer's own limit."""
    number = re.match(r"\d+(?:[.,]\d+)?", value.replace("\u00a0", "").replace(" ", ""))
    if number is None:
        return False
    figure = float(number.group(0).replace(",", "."))
    return round(figure * 2) != figure * 2


def tailored_value(text: str, start: int, end: int, value: str, bound: str) -> bool:
    """Whether the value at start:end is one product's figure rather than the buyer's need: exact (no «minst» or
    «høyst»), or bounded but oddly precise («maks 3,1 kg»), with no purpose stated in its sentence."""
    if bound and not _odd_figure(value):
        return False
    sentence_start = max(text.rfind(".", 0, start), text.rfind(";", 0, start)) + 1
    ends = [i for i in (text.find(". ", end), text.find(";", end)) if i >= 0]
    sentence = text[sentence_start:min(ends) if ends else len(text)]
    return not _STATED_PURPOSE.search(sentence)


# The direction the buyer gave a value: a lower bound («minimum», «minst», «fra»), an upper bound («maks», «inntil»).
_LOWER = re.compile(r"(?<!\w)(?:minimum|minimalt|minst|min\.|ikke\s+mindre\s+enn|mer\s+enn|over|fra|at\s+least)\s+(?:på\s+)?$",
                    re.IGNORECASE)
_UPPER = re.compile(r"(?<!\w)(?:maksimum|maksimalt|maks\.?|max\.?|høyst|inntil|opptil|ikke\s+mer\s+enn|under|mindre\s+enn|"
                    r"at\s+most|up\s+to)\s+(?:på\s+)?$", re.IGNORECASE)
_MASS_OR_VOLUME = re.compile(r"\d\s*(?:g|kg|liter|l|dl|ml)$", re.IGNORECASE)
# «150 g fisk», «2 dl saus per porsjon»: the word after a mass or volume names what there is that much of
_AMOUNT_OF = re.compile(r"\s+([^\W\d_]{3,})(?:\s+(?:per|pr\.?|i|til\s+hver)\s+[^\W\d_]+)?", re.IGNORECASE)
_NOT_A_THING = frozenset({"per", "pr", "eller", "mer", "mindre", "maks", "minst", "totalt", "samlet", "netto", "brutto",
                          "inkludert", "uten", "hver", "ved", "når", "skal", "må", "bør", "kan", "for", "om", "tom", "full",
                          "slik", "som", "med", "fordi", "dersom", "hvis"})


# How the thing is placed or built («5000 liter nedgravd», «200 liter innebygd»): a participle, not what there is 5000 liter of.
_PARTICIPLE = re.compile(r"(?:gravd|gravde|støpt|støpte|montert|monterte|bygd|bygde|senket|senkede|plassert)$", re.IGNORECASE)


def direction(text: str, at: int) -> str:
    """«minst» or «høyst» when the words just before a value at `at` bound it from below or above; '' otherwise."""
    before = text[max(0, at - 30):at]
    return "minst" if _LOWER.search(before) else "høyst" if _UPPER.search(before) else ""


# The function a value requirement is about: a purchase type's requirement on the same function is left out, since
# the value requirement says it and keeps the buyer's number.
_SAME_FUNCTION = re.compile(r"GWP|U-verdi|arbeidsflate|uten lading|varmebehov|effekten|lysnivå|\blux\b|kapasitet|bakerste plass|produsere minst|rekkevidde|"
                            r"effektberegning|spesifikk vifteeffekt|holde bygget tett|finnes i størrelse|rydde en bredde|spilleflate|"
                            r"\bveie\b|lett nok", re.IGNORECASE)


def without_repeats(type_requirements: tuple[str, ...] | list[str], value_texts: list[str]) -> list[str]:
    """The purchase type's requirements minus those about a function a value requirement already covers."""
    covered = {_FUNCTION_KEY.get(m.group(0).lower(), m.group(0).lower())
               for text in value_texts for m in _SAME_FUNCTION.finditer(text)}
    return [r for r in type_requirements
            if not any(_FUNCTION_KEY.get(m.group(0).lower(), m.group(0).lower()) in covered
                       for m in _SAME_FUNCTION.finditer(r))]


# Words of _SAME_FUNCTION that name one function: a battery's «[km] per dag … uten lading» is the vehicle's range.
_FUNCTION_KEY = {"uten lading": "rekkevidde", "veie": "vekt", "lett nok": "vekt"}


# The parts of a building a text may name together («kledning …, isolasjon … og drenering med betongrør»): each is
# drafted as its function, with the material left open, so one word («rør») does not turn a wall into a pipeline.
_BUILDING_ITEMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"kledning\w*|fasade\w*|panel(?:et|er|ene)?\b|(?<!\w)kles(?!\w)|(?<!\w)kledd\w*", re.I),
     "Kledningen skal holde fasaden tett og tåle klimaforholdene på stedet i minst [år] med høyst [antall] "
     "overflatebehandlinger i perioden, og ha den brannklassen bygget krever [klasse etter brannkonseptet], dokumentert med "
     "ytelseserklæring og FDV-dokumentasjon; materialet velger leverandøren."),
    (re.compile(r"isolasjon\w*|\w+isolasjon\w*|isolert|mineralull\w*|steinull\w*|glassull\w*", re.I),
     "Bygningsdelen skal ha en U-verdi på høyst [W/m²K], dokumentert med U-verdiberegning for hele konstruksjonen."),
    (re.compile(r"drenering\w*|drens\w*|overvann\w*", re.I),
     "Dreneringen skal lede bort vann fra grunnmuren ved [dimensjonerende nedbør og grunnforhold] og kunne spyles og "
     "inspiseres, dokumentert med beregning og FDV-dokumentasjon; rørmaterialet velger leverandøren."),
    (re.compile(r"taktekking\w*|takbelegg\w*|takstein\w*|\btak(?:et)?\b", re.I),
     "Taket skal holde bygget tett i minst [år] under klimaforholdene på stedet, dokumentert med produktdokumentasjon og "
     "garanti."),
    (re.compile(r"vindu(?:er|ene|et)?\b", re.I),
     "Vinduene skal ha en U-verdi på høyst [W/m²K] og holde tett mot slagregn i klassen bygget krever [klasse], dokumentert "
     "med produktdokumentasjon."),
)


def building_item_requirements(text: str, drafted: list[str] | None = None) -> list[str]:
    """One requirement per part of a building the text names (façade, insulation, drainage, roof, windows) when it names
    two or more: the function of each with the material open; [] for one part or none (the purchase type covers it).
    A part whose function a `drafted` requirement already states («U-verdi» from the insulation's thickness) is skipped."""
    found = [template for pattern, template in _BUILDING_ITEMS if pattern.search(text)]
    if len(found) < 2:
        return []
    written = " ".join(drafted or []).lower()
    return [t for t in found if not ("u-verdi" in t.lower() and "u-verdi" in written)]


# Functions a text names beside (or inside) a product it prescribes, each kept in neutral words when the product goes:
# (what names the function, the requirement, what in a drafted requirement already says it, the purchase domains it is
# written for). A function is drafted only for its own kind of product: a PC's one-cable dock is no requirement on an
# infusion pump's docking station; `None` is any domain, and "" (no type chosen) gets the general wording.
_IT = re.compile(r"^(?:IT|AV)")
_NOT_IT = re.compile(r"^(?!IT|AV)")
_VEHICLES = re.compile(r"^(?:kjøretøy|$)")
_FUNCTIONS: tuple[tuple[re.Pattern[str], str, re.Pattern[str], re.Pattern[str] | None], ...] = (
    (re.compile(r"dokk\w*|docking\w*|\bdock\b", re.I),
     "Maskinen skal kunne kobles til skjermene, tastaturet, musa, nettverket og strømmen på arbeidsplassen med én kabel "
     "[skriv hvilke skjermer og hvilket utstyr dere har], gjennom et åpent grensesnitt som USB-C med DisplayPort og "
     "strømforsyning eller tilsvarende, verifisert ved test med en prøvemaskin.",
     re.compile(r"én kabel|USB-C|dokk", re.I), _IT),
    (re.compile(r"dokk\w*|docking\w*|\bdock\b", re.I),
     "Utstyret skal kunne settes i en dokkingstasjon eller holder som [skriv hva dokkingen skal gjøre, f.eks. lade, holde "
     "utstyret sikkert, koble det til strøm, nettverk eller andre systemer, og om stasjonen skal kunne flyttes mellom "
     "avdelinger], verifisert ved test med en prøveenhet.",
     re.compile(r"dokk", re.I), _NOT_IT),
    (re.compile(r"hengerfeste\w*|tilhengerfeste\w*|slepekrok\w*|tilhenger\w*", re.I),
     "Kjøretøyet skal ha hengerfeste og kunne trekke en tilhenger med totalvekt på minst [kg], dokumentert med vognkort "
     "eller typegodkjenning.",
     re.compile(r"tilhenger|hengerfeste", re.I), _VEHICLES),
    (re.compile(r"fall\s*sensor\w*|fallsensor\w*|fallalarm\w*|fallvarsl\w*|falldetek\w*|fall-?deteksjon\w*", re.I),
     "Løsningen skal oppdage fall automatisk og varsle [responssenteret eller de ansatte] innen [sekunder] uten at brukeren "
     "må gjøre noe, med minst [prosent] % av fallene i testen oppdaget og høyst [antall] falske alarmer per bruker per "
     "[måned], dokumentert med testrapport og prøvd ved utprøving med [antall] brukere.",
     re.compile(r"oppdage fall|fall automatisk", re.I), None),
    (re.compile(r"piggdekk\w*|vinterdekk\w*|piggfrie\s+dekk\w*|\bpigg(?:er)?\b", re.I),
     "Kjøretøyet skal ha godt grep og trygge kjøreegenskaper på vinterføre [beskriv veiene og føret, f.eks. is, snø og "
     "bratte bakker], med dekk som er merket for vinterbruk [piggdekk eller piggfritt etter hva føret og lokale regler "
     "krever], dokumentert med dekkdata og kontrollert ved levering.",
     re.compile(r"vinterføre|grep og bremselengde", re.I), _VEHICLES),
    (re.compile(r"pencil|(?-i:\bPen\b)|pekepenn\w*|stylus|(?<!\w)(?:digital|aktiv)\s+penn\w*|(?<!\w)penn(?:en|er|ene)?(?!\w)", re.I),
     "Enheten skal kunne brukes med penn for håndskrift og tegning direkte på skjermen, med [presisjon og trykkfølsomhet "
     "etter bruken], demonstrert ved utprøving med [antall] brukere.",
     re.compile(r"\bpenn\b", re.I), None),
    (re.compile(r"røyk\w*", re.I),
     "Løsningen skal varsle om røyk i [rommet eller boligen] til [de ansatte eller responssenteret] innen [sekunder], "
     "verifisert ved test.",
     re.compile(r"røyk", re.I), None),
    (re.compile(r"går\s+ut|forlater\s+(?:rommet|boligen|huset|avdelingen)|utgangsdør\w*|dørsensor\w*|\bdør(?:a|en)?\b",
                re.I),
     "Løsningen skal varsle [de ansatte] når en beboer går ut av [rommet, boligen eller avdelingen] på tider dere angir, "
     "verifisert ved utprøving.",
     re.compile(r"går ut|går ut av|forlater (?:rommet|boligen)", re.I), None),
    (re.compile(r"reservesamband\w*|reserveløsning\w*|bryter\s+sammen|nettbrudd\w*|faller\s+ut|mobilnett\w*|"
                r"(?:to|flere)\s+nett\w*", re.I),
     "Varslene skal komme fram også når [hovedsambandet, f.eks. bredbånd] faller ut, gjennom et reservesamband, og "
     "brudd skal varsles til [mottaker], verifisert ved test.",
     re.compile(r"reservesamband", re.I), None),
)


def function_requirements(text: str, drafted: list[str], domain: str = "") -> list[str]:
    """The functions the text names that no `drafted` requirement states (a dock's one-cable connection, winter
    traction behind studded tyres, a tow bar, fall detection, smoke and door-exit alerts, a fallback network), each in
    neutral words and only those written for the purchase's `domain` (the chosen type's; "" when none was chosen)."""
    written = " ".join(drafted)
    out: list[str] = []
    for pattern, requirement, said, domains in _FUNCTIONS:
        if domains is not None and not domains.search(domain):
            continue
        if pattern.search(text) and not said.search(written) and not said.search(" ".join(out)):
            out.append(requirement)
    return out


# A rating from a test programme («5 stjerner i Euro NCAP»): a verifiable level, kept whole with what else proves it,
# never split into a number and a name.
_RATING = re.compile(r"(?<![\w,.])(?P<n>\d+|tre|fire|fem)\s+stjerner?\s+(?:i|på|fra|hos|etter)\s+"
                     r"(?P<programme>(?:Euro|Green|Latin|ANCAP)\s?NCAP|[A-ZÆØÅ][\w\-]+(?:\s+[A-ZÆØÅ0-9][\w\-]*)?)",
                     re.IGNORECASE)


def rating_requirements(text: str) -> list[str]:
    """A requirement per test-programme rating the text demands («5 stjerner i Euro NCAP»): at least that rating or an
    equivalent documented level, shown with the programme's result or an equivalent independent test."""
    out = []
    for m in _RATING.finditer(text):
        programme = m.group("programme")
        if not programme[:1].isupper():
            continue  # «5 stjerner i anmeldelsen»: a common noun, no test programme
        vehicle = bool(re.search(r"NCAP", programme, re.I))
        level, subject = ("sikkerhetsnivå", "Kjøretøyet") if vehicle else ("nivå", "Produktet")
        out.append(f"{subject} skal ha minst {m.group('n')} stjerner i {programme} eller et tilsvarende dokumentert {level}, "
                   f"dokumentert med testresultatet fra {programme} eller en tilsvarende uavhengig test.")
    return out


# --- how sure the choice of purchase type is -------------------------------------------------------------------------

# Below this confidence a type's template would describe another product: the draft uses the general requirements and
# asks for the facts instead (see type_confidence).
TYPE_CONFIDENCE_FLOOR = 0.55
# A preposition right before a word: the word is what the thing is attached to or for («til dagens Salto-system»).
# A word after a preposition and a word of what the buyer has: what the thing must fit («passe til dagens Salto-system»).
_IN_COMPLEMENT = re.compile(r"(?<!\w)(?:til|med|mot|for|i|på|fra|via)\s+(?:(?:det|den|de)\s+)?(?:dagens|eksisterende|"
                            r"nåværende|vårt|vår|våre)\s+(?:[\wæøå\-]+\s+)?$", re.IGNORECASE)
# Who buys or owns, as a subject: no setting of its own («Kommunen skal ha …», «Skolen skal kjøpe …»).
_OWNER_SUBJECT = re.compile(r"^(?:kommunen|fylkeskommunen|oppdragsgiver(?:en)?|byggherre(?:n)?|bydelen|etaten|virksomheten|"
                            r"kunden|vi|dere|det|den|de|staten|direktoratet|universitetet|skolen|barnehagen|sykehuset|"
                            r"helseforetaket|leverandøren|tilbyder(?:en)?|entreprenøren|løsningen|leveransen|utstyret|"
                            r"produktet|systemet|tjenesten|alle|hver|hvert)$", re.IGNORECASE)
_WORD_AT = re.compile(r"[\wæøåÆØÅ\-]+")


def _type_words(ptype: PurchaseType) -> str:
    """Everything the type says (its need, requirements and questions), lower case: a word it uses is a word it covers."""
    return " ".join([ptype.need, *ptype.requirements, *ptype.market_questions, *ptype.buyer_questions]).lower()


def _explained(word: str, ptype: PurchaseType) -> bool:
    """Whether the type covers `word`: one of its own or its setting's words, or a word its texts use (by its stem)."""
    if ptype.match.search(word) or (ptype.context is not None and ptype.context.search(word)):
        return True
    stem = re.sub(r"(?:ene|et|en|a|er|s)$", "", word.lower())
    return len(stem) >= 3 and stem[:6] in _type_words(ptype)


def _anchor(text: str, ptype: PurchaseType) -> float:
    """How firmly the type's words name the thing: 1 for a word of its own that is the thing (or a compound whose first
    part the type covers), 0.5 for the last part of a compound with a specialised first part it does not cover
    («vaktplan|verktøyet»), 0.4 when every word of it names what the buyer already has after a preposition («passe til
    dagens Salto-system»): the type then names what the thing fits, not the thing."""
    best = 0.0
    for m in ptype.hits(text):
        word = next((w for w in _WORD_AT.finditer(text) if w.start() <= m.start() < w.end()), None)
        if word is None:
            continue
        if _IN_COMPLEMENT.search(text[max(0, word.start() - 40):word.start()]):
            best = max(best, 0.4)
            continue
        modifier = text[word.start():m.start()]
        stem = re.sub(r"[se]$", "", modifier.lower())
        if "-" not in modifier and len(stem) >= 4 and not _explained(modifier, ptype) and _zipf_nb(stem) < 1.5 \
                and _zipf_nb(modifier.lower()) < 1.5:
            best = max(best, 0.5)
            continue
        best = 1.0
    return best


def _specialised_setting(word: str) -> bool:
    """A rare setting word that is no compound on a common place («Planetariet», «Observatoriet»; not «Pleiehjemmet»,
    «Korttidsavdelingen», «Klasserommet», whose last part is an ordinary place)."""
    low = word.lower()
    if _zipf_nb(low) >= 3.0:
        return False
    return not any(_zipf_nb(low[i:]) >= 3.0 for i in range(1, len(low) - 2))


@functools.lru_cache(maxsize=4096)
def _zipf_nb(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "nb")


def type_confidence(text: str, ptype: PurchaseType) -> tuple[float, str]:
    """(confidence 0-1, the word that weakened it or '') that the purchase type is what the text buys: how firmly its
    words name the thing (_anchor), halved when the thing's own noun names another kind of purchase than the type's
    (a «skanner» is goods, a survey a service), and halved when the sentence's subject is a setting the type does not
    cover («Planetariet skal ha en projektor» is no meeting room)."""
    hits = ptype.hits(text)
    # a type chosen by a neutral noun, a named model line or a maker's line of business has no words of its own in the
    # text to weigh: only the checks below apply
    confidence, reason = (_anchor(text, ptype) if hits else 1.0), ""
    if confidence < 1.0 and hits:
        word = next((w.group(0) for w in _WORD_AT.finditer(text) if w.start() <= hits[0].start() < w.end()), "")
        reason = word
    for m in hits:
        word = next((w.group(0) for w in _WORD_AT.finditer(text) if w.start() <= m.start() < w.end()), "")
        kind = noun_kind(word) if word else None
        if kind is not None and kind not in ptype.kinds:
            confidence, reason = confidence / 2, word
            break
    subject = _SENTENCE_SUBJECT.match(text)
    if subject:
        words = subject.group(1).split()
        head = words[-1] if words else ""
        if len(words) <= 2 and head[:1].isalpha() and not _OWNER_SUBJECT.match(head) and hits \
                and not any(m.start() < subject.end(1) for m in hits) and not _explained(head, ptype) \
                and _specialised_setting(head):
            confidence, reason = confidence / 2, head
    return round(confidence, 2), reason
