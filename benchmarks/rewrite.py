"""Benchmark: how the offline rewriter's time grows with the length of one requirement text.

A requirement written once reads in well under a second; pasted text can be long. The text here repeats a unit that
exercises the readings added in wave 12 (a speed unit, the supplier's situation, a membership, experience from a named
firm) --copies times and four times as many, and prints the CPU seconds of each and their ratio: about 4 is linear,
16 quadratic. Most of the time is the analyzer's name matching, which the rewriter runs on the text and its draft.

Run: `.venv/bin/python benchmarks/rewrite.py [--copies 20] [--repeat 2]`.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from advisor.config import Settings
from advisor.rewrite import rewrite_requirement

UNIT = ("Pulten skal være Kinnarps med løftehastighet 38 mm/s fra et bakeri med adresse i kommunen, være medlem av "
        "Byggmesterforbundet og ha erfaring fra Deloitte eller tilsvarende selskap. ")


def _cpu_seconds(text: str, settings: Settings) -> float:
    started = time.process_time()
    rewrite_requirement(text, settings)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        settings = Settings(home=Path(home))
        rewrite_requirement(UNIT, settings)  # loads the lexicon, word frequencies and examples once
        small = min(_cpu_seconds(UNIT * args.copies, settings) for _ in range(args.repeat))
        large = min(_cpu_seconds(UNIT * args.copies * 4, settings) for _ in range(args.repeat))
    print(f"rewrite of one text, unit x {args.copies} / x {4 * args.copies}: CPU {small:.2f} s / {large:.2f} s, "
          f"ratio {large / max(small, 1e-9):.1f} (linear 4, quadratic 16)")


if __name__ == "__main__":
    main()
