"""Rewrite a solution-specific requirement as a need statement plus functional and performance requirements.

Offline (provider "extractive", the default) the draft is built from the analyzer's findings, the nearest worked
examples in corpus/examples/requirements.yaml (lexical similarity), and templates per finding category and product
domain; blanks the buyer must fill in are written as [hakeparenteser]. With an LLM (openai, azure, ollama) the
prompt prompts/rewrite.md gets the findings and the nearest examples as few-shot and must answer in JSON.

Either way the draft is checked before it is returned: the need statement and every requirement are run through
the analyzer, and wording that is still solution-specific is removed or replaced by a template; every measurable
target of the original (numbers with units, percentages, temperatures, counts) must still be there. A standard or
label the original names is kept as a requirement «eller tilsvarende»; a system or platform the delivery must work
with is offered as a reference to keep only if the buyer can justify it (references.py). Every rewrite says why,
with the rule and the guidance passage in the corpus it rests on (legal_basis).
The pieces live in their own modules, imported one way (each only from those listed before it): targets.py
(measurable targets), examples.py (worked examples), templates.py (Norwegian templates), neutral.py (making wording
neutral), references.py (standards and systems kept lawfully), legal.py (the legal notes, applied to what was found),
lockin.py (consumables locked to one source), offline.py (the offline draft) and llm_draft.py (the LLM draft). This
module checks a draft and puts the result together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from advisor.config import Settings
from advisor.errors import InvalidInput
from advisor.requirements import (
    Finding,
    Match,
    PurchaseObject,
    analyze_requirement,
    find_matches,
    read_purchase_object,
)
from advisor.rewrite.competence import platform_experience
from advisor.rewrite.domains import (
    TYPE_CONFIDENCE_FLOOR,
    choose_purchase_type,
    is_climate_requirement,
    load_purchase_types,
    type_confidence,
)
from advisor.rewrite.examples import load_worked_examples, nearest_examples
from advisor.rewrite.grammar import repair
from advisor.rewrite.lawful import legal_references
from advisor.rewrite.legal import LegalBasis, legal_basis
from advisor.rewrite.llm_draft import draft_llm
from advisor.rewrite.lockin import (
    LockIn,
    find_lock_in,
    lock_in_need,
    lock_in_note,
    lock_in_questions,
    lock_in_requirements,
)
from advisor.rewrite.need_check import sound_need
from advisor.rewrite.neutral import clean, is_substantive
from advisor.rewrite.offline import (
    ALTERNATIVES_QUESTION,
    clock_span,
    draft_offline,
    figure_question,
    is_stated_target,
    line_nouns,
    odd_value_question,
    oddly_precise,
    quantity_of,
    target_label,
    target_requirement,
)
from advisor.rewrite.parts import covers_part, part_requirements, without_parts
from advisor.rewrite.quantities import scope_phrases, with_scope
from advisor.rewrite.references import Reference, find_references, integration_system
from advisor.rewrite.targets import Target, measurable_targets, missing_targets, normal_number
from advisor.rewrite.templates import (
    DRAFT_NOTE,
    GENERIC_REQUIREMENTS,
    GENERIC_SERVICE_REQUIREMENTS,
    PLACEHOLDER_NEED,
    YEARS_OF_EXPERIENCE,
)


@dataclass
class Rewrite:
    """A need-based draft of one requirement, with what it was built from."""

    original: str
    need_statement: str
    functional_requirements: list[str]
    market_questions: list[str]
    questions_for_buyer: list[str]
    findings: list[Finding]
    provider: str
    examples_used: list[str]
    prompt_version: str | None
    targets: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # what is bought: "goods", "services", "works", read from the text, else the purchase type's only kind (a PC is
    # always goods); None when neither says
    object_kind: str | None = None
    object_phrase: str = ""
    references: list[Reference] = field(default_factory=list)  # standards kept «eller tilsvarende»; systems if justified
    legal_basis: list[LegalBasis] = field(default_factory=list)
    # the targets the draft names only as today's product data, not as requirements («dagens 4000 K er ikke et krav i
    # seg selv», «15 års erfaring beholdes bare hvis ...»): what they were for is required instead
    product_figures: list[str] = field(default_factory=list)
    # the targets no requirement of the draft carries: never said to be «beholdt som krav»
    lost_targets: list[str] = field(default_factory=list)
    # how sure the choice of purchase type was (0-1; None when no type fitted at all), and the type it was about
    type_confidence: float | None = None
    purchase_type: str = ""

    @property
    def kept_targets(self) -> list[str]:
        """The targets of the original that stand as requirements in the draft (none it names only as today's product,
        none that no requirement carries)."""
        return [t for t in self.targets if t not in self.product_figures and t not in self.lost_targets]


# Wording by which a requirement names a number of the original without requiring it.
_NOT_REQUIRED = re.compile(r"ikke et krav i seg selv|beholdes bare hvis|bare et krav hvis|erstattes av|\[angi hva tallet gjelder",
                           re.IGNORECASE)


def product_figures(targets: list[Target], requirements: list[str]) -> list[str]:
    """The targets that no requirement requires: each requirement naming the number keeps it only in a [blank] or says
    it is not a requirement in itself."""
    out = []
    for target in targets:
        naming = [r for r in requirements if not missing_targets([target], [r])]
        if naming and all(_NOT_REQUIRED.search(r) or missing_targets([target], [re.sub(r"\[[^\]]*\]", "", r)])
                          for r in naming):
            out.append(target.text)
    return out


# A change note that says a value was bounded: ««40 W» er gjort om til «minst 40 W».» or «… til en grense; juster …».
_BOUNDED_NOTE = re.compile(r"^«(?P<span>[^»]+)» er gjort om til (?:«(?P<new>[^»]+)»\.|en grense; juster til minst eller "
                           r"høyst etter behovet\.)$")


def true_notes(notes: list[str], requirements: list[str], figures: list[str]) -> list[str]:
    """The change notes as the draft has it: a note that a value became «minst»/«høyst» is only kept when a requirement
    says so; a value the draft names as today's product (`figures`) or uses for what it is for is said to be that, and
    a value no requirement names is said to be taken out."""
    written = " ".join(requirements).lower()
    out = []
    for note in notes:
        m = _BOUNDED_NOTE.match(note)
        if m is None or (m.group("new") and m.group("new").lower() in written):
            out.append(note)
            continue
        span = m.group("span")
        number = normal_number(span)
        if any(normal_number(f) == number for f in figures):
            out.append(f"«{span}» er et tall for dagens produkt og er ikke beholdt som krav; kravene sier hva det skal "
                       "oppnå.")
        elif not missing_targets([Target(span, number, 0, 0)], requirements):
            out.append(f"«{span}» er tatt inn i kravet om det verdien skal oppnå (se kravene).")
        else:
            out.append(f"«{span}» er tatt ut; kravene sier hva verdien skulle oppnå.")
    return out


def _copied(target: Target, requirement: str) -> bool:
    """Whether `requirement` copies the target as a bare value: its number outside a [blank] with no «minst»/«høyst»
    before it."""
    bare = re.sub(r"\[[^\]]*\]", "", requirement)
    if missing_targets([target], [bare]):
        return False
    for m in re.finditer(rf"(?<![\d,.]){re.escape(target.text.split()[0])}(?![\d,])", requirement):
        near = requirement[max(0, m.start() - 30):m.end() + 40]
        if not _BOUND_NEAR.search(near):
            return True
    return False


# Words by which a requirement bounds a value or names it as an estimate («minst», «høyeste verdi», «dagens anslag»).
_BOUND_NEAR = re.compile(r"(?<!\w)(?:minst|høyst|maks\w*|inntil|opptil|under|over|høyeste|minste|laveste|anslag|"
                         r"eller høyst\]|juster\w*)(?!\w)", re.IGNORECASE)


# --- putting it together ---------------------------------------------------------------------------------------------

def _key(item: str) -> str:
    return re.sub(r"\W+", " ", item.lower()).strip()


def _says(item: str, kept: str) -> bool:
    """Whether `item` already says most of `kept` (two thirds of its words of four letters or more)."""
    words = set(re.findall(r"[^\W\d_]{4,}|\d+", kept.lower()))
    return bool(words) and len(words & set(re.findall(r"[^\W\d_]{4,}|\d+", item.lower()))) >= 2 * len(words) / 3


def _dedupe(items: list[str]) -> list[str]:
    seen, out = set(), []
    for item in items:
        key = _key(item)
        if key and key not in seen:
            seen.add(key)
            out.append(item)
    return out


# What is not a requirement: contact data, organisation numbers, addresses and legal references (they may be in the
# pasted text, but a requirement that repeats them tells the supplier nothing it must do).
NOT_REQUIREMENT = re.compile(
    r",?\s*(?:org\.?\s?nr\.?|organisasjonsnummer)\s*:?\s*\d{3}\s?\d{3}\s?\d{3}"
    # a regulation the delivery must meet («drikkevannsforskriften», «forskrift om …») is a requirement: only the
    # procurement rules and a bare «forskrift §» reference are left out
    r"|,?\s*(?:jf\.?|jfr\.?|iht\.?|etter|i henhold til)?\s*(?<![\w\-])(?:FOA|LOA|anskaffelsesforskriften|anskaffelsesloven|"
    r"forskrift\w*(?=\s*§))"
    r"\s*(?:§+\s*[\d\-]+(?:\s*(?:\(\d+\)|[a-z]|ledd|nr\.?\s*\d+))*)?"
    r"|,?\s*§+\s*[\d\-]+"
    r"|,?\s*[\w.+-]+@[\w-]+\.[\w.]+"
    r"|,?\s*(?:tlf\.?|telefon|mob\.?|mobil)\s*:?\s*(?:\+47\s?)?(?:\d{2}\s?){3}\d{2}"
    r"|,?\s*(?:Pb\.?|Postboks)\s*\d+[^,.;]*"
    # street names and postcodes are told by their capital letter, so these two parts ignore the IGNORECASE flag
    r"|(?-i:,?\s*[A-ZÆØÅ][\wæøå]+(?:veien|vegen|gata|gate|vei|veg|faret|plass|allé)\s+\d+(?:\s?[A-Za-z](?![\wæøåÆØÅ]))?)"
    r"|(?-i:,?\s*\b\d{4}\s+[A-ZÆØÅ][a-zæøå]+(?=\s*[,.;]|\s*$))",
    re.IGNORECASE,
)
VERIFIED = re.compile(
    r"(?<!\w)(?:dokumenter\w*|dokumentasjon|verifiser\w*|test\w*|måle[srt]?|målt|måles|måling\w*|demonstrer\w*|datablad\w*|"
    r"sertifikat\w*|prøve\w*|kontroller\w*|rapporter\w*|logg\w*|befaring|referanse\w*|beregning\w*|documented|tested|"
    r"measured|verified)(?!\w)",
    re.IGNORECASE,
)
MIN_REQUIREMENTS, MAX_REQUIREMENTS = 3, 6
# A requirement on an interface to what the buyer has.
_INTERFACE = re.compile(r"grensesnitt|protokoll|\bAPI\b|integrasjon|interface", re.IGNORECASE)
# Words a reading from the verb may take for its object that name no thing: «(leveres) Alt», «(ha) minst».
_NOT_A_NOUN = re.compile(r"(?:alt|alle|all|minst|høyst|mer|mest|noe|noen|det|den|de|dette|disse|hver|hvert|begge)$",
                         re.IGNORECASE)
# A template's level «etter en anerkjent standard» (cleaning quality), replaced by the standard the text names.
_ANY_STANDARD_LEVEL = re.compile(r"nivå \[[^\]]*\] etter en anerkjent standard", re.IGNORECASE)
# A unit or service as the subject that takes something into use («Hjemmetjenesten skal ta i bruk medisindispensere»):
# it names who uses what is bought, not what is bought.
_USER_SUBJECT = re.compile(r"^\s*(?P<subject>[^,;:]+?)\s+(?:skal|må|vil|ønsker å)\s+(?:ta\s+i\s+bruk|få|bruke|tilbys|ha tilgang til|"
                           r"kjøpe|anskaffe|lease|leie)\s+",
                           re.IGNORECASE)


# Work done to a thing («Vinduene skal vaskes», «Rennene må rengjøres årlig»): a service on it, not the thing bought;
# «skal kunne rengjøres» is a property of goods and does not count.
_SERVICE_DONE_TO = re.compile(r"(?<!\w)(?:skal|må)\s+(?:(?:også|jevnlig|regelmessig|årlig|daglig|ukentlig)\s+)?"
                              r"(?:vaskes|rengjøres|pusses|poleres|skures|moppes|støvsuges|bones|spyles|feies|ryddes|tømmes|måkes|brøytes|strøs|klippes|"
                              r"inspiseres|serviseres)(?!\w)", re.IGNORECASE)
# Meals made and brought to the buyer («Lunsjene skal leveres som kjølt mat», «levering av middager»): a service of
# cooking and delivering, not goods off a shelf.
_MEAL_SERVICE = re.compile(r"(?<!\w)(?:lunsj\w*|middag\w*|måltid\w*|frokost\w*|kveldsmat\w*|porsjon\w*)\b[^.;]{0,40}?"
                           r"(?:skal|må)\s+(?:\w+\s+)?(?:leveres|produseres|lages|tilberedes)(?!\w)"
                           r"|(?<!\w)(?:levering|utkjøring|produksjon)\s+av\s+(?:\w+\s+)?(?:lunsj|middag|måltid|mat)\w*"
                           r"|(?<!\w)(?:skal|må)\s+(?:\w+\s+)?(?:leveres|serveres|lages|tilberedes)\s+(?:\w+\s+){0,3}?"
                           r"(?:frokost|lunsj|middag|måltid|kveldsmat|skolemat|varm\s+mat)\w*"
                           r"|kjølt\s+mat|cook[-\s]chill|kjøleprodusert\w*", re.IGNORECASE)


def service_reading(text: str) -> bool:
    """Whether the text buys work done to a thing or meals made and delivered: a service, whatever noun it starts with."""
    return bool(_SERVICE_DONE_TO.search(text) or _MEAL_SERVICE.search(text))


# The verb and what counts the thing before a maker bought as such («trenger en», «skal kjøpe to», «vil ha nye»), and
# after it at most where it goes («til kontoret»).
_BUYS_A = re.compile(r"(?<!\w)(?:trenger|ha|kjøpe|anskaffe|leie|bestille|få|ønsker)\s+(?:seg\s+)?"
                     r"(?:(?:en|et|ei|\d+|to|tre|fire|fem|seks|flere|noen|nye?)\s+){0,2}$", re.IGNORECASE)
_ONLY_WHERE = re.compile(r"\s*(?:(?:til|for|i|på)\s+[^.;:]*)?[.!]?\s*$", re.IGNORECASE)


def maker_only(text: str, matches: list) -> bool:
    """Whether the thing bought is named only by its maker («Vi trenger en Husqvarna», «Avdelingen vil ha en Makita til
    verkstedet»): a maker's name with no model and no noun of its own says nothing about what the thing is."""
    names = sorted((h for h in matches if h.category in {"brand", "model_type"} and h.severity != "low"),
                   key=lambda h: h.start)
    if not names or any(h.category == "model_type" for h in names):
        return False  # a model names one product line: its maker's line is then a fair reading
    end = names[0].end
    for h in names[1:]:
        if text[end:h.start].strip(" -"):
            return False
        end = max(end, h.end)
    return bool(_BUYS_A.search(text[:names[0].start])) and bool(_ONLY_WHERE.fullmatch(text[end:]))


