"""Benchmark: how reading the facts of a purchase from free text (advisor assess --text) grows with the text's length.

A notice description is a few hundred words; pasted tender documents can be far longer. The text repeats a unit with
the value wordings added in wave 12 (a mixed «1 000.000», limits for call-offs, a ceiling per framework) --copies
times and eight times as many, and prints the CPU seconds of each and their ratio: about 8 is linear, 64 quadratic.

Run: `.venv/bin/python benchmarks/assess_text.py [--copies 20] [--repeat 2]`.
"""

from __future__ import annotations

import argparse
import time

from advisor.assessment import extract_case

UNIT = ("Evaluering av et program med mange prosjekter og avtaler på inntil 1 000.000 kr for avrop over 300 000 kr "
        "dersom behov over 200 000 kr. ")


def _cpu_seconds(text: str) -> float:
    started = time.process_time()
    extract_case(text)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    extract_case(UNIT)  # loads what the reader needs once
    small = min(_cpu_seconds(UNIT * args.copies) for _ in range(args.repeat))
    large = min(_cpu_seconds(UNIT * args.copies * 8) for _ in range(args.repeat))
    print(f"reading one text, unit x {args.copies} / x {8 * args.copies}: CPU {small:.3f} s / {large:.3f} s, "
          f"ratio {large / max(small, 1e-9):.1f} (linear 8, quadratic 64)")


if __name__ == "__main__":
    main()
