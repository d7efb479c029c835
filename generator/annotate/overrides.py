"""Say which cleaning: keep/drop values of an article's annotation changed no line, why, and what to do.

clean/cleaner.py matches a value with a line by its whole words (holds_words), within one line: a keep value with the
lines the text rules removed and, on a web page, with the passages the extractor left out; a drop value
with the lines they kept. It records the values that changed something (CleanedArticle.overrides_used).
A value that changed nothing was accepted silently, though it is a typo, or asks for what the cleaner
does anyway: each gets a warning at its line of the annotation file, with what to do.
"""

from __future__ import annotations

from typing import Callable, Iterable

from generator.clean.lineshape import holds_words
from generator.core.errors import Problem, quoted_value, warning
from generator.core.model import CleanedArticle, OverrideValue, Removal


def unused_override_problems(cleaned: CleanedArticle, values: Iterable[OverrideValue], seed: str) -> list[Problem]:
    """A warning at each value that changed no line of the article (seed: its source, as the contributor
    names it in a command)."""
    problems = []
    for value in values:
        if (value.which, value.text) not in cleaned.overrides_used:
            why = _keep_unused(cleaned, value, seed) if value.which == "keep" else _drop_unused(cleaned, value, seed)
            problems.append(warning(value.loc, f"cleaning/{value.which}/{value.index}: {quoted_value(value.text)} "
                                    f"{why}"))
    return problems


def _keep_unused(cleaned: CleanedArticle, value: OverrideValue, seed: str) -> str:
    # a passage the extractor left out that it matches was brought back: it is used
    if any(holds_words(block.text, value.text) for block in cleaned.blocks):
        return ("matched no line the cleaner removed: the line that holds it is kept without it, so it changes "
                "nothing; remove it")
    removed = _removal_holding(cleaned, value.text, lambda r: True)
    if removed is not None:  # a piece cleaning took off a kept line (a date glued to the text), not a line
        return (f"matched no line the cleaner removed: it is part of what rule {removed.rule} took off line "
                f"{removed.line_no}, and keep: brings back whole lines only; remove it")
    return ("matched no line the cleaner removed, so it keeps nothing; copy the words of the line to keep from "
            f"`python -m generator clean --explain {seed}` (a value is matched by its words, within one line)")


def _drop_unused(cleaned: CleanedArticle, value: OverrideValue, seed: str) -> str:
    if any(holds_words(block.text, value.text) for block in cleaned.blocks):
        return ("matched a line that a keep: value of this file keeps, and keep wins, so it drops nothing; "
                "remove one of the two")
    removed = _removal_holding(cleaned, value.text, lambda r: r.rule != "override-drop")
    if removed is not None:
        where = " of the page" if removed.left_out_of_page else ""
        return (f"matched no line of the cleaned text: the line that holds it (line {removed.line_no}{where}) is "
                f"removed already, by rule {removed.rule}, so it drops nothing; remove it")
    return ("matched no line of the cleaned text, so it drops nothing; copy the words of the line to drop from "
            f"`python -m generator clean {seed}` (a value is matched by its words, within one line)")


def _removal_holding(cleaned: CleanedArticle, value: str, which: Callable[[Removal], bool]) -> Removal | None:
    return next((r for r in cleaned.removals if which(r) and holds_words(r.text, value)), None)
