"""Legal requirements the text states: kept as requirements to comply with, never flagged or dropped.

A tender text often states what the law already demands of the product or the supplier: a regulation
(«drikkevannsforskriften», «forskrift om universell utforming av IKT-løsninger», TEK17), an EU act («EU Stage V»,
the machinery directive), a protective structure the rules for earthmoving machines require (ROPS/FOPS), a data
processing agreement under the GDPR, a fire class, or registration in a national register. None of these is
solution-specific: there is nothing «tilsvarende» to a law. legal_references() keeps each one as a requirement to
comply with, and says how compliance is documented. The rewriter adds them to the references it keeps (kind
"mandated"), so they are never trimmed away for a template's requirement, and a requirement of the draft that already
names the same rule («databehandleravtale», «universell utforming») stands instead of a second one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from advisor.rewrite.references import Reference, _subject

# The end of a clause: a sentence or a semicolon, or «og» before a new subject with a modal.
_CLAUSE_END = re.compile(r"[.;]\s|[.;]$|,?\s+og\s+(?=\w+\s+(?:skal|må)\b)")


def _subject_at(text: str, start: int, default: str) -> str:
    """The subject of the clause `start` stands in («Maskinen skal …», «motoren skal …»), else `default`."""
    before = re.split(r"[.;]\s+|,?\s+og\s+", text[:start])[-1]
    m = re.match(r"\s*([A-ZÆØÅa-zæøå][\wæøå\-]*)\s+(?:skal|må)\b", before)
    if m and not re.fullmatch(r"(?i:vi|kommunen|oppdragsgiver\w*|det|den|de|dere|leverandør\w*|tilbyder\w*|leveransen)",
                              m.group(1)):
        return m.group(1)[:1].upper() + m.group(1)[1:]
    return default


# A named Norwegian regulation or act: «drikkevannsforskriften», «forskrift om universell utforming av IKT-løsninger»,
# «byggteknisk forskrift (TEK17)», «arbeidsmiljøloven», «lov om offentlige anskaffelser».
_NAMED_RULE = re.compile(
    r"(?<![\w\-])(?P<rule>(?:forskrift|lov)\s+om\s+(?:[\wæøå\-]+\s+){0,5}?[\wæøå\-]+(?=\s*(?:[.,;()]|$|\s+(?:og|skal|må|"
    r"eller|med|for|dokumenter\w*|\(|§)))|[\wæøå]+(?:forskrift|forskriften|loven)(?![\wæøå])|byggteknisk\s+forskrift)",
    re.IGNORECASE)
# Rules that are no demand on the delivery: the procurement rules themselves are the buyer's.
_BUYERS_RULE = re.compile(r"anskaffelse|innkjøp|offentleglov|offentlighetslov|forvaltningslov", re.IGNORECASE)
# A data processing agreement or the GDPR.
_GDPR = re.compile(r"(?<![\w\-])(?:databehandleravtale\w*|databehandlertilsyn\w*|GDPR|personvernforordning\w*|"
                   r"personopplysningslov\w*)(?![\w\-])", re.IGNORECASE)
# EU engine emission stage for non-road machinery (Stage V, «trinn V», «steg V»).
_STAGE = re.compile(r"(?<![\w\-])(?:EU[\s\-]+)?(?:Stage|trinn|steg)\s*(?P<stage>V|IV|IIIB|IIIA|5|4)(?![\w\-])", re.IGNORECASE)
# Protective structures of earthmoving machines (rollover and falling objects).
_ROPS = re.compile(r"(?<![\w\-])(?:ROPS|FOPS|TOPS)(?:\s*(?:/|og|\+|,)\s*(?:ROPS|FOPS|TOPS))*(?![\w\-])")
# A fire class (Euroclass «A2-s1,d0», «Bfl-s1», «B-s1,d0»; or a building's «brannklasse 2»).
_EUROCLASS = re.compile(r"(?<![\w\-])(?P<cls>(?:A1|A2|B|C|D|E|F)(?:fl|ca|roof)?-s[123](?:\s?,\s?d[012])?|A1(?:fl)?|"
                        r"(?:B|C|D)ROOF\s*\(t[1-4]\))(?![\w\-])")
_BUILDING_FIRE_CLASS = re.compile(r"(?<![\w\-])brannklasse\s+(?P<n>[1-4])(?![\w,\-])", re.IGNORECASE)
# Registration in a national register («registreres i Hjertestarterregisteret», «meldes til Matrikkelen»).
_REGISTER = re.compile(r"(?<![\w\-])(?:registreres|registrert|meldes|innrapporteres|føres)\s+(?:inn\s+)?(?:i|til)\s+"
                       r"(?P<reg>(?:det\s+)?(?:nasjonale\s+)?(?:[\wæøå\-]+s\s+)?[\wæøå\-]*(?:register(?:et)?|registret|Matrikkel(?:en)?))",
                       re.IGNORECASE)
# The machinery or other product directive named in words («maskindirektivet»): kept through CE marking elsewhere.
_DIRECTIVE = re.compile(r"(?<![\w\-])(?P<rule>[\wæøå]+(?:direktivet|forordningen)|(?:direktiv|forordning)\s+(?:\(EU\)\s*)?"
                        r"(?:nr\.?\s*)?\d{2,4}/\d+(?:/E[FU]|/EC)?)(?![\w\-])", re.IGNORECASE)


def legal_references(text: str, existing: list[Reference] | None = None) -> list[Reference]:
    """The legal requirements `text` states, each as a requirement to comply with and how it is documented; none that
    `existing` references already keep (CE marking, TEK17)."""
    have = " ".join(f"{r.name} {r.requirement}" for r in existing or []).lower()
    subject = _subject(text)
    out: list[Reference] = []

    def add(name: str, requirement: str | Callable[[], str]) -> None:
        if name.lower() in have or any(r.name.lower() == name.lower() for r in out):
            return
        out.append(Reference(name, "mandated", requirement() if callable(requirement) else requirement))

    for m in _NAMED_RULE.finditer(text):
        rule = re.sub(r"\s+", " ", m.group("rule")).strip()
        if _BUYERS_RULE.search(rule) or re.fullmatch(r"(?i)byggteknisk forskrift", rule) and "tek" in have:
            continue
        if _GDPR.fullmatch(rule):
            continue  # handled as a data processing agreement below
        who = _subject_at(text, m.start(), subject)
        if re.search(r"universell\s+utforming", rule, re.IGNORECASE):
            add("universell utforming",
                f"{who} skal oppfylle {rule} (universell utforming av IKT, i dag WCAG 2.1 nivå AA med de unntakene "
                "forskriften gir), dokumentert med en tilgjengelighetserklæring og testrapport.")
            continue
        add(rule, f"{who} skal oppfylle kravene i {rule}, dokumentert med [samsvarserklæring, godkjenning eller "
                  "analyse som viser at kravene er oppfylt]; dette er et lovkrav og står uten «eller tilsvarende».")
    gdpr = _GDPR.search(text)
    if gdpr:
        add("databehandleravtale",
            "Leverandøren skal inngå databehandleravtale med oss før behandlingen av personopplysninger starter, og "
            "behandle dem etter personvernforordningen (GDPR), med overføring utenfor EØS bare med gyldig "
            "overføringsgrunnlag, dokumentert med signert databehandleravtale og oversikt over underleverandører.")
    stage = _STAGE.search(text)
    if stage:
        level = stage.group("stage").upper().replace("5", "V").replace("4", "IV")
        who = _subject_at(text, stage.start(), "Motoren")
        add(f"Stage {level}",
            f"{who} skal oppfylle utslippskravene i EU-trinn {level} (Stage {level}) for motorer i ikke-veigående "
            "maskiner etter forordning (EU) 2016/1628, eller være utslippsfri, dokumentert med EU-typegodkjenning av "
            "motoren.")
    rops = _ROPS.search(text)
    if rops:
        kinds = sorted(set(re.findall(r"ROPS|FOPS|TOPS", rops.group(0))), key="ROPS FOPS TOPS".index)
        what = {"ROPS": "veltevern (ROPS)", "FOPS": "vern mot fallende gjenstander (FOPS)", "TOPS": "vern ved tipping (TOPS)"}
        add(rops.group(0), f"Førerhuset skal ha {' og '.join(what[k] for k in kinds)} som regelverket for maskinen krever, "
                           "etter ISO 3471 og ISO 3449 eller tilsvarende, dokumentert med sertifikat og "
                           "EU-samsvarserklæring.")
    for m in _EUROCLASS.finditer(text):
        cls = m.group("cls")
        who = _subject_at(text, m.start(), subject)
        add(cls, f"{who} skal ha brannklasse {cls} etter NS-EN 13501-1 eller tilsvarende klassifisering, dokumentert "
                 "med klassifiseringsrapport eller ytelseserklæring; kravet følger av brannkravene i TEK17.")
    building = _BUILDING_FIRE_CLASS.search(text)
    if building:
        add(f"brannklasse {building.group('n')}",
            f"Bygget skal prosjekteres og utføres i brannklasse {building.group('n')} etter TEK17, dokumentert med "
            "brannkonsept fra brannrådgiver og uavhengig kontroll der TEK17 og SAK10 krever det.")
    for m in _REGISTER.finditer(text):
        reg = m.group("reg")
        add("register", f"Leverandøren skal sørge for at det som leveres, blir registrert i {reg} slik regelverket krever, "
                 "og at registreringen er oppdatert ved levering, dokumentert med bekreftelse på registreringen.")
    for m in _DIRECTIVE.finditer(text):
        rule = m.group("rule")
        if re.search(r"CE", text[max(0, m.start() - 80):m.end() + 40]) or "ce-merk" in have:
            continue  # the CE requirement names the directive already
        who = _subject_at(text, m.start(), subject)
        add(rule, f"{who} skal oppfylle kravene i {rule}, dokumentert med EU-samsvarserklæring eller tilsvarende "
                  "dokumentasjon regelverket godtar; dette er et lovkrav og står uten «eller tilsvarende».")
    return out
