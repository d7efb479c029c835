"""The page frame a reader sees, in a real browser over the built seed site: the left column is either hidden
or holds something on every page kind, no page scrolls sideways on a phone, and on a phone an article's
notes fold to their title line and open and close from it; the home page leads with the figures that disagree
and the latest articles, and an article's box badges the facts whose figures disagree, in both palettes.
Screenshots of each page kind at both widths go to screenshots/ (reader-<kind>-<width>[-<scheme>].png) for a
reader to look at."""

from __future__ import annotations

import pytest

from tests.helpers import SCREENSHOTS

PAGES = {"home": "/", "article": "/articles/000-0d653554ecbc9289/", "entity": "/entities/ismail-haniyeh/",
         "entity-rare": "/entities/aden/", "fact": "/facts/idf-soldiers-killed-ground-offensive-dec-2023/",
         "facts": "/facts/", "coverage": "/facts/coverage/", "articles": "/articles/", "entities": "/entities/",
         "timeline": "/timeline/", "month": "/timeline/2023-12/", "outlets": "/outlets/", "tags": "/tags/",
         "tag": "/tags/hostages/", "data": "/data/", "contributing": "/contributing/"}
PROSE = ("home", "data", "contributing")  # hand-written pages: the archive's box in the column (render/home.py)

# What the left column shows at desktop width: hidden, or text of its own, or the page's "at a glance" box
# placed over it (render/aside.py). Returned as [state, text] for the assertion message.
SIDEBAR = """() => {
  const bar = document.querySelector('.md-sidebar--primary');
  if (!bar || bar.hidden || getComputedStyle(bar).display === 'none') return ['hidden', ''];
  const own = bar.innerText.trim();
  if (own) return ['own', own];
  const box = document.querySelector('.page-aside');
  if (!box) return ['empty', ''];
  const b = box.getBoundingClientRect(), s = bar.getBoundingClientRect();
  const over = b.width > 0 && b.height > 0 && b.left >= s.left - 1 && b.right <= s.right + 1;
  return [over ? 'aside' : 'empty', box.innerText.trim()];
}"""


