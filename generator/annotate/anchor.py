"""Find the passage a note or fact link quotes, as the W3C TextQuoteSelector describes it.

Matching first compares text normalised for what typing and cleaning change
(curly and straight quotes, dashes, runs of whitespace, soft hyphens), never
case or words. A quote found more than once must be decided by its prefix or
suffix. A quote not found is searched fuzzily (bounded edit distance, scored
with prefix and suffix as Hypothesis' client does) and reported with the text
to paste; a quote with no close passage is an orphan.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from generator.core.model import Block, Selector, Span

EQUIVALENTS = {
    **dict.fromkeys("‘’‚‛′`´", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    "…": "...",
    "\u00ad": "",
    "\u200b": "",
}
MAX_ERROR_RATE = 0.25  # a fuzzy anchor may differ from the quote in at most a quarter of its characters
# What normalise changes: a character with an equivalent, any whitespace but a single space.
_TO_CHANGE = "[" + re.escape("".join(EQUIVALENTS)) + r"]|\s{2,}|[^\S ]"
# The lookahead lets the regex engine skip ahead to a candidate character instead of trying three
# alternatives at every character of a paragraph.
_CHANGED = re.compile(r"(?=[\s" + re.escape("".join(EQUIVALENTS)) + "])(?:" + _TO_CHANGE + ")")


@dataclass(frozen=True)
class Normalised:
    text: str
    origin: Sequence[int]  # origin[i] = index in the original text of normalised character i

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.origin[start], self.origin[end - 1] + 1


class _Pieces(Sequence[int]):
    """origin for a text normalised piece by piece: kept runs map one to one, a replacement's characters all
    to the character it replaced. Kept as where each piece starts, not one number a character: most of an
    article's paragraphs hold a curly quote, and listing every character's origin cost more than finding
    the quotes in them. Only Normalised.span reads it: it is not compared, hashed or kept."""

    def __init__(self, starts: list[int], origins: list[int], kept: list[bool], length: int) -> None:
        self.starts, self.origins, self.kept, self.length = starts, origins, kept, length

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.length))]
        if i < 0:
            i += self.length
        if not 0 <= i < self.length:
            raise IndexError(i)
        piece = bisect_right(self.starts, i) - 1
        return self.origins[piece] + (i - self.starts[piece] if self.kept[piece] else 0)


@lru_cache(maxsize=512)  # an article's blocks are normalised once for all its notes and fact links
def normalise(text: str) -> Normalised:
    if not _CHANGED.search(text):  # the common case: nothing to change, positions are the identity
        return Normalised(text, range(len(text)))
    pieces: list[str] = []
    starts: list[int] = []   # where each piece starts in the normalised text ...
    origins: list[int] = []  # ... and in the original
    kept: list[bool] = []
    length = cursor = 0

    def add(piece: str, origin: int, copied: bool) -> None:
        nonlocal length
        if piece:
            pieces.append(piece)
            starts.append(length)
            origins.append(origin)
            kept.append(copied)
            length += len(piece)

    for match in _CHANGED.finditer(text):  # copy what does not change in runs, replace what does
        start = match.start()
        add(text[cursor:start], cursor, True)
        found = match.group(0)
        add(" " if found[0].isspace() else EQUIVALENTS[found], start, False)
        cursor = match.end()
    add(text[cursor:], cursor, True)
    joined = "".join(pieces)
    if "  " not in joined:  # else an invisible character stood between spaces: take the careful path
        return Normalised(joined, _Pieces(starts, origins, kept, length))
    return _normalise_by_character(text)


def _normalise_by_character(text: str) -> Normalised:
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            if out and out[-1] == " ":
                continue
            ch = " "
        for piece in EQUIVALENTS.get(ch, ch):
            out.append(piece)
            origin.append(i)
    return Normalised("".join(out), tuple(origin))


def normalise_text(text: str) -> str:
    return normalise(text).text.strip()


@dataclass(frozen=True)
class Anchor:
    """The outcome of anchoring one selector: a span, or why there is none."""

    span: Span | None
    status: str  # "exact", "fuzzy", "ambiguous" or "orphan"
    candidates: tuple[Span, ...] = ()
    matched_text: str = ""


def anchor(selector: Selector, blocks: tuple[Block, ...] | list[Block]) -> Anchor:
    quote = normalise_text(selector.quote)
    if not quote:
        return Anchor(None, "orphan")
    prefix, suffix = normalise_text(selector.prefix), normalise_text(selector.suffix)
    normalised = [normalise(block.text) for block in blocks]
    found = [(b, start, start + len(quote)) for b, norm in enumerate(normalised) for start in _find_all(norm.text, quote)]
    decided = [hit for hit in found if _context_fits(normalised[hit[0]].text, hit[1], hit[2], prefix, suffix)]
    if len(decided) == 1:
        return Anchor(_to_span(normalised, decided[0]), "exact")
    if len(decided) > 1:
        return Anchor(None, "ambiguous", tuple(_to_span(normalised, hit) for hit in decided))
    if found:  # the quote is there, but the context given matches none of its occurrences
        return Anchor(None, "ambiguous" if len(found) > 1 else "orphan",
                      tuple(_to_span(normalised, hit) for hit in found))
    best = _fuzzy(quote, prefix, suffix, normalised)
    if best is None:
        return Anchor(None, "orphan")
    span = _whole_words(_to_span(normalised, best), blocks[best[0]].text, quote)
    return Anchor(span, "fuzzy", matched_text=blocks[span.block].text[span.start:span.end])


def _whole_words(span: Span, text: str, quote: str) -> Span:
    """A fuzzy match may start or end inside a word, or on a stray quote mark: the text to paste should not."""
    start, end = span.start, span.end
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    while start < end and not text[start].isalnum() and quote[:1].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum() and quote[-1:].isalnum():
        end -= 1
    return Span(span.block, start, end)


def words_before(blocks: tuple[Block, ...] | list[Block], span: Span, words: int = 4) -> str:
    """The few words before an occurrence in its paragraph ("" at the paragraph's start): where it stands."""
    return " ".join(blocks[span.block].text[:span.start].split()[-words:])


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
            if found.status == "exact" and found.span == chosen:
                return key, context
    return None


def _find_all(text: str, needle: str) -> list[int]:
    starts, i = [], text.find(needle)
    while i != -1:
        starts.append(i)
        i = text.find(needle, i + 1)
    return starts


def _context_fits(text: str, start: int, end: int, prefix: str, suffix: str) -> bool:
    return (not prefix or text[:start].rstrip().endswith(prefix)) and (
        not suffix or text[end:].lstrip().startswith(suffix))


def _to_span(normalised: list[Normalised], hit: tuple[int, int, int]) -> Span:
    block, start, end = hit
    begin, finish = normalised[block].span(start, end)
    return Span(block, begin, finish)


def _fuzzy(quote: str, prefix: str, suffix: str, normalised: list[Normalised]) -> tuple[int, int, int] | None:
    """Best approximate occurrence over all blocks, scored like Hypothesis: quote first, context after."""
    max_errors = int(len(quote) * MAX_ERROR_RATE)
    best_score, best = 0.0, None
    for b, offset, text in _search_windows(quote, max_errors, normalised):
        norm = normalised[b]
        for errors, start, end in _approximate_matches(quote, text, max_errors):
            start, end = start + offset, end + offset
            score = 50 * (1 - errors / len(quote))
            if prefix:
                score += 20 * _similarity(prefix, norm.text[max(0, start - len(prefix) - 1):start].strip())
            if suffix:
                score += 20 * _similarity(suffix, norm.text[end:end + len(suffix) + 1].strip())
            if score > best_score:
                best_score, best = score, (b, start, end)
    return best


FUZZY_BUDGET = 2_000_000  # cells of the edit-distance table filled for one quote: about a second in Python
_WORD = re.compile(r"\w{4,}")


def _search_windows(quote: str, max_errors: int, normalised: list[Normalised]) -> list[tuple[int, int, str]]:
    """Where to look for a quote approximately, as (block, offset, text): every block whole while that fits
    FUZZY_BUDGET; else the stretches around the quote's rarest words (a close passage keeps most of its
    words), rarest first, as many as the budget allows. The search costs quote x text, and one paragraph of a
    text without line breaks can be megabytes long: past the budget an approximate quote may go unfound."""
    if len(quote) * sum(len(norm.text) for norm in normalised) <= FUZZY_BUDGET:
        return [(b, 0, norm.text) for b, norm in enumerate(normalised)]
    reach = len(quote) + max_errors
    words = sorted(set(_WORD.findall(quote)), key=lambda w: (sum(norm.text.count(w) for norm in normalised), w))
    spans: dict[int, list[tuple[int, int]]] = {}
    spent = 0
    for word in words:
        for b, norm in enumerate(normalised):
            for at in _find_all(norm.text, word):
                low, high = max(0, at - reach), min(len(norm.text), at + len(word) + reach)
                spent += len(quote) * (high - low)
                if spent > FUZZY_BUDGET:
                    return _merged_windows(spans, normalised)
                spans.setdefault(b, []).append((low, high))
    return _merged_windows(spans, normalised)


def _merged_windows(spans: dict[int, list[tuple[int, int]]], normalised: list[Normalised]
                    ) -> list[tuple[int, int, str]]:
    windows: list[tuple[int, int, str]] = []
    for b in sorted(spans):
        merged: list[list[int]] = []
        for low, high in sorted(spans[b]):
            if merged and low <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], high)
            else:
                merged.append([low, high])
        windows += [(b, low, normalised[b].text[low:high]) for low, high in merged]
    return windows


