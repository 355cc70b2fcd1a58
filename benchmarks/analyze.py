"""Benchmark: how long the analyzer takes on a long requirement list (issue 17: 10 000 lines in under 3 s).

The list mixes the kinds of lines the analyzer meets: lexicon brands and models, unknown names, suppliers, standards,
exact technical values, integration targets, process text and need statements, each with a number that varies so
that no two lines are the same. The timing covers splitting, the rules, explanations and citations
(analyze_text, as `advisor analyze --file` runs it); the first run after start-up also loads the lexicon and word
frequencies, so the best of --repeat runs is printed next to the first.

A second figure guards against super-linear rules: one line holding the same requirement --copies times and four
times as many (a name found in every copy), with the ratio of the two CPU times; about 4 is linear, 16 quadratic.

Run: `.venv/bin/python benchmarks/analyze.py [--lines 10000] [--repeat 3] [--copies 1000]`. Prints wall-clock and
CPU seconds, the findings and the long-line ratios.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from advisor.config import Settings
from advisor.requirements import analyze_text, find_matches

TEMPLATES = (
    "Det skal leveres {n} stk. Lenovo ThinkPad T14 Gen 5 med dokkingstasjon.",
    "Kystverket skal anskaffe redningsvester av typen Dirigens Mini {n}.",
    "Kommunen har til intensjon å inngå kontrakt med Nordvik Data {n} AS om drift av nettverket.",
    "Renholdet skal holde kvalitetsnivå {n} etter INSTA 800.",
    "Varmepumpen skal ha {n} kW og R290.",
    "Løsningen må integreres med læringsplattformen Canvas innen {n} dager.",
    "Tilbud leveres i Mercell innen {n}. mars.",
    "Løsningen skal redusere ventetiden med minst {n} prosent for innbyggerne.",
    "Skjermene skal være {n} tommer med 2560×1440 og leveres til saksbehandlerne.",
    "Hjelpemidlene skal være produsert i Norge og leveres innen {n} uker.",
)
# Units repeated on one line: an unknown name before a goods noun, heading a demand, with a model code; a lexicon brand.
LONG_LINE_UNITS = (
    "Bilene skal ha Norbrix takstativ og ",
    "Kvelmo verktøyskuffer skal monteres ",
    "Skjøtene skal tettes med Norbrix 40FC og ",
    "Det skal leveres iPad og ",
)


def _cpu_seconds(text: str) -> float:
    started = time.process_time()
    find_matches(text)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--copies", type=int, default=1000)
    args = parser.parse_args()
    text = "\n".join(TEMPLATES[i % len(TEMPLATES)].format(n=i % 97 + 3) for i in range(args.lines))
    with tempfile.TemporaryDirectory() as home:
        settings = Settings(home=Path(home))
        times, cpu = [], []
        for _ in range(args.repeat):
            started, started_cpu = time.perf_counter(), time.process_time()
            analyses = analyze_text(text, settings)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
    findings = sum(len(a.findings) for a in analyses)
    # CPU seconds next to wall-clock seconds: on a shared machine the wall clock also counts other people's work
    print(f"{args.lines} requirement lines: first run {times[0]:.2f} s, best of {args.repeat} {min(times):.2f} s "
          f"(CPU {min(cpu):.2f} s); "
          f"{sum(a.solution_specific for a in analyses)} solution-specific, {findings} findings")
    for unit in LONG_LINE_UNITS:
        small = min(_cpu_seconds(unit * args.copies) for _ in range(args.repeat))
        large = min(_cpu_seconds(unit * args.copies * 4) for _ in range(args.repeat))
        print(f"one line, {unit.strip()!r} x {args.copies} / x {4 * args.copies}: CPU {small:.3f} s / {large:.3f} s, "
              f"ratio {large / max(small, 1e-9):.1f} (linear 4, quadratic 16)")


if __name__ == "__main__":
    main()
