"""`advisor assess FILE|- [--json] [--markdown OUT] [--text TEXT]`: assess a planned purchase with cited rules.

FILE is a case as JSON or YAML (keys in advisor/assessment/case.py). --text reads the keys it can from a Norwegian
description; in a terminal it then asks for the rest (never when stdin is not a terminal). Keys in FILE override
keys read from --text.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import textwrap
from pathlib import Path

WIDTH = 100


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `assess` command."""
    p = sub.add_parser(
        "assess",
        help="assess a planned purchase: part of FOA, need for innovation, procedure (cited rules)",
        description="Transparent, rule-based assessment of a planned purchase: which regulation and which parts apply "
        "(FOA parts I-IV, forsyningsforskriften, or a referral to the defence and security or concessions regulation), "
        "against dated thresholds and the contract value worked out per FOA § 5-4; whether it should be run as an "
        "innovative procurement; which procedure fits and on what legal ground; and the next steps with minimum time "
        "limits and the standstill period, each tied to a guidance passage. The first line is the verdict in one "
        "sentence. Output in Norwegian. Decision support, not legal advice.",
        epilog="Case keys (all optional; missing keys become stated assumptions): need (text), estimated_value_nok "
        "(whole kroner excl. VAT, the whole contract), buyer (state | municipal | other), category (goods | services | "
        "works), regime (foa | utilities | defence_security | concession), market_has_solution (yes | with_adaptation | "
        "no | unknown), development_needed, wants_to_buy_result, can_specify_solution, market_dialogue_done, "
        "health_social_services, special_services, utilities, design_contest, previous_competition_failed, open_ended, "
        "framework_agreement, amounts_include_vat (true | false), value_per_period_nok (whole kroner) with value_period "
        "(month | year), duration_months and option_months (whole months), options_value_nok, value_parts (text: the "
        "parts that estimated_value_nok sums, as the text reader writes them), deadline_months, "
        "risk_tolerance (low | medium | high). Thresholds: advisor/assessment/thresholds.yaml (dated tables). "
        "See docs/assessment.md.",
    )
    p.add_argument("file", nargs="?", metavar="FILE|-", help="case as JSON or YAML; '-' reads it from stdin")
    p.add_argument("--text", metavar="TEXT", help="free-text description (bokmål, nynorsk or English); the keys found are shown as assumptions")
    p.add_argument("--json", action="store_true", help="print the assessment as JSON")
    p.add_argument("--markdown", metavar="OUT", help="write the assessment with its audit trail as Markdown to OUT ('-' = stdout)")
    p.add_argument("--no-questions", action="store_true", help="with --text: do not ask for missing keys, even in a terminal")
    p.set_defaults(func=run)


def _ask(prompt: str) -> str | None:
    """Ask on stderr (stdout may carry JSON) and read one line from stdin; None at end of input."""
    sys.stderr.write(prompt)
    sys.stderr.flush()
    line = sys.stdin.readline()
    return None if line == "" else line.rstrip("\n")


def _tell(text: str) -> None:
    print(text, file=sys.stderr)


def _read_case_values(source: str) -> dict:
    from advisor.assessment import load_case, parse_case, parse_case_text

    if source == "-":
        return parse_case(parse_case_text(sys.stdin.read(), name="stdin")).given()
    return load_case(source).given()


def run(args: argparse.Namespace, settings) -> int:
    """Read the case (file, stdin or --text), assess it, and print text, JSON or Markdown."""
    from advisor.assessment import (
        ask_missing,
        assess,
        check_text,
        describe_extraction,
        extract_case,
        parse_case,
        to_markdown,
    )
    from advisor.cli.common import print_json
    from advisor.errors import InvalidInput

    if args.file is None and args.text is None:
        raise InvalidInput("file", None, "a case FILE (JSON or YAML), '-' for stdin, or --text \"description\"")
    values: dict = {}
    notes: list[tuple[str, str]] = []
    if args.text is not None:
        if not args.text.strip():
            raise InvalidInput("text", args.text, "a non-empty description of the purchase")
        check_text("text", args.text)
        extraction = extract_case(args.text)
        if extraction.problems:
            # Never assess on an amount that was thrown away: the value decides the part.
            problem = extraction.problems[0]
            raise InvalidInput("text", problem.phrase, f"a usable amount in the description ({problem.reason})")
        values.update(extraction.values)
        notes = extraction.notes
    if args.file is not None:
        from_file = _read_case_values(args.file)
        values.update(from_file)
        notes = [(key, note) for key, note in notes if key not in from_file]
    if args.text is not None and not args.no_questions and args.file != "-" and sys.stdin.isatty():
        _tell("Dette leste vi ut av beskrivelsen:\n" + (describe_extraction(extraction) or "  (ingenting)"))
        _tell("Svar på spørsmålene under (tomt svar hopper over, og modellen bruker da en antakelse):")
        values = ask_missing(values, _ask, _tell)
    case = parse_case(values)
    assessment = assess(case, settings, interpretation=notes)

    if args.markdown:
        text = to_markdown(assessment)
        if args.markdown == "-":
            sys.stdout.write(text)
        else:
            _write_whole(Path(args.markdown), text.encode("utf-8"))
            _tell(f"Skrev revisjonsspor til {args.markdown}")
    if args.json:
        print_json(assessment)
    elif args.markdown != "-":
        print(render_text(assessment))
    return 0