def _user_subject(text: str, bought: PurchaseObject | None) -> bool:
    """Whether the reading of what is bought is the subject that uses it («Hjemmetjenesten skal ta i bruk …»)."""
    m = _USER_SUBJECT.match(text)
    return bool(bought is not None and m and bought.phrase and bought.phrase in m.group("subject"))


def _stripped_clean(requirement: str) -> str | None:
    """The requirement as finish() carries it: without contact data and the like, and made neutral; None if nothing."""
    stripped = strip_non_requirements(str(requirement))
    return clean(stripped) if stripped else None


def strip_non_requirements(requirement: str) -> str | None:
    """The requirement without contact data, organisation numbers, addresses and legal references; None if nothing
    that says what to deliver is left."""
    stripped = without_non_requirements(requirement)
    return stripped if stripped != "." and is_substantive(stripped) else None


def without_non_requirements(requirement: str) -> str:
    """The text with contact data, organisation numbers, addresses and legal references taken out."""
    stripped = NOT_REQUIREMENT.sub("", requirement).strip()
    stripped = re.sub(r"\s+([.,;])", r"\1", re.sub(r"[,;]\s*(?=[.;]|$)", "", stripped))
    stripped = re.sub(r"\s{2,}", " ", stripped).strip(" ,;")
    if stripped and not stripped.endswith((".", "!", "?")):
        stripped += "."
    return stripped


