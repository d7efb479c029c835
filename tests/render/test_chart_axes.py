"""Chart axes of a synthetic archive spanning years, where the seed archive's few dates never crowd: a fact
chart's date labels never overlap (reports weeks apart keep their tick, not a label), and no month name of
the timeline runs past the chart's edge."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.app.cli import main
from generator.render.charts.facts import DATE_LABEL_WIDTH
from generator.render.charts.timeline import AXIS_CHAR_WIDTH, WIDTH

from ..helpers import synth


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = synth(tmp_path_factory.mktemp("axes") / "archive", n=300)
    assert main(["build", "--root", str(root), "--no-site"]) == 0
    return root / "docs"


def _svgs(path: Path) -> list:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser").select("figure.chart svg")


def test_fact_chart_date_labels_never_overlap(docs: Path):
    crowded = 0
    for fact_page in sorted((docs / "facts").glob("*.md")):
        for svg in _svgs(fact_page):
            ticks = svg.select("line.tick")
            labels = [float(t["x"]) for t in svg.select("text.axis[text-anchor='middle']") if t.get_text() != "undated"]
            assert all(b - a >= DATE_LABEL_WIDTH for a, b in zip(labels, labels[1:])), (fact_page.name, labels)
            crowded += len(ticks) > len(labels)
    assert crowded, "some fact's reports lie close enough in date to leave a tick unlabelled"


def test_timeline_month_names_stay_inside_the_chart(docs: Path):
    svg = _svgs(docs / "timeline" / "index.md")[0]
    names = svg.select("g.months text.axis")
    assert names
    for name in names:
        assert float(name["x"]) + AXIS_CHAR_WIDTH * len(name.get_text()) <= WIDTH, name
