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
from generator.render.charts import svg

DAILY_UP_TO = 120  # days of span drawn one bar a day; longer archives a bar a week, a month, then a year
WEEKLY_UP_TO = 3 * 366 + 7
MONTHLY_UP_TO = 30 * 366  # past a few decades, a bar a month is thinner than a pixel
WIDTH, HEIGHT = 720, 210
LEFT, RIGHT, TOP, BOTTOM = 34, 8, 24, 40
AXIS_CHAR_WIDTH = 6.5  # an 11 px axis label's widest characters, for what fits before the edge
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
    x = svg.Linear(0, len(drawn), LEFT, WIDTH - RIGHT)
    y = svg.Linear(0, top, HEIGHT - BOTTOM, TOP)
    step = x(1) - x(0)
    gap = 1 if step >= 4 else 0
    body = ['<g class="grid">']
    for tick in svg.ticks(0, top, 4):
        if tick == int(tick):
            body.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{svg.num(y(tick))}" y2="{svg.num(y(tick))}"/>'
                        f'<text class="axis" x="{LEFT - 4}" y="{svg.num(y(tick) + 4)}" text-anchor="end">'
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
        left, width = x(i) + gap / 2, max(1.0, step - gap)
        bar = (f'<rect class="bar" x="{svg.num(left)}" y="{svg.num(y(len(b.articles)))}" width="{svg.num(width)}" '
               f'height="{svg.num(y(0) - y(len(b.articles)))}" data-start="{b.start.isoformat()}" '
               f'data-count="{len(b.articles)}" data-facts="{b.with_facts}"/>')
        if b.with_facts:
            bar += (f'<rect class="bar-facts" x="{svg.num(left)}" y="{svg.num(y(b.with_facts))}" '
                    f'width="{svg.num(width)}" height="{svg.num(y(0) - y(b.with_facts))}"/>')
        body.append(f'<a href="{target}"><title>{svg.esc(hover)}</title>{bar}</a>')
    body += _month_axis(drawn, unit, x, page)
    body += [f'<rect class="bar" x="{LEFT}" y="4" width="10" height="10"/>'
             f'<text class="legend" x="{LEFT + 14}" y="13">articles</text>',
             f'<rect class="bar-facts" x="{LEFT + 80}" y="4" width="10" height="10"/>'
             f'<text class="legend" x="{LEFT + 94}" y="13">of which report a linked fact</text>']
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
    return svg.figure("timeline", "chart-timeline", title, desc, WIDTH, HEIGHT, body, [table])


def _month_axis(drawn: list[Bin], unit: str, x: svg.Linear, page: str) -> list[str]:
    """A tick at each month's first bar, its name linking to the month's page; at most about 12 names."""
    starts = [(i, b.start) for i, b in enumerate(drawn)
              if i == 0 or (b.start.year, b.start.month) != (drawn[i - 1].start.year, drawn[i - 1].start.month)]
    every = max(1, -(-len(starts) // 12))
    with_page = {month_of(a.date) for b in drawn for a in b.articles}  # a month without articles has none
    out = ['<g class="months">']
    base = HEIGHT - BOTTOM
    for n, (i, start) in enumerate(starts):
        out.append(f'<line class="tick" x1="{svg.num(x(i))}" x2="{svg.num(x(i))}" y1="{base}" y2="{base + 6}"/>')
        if n % every:
            continue
        label = f"{start.strftime('%b')} {start.year}" if n == 0 or start.month == 1 or every > 1 else start.strftime("%b")
        if x(i) + 2 + AXIS_CHAR_WIDTH * len(label) > WIDTH:  # a name the chart's edge would cut: the tick says it
            continue
        key = month_of(start)
        text = f'<text class="axis" x="{svg.num(x(i) + 2)}" y="{base + 20}">{svg.esc(label)}</text>'
        out.append(f'<a class="chart-link" href="{svg.href(page, paths.month(key))}">{text}</a>'
                   if key in with_page else text)
    out.append(f'<line class="baseline" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{base}" y2="{base}"/>')
    return out + ["</g>"]
