"""An entity at a glance: its mentions over time as a small bar sparkline, and the entities most often
named in the same sentences with it, a row each (its name, linked to its page, over a bar as long as the
sentences they share): rows reflow to any width, where names around a circle ran off a phone's screen."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from generator.core.model import Article, Mention
from generator.render import paths
from generator.render.charts import svg
from generator.render.charts.timeline import bin_label, bin_start, grain, next_bin

SPARK_HEIGHT = 64
SPARK_TOP, SPARK_BOTTOM = 6, 20
NEIGHBOURS = 8
ROW = 30  # pixels a neighbour: its name's line and its bar
NET_TOP = 22  # the entity's own name, above its neighbours
BAR_H = 8


def mention_bins(mentions: Sequence[Mention], articles: dict[str, Article]) -> tuple[str, list[tuple[date, int, int]]]:
    """(grain, [(bin start, mentions, articles)]) from the first mention's day to the last's, empty bins too."""
    days = [articles[m.article_id].date for m in mentions if articles[m.article_id].date]
    if not days:
        return "day", []
    unit = grain(min(days), max(days))
    counts: dict[date, list[Mention]] = {}
    for mention in mentions:
        day = articles[mention.article_id].date
        if day:
            counts.setdefault(bin_start(day, unit), []).append(mention)
    start, end, out = min(counts), max(counts), []
    at: date | None = start
    while at is not None and at <= end:
        found = counts.get(at, [])
        out.append((at, len(found), len({m.article_id for m in found})))
        at = next_bin(at, unit)
    return unit, out


def sparkline(name: str, mentions: Sequence[Mention], articles: dict[str, Article], chart_id: str) -> str:
    unit, drawn = mention_bins(mentions, articles)
    if len(drawn) < 2:
        return ""  # one day of mentions: the sentence above says it, a single bar would not
    top = max(c for _, c, _ in drawn)
    y = svg.Linear(0, top, SPARK_HEIGHT - SPARK_BOTTOM, SPARK_TOP)
    step = 1 / len(drawn)
    gap = 0.15 * step if len(drawn) <= 200 else 0.0
    body = []
    for i, (start, count, in_articles) in enumerate(drawn):
        if not count:
            continue
        body.append(f'<rect class="bar" x="{svg.pct(i * step + gap / 2)}" y="{svg.num(y(count))}" '
                    f'width="{svg.pct(step - gap)}" height="{svg.num(y(0) - y(count))}" '
                    f'data-start="{start.isoformat()}" data-count="{count}"><title>{svg.esc(bin_label(start, unit))}: '
                    f'{svg.esc(svg.plural(count, "mention"))} in {svg.esc(svg.plural(in_articles, "article"))}'
                    f'</title></rect>')
    base = SPARK_HEIGHT - SPARK_BOTTOM
    body += [f'<line class="baseline" x1="0" x2="100%" y1="{base}" y2="{base}"/>',
             f'<text class="axis" x="0" y="{base + 14}">{svg.esc(bin_label(drawn[0][0], unit))}</text>',
             f'<text class="axis" x="100%" y="{base + 14}" text-anchor="end">'
             f'{svg.esc(bin_label(drawn[-1][0], unit))}</text>']
    busiest = max(drawn, key=lambda d: d[1])
    title = f"Mentions of {name} a {unit}"
    desc = (f"{svg.plural(sum(c for _, c, _ in drawn), 'mention')} from {bin_label(drawn[0][0], unit)} to "
            f"{bin_label(drawn[-1][0], unit)}; the most, {busiest[1]}, in the {unit} of {bin_label(busiest[0], unit)}."
            " The timeline table below gives each day.")
    return svg.figure("sparkline", chart_id, title, desc, SPARK_HEIGHT, body)


def neighbourhood(entity_id: str, name: str, co: dict[str, int], names: dict[str, str], page: str,
                  chart_id: str) -> str:
    """The entity's most frequent companions, the most first: a longer bar, more shared sentences."""
    top = sorted(co.items(), key=lambda kv: (-kv[1], names[kv[0]]))[:NEIGHBOURS]
    if not top:
        return ""
    most = top[0][1]
    body = [f'<text class="label centre" x="0" y="14">{svg.esc(svg.shorten(name, 40))}, named in the same '
            'sentences as:</text>']
    for i, (other, count) in enumerate(top):
        row = NET_TOP + i * ROW
        hover = f"{names[other]}: {svg.plural(count, 'shared sentence')} with {name}"
        body.append(f'<a class="chart-link" href="{svg.href(page, paths.entity(other))}"><title>{svg.esc(hover)}'
                    f'</title><text class="label" x="0" y="{row + 13}">{svg.esc(svg.shorten(names[other], 40))} '
                    f'({count})</text>'
                    f'<rect class="edge" x="0" y="{row + 17}" width="{svg.pct(max(0.02, count / most))}" '
                    f'height="{BAR_H}" rx="2" data-entity="{svg.esc(other)}" data-count="{count}"/></a>')
    title = f"Entities most often named with {name}"
    desc = f"{name} and the {len(top)} entities most often in the same sentences: " + \
        "; ".join(f"{names[o]} ({svg.plural(c, 'sentence')})" for o, c in top) + ". The list below links each."
    return svg.figure("network", chart_id, title, desc, NET_TOP + ROW * len(top) + 4, body)
