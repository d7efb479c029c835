"""Evidence about one line of text: its words, its shape, whether it reads like a headline or a heading.

Small pure functions the cleaner's rules ask; kept apart so clean.py reads as the sequence of rules.
"""

from __future__ import annotations

import re

from .phrases import OUTLET_WORDS

TERMINAL = tuple(".!?…:;\"'”’»)")
WORD = re.compile(r"\w+(?:['’]\w+)*")
HEADLINE_MAX_WORDS = 25
HEADING_MAX_WORDS = 12
ARCHIVE_REPEAT_MAX_WORDS = 8
WORD_COUNT_CAP = 40  # above every word limit here; counting stops there (a speed-up on long paragraphs)


def word_count(text: str) -> int:
    """Words in text, counted up to WORD_COUNT_CAP: every rule compares with fewer, and paragraphs are long."""
    if len(text) > 400:  # words in a prefix are never more than in the whole: often enough to decide
        head = len(WORD.findall(text, 0, 400))
        if head >= WORD_COUNT_CAP:
            return WORD_COUNT_CAP
    return min(len(WORD.findall(text)), WORD_COUNT_CAP)


def line_key(text: str) -> str:
    return " ".join(WORD.findall(text.casefold()))


def is_short(line: str) -> bool:
    return word_count(line) <= ARCHIVE_REPEAT_MAX_WORDS


def is_menu_like(text: str) -> bool:
    return len(text) <= 30 and 0 < word_count(text) <= 3 and not text.endswith(TERMINAL) and not any(
        ch.isdigit() for ch in text[:1])


CONNECTIVES = frozenset("and or but nor of for to in on at by with from as than the a an und oder et ou y o e".split())


def is_sentence_fragment(text: str) -> bool:
    """Punctuation that goes on with a sentence (", 3 for") or connecting words alone ("and", "or the")."""
    if text[:1] in ",;:)]’”%":
        return True
    words = WORD.findall(text)
    return bool(words) and text[:1].islower() and all(w in CONNECTIVES for w in words)


def looks_like_outlet(text: str) -> bool:
    words = text.split()
    return (1 <= len(words) <= 6 and not text.endswith(TERMINAL) and OUTLET_WORDS.search(text) is not None
            and all(w[:1].isupper() or not w[:1].isalpha() for w in words))


def is_headline_like(text: str) -> bool:
    return 2 <= word_count(text) <= HEADLINE_MAX_WORDS and len(text) <= 200 and not text.endswith((":", ","))


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
