"""Keeping a justified reference: the standards, labels and systems a requirement names, with «eller tilsvarende».

A requirement may name a standard («INSTA 800»), a label («Svanemerket») or a system or platform the delivery must
work with («integreres med dagens Salto-system», «Microsoft Teams»). Dropping the reference loses a real need, and
keeping the name bare is what FOA § 15-1 (del III) and § 8-5 (del II) forbid. find_references() keeps each one in a
lawful form:

- a standard or label becomes a requirement to meet it «eller tilsvarende» (a supplier who shows equivalence is
  accepted); law, regulations and national infrastructure (Noark, EHF, WCAG, TEK17, ...) are kept as they are,
  since there is nothing to be equivalent to;
- a system or platform the delivery must work with becomes «virke med X eller tilsvarende», or the open standard or
  interface behind X where one is well known. It is lawful only when the subject-matter justifies it (typically
  compatibility with what the buyer already has, and only if no other make would do), so it is offered on that
  condition, with a question asking the buyer for the justification; a name that is the product bought itself
  («skal være Lenovo ThinkPad …») is no such system.

interface_requirement() keeps the need behind a fit with what the buyer has («passer i dagens dokkingstasjoner»,
«integreres med fagsystemet») as a requirement on a documented, open interface or protocol «eller tilsvarende»,
verified by a connection test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from advisor.requirements import EQUIVALENT, MANDATED_STANDARD, NAMED_STANDARD, STANDARDS, Match
from advisor.rewrite.targets import part_list_length as _part_list_length

SYSTEM_CATEGORIES = {"brand", "model_type", "supplier", "prescribed_technology"}
# Prescribed technologies that are something to work with (a platform, product, database or cloud), not a free
# choice of how to build (a programming language, an approach).
PLATFORM_KINDS = {"platform", "product", "database", "cloud"}

# Open standards or interfaces behind well-known systems: offered as the neutral way to keep the compatibility.
OPEN_INTERFACES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"teams|zoom|webex|google meet|skype", re.I), "åpne standarder for videomøter som SIP og H.323"),
    (re.compile(r"\bentra\b|azure ad|active directory", re.I), "innlogging via SAML 2.0 eller OpenID Connect"),
    (re.compile(r"\b(?:microsoft 365|office|word|excel)\b", re.I), "åpne dokumentformater (ODF eller OOXML)"),
    (re.compile(r"dips|cgm|gerica|profil|journal(?!før)|epj", re.I), "utveksling av helsedata etter HL7 FHIR"),
    (re.compile(r"easee|zaptec|ladeboks|ladeanlegg|ocpp|laststyring|\blader(?:e|ne)?\b", re.I), "styring av ladepunkter etter OCPP"),
    (re.compile(r"\bLIS\b|laboratoriesystem|laboratorieinformasjonssystem", re.I),
     "utveksling av bestillinger og prøvesvar etter HL7 eller ASTM"),
    (re.compile(r"biblioteksystem|bibliotekssystem", re.I), "utveksling av utlånsdata etter SIP2 eller NCIP"),
    (re.compile(r"videosystem|videostrøm|videosentral", re.I), "overføring av video etter en åpen strømmeprotokoll som RTSP"),
    (re.compile(r"axis|milestone|hikvision|kamera|videoovervåk", re.I), "videoovervåking etter ONVIF"),
    (re.compile(r"interact city|citytouch|lysstyring|gatelys|armatur", re.I),
     "sentralstyring av gatelys etter TALQ, med Zhaga- eller NEMA-sokkel for styringsnoden"),
    (re.compile(r"dokking|docking|dock", re.I), "USB-C med DisplayPort og strømforsyning (USB Power Delivery) eller Thunderbolt"),
    (re.compile(r"varsl|alarm|responssent|trygghets", re.I), "varsling til responssenter etter SCAIP eller et dokumentert API"),
    (re.compile(r"fagsystem|saksbehandlingssystem|økonomisystem|arkiv", re.I), "et REST-API med åpen spesifikasjon"),
)
# The level or class of a standard the text states («brannklasse Bfl-s1 etter NS-EN 13501-1», «klasse A2-s1,d0»): kept
# with the standard, since «eller tilsvarende» is about the standard, not about lowering the level.
_LEVEL = r"[\w+]+(?:-[\w+]+)*(?:,\s?[a-z]\d)?"
_QUALIFIER_AFTER = re.compile(rf"^[\s,]*(?:til\s+|på\s+)?([\wæøå]*(?:nivå|klasse|level)\s+{_LEVEL})", re.IGNORECASE)
_QUALIFIER_BEFORE = re.compile(rf"([\wæøå]*(?:nivå|klasse)\s+{_LEVEL})\s+(?:etter|i|iht\.?|i henhold til)\s+$", re.IGNORECASE)
# A class stated without the word «klasse» before the standard («klassifisert som Bfl-s1 etter NS-EN 13501-1», «ha
# Euroklasse ... », «oppfylle Bfl-s1 iht. NS-EN 13501-1»): a code with a digit, kept with its standard all the same.
_CODE_BEFORE = re.compile(r"(?<![\w\-])((?:klassifisert|klassifiseres|godkjent|testet)\s+(?:som|til|i)\s+)?"
                          r"((?=[\w\-+,]*\d)[A-ZÆØÅ][\w+]*(?:-[\w+]+)*(?:,\s?[a-z]\d)?)"
                          r"\s+(?:etter|iht\.?|i\s+henhold\s+til)\s+$")
_VERB_SUFFIX = re.compile(r"[\s\-]+(?:sertifiser|merk|godkjen)\w*$", re.IGNORECASE)
_SUBJECT = re.compile(r"^\s*([A-ZÆØÅ][\wæøå\-]*(?:\s+[\wæøå\-]+)?)\s+(?:skal|må)\b")
_EXISTING = re.compile(r"(?<!\w)(?:dagens|eksisterende|nåværende|vår|vårt|våre|allerede|i dag|vi har)(?!\w)", re.IGNORECASE)
# Labels (as opposed to standards): a product meets a label's criteria.
_LABEL = re.compile(r"Svanemerk|EU Ecolabel|Blomsten|FSC|PEFC|TCO Certified|Energy Star|Möbelfakta|Miljøfyrtårn|EMAS",
                    re.IGNORECASE)
_STANDARD_PROOF = "dokumentert med sertifikat, testrapport eller [annen egnet dokumentasjon]"


# National login and identity services the buyer's users already have: supported by the goods, not complied with.
_LOGIN_SERVICE = re.compile(r"Feide|ID-porten|BankID", re.IGNORECASE)
_LOGIN_WORD = re.compile(r"(?:inn|på)logging|logge\s+(?:inn|på)|autentisering|login", re.IGNORECASE)


def is_label(name: str) -> bool:
    """Whether a named standard is a label (a product meets its criteria: «Svanemerket», «FSC»), not a standard."""
    return bool(_LABEL.search(name))


@dataclass(frozen=True)
class Reference:
    """A standard, label or system named in the requirement, and the requirement that keeps it lawfully."""

    name: str
    # "standard", "mandated" (law or national infrastructure), "system" (kept only if justified) or "integration" (a
    # system in use the delivery must exchange data with or be run from: kept, the subject-matter justifies it)
    kind: str
    requirement: str
    question: str = ""

    @property
    def is_conditional(self) -> bool:
        """Whether the buyer must justify the reference before it may stand (a system, not a standard)."""
        return self.kind == "system"


def find_references(text: str, matches: list[Match]) -> list[Reference]:
    """The standards, labels and systems `text` names, each with a requirement that keeps it lawfully."""
    return _standards(text, matches) + _systems(text, matches)


# The buyer as a sentence's subject («Kommunen skal bytte …», «Oppdragsgiver skal …»): it describes the buyer's own act,
# never what the delivery must meet.
BUYER_SUBJECT = re.compile(r"^(?:kommunen|fylkeskommunen|oppdragsgiver(?:en)?|byggherre(?:n)?|bydelen|etaten|"
                           r"virksomheten|kunden|kjøper(?:en)?|innkjøper(?:en)?|helseforetaket|sykehuset|"
                           r"vi|dere|det|den|de|staten|direktoratet|universitetet|skolen|barnehagen)$", re.IGNORECASE)


def _subject(text: str) -> str:
    """The delivery's subject: the first sentence whose subject is not the buyer («Gulvbelegget skal …»)."""
    for sentence in re.split(r"(?<=[.;!?])\s+", text):
        m = _SUBJECT.match(sentence)
        if m and len(m.group(1).split()) <= 2 and not STANDARDS.search(m.group(1)) \
                and not BUYER_SUBJECT.match(m.group(1).split()[0]) and not _BUYS_NEXT.match(sentence, m.end()):
            return m.group(1)
    return "Leveransen"


