"""Where the lines of a page's extracted text stand in its HTML source, and what text of the page the extractor
left out: the cleaning record of a web page lists both, in the line numbers of the page's own file.

The extractors (trafilatura, readability) return text, not positions, and do not say why they dropped what
they dropped. So the page is cut here into blocks of text (a paragraph, a heading, a list item, a table
cell, text parted by <br>; not scripts, styles or the <head>), each with the source line where its first
word stands (lxml's sourceline of the element, moved down to the line that holds that word). The extracted
lines are then aligned with the blocks: first the lines equal to a whole block, in order (difflib), then
each other line word by word, between the blocks its aligned neighbours came from. A block with no aligned
word was left out; so are the words of a block that the extractor kept only in part. What the reason can
say is where the text stood: the element (<nav>, <footer>, <figcaption>, a class or id), whether it was
inside the element that holds the article's text, and whether the page hid it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import takewhile
from typing import Iterable, Iterator

from lxml import etree

from generator.clean.context import normalise_line
from generator.core.model import LEFT_OUT_OF_PAGE, Removal

WORD = re.compile(r"\w+")
BLOCK_TAGS = frozenset(
    "address article aside blockquote body br caption center dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr legend li main menu nav ol p pre section summary "
    "table tbody td tfoot th thead tr ul".split())
# Not text of the page: code, markup for later, the <head>, a drop-down's options; text the page hides until a
# script shows it (a cookie notice, a menu) is recorded, and the reason says that it was hidden.
NOT_TEXT_TAGS = frozenset("script style noscript template head title svg math iframe object canvas select "
                          "datalist".split())
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
LANDMARK_TAGS = frozenset("nav header footer aside form figure figcaption menu dialog".split())
ARTICLE_SHARE = 0.9  # the article's element is the deepest one holding this share of the extracted words
WORD_LOOKAHEAD = 30  # source lines searched below an element's start for the first word of its text
ELEMENT_NAME_MAX = 60
MAX_PLACES_TRIED = 50  # places a line's words stand in a row, looking for one where a block starts
# Sequence matching costs up to the product of the two lengths, and far more when few distinct words repeat
# (a page of one phrase copied a thousand times took 20 s a line): past ALIGN_CELLS words x words the
# matcher drops the most frequent words (difflib's autojunk), past ALIGN_CELLS_MAX a line is not placed.
ALIGN_CELLS = 250_000
ALIGN_CELLS_MAX = 4_000_000


@dataclass(frozen=True)
class PageLines:
    """The source line (1-based) of each line of the extracted text, and the page's text the extractor left out."""

    source_lines: tuple[int, ...]
    left_out: tuple[Removal, ...]


@dataclass
class Block:
    """One block of the page's text, where it stands, and which of its words the extracted text holds."""

    text: str
    line: int
    element: etree._Element  # the innermost block element holding the text
    words: list[str]  # casefolded
    spans: list[tuple[int, int]]  # of each word in text
    aligned: list[bool]
    hidden: bool  # in an element the page hides (hidden, display:none) until a script shows it


def page_lines(html: str, text: str, extractor: str, blocks: list[Block] | None = None) -> PageLines:
    """Place the extracted text (one block per line) in the page's source, and record what it left out.

    blocks: text_blocks(html) when the caller has them already (not yet aligned: this marks them), so the page
    is not parsed twice. A line whose words are not found in the page takes the source line of the line before
    it (or after it, at the top; line 1 when no line is found at all).
    """
    source = html.split("\n")  # lxml counts lines at \n alone
    blocks = text_blocks(html, source) if blocks is None else blocks
    lines = [normalise_line(line) for line in text.split("\n")]
    first_block = _align(blocks, [WORD.findall(line.casefold()) for line in lines])
    placed: list[int | None] = []
    for j, (line, block) in enumerate(zip(lines, first_block)):
        if block is None:
            placed.append(None)
            continue
        same_block = j > 0 and first_block[j - 1] == block  # a block the extractor broke into lines
        start = placed[j - 1] if same_block and placed[j - 1] else blocks[block].line
        first_word = WORD.search(line)
        placed.append(_line_of(first_word.group(0), start, source) if first_word else start)
    known = [n for n in placed if n is not None]
    last = known[0] if known else 1
    source_lines = []
    for number in placed:
        last = number if number is not None else last
        source_lines.append(last)
    return PageLines(tuple(source_lines), tuple(_left_out(blocks, extractor)))


# --- the page's blocks of text ---------------------------------------------------------------------

