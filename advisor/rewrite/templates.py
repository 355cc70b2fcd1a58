"""The rewriter's Norwegian templates: neutral product names, requirements per domain and category, questions.

Blanks the buyer must fill in are written as [hakeparenteser]. The offline draft and the final check both draw on
these texts; nothing here looks at the analyzer beyond the categories and matches it is given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from advisor.requirements import FINDING_CATEGORIES, FUNCTION_TIE, Match, read_purchase_object
from advisor.rewrite.domains import measured_direction
from advisor.rewrite.targets import NUMBER_WORDS, Target

PLACEHOLDER_NEED = "Vi har behov for [beskriv hva som skal oppnås, for hvem], slik at [hvilken effekt dere vil se]."
DRAFT_NOTE = "Dette er et utkast. Fyll inn det som står i [hakeparenteser], og kontroller tallene mot behovet."
CATEGORY_OBJECTS = {"IT": "enheter", "vehicles": "kjøretøy", "machinery": "maskiner", "furniture": "møbler",
                    "kitchen": "maskiner", "cleaning": "maskiner", "medical": "enheter", "welfare": "hjelpemidler",
                    "energy": "anlegg", "office": "enheter"}

# Neutral product names (from the brand lexicon's "-> noun") and the need they usually serve.
NOUN_FUNCTIONS = {
    "bærbar PC": "å arbeide digitalt, både på kontoret og mobilt",
    "stasjonær PC": "å arbeide digitalt ved faste arbeidsplasser",
    "arbeidsstasjon": "å kjøre krevende fagprogrammer som tegning, modellering eller analyse",
    "nettbrett": "å bruke digitale verktøy og læremidler, også utenfor en fast arbeidsplass",
    "smarttelefon": "å være tilgjengelig og bruke nødvendige apper i tjenesten",
    "skriver": "å skrive ut og skanne dokumenter",
    "server": "å drifte tjenestene med nødvendig kapasitet og tilgjengelighet",
    "personbil": "å komme seg fram til oppdrag og brukere",
    "varebil": "å frakte utstyr og materiell i tjenesten",
    "arbeidsstol": "å sitte godt og variert gjennom arbeidsdagen",
    "interaktiv tavle": "å vise, dele og bearbeide digitalt innhold sammen i undervisning og møter",
    "robotgressklipper": "å holde gressdekket klippet og i god stand",
    "robotstøvsuger": "å holde gulvene frie for støv og smuss",
    "kombidamper": "å tilberede mat i riktig mengde og kvalitet",
    "kompaktlaster": "å flytte masse og materiell på trange arealer",
    "mobilbetaling": "å ta imot betaling enkelt og sikkert",
}
_PLURALS = {"bærbar PC": "bærbare PC-er", "stasjonær PC": "stasjonære PC-er", "nettbrett": "nettbrett",
            "interaktiv tavle": "interaktive tavler", "personbil": "personbiler", "varebil": "varebiler",
            "smarttelefon": "smarttelefoner", "skriver": "skrivere", "server": "servere", "arbeidsstol": "arbeidsstoler",
            "kjøretøy": "kjøretøy", "utstyr": "utstyr", "møbler": "møbler"}

# Per brand category: functional requirements that replace a brand or model (blanks in brackets).
DOMAIN_REQUIREMENTS = {
    "IT": ["Utstyret skal ha ytelse som dekker oppgavene brukerne skal utføre, dokumentert med [referansetest eller bruksscenario].",
           "Leverandøren skal tilby garanti og service i hele avtaleperioden, med reparasjon eller erstatning innen [antall] virkedager."],
    "software": ["Løsningen skal støtte arbeidsprosessene som er beskrevet i [vedlegg], og kunne utveksle data gjennom åpne, dokumenterte grensesnitt.",
                 "Løsningen skal ha en tilgjengelighet på minst [prosent] % i [tidsrom]."],
    "furniture": ["Produktet skal kunne tilpasses brukere med ulik kroppsstørrelse og behov, beskrevet i [vedlegg].",
                  "Produktet skal tåle daglig bruk og rengjøring i minst [antall] år, og reservedeler skal være tilgjengelige i hele perioden."],
    "vehicles": ["Kjøretøyet skal ha utslipp av CO₂ og NOx på høyst [verdi] per km, eller være utslippsfritt.",
                 "Kjøretøyet skal ha plass til [antall personer og utstyr] og en rekkevidde på minst [antall] km under vinterforhold."],
    "machinery": ["Maskinen skal utføre [oppgave] med en kapasitet på minst [mengde per time].",
                  "Maskinen skal ha utslipp og støy på høyst [verdi], eller være utslippsfri."],
    "medical": ["Utstyret skal dekke de kliniske behovene som er beskrevet i [vedlegg], med dokumentert ytelse og sikkerhet.",
                "Utstyret skal tåle rengjøring og desinfeksjon mellom hver bruker, og opplæringen skal ta høyst [antall] timer."],
    "welfare": ["Løsningen skal gjøre det mulig for brukeren og de ansatte å [beskriv handlingen] trygt og uten unødig fysisk belastning.",
                "Leverandøren skal dokumentere driftssikkerhet, levetid og tilgang på reservedeler i hele avtaleperioden."],
    "kitchen": ["Utstyret skal ha kapasitet til [mengde] per [time, måltid eller dag].",
                "Tilbyder skal dokumentere energi- og vannforbruket og tilby service innen [antall] timer ved feil."],
    "building": ["Produktet skal oppfylle ytelseskravene i [relevant standard] eller tilsvarende, og ha en dokumentert levetid på minst [antall] år.",
                 "Tilbyder skal dokumentere produktets miljøegenskaper, for eksempel med EPD."],
    "cleaning": ["Renholdet skal oppfylle kvalitetsnivå [nivå] etter INSTA 800 eller tilsvarende.",
                 "Produktene skal være miljømerket eller ha tilsvarende dokumentasjon på miljø- og helseegenskaper."],
    "office": ["Produktet skal dekke bruken som er beskrevet i [vedlegg].",
               "Produktet skal være miljømerket eller ha tilsvarende dokumentasjon."],
    "playground": ["Utstyret skal gi [beskriv aktivitet og brukergruppe] og oppfylle relevante sikkerhetsstandarder, "
                   "for eksempel NS-EN 1176 for lekeplassutstyr, eller tilsvarende.",
                   "Utstyret skal tåle bruk hele året og ha en dokumentert levetid på minst [antall] år."],
    "food": ["Varene skal oppfylle [ernæringskrav, kvalitet og holdbarhet] og leveres [hvor ofte og hvor].",
             "Leverandøren skal dokumentere opprinnelse, miljøegenskaper og tilgjengelighet gjennom hele avtaleperioden."],
    "security": ["Løsningen skal gi [beskriv sikkerhetsnivået, f.eks. hvem som skal ha tilgang hvor og når].",
                 "Løsningen skal kunne utvides og integreres gjennom åpne, dokumenterte grensesnitt [hvilke systemer], "
                 "verifisert ved test."],
    "workwear": ["Plaggene skal beskytte mot [vær, synlighet, risiko] og tåle minst [antall] vask.",
                 "Plaggene skal finnes i størrelser og passformer for alle ansatte som skal bruke dem."],
    "tools": ["Verktøyet skal utføre [oppgave] med [ytelse], og reservedeler skal være tilgjengelige i hele perioden."],
    "energy": ["Anlegget skal levere minst [effekt eller energimengde] under [driftsforhold].",
               "Anlegget skal kunne styres og overvåkes, og feil skal varsles innen [tid]."],
}
GENERIC_REQUIREMENTS = [
    "Tilbyder skal dokumentere hvordan tilbudt løsning dekker behovet, med målbare verdier for [egenskapene behovet "
    "avhenger av] der det er mulig.",
    "Tilbyder skal beskrive hvordan løsningen brukes, vedlikeholdes og følges opp i hele avtaleperioden.",
    "Løsningen skal oppfylle de egenskapene som er avgjørende for behovet, oppgitt som minste- eller høyesteverdier "
    "[fyll inn], dokumentert med datablad eller test.",
]
GENERIC_SERVICE_REQUIREMENTS = [
    "Tilbyder skal beskrive metode, arbeidsplan og bemanning for oppdraget, og hvordan det dekker behovet.",
    "Personene som skal utføre oppdraget, skal ha erfaring fra sammenlignbare oppdrag, dokumentert med CV-er og referanser.",
    "Leverandøren skal rapportere fremdrift og avvik [hvor ofte], fulgt opp i kontraktsmøter.",
]
CATEGORY_REQUIREMENTS = {
    "product_named": "Løsningen skal dekke behovet, enten den leveres som produkt, som tjeneste eller som en kombinasjon.",
    "prescribed_technology": "Løsningen skal kunne utveksle data med andre systemer gjennom åpne, dokumenterte grensesnitt, "
                             "og leverandøren velger teknologi.",
    "material_dimension_method": "Resultatet skal oppfylle [målbart kvalitetskrav, f.eks. holdbarhet, renhold eller utseende], "
                                 "og leverandøren velger materiale og metode.",
    "same_as_current": "Løsningen skal dekke funksjonene i dagens løsning som er listet i [vedlegg], og kostnader ved "
                       "overgang vurderes i tildelingskriteriene.",
    "presence": "Leverandøren skal ha en navngitt kontaktperson som svarer på henvendelser innen [timer], og kunne møte hos "
                "oss innen [timer eller virkedager] når det trengs, beskrevet i en plan for tilgjengelighet og fulgt opp i "
                "rapporter og kontraktsmøter.",
    # a fixed number of days on site: what the presence is for, meetings when needed and answers in time
    "attendance": "Leverandøren skal delta i avtalte møter og arbeidsøkter hos oss når oppdraget krever det [beskriv hvilke], "
                  "varslet minst [antall] virkedager i forveien, og ellers samarbeide digitalt, fulgt opp i rapporter og "
                  "kontraktsmøter.",
    "incumbent": "Personellet leverandøren tilbyr, skal ha den kompetansen og erfaringen oppdraget krever [beskriv], "
                 "dokumentert med CV og referanser fra minst [antall] lignende oppdrag; videreføring av det som er gjort, "
                 "sikres med en plan for overføring av kunnskap.",
    "goods_supplier": "Leverandøren skal kunne levere, montere og gi service på det som tilbys i hele avtaleperioden, med "
                      "responstid ved feil på høyst [timer], dokumentert med serviceavtale og referanser fra minst [antall] "
                      "lignende leveranser.",
    # how a machine, vehicle, vessel or printer is built or driven: what it must manage, not a data interface
    "build": "Utstyret skal klare [arbeidet det skal gjøre: terreng, last, rekkevidde, hva det skal lage eller hvordan det "
             "tømmes med utstyret vi har], verifisert ved utprøving eller med produsentens data, og leverandøren velger "
             "utforming og teknologi.",
    "energy": "Løsningen skal ha utslipp av klimagasser på høyst [verdi] per [enhet], eller være utslippsfri, og "
              "leverandøren velger energibærer.",
    # a radio or network generation chosen for the goods («innebygd 4G-modem», «via NB-IoT», «over LoRaWAN»): what the
    # connection is for (alarms and data arriving in time where the goods are, and what happens when it fails)
    "communication": "Enhetene skal overføre [alarmer og data – skriv hvilke] til [mottaker, f.eks. responssenter, "
                     "driftssentral eller fagsystem] innen [sekunder] der de brukes [steder, også innendørs og i kjeller], "
                     "og varsle eller bytte til en reserveforbindelse når forbindelsen faller ut, verifisert ved "
                     "dekningstest på stedet; leverandøren velger kommunikasjonsteknologi.",
}
# A radio technology or network generation (what carries alarms and data), not a building-automation bus.
COMMUNICATION_TECH = re.compile(r"(?<![\w\-])(?:[2-5]G|LTE(?:-M)?|NB-IoT|LoRa(?:WAN)?|Sigfox|Zigbee|Z-Wave|Bluetooth|BLE|"
                                r"Wireless M-Bus|EnOcean)(?![\w])|modem|modul", re.IGNORECASE)
MARKET_QUESTIONS = {
    "brand": "Hvilke løsninger finnes i markedet som dekker dette behovet, og hvordan dokumenterer dere ytelsen?",
    "model_type": "Hvilke egenskaper bør vi stille krav til for at flere produkter skal kunne konkurrere?",
    "product_named": "Finnes det andre måter å dekke behovet på, for eksempel som tjeneste eller med en annen type løsning?",
    "prescribed_technology": "Hvilke teknologier kan dekke behovet, og hva betyr valget for drift, sikkerhet og senere bytte av leverandør?",
    "material_dimension_method": "Hvilke materialer eller metoder gir det resultatet vi trenger, og hva koster de over levetiden?",
    "same_as_current": "Hva har endret seg i markedet siden forrige anskaffelse, og hva koster en overgang?",
    "tailoring": "Hvilke av verdiene i kravet er vanlige i markedet, og hvilke utelukker de fleste produkter?",
    "missing_or_equivalent": "Hva bør regnes som «tilsvarende» for dette produktet, og hvordan kan det dokumenteres?",
}


def plural(noun: str) -> str:
    """Norwegian plural of a neutral product name (after a count): «bærbar PC» -> «bærbare PC-er»."""
    if noun in _PLURALS:
        return _PLURALS[noun]
    return noun + ("r" if noun.endswith("e") else "er")


def noun_function(noun: str) -> str:
    """The need a neutral product name usually serves, as an «å ...» phrase ('' when unknown)."""
    return NOUN_FUNCTIONS.get(noun, "")


# Same-as-current wording that points at today's supplier or team rather than today's product.
INCUMBENT = re.compile(r"oppdraget|avtalen|kontrakten|rammeavtalen|leverandør|prosjektleder|konsulent|rådgiver|team|"
                       r"forrige\s+fase", re.IGNORECASE)


def incumbent_only(text: str, matches: list[Match]) -> bool:
    """Whether every «same as today» finding is about today's supplier or team («som har oppdraget i dag»)."""
    spans = [text[h.start:h.end] for h in matches if h.category == "same_as_current" and h.severity != "low"]
    return bool(spans) and all(INCUMBENT.search(span) for span in spans)


