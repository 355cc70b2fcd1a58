"""The parts of a purchase the original names besides the main item: «en varebil med hengerfeste og takstativ»,
«journalsystem med integrasjon mot Helsenorge og migrering av gamle journaler», «stoler, inkludert montering».

A rewrite that covers only the main (or the branded) item leaves out part of what is bought. part_requirements()
gives each named part that no drafted requirement covers a requirement of its own: a service part (training,
installation, service, support, integration, data migration, storage, packaging taken away, delivery) by what it must
achieve, an accessory or equipment part by the function it must give together with the main item. A part that holds a
number (the targets are carried elsewhere), an analyzer finding, or a property rather than a thing («med oppløsning»,
«med firehjulstrekk») gets none; brand wording after a part («enhetsstyring via Jamf») is cut off.
"""

from __future__ import annotations

import re

from advisor.requirements import Match

# Where the list of parts begins: after the main item, «med», «inkludert», «inkl.», «samt», «i tillegg til».
_LEAD = re.compile(r"(?<!\w)(?:med|inkludert|inkl\.|samt|i tillegg til)(?!\w)\s+", re.IGNORECASE)
_SPLIT = re.compile(r"\s*,\s*(?:og\s+|samt\s+|inkludert\s+|inkl\.\s+|med\s+)?|(?<!-)\s+(?:og|samt|inkludert|inkl\.|med)\s+",
                    re.IGNORECASE)
# A tail that says who gets it or where, not what: «takstativ til vaktmestertjenesten», «… hjemme hos de ansatte».
_WHO_TAIL = re.compile(r"\s+(?:til|for|hos|på|ved|i)\s+(?:de\s+|den\s+|det\s+)?[^\W\d_]+(?:en|et|ene|a|erne|ne)\b.*$",
                       re.IGNORECASE)
_BRAND_LEAD = re.compile(r"\s+(?:via|fra|av typen|av merket|levert av|i|med)\s*$", re.IGNORECASE)
# «enhetsstyring via Jamf», «deksler fra Otterbox»: a name after «via»/«fra» is a product, not part of what is needed.
_NAMED_TAIL = re.compile(r"\s+(?:via|fra|av typen|av merket|levert av)\s+(?-i:[A-ZÆØÅ])\S*.*$", re.IGNORECASE)
# «snøplog montert», «ladebokser montert hjemme hos de ansatte»: a thing and its installation.
_INSTALLED = re.compile(r"^(?P<thing>.+?)\s+(?:ferdig\s+)?(?P<verb>montert|installert|tilkoblet)(?!\w)", re.IGNORECASE)
# Properties rather than things: they are requirements on the main item, not parts of the delivery.
_PROPERTY = re.compile(
    r"(?:oppløsning|kapasitet|effekt|ytelse|farge|størrelse|vekt|lengde|bredde|høyde|dybde|levetid|trekk|drivlinje|"
    r"hastighet|rekkevidde|standard|kvalitet|funksjon\w*|egenskap\w*|mulighet\w*|tilgang|plass|mål|design|utforming|"
    r"tykkelse|klasse|nivå|sertifisering|godkjenning|merking|garanti|akselavstand|understell)$", re.IGNORECASE)
_FILLER = re.compile(r"^(?:en|et|ei|de|det|den|alle|nye?|egen|eget|egne|tilhørende|nødvendig\w*)\s+", re.IGNORECASE)

