"""What working out every article's neighbours by date (generator/core/neighbours.py) and its same-event
articles (generator/core/events.py) costs, at archive sizes from 1,000 to 100,000 articles: sorts and
bounded walks, so the time grows with the archive (n log n), not with pairs of articles.

Each article names a few of the archive's common entities (its subject) and rarer ones, and some report
one of a few hundred facts: the same-event walk meets both kinds.

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

from generator.core.events import same_event  # noqa: E402
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


def keys(articles: list[Dated], rng: random.Random) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Entities (a handful common to most articles, the rest of a long tail) and facts of each article."""
    common = [f"common{i}" for i in range(5)]
    tail = max(50, len(articles) // 5)
    entities = {a.id: rng.sample(common, 3) + [f"e{int(rng.paretovariate(1.2)) % tail}" for _ in range(12)]
                for a in articles}
    facts = {a.id: [f"f{rng.randrange(300)}" for _ in range(rng.randrange(4))] if rng.random() < 0.4 else []
             for a in articles}
    return entities, facts


def best_of(work, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - began)
    return best


def main() -> int:
    rng = random.Random(28)
    print(f"{'articles':>9} | {'by date, s':>10} | {'same event, s':>13} | {'same event, ms per 1,000':>24}")
    print(f"{'-' * 9}-|-{'-' * 10}-|-{'-' * 13}-|-{'-' * 24}")
    for count in (1_000, 10_000, 100_000):
        articles = archive(count, rng)
        entities, facts = keys(articles, rng)
        by_date = best_of(lambda: neighbours(articles))
        event = best_of(lambda: same_event(articles, entities, facts), repeat=1 if count > 10_000 else 3)
        print(f"{count:>9,} | {by_date:>10.3f} | {event:>13.3f} | {event / count * 1e6:>24.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
