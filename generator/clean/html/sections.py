"""Headings go with their sections and items with their lists: what the extractor dropped of a part of the
article it kept is put back.

trafilatura scores paragraphs, not the page's outline, so it treats a heading apart from the text under it:
a section's heading inside the article's element (an <h2> to <h6>) is dropped although the paragraph right
below it is kept, and the article loses its outline (an FAQ's questions, a report's section titles). That
shows in the page's structure (where the heading stands: inside the article's element, between kept text,
right above a kept block) and in no word of it, so it holds in any language. Lists likewise: an item dropped from a list
the extractor kept other items of, or from a list that a kept line right above it announces (it ends in a
colon or an ellipsis), is put back: a list is the article's whole or not at all.
"""

from __future__ import annotations

import re

from lxml import etree

from generator.clean.context import normalise_line
from generator.clean.html.lead import in_furniture, linked_words
from generator.clean.html.pagelines import Block, article_element

HEADING_TAGS = frozenset("h2 h3 h4 h5 h6".split())  # the <h1> is the headline: clean/html/lead.py places it
ITEM_TAGS = frozenset("li dd dt".split())  # a table comes out as rows of cells: a cell put back alone would break them
LIST_TAGS = frozenset("ul ol dl".split())
INTRODUCES = re.compile(r"(:|…|\.\.\.)$")  # a line that ends so announces what follows
HEADING_MAX_WORDS = 20  # a section's title; a longer heading is a teaser's or a pull quote
LINK_SHARE_MAX = 0.3  # a heading more linked than this points elsewhere: a teaser's title
WORD = re.compile(r"\w+")


def parts_left_out(blocks: list[Block]) -> list[tuple[Block, Block]]:
    """The section headings and list items to put back (below), in page order, each with the kept block that
    it goes above."""
    order = {id(block): n for n, block in enumerate(blocks)}
    return sorted(section_headings(blocks) + list_items(blocks), key=lambda pair: order[id(pair[0])])


def section_headings(blocks: list[Block]) -> list[tuple[Block, Block]]:
    """Headings left out (no word aligned: pagelines.page_lines has run) inside the article's element, below
    kept text and right above a kept block: the titles of sections the extractor kept; each with that block."""
    article = article_element(blocks)
    if article is None:
        return []
    found = []
    seen_kept = False
    for i, block in enumerate(blocks[:-1]):
        if any(block.aligned):
            seen_kept = True
            continue
        if not seen_kept or block.element.tag not in HEADING_TAGS or not any(blocks[i + 1].aligned):
            continue
        if _is_section_heading(block, article):
            found.append((block, blocks[i + 1]))
    return found


def with_blocks_above(text: str, source_lines: tuple[int, ...], parts: list[tuple[Block, Block]]) -> str:
    """text with each part (a heading, an item) put above the first line, at or below the part's source line,
    that opens the kept block below it (or that the block opens: the extractor may join blocks or cut one). Placed by the
    words, not by source lines alone: a page written on one line gives every block the same."""
    lines = text.split("\n")
    words = [tuple(WORD.findall(normalise_line(line).casefold())) for line in lines]
    above: dict[int, list[str]] = {}
    for part, below in parts:
        opening = tuple(below.words)
        at = next((j for j, (mine, number) in enumerate(zip(words, source_lines))
                   if mine and number >= part.line and (opening[:len(mine)] == mine or mine[:len(opening)] == opening)),
                  None)
        if at is not None:
            above.setdefault(at, []).append(part.text)
    return "\n".join(out for j, line in enumerate(lines) for out in (*above.get(j, []), line))


def list_items(blocks: list[Block]) -> list[tuple[Block, Block]]:
    """Items left out of a list the extractor kept other items of, or that a kept line right above it
    introduces (it ends in a colon or an ellipsis), inside the article's element; each with the next kept block
    below it. A list is the article's whole or not at all. Not the items of a menu, of a list of links or of a
    hidden part."""
    article = article_element(blocks)
    if article is None:
        return []
    lists = {}  # each list's items, in page order
    for i, block in enumerate(blocks):
        owner = _list_of(block.element)
        if owner is not None:
            lists.setdefault(owner, []).append(i)
    found = []
    for owner, items in lists.items():
        kept = [i for i in items if any(blocks[i].aligned)]
        before = blocks[items[0] - 1] if items[0] else None
        introduced = before is not None and all(before.aligned) and INTRODUCES.search(before.text)
        if len(kept) == len(items) or not (kept or introduced) or article not in owner.iterancestors():
            continue
        for i in items:
            block = blocks[i]
            below = next((other for other in blocks[i + 1:] if any(other.aligned)), None)
            chain = [block.element, *block.element.iterancestors()]
            if below is not None and not any(block.aligned) and not block.hidden and not in_furniture(chain) \
                    and linked_words(block, chain) <= LINK_SHARE_MAX * len(block.words):
                found.append((block, below))
    return found


def _list_of(element: etree._Element) -> etree._Element | None:
    """The list an item stands in (None: the block is no item)."""
    if element.tag not in ITEM_TAGS:
        return None
    return next((e for e in element.iterancestors() if e.tag in LIST_TAGS), None)


def _is_section_heading(block: Block, article: etree._Element) -> bool:
    if block.hidden or not 1 <= len(block.words) <= HEADING_MAX_WORDS:
        return False
    chain = [block.element, *block.element.iterancestors()]
    if article not in chain or in_furniture(chain):
        return False
    return linked_words(block, chain) <= LINK_SHARE_MAX * len(block.words)
