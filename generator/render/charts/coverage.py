"""The coverage matrix as a coloured grid: a row a fact, a column an outlet, each cell saying whether the
outlet reported the fact and whether its figure fits the others' or cannot hold with one of them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.core.model import AnchoredFact, Article, Fact
from generator.render import paths
from generator.render.charts import svg
from generator.render.charts.facts import clashing
from generator.render.numbers import parse_figure

FACTS_DRAWN = 40  # rows and columns the grid draws at most (disagreements and the most reported first);
OUTLETS_DRAWN = 30  # the table under it has every fact and outlet
CELL_H, ROW = 22, 42  # a row: the fact's name on a line of its own, its cells under it (any width has room)
HEADER_H = 120  # the outlets' names, set vertically over their columns
CELL_MAX = 44  # pixels a column is drawn at most: a grid of a few outlets need not span a wide screen
TITLE_CHARS, TITLE_PX = 46, 310  # a fact's name in the grid, and the width it needs in 12 px type
CELL_GAP = 0.08  # of a column's width, left between two cells
STATES = {"clash": ("≠", "a figure that cannot hold with another outlet's"),
          "fits": ("=", "a figure that fits the others"),
          "noted": ("✓", "reported, no figure compared")}


@dataclass(frozen=True)
class Column:
    """An outlet, or one article whose outlet is not known (never merged with another publisher)."""

    key: str
    label: str
    full: str
    page: str  # the outlet's page, or the article's
    known: bool


def columns_of(articles: Sequence[Article]) -> tuple[list[Column], dict[str, str]]:
    """The columns, outlets A to Z then unattributed articles, and article id -> its column's key."""
    by_key: dict[str, Column] = {}
    column_of: dict[str, str] = {}
    for a in articles:
        if a.outlet_known:
            key = "o:" + a.outlet
            by_key.setdefault(key, Column(key, svg.shorten(a.outlet, 18), a.outlet, paths.outlet(a.outlet), True))
        else:
            key = "a:" + a.id
            by_key[key] = Column(key, svg.shorten(a.title, 18), f"{a.title} (outlet not identified)",
                                 paths.article(a.slug), False)
        column_of[a.id] = key
    ordered = sorted(by_key.values(), key=lambda c: (not c.known, c.full.casefold()))
    return ordered, column_of


def cell_states(rows: Sequence[tuple[Article, AnchoredFact]], column_of: dict[str, str]) -> dict[str, tuple[str, list[str]]]:
    """Column key -> (state, the figures as worded) for one fact; a column that did not report it is absent."""
    parsed = [(i, parse_figure(link.link.figure)) for i, (_, link) in enumerate(rows) if link.link.figure]
    by_unit: dict[str, list[tuple[int, object]]] = {}
    for i, figure in parsed:
        if figure:
            by_unit.setdefault(figure.unit, []).append((i, figure))
    clash: set[int] = set()
    for group in by_unit.values():
        clash |= {group[j][0] for j in clashing([f for _, f in group])}
    compared = {i for group in by_unit.values() for i, _ in group}
    out: dict[str, tuple[str, list[str]]] = {}
    rank = {"noted": 0, "fits": 1, "clash": 2}
    for i, (article, link) in enumerate(rows):
        key = column_of[article.id]
        state = "clash" if i in clash else "fits" if i in compared else "noted"
        old_state, figures = out.get(key, ("noted", []))
        if link.link.figure and link.link.figure not in figures:
            figures.append(link.link.figure)
        out[key] = (max(old_state, state, key=rank.__getitem__) if key in out else state, figures)
    return out


def coverage_grid(facts: Sequence[Fact], states: dict[str, dict[str, tuple[str, list[str]]]],
                  columns: list[Column], page: str) -> str:
    """The grid; states is fact id -> cell_states(). Bounded: the facts and outlets that say the most."""
    def weight(fact: Fact) -> tuple:
        cells = states.get(fact.id, {})
        return (-sum(1 for s, _ in cells.values() if s == "clash"), -len(cells), fact.title.casefold())
    rows = sorted(facts, key=weight)[:FACTS_DRAWN]
    reported = {c.key: sum(1 for f in facts if c.key in states.get(f.id, {})) for c in columns}
    shown = sorted(columns, key=lambda c: -reported[c.key])[:OUTLETS_DRAWN]
    shown.sort(key=columns.index)
    n = max(1, len(shown))
    height = HEADER_H + ROW * len(rows) + 4
    body = []
    for j, column in enumerate(shown):
        cls = "chart-link" if column.known else "chart-link unattributed"
        body.append(f'<a class="{cls}" href="{svg.href(page, column.page)}"><title>{svg.esc(column.full)}</title>'
                    f'<text class="label col-head" x="{svg.pct((j + 0.5) / n)}" y="{HEADER_H - 6}" '
                    f'text-anchor="end">{svg.esc(column.label)}</text></a>')
    for i, fact in enumerate(rows):
        y = HEADER_H + i * ROW
        body.append(f'<a class="chart-link" href="{svg.href(page, paths.fact(fact.id))}"><title>{svg.esc(fact.title)}'
                    f'</title><text class="label" x="0" y="{y + 13}">{svg.esc(svg.shorten(fact.title, TITLE_CHARS))}'
                    f'</text></a>')
        cells = states.get(fact.id, {})
        for j, column in enumerate(shown):
            state, figures = cells.get(column.key, ("none", []))
            said = f": {', '.join(figures)}" if figures else ""
            what = STATES[state][1] if state in STATES else "not reported"
            body.append(f'<g class="cell {state}" data-fact="{svg.esc(fact.id)}" data-column="{svg.esc(column.key)}">'
                        f'<title>{svg.esc(column.full)} on {svg.esc(fact.title)}{svg.esc(said)} ({what})</title>'
                        f'<rect x="{svg.pct((j + CELL_GAP / 2) / n)}" y="{y + 17}" width="{svg.pct((1 - CELL_GAP) / n)}" '
                        f'height="{CELL_H}" rx="3"/>'
                        + (f'<text x="{svg.pct((j + 0.5) / n)}" y="{y + 17 + CELL_H / 2 + 5}" '
                           f'text-anchor="middle">{STATES[state][0]}</text>' if state in STATES else "") + "</g>")
    clashes = sum(1 for f in facts for s, _ in states.get(f.id, {}).values() if s == "clash")
    left_out = len(facts) - len(rows), len(columns) - len(shown)
    desc = (f"{svg.plural(len(rows), 'fact')} by {svg.plural(len(shown), 'outlet')}: "
            f"{svg.plural(sum(len(states.get(f.id, {})) for f in rows), 'cell')} reported, "
            f"{svg.plural(clashes, 'report')} with a figure that disagrees (≠). ")
    if any(left_out):
        desc += (f"The grid leaves out {svg.plural(left_out[0], 'fact')} and {svg.plural(left_out[1], 'outlet')}"
                 " that report the least; the table below has them all.")
    legend = " · ".join(f'<span class="cell-key {s}">{g}</span> {t}' for s, (g, t) in STATES.items())
    return svg.figure("coverage", "chart-coverage", "Coverage: which outlet reported which fact", desc, height,
                      body, [f'<figcaption>{legend} · <span class="cell-key none"></span> not reported. '
                             'Fact names and outlets link to their pages.</figcaption>'],
                      f"max-width:{max(TITLE_PX, CELL_MAX * n)}px")
