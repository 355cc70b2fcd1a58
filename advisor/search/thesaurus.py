"""A small procurement thesaurus: abbreviations, English and nynorsk forms expanded to the bokmål words of the corpus.

    expand_query("Hva sier FOA om PCP?")  # -> "... anskaffelsesforskriften ... førkommersiell anskaffelse"

The expansion is appended to the search text (the question's own words stay), so BM25 also finds passages that spell
the term out. Each entry is a pattern (whole words, case-insensitive) and the words it adds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Concept:
    """A procedure a question may describe without naming it: its name in the corpus's words, a pattern for the
    name (and its other spellings: abbreviations, nynorsk, English), a pattern for a description of it and how the
    ids of the answer cards about it begin; `procedure`: it is a procurement procedure (not a step or a rule)."""

    name: str
    named: str
    described: str
    card_ids: tuple[str, ...] = ()
    procedure: bool = False


# A new procurement act or a change of the rules said to be adopted or in force, and the words before a limit
# («under 300 000»): a question may claim a new limit with them. The chat uses them too (advisor.chat.rules).
NEW_ACT = (r"\bny(?:e)?\s+(?:anskaffelses|anskaffings)?lov\w*|\blovendring\w*|\bvedtatt\b|"
           r"\b(?:trådt|tre|trer|tredd)\s+i\s+kraft\b|\bikrafttred\w*|\bnew (?:procurement )?act\b")
UP_TO = r"\b(?:under|inntil|opp ?til|opptil|below|up to)\s+(?:NOK\s+)?"

# The lookaheads keep to one sentence, so a word alone («utvikle», «snakke», «spørre») adds nothing.
CONCEPTS: tuple[Concept, ...] = (
    # Paying for development (R&D services, prototypes, several firms developing) with no promise to buy: a
    # pre-commercial procurement. «utvikle rutiner uten å binde oss» or «betaler for utvikling av nettsiden» is not.
    Concept("førkommersiell anskaffelse",
            r"førkommersiell\w*(?:\s+anskaff\w*)?|PCP\w*|pre-commercial(?:\s+procurement)?|FoU-unntak\w*|R&D exemption",
            r"FoU-tjenest\w*|forsknings- og utviklingstjenest\w*|R&D services?|R&D prototypes?"
            r"|(?:utvikl|prototyp|prøveløsning)\w*(?=[^.?!]{0,120}?\b(?:uten|utan)\b[^.?!]{0,40}?"
            r"\b(?:kjøpsplikt\w*|(?:forplikt|love|lover|lova|binde|plikt)\w*[^.?!]{0,30}?\bkjøp\w*))"
            r"|(?:finansier|betal)\w*(?=[^.?!]{0,60}?\b(?:prototyp\w*|utviklingsarbeid\w*|(?:flere|fleire|to|tre|fire|fem)"
            r"\s+(?:leverandør|firma|selskap|bedrift)\w*[^.?!]{0,40}?\b(?:utvikl|lag)\w*|utvikling\w*[^.?!]{0,60}?"
            r"\b(?:hos|fra|frå|i)\s+(?:flere|fleire|to|tre|fire|fem)\s+(?:leverandør|firma|selskap|bedrift)\w*))"
            r"|(?:develop|build|prototype)\w*(?=[^.?!]{0,120}?\b(?:without|no)\b[^.?!]{0,40}?"
            r"\b(?:commit|obligation|duty|promis)\w*[^.?!]{0,30}?\b(?:buy|purchas)\w*)"
            r"|(?:pay|fund)\w*(?=[^.?!]{0,60}?\b(?:prototypes?|(?:several|two|three|four|five)\s+(?:suppliers|firms|companies)"
            r"[^.?!]{0,40}?\b(?:develop|build)\w*))",
            ("pcp-", "fou-unntak"), procedure=True),
    # Developing and then buying the result in one contract: an innovation partnership.
    Concept("innovasjonspartnerskap",
            r"innovasjonspartner\w*|innovasjonspartnar\w*|innovation partnerships?",
            r"(?:utvikl\w*)(?=[^.?!]{0,80}?\bkjøp\w*[^.?!]{0,60}?\b(?:samme|same|én|ett|ei|ein|eitt|en)\s+"
            r"(?:kontrakt|anskaff|avtale|prosedyre)\w*)"
            r"|(?:develop\w*)(?=[^.?!]{0,80}?\bbuy\w*[^.?!]{0,60}?\b(?:same|one|single)\s+"
            r"(?:contract|procurement|procedure))",
            ("ip-",), procedure=True),
    # Talking with suppliers in rounds to shape the solution before they hand in final tenders: a competitive
    # dialogue (negotiating on tenders is the competitive procedure with negotiation, not described here).
    Concept("konkurransepreget dialog",
            r"konkurransepreg\w*\s+dialog\w*|KPD|competitive dialogue",
            r"(?:dialog|snakk|samtal|drøft|diskut|talk|discuss)\w*(?=[^.?!]{0,120}?\b(?:runde\w*|rounds?|form\w*|"
            r"utform\w*|shap\w*|utvikl\w*|develop\w*)\b[^.?!]{0,120}?\b(?:endelig\w*|endeleg\w*|final)"
            r"\s+(?:tilbud|tilbod|tenders?|bids?|offers?))",
            ("kpd-",), procedure=True),
    # Asking the market (or suppliers) before the specification or the competition is written: a market dialogue.
    # «spørre leverandøren om pris før vi skriver kontrakten» is not.
    Concept("markedsdialog",
            r"markedsdialog\w*|marknadsdialog\w*|market dialogue|dialogkonferanse\w*",
            r"(?:spør|høre|høyre|undersøk|kartlegg|finne ut|sjekk|ask|find out|check|explore)\w*"
            r"(?=[^.?!]{0,80}?\b(?:markedet|marknaden|leverandør\w*|the market|suppliers?)\b[^.?!]{0,80}?"
            r"\b(?:før|before)\b[^.?!]{0,40}?(?:\b(?:kunngj|utlys|announc|publish)\w*|\b(?:skriv|lag|utarbeid|write|draft)"
            r"\w*[^.?!]{0,30}?\b(?:kravspesifikasjon|spesifikasjon|konkurransegrunnlag|specification|tender)\w*))",
            ("markedsdialog-", "dialogkonferanse")),
    # A new act said to be adopted or in force that frees purchases under 300 000 kr from the rules: the proposed new
    # lower limit (Prop. 147 L), which is not confirmed adopted. «kjøpe møbler for 250 000 kr» is not.
    Concept("hevet nedre grense 300 000 kroner",
            r"nedre\s+grense\w*|beløpsgrense\w*|Prop\.?\s*147\w*",
            rf"(?:{NEW_ACT})(?=[^?!]{{0,160}}?{UP_TO}300[\s.]?000)|{UP_TO}300[\s.]?000(?=[^?!]{{0,160}}?(?:{NEW_ACT}))",
            ("nedre-grense",)),
)

# The procedures a question may name (their names, abbreviations, nynorsk and English forms): the procedure concepts
# and two procedures without a described form. advisor.chat.plan gives «Når kan vi bruke den?» the one its scene names.
PROCEDURE_NAMES = "|".join([*(concept.named for concept in CONCEPTS if concept.procedure),
                            r"(?:tilbuds|anbuds|tilbods|anbods)?konkurranse med forhandling|KMF|"
                            r"competitive procedure with negotiation|negotiated procedure",
                            r"dynamisk\w* innkjøpsordning\w*|dynamic purchasing system"])

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
    # Procedures described without their names (CONCEPTS below).
    *((concept.described, concept.name) for concept in CONCEPTS),
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


_CONCEPTS = tuple((concept, re.compile(rf"(?<![\w-])(?:{concept.named})(?![\w-])", re.IGNORECASE),
                   re.compile(rf"(?<![\w-])(?:{concept.described})(?![\w-])", re.IGNORECASE)) for concept in CONCEPTS)


def described_concepts(text: str) -> list[Concept]:
    """The procedures (CONCEPTS) the text describes without naming them (a named one is left to the search)."""
    return [concept for concept, named, described in _CONCEPTS if described.search(text) and not named.search(text)]


def names_concept(concept: Concept, text: str) -> bool:
    """True when the text names the concept (its name, abbreviation or another spelling)."""
    return any(named.search(text) for c, named, _ in _CONCEPTS if c is concept)
