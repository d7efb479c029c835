"""Chart axes of a synthetic archive spanning years, where the seed archive's few dates never crowd: a fact
chart's date labels never overlap (reports weeks apart keep their tick, not a label), and no month name of
the timeline runs past the chart's edge, on a phone's narrow plot (the labels without the class `wide`) as
on a wider one (all of them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.app.cli import main
from generator.render.charts import facts
from generator.render.charts.svg import AXIS_CHAR_WIDTH, NARROW_PLOT, WIDE_PLOT, label_class

from ..helpers import synth


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = synth(tmp_path_factory.mktemp("axes") / "archive", n=300)
    assert main(["build", "--root", str(root), "--no-site"]) == 0
    return root / "docs"


def _svgs(path: Path) -> list:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser").select("figure.chart > svg")


def _shown(labels: list, plot: float) -> list:
    """The labels a plot this wide shows (a phone's hides the class `wide`), with their left and right pixels."""
    out = []
    for label in labels:
        if plot < WIDE_PLOT and "wide" in label.get("class", []):
            continue
        at, width = float(label["x"].rstrip("%")) / 100 * plot, AXIS_CHAR_WIDTH * len(label.get_text())
        out.append((at - width / 2, at + width / 2) if label.get("text-anchor") == "middle" else (at, at + width + 2))
    return out


@pytest.mark.parametrize("plot", [facts.NARROW_PLOT, facts.WIDE_PLOT])
def test_fact_chart_date_labels_never_overlap(docs: Path, plot: float):
    crowded = 0
    for fact_page in sorted((docs / "facts").glob("*.md")):
        for svg in _svgs(fact_page):
            assert not svg.get("viewBox") and svg["width"] == "100%"  # it reflows, it does not scale
            ticks = svg.select("line.tick")
            labels = _shown([t for t in svg.select("text.axis[text-anchor='middle']") if t.get_text() != "undated"],
                            plot)
            assert all(b[0] >= a[1] for a, b in zip(labels, labels[1:])), (fact_page.name, plot, labels)
            assert all(right <= plot for _, right in labels), (fact_page.name, plot, labels)
            crowded += len(ticks) > len(labels)
    assert crowded, "some fact's reports lie close enough in date to leave a tick unlabelled"


@pytest.mark.parametrize("plot", [NARROW_PLOT, WIDE_PLOT])
def test_timeline_month_names_stay_inside_the_chart(docs: Path, plot: float):
    svg = _svgs(docs / "timeline" / "index.md")[0]
    names = _shown(svg.select("g.months text.axis"), plot)
    assert len(names) >= 2
    assert all(b[0] >= a[1] for a, b in zip(names, names[1:])), names
    assert all(right <= plot for _, right in names), names
    if plot == NARROW_PLOT:  # a phone shows fewer names than a desktop, never none
        assert len(names) < len(_shown(svg.select("g.months text.axis"), WIDE_PLOT))


def test_a_phone_shows_some_of_the_wide_charts_labels_and_no_others():
    labels = [f"Month {n}" for n in range(12)]
    classes = label_class([n / 12 for n in range(12)], labels)
    assert classes.count("axis") >= 2 and "axis wide" in classes  # the phone's names are a subset of the desktop's
    assert classes[-1] is None  # the last name would run past the edge at any width: its tick says it
