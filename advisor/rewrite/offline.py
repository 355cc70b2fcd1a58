"""The offline draft: a need statement and requirements built from the findings, examples and templates.

Deterministic and without an LLM (provider "extractive"): the need statement comes from a near-identical worked
example, from the function of a named product, or from the requirement's own subject and predicate; the
requirements are the neutralized original, counts and targets carried over, and templates per domain and category.
"""

from __future__ import annotations

import difflib
import re

from advisor.requirements import (
    FUNCTION_TIE,
    KIND_LABELS,
    STANDARDS,
    Match,
    PurchaseObject,
    brand_key,
    brand_regex,
    load_brands,
    renewed_product,
)
from advisor.rewrite.competence import (
    SUBJECT,
    TYPE_COMPETENCE,
    certification_requirements,
    person,
    platform_notes,
)
from advisor.rewrite.domains import (
    PEOPLE,
    WEIGHT_BUYER_QUESTION,
    WEIGHT_MARKET_QUESTION,
    WEIGHT_PURPOSE,
    PurchaseType,
    building_item_requirements,
    count_requirements,
    counts_a_feature,
    existing_fit,
    fill_who,
    function_requirements,
    has_technical_value,
    measured_direction,
    names_unknown_object,
    rating_requirements,
    value_requirements,
    without_repeats,
)
from advisor.rewrite.examples import Example
from advisor.rewrite.neutral import ENGLISH, clean, is_substantive, neutralize, passes
from advisor.rewrite.parts import without_parts
from advisor.rewrite.references import (
    BUYER_SUBJECT,
    find_references,
    integration_system,
    interface_requirement,
)
from advisor.rewrite.targets import (
    NUMBER_WORDS,
    TARGET,
    Target,
    measurable_targets,
    missing_targets,
    normal_number,
)
from advisor.rewrite.templates import (
    CATEGORY_OBJECTS,
    DRAFT_NOTE,
    PLACEHOLDER_NEED,
    YEARS_OF_EXPERIENCE,
    buyer_questions,
    category_requirements,
    market_questions_for,
    noun_function,
    plural,
    presence_requirements,
)

# Similarity (0-1) above which a worked example's need statement is offered as the draft's need statement.
BORROW_NEED_AT = 0.6
_ACQUIRE_LEAD = re.compile(
    r"^(?:(?:vi|kommunen|virksomheten|etaten|skolen|[A-ZÆØÅ][\wæøå]+)\s+(?:skal|ønsker å|vil|må)\s+(?:kjøpe|anskaffe|leie|lease)"
    r"(?:\s+inn)?|det\s+skal\s+(?:kjøpes|anskaffes|leies|leases|leveres|installeres|monteres)(?:\s+inn)?)\s+",
    re.IGNORECASE,
)
_VERBS = {"ha": "har", "være": "er", "kunne": "kan", "få": "får", "gi": "gir", "gå": "går", "se": "ser"}
_CLAUSE_VERBS = {"ha", "være", "veie", "måle", "lagre", "gi", "kunne", "tåle", "dekke", "holde", "redusere", "øke", "gå",
                 "kjøre", "levere", "oppfylle", "ligge"}


def _ask_what_is_bought(names: list[str], buyer: list[str], notes: list[str]) -> None:
    """A maker named with no object (`names`, none when there is an object): the first question asks what is bought,
    and a note says nothing was guessed."""
    if not names:
        return
    buyer.insert(0, f"Hva er det dere skal kjøpe? {_names(names)} {'er et merke' if len(names) == 1 else 'er merker'}, og et "
                    "merke sier ikke hva varen er; skriv hva som skal leveres og hva det skal brukes til, så bygger behov og "
                    "krav på det.")
    notes.append(f"Vi kunne ikke lese hva som skal kjøpes, bare merket {_names(names)}: utkastet bygger ikke på hva "
                 "produsenten ellers lager.")


