"""Find solution-specific wording in requirement text (rules first: regular expressions and a brand lexicon).

A requirement such as «Sengene skal ha elektrisk høyderegulering med motorer av typen Linak.» names a
manufacturer's type instead of the function the buyer needs, which FOA § 15-1 (part III) and § 8-5 (part II)
forbid unless it is justified, and then only with «eller tilsvarende». analyze_requirement() finds such wording
by category (see FINDING_CATEGORIES), gives each finding its exact character span, a Norwegian explanation, the rule and a
citation to the guidance note in the corpus, and scores the requirement. Need statements, outcome targets with
numbers and references to standards are left alone. The rules that find the raw matches live in detectors.py
(find_matches, Match); word lists, patterns and explanation texts live in lexicon.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from advisor.config import Settings
from advisor.corpus import Citation, cite, read_plain_text
from advisor.errors import InvalidInput
from advisor.requirements import lexicon as lex
from advisor.requirements.detectors import Match, find_matches

SEVERITY_WEIGHT = {"high": 0.7, "medium": 0.5, "low": 0.15}
# A requirement is solution-specific when one finding is medium or high (score >= 0.5); low findings are hints,
# e.g. a brand named only to stay compatible with equipment the buyer already has.
SOLUTION_SPECIFIC_SCORE = 0.5


_FOA = "FOA § 15-1 (del III) og § 8-5 (del II)"
# category -> (legal rule in Norwegian, corpus doc id, anchor of the passage to cite)
FINDING_RULES: dict[str, tuple[str, str, str]] = {
    "brand": (f"{_FOA}: kravspesifikasjonen skal ikke vise til et bestemt fabrikat, varemerke, type eller opprinnelse "
              "som favoriserer eller utelukker leverandører, med mindre kontraktsgjenstanden begrunner det",
              "guide-merkenavn-og-tilsvarende", "Hva regnes som en ulovlig henvisning"),
    "model_type": (f"{_FOA}: forbudet gjelder uttrykkelig henvisning til en bestemt type eller modell",
                   "guide-merkenavn-og-tilsvarende", "Hva regnes som en ulovlig henvisning"),
    "missing_or_equivalent": (f"{_FOA}: en henvisning til merke eller type er bare tillatt unntaksvis og skal da "
                              "følges av «eller tilsvarende»", "guide-merkenavn-og-tilsvarende", "De to snevre unntakene"),
    "product_named": (f"{_FOA}: bruk ytelses- og funksjonskrav så langt det lar seg gjøre; beskriv hva dere vil oppnå, "
                      "ikke hvordan", "guide-behovsavklaring", "Hvorfor starte med behovet"),
    "prescribed_technology": (f"{_FOA}: ytelses- og funksjonskrav gir leverandørene frihet til å tilby nye og "
                              "bedre løsninger; et bestemt teknologivalg må være begrunnet i behovet",
                              "guide-skreddersydde-krav", "Typiske tegn på at kravene er løsningsbundne"),
    "material_dimension_method": (f"{_FOA}: bare egnede og nødvendige krav som står i forhold til formålet; "
                                  "foretrekk resultatkrav framfor metode, materiale og eksakte mål",
                                  "guide-skreddersydde-krav", "Typiske tegn på at kravene er løsningsbundne"),
    "same_as_current": (f"{_FOA} og LOA § 4 (likebehandling): dagens løsning er ikke et behov; løsriv dere fra "
                        "dagens løsning og tidligere kjøp", "guide-behovsavklaring", "DFØs råd"),
    "tailoring": (f"LOA § 4 (likebehandling) og {_FOA}: kravene kan ikke utformes slik at bare ett produkt i praksis "
                  "kan oppfylle dem", "guide-skreddersydde-krav", "Kort svar"),
    "supplier": ("LOA § 4 (likebehandling og konkurranse): en anskaffelse kan ikke rettes mot én navngitt leverandør uten "
                 "at et unntak for anskaffelser uten konkurranse gjelder", "guide-anskaffelser-uten-konkurranse", "Kort svar"),
    "origin": (f"{_FOA}: kravspesifikasjonen skal ikke vise til en bestemt opprinnelse eller produksjon som favoriserer eller "
               "utelukker leverandører", "guide-merkenavn-og-tilsvarende", "Hva regnes som en ulovlig henvisning"),
}
# Sub-kinds that cite a more specific passage.
KIND_RULES: dict[str, tuple[str, str, str]] = {
    "material": (f"{_FOA} og EU-domstolen C-424/23 DYKA Plastics: et krav om bestemt materiale er en typehenvisning "
                 "og må følges av «eller tilsvarende» eller være strengt begrunnet",
                 "guide-merkenavn-og-tilsvarende", "Materialkrav er også typehenvisning"),
    "standard": (f"{_FOA}: en henvisning til en standard skal følges av «eller tilsvarende», og en leverandør som viser "
                 "likeverdighet kan ikke avvises", "guide-kravspesifikasjoner", "Standarder og «eller tilsvarende»"),
    "exact_value": (f"{_FOA}: bare egnede og nødvendige krav som står i forhold til formålet; et eksakt tall uten funksjon "
                    "kan være overspesifisering", "guide-skreddersydde-krav", "Overspesifisering og underspesifisering"),
    "part_count": (f"{_FOA}: bare egnede og nødvendige krav som står i forhold til formålet; et eksakt antall deler uten "
                   "funksjon kan være overspesifisering", "guide-skreddersydde-krav", "Overspesifisering og underspesifisering"),
    "approval": (f"{_FOA}: en henvisning til en teknisk godkjenning eller et sertifikat skal følges av «eller tilsvarende»; "
                 "dere kan kreve dokumentasjon fra et akkreditert organ, men må godta tilsvarende organer og annen egnet "
                 "dokumentasjon", "guide-kravspesifikasjoner", "Testrapporter og sertifikater"),
    "certification": ("LOA § 4 (forholdsmessighet og likebehandling): krav til kvalifikasjoner skal stå i forhold til "
                      "oppdraget, og en bestemt sertifisering uten «eller tilsvarende» stenger ute personer med likeverdig "
                      "kompetanse", "guide-skreddersydde-krav", "Forholdsmessighet som kontrollspørsmål"),
    "attendance": ("LOA § 4 (forholdsmessighet og likebehandling): et krav om fysisk oppmøte et fast antall dager må være "
                   "nødvendig for behovet og stå i forhold til formålet, ellers favoriserer det leverandører som holder til i "
                   "nærheten", "guide-skreddersydde-krav", "Forholdsmessighet som kontrollspørsmål"),
    "compatibility": (f"{_FOA}: unntak når kontraktsgjenstanden begrunner henvisningen, typisk kompatibilitet med "
                      "utstyr dere allerede har, men bare hvis ikke andre fabrikater kan dekke behovet",
                      "guide-merkenavn-og-tilsvarende", "De to snevre unntakene"),
}

# What every rewrite rests on, whatever was found: how a requirement may be written at all.
LEGAL_RULES: dict[str, tuple[str, str, str]] = {
    "function": (f"{_FOA}: kravene kan stilles som ytelses- eller funksjonskrav, ved å vise til standarder eller som en "
                 "kombinasjon, og veiledningen anbefaler ytelses- og funksjonskrav så langt det lar seg gjøre; kravene "
                 "skal ha tilknytning til leveransen og stå i forhold til formålet",
                 "guide-kravspesifikasjoner", "Tre måter å beskrive det dere skal kjøpe på"),
    "climate": ("FOA § 7-9: klima- og miljøhensyn skal vektes med minst 30 % når tilbudene evalueres, eller ivaretas med "
                "krav i kravspesifikasjonen når det klart gir bedre klima- og miljøeffekt, begrunnet i "
                "anskaffelsesdokumentene", "guide-klima-og-miljo", "Hva krever FOA § 7-9 fra 1. januar 2024?"),
}


@dataclass(frozen=True)
class Finding:
    """One piece of solution-specific wording: category, span into the requirement, explanation, rule, source."""

    category: str
    start: int
    end: int
    text: str
    explanation: str
    rule: str
    citation: Citation
    severity: str
    kind: str = ""
    instead: str = ""


@dataclass(frozen=True)
class RequirementAnalysis:
    """The verdict on one requirement: is it solution-specific, how strongly (0-1), and why."""

    text: str
    solution_specific: bool
    score: float
    findings: list[Finding] = field(default_factory=list)


# --- splitting a pasted list or a file into requirements ---------------------------------------------------------

_BULLET = re.compile(
    r"^\s*(?:[-*•–·▪◦‣►]|\(?\d{1,3}[.)]|\(?[a-zA-Z][)]|\d+(?:\.\d+)+\.?|(?:K|R|Krav|Req)\s?\d+(?:\.\d+)*\s*[:.)-])\s+"
)
_TABLE_RULE = re.compile(r"^:?-{2,}:?$")
_TERMINAL = re.compile(r"[.!?:;]\s*$")


def split_requirements(text: str) -> list[str]:
    """One requirement per non-empty line or bullet/numbered item; wrapped lines and Markdown tables are handled."""
    items: list[str] = []
    open_item = False  # the last item may continue on the next line
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            open_item = False
            continue
        if line.startswith("#"):  # Markdown heading: structure, not a requirement
            open_item = False
            continue
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if all(_TABLE_RULE.match(c) or not c for c in cells):
                continue
            best = max(cells, key=len)
            if len(best.split()) >= 3:
                items.append(best)
            open_item = False
            continue
        bullet = _BULLET.match(raw)
        if bullet:
            items.append(raw[bullet.end():].strip())
            open_item = True
            continue
        if items and open_item and not _TERMINAL.search(items[-1]) and line[:1].islower():
            items[-1] = f"{items[-1]} {line}"
            continue
        items.append(line)
        open_item = True
    return [item for item in items if re.search(r"[^\W\d_]", item)]


def read_requirements_file(path: str | Path, settings: Settings) -> str:
    """The text of a .txt, .md or .pdf file of requirements; unreadable, empty or binary files raise."""
    path = Path(path)
    if not path.is_file():
        raise InvalidInput("file", str(path), "an existing .txt, .md or .pdf file")
    return read_plain_text(path, int(settings.index.max_file_mb * 1e6), settings.index.max_pdf_pages)


# --- explanations, citations and the verdict ------------------------------------------------------------------------

def explain(match: Match, span: str) -> str:
    """The Norwegian explanation of one match."""
    return lex.explanation(match.category, match.kind, match.severity, span, match.detail)


def rule_key(category: str, kind: str, severity: str) -> str:
    """Which rule a finding rests on: a sub-kind with its own passage («material», «standard», «compatibility» for a
    brand named only to stay compatible), else its category."""
    if severity == "low" and category in {"brand", "model_type", "supplier"}:
        return "compatibility"
    return kind if kind in KIND_RULES else category


def legal_rule(key: str, settings: Settings, n: int = 1) -> tuple[str, Citation]:
    """The rule (law and what it says, in Norwegian) for a key of LEGAL_RULES, KIND_RULES or FINDING_RULES, and the
    guidance passage in the corpus that explains it, cited as source number n."""
    rule = LEGAL_RULES.get(key) or KIND_RULES.get(key) or FINDING_RULES.get(key)
    if rule is None:
        raise InvalidInput("rule", key, f"one of {', '.join([*LEGAL_RULES, *KIND_RULES, *FINDING_RULES])}")
    law, doc_id, anchor = rule
    return law, cite(settings, doc_id, anchor, n)


def _rule_and_citation(match: Match, settings: Settings,
                       known: dict[str, tuple[str, Citation]]) -> tuple[str, Citation]:
    """The rule text (with its guidance passage named) and corpus citation for a match, looked up by legal_rule;
    `known` holds those already looked up in this analysis."""
    key = rule_key(match.category, match.kind, match.severity)
    if key not in known:
        # cite() checks the corpus folder for changes on every call: once per rule, not once per finding, keeps a
        # 10 000-line list from spending most of its time there
        law, citation = legal_rule(key, settings)
        known[key] = (f"{law}. Veiledning: «{citation.title}», avsnitt «{citation.section}».", citation)
    return known[key]


def score_of(severities: list[str]) -> float:
    """Strength of the solution-specific signal, 0-1: 1 minus the product of (1 - weight) over the findings."""
    remaining = 1.0
    for severity in severities:
        remaining *= 1 - SEVERITY_WEIGHT[severity]
    return round(1 - remaining, 2)


def analyze_requirement(text: str, settings: Settings,
                        _known: dict[str, tuple[str, Citation]] | None = None) -> RequirementAnalysis:
    """Find solution-specific wording in one requirement; offsets are relative to `text`."""
    known = {} if _known is None else _known
    if not isinstance(text, str) or not text.strip():
        raise InvalidInput("requirement", text, "a non-empty requirement text")
    if "\x00" in text:
        raise InvalidInput("requirement", text[:40], "plain text (this looks binary)")
    findings = []
    for match in find_matches(text):
        span = text[match.start:match.end]
        rule, citation = _rule_and_citation(match, settings, known)
        findings.append(Finding(match.category, match.start, match.end, span, explain(match, span), rule, citation,
                                match.severity, match.kind, lex.instead(match.category, match.kind, match.severity)))
    score = score_of([f.severity for f in findings])
    return RequirementAnalysis(text, score >= SOLUTION_SPECIFIC_SCORE, score, findings)


def analyze_text(text: str, settings: Settings) -> list[RequirementAnalysis]:
    """Analyze one requirement or a pasted list (one per line or bullet); one result per requirement."""
    if not isinstance(text, str) or not text.strip():
        raise InvalidInput("text", text, "non-empty requirement text")
    if "\x00" in text:
        raise InvalidInput("text", text[:40], "plain text (this looks binary)")
    items = split_requirements(text)
    if not items:
        raise InvalidInput("text", text, "at least one requirement with words in it")
    known: dict[str, tuple[str, Citation]] = {}
    return [analyze_requirement(item, settings, known) for item in items]