# How a requirement is verified, by what is bought: a service by how it is described, who does it and how it is
# followed up; goods by data sheets, tests and samples; works at handover and by inspection.
VERIFICATION = {
    "services": ", dokumentert med [metodebeskrivelse, CV-er og referanser] og fulgt opp i [rapportering og kontraktsmøter].",
    "goods": ", dokumentert med [datablad, testrapport, vareprøve eller demonstrasjon].",
    "works": ", dokumentert i [FDV-dokumentasjon ved overlevering] og kontrollert ved [befaring eller overtakelsesforretning].",
}
# Service wording in a requirement of unknown kind: who does the work and how, not what a product is.
_SERVICE_WORDS = re.compile(r"(?<!\w)(?:konsulent\w*|rådgiv\w*|\w*leder(?:en|e|ne)?|personell\w*|oppdrag\w*|bistand|"
                            r"møte\w*|kontaktperson\w*|svare|henvendelse\w*|tilgjengelig\w*|kompetanse|erfaring)(?!\w)",
                            re.IGNORECASE)


def with_verification(requirement: str, kind: str | None = None) -> str:
    """The requirement with how it is verified, when it does not already say so, fitting what is bought (`kind`:
    goods, services or works); without a kind, service wording gets a service's verification, all else a product's."""
    if VERIFIED.search(requirement):
        return requirement
    if kind not in VERIFICATION:
        kind = "services" if _SERVICE_WORDS.search(requirement) else "goods"
    if kind == "services" and _DELIVERED.search(requirement):  # when and where things come is checked against the plan
        return requirement.rstrip(". ") + ", kontrollert mot [leveringsplan og avvikslogg]."
    if _DELIVERED.search(requirement) and _DEADLINE.search(requirement):  # goods in time: the order against the delivery
        return requirement.rstrip(". ") + ", kontrollert mot [ordrebekreftelse og faktisk leveringsdato]."
    if kind == "goods" and _HOW_OFTEN.search(requirement) and not _SUPPLIED.search(requirement):
        # «servere torsk minst tre ganger per uke»: how often goods are served is the buyer's plan, not a data sheet
        return requirement.rstrip(". ") + ", dokumentert med plan og rapportert av leverandøren."
    return requirement.rstrip(". ") + VERIFICATION[kind]


# How often something is done or served («minst tre ganger per uke», «2 ganger i måneden»).
_HOW_OFTEN = re.compile(r"(?<!\w)(?:\d+|en|to|tre|fire|fem|seks|sju|åtte|ni|ti)\s+ganger?\s+(?:i|per|pr\.?)\s+"
                        r"(?:dag|døgn|uke|uka|måned|år)\w*(?!\w)", re.IGNORECASE)
