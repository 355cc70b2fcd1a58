"""The rules route: a question that states purchase facts is answered by the assessment engine, verdict first.

    if is_rules_question(question, facts):
        answer = rules_answer(question, facts, settings, lang)

«Må vi bruke del III for en byggekontrakt til 30 mill. kr?» becomes «Nei. Del I og II gjelder: 30 mill. kr er under
EØS-terskelverdien for bygge- og anleggskontrakter (57,8 mill. kr) [1].», then the procedure, the next step and
the facts that were assumed rather than stated. The citations are the guidance passages the fired rules cite.

A yes/no question about a named procedure gets the verdict on that procedure first (assessment.permission):
«Kan vi bruke konkurranse med forhandling …?» above the EEA threshold opens «Ja, hvis minst ett av vilkårene i FOA
§ 13-2 er oppfylt …», and «Vi må vel alltid bruke åpen anbudskonkurranse?» opens «Nei. Ingen regel pålegger dere …»
with what the part allows; without a value, the verdict is given for each band of value.

A question about the notice duty gets it in plain words first: «Må dette ut på Doffin?» for 900 000 kr opens «Nei, dere
har ikke plikt til å kunngjøre på Doffin …, men konkurranseprinsippet … gjelder», for 1,8 mill. kr «Ja, på Doffin (ikke
i TED)», above the EEA threshold «Ja, på Doffin og i TED (via Doffin)». A question about the standstill period
(«Hvor lang karensperiode må vi ha …?») is answered from the part: a phase of the part III procedures, not confirmed
for part II, none named for part I; the length is flagged as unverified.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from advisor.answer import Answer
from advisor.assessment import (
    GROUNDS,
    IP_FREE_CHOICE,
    IP_MARKET_HAS,
    PART_III_TIME_LIMIT_PROCEDURES,
    READ_FROM_TEXT,
    REGIME_LABELS,
    RULES,
    THRESHOLD_PHRASES,
    Assessment,
    Extraction,
    Permission,
    ValueBound,
    assess,
    by_value,
    extract_case,
    format_amount,
    part_iii_time_limits,
    permission,
    procedure_name,
    read_amounts,
    read_value_bound,
    special_service_kind,
)
from advisor.chat.bounds import (
    NEAR_CEILING,
    part_at,
    range_sentence,
    spans_one_part,
    top_value,
    value_segments,
)
from advisor.chat.duty import duty_before, duty_lifted
from advisor.chat.facts import CASE_KEYS, IT_PURCHASE_NOTE, CaseFacts, threshold_compared
from advisor.chat.premises import NEGATED_ASK, question_negated
from advisor.chat.sentences import GROUND_CLAUSE, split_sentences
from advisor.config import Settings
from advisor.corpus import Citation, cite
from advisor.errors import AdvisorError
from advisor.search import NEW_ACT, UP_TO

RULES_VERSION = "rules-1"

# What a yes/no question asks, by pattern; _INTENTS pairs each with the parts for which the answer is yes.
# «Holder det med en tilbudskonkurranse (med forhandling)?»: the part II procedure will do up to part II only.
_PART_II_WILL_DO = re.compile(
    r"\b(?:holder|rekker|er) det (?:nok )?(?:å|med)\b[^?,]{0,30}\btilbudskonkurranse\w*|"
    r"\b(?:kan|skal|bør) vi (?:bruke|kjøre|velge|ha|gjennomføre) (?:en |ei )?(?:åpen |begrenset )?tilbudskonkurranse\w*",
    re.IGNORECASE)
# «Er vi under EØS-terskelen …?»: «Ja» when parts I and II apply (read before «EØS-terskel», which asks «over?»).
_UNDER_EEA = re.compile(r"\bunder (?:EØS-?)?terskel\w*(?: for \w+(?: og \w+)?)?|\bunder (?:the )?(?:EEA )?threshold\b|"
                        r"\bbelow the (?:EEA )?threshold\b", re.IGNORECASE)
_OVER_EEA = re.compile(r"\bdel (?:III|3)\b|\bpart (?:III|3)\b|\bTED\b|\bEØS-?(?:terskel\w*|regl\w*|kon?kur+an\w*|"
                       r"kunngj\w*|anbud\w*|utlys\w*)|\bEEA[- ](?:tender\w*|competition|procedure|notice)|\bover (?:EØS-)?terskel\w*|"
                       r"\ber over\b|\babove the (?:EEA )?threshold\b", re.IGNORECASE)
_PART_II_ASKED = re.compile(r"\bdel (?:II|2)\b|\bpart (?:II|2)\b", re.IGNORECASE)
_NOTICE_INTENT = re.compile(r"\bkunngj\w*|\blyse ut\b|\butlys\w*|\bDoffin\b|\bpublish\w*|\badverti\w*|\bannounce\w*|"
                            r"\bha konkurranse\b|\btender\b", re.IGNORECASE)
_DIRECT = re.compile(r"\bkjøp(?:e|er|a)? direkte\b|\bdirekte ?anskaff\w*|\buten (?:konkurranse|kunngjøring)\b|\bbuy directly\b|"
                     r"\buten å (?:spørre|kontakte|be) (?:flere|andre)\b",
                     re.IGNORECASE)
_RULES_APPLY = re.compile(r"\bfølge\b.{0,30}\b(?:regelverk\w*|reglene|loven|forskriften|anskaffelses\w*)|"
                          r"\b(?:regelverket|loven|anskaffelsesloven|reglene) gjelder\b|"
                          r"\bgjelder (?:anskaffelses)?(?:loven|regelverket)\b|\bomfattet av\b|\bprocurement (?:rules|act|law) appl",
                          re.IGNORECASE)
_INTENTS: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = (
    (_PART_II_WILL_DO, frozenset({"below", "I", "II"})),
    (_UNDER_EEA, frozenset({"below", "I", "II"})),
    (_OVER_EEA, frozenset({"III"})),
    (_PART_II_ASKED, frozenset({"II"})),
    (_NOTICE_INTENT, frozenset({"II", "III", "IV"})),
    (_DIRECT, frozenset({"below", "I"})),
    (_RULES_APPLY, frozenset({"I", "II", "III", "IV", "referred"})),
)
# «Holder det å hente inn tre tilbud (, eller må vi kunngjøre)?»: a few quotes do only where no notice is due. It is
# read before the other intents: in «A, eller B?» the yes or no answers A.
# The same in nynorsk and with other words for asking only a few suppliers: «Held det å spørje tre lokale
# entreprenørar direkte?», «Kan vi bare spørre tre direkte?», «Går det an å ta kontakt med noen få leverandører?».
_FEW = (r"(?:tre|to|fire|fem|\d|noen få|nokre få|et par|eit par|et utvalg|eit utval|utvalde|utvalgte)")
_ASK_FEW = (r"(?:spørre|spørje|kontakte|ta kontakt med|invitere|hente inn tilbud fra|hente inn tilbod frå|be om tilbud fra|"
            r"be om tilbod frå|gå direkte til|gå rett til)")
# «holder det vel å …», «held det vel med …»: a particle between does not change the question.
_PARTICLES = r"(?:(?:vel|nok|da|godt nok|altså)\s+){0,2}"
# «Holder det …?» and, after a reason, «…, så det holder vel å …?»
_IT_SUFFICES = r"(?:(?:holder|held|rekker|rekk|er) det|det (?:holder|held|rekker|rekk))"
_SUFFICES = (re.compile(r"\b" + _IT_SUFFICES + " " + _PARTICLES + r"(?:å|med)\b[^?,]{0,40}\b(?:tilbud|tilbod|"
                        r"pris(?:er)?|prisar)\b|"
                        rf"\b{_IT_SUFFICES} {_PARTICLES}(?:å|med)\s+{_ASK_FEW}\b|"
                        # Asking a few for advice or input is market dialogue, not the competition.
                        rf"\b{_ASK_FEW}\s+(?:bare |berre |kun )?{_FEW}\b(?![^?]*\b(?:råd|dialog\w*|markedsdialog\w*|innspill|"
                        r"innspel|møte\w*|advice|input)\b)[^?,.]{0,40}(?:\bdirekte\b|\?)|"
                        r"\b(?:is it enough|does it suffice) to (?:get|ask for)\b[^?,]{0,30}\bquotes?\b|"
                        # «…, so getting three quotes is enough, right?»
                        r"\b(?:getting|asking for|collecting|to get) (?:three|two|four|a few|some|\d) (?:quotes|bids|offers)"
                        r" (?:is|will be|should be) (?:enough|sufficient)\b|"
                        r"\b(?:is it enough|does it suffice|can we just) (?:to )?(?:ask|contact|invite)\b[^?,]{0,30}"
                        r"\b(?:three|two|four|five|a few|some)\b", re.IGNORECASE),
             frozenset({"below", "I"}))
_YES_NO = re.compile(r"^\s*(må|kan|gjelder|gjeld|er|skal|trenger|treng|behøver|slipper|slepp|blir|vert|får|holder|held|"
                     r"rekker|rekk|går|do|does|"
                     r"must|is|are|can|could|may|should|will)\b|"
                     r"\b(må|er|skal|kan|gjelder|følger|blir|holder|held|rekker|rekk) (vel|jo)\b|,\s*(må|kan|skal|gjelder|er) (det|vi|dette|den)\b|"
                     r"(ikke sant|stemmer (?:ikke )?det|eller hva|vel|right|isn't it)\s*\??\s*$", re.IGNORECASE)
_ASKS_RULES = re.compile(
    r"terskel\w*|\bEØS\b|\bEEA\b|\bdel (?:I{1,3}|IV|V|[1-5])\b|\bparts? (?:I{1,3}|IV|V|[1-5])\b|hvilke[nt]? (?:del|regler|regelverk|prosedyr\w*|deler)|"
    r"kva(?: for)? (?:ein |ei )?(?:del|delar|reglar|regelverk|prosedyre\w*|framgangsmåte\w*)|"
    r"kunngj\w*|lyse ut|utlys\w*|Doffin|\bTED\b|prosedyre\w*|regelverk\w*|anskaffelsesloven|forskriften|"
    r"konkurranse|kjøpe direkte|direkte ?anskaff\w*|threshold|procedure|which (?:part|rules)|tender|publish|"
    r"\b(?:kjøpe|kjøpa|bestille|bestilla|handle|tinge|buy|order)\b[^.?!]{0,60}?\bdirekte\b|\bdirectly from\b|"
    r"\bgjelder\b|\bgjeld\b|\bforskrifta\b|\bapply\b|\bapplies\b",
    re.IGNORECASE,
)
_PURCHASE_STATED = re.compile(
    r"\b(?:skal|vil|må|planlegger å|ønsker å|skal inngå|skal kjøpe|kjøpe|kjøpa|kjøper|anskaffer|inngå|bygge|bygg|kjøp|anskaffelse|"
    r"kontrakt\w*|avtale\w*|rammeavtale\w*|buy\w*|procur\w*|contract\w*|build|building|leier|leie|leige|leiger|rent|renting|lease\w*|construct\w*|renovat\w*)\b",
    re.IGNORECASE,
)
_PART_EN = {
    "below": "The procurement rules do not apply",
    "I": "Only part I of the procurement regulation applies",
    "II": "Parts I and II of the procurement regulation apply",
    "III": "Parts I and III of the procurement regulation apply",
    "IV": "Parts I and IV (chapter 30) apply, not part III",
    "referred": "A separate regulation applies, not the general procurement regulation",
}


# «Terskelverdien for staten er 1,4 millioner, ikke sant?», «Grensen på 300 000 kroner gjelder jo nå …»: the figure is
# a claimed threshold, not a purchase.
_CLAIMED_THRESHOLD = re.compile(r"\b(?:terskel\w*|(?:beløps|nedre |minste)?grensen?)[^.?!]{0,40}\b(?:er|var|på|ligger på)\b"
                                r"[^.?!]{0,25}\d", re.IGNORECASE)


def asks_rules(question: str) -> bool:
    """True when the wording asks about thresholds, parts, notices or procedures."""
    return bool(_ASKS_RULES.search(question))


# A limit of the rules said to be changed by a new act («den nye loven er vedtatt, så vi slipper regelverket under
# 300 000?»): the amount is the limit claimed, not a purchase, and the cards on the reform answer it.
_LAW_CHANGE = re.compile(rf"{NEW_ACT}|\blovforslag\w*|\bProp\.?\s*147|"
                         r"\bheve\w*\s+(?:den\s+)?(?:nedre\s+)?(?:grensen|terskelen|beløpsgrensen)", re.IGNORECASE)
_LIMIT_AMOUNT = re.compile(rf"(?:{UP_TO}|\bgrensen på\s+(?:NOK\s+)?)\d[\d  .,]*\s*(?:kr\b|kroner\b|NOK\b|000\b)?",
                           re.IGNORECASE)
_PURCHASE_VALUE = re.compile(r"\b(?:til|for) (?:ca\.?\s*|cirka |omtrent |rundt |anslagsvis |om lag )?\d[\d ,.]*\s*"
                             r"(?:kr|kroner|mill|millioner|MNOK)", re.IGNORECASE)


_PURCHASE_ON = re.compile(r"\b(?:kjøp|innkjøp|anskaffelse|anskaffing|kontrakt|avtale)\w{0,4}\s+på (?:ca\.?\s*|cirka |omtrent |rundt )?"
                          r"\d[\d ,.]*\s*(?:kr|kroner|mill|millioner|MNOK)", re.IGNORECASE)


# «Er det lov å dele opp kjøpene for å holde oss under terskelverdien?»: splitting a purchase to stay under a threshold
# is forbidden whatever the figures; the card on splitting answers it, not a verdict on the amount of one order.
_SPLITS_TO_AVOID = re.compile(r"\b(?:dele|dela|deler|splitte|splitter|stykke|stykker)\s+(?:\w+\s+){0,3}?opp\b[^?]{0,80}?"
                              r"\b(?:under|slippe|sleppe|unngå|unngå)\b|\bsplit\w*\b[^?]{0,80}?\b(?:below|under|avoid)\b",
                              re.IGNORECASE)


def is_rules_question(question: str, facts: CaseFacts) -> bool:
    """True for a question the assessment engine answers: a contract value plus a purchase or a rules question, or a
    yes/no question about a named procedure that states a fact of the case (buyer, value, contract type, sector).

    A figure the question gives as a threshold («terskelen er 1,4 millioner») or as a limit a new act is said to bring
    («den nye loven er vedtatt, så vi slipper regelverket under 300 000») is not a purchase value: such a question is
    left to the cards, which correct an outdated or wrong threshold and say what the reform has and has not done.
    """
    if _SPLITS_TO_AVOID.search(question) and (not facts.has_value or _LIMIT_AMOUNT.search(question)
                                               and not _PURCHASE_VALUE.search(question)):
        return False  # «hver bestilling er på under 100 000 kr»: no value of the whole purchase to assess
    if facts.values and asked_procedure(question) is not None:
        return True
    if asks_time_limits(question, facts):
        return True
    if asks_standstill(question) and (facts.has_value or _ABOVE_EEA_SAID.search(question)):
        return True
    if not facts.has_value:
        return False
    if (_LAW_CHANGE.search(question) and _LIMIT_AMOUNT.search(question)) and not _PURCHASE_VALUE.search(question):
        return False
    # «Siden terskelen for staten er 1,3 mill., må et kjøp på 1,4 mill. i TED?»: the purchase has its own figure.
    # A claimed lower limit of the law («Grensen på 300 000 kroner gjelder jo nå …») stays with the cards.
    if _CLAIMED_THRESHOLD.search(question) and not (_PURCHASE_VALUE.search(question) or (
            _PURCHASE_ON.search(question) and re.search(r"\bterskel", question, re.IGNORECASE))):
        return False
    return bool(_ASKS_RULES.search(question) or _PURCHASE_STATED.search(question) or _asks_choice_with_finding(question))


# The procedures a question can name, longest wording first («tilbudskonkurranse med forhandling» is negotiation).
_PROCEDURE_WORDS: tuple[tuple[str, str], ...] = (
    ("negotiated", r"(?:tilbuds|anbuds)?konkurranse med forhandling|forhandlet prosedyre|\bforhandl\w*|"
                   r"\bcompetitive procedure with negotiation|\bnegotiat\w*"),
    ("competitive_dialogue", r"\bkonkurranse-?preg\w* dialog\w*|\bcompetitive dialogue"),
    ("innovation_partnership", r"\binnovasjonspartn[ae]rskap\w*|\binnovation partnerships?"),
    ("open", r"\b(?:åpen|open) (?:anbuds|anbods|tilbuds|tilbods)?konkurranse\w*|\båpent anbud\w*|"
             r"\bopen (?:tender\w*|procedure|competition)"),
    ("restricted", r"\b(?:begrenset|avgrensa|avgrensd) (?:anbuds|anbods|tilbuds|tilbods)?konkurranse\w*|"
                   r"\brestricted (?:tender\w*|procedure|competition)"),
    ("tender", r"\b(?:anbuds|anbods|tilbuds|tilbods)konkurranse\w*"),
)
_PROCEDURE = re.compile("|".join(f"(?P<{key}>{words})" for key, words in _PROCEDURE_WORDS), re.IGNORECASE)
# Negotiation without notice and negotiation ruled out are other questions than «may we negotiate».
_NOT_ASKED = re.compile(r"\buten (?:forutgående )?kunngjøring|\bwithout (?:prior )?(?:notice|publication)|"
                        r"\buten (?:forhandling|å forhandle)\b|\bwithout negotiat", re.IGNORECASE)
# The procedure is what is to be used: «bruke / velge konkurranse med forhandling», or the verb «forhandle» itself;
# «penger til et innovasjonspartnerskap» or «kjøpe løsningen etter et innovasjonspartnerskap» asks something else.
_USE = (r"\b(?:bruke|bruka|nytte|benytte(?: oss av| seg av)?|velge|velje|gjennomføre|kjøre|ha|holde|use|choose|run|"
        r"hold|go for|opt for)\s+(?:(?:en|et|ei|eit|an|a|the)\s+)?")
_NEGOTIATE_VERB = re.compile(r"^(?:forhandle|negotiate)$", re.IGNORECASE)
# A claim that a procedure is obligatory: a word of duty before it in the same sentence (advisor/chat/duty.py), or
# «… er påbudt» after it.
_DUTY_AFTER = re.compile(r"^[^.?!]{0,30}?\b(?:(?:er|is)\s+)?(?:påbudt|obligatorisk|et krav|pålagt|mandatory|required|"
                         r"compulsory)\b", re.IGNORECASE)
_WH_QUESTION = re.compile(r"^\s*(?:hva|hvor|hvilke\w*|hvordan|hvorfor|når|hvem|kva|kor|korleis|what|how|why|when|"
                          r"which|who)\b", re.IGNORECASE)


def asked_procedure(question: str) -> tuple[str, bool] | None:
    """The one procedure a yes/no question asks to use, and whether it claims the procedure is obligatory.

    «Kan vi bruke konkurranse med forhandling …?» -> ("negotiated", False); «Vi må vel alltid bruke åpen
    anbudskonkurranse?» -> ("open", True). None for a question that names no procedure or several (a choice between
    them), asks how or when (not yes or no), asks about negotiation without notice, or names a procedure without
    asking to use it.
    """
    text = question.strip()
    if not text.endswith("?") or _WH_QUESTION.match(text) or _NOT_ASKED.search(text):
        return None
    found = list(_PROCEDURE.finditer(text))
    if len({m.lastgroup for m in found}) != 1:
        return None
    # «Staten skal kjøpe … for 4 mill. Hvilken del gjelder når vi vil bruke konkurransepreget dialog?» asks which part.
    if _WH_QUESTION.match(split_sentences(text[: found[0].start()])[-1]):
        return None
    used = [m for m in found if _NEGOTIATE_VERB.match(m.group(0)) or re.search(_USE + "$", text[: m.start()], re.I)
            or _DUTY_AFTER.search(text[m.end():])]
    if not used:
        return None
    obliged = False
    for m in used:
        sentence_before = re.split(r"[.?!]\s", text[: m.start()])[-1]
        if duty_before(sentence_before) or _DUTY_AFTER.search(text[m.end():]):
            obliged = True
    if obliged and duty_lifted(text):
        return None  # «Må vi ikke bruke …?» can be read both ways
    return str(used[0].lastgroup), obliged


def named_procedure(question: str) -> str | None:
    """The one procedure a question names, whatever it asks about it («Hvordan gjennomfører vi en konkurransepreget
    dialog …?» -> "competitive_dialogue"); None for none or several, or negotiation without notice."""
    if _NOT_ASKED.search(question):
        return None
    found = {m.lastgroup for m in _PROCEDURE.finditer(question)}
    return str(found.pop()) if len(found) == 1 else None


# --- minimum time limits ------------------------------------------------------------------------------------------

# A deadline for complaints («fristen for å klage», «deadline for complaints») is not a time limit for tenders.
_NOT_TENDER_DEADLINE = (r"(?!\s+(?:for|til|to)\s+(?:å\s+)?(?:klag\w*|påklag\w*|complain\w*|appeal\w*|"
                        r"lodge\w*|seek\w*|bring\w*|søksm\w*|saksanlegg\w*|kofa))")
_ASKS_DEADLINE = re.compile(r"\b(?:minste|minimums|tilbuds|søknads)?frist\w*\b" + _NOT_TENDER_DEADLINE
                            + r"|(?<!complaint )(?<!appeal )\bdeadline\w*\b" + _NOT_TENDER_DEADLINE + r"|\btime limits?\b|"
                            r"\bhow (?:long|many days)\b|\bhvor (?:lang tid|mange dager)\b|\bkor (?:lang tid|mange dagar)\b",
                            re.IGNORECASE)
# The question itself places the purchase above the EEA threshold, in part III.
_ABOVE_EEA_SAID = re.compile(r"\bover (?:EØS-?)?terskel\w*|\bover EØS\w*|\babove the (?:EEA )?threshold|\bdel (?:III|3)\b|"
                             r"\bpart (?:III|3)\b", re.IGNORECASE)


def asks_time_limits(question: str, facts: CaseFacts) -> bool:
    """True for a question about time limits that the rules can answer: it names a part III procedure («Hva er
    minstefristene i konkurransepreget dialog?»), places the purchase above the EEA threshold, or states a value.
    The part II procedure («tilbudskonkurranse») is left to the cards, which say that part II has no minimums."""
    # «Hvor lang er karensperioden?» asks the standstill, not a time limit; a time limit asked beside it still counts.
    asked = " ".join(s for s in re.split(r"(?<=[?.!])\s+", question) if not asks_standstill(s))
    if not _ASKS_DEADLINE.search(asked) or _PART_II_PROCEDURE.search(question):
        return False
    return (named_procedure(question) in PART_III_TIME_LIMIT_PROCEDURES or bool(_ABOVE_EEA_SAID.search(question))
            or facts.has_value)


_CALENDAR_DAYS = ("Fristene regnes i kalenderdager (FOA § 7-6) og er minstefrister: de kan måtte forlenges, og "
                  "leverandørene skal alltid få nok tid til å sette seg inn i dokumentene.",
                  "The time limits are in calendar days (FOA section 7-6) and are minimums: they may have to be longer, "
                  "and suppliers must always get enough time to study the documents.")
_NO_MINIMUM = {("nb", "below_eea"): "Under EØS-terskelen gjelder ikke disse: del I og II har ingen minstefrister, og fristen "
                                    "må være rimelig ut fra hvor sammensatt kontrakten er",
               ("en", "below_eea"): "Below the EEA threshold these do not apply: parts I and II have no minimum time limits, "
                                    "and the deadline must be reasonable given how complex the contract is",
               ("nb", "part"): "Del %s har ingen minstefrister: sett en frist som gir leverandørene tid til å sette seg inn i "
                               "dokumentene, skaffe dokumentasjon og regne på tilbudet, ut fra hvor sammensatt kontrakten er",
               ("en", "part"): "Part %s has no minimum time limits: set a deadline that gives suppliers time to study the "
                               "documents, gather documentation and price the tender, given how complex the contract is"}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# A prior information notice («veiledende kunngjøring») said to allow a shorter time limit: only one that meets the
# conditions for shortening does; one that only invited suppliers to a dialogue does not (DFØ, in the time-limits note).
_PIN = re.compile(r"\bveiledende? kunngjøring\w*|\brettleiande kunngjering\w*|\bprior information notice\w*|(?-i:\bPIN\b)",
                  re.IGNORECASE)
_SHORTER = re.compile(r"\b(?:1[05]|ti|femten|ten|fifteen)[ -](?:dag\w*|days?)\b|\bkort\w* (?:frist\w*|ned)|\bforkort\w*|"
                      r"\bshort\w*", re.IGNORECASE)
_DIALOGUE = re.compile(r"\bdialog\w*|\bdialogue\b|\bmarkedsdialog\w*|\binvit\w*|\bmøte\w*|\bmeeting\w*", re.IGNORECASE)
_PIN_SHORTENS = {
    ("nb", "dialogue"): "Nei: en veiledende kunngjøring som bare inviterte leverandørene til dialog, forkorter ikke "
                        "fristene; dere må gi minst de vanlige minstefristene.",
    ("en", "dialogue"): "No: a prior information notice that only invited suppliers to a dialogue does not shorten the time "
                        "limits; you must give at least the ordinary minimums.",
    ("nb", "any"): "Bare en veiledende kunngjøring som oppfyller vilkårene for å korte ned fristen, kan gjøre det; en som "
                   "bare inviterte til dialog, forkorter ikke fristene.",
    ("en", "any"): "Only a prior information notice that meets the conditions for shortening can shorten the time limit; "
                   "one that only invited suppliers to a dialogue does not.",
}


def _time_limits_answer(question: str, result: Assessment, renumber: _Renumber, lang: str) -> str:
    """The minimum time limits that follow from the part, computed from the rules (R-TIME-LIMITS-III for part III,
    R-TIME-LIMITS-REASONABLE below it): for the named procedure, or for every part III procedure; "" for another
    regulation (whose time limits the fact base does not hold) and for parts without a verdict."""
    if result.regime != "foa" or result.part in ("below", "referred"):
        return ""
    en = lang == "en"
    key = "en" if en else "nb"
    named = named_procedure(question)
    value_known = result.contract_value is not None and result.contract_value.total_nok is not None
    part_iii = result.part == "III" or named == "innovation_partnership"
    sentences: list[str] = []
    if part_iii:
        limits = renumber.rules(("R-TIME-LIMITS-III",))
        if _PIN.search(question) and _SHORTER.search(question):
            # «… siden vi allerede har hatt veiledende kunngjøring, kan vi vel sette tilbudsfristen til 15 dager?»
            said = _PIN_SHORTENS[(key, "dialogue" if _DIALOGUE.search(question) else "any")]
            sentences.append(_with_marker(said, limits))
        if named in PART_III_TIME_LIMIT_PROCEDURES:
            said = part_iii_time_limits(named, lang)
            lead = (f"The minimum time limits for {procedure_name(named, 'III', lang)} (part III): " if en else
                    f"Minstefristene i {procedure_name(named, 'III', lang)} (del III): ")
            sentences.append(_with_marker(lead + said[0].lower() + said[1:], limits))
        else:
            sentences.append(_with_marker(
                "Part III has fixed minimum time limits, one set for each procedure: at least 30 days from the notice, "
                "for tenders in an open procedure and for requests to participate in the others." if en else
                "Del III har faste minstefrister, ulike for hver prosedyre: minst 30 dager fra kunngjøringen, for tilbud i "
                "åpen anbudskonkurranse og for forespørsler om å delta i de andre.", limits))
            sentences += [f"{_capital(procedure_name(p, 'III', lang))}: {part_iii_time_limits(p, lang)}"
                          for p in PART_III_TIME_LIMIT_PROCEDURES]
        sentences.append(_CALENDAR_DAYS[en])
        if value_known:
            sentences.append(_part_sentence(result, renumber, lang))
        elif not _ABOVE_EEA_SAID.search(question) and named != "innovation_partnership":
            sentences.append(_with_marker(_NO_MINIMUM[(key, "below_eea")] + ".",
                                          renumber.rules(("R-TIME-LIMITS-REASONABLE",))))
        return " ".join(s for s in sentences if s)
    part = {"I": "I", "II": "II", "IV": "IV"}.get(result.part)
    if part is None:
        return ""
    sentences.append(_part_sentence(result, renumber, lang))
    sentences.append(_with_marker(_NO_MINIMUM[(key, "part")] % part + ".", renumber.rules(("R-TIME-LIMITS-REASONABLE",))))
    if named in PART_III_TIME_LIMIT_PROCEDURES:
        verdict = permission(named, result.part, result.regime)
        if verdict is not None and verdict.answer != "yes":
            sentences.append(_first_sentence_marked(verdict.text(lang), renumber.rules(verdict.rules)))
    return " ".join(s for s in sentences if s)


# --- the standstill period -------------------------------------------------------------------------------------

_ASKS_STANDSTILL = re.compile(r"\bkarens\w*|\bstandstill\b|\bventeperiode\w*", re.IGNORECASE)
_STANDSTILL = {
    ("III", "nb"): ("Ja, dere skal som hovedregel ha en karensperiode: del III gjelder, og karensperioden er en fase i "
                    "prosedyrene der, fra meddelelsen om tildeling til kontrakten tidligst kan signeres. I den kan en "
                    "leverandør som ikke vant, be tingretten stanse signeringen",
                    "Hvor lang perioden skal være, er ikke bekreftet i kildene: trolig minst 10 dager fra dagen etter at "
                    "meldingen om tildeling ble sendt elektronisk, etter EUs håndhevelsesdirektiv (ikke verifisert); "
                    "sjekk ordlyden i FOA del III om karensperiode på Lovdata før dere setter fristen."),
    ("III", "en"): ("Yes, as a rule you must set a standstill period: part III applies, and the standstill period is a "
                    "phase of its procedures, from the notice of award to the earliest time the contract may be signed. "
                    "During it, a supplier that lost can ask the district court to stop the signing",
                    "How long it must be is not confirmed in the sources: probably at least 10 days from the day after "
                    "the award notice was sent electronically, under the EU Remedies Directive (not verified); check the "
                    "wording of FOA part III on the standstill period on Lovdata before you set it."),
    ("II", "nb"): ("Ikke bekreftet: karensperioden er fastsatt som en fase i prosedyrene i del III, og om del %s krever "
                   "karensperiode mellom tildeling og signering, er ikke funnet i kildene (ikke verifisert)",
                   "Sjekk ordlyden i FOA del %s på Lovdata før dere signerer; en frivillig karensperiode gir leverandørene tid til å "
                   "klage før kontrakten er inngått."),
    ("II", "en"): ("Not confirmed: the standstill period is a phase of the part III procedures, and whether part %s "
                   "requires one between award and signing is not found in the sources (not verified)",
                   "Check the wording of FOA part %s on Lovdata before you sign; a voluntary standstill period gives suppliers time to "
                   "complain before the contract is made."),
    ("I", "nb"): ("Trolig ikke: karensperioden er en fase i prosedyrene i del III, og kildene nevner ingen plikt til "
                  "karensperiode i del I, som ikke har noen fast prosedyre (ikke verifisert)",
                  "Dere kan likevel vente noen dager mellom tildeling og signering, slik at en leverandør som ikke vant, "
                  "rekker å klage."),
    ("I", "en"): ("Probably not: the standstill period is a phase of the part III procedures, and the sources name no "
                  "standstill duty in part I, which has no fixed procedure (not verified)",
                  "You may still wait a few days between award and signing, so that a supplier that lost can "
                  "complain."),
    ("below", "nb"): ("Nei: under 100 000 kr gjelder ikke anskaffelsesregelverket, og det er ingen plikt til "
                      "karensperiode", ""),
    ("below", "en"): ("No: below NOK 100,000 the procurement rules do not apply, and there is no standstill duty", ""),
}
_STANDSTILL_SOURCE = ("guide-frister-og-karens", "Karensperioden")


# «Vi har avtalt 12 dagers tilbudsfrist med alle kandidatene. Er det lov?»: a tender deadline the message states, in
# days, asked whether it may be used; the verdict on it opens the answer, before the minimum time limits.
_STATED_DAYS = re.compile(r"\b(\d{1,3})[ -]?(?:kalender)?(?:dag(?:er|ar|ers|ars|s)?|days?)\b", re.IGNORECASE)
_TENDER_DEADLINE = re.compile(r"\btilbudsfrist\w*|\bfrist\w*\s+(?:for|til|på)\s+(?:å\s+)?(?:levere\s+|gi\s+)?(?:tilbud|"
                              r"tilbod)\w*|\btender (?:deadline|time limit)s?\b|\b(?:deadline|time limit) for tenders\b",
                              re.IGNORECASE)
_ASKS_ALLOWED = re.compile(r"\b(?:er|blir) (?:det|dette|det da|den|fristen) (?:lov|lovleg|lovlig|tillatt|greit|nok|ok)\b|"
                           r"\bgår det\b|\bkan (?:vi|me) (?:det|gjøre det|gjere det|gjera det|det)\b|\bholder det\b|"
                           r"\b(?:is|would) (?:that|this|it) (?:allowed|legal|lawful|ok|okay|enough)\b|\bcan we\b|"
                           r"\bmay we\b", re.IGNORECASE)
_AGREED = re.compile(r"\bavtal\w*|\benig\w*|\bsemj\w*|\bagree\w*|\bagreement\b", re.IGNORECASE)
_ALL_CANDIDATES = re.compile(r"\balle\b[^.?!]{0,40}\b(?:kandidat\w*|leverandør\w*|leverandør\w*|deltaker\w*|"
                             r"prekvalifiserte|utvalgte)|\ball\b[^.?!]{0,40}\b(?:candidates|suppliers|selected)",
                             re.IGNORECASE)


# The verdicts on a stated tender deadline in part III, by case: (English, bokmål), with the days filled in.
_DEADLINE_VERDICTS = {
    "restricted_meets": (
        "Yes, {days} days meets the minimum of 25 days after the invitation (30 without electronic submission).",
        "Ja, {days} dager oppfyller minstefristen på 25 dager etter invitasjonen (30 uten elektronisk innlevering)."),
    "restricted_state_short": (
        "No, not {days} days: a state buyer cannot agree a shorter tender deadline with the candidates; it is at least "
        "25 days after the invitation (10 only when urgent or after a qualifying prior information notice).",
        "Nei, ikke {days} dager: en statlig oppdragsgiver kan ikke avtale en kortere tilbudsfrist med kandidatene; den "
        "er minst 25 dager etter invitasjonen (10 bare ved hast eller etter en veiledende kunngjøring som oppfyller "
        "vilkårene)."),
    "restricted_agreed": (
        "Yes, {days} days is allowed: you are not a state buyer, and a deadline agreed with all the selected "
        "candidates may be shorter than 25 days.",
        "Ja, {days} dager er lov: dere er ikke en statlig oppdragsgiver, og en tilbudsfrist som er avtalt med alle de "
        "utvalgte kandidatene, kan være kortere enn 25 dager."),
    "restricted_ten": (
        "Yes, {days} days is allowed for a buyer that is not a state authority: without an agreement with all the "
        "candidates the tender deadline must be at least 10 days.",
        "Ja, {days} dager er lov for en oppdragsgiver som ikke er statlig: uten avtale med alle kandidatene må "
        "tilbudsfristen være minst 10 dager."),
    "restricted_under_ten": (
        "No, not {days} days without an agreement with all the candidates: the tender deadline is then at least 10 "
        "days.",
        "Nei, ikke {days} dager uten avtale med alle kandidatene: da er tilbudsfristen minst 10 dager."),
    "open_meets": (
        "Yes, {days} days meets the minimum of 30 days from the notice (35 without electronic submission).",
        "Ja, {days} dager oppfyller minstefristen på 30 dager fra kunngjøringen (35 uten elektronisk innlevering)."),
    "open_under_urgent": (
        "No, not {days} days: tenders in an open procedure get at least 30 days from the notice, and at least 15 even "
        "when urgent.",
        "Nei, ikke {days} dager: tilbudsfristen i åpen anbudskonkurranse er minst 30 dager fra kunngjøringen, og minst "
        "15 også ved hast."),
    "open_electronic": (
        "Yes, {days} days meets the minimum of 30 days from the notice if you require electronic submission (35 days "
        "without it).",
        "Ja, {days} dager oppfyller minstefristen på 30 dager fra kunngjøringen når dere krever elektronisk "
        "innlevering (35 dager uten)."),
    "open_short": (
        "No, not {days} days unless it is urgent or you published a prior information notice that meets the "
        "conditions: otherwise tenders get at least 30 days from the notice.",
        "Nei, ikke {days} dager med mindre det haster eller dere har hatt en veiledende kunngjøring som oppfyller "
        "vilkårene: ellers er tilbudsfristen minst 30 dager fra kunngjøringen."),
}


def _deadline_case(named: str | None, days: int, buyer: str | None, agreed_by_all: bool) -> str:
    """The key of _DEADLINE_VERDICTS for a stated deadline of `days` in the named procedure, or "" when the verdict
    needs a fact the message does not give (the buyer, for a short deadline in a restricted procedure)."""
    if named == "restricted":
        if days >= 25:
            return "restricted_meets"
        if buyer == "state":
            return "restricted_state_short"
        if buyer is None:
            return ""
        if agreed_by_all:
            return "restricted_agreed"
        return "restricted_ten" if days >= 10 else "restricted_under_ten"
    if named == "open":
        if days >= 35:
            return "open_meets"
        if days < 15:
            return "open_under_urgent"
        return "open_electronic" if days >= 30 else "open_short"
    return ""


def _stated_deadline_verdict(question: str, result: Assessment, facts: CaseFacts, renumber: _Renumber,
                             lang: str) -> str:
    """The verdict on a tender deadline the question states in days and asks whether it may use (part III, open or
    restricted procedure): «Ja, …» / «Nei, …» applied to the days, the buyer and whether the candidates agreed, cited to
    R-TIME-LIMITS-III; "" when nothing is stated or asked, or the verdict needs a fact the message does not give."""
    if result.regime != "foa" or result.part != "III" or not _TENDER_DEADLINE.search(question) \
            or not (_ASKS_ALLOWED.search(question) or is_yes_no(question)):
        return ""
    stated = _STATED_DAYS.search(question)
    if stated is None:
        return ""
    days = int(stated.group(1))
    agreed_by_all = bool(_AGREED.search(question)) and bool(_ALL_CANDIDATES.search(question))
    case = _deadline_case(named_procedure(question), days, facts.values.get("buyer"), agreed_by_all)
    if not case:
        return ""
    said = _DEADLINE_VERDICTS[case][0 if lang == "en" else 1].format(days=days)
    return _with_marker(said, renumber.rules(("R-TIME-LIMITS-III",)))


def _time_limits_and_standstill(question: str, result: Assessment, facts: CaseFacts, renumber: _Renumber,
                                lang: str) -> str:
    """The time limits, and the standstill when the question asks it too, in the order asked («Hva er
    karensperioden, og hvor lang er minstefristen …?»: the standstill first), each cited as it comes."""
    standstill = asks_standstill(question) and result.regime == "foa" and result.part != "referred"
    first_standstill, first_limit = _ASKS_STANDSTILL.search(question), _ASKS_DEADLINE.search(question)
    if standstill and first_standstill and first_limit and first_standstill.start() < first_limit.start():
        said = _standstill_answer(question, result, facts, renumber, lang)
        return f"{said} {_time_limits_answer(question, result, renumber, lang)}".strip()
    verdict = _stated_deadline_verdict(question, result, facts, renumber, lang)
    text = _time_limits_answer(question, result, renumber, lang)
    if text and verdict:
        text = f"{verdict} {text}"
    if text and standstill:
        text = f"{text} {_standstill_answer(question, result, facts, renumber, lang)}".strip()
    return text


def asks_standstill(question: str) -> bool:
    """True for a question about the standstill period («Hvor lang karensperiode må vi ha …?», «standstill»)."""
    return bool(_ASKS_STANDSTILL.search(question))


# «Karenstiden er ute, så kan vi vel …?», «…, og da kan vi …?»: the reason stated before the ask.
_STATED_REASON = re.compile(r"^[^?]*?,\s*(?:så|og da|derfor|so|then)\s+(?=\w)", re.IGNORECASE)


def _literal_ask(question: str) -> str:
    """The sentences that ask yes or no, without the ground or reason they state first («Siden …, », «…, så »)."""
    asked = [s for s in split_sentences(question.strip()) if _YES_NO.search(s) or _TAG_VEL.search(s)]
    return " ".join(_STATED_REASON.sub("", GROUND_CLAUSE.sub("", s)) for s in asked)


def _standstill_answer(question: str, result: Assessment, facts: CaseFacts, renumber: _Renumber, lang: str) -> str:
    """Whether the purchase needs a standstill period, from the part the facts give (R-STANDSTILL): a phase of the part
    III procedures; not confirmed for parts II and IV; none named for part I; the length is not verified. "" for
    another regulation (whose standstill rules the fact base does not hold)."""
    if result.regime != "foa" or result.part == "referred":
        return ""
    en = lang == "en"
    key = result.part if result.part in ("III", "I", "below") else "II"
    lead, rest = _STANDSTILL[(key, "en" if en else "nb")]
    if key == "II":
        lead, rest = lead % result.part, rest % result.part
    # «Hvor lang karensperiode …?»: no yes or no before what holds; nor when the yes/no sentence asks something else
    # than whether a standstill is due («Siden karensperioden er ute, kan vi vel signere i morgen?»): the «Ja» would
    # answer a question nobody asked.
    if not is_yes_no(question) or not _ASKS_STANDSTILL.search(_literal_ask(question)):
        lead = re.sub(r"^(?:Ja|Nei|Yes|No)(?:, |: )", "", lead)
        lead = lead[:1].upper() + lead[1:]
    marker = renumber.marker(*_STANDSTILL_SOURCE) if key != "below" else renumber.rules(("R-SCOPE-BELOW",))
    sentences = [_with_marker(lead + ".", marker), rest, _part_sentence(result, renumber, lang)]
    if en:
        sentences += _assumed_en(result)
    else:
        sentences += [f"Forutsetninger: {' '.join(_sentence(a) for a in assumed)}"
                      for assumed in [_assumptions(result, facts, part_only=True)] if assumed]
    return " ".join(s for s in sentences if s)


# --- several units' shares of one purchase ------------------------------------------------------------------------

# «Kan kvar skule kjøpe direkte …?», «hver for seg», «dele opp», «each school separately», «split»: the question asks
# whether the shares may be bought one by one.
_ASKS_SPLIT = re.compile(r"\b(?:hver|hvert|kvar|kvart|each)\b|\bseparat\w*|\bseparately\b|\bdel(?:e|a)\s+opp\b|"
                         r"\boppdel\w*|\bsplit\w*|\bsplitt\w*", re.IGNORECASE)


# «opsjonene verdt 500 000 kr hver», «NOK 500,000 each», «hvert år»: «each» of an option price or a year, not of a unit.
_EACH_OF_PRICE = re.compile(r"(?:\d|\bkr\.?|\bkroner|\bnok|\bmill\.?|\bmillion)\s*(?:hver|hvert|kvar|kvart|each)\b|"
                            r"\b(?:hvert|kvart|each)\s+(?:år|year|option|opsjons\w*)\b|"
                            # «Three teams will each receive a fee», «får hver et vederlag»: each recipient is paid.
                            r"\b(?:hver|kvar|each)\s+(?:receives?|gets?|får|mottar|fær)\b|"
                            r"\b(?:receives?|gets?|får|mottar|fær)\s+(?:hver|kvar|each)\b", re.IGNORECASE)


def _asks_split(question: str, parts: str) -> bool:
    """True when the question asks whether the shares may be bought one by one. «hver»/«each» of a price («500 000 kr
    hver») does not ask that, and a contract with its options (every share after the first an option) is split only
    when the question says so («dele opp», «split»)."""
    if all(p.strip().startswith("opsjon") for p in parts.split(" + ")[1:]):
        return bool(re.search(r"\bseparat\w*|\bseparately\b|\bdel(?:e|a)\s+opp\b|\boppdel\w*|\bsplit\w*",
                              question, re.IGNORECASE))
    return bool(_ASKS_SPLIT.search(_EACH_OF_PRICE.sub(" ", question)))


def _parts_en(parts: str) -> str:
    """The Norwegian sum of the shares in English: «3 × 300 000 kr + opsjon 700 000 kr» -> «3 × NOK 300,000 + option
    NOK 700,000»."""
    parts = re.sub(r"(\d{1,3}(?: \d{3})+|\d+) kr\b", lambda m: _amount_en(int(m.group(1).replace(" ", ""))), parts)
    return re.sub(r"\bopsjon\b", "option", parts)


def _split_sentence(question: str, values: dict, result: Assessment, renumber: _Renumber, lang: str) -> str:
    """For a question whether the shares of a purchase (several units, lots or parts) may be bought one by one: that
    they are added up (R-VALUE-PARTS), the sum, and which threshold the sum reaches that no share reaches alone; ""
    when the value is not a sum of parts or the question does not ask about splitting."""
    parts = values.get("value_parts")
    value = result.contract_value
    if not parts or value is None or value.total_nok is None or not _asks_split(question, parts):
        return ""
    shares = [a.value for a in read_amounts(parts)[0]]
    largest = max(shares, default=0)
    total = value.total_nok
    crossed = [t for t in result.thresholds_considered if largest < t.value_nok <= total]
    marker = renumber.rules(("R-VALUE-PARTS",))
    total_text = format_amount(total)
    if lang == "en":
        parts = _parts_en(parts)
        said = (f"you must add the shares up: {parts} = {_amount_en(total)} excl. VAT. What one buyer buys of the same "
                "kind at the same time is one purchase, and it may not be split to get below a threshold")
        if crossed:
            return _with_marker(f"No, {said}; the sum reaches {_THRESHOLD_EN.get(crossed[-1].key, crossed[-1].name)} "
                                f"({_amount_en(crossed[-1].value_nok)}).", marker)
    below = result.next_threshold
    under = (f"; the sum is also below {_THRESHOLD_EN.get(below.key, below.name)} ({_amount_en(below.value_nok)})"
             if lang == "en" and below is not None else "")
    if lang == "en":
        return _with_marker(f"The shares count together: {said}{under}.", marker)
    said = (f"dere må legge sammen beløpene: {parts} = {total_text} ekskl. mva. Det samme slags kjøp som én "
            "oppdragsgiver gjør på samme tid, er én anskaffelse, og den kan ikke deles opp for å komme under en terskelverdi")
    if crossed:
        name = re.sub(r"\s*\([^)]*\)", "", crossed[-1].name)  # «Nasjonal terskelverdi (del II)» -> «nasjonal terskelverdi»
        return _with_marker(f"Nei, {said}; summen når {name[0].lower()}{name[1:]} "
                            f"({format_amount(crossed[-1].value_nok)}).", marker)
    said = (f"Delene skal regnes sammen: {parts} = {total_text} ekskl. mva., fordi det samme slags kjøp som én "
            "oppdragsgiver gjør på samme tid, er én anskaffelse som ikke kan deles opp for å komme under en terskelverdi")
    if below is not None:
        name = re.sub(r"\s*\([^)]*\)", "", below.name)
        said += f"; summen er også under {name[0].lower()}{name[1:]} ({format_amount(below.value_nok)})"
    return _with_marker(said + ".", marker)


# --- what was read ------------------------------------------------------------------------------------------------

_VALUE_EN = {"state": "central government", "municipal": "municipality or county", "other": "other public body",
             "goods": "goods", "services": "services", "works": "works"}

# The words that name a buyer, a contract type or a regulation outright: a fact the question says in them is said
# back to no one. A fact read from another word («kommunens bygg», «serviceavtale», «vannforsyningen») is an
# inference, and the answer says it took it so.
_PLAIN_BUYER = re.compile(r"(?:fylkes)?kommunen?|staten|statlig\w*|direktorat(?:et)?|departement(?:et)?|"
                          r"(?:the )?(?:municipality|county(?: council)?|state(?: agency| body| authority)?|directorate|ministry|"
                          r"central government)", re.IGNORECASE)
_PLAIN_CATEGORY = re.compile(r"tjenester?|tenester?|varer?|bygg og anlegg|bygge- og anleggs\w*|goods|services?|works",
                             re.IGNORECASE)
_PLAIN_REGIME = re.compile(r".*(?:forsyningsforskrift|forsvars|konsesjon|utilities regulation|defence|concession).*",
                           re.IGNORECASE)
_QUOTED = re.compile(r"«([^»]+)»")
_BUYER_TAKEN = {"state": ("dere er en statlig oppdragsgiver", "you are a central government body"),
                "municipal": ("dere er en kommunal oppdragsgiver", "you are a municipal or county body"),
                "other": ("dere er en offentlig oppdragsgiver utenom stat og kommune",
                          "you are a public buyer other than central or local government")}
_CATEGORY_TAKEN = {"services": ("avtalen gjelder tjenester", "the contract is for services"),
                   "goods": ("kjøpet gjelder varer", "the purchase is of goods"),
                   "works": ("kontrakten gjelder bygg og anlegg", "the contract is for works")}


def _plain(notes: list[tuple[str, str]], key: str, pattern: re.Pattern[str]) -> bool:
    """True when the question names the fact under `key` in a plain word (`pattern`, the whole quoted phrase)."""
    quoted = [m.group(1).strip() for k, note in notes if k == key for m in _QUOTED.finditer(note)]
    return any(pattern.fullmatch(q) for q in quoted[:1])


def read_line(values: dict, lang: str = "nb", it_purchase: bool = False,
              notes: list[tuple[str, str]] | None = None) -> str:
    """One short sentence with what the answer took as given without the question saying it in so many words (a
    software purchase, `it_purchase`, taken as goods or services): «Vi har regnet med at dere er en kommunal
    oppdragsgiver og at avtalen gjelder tjenester; si ifra hvis ikke.»; "" when the question states it all plainly.

    `notes` are the reader's notes per key (READ_FROM_TEXT «kommunens» → …): a buyer, contract type or
    regulation read from its own name is not repeated, one read from another word is. Figures the question states
    (value, term, options) are never repeated: the answer's reasoning shows them. Without a value the buyer's contract
    type decides no threshold and is left out."""
    en = lang == "en"
    notes = notes or []
    has_value = values.get("estimated_value_nok") is not None or values.get("value_per_period_nok") is not None
    taken = []
    buyer = values.get("buyer")
    if buyer in _BUYER_TAKEN and not _plain(notes, "buyer", _PLAIN_BUYER):
        taken.append(_BUYER_TAKEN[buyer][en])
    category = values.get("category")
    if has_value and it_purchase:
        taken.append("it is an IT purchase, so goods or services and not works" if en else
                     "det er et IT-kjøp, altså varer eller tjenester og ikke bygg og anlegg")
    elif has_value and category in _CATEGORY_TAKEN and not _plain(notes, "category", _PLAIN_CATEGORY):
        taken.append(_CATEGORY_TAKEN[category][en])
    # The regulation last: its clause carries its reason («…, slik at forsyningsforskriften gjelder»).
    regime = values.get("regime")
    if regime and regime != "foa" and not _plain(notes, "regime", _PLAIN_REGIME):
        word = next((m.group(1) for k, note in notes if k == "regime" for m in _QUOTED.finditer(note)), "")
        label = REGIME_LABELS.get(regime, regime)
        if regime == "utilities":
            # The activity the purchase serves decides, not the kind of buyer: the reason is said with the fact.
            taken.append(f"the purchase serves a utility activity{f' («{word}»)' if word else ''}, so the utilities "
                         "regulation applies" if en else
                         f"kjøpet tjener en forsyningsvirksomhet{f' («{word}»)' if word else ''}, slik at "
                         "forsyningsforskriften gjelder")
        else:
            taken.append(f"{label} applies" if en else f"{label} gjelder")
    if not taken:
        return ""
    joined = taken[0] if len(taken) == 1 else (
        ", that ".join(taken[:-1]) + " and that " + taken[-1] if en else ", at ".join(taken[:-1]) + " og at " + taken[-1])
    return (f"We have assumed that {joined}; tell us if not." if en else
            f"Vi har regnet med at {joined}; si ifra hvis ikke.")


# What a part of a compound question must ask for the rules to answer it with the facts another part states: the
# part, a threshold, the notice duty, a choice of procedure or buying directly (not «konkurransen» in general).
_ASKS_RULES_PART = re.compile(
    r"terskel\w*|\bEØS\b|\bEEA\b|\bdel (?:I{1,3}|IV|V|[1-5])\b|\bparts? (?:I{1,3}|IV|V|[1-5])\b|hvilke[nt]? (?:del|regler|regelverk|prosedyr\w*|deler)|"
    r"\bkva(?: for)? (?:ein |ei )?(?:del|delar|reglar|regelverk|prosedyr\w*|framgangsmåt\w*)\b|"
    r"\bdel(?:er|ar)? av (?:forskriften|forskrifta|regelverket)|kunngj\w*|lyse ut|utlys\w*|\bDoffin\b|\bTED\b|kjøpe direkte|"
    r"\b(?:kjøpe|kjøpa|bestille|bestilla|handle|tinge|buy|order)\b[^.?!]{0,60}?\bdirekte\b|\bdirectly from\b|"
    r"direkte ?anskaff\w*|\b(?:holder|rekker|er) det (?:nok )?(?:å|med)\b[^?]{0,40}\b(?:tilbud|priser?)\b|"
    r"threshold|which (?:part|rules|procedure)|publish|regelverket gjeld(?:er)?|gjeld(?:er)? (?:anskaffelses|anskaffings)?"
    r"(?:loven|lova|regelverket)|"
    r"(?:anskaffelses|forsynings)forskrift\w*\s+(?:som\s+)?gjelder|\bgjelder\s+(?:\w+\s+){0,3}(?:anskaffelses|forsynings)forskrift|"
    r"utilities regulation (?:that )?appl|"
    # «Siden vi er kommunalt eid, følger vi vel anskaffelsesforskriften?»: which regulation, claimed
    r"\b(?:følger|følgjer|følge|omfattes|omfattast|omfattet|underlagt)\b[^.?!]{0,30}?\b(?:anskaffelses|anskaffings|"
    r"forsynings)forskrift\w*|\b(?:follow|under|subject to) the (?:public procurement|utilities) regulation",
    re.IGNORECASE)


def asks_rules_part(question: str) -> bool:
    """True when a part of a compound question asks what the rules engine decides: the part, threshold, notice duty,
    a procedure to use («Kan vi bruke innovasjonspartnerskap?»), whether there are grounds for negotiation or dialogue
    or which of them fits, or whether a few quotes will do."""
    return (bool(_ASKS_RULES_PART.search(question)) or asked_procedure(question) is not None
            or bool(_ASKS_PROCEDURE_PART.search(question))
            or bool(_PROCEDURE.search(question)) and is_yes_no(question) and not _NOT_ASKED.search(question)
            # «Har vi grunnlag for konkurranse med forhandling, eller passer konkurransepreget dialog bedre?»
            or bool(_conditional_named(question)) and bool(_HAS_GROUNDS.match(question) or _WHICH_FITS.search(question)))


# A part that asks about the procedure the rules decide on: its tender deadline, negotiating after opening, or the
# grounds for a procedure with conditions («Kva for grunnlag må vi ha?», after a part that names it).
_ASKS_PROCEDURE_PART = re.compile(
    r"\b(?:tilbuds|minste|anbuds|søknads)frist\w*|\btender deadline\w*|\b(?:minimum )?time limits?\b|"
    r"\b(?:shortest|minimum) (?:lawful )?deadlines?\b|"
    r"\b(?:hva|hvilke[nt]?|kva|which|what)\b(?: for)?\s+(?:\w+\s+)?(?:grunnlag|vilkår|hjemmel|grounds?|conditions?)\b|"
    r"\b(?:forhandl\w*|negotiat\w*)\b[^?]{0,80}?\b(?:etter|after|med (?:de|dei) (?:to |tre )?beste|"
    r"with the (?:two |three )?best)\b",
    re.IGNORECASE)


# A yes/no question asked as an exemption («… trenger vi ikke …?», «Slipper vi …?», «… er vi vel ikke omfattet?»,
# «Kan vi droppe …?»): the yes or no on the rule is said the other way round (chat/premises.NEGATED_ASK).
_NEGATED = NEGATED_ASK


# A question that names one regulation («Må vi følge anskaffelsesforskriften?») is answered for that regulation: a
# utility follows forsyningsforskriften instead, a defence or concession contract its own regulation.
_NAMES_REGULATION = (
    (re.compile(r"\banskaffelsesforskrift\w*|\bFOA\b|\bpublic procurement regulation", re.IGNORECASE), "foa"),
    (re.compile(r"\bforsyningsforskrift\w*|\butilities (?:regulation|directive)", re.IGNORECASE), "utilities"),
)

_FOLLOWS = re.compile(r"\b(?:følge|følger|følgjer|følges|gjelder|omfattet|omfattes|follow|appl(?:y|ies))\b", re.IGNORECASE)


def is_yes_no(question: str) -> bool:
    """True when a sentence of the question asks for a yes or a no («Må vi …?», «…, kan vi …?», «… vel?»)."""
    return any(_YES_NO.search(s) or _TAG_VEL.search(s) for s in split_sentences(question.strip()))


# «… pålegger oss vel å …?»: the particle asks for confirmation wherever it stands in a question.
_TAG_VEL = re.compile(r"\b(?:oss|vi|dere|man|det|den|de) vel\b.*\?\s*$", re.IGNORECASE)


# «Gjelder del II eller del III?», «Is it part II or III?», «FOA eller forsyningsforskriften?»: two answers offered,
# which a yes or no does not answer.
_ALTERNATIVE_PARTS = re.compile(
    r"\b(?:del|part)\s+(?:I{1,3}V?|IV|[1-5])\s*(?:,|eller|or)\s*(?:(?:del|part)\s+)?(?:I{1,3}V?|IV|[1-5])\b|"
    r"\b(?:anskaffelsesforskrift\w*|FOA)\s+eller\s+(?:forsyningsforskrift\w*|FOR)\b|"
    r"\b(?:forsyningsforskrift\w*|FOR)\s+eller\s+(?:anskaffelsesforskrift\w*|FOA)\b", re.IGNORECASE)


def gives_verdict(question: str, part: str, lang: str = "nb") -> bool:
    """True when the rules answer the question's yes or no themselves for a purchase in `part` («Kan vi bare ta kontakt
    med noen få leverandører?» -> «Nei, det holder ikke»)."""
    return bool(_verdict_word(question, part, lang))


def _verdict_word(question: str, part: str, lang: str, regime: str = "foa") -> str:
    """«Ja.» / «Nei.» (Yes./No.) when the question is a yes/no question about the part, notice or rules; else ""."""
    if not is_yes_no(question):
        return ""
    if _ALTERNATIVE_PARTS.search(question):
        return ""
    named = [name for pattern, name in _NAMES_REGULATION if pattern.search(question)]
    if len(named) == 1 and _FOLLOWS.search(question) and not _NEGATED.search(question):
        if named[0] != regime:
            return "No." if lang == "en" else "Nei."
        if named[0] == "utilities":  # «Er det forsyningsforskriften som gjelder?» for a utility: yes
            return "Yes." if lang == "en" else "Ja."
    if _SUFFICES[0].search(question):  # «Holder det å hente inn tre tilbud?»: say what the yes or no is about
        if lang == "en":
            return "Yes, that can be enough." if part in _SUFFICES[1] else "No, that is not enough."
        return "Ja, det kan holde." if part in _SUFFICES[1] else "Nei, det holder ikke."
    # The yes or no answers the sentence that asks it: «Vi skal ut i TED med dette. Kan vi kreve skybasert?» asks
    # nothing about the notice, so the notice's «Ja» would stand before a sentence that does not say yes.
    asked = " ".join(s for s in split_sentences(question.strip()) if _YES_NO.search(s) or _TAG_VEL.search(s))
    # «Siden EØS-terskelen er 2,3 mill., er vi vel i del II?»: the ground states, the clause after it asks (the
    # threshold named in the ground is not an «over the threshold?» question)
    asked = GROUND_CLAUSE.sub("", asked)
    for pattern, yes_parts in _INTENTS:
        if pattern.search(asked):
            yes = part in yes_parts
            if _NEGATED.search(asked):  # «… trenger vi ikke følge loven?»: «Ja» would agree with the wrong thing
                yes = not yes
            if lang == "en":
                return "Yes." if yes else "No."
            return "Ja." if yes else "Nei."
    return ""


def decides_exemption(question: str) -> bool:
    """True for a question asked as an exemption from what the rules decide («…, er vi vel ikke omfattet av
    regelverket?», «Trenger vi ikke kunngjøre?»): the rules' yes or no on the stated facts answers it."""
    return question_negated(question) and bool(_verdict_word(question, "I", "nb"))


