"""A fact's figures against their publication dates: each wording as the interval of values it allows
(numbers.py reads "over 19,600" as above 19,600, "nearly 20,000" as a little under 20,000), so figures
that cannot both hold stand apart at a glance, and the values every wording allows show as one band."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from generator.core.model import AnchoredFact, Article
from generator.render import markdown as md
from generator.render.charts import dateaxis, svg
from generator.render.numbers import Figure, Interval, parse_figure

HEIGHT = 264
TOP, BOTTOM = 44, 34  # the right margin, the wordings' column, is the stylesheet's padding of .chart-fact svg
LABEL_GAP = 15  # pixels between two labels in the column at the right
UNDATED_AT = 14  # pixels left of the plot's right edge: the undated marks' column
DATED_SPAN = (0.05, 0.95)  # the share of the plot's width the dates spread over; with undated marks, less:
DATED_SPAN_UNDATED = (0.05, 0.72)  # a phone's plot keeps the undated column clear of the last date's marks
WIDE_PLOT = 440  # pixels of plot the narrowest layout past the stylesheet's phone breakpoint leaves
PHONE_PLOT = 164  # pixels of plot a 360 px phone leaves (328 px of column less 44 px of axis, 120 of wordings)
WORDING_CHARS = 20  # a label in the column: a phone's column has room for about this many
LABELLED_UP_TO = 14  # marks that carry their wording as a label; more would overlap, their hover text says it
UNLABELLED_RIGHT = 30  # pixels right of a plot without labels: the undated column's marks spill into it
COLUMN = 5.0  # pixels: reports this close in date and with one wording are one mark, its count in its hover text


@dataclass(frozen=True)
class Mark:
    figure: Figure
    day: date | None
    reports: tuple[tuple[Article, AnchoredFact], ...]
    clash: bool


def clashing(figures: Sequence[Figure]) -> set[int]:
    """Positions of the figures that cannot hold together with at least one other of the same list.

    A figure clashes when it lies wholly below the figure with the highest lower bound, or wholly above
    the one with the lowest upper bound: those two are the likeliest partners, so one pass suffices."""
    if len(figures) < 2:
        return set()
    by_low = max(figures, key=lambda f: (f.interval.low, f.interval.low_open))
    by_high = min(figures, key=lambda f: (f.interval.high, not f.interval.high_open))
    out = set()
    for i, f in enumerate(figures):
        if (f is not by_low and f.interval.below(by_low.interval)) or \
                (f is not by_high and by_high.interval.below(f.interval)):
            out.add(i)
    return out


def common_range(figures: Sequence[Figure]) -> Interval | None:
    """The values every wording allows, when there are any."""
    if not figures:
        return None
    low = max(figures, key=lambda f: (f.interval.low, f.interval.low_open)).interval
    high = min(figures, key=lambda f: (f.interval.high, not f.interval.high_open)).interval
    if high.below(low) or high.high < low.low:
        return None
    return Interval(low.low, high.high, low.low_open, high.high_open)


def describe(interval: Interval) -> str:
    """The interval in words: "exactly 131", "above 19,600", "from 19,000 up to (not including) 20,000"."""
    low, high = svg.short_number(interval.low), svg.short_number(interval.high)
    if interval.low == interval.high:
        return f"exactly {low}"
    if math.isinf(interval.high):
        return f"above {low}" if interval.low_open else f"{low} or more"
    return f"{low} to {high}" + (" (not included)" if interval.high_open else "")


def fact_charts(rows: Sequence[tuple[Article, AnchoredFact]], chart_id: str) -> str:
    """One chart a unit the figures are given in (people, %, weeks), empty when no figure parses."""
    by_unit: dict[str, list[tuple[Figure, Article, AnchoredFact]]] = {}
    for article, link in rows:
        figure = parse_figure(link.link.figure) if link.link.figure else None
        if figure:
            by_unit.setdefault(figure.unit, []).append((figure, article, link))
    charts = []
    for n, (unit, reports) in enumerate(sorted(by_unit.items(), key=lambda kv: -len(kv[1]))):
        charts.append(_chart(unit, reports, f"{chart_id}-{n + 1}" if len(by_unit) > 1 else chart_id))
    return "\n".join(charts)


def marks_of(reports: Sequence[tuple[Figure, Article, AnchoredFact]]) -> list[Mark]:
    """Reports grouped into marks: one wording on one day is one mark (a wire story carried by ten outlets)."""
    clash = clashing([f for f, _, _ in reports])
    grouped: dict[tuple[date | None, str], list[int]] = {}
    for i, (figure, article, _) in enumerate(reports):
        grouped.setdefault((article.date, figure.wording.strip().casefold()), []).append(i)
    return [Mark(reports[ids[0]][0], day, tuple((reports[i][1], reports[i][2]) for i in ids),
                 any(i in clash for i in ids)) for (day, _), ids in grouped.items()]


def _chart(unit: str, reports: list[tuple[Figure, Article, AnchoredFact]], chart_id: str) -> str:
    marks = marks_of(reports)
    finite = [v for m in marks for v in (m.figure.value, m.figure.interval.low, m.figure.interval.high)
              if not math.isinf(v)]
    low, high = min(finite), max(finite)
    pad = (high - low) * 0.12 or max(abs(high) * 0.02, 0.5)
    y = svg.Linear(low - pad, high + pad, HEIGHT - BOTTOM, TOP)
    dated = sorted({m.day for m in marks if m.day})
    undated = any(m.day is None for m in marks)
    x = svg.Linear(dated[0].toordinal() - 1, dated[-1].toordinal() + 1,
                   *(DATED_SPAN_UNDATED if undated else DATED_SPAN)) if dated else None
    tick_labels, body = _value_axis(marks, low - pad, high + pad, y, unit)
    common = common_range([f for f, _, _ in reports])
    body += _common_band(common, y)
    body += _placed_marks(marks, x, y, unit)
    body += _date_axis(dated, x, undated)
    clashes = [m for m in marks if m.clash]
    title = "Figures as reported, by publication date" + (f" ({unit})" if unit else "")
    body += _legend(bool(clashes))
    # the margin at the left fits this chart's longest value label (6 px from the plot, as _value_axis draws it)
    margin = f"padding-left:{round(12 + svg.AXIS_CHAR_WIDTH * max(map(len, tick_labels)))}px"
    if len(marks) > LABELLED_UP_TO:  # no wordings' column: the plot takes its width, on a phone too
        margin += f";padding-right:{UNLABELLED_RIGHT}px"
    return svg.figure("fact", chart_id, title, _description(reports, marks, clashes, common), HEIGHT, body,
                      ['<figcaption>Dots: the number each article gives (filled: exact; hollow: a bound or an '
                       'approximation). Lines: the values its wording allows; an arrow, no upper bound. '
                       + ('The axis is zoomed to the figures: it does not start at zero. ' if low - pad > 0 else '')
                       + 'The table below lists every report.</figcaption>'], margin)


def _value_axis(marks: list[Mark], low: float, high: float, y: svg.Linear, unit: str) -> tuple[list[str], list[str]]:
    """The value gridlines with their labels; the labels too, as the left margin is sized to the longest."""
    tick_values = svg.ticks(low, high, 4)
    if all(m.figure.value == int(m.figure.value) for m in marks):  # counts of people: no half a soldier
        tick_values = [t for t in tick_values if t == int(t)] or tick_values
    tick_labels = [svg.short_number(tick) + _unit_suffix(unit) for tick in tick_values]
    body = ['<g class="grid">']
    for tick, label in zip(tick_values, tick_labels):
        body.append(f'<line x1="0" x2="100%" y1="{svg.num(y(tick))}" y2="{svg.num(y(tick))}"/>'
                    f'<text class="axis" x="-6" y="{svg.num(y(tick) + 4)}" text-anchor="end">{svg.esc(label)}</text>')
    body.append("</g>")
    return tick_labels, body


def _common_band(common: Interval | None, y: svg.Linear) -> list[str]:
    """The values every wording allows: a band, or a line where they meet in one value."""
    if common and common.low != common.high:
        top_y = TOP if math.isinf(common.high) else y(common.high)
        return [(f'<rect class="common" x="0" width="100%" y="{svg.num(top_y)}" '
                 f'height="{svg.num(max(2.0, y(common.low) - top_y))}"><title>Every wording allows '
                 f'{svg.esc(describe(common))}</title></rect>')]
    if common:
        return [(f'<line class="common-line" x1="0" x2="100%" y1="{svg.num(y(common.low))}" '
                 f'y2="{svg.num(y(common.low))}"/>')]
    return []


def _placed_marks(marks: list[Mark], x: svg.Linear | None, y: svg.Linear, unit: str) -> list[str]:
    """Each report's mark at its day, reports of one day side by side; labelled while few enough to read."""
    seen_at: dict[date | None, int] = {}
    placed = []
    body = []
    for mark in sorted(marks, key=lambda m: (m.day or date.max, m.figure.value)):
        rank = seen_at.get(mark.day, 0)
        seen_at[mark.day] = rank + 1
        at = x(mark.day.toordinal()) if mark.day and x else 1.0
        shift = (rank % 6) * 10 - 5 * min(5, _count_on(marks, mark.day) - 1) - (0 if mark.day else UNDATED_AT)
        placed.append((mark, at))
        body.append(_mark(mark, at, shift, y, unit))
    if len(marks) <= LABELLED_UP_TO:
        body += _labels(placed, y)
    return body