# Service parts: (what the part is called, what in a drafted requirement already covers it, the requirement).
_SERVICES: tuple[tuple[re.Pattern[str], re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), re.compile(c, re.IGNORECASE), r) for p, c, r in (
        (r"opplæring|kurs\w*|instruksjon", r"opplæring|kurs",
         "{Part} skal inngå i leveransen og gjøre [målgruppen] i stand til å bruke det som leveres på egen hånd,"
         " med minst [antall] timer før det tas i bruk, dokumentert med opplæringsplan og deltakerliste."),
        (r"montering|montert|installasjon|installert|installering|oppsett|idriftsetting", r"monter|install|idriftsett",
         "{Part} skal inngå i leveransen, slik at alt er ferdig og i bruk innen [antall] dager etter levering, "
         "kontrollert ved overtakelse med sjekkliste."),
        (r"service|vedlikehold|ettersyn|serviceavtale", r"service|vedlikehold|ettersyn",
         "{Part} skal inngå i leveransen: leverandøren skal følge produsentens anvisning minst [antall] ganger per år og "
         "rette feil innen [timer], dokumentert med servicerapport etter hvert besøk."),
        (r"support|brukerstøtte|kundestøtte|feilretting", r"support|brukerstøtte|feilrett|rette feil",
         "{Part} skal inngå i leveransen, med svar innen [timer] og retting av kritiske feil innen [timer] i hele "
         "avtaleperioden, dokumentert med servicenivåavtale og månedlig rapport."),
        (r"\w*tilkobling\w*|\w*tilknytning\w*", r"tilkob|tilknyt",
         "{Part} skal inngå i leveransen, slik at utstyret er koblet til [vann, avløp, strøm eller ventilasjon] og virker "
         "som forutsatt, dokumentert med samsvarserklæring og kontrollert ved overtakelse."),
        (r"integrasjon\w*|grensesnitt\w*|(?<!\w)kobling\w* (?:mot|til)", r"integrasjon|grensesnitt|utveksle data",
         "{Part} skal inngå i leveransen: løsningen skal utveksle dataene arbeidet krever med disse systemene gjennom "
         "åpne, dokumenterte grensesnitt, verifisert ved test av [antall] typiske hendelser før idriftsetting."),
        (r"migrering|konvertering|overføring|import", r"migrer|konverter|overfør",
         "{Part} skal inngå i leveransen og skje uten tap av data, og minst [prosent] % av postene skal kontrolleres "
         "etterpå, dokumentert med migreringsplan og avstemmingsrapport."),
        (r"lagring|vinterlagring|oppbevaring", r"lagr|oppbevar",
         "{Part} skal inngå i leveransen: utstyret skal oppbevares forsvarlig i [periode] og være klart til bruk innen "
         "[dato], dokumentert med lagringsavtale og kontrollert ved utlevering."),
        (r"emballasje|bortkjøring|avfall|retur", r"emballasje",
         "Leverandøren skal ta med seg emballasjen etter levering, og minst [prosent] % av den skal gå til ombruk "
         "eller materialgjenvinning, dokumentert med mottakskvittering."),
        (r"levering|levert|transport|frakt", r"levering|levert|levere",
         "Leveransen skal være levert til [leveringssted] innen [dato] etter bestilling, kontrollert ved mottak."),
    ))

