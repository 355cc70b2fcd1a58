"""The conversation: one question (with its history) answered from rules, an answer card, one passage or an LLM.

    answer = ask(question, index, settings, history=chat.history)
    route  = route_message("Vi skal kjøpe 40 Dell Latitude 5550")   # "analyze" | "assess" | None

The answer routes, tried in order (Answer.route): "rules" (the question states purchase facts: the assessment
engine's verdict, chat/rules.py), "card" (a curated answer card matched above its cut-off; a list question whose
passage holds a list squarely about it gets that whole list instead), "passage" (the best passage, extractive; for a
list question the passage's whole list) or "llm" (a configured model, given the rule verdict and the card as verified facts), and
"refusal" when the sources do not answer. Before any of them, a question whose asked-about topic no passage or card
mentions («kreve lærlinger») is refused, naming the topic (chat/scope.py).

This is the only module that spans features: a message that is a requirement text or a planned purchase gets the
answer plus a short result from the requirement check or the assessment, and a pointer to that tool (named by what
it does, not by a command).
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from advisor.answer import (
    CANNOT_ANSWER,
    NORWEGIAN_WORDING,
    READ_ELSEWHERE,
    UNCOVERED_TOPIC,
    Answer,
    answer_question,
    card_answer,
    carry_terms,
    case_part_answer,
    claim_verdict,
    condense,
    has_english_lead,
    is_follow_up,
    is_list_question,
    uncovered_answer,
    with_english_answer,
)
from advisor.assessment import READ_FROM_TEXT, assess, extract_case, figure_spans, read_amounts
from advisor.chat.facts import IT_PURCHASE_NOTE, CaseFacts, read_facts
from advisor.chat.plan import (
    asks_about_scene,
    considered_procedure,
    is_nynorsk,
    plan_question,
    scene_of,
    scene_procedure,
    with_procedure,
)
from advisor.chat.premises import claim_lead, polar_lead, premise_card, premise_lead
from advisor.chat.quoted import make_in_words, named_spec, quoted_spec, spec_in_words
from advisor.chat.rules import (
    asked_procedure,
    asks_rules,
    asks_rules_part,
    asks_standstill,
    asks_time_limits,
    decides_exemption,
    gives_verdict,
    is_rules_question,
    is_yes_no,
    part_lead,
    points_elsewhere,
    read_line,
    rules_answer,
)
from advisor.chat.rules import (
    named_procedure as procedure_key,
)
from advisor.chat.scope import about_procurement, ask_elsewhere, out_of_scope_refusal, uncovered_topic
from advisor.chat.sentences import GROUND_CLAUSE, split_sentences
from advisor.config import Settings
from advisor.corpus import Citation
from advisor.doffin import SimilarResults, as_hits, shown_notices, subject_words
from advisor.errors import AdvisorError
from advisor.llm import EXTRACTIVE, check_provider, model_name
from advisor.requirements import CATEGORY_LABELS, RequirementAnalysis, analyze_text
from advisor.search import (
    CardMatch,
    Hit,
    Index,
    Query,
    check_query,
    load_cards,
    make_card,
    match_card,
    rank_cards,
    retrieve,
)
from advisor.text import detect_language, query_terms, text_terms

log = logging.getLogger(__name__)


@dataclass
class Chat:
    """The turns of one conversation: (question, answer text), newest last, capped at max_turns."""

    max_turns: int = 6
    turns: list[tuple[str, str]] = field(default_factory=list)

    def add(self, question: str, answer_text: str) -> None:
        """Remember one turn."""
        self.turns.append((question, answer_text))
        del self.turns[: -self.max_turns]

    def reset(self) -> None:
        """Start a new conversation."""
        self.turns.clear()

    @property
    def history(self) -> tuple[tuple[str, str], ...]:
        """The turns as the history argument of ask()."""
        return tuple(self.turns)


# --- routing ---------------------------------------------------------------------------------------------

_PURCHASE = re.compile(
    r"\b(vi|jeg|kommunen|etaten|sykehuset|direktoratet|virksomheten|fylkeskommunen)\s+"
    r"(skal|vil|må|planlegger å|ønsker å|trenger å|har tenkt å)\s+(kjøpe|anskaffe|handle|leie|inngå|skaffe|kjøpe inn)\b"
    r"|\bwe\s+(will|are going to|plan to|want to|need to|must)\s+(buy|procure|purchase)\b",
    re.IGNORECASE,
)
_AMOUNT = re.compile(
    r"(\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?)\s*(millioner|million|mill\.?|mnok|mrd\.?|milliarder|tusen|k?kr\b|kroner|nok\b)",
    re.IGNORECASE,
)
_PROCEDURE_QUESTION = re.compile(
    r"hvilken (anskaffelses)?prosedyre|hvilke(n)? (del|regler|terskel)|må vi (kunngjøre|lyse ut|ha konkurranse)|"
    r"kan vi kjøpe direkte|hvordan (skal|bør) vi gjennomføre|hvilket regelverk|which procedure|do we need to tender",
    re.IGNORECASE,
)
_REQUIREMENT = re.compile(
    r"^\s*(kravet er|kravene er|krav\s*\d*\s*[:.]|vi krever|det kreves at|leverandøren skal|løsningen skal|"
    r"produktet skal|utstyret skal|tilbudt (produkt|utstyr|løsning) skal|the requirement is|requirement\s*\d*\s*:)",
    re.IGNORECASE | re.MULTILINE,
)
# Wording that marks requirement text when the message states it rather than asks about it.
_REQUIREMENT_WORDING = re.compile(r"\bskal være av (typen|merket|fabrikat)|\beller tilsvarende\b", re.IGNORECASE)
_QUESTION_START = re.compile(
    r"^\s*(hva|hvem|hvor|hvordan|hvorfor|hvilke[nt]?|når|kan|må|skal|bør|er|har|gjelder|finnes|what|how|why|"
    r"which|when|can|must|should|is|are|do|does)\b", re.IGNORECASE)
# A product named by make and model: "Dell Latitude 5550", "HP EliteBook 840 G10", "iPhone 15".
_MAKE_MODEL = re.compile(r"\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+[A-Z]?\d{2,5}\b|\b[a-z]+[A-Z]\w*\s+\d{1,4}\b")


def route_message(text: str) -> str | None:
    """'analyze' for a requirement text to check or rewrite, 'assess' for a purchase to assess, else None."""
    asks = text.rstrip().endswith("?") or bool(_QUESTION_START.match(text))
    if _REQUIREMENT.search(text) or (not asks and _REQUIREMENT_WORDING.search(text)):
        return "analyze"
    purchase = bool(_PURCHASE.search(text))
    amount = bool(_AMOUNT.search(text))
    procedure = bool(_PROCEDURE_QUESTION.search(text))
    if purchase and (amount or procedure):
        return "assess"
    if purchase and _MAKE_MODEL.search(text):
        return "analyze"
    if procedure and amount:
        return "assess"
    return None


# The chat names the app's tools by what they do, not by a command (a buyer reads the answer, not a terminal).
_POINTERS = {
    ("analyze", "nb"): "Dette ser ut som en kravtekst. Kravsjekken finner merkenavn og løsningsbundne krav, og "
                       "omskrivingen foreslår behovs- og funksjonskrav i stedet.",
    ("analyze", "en"): "This looks like a requirement text. The requirement check finds brand names and solution-bound "
                       "wording, and the rewrite suggests need- and function-based alternatives.",
    ("assess", "nb"): "Dette ser ut som en planlagt anskaffelse. Vil dere ha en fullstendig vurdering med del av "
                      "forskriften, terskelverdi, prosedyre og neste steg, bruk anskaffelsesvurderingen.",
    ("assess", "en"): "This looks like a planned purchase. For a full assessment with the part of the regulation, "
                      "threshold, procedure and next steps, use the purchase assessment.",
}


def route_pointer(route: str, lang: str = "nb") -> str:
    """The sentences that send the user to the right tool (named by what it does, not by a command)."""
    return _POINTERS[(route, "en" if lang == "en" else "nb")]


_DEFAULT_PROCEDURES = ("open", "restricted", "tender")
_PROVISIONAL = {"nb": "Vurderingen er foreløpig fordi opplysninger mangler; svar på spørsmålene i "
                      "anskaffelsesvurderingen for en fullstendig vurdering med kilder.",
                "en": "The assessment is provisional because facts are missing; answer the questions of the purchase "
                      "assessment for a full assessment with sources."}


def route_summary(route: str, text: str, settings: Settings, lang: str = "nb") -> list[str]:
    """A short result from the tool the message belongs to (assessment or requirement check). In English only what
    can be said in English: the assessment's labels and what was read from the text are Norwegian, so an English
    message gets the sentence on a provisional verdict, and the requirement check's count and quoted findings."""
    en = lang == "en"
    if route == "assess":
        extraction = extract_case(text)
        try:
            result = assess(extraction.values, settings, interpretation=extraction.notes)
        except AdvisorError as exc:
            log.warning("assessment of the message failed: %s", exc)
            return []
        lines = []
        if not en:
            # The buyer can choose among several procedures: the summary names the one the facts point to as such.
            # A message that wants negotiation or dialogue, or says the solution is to be adapted or integrated, is
            # not pointed to the open procedure: the conditions for the others decide (FOA § 13-2).
            part = result.part_label.rstrip(".")
            if result.procedure in _DEFAULT_PROCEDURES and points_elsewhere(text, result):
                lines.append(f"Foreløpig vurdering: {part}; prosedyren avhenger av om vilkårene for konkurranse med "
                             "forhandling eller konkurransepreget dialog i FOA § 13-2 er oppfylt." if result.part == "III"
                             else f"Foreløpig vurdering: {part}; dere kan velge mellom flere prosedyrer.")
            else:
                choice = "av flere mulige prosedyrer peker opplysningene mot" if result.alternatives else "aktuell prosedyre:"
                lines.append(f"Foreløpig vurdering: {part}; {choice} {result.procedure_label.rstrip('.')}.")
            # What was taken as given, in the one plain sentence the rules answers use (not the reader's raw notes).
            read = read_line(extraction.values, lang, notes=extraction.notes,
                             it_purchase=any(IT_PURCHASE_NOTE in note for _, note in extraction.notes))
            if read:
                lines.append(read)
            # What the reader could not use or had to assume («Beløpet … er ikke brukt: … for stort …») is still said.
            lines += [note for _, note in extraction.notes if not note.startswith(READ_FROM_TEXT)]
        if result.provisional:
            lines.append(_PROVISIONAL["en" if en else "nb"])
        return lines
    if route == "analyze":
        # A question that quotes its specification («We have "Electrolux Line 6000, 10 kg" in the spec …») is
        # checked on the quoted text: the question's own words are no requirement.
        quoted = [spec.text for spec in quoted_spec(text)]
        try:
            analyses = analyze_text("\n".join(quoted) if quoted else text, settings)
        except AdvisorError as exc:
            log.warning("requirement check of the message failed: %s", exc)
            return []
        if quoted:
            return _quoted_findings(analyses, en)
        flagged = [a for a in analyses if a.solution_specific]
        if not flagged:
            return ["The requirement check found no solution-bound wording in the message." if en else
                    "Kravsjekken fant ingen løsningsbundne formuleringer i meldingen."]
        findings = [f for a in flagged for f in a.findings]
        if en:
            shown = "; ".join(f"«{f.text}»" for f in findings[:4])
            return [f"Requirement check: {len(flagged)} of {len(analyses)} requirements are solution-bound. "
                    f"Findings: {shown}."]
        shown = "; ".join(f"«{f.text}» ({CATEGORY_LABELS.get(f.category, f.category).lower()})" for f in findings[:4])
        return [f"Kravsjekken: {len(flagged)} av {len(analyses)} krav er løsningsbundne. "
                f"Funn: {shown}."]
    return []