def _names(names: list[str]) -> str:
    """«A», «A» og «B»."""
    quoted = [f"«{n}»" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " og " + quoted[-1]


def _brand_domains(matches: list[Match]) -> list[str]:
    brands = load_brands()
    domains: list[str] = []
    for match in matches:
        category = match.detail.get("brand_category")
        if not category and match.detail.get("brand"):
            entry = brands.get(brand_key(str(match.detail["brand"])))
            category = entry.category if entry else None
        if category and category not in domains:
            domains.append(str(category))
    return domains


def line_nouns(text: str, matches: list[Match]) -> list[str]:
    """The nouns the brand lexicon gives the names and product lines the text names («Proace» -> «varebil», «Yaris» ->
    «personbil»): what kind of thing a model line is, when the text has no noun of its own for it."""
    brands = load_brands()
    nouns: list[str] = []
    for match in matches:
        if match.category not in {"brand", "model_type"}:
            continue
        for m in brand_regex().finditer(text[match.start:match.end]):
            entry = brands.get(brand_key(m.group("base")))
            if entry and entry.generic_noun and entry.generic_noun not in nouns:
                nouns.append(entry.generic_noun)
    return nouns


def _function_of(matches: list[Match], text: str) -> tuple[str, str]:
    """(need phrase, product) from a named product or a trademark used as a product name."""
    brands = load_brands()
    for match in matches:
        if match.category == "product_named":
            noun = str(match.detail.get("noun") or "")
            return str(match.detail.get("function") or noun_function(noun)), noun
    for match in matches:
        if match.category not in {"brand", "model_type"}:
            continue
        for name in [str(match.detail.get("brand", "")), *(m.group("base") for m in brand_regex().finditer(text[match.start:match.end]))]:
            entry = brands.get(brand_key(name))
            if entry and entry.generic_noun and noun_function(entry.generic_noun):
                return noun_function(entry.generic_noun), entry.generic_noun
    return "", ""


def _present(pred: str) -> str:
    first, _, rest = pred.partition(" ")
    low = first.lower()
    if low in _VERBS:
        verb = _VERBS[low]
    elif low.endswith("es") or not low.endswith("e"):
        verb = first
    else:
        verb = first + "r"
    return f"{verb} {rest}".strip()


def _need_from(neutral: str, function: str, context: str, specs_only: bool = False) -> str:
    if function:
        return f"Vi har behov for {function}{context}"
    acquired = _ACQUIRE_LEAD.match(neutral)
    if acquired:
        bought = neutral[acquired.end():].rstrip('.')
        if _PRODUCT_DATA.search(bought):  # «4 båtmotorer på 40 hk»: the thing, not its figures
            return generic_need(_PRODUCT_DATA.split(bought)[0])
        main = without_parts(bought, bought=True).rstrip(" .,")
        named = re.sub(r"(?<!\w)(?-i:[A-ZÆØÅ][\w\-]*)\s*", "", main).strip()
        if (main != bought or named != main) and _WORDS.search(named):
            # «Tieto Lifecare journalsystem med integrasjon …»: the name and the parts are no need (the parts get their
            # own requirements); who uses the thing and what for is asked instead
            return generic_need(named)
        return f"Vi har behov for {bought}"
    m = SUBJECT.match(neutral)
    if m and not ENGLISH.search(neutral):
        subject = m.group("subj")
        subject = subject if subject[:2].isupper() else subject[:1].lower() + subject[1:]
        if specs_only or not m.group("pred") or not is_substantive(neutral):  # product data or nothing left is not a need: ask for the use
            return generic_need(subject)
        pred = m.group("pred")
        if (_DESCRIBES.match(pred) and re.search(r"\d", pred) or has_technical_value(pred)) and not _PARTY.search(subject) \
                and not (_BOUNDED.search(pred) and not counts_a_feature(pred)):
            # what today's product has or is («har 16 kanaler», «er på 28 liter og 900 W») is no need, nor is a bound
            # on its parts («minst 16 kanaler»)
            return generic_need(subject)
        # what is done stays, without a maker or supplier the lexicon does not know («er fra Bioplast og», «med
        # studiolys fra Profoto»), and the users, the problem and the outcome are asked for instead of restated
        done = _without_unknown_names(_present(m.group("pred")))
        return (f"Vi har behov for at [hvem – f.eks. innbyggerne, brukerne eller de ansatte] får løst [problemet de har i "
                f"dag] ved at {subject} {done}, slik at [hva de skal oppnå, og hvordan dere ser at det er nådd]")
    return ""


# A capitalised name after «fra» or «av» inside a sentence: a maker or supplier, unknown to the lexicon or not.
_FROM_NAME = re.compile(r"(?:\s+(?:er|være)\s+(?:fra|levert\s+av|laget\s+av|produsert\s+av)\s+((?-i:[A-ZÆØÅ])[\w&\-]*"
                        r"(?:\s+(?-i:[A-ZÆØÅ])[\w&\-]*){0,3})\s+og(?=\s)"
                        r"|\s+(?:fra|av)\s+(?-i:[A-ZÆØÅ])[\w&\-]*(?:\s+(?-i:[A-ZÆØÅ])[\w&\-]*){0,3}(?!\w))", re.IGNORECASE)


def _without_unknown_names(phrase: str) -> str:
    """«er fra Bioplast og deles ut» -> «deles ut»; «gjøres med studiolys fra Profoto» -> «gjøres med studiolys»."""
    return re.sub(r"\s{2,}", " ", _FROM_NAME.sub("", " " + phrase)).strip()


_WORDS = re.compile(r"[^\W\d_]{3,}")
# A party as the subject («Leverandøren skal ha et lager …»): what it must have is no product's figure.
_PARTY = re.compile(r"(?:leverandør|tilbyder|entreprenør|konsulent|oppdragstaker|operatør|kommune|vi)\w*$", re.IGNORECASE)
# A bound the buyer set («høyst 0,8 %», «minst 500 lux»): a requirement in itself, not today's product.
_BOUNDED = re.compile(r"(?<!\w)(?:minst|høyst|maks\w*|minimum|inntil|opptil|under|over)\s+\d", re.IGNORECASE)
# A predicate that describes the product rather than what it does: «ha …», «være …».
_DESCRIBES = re.compile(r"(?:ha|være|inneholde|bestå\s+av|leveres\s+med)\b", re.IGNORECASE)
# A product's figures in what is bought («på 40 hk», «med 16 kanaler»): where the thing's name ends.
_PRODUCT_DATA = re.compile(r"\s+(?:på|med|av|som\s+har)\s+(?:[^\s]+\s+){0,2}?\d.*$|\s+\d.*$")


def generic_need(thing: str) -> str:
    """The need when no purchase type fits and the sentence only describes today's product: who uses `thing`, the
    problem and the outcome, each a blank the buyer fills in, without the product's figures or name."""
    thing = re.sub(r"^(?:\d+|en|et|ei|to|tre|fire|fem|seks)\s+", "", thing.strip()).rstrip(" ,.")
    # the thing, not what it is to do or fit («telefoniløsning som integreres med journalsystemet X og har …»)
    thing = re.split(r"\s+(?:som|der|og|for\s+å|slik\s+at)\s+", thing, maxsplit=1)[0]
    return (f"Vi har behov for at brukerne av {thing} [skriv hvem de er, f.eks. ansatte, pasienter eller elever] får "
            f"løst [beskriv behovet: problemet de har i dag, med egne ord og uten tall eller navn fra dagens produkt], slik at [hva de "
            f"skal oppnå, og hvordan dere ser at det er nådd]")


def _with_purpose(need: str) -> str:
    need = need.rstrip(". ")
    if FUNCTION_TIE.search(re.sub(r"^Vi har behov for å", "", need)):
        return need + "."
    return need + ", slik at [hvem oppnår hva – fyll inn]."


def _context(text: str, matches: list[Match]) -> str:
    product = next((h for h in matches if h.category == "product_named"), None)
    if product is None:
        return ""
    m = re.match(r"\s+((?:til|på|for|i|ved|hos)\s+[^,.;]+)", text[product.end:])
    return f" ({m.group(1).strip()})" if m else ""


# Where a text breaks into clauses (each holds one value: commas, semicolons, sentence ends, «og»), and into statements
# (sentence ends, and «, og» before a subject of its own with «skal»: «…, og kommunens logo skal …»).
_CLAUSE_BREAK = re.compile(r"(?<!\d),\s*|,\s+|;\s*|\.\s+(?=[A-ZÆØÅ])|\s+og\s+|\s+and\s+")
_STATEMENT_BREAK = re.compile(r"[.!?]\s+(?=[A-ZÆØÅ])|,\s+og\s+(?=(?:[^\W\d_]+\s+){1,3}skal\b)")


def _clauses(text: str, breaks: re.Pattern[str] = _CLAUSE_BREAK) -> list[tuple[int, int]]:
    """The (start, end) of each piece of `text` between two `breaks`."""
    spans, start = [], 0
    for m in breaks.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


# A capitalised word after a requirement's first word, not a code or unit (NS-EN, kWh): a name left in the clause.
_NAME_LEFT = re.compile(r"(?<!\S)[A-ZÆØÅ][a-zæøå][\w\-]*")


# Where the supplier must be, by distance to the buyer («servicekontor maksimalt 40 km fra sykehjemmet», «verksted
# innen 30 km fra rådhuset»): a demand for local presence, whether or not the analyzer named it.
_DISTANCE_TO_BUYER = re.compile(
    r"(?<!\w)(?:\w*kontor\w*|\w*verksted\w*|\w*lager\w*|\w*base\w*|lokaler\w*|avdeling\w*|tilholdssted\w*|"
    r"beredskapssted\w*|oppmøtested\w*|ligge|holde\s+til|være\s+lokalisert)\s+(?:\w+\s+){0,4}?"
    r"(?:maks(?:imalt|\.)?|høyst|innen|inntil|under|ikke\s+lenger\s+enn)\s+\d+\s*km(?:\s+\w*avstand\w*)?\s+"
    r"(?:fra|til|unna)\s+[^,.;]{2,40}",
    re.IGNORECASE)


# Where the supplier or producer is («fra et bakeri med adresse i kommunen», «en lokal produsent», «et firma som holder
# til i fylket»): part of the supplier's situation, never something to deliver; what it is meant to secure (fresh
# goods, a delivery time, a response time) is what any supplier can commit to.
_LOCAL_SUPPLIER = re.compile(
    r"(?<!\w)(?:(?:fra|av|hos)\s+(?:et|en|ei)\s+(?:lokal[te]?\s+)?[^\W\d_]{3,}\s+"
    r"(?:med\s+(?:forretningsadresse|adresse|kontor|lokaler|avdeling|produksjon|utsalg)|som\s+(?:ligger|holder\s+til|har\s+"
    r"(?:adresse|kontor|lokaler))|lokalisert)\s+i\s+(?:kommunen|fylket|regionen|området|nærområdet|(?-i:[A-ZÆØÅ])[\w\-]+)"
    r"|(?:fra|av|hos)\s+(?:en\s+|et\s+|ei\s+)?lokal[te]?\s+(?:leverandør|produsent|bakeri|bedrift|firma|aktør)\w*)",
    re.IGNORECASE)


def distance_spans(text: str, matches: list[Match]) -> list[tuple[int, int]]:
    """Where the text demands the supplier be within a distance of the buyer: the analyzer's presence findings, a
    distance in km to a place of the buyer's, and where the supplier has its address (_LOCAL_SUPPLIER)."""
    spans = [(h.start, h.end) for h in matches if h.category == "origin" and h.kind == "presence"]
    for pattern in (_DISTANCE_TO_BUYER, _LOCAL_SUPPLIER):
        spans += [(m.start(), m.end()) for m in pattern.finditer(text)
                  if not any(s < m.end() and m.start() < e for s, e in spans)]
    return spans


# A time a device runs on its battery or stays in the air, copied from a data sheet («flytid på 45 minutter»,
# «batterilevetid på 15 år»): what the time must cover is the requirement.
_ENDURANCE = re.compile(r"(?<!\w)(?P<word>flytid|flyvetid|flygetid|batterilevetid|batteritid|batterikapasitet\s+for|"
                        r"driftstid\s+på\s+batteri)\s+(?:på\s+)?(?:minst\s+|opptil\s+|inntil\s+)?"
                        r"(?P<value>\d+(?:[.,]\d+)?\s*(?:minutter|min|timer|år|dager|døgn))(?!\w)", re.IGNORECASE)


def endurance_requirement(text: str, target: Target) -> str:
    """«en flytid på 45 minutter», «batterilevetid på 15 år» copied from a data sheet without what it is for: what the
    time must cover is the requirement, the figure kept as the least the buyer has estimated; '' otherwise."""
    endurance = next((e for e in _ENDURANCE.finditer(text) if e.start() <= target.start < e.end()), None)
    if endurance is None or FUNCTION_TIE.search(text[endurance.end():endurance.end() + 60]):
        return ""
    value = endurance.group("value").strip()
    if endurance.group("word").lower().startswith("fly"):
        return (f"Luftfartøyet skal kunne være i lufta i minst {value} per batteri ved [laveste temperatur og sterkeste "
                "vind dere flyr i], slik at [oppdraget, f.eks. søk over et område på km²] kan fullføres uten bytte "
                f"[skriv hva tiden skal dekke; {value} er dagens anslag], verifisert ved utprøving.")
    return (f"Batteriet skal vare i minst {value} ved [bruken, f.eks. hvor ofte enheten måler, sender eller brukes] uten "
            f"bytte, slik at [hva som skal unngås, f.eks. besøk hos hver bruker] [skriv hva tiden skal dekke; {value} "
            "er dagens anslag], dokumentert med produsentens beregning for vår bruksprofil.")


# Training of a number of people («opplæring av 40 ansatte i bruk av systemet», «kurs for 12 vektere»), with what it
# covers when the text says it.
_TRAINING = re.compile(rf"(?<!\w)(?:opplæring\w*|kurs\w*|instruksjon\w*|undervisning\w*|lære\s+opp)\s+(?:av\s+|for\s+|til\s+)?"
                       rf"(?:minst\s+|inntil\s+|opptil\s+|ca\.?\s+)?(?P<n>\d+|(?i:{NUMBER_WORDS}))\s+(?P<who>[a-zæøå][\w\-]*)"
                       r"(?P<what>\s+(?:i|om|på)\s+[^,.;]+)?", re.IGNORECASE)


def training_requirement(text: str, target: Target | None = None) -> str:
    """The training the original asks for, kept as a lawful requirement: who and how many, what it covers, and how it
    is verified; '' when the text asks for none (or `target` is not the number trained)."""
    for m in _TRAINING.finditer(text):
        if target is not None and not m.start("n") <= target.start < m.end("n"):
            continue
        what = re.sub(r"\s+og\s*$", "", (m.group("what") or "").rstrip())
        what = what or " i bruk av det som leveres"
        return (f"Leverandøren skal gi opplæring til {m.group('n')} {m.group('who')} [juster antallet etter behovet]{what}, "
                "slik at de kan bruke det trygt og selvstendig fra første dag, med innhold, varighet og tidspunkt beskrevet "
                "i en opplæringsplan, verifisert med deltakerliste og ved at deltakerne viser at de kan utføre [de "
                "viktigste oppgavene].")
    return ""


# A value written to a unit or a decimal no need calls for («88 µl», «41 min», «1,7 sekunder»): oddly exact, it is
# likely taken from one product's data; a round value or one the buyer bounded is not.
_TIMED = re.compile(r"(?<!\w)(?:respons|svar|syklus|vente|lade|behandlings|leverings|oppstarts|tørke|reaksjons|"
                    r"utrykning|prosess|kjøre)tid(?:en)?(?!\w)", re.IGNORECASE)


_BINARY_UNIT = re.compile(r"\d\s*(?:GB|TB|MB|Gbps|Mbps|kjerner|bit|porter|tommer)", re.IGNORECASE)
_DOZEN_UNIT = re.compile(r"\d\s*(?:måneder|timer|t|h|stk)\b", re.IGNORECASE)


def oddly_precise(text: str, target: Target) -> bool:
    """Whether `target` is an exact, oddly precise value with a unit, no bound and no function stated beside it."""
    if is_stated_target(text, target) or clock_span(text, target) or _BARE_NUMBER.fullmatch(target.text):
        return False
    counted = _COUNTED_QUANTITY.match(text, target.start)
    if counted and not _UNIT_WORD.fullmatch(counted.group(2).split()[-1]):
        return False  # a number of things or people, not a value
    if _TRAINING.search(text) and any(m.start("n") <= target.start < m.end("n") for m in _TRAINING.finditer(text)):
        return False
    if re.search(r"[-–x×]\s*$", text[max(0, target.start - 3):target.start]) or re.match(r"\s*[-–x×]\s*\d", text[target.end:]) \
            or re.match(r"\S*\s*[-–x×]\s*\d", text[target.start:]):
        return False  # a span («22–42 cm») or a size («100 x 64 m»): the buyer's range or area, not one odd value
    number = target.number.replace(",", ".").replace(" ", "").replace("\u00a0", "")
    try:
        value = float(number)
    except ValueError:
        return False  # a range («2–4») is the buyer's span
    whole = value == int(value)
    odd = (not whole and round(value * 2) != value * 2) or (whole and value > 10 and int(value) % 5 != 0 and value < 1900)
    # the usual steps of a unit are not odd: 16 or 512 GB in IT, 12, 24 or 36 months or hours
    usual = whole and ((_BINARY_UNIT.search(target.text) and int(value) & (int(value) - 1) == 0)
                       or (_DOZEN_UNIT.search(target.text) and int(value) % 12 == 0))
    if not odd or usual:
        return False
    clause = next((text[s:e] for s, e in _clauses(text) if s <= target.start < e), text)
    return not FUNCTION_TIE.search(clause) and measured_direction(text, target.start, target.end) is None


def odd_value_requirement(text: str, target: Target) -> str:
    """An oddly exact value stated as what it is for: a least or greatest value the buyer sets from the need, with how
    it is verified; the blank asks why exactly this value."""
    subject, _ = quantity_of(text, target)
    quoted = _quoted_target(text, target)
    before = text[max(0, target.start - 40):target.start]
    timed = _TIMED.search(before)
    named = _NAMED_BEFORE.search(before)
    verified = "verifisert med [måling, test, datablad eller annen dokumentasjon som viser verdien]"
    if timed and subject in {"Tiden", "Verdien"}:
        # a processing or response time: the longest the users can wait, measured
        subject, bound = timed.group(0)[:1].upper() + timed.group(0)[1:].lower(), "høyst"
        subject = subject if subject.endswith("en") else subject + "en"
        verified = "verifisert ved måling under utprøving eller med produsentens testrapport"
    elif named:
        noun = named.group("noun").lower()
        subject = noun[:1].upper() + noun[1:] + ("en" if re.search(r"(?:tid|het|ning|else)$", noun) else "")
        bound = "minst" if _AT_LEAST.search(noun) else "[minst eller høyst]"
    else:
        # «skal være 16 år»: a time with no word for what it is (an age, a period) is named only as a value
        subject, bound = ("Verdien" if subject == "Tiden" else subject), "[minst eller høyst]"
    return (f"{subject} skal være {bound} {quoted} [hvorfor akkurat {quoted}? skriv hva verdien skal oppnå for brukerne, "
            f"og sett grensen etter det behovet krever], {verified}.")


# The noun a value is given for («en levetid på 12 år», «volum i 37 liter»), and nouns whose value is a least one.
_NAMED_BEFORE = re.compile(r"(?<![\w\-])(?P<noun>[a-zæøå]{4,})\s+(?:på|i|av)\s+(?:ca\.?\s+)?$")
_AT_LEAST = re.compile(r"levetid|garanti|holdbarhet|driftstid|batteritid|rekkevidde|kapasitet|lagring|volum", re.I)


def odd_value_question(text: str, target: Target) -> str:
    """The buyer's question for an oddly exact value: why exactly this one."""
    quoted = _quoted_target(text, target)
    return (f"Hvorfor akkurat «{quoted}»? Skriv hva verdien skal oppnå og hva som skjer hvis den er litt høyere eller "
            "lavere; da kan kravet stå som en minste- eller høyesteverdi. Et eksakt tall fra ett produkts datablad "
            "kan utelukke likeverdige produkter (FOA § 15-1).")


def _unbound_value(text: str, target: Target, matches: list[Match]) -> str:
    """The requirement for a value that is no target as written ('' for one that is)."""
    if _describes_product(text, target, matches):
        # «skal være Glamox X med lysfluks 3 800 lumen»: a bare figure of the named product is today's product, not a
        # target; what it is for is required instead
        return figure_requirement(text, target)
    if oddly_precise(text, target):
        # «ha en syklustid på 23 min»: an oddly exact value with no function is asked about and bounded, never copied
        return odd_value_requirement(text, target)
    return ""


def target_requirement(text: str, target: Target, matches: list[Match]) -> str:
    """A requirement that carries one measurable target of the original, in the words of its clause."""
    presence = next(((s, e) for s, e in distance_spans(text, matches) if s <= target.start < e), None)
    if presence is not None:
        # «verksted innen 30 km fra rådhuset»: a distance to the buyer is a likely discriminatory demand for local
        # presence; what it is meant to secure is a response time, which any supplier can commit to
        return (f"Leverandøren skal kunne rykke ut eller møte hos oss innen [timer] etter at vi har meldt behov, og "
                f"[beskriv hva som skal skje på stedet] [avstanden i «{text[presence[0]:presence[1]].strip()}» "
                "erstattes av en responstid: et krav om hvor leverandøren holder til, favoriserer lokale leverandører og "
                "må være nødvendig og forholdsmessig], dokumentert med en plan for bemanning og responstid.")
    attendance = next((a for a in _ATTENDANCE.finditer(text) if a.start() <= target.start < a.end()), None)
    if attendance is not None:
        # «sitte i våre lokaler tre dager i uka»: a fixed attendance favours suppliers nearby; what it is for is being
        # there when the work needs it
        return (f"Leverandøren skal møte hos oss når oppgavene krever det, med varsel på [antall dager], og ellers kunne "
                f"arbeide der det passer [oppmøtet «{attendance.group('days').strip()}» beholdes bare hvis dere kan begrunne "
                "at oppgavene krever det; et fast oppmøte favoriserer leverandører i nærheten], kontrollert mot [timelister "
                "og møteplan].")
    clock = clock_span(text, target)
    special = training_requirement(text, target) or (clock_requirement(text, clock) if clock
                                                      else endurance_requirement(text, target))
    if special:
        return special
    experience = YEARS_OF_EXPERIENCE.search(text)
    m = SUBJECT.match(text)
    if experience and experience.start() <= target.start < experience.end():
        # «en partner med minst 20 års erfaring»: a requirement on the person's competence, not on the delivery; the
        # competence is shown by comparable assignments, and the years are kept only where they are justified
        return (f"{person(text, m, matches)} skal ha relevant erfaring fra minst [antall] sammenlignbare oppdrag innen "
                f"[fagområde og oppgaver], dokumentert med CV og referanser; kravet om «{experience.group(0).strip()}» "
                "beholdes bare hvis dere kan begrunne at det er nødvendig og forholdsmessig.")
    unbound = _unbound_value(text, target, matches)
    if unbound:
        return unbound
    subject = "Løsningen"
    # the buyer as the subject («Bydelen skal kjøpe …») is not what must meet the target
    buyer_subject = bool(m and m.group("pred") and _BUYER_VERB.match(m.group("pred")))
    if m and not buyer_subject and not ENGLISH.search(text) and len(m.group("subj").split()) <= 4 \
            and not any(h.start < m.end("subj") for h in matches if h.severity != "low"):
        subject = m.group("subj")
    for start, end in _clauses(text):
        if start <= target.start < end:
            clause = text[start:end].strip().rstrip(".")
            after_modal = bool(m and start == 0 and m.group("pred") and m.start("pred") < len(clause))
            if after_modal:
                # what follows «skal» is a verb phrase («fasilitere tre workshoper»), or after a buyer's verb what the
                # things must have, a property and no verb phrase
                clause, after_modal = (_having(clause[m.start("pred"):], text, start, target), False) if buyer_subject \
                    else (clause[m.start("pred"):], True)
                if not clause:
                    continue
            clause = re.sub(r"^(?:med|with|og)\s+", "", clause, flags=re.IGNORECASE)
            own = SUBJECT.match(clause) if start > 0 else None
            if own and own.group("pred") and len(own.group("subj").split()) <= 4:
                # «Brødet skal ha et saltinnhold på høyst 1,1 %»: a sentence of its own keeps its own subject
                cleaned = clean(clause + ".")
                if cleaned and target.number in {normal_number(x.group(0)) for x in TARGET.finditer(cleaned)} \
                        and not _NAME_LEFT.search(cleaned.split(" ", 1)[-1]):
                    return cleaned
                continue
            first = clause.split(" ", 1)[0].lower()
            # a passive verb opens a later clause too («… og leveres innen fire uker»), never «skal ha leveres»
            verb_first = first in _CLAUSE_VERBS or bool(re.fullmatch(r"[a-zæøå]{3,}(?:eres|ses|kes|tes|des|ges)", first)) \
                or (after_modal and first not in {"være", "ha"} and (first.endswith("e") or first.endswith("es")))
            how_often = _FREQUENCY.search(clause)
            passive = m.group("pred").split(" ", 1)[0] if m and m.group("pred") else ""
            if not verb_first and how_often and re.fullmatch(r"[a-zæøå]{3,}es", passive):
                # «… skal utføres med X og damp to ganger per uke»: how often the work is done, not a thing to «have»
                sentence = (f"{subject} skal {passive} {how_often.group(0)} [hyppigheten beholdes bare hvis dere trenger "
                            "en fast hyppighet; ellers så ofte at resultatet holdes].")
            else:
                sentence = f"{subject} skal {clause}." if verb_first else f"{subject} skal ha {clause}."
            # «lagre nøyaktig 99 målinger»: an exact count becomes the least that meets the need
            sentence = re.sub(r"(?<!\w)(?:nøyaktig|eksakt)\s+(?=\d)", "minst ", sentence, flags=re.IGNORECASE)
            cleaned = clean(sentence)
            if cleaned and target.number in {normal_number(x.group(0)) for x in TARGET.finditer(cleaned)} \
                    and not _NAME_LEFT.search(cleaned.split(" ", 1)[-1]):
                return cleaned
    # the number with the words that say what it counts («to ganger per dag», not «to»); a clause that still names a
    # product («… Buzz Cargo med 79 kWh batteri») is never copied into a requirement
    return figure_requirement(text, target)


def _having(clause: str, text: str, start: int, target: Target) -> str:
    """«Vi skal kjøpe 12 elbiler med rekkevidde 520 km»: the buying is the buyer's, never the delivery's («Løsningen skal
    kjøpe …»); what the things must have follows «med». '' when the target is not in that part."""
    having = re.search(r"\s(?:med|som\s+har)\s+(.+)$", clause)
    if having is None or text.find(having.group(1), start) > target.start:
        return ""
    return having.group(1)


# A time of day or a window of hours («mellom kl. 07 og 09», «før kl. 8», «fra 22 til 06»): when the work is done or the
# service open, not a figure of a product.
_CLOCK = re.compile(r"(?<!\w)(?:(?:mellom|fra|før|innen|etter|senest|fra\s+og\s+med)\s+)?(?:kl\.?|klokka|klokken)\s*"
                    r"\d{1,2}(?:[.:]\d{2})?(?:\s*(?:og|til|[-–])\s*(?:kl\.?\s*)?\d{1,2}(?:[.:]\d{2})?)?"
                    r"|(?<![\w.,])(?:(?:mellom|fra)\s+)?\d{1,2}[.:]\d{2}\s*(?:og|til|[-–])\s*\d{1,2}[.:]\d{2}(?![\d.,]\d)",
                    re.IGNORECASE)
# A service that is open or staffed in the hours, rather than work done in them.
_OPEN_HOURS = re.compile(r"(?<!\w)(?:åpen|åpent|åpne|åpningstid\w*|tilgjengelig\w*|bemannet|betjent|vakt\w*|"
                         r"svare|besvares|nås)(?!\w)", re.IGNORECASE)


def clock_span(text: str, target: Target) -> str:
    """The time of day or window of hours the target is part of («mellom kl. 07 og 09»), or ''."""
    return next((c.group(0).strip() for c in _CLOCK.finditer(text) if c.start() <= target.start < c.end()), "")


# Goods brought to the buyer in the hours («levere varene mellom kl. 07 og 10»): when deliveries can be received.
_DELIVERED_IN = re.compile(r"(?<!\w)(?:levere\w*|levering\w*|utkjøring\w*|varemottak\w*)(?!\w)", re.IGNORECASE)


def clock_requirement(text: str, hours: str) -> str:
    """A time of day or window of hours as what it is: an operational requirement on when the service is open or the
    work done. It may well be needed (rooms clean before the users come, no noise in opening hours), so it is kept,
    with what it is for asked; how the work is done is left to the supplier."""
    if _DELIVERED_IN.search(text):
        return (f"Leveransene skal komme fram {hours} [et krav om når varene kan tas imot: juster tidsrommet til når det "
                "er folk og plass til å ta imot dem], kontrollert mot [ordrebekreftelse og mottakslogg].")
    if _OPEN_HOURS.search(text):
        return (f"Tjenesten skal være tilgjengelig for brukerne {hours} [et krav om når tjenesten er åpen: juster "
                "tidsrommet til når brukerne trenger den], kontrollert mot [åpningstider, vaktplan og logg over henvendelser].")
    return (f"Arbeidet skal være utført {hours} [et krav om når arbeidet gjøres: behold tidsrommet hvis lokalene må være "
            "ferdige før brukerne kommer eller arbeidet ikke må forstyrre dem, og skriv hvorfor], kontrollert mot "
            "[timelister eller elektronisk logg over utført arbeid].")


# What a number measures, by its unit: the quantity a need-stated requirement names instead of today's figure.
_QUANTITIES = (
    (re.compile(r"\d\s*(?:mm|cm|m|km)\s*/\s*\w+", re.I), "Hastigheten", "hastighet"),
    (re.compile(r"\d\s*(?:l|liter|m³|m3)\s*/\s*\w+", re.I), "Kapasiteten", "kapasitet"),
    (re.compile(r"lumen|\blm\b|lux", re.I), "Lysmengden", "lysmengde"),
    (re.compile(r"\d\s*K\b"), "Lysfargen", "lysfarge"),
    (re.compile(r"kW/\(?m[³3]/s", re.I), "Den spesifikke vifteeffekten (SFP)", "spesifikk vifteeffekt"),
    (re.compile(r"kWh|Wh|mAh", re.I), "Energien eller driftstiden", "driftstid eller rekkevidde"),
    (re.compile(r"\d\s*(?:kW|W|kVA|hk)\b", re.I), "Ytelsen", "ytelse"),
    (re.compile(r"%|prosent", re.I), "Andelen", "andel"),
    (re.compile(r"°C|grader", re.I), "Temperaturen", "temperatur"),
    (re.compile(r"\d\s*(?:mm|cm|m|meter)\b", re.I), "Målene", "størrelse"),
    (re.compile(r"\d\s*(?:kg|g|tonn)\b", re.I), "Vekten", "vekt"),
    (re.compile(r"dB\b"), "Lydnivået", "lydnivå"),
    (re.compile(r"\d\s*(?:liter|l|m³|m3)\b", re.I), "Kapasiteten", "kapasitet"),
    (re.compile(r"\d\s*(?:[µμu]l|ml)\b", re.I), "Mengden", "mengde"),
    (re.compile(r"ganger|hver(?:t)?\s+(?:dag|uke|måned)", re.I), "Hyppigheten", "hyppighet"),
    (re.compile(r"sekund\w*|minutt\w*|time\w*|dager|døgn|uker|måneder|år\b|\d\s*(?:min|sek)\b", re.I), "Tiden", "tid"),
)
# A bound the buyer put on the value («minst 500 lux», «høyst 1,1 %»): a stated target, kept as a requirement.
_BOUND_BEFORE = re.compile(r"(?<!\w)(?:minst|minimum|min\.|høyst|maks\w*|max\.?|inntil|opptil|under|over|mer\s+enn|"
                           r"mindre\s+enn|ikke\s+(?:mer|mindre)\s+enn)\s+(?:på\s+)?$|[≥≤<>]\s*$", re.IGNORECASE)


def quantity_of(text: str, target: Target) -> tuple[str, str]:
    """(subject, noun) for what the target measures, read from its unit: («Lysmengden», «lysmengde») for «5 400 lumen»;
    («Verdien», «verdi») when the unit says nothing."""
    quoted = _quoted_target(text, target)
    for pattern, subject, noun in _QUANTITIES:
        if pattern.search(quoted):
            return subject, noun
    return "Verdien", "verdi"


def is_stated_target(text: str, target: Target) -> bool:
    """Whether the buyer bounded the value («minst 500 lux», «høyst 1,1 %»): a target, not a description of a product."""
    return bool(_BOUND_BEFORE.search(text[max(0, target.start - 25):target.start]))


# How a bounded value is checked: a frequency or a time of a service by the plan and the supplier's reports, not by a
# data sheet («minst to ganger per uke»); a product figure by data sheet, calculation or measurement.
_BOUND_VERIFIED = {"Hyppigheten": "dokumentert med plan og rapportert av leverandøren",
                   "Tiden": "dokumentert med plan og kontrollert ved oppfølging av avtalen"}


# A count with thousands («1 800», «4 200») or a plain number right before a lower-case noun: what is counted.
# A plural adjective before the noun («12 000 smarte vannmålere») is taken with it: it never counts alone.
_COUNTED_QUANTITY = re.compile(r"(\d{1,3}(?:[  ]\d{3})+|\d+)\s+((?:[a-zæøå]+e\s+(?=[a-zæøå][a-zæøå\-]{3,}(?![\w/])))?"
                               r"[a-zæøå][a-zæøå\-]{3,})(?![\w/])")
# Words after a number that are units or measures, not things counted.
_UNIT_WORD = re.compile(r"(?:liter|meter|tonn|timer?|minutt\w*|sekund\w*|dager|døgn|uker|måneder|år|grader|prosent|"
                        r"kroner|watt|lumen|lux|ganger|stk|kilo\w*|milli\w*|centi\w*|tommer|bar|volt)", re.IGNORECASE)


def figure_requirement(text: str, target: Target) -> str:
    """A requirement for a number no clause of the original could carry. A bounded value («høyst 1,1 %») is the buyer's
    target and stands as one; a bare value beside a product («lysfluks 5 400 lumen») describes today's product, so what
    the number is for is required instead and the number is named as today's, not as a target."""
    quoted = _quoted_target(text, target)
    held = existing_fit(text, target.start, target.text)
    if held:
        return held
    counted = _COUNTED_QUANTITY.match(text, target.start)
    if counted and not _UNIT_WORD.fullmatch(counted.group(2).split()[-1]):
        # «1 800 elevmaskiner», «4 200 brukere»: a number of things bought or of people covered is a quantity, never
        # a value without a function
        amount = f"{counted.group(1)} {counted.group(2)}"
        if PEOPLE.fullmatch(counted.group(2).split()[-1]):
            return (f"Leveransen skal dekke {amount} [juster etter behovet], kontrollert mot oversikten over brukerne "
                    "ved oppstart.")
        return f"Leveransen skal omfatte {amount} [juster antallet etter behovet], kontrollert ved levering."
    subject, noun = quantity_of(text, target)
    bound = _BOUND_BEFORE.search(text[max(0, target.start - 25):target.start])
    if bound:
        return (f"{subject} skal være {bound.group(0).strip()} {quoted} [skriv hva verdien gjelder og hvorfor den trengs], "
                f"{_BOUND_VERIFIED.get(subject, 'dokumentert med datablad, beregning eller måling')}.")
    return (f"{subject} skal dekke det brukerne og stedet trenger [skriv hvilken {noun} og hvorfor; dagens «{quoted}» "
            "beskriver dagens løsning og er ikke et krav i seg selv], dokumentert med datablad, beregning eller utprøving.")


def figure_question(text: str, target: Target) -> str:
    """The buyer's question for a number that describes today's product: which value the need calls for, and why."""
    _, noun = quantity_of(text, target)
    return (f"Hvilken {noun} trenger dere, og hvorfor? «{_quoted_target(text, target)}» beskriver dagens produkt; skriv "
            "behovet bak tallet (hvem, hvor, hva som skal oppnås), så blir det et ytelseskrav.")


_MODAL = re.compile(r"(?<!\w)(?:skal|må|bør|shall|must)(?!\w)", re.IGNORECASE)


def _describes_product(text: str, target: Target, matches: list[Match]) -> bool:
    """Whether an unbounded number belongs to a named product: it stands in the clause that names a brand or model, or
    in the clauses after it that add no verb of their own («… skal være Glamox X med lysfluks 3 800 lumen og
    fargetemperatur 3000 K»). «… og bilene skal ha 5 seter» has its own verb: a need of the buyer's, not the product's."""
    if is_stated_target(text, target) or quantity_of(text, target)[0] in {"Tiden", "Hyppigheten", "Verdien"}:
        return False  # a time, a frequency or a bare count is the buyer's, never the product's data
    named = [(h.start, h.end) for h in matches if h.category in {"brand", "model_type"} and h.severity != "low"]
    if not named:
        return False
    spans = _clauses(text)
    at = next((i for i, (s, e) in enumerate(spans) if s <= target.start < e), None)
    if at is None:
        return False
    for i in range(at, -1, -1):
        s, e = spans[i]
        if any(s <= a < e for a, _ in named):
            return True
        first = text[s:e].split(" ", 1)[0].lower()
        if i == at and (first in _CLAUSE_VERBS or re.fullmatch(r"[a-zæøå]{3,}es", first)):
            return False  # «… og leveres innen ti dager»: a verb of its own
        if _MODAL.search(text[s:e]) or (i < at and text[spans[i][1]:spans[i + 1][0]].strip().startswith(".")):
            return False
    return False


# The verb by which the subject is the buyer, not the thing bought.
_BUYER_VERB = re.compile(r"(?:kjøpe|anskaffe|leie|lease|bestille|ta\s+i\s+bruk)\b", re.IGNORECASE)


# A fixed attendance at the buyer's premises («sitte i våre lokaler i Drammen tre dager i uka», «være på kontoret vårt
# to dager per uke»).
_ATTENDANCE = re.compile(
    r"(?<!\w)(?:sitte|være(?:\s+til\s+stede)?|jobbe|arbeide|møte(?:\s+opp)?)\s+(?:i|på|hos)\s+(?:\w+\s+){0,2}?"
    r"(?:lokale\w*|kontor\w*|oss|stedet)\b[^,.;]{0,40}?"
    rf"(?P<days>(?:\d+|{NUMBER_WORDS})\s+dager?\s+(?:i|per|pr\.?)\s+(?:uka|uken|uke|måneden|måned))",
    re.IGNORECASE)


# A time window («mellom kl. 06 og 08», «fra 22 til 06»): quoted whole, not as «06 og 08 med».
_WINDOW_BEFORE = re.compile(r"(?:mellom|fra|between|from)\s+(?:kl\.?\s*)?$", re.IGNORECASE)
_WINDOW = re.compile(r"\d{1,2}(?:[.:]\d{2})?\s*(?:og|til|and|to|[-–])\s*(?:kl\.?\s*)?\d{1,2}(?:[.:]\d{2})?\b")
# Words that begin the next phrase («… 4 ganger med app og logg»): the quote stops before them, and does not end on a
# preposition either («… 08 i»).
_NEXT_PHRASE = re.compile(r"\s+(?:og|med|som|eller|and|with|or)\b.*$", re.IGNORECASE)
_OPEN_END = re.compile(r"(?:\s+(?:i|på|for|til|av|om|in|on|to|of))+$", re.IGNORECASE)


# A bare number: no unit of its own («5» in «5 stjerner», «07» in «kl. 07»).
_BARE_NUMBER = re.compile(rf"\d+(?:[.,]\d+)?|(?i:{NUMBER_WORDS})")
# The word after a bare number that says what it counts; a function word after it counts nothing («07 og 09»).
_COUNTED_WORD = re.compile(r"\s+(?:stk\.?\s+)?([^\W\d_][\w\-]*)")
_NOT_A_COUNTED_WORD = frozenset({"og", "eller", "til", "i", "på", "av", "med", "som", "for", "fra", "om", "skal", "må",
                                 "bør", "kan", "vil", "er", "har", "blir", "ved", "per", "pr", "hver", "hvert"})


def target_label(text: str, target: Target) -> str | None:
    """How a target is named to the buyer: with its unit («40 W»), a time window whole («mellom kl. 15 og 17»), a bare
    count with what it counts («4 stjerner», «12 års»); None for a bare number that counts nothing, which is no
    measurable value («07» of «kl. 07 og 09» outside a window)."""
    clock = clock_span(text, target)
    if clock:
        return clock
    if _WINDOW.match(text, target.start) and _WINDOW_BEFORE.search(text[:target.start]):
        return _quoted_target(text, target)
    if not _BARE_NUMBER.fullmatch(target.text):
        return target.text
    if re.search(r"(?<!\w)kl\.?\s*$", text[:target.start], re.IGNORECASE):
        return f"kl. {target.text}"  # a time of day: when something is done, named as such
    before = max(0, target.start - 50)
    label = _LABEL_BEFORE_BOUND.search(text[before:target.start])
    counted = _COUNTED_WORD.match(text, target.end)
    if label and not _NOT_LABEL.fullmatch(label.group(1)) and not _PROPER_NAME.fullmatch(label.group(1)) \
            and not (counted and counted.group(1)[:1].islower() and counted.group(1).lower() not in _NOT_A_COUNTED_WORD):
        # «SCOP på minst 4,5»: a bounded value, named by what it measures; not a name before it («laks fra Lerøy minst
        # to ganger per uke»: what the number counts follows it)
        return text[before + label.start():target.end]
    # what is counted: the first lower-case word, past «nye» and a maker's name or model («fire Toyota Proace biler»)
    end = target.end
    while (word := _COUNTED_WORD.match(text, end)) is not None:
        noun = word.group(1)
        if noun.lower() in _NOT_A_COUNTED_WORD:
            return None
        if noun.lower() not in {"ny", "nye", "nytt"} and not noun[:1].isupper() and not re.search(r"\d", noun) \
                and not _ADJECTIVE_ONLY.fullmatch(noun):
            return f"{target.text} {noun}"
        end = word.end()
    return None


def _quoted_target(text: str, target: Target) -> str:
    """The target with the words that say what it counts («to ganger per dag», not «to»), a time window whole, and
    never ending on a word that begins the next phrase."""
    before = _WINDOW_BEFORE.search(text[:target.start])
    window = _WINDOW.match(text, target.start)
    if window:
        return ((before.group(0) if before else "") + window.group(0)).strip()
    quoted = re.match(r"\S+(?:\s+[^\s,.;:()]+){0,3}", text[target.start:])
    # a negative value keeps its sign («ned til -9 °C» is not 9 °C)
    sign = "-" if re.search(r"(?:^|\s)[-−]$", text[max(0, target.start - 2):target.start]) else ""
    return sign + _OPEN_END.sub("", _NEXT_PHRASE.sub("", quoted.group(0))) if quoted else target.text




# The lower-case noun (with an adjective before it) after a named product and the codes and names that follow it
# («Peugeot e-Expert varebiler»): what the count counts.
_NOUN_AFTER = re.compile(r"(?:\s+(?:\d+\w*|\S*[A-ZÆØÅ]\S*))*\s+((?:[a-zæøå]+e\s+)?[a-zæøå][a-zæøå\-]{2,})(?![\w\-])")
_NOT_NOUNS = {"til", "for", "med", "som", "skal", "og", "eller", "fra", "i", "på", "av", "ved", "der", "hvor", "må", "bør",
              "kan", "vil", "er", "har", "modell", "modellen", "serien", "type", "typen"}


# A lone adjective after a model name («fire Toyota Proace elektriske»): how they are, not what is counted.
_ADJECTIVE_ONLY = re.compile(r"[a-zæøå]+(?:isk|ig|lig|bar|som|ert|ent|ell|ende)e", re.IGNORECASE)


def _count_requirement(text: str, matches: list[Match]) -> str:
    """«Leveransen skal omfatte 40 bærbare PC-er.» when the original buys a count of a named product."""
    refs = [h for h in matches if h.category in {"brand", "model_type", "product_named"} and h.severity != "low"]
    if not refs:
        return ""
    first = min(refs, key=lambda h: h.start)
    m = re.search(rf"((?:\d{{1,3}}(?:[  ]\d{{3}})+|\d+)|{NUMBER_WORDS})\s*(?:stk\.?\s*)?(?:nye\s+|en\s+|et\s+)?$",
                  text[:first.start], re.IGNORECASE)
    if not m:
        return ""
    _, product = _function_of(matches, text)
    last = max((h for h in refs if h.start >= first.start), key=lambda h: h.end)
    after = _NOUN_AFTER.match(text, last.end)
    if after and after.group(1).lower() not in _NOT_NOUNS and not _ADJECTIVE_ONLY.fullmatch(after.group(1)):
        # «60 Nokian Hakkapeliitta 10 piggdekk»: the text's own noun after the name says what is counted
        return f"Leveransen skal omfatte {m.group(1)} {after.group(1)} [juster antallet etter behovet], kontrollert ved levering."
    if any(h.category == "product_named" for h in matches):
        # The product itself is the problem: keep the number, let the buyer say what it measures.
        return (f"Leveransen skal dekke behovet til {m.group(1)} brukere [juster tallet, og skriv om det gjelder brukere, rom "
                "eller enheter], kontrollert ved levering.")
    domains = _brand_domains(matches)
    noun = plural(product) if product else CATEGORY_OBJECTS.get(domains[0] if domains else "", "enheter")
    return f"Leveransen skal omfatte {m.group(1)} {noun} [juster antallet etter behovet], kontrollert ved levering."


_SENTENCE_BREAK = re.compile(r"(?<!stk)(?<!ca)(?<!nr)(?<!kr)(?<!bl\.a)[.!?;]\s+(?=[A-ZÆØÅ0-9«])")
# What a cut leaves when it splices two clauses: a copula or «ha» with nothing after it, two verbs in a row («skal
# ha montere»), a verb running into a new subject («skal være sorteringsanlegget skal»), a lone sign («være + 260»).
_DANGLING = re.compile(r"(?<!\w)(?:skal|må|bør|kan)\s+(?:være|ha|bli)\s*(?:[,.;:]|$)", re.IGNORECASE)
_SPLICED = re.compile(
    r"(?<!\w)(?:skal|må|bør|kan)\s+(?:være|ha|bli)\s*[,;:]"
    r"|(?<!\w)(?:skal|må|bør|kan)\s+(?:være|ha)\s+(?:[a-zæøå]+e)\s+(?:\d|[a-zæøå]+e\b)"
    r"|(?<!\w)(?:skal|må|bør)\s+(?:være|ha)\s+\S+\s+(?:skal|må|bør)(?!\w)"
    r"|(?:^|\s)[+&/–-](?:\s|$)"
    r"|(?<!\w)(?:og|eller|med|fra|av|etter|i|til)\s*[,.;]",
    re.IGNORECASE)


def _first_sentence_end(text: str) -> int:
    """Where the first sentence of `text` ends (the whole length when it has one)."""
    m = _SENTENCE_BREAK.search(text)
    return m.start() + 1 if m else len(text)


def cut_up(original: str, neutral: str, whole: bool = True) -> bool:
    """Whether `neutral` (the original with the flagged words taken out) is a spliced sentence rather than the buyer's
    own sentence shortened: a cut across a comma, a semicolon or a sentence, or a splice that leaves a dangling verb,
    two verbs in a row or a lone sign. A sentence kept from the buyer is kept whole or not at all."""
    before = re.findall(r"\w[\w\-]*|[^\w\s]", original)
    after = re.findall(r"\w[\w\-]*|[^\w\s]", neutral)
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag in {"delete", "replace"} and any(token in {",", ";", ".", ":"} for token in before[i1:i2]) \
                and i2 < len(before) - 1:
            return True
    # `whole`: the sentence is to stand as a requirement, so a verb left with nothing after it («Takrennene skal være.»)
    # is no requirement either; a need may still be built on its subject
    return (bool(_SPLICED.search(neutral)) and not _SPLICED.search(original)) \
        or (whole and bool(_DANGLING.search(neutral)) and not _DANGLING.search(original))


def _without_buyer_acts(neutral: str) -> str:
    """The neutral text without the sentences in which the buyer describes its own act («Kommunen skal bytte ut …»):
    context for the need, not a requirement on the delivery."""
    if not neutral:
        return neutral
    kept = []
    for sentence in re.split(r"(?<=[.;!?])\s+", neutral):
        m = re.match(r"\s*(\w+)\s+(?:skal|vil|må|ønsker|planlegger)\b", sentence)
        subject = m.group(1) if m else ""
        if m and BUYER_SUBJECT.match(subject) and subject.lower() not in {"det", "den", "de", "dere"}:
            continue
        if m and _BUYER_ACT.match(sentence, m.end()) and not _SUPPLIER_SUBJECT.match(subject):
            continue  # «Sektoren skal bytte ut skiltene»: the buyer's own project, not what the delivery must do
        kept.append(sentence)
    return " ".join(kept)


# What the buyer does with the purchase («skal bytte ut», «skal anskaffe»), said by a subject that is not the supplier.
_BUYER_ACT = re.compile(r"\s+(?:(?:bytte|skifte)\s+ut|anskaffe|kjøpe\s+inn|kjøpe|erstatte|fornye|rehabilitere)\b",
                        re.IGNORECASE)
_SUPPLIER_SUBJECT = re.compile(r"(?:leverandør|tilbyder|entreprenør|montør|konsulent|rådgiver|kontraktør|installatør)\w*$",
                               re.IGNORECASE)


def _without_replacements(changes: list[str]) -> list[str]:
    """The change notes when a purchase type's requirements replace the neutral sentence: a brand is then removed, not
    «byttet ut med «varebil»», since the draft has no such word to point to."""
    return [re.sub(r"^(«[^»]+») er byttet ut med «[^»]+» \(", r"\1 er fjernet; kravene beskriver hva som trengs i stedet (", c)
            for c in changes]


def draft_offline(text: str, matches: list[Match], targets: list[Target],
                  nearest: list[tuple[Example, float]], ptype: PurchaseType | None = None,
                  bought: PurchaseObject | None = None,
                  tied: list[PurchaseType] | None = None, unread: bool = False) -> dict[str, list[str] | str]:
    """The deterministic draft: need statement, requirements, market questions, buyer questions and notes.

    `unread`: the caller could read no object and no service in the text. A maker named alone («Vi trenger en
    Husqvarna») then says nothing about what is bought: no requirements from the maker's line of business, and the
    first question asks what it is.

    `tied` are purchase types the text fits equally well (found on the same words): no template is used, and the
    buyer is asked which of them it is.

    With a purchase type the need names who it is for and the outcome, and the requirements are the type's functional
    requirements plus one per technical value of the original, each saying how it is verified. Without one the draft
    falls back on the requirement's own wording and says what it needs to know."""
    notes = [DRAFT_NOTE]
    categories = {h.category for h in matches if h.severity != "low"}
    if not categories:
        notes.append("Analysen fant bare henvisninger som kan være lovlige (for eksempel kompatibilitet med det dere har); "
                     "utkastet strukturerer kravet." if matches else
                     "Analysen fant ingen løsningsbundne formuleringer; utkastet strukturerer bare kravet.")
    neutral, changes = neutralize(text, matches)
    notes.extend(changes if ptype is None else _without_replacements(changes))
    function, _ = _function_of(matches, text)
    # what the delivery must work with that the buyer has is kept as it is (kept_requirements): its sizes are not values
    fits = fit_spans(text, matches)
    flagged = [(h.start, h.end) for h in matches if h.category in {"brand", "model_type", "missing_or_equivalent", "supplier"}]
    flagged += fits
    values = value_requirements(text, flagged, ptype.values if ptype is not None else ())
    values = [*building_item_requirements(text, values), *values]

    need = ""
    if ptype is not None:
        need = renewal_filled(_fit_need(ptype.need, text), text)
        notes.append(f"Behov og krav bygger på innkjøpstypen «{ptype.id}» ({ptype.domain}); tilpass dem til dere.")
    elif nearest and nearest[0][1] >= BORROW_NEED_AT:
        example = nearest[0][0]
        numbers_ok = not missing_targets(measurable_targets(example.need_statement, []), [text])
        if numbers_ok and passes(example.need_statement):
            need = example.need_statement
            notes.append(f"Behovsbeskrivelsen er hentet fra det lignende eksempelet {example.id}; tilpass den til dere.")
    if not need:
        specs_only = bool(categories & {"tailoring", "material_dimension_method"}) and not categories & {"same_as_current"}
        # a required approval is proof, not a need: the need is what the approval would show
        specs_only = specs_only or any(h.kind == "approval" for h in matches if h.severity != "low")
        # the need is built from the first sentence only, and only when cutting the flagged words out left it whole:
        # a cut-up sentence («… skal være sorteringsanlegget skal ha …») pasted into the need says nothing true
        first_end = _first_sentence_end(text)
        first = neutralize(text[:first_end], [h for h in matches if h.end <= first_end])[0] if first_end < len(text) \
            else neutral
        first = "" if cut_up(text[:first_end], first, whole=False) else first
        base = _need_from(first, function, _context(text, matches), specs_only)
        need = (clean(_with_purpose(base)) or "") if base else ""
    local = distance_spans(text, matches)
    if ptype is None and local and (not need or "[beskriv behovet" in need
                                    or any(re.search(r"\d+\s*km", text[s:e]) and re.search(r"\d+\s*km", need)
                                           for s, e in local)):
        # a demand only on where the supplier is: what it is for is help on site in time
        need = ("Vi har behov for at leverandøren er på plass hos oss raskt nok når [utstyret, anlegget eller tjenesten] "
                "trenger det, slik at [driften ikke stopper – skriv hva som står på spill].")
    need = need or PLACEHOLDER_NEED

    requirements: list[str] = []
    neutral = _without_buyer_acts(neutral)
    if ptype is None and neutral and is_substantive(neutral) and "product_named" not in categories \
            and _norm(neutral) != _norm(text) and not cut_up(text, neutral) \
            and _first_sentence_end(neutral) >= len(neutral.rstrip()):
        # one sentence of the buyer's, left whole by taking the flagged words out; several sentences in one
        # requirement, or a sentence spliced across a cut, are never pasted back
        lead = _ACQUIRE_LEAD.match(neutral)
        requirements.append(f"Leveransen skal omfatte {neutral[lead.end():]}" if lead else neutral)
    count = _count_requirement(text, matches)
    if count and not any(count.split(" omfatte ")[1].split()[0] in r for r in requirements):
        requirements.append(count)
    requirements.extend(values)
    requirements.extend(rating_requirements(text))  # «5 stjerner i Euro NCAP»: a level kept whole, with equivalents
    # a prescribed method: the result it is to give, first
    requirements[:0] = method_requirements(text, matches)
    # a named approval the neutral sentence does not carry is kept as its own requirement, with what else counts
    requirements.extend(approval_requirements(text, matches, requirements))
    requirements.extend(colour_requirements(text, requirements))
    requirements.extend(kept_requirements(text, matches, requirements))
    own = kept_requirements(text, matches, [])  # all of them, also those the neutral sentence says: an LLM draft needs them
    strong = [(h.start, h.end) for h in matches if h.severity != "low"] + fits
    if not count:  # «200 mikrofiberkluter», «maks 30 sider»: the quantity and its direction are kept with or without a type
        requirements.extend(r for r in count_requirements(text, strong) if r not in requirements)
    else:  # the parts of each product counted beside the quantity bought («… skal ha 56 doseringsluker»): their capacity
        requirements.extend(r for r in count_requirements(text, strong)
                            if "er en egenskap ved produktet" in r and r not in requirements)
    # a certification or a product-specific experience demanded of the people: the competence behind it, first
    competence = certification_requirements(text, matches)
    requirements.extend(competence)
    if ptype is not None:
        requirements.extend(presence_requirements(matches))  # the finding's own replacement before the type's templates
        typed = [r for r in without_repeats(ptype.requirements, values) if not (competence and TYPE_COMPETENCE.search(r))]
        filled = fill_known(typed, text, matches)
        carried = {normal_number(t.text) for r, f in zip(typed, filled, strict=True) if r != f
                   for t in measurable_targets(f, [])}
        # a value the type's own requirement now carries (filled into its blank) needs no requirement of its own
        requirements = [r for r in requirements if r not in values or not carried
                        or not {normal_number(t.text) for t in measurable_targets(r, [])} <= carried]
        typed = filled
        # a count of seats the type's own requirement now carries needs no line of its own
        requirements = [r for r in requirements if not (r.startswith("Kjøretøyet skal ha plass til minst")
                                                        and any(r.split(" [")[0][12:] in t for t in typed))]
        # the functions the text names beside the product (a dock's one cable, studded tyres' grip, smoke alerts) are
        # kept when no requirement says them yet, before the type's general ones
        requirements.extend(function_requirements(text, requirements + typed, ptype.domain))
        requirements.extend(typed)
    else:
        if function:
            requirements.append(f"Løsningen skal gjøre det mulig {function}." if function.startswith("å ")
                                else f"Løsningen skal sikre {function}.")
        if nearest and nearest[0][1] >= BORROW_NEED_AT:
            # Near-identical example: its requirements are offered when they bring in no numbers of their own.
            requirements.extend(r for r in nearest[0][0].requirements if not measurable_targets(r, []))
        # a maker's line of business is a guess: with no type for an object the text names itself, the neutral wording
        maker = [] if (unread and ptype is None) or names_unknown_object(bought, text) else _brand_domains(matches)
        requirements.extend(category_requirements(categories, maker, matches, text))
        # no type: a maker in IT reads a dock as a PC's, anything else gets the general wording
        requirements.extend(function_requirements(text, requirements, "IT" if "IT" in maker else ""))
    names = list(dict.fromkeys(text[h.start:h.end].strip() for h in matches if h.category in {"brand", "model_type"}))
    maker_only = unread and ptype is None and not tied and bool(names)
    # a near example is no reading of a text that names only a maker
    questions = _market_questions(ptype, categories, matches, [] if maker_only else nearest, text)
    # a type that covers two things (windows and doors) or an old and a new building says only what the text buys
    need, requirements, questions = (_only_named(need, text), _all_named(requirements, text), _all_named(questions, text))
    # whether matching what the buyer has is needed goes first: it decides whether the type's questions apply at all
    buyer = buyer_questions(text, matches, targets, ptype.buyer_questions if ptype is not None else ())
    buyer = _all_named(buyer, text)
    _weight_questions(requirements, questions, buyer)
    _local_presence(text, matches, targets, requirements, buyer, notes)
    need = _membership(text, need, requirements, buyer, notes)
    need = _fixed_attendance(text, matches, targets, need, requirements)
    platform_notes(text, matches, buyer, notes)
    # software is bought as licences (goods) but is no equipment: no sample unit to connect, the solution is tested
    interface = _add_interface(text, matches, "software" if ptype is not None and ptype.domain == _SOFTWARE_DOMAIN
                               else _kind_of(ptype, bought), requirements, buyer, notes)
    _ask_which(tied or [] if ptype is None else [], buyer, notes)
    if bought is not None and not bought.is_certain:
        buyer.insert(0, f"Er det riktig at dere kjøper {KIND_LABELS[bought.kind]} («{bought.phrase}»)? Hvis ikke, skriv hva "
                        "som skal leveres, så bygger behov og krav på det.")
    _ask_what_is_bought(names if maker_only else [], buyer, notes)
    if ptype is None and not categories:
        notes.append("For å skrive behovsbaserte krav trenger vi å vite hvem som skal bruke løsningen, hvilket problem den "
                     "skal løse, og hvordan dere vil måle at det er løst.")
    return {"need_statement": need, "functional_requirements": requirements, "market_questions": questions,
            "questions_for_buyer": buyer, "notes": notes, "interface_requirement": interface,
            # the buyer's own lawful requirements: never trimmed away for a template's
            "kept_requirements": own,
            # the climate requirement fitted like the type's others: a door purchase gets no windows' U-value
            "climate_requirement": _only_named(ptype.climate, text) if ptype is not None else ""}


def _weight_questions(requirements: list[str], market: list[str], buyer: list[str]) -> None:
    """A product's exact weight that became what the weight is for (WEIGHT_PURPOSE): the range is asked of the market
    and what the weight must secure of the buyer, first."""
    weight = next((r for r in requirements if r.startswith(WEIGHT_PURPOSE.split("[", 1)[0])), "")
    if weight:
        figure = re.search(r"\[dagens (.+?) er et utgangspunkt", weight)
        market.insert(0, WEIGHT_MARKET_QUESTION)
        buyer.insert(0, WEIGHT_BUYER_QUESTION.format(value=figure.group(1) if figure else "vekten"))


def _local_presence(text: str, matches: list[Match], targets: list[Target], requirements: list[str], buyer: list[str],
                    notes: list[str]) -> None:
    """A distance to the buyer («servicekontor maks 40 km fra sykehjemmet») becomes a response time, first among the
    requirements, and a copy of its clause goes; a distance the analyzer did not name gets the same question and note
    as one it did."""
    spans = distance_spans(text, matches)
    distance = [target_requirement(text, t, matches) for t in targets if any(s <= t.start < e for s, e in spans)]
    if distance:
        requirements[:] = [distance[0], *(r for r in requirements if not _same_clause(r, text, spans))]
    for s, e in spans:
        if any(h.start == s for h in matches):
            continue
        span = text[s:e].strip()
        if _LOCAL_SUPPLIER.fullmatch(span):
            # where the supplier is: what nearness is for (fresh goods, a delivery time) is asked, not a response time
            buyer.insert(0, f"Hvorfor må leveransen komme «{span}»? Krav om hvor leverandøren holder til, favoriserer "
                            "lokale leverandører og må være nødvendig og forholdsmessig (LOA § 4); skriv heller hva "
                            "nærheten skal sikre, for eksempel ferske varer, leveringstid eller responstid.")
            notes.append(f"«{span}» sier hvor leverandøren holder til og er ikke tatt med som krav: det favoriserer lokale "
                         "leverandører; kravene sier i stedet hva leveransen skal oppnå.")
            continue
        buyer.insert(0, f"Hvorfor må leverandøren ha «{span}»? Krav om hvor leverandøren holder til, favoriserer lokale "
                        "leverandører og må være nødvendig og forholdsmessig (LOA § 4); skriv heller hvor raskt dere "
                        "trenger svar og oppmøte.")
        notes.append(f"«{span}» er et krav om hvor leverandøren holder til og er tatt ut: det favoriserer lokale "
                     "leverandører og kan være diskriminerende; kravet om responstid sier hva avstanden skulle sikre.")


# Membership of a named association demanded of the supplier («være medlem av Maskinentreprenørenes Forbund»,
# «medlemskap i X»): what the supplier is, not what is delivered.
_MEMBERSHIP = re.compile(r"(?<!\w)(?:(?:være|er|bli)\s+medlem(?:mer)?\s+(?:av|i)|medlemskap\s+i)\s+"
                         r"(?P<org>[^,.;]{2,80}?)(?=\s+og\s+|\s+eller\s+|[,.;]|$)", re.IGNORECASE)


def _membership(text: str, need: str, requirements: list[str], buyer: list[str], notes: list[str]) -> str:
    """A demanded membership becomes what it was meant to secure (competence, approvals, a safety system), with the
    membership accepted as one way to show it; the buyer is asked what it is for. A need that only restates the
    membership names what is bought instead. Returns the need."""
    m = _MEMBERSHIP.search(text)
    if m is None:
        return need
    org = m.group("org").strip()
    requirements[:] = [r for r in requirements if not re.search(r"medlem", r, re.IGNORECASE)]
    requirements.insert(0, "Leverandøren skal ha [det medlemskapet skulle sikre, f.eks. fagkompetanse, godkjenninger, et "
                           "system for kvalitet og HMS eller forsikring], dokumentert med sertifikater, godkjenninger eller "
                           f"referanser; medlemskap i {org} godtas som én måte å vise det på, men kreves ikke.")
    buyer.insert(0, f"Hva skal medlemskapet i «{org}» sikre? Et krav om medlemskap i en bestemt forening stenger ute "
                    "leverandører som oppfyller det samme på andre måter, og må være nødvendig og forholdsmessig (LOA § 4); "
                    "skriv det medlemskapet skal sikre som krav.")
    notes.append(f"Kravet om medlemskap i «{org}» er gjort om til et krav om det medlemskapet skal sikre.")
    if re.search(r"medlem", need, re.IGNORECASE):
        return ("Vi har behov for at [oppdraget eller leveransen – skriv hva som kjøpes] blir utført av folk med den "
                "kompetansen og de godkjenningene det krever, slik at [arbeidet blir trygt og riktig utført – skriv hva som "
                "står på spill].")
    return need


def _fixed_attendance(text: str, matches: list[Match], targets: list[Target], need: str, requirements: list[str]) -> str:
    """A fixed attendance at the buyer's premises («sitte i lokalene våre tre dager i uka») is a demand on where the work
    is done: the requirement saying when presence is needed goes first, a copy of the days goes, and a need that only
    repeats them says what presence is for. Returns the need."""
    attendance = _ATTENDANCE.search(text)
    if attendance is None:
        return need
    days = _norm(attendance.group("days"))
    kept = [target_requirement(text, t, matches) for t in targets if attendance.start() <= t.start < attendance.end()]
    requirements[:] = [*kept[:1], *(r for r in requirements if days not in _norm(r))]
    if days in _norm(need):
        return ("Vi har behov for at de som utfører oppdraget, er tilgjengelige for de ansatte og møter hos oss når "
                "oppgavene krever det, slik at [hva som skal oppnås – skriv hva oppdraget skal gi dere].")
    return need


def _same_clause(requirement: str, text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether a requirement repeats the clause of the original that holds a distance to the buyer."""
    return any(_norm(text[s:e]) in _norm(requirement) for s, e in spans)


_SOFTWARE_DOMAIN = "IT-systemer og programvare"


def _kind_of(ptype: PurchaseType | None, bought: PurchaseObject | None) -> str:
    """What is bought: the text's own certain reading, else the purchase type's only kind, else the assumed reading."""
    if bought is not None and bought.is_certain:
        return bought.kind
    if ptype is not None and len(ptype.kinds) == 1:
        return ptype.kinds[0]
    return bought.kind if bought is not None else ""


_OPEN_INTERFACE = re.compile(r"åpent grensesnitt|åpen protokoll|åpen, dokumentert protokoll", re.IGNORECASE)


def _add_interface(text: str, matches: list[Match], kind: str, requirements: list[str], buyer: list[str],
                   notes: list[str]) -> str:
    """What the delivery must fit (docks, a control system, today's alarm receiver) as an interface requirement, put
    first since it is the one need the original states outright; the buyer is then asked what it must fit and why,
    not whether a fit is needed. Returns the requirement ('' when there is nothing to fit)."""
    goods = kind == "goods"
    interface, note = interface_requirement(text, matches, "Utstyret" if goods else "Løsningen", goods)
    if not interface:
        return ""
    # the type's own interface requirement («… gjennom en åpen protokoll») says the same with less of the original
    requirements[:] = [r for r in requirements if not _OPEN_INTERFACE.search(r)]
    requirements.insert(0, interface)
    # what the interface keeps is not also «fjernet»: the note says what happened to it in the end
    kept = re.match(r"«[^»]+»", note)
    if kept:
        notes[:] = [n for n in notes if not n.startswith(f"{kept.group(0)} er fjernet")]
    notes.append(note)
    buyer[:] = [q for q in buyer if not q.startswith("Trengs det virkelig at leveransen")]
    system = integration_system(text, matches)
    if system:
        # the named system stays in the requirement: the buyer describes it, so that suppliers can price and test
        buyer.insert(0, f"Hvilken versjon av «{system}» har dere, og hvilke grensesnitt (API, filformater, "
                        "standarder) har den? Beskriv det i et vedlegg, så kan leverandørene prise og teste integrasjonen.")
        return interface
    if not any(r.is_conditional for r in find_references(text, matches)):  # a named system has its own question
        buyer.insert(0, "Hva må leveransen virke med (navn, versjon og grensesnitt), og hvorfor kan det ikke byttes uten "
                        "urimelig kostnad? Skriv begrunnelsen i anskaffelsesdokumentene.")
    return interface


# A type's need names pupils where the same product serves schools and offices; without a word of school in the
# text, the need is about the staff only («elevene» in a need for office chairs was never said).
_SCHOOL = re.compile(r"skole|elev|klasse|undervisning|lærer|barnehage|student|læring", re.IGNORECASE)
_WITHOUT_PUPILS = (("de ansatte og elevene", "de ansatte"), ("elevene og de ansatte", "de ansatte"),
                   ("ansatte, elever og gjester", "ansatte og gjester"), ("elever, ansatte og besøkende", "ansatte og besøkende"),
                   ("arbeide og lære", "arbeide"), ("arbeider, lærer og oppholder seg", "arbeider og oppholder seg"),
                   ("møter og undervisning", "møter"),
                   ("elever og brukere mellom hjem, skole og dagsenter", "brukerne mellom hjem og [målet for reisen, f.eks. "
                    "dagsenter eller arbeid]"))


# The things a purchase type covers together (windows and doors): a text that names only one of them gets templates
# about that one, never requirements on the other («Dørene skal …» in a window purchase). Each entry: the word of the
# thing in the text, the word of the other, and (joint wording, wording for this thing alone) pairs.
_PAIRED = (
    (re.compile(r"vindu", re.I), re.compile(r"(?<!vin)dør|port(?:en|er|ene)?\b", re.I),
     (("vinduer og dører", "vinduer"), ("Vinduene og dørene", "Vinduene"), ("vinduer og dører gjelder", "vinduer gjelder"))),
    (re.compile(r"(?<!vin)dør|port(?:en|er|ene)?\b", re.I), re.compile(r"vindu", re.I),
     (("vinduer og dører", "dører"), ("Vinduene og dørene", "Dørene"), ("slipper inn dagslys, ", ""),
      ("Vinduene skal ha en U-verdi", "Dørene skal ha en U-verdi"), (" for hele vinduet", " for hele døren"))),
)
# The other thing of a pair as the subject of a requirement: the requirement is about it alone.
_OTHER_SUBJECT = {"vindu": re.compile(r"^Dørene\b"), "dør": re.compile(r"^Vinduene\b(?! og)")}
# A new building: nothing old is replaced, removed or protected.
_NEW_BUILDING = re.compile(r"(?<!\w)(?:nye?|nytt|nybygg\w*|nyoppført\w*)(?!\w)", re.I)
_OLD_BUILDING_WORDS = (("prise utskiftingen", "prise leveransen"), ("montering og fjerning av de gamle", "montering"),
                       (", og er det krav fra antikvariske myndigheter eller reguleringsplanen", ", og er det krav i "
                        "reguleringsplanen"))


def _all_named(sentences: list[str], text: str) -> list[str]:
    """The sentences fitted to what the text names (_only_named), without those about what it does not buy."""
    return [s for s in (_only_named(s, text) for s in sentences) if s]


def _only_named(sentence: str, text: str) -> str:
    """A template sentence fitted to what the text names: only windows or only doors where the type covers both, and
    no replacement of old parts in a new building; '' when the sentence is about the thing the text does not buy."""
    for named, other, wordings in _PAIRED:
        if named.search(text) and not other.search(text):
            key = "vindu" if named.pattern.startswith("vindu") else "dør"
            for joint, alone in wordings:  # first: a requirement that holds for both is reworded, not dropped
                sentence = sentence.replace(joint, alone)
            if _OTHER_SUBJECT[key].search(sentence):
                return ""
    if _NEW_BUILDING.search(text):
        for old, new in _OLD_BUILDING_WORDS:
            sentence = sentence.replace(old, new)
    return sentence


# A service or unit of the buyer the text names («vaktmestertjenesten», «parkavdelingen»), for a need's blank for it.
_SERVICE_NAMED = re.compile(r"(?<!\w)[a-zæøå]{3,}(?:tjenesten|avdelingen|etaten|vesenet)(?!\w)", re.IGNORECASE)
_SERVICE_BLANK = re.compile(r"\[skriv hvilken tjeneste[^\]]*\]")


def _fit_need(need: str, text: str) -> str:
    """The type's need statement for the users the text names, without pupils where it says nothing of a school."""
    need = fill_who(need, text)
    service = _SERVICE_NAMED.search(text)
    if service:  # «… til vaktmestertjenesten»: the service the text names, not the type's example of one
        need = _SERVICE_BLANK.sub(service.group(0).lower(), need)
    if _SCHOOL.search(text):
        return need
    if re.search(r"dagsenter", text, re.I):
        need = need.replace("[målet for reisen, f.eks. dagsenter eller arbeid]", "dagsenteret")
    for school, plain in _WITHOUT_PUPILS:
        need = need.replace(school, plain)
    return need


def _market_questions(ptype: PurchaseType | None, categories: set[str], matches: list[Match],
                      nearest: list[tuple[Example, float]], text: str = "") -> list[str]:
    """The type's questions to the market, one per problem category, then a near example's; a certification of
    people asks how competence is shown, not what counts as an equivalent product."""
    questions = list(ptype.market_questions) if ptype is not None else []
    certified_only = {h.kind for h in matches if h.category == "missing_or_equivalent"} == {"certification"}
    questions.extend(market_questions_for(categories - {"missing_or_equivalent"} if certified_only else categories,
                                          text, matches))
    if certified_only:
        questions.append("Hvordan viser dere kompetansen til personene dere tilbyr, ut over sertifiseringer?")
    if ptype is None and nearest and nearest[0][1] >= 0.35:
        questions.extend(nearest[0][0].market_questions[:2])
    if _ASKS_ALTERNATIVES.search(text):
        # the buyer itself asks the market for other solutions: that question leads the dialogue
        questions.insert(0, ALTERNATIVES_QUESTION)
    return questions


ALTERNATIVES_QUESTION = ("Hvilke andre løsninger enn den vi har nevnt kan dekke behovet, og hva er fordeler, ulemper og "
                         "kostnader over levetiden ved dem sammenlignet med den?")
# The buyer asks the market for other solutions («åpne for andre løsninger», «ønsker forslag til alternativer»).
_ASKS_ALTERNATIVES = re.compile(
    r"(?<!\w)(?:åpne?\s+for|ønsker|tar\s+gjerne\s+imot|vil\s+gjerne\s+(?:høre|få|se))\s+(?:\w+\s+){0,5}?"
    r"(?:andre|alternative|alternativer|alternativ|nye)(?:\s+(?:løsning\w*|produkt\w*|forslag))?"
    r"|(?<!\w)forslag\s+til\s+(?:andre|alternative)\s+løsning\w*", re.IGNORECASE)


# How often, in a prescribed method («fire ganger i året», «to ganger i uka», «hver dag»).
_FREQUENCY = re.compile(rf"(?:(?:\d+|{NUMBER_WORDS})\s+ganger?\s+(?:(?:i|per|pr\.?)\s+\w+|daglig|ukentlig|månedlig|årlig)"
                        r"|hver(?:t)?\s+(?:dag|uke|måned|år|kvartal))",
                        re.IGNORECASE)


def method_requirements(text: str, matches: list[Match]) -> list[str]:
    """For a method the text prescribes (how to clean, with what, how often): the result it is to give, checked, with
    the method left to the supplier and a fixed frequency kept only if the buyer needs one; [] when none is prescribed."""
    # a method is prescribed when the work is to be done with a named tool or agent («vaskes med mikrofibermopp»), not
    # where it is done («utføres i hele bygg B»)
    method = next((h for h in matches if h.category == "material_dimension_method" and h.kind == "method"
                   and h.severity != "low" and (_WITH_TOOL.search(text[h.start:h.end]) or _NAMED_METHOD.search(text[h.start:h.end]))),
                  None)
    # «Gulvene skal våtmoppes daglig»: a verb that is itself a way of cleaning prescribes the method as much
    verb = _METHOD_VERB.search(text) if method is None else None
    if method is None and verb is None:
        return []
    how_often = _FREQUENCY.search(text, method.start if method is not None else verb.start())
    often = (f"; hyppigheten «{how_often.group(0)}» beholdes bare hvis dere trenger en fast hyppighet, ellers skal "
             "leverandøren utføre arbeidet så ofte at resultatet holdes" if how_often else "")
    result = ("rene flater uten striper, smuss og rester" if _CLEANING.search(text)
              else "hva arbeidet skal oppnå og hvordan det måles")
    return [f"Resultatet skal være [beskriv resultatet, f.eks. {result}] etter hver utførelse, kontrollert ved stikkprøver "
            "eller befaring; metoden og utstyret velger leverandøren, og metoden i det opprinnelige kravet beholdes bare "
            f"hvis dere kan begrunne at resultatet krever den{often}."]


# A verb that names a way of cleaning, not only that something is cleaned («våtmoppes», «skures»; not «vaskes»).
_METHOD_VERB = re.compile(r"(?<!\w)(?:skal|må)\s+(?:\w+\s+)?(?:våtmoppes|tørrmoppes|fuktmoppes|moppes|støvsuges|skures|"
                          r"bones|poleres|spyles|høytrykksvaskes|damprenses|maskinvaskes|skrubbes)(?!\w)", re.IGNORECASE)
_WITH_TOOL = re.compile(r"(?<!\w)(?:med|ved\s+hjelp\s+av|using|with)(?!\w)", re.IGNORECASE)
# A method named as one («etter tofaktormetoden», «by the Delphi method»): prescribed as much as a tool is.
_NAMED_METHOD = re.compile(r"metod\w*|method\w*|prinsipp\w*", re.IGNORECASE)
_CLEANING = re.compile(r"vask\w*|rengjør\w*|renhold\w*|pusse\w*|skure\w*|mopp\w*", re.IGNORECASE)


def approval_requirements(text: str, matches: list[Match], drafted: list[str]) -> list[str]:
    """For a named approval or certification body that no `drafted` requirement already opens up: the proof the buyer
    asked for, with equivalent approvals and other suitable documentation accepted, and a blank for the properties
    it is to show."""
    if not any(h.category == "missing_or_equivalent" and h.kind == "approval" for h in matches):
        return []
    if any("annen egnet dokumentasjon" in q for q in drafted):
        return []
    return ["Egenskapene kravene gjelder [skriv hvilke, f.eks. brannklasse, varmeisolering eller elektrisk sikkerhet], skal "
            "dokumenteres med teknisk godkjenning eller sertifikat fra et akkreditert organ, tilsvarende godkjenning eller "
            "annen egnet dokumentasjon, for eksempel testrapporter."]


# A colour given in a neutral colour system («RAL 7016», «NCS S 2010-Y30R»): not a brand, and often set by the zoning
# plan or the architect, so it is kept as a requirement with its reason left to fill in.
_COLOUR_CODE = re.compile(r"(?<!\w)(?:RAL\s?\d{4}|NCS\s?(?:S\s?)?\d{4}-[A-Z]\d{0,2}[A-Z]?)(?!\w)")


def colour_requirements(text: str, drafted: list[str]) -> list[str]:
    """The colour code the text gives, kept with what it is for, checked against a sample before ordering."""
    code = _COLOUR_CODE.search(text)
    if not code or any(code.group(0) in r for r in drafted):
        return []
    return [f"Fargen skal være {code.group(0)} [skriv hvorfor fargen er gitt, for eksempel reguleringsplanen eller tilpasning til "
            "nabobyggene], kontrollert mot fargeprøve før bestilling."]


# Lawful requirements of the buyer's own that no template carries: a label, certification or standard already given
# with «eller tilsvarende» («sertifisert etter OEKO-TEX Standard 100 eller tilsvarende»), and the buyer's identity on
# what is bought («Kommunens logo skal være brodert på …», «følge kommunens grafiske profil»).
_EQUIVALENT_LABEL = re.compile(r"\beller tilsvarende\b", re.IGNORECASE)
_LABEL_WORDS = re.compile(r"\b(?:sertifiser\w*|merke\w*|merket|standard\w*|oppfylle|godkjen\w*|certified|OEKO-TEX|TCO|"
                          r"Svanemerk\w*|EU Ecolabel|Blomsten)\b", re.IGNORECASE)
_IDENTITY = re.compile(r"\b(?:logo\w*|grafisk\w* profil\w*|profilhåndbok\w*|designprofil\w*)\b", re.IGNORECASE)


# Delivery terms of the buyer's («Levering senest 15. august, fritt levert skolen», «leveres innen 30 dager»): when and
# where the goods come, lawful and the buyer's to set.
_DELIVERY_TERMS = re.compile(r"(?<!\w)(?:levering\w*|leveres|fritt\s+levert)(?!\w)", re.IGNORECASE)
_WHEN_OR_WHERE = re.compile(r"(?<!\w)(?:innen|senest|før|fritt\s+levert|levert\s+(?:til|på)|DAP|DDP)(?!\w)", re.IGNORECASE)


# What the delivery must work with that the buyer already has («skal kunne tømme våre eksisterende 240 og 360 liters
# beholdere», «skal passe til dagens ladestasjoner»): a lawful compatibility requirement, in the buyer's words.
_FITS_EXISTING = re.compile(
    r"(?<!\w)(?:tømme|løfte|håndtere|lade|passe\s+(?:til|med|i|sammen\s+med)|brukes\s+(?:med|på|sammen\s+med)|"
    r"fungere\s+(?:med|på|sammen\s+med)|virke\s+(?:med|på|sammen\s+med)|kobles\s+(?:til|mot)|"
    r"være\s+kompatib\w*\s+med)\s+(?:\w+\s+){0,2}?(?:våre|vår|vårt|eksisterende|dagens|nåværende)(?!\w)", re.IGNORECASE)


def fit_spans(text: str, matches: list[Match]) -> list[tuple[int, int]]:
    """The statements that require the delivery to work with what the buyer has (_FITS_EXISTING) and name no product."""
    strong = [h.start for h in matches if h.severity != "low"]
    return [(s, e) for s, e in _clauses(text, _STATEMENT_BREAK)
            if re.search(r"\bskal\b", text[s:e]) and _FITS_EXISTING.search(text[s:e])
            and not any(s <= h < e for h in strong)]


def kept_requirements(text: str, matches: list[Match], drafted: list[str]) -> list[str]:
    """The buyer's own lawful requirements (a label with «eller tilsvarende», the buyer's logo or graphic profile, its
    delivery terms) that no `drafted` requirement says yet, kept in the buyer's words with how they are checked; a
    statement with a strong finding is left to the rewrite."""
    strong = [(h.start, h.end) for h in matches if h.severity != "low"]
    out = []
    said = " ".join(drafted).lower()
    for start, end in _clauses(text, _STATEMENT_BREAK):
        clause = text[start:end].strip().rstrip(".!? ")
        start += len(text[start:end]) - len(text[start:end].lstrip())
        if not clause or any(start <= s < start + len(clause) for s, _ in strong):
            continue
        own = re.search(r"\bskal\b", clause)
        label = own and _EQUIVALENT_LABEL.search(clause) and _LABEL_WORDS.search(clause)
        identity = own and _IDENTITY.search(clause)
        delivery = _WHEN_OR_WHERE.search(clause) and _DELIVERY_TERMS.search(clause)
        fit = own and _FITS_EXISTING.search(clause)
        if fit and not (label or identity):
            # «Bilene skal kunne tømme våre eksisterende … beholdere»: kept whole, the sizes with what they are of
            if _norm(clause[fit.start():])[:30] not in _norm(said):
                out.append(f"{clause[0].upper()}{clause[1:]}, kontrollert ved prøving med et utvalg av dem før kontrakt.")
            continue
        if not (label or identity or delivery):
            continue
        key = (label or identity or delivery).group(0).lower()
        if label:
            name = re.search(r"(?:etter|med|som)\s+(.+?)\s+eller tilsvarende", clause, re.IGNORECASE)
            key = name.group(1).lower() if name else key
        if delivery and not (label or identity):
            if _norm(clause[delivery.start() if own else _WHEN_OR_WHERE.search(clause).start():])[:20] in _norm(said):
                continue
            # «Levering senest 15. august»: a statement without a verb gets the buyer's «skal» in front
            out.append(clause[0].upper() + clause[1:] + "." if own else
                       f"Leveransen skal følge disse leveringsvilkårene: {clause[0].lower()}{clause[1:]}.")
            continue
        if key in said:
            continue
        how = ("dokumentert med sertifikat, testrapport eller annen egnet dokumentasjon; en likeverdig løsning godtas"
               if label else "kontrollert mot prøve før bestilling")
        out.append(f"{clause[0].upper()}{clause[1:]}, {how}.")
    return out


def _ask_which(tied: list[PurchaseType], buyer: list[str], notes: list[str]) -> None:
    """No type is guessed when several fit the same words: the buyer is asked first which use it is, and a note says why."""
    if not tied:
        return
    buyer.insert(0, "Hva skal det brukes til, og hvor? Teksten kan gjelde " + " eller ".join(
        f"«{t.domain}» ({t.id})" for t in tied) + "; behov og krav avhenger av bruken, så skriv den, så bygger "
        "utkastet på riktig type.")
    notes.append("Vi har ikke valgt innkjøpstype: teksten passer like godt til " + " og ".join(t.id for t in tied)
                 + ", og en feil type gir krav til et annet produkt.")


_STRENGTH = re.compile(r"(\d+(?:[.,]\d+)?)\s*(mg|mikrogram|µg|mcg|g|ml|IE)\b")
_DOSAGE_FORM = re.compile(r"\b(brusetablett|smeltetablett|tablett|kapsel|kapsl|mikstur|injeksjon|plaster|stikkpille|"
                          r"inhalasjon|dråpe|krem|salve|spray)\w*", re.IGNORECASE)
_DOSAGE_FORM_NOUN = {"brusetablett": "brusetabletter", "smeltetablett": "smeltetabletter", "tablett": "tabletter",
                     "kapsel": "kapsler", "kapsl": "kapsler", "mikstur": "mikstur", "injeksjon": "injeksjonsvæske",
                     "plaster": "depotplaster", "stikkpille": "stikkpiller", "inhalasjon": "inhalasjonspulver",
                     "dråpe": "dråper", "krem": "krem", "salve": "salve", "spray": "spray"}


_SIZE_RANGE = re.compile(r"(?<!\w)(X{0,3}S|M|X{0,3}L)\s*(?:[-–]|til)\s*(X{0,3}S|M|X{0,3}L)(?!\w)")
_EMISSION_CLASS = re.compile(r"(?<![\w-])M1(?![\w])")
# «responstid på fire timer», «responstid maks 30 minutter»: the buyer's response time
_RESPONSE_TIME = re.compile(rf"responstid\w*\s+(?:på\s+)?(?:(?:høyst|maks\w*|inntil)\s+)?((?:\d+|{NUMBER_WORDS})\s+"
                            r"(?:timer|time|minutter|virkedager|dager))", re.IGNORECASE)


# Special diets a text names («tygge- og svelgevansker», «glutenfri kost», «allergier»).
_DIET = re.compile(r"(?<!\w)(?:tygge-\s+og\s+svelge\w+|svelge\w*vansker|tyggevansker|dysfagi|konsistenstilpass\w*|"
                   r"glutenfri\w*|laktosefri\w*|allergi(?:er)?|halal|vegetar\w*|vegansk\w*|diabeteskost)(?!\w)",
                   re.IGNORECASE)


def fill_known(requirements: list[str], text: str, matches: list[Match]) -> list[str]:
    """The purchase type's blanks that the original already answers: a named medicine's active substance (from the
    brand lexicon), its strength and its dosage form, a named emission class («M1») and a response time («responstid på
    fire timer» fills the time to start on a fault). «Paracet 500 mg tabletter» fills [virkestoff], [mg] and
    [legemiddelform]; nothing is guessed that the original does not say."""
    substances = list(dict.fromkeys(str(h.detail["noun"]) for h in sorted(matches, key=lambda h: h.start)
                                    if h.detail.get("brand_category") == "medicine" and h.detail.get("noun")))
    strength = _STRENGTH.search(text)
    form = _DOSAGE_FORM.search(text)
    fills = {}
    if substances:
        fills["[virkestoff]"] = substances[0] + "".join(f" (og et tilsvarende krav for {s})" for s in substances[1:])
    if strength:
        fills["[mg]"] = f"{strength.group(1)} {strength.group(2)}"
    if form:
        fills["[legemiddelform]"] = _DOSAGE_FORM_NOUN[form.group(1).lower()]
    response = _RESPONSE_TIME.search(text)
    if response:  # «responstid på fire timer»: the time the buyer gave is the time to start on a fault
        fills["med en feil innen [timer]"] = f"med en feil innen {response.group(1)}"
    sizes = _SIZE_RANGE.search(text)
    if sizes:  # «i størrelse XS–XXL»: the range the buyer gave is the range of sizes to offer
        fills["fra [minste] til [største]"] = f"fra {sizes.group(1)} til {sizes.group(2)}"
    emission = _EMISSION_CLASS.search(text)
    if emission:  # «M1-klassifisert»: the class the buyer named is kept as a limit, with its equivalents
        fills["[grenseverdier eller emisjonsklasse]"] = f"grensene for emisjonsklasse {emission.group(0)} eller tilsvarende"
    visibility = _VISIBILITY_CLASS.search(text)
    if visibility and not any(re.search(r"\d{3,}", m.group(0)) for m in STANDARDS.finditer(text)):
        # «i klasse 2 synlighet»: the class the buyer named is kept, with its equivalents (a named standard is kept
        # as its own requirement instead)
        fills["etter [gjeldende standard for varselklær] eller tilsvarende"] = (
            f"i minst synlighetsklasse {visibility.group(1) or visibility.group(2)} etter [gjeldende standard for "
            "varselklær] eller tilsvarende")
    seated = re.search(rf"(?<!\w)(\d+|{NUMBER_WORDS})\s+(?:sittende\s+)?passasjer", text, re.IGNORECASE)
    if seated:  # «åtte sittende passasjerer»: the seats the buyer named fill the vehicle type's blank
        fills["minst [antall] sittende passasjerer"] = f"minst {seated.group(1)} sittende passasjerer"
    diets = list(dict.fromkeys(m.group(0) for m in _DIET.finditer(text)))
    if diets:  # «tilpasset tygge- og svelgevansker»: the special diets the buyer named are kept, the list completes them
        fills["spesialkost etter [liste]"] = (f"spesialkost for {' og '.join(diets)} og etter [liste over annen "
                                              "spesialkost]")
    fills.update(_licence_fills(text))
    span = _HEIGHT_SPAN.search(text)
    clock = _CLOCK_AT.search(text)
    out = []
    for requirement in [renewal_filled(r, text) for r in requirements]:
        for blank, value in fills.items():
            requirement = requirement.replace(blank, value)
        if clock and "kl. [klokkeslett]" in requirement:
            # «før kl. 08.00»: the time the buyer gave fills the template's first time of day (a later one, such as
            # when orders close, is another time)
            requirement = requirement.replace("kl. [klokkeslett]", f"kl. {clock.group(1)}", 1)
            clock = None
        if span:  # «høyderegulerbare 53–82 cm»: the heights the buyer named are the range the product is set in
            requirement = _SETTING_BLANKS.sub(lambda m: f"{m.group(1)}fra {span.group(1)} til {span.group(2)} cm", requirement)
        out.append(_fill_time(_fill_bounded(requirement, text), text))
    return out


def _licence_fills(text: str) -> dict[str, str]:
    """The licence template's blanks the text answers: the users of a renewed product, the term and the start date."""
    fills = {}
    users = re.search(rf"(?<!\w)(\d+|{NUMBER_WORDS})\s+(?:nye\s+|flere\s+)?brukere", text, re.IGNORECASE)
    if users and renewed_product(text):
        fills["[antall] brukere"] = f"{users.group(1)} brukere"
    term = _LICENCE_TERM.search(text)
    if term:
        fills["[periode]"] = term.group("term")
    start = _START_DATE.search(text)
    if start:
        fills["[startdato]"] = start.group("date")
    return fills


def renewal_filled(sentence: str, text: str) -> str:
    """A licence template's blanks for the product with the product the text renews («fornye lisensene til Visma
    Enterprise»), named as the installation the buyer has: a lawful reference, not a product chosen."""
    product = renewed_product(text)
    if not product:
        return sentence
    existing = f"den eksisterende installasjonen av {product}"
    return (sentence.replace("av [produktene i vedlegg] i vår eksisterende installasjon eller tenant", f"i {existing}")
            .replace("[produktene i vedlegg]", existing).replace("[programvaren dere har i dag]", existing))


# How long licences or an agreement run («i to år», «for 12 måneder», «ett års varighet») and from when («fra 1. mars»,
# «med oppstart 01.09.2027»).
_LICENCE_TERM = re.compile(rf"(?<!\w)(?:i|for|på)\s+(?P<term>(?:\d+|ett|{NUMBER_WORDS})\s+(?:år|måneder|mnd\.?))(?!\w)",
                           re.IGNORECASE)
_START_DATE = re.compile(r"(?<!\w)(?:fra|fra\s+og\s+med|med\s+(?:oppstart|start)|oppstart)\s+(?P<date>\d{1,2}\.\s*"
                         r"(?:januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)"
                         r"(?:\s+\d{4})?|\d{1,2}\.\d{1,2}\.\d{2,4})", re.IGNORECASE)


# A time the thing takes to do something («måle på 4 sekunder», «varme opp på 10 minutter»): the verb and the time.
_TIME_TO_DO = re.compile(r"(?<!\w)([^\W\d_]{3,})\s+på\s+(?:høyst\s+|under\s+)?(\d+(?:[.,]\d+)?)\s+(sekunder|minutter)(?!\w)",
                         re.IGNORECASE)


def _fill_time(requirement: str, text: str) -> str:
    """`requirement` with a blank for the same unit of time filled in when it is about the same action: «En måling skal
    ta høyst [sekunder]» gets «4 sekunder» from «måle på 4 sekunder» (the verb's stem must be in the requirement)."""
    for m in _TIME_TO_DO.finditer(text):
        blank = f"[{m.group(3).lower()}]"
        if blank in requirement and m.group(1).lower()[:3] in requirement.lower():
            requirement = requirement.replace(blank, f"{m.group(2)} {m.group(3).lower()}", 1)
    return requirement


# A bounded value and what it measures («SCOP på minst 4,5», «virkningsgrad minst 92 %», «UGR under 19»): the label is
# the word before the bound.
_LABELLED_BOUND = re.compile(r"(?P<label>[^\W\d_]{3,})\s+(?:(?:på|av|er)\s+)?(?:minst|minimum|høyst|maks(?:imum|imalt)?|under|"
                             r"over)\s+(?:på\s+)?(?P<n>\d+(?:[.,]\d+)?)(?![\w.,]*\d)(?:\s*(?P<unit>%|[^\W\d_]+(?:/[^\W\d_]+)?))?",
                             re.IGNORECASE)
_NOT_LABEL = re.compile(r"ha|med|være|skal|må|kunne|gi|bruke|vare|holde|ligge|veie", re.IGNORECASE)
# A capitalised word that is not an abbreviation («Lerøy», not «SCOP» or «UGR»): a name, not what a value measures.
_PROPER_NAME = re.compile(r"[A-ZÆØÅ][a-zæøå][^\W\d_]*")
_LABEL_BEFORE_BOUND = re.compile(r"([^\W\d_]{3,})\s+(?:(?:på|av|er)\s+)?(minst|minimum|høyst|maks(?:imum|imalt)?|under|"
                                 r"over)\s+(?:på\s+)?$", re.IGNORECASE)
_BLANK = re.compile(r"\[[^\]]*\]")
# A span of heights the product is set in («høyderegulerbare 53–82 cm», «setehøyde 47–63 cm»), and a template's blanks
# for the range a product is set in (not the users' body heights).
_HEIGHT_SPAN = re.compile(r"(?:høyde\w*|heve\w*|hev-senk\w*)\s+(?:på\s+|fra\s+)?(\d+(?:[.,]\d+)?)\s*(?:[-–]|til)\s*"
                          r"(\d+(?:[.,]\d+)?)\s*cm", re.IGNORECASE)
_SETTING_BLANKS = re.compile(r"(stilles\s+(?:i\s+høyder\s+)?)fra \[cm\] til \[cm\](?:\s*cm)?")
_VISIBILITY_CLASS = re.compile(r"(?<!\w)(?:klasse\s+(\d)\s+(?:synlighet|varsel)|synlighetsklasse\s+(\d))", re.IGNORECASE)
_CLOCK_AT = re.compile(r"(?<!\w)(?:kl\.?|klokka|klokken)\s*(\d{1,2}(?:[.:]\d{2})?)(?!\d)", re.IGNORECASE)


def _fill_bounded(requirement: str, text: str) -> str:
    """`requirement` with the blank for a value the original bounds filled in: «SCOP på minst [verdi]» with «4,5» when
    the text says «SCOP på minst 4,5», «høyst [UGR-verdi]» with «19» for «UGR under 19». The blank must stand with the
    same label (in it, or after it in the same clause); the template's own «minst»/«høyst» stays."""
    for m in _LABELLED_BOUND.finditer(text):
        label = m.group("label")
        if _NOT_LABEL.fullmatch(label):
            continue
        at = requirement.lower().find(label.lower())
        if at < 0:
            continue
        blank = next((b for b in _BLANK.finditer(requirement) if b.start() <= at < b.end()), None)
        value = m.group("n")
        if blank is not None:  # «høyst [UGR-verdi]»: the label was only in the blank, so it goes in with the value
            value = f"{label} {value}"
        else:
            blank = _BLANK.search(requirement, at)
            if blank is None or re.search(r"[,.;]", requirement[at:blank.start()]) or blank.start() - at > 50:
                continue
        unit = m.group("unit") or ""
        rest = requirement[blank.end():].lstrip()
        if unit and _unit_word(unit) and not rest.lower().startswith(unit.lower()):
            value = f"{value} {unit}"
        requirement = requirement[:blank.start()] + value + requirement[blank.end():]
    return requirement


def _unit_word(unit: str) -> bool:
    """Whether the word after a bounded number is its unit («%», «kW», «dB»), not the next word of the sentence."""
    return bool(re.fullmatch(r"%|prosent|[a-zA-Zµ°²³/]{1,5}", unit)) and unit.lower() not in {"og", "i", "på", "per", "ved",
                                                                                              "for", "med", "som", "er"}


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()
