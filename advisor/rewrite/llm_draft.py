"""The LLM draft: render prompts/rewrite.md with the findings, targets and nearest examples; parse the JSON reply.

The reply is repaired where that is safe (code fences, trailing commas, curly quotes) and otherwise rejected with
ProviderError; the rewriter then checks the parsed draft exactly as it checks the offline one.
"""

from __future__ import annotations

import json
import re

from advisor.config import Settings
from advisor.errors import ProviderError
from advisor.llm import defuse
from advisor.requirements import CATEGORY_LABELS, KIND_LABELS, Finding, PurchaseObject
from advisor.rewrite.domains import PurchaseType, fill_who, value_requirements
from advisor.rewrite.examples import Example
from advisor.rewrite.targets import Target

PROMPT_NAME = "rewrite"
PROMPT_FIELDS = frozenset({"original", "findings", "targets", "examples", "domain"})
_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$", re.MULTILINE)
_REPLY_KEYS = ("need_statement", "functional_requirements", "market_questions", "questions_for_buyer")


def render_findings(findings: list[Finding]) -> str:
    """The findings as numbered lines for the prompt."""
    if not findings:
        return "(ingen funn)"
    return "\n".join(f"{n}. {CATEGORY_LABELS[f.category]} ({f.category}, {f.severity}): «{f.text}» – {f.explanation}"
                     for n, f in enumerate(findings, start=1))


def render_examples(nearest: list[tuple[Example, float]]) -> str:
    """The nearest worked examples as few-shot pairs (original -> JSON answer) for the prompt."""
    blocks = []
    for example, _ in nearest:
        answer = {"need_statement": example.need_statement, "functional_requirements": example.requirements,
                  "market_questions": example.market_questions, "questions_for_buyer": []}
        blocks.append(f"Eksempel {example.id} ({example.domain})\nOpprinnelig krav: {example.original}\n"
                      f"Problemer: {', '.join(example.problems)}\nSvar:\n{json.dumps(answer, ensure_ascii=False)}")
    return "\n\n".join(blocks) or "(ingen eksempler)"


def parse_reply(reply: str, provider: str) -> dict[str, list[str] | str]:
    """The LLM's JSON answer as a dict; code fences and trailing commas are repaired, anything else unusable raises.

    Every text is defused (advisor.llm.defuse): Markdown images and links are shown as plain text."""
    text = _FENCE.sub("", reply.strip())
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end <= start:
        raise ProviderError(provider, None, f"malformed reply: no JSON object in {reply[:80]!r}")
    body = text[start:end + 1]
    data = None
    for candidate in (body, re.sub(r",\s*([}\]])", r"\1", body).replace("“", '"').replace("”", '"')):
        try:
            data = json.loads(candidate)
            break
        except json.JSONDecodeError:
            continue
    if not isinstance(data, dict):
        raise ProviderError(provider, None, f"malformed reply: not valid JSON ({body[:80]!r})")
    out: dict[str, list[str] | str] = {}
    need = data.get("need_statement")
    if not isinstance(need, str) or not need.strip():
        raise ProviderError(provider, None, "malformed reply: need_statement is missing or empty")
    out["need_statement"] = defuse(need.strip())
    for key in _REPLY_KEYS[1:]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise ProviderError(provider, None, f"malformed reply: {key} must be a list of strings")
        items = []
        for item in value:
            if isinstance(item, dict):  # {"krav": "..."} or {"text": "..."}
                item = next((v for v in item.values() if isinstance(v, str)), "")
            if isinstance(item, str) and item.strip():
                items.append(defuse(item.strip()))  # an uploaded list can carry the same tricks as a source
        out[key] = items
    if not out["functional_requirements"]:
        raise ProviderError(provider, None, "malformed reply: no functional_requirements")
    return out


def render_domain(ptype: PurchaseType | None, text: str, bought: PurchaseObject | None = None) -> str:
    """What is bought, the purchase type's need, requirements and questions, and the technical values turned into
    functions."""
    lines = []
    if bought is not None:
        lines.append(f"Det som kjøpes: {KIND_LABELS[bought.kind]} («{bought.phrase}»); behov og krav skal gjelde dette. "
                     + ("" if bought.is_certain else "Dette er antatt ut fra verbet; si i behovet hva som er antatt."))
    if ptype is not None:
        lines += [f"Innkjøpstype: {ptype.id} ({ptype.domain})", f"Typisk behov: {fill_who(ptype.need, text)}", "Typiske funksjonskrav:"]
        lines += [f"- {r}" for r in ptype.requirements]
        if ptype.climate and ptype.climate not in ptype.requirements:
            lines.append(f"- {ptype.climate}")
        if ptype.climate:
            lines.append("Klima og miljø (FOA § 7-9): minst ett av kravene skal gjelde klima eller miljø, for eksempel "
                         "det siste kravet over. Regelen: klima- og miljøhensyn vektes med minst 30 %, eller ivaretas med "
                         "krav i kravspesifikasjonen når det klart gir bedre klima- og miljøeffekt (begrunnet i "
                         "dokumentene); plikten faller bort bare når klimaavtrykket og miljøbelastningen er ubetydelig. "
                         "Skriv aldri at regelen kan velges bort.")
        lines += ["Spørsmål til markedet:"] + [f"- {q}" for q in ptype.market_questions]
        if ptype.source:
            lines.append(f"Kilde for fagopplysninger: {ptype.source}")
    values = value_requirements(text, functions=ptype.values if ptype is not None else ())
    if values:
        lines += ["Tekniske verdier i kravet, skrevet om til funksjon:"] + [f"- {v}" for v in values]
    return "\n".join(lines) or "(ingen kjent innkjøpstype)"


def draft_llm(text: str, findings: list[Finding], targets: list[Target], nearest: list[tuple[Example, float]],
              settings: Settings, provider: str, ptype: PurchaseType | None = None,
              bought: PurchaseObject | None = None) -> tuple[dict[str, list[str] | str], str]:
    """Ask the LLM for a draft (prompts/rewrite.md); returns the parsed answer and the prompt version."""
    from advisor.llm import complete, load_prompt, prompt_messages

    prompt = load_prompt(PROMPT_NAME, settings.prompts_dir, required=PROMPT_FIELDS)
    rendered = prompt.render(
        original=text.strip(),
        findings=render_findings(findings),
        targets=", ".join(t.text for t in targets) or "(ingen)",
        examples=render_examples(nearest),
        domain=render_domain(ptype, text, bought),
    )
    reply = complete(prompt_messages(rendered), settings, provider=provider)
    return parse_reply(reply, provider), prompt.version