# A delivery by the supplier («skal levere tre ganger i uken»): what is delivered is checked as goods.
_SUPPLIED = re.compile(r"(?<!\w)lever\w*", re.IGNORECASE)
# A time limit for a delivery («innen fire uker», «senest 1. mars»).
_DEADLINE = re.compile(r"(?<!\w)(?:innen|senest|før)(?!\w)", re.IGNORECASE)
# A service requirement on deliveries («… skal leveres … fem dager i uka»).
_DELIVERED = re.compile(r"(?<!\w)(?:leveres|levering\w*|leverer|utkjøring\w*)(?!\w)", re.IGNORECASE)


def finish(draft: dict[str, list[str] | str], fallback: dict[str, list[str] | str], text: str, matches: list[Match],
           targets: list[Target], references: list[Reference] | None = None,
           kind: str | None = None) -> dict[str, list[str] | str]:
    """Check a draft: solution-specific wording is removed or replaced, targets are kept, nothing that is not a
    requirement is carried over, each requirement says how it is verified (as fits `kind`: goods, services or works),
    3-6 requirements. The standards among `references` are kept as requirements «eller tilsvarende»; the systems'
    questions go first to the buyer."""
    references = references or []
    notes = list(fallback.get("notes", [])) if draft is fallback else [DRAFT_NOTE]
    need = clean(str(draft["need_statement"]))
    if need is None:
        notes.append(f"Behovsbeskrivelsen «{draft['need_statement']}» var løsningsbundet og er erstattet.")
        need = clean(str(fallback["need_statement"])) or PLACEHOLDER_NEED
    requirements = []
    original = re.sub(r"\W+", " ", text.lower()).strip()
    items = list(draft["functional_requirements"])
    interface = str(fallback.get("interface_requirement") or "")
    if interface and draft is not fallback and not any(_INTERFACE.search(str(item)) for item in items):
        items.insert(0, interface)  # an LLM draft that lost what the delivery must fit gets the offline requirement
    if draft is not fallback:  # nor does it lose the buyer's own lawful requirements the offline draft kept
        items[:0] = [k for k in fallback.get("kept_requirements", []) if not any(_says(str(i), str(k)) for i in items)]
    for item in items:
        stripped = strip_non_requirements(str(item))
        if stripped is None:
            notes.append(f"«{item}» er tatt ut: det er kontaktdata, en adresse, et organisasjonsnummer eller en lovhenvisning, "
                         "ikke et krav.")
            continue
        if re.sub(r"\W+", " ", stripped.lower()).strip() == original:
            continue  # the input unchanged is not a rewrite
        cleaned = clean(stripped)
        if cleaned is None:
            notes.append(f"Kravet «{item}» var fortsatt løsningsbundet og er tatt ut.")
        else:
            if cleaned != str(item).strip():
                notes.append(f"Kravet «{item}» er skrevet om til «{cleaned}».")
            requirements.append(cleaned)
    need, requirements = _standards_or_equivalent(need, requirements, references)
    kept = [r for r in references if not r.is_conditional and not any(_names(r.name, item) for item in requirements)]
    if any(r.kind == "standard" for r in kept):
        # the standard the buyer named says which level: a template's «[nivå] etter en anerkjent standard» would ask again
        requirements = [r for r in requirements if not _ANY_STANDARD_LEVEL.search(r)]
    requirements = _dedupe([r.requirement for r in kept] + requirements)
    # a standard or a legal requirement the text states (CE marking, a class of a standard) is lawful content: it is
    # never trimmed away to make room for template requirements
    lawful = [r.requirement for r in kept]
    # so is an integration with a system the buyer runs, named in the interface requirement
    lawful += [r for r in requirements if interface and r == interface and r not in lawful]
    # so are the buyer's own lawful requirements the offline draft kept in its words (a label «eller tilsvarende», its
    # logo, its delivery terms): a template's requirement gives way to them, never the other way round
    own = {_key(c) for c in map(_stripped_clean, fallback.get("kept_requirements", [])) if c}
    lawful += [r for r in requirements if _key(r) in own and r not in lawful]
    # and the quantity the buyer gave («Leveransen skal omfatte 40 arbeidsbukser»): what is bought, not a template's
    lawful += [r for r in requirements if _QUANTITY.match(r) and r not in lawful
               and len(missing_targets(targets, [r])) < len(targets)][:1]
    notes = _without_removal_notes(notes, [r.name for r in references if r.kind == "integration"])
    for ref in kept:  # the neutral draft took the standard out; the note says what happened to it in the end
        # the note says «med eller tilsvarende» only where the text had it; else that the draft added it
        said = ref.kind == "standard" and _equivalent_after(text, ref.name)
        notes = [f"«{ref.name}» er beholdt som krav" + (
                 (" med «eller tilsvarende»." if said else "; «eller tilsvarende» er lagt til.") if ref.kind == "standard"
                 else " (lov, forskrift eller nasjonal fellesløsning: her finnes det ikke noe «tilsvarende»).")
                 if note.startswith(f"«{ref.name}» er fjernet") or note.startswith(f"«{_first_part(ref.name)}» er fjernet")
                 else note for note in notes]
    requirements = _without_repeated_counts(_without_contradictions(requirements, targets))
    # a number the need names is no requirement: a figure the requirements call today's product is carried as such
    figures_in_need = [t for t in missing_targets(targets, requirements) if not missing_targets([t], [need])
                       and any(_NOT_REQUIRED.search(r) for r in requirements)]
    # a time of day or window of hours named only in the need is still a requirement on when (see clock_requirement)
    # an oddly exact value with no function («23 min», «37 µl»): asked about and bounded, never only in the need or
    # copied as it is
    odd = [t for t in targets if oddly_precise(text, t)]
    requirements = [r for r in requirements if not any(_copied(t, r) for t in odd)]
    lost = [t for t in targets if t in missing_targets(targets, [need, *requirements]) or t in figures_in_need
            or (clock_span(text, t) and t in missing_targets(targets, requirements))
            or (t in odd and t in missing_targets(targets, requirements))]
    carried = [target_requirement(text, t, matches) for t in lost]
    # a number that only describes today's product is asked about: which value the need calls for, and why
    # (years of experience are the people's, never a product's figure: they have their own question)
    experience = [(e.start(), e.end()) for e in YEARS_OF_EXPERIENCE.finditer(text)]
    figure_questions = [figure_question(text, t) for t, c in zip(lost, carried, strict=True) if _NOT_REQUIRED.search(c)
                        and not is_stated_target(text, t) and not any(s <= t.start < e for s, e in experience)
                        # how often a service is done is no product's figure: its requirement already asks why
                        and quantity_of(text, t)[0] != "Hyppigheten"]
    # (a value the draft already asks about by name, e.g. a weight turned into what it is for, is not asked twice)
    asked = " ".join(str(q) for q in fallback["questions_for_buyer"])
    figure_questions[:0] = [odd_value_question(text, t) for t in odd if is_stated_target(text, t) is False
                            and f"«{t.text}»" not in asked][:1]
    carried = _dedupe(carried)
    if len(carried) > 2:
        lost = missing_targets(targets, [need, *requirements])
        merged = clean(f"Løsningen skal oppfylle målene fra det opprinnelige kravet: {', '.join(t.text for t in lost)} "
                       "[angi hva hvert tall gjelder].")
        if merged and not missing_targets(lost, [merged]):
            carried = [merged]
    # the purchase type's climate or environment requirement (FOA § 7-9) when none of the draft's is one
    climate = [c for c in [clean(str(fallback.get("climate_requirement") or ""))]
               if c and not any(is_climate_requirement(r) for r in [*requirements, *carried])]
    # each part of the purchase the original names besides the main item («med hengerfeste og takstativ», «inkludert
    # opplæring») gets its own requirement when none covers it; they go before the type's own requirements
    kept = requirements
    for _ in range(3):  # a part whose requirement was trimmed away gets its own on the next round
        parts = [c for c in (clean(p) for p in part_requirements(text, matches, [*kept, *carried, *climate])) if c]
        # the buyer's lawful requirements, the climate requirement and the carried targets come before the parts
        parts = parts[:max(0, MAX_REQUIREMENTS - len(carried) - len(climate) - max(1, len(lawful)))]
        rest = [r for r in requirements if r not in lawful]
        kept = [r for r in requirements if r in lawful] + _trimmed(
            rest, max(0, MAX_REQUIREMENTS - len(carried) - len(climate) - len(parts) - len(lawful)),
            [*parts, *climate, *carried, *lawful], targets, text, matches)
        if not part_requirements(text, matches, [*kept, *parts, *carried, *climate]):
            break
    requirements = _dedupe(kept + parts + climate + carried)
    requirements = _fill_up(requirements, list(fallback["functional_requirements"]), kind, references)
    # a target carried in its own clause («… i GN 1/1-beholdere …») names the standard «eller tilsvarende» as well
    requirements = [with_verification(r, kind) for r in _standards_or_equivalent("", requirements, references)[1]]
    market = _dedupe([*draft.get("market_questions", []), *fallback["market_questions"]])[:4] or list(NEED_MARKET_QUESTIONS)
    # the buyer's own request for alternatives is carried into the dialogue, whoever drafted the rest
    alternatives = [q for q in fallback["market_questions"] if q.startswith(ALTERNATIVES_QUESTION[:40])]
    market = _dedupe([*alternatives, *market])[:4]
    systems = [r for r in references if r.is_conditional]
    buyer = [q for q in _dedupe([*draft.get("questions_for_buyer", []), *fallback["questions_for_buyer"]])
             if not any(_same_name(quoted, r.name) for r in systems for quoted in re.findall(r"«([^»]+)»", q))]
    buyer = _dedupe([r.question for r in systems] + figure_questions[:1] + buyer)[:5]
    notes += [f"«{r.name}» står ikke i kravene; se forslaget under «Henvisninger som kan beholdes hvis de er begrunnet»."
              for r in systems]
    need = without_foreign_examples(text, need)
    requirements = [without_foreign_examples(text, r) for r in requirements]
    requirements = [r for r in requirements if not is_empty_template(r)] or requirements
    # a template filled with a verb phrase («skal ha montere …») is put right, whoever drafted it
    need, requirements = repair(need), [repair(r) for r in requirements]
    market = [without_foreign_examples(text, q) for q in market]
    buyer = [without_foreign_examples(text, q) for q in buyer]
    return {"need_statement": need, "functional_requirements": requirements[:MAX_REQUIREMENTS], "market_questions": market,
            "questions_for_buyer": buyer, "notes": notes}


