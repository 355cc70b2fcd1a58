"""LLM providers, prompt files and making model replies safe to show."""

from advisor.llm.prompts import Prompt, load_prompt, prompt_messages, render_history
from advisor.llm.providers import EXTRACTIVE, KNOWN_PROVIDERS, check_provider, complete, model_name
from advisor.llm.reply_safety import ReplyDefuser, defuse

__all__ = [
    "EXTRACTIVE",
    "KNOWN_PROVIDERS",
    "Prompt",
    "ReplyDefuser",
    "check_provider",
    "complete",
    "defuse",
    "load_prompt",
    "model_name",
    "prompt_messages",
    "render_history",
]
