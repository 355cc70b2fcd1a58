"""Reading a duty: whether a sentence says a duty holds, is lifted, or is claimed for what follows it.

    asserts_duty("kravet gjelder også for dere")          # True: the duty holds
    asserts_duty("plikten faller bort ved små kjøp")      # False: it is lifted
    duty_before("Vi må vel alltid bruke ")                # True: a word of duty just before what it binds
    duty_lifted("Må vi ikke bruke åpen anbudskonkurranse?")  # True: a modal of duty with its negation

One reader for the chat: the verdict sentences whose «Ja»/«Nei» the premises turn to the question's polarity
(advisor/chat/premises.py) and the questions the rules read a claimed duty from (advisor/chat/rules.py) use the same
words of duty and the same negation of them.
"""

from __future__ import annotations

import re

# The words of an obligation: a duty to do something («må», «pålagt», «krav om», «required»).
DUTY_WORDS = (r"(?:må|måtte|nødt til|pliktig|plikt\w*|påbudt|pålagt|obligatorisk|tvunget|kreves|krav om|have to|"
              r"has to|must|required|obliged|obligated|mandatory|need to)")
# A modal of duty negated: «trenger ikke», «må vi ikke», «must not», «don't have to».
_MODAL_NEGATED = (r"\b(?:trenger|treng|behøver|må|skal) (?:\w+ ){0,2}?(?:ikke|ikkje)\b|"
                  r"\b(?:must|have to|has to|need to)\s+(?:\w+\s+)?not\b|"
                  r"\b(?:don't|doesn't|do not|does not) (?:need|have) to\b")
# A sentence that says a duty or rule is lifted («gjelder ikke», «trenger ikke», «unntatt», «ikke krav om») ...
_LIFTED = re.compile(r"\b(?:gjelder|gjeld|applies|apply) (?:\w+ ){0,2}?(?:ikke|ikkje|not)\b|\bikke (?:omfattet|omfatta|"
                     r"underlagt|pliktig)\b|" + _MODAL_NEGATED + r"|"
                     r"\b(?:slipper|slepp|unntatt|unnateke|fritatt|faller bort|fell bort)\b|\bingen plikt\b|"
                     r"\bikke (?:nødvendig|påkrevd|et krav|noe krav|krav om)\b|\b(?:need not|not required|exempt|"
                     r"no duty)\b", re.IGNORECASE)
# ... that a lifting is denied («slipper ikke», «kan ikke droppe», «ikke unntatt»): the duty holds ...
_NOT_LIFTED = re.compile(r"\b(?:slipper|slepp|slippe) (?:\w+ ){0,2}?(?:ikke|ikkje)\b|\b(?:ikke|ikkje|not) (?:\w+ )?"
                         r"(?:unntatt|unnateke|fritatt|droppe|sløyfe|hoppe over|se bort fra|exempt|skip)\b", re.IGNORECASE)
# ... or that it holds: a word of duty, or a rule that applies («gjelder», «skal», «er omfattet»).
_HOLDS = re.compile(r"\b(?:" + DUTY_WORDS[3:-1] + r"|gjelder|gjeld|skal|omfattet|omfatta|underlagt|krev\w*|applies|"
                    r"apply|covered|bound)\b", re.IGNORECASE)
_MODAL_NOT = re.compile(_MODAL_NEGATED, re.IGNORECASE)
# A word of duty at most 40 characters before the end of a text (the words before a procedure it claims is required).
_DUTY_BEFORE = re.compile(r"\b" + DUTY_WORDS + r"\b[^.?!]{0,40}?$", re.IGNORECASE)


def asserts_duty(sentence: str) -> bool | None:
    """What a verdict sentence says of the rule it names: True when it applies (the duty holds), False when it is
    lifted, None when the sentence says neither."""
    if _NOT_LIFTED.search(sentence):
        return True
    if _LIFTED.search(sentence):
        return False
    return True if _HOLDS.search(sentence) else None


def duty_before(text: str) -> bool:
    """True when the text ends in a claim of duty on what follows it («Vi må vel alltid bruke …»)."""
    return bool(_DUTY_BEFORE.search(text))


def duty_lifted(text: str) -> bool:
    """True when the text negates a modal of duty («Må vi ikke …?», «We don't have to …»): read as a claim of duty
    it can mean both."""
    return bool(_MODAL_NOT.search(text))