def _description(reports: list[tuple[Figure, Article, AnchoredFact]], marks: list[Mark], clashes: list[Mark],
                 common: Interval | None) -> str:
    """The chart's text alternative: what was reported and whether the reports can all hold."""
    wordings = sorted({m.figure.wording.strip() for m in marks}, key=str.casefold)
    desc = (f"{svg.plural(len(reports), 'report')}, {svg.plural(len(wordings), 'wording')}: "
            f"{'; '.join(wordings[:12])}{'; …' if len(wordings) > 12 else ''}. ")
    if clashes:
        desc += (f"The figures disagree: {', '.join(sorted({m.figure.wording.strip() for m in clashes}))} "
                 "cannot all hold; they are drawn in the warning colour.")
    elif common:
        desc += f"Every wording allows {describe(common)}, drawn as a band."
    return desc


def _count_on(marks: list[Mark], day: date | None) -> int:
    return sum(1 for m in marks if m.day == day)


def _unit_suffix(unit: str) -> str:
    return "%" if unit == "%" else ""


def _labels(placed: list[tuple[Mark, float]], y: svg.Linear) -> list[str]:
    """Each mark's wording in a column right of the plot (the svg's right padding), at its height, pushed apart
    so none overlap, with a faint line back to its date's column."""
    order = sorted(placed, key=lambda p: y(p[0].figure.value))
    ys: list[float] = []
    for mark, _ in order:
        want = y(mark.figure.value) + 4
        ys.append(max(want, ys[-1] + LABEL_GAP) if ys else want)
    overflow = ys[-1] - (HEIGHT - BOTTOM) if ys else 0
    if overflow > 0:  # pushed below the plot: shift the column up, never above the top
        ys = [max(TOP + 4 + i * LABEL_GAP, v - overflow) for i, v in enumerate(ys)]
    out = []
    for (mark, at), ly in zip(order, ys):
        count = f" ×{len(mark.reports)}" if len(mark.reports) > 1 else ""
        kind = "clash" if mark.clash else "fits"
        out.append(f'<g class="{kind} label-of"><line class="leader" x1="{svg.pct(at)}" '
                   f'y1="{svg.num(y(mark.figure.value))}" x2="100%" y2="{svg.num(ly - 4)}"/>'
                   f'<text class="label" x="100%" dx="6" y="{svg.num(ly)}">'
                   f'{svg.esc(svg.shorten(mark.figure.wording, WORDING_CHARS) + count)}</text></g>')
    return out


