"""Amounts, periods and contract terms as Norwegian notices write them: «kr 2,35 mill.», «3 MNOK», «1.490.000,-»,
«7 mill. NOK eksklusive merverdiavgift», «per år», «2 år med opsjon på 1 + 1 år», «mellom 14,0 og 16,0 MNOK».

Every reading keeps the words it came from. The reader tokenises the text once and looks at short windows around
each number, so its cost grows linearly with the text (a regex that must find a unit after a long run of digit
groups backtracks through the run from every starting point, which took 27 s on 40 000 characters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from advisor.assessment.case import MAX_AMOUNT_NOK

# A number: digit groups with space, no-break space or dot as thousands separator (1 490 000, 1.490.000,50), or plain
# digits with an optional decimal part (2,35 / 2.5 / 240000000). Nothing is required after the number, so a match never
# backtracks through a run of digit groups; units and currencies are looked for in short windows afterwards.
_NUMBER = re.compile(r"(?<![\w,])(?<!(?<!ca)\.)(\d{1,3}(?:,\d{3}){2,}(?![\d,])|\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d{1,2})?(?![\d])|"
                     r"\d+(?:[.,]\d{1,3})?(?![\d]))")
_AFTER_UNIT = re.compile(
    r"\s{0,3}(?P<unit>mrd\.?|milliard(?:er|ar)?|mnok|mill(?:ioner|ionar|ion|\.)?|mio\.?|tusen|k(?![\w])|kroner|kr\.?|nok|,-)(?![\w])",
    re.IGNORECASE)
_BEFORE_CURRENCY = re.compile(r"(?:\bkr\.?|\bnok|\b(?P<mnok>mnok))\s{0,3}$", re.IGNORECASE)
# «kr 600'» / «450’ kr»: an apostrophe after the number is the accountant's mark for thousands (with a currency).
_THOUSANDS_MARK = re.compile(r"(?P<unit>['’])(?![\w'’])")
_CURRENCY_AFTER_MARK = re.compile(r"['’]\s{0,3}(?:kr\b|kroner\b|nok\b|,-)", re.IGNORECASE)
_MILLION_M = re.compile(r"\s?(?P<unit>m)(?![\w²³])")
_SCALE = {"m": 10**6, "'": 10**3, "’": 10**3, "mrd": 10**9, "milliard": 10**9, "mnok": 10**6, "mill": 10**6, "mio": 10**6, "tusen": 10**3, "k": 10**3}
_RANGE_JOIN = re.compile(r"^\s{0,3}(?:og|til|-|–)\s{0,3}$", re.IGNORECASE)
_NEGATIVE = re.compile(r"(?:^|[^\d\s])\s*(?:-|−)\s?$|\bminus\s$", re.IGNORECASE)

# Within the same sentence: abbreviation dots («eks. mva. pr. år») are allowed, a full stop before a capital is not.
_SAME_SENTENCE = r"(?:(?!(?<!excl)(?<!incl)\.\s+(?-i:[A-ZÆØÅ]))[^;\d])"  # «excl. VAT» does not end a sentence
_PER_YEAR_AFTER = re.compile(rf"^\s*/\s*(?:år|året|year|yr|annum)\b|^{_SAME_SENTENCE}{{0,25}}?/\s*(?:år|året)\b|^{_SAME_SENTENCE}{{0,40}}?\b(?:per|pr\.?)\s*år\b|^{_SAME_SENTENCE}{{0,40}}?\bi året\b|"
                             rf"^{_SAME_SENTENCE}{{0,25}}?\bårlig\b|"
                             rf"^{_SAME_SENTENCE}{{0,40}}?\b(?:per|a|an|each)\s+year\b|^{_SAME_SENTENCE}{{0,25}}?\b(?:annually|yearly)\b",
                             re.IGNORECASE)
_PER_MONTH_AFTER = re.compile(rf"^\s*/\s*(?:mnd\.?|måned|månad|month)|^{_SAME_SENTENCE}{{0,25}}?/\s*(?:mnd|måned)|^{_SAME_SENTENCE}{{0,40}}?\b(?:per|pr\.?)\s*(?:måned|mnd\.?)|^{_SAME_SENTENCE}{{0,40}}?\bi måneden\b|"
                              rf"^{_SAME_SENTENCE}{{0,25}}?\bmånedlig\b|"
                              rf"^{_SAME_SENTENCE}{{0,40}}?\b(?:per|a|each|every)\s+month\b|^{_SAME_SENTENCE}{{0,25}}?\bmonthly\b",
                              re.IGNORECASE)
# «Årlig verdi er ca. 3 mill. kr»: abbreviation dots may stand between the period word and the amount, a sentence end not.
_PER_YEAR_BEFORE = re.compile(rf"\b(?:årlig|årlige|årleg|årlege)\b{_SAME_SENTENCE}{{0,60}}$|\b(?:per|pr\.?)\s+år\b[^.;\d]{{0,15}}$|"
                              rf"\b\w*(?:verdi|kostnad|forbruk|omsetning)\w*\s+(?:for|i)\s+(?:et|ett|eitt|eit)\s+år\b{_SAME_SENTENCE}{{0,20}}$",
                              re.IGNORECASE)
_PER_MONTH_BEFORE = re.compile(rf"\b(?:månedlig|månedlige|månadleg)\b{_SAME_SENTENCE}{{0,60}}$", re.IGNORECASE)
_TOTAL_CUE = re.compile(r"\b(?:totalt?|samlet|samla|i alt|hele (?:avtale|kontrakts)perioden|over \d+ år|inkl(?:\.|usive)? "
                        r"opsjon|med opsjoner|kostnadsramme|øvre|maksimal|maks)\b|"
                        # «Anslått totalverdi inkludert opsjoner er …», «samla verdi medrekna opsjonane»: a value that
                        # names the options it includes is the total, whatever figure came before it.
                        r"\btotalverdi\w*|\buttak\w* (?:på|for|av) (?:inntil|opptil|maksimalt)\b|\boppad begrenset til\b|\b(?:inkl\.?|inklusive?|inkludert|medregnet|medrekna)\s+(?:\w+\s+)?opsjon\w*",
                        re.IGNORECASE)
# «2,5 MNOK årlig, totalt 10 MNOK»: when «årlig» closes a clause and a total word opens the next, «årlig» belongs to
# the figure before it and the amount is the total. «Årlig verdi er totalt 3 mill.» stays a yearly figure.
_TOTAL_WORD = re.compile(r"^\w+\s*(?:,|;|og\b|men\b)\s*(?:\w+\s+){0,2}?(?:totalt?|samlet|samla|i alt|til sammen)\b",
                         re.IGNORECASE)
# VAT wordings: «inkl. mva.», «inklusive/inkludert/inklusiv merverdiavgift», «medregnet mva», «med mva»;
# «eks./ekskl./eksklusive/uten/ekskludert mva».
# «eksklusiv opsjoner og mva»: one other word joined by «og» may stand between the VAT wording and «mva».
_VAT_OBJECT = r"\s*(?:\w+\s+og\s+)?(?:mva|merverdiavgift|meirverdiavgift|moms)\b"
_VAT_INCLUDED = re.compile(rf"\b(?:inkl\.?|inklusive?|inkludert|inklusiv|medregnet|med){_VAT_OBJECT}", re.IGNORECASE)
# «2 mill. kronereks. mva.»: the space before «eks.» lost after «kroner».
_VAT_EXCLUDED = re.compile(rf"(?:\b|(?<=kroner))(?:eks\.?|ekskl\.?|eksl\.?|eksklusive?|ekskludert|uten|excl\.?|ex\.?){_VAT_OBJECT}", re.IGNORECASE)


@dataclass
class Amount:
    """One amount read from a text, in whole kroner as written (VAT not converted), with what the words around it say."""

    value: int
    phrase: str
    start: int  # where the phrase starts (a currency before the number included)
    end: int
    period: str | None = None  # "year" | "month" when the amount is per period
    period_phrase: str = ""
    vat: str | None = None  # "included" | "excluded" when the words say so
    vat_phrase: str = ""
    is_total: bool = False  # the words call it a total («totalt», «samlet», «kostnadsramme»)


@dataclass
class AmountProblem:
    """An amount that cannot be a contract value (too large, negative), with the words it came from."""

    phrase: str
    reason: str


def read_amounts(text: str) -> tuple[list[Amount], list[AmountProblem]]:
    """Every amount of money in the text, and the numbers that look like money but cannot be a value."""
    amounts: list[Amount] = []
    problems: list[AmountProblem] = []
    tokens = [_after_label(text, token) for token in _NUMBER.finditer(text)]
    for index, token in enumerate(tokens):
        after = text[token.end(): token.end() + 24]
        before = text[max(0, token.start() - 8): token.start()]
        unit = _AFTER_UNIT.match(after)
        if unit is None and re.fullmatch(r"\d{1,3}(?:[ .]\d{3}){2,}", token.group(1)):
            unit = _STRAY_DOT_UNIT.match(after)  # «ca. 4.000.000. NOK»: a stray dot before the currency
        currency_before = _BEFORE_CURRENCY.search(before)
        if unit is None and _THOUSANDS_MARK.match(after) and (currency_before or _CURRENCY_AFTER_MARK.match(after)):
            unit = _THOUSANDS_MARK.match(after)  # «kr 600'», «450' kr»: the apostrophe is thousands
        if unit is None and currency_before and _MILLION_M.match(after):
            unit = _MILLION_M.match(after)  # «NOK 2m»: after a currency, «m» is million (never metres)
        scale = _scale(unit.group("unit")) if unit else None
        if scale is None and currency_before is not None and currency_before.group("mnok"):
            scale = 10**6  # «MNOK 3»
        if unit is None and currency_before is None:
            scale = _bare_scale(text, tokens, index)
            if scale is None:
                continue
        start = token.start() - (len(before) - currency_before.start()) if currency_before else token.start()
        end = token.end() + (unit.end() if unit else 0)
        phrase = text[start:end].strip()
        value, problem = _value(token.group(1), scale or 1, phrase)
        if problem:
            problems.append(problem)
            continue
        if currency_before is None and _NEGATIVE.search(text[max(0, token.start() - 7): token.start()]):
            problems.append(AmountProblem(_short(phrase), "et beløp kan ikke være negativt"))
            continue
        amounts.append(_with_context(text, Amount(value, phrase, start, end)))
    taken = [(a.start, a.end) for a in amounts]
    for value, start, end in _worded_amounts(text):
        if not any(a < end and start < b for a, b in taken):
            amounts.append(_with_context(text, Amount(value, text[start:end], start, end)))
    amounts.sort(key=lambda a: a.start)
    return _merge_ranges(text, amounts), problems


# Any figure, an amount of money or not («50 %», «3 mill. kr», «NOK 8 million», «tre» in words not): a number with the
# units and currency after it, «NOK» before it; not a paragraph number («§ 13-1») or the tail of another figure.
_ANY_FIGURE = re.compile(r"(?<!§)(?<!§\s)(?<![\d-])(?:NOK\s*)?\d[\d\s.,]*"
                         r"(?:\s*(?:%|prosent|percent|mill\w*|mrd\.?|kr\b|kroner|nok\b|mnok)\.?)*", re.IGNORECASE)


def figure_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every figure in the text: the amounts read_amounts reads and also percentages and bare
    numbers, which are no amounts of money (a paragraph number is no figure)."""
    return [m.span() for m in _ANY_FIGURE.finditer(text)]


