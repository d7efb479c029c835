"""Evidence about one line of text: its words, its shape, whether it reads like a headline or a heading.

Small pure functions the cleaner's rules ask; kept apart so clean/cleaner.py reads as the sequence of rules.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from generator.clean.linescore import LINE_CACHE, SENTENCE_END, continues
from generator.clean.rules.dates import MONTHS, WEEKDAYS, date_line
from generator.clean.rules.phrases import BYLINE, OUTLET_WORDS

TERMINAL = tuple(".!?…:;\"'”’»)")
WORD = re.compile(r"\w+(?:['’]\w+)*")
HEADLINE_MAX_WORDS = 25
HEADING_MAX_WORDS = 12
ARCHIVE_REPEAT_MAX_WORDS = 8
WORD_COUNT_CAP = 40  # above every word limit here; counting stops there (a speed-up on long paragraphs)


@lru_cache(maxsize=LINE_CACHE)
def word_count(text: str) -> int:
    """Words in text, counted up to WORD_COUNT_CAP: every rule compares with fewer, and paragraphs are long."""
    if len(text) > 400:  # words in a prefix are never more than in the whole: often enough to decide
        head = len(WORD.findall(text, 0, 400))
        if head >= WORD_COUNT_CAP:
            return WORD_COUNT_CAP
    return min(len(WORD.findall(text)), WORD_COUNT_CAP)


@lru_cache(maxsize=LINE_CACHE)
def line_key(text: str) -> str:
    return " ".join(WORD.findall(text.casefold()))


def holds_words(text: str, value: str) -> bool:
    """The value's words stand in text, in order, as whole words: "even zebras" is not in "eleven zebras".
    Case, punctuation and spacing aside, as a contributor copies a passage from the page."""
    key = line_key(value)
    return bool(key) and f" {key} " in f" {line_key(text)} "


def is_short(line: str) -> bool:
    return word_count(line) <= ARCHIVE_REPEAT_MAX_WORDS


def is_menu_like(text: str) -> bool:
    """A short label such as a menu prints; a date ("March 3, 2024") or a byline ("By Jane Doe") is as short,
    but it is the article's metadata, which the lines around it (headline, outlet) often are too."""
    return (len(text) <= 30 and 0 < word_count(text) <= 3 and not text.endswith(TERMINAL)
            and not text[:1].isdigit() and date_line(text) is None and not BYLINE.match(text))


MENU_SEPARATOR = re.compile(r"\s+[|·•»›]\s+")
MENU_ITEM_MAX_WORDS = 3


def menu_items(text: str) -> int:
    """How many menu entries the line lists between separators ("Home | World | Sport"): 0 when it is not
    such a line (fewer than three parts, or a part longer than a label, or one that ends a sentence)."""
    parts = MENU_SEPARATOR.split(text.strip(" |·•»›"))
    if len(parts) < 3 or any(not 0 < word_count(p) <= MENU_ITEM_MAX_WORDS or p.endswith(TERMINAL) for p in parts):
        return 0
    return len(parts)


CONNECTIVES = frozenset("and or but nor of for to in on at by with from as than the a an und oder et ou y o e".split())


def is_sentence_fragment(text: str) -> bool:
    """Punctuation that goes on with a sentence (", 3 for", ". It was") or connecting words alone ("and",
    "or the")."""
    if text[:1] in ",;:)]’”%" or text.startswith(". "):
        return True
    words = WORD.findall(text)
    return bool(words) and text[:1].islower() and all(w in CONNECTIVES for w in words)


# Words no sentence or heading ends with: a line ending in one was cut by a link ("according to" | "Reuters").
# Left out: words a heading or a name ends with ("Plan A", "Kim Jong Il") and words that end a phrase in another
# language ("do", "no", "die", "am", "le", "da"). A heading that ends in "from" or "that" is followed by a
# sentence of its own, which is_link_inside_sentence tells from a link's words.
UNFINISHED_WORDS = frozenset(
    "the an of to in on at by for from with and or but than that whose into onto via per between during "
    "les des du au aux et à der das dem und von mit für zum zur el los las del y con por para "
    "dos em com gli della delle che di".split())
LINK_MAX_WORDS = 6  # a link's words inside a sentence: a name, a title


def ends_unfinished(text: str) -> bool:
    """Two words or more that stop at one no sentence or label ends with ("liegt seit der"): cut by a link.
    The last word stands after a space, so that a web address ("example.com") does not end in "com"."""
    words = text[-60:].split()
    return len(words) >= 2 and text[-1:].isalnum() and words[-1].casefold() in UNFINISHED_WORDS


def is_link_inside_sentence(before: str, text: str) -> bool:
    """A link's text ("Reuters") after the words it goes on from ("according to"): a line of words that stops at
    one no sentence ends with, then a line short enough to be what a link says. A label ("1 of") is no sentence."""
    words = WORD.findall(before[-60:])
    return (len(words) >= 2 and before[:1].isalpha() and before[-1:].isalnum()
            and words[-1].casefold() in UNFINISHED_WORDS and word_count(text) <= LINK_MAX_WORDS
            and not (text[:1].isupper() and text.endswith(TERMINAL)))  # "Nobody will say.": a sentence of its own


SPLIT_SENTENCE_MIN_WORDS = 8  # a sentence read across lines holds at least a short sentence's words
SPLIT_SENTENCE_MAX_LINES = 16  # ... and is broken into no more lines than a sentence has links


