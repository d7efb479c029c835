"""The versions of a captured article as a reader sees them, in a real browser (Playwright, Chromium): the
latest capture shown, the word-level diff of an edited paragraph, the note on a removed passage, the
revised figure on the fact page. Skipped, with the reason, where Playwright or Chromium is missing."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from generator.app.cli import main
from generator.ingest.urls import url_article_id
from tests.helpers import SCREENSHOTS
from tests.ingest.warcfiles import ARTICLE_ID, captured_archive, response
from tests.ingest.warcfiles import page as html_page

from generator.render.versions import figures_of, versions_section
from generator.link.diff import block_changes


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


LONG_URL = "https://www.example.org/reports/2024/05/01/statement-of-the-regional-civil-protection-office-on-the-flood.pdf"
LONG_ARTICLE = "https://www.example.org/news/" + "long-words-" * 12 + "report"


def write_long_words(path: Path) -> None:
    """Two captures of another article whose edited paragraph holds words longer than a phone is wide (a link
    pasted as text, as reports print them; a WARC file named as crawlers name them): the diff and the source line
    must wrap them, not widen the page."""
    from warcio.warcwriter import WARCWriter

    before = ("The office published its statement at " + LONG_URL + " on Tuesday evening, after the meeting.",
              "Residents of the lower town were told to leave their houses before the river rose again at night.")
    after = ("The office published its revised statement at " + LONG_URL.replace("flood", "flood-revised")
             + " on Wednesday morning, after the meeting.", before[1])
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        for date, paragraphs in (("2024-05-01T11:00:00Z", before), ("2024-05-02T11:00:00Z", after)):
            response(writer, LONG_ARTICLE, date, "200 OK", "text/html; charset=utf-8",
                     html_page("Statement on the flood", paragraphs))


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory):
    root = captured_archive(tmp_path_factory.mktemp("captured") / "archive")
    write_long_words(root / "seeds" / "crawl-of-regional-news-sites-2024-05-01-to-2024-05-02-browsertrix.warc")
    assert main(["build", "--root", str(root)]) == 0
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(Path(root) / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="module")
def page(browser):  # conftest's Chromium: skipped, with the reason, where it is missing
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    yield page
    page.close()


def test_the_article_shows_its_latest_capture_and_the_diff(page, site_url: str):
    page.goto(f"{site_url}/articles/{ARTICLE_ID}/")
    assert page.locator("h1").inner_text().strip("¶ \n") == "River flood kills 15 in Riverton"
    assert "At least 15 people" in page.locator("#p-2").inner_text()
    page.locator(".article-meta a", has_text="captured").click()
    assert page.url.endswith("#versions") and page.locator("#versions").is_visible()
    edited = page.locator("#version-2 ~ .version-changes li", has_text="Edited: At least").first
    assert edited.locator("del.diff-removed").inner_text() == "12"
    assert edited.locator("ins.diff-added").inner_text() == "15"
    # the diff is shown as marked words, not as Markdown or escaped tags
    assert "<del" not in edited.inner_text() and "\\" not in edited.inner_text()
    removed = page.locator(".version-changes li", has_text="Removed:").first.locator("del")
    assert removed.inner_text().startswith("The mayor blamed the dam operator")
    assert page.locator(".admonition.warning", has_text="Figure revised").is_visible()
    lost = page.locator(".lost-note")
    assert "Passage removed after 1 May 2024" in lost.inner_text() and "release log" in lost.inner_text()


def test_the_fact_page_lists_the_revision(page, site_url: str):
    page.goto(f"{site_url}/facts/flood-deaths/")
    assert page.locator("h2#revisions").is_visible()
    row = page.locator("tr", has_text="At least 12 people").first  # only the revision gives the old figure
    assert "At least 15 people" in row.inner_text() and "1 May 2024, 18:00 UTC" in row.inner_text()
    row.locator("a").first.click()
    page.wait_for_url(f"**/articles/{ARTICLE_ID}/#versions")


def test_a_diff_of_hostile_text_is_text_not_markup():
    from dataclasses import replace

    from tests.link.test_versions import captured_article

    article = captured_article()
    hostile = block_changes(["Safe words <script>alert(1)</script> and *stars*."],
                            ["Safe words <b>bold</b> and [link](javascript:x)."])
    versions = (article.versions[0], replace(article.versions[1], changes=hostile, title_before="<i>old</i>"))
    page = "\n".join(versions_section(replace(article, versions=versions, lost=())))
    assert "<script>" not in page and "<b>" not in page and "<i>" not in page and "](javascript" not in page
    assert "&lt;script&gt;" in page and "\\*stars\\*" in page


def test_figures_are_the_numbers_a_sentence_gives():
    assert figures_of("At least 12 people, and two dozen more, were hurt.") == ["12", "two dozen"]


@pytest.mark.parametrize("article", [ARTICLE_ID, url_article_id(LONG_ARTICLE)])
def test_the_versions_section_reads_on_a_phone_without_sideways_scrolling(browser, site_url: str, article: str):
    phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        phone.goto(f"{site_url}/articles/{article}/#versions")
        edited = phone.locator(".version-changes li", has_text="Edited:").first
        edited.scroll_into_view_if_needed()
        assert edited.is_visible() and edited.locator("del.diff-removed").count() and edited.locator("ins").count()
        assert phone.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1, \
            "the page scrolls sideways on a phone"
        # every line of the section inside the screen: nothing cut off at the right, to be scrolled to
        widest = phone.evaluate("""() => {
            const section = [...document.querySelectorAll('#versions ~ *')];
            return Math.max(...section.flatMap(e => [e, ...e.querySelectorAll('*')])
                .map(e => e.getBoundingClientRect().right));
        }""")
        assert widest <= phone.evaluate("window.innerWidth") + 1, f"the versions section reaches x={widest}"
        size = float(edited.evaluate("e => getComputedStyle(e).fontSize").removesuffix("px"))
        assert size >= 12, f"the diff is set in {size}px type"
        for mark in (edited.locator("del.diff-removed").first, edited.locator("ins.diff-added").first):
            colours = mark.evaluate("e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")
            assert colours[1] not in ("rgba(0, 0, 0, 0)", "transparent") and colours[0] != colours[1]
    finally:
        phone.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_the_fact_pages_tables_are_tables_on_a_wide_screen_and_cards_on_a_phone(browser, site_url: str, width: int,
                                                                                scheme: str):
    phone = width < 600
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme, is_mobile=phone,
                                  has_touch=phone)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/facts/flood-deaths/")
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"versions-fact-{width}-{scheme}.png"), full_page=True)
        for table in (".revisions-table", ".reports-table"):
            row = page.locator(f"{table} tbody tr").first
            assert row.is_visible()
            display = row.evaluate("e => getComputedStyle(e).display")
            # no scrolling inside the table's own box: everything of it is in view
            wrap = page.locator(f"{table} .md-typeset__scrollwrap")
            assert wrap.evaluate("e => e.scrollWidth - e.clientWidth") <= 1, f"{table} scrolls sideways at {width} px"
            if not phone:
                assert display == "table-row", f"{table} is no table at {width} px"
                continue
            assert display == "block", f"{table} keeps its columns at {width} px"
            cells = row.locator("td")
            for i in range(cells.count()):  # each cell under its column's name
                label = cells.nth(i).evaluate("e => getComputedStyle(e, '::before').content")
                header = page.locator(f"{table} thead th").nth(i).inner_text().strip()
                assert label.strip('"').casefold() == header.casefold(), (table, i, label, header)
                box = cells.nth(i).bounding_box()
                assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
    finally:
        context.close()
