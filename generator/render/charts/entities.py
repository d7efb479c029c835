"""An entity at a glance: its mentions over time as a small bar sparkline, and the entities most often
named in the same sentences around it, each linked to its page."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from generator.core.model import Article, Mention
from generator.render import paths
from generator.render.charts import svg
from generator.render.charts.timeline import bin_label, bin_start, grain, next_bin

SPARK_WIDTH, SPARK_HEIGHT = 720, 64
SPARK_LEFT, SPARK_RIGHT, SPARK_TOP, SPARK_BOTTOM = 6, 6, 6, 20
NEIGHBOURS = 8
NET_WIDTH, NET_HEIGHT = 720, 270


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
    x = svg.Linear(0, len(drawn), SPARK_LEFT, SPARK_WIDTH - SPARK_RIGHT)
    y = svg.Linear(0, top, SPARK_HEIGHT - SPARK_BOTTOM, SPARK_TOP)
    step = x(1) - x(0)
    gap = 1 if step >= 4 else 0
    body = []
    for i, (start, count, in_articles) in enumerate(drawn):
        if not count:
            continue
        body.append(f'<rect class="bar" x="{svg.num(x(i) + gap / 2)}" y="{svg.num(y(count))}" '
                    f'width="{svg.num(max(1.0, step - gap))}" height="{svg.num(y(0) - y(count))}" '
                    f'data-start="{start.isoformat()}" data-count="{count}"><title>{svg.esc(bin_label(start, unit))}: '
                    f'{svg.esc(svg.plural(count, "mention"))} in {svg.esc(svg.plural(in_articles, "article"))}'
                    f'</title></rect>')
    base = SPARK_HEIGHT - SPARK_BOTTOM
    body += [f'<line class="baseline" x1="{SPARK_LEFT}" x2="{SPARK_WIDTH - SPARK_RIGHT}" y1="{base}" y2="{base}"/>',
             f'<text class="axis" x="{SPARK_LEFT}" y="{base + 14}">{svg.esc(bin_label(drawn[0][0], unit))}</text>',
             f'<text class="axis" x="{SPARK_WIDTH - SPARK_RIGHT}" y="{base + 14}" text-anchor="end">'
             f'{svg.esc(bin_label(drawn[-1][0], unit))}</text>']
    busiest = max(drawn, key=lambda d: d[1])
    title = f"Mentions of {name} a {unit}"
    desc = (f"{svg.plural(sum(c for _, c, _ in drawn), 'mention')} from {bin_label(drawn[0][0], unit)} to "
            f"{bin_label(drawn[-1][0], unit)}; the most, {busiest[1]}, in the {unit} of {bin_label(busiest[0], unit)}."
            " The timeline table below gives each day.")
    return svg.figure("sparkline", chart_id, title, desc, SPARK_WIDTH, SPARK_HEIGHT, body)


def neighbourhood(entity_id: str, name: str, co: dict[str, int], names: dict[str, str], page: str,
                  chart_id: str) -> str:
    """The entity in the middle, its most frequent companions around it; a thicker line, more shared sentences."""
    top = sorted(co.items(), key=lambda kv: (-kv[1], names[kv[0]]))[:NEIGHBOURS]
    if not top:
        return ""
    cx, cy, rx, ry = NET_WIDTH / 2, NET_HEIGHT / 2, NET_WIDTH / 2 - 130, NET_HEIGHT / 2 - 34
    most = top[0][1]
    body, nodes = [], []
    for i, (other, count) in enumerate(top):
        angle = -math.pi / 2 + 2 * math.pi * i / len(top)
        px, py = cx + rx * math.cos(angle), cy + ry * math.sin(angle)
        width = 1 + 5 * count / most
        hover = f"{names[other]}: {svg.plural(count, 'shared sentence')} with {name}"
        body.append(f'<line class="edge" x1="{svg.num(cx)}" y1="{svg.num(cy)}" x2="{svg.num(px)}" y2="{svg.num(py)}" '
                    f'stroke-width="{svg.num(width)}" data-entity="{svg.esc(other)}" data-count="{count}">'
                    f'<title>{svg.esc(hover)}</title></line>')
        anchor = "middle" if abs(math.cos(angle)) < 0.3 else ("start" if math.cos(angle) > 0 else "end")
        lx = px + (10 if anchor == "start" else -10 if anchor == "end" else 0)
        ly = py + (18 if math.sin(angle) > 0.7 else -10 if math.sin(angle) < -0.7 else 4)
        nodes.append(f'<a class="chart-link" href="{svg.href(page, paths.entity(other))}"><title>{svg.esc(hover)}'
                     f'</title><circle class="node" cx="{svg.num(px)}" cy="{svg.num(py)}" r="6"/>'
                     f'<text class="label" x="{svg.num(lx)}" y="{svg.num(ly)}" text-anchor="{anchor}">'
                     f'{svg.esc(svg.shorten(names[other], 26))} ({count})</text></a>')
    body += nodes
    body += [f'<circle class="node centre" cx="{svg.num(cx)}" cy="{svg.num(cy)}" r="9"/>',
             f'<text class="label centre" x="{svg.num(cx)}" y="{svg.num(cy + 26)}" text-anchor="middle">'
             f'{svg.esc(svg.shorten(name, 30))}</text>']
    title = f"Entities most often named with {name}"
    desc = f"{name}, in the middle, and the {len(top)} entities most often in the same sentences: " + \
        "; ".join(f"{names[o]} ({svg.plural(c, 'sentence')})" for o, c in top) + ". The list below links each."
    return svg.figure("network", chart_id, title, desc, NET_WIDTH, NET_HEIGHT, body)