# A subject followed by a verb of buying is the buyer («Laboratoriet skal anskaffe …»), never what must meet a standard.
_BUYS_NEXT = re.compile(r"\s*(?:kjøpe|anskaffe|bestille|leie|lease|fornye|anlegge)\b", re.IGNORECASE)
# Management-system standards: they certify how an organisation works (the supplier or the maker), not a product.
_MANAGEMENT_STANDARD = re.compile(r"(?<![\w\-])ISO\s?(?:9001|14001|13485|27001|45001|50001|22000|20000-1)\b", re.IGNORECASE)


# Open standards for an interface or a size (not products): what the delivery must fit in what the buyer has
# («GN 1/1»-vogner, DALI-2 lysstyring, SCAIP to the alarm centre). They are kept «eller tilsvarende» like any standard.
OPEN_STANDARD = re.compile(r"(?<![\w/])(?:GN\s?\d/\d+|DALI(?:-2)?|SCAIP|KNX|BACnet|Modbus|ONVIF|OCPP|HL7(?:\s+FHIR)?|FHIR|"
                           r"Zhaga|TALQ|USB-C|Thunderbolt\s?\d?|DisplayPort|Qi|NOBB|EHF)(?![\w/])")


# Standards for how works are described (NS 3420): a way of writing the description, not a level of performance, and
# never a reason to shut out a description in another, equivalent system; kept «eller tilsvarende».
_DESCRIPTION_STANDARD = re.compile(r"^NS\s?3420", re.IGNORECASE)
_CLAUSE_SUBJECT = re.compile(r"(?:^|[.;,]\s*|\s+og\s+)([A-ZÆØÅa-zæøå][\wæøå\-]*)\s+(?:skal|må)\s+(?:\w+\s+){0,3}?$")


# The subject of a standard's clause, a few words before it («fasaden skal ha brannklasse A2-s1,d0 etter …»).
_STANDARD_CLAUSE_SUBJECT = re.compile(r"(?:^|[.;]\s*|,\s+|\s+og\s+)([A-ZÆØÅa-zæøå][\wæøå\-]*)\s+(?:skal|må)\s+"
                                      r"(?:[\w,\-]+\s+){0,6}?$")


