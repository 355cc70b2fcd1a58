"""Similar-notice suite: P@5 and nDCG@10 for BM25, dense and hybrid on the Doffin relevance set.

- evals/similar.jsonl: need and requirement texts written by us (not copied from notices), each with the notices
  judged relevant by hand among the shipped snapshot's notices (pooled from the top 10 of each retriever, plus
  title searches for topics the pool missed), and from the later pool rounds the notices judged not relevant
  (`judged_not_relevant`). A notice in neither list counts as not relevant; `unrecorded@5` is the share of the
  first 5 with no recorded judgment (the first rounds recorded only the relevant notices, so it is an upper bound on
  what nobody judged).
- evals/similar_unseen.jsonl: written and judged the same way, frozen when it was committed (its SHA-256 is in
  tests/doffin/test_similar_eval.py) and never used to change the search; the `unseen.*` figures.
- evals/similar_unseen_pool.jsonl: notices judged for the frozen set's texts by later, blind judgings of the notices
  a newer search brings into its top 10 that were never judged (pool completion, as in TREC): the relevant ones, and
  since wave 12 also those judged not relevant (`judged_not_relevant`); the frozen file stays as it was. The
  `unseen_pooled.*` figures use the frozen labels plus these.

The notices come from the shipped snapshot (corpus/doffin), imported into a throw-away store, so the figures do not
depend on what a user has imported. Relevance is binary; nDCG@10 uses gain 1 per relevant notice and the ideal
ranking of min(10, number of relevant) notices.

`chat.*` measures the list a chat answer would show for each text (advisor.chat.similar_for_answer, at most
CHAT_LIST notices, often none): precision over all notices shown, recall against min(CHAT_LIST, relevant) per text,
and the share of texts that get a list at all.
"""

from __future__ import annotations

import math
import tempfile
import time
from pathlib import Path

from advisor.chat import similar_for_answer
from advisor.config import Settings
from advisor.doffin import default_snapshot_dir, import_snapshot, similar_notices
from advisor.errors import AdvisorError
from advisor.evaluation.suite import SuiteResult, read_jsonl

MODES = ("bm25", "dense", "hybrid")
SEEN_FILE = "similar.jsonl"
UNSEEN_FILE = "similar_unseen.jsonl"
UNSEEN_POOL_FILE = "similar_unseen_pool.jsonl"
DEPTH = 10
CHAT_LIST = 3  # the chat's default list length (settings.answer.similar_notices)


def precision_at(ranked: list[str], relevant: set[str], k: int = 5) -> float:
    """Share of the first k results that are relevant (k in the denominator, also when fewer came back)."""
    return sum(1 for nid in ranked[:k] if nid in relevant) / k


def ndcg_at(ranked: list[str], relevant: set[str], k: int = DEPTH) -> float:
    """Binary-gain nDCG@k."""
    dcg = sum(1.0 / math.log2(i + 2) for i, nid in enumerate(ranked[:k]) if nid in relevant)
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(k, len(relevant))))
    return dcg / ideal if ideal else 0.0


def with_pool(rows: list[dict], pool: list[dict]) -> list[dict]:
    """The rows with the notices a later pool judging added (`{"id", "relevant", "judged_not_relevant"?}` lines) joined
    to theirs: relevant ones to `relevant`, the ones judged and found not relevant to `judged_not_relevant`."""
    known = {row["id"] for row in rows}
    added: dict[str, list[str]] = {}
    rejected: dict[str, list[str]] = {}
    for line in pool:
        if line.get("id") not in known or not isinstance(line.get("relevant"), list) \
                or not isinstance(line.get("judged_not_relevant", []), list):
            raise AdvisorError(f"{UNSEEN_POOL_FILE}: a line needs the id of a text in {UNSEEN_FILE} and a relevant list: {line}")
        added.setdefault(line["id"], []).extend(line["relevant"])
        rejected.setdefault(line["id"], []).extend(line.get("judged_not_relevant", []))
    return [{**row, "relevant": list(dict.fromkeys([*row["relevant"], *added.get(row["id"], [])])),
             "judged_not_relevant": list(dict.fromkeys([*(row.get("judged_not_relevant") or []),
                                                        *rejected.get(row["id"], [])]))}
            for row in rows]


def judged(row: dict) -> tuple[set[str], set[str]]:
    """(relevant, judged not relevant) of a row; AdvisorError when a notice is in both. Only the later judging
    rounds recorded their not-relevant notices (`judged_not_relevant`), so a notice in neither list may have been
    judged earlier; either way it counts as not relevant."""
    relevant, not_relevant = set(row["relevant"]), set(row.get("judged_not_relevant") or [])
    if relevant & not_relevant:
        raise AdvisorError(f"{row['id']}: judged both relevant and not relevant: {sorted(relevant & not_relevant)}")
    return relevant, not_relevant


