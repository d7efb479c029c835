"""Find the passage a note or fact link quotes, as the W3C TextQuoteSelector describes it.

Matching compares text normalised for what typing and cleaning change (curly and
straight quotes, dashes, runs of whitespace, soft hyphens), never case or words.
Every place the quote occurs exactly, or else within an error budget proportional
to its length (Sellers' edit distance), is scored as Hypothesis' client scores
them: quote similarity first, then approximate prefix and suffix similarity. The
best place wins unless the best tie (ambiguous), where a recorded position (the
offset `fix` writes) picks the tied place clearly closest to it: a position only
breaks ties, so a stale one never outweighs the words. Anything short of the quote and
its context found exactly at one place, with no close second, is a warning that
gives the selector to paste (repaired_selector), so no quote ever lands on a
passage nobody checked without the build saying so. An approximate place whose recorded context is
unlike the text around it is no candidate at all: the quoted passage is gone (an orphan), and a similar
phrase elsewhere is not it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
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
    """The outcome of anchoring one selector: a span, or why there is none.

    status: "exact" (the quote, and its context where given, found at one place), "drifted" (the quote found
    exactly, its prefix or suffix only approximately), "fuzzy" (the quote found only approximately),
    "ambiguous" (the best places tie), "orphan" (no place is close), "spanning" (the quote runs over a
    paragraph boundary) or "empty" (no quote). runner_up: a place whose score came close to the chosen one;
    its presence makes the anchor a warning, however exact, since the choice between the two was narrow."""

    span: Span | None
    status: str
    candidates: tuple[Span, ...] = ()
    matched_text: str = ""
    runner_up: Span | None = None

    @property
    def anchored(self) -> bool:
        return self.span is not None

    @property
    def certain(self) -> bool:
        """Anchored with nothing to warn about: the quote and its context found exactly, and no close second."""
        return self.status == "exact" and self.runner_up is None


# Scores, as Hypothesis' match-quote weighs them: the quote counts most, then each side's context.
QUOTE_WEIGHT, PREFIX_WEIGHT, SUFFIX_WEIGHT = 50.0, 20.0, 20.0
INSIDE_WORD = 2.0  # taken off an occurrence that starts or ends inside a longer word ("vote" in "voters"):
# only ever between candidates, so it changes nothing where every occurrence sits between letters (no spaces)
TIED = 0.5        # best and second closer than this: the text does not say which place is meant
CLOSE_SECOND = 8  # closer than this (in the same units): anchored, with a warning naming both places


@dataclass(frozen=True)
class _Candidate:
    block: int
    start: int  # in the block's normalised text
    end: int
    score: float
    exact_quote: bool
    exact_context: bool
    context_alike: bool = True  # some recorded context (prefix or suffix) at least half alike, or none recorded


def anchor(selector: Selector, blocks: tuple[Block, ...] | list[Block]) -> Anchor:
    """Every place the quote occurs exactly, or else approximately (within MAX_ERROR_RATE of its length),
    scored by quote similarity, then prefix and suffix similarity; the best place, unless the best tie."""
    quote = normalise_text(selector.quote)
    if not quote:
        return Anchor(None, "empty")
    prefix, suffix = normalise_text(selector.prefix), normalise_text(selector.suffix)
    normalised = [normalise(block.text) for block in blocks]
    candidates = [_score(normalised[b].text, b, start, start + len(quote), 0, quote, prefix, suffix)
                  for b, norm in enumerate(normalised) for start in _find_all(norm.text, quote)]
    if not any(c.exact_context for c in candidates):
        if not candidates and _spans_blocks(quote, normalised):
            return Anchor(None, "spanning")
        # Also the approximate places when the context fits no exact one: the passage the context
        # describes may be the one whose words changed, while an exact copy of the quote stands elsewhere.
        if not candidates or prefix or suffix:
            candidates += _approximate_candidates(quote, prefix, suffix, normalised, candidates)
    if not candidates:
        return Anchor(None, "orphan")
    ranked = sorted(candidates, key=lambda c: (-c.score, not c.exact_quote, c.block, c.start))
    best = ranked[0]
    others = [c for c in ranked[1:] if not (c.block == best.block and c.start < best.end and best.start < c.end)]
    second = others[0] if others else None
    span_of = lambda c: _to_span(normalised, (c.block, c.start, c.end))  # noqa: E731
    confirmed = False  # the recorded position is exactly the chosen place's
    if second is not None and best.score - second.score < TIED:
        tied = [c for c in ranked if best.score - c.score < TIED]
        decided = _by_position(selector.position, _distinct(tied), span_of, blocks)
        if decided is None:
            return Anchor(None, "ambiguous", tuple(span_of(c) for c in tied))
        best, second, confirmed = decided
    elif selector.position is not None and second is not None:
        confirmed = position_of(blocks, span_of(best)) == selector.position
    span = span_of(best)
    runner_up = (span_of(second) if second is not None and best.score - second.score < CLOSE_SECOND
                 and not confirmed else None)
    if best.exact_quote:
        status = "exact" if best.exact_context else "drifted"
    else:
        span = _whole_words(span, blocks[best.block].text, quote)
        status = "fuzzy"
    return Anchor(span, status, matched_text=blocks[span.block].text[span.start:span.end], runner_up=runner_up)


def position_of(blocks: tuple[Block, ...] | list[Block], span: Span) -> int:
    """Where a span starts in the article's text as `clean` prints it (paragraphs joined by a blank line)."""
    return sum(len(block.text) + 2 for block in blocks[:span.block]) + span.start