def _markers(text: str) -> list[int]:
    return [int(n) for group in re.findall(r"\[(\d+(?:,\s*\d+)*)\]", text) for n in group.split(",")]


class _Renumber:
    """Citation markers renumbered 1, 2, ... in order of first use, one number per passage: the assessment's own
    markers (its numbering) and the passages of rules cited by id."""

    def __init__(self, citations: list[Citation], settings: Settings | None = None) -> None:
        self.by_n = {c.n: c for c in citations}
        self.settings = settings
        self.used: list[Citation] = []

    def _number(self, citation: Citation) -> int:
        for n, used in enumerate(self.used, start=1):
            if used.chunk_id == citation.chunk_id:
                return n
        self.used.append(citation)
        return len(self.used)

    def text(self, text: str) -> str:
        def swap(match: re.Match[str]) -> str:
            numbers = list(dict.fromkeys(str(self._number(self.by_n[n])) for n in (int(x) for x in match.group(1).split(","))
                                         if n in self.by_n))
            return f"[{', '.join(numbers)}]" if numbers else ""

        text = re.sub(r"\[(\d+(?:,\s*\d+)*)\]", swap, text).replace(" .", ".")
        # The assessment marks each sentence after its full stop («… hvordan. [3] Løsriv …»); chat puts it before.
        return re.sub(r"([.!?])\s*(\[[\d, ]+\])", r" \2\1", text)

    def resequence(self, text: str) -> str:
        """The text with its markers renumbered in order of first appearance (after sentences were moved), the
        passages renumbered to match; passages numbered but not in the text keep the numbers after those."""
        order: list[int] = []
        for match in re.finditer(r"\[(\d+(?:,\s*\d+)*)\]", text):
            order += [n for n in (int(x) for x in match.group(1).split(",")) if n not in order and n <= len(self.used)]
        order += [n for n in range(1, len(self.used) + 1) if n not in order]
        new_number = {old: new for new, old in enumerate(order, start=1)}
        self.used = [self.used[old - 1] for old in order]
        return re.sub(r"\[(\d+(?:,\s*\d+)*)\]", lambda m: "[" + ", ".join(
            str(new_number.get(int(x), int(x))) for x in m.group(1).split(",")) + "]", text)

    def source(self, note: str, anchor: str) -> int | None:
        """The number of a guidance passage cited by note and section anchor; None when it is not in the corpus."""
        try:
            return self._number(cite(self.settings, note, anchor)) if self.settings else None
        except AdvisorError:
            return None

    def marker(self, note: str, anchor: str) -> str:
        """«[n]» for a guidance passage (see source), or "" when it is not in the corpus."""
        n = self.source(note, anchor)
        return f"[{n}]" if n is not None else ""

    def rules(self, rule_ids: tuple[str, ...]) -> str:
        """The markers of the guidance passages the rules rest on («[2, 3]»); a note missing from the corpus is skipped."""
        numbers = [n for rule in rule_ids for note, anchor in RULES[rule].sources
                   if (n := self.source(note, anchor)) is not None]
        numbers = list(dict.fromkeys(numbers))
        return f"[{', '.join(map(str, numbers))}]" if numbers else ""

    def citations(self) -> list[Citation]:
        return [dataclasses.replace(c, n=i) for i, c in enumerate(self.used, start=1)]


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