def _standard_subject(text: str, start: int) -> str:
    """The subject of the clause a standard at `start` stands in, when it is the delivery's (not the buyer's, not
    «som»); else the requirement's subject."""
    m = _STANDARD_CLAUSE_SUBJECT.search(text[:start])
    if m and m.group(1).lower() != "som" and not BUYER_SUBJECT.match(m.group(1)) and not STANDARDS.search(m.group(1)):
        return m.group(1)[:1].upper() + m.group(1)[1:]
    return _subject(text)


def _clause_subject(text: str, start: int) -> str:
    """The subject of the clause a name at `start` stands in («… og armaturene skal styres med DALI-2» -> «Armaturene»),
    else the requirement's subject."""
    m = _CLAUSE_SUBJECT.search(text[:start])
    if m and m.group(1).lower() not in {"som"} and not BUYER_SUBJECT.match(m.group(1)):
        return m.group(1)[:1].upper() + m.group(1)[1:]
    return _subject(text)


def _standards(text: str, matches: list[Match] | None = None) -> list[Reference]:
    out: list[Reference] = []
    seen: set[str] = set()
    spans = [(m.start(), m.end()) for m in NAMED_STANDARD.finditer(text)]
    # an open standard in a product's name («HP Thunderbolt G4») is part of the name, not a standard the text asks for
    names = [(h.start, h.end) for h in matches or [] if h.category in {"brand", "model_type", "product_named"}]
    spans += [(m.start(), m.end()) for m in OPEN_STANDARD.finditer(text)
              if not any(s < m.end() and m.start() < e for s, e in [*spans, *names])]
    spans += [(m.start(), m.end()) for m in STANDARDS.finditer(text) if MANDATED_STANDARD.match(m.group(0))
              and not any(s < m.end() and m.start() < e for s, e in spans)]
    for start, end in sorted(spans):
        end += _part_list_length(text[end:])  # «EN 455-1, -2, -3 og -4»: every part named is kept, not the first only
        name = _VERB_SUFFIX.sub("", text[start:end]).strip(" .,;:")
        if not name or name.lower() in seen:
            continue
        seen.add(name.lower())
        # the subject of the standard's own clause («… og fasaden skal ha brannklasse … etter NS-EN 13501-1»)
        subject = _clause_subject(text, start) if OPEN_STANDARD.fullmatch(name) else _standard_subject(text, start)
        if _MANAGEMENT_STANDARD.search(name):
            subject = "Leverandøren"  # «Laboratoriet skal oppfylle ISO 13485»: a quality system is the supplier's
        if MANDATED_STANDARD.match(name) and not _DESCRIPTION_STANDARD.match(name):
            if _CE.match(name) or (_CE_LAW.match(name) and _CE.search(_sentence_at(text, start))):
                # CE marking is a legal conformity requirement (medical devices, machinery, toys, PPE): kept as one
                # requirement, with the regulation the text names; never a reference to be equivalent to
                if not any(r.name == "CE" for r in out):
                    out.append(Reference("CE", "mandated", _ce_requirement(text, start, subject)))
                continue
            if _LOGIN_SERVICE.fullmatch(name) and _LOGIN_WORD.search(text[max(0, start - 40):start]):
                # «innlogging med Feide»: a national login service the users already have is an interface the goods
                # must support, not a standard to comply with
                out.append(Reference(name, "mandated", f"{subject} skal støtte innlogging med {name} for "
                                                       "[brukergruppene], verifisert ved test med våre brukere før kontrakt."))
                continue
            out.append(Reference(name, "mandated", f"{subject} skal oppfylle {name}, {_STANDARD_PROOF}."))
            continue
        after, before = _QUALIFIER_AFTER.match(text[end:]), _QUALIFIER_BEFORE.search(text[:start])
        # the level goes first («nivå Excellent i BREEAM»): a capitalised word right before «eller tilsvarende»
        # reads as a product name
        what = f"kriteriene for {name}" if _LABEL.match(name) else name
        code = None if after or before else _CODE_BEFORE.search(text[max(0, start - 60):start])
        if after or before:
            what = f"{after.group(1)} i {name}" if after else f"{before.group(1)} etter {name}"
        elif code and not STANDARDS.fullmatch(code.group(2)) and not NAMED_STANDARD.fullmatch(code.group(2)):
            what = f"klasse {code.group(2)} etter {name}"
        if name.upper().startswith("GN"):  # a gastronorm size is what fits the trolleys, ovens and fridges one has
            out.append(Reference(name, "standard", f"Beholderne skal ha mål etter {name} eller tilsvarende, slik at de passer "
                                                   "i [vogner, ovner og kjøleskap dere har], dokumentert med datablad; en "
                                                   "likeverdig løsning godtas."))
            continue
        verb = ("støtte" if OPEN_STANDARD.fullmatch(name) else "følge" if _DESCRIPTION_STANDARD.match(name)
                else "oppfylle")
        out.append(Reference(name, "standard", f"{subject} skal {verb} {what} eller tilsvarende, "
                                               f"{_STANDARD_PROOF}; en likeverdig løsning godtas."))
    return out


# CE marking and the EU rules that require it: a legal conformity requirement of the product, not solution-specific.
_CE = re.compile(r"^CE(?:-merk\w*|-godkjen\w*)?$|(?<![\w\-])CE(?:-merk\w*|[\s\-]godkjen\w*|\s+merk\w*)?(?![\w\-])",
                 re.IGNORECASE)