# Findings on how goods are built or driven (a drive type, a hull form, steering or emptying, a printing process): the
# fallback asks what the goods must manage, not for open data interfaces
BUILD_KINDS = frozenset({"drive", "hull", "construction", "process"})


def category_requirements(categories: set[str], domains: list[str], matches: list[Match], text: str = "") -> list[str]:
    """Template requirements for the findings: per product domain, then per problem category; a supplier named or
    preferred becomes a requirement on the competence any supplier can offer."""
    out: list[str] = []
    incumbent = incumbent_only(text, matches)
    bought = read_purchase_object(text) if text and not incumbent else None
    if "supplier" in categories and bought is not None and bought.kind == "goods":
        # «Laderne skal leveres av ABB»: a supplier named for goods asks for any supplier who can deliver and service
        # them, never for a consultant's CVs and a transfer of knowledge
        out.append(CATEGORY_REQUIREMENTS["goods_supplier"])
    elif "supplier" in categories or incumbent:
        out.append(CATEGORY_REQUIREMENTS["incumbent"])
        categories = categories - {"same_as_current"} if incumbent else categories
    for domain in domains:
        out.extend(DOMAIN_REQUIREMENTS.get(domain, []))
    if any(h.category == "prescribed_technology" and h.kind == "energy" for h in matches):
        out.append(CATEGORY_REQUIREMENTS["energy"])
    out.extend(presence_requirements(matches))
    technology = [h for h in matches if h.category == "prescribed_technology" and h.severity != "low"]
    built = bool(technology) and all(h.kind in BUILD_KINDS for h in technology)
    if built:
        out.append(CATEGORY_REQUIREMENTS["build"])
    communication = bool(technology) and all(
        h.kind in {"network", "protocol"} and COMMUNICATION_TECH.search(text[h.start:h.end]) for h in technology) \
        if text else False
    if communication:
        out.append(CATEGORY_REQUIREMENTS["communication"])
    for category in ("product_named", "prescribed_technology", "material_dimension_method", "same_as_current"):
        if category == "prescribed_technology" and (built or communication or (out and "energy" in out[-1])):
            continue
        if category in categories:
            out.append(CATEGORY_REQUIREMENTS[category])
    return out


