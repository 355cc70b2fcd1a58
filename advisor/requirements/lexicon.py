"""Word lists and patterns behind the requirement analyzer: brands, technologies, product nouns, materials, cues.

Everything here is data or a compiled regular expression (plus the Norwegian explanation texts); the decisions that
use them live in detectors.py. The brand lexicon is brands.txt beside this file (see its header for the format).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from advisor.errors import AdvisorError

BRANDS_FILE = Path(__file__).resolve().parent / "brands.txt"

FINDING_CATEGORIES = (
    "brand", "model_type", "product_named", "prescribed_technology",
    "material_dimension_method", "same_as_current", "missing_or_equivalent", "tailoring", "supplier", "origin",
)

# Norwegian names of the categories, for text output.
CATEGORY_LABELS = {
    "brand": "Merkenavn / varemerke",
    "model_type": "Modell- eller typebetegnelse",
    "product_named": "Produkt i stedet for funksjon",
    "prescribed_technology": "Foreskrevet teknologi eller plattform",
    "material_dimension_method": "Materiale, mål eller metode uten funksjon",
    "same_as_current": "«Samme som i dag»",
    "missing_or_equivalent": "Mangler «eller tilsvarende»",
    "tailoring": "Skreddersydd kombinasjon av krav",
    "supplier": "Navngitt leverandør",
    "origin": "Krav om opprinnelse eller lokal tilstedeværelse",
}

# What a brand category is, in words a buyer uses (explanations, rewriter fallbacks).
BRAND_CATEGORY_NOUNS = {
    "IT": "IT-utstyr", "software": "programvare", "furniture": "møbler", "vehicles": "kjøretøy",
    "machinery": "maskiner", "medical": "medisinsk utstyr", "welfare": "hjelpemidler og velferdsteknologi",
    "kitchen": "kjøkkenutstyr", "building": "byggevarer og tekniske installasjoner", "cleaning": "renholdsprodukter",
    "office": "kontorrekvisita", "tools": "verktøy", "playground": "lekeutstyr", "workwear": "arbeidsklær",
    "energy": "energiutstyr", "security": "sikkerhetsutstyr", "food": "matvarer", "telecom": "teletjenester",
    "medicine": "legemidler",
}

_TAGS = {"line", "generic", "word", "case"}


@dataclass(frozen=True)
class Brand:
    """One lexicon entry: a brand, trademark or product line."""

    name: str
    category: str
    is_line: bool = False
    is_generic: bool = False
    is_word: bool = False
    is_case: bool = False
    generic_noun: str = ""


@functools.lru_cache(maxsize=100_000)
@functools.lru_cache(maxsize=65536)
def brand_key(text: str) -> str:
    """Lookup key of a brand mention: lower case, hyphens and runs of spaces as one space (cached: a long list asks
    for the same words again and again)."""
    return _KEY_SPACE.sub(" ", text.strip().lower())


_KEY_SPACE = re.compile(r"[\s\-]+")


def parse_brand_line(line: str, number: int = 0) -> Brand | None:
    """One line of brands.txt as a Brand (None for comments and blank lines); a bad line raises AdvisorError."""
    stripped = line.strip()
    if not stripped or stripped.startswith("#"):
        return None
    name, sep, comment = stripped.partition("#")
    name = name.strip()
    if not sep or not name:
        raise AdvisorError(f"{BRANDS_FILE}:{number}: expected 'Name  # category', got {line.strip()!r}")
    comment, _, noun = comment.partition("->")
    words = comment.split()
    if not words:
        raise AdvisorError(f"{BRANDS_FILE}:{number}: {name!r} has no category")
    category, tags = words[0], set(words[1:])
    if category not in BRAND_CATEGORY_NOUNS:
        raise AdvisorError(f"{BRANDS_FILE}:{number}: unknown category {category!r} for {name!r}")
    if tags - _TAGS:
        raise AdvisorError(f"{BRANDS_FILE}:{number}: unknown tags {sorted(tags - _TAGS)} for {name!r}")
    return Brand(
        name=name, category=category, is_line="line" in tags, is_generic="generic" in tags,
        is_word="word" in tags, is_case="case" in tags, generic_noun=noun.strip(),
    )


@functools.cache
def load_brands(path: Path = BRANDS_FILE) -> dict[str, Brand]:
    """The brand lexicon keyed by brand_key(name); duplicate keys raise AdvisorError."""
    if not path.is_file():
        raise AdvisorError(f"brand lexicon {path} is missing")
    brands: dict[str, Brand] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        brand = parse_brand_line(line, number)
        if brand is None:
            continue
        key = brand_key(brand.name)
        if key in brands:
            raise AdvisorError(f"{path}:{number}: {brand.name!r} is listed twice")
        brands[key] = brand
    return brands


def _name_pattern(name: str) -> str:
    parts = [re.escape(p) for p in re.split(r"[\s\-]+", name) if p]
    return r"[\s\-]?".join(parts) if len(parts) > 1 and "-" in name else r"[\s\-]+".join(parts)


@functools.cache
def brand_first_words(path: Path = BRANDS_FILE) -> frozenset[str]:
    """The first word of every brand, lower case: a line without any of them cannot name a lexicon brand."""
    return frozenset(re.split(r"[\s\-]+", name.lower())[0] for name in (b.name for b in load_brands(path).values()))


_WORDS = re.compile(r"[^\W_]+")
_INFLECTION = re.compile(r"(?:'s|’s|s|en|er|ene|et|ens)$")


def may_name_a_brand(text: str) -> bool:
    """Whether any word of `text` (or the word without a Norwegian/English ending) starts a lexicon brand name.

    Running the alternation of every brand over a line is the analyzer's most expensive step; most lines of a long
    list name no brand, and a set lookup per word rules them out first."""
    first = brand_first_words()
    return any(word in first or _uninflected(word) in first for word in _WORDS.findall(text.lower()))


@functools.lru_cache(maxsize=65536)
def _uninflected(word: str) -> str:
    return _INFLECTION.sub("", word)


# Norwegian/English inflection a brand or product line may carry: iPader, iPadene, Volvoen, Chromebooks.
BRAND_SUFFIX = r"(?:'s|’s|s|en|er|ene|et|ens)?"


@functools.cache
def brand_regex(path: Path = BRANDS_FILE) -> re.Pattern[str]:
    """One case-insensitive alternation of every brand (longest first); case/word rules are applied after."""
    names = sorted((b.name for b in load_brands(path).values()), key=len, reverse=True)
    body = "|".join(_name_pattern(n) for n in names)
    return re.compile(rf"(?<![\w@/.])(?P<base>{body})(?P<suffix>{BRAND_SUFFIX})(?![\w])", re.IGNORECASE)


# --- technologies, platforms and programming languages (prescribed_technology) -------------------------
# (pattern, kind). kind "approach" is only flagged when the requirement prescribes it ("skal bruke ...").
# Patterns are matched case-sensitively unless they start with (?i).
TECHNOLOGIES: tuple[tuple[str, str], ...] = (
    (r"Windows(?:[\s\-]+(?:Server(?:\s+\d{4})?|\d{1,2}(?:\s+(?:Pro|Enterprise|Education))?))?", "platform"),
    (r"macOS|Mac OS X?|iPadOS|iOS|Android|ChromeOS|Chrome OS|Ubuntu|Red Hat Enterprise Linux|RHEL|Linux", "platform"),
    (r"Java(?!Script)|JavaScript|TypeScript|Python|C#|C\+\+|\.NET(?:\s+Core)?|PHP|Ruby(?: on Rails)?|Kotlin|Scala|"
     r"COBOL|Delphi|Visual Basic|Golang|Node\.js|React(?:\.js)?|Angular|Vue(?:\.js)?|Django|Spring Boot|Laravel|"
     r"Flutter|Xamarin", "language"),
    (r"PostgreSQL|Postgres|MySQL|MariaDB|(?:Microsoft\s+|MS\s?)?SQL Server|MS SQL|Oracle(?:\s+(?:Database|DB))(?:\s+\d+\w?)?|"
     r"MongoDB|Elasticsearch|Redis", "database"),
    (r"(?:Microsoft\s+)?(?:Entra ID|Azure AD|Active Directory)|(?:Microsoft\s+)?Azure|AWS|Amazon Web Services|Google Cloud(?: Platform)?|GCP", "cloud"),
    (r"(?:Microsoft\s+)?Teams|SharePoint(?: Online)?|Exchange Online|Slack|Zoom|Webex|Google Meet|Skype|(?:Microsoft|Office)\s+365|M365|"
     r"Google Workspace(?: for Education)?|OneDrive|Outlook|Dynamics 365|Power BI|Power Apps|SAP(?:\s+S/4HANA)?|"
     r"S/4HANA|VMware|Hyper-V|Kubernetes|Docker|OpenShift", "product"),
    (r"(?i)diesel\w*|hydrogen\w*(?:[\s\-]+brenselcelle\w*)?|brenselcelle\w*|biogass\w*|biodiesel|HVO\d*|LNG|bensin\w*|(?:elektriske\s+)?varmekabl\w*|"
     r"monokrystallinsk\w*|polykrystallinsk\w*|nattsyn|[23]G(?:-\w+)?", "energy"),
    (r"(?i)blokkjede\w*|blockchain|kunstig intelligens|maskinlæring|machine learning|artificial intelligence|"
     r"maskinlærings(?:metode|modell|teknikk|algoritme)\w*|"
     r"AI(?=[\s\-])|RFID\w*|(?:\d+\s*GHz[\s\-])?(?:geo|bakke|grunn)?radar\w*|lidar\w*|Scrum|Kanban|SAFe|smidig\w*\s+metodikk|"
     # a method of analysis or a means of transmission the work must use («ved bruk av stordataanalyse»,
     # «konnektivitet ved mørk fiber»): only where the wording prescribes it (see MEANS_BEFORE)
     r"stordata\w*|big data|mørk fiber|dark fib(?:re|er)|laserskann\w*|"
     r"fossefall\w*(?:metodikk|modell)|waterfall", "approach"),
    # how a 3D printer builds («SLS 3D-printer», «FDM-skriver»): the buyer needs parts of some material, size and
    # accuracy, and the printing process is the supplier's choice
    (r"(?:SLS|SLA|SLM|FDM|FFF|DLP|DMLS|MJF|EBM)(?=[\s\-]+(?:3D[\s\-]?)?(?i:printer|printere|printeren|skriver|"
     r"skrivere|skriveren|printing|print)(?!\w))", "process"),
    # a server architecture chosen by name («en ny HCI-løsning», «hyperkonvergert infrastruktur»): the buyer needs capacity,
    # availability and operation, and how compute and storage are packaged is the supplier's choice
    (r"(?i)hyper[\s\-]?konverger\w*|hyper[\s\-]?converged|(?-i:HCI)(?=[\s\-]*(?:løsning|plattform|infrastruktur|solution|"
     r"platform|infrastructure|cluster|klynge))", "architecture"),
    # radio and building-automation protocols a device is to use («via Bluetooth Low Energy», «bruke LoRaWAN»): how the
    # data travels is the supplier's choice unless it is what the buyer's installed equipment speaks
    (r"LoRaWAN|LoRa|Zigbee|ZigBee|Z-Wave|NB-IoT|LTE-M|Sigfox|KNX|BACnet(?:/IP)?|"
     r"Modbus(?:/TCP|\s+TCP|\s+RTU)?|M-Bus|Wireless M-Bus|EnOcean|Thread(?=\s*(?:/|og|eller|or|and)\s*Matter)", "protocol"),
    # a battery chemistry or a heat-recovery type chosen for the goods («NiMH-batterier», «roterende varmegjenvinner»):
    # the buyer needs operating time, weight, safety or recovered heat, and the component that gives it is the
    # supplier's choice
    (r"(?-i:NiMH|NiCd|LiFePO4|Li-ion|LFP|NMC)(?=[\s\-]*(?i:batteri|batterier|batteriene|batteriet|celler|battery|batteries))|"
     r"(?i:litium[\s\-]*ion\w*|bly[\s\-]?syre\w*|blybatteri\w*)(?=[\s\-]*(?i:batteri\w*)?)|"
     r"(?i:roterende\s+varme(?:gjenvinner|veksler)\w*|rotorgjenvinner\w*|(?:kryss|motstrøms|plate)varmeveksler\w*|"
     r"rotating\s+heat\s+(?:wheel|exchanger)s?)", "component"),
)

# The drive or power source of a machine or vehicle chosen for it («elektrisk kvern», «hel-elektrisk
# utmattingsmaskin», «batteridrevet feiemaskin»): a prescribed technology unless the sentence gives the purpose
# (zero emission, noise). Only before a machine, tool or vehicle noun: «elektrisk kraft», «elektriske installasjoner»
# and «elektrisk høyderegulering» (a function) do not match.
DRIVE_TYPE = re.compile(
    r"(?<![\w\-])(?P<drive>(?:hel|full)?-?elektrisk[e]?|el-?drevn?e?t?|elektrisk[\s\-]+drevn?e?t?|batteridrevn?e?t?|"
    r"bensindrevn?e?t?|gassdrevn?e?t?|hydraulisk[e]?|pneumatisk[e]?|(?:fully[\s\-])?electric|battery[\s\-]powered|"
    r"petrol[\s\-]powered|hydraulic|pneumatic)"
    r"(?=\s+(?:\w+\s+)?(?:\w*(?:maskin|maskiner|maskinen|kvern|kverner|kverna|kvernen|sag|sager|saga|bil|biler|bilen|"
    r"bilar|buss|busser|bussen|båt|båter|båten|ferje|ferjer|traktor|traktorer|truck|trucker|trucken|kran|kraner|kranen|"
    r"lift|lifter|liften|hjullaster\w*|graver\w*|laster|lastere|klipper\w*|feier\w*|kjøretøy\w*|skuter\w*|"
    r"motorsykkel\w*|aggregat\w*|presse|presser|pressen|vinsj\w*|boremaskin\w*|machine|machines|vehicles?|trucks?|"
    r"buses|grinders?|mowers?|saws?))(?!\w))",
    re.IGNORECASE,
)

# How a machine, vehicle or container is steered, carried, moved or emptied («rammestyrte dumpere», «helikopterbårent
# utstyr», «beltegående rigg», «bunntømte avfallsbeholdere»): like a drive type, a construction the buyer chooses where
# the need is what the goods must manage (terrain, reach, how the waste is collected). Only before a goods noun, and
# only the carrying, steering, moving or emptying parts, so that «fjernstyrt», «CNC-styrt» or «frittstående» (a
# function or a generic feature) do not match. Two joined by «eller» leave the choice open (see detectors).
CONSTRUCTION_TYPE = re.compile(
    r"(?<![\w\-])(?P<build>(?:ramme|midje|hjul|belte|helikopter|traktor|henger|bunn|bak|side|topp|front|bakke)"
    r"(?:styrt|styrte|bårne?|bårent|båret|tømt|tømte|tømmende|gående|stående|montert|monterte))"
    # «hjulgående og beltegående rigg»: the first of two constructions joined by «og» is chosen for the same goods
    r"(?=\s+(?:og\s+[\w\-]+\s+|\w+\s+)?(?:\w*(?:maskin|maskiner|maskinen|bil|biler|bilen|dumper|dumpere|dumperen|traktor|traktorer|"
    r"truck|trucker|kran|kraner|lift|lifter|rigg|rigger|riggen|graver\w*|laster|lastere|klipper\w*|spreder\w*|"
    r"kjøretøy\w*|beholder\w*|container\w*|konteiner\w*|dunk\w*|utstyr|utstyret|aggregat\w*|vinsj\w*)|"
    r"machines?|vehicles?|trucks?|dumpers?|containers?|equipment)(?!\w))",
    re.IGNORECASE,
)

# A construction detail of a machine given without what it is for («maskin med hevbar hytte og bøyd monobom», «graver
# med forlenget stikke»): the buyer needs reach, view and lifting capacity, and how the machine is built to give them is
# the supplier's choice. Only a shaped or moving part after «med» (a word before the part says how it is built).
BUILD_DETAIL = re.compile(
    r"(?<![\w\-])(?:\w*maskin\w*|\w*graver\w*|\w*laster\w*|\w*håndterer\w*|kran\w*|traktor\w*|truck\w*|machines?)\s+"
    r"(?:med|with)\s+(?P<detail>(?:hevbar|hevbare|løftbar|løftbare|bøyd|bøyde|rett|rette|forlenget|forlengede|"
    r"teleskopisk[e]?|teleskop|sammenleggbar[e]?|svingbar[e]?|dreibar[e]?|elevating|raisable|bent|straight|telescopic)"
    r"\s+(?:\w+\s+)?(?:\w*hytte|\w*hytta|førerhus\w*|\w*bom|\w*bommen|stikke|stikka|arm|armen|cab|boom|stick|arm)"
    r"(?:\s+(?:og|and)\s+(?:[\w\-]+\s+){0,3}?(?:\w*hytte|\w*hytta|førerhus\w*|\w*bom|\w*bommen|stikke|stikka|arm|armen|cab|boom|"
    r"stick))?)(?!\w)",
    re.IGNORECASE,
)

# How a vessel's hull is built («enskrogs patruljebåt», «katamaran»): like a drive type, a construction the buyer chooses
# where the need is speed, seakeeping, load or draught; only before a vessel noun, so «katamaranen vår» in a description
# of today is left to the requirement-position check.
HULL_FORM = re.compile(
    r"(?<![\w\-])(?P<hull>(?:enskrogs|en-skrogs|flerskrogs|toskrogs|monohull|multihull)"
    r"(?=[\s\-]*(?:\w+\s+)?(?:\w*(?:båt|båter|båten|fartøy|fartøyet|ferje|ferjer|ferja|ferjen|skrog|skroget|vessel|vessels|"
    r"boat|boats|ferry|ferries))(?!\w))"
    r"|katamaran(?:en|er|ene)?|trimaran(?:en|er|ene)?|catamarans?|trimarans?)(?!\w)",
    re.IGNORECASE,
)

# A mobile-network generation or a link technology as the means of a connection («redundant linje over 5G»,
# «overføring via 4G»): the buyer needs the connection, and the network it runs over is the supplier's choice.
NETWORK_MEANS = re.compile(
    r"(?<!\w)(?:(?:over|via|gjennom|basert på|med|på|through|over|using)\s+(?:mobilnett(?:et)?\s+)?(?=[2-5]G)"
    # a short-range radio only where it is the way the data goes («via Bluetooth Low Energy»), not a feature the goods
    # have («hodetelefoner med Bluetooth»)
    r"|(?:over|via|gjennom|through|using|basert på|based on)\s+)(?P<net>[2-5]G|Bluetooth(?:\s+(?:Low\s+Energy|LE))?|BLE|"
    r"fiber(?:nett(?:et)?|kabel|kabler)?|fibre|fiber[\s\-]optic)(?![\w\-])"
    # a fibre link attached to what is delivered («signaler med tilhørende fiberforbindelse», «internett med egen
    # fiberlinje»): the buyer needs the delivery to arrive, and the medium it comes over is the supplier's choice
    # a modem or module of one network generation built into the goods («med innebygd 4G-modem», «integrert LTE-modul»):
    # the buyer needs alarms and data to arrive in time where the goods are, and the radio is the supplier's choice
    r"|(?<!\w)(?:innebygd|innebygde|innebygget|integrert|integrerte|med|eget|egen|built[\s\-]in|integrated)\s+"
    r"(?:et\s+|en\s+)?(?P<modem>(?:[2-5]G|LTE)(?:\s*/\s*(?:[2-5]G|LTE))?[\s\-]?(?:modem|modul|ruter|router|SIM-kort|"
    r"kommunikasjonsmodul)\w*)(?!\w)"
    r"|(?<!\w)(?:med|inkludert|inkl\.|with)\s+(?:tilhørende\s+|egen\s+|eget\s+|dedikert\s+|ny\s+|associated\s+|dedicated\s+)?"
    r"(?P<link>fiber(?:forbindelse|linje|tilknytning|samband|aksess)(?:en|er|ene|a)?|fib(?:re|er)\s+(?:link|connection)s?)(?!\w)",
    re.IGNORECASE,
)
# A network generation as what a coverage build-out builds («Utbygging 5G i sentrum», «bygge ut 4G-dekning»): the buyer
# needs coverage and capacity where people are, and the generation that gives them is the supplier's choice. Not a
# survey of coverage (no build-out word), not a generation phased out, not «5G-utbygging» as a topic («tilskudd til
# 5G-utbygging»).
NETWORK_BUILD = re.compile(
    r"(?<!\w)(?:utbygging\w*|bygge\s+ut|bygges\s+ut|etablering|etablere|etableres|build[\s\-]?out|roll[\s\-]?out)\s+"
    r"(?:av\s+|of\s+)?(?:ny\s+|nytt\s+)?(?P<gen>[2-5]G)(?=[\s\-.,;:]|$)",
    re.IGNORECASE,
)
# Two alternatives of the same kind joined by «og», «eller», «og/eller» or «/» («hjulgående og beltegående rigg»,
# «elektrisk eller dieseldrevet feiebil»): the buyer names both ways, so neither is prescribed. The kind is what the
# word says about the goods: how they are carried, steered, emptied, mounted, driven or connected.
ALTERNATIVE_JOIN_AFTER = re.compile(r"\s*(?:og\s*/\s*eller|and\s*/\s*or|eller|og|or|and|/)\s*([\w\-]+)", re.IGNORECASE)
ALTERNATIVE_JOIN_BEFORE = re.compile(r"([\w\-]+)\s*(?:og\s*/\s*eller|and\s*/\s*or|eller|og|or|and|/)\s*$", re.IGNORECASE)
_ALTERNATIVE_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("carriage", re.compile(r"[\w\-]+gående", re.IGNORECASE)),
    ("steering", re.compile(r"[\w\-]+styrte?", re.IGNORECASE)),
    ("carried", re.compile(r"[\w\-]+(?:bårne?|bårent|båret)", re.IGNORECASE)),
    ("emptied", re.compile(r"[\w\-]+(?:tømte?|tømmende)", re.IGNORECASE)),
    ("standing", re.compile(r"[\w\-]+stående", re.IGNORECASE)),
    ("mounted", re.compile(r"[\w\-]+monterte?", re.IGNORECASE)),
    ("hull", re.compile(r"[\w\-]*skrogs|monohull|multihull|katamaran\w*|trimaran\w*", re.IGNORECASE)),
    ("drive", re.compile(r"(?:hel-?|full-?)?elektrisk[e]?|el-?drevn?e?t?|[\w\-]*drevn?e?t?|diesel\w*|bensin\w*|hybrid\w*|"
                         r"hydrogen\w*|biogass\w*|gass|HVO\d*|hydraulisk[e]?|pneumatisk[e]?|electric|hydraulic|"
                         r"pneumatic|[\w\-]*powered", re.IGNORECASE)),
    ("network", re.compile(r"[2-5]G|fiber\w*|kobber\w*|radiolinje\w*|satellitt\w*|mobilnett\w*", re.IGNORECASE)),
)


def alternative_kind(word: str) -> str:
    """Which kind of alternative a word names (carriage, steering, drive …), or "" for none."""
    return next((kind for kind, pattern in _ALTERNATIVE_KINDS if pattern.fullmatch(word)), "")

# How a device senses («IR-videokamera», «termisk kamera»): the technology of the camera or sensor, where the need is
# what must be seen or detected (in the dark, through smoke).
SENSING_TECH = re.compile(
    r"(?<![\w\-])(?P<tech>(?-i:IR)|infrarød[te]?|termisk[e]?|termografisk[e]?|infrared|thermal)[\s\-]+"
    r"(?=\w*(?:kamera|kameraer|kameraet|sensor|sensorer|sensoren|detektor|detektorer|camera|cameras|sensors?)(?!\w))",
    re.IGNORECASE,
)
# A detector or sensor material or principle written as a mixed-case formula or acronym before the device («HPGe
# detector», «CdTe-detektor», «sCMOS-kamera», «InGaAs sensor»): the measuring principle is chosen, where the need is what
# must be measured and how well. IoT is a kind of network, not a principle.
SENSING_PRINCIPLE = re.compile(
    r"(?<![\w\-])(?P<tech>(?!(?:IoT|IIoT)(?![A-Za-z]))(?=[A-Za-z]*[A-Z][A-Za-z]*[A-Z])(?=[A-Za-z]*[a-z])[A-Za-z]{2,7})[\s\-]+"
    r"(?=(?i:\w*(?:detektor|detektorer|detector|detectors|kamera|kameraer|camera|cameras|sensor|sensorer|sensors|"
    r"spektrometer|spektrometre|spectrometer|spectrometers)\w*)(?!\w))"
)
# A measuring principle chosen for the goods («Målerne skal bruke ultralydmåling», «analysere med flowcytometri»): how
# the value is measured is the supplier's choice where the need is what must be measured and how exactly.
MEASURING_PRINCIPLE = re.compile(
    r"(?<!\w)(?:bruke|benytte|basert\s+på|måle\s+(?:med|ved)|analysere\s+(?:med|ved)|med|ved|via)\s+"
    r"(?P<tech>ultralyd(?:måling|målinger|teknologi)?|ultrasonisk\s+måling|flowcytometri|impedansmåling|"
    r"(?:elektro)?magnetisk[\s\-]+induktiv\s+måling|magnetisk-induktiv\s+måling|radarmåling|laserdiffraksjon|"
    r"mekanisk\s+måling|vingehjul(?:småling)?)(?![\w\-])",
    re.IGNORECASE,
)
# The same technology given after the device («kamera med infrarødt lys», «sensor med IR-lys», «camera with night
# vision»): how it sees in the dark is chosen, where the need is what must be seen.
SENSING_WITH = re.compile(
    r"(?<![\w\-])(?:\w*kamera\w*|\w*sensor\w*|\w*detektor\w*|cameras?|sensors?)\s+(?:med|with)\s+"
    r"(?P<tech>infrarødt?\s+lys|(?-i:IR)-lys|(?-i:IR)\s+lys|infrarød\s+\w+|nattsyn|termisk\s+\w+|infrared(?:\s+light)?|night\s+vision)"
    r"(?!\w)",
    re.IGNORECASE,
)
# A wired link chosen for a device («kablet nettverk», «fastkablet tilkobling»): how the data travels is the supplier's
# choice; the need is a connection that is reliable and secure enough.
WIRED_LINK = re.compile(
    r"(?<![\w\-])(?P<net>(?:fast)?kablet|kablede|kabelbasert[e]?|kabeltilkoblet[e]?|trådbundet|trådbundne|wired|hardwired)\s+"
    r"(?:\w+\s+)?(?:nettverk\w*|nett|tilkobling\w*|forbindelse\w*|overføring\w*|network|connection)(?!\w)",
    re.IGNORECASE,
)

# Technology names that are also ordinary words: only matched with the capital letter, mid-sentence.
TECH_WORDS = {"windows", "teams", "zoom", "slack", "outlook", "angular", "react", "spring boot", "ruby", "scala"}


# «KNX eller tilsvarende», «DALI eller tilsvarende åpen standard»: room for equivalents right after a reference.
EQUIVALENT_SOON = re.compile(r"^[\s,]*(?:[\w-]+\s+){0,3}?(?:eller|or)\s+(?:tilsvarende|likeverdig|equivalent)", re.IGNORECASE)


@functools.cache
def technology_regex() -> re.Pattern[str]:
    """All technology names as one alternation with one named group per kind."""
    groups = []
    for index, (pattern, kind) in enumerate(TECHNOLOGIES):
        flags = "(?i:" if pattern.startswith("(?i)") else "(?:"
        body = pattern.removeprefix("(?i)")
        # «etter Delphi-metoden»: a name joined to «-metoden»/«-modellen» names a method, not the language or product
        method_name = "" if kind == "approach" else r"(?!-(?:metod|modell)\w*)"
        groups.append(rf"(?P<{kind}{index}>{flags}{body}){method_name})")
    return re.compile(rf"(?<![\w.#+])(?:{'|'.join(groups)})(?![\w#+])")


# --- products named instead of a function (product_named) --------------------------------------------------
# (pattern, canonical noun, the function it usually stands for; used by the rewriter).
PRODUCT_NOUNS: tuple[tuple[str, str, str], ...] = (
    (r"robot(?:gress|plen)klipper\w*|robotic (?:lawn ?)?mowers?|gressklipperrobot\w*", "robotgressklipper",
     "å holde gressdekket klippet og i god stand"),
    (r"robotstøvsuger\w*|støvsugerrobot\w*|robot vacuums?", "robotstøvsuger", "å holde gulvene frie for støv og smuss"),
    (r"(?:gulv)?vaskerobot\w*|servicerobot\w*|sosiale? robot\w*|robot(?:er|en|ene)?", "robot",
     "å få utført oppgaven som roboten var tenkt å løse"),
    (r"interaktive? (?:tavle|tavler|tavlen|tavlene|skjerm|skjermer)|interactive (?:white)?boards?|smarttavle\w*|"
     r"digitale? tavle\w*", "interaktiv tavle", "å vise, dele og bearbeide digitalt innhold sammen i undervisning og møter"),
    (r"nettbrett\w*|tablets?(?: computers?)?", "nettbrett", "å bruke digitale verktøy og læremidler, også utenfor en fast arbeidsplass"),
    (r"medisindispenser\w*|legemiddeldispenser\w*|legemiddelautomat\w*|medisinautomat\w*|medisinrobot\w*|dosettrobot\w*|medication dispensers?", "medisindispenser",
     "at brukerne får riktige legemidler til riktig tid, og at avvik blir oppdaget"),
    (r"(?:bevegelses|fall|senge|dør|bevegelse|trykk)?sensor(?:er|en|ene)?|sensormatte\w*|sensors?", "sensor",
     "å oppdage og varsle om hendelsene som sensoren var tenkt å fange opp"),
    (r"(?:overvåkings|nett|natt|video)?kamera(?:er|et|ene)?|(?:surveillance |CCTV )?cameras?", "kamera",
     "å føre tilsyn på en måte som ivaretar personvernet og verdigheten til dem det gjelder"),
    (r"(?:diesel|nødstrøms|reservestrøms|strøm)?aggregat(?:er|et|ene)?|generators?", "aggregat",
     "å ha reservestrøm ved strømbrudd"),
    (r"snøsmelteanlegg\w*", "snøsmelteanlegg", "å holde arealet fritt for snø og is"),
    # drones are no entry: a buyer that needs one for its work (search, fire, mapping) buys the aircraft itself
    (r"chatbot\w*|chatbott\w*|prateroboter?", "chatbot", "å gi innbyggerne raske og riktige svar på vanlige spørsmål"),
    (r"(?:luft[\-/]?(?:til[\-/]?)?(?:vann|luft)[\-\s]?)?varmepumpe(?:r|n|ne)?|heat pumps?", "varmepumpe",
     "å varme opp bygget med lavest mulig energibruk"),
    (r"VR-briller\w*|VR headsets?", "VR-briller", "å trene og lære gjennom realistiske simuleringer"),
    (r"smartklokke\w*|GPS-klokke\w*|smartwatch(?:es)?", "smartklokke",
     "at brukeren kan varsle og bli funnet raskt ved behov, uten å måtte bruke telefon"),
)


@functools.cache
def product_regex() -> re.Pattern[str]:
    """All product nouns as one case-insensitive alternation, one group per entry."""
    groups = [rf"(?P<p{index}>{pattern})" for index, (pattern, _, _) in enumerate(PRODUCT_NOUNS)]
    return re.compile(rf"(?<!\w)(?:{'|'.join(groups)})(?![\w\-])", re.IGNORECASE)


# A product noun counts as named-instead-of-a-function when the requirement acquires or prescribes it.
ACQUISITION = re.compile(
    r"(?<!\w)(?:kjøpe[rs]?|kjøpt|kjøp av|innkjøp(?:et)? av|anskaffe[rs]?|anskaffelse av|leie[rs]?|leies|lease[s]?|"
    r"levere[rs]?|leveres|leveranse av|installere[rs]?|installeres|montere[rs]?|monteres|ta i bruk|tas i bruk|"
    r"skal ha|skal få|må ha|trenger|ønsker(?: oss)?|behov for(?! å)|bestille[rs]?|erstatte[rs]? med|"
    r"byttes ut med|utstyres med|utstyrt med|ved hjelp av|ved bruk av|(?:skal|må) (?:bruke|benytte)|"
    r"(?:gjøres|utføres|skje|løses|foregå) (?:med|ved)|omfatte[rs]?|inkludere[rs]?|bestå av|"
    r"buy|purchase|procure|acquire|supply|install|needs? (?:a|an|new)|requires? (?:a|an)|shall have|must have|"
    r"(?:shall|must) (?:be given|be provided with|be issued|receive)|(?:skal|må) (?:tildeles|utstyres med|få utdelt))"
    r"(?:\s+[\w\-/'’\".,]+){0,5}?\s*$",
    re.IGNORECASE,
)

# Compatibility with what the buyer already has: the narrow exception for a named product.
COMPATIBILITY = re.compile(
    r"(?<!\w)(?:kompatib\w+|integrer\w*|grensesnitt\w*|koble[rs]? (?:til|mot|sammen)|kobles (?:til|mot|sammen)|"
    r"fungere[rs]? (?:sammen )?(?:med|på|i)|virke[rs]? (?:med|på|i)|passe[rs]? (?:inn )?(?:til|i|på|sammen)|reservedel\w*|"
    r"rekvisita til|forbruksmateriell til|toner til|blekk(?:patroner)? til|tilbehør til|utvide[rs]? (?:dagens|eksisterende)|"
    r"støtte[rs]?|tilgjengelig (?:på|for|i)|eksport\w* til|import\w* (?:fra|til)|lese[rs]? og skrive[rs]?|"
    r"compatib\w+|integrat\w+|interface\w*|works? (?:with|on)|spare parts|supports?|available on|fits?|fit (?:in|into|on|to)|"
    r"connect(?:s|ed)? to)(?!\w)",
    re.IGNORECASE,
)
# Integration, spare parts and consumables for a named system are about what the buyer already has, even unsaid.
STRONG_COMPATIBILITY = re.compile(
    r"(?<!\w)(?:kompatib\w+|integrer\w*|utveksle (?:data|informasjon) med|sende (?:data|informasjon) til|"
    r"hente (?:data|informasjon) fra|exchange data with|send data to|retrieve data from|integrasjon\w* (?:mot|med)|grensesnitt\w*|koble[rs]? (?:til|mot)|kobles (?:til|mot)|"
    r"reservedel\w*|rekvisita til|forbruksmateriell til|toner til|blekk(?:patroner)? til|tilbehør til|passe[rs]? (?:inn )?til|"
    r"compatib\w+|integrat\w+|interface\w* (?:with|to)|spare parts|consumables for)(?!\w)",
    re.IGNORECASE,
)
EXISTING = re.compile(
    r"(?<!\w)(?:eksisterende|dagens|nåværende|allerede|i dag|vi har|vår|vårt|våre|kommunens|fylkeskommunens|"
    r"sykehusets|skolens|installerte|existing|current|our|already)(?!\w)",
    re.IGNORECASE,
)

# "eller tilsvarende" and its variants.
EQUIVALENT = re.compile(
    r"(?<!\w)(?:eller\s+(?:tilsvarende|likeverdig\w*|tilsv\.?|ekvivalent\w*|lignende|likestilt\w*)|"
    r"el\.?\s*tilsv\.?|tilsvarende\s+eller\s+bedre|or\s+(?:an\s+)?(?:equivalent|equal|similar))(?!\w)",
    re.IGNORECASE,
)

# «eller tilsvarende» followed by what makes an offer equivalent («eller tilsvarende med hensyn til rekkevidde og
# lastevolum», «or equivalent in terms of …»): the criteria are stated.
EQUIVALENT_CRITERIA = re.compile(
    r"\s*(?:\(|:|[,–-]?\s*(?:med hensyn til|mht\.?|når det gjelder|i form av|dvs\.?|det vil si|definert som|"
    r"som (?:oppfyller|har|gir|tilfredsstiller)|med (?:minst|samme|tilsvarende)|with regard to|in terms of|that (?:meets|has|gives)|"
    r"with (?:at least|the same)|i\.e\.))",
    re.IGNORECASE,
)

# A requirement that says why: the wording is then tied to a function.
FUNCTION_TIE = re.compile(
    r"(?<!\w)(?:for å|slik at|så(?:ledes)? at|som tåler|tåle[rs]?|av hensyn til|på grunn av|grunnet|fordi|pga\.?|"
    r"in order to|so that|to withstand|because)(?!\w)",
    re.IGNORECASE,
)

# Universal design and accessibility: measures required by TEK17 and similar rules are not solution-specific.
UNIVERSAL_DESIGN = re.compile(
    r"(?<!\w)(?:universell\w* utform\w*|rullestol\w*|tilgjengelig\w* for alle|synshemme\w*|svaksynte|blinde|"
    r"hørselshemme\w*|bevegelseshemme\w*|kontrast\w*|ledelinje\w*|teleslynge\w*|TEK ?17|TEK ?10|"
    r"byggteknisk forskrift|universal design|wheelchair\w*|visually impaired|accessib\w+)(?!\w)",
    re.IGNORECASE,
)

# Environmental properties are legitimate requirements (FOA § 7-9, life-cycle properties), not dictated materials.
ENVIRONMENTAL = re.compile(
    r"(?<!\w)(?:resirkulert\w*|gjenvunne\w*|biobasert\w*|fornybar\w*|miljømerk\w*|svanemerk\w*|fossilfri\w*|"
    r"utslippsfri\w*|nullutslipp\w*|lavutslipp\w*|recycled|renewable|fossil[\- ]free|zero[\- ]emission)(?!\w)",
    re.IGNORECASE,
)

# References to standards, classes, labels and open protocols: legitimate and never a brand or model.
STANDARDS = re.compile(
    r"(?<![\w\-])(?:"
    r"(?-i:NS|EN|ISO|IEC|NEK|DIN|ASTM|BS|SS|SN|CEN|CENELEC|ETSI|ITU-T|IEEE|ANSI|UL|NFPA)(?:[\s\-/]+(?-i:EN|ISO|IEC|TS|TR|ES|CEN|INSTA))*"
    r"[\s\-]*\d[\w\-:.+/]*(?:\s*[-–]\s*\d[\w:]*)?"
    r"|(?-i:ÖNORM|ONORM|DVGW|VDI|VDE|SFS|SIS|UNE|NF)(?:[\s\-]+(?-i:EN|ISO|IEC))*(?:\s+(?-i:[A-Z])(?=\s*\d))?[\s\-]*\d[\w\-:.+/]*"
    r"|WCAG\s*\d(?:\.\d)?(?:\s*(?:nivå\s*)?A{1,3})?|TEK\s?\d{2}|IP\s?[0-6X][0-9X]K?|IK\s?\d{2}"
    r"|Euro\s?(?:[1-7]|VI|IV|V|III|II|I)\b|Stage\s?(?:V|IV|III[AB]?)|Tier\s?\d"
    r"|EPD|BREEAM(?:[\s\-]NOR)?|Svanemerke\w*|EU Ecolabel|FSC|PEFC|Energy Star|TCO Certified\w*|Blomsten|Möbelfakta"
    r"|OCPP\s?[\d.]+\w*|USB(?:[\s\-]?C|[\s\-]?\d(?:\.\d)?)?|HDMI(?:\s?\d(?:\.\d)?)?|DisplayPort|Wi-?Fi(?:\s?\d\w?)?|Bluetooth(?:\s?\d(?:\.\d)?)?"
    r"|OAuth\s?[\d.]*|OpenID(?: Connect)?|SAML\s?[\d.]*|AES-?\d+|TLS\s?[\d.]*|HL7(?:\s?FHIR)?|FHIR|Noark\s?\d|EHF|PEPPOL|SOSI|IFC\s?[\d.]*"
    r"|CE-merk\w*|CE|MDR|IVDR|ID-porten|Feide|DDR\d|PoE\+?|IPv[46]|LTE|[45]G|NCS(?:\s?S)?\s?\d{4}-[A-Z]\d*[A-Z]?|RAL\s?\d{4}"
    r"|klasse\s+\w+|class\s+\w+|energiklasse\s+\w+|A\+{1,3}|FFP[1-3]|IIR|N95|EI\s?\d+|REI\s?\d+|INSTA\s?\d+"
    r")(?![\w])",
    re.IGNORECASE,
)

# Before a number: a bound makes it a minimum/maximum requirement, not an exact (tailored) value.
BOUND_BEFORE = re.compile(
    r"(?:(?:minst|minimum|maks\w*|min\.?)\s+(?:størrelse|lengde|bredde|høyde|dybde|areal|kapasitet|effekt|vekt)|minst|min\.?|minimum|maks(?:imalt|imum)?\.?|høyst|inntil|opptil|under|over|mer enn|mindre enn|"
    r"ikke (?:mer|mindre|over|under|lavere|høyere) enn|fra|mellom|ned til|opp til|ned mot|at least|at most|up to|"
    r"no more than|no less than|not (?:more|less) than|minimum of|maximum of|≥|≤|>|<|\+/-|±)\s*(?:på\s+)?$",
    re.IGNORECASE,
)
BOUND_AFTER = re.compile(
    r"^\s*(?:eller (?:mer|mindre|bedre|høyere|lavere|større|mindre|lengre|kortere|flere)|og (?:mer|oppover|over|mindre)|"
    r"\+(?!\d)|or (?:more|less|better|higher|lower)|[-–]\s*\d)",
    re.IGNORECASE,
)

# Performance targets: numbers in these clauses are outcomes to keep, not parameters of a product.
# An exact count of the parts of the goods in requirement position («Dispenseren skal ha 28 doseringskammer», «Vogna skal
# ha 12 skuffer», «Anlegget skal ha 4 kompressorer»): how today's product is built, possibly over-specified; the need is
# the capacity or performance the parts give. Not who has something (the buyer, the supplier, a team), not people,
# places, time or documents counted, and not a bounded count («minst 4»).
PART_COUNT = re.compile(
    r"(?:^|(?<=[.;:]\s)|(?<=\n))\s*(?P<subject>(?:[A-ZÆØÅ][\w\-]*)(?:\s+[a-zæøå][\w\-]*)?)\s+(?:skal|må|bør)\s+(?:også\s+)?ha\s+"
    r"(?P<count>\d{1,3})\s+(?P<noun>[a-zæøå][\w\-]{2,})(?P<rest>[^.;:\n]*)")
PART_COUNT_NOT_PART = re.compile(
    r"^(?:timer?|dager?|døgn|uker?|måneder?|år|års|minutter?|sekunder|ganger|prosent|ansatte|medarbeidere|personer|"
    r"årsverk|stillinger|konsulenter|rådgivere|teknikere|montører|sjåfører|referanser|oppdrag|prosjekter|kontrakter|"
    r"avdelinger|kontorer|lokasjoner|skoler|barnehager|brukere|beboere|pasienter|elever|barn|plasser|kunder|"
    r"sertifikater|lisenser|språk|\w*erfaring\w*|\w*kompetanse\w*|\w*plass\w*|\w*rom|\w*rommene|\w*areal\w*|senger|"
    r"leiligheter|boliger|boenheter|\w*etasjer|parkeringsplasser|\w*lokaler)$", re.IGNORECASE)
PART_COUNT_OWNER = re.compile(
    r"^(?:kommunen|fylkeskommunen|oppdragsgiver\w*|leverandør\w*|tilbyder\w*|tilbyderen|vi|dere|det|den|de|han|hun|"
    r"\w*tjenesten|\w*etaten|\w*avdelingen|sykehuset|skolen|barnehagen|bydelen|selskapet|firmaet|personell\w*|"
    r"konsulent\w*|teamet|prosjekt\w*|kontrakt\w*|avtalen|oppdraget|kunden|kjøper\w*|byggherre\w*|entreprenør\w*|"
    r"underleverandør\w*|[a-zæøå]*leder\w*|hver|alle|minimum|minst|"
    # a place or unit of the buyer («Storkjøkkenet skal ha 60 bakker», «Sykehjemmet skal ha 40 senger»): what it is to
    # have is bought, not the parts of a product
    r"\w*kjøkken\w*|\w*hjemmet|\w*skolen|\w*senteret|\w*avdeling\w*|\w*bygg\w*|\w*kontor\w*|\w*lageret|"
    r"\w*verksted\w*|\w*plassen|\w*hallen|\w*klinikken|\w*posten|\w*basen|\w*boligen|\w*kommune\w*)$", re.IGNORECASE)


_PART_COUNT_UNIT = r"mm|cm|km|kg|kw|kwh|kva|mah|db|gb|tb|mb|ghz|mhz|lux|bar|tommer|liter|meter|watt|volt|grader|\w*meter"


def part_counts(text: str) -> list[re.Match[str]]:
    """The exact counts of parts of the goods a requirement states without saying what they are for."""
    out = []
    for m in PART_COUNT.finditer(text):
        if PART_COUNT_OWNER.match(m.group("subject").split()[0]) or PART_COUNT_NOT_PART.match(m.group("noun")):
            continue
        if FUNCTION_TIE.search(m.group("rest")) or OUTCOME_WORDS.search(m.group("rest")) \
                or re.fullmatch(_PART_COUNT_UNIT, m.group("noun"), re.IGNORECASE):
            continue  # what the parts are for is stated, or the number is a measure with a unit
        out.append(m)
    return out


OUTCOME_WORDS = re.compile(
    r"(?<!\w)(?:redusere\w*|reduksjon\w*|øke\w*|økning\w*|oppetid\w*|tilgjengelighet\w*|responstid\w*|svartid\w*|"
    r"innen|rekkevidde\w*|levetid\w*|\w*kapasitet\w*|effektivitet\w*|besparelse\w*|utslipp\w*|energibruk\w*|"
    r"forbruk\w*|virkningsgrad\w*|reduce\w*|increase\w*|uptime|availability|response time|within|range|capacity)(?!\w)",
    re.IGNORECASE,
)

# Units of product parameters (tailoring). Temperatures and percentages are outcomes, not listed here. A unit that
# begins another one comes after it («W/m²K» before «W», «kWh» before «kW»): an alternation takes the first that fits,
# and «/» ends a word, so «0,8 W/m²K» would otherwise be read as «0,8 W».
PARAM_UNIT = (
    r"(?:kW/\(m³/s\)|kW/\(m3/s\)|kW/m³/s|kW/m3/s|W/m²K|W/m2K|W/\(m²K\)|W/mK|W/m²|W/m2|MWh|MW|MVA|kWh|kW|kVA|Wh|Wp|W|mAh|mm|cm|m|kg|g|V|MHz|GHz|Hz|GB|TB|MB|Gbps|Mbps|dB|lux|lm|bar|Nm|hk|"
    r"meter|millimeter|centimeter|liter|l|tommers|tommer|\"|''|″|U|seter|porter|trinns|trinn|faset|fas|målinger|GN-innskyv|innskyv|slots|ports|seats|"
    r"inch(?:es)?|(?:ANSI[\s\-]?)?lumen|J|K|o/min|rpm|sitteplasser|berøringspunkter|touch points)"
)
TIME_UNIT = r"(?:timer|timers|sekunder|minutter|døgn|dager|hours|minutes|seconds)"
NUMBER = r"\d+(?:[.,]\d+)?"

MATERIALS = (
    r"eik(?:etre)?|bjørk|furu|bøk|ask|teak|valnøtt|heltre|massivtre|stål|rustfritt stål|syrefast stål|aluminium\w*|betong|"
    r"kunstlær|kunstskinn|skinnimitasjon|fuskelær|leire|plast|PVC|polyetylen|polypropylen|glass|kobber|messing|granitt|marmor|skifer|lær|skinn|ull|bomull|"
    r"polyester|nylon|(?:gummi|linoleums?|vinyl|PVC-?)belegg|(?:gummi|vinyl)gulv|gummi|linoleum|vinyl|tegl\w*|kork|bambus|lerk|glassfiber|karbonfiber|sink|titan|gips|mineralull|"
    r"steinull|glassull|keramikk|porselen|støpejern|duktilt støpejern|limtre|naturstein|kompositt|polykarbonat|akryl|"
    r"EPDM|(?-i:Dibond)|aluminiumskompositt|"
    r"(?-i:PE\s?\d{2,3}|PE-?HD|HDPE|PEH|PEX|PVC-U|GRP)|oak|birch|pine|beech|steel|stainless steel|aluminum|concrete|clay|"
    r"plastic|copper|brass|granite|marble|leather|wool|cotton|rubber"
)
MATERIAL_ADJECTIVES = (
    r"(?:(?:massiv|massivt|heltre|ren|rent|homogen|homogent|heterogen|heterogent|rustfri|rustfritt|syrefast|glassert|glasert|forkrommet|galvanisert|"
    r"pulverlakkert|lakkert|eloksert|børstet|anodisert|monokrystallinsk\w*|herdet|sibirsk|impregnert|royalimpregnert|trykkimpregnert|"
    r"kjerneved|ubehandlet|ekte|solid|pure|glazed|genuine|\d+\s?%|\d+(?:[.,]\d+)?\s?mm)\s+)*"
)
MATERIAL_PHRASE = re.compile(
    rf"(?<!\w)(?:laget av|utført i|produsert i|produsert av|framstilt i|av|i|made of|made from|made entirely of|constructed of)\s+"
    rf"{MATERIAL_ADJECTIVES}(?:{MATERIALS})(?:\s+(?:eller|og|or|and)\s+{MATERIAL_ADJECTIVES}(?:{MATERIALS}))?(?!\w)",
    re.IGNORECASE,
)
# «Isolasjonen skal være steinull», «The frame must be aluminium»: the material named as what the thing is.
MATERIAL_IS = re.compile(
    rf"(?<!\w)(?:skal|må|bør|shall|must|should)\s+(?:\w+\s+)?(?:være|be)\s+(?P<mat>{MATERIAL_ADJECTIVES}(?:{MATERIALS}))"
    rf"(?:\s+(?:eller|og|or|and)\s+{MATERIAL_ADJECTIVES}(?:{MATERIALS}))?(?!\w)",
    re.IGNORECASE,
)
# A material named by its adjective before the goods («et keramisk membransystem», «polymere membraner», «ceramic
# filters»): the same type reference as «laget av keramikk» (C-424/23 DYKA).
MATERIAL_ADJECTIVE_NOUN = re.compile(
    r"(?<![\w\-])(?:keramisk[e]?|polymer[e]?|polymerisk[e]?|ceramic|polymeric)(?=\s+[a-zæøå]{4,})(?!\s+(?:avfall|waste|materiale))",
    re.IGNORECASE,
)
MATERIAL_COMPOUND = re.compile(
    r"(?<!\w)(?:(?:forkrommet|galvanisert|pulverlakkert|lakkert)\s+)?"
    r"(?:stål|aluminiums?|betong|leir|plast|eike|bjørke|kobber|messing|PVC-|PE-)"
    r"(?:rør|ramme|rammer|rammen|ben|plate|plater|bakke|bakker|bakkene|profiler)(?!\w)"
    r"|(?<!\w)(?:\d+\s?mm\s+)?(?:eike|bjørke|aske|bøke|furu|lerke)(?:parkett|gulv|panel|kledning)\w*(?!\w)",
    re.IGNORECASE,
)

# A synthetic material named by its code, alone or joined to the goods («støtdempende EPDM under stativet», «EPDM-dekke»,
# «HDPE-rør»): the material chosen, whatever verb carries it; the same type reference as «laget av EPDM».
MATERIAL_CODE = re.compile(r"(?<![\w\-])(?:EPDM|HDPE|SBR|GRP)(?:-[a-zæøå]{3,})?(?![\w\-])")

# A material joined to the goods noun in one word («trevinduer», «aluminiumsvinduer», «betongbenker»), indefinite only:
# «trevinduene» are the buyer's own windows, named to be painted or replaced. The same type reference as «vinduer i tre».
MATERIAL_GOODS_COMPOUND = re.compile(
    r"(?<!\w)(?:tre|alu|aluminiums|stål|betong|plast|PVC-|tegl|kobber|messing|sink|eike|bjørke|furu|grane?|lerke|teak|"
    r"heltre|massivtre|kompositt|glassfiber|støpejerns|granitt|skifer|naturstein|marmor)"
    r"(?:vindu|vinduer|dør|dører|karm|karmer|kledning|panel|paneler|benk|benker|bord|stol|stoler|rekkverk|gjerde|gjerder|"
    r"terrasse|terrasser|trapp|trapper|bru|bruer|bro|broer|mast|master|stolpe|stolper|fasade|fasader|bjelke|bjelker|"
    r"søyle|søyler|konstruksjon|konstruksjoner|hus|tak|platting|plattinger|brygge|brygger|kai|båt|båter|møbler|"
    r"sykkelstativ|lekeapparater|beholdere|containere|skap|hyller|reoler|postkasser|lysmaster)(?!\w)",
    re.IGNORECASE,
)
# The goods already there, named to be worked on («riving av tredører», «eksisterende stålbjelker»).
EXISTING_GOODS_BEFORE = re.compile(
    r"(?<!\w)(?:eksisterende|dagens|nåværende|gamle|gammel|originale|opprinnelige|riving|rivning|demontering|fjerning|"
    r"reparasjon|maling|vask|rens\w*|utskifting|vedlikehold|inspeksjon|kontroll|rehabilitering|restaurering|oppgradering|"
    r"behandling|tilstandsvurdering|skifte|bytte|erstatte|male|reparere|rive|fjerne)\s+(?:ut\s+)?(?:av\s+|alle\s+|de\s+)?"
    r"(?:[\w\-]+\s+){0,2}$",
    re.IGNORECASE,
)
# A verb after the goods that works on what is there («Trevinduer i 2. etasje skal males»).
WORKED_ON_AFTER = re.compile(
    r"[^.;]*?(?:skal|må|bør)\s+(?:\w+\s+)?(?:males|skiftes|byttes|erstattes|rives|fjernes|demonteres|repareres|"
    r"vedlikeholdes|restaureres|rehabiliteres|vaskes|rengjøres|beises|oljes|inspiseres|kontrolleres|tettes)(?!\w)",
    re.IGNORECASE,
)

COLOURS = (
    r"hvit|hvitt|hvite|svart|svarte|sort|sorte|blå|blått|blåe|rød|rødt|røde|grønn|grønt|grønne|gul|gult|gule|grå|"
    r"grått|brun|brunt|brune|oransje|lilla|rosa|sølv|sølvfarget|beige|white|black|blue|red|green|yellow|grey|gray"
)
COLOUR_PHRASE = re.compile(
    rf"(?<!\w)(?:(?:være|be)\s+(?:helt\s+)?(?:{COLOURS})(?=\s*(?:[.,;)]|og\b|and\b|med\b|$))"
    rf"|(?:{COLOURS})\s+(?:farge|fargen|frontpanel|tastatur|deksel|ramme|kabinett|front|lakk|bordplate|plate|overflate|colou?r)(?!\w)"
    rf"|(?:i|med)\s+fargen\s+(?:{COLOURS})(?!\w)"
    rf"|(?<=\w\s)i\s+(?:{COLOURS})(?=\s*(?:[.,;)]|$))"
    # a colour code («i RAL 7035», «gressfarge RAL 6018», «NCS S 2030-Y») is a colour like any other
    r"|(?<![\w\-])(?:RAL\s?\d{4}|NCS\s?S?\s?\d{4}-[A-Z]\d*[A-Z]?)(?![\w\-]))",
    re.IGNORECASE,
)

DIMENSIONS = re.compile(
    rf"(?<![\w,.])(?:{NUMBER}\s*(?:x|×|\*)\s*{NUMBER}(?:\s*(?:x|×|\*)\s*{NUMBER})?\s*(?:mm|cm|m)(?!\w)"
    rf"|{NUMBER}\s*(?:mm|cm|m|U|meter|millimeter|centimeter)\s+(?:lang|lange|langt|bred|brede|bredt|høy|høye|høyt|dyp|dype|dypt|tykk|tykke|tykt|long|wide|high|deep)(?!\w)"
    # also a compound measure («lastelengde 3,47 m», «innvendig høyde på 2,1 meter»)
    rf"|\w*(?:lengde|bredde|høyde|dybde|diameter|tykkelse|length|width|height|depth)\s+(?:på\s+|of\s+)?{NUMBER}\s*"
    rf"(?:mm|cm|m|meter|millimeter|centimeter)(?!\w))",
    re.IGNORECASE,
)

# Methods: how the work is to be done, where a result requirement would do.
METHOD_VERBS = re.compile(
    r"(?<!\w)(?:(?:våtmoppes|tørrmoppes|moppes|skures|poleres|høytrykksspyles|damprenses|sandblåses|sprøytemales)"
    r"(?:\s+(?!og\b|and\b|for\b)[^\W\d][\w\-]*){0,3}"
    r"|(?:gjøres|utføres|skje|klippes|brøytes|strøs|belegges|asfalteres|tilberedes|stekes|kokes|sandstrøs|saltes|feies|kostes|males|lakkeres|sveises|limes|spikres|støpes|graves|bores|"
    r"spyles|vaskes|rengjøres|desinfiseres|beskjæres|gjødsles|vannes|holdes varme?|transporteres|fraktes|be cleaned|be mowed)"
    # «utføres i henhold til», «skje i perioden», «gjøres med minst mulig risiko» say when or how well, not how
    r"\s+(?:med|ved hjelp av|ved bruk av|i|using|with)\s+(?!(?:henhold|samsvar|perioden|tråd|tide|løpet|regi|forbindelse|"
    r"minst|minimal|minimalt|lavest|personer|personell|opsjon|god|høy|tilstrekkelig|nødvendig|egnet|kvalifisert|"
    r"kommunen|kommunene|dialog|møter|samarbeid|lokalene|nært|tett|"
    r"oppdragsgivers|kundens|leverandørens|accordance|line)\b)"
    r"[^\W\d][\w\-]*(?:\s+(?!(?:og|and|for|til|i|på|ved|in|on|at)\b)[^\W\d][\w\-]*){0,2})",
    re.IGNORECASE,
)
# A named method the work must follow («rengjøres etter mikrofibermetoden», «utføres med metoden Swep», «using the
# wet-vac method»): the method where the result would do.
NAMED_METHOD = re.compile(
    r"(?<!\w)(?:etter|med|ved|ved\s+bruk\s+av|ved\s+hjelp\s+av|using|with|by)\s+(?:den\s+|the\s+)?"
    r"(?:[\w\-]*[^\W\d_][\w]*-?metoden|(?:[\w\-]+\s+)?[\w\-]+-metoden|metoden\s+(?:«[^»]{1,40}»|[\w\-]+)|"
    r"[\w\-]+\s+method)(?!\w)",
    re.IGNORECASE,
)
# A named framework for managing or improving work («PRINCE2», «Lean Six Sigma», «PMBOK»): a method the work must
# follow, lawful only with «eller tilsvarende» (a certificate in it is the competence rule's, see CERTIFIED_METHOD).
METHOD_FRAMEWORK = re.compile(
    r"(?<![\w\-])(?:PRINCE\s?2|Lean\s+Six\s+Sigma|Six\s+Sigma|PMBOK|PM²|PM2)(?![\w²])"
    r"(?![\s\-]*(?:sertifi|certifi|Foundation|Practitioner|Green|Black|Yellow|-?belte))",
    re.IGNORECASE)
# A method of measuring, testing, analysing or studying: how a result is shown, not how the work is done.
MEASURING_METHOD = re.compile(
    r"(?<!\w)(?:mål\w*|test\w*|analys\w*|beregn\w*|prøvetak\w*|kartlegg\w*|evaluer\w*|undersøk\w*|dokumenter\w*|"
    r"verifiser\w*|kontroller\w*|estimer\w*|vurder\w*|sertifiser\w*|forsk\w*|studie\w*|utred\w*|measur\w*|"
    r"test(?:ed|ing)?|analys\w*|assess\w*|research\w*|study|survey\w*)(?!\w)",
    re.IGNORECASE,
)
MODAL = re.compile(r"(?<!\w)(?:skal|må|shall|must|should|bør)(?!\w)", re.IGNORECASE)
WORKER_USES = re.compile(
    r"(?<!\w)(?:leverandøren|renholderne|renholderen|entreprenøren|operatøren|sjåførene|sjåføren|personalet|"
    r"de ansatte|kokkene|tilbyder|the supplier|the contractor|cleaners)\s+(?:skal|må|shall|must)\s+(?:bare\s+|kun\s+|only\s+)?"
    r"(?P<span>(?:bruke|benytte|anvende|use)\s+(?!(?:sitt|sine|sin|eget|egne|egen|egnet|egnede|nødvendig\w*|tilstrekkelig\w*|"
    r"relevant\w*|kvalifisert\w*|godkjent\w*|sertifisert\w*|faglært\w*|norsk\w*|personell|ansatte|underleverandør\w*|"
    r"vedlagte?|vedlegg\w*|oppdragsgivers|tilbudsskjema\w*|mal(?:en)?|"
    r"its|their|own|suitable|qualified|certified|approved)\b)[^\W\d][\w\-]*"
    r"(?:\s+(?!og\b|and\b|til\b|for\b|i\b|på\b|med\b|with\b|on\b|in\b)[^\W\d][\w\-]*){0,2})",
    re.IGNORECASE,
)
FIXED_MENU = re.compile(r"(?<!\w)(?:fast|fastsatt|fixed)\s+meny(?:en)?(?:\s*:\s*[^.]*)?|(?<!\w)fixed menu", re.IGNORECASE)
PLACEMENT = re.compile(
    r"(?<!\w)(?:monteres|plasseres|festes|sitte|henge|mounted|placed)\b[^.;]{0,60}?"
    r"(?:i taket|på veggen|i gulvet|på venstre side|på høyre side|on the ceiling|on the left side|on the right side)(?!\w)"
    # a part placed in relation to the patient or user («instrumentbrett montert over pasienten»): a design choice
    r"|(?<!\w)[\w\-]{2,40}\s+(?:montert|plassert|festet|hengt)\s+(?:over|bak|ved\s+siden\s+av|under|foran)\s+"
    r"(?:pasienten|brukeren|stolen|pasientstolen|sengen|behandleren)(?!\w)"
    # The word before «på venstre side» is bounded to 60 characters: unbounded, a long run of hyphens makes every
    # position a start that is scanned to the end (quadratic). Real words are far shorter, so nothing is lost.
    r"|(?<!\w)[\w\-]{1,60}\s+på\s+(?:venstre|høyre)\s+side(?!\w)",
    re.IGNORECASE,
)

# "Same as what we have": today's solution described instead of the need.
SAME_AS_CURRENT = re.compile(
    r"(?<!\w)(?:"
    # (det )?samme, not (det)?\s*samme: the latter started a match at every blank of a long run of spaces and
    # scanned the run each time (quadratic); same_as_current() strips leading blanks, so the spans are the same.
    r"(?:(?:det|den|de)\s*)?samme\s+(?!(?:område|området|sted|stedet|tomt|tomten|lokasjon|adresse|plassering)\b)(?:\w+,?\s+){0,4}?som\s+(?:vi\s+(?:allerede\s+)?(?:har|bruker)(?:\s+(?:i\s+dag|nå))?|i\s+dag|dagens|nå|tidligere|sist|"
    r"(?:i\s+|under\s+)?forrige\s+\w+|i\s+(?:den|det|de)\s+eksisterende\s+\w+|(?:den|det|de)\s+eksisterende|eksisterende|(?:den|det|de)\s+vi\s+har)"
    r"|fra\s+samme\s+(?:leverandør|produsent|fabrikant|fabrikat|merke)|(?:av|fra)\s+(?:dagens|nåværende|eksisterende)\s+leverandør"
    # «skal tilsvare dagens», «svare til dagens sortiment»: today's range or product made the demand (not today's level,
    # quality or volume, which are targets)
    r"|(?:tilsvare|svare\s+til)\s+dagens(?!\s+(?:nivå|kvalitet|standard|omfang|volum|behov|antall|pris\w*|tall)\b)(?:\s+\w+)?"
    # «skal være som i dagens avtale»: the contract being replaced made the description
    r"|(?:være|foregå|utføres|gjøres|skje|leveres)\s+(?:slik\s+)?som\s+i\s+(?:dagens|nåværende|eksisterende)\s+"
    r"(?:avtale|kontrakt|rammeavtale|løsning|ordning)\w*"
    r"|tilsvarende\s+(?:(?:den|det|de)\s+vi\s+(?:allerede\s+)?har|dagens\s+(?:løsning|system|utstyr|modell|produkt|maskiner|biler)"
    r"|(?:\w+\s+){1,2}som\s+vi\s+(?:allerede\s+)?har(?:\s+i\s+dag)?)"
    r"|(?:fungere|virke|se\s+ut|være\s+lik\w*)\s+(?:akkurat\s+|nøyaktig\s+|helt\s+|omtrent\s+)?som\s+(?:i\s+dag|dagens|før|nå)"
    r"|samme\s+(?:\w+\s+)?som\s+(?:på|i|hos)\s+(?:de|den|det)\s+andre\s+\w+"
    r"|(?:lik|like|likt|identisk\w*)\s+(?:med\s+|som\s+)?(?:dagens|(?:den|det|de)\s+vi\s+har|eksisterende|nåværende)"
    r"|videreføre\s+(?:dagens|eksisterende|nåværende)\s+\w+"
    # «slik som resten av bilparken», «som har oppdraget i dag»: matched to what the buyer has, or to today's supplier
    r"|(?:slik|akkurat|nøyaktig|på\s+samme\s+måte)\s+som\s+resten\s+av\s+\w+"
    r"|som\s+har\s+(?:oppdraget|avtalen|kontrakten|rammeavtalen|leveransen)\s+(?:i\s+dag|nå|fra\s+før)"
    r"|(?<=[\w,]\s)som\s+i\s+dag(?=\s*[.,;)]|\s*$)"
    # «like dem vi har på avdeling 3», «identiske med dem som brukes ved de andre stasjonene», «samme merke som resten
    # av bilparken», «samme utseende som stolene i kantina i dag», «matche det som ble lagt i første byggetrinn»
    r"|(?:lik|like|likt|identisk\w*|tilsvarende)\s+(?:med\s+|som\s+)?(?:dem|den|det|de)\s+(?:vi\s+(?:allerede\s+)?har|som\s+"
    r"(?:brukes|benyttes|finnes|står|er\s+i\s+bruk|ble\s+\w+|vi\s+har))"
    r"|samme\s+(?:merke|fabrikat|leverandør|type|modell|produsent|system|utforming|utseende|farge)\s+(?:\w+\s+){0,2}?som\s+"
    r"(?:resten|de\s+øvrige|de\s+andre|vi\s+har|(?:\w+\s+){1,4}?i\s+dag\b)"
    # «samme armatur som resten av gata», «samme produkter som under dagens avtale»: any thing, matched to the rest of
    # what the buyer has or to today's contract (not a place, a price or a time)
    r"|samme\s+(?!(?:område|området|sted|stedet|tomt|tomten|lokasjon|adresse|plassering|pris|priser|vilkår|betingelser|tid|"
    r"tidspunkt|dag|frist|nivå)\b)\w+\s+som\s+(?:resten\s+av\s+\w+|de\s+øvrige|(?:\w+\s+){0,5}?(?:dagens|nåværende|eksisterende|"
    r"gjeldende)\s+(?:avtale|kontrakt|leverandør|rammeavtale)\w*)"
    # what another named buyer or site has: «samme klatrestativ som på Lia skole», «samme medisindispenser som Bærum
    # kommune bruker», «identiske med sengene vi har på sengepost 4»: a solution copied, not a need described (the
    # same procedures, methods or quality as the buyer's own elsewhere are a way of working, not a product copied)
    r"|samme\s+(?!(?:område|området|sted|stedet|tomt|tomten|lokasjon|adresse|plassering|pris|priser|vilkår|tid|dag|frist|"
    r"nivå|krav|kravene|regler|reglene|prosedyre\w*|rutine\w*|metode\w*|metodikk\w*|framgangsmåte\w*|fremgangsmåte\w*|"
    r"standard\w*|kvalitet\w*)\b)(?:\w+\s+){1,2}?som\s+(?:(?:på|i|hos|ved)\s+(?!(?:vedlegg|bilag|kapittel|punkt|tabell|figur|skjema|mal\w*|avsnitt|del|kravspesifikasjon\w*|"
    r"konkurranse\w*|tilbud\w*|kontrakt\w*|avtale\w*|prisskjema\w*|Doffin|Mercell|Excel|Word)\b)(?-i:[A-ZÆØÅ])[\w-]+(?:\s+[\w-]+)?"
    r"|(?-i:[A-ZÆØÅ])[\w-]+(?:\s+(?:kommune|fylkeskommune|sykehus|HF|skole))?\s+(?:bruker|har|kjøpte|valgte|fikk))"
    r"|(?:lik|like|likt|identisk\w*)\s+(?:med|som)\s+(?:\w+\s+){1,2}?vi\s+(?:allerede\s+)?(?:har|bruker)(?:\s+(?:på|i|ved)\s+[\w-]+(?:\s+\d+)?)?"
    r"|same\s+(?:\w+\s+){0,2}?as\s+(?:the\s+rest\s+of|(?:those|the\s+ones|that|what)\s+(?:\w+\s+){0,4}?"
    r"(?:current|existing|present|previous)\s+(?:contract|agreement|supplier)s?|(?:those|the\s+ones|what)\s+(?:we\s+)?(?:use|used|have)\s+today)"
    r"|(?:matche|passe\s+med|stemme\s+overens\s+med)\s+(?:det|den|de|dem)\s+som\s+(?:ble|er|var)\s+\w+"
    r"|same\s+(?:\w+\s+){0,2}?as\s+(?:the\s+|our\s+)?(?:current|existing|present|one\s+we\s+have|ones\s+we\s+have)\w*"
    r"(?:\s+(?:one|ones|solution|system|platform|supplier|model))?"
    r"|identical\s+to\s+(?:the\s+|our\s+)?(?:current|existing)\s*\w*|as\s+(?:we\s+have|used)\s+today"
    r")",
    re.IGNORECASE,
)
# "minst like god som i dag" is a performance target, not a description of today's solution.
AS_GOOD_AS = re.compile(r"(?:(?:like|så|minst\s+like)\s+[\w\-]+|bedre|enklere|raskere|as\s+\w+)\s*$", re.IGNORECASE)

# Cues that the next words name a type, model or brand.
TYPE_CUE = re.compile(
    r"(?<!\w)(?:(?:av\s+)?(?:typen|type)|(?:av\s+)?modell(?:en)?|typebetegnelse|varenummer|varenr\.?|artikkelnummer|"
    r"art\.\s?nr\.?|of\s+(?:the\s+)?type|model|product\s+number)\s*[:=]?\s+",
    re.IGNORECASE,
)
# Words after a brand that belong to a model name even without digits.
MODEL_WORDS = {
    "pro", "plus", "max", "mini", "air", "ultra", "recharge", "long", "range", "performance", "enterprise", "edition",
    "gen", "series", "serie", "model", "classic", "premium", "advanced", "basic", "compact", "lite", "go", "flex",
}
# Generic abbreviations that follow a brand without being a model name: «Synology NAS», «HP PC».
COMMON_ACRONYMS = {"NAS", "PC", "PCER", "GPS", "USB", "LED", "SSD", "HDD", "RAM", "IT", "AI", "TV", "UPS", "WIFI", "VR",
                   "AR", "CPU", "GPU", "API", "SAN", "AS", "ASA", "AB"}
# Words after a brand that end the brand mention rather than name a model.
COMPANY_WORDS = {"as", "asa", "sa", "ans", "nuf", "ab", "a/s", "oy", "gmbh", "inc", "ltd", "norge", "norway", "nordic", "group", "sverige",
                 "danmark", "international", "eller", "or", "og", "and", "med", "with", "til", "for", "i", "in"}
UNIT_WORDS = re.compile(rf"^(?:{PARAM_UNIT}|{TIME_UNIT}|mg|ml|µg|mcg|IE|stk|stykk|enheter|units|x|%|prosent|°C|grader)$", re.IGNORECASE)
GENERATION = re.compile(r"\(?\s*\d{1,2}\.\s*generasjon\w*|\(?\s*(?:gen(?:eration)?|generasjon)\s*\d{1,2}", re.IGNORECASE)

# Today's situation described before the requirement: «Kommunen bruker i dag Visma ...».
CURRENT_STATE_BEFORE = re.compile(
    r"(?:(?:bruker|benytter|har|leier|kjører)\s+(?:vi\s+|kommunen\s+)?(?:i dag|nå|per i dag)|i dag\s+(?:bruker|benytter|har)|"
    r"(?:currently|today)\s+(?:use|uses|run|runs|have|has))\s+(?:\S+\s+){0,3}$",
    re.IGNORECASE,
)
# The system named right after a verb that moves data to it or manages the goods from it («overføre data til X»,
# «eksportere timelister til X», «styres fra X», «administreres i X»): an integration with what the buyer runs, not
# a product chosen for the delivery.
INTEGRATION_BEFORE = re.compile(
    r"(?<!\w)(?:(?:kunne\s+)?(?:overføre|overføres|eksportere|eksporteres|synkronisere|synkroniseres)\s+(?:ut\s+)?"
    r"(?:[\w\-]+\s+){0,2}?(?:til|med|mot)"
    r"|(?:styres|administreres|forvaltes|fjernstyres|fjernadministreres|håndteres|rulles\s+ut)\s+(?:sentralt\s+)?"
    r"(?:fra|via|i|gjennom|med))\s+(?:(?:dagens|eksisterende|vårt|vår|våre|kommunens|virksomhetens)\s+)?$",
    re.IGNORECASE,
)
# The thing named is being replaced or phased out: a description of today, not a requirement on the new.
PHASED_OUT_AFTER = re.compile(
    r"[^.;]{0,60}?(?:fases ut|skal utfases|erstattes|skal byttes ut|avvikles|kasseres|is being replaced|will be replaced)",
    re.IGNORECASE,
)
# Negation: "uten diesel", "ikke hydrogen" is not a prescription.
NEGATION_BEFORE = re.compile(
    r"(?:ikke|uten|fri for|i stedet for|istedenfor|erstatte|fase ut|utfase\w*|no|not|without|instead of|replace)\s+"
    r"(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# The nearest verb before a technology name decides whether it is prescribed or only to be supported.
PRESCRIBE_VERB = re.compile(
    r"(?<!\w)(?:bruke|benytte|anvende|basert på|baseres på|bygge på|bygges på|utvikles|utviklet|programmeres|driftes|"
    r"hostes|kjøre på|kjøres på|gå på|drives|være|ha|use|based on|built on|developed|run on|be)(?!\w)",
    re.IGNORECASE,
)
PRESCRIBE_BEFORE = re.compile(
    r"(?:skal|må|shall|must)\s+(?:\w+\s+){0,3}?(?:bruke|benytte|anvende|være basert på|baseres på|bygge på|bygges på|"
    r"utvikles i|utvikles med|være utviklet i|programmeres i|driftes i|driftes på|hostes i|leveres i|leveres på|"
    r"kjøre på|kjøres på|gå på|drives med|drives av|gjennomføres med|gjennomføres etter|organiseres etter|styres etter|ha|være|"
    r"use|be based on|be built on|be developed in|run on|be run using|be run with|be managed using|be)\s+"
    r"(?:\S+\s+){0,4}$"
    # a demand stated as a noun: «krav om bruk av stordata med …», «it is a requirement to use …»
    r"|(?:krav\s+om|krever|kreves|forutsetter|requires?|requirement\s+to)\s+(?:bruk\s+av|å\s+bruke|å\s+benytte|"
    r"anvendelse\s+av|the\s+use\s+of|use\s+of|using)\s+(?:\S+\s+){0,4}$",
    re.IGNORECASE,
)


# A technique given as the means a need is met by («kvalitetskontroll av asfaltdekker med georadar», «konnektivitet ved
# mørk fiber», «kartlegge … ved bruk av stordataanalyse»): the buyer needs the result, and how it is reached is the
# supplier's choice. Right before the technique (at most one word between).
MEANS_BEFORE = re.compile(
    r"(?<!\w)(?:med|ved|via|ved\s+bruk\s+av|ved\s+hjelp\s+av|gjennom\s+bruk\s+av|med\s+bruk\s+av|using|by\s+means\s+of)"
    r"\s+(?:[\w\-]+\s+)?$",
    re.IGNORECASE,
)
# Equipment that comes with the goods («utstyrt med radar», «leveres med RFID-leser»): a feature of the goods, not the
# means of a service.
FITTED_BEFORE = re.compile(
    r"(?<!\w)(?:utstyrt|utstyres|leveres|levert|inkludert|inkl\.?|ha|har|fitted|equipped|supplied|delivered)\s+(?:med|with)\s+"
    r"(?:[\w\-]+\s+)?$", re.IGNORECASE)

# A plant or facility of one technology named for a need the sentence states («biogassanlegg for mottak av matavfall»,
# «varmepumpeanlegg til oppvarming av hallen»): the need is there, and the technology that meets it is chosen.
PLANT_FOR_NEED = re.compile(
    r"(?<![\w\-])(?P<plant>(?:biogass|biogas|kompost|komposterings|forbrennings|pyrolyse|solcelle|varmepumpe|bergvarme|"
    r"jordvarme|flisfyrings|flis|pellets|oljefyrings|gassfyrings|hydrogen|vindkraft|kullfilter|ozon|UV)"
    r"[\-]?(?:anlegg|anlegget|anlegga|kjel|kjele|kjelen|kjeler|sentral|sentralen|reaktor|reaktorer|reaktoren))"
    r"(?=\s+(?:for|til)\s+(?:[\w\-]+\s+){0,2}?(?:mottak|behandling|håndtering|oppvarming|produksjon|forsyning|rensing|"
    r"kjøling|desinfeksjon)(?!\w))",
    re.IGNORECASE,
)


# --- explanations (Norwegian), one per category and kind -------------------------------------------------------------

_EQUIVALENT_NOTE = (" «Eller tilsvarende» er med, men det gjør ikke henvisningen lovlig: den er bare tillatt når behovet ikke "
                    "kan beskrives presist med funksjons- eller ytelseskrav, og «tilsvarende» er udefinert så lenge kravet "
                    "ikke sier hvilke egenskaper et likeverdig tilbud må ha.")
_COMPAT_NOTE = (" Kravet ser ut til å gjelde kompatibilitet med noe dere allerede har. Det kan være et lovlig unntak hvis ikke "
                "andre fabrikater kan dekke behovet: skriv ned begrunnelsen, og vurder å ta byttekostnader inn i "
                "tildelingskriteriene i stedet.")


_EQUIVALENT_DEFINED_NOTE = (" «Eller tilsvarende» er med, og kravet sier hva som regnes som tilsvarende, men det gjør ikke "
                            "henvisningen lovlig: den er bare tillatt når behovet ikke kan beskrives presist med funksjons- "
                            "eller ytelseskrav.")


def _severity_note(severity: str, detail: dict | None = None) -> str:
    if severity == "medium" and detail and detail.get("criteria"):
        return _EQUIVALENT_DEFINED_NOTE
    return {"medium": _EQUIVALENT_NOTE, "low": _COMPAT_NOTE}.get(severity, "")


def _explain_brand(kind: str, severity: str, span: str, detail: dict) -> str:
    noun = BRAND_CATEGORY_NOUNS.get(str(detail.get("brand_category", "")), "")
    what = f"et merkenavn ({noun})" if noun else "et merkenavn eller varemerke"
    if kind == "generic":
        text = (f"«{span}» er et varemerke som ofte brukes som navn på selve produktet ({detail.get('noun') or noun}). "
                "Også brukt som fellesnavn peker det mot én produsent.")
    elif kind == "trademark":
        text = f"«{span}» er merket som et registrert varemerke (®/™) og peker dermed mot én produsent."
    elif kind == "cue":
        text = f"«{span}» er oppgitt som merke eller fabrikat og peker dermed mot én produsent."
    elif kind in {"unknown", "compound"}:
        text = (f"«{span}» ser ut som et produkt- eller merkenavn, og står i kravet som det som skal kjøpes eller brukes. "
                "Et navngitt produkt favoriserer én produsent og stenger ute leverandører som kan dekke behovet på en annen måte.")
    elif kind == "medicine":
        text = (f"«{span}» er et handelsnavn på et legemiddel, og kravet oppgir ikke virkestoffet. Et handelsnavn peker mot én "
                "produsent; virkestoff, styrke og legemiddelform beskriver det samme behovet uten å utelukke likeverdige legemidler.")
        if detail.get("noun"):
            text += f" Virkestoffet i {span} er {detail['noun']}: skriv det, med styrke og legemiddelform."
    else:
        text = (f"«{span}» er {what}. En henvisning til et bestemt merke favoriserer én produsent og stenger ute "
                "leverandører som kan dekke det samme behovet på en annen måte.")
    if detail.get("competence"):
        return (f"«{span}» står i et krav om erfaring eller kompetanse. Er det erfaring med systemet dere allerede har, kan "
                "det være begrunnet, men et krav om erfaring med ett bestemt produkt binder oppdraget til den produsentens "
                "kunder og partnere. Beskriv oppgavene erfaringen skal gjelde, og godta erfaring med tilsvarende systemer "
                "eller sammenlignbare oppdrag.")
    if detail.get("works_with"):
        text += (" Systemet løsningen skal integreres med, kan derimot nevnes når kontraktsgjenstanden krever samspill "
                 "med akkurat det systemet; skriv «eller tilsvarende» der andre løsninger kan gjøre samme nytte.")
    return text + (_severity_note(severity, detail) or " Beskriv heller funksjonen og ytelsen dere trenger.")


def _explain_model_type(kind: str, severity: str, span: str, detail: dict) -> str:
    if detail.get("competence"):
        return _explain_brand(kind, severity, span, detail)
    if kind == "type_brand":
        text = (f"«{span}» viser til typen til én bestemt produsent ({detail.get('brand')}). «Type» er nevnt uttrykkelig "
                "i forbudet mot å vise til bestemte produkter.")
    elif kind == "line":
        text = f"«{span}» er en produktserie eller modell ({detail.get('brand')}), og låser kravet til ett produkt."
    else:
        text = (f"«{span}» er en modell- eller typebetegnelse. Typehenvisninger er uttrykkelig forbudt når de favoriserer "
                "eller utelukker leverandører, og låser kravet til ett produkt.")
    return text + (_severity_note(severity, detail) or " Beskriv heller hvilke egenskaper ved modellen som faktisk er viktige for dere.")


def _explain_missing_equivalent(kind: str, severity: str, span: str, detail: dict) -> str:
    if kind == "approval":
        return (f"«{span}» er én bestemt godkjenning, ett sertifiseringsorgan eller én merkeordning, stilt som krav uten "
                "«eller tilsvarende». Dere kan kreve dokumentasjon for at egenskapene er oppfylt, men må godta godkjenninger "
                "og sertifikater fra tilsvarende organer og annen egnet dokumentasjon som viser det samme.")
    if kind == "certification":
        return (f"«{span}» er en sertifisering i én bestemt metode eller ett bestemt rammeverk, stilt som krav til personene "
                "uten «eller tilsvarende». Sertifikatet er bare én måte å vise kompetansen på: godta tilsvarende "
                "sertifiseringer og dokumentert erfaring fra sammenlignbare oppdrag, ellers stenges kvalifiserte "
                "leverandører ute uten grunn (LOA § 4).")
    if kind == "standard":
        return (f"«{span}» er en standard, et merke eller en sertifisering som stilles som krav uten «eller tilsvarende». "
                "Hver henvisning til en standard skal følges av «eller tilsvarende», og en leverandør som viser at løsningen "
                "er likeverdig, kan ikke avvises.")
    return (f"Henvisningen «{span}» står uten «eller tilsvarende». Hvis det i det hele tatt er nødvendig å vise til merke "
            "eller type, skal henvisningen følges av «eller tilsvarende», og dere bør si hvilke egenskaper som gjør et "
            "tilbud tilsvarende.")


def _explain_product(kind: str, severity: str, span: str, detail: dict) -> str:
    if kind == "medicine":
        return (f"«{span}» er et bestemt legemiddel (et handelsnavn), ikke behovet. Behovet er et virkestoff i en styrke og "
                "legemiddelform; med handelsnavnet i kravet får dere bare tilbud på det ene preparatet, selv om likeverdige "
                "legemidler (generika, parallellimport) dekker det samme.")
    function = detail.get("function") or ""
    hint = f" Hva skal produktet oppnå – for eksempel {function}?" if function else ""
    return (f"«{span}» er et bestemt produkt, ikke et behov. Når produktet står i kravet, får dere bare tilbud på det, "
            f"selv om andre løsninger kunne dekket behovet bedre eller billigere.{hint} Beskriv behovet og resultatet, "
            "og la markedet foreslå løsningen.")


def _explain_technology(kind: str, severity: str, span: str, detail: dict) -> str:
    if severity == "low" and kind == "phrase":
        return (f"«{span}» nevnes som teknologi i et system dere allerede har eller skal fungere med. En slik henvisning er "
                "tillatt når kontraktsgjenstanden begrunner den; skriv begrunnelsen, og legg til «eller tilsvarende» der det går.")
    if severity == "low":
        return (f"«{span}» nevnes som en plattform eller teknologi løsningen må fungere med. Det er greit når det gjelder "
                "utstyr eller systemer dere eller brukerne allerede har, men sjekk at kravet ikke utelukker andre "
                "plattformer unødig, og bruk åpne standarder der det finnes.")
    if kind == "drive":
        return (f"«{span}» bestemmer hvordan maskinen eller kjøretøyet drives, uten å si hvorfor. Det utelukker "
                "løsninger med annen drift som gir samme resultat. Beskriv kravet driften skal oppfylle (ytelse, "
                "utslipp, støy, bruk innendørs), eller skriv begrunnelsen.")
    if kind == "hull":
        return (f"«{span}» bestemmer hvordan fartøyet er bygd, uten å si hvorfor. Det utelukker fartøy med annen "
                "skrogform som gir samme resultat. Beskriv hva fartøyet skal klare (fart, sjødyktighet, last, dypgang, "
                "stabilitet ved arbeid), eller skriv begrunnelsen.")
    if kind == "construction":
        return (f"«{span}» bestemmer hvordan maskinen, kjøretøyet eller beholderen er bygd (styring, fremdrift, hvordan "
                "den bæres eller tømmes), uten å si hvorfor. Det utelukker løsninger som er bygd annerledes og gir samme "
                "resultat. Beskriv hva den skal klare (terreng, rekkevidde, bæreevne, hvordan den tømmes med utstyret "
                "dere har), eller skriv begrunnelsen.")
    if kind == "process":
        return (f"«{span}» bestemmer hvilken produksjonsprosess utstyret skal bruke, uten å si hvorfor. Beskriv hva det "
                "skal lage (materialer, størrelse, nøyaktighet, overflate, styrke), og la leverandøren velge prosess.")
    if kind == "sensing":
        return (f"«{span}» bestemmer hvilken teknologi utstyret skal registrere med, uten å si hvorfor. Beskriv hva som må "
                "kunne ses eller oppdages, og under hvilke forhold (mørke, røyk, avstand), og la leverandøren velge teknologi.")
    if kind == "means":
        return (f"«{span}» bestemmer hvilken teknikk behovet skal dekkes med, uten å si hvorfor. Det utelukker leverandører "
                "som når samme resultat på en annen måte. Beskriv resultatet dere trenger (hva som skal måles, oppdages, "
                "overføres eller analyseres, og hvor godt), og la leverandøren velge teknikk, eller skriv begrunnelsen.")
    if kind == "build":
        return (f"«{span}» bestemmer hvordan maskinen er bygd, uten å si hva den skal klare. Det utelukker maskiner som er "
                "bygd annerledes og gir samme resultat. Beskriv kravene til arbeidet (rekkevidde, løftehøyde, sikt, "
                "kapasitet), eller skriv begrunnelsen.")
    if kind == "plant":
        return (f"«{span}» velger teknologien som skal dekke behovet, selv om behovet står i samme setning. Det utelukker "
                "løsninger som dekker det samme behovet på en annen måte. Beskriv behovet og kravene til resultatet (mengde, "
                "kvalitet, miljø, kostnad), og la leverandøren velge teknologi, eller skriv begrunnelsen.")
    if kind == "network":
        return (f"«{span}» bestemmer hvilket nett forbindelsen skal gå over. Beskriv hva forbindelsen skal gi "
                "(kapasitet, oppetid, redundans, dekning), og la leverandøren velge teknologi.")
    return (f"«{span}» foreskriver en bestemt teknologi, plattform eller et bestemt programmeringsspråk. Det utelukker "
            "løsninger som gir samme resultat på en annen måte. Beskriv hva løsningen skal oppnå (ytelse, sikkerhet, "
            "drift, utslipp, integrasjon), og la leverandørene velge teknologi.")


def _explain_material(kind: str, severity: str, span: str, detail: dict) -> str:
    texts = {
        "material": (f"«{span}» bestemmer materialet uten å si hvilken funksjon det skal gi. EU-domstolen har slått fast "
                     "at et krav om et bestemt materiale er en typehenvisning (C-424/23 DYKA Plastics). Skriv egenskapen "
                     "materialet skulle gi – for eksempel støtdemping og fallhøyde for et fallunderlag, slitestyrke og "
                     "levetid, brannklasse, vær- og UV-bestandighet eller vekt – og la leverandørene velge materiale."),
        "dimension": (f"«{span}» er et eksakt mål uten begrunnelse. Faste mål gjenspeiler ofte dagens produkt; oppgi "
                      "heller minimums- og maksimumsmål ut fra hva som skal få plass eller brukes."),
        "colour": (f"«{span}» er en farge eller utforming uten oppgitt funksjon. Slike detaljer kan utelukke ellers "
                   "likeverdige produkter; ta dem bare med når de har en begrunnelse (for eksempel kontrast eller synlighet)."),
        "placement": (f"«{span}» bestemmer plassering eller utforming uten å knytte den til en funksjon. Beskriv hva som "
                      "skal oppnås, og la leverandøren foreslå hvordan."),
        "part_count": (f"«{span}» er et eksakt antall deler uten oppgitt funksjon. Det kan være overspesifisering som "
                       "gjenspeiler dagens produkt: si hvilken kapasitet eller ytelse delene skal gi og hvorfor, og la "
                       "leverandøren vise hvordan den oppnås."),
        "menu": (f"«{span}» foreskriver innholdet i stedet for behovet. Beskriv heller ernæringsbehov, variasjon, "
                 "hensyn til spesialkost og hvordan kvaliteten skal måles."),
    }
    if kind == "exact_value":
        return (f"«{span}» er en eksakt teknisk verdi uten oppgitt funksjon eller toleranse. Det kan være overspesifisering: "
                "si hvilken ytelse verdien skal gi og hvorfor, og oppgi en grense (minst eller høyst) i stedet for et eksakt tall.")
    default = (f"«{span}» foreskriver hvordan arbeidet skal gjøres. Still heller krav til resultatet (for eksempel "
               "renholdskvalitet, gresshøyde eller framkommelighet), og la leverandøren velge metode og utstyr.")
    text = texts.get(kind, default)
    if severity == "low" and kind != "part_count":
        text += " «Eller tilsvarende» er med, men beskriv gjerne funksjonen i stedet."
    return text


def _explain_same_as_current(kind: str, severity: str, span: str, detail: dict) -> str:
    return (f"«{span}» beskriver dagens løsning i stedet for behovet. Det gir dagens leverandør et forsprang og "
            "utelukker nyere løsninger. Beskriv hva dagens løsning gjør som må videreføres, og hva som bør bli bedre; "
            "kostnader ved å bytte kan vurderes i tildelingskriteriene.")


def _explain_tailoring(kind: str, severity: str, span: str, detail: dict) -> str:
    return (f"Kombinasjonen «{span}» ({detail.get('count', 'flere')} eksakte verdier) ser ut til å være hentet fra ett "
            "bestemt produkts datablad. Selv uten merkenavn kan en slik kombinasjon i praksis bare oppfylles av ett "
            "produkt. Behold bare verdiene som følger av behovet, og bruk minimums- eller maksimumsverdier.")


def _explain_supplier(kind: str, severity: str, span: str, detail: dict) -> str:
    if kind == "producer" and severity != "low":
        return (f"«{span}» er en bestemt produsent (navnet kan også være et sted) som varene skal komme fra. Et slikt krav "
                "utelukker andre produsenter og grossister og forskjellsbehandler varer fra andre steder i EØS. Beskriv "
                "heller kvaliteten dere trenger: ferskhet, tid fra produksjon til levering, mattrygghet, dyrevelferd og "
                "bærekraft, etter en angitt standard «eller tilsvarende».")
    if kind == "reseller":
        return (f"«{span}» er en bestemt forhandler av lisensene. At produktet er det dere allerede bruker, kan være "
                "begrunnet, men lisensene til det selges som regel av flere forhandlere; la dem konkurrere om pris, "
                "lisensrapportering og oppfølging i stedet for å peke ut én.")
    if severity == "low":
        return (f"«{span}» er leverandøren til en avtale eller et system dere allerede har. Det er greit å beskrive dagens "
                "situasjon, men et nytt krav kan ikke forutsette at den samme leverandøren vinner.")
    return (f"«{span}» er navnet på en bestemt leverandør. Et krav som peker ut leverandøren, gjør konkurransen til en "
            "direkte tildeling, og det er bare lovlig når et av de snevre unntakene for anskaffelser uten konkurranse gjelder. "
            "Beskriv ytelsen dere trenger, og la alle leverandører som kan levere den, konkurrere.")


def _explain_origin(kind: str, severity: str, span: str, detail: dict) -> str:
    if kind == "attendance":
        return (f"«{span}» krever fysisk oppmøte et fast antall dager, uten å si hvilke oppgaver som må gjøres på stedet. "
                "Et slikt krav favoriserer leverandører som holder til i nærheten, og må være nødvendig og stå i forhold "
                "til det som kjøpes (LOA § 4). Beskriv heller hvilke oppgaver som krever oppmøte, og hvor raskt "
                "leverandøren må kunne møte opp.")
    if kind == "presence":
        return (f"«{span}» krever at leverandøren holder til et bestemt sted. Et slikt krav favoriserer lokale "
                "leverandører og må være nødvendig og stå i forhold til det som kjøpes (LOA § 4). Beskriv heller "
                "tilgjengeligheten dere trenger: svartid, og hvor raskt leverandøren må kunne møte opp.")
    if kind == "label":
        return (f"«{span}» er et merke som bare varer med en bestemt (norsk eller lokal) opprinnelse kan få. Å kreve merket "
                "er å kreve opprinnelsen: det er forbudt når det favoriserer eller utelukker leverandører, og det "
                "forskjellsbehandler varer fra andre EØS-land. Skriv egenskapene merket skulle sikre, og godta annen "
                "dokumentasjon på dem.")
    if kind == "food":
        return (f"«{span}» krever at maten har en bestemt opprinnelse. En henvisning til opprinnelse er forbudt når den "
                "favoriserer eller utelukker leverandører, og et krav om norske varer forskjellsbehandler varer fra andre "
                "EØS-land. Still heller krav til det opprinnelsen skulle sikre: ferskhet, tid fra produksjon til levering, "
                "mattrygghet og dyrevelferd, etter en angitt standard «eller tilsvarende».")
    return (f"«{span}» krever en bestemt opprinnelse eller produksjon. En henvisning til opprinnelse er forbudt når den "
            "favoriserer eller utelukker leverandører, og kan også stride mot EØS-reglene om fri bevegelighet. Beskriv det "
            "dere egentlig er ute etter: leveringstid, beredskap, klimaavtrykk eller kvalitet.")


_EXPLAIN = {
    "brand": _explain_brand,
    "model_type": _explain_model_type,
    "missing_or_equivalent": _explain_missing_equivalent,
    "product_named": _explain_product,
    "prescribed_technology": _explain_technology,
    "material_dimension_method": _explain_material,
    "same_as_current": _explain_same_as_current,
    "tailoring": _explain_tailoring,
    "supplier": _explain_supplier,
    "origin": _explain_origin,
}

# What to write instead, per category (and per kind where it differs): the first step of a rewrite.
INSTEAD = {
    "brand": "Beskriv funksjonen og ytelsen dere trenger (hva produktet skal gjøre, for hvem, hvor godt). Er en henvisning "
             "uunngåelig, skriv «eller tilsvarende» og si hvilke egenskaper som gjør et tilbud tilsvarende.",
    "brand:medicine": "Oppgi virkestoff, styrke og legemiddelform (og eventuelt pakningsstørrelse), ikke handelsnavnet.",
    "brand:compat": "Skriv hvorfor henvisningen er nødvendig (for eksempel kompatibilitet med utstyr dere har), og legg til "
                    "«eller tilsvarende» der andre fabrikater kan passe.",
    "model_type": "Skriv hvilke egenskaper ved modellen som er viktige (kapasitet, mål, ytelse, levetid), som minste- eller "
                  "høyesteverdier.",
    "product_named": "Beskriv behovet og resultatet produktet skulle gi, og la leverandørene foreslå løsningen.",
    "product_named:medicine": "Oppgi virkestoff, styrke og legemiddelform (og eventuelt pakningsstørrelse), ikke handelsnavnet.",
    "prescribed_technology": "Beskriv hva løsningen skal oppnå (ytelse, sikkerhet, drift, utslipp, integrasjon gjennom åpne "
                             "grensesnitt), og la leverandørene velge teknologi.",
    "material_dimension_method": "Skriv hva materialet, målet eller metoden skal oppnå (tåle, yte, passe inn i), og oppgi grenser "
                                 "i stedet for eksakte verdier.",
    "material_dimension_method:material": "Skriv egenskapen materialet skal gi (for eksempel støtdemping ved en gitt "
                                           "fallhøyde, slitestyrke, brannklasse eller bestandighet mot vær og UV) med "
                                           "hvordan den dokumenteres, og skriv «eller tilsvarende» hvis materialet beholdes.",
    "material_dimension_method:exact_value": "Skriv hva verdien skal gi (for eksempel effekt ved dimensjonerende temperatur, "
                                              "lesbar arbeidsflate), og oppgi minste- eller høyesteverdi med hvordan den dokumenteres.",
    "same_as_current": "Beskriv hva dagens løsning gjør som må videreføres, og hva som skal bli bedre; ta byttekostnader inn i "
                       "tildelingskriteriene.",
    "missing_or_equivalent": "Legg til «eller tilsvarende», og si hvilke egenskaper som gjør et tilbud tilsvarende.",
    "missing_or_equivalent:standard": "Skriv «… eller tilsvarende», og godta annen dokumentasjon som viser at kravene i "
                                      "standarden er oppfylt.",
    "tailoring": "Behold bare verdiene som følger av behovet, og bruk minimums- eller maksimumsverdier.",
    "supplier": "Fjern leverandørnavnet og beskriv ytelsen; skal avtalen likevel gå til én leverandør, må et unntak for "
                "anskaffelser uten konkurranse være dokumentert.",
    "origin": "Beskriv egenskapen dere trenger (leveringstid, beredskapslager, klimaavtrykk, kvalitet) i stedet for opprinnelsen.",
    "missing_or_equivalent:approval": "Skriv hvilke egenskaper som skal dokumenteres, og godta godkjenninger og sertifikater "
                                      "fra tilsvarende organer og annen egnet dokumentasjon.",
    "missing_or_equivalent:certification": "Skriv hvilken kompetanse oppdraget krever, og godta tilsvarende sertifiseringer "
                                           "og erfaring fra sammenlignbare oppdrag, dokumentert med CV og referanser.",
    "origin:food": "Still krav til ferskhet (for eksempel høyst et antall dager fra slakting, fangst eller høsting til "
                   "levering), transporttid, kvalitet, mattrygghet, dyrevelferd og bærekraft (for eksempel fiske eller "
                   "oppdrett sertifisert etter en angitt standard «eller tilsvarende»), og godta dokumentasjon fra "
                   "produsenter i alle EØS-land.",
    "supplier:producer": "Fjern produsentnavnet og beskriv varen og kvaliteten: ferskhet (tid fra slakting, fangst eller "
                         "høsting til levering), mattrygghet, dyrevelferd og bærekraft etter en angitt standard «eller "
                         "tilsvarende».",
    "origin:label": "Skriv hvilke egenskaper merket skulle sikre (for eksempel ferskhet, sporbarhet, dyrevelferd), og godta "
                    "tilsvarende merker og annen egnet dokumentasjon; et merke bare varer av én opprinnelse kan få, kan "
                    "ikke kreves.",
    "origin:attendance": "Skriv hvilke oppgaver som må gjøres på stedet, og hvor raskt leverandøren må kunne møte opp, i "
                         "stedet for et fast antall dager.",
    "origin:presence": "Skriv hvor raskt leverandøren må svare og kunne møte opp hos dere, i stedet for hvor kontoret ligger.",
}


def instead(category: str, kind: str, severity: str) -> str:
    """What to write instead of the flagged wording, in Norwegian."""
    if severity == "low" and category in {"brand", "model_type", "prescribed_technology"} and kind != "exact_value":
        return INSTEAD["brand:compat"]
    return INSTEAD.get(f"{category}:{kind}") or INSTEAD[category]


def explanation(category: str, kind: str, severity: str, span: str, detail: dict) -> str:
    """The Norwegian explanation of a finding of this category and kind about the wording `span`."""
    if category not in _EXPLAIN:
        raise ValueError(f"unknown category {category!r}")
    return _EXPLAIN[category](kind, severity, span, detail)
