"""Selectors that decide: the fewest words of context that make anchor() find one place, and only it.

Both the messages of merge.py (the context to paste) and repair.py (what fix writes) come from here, tried
with anchor() itself, so a suggestion is one that works."""

from __future__ import annotations

from dataclasses import replace

from generator.annotate.anchor import anchor, position_of
from generator.core.model import Block, Selector, Span

MAX_CONTEXT_WORDS = 8


def deciding_context(selector: Selector, blocks: tuple[Block, ...] | list[Block],
                     chosen: Span) -> tuple[str, str] | None:
    """The fewest words before (a prefix), else after (a suffix), the chosen occurrence of an ambiguous quote
    that anchor() then finds there alone, as ("prefix" or "suffix", text); None if no few words do.

    Tried with anchor() itself, so the suggestion a contributor pastes is one that works: an occurrence at
    the start of its paragraph has no prefix, and the words before two occurrences may be the same."""
    text = blocks[chosen.block].text
    before, after = text[:chosen.start].split(), text[chosen.end:].split()
    for words in range(1, MAX_CONTEXT_WORDS + 1):
        for key, context in (("prefix", " ".join(before[-words:])), ("suffix", " ".join(after[:words]))):
            if not any(ch.isalnum() for ch in context):
                continue
            trial = Selector(selector.quote, context if key == "prefix" else "", context if key == "suffix" else "")
            found = anchor(trial, blocks)
            if found.certain and found.span == chosen:
                return key, context
    return None


def repaired_selector(selector: Selector, blocks: tuple[Block, ...] | list[Block], chosen: Span) -> Selector | None:
    """The selector that anchors at chosen with certainty: the quote as the text has it there, and the fewest
    words of prefix and suffix that decide, keeping the sides the contributor wrote (one word at least, so a
    file keeps its shape and later drift still has context to score). A recorded position is kept, moved to
    chosen; where no few words decide (the same sentence twice), a position at chosen decides. None if nothing
    does."""
    fixed = _deciding_words(selector, blocks, chosen)
    here = position_of(blocks, chosen)
    if fixed is not None:
        return fixed if selector.position is None else replace(fixed, position=here)
    return _deciding_words(replace(selector, position=here), blocks, chosen, here)


def _deciding_words(selector: Selector, blocks: tuple[Block, ...] | list[Block], chosen: Span,
                    position: int | None = None) -> Selector | None:
    text = blocks[chosen.block].text
    quote = text[chosen.start:chosen.end]
    before, after = text[:chosen.start].split(), text[chosen.end:].split()
    given = (bool(selector.prefix), bool(selector.suffix))
    trials = [Selector(quote, position=position)] if given == (False, False) else []
    options = list(dict.fromkeys([given, (True, given[1]), (given[0], True), (True, True)]))
    trials += [Selector(quote, " ".join(before[-words:]) if want_prefix else "",
                        " ".join(after[:words]) if want_suffix else "", position)
               for words in range(1, MAX_CONTEXT_WORDS + 1) for want_prefix, want_suffix in options
               if want_prefix or want_suffix]
    for trial in trials:
        found = anchor(trial, blocks)
        if found.certain and found.span == chosen:
            return trial
    return None