def presence_requirements(matches: list[Match]) -> list[str]:
    """The availability the buyer needs, for a finding that demands an office in a place or a fixed number of days on
    site: answers from a named contact in time, and meetings on site when needed, not a place or a count of days."""
    kinds = {h.kind for h in matches if h.category == "origin"}
    out = [CATEGORY_REQUIREMENTS["presence"]] if kinds & {"presence", "attendance"} else []
    return out + [CATEGORY_REQUIREMENTS["attendance"]] if "attendance" in kinds else out


# The same questions naming what was flagged («rentvannsanlegg», «NS 3420»), so the dialog asks about this purchase
# and not the same thing in every rewrite; {span} is the flagged wording of the original. A brand, model, named product
# or supplier is never named: the dialogue asks about the need and the alternatives (which solutions meet the
# function, what they cost over their life, how long delivery takes, what limits competition), not about what the
# product the buyer named does today.
NAMED_MARKET_QUESTIONS = {
    "brand": "Hvilke løsninger fra ulike produsenter dekker funksjonene og ytelsen i kravene, hva koster de over levetiden, "
             "og hva er vanlig leveringstid?",
    "model_type": "Hvilke av kravene i utkastet begrenser konkurransen unødig, og hvilke egenskaper bør vi heller stille "
                  "krav til for at flere produkter skal kunne konkurrere?",
    "product_named": "Finnes det andre måter å dekke behovet på, for eksempel som tjeneste, og hva koster de over "
                     "levetiden?",
    "material_dimension_method": "Hvilke andre materialer eller metoder enn «{span}» gir det resultatet vi trenger, og hva "
                                 "koster de over levetiden?",
    "tailoring": "Er «{span}» vanlig i markedet, eller utelukker verdien de fleste produkter?",
    "missing_or_equivalent": "Hva bør regnes som tilsvarende «{span}», og hvordan kan det dokumenteres?",
}
# Categories whose flagged wording names a product or a supplier: their questions do not repeat it.
_NAMING = {"brand", "model_type", "product_named", "supplier"}


