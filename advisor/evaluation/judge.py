"""The LLM judge: a language model fills the same rubric as the human raters (prompts/judge.md).

    scores, comments, problems = judge_rows(rows, settings)   # rows from ratings.rating_rows

The judge only runs with a language model configured (ADVISOR_LLM_PROVIDER); it never replaces the human ratings,
it is one more rater whose agreement with them the report shows. A reply that is not the rubric's JSON is not
guessed at: the row stays unrated and is listed in `problems`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from advisor.config import Settings
from advisor.errors import AdvisorError
from advisor.evaluation.ratings import CRITERIA, RUBRIC, SCORES, RatingRow
from advisor.llm import EXTRACTIVE, check_provider, complete, load_prompt, model_name, prompt_messages

PROMPT = "judge"
FIELDS = frozenset({"rubric", "question", "answer", "sources"})
_JSON = re.compile(r"\{.*\}", re.DOTALL)


def judge_provider(settings: Settings) -> str:
    """The provider the judge uses: the configured LLM; an error naming the setting when there is none."""
    provider = check_provider(None, settings)
    if provider == EXTRACTIVE:
        raise AdvisorError("--judge needs a language model: set ADVISOR_LLM_PROVIDER (openai, azure or ollama) and "
                           "its model; the answers themselves may still come from --provider extractive")
    return provider


def judge_name(settings: Settings) -> str:
    """The rater name the judge's sheet carries: judge:<provider>/<model>."""
    provider = judge_provider(settings)
    return f"judge:{provider}/{model_name(settings, provider)}"


def _rubric_text() -> str:
    return "\n".join(f"- «{c.id}»: {c.question} 0 = {c.levels[0]}, 1 = {c.levels[1]}, 2 = {c.levels[2]}."
                     for c in RUBRIC)


def parse_verdict(reply: str) -> tuple[dict[str, int | None], str]:
    """The scores and comment in a judge's reply; ValueError when it is not the rubric's JSON."""
    found = _JSON.search(reply or "")
    if not found:
        raise ValueError("no JSON object in the reply")
    try:
        data = json.loads(found.group(0))
    except json.JSONDecodeError as exc:
        raise ValueError(f"the JSON cannot be read ({exc.msg})") from exc
    if not isinstance(data, dict):
        raise ValueError("the reply is not a JSON object")
    scores: dict[str, int | None] = {}
    for criterion in CRITERIA:
        value = data.get(criterion)
        if isinstance(value, bool) or value not in SCORES:
            raise ValueError(f"{criterion!r} is {value!r}, not 0, 1 or 2")
        scores[criterion] = int(value)
    return scores, str(data.get("comment") or "")[:1000]


def judge_rows(rows: Sequence[RatingRow], settings: Settings, progress: bool = False
               ) -> tuple[dict[str, dict[str, int | None]], dict[str, str], list[str]]:
    """Ask the configured LLM to rate every row; returns scores and comments by case id, and unusable replies."""
    from tqdm import tqdm

    provider = judge_provider(settings)
    prompt = load_prompt(PROMPT, settings.prompts_dir, required=FIELDS)
    scores: dict[str, dict[str, int | None]] = {}
    comments: dict[str, str] = {}
    problems: list[str] = []
    for row in tqdm(rows, desc="judge", disable=not progress, leave=False):
        rendered = prompt.render(rubric=_rubric_text(), question=row.question, answer=row.answer,
                                 sources=row.sources or "(ingen kilder: svaret sier at kildene ikke dekker spørsmålet)")
        reply = complete(prompt_messages(rendered), settings, provider=provider)
        try:
            scores[row.id], comments[row.id] = parse_verdict(reply)
        except ValueError as exc:
            problems.append(f"{row.id}: {exc}")
            comments[row.id] = f"(dommerens svar kunne ikke leses: {exc})"
    return scores, comments, problems
