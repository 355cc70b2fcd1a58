"""Answers: cited answers from retrieved passages (extractive or LLM), evidence, markers, source notes."""

from advisor.answer.compose import EXTRACTIVE_VERSION
from advisor.answer.engine import Answer, answer_question
from advisor.answer.followup import condense
from advisor.answer.prompt import answer_prompt
from advisor.answer.sentences import split_sentences

__all__ = [
    "Answer",
    "EXTRACTIVE_VERSION",
    "answer_prompt",
    "answer_question",
    "condense",
    "split_sentences",
]