def _without_removal_notes(notes: list[str], names: list[str]) -> list[str]:
    """The notes without those saying one of `names` was removed or replaced: a system named in the integration
    requirement is kept, whatever the neutral draft did with it."""
    return [note for note in notes if not any(note.startswith((f"«{name}» er fjernet", f"«{name}» er byttet ut"))
                                              for name in names)]


# The settings a template's examples may name, each with the words by which a text is about it, and whether the example
# only goes when the text names another setting of the same sort (the people a service is for: an AED text that names
# nobody keeps «skoler og sykehjem», a meal text for the elderly loses «orke skoledagen»). An example of a setting the
# text never names («renhet … skånsomhet» beside a project method, «dispensere» beside food) is a garble: the purchase
# type's template serves many buyers, and another buyer's setting does not belong in this draft.
_PEOPLE_SETTINGS = re.compile(r"skole|elev|undervis|klasserom|SFO|student|barnehage|sykehjem|beboer|eldre|omsorg|"
                              r"hjemmetjenest|hjemmeboende|pleie|pasient", re.IGNORECASE)
_SETTINGS: tuple[tuple[re.Pattern[str], re.Pattern[str], bool], ...] = (
    (re.compile(r"skole\w*|elev\w*|undervisning\w*|klasserom\w*|skoledag\w*", re.IGNORECASE),
     re.compile(r"skole|elev|undervis|klasserom|SFO|student|opplæring|barn", re.IGNORECASE), True),
    (re.compile(r"barnehage\w*", re.IGNORECASE), re.compile(r"barnehage|barn", re.IGNORECASE), True),
    (re.compile(r"sykehjem\w*|beboer\w*|eldre", re.IGNORECASE),
     re.compile(r"sykehjem|beboer|eldre|omsorg|hjemmetjenest|pleie|bolig", re.IGNORECASE), True),
    (re.compile(r"renhet|skånsomhet\w*|hygiene", re.IGNORECASE),
     re.compile(r"renhold|rengjør|vask|renhet|hygien|desinfe|smitt|mat|kjøkken|måltid|sykehus|helse|pasient|steril",
                re.IGNORECASE), False),
    (re.compile(r"dispenser\w*", re.IGNORECASE),
     re.compile(r"dispenser|papir|såpe|hånd|hygien|hansk|tørk|medisin|dose|legemid", re.IGNORECASE), False),
)
# A list of examples in brackets or parentheses: «[…, f.eks. A, B eller C]», «(for eksempel A, B eller C)».
_EXAMPLES = re.compile(r"(?P<lead>(?:f\.eks\.|for eksempel)\s+)(?P<items>[^\]\)\[\(]+?)(?P<end>[\]\)])")
# A bare list of things in brackets («[dispensere, lager og forbruk]»): only one with a setting's word, no nested brackets.
_BARE_LIST = re.compile(r"\[(?P<items>[^\]\[\(\)]*dispenser[^\]\[\(\)]*)\]", re.IGNORECASE)