def text_blocks(html: str, source: list[str] | None = None) -> list[Block]:
    """Blocks of the page's text in document order; blocks without a word (a lone "|" or "»") are left aside.
    source: the page's lines (html split at \n), when the caller has them."""
    source = html.split("\n") if source is None else source
    parser = etree.HTMLParser(encoding="utf-8", collect_ids=False, remove_comments=True, remove_pis=True)
    root = etree.fromstring(html.encode("utf-8"), parser)
    if root is None:  # an empty page
        return []
    body = root.find("body")
    blocks: list[Block] = []
    pieces: list[str] = []
    start: list[tuple[int, etree._Element, bool]] = []  # where the pending block's first piece came from

    def add(piece: str | None, line: int, element: etree._Element, hidden: bool) -> None:
        if piece and (pieces or piece.strip()):
            if not pieces:
                start[:] = [(line, element, hidden)]
            pieces.append(piece)

    def close() -> None:
        if pieces:
            line, element, hidden = start[0]
            text = normalise_line("".join(pieces))
            pieces.clear()
            spans = [m.span() for m in WORD.finditer(text)]
            if spans:
                first = text[spans[0][0]:spans[0][1]]
                blocks.append(Block(text, _line_of(first, line, source), element,
                                     [text[a:b].casefold() for a, b in spans], spans, [False] * len(spans), hidden))

    top = body if body is not None else root
    # Depth first without recursion (a page of unclosed tags nests deeper than Python's recursion limit):
    # entering an element reads its text, leaving it reads its tail, which belongs to the parent's block.
    todo: list[tuple[bool, etree._Element, etree._Element, bool]] = [(False, top, top, False)]
    while todo:
        leaving, element, holder, hidden = todo.pop()  # holder and hidden: those of the element's parent
        is_text = isinstance(element.tag, str) and element.tag not in NOT_TEXT_TAGS
        if leaving or not is_text:
            if leaving and element.tag in BLOCK_TAGS:
                close()
            if element is not top:
                add(element.tail, element.sourceline or 1, holder, hidden)
            continue
        inner_hidden = hidden or element.get("hidden") is not None or bool(
            HIDDEN_STYLE.search(element.get("style") or ""))
        inner_holder = holder
        if element.tag in BLOCK_TAGS:
            close()
            inner_holder = element
        add(element.text, element.sourceline or 1, inner_holder, inner_hidden)
        todo.append((True, element, holder, hidden))
        todo.extend((False, child, inner_holder, inner_hidden) for child in reversed(element))
    close()
    return blocks


def _line_of(word: str, line: int, source: list[str]) -> int:
    """The source line that holds word, searched from the line where its element (or the element before a
    tail) starts; that line when the word is written otherwise there (an entity)."""
    for number in range(line, min(line + WORD_LOOKAHEAD, len(source) + 1)):
        if _holds_word(source[number - 1], word):
            return number
    return line


def _holds_word(text: str, word: str) -> bool:
    """word stands in text as a word of its own, not inside a longer one (str.find: a regex per block costs
    more than the rest of the alignment)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if not (at and _is_word_character(text[at - 1])) and not (end < len(text) and _is_word_character(text[end])):
            return True
        at = text.find(word, at + 1)
    return False


def _is_word_character(character: str) -> bool:
    return character.isalnum() or character == "_"


# --- aligning the extracted lines with the blocks ------------------------------------------------------------

def _align(blocks: list[Block], lines: list[list[str]]) -> list[int | None]:
    """For each extracted line, the block its first aligned word is in (None: none found); marks the words
    of the blocks that the lines hold."""
    first_block: list[int | None] = [None] * len(lines)
    worded = [j for j, words in enumerate(lines) if words]
    matcher = SequenceMatcher(None, [" ".join(b.words) for b in blocks], [" ".join(lines[j]) for j in worded],
                              autojunk=len(blocks) * len(worded) > ALIGN_CELLS)
    for match in matcher.get_matching_blocks():
        for k in range(match.size):
            block = blocks[match.a + k]
            block.aligned = [True] * len(block.words)
            first_block[worded[match.b + k]] = match.a + k
    stream = _WordStream(blocks)
    for position, j in enumerate(worded):
        if first_block[j] is not None:
            continue
        before = next((b for b in (first_block[k] for k in reversed(worded[:position])) if b is not None), 0)
        after = next((b for b in (first_block[k] for k in worded[position + 1:]) if b is not None), len(blocks) - 1)
        first_block[j] = stream.place(lines[j], before, max(before, after))
    return first_block


class _WordStream:
    """The words of all blocks in a row, to find a line that spans several blocks or part of one."""

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self.owner: list[tuple[int, int]] = []  # (block, word in block) of each word
        self.first_word: list[int] = []  # of each block
        offsets, text = [], [" "]
        at = 1
        for i, block in enumerate(blocks):
            self.first_word.append(len(self.owner))
            for w, word in enumerate(block.words):
                self.owner.append((i, w))
                offsets.append(at)
                text.append(word + " ")
                at += len(word) + 1
        self.text = "".join(text)
        self.offsets = offsets
        self.word_at = {offset: n for n, offset in enumerate(offsets)}

    def place(self, words: list[str], first: int, last: int) -> int | None:
        """Align words with the stream, in blocks first..last if they are there (else anywhere), in a row if
        they stand so (else as many as match in order); the first aligned word's block, or None."""
        if not self.owner:
            return None
        lo = self.first_word[first]
        hi = self.first_word[last + 1] if last + 1 < len(self.blocks) else len(self.owner)
        found = self._find(words, lo, hi)
        if found is None:
            found = self._find(words, 0, len(self.owner))
        if found is not None:
            return self._mark(range(found, found + len(words)))
        cells = (hi - lo) * len(words)
        if cells > ALIGN_CELLS_MAX:
            return None  # the line takes the line number of the one before it
        matcher = SequenceMatcher(None, [self.owner_word(n) for n in range(lo, hi)], words,
                                  autojunk=cells > ALIGN_CELLS)
        matched = [lo + m.a + k for m in matcher.get_matching_blocks() for k in range(m.size)]
        if 2 * len(matched) < len(words):
            return None  # too little of the line is in the page to say where it stands
        return self._mark(matched)

    def owner_word(self, n: int) -> str:
        block, word = self.owner[n]
        return self.blocks[block].words[word]

    def _find(self, words: list[str], lo: int, hi: int) -> int | None:
        """The first word where words stand in a row in lo..hi, preferring a place where a block starts
        (a lone "Photos" is the paragraph that opens with it, not the end of a breadcrumb)."""
        if lo >= hi:
            return None
        pattern = " " + " ".join(words) + " "
        start, end = self.offsets[lo] - 1, self.offsets[hi - 1] + len(self.owner_word(hi - 1)) + 1
        first = None
        for _ in range(MAX_PLACES_TRIED):
            at = self.text.find(pattern, start, end)
            if at < 0:
                break
            word = self.word_at[at + 1]
            if self.owner[word][1] == 0:
                return word
            first = word if first is None else first
            start = at + 1
        return first

    def _mark(self, numbers: Iterable[int]) -> int | None:
        first = None
        for n in numbers:
            block, word = self.owner[n]
            self.blocks[block].aligned[word] = True
            first = block if first is None else first
        return first