_UTILITIES_SOURCE = ("guide-forsyningssektoren", "Kort svar")


def _utilities_check(sector_notes: list[str], result: Assessment, renumber: _Renumber, lang: str = "nb") -> str:
    """For a purchase under the general regulation whose wording names a utility sector (transport, energy, water,
    ports, post, fuel; the reader's «regime» notes): the sentence that asks the buyer to check whether the utilities
    regulation applies instead, cited to the guidance on when it does. The regulation is not applied on a hint; ""
    when there is none."""
    if result.regime != "foa" or not sector_notes:
        return ""
    marker = renumber.marker(*_UTILITIES_SOURCE)
    if lang == "en":
        return _with_marker("Check the utilities regulation (forsyningsforskriften): if the purchase serves a utility "
                            "activity (drinking water, energy, transport, ports and airports, post or fuel), the activity "
                            "decides, and the utilities regulation with its own thresholds applies instead.", marker)
    return _with_marker("Sjekk forsyningsforskriften: knytter kjøpet seg til en forsyningsaktivitet (drikkevann, energi, "
                        "transport, havner og lufthavner, post eller brensel), er det aktiviteten som avgjør, og da "
                        "gjelder forsyningsforskriften med egne terskelverdier i stedet for anskaffelsesforskriften.",
                        marker)


# The buyer names the class itself («hjemmetjenester (helse- og sosialtjenester)»): nothing was read into it.
_CLASS_STATED = re.compile(r"\bhelse- og (?:omsorgs|sosial)te?n?\w*|\bsærlige? tjeneste\w*|\bsærlege? teneste\w*|"
                           r"\bhealth and social services\b|\bspecial services\b", re.IGNORECASE)


def _service_kind_sentence(read: list[tuple[str, str]], result: Assessment, renumber: _Renumber, lang: str,
                           text: str) -> str:
    """When the reader took the service for a health and social service or another special service (the reader's
    notes), the sentence that says which words gave the reading, that the regulation's annex decides it, and which
    parts follow from it instead of the ordinary thresholds; "" when the ordinary rules were applied or when `text`
    (the question) names the class itself."""
    keys = {"eea_special_services": "special_services", "eea_health_social": "health_social_services"}
    decisive = [t for t in (result.threshold, result.next_threshold) if t is not None and t.key in keys]
    if result.regime != "foa" or not decisive or _CLASS_STATED.search(text):
        return ""
    key = keys[decisive[0].key]
    phrase = next((m.group(1) for k, note in read if k == key and (m := re.search(r"«([^»]+)»", note))), None)
    if phrase is None:
        return ""
    eea = format_amount(decisive[0].value_nok)
    national = next((format_amount(t.value_nok) for t in result.thresholds_considered if t.key == "national"), "")
    marker = renumber.rules(("R-SPECIAL-ANNEX",))
    if key == "health_social_services":
        if lang == "en":
            text = (f"«{phrase}» is read as a health and social service (probably; check the annex to the regulation): "
                    f"below their EEA threshold ({eea}) only part I applies; at or above it, parts I and IV.")
        else:
            text = (f"«{phrase}» er lest som en helse- og sosialtjeneste (trolig; sjekk vedlegget til forskriften): under "
                    f"EØS-terskelen for dem ({eea}) gjelder bare del I; fra og med terskelen gjelder del I og IV.")
        return _with_marker(text, marker)
    kind = special_service_kind(phrase)
    if lang == "en":
        text = (f"«{phrase}» is read as {kind}, which are probably «other special services» (check the annex to the "
                f"regulation): parts I and II apply from {national}, and some provisions of part III only from their "
                f"EEA threshold ({eea}), not part III from the ordinary EEA threshold.")
    else:
        text = (f"«{phrase}» er lest som {kind}, som trolig er særlige tjenester (sjekk vedlegget til forskriften): "
                f"for dem gjelder del I og II fra {national}, og enkelte bestemmelser i del III først fra EØS-terskelen "
                f"for særlige tjenester ({eea}), ikke del III fra den vanlige EØS-terskelen.")
    return _with_marker(text, marker)


_NOTICE_SOURCE = ("guide-frister-og-karens", "Hvor skal konkurransen kunngjøres")
_NOTICE_SENTENCES = {
    ("below", "nb"): "Under 100 000 kr gjelder ikke regelverket, og det er ingen plikt til å kunngjøre",
    ("I", "nb"): "Del I har ingen plikt til å kunngjøre; plikten til å kunngjøre på Doffin følger av del II og III, "
                 "men konkurranse og de andre grunnleggende prinsippene gjelder",
    ("II", "nb"): "Konkurransen skal kunngjøres på Doffin",
    ("III", "nb"): "Konkurransen skal kunngjøres på Doffin og i TED (via Doffin)",
    ("below", "en"): "Below NOK 100,000 the rules do not apply and there is no duty to publish a notice",
    ("I", "en"): "Part I has no duty to publish a notice; the Doffin notice duty comes with parts II and III, but "
                 "competition and the other basic principles apply",
    ("II", "en"): "The competition must be published on Doffin",
    ("III", "en"): "The competition must be published on Doffin and in TED (through Doffin)",
}


# The notice duty in plain words, led by the yes or no, for a yes/no question about it («Må dette ut på Doffin?», «Må vi
# kunngjøre?», «Do we have to advertise in TED?»). Keyed by what the part decides: health and social services below
# their EEA threshold have part I only (so no notice duty follows from part II, an inference the guidance marks as
# unverified), other special services above their EEA threshold add some part III provisions (TED probably, not
# verified), and part IV's notice rules rest on the directive, not on a source.
_NOTICE_ASKED = re.compile(r"\bkunngj\w*|\blyse ut\b|\blyses ut\b|\butlys\w*|\bDoffin\b|\bTED\b|\bpublish\w*|"
                           r"\badverti\w*|\bannounce\w*|\bcontract notice\b", re.IGNORECASE)
_TED_ONLY = re.compile(r"\bTED\b", re.IGNORECASE)
_NOTICE_LEADS = {
    ("below", "nb"): "Nei, dere har ingen plikt til å kunngjøre: under 100 000 kr gjelder ikke anskaffelsesregelverket",
    ("below", "en"): "No, you have no duty to publish a notice: below NOK 100,000 the procurement rules do not apply",
    ("I", "nb"): "Nei, dere har ikke plikt til å kunngjøre på Doffin (eller i TED): den plikten følger av del II og III, "
                 "men konkurranseprinsippet og de andre grunnleggende prinsippene gjelder, så dere må likevel skape "
                 "konkurranse, for eksempel ved å be flere leverandører om tilbud",
    ("I", "en"): "No, you have no duty to publish a notice on Doffin (or in TED): that duty comes with parts II and III, "
                 "but the competition principle and the other basic principles apply, so you must still create "
                 "competition, for example by asking several suppliers for offers",
    ("health", "nb"): "Nei, trolig ikke på Doffin: for helse- og sosialtjenester under EØS-terskelen for dem gjelder bare "
                      "del I, og plikten til å kunngjøre følger av del II og III (en slutning, ikke bekreftet i kildene: sjekk "
                      "FOA kapittel 30 på Lovdata); "
                      "konkurranseprinsippet og de andre grunnleggende prinsippene gjelder, og dere velger selv hvem dere "
                      "kontakter",
    ("health", "en"): "No, probably not on Doffin: for health and social services below their EEA threshold only part I "
                      "applies, and the notice duty comes with parts II and III (an inference, not confirmed in the "
                      "sources: check FOA chapter 30 on Lovdata); the competition principle and the other basic principles apply, and you choose whom "
                      "you contact",
    ("II", "nb"): "Ja, på Doffin (ikke i TED): verdien er over den nasjonale terskelverdien og under EØS-terskelen",
    ("II", "en"): "Yes, on Doffin (not in TED): the value is above the national threshold and below the EEA threshold",
    ("II-ted", "nb"): "Nei, ikke i TED, men på Doffin: verdien er over den nasjonale terskelverdien og under EØS-terskelen",
    ("II-ted", "en"): "No, not in TED, but on Doffin: the value is above the national threshold and below the EEA "
                      "threshold",
    ("special", "nb"): "Ja, på Doffin; om kunngjøringen også må i TED, er ikke bekreftet: over EØS-terskelen for særlige "
                       "tjenester gjelder enkelte bestemmelser i del III, trolig kunngjøringsreglene; sjekk i forskriften på "
                       "Lovdata hvilke bestemmelser i del III som gjelder for særlige tjenester",
    ("special", "en"): "Yes, on Doffin; whether the notice must also go to TED is not confirmed: above the EEA threshold "
                       "for special services some provisions of part III apply, probably the notice rules; check on Lovdata "
                       "which part III provisions the regulation applies to special services",
    ("III", "nb"): "Ja, på Doffin og i TED (via Doffin): verdien er over EØS-terskelen",
    ("III", "en"): "Yes, on Doffin and in TED (through Doffin): the value is above the EEA threshold",
    # The utilities regulation: below its EEA thresholds only the act and its part I (the competition principle
    # decides whom to contact); above them a «del II-anskaffelse», whose duty to compete is met by a notice.
    ("U-I", "nb"): "Nei, dere har ingen plikt til å kunngjøre: under EØS-terskelen gjelder bare loven og del I av "
                   "forsyningsforskriften, og konkurranseprinsippet i LOA § 4 avgjør hvor mange og hvilke leverandører "
                   "dere må kontakte",
    ("U-I", "en"): "No, you have no duty to publish a notice: below the EEA threshold only the act and part I of the "
                   "utilities regulation apply, and the competition principle in LOA section 4 decides how many and "
                   "which suppliers you must contact",
    ("U-II", "nb"): "Ja, på Doffin og i TED (via Doffin): over EØS-terskelen er dette en anskaffelse etter del II av "
                    "forsyningsforskriften, og konkurranseplikten oppfylles ved at den kunngjøres",
    ("U-II", "en"): "Yes, on Doffin and in TED (through Doffin): above the EEA threshold this is a procurement under "
                    "part II of the utilities regulation, and the duty to compete is met by publishing it",
    ("IV", "nb"): "Ja, trolig: etter EU-direktivet skal konkurransen og tildelingen kunngjøres også for helse- og "
                  "sosialtjenester i del IV, og over EØS-terskelen går kunngjøringen til TED via Doffin; hva kapittel 30 "
                  "krever, er ikke bekreftet i kildene, så sjekk ordlyden i FOA kapittel 30 på Lovdata",
    ("IV", "en"): "Yes, probably: under the EU directive the competition and the award are published for health and "
                  "social services in part IV too, and above the EEA threshold the notice goes to TED through Doffin; "
                  "what chapter 30 requires is not confirmed in the sources, so check the wording of FOA chapter 30 on "
                  "Lovdata",
}
_NOTICE_LEAD_SOURCES = {"U-I": ("guide-forsyningssektoren", "Del I og del II i forsyningsforskriften"),
                        "U-II": ("guide-forsyningssektoren", "Del I og del II i forsyningsforskriften"),
                        "health": ("guide-sarlige-tjenester", "Handlingsrom: hvem dere kontakter, forhandling og kunngjøring"),
                        "special": ("guide-sarlige-tjenester", "Hvilke deler gjelder for andre særlige tjenester"),
                        "IV": ("guide-sarlige-tjenester", "Handlingsrom: hvem dere kontakter, forhandling og kunngjøring")}
# Another yes/no in the same question goes first: «Holder det med tre tilbud, eller må vi kunngjøre?», «Er vi under
# EØS-terskelen, og må vi kunngjøre?».
_OTHER_YES_NO = (_PART_II_WILL_DO, _UNDER_EEA, _PART_II_ASKED, _SUFFICES[0])