def evaluate(rows: list[dict], settings: Settings, prefix: str = "") -> tuple[dict[str, float], list[dict]]:
    """Per-mode P@5 and nDCG@10 over rows (searching the store of `settings`), the share of the first 5 with no
    recorded judgment (`unrecorded@5`), and per-case rows."""
    sums = {f"{prefix}{mode}.{name}": 0.0 for mode in MODES for name in ("p@5", "ndcg@10", "unrecorded@5")}
    cases = []
    for row in rows:
        relevant, not_relevant = judged(row)
        case = {"id": row["id"], "text": row["text"], "n_relevant": len(relevant)}
        for mode in MODES:
            ranked = [r.notice_id for r in similar_notices(row["text"], settings, k=DEPTH, mode=mode)]
            p5, ndcg = precision_at(ranked, relevant), ndcg_at(ranked, relevant)
            unrecorded = [nid for nid in ranked[:5] if nid not in relevant and nid not in not_relevant]
            sums[f"{prefix}{mode}.p@5"] += p5
            sums[f"{prefix}{mode}.ndcg@10"] += ndcg
            sums[f"{prefix}{mode}.unrecorded@5"] += len(unrecorded) / 5
            case[f"{mode}.p@5"] = round(p5, 3)
            case[f"{mode}.ndcg@10"] = round(ndcg, 3)
            if unrecorded:
                case[f"{mode}.unrecorded"] = unrecorded
        case["ok"] = case["hybrid.p@5"] >= 0.8
        cases.append(case)
    n = len(rows) or 1
    return {k: v / n for k, v in sums.items()}, cases


def evaluate_chat(rows: list[dict], settings: Settings, prefix: str = "") -> tuple[dict[str, float], list[dict]]:
    """Precision and recall of the notices a chat answer would list for each text, and the share of texts with a
    list; per-case rows with the ids shown. Precision is 0 when nothing at all is shown (never a free 1)."""
    shown = relevant_shown = wanted = with_list = 0
    cases = []
    for row in rows:
        relevant = set(row["relevant"])
        ids = [r.notice_id for r in similar_for_answer(row["text"], settings, CHAT_LIST)]
        hits = sum(1 for nid in ids if nid in relevant)
        shown += len(ids)
        relevant_shown += hits
        wanted += min(CHAT_LIST, len(relevant))
        with_list += bool(ids)
        cases.append({"id": row["id"], "shown": ids, "relevant_shown": hits})
    metrics = {f"{prefix}chat.precision": relevant_shown / shown if shown else 0.0,
               f"{prefix}chat.recall": relevant_shown / wanted if wanted else 0.0,
               f"{prefix}chat.with_list": with_list / len(rows) if rows else 0.0,
               f"{prefix}chat.shown": float(shown)}
    return metrics, cases


def run(settings: Settings, provider: str | None = None, progress: bool = True) -> SuiteResult:
    """Import the shipped snapshot into a temporary store and score the relevance sets; `provider` is unused."""
    started = time.perf_counter()
    seen = read_jsonl(settings.evals_dir / SEEN_FILE)
    unseen_path = settings.evals_dir / UNSEEN_FILE
    unseen = read_jsonl(unseen_path) if unseen_path.is_file() else []
    with tempfile.TemporaryDirectory(prefix="eval-similar-") as tmp:
        # A store and cache of its own: the notice vectors ship with the snapshot, and the few query vectors are
        # embedded here (a link to the user's cache broke when ADVISOR_HOME was a relative path).
        home = Path(tmp)
        eval_settings = settings.model_copy(update={"home": home})
        n_notices = import_snapshot(eval_settings, default_snapshot_dir(settings))
        metrics, cases = evaluate(seen, eval_settings)
        chat_metrics, chat_cases = evaluate_chat(seen, eval_settings)
        metrics.update(chat_metrics)
        chat_by_id = {c["id"]: c for c in chat_cases}
        cases = [{**c, "chat_shown": chat_by_id[c["id"]]["shown"]} for c in cases]
        if unseen:
            unseen_metrics, unseen_cases = evaluate(unseen, eval_settings, prefix="unseen.")
            metrics.update(unseen_metrics)
            cases += [{**c, "set": "unseen"} for c in unseen_cases]
            pool_path = settings.evals_dir / UNSEEN_POOL_FILE
            pooled = with_pool(unseen, read_jsonl(pool_path)) if pool_path.is_file() else []
            if pooled:
                metrics.update(evaluate(pooled, eval_settings, prefix="unseen_pooled.")[0])
            metrics.update(evaluate_chat(unseen, eval_settings, prefix="unseen.")[0])
            if pooled:
                metrics.update(evaluate_chat(pooled, eval_settings, prefix="unseen_pooled.")[0])
        # The need vocabulary (ADVISOR_DOFFIN_NEED_VOCABULARY) measured the other way round from the run's setting,
        # on the seen set and the pooled unseen set, so the reason for its default stays visible.
        other = eval_settings.with_overrides(doffin={"need_vocabulary": not settings.doffin.need_vocabulary})
        name = "vocabulary_off." if settings.doffin.need_vocabulary else "vocabulary_on."
        metrics.update(evaluate(seen, other, prefix=name)[0])
        if unseen:
            metrics.update(evaluate(pooled or unseen, other, prefix=f"{'unseen_pooled' if pooled else 'unseen'}.{name}")[0])
    metrics["n"] = float(len(seen))
    metrics["n_unseen"] = float(len(unseen))
    info = {"embedding_backend": settings.index.embedding_backend, "notices": n_notices,
            "rrf_k": settings.retrieval.rrf_k, "dense_weight": settings.retrieval.dense_weight,
            "bm25_weight": settings.retrieval.bm25_weight,
            "note": "unseen.* is the frozen set (never used for tuning); relevance judged by hand on pooled results"}
    return SuiteResult("similar", metrics, cases, {}, info, time.perf_counter() - started)