def _foreign(text: str, item: str) -> bool:
    return any(names.search(item) and not present.search(text) and (not people or _PEOPLE_SETTINGS.search(text))
               for names, present, people in _SETTINGS)


def _filter_items(text: str, items: str) -> str | None:
    """The items of a list without those of a setting the text never names; None when none is left."""
    # the alternatives are joined by «eller» when there is one («holde vekt og helse eller orke skoledagen»), else by «og»
    parts = re.split(r",\s+|\s+eller\s+" if " eller " in items else r",\s+|\s+og\s+", items)
    kept = [p for p in parts if not _foreign(text, p)]
    if len(kept) == len(parts):
        return items
    if not kept:
        return None
    joiner = " eller " if " eller " in items else " og "
    return kept[0] if len(kept) == 1 else ", ".join(kept[:-1]) + joiner + kept[-1]


def without_foreign_examples(text: str, line: str) -> str:
    """`line` without the examples of a setting that `text` never names (see _SETTINGS)."""
    if not any(names.search(line) for names, _, _ in _SETTINGS):
        return line

    def examples(m: re.Match[str]) -> str:
        items = _filter_items(text, m.group("items"))
        if items is None:  # nothing of the list fits: the lead goes too («, f.eks. …»)
            return "\x00" + m.group("end")
        return m.group("lead") + items + m.group("end")

    line = _EXAMPLES.sub(examples, line)
    line = re.sub(r"[,;]?\s*\x00", "", line)

    def bare(m: re.Match[str]) -> str:
        items = _filter_items(text, m.group("items"))
        return f"[{items}]" if items else m.group(0)

    return _BARE_LIST.sub(bare, line)


# A requirement that is only a template: no word of its own outside the [placeholders] and the verification words.
_TEMPLATE_WORDS = re.compile(r"(?<!\w)(?:skal|må|være|ha|kunne|dokumentert|verifisert|kontrollert|med|og|eller|i|på|til|for|"
                             r"av|som|det|den|de|en|et|ei|leveransen|løsningen|produktet|tilbyder|leverandøren|"
                             r"oppfylle|dekke|gi|minst|høyst)(?!\w)", re.IGNORECASE)


def is_empty_template(requirement: str) -> bool:
    """Whether a requirement says nothing but its template: fewer than two words outside [placeholders] beyond the
    subject, modal and verification words («Produktet skal oppfylle [krav], dokumentert med [dokumentasjon].»)."""
    rest = re.sub(r"\[[^\]]*\]", " ", requirement)
    rest = _TEMPLATE_WORDS.sub(" ", rest)
    return len(re.findall(r"[^\W\d_]{3,}|\d+", rest)) < 2


def _names(name: str, requirement: str) -> bool:
    """Whether `requirement` already names the reference: a short name («CE», «MDR») as a word of its own, not inside
    another word («responsenter», «sequence»); CE marking only as the marking itself."""
    if name.upper() == "CE":
        return bool(re.search(r"(?<![\w\-])CE-merk", requirement))
    if len(name) <= 4:
        return bool(re.search(rf"(?<![\w\-]){re.escape(name)}(?![\w])", requirement, re.IGNORECASE))
    return name.lower() in requirement.lower()


def _trimmed(requirements: list[str], keep: int, added: list[str], targets: list[Target], text: str,
             matches: list[Match]) -> list[str]:
    """At most `keep` of the requirements, dropping from the end first those whose loss leaves no target of the
    original without a requirement (with `added` counted in), and those that cover a part the original names last."""
    out = list(requirements)
    for r in [*(x for x in reversed(requirements) if not covers_part(text, matches, x)),
              *(x for x in reversed(requirements) if covers_part(text, matches, x))]:
        if len(out) <= keep:
            break
        rest = [x for x in out if x is not r]
        if len(missing_targets(targets, [*rest, *added])) <= len(missing_targets(targets, [*out, *added])):
            out = rest
    return out[:keep]


# The market dialogue when nothing else asks: about the need and the alternatives, never about a named product.
NEED_MARKET_QUESTIONS = (
    "Hvilke løsninger i markedet dekker funksjonene og ytelsen i kravene, og hva koster de over levetiden?",
    "Hva er vanlig leveringstid, og hvilke av kravene i utkastet begrenser konkurransen unødig?",
)


# The quantity bought or the users covered, as the draft words it («Leveransen skal omfatte 40 …», «… dekke 300 brukere»).
_QUANTITY = re.compile(r"Leveransen skal (?:omfatte|dekke) (?:minst |høyst )?\d")
# A quantity to deliver: «Leveransen skal omfatte minst 4 stjerner [juster antallet …]» -> «4 stjerner».
_COUNT_REQUIREMENT = re.compile(r"^Leveransen skal (?:omfatte|dekke) (?:(?:minst|høyst|maks\w*|inntil)\s+)?"
                                r"(?P<what>\S+\s+[^\s\[]+(?:\s+[^\s\[]+)?)\s+\[")


def _counted_in(target: Target, requirements: list[str]) -> str | None:
    """A count named by the quantity requirement that carries it («2 varebiler» for «2 nye Ford Transit»), or None."""
    for requirement in requirements:
        m = _COUNT_REQUIREMENT.match(requirement)
        if m and m.group("what").startswith(f"{target.text} "):
            return m.group("what")
    return None


def _without_repeated_counts(requirements: list[str]) -> list[str]:
    """The requirements without a quantity to deliver whose figure another requirement already carries («minst 4
    stjerner i Euro NCAP» is a rating, not four stars to deliver)."""
    out = []
    for requirement in requirements:
        m = _COUNT_REQUIREMENT.match(requirement)
        if m and any(m.group("what").lower() in other.lower() for other in requirements if other is not requirement):
            continue
        out.append(requirement)
    return out


def _without_contradictions(requirements: list[str], targets: list[Target]) -> list[str]:
    """The requirements without one that requires a number another calls today's product and no requirement in
    itself («… skal ha lysfluks 3 800 lumen og fargetemperatur 3000 K» beside «dagens 3000 K er ikke et krav i seg
    selv»): the draft would contradict itself and the buyer would paste the product back in."""
    figures = [t for t in targets if any(_NOT_REQUIRED.search(r) and not missing_targets([t], [r]) for r in requirements)]
    if not figures:
        return requirements
    return [r for r in requirements if _NOT_REQUIRED.search(r)
            or missing_targets(figures, [re.sub(r"\[[^\]]*\]", "", r)]) == figures]


