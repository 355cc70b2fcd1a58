"""The rules route: a question that states purchase facts is answered by the assessment engine, verdict first.

    if is_rules_question(question, facts):
        answer = rules_answer(question, facts, settings, lang)

«Må vi bruke del III for en byggekontrakt til 30 mill. kr?» becomes «Nei. Del I og II gjelder: 30 mill. kr er under
EØS-terskelverdien for bygge- og anleggskontrakter (57,8 mill. kr) [1].», then the procedure, the next step and
the facts that were assumed rather than stated. The citations are the guidance passages the fired rules cite.
"""

from __future__ import annotations

import dataclasses
import re

from advisor.answer import Answer
from advisor.assessment import Assessment, assess, extract_case, format_amount
from advisor.chat.facts import CaseFacts
from advisor.config import Settings
from advisor.corpus import Citation
from advisor.errors import AdvisorError

RULES_VERSION = "rules-1"

# What the question asks, when it is a yes/no question: (pattern, parts for which the answer is yes).
_INTENTS: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = (
    (re.compile(r"\bdel (?:III|3)\b|\bpart (?:III|3)\b|\bTED\b|\bEØS-?(?:terskel\w*|regl\w*)|\bover (?:EØS-)?terskel\w*|"
                r"\ber over\b|\babove the (?:EEA )?threshold\b", re.IGNORECASE), frozenset({"III"})),
    (re.compile(r"\bdel (?:II|2)\b", re.IGNORECASE), frozenset({"II"})),
    (re.compile(r"\bkunngj\w*|\blyse ut\b|\butlys\w*|\bDoffin\b|\bpublish\w*|\badverti\w*|\bannounce\w*|"
                r"\bha konkurranse\b|\btender\b", re.IGNORECASE), frozenset({"II", "III", "IV"})),
    (re.compile(r"\bkjøpe direkte\b|\bdirekte ?anskaff\w*|\buten (?:konkurranse|kunngjøring)\b|\bbuy directly\b",
                re.IGNORECASE), frozenset({"below", "I"})),
    (re.compile(r"\bfølge\b.{0,30}\b(?:regelverk\w*|reglene|loven|forskriften|anskaffelses\w*)|"
                r"\b(?:regelverket|loven|anskaffelsesloven|reglene) gjelder\b|\bgjelder (?:anskaffelses)?(?:loven|regelverket)\b|"
                r"\bomfattet av\b|\bprocurement (?:rules|act|law) appl", re.IGNORECASE),
     frozenset({"I", "II", "III", "IV", "referred"})),
)
_YES_NO = re.compile(r"^\s*(må|kan|gjelder|er|skal|trenger|blir|får|holder|do|does|must|is|are|can|should|will)\b|"
                     r"\b(må|er|skal|kan|gjelder|følger|blir) (vel|jo)\b|,\s*(må|kan|skal|gjelder|er) (det|vi|dette|den)\b|"
                     r"(ikke sant|stemmer (?:ikke )?det|eller hva|vel|right|isn't it)\s*\??\s*$", re.IGNORECASE)
_ASKS_RULES = re.compile(
    r"terskel\w*|\bdel (?:I{1,3}|IV|V|[1-5])\b|hvilke[nt]? (?:del|regler|regelverk|prosedyre\w*|deler)|kva (?:del|reglar)|"
    r"kunngj\w*|lyse ut|utlys\w*|Doffin|\bTED\b|prosedyre\w*|regelverk\w*|anskaffelsesloven|forskriften|"
    r"konkurranse|kjøpe direkte|direkte ?anskaff\w*|threshold|procedure|which (?:part|rules)|tender|publish|"
    r"\bgjelder\b|\bapply\b|\bapplies\b",
    re.IGNORECASE,
)
_PURCHASE_STATED = re.compile(
    r"\b(?:skal|vil|må|planlegger å|ønsker å|skal inngå|skal kjøpe|kjøper|anskaffer|inngå|bygge|bygg|kjøp|anskaffelse|"
    r"kontrakt\w*|avtale\w*|rammeavtale\w*|buy\w*|procur\w*|contract\w*)\b",
    re.IGNORECASE,
)
_PART_EN = {
    "below": "No: the procurement rules do not apply below NOK 100 000",
    "I": "Only part I of the procurement regulation applies",
    "II": "Parts I and II of the procurement regulation apply",
    "III": "Parts I and III of the procurement regulation apply",
    "IV": "Parts I and IV (chapter 30) apply, not part III",
    "referred": "A separate regulation applies, not the general procurement regulation",
}


# «Terskelverdien for staten er 1,4 millioner, ikke sant?»: the figure is a claimed threshold, not a purchase.
_CLAIMED_THRESHOLD = re.compile(r"\bterskel\w*[^.?!]{0,40}\b(?:er|var|på|ligger på)\b[^.?!]{0,25}\d", re.IGNORECASE)


def asks_rules(question: str) -> bool:
    """True when the wording asks about thresholds, parts, notices or procedures."""
    return bool(_ASKS_RULES.search(question))


_PURCHASE_VALUE = re.compile(r"\b(?:til|for) \d[\d ,.]*\s*(?:kr|kroner|mill|millioner|MNOK)", re.IGNORECASE)


def is_rules_question(question: str, facts: CaseFacts) -> bool:
    """True for a question the assessment engine answers: a contract value plus a purchase or a rules question.

    A figure the question gives as a threshold («terskelen er 1,4 millioner») is not a purchase value: such a
    question is left to the cards, which correct an outdated or wrong threshold.
    """
    if not facts.has_value:
        return False
    if _CLAIMED_THRESHOLD.search(question) and not _PURCHASE_VALUE.search(question):
        return False
    return bool(_ASKS_RULES.search(question) or _PURCHASE_STATED.search(question))


