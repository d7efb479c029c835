"""Same-event articles: near in date, sharing facts or rare entities; a name every article has counts for
nothing; the list is bounded and best first."""

from __future__ import annotations

from datetime import date, timedelta

from generator.core.events import SHOWN, WINDOW_DAYS, same_event
from tests.core.helpers import Dated


DAY = date(2024, 1, 10)


def test_a_shared_fact_within_the_window_makes_the_same_event_and_one_outside_does_not():
    articles = [Dated("a", "A", DAY), Dated("b", "B", DAY + timedelta(days=WINDOW_DAYS)),
                Dated("c", "C", DAY + timedelta(days=WINDOW_DAYS + 1)), Dated("u", "Undated", None)]
    facts = {"a": ["toll"], "b": ["toll"], "c": ["toll"], "u": ["toll"]}
    found = same_event(articles, {}, facts)
    assert [e.other.id for e in found["a"]] == ["b"]
    assert found["a"][0].facts == 1 and found["a"][0].entities == 0
    assert "u" not in found and all(e.other.id != "u" for entries in found.values() for e in entries)


def test_a_name_in_every_article_says_nothing_but_rare_names_shared_do():
    filler = [Dated(f"f{i}", f"F{i}", DAY + timedelta(days=30 + i)) for i in range(20)]
    articles = [Dated("a", "A", DAY), Dated("b", "B", DAY + timedelta(days=1)), Dated("c", "C", DAY), *filler]
    entities = {a.id: ["subject"] for a in articles}  # the archive's subject: named by all
    entities["a"] += ["rare-town", "rare-minister"]
    entities["b"] += ["rare-town", "rare-minister"]
    found = same_event(articles, entities, {})
    assert [e.other.id for e in found["a"]] == ["b"] and found["a"][0].entities == 2
    assert "c" not in found, "sharing only the subject is no event"


def test_one_rare_name_alone_is_not_enough():
    filler = [Dated(f"f{i}", f"F{i}", DAY + timedelta(days=30 + i)) for i in range(3)]
    articles = [Dated("a", "A", DAY), Dated("b", "B", DAY), *filler]
    found = same_event(articles, {"a": ["town"], "b": ["town"]}, {})
    assert found == {}


def test_the_list_is_bounded_and_ranked_by_what_is_shared_then_nearness():
    many = [Dated(f"m{i:02d}", f"M{i}", DAY + timedelta(days=i % 3)) for i in range(30)]
    articles = [Dated("a", "A", DAY), Dated("best", "Best", DAY + timedelta(days=2)), *many]
    facts = {a.id: ["toll"] for a in many} | {"a": ["toll", "hostages"], "best": ["toll", "hostages"]}
    found = same_event(articles, {}, facts)
    assert len(found["a"]) == SHOWN
    assert found["a"][0].other.id == "best" and found["a"][0].facts == 2
    rest = found["a"][1:]
    assert all(abs((e.other.date - DAY).days) <= abs((f.other.date - DAY).days) for e, f in zip(rest, rest[1:]))
