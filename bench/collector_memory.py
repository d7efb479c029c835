"""Why the build leaves the cyclic collector on while cleaning: peak memory of cleaning the corpus's HTML pages.

    python bench/collector_memory.py          # both ways, each in a fresh process

Parsed HTML is full of reference cycles that refcounting cannot free. Cleans the 90 pages of
../shared/corpus/boilerplate/html twice with the collector on, then off, and prints each peak RSS.
Where the corpus is absent it says so and exits 0.
"""

from __future__ import annotations

import gc
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "corpus" / "boilerplate" / "html"


def _clean_all(collector: bool) -> None:
    sys.path.insert(0, str(ROOT))
    from generator.clean.cleaner import clean
    from generator.core.model import RawDocument

    if not collector:
        gc.disable()
    for page in sorted(PAGES.glob("*.html")) * 2:
        clean(RawDocument("bench", Path("bench.html"), page.read_text("utf-8"), "html"))
    print(f"collector {'on' if collector else 'off'}: peak RSS "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        _clean_all(sys.argv[1] == "on")
    elif not PAGES.is_dir():
        print(f"skipped: {PAGES} is absent")
    else:
        for mode in ("on", "off"):
            subprocess.run([sys.executable, __file__, mode], check=True)
