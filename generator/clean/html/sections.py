"""Headings go with their sections: a section heading the extractor dropped above a section it kept is put
back, and a label it kept over a box of links it dropped is taken out.

trafilatura scores paragraphs, not the page's outline, so it treats a heading apart from the text under it.
Two mistakes follow, both visible in the page's structure and in no word of it. A section's heading inside
the article's element (an <h2> to <h6>) is dropped although the paragraph right below it is kept: the
article loses its outline (an FAQ's questions, a report's section titles). And a short label at the head of a
box of links ("more on this", "read also", a site's "top topics") is kept although every link below it was
dropped as furniture: the label is left hanging under the article. Which of the two a block is comes from
where it stands (inside the article's element, between kept text) and from what follows it in the page
(kept prose, or dropped links), so it holds in any language.
"""

from __future__ import annotations

import re

from lxml import etree

from generator.clean.context import normalise_line
from generator.clean.html.lead import FURNITURE_ROLES, FURNITURE_TAGS, linked_words
from generator.clean.html.pagelines import Block, article_element

HEADING_TAGS = frozenset("h2 h3 h4 h5 h6".split())  # the <h1> is the headline: clean/html/lead.py places it
HEADING_MAX_WORDS = 20  # a section's title; a longer heading is a teaser's or a pull quote
LINK_SHARE_MAX = 0.3  # a heading more linked than this points elsewhere: a teaser's title
LABEL_MAX_WORDS = 6  # a box's label ("More on this:"); a longer line says something of its own
LABEL_LINKS_MIN = 0.5  # the blocks under a label hold at least this share of linked words: a box of links
LABEL_BOX_MIN = 2  # ... and are at least this many: one link under a line may be the article's reference
LABEL_BOX_MIN_WORDS = 6  # ... and hold this many words: a few one-word links may be the page's own outline
LABEL_BOX_SPAN = 6  # blocks under the label looked at
# a line that ends so is a sentence, not a label (a colon or a question mark may end either)
WORD = re.compile(r"\w+")
SENTENCE_STOP = re.compile(r"[.!…\"'»”)\]۔。！।]$")
# a sentence's end followed by more words: a line of sentences (in scripts without spaces between words, such
# as Chinese, a sentence is one \w+ run, so the count of words alone does not tell a label)
INNER_STOP = re.compile(r"[.!?…。！？][\s\"'«»“”（）()\[\]]*\w")
LABEL_MIN_WORDS = 2


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


def with_headings(text: str, source_lines: tuple[int, ...], headings: list[tuple[Block, Block]]) -> str:
    """text with each heading put above the first line, at or below the heading's source line, that opens its
    section's first block (or that the block opens: the extractor may join blocks or cut one). Placed by the
    words, not by source lines alone: a page written on one line gives every block the same."""
    lines = text.split("\n")
    words = [tuple(WORD.findall(normalise_line(line).casefold())) for line in lines]
    above: dict[int, list[str]] = {}
    for heading, section in headings:
        opening = tuple(section.words)
        at = next((j for j, (mine, number) in enumerate(zip(words, source_lines))
                   if mine and number >= heading.line and (opening[:len(mine)] == mine or mine[:len(opening)] == opening)),
                  None)
        if at is not None:
            above.setdefault(at, []).append(heading.text)
    return "\n".join(out for j, line in enumerate(lines) for out in (*above.get(j, []), line))


def _is_section_heading(block: Block, article: etree._Element) -> bool:
    if block.hidden or not 1 <= len(block.words) <= HEADING_MAX_WORDS:
        return False
    chain = [block.element, *block.element.iterancestors()]
    if article not in chain or _in_furniture(chain):
        return False
    return linked_words(block, chain) <= LINK_SHARE_MAX * len(block.words)


def hanging_labels(blocks: list[Block]) -> list[Block]:
    """Kept blocks that are a label (a heading, or a few words that are no sentence) over a box of links that
    was left out: the next blocks, up to the next kept one, are all left out and mostly linked."""
    found = []
    for i, block in enumerate(blocks):
        if not all(block.aligned) or not _is_label(block):
            continue
        box = []
        for below in blocks[i + 1:i + 1 + LABEL_BOX_SPAN]:
            if any(below.aligned):
                break
            box.append(below)
        if len(box) < LABEL_BOX_MIN:
            continue
        words = sum(len(below.words) for below in box)
        linked = sum(min(len(below.words), linked_words(below, [below.element, *below.element.iterancestors()]))
                     for below in box)
        if words >= LABEL_BOX_MIN_WORDS and linked >= LABEL_LINKS_MIN * words:
            found.append(block)
    return found


def _is_label(block: Block) -> bool:
    """A heading or a few words with no sentence in them; not a lone word under the text (an author's name or
    initials sign an article there)."""
    if len(block.words) > LABEL_MAX_WORDS or INNER_STOP.search(block.text):
        return False
    if block.element.tag in HEADING_TAGS:
        return True
    return len(block.words) >= LABEL_MIN_WORDS and not SENTENCE_STOP.search(block.text)


def without_blocks(text: str, source_lines: tuple[int, ...], blocks: list[Block]) -> tuple[str, tuple[int, ...]]:
    """text without the lines that are these blocks whole (the same words, placed at the block's line), and
    the source lines of the lines left."""
    drop = {(block.line, tuple(block.words)) for block in blocks}
    kept = [(line, number) for line, number in zip(text.split("\n"), source_lines)
            if (number, tuple(WORD.findall(normalise_line(line).casefold()))) not in drop]
    return "\n".join(line for line, _ in kept), tuple(number for _, number in kept)


def _in_furniture(chain: list[etree._Element]) -> bool:
    return any(e.tag in FURNITURE_TAGS or (e.get("role") or "").strip().lower() in FURNITURE_ROLES for e in chain)