# --- what was left out, and where it stood ----------------------------------------------------------------

def _left_out(blocks: list[Block], extractor: str) -> Iterator[Removal]:
    """Each block with no aligned word, and each run of unaligned words in a block kept in part."""
    article = article_element(blocks)
    holding_article = {article, *article.iterancestors()} if article is not None else set()
    for block in blocks:
        if all(block.aligned):
            continue
        where = _where(block.element, article, holding_article) + ("; hidden on the page" if block.hidden else "")
        if not any(block.aligned):
            yield Removal(block.line, block.text, LEFT_OUT_OF_PAGE, f"left out by {extractor}: {where}")
            continue
        for start, end in _unaligned_runs(block.aligned):
            yield Removal(block.line, block.text[block.spans[start][0]:block.spans[end - 1][1]], LEFT_OUT_OF_PAGE,
                          f"left out by {extractor} from a block it kept the rest of: {where}")


def _unaligned_runs(aligned: list[bool]) -> Iterator[tuple[int, int]]:
    start = None
    for n, kept in enumerate(aligned + [True]):
        if not kept and start is None:
            start = n
        elif kept and start is not None:
            yield start, n
            start = None


def article_element(blocks: list[Block]) -> etree._Element | None:
    """The deepest element holding ARTICLE_SHARE of the extracted words (None: only <body> or <html> does)."""
    words: dict[etree._Element, int] = {}
    depth: dict[etree._Element, int] = {}
    for block in blocks:
        count = sum(block.aligned)
        if count:
            chain = [block.element, *block.element.iterancestors()]
            for level, element in enumerate(reversed(chain)):
                words[element] = words.get(element, 0) + count
                depth[element] = level
    total = sum(sum(block.aligned) for block in blocks)
    holders = [e for e, count in words.items() if count >= ARTICLE_SHARE * total and e.tag not in ("html", "body")]
    return max(holders, key=depth.__getitem__, default=None)


def _where(element: etree._Element, article: etree._Element | None, holding_article: set[etree._Element]) -> str:
    """The element that says most about the text, and whether it stood inside the article's element.

    The most telling is a landmark (<nav>, <footer>, <figcaption>...), else the nearest element with a class
    or id, else the block itself; looked for only below the article's element (or below the element that
    holds both it and the text), as a <form> or <div id="page"> around the whole page says nothing.
    """
    chain = [element, *element.iterancestors()]
    below = list(takewhile(lambda e: e not in holding_article and e.tag not in ("html", "body"), chain))
    named = next((e for e in below if e.tag in LANDMARK_TAGS), None)
    if named is None:
        named = next((e for e in below if e.get("id") or e.get("class")), element)
    if article is None:
        return f"in {_name(named)}"
    if named is article:
        return f"in the article's element {_name(article)}"
    inside = article in chain
    named_name, article_name = _name(named), _name(article)
    if named_name == article_name:  # two elements alike (a page's columns): their lines tell them apart
        named_name = f"{named_name} at line {named.sourceline}"
        article_name = f"{article_name} at line {article.sourceline}"
    return f"in {named_name}, {'inside' if inside else 'outside'} the article's element {article_name}"


def _name(element: etree._Element) -> str:
    """<div id="x" class="a b">, cut short for a one-line reason."""
    attributes = "".join(f' {key}="{" ".join(element.get(key, "").split()[:2])}"' for key in ("id", "class")
                         if element.get(key, "").strip())
    name = f"<{element.tag}{attributes}>"
    return name if len(name) <= ELEMENT_NAME_MAX else name[:ELEMENT_NAME_MAX - 2] + '…>'