def _approximate_matches(pattern: str, text: str, max_errors: int) -> list[tuple[int, int, int]]:
    """Sellers' algorithm: every best-matching substring of text within max_errors edits of pattern."""
    m = len(pattern)
    cost = list(range(m + 1))
    start = [0] * (m + 1)
    matches: list[tuple[int, int, int]] = []
    for j, ch in enumerate(text, start=1):
        prev_cost, prev_start = cost, start
        cost, start = [0] * (m + 1), [j] * (m + 1)
        for i in range(1, m + 1):
            substitute = prev_cost[i - 1] + (pattern[i - 1] != ch)
            skip_text = prev_cost[i] + 1
            skip_pattern = cost[i - 1] + 1
            if substitute <= skip_text and substitute <= skip_pattern:
                cost[i], start[i] = substitute, prev_start[i - 1]
            elif skip_text <= skip_pattern:
                cost[i], start[i] = skip_text, prev_start[i]
            else:
                cost[i], start[i] = skip_pattern, start[i - 1]
        if cost[m] <= max_errors:
            if matches and matches[-1][1] == start[m]:
                if cost[m] < matches[-1][0]:
                    matches[-1] = (cost[m], start[m], j)
            else:
                matches.append((cost[m], start[m], j))
    return matches


def _similarity(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    matches = _approximate_matches(a, b, len(a))
    errors = min((e for e, _, _ in matches), default=len(a))
    return max(0.0, 1 - errors / len(a))