def _notice_case(result: Assessment) -> str:
    """Which notice lead the assessment's part and services call for (a key of _NOTICE_LEADS without the language)."""
    inputs = result.inputs
    if result.regime == "utilities":
        return {"I": "U-I", "II": "U-II"}.get(result.part, "")
    if result.part == "I" and inputs.get("health_social_services", {}).get("value"):
        return "health"
    total = result.contract_value.total_nok if result.contract_value else None
    if (result.part == "II" and result.threshold.key == "eea_special_services" and total is not None
            and total >= result.threshold.value_nok):
        return "special"
    return result.part


# «Må den ut på Doffin eller TED?»: a choice between the two, which a «Ja» does not answer.
_EITHER_OR = re.compile(r"\bDoffin\s+(?:eller|or)\s+(?:i\s+|på\s+|in\s+|on\s+)?TED\b|"
                        r"\bTED\s+(?:eller|or)\s+(?:på\s+|i\s+|on\s+|in\s+)?Doffin\b", re.IGNORECASE)
_EITHER_OR_LEADS = {
    ("II", "nb"): "På Doffin, ikke i TED",
    ("II", "en"): "On Doffin, not in TED",
    ("III", "nb"): "På Doffin og i TED (via Doffin)",
    ("III", "en"): "On Doffin and in TED (through Doffin)",
    ("I", "nb"): "Verken på Doffin eller i TED er det plikt å kunngjøre",
    ("I", "en"): "Neither on Doffin nor in TED is a notice required",
    ("below", "nb"): "Verken på Doffin eller i TED er det plikt å kunngjøre",
    ("below", "en"): "Neither on Doffin nor in TED is a notice required",
}


def _either_or_lead(case: str, lead: str, lang: str) -> str:
    """The notice lead for a question that asks which of Doffin and TED: it opens with where the notice goes (or that
    neither is required) in place of the yes or no, and keeps its reason."""
    case = "II" if case == "II-ted" else case
    reason = re.sub(r"^(?:Ja|Nei|Yes|No)\b,?\s*", "", lead)
    head = _EITHER_OR_LEADS.get((case, "en" if lang == "en" else "nb"))
    if head is None:  # «Ja, trolig: …», «Nei, trolig ikke på Doffin: …»: the words after the yes or no say what holds
        return _capital(reason)
    return f"{head}: {reason.split(': ', 1)[1]}" if ": " in reason else f"{head}."


def _notice_lead(question: str, result: Assessment, renumber: _Renumber, lang: str) -> str:
    """For a yes/no question about the notice duty under the general regulation, the answer in plain words first:
    whether and where to publish (Doffin, TED), cited to the guidance on notices (and on special services for them);
    "" for other questions, other regimes, and a question whose first yes/no is about something else."""
    asked = _NOTICE_ASKED.search(question)
    if (result.regime not in ("foa", "utilities") or not asked or not is_yes_no(question)
            or any((m := p.search(question)) and m.start() < asked.start() for p in _OTHER_YES_NO)
            or (m := _OVER_EEA.search(question)) and not _TED_ONLY.fullmatch(m.group(0))):
        return ""
    case = _notice_case(result)
    if case == "II" and _TED_ONLY.search(question) and not re.search(r"\bDoffin\b", question, re.IGNORECASE):
        case = "II-ted"
    lead = _NOTICE_LEADS.get((case, "en" if lang == "en" else "nb"))
    if lead is None:
        return ""
    if _EITHER_OR.search(question) and not case.startswith("U-"):  # «Doffin eller TED?»: the alternative that holds, not a «Ja» to both
        lead = _either_or_lead(case, lead, lang)
    elif _NEGATED.search(question):  # «Trenger vi ikke kunngjøre?»: the words after the yes or no say what holds
        lead = re.sub(r"^(Ja|Nei|Yes|No)\b,?", "", lead).lstrip(" ,")
        lead = lead[:1].upper() + lead[1:]
    if case == "III" and _RESEARCH_ONLY.search(question) and re.match(r"^(Ja|Yes)\b", lead):
        # Goods produced solely for research: part III's exception from notice (FOA § 13-3) may apply.
        lead = (re.sub(r"^Yes\b", "As a rule, yes", lead) + ", unless the exception for goods produced solely for "
                "research (FOA § 13-3) applies" if lang == "en" else
                re.sub(r"^Ja\b", "Som hovedregel ja", lead) + ", med mindre unntaket for varer som produseres bare "
                "for forskning (FOA § 13-3) gjelder")
    sources = [_NOTICE_LEAD_SOURCES[case]] if case in _NOTICE_LEAD_SOURCES else []
    general = () if case == "U-I" else (_NOTICE_SOURCE,)  # the general notice guide says nothing of FOR part I
    research = (_RESEARCH_NOTICE_SOURCE,) if "(FOA § 13-3)" in lead else ()  # the exception is said: its passage too
    markers = [renumber.marker(*source) for source in (*sources, *general, *research)]
    numbers = ", ".join(dict.fromkeys(m.strip("[]") for m in markers if m))
    return _with_marker(lead + ".", f"[{numbers}]" if numbers else "")


def _notice_sentence(question: str, result: Assessment, renumber: _Renumber, lang: str) -> str:
    """For a question about the notice duty («Må vi kunngjøre …?») under the general regulation: where the
    competition is published (Doffin; TED too above the EEA thresholds) or that the part has no notice duty, cited
    to the guidance on notices. "" for other questions, other regimes and parts the guidance does not cover."""
    sentence = _NOTICE_SENTENCES.get((result.part, "en" if lang == "en" else "nb"))
    if not sentence or result.regime != "foa" or not _NOTICE_INTENT.search(question):
        return ""
    return _with_marker(sentence + ".", renumber.marker(*_NOTICE_SOURCE))


# A question that asks what to do or which procedure to choose, not only which part or threshold applies.
_ASKS_PROCEDURE = re.compile(r"\bprosedyre\w*|\bframgangsmåte\w*|\bfremgangsmåte\w*|\bhvordan\b|\bkorleis\b|"
                             r"\bhva (?:bør|skal|må) vi gjøre\b|\bkva (?:bør|skal|må) vi gjere\b|\bneste steg\b|"
                             r"\bhvor (?:skal|bør) vi (?:begynne|starte)\b|\bprocedure\w*|\bhow (?:do|should|can) we\b|"
                             r"\bwhat (?:should|do) we do\b|\bnext step", re.IGNORECASE)
# Assumptions on the need, the market and development matter for the procedure, not for the part.
_PROCESS_ASSUMPTION = re.compile(r"\bmarked\w*|\butvikl\w*|\bspesifis\w*|\bbehov\w*", re.IGNORECASE)


# The engine's sentence when no buyer is stated (advisor.assessment inputs: a state buyer is assumed).
_BUYER_ASSUMPTION = "Oppdragsgiver er ikke oppgitt."


def _buyer_matters(result: Assessment) -> bool:
    """False where the assumed buyer changes nothing: below the national threshold, which is one for all buyers, the
    part is I (or the purchase is outside the rules) whoever buys."""
    return not (result.regime == "foa" and result.part in ("below", "I"))


def _assumptions(result: Assessment, facts: CaseFacts, part_only: bool = False) -> list[str]:
    """The facts the verdict assumed rather than read, as short sentences (at most three); with `part_only`, only
    those the part rests on (buyer, contract type, value), not those on the need and the market."""
    out = [a for a in result.assumptions if not a.startswith(READ_FROM_TEXT)]
    if not _buyer_matters(result):
        out = [a for a in out if not a.startswith(_BUYER_ASSUMPTION)]
    if part_only:
        out = [a for a in out if not _PROCESS_ASSUMPTION.search(a)]
    # The need, market and development assumptions matter for the procedure, not for the part: keep those short.
    out = [a for a in out if not a.startswith("Ikke oppgitt, derfor antatt")][:3]
    out += [note for key, note in facts.notes if key in facts.inherited]
    return list(dict.fromkeys(out))  # an inherited fact is both the engine's assumption and the chat's note


# In part III the procedures with conditions are open to the buyer too, when their conditions are met.
_CONDITIONAL_III = ("negotiated", "competitive_dialogue", "innovation_partnership")


_PROCEDURE_EN: dict[str, dict[str, str]] = {
    "open": {"I": "an open competition (a voluntary notice)", "II": "open competition under part II",
             "III": "the open procedure"},
    "restricted": {"I": "a restricted competition (voluntary)", "II": "restricted competition under part II",
                   "III": "the restricted procedure"},
    "negotiated": {"I": "a competition with negotiation (a process of your own)",
                   "II": "competition with negotiation under part II",
                   "III": "the competitive procedure with negotiation after a prior notice"},
    "direct": {"below": "a direct purchase (outside the rules)",
               "I": "competition between a few suppliers with no fixed procedure"},
}
_PLAIN_EN = {"competitive_dialogue": "competitive dialogue", "innovation_partnership": "an innovation partnership",
             "pcp": "pre-commercial procurement (PCP) under the R&D exemption", "design_contest": "a design contest",
             "part_iv": "the part IV procedure (chapter 30), probably with a notice (check the wording of FOA chapter "
                        "30 on Lovdata)",
             "other_regulation": "the procedure of that regulation (the model gives no advice on it)"}


def _procedure_en(procedure: str, part: str, regime: str) -> str:
    """The English name of a procedure in the part, as the assessment's Norwegian label names it."""
    if procedure in _PLAIN_EN:
        name = _PLAIN_EN[procedure]
    else:
        by_part = _PROCEDURE_EN.get(procedure, {})
        name = (by_part.get("III") if regime == "utilities" and part == "II" else
                by_part.get(part) or by_part.get("III") or by_part.get("I")) or procedure.replace("_", " ")
    if regime == "utilities" and procedure != "other_regulation":
        name += " (utilities regulation)"
    return name


# What in a question points away from the open procedure as the default: negotiation or dialogue wanted, or a market
# the buyer does not know (the extraction reads the latter into market_has_solution).
_POINTS_ELSEWHERE = re.compile(r"\bforhandl\w*|\bnegotiat\w*|\bdialog\w*|\bdialogue\b", re.IGNORECASE)
_DEFAULT_PROCEDURES = ("open", "restricted", "tender")


def points_elsewhere(question: str, result: Assessment) -> bool:
    """True when the question gives a reason not to default to the open procedure: it wants to negotiate or hold a
    dialogue, names another procedure, says the market is unknown, or says the solution is to be adapted or
    integrated or the contract is complex (grounds in FOA § 13-2)."""
    market = result.inputs.get("market_has_solution", {})
    if market.get("value") == "unknown" and not market.get("assumed"):
        return True
    named = named_procedure(question)
    return (bool(_POINTS_ELSEWHERE.search(question)) or (named is not None and named not in _DEFAULT_PROCEDURES)
            or bool(stated_ground(question)))


_PART_IV_PROCEDURE = ("egen prosedyre etter del IV (kapittel 30), trolig med kunngjøring på Doffin (sjekk ordlyden i FOA "
                      "kapittel 30 på Lovdata) og uten minstefrister, men med en frist som er rimelig ut fra hvor "
                      "sammensatt kontrakten er")
# The check said once: a second «(sjekk … på Lovdata)» after a sentence that already says it is dropped.
_LOVDATA_CHECK = re.compile(r"(?:,? så | \(|: |; )(?:sjekk|check) (?:ordlyden i |the wording of )?(?:FOA )?"
                            r"(?:kapittel|chapter) 30 (?:på|on) Lovdata\)?")


def _one_check(text: str) -> str:
    """The text with the check of FOA chapter 30 on Lovdata said only the first time."""
    seen = False

    def keep_first(match: re.Match[str]) -> str:
        nonlocal seen
        if seen:
            return ""
        seen = True
        return match.group(0)
    return _LOVDATA_CHECK.sub(keep_first, text)


# «Vi skal opprette en dynamisk innkjøpsordning …»: the buyer has already chosen the arrangement.
_DPS = re.compile(r"\bdynamisk(?:e)?\s+innkjøpsordning\w*|\bdynamic\s+purchasing\s+system\w*", re.IGNORECASE)
_DPS_SENTENCE = ("Dere har allerede valgt en dynamisk innkjøpsordning, så prosedyren er gitt. Etter kildene er det en "
                 "ordning etter reglene i del III som skal stå åpen for nye kvalifiserte leverandører i hele perioden den "
                 "gjelder; paragrafene og de nærmere reglene har faktagrunnlaget ikke kontrollert (et svakt område), så "
                 "sjekk forskriften og DFØs veiledning.",
                 "You have already chosen a dynamic purchasing system, so the procedure is given. According to our "
                 "sources it is an arrangement under the part III rules that must stay open to new qualified suppliers "
                 "for its whole term; the fact base has not checked its provisions and detailed rules (a weak area), so "
                 "check the regulation and DFØ's guidance.")
# The passages that back the two: the guide's account of the arrangement (itself marked unverified), the part III
# grounds without notice (FOA § 13-3, goods made only for research) and the R&D exemption (FOA § 2-5). Not the
# general procedure passages the choice of procedure cites: they say nothing of either.
_DPS_SOURCE = ("guide-dynamisk-innkjopsordning", "Hvordan ordningen vanligvis beskrives")
_RESEARCH_NOTICE_SOURCE = ("guide-anskaffelser-uten-konkurranse", "Hjemlene i del III")
_RD_EXEMPTION_SOURCE = ("guide-anskaffelser-uten-konkurranse", "FoU-kontrakter etter FOA § 2-5")
# «en prototyp … som bare skal brukes i ett forskningsprosjekt», «goods made solely for research»: goods for research only.
_RESEARCH_ONLY = re.compile(r"\b(?:bare|kun|berre|utelukkende|ene og alene|only|solely|exclusively)\b[^.?!]{0,50}?"
                            r"\b(?:forskning\w*|forsking\w*|forskingsprosjekt\w*|research)\b|"
                            r"\b(?:forskning|forsking|research)\w*\s+(?:alene|only)\b", re.IGNORECASE)
# «Vi betaler alt og får alle rettighetene»: the buyer pays the whole cost and keeps the whole benefit.
_PAYS_ALL = re.compile(r"\b(?:betaler|dekker|finansierer|pay|fund)\w*\s+(?:alt|alle|hele|everything|all|the whole)\b",
                       re.IGNORECASE)
_KEEPS_ALL = re.compile(r"\b(?:alle|hele|all)\s+(?:rettighet\w*|retten\w*|rights|nytten|resultat\w*|IPR)\b", re.IGNORECASE)


def _research_only_sentence(question: str, result: Assessment, lang: str = "nb",
                            renumber: _Renumber | None = None) -> str:
    """Goods made only for research: the exception from notice (FOA § 13-3, part III: negotiated procedure without
    prior notice, still a competition) and the R&D exemption (§ 2-5), whose second condition fails when the buyer pays
    everything and keeps all the rights (reference main §1.10, NFD-veileder ch. 18.2.1), each part marked with the
    passage that says it when `renumber` is given. "" when the text says neither."""
    if not _RESEARCH_ONLY.search(question):
        return ""
    en = lang == "en"

    def marked(part: str, source: tuple[str, str]) -> str:
        marker = renumber.marker(*source) if renumber is not None else ""
        return f"{part} {marker}" if marker else part

    parts = []
    if result.part == "III":
        parts.append(marked("Goods produced solely for research can be a ground in FOA § 13-3 for a negotiated procedure "
                            "without prior notice (you must still hold a competition); check that the purchase meets it"
                            if en else
                            "Varer som produseres bare for forskningsformål, kan gi grunnlag etter FOA § 13-3 for "
                            "konkurranse med forhandling uten forutgående kunngjøring (dere må fortsatt ha konkurranse); "
                            "kontroller at kjøpet oppfyller vilkåret", _RESEARCH_NOTICE_SOURCE))
    fails = _PAYS_ALL.search(question) and _KEEPS_ALL.search(question)
    if en:
        parts.append(marked("the R&D exemption in FOA § 2-5 requires both that the contract is mainly R&D and that you "
                            "do not pay the whole cost or do not keep the whole benefit" + (
                                ", so it does not apply when you pay everything and get all the rights" if fails else ""),
                            _RD_EXEMPTION_SOURCE))
    else:
        parts.append(marked("FoU-unntaket i FOA § 2-5 krever både at kontrakten hovedsakelig er forskning og utvikling, "
                            "og at dere ikke betaler hele kostnaden eller ikke får hele nytten selv" + (
                                ", så det gjelder ikke når dere betaler alt og får alle rettighetene" if fails else ""),
                            _RD_EXEMPTION_SOURCE))
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."


def _backed_procedure_sentence(question: str, result: Assessment, renumber: _Renumber, lang: str) -> str:
    """The sentence on a procedure the buyer has already set (a dynamic purchasing system) or on goods made only for
    research, in place of the choice of procedure, cited to the passages that say it (not to the general procedure
    passages); "" when the question is about neither."""
    if _DPS.search(question) and result.regime == "foa" and result.part in ("II", "III"):
        return _with_marker(_DPS_SENTENCE[lang == "en"], renumber.marker(*_DPS_SOURCE))
    return _research_only_sentence(question, result, lang, renumber)


def _procedure_sentence(result: Assessment, lang: str = "nb", question: str = "") -> str:
    """The procedure as a choice, not as the one procedure: what the facts point to, and the others allowed.

    «Dere kan velge prosedyre: åpen eller begrenset anbudskonkurranse (…); ingenting i opplysningene peker mot noe
    annet, så åpen anbudskonkurranse er det vanlige utgangspunktet …». The open procedure is named only as a default,
    and not at all when the question points elsewhere (negotiation wanted, the market unknown): then the choice is
    listed alone. A part without a choice (part IV, another regulation) names its procedure alone.
    """
    en = lang == "en"
    chosen = _procedure_en(result.procedure, result.part, result.regime) if en else result.procedure_label
    if result.procedure == "part_iv" and not en:
        # The notice duty in chapter 30 is not confirmed in the sources: said as probable, with where to check it.
        chosen = _PART_IV_PROCEDURE
    others = [_procedure_en(alt.procedure, result.part, result.regime) if en else alt.label
              for alt in result.alternatives if alt.label != result.procedure_label]
    if not others:
        return f"The procedure: {chosen}." if en else f"Aktuell prosedyre: {chosen}."
    named = [chosen, *others]
    listed = ", ".join(named[:-1]) + (f" or {named[-1]}" if en else f" eller {named[-1]}")
    extra = ""
    if result.part == "III" and result.regime == "foa":
        listed_keys = {result.procedure, *(alt.procedure for alt in result.alternatives)}
        conditional = [procedure_name(p, "III", lang) for p in _CONDITIONAL_III if p not in listed_keys]
        if conditional:
            names = (", ".join(conditional[:-1]) + ((" and " if en else " og ") if len(conditional) > 1 else "")
                     + conditional[-1])
            extra = (f" ({names} require that their conditions are met)" if en else
                     f" ({names} krever at vilkårene for dem er oppfylt)")
    # Why the one the facts point to: the assessment assumes the solution exists and can be described.
    why = any("løsningen finnes" in reason for reason in result.procedure_reasons)
    default = result.procedure in _DEFAULT_PROCEDURES
    if default and points_elsewhere(question, result):
        market = result.inputs.get("market_has_solution", {}).get("value") == "unknown"
        if en:
            after = " Which one fits depends on what the market can deliver: find out in a market dialogue first." if market else ""
            return f"You can choose the procedure: {listed}{extra}.{after}"
        after = (" Hvilken som passer, avhenger av hva markedet kan levere: finn det ut i en markedsdialog først."
                 if market else "")
        return f"Dere kan velge prosedyre: {listed}{extra}.{after}"
    if en:
        because = ", as long as what you buy exists on the market and can be described precisely" if why else ""
        if default:
            return (f"You can choose the procedure: {listed}{extra}; nothing in the facts points elsewhere, so {chosen} "
                    f"is the usual default (a starting point, not a requirement){because}.")
        return f"You can choose the procedure: {listed}{extra}; from the facts given, {chosen} fits best{because}."
    because = ", så lenge det dere skal kjøpe, finnes i markedet og kan beskrives presist" if why else ""
    if default:
        return (f"Dere kan velge prosedyre: {listed}{extra}; ingenting i opplysningene peker mot noe annet, så "
                f"{result.procedure_label} er det vanlige utgangspunktet (et standardvalg, ikke et krav){because}.")
    return (f"Dere kan velge prosedyre: {listed}{extra}; ut fra opplysningene passer {result.procedure_label} "
            f"best{because}.")


# Said under a rules answer to a question that states no fact of the case, in the buyer's words (no command names): the
# verdict follows from the stated facts.
RULES_NOTE = {"nb": "Svaret bygger på opplysningene i spørsmålet (oppdragsgiver, verdi og hva som kjøpes); andre "
                    "opplysninger kan gi et annet svar.",
              "en": "The answer rests on the facts stated in the question (buyer, value and what is bought); other "
                    "facts can give a different answer."}
_NAMED_LEAD = ("Om %s:", "On %s:")
# A part II procedure named for a purchase in part III: say that it is not available before what may be used instead.
# The part II procedure, in bokmål and nynorsk, or a competition said to run under part II («etter del II»).
_PART_II_PROCEDURE = re.compile(r"\btilb[uo]dskonkurranse\w*|\b(?:etter|i) del (?:II|2)\b(?!\s+(?:og|eller)\b)",
                                re.IGNORECASE)
_PART_II_ONLY = ("Tilbudskonkurranse, med eller uten forhandling, er prosedyren i del II (FOA § 8-3) og kan ikke brukes "
                 "når del III gjelder.",
                 "A «tilbudskonkurranse», with or without negotiation, is the part II procedure (FOA § 8-3) and cannot be "
                 "used when part III applies.")


# --- a question that asks several things -------------------------------------------------------------------------

# «1) hvilken del og hvilken prosedyre, 2) korteste tilbudsfrist, 3) kan vi forhandle …?», «Which part applies, do we
# have to publish in TED, and what are the time limits …?»: each thing asked is answered, the part first, then the
# others in the order asked. The clauses are cut at «?», «;», «:», a numbered item and «, og» / «, and».
_CLAUSE = re.compile(r"[?;:]\s*|,\s+(?:(?:og|and)\s+)?|\s+og\s+(?=(?:hva|hvilke[nt]?|kva|kor|hvor|when|what|which|how|do|"
                     r"must|can|kan|må)\b)|\s*\b\d\)\s*", re.IGNORECASE)
_ASKS_PART = re.compile(r"\bwhich part\b|\bpart of the (?:procurement )?regulation\b|\bwhich rules\b|"
                        r"\bhvilke[nt]? (?:del|deler|regler|regelverk|terskel\w*)\b|\bkva(?: for)? (?:ein |ei )?(?:del|delar|reglar|regelverk|terskel\w*)\b|"
                        r"\b(?:which|what) thresholds?\b|"
                        r"\bdel(?:er|ar)? av (?:forskriften|forskrifta|regelverket)\b|\b(?:over|under|above|below) (?:the )?(?:EØS-?|EEA )?"
                        r"(?:terskel\w*|threshold)|\bEØS-?terskel\w*|\bEEA threshold\b", re.IGNORECASE)
_ASKS_WHICH_PROCEDURE = re.compile(r"\bhvilke[nt]? (?:prosedyre\w*|framgangsmåte\w*|fremgangsmåte\w*|anskaffelsesprosedyre\w*)|"
                                   r"\bkva(?: for)? (?:ein |ei )?(?:prosedyr\w*|framgangsmåt\w*)|\b(?:which|what) (?:procurement )?"
                                   r"procedure\b", re.IGNORECASE)
# Negotiating after the tenders are in («forhandle pris med de to beste etter at tilbudene er åpnet»).
_ASKS_NEGOTIATE_AFTER = re.compile(
    r"\b(?:forhandl\w*|negotiat\w*)\b[^?]{0,80}?(?:\better at (?:tilbudene|tilboda|tilbodene|anbudene) (?:er|vart|blei|ble|"
    r"har blitt|har kome|har kommet) (?:åpnet|opna|opnet|opnde|mottatt|motteke|levert|kommet inn|kome inn)|"
    r"\better (?:tilbudsåpning\w*|åpning\w*|opning\w*)|\bmed (?:de|dei|den) (?:to |tre |\d )?beste\b|"
    r"\bafter (?:the )?(?:tenders|bids|offers) (?:are|were|have been) (?:opened|received|in)\b|\bafter (?:the )?opening\b|"
    r"\bwith the (?:two |three |\d )?best\b|"
    # «Kan vi forhandle hvis vi velger åpen anbudskonkurranse?»: negotiating inside an open or restricted procedure
    r"\b(?:i|hvis|dersom|når|om|in|if)\s+(?:vi\s+|we\s+)?(?:velger|bruker|kjører|gjennomfører|use|run|choose)?\s*(?:en\s+|an?\s+)?"
    r"(?:åpen|åpent|open|begrenset|restricted)\s+(?:anbud|anbod|tender|procedure)\w*)", re.IGNORECASE)
# «Har vi grunnlag for konkurranse med forhandling?», «Finst det heimel for dialog?», «Do we have grounds for …?»: whether
# a ground in FOA § 13-2 holds, a yes or no on the procedure (answered with the grounds), not a request for the list.
_HAS_GROUNDS = re.compile(r"^\s*(?:har (?:vi|dere|man|me)|finnes det|fins det|finst det|er det|do we have|are there|is there)"
                          r"\s+(?:\w+\s+)?(?:grunnlag|heimel|hjemmel|grounds?|legal basis)\b", re.IGNORECASE)
