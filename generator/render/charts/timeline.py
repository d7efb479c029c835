"""The archive's timeline as bars: articles a day, a week or a month (by the archive's span), each bar
naming its outlets and the facts its articles report, and linking to its day on the month's page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from generator.core.archive import Archive
from generator.core.model import Article
from generator.render import markdown as md
from generator.render import paths
from generator.render.charts import dateaxis, svg

DAILY_UP_TO = 120  # days of span drawn one bar a day; longer archives a bar a week, a month, then a year
WEEKLY_UP_TO = 3 * 366 + 7
MONTHLY_UP_TO = 30 * 366  # past a few decades, a bar a month is thinner than a pixel
HEIGHT = 210
TOP, BOTTOM = 24, 40  # the left margin (the counts) is the stylesheet's padding of .chart-timeline svg
BAR_GAP = 0.15  # of a bar's step left blank between bars, while a step is wide enough to show it
FACTS_NAMED = 5  # facts a bar's hover text names; the table has them all


@dataclass(frozen=True)
class Bin:
    start: date
    articles: tuple[Article, ...]

    @property
    def with_facts(self) -> int:
        return sum(1 for a in self.articles if a.facts)


def grain(first: date, last: date) -> str:
    """'day', 'week', 'month' or 'year': the bar that keeps the chart legible over the archive's span."""
    span = (last - first).days
    return ("day" if span <= DAILY_UP_TO else "week" if span <= WEEKLY_UP_TO else "month" if span <= MONTHLY_UP_TO
            else "year")


def bin_start(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())  # weeks start on Monday (ISO 8601)
    if unit == "year":
        return day.replace(month=1, day=1)
    return day.replace(day=1) if unit == "month" else day


def next_bin(start: date, unit: str) -> date | None:
    """The next bin's first day; None past the calendar's last (9999-12-31)."""
    try:
        if unit == "year":
            return start.replace(year=start.year + 1)
        if unit == "month":
            return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
        return start + timedelta(days=7 if unit == "week" else 1)
    except (OverflowError, ValueError):
        return None


def month_of(day: date) -> str:
    """'YYYY-MM', the key of the month's page (strftime's %Y does not pad years before 1000 everywhere)."""
    return f"{day.year:04d}-{day.month:02d}"


def bins(articles: Sequence[Article]) -> tuple[str, list[Bin]]:
    """Every bin from the first dated article's to the last's, empty ones too (a gap is news)."""
    dated = [a for a in articles if a.date]
    if not dated:
        return "day", []
    unit = grain(min(a.date for a in dated), max(a.date for a in dated))
    grouped: dict[date, list[Article]] = {}
    for article in dated:
        grouped.setdefault(bin_start(article.date, unit), []).append(article)
    out, start, end = [], min(grouped), max(grouped)
    at: date | None = start
    while at is not None and at <= end:
        out.append(Bin(at, tuple(sorted(grouped.get(at, ()), key=lambda a: (a.date, a.outlet, a.title)))))
        at = next_bin(at, unit)
    return unit, out


def bin_label(start: date, unit: str) -> str:
    if unit == "week":
        return f"week of {md.format_date(start)}"
    if unit == "year":
        return str(start.year)
    return f"{start.strftime('%B')} {start.year}" if unit == "month" else md.format_date(start)


def _outlets(articles: Sequence[Article]) -> str:
    known = sorted({a.outlet for a in articles if a.outlet_known}, key=str.casefold)
    unknown = sum(1 for a in articles if not a.outlet_known)
    parts = known[:8] + ([f"{len(known) - 8} more"] if len(known) > 8 else [])
    if unknown:
        parts.append(f"{unknown} unattributed")
    return ", ".join(parts)


def _facts(articles: Sequence[Article], archive: Archive) -> list[str]:
    facts = archive.facts_by_id
    return sorted({facts[f.link.fact_id].title for a in articles for f in a.facts if f.link.fact_id in facts},
                  key=str.casefold)


