"""The pieces every chart shares: escaping, the figure around the SVG, scales, ticks and number labels.

Every chart is a <figure> holding an <svg role="img"> with a <title> and a <desc> (its text alternative),
and the table it summarises right after it or one click away in a <details>. Text in a chart is data
(titles, outlets, wordings): it is escaped here, for HTML and for the Markdown the page is written in.

A chart reflows rather than scales: its <svg> has no viewBox, it is as wide as the page's column and a fixed
number of pixels high, and what runs along the width (a bar, a dot's date) is placed in per cent of that width
(pct). Text keeps its pixel size at every width, so a phone shows the same chart, narrower, with labels as
legible as on a desktop; a scaled drawing would shrink its 11 px labels to 5 px there, and a second drawing for
phones would double every chart's bytes. The margins for axis labels are the svg's CSS padding
(docs/stylesheets/archive.css, a chart kind each), drawn into with negative coordinates; labels that only fit
a wide chart carry the class `wide`, which the stylesheet hides on a phone; a date axis gives a phone labels of
its own (class `narrow`, shown there only: dateaxis.py).
"""

from __future__ import annotations

import math
import posixpath
import re
from collections.abc import Iterable, Sequence

# Python-Markdown runs its inline patterns (links, emphasis, backslash escapes) inside inline HTML too; an
# attribute or text with "[x](y)" or "*" must reach the page as written, so those characters become
# numeric references, which Markdown leaves alone and the browser reads back, in one pass with HTML's own.
_ENTITIES = str.maketrans({ch: f"&#{ord(ch)};" for ch in "\\`*_{}[]()&<>\"'"})


def esc(value: str) -> str:
    """Text for an SVG or HTML element or attribute, inert for Markdown as well."""
    return value.translate(_ENTITIES)


def num(value: float) -> str:
    """A coordinate: one decimal is finer than a pixel of any chart here, and keeps pages small."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def pct(fraction: float) -> str:
    """A position along the chart's width: two decimals of a per cent are under a pixel at any width."""
    text = f"{fraction * 100:.2f}".rstrip("0").rstrip(".")
    return (text if text != "-0" else "0") + "%"


def figure(kind: str, chart_id: str, title: str, description: str, height: int,
           body: Iterable[str], after: Sequence[str] = (), style: str = "") -> str:
    """The chart as one raw HTML block for a Markdown page: no blank line inside (that would end the block).

    after: HTML put inside the figure under the SVG (a caption, a <details> with the table).
    style: CSS of this chart alone (a margin that fits its own labels, a grid's widest useful size)."""
    style = f' style="{style}"' if style else ""
    parts = [f'<figure class="chart chart-{kind}" id="{chart_id}" data-search-exclude>',
             f'<svg class="chart-svg" width="100%" height="{height}"{style} '
             f'role="img" aria-label="{esc(title)}" aria-describedby="{chart_id}-desc" '
             f'xmlns="http://www.w3.org/2000/svg" font-size="12">',
             f'<title id="{chart_id}-title">{esc(title)}</title>',
             f'<desc id="{chart_id}-desc">{esc(description)}</desc>',
             *body, "</svg>", *after, "</figure>"]
    return "\n".join(line for line in parts if line.strip()) + "\n"


def details_table(summary: str, header: Sequence[str], rows: Iterable[Sequence[str]],
                  numeric: Sequence[bool] = ()) -> str:
    """An HTML table in a closed <details>: the chart's numbers one click away. Cells are HTML already."""
    align = [' class="num"' if i < len(numeric) and numeric[i] else "" for i in range(len(header))]
    head = "".join(f"<th{a}>{h}</th>" for h, a in zip(header, align))
    # Each cell carries its column's name: a phone shows a row as a card, each cell under it (archive.css).
    named = [f'{a} data-label="{esc(re.sub(r"<[^>]*>", "", h))}"' for h, a in zip(header, align)]
    body = "".join("<tr>" + "".join(f"<td{a}>{c}</td>" for c, a in zip(row, named)) + "</tr>" for row in rows)
    return (f'<details class="chart-data stacked-table"><summary>{summary}</summary>'
            f'<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></details>')


class Linear:
    """A linear scale from a domain of values to a range of pixels."""

    def __init__(self, low: float, high: float, start: float, end: float) -> None:
        if high <= low:
            low, high = low - 1, high + 1
        self.low, self.high, self.start, self.end = low, high, start, end

    def __call__(self, value: float) -> float:
        return self.start + (value - self.low) / (self.high - self.low) * (self.end - self.start)


def ticks(low: float, high: float, count: int = 4) -> list[float]:
    """Round values between low and high, about count of them (1, 2 or 5 times a power of ten apart)."""
    if high <= low:
        return [low]
    raw = (high - low) / max(1, count)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.ceil(low / step) * step
    return [first + i * step for i in range(int((high - first) / step + 1e-9) + 1)]


def short_number(value: float) -> str:
    """An axis label: 19,600, 1.9M, 0.5, 85."""
    if abs(value) >= 1_000_000:
        return f"{value / 1_000_000:.3g}M"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def shorten(value: str, limit: int) -> str:
    """A label that fits: cut at a word where it can be, with an ellipsis."""
    value = value.strip()
    if len(value) <= limit:
        return value
    cut = value[:limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut[limit // 2:] else cut).rstrip(" ,;:·-") + "…"


def page_url(page: str) -> str:
    """The URL folder MkDocs gives a page of docs/ (directory URLs): timeline/2023-12.md -> timeline/2023-12/."""
    stem = page[:-3] if page.endswith(".md") else page
    if stem == "index" or stem.endswith("/index"):
        stem = stem[:-5]
    return stem.rstrip("/") + "/" if stem else ""


def href(from_page: str, to_page: str, anchor: str = "") -> str:
    """A link in raw HTML (which MkDocs does not rewrite as it does Markdown links), from one page to another."""
    here, there = page_url(from_page), page_url(to_page)
    target = posixpath.relpath(there or ".", here or ".")
    target = "./" if target == "." else target + "/"
    return target + (f"#{anchor}" if anchor else "")


AXIS_CHAR_WIDTH = 6.5  # an 11 px axis label's widest characters, for what fits before the next label or the edge
NARROW_PLOT = 280  # pixels of plot a phone leaves (a 360 px screen less the page's and the chart's margins)
WIDE_PLOT = 620  # pixels of plot the narrowest layout past the stylesheet's phone breakpoint leaves


def label_fits(fractions: Sequence[float], labels: Sequence[str], plot: float, anchor: str = "start",
               reserve: float = 0, gap: float = 10, dx: float = 2) -> list[bool]:
    """Which axis labels a plot `plot` pixels wide shows, left to right: each that neither overlaps the last one
    shown nor runs into the last `reserve` pixels of the plot (a centred label may reach a little into the left
    margin)."""
    out, last_end = [], float("-inf")
    for fraction, label in zip(fractions, labels):
        width = AXIS_CHAR_WIDTH * len(label)
        start = fraction * plot + dx if anchor == "start" else fraction * plot - width / 2
        fits = start >= last_end + gap and start + width <= plot + dx - reserve and start >= -20
        if fits:
            last_end = start + width
        out.append(fits)
    return out
