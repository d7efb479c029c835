"""Seconds of the clean stage, and how many times trafilatura ran, on an archive of web pages.

    python bench/html_clean_stage.py [--pages 70]

Copies the first N pages of ../shared/corpus/boilerplate/html into the seeds/ of a temporary archive
(deleted afterwards), loads it with load_archive() on one core, as `python -m generator validate` does,
and prints the clean stage's seconds (wall; the CPU time of the whole load beside them) and the number of trafilatura runs: one per page when each page is
extracted once. Where the corpus is absent it says so and exits 0.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "corpus" / "boilerplate" / "html"
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=70, help="how many corpus pages the archive holds")
    args = parser.parse_args(argv)
    if not PAGES.is_dir():
        print(f"skipped: {PAGES} is absent")
        return 0
    import trafilatura

    from generator.pipeline import load_archive
    from generator.runtime.progress import Stages

    runs = [0]
    extract = trafilatura.extract

    def counted(*positional, **named):  # type: ignore[no-untyped-def]
        runs[0] += 1
        return extract(*positional, **named)

    trafilatura.extract = counted
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "seeds").mkdir()
        (root / "annotations" / "articles").mkdir(parents=True)
        pages = sorted(PAGES.glob("*.html"))[:args.pages]
        for number, page in enumerate(pages):
            shutil.copy2(page, root / "seeds" / f"{number:03d}_{page.stem[:16]}.html")
        stages = Stages()
        cpu = time.process_time()
        archive, _ = load_archive(root, stages=stages, workers=1)
        cpu = time.process_time() - cpu
    print(f"{len(pages)} pages, {len(archive.articles)} articles: clean stage {stages.seconds['clean']:.1f} s "
          f"(load_archive CPU {cpu:.1f} s), trafilatura ran {runs[0]} times")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
