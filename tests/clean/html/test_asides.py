"""A page whose article is short beside its widgets: when trafilatura takes the sidebar for the article,
readability's text, found outside the page's complementary regions, is taken instead."""

from __future__ import annotations

import pytest

from generator.clean.html import extract as extract_module
from generator.clean.html.extract import extract

POST = "Die Gemeinde hat am Montag beschlossen, den Park neben der Schule im Frühjahr neu zu bepflanzen."
ENTRY = "Der Verein meldet neue Termine für die Saison {} und lädt alle Mitglieder zur Versammlung ein."


def _page(wrapper: str) -> tuple[str, str]:
    """A page with one short post and a widget of entries; the entries' text, as an extractor would give it."""
    entries = [ENTRY.format(i) for i in range(8)]
    widget = "".join(f"<div class='entry'><p>{entry}</p></div>" for entry in entries)
    html = (f"<html><head><title>Park</title></head><body><div id='main'><div class='post'><h1>Park</h1>"
            f"<p>{POST}</p></div></div>{wrapper.format(widget)}</body></html>")
    return html, "\n".join(entries)


@pytest.mark.parametrize("wrapper", ["<aside>{}</aside>", "<div role='complementary'>{}</div>",
                                     "<div id='sidebar'>{}</div>", "<div class='col Sidebar'>{}</div>"])
def test_a_sidebar_taken_for_the_article_gives_way_to_the_post(monkeypatch, wrapper):
    html, widget_text = _page(wrapper)
    monkeypatch.setattr(extract_module, "_trafilatura", lambda page, recall=False: widget_text)
    page = extract(html)
    assert POST in page.text and ENTRY.format(3) not in page.text
    assert page.method == "readability"


def test_a_region_named_like_a_sidebar_but_wrapping_the_article_is_not_one(monkeypatch):
    """sidebar__main, content-sidebar-wrap: names that hold the word wrap the article on real pages."""
    html, widget_text = _page("<div class='sidebar__main content-sidebar-wrap'>{}</div>")
    monkeypatch.setattr(extract_module, "_trafilatura", lambda page, recall=False: widget_text)
    assert extract(html).method != "readability"


def test_an_article_outside_the_asides_is_left_to_trafilatura():
    html, _ = _page("<aside>{}</aside>")
    page = extract(html)
    assert POST in page.text and page.method == "trafilatura"