def _mark(mark: Mark, at: float, cx: float, y: svg.Linear, unit: str) -> str:
    """The mark at `at` of the plot's width, drawn cx pixels right of it (marks of one day side by side), in a
    nested svg there: its caps and arrow are a few pixels wide whatever the chart's width."""
    interval = mark.figure.interval
    cy = y(mark.figure.value)
    top = y.end if math.isinf(interval.high) else y(interval.high)
    kind = "clash" if mark.clash else "fits"
    exact = mark.figure.qualifier == "exact"
    outlets = sorted({a.outlet if a.outlet_known else "unattributed" for a, _ in mark.reports}, key=str.casefold)
    when = md.format_date(mark.day)
    hover = (f"“{mark.figure.wording.strip()}”: {describe(interval)}{' ' + unit if unit and unit != '%' else ''}. "
             f"{when}, {svg.plural(len(mark.reports), 'report')} ({', '.join(outlets[:6])}"
             f"{', …' if len(outlets) > 6 else ''})" + (". Disagrees with another figure." if mark.clash else ""))
    dated = f' data-date="{mark.day.isoformat()}"' if mark.day else ""
    parts = [f'<svg x="{svg.pct(at)}" width="1" height="1" overflow="visible">'
             f'<g class="report {kind}" data-value="{svg.num(mark.figure.value)}" data-low="{interval.low}" '
             f'data-high="{interval.high}"{dated} '
             f'data-count="{len(mark.reports)}" data-wording="{svg.esc(mark.figure.wording.strip())}">'
             f'<title>{svg.esc(hover)}</title>']
    if interval.low != interval.high:
        bottom = y(interval.low)
        parts.append(f'<line class="range" x1="{svg.num(cx)}" x2="{svg.num(cx)}" y1="{svg.num(bottom)}" '
                     f'y2="{svg.num(top)}"/>')
        if math.isinf(interval.high):
            parts.append(f'<path class="arrow" d="M{svg.num(cx - 4)} {svg.num(top + 6)}L{svg.num(cx)} '
                         f'{svg.num(top)}L{svg.num(cx + 4)} {svg.num(top + 6)}"/>')
        else:
            parts.append(f'<line class="cap" x1="{svg.num(cx - 3)}" x2="{svg.num(cx + 3)}" y1="{svg.num(top)}" '
                         f'y2="{svg.num(top)}"/>')
        parts.append(f'<line class="cap" x1="{svg.num(cx - 3)}" x2="{svg.num(cx + 3)}" y1="{svg.num(bottom)}" '
                     f'y2="{svg.num(bottom)}"/>')
    radius = 4.5 + min(4.0, math.log2(len(mark.reports)))
    parts.append(f'<circle class="{"dot" if exact else "dot hollow"}" cx="{svg.num(cx)}" cy="{svg.num(cy)}" '
                 f'r="{svg.num(radius)}"/>')
    return "".join(parts) + "</g></svg>"


