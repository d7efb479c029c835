"""Charts on a phone (390 px) and a desktop (1280 px): no chart scrolls inside its box or runs past it, every
mark (bars, dots with the undated one, cells, labels) is drawn inside the chart, and its text keeps a legible
size. Screenshots of the timeline, a fact page, an entity page and the coverage matrix go to screenshots/."""

from __future__ import annotations

import re

import pytest

from tests.conftest import copy_archive
from tests.helpers import SCREENSHOTS, served

# The entity page has both its charts; on the fact pages one report is undated (its dot is drawn at the
# plot's right edge, where the wordings' column begins), as the fixture below makes it.
PAGES = {"timeline": "/timeline/", "fact-undated": "/facts/gaza-death-toll-dec-2023/",
         "fact-clash": "/facts/idf-soldiers-killed-ground-offensive-dec-2023/",
         "entity": "/entities/ismail-haniyeh/", "coverage": "/facts/coverage/"}
MARKS = "g.report, rect.bar, g.cell rect, rect.edge, text"
MIN_TEXT_PX = 9.5  # the smallest chart text a phone shows (10 px labels, as the stylesheet sets them)

# Every chart on the page: does its figure scroll, and which marks or labels lie (even partly) outside the svg's
# box (the figure's own box, for text in the svg's padding), or are drawn smaller than MIN_TEXT_PX.
MEASURE = """([marks, minText]) => [...document.querySelectorAll('figure.chart')].map(fig => {
  const svg = fig.querySelector('svg.chart-svg'), box = svg.getBoundingClientRect();
  const out = [], small = [];
  for (const el of svg.querySelectorAll(marks)) {
    const r = el.getBoundingClientRect(), style = getComputedStyle(el);
    if (style.display === 'none' || el.closest('[style*="display: none"]') || r.width === 0) continue;
    if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
      out.push(`${el.tagName}.${el.getAttribute('class')} ${el.textContent.slice(0, 30)} at ${r.left | 0}-${r.right | 0}`
               + ` of ${box.left | 0}-${box.right | 0}`);
    if (el.tagName === 'text' && parseFloat(style.fontSize) < minText) small.push(el.textContent.slice(0, 30));
  }
  return {id: fig.id, scrolls: fig.scrollWidth - fig.clientWidth, width: box.width, pageRight: box.right,
          viewport: window.innerWidth, out, small,
          undated: [...svg.querySelectorAll('g.report:not([data-date])')].length};
})"""


UNDATED = "001_a4029b8832b4861f.yml"  # a seed whose date is inferred (its text has none): the copy has no date


@pytest.fixture(scope="module")
def undated_site(tmp_path_factory: pytest.TempPathFactory):
    """The seed archive with one article's inferred date taken out, built and served on a free local port."""
    from generator.app.cli import main

    root = copy_archive(tmp_path_factory.mktemp("reflow") / "archive")
    annotation = root / "annotations" / "articles" / UNDATED
    annotation.write_text(re.sub(r"(?m)^date:.*\n", "", annotation.read_text("utf-8")), "utf-8")
    assert main(["build", "--root", str(root)]) == 0
    with served(root / "site") as url:
        yield url


@pytest.mark.parametrize("width", [390, 1280])
def test_charts_reflow_with_every_mark_inside_their_box(browser, undated_site: str, width: int):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    SCREENSHOTS.mkdir(exist_ok=True)
    undated = 0
    for name, path in PAGES.items():
        page.goto(undated_site + path)
        charts = page.evaluate(MEASURE, [MARKS, MIN_TEXT_PX])
        assert charts, f"{path}: no chart"
        for chart in charts:
            assert chart["scrolls"] <= 0, f"{path} {chart['id']} scrolls sideways by {chart['scrolls']} px at {width}"
            assert chart["pageRight"] <= chart["viewport"], f"{path} {chart['id']} runs past the screen at {width}"
            assert not chart["out"], f"{path} {chart['id']} at {width} px draws outside its box: {chart['out'][:5]}"
            assert not chart["small"], f"{path} {chart['id']} at {width} px has text under {MIN_TEXT_PX} px: " \
                                       f"{chart['small'][:5]}"
            undated += chart["undated"]
        page.locator("figure.chart").first.scroll_into_view_if_needed()
        page.screenshot(path=str(SCREENSHOTS / f"reflow-{name}-{width}.png"))
        for i, figure in enumerate(page.locator("figure.chart").all()):  # each chart whole, however long the page
            figure.screenshot(path=str(SCREENSHOTS / f"reflow-{name}-{width}-chart{i + 1}.png"))
    assert undated, "the seed's undated report is not drawn: the test would not see its dot"
    context.close()


# The date labels a chart shows (its time axis: labels placed in per cent of the width, not the value axis's
# at a pixel left of it), with their boxes on screen, and the span of the reports' dates.
DATE_LABELS = """() => [...document.querySelectorAll('figure.chart svg.chart-svg')].map(svg => {
  const shown = [...svg.querySelectorAll('text.axis')].filter(t => (t.getAttribute('x') || '').endsWith('%')
    && t.textContent !== 'undated' && getComputedStyle(t).display !== 'none');
  const days = [...svg.querySelectorAll('g.report[data-date]')].map(g => g.dataset.date).sort();
  return {boxes: shown.map(t => { const r = t.getBoundingClientRect(); return [r.left, r.right, t.textContent]; })
            .sort((a, b) => a[0] - b[0]),
          span: days.length ? (Date.parse(days[days.length - 1]) - Date.parse(days[0])) / 864e5 : 0};
})"""


@pytest.fixture(scope="module")
def synthetic_site(tmp_path_factory: pytest.TempPathFactory):
    """A synthetic archive of two years' reports (bench/synth.py), built and served on a free local port."""
    from generator.app.cli import main
    from tests.helpers import synth

    root = synth(tmp_path_factory.mktemp("reflow-synth") / "archive", n=120)
    assert main(["build", "--root", str(root)]) == 0
    with served(root / "site") as url:
        yield url, root


def test_a_phone_reads_three_to_five_dates_on_fact_charts_without_overlap(browser, synthetic_site):
    url, root = synthetic_site
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    checked = 0
    for fact_page in sorted((root / "site" / "facts").glob("*/index.html"))[:8]:
        if fact_page.parent.name == "coverage":
            continue
        page.goto(f"{url}/facts/{fact_page.parent.name}/")
        for chart in page.evaluate(DATE_LABELS):
            boxes = chart["boxes"]
            assert all(b[0] >= a[1] for a, b in zip(boxes, boxes[1:])), f"{fact_page.parent.name}: {boxes}"
            if chart["span"] >= 28:
                assert 3 <= len(boxes) <= 5, f"{fact_page.parent.name}: {[b[2] for b in boxes]}"
                checked += 1
    assert checked, "no fact chart of the synthetic archive spans weeks"
    page.screenshot(path=str(SCREENSHOTS / "reflow-synthetic-fact-390.png"))
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_timelines_last_month_is_named_at_the_right_edge(browser, undated_site: str, width: int):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(undated_site + "/timeline/")
    [chart] = page.evaluate(DATE_LABELS)
    names = [b[2] for b in chart["boxes"]]
    assert names[-1] == "Feb", names  # the seed's last month: one bar at the right edge
    assert all(b[0] >= a[1] for a, b in zip(chart["boxes"], chart["boxes"][1:])), chart["boxes"]
    context.close()
