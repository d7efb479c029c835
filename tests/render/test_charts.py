"""The charts' SVG parsed back from the built seed site: text alternatives, and marks that match the data."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.render.charts.facts import clashing
from generator.render.charts.svg import esc, href
from generator.render.numbers import parse_figure


def _page(root: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((root / "site" / path / "index.html").read_text("utf-8"), "html.parser")


def _charts(soup: BeautifulSoup) -> list:
    charts = soup.select("figure.chart > svg")
    assert charts, "no chart on the page"
    for svg in charts:
        assert svg.get("role") == "img" and svg.get("aria-label")
        assert svg.find("title").get_text(strip=True) and svg.find("desc").get_text(strip=True)
    return charts


def test_fact_chart_marks_every_report_and_the_disagreement(built_archive: Path):
    soup = _page(built_archive, "facts/idf-soldiers-killed-ground-offensive-dec-2023")
    svg = _charts(soup)[0]
    marks = svg.select("g.report")
    assert sorted(float(m["data-value"]) for m in marks) == [131.0, 132.0]
    assert all("clash" in m["class"] for m in marks)
    figures = [td.get_text(strip=True) for td in soup.select("table td strong")]
    assert sorted(figures) == ["131", "132"]


def test_fact_chart_shows_compatible_wordings_as_intervals(built_archive: Path):
    svg = _charts(_page(built_archive, "facts/gaza-death-toll-dec-2023"))[0]
    marks = svg.select("g.report")
    assert marks and not svg.select("g.report.clash")
    wordings = {m["data-wording"] for m in marks}
    assert "over 19,600" in wordings and "nearly 20,000" in wordings
    over = next(m for m in marks if m["data-wording"] == "over 19,600")
    assert over["data-high"] == "inf" and float(over["data-low"]) == 19600
    assert svg.select("rect.common")  # the band every wording allows


def test_timeline_bars_count_every_dated_article_and_link_to_their_day(built_archive: Path):
    svg = _charts(_page(built_archive, "timeline"))[0]
    bars = svg.select("rect.bar[data-count]")
    assert sum(int(b["data-count"]) for b in bars) == 5
    for link in svg.select("a[href]"):
        target = link["href"].split("#")[0]
        assert (built_archive / "site" / "timeline" / target / "index.html").exists()


def test_coverage_grid_marks_the_clash(built_archive: Path):
    svg = _charts(_page(built_archive, "facts/coverage"))[0]
    clashes = svg.select("g.cell.clash[data-fact='idf-soldiers-killed-ground-offensive-dec-2023']")
    assert len(clashes) == 2


def test_entity_page_has_its_neighbourhood(built_archive: Path):
    svg = _charts(_page(built_archive, "entities/ismail-haniyeh"))[-1]
    edges = svg.select("rect.edge")
    assert edges and all(int(e["data-count"]) > 0 for e in edges)


def test_clashing_finds_only_figures_that_cannot_hold():
    figures = [parse_figure(w) for w in ("131", "132", "about 131")]
    assert clashing(figures) == {0, 1}
    assert clashing([parse_figure(w) for w in ("19,667", "over 19,600", "nearly 20,000")]) == set()


@pytest.mark.parametrize("text", ["[x](javascript:alert(1))", "<script>", "*a* _b_ `c` {: .x }", "a & b \" '"])
def test_chart_text_is_inert(text: str):
    escaped = esc(text)
    assert not any(ch in escaped for ch in "<>[]()*_`{}\"'") and BeautifulSoup(escaped, "html.parser").get_text() == text


def test_raw_links_follow_directory_urls():
    assert href("timeline/index.md", "timeline/2023-12.md", "2023-12-20") == "2023-12/#2023-12-20"
    assert href("facts/coverage.md", "outlets/x.md") == "../../outlets/x/"