# Asked as a choice between procedures: «eller passer konkurransepreget dialog bedre?», «which is better …?».
_WHICH_FITS = re.compile(r"\b(?:bedre|best|passer|passar|egner|eignar|heller|velge|velje|better|suits?|prefer\w*|choose)\b",
                         re.IGNORECASE)
# What the facts say about FOA § 13-2: a solution to adapt or integrate points to ground 1, a complex contract to 3.
_STATED_ADAPTATION = re.compile(r"\b(?:tilpasses|tilpassast|tilpassing\w*|tilpasning\w*|integreres|integrerast|integrer(?:e|ing)\w*|"
                                r"integrasjon\w*|skreddersy\w*|adapted|adaptation|integrat\w*|customi[sz]\w*)\b", re.IGNORECASE)
_STATED_COMPLEXITY = re.compile(r"\bkompleks\w*|\bsammensatt\w*|\bcomplex\w*", re.IGNORECASE)
_GROUND_POINTED = {
    "adaptation": ("Det dere beskriver, at løsningen skal tilpasses og integreres, peker mot vilkår 1: behovet kan ikke "
                   "dekkes uten at løsninger som finnes, tilpasses. Skriv ned hvorfor tilpasningen er nødvendig, så "
                   "vurderingen er dokumentert.",
                   "What you describe, a solution to be adapted and integrated, points to ground 1: the need cannot be "
                   "met without adapting solutions that exist. Write down why the adaptation is needed, so the "
                   "assessment is documented."),
    "complexity": ("Det dere beskriver om kompleksiteten, peker mot vilkår 3: kontraktens art eller kompleksitet gjør "
                   "forhandlinger nødvendige. Skriv ned hvorfor, så vurderingen er dokumentert.",
                   "What you describe of the complexity points to ground 3: the nature or complexity of the contract "
                   "makes negotiation necessary. Write down why, so the assessment is documented."),
}
_GROUND_POINTED_RULES = {"adaptation": "R-GROUND-ADAPTATION", "complexity": "R-GROUND-COMPLEXITY"}


def stated_ground(text: str) -> str:
    """The FOA § 13-2 ground the stated facts point to: "adaptation" (a solution to adapt or integrate), "complexity",
    or "" when the text says neither."""
    if _STATED_ADAPTATION.search(text):
        return "adaptation"
    return "complexity" if _STATED_COMPLEXITY.search(text) else ""


# «Kva for grunnlag må vi ha?», «Hvilke vilkår må være oppfylt?», «On what grounds …?»
_ASKS_GROUNDS = re.compile(r"\b(?:hva|hvilke[nt]?|kva|which|what)\b(?: for)?\s+(?:\w+\s+)?(?:grunnlag|vilkår|hjemmel|"
                           r"grounds?|conditions?|justifications?)\b|"
                           # «Hva (skal/må) til for å bruke …?», «Kva krevst for …?», «What does it take to use …?»
                           r"\b(?:hva|kva)\s+(?:skal|må|trengs|trengst)\s+til\s+for\b|\b(?:hva|kva)\s+(?:kreves|krevst)\s+for\b|"
                           r"\bwhat does it take\b", re.IGNORECASE)
_CONDITIONAL = ("negotiated", "competitive_dialogue", "innovation_partnership")
_GROUND_RULES = ("R-GROUND-ADAPTATION", "R-GROUND-INNOVATIVE", "R-GROUND-COMPLEXITY", "R-GROUND-SPECIFICATION",
                 "R-GROUND-FAILED")
_GROUNDS_TEXT = (
    ("Konkurranse med forhandling og konkurransepreget dialog krever at minst ett av de fem vilkårene i FOA § 13-2 er "
     "oppfylt: 1) behovet kan ikke dekkes uten at løsninger som finnes, tilpasses; 2) anskaffelsen omfatter design eller "
     "innovative løsninger; 3) kontraktens art, kompleksitet, rettslige eller økonomiske oppbygning eller risiko gjør "
     "forhandlinger nødvendige; 4) spesifikasjonene kan ikke fastsettes presist nok ved å vise til en standard eller "
     "teknisk referanse; 5) en tidligere åpen eller begrenset anbudskonkurranse ga bare uakseptable tilbud.",
     "Det er dere som må vise at vilkåret er oppfylt, og vurderingen skal dokumenteres."),
    ("The competitive procedure with negotiation and competitive dialogue require at least one of the five grounds in "
     "FOA § 13-2: 1) the need cannot be met without adapting solutions that exist; 2) the purchase includes design or "
     "innovative solutions; 3) the nature, complexity, legal or financial make-up of the contract or its risks make "
     "negotiation necessary; 4) the specifications cannot be set precisely enough by reference to a standard or "
     "technical reference; 5) an earlier open or restricted procedure produced only unacceptable tenders.",
     "It is for you to show that the ground is met, and the assessment must be documented."),
)
_WHICH_PROCEDURE_III = ("Den vanlige prosedyren er åpen eller begrenset anbudskonkurranse: de er alltid tillatt i del III "
                        "og krever ingen særskilt begrunnelse (FOA § 13-1 første ledd).",
                        "The normal choice is the open or the restricted procedure: they are always allowed in part III "
                        "and need no special justification (FOA § 13-1 first paragraph).")
_NEEDS_GROUND = ("Konkurranse med forhandling og konkurransepreget dialog krever et vilkår i FOA § 13-2, som et vanlig "
                 "standardkjøp sjelden oppfyller.",
                 "The competitive procedure with negotiation and competitive dialogue need a ground in FOA § 13-2, which "
                 "an ordinary standard purchase seldom meets.")
_NO_NEGOTIATION_III = ("Nei: i åpen og begrenset anbudskonkurranse er det ikke lov å forhandle om tilbudene, heller ikke om "
                       "prisen etter at tilbudene er åpnet.",
                       "No: in the open and restricted procedures you may not negotiate on the tenders, not even on the "
                       "price after the tenders are opened.")
_NEGOTIATE_FROM_START = ("Vil dere forhandle, må dere velge konkurranse med forhandling fra starten og si det i "
                         "kunngjøringen, og det krever et vilkår i FOA § 13-2.",
                         "To negotiate, you must choose the competitive procedure with negotiation from the start and "
                         "say so in the notice, which needs a ground in FOA § 13-2.")
_NEGOTIATION_II = ("Bare hvis dere har opplyst på forhånd i kunngjøringen eller konkurransegrunnlaget at dere vil "
                   "forhandle: da er forhandling i en tilbudskonkurranse etter del II vanlig lagt til grunn som lov, "
                   "men paragrafen er ikke bekreftet i kildene (sjekk ordlyden i FOA del II på Lovdata); uten et slikt forbehold kan dere ikke forhandle etter at tilbudene "
                   "er åpnet.",
                   "Only if the notice or the tender documents said in advance that you would negotiate: then negotiation "
                   "in a part II tilbudskonkurranse is commonly taken to be allowed, but the provision is not confirmed in "
                   "the sources (check the wording of FOA part II on Lovdata); "
                   "without such a reservation you cannot negotiate after the tenders are opened.")
_STATE_NO_SHORTER = ("Som statlig oppdragsgiver kan dere ikke avtale en kortere tilbudsfrist i begrenset "
                     "anbudskonkurranse.",
                     "As a central government buyer you cannot agree a shorter tender deadline in the restricted "
                     "procedure.")


@dataclasses.dataclass
class _Asked:
    """One thing a question asks (its kind), where in the question it is asked, and the clause that asks it."""

    kind: str
    position: int
    clause: str


def _asked_things(question: str) -> list[_Asked]:
    """What the question asks, each once, in the order asked: part, notice, procedure, choice, time limits,
    negotiation after opening, grounds."""
    found: dict[str, _Asked] = {}
    position = 0
    sentences = split_sentences(question.strip())
    for clause in _CLAUSE.split(question):
        position += 1
        if not clause or not clause.strip():
            continue
        named = {m.lastgroup for m in _PROCEDURE.finditer(clause)}
        if named & set(_CONDITIONAL) and not found.get("choice"):
            # «Kan vi nytta konkurranse med forhandling, eller må vi køyra open anbodskonkurranse?»: the whole sentence
            # is one choice, its other half included
            clause = next((s for s in sentences if clause.strip() in s), clause)
        checks = (
            # «What are the minimum time limits above the EEA threshold?»: the threshold qualifies the question
            # «Kan vi då følgje dei enklare reglane i del II?»: whether a lower part's rules may be followed
            ("part", bool(_ASKS_PART.search(clause) or (_LOWER_PART_RULES.search(clause) and is_yes_no(clause)))
             and not _ASKS_DEADLINE.search(clause)),
            ("notice", bool(_NOTICE_ASKED.search(clause)) and not _NOT_ASKED.search(clause)),
            ("procedure", bool(_ASKS_WHICH_PROCEDURE.search(clause))),
            ("time_limits", bool(_ASKS_DEADLINE.search(clause)) and not asks_standstill(clause)),
            ("negotiate_after", bool(_ASKS_NEGOTIATE_AFTER.search(clause))),
            ("grounds", bool(_ASKS_GROUNDS.search(clause))),
            ("choice", bool(named & set(_CONDITIONAL)) and not _ASKS_NEGOTIATE_AFTER.search(clause)
             and not _ASKS_GROUNDS.search(clause)),
        )
        for kind, hit in checks:
            if hit and kind not in found:
                found[kind] = _Asked(kind, position, clause.strip())
    # «Kan vi nytta konkurranse med forhandling, eller må vi køyra open anbodskonkurranse?» is one choice
    if "negotiate_after" in found and "choice" in found and found["choice"].position == found["negotiate_after"].position:
        found.pop("choice")
    return sorted(found.values(), key=lambda a: a.position)


def _asks_several(question: str) -> list[_Asked]:
    """The things asked, when the question asks something only this composition answers: time limits together with
    the part, the notice or the procedure; negotiation after the tenders are opened; or the grounds for a procedure
    with conditions. [] otherwise (the other routes of rules_answer answer it)."""
    asked = _asked_things(question)
    kinds = {a.kind for a in asked}
    grounds = "grounds" in kinds and ({"choice", "procedure"} & kinds or named_procedure(question) in _CONDITIONAL
                                      or re.search(r"\b(?:forhandl\w*|negotiat\w*|dialog\w*)", question, re.I))
    # «Kan vi bruke konkurranse med forhandling eller konkurransepreget dialog?»: several procedures with conditions in
    # one yes/no question, which the route for one named procedure (asked_procedure) leaves aside.
    # «Har vi grunnlag for konkurranse med forhandling?»: whether the grounds hold for the one procedure named.
    several_conditional = any(a.kind == "choice" and (len(_conditional_named(a.clause)) > 1 or _asks_has_grounds(a.clause))
                              for a in asked)
    if ("time_limits" in kinds and kinds & {"part", "notice", "procedure", "negotiate_after", "choice"}) \
            or "negotiate_after" in kinds or grounds or several_conditional or _asks_choice_with_finding(question):
        return asked
    return []


def _asks_has_grounds(clause: str) -> bool:
    """True for a clause one of whose sentences asks whether there are grounds («Har vi grunnlag for …?»)."""
    return any(_HAS_GROUNDS.match(s) for s in split_sentences(clause.strip()))


def _conditional_named(clause: str) -> list[str]:
    """The procedures with conditions (negotiation, dialogue, innovation partnership) a clause names, in order."""
    return list(dict.fromkeys(str(m.lastgroup) for m in _PROCEDURE.finditer(clause) if m.lastgroup in _CONDITIONAL))


# A market dialogue told in other words («Dialogen med markedet viste at …», «Etter dialog med leverandørene ser vi at
# det finnes …», «Markedsdialogen har vist at …»): read as the dialogue's finding («Markedsdialogen viste at …»).
_SURVEY_SAID = re.compile(
    r"\b(?:(?P<after>etter|gjennom|i|fra|frå)\s+)?(?:(?:dialogen|dialog|samtalene|samtaler|møtene|møter)\s+(?:med|mot)\s+"
    r"(?:markedet|marknaden|leverandørene|leverandørane|leverandører|bransjen|aktørene)|markedsdialog(?:en)?|"
    r"marknadsdialog(?:en)?)\b(?(after)(?:\s*,)?\s+(?:ser|vet|veit|fant|fann|har)\s+(?:vi|me)(?:\s+(?:sett|funnet|"
    r"funne|erfart|lært))?|\s+(?:har\s+vist|viste|synte|har\s+synt))(?=\s+at\b)", re.IGNORECASE)


def _as_survey_finding(match: re.Match[str]) -> str:
    return "Markedsdialogen viste" if match.group(0)[:1].isupper() else "markedsdialogen viste"


# What a market dialogue or survey is said to have shown: no solution, solutions to adapt, or solutions as they are.
def market_seen(text: str) -> str:
    """What a market dialogue or survey the text mentions showed, as the assessment's reader reads the case
    (`market_has_solution` when `market_dialogue_done`): "no" (nothing on the market meets the need),
    "with_adaptation" (solutions exist that meet it with adaptation), "yes" (solutions exist), "" when the text names
    no dialogue or survey that showed something, or states no finding."""
    values = extract_case(_SURVEY_SAID.sub(_as_survey_finding, text)).values
    if values.get("market_dialogue_done") is not True:
        return ""
    found = values.get("market_has_solution")
    return found if found in ("yes", "with_adaptation", "no") else ""


_RECOMMEND = {
    "with_adaptation": (
        "Velg {pick}: markedsdialogen viste at løsninger som finnes, kan dekke behovet med tilpasning.",
        "Choose {pick}: the market dialogue showed that existing solutions can meet the need with adaptation."),
    "yes": (
        "Velg åpen eller begrenset anbudskonkurranse: markedsdialogen viste at løsninger som finnes, dekker behovet. Da "
        "er innovasjonspartnerskap utelukket (FOA § 13-1 tredje ledd), og {named} krever et vilkår i FOA § 13-2, som "
        "kjøp av en løsning som finnes, sjelden oppfyller.",
        "Choose the open or restricted procedure: the market dialogue showed that existing solutions meet the need. An "
        "innovation partnership is then ruled out (FOA § 13-1 third paragraph), and {named} need a ground in FOA § 13-2, "
        "which buying an existing solution seldom meets."),
    "no": (
        "Velg {pick}: markedsdialogen viste at ingen løsning i markedet dekker behovet.",
        "Choose {pick}: the market dialogue showed that no solution on the market meets the need."),
}
_IP_RULED_OUT = ("Innovasjonspartnerskap er da utelukket: det kan bare brukes når behovet ikke kan dekkes av løsninger "
                 "som allerede finnes i markedet, heller ikke med mindre tilpasninger (FOA § 13-1 tredje ledd).",
                 "An innovation partnership is then ruled out: it may only be used when the need cannot be met by "
                 "solutions already on the market, also not with minor adaptation (FOA § 13-1 third paragraph).")


def _ip_ruled_out(result: Assessment, renumber: _Renumber, lang: str) -> str:
    """«Om innovasjonspartnerskap: nei, markedsdialogen viste …»: the verdict on an innovation partnership the buyer
    asks about although its market dialogue found solutions (FOA § 13-1 third paragraph), in a single or a compound
    question alike."""
    en = lang == "en"
    lead = _NAMED_LEAD[en] % procedure_name("innovation_partnership", result.part, lang)
    found = ("no, the market dialogue showed that solutions on the market can meet the need." if en else
             "nei, markedsdialogen viste at løsninger som finnes i markedet, kan dekke behovet.")
    return _with_marker(f"{lead} {found} {_IP_RULED_OUT[en]}", renumber.rules(("R-PROC-INNOVATION-PARTNERSHIP",)))


def _found_solutions(asked: list[_Asked], case_text: str) -> bool:
    """True when a compound question names an innovation partnership and the message says its market dialogue found
    solutions that meet the need (as they are or adapted), which rules the partnership out."""
    return any("innovation_partnership" in _conditional_named(a.clause) for a in asked if a.kind in ("choice", "grounds")) \
        and market_seen(case_text) in ("yes", "with_adaptation")


_ADAPTATION_GROUND = ("At tilgjengelige løsninger må tilpasses, er det første vilkåret for konkurranse med forhandling og "
                      "konkurransepreget dialog i FOA § 13-2.",
                      "That available solutions must be adapted is the first ground for the competitive procedure with "
                      "negotiation and competitive dialogue in FOA § 13-2.")
_DIALOGUE_INSTEAD = ("Velg konkurransepreget dialog i stedet bare hvis dere ikke kan beskrive løsningen presist nok til å "
                     "be om tilbud; skriv ned i protokollen hva markedsdialogen viste og hvorfor tilpasningen trengs.",
                     "Choose competitive dialogue instead only if you cannot describe the solution precisely enough to "
                     "ask for tenders; record what the market dialogue showed and why the adaptation is needed.")
_IP_FITS = ("Det er vilkåret for innovasjonspartnerskap i FOA § 13-1 tredje ledd: dere kan få utviklet løsningen og kjøpe "
            "resultatet i samme anskaffelse; dokumenter i protokollen hva markedsdialogen viste.",
            "That is the condition for an innovation partnership in FOA § 13-1 third paragraph: you can have the solution "
            "developed and buy the result in the same procurement; record what the market dialogue showed.")
_NONE_GROUND = ("Uten en løsning i markedet omfatter anskaffelsen innovative løsninger, vilkår 2 i FOA § 13-2; "
                "dokumenter hva markedsdialogen viste.",
                "With no solution on the market the purchase includes innovative solutions, ground 2 in FOA § 13-2; "
                "record what the market dialogue showed.")


def _choice_between(clause: str) -> list[str]:
    """The procedures with conditions a clause asks to choose between («Bør vi velge konkurransepreget dialog eller
    konkurranse med forhandling?», «… forhandling eller åpen anbudskonkurranse?»); [] when it names no such choice."""
    named = _conditional_named(clause)
    if len(named) < 2 and not (named and re.search(r"\b(?:åpen|open|begrenset|restricted|anbud\w*)\b", clause, re.I)):
        return []
    if not (_WHICH_FITS.search(clause) or re.search(r"\b(?:eller|or)\b", clause, re.I)):
        return []
    return named


def _asks_choice_with_finding(question: str) -> bool:
    """True for a choice between named procedures in a message that says what a market dialogue showed: the rules
    give the recommendation, with or without a question for time limits or grounds beside it."""
    return any(a.kind == "choice" and _choice_between(a.clause) for a in _asked_things(question)) \
        and bool(market_seen(question))


_RECOMMEND_II = {
    "with_adaptation": (
        "Velg tilbudskonkurranse med forhandling etter del II: markedsdialogen viste at løsninger som finnes, kan dekke "
        "behovet med tilpasning, og i del II kan dere forhandle når det er opplyst på forhånd i kunngjøringen eller "
        "konkurransegrunnlaget (vanlig lagt til grunn; paragrafen er ikke verifisert).",
        "Choose a part II tilbudskonkurranse with negotiation: the market dialogue showed that existing solutions can "
        "meet the need with adaptation, and in part II you may negotiate when the notice or the tender documents say "
        "so in advance (commonly assumed; the provision is not verified)."),
    "no": (
        "Velg tilbudskonkurranse med forhandling etter del II: markedsdialogen viste at ingen løsning i markedet dekker "
        "behovet, og i del II kan dere forhandle om løsningen når det er opplyst på forhånd i kunngjøringen eller "
        "konkurransegrunnlaget (vanlig lagt til grunn; paragrafen er ikke verifisert).",
        "Choose a part II tilbudskonkurranse with negotiation: the market dialogue showed that no solution on the market "
        "meets the need, and in part II you may negotiate on the solution when the notice or the tender documents say "
        "so in advance (commonly assumed; the provision is not verified)."),
    "yes": (
        "Velg åpen eller begrenset tilbudskonkurranse etter del II (FOA § 8-3): markedsdialogen viste at løsninger som "
        "finnes, dekker behovet.",
        "Choose the open or restricted tilbudskonkurranse of part II (FOA § 8-3): the market dialogue showed that "
        "existing solutions meet the need."),
}
_IP_FITS_II = ("Velg innovasjonspartnerskap: markedsdialogen viste at ingen løsning i markedet dekker behovet, som er "
               "vilkåret i FOA § 13-1 tredje ledd; prosedyren følger reglene i del III også under EØS-terskelen.",
               "Choose an innovation partnership: the market dialogue showed that no solution on the market meets the "
               "need, the condition in FOA § 13-1 third paragraph; the procedure follows the part III rules also below "
               "the EEA threshold.")
_PART_III_ONLY = ("{names} {is_a} etter del III: del II har åpen og begrenset tilbudskonkurranse (FOA § 8-3), der dere "
                  "kan ha dialog og forhandle med leverandørene når det er opplyst på forhånd.",
                  "{names} {is_a} under part III: part II has the open and restricted tilbudskonkurranse (FOA § 8-3), "
                  "where you may hold dialogue and negotiate with the suppliers when this is said in advance.")
_IS_A = {("nb", 1): "er som egen prosedyre en prosedyre", ("nb", 2): "er som egne prosedyrer prosedyrer",
         ("en", 1): "is as such a procedure", ("en", 2): "are as such procedures"}


def _recommended_choice_ii(named: list[str], seen: str, renumber: _Renumber, lang: str) -> tuple[str, tuple[str, ...]]:
    """The recommendation between named procedures in part II: a part II tilbudskonkurranse, with negotiation when
    solutions must be adapted or do not exist, and dialogue and innovation partnership named as part III procedures
    (an innovation partnership when nothing on the market meets the need, by part III's rules)."""
    en = lang == "en"
    if seen == "no" and "innovation_partnership" in named:
        return (_with_marker(_IP_FITS_II[en], renumber.rules(("R-PROC-INNOVATION-PARTNERSHIP", "R-IP-PART-III-RULES"))),
                ("innovation_partnership",))
    rules = ("R-PROC-PART-II-OPEN",) if seen == "yes" else ("R-PROC-PART-II-NEGOTIATION",)
    sentences = [_with_marker(_RECOMMEND_II[seen][en], renumber.rules(rules))]
    part_iii = [p for p in named if p in ("competitive_dialogue", "innovation_partnership")]
    if part_iii:
        names = _capital((" and " if en else " og ").join(procedure_name(p, "III", lang) for p in part_iii))
        is_a = _IS_A[("en" if en else "nb", min(len(part_iii), 2))]
        sentences.append(_with_marker(_PART_III_ONLY[en].format(names=names, is_a=is_a),
                                      renumber.rules(("R-PROC-PART-II-OPEN",))))
    return " ".join(sentences), ("negotiated",) if seen != "yes" else ("open", "restricted")


def _recommended_choice(asked: list[_Asked], case_text: str, result: Assessment, renumber: _Renumber,
                        lang: str) -> tuple[str, tuple[str, ...]] | None:
    """A recommendation between the procedures a choice question names («Bør vi velge innovasjonspartnerskap,
    konkurransepreget dialog eller konkurranse med forhandling?») that applies what the market dialogue in
    `case_text` showed, with the procedures whose time limits matter; None without a stated finding, with fewer
    than two procedures named, or outside parts II and III (part II: `_recommended_choice_ii`)."""
    if result.part not in ("II", "III") or result.regime != "foa":
        return None
    named = _choice_between(" ".join(a.clause for a in asked if a.kind == "choice"))
    if not named:
        return None
    seen = market_seen(case_text)
    if not seen:
        return None
    if result.part == "II":
        return _recommended_choice_ii(named, seen, renumber, lang)
    en = lang == "en"
    sentences = []
    if seen == "with_adaptation":
        pick = "negotiated" if "negotiated" in named or "competitive_dialogue" not in named else "competitive_dialogue"
        sentences.append(_RECOMMEND[seen][en].format(pick=procedure_name(pick, "III", lang)))
        if "innovation_partnership" in named:
            sentences.append(_with_marker(_IP_RULED_OUT[en], renumber.rules(("R-PROC-INNOVATION-PARTNERSHIP",))))
        sentences.append(_with_marker(_ADAPTATION_GROUND[en], renumber.rules(("R-GROUND-ADAPTATION",))))
        if pick == "negotiated":
            sentences.append(_DIALOGUE_INSTEAD[en])
        limits = ("negotiated", "competitive_dialogue")
    elif seen == "no":
        pick = "innovation_partnership" if "innovation_partnership" in named else named[0]
        sentences.append(_RECOMMEND[seen][en].format(pick=procedure_name(pick, "III", lang)))
        if pick == "innovation_partnership":
            sentences.append(_with_marker(_IP_FITS[en], renumber.rules(("R-PROC-INNOVATION-PARTNERSHIP",))))
        else:
            sentences.append(_with_marker(_NONE_GROUND[en], renumber.rules(("R-GROUND-INNOVATIVE",))))
        limits = (pick,)
    else:
        names = (" and " if en else " og ").join(procedure_name(p, "III", lang) for p in named
                                                 if p != "innovation_partnership") or procedure_name(named[0], "III", lang)
        sentences.append(_with_marker(_RECOMMEND[seen][en].format(named=names),
                                      renumber.rules(("R-PROC-PART-III-OPEN", "R-PROC-INNOVATION-PARTNERSHIP"))))
        limits = ("open", "restricted")
    return " ".join(sentences), limits


# Numbered questions in a message («1) … 2) …», «1. … 2. …», «(1) … (2) …»).
_NUMBERED = re.compile(r"(?:^|\s)\(?1[.)]\s+\S.*?\s\(?2[.)]\s+\S", re.DOTALL)


