"""A sentence that links broke into lines is prose, not a menu: its linked words stay, and it is one line again."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.clean.cleaner import clean_text
from generator.clean.context import Line
from generator.clean.lineshape import is_sentence_fragment, split_sentence_blocks
from generator.clean.rules.splits import remove_navigation_runs
from tests.clean.helpers import ARTICLE_END, ARTICLE_START, LONG_ARTICLE

# Every noun linked, one link a line, no blank line inside the paragraph, in a text whose blank lines part its
# paragraphs (LONG_ARTICLE: a text with few blank lines tells nothing by them).
LINKED = {
    "de": ("Am Montagmorgen meldete die\nFeuerwehr Nordstadt\nan der\nB12\nbei\nHafenberg\neinen großen\nBrand\n"
           "in einer Lagerhalle. Verletzt wurde dabei niemand.",
           "Am Montagmorgen meldete die Feuerwehr Nordstadt an der B12 bei Hafenberg einen großen Brand in einer "
           "Lagerhalle. Verletzt wurde dabei niemand."),
    "en": ("The storm closed the\nCoast Road\nnear\nMillbrook\nand the\nNorth Ferry\nfor two days\n"
           ", the harbour office said on Friday.",
           "The storm closed the Coast Road near Millbrook and the North Ferry for two days, the harbour office "
           "said on Friday."),
}


@pytest.mark.parametrize("language", sorted(LINKED))
def test_a_sentence_broken_by_links_is_kept_whole_and_cleaning_it_again_changes_nothing(language):
    broken, whole = LINKED[language]
    article = clean_text("x", Path("x.txt"), ARTICLE_START + broken + "\n\n" + LONG_ARTICLE + ARTICLE_END)
    assert whole in article.body.split("\n\n")
    again = clean_text("x", Path("x.txt"), article.title + "\n\n" + article.body)
    assert again.body == article.body


def test_a_menu_printed_without_blank_lines_is_still_a_menu():
    menu = "Home\nWorld\nSport\nCulture\nWeather"
    article = clean_text("x", Path("x.txt"), ARTICLE_START + menu + "\n\n" + LONG_ARTICLE + ARTICLE_END)
    assert "Sport" not in article.body
    assert any(r.rule == "navigation" and r.text == "Sport" for r in article.removals)


@pytest.mark.parametrize("lines, expected", [
    (["The storm closed the", "Coast Road", "near", "Millbrook", ", the office said."], [True] * 5),
    (["home", "about us", "contact", "imprint"], [False] * 4),  # lower case, but no sentence ends
    (["Home", "World", "Sport", "The end of it."], [False] * 4),  # no line goes on with the one before
    (["The storm closed the", "Coast Road", "near", "Millbrook", ", the office said."], [False] * 5),
])
def test_split_sentence_blocks(lines, expected):
    blocks = [False] + [True] * (len(lines) - 1)
    if expected == [False] * 5:  # the same lines, each its own block: nothing ties them into one sentence
        blocks = [False] * len(lines)
    assert split_sentence_blocks(lines, blocks) == expected


def _navigation(texts: list[str]) -> list[str]:
    """The lines remove_navigation_runs takes for a menu, in a text that tells nothing by its blank lines."""
    lines = [Line(number, text) for number, text in enumerate(texts, start=1)]
    remove_navigation_runs(lines)
    return [line.text for line in lines if line.removed_by == "navigation"]


def test_linked_words_after_a_piece_that_stops_on_a_little_word_are_no_menu():
    # one sentence of a town guide, every place name linked; "seit der" and "und dem" end no label
    pieces = ["Nordhafen", "liegt seit der", "Gründung", "des", "Marktplatz", "und dem", "Bahnhof"]
    assert _navigation(pieces) == []


def test_a_menu_whose_entry_is_a_web_address_is_still_a_menu():
    # "com" is a little word in Portuguese ("with"), but the last word of "Visit example.com" is the address
    menu = ["Home", "World news", "Visit example.com", "Contact"]
    assert _navigation(menu) == menu


@pytest.mark.parametrize("text, fragment", [
    (", dem", True), (". Sie zählt heute", True), ("and the", True), ("und", True),
    (".NET", False),  # a menu entry that starts with a full stop, with no space after it
    ("Altstadt", False), ("World news", False),
])
def test_is_sentence_fragment(text, fragment):
    assert is_sentence_fragment(text) is fragment


def test_linked_words_between_pieces_that_start_after_a_full_stop_are_no_menu():
    pieces = ["Altstadt", "Rathaus", ". Sie zählt heute", "viele Besucher", "Hafenberg", ". Damals"]
    assert _navigation(pieces) == []
