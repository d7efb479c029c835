"""Find publication dates written the ways news pages write them."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from .linescore import LINE_CACHE

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?,?\s+)?"
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5}|\s*(?:GMT|UTC)[+-]?\d*)?)?"

DATE_PATTERNS = [
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"),
    re.compile(_WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TIME, re.I),
    re.compile(_WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})" + _TIME, re.I),
]

# Words that may stand before a date on a line of its own: "Published: 1 Feb 2024".
DATE_LABEL = r"(?:(?:first\s+)?published(?:\s+on)?|updated(?:\s+on)?|last\s+updated|posted(?:\s+on)?|date|" \
             r"publié\s+le|mis\s+à\s+jour|veröffentlicht(?:\s+am)?|aktualisiert|publicado(?:\s+el)?|actualizado)\s*:?\s*"
DATE_ONLY_LINE = re.compile(r"^\s*(?:" + DATE_LABEL + r")?(?P<date>.+?)\s*$", re.I)


def parse_date(text: str) -> date | None:
    """The date that text consists of, or None."""
    text = text.strip()
    for pattern in DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            return _to_date(match)
    return None


def search_date(text: str) -> tuple[date, re.Match[str]] | None:
    """The first date written anywhere in text, with its match."""
    best = None
    for pattern in DATE_PATTERNS:
        match = pattern.search(text)
        if match and (best is None or match.start() < best.start()):
            if _to_date(match):
                best = match
    if best is None:
        return None
    found = _to_date(best)
    assert found is not None
    return found, best


@lru_cache(maxsize=LINE_CACHE)  # the first lines of an article are asked again by the second cleaning pass
def date_line(line: str) -> date | None:
    """The date if the whole line is a date, perhaps labelled ("Published: ...")."""
    match = DATE_ONLY_LINE.match(line)
    if not match:
        return None
    return parse_date(match.group("date").rstrip(" |·•"))


def _to_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].lower().rstrip(".")]
    try:
        return date(int(groups["year"]), month, int(groups["day"]))
    except ValueError:
        return None