def _several_part_verdict(asked: list[_Asked], result: Assessment, renumber: _Renumber, lang: str) -> tuple[str, str]:
    """The yes or no on the part a compound question asks about («Kan vi då følgje dei enklare reglane i del II, og
    …?»), and, when it asks to run an innovation partnership by a lower part's rules, the «Nei, ikke etter reglene i
    del II» that answers it instead (then the verdict word is "")."""
    part_q = next((a.clause for a in asked if a.kind == "part" and is_yes_no(a.clause)), "")
    verdict = _verdict_word(part_q, result.part, lang, result.regime) if part_q else ""
    lower = _LOWER_PART_RULES.search(part_q) if part_q else None
    if lower and result.part in ("I", "II") and any(
            _conditional_named(a.clause) == ["innovation_partnership"] for a in asked if a.kind in ("grounds", "choice")):
        named_part = re.search(r"\b(?:del|part)\s+(I{1,2}|[12])\b", part_q, re.IGNORECASE)
        asked_part = {"1": "I", "2": "II"}.get(named_part.group(1), named_part.group(1)) if named_part else result.part
        return "", _with_marker(_IP_NOT_LOWER_RULES[lang == "en"] % asked_part,
                                renumber.rules(("R-PROC-INNOVATION-PARTNERSHIP", "R-IP-PART-III-RULES")))
    if lower and result.part == "I" and verdict in ("Nei.", "No."):
        # «Kan vi følgje dei enklare reglane i del II?» under the national threshold: part II does not apply at all
        verdict = "No, part II does not apply." if lang == "en" else "Nei, del II gjelder ikke."
    return verdict, ""


def _several_answer(asked: list[_Asked], result: Assessment, facts: CaseFacts, renumber: _Renumber, lang: str,
                    case_text: str = "") -> str:
    """Each thing asked answered in turn, the part first: the part and why, then in the order asked the notice
    (Doffin, TED), the procedure, the verdict on a named procedure, the time limits of the procedure that applies,
    whether tenders may be negotiated after opening, and the grounds in FOA § 13-2, with the ground the facts in
    `case_text` point to (a solution to adapt or integrate, a complex contract). "" for another regulation or a
    purchase outside the procurement regulation's parts, which the other routes answer."""
    value_known = result.contract_value is not None and result.contract_value.total_nok is not None
    if not asked or not value_known or result.regime != "foa" or result.part in ("below", "referred"):
        return ""  # without a value the other routes give the verdict for each band of value
    verdict, ip_lower = _several_part_verdict(asked, result, renumber, lang)
    # «Kan vi bruke konkurranse med forhandling eller konkurransepreget dialog, og hvilke frister …?»: the yes or no on
    # the procedures asked first, then the part and value it follows from; a question that asks for the part as well
    # gets the part first.
    lead_choice = next((a for a in asked if a.kind == "choice" and _asks_may_we(a.clause)), None)
    recommended = _recommended_choice(asked, case_text, result, renumber, lang)
    if recommended is not None:  # a choice between procedures, with what the market dialogue showed: a verdict
        lead_choice = None
    found = _found_solutions(asked, case_text)
    if lead_choice is not None and "part" not in {a.kind for a in asked}:
        sentences = _several_choice(lead_choice.clause, result, renumber, lang, lead=True, found=found)
        sentences += _pointed_ground(case_text, result, renumber, lang)
    else:
        lead_choice, sentences = None, []
    if recommended is not None:
        sentences = [recommended[0]]
    if ip_lower:
        sentences = [ip_lower]
    part_at = len(sentences)
    sentences.append(f"{verdict} {_part_sentence(result, renumber, lang)}".strip())
    # The verdict on negotiation or dialogue in part III lists the grounds: a question for them is answered by it.
    grounds_said = result.part == "III" and any(
        a.kind == "choice" and {m.lastgroup for m in _PROCEDURE.finditer(a.clause)} & {"negotiated", "competitive_dialogue"}
        for a in asked)
    # «… we lean towards competitive dialogue. Are we allowed to use it, and what minimum deadlines …?»: time limits
    # asked without a procedure are those of the procedure the question asks to use.
    chosen = " ".join(a.clause for a in asked if a.kind == "choice")
    all_asked, asked = asked, [a for a in asked if a is not lead_choice]
    pointed = [""] if lead_choice is not None else []  # the lead said the ground already
    if recommended is not None:  # the recommendation is the verdict on the choice and says the ground
        chosen = " ".join(procedure_name(p, "III", lang) for p in recommended[1])
        asked = [a for a in asked if a.kind != "choice"]
        pointed = [""]
    first_end = None
    for a in asked:
        if a.kind == "grounds" and (grounds_said or (ip_lower and _conditional_named(a.clause) == ["innovation_partnership"])):
            continue
        clause = a.clause
        if a.kind == "time_limits" and not _time_limit_procedures(clause) and _time_limit_procedures(chosen):
            clause = f"{clause} {chosen}"
        if a.kind in ("choice", "grounds"):  # what the market dialogue found decides an innovation partnership
            sentences += _SEVERAL[a.kind](clause, result, renumber, lang, found=found)
        else:
            sentences += _SEVERAL[a.kind](clause, result, renumber, lang)
        if a.kind in ("grounds", "choice") and not pointed:
            pointed = _pointed_ground(case_text, result, renumber, lang)
            sentences += pointed
        first_end = len(sentences) if first_end is None else first_end
    if (_NUMBERED.search(case_text) and lead_choice is None and first_end is not None
            and "part" not in {a.kind for a in all_asked}):
        # «1) Hvor lang må tilbudsfristen være? 2) Kan vi forhandle?»: numbered questions are answered in their
        # order, the first first; the part they follow from comes after that answer, not before it.
        part_sentence = sentences.pop(part_at)
        sentences.insert(first_end - 1, part_sentence)
        moved = True
    else:
        moved = False
    if {a.kind for a in all_asked} & {"procedure", "choice"} or _ASKS_WHICH_RULES.search(" ".join(a.clause for a in all_asked)):
        sentences.append(_climate_sentence(result, renumber, lang))
    near = next((s for s in result.next_steps if _NEAR_STEP.match(s)), "")
    if near:
        sentences.append(_step_sentence(near, renumber, result, lang))
    sentences.append(_dated_threshold_note(result, lang))
    sentences += _assumed_sentences(result, facts, False, [], lang)
    text = " ".join(s for s in sentences if s)
    return renumber.resequence(text) if moved else text


def _pointed_ground(case_text: str, result: Assessment, renumber: _Renumber, lang: str) -> list[str]:
    """The ground in FOA § 13-2 the stated facts point to, with the duty to document it; [] outside part III or when
    the facts point to none."""
    ground = stated_ground(case_text) if result.part == "III" and result.regime == "foa" else ""
    if not ground:
        return []
    return [_first_sentence_marked(_GROUND_POINTED[ground][lang == "en"], renumber.rules((_GROUND_POINTED_RULES[ground],)))]


# «Har vi lov til å bruke den …?», «Får vi nytte …?», «Are we allowed to …?»: asking permission, a yes/no question.
_MAY_WE = re.compile(r"^\s*(?:har (?:vi|dere|man|me) lov|er det (?:lov|lovleg|lovlig|tillatt|mulig|mogleg)|får (?:vi|dere|me)|"
                     r"går det an|are we allowed|is it (?:allowed|possible|permitted))\b|" + _HAS_GROUNDS.pattern,
                     re.IGNORECASE)


def _asks_may_we(clause: str) -> bool:
    """True for a clause whose last sentence asks yes or no («… heller mot konkurransepreget dialog. Har vi lov til å
    bruke den»), not what or how («Hvilke frister gjelder i konkurransepreget dialog?»)."""
    asked = split_sentences(clause.strip())[-1]
    return is_yes_no(asked) or bool(_MAY_WE.match(asked))


def _several_notice(clause: str, result: Assessment, renumber: _Renumber, lang: str) -> list[str]:
    """Whether and where to publish: Doffin, TED via Doffin, or no duty (the lead a notice question gets)."""
    case = _notice_case(result)
    if case == "II" and _TED_ONLY.search(clause) and not re.search(r"\bDoffin\b", clause, re.IGNORECASE):
        case = "II-ted"
    lead = _NOTICE_LEADS.get((case, "en" if lang == "en" else "nb"))
    if not lead:
        return []
    if not _YES_NO.search(clause):  # «Hvor skal vi kunngjøre?»: no yes or no before where
        lead = _capital(re.sub(r"^(?:Ja|Nei|Yes|No)\b,?\s*", "", lead))
    sources = [_NOTICE_LEAD_SOURCES[case]] if case in _NOTICE_LEAD_SOURCES else []
    numbers = ", ".join(dict.fromkeys(m.strip("[]") for source in (*sources, _NOTICE_SOURCE)
                                      if (m := renumber.marker(*source))))
    return [_with_marker(lead + ".", f"[{numbers}]" if numbers else "")]


def _several_procedure(clause: str, result: Assessment, renumber: _Renumber, lang: str) -> list[str]:
    """Which procedure: in part III open or restricted as the normal choice, negotiation and dialogue only on a ground
    in FOA § 13-2; below it the choice the part gives."""
    en = lang == "en"
    if result.part == "III":
        return [_with_marker(_WHICH_PROCEDURE_III[en], renumber.rules(("R-PROC-PART-III-OPEN",))),
                _with_marker(_NEEDS_GROUND[en], renumber.rules(("R-PROC-NEGOTIATED",)))]
    if backed := _backed_procedure_sentence(clause, result, renumber, lang):
        return [backed]
    refs = renumber.text(" ".join(f"[{n}]" for n in dict.fromkeys(
        n for reason in result.procedure_reasons for n in _markers(reason))))
    return [_with_marker(_procedure_sentence(result, lang, clause), refs.strip())]


def _several_choice(clause: str, result: Assessment, renumber: _Renumber, lang: str, lead: bool = False,
                    found: bool = False) -> list[str]:
    """The verdict on each procedure the sentence names: may one with conditions be used, and is the one claimed to
    be required («eller må vi køyra open anbodskonkurranse?») required. With `lead` the verdict opens the answer:
    above the EEA threshold one «Ja, …» on the procedures with conditions together, which share FOA § 13-2. With
    `found` (the market dialogue found solutions) an innovation partnership gets «nei» (FOA § 13-1 third paragraph)."""
    sentences = []
    first: dict[str, re.Match[str]] = {}
    for m in _PROCEDURE.finditer(clause):
        first.setdefault(str(m.lastgroup), m)
    shared = [p for p in first if p in ("negotiated", "competitive_dialogue")]
    if lead and shared and result.part == "III" and result.regime == "foa":
        sentences.append(_grounds_lead(shared, result, renumber, lang))
        first = {p: m for p, m in first.items() if p not in shared}
    # Procedures with the same verdict («I del I er det ingen fast prosedyre …» for both) are named together, once.
    grouped: dict[str, tuple[list[str], Permission]] = {}
    for match in first.values():
        procedure = str(match.lastgroup)
        obliged = procedure not in _CONDITIONAL and duty_before(clause[: match.start()])
        verdict_on = (permission(procedure, result.part, result.regime, obliged)
                      if procedure in _CONDITIONAL or obliged else None)
        if verdict_on is None:
            continue
        if procedure == "innovation_partnership" and found:
            grouped[_ip_ruled_out(result, renumber, lang)] = ([], verdict_on)  # said as it stands, in its place
            continue
        said = verdict_on.text(lang)
        if obliged:  # «Nei. Ingen regel pålegger dere …»: what the part allows is said with the other procedure
            head = re.split(r"(?<=\.)\s+(?=[A-ZÆØÅ])", said)[:2]
            sentences.append(_with_marker(f"{head[0].rstrip('.')}: {head[-1][0].lower()}{head[-1][1:]}",
                                          renumber.rules(verdict_on.rules[:1])))
            continue
        grouped.setdefault(said, ([], verdict_on))[0].append(procedure)
    for said, (procedures, verdict_on) in grouped.items():
        if not procedures:  # a sentence said whole (the ruled-out innovation partnership)
            sentences.append(said)
            continue
        names = (" and " if lang == "en" else " og ").join(procedure_name(p, result.part, lang) for p in procedures)
        named = _NAMED_LEAD[lang == "en"] % names
        sentences.append(_first_sentence_marked(f"{named} {said[0].lower()}{said[1:]}", renumber.rules(verdict_on.rules)))
    return sentences


_GROUNDS_LEAD = ("Ja, men på vilkår: over EØS-terskelen gjelder del I og III, og der kan dere bruke {names} bare når minst "
                 "ett av vilkårene i FOA § 13-2 er oppfylt og dere dokumenterer det: {grounds}.",
                 "Yes, on a condition: above the EEA threshold parts I and III apply, and there you may use {names} only "
                 "when at least one of the grounds in FOA § 13-2 is met and you document it: {grounds}.")


def _grounds_lead(procedures: list[str], result: Assessment, renumber: _Renumber, lang: str) -> str:
    """The yes-if on negotiation and dialogue in part III as the answer's first sentences: the grounds named once for
    all the procedures asked, what is left without one, and when dialogue fits."""
    en = lang == "en"
    names = (" and " if en else " og ").join(procedure_name(p, "III", lang) for p in procedures)
    verdicts = [permission(p, result.part, result.regime) for p in procedures]
    rules = tuple(dict.fromkeys(r for v in verdicts if v for r in v.rules))
    grounds = GROUNDS[en]
    said = [_with_marker(_GROUNDS_LEAD[en].format(names=names, grounds=grounds), renumber.rules(rules)),
            ("If none is met, the open or restricted procedure is what you may use (FOA § 13-1 first paragraph)." if en
             else "Er ingen av dem oppfylt, er åpen eller begrenset anbudskonkurranse det dere kan bruke "
                  "(FOA § 13-1 første ledd).")]
    if "competitive_dialogue" in procedures:
        said.append("Dialogue fits when you know the need but not the solution." if en else
                    "Dialog passer når dere kjenner behovet, men ikke løsningen.")
    return " ".join(said)


def _several_negotiate_after(clause: str, result: Assessment, renumber: _Renumber, lang: str) -> list[str]:
    """May the tenders be negotiated after opening: not in the part III open and restricted procedures; in part II
    only when announced in advance; in the other parts as the part allows."""
    en = lang == "en"
    if result.part == "III":
        return [_with_marker(_NO_NEGOTIATION_III[en], renumber.rules(("R-PROC-PART-III-OPEN",))),
                _with_marker(_NEGOTIATE_FROM_START[en], renumber.rules(("R-PROC-NEGOTIATED",)))]
    if result.part == "II":
        return [_with_marker(_NEGOTIATION_II[en], renumber.rules(("R-PROC-PART-II-NEGOTIATION",)))]
    verdict_on = permission("negotiated", result.part, result.regime)
    return [_first_sentence_marked(verdict_on.text(lang), renumber.rules(verdict_on.rules))] if verdict_on else []


def _several_grounds(clause: str, result: Assessment, renumber: _Renumber, lang: str, found: bool = False) -> list[str]:
    """The grounds in FOA § 13-2 for negotiation and dialogue in part III, with the burden of proof; below part III
    what the part allows instead; for an innovation partnership its condition, or with `found` (the market dialogue
    found solutions) that it is ruled out."""
    if _conditional_named(clause) == ["innovation_partnership"]:
        # an innovation partnership's condition is FOA § 13-1 third paragraph, not the grounds in § 13-2
        verdict_on = permission("innovation_partnership", result.part, result.regime)
        if verdict_on is None or verdict_on.answer != "if":
            return []
        if found:
            return [_ip_ruled_out(result, renumber, lang)]
        said = re.sub(r"^Ja, hvis ", "Et innovasjonspartnerskap kan bare brukes hvis ", verdict_on.text(lang))
        said = re.sub(r"^Yes, if ", "An innovation partnership may only be used if ", said)
        return [_first_sentence_marked(said, renumber.rules(verdict_on.rules))]
    if result.part == "III":
        listed, burden = _GROUNDS_TEXT[lang == "en"]
        return [_with_marker(listed, renumber.rules(_GROUND_RULES)),
                _with_marker(burden, renumber.rules(("R-PROC-NEGOTIATED",)))]
    verdict_on = permission("negotiated", result.part, result.regime)
    if verdict_on is None:
        return []
    said = re.sub(r"^(?:Ja|Yes)\. ", "", verdict_on.text(lang))
    return [_first_sentence_marked(_capital(said), renumber.rules(verdict_on.rules))]


def _several_part(clause: str, result: Assessment, renumber: _Renumber, lang: str) -> list[str]:
    return []  # said first, before the others


def _several_time_limits(clause: str, result: Assessment, renumber: _Renumber, lang: str) -> list[str]:
    """The minimum time limits of the procedure the clause names, or (none named) of the open and restricted
    procedures that part III always allows; for parts I, II and IV that they have no minimums."""
    en = lang == "en"
    if result.part != "III":
        part = {"I": "I", "II": "II", "IV": "IV"}.get(result.part)
        if part is None:
            return []
        return [_with_marker(_NO_MINIMUM[("en" if en else "nb", "part")] % part + ".",
                             renumber.rules(("R-TIME-LIMITS-REASONABLE",)))]
    procedures = tuple(_time_limit_procedures(clause)) or ("open", "restricted")
    limits = renumber.rules(("R-TIME-LIMITS-III",))
    sentences = []
    for procedure in procedures:
        lead = (f"The minimum time limits for {procedure_name(procedure, 'III', lang)}: " if en else
                f"Minstefristene i {procedure_name(procedure, 'III', lang)}: ")
        said = part_iii_time_limits(procedure, lang)
        # «… i åpen anbudskonkurranse: tilbudsfristen i en åpen anbudskonkurranse er …»: the name once
        said = re.sub(r"\s+(?:i|in) (?:en |an |a |the )?" + re.escape(procedure_name(procedure, "III", lang)), "", said)
        sentences.append(_with_marker(lead + said[0].lower() + said[1:], limits if not sentences else ""))
    if "restricted" in procedures and result.inputs.get("buyer", {}).get("value") == "state":
        sentences.append(_STATE_NO_SHORTER[en])
    sentences.append(_CALENDAR_DAYS[en])
    return sentences


def _time_limit_procedures(clause: str) -> list[str]:
    """The part III procedures with minimum time limits that a clause names, in order (none for negotiation without
    notice, which has other rules)."""
    if _NOT_ASKED.search(clause):
        return []
    return list(dict.fromkeys(str(m.lastgroup) for m in _PROCEDURE.finditer(clause)
                              if m.lastgroup in PART_III_TIME_LIMIT_PROCEDURES))


_SEVERAL = {"part": _several_part, "notice": _several_notice, "procedure": _several_procedure,
            "choice": _several_choice, "time_limits": _several_time_limits,
            "negotiate_after": _several_negotiate_after, "grounds": _several_grounds}


def rules_answer(question: str, facts: CaseFacts, settings: Settings, lang: str = "nb",
                 provider: str = "extractive", model: str = "", intent: str = "", case_text: str = "") -> Answer | None:
    """The assessment engine's verdict on the stated facts (`_rules_answer`); a value stated as a ceiling («kjøp
    under 500 000 kr», «inntil 2 mill.») gets the part for each range of values under it first (chat.bounds)."""
    extraction = extract_case(case_text or question)  # the case is read once, for the ceiling and the verdict
    bounded = _bounded(case_text or question, facts, extraction)
    if bounded is None:
        return _rules_answer(question, facts, settings, lang, provider, model, intent, case_text, extraction)
    bound, segments, run_value = bounded
    answer = _rules_answer(question, _with_value(facts, run_value), settings, lang, provider, model, intent, case_text,
                           extraction)
    if answer is None:
        return None
    return dataclasses.replace(answer, text=_ranged_text(answer.text, bound, segments, run_value, lang))


def _bounded(text: str, facts: CaseFacts, extraction: Extraction) -> tuple[ValueBound, list[tuple[int, int, str]], int] | None:
    """The ceiling the text puts on the value, the part of each range under it, and the value the rest of the answer
    is worked out for (the highest the ceiling allows); None for a plain value or ranges these answers cannot name.
    `extraction` is the case read from the same text (`extract_case(text)`)."""
    bound = read_value_bound(text) or facts.bound  # a ceiling said in an earlier turn holds for a follow-up
    if bound is None or facts.values.get("estimated_value_nok", bound.amount) != bound.amount:
        return None
    values = {**extraction.values, **facts.values}
    try:
        segments = value_segments(values, bound)
    except AdvisorError:
        return None
    if not segments:
        return None
    run_value = top_value(bound)
    if bound.strict and not spans_one_part(segments) and part_at(values, bound.amount) == segments[-1][2]:
        run_value = bound.amount  # «under 2 mill.»: the rest of the answer speaks of 2 mill. kr, not 1 999 999 kr
    return bound, segments, run_value


def _with_value(facts: CaseFacts, value: int) -> CaseFacts:
    return CaseFacts({**facts.values, "estimated_value_nok": value}, list(facts.notes), list(facts.inherited),
                     facts.bound)


_HEADLINE_START = re.compile(r"\b(?:bare del|del I|anskaffelsesregelverket gjelder|only part|parts I|the procurement rules)",
                             re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«])")
_MARKERS = re.compile(r"\s*\[[\d, ]+\]")


def _ranged_text(text: str, bound: ValueBound, segments: list[tuple[int, int, str]], value: int, lang: str) -> str:
    """The answer worked out for the highest value, with the sentence on the ranges in place of the verdict on that
    value (one part for all) or before it (ranges with different parts, the rest then said of the ceiling)."""
    en = lang == "en"
    amount = _amount_en(value) if en else format_amount(value)
    sentences = _SENTENCE_END.split(text)
    said = re.compile(re.escape(amount) + r"(?: \([^)]*\))? (?:er|is|equals) ")
    index = next((i for i, sentence in enumerate(sentences) if said.search(sentence)), None)
    marked = sentences[index] if index is not None else next((s for s in sentences if _MARKERS.search(s)), "")
    markers = " ".join(m.strip() for m in _MARKERS.findall(marked)[-1:])
    ranged = range_sentence(bound, segments, lang)
    ranged = ranged[:-1] + (f" {markers}." if markers else ".")
    sentences = [sentence for sentence in sentences if not NEAR_CEILING.match(sentence)]
    index = next((i for i, sentence in enumerate(sentences) if said.search(sentence)), None)
    if spans_one_part(segments):
        if index is None:
            sentences.insert(0, ranged)
        else:
            # A yes or no before the verdict on the ceiling («Nei. Bare del I gjelder: …») stays before the ranges.
            sentence = sentences[index]
            starts = [m.start() for m in _HEADLINE_START.finditer(sentence[:said.search(sentence).start()])]
            prefix = sentence[:starts[-1]] if starts else ""
            sentences[index] = prefix + (ranged[:1].lower() + ranged[1:] if prefix.rstrip().endswith((";", ",", ":"))
                                         else ranged)
        return " ".join(sentences)
    if index is not None:
        del sentences[index]  # the verdict on the ceiling alone: the sentence on the ranges says it
    rest = " ".join(sentences)
    if not rest:
        return ranged
    low = _amount_en(segments[-1][0]) if en else format_amount(segments[-1][0])
    at = f"For values from {low}: " if en else f"For verdier fra {low}: "
    return f"{ranged} {at}{rest[:1].lower()}{rest[1:]}"


def _without_compared_threshold(extraction: Extraction, text: str) -> Extraction:
    """The case read without a total that is the threshold the user compares a per-period value with («Det blir
    420 000 kr i året, altså langt under 1,3 mill.»): the user's reading of the threshold is no contract value."""
    if not threshold_compared(extraction.values, extraction.notes, text):
        return extraction
    return dataclasses.replace(extraction, values={k: v for k, v in extraction.values.items() if k != "estimated_value_nok"},
                               notes=[(k, n) for k, n in extraction.notes if k != "estimated_value_nok"])


