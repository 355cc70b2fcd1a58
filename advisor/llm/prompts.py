"""Prompt files: load prompts/<name>.md, check its placeholders, give it a short version hash, split it into messages."""

from __future__ import annotations

import hashlib
import re
import string
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from advisor.errors import AdvisorError

_FIELD = re.compile(r"(?<!\{)\{([a-z_][a-z0-9_]*)\}(?!\})")


@dataclass(frozen=True)
class Prompt:
    """A prompt template read from prompts/; `version` is a short hash of the file's bytes."""

    name: str
    text: str
    version: str

    def render(self, **values: object) -> str:
        """Fill the placeholders; every placeholder must be given and nothing else."""
        missing = set(self.fields) - set(values)
        unknown = set(values) - set(self.fields)
        if missing or unknown:
            raise AdvisorError(f"prompt {self.name}: missing {sorted(missing)}, unknown {sorted(unknown)}")
        return self.text.format(**{k: str(v) for k, v in values.items()})

    @property
    def fields(self) -> list[str]:
        """Placeholder names in the template."""
        return [f for _, f, _, _ in string.Formatter().parse(self.text) if f]


def load_prompt(name: str, prompts_dir: Path, required: set[str] | frozenset[str] = frozenset()) -> Prompt:
    """Read prompts/<name>.md; fail now if a required placeholder is missing or an unknown one is present."""
    path = prompts_dir / f"{name}.md"
    if not path.is_file():
        raise AdvisorError(f"prompt file {path} is missing")
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    found = set(_FIELD.findall(text))
    if required and found != set(required):
        raise AdvisorError(
            f"prompt {path}: placeholders {sorted(found)} do not match the required {sorted(required)}"
        )
    return Prompt(name=name, text=text, version=hashlib.sha256(raw).hexdigest()[:10])


USER_PART = "<!-- user -->"
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_MARKERS = re.compile(r"\s*\[\d+(?:\s*[,;–-]\s*\d+)*\]")


def prompt_messages(rendered: str) -> list[tuple[str, str]]:
    """A rendered prompt file as (system, user) messages: the text before and after its `<!-- user -->` line."""
    system, found, user = rendered.partition(USER_PART)
    if not found:
        raise AdvisorError(f"prompt has no {USER_PART} line separating the system and the user message")
    return [("system", _COMMENT.sub("", system).strip()), ("user", _COMMENT.sub("", user).strip())]


def render_history(history: Sequence[tuple[str, str]], turns: int = 3) -> str:
    """The last few turns for a prompt's {history}; answers without their citation markers."""
    if not history:
        return "(ingen)"
    lines = []
    for question, answer in list(history)[-turns:]:
        lines.append(f"Bruker: {question.strip()[:500]}")
        lines.append(f"Assistent: {_MARKERS.sub('', answer).strip()[:500]}")
    return "\n".join(lines)
