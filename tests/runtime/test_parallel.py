"""runtime.parallel: the pool and the in-process path give the same answers, in order, on the items asked."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from generator.runtime import parallel
from generator.runtime.memo import Memo


@dataclass(frozen=True)
class Words:
    words: tuple[str, ...]
    suffix: str


def shout(shared: Words, i: int) -> str:
    return shared.words[i].upper() + shared.suffix


WORDS = Words(tuple(f"w{n}" for n in range(parallel.MIN_ITEMS + 7)), "!")


@pytest.mark.parametrize("workers", [1, 2])
def test_map_indexed_runs_fn_on_the_items_asked_in_order(workers: int) -> None:
    items = list(range(len(WORDS.words)))[::-1]
    seen: list[int] = []
    results = parallel.map_indexed(shout, items, WORDS, workers=workers,
                                   completed=lambda i, result: seen.append(i) or (i, result))
    assert results == [(i, f"W{i}!") for i in items]
    assert seen == items


@pytest.mark.parametrize("workers", [1, 2])
def test_map_unless_known_computes_only_what_changed(workers: int) -> None:
    table = Memo().table("words")
    keys = list(range(len(WORDS.words)))
    first = parallel.map_unless_known(table, keys, WORDS.words, shout, WORDS, workers)
    assert first == [f"W{i}!" for i in keys]
    changed = Words(WORDS.words[:3] + ("new",) + WORDS.words[4:], "?")  # one input changed, and the suffix
    again = parallel.map_unless_known(table, keys, changed.words, shout, changed, workers)
    assert again[3] == "NEW?"  # recomputed with the new shared value
    assert again[:3] == first[:3] and again[4:] == first[4:]  # the others come from the table


def test_a_failing_item_fails_the_map() -> None:
    with pytest.raises(IndexError):
        parallel.map_indexed(shout, [len(WORDS.words)], WORDS, workers=1)