def _rules_answer(question: str, facts: CaseFacts, settings: Settings, lang: str = "nb",
                  provider: str = "extractive", model: str = "", intent: str = "", case_text: str = "",
                  extraction: Extraction | None = None) -> Answer | None:
    """The assessment engine's verdict on the stated facts, as a cited answer; None if the engine cannot assess.

    `intent` is the text whose wording says what is asked (default the question; a follow-up passes the earlier
    question too, so «og for kommuner?» after «Må vi kunngjøre …?» still gets a yes or no). `case_text` is the text
    the case is read from (default the question; the rules part of a compound question passes the whole message).
    A question that names a procedure gets the verdict on that procedure in place of the recommended one.
    `extraction` is the case already read from that text (read here when not given).
    """
    if extraction is None:
        extraction = extract_case(case_text or question)
    extraction = _without_compared_threshold(extraction, case_text or question)
    values = dict(extraction.values)
    values.update(facts.values)
    try:
        result = assess(values, settings, interpretation=list(facts.notes))
    except AdvisorError:
        return None
    # What the answer took as given that the question does not say plainly; a question that states its facts plainly
    # gets no note, one that states none gets the general note that the answer rests on the facts given.
    read = read_line(values, lang, it_purchase=any(IT_PURCHASE_NOTE in note for _, note in facts.notes),
                     notes=[*extraction.notes, *facts.notes])
    stated = any(values.get(key) is not None for key in CASE_KEYS)
    notes = [read] if read else [] if stated else [RULES_NOTE["en" if lang == "en" else "nb"]]
    version = f"{RULES_VERSION}+{result.model_version}"
    # A threshold the question quotes wrongly («vår veileder sier 1,4 mill.») is corrected: first when the verdict
    # turns on it (its source is then cited first), else after the verdict.
    premise = _Premise(case_text or question, values, result, lang)
    if asks_time_limits(question, facts) or _asks_several(question):
        renumber = _Renumber(result.citations, settings)
        first = premise.lead(renumber)
        text = _several_answer(_asks_several(question), result, facts, renumber, lang, case_text or question)
        if not text and asks_time_limits(question, facts):
            renumber = _Renumber(result.citations, settings)
            first = premise.lead(renumber)
            text = _time_limits_and_standstill(question, result, facts, renumber, lang)
        if text:
            text = premise.apply(text, renumber, first)
            return Answer(question, text, renumber.citations(), True, provider, model, version, question, route="rules",
                          notes=notes, language=lang, evidence=1.0)
    # A follow-up keeps the procedure of the earlier question («og for 1,8 mill. kr?»), unless it asks its own
    # question about the rules («Må vi kunngjøre da?»).
    asked = _procedure_asked(question, intent)
    if asked is not None:
        renumber = _Renumber(result.citations, settings)
        first = premise.lead(renumber)
        # «Må dette ut på Doffin, og har vi lov til å forhandle?»: the notice first, then the procedure.
        notice = _notice_lead(question, result, renumber, lang)
        text = _procedure_answer(*asked, result, facts, renumber, lang, part_question=_part_question(question),
                                 asks_ground=bool(_ASKS_GROUND.search(question)), lead=notice)
        if text:
            text = premise.apply(text, renumber, first)
            return Answer(question, text, renumber.citations(), True, provider, model, version, question, route="rules",
                          notes=notes, language=lang, evidence=1.0)
    renumber = _Renumber(result.citations, settings)
    first = premise.lead(renumber)
    if asks_standstill(question) and result.regime == "foa" and result.part != "referred":
        # «Må vi kunngjøre, og hvor lang karensperiode må vi ha?»: the notice is answered first.
        notice = _notice_lead(question, result, renumber, lang)
        text = " ".join(t for t in (notice, _standstill_answer(question, result, facts, renumber, lang)) if t)
        if text:
            text = premise.apply(text, renumber, first)
            return Answer(question, text, renumber.citations(), True, provider, model, version, question, route="rules",
                          notes=notes, language=lang, evidence=1.0)
    # «Må dette ut på Doffin?»: the notice duty in plain words leads, and the part is its reason.
    notice_lead = _notice_lead(intent or question, result, renumber, lang)
    # «Må vi bruke 30 prosent miljøvekt når vi kjøper kaffe for 200 000 kr?»: the climate rule at this value leads.
    climate_lead = [] if notice_lead else _climate_lead(question, result, renumber, lang)
    sentences = _lead_sentences(question, intent, values, result, renumber, lang,
                                verdict=not (notice_lead or climate_lead))
    if notice_lead:  # after the sum of the shares, when the question asks whether they may be bought one by one
        sentences.insert(1 if _split_sentence(question, values, result, renumber, lang) else 0, notice_lead)
    sentences = [*climate_lead, *sentences]
    kind = _service_kind_sentence([*extraction.notes, *facts.notes], result, renumber, lang, case_text or question)
    if kind:
        sentences.append(kind)
    notice = "" if notice_lead else _notice_sentence(intent or question, result, renumber, lang)
    if notice:
        sentences.append(notice)
    # A hint of a utility sector changes which regulation applies: the check follows the verdict it may overturn.
    sector_notes = [note for key, note in extraction.notes if key == "regime"]
    check = _utilities_check(sector_notes, result, renumber, lang)
    if check:
        sentences.append(check)
    # The next step and the assumptions on the need and the market belong to a question about what to do; a question
    # about the threshold, the part or the notice gets the part and what it rests on.
    asks_procedure = bool(_ASKS_PROCEDURE.search(question))
    if result.part not in ("below", "referred"):
        sentences += _procedure_sentences(question, result, renumber, lang, asks_procedure,
                                          climate=not climate_lead and (asks_procedure
                                                                         or bool(_ASKS_WHICH_RULES.search(question))),
                                          case_text=case_text)
    # The check says what the sector note says; the other notes (an unread buyer among them) stay assumptions.
    sentences += _assumed_sentences(result, facts, asks_procedure, sector_notes if check else [], lang)
    text = premise.apply(_one_check(" ".join(sentences)), renumber, first)
    return Answer(question, text, renumber.citations(), True, provider, model, version, question, route="rules",
                  notes=notes, language=lang, evidence=1.0)


# The thresholds an annual amount may fall under while the value of a contract without a fixed term does not.
_OPEN_ENDED_THRESHOLDS = (100_000, 1_300_000, 1_490_000, 2_300_000)


def _open_ended_sentence(values: dict, renumber: _Renumber, lang: str) -> str:
    """Why a contract without a fixed term is worth 48 months of payments, when that and not the annual amount lifts
    it over a threshold («35 000 kr i måneden, uten fast sluttdato»); "" otherwise."""
    per_period, period = values.get("value_per_period_nok"), values.get("value_period")
    if not values.get("open_ended") or not per_period or period not in ("month", "year") or values.get("duration_months"):
        return ""
    monthly = per_period if period == "month" else None
    annual = per_period * 12 if period == "month" else per_period
    total = annual * 4
    if not any(annual < t <= total for t in _OPEN_ENDED_THRESHOLDS):
        return ""
    if lang == "en":
        said = (f"A contract without a fixed end date is valued at 48 times the monthly value (FOA section 5-4): "
                f"{_amount_en(monthly)} × 48 = {_amount_en(total)}, not the annual amount of {_amount_en(annual)}."
                if monthly else
                f"A contract without a fixed end date is valued at four years of payments, 48 times the monthly value "
                f"(FOA section 5-4): {_amount_en(total)}, not the annual amount of {_amount_en(annual)}.")
    else:
        said = (f"En avtale uten fast sluttdato verdsettes til 48 ganger månedsverdien (FOA § 5-4): "
                f"{format_amount(monthly)} × 48 = {format_amount(total)}, ikke årsbeløpet på {format_amount(annual)}."
                if monthly else
                f"En avtale uten fast sluttdato verdsettes til fire års betalinger, 48 ganger månedsverdien "
                f"(FOA § 5-4): {format_amount(total)}, ikke årsbeløpet på {format_amount(annual)}.")
    return _with_marker(said, renumber.rules(("R-VALUE-48-MONTHS",)))


# The side of the decisive threshold a stated value falls on, by the part it leads to; part II (above one threshold,
# below the next) has no single side.
_ABOVE_PARTS = ("III", "IV")
_BELOW_PARTS = ("below", "I")


# The parts of the utilities regulation on each side of its EEA threshold (its part II is above, FOA's below).
_UTILITIES_SIDES = {"II": "above", "I": "below"}


def part_lead(question: str, facts: CaseFacts, settings: Settings, lang: str = "nb", provider: str = "extractive",
              model: str = "", utilities: bool = False, between: bool = False) -> tuple[str, Answer] | None:
    """The side of the decisive threshold the stated value is on («above» or «below») and the sentence that says
    which part applies and why, as a cited answer of its own; None without a value or a side (part II, another
    regulation). A compound question whose other part a card answers for both sides of a threshold («Under terskelen
    … Over terskelen …») leads with it, so the first sentence is the rule for this value. With `utilities`, a utility's
    value gets its side and sentence too (for a part that only needs the regulation and its part said); with `between`,
    a value in part II (between the national and the EEA threshold) gets the side «between» and its sentence."""
    extraction = extract_case(question)
    bounded = _bounded(question, facts, extraction)
    if bounded is not None:
        bound, segments, value = bounded
        if not spans_one_part(segments) or segments[-1][2] not in _BELOW_PARTS:
            return None
        facts = _with_value(facts, value)
    values = {**extraction.values, **facts.values}
    try:
        result = assess(values, settings, interpretation=list(facts.notes))
    except AdvisorError:
        return None
    if result.contract_value is None or result.contract_value.total_nok is None:
        return None
    if result.regime == "utilities" and utilities:
        side = _UTILITIES_SIDES.get(result.part, "")
    elif result.regime == "foa":
        side = ("above" if result.part in _ABOVE_PARTS else "below" if result.part in _BELOW_PARTS else
                "between" if between and result.part == "II" else "")
    else:
        return None
    renumber = _Renumber(result.citations, settings)
    text = _part_sentence(result, renumber, lang)
    if not side or not text:
        return None
    if bounded is not None:
        text = _ranged_text(text, bound, segments, value, lang)
    return side, Answer(question, text, renumber.citations(), True, provider, model,
                        f"{RULES_VERSION}+{result.model_version}", question, route="rules", language=lang, evidence=1.0)


def _assumed_sentences(result: Assessment, facts: CaseFacts, asks_procedure: bool, checked: list[str],
                       lang: str) -> list[str]:
    """What the verdict assumed: «Forutsetninger: …» (without the notes a utilities check already says), or the
    English «I assume …» sentences."""
    if lang == "en":
        return _assumed_en(result, market=asks_procedure)
    assumed = [a for a in _assumptions(result, facts, part_only=not asks_procedure) if a not in checked]
    return ["Forutsetninger: " + " ".join(_sentence(a) for a in assumed)] if assumed else []


def _lead_sentences(question: str, intent: str, values: dict, result: Assessment, renumber: _Renumber,
                    lang: str, verdict: bool = True) -> list[str]:
    """The verdict and the part: the yes or no with the headline (an English line before it), or, for a question
    whether the shares of a purchase may be bought one by one, the sum of the shares first. Without `verdict` the
    headline goes without a yes or no (another sentence gives it)."""
    split = _split_sentence(question, values, result, renumber, lang)
    # The headline names the threshold that decides; its rule's citation is the one the part reason carries.
    part_refs = renumber.text(" ".join(f"[{n}]" for n in dict.fromkeys(_markers(result.part_reason)))).strip()
    # «Kan kvar skule kjøpe direkte …?»: the sum answers, so no bare yes or no goes before it.
    verdict = "" if split or not verdict else _verdict_word(intent or question, result.part, lang, result.regime)
    part_text = (_part_sentence(result, renumber, lang, refs=part_refs) if lang == "en"
                 else _with_marker(_sentence(result.headline), part_refs))
    if verdict in ("Ja.", "Yes.") and result.part == "I" and _DIRECT.search(intent or question):
        # «Kan vi kjøpe direkte …?» in part I: no notice and no procedure, but not free of the principles.
        verdict = _DIRECT_PART_I["en" if lang == "en" else "nb"]
        part_text = part_text[:1].lower() + part_text[1:]
    sentences = [f"{verdict} {part_text}".strip(), _open_ended_sentence(values, renumber, lang)]
    sentences = [s for s in sentences if s]
    return [split, *sentences] if split else sentences


# A direct purchase in part I: allowed without a notice or a fixed procedure, but the principles of LOA § 4 still apply.
_DIRECT_PART_I = {
    "nb": "Ja, uten kunngjøring og uten fast prosedyre, men konkurranseprinsippet og de andre grunnleggende prinsippene "
          "gjelder, så valget av leverandør må kunne begrunnes ut fra dem og dokumenteres;",
    "en": "Yes, without a notice or a fixed procedure, but the principle of competition and the other basic principles "
          "apply, so the choice of supplier must be explainable by them and documented;",
}


# The warning of a value close to a threshold, under the next one or just over the one it reaches (R-NEAR-THRESHOLD).
_NEAR_STEP = re.compile(r"Verdien er (?:[\d  ]+ kr (?:under|over)|lik) terskelen")


# FOA § 7-9 (part I, so every purchase under the regulation): a question about which rules or which procedure apply to
# a planned purchase gets it in one line, since it shapes the award criteria whatever the procedure.
_CLIMATE_SOURCES = (("guide-klima-og-miljo", "Hva krever FOA § 7-9"), ("guide-klima-og-miljo", "Hvordan kan vi bruke krav"))
_CLIMATE = ("Klima og miljø: etter FOA § 7-9 skal klima- og miljøhensyn som hovedregel vektes med minst 30 % i "
            "tildelingen, eller dere kan stille klima- og miljøkrav i kravspesifikasjonen når det klart gir bedre effekt.",
            "Climate and environment: under FOA section 7-9 climate and environmental considerations must as a rule be "
            "weighted at least 30 % in the award, or you may set climate and environmental requirements in the "
            "specification when that clearly gives a better effect.")


# «Hvilke regler gjelder?», «Which rules apply?»: the rules as a whole, not only the threshold.
_ASKS_WHICH_RULES = re.compile(r"\bhvilke[nt]? (?:del|deler|regler|regelverk)\b|\bkva(?: for)? (?:del|reglar|regelverk)\b|"
                               r"\bwhich (?:part|rules)\b|\bwhat rules\b|\bregelverk\w* gjeld(?:er)?\b", re.IGNORECASE)


# A question about the climate rule itself («Må vi bruke 30 prosent miljøvekt …?», «Gjelder § 7-9 …?»).
_ASKS_CLIMATE = re.compile(r"\b(?:miljøvekt\w*|klimavekt\w*|miljøvekting\w*|klimavekting\w*|klima-? og miljøhensyn\w*|"
                           r"klima-? og miljøkrav\w*|klimakrav\w*|climate (?:weighting|rule|requirements?)|"
                           r"environmental weighting|section 7-9)|\b30\s*(?:%|prosent)|§\s*7-9\b", re.IGNORECASE)
_CLIMATE_LEADS = {
    ("below", False): "Nei: under 100 000 kr gjelder ikke anskaffelsesregelverket, og da heller ikke § 7-9",
    ("below", True): "No: below NOK 100,000 the procurement rules do not apply, and so neither does section 7-9",
    ("I", False): "Ja, som hovedregel: § 7-9 står i kapittel 7 i del I, som gjelder alle anskaffelser fra 100 000 kr, også "
                  "når ingen fast prosedyre gjelder",
    ("I", True): "Yes, as a rule: section 7-9 is in chapter 7 of part I, which applies to every purchase from NOK 100,000, "
                 "also where no fixed procedure applies",
    ("other", False): "Ja, som hovedregel: § 7-9 står i kapittel 7 i del I, som gjelder alle anskaffelser fra 100 000 kr",
    ("other", True): "Yes, as a rule: section 7-9 is in chapter 7 of part I, which applies to every purchase from "
                     "NOK 100,000",
}
# The climate lead's verdict said to a question asked as an exemption («Slipper vi 30 %-kravet?»).
_CLIMATE_EXEMPT = {"Ja, som hovedregel:": "Nei, som hovedregel ikke:", "Yes, as a rule:": "No (as a rule):",
                   "Nei:": "Ja:", "No:": "Yes:"}
_CLIMATE_EXCEPTION = ("Plikten faller bort bare når anskaffelsen etter sin art har et ubetydelig klimaavtrykk og "
                      "miljøbelastning, og den vurderingen bør dokumenteres.",
                      "The duty falls away only where the purchase by its nature has an insignificant climate footprint "
                      "and environmental burden, and that assessment should be documented.")


def _climate_lead(question: str, result: Assessment, renumber: _Renumber, lang: str) -> list[str]:
    """For a question about the climate rule on a stated purchase under the procurement regulation: whether FOA § 7-9
    applies at this value (part I holds it, so from 100 000 kr), what it requires, and when the duty falls away, each
    cited; [] for other questions and other regulations."""
    if not _ASKS_CLIMATE.search(question) or result.regime != "foa" or result.part == "referred":
        return []
    en = lang == "en"
    key = result.part if result.part in ("below", "I") else "other"
    lead = _CLIMATE_LEADS[(key, en)]
    if not is_yes_no(question):  # «Hvilke klimakrav gjelder …?»: no yes or no before what holds
        lead = re.sub(r"^(?:Ja|Nei|Yes|No)(?:, (?:som hovedregel|as a rule))?: ", "", lead)
        lead = lead[:1].upper() + lead[1:]
    elif question_negated(question):  # «Slipper vi klimakravet?»: the yes or no to the exemption asked
        said = next((w for w in _CLIMATE_EXEMPT if lead.startswith(w)), "")
        lead = _CLIMATE_EXEMPT[said] + lead[len(said):] if said else lead
    if key == "below":
        return [_with_marker(lead + ".", renumber.marker("guide-regelverket", "Når gjelder regelverket"))]
    sentences = [_with_marker(lead + ".", renumber.marker("guide-regelverket", "Tre terskler")),
                 _climate_sentence(result, renumber, lang),
                 _with_marker(_CLIMATE_EXCEPTION[en], renumber.marker("guide-klima-og-miljo", "Når gjelder ikke plikten"))]
    return [s for s in sentences if s]


def _climate_sentence(result: Assessment, renumber: _Renumber, lang: str) -> str:
    """The one line on FOA § 7-9 for a purchase under the procurement regulation; "" for another regulation, a
    purchase below the regulation, or when the climate guidance is not in the corpus."""
    if result.regime != "foa" or result.part in ("below", "referred"):
        return ""
    markers = [m.strip("[]") for source in _CLIMATE_SOURCES if (m := renumber.marker(*source))]
    if not markers:
        return ""
    return _with_marker(_CLIMATE[lang == "en"], f"[{', '.join(dict.fromkeys(markers))}]")


def _procedure_sentences(question: str, result: Assessment, renumber: _Renumber, lang: str,
                         asks_procedure: bool, climate: bool = False, case_text: str = "") -> list[str]:
    """The procedure as a choice (or the verdict on the procedure the question names), with `climate` the line on FOA
    § 7-9, and the next step when the question asks what to do. `case_text` (the whole message) may say what points
    away from the default procedure («vi vil gjerne forhandle»)."""
    sentences = []
    named = named_procedure(question)
    verdict_on_named = permission(named, result.part, result.regime) if named else None
    if result.part == "III" and result.regime == "foa" and _PART_II_PROCEDURE.search(question):
        sentences.append(_with_marker(_PART_II_ONLY[lang == "en"], renumber.rules(("R-PART-II", "R-PROC-PART-II-OPEN"))))
    # «Markedsdialogen viste at to leverandører allerede selger systemer som kan dekke behovet … Vi vil likevel bruke
    # innovasjonspartnerskap»: the finding rules the partnership out (FOA § 13-1 third paragraph).
    ruled_out = named == "innovation_partnership" and verdict_on_named is not None \
        and market_seen(f"{case_text} {question}".strip()) in ("yes", "with_adaptation")
    if ruled_out:
        sentences.append(_ip_ruled_out(result, renumber, lang))
    elif named and verdict_on_named is not None:
        # «Hvordan gjennomfører vi en konkurransepreget dialog …?»: the buyer has chosen; say whether it may be used.
        said = re.sub(r"^(?:Ja|Yes)\. ", "", verdict_on_named.text(lang))
        lead = _NAMED_LEAD[lang == "en"] % procedure_name(named, result.part, lang)
        sentences.append(_first_sentence_marked(f"{lead} {said[0].lower()}{said[1:]}",
                                                renumber.rules(verdict_on_named.rules)))
    if ruled_out or not (named and verdict_on_named is not None) or _ASKS_WHICH_PROCEDURE.search(question):
        # «Kva prosedyrar kan vi velje mellom – kan vi forhandle?»: the choice as well as the verdict on the one named
        told = f"{case_text} {question}".strip()
        if backed := _backed_procedure_sentence(told, result, renumber, lang):
            sentences.append(backed)
        else:
            refs = renumber.text(" ".join(f"[{n}]" for n in dict.fromkeys(
                n for reason in result.procedure_reasons for n in _markers(reason))))
            sentences.append(_with_marker(_procedure_sentence(result, lang, told), refs.strip()))
    if climate:
        sentences.append(_climate_sentence(result, renumber, lang))
    # A part or threshold question gets no generic next step, but a value just under a threshold keeps its warning
    # (R-NEAR-THRESHOLD): check the estimate and do not split. The generic steps are Norwegian text: an English answer
    # gives the warning only.
    steps = (result.next_steps if asks_procedure and lang != "en" else
             [s for s in result.next_steps if _NEAR_STEP.match(s)])
    if steps:
        sentences.append(_step_sentence(steps[0], renumber, result, lang))
    if dated := _dated_threshold_note(result, lang):
        sentences.append(dated)
    return sentences


# How close (as a share of the threshold) a value must be to the EØS threshold that decides the part before a table past
# its review date is worth a word: a new table could move the threshold across the value (thresholds.yaml review_after;
# the fact base found no 2026–2028 values, reference §2.1 and main sheet §1.3).
_DATED_NEAR_SHARE = 0.15


def _dated_threshold_note(result: Assessment, lang: str = "nb") -> str:
    """One sentence when the threshold table has passed its review date and the value lies within 15 % of the EØS
    threshold that decides the part: the EØS thresholds are revised every second year, these are from the date of the
    table, check regjeringen.no or DFØ. Empty otherwise."""
    value = result.contract_value.total_nok if result.contract_value else None
    if value is None or not any(e.rule == "R-THRESHOLDS-DATED" for e in result.audit_trail):
        return ""
    eea = [t for t in (result.threshold, result.next_threshold) if t is not None and t.key.startswith("eea_")]
    if not eea or abs(value - eea[0].value_nok) > _DATED_NEAR_SHARE * eea[0].value_nok:
        return ""
    year, month, day = (int(x) for x in eea[0].as_of.split("-"))
    if lang == "en":
        return (f"The EEA thresholds are revised every second year; the figures used here apply from {day} "
                f"{dt.date(year, month, day):%B} {year}, so check regjeringen.no or DFØ for newer ones.")
    return (f"EØS-terskelverdiene revideres hvert annet år; tallene her gjelder fra {day}. {_MONTHS_NB[month - 1]} "
            f"{year}, så sjekk regjeringen.no eller DFØ om det er kommet nyere.")


def _step_sentence(step: str, renumber: _Renumber, result: Assessment | None = None, lang: str = "nb") -> str:
    """A next step of the assessment as a «Neste steg:» sentence, its markers renumbered and before the full stop.
    In English only the warning for a value close to a threshold has a form («Next step: the value is …»), worded
    from the assessment's margin."""
    step = renumber.text(step).strip()
    refs = re.search(r"\s*(\[[\d, ]+\])\.?$", step)
    if refs:  # «... kriterier. [3]» -> «... kriterier [3].»
        step = step[: refs.start()].rstrip()
    markers = refs.group(1) if refs else ""
    if lang == "en":
        margin = result.margin if result is not None and _NEAR_STEP.match(step) else None
        if margin is None:
            return ""
        threshold = margin.threshold
        where = (f"only {_amount_en(margin.gap_nok)} below" if margin.side == "under" else
                 f"only {_amount_en(margin.gap_nok)} above" if margin.gap_nok else "equal to")
        # Just under a higher threshold the risk is an estimate that should have crossed it: say what crossing means.
        above = (f"If a realistic estimate comes out above it, {_CROSSED_EN.get(threshold.key, 'the rules above it apply')}"
                 ", and the estimate must not be set low to stay below. " if margin.side == "under" else "")
        return _with_marker(f"Next step: the value is {where} "
                            f"{_THRESHOLD_EN.get(threshold.key, threshold.name)} ({_amount_en(threshold.value_nok)}). "
                            f"{above}Check the estimate carefully (the whole contract period and any options), and do "
                            "not split the purchase to get below the threshold.", markers)
    return _with_marker("Neste steg: " + _sentence(step), markers)


# --- a threshold the question quotes --------------------------------------------------------------------------

# «Ifølge veilederen vår er EØS-terskelen for statlige 1,4 mill.», «the EEA threshold for state bodies is NOK 1.4
# million»: a threshold word, then (in the same sentence, with no comparison between) the figure it is said to be.
_QUOTED_THRESHOLD = re.compile(r"\b(?:EØS-?)?terskel\w*|\b(?:EEA |EU )?thresholds?\b", re.IGNORECASE)
_COMPARED = re.compile(r"\b(?:over|under|above|below|nær|near|close to|mer enn|more than|less than|mindre enn)\b",
                       re.IGNORECASE)
_MONTHS_NB = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
              "november", "desember")
_SPLITTING_SOURCE = ("guide-kontraktsverdi", "Forbudet mot å dele opp anskaffelsen")
_SPLITTING = ("Nei: dere kan ikke dele opp en anskaffelse for å komme under en terskelverdi; kjøp som hører sammen, "
              "regnes sammen, og verdien er den samlede verdien.",
              "No: you may not split a purchase to get below a threshold; purchases that belong together are valued "
              "together, at their total value.")
_OUTDATED_SOURCE = ("guide-terskelverdier", "Eldre terskelverdier: slik kjenner du igjen et utdatert dokument")