# A method and a material are asked about as what they are: the result a method gives, the properties a material has.
_KIND_MARKET_QUESTIONS = {
    "method": "Hvilke andre metoder enn «{span}» gir det resultatet vi trenger, og hvordan dokumenterer dere resultatet?",
    "material": "Hvilke andre materialer enn «{span}» gir egenskapene vi trenger (for eksempel styrke, levetid, vedlikehold "
                "eller klimaavtrykk), og hva koster de over levetiden?",
}


def market_questions_for(categories: set[str], text: str = "", matches: Sequence[Match] = ()) -> list[str]:
    """One question to the market per problem category (in a fixed order), naming the flagged wording of `text` when
    `matches` give it (a name of at most 40 characters), else in general words."""
    out = []
    for category in FINDING_CATEGORIES:
        if category not in categories or category not in MARKET_QUESTIONS:
            continue
        found = next((m for m in matches if m.category == category and m.severity != "low"), None)
        span = text[found.start:found.end].strip() if found is not None and text else ""
        # «Scania» flagged for lacking «eller tilsvarende» is still a brand: the question does not name it
        if found is not None and any(m.category in _NAMING and m.start < found.end and found.start < m.end for m in matches):
            span = ""
        if category in _NAMING:
            out.append(NAMED_MARKET_QUESTIONS.get(category, MARKET_QUESTIONS[category]))
            continue
        named = _KIND_MARKET_QUESTIONS.get(found.kind, NAMED_MARKET_QUESTIONS.get(category, "")) \
            if found is not None and category == "material_dimension_method" else NAMED_MARKET_QUESTIONS.get(category, "")
        span = _METHOD_LEAD.sub("", span) if found is not None and found.kind == "method" else span
        out.append(named.format(span=span) if span and len(span) <= 40 and named else MARKET_QUESTIONS[category])
    return out


