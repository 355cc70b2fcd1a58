"""The detection rules: regular expressions and the brand lexicon run over one requirement, giving raw Matches.

Each rule method of _Scan looks for one kind of solution-specific wording (named technology, brand or model, cued
designation, named product, material/dimension/method, «same as today», tailored parameter combinations, missing
«eller tilsvarende») and records a Match with its exact span, severity and kind. analyzer.py turns the matches into
explained, cited Findings. Word lists and patterns live in lexicon.py.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass, field

from advisor.requirements import context as ctx
from advisor.requirements import lexicon as lex
from advisor.requirements import names
from advisor.requirements.spans import whole_names

# The sizes of a product range («finnes i størrelsene 5 x 5 cm, 10 x 10 cm og …»): what the range must offer.
_SIZE_RANGE_BEFORE = re.compile(r"(?<!\w)(?:størrelsene|størrelser(?:\s+som)?|sizes)\s+(?:i\s+dag\s+er\s+)?"
                                r"(?:[\d\s,x×cm]|og|samt)*$", re.IGNORECASE)
# Training or a certificate in a named method: a competence, not a method the work must follow.
_TRAINED_IN = re.compile(r"(?:sertifi\w*|certifi\w*|kurs|utdanning|opplæring|erfaring|kompetanse|kjennskap|"
                         r"kunnskap)\s+(?:\w+\s+)?(?:i|med|fra|innen|in|with)\s+$", re.IGNORECASE)


# The rest of a company's name after a word of it and its company form («Biogass Sør AS»).
_COMPANY_NAME_TAIL = re.compile(rf"(?:\s+[A-ZÆØÅ][\w&\-]*){{0,2}}[\s\-]+{ctx.COMPANY_SUFFIX}(?!\w)")


@dataclass
class Match:
    """A finding before it gets its explanation and citation (what the rules found, where, and how bad)."""

    category: str
    start: int
    end: int
    severity: str
    kind: str = ""
    detail: dict = field(default_factory=dict)


_TOKEN = re.compile(r"\s*(\d+(?:[.,]\d+)?(?:''|\"|″|”)?(?![\w\-./+])|[^\W_][\w]*(?:[\-./+][\w]+)*(?:''|\"|″|”)?)")
_LEADING = re.compile(r"^[\s\"'«»“”‘’(\[*_>\-–•]*$")
# What may come before the goods at the head of an item line: bullets, a number or a quantity («3 stk.», «2 x»)
_ITEM_OPENING = re.compile(r"[\s\"'«»“”‘’(\[*_>\-–•]*(?:[A-Z]{0,4}\d[\w/.\-]*\s+(?:[\-–:]\s+)?)?"
                           r"(?:\d+\s*(?:stk\.?|stykk|x|pcs)?\s+)?")
_TITLE_SEGMENT_BEFORE = re.compile(r"\S\s+[\-–]\s+$|[^\W\d_]:\s+$")
_EXPERIENCED_WITH = re.compile(r"(?<!\w)(?:erfaring\w*|kjennskap|kompetanse|kunnskap|jobber|arbeider|arbeid|experience\w*|"
                               r"familiar\w*|work\w*)\s+(?:\w+\s+){0,2}?(?:med|with)\s+(?:[\w\-]+\s+)?$", re.IGNORECASE)
_PRONOUN_SUBJECT = re.compile(r"(?<!\w)(?:vi|jeg|de|han|hun|man|we|they|i)(?!\w)")
_TODAY = re.compile(r"(?<!\w)(?:dagens|i\s+dag|nåværende|hittil|today|currently|at\s+present)(?!\w)", re.IGNORECASE)
# Whether a technique could serve is what is studied («vurdering av hvilke deler … som kan oppdateres med stordata»)
_ASSESSED = re.compile(r"(?<!\w)(?:vurder\w*|utred\w*|evaluer\w*|hvorvidt|mulighet\w*|potensial\w*|assess\w*|"
                       r"whether|feasib\w*)(?!\w)", re.IGNORECASE)
_EITHER_OR = re.compile(r"(?<!\w)(?:eller|or)(?!\w)", re.IGNORECASE)
_STREET = re.compile(r"(?:gata|gate|gaten|veien|vei|vegen|veg|plass|allé|torget|bakken|street|road)$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_YEAR_RANGE = re.compile(r"(?:19|20)\d{2}[\-–](?:19|20)?\d{2}")
_RANGE_DASH = re.compile(r"\s*[\-–]\s*(?:19|20)?\d{2}(?!\d)")
_DIGIT = re.compile(r"\d")
_GENERATION_AFTER = re.compile(r"\s*\(?\s*(?:" + lex.GENERATION.pattern + ")", re.IGNORECASE)
_ABBREVIATION = re.compile(r"(?<![\w.])(?:stk|ca|nr|kl|jf|jfr|pkt|inkl|ekskl|eks|evt|bl\.a|f\.eks|mv|iht|ihht|vedr|tlf|pr)$",
                           re.IGNORECASE)
# Function words that start the next clause, never part of a model name («InfoSphere IBM The area …»).
_NOT_DESIGNATION = frozenset({"the", "this", "that", "a", "an", "and", "or", "for", "det", "den", "de", "dette", "og", "eller",
                              "som", "til", "med", "er", "is", "are", "phasing", "set", "development", "operation"})
# What the goods must be or what is bought, right before a name («skal være Public 360», «anskaffe Public 360»)
_BOUGHT_AS_BEFORE = re.compile(
    r"(?<!\w)(?:(?:skal|må|shall|must)\s+(?:\w+\s+)?(?:være|leveres\s+som|erstattes\s+av|be)|anskaffe|anskaffes|kjøpe|"
    r"kjøpes|innføre|innføres|implementere|implementeres|bytte\s+til|procure|buy|purchase)\s+(?:en\s+|et\s+|ny\s+|nytt\s+|a\s+|an\s+)?"
    # the maker's name before a product line («kjøpe Tieto Lifecare»)
    r"(?-i:[A-ZÆØÅ][\w\-]*\s+){0,2}$",
    re.IGNORECASE,
)
# The tail of a product name after its code or name word: an edition, size or generation mark («IT», «XL», «Mark II»,
# «Pro Max»), not a goods noun in capitals («NAS», «PC», «TV»: see COMMON_ACRONYMS, which stay outside the name).
_MODEL_TAIL = re.compile(r"(?:IT|AI|SE|FE|XL|XXL|XS|HD|UHD|LE|GT|EX|DX|LX|II|III|IV|VI|Pro|Plus|Max|Mini|Ultra|Lite|Mark)"
                         r"|(?:pro|plus|max|mini|ultra|lite)")
_DECORATION = str.maketrans({c: " " for c in "™®©«»\"“”„‘’‚"})
_DECORATED = re.compile("[™®©«»\"“”„‘’‚]")
# A straight apostrophe used as a quotation mark ('Kommunix'), not inside a word (Nordea's) and not an inch mark
# (10,9'' or 27'): decoration too.
_STRAIGHT_QUOTE = re.compile(r"(?<![\d'])(?:(?<![^\W_])'|'(?![^\W_]))(?!')")
_WORKED_ON = "behandling|transport|mottak|sluttbehandling|gjenvinning|sortering|innsamling|tilsetningsstoffer|analyse|prøver"
_HANDLED_WORDS = rf"(?:{_WORKED_ON}|levering|kjøp|innkjøp|leveranse)\w*\s+(?:og\s+\w+\s+)?"
_MATERIAL_CUE = re.compile(r"(?:laget av|utført i|produsert i|produsert av|framstilt i|made of|made from|made entirely of|"
                          r"constructed of|av|i)\s+", re.IGNORECASE)
# a material written with a capital and the rest in small letters («i Ask», «av Furu»): a name mid-sentence
_PLACE_MATERIAL = re.compile(r"[A-ZÆØÅ][a-zæøå]+")
_HANDLED_BEFORE = re.compile(_HANDLED_WORDS + r"(?:av\s+|i\s+)?(?:\w+\s+){0,2}$", re.IGNORECASE)
# A material joined to the goods noun («tredører») is what is bought when buying or delivery comes before it («kjøpe inn
# tredører»); only handling the goods already made (transport, collection, treatment) leaves the material alone.
_WORKED_ON_BEFORE = re.compile(rf"(?:{_WORKED_ON})\w*\s+(?:og\s+\w+\s+)?(?:av\s+|i\s+)?(?:\w+\s+){{0,2}}$", re.IGNORECASE)
# the same for a material that brings its own «av»/«i»: only right after the handling word («behandling av gips»,
# «tilsetningsstoffer i plast»); after a noun of the goods («kjøp av arbeidsbåt i aluminium») it is what the goods are made of
# Renewing or extending licences of what the buyer runs: the verb, then the licences and the preposition before the
# product («fornye lisensene til», «utvide abonnementet på», «forlengelse av lisenser for»).
_RENEWAL = re.compile(r"(?<!\w)(?:forny\w*|forleng\w*|utvid\w*|videreføre?|videreføring|supplere|lisensfornyelse\w*)"
                      r"(?:\s+(?:av|for|på))?\s+(?:\w+\s+){0,3}?(?:\w*lisens\w*|abonnement\w*)\s+(?:til|for|på|av)\s+",
                      re.IGNORECASE)
# The product's name after it: capitalised or coded words («Visma Enterprise», «Microsoft 365 E3»).
_PRODUCT_NAME = re.compile(r"(?:[A-ZÆØÅ0-9][\w\-.+]*)(?:\s+[A-ZÆØÅ0-9][\w\-.+]*)*")
# Where the licences are to come from: a reseller named for them.
_RESELLER_BEFORE = re.compile(r"(?<!\w)(?:via|gjennom|hos|fra|av|forhandler(?:en)?)\s+$", re.IGNORECASE)
_RESELLER_NAMED = re.compile(r"(?<!\w)(?:via|gjennom|hos|levert\s+av|leveres\s+av|kjøpes\s+fra)\s+"
                             r"(?P<name>(?-i:[A-ZÆØÅ])[\w&\-]+(?:\s+(?-i:[A-ZÆØÅ])[\w&\-]+){0,2})", re.IGNORECASE)
# A material offered as one example of what would do («…, for eksempel EPDM»): not demanded.
_AN_EXAMPLE_BEFORE = re.compile(r"(?:for\s+eksempel|f\.\s?eks\.?|som\s+f\.\s?eks\.?|e\.g\.|such\s+as)\s*$", re.IGNORECASE)
_HANDLED_RIGHT_BEFORE = re.compile(_HANDLED_WORDS + r"$", re.IGNORECASE)
# A service done to vehicles or machines («lading av», «vedlikehold av», «service på»): the drive type after it says which
# vehicles are served (often the buyer's own), not a drive the buyer chooses for goods it buys
_SERVICED_BEFORE = re.compile(r"(?<!\w)(?:\w*lading|\w*ladning|ladeinfrastruktur\w*|lader(?:e|ne)?|vedlikehold|service|reparasjon|reparasjoner|vask|parkering|"
                              r"charging|maintenance|repair|servicing)\s+(?:av|på|for|til|of)\s+(?:\w+\s+)?$",
                              re.IGNORECASE)
# «renovasjonsbil med kran for bunntømte containere»: a construction named after «for»/«til» is what the goods bought
# serve (often the buyer's own), not a construction chosen for them
_SERVED_BEFORE = re.compile(r"(?<!\w)(?:for|til)\s+(?:\w+\s+)?$", re.IGNORECASE)
# Why a drive type may be chosen: emissions, climate, noise or indoor use make it a purpose, not a product detail.
_DRIVE_PURPOSE = re.compile(r"utslipp|klima|miljø|støy|innendørs|eksplosjon|emission|climate|noise|indoor", re.IGNORECASE)
_COLOUR_PURPOSE = re.compile(r"sikkerhet|synlig|refleks|varsel|signal|HMS|kontrast|safety|visib", re.IGNORECASE)
_DEFINITE_SUBJECT = re.compile(r"[^\W\d_]+(?:ene|rne|en|et|na)\s+(?:skal|må|bør|shall|must)\b", re.IGNORECASE)
_LIST_BREAK = re.compile(r"[,;]\s|\s(?:og|and)\s")
# The company that installs, mounts or enrols the goods, not the goods' make («installert av Bravida», «ferdig
# innrullert av Atea»); «leveres av KONE» stays a brand: the maker delivering its own product.
_INSTALLED_BY = re.compile(r"(?:installert|installeres|montert|monteres|innrullert|innrulleres|konfigurert|konfigureres|"
                           r"satt\s+opp|installed|mounted|configured|enrolled)\s+(?:av|by)\s+$", re.IGNORECASE)
# «utføres i Bærum kommune», «skje i Norsk Tippings bygningsmasse», «utføres i kommunens lokaler»: «i» before a name or
# an owner's genitive places the work; it does not say how it is done
_PLACE_OBJECT = re.compile(r"\s(?:i|på)\s+(?:[A-ZÆØÅ]|[a-zæøå]+(?:ens|ets|enes|ernes|ers)\s)")
# A number or a letter joined to a lower-case noun: the class of the goods in a standard or a code («2-kontakt» in
# «Type 2-kontakt», «A-slukker»)
_CLASS_NOUN = re.compile(r"(?:\d{1,2}|[A-ZÆØÅ]{1,2})-[a-zæøå]{3,}")
# «nytt bygg for aggregater», «garasje til brøytebiler»: a building or room for the goods names what it houses
_HOUSING_BEFORE = re.compile(r"(?<!\w)(?:\w*bygg|\w*bygning|\w*rom|\w*lager|\w*hall|\w*garasje|\w*skur|\w*areal|"
                             r"fundament)(?:et|en|a|ene)?\s+(?:for|til)\s+$", re.IGNORECASE)
# The size of a structure a works contract builds («skal det bygges … en 100 meter lang miljøtunnel», «Entreprisen omfatter
# en 40 m lang bru»): the buyer's project as designed, its scope, not a product's data sheet copied
_STRUCTURE_AFTER = re.compile(r"\s+(?:[\w\-]+\s+){0,2}?\w*(?:tunnel|tunnelen|tunneler|bru|brua|brui|bruer|bro|broen|"
                              r"kulvert|kulverten|kulverter|undergang|undergangen|underganger|veg|vegen|vei|veien|"
                              r"gang-\s*og\s*sykkelveg|fortau|fortauet|mur|muren|kai|kaia|kaien|molo|moloen|voll|vollen|"
                              r"ledning|ledningen|tunnel|bridge|culvert|road|wall|quay)(?!\w)", re.IGNORECASE)
_WORKS_SCOPE = re.compile(r"(?<!\w)(?:bygges|bygging|byggingen|anlegges|etableres|entreprise\w*|omfatter|"
                          r"is built|construction of)(?!\w)", re.IGNORECASE)
# The upper end of a range («mellom 780 og 790 nm», «fra 10 til 15 kW»): a tolerance, not an exact value
_RANGE_BEFORE = re.compile(rf"(?:mellom|fra|between|from)\s+{lex.NUMBER}\s*(?:[^\W\d]+\s+)?(?:og|til|and|to)\s+$", re.IGNORECASE)
# «erfaring fra Scrum», «kompetanse i Kanban»: the approach is what a person knows, not how the work must be run
_CERTIFIED_AFTER = re.compile(r"[\s-]*(?:master|product owner|practitioner|professional)?[\s-]*(?:sertifi|certifi)", re.IGNORECASE)
_KNOWN_FROM_BEFORE = re.compile(r"(?:erfaring|kompetanse|kjennskap|sertifisering|experience|knowledge)\s+(?:[\w\-]+\s+){0,2}?"
                                r"(?:fra|med|i|på|innen|from|with|in|of)\s+$", re.IGNORECASE)
# letters only, or letter parts joined by hyphens («Frionix», «Accu-Chek»): a maker's name, not a code
_PLAIN_NAME = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_TYPE_CUE_BEFORE = re.compile(r"(?:av\s+)?(typen|type|modell(?:en)?|model)\s*[:=]?\s*$", re.IGNORECASE)


@functools.cache
def _common_word(word: str) -> bool:
    """Whether a capitalised word is just an ordinary Norwegian or English word (not a product name)."""
    from wordfreq import zipf_frequency

    if names.letter_prefixed(word):
        return False  # «Q-Flex», «K-Sitt»: word frequency reads the two parts as two common words
    low = word.lower()
    return zipf_frequency(low, "nb") >= 3.3 or zipf_frequency(low, "en") >= 4.2


_BRAND_CUE = re.compile(r"(?<!\w)(?:av\s+merket|merket|merke|fabrikat(?:et)?|of\s+the\s+brand|brand|make)\s*[:=]?\s+", re.IGNORECASE)
_NAME_CODE = re.compile(
    r"(?<![\w\-])((?=[^\W\d_])[^\Wa-zæøåß\d_](?:[^\W\d_]|-(?=[^\W\d_])){2,})\s+((?=[A-Z\-]{0,4}\d)[A-Z]{1,4}-?\d[\w\-/]*|\d{3,}[A-Za-z]{0,3})(?![\w])")
_TRADEMARK = re.compile(r"(?<![\w\-])((?:[A-ZÆØÅ]|[a-z]+[A-Z])[\w\-]*(?:\s+[A-ZÆØÅ0-9][\w\-]*){0,2})\s?(?:®|™|\(R\)|\(TM\))")


# Not after an abbreviation before a number («art.nr. 72-2210», «ca. 40», «nr. 5»): those do not end a sentence.
_SENTENCE_END = re.compile(r"(?<![.!?;])(?<!(?<!\w)nr)(?<!(?<!\w)ca)(?<!(?<!\w)kap)(?<!(?<!\w)pkt)(?<!(?<!\w)jf)(?<!(?<!\w)str)"
                           r"[.!?;]+(?=\s+[\"'«(]?[A-ZÆØÅ0-9])|\n+")
_NUMBER_TOKEN = re.compile(r"\d+(?:[.,]\d+)?")
_LOWER_THEN_UPPER = re.compile(r"[a-z]+[A-Z]")
_BARE_NUMBER_OR_LETTER = re.compile(r"\d+|[A-Za-z]")
_PARAMETER = re.compile(
    rf"(?<![\w,.])(?P<exact>(?:nøyaktig|eksakt|exactly)\s+)?(?P<num>{lex.NUMBER})"
    rf"(?:\s*(?:x|×)\s*{lex.NUMBER}){{0,2}}\s*-?\s*(?P<unit>{lex.PARAM_UNIT}|{lex.TIME_UNIT})(?![\w])",
    re.IGNORECASE,
)


class _Scan:
    """Runs every rule over one requirement and collects Matches."""

    def __init__(self, text: str):
        # Decoration (™, ®, quotes) is blanked out, length for length, so that «X™» and "X" get the findings X gets;
        # the trademark rule reads the original, where ™ and ® are themselves the cue.
        self.raw = text
        self.text = text.translate(_DECORATION) if _DECORATED.search(text) else text
        if "'" in text:
            self.text = _STRAIGHT_QUOTE.sub(" ", self.text)
        if '"' in text or "”" in text:
            self.text = _restore_inch_marks(text, self.text)
        self.brands = lex.load_brands()
        self.sentences = self._sentence_spans(text)
        # A requirement is a sentence or two, but a pasted paragraph can hold thousands of sentences and matches; the
        # lookups below keep one scan linear, where rescanning the sentence and the match list per match is quadratic.
        self._sentence_starts = [start for start, _ in self.sentences]
        self._sentence_matches: dict[tuple[tuple[int, int], re.Pattern[str]], bool] = {}
        self._hit_keys: set[tuple[str, int, int]] = set()
        # sorted and disjoint (one finditer): found by bisection, since a long line can name thousands
        self.standards = [(m.start(), m.end()) for m in lex.STANDARDS.finditer(text)]
        self._standard_starts = [s for s, _ in self.standards]
        self.standard_ends = [e for _, e in self.standards]
        self._word_counts: dict[tuple[int, int], int] = {}
        self.tech_spans: list[tuple[int, int]] = []
        self._tech_all: list[int] | None = None
        self.matches: list[Match] = []

    # helpers
    @staticmethod
    def _sentence_spans(text: str) -> list[tuple[int, int]]:
        spans, start = [], 0
        # (?<![.!?;]): a run of punctuation is tried from its start only, so a long run of dots stays linear
        for m in _SENTENCE_END.finditer(text):
            if m.group(0) == "." and _ABBREVIATION.search(text, max(0, m.start() - 8), m.start()):
                continue  # «25 stk. Lenovo ThinkPad»: an abbreviation, not the end of the sentence
            if m.group(0) == "." and _brand_code_before(text, m.start()):
                continue  # «VW ID. Buzz Cargo»: a full stop inside a model name, not the end of the sentence
            spans.append((start, m.end()))
            start = m.end()
        spans.append((start, len(text)))
        return spans

    def sentence(self, pos: int) -> tuple[int, int]:
        # the spans are contiguous from 0: the last one starting at or before pos holds it (or pos is past the end)
        return self.sentences[bisect.bisect_right(self._sentence_starts, pos) - 1]

    def initial(self, pos: int) -> bool:
        start, _ = self.sentence(pos)
        return bool(_LEADING.match(self.text[start:pos]))

    def item_line(self, pos: int) -> bool:
        """pos opens a line without a verb (a notice title or an item of a list: «Elektrisk varebil med plan», «3 stk.
        batteridrevne feiemaskiner», after a case number «22-015 Hyperkonvergert infrastruktur»): the line names the goods
        bought, as an acquiring sentence does."""
        start, _ = self.sentence(pos)
        if self.sentence_has(ctx.FINITE_VERB, pos):
            return False
        if _ITEM_OPENING.fullmatch(self.text, start, pos):
            return True
        # a notice title of segments («KK - Enkeltanskaffelse - Hjulgående borerigg»): each segment after a dash or a
        # colon heads the line as the first word does, as long as the line is title-short
        return self.words(pos) <= 16 and bool(_TITLE_SEGMENT_BEFORE.search(self.text, start, pos))

    def words(self, pos: int) -> int:
        """How many words the sentence around pos has (counted once per sentence)."""
        key = self.sentence(pos)
        if key not in self._word_counts:
            self._word_counts[key] = len(self.sentence_text(pos).split())
        return self._word_counts[key]

    def verbless(self, pos: int) -> bool:
        """The line around pos is short and has no verb: a notice title or a list item naming the goods («Mobile HPGe
        detector system»)."""
        return self.words(pos) <= 12 and not self.sentence_has(ctx.FINITE_VERB, pos)

    def shouting(self, pos: int) -> bool:
        """The sentence around pos is written in capitals («PRISFORESPØRSEL FOR ETT KOMPLETT …»): there a capital letter
        says nothing about a name."""
        letters = [c for c in self.sentence_text(pos) if c.isalpha()]
        return len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)

    def in_standard(self, start: int, end: int) -> bool:
        # the last standard starting before end reaches furthest of those (they are disjoint)
        i = bisect.bisect_left(self._standard_starts, end) - 1
        return i >= 0 and self.standards[i][1] > start

    def clause_before(self, pos: int, chars: int = 40) -> str:
        """The words before pos in the same list item: «6,8 kg kapasitet, 59,7 cm bredde»: «kapasitet» belongs to the
        first value, not the second."""
        before = self.window(pos, chars)
        cut = max((m.end() for m in _LIST_BREAK.finditer(before)), default=0)
        return before[cut:]

    def window(self, pos: int, chars: int = 120) -> str:
        start, _ = self.sentence(pos)
        return self.text[max(start, pos - chars):pos]

    def after(self, pos: int, chars: int = 90) -> str:
        _, end = self.sentence(pos)
        return self.text[pos:min(end, pos + chars)]

    def sentence_text(self, pos: int) -> str:
        start, end = self.sentence(pos)
        return self.text[start:end]

    def sentence_has(self, pattern: re.Pattern[str], pos: int) -> bool:
        """Whether the sentence around pos matches pattern, searched once per sentence and pattern."""
        key = (self.sentence(pos), pattern)
        if key not in self._sentence_matches:
            self._sentence_matches[key] = bool(pattern.search(self.sentence_text(pos)))
        return self._sentence_matches[key]

    def add(self, category: str, start: int, end: int, severity: str, kind: str = "", **detail: object) -> None:
        while end > start and self.text[end - 1] in " ,.;:":
            end -= 1
        if end > start and (category, start, end) not in self._hit_keys:
            self._hit_keys.add((category, start, end))
            if severity == "medium" and category in {"brand", "model_type"}:
                equivalent = lex.EQUIVALENT.search(self.after(end, 240))
                # «eller tilsvarende med hensyn til rekkevidde»: the explanation then does not call «tilsvarende» undefined
                if equivalent and lex.EQUIVALENT_CRITERIA.match(self.text, end + equivalent.end()):
                    detail["criteria"] = True
            self.matches.append(Match(category, start, end, severity, kind, dict(detail)))

    def add_name(self, start: int, name_end: int, end: int, severity: str, kind: str, **detail: object) -> None:
        """A name outside the lexicon (start..name_end) whose first part ends at `end`: with a designation after it
        («Aerolux StreetLine 60», «ScrubTek® Compact 55») the maker is the brand and the rest the model, as for a lexicon
        brand, so that the same wording gets the same findings whether or not the lexicon knows the name."""
        designation = _TOKEN.match(self.text, end) if name_end > end else None
        if designation is None or designation.start(1) >= name_end:
            self.add("brand", start, name_end, severity, kind, **detail)
            return
        self.add("brand", start, end, severity, kind, **detail)
        self.add("model_type", designation.start(1), name_end, severity, "designation", brand=self.text[start:end])

    def has_equivalent(self, end: int) -> bool:
        """«eller tilsvarende» after the reference in the same sentence: right after it, or at the end of the list of
        values that describe it («VW ID. Buzz Cargo lang akselavstand, 86 kWh, eller tilsvarende»), unless another
        brand or a new clause (a semicolon) comes in between and owns it."""
        after = self.after(end, 240)
        m = lex.EQUIVALENT.search(after)
        if m is None:
            return False
        gap = after[:m.start()]
        if ";" in gap:
            return False
        other = next((b for b in lex.brand_regex().finditer(gap) if b.group("base")[:1].isupper()), None) \
            if lex.may_name_a_brand(gap) else None
        if other is not None and len(gap[:other.start()].split()) >= 3:
            return False  # «Dell Latitude 5550 med 16 GB minne og dokk HP G5 eller tilsvarende»: HP's, not Dell's
        return m.start() <= 90 or other is None

    def compatibility(self, start: int) -> bool:
        """Named only to stay compatible with something the buyer already has."""
        if self.sentence_has(lex.SAME_AS_CURRENT, start):
            return False  # «tilsvarende hjullaster som vi har i dag, Volvo L70»: today's product is the demand
        if self.bought_as(start):
            return False  # «Systemet skal være X og integreres med Y»: X is what is bought, Y what it must work with
        if self.sentence_has(lex.STRONG_COMPATIBILITY, start) or lex.CURRENT_STATE_BEFORE.search(self.window(start, 60)) \
                or lex.INTEGRATION_BEFORE.search(self.window(start, 60)):
            return True
        return self.sentence_has(lex.COMPATIBILITY, start) and self.sentence_has(lex.EXISTING, start)

    def alternatives(self, start: int, end: int) -> bool:
        """The word at start..end is one of two alternatives of the same kind joined by «og», «eller», «og/eller» or
        «/» («hjulgående og beltegående», «elektrisk eller dieseldrevet»): naming both opens the choice."""
        kind = lex.alternative_kind(self.text[start:end])
        if not kind:
            return False
        after = lex.ALTERNATIVE_JOIN_AFTER.match(self.text, end, min(len(self.text), end + 60))
        if after and lex.alternative_kind(after.group(1)) == kind:
            return True
        before = lex.ALTERNATIVE_JOIN_BEFORE.search(self.window(start, 60))
        return bool(before) and lex.alternative_kind(before.group(1)) == kind

    def bought_as(self, start: int) -> bool:
        """The name at start is what the goods must be or what is bought («skal være X», «anskaffe X»), with no
        compatibility cue between the verb and the name: a cue later in the sentence is about another system."""
        before = self.window(start, 60)
        m = _BOUGHT_AS_BEFORE.search(before)
        return m is not None and not lex.COMPATIBILITY.search(before, m.start()) \
            and not lex.EXISTING.search(before, m.start())

    def nearest_is_compat(self, pos: int) -> bool:
        before = self.window(pos, 80)
        compat = [m.end() for m in lex.COMPATIBILITY.finditer(before)]
        prescribe = [m.end() for m in lex.PRESCRIBE_VERB.finditer(before)]
        return bool(compat) and (not prescribe or compat[-1] >= prescribe[-1])

    def designation_end(self, pos: int) -> int:
        """End of the model designation right after pos (pos itself when none): «Latitude 5550», «PG 8059»."""
        end, count, cursor = pos, 0, pos
        tech = self._tech_starts(pos)
        while count < 6:
            if count and self.text[cursor:cursor + 1] == "." and _brand_code_before(self.text, cursor):
                cursor += 1  # «VW ID. Buzz Cargo»: the full stop is part of the model name
            m = _TOKEN.match(self.text, cursor)
            if not m or self.text[cursor:m.start(1)].count("\n"):
                break
            token = m.group(1)
            low = token.lower()
            # a product name's tail («Omron M7 Intelli IT», «Galaxy Tab S9 FE Plus») is part of the name; only a tail
            # runs past four words
            tail = count and _MODEL_TAIL.fullmatch(token) is not None
            if count >= 4 and not tail:
                break
            if low in lex.COMPANY_WORDS or (token.upper() in lex.COMMON_ACRONYMS and not tail) or m.start(1) in tech \
                    or low in _NOT_DESIGNATION or self.in_standard(m.start(1), m.end(1)):
                break
            entry = self.brands.get(lex.brand_key(token))
            if entry and not entry.is_line:
                break
            nxt = _TOKEN.match(self.text, m.end())
            if _YEAR_RANGE.fullmatch(token) or (_YEAR.fullmatch(token) and _RANGE_DASH.match(self.text, m.end(1))):
                break  # «driftskontrakt 5426 Masi 2022 - 2027»: the contract period, not a model designation
            if _NUMBER_TOKEN.fullmatch(token):
                if nxt and lex.UNIT_WORDS.match(nxt.group(1)) or self.text[m.end():m.end() + 2].strip().startswith("%"):
                    break
                ok = True
            elif _DIGIT.search(token) or (token.isupper() and len(token) <= 6) or (entry and entry.is_line):
                ok = True
            elif token[:1].isupper() or _LOWER_THEN_UPPER.match(token) or (count and low in lex.MODEL_WORDS):
                ok = not (token[:1].isupper() and count == 0 and low in {"skal", "må", "bør", "kan"})
            else:
                ok = False
            if not ok:
                break
            end, cursor, count = m.end(1), m.end(1), count + 1
        if end > pos:  # «iPad (10. generasjon)»: the generation belongs to the model designation
            generation = _GENERATION_AFTER.match(self.text, end)
            if generation:
                end = generation.end()
        return end

    def _tech_starts(self, pos: int) -> list[int]:
        """Where a technology name starts in the 40 characters from pos (one scan of the text per requirement, not
        one per designation: a list line with a brand asks several times)."""
        if self._tech_all is None:
            self._tech_all = [m.start() for m in lex.technology_regex().finditer(self.text)]
        return [start for start in self._tech_all if pos <= start < pos + 40]

    # rules
    def technologies(self) -> None:
        """Named technologies, platforms and approaches the requirement prescribes (prescribed_technology)."""
        found = list(lex.technology_regex().finditer(self.text))
        self._tech_all = [m.start() for m in found]
        for m in found:
            kind = re.sub(r"\d+$", "", m.lastgroup or "")
            start, end, name = m.start(), m.end(), m.group(0)
            if self.in_standard(start, end) or lex.NEGATION_BEFORE.search(self.window(start, 40)):
                continue
            if name.lower() in lex.TECH_WORDS and not name.lower().startswith("microsoft"):
                if not name[:1].isupper() or (self.initial(start) and not _DIGIT.search(self.after(end, 6))):
                    continue
            if kind == "approach" and not lex.PRESCRIBE_BEFORE.search(self.window(start)):
                if not self._means(start) or any(p.start() <= start < p.end() for p in ctx.TECH_PHRASE.finditer(
                        self.text, max(0, start - 40), min(len(self.text), end + 40))):
                    continue  # a technology phrase («LiDAR-skanning») is found whole by the phrase rule
                kind = "means"
            if kind == "approach" and _CERTIFIED_AFTER.match(self.after(end, 40)):
                continue  # «Scrum Master-sertifisert leder»: a certificate a person holds (see certifications)
            if kind == "energy" and (names.is_fuel_supply(self, start, end) or self.alternatives(start, end)):
                continue  # «elektrisk eller dieseldrevet feiebil»: either drive will do
            if name[:1].isupper() and _COMPANY_NAME_TAIL.match(self.text, end):
                continue  # «levert av Biogass Sør AS»: a company's name, found as the supplier
            self.tech_spans.append((start, end))
            # a protocol in a sentence about the buyer's existing installation is the language that installation speaks
            # … and an open protocol with room for equivalents («KNX eller tilsvarende») is allowed where the
            # subject-matter calls for it: a note asking for the reason
            compat = self.nearest_is_compat(start) or (kind == "protocol" and self.sentence_has(lex.EXISTING, start)) \
                or (kind == "protocol" and bool(lex.EQUIVALENT_SOON.match(self.after(end, 60)))) \
                or (kind == "approach" and bool(_KNOWN_FROM_BEFORE.search(self.window(start, 50))))
            severity = "low" if compat else "medium"
            self.add("prescribed_technology", start, end, severity, kind or "technology", compat=compat)

    def _means(self, start: int) -> bool:
        """The technique at start is the means a stated need is met by («kvalitetskontroll … med georadar»): in a
        requirement or a verbless title, not a feature the goods come with («utstyrt med radar»), not the service bought
        itself («kjøp av GPR-målinger») and not the subject of a study."""
        before = self.window(start, 60)
        if not lex.MEANS_BEFORE.search(before) or lex.FITTED_BEFORE.search(before) \
                or _EXPERIENCED_WITH.search(before) or self.sentence_has(ctx.COMPETENCE_CONTEXT, start):
            return False  # «erfaringer med maskinlæringsmetoder»: what someone knows or has tried, not a means demanded
        sentence_start, _ = self.sentence(start)
        if ctx.STUDIED_BEFORE.search(self.window(start, 80)) or _ASSESSED.search(self.text, sentence_start, start):
            return False  # «vurdering av … som kan oppdateres med bruk av stordata»: whether the technique serves is studied
        if ctx.EXISTING_CONTEXT.search(self.text, sentence_start, start) or _TODAY.search(self.text, sentence_start, start):
            return False  # «Dagens rutiner: registrering med georadar …»: how it is done today, not a demand
        # a verbless line is a title naming the need; a pronoun subject shows a sentence whose verb the list misses
        return names.requirement_position(self, start) or (
            self.verbless(start) and not self.sentence_has(_PRONOUN_SUBJECT, start))

    def plants_for_needs(self) -> None:
        """A plant of one technology named for the need the sentence states («biogassanlegg for mottak av matavfall»):
        the technology that meets the need is chosen (prescribed_technology)."""
        for m in lex.PLANT_FOR_NEED.finditer(self.text):
            start, end = m.start("plant"), m.end("plant")
            if any(h.start < end and start < h.end and h.severity != "low" for h in self.matches) \
                    or lex.NEGATION_BEFORE.search(self.window(start, 40)) or self._guarded(start, _DRIVE_PURPOSE):
                continue
            severity = "low" if self.nearest_is_compat(start) else "medium"
            self.add("prescribed_technology", start, end, severity, "plant", compat=severity == "low")

    def build_details(self) -> None:
        """A machine's construction detail given without its purpose («maskin med hevbar hytte og bøyd monobom»), in a
        requirement or a verbless item line (prescribed_technology)."""
        for m in lex.BUILD_DETAIL.finditer(self.text):
            start, end = m.start("detail"), m.end("detail")
            if _EITHER_OR.search(m.group("detail")) or lex.NEGATION_BEFORE.search(self.window(start, 40)) \
                    or self._guarded(start) or not (names.requirement_position(self, start) or self.verbless(start)):
                continue
            self.add("prescribed_technology", start, end, "low" if self.nearest_is_compat(start) else "medium", "build")

    def drives_and_networks(self) -> None:
        """A machine's drive type («elektrisk kvern»), a connection's network («linje over 5G»), a vessel's hull form
        («enskrogs patruljebåt») or how a machine is steered, carried or emptied («rammestyrte dumpere») the requirement
        chooses without a purpose (prescribed_technology)."""
        for pattern, group, kind in ((lex.DRIVE_TYPE, "drive", "drive"), (lex.NETWORK_MEANS, "net", "network"),
                                     (lex.NETWORK_MEANS, "link", "network"), (lex.NETWORK_MEANS, "modem", "network"),
                                     (lex.NETWORK_BUILD, "gen", "build-out"),
                                     (lex.HULL_FORM, "hull", "hull"), (lex.CONSTRUCTION_TYPE, "build", "construction")):
            for m in pattern.finditer(self.text):
                if m.start(group) < 0:
                    continue  # the other alternative of the pattern matched
                start, end = m.start(group), m.end(group)
                if any(a < end and start < b for a, b in self.tech_spans) or lex.NEGATION_BEFORE.search(self.window(start, 40)):
                    continue
                # a title opening with the build-out names the network it gets («Utbygging 5G Nordbygda»)
                if self._guarded(start, _DRIVE_PURPOSE) or not (names.requirement_position(self, start) or self.item_line(start)
                                                                or (kind == "build-out" and self.item_line(m.start()))):
                    continue
                kind = "network" if kind == "build-out" else kind
                if kind == "drive" and _SERVICED_BEFORE.search(self.window(start, 40)):
                    continue  # «lading av elektriske kjøretøy»: the vehicles a service is for, not a drive chosen for goods
                if kind == "construction" and _SERVED_BEFORE.search(self.window(start, 30)):
                    continue  # «kran for bunntømte containere»: the containers the goods serve, not goods chosen
                if self.alternatives(start, end):
                    continue  # «hjulgående og/eller beltegående rigg»: either construction will do
                self.tech_spans.append((start, end))
                # «integrert 5G-modul»: the word that builds the modem in is no compatibility with what the buyer has
                at = m.start() if group == "modem" else start
                severity = "low" if self.nearest_is_compat(at) or lex.EQUIVALENT_SOON.match(self.after(end, 60)) \
                    else "medium"
                self.add("prescribed_technology", start, end, severity, kind, compat=self.nearest_is_compat(at))

    def brands_and_models(self) -> None:
        """Lexicon brands, product lines and the model designations that follow them (brand, model_type)."""
        consumed = names._Coverage(len(self.text))  # a long line names a brand thousands of times: no list scan
        if not lex.may_name_a_brand(self.text):
            return
        for m in lex.brand_regex().finditer(self.text):
            base = m.group("base")
            start, end = m.start(), m.end()
            entry = self.brands.get(lex.brand_key(base))
            if entry is None or consumed.overlaps(start, start + 1) or self.in_standard(start, end):
                continue
            if lex.PHASED_OUT_AFTER.match(self.text, end):
                continue
            if entry.is_case and base != entry.name:
                continue
            designation = self.designation_end(end)
            if entry.is_word:
                if base != entry.name and not (base.isupper() and len(base) > 2 and not self.shouting(start)):
                    continue
                if self.initial(start) and designation == end and not self.has_equivalent(end):
                    continue
            in_tech = any(s <= start < e for s, e in self.tech_spans)
            before = self.window(start, 30)
            tail = _TYPE_CUE_BEFORE.search(before)
            cue_start = start - len(before) + tail.start(1) if tail else None
            severity = self.severity(start, designation if designation > end else end)
            if entry.is_line:
                self.add("model_type", start, designation if designation > end else end, severity, "line", brand=entry.name)
                consumed.append((start, designation))
                continue
            if cue_start is not None and designation == end:
                self.add("model_type", cue_start, end, severity, "type_brand", brand=entry.name)
                consumed.append((cue_start, end))
                continue
            if designation == end and _INSTALLED_BY.search(before):
                continue  # «ferdig innrullert av Atea»: who installs or enrols is a supplier (names.suppliers), not a brand
            kind = "generic" if entry.is_generic else ("compat" if severity == "low" else "lexicon")
            if entry.category == "medicine":
                kind = "medicine"
                if names.substance_given(self, start):
                    severity = "low"
            # «skal være X og integreres med Y»: the note says that Y, unlike X, may be named
            works_with = severity != "low" and self.bought_as(start) \
                and lex.STRONG_COMPATIBILITY.search(self.after(end, 90)) is not None
            self.add("brand", start, end, severity, kind, brand=entry.name, brand_category=entry.category,
                     noun=entry.generic_noun, in_tech=in_tech, works_with=works_with)
            if designation > end and not in_tech:
                model_start = _TOKEN.match(self.text, end).start(1)
                self.add("model_type", model_start, designation, severity, "designation", brand=entry.name)
                consumed.append((start, designation))
            self._product_by_name(entry, kind, severity, start, end)

    def _product_by_name(self, entry: lex.Brand, kind: str, severity: str, start: int, end: int) -> None:
        """A trademark used as the product's name (iPad), or a medicine's trade name where the active substance, strength
        and form would say what is needed: the product named (product_named)."""
        if entry.is_generic and self.named_as_product(start):
            self.add("product_named", start, end, "medium", "generic", noun=entry.generic_noun)
        if kind == "medicine" and severity != "low" and names.requirement_position(self, start):
            self.add("product_named", start, end, "medium", "medicine", noun=names.MEDICINE_NOUN,
                     function=names.MEDICINE_FUNCTION)

    def severity(self, start: int, end: int) -> str:
        if self.compatibility(start):
            return "low"
        return "medium" if self.has_equivalent(end) else "high"

    def _coverage(self, categories: set[str]) -> names._Coverage:
        """The characters the matches of these categories cover: an overlap test that stays linear on a long line."""
        covered = names._Coverage(len(self.text))
        for h in self.matches:
            if h.category in categories:
                covered.add(h.start, h.end)
        return covered

    def cued_designations(self) -> None:
        """«av typen X-200», «modell Z3», «av merket Acme», «Acme® ...»: references to names not in the lexicon."""
        covered = self._coverage({"brand", "model_type"})
        for category, pattern in (("model_type", lex.TYPE_CUE), ("brand", _BRAND_CUE)):
            for m in pattern.finditer(self.text):
                first = _TOKEN.match(self.text, m.end())
                if not first or first.start(1) != m.end():
                    continue
                token = first.group(1)
                if covered.overlaps(first.start(1), first.start(1) + 1) or self.in_standard(first.start(1), first.end(1)):
                    continue
                if _BARE_NUMBER_OR_LETTER.fullmatch(token) or not (token[:1].isupper() or _DIGIT.search(token)):
                    continue
                if _CLASS_NOUN.fullmatch(token):
                    continue  # «Type 2-kontakt», «type A-slukker»: a class of the goods, not a maker's model
                if token.isalpha() and _common_word(token):
                    continue
                end = max(self.designation_end(first.start(1)), first.end(1))
                start = m.start() + (3 if m.group(0).lower().startswith("av ") else 0)
                self.add(category, start if category == "model_type" else first.start(1), end, self.severity(start, end), "cue")
                second = _TOKEN.match(self.text, first.end(1))
                if category == "model_type" and second and second.start(1) < end and _PLAIN_NAME.fullmatch(token) \
                        and names.rare(token):
                    # «av typen Frionix ThermaPro 10-1/1»: a maker's name, then its model
                    self.add("brand", first.start(1), first.end(1), self.severity(start, end), "cue")
                covered.append((start, end))
        for span in self.tech_spans:
            covered.append(span)
        for m in _NAME_CODE.finditer(self.text):
            word, number = m.group(1), m.group(2)
            if covered.overlaps(m.start(), m.end()) or self.in_standard(m.start(), m.end()):
                continue
            # «Entreprise 1101», «LIS 2006b»: a contract, lot or project number, not a model
            if _YEAR.match(number[:4]) or _STREET.search(word) or _common_word(word) or self.initial(m.start()) \
                    or ctx.DOCUMENT_NOUN.fullmatch(word) \
                    or (len(word) >= 9 and names.ordinary(word)) \
                    or (word.isupper() and len(word) <= 4):
                continue
            nxt = _TOKEN.match(self.text, m.end())
            if nxt and lex.UNIT_WORDS.match(nxt.group(1)):
                continue
            self.add_name(m.start(), self.designation_end(m.start(2)) or m.end(), m.end(1), self.severity(m.start(), m.end()),
                          "code")

    def trademarks(self) -> None:
        """«Acme® ...», «Acme™»: a registered mark the lexicon does not know (brand); after the name rules, so that
        a name found without its ™ keeps the span and severity it has without it."""
        if "®" not in self.raw and "™" not in self.raw and "(" not in self.raw:
            return  # no mark in the line (the common case of a long list)
        covered = [(h.start, h.end) for h in self.matches]
        for m in _TRADEMARK.finditer(self.raw):
            if not any(s < m.end(1) and m.start(1) < e for s, e in covered):
                end = max(m.end(1), self.designation_end(m.end()))
                self.add_name(m.start(1), end, m.end(1), self.severity(m.start(), end), "trademark")

    def named_as_product(self, start: int) -> bool:
        before = self.window(start)
        if self.nearest_is_compat(start) or lex.NEGATION_BEFORE.search(before[-40:]) or _HOUSING_BEFORE.search(before):
            return False
        subject = re.fullmatch(r"[\s\"'«(\-•*]*(?:\d+|alle|nye|ny|nytt|en|et|ei|to|tre|fire|fem|seks|the|a|an|all|new)?\s*"
                               r"(?:interaktive|digitale|nye)?\s*", before, re.IGNORECASE)
        # «Varmepumpene skal kunne styres fra …»: the definite subject is the purchase already introduced, and the
        # requirement is about what it must do; «Robotgressklipper skal …» still names the product as the demand
        if subject and not before.strip() and _DEFINITE_SUBJECT.match(self.text, start):
            subject = None
        return bool(lex.ACQUISITION.search(before) or subject)

    def products(self) -> None:
        """Product nouns named as the thing to buy instead of the need they serve (product_named)."""
        nouns = lex.PRODUCT_NOUNS
        for m in lex.product_regex().finditer(self.text):
            index = int((m.lastgroup or "p0")[1:])
            if any(h.start <= m.start() < h.end for h in self.matches if h.category == "product_named"):
                continue
            if self.named_as_product(m.start()):
                self.add("product_named", m.start(), m.end(), "medium", "noun", noun=nouns[index][1], function=nouns[index][2])

    def _guarded(self, start: int, extra: re.Pattern[str] | None = None) -> bool:
        """A stated purpose or a universal-design reason in the sentence makes a material or measure legitimate."""
        if self.sentence_has(lex.FUNCTION_TIE, start) or self.sentence_has(lex.UNIVERSAL_DESIGN, start):
            return True
        return bool(extra and self.sentence_has(extra, start))

    def materials(self) -> None:
        """Materials chosen without a function: C-424/23 DYKA treats a required material as a type reference."""
        for pattern in (lex.MATERIAL_PHRASE, lex.MATERIAL_IS, lex.MATERIAL_COMPOUND, lex.MATERIAL_ADJECTIVE_NOUN,
                        lex.MATERIAL_GOODS_COMPOUND, lex.MATERIAL_CODE):
            for m in pattern.finditer(self.text):
                if self._guarded(m.start(), lex.ENVIRONMENTAL) or lex.NEGATION_BEFORE.search(self.window(m.start(), 30)):
                    continue
                # «trevinduer» is a requirement only where the sentence obliges (a title may just name the goods), and not
                # where the goods are already there and to be worked on («riving av tredører», «Trevinduer … skal males»)
                if pattern in (lex.MATERIAL_GOODS_COMPOUND, lex.MATERIAL_CODE) and (
                        not self.sentence_has(ctx.OBLIGATION, m.start())
                        or lex.EXISTING_GOODS_BEFORE.search(self.window(m.start(), 60))
                        or lex.WORKED_ON_AFTER.match(self.text, m.end(), self.sentence(m.start())[1])
                        or (pattern is lex.MATERIAL_CODE and _AN_EXAMPLE_BEFORE.search(self.window(m.start(), 25)))):
                    continue
                # a material is a requirement on the goods only where something is required («skal være av eik»);
                # «behandling av gips» or «tilsetningsstoffer i plast» name the material the work is about
                cue = _MATERIAL_CUE.match(m.group(0)) if pattern is lex.MATERIAL_PHRASE else None
                if cue and _PLACE_MATERIAL.fullmatch(m.group(0)[cue.end():]) and not self.shouting(m.start()):
                    continue  # «Skredsikring i Ask»: a capitalised word after «i» is a place, not ash wood
                handled = (_HANDLED_RIGHT_BEFORE if pattern is lex.MATERIAL_PHRASE
                           else _WORKED_ON_BEFORE if pattern is lex.MATERIAL_GOODS_COMPOUND else _HANDLED_BEFORE)
                if names.descriptive(self.sentence_text(m.start())) or handled.search(self.window(m.start(), 60)):
                    continue
                # «laget av eik»: the span is the material, not the cue words before it
                if pattern is lex.MATERIAL_IS:
                    start = m.start("mat")
                elif pattern in (lex.MATERIAL_COMPOUND, lex.MATERIAL_ADJECTIVE_NOUN, lex.MATERIAL_GOODS_COMPOUND,
                                 lex.MATERIAL_CODE):
                    start = m.start()
                else:  # «laget av eik»: after the whole cue, not only its first word
                    start = m.start() + (cue.end() if cue else len(m.group(0)) - len(m.group(0).split(None, 1)[1]))
                if any(h.kind == "material" and h.start <= start < h.end for h in self.matches):
                    continue
                parts = self.sentence_has(ctx.OWNED_EQUIPMENT, start) and self.sentence_has(ctx.PARTS_FOR, start)
                severity = "low" if self.has_equivalent(m.end()) or parts else "medium"
                self.add("material_dimension_method", start, m.end(), severity, "material")

    def sensing_and_links(self) -> None:
        """How a device senses («IR-videokamera») or the wired link it must use («kablet nettverk»), chosen without a
        purpose (prescribed_technology); a wired link only where the sentence names a device or technology it serves,
        since a cabled network can itself be what is bought."""
        for pattern, group, kind in ((lex.SENSING_TECH, "tech", "sensing"), (lex.SENSING_WITH, "tech", "sensing"),
                                     (lex.SENSING_PRINCIPLE, "tech", "sensing"), (lex.MEASURING_PRINCIPLE, "tech", "sensing"),
                                     (lex.WIRED_LINK, "net", "network")):
            for m in pattern.finditer(self.text):
                start, end = m.start(group), m.end(group) if kind == "sensing" else m.end()
                if any(h.start < end and start < h.end for h in self.matches if h.category == "prescribed_technology"):
                    continue
                if lex.NEGATION_BEFORE.search(self.window(start, 40)) or self._guarded(start) \
                        or not (names.requirement_position(self, start) or (kind == "sensing" and self.verbless(start))):
                    continue
                sentence_start, sentence_end = self.sentence(start)
                if kind == "network" and not any(
                        sentence_start <= h.start < sentence_end for h in self.matches
                        if h.category in {"product_named", "prescribed_technology", "brand"}):
                    continue
                severity = "low" if self.nearest_is_compat(start) else "medium"
                self.add("prescribed_technology", start, end, severity, kind, compat=severity == "low")

    def dimensions(self) -> None:
        """Exact measures with no bound and no purpose: they usually copy today's product."""
        for m in lex.DIMENSIONS.finditer(self.text):
            if self._guarded(m.start()) or self.bounded(m.start(), m.end()) or self.in_standard(m.start(), m.end()):
                continue
            if any(h.start <= m.start() < h.end for h in self.matches):
                continue
            # «bru for privat adkomstveg (bredde 5m / lengde 7m)»: a measure in a line that neither obliges nor acquires
            # describes the object; it is a requirement only where something is required or bought
            if not names.requirement_position(self, m.start()):
                continue
            if self.sentence_has(ctx.PITCH, m.start()) and re.search(r"(?<![\w,.])m(?:eter)?$", m.group(0)):
                continue  # «kunstgressbane på 105 x 68 m»: the size of the pitch the rules of the game set, not a product's
            if _STRUCTURE_AFTER.match(self.text, m.end()) and self.sentence_has(_WORKS_SCOPE, m.start()):
                continue  # «skal det bygges … en 100 meter lang miljøtunnel»: the project's scope, not a product's size
            if _SIZE_RANGE_BEFORE.search(self.text[max(0, m.start() - 60):m.start()]):
                continue  # «i størrelsene 5 x 5 cm og 10 x 10 cm»: the sizes a range must offer, not one product's size
            self.add("material_dimension_method", m.start(), m.end(), "medium", "dimension")

    def colours(self) -> None:
        """A colour is legitimate when it serves safety or visibility; otherwise it is a product detail."""
        for m in lex.COLOUR_PHRASE.finditer(self.text):
            if self._guarded(m.start(), _COLOUR_PURPOSE):
                continue
            if re.match(r"(?:RAL|NCS)", m.group(0), re.IGNORECASE) and any(
                    h.category in {"brand", "model_type"} and not re.search(r"[,;.]", self.text[min(h.end, m.start()):max(h.start, m.end())])
                    for h in self.matches):
                continue  # «Steni Colour i fargen NCS S 2002-Y»: the code is the named product's colour, flagged with it
            if re.match(r"(?:RAL|NCS)", m.group(0), re.IGNORECASE) and re.match(r"\s*\[", self.text[m.end():]):
                continue  # a draft's «Fargen skal være RAL 7035 [skriv hvorfor …]»: the reason is asked for right there
            self.add("material_dimension_method", m.start(), m.end(), "medium", "colour")

    def methods(self) -> None:
        """Working methods, fixed menus and placements where a result requirement would do."""
        for kind, pattern in (("method", lex.METHOD_VERBS), ("method", lex.WORKER_USES), ("menu", lex.FIXED_MENU),
                              ("placement", lex.PLACEMENT)):
            for m in pattern.finditer(self.text):
                if self._guarded(m.start(), lex.ENVIRONMENTAL) or self.in_standard(m.start(), m.end() + 12):
                    continue  # «utføres i utførelsesklasse EXC2 etter NS-EN 1090-2»: a class the standard defines
                if pattern in (lex.WORKER_USES, lex.METHOD_VERBS) and any(
                    m.start() <= h.start < m.end() for h in self.matches
                    if h.category in {"brand", "model_type", "prescribed_technology", "product_named"}
                ):
                    continue  # the tool is a named product: that finding says it better
                # «vaskes med» in a description of today is not a prescription; a modal verb makes it one
                if pattern is lex.METHOD_VERBS and not self.sentence_has(lex.MODAL, m.start()):
                    continue
                start, end = (m.start("span"), m.end("span")) if pattern is lex.WORKER_USES else (m.start(), m.end())
                if _PLACE_OBJECT.search(self.text, m.start(), end) or ctx.DOCUMENT_NOUN.search(self.text[start:end]):
                    continue  # where the work is done, or the buyer's form or a public norm used: not a working method
                self.add("material_dimension_method", start, end, "medium", kind)
        self.named_methods()

    def named_methods(self) -> None:
        """A named method the work must follow («etter mikrofibermetoden»): ask for the result and allow equivalent
        methods (medium; low when «eller tilsvarende» already follows)."""
        for m in lex.NAMED_METHOD.finditer(self.text):
            start, end = m.start(), m.end()
            if any(h.start < end and start < h.end for h in self.matches):
                continue  # «utføres med metoden Swep»: the working-method finding already covers it
            if not self.sentence_has(lex.MODAL, start) or self.in_standard(start, end + 12) or self._guarded(start):
                continue
            if self.sentence_has(lex.MEASURING_METHOD, start) or lex.NEGATION_BEFORE.search(self.window(start, 30)):
                continue  # «rekkevidden skal måles etter WLTP-metoden»: how a result is shown, not how the work is done
            self.add("material_dimension_method", start, end, "low" if self.has_equivalent(end) else "medium", "method")
        for m in lex.METHOD_FRAMEWORK.finditer(self.text):
            start, end = m.start(), m.end()
            # «Lean Six Sigma» read by shape as a maker and a model: it is the name of a method
            self.matches[:] = [h for h in self.matches if not (h.category in {"brand", "model_type"}
                                                               and start <= h.start and h.end <= end)]
            if any(h.start < end and start < h.end for h in self.matches):
                continue  # «bruke PRINCE2»: the working-method finding already covers it
            if not self.sentence_has(lex.MODAL, start) or self._guarded(start) \
                    or _TRAINED_IN.search(self.text[max(0, start - 40):start]):
                continue  # «sertifisert i PRINCE2»: a competence of the people (the certification rule's), not a method
            self.add("material_dimension_method", start, end, "low" if self.has_equivalent(end) else "medium", "method")

    def bounded(self, start: int, end: int) -> bool:
        before = self.text[max(0, start - 25):start]
        return bool(lex.BOUND_BEFORE.search(before) or re.search(r"[-–]\s*$", before) or _RANGE_BEFORE.search(before)
                    or lex.BOUND_AFTER.match(self.text[end:end + 20]))

    def same_as_current(self) -> None:
        """«Same as today» wording that makes the current solution the requirement (same_as_current)."""
        for m in lex.SAME_AS_CURRENT.finditer(self.text):
            if lex.AS_GOOD_AS.search(self.text[max(0, m.start() - 25):m.start()]):
                continue
            if names.descriptive(self.sentence_text(m.start())):
                continue  # «estimater basert på opplysninger fra nåværende leverandører»: where a figure comes from
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            self.add("same_as_current", start, m.end(), "high", "current")

    def tailoring(self) -> None:
        """Sentences whose combination of exact, odd parameter values fits one product only (tailoring)."""
        param = _PARAMETER
        by_sentence: dict[tuple[int, int], list[tuple[int, int, int]]] = {}
        for m in param.finditer(self.text):
            exact = bool(m.group("exact"))
            unit = m.group("unit")
            if re.fullmatch(lex.TIME_UNIT, unit, re.IGNORECASE) and not exact:
                continue
            if not exact and (self.bounded(m.start("num"), m.end()) or lex.OUTCOME_WORDS.search(self.clause_before(m.start(), 40))):
                continue
            if self.in_standard(m.start(), m.end()):
                continue
            numbers = re.findall(lex.NUMBER, m.group(0))
            points = 1 + int(any(_odd(n) for n in numbers)) + int(exact)
            by_sentence.setdefault(self.sentence(m.start()), []).append((m.start(), m.end(), points))
        for (s, e), params in by_sentence.items():
            details = [h for h in self.matches if h.kind in {"colour", "placement"} and s <= h.start < e]
            score = sum(p for _, _, p in params) + len(details)
            # two odd values, or three exact values of any kind: together they describe one product's data sheet; two
            # odd values alone where the sentence lists at least four features («10,9 tommers skjerm, veie 477 g, ha
            # USB-C-port og fingeravtrykkleser …») are the same data sheet read out
            listed = len(_LIST_BREAK.split(self.text[s:e])) >= 4
            if (len(params) >= 2 and score >= 5) or len(params) >= 3 or (len(params) >= 2 and score >= 4 and listed):
                start = min([p[0] for p in params] + [h.start for h in details])
                end = max([p[1] for p in params] + [h.end for h in details])
                self.add("tailoring", start, end, "high", "combination", count=len(params), points=score)

    def missing_equivalent(self) -> None:
        """Brand/model references without «eller tilsvarende» after them (missing_or_equivalent)."""
        refs = sorted((h for h in self.matches if h.category in {"brand", "model_type"}), key=lambda h: h.start)
        groups: list[list[Match]] = []
        group_end = 0  # the furthest end in the last group (not recomputed per match: a group can hold thousands)
        for match in refs:
            if groups and match.start <= group_end + 2:
                groups[-1].append(match)
                group_end = max(group_end, match.end)
            else:
                groups.append([match])
                group_end = match.end
        for group in groups:
            start, end = min(h.start for h in group), max(h.end for h in group)
            if all(h.severity == "low" for h in group) or self.has_equivalent(end):
                continue
            self.add("missing_or_equivalent", start, end, "high", "missing")

    def run(self) -> list[Match]:
        """Every rule in order; the matches sorted by position, then by category order."""
        self.technologies()
        self.drives_and_networks()
        self.plants_for_needs()
        self.build_details()
        self.brands_and_models()
        self.cued_designations()
        names.medicines(self)
        names.suppliers(self)
        names.unknown_names(self)
        self.trademarks()
        names.origin(self)
        names.producers(self)
        names.technique_services(self)
        names.standards(self)
        names.certifications(self)
        names.approvals(self)
        names.technology_phrases(self)
        names.prescribed_names(self)
        names.chosen_names(self)
        self.products()
        self.sensing_and_links()
        self.materials()
        self.dimensions()
        self.colours()
        self.methods()
        self.same_as_current()
        self.tailoring()
        names.exact_values(self)
        self.missing_equivalent()
        names.settle(self)
        self.repeated_brands()
        self.licence_renewal()
        return sorted(self.matches, key=lambda h: (h.start, lex.FINDING_CATEGORIES.index(h.category)))

    def licence_renewal(self) -> None:
        """Licences for software the buyer already runs, renewed or extended («fornye lisensene til X for vår eksisterende
        løsning», «utvide abonnementet på X med 40 brukere»): the product's name refers to the installation the buyer
        has, a lawful reference (low); a reseller named for the licences («kjøpes gjennom Y», «via Y») is the finding,
        since any reseller of the product can deliver them (supplier, kind reseller)."""
        for m in _RENEWAL.finditer(self.text):
            name = _PRODUCT_NAME.match(self.text, m.end())
            if name is None:
                continue
            start, end = m.end(), name.end()
            self.matches = [Match(h.category, h.start, h.end, "low", h.kind, h.detail)
                            if h.category in {"brand", "model_type", "missing_or_equivalent", "prescribed_technology"}
                            and start <= h.start < end else h for h in self.matches]
            named = [h for h in self.matches if h.start >= end and h.severity != "low"
                     and h.category in {"brand", "missing_or_equivalent", "supplier", "model_type"}
                     and _RESELLER_BEFORE.search(self.text, max(0, h.start - 25), h.start)]
            for first in sorted(named, key=lambda h: h.start)[:1]:
                spans = [h for h in named if h.start < first.end + 1 and first.start <= h.start]
                stop = max(h.end for h in spans)
                self.matches = [h for h in self.matches if h not in spans]
                self.add("supplier", first.start, stop, "high", "reseller")
            if not named:  # «via Atea AS»: a company the lexicon does not know, told by its cue and its capital
                for r in _RESELLER_NAMED.finditer(self.text, end):
                    if not any(h.start < r.end("name") and r.start("name") < h.end for h in self.matches):
                        self.add("supplier", r.start("name"), r.end("name"), "high", "reseller")
                        break

    def repeated_brands(self) -> None:
        """A brand found once is the same brand where the text names it again («utføres med Soudal Soudafoam og Soudal
        fugemasse»): each other mention gets the finding the first got, so the rewrite removes them all."""
        # Each brand word once (a long text names one brand thousands of times), and whether a position is already
        # inside a finding looked up by bisection over the findings sorted by start (linear scans were quadratic).
        spans = sorted((m.start, m.end) for m in self.matches)
        starts = [start for start, _ in spans]
        reach = list(itertools.accumulate((end for _, end in spans), max))  # the furthest end of the spans up to i
        done: set[str] = set()
        for match in [m for m in self.matches if m.category == "brand"]:
            word = _FIRST_NAME.match(self.text, match.start)
            if word is None or not word.group(0)[:1].isupper() or word.group(0) in done:
                continue
            done.add(word.group(0))
            for other in re.finditer(rf"(?<![\w\-]){re.escape(word.group(0))}(?![\w\-])", self.text):
                i = bisect.bisect_right(starts, other.start()) - 1
                if i < 0 or reach[i] <= other.start():
                    self.add("brand", other.start(), other.end(), match.severity, match.kind,
                             **{**match.detail, "repeated": True})