def _fill_up(requirements: list[str], fallback: list[str], kind: str | None, references: list[Reference]) -> list[str]:
    """The requirements filled up to the least number from the offline draft's, then the general templates (for a
    service or a product); a filler taken from the neutral sentence names a standard «eller tilsvarende» too."""
    requirements = list(requirements)
    for extra in [*fallback, *(GENERIC_SERVICE_REQUIREMENTS if kind == "services" else GENERIC_REQUIREMENTS)]:
        if len(requirements) >= MIN_REQUIREMENTS:
            break
        stripped = strip_non_requirements(str(extra))
        cleaned = clean(stripped) if stripped else None
        if cleaned:
            cleaned = _standards_or_equivalent("", [cleaned], references)[1][0]
        if cleaned and _dedupe([*requirements, cleaned]) != requirements:
            requirements.append(cleaned)
    return requirements


def _standards_or_equivalent(need: str, requirements: list[str], references: list[Reference]) -> tuple[str, list[str]]:
    """The need and requirements with every standard they name followed by «eller tilsvarende» (NS 3420 is a way to
    describe, not a level to meet; GN 1/1 a size to fit)."""
    for ref in (r for r in references if r.kind == "standard"):
        need = or_equivalent(need, ref.name)
        requirements = [or_equivalent(item, ref.name) for item in requirements]
    return need, requirements


def _first_part(name: str) -> str:
    """The first part of a standard named with several («EN 455-1, -2 og -4» -> «EN 455-1»)."""
    return re.split(r",|\s+(?:og|and|eller|or)\s+-", name)[0].strip()


def or_equivalent(text: str, name: str) -> str:
    """`text` with «eller tilsvarende» after each bare mention of the standard `name` (none already within the clause)."""
    out, at = [], 0
    for m in re.finditer(re.escape(name) + r"(?![\w/])(?:-[^\W\d_]+)?", text):
        if re.match(r"[^.;]{0,60}?(?:eller\s+tilsvarende|or\s+equivalent)", text[m.end():], re.IGNORECASE):
            continue
        # in a compound («GN 1/1-vognene») the standard is named again in brackets, not split from its noun
        added = f" ({name} eller tilsvarende)" if m.group(0) != name else " eller tilsvarende"
        out.append(text[at:m.end()] + added)
        at = m.end()
    return "".join(out) + text[at:]