_USERS = re.compile(r"(?<!\w)(?:brukere?\w*|ansatte|elever\w*|pasient\w*|beboer\w*|innbygger\w*|pleier\w*|lærer\w*|"
                    r"saksbehandler\w*|barn\w*|eldre|personale\w*|sjåfør\w*|hjemmetjeneste\w*|users?|staff|pupils|patients|residents)(?!\w)",
                    re.IGNORECASE)


# «samme oppbygging som dagens bilpark», «identiske med sengene på sengepost 4», «passe doseringsanlegget vi har i
# dag», «beholde dagens serviceavtale»: the delivery must be like, or fit, something the buyer already has.
_LIKE_EXISTING = re.compile(
    r"(?<!\w)(?:(?:samme|lik[et]?|identisk\w*)\s+(?:[\w\-]+\s+){0,3}?(?:som|med)\s+|(?:passe[rs]?)\s+"
    r"(?:til\s+|med\s+|i\s+|sammen\s+med\s+)?|beholde\s+)(?P<thing>[^.;,]{3,60})", re.IGNORECASE)
_EXISTING_THING = re.compile(r"(?<!\w)(?:dagens|eksisterende|nåværende|(?:vi|dere)\s+(?:har|bruker|kjøpte|fikk)|i\s+dag|i\s+fjor|allerede)(?!\w)",
                             re.IGNORECASE)
# A definite thing somewhere named («sengene på sengepost 4»): it exists already.
_THING_ELSEWHERE = re.compile(r"[^\W\d_]+(?:ene|et|en|a)\s+(?:på|i|ved)\s+\S", re.IGNORECASE)


# A fit (not a likeness) to what the buyer has: «passe på …», «kompatibel med …».
_FITS = re.compile(r"\s*(?:passe\w*|kompatib\w*)\b", re.IGNORECASE)