_CE_LAW = re.compile(r"^(?:MDR|IVDR)$", re.IGNORECASE)
# The regulation a CE requirement names, in the words of the text.
_CE_BASIS = re.compile(r"(?<!\w)(?:(?P<law>MDR|IVDR|(?:forordning|direktiv)\w*\s+(?:\(EU\)\s*)?[\d/]+|"
                       r"[\w\-]*(?:direktiv|forordning|forskrift)\w*)|"
                       r"(?P<what>medisinsk\w*\s+utstyr|personlig\w*\s+verneutstyr|PVU|leketøy|maskin(?:er)?))(?!\w)",
                       re.IGNORECASE)


def _sentence_at(text: str, pos: int) -> str:
    start = max(text.rfind(". ", 0, pos), text.rfind("; ", 0, pos))
    end = min([i for i in (text.find(". ", pos), text.find("; ", pos)) if i >= 0], default=len(text))
    return text[start + 2 if start >= 0 else 0:end]


def _ce_requirement(text: str, start: int, subject: str) -> str:
    """The CE requirement: the subject of its own clause, the rules the text names («som medisinsk utstyr etter MDR»,
    «etter maskinforskriften»), documented with the EU declaration of conformity."""
    sentence = _sentence_at(text, start)
    m = _SUBJECT.match(sentence)
    if m and not BUYER_SUBJECT.match(m.group(1).split()[0]) and len(m.group(1).split()) <= 2:
        subject = m.group(1)
    elif re.match(r"^\s*(?:alle|alt)\s+(?:produkt\w*|utstyr\w*|varer?\w*)\s+(?:skal|må)\b", sentence, re.IGNORECASE):
        subject = re.match(r"^\s*(\w+\s+\w+)", sentence).group(1)
    laws = list(dict.fromkeys(b.group("law") for b in _CE_BASIS.finditer(sentence) if b.group("law")))
    what = next((b.group("what") for b in _CE_BASIS.finditer(sentence) if b.group("what")), "")
    basis = (f" som {what}" if what else "") + (f" etter {' og '.join(laws)}" if laws else "")
    if not laws:
        basis += (" [etter regelverket som gjelder for produktet, for eksempel MDR, maskinforskriften, leketøyforskriften "
                  "eller PVU-forordningen]")
    return (f"{subject} skal være CE-merket{basis}, dokumentert med EU-samsvarserklæring og merking på produktet; "
            "CE-merking er et lovkrav og står uten «eller tilsvarende».")


# A name the delivery must work with, by the words around it: «styres via X», «integreres med X», «kobles til X»
# before it, or «X, som kommunen allerede benytter» after it.
_WORKS_WITH_BEFORE = re.compile(r"(?<!\w)(?:styres|overvåkes|integreres|kobles|virke(?:\s+sammen)?|kommunisere|"
                                r"hentes|eksporteres|overføres|journalføres|leses|"
                                r"kompatib\w*|passe\w*)\s+(?:\w+\s+)?(?:via|fra|med|mot|til|i|gjennom)\s+(?:(?:dagens|"
                                r"eksisterende|vårt|vår|våre|det|den|kommunens|fylkeskommunens|virksomhetens|etatens|"
                                r"sykehusets|skolens)\s+){0,2}$", re.IGNORECASE)
_IN_USE_AFTER = re.compile(r"^[\s,]*som\s+(?:(?:vi|kommunen|virksomheten|etaten|sykehuset|dere|[a-zæøå]+en)\s+(?:allerede\s+|i\s+dag\s+)?"
                           r"(?:har|bruker|benytter|eier|har\s+i\s+drift)\b|er\s+(?:vårt|vår|våre|dagens|det\s+eksisterende|"
                           r"(?:kommunens|virksomhetens|etatens|sykehusets)(?:\s+eksisterende)?)\b)", re.IGNORECASE)
# A sentence saying the buyer has a system today («Kommunen bruker i dag Power BI», «Vi har Visma»): a later reference
# to it is to what the buyer already runs.
_HAS_TODAY = re.compile(r"(?<!\w)(?:bruker|benytter|har|eier|drifter)\s+(?:(?:i\s+dag|allerede|per\s+i\s+dag)\s+)?"
                        r"(?:i\s+dag\s+)?$|(?<!\w)(?:dagens|eksisterende|nåværende)\s+(?:\w+\s+)?(?:er|heter)\s+$",
                        re.IGNORECASE)


def _works_with_any(text: str, name: str) -> bool:
    """Whether some mention of `name` is something the delivery must work with («integreres med X»)."""
    first = name.split()[0] if name.split() else name
    return any(_works_with(text, m.start(), m.end()) for m in re.finditer(re.escape(first), text))


def _works_with(text: str, start: int, end: int) -> bool:
    return bool(_WORKS_WITH_BEFORE.search(text[max(0, start - 60):start]) or _IN_USE_AFTER.match(text[end:]))