@pytest.fixture(scope="module")
def desktop(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("kind", list(PAGES))
def test_the_left_column_is_hidden_or_holds_something(desktop, site_url: str, kind: str):
    desktop.goto(site_url + PAGES[kind])
    state, text = desktop.evaluate(SIDEBAR)
    SCREENSHOTS.mkdir(exist_ok=True)
    desktop.screenshot(path=str(SCREENSHOTS / f"reader-{kind}-1280.png"))
    assert state in ("hidden", "own", "aside"), f"{PAGES[kind]}: the left column is there and empty"
    if kind in ("article", "entity", "entity-rare", *PROSE):  # prose pages keep the column, for their box
        assert state == "aside" and len(text) > 20, f"{PAGES[kind]}: no 'at a glance' box in the column"
    if kind in PROSE:  # the box is the archive's sections, each a link, and not the page's own name
        assert desktop.locator(".page-aside a[href*='facts/']").count() and "disagree" in text, text


def test_the_article_box_links_what_the_page_is_about(desktop, site_url: str):
    desktop.goto(site_url + PAGES["article"])
    box = desktop.locator(".page-aside")
    hrefs = [a.get_attribute("href") for a in box.locator("a").all()]
    assert any("/entities/" in h for h in hrefs) and any("/facts/" in h for h in hrefs), hrefs
    assert any("/timeline/" in h for h in hrefs), "the date links its month"
    assert any("/articles/" in h for h in hrefs), "previous / next by date"
    # it takes no width from the text: the first paragraph starts right of it
    text_left = desktop.evaluate("document.querySelector('#p-1').getBoundingClientRect().left")
    assert box.bounding_box()["x"] + box.bounding_box()["width"] < text_left


@pytest.mark.parametrize("kind", list(PAGES))
def test_no_page_scrolls_sideways_on_a_phone(phone, site_url: str, kind: str):
    phone.goto(site_url + PAGES[kind])
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    phone.screenshot(path=str(SCREENSHOTS / f"reader-{kind}-390.png"))
    assert overflow <= 1, f"{PAGES[kind]} scrolls sideways by {overflow} px at 390 px"
    assert not phone.locator(".page-aside").is_visible(), "the box is for wide screens only"


# Every box of the content that scrolls sideways by itself (Material wraps each table in one): [selector, px].
SCROLLING_BOXES = """() => [...document.querySelectorAll('.md-content *')]
  .filter(e => e.scrollWidth - e.clientWidth > 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
  .map(e => [e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + ' in ' +
             (e.closest('[class*=table]') || e.parentElement).className, e.scrollWidth - e.clientWidth])"""


@pytest.mark.parametrize("kind", list(PAGES))
def test_nothing_on_a_page_scrolls_sideways_on_a_phone(phone, site_url: str, kind: str):
    # A table that scrolls in its own box hides its right-hand columns as surely as a page that scrolls.
    phone.goto(site_url + PAGES[kind])
    assert phone.evaluate(SCROLLING_BOXES) == [], f"{PAGES[kind]} at 390 px"


def test_notes_fold_on_a_phone_and_open_from_their_title(phone, site_url: str):
    phone.goto(site_url + PAGES["article"])
    notes = phone.locator(".annotation-note")
    assert notes.count() >= 2
    body = phone.locator("#note-1 > p:not(.admonition-title)").first
    assert phone.locator("#note-1 .admonition-title").is_visible() and not body.is_visible()
    folded = notes.nth(1).bounding_box()["height"]
    phone.locator("#note-1 a.note-open").click()
    phone.wait_for_function("location.hash === '#note-1'")
    assert body.is_visible()
    phone.screenshot(path=str(SCREENSHOTS / "reader-note-open-390.png"))
    phone.locator("#note-1 a.note-close").click()
    phone.wait_for_function("location.hash.startsWith('#p-')")
    assert not body.is_visible()
    phone.locator("sup.note-ref a").nth(1).click()  # the note's number in the text opens it too
    phone.wait_for_function("location.hash === '#note-2'")
    assert notes.nth(1).bounding_box()["height"] > folded
    assert phone.locator("#note-2 > p:not(.admonition-title)").first.is_visible()


def test_notes_stay_open_on_a_wide_screen(desktop, site_url: str):
    desktop.goto(site_url + PAGES["article"])
    assert desktop.locator("#note-1 > p:not(.admonition-title)").first.is_visible()
    assert not desktop.locator("#note-1 a.note-open").is_visible()


def _contrast(page, selector: str) -> float:
    """WCAG contrast of an element's text against its own background (both from the computed style)."""
    return page.evaluate("""(selector) => {
      const e = document.querySelector(selector), s = getComputedStyle(e);
      const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
      const lum = ([r, g, b]) => [r, g, b].map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92
          : Math.pow((v + 0.055) / 1.055, 2.4)).reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
      const [a, b] = [lum(rgb(s.color)), lum(rgb(s.backgroundColor))].sort((x, y) => y - x);
      return (a + 0.05) / (b + 0.05);
    }""", selector)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_article_box_badges_the_facts_whose_figures_disagree(browser, site_url: str, scheme: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(site_url + PAGES["article"])
        badges = page.locator(".page-aside .aside-badge")
        assert badges.count() >= 1
        for i in range(badges.count()):  # a word, and in full for a screen reader: not a colour alone
            assert badges.nth(i).is_visible() and badges.nth(i).inner_text().startswith("disagree")
            assert "figures for this fact disagree" in badges.nth(i).text_content()
        # the badged facts are those whose fact page says the figures disagree
        href = badges.first.locator("xpath=preceding-sibling::a").evaluate("a => a.href")  # resolved
        assert _contrast(page, ".page-aside .aside-badge") >= 4.5
        page.screenshot(path=str(SCREENSHOTS / f"reader-article-1280-{scheme}.png"))
        page.goto(href)
        assert page.locator(".admonition.warning", has_text="The figures disagree").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_the_home_page_leads_with_the_disagreements_and_the_latest(browser, site_url: str, width: int, scheme: str):
    phone = width < 600
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme,
                                  is_mobile=phone, has_touch=phone)
    try:
        page = context.new_page()
        page.goto(site_url + "/")
        clashes = page.locator("#disagreements ~ ul").first.locator("a[href*='facts/']")
        latest = page.locator("#latest ~ ul").first.locator("a[href*='articles/']")
        assert clashes.count() >= 1 and latest.count() >= 1
        assert " vs " in page.locator("#disagreements ~ ul").first.inner_text()
        page.screenshot(path=str(SCREENSHOTS / f"reader-home-{width}-{scheme}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
        latest.first.click()
        page.wait_for_load_state()
        assert "/articles/" in page.url and page.locator("h1").count() == 1
    finally:
        context.close()