def quoted_threshold(text: str, result: Assessment, value: int | None) -> tuple[int, bool] | None:
    """The figure the text quotes as the EEA threshold of the case when it is not the threshold in force, with
    whether the verdict turns on it (the value is on one side of the quoted figure and on the other of the real
    threshold); None when no threshold is quoted, or the quoted one is right.

    Only a figure near the case's EEA threshold (half to one and a half times it, or its value of the period before)
    counts, and never the purchase value itself: «3 mill. kr, over terskelen» quotes nothing."""
    eea = next((t for t in result.thresholds_considered if t.key.startswith("eea_")), None)
    if eea is None:
        return None
    for sentence in split_sentences(text, capital=True):
        for word in _QUOTED_THRESHOLD.finditer(sentence):
            amounts, _ = read_amounts(sentence[word.end(): word.end() + 80])
            if not amounts:
                continue
            first = amounts[0]
            between = sentence[word.end(): word.end() + first.start]
            if len(between) > 50 or _COMPARED.search(between) or first.period:
                continue
            claimed = first.value
            if claimed == value or claimed == eea.value_nok:
                continue
            if claimed != eea.previous_nok and not 0.5 * eea.value_nok <= claimed <= 1.5 * eea.value_nok:
                continue
            turns = value is not None and (value >= claimed) != eea.is_reached_by(value)
            return claimed, turns
    return None


# «EØS-terskelen ble hevet til 59,1 mill. fra 2026», «the new threshold from 2026»: a figure said to be a new
# threshold from a later year than the one in force, which the sources have no set for.
_LATER_YEAR = re.compile(r"\b(?:fra|frå|from|i|in|for|gjeldende fra|per)\s+(?:1\.\s*januar\s+|1 january\s+)?(20\d\d)\b",
                         re.IGNORECASE)
_RAISED = re.compile(r"\b(?:hevet|heva|hevd|økt|auka|oppjustert|justert|ny|nye|nytt|raised|increased|new|updated)\b",
                     re.IGNORECASE)


def _said_later_year(text: str, as_of: str) -> int | None:
    """The later year the text says a quoted threshold holds from («… hevet til 59,1 mill. fra 2026»), or None."""
    for sentence in split_sentences(text, capital=True):
        if not _QUOTED_THRESHOLD.search(sentence):
            continue
        years = [int(m.group(1)) for m in _LATER_YEAR.finditer(sentence)]
        later = [y for y in years if y > int(as_of[:4])]
        if later and (_RAISED.search(sentence) or len(later) == len(years)):
            return later[0]
    return None


def _quoted_threshold_sentence(quoted: tuple[int, bool], result: Assessment, renumber: _Renumber,
                               lang: str, text: str = "") -> tuple[str, bool]:
    """The sentence that corrects a threshold the question quotes wrongly (`quoted`, from quoted_threshold: an old
    value from 2022–2024, or another figure; a figure said to hold from a later year (`text`) has no set in the
    sources), cited to the note on outdated thresholds; and whether it overturns the premise (then it leads with
    «Nei»)."""
    claimed, turns = quoted
    eea = next(t for t in result.thresholds_considered if t.key.startswith("eea_"))
    year, month, day = (int(x) for x in eea.as_of.split("-"))
    marker = renumber.marker(*_OUTDATED_SOURCE)
    old = claimed == eea.previous_nok
    later = None if old else _said_later_year(text, eea.as_of)
    if later is not None:
        # a figure said to hold from a later year: the sources have no such set; the one in force is said, and the
        # answer applies it
        if lang == "en":
            sentence = (f"{'No' if turns else 'Note'}: our sources have no thresholds from {later}; the figure in "
                        f"force from {day} {dt.date(year, month, day):%B} {year} is {_amount_en(eea.value_nok)} "
                        f"excl. VAT, and we apply it here. Check regjeringen.no or DFØ (anskaffelser.no) before you "
                        f"rely on {_amount_en(claimed)}")
        else:
            sentence = (f"{'Nei' if turns else 'Merk'}: kildene våre har ingen terskelverdier fra {later}; tallet "
                        f"som gjelder fra {day}. {_MONTHS_NB[month - 1]} {year}, er {format_amount(eea.value_nok)} "
                        f"ekskl. mva., og det legger vi til grunn her. Sjekk regjeringen.no eller DFØ "
                        f"(anskaffelser.no) før dere bygger på {format_amount(claimed)}")
        return _with_marker(sentence + ".", marker), turns
    if lang == "en":
        label = _THRESHOLD_EN.get(eea.key, "the EEA threshold that applies")
        date = f"{day} {dt.date(year, month, day):%B} {year}"
        sentence = (f"{'No' if turns else 'Note'}: {label} is {_amount_en(eea.value_nok)} excl. VAT from {date}, not "
                    f"{_amount_en(claimed)}" + (f", which applied in {eea.previous_period}" if old else "")
                    + " (check the date of the document you rely on)")
    else:
        label = THRESHOLD_PHRASES.get(eea.key, "EØS-terskelverdien som gjelder her")
        sentence = (f"{'Nei' if turns else 'Merk'}: {label} er {format_amount(eea.value_nok)} ekskl. mva. fra "
                    f"{day}. {_MONTHS_NB[month - 1]} {year}, ikke {format_amount(claimed)}"
                    + (f", som gjaldt i {eea.previous_period}" if old else "")
                    + " (sjekk datoen på dokumentet dere bygger på)")
    return _with_marker(sentence + ".", marker), turns


def _with_quoted_threshold(premise: tuple[str, bool], text: str) -> str:
    """The answer with the correction of a quoted threshold: first when it overturns the premise (the answer's own
    verdict word then goes, the correction says «Nei»), else after the first sentence."""
    sentence, turns = premise
    if not sentence:
        return text
    if turns:
        rest = re.sub(r"^(?:Ja|Nei|Yes|No)(?:, det holder ikke|, that is not enough)?[.,:]\s+", "", text)
        return f"{sentence} {_capital(rest)}".strip()
    first, *others = split_sentences(text, capital=True, maxsplit=1)
    return " ".join([first, sentence, *others])


# «Siden årsbeløpet er under terskelen, …», «the annual amount is below the threshold, so …»: the value per year taken
# for the contract's value; the value of the whole term with its options is what is compared with the threshold.
_ANNUAL_BELOW = re.compile(r"\b(?:årsbeløp\w*|årsverdi\w*|årlig\w* (?:beløp|verdi|kostnad)\w*|beløpet per år|verdien per år|"
                           r"(?:beløpet|verdien|kostnaden|summen) i året|annual (?:amount|value|cost)|amount per year|"
                           r"value per year|per år|i året|per year|a year)\b[^.?!]{0,40}?\b(?:er |is |ligger )?"
                           r"(?:under|below|lavere enn|less than)\b", re.IGNORECASE)
_WHOLE_TERM_SOURCE = ("guide-kontraktsverdi", "Hele kontraktsperioden, ikke beløpet per år")
_OPTIONS_SOURCE = ("guide-kontraktsverdi", "Opsjoner og forlengelser")


def _annual_below(text: str, values: dict, result: Assessment) -> int | None:
    """The value of the whole term (with options) when the text says the annual amount is under a threshold and that
    value reaches the EEA threshold of the case; None otherwise."""
    if not values.get("value_per_period_nok") or not _ANNUAL_BELOW.search(text):
        return None
    value = result.contract_value.total_nok if result.contract_value is not None else None
    eea = next((t for t in result.thresholds_considered if t.key.startswith("eea_")), None)
    if value is None or eea is None or not eea.is_reached_by(value):
        return None
    return value


@dataclasses.dataclass
class _Premise:
    """A threshold the message quotes (see quoted_threshold), and how the answer corrects it."""

    text: str
    values: dict
    result: Assessment
    lang: str

    def __post_init__(self) -> None:
        self.quoted = quoted_threshold(self.text, self.result, self.values.get("estimated_value_nok"))
        # The shares of a stated sum asked about one by one get the sentence that adds them up (_split_sentence).
        parts = self.values.get("value_parts")
        self.splits = bool(_SPLITS_TO_AVOID.search(self.text)) and not (parts and _asks_split(self.text, parts))
        self.annual = _annual_below(self.text, self.values, self.result)

    def lead(self, renumber: _Renumber) -> tuple[str, bool]:
        """The correction, when the verdict turns on it: made before the answer's other sentences, so it is cited
        first; ("", False) otherwise. A purchase the buyer would split to stay under a threshold gets the ban first
        («Nei: …»), then the verdict on the whole value."""
        if self.splits:
            marker = renumber.marker(*_SPLITTING_SOURCE)
            return _with_marker(_SPLITTING[self.lang == "en"], marker), True
        if self.annual is not None:
            # «Siden årsbeløpet er under terskelen, …»: the whole term with its options is the value, over the threshold
            marker = renumber.marker(*(_OPTIONS_SOURCE if self.values.get("option_months") else _WHOLE_TERM_SOURCE))
            total = format_amount(self.annual) if self.lang != "en" else _amount_en(self.annual)
            options = bool(self.values.get("option_months"))
            said = ((f"No: it is the value over the whole contract term{' with its options' if options else ''} that "
                     f"counts, {total}, not the annual amount.") if self.lang == "en" else
                    (f"Nei: det er verdien for hele avtaleperioden{' med opsjoner' if options else ''} som teller, "
                     f"{total}, ikke årsbeløpet."))
            return _with_marker(said, marker), True
        if self.quoted is None or not self.quoted[1]:
            return "", False
        return _quoted_threshold_sentence(self.quoted, self.result, renumber, self.lang, self.text)

    def apply(self, text: str, renumber: _Renumber, lead: tuple[str, bool]) -> str:
        """The answer with the correction in its place (see _with_quoted_threshold)."""
        if lead[0]:
            return _with_quoted_threshold(lead, text)
        if self.quoted is None:
            return text
        correction = _quoted_threshold_sentence(self.quoted, self.result, renumber, self.lang, self.text)
        return _with_quoted_threshold(correction, text)


# --- the verdict on a named procedure ---------------------------------------------------------------------------

_PART_EN_REGIME = {
    ("utilities", "I"): "Only part I of the utilities regulation applies, not the general procurement regulation",
    ("utilities", "II"): "The utilities regulation applies (its part II, above the EEA threshold), not the general "
                         "procurement regulation",
}
_THRESHOLD_EN = {
    "law_floor": "the lower limit of the Procurement Act",
    "national": "the national threshold",
    "eea_state_goods_services": "the EEA threshold for central government goods and services",
    "eea_other_goods_services": "the EEA threshold for goods and services of municipalities and other buyers",
    "eea_works": "the EEA threshold for works contracts",
    "eea_utilities_goods_services": "the EEA threshold for utilities goods and services",
    "eea_utilities_works": "the EEA threshold for utilities works",
    "eea_health_social": "the EEA threshold for health and social services",
    "eea_special_services": "the EEA threshold for other special services",
}


# What crossing a threshold from below means, for the warning of a value just under it.
_CROSSED_EN = {
    "law_floor": "the Procurement Act applies",
    "national": "part II applies and the purchase must be announced on Doffin",
    "eea_health_social": "part IV (chapter 30) applies",
    "eea_utilities_goods_services": "part II of the utilities regulation applies",
    "eea_utilities_works": "part II of the utilities regulation applies",
    "eea_special_services": "some part III rules apply as well",
}
_CROSSED_EN.update({key: "part III applies and the notice goes to TED as well"
                    for key in ("eea_state_goods_services", "eea_other_goods_services", "eea_works")})


def _amount_en(nok: int) -> str:
    """«NOK 2.3 million», «NOK 100,000»."""
    if nok < 1_000_000:
        return f"NOK {nok:,}"
    return "NOK " + format_amount(nok).replace(" mill. kr", " million").replace(",", ".")


def _first_sentence_marked(text: str, markers: str) -> str:
    """The markers at the end of the first sentence of a verdict that may run to several sentences; a bare «Ja.» or
    «Nei.» is read together with the sentence after it, which gives the reason the markers belong to."""
    sentences = re.split(r"(?<=\.)\s+(?=[A-ZÆØÅ])", text.strip())
    first = 2 if len(sentences) > 1 and len(sentences[0]) < 25 else 1
    head = " ".join(sentences[:first])
    return " ".join([_with_marker(_sentence(head), markers), *sentences[first:]])


def _design_contest(result: Assessment) -> bool:
    """Whether the assessment read the purchase as a design contest (its part V label and threshold)."""
    return bool((result.inputs.get("design_contest") or {}).get("value"))


def _part_sentence(result: Assessment, renumber: _Renumber, lang: str, refs: str | None = None) -> str:
    """Which part applies and why: the assessment's headline, or its English form (the value against the threshold
    that decides; without a value, the part alone; "" for a part it has no English for)."""
    if refs is None:
        refs = renumber.text(" ".join(f"[{n}]" for n in dict.fromkeys(_markers(result.part_reason)))).strip()
    if lang != "en":
        return _with_marker(_sentence(result.headline), refs)
    english = _PART_EN_REGIME.get((result.regime, result.part)) or _PART_EN.get(result.part, "")
    design_contest = result.part == "III" and result.regime == "foa" and _design_contest(result)
    if design_contest:
        english = "Parts I and V (design contests) of the procurement regulation apply"
    threshold = result.next_threshold if result.next_threshold is not None and result.part in ("I", "II") else result.threshold
    value = result.contract_value.total_nok if result.contract_value else None
    if not english:
        return ""
    if value is None:
        return _with_marker(f"{english}.", refs)
    compare = "equals" if value == threshold.value_nok else ("is above" if value > threshold.value_nok else "is below")
    named = "the EEA threshold for design contests" if design_contest else _THRESHOLD_EN.get(threshold.key, threshold.name)
    return _with_marker(f"{english}: {_amount_en(value)} {compare} {named} ({_amount_en(threshold.value_nok)}).", refs)


def _assumed_en(result: Assessment, market: bool = False) -> list[str]:
    """The facts the part rests on that were assumed, as «I assume …» sentences; with `market`, the market too."""
    out = []
    if result.inputs.get("buyer", {}).get("assumed") and _buyer_matters(result) and (
            result.threshold.key.startswith("eea_state") or result.regime == "utilities"):
        out.append("I assume a central government buyer, since none is stated: it has the lowest EEA threshold.")
    # Below the EEA threshold for goods and services (parts I and II) works would give the same part, as the national
    # threshold is one for all: the assumed contract type changes nothing there and is not said.
    # A design contest has its own threshold whatever contract may follow it: its contract type decides nothing.
    design_contest = _design_contest(result)
    if result.inputs.get("category", {}).get("assumed") and result.part not in ("below", "I", "II") \
            and not design_contest:
        out.append("I assume the purchase is goods or services, not works, since the contract type is not stated.")
    if result.contract_value is not None and result.contract_value.method == "no_term":
        out.append("I assume the contract runs for 48 months, since its duration is not stated.")
    if market and result.inputs.get("market_has_solution", {}).get("assumed"):
        out.append("I treat the market as unknown, since it is not stated whether it has a solution.")
    return out


# «… trenger vi et særskilt grunnlag / vilkår / hjemmel for å …?»: the question asks whether a condition is needed.
_ASKS_GROUND = re.compile(r"\b(?:trenger|må) (?:vi|dere|man) (?:ha )?(?:et |en )?(?:særskilt |spesielt |eget )?"
                          r"(?:grunnlag|vilkår|hjemmel|begrunnelse)\b|\bdo we need (?:a |any )?(?:special |specific )?"
                          r"(?:ground|condition|justification)", re.IGNORECASE)


# Running a procedure «etter de enklere reglene i del II», «under part II rules»: the rules of a lower part, asked for.
_LOWER_PART_RULES = re.compile(r"\b(?:regl(?:ene|ane|er|ar)|regelverket|bestemmelsene)\s+(?:i|for|etter)\s+del\s+(?:I{1,2}|[12])\b|"
                               r"\bdel\s+(?:I{1,2}|[12])-regl\w*|\b(?:enklere|lettere|enklare|lettare|mindre strenge) "
                               r"regl\w*|\bpart (?:I{1,2}|[12]) (?:rules|regime)\b|\b(?:simpler|lighter) rules\b", re.IGNORECASE)
_IP_NOT_LOWER_RULES = (
    "Nei, ikke etter reglene i del %s: et innovasjonspartnerskap følger reglene i del III også under EØS-terskelen, "
    "og det kan bare brukes når behovet ikke kan dekkes ved å kjøpe løsninger som allerede finnes i markedet "
    "(FOA § 13-1 tredje ledd); det må en markedsdialog vise og dere dokumentere.",
    "No, not under the part %s rules: an innovation partnership follows the part III rules also below the EEA "
    "threshold, and it may only be used when the need cannot be met by buying solutions already on the market "
    "(FOA § 13-1 third paragraph); a market dialogue must show this and you must document it.")


def _procedure_asked(question: str, intent: str) -> tuple[str, bool] | None:
    """The procedure the question (or, for a follow-up without its own question about the rules, the earlier one)
    asks to use (`asked_procedure`). A scene that names an innovation partnership, with a question for a lower
    part's rules («Vi vurderer innovasjonspartnerskap … Kan vi da følge de enklere reglene i del II?»), asks to run
    that procedure by them."""
    own_intent = any(pattern.search(question) for pattern, _ in _INTENTS)
    asked = asked_procedure(question) or (asked_procedure(intent) if intent and not own_intent else None)
    if asked is None and _LOWER_PART_RULES.search(_part_question(question)) \
            and {m.lastgroup for m in _PROCEDURE.finditer(question)} == {"innovation_partnership"}:
        return "innovation_partnership", False
    return asked


def _part_question(question: str) -> str:
    """The sentence of a question that asks about the part («Er dette del III?»), the regulation («Er det
    forsyningsforskriften som gjelder?») or, before the procedure is named, which part or threshold applies, or ""
    when none does."""
    for sentence in split_sentences(question.strip()):
        names_regulation = any(p.search(sentence) for p, _ in _NAMES_REGULATION) and _FOLLOWS.search(sentence)
        if _UNDER_EEA.search(sentence) or _OVER_EEA.search(sentence) or _PART_II_ASKED.search(sentence) or names_regulation:
            if is_yes_no(sentence):
                return sentence
    # «1) Hvilken terskelverdi gjelder? 2) Kan vi bruke konkurranse med forhandling?»: which part or threshold, asked
    # before the procedure, is answered before it.
    for sentence in split_sentences(question.strip()):
        if _PROCEDURE.search(sentence):
            break
        if _ASKS_PART.search(sentence) and not _ASKS_DEADLINE.search(sentence) and not is_yes_no(sentence):
            return sentence
    return ""


def _procedure_answer(procedure: str, obliged: bool, result: Assessment, facts: CaseFacts, renumber: _Renumber,
                      lang: str, part_question: str = "", asks_ground: bool = False, lead: str = "") -> str:
    """The verdict on the procedure asked about, first; then the part it follows from and what was assumed.

    `lead` is the answer to another question asked before it in the same message (the notice duty): it goes first,
    then the part, then the verdict on the procedure, named. A value just under a threshold keeps its warning
    (R-NEAR-THRESHOLD). Without a value (under the general regulation) the verdict is given for each band of value;
    "" when the model has no verdict (another regulation), and the ordinary rules answer is given instead.
    """
    value_missing = result.contract_value is None or result.contract_value.total_nok is None
    special = any(result.inputs.get(k, {}).get("value") for k in ("health_social_services", "special_services"))
    if value_missing and result.regime == "foa" and result.part == "III" and not special:
        return _by_value_answer(procedure, obliged, result, renumber, lang)
    verdict = permission(procedure, result.part, result.regime, obliged)
    if verdict is None:
        return ""
    if (procedure == "innovation_partnership" and verdict.answer == "if"
            and (result.inputs.get("market_has_solution") or {}).get("value") == "yes"):
        # «… når vi kjøper vanlige kontorrekvisita?»: what the market has already, no partnership is for.
        verdict = Permission(procedure, result.part, "no", *IP_MARKET_HAS, verdict.rules)
    part = _part_sentence(result, renumber, lang) if part_question else ""
    said = _first_sentence_marked(verdict.text(lang), renumber.rules(verdict.rules))
    if asks_ground and not obliged and verdict.answer == "yes":
        # «Trenger vi et særskilt grunnlag for å forhandle?»: a free choice is a «no» to that question, not a «yes».
        said = re.sub(r"^Ja\. ", "Nei, dere trenger ikke et særskilt grunnlag. ", said)
        said = re.sub(r"^Yes\. ", "No, you need no special ground. ", said)
    if lead or part_question:
        # The procedure's yes or no follows another verdict: it names what it answers («Om konkurranse med
        # forhandling: ja, …»), so a second bare «Ja.» after «Nei.» is not read as answering the first question.
        # Part II names («tilbudskonkurranse med forhandling») are the general regulation's, not the utilities'.
        naming_part = result.part if result.regime == "foa" else "III"
        named = _NAMED_LEAD[lang == "en"] % procedure_name(procedure, naming_part, lang)
        # «Ja. I del I …» -> «ja, i del I …» (a word in capitals, «FOA», keeps them)
        said = re.sub(r"^(Ja|Nei|Yes|No)\. (\w)(?![A-ZÆØÅ])", lambda m: f"{m.group(1).lower()}, {m.group(2).lower()}", said)
        said = f"{named} {said[0].lower()}{said[1:]}"
    lower = _LOWER_PART_RULES.search(part_question)
    if procedure == "innovation_partnership" and result.part in ("I", "II") and lower:
        # «Siden det er under EØS-terskelen, kan vi kjøre innovasjonspartnerskapet etter de enklere reglene i del II?»:
        # the asked thing is the lighter rules, and an innovation partnership follows part III's below the threshold too.
        named_part = re.search(r"(?:del|part)\s+(I{1,2}|[12])\b", lower.group(0), re.IGNORECASE)
        asked_part = {"1": "I", "2": "II"}.get(named_part.group(1), named_part.group(1)) if named_part else result.part
        said = _first_sentence_marked(_IP_NOT_LOWER_RULES[lang == "en"] % asked_part, renumber.rules(verdict.rules))
        part_question = ""
    if lead:  # «Må dette ut på Doffin, og har vi lov til å forhandle?»: the notice, its reason, then the procedure
        sentences = [lead, _part_sentence(result, renumber, lang), said]
    elif part_question:  # «Er dette del III? Og kan vi forhandle?»: the part is answered first, with its own yes or no
        verdict_word = _verdict_word(part_question, result.part, lang, result.regime) if is_yes_no(part_question) else ""
        sentences = [f"{verdict_word} {part}".strip(), said]
    else:
        sentences = [said, _part_sentence(result, renumber, lang)]
    near = next((s for s in result.next_steps if _NEAR_STEP.match(s)), "")
    if near:
        sentences.append(_step_sentence(near, renumber, result, lang))
    sentences.append(_dated_threshold_note(result, lang))
    if lang == "en":
        sentences += _assumed_en(result)
    sentences += [_sentence(note) for key, note in facts.notes if key in facts.inherited]
    return " ".join(s for s in sentences if s)


def _by_value_answer(procedure: str, obliged: bool, result: Assessment, renumber: _Renumber, lang: str) -> str:
    """No value stated: the verdict in each band (below the floor, parts I, II and III), led by what holds in all."""
    en = lang == "en"
    national = next((t for t in result.thresholds_considered if t.key == "national"), None)
    floor = next((t for t in result.thresholds_considered if t.key == "law_floor"), None)
    if national is None or floor is None:
        return ""
    eea = result.threshold
    bands = by_value(procedure, national.value_nok, eea.value_nok, floor.value_nok, obliged=obliged)
    top = bands[-1].verdict
    if procedure == "innovation_partnership" and not obliged:
        # The same condition at every value: the verdict is the part III one.
        return _first_sentence_marked(top.text(lang), renumber.rules(top.rules))
    if obliged:
        name = procedure_name(procedure, "III", lang)
        lead = (f"No. No rule obliges you to use {name}, whatever the value." if en else
                f"Nei. Ingen regel pålegger dere å bruke {name}, uansett verdi.")
    elif all(b.verdict.answer == "yes" for b in bands):
        lead = "Yes, whatever the value." if en else "Ja, uansett verdi."
    else:
        lead = ("Yes, but the conditions depend on the value, which is not stated." if en else
                "Ja, men vilkårene avhenger av verdien, som ikke er oppgitt.")
    sentences = [lead]
    if obliged and procedure == "innovation_partnership":
        nb, en_text, rules = IP_FREE_CHOICE
        sentences.append(_first_sentence_marked(en_text if en else nb, renumber.rules(rules)))
    for band in bands:
        text = re.sub(r"^(?:Ja|Yes)\. ", "", band.verdict.text(lang))  # «Ja. I del I …» -> «I del I …»
        if band.low_nok is not None:
            span = (f"From {_amount_en(band.low_nok)}" + (f" to {_amount_en(band.high_nok)}" if band.high_nok else "")
                    if en else f"Fra {format_amount(band.low_nok)}" + (f" til {format_amount(band.high_nok)}"
                                                                       if band.high_nok else ""))
            text = f"{span}: {text[0].lower() + text[1:] if text.startswith(('Ja', 'Yes')) else text}"
        sentences.append(_first_sentence_marked(text, renumber.rules(band.verdict.rules)))
    if result.inputs.get("category", {}).get("assumed"):
        threshold = _amount_en(eea.value_nok) if en else format_amount(eea.value_nok)
        sentences.append(f"I assume goods or services, not works, so the EEA threshold is {threshold} "
                         f"({_THRESHOLD_EN.get(eea.key, eea.name)})." if en else
                         f"Jeg antar at kjøpet gjelder varer eller tjenester, ikke bygg og anlegg, slik at EØS-terskelen er "
                         f"{threshold}.")
    if result.inputs.get("buyer", {}).get("assumed"):
        sentences.append("I assume a central government buyer, since none is stated." if en else
                         "Jeg antar at oppdragsgiveren er statlig, fordi det ikke er oppgitt.")
    return " ".join(s for s in sentences if s)
