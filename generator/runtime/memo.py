"""Keep per-item results between builds in one process, so the live preview redoes only what an edit touched.

`serve` regenerates the archive on every save. Most of the work is per item (clean one
source, anchor one annotation file, find the mentions in one article, render one page)
and most items did not change. A Memo keeps, for each item, the inputs it was computed
from and the result; the next build reuses the result when the inputs compare equal.
Equality, not hashing: unchanged inputs are usually the very objects the last build
produced, so comparing them is a pointer check, and a stale result is never reused
because a key forgot a field.

A one-off build passes no memo (NO_MEMO): nothing is stored, every result is computed.
"""

from __future__ import annotations

from typing import Any, Callable, Hashable, TypeVar

T = TypeVar("T")


class Table:
    """Results of one kind of work, by item; all dropped when the inputs every item shares change."""

    def __init__(self, shared_inputs: Any, keep: bool = True) -> None:
        self.shared_inputs = shared_inputs
        self.keep = keep
        self.entries: dict[Hashable, tuple[Any, Any]] = {}
        self.hits = self.misses = 0

    def get(self, item: Hashable, inputs: Any, compute: Callable[[], T]) -> T:
        """compute(), unless the item's last result was computed from inputs equal to these."""
        found = self.entries.get(item)
        if found is not None and found[0] == inputs:
            self.hits += 1
            return found[1]
        self.misses += 1
        result = compute()
        if self.keep:
            self.entries[item] = (inputs, result)
        return result

    def known(self, item: Hashable, inputs: Any) -> bool:
        found = self.entries.get(item)
        return found is not None and found[0] == inputs

    def put(self, item: Hashable, inputs: Any, result: Any) -> None:
        """Record a result computed elsewhere (in a worker process, for a batch of misses)."""
        self.misses += 1
        if self.keep:
            self.entries[item] = (inputs, result)

    def adopt(self, item: Hashable, inputs: Any, result: Any) -> None:
        """Record a result that was found, not computed (the cleaning cache on disk): a hit."""
        self.hits += 1
        if self.keep:
            self.entries[item] = (inputs, result)

    def result(self, item: Hashable) -> Any:
        self.hits += 1
        return self.entries[item][1]

    def forget_others(self, items: set[Hashable]) -> None:
        """Drop items that are gone (a deleted source), so memory follows the archive."""
        for item in [i for i in self.entries if i not in items]:
            del self.entries[item]


class Memo:
    """Named tables that live as long as the process that builds repeatedly (serve)."""

    def __init__(self, keep: bool = True) -> None:
        self.keep = keep
        self.tables: dict[str, Table] = {}

    def table(self, name: str, shared_inputs: Any = None) -> Table:
        """The table for one kind of work; emptied when shared_inputs differ from the last build's."""
        table = self.tables.get(name)
        if table is None or not table.keep or table.shared_inputs != shared_inputs:
            table = Table(shared_inputs, self.keep)
            if self.keep:
                self.tables[name] = table
        return table

    def begin_build(self) -> None:
        """Count hits and misses afresh (they tell what a build redid)."""
        for table in self.tables.values():
            table.hits = table.misses = 0

    def forget_all(self) -> None:
        """After a build that stopped midway: what the tables hold may not match docs/ any more."""
        self.tables.clear()

    def summary(self) -> str:
        return ", ".join(f"{name} {t.hits}/{t.hits + t.misses}" for name, t in sorted(self.tables.items()))


NO_MEMO = Memo(keep=False)