def _same_name(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return a in b or b in a


def _equivalent_after(text: str, name: str) -> bool:
    """Whether the text itself puts «eller tilsvarende» (or «or equivalent») after `name`, within its clause."""
    at = text.lower().find(name.lower())
    return at >= 0 and bool(re.search(r"^[^.;]{0,60}?(?:eller\s+(?:tilsvarende|likeverdig)|or\s+equivalent)",
                                      text[at + len(name):], re.IGNORECASE))


def with_lock_in(draft: dict[str, list[str] | str], lock: LockIn, has_type: bool) -> dict[str, list[str] | str]:
    """The offline draft with a consumables lock-in replaced by what it was for: its requirements first, the questions
    and a note on the reason it needs; without a purchase type the need and the general fillers are the lock-in's too."""
    market, buyer = lock_in_questions(lock)
    own = [r for r in draft["functional_requirements"] if has_type or not any(r == g for g in GENERIC_REQUIREMENTS)]
    return {**draft,
            "need_statement": draft["need_statement"] if has_type else lock_in_need(lock),
            "functional_requirements": [*lock_in_requirements(lock), *own],
            "market_questions": [market, *draft["market_questions"]],
            "questions_for_buyer": [buyer, *draft["questions_for_buyer"]],
            # the analyzer has no finding for it, but the draft is no longer «only structured»
            "notes": [*draft["notes"][:1], lock_in_note(lock),
                      *(n for n in draft["notes"][1:] if not n.startswith("Analysen fant ingen løsningsbundne"))]}


def _with_weak_type(draft: dict[str, list[str] | str], weak, confidence: float, word: str) -> dict[str, list[str] | str]:
    """The general draft when the best purchase type was weak: the buyer is asked for the facts a type would have given,
    and a note says which type came closest and why it was not used."""
    why = f" («{word}» passer dårlig med den typen)" if word else ""
    question = ("Hva skal kjøpes, hvem skal bruke det, hvor og til hva, og hvordan vil dere se at behovet er dekket? "
                f"Nærmeste innkjøpstype var «{weak.id}» ({weak.domain}), men den passer ikke sikkert; med disse "
                "opplysningene kan kravene skrives for det dere faktisk kjøper.")
    share = f"{confidence:.2f}".replace(".", ",")
    note = (f"Vi har ikke brukt innkjøpstypen «{weak.id}»: sikkerheten for valget var bare {share} av 1{why}, og en feil "
            "type gir krav til et annet produkt. Utkastet bygger på generelle krav; svar på spørsmålene, så kan det skrives ut.")
    return {**draft, "questions_for_buyer": [question, *draft["questions_for_buyer"]],
            "functional_requirements": [*draft["functional_requirements"], *WEAK_TYPE_REQUIREMENTS],
            "notes": [*draft["notes"], note]}


# What any purchase needs, whatever it turns out to be, when no purchase type is sure enough: the use it must cover
# and how faults are put right; the buyer fills in the rest once the facts are known.
WEAK_TYPE_REQUIREMENTS = (
    "Leveransen skal dekke [oppgavene og bruken, beskrevet i vedlegg] for [antall] brukere, verifisert ved utprøving "
    "eller demonstrasjon før kontrakt.",
    "Leverandøren skal rette feil innen [timer eller virkedager] og sikre oppdateringer, reservedeler eller erstatning i "
    "minst [år], dokumentert med servicebetingelser.",
)


def rewrite_requirement(text: str, settings: Settings, provider: str | None = None) -> Rewrite:
    """A need-based draft of one requirement: offline from examples and templates, or with the configured LLM."""
    from advisor.llm import EXTRACTIVE, check_provider

    if not isinstance(text, str) or not text.strip():
        raise InvalidInput("requirement", text, "a non-empty requirement text")
    chosen = check_provider(provider, settings)
    analysis = analyze_requirement(text, settings)
    original = text
    # contact data, organisation numbers, addresses and legal references are not part of what is to be delivered:
    # the draft is built from the requirement without them (the findings still point into the original)
    text = without_non_requirements(text) if re.search(r"\w", without_non_requirements(text)) else text
    matches = find_matches(text)
    targets = measurable_targets(text, matches)
    categories = {f.category for f in analysis.findings}
    nearest = nearest_examples(text, categories, load_worked_examples(settings))
    nouns = " ".join(str(h.detail.get("noun") or "") for h in matches)
    line = " ".join(line_nouns(text, matches))  # the kind of thing a named model line is («Proace» is a van)
    # a prescribed language, database, cloud or software product makes it a software purchase, whoever makes it
    software = ["software"] if any(h.category == "prescribed_technology" and h.kind in {
        "language", "database", "cloud", "product", "platform"} for h in matches) else []
    # a supplier's line of business says nothing about what is bought («leveres av Atea AS»)
    brand_categories = software + [str(h.detail["brand_category"]) for h in matches
                                   if h.detail.get("brand_category") and h.category != "supplier"]
    # what is bought comes from the text's own object (its head noun, then its verb), before any purchase type
    bought = read_purchase_object(text)
    if _user_subject(text, bought):
        bought = None
    types = load_purchase_types(settings)
    service = service_reading(text) and (bought is None or bought.kind != "works")
    if service:
        # «Vinduene skal vaskes» is window cleaning, not windows: only service types, and no reading of goods
        bought = None
        types = [t for t in types if "services" in t.kinds]
    # with no object read («Vi trenger en Husqvarna») the maker's line of business is no reading of what is bought: a
    # maker of mowers also makes chainsaws and loaders; the draft asks what it is instead
    unread = bought is None and not service and maker_only(text, matches)
    ptype, tied = choose_purchase_type(text, types, nouns, brand_categories, bought, guess=not unread,
                                       line=line)
    head = without_parts(text)
    if ptype is not None and head != text and not service:
        # «Toyota Hilux med tilhenger og snøplog», «fagsystem med integrasjon …, inkludert opplæring», «elbiler med
        # vinterdekk»: the main item decides the type, not the parts named after it (they get their own requirements);
        # a type read only from the parts is not what is bought
        head_type, head_tied = choose_purchase_type(head, types, nouns, brand_categories, bought, guess=not unread,
                                                    line=line)
        if head_type is None or head_type.id != ptype.id:
            ptype, tied = head_type, head_tied
    # how sure the type is: a weak one (its word only in a complement or a compound on a specialised word, a thing of
    # another kind, a setting it does not cover) gives the general draft and a question for the facts instead
    confidence, weak_word = type_confidence(text, ptype) if ptype is not None else (0.0, "")
    weak = ptype if ptype is not None and confidence < TYPE_CONFIDENCE_FLOOR else None
    if weak is not None:
        ptype, tied = None, []
    if bought is not None and not bought.is_certain and ptype is not None \
            and (bought.kind not in ptype.kinds or _NOT_A_NOUN.match(bought.noun)):
        # an assumed reading from the verb alone that the purchase type the text's own words name contradicts («skal
        # ha minst 15 års erfaring» is a project manager's service, not goods), or whose «object» is no noun
        # («leveres Alt»), gives way to the type
        bought = None
    offline = draft_offline(text, matches, targets, nearest, ptype, bought, tied, unread=unread)
    if weak is not None:
        offline = _with_weak_type(offline, weak, confidence, weak_word)
    # the scope the text states («om lag 6 200 elever», «to administrasjonsbygg») is the need's context, not a delivery
    # and a need cut up by a text opening with a verb phrase is built again from the object and the stated purpose
    read = read_purchase_object(text)
    need = sound_need(str(offline["need_statement"]), text, read.noun if read is not None else "",
                      PLACEHOLDER_NEED)
    offline = {**offline, "need_statement": with_scope(need, scope_phrases(text))}
    lock = find_lock_in(text)
    if lock is not None:
        offline = with_lock_in(offline, lock, has_type=ptype is not None)
    references = find_references(text, matches)
    system = integration_system(text, matches)
    interface = str(offline.get("interface_requirement") or "")
    if system and interface:
        # the integration requirement names the system the buyer runs: a reference kept as a requirement (the
        # subject-matter justifies it), not an offer to keep it «if justified»
        references = [r for r in references if not (r.is_conditional and _same_name(r.name, system))]
        references.append(Reference(system, "integration", interface))
    references = [*references, *legal_references(original, references)]  # laws the text states: kept, never dropped
    platform = platform_experience(text, matches)
    if platform is not None:
        # a system the people must have worked in is a competence to have, not something the delivery must fit
        references = [r for r in references if not (r.is_conditional and r.name.lower() in platform[0].lower())]
    version = None
    kind = bought.kind if bought is not None else "services" if service else (
        ptype.kinds[0] if ptype is not None and len(ptype.kinds) == 1 else "goods" if lock is not None else None)
    if chosen == EXTRACTIVE:
        result = finish(offline, offline, text, matches, targets, references, kind)
    else:
        answer, version = draft_llm(text, analysis.findings, targets, nearest, settings, chosen, ptype, bought)
        if lock is not None:  # the model may keep the lock-in's wording: what it was for is required either way
            answer = {**answer, "functional_requirements": [*lock_in_requirements(lock),
                                                            *answer.get("functional_requirements", [])]}
        result = finish(answer, offline, text, matches, targets, references, kind)
    if bought is not None:
        result["notes"] = [*result["notes"][:1], bought.reading(), *result["notes"][1:]]
    figures = product_figures(targets, list(result["functional_requirements"]))
    result["notes"] = true_notes(list(result["notes"]), list(result["functional_requirements"]), figures)
    # the targets as the buyer sees them: each with its unit or what it counts, a bare number that counts nothing left out
    labels = {t.text: target_label(text, t) or _counted_in(t, list(result["functional_requirements"])) for t in targets}
    return Rewrite(
        original=original, need_statement=str(result["need_statement"]),
        functional_requirements=list(result["functional_requirements"]),
        market_questions=list(result["market_questions"]), questions_for_buyer=list(result["questions_for_buyer"]),
        findings=analysis.findings, provider=chosen, examples_used=[e.id for e, _ in nearest], prompt_version=version,
        targets=_dedupe([label for t in targets if (label := labels[t.text])]), notes=list(result["notes"]),
        object_kind=bought.kind if bought else kind, object_phrase=bought.phrase if bought else "",
        references=references,
        product_figures=_dedupe([label for f in figures if (label := labels.get(f))]),
        lost_targets=_dedupe([label for t in missing_targets(targets, list(result["functional_requirements"]))
                              if (label := labels[t.text])]),
        type_confidence=confidence if (ptype is not None or weak is not None) else None,
        purchase_type=(ptype or weak).id if (ptype is not None or weak is not None) else "",
        legal_basis=legal_basis(analysis.findings, references, settings, ptype.domain if ptype is not None else "", original,
                                list(result["functional_requirements"])),
    )
