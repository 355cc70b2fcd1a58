"""The rewriter's worked examples: load corpus/examples/requirements.yaml and find the ones most like a requirement.

Similarity is lexical (character 4-grams inside words, so compounds match their parts), plus a little for sharing
problem categories with the requirement. The offline draft borrows from the nearest example; the LLM prompt gets
the nearest ones as few-shot pairs.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from advisor.config import Settings
from advisor.corpus import load_yaml
from advisor.errors import AdvisorError

EXAMPLES_PATH = Path("examples") / "requirements.yaml"
# Worked examples built on the purchase types; read with the hand-written ones, but not labelled for the analyzer.
MORE_EXAMPLES_PATHS = (Path("examples") / "purchase_examples.yaml",)
TOP_EXAMPLES = 3


@dataclass(frozen=True)
class Example:
    """A worked example: a solution-specific original and its need-based rewrite."""

    id: str
    domain: str
    original: str
    problems: list[str]
    need_statement: str
    requirements: list[str]
    market_questions: list[str]
    why: str = ""
    source: str = ""
    purchase_type: str = ""


def load_worked_examples(settings: Settings, labelled_only: bool = False) -> list[Example]:
    """The worked examples (corpus/examples/requirements.yaml, then the purchase-type examples unless
    `labelled_only`); a missing requirements.yaml or a broken file raises AdvisorError."""
    path = Path(settings.corpus_dir) / EXAMPLES_PATH
    if not path.is_file():
        raise AdvisorError(f"worked examples {path} are missing: the rewriter needs them")
    examples = list(_load_examples(str(path), path.stat().st_mtime_ns))
    if not labelled_only:
        for extra in MORE_EXAMPLES_PATHS:
            more = Path(settings.corpus_dir) / extra
            if more.is_file():
                examples.extend(_load_examples(str(more), more.stat().st_mtime_ns))
    return examples


@functools.lru_cache(maxsize=4)
def _load_examples(path: str, mtime_ns: int) -> tuple[Example, ...]:
    data = load_yaml(Path(path).read_text(encoding="utf-8"), f"worked examples {path}") or []
    examples = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict) or not item.get("original") or not item.get("need_statement"):
            raise AdvisorError(f"{path}: example {number} needs at least original and need_statement")
        examples.append(Example(
            id=str(item.get("id") or f"ex-{number}"), domain=str(item.get("domain") or ""),
            original=str(item["original"]), problems=list(item.get("problems") or []),
            need_statement=str(item["need_statement"]), requirements=[str(r) for r in item.get("requirements") or []],
            market_questions=[str(q) for q in item.get("market_questions") or []], why=str(item.get("why") or ""),
            source=str(item.get("source") or ""), purchase_type=str(item.get("purchase_type") or ""),
        ))
    return tuple(examples)


def _grams(text: str) -> Counter[str]:
    # Character 4-grams inside words, so that compounds match their parts (robotgressklipper ~ gressklipping).
    grams: Counter[str] = Counter()
    for word in re.findall(r"[^\W\d_]{3,}|\d+", text.lower()):
        padded = f" {word} "
        grams.update(padded[i:i + 4] for i in range(max(1, len(padded) - 3)))
    return grams


def similarity(a: str, b: str) -> float:
    """Cosine similarity of two texts' character 4-gram profiles (0-1)."""
    return _cosine(_grams(a), _grams(b))


def _cosine(ga: Counter[str], gb: Counter[str]) -> float:
    # over the smaller profile: a long text against a short example costs the example's length, not the text's
    small, large = (ga, gb) if len(ga) <= len(gb) else (gb, ga)
    dot = sum(count * large[gram] for gram, count in small.items())
    norm = math.sqrt(sum(c * c for c in ga.values())) * math.sqrt(sum(c * c for c in gb.values()))
    return dot / norm if norm else 0.0


def nearest_examples(text: str, categories: set[str], examples: list[Example], k: int = TOP_EXAMPLES) -> list[tuple[Example, float]]:
    """The k worked examples most like `text`: text similarity, plus a little for sharing problem categories."""
    scored = []
    grams = _grams(text)  # the text's profile once, not once per example: a long text would cost examples × length
    for example in examples:
        shared = len(categories & set(example.problems)) / max(1, len(categories | set(example.problems)))
        scored.append((example, round(0.85 * _cosine(grams, _grams(example.original)) + 0.15 * shared, 3)))
    scored.sort(key=lambda pair: (-pair[1], pair[0].id))
    return [pair for pair in scored[:k] if pair[1] > 0]
