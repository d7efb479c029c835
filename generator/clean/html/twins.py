"""Prose the extractor left out of blocks built like the ones it kept: the rest of a page cut into twin boxes.

Some layouts set one article in several boxes of the same make (a story told in sections, each an
<article class="x"> of its own; a thread's posts, each an <li class="post">). trafilatura's extractor scores
the page's regions and keeps the best one, so the article comes out with one box of several. A block left
out whose nesting (its element and the two elements above it, by tag and class) is that of a block the
extractor kept (when the kept text stands in one box: clean/html/pagelines.py finds the article's
element), wherever it stands in the page (the twin boxes of one story often sit sections apart), and that
reads as prose (clean/html/lead.py: a sentence of some length, hardly linked, not a caption, not hidden,
not inside page furniture) is the article's too, and is put back where it stands in the page. Teasers of other articles, comment boxes and sidebars are built
otherwise (a link around them, another class), so they stay out.
"""

from __future__ import annotations

from lxml import etree

from generator.clean.html.lead import reads_as_prose
from generator.clean.html.pagelines import Block, article_element

TWIN_MIN_WORDS = 10  # a sentence of some length: a date, a label or a button's text is shorter
NESTING = 3  # elements whose tag and class make a block's signature: its own and the two above it


def twin_blocks(blocks: list[Block]) -> list[Block]:
    """The blocks left out (no word aligned: pagelines.page_lines has run) that are twins of kept ones."""
    if article_element(blocks) is None:  # the kept text is spread over the whole page: no box was chosen
        return []
    kept = {_signature(block.element) for block in blocks if any(block.aligned)}
    found = []
    for block in blocks:
        if any(block.aligned) or _signature(block.element) not in kept:
            continue
        if reads_as_prose(block, TWIN_MIN_WORDS):
            found.append(block)
    return found


def with_twins(text: str, source_lines: tuple[int, ...], twins: list[Block]) -> str:
    """text with each twin block put after the last line that stands above it in the page."""
    lines = text.split("\n")
    after: dict[int, list[str]] = {}
    for block in twins:
        at = max((j + 1 for j, number in enumerate(source_lines) if number <= block.line), default=0)
        after.setdefault(at, []).append(block.text)
    out = [*after.get(0, [])]
    for n, line in enumerate(lines, start=1):
        out.append(line)
        out.extend(after.get(n, []))
    return "\n".join(out)


def _signature(element: etree._Element) -> tuple[tuple[str, str], ...]:
    chain = [element, *element.iterancestors()][:NESTING]
    return tuple((e.tag, " ".join(sorted((e.get("class") or "").split()))) for e in chain)