_CATEGORY_EN = {"brand": "brand or trademark", "model_type": "model or type designation"}


def _quoted_findings(analyses: Sequence[RequirementAnalysis], en: bool) -> list[str]:
    """The requirement check's findings in quoted specification text, the hints included: a bare line «Electrolux
    Line 6000, 10 kg» has no «skal», so its brand is a weak finding, but the question says it is in the spec."""
    findings = [f for a in analyses for f in a.findings]
    if not findings:
        return []
    if en:
        return ["Requirement check of the quoted text: " + "; ".join(
            f"«{f.text}» ({_CATEGORY_EN.get(f.category, f.category.replace('_', ' '))})" for f in findings[:4]) + "."]
    return ["Kravsjekken av den siterte teksten: " + "; ".join(
        f"«{f.text}» ({CATEGORY_LABELS.get(f.category, f.category).lower()})" for f in findings[:4]) + "."]


_PART = re.compile(r"\bdel(?:ene)?\s+[IVX]+(?:(?:\s*,\s*|\s+og\s+)[IVX]+)*\b", re.IGNORECASE)


def _states_part(text: str, summary: str) -> bool:
    """True when the answer text already names the part(s) of the regulation the summary line gives."""
    named = _PART.search(summary)
    return bool(named) and " ".join(named.group(0).lower().split()) in " ".join(text.lower().split())


# The opening of the rules answer's one sentence on what it took as given (advisor.chat.rules), in both languages.
READ_FROM_QUESTION = ("Vi har regnet med at ", "We have assumed that ")


def apply_route(answer: Answer, route: str, message: str, settings: Settings) -> None:
    """Mark an answer whose message belongs to another tool. A purchase gets the assessment's one-line verdict (unless
    the answer already names the part) and, only while that verdict is provisional, the sentence on completing it;
    a requirement text gets the requirement check's findings and a pointer to it. A refusal gives way to the pointer,
    except one that names a topic the sources do not cover (it comes first)."""
    answer.tool = route
    if route == "assess" and answer.route == "rules":
        # The rules route already gave the assessment's verdict, reasons, next step and assumptions: a pointer to
        # the same assessment and its one-line summary would only say it again.
        # The reader's own notes («Tolket fra teksten: «6 millioner» → …») are not added either: the rules answer
        # says in one sentence what it took as given that the question does not say plainly, and nothing if it
        # took nothing (advisor.chat.rules.read_line).
        return
    pointer = route_pointer(route, answer.language)
    summary = route_summary(route, message, settings, answer.language)
    if route == "assess" and summary:
        if summary[0].startswith("Foreløpig vurdering") and _states_part(answer.text, summary[0]):
            summary = summary[1:]
        if any(note.startswith(READ_FROM_QUESTION) for note in answer.notes):  # what was read is said once
            summary = [line for line in summary if not line.startswith(READ_FROM_QUESTION)]
        pointer = ""  # the summary says itself when the verdict is provisional and how to complete it
    if answer.grounded or _names_uncovered(answer.text):
        answer.notes[:0] = [n for n in (pointer, *summary) if n]
    else:
        answer.text = route_pointer(route, answer.language)
        answer.notes[:0] = summary


def _names_uncovered(text: str) -> bool:
    """True for a refusal that names the topic the sources do not cover (advisor.answer.uncovered_answer)."""
    return any(sentence.split("«")[0] in text for sentence in UNCOVERED_TOPIC.values())


def ask(
    question: str,
    index: Index,
    settings: Settings,
    provider: str | None = None,
    history: Sequence[tuple[str, str]] = (),
    top_k: int | None = None,
    on_token: Callable[[str], None] | None = None,
) -> Answer:
    """Answer a question: rules (stated purchase facts), then an answer card, then one passage or the LLM.

    The question and the provider are checked here, once, and the language detected once. A compound question is
    answered part by part; a follow-up inherits the case facts (buyer, value, contract type) said before.
    """
    question = check_query(question, settings)
    answer = _ask_checked(question, index, settings, check_provider(provider, settings), history, top_k, on_token)
    if is_nynorsk(question) and NYNORSK_NOTE not in answer.notes:
        answer.notes.append(NYNORSK_NOTE)
    return answer


# Said under the answer to a question in nynorsk: the sources and the answer are in bokmål.
NYNORSK_NOTE = "Kjeldene og svaret er på bokmål."


def _ask_checked(question: str, index: Index, settings: Settings, chosen: str, history: Sequence[tuple[str, str]],
                 top_k: int | None, on_token: Callable[[str], None] | None) -> Answer:
    """`ask` for a checked question and provider."""
    lang = detect_language(question)
    # «Siden LOA § 4 pålegger oss å fremme innovasjon, hvilken del …?»: the claimed duty is corrected first, then the
    # questions are answered without it (chat/premises.py).
    lead = premise_lead(question, index, settings)
    if lead is not None:
        match, rest = lead
        answers = [card_answer(question, match, index, lang, chosen, model_name(settings, chosen))]
        if rest:
            # the purchase the premise's sentence told of («… bestille på avtalen for 1,6 mill.») is the rest's too
            answers.append(_ask(rest, index, settings, chosen, detect_language(rest), history, top_k,
                                message_facts=read_facts(question)))
        answer = combine_answers(question, answers)
        answer.card_id = match.card.id
        answer.text = single_verdict(answer.text)
        if on_token is not None:
            on_token(answer.text)
        return answer
    return _ask(question, index, settings, chosen, lang, history, top_k, on_token)


def _ask(question: str, index: Index, settings: Settings, chosen: str, lang: str,
         history: Sequence[tuple[str, str]], top_k: int | None,
         on_token: Callable[[str], None] | None = None, message_facts: CaseFacts | None = None) -> Answer:
    """`ask` for a checked question, in its language, with a checked provider (`message_facts`: those of the whole
    message the question is the rest of, after a corrected premise)."""
    tool = route_message(question) or ("analyze" if quoted_spec(question) else None)
    plan = plan_question(question, lang)
    # «Kan leverandøren få innsyn i tilbudene, og må vi sladde …?»: a message on a subject the sources do not cover
    # is refused whole, with who answers it (chat/scope.py), and no part is answered from a passage on another subject
    refused = out_of_scope_refusal(question, plan.parts, plan.scene, index, settings, lang, chosen,
                                   model_name(settings, chosen))
    if refused is not None:
        return refused
    facts, earlier_rules = _case_facts(question, history, lang, plan.parts if plan.compound else ())
    if message_facts is not None:
        facts = facts.inherit(message_facts, same_message=True)
    turn = _Turn(index, settings, chosen, history, top_k, lang, facts, earlier_rules, message=question,
                 premise=premise_card(question, index, settings, rules=is_rules_question(question, facts)))
    # «En kollega mener at … Stemmer det, og hvilken del gjelder?»: the claim checked is answered by its card first,
    # then the rules on the purchase (the message's value would otherwise leave the claim unanswered)
    claimed = _claim_card_with_rules(turn, question) if turn.premise is None and chosen == EXTRACTIVE else None
    beside = None if claimed is not None or plan.compound or turn.premise is not None or chosen != EXTRACTIVE else \
        _card_beside_rules(turn, question, scene_of(question)) or _card_for_main_ask(turn, question)
    if claimed is not None:
        answer = claimed
    elif plan.compound and turn.premise is None:  # a message resting on a wrong premise is answered by its correction
        answer = combine_answers(question, _asked_topic_first(question, _answer_parts(turn, question, plan.parts,
                                                                                     plan.scene)))
    elif beside is not None:
        answer = beside
    else:
        answer = turn.answer(question, on_token=on_token)
        answer.text = claim_verdict(question, answer.text, lang)  # «Stemmer det at …?»: «Nei. Det var …»
    if answer.route == "rules" and chosen == EXTRACTIVE and not plan.compound:
        answer = _card_after_corrected_ground(turn, question, answer)
    if answer.route == "rules" and settings.answer.similar_notices:
        add_similar_notices(answer, question, settings, lang)
    if tool:
        apply_route(answer, tool, question, settings)
    answer.text = single_verdict(answer.text)
    if answer.route != "rules" and turn.premise is None:
        # «Slipper vi kravet …?» answered by a card's «Ja, kravet gjelder …»: the word answers the question asked (the
        # rules say their own yes or no the right way round; a premise's card corrects the premise)
        answer.text = polar_lead(question, answer.text)
    if turn.premise is None:  # «X mener … Stemmer det? Og kan vi forhandle?»: no «Ja» on forhandling read as on X
        answer.text = claim_lead(question, answer.text, polarity=answer.route != "rules")
    if on_token is not None and not turn.streamed:
        on_token(answer.text)
    return answer