# Equipment parts: (what the part is called, the requirement on what it must do). {Part} is the part as named.
_EQUIPMENT: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p, re.IGNORECASE), r) for p, r in (
    (r"hengerfeste|tilhengerfeste|krok",
     "{Part} skal inngå i leveransen og være godkjent for en tilhenger med totalvekt på minst [kg], dokumentert med "
     "vognkort eller typegodkjenning."),
    (r"tilhenger\w*|henger(?:e|en|ne)?$",
     "{Part} skal inngå i leveransen, ha en nyttelast på minst [kg] og passe kjøretøyets hengerfeste, dokumentert med "
     "vognkort."),
    (r"takstativ|lastestativ|takboks|stigestativ",
     "{Part} skal inngå i leveransen og bære minst [kg] eller lengder opp til [m] sikkert under kjøring, dokumentert med "
     "datablad og monteringsanvisning."),
    (r"innredning|hylle\w*|lasteromsinnredning",
     "{Part} skal inngå i leveransen, gi plass til utstyret i [vedlegg] og holde lasten sikret ved en bråbrems, "
     "dokumentert med datablad eller testrapport for lastsikring."),
    (r"vinterdekk|dekk|piggdekk|hjul",
     "{Part} skal inngå i leveransen og gi grep og bremselengde på vinterføre minst på [nivå, f.eks. merking for is og "
     "snø], dokumentert med dekkmerking."),
    (r"lade\w*|wallbox",
     "{Part} skal inngå i leveransen og kunne lade kjøretøyet med minst [kW], med måling av strømforbruket per "
     "kjøretøy, dokumentert med datablad og samsvarserklæring."),
    (r"brøyteskjær|snøplog|plog|snøfres\w*|feiekost\w*",
     "{Part} skal inngå i leveransen og rydde en bredde på minst [m] ved [snødybde], dokumentert med datablad og "
     "verifisert ved utprøving."),
    (r"\w*strøer|\w*spreder|strøapparat\w*",
     "{Part} skal inngå i leveransen og kunne spre [mengde per m²] over en bredde på [m], dokumentert med datablad og "
     "kontrollert ved utprøving."),
    (r"frontlaster|laster|kran|løfteutstyr",
     "{Part} skal inngå i leveransen og kunne løfte minst [kg] til [høyde], dokumentert med produsentens data og "
     "sakkyndig kontroll der det kreves."),
    (r"skum\w*|pumpe\w*|slokke\w*",
     "{Part} skal inngå i leveransen og gi minst [liter per minutt] ved [trykk], dokumentert med datablad og prøvet ved "
     "levering."),
    (r"madrass\w*",
     "{Part} skal inngå i leveransen og gi trykkavlastning for brukere med [risiko for trykksår, f.eks. etter en "
     "vurderingsskala], tåle minst [antall] vask eller desinfeksjoner, dokumentert med testrapport og produsentens "
     "instruks."),
    (r"deksel|etui|beskyttelse\w*|veske",
     "{Part} skal inngå i leveransen og beskytte enheten mot fall fra [høyde], dokumentert med testrapport."),
    (r"tastatur\w*",
     "{Part} skal inngå i leveransen, ha norsk tegnsett og kunne brukes med enheten uten egen lading i minst [timer], "
     "dokumentert med datablad."),
    (r"aksesspunkt\w*|trådløs\w*",
     "{Part} skal inngå i leveransen og gi trådløs dekning med minst [Mbit/s] per bruker i rommene i [vedlegg] ved "
     "[antall] samtidige brukere, dokumentert med dekningsmåling etter installasjon."),
    (r"dokking\w*|dokk\w*",
     "{Part} skal inngå i leveransen og koble maskinen til [antall] skjermer, nettverk og strøm med én kabel, "
     "verifisert ved test med en prøvemaskin."),
    (r"stol(?:er|ene)?|\w+stol(?:er|ene)?",
     "{Part} skal inngå i leveransen, kunne tilpasses brukerne i [vedlegg] og tåle daglig bruk i minst [år], "
     "dokumentert med datablad og testrapport for holdbarhet."),
    (r"bord(?:et|ene)?|\w+bord(?:et|ene)?",
     "{Part} skal inngå i leveransen, ha plass til [antall] personer og tåle daglig bruk i minst [år], dokumentert "
     "med datablad og testrapport for holdbarhet."),
    (r"enhetsstyring|mdm|administrasjon\w*",
     "{Part} skal inngå i leveransen: enhetene skal kunne settes opp, oppdateres og sperres sentralt innen [minutter], "
     "verifisert ved demonstrasjon."),
    (r"\w*styring|\w*regulering",
     "{Part} skal inngå i leveransen og holde [nivået som styres, f.eks. lys eller temperatur] innenfor [verdi] med "
     "lavest mulig energibruk, verifisert ved innregulering og dokumentert med måleprotokoll."),
))
_WORD = re.compile(r"[^\W\d_][\w\-]*")
# «med» after a verb («isoleres med», «kles med») tells how, after these words what with («erfaring med»): no parts.
_NOT_AFTER = re.compile(r"(?:\w+es|erfaring|kompetanse|kjennskap|kunnskap\w*|arbeid\w*|jobbe\w*|samarbeid\w*|"
                        r"kjent|fortrolig|sammen|kombinert|kompatibel|utstyrt|merket|behandlet|malt|levert)$", re.IGNORECASE)