def _system_groups(text: str, matches: list[Match]) -> list[tuple[int, int, bool]]:
    """(start, end, existing) of each system the requirement must work with: a reference the analyzer read as
    compatibility with what the buyer has (low severity), or a named platform, product, database or cloud."""
    picked = sorted(
        (h for h in matches if h.category in SYSTEM_CATEGORIES | {"missing_or_equivalent"} and (
            (h.severity == "low" and (h.kind == "compat" or h.detail.get("compat")))
            or (h.category == "prescribed_technology" and h.kind in PLATFORM_KINDS)
            or (h.category != "missing_or_equivalent" or h.kind == "missing") and _works_with(text, h.start, h.end))),
        key=lambda h: h.start)
    groups: list[list[int]] = []
    for match in picked:
        if groups and match.start <= groups[-1][1] + 1:
            groups[-1][1] = max(groups[-1][1], match.end)
        else:
            groups.append([match.start, match.end])
    # a brand that only opens a platform's name («Microsoft» in «Microsoft Teams») and the model that follows a
    # system («Salto XS4») belong to that group
    for match in matches:
        for group in groups:
            if match.category == "brand" and match.end <= group[0] and text[match.end:group[0]].strip() == "" \
                    and match.start >= group[0] - 20:
                group[0] = match.start
            if match.category == "model_type" and match.start >= group[1] and text[group[1]:match.start].strip() == "":
                group[1] = match.end
    had = [text[s:e].strip().lower() for s, e in groups
           if any(_HAS_TODAY.search(text[max(0, o.start() - 40):o.start()]) and _BUYER_HAS.search(_clause_before(text, o.start()))
                  for o in re.finditer(re.escape(text[s:e].strip()), text))]
    return [(s, e, bool(_EXISTING.search(text[max(0, s - 40):s]) or _OWNED.search(text[max(0, s - 25):s])
                        or _IN_USE_AFTER.match(text[e:]) or _DATA_TO.search(text[max(0, s - 40):s])
                        or text[s:e].strip().lower() in had)) for s, e in groups]


# Who has the system, in the clause before it: the buyer («Kommunen», «Vi», «Sykehuset»).
_BUYER_HAS = re.compile(r"(?<!\w)(?:vi|kommunen|fylkeskommunen|virksomheten|etaten|sykehuset|helseforetaket|oppdragsgiver\w*|"
                        r"bydelen|skolen|universitetet|[a-zæøå]+etaten)(?!\w)", re.IGNORECASE)


def _clause_before(text: str, pos: int) -> str:
    return re.split(r"[.;:!?]", text[:pos])[-1]


# A system the delivery's data must be taken out to («kunne hentes ut til Power BI»): the buyer's own tool, in use.
_DATA_TO = re.compile(r"(?<!\w)(?:hentes\s+ut|eksporteres|overføres|leses\s+inn|rapporteres)\s+(?:til|i)\s+$",
                      re.IGNORECASE)


# What the delivery itself is («skal være Lenovo ThinkPad ... med Windows 11 Pro», «av typen Evondos E300»): from the
# words that say so up to what it must fit or do («, slik at de passer i ...», «og skal styres via ...»). A name in
# there is the product bought, not a system it must work with.
_IDENTITY = re.compile(r"(?<!\w)(?:skal|må)\s+være\s+|(?<!\w)av\s+typen\s+", re.IGNORECASE)
_IDENTITY_END = re.compile(r"[.;]|,?\s*slik\s+at|,?\s*(?:og\s+)?(?:som\s+)?(?:skal|må)\s+(?:kunne\s+)?(?!være)\w+|"
                           r"(?<!\w)(?:passe\w*|kompatib\w*|integrer\w*|styres|kobles|virke)(?!\w)", re.IGNORECASE)


def _identity_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _IDENTITY.finditer(text):
        end = _IDENTITY_END.search(text, m.end())
        spans.append((m.end(), end.start() if end else len(text)))
    return spans


def _systems(text: str, matches: list[Match]) -> list[Reference]:
    named: dict[str, tuple[str, bool]] = {}  # one per system, however often it is named: its fullest name, and
    identity = _identity_spans(text)
    for start, end, existing in _system_groups(text, matches):  # whether any mention says the buyer has it
        if EQUIVALENT.match(text[end:].lstrip(" ,")):
            continue
        if any(s <= start < e for s, e in identity):  # the product bought is not something to work with
            continue
        if OPEN_STANDARD.fullmatch(text[start:end].strip()):  # an open standard is kept as one (see _standards)
            continue
        compound = re.match(r"-[^\W\d_]{3,}", text[end:])  # «Salto-system», «DIPS-journal»
        name = text[start:end + (compound.end() if compound else 0)].strip()
        key = text[start:end].strip().lower()
        before = named.get(key, ("", False))
        named[key] = (max(before[0], name, key=len), before[1] or existing)
    out: list[Reference] = []
    for name, existing in named.values():
        what = f"dagens {name}" if existing else name
        interface = next((f", eller støtte {label}" for pattern, label in OPEN_INTERFACES if pattern.search(name)),
                         ", eller et åpent, dokumentert grensesnitt [navn på standard eller grensesnitt]")
        requirement = (f"Leveransen skal virke sammen med {what} eller tilsvarende{interface}, verifisert ved test i vårt "
                       "miljø før kontrakt.")
        question = (f"Hva gjør at leveransen må virke med «{name}» (utstyr, data, lisenser eller avtaler dere har og ikke "
                    "kan bytte uten urimelig kostnad)? Skriv begrunnelsen i anskaffelsesdokumentene; uten en slik "
                    "begrunnelse må henvisningen ut, og byttekostnader kan heller vurderes i tildelingen.")
        if not existing and _works_with_any(text, name):
            # an integration verb («integreres med X»): lawful when X is something the buyer has and the purchase must
            # work with; only a free choice of product would have to go
            question = (f"Er «{name}» noe dere allerede har og som leveransen må virke med? I så fall er henvisningen "
                        "lovlig som et krav til grensesnitt når kontraktsgjenstanden krever det: skriv i "
                        "anskaffelsesdokumentene at dere har det og hvorfor et bytte ville koste urimelig mye, og behold "
                        "«eller tilsvarende». Er det et valg av produkt for det nye, beskriv heller funksjonen.")
        if existing:
            # what the buyer already runs is a lawful thing to work with: the reason is written down, the need stays
            question = (f"Hva gjør at leveransen må virke med «{name}», som dere allerede har (data, rapporter, arkiv "
                        "eller utstyr dere ikke kan bytte uten urimelig kostnad)? Skriv begrunnelsen i "
                        "anskaffelsesdokumentene: et krav om å virke med det dere har, er lovlig når kontraktsgjenstanden "
                        "krever det, og står da med «eller tilsvarende».")
        out.append(Reference(name, "system", requirement, question))
    return out


