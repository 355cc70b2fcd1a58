"""`advisor analyze TEXT | --file F [--json]` and `advisor rewrite TEXT | --file F [--json] [--provider P]`.

analyze finds solution-specific wording (brand, model/type, product instead of function, prescribed technology,
material/dimension/method, «samme som i dag», missing «eller tilsvarende», tailoring) in one requirement or a list
(one per line or bullet; .txt, .md or .pdf with --file). rewrite turns a requirement into a need-based draft and
prints it with the original above it, the references that may stay if justified, and the rules it rests on with
their guidance sources.
"""

from __future__ import annotations

import argparse
import sys

SEVERITY_NB = {"high": "høy", "medium": "middels", "low": "lav"}


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `analyze` and `rewrite` commands."""
    p = sub.add_parser(
        "analyze",
        help="find solution-specific wording in requirements (brand, model, product, technology, ...)",
        description="Find solution-specific wording in one requirement, a pasted list (one per line or bullet) or a "
        "file (.txt, .md, .pdf). Each finding has its category and kind, exact span, severity, explanation, what to write "
        "instead, rule (FOA § 15-1 / § 8-5) and a citation. Names outside the lexicon are found by shape and position; "
        "an integration target or today's system is only a note, and text about the process is not a requirement. "
        "Works offline (rules, a brand lexicon and word frequency; no LLM).",
    )
    p.add_argument("text", nargs="?", help="the requirement text, or '-' to read stdin (at most ADVISOR_INDEX_MAX_FILE_MB)")
    p.add_argument("-f", "--file", metavar="F", help="read the requirements from a .txt, .md or .pdf file")
    p.add_argument("--json", action="store_true", help="print JSON (one object for one requirement, a list for several)")
    p.set_defaults(func=run)

    r = sub.add_parser(
        "rewrite",
        help="rewrite a solution-specific requirement as a need statement and functional requirements",
        description="Rewrite a requirement as a need-based draft: a need statement naming who it is for and the outcome, "
        "3-6 functional or performance requirements (each with how it is verified) that keep the original's measurable "
        "targets, questions for market dialogue and questions back to you. Offline by default (worked examples + templates); --provider openai|azure|ollama uses an LLM. The "
        "draft is checked by the analyzer before it is shown.",
    )
    r.add_argument("text", nargs="?", help="the requirement text, or '-' to read stdin")
    r.add_argument("-f", "--file", metavar="F", help="read the requirement(s) from a .txt, .md or .pdf file")
    r.add_argument("--json", action="store_true", help="print JSON")
    r.add_argument("--provider", metavar="P", help="extractive (default, no LLM) | openai | azure | ollama")
    r.set_defaults(func=run_rewrite)


def read_stdin(max_bytes: int) -> str:
    """Standard input as text, read in pieces up to `max_bytes`; more than that is an error, not a memory spike."""
    from advisor.errors import InvalidInput

    stream = getattr(sys.stdin, "buffer", None)
    pieces: list[bytes | str] = []
    total = 0
    while total <= max_bytes:
        piece = stream.read(min(1 << 20, max_bytes + 1 - total)) if stream is not None \
            else sys.stdin.read(min(1 << 20, max_bytes + 1 - total))
        if not piece:
            break
        pieces.append(piece)
        total += len(piece)
    if total > max_bytes:
        raise InvalidInput("standard input", f"more than {max_bytes / 1e6:.0f} MB",
                           f"at most {max_bytes / 1e6:.0f} MB of requirement text (ADVISOR_INDEX_MAX_FILE_MB); "
                           "split the list or pass a file")
    if stream is None:
        return "".join(str(p) for p in pieces)
    raw = b"".join(p for p in pieces if isinstance(p, bytes))
    if b"\x00" in raw[:8192]:
        raise InvalidInput("standard input", raw[:40], "plain text (this looks binary)")
    return raw.decode("utf-8", errors="replace")


def _requirements(args: argparse.Namespace, settings) -> list[str]:
    from advisor.cli.common import read_text_arg
    from advisor.errors import InvalidInput
    from advisor.requirements import read_requirements_file, split_requirements

    if args.text and args.file:
        raise InvalidInput("arguments", f"{args.text!r} and --file {args.file}", "either TEXT or --file, not both")
    if args.file and args.file != "-":
        text = read_requirements_file(args.file, settings)
    elif args.file == "-" or args.text == "-":
        # the same limit as a file: stdin has no size to check up front, so it is read in pieces up to the limit
        text = read_stdin(int(settings.index.max_file_mb * 1e6))
        if not text.strip():
            raise InvalidInput("requirement text", text, "non-empty requirement text")
    else:
        text = read_text_arg(args.text, args.file, what="requirement text")
    if "\x00" in text:
        raise InvalidInput("requirement text", text[:40], "plain text (this looks binary)")
    items = split_requirements(text)
    if not items:
        raise InvalidInput("requirement text", text, "at least one requirement with words in it")
    return items


def finding_dict(finding) -> dict:
    """One finding as the JSON object of the CLI contract."""
    from advisor.cli.common import to_jsonable

    return {
        "category": finding.category, "start": finding.start, "end": finding.end, "text": finding.text,
        "explanation": finding.explanation, "rule": finding.rule, "citation": to_jsonable(finding.citation),
        "severity": finding.severity, "kind": finding.kind, "instead": finding.instead,
    }


def analysis_dict(analysis) -> dict:
    """One analyzed requirement as the JSON object of the CLI contract."""
    return {"text": analysis.text, "solution_specific": analysis.solution_specific, "score": analysis.score,
            "findings": [finding_dict(f) for f in analysis.findings]}


def mark_spans(text: str, findings) -> str:
    """The requirement with every flagged span wrapped in [[ ]] (overlapping spans merged)."""
    spans: list[list[int]] = []
    for start, end in sorted((f.start, f.end) for f in findings):
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    out, last = [], 0
    for start, end in spans:
        out.append(text[last:start] + "[[" + text[start:end] + "]]")
        last = end
    return "".join(out) + text[last:]


def format_analysis(analysis, number: int, total: int) -> str:
    """Norwegian text report for one requirement, with the flagged spans marked."""
    from advisor.requirements import CATEGORY_LABELS

    head = f"Krav {number} av {total}" if total > 1 else "Krav"
    lines = [f"{head}: {mark_spans(analysis.text, analysis.findings)}"]
    if analysis.solution_specific:
        verdict = f"LØSNINGSBUNDET (styrke {analysis.score:.2f})"
    elif analysis.findings:
        verdict = f"behovsbasert, med merknader (styrke {analysis.score:.2f})"
    else:
        verdict = "behovsbasert – ingen løsningsbundne formuleringer funnet"
    lines.append(f"  Vurdering: {verdict}")
    for n, f in enumerate(analysis.findings, start=1):
        lines.append(f"  {n}. {CATEGORY_LABELS[f.category]} [{SEVERITY_NB[f.severity]}]: «{f.text}» (tegn {f.start}–{f.end})")
        lines.append(f"     {f.explanation}")
        if f.instead:
            lines.append(f"     Skriv heller: {f.instead}")
        lines.append(f"     Regel: {f.rule}")
        lines.append(f"     Kilde: {f.citation.title} – {f.citation.section} [{f.citation.chunk_id}]")
    return "\n".join(lines)


def run(args: argparse.Namespace, settings) -> int:
    from advisor.cli.common import print_json
    from advisor.requirements import analyze_requirement

    results = [analyze_requirement(item, settings) for item in _requirements(args, settings)]
    if args.json:
        print_json(analysis_dict(results[0]) if len(results) == 1 else [analysis_dict(a) for a in results])
        return 0
    print("\n\n".join(format_analysis(a, n, len(results)) for n, a in enumerate(results, start=1)))
    flagged = sum(1 for a in results if a.solution_specific)
    if len(results) > 1:
        print(f"\n{flagged} av {len(results)} krav er løsningsbundne.")
    return 0


def rewrite_dict(rewrite) -> dict:
    """One rewrite as the JSON object of the CLI contract."""
    from advisor.cli.common import to_jsonable

    return {
        "original": rewrite.original, "need_statement": rewrite.need_statement,
        "functional_requirements": rewrite.functional_requirements, "market_questions": rewrite.market_questions,
        "questions_for_buyer": rewrite.questions_for_buyer, "findings": [finding_dict(f) for f in rewrite.findings],
        "provider": rewrite.provider, "examples_used": rewrite.examples_used, "prompt_version": rewrite.prompt_version,
        "targets": rewrite.targets, "product_figures": rewrite.product_figures, "notes": rewrite.notes,
        "references": [{"name": r.name, "kind": r.kind, "requirement": r.requirement, "question": r.question,
                        "conditional": r.is_conditional} for r in rewrite.references],
        "legal_basis": [{"rule": b.rule, "citation": to_jsonable(b.citation)} for b in rewrite.legal_basis],
    }


def format_rewrite(rewrite) -> str:
    """Norwegian text: the original above the draft, both clearly labelled."""
    from advisor.requirements import CATEGORY_LABELS

    cats = sorted({CATEGORY_LABELS[f.category] for f in rewrite.findings})
    lines = ["OPPRINNELIG KRAV", f"  {mark_spans(rewrite.original, rewrite.findings)}"]
    lines.append(f"  Funn: {', '.join(cats) if cats else 'ingen løsningsbundne formuleringer'}")
    lines += ["", "UTKAST TIL BEHOVSBASERT KRAV (må gjennomgås og fullføres)", "  Behov:", f"    {rewrite.need_statement}",
              "  Funksjons- og ytelseskrav:"]
    lines += [f"    {n}. {req}" for n, req in enumerate(rewrite.functional_requirements, start=1)]
    if rewrite.kept_targets:
        lines.append(f"  Målbare verdier fra originalen (beholdt som krav): {', '.join(rewrite.kept_targets)}")
    if rewrite.product_figures:
        lines.append("  Tall fra originalen som ikke er krav i seg selv (kravene sier hva de skal oppnå): "
                     + ", ".join(rewrite.product_figures))
    conditional = [r for r in rewrite.references if r.is_conditional]
    if conditional:
        lines.append("  Henvisninger som kan beholdes hvis de er begrunnet (kontraktsgjenstanden må kreve det):")
        lines += [f"    - {r.requirement}" for r in conditional]
    lines.append("  Spørsmål til markedet (dialog før konkurransen):")
    lines += [f"    - {q}" for q in rewrite.market_questions]
    lines.append("  Spørsmål til dere (det som mangler):")
    lines += [f"    - {q}" for q in rewrite.questions_for_buyer]
    if rewrite.legal_basis:
        lines.append("  Hvorfor kravene er skrevet slik (regelverk og veiledning):")
        lines += [f"    [{b.citation.n}] {b.rule}. Kilde: «{b.citation.title}», avsnitt «{b.citation.section}» "
                  f"[{b.citation.chunk_id}]" for b in rewrite.legal_basis]
    if rewrite.notes:
        lines.append("  Merknader og endringer:")
        lines += [f"    - {note}" for note in rewrite.notes]
    # the worked examples used and the offline provider are internal (kept in --json); an LLM draft says which model
    # and prompt wrote it, since the buyer must know a language model drafted it
    if rewrite.prompt_version:
        lines.append(f"  Utkastet er skrevet med språkmodell · leverandør: {rewrite.provider} · promptversjon: "
                     f"{rewrite.prompt_version}")
    return "\n".join(lines)


def run_rewrite(args: argparse.Namespace, settings) -> int:
    from advisor.cli.common import print_json
    from advisor.rewrite import rewrite_requirement

    results = [rewrite_requirement(item, settings, provider=args.provider) for item in _requirements(args, settings)]
    if args.json:
        print_json(rewrite_dict(results[0]) if len(results) == 1 else [rewrite_dict(r) for r in results])
        return 0
    print(("\n\n" + "=" * 72 + "\n\n").join(format_rewrite(r) for r in results))
    return 0