# A verb of buying before the list: «skal kjøpe en varebil med …», «trenger en tankbil med …»; «fasilitere workshoper
# med ledergruppen» or «asfaltere med asfalt» says how a service is done, not what is bought.
_BUY = re.compile(r"(?<!\w)(?:kjøpe\w*|anskaff\w*|leie|leies|lease\w*|levere[rs]?|levert|trenger|skal\s+ha|"
                  r"skal\s+få(?:\s+levert)?|bestille\w*|innkjøp\w*)(?!\w)", re.IGNORECASE)
# The supplier named just before «med» («av et bakeri med …», «fra en leverandør med …», «hos en forhandler med …»).
_SUPPLIER_BEFORE = re.compile(r"\b(?:av|fra|hos)\s+(?:(?:en|et|ei|ein|eit|the|a|an)\s+)?(?:[\w-]+\s+)?[\w-]+\s*,?\s*$",
                              re.IGNORECASE)
_CLAUSE = re.compile(r"^(?:som|der|hvor|når|hvis|dersom|slik|for|fordi|så)\b", re.IGNORECASE)


def _lead(sentence: str, bought: bool = False) -> re.Match[str] | None:
    """Where the list of parts begins in the sentence: «med»/«inkludert» after the main item, not after a verb (with
    `bought`, the sentence is already what is bought and needs no verb of buying)."""
    for lead in _LEAD.finditer(sentence):
        before = sentence[:lead.start()].rstrip(" ,").split()
        if _SUPPLIER_BEFORE.search(sentence[:lead.start()]):
            return None  # «leveres av et bakeri med adresse i kommunen»: what the supplier has, not a part bought
        if before and not _NOT_AFTER.search(before[-1]) and (bought or _BUY.search(sentence[:lead.start()])):
            return lead
        return None
    return None


def _pieces(text: str, bought: bool = False) -> list[tuple[int, int]]:
    """The spans of the named parts: the list after the first «med»/«inkludert» of each sentence."""
    out: list[tuple[int, int]] = []
    for sentence in re.finditer(r"[^.;:!?]+", text):
        lead = _lead(sentence.group(0), bought)
        if lead is None:
            continue
        start = sentence.start() + lead.end()
        tail = text[start:sentence.end()]
        pos = 0
        for sep in [*_SPLIT.finditer(tail), None]:
            end = sep.start() if sep is not None else len(tail)
            piece = tail[pos:end]
            if piece.strip():
                lead_ws = len(piece) - len(piece.lstrip())
                out.append((start + pos + lead_ws, start + pos + len(piece.rstrip())))
            if sep is not None:
                pos = sep.end()
    return out


# «skal kjøpe svitsjer og aksesspunkter til tre skoler»: a second thing bought, named with the first.
_AND_THING = re.compile(r"[^\s\-]\s+og\s+(?:\d+\s+)?(?P<thing>[a-zæøå][\w\-]{3,})(?=\s+(?:til|for|på|i|ved|med|inkludert)\b|\s*[,.;]|\s*$)")


_COLOUR = re.compile(r"(?:rød|gul|blå|grønn?|hvit|svart|grå|brun|rosa|lilla|oransje|beige)[te]?", re.IGNORECASE)


_SERVICE_VERBS = tuple((re.compile(v, re.IGNORECASE), n) for v, n in (
    (r"(?<!\w)(?:montere|monteres|montert)(?!\w)", "montering"),
    (r"(?<!\w)(?:installere|installeres|installert)(?!\w)", "installasjon"),
    (r"(?<!\w)(?:lære\s+opp|læres\s+opp)(?!\w)", "opplæring"),
))


