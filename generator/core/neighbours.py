"""Each article's neighbours by publication date: the one before, the one after, and others of its day.

Worked out once for the whole archive (one sort, then one pass), so that article pages can link each
other without each page walking every article: at tens of thousands of articles a per-page scan would be
quadratic. Pages get small summaries, not whole articles, so serve's memo key for a page stays small and
changes only when what the page shows of a neighbour changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

# A day of wire coverage can hold hundreds of articles: the page lists the ones nearest in order and
# says how many more there are, so a page stays short and its size does not grow with the archive.
SAME_DAY_SHOWN = 8


class Dated(Protocol):
    """What ordering by date reads of an article (core/events.py too), so a bench can pass stand-ins."""

    id: str
    slug: str
    title: str
    outlet: str
    outlet_known: bool
    date: date | None


@dataclass(frozen=True)
class Neighbour:
    """What an article page shows of another article."""

    id: str
    slug: str
    title: str
    outlet: str
    outlet_known: bool
    date: date


@dataclass(frozen=True)
class Neighbours:
    previous: Neighbour | None
    next: Neighbour | None
    same_day: tuple[Neighbour, ...]  # others of the day, in date order, at most SAME_DAY_SHOWN
    same_day_more: int  # others of the day not in same_day


def date_order(articles: Iterable[Dated]) -> list[Dated]:
    """Dated articles by date, then title (ties of a day read alphabetically), then id (equal titles)."""
    return sorted((a for a in articles if a.date is not None), key=lambda a: (a.date, a.title.casefold(), a.id))


def neighbours(articles: Iterable[Dated]) -> dict[str, Neighbours]:
    """Article id -> its neighbours. Undated articles have no place in the order and get no entry."""
    ordered = date_order(articles)
    summaries = [Neighbour(a.id, a.slug, a.title, a.outlet, a.outlet_known, a.date) for a in ordered]
    days: list[tuple[int, int]] = []  # for each position, its day's [start, end) in `ordered`
    start = 0
    for i in range(1, len(ordered) + 1):
        if i == len(ordered) or ordered[i].date != ordered[start].date:
            days += [(start, i)] * (i - start)
            start = i
    result: dict[str, Neighbours] = {}
    for i, article in enumerate(ordered):
        day_start, day_end = days[i]
        others = day_end - day_start - 1
        # A window of the day around the article: the nearest in order, as many before as after where
        # the day allows, so each page costs the same whatever the size of the day.
        low = max(day_start, min(i - SAME_DAY_SHOWN // 2, day_end - SAME_DAY_SHOWN - 1))
        high = min(day_end, low + SAME_DAY_SHOWN + 1)
        same_day = tuple(summaries[j] for j in range(low, high) if j != i)
        result[article.id] = Neighbours(summaries[i - 1] if i else None,
                                        summaries[i + 1] if i + 1 < len(ordered) else None,
                                        same_day, others - len(same_day))
    return result
