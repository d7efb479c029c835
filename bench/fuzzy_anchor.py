"""Time one approximate quote (two typos) against a single paragraph of N characters.

    python bench/fuzzy_anchor.py [--chars 20000 100000 1000000] [--unbounded]

A text without line breaks is one paragraph; the approximate search costs quote length x text length,
so annotate/anchor.py searches only around the quote's rarest words past FUZZY_BUDGET. Prints, per size, what
was found and how long it took.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.annotate import anchor as anchor_module  # noqa: E402
from generator.annotate.anchor import anchor  # noqa: E402
from generator.core.model import Block, Selector  # noqa: E402

FILLER = ("the council said that a harbour plan would be approved after long debate on tuesday while "
          "engineers warned").split()
TARGET = "Maria Costa, the harbour master, told reporters the quay would open before summer."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, nargs="+", default=[20_000, 100_000, 1_000_000])
    parser.add_argument("--unbounded", action="store_true",
                        help="lift FUZZY_BUDGET: every paragraph searched whole, as before the bound")
    args = parser.parse_args(argv)
    if args.unbounded:
        anchor_module.FUZZY_BUDGET = float("inf")
    quote = TARGET.replace("reporters", "reportres").replace("summer", "sumer")
    for chars in args.chars:
        rng = random.Random(1)
        filler = " ".join(rng.choice(FILLER) for _ in range(chars // 6))
        paragraph = f"{filler[:len(filler) // 2]} {TARGET} {filler[len(filler) // 2:]}"
        started = time.perf_counter()
        found = anchor(Selector(quote, "", ""), (Block("paragraph", paragraph, 1),))
        took = time.perf_counter() - started
        print(f"{len(paragraph):>9,} characters: {found.status} {found.matched_text[:40]!r}... in {took:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