# --- what the delivery must fit: an interface requirement --------------------------------------------------------

# «passer i dagens dokkingstasjoner», «kompatibel med eksisterende styringssystem», «integreres med fagsystemet»,
# «styres via X, som kommunen allerede benytter», «samme varslingsrutiner som i dag»: the verb says how the delivery
# must fit what the buyer has, the thing is what it must fit.
_FIT = re.compile(
    r"(?<!\w)(?P<verb>passe[rs]?|kompatib\w*|integrer\w*|styres|kobles|virke(?:\s+sammen)?|kommunisere|"
    # where the delivery's data must end up («journalføres i vårt sak-/arkivsystem», «hentes ut til Power BI»)
    r"journalføres|arkiveres|(?:kunne\s+)?(?:hentes\s+ut|eksporteres|overføres|leses\s+inn)|"
    # a system the delivery is connected to or sends its data to («være koblet til eksisterende pasientsignalanlegg»,
    # «overføre data til …», «ha integrasjon mot laboratoriets LIS», «støtte OCPP 1.6J mot vårt laststyringssystem»)
    r"(?:til)?koblet|integrasjon|overføre|sendes?|støtte\s+[\w.\-]+(?:\s+[\d.]+\w*)?|"
    # what is moved, in the buyer's words («overføre timer til X», «eksportere fakturagrunnlaget til X»)
    r"(?:overføre|eksportere|synkronisere)(?:\s+(?!til\b|med\b|mot\b)[a-zæøå][\w\-]*){1,2}?)"
    r"(?:\s+(?:og\s+)?(?:overvåkes|brukes))?(?:\s+(?:\w*data|dataene|resultatene|resultater|bildene|bilder|målingene|"
    r"måleverdiene|varsler|varslene))?(?:\s+direkte)?\s+(?:(?:via|fra|med|mot|til|i|gjennom)\s+)(?P<thing>[^.;,]{3,80}?)"
    r"(?=\s*(?:[.;,]|$|\s+(?:som|slik|og\s+(?:skal|ha|være|kunne|har|er)|eller\s+tilsvarende|via|gjennom|for\s+å)\b))"
    r"|(?<!\w)samme\s+(?P<same>(?:[\w\-]+\s+){0,4}?[\w\-]*(?:varsl|rutine|oppsett|system|integrasjon|grensesnitt)\w*)"
    r"\s+som\s+(?:i\s+dag|(?:vi|dere)\s+har)",
    re.IGNORECASE)
_OWNED = re.compile(r"(?<!\w)(?:kommunens|fylkeskommunens|virksomhetens|etatens|sykehusets|skolens|"
                    # any definite genitive names whose the system is: «laboratoriets LIS», «110-sentralens videosystem»
                    r"[\w\-]+(?:ets|ens|enes))(?!\w)", re.IGNORECASE)
_DEFINITE = re.compile(r"[^\W\d_]+(?:ene|et|en|a)$", re.IGNORECASE)
# A definite system noun right before a product's name («journalsystemet Gerica», «bookingløsningen X»): the buyer's own
# system of that kind.
_SYSTEM_BEFORE_NAME = re.compile(r"(?:(?:dagens|vårt|vår|eksisterende)\s+)?(?P<noun>[a-zæøå\-]*(?:system|løsning|plattform|"
                                 r"verktøy|program|register|anlegg|sentral)(?:et|en|a|ene))\s+(?-i:[A-ZÆØÅ0-9])",
                                 re.IGNORECASE)
# How the delivery must fit, by the verb.
_FIT_VERBS = (("styres", "kunne styres og overvåkes fra"), ("kobles", "kunne kobles til"), ("koblet", "kunne kobles til"),
              ("tilkoblet", "kunne kobles til"), ("integrasjon", "utveksle data med"), ("overføre", "overføre dataene til"),
              ("sende", "overføre dataene til"), ("støtte", "utveksle data med"), ("passe", "kunne kobles til og brukes med"),
              ("integrer", "utveksle data med"), ("kommunisere", "utveksle data med"),
              ("journalføres", "overføre dokumentene automatisk til"), ("arkiveres", "overføre dokumentene automatisk til"),
              ("kunne", "gjøre dataene tilgjengelige for"), ("hentes", "gjøre dataene tilgjengelige for"),
              ("eksporteres", "gjøre dataene tilgjengelige for"), ("eksportere", "overføre dataene til"),
              ("synkronisere", "utveksle data med"), ("overføres", "gjøre dataene tilgjengelige for"),
              ("leses", "gjøre dataene tilgjengelige for"))