_NEGATED = re.compile(r"\b(?:trenger|må|behøver|skal) (?:vi |dere |man )?ikke\b|\bslipper\b|\bdon't need\b|"
                      r"\bdo not need\b", re.IGNORECASE)


def _verdict_word(question: str, part: str, lang: str) -> str:
    """«Ja.» / «Nei.» (Yes./No.) when the question is a yes/no question about the part, notice or rules; else ""."""
    sentences = re.split(r"(?<=[.!?])\s+", question.strip())
    if not any(_YES_NO.search(s) for s in sentences):
        return ""
    for pattern, yes_parts in _INTENTS:
        if pattern.search(question):
            yes = part in yes_parts
            if _NEGATED.search(question):  # «… trenger vi ikke følge loven?»: «Ja» would agree with the wrong thing
                yes = not yes
            if lang == "en":
                return "Yes." if yes else "No."
            return "Ja." if yes else "Nei."
    return ""


def _markers(text: str) -> list[int]:
    return [int(n) for group in re.findall(r"\[(\d+(?:,\s*\d+)*)\]", text) for n in group.split(",")]


class _Renumber:
    """Citation markers of the assessment (its own numbering) renumbered 1, 2, ... in order of first use."""

    def __init__(self, citations: list[Citation]) -> None:
        self.by_n = {c.n: c for c in citations}
        self.order: list[int] = []

    def text(self, text: str) -> str:
        def swap(match: re.Match[str]) -> str:
            numbers = []
            for n in (int(x) for x in match.group(1).split(",")):
                if n not in self.by_n:
                    continue
                if n not in self.order:
                    self.order.append(n)
                numbers.append(str(self.order.index(n) + 1))
            return f"[{', '.join(numbers)}]" if numbers else ""

        return re.sub(r"\[(\d+(?:,\s*\d+)*)\]", swap, text).replace(" .", ".")

    def citations(self) -> list[Citation]:
        return [dataclasses.replace(self.by_n[n], n=i) for i, n in enumerate(self.order, start=1)]


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", "]")) else text + "."


def _with_marker(sentence: str, markers: str) -> str:
    sentence = sentence.rstrip()
    if not markers:
        return sentence
    if sentence.endswith("."):
        return f"{sentence[:-1]} {markers}."
    return f"{sentence} {markers}"


def _assumptions(result: Assessment, facts: CaseFacts) -> list[str]:
    """The facts the verdict assumed rather than read, as short sentences (at most three)."""
    out = [a for a in result.assumptions if not a.startswith("Tolket fra teksten")]
    # The need, market and development assumptions matter for the procedure, not for the part: keep those short.
    out = [a for a in out if not a.startswith("Ikke oppgitt, derfor antatt")][:3]
    out += [note for key, note in facts.notes if key in facts.inherited]
    return out


def rules_answer(question: str, facts: CaseFacts, settings: Settings, lang: str = "nb",
                 provider: str = "extractive", model: str = "", intent: str = "") -> Answer | None:
    """The assessment engine's verdict on the stated facts, as a cited answer; None if the engine cannot assess.

    `intent` is the text whose wording says what is asked (default the question; a follow-up passes the earlier
    question too, so «og for kommuner?» after «Må vi kunngjøre …?» still gets a yes or no).
    """
    values = dict(extract_case(question).values)
    values.update(facts.values)
    try:
        result = assess(values, settings, interpretation=list(facts.notes))
    except AdvisorError:
        return None
    renumber = _Renumber(result.citations)
    # The headline names the threshold that decides; its rule's citation is the one the part reason carries.
    part_refs = renumber.text(" ".join(f"[{n}]" for n in dict.fromkeys(_markers(result.part_reason)))).strip()
    verdict = _verdict_word(intent or question, result.part, lang)
    lead = _with_marker(_sentence(result.headline), part_refs)
    sentences = [f"{verdict} {lead}".strip() if lang != "en" else lead]
    if lang == "en":
        threshold = result.next_threshold if result.next_threshold is not None and result.part in ("I", "II") else result.threshold
        english = _PART_EN.get(result.part, "")
        if english:
            value = format_amount(threshold.value_nok).replace("mill. kr", "million").replace(",", ".")
            sentences.insert(0, f"{verdict} {english} (deciding threshold: NOK {value}). In Norwegian:".strip())
    if result.part not in ("below", "referred"):
        refs = renumber.text(" ".join(f"[{n}]" for n in dict.fromkeys(
            n for reason in result.procedure_reasons for n in _markers(reason))))
        sentences.append(_with_marker(f"Aktuell prosedyre: {result.procedure_label}.", refs.strip()))
        if result.next_steps:
            step = renumber.text(result.next_steps[0]).strip()
            refs = re.search(r"\s*(\[[\d, ]+\])\.?$", step)
            if refs:  # «... kriterier. [3]» -> «... kriterier [3].»
                step = step[: refs.start()].rstrip()
            sentences.append(_with_marker("Neste steg: " + _sentence(step), refs.group(1) if refs else ""))
    assumed = _assumptions(result, facts)
    if assumed:
        sentences.append("Forutsetninger: " + " ".join(_sentence(a) for a in assumed))
    text = " ".join(sentences)
    notes = ["Svaret er regelmotorens vurdering (`advisor assess`) av opplysningene i spørsmålet." if lang != "en" else
             "The answer is the rules engine's assessment (`advisor assess`) of the facts in the question."]
    return Answer(question, text, renumber.citations(), True, provider, model, f"{RULES_VERSION}+{result.model_version}",
                  question, route="rules", notes=notes, language=lang, evidence=1.0)
