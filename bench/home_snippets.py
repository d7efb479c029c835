"""What the home page's snippets cost (generator/render/home.py): each fact's verdict, once for the archive (the
article boxes' "disagree" badges and the disagreements list read it), and the snippets of the markers, timed on
a synthetic archive against the whole `generate` (clean to rendered pages, one core, nothing written).

    python bench/home_snippets.py --articles 1000 [--out bench/.work/home-1000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> None:
    from generator import pipeline
    from generator.render.home import include_pages, verdicts

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    out = args.out or REPO / "bench" / ".work" / f"home-{args.articles}"
    if not (out / "seeds").is_dir():
        from synth import synthesise  # bench/, beside this script
        synthesise(args.articles, out)
    started = time.perf_counter()
    archive = pipeline.generate(out, workers=1).archive
    whole = time.perf_counter() - started
    started = time.perf_counter()
    verdict_of = verdicts(archive)
    judged = time.perf_counter() - started
    started = time.perf_counter()
    include_pages(archive, verdict_of)
    snippets = time.perf_counter() - started
    print("| articles | facts | generate, 1 core | verdicts | snippets | share |")
    print("|---:|---:|---:|---:|---:|---:|")
    print(f"| {len(archive.articles):,} | {len(archive.facts):,} | {whole:.2f} s | {judged:.3f} s | {snippets:.3f} s "
          f"| {100 * (judged + snippets) / whole:.1f}% |")


if __name__ == "__main__":
    main()