def _date_axis(dated: list[date], x: svg.Linear | None, undated: bool) -> list[str]:
    """Wide: a tick at each report's date (six at most), labelled where the label fits. A phone: calendar ticks
    evenly spaced, short labels (dateaxis.py), since its plot has room for one or two of the wide labels."""
    base = HEIGHT - BOTTOM
    out = [f'<line class="baseline" x1="0" x2="100%" y1="{base}" y2="{base}"/>']
    reserve = 2 * UNDATED_AT + 24 if undated else 0
    if x is not None:
        shown = list(dict.fromkeys(dated if len(dated) <= 6 else [dated[round(i * (len(dated) - 1) / 5)]
                                                                   for i in range(6)]))
        labels = [short_date(day) for day in shown]
        phone = dateaxis.phone_ticks(dateaxis.candidates(dated[0], dated[-1]), lambda day: x(day.toordinal()),
                                     PHONE_PLOT, "middle", reserve)
        # dates close together (reports a few weeks apart) keep their tick but not a label over the last one
        fits = svg.label_fits([x(day.toordinal()) for day in shown], labels, WIDE_PLOT, "middle", reserve)
        only = " wide" if phone else ""
        for day, label, fit in zip(shown, labels, fits):
            at = svg.pct(x(day.toordinal()))
            out.append(f'<line class="tick{only}" x1="{at}" x2="{at}" y1="{base}" y2="{base + 5}"/>')
            if fit:
                out.append(f'<text class="axis{only}" x="{at}" y="{base + 18}" text-anchor="middle">'
                           f'{svg.esc(label)}</text>')
        bounds = [day for day in dateaxis.year_bounds(phone) if dated[0] <= day <= dated[-1]]
        for day in bounds or [tick.day for tick in phone]:
            at = svg.pct(x(day.toordinal()))
            out.append(f'<line class="tick narrow" x1="{at}" x2="{at}" y1="{base}" y2="{base + 5}"/>')
        out += dateaxis.svg_labels(phone, base + 16, reserve)
    if undated:
        out.append(f'<text class="axis" x="100%" dx="-{UNDATED_AT}" y="{base + 18}" text-anchor="middle">undated</text>')
    return out


def _legend(clash: bool) -> list[str]:
    """Two rows above the plot, narrow enough for a phone: the marks' shapes, and what the colour means."""
    out = ['<circle class="dot" cx="5" cy="9" r="4.5"/><text class="legend" x="14" y="13">exact figure</text>',
           '<circle class="dot hollow" cx="105" cy="9" r="4.5"/><text class="legend" x="114" y="13">'
           'a bound or "about"</text>']
    if clash:
        out.append('<g class="clash legend-mark"><circle class="dot" cx="5" cy="25" r="4.5"/></g>'
                   '<text class="legend" x="14" y="29">cannot hold with another figure</text>')
    else:
        out.append('<rect class="common" x="0" y="20" width="10" height="10"/>'
                   '<text class="legend" x="14" y="29">values every wording allows</text>')
    return out


def short_date(day: date) -> str:
    """'5 Dec 2023' (strftime's %Y does not pad years before 1000 everywhere)."""
    return f"{day.day} {day.strftime('%b')} {day.year}"
