"""A phone's date axis: a few evenly spaced calendar ticks (days, months or years apart) with short labels.

A wide chart labels the dates of its own marks (a fact's reports, a timeline's month starts) where they fit.
A phone's plot is a third as wide: the same labels, greedily kept left to right, leave one or two, unevenly
spaced, and the last one falls off the edge. So a phone gets its own labels (class `narrow`, which the
stylesheet shows there only): the finest calendar step whose labels all fit, at most MOST_TICKS of them, short
("Nov", "2 Nov", "2023"), the year on a second line under the first label and wherever it changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from generator.render.charts import svg

NARROW_CHAR_WIDTH = 6.2  # an 11 px label of digits and a month's short name (svg.AXIS_CHAR_WIDTH: any text)
GAP = 6  # pixels at least between two labels
LINE = 12  # pixels from a label's line to its year's, under it
MOST_TICKS = 5  # a phone's axis reads at a glance with 3 to 5 labels
FEWEST_TICKS = 3  # a step giving fewer is taken only when no finer one fits
DAY_STEPS = (1, 2, 7, 14)
MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200)  # 12 and up: years, labelled by the year alone


@dataclass(frozen=True)
class Tick:
    day: date
    label: str
    year: str  # said under the label at the first tick and where the year changes, else ""
    at: float  # fraction of the plot's width
    anchor: str  # SVG text-anchor: 'middle', or 'end' for a label held inside the plot's right edge
    unit: str  # 'day', 'month', 'year', or 'mid-year': the year's name in its middle, no tick under it


def _months_from(first: date, last: date, step: int) -> list[date]:
    """First days of months within [first, last] whose month number (counted from year 0) is a multiple of step:
    January and July for 6, Januaries of years divisible by 5 for 60."""
    index = first.year * 12 + first.month - 1
    if first.day > 1:
        index += 1
    index += -index % step
    out = []
    while True:
        year, month = divmod(index, 12)
        if year > 9999:
            return out
        day = date(year, month + 1, 1)
        if day > last:
            return out
        out.append(day)
        index += step


def _days_from(first: date, last: date, step: int) -> list[date]:
    count = (last - first).days // step + 1
    return [first + timedelta(days=i * step) for i in range(count)]


def candidates(first: date, last: date) -> list[tuple[str, list[date]]]:
    """Every calendar tick set within [first, last], finest first: (unit, dates), unit 'day', 'month' or 'year'."""
    out = [("day", _days_from(first, last, step)) for step in DAY_STEPS if (last - first).days // step + 1 <= 60]
    out += [("month", _months_from(first, last, step)) for step in MONTH_STEPS if step < 12]
    # a year's name in its middle, its bounds the ticks: three years have three names where their Januaries,
    # the first often before the first report, would give two
    out.append(("mid-year", [date(year, 7, 1) for year in range(first.year, last.year + 1)
                             if first <= date(year, 7, 1) <= last]))
    out += [("year", _months_from(first, last, step)) for step in MONTH_STEPS if step >= 12]
    return [(unit, days) for unit, days in out if days]


def year_bounds(ticks: Sequence[Tick]) -> list[date]:
    """Where a mid-year axis draws its ticks: the Januaries between its years' names (none for other axes)."""
    years = [t.day.year for t in ticks if t.unit == "mid-year"]
    return [date(year, 1, 1) for year in range(years[0], years[-1] + 2)] if years else []


def labels_for(days: Sequence[date], unit: str) -> list[tuple[str, str]]:
    """(label, year under it): ('Nov', '2023'), ('Dec', ''), ('Jan', '2024'); a year tick is its year alone."""
    out, year = [], None
    for day in days:
        if unit in ("year", "mid-year"):
            out.append((str(day.year), ""))
            continue
        text = f"{day.day} {day.strftime('%b')}" if unit == "day" else day.strftime("%b")
        out.append((text, str(day.year) if day.year != year else ""))
        year = day.year
    return out


def month_candidates(starts: Sequence[date]) -> list[tuple[str, list[date]]]:
    """Tick sets among a timeline's month starts (each month's first bar, the first maybe mid-month), finest first:
    every month, then every 2nd, 3rd, 6th (January and July), then Januaries of every year, 2nd year, ..."""
    out = [("month", list(starts))]
    for step in MONTH_STEPS[1:]:
        # a start is its month's first bar, the 1st or (bars a week) the first Monday: its month decides
        days = [d for d in starts if (d.year * 12 + d.month - 1) % step == 0]
        if days:
            out.append(("year" if step >= 12 else "month", days))
    return out


def phone_ticks(sets: Sequence[tuple[str, Sequence[date]]], position: Callable[[date], float], plot: float,
                anchor: str = "middle", reserve: float = 0) -> list[Tick]:
    """Of the tick sets (candidates(), month_candidates()), the finest whose labels all fit a plot `plot` pixels
    wide (none within GAP pixels of the next, none past the right edge less reserve), at most MOST_TICKS; a last
    label that would run past the edge ends at it instead. Fewer than FEWEST_TICKS only when nothing finer fits."""
    best: list[Tick] = []
    for unit, days in sets:
        if len(days) > MOST_TICKS or len(days) <= len(best):
            continue
        ticks = _fitted(days, unit, [position(day) for day in days], plot, anchor, reserve)
        if ticks is not None:
            best = ticks
            if len(best) >= FEWEST_TICKS:
                break
    return best


def _fitted(days: Sequence[date], unit: str, fractions: Sequence[float], plot: float, anchor: str,
            reserve: float) -> list[Tick] | None:
    """The ticks with their anchors when every label fits, else None."""
    labels = labels_for(days, unit)
    widths = [NARROW_CHAR_WIDTH * max(len(label), len(year)) for label, year in labels]
    starts = [f * plot + 2 if anchor == "start" else f * plot - w / 2 for f, w in zip(fractions, widths)]
    anchors, at = [anchor] * len(days), list(fractions)
    right = plot - reserve
    if starts[-1] + widths[-1] > right:  # the last label ends at the plot's edge, by its tick, not past it
        if fractions[-1] * plot - (right - widths[-1]) > max(widths[-1], 4 * NARROW_CHAR_WIDTH):
            return None  # held in, it would sit far from its own tick
        anchors[-1], at[-1], starts[-1] = "end", 1.0, right - widths[-1]
    ends = [s + w for s, w in zip(starts, widths)]
    if starts[0] < -20 or any(b < a + GAP for a, b in zip(ends, starts[1:])):
        return None
    return [Tick(d, label, year, a, an, unit) for d, (label, year), a, an in zip(days, labels, at, anchors)]


def svg_labels(ticks: Sequence[Tick], y: float, reserve: float = 0) -> list[str]:
    """The phone's labels as SVG text (class `axis narrow`), at y, each year on the line under its label.
    reserve: pixels kept clear at the right edge (where a label held inside the plot ends)."""
    out = []
    for tick in ticks:
        x = f'x="{svg.pct(tick.at)}"' + (f' dx="-{svg.num(reserve)}"' if tick.anchor == "end" and reserve else "")
        x += ' dx="2"' if tick.anchor == "start" else ""
        year = f'<tspan {x} dy="{LINE}">{svg.esc(tick.year)}</tspan>' if tick.year else ""
        out.append(f'<text class="axis narrow" {x} y="{svg.num(y)}" text-anchor="{tick.anchor}">'
                   f'{svg.esc(tick.label)}{year}</text>')
    return out
