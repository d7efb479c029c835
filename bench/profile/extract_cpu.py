"""CPU seconds of extracting web pages (clean/html/extract.py), with and without trafilatura's recall mode
on short pages, interleaved so a slow spell of the machine falls on both.

    python bench/profile/extract_cpu.py [--pages 80] [--repeat 3] [--corpus ../shared/corpus/snippets/html]

Prints the best of REPEAT runs of each, in milliseconds a page. Where the corpus is absent it says so and
exits 0.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from generator.clean.html import extract as extract_module  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "snippets" / "html"


def timed(pages: list[str], recall_below: int) -> float:
    extract_module.RECALL_BELOW_WORDS = recall_below
    started = time.process_time()
    for html in pages:
        extract_module.extract(html)
    return time.process_time() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=80)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"skipped: {args.corpus} is absent")
        return 0
    pages = [p.read_text("utf-8", errors="replace") for p in sorted(args.corpus.glob("*.html"))[:args.pages]]
    with_recall = extract_module.RECALL_BELOW_WORDS
    timed(pages[:5], with_recall)  # imports and caches loaded before the clock counts
    best = {"precision mode only": float("inf"), f"recall mode under {with_recall} words": float("inf")}
    for _ in range(args.repeat):
        for label, below in zip(best, (0, with_recall)):
            best[label] = min(best[label], timed(pages, below))
    for label, seconds in best.items():
        print(f"{label:<28} {seconds * 1000 / len(pages):7.1f} ms a page ({len(pages)} pages, best of {args.repeat})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
