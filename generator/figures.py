"""Read a figure as an article words it ("over 19,600", "nearly 20,000") and tell whether figures agree.

Each wording becomes an interval of values it allows; wordings agree when
their intervals overlap. "19,667", "over 19,600" and "nearly 20,000" agree;
"131" and "132" do not.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

LOWER_BOUND = ("more than", "over", "at least", "a minimum of", "minimum of", "upwards of", "in excess of", "above",
               "exceeding", "no fewer than", "no less than")
UPPER_BOUND = ("nearly", "almost", "close to", "just under", "up to", "less than", "fewer than", "under",
               "at most", "a maximum of")
APPROXIMATE = ("around", "about", "approximately", "roughly", "some", "an estimated", "estimated", "approx.",
               "circa", "more or less", "an approximate")
APPROXIMATION = 0.05  # "around 100" allows 95..105; "nearly 100" allows 95..100
UNITS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
SMALL.update({"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
              "ninety": 90, "a": 1, "an": 1, "dozen": 12, "dozens": 24})
DATE_WORDS = re.compile(r"\b(january|february|march|april|june|july|august|september|october|november|december|"
                        r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b\.?\s*\d|\d{1,2}(st|nd|rd|th)?\s+"
                        r"(january|february|march|april|may|june|july|august|september|october|november|december)\b")
TIME_UNIT = re.compile(r"\b(second|minute|hour|day|week|month|year)s?\b")
NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?(?:\s+(?:hundred|thousand|million|billion))?", re.I)
# One pattern a kind of qualifier, longest wording first ("no fewer than" before "fewer than").
QUALIFIERS = tuple((re.compile("(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b"),
                    name)
                   for words, name in ((LOWER_BOUND, "at least"), (UPPER_BOUND, "at most"), (APPROXIMATE, "about")))
WORDS = re.compile(r"\b(?:" + "|".join(sorted(set(SMALL) | set(UNITS), key=len, reverse=True)) +
                   r")(?:[\s-]+(?:" + "|".join(sorted(set(SMALL) | set(UNITS), key=len, reverse=True)) + r"))*\b",
                   re.I)


@dataclass(frozen=True)
class Figure:
    wording: str
    value: float
    qualifier: str  # "exact", "at least", "at most" or "about"
    unit: str = ""  # "%", "week", "day", ...: only figures in the same unit are compared

    @property
    def interval(self) -> tuple[float, float]:
        v = self.value
        if self.qualifier == "at least":
            return v, math.inf
        if self.qualifier == "at most":
            return v * (1 - APPROXIMATION), v
        if self.qualifier == "about":
            return v * (1 - APPROXIMATION), v * (1 + APPROXIMATION)
        return v, v


def parse_figure(wording: str) -> Figure | None:
    """The value a wording gives, with its bounds and unit; None for what is not a quantity (a date)."""
    text = wording.strip().lower()
    if DATE_WORDS.search(text):
        return None  # "between November 24 and December 1", "October 8, 1997": dates, not quantities
    qualifier = "exact"
    for pattern, name in QUALIFIERS:
        hit = pattern.match(text)
        if hit:
            qualifier, text = name, text[hit.end():].strip()
            break
    value = _number(text)
    if value is None:
        return None
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
        elif word == "hundred":
            current = max(current, 1) * 100
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

    Linear when the figures agree (the highest lower bound is within the lowest upper
    bound), and never more than limit pairs to show: a fact reported by thousands of
    articles must not cost or print a million pairs.
    """
    if len(figures) < 2 or max(f.interval[0] for f in figures) <= min(f.interval[1] for f in figures):
        return []
    position = {id(f): i for i, f in enumerate(figures)}
    by_high = sorted(figures, key=lambda f: f.interval[1])
    by_low = sorted(figures, key=lambda f: f.interval[0], reverse=True)
    pairs: list[tuple[Figure, Figure]] = []
    for a in by_high:
        for b in by_low:
            if b.interval[0] <= a.interval[1] or len(pairs) >= limit:
                break
            pairs.append((a, b) if position[id(a)] < position[id(b)] else (b, a))
        if len(pairs) >= limit or not pairs or by_low[0].interval[0] <= a.interval[1]:
            break
    return sorted(pairs, key=lambda pair: (position[id(pair[0])], position[id(pair[1])]))