# «Siden årsbeløpet er under terskelen, kan vi vel bare kontakte noen ideelle?»: a ground the rules correct («Nei:
# det er verdien for hele avtaleperioden …»), then an ask of its own (after sentences.GROUND_CLAUSE), which a card
# answers after the correction.
_ASK_AFTER_GROUND = re.compile(r"[^?.!]+\?")


def _card_after_corrected_ground(turn: _Turn, question: str, answer: Answer) -> Answer:
    """The rules' answer that corrects the ground a question states («Siden …, kan vi vel …?»), followed by the card
    that answers what the question asks on that ground, without the card's own verdict word (the correction gave the
    verdict); the answer as it is when the rules did not say «Nei»/«No» first or no card answers the ask well."""
    if not answer.text.startswith(("Nei:", "No:")):
        return answer
    grounds = (GROUND_CLAUSE.match(sentence) for sentence in split_sentences(question, capital=True))
    ask_match = next((ask for ground in grounds if ground is not None
                      and (ask := _ASK_AFTER_GROUND.match(ground.string, ground.end())) is not None), None)
    if ask_match is None:
        return answer
    asked = re.sub(r"\s+(?:vel|jo)\b", "", ask_match.group(0)).strip()
    asked = asked[:1].upper() + asked[1:]
    match = match_card(asked, turn.index, turn.settings, turn.lang)
    if match is None:
        return answer
    card = card_answer(asked, match, turn.index, turn.lang, turn.provider, model_name(turn.settings, turn.provider))
    card.text = _without_verdict_word(card.text)
    combined = combine_answers(question, [answer, card])
    combined.route = "rules"
    return combined


# A verdict word said twice in a row («No. No: the rules do not apply …», «Nei. Nei, …»): the verdict of a yes/no
# question followed by a text that opens with its own.
# «No. No rule obliges you …» says the verdict once: the second «No» opens a sentence, it is not a verdict word.
_DOUBLED_VERDICT = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))(Yes|No|Ja|Nei)[.,:!]\s+(?=\1[.,:!](?:\s|$))")


def single_verdict(text: str) -> str:
    """The text with a verdict word said twice in a row said once (the second, which carries its sentence, stays)."""
    return _DOUBLED_VERDICT.sub("", text)


def _asks_rules_topic(question: str) -> bool:
    """True when the sentences that ask («…?») name what the rules decide (part, threshold, notice, a procedure), or
    when no sentence asks."""
    asked = " ".join(s for s in split_sentences(question) if s.rstrip().endswith("?"))
    return not asked or bool(_RULES_TOPIC.search(asked)) or procedure_key(asked) is not None


def _asked_topic_first(question: str, answers: list[Answer]) -> list[Answer]:
    """The parts' answers for a message that asks nothing the rules decide («Leverandøren sier vi kan utvide kontrakten
    med 50 % – stemmer det, og hva risikerer vi?», «… Er det greit, og hvordan burde vi ha lagt opp dialogen?»): the
    rules' part says no verdict word of its own (it answered no yes/no question), and it moves after a card that opens
    with the verdict on what was asked."""
    if len(answers) < 2 or answers[0].route != "rules" or _asks_rules_topic(question):
        return answers
    rules = dataclasses.replace(answers[0], text=_without_verdict_word(answers[0].text))
    card = next((a for a in answers[1:] if a.route == "card"), None)
    if card is None or not _card_verdict_leads(answers[0], card):
        return [rules, *answers[1:]]  # the part stays first, but says no «Ja» to a question nobody asked
    return [*answers[1:], rules]


def _card_verdict_leads(rules: Answer, card: Answer) -> bool:
    """For a message that asks nothing the rules decide (the caller checks `_asks_rules_topic`): True when the card
    opens with a verdict («Nei, …») and the rules' answer does not, so the card's verdict answers what was asked and
    the part its value leads to is background."""
    return bool(_VERDICT_WORD.match(card.text)) and not _VERDICT_WORD.match(rules.text)


def _answer_parts(turn: _Turn, question: str, parts: Sequence[str], scene: str = "") -> list[Answer]:
    """The answers to the parts of a compound question, in the order asked.

    The parts that ask what the rules decide (part, threshold, notice, a procedure to use) are answered together,
    once, by the rules on the facts of the whole message, where the first of them was asked; every other part
    («kan vi begrense konkurransen til ideelle?», «hva er kravene til gjennomføringen?») by its card or passage, with
    the facts as context but not the rules (whose verdict on the purchase would only be said again). A part that
    leans on what was said before («Hvordan gjør vi det?») takes its topic from the `scene` the message opens with
    («Vi skal lage en førkommersiell anskaffelse.»: the procedure it names) and from the first part."""
    # «Vi vurderer innovasjonspartnerskap … Hva er minstefristen …, og må vi forhandle?»: the parts ask about the
    # procedure the scene considers, not the one the rules would choose; each part that names none says it.
    considered = considered_procedure(scene) or _running_tender(scene)
    # Whether the rules answer a part is read from the part's own words: the procedure said in it for the card's
    # sake («Kan vi kutte partnere etter en fase (innovasjonspartnerskap)?») does not make it ask whether to use it.
    asked = {with_procedure(part, considered): part for part in parts}
    parts = list(asked)
    rules_parts = [p for p in parts if _is_rules_part(asked[p], turn.facts) and not _negotiates_within(p, considered)]
    if rules_parts:  # «… minstefrister …? Og hvor lang er karensperioden?»: the standstill of the same purchase
        rules_parts = [p for p in parts if p in rules_parts or asks_standstill(p)]
    answers: list[Answer] = []
    for i, part in enumerate(parts):
        if part in rules_parts:
            if part != rules_parts[0]:
                continue
            answer = turn.answer(" ".join(rules_parts), rules=True, case_text=question)
        else:
            # «…? How were they paid?»: a part on the named case an earlier part was answered from is answered from
            # that case's passages, or not separately (advisor.answer.followup), never by a card on another subject
            on_case, case = case_part_answer(part, [(a.question, a) for a in answers], turn.index, turn.settings,
                                             turn.provider, turn.lang) if i else (False, None)
            if on_case and (case is None or any(a.text == case.text for a in answers)):
                continue
            used = frozenset(a.card_id for a in answers if a.card_id)
            context = " ".join(p for p in (scene_procedure(scene), parts[0] if i else "") if p)
            answer = case or turn.answer(part, context=context, exclude=used,
                                         rules=False if rules_parts or turn.facts.has_value else None)
            answer.text = claim_verdict(part, answer.text, turn.lang)  # «Is it true that …?»: «No. It was …»
            if not answer.grounded and i and _CHOOSES_BETWEEN.search(part):
                # «Hva skiller A fra B, og hvordan velger vi riktig vei?»: the choice is between what the first part
                # named; asked with it, a card that answers both (said already, or now) answers this part.
                joined = turn.answer(f"{parts[0].rstrip('?. ')}, {part[0].lower()}{part[1:]}", context=context,
                                     rules=False)
                if joined.card_id in used:
                    continue
                if joined.grounded and joined.card_id:
                    answers = [a for a in answers if not a.card_id or a.route == "rules"]
                    answer = joined
            # «Ja, under terskelen …» from a card is a yes on one side of a threshold; beside the rules' verdict on
            # the stated value (which may be on the other side) the bare «Ja» would read as the answer for this case.
            if answer.card_id and turn.facts.has_value and _THRESHOLD_CONDITIONAL.match(answer.text):
                answer.text = _without_verdict_word(answer.text)
        # Two parts answered by the same card (or the same passage), or a part whose answer only says again
        # what an earlier part's said (a card on the exceptions that restates the main rule), are answered once.
        said_card = bool(answer.card_id) and any(a.card_id == answer.card_id for a in answers)
        if not said_card and not any(a.text == answer.text for a in answers) and not _says_again(answer, answers):
            answers.append(answer)
    if rules_parts:
        return _correction_first(_value_side_first(turn, question, answers))
    return _with_value_part(turn, question, answers)


_CORRECTION = re.compile(r"^(?:Nei|No)\b")


def _correction_first(answers: list[Answer]) -> list[Answer]:
    """The parts' answers with the rules' «Nei» first: a part that claims the wrong regulation or part («…, følger vi
    vel anskaffelsesforskriften?», «vi er vel i del II?») is corrected before the cards answer the other parts, which
    rest on the regulation that applies."""
    rules = next((a for a in answers if a.route == "rules"), None)
    if rules is None or rules is answers[0] or not _CORRECTION.match(rules.text):
        return answers
    return [rules, *[a for a in answers if a is not rules]]


# A card whose rule the sources state for part III of the general regulation (FOA) has a utilities version, with the
# id of the FOA card and this suffix, that says what the sources say (and do not) for a buyer under the utilities
# regulation; for such a buyer it answers in the FOA card's place.
_REGIME_SUFFIX = {"utilities": "-forsyning"}


