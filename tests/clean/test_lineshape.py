"""A line's shape: a menu of labels is not a sentence with links in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.clean.cleaner import clean_text
from generator.clean.lineshape import menu_items
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
