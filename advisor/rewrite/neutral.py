"""Making wording neutral: remove, replace or bound the solution-specific spans the analyzer found.

neutralize() edits a requirement (brand and model references become a neutral noun or disappear, exact values
become bounds, «same as today» and unexplained materials or methods are dropped); clean() keeps a text that passes
the analyzer, or its neutralized form if that passes and still says something.
"""

from __future__ import annotations

import re

from advisor.requirements import (
    BOUND_BEFORE,
    CATEGORY_LABELS,
    EQUIVALENT,
    NUMBER,
    PARAM_UNIT,
    TIME_UNIT,
    Match,
    brand_key,
    brand_regex,
    find_matches,
    load_brands,
)
from advisor.rewrite.domains import measured_direction
from advisor.rewrite.targets import NUMBER_WORD_VALUES, NUMBER_WORDS
from advisor.rewrite.templates import CATEGORY_OBJECTS, INCUMBENT, plural

_CUE_BEFORE = re.compile(
    r"(?:\s*,)?\s*(?:av\s+typen|av\s+type|laget\s+av|utført\s+i|produsert\s+i|av|made\s+of|typen|type|modell(?:en)?|av\s+merket|merket|merke|fabrikat(?:et)?|fra|levert\s+av|"
    r"leveres\s+av|produsert\s+av|i|på|med|basert\s+på|bygget\s+på|of\s+type|from|made\s+by|in|on|with|using|"
    # the way data travels («sende data via NB-IoT», «over LoRaWAN»): the preposition goes with the technology
    r"via|over|gjennom|ved\s+bruk\s+av|med\s+innebygd|med\s+innebygget|med\s+integrert|innebygd|innebygget|integrert)\s*$",
    re.IGNORECASE,
)
_EQUIVALENT_AFTER = re.compile(r"\s*,?\s*(?:" + EQUIVALENT.pattern + r")", re.IGNORECASE)
_DANGLING = re.compile(r"\s+(?:med|av|fra|i|på|til|og|eller|som|for|via|over|with|of|from|and|or|a|an|en|et|ei)\s*(?=[.,;]|$)",
                       re.IGNORECASE)
# Which way an exact value becomes a bound: weight and size at most, capacity at least.
_AT_MOST_UNITS = re.compile(r"^(?:mm|cm|m|kg|g|U)$", re.IGNORECASE)
# English text: the Norwegian nouns and templates do not fit it.
ENGLISH = re.compile(r"(?<!\w)(?:the|must|shall|should|will|we|our)(?!\w)", re.IGNORECASE)


def _bound_word(unit: str, value_start: int, text: str) -> str:
    if re.search(r"(?:vekt|veie|veier|weigh|lang|bred|høy|tykk|dyp|størrelse|mål)\S*\s*(?:på\s+)?$", text[max(0, value_start - 25):value_start], re.I):
        return "høyst"
    return "høyst" if _AT_MOST_UNITS.match(unit) else "minst"


def _extend_left_conjunction(text: str, start: int) -> int:
    """The start of a span with the «og»/«med»/«, » that joined it to the sentence, so removing it leaves no stray word."""
    m = re.search(r"(?:,\s*|\s+(?:og|med|samt)\s+)$", text[:start])
    return m.start() if m else start


