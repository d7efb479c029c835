"""Charts in a real browser with JavaScript off: drawn, with their text alternatives, no request off the site,
and no sideways scrolling on a phone. Screenshots go to screenshots/ for a reader to look at."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.helpers import SCREENSHOTS

PAGES = {"timeline": "/timeline/", "fact": "/facts/idf-soldiers-killed-ground-offensive-dec-2023/",
         "coverage": "/facts/coverage/", "entity-charts": "/entities/ismail-haniyeh/"}


@pytest.mark.parametrize("width, scheme", [(1280, "light"), (390, "light")])  # the dark palette needs the script
def test_charts_render_without_javascript_and_stay_on_the_site(browser, site_url: str, width: int, scheme: str):
    context = browser.new_context(java_script_enabled=False, viewport={"width": width, "height": 900},
                                  color_scheme=scheme)
    hosts: set[str] = set()
    context.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    page = context.new_page()
    for name, path in PAGES.items():
        page.goto(site_url + path)
        charts = page.locator("figure.chart svg[role='img']")
        assert charts.count() >= 1, f"{path}: no chart"
        box = charts.first.bounding_box()
        assert box and box["width"] > 200 and box["height"] > 20, f"{path}: the chart is not drawn"
        assert page.locator("figure.chart svg title").first.text_content().strip()
        # The page's content (Material's header title, without its script, runs past a phone's width by itself).
        overflow = page.evaluate("document.querySelector('.md-main').scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} scrolls sideways at {width} px"
        SCREENSHOTS.mkdir(exist_ok=True)
        charts.first.scroll_into_view_if_needed()
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}-{scheme}.png"))
    assert hosts == {urlparse(site_url).netloc}, f"requests left the site: {hosts}"
    context.close()


def test_chart_text_keeps_its_contrast_in_dark_mode(browser, site_url: str):
    """WCAG AA for text (4.5:1) between the axis labels' computed fill and the page background."""
    context = browser.new_context(color_scheme="dark")  # Material's script applies the reader's dark palette
    page = context.new_page()
    page.goto(site_url + PAGES["fact"])
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    page.locator("figure.chart").first.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "fact-1280-dark.png"))
    ratio = page.evaluate("""() => {
      const rgb = s => s.match(/[\\d.]+/g).map(Number);
      const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= .03928 ? v / 12.92 : ((v + .055) / 1.055) ** 2.4; })
                                 .reduce((s, v, i) => s + v * [.2126, .7152, .0722][i], 0);
      const bgc = rgb(getComputedStyle(document.body).backgroundColor);
      const t = rgb(getComputedStyle(document.querySelector('figure.chart text.label')).fill);
      const alpha = t.length > 3 ? t[3] : 1;
      const mixed = [0, 1, 2].map(i => t[i] * alpha + bgc[i] * (1 - alpha));
      const [a, b] = [lum(mixed), lum(bgc)].sort((x, y) => y - x);
      return (a + .05) / (b + .05);
    }""")
    assert ratio >= 4.5, f"chart labels at {ratio:.2f}:1 against the dark background"
    context.close()
