"""Keep more, not less: the safeguards of the run search (clean/linescore.py) against losing a whole article.

The run search keeps the run of lines with the best total score, and a page's furniture can win it: a teaser
or an author box over an article broken up by furniture, a column of error messages or a form's labels over a
one-paragraph article, and a paragraph in another language than the page's scores as a label (its words are
not the page's stop words). So the chosen run is widened to the runs beside it (widened, with_a_sentence)
and a long line is scored in its own language (line_language). Losing the article is
the worst a cleaner can do, keeping a few lines of chrome beside it a small cost. The safeguards read only
what any language shows: sentence ends, and the stop words of whichever language a line is written in.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Mapping, Sequence

OWN_LANGUAGE_MIN_WORDS = 12  # a line this long is a sentence or more: its own stop words tell its language
MASKED = -1e9  # the chosen run's lines, when the best run beside it is looked for


def line_language(stops: Sequence[str], words: int, page_language: str | None,
                  languages_of: Mapping[str, Sequence[str]], prose_share: float) -> str | None:
    """The language a line is scored in: the page's, unless the line (words: its words; stops: those that are a
    stop word of some language) is long enough to tell its own and reads as prose (prose_share of stop words)
    in another language but not in the page's: an English post on a blog whose furniture is German."""
    if page_language is None or words < OWN_LANGUAGE_MIN_WORDS:
        return page_language
    found: Counter[str] = Counter()
    for word in stops:
        found.update(languages_of[word])
    if found[page_language] >= prose_share * words:
        return page_language
    own, hits = max(found.items(), key=lambda item: item[1], default=(page_language, 0))
    return own if hits >= prose_share * words else page_language


def with_a_sentence(lines: Sequence[str], values: Sequence[float], sentence_end: re.Pattern[str], closing: float,
                    start: int, end: int) -> tuple[int, int]:
    """The run lines[start:end] (values: each line's score), or when none of its lines that score ends a
    sentence (sentence_end) the run joined to the best-scoring run beside it that holds a sentence; never
    across a line that ends the article (scoring closing or less)."""
    if end == 0 or any(sentence_end.search(lines[i]) for i in range(start, end) if values[i] > 0):
        return start, end
    outside = [MASKED if start <= i < end else v for i, v in enumerate(values)]
    found = _best_run_holding(outside, [sentence_end.search(line) is not None for line in lines])
    if found is None:
        return start, end
    low, high = (found[1], start) if found[1] <= start else (end, found[0])
    if any(values[i] <= closing for i in range(low, high)):
        return start, end
    return min(start, found[0]), max(end, found[1])


def _best_run_holding(values: Sequence[float], wanted: Sequence[bool]) -> tuple[int, int] | None:
    """The best-scoring run of lines that holds a wanted line and scores above 0 (None if there is none): for
    each line, the best run ending at it (from the left) and starting at it (from the right), as Kadane's."""
    count = len(values)
    ending, ending_start = [0.0] * count, [0] * count
    for i, value in enumerate(values):
        carried = i > 0 and ending[i - 1] > 0
        ending[i] = value + (ending[i - 1] if carried else 0.0)
        ending_start[i] = ending_start[i - 1] if carried else i
    starting, starting_end = [0.0] * count, [0] * count
    for i in range(count - 1, -1, -1):
        carried = i < count - 1 and starting[i + 1] > 0
        starting[i] = values[i] + (starting[i + 1] if carried else 0.0)
        starting_end[i] = starting_end[i + 1] if carried else i + 1
    best, best_total = None, 0.0
    for i in range(count):
        total = ending[i] + starting[i] - values[i]
        if wanted[i] and total > best_total:
            best, best_total = (ending_start[i], starting_end[i]), total
    return best


# A run holding less than this share of the page's prose is likely a teaser or an author box chosen over an
# article broken up by furniture: the cleaner then keeps the best run beside it too (keep more, not less),
# since losing the whole article is worse than keeping a few lines of chrome.
SHORT_RUN_SHARE = 0.5
# A run beside the chosen one that scores at least this share of it is more of the same article, whatever
# parts them (a gallery, a block of advertisements inside the text): page chrome seldom holds that much prose.
NEIGHBOUR_SHARE = 0.3
WIDENINGS = 3
# A run that starts right under the article's headline (the page's title line when none is printed) is the
# article's opening, however short: it joins the chosen run at a smaller share of it (a one-paragraph report
# over a page's login form or consent text, which hold more sentences than the article).
UNDER_HEADLINE_LINES = 3
UNDER_HEADLINE_SHARE = 0.5  # of NEIGHBOUR_SHARE


def widened(values: Sequence[float], start: int, end: int, prose: float, headline: int,
            closing: float) -> tuple[int, int]:
    """The run, joined to the best runs beside it while it holds too little of the page's prose, or while a run
    beside it scores NEIGHBOUR_SHARE of it and is not above the article's headline (a cookie notice, a teaser
    printed before it), or half that share when it starts right under the headline; never across a line that
    ends the article (one scoring closing or less)."""
    for _ in range(WIDENINGS):
        if end == 0:
            break
        short = sum(max(0.0, v) for v in values[start:end]) < SHORT_RUN_SHARE * prose
        least = 0.0 if short else max(0.0, NEIGHBOUR_SHARE * sum(values[start:end]))
        left_start, left_end = best_scoring_run(values[:start])
        right_start, right_end = best_scoring_run(values[end:])
        left = sum(values[left_start:left_end]) if left_end and not any(
            v <= closing for v in values[left_end:start]) and (short or left_start >= headline) else 0.0
        right = sum(values[end + right_start:end + right_end]) if right_end and not any(
            v <= closing for v in values[end:end + right_start]) else 0.0
        under_headline = bool(left_end) and headline <= left_start <= headline + UNDER_HEADLINE_LINES
        take_left, take_right = left > (least * UNDER_HEADLINE_SHARE if under_headline else least), right > least
        if not (take_left or take_right):
            break
        if take_left and (left >= right or not take_right):
            start = left_start
        else:
            end = end + right_end
    return start, end


def best_scoring_run(values: Sequence[float]) -> tuple[int, int]:
    """Start and end (exclusive) of the consecutive values with the largest sum (Kadane); (0, 0) if none > 0."""
    best, best_start, best_end = 0.0, 0, 0
    total, start = 0.0, 0
    for i, value in enumerate(values):
        if total <= 0:
            total, start = 0.0, i
        total += value
        if total > best:
            best, best_start, best_end = total, start, i + 1
    return best_start, best_end