def split_sentence_blocks(texts: Sequence[str], blocks: Sequence[bool]) -> list[bool]:
    """For each line, whether it is a piece of one sentence that links broke into lines: within a block (lines
    with no blank line between, blocks[i] as linescore.same_block says), the lines from one that follows a
    sentence's end to the next line that ends one, when one of them goes on with the words of the line before
    (lower case or punctuation after a line that ends no sentence). Each linked word of such a sentence is as
    short as a menu entry; the sentence around it tells, in any script, that it is prose. A menu printed
    without blank lines has no line that goes on with another, or no sentence's end."""
    flags = [False] * len(texts)
    if not any(blocks):
        return flags
    start = 0
    for i, text in enumerate(texts):
        if not blocks[i]:
            start = i  # a blank line ends what the lines before could be of one sentence
        if i == start and not (i + 1 < len(texts) and blocks[i + 1]):
            continue  # a line alone in its block (most of a page's lines): no sentence over lines
        if not SENTENCE_END.search(text):
            continue
        span = range(start, i + 1)
        if 2 <= len(span) <= SPLIT_SENTENCE_MAX_LINES and any(
                continues(texts[k]) and not SENTENCE_END.search(texts[k - 1]) for k in span[1:]) \
                and sum(word_count(texts[k]) for k in span) >= SPLIT_SENTENCE_MIN_WORDS:
            for k in span:
                flags[k] = True
        start = i + 1
    return flags


TIMESTAMP_LABELS = frozenset("updated posted published modified ago aktualisiert veröffentlicht publiziert publié "
                             "actualizado publicado atualizado pubblicato aggiornato".split())
# Words a timestamp line is made of besides numbers: months and weekdays (several languages), clock words, labels.
TIMESTAMP_WORDS = frozenset(MONTHS) | frozenset(w for day in WEEKDAYS for w in WORD.findall(day)) | frozenset(
    "am pm a m p at on um à às de del el le il em ago h hr hrs min mins hour hours minutes gmt utc et est edt "
    "cet cest bst ist pst pdt first last mis jour by uhr las la alle ore om op stand".split()) | TIMESTAMP_LABELS
TIMESTAMP_MAX_WORDS = 14
CLOCK_TIME = re.compile(r"\b\d{1,2}[:h]\d{2}\b")


@lru_cache(maxsize=LINE_CACHE)
def is_timestamp(text: str) -> bool:
    """A line that only says when (a date, a time, "Updated", "Posted"), and at most one word besides."""
    folded = text.casefold()
    if len(folded) > 200 and len(WORD.findall(folded, 0, 200)) > TIMESTAMP_MAX_WORDS:
        return False  # a paragraph: too many words in its first 200 characters already
    words = WORD.findall(folded)
    if not words or len(words) > TIMESTAMP_MAX_WORDS or not any(w[:1].isdigit() for w in words):
        return False
    others = sum(1 for w in words if not w[:1].isdigit() and w not in TIMESTAMP_WORDS)
    # a bare date may be part of the text (an embedded post's date); a clock time or a label is the page's
    return others <= 1 and (CLOCK_TIME.search(text) is not None or not TIMESTAMP_LABELS.isdisjoint(words))


def looks_like_outlet(text: str) -> bool:
    words = text.split()
    return (1 <= len(words) <= 6 and not text.endswith(TERMINAL) and OUTLET_WORDS.search(text) is not None
            and all(w[:1].isupper() or not w[:1].isalpha() for w in words))


def is_headline_like(text: str) -> bool:
    return 2 <= word_count(text) <= HEADLINE_MAX_WORDS and len(text) <= 200 and not text.endswith((":", ","))


TITLE_SEPARATOR = re.compile(r"\s+(?:[-|–—·•»]|::)\s+")  # "Headline - Site", "Headline | Section | Site"
TITLE_HEADLINE_MIN_WORDS = 3  # "News - Site" is too short to tell a headline from a section name


def title_headlines(first: str) -> set[str]:
    """The headlines a page's title line may hold ("Headline - Site", "Headline | Section | Site"), as line_key
    keys: text taken from a page opens with that title."""
    return {key for key in (line_key(first[:m.start()]) for m in TITLE_SEPARATOR.finditer(first))
            if key.count(" ") + 1 >= TITLE_HEADLINE_MIN_WORDS}


def printed_headline(lines: Sequence[str]) -> int:
    """Index of the first line after the title line that prints the title's headline alone (0 if none does):
    the article's headline above its text, so everything before it is the page's head."""
    headlines = title_headlines(lines[0]) if lines else set()
    if headlines:
        for i in range(1, len(lines)):
            if line_key(lines[i]) in headlines:
                return i
    return 0


def content_stems(text: str) -> set[str]:
    return {w.casefold()[:5] for w in WORD.findall(text) if len(w) > 3}


def is_heading(text: str, previous: str, following: str) -> bool:
    words = word_count(text)
    if not 1 <= words <= HEADING_MAX_WORDS or len(text) > 90:
        return False
    if not text.endswith(TERMINAL):
        return text[:1].isupper() or text[:1].isdigit()
    if text[:1] in "“\"«" and text.endswith(("”", "\"", "»")):
        return words <= 10  # a pull quote standing alone
    if text.endswith(".") and text.count(".") == 1 and words <= 10:
        # a one-sentence summary of the paragraph that follows it, not a continuation of the one before
        stems = content_stems(text)
        ahead, behind = len(stems & content_stems(following)), len(stems & content_stems(previous))
        return ahead >= 2 and ahead > behind
    return False