def _dimension_edit(text: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """An exact measure bounded: in the direction its named function needs («liggeflate 90 x 200 cm» -> minst), or
    «høyst» with a note to adjust it; nothing when the buyer gave a direction."""
    span = text[start:end]
    if BOUND_BEFORE.search(text[max(0, start - 25):start]):
        return []
    needed = measured_direction(text, start, end)
    if needed is not None:  # the requirements say what the value is for, in its direction
        return [(start, start, f"{needed} " if needed else "",
                 f"«{span}» er gjort om til et krav om det verdien skal oppnå (se kravene).")]
    return [(start, start, "høyst ", f"«{span}» er gjort om til en grense; juster til minst eller høyst etter behovet.")]


def neutralize(text: str, matches: list[Match]) -> tuple[str, list[str]]:
    """The requirement with its solution-specific wording removed, replaced or bounded; and notes on each change."""
    edits: list[tuple[int, int, str, str]] = []  # start, end, replacement, note
    active = sorted((h for h in matches if h.severity != "low"), key=lambda h: h.start)
    for group in _reference_groups(active):
        edits.append(_reference_edit(text, group))
    for match in active:
        span = text[match.start:match.end]
        if match.category == "missing_or_equivalent" and match.kind == "approval":
            edits.append(_approval_edit(text, match))
        elif match.category == "supplier":
            edits.extend(_supplier_edits(text, match))
        elif match.category == "same_as_current":
            edits.extend(_current_edits(text, match))
        elif match.category == "material_dimension_method" and match.kind == "dimension":
            edits.extend(_dimension_edit(text, match.start, match.end))
        elif match.category == "material_dimension_method":
            cue = _CUE_BEFORE.search(text[:match.start]) if match.kind == "material" else None
            why = ("et krav til metode: kravene beskriver resultatet den skal gi i stedet" if match.kind == "method"
                   else "materiale, farge, plassering eller metode uten oppgitt funksjon")
            edits.append((cue.start() if cue else _extend_left_comma(text, match.start), match.end, "",
                          f"«{span}» er fjernet ({why})."))
        elif match.category == "origin" and match.kind == "presence":
            edits.append((_extend_left_conjunction(text, match.start), match.end, "",
                          f"«{span}» er fjernet (et krav om hvor leverandøren holder til, favoriserer lokale leverandører; "
                          "se kravet om tilgjengelighet)."))
        elif match.category == "tailoring":
            edits.extend(_bound_exact_values(text, match.start, match.end))
    chosen: list[tuple[int, int, str, str]] = []
    for edit in sorted((e for e in edits if e[1] > e[0]), key=lambda e: (e[0], -e[1])):
        if not any(edit[0] < c[1] and c[0] < edit[1] for c in chosen):
            chosen.append(edit)
    for edit in (e for e in edits if e[1] == e[0]):
        if not any(c[0] <= edit[0] < c[1] for c in chosen) and not any(c[0] == edit[0] == c[1] for c in chosen):
            chosen.append(edit)
    result = text
    for start, end, replacement, _ in sorted(chosen, key=lambda e: (e[0], e[1]), reverse=True):
        result = result[:start] + (replacement or (_GAP_MARK if end > start else "")) + result[end:]
    return _tidy(_close_gaps(result)), [note for _, _, _, note in sorted(chosen, key=lambda e: e[0]) if note]


def _current_edits(text: str, match: Match) -> list[tuple[int, int, str, str]]:
    """«som i dag», «samme type som dagens»: the reference to today's solution goes, with a note on why."""
    span = text[match.start:match.end]
    why = ("favoriserer dagens leverandør; alle leverandører skal behandles likt, LOA § 4" if INCUMBENT.search(span)
           else "beskriver dagens løsning")
    edits = [(_extend_left_comma(text, match.start), match.end, "", f"«{span}» er fjernet ({why}).")]
    same = re.search(r"(?:den |det |de )?samme\s+(?:type|modell|merke|sort)?\s*(?=(?:[\w\-]+\s+){0,3}$)", text[:match.start])
    if same:
        edits.append((same.start(), same.end(), "", f"«{same.group(0).strip()}» er fjernet (beskriver dagens løsning)."))
    return edits


def _approval_edit(text: str, match: Match) -> tuple[int, int, str, str]:
    """A named approval or certification body made open: the proof stays, the one name goes, and equivalent approvals
    and other suitable proof count («dokumentert med teknisk godkjenning, tilsvarende sertifikat eller annen egnet
    dokumentasjon», «sertifisert av et akkreditert organ (eller ha tilsvarende godkjenning eller annen egnet dokumentasjon)»)."""
    end = match.end
    suffix = re.match(r"-[^\W\d_]{3,}", text[end:])  # «dokumentert med TÜV-sertifikat»: the body was found, not the word
    end += suffix.end() if suffix else 0
    span = text[match.start:end]
    compound = re.match(r"[^\W\d_]+-(\w+)$", span)
    if compound:  # «TÜV-godkjent», «Nemko-sertifisert»
        word = compound.group(1).lower()
        replacement = (f"{word} av et akkreditert organ (eller ha tilsvarende godkjenning eller annen egnet dokumentasjon)"
                       if word.endswith(("ent", "ert", "et", "ed"))
                       else f"{word} fra et akkreditert organ, tilsvarende sertifikat eller annen egnet dokumentasjon")
    elif re.search(r"godkjenning|sertifikat|sertifisering", span, re.IGNORECASE):
        replacement = "teknisk godkjenning, tilsvarende sertifikat eller annen egnet dokumentasjon"
    else:  # a body: «sertifisert av Nemko»
        replacement = "et akkreditert organ (eller ha tilsvarende godkjenning eller annen egnet dokumentasjon)"
    return (match.start, end, replacement,
            f"«{span}» er byttet ut med «{replacement}»: en bestemt godkjenning eller et bestemt sertifiseringsorgan kan "
            "ikke kreves alene; tilsvarende godkjenninger og sertifikater og annen egnet dokumentasjon (for eksempel "
            "testrapporter fra et akkreditert organ) skal også godtas.")


# Where a removed span was: marks the gap until _close_gaps has looked at what it left behind.
_GAP_MARK = "\x00"
_GAP_END = r"\x00+(?=\s*(?:\x00|(?:og|eller|samt|and|or)(?!\w)|[.,;:)]|$))"
# A word that cannot end a phrase: a preposition whose object was removed («produsert etter [NS-EN 13162] og»).
_OPEN_PREPOSITION = (r"etter|ifølge|iht\.?|i\s+henhold\s+til|i\s+samsvar\s+med|henhold\s+til|mot|hos|ved|gjennom|"
                     r"under|til|for|fra|med|av|i|på|according\s+to|by|with|from|to|for")
# A participle that needs what was removed after it («dokumentert med [SINTEF]», «produsert av [X]» once the cue went).
_OPEN_PARTICIPLE = (r"dokumentert|produsert|sertifisert|godkjent|typegodkjent|testet|merket|levert|laget|utført|"
                    r"kontrollert|klassifisert|basert|bygget|tilpasset|integrert|kompatibel|documented|certified|approved|"
                    r"tested|produced|made|based|compatible")
_AUX = re.compile(r"(?:være|ha|skal|må|bør|kan|er|be|have|must|shall)$", re.IGNORECASE)
_OPEN_BEFORE_GAP = re.compile(
    rf"(?:(?<=\s)(?P<gov>[^\W\d_][\w\-]*)\s+)?(?<!\w)(?P<prep>{_OPEN_PREPOSITION})\s*{_GAP_END}"
    rf"|(?<!\w)(?P<part>{_OPEN_PARTICIPLE})\s*{_GAP_END}",
    re.IGNORECASE)


def _close_gaps(text: str) -> str:
    """What a removal left without its object goes too: «være produsert etter [gap] og dokumentert med [gap].» loses
    «produsert etter» and «dokumentert», so no requirement reads «produsert etter og dokumentert». A word that governs
    the removed span (the participle before a preposition) goes with it; an auxiliary stays, and the sentence then says
    too little to be kept (is_substantive)."""
    for _ in range(4):
        m = _OPEN_BEFORE_GAP.search(text)
        if not m:
            break
        start = m.start()
        if m.group("gov") and _AUX.match(m.group("gov")):
            start = m.start("prep")
        text = text[:start] + _GAP_MARK + text[m.end():]
    text = text.replace(_GAP_MARK, "")
    # «skal være og dokumentert med …»: the first of two joined phrases went, and its conjunction with it; before a
    # second verb («skal være og ha …») the emptied «være» goes too
    text = re.sub(r"\b(skal|må|bør|must|shall)\s+(?:være|ha|be|have)[\s,]+(?:og|samt|and)\s+(?=[^\W\d_]{3,}es\b|(?:ha|være|gå|få|gi|se|nå|tåle|kunne|holde|dekke|gjøre|levere|oppfylle|bruke|lagre|vise|måle|veie|ligge|passe|vare|sikre|redusere|øke|støtte|tilby|kjøre)\b)",
                  r"\1 ", text)
    return re.sub(r"\b(være|ha|be|have)[\s,]+(?:og|samt|and)\s+", r"\1 ", text)


def _supplier_edits(text: str, match: Match) -> list[tuple[int, int, str, str]]:
    """«skal helst utføres av X»: who does the work is for the competition to decide; the name, its cue and the
    preference go, with a note on why."""
    span = text[match.start:match.end]
    cue = re.search(r"\s+(?:av|fra|med|til|by|from|with)\s+$", text[:match.start])
    # «… og leveres av X AS.»: a second verb that only says who delivers goes with the name, or «og leveres.» is left
    agent = re.search(r"\s+(?:og|samt)\s+(?:skal\s+)?(?:leveres|utføres|lages|produseres|tilberedes)\s+av\s+$",
                      text[:match.start])
    if agent and re.match(r"\s*(?:[.;]|$)", text[match.end:]):
        cue = agent
    edits = [(cue.start() if cue else match.start, match.end, "",
              f"«{span}» er fjernet (navngitt leverandør: kravet skal beskrive ytelsen, ikke hvem som leverer den; "
              "alle leverandører skal behandles likt, LOA § 4).")]
    preference = re.search(r"\s+(?:helst|fortrinnsvis|gjerne)(?=\s)", text[:match.start])
    if preference:
        edits.append((preference.start(), preference.end(), "", ""))
    return edits



_REFERENCE = {"brand", "model_type", "missing_or_equivalent", "prescribed_technology", "product_named"}


def _reference_groups(matches: list[Match]) -> list[list[Match]]:
    groups: list[list[Match]] = []
    for match in (h for h in matches if h.category in _REFERENCE and h.kind != "approval"):
        if groups and match.start < max(h.end for h in groups[-1]) + 2:
            groups[-1].append(match)
        else:
            groups.append([match])
    return groups


def _generic_noun(span: str, group: list[Match]) -> str:
    brands = load_brands()
    for m in brand_regex().finditer(span):
        entry = brands.get(brand_key(m.group("base")))
        if entry and entry.generic_noun:
            return entry.generic_noun
    return next((str(h.detail["noun"]) for h in group if h.category == "brand" and h.detail.get("noun")), "")


def _reference_edit(text: str, group: list[Match]) -> tuple[int, int, str, str]:
    """Remove a brand/model/technology/product reference, or name it neutrally where a count or object needs a noun."""
    start, end = min(h.start for h in group), max(h.end for h in group)
    cats = {h.category for h in group}
    span = text[start:end]
    label = ", ".join(sorted(CATEGORY_LABELS[c] for c in cats))
    after = _EQUIVALENT_AFTER.match(text, end)
    end = after.end() if after else end
    count = re.search(rf"(?:\d+|{NUMBER_WORDS})\s*(?:stk\.?\s*)?$", text[:start], re.IGNORECASE)
    generic = "" if ENGLISH.search(text) else _generic_noun(span, group)
    following = re.match(r"\s*([^\W\d_]+)", text[end:])
    if generic and following and following.group(1).lower().startswith(generic.split()[-1].lower()[:5]):
        # «Arjo Sara Stedy ståheiser»: the product is already named right after the reference
        return start, end, "", f"«{span}» er fjernet ({label})."
    typed = re.search(r"([^\W\d_]+)\s+(?:av\s+typen|av\s+type|av\s+merket|typen|modell(?:en)?)\s*$", text[:start], re.IGNORECASE)
    if generic and typed and typed.group(1).lower().startswith(generic.split()[-1].lower()[:5]):
        # «servere av typen HPE ProLiant»: the product is already named before the cue; cue and reference go
        return typed.end(1), end, "", f"«{span}» er fjernet ({label})."
    if generic and "product_named" not in cats:
        medicine = any(h.detail.get("brand_category") == "medicine" for h in group)  # an active substance has no plural
        noun = plural(generic) if count and not medicine else generic
        return start, end, noun, f"«{span}» er byttet ut med «{noun}» ({label})."
    compound = re.match(r"-(?=[^\W\d_]{3,})", text[end:])
    if compound:  # «Kebony-kledning», «Intel-prosessor»: keep the second half of the compound
        return start, end + 1, "", f"«{span}» er fjernet ({label})."
    cue = _CUE_BEFORE.search(text[:start])
    if count and not cue and "product_named" not in cats and not ENGLISH.search(text):
        domain = next((str(h.detail["brand_category"]) for h in group if h.detail.get("brand_category")), "")
        noun = CATEGORY_OBJECTS.get(domain, "enheter")
        return start, end, noun, f"«{span}» er byttet ut med «{noun}» ({label})."
    return (cue.start() if cue else start), end, "", f"«{span}» er fjernet ({label})."


def _extend_left_comma(text: str, start: int) -> int:
    m = re.search(r"(?:,|\s+og)\s*$", text[:start])
    return m.start() if m else start


def _bound_exact_values(text: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    edits = []
    for m in re.finditer(rf"(?:(?:nøyaktig|eksakt|exactly)\s+)?({NUMBER})\s*-?\s*({PARAM_UNIT}|{TIME_UNIT})(?!\w)",
                         text[start:end], re.IGNORECASE):
        at = start + m.start()
        if BOUND_BEFORE.search(text[max(0, at - 25):at]) or re.search(r"[-–]\s*$", text[max(0, at - 3):at]):
            continue
        word = _bound_word(m.group(2), at, text)
        edits.append((at, start + m.start(1), f"{word} ", f"«{m.group(0)}» er gjort om til «{word} {m.group(1)} {m.group(2)}»."))
    return edits


def _tidy(text: str) -> str:
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"\bskal\s+være\s*,?\s*(?:en|et|ei)?\s*,?\s*med\b", "skal ha", text)
    # «skal ha [removed component] med temperaturvirkningsgrad …»: the property after the removed thing is what it has
    text = re.sub(r"\b(skal|må|bør)\s+ha\s+med\s+", r"\1 ha ", text)
    for _ in range(3):
        text = _DANGLING.sub("", text)
    text = re.sub(r"\b(skal|må)\s+(være|ha)\s*,\s*", r"\1 \2 ", text)
    text = re.sub(r"\b(must|shall)\s+be\s*,?\s*(?:an?\s+)?with\b", r"\1 have", text)
    text = re.sub(r"\s+([.,;])", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r",(\s*[.;]|$)", r"\1", text)
    text = re.sub(r"\s{2,}", " ", text).strip()
    return text


_FILLER = {"være", "ha", "en", "et", "ei", "og", "alle", "nye", "the", "all", "new", "eller", "kunne", "skal", "som", "med", "på", "til", "for", "av", "fra",
           "utvikles", "kjøre", "kjøres", "brukes", "bruke", "benytte", "benyttes", "leveres", "levere", "driftes", "bygges",
           "baseres", "basert", "bestå", "have", "with", "and", "use", "run", "based", "developed", "hosted",
           "built", "used", "delivered", "installed", "made", "supplied"}


# What a removed reference leaves behind: a verb or «å» straight before a preposition («skal bruke for sporbarhet»,
# «Vi ønsker å for timebestilling»).
_GAP = re.compile(r"(?<!\w)(?:å|skal|må|bør|bruke|benytte|anvende|bygges|bygget|baseres|basert)\s+(?:for|med|av|til|fra|som)(?!\w)",
                  re.IGNORECASE)


# A preposition joined to the next phrase with nothing of its own («produsert etter og dokumentert»), or a sentence that
# ends on a preposition or on «være og»: words were taken out and the rest is a fragment.
_FRAGMENT = re.compile(r"(?<!\w)(?:etter|ifølge|iht\.?|hos|gjennom|mot|i\s+henhold\s+til)\s+(?:og|eller|samt)(?!\w)"
                       r"|(?<!\w)(?:etter|ifølge|iht\.?|hos|gjennom|mot|med|av|fra)\s*[.!]?\s*$"
                       r"|(?<!\w)(?:skal|må|bør)\s+(?:være|ha)[\s,]+(?:og|samt)(?!\w)", re.IGNORECASE)


def is_substantive(sentence: str) -> bool:
    """Whether a neutralized requirement still says something (not just «X skal være.» or «skal utvikles og kjøre.»)
    and reads as a sentence (no gap where a reference was taken out)."""
    if _GAP.search(sentence) or _FRAGMENT.search(sentence):
        return False
    m = re.search(r"(?:skal|må|shall|must)\b\s*(.*)$", sentence, re.IGNORECASE)
    rest = re.sub(r"[.!]$", "", m.group(1) if m else sentence).strip()
    content = [w for w in re.findall(r"[^\W_]+", rest)
               if w.isdigit() or w.lower() in NUMBER_WORD_VALUES or (len(w) >= 2 and w.isupper())
               or (len(w) >= 3 and w.lower() not in _FILLER)]
    return len(content) >= 2


# A quantity line: how many of the thing bought are delivered.
_QUANTITY_LINE = re.compile(r"^Leveransen skal omfatte (?:(?:minst|høyst)\s+)?(?:\d[\d  ]*|[a-zæøå]+)\s+[^\W\d_]")


def passes(text: str) -> bool:
    """Whether the analyzer finds nothing solution-specific in `text` (low-severity hints allowed)."""
    return not any(h.severity != "low" for h in find_matches(text))


def clean(text: str) -> str | None:
    """`text` if it passes the analyzer, else its neutralized form if that passes and still says something, else None."""
    text = text.strip()
    if not text:
        return None
    if passes(text):
        return text
    found = find_matches(text)
    if _QUANTITY_LINE.match(text) and all(h.severity == "low" or h.category == "product_named" for h in found):
        return text  # «… omfatte 60 elektroniske medisindispensere»: the generic noun of what is bought, counted, stays
    neutral, _ = neutralize(text, found)
    return neutral if neutral and passes(neutral) and is_substantive(neutral) else None
