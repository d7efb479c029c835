"""A cheap test before each of many regexes: the literal keywords one of which every match contains.

Most lines match no boilerplate rule. The rules that look anywhere in a line (".{0,300}\\b(...)") are slow to
fail, and those anchored at its start try each of their many alternatives in turn. Each pattern's keywords are
read off its parsed form, not written by hand, so the answer is the regex's own; a line (folded as re.I folds
it) that holds none of a pattern's keywords cannot match it, and every keyword of every pattern is looked for
in one pass (an Aho-Corasick automaton, in C).
"""

from __future__ import annotations

import re
import string
from typing import Iterable, Sequence

import ahocorasick

try:
    from re import _parser as _sre_parse  # Python 3.11+
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef]


class KeywordFilter:
    """For each pattern, its keywords (None: it has none to test, run it); and one finder for all of them."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        parsed = [_sre_parse.parse(pattern.pattern, pattern.flags) for pattern in patterns]
        found = [_required(p) for p in parsed]
        self._folding = _Folding(_representatives(k for keywords in found if keywords for k in keywords))
        if any(chr(c).translate(self._folding) != chr(c).lower() for c in range(128)):  # fold() relies on it
            raise RuntimeError("keywords: the folding must fold ASCII as str.lower() does")
        # Folded like the lines they are looked for in; a keyword that holds another is left out: where it
        # occurs, the other does too.
        self.keywords: list[tuple[str, ...] | None] = [
            tuple(sorted(k for k in folded if not any(other != k and other in k for other in folded)))
            if folded else None
            for folded in ({k.translate(self._folding) for k in keywords} if keywords else None
                           for keywords in found)]
        self.all_keywords = tuple(sorted({k for keywords in self.keywords if keywords for k in keywords}))
        self.finder = ahocorasick.Automaton()
        for keyword in self.all_keywords:
            self.finder.add_word(keyword, keyword)
        self.finder.make_automaton()

    def fold(self, line: str) -> str:
        """The line as the keywords are looked for in it: what re.I matches alike, made the same."""
        return line.lower() if line.isascii() else line.translate(self._folding)

    def present(self, line: str) -> set[str]:
        """The keywords the line holds (of every pattern)."""
        return {keyword for _, keyword in self.finder.iter(self.fold(line))}


def _required(items: Iterable[tuple[object, object]]) -> frozenset[str] | None:
    """Strings one of which every match of this parsed (sub)pattern contains; None if no such set is known.

    A sequence needs all its items: each run of literals, and whatever its groups, repeats of at least one,
    and lookaheads need (the most selective of these is kept). An alternation needs one of its branches'."""
    found: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _sre_parse.LITERAL:
            run.append(chr(av))  # type: ignore[arg-type]
            continue
        if run:
            found.append(frozenset(["".join(run)]))
            run = []
        need: frozenset[str] | None = None
        if op is _sre_parse.SUBPATTERN:
            need = _required(av[-1])  # type: ignore[index]
        elif op in (_sre_parse.MAX_REPEAT, _sre_parse.MIN_REPEAT) and av[0] >= 1:  # type: ignore[index,operator]
            need = _required(av[2])  # type: ignore[index]
        elif op is _sre_parse.ASSERT:  # a lookahead or lookbehind that must hold: its text is in the line too
            need = _required(av[1])  # type: ignore[index]
        elif op is _sre_parse.BRANCH:
            branches = [_required(branch) for branch in av[1]]  # type: ignore[index]
            if all(branches):
                need = frozenset().union(*branches)  # type: ignore[arg-type]
        if need:
            found.append(need)
    if run:
        found.append(frozenset(["".join(run)]))
    return max(found, key=_selectivity, default=None)


def _selectivity(need: frozenset[str]) -> tuple[int, int]:
    """Longer keywords are rarer (spaces count for nothing: " the " is common); fewer of them, fewer tests."""
    return min(len(k.strip()) for k in need), -len(need)


def _representatives(keywords: Iterable[str]) -> str:
    """ASCII lower-case letters and digits first, then every other keyword character, lower case."""
    chars = dict.fromkeys(string.ascii_lowercase + string.digits)
    chars.update(dict.fromkeys(sorted({ch.lower() for keyword in keywords for ch in keyword})))
    return "".join(chars)


class _Folding(dict):  # type: ignore[type-arg]
    """A str.translate table, filled as characters come: each character becomes the first representative that
    the regex engine, ignoring case, takes for it (so "ſ" becomes "s" as re.I matches it), or else its ASCII
    lower case, or itself. Two characters re.I matches to each other become the same character."""

    def __init__(self, representatives: str) -> None:
        super().__init__()
        self.patterns = [(ch, re.compile(re.escape(ch), re.I)) for ch in representatives]

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = next((rep for rep, pattern in self.patterns if pattern.fullmatch(ch)),
                      ch.lower() if ch.isascii() else ch)
        self[code] = folded
        return folded
