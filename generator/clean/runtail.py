"""Where the article's run of lines ends: not in the furniture printed right under the article.

The run search (clean/linescore.py) keeps the run of lines with the best total score, so it runs on over a
page's last boxes when they hold some prose: a "related posts" heading with a teaser's summary under it, a
share bar, the writer's name over a line about them, a comment form's labels over its one sentence. What
tells them from the article's last paragraphs, in any language, is their shape: many lines that cost (no
sentence's end, no prose) among lines that hold next to nothing of the run's prose.
"""

from __future__ import annotations

from typing import Callable, Sequence

TAIL_PROSE_SHARE = 0.05  # the run's last lines holding at most this share of its prose ...
TAIL_LABELS = 3          # ... among which this many are labels, are the page's furniture, not the article
TAIL_MIN_PROSE = 60.0    # a run with less prose is left whole: its labels may be all the article has (a results
# table, a gallery), and losing the article is worse than keeping its furniture (linescore.PROSE_BEFORE_END)


def without_furniture_tail(values: Sequence[float], is_label: Callable[[int], bool], is_data: Callable[[int], bool],
                           start: int, end: int) -> int:
    """The end (exclusive) of the run values[start:end] without its tail of furniture: the run ends before the
    first label of the last lines that hold at most TAIL_PROSE_SHARE of its prose and TAIL_LABELS labels or
    more (is_label(i): line i costs and is no sentence), and no line of data (is_data(i): a table's cell; a
    table's names and numbers are what a results page holds, whatever its prose); a run that holds less than
    TAIL_MIN_PROSE as found is left whole. Repeated on what is left until nothing more goes: the confirming pass reads
    the text without the tail, and must find none in it."""
    if sum(max(0.0, v) for v in values[start:end]) < TAIL_MIN_PROSE:
        return end
    while True:
        cut = _tail_start(values, is_label, is_data, start, end)
        if cut == end:
            return end
        end = cut


def _tail_start(values: Sequence[float], is_label: Callable[[int], bool], is_data: Callable[[int], bool],
                start: int, end: int) -> int:
    prose = sum(max(0.0, v) for v in values[start:end])
    after, labels, cut = 0.0, 0, end
    for i in range(end - 1, start, -1):  # never the run's first line: a run is not all tail
        if after > TAIL_PROSE_SHARE * prose or is_data(i):
            break
        if is_label(i):
            labels += 1
            if labels >= TAIL_LABELS:
                cut = i
        after += max(0.0, values[i])
    return cut
