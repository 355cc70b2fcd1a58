"""A small procurement thesaurus: abbreviations, English and nynorsk forms expanded to the bokmål words of the corpus.

    expand_query("Hva sier FOA om PCP?")  # -> "... anskaffelsesforskriften ... førkommersiell anskaffelse"

The expansion is appended to the search text (the question's own words stay), so BM25 also finds passages that spell
the term out. Each entry is a pattern (whole words, case-insensitive) and the words it adds.
"""

from __future__ import annotations

import re

THESAURUS: tuple[tuple[str, str], ...] = (
    (r"FOA", "anskaffelsesforskriften"),
    (r"LOA", "anskaffelsesloven"),
    (r"FOR|forsyningsforskrifta", "forsyningsforskriften"),
    (r"PCP|pre-commercial procurement", "førkommersiell anskaffelse"),
    (r"PPI", "anskaffelse av innovative løsninger"),
    (r"KPD|competitive dialogue", "konkurransepreget dialog"),
    (r"KMF|competitive procedure with negotiation|negotiated procedure", "konkurranse med forhandling"),
    (r"innovation partnerships?|innovasjonspartnarskap\w*", "innovasjonspartnerskap"),
    (r"FoU|R&D|research and development", "forskning og utvikling"),
    (r"LUP", "leverandørutviklingsprogrammet"),
    (r"EEA thresholds?|EU-terskel\w*", "EØS-terskelverdi"),
    (r"white paper|meldinga", "stortingsmelding"),
    (r"market dialogue|marknadsdialog\w*", "markedsdialog"),
    (r"specifications?|kravspesifikasjonar", "kravspesifikasjon"),
    (r"award criteria|tildelingskriterium", "tildelingskriterier"),
    (r"standstill|karenstid", "karensperiode"),
    # Everyday or English words for the corpus's terms: a question about being obliged finds the passages on a duty
    # («plikt»), support schemes the policy instruments («virkemidler»), rounds of trying the «iterativ» process,
    # start-ups the corpus's «oppstartsselskap».
    (r"(?:lov)?pålagt|påbudt|forplikt(?:et|a)|obligatorisk|obliged|obligatory|mandatory", "plikt"),
    (r"støtteordning\w*|støtteprogram\w*|funding schemes?|support schemes?", "virkemidler"),
    (r"iterative?|(?:flere|gjentatte|nye) runder|runde for runde", "iterativ"),
    (r"gründer\w*|start-?ups?|oppstartsbedrift\w*|nyetablerte bedrift\w*", "oppstartsselskap"),
    # Two procedures described without their names. Paying for development (R&D services, prototypes) with no duty
    # to buy is a pre-commercial procurement; developing and then buying the result in one contract is an innovation
    # partnership. The lookaheads keep to one sentence, so «utvikle» alone adds nothing.
    (r"FoU-tjenest\w*|forsknings- og utviklingstjenest\w*|R&D services?|R&D prototypes?"
     r"|(?:utvikl|prototyp|prøveløsning)\w*(?=[^.?!]{0,120}?\buten\b[^.?!]{0,40}?\b(?:kjøpsplikt|forplikt|love|lover|binde|plikt)\w*)"
     r"|(?:finansier|betal)\w*(?=[^.?!]{0,60}?\b(?:utvikling|prototyp)\w*)"
     r"|(?:develop|build|prototype)\w*(?=[^.?!]{0,120}?\b(?:without|no)\b[^.?!]{0,40}?\b(?:commit|obligation|duty)\w*)",
     "førkommersiell anskaffelse"),
    (r"(?:utvikl\w*)(?=[^.?!]{0,80}?\bkjøp\w*[^.?!]{0,60}?\b(?:samme|én|ett|ei|en)\s+(?:kontrakt|anskaffelse|avtale|prosedyre)\w*)"
     r"|(?:develop\w*)(?=[^.?!]{0,80}?\bbuy\w*[^.?!]{0,60}?\b(?:same|one|single)\s+(?:contract|procurement|procedure))",
     "innovasjonspartnerskap"),
    # Nynorsk spellings of the corpus's core words, which the bokmål stemmer leaves apart from their bokmål forms
    # (the corpus is bokmål; a nynorsk question otherwise finds only the words both forms share).
    (r"anskaffing(ar|ane|a|en)?|anskaffings\w*", "anskaffelse"),
    (r"anskaffingslova", "anskaffelsesloven"),
    (r"anskaffingsforskrifta", "anskaffelsesforskriften"),
    (r"løysing(ar|ane|a|en)?", "løsning"),
    (r"tilbod(a|et)?|tilbods\w*", "tilbud"),
    (r"tilbodskonkurranse\w*", "tilbudskonkurranse"),
    (r"oppdragsgjevar(ar|en|ane)?", "oppdragsgiver"),
    (r"kunngjering(ar|a|en)?|kunngjere", "kunngjøring"),
    (r"verksemd(er|a|ene)?", "virksomhet"),
    (r"forsking(a|en)?", "forskning"),
    (r"rettleiing(ar|a|en)?|rettleiar(en)?", "veiledning"),
    (r"avvising(a|en)?", "avvisning"),
    (r"tenest(e|a|er|ene|ar)", "tjeneste"),
    (r"skildre|skildring(a|en)?", "beskrive"),
    (r"innkjøpar(ar|en|ane)?", "innkjøper"),
    (r"utlysing(a|en)?", "utlysning"),
    (r"heimel", "hjemmel"),
    (r"berekraft(ig)?", "bærekraft"),
    (r"tilskot(et)?", "tilskudd"),
    (r"eigar(en)?", "eier"),
    (r"sjukehus(et)?", "sykehus"),
    (r"helseføretak(et|a)?", "helseforetak"),
    (r"høyring(a|en)?", "høring"),
    (r"utval(et)?", "utvalg"),
    (r"mogleg(e|heit|heiter)?", "mulig"),
    (r"tilsvarande", "tilsvarende"),
)
# Abbreviations (all capitals: FOA, FOR, PCP) match as written, so «for» is not «FOR»; other forms in any case.
_COMPILED = tuple((re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", 0 if pattern.split("|")[0].isupper() else re.IGNORECASE),
                   words)
                  for pattern, words in THESAURUS if words)


def expand_query(text: str) -> str:
    """The text plus the thesaurus words of the terms it contains (each added once, only when missing)."""
    lower = text.lower()
    extra: list[str] = []
    for pattern, words in _COMPILED:
        if pattern.search(text):
            for word in words.split():
                if word.lower() not in lower and word not in extra:
                    extra.append(word)
    return f"{text} {' '.join(extra)}" if extra else text
