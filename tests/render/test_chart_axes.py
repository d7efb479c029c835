"""Chart axes of a synthetic archive spanning years, where the seed archive's few dates never crowd: a fact
chart's date labels never overlap (reports weeks apart keep their tick, not a label), and no month name of
the timeline runs past the chart's edge, on a phone's narrow plot (the labels without the class `wide`) as
on a wider one (those without the class `narrow`). A phone's own date axis has 3 to 5 evenly spaced labels
where the span allows, and the timeline's last month keeps its name at both widths."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.app.cli import main
from generator.render.charts import dateaxis, facts
from generator.render.charts.svg import AXIS_CHAR_WIDTH, NARROW_PLOT, WIDE_PLOT

from ..conftest import copy_archive
from ..helpers import synth


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = synth(tmp_path_factory.mktemp("axes") / "archive", n=300)
    assert main(["build", "--root", str(root), "--no-site"]) == 0
    return root / "docs"


def _svgs(path: Path) -> list:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser").select("figure.chart > svg")


def _shown(labels: list, plot: float, reserve: float = 0) -> list:
    """The labels a plot this wide shows (a phone's hides the class `wide`, a wider one the class `narrow`), with
    their left and right pixels; a label of two lines (its year in a tspan) is as wide as its longer line."""
    out = []
    phone = plot < WIDE_PLOT
    for label in labels:
        classes = label.get("class", [])
        if ("wide" in classes and phone) or ("narrow" in classes and not phone):
            continue
        year = label.find("tspan")
        lines = [label.find(string=True, recursive=False) or "", year.get_text() if year else ""]
        width = AXIS_CHAR_WIDTH * max(len(line) for line in lines)
        at = float(label["x"].rstrip("%")) / 100 * plot
        anchor = label.get("text-anchor", "start")
        if anchor == "end":
            at -= reserve if label.get("dx") else 0
            out.append((at - width, at))
        else:
            out.append((at - width / 2, at + width / 2) if anchor == "middle" else (at, at + width + 2))
    return out


def _date_labels(svg) -> list:
    """The date axis's labels: placed in per cent of the width (the value axis's are at a pixel left of it)."""
    return [t for t in svg.select("text.axis") if t.get("x", "").endswith("%") and t.get_text() != "undated"]


@pytest.mark.parametrize("plot", [facts.PHONE_PLOT, facts.WIDE_PLOT])
def test_fact_chart_date_labels_never_overlap(docs: Path, plot: float):
    crowded = 0
    for fact_page in sorted((docs / "facts").glob("*.md")):
        for svg in _svgs(fact_page):
            assert not svg.get("viewBox") and svg["width"] == "100%"  # it reflows, it does not scale
            ticks = svg.select("line.tick")
            reserve = 2 * facts.UNDATED_AT + 24 if svg.select("g.report:not([data-date])") else 0
            labels = _shown(_date_labels(svg), plot, reserve)
            # the phone's labels are placed at 6.2 px a character (dateaxis.py), the test counts 6.5: a little slack
            slack = 4 if plot == facts.PHONE_PLOT else 0
            assert all(b[0] >= a[1] - slack for a, b in zip(labels, labels[1:])), (fact_page.name, plot, labels)
            assert all(right <= plot + slack for _, right in labels), (fact_page.name, plot, labels)
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
        assert 3 <= len(names) <= 5 < len(_shown(svg.select("g.months text.axis"), WIDE_PLOT))


def test_a_phone_reads_three_to_five_dates_on_a_fact_chart_spanning_weeks_or_more(docs: Path):
    counts = []
    for fact_page in sorted((docs / "facts").glob("*.md")):
        for svg in _svgs(fact_page):
            days = sorted({r["data-date"] for r in svg.select("g.report[data-date]")})
            if len(days) < 2 or (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days < 28:
                continue
            phone = [t for t in _date_labels(svg) if "wide" not in t.get("class", [])]
            assert all("narrow" in t["class"] for t in phone)  # its own axis, hidden on a wide screen
            assert svg.select("line.tick.narrow")  # the phone has its own ticks too
            counts.append(len(phone))
    assert counts and min(counts) >= 3 and max(counts) <= 5, counts


def test_the_timelines_last_month_keeps_its_name_at_both_widths(tmp_path: Path):
    """The seed archive's last month has one bar at the right edge: its name ends there rather than vanishing."""
    root = copy_archive(tmp_path / "archive")
    assert main(["build", "--root", str(root), "--no-site"]) == 0
    svg = _svgs(root / "docs" / "timeline" / "index.md")[0]
    months = svg.select("g.months text.axis")
    last = {" ".join(t["class"]): t for t in months if t.get("text-anchor") == "end"}
    assert set(last) == {"axis wide", "axis narrow"}, [str(t) for t in months]
    assert all(t.find(string=True, recursive=False) == "Feb" and t["x"] == "100%" for t in last.values())
    for plot in (NARROW_PLOT, WIDE_PLOT):
        names = _shown(months, plot)
        assert len(names) == 3 and all(b[0] >= a[1] for a, b in zip(names, names[1:])), (plot, names)
        assert all(0 <= left and right <= plot for left, right in names), (plot, names)


def test_phone_ticks_are_calendar_steps_with_the_year_where_it_changes():
    first, last = date(2022, 1, 7), date(2024, 5, 9)
    span = last.toordinal() - first.toordinal()
    ticks = dateaxis.phone_ticks(dateaxis.candidates(first, last),
                                 lambda day: 0.05 + 0.9 * (day.toordinal() - first.toordinal()) / span, 164)
    assert [(t.label, t.year) for t in ticks] == [("Jul", "2022"), ("Jan", "2023"), ("Jul", ""), ("Jan", "2024")]
    one_day = dateaxis.phone_ticks(dateaxis.candidates(first, first), lambda day: 0.5, 164)
    assert [(t.label, t.year) for t in one_day] == [("7 Jan", "2022")]


def test_a_timeline_of_weekly_bars_names_evenly_spaced_years_on_a_phone():
    """A month's first bar a week is its first Monday, seldom the 1st: the month decides, not the day."""
    bars = [date(2021, 12, 27) + timedelta(weeks=i) for i in range(157)]
    starts = [b for i, b in enumerate(bars) if i == 0 or b.month != bars[i - 1].month]
    ticks = dateaxis.phone_ticks(dateaxis.month_candidates(starts), lambda day: bars.index(day) / len(bars),
                                 NARROW_PLOT, "start")
    assert [t.label for t in ticks] == ["2022", "2023", "2024"]
    assert [t.day.month for t in ticks] == [1, 1, 1]
