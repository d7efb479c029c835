"""Split paragraphs into sentences well enough to quote a mention in its context."""

from __future__ import annotations

import re
from functools import lru_cache

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep", "st",
    "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m",
}
BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


@lru_cache(maxsize=4096)  # link, the entity pages and annotate each ask again for the same paragraphs
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of a paragraph."""
    spans, start = [], 0
    for match in BOUNDARY.finditer(text):
        word = _word_before(text, match.start()).rstrip(".!?").lstrip("(“\"'‘").lower()
        if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue  # "U.S. officials", "Gen. Smith", "John F. Kennedy"
        end = match.start() + len(match.group(0).rstrip())
        spans.append((start, end))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return tuple(spans)


def _word_before(text: str, end: int) -> str:
    """The run of non-space characters that ends at end (what text[:end].rsplit(None, 1)[-1] is, without
    copying the paragraph up to each full stop)."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence(s) containing text[start:end]."""
    spans = sentence_spans(text) or [(0, len(text))]
    first = next((s for s, e in spans if s <= start < e), 0)
    last = next((e for s, e in spans if s < end <= e), len(text))
    return text[first:last].strip()