def regime_card(match: CardMatch, regime: str | None, settings: Settings) -> CardMatch:
    """The card for the buyer's regulation: the FOA card's utilities version («rammeavtale-varighet» ->
    «rammeavtale-varighet-forsyning») for a utility when the corpus has one, else the card matched."""
    suffix = _REGIME_SUFFIX.get(regime or "")
    if not suffix or match.card.id.endswith(suffix):
        return match
    version = next((card for card in load_cards(settings) if card.id == f"{match.card.id}{suffix}"), None)
    return match if version is None else dataclasses.replace(match, card=version)


def _with_value_part(turn: _Turn, question: str, answers: list[Answer]) -> list[Answer]:
    """«Kommunen skal lyse ut … for 750 000 kr i året i fire år. Hvordan beskriver vi behovet …?»: parts answered by
    cards on how to do it, in a message that states a purchase and its value, get the part the value leads to after
    them; the answers as they are when no card answered or the message states no purchase."""
    if not turn.facts.has_value or not any(a.card_id for a in answers) or not is_rules_question(question, turn.facts):
        return answers
    lead = part_lead(question, turn.facts, turn.settings, turn.lang, turn.provider,
                     model_name(turn.settings, turn.provider))
    return [*answers, lead[1]] if lead is not None else answers


# A part that asks how to choose between what an earlier part named («hvordan velger vi riktig vei?», «how do we
# decide which route to take?»).
_CHOOSES_BETWEEN = re.compile(r"\b(?:velge|velje|velger|vel|avgjøre|avgjer|bestemme|decide|choose|pick)\b|"
                              r"\b(?:hvilken|hvilket|kva for ein|which)\s+(?:vei|veg|route|path|one|av dem|option)\b",
                              re.IGNORECASE)


# «Kommunen har kunngjort en åpen anbudskonkurranse …», «we have announced a restricted procedure»: an open or
# restricted procedure already under way, inside which a later «kan vi forhandle …?» asks to negotiate.
_RUNNING_TENDER = re.compile(
    r"\b(?:har\s+(?:kunngjort|lyst\s+ut|utlyst)|kunngjorde|lyste\s+ut|er\s+i\s+gang\s+med|(?:have|has)\s+(?:announced|"
    r"published|launched))\s+(?:en\s+|ei\s+|an?\s+)?(?P<kind>åpen|open|begrenset|avgrensa|restricted)\s+"
    r"(?:anbuds?konkurranse|anbodskonkurranse|procedure|tender)\b", re.IGNORECASE)


# «… fikk vi ingen tilbud», «ikke mottatt et eneste tilbud», «bare uakseptable tilbud», «avlyst»: the procedure failed.
_TENDER_FAILED = re.compile(r"\bingen\s+(?:gyldige\s+)?(?:tilbud|anbud|tilbod)|\bikke\s+(?:fått|mottatt|motteke)\s+(?:et\s+eneste|"
                            r"noen|nokon|eitt?)\s+(?:tilbud|anbud|tilbod)|\buakseptable\s+(?:tilbud|anbud|tilbod)|\bavly(?:st|ste|ser)\b|"
                            r"\bno\s+(?:valid\s+)?(?:tenders|bids|offers)|\bunacceptable\s+(?:tenders|bids)", re.IGNORECASE)


def _running_tender(scene: str) -> str:
    """«åpen anbudskonkurranse» / «begrenset anbudskonkurranse» when the scene says one is announced and under way
    (a later part on negotiating asks about negotiating inside it); "" otherwise."""
    match = _RUNNING_TENDER.search(scene)
    if match is None or _TENDER_FAILED.search(scene):
        return ""  # after no or only unacceptable tenders, negotiating may be the lawful next step (FOA § 13-2/§ 13-3)
    return "begrenset anbudskonkurranse" if match.group("kind").lower() in ("begrenset", "avgrensa", "restricted") \
        else "åpen anbudskonkurranse"


def _negotiates_within(part: str, considered: str) -> bool:
    """True for a part that asks about negotiating («Må vi forhandle (innovasjonspartnerskap)?») in a procedure the
    scene considers other than the competitive procedure with negotiation: negotiation is then a step of that
    procedure (its card says whether it is required), not a choice of procedure for the rules."""
    if not considered or procedure_key(considered) in (None, "negotiated"):
        return False
    return bool(_NEGOTIATES.search(part))


_NEGOTIATES = re.compile(r"\b(?:forhandl\w*|negotiat\w*)\b", re.IGNORECASE)
_NAMES_NEGOTIATED = re.compile(r"konkurranse med forhandling\w*|competitive procedure with negotiation", re.IGNORECASE)


# A clause that only gives the purchase's value («…, når vi kjøper for 400 000 kroner?»): the rules read it, the ask is
# the rest.
_VALUE_CLAUSE = re.compile(r",?\s(?:når|hvis|dersom|siden|sidan|ettersom|when|if|since)\b[^?.!]{0,80}?\d[^?.!]*(?=[?.!]|$)",
                           re.IGNORECASE)
_DEPENDS_ON_VALUE = re.compile(r"^(?:Det (?:avhenger av|kommer an på) verdien|It depends on the value):\s+")


# «En kollega mener at …», «Juristen vår mener at …», «Our lawyer says (that) …»: a claim someone made, up to the end of
# its sentence; and a check of it in the message («Stemmer det?», «Har hun rett?», «Is that correct?»).
_CLAIM_REPORTED = re.compile(
    r"\b(?:mener|meiner|hevder|påstår|sier|seier|trur|tror|says|claims|argues|thinks|believes|insists)\s+(?:at\s+|that\s+)?"
    r"(?P<claim>[^?!]+?)(?=[.!?](?:\s+[A-ZÆØÅ«]|\s*$))", re.IGNORECASE)
_CLAIM_CHECKED = re.compile(
    r"\b(?:stemmer\s+(?:det|dette)|har\s+(?:han|hun|ho|de|dei)\s+rett|er\s+(?:det|dette)\s+(?:riktig|rett|"
    r"korrekt|lov|lovlig)|is\s+(?:that|this|he|she|it)\s+(?:right|correct|true)|are\s+they\s+right)\b", re.IGNORECASE)


_CLAIM_POINTS_BACK = re.compile(r"\b(?:på|med|om|til|for|mot)\s+(?:det|dette|den|denne)\b|\b(?:do|allow|accept|agree to)\s+"
                          r"(?:that|this|it)\b", re.IGNORECASE)
_EXAMPLE_AMOUNT = re.compile(r"\d[\d ,.]*\s*(?:mill\.?|millioner|kr\b|kroner|NOK|million)", re.IGNORECASE)
_PART_CARD = re.compile(r"terskel\w*|threshold\w*|\bhvilke[nt]? del\b|\bkva del\b|\bwhich part\b|\bdel (?:I{1,3}|IV)\b",
                        re.IGNORECASE)


def _claim_card_with_rules(turn: _Turn, question: str) -> Answer | None:
    """For a message about a purchase (it states a value, so the rules answer it) that reports someone's claim and
    asks whether it holds: the card that answers the claim, matched on the claim's own words without its figures,
    first, then the rules' answer on the purchase without a verdict word of its own (its «Ja»/«Nei» answered another
    ask); None when the message has no such claim, states no value, or no card answers the claim well."""
    if not turn.facts.has_value or not _CLAIM_CHECKED.search(question):
        return None
    reported = _CLAIM_REPORTED.search(question)
    if reported is None:
        return None
    # the claim's own words; when they point back («… en kollega mener vi kan gå med på det …»), the whole sentence the
    # claim is made in, which says what «det» is («Ett av minstekravene … ber om å senke det»)
    said = reported.group("claim")
    if _CLAIM_POINTS_BACK.search(said):
        start = max((m.end() for m in re.finditer(r"[.!?]\s+(?=[A-ZÆØÅ«])", question[:reported.start()])), default=0)
        said = question[start:reported.end()]
    claim = without_figures(said, every=True).strip(" ,;–-")
    if len(claim.split()) < 4:
        return None
    match = match_card(claim, turn.index, turn.settings, turn.lang)
    if match is None or _PART_CARD.search(match.question):
        return None  # a card on the part or the threshold would say again what the rules say
    model = model_name(turn.settings, turn.provider)
    card = card_answer(question, match, turn.index, turn.lang, turn.provider, model, claim)
    card.route = "card"
    # a card's worked example («0,6 mill. kr per år i fire år er 2,4 mill. kr») beside the message's own figures would
    # read as the answer for this purchase: the rules say this purchase's figures, so the example goes
    kept = [sentence for sentence in _SENTENCE_END.split(card.text) if not _EXAMPLE_AMOUNT.search(sentence)]
    if not kept:
        return None
    card.text = " ".join(kept)
    used = {int(n) for refs in re.findall(r"\[([\d, ]+)\]", card.text) for n in refs.split(",")}
    card.citations = [c for c in card.citations if c.n in used]
    rules = turn.answer(question)
    if rules.card_id == card.card_id:
        return None
    rules.text = _without_verdict_word(rules.text)
    combined = combine_answers(question, [card, rules])
    combined.route = "rules" if rules.route == "rules" else combined.route
    return combined


