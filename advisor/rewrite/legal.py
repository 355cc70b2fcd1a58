"""Why a rewrite is written as it is: the legal notes, each applied to what was found in the requirement.

A blind grading by a procurement lawyer found the same general rule under every rewrite and seldom a word about the
requirement in front of it. legal_basis() therefore writes one note per problem found, quoting the words it is
about and saying what the rule means for them: a brand with «eller tilsvarende» (the phrase does not make a brand
lawful when the need can be described, and «tilsvarende» says nothing until the criteria for equivalence are
stated), «samme som i dag» (today's supplier knows what today's solution is; new bidders do not), a named supplier
(a direct award in effect), an office in a place (favours local suppliers, lawful only if tied to the need and
proportionate), a standard or label without «eller tilsvarende», a dictated material (C-424/23 DYKA Plastics) and a
demand for national origin. The general rule comes once, short, first. Every note cites the passage of the guidance in
the corpus it rests on (the guidance notes are written from /work/shared/reference/procurement-facts.md), one note
per passage: two findings that rest on the same passage share a note.

The analyzer's findings (category, kind, span) say what was found. Two things it does not mark are read from the
text here: «eller tilsvarende» right after a brand (the analyzer finds the brand either way), a brand written as a
company («Visma Enterprise AS», «kontrakt med …»), which is a named supplier, and a material the analyzer does not
know («skal være steinull»).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from advisor.config import Settings
from advisor.corpus import Citation, cite
from advisor.requirements import EQUIVALENT, Finding, legal_rule, rule_key
from advisor.rewrite.domains import CLIMATE_REQUIREMENT, is_climate_requirement
from advisor.rewrite.references import Reference, is_label
from advisor.rewrite.templates import INCUMBENT


@dataclass(frozen=True)
class LegalBasis:
    """Why the rewrite is written as it is: a rule (law and what it means here) and the guidance passage behind it."""

    rule: str
    citation: Citation


# At most this many notes per rewrite: the general rule, the notes for what was found, then the climate rule.
MAX_LEGAL_BASIS = 5

# Purchase types whose climate footprint is rarely insignificant: the rewrite then names the climate rule, FOA § 7-9,
# which the contract must meet (weighting or requirements), beside the rules for what was found.
CLIMATE_DOMAINS = frozenset({"kjøretøy og transport", "belysning og energi", "bygg og byggevarer", "renhold og driftstjenester",
                             "mat og servering", "IT-utstyr"})

_FOA = "FOA § 15-1 (del III) og § 8-5 (del II)"
_FOA_SHORT = "FOA § 15-1/§ 8-5"
GENERAL_RULE = (f"{_FOA}: beskriv hva som skal oppnås, med ytelses- og funksjonskrav så langt det lar seg gjøre, ikke et "
                "bestemt produkt; kravene skal ha tilknytning til leveransen og stå i forhold til formålet")

# note -> (corpus doc id, anchor of the passage it rests on)
PASSAGES: dict[str, tuple[str, str]] = {
    "general": ("guide-kravspesifikasjoner", "Tre måter å beskrive det dere skal kjøpe på"),
    "brand": ("guide-merkenavn-og-tilsvarende", "Hva regnes som en ulovlig henvisning"),
    "origin": ("guide-merkenavn-og-tilsvarende", "Hva regnes som en ulovlig henvisning"),
    "equivalent_no_cure": ("guide-merkenavn-og-tilsvarende", "De to snevre unntakene"),
    "compatibility": ("guide-merkenavn-og-tilsvarende", "De to snevre unntakene"),
    "equivalent_undefined": ("guide-kravspesifikasjoner", "Kravene må være presise nok"),
    "material": ("guide-merkenavn-og-tilsvarende", "Materialkrav er også typehenvisning"),
    "current": ("guide-grunnleggende-prinsipper", "Hvilke prinsipper må vi følge"),
    "incumbent": ("guide-grunnleggende-prinsipper", "Hvilke prinsipper må vi følge"),
    "supplier": ("guide-anskaffelser-uten-konkurranse", "Kort svar"),
    "presence": ("guide-kravspesifikasjoner", "Hvor mye kan vi kreve: forholdsmessighet"),
    "attendance": ("guide-kravspesifikasjoner", "Hvor mye kan vi kreve: forholdsmessighet"),
    "standard": ("guide-kravspesifikasjoner", "Standarder og «eller tilsvarende»"),
    "label": ("guide-kravspesifikasjoner", "Testrapporter og sertifikater"),
}

# A brand written as a company, or as the party to the contract: the supplier is named, not only its product.
_COMPANY_AFTER = re.compile(r"^(?:\s+[A-ZÆØÅ][\w&.\-]*){0,3}\s+(?:AS|ASA|AB|A/S|Ltd|GmbH|Oy)\b")
_PARTY_BEFORE = re.compile(r"(?:(?:kontrakt|avtale|rammeavtale)\s+med|leveres\s+av|kjøpes\s+(?:inn\s+)?fra|bestilles\s+fra)\s+$",
                           re.IGNORECASE)
# A material after «skal være (av|laget av|i)» that the analyzer does not mark: the note applies DYKA to it.
_MATERIAL = re.compile(
    r"\bskal\s+(?:være|leveres|utføres|lages|bygges)\s+(?:(?:laget\s+)?av\s+|i\s+)?(?P<m>steinull|glassull|mineralull|massivtre|"
    r"heltre|limtre|eik|bøk|furu|gran|PVC|vinyl|linoleum|betong|tegl\w*|murstein|stål|rustfritt\s+stål|aluminium|kobber|"
    r"sink|glassert\s+leire|plast|gummi|granitt|skifer|naturstein|kompositt)\b", re.IGNORECASE)
_NORWEGIAN = re.compile(r"\bnorsk\w*|\bNorge\b|\bNoreg\b", re.IGNORECASE)


def legal_basis(findings: list[Finding], references: list[Reference], settings: Settings, domain: str = "",
                text: str = "", requirements: list[str] | None = None) -> list[LegalBasis]:
    """The legal notes for a rewrite of `text`: the general rule once, then one note per problem found in it (quoting
    the words), the notes for standards and systems kept «eller tilsvarende» (`references`), and the climate rule
    applied to the draft's `requirements` when one of them is on climate or environment or the purchase type's
    footprint matters (`domain`); notes on the same guidance passage are one note, numbered from 1. The climate note
    is always kept, the others up to MAX_LEGAL_BASIS in all."""
    notes: list[tuple[str, Citation]] = [(GENERAL_RULE, _cite(settings, "general"))]
    for key, rule in [*_finding_notes(findings, text, domain), *_reference_notes(findings, references)]:
        if key in PASSAGES:
            notes.append((rule, _cite(settings, key)))
        else:  # a rule the analyzer keeps for this kind of finding, applied to the words found
            law, citation = legal_rule(key, settings)
            # a note written as sentences takes the rule as its own sentence, a bare quotation as its subject
            notes.append((f"{rule}{'. ' if '. ' in rule else ': '}{law}", citation))
    merged: dict[str, tuple[list[str], Citation]] = {}
    for rule, citation in notes:
        rules, _ = merged.setdefault(citation.chunk_id, ([], citation))
        if rule not in rules:
            rules.append(rule)
    kept = list(merged.values())
    climate = climate_note(requirements or [], domain)
    if climate:
        _, citation = legal_rule("climate", settings)
        kept = [item for item in kept if item[1].chunk_id != citation.chunk_id][:MAX_LEGAL_BASIS - 1]
        kept.append(([climate], citation))
    return [LegalBasis(". ".join(r.rstrip(". ") for r in rules), dataclasses.replace(citation, n=n))
            for n, (rules, citation) in enumerate(kept[:MAX_LEGAL_BASIS], start=1)]


# The rule and its two exceptions as procurement-facts.md § 1.7 supports them (DFØ's climate guide, ch. 1, 6 and 7).
_CLIMATE_RULE = ("FOA § 7-9: klima- og miljøhensyn skal som hovedregel vektes med minst 30 % når tilbudene evalueres. Unntak: "
                 "dere kan i stedet stille klima- og miljøkrav i kravspesifikasjonen når det klart gir bedre klima- og "
                 "miljøeffekt, og da skal begrunnelsen stå i anskaffelsesdokumentene; og plikten faller bort bare når "
                 "anskaffelsens klimaavtrykk og miljøbelastning er ubetydelig. Utenom disse unntakene gjelder plikten fullt ut")


def climate_note(requirements: list[str], domain: str = "") -> str:
    """The climate rule (FOA § 7-9) applied to the draft: which requirement is on climate or environment, and the
    award criterion it can become instead; for a purchase type whose footprint matters (`domain`) and a draft with no
    such requirement, what to add. '' when neither."""
    # the requirement whose effect on climate is real for the purchase, before one that only looks environmental
    number = next((n for n, r in enumerate(requirements, start=1) if is_climate_requirement(r)), 0) or \
        next((n for n, r in enumerate(requirements, start=1) if CLIMATE_REQUIREMENT.search(r)), 0)
    if number:
        words = requirements[number - 1].split()
        quoted = " ".join(words[:9]).rstrip(",.;") + (" …" if len(words) > 9 else "")
        return (f"{_CLIMATE_RULE}. Utkastet ivaretar klima og miljø med krav {number} («{quoted}»); skriv i "
                "anskaffelsesdokumentene hvorfor kravet klart gir bedre klima- og miljøeffekt enn en vekting. Vil dere heller vekte, gjør kravet "
                "om til et tildelingskriterium «Klima og miljø» med minst 30 % vekt, der bedre verdier enn [minstenivået] "
                "gir flere poeng")
    if domain in CLIMATE_DOMAINS:
        return (f"{_CLIMATE_RULE}. Utkastet har ennå ikke et krav om klima eller miljø: legg inn et målbart krav (for "
                "eksempel utslipp, energibruk eller klimaavtrykk) eller et tildelingskriterium «Klima og miljø» med minst "
                "30 % vekt")
    return ""


def _cite(settings: Settings, key: str) -> Citation:
    doc_id, anchor = PASSAGES[key]
    return cite(settings, doc_id, anchor)


def _quote(text: str, findings: list[Finding]) -> str:
    """The words of the findings, adjacent ones as one quotation («Håg Capisco», not «Håg», «Capisco»)."""
    if not text:
        return ", ".join(f"«{w}»" for w in dict.fromkeys(f.text for f in findings))
    groups: list[list[int]] = []
    for start, end in sorted((f.start, f.end) for f in findings):
        if groups and not text[groups[-1][1]:start].strip(" -"):
            groups[-1][1] = max(groups[-1][1], end)
        else:
            groups.append([start, end])
    return ", ".join(f"«{w}»" for w in dict.fromkeys(text[s:e].strip() for s, e in groups))


def _company(text: str, findings: list[Finding]) -> str:
    """«Visma Enterprise AS» for the brand «Visma» written as a company ('' when none is)."""
    for finding in findings:
        company = _COMPANY_AFTER.match(text[finding.end:]) if text else None
        if company:
            return f"«{text[finding.start:finding.end + company.end()].strip()}»"
    return ""


def _is_supplier(finding: Finding, text: str) -> bool:
    if finding.category == "supplier":
        return True
    return finding.category == "brand" and bool(text) and (
        bool(_COMPANY_AFTER.match(text[finding.end:])) or bool(_PARTY_BEFORE.search(text[:finding.start])))


# Notes that only put the quoted words in front of a fixed text.
_WORDED_NOTES = {
    "incumbent": (": å foretrekke den som har oppdraget i dag, favoriserer dagens leverandør og strider mot likebehandling "
                  "(LOA § 4); ingen skal få fortrinn, heller ikke gjennom kunnskap bare den har. Beskriv kompetansen "
                  "oppdraget krever, og gi alle tilbyderne det samme underlaget om det som er gjort"),
    "current": (" viser til dagens løsning. Dagens leverandør vet hva den er, nye tilbydere gjør ikke: kravet gir den som "
                "har kontrakten i dag et informasjonsforsprang, og det strider mot likebehandling (LOA § 4). Beskriv det "
                "dere vil beholde (legg ved for eksempel dagens meny, oppsett eller funksjonsliste), eller beskriv behovet bak"),
    # legal_basis adds the analyzer's rule for approvals (and its passage) after this
    "approval": (" er én bestemt godkjenning eller ett bestemt sertifiseringsorgan, krevd som eneste dokumentasjon; "
                 "utkastet godtar også tilsvarende godkjenninger og annen egnet dokumentasjon, for eksempel testrapporter "
                 "fra et akkreditert organ"),
}


# Labels that certify national origin («Nyt Norge», «Spesialitet»): an origin requirement in the form of a label.
_ORIGIN_LABEL = re.compile(r"(?<!\w)(?:Nyt\s+Norge|Godt\s+Lokalt|Spesialitet(?:merket)?)(?!\w)", re.IGNORECASE)
# A named source of the goods («kyllingen skal leveres fra Norsk Kylling»): a supplier named in all but word.
_FROM_SUPPLIER = re.compile(r"(?<!\w)(?:leveres|levert|kjøpes|komme|hentes)\s+fra\s+"
                            r"(?P<name>(?-i:[A-ZÆØÅ][\w&\-]+(?:\s+[A-ZÆØÅ][\w&\-]+)*)(?:\s+(?:AS|ASA|SA))?)")


# What a buyer may ask for instead of an origin, by the purchase type's domain: freshness is a property of food, not of chairs.
_ORIGIN_PROPERTIES = {
    "mat og servering": "ferskhet, holdbarhet ved levering, sporbarhet, dyrevelferd eller leveringstid",
    "møbler og utstyr": "holdbarhet, reservedeler, reparasjon, klimaavtrykk eller leveringstid",
}
_ORIGIN_PROPERTIES_DEFAULT = "kvalitet, leveringstid, beredskap eller klimaavtrykk"


# What a prescribed method demands and what to write instead; the analyzer's rule follows.
_METHOD_NOTE = (" foreskriver hvordan arbeidet skal gjøres. Det stenger ute leverandører som når samme resultat på en annen "
                "måte, og må derfor være nødvendig for formålet. Skriv resultatet metoden skal gi og hvordan det "
                "kontrolleres; må metoden stå, legg til «eller tilsvarende»")


def _finding_notes(findings: list[Finding], text: str, domain: str = "") -> list[tuple[str, str]]:
    """(note key, text, passage) per kind of problem found, in the order the problems occur."""
    strong = sorted((f for f in findings if f.severity != "low"), key=lambda f: f.start)
    groups: dict[str, list[Finding]] = {}
    for finding in strong:
        groups.setdefault(_note_key(finding, text), []).append(finding)
    out: list[tuple[str, str]] = []
    for key, group in groups.items():
        quoted = _quote(text, group)
        if key == "brand":
            with_equivalent = [f for f in group if text and EQUIVALENT.match(text[f.end:].lstrip(" ,"))]
            if with_equivalent:
                out += _equivalent_notes(_quote(text, group))
            else:
                out.append((key, f"{quoted} viser til et bestemt merke eller en bestemt type. {_FOA_SHORT} forbyr det når "
                                 "det favoriserer eller utelukker leverandører, med mindre kontraktsgjenstanden begrunner "
                                 "det (typisk kompatibilitet med det dere har), og da bare med «eller tilsvarende»"))
        elif key == "supplier":
            out.append((key, f"{_company(text, group) or quoted} er navngitt som leverandør: da er konkurransen avgjort på forhånd, og kjøpet er i "
                             "realiteten en direkte anskaffelse. Fra 100 000 kroner gjelder kravet om konkurranse og "
                             "likebehandling (LOA § 4), og over EØS-terskelverdiene er anskaffelser uten konkurranse bare "
                             "lov i snevert avgrensede tilfeller. Beskriv det som skal leveres, så kan flere konkurrere"))
        elif key in _WORDED_NOTES:
            out.append((key, quoted + _WORDED_NOTES[key]))
        elif key == "presence":
            out.append((key, f"{quoted} er et krav om hvor leverandøren holder til. Det favoriserer lokale leverandører og "
                             "er bare lovlig når det har tilknytning til leveransen og står i forhold til formålet "
                             f"({_FOA_SHORT}; forholdsmessighet, LOA § 4). Still heller krav til svartid og oppmøte, som "
                             "enhver leverandør kan oppfylle"))
        elif key == "attendance":
            out.append((key, f"{quoted} krever oppmøte et fast antall dager. Det favoriserer leverandører som holder til i "
                             "nærheten, og er bare lovlig når oppmøtet er nødvendig for oppgavene og står i forhold til "
                             "formålet (LOA § 4). Still heller krav til møter på stedet når det trengs, med varsel, og til "
                             "svartid"))
        elif key == "origin":
            out.append(_origin_note(text, group, quoted, domain))
        elif key == "material":
            out.append(_material_note(quoted))
        elif key == "standard":
            labels = [f for f in group if is_label(f.text)]
            standards = [f for f in group if not is_label(f.text)]
            if standards:
                out.append((key, f"{_quote(text, standards)} står uten «eller tilsvarende». En henvisning til en standard "
                                 "skal følges av «eller tilsvarende», og en leverandør som viser at løsningen er likeverdig, "
                                 "kan ikke avvises; utkastet har lagt det til"))
            if labels:
                out.append(("label", f"{_quote(text, labels)} er et merke brukt som krav. Skriv hvilke av merkets kriterier "
                                     "som gjelder leveransen, og godta tilsvarende merker og annen egnet dokumentasjon på at "
                                     "de er oppfylt; krever dere sertifikat eller testrapport, må dere også godta tilsvarende "
                                     "organer"))
        else:  # legal_basis adds the analyzer's rule for this kind after the words (a method: what to write instead first)
            method = all(f.category == "material_dimension_method" and f.kind == "method" for f in group)
            out.append((key, quoted + _METHOD_NOTE if method else quoted))
    out += _unflagged_notes(text, groups, strong, domain)
    material = _MATERIAL.search(text or "")
    if material and "material" not in groups and not EQUIVALENT.match(text[material.end():].lstrip(" ,")):
        out.append(_material_note(f"«{material.group('m')}»"))
    return out


def _unflagged_notes(text: str, groups: dict[str, list[Finding]], strong: list[Finding],
                     domain: str) -> list[tuple[str, str]]:
    """Notes for what the analyzer may leave unflagged: an origin label («Nyt Norge») and a supplier the goods are to
    come from («leveres fra Frukt Vest»)."""
    out: list[tuple[str, str]] = []
    label = _ORIGIN_LABEL.search(text or "")
    if label and not any(f.start < label.end() and label.start() < f.end for f in strong):
        # an origin label the analyzer did not see: the finding's own note says it otherwise, and once is enough
        out.append(_origin_label_note(label.group(0), domain))
    supplier = _FROM_SUPPLIER.search(text or "")
    if supplier and "supplier" not in groups and not any(f.start <= supplier.start("name") < f.end for f in strong):
        out.append(("supplier", f"«{supplier.group('name')}» er navngitt som den varene skal komme fra: da er konkurransen "
                                "avgjort på forhånd for de varene, og det strider mot konkurranse og likebehandling (LOA § 4). "
                                "Beskriv varene og kvaliteten dere trenger, så kan flere levere"))
    return out


def _origin_note(text: str, group: list[Finding], quoted: str, domain: str) -> tuple[str, str]:
    """An origin demanded: as a label («merket Nyt Norge»), one note on the label; else why an origin may not be demanded
    and the properties to ask for instead."""
    label = _label_findings(text, group)
    if label:
        return _origin_label_note(label, domain)
    national = any(_NORWEGIAN.search(f.text) for f in group)
    return ("origin", f"{quoted} er et krav om opprinnelse. {_FOA_SHORT} forbyr å vise til en bestemt opprinnelse eller "
                      "produksjon som favoriserer eller utelukker leverandører"
                      + (", og et krav om norsk opprinnelse kan i tillegg stride mot EØS-reglene om fri bevegelighet"
                         if national else "")
                      + ". Beskriv egenskapen dere trenger (for eksempel "
                      + _ORIGIN_PROPERTIES.get(domain, _ORIGIN_PROPERTIES_DEFAULT)
                      + ") i stedet for hvor varen kommer fra")


def _label_findings(text: str, group: list[Finding]) -> str:
    """The origin label the origin findings of `group` demand («Nyt Norge»), '' when they demand an origin otherwise."""
    for finding in group:
        label = _ORIGIN_LABEL.search(text or "")
        if finding.kind == "label" or (label and finding.start < label.end() and label.start() < finding.end):
            return label.group(0) if label else finding.text
    return ""


def _origin_label_note(label: str, domain: str) -> tuple[str, str]:
    """Why requiring an origin label is requiring an origin, and what to write instead."""
    return ("origin", f"«{label}» er et merke for norsk opprinnelse. Å kreve det er å kreve en bestemt opprinnelse: "
                      f"{_FOA_SHORT} forbyr det når det favoriserer eller utelukker leverandører, og det forskjellsbehandler "
                      "varer fra andre EØS-land i strid med EØS-reglene om fri bevegelighet av varer og likebehandling "
                      "(LOA § 4). Skriv egenskapene merket skulle sikre (for eksempel "
                      + _ORIGIN_PROPERTIES.get(domain, _ORIGIN_PROPERTIES_DEFAULT)
                      + "), og godta annen dokumentasjon på dem")


def _note_key(finding: Finding, text: str) -> str:
    if _is_supplier(finding, text):
        return "supplier"
    if finding.category == "missing_or_equivalent" and finding.kind == "certification":
        return "certification"  # a certification of people: the analyzer's proportionality rule, after the words
    if finding.category == "missing_or_equivalent" and finding.kind == "approval":
        return "approval"  # the analyzer's rule for approvals and its passage (KIND_RULES), after the words
    if finding.category in {"brand", "model_type"} or (finding.category == "missing_or_equivalent"
                                                         and finding.kind != "standard"):
        return "brand"  # the brand's note says a justified reference needs «eller tilsvarende»
    if finding.category == "same_as_current":
        return "incumbent" if INCUMBENT.search(finding.text) else "current"
    if finding.category == "origin":
        return finding.kind if finding.kind in {"presence", "attendance"} else "origin"
    if finding.category == "missing_or_equivalent" and finding.kind == "standard":
        return "standard"
    return rule_key(finding.category, finding.kind, finding.severity)


def _equivalent_notes(quoted: str) -> list[tuple[str, str]]:
    return [
        ("equivalent_no_cure", f"{quoted} står med «eller tilsvarende», men det gjør ikke henvisningen lovlig når behovet "
                               "kan beskrives med funksjons- og ytelseskrav. Et merke kan bare nevnes når kontraktsgjenstanden "
                               "krever det (for eksempel kompatibilitet med det dere har) eller det ikke kan beskrives presist "
                               f"på annen måte; først da skal «eller tilsvarende» stå ({_FOA_SHORT})"),
        ("equivalent_undefined", f"«Tilsvarende» sier ikke hva som godtas: skriv hvilke egenskaper ved {quoted} et tilbud må "
                                 "ha for å regnes som tilsvarende, og hvordan det dokumenteres. Ellers kan leverandørene ikke "
                                 "forutse hva dere godtar (forutberegnelighet, LOA § 4; KOFA 2015/102 om for uklare krav)"),
    ]


def _material_note(quoted: str) -> tuple[str, str]:
    return ("material", f"{quoted} foreskriver et materiale. EU-domstolen (C-424/23 DYKA Plastics, 2025) regner et krav om "
                        "bestemt materiale som en henvisning til en type eller en bestemt produksjon: det må være strengt "
                        "begrunnet i kontraktsgjenstanden, ellers skal det følges av «eller tilsvarende». Beskriv heller "
                        "hva det skal tåle og yte (for eksempel brann, fukt, lyd, slitasje eller levetid), og la "
                        "leverandøren velge materiale")


def _reference_notes(findings: list[Finding], references: list[Reference]) -> list[tuple[str, str]]:
    """Standards kept with «eller tilsvarende» already in the text, and systems kept only if justified."""
    flagged = {f.text.lower() for f in findings if f.category == "missing_or_equivalent"}
    out: list[tuple[str, str]] = []
    kept = [r for r in references if r.kind == "standard" and not any(r.name.lower() in t or t in r.name.lower()
                                                                          for t in flagged)]
    if kept:
        names = ", ".join(f"«{r.name}»" for r in kept)
        out.append(("standard", f"{names} er beholdt med «eller tilsvarende»: en leverandør som viser at løsningen er "
                                "likeverdig, kan ikke avvises. Skriv hvordan likeverdighet skal dokumenteres"))
    integrations = [r for r in references if r.kind == "integration"]
    if integrations:
        names = ", ".join(f"«{r.name}»" for r in integrations)
        out.append(("compatibility", f"{names} er beholdt i kravet om integrasjon: å kreve at leveransen virker med et "
                                     "system som allerede er i bruk, er lovlig når kontraktsgjenstanden krever det "
                                     f"({_FOA_SHORT}); kravet ber om et dokumentert grensesnitt eller et standard API, "
                                     "ikke om et bestemt produkt for det nye"))
    systems = [r for r in references if r.is_conditional]
    if systems:
        names = ", ".join(f"«{r.name}»" for r in systems)
        out.append(("compatibility", f"{names}: å kreve at leveransen virker med noe dere har, er bare lov når "
                                     "kontraktsgjenstanden krever det og ikke andre fabrikater kan dekke behovet "
                                     f"({_FOA_SHORT}); kostnader ved å bytte kan heller vurderes i tildelingskriteriene"))
    return out