# Amounts in words («to komma seks millioner kroner», «én million åtte hundre tusen kroner», «en halv million kr»):
# read only with a currency word after them, so counts («tre millioner innbyggere») stay counts.
_SMALL_WORDS = {"null": 0, "en": 1, "én": 1, "ett": 1, "eitt": 1, "ein": 1, "ei": 1, "to": 2, "tre": 3, "fire": 4,
                "fem": 5, "seks": 6, "sju": 7, "syv": 7, "åtte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12,
                "tretten": 13, "fjorten": 14, "femten": 15, "seksten": 16, "sytten": 17, "atten": 18, "nitten": 19,
                "tjue": 20, "tretti": 30, "førti": 40, "femti": 50, "seksti": 60, "sytti": 70, "åtti": 80, "nitti": 90,
                "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10}
_SMALL = "(?:" + "|".join(sorted(_SMALL_WORDS, key=len, reverse=True)) + ")"
_COUNT = rf"(?:{_SMALL}(?:\s+hundre(?:\s+og)?(?:\s+{_SMALL})?)?|hundre(?:\s+og\s+{_SMALL})?)"
_WORDED = re.compile(
    rf"\b(?:(?P<half>en\s+halv|ein\s+halv|halvannen|halvanna|half\s+a)\s+(?:million|millioner|mill\.?)"
    rf"|(?P<m>{_COUNT})(?:\s+komma\s+(?P<dec>{_SMALL})|\s+og\s+(?P<mhalf>en|ein|a)\s+(?:halv|half))?\s+(?:millioner|millionar|million|millions|mill\.?)"
    rf"(?:\s+(?:og\s+)?(?P<mt>{_COUNT})\s+tusen)?"
    rf"|(?P<t>{_COUNT})\s+(?:tusen|thousand))"
    rf"(?=\s*(?:kroner|kr\b|nok\b|norske kroner))",
    re.IGNORECASE)


def _count_value(words: str) -> int:
    """«åtte hundre» -> 800, «tolv» -> 12, «hundre og femti» -> 150."""
    total, current = 0, 0
    for word in words.lower().split():
        if word == "og":
            continue
        if word == "hundre":
            current = (current or 1) * 100
        else:
            current += _SMALL_WORDS.get(word, 0)
    return total + current


def _worded_amounts(text: str) -> list[tuple[int, int, int]]:
    """(value in kroner, start, end) of each amount written in words before a currency word."""
    found = []
    for m in _WORDED.finditer(text):
        if m.group("half"):
            value = 1_500_000 if m.group("half").lower().startswith("halvan") else 500_000
        elif m.group("m"):
            value = _count_value(m.group("m")) * 1_000_000
            if m.group("mhalf"):
                value += 500_000
            if m.group("dec"):
                value += _SMALL_WORDS[m.group("dec").lower()] * 100_000
            if m.group("mt"):
                value += _count_value(m.group("mt")) * 1_000
        else:
            value = _count_value(m.group("t")) * 1_000
        end = m.end()
        currency = re.match(r"\s*(?:norske kroner|kroner|kr\.?|nok)", text[end:], re.IGNORECASE)
        if value and value <= MAX_AMOUNT_NOK:
            found.append((value, m.start(), end + (currency.end() if currency else 0)))
    return found


# A number in thousands groups without «kr» is money when a period or a value cue says so: «ca. 400 000 i året»,
# «for ca. 850 000», «verdien er 650 000». Counts («2 000 elever») have neither.
_BARE_BEFORE = re.compile(r"\b(?:for|verdi(?:en)?\s+(?:er|på)|(?:kontrakten|avtalen|anskaffelsen|kjøpet)\s+(?:er\s+)?på|"
                          r"koster|budsjett(?:et)?\s+(?:er|på))\s+(?:ca\.?|cirka|omtrent|rundt|anslagsvis|om lag)?\s*$",
                          re.IGNORECASE)


# «eining 2 300 000 kr», «skole 3 450 000 kr»: a unit's number before an amount is not its first digit group.
_LABEL_BEFORE = re.compile(r"\b(?:eining|enhet|avdeling|skole|skule|school|unit|department|delkontrakt|lot|sone|zone|"
                           r"område|bydel|barnehage|sykehjem|sjukeheim|bygg|site|delentreprise|entreprise|rode|"
                           r"delområde|del|part)\s$", re.IGNORECASE)


def _after_label(text: str, token: re.Match[str]) -> re.Match[str]:
    """The number after a unit's own number («eining 2 300 000 kr» -> «300 000»), or the token as it is."""
    first = re.match(r"\d{1,2}[ \u00a0]\d{3}(?:[ \u00a0]\d{3})?(?!\d)", token.group(1))
    if not first or not _LABEL_BEFORE.search(text[max(0, token.start() - 20): token.start()]):
        return token
    rest = _NUMBER.match(text, token.start() + token.group(1).index(" ") + 1 if " " in token.group(1) else token.end())
    return rest if rest else token


def _bare_scale(text: str, tokens: list[re.Match[str]], index: int) -> int | None:
    """The scale of a number with no unit or currency of its own, from its neighbours; None when it is no amount."""
    token = tokens[index]
    if _label_number(text, token):
        return None  # «… for delkontrakt 2 og 14 mill.»: the lot's own number is no amount
    # «mellom 14,0 og 16,0 MNOK»: the first number of a range takes the unit of the second.
    scale = _range_partner(text, token, tokens[index + 1] if index + 1 < len(tokens) else None)
    if scale is None and _bare_amount(text, token):
        scale = 1
    if scale is None:
        scale = _list_scale(text, tokens, index)
    if scale is None and index:
        scale = _range_follower(text, tokens[index - 1], token)
    return scale


def _label_number(text: str, token: re.Match[str]) -> bool:
    """«delkontrakt 1», «sone 2»: a lot's or unit's own small number (without a unit after it)."""
    return bool(re.fullmatch(r"\d{1,2}", token.group(1))
                and _LABEL_BEFORE.search(text[max(0, token.start() - 20): token.start()]))


def _bare_amount(text: str, token: re.Match[str]) -> bool:
    """A grouped number of at least 10 000 with a period after it or a value cue before it (see _BARE_BEFORE)."""
    digits = token.group(1)
    if len(digits) > 19 or not re.fullmatch(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+", digits) \
            or int(re.sub(r"\D", "", digits)) < 10_000:
        return False
    after = text[token.end(): token.end() + 60]
    return bool(_PER_YEAR_AFTER.match(after) or _PER_MONTH_AFTER.match(after)
                or _BARE_BEFORE.search(text[max(0, token.start() - 40): token.start()]))


def _scale(unit: str) -> int:
    word = unit.lower().rstrip(".")
    for prefix, factor in _SCALE.items():
        if word.startswith(prefix) and (prefix not in ("k", "m") or word == prefix):
            return factor
    return 1


def _range_partner(text: str, token: re.Match[str], following: re.Match[str] | None) -> int | None:
    """The scale of the next number when this one is the first end of a range («14,0 og 16,0 MNOK»), else None."""
    if following is None or not _RANGE_JOIN.match(text[token.end(): following.start()]):
        return None
    # «avdeling 2 og 400 000 kr»: a label's number is no end of a range; the ends of a range are of one size.
    if _plain_number(following.group(1)) > _RANGE_SPAN * max(_plain_number(token.group(1)), 1):
        return None
    unit = _AFTER_UNIT.match(text[following.end(): following.end() + 24])
    return _scale(unit.group("unit")) if unit else None


_RANGE_SPAN = 100  # the upper end of a range is at most this many times the lower end
_STRAY_DOT_UNIT = re.compile(r"\.\s{1,3}(?P<unit>kr\.?|kroner|nok)(?![\w])", re.IGNORECASE)


def _range_follower(text: str, previous: re.Match[str], token: re.Match[str]) -> int | None:
    """The scale of the first end of a range for a bare second end with the unit said once before the first:
    «kr. 7.000.000 - 12.000.000», «NOK 120 000 000 – 180 000 000». None when this is no such second end."""
    gap = text[previous.end(): token.start()]
    if not re.fullmatch(r"\s{0,3}(?:-|–|til)\s{0,3}", gap, re.IGNORECASE) or not _same_size(_plain_number(token.group(1)), previous):
        return None
    currency = _BEFORE_CURRENCY.search(text[max(0, previous.start() - 8): previous.start()])
    if currency is None:
        return None
    return 10**6 if currency.group("mnok") else 1

# A list of amounts with the unit said once: «300 000, 400 000 og 250 000 kr», «450 000 / 380 000 / 520 000 kroner»,
# «NOK 300,000, 450,000 and 600,000», «2, 3 og 4 mill. kr». The items are joined by a comma, a slash, a semicolon,
# «og», «eller», «and» or «or», and are of one size (the largest at most _RANGE_SPAN times the smallest).
_LIST_JOIN = re.compile(r"^\s{0,3}(?:[,/;]\s{0,3}(?:og|and|eller|or)?|og|and|eller|or)\s{0,3}$", re.IGNORECASE)


def _list_scale(text: str, tokens: list[re.Match[str]], index: int) -> int | None:
    """The scale of a bare number that is an item of a list whose unit is said once: after the last item («… og
    250 000 kr», any unit), or before the first («NOK 300,000, 450,000 …», kroner only, and only for numbers of
    thousands). None when the number is in no such list."""
    token = tokens[index]
    size = _plain_number(token.group(1))
    # Forward: the next items, up to the first with a unit after it.
    current = token
    for following in tokens[index + 1:]:
        if not _LIST_JOIN.match(text[current.end(): following.start()]) or not _same_size(size, following):
            break
        unit = _AFTER_UNIT.match(text[following.end(): following.end() + 24])
        if unit:
            return _scale(unit.group("unit"))
        if _BEFORE_CURRENCY.search(text[max(0, following.start() - 8): following.start()]):
            break
        current = following
    # Backward: a first item in kroner with the currency before it («NOK 300,000») or «kr» after it.
    if size < 10_000:
        return None
    current = token
    for previous in reversed(tokens[:index]):
        if not _LIST_JOIN.match(text[previous.end(): current.start()]) or not _same_size(size, previous):
            return None
        unit = _AFTER_UNIT.match(text[previous.end(): previous.end() + 24])
        currency = _BEFORE_CURRENCY.search(text[max(0, previous.start() - 8): previous.start()])
        if unit or currency:
            scale = _scale(unit.group("unit")) if unit else (10**6 if currency.group("mnok") else 1)
            return scale if scale == 1 else None
        current = previous
    return None


def _same_size(size: float, other: re.Match[str]) -> bool:
    low, high = sorted((size, _plain_number(other.group(1))))
    return high <= _RANGE_SPAN * max(low, 1)


# Digit groups of three after a first group of one to three, separated by spaces and dots mixed («1 000.000»).
_MIXED_GROUPS = re.compile(r"\d{1,3}(?=[\d \u00a0\u202f.]*[ \u00a0\u202f])(?=[\d \u00a0\u202f]*\.)(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?")


def _plain_number(digits: str) -> float:
    """«1 490 000» -> 1490000.0, «14,0» -> 14.0 (thousands groups dropped, a decimal comma read as a point)."""
    if _MIXED_GROUPS.fullmatch(digits):
        digits = re.sub(r"[.]", "", digits)
    digits = re.sub(r"[ \u00a0\u202f]", "", digits)
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits):
        digits = re.sub(r"[.,]", "", digits)
    return float(digits.replace(".", "").replace(",", ".") if digits.count(".") > 1 else digits.replace(",", "."))


def _value(digits: str, scale: int, phrase: str) -> tuple[int, AmountProblem | None]:
    """Whole kroner from the digits and the unit; a number too long to be a value is a problem, not an overflow."""
    cleaned = re.sub(r"[ \u00a0\u202f]", "", digits)
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", cleaned) or _MIXED_GROUPS.fullmatch(digits):
        # 1.490.000 or 1.490.000,50; «1 000.000», «kr 1 600.000»: space and dot mixed, both thousands separators
        cleaned = cleaned.replace(".", "")
    # «NOK 700,000», «1,250,000 kr»: English thousands commas. With a scale word the comma is a decimal one
    # («1,500 mill.» is 1,5 million); in kroner nobody writes 700 kroner as «700,000».
    if (scale == 1 and re.fullmatch(r"\d{1,3},\d{3}", cleaned)) or re.fullmatch(r"\d{1,3}(,\d{3}){2,}", cleaned):
        cleaned = cleaned.replace(",", "")
    whole, _, fraction = cleaned.replace(",", ".").partition(".")
    if len(whole) > 15:
        return 0, AmountProblem(_short(phrase), "beløpet er for stort til å være en kontraktsverdi (mer enn 1 000 mrd. kr)")
    # Integer arithmetic: 2,35 mill. = 235 × 10^6 / 100, exact, and no float can overflow.
    fraction = fraction[:3]
    value = (int(whole) * 10 ** len(fraction) + (int(fraction) if fraction else 0)) * scale // 10 ** len(fraction)
    if value > MAX_AMOUNT_NOK:
        return 0, AmountProblem(_short(phrase), "beløpet er for stort til å være en kontraktsverdi (mer enn 1 000 mrd. kr)")
    return value, None


def _short(phrase: str) -> str:
    return phrase if len(phrase) <= 40 else phrase[:20] + "…" + phrase[-12:]


def _with_context(text: str, amount: Amount) -> Amount:
    """Per period, VAT and «total» from the words just before and after the amount (within the sentence)."""
    end = amount.end
    after = text[end: end + 60]
    before = text[max(0, amount.start - 70): amount.start]
    for period, patterns in (("month", (_PER_MONTH_AFTER, _PER_MONTH_BEFORE)), ("year", (_PER_YEAR_AFTER, _PER_YEAR_BEFORE))):
        found = patterns[0].search(after)
        if found is None and (found := patterns[1].search(before)) and _TOTAL_WORD.match(found.group(0)):
            found = None
        if found:
            amount.period = period
            amount.period_phrase = re.sub(r"^\W+", "", found.group(0).strip())
            break
    # The VAT wording nearest the amount, not reaching past another part of the purchase («2,4 mill. inkl. mva., pluss
    # service 120 000 eks. mva. per år»: each amount has its own wording).
    window_after = _until_part(text[end: end + 45])
    window_before = text[max(0, amount.start - 40): amount.start]
    window_before = window_before[max((m.end() for m in _PART_BREAK.finditer(window_before)), default=0):]
    found: list[tuple[int, str, str]] = []
    for kind, pattern in (("included", _VAT_INCLUDED), ("excluded", _VAT_EXCLUDED)):
        if match := pattern.search(window_after):
            found.append((match.start(), kind, match.group(0)))
        if match := list(pattern.finditer(window_before)):
            found.append((len(window_before) - match[-1].end() + 1, kind, match[-1].group(0)))
    if found:
        _, amount.vat, amount.vat_phrase = min(found)
    cue = _TOTAL_CUE.search(text[max(0, amount.start - 60): amount.start])
    # «en vedlikeholdsavtale over 3 år for 100 000 kr per år»: the term of a part per period, not a total
    amount.is_total = bool(cue) and not (amount.period and cue.group(0).lower().startswith("over "))
    return amount


# Where the words of one part of a purchase end and another part begins: «pluss», «i tillegg», «samt», «+», a number.
_PART_BREAK = re.compile(r"\bpluss\b|\bi tillegg\b|\bsamt\b|\+|\d", re.IGNORECASE)


def _until_part(window: str) -> str:
    cut = _PART_BREAK.search(window)
    return window[: cut.start()] if cut else window


_BETWEEN = re.compile(r"\b(?:mellom|imellom|between)\b[^.;\d]{0,20}$", re.IGNORECASE)


def _merge_ranges(text: str, amounts: list[Amount]) -> list[Amount]:
    """Keep the upper end of «fra X til Y» and «mellom X og Y»: the cautious estimate, with the whole range as phrase."""
    merged: list[Amount] = []
    for amount in amounts:
        if merged:
            previous = merged[-1]
            gap = text[previous.end: amount.start]
            # «X og Y» is a range only after «mellom»; «300 000, 400 000 og 250 000 kr» is a list of amounts.
            listed = re.search(r"\bog\b", gap, re.IGNORECASE) and not _BETWEEN.search(
                text[max(0, previous.start - 25): previous.start])
            if not listed and (_RANGE_JOIN.match(gap) or re.fullmatch(
                    r"\s{0,3}(?:ekskl\.?|eks\.?)?\s*(?:mva\.?)?\s*(?:og|til|-|–)\s{0,3}(?:kr\.?)?\s{0,2}", gap, re.IGNORECASE)):
                upper = amount if amount.value >= previous.value else previous
                upper.phrase = text[previous.start: amount.end]
                upper.start, upper.end = previous.start, amount.end
                upper.period = amount.period or previous.period
                upper.period_phrase = amount.period_phrase or previous.period_phrase
                upper.vat = amount.vat or previous.vat
                upper.vat_phrase = amount.vat_phrase or previous.vat_phrase
                upper.is_total = amount.is_total or previous.is_total
                merged[-1] = upper
                continue
        merged.append(amount)
    return merged


# --- contract terms: duration, options, no fixed term ---

_WORD_NUMBERS = {"ett": 1, "en": 1, "ei": 1, "eitt": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7,
                 "syv": 7, "åtte": 8, "ni": 9, "ti": 10,
                 "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_N = r"(\d{1,3}|ett|en|ei|eitt|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|one|two|three|four|five|six|seven|eight)(?:\s*\(\d{1,3}\))?"
_UNIT = r"(år|års|måneder|månader|mnd\.?|years?|months?)"
_BASE_TERM = re.compile(
    # «Varigheit på avtale vil være 1 år» (nynorsk): the contract word may stand between the term word and the verb.
    rf"(?:(?:varighet(?:en)?|varigheit(?:a|en)?|avtaleperiode(?:n)?|kontraktsperiode(?:n)?|løpetid(?:en)?)"
    rf"(?:\s+(?:på|for|av)\s+(?:avtalen?|avtala|kontrakten?|rammeavtalen?|rammeavtala))?"
    rf"\s*(?::|er|på|vil være|vil vere|blir)?\s*(?:på\s*)?(?:i\s*)?{_N}\s*{_UNIT}"
    rf"|(?:gjelder|gjelde|gjeld|varer|vare|vere|løper|løpe)\s+(?:i utgangspunktet\s+)?(?:i\s+|for\s+|over\s+)?{_N}\s*{_UNIT}"
    # «i en periode på 3 år», «for ny 4 års periode».
    rf"|\b(?:i|for)\s+(?:en|ei|ein)\s+periode\s+på\s+{_N}\s*{_UNIT}|\bny\s+{_N}\s*års?\s+periode\b"
    rf"|(?:kontraktens|avtalens|kontrakts|avtale)\s*lengde(?:n)?\s+(?:er|blir)\s+(?:på\s+)?{_N}\s*{_UNIT}"
    rf"|(?:rammeavtale|avtale|kontrakt)\w*\s+(?:på|for)\s+{_N}\s*{_UNIT}(?!\s+siden)(?!\s*\+\s*\d)"
    # «kontrakten blir på fire år», «avtalen er på 3 år», «avtala vil vere 2 år» (not «kontrakten er 2 år gammel»)
    rf"|(?:(?:ramme)?avtal|kontrakt)(?:en|a)\s+(?:blir|er|vil være|vil vere|skal være|skal vere)\s+(?:på\s+)?"
    rf"{_N}\s*{_UNIT}(?!\s+(?:siden|gammal|gammel|tilbake|igjen|att|før|etter)\b)(?!\s*\+\s*\d)"
    # «Kontrakt 2 år + opsjon på 1+1 år», «avtalen: 3 år», «kontraktstid 4 år»: the term right after the contract word.
    rf"|\b\w*(?:avtale|kontrakt)(?:en|a|s?tid(?:en|a)?|s?lengde(?:n)?)?\s*:?\s+{_N}\s*{_UNIT}"
    rf"(?!\s+(?:siden|gammal|gammel|tilbake|igjen|att|før|etter)\b)(?!\s*\+\s*\d)"
    rf"|\b(\d{{1,2}})-årig|\b(to|tre|fire|fem|seks|sju|syv|åtte|ti)-?årig"
    rf"|\b(\d{{1,2}}|one|two|three|four|five|six|seven|eight|ten)[\s-]year\s+(?:base\s+|initial\s+|fixed\s+)?"
    rf"(?:term|contract|agreement|period|framework)"
    rf"|\bi\s+{_N}\s*{_UNIT}\s+(?:med|uten)\s+(?:mulighet|opsjon)"
    rf"|{_N}\s*{_UNIT}\s+(?:med\s+(?:mulighet|opsjon)|regnet fra|rekna frå)"
    rf"|{_N}\s*års?\s+(?:avtaletid|varighet|avtaleperiode|(?:ramme)?avtale\b|(?:ramme)?kontrakt\b))",
    re.IGNORECASE)
_OPTION_SUM = re.compile(r"(\d{1,2}(?:\s*(?:år\s*|years?\s*)?\+\s*\d{1,2})+)\s*(år|måneder|years?|months?)?", re.IGNORECASE)
# «opsjon på 1+1 år», «forlengelse», «options to extend 1+1 years», «an extension of 1+1 years».
# «mulighet for fornyelse i ytterligere 1 + 1 år»: a renewal is an extension option too.
_OPTION_CONTEXT = re.compile(r"(?:opsjon\w*|forlenge\w*|forlengelse|\bforny(?:e|es|else|ing)\w*|\boptions?\b|\bextensions?\b|\bextend\b)",
                             re.IGNORECASE)
# «pluss ett års opsjon», «plus a one-year extension option», «with an option of two (more) years»: one option period
# before (or in) the option word.
_OPTION_BEFORE = re.compile(rf"(?:pluss|og|med|plus|with|and)\s+(?:an?\s+)?{_N}[\s-]*(?:års?|years?)\s+(?:extension\s+)?"
                            rf"(?:opsjon\w*|forlengelse\w*|option\w*|extension\w*)"
                            rf"|(?:an?\s+)?(?:option|extension)\s+(?:of|for|to extend by)\s+(?:a\s+further\s+|another\s+)?{_N}"
                            rf"(?:\s+(?:more|further|additional|extra))?[\s-]*{_UNIT}",
                            re.IGNORECASE)
# «opsjon på 1 år», «forlengelse med inntil 6 måneder»: one option period right after the word.
# «two optional one-year extensions», «2 one-year extension options», «to opsjoner på ett år», «to ettårige opsjoner»:
# a counted number of options of one length each.
_OPTION_COUNTED = re.compile(
    rf"\b{_N}\s+(?:optional\s+)?{_N}[\s-]*(year|month)s?\s+(?:optional\s+)?(?:extension|option|renewal)s?\b"
    rf"(?:\s+options?)?"
    rf"|\b{_N}\s+(?:opsjoner|forlengelser|options|extensions)\s+(?:på|av|of)\s+{_N}\s*{_UNIT}"
    rf"|\b{_N}\s+(ett|to|tre)årige\s+(?:opsjoner|forlengelser)"
    rf"|\b{_N}\s+ganger\s+(?:med|på)\s+(?:inntil\s+)?{_N}\s*{_UNIT}",
    re.IGNORECASE)
# «mulighet for ett års forlengelse», «med to års opsjon»: the option's years said before the option word.
# «ytterligere 1 - ett års ensidig opsjon»: the figure said twice, and «ensidig» before the option word.
_OPTION_YEARS_BEFORE = re.compile(rf"\b(?:opptil|inntil|ytterligere|ytterlegare|mulighet for|muligheit for|med)\s+"
                                  rf"(?:\d{{1,2}}\s*[-–]\s*)?{_N}\s*års\s+(?:ensidig\w*\s+)?"
                                  rf"(?:forlengelse|forlenging|opsjon|fornyelse)\w*", re.IGNORECASE)
_OPTION_SINGLE = re.compile(rf"\w+\s+(?:(?:på|med|om)\s+)?(?:inntil\s+|ytterligere\s+)?{_N}\s*{_UNIT}(?!\s*\+)", re.IGNORECASE)
_OPTION_FURTHER = re.compile(rf"(?:ytterligere|ytterlegare|inntil)\s+{_N}\s*{_UNIT}", re.IGNORECASE)
_MAX_TERM = re.compile(rf"(?:maksimal[te]?|totalt?|samlet|til sammen)\s+(?:samlet\s+)?(?:avtaleperiode|varighet|løpetid)?\s*(?:er|på|maksimalt)?\s*"
                       rf"{_N}\s*{_UNIT}|(?:totalt|til sammen|maksimalt)\s+{_N}\s*(?:års?\s+varighet)", re.IGNORECASE)
# «i perioden 2022 - 2025», «for perioden 2024–2027»: calendar years counted whole.
_YEARS_SPAN = re.compile(r"\b(?:i|for|over)\s+(?:hele\s+)?perioden\s+(20\d\d)\s*[-–]\s*(20\d\d)\b", re.IGNORECASE)
# «i perioden november 2021 - august 2022»: calendar months counted whole, both ends included.
_MONTH_NAMES = {"januar": 1, "februar": 2, "mars": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7, "august": 8,
                "september": 9, "oktober": 10, "november": 11, "desember": 12}
_MONTH = "(" + "|".join(_MONTH_NAMES) + ")"
_MONTHS_SPAN = re.compile(rf"\b(?:i|for|over)\s+(?:hele\s+)?perioden\s+(?:fra\s+)?{_MONTH}\s+(20\d\d)\s*(?:[-–]|til)\s*"
                          rf"{_MONTH}\s+(20\d\d)\b", re.IGNORECASE)
_FIELD_TERM = re.compile(rf"\bvarighet\s*:\s*(\d{{1,4}})\s*{_UNIT}", re.IGNORECASE)
_OPEN_ENDED = re.compile(r"\b(?:løpende\s+(?:tjeneste)?kjøp|løpende avtale|uten (?:fast )?(?:sluttdato|løpetid|varighet)|"
                         r"tidsubegrenset|inntil videre|uten tidsbegrensning|til oppsigelse|"
                         r"løper (?:til|inntil) (?:den|avtalen|kontrakten) (?:sies|blir sagt) opp|"
                         # English: «with no end date», «indefinitely», «no fixed term», «until terminated»
                         r"(?:with\s+)?no\s+(?:fixed\s+|set\s+|defined\s+)?(?:end\s+date|expiry\s+date|term|duration)|"
                         r"without\s+(?:a\s+|an\s+)?(?:fixed\s+|set\s+)?(?:end\s+date|expiry\s+date|term|time\s+limit)|"
                         r"indefinite(?:ly)?|open-ended|until\s+(?:further\s+notice|(?:it\s+is\s+)?terminated))\b", re.IGNORECASE)
# «Avtaleperiode: 2+1+1 år», «rammeavtale 2 + 1 + 1 år»: the first number is the fixed term, the others are options.
# «2 år + 1 + 1»: the unit after the first number covers the options too.
_PLUS_TERM = re.compile(r"(?<![\d(])(\d{1,2})\s*(?:år\s*)?\+\s*(\d{1,2}(?:\s*(?:år\s*)?\+\s*\d{1,2})*)\s*år\b|"
                        r"(?<![\d(])(\d{1,2})\s*år\s*\+\s*(\d{1,2}(?:\s*\+\s*\d{1,2})*)(?![\d,.]*\s*(?:mill|kr|%|prosent))",
                        re.IGNORECASE)
# «en 2+1+1-avtale», «2 + 2-kontrakt», «avtaleperiode 3+1»: the sum without «år» is a term when the word for a contract
# follows or a word for the term comes just before (a bare «2+1» may be arithmetic or a count).
_PLUS_CONTRACT = re.compile(
    r"(?:(?:avtale|kontrakt|rammeavtale)(?:periode|tid)?(?:n|en)?|varighet(?:en)?|løpetid(?:en)?)\s*(?::|på|er)?\s*"
    r"(?:en\s+|ei\s+|et\s+)?(\d{1,2})\s*\+\s*(\d{1,2}(?:\s*\+\s*\d{1,2})*)(?![\d,.]*\s*(?:mill|kr|%|prosent|måned))|"
    r"(?<![\d(+])(\d{1,2})\s*\+\s*(\d{1,2}(?:\s*\+\s*\d{1,2})*)\s*-?\s*(?:års?-?)?"
    r"(?:avtale|kontrakt|rammeavtale|ordning|modell)\w*",
    re.IGNORECASE)
_HISTORY = re.compile(r"(?:siste|de siste|tidligere|historisk\w*)\s*$", re.IGNORECASE)


@dataclass
class Term:
    """The contract term as the text states it, in months, with the words each part came from."""

    duration_months: int | None = None
    duration_phrase: str = ""
    option_months: int | None = None
    option_phrase: str = ""
    open_ended_phrase: str = ""


def count_word(number: str) -> int | None:
    """A count written in digits or as a small number word («tre», «two»); None for a word it does not know."""
    return int(number) if number.isdigit() else _WORD_NUMBERS.get(number.lower())


# «Hver av de seks brannstasjonene har kjøpt for …», «… i året for hver av våre 12 skoler»: the amount is each unit's.
# When one contract is bought for all of them, the value is the units' amounts together (FOA § 5-4: the whole
# contract counts, and a purchase cannot be split below a threshold; reference main sheet §4).
_EACH_OF = re.compile(r"\b(?:hver|hvert|kvar|kvart|each)\s+(?:av|of)\s+(?:de|dei|våre|vore|disse|desse|the|our)\s+"
                      r"(\d{1,3}|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|elleve|tolv|two|three|four|five|six|seven|eight)"
                      r"\s+([a-zæøå][\w-]{2,})", re.IGNORECASE)
_SENTENCE_STOP = re.compile(r"[?!;]|\.\s+(?=[A-ZÆØÅ])(?!(?:VAT|MVA|Mva)\b)")


def each_of_counted(text: str, start: int, end: int) -> tuple[int, str] | None:
    """(count, words) when the sentence of the amount at text[start:end] says it is each of a counted set of units."""
    before = text[max(0, start - 160): start]
    stops = list(_SENTENCE_STOP.finditer(before))
    before = before[stops[-1].end():] if stops else before
    after = text[end: end + 80]
    stop = _SENTENCE_STOP.search(after)
    after = after[: stop.start()] if stop else after
    for words in (before, after):
        match = _EACH_OF.search(words)
        count = count_word(match.group(1)) if match else None
        if match and count and count > 1:
            return count, match.group(0)
    return None


# «Fem deltakere får 250 000 kr hver», «the three teams each receive NOK 100,000»: a payment to each of a counted set.
_RECIPIENTS_BEFORE = re.compile(r"\b(\d{1,3}|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|two|three|four|five|six|seven|eight)"
                                r"\s+(?:[\w-]+\s+){1,2}?(?:(?:will|shall|skal|vil)\s+)?(?:hver\s+|each\s+)?"
                                r"(?:får|mottar|fær|gets?|receives?|be\s+paid)\s+(?:hver\s+|each\s+)?"
                                r"(?:(?:et|eit|a|an)\s+)?(?:(?:[\w-]+\s+){1,2}?(?:på|of)\s+)?(?:kr\.?\s*|nok\s*)?$",
                                re.IGNORECASE)
_EACH_AFTER = re.compile(r"^\s*(?:kr\.?|kroner|nok)?\s*(?:hver|kvar|each|per\s+(?:deltaker|deltakar|team|lag))\b", re.IGNORECASE)


def each_recipient(text: str, start: int, end: int) -> int | None:
    """The count when the amount at text[start:end] is paid to each of the counted recipients named just before it
    («Fem deltakere får 250 000 kr hver»); None otherwise."""
    before = text[max(0, start - 80): start]
    stops = list(_SENTENCE_STOP.finditer(before))
    before = before[stops[-1].end():] if stops else before
    match = _RECIPIENTS_BEFORE.search(before)
    each = bool(match and re.search(r"\b(?:hver|each)\b", match.group(0), re.IGNORECASE)) or bool(_EACH_AFTER.match(text[end: end + 24]))
    count = count_word(match.group(1)) if match and each else None
    return count if count and count > 1 else None


def _months(number: str, unit: str) -> int:
    count = count_word(number)
    return (count or 0) * (1 if unit.lower().startswith(("mån", "mnd", "month")) else 12)


# «2 350 000 kr per år i fire år», «1,9 mill. i året i tre år», «600 000 kr årlig over 4 år»: the term right after an
# amount per period.
# Abbreviation dots («eks. mva. per år i 4 år») may stand between, a sentence end not.
TERM_AFTER_AMOUNT = re.compile(rf"^{_SAME_SENTENCE}{{0,40}}?\b(?:i|over|for)\s+{_N}\s*{_UNIT}", re.IGNORECASE)


# «en serviceavtale i fem år til 70 000 kr i året», «drift over 4 år for 200 000 kr per år»: the term of a part per
# period said just before its amount.
TERM_BEFORE_AMOUNT = re.compile(rf"\b(?:i|over|for)\s+{_N}\s*{_UNIT}\s+(?:til|for|à|á|på)\s+(?:ca\.?\s+|omkring\s+|om lag\s+)?$",
                                re.IGNORECASE)


def term_before(text: str) -> tuple[int, str] | None:
    """The term in the words just before an amount per period («… i fem år til 70 000 kr i året»), in months."""
    match = TERM_BEFORE_AMOUNT.search(text)
    if not match:
        return None
    months = _months(match.group(1), match.group(2))
    return (months, match.group(0).strip()) if months else None


def term_after(text: str) -> tuple[int, str] | None:
    """The term in the words just after an amount per period («… per år i fire år»), in months."""
    match = TERM_AFTER_AMOUNT.match(text)
    if not match:
        return None
    months = _months(match.group(1), match.group(2))
    return (months, match.group(0).strip()) if months else None


def read_term(text: str) -> Term:
    """The fixed term, the extension options and a missing end date, as the text states them."""
    term = Term()
    if match := _OPEN_ENDED.search(text):
        term.open_ended_phrase = match.group(0)
    base = _first_term(text)
    if base:
        term.duration_months, term.duration_phrase = base
    options = _options(text)
    if options:
        term.option_months, term.option_phrase = options
    plus = _PLUS_TERM.search(text) or _PLUS_CONTRACT.search(text)
    if plus and not term.duration_months and not _OPTION_CONTEXT.search(text[max(0, plus.start() - 40): plus.start()]):
        base, more = (plus.group(1), plus.group(2)) if plus.group(1) else (plus.group(3), plus.group(4))
        term.duration_months, term.duration_phrase = int(base) * 12, plus.group(0)
        if not term.option_months:
            term.option_months = sum(int(x) for x in re.findall(r"\d+", more)) * 12
            term.option_phrase = plus.group(0)
    total = _max_term(text) if term.duration_months else None
    if total and term.duration_months and total[0] - term.duration_months > (term.option_months or 0):
        # «2 år … forlenge med inntil ett år av gangen … maksimal samlet avtaleperiode er fire år»: the stated maximum
        # governs, and the options are what it adds to the base term.
        term.option_months, term.option_phrase = total[0] - term.duration_months, total[1]
    return term


def _first_term(text: str) -> tuple[int, str] | None:
    if match := _FIELD_TERM.search(text):
        return int(match.group(1)) * (1 if match.group(2).lower().startswith(("mån", "mnd")) else 12), match.group(0)
    for match in _BASE_TERM.finditer(text):
        if _HISTORY.search(text[max(0, match.start() - 12): match.start()]):
            continue  # «de siste fire årene» is history, not the term
        groups = [g for g in match.groups() if g]
        # «2-årig» and «to års avtaletid» carry the number only; the unit is years.
        months = _months(groups[0], groups[1] if len(groups) > 1 else "år")
        if months:
            return months, match.group(0)
    if (span := _YEARS_SPAN.search(text)) and 0 < int(span.group(2)) - int(span.group(1)) < 10:
        return (int(span.group(2)) - int(span.group(1)) + 1) * 12, span.group(0)
    if span := _MONTHS_SPAN.search(text):
        first, last = (_MONTH_NAMES[span.group(i).lower()] + 12 * int(span.group(i + 1)) for i in (1, 3))
        if 0 <= last - first < 120:
            return last - first + 1, span.group(0)
    return None


def _options(text: str) -> tuple[int, str] | None:
    """«opsjon på 1 + 1 år», «forlengelse på 1 år + 1 år», «opsjon … ytterligere 2 år, og 1 år», «(2+1+1)», «two
    optional one-year extensions»."""
    if match := _OPTION_COUNTED.search(text):
        groups = [g for g in match.groups() if g]
        count = _months(groups[0], "måneder")  # the number of options, as a plain count
        if len(groups) >= 3:
            each = _months(groups[1], groups[2])
        else:
            each = _months(groups[1], "år")  # «to ettårige»: years
        if count and each:
            return count * each, match.group(0)
    # «mulighet for opptil tre års forlengelse (1 + 1 + 1 + 1)»: the years are said before the option word.
    if match := _OPTION_YEARS_BEFORE.search(text):
        return _months(match.group(1), "år"), match.group(0)
    for context in _OPTION_CONTEXT.finditer(text):
        window = text[context.start(): context.start() + 110]
        cut = re.search(r"[.;]\s", window)
        window = window[: cut.start()] if cut else window
        if match := _OPTION_SUM.search(window):
            parts = [int(x) for x in re.findall(r"\d+", match.group(1))]
            unit = (match.group(2) or "år").lower()
            return sum(parts) * (1 if unit.startswith(("mån", "month")) else 12), window[: match.end()].strip()
        if match := _OPTION_SINGLE.match(window):
            return _months(match.group(1), match.group(2)), match.group(0)
        further = list(_OPTION_FURTHER.finditer(window))
        if further:
            months = sum(_months(m.group(1), m.group(2)) for m in further)
            if months:
                return months, window[: further[-1].end()].strip()
    if match := _OPTION_BEFORE.search(text):
        groups = [g for g in match.groups() if g]
        months = _months(groups[0], groups[1] if len(groups) > 1 else "år")
        if months:
            return months, match.group(0)
    # «(2+1+1)» after a base term: the numbers after the first are the options.
    if match := re.search(r"\((\d{1,2})\s*\+\s*(\d{1,2}(?:\s*\+\s*\d{1,2})*)\)", text):
        return sum(int(x) for x in re.findall(r"\d+", match.group(2))) * 12, match.group(0)
    return None


def _max_term(text: str) -> tuple[int, str] | None:
    for match in _MAX_TERM.finditer(text):
        groups = [g for g in match.groups() if g]
        if not groups:
            continue
        months = _months(groups[0], groups[1] if len(groups) > 1 else "år")
        if months:
            return months, match.group(0)
    return None