def _card_beside_rules(turn: _Turn, question: str, scene: str) -> Answer | None:
    """For a question that states a value but asks what no rule of the engine decides («Hvor mange leverandører bør
    vi spørre, når vi kjøper for 400 000 kr?»): the part that applies to the value, then the card that answers the
    ask on its own words; None when the rules answer the ask, or no card answers it well."""
    facts = turn.facts
    if not facts.has_value or not is_rules_question(question, facts):
        return None
    asked = question.strip()
    if scene and asked.startswith(scene):
        asked = asked[len(scene):].strip()
    asked = _VALUE_CLAUSE.sub("", asked).strip()
    if not asked or re.search(r"\d", asked) or asks_rules_part(asked) or asked_procedure(asked) is not None \
            or asks_time_limits(asked, facts) or asks_standstill(asked) or decides_exemption(question):
        return None  # «…, er vi vel ikke omfattet av regelverket?»: the rules' «Nei.» answers it
    # «Før vi lyser ut …, vil vi berre ha møte med dei to leverandørane vi kjenner. Er det lov?»: the ask is whether
    # the plan the scene tells is allowed, so the card is matched on the scene (its figures left out) and answers
    # first; the part the value leads to follows it.
    # A scene that names a procedure to use («vil bruke konkurranse med forhandling … Er det lov?») asks the rules.
    about_scene = bool(scene) and asks_about_scene(asked) and not scene_procedure(scene)
    if asks_about_scene(asked) and not about_scene:
        return None  # «Er det lov?» has no words of its own for a card to match
    if about_scene:
        told = without_figures(scene)
        match = match_card(f"{told} {asked}", turn.index, turn.settings, turn.lang)
    else:
        match = match_card(asked, turn.index, turn.settings, turn.lang)
    if match is None:  # a card above the calibrated cut-off (settings.answer.card_min_score) answers the ask
        return None
    match = regime_card(match, facts.values.get("regime"), turn.settings)
    model = model_name(turn.settings, turn.provider)
    # a value in part II gets its part said too («Del I og II gjelder …»): the ask beside it is no less the card's
    lead = part_lead(question, facts, turn.settings, turn.lang, turn.provider, model, utilities=True, between=True)
    if lead is None or lead[0] == "between" and gives_verdict(question, "II", turn.lang):
        return None  # in part II the rules' own yes or no answers («Kan vi bare spørre noen få?» -> «Nei, det holder ikke»)
    card = card_answer(question, match, turn.index, turn.lang, turn.provider, model, asked)
    text = _DEPENDS_ON_VALUE.sub("", card.text)
    text = text[:1].upper() + text[1:]
    # the card's sentences on the side of the threshold the value is not on are left out (between the national and
    # the EEA threshold neither side is the value's for certain: all kept)
    other = _OTHER_SIDE.get({"above": "below", "below": "above"}.get(lead[0], ""))
    kept = [sentence for sentence in _SENTENCE_END.split(text) if other is None or not other.match(sentence.strip())]
    if not kept:
        return None
    card.text = " ".join(kept)
    used = {int(n) for refs in re.findall(r"\[([\d, ]+)\]", card.text) for n in refs.split(",")}
    card.citations = [c for c in card.citations if c.n in used]
    # the card first also when the message asks nothing the rules decide and the card gives the verdict («… – stemmer
    # det, og hva risikerer vi?»: «Nei, en inngått kontrakt kan ikke utvides fritt …»)
    # (and in part II, where the card was the whole answer before the part was said with it, whenever the message asks
    # nothing the rules decide)
    card_first = about_scene or not _asks_rules_topic(question) and (_card_verdict_leads(lead[1], card)
                                                                     or lead[0] == "between")
    return combine_answers(question, [card, lead[1]] if card_first else [lead[1], card])


# What goes with an amount read by read_amounts when a figure is left out of a scene: the preposition and hedge before
# it («til om lag», «for», «worth about») and the currency and VAT words after it («kr eks. mva.»).
_FIGURE_LEAD = re.compile(r",?\s*\b(?:til|for|på|worth|of)\s+(?:ca\.?\s+|om lag\s+|omkring\s+|cirka\s+|about\s+)?$",
                          re.IGNORECASE)
_FIGURE_TAIL = re.compile(r"(?:\s*(?:kr|kroner|nok|mnok)\b\.?)?(?:\s*(?:eks|ekskl|inkl|excl)\.?\s*(?:mva|moms|vat)\b\.?)?",
                          re.IGNORECASE)


def without_figures(scene: str, every: bool = False) -> str:
    """The scene without the phrases that give a figure («til om lag 2,5 mill. kr eks. mva.», «for 800 000 kroner»),
    read by assessment.read_amounts: a card is matched on the scene, whose figures are for the rules. With `every`,
    also without the figures left after that (assessment.figure_spans: «50 %», «3 mill. kr» with no phrase before)."""
    amounts, _ = read_amounts(scene)
    out = scene
    for amount in sorted(amounts, key=lambda a: a.start, reverse=True):
        lead = _FIGURE_LEAD.search(out[:amount.start])
        if lead is None:
            continue
        end = _FIGURE_TAIL.match(out, amount.end).end()
        period = amount.period_phrase
        if period and out[end:].lstrip().lower().startswith(period.lower()):  # «for 800 000 kroner i året»
            end = out.index(out[end:].lstrip()[:len(period)], end) + len(period)
        out = out[:lead.start()] + out[end:]
    if every:
        for start, end in reversed(figure_spans(out)):
            out = f"{out[:start]} {out[end:]}"
        return " ".join(out.split())
    return re.sub(r"\s{2,}", " ", out).strip()


_ASK_WORDS = (r"kan|må|er|har|gjelder|gjeld|skal|bør|får|trenger|treng|stemmer|holder|hva|hvor|hvilke\w*|hvordan|når|kva|"
              r"kor|korleis|is|are|can|may|must|should|do|does|what|how|which|when")
# The ask of a message that states a value: the last sentence that asks, from the first clause that opens with a
# question word («…, kan vi nå ha møter med hver leverandør?», «… – stemmer det, og hva risikerer vi?»).
_ASK_CLAUSE = re.compile(rf"(?:^|,\s+|\s[–-]\s+)(?:(?:så|og|so|and)\s+)?(?=(?:{_ASK_WORDS})\b)", re.IGNORECASE)
# What the rules decide, named in the ask: the part, a threshold, the notice, a procedure to use, the regulation or
# act, also in a compound word («følger vi vel anskaffelsesforskriften?», «forsyningsforskrifta», «anskaffelsesloven»).
_RULES_TOPIC = re.compile(r"\b(?:del(?:en)?\s+(?:I{1,3}V?|IV|[1-5])|hvilken del|kva del|terskel\w*|kunngjør\w*|kunngjer\w*|"
                          r"lyse ut|lyses ut|doffin|ted|prosedyre\w*|\w*regelverk\w*|\w*forskrift\w*|\w+(?:loven|lova)|"
                          r"which part|part\s+(?:I{1,3}V?|IV)|thresholds?|notice|advertise|procedure|tender)\b", re.IGNORECASE)
def main_ask(question: str) -> str:
    """The clause a message asks in: the last sentence that ends in «?», from its first clause that opens with a
    question word; the whole sentence when none does."""
    asking = [s for s in split_sentences(question.strip()) if s.rstrip().endswith("?")]
    sentence = asking[-1] if asking else question.strip()
    match = _ASK_CLAUSE.search(sentence)
    return sentence[match.end():].strip() if match else sentence


def _card_for_main_ask(turn: _Turn, question: str) -> Answer | None:
    """For a message that states a value (so the rules would answer it) but asks about something the rules do not
    decide («Leverandøren sier vi kan utvide kontrakten på 3 mill. fritt – stemmer det?», «Vi har kunngjort en åpen
    anbudskonkurranse på 4 mill., kan vi nå ha møter med hver leverandør?»): the card matched on the message without
    its figures, alone; None when the ask names the part, a threshold, the notice or a procedure, or no card fits well."""
    facts = turn.facts
    if not facts.has_value or not is_rules_question(question, facts):
        return None
    ask = main_ask(question)
    # «Vi vil bruke konkurransepreget dialog for 900 000 kr. Er det lov?» asks about the scene, which the rules judge;
    # «Siden årsbeløpet er under terskelen, kan vi vel …?» has a ground the rules correct first (sentences.GROUND_CLAUSE).
    if asks_about_scene(ask) or any(GROUND_CLAUSE.match(sentence) for sentence in split_sentences(question, capital=True)):
        return None
    running = _running_tender(question)
    if running and _NEGOTIATES.search(ask) and not _NAMES_NEGOTIATED.search(ask):
        # «Vi har kunngjort en åpen anbudskonkurranse … Kan vi forhandle med leverandøren om …?»: negotiating inside
        # the procedure under way, which its card answers (no), not a choice of the negotiated procedure.
        inside = with_procedure(ask, running)
        match = match_card(inside, turn.index, turn.settings, turn.lang)
        if match is not None:
            card = card_answer(question, match, turn.index, turn.lang, turn.provider,
                               model_name(turn.settings, turn.provider), inside)
            card.route = "card"
            return card
    if _RULES_TOPIC.search(ask) or procedure_key(ask) is not None or asks_rules_part(ask) or asks_time_limits(ask, facts) or asks_standstill(ask):
        return None
    told = without_figures(question, every=True)  # «50 %», «3 mill.» too: the figures are for the rules
    match = match_card(told, turn.index, turn.settings, turn.lang)
    # a card on the procedure the statement names («Vi har kunngjort en åpen anbudskonkurranse …») answers the
    # statement, not the ask
    if match is None or _RULES_TOPIC.search(match.question) or \
            procedure_key(match.question) is not None and procedure_key(ask) is None:
        return None
    card = card_answer(question, match, turn.index, turn.lang, turn.provider, model_name(turn.settings, turn.provider),
                       told)
    card.route = "card"
    return card


# A sentence of a card on one side of the national or EEA threshold («Under 1,3 mill. kr …», «Fra den nasjonale
# terskelverdien på 1,3 mill. kr …»).
_OTHER_SIDE = {
    "below": re.compile(r"^(?:Under|Below)\b", re.IGNORECASE),
    "above": re.compile(r"^(?:Fra|Over|From|Above)\b[^.;:]{0,60}?(?:terskel|threshold|mill\.)", re.IGNORECASE),
}