def timeline_chart(archive: Archive, page: str) -> str:
    """The chart and its table, as a raw HTML block for the page at `page` (links are relative to it)."""
    unit, drawn = bins(archive.articles)
    if not drawn:
        return ""
    top = max(len(b.articles) for b in drawn)
    y = svg.Linear(0, top, HEIGHT - BOTTOM, TOP)
    step = 1 / len(drawn)
    gap = BAR_GAP * step if len(drawn) <= 200 else 0.0
    body = ['<g class="grid">']
    for tick in svg.ticks(0, top, 4):
        if tick == int(tick):
            body.append(f'<line x1="0" x2="100%" y1="{svg.num(y(tick))}" y2="{svg.num(y(tick))}"/>'
                        f'<text class="axis" x="-4" y="{svg.num(y(tick) + 4)}" text-anchor="end">'
                        f'{int(tick)}</text>')
    body.append("</g>")
    for i, b in enumerate(drawn):
        if not b.articles:
            continue
        facts = _facts(b.articles, archive)
        named = "; ".join(facts[:FACTS_NAMED]) + (f"; {len(facts) - FACTS_NAMED} more" if len(facts) > FACTS_NAMED else "")
        hover = (f"{bin_label(b.start, unit)}: {svg.plural(len(b.articles), 'article')} ({_outlets(b.articles)})"
                 + (f". Facts reported: {named}" if facts else ""))
        first = b.articles[0].date
        target = svg.href(page, paths.month(month_of(first)), first.isoformat())
        left, width = svg.pct(i * step + gap / 2), svg.pct(step - gap)
        bar = (f'<rect class="bar" x="{left}" y="{svg.num(y(len(b.articles)))}" width="{width}" '
               f'height="{svg.num(y(0) - y(len(b.articles)))}" data-start="{b.start.isoformat()}" '
               f'data-count="{len(b.articles)}" data-facts="{b.with_facts}"/>')
        if b.with_facts:
            bar += (f'<rect class="bar-facts" x="{left}" y="{svg.num(y(b.with_facts))}" '
                    f'width="{width}" height="{svg.num(y(0) - y(b.with_facts))}"/>')
        body.append(f'<a href="{target}"><title>{svg.esc(hover)}</title>{bar}</a>')
    body += _month_axis(drawn, unit, page)
    body += ['<rect class="bar" x="0" y="4" width="10" height="10"/><text class="legend" x="14" y="13">articles</text>',
             '<rect class="bar-facts" x="80" y="4" width="10" height="10"/>'
             '<text class="legend" x="94" y="13">of which report a linked fact</text>']
    dated = sum(len(b.articles) for b in drawn)
    busiest = max(drawn, key=lambda b: len(b.articles))
    title = f"Articles a {unit}, {bin_label(drawn[0].start, unit)} to {bin_label(drawn[-1].start, unit)}"
    desc = (f"{svg.plural(dated, 'dated article')} in {svg.plural(sum(1 for b in drawn if b.articles), unit)} "
            f"with coverage, of {len(drawn)}; the busiest {unit}, {bin_label(busiest.start, unit)}, has "
            f"{svg.plural(len(busiest.articles), 'article')}. Each bar links to its day on the month's page.")
    rows = []
    for b in drawn:
        if not b.articles:
            continue
        first = b.articles[0].date
        when = f'<a href="{svg.href(page, paths.month(month_of(first)), first.isoformat())}">' \
               f'{svg.esc(bin_label(b.start, unit))}</a>'
        facts = _facts(b.articles, archive)
        rows.append((when, str(len(b.articles)), svg.esc(_outlets(b.articles)),
                     svg.esc("; ".join(facts)) if facts else "—"))
    table = svg.details_table(f"The chart as a table: articles a {unit}", (unit.capitalize(), "Articles", "Outlets",
                                                                           "Facts reported"), rows,
                              (False, True, False, False))
    return svg.figure("timeline", "chart-timeline", title, desc, HEIGHT, body, [table])


def _month_axis(drawn: list[Bin], unit: str, page: str) -> list[str]:
    """A tick at each month's first bar, its name linking to the month's page: on a wide plot the names it has
    room for (the last held inside the right edge rather than dropped); on a phone's, evenly spaced months or
    years, short, with the year under the first and where it changes (dateaxis.py)."""
    starts = [(i, b.start) for i, b in enumerate(drawn)
              if i == 0 or (b.start.year, b.start.month) != (drawn[i - 1].start.year, drawn[i - 1].start.month)]
    with_page = {month_of(a.date) for b in drawn for a in b.articles}  # a month without articles has none
    labels = [f"{start.strftime('%b')} {start.year}" if n == 0 or start.month == 1 or len(starts) > 12
              else start.strftime("%b") for n, (_, start) in enumerate(starts)]
    fractions = [i / len(drawn) for i, _ in starts]
    fits = svg.label_fits(fractions, labels, svg.WIDE_PLOT)
    held = _held_in(fractions, labels, fits, svg.WIDE_PLOT)
    index = {start: i for i, start in starts}
    phone = dateaxis.phone_ticks(dateaxis.month_candidates([start for _, start in starts]),
                                 lambda day: index[day] / len(drawn), svg.NARROW_PLOT, "start")
    only = " wide" if phone else ""

    def linked(key: str, text: str) -> str:
        return f'<a class="chart-link" href="{svg.href(page, paths.month(key))}">{text}</a>' if key in with_page else text

    out = ['<g class="months">']
    base = HEIGHT - BOTTOM
    for n, ((i, start), label, fit) in enumerate(zip(starts, labels, fits)):
        at = svg.pct(i / len(drawn))
        out.append(f'<line class="tick" x1="{at}" x2="{at}" y1="{base}" y2="{base + 6}"/>')
        if fit or (held and n == len(starts) - 1):
            place = f'x="{at}" dx="2"' if fit else 'x="100%" text-anchor="end"'
            out.append(linked(month_of(start), f'<text class="axis{only}" {place} y="{base + 20}">'
                                                f'{svg.esc(label)}</text>'))
    for tick, text in zip(phone, dateaxis.svg_labels(phone, base + 18)):
        out.append(linked(month_of(tick.day), text))
    out.append(f'<line class="baseline" x1="0" x2="100%" y1="{base}" y2="{base}"/>')
    return out + ["</g>"]


def _held_in(fractions: list[float], labels: list[str], fits: list[bool], plot: float) -> bool:
    """Whether the last month's name, too long to start at its tick, fits ending at the plot's right edge: after
    the last name shown, and no further left of its tick than its own width (it still reads as that month's)."""
    if not labels or fits[-1]:
        return False
    width = svg.AXIS_CHAR_WIDTH * len(labels[-1])
    shown = [f * plot + 2 + svg.AXIS_CHAR_WIDTH * len(label) for f, label, fit in zip(fractions, labels, fits) if fit]
    start = plot - width
    return start >= (shown[-1] + 10 if shown else 0) and fractions[-1] * plot - start <= width
