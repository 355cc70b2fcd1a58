"""Answer-text suite: is the answer itself right? Checked on the text the user reads, not on the cited passages.

Rows (evals/answers_text.jsonl, tuning; evals/answers_unseen.jsonl, frozen and never tuned on):
  {"id", "q", "lang", "in_scope", "kind", "must": [regex, ...], "must_not": [regex, ...], "lead": regex}
An in-scope answer is correct when it is grounded, every `must` pattern occurs in its text, no `must_not`
pattern does (known wrong claims, e.g. «del I og III gjelder» for works under 57,8 mill. kr), and `lead` (when
given) occurs in the first sentence: the verdict comes first. An out-of-scope question is correct when refused.
Patterns are case-insensitive Python regexes; `^` anchors at the start of the answer.

evals/conversations.jsonl holds scripted conversations ({"id", "turns": [row, ...]}) checked turn by turn with
the conversation so far as history; evals/cards_heldout.jsonl (calibration) and evals/cards_unseen.jsonl (frozen)
hold paraphrases that are not in the cards, each with the card it should match (or null for none).

Metrics: seen.correct, unseen.correct, seen.lead, unseen.lead (share of rows with a lead whose first sentence
carries it), must_not_hits (count), refusal_precision / refusal_recall (both files), english_answered (in-scope
English questions answered), followup.correct (turns after the first), cards.heldout.accuracy,
cards.unseen.accuracy, latency_p95_ms; tables by kind and by route.
"""

from __future__ import annotations

import re
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from advisor.answer import Answer, split_sentences
from advisor.chat import ask
from advisor.config import Settings
from advisor.errors import AdvisorError
from advisor.evaluation.suite import SuiteResult, prf, read_jsonl
from advisor.llm import check_provider
from advisor.search import Index, ensure_index, match_card

FILES = {"seen": "answers_text.jsonl", "unseen": "answers_unseen.jsonl"}
KINDS = frozenset({"facts", "english", "compound", "false_premise", "out_of_scope", "concept", "list"})


def lead_sentence(text: str) -> str:
    """The first sentence of an answer; a bare «Ja.» / «Nei.» / «Yes.» is read together with the next one."""
    sentences = split_sentences(text) or [text]
    first = sentences[0]
    for more in sentences[1:]:
        if len(first) >= 25:
            break
        first = f"{first} {more}"
    return first


def check_row(row: dict, where: str) -> None:
    """Fail on a malformed row: missing fields, an unknown kind, or a pattern that does not compile."""
    for key in ("id", "q", "in_scope", "must", "must_not", "lead"):
        if key not in row:
            raise AdvisorError(f"{where}: row {row.get('id')!r} has no {key!r}")
    if row.get("kind", "concept") not in KINDS:
        raise AdvisorError(f"{where}: row {row['id']!r} has unknown kind {row['kind']!r}")
    for pattern in [*row["must"], *row["must_not"], row["lead"]]:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise AdvisorError(f"{where}: row {row['id']!r}: bad pattern {pattern!r}: {exc}") from exc


def judge(answer: Answer, row: dict) -> dict:
    """The checks of one row on one answer."""
    text = answer.text
    if not row["in_scope"]:
        return {"ok": not answer.grounded, "missing": [], "wrong": [], "lead_ok": None}
    missing = [p for p in row["must"] if not re.search(p, text, re.IGNORECASE)]
    wrong = [p for p in row["must_not"] if re.search(p, text, re.IGNORECASE)]
    lead_ok = bool(re.search(row["lead"], lead_sentence(text), re.IGNORECASE)) if row["lead"] else None
    ok = answer.grounded and not missing and not wrong and lead_ok is not False
    return {"ok": ok, "missing": missing, "wrong": wrong, "lead_ok": lead_ok}


def _case(row: dict, answer: Answer, seconds: float, group: str) -> dict:
    verdict = judge(answer, row)
    return {"id": row["id"], "set": group, "q": row["q"], "lang": row.get("lang", "nb"),
            "kind": row.get("kind", "concept"), "in_scope": row["in_scope"], "grounded": answer.grounded,
            "route": answer.route or "-", "card_id": answer.card_id, **verdict,
            "answer": answer.text, "seconds": round(seconds, 3)}


def _rate(cases: Sequence[dict], key: str = "ok") -> float:
    return sum(bool(c[key]) for c in cases) / len(cases) if cases else 0.0


def _card_accuracy(path: Path, index: Index, settings: Settings) -> tuple[float, list[dict]]:
    if not path.is_file():
        return 0.0, []
    rows = read_jsonl(path)
    out = []
    for row in rows:
        match = match_card(row["q"], index, settings)
        got = match.card.id if match else None
        out.append({"id": row["id"], "q": row["q"], "want": row["card"], "got": got, "ok": got == row["card"],
                    "score": round(match.score, 3) if match else None})
    return _rate(out), out


