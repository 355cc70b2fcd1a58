"""Eval suite "rewrite": are the rewrites of solution-specific requirements clean, complete and faithful?

Data: the solution-specific cases of evals/requirements.jsonl (tuning set) and evals/requirements_unseen.jsonl.
Each is rewritten with the chosen provider (default: the offline extractive drafter) and checked:

- pass_rate: the need statement and every requirement pass the analyzer (no medium or high finding);
- targets_kept_rate: every measurable target of the original (number with unit, percentage, temperature, count)
  appears in the rewrite; originals without targets count as kept, `targets_kept_rate_with_targets` leaves them out;
- need_statement_rate: the need statement is there and starts with «Vi har behov for»;
- requirement_count_rate: 3-6 functional/performance requirements;
- placeholder_need_rate / example_need_rate: how often the need statement is only the blank template, or was
  taken from a near-identical worked example (high values mean less own work by the drafter).

The checklist (`checklist.*` on evals/rewrite_checklist.jsonl, `checklist_unseen.*` on the frozen
evals/rewrite_checklist_unseen.jsonl, written before the rewriter was changed for it): six items per rewrite, each
met or not, and `rate` is the share of items met over all cases:
1. need: the need statement names who it is for (a user group) and the outcome («slik at», «for å»), and is not
   the original with words taken out (at most half of its content words come from the original);
2. clean: no brand, model, supplier, origin or other medium/high finding in the need or the requirements, and no
   flagged span of the original repeated there (except a standard or label flagged for lacking «eller
   tilsvarende»: the rewrite is meant to keep it with «eller tilsvarende», and kept bare the analyzer flags it; and
   an open protocol flagged as prescribed technology, kept with «eller tilsvarende» right after it);
3. three: at least three functional or performance requirements;
4. verifiable: every requirement has something measurable (a number, a bound or a [blank] to fill in) and says how
   it is verified (documented, tested, measured, demonstrated);
5. nothing_copied: no contact data, organisation number, address or legal reference in the requirements, and no
   requirement that is the original unchanged;
6. questions: at least one question for market dialogue and one for the buyer, and no market question that repeats a
   brand, model or supplier of the original or asks what a named product does «i dag» (the dialogue
   asks about the need and the alternatives, not about the product the buyer named).

Every case also has `climate_ok`: when the rewrite names the climate rule (FOA § 7-9) anywhere, it states it whole, as
procurement-facts.md supports it: weighting of at least 30 %, or instead climate or environment requirements in the
specification when that clearly gives a better effect and the reason is given in the documents, and the duty falls away
only when the footprint is insignificant; never that the buyer may simply leave it out. None when the rule is not
named; a case is only `ok` when it is not False. `climate_rule_rate` is the share of the cases naming it that state it
whole.

A checklist case may also say what is bought (`expect`: {"kind": "goods" | "services" | "works", "must": [...],
"must_not": [...], "climate": true}, the patterns matched case-insensitively against the need and the requirements;
`must` gives one pattern per part of the purchase when the original names several, and `climate` asks that the
rewrite names the climate rule). `object_rate`
is the share of those cases whose rewrite read the kind right, contains every `must` and no `must_not` pattern;
such a case is only `ok` when the object is read right too.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

from advisor.errors import AdvisorError
from advisor.evaluation.analyze import TUNING_FILE, UNSEEN_FILE
from advisor.evaluation.suite import SuiteResult, read_jsonl
from advisor.requirements import EQUIVALENT_SOON, find_matches

CHECKLIST_FILE = "rewrite_checklist.jsonl"
CHECKLIST_UNSEEN_FILE = "rewrite_checklist_unseen.jsonl"
CHECKLIST_ITEMS = ("need", "clean", "three", "verifiable", "nothing_copied", "questions")
USERS = re.compile(
    r"(?<!\w)(?:bruker\w*|ansatt\w*|elev\w*|pasient\w*|beboer\w*|innbygger\w*|pleier\w*|lærer\w*|saksbehandler\w*|"
    r"barn\w*|eldre|personal\w*|sjåfør\w*|hjemmeboende|besøkende|publikum|studente\w*|brannmannskap\w*|mannskap\w*|"
    r"renholder\w*|kokk\w*|driftspersonell\w*|medarbeider\w*|innsatte|passasjer\w*|reisende|trafikant\w*|gjester|"
    r"leger?|sykepleier\w*|helsepersonell|teknikere?|operatør\w*|users?|staff|pupils|patients|residents)(?!\w)",
    re.IGNORECASE,
)
OUTCOME = re.compile(r"(?<!\w)(?:slik at|for å|så at|uten at|og at|so that|in order to)(?!\w)", re.IGNORECASE)
MEASURABLE = re.compile(r"\d|\[[^\]]+\]|(?<!\w)(?:minst|høyst|maks\w*|minimum|innen|under|over|%|prosent)(?!\w)", re.IGNORECASE)
VERIFIED = re.compile(
    r"(?<!\w)(?:dokumenter\w*|dokumentasjon|verifiser\w*|test\w*|måle[srt]?|målt|måles|måling\w*|demonstrer\w*|datablad\w*|"
    r"sertifikat\w*|prøve\w*|kontroller\w*|rapporter\w*|logg\w*|befaring|referanse\w*|beregning\w*|documented|tested|"
    r"measured|verified)(?!\w)",
    re.IGNORECASE,
)
NOT_REQUIREMENT = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+|(?<!\d)(?:\+47\s?)?(?:\d{2}\s?){3}\d{2}(?!\d)|(?<!\d)\d{3}\s?\d{3}\s?\d{3}(?!\d)|"
    r"org\.?\s?nr|organisasjonsnummer|"
    # A postcode and place («0150 Oslo») is told by the place's capital letter (not «NS 3420 eller tilsvarende»)
    r"(?<!\bNS )(?<!\bEN )(?<!\bISO )\b\d{4}\s+(?-i:[A-ZÆØÅ][a-zæøå]+)\b|"
    r"\b(?-i:[A-ZÆØÅ][a-zæøå]+)(?:veien|vegen|gata|gate|vei|veg|faret|plass)\s+\d+|"
    r"\bPb\.?\s?\d+|postboks|§|\b(?:FOA|LOA|anskaffelsesforskriften|anskaffelsesloven|forskrift)\b",
    re.IGNORECASE,
)
_CONTENT = re.compile(r"[^\W\d_]{4,}")
# Findings that name a product or a supplier: a market question repeating them asks about the product, not the need.
NAMED_CATEGORIES = {"brand", "model_type", "supplier"}
# «Hva gjør X i dag», «funksjonene «X» har i dag», «behovet «X» dekker i dag»: the template that asks about the named
# product's present use rather than about the need.
PRODUCT_TODAY = re.compile(r"(?:hva\s+gjør|«[^»]+»\s+(?:har|gjør|dekker))\b[^?]*\bi\s+dag\b", re.IGNORECASE)
CLIMATE_RULE_PARTS = (
    re.compile(r"minst\s+30\s*(?:%|prosent)", re.IGNORECASE),
    re.compile(r"krav\w*\s+i\s+(?:krav)?spesifikasjonen", re.IGNORECASE),
    re.compile(r"klart\s+(?:gir|vil gi|gi)\s+(?:en\s+)?bedre\s+klima-?\s+og\s+miljøeffekt", re.IGNORECASE),
    re.compile(r"begrunn\w*", re.IGNORECASE),
    re.compile(r"ubetydelig", re.IGNORECASE),
)
# Wording that lets the buyer leave the rule out.
CLIMATE_SKIP = re.compile(
    r"(?<!\w)(?:kan\s+(?:dere\s+)?(?:droppe|sløyfe|unnlate|hoppe over|se bort fra)|trenger\s+(?:dere\s+)?ikke|er\s+valgfri\w*|"
    r"frivillig\w*|kan\s+velge\s+bort)(?!\w)", re.IGNORECASE)


def check_rewrite(rewrite) -> dict[str, Any]:
    """The checks for one rewrite: analyzer pass, targets kept, need statement, number of requirements."""
    from advisor.rewrite import PLACEHOLDER_NEED, measurable_targets, missing_targets

    texts = [rewrite.need_statement, *rewrite.functional_requirements]
    flagged = [t for t in texts if any(h.severity != "low" for h in find_matches(t))]
    targets = measurable_targets(rewrite.original, find_matches(rewrite.original))
    lost = missing_targets(targets, texts)
    return {
        "passes": not flagged,
        "flagged": flagged,
        "targets": [t.text for t in targets],
        "targets_lost": [t.text for t in lost],
        "targets_kept": not lost,
        "has_need": rewrite.need_statement.startswith("Vi har behov for"),
        "count_ok": 3 <= len(rewrite.functional_requirements) <= 6,
        "placeholder_need": rewrite.need_statement == PLACEHOLDER_NEED,
        "example_need": any("hentet fra det lignende eksempelet" in n for n in rewrite.notes),
    }


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in _CONTENT.findall(text)}


def _copied(span: str, category: str, text: str) -> bool:
    """The flagged span is in the written text, other than as a technology kept with room for equivalents («DALI eller
    tilsvarende»: an open protocol the subject-matter may call for, which the analyzer itself only notes)."""
    lowered = text.lower()
    starts = [m.start() for m in re.finditer(re.escape(span), lowered)]
    if category != "prescribed_technology":
        return bool(starts)
    return any(not EQUIVALENT_SOON.match(lowered[start + len(span):start + len(span) + 60]) for start in starts)


def market_named(rewrite) -> list[str]:
    """The market questions that repeat a brand, model or supplier of the original, or ask what a named
    product does today."""
    original = rewrite.original
    names = {original[m.start:m.end].strip().lower() for m in find_matches(original)
             if m.category in NAMED_CATEGORIES and m.severity != "low" and m.end - m.start >= 3}
    return [q for q in rewrite.market_questions
            if PRODUCT_TODAY.search(q) or any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", q.lower()) for n in names)]


def rewrite_texts(rewrite) -> list[str]:
    """Every text of the rewrite a reader sees: need, requirements, questions, notes and the legal basis."""
    return [rewrite.need_statement, *rewrite.functional_requirements, *rewrite.market_questions,
            *rewrite.questions_for_buyer, *rewrite.notes, *(b.rule for b in getattr(rewrite, "legal_basis", []))]


def climate_rule_ok(rewrite) -> bool | None:
    """Whether the rewrite states the climate rule (FOA § 7-9) whole wherever it names it (see the module docstring);
    None when it does not name it."""
    texts = [t for t in rewrite_texts(rewrite) if re.search(r"§\s*7-9", t)]
    if not texts:
        return None
    joined = " ".join(texts)
    return all(p.search(joined) for p in CLIMATE_RULE_PARTS) and not any(CLIMATE_SKIP.search(t) for t in texts)


def checklist(rewrite) -> dict[str, bool]:
    """The six checklist items for one rewrite (see the module docstring)."""
    original = rewrite.original
    need = rewrite.need_statement
    requirements = rewrite.functional_requirements
    need_words, original_words = _content_words(need), _content_words(original)
    copied = len(need_words & original_words) / len(need_words) if need_words else 1.0
    flagged = {(original[m.start:m.end].lower(), m.category) for m in find_matches(original)
               if m.severity != "low" and m.end - m.start >= 3 and m.category not in {"material_dimension_method", "tailoring"}
               and m.kind != "standard"}
    written = [need, *requirements]
    clean = not any(m.severity != "low" for text in written for m in find_matches(text)) and not any(
        _copied(span, category, text) for span, category in flagged for text in written)
    normal = re.sub(r"\W+", " ", original.lower()).strip()
    return {
        # a user group in a [blank to fill in] is not named: only the text outside brackets counts
        "need": bool(USERS.search(re.sub(r"\[[^\]]*\]", "", need)) and OUTCOME.search(need)) and copied <= 0.5,
        "clean": clean,
        "three": len(requirements) >= 3,
        "verifiable": bool(requirements) and all(MEASURABLE.search(r) and VERIFIED.search(r) for r in requirements),
        "nothing_copied": not any(NOT_REQUIREMENT.search(r) for r in requirements)
        and not any(re.sub(r"\W+", " ", r.lower()).strip() == normal for r in requirements),
        "questions": bool(rewrite.market_questions) and bool(rewrite.questions_for_buyer) and not market_named(rewrite),
    }


def object_check(rewrite, expect: dict[str, Any]) -> bool:
    """Whether the rewrite is about what `expect` says is bought: the kind read from the text and the wording."""
    written = " ".join([rewrite.need_statement, *rewrite.functional_requirements])
    kind = expect.get("kind")
    if expect.get("climate") and climate_rule_ok(rewrite) is not True:
        return False
    return (not kind or getattr(rewrite, "object_kind", None) == kind) \
        and all(re.search(p, written, re.IGNORECASE) for p in expect.get("must", [])) \
        and not any(re.search(p, written, re.IGNORECASE) for p in expect.get("must_not", []))


def run_checklist(rows: list[dict[str, Any]], settings, chosen: str, set_name: str) -> list[dict[str, Any]]:
    """Rewrite every checklist case and record which items are met."""
    from advisor.rewrite import rewrite_requirement

    cases = []
    for row in rows:
        text = row.get("text")
        if not isinstance(text, str) or not text.strip():
            raise AdvisorError(f"{set_name} case {row.get('id')}: text is missing")
        rewrite = rewrite_requirement(text, settings, provider=chosen)
        items = checklist(rewrite)
        expect = row.get("expect")
        object_ok = object_check(rewrite, expect) if isinstance(expect, dict) else None
        climate_ok = climate_rule_ok(rewrite)
        cases.append({"id": row.get("id"), "set": set_name,
                      "ok": all(items.values()) and object_ok is not False and climate_ok is not False,
                      "climate_ok": climate_ok, "market_named": market_named(rewrite),
                      "text": text, "items": items, "met": sum(items.values()), "object_ok": object_ok,
                      "object_kind": getattr(rewrite, "object_kind", None), "need_statement": rewrite.need_statement,
                      "requirements": rewrite.functional_requirements, "market_questions": rewrite.market_questions,
                      "questions_for_buyer": rewrite.questions_for_buyer})
    return cases


def _rate(cases: list[dict[str, Any]], key: str) -> float:
    return sum(1 for c in cases if c[key]) / len(cases) if cases else 0.0


def run(settings, provider: str | None = None, progress: bool = True) -> SuiteResult:
    """Rewrite every solution-specific case of the analyze data sets and check the drafts."""
    from advisor.llm import check_provider
    from advisor.rewrite import rewrite_requirement

    started = time.perf_counter()
    chosen = check_provider(provider, settings)
    evals = Path(settings.evals_dir)
    sets = [("tuning", read_jsonl(evals / TUNING_FILE))]
    if (evals / UNSEEN_FILE).is_file():
        sets.append(("unseen", read_jsonl(evals / UNSEEN_FILE)))
    cases: list[dict[str, Any]] = []
    version = None
    for name, rows in sets:
        for row in rows:
            if not row.get("solution_specific"):
                continue
            text = row.get("text")
            if not isinstance(text, str) or not text.strip():
                raise AdvisorError(f"{name} case {row.get('id')}: text is missing")
            rewrite = rewrite_requirement(text, settings, provider=chosen)
            version = rewrite.prompt_version or version
            checks = check_rewrite(rewrite)
            ok = checks["passes"] and checks["targets_kept"] and checks["has_need"] and checks["count_ok"]
            cases.append({"id": row.get("id"), "set": name, "ok": ok, "text": text, **checks,
                          "need_statement": rewrite.need_statement, "requirements": rewrite.functional_requirements,
                          "examples_used": rewrite.examples_used})
    if not cases:
        raise AdvisorError(f"no solution-specific cases in {evals / TUNING_FILE}")
    checklist_metrics: dict[str, float] = {}
    checklist_tables: dict[str, list[dict[str, Any]]] = {}
    for name, filename in (("checklist", CHECKLIST_FILE), ("checklist_unseen", CHECKLIST_UNSEEN_FILE)):
        if not (evals / filename).is_file():
            continue
        group = run_checklist(read_jsonl(evals / filename), settings, chosen, name)
        total = len(group) * len(CHECKLIST_ITEMS)
        checklist_metrics[f"{name}.rate"] = sum(c["met"] for c in group) / total if total else 0.0
        checklist_metrics[f"{name}.cases"] = float(len(group))
        for item in CHECKLIST_ITEMS:
            checklist_metrics[f"{name}.{item}"] = sum(1 for c in group if c["items"][item]) / len(group) if group else 0.0
        with_climate = [c for c in group if c["climate_ok"] is not None]
        if with_climate:
            checklist_metrics[f"{name}.climate_rule_rate"] = sum(1 for c in with_climate if c["climate_ok"]) / len(with_climate)
            checklist_metrics[f"{name}.climate_rule_cases"] = float(len(with_climate))
        with_object = [c for c in group if c["object_ok"] is not None]
        if with_object:
            checklist_metrics[f"{name}.object_rate"] = sum(1 for c in with_object if c["object_ok"]) / len(with_object)
            checklist_metrics[f"{name}.object_cases"] = float(len(with_object))
        checklist_tables[f"{name}_misses"] = [
            {"id": c["id"], "missing": ", ".join([k for k, v in c["items"].items() if not v]
                                                 + (["object"] if c["object_ok"] is False else [])
                                                 + (["climate_rule"] if c["climate_ok"] is False else [])), "text": c["text"]}
            for c in group if not c["ok"]
        ]
        cases.extend(group)
    all_cases, cases = cases, [c for c in cases if c["set"] in {"tuning", "unseen"}]
    with_targets = [c for c in cases if c["targets"]]
    metrics = {
        "cases": float(len(cases)),
        "pass_rate": _rate(cases, "passes"),
        "targets_kept_rate": _rate(cases, "targets_kept"),
        "targets_kept_rate_with_targets": _rate(with_targets, "targets_kept"),
        "cases_with_targets": float(len(with_targets)),
        "need_statement_rate": _rate(cases, "has_need"),
        "requirement_count_rate": _rate(cases, "count_ok"),
        "all_ok_rate": _rate(cases, "ok"),
        "placeholder_need_rate": _rate(cases, "placeholder_need"),
        "example_need_rate": _rate(cases, "example_need"),
    }
    metrics.update(checklist_metrics)
    tables = {
        **checklist_tables,
        "by_set": [
            {"set": name, "cases": len(group), "pass_rate": _rate(group, "passes"),
             "targets_kept_rate": _rate(group, "targets_kept"), "all_ok_rate": _rate(group, "ok")}
            for name in ("tuning", "unseen")
            if (group := [c for c in cases if c["set"] == name])
        ],
        "problems": [
            {"id": c["id"], "set": c["set"], "flagged": " | ".join(c["flagged"]), "targets_lost": ", ".join(c["targets_lost"]),
             "need": c["has_need"], "count_ok": c["count_ok"], "text": c["text"]}
            for c in cases if not c["ok"]
        ],
    }
    info = {"provider": chosen, "prompt_version": version,
            "note": "Rewrites of the solution-specific cases of requirements.jsonl (tuning) and requirements_unseen.jsonl."}
    return SuiteResult("rewrite", metrics, all_cases, tables, info, time.perf_counter() - started)