def compatibility_question(text: str) -> str:
    """The question to ask when the requirement wants the delivery like, or fitting, what the buyer has ('' when it
    does not, or when it is today's supplier or team, which has its own question): compatibility with existing
    equipment is a narrow exception to the rule on technical specifications, so the buyer must say why it is needed."""
    for m in _LIKE_EXISTING.finditer(text):
        thing = m.group("thing").strip()
        if INCUMBENT.search(m.group(0)) or re.search(r"advokat|person|folk", m.group(0), re.IGNORECASE):
            continue
        if (_EXISTING_THING.search(thing) or _THING_ELSEWHERE.match(thing)) and _FITS.match(m.group(0)):
            # «passe på dagens 60 mm stolper»: fitting what the buyer has is a lawful need; what must fit is written down
            return (f"Hva må leveransen passe med hos dere («{m.group(0).strip()}»)? Å kreve at den passer med utstyr "
                    "dere allerede har, er lovlig når kontraktsgjenstanden krever det (FOA § 15-1): beskriv grensesnittet "
                    "(mål, feste, kobling eller protokoll) i vedlegg, så kravet kan stå uten et bestemt produkt.")
        if _EXISTING_THING.search(thing) or _THING_ELSEWHERE.match(thing):
            return (f"Trengs det virkelig at leveransen er lik eller passer med det dere har («{m.group(0).strip()}»)? "
                    "Kompatibilitet med utstyr dere allerede har er et snevert unntak (FOA § 15-1): skriv hva som må "
                    "passe sammen og hvorfor (for eksempel deler, tilbehør, opplæring eller utstyr som flyttes mellom "
                    "dem), og vurder om kostnaden ved å bytte heller hører hjemme i tildelingskriteriene.")
    return ""


# What a generic question asks about, and the words by which another question already asks it.
_GENERIC_TOPICS = (
    ("Hvem skal bruke løsningen, og hvor mange er de?",
     re.compile(r"(?<!\w)(?:hvem|hvor mange|brukere\w*|deltakere|målgruppe\w*)(?!\w)", re.IGNORECASE)),
    ("Hvilket problem skal løses, og hva skjer i dag når det ikke er løst?",
     re.compile(r"(?<!\w)(?:problem\w*|beslutning\w*|endring\w*|oppnådd|oppnå|brukes til|behov\w*|"
                r"fungerer godt|bli bedre)(?!\w)", re.IGNORECASE)),
    ("Hvordan vil dere måle at behovet er dekket (for eksempel tid, antall, kvalitet eller kostnad)?",
     re.compile(r"(?<!\w)(?:måle|måler|målt|effekt\w*|nøyaktig\w*|hvor raskt|hvor lenge)(?!\w)", re.IGNORECASE)),
)
# At most this many questions in all; with a purchase type, the generic ones only fill up to the smaller number.
MAX_BUYER_QUESTIONS, MIN_WITH_TYPE = 5, 2


def buyer_questions(text: str, matches: list[Match], targets: list[Target], typed: Sequence[str] = ()) -> list[str]:
    """At most five questions back to the buyer, most specific first: whether a wish to match what the buyer has is
    really needed; one per finding (why this brand, this supplier, this office location, this much experience); the
    purchase type's own questions (`typed`); then who, why and how success is measured where the text does not say.
    With a purchase type the generic questions only fill up to two in all, and none is asked that a question before
    it already asks in other words."""
    compatibility = compatibility_question(text)
    generic: list[str] = []
    # with a purchase type the need already names who it is for (gloves, building materials): asking «who will use the
    # solution» again is boilerplate
    if not _USERS.search(text) and not typed:
        generic.append(_GENERIC_TOPICS[0][0])
    if not (FUNCTION_TIE.search(text) or re.search(r"behov|trenger|need", text, re.IGNORECASE)):
        generic.append(_GENERIC_TOPICS[1][0])
    if not targets:
        generic.append(_GENERIC_TOPICS[2][0])
    specific = _finding_questions(text, matches, skip={"same_as_current"} if compatibility else set())
    out = list(dict.fromkeys([*([compatibility] if compatibility else []), *specific, *typed]))
    # with a purchase type its own questions ask what this purchase lacks: the generic ones (the same in every draft)
    # only fill in where fewer than two questions are asked
    limit = MIN_WITH_TYPE if typed else MAX_BUYER_QUESTIONS
    for question in generic:
        topic = next(pattern for asked, pattern in _GENERIC_TOPICS if asked == question)
        if len(out) < limit and not any(topic.search(q) for q in out):
            out.append(question)
    return out[:MAX_BUYER_QUESTIONS]