def run(settings: Settings, provider: str | None = None, progress: bool = True) -> SuiteResult:
    """Ask every question (and every conversation) through ask() on the shipped corpus index; judge the text."""
    from tqdm import tqdm

    started = time.perf_counter()
    chosen = check_provider(provider, settings)
    index = ensure_index(settings, progress=progress)
    cases: list[dict] = []
    latencies: list[float] = []
    for group, name in FILES.items():
        rows = read_jsonl(settings.evals_dir / name)
        for row in rows:
            check_row(row, name)
        for row in tqdm(rows, desc=f"answers ({group})", disable=not progress, leave=False):
            t = time.perf_counter()
            answer = ask(row["q"], index, settings, provider=chosen)
            latencies.append(time.perf_counter() - t)
            cases.append(_case(row, answer, latencies[-1], group))
    turns = _conversations(settings.evals_dir / "conversations.jsonl", index, settings, chosen, progress)
    metrics: dict[str, float] = {}
    for group in FILES:
        own = [c for c in cases if c["set"] == group]
        led = [c for c in own if c["lead_ok"] is not None]
        metrics[f"{group}.correct"] = _rate(own)
        metrics[f"{group}.in_scope_correct"] = _rate([c for c in own if c["in_scope"]])
        metrics[f"{group}.lead"] = _rate(led, "lead_ok")
        metrics[f"{group}.n"] = float(len(own))
    inside = [c for c in cases if c["in_scope"]]
    outside = [c for c in cases if not c["in_scope"]]
    refusal = prf(sum(not c["grounded"] for c in outside), sum(not c["grounded"] for c in inside),
                  sum(c["grounded"] for c in outside))
    metrics["must_not_hits"] = float(sum(len(c["wrong"]) for c in cases))
    metrics["refusal_precision"] = refusal["precision"]
    metrics["refusal_recall"] = refusal["recall"]
    metrics["english_answered"] = _rate([c for c in inside if c["lang"] == "en"], "grounded")
    follow = [t for t in turns if t["turn"] > 1]
    metrics["followup.correct"] = _rate(follow)
    metrics["conversations.n"] = float(len({t["conversation"] for t in turns}))
    heldout, heldout_rows = _card_accuracy(settings.evals_dir / "cards_heldout.jsonl", index, settings)
    unseen, unseen_rows = _card_accuracy(settings.evals_dir / "cards_unseen.jsonl", index, settings)
    metrics["cards.heldout.accuracy"] = heldout
    metrics["cards.unseen.accuracy"] = unseen
    metrics["cards.heldout.n"] = float(len(heldout_rows))
    metrics["latency_p50_ms"] = statistics.median(latencies) * 1000 if latencies else 0.0
    metrics["latency_p95_ms"] = sorted(latencies)[max(0, round(0.95 * (len(latencies) - 1)))] * 1000 if latencies else 0.0
    tables = {"by_kind": _by(cases, "kind"), "by_route": _by(cases, "route"),
              "conversations": turns, "cards_heldout": heldout_rows, "cards_unseen": unseen_rows}
    info = {"provider": chosen, "embedding_backend": settings.index.embedding_backend,
            "card_min_score": settings.answer.card_min_score,
            "targets": {"seen.correct": 0.90, "unseen.correct": 0.85, "seen.lead": 0.90, "must_not_hits": 0,
                        "followup.correct": 0.85, "refusal_precision": 0.95, "refusal_recall": 0.95,
                        "english_answered": 0.90}}
    return SuiteResult("answer_text", metrics, cases, tables, info, time.perf_counter() - started)


def _by(cases: Sequence[dict], key: str) -> list[dict]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for case in cases:
        groups[f"{case['set']}:{case[key]}"].append(case)
    return [{key: name, "n": len(group), "correct": round(_rate(group), 3),
             "routes": dict(Counter(c["route"] for c in group))} for name, group in sorted(groups.items())]


def _conversations(path: Path, index: Index, settings: Settings, provider: str, progress: bool) -> list[dict]:
    from tqdm import tqdm

    if not path.is_file():
        return []
    out = []
    for conversation in tqdm(read_jsonl(path), desc="conversations", disable=not progress, leave=False):
        history: list[tuple[str, str]] = []
        for n, row in enumerate(conversation["turns"], start=1):
            row = {"id": f"{conversation['id']}.{n}", **row}
            check_row(row, path.name)
            answer = ask(row["q"], index, settings, provider=provider, history=tuple(history))
            verdict = judge(answer, row)
            out.append({"conversation": conversation["id"], "turn": n, "q": row["q"], "route": answer.route,
                        "answer": answer.text, **verdict})
            history.append((row["q"], answer.text))
    return out