def _second_things(text: str, matches: list[Match]) -> list[str]:
    """The things bought named with the main item by «og», after a verb of buying and before the list of parts."""
    out = []
    for sentence in re.finditer(r"[^.;:!?]+", text):
        part = sentence.group(0)
        buy = _BUY.search(part)
        if buy is None:
            continue
        lead = _lead(part)
        region = part[buy.end():lead.start() if lead is not None else len(part)]
        cut = re.search(r"\s(?:til|for|på|ved|hos)\s", region)
        region = region[:cut.start()] if cut else region
        m = _AND_THING.search(region)
        if m is None:
            continue
        # «en projektor, lerret og høyttalere»: every item after the first
        items = [x.strip() for x in re.split(r",\s*|(?<!-)\s+og\s+", region[:m.end()].strip())][1:]
        if len(items) > 3 or any(len(re.sub(r"^\d+\s+", "", x).split()) > 1 for x in items):
            items = [m.group("thing")]
        for thing in items:
            thing = re.sub(r"^\d+\s+", "", thing)
            at = sentence.start() + buy.end() + region.find(thing)
            if not re.fullmatch(r"[a-zæøå][\w\-]{3,}", thing) or (re.search(r"(?:es|e)$", thing) and not thing.endswith("ere")) \
                    or any(h.severity != "low" and h.start <= at < h.end for h in matches):
                continue
            if re.search(r"tjenest\w*$|drift\w*$|ing(?:en|er)?$|else\w*$|hold$|arbeid\w*$|oppdrag\w*$", thing):
                continue  # a service named with the goods has no equipment requirement
            if _COLOUR.fullmatch(thing) or _PROPERTY.search(thing) or any(p.search(thing) for p, _, _ in _SERVICES):
                continue
            out.append(thing)
    return out


def _verb_services(text: str, parts: list[str]) -> list[str]:
    """«… og leverandøren skal montere dem»: a service the text asks for with a verb, unless a part names it."""
    if not _BUY.search(text):
        return []
    return [noun for verb, noun in _SERVICE_VERBS if verb.search(text)
            and not any(re.search(noun[:6], p, re.IGNORECASE) for p in parts)]


# Verbs that a list of parts may be split at («innlogging med Feide og fungere med …»).
_NOT_A_PART = re.compile(r"fungere|virke|passe|kunne|brukes|kommunisere|snakke|integreres|samhandle|kobles|leveres",
                         re.IGNORECASE)


def named_parts(text: str, matches: list[Match]) -> list[str]:
    """The parts of the purchase named after the main item, cleaned of who gets them and of brand wording; at most
    four, and none when the list is long (then it is a specification, not a list of parts)."""
    flagged = [m for m in matches if m.severity != "low"]
    parts: list[str] = _second_things(text, matches)
    spans = _pieces(text)
    if len(spans) > 5:
        return []
    for start, end in spans:
        piece = text[start:end]
        inside = [m for m in flagged if m.start < end and start < m.end]
        if inside:
            cut = min(m.start for m in inside) - start
            if cut <= 0:
                continue
            piece = _BRAND_LEAD.sub("", piece[:cut].rstrip(" ,-"))
        piece = _NAMED_TAIL.sub("", piece)
        piece = _WHO_TAIL.sub("", piece).strip(" ,")
        piece = _FILLER.sub("", piece)
        if re.fullmatch(r"levert|levering", piece, re.IGNORECASE):
            piece = "levering"
        installed = _INSTALLED.match(piece)
        if installed:
            thing = installed.group("thing")
            if not _covered(thing, None, parts) and len(_WORD.findall(thing)) <= 4:
                parts.append(thing)
            piece = f"montering av {thing}"
        words = _WORD.findall(piece)
        if not words or len(words) > 6 or re.search(r"\d", piece) or _CLAUSE.match(piece):
            continue
        if (len(words) == 1 and _NOT_A_PART.fullmatch(piece)) or re.fullmatch(
                r"[a-zæøå]+(?:ens|ets|enes|nes)(?:\s+(?-i:[A-ZÆØÅ])\S*)*", piece, re.IGNORECASE):
            # «… og fungere med skolens Google Workspace»: a verb is no part, and the buyer's own system is an
            # interface (drafted as one), not a part to deliver
            continue
        if piece[:1].isupper() and not (parts and re.search(r"integrasjon|grensesnitt|kobling", parts[-1], re.IGNORECASE)):
            continue  # a name («Visma Enterprise HRM») is no part of what is needed
        if parts and not any(p.search(piece) for p, _, _ in _SERVICES) and re.search(
                r"integrasjon|grensesnitt|kobling", parts[-1], re.IGNORECASE) and len(words) <= 2:
            parts[-1] = f"{parts[-1]} og {piece}"  # «integrasjon mot Helsenorge og e-resept»: one part
            continue
        if any(_PROPERTY.search(w) for w in words) and not any(p.search(piece) for p, _, _ in _SERVICES):
            if " til " in f" {piece} ":
                break  # «plass til verktøy og stiger»: the rest of the list is what there must be room for
            continue
        parts.append(piece)
    return (parts + _verb_services(text, parts))[:4]


