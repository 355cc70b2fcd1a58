"""The conversation: a question (with its history) answered from rules, answer cards, one passage or an LLM.

    answer = ask(question, index, settings, history=chat.history)
"""

from advisor.chat.conversation import (
    Chat,
    apply_route,
    ask,
    route_message,
    route_pointer,
    route_summary,
    similar_for_answer,
)
from advisor.chat.facts import CaseFacts, read_facts
from advisor.chat.plan import QuestionPlan, plan_question
from advisor.chat.rules import is_rules_question, rules_answer

__all__ = [
    "CaseFacts",
    "Chat",
    "QuestionPlan",
    "apply_route",
    "ask",
    "is_rules_question",
    "plan_question",
    "read_facts",
    "route_message",
    "route_pointer",
    "route_summary",
    "rules_answer",
    "similar_for_answer",
]
