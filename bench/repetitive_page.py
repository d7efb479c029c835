"""Time the cleaning of web pages made of one short phrase repeated (a pathological page for line alignment).

    python bench/repetitive_page.py [--repeats 200 1000 2000] [--unbounded]

generator/clean/html/pagelines.py aligns the extracted text with the page's blocks by sequence matching, which costs
far more than the product of the lengths when a few distinct words repeat; ALIGN_CELLS and ALIGN_CELLS_MAX
bound it. Prints, per size, the page's length and how long clean() took.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.clean.cleaner import clean  # noqa: E402
from generator.clean.html import pagelines  # noqa: E402
from generator.core.model import RawDocument  # noqa: E402

PHRASE = "\ub5c2\U0001c1b7\x1b*\xd8s#\x82\xd3\U000a8e8d\U000f8a92q"  # found by Hypothesis (tests/test_properties.py)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, nargs="+", default=[200, 1000, 2000])
    parser.add_argument("--unbounded", action="store_true",
                        help="lift ALIGN_CELLS and ALIGN_CELLS_MAX: exact sequence matching, as before the bound")
    args = parser.parse_args(argv)
    if args.unbounded:
        pagelines.ALIGN_CELLS = pagelines.ALIGN_CELLS_MAX = float("inf")
    for repeats in args.repeats:
        text = PHRASE * repeats
        page = (f"<html><head><title>{text[:80]}</title></head><body><article><p>{text}</p></article>"
                "</body></html>")
        started = time.perf_counter()
        clean(RawDocument("bench", Path("bench.html"), page, "html"))
        print(f"{repeats:>6} repeats, {len(page):>7,} characters: {time.perf_counter() - started:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
