"""Lift what is metadata out of an article's text: the date, byline and outlet lines near its top, the headline
(and its later copies), a date and a dateline glued to the first line of the body.

Each lifted line is marked removed with the rule that lifted it, as clean/cleaner.py's removals are; the value goes into
the pass's metadata, the first found winning (metadata the page itself declared comes first).
"""

from __future__ import annotations

import re

from generator.clean.context import Line
from generator.clean.lineshape import is_headline_like, line_key, looks_like_outlet, word_count
from generator.clean.rules import dates
from generator.clean.rules.phrases import BYLINE, DATELINE, GLUED_DATE
from generator.core.model import Removal

BYLINE_WORD = re.compile(r"^(?i:by|von|par|por|di)$")  # "By" alone: a byline whose name was a link
BYLINE_MAX_WORDS = 12  # "By Jane Doe, Example News | March 3": longer lines starting "By" are sentences


def lift_metadata_lines(lines: list[Line], meta: dict[str, object]) -> None:
    """Date, byline and outlet lines near the top become metadata. A byline may be split after its "By"
    (the name was a link): "By" alone on a line, the name line after it."""
    kept = [line for line in lines if line.kept][:8]
    day_first = meta.get("language") not in (None, "en")  # "03/04/2024" is 3 April outside the US
    for kept_seen, line in enumerate(kept, start=1):
        if not line.kept:
            continue  # the name line of a split byline
        found = dates.date_line(line.text, day_first)
        following = kept[kept_seen] if kept_seen < len(kept) else None
        if found:
            meta.setdefault("date", found)
            line.remove("date-line", "publication date (lifted into metadata)")
        elif BYLINE.match(line.text) and word_count(line.text) <= BYLINE_MAX_WORDS:
            meta.setdefault("byline", re.sub(r"^\w+\s+", "", line.text, count=1))
            line.remove("byline", "author line (lifted into metadata)")
        elif (following is not None and BYLINE_WORD.match(line.text) and BYLINE.match(f"{line.text} {following.text}")
              and word_count(following.text) <= 11):
            meta.setdefault("byline", following.text)
            line.remove("byline", "author line (lifted into metadata)")
            following.remove("byline", "author line after its \"By\" (lifted into metadata)")
        elif 1 < kept_seen <= 3 and looks_like_outlet(line.text):
            meta.setdefault("outlet", line.text)
            line.remove("publisher-line", "publisher name (lifted into metadata)")


def lift_title(lines: list[Line], meta: dict[str, object], run_start: int = 0) -> None:
    """The headline is the first headline-like line leading into the prose run, or else the run's first line;
    later copies of it go. (Looking at the run's first line only when the lead-in has no headline keeps
    cleaning idempotent: cleaned text has no lead-in, and its first line was already judged.)"""
    lead_in = [line for line in lines[:run_start] if line.kept]
    first = next((line for line in lead_in if is_headline_like(line.text)), None) or next(
        (line for line in lines[run_start:] if line.kept), None)
    if first is None or "title" in meta and meta["title"]:
        title = meta.get("title")
    elif is_headline_like(first.text):
        title = first.text
        meta["title"] = title
        first.remove("title", "headline (lifted into metadata)")
    else:
        title = None
    if not title:
        return
    key = line_key(str(title))
    for line in lines:
        if line.kept and line_key(line.text) == key:
            line.remove("repeated-headline", "the headline again")


def lift_glued_date_and_dateline(line: Line, meta: dict[str, object]) -> None:
    glued = GLUED_DATE.match(line.text)
    if glued:
        meta.setdefault("date", dates.parse_date(glued.group("date")))
        meta.setdefault("_glued", []).append(  # type: ignore[union-attr]
            Removal(line.number, glued.group(0).strip(), "glued-date", "date glued to the first line (lifted)"))
        line.text = line.text[glued.end():]
    dateline = DATELINE.match(line.text)
    if dateline and word_count(dateline.group("dateline")) <= 8:
        meta.setdefault("dateline", dateline.group("dateline"))
        meta.setdefault("_glued", []).append(  # type: ignore[union-attr]
            Removal(line.number, dateline.group(0).strip(), "dateline", "dateline (lifted into metadata)"))
        line.text = line.text[dateline.end():]