def _finding_questions(text: str, matches: list[Match], skip: set[str]) -> list[str]:
    """One question per kind of finding, on what the flagged wording is meant to secure."""
    out: list[str] = []
    seen = set(skip)
    experience = YEARS_OF_EXPERIENCE.search(text)
    if experience:
        out.append(f"Står kravet om «{experience.group(0).strip()}» i forhold til oppdraget? Krav skal være nødvendige og "
                   "forholdsmessige (LOA § 4): beskriv kompetansen oppdraget krever, og vurder å vekte erfaring i "
                   "tildelingen i stedet for å stenge ute dem med kortere fartstid.")
    # a value whose function its words name («liggeflate 90 x 200 cm») already has a requirement saying what it is for
    matches = [m for m in matches if not (m.category == "material_dimension_method"
                                          and measured_direction(text, m.start, m.end) is not None)]
    for match in matches:
        key = "attendance" if match.kind == "attendance" else match.category
        if match.severity == "low" or key in seen:
            continue
        seen.add(key)
        span = text[match.start:match.end]
        if match.category in {"brand", "model_type"}:
            seen.update({"brand", "model_type"})
            out.append(_brand_question(text, matches, span))
        elif match.category == "supplier":
            out.append(_reseller_question(span) if match.kind == "reseller" else _supplier_question(text, match.start, span))
        elif match.category == "product_named":
            out.append(f"Har dere vurdert andre måter å dekke behovet på enn «{span}», for eksempel som tjeneste?")
        elif match.category == "prescribed_technology":
            out.append(f"Hvorfor er «{span}» nødvendig: drift, kompetanse, integrasjon, sikkerhet eller utslipp?")
        elif match.category == "material_dimension_method":
            out.append(_spec_question(match.kind, span))
        elif match.category == "origin" and match.kind == "attendance":
            out.append(f"Hvilke oppgaver må gjøres hos dere, og hvor ofte («{span}»)? Et fast antall dager på stedet "
                       "favoriserer leverandører i nærheten og må være nødvendig (LOA § 4); skriv heller hvilke møter som "
                       "krever oppmøte, hvor lang varsel dere gir og hvor raskt dere trenger svar.")
        elif match.category == "origin" and match.kind == "presence":
            out.append(f"Hvorfor må leverandøren ha «{span}»? Krav om hvor leverandøren holder til, favoriserer lokale "
                       "leverandører og må være nødvendig og forholdsmessig (LOA § 4); skriv heller hvor raskt dere trenger "
                       "svar og oppmøte.")
        elif match.category == "same_as_current" and INCUMBENT.search(span):
            out.append("Hva er det ved dagens leverandør eller team som er viktig for dere (kjennskap til saken, "
                       "kontinuitet)? Skriv det som krav alle kan oppfylle, for eksempel en plan for overføring av kunnskap.")
        elif match.category == "same_as_current":
            out.append("Hva fungerer godt med dagens løsning, og hva bør bli bedre?")
        elif match.category == "missing_or_equivalent" and match.kind == "certification":
            out.append(f"Hvilken kompetanse skal «{span}» sikre? Skriv den som krav til erfaring fra sammenlignbare oppdrag, "
                       "og godta tilsvarende sertifiseringer.")
        elif match.category == "tailoring":
            out.append("Hvilke av verdiene er nødvendige for behovet, og hvilke er hentet fra et produktdatablad?")
    return out


def _spec_question(kind: str, span: str) -> str:
    """What a prescribed method, material or other specification is to secure: a method's result, a material's properties."""
    if kind == "method":
        return (f"Hvilket resultat skal «{_METHOD_LEAD.sub('', span)}» gi (for eksempel renhet, hygiene, kvalitet, tid eller "
                "skånsomhet), og hvordan vil dere kontrollere det? Skriv resultatet som krav, og la leverandøren velge metoden.")
    if kind == "material":
        return (f"Hvilke egenskaper skal materialet i «{span}» sikre (for eksempel styrke, levetid, vedlikehold, brann, fukt "
                "eller utseende)? Skriv dem som krav, og godta andre materialer som har dem.")
    return f"Hva skal «{span}» oppnå (holdbarhet, vedlikehold, hygiene, plass, utseende)?"


def _reseller_question(span: str) -> str:
    """Why the licences must come from one named reseller, when others sell the same product."""
    return (f"Må lisensene kjøpes gjennom «{span}»? Andre forhandlere kan som regel levere de samme lisensene; la dem "
            "konkurrere om pris, lisensrapportering og oppfølging, og skriv det dere trenger av forhandleren som krav.")


def _supplier_question(text: str, start: int, span: str) -> str:
    """What the buyer values in a named supplier: in the goods it is to deliver them from, else in how it works."""
    if _GOODS_FROM.search(text[:start]):
        return (f"Hva er det ved varene fra «{span}» som er viktig for dere (for eksempel kvalitet, ferskhet, sortiment eller "
                "leveringstid)? Skriv det som egenskaper ved varene, så kan alle leverandører tilby dem.")
    return (f"Hva er det ved «{span}» som er viktig for dere (for eksempel erfaring eller kjennskap til saken)? Skriv det "
            "som krav til kompetanse eller gjennomføring som alle leverandører kan konkurrere om.")


# The words that lead a method's name («etter tofaktormetoden», «ved hjelp av …»): the question names the method.
_METHOD_LEAD = re.compile(r"^(?:etter|ved\s+hjelp\s+av|med|by\s+the|using\s+the|using)\s+", re.IGNORECASE)


