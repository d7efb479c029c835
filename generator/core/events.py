"""Reports of the same event: articles a few days apart that name the same rare entities or report the same facts.

Shared passages (link/related.py) find rewrites of one wire story; two outlets writing their own words
about one event share none. What they do share is what they are about: the facts they report and the
people, places and organisations they name. An entity every article names (the archive's subject) says
nothing about which event an article covers, so entities count by how rare they are (inverse document
frequency), and only the rarest few of an article are followed.

Worked out once for the whole archive from inverted indexes sorted by date, each walked only near the
article's date and only so far, so the cost grows with the number of articles, not with its square.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.core.neighbours import Dated, Neighbour, date_order

WINDOW_DAYS = 3  # an event's coverage: the day itself, the reactions and follow-ups of the days around it
SHOWN = 6  # same-event articles a page lists, the closest first: a page stays short whatever the archive
KEYS_FOLLOWED = 12  # an article's rarest entities (and all its facts, up to this many) followed to others
WALK = 40  # articles of one entity or fact looked at on each side of the article's date, nearest first
FACT_WEIGHT = 3.0  # one shared fact counts as much as a few rare names: two reports of one figure are one story
MIN_SCORE = 2.5  # one shared fact, or two fairly rare entities; one name alone is not an event


@dataclass(frozen=True)
class SameEvent:
    """Another article of the same event, and what the two have in common (counts, for the page to say)."""

    other: Neighbour
    facts: int  # facts both report
    entities: int  # entities both name, among those followed
    score: float


def same_event(articles: Iterable[Dated], entities_of: dict[str, Sequence[str]],
               facts_of: dict[str, Sequence[str]]) -> dict[str, tuple[SameEvent, ...]]:
    """Article id -> up to SHOWN other articles of its event, best first. Undated articles have no window."""
    ordered = date_order(articles)
    days = [a.date.toordinal() for a in ordered]
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)  # ("e"|"f", id) -> positions, in date order
    for i, article in enumerate(ordered):
        for entity_id in set(entities_of.get(article.id, ())):
            postings[("e", entity_id)].append(i)
        for fact_id in set(facts_of.get(article.id, ())):
            postings[("f", fact_id)].append(i)
    total = max(1, len(ordered))
    weight = {key: FACT_WEIGHT if key[0] == "f" else math.log(total / len(found))
              for key, found in postings.items()}
    summaries = [Neighbour(a.id, a.slug, a.title, a.outlet, a.outlet_known, a.date) for a in ordered]
    window = WINDOW_DAYS
    result: dict[str, tuple[SameEvent, ...]] = {}
    for i, article in enumerate(ordered):
        keys = ([("f", f) for f in set(facts_of.get(article.id, ()))]
                + sorted((("e", e) for e in set(entities_of.get(article.id, ()))), key=lambda k: (-weight[k], k)))
        keys = [k for k in keys[:KEYS_FOLLOWED] if weight[k] > 0]  # a key in every article tells nothing
        scores: dict[int, list[float]] = {}
        for key in keys:
            found = postings[key]
            low = bisect_left(found, _first_at(days, days[i] - window))
            high = bisect_right(found, _last_at(days, days[i] + window))
            here = bisect_left(found, i)
            for j in found[max(low, here - WALK):min(high, here + WALK + 1)]:
                if j != i:
                    entry = scores.setdefault(j, [0.0, 0, 0])
                    entry[0] += weight[key]
                    entry[1 if key[0] == "f" else 2] += 1
        best = sorted(((s, abs(days[j] - days[i]), j) for j, s in scores.items() if s[0] >= MIN_SCORE),
                      key=lambda t: (-t[0][0], t[1], t[2]))[:SHOWN]
        if best:
            result[article.id] = tuple(SameEvent(summaries[j], int(s[1]), int(s[2]), round(s[0], 3))
                                       for s, _, j in best)
    return result


def _first_at(days: list[int], day: int) -> int:
    """The first position in date order on or after `day`."""
    return bisect_left(days, day)


def _last_at(days: list[int], day: int) -> int:
    """The last position in date order on or before `day`."""
    return bisect_right(days, day) - 1
