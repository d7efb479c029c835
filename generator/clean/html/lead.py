"""The article's lead (standfirst, intro, summary) when the extractor dropped it.

Pages print the paragraph that sums up the article between the headline and the body, often in the
article's <header> or a box of its own styled as a teaser. trafilatura's precision mode drops it on many
layouts: it looks like page furniture to a scorer of the body's region, though it is the first thing a
reader reads. What stands between the page's <h1> and the first block of the extracted text is that lead
when the page declares it as the article's summary (its <meta> description, Open Graph's or Twitter's: a
box of prose that is not the summary is a disclaimer, an advert's text, a note) and it reads as prose: a
sentence of some length, not a link, not inside page furniture (<nav>, <aside>, <footer>, <form>,
<figure>, or an element with the role of one), not an image's caption, not hidden and not repeated on the
page. A subtitle set as a heading (<h2> below the <h1>) is the lead when it is the declared summary. Bylines, dates, breadcrumbs and share bars between the headline and the body are short, linked or
unpunctuated, and stay out. The headline is the page's <h1>, or a block whose words are the title the page
declares (og:title, twitter:title, <title>): many layouts set it in an <h2>, an <h3> or a styled <div>. When
the extracted text opens with the headline, the lead goes below it, above the first line of prose. Where
the page declares the body's own opening as its summary, the one block between headline and body that
reads as a lead is taken (the summary then says nothing about the lead, but the body right below it does).
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

from generator.clean.html.pagelines import BLOCK_TAGS, Block

LEAD_MIN_WORDS = 15  # a lead is a sentence or two; a byline, a date, a kicker or a one-line subtitle is shorter
SUMMARY_MIN_WORDS = 8  # ... but a block that is the page's declared summary may be one short sentence
LEAD_WINDOW = 12  # blocks above the body looked at: a lead stands right above it, not a screen away
LEAD_MAX_BLOCKS = 3  # a lead is a paragraph or two, never the page's head as a whole
LINK_SHARE_MAX = 0.3  # a block more linked than this is a teaser or a menu, not a lead
CAPTION_SPAN = 1.2  # an element holding an image and no more words than this times the block's is its caption
FURNITURE_TAGS = frozenset("nav aside footer form figure figcaption button label menu dialog".split())
FURNITURE_ROLES = frozenset("navigation complementary contentinfo search dialog menu".split())
MEDIA_TAGS = ("img", "picture", "video")
HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())  # a heading is the headline's or a section's, not prose
# a sentence's end in Latin, Arabic (؟ ۔), CJK (。！？) and Devanagari (।) script, or a closing quote or bracket
SENTENCE_END = re.compile(r"[.!?…:;\"'»«”“)\]؟۔。！？।]$")
WORD = re.compile(r"\w+")
SUMMARY_KEYS = frozenset({"description", "og:description", "twitter:description"})
TITLE_KEYS = frozenset({"og:title", "twitter:title"})
HEADLINE_MIN_WORDS = 3  # a block of one or two words that stands in the title is a section's name, not the headline
SUMMARY_OPENING = 80  # characters of the flattened text compared with a declared summary
FIRST_LINES = 3  # extracted lines tried to find where the body starts in the page
FIRST_LINE_MIN_WORDS = 3
BODY_LINE_MIN_WORDS = 8  # below a kept headline, the body starts with a line of prose, not a caption or a date


def with_lead(blocks: list[Block], text: str) -> str:
    """text with the lead blocks (pagelines.text_blocks of the page) that it lacks put before the line where
    its body starts (below the headline, when the text opens with it)."""
    found = _body_start(blocks, text)
    if found is None:
        return text
    start, line = found
    titles = _declared(blocks[start].element, TITLE_KEYS, with_title=True)
    if _is_headline(blocks[start], titles):  # the extractor kept the headline: the lead stands below it
        headline, found = start, _body_start(blocks, text, after=(start, line))
        if found is None:
            return text
        start, line = found
    else:
        headline = next((i for i in range(start - 1, max(-1, start - 1 - LEAD_WINDOW), -1)
                         if _is_headline(blocks[i], titles)), None)
    if headline is None:
        return text
    lead = _lead(blocks, headline, start, text)
    if not lead:
        return text
    lines = text.split("\n")
    return "\n".join([*lines[:line], *(block.text for block in lead), *lines[line:]])


def _lead(blocks: list[Block], headline: int, start: int, text: str) -> list[Block]:
    """The blocks between headline and body start that are the page's declared summary and read as a lead;
    or, where the page declares the body's own opening as its summary, the one block there that reads as a
    lead (the summary then says nothing of the lead, and the body starting right below it does)."""
    summaries = _declared(blocks[start].element, SUMMARY_KEYS)
    if not summaries:
        return []
    flat = _flat(text)
    between = [block for block in blocks[headline + 1:start] if _flat(block.text) not in flat]
    lead = [block for block in between
            if _is_summary(block, summaries) and reads_as_prose(block, SUMMARY_MIN_WORDS, subtitle=True)]
    if not lead and _is_summary(blocks[start], summaries):
        lead = [block for block in between if _reads_as_lead(block)]
        lead = lead if len(lead) == 1 else []
    if lead:  # a block the page repeats (a teaser shown twice) is no lead
        counts = Counter(block.text for block in blocks)
        lead = [block for block in lead if counts[block.text] == 1]
    if len(lead) > LEAD_MAX_BLOCKS:
        return []  # more prose than a lead between headline and body: the extractor chose where to start
    return lead


def _is_headline(block: Block, titles: list[str]) -> bool:
    """The page's <h1>, or a heading or block whose words are the title the page declares (pages that set
    their headline in an <h2>, an <h3> or a styled <div>)."""
    if block.element.tag == "h1":
        return True
    if len(block.words) < HEADLINE_MIN_WORDS or block.hidden:
        return False
    mine = _flat(block.text)
    return any(mine in title for title in titles)


def _declared(element: etree._Element, keys: frozenset[str], with_title: bool = False) -> list[str]:
    """The page's own <meta> values under keys (its summaries: description, Open Graph's, Twitter's; or its
    titles), flattened; with_title adds the <title>."""
    found: list[str] = []
    head = element.getroottree().getroot().find("head")  # where pages declare it; not a walk of the whole tree
    for meta in head.iter("meta") if head is not None else ():
        key = (meta.get("name") or meta.get("property") or "").strip().lower()
        content = _flat(meta.get("content") or "")
        if key in keys and len(content) > 1:
            found.append(content)
    title = head.find("title") if head is not None and with_title else None
    if title is not None and len(_flat(title.text or "")) > 1:
        found.append(_flat(title.text or ""))
    return found


def _is_summary(block: Block, summaries: list[str]) -> bool:
    """The block is the summary the page declares (either may be cut short: their openings are compared)."""
    mine = _flat(block.text)
    return any(summary[:SUMMARY_OPENING] in mine or mine[:SUMMARY_OPENING] in summary for summary in summaries)


def _body_start(blocks: list[Block], text: str, after: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """The first block that one of the extracted text's first lines stands in (or that stands in it), and
    that line's index. after: the headline's block and line, below which the body is a line of prose."""
    least = BODY_LINE_MIN_WORDS if after else FIRST_LINE_MIN_WORDS
    lines = [(n, _flat(line)) for n, line in enumerate(text.split("\n"))
             if len(WORD.findall(line)) >= least and (after is None or n > after[1])][:FIRST_LINES]
    for i, block in enumerate(blocks):  # each block flattened once, and only up to where the body starts
        if (after is None or i > after[0]) and len(block.words) >= least:
            mine = _flat(block.text)
            for n, line in lines:
                if line in mine or mine in line:
                    return i, n
    return None


def _flat(text: str) -> str:
    """The words of text, casefolded, each between spaces (so that "in" finds whole words only)."""
    return " " + " ".join(WORD.findall(text.casefold())) + " "


def _reads_as_lead(block: Block) -> bool:
    return reads_as_prose(block, LEAD_MIN_WORDS)


def reads_as_prose(block: Block, min_words: int, subtitle: bool = False) -> bool:
    """The block is a paragraph of prose: min_words or more, a sentence's end, hardly linked, not a heading
    (but for a subtitle below the <h1>, with subtitle), not hidden, not an image's caption, not inside page
    furniture."""
    heading = block.element.tag in HEADING_TAGS and not (subtitle and block.element.tag != "h1")
    if block.hidden or heading or len(block.words) < min_words \
            or not SENTENCE_END.search(block.text):
        return False
    chain = [block.element, *block.element.iterancestors()]
    if in_furniture(chain):
        return False
    return linked_words(block, chain) <= LINK_SHARE_MAX * len(block.words) and not _is_caption(block, chain)


def in_furniture(chain: list[etree._Element]) -> bool:
    """An element among these (a block's element and its ancestors) is page furniture: a menu, form, aside..."""
    return any(e.tag in FURNITURE_TAGS or (e.get("role") or "").strip().lower() in FURNITURE_ROLES for e in chain)


def linked_words(block: Block, chain: list[etree._Element]) -> int:
    """Words of the block inside links: all of them in a link around the block, else those of its own links
    (not those of blocks nested in it)."""
    if any(e.tag == "a" for e in chain):
        return len(block.words)
    linked = 0
    for link in block.element.iter("a"):
        parent = link.getparent()
        while parent is not None and parent is not block.element and parent.tag not in BLOCK_TAGS:
            parent = parent.getparent()
        if parent is block.element:
            linked += len(WORD.findall("".join(link.itertext())))
    return linked


def _is_caption(block: Block, chain: list[etree._Element]) -> bool:
    """An element near the block holds an image, or follows one, and hardly more text than the block: the
    block is the image's caption."""
    most = CAPTION_SPAN * len(block.words)
    for element in chain[:3]:
        if _words(element) > most:
            return False
        before = element.getprevious()
        while before is not None and not isinstance(before.tag, str):  # a comment between image and caption
            before = before.getprevious()
        if _has_media(element) or (before is not None and _has_media(before) and not _words(before)):
            return True
    return False


def _has_media(element: etree._Element) -> bool:
    return next(element.iter(*MEDIA_TAGS), None) is not None


def _words(element: etree._Element) -> int:
    return len(WORD.findall("".join(element.itertext())))
