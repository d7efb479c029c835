"""Neighbours by date: order by date then title, windows of a large day, undated articles left out."""

from __future__ import annotations

from datetime import date

from generator.core.neighbours import SAME_DAY_SHOWN, neighbours
from tests.core.helpers import Dated


def test_previous_and_next_follow_date_then_title_and_skip_undated():
    articles = [Dated("c", "Beta", date(2024, 1, 2)), Dated("a", "Zulu", date(2024, 1, 1)),
                Dated("u", "Undated", None), Dated("b", "alpha", date(2024, 1, 2))]
    around = neighbours(articles)
    assert "u" not in around
    chain = ["a", "b", "c"]  # 1 Jan; then 2 Jan "alpha" before "Beta" (case does not order)
    for i, article_id in enumerate(chain):
        entry = around[article_id]
        assert (entry.previous.id if entry.previous else None) == (chain[i - 1] if i else None)
        assert (entry.next.id if entry.next else None) == (chain[i + 1] if i + 1 < len(chain) else None)
    assert [n.id for n in around["b"].same_day] == ["c"] and around["b"].same_day_more == 0
    assert around["a"].same_day == ()


def test_a_large_day_shows_a_window_of_its_nearest_and_counts_the_rest():
    day = [Dated(f"id{i:03d}", f"Title {i:03d}", date(2024, 3, 1)) for i in range(50)]
    around = neighbours(day + [Dated("next", "A", date(2024, 3, 2))])
    for i, article in enumerate(day):
        entry = around[article.id]
        shown = [int(n.id[2:]) for n in entry.same_day]
        assert len(shown) == SAME_DAY_SHOWN and i not in shown
        assert shown == sorted(shown) and max(shown) - min(shown) <= SAME_DAY_SHOWN  # one unbroken run around i
        assert min(shown) <= i + 1 and max(shown) >= i - 1
        assert entry.same_day_more == len(day) - 1 - SAME_DAY_SHOWN
    assert around["id049"].next.id == "next" and around["next"].previous.id == "id049"
    assert around["next"].same_day == ()
