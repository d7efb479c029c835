"""Read a figure as an article words it ("over 19,600", "nearly 20,000") and tell whether figures agree.

Each wording becomes an interval of values it allows; wordings agree when
their intervals share a value. "19,667", "over 19,600" and "nearly 20,000" agree;
"131" and "132" do not. An end is open or closed as the wording says: "over 100"
excludes 100, "at least 100" allows it, so "over 100" and "under 100" disagree
while "at least 100" and "at most 100" agree.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# Bounds that exclude their number ("over 100" does not allow 100) and bounds that include it ("at least 100").
# A word the lists miss reads as an exact figure, which contradicts its own bound ("just over 100" vs "over 100").
ABOVE = ("more than", "over", "upwards of", "in excess of", "above", "exceeding", "just over", "just above",
         "well over", "well above", "slightly more than", "slightly over", "a little over", "a little more than")
AT_LEAST = ("at least", "a minimum of", "minimum of", "no fewer than", "no less than", "not fewer than",
            "not less than")
BELOW = ("nearly", "almost", "just under", "less than", "fewer than", "under", "below", "just below", "well under",
         "well below", "slightly less than", "slightly under", "a little under", "a little less than")
AT_MOST = ("close to", "up to", "at most", "a maximum of", "no more than", "not more than")
APPROXIMATE = ("around", "about", "approximately", "roughly", "some", "an estimated", "estimated", "approx.",
               "circa", "more or less", "an approximate")
APPROXIMATION = 0.05  # "around 100" allows 95..105; "nearly 100" allows 95 up to, not including, 100
UNITS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
SMALL.update({"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
              "ninety": 90, "a": 1, "an": 1})
# "a dozen" is 12 and "two dozen" 24, as "two hundred" is 200; "dozens" is at least two dozen, however many more.
MULTIPLIERS = {"dozen": 12, "dozens": 12, "hundred": UNITS["hundred"]}
VAGUE_DOZENS = re.compile(r"\bdozens\b|\b(several|a few|many) dozen\b")  # two dozen at least, how many more unsaid
DATE_WORDS = re.compile(r"\b(january|february|march|april|june|july|august|september|october|november|december|"
                        r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b\.?\s*\d|\d{1,2}(st|nd|rd|th)?\s+"
                        r"(january|february|march|april|may|june|july|august|september|october|november|december)\b")
TIME_UNIT = re.compile(r"\b(second|minute|hour|day|week|month|year)s?\b")
NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?(?:\s+(?:hundred|thousand|million|billion))?", re.I)
# Each wording's qualifier, and one pattern for them all, longest wording first ("just under" before "under").
QUALIFIER_OF = {w: name for words, name in ((ABOVE, "more than"), (AT_LEAST, "at least"), (BELOW, "less than"),
                                            (AT_MOST, "at most"), (APPROXIMATE, "about")) for w in words}
# (?!\w), not \b, ends a wording: "approx." ends in a full stop, and "over" must not match "overall".
QUALIFIERS = re.compile("(?:" + "|".join(re.escape(w) for w in sorted(QUALIFIER_OF, key=len, reverse=True)) +
                        r")(?!\w)")
_WORD_NUMBERS = "|".join(sorted(set(SMALL) | set(UNITS) | set(MULTIPLIERS), key=len, reverse=True))
WORDS = re.compile(r"\b(?:" + _WORD_NUMBERS + r")(?:[\s-]+(?:" + _WORD_NUMBERS + r"))*\b", re.I)


@dataclass(frozen=True)
class Interval:
    """The values a wording allows. An open end excludes its number: "over 100" is (100, inf), "at least 100"
    is [100, inf), and the two ends must be compared with that in mind, not as plain numbers."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def below(self, other: Interval) -> bool:
        """True when every value of self is under every value of other, so no value is in both.

        Ends that meet at one number share it only when both include it: [95, 100] and [100, inf) share 100;
        [95, 100) and [100, inf), or [100, 100] and (100, inf), share nothing."""
        return self.high < other.low or (self.high == other.low and (self.high_open or other.low_open))


