"""Is a sentence addressed to an AI assistant rather than to a human reader? (prompt injection, by form)

A document in the index is data. A sentence in it that tells "the assistant" what to answer, to forget what it was
told, to reveal its prompt or to play a role is either an attack or useless as an answer, in any language the
corpus holds. A phrase list of one language is easy to step round (the red team did it with nynorsk, Danish and a
zero-width space inside "Ignore"), so this module classifies by form, after normalising the text:

1. **Normalise**: Unicode NFKC (fullwidth and compatibility forms fold to plain letters) and every invisible format
   character (zero-width space/joiner, soft hyphen, bidi marks: category Cf) removed, then lower case.
2. **Meta-talk**: the sentence talks about instructions, prompts or system messages (``instruks``, ``instruksar``,
   ``instruktioner``, ``instructions``, ``prompt``, ``systemmelding`` …): guidance for buyers never does.
3. **Dismissal**: an imperative to drop what came before (``ignorer``/``glem``/``gløym``/``se``/``sjå bort frå``/
   ``forget``/``disregard``/``override``) with an object that means "everything/previous" or an instruction word.
4. **Steering the answer**: second person or "the assistant/model" told how to answer (``svar at``, ``skriv at``,
   ``answer that``, ``du er nå``, ``you are now``, ``act as``, ``lat som``), or a role label (``SYSTEM:``).

Guidance notes do address the buyer in the second person ("Du kan bruke konkurranse med forhandling når …"); that
alone is not enough: the second person must be told *what to answer or write* or *who to be*.
"""

from __future__ import annotations

import re
import unicodedata

_META = (r"(?:instruks\w*|instrukser\w*|instruktion\w*|instruction\w*|anvisning\w*|prompt\w*|systemmelding\w*"
         r"|system ?message\w*|systembesked\w*|beskjed(?:ar|er)?\s+(?:du|de)\s+har\s+f[aå]tt"
         r"|what\s+you\s+(?:were|have\s+been)\s+told)")
_EVERYTHING = (r"(?:alt|alle|alla|all|everything|anything|tidligere|tidlegare|tidigare|foreg[aå]ende|previous|prior"
               r"|above|ovenfor|ovanfor|hittil|so\s+far)")
_DISMISS = (r"(?:ignorer\w*|ignore\w*|ignorér\w*|glem|gløym|gleym|glöm|forget|bortse\s+fr[aå]n|disregard|override|overstyr\w*"
            r"|tilsides[aæ]t\w*|s(?:e|jå)\s+bort\s+fr[aå])")
_ANSWER_VERB = r"(?:svar\w*|svara|skriv\w*|sei|si|answer\w*|respond\w*|reply|say|write|output|oppgi|oppgje)"
_ADDRESSEE = (r"(?:du|de|dere|you|assistenten|assistent|the\s+assistant|modellen|the\s+model|språkmodellen"
              r"|chatbot(?:en)?|ai-?en|ki-?en)")

_PATTERNS = [
    # 3. dismiss everything / previous instructions, within a few words
    re.compile(rf"\b{_DISMISS}\s+(?:\S+\s+){{0,5}}?(?:{_EVERYTHING}|{_META})\b"),
    # 2. reveal/print/show the prompt or instructions
    re.compile(rf"\b(?:reveal|avslør\w*|avslør|vis|show|print|gjengi|gjenta|repeat|output)\b.{{0,40}}\b{_META}"),
    # 2. instructions/prompts of a system or an assistant spoken of directly
    re.compile(r"\b(?:system\s*-?\s*prompt\w*|systeminstruks\w*|jailbreak\w*|prompt\s+injection)\b"),
    # 4. a role label at the start: "SYSTEM:", "Assistant:", "Brukar:"
    re.compile(r"^\W*(?:system|assistant|assistent|user|bruker|brukar|developer|utvikler)\s*:"),
    # 4. who to be: "du er nå", "you are now", "act as", "lat som", "oppfør deg som"
    re.compile(r"\b(?:du\s+er\s+n[åa]|du\s+er\s+no|de\s+er\s+n[åa]|you\s+are\s+now|from\s+now\s+on|fra\s+n[åa]\s+av"
               r"|frå\s+no\s+av|act\s+as|pretend|lat\s+som|late\s+som|oppf[øo]r\s+deg\s+som|roleplay)\b"),
    # 4. how to answer, addressed to the reader-as-assistant: "(du skal) alltid svare at", "answer that"
    re.compile(rf"(?:^|[.:;!,]\s*|\b{_ADDRESSEE}\s+(?:\w+\s+){{0,3}}?){_ANSWER_VERB}\s+(?:\w+\s+){{0,2}}?(?:at|att|that)\b"
               rf"(?=.{{0,80}}\b(?:svar\w*|answer\w*|terskel\w*|threshold\w*|grense\w*|kroner|kr\b|alltid|always))"),
    re.compile(rf"\b{_ADDRESSEE}\s+(?:skal|må|should|must|will|shall)\s+(?:\w+\s+){{0,2}}?(?:alltid|always|berre|bare"
               rf"|kun|only)\s+{_ANSWER_VERB}\b"),
    re.compile(rf"\b(?:always|alltid|kun|only|bare|berre)\s+{_ANSWER_VERB}\s+(?:\w+\s+){{0,2}}?(?:at|att|that|with|med)\b"),
]


def normalise(text: str) -> str:
    """NFKC, invisible format characters removed, lower case: the form every check runs on."""
    folded = unicodedata.normalize("NFKC", text)
    visible = "".join(ch for ch in folded if unicodedata.category(ch) != "Cf")
    return re.sub(r"\s+", " ", visible).strip().lower()


def is_addressed_to_assistant(text: str) -> bool:
    """True for a sentence that speaks to an AI assistant (what to answer, what to forget, who to be)."""
    plain = normalise(text)
    return any(p.search(plain) for p in _PATTERNS)