# A sentence that states the rule on one side of a threshold («Under terskelen for helse- og sosialtjenester … gjelder
# bare del I, og dere kan …», «Over EØS-terskelen …»): the side it is about.
_SIDE_SENTENCE = {
    "below": re.compile(r"^(?:Under (?:EØS-?)?terskel\w*|Below (?:the |their )?(?:EEA )?threshold)\b", re.IGNORECASE),
    "above": re.compile(r"^(?:Over (?:EØS-?)?terskel\w*|(?:Fra|Fra og med) (?:EØS-?)?terskel\w*|"
                        r"Above (?:the |their )?(?:EEA )?threshold|From (?:the |their )?(?:EEA )?threshold)\b", re.IGNORECASE),
}


def _value_side_first(turn: _Turn, question: str, answers: list[Answer]) -> list[Answer]:
    """The parts' answers with the rule for the stated value first, when a card or passage answers another part for
    both sides of a threshold: its sentences on the side the value is not on are left out (the value decides which
    side holds), and the part that applies, with its reason, leads («Del I og IV gjelder: … 10,5 mill. kr er over
    …»), so the first sentence is not the rule for a value the buyer does not have."""
    lead = part_lead(question, turn.facts, turn.settings, turn.lang, turn.provider, model_name(turn.settings, turn.provider))
    if lead is None:
        return answers
    side, part_answer = lead
    other = _SIDE_SENTENCE["below" if side == "above" else "above"]
    out, conditional = [], False
    for answer in answers:
        if answer.route != "rules" and answer.grounded:
            kept = [s for s in _SENTENCE_END.split(answer.text) if not other.match(s.strip())]
            text = " ".join(kept)
            if text != answer.text and kept:
                conditional = True
                used = {int(n) for refs in re.findall(r"\[([\d, ]+)\]", text) for n in refs.split(",")}
                answer = dataclasses.replace(answer, text=text, citations=[c for c in answer.citations if c.n in used])
        out.append(answer)
    if not conditional:
        return answers
    # A rules answer that comes first already leads with the verdict for this value («Nei. Bare del I gjelder …»).
    return out if out and out[0].route == "rules" else [part_answer, *out]


_THRESHOLD_CONDITIONAL = re.compile(r"^(?:Ja|Nei|Yes|No), (?:under|over|below|above|fra|from)\b", re.IGNORECASE)


def _is_rules_part(part: str, facts: CaseFacts) -> bool:
    """True for a part the rules answer: it states purchase facts and asks about the rules itself, or the message
    states them and the part asks what the rules decide («Hvilken del gjelder?», «Kan vi bruke innovasjonspartnerskap?»)."""
    if is_rules_question(part, read_facts(part)):
        return True
    # «…, og hvilke frister må vi minst gi?», «…, og må vi ha karenstid?»: the time limits or the standstill of the
    # purchase the message describes.
    if facts.has_value and (asks_time_limits(part, facts) or asks_standstill(part)):
        return True
    return (facts.has_value or asked_procedure(part) is not None and bool(facts.values)) and asks_rules_part(part)


# A question word that opens the question or a clause of it («Siden …, hvordan …?»); «Hva med …?» and «Hva om …?»
# carry on an earlier yes/no question and are left out.
_WH_QUESTION = re.compile(r"(?:^|[,.;:]\s*)(?:hvordan|hvorfor|hvilke[nt]?|hvor|hvem|når|hva|kva|korleis|kven|how|what|"
                          r"which|why|when|who)\b(?!\s+(?:med|om|about|if)\b)", re.IGNORECASE)
_VERDICT_WORD = re.compile(r"^(?:Ja|Nei|Yes|No)(?:[,.:]\s+|\s+[–-]\s+)(?=\S)")


def _without_verdict_word(text: str) -> str:
    """A card's answer without the «Ja, » / «Nei. » its yes/no paraphrases need, for a question that asked for no
    verdict («Hvordan dokumenterer vi …?»): an unasked «Ja» reads as agreeing with the question's premise."""
    match = _VERDICT_WORD.match(text)
    if not match:
        return text
    rest = text[match.end():]
    return rest[:1].upper() + rest[1:]


# An English question answered by quoting a Norwegian passage opens with the English answer of the card whose
# paraphrases match the passage's heading at least this well (above card_min_score, 0.82: the heading is a few words,
# and a near miss such as «Eksempel på vekting av pris og kvalitet» -> the card on rewarding quality, 0.824, answers
# another question than the passage does).
ENGLISH_LEAD_CARD = 0.85
# ... and only for a question that asks yes or no somewhere («…, is that true?», «Could we instead …?»), the kind a
# card's verdict answers; a question that opens with what, how or why asks for what the passage itself says.
_EN_YES_NO = re.compile(r"(?:^|[.?!,;:]\s*|\s[-–]\s*)(?:is|are|can|could|do|does|did|must|may|might|should|shall|has|"
                        r"have|will|would)\b", re.IGNORECASE)
_EN_WH = re.compile(r"^\s*(?:what|how|why|which|who|when|where)\b", re.IGNORECASE)

# A part of a compound question is left to the card an earlier part got when that card beats the best other card by
# this much (it answers the part already); closer, the other card answers it.
SAID_MARGIN = 0.02
# ... unless the part's own words (without those carried from the first part) match another card at least this well.
OWN_PART_CARD = 0.9

# A follow-up whose own words match a card at least this well is answered by that card, without the words the
# conversation adds (which would pull it back to the earlier topic).
OWN_WORDS_CARD = 0.95
_POINTS_BACK = re.compile(r"\b(?:der|dit|det|den|denne|dette|disse|de|dem|da|slik|samme|her|there|it|its|this|that|"
                          r"these|those|them|they|then)\b", re.IGNORECASE)

# A list question is answered with the passage's list rather than a matched card when the list's title, heading and
# lead-in carry this share of the question's terms (it is then squarely about what is asked).
LIST_OVER_CARD = 0.6

SIMILAR_LEAD = {"nb": "Lignende kunngjøringer i Doffin (slik andre har kjøpt noe lignende):",
                "en": "Similar notices in Doffin (how others bought something like this):"}


# The facts of a rules question (who buys, for how much, which part or procedure) say nothing about *what* is bought;
# left in, they make every municipality's notice look similar.
_FACT_WORDS = re.compile(
    r"\b(?:vi|er|en|et|ei|som|og|i|på|med|av|til|for|om|det|den|de|dere|oss|vår|våre|skal|må|kan|bør|vil|ønsker|"
    r"kjøpe\w*|kjøp|anskaff\w*|innkjøp\w*|kontrakt\w*|avtale\w*|rammeavtale\w*|kommune\w*|fylkeskommune\w*|"
    r"statlig\w*|stat|etat\w*|direktorat\w*|helseforetak\w*|oppdragsgiver\w*|kroner|kr|nok|mill\w*|mrd|"
    r"milliarder|tusen|eks|ekskl|inkl|mva|verdi\w*|ca|cirka|rundt|omtrent|inntil|per|år|årlig|måned\w*|"
    r"hvilke\w*|hva|hvordan|gjelder|del|deler|prosedyre\w*|terskel\w*|kunngjør\w*|forskrift\w*|foa|bruke|"
    r"we|are|a|an|the|to|for|of|buy\w*|purchase\w*|municipality|million|nok|which|what|part|applies|must|"
    r"i{1,3}|iv|v|to|tre|fire|fem|seks|sju|åtte|ni|ti|år\w*|helseforetak\w*|hf|selskap\w*)\b|\d[\d .,]*",
    re.IGNORECASE)
# The buyer named as the subject of a sentence («Sykehuset trenger …», «Brannvesenet skal …»): one word in definite
# form before the verb. It says who buys, not what («Sykehuset» matched every hospital's notice).
_BUYER_OPENING = re.compile(r"(?:^|(?<=[.!?:;]\s))[A-ZÆØÅ]\w*(?:en|et|a|ene|ne)\s+(?=(?:trenger|skal|ønsker|må|vil|"
                            r"planlegger|har\s+behov|bør|kjøper|anskaffer)\b)")


def purchase_subject(question: str) -> str:
    """What is being bought, as search words: the question without its facts of buyer, value and procedure."""
    words = _FACT_WORDS.sub(" ", _BUYER_OPENING.sub(" ", question))
    return " ".join(w for w in re.findall(r"[^\W\d_][\w-]{2,}", words))


# What the purchase verb takes: «kjøpe [renhold] av barnehagene», «anskaffe [nye vannpumper] til vannverket». The
# phrase runs to the first preposition, figure or punctuation; a phrase of need words only («en løsning for …»,
# «tjenester innen …») gives way to the next one.
_PURCHASE_VERB = re.compile(r"\b(?:kjøpe|kjøper|anskaffe|anskaffer|leie|lease|buy|purchase|procure)\s+(?:inn\s+)?",
                            re.IGNORECASE)
_PHRASE_END = re.compile(r"\s+(?:til|for|av|i|på|ved|fra|med|som|hos|innen|over|under|rundt|cirka|ca|to|of|in|at|"
                         r"from|with|worth)\b|\s*[,.;:?!()]|\s+\d", re.IGNORECASE)


def purchase_head(question: str) -> str:
    """The thing a purchase question says is bought («renhold» in «skal kjøpe renhold av barnehagene for 6 mill.»),
    or "" when no purchase verb takes an object with words of its own."""
    match = _PURCHASE_VERB.search(question)
    if not match:
        return ""
    rest = question[match.end():]
    for _ in range(2):
        end = _PHRASE_END.search(rest)
        phrase, rest = (rest[:end.start()], rest[end.end():]) if end else (rest, "")
        words = purchase_subject(phrase)
        if subject_words(words):
            return words
        if not end or not rest.strip() or end.group(0).strip() in {",", ".", ";", ":", "?", "!", "(", ")"}:
            return ""
        if rest[:1].isdigit():
            return ""
    return ""


