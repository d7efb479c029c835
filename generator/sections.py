"""Rules about groups of lines: boxes a page sets around or inside an article.

A single line often cannot tell boilerplate from text, but the line before it can: the items under
a "Read more:" label are other articles' headlines. Each rule here takes the kept lines of an article
(their texts, and the phrase rule that already marked each, if any) and returns the indexes of the
lines it removes. They look only at a line and its neighbours, so they cost linear time.
"""

from __future__ import annotations

from typing import Sequence

from .linescore import SENTENCE_END
from .lineshape import word_count

TEASER_LABELS = {"promo"}  # phrase rules whose line introduces a list of links to other pages
TEASER_MAX_WORDS = 25
TEASER_MAX_ITEMS = 12


def is_teaser_item(text: str) -> bool:
    """A headline or a name linking elsewhere: it does not end a sentence and does not introduce one."""
    first = text[:1]
    return (0 < word_count(text) <= TEASER_MAX_WORDS and not SENTENCE_END.search(text)
            and not text.endswith((":", ",", ";")) and (first.isupper() or first.isdigit() or first in "\"'“‘«¿¡"))


def teasers_after_labels(texts: Sequence[str], rules: Sequence[str | None]) -> list[int]:
    """The lines under a promotion label ("Read more:", "Related stories") that read as headlines.

    The list ends at the first line that is not one (a sentence, or a line introducing what follows).
    """
    removed: list[int] = []
    i = 0
    while i < len(texts):
        if rules[i] not in TEASER_LABELS:
            i += 1
            continue
        i += 1
        items = 0
        while i < len(texts) and items < TEASER_MAX_ITEMS:
            if rules[i] is not None:
                if rules[i] in TEASER_LABELS:
                    break
                i += 1
                continue
            if not is_teaser_item(texts[i]):
                break
            removed.append(i)
            items += 1
            i += 1
    return removed
