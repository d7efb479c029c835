"""Reduce a saved web page to its article text (one block per line) and the metadata it declares.

The body comes from trafilatura in its precision mode, chosen by measurement on
the boilerplate corpus (see bench/clean_bench.py): it beat readability-lxml and
trafilatura's other modes. Precision mode sometimes drops most of a short page
(a listing of entries, a product page, a post among its widgets): when its text
is short and recall mode finds at least twice as many words, recall mode's text
is taken. Precision mode also sometimes stops after the first part
of a long article; when readability-lxml finds a body at least twice as long
that contains what trafilatura found, trafilatura cut the article short and
readability's body is taken instead. On a page whose article is short beside its widgets, trafilatura
can take a sidebar for the article: when all it found stands in the page's complementary regions (`<aside>`,
role="complementary", an element named "sidebar") and readability found text outside them, readability's is
taken. Either may drop the article's lead (the
standfirst between headline and body); clean/html/lead.py puts it back. trafilatura keeps one region of
the page: an article set in several boxes of one make (sections, a thread's posts) loses the others, which
clean/html/twins.py puts back. The project's leftover rules (clean/cleaner.py)
run on the result either way. What the extractor left out, and where each line
of its text stands in the page's source, comes from clean/html/pagelines.py: neither
extractor says.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from bs4 import BeautifulSoup

from generator.clean.html.lead import with_lead
from generator.clean.html.pagelines import Block, PageLines, page_lines, text_blocks
from generator.clean.html.pagemeta import page_metadata
from generator.clean.html.sections import parts_left_out, with_blocks_above
from generator.clean.html.twins import twin_blocks, with_twins
from generator.core.model import Removal

RECALL_BELOW_WORDS = 500  # precision mode's text shorter than this is checked against recall mode's ...
RECALL_MIN_RATIO = 2.0  # ... which is taken when it finds this many times more words
FALLBACK_MIN_RATIO = 2.0  # readability's body must be this many times longer ...
FALLBACK_MIN_COVER = 0.9  # ... and hold this share of trafilatura's 4-word shingles
ASIDE_MIN_SHARE = 0.9  # trafilatura's text is the sidebar's when this share of its shingles stands in one
ASIDE_ROLE = re.compile(r"^complementary$", re.IGNORECASE)
# this word exactly, as an id or class token: names that only hold it (sidebar__main) wrap articles too
ASIDE_NAME = re.compile(r"^sidebar$", re.IGNORECASE)
BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr", "dd", "dt", "figcaption")
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Extracted:
    """The article text of a page (one paragraph per line), its metadata, which extractor found it, the
    page's source line of each line of the text, and the page's text the extractor left out (clean/html/pagelines.py)."""

    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    method: str = "trafilatura"
    source_lines: tuple[int, ...] = ()
    left_out: tuple[Removal, ...] = ()


def extract(html: str) -> Extracted:
    """Article text and metadata of one page; the same page always gives the same result.

    Not cached: it is costly, so callers run it once per document and pass the result on
    (clean.extract_page; the build keeps it between builds in its memo)."""
    soup = BeautifulSoup(html, "lxml")
    metadata = page_metadata(soup)
    text, method = _trafilatura(html), "trafilatura"
    if len(WORD.findall(text)) < RECALL_BELOW_WORDS:  # a text this long is an article, not a cut-off lead
        wider = _trafilatura(html, recall=True)
        if _longer(wider, text):
            text, method = wider, "trafilatura's recall mode"
    short = len(WORD.findall(text)) < RECALL_BELOW_WORDS  # a sidebar's widgets rarely run longer
    other = _readability(html)
    if _cut_short(text, other) or (short and _from_asides(text, other, soup)):
        text, method = other, "readability"
    blocks = text_blocks(html)
    text = with_lead(blocks, text)
    placed = page_lines(html, text, method, blocks)
    twins = twin_blocks(blocks)
    if twins:  # placed again with them: rare, so most pages are aligned once
        text = with_twins(text, placed.source_lines, twins)
        placed = _placed_again(html, text, method, blocks)
    missing = parts_left_out(blocks)
    if missing:  # placed again with them: rare, as above
        text = with_blocks_above(text, placed.source_lines, missing)
        placed = _placed_again(html, text, method, blocks)
    return Extracted(text, metadata, method, placed.source_lines, placed.left_out)


def _placed_again(html: str, text: str, method: str, blocks: list[Block]) -> PageLines:
    """The text's lines placed in the page afresh, after lines were put back into it."""
    for block in blocks:
        block.aligned = [False] * len(block.words)
    return page_lines(html, text, method, blocks)


def _trafilatura(html: str, recall: bool = False) -> str:
    import trafilatura

    return trafilatura.extract(html, favor_precision=not recall, favor_recall=recall, include_comments=False,
                               include_tables=True, deduplicate=False, output_format="txt") or ""


def _longer(text: str, than: str) -> bool:
    """True when text has at least RECALL_MIN_RATIO times the words of than."""
    return len(WORD.findall(text)) >= RECALL_MIN_RATIO * max(1, len(WORD.findall(than)))


def _readability(html: str) -> str:
    from readability import Document

    # It logs a traceback ("error getting summary") before it raises; the raise is handled below, so the
    # log would only print a traceback into the build's output.
    logging.getLogger("readability.readability").setLevel(logging.CRITICAL)
    try:
        summary = Document(html).summary(html_partial=True)
    except Exception:  # readability raises on pages it cannot parse; trafilatura's answer stands then
        return ""
    soup = BeautifulSoup(summary, "lxml")
    lines = []
    for block in soup.find_all(BLOCK_TAGS):
        if block.find(BLOCK_TAGS):
            continue  # the inner blocks give the lines
        line = " ".join(block.get_text(" ").split())
        if line:
            lines.append(("- " if block.name == "li" else "") + line)
    return "\n".join(lines)


def _cut_short(text: str, other: str) -> bool:
    """True when other holds what text holds and at least twice as much: text stopped too early."""
    mine, theirs = WORD.findall(text), WORD.findall(other)
    if not theirs or len(theirs) < FALLBACK_MIN_RATIO * max(1, len(mine)):
        return False
    if not mine:
        return True
    own, found = _shingles(mine), _shingles(theirs)
    return len(own & found) >= FALLBACK_MIN_COVER * len(own)


def _from_asides(text: str, other: str, soup: BeautifulSoup) -> bool:
    """True when text stands in the page's complementary regions and other, found elsewhere, does not."""
    regions = (soup.find_all("aside") + soup.find_all(attrs={"role": ASIDE_ROLE})
               + soup.find_all(id=ASIDE_NAME) + soup.find_all(class_=ASIDE_NAME))
    if not regions or not text.strip() or not other.strip():
        return False
    aside = _shingles(WORD.findall(" ".join(region.get_text(" ") for region in regions)))
    mine, theirs = _shingles(WORD.findall(text)), _shingles(WORD.findall(other))
    return (len(mine & aside) >= ASIDE_MIN_SHARE * len(mine)
            and len(theirs - aside) >= ASIDE_MIN_SHARE * len(theirs))


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + 4]) for i in range(max(1, len(words) - 3))}