def similar_for_answer(question: str, settings: Settings, n: int | None = None) -> SimilarResults:
    """The comparable Doffin notices an answer to the question would list (advisor.doffin.shown: only those whose
    title names what is bought, in the area the search agrees on), best first; often none. `n` defaults to
    settings.answer.similar_notices. AdvisorError (StoreEmpty) when no notices are imported."""
    n = settings.answer.similar_notices if n is None else n
    subject = purchase_subject(question)
    if not subject or n < 1:
        return SimilarResults()
    return shown_notices(subject, settings, n, head=purchase_head(question))


def add_similar_notices(answer: Answer, question: str, settings: Settings, lang: str) -> None:
    """Append up to `settings.answer.similar_notices` comparable Doffin notices to an answer about a planned purchase,
    as a short list cited like any other source (kind `doffin`, dated by publication). Only notices sure to be the
    same kind of purchase are listed (similar_for_answer); none is better than a loosely related one. With no
    notices imported, or a store that cannot be read, the answer stands as it is: the list is evidence from
    practice, not the verdict."""
    try:
        results = similar_for_answer(question, settings)
    except AdvisorError as exc:
        log.info("no similar notices for the answer: %s", exc)
        return
    # The Chroma server did not answer: BM25 alone, so none pass the dense check and no list is shown; the server's
    # address and error are for the log, not for the buyer.
    if results.notes:
        log.warning("similar notices for the answer: %s", "; ".join(results.notes))
    first = max((c.n for c in answer.citations), default=0) + 1
    lines = []
    for n, (notice, hit) in enumerate(zip(results, as_hits(results), strict=True), start=first):
        answer.citations.append(Citation.from_chunk(n, hit.chunk))
        answer.hits.append(hit)
        facts = ", ".join(str(f) for f in (notice.buyer_name, notice.year, notice.procedure_label) if f)
        lines.append(f"- {notice.title}" + (f" ({facts})" if facts else "") + f" [{n}]")
    if lines:
        answer.text += "\n\n" + SIMILAR_LEAD["en" if lang == "en" else "nb"] + "\n" + "\n".join(lines)


_OTHER_SUBJECT = re.compile(r"\b(?:minste)?frist\w*|\bdager\b|\bkarens\w*|\btildelingskriter\w*|\bkvalifikasjonskrav\w*|"
                            r"\bprotokoll\w*|\bdeadline\w*|\btime limits?\b|\bstandstill\b", re.IGNORECASE)


def _case_facts(question: str, history: Sequence[tuple[str, str]], lang: str,
                parts: Sequence[str] = ()) -> tuple[CaseFacts, str]:
    """The facts the question states, plus (for a follow-up) those of earlier questions; and the earlier question
    that was answered by the rules, if any (a follow-up to it is answered by the rules too). A compound question is a
    follow-up when one of its `parts` is («Hvilken del gjelder da, og kan vi kreve lokalkontor?»)."""
    facts = read_facts(question)
    # A short rules question without facts of its own («Gjelder del III?», «Må vi kunngjøre i TED da?») asks about
    # the purchase of the conversation.
    # A short question on another subject that names a procedure («Hva er minstefristen i en åpen anbudskonkurranse?»)
    # asks about that subject, not about the purchase.
    short_rules = not facts.has_value and any(
        len(asked.split()) <= 8 and asks_rules(asked) and not _OTHER_SUBJECT.search(asked)
        for asked in dict.fromkeys([question, *parts]))
    if not history or not (is_follow_up(question, lang) or short_rules):
        return facts, ""
    earlier_rules = ""
    for previous, _ in reversed(list(history)):
        earlier = read_facts(previous)
        if not earlier_rules and is_rules_question(previous, earlier):
            earlier_rules = previous
        facts = facts.inherit(earlier)
    return facts, earlier_rules


@dataclass
class _Turn:
    """What every part of one question is answered with."""

    index: Index
    settings: Settings
    provider: str
    history: Sequence[tuple[str, str]]
    top_k: int | None
    lang: str
    facts: CaseFacts
    earlier_rules: str = ""
    message: str = ""  # the whole message, of which the question answered may be one part
    premise: CardMatch | None = None  # the card that corrects a wrong premise of the message (chat/premises.py)
    streamed: bool = False

    def answer(self, question: str, context: str = "", on_token: Callable[[str], None] | None = None,
               exclude: frozenset[str] = frozenset(), rules: bool | None = None, case_text: str = "") -> Answer:
        """The answer to a question or to one part of a compound question (`context`: the message's first part).

        `rules` forces the rules route on (True) or off (False) for a part whose route the whole message decided;
        None lets the question's own wording and facts decide. `case_text` is the text the rules read the case from
        (the whole message, for its rules part)."""
        lang = detect_language(question) if context else self.lang
        model = model_name(self.settings, self.provider)
        # A part asking about a topic no source mentions («kreve lærlinger») is refused, also when it states a value.
        topic = uncovered_topic(question, self.index, self.settings, lang)
        if topic:
            elsewhere = ask_elsewhere(question, lang)
            refused = uncovered_answer(question, topic, lang, self.provider, model,
                                       read_elsewhere=not elsewhere and about_procurement(f"{self.message} {question}"),
                                       message=self.message)
            refused.text = f"{refused.text} {elsewhere}".strip()
            return refused
        # The facts another part of the same message states are the message's, not «from earlier in the conversation».
        facts = read_facts(question).inherit(self.facts, same_message=True) if context else self.facts
        verdict = None
        if self.premise is not None:
            rules = False  # the correction answers the message; a verdict on its figures would rest on the premise
        if rules is None:
            rules = is_rules_question(question, facts) or bool(self.earlier_rules and facts.has_value)
        if rules:
            # «og for kommuner?» keeps the yes/no of the earlier question; «Hvilken prosedyre …?» asks its own.
            own = re.match(r"^\s*(hva|hvilke\w*|hvordan|hvor|hvem|kva|korleis|what|which|how|who)\b", question, re.I)
            intent = question if own else f"{question} {self.earlier_rules}".strip()
            verdict = rules_answer(question, facts, self.settings, lang, self.provider, model, intent=intent,
                                   case_text=case_text)
        if verdict is not None and self.provider == EXTRACTIVE:
            return verdict
        history = self.history if not context else ((context, ""),)
        standalone = condense(question, history, self.settings, self.provider, lang)
        if context and standalone == question and is_follow_up(question, lang):
            standalone = carry_terms(question, history, lang, self.settings.answer)
        focus = question if standalone != question else ""
        asked = spec_in_words(question, lang)
        match, standalone = self._card(question, standalone, focus, lang, exclude)
        # English and Danish questions also search with the Norwegian words for their terms (the corpus is Norwegian).
        query = Query.build(asked, lang, standalone, self.settings.answer.standalone_term_weight)
        if match is not None and self.provider == EXTRACTIVE:
            card = card_answer(question, match, self.index, lang, self.provider, model, standalone)
            if _WH_QUESTION.search(question) and not is_yes_no(question) and match is not self.premise:
                card.text = _without_verdict_word(card.text)
            listed = self._source_list(query) if is_list_question(question) else None
            return listed or card
        hits = retrieve(query, self.index, self.settings, top_k=self.top_k)
        verified = [a for a in (verdict, card_answer(question, match, self.index, lang) if match else None) if a]
        for fact in verified:  # the passages a verified answer cites, for the LLM's numbered sources
            fact.hits = [Hit(rank=n, score=0.0, chunk=self.index.chunks[self.index.positions[c.chunk_id]])
                         for n, c in enumerate(fact.citations, start=1) if c.chunk_id in self.index.positions]
        if on_token is not None:
            self.streamed = True
        answer = answer_question(query, hits, self.settings, self.provider, self.history, on_token,
                                 verified=verified, index=self.index)
        answer.question = question  # the question as asked, not with its quoted text said in words
        if answer.route is None:
            answer.route = ("llm" if self.provider != EXTRACTIVE else "passage") if answer.grounded else "refusal"
        if answer.route == "refusal" and (elsewhere := ask_elsewhere(question, lang)):
            # «Hva er momssatsen …?»: who answers it instead, and no nearest sources (none is about the subject)
            answer.text = f"{answer.text} {elsewhere}"
            answer.citations, answer.notes = [], []
        if lang == "en" and answer.grounded and has_english_lead(answer.text):
            answer.text = with_english_answer(answer.text, self._english_answer(answer, exclude), question)
        return answer

    def _english_answer(self, answer: Answer, exclude: frozenset[str]) -> str:
        """The first sentence of the English answer of the card whose paraphrases match the heading of the quoted
        Norwegian passage closely («Klimakravet i FOA § 7-9: minst 30 prosent vekt» -> the card on § 7-9); "" when
        none does. The English question missed the cards (else a card would answer), but the passage it found is on
        a card's topic, so that card's English gives the first sentence in place of a line about the source."""
        chunk_id = answer.citations[0].chunk_id if answer.citations else ""
        if chunk_id not in self.index.positions or not _EN_YES_NO.search(answer.question) \
                or _EN_WH.match(answer.question):
            return ""  # «What can others learn …?», «How should we …?»: the card on the heading's topic answers less
        chunk = self.index.chunks[self.index.positions[chunk_id]]
        heading = re.split(r"\s*(?:›|>)\s*", chunk.section or "")[-1].strip(" #*")
        ranked = rank_cards(heading, self.index, self.settings, lang="nb") if heading else []
        best = ranked[0] if ranked else None
        if best is None or best.score < ENGLISH_LEAD_CARD or not best.card.answer_en or best.card.id in exclude:
            return ""
        return _SENTENCE_END.split(best.card.answer_en.strip())[0]


    def _card(self, question: str, standalone: str, focus: str, lang: str,
              exclude: frozenset[str]) -> tuple[CardMatch | None, str]:
        """The card that answers the question (or None), and the standalone question to search with."""
        if self.premise is not None:
            return self.premise, standalone
        match = None
        # A follow-up that a card answers on its own words («Hva betyr eller tilsvarende?») needs no context, unless
        # it points back («Hva er terskelverdien der?»).
        if focus and not _POINTS_BACK.search(question):
            own = match_card(question, self.index, self.settings, lang, exclude=exclude)
            match = own if own is not None and own.score >= OWN_WORDS_CARD else None
        if match is None:
            match = match_card(standalone, self.index, self.settings, lang, focus=focus, exclude=exclude)
        if exclude:
            # «Hva er minste vekt på klima og miljø …, og når kan vi la være?»: the card an earlier part got answers
            # this part too (its exceptions) when it beats the next card clearly; the part is then said already,
            # where the next card would answer a neighbouring question.
            # Without the focus: a part's own words are few («la være»), and the earlier card is judged on the
            # part's topic, which the words carried from the first part give.
            # A part whose own words alone find another card well («…, og hvor lang frist må vi gi?» after a part
            # on the Doffin notice) asks something else, which that card answers.
            said = match_card(standalone, self.index, self.settings, lang)
            own = None if _POINTS_BACK.search(question) else match if standalone == question else \
                match_card(question, self.index, self.settings, lang, exclude=exclude)
            if own is not None and own.score >= OWN_PART_CARD and said is not None and \
                    not _mentions_any(said.card.answer, question, lang):
                match = own
            elif said is not None and said.card.id in exclude and \
                    (match is None or said.score - match.score >= SAID_MARGIN):
                match = said
        # «We have "Electrolux Line 6000, 10 kg" in the spec, …»: quoted specification text is searched as what the
        # requirement check finds in it («a brand and a model»); the better card of the two wordings answers.
        if spec_in_words(question, lang) != question:
            standalone = spec_in_words(standalone, lang)
            worded = match_card(standalone, self.index, self.settings, lang, exclude=exclude)
            if worded is not None and (match is None or worded.score > match.score):
                match = worded
            if match is None and named_spec(question):
                # «kan vi skrive i konkurransegrunnlaget at … skal være Kärcher?»: the check found a make in what the
                # specification is to say, so a card about makes answers it
                match = make_card(standalone, self.index, self.settings, lang, exclude=exclude)
        elif match is None and make_in_words(question):
            # «… vil at vi skriver merket rett inn i konkurransegrunnlaget. Er det greit?»: a make spoken of in words
            match = make_card(standalone, self.index, self.settings, lang, exclude=exclude)
        if match is not None:
            match = regime_card(match, self.facts.values.get("regime"), self.settings)
        return match, standalone

    def _source_list(self, query: Query) -> Answer | None:
        """For a list question a card would answer: the chosen passage's whole list instead, when there is one and
        its title, heading and lead-in carry at least LIST_OVER_CARD of the question's terms. A card summarises;
        a list question asks for every item."""
        hits = retrieve(query, self.index, self.settings, top_k=self.top_k)
        answer = answer_question(query, hits, self.settings, self.provider, self.history, index=self.index)
        if answer.grounded and answer.list_fit >= LIST_OVER_CARD:
            answer.route = "passage"
            return answer
        return None