def _covered(part: str, cover: re.Pattern[str] | None, drafted: list[str]) -> bool:
    names = re.findall(r"(?<!\w)(?-i:[A-ZÆØÅ][\w\-]+)", part[1:])
    if names and not all(any(n.lower() in r.lower() for r in drafted) for n in names):
        return False  # «integrasjon mot Helsenorge»: a requirement on integrations in general does not name it
    if cover is not None:
        return any(cover.search(r) for r in drafted)
    head = _WORD.findall(part)[-1].lower()
    stem = head[:max(5, len(head) - 3)]
    return any(stem in r.lower() for r in drafted)


def part_requirements(text: str, matches: list[Match], drafted: list[str]) -> list[str]:
    """One requirement for each named part no drafted requirement covers (see the module docstring)."""
    out: list[str] = []
    for part in named_parts(text, matches):
        service = next(((cover, template) for pattern, cover, template in _SERVICES if pattern.search(part)), None)
        if service is not None:
            if not _covered(part, service[0], [*drafted, *out]):
                out.append(service[1].format(Part=part[:1].upper() + part[1:]))
            continue
        if _covered(part, None, [*drafted, *out]):
            continue
        head = _WORD.findall(part)[-1]
        equipment = next((r for pattern, r in _EQUIPMENT if pattern.fullmatch(head) or pattern.search(head)), None)
        if equipment is not None:
            out.append(equipment.format(Part=part[:1].upper() + part[1:]))
            continue
        out.append(f"{part[:1].upper()}{part[1:]} skal inngå i leveransen og gi [det den skal gjøre eller dekke, og hvor "
                   "mye], dokumentert med datablad eller vareprøve og kontrollert ved levering.")
    return out


def without_parts(text: str, bought: bool = False) -> str:
    """The text without the lists of parts named after the main item: what the main item is (`bought`: the text is
    the object of a verb of buying already)."""
    spans = _pieces(text, bought)
    if not spans:
        return text
    out, pos = [], 0
    for sentence in re.finditer(r"[^.;:!?]+", text):
        lead = _lead(sentence.group(0), bought)
        if lead is not None and any(sentence.start() <= s < sentence.end() for s, _ in spans):
            out.append(text[pos:sentence.start() + lead.start()].rstrip(" ,"))
            pos = sentence.end()
    out.append(text[pos:])
    return "".join(out).strip()


def covers_part(text: str, matches: list[Match], requirement: str) -> bool:
    """Whether the requirement is the one that covers a part the original names."""
    for part in named_parts(text, matches):
        service = next((cover for pattern, cover, _ in _SERVICES if pattern.search(part)), None)
        if _covered(part, service, [requirement]):
            return True
    return False