def _write_whole(path: Path, data: bytes) -> None:
    """Write the file completely or not at all: a temporary file beside it, renamed into place when full."""
    from advisor.errors import InvalidInput

    try:
        with tempfile.NamedTemporaryFile("wb", dir=path.parent or Path("."), prefix=f".{path.name}.", delete=False) as out:
            temporary = Path(out.name)
            try:
                out.write(data)
            except OSError:
                temporary.unlink(missing_ok=True)
                raise
        try:
            os.replace(temporary, path)
        except OSError:
            temporary.unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise InvalidInput("markdown", str(path), f"a writable file path ({exc.strerror or exc})") from exc


def _wrap(text: str, indent: str = "  ", first: str | None = None) -> str:
    return textwrap.fill(text, WIDTH, initial_indent=first if first is not None else indent, subsequent_indent=indent)


def render_text(a) -> str:
    """The assessment as readable Norwegian text for the terminal."""
    from advisor.assessment import POTENTIAL_LABELS, format_nok

    t = a.threshold
    out = [
        "VURDERING AV ANSKAFFELSEN (beslutningsstøtte, ikke juridisk rådgivning)",
        "",
        _wrap(a.headline, "", ""),
        "",
        f"Regelverk: {a.regime_label}",
        f"Del av forskriften: {a.part_label}",
        _wrap(a.part_reason, "    ", "  "),
        _wrap(f"Terskel lagt til grunn: {t.name}: {format_nok(t.value_nok)} kr ekskl. mva., gjelder fra {t.as_of} "
              f"(tabellen for {a.thresholds_period}; kilde: {t.source})", "    ", "  "),
    ]
    out += [_wrap(reason, "    ", "  - ") for reason in a.regime_reasons]
    if a.contract_value is not None:
        out += ["", _wrap(f"Kontraktsverdi: {a.contract_value.calculation}", "    ", "")]
        out += [_wrap(reason, "    ", "  - ") for reason in a.value_reasons]
    out += [
        "",
        f"Innovativ anskaffelse: {'ja' if a.innovative else 'nei'} (innovasjonspotensial: {POTENTIAL_LABELS[a.innovation_potential]})",
    ]
    out += [_wrap(reason, "    ", "  - ") for reason in a.reasons]
    label = a.procedure_label[0].upper() + a.procedure_label[1:]
    out += ["", f"Anbefalt prosedyre: {label}" + (" (FORELØPIG)" if a.provisional else "")]
    if a.legal_ground:
        g = a.legal_ground
        out.append(_wrap(f"Hjemmel: {g.provision}{'' if g.verified else ' (ikke verifisert)'}. {g.explanation}", "    ", "  "))
        out += [_wrap(ground, "      ", "    - ") for ground in g.grounds]
    out += [_wrap(reason, "    ", "  - ") for reason in a.procedure_reasons]
    if a.alternatives:
        out += ["", "Alternativer:"]
        out += [_wrap(f"{alt.label}: {alt.reason}", "     ", f"  {i}. ") for i, alt in enumerate(a.alternatives, start=2)]
    out += ["", "Neste steg:"] + [_wrap(step, "     ", f"  {i}. ") for i, step in enumerate(a.next_steps, start=1)]
    if a.unverified:
        out += ["", "Ikke verifisert i faktagrunnlaget:"] + [_wrap(x, "    ", "  ? ") for x in a.unverified]
    if a.assumptions:
        out += ["", "Forutsetninger:"] + [_wrap(x, "    ", "  - ") for x in a.assumptions]
    if a.to_find_out:
        out += ["", "Må avklares:"] + [_wrap(x, "    ", "  - ") for x in a.to_find_out]
    if a.warnings:
        out += ["", "Advarsler:"] + [_wrap(x, "    ", "  ! ") for x in a.warnings]
    out += ["", "Kilder:"]
    for c in a.citations:
        where = " – ".join(x for x in (c.title, c.section) if x)
        out.append(_wrap(f"[{c.n}] {where} ({c.doc_id})", "      ", "  "))
    out += ["", _wrap(a.disclaimer, "", "")]
    return "\n".join(out)