# What «passe» is an interface to: equipment or systems, not furniture or people.
_TECHNICAL = re.compile(r"system|stasjon|plattform|lader|dokking|docking|batteri|nettverk|programvare|sensor|server|skriver|"
                        r"sentral|anlegg|styring|tavle|kontakt|uttak|port|grensesnitt|protokoll|maskin|utstyr|app\w*|lås",
                        re.IGNORECASE)


def interface_requirement(text: str, matches: list[Match], subject: str = "Løsningen",
                          sample: bool = True) -> tuple[str, str]:
    """(requirement, note) when the requirement says the delivery must fit something the buyer already has; ('', '')
    otherwise. The need is kept as an interface requirement: a documented, open interface or protocol, or an
    equivalent, shown by a connection test in the buyer's own setting; a product name in the thing is left to the
    references the buyer may keep if justified. Compatibility with what the buyer has is one of the two narrow
    grounds for naming something (FOA § 15-1/§ 8-5), so the note asks for the reason to be written down."""
    m = _FIT.search(text)
    if not m:
        return "", ""
    named = [(h.start, h.end) for h in matches if h.category in {"brand", "model_type", "missing_or_equivalent"}]
    if m.group("same"):
        what = m.group("same").strip()
        thing = "systemet som mottar varslene i dag [responssenter eller plattform, navn og versjon i vedlegg]" \
            if re.search(r"varsl", what, re.IGNORECASE) else f"dagens {what} [beskriv i vedlegg]"
        verb = "sende varsler og data til" if re.search(r"varsl", what, re.IGNORECASE) else "virke med"
    else:
        thing = m.group("thing").strip()
        span = _target_span(text, m, matches) if _INTEGRATION_VERB.match(m.group("verb")) else None
        if span:
            return _integration_requirement(text, m, span, subject)
        if any(s < m.end("thing") and m.start("thing") < e for s, e in named):
            kind = _SYSTEM_BEFORE_NAME.match(thing)
            if not (_EXISTING.search(text) or _OWNED.search(text) or kind):
                return "", ""  # «styres med DALI»: a technology, not something owned
            if kind:
                # «kobles til journalsystemet Gerica»: a definite system named by its product is the buyer's own
                noun = kind.group("noun").lower()
                article = "de" if noun.endswith("ene") else "det" if noun.endswith("et") else "den"
                thing = f"{article} eksisterende {noun}"
            else:
                thing = ("det eksisterende styringssystemet" if m.group("verb").lower() == "styres"
                         else "det eksisterende systemet")
            thing += " [navn og versjon i vedlegg]"
        elif m.group("verb").lower().startswith("passe") and not _TECHNICAL.search(thing):
            return "", ""  # «passe til bordene», «passe alle brukere»: a fit, not an interface
        elif _SYSTEM_BEFORE_NAME.match(thing):
            # «integreres med bookingsystemet Bookup»: a name the analyzer does not know still names the buyer's system
            noun = _SYSTEM_BEFORE_NAME.match(thing).group("noun").lower()
            article = "de" if noun.endswith("ene") else "det" if noun.endswith("et") else "den"
            thing = f"{article} eksisterende {noun} [navn og versjon i vedlegg]"
        elif not (_EXISTING.search(thing) or _OWNED.search(thing) or _EXISTING.search(text[m.end():m.end() + 40])
                  or _DEFINITE.search(thing.split()[-1])):
            return "", ""
        verb = next((v for cue, v in _FIT_VERBS if m.group("verb").lower().startswith(cue)), "virke med")
    interface = next((f", for eksempel {label}," for pattern, label in OPEN_INTERFACES if pattern.search(m.group(0))),
                     " [navn på standard eller grensesnitt]")
    if "[" not in thing:  # what the buyer has must be described for suppliers to test against it
        thing += " [beskriv i vedlegg hvilke grensesnitt og versjoner dere har]"
    requirement = (f"{subject} skal {verb} {thing} gjennom et dokumentert, åpent grensesnitt eller en åpen protokoll"
                   f"{interface} eller tilsvarende, fordi [skriv hva som må virke sammen med det dere har, og hvorfor "
                   "et bytte ville koste urimelig mye], verifisert ved en tilkoblingstest"
                   f"{' av en prøveenhet' if sample else ''} i vårt miljø før kontrakt.")
    note = (f"«{m.group(0).strip()}» er beholdt som et krav til grensesnitt: å kreve at leveransen virker med det dere "
            "allerede har, er lovlig når kontraktsgjenstanden krever det (FOA § 15-1/§ 8-5); skriv i "
            "anskaffelsesdokumentene hva som må passe sammen og hvorfor et bytte ville koste urimelig mye.")
    return requirement, note


# --- an integration with a named system the buyer runs ------------------------------------------------------------

# Verbs by which the delivery exchanges data with a system or is run from it: an integration, never a physical fit
# («passe i dagens låser» is equipment the goods must fit, kept by the general interface requirement).
_INTEGRATION_VERB = re.compile(r"integr|overf|eksport|styres|kobl|tilkobl|sende|journalf|arkiver|hentes|leses|kommuniser|"
                               r"virke|støtte", re.IGNORECASE)
# A name in the thing the delivery must work with: a capitalised or mixed-case word, an acronym («DIPS»), or a run of
# them with a version («Public 360», «Visma Lønn»), not opening the thing with an article or a definite noun.
_SYSTEM_NAME = re.compile(r"(?<![\w\-])(?:[A-ZÆØÅ][\w\-]*|[a-zæøå]+[A-ZÆØÅ][\w\-]*)(?:\s+(?:[A-ZÆØÅ0-9][\w\-.]*))*")
# Capitalised words in the thing that name no system: a place, a body, a month, a generic noun written in capitals.
_NOT_SYSTEM = re.compile(r"(?:Norge|Norway|NAV-kontor\w*|Kommunen|Oppdragsgiver\w*|Leverandør\w*|Vedlegg|Bilag|Kapittel|"
                         r"Januar|Februar|Mars|April|Mai|Juni|Juli|August|September|Oktober|November|Desember)$")


