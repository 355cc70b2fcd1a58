"""Topics the sources do not cover: a question whose asked-about topic no passage or card mentions is refused.

    topic = uncovered_topic("Kan vi kreve at leverandøren har lærlinger i en byggekontrakt?", index, settings)
    # -> "lærlinger" (no passage or card holds the word): the part is refused, even with a purchase value in it

The topic is the word a requirement or a figure is asked about: the object of «kreve» / «krav om» / «obligatorisk
med», or the noun after «hvor lang» / «hvem betaler» / «hva koster». It is covered when the sources hold the word
(its stem), or, for a compound («anbudsfrist»), when one passage holds all its parts. Only this one slot is checked:
the other words of a question (what is bought, for whom) are often missing from the sources and still answerable.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from advisor.answer import Answer, uncovered_answer
from advisor.config import Settings
from advisor.search import Index, load_cards
from advisor.text import Analyzer, query_terms

# The words that open the slot of the asked-about topic; the topic phrase runs from there to the first preposition,
# figure or punctuation. «kreve at leverandøren har X» skips the clause's subject and verb.
_SLOT = re.compile(
    r"\b(?:krev\w*|stille\s+krav)\s+(?:om\s+|til\s+)?(?:at\s+(?:leverandør\w*|tilbyder\w*|entreprenør\w*|de|den|alle|"
    r"han|hun)\s+(?:har|skal|må|er|bruker|tilbyr|kan|stiller|benytter|ansetter|sysselsetter|tar\s+inn)\s+)?"
    r"|\bkrav\s+(?:om|til)\s+"
    r"|\b(?:obligatorisk|påbudt|påkrevd|pålagt)\s+(?:med|å\s+(?:ha|bruke|kreve|stille\s+krav\s+om))\s+"
    r"|\bhvor\s+(?:lang|lange|høy|høyt|stor|store|stort|mye|mange)\s+(?:er\s+)?"
    r"|\bhvem\s+(?:betaler|dekker|bærer|får)\s+"
    r"|\bhva\s+koster\s+",
    re.IGNORECASE,
)
# «fristen for å klage», «frist til å gå til søksmål»: a deadline for something, asked as the compound it names
# («klagefrist»), which is covered when one passage holds both its parts (the tender deadline is).
_DEADLINE_FOR = re.compile(r"\bfrist(?:en|ene|er)?\s+(?:for|til)\s+(?:å\s+)?(?:gå\s+til\s+)?(?P<verb>[a-zæøå]{4,})\b",
                           re.IGNORECASE)
# «Hvor lang tid har leverandøren på å klage?», «hvor lang frist har vi til å klage?»: the time for an act is its
# deadline («klagefrist»).
_TIME_TO = re.compile(r"\bhvor\s+(?:lang|mye)\s+(?:tid|frist)\b[^?.!]{0,60}?\b(?:på|til|for)\s+å\s+(?P<verb>[a-zæøå]{4,})\b",
                      re.IGNORECASE)
# «Hva koster det å klage?», «hvor mye koster det å klage?»: the price of an act is its fee («klagegebyr»).
_COST_OF = re.compile(r"\b(?:hva|hvor\s+mye)\s+koster\s+det\s+(?:oss\s+|dem\s+|en\s+leverandør\s+)?å\s+"
                      r"(?P<verb>[a-zæøå]{4,})\b", re.IGNORECASE)
# «Hva er klagefristen?»: a named deadline; «klagegebyret»: a named fee.
_NAMED_DEADLINE = re.compile(r"\b(?P<word>[a-zæøå]{4,}(?:frist|gebyr)(?:en|ene|er|et|a)?)\b", re.IGNORECASE)
_PHRASE_END = re.compile(
    r"\s+(?:i|på|for|til|av|ved|fra|med|som|hos|innen|under|over|etter|når|hvis|dersom|og|eller|har|er|blir|må|"
    r"skal|kan|bør|gjelder|de|vi|dere|man)\b|\s*[,.;:?!()«»\"]|\s+\d", re.IGNORECASE)
_LANGUAGES = ("nb", "nn")  # the corpus is in bokmål; an English or Danish topic word is not in it as written
_ANALYZER = Analyzer(decompound=True)


@functools.lru_cache(maxsize=4)
def _vocabulary(key: tuple[str, int, str], texts: tuple[str, ...]) -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
    """(every whole-word stem of the texts, the stems of each text with compound parts): what the sources hold."""
    del key  # the cache key: the index build, its size and the cards
    whole = Analyzer(decompound=False)
    words: set[str] = set()
    for text in texts:
        words.update(whole.terms(text))
    return frozenset(words), tuple(frozenset(_ANALYZER.terms(text)) for text in texts)


def _source_texts(index: Index, settings: Settings) -> tuple[tuple[str, int, str], tuple[str, ...]]:
    cards = load_cards(settings)
    texts = [c.search_text() for c in index.chunks]
    texts.extend(" ".join((card.answer, card.answer_en, *card.questions)) for card in cards)
    return (index.build, len(index.chunks), "|".join(card.id for card in cards)), tuple(texts)


def covered(word: str, index: Index, settings: Settings) -> bool:
    """True when a passage or a card holds the word (its stem), or one text holds every part of the compound."""
    key, texts = _source_texts(index, settings)
    vocabulary, per_text = _vocabulary(key, texts)
    stems = _ANALYZER.terms(word)  # the whole word's stem, then the stems of its compound parts
    if not stems or stems[0] in vocabulary:
        return True
    parts = stems[1:]
    return bool(parts) and any(all(p in terms for p in parts) for terms in per_text)


def topic_words(question: str, lang: str, covered_word=lambda word: False) -> list[str]:
    """The head words of the topics a question asks about (the last content word of each slot phrase), as written;
    a phrase with a modifier that `covered_word` accepts («elektriske kjøretøy») is left out."""
    if lang not in _LANGUAGES:
        return []
    out = []
    names = {t.word for t in query_terms(question, lang) if t.is_name}  # read in the whole question (case in context)
    for match in _SLOT.finditer(question):
        rest = question[match.end():]
        end = _PHRASE_END.search(rest)
        phrase = rest[:end.start()] if end else rest
        terms = query_terms(phrase, lang)
        if any(t.word in names for t in terms):
            # «kreve Cisco-svitsjer»: a make or product named in the topic is a question about brand references,
            # which the sources cover whatever the product is.
            continue
        content = [t for t in terms if not t.is_name and t.word.isalpha() and len(t.word) >= 4]
        if content and len(content) > 1 and any(covered_word(t.word) for t in content[:-1]):
            # «elektriske kjøretøy»: a modifier the sources speak of («elektrisk») makes the topic partly covered
            # (a climate or environment requirement), so the head word alone does not refuse it.
            continue
        if content:
            # The phrase as written: the head noun is its last content word («sertifisert kompetanse» -> kompetanse).
            head = content[-1].word
            written = re.search(rf"\b{re.escape(head)}\b", phrase, re.IGNORECASE)
            out.append(written.group(0) if written else head)
    out += [m.group("word") for m in _NAMED_DEADLINE.finditer(question)]
    out += [f"{m.group('verb').lower()}frist" for m in (*_DEADLINE_FOR.finditer(question), *_TIME_TO.finditer(question))]
    out += [f"{m.group('verb').lower()}gebyr" for m in _COST_OF.finditer(question)]
    return list(dict.fromkeys(out))


# A question about buying (a contract, a supplier, a tender) whose topic the sources miss is pointed on to the
# regulations and DFØ's guidance; a question on another subject altogether («ferie», «elbil») is not.
_PROCUREMENT = re.compile(r"\b(?:anskaff\w*|innkjøp\w*|kjøp\w*|\w*kontrakt\w*|leverandør\w*|tilbyder\w*|"
                          r"entreprenør\w*|\w*konkurranse\w*|tilbud\w*|kunngj\w*|oppdragsgiver\w*|KOFA|tildel\w*|"
                          r"procure\w*|purchas\w*|tender\w*|supplier\w*|contract\w*)\b", re.IGNORECASE)


def about_procurement(text: str) -> bool:
    """True when a message speaks of buying: a contract, a supplier, a tender, a purchase."""
    return bool(_PROCUREMENT.search(text))


def uncovered_topic(question: str, index: Index, settings: Settings, lang: str) -> str:
    """The asked-about topic word no passage or card holds («lærlinger»), or "" when every topic is covered. In a message
    that tells its scene before it asks, only the asking sentences («…?») name topics: «Leverandøren mangler to av de
    krevde brøytebilene. Kan vi forhandle …?» asks about negotiating, not about snow ploughs."""
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«])", question.strip())
    asking = [s for s in sentences if s.rstrip().endswith("?")]
    if len(sentences) > 1 and asking:
        question = " ".join(asking)
    for word in topic_words(question, lang, lambda w: covered(w, index, settings)):
        if not covered(word, index, settings):
            return word
    return ""


# Subjects outside procurement law that a refusal points on to the body that answers them, in the order tried: tax
# and VAT (Skatteetaten), building permits and the planning and building act (the municipality's building authority,
# DiBK), working conditions and employment (Arbeidstilsynet), personal data (Datatilsynet), cartels and the
# competition act (Konkurransetilsynet), and access to documents under offentleglova (which our sources do not cover).
_ELSEWHERE = (
    # «mva» alone too, but not the «eks. mva.» / «inkl. mva.» that says how a value is stated
    (re.compile(r"\b(?:moms\w*|mva-?sats\w*|merverdiavgift\w*|momssats\w*|skatt\w*|avgiftssats\w*|forskuddstrekk\w*|"
                # «excl. VAT» / «including VAT» says how a value is stated, like «eks. mva.»
                r"(?<!excl\. )(?<!excl )(?<!excluding )(?<!incl\. )(?<!incl )(?<!including )(?<!ex\. )VAT|tax\w*)\b|"
                r"\bsats\w*[^.?!]{0,30}\b(?:mva|moms)\b|"
                r"(?<!eks\. )(?<!eks )(?<!ekskl\. )(?<!ekskl )(?<!inkl\. )(?<!inkl )(?<!excl\. )\bmva\b", re.IGNORECASE),
     "Spørsmål om merverdiavgift og skatt svarer Skatteetaten på (skatteetaten.no).",
     "Questions on VAT and tax are for the Norwegian Tax Administration (Skatteetaten, skatteetaten.no)."),
    (re.compile(r"\b(?:byggetillatelse\w*|byggesak\w*|byggesøknad\w*|rammetillatelse\w*|igangsettingstillatelse\w*|"
                r"søknadspliktig\w*|plan- og bygningsloven\w*|plan-\s+og\s+bygningslova\w*|reguleringsplan\w*|"
                r"dispensasjon\w*|building permit\w*|planning permission)\b|\bpbl\b", re.IGNORECASE),
     "Byggesaker avgjør kommunens byggesaksmyndighet; Direktoratet for byggkvalitet (dibk.no) veileder om plan- og "
     "bygningsloven.",
     "Building permits are decided by the municipality's building authority; the Norwegian Building Authority "
     "(DiBK, dibk.no) gives guidance on the planning and building act."),
    (re.compile(r"\b(?:overtid\w*|arbeidstid\w*|arbeidsmiljølov\w*|oppsigelse\w*|permittering\w*|ferie(?:penger|loven)?\w*|"
                r"sykepenger\w*|sykemelding\w*|stillingsvern\w*|arbeidsavtale\w*|working hours|overtime|"
                r"dismissal|employment law)\b", re.IGNORECASE),
     "Spørsmål om arbeidstid og andre arbeidsforhold svarer Arbeidstilsynet på (arbeidstilsynet.no).",
     "Working hours and other working conditions are for the Labour Inspection Authority (Arbeidstilsynet, "
     "arbeidstilsynet.no)."),
    (re.compile(r"\b(?:personopplysning\w*|personvern\w*|personopplysningsloven\w*|GDPR|databehandleravtale\w*|"
                r"databehandlar\w*|personal data|data protection)\b", re.IGNORECASE),
     "Spørsmål om personopplysninger og personvern (GDPR) svarer Datatilsynet på (datatilsynet.no).",
     "Questions on personal data and GDPR are for the Norwegian Data Protection Authority (Datatilsynet, "
     "datatilsynet.no)."),
    (re.compile(r"\b(?:kartell\w*|konkurranseloven\w*|konkurranselova\w*|prissamarbeid\w*|markedsdeling\w*|"
                r"cartel\w*|price[- ]fixing|competition act)\b", re.IGNORECASE),
     "Konkurranselovens regler om karteller og samarbeid mellom konkurrenter håndhever Konkurransetilsynet "
     "(konkurransetilsynet.no).",
     "Cartels and other breaches of the Competition Act are for the Norwegian Competition Authority "
     "(Konkurransetilsynet, konkurransetilsynet.no)."),
    # access to the tenders and the redacting of what is held back («innsyn i tilbudene», «sladde»), too
    (re.compile(r"\b(?:offentleglov\w*|offentlighetslov\w*|innsyn\w*|sladd\w*|unntatt offentlighet\w*|"
                r"freedom of information|access to (?:public )?documents|public access|"
                r"access to (?:the |all the |other |their )?(?:tenders|bids|offers)|redact\w*)\b", re.IGNORECASE),
     "Innsyn etter offentleglova avgjør virksomheten som har dokumentet, med klage til overordnet organ; "
     "departementets rettleiar til offentleglova (regjeringen.no) og Sivilombudet (sivilombudet.no) veileder.",
     "Access to documents under the Freedom of Information Act is decided by the body that holds them, with appeal "
     "to the body above it; the ministry's guide to the act (regjeringen.no) and the Parliamentary Ombud "
     "(sivilombudet.no) give guidance."),
)


def ask_elsewhere(question: str, lang: str) -> str:
    """For a question on a subject outside procurement law (a VAT rate, a building permit, overtime), the sentence
    that says who answers it instead; "" for any other question. Only a refusal uses it: a procurement question that
    mentions VAT («er verdien eksklusiv mva.?») is answered by the sources."""
    for pattern, nb, en in _ELSEWHERE:
        if pattern.search(question):
            return en if lang == "en" else nb
    return ""


def _uncovered_elsewhere(text: str, index: Index, settings: Settings) -> str:
    """The first word (or phrase) of `text` that names a subject outside procurement law and that no source holds
    («innsyn», «offentleglova», «redact»), or "" when there is none. A phrase counts when none of its words of four
    letters or more is in the sources («data protection» is not: the sources speak of «data»)."""
    for pattern, _, _ in _ELSEWHERE:
        for match in pattern.finditer(text):
            words = [w for w in re.findall(r"\w+", match.group(0)) if len(w) >= 4] or [match.group(0)]
            if not any(covered(w, index, settings) for w in words):
                return match.group(0)
    return ""


def out_of_scope_subject(message: str, parts: Sequence[str], scene: str, index: Index, settings: Settings) -> str:
    """The word of a message whose subject lies outside the sources and outside procurement law («innsyn» in «Kan
    leverandøren få innsyn i tilbudene, og må vi sladde forretningshemmeligheter?»), or "" when the message is
    answerable in part or whole. The subject is the message's when its first part asks about it, or when the scene
    tells of it and every part either asks about it too or has no procurement word of its own («Må vi gi ut
    prisene?»): those parts would otherwise be answered from passages on other subjects. A later part alone on such
    a subject is refused by itself (the other parts are answered)."""
    parts = list(parts) or [message]
    word = _uncovered_elsewhere(parts[0], index, settings)
    if word:
        return word
    word = _uncovered_elsewhere(scene, index, settings)
    if word and all(_uncovered_elsewhere(p, index, settings) or not about_procurement(p) for p in parts):
        return word
    return ""


def out_of_scope_refusal(message: str, parts: Sequence[str], scene: str, index: Index, settings: Settings, lang: str,
                         provider: str, model: str) -> Answer | None:
    """The refusal of a whole message whose subject lies outside the sources (`out_of_scope_subject`): that no source
    mentions the subject, and who answers it instead; None for a message the sources may answer."""
    word = out_of_scope_subject(message, parts, scene, index, settings)
    if not word:
        return None
    refused = uncovered_answer(message, word, lang, provider, model, read_elsewhere=False)
    refused.text = f"{refused.text} {ask_elsewhere(message, lang)}".strip()
    return refused
