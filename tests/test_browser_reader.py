"""The page frame a reader sees, in a real browser over the built seed site: the left column is either hidden
or holds something on every page kind, no page scrolls sideways on a phone, and on a phone an article's
notes fold to their title line and open and close from it. Screenshots of each page kind at both widths go
to screenshots/ (reader-<kind>-<width>.png) for a reader to look at."""

from __future__ import annotations

import pytest

from tests.helpers import SCREENSHOTS

PAGES = {"home": "/", "article": "/articles/000-0d653554ecbc9289/", "entity": "/entities/ismail-haniyeh/",
         "entity-rare": "/entities/aden/", "fact": "/facts/idf-soldiers-killed-ground-offensive-dec-2023/",
         "facts": "/facts/", "coverage": "/facts/coverage/", "articles": "/articles/", "entities": "/entities/",
         "timeline": "/timeline/", "month": "/timeline/2023-12/", "outlets": "/outlets/", "tags": "/tags/",
         "tag": "/tags/hostages/", "data": "/data/"}

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
    if kind in ("article", "entity", "entity-rare"):  # prose pages keep the column, for their box
        assert state == "aside" and len(text) > 20, f"{PAGES[kind]}: no 'at a glance' box in the column"


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