# Words that say the buyer already runs a system («dagens», «eksisterende», «kommunens», «vårt»).
_OWNED = re.compile(r"\b(?:dagens|eksisterende|nåværende|noverande|vårt|vår|våre|kommunens|fylkeskommunens|sykehusets|"
                    r"helseforetakets|etatens|virksomhetens|allerede|already|existing|current|our)\b", re.IGNORECASE)


def integration_target(text: str, m: re.Match[str], matches: list[Match]) -> str:
    """The named system an interface phrase (_FIT's match `m`) links the delivery to («integrasjon mot Elements»,
    «overføre data til Visma», «styres fra Intune»): the name as the text writes it, or '' when the thing names no
    system (a definite noun, an open standard, a technology, or a physical fit)."""
    if m.group("same") or not _INTEGRATION_VERB.match(m.group("verb")):
        return ""
    span = _target_span(text, m, matches)
    return text[span[0]:span[1]].strip(" ,.") if span else ""


def _target_span(text: str, m: re.Match[str], matches: list[Match]) -> tuple[int, int] | None:
    """Where the system's name stands in the text (see integration_target), or None."""
    start, end = m.start("thing"), m.end("thing")
    if any(h.category == "prescribed_technology" and h.kind not in PLATFORM_KINDS and h.start < end and start < h.end
           for h in matches):
        return None  # «sende varsler via LoRaWAN»: a way of transmitting, not a system someone runs
    found = [h for h in matches if h.category in SYSTEM_CATEGORIES and h.start < end and start < h.end]
    if found:
        span = (min(h.start for h in found), max(h.end for h in found))
    else:
        shaped = _SYSTEM_NAME.search(text, start, end)
        if shaped is None or _NOT_SYSTEM.match(shaped.group(0)):
            return None
        span = (shaped.start(), shaped.end())
    name = text[span[0]:span[1]].strip(" ,.")
    if len(name) < 2 or OPEN_STANDARD.fullmatch(name) or STANDARDS.fullmatch(name):
        return None
    # «Skriverne skal være UltiMaker S5 … Utskriftsjobber skal sendes fra UltiMaker Digital Factory»: the maker's own
    # platform for the product the text prescribes is part of that lock-in, not a system the buyer already runs
    # (which the text would call «dagens», «eksisterende» or the buyer's own).
    maker = name.split()[0].lower()
    after = re.split(r"[.!?](?:\s|$)", text[span[1]:span[1] + 80])[0]  # «…, som vi allerede benytter»
    owned = _OWNED.search(text[max(0, m.start("thing") - 40):span[1]] + after)
    if not owned and any(h.category in ("brand", "model_type") and not (h.start < span[1] and span[0] < h.end)
                         and text[h.start:h.end].split()[0].lower().startswith(maker) for h in matches):
        return None
    return span


def _system_phrase(text: str, m: re.Match[str], span: tuple[int, int]) -> str:
    """The system as the requirement names it: the words of the thing up to the name and a compound on it, so that the
    owner or «eksisterende» the text puts before it stays («sykehusets LIS», «dagens Salto-system»)."""
    end = span[1]
    compound = re.match(r"-[^\W\d_]{3,}", text[end:])
    if compound:
        end += compound.end()
    return text[m.start("thing"):end].strip(" ,.")


def integration_system(text: str, matches: list[Match]) -> str:
    """The named system the requirement integrates the delivery with (see integration_target), or ''."""
    m = _FIT.search(text)
    return integration_target(text, m, matches) if m else ""


def _integration_requirement(text: str, m: re.Match[str], span: tuple[int, int], subject: str) -> tuple[str, str]:
    """(requirement, note) for an integration with a named system: the system is named (the subject-matter justifies
    it: the delivery must work with what is in use), the interface asked for is documented or a standard API, and
    it is verified by a connection test."""
    system = _system_phrase(text, m, span)
    verb = next((v for cue, v in _FIT_VERBS if m.group("verb").lower().startswith(cue)), "utveksle data med")
    if verb.startswith("kunne styres"):
        verb = "kunne styres fra"  # «styres og overvåkes fra X» reads as a managed device, not two ways of control
    example = next((label for pattern, label in OPEN_INTERFACES if pattern.search(m.group(0))), "")
    standard = f" (for eksempel {example})" if example else ""
    requirement = (f"{subject} skal {verb} {system} [versjon; beskriv i vedlegg hvilke grensesnitt systemet har] gjennom "
                   f"et dokumentert grensesnitt eller et standard API{standard}, verifisert ved en tilkoblingstest i vårt "
                   "miljø før kontrakt; å vise til dette systemet er lovlig fordi kontraktsgjenstanden er en integrasjon "
                   "med et system som allerede er i bruk.")
    note = (f"«{m.group(0).strip()}» er beholdt som et krav til grensesnitt mot {system}: å kreve at leveransen virker med "
            "et system som allerede er i bruk, er saklig begrunnet i kontraktsgjenstanden (FOA § 15-1/§ 8-5); kravet ber "
            "om et dokumentert grensesnitt eller et standard API, ikke om et bestemt produkt.")
    return requirement, note