def _mentions_any(text: str, question: str, lang: str) -> bool:
    """True when the text has a word starting with one of the question's content words of four letters or more
    (no such word counts as mentioned: the question's own words then cannot tell)."""
    words = [t.word for t in query_terms(question, lang) if len(t.word) >= 4]
    if not words:
        return True
    lowered = text.lower()
    return any(re.search(rf"(?<!\w){re.escape(word[:6])}", lowered) for word in words)


_NUMBER = re.compile(r"\d+(?:[ ,.]\d+)*")
REPEAT_SHARE = 0.75


def _says_again(answer: Answer, earlier: Sequence[Answer]) -> bool:
    """True when REPEAT_SHARE of the answer's content words are already in the earlier parts' answers and it adds
    no number of its own (a threshold for another buyer differs by its figure, not by its words)."""
    if not earlier or not answer.grounded:
        return False
    said_text = " ".join(a.text for a in earlier)
    own = text_terms(answer.text)
    if not own or set(_NUMBER.findall(answer.text)) - set(_NUMBER.findall(said_text)):
        return False
    return len(own & text_terms(said_text)) / len(own) >= REPEAT_SHARE


def _join_parts(texts: Sequence[str]) -> str:
    """The parts' texts in order: after a part that ends in a bulleted list the next starts a new paragraph."""
    out = ""
    for text in texts:
        sep = "\n\n" if out.splitlines() and out.splitlines()[-1].startswith("- ") else " "
        out = f"{out}{sep}{text}" if out else text
    return out


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«(])")
_MARKERS = re.compile(r"\s*\[[\d, ]+\]")
_ASSUMED = " Forutsetninger: "


def _unsaid(text: str, said: set[str]) -> str:
    """The text without the sentences an earlier part already said (compared without their citation markers); list
    items are kept as they are. The sentences kept are added to `said`."""
    lines = []
    for line in text.split("\n"):
        if line.lstrip().startswith("- ") or not line.strip():
            lines.append(line)
            continue
        kept = []
        for sentence in _SENTENCE_END.split(line):
            key = _MARKERS.sub("", sentence).strip()
            if key and key in said:
                continue
            said.add(key)
            kept.append(sentence)
        lines.append(" ".join(kept))
    return "\n".join(lines).strip()


_PART_REFUSAL = {"nb": "Kildene mine sier ikke noe om dette: «{question}»",
                 "en": "My sources do not say anything about this: «{question}»"}


def _part_refusal(part: Answer) -> str:
    """The refusal of one part of a compound question, naming the part (or the topic no source mentions)."""
    lang = "en" if part.language == "en" else "nb"
    cannot = CANNOT_ANSWER.get(part.language, CANNOT_ANSWER["nb"])
    rest = part.text[len(cannot):].strip() if part.text.startswith(cannot) else ""
    if rest:  # «Ingen av kildene mine omtaler «lokalkontor»; se …»
        return rest
    return _PART_REFUSAL[lang].format(question=part.question.rstrip("?. ")) + "."


_IN_NORWEGIAN = f"\n\n{NORWEGIAN_WORDING} "
_POINTS_TO_REQUIREMENT = re.compile(r"\b(?:kravet|kravene|plikten|regelen|ordningen|the requirement|this requirement|"
                                    r"that requirement|the rule)\b", re.IGNORECASE)


def combine_answers(question: str, answers: Sequence[Answer]) -> Answer:
    """One answer from the answers to the parts of a compound question: texts in order, citations renumbered, no
    sentence said twice, and the rules part's assumptions («Forutsetninger: …») moved to the end."""
    citations: list[Citation] = []
    by_chunk: dict[str, int] = {}
    texts = []
    said: set[str] = set()
    assumed = ""  # the rules parts' «Forutsetninger: …», said once after every part
    answered = any(a.grounded for a in answers)
    read_elsewhere = ""
    uncovered = False  # an earlier part asked about a topic no source mentions («kreve lærlinger»)
    norwegian: list[str] = []  # the English card parts' Norwegian wordings, said once after all the parts
    for part in answers:
        # «… lærlinger …, og gjelder kravet utenlandske firma også?»: a part that points back to the requirement of
        # an uncovered topic is about that topic too, whatever passage its other words find.
        refers_back = uncovered and bool(_POINTS_TO_REQUIREMENT.search(part.question))
        if answered and (not part.grounded or refers_back):
            # A part the sources do not answer, beside parts they do: said as such, without its nearest sources.
            part = dataclasses.replace(part, text=_part_refusal(part), citations=[], notes=[], hits=[])
        uncovered = uncovered or _names_uncovered(part.text)
        mapping = {}
        for c in part.citations:
            if c.chunk_id not in by_chunk:
                by_chunk[c.chunk_id] = len(citations) + 1
                citations.append(dataclasses.replace(c, n=len(citations) + 1))
            mapping[c.n] = by_chunk[c.chunk_id]
        # «[1, 2]» is renumbered number by number, as «[1]» is (the joint marker kept a part's own numbers before).
        text = re.sub(r"\[(\d+(?:,\s*\d+)*)\]", lambda m, mp=mapping: "[" + ", ".join(
            str(mp.get(int(n), int(n))) for n in m.group(1).split(",")) + "]", part.text)
        if _ASSUMED in text and "\n" not in text.split(_ASSUMED, 1)[1]:
            text, tail = text.split(_ASSUMED, 1)
            assumed += " " + tail
        for elsewhere in READ_ELSEWHERE.values():  # where to read about an uncovered topic: once, at the end
            if elsewhere in text:
                text = " ".join(text.replace(elsewhere, "").split())
                read_elsewhere = read_elsewhere if "KOFA" in read_elsewhere else elsewhere
        if _IN_NORWEGIAN in text:  # an English card's Norwegian wording: said after every English part, together
            text, wording = text.split(_IN_NORWEGIAN, 1)
            norwegian.append(wording.strip())
        text = _unsaid(text, said)
        if text:
            texts.append(text)
    assumed = _unsaid(assumed.strip(), set())
    if assumed:
        texts.append(_ASSUMED.strip() + " " + assumed)
    if read_elsewhere:
        texts.append(read_elsewhere)
    joined = _join_parts(texts)
    wordings = _unsaid(" ".join(norwegian), set())
    if wordings:
        joined = f"{joined}{_IN_NORWEGIAN}{wordings}"
    first = next((a for a in answers if a.grounded), answers[0])
    combined = dataclasses.replace(
        first, question=question, text=joined, citations=citations,
        grounded=any(a.grounded for a in answers),
        notes=list(dict.fromkeys(n for a in answers for n in a.notes)),
        hits=[h for a in answers for h in a.hits], standalone_query=question,
        reviewed=any(a.reviewed for a in answers),
    )
    if combined.grounded and first.route == "refusal":
        combined.route = "passage"
    return combined