_FIRST_NAME = re.compile(r"[^\W\d_][\w\-]{2,}")
_INCH_MARK = re.compile(r"(?<=\d)[\"”](?=\s|[,.;:)]|$)")
_BRAND_CODE = re.compile(r"(?<![\w\-])([^\W\d_][\w\-]*)\s+[A-Z0-9]{1,3}$")


def _restore_inch_marks(raw: str, text: str) -> str:
    """Put back a double quote that marks inches after a number («32" skjerm»), blanked with the quotation marks:
    one preceded by an even number of quotes opens nothing, so it is no closing quote («"Aerolux 60"»)."""
    chars = None
    for m in _INCH_MARK.finditer(raw):
        if raw.count('"', 0, m.start()) % 2 == 0 and raw.count("“", 0, m.start()) == raw.count("”", 0, m.start()):
            chars = chars or list(text)
            chars[m.start()] = raw[m.start()]
    return "".join(chars) if chars else text


def _brand_code_before(text: str, pos: int) -> bool:
    """A lexicon brand and a short code right before a full stop («VW ID.»): the stop is part of the model name."""
    m = _BRAND_CODE.search(text, max(0, pos - 40), pos)
    if m is None or not text[pos + 1:pos + 3].strip()[:1].isupper():
        return False
    return lex.brand_key(m.group(1)) in lex.load_brands()


def _odd(number: str) -> bool:
    """A value that looks copied from a data sheet (1,19 kg, 412 g) rather than chosen as a round requirement."""
    whole, _, decimals = number.replace(",", ".").partition(".")
    if decimals.strip("0"):
        return decimals.rstrip("0")[-1] != "5"
    value = int(whole)
    return value >= 10 and value % 5 != 0 and value & (value - 1) != 0 and value not in {12, 24, 48}


def renewed_product(text: str) -> str:
    """The product whose licences the text renews or extends («Visma Enterprise» in «utvide lisensene til Visma
    Enterprise for …»), or ''."""
    m = _RENEWAL.search(text)
    name = _PRODUCT_NAME.match(text, m.end()) if m else None
    return name.group(0).strip() if name else ""


def find_matches(text: str) -> list[Match]:
    """Run the rules over one requirement text: the raw matches, without explanations or citations."""
    return whole_names(text, _Scan(text).run())
