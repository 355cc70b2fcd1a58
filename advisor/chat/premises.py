"""Premises a buyer states that the sources say are wrong («neste runde av StartOff»), each corrected by its card.

    premise_card("Når er fristen for neste runde av StartOff?", index, settings)  # -> CardMatch(startoff-ny-runde)

The premises are curated in corpus/premises.yaml: a pattern for the wording of the premise and the answer card that
corrects it. A message that rests on a wrong premise is answered by that card alone: what the rest of the message asks
presupposes the premise, and the card says what holds instead.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from advisor.chat.duty import asserts_duty
from advisor.chat.sentences import GROUND_CLAUSE, split_sentences
from advisor.config import Settings
from advisor.corpus import load_yaml
from advisor.errors import AdvisorError
from advisor.search import CardMatch, Index, load_cards
from advisor.text import detect_language

PREMISES_FILE = "premises.yaml"
_FIELDS = {"id", "says", "card"}
_OPTIONAL = {"leads", "within", "over_rules"}


@dataclass(frozen=True)
class Premise:
    """A wrong premise: its id, the pattern of its wording and the id of the card that corrects it."""

    id: str
    says: re.Pattern[str]
    card: str
    leads: bool = False  # the card leads, and the message's questions are answered after it (premise_lead)
    within: re.Pattern[str] | None = None  # a pattern the whole message must match too (the premise's situation)
    over_rules: bool = False  # the card answers even a message whose purchase facts the rules would answer


def load_premises(settings: Settings) -> tuple[Premise, ...]:
    """The premises of corpus/premises.yaml, checked: each has an id, a valid pattern and a card that exists. A
    missing file means no premises."""
    path = settings.corpus_dir / PREMISES_FILE
    if not path.exists():
        return ()
    cards = {card.id for card in load_cards(settings)}
    return _load(str(path), path.stat().st_mtime_ns, frozenset(cards))


@functools.lru_cache(maxsize=4)
def _load(path: str, stamp: int, cards: frozenset[str]) -> tuple[Premise, ...]:
    raw = load_yaml(Path(path).read_text(encoding="utf-8"), path)
    if not isinstance(raw, list):
        raise AdvisorError(f"{path}: expected a list of premises")
    premises = []
    for n, entry in enumerate(raw, start=1):
        where = f"{path}, premise {n}"
        if not isinstance(entry, dict) or set(entry) - _FIELDS - _OPTIONAL or not all(entry.get(k) for k in _FIELDS):
            raise AdvisorError(f"{where}: expected the fields {', '.join(sorted(_FIELDS))} (and optionally "
                               f"{', '.join(sorted(_OPTIONAL))}) and no others")
        for flag in ("leads", "over_rules"):
            if not isinstance(entry.get(flag, False), bool):
                raise AdvisorError(f"{where} ({entry['id']}): '{flag}' must be true or false")
        try:
            pattern = re.compile(str(entry["says"]), re.IGNORECASE)
        except re.error as exc:
            raise AdvisorError(f"{where} ({entry['id']}): 'says' is not a valid pattern: {exc}") from exc
        if entry["card"] not in cards:
            raise AdvisorError(f"{where} ({entry['id']}): no answer card has the id {entry['card']!r}")
        try:
            within = re.compile(str(entry["within"]), re.IGNORECASE) if entry.get("within") else None
        except re.error as exc:
            raise AdvisorError(f"{where} ({entry['id']}): 'within' is not a valid pattern: {exc}") from exc
        premises.append(Premise(str(entry["id"]), pattern, str(entry["card"]), bool(entry.get("leads", False)), within,
                                bool(entry.get("over_rules", False))))
    return tuple(premises)


def premise_card(message: str, index: Index, settings: Settings, rules: bool = False) -> CardMatch | None:
    """The card that corrects a wrong premise the message rests on, or None (a leading premise: premise_lead).

    `rules`: the message states purchase facts the rules answer; then only a premise marked `over_rules` (its
    situation, not the purchase's part, is what the message asks about) is corrected by its card."""
    for premise in load_premises(settings):
        if rules and not premise.over_rules:
            continue
        if not premise.leads and premise.says.search(message) and _within(premise, message):
            card = next(c for c in load_cards(settings) if c.id == premise.card)
            return CardMatch(card, 1.0, premise.id)
    return None


# «Loven krever jo at …», «… er vel …»: a claim the asker takes for granted inside a question.
_TAKEN_FOR_GRANTED = re.compile(r"\b(?:jo|vel|of course)\b", re.IGNORECASE)
# A sentence: up to «.», «?» or «!» before a capital (not the point of «4 mill. kr») or the end.
_SENTENCE = re.compile(r".+?(?:[.?!]+(?=\s+[A-ZÆØÅ«])|$)", re.DOTALL)
# «Loven krever jo at …, så hvilken …?»: the question after the claim.
_SO_THEN = re.compile(r",\s*(?:så|og da|derfor|so|then)\s+(?=\w)", re.IGNORECASE)


def premise_lead(message: str, index: Index, settings: Settings) -> tuple[CardMatch, str] | None:
    """The card that corrects a wrong premise the message states as the ground of its questions (a premise marked
    `leads`), and the message without that premise (its questions, to answer after the correction; "" when nothing is
    left to ask); None when no leading premise is stated. A premise asked about as a question («Pålegger loven oss å
    være innovative?») is not stated: the cards answer it."""
    del index  # the card is found by id, as in premise_card
    for premise in load_premises(settings):
        if not premise.leads or not _within(premise, message):
            continue
        for sentence in _SENTENCE.finditer(message):
            text = sentence.group(0)
            said = premise.says.search(text)
            if not said:
                continue
            ground = GROUND_CLAUSE.match(text)
            if not text.rstrip().endswith("?"):  # a statement: the rest of the message asks
                rest = (message[: sentence.start()] + message[sentence.end():]).strip()
            elif ground and said.start() < ground.end():  # «Siden …, hvilken …?»: the question after the clause
                asked = text[ground.end():].strip()
                rest = (message[: sentence.start()] + asked[:1].upper() + asked[1:] + message[sentence.end():]).strip()
            elif _TAKEN_FOR_GRANTED.search(text[: said.end() + 20]) and (then := _SO_THEN.search(text, said.end())):
                asked = text[then.end():].strip()
                rest = (message[: sentence.start()] + asked[:1].upper() + asked[1:] + message[sentence.end():]).strip()
            else:
                continue  # «§ 4 pålegger oss vel å fremme innovasjon?»: the premise is what is asked
            if premise.says.search(rest):
                return None  # «… Hva må vi skrive om innovasjonsplikten?»: the questions are about the premise itself
            rest = _without_claim_check(rest)
            card = next(c for c in load_cards(settings) if c.id == premise.card)
            return CardMatch(card, 1.0, premise.id), rest if "?" in rest else ""
    return None


def _within(premise: Premise, message: str) -> bool:
    """True when the message tells the situation the premise needs (or the premise needs none)."""
    return premise.within is None or bool(premise.within.search(message))


# «Stemmer det, og …?», «Er det riktig?», «Har hun rett?»: asking whether the premise holds, which the correction
# answers; what else the sentence asks stays.
_CLAIM_CHECK = re.compile(r"\b(?:stemmer (?:det|dette)|er (?:det|dette) (?:riktig|rett|sant|korrekt)|"
                          r"har (?:han|hun|ho|de|dei|kollegaen|sjefen|leverandøren) rett|"
                          r"is (?:that|this|it|he|she) (?:true|right|correct)|are they right|"
                          # «Går det an?», «Er det lov?», «Is that allowed?»: the premise's plan, asked about
                          r"går det an|går det|er (?:det|dette) (?:lov|lovleg|lovlig|greit|tillatt)|"
                          r"is (?:that|this|it) (?:allowed|legal|ok|okay)|"
                          # «Kan vi gjere det utan eigen konkurranse?»: the premise's plan, asked about
                          r"(?:kan|får|can|may) (?:vi|me|we) (?:gjøre|gjere|gjera|do) (?:det|dette|that|this|it)"
                          r"(?: (?:uten|utan|without) [^,?]{0,40})?)\b"
                          r"(?:\s*\?\s*|,\s*(?:og|and)\s+)", re.IGNORECASE)
# «Hva må vi gjøre (nå)?», «Hvilke muligheter har vi nå?» alone: what to do about the premise, which the correction
# says.
_WHAT_TO_DO = re.compile(r"^\s*(?:(?:hva|kva|what)\s+(?:må|bør|skal|kan|should|must|do|can)\s+(?:vi|me|we)\s+"
                         r"(?:gjøre|gjere|gjera|do)|(?:hvilke|kva for|what)\s+(?:muligheter|moglegheiter|alternativer|"
                         r"alternativ|options|choices)\s+(?:har|do)\s+(?:vi|me|we)(?:\s+have)?)"
                         r"(?:\s+(?:nå|no|now|da|then))?\s*\?\s*$", re.IGNORECASE)


def _without_claim_check(rest: str) -> str:
    """The questions left after the premise, without the question whether the premise holds and, when that was all
    they asked besides, without a bare «what must we do?» (the correction says both)."""
    checked = _CLAIM_CHECK.search(rest)
    if not checked:
        return rest
    before, after = rest[: checked.start()].rstrip(), rest[checked.end():].strip()
    if not after or _WHAT_TO_DO.match(after[:1].upper() + after[1:]):
        return before
    return f"{before} {after[:1].upper()}{after[1:]}".strip()


# The polarity of a yes/no question. A buyer who asks whether they are exempt («Slipper vi …?», «… er vi vel ikke
# omfattet?», «Trenger vi ikke …?», «Kan vi droppe …?») asks the negation of what a verdict on the rule says («Ja,
# kravet gjelder»): the leading word answers the literal question, so it is «Nei» when the rule applies.
NEGATED_ASK = re.compile(
    r"\b(?:trenger|treng|behøver|må|skal) (?:vi |me |dere |de |man |kommunen |etaten )?(?:vel |da |altså |jo )?"
    r"(?:ikke|ikkje)\b|"
    # «Slipper vi …?», «Kan vi slippe …?», not a purpose («… for å slippe å kunngjøre?», «… så vi slipper …?»)
    r"(?<!at vi )(?<!så vi )(?<!at me )(?<!så me )\b(?:slipper|slepp)\b|"
    r"\b(?:kan|får|vil|skal) (?:vi|me|dere) (?:vel |da |bare |berre )?(?:slippe|sleppe)\b|"
    r"\b(?:er|blir|vert) (?:vi|me|dere|de|det|den|kjøpet|anskaffelsen|kontrakten|avtalen|selskapet) "
    r"(?:vel |da |altså |jo )?(?:ikke|ikkje) (?:omfattet|omfatta|underlagt|pliktig|bundet|forpliktet)\b|"
    r"\b(?:gjelder|gjeld) (?:\w+ ){0,3}?(?:vel |da |jo )?(?:ikke|ikkje)\b|"
    r"\b(?:er|blir|vert) (?:vi|me|dere|det|den|kjøpet|anskaffelsen|kontrakten) (?:vel |da |jo )?(?:unntatt|unnateke|"
    r"fritatt|fritekne)\b|"
    r"\b(?:kan|får|kunne) (?:vi|me) (?:vel |da |bare |berre |ikke bare )?(?:droppe|sløyfe|sløyfa|hoppe over|"
    r"se bort fra|sjå bort frå|la være|la vere|unnlate|unnlata)\b|"
    r"\b(?:don't|do not|doesn't|does not|won't) (?:need|have) to\b|\b(?:doesn't|does not|don't|do not) apply\b|"
    r"\b(?:aren't|are not|isn't|is not) (?:covered|bound|subject)\b|\bexempt\b|\bcan we (?:skip|drop|ignore)\b",
    re.IGNORECASE)
# A verdict word and what follows it: «Ja, », «Nei. », «No: », «Yes – ».
_LEAD_WORD = re.compile(r"^(Ja|Nei|Yes|No)([,.:]\s+|\s+[–-]\s+)(?=\S)")
# A verdict on a condition («Ja, hvis …», «Nei, under terskelen …»): no flip of the word says it the other way round.
_CONDITIONED = re.compile(r"^(?:hvis|dersom|om|bare|berre|kun|under|over|fra|med mindre|unless|if|only|below|above|"
                          r"from|as a rule|som hovedregel)\b", re.IGNORECASE)


def question_negated(question: str) -> bool:
    """True when the yes/no question the message asks is phrased as an exemption or a negation («Slipper vi …?»,
    «… er vi vel ikke omfattet?», «We don't need to …, do we?»); the ground it states before is left out («Siden vi
    ikke er en etat, …»)."""
    asked = [GROUND_CLAUSE.sub("", s) for s in split_sentences(question.strip()) if s.rstrip().endswith("?")]
    return any(NEGATED_ASK.search(s) for s in asked)


def polar_lead(question: str, text: str) -> str:
    """The answer with its leading «Ja»/«Nei» answering the literal question: for a question asked as an exemption
    («Slipper vi kravet?») the word is «Nei» when the verdict sentence says the rule applies and «Ja» when it says the
    rule is lifted; a verdict on a condition opens with no verdict word. A sentence that says neither («Nei, ikke ennå:
    grensen er fortsatt …», a card correcting the ground the question states) keeps its word, as do other questions."""
    lead = _LEAD_WORD.match(text)
    if lead is None or not question_negated(question):
        return text
    rest = text[lead.end():]
    sentence = re.split(r"(?<=[.!?])\s", rest, maxsplit=1)[0]
    duty = asserts_duty(sentence)
    if duty is None:
        return text
    if _CONDITIONED.match(rest):
        return rest[:1].upper() + rest[1:]
    english = lead.group(1) in ("Yes", "No")
    word = ("No" if english else "Nei") if duty else ("Yes" if english else "Ja")
    return f"{word}{lead.group(2)}{rest}"


# «Økonomisjefen mener at … Stemmer det?»: the first question checks a claim stated before it.
_CHECK_ONLY = re.compile(r"^\s*(?:(?:og|men)\s+)?(?:stemmer (?:det|dette)|er (?:det|dette) (?:riktig|rett|sant|korrekt)|"
                         r"har (?:han|hun|ho|de|dei|\w+en) rett|is (?:that|this|it|he|she) (?:true|right|correct)|"
                         r"are they right)\b", re.IGNORECASE)
_CLAIM_WORD = re.compile(r"[a-zæøå]{5,}", re.IGNORECASE)


def checked_claim(message: str) -> str:
    """The claim a message asks to have checked first («Økonomisjefen mener at vi kan kjøpe direkte. Stemmer det? Og
    …?»: the sentences before «Stemmer det?»), or "" when the first question asks something of its own."""
    sentences = split_sentences(message.strip())
    for n, sentence in enumerate(sentences):
        if "?" not in sentence:
            continue
        return " ".join(sentences[:n]) if n and _CHECK_ONLY.match(sentence) else ""
    return ""


def _stems(text: str) -> set[str]:
    return {word.lower()[:5] for word in _CLAIM_WORD.findall(text)}


def claim_lead(message: str, text: str, polarity: bool = True) -> str:
    """The answer's leading «Ja»/«Nei» read against the claim the message first asks to have checked. A verdict
    sentence that shares no word with the claim loses its word: its yes or no answers a later question («…, og kan vi
    forhandle?» -> «Ja, hvis …»), and read first it would agree or disagree with the claim. A verdict sentence that
    says what the claim says, the other way round («Økonomisjefen mener at vi ikke bør skrive gevinstene inn …» against
    «Ja, beskriv gevinstene …»), opens with «Nei, det stemmer ikke:» (and one that says it the same way round, with a
    word that would deny it, with «Ja, det stemmer:»). Without `polarity` (the rules' verdict, which the engine
    decided on the claim's own facts) the word is only taken away."""
    claim = checked_claim(message)
    if not claim:
        return text
    lead = _LEAD_WORD.match(text)
    rest = text[lead.end():] if lead else text
    sentence = re.split(r"(?<=[.!?])\s", rest, maxsplit=1)[0]
    if lead and not _stems(sentence) & _stems(claim):
        return rest[:1].upper() + rest[1:]
    if not polarity:
        return text
    sentence = split_sentences(rest, capital=True, maxsplit=1)[0]  # «1,49 mill. kr …, ikke 1,4 mill. kr» stays whole
    agrees = _agrees(_claim_content(claim), sentence)
    if agrees is None or _CONDITIONED.match(rest):
        return text
    if lead and (lead.group(1) in ("Ja", "Yes")) == agrees:
        return text  # the word already says it
    english = lead.group(1) in ("Yes", "No") if lead else detect_language(message) == "en"
    opening = _CLAIM_VERDICT[english][agrees]
    if ":" in sentence:  # «Nei, det stemmer ikke – beskriv gevinstene …: DFØ anbefaler …», not two colons
        opening = opening.rstrip(":") + " –"
    own = rest if re.match(r"^\S[A-ZÆØÅ0-9§]", rest) else rest[:1].lower() + rest[1:]  # «FOA», «EØS» keep their case
    return f"{opening} {own}"


_CLAIM_VERDICT = {False: {True: "Ja, det stemmer:", False: "Nei, det stemmer ikke:"},
                  True: {True: "Yes, that is right:", False: "No, that is not right:"}}
# Who holds the claim and the verb that states it («Økonomisjefen mener at …», «The CFO says that …»).
_CLAIMS = re.compile(r"\b(?:mener|meiner|hevder|hevdar|sier|seier|påstår|tror|trur|insisterer på|insists?|says?|claims?|"
                     r"thinks?|believes?|argues?)\s+(?:at\s+|that\s+)?", re.IGNORECASE)
# Words that turn what a clause says the other way: a negation, or a duty lifted («slipper», «unntatt»).
_NEGATION = re.compile(r"\b(?:ikke|ikkje|not|never|aldri|ingen|inga|slipper|slepp|slippe|sleppe|unngå|unntatt|"
                       r"unnateke|fritatt|droppe|sløyfe)\b|n't\b", re.IGNORECASE)
# Where a verdict's own clause ends: at «:», «;», a dash or «, men» («Ja, beskriv gevinstene …: DFØ anbefaler …»).
_CLAUSE_END = re.compile(r"[:;]|\s[–-]\s|,\s*(?:men|but)\b|\[")


def _claim_content(claim: str) -> str:
    """What the claim says: in the last sentence that names who holds it, the words after «mener (at)»; else the last
    sentence of the claim."""
    sentences = split_sentences(claim.strip())
    for sentence in reversed(sentences):
        if said := _CLAIMS.search(sentence):
            return sentence[said.end():]
    return sentences[-1] if sentences else ""


def _agrees(content: str, verdict: str) -> bool | None:
    """Whether a verdict sentence says what the claim says (True) or its opposite (False), read from the negations of
    the claim and of the verdict's own clause when the two share at least two words; None when they share fewer, or
    either has more than one negation (too many to read the way they point)."""
    own = _CLAUSE_END.split(verdict, maxsplit=1)[0]
    if len(_stems(own) & _stems(content)) < 2:
        return None
    negated_claim, negated_verdict = len(_NEGATION.findall(content)), len(_NEGATION.findall(own))
    if negated_claim > 1 or negated_verdict > 1:
        return None
    return negated_claim == negated_verdict
