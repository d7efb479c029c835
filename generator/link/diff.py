"""What changed between two versions of an article, paragraph by paragraph and, in an edited paragraph, word
by word (difflib): what a reader compares when an outlet revises a report after publishing it."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Sequence

from generator.core.versions import Change

EDITED_MIN_SIMILARITY = 0.5  # below it, two paragraphs at one place are one removed and another added
WORD = re.compile(r"\S+")


def block_changes(before: Sequence[str], after: Sequence[str]) -> tuple[Change, ...]:
    """The paragraphs added, removed and edited from before to after, in the order of the text."""
    changes: list[Change] = []
    matcher = SequenceMatcher(None, [_key(t) for t in before], [_key(t) for t in after], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "delete":
            changes += [Change("removed", text, "") for text in before[i1:i2]]
        elif op == "insert":
            changes += [Change("added", "", text) for text in after[j1:j2]]
        elif op == "replace":
            changes += _paired(list(before[i1:i2]), list(after[j1:j2]))
    return tuple(changes)


def word_diff(before: str, after: str) -> tuple[tuple[str, str], ...]:
    """Runs of ("same" | "removed" | "added", words) that turn before into after."""
    old, new = WORD.findall(before), WORD.findall(after)
    runs: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            runs.append(("same", " ".join(old[i1:i2])))
            continue
        if i2 > i1:
            runs.append(("removed", " ".join(old[i1:i2])))
        if j2 > j1:
            runs.append(("added", " ".join(new[j1:j2])))
    return tuple(runs)


def _paired(before: list[str], after: list[str]) -> list[Change]:
    """Paragraphs replaced at one place: each old one edited into the most alike new one (in order), the rest
    removed or added."""
    changes: list[Change] = []
    j = 0
    for old in before:
        best, best_score = None, EDITED_MIN_SIMILARITY
        for k in range(j, len(after)):
            score = SequenceMatcher(None, WORD.findall(old), WORD.findall(after[k]), autojunk=False).ratio()
            if score >= best_score:
                best, best_score = k, score
        if best is None:
            changes.append(Change("removed", old, ""))
            continue
        changes += [Change("added", "", text) for text in after[j:best]]
        changes.append(Change("edited", old, after[best], word_diff(old, after[best])))
        j = best + 1
    return changes + [Change("added", "", text) for text in after[j:]]


def _key(text: str) -> str:
    """A paragraph as compared: its words, whatever the spaces between them."""
    return " ".join(WORD.findall(text))