def _distinct(candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """The candidates, best first, without those overlapping a better one (the same place found twice)."""
    kept: list[_Candidate] = []
    for c in candidates:
        if not any(k.block == c.block and k.start < c.end and c.start < k.end for k in kept):
            kept.append(c)
    return kept


def _by_position(position: int | None, tied: list[_Candidate], span_of: Callable[[_Candidate], Span],
                 blocks: Sequence[Block]) -> tuple[_Candidate, _Candidate, bool] | None:
    """Among places the text cannot tell apart, the one the recorded position points to: the closest, if it is
    clearly the closest (less than half as far as the next); with the next and whether it is exactly there."""
    if position is None:
        return None
    by_distance = sorted((abs(position_of(blocks, span_of(c)) - position), i, c) for i, c in enumerate(tied))
    (nearest, _, chosen), (next_distance, _, following) = by_distance[0], by_distance[1]
    if nearest * 2 >= next_distance:
        return None
    return chosen, following, nearest == 0


def _score(text: str, block: int, start: int, end: int, errors: int, quote: str, prefix: str,
           suffix: str) -> _Candidate:
    before, after = text[:start].rstrip(), text[end:].lstrip()
    prefix_fits = not prefix or before.endswith(prefix)
    suffix_fits = not suffix or after.startswith(suffix)
    score = QUOTE_WEIGHT * (1 - errors / len(quote))
    score -= INSIDE_WORD * ((start > 0 and text[start - 1].isalnum() and quote[0].isalnum())
                            + (end < len(text) and text[end].isalnum() and quote[-1].isalnum()))
    context = 0.0
    if prefix:
        context += PREFIX_WEIGHT * (1.0 if prefix_fits else _context_similarity(prefix, before[-(len(prefix) + 2):]))
    if suffix:
        context += SUFFIX_WEIGHT * (1.0 if suffix_fits else _context_similarity(suffix, after[:len(suffix) + 2]))
    return _Candidate(block, start, end, score + context, errors == 0, prefix_fits and suffix_fits,
                      context > 0 or not (prefix or suffix))


def _approximate_candidates(quote: str, prefix: str, suffix: str, normalised: list[Normalised],
                            exact: list[_Candidate]) -> list[_Candidate]:
    """The approximate places (not those of the exact ones), each scored."""
    max_errors = int(len(quote) * MAX_ERROR_RATE)
    if max_errors == 0:
        return []
    found = []
    for b, offset, text in _search_windows(quote, max_errors, normalised):
        for errors, start, end in _approximate_matches(quote, text, max_errors):
            start, end = start + offset, end + offset
            if errors == 0 or any(c.block == b and c.start < end and start < c.end for c in exact):
                continue
            candidate = _score(normalised[b].text, b, start, end, errors, quote, prefix, suffix)
            # Words only like the quote's, beside words unlike the context it records, are another passage:
            # the quoted one was removed or rewritten (a short quote is like many phrases of an article).
            if candidate.context_alike:
                found.append(candidate)
    return found


def _spans_blocks(quote: str, normalised: list[Normalised]) -> bool:
    """The quote found only across a paragraph boundary, as a contributor copies two paragraphs at once."""
    joined = " ".join(norm.text.strip() for norm in normalised)
    return quote in joined


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


def _find_all(text: str, needle: str) -> list[int]:
    starts, i = [], text.find(needle)
    while i != -1:
        starts.append(i)
        i = text.find(needle, i + 1)
    return starts


def _to_span(normalised: list[Normalised], hit: tuple[int, int, int]) -> Span:
    block, start, end = hit
    begin, finish = normalised[block].span(start, end)
    return Span(block, begin, finish)


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


def _context_similarity(context: str, text: str) -> float:
    """Similarity of a prefix or suffix to the text beside a candidate; under half alike it is noise (any two
    phrases share some letters), which would otherwise decide between places the context does not describe."""
    similarity = _similarity(context, text)
    return similarity if similarity >= 0.5 else 0.0


def _similarity(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    matches = _approximate_matches(a, b, len(a))
    errors = min((e for e, _, _ in matches), default=len(a))
    return max(0.0, 1 - errors / len(a))
