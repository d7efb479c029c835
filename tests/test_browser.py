"""The reader's side in a real browser: Playwright driving Debian's Chromium over the built seed site.

Skipped, with the reason printed, where Playwright or Chromium is missing (`make test` installs both
where it can).
"""

from __future__ import annotations


from tests.helpers import SCREENSHOTS

import pytest

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)


def follow_first_mention(page, name: str) -> None:
    """On an entity page: follow the first mention to the article and check the paragraph names the entity."""
    link = page.locator("article li a", has_text="¶").first
    href = link.get_attribute("href")
    assert href and "#p-" in href
    link.click()
    page.wait_for_url("**/articles/**")
    anchor = href.rsplit("#", 1)[1]
    assert page.url.endswith("#" + anchor)
    paragraph = page.locator(f"[id='{anchor}']")
    assert name.split()[-1] in paragraph.inner_text()


def search_for(page, query: str, href_part: str):
    """Type into Material's search box and return the first result linking to href_part."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    search = page.locator("input.md-search__input")
    result = page.locator(f".md-search-result__link[href*='{href_part}']").first
    for _ in range(5):  # the search worker loads its index in the background: type again until it answers
        search.fill("")
        search.press_sequentially(query, delay=30)
        try:
            result.wait_for(timeout=3000)
            return result
        except sync_api.TimeoutError:
            continue
    raise AssertionError(f"searching {query!r} found no result linking to {href_part}")


def test_search_entity_mention_paragraph(browser, site_url: str):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + "/")
    shot(page, "home")
    search_for(page, "Gallant", "entities/yoav-gallant").click()
    page.wait_for_url("**/entities/yoav-gallant/**")
    assert page.locator("h1").inner_text().strip("¶ \n") == "Yoav Gallant"
    shot(page, "entity")
    follow_first_mention(page, "Yoav Gallant")
    shot(page, "article")


def test_fact_page_flags_the_discrepancy(browser, site_url: str):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + "/facts/idf-soldiers-killed-ground-offensive-dec-2023/")
    warning = page.locator(".admonition.warning")
    assert warning.is_visible() and "disagree" in warning.inner_text()
    figures = page.locator("table td strong").all_inner_texts()
    assert "131" in figures and "132" in figures
    shot(page, "fact")


def test_related_coverage_links_the_wire_rewrites(browser, site_url: str):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + "/articles/001-a4029b8832b4861f/")
    assert page.locator("#related-coverage").is_visible()
    page.locator(".also-reported a").first.click()
    page.wait_for_url("**/articles/003-17731d425c702cf2/**")
    assert "001-a4029b8832b4861f" in page.locator(".also-reported a").first.get_attribute("href")


def test_entity_check_on_a_phone(browser, site_url: str):
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page.goto(site_url + "/entities/ismail-haniyeh/")
    assert page.locator("h1").inner_text().strip("¶ \n") == "Ismail Haniyeh"
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, "the page scrolls sideways on a phone"
    shot(page, "entity-phone")
    follow_first_mention(page, "Ismail Haniyeh")


def test_search_finds_articles_and_facts(browser, site_url: str):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + "/")
    assert search_for(page, "soldiers", "facts/idf-soldiers-killed-ground-offensive-dec-2023")
    page.goto(site_url + "/")
    assert search_for(page, "ICARO", "articles/001-a4029b8832b4861f")


def test_entity_index_sorts_by_mentions(browser, site_url: str):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + "/entities/")
    table = page.locator("table").first
    table.locator("th", has_text="Mentions").click()
    table.locator("th", has_text="Mentions").click()  # second click: most mentioned first
    counts = [int(c) for c in table.locator("tbody tr td:nth-child(2)").all_inner_texts()]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]
    assert table.locator("tbody tr td:first-child").first.inner_text() == "Ismail Haniyeh"
