"""What cleaning reads besides one article (its lines normalised, what the whole archive repeats), and the
line a cleaning pass marks.

Page chrome (menus, footers, "Related" labels) is printed by many articles of one outlet, article
text is not: every short line is counted once per article, before any article is cleaned, and the
lines found in two or more articles are the archive's context: evidence, not a verdict (articles about
one event share short lines too: a date, a name, a subheading), so such a line costs more in the run search
(linescore.find_main_run) and is not removed for it alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from generator.clean.lineshape import is_short, line_key

INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
HAS_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


@dataclass(frozen=True)
class CleanContext:
    """What cleaning learns from the whole archive: the short lines that more than one article carries."""

    repeated_lines: frozenset[str] = frozenset()

    def seen_elsewhere(self, lines: Sequence[str]) -> list[bool]:
        """For each line, whether it is a short line another article carries too ([] when none repeats)."""
        if not self.repeated_lines:
            return []
        return [is_short(line) and line_key(line) in self.repeated_lines for line in lines]


@dataclass(frozen=True)
class AskedContext(CleanContext):
    """A context that notes every short line it is asked about, even when nothing repeats: what a cleaning
    read of the archive, which its cached result depends on (clean/cache.py)."""

    asked: set[str] = field(default_factory=set, compare=False)  # filled as it is asked; never part of equality

    def seen_elsewhere(self, lines: Sequence[str]) -> list[bool]:
        keys = [line_key(line) if is_short(line) else None for line in lines]
        self.asked.update(key for key in keys if key is not None)
        if not self.repeated_lines:
            return []
        return [key is not None and key in self.repeated_lines for key in keys]


def archive_context(texts: Iterable[str]) -> CleanContext:
    """Count, once per article, every short line: page chrome repeats, article text does not."""
    return context_of(short_lines(text) for text in texts)


def short_lines(text: str) -> frozenset[str]:
    """One article's short lines, normalised: its share of the archive's context."""
    return frozenset(line_key(line) for line in normalise_lines(text) if line and is_short(line))


def context_of(short_lines_by_article: Iterable[frozenset[str]]) -> CleanContext:
    counts: Counter[str] = Counter()
    for lines in short_lines_by_article:
        counts.update(lines)
    return CleanContext(frozenset(line for line, n in counts.items() if n >= 2))


def normalise_line(line: str) -> str:
    """Unicode NFC, no invisible characters, one space between words."""
    if not line.isascii():  # ASCII is already NFC and has no invisible characters
        line = unicodedata.normalize("NFC", line)
        if HAS_INVISIBLE.search(line):
            line = line.translate(INVISIBLE)
    return " ".join(line.split())


def normalise_lines(text: str) -> list[str]:
    return [normalise_line(line) for line in text.split("\n")]


@dataclass
class Line:
    """One line of an article during a cleaning pass: its text, and the rule that removed it, if one did."""

    number: int
    text: str
    removed_by: str | None = None
    reason: str = ""
    heading: bool = False
    score: float | None = None

    def remove(self, rule: str, reason: str, score: float | None = None) -> None:
        self.removed_by, self.reason = rule, reason
        if score is not None:
            self.score = score

    @property
    def kept(self) -> bool:
        return self.removed_by is None
