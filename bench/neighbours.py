"""What working out every article's neighbours by date costs (generator/core/neighbours.py), at archive
sizes from 1,000 to 100,000 articles: one sort and one pass, so the time grows with the archive (n log n),
not with pairs of articles.

Dates are drawn over two years with a few heavy days (a big event's coverage), where the same-day window
matters most. Run: python bench/neighbours.py
"""

from __future__ import annotations

import random
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.core.neighbours import neighbours  # noqa: E402


@dataclass(frozen=True)
class Dated:
    id: str
    slug: str
    title: str
    outlet: str
    outlet_known: bool
    date: date | None


def archive(count: int, rng: random.Random) -> list[Dated]:
    start, heavy = date(2023, 1, 1), [rng.randrange(730) for _ in range(5)]
    return [Dated(f"a{i}", f"a{i}", f"Title {rng.randrange(10 ** 6)}", f"Outlet {rng.randrange(40)}",
                  rng.random() > 0.1,
                  None if rng.random() < 0.02 else start + timedelta(days=rng.choice(heavy) if rng.random() < 0.2
                                                                      else rng.randrange(730)))
            for i in range(count)]


def main() -> int:
    rng = random.Random(28)
    print(f"{'articles':>9} | {'seconds':>8} | {'ms per 1,000':>12}")
    print(f"{'-' * 9}-|-{'-' * 8}-|-{'-' * 12}")
    for count in (1_000, 10_000, 100_000):
        articles = archive(count, rng)
        best = float("inf")
        for _ in range(3):
            began = time.perf_counter()
            neighbours(articles)
            best = min(best, time.perf_counter() - began)
        print(f"{count:>9,} | {best:>8.3f} | {best / count * 1e6:>12.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
