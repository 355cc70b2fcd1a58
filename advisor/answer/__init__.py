"""Answers: cited answers from retrieved passages (extractive or LLM), evidence, markers, source notes."""

from advisor.answer.cards import CARD_VERSION, NORWEGIAN_WORDING, card_answer
from advisor.answer.claims import claim_verdict
from advisor.answer.compose import EXTRACTIVE_VERSION
from advisor.answer.engine import READ_ELSEWHERE, UNCOVERED_TOPIC, Answer, answer_question, uncovered_answer
from advisor.answer.english import has_english_lead, strip_english_lead, with_english_answer
from advisor.answer.followup import carry_terms, case_part_answer, condense, is_follow_up
from advisor.answer.lists import LIST_QUESTION, is_list_question
from advisor.answer.prompt import CANNOT_ANSWER, answer_prompt, is_cannot_answer
from advisor.answer.sentences import split_sentences

__all__ = [
    "Answer",
    "CANNOT_ANSWER",
    "CARD_VERSION",
    "EXTRACTIVE_VERSION",
    "LIST_QUESTION",
    "NORWEGIAN_WORDING",
    "READ_ELSEWHERE",
    "UNCOVERED_TOPIC",
    "answer_prompt",
    "answer_question",
    "card_answer",
    "carry_terms",
    "case_part_answer",
    "claim_verdict",
    "condense",
    "is_cannot_answer",
    "is_follow_up",
    "is_list_question",
    "split_sentences",
    "has_english_lead",
    "strip_english_lead",
    "with_english_answer",
    "uncovered_answer",
]