@dataclass(frozen=True)
class Figure:
    wording: str
    value: float
    qualifier: str  # "exact", "more than", "at least", "less than", "at most" or "about"
    unit: str = ""  # "%", "week", "day", ...: only figures in the same unit are compared

    @property
    def interval(self) -> Interval:
        v = self.value
        if self.qualifier in ("more than", "at least"):
            return Interval(v, math.inf, low_open=self.qualifier == "more than", high_open=True)
        if self.qualifier in ("less than", "at most"):
            return Interval(v * (1 - APPROXIMATION), v, high_open=self.qualifier == "less than")
        if self.qualifier == "about":
            return Interval(v * (1 - APPROXIMATION), v * (1 + APPROXIMATION))
        return Interval(v, v)


def parse_figure(wording: str) -> Figure | None:
    """The value a wording gives, with its bounds and unit; None for what is not a quantity (a date)."""
    text = wording.strip().lower()
    if DATE_WORDS.search(text):
        return None  # "between November 24 and December 1", "October 8, 1997": dates, not quantities
    qualifier = "exact"
    hit = QUALIFIERS.match(text)
    if hit:
        qualifier, text = QUALIFIER_OF[hit.group()], text[hit.end():].strip()
    value = _number(text)
    if value is None:
        return None
    if re.search(r"\bhalf an? dozen\b", text):
        value = 6.0
    elif VAGUE_DOZENS.search(text) and qualifier != "more than":  # "dozens", "some dozens", "several dozen"
        qualifier, value = "at least", max(value, 24.0)
    return Figure(wording, value, qualifier, _unit(text))


def _unit(text: str) -> str:
    if "%" in text or re.search(r"\bper ?cent\b", text):
        return "%"
    found = TIME_UNIT.search(text)
    return found.group(1) if found else ""


def _number(text: str) -> float | None:
    digits = NUMBER.search(text)
    if digits:
        parts = digits.group(0).replace(",", "").split()
        value = float(parts[0])
        return value * UNITS[parts[1].lower()] if len(parts) > 1 else value
    words = WORDS.search(text)
    if not words:
        return None
    total, current = 0, 0
    for word in re.split(r"[\s-]+", words.group(0).lower()):
        if word in SMALL:
            current += SMALL[word]
        elif word in MULTIPLIERS:
            current = max(current, 1) * MULTIPLIERS[word]
        else:
            total += max(current, 1) * UNITS[word]
            current = 0
    return float(total + current)


def disagreements(figures: list[Figure], limit: int = 10) -> list[tuple[Figure, Figure]]:
    """Up to limit pairs of wordings that cannot both be true, compared within one unit, each pair once."""
    by_unit: dict[str, list[Figure]] = {}
    for figure in figures:
        by_unit.setdefault(figure.unit, []).append(figure)
    pairs, seen = [], set()
    for same_unit in by_unit.values():
        for a, b in _disagreements(same_unit, limit):
            key = frozenset((a.wording.casefold(), b.wording.casefold()))
            if key not in seen and len(pairs) < limit:
                seen.add(key)
                pairs.append((a, b))
    return pairs


def _disagreements(figures: list[Figure], limit: int) -> list[tuple[Figure, Figure]]:
    """Up to limit pairs of wordings that cannot both be true, the widest gaps first.

    Linear when the figures agree (the highest lower bound is not above the lowest upper
    bound), and never more than limit pairs to show: a fact reported by thousands of
    articles must not cost or print a million pairs.
    """
    if len(figures) < 2 or not min(figures, key=_high).interval.below(max(figures, key=_low).interval):
        return []
    position = {id(f): i for i, f in enumerate(figures)}
    by_high = sorted(figures, key=_high)
    by_low = sorted(figures, key=_low, reverse=True)
    pairs: list[tuple[Figure, Figure]] = []
    for a in by_high:
        if len(pairs) >= limit or not a.interval.below(by_low[0].interval):
            break  # no later a (a higher upper bound) is below any figure either
        for b in by_low:
            if len(pairs) >= limit or not a.interval.below(b.interval):
                break
            if b is not a:  # an empty wording ("under 0") is below itself: that is no pair
                pairs.append((a, b) if position[id(a)] < position[id(b)] else (b, a))
    return sorted(pairs, key=lambda pair: (position[id(pair[0])], position[id(pair[1])]))


def _high(figure: Figure) -> tuple[float, bool]:
    """Sorts upper bounds, the lowest first; at one number the open end ("under 100") is the lower."""
    return figure.interval.high, not figure.interval.high_open


def _low(figure: Figure) -> tuple[float, bool]:
    """Sorts lower bounds, the highest last; at one number the open end ("over 100") is the higher."""
    return figure.interval.low, figure.interval.low_open