# Goods to come from a named company («leveres fra Bakehuset Vest AS», «kjøpes hos …»), not a company doing the work.
_GOODS_FROM = re.compile(r"(?<!\w)(?:leveres|levert|kjøpes|kjøpt|komme|kommer|hentes|bestilles)\s+(?:inn\s+)?(?:fra|hos)\s+$",
                         re.IGNORECASE)


def _brand_question(text: str, matches: list[Match], span: str) -> str:
    """Why the brand is named: a medical reason for a medicine, the switching cost for welfare technology users know,
    compatibility only where something to fit is named or the brand's line is equipment, else what the brand stands
    for (cloths, food)."""
    refs = [h for h in matches if h.category in {"brand", "model_type", "missing_or_equivalent"} and h.severity != "low"]
    span = text[min(h.start for h in refs):max(h.end for h in refs)] if len(refs) < 4 else span
    if any(h.detail.get("brand_category") == "medicine" for h in refs):
        return (f"Er det en medisinsk grunn til at det må være nettopp «{span}» (for eksempel hjelpestoffer, "
                "smak eller at pasienten ikke kan bytte)? Ellers: skriv virkestoff, styrke og legemiddelform.")
    if any(h.detail.get("brand_category") == "welfare" for h in refs):
        # a welfare product is often named because users and staff know it: that is a switching cost, not a need
        return (f"Nevner dere «{span}» fordi brukerne og de ansatte kjenner den? Opplæring og overgang fra dagens løsning "
                "er en kostnad dere kan vekte i tildelingen (for eksempel kostnad over levetiden med opplæring), ikke en "
                "grunn til å kreve merket; det løsningen må virke med, skrives som krav til grensesnitt.")
    if _EXISTING_NAMED.search(text) or any(h.detail.get("brand_category") in _COMPATIBLE_CATEGORIES for h in refs) \
            and not _CONSUMABLE.search(text):
        return (f"Er det en grunn til at dere nevner «{span}», for eksempel kompatibilitet med utstyr dere "
                "allerede har? Skriv i så fall ned begrunnelsen og legg til «eller tilsvarende».")
    kinds = {str(h.detail.get("brand_category", "")) for h in refs}
    qualities = next((q for kind, q in _BRAND_QUALITIES if kind in kinds), "kvalitet, holdbarhet, funksjon eller sikkerhet")
    return (f"Hva er det ved «{span}» dere trenger (for eksempel {qualities})? Skriv det som krav i stedet for navnet, "
            "eller legg til «eller tilsvarende» hvis navnet må stå.")


# «minst 20 års erfaring»: a demand on a person's experience (a question of proportionality, not a count delivered).
YEARS_OF_EXPERIENCE = re.compile(rf"(?:minst|minimum|over)?\s*(?<!\w)(?:\d+|{NUMBER_WORDS})\s+års\s+(?:\w+\s+)?erfaring",
                                 re.IGNORECASE)


# What a brand usually stands for, by its product line: taste belongs to food, not to play equipment.
_BRAND_QUALITIES = (("food", "smak, innhold eller næringsverdi"),
                    ("cleaning", "renseeffekt, skånsomhet mot underlaget eller miljømerke"),
                    ("workwear", "passform, slitestyrke eller synlighet"),
                    ("office", "kvalitet, innhold eller miljømerke"),
                    ("building", "utseende, vedlikeholdsbehov, brannklasse eller levetid"))


# Product lines where a brand is often named for fit with equipment, software or parts the buyer already has.
_COMPATIBLE_CATEGORIES = frozenset({"IT", "software", "machinery", "tools", "telecom", "security", "building", "energy",
                                    "kitchen", "vehicles", "medical", "welfare"})
# Goods used up or laid once, where a brand is named for what it is like, not for a fit with equipment: gloves,
# dressings, floor coverings, paint, cladding.
_CONSUMABLE = re.compile(r"hanske|bandasj|kompress|plaster|belegg|gulv|maling|tapet|papir|bleie|inkontinens|såpe|fasade|"
                         r"kledning|takstein|takplate|"
                         r"vaskemiddel|tørkerull|serviett", re.IGNORECASE)
# Wording that names something the buyer has that the delivery must fit.
_EXISTING_NAMED = re.compile(r"(?<!\w)(?:dagens|eksisterende|nåværende|vi har|vi bruker|passe\s+(?:til|med|i)|kompatib\w*|"
                             r"integrer\w*|koble\w*\s+til|virke\s+(?:med|sammen))", re.IGNORECASE)
