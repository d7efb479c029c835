"""A line's shape: a menu of labels is not a sentence with links in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.clean.cleaner import clean_text
from generator.clean.lineshape import menu_items, printed_headline
from tests.clean.helpers import ARTICLE_END, ARTICLE_START


def test_links_inside_a_sentence_are_not_a_menu():
    text = (ARTICLE_START + "The prize went to\nAna Lima\nand\nBen Okafor\nafter a close vote in the old hall on Sunday."
            + ARTICLE_END)
    body = clean_text("x", Path("x.txt"), text).body
    assert "Ana Lima" in body and "Ben Okafor" in body


@pytest.mark.parametrize("line, items", [
    ("Home | World | Middle East | Sport | Weather", 5),
    ("News › World › Middle East", 3),
    ("Politics • Economy • Culture •", 3),
    ("Analysis | Truce talks resume in Cairo as the delegations return", 0),
    ("Gaza | Egypt | Hamas: what we know so far", 0),
    ("Talks | resumed.", 0),
    ("A | B", 0),
])
def test_a_line_of_labels_between_separators_is_a_menu(line, items):
    assert menu_items(line) == items


@pytest.mark.parametrize("title, printed", [
    ("Harbour bridge plan returns to the council - The Town Paper", "Harbour bridge plan returns to the council"),
    ("Streit um die Hafenbrücke geht weiter | Lokales | Stadtzeitung", "Streit um die Hafenbrücke geht weiter"),
    ("خطة جسر الميناء تعود إلى المجلس - صحيفة المدينة", "خطة جسر الميناء تعود إلى المجلس"),
])
def test_the_headline_printed_above_the_article_is_found_by_the_page_title(title: str, printed: str) -> None:
    lines = [title, "Home", "News", f"{printed} again", printed, "The council met on Tuesday."]
    assert printed_headline(lines) == 4
    assert printed_headline([title, "Home", "The council met on Tuesday."]) == 0
    assert printed_headline(["News - Site", "News"]) == 0  # too short to tell a headline from a section
