"""Metadata lifted out of the text: bylines, headlines printed again, date lines under a menu."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.clean.cleaner import clean_text
from tests.clean.helpers import ARTICLE_END, ARTICLE_START, PROSE


def test_byline_split_after_its_by_is_lifted():
    """ "By" alone on a line (the author's name was a link), the name on the next: one byline, both lines go."""
    text = ("Council approves new budget after long debate\n\nBy\nJane Doe | Example News\n\nThe city council "
            "approved the budget on Tuesday, after a debate that lasted into the night.\n\nThe vote was 7 to 4, "
            "and the mayor said she would sign it this week.")
    article = clean_text("x", Path("x.txt"), text)
    assert article.byline == "Jane Doe | Example News"
    assert article.body.startswith("The city council approved")
    assert "By" not in article.body.split()


def test_the_first_paragraph_stays_when_the_byline_closes_the_article():
    text = (ARTICLE_START + "The engineers will report in March." + ARTICLE_END + "\n\nBy Jane Example")
    body = clean_text("x", Path("x.txt"), text).body
    assert body.startswith("The city council met again") and "The mayor said" in body


def test_the_headline_of_the_page_title_goes_where_it_is_printed_again():
    """Text from a page opens with its title, "Headline - Site"; the headline alone, printed again further
    down among the article's lines, is not text."""
    text = ("Harbour bridge plan returns to the council - Example Weekly\n\nMenu\nHome\nNews\nSport\n\n"
            "The city council met again on Tuesday to discuss the harbour bridge, which has been delayed for years.\n\n"
            "Harbour bridge plan returns to the council\n\nThe engineers will report in March, and the council will "
            "read the report before the vote.\n\nExample Weekly" + ARTICLE_END)
    body = clean_text("x", Path("x.txt"), text).body
    assert "Harbour bridge plan" not in body
    assert "The city council met again" in body and "The engineers will report" in body and "The mayor said" in body


@pytest.mark.parametrize("date_text", [
    "December 21, 2023", "Dec. 21, 2023", "21 December 2023", "2023-12-21", "Published 5:12 PM EST, Thu December 21, 2023",
    "21 décembre 2023", "Publié le 21 décembre 2023 à 17h12 - Mis à jour le 22 décembre 2023 à 18h30",
    "Donnerstag, 21. Dezember 2023, 17:12 Uhr", "21.12.2023", "jueves, 21 de diciembre de 2023",
    "quinta-feira, 21 de dezembro de 2023 às 20:13", "giovedì 21 dicembre 2023 - 17:12", "21 december 2023 om 17:12",
    "Published December 21, 2023, updated December 22, 2023", "12/21/2023 11:04 PM EST",
    "Veröffentlicht am 21.12.2023, 10:15 Uhr, aktualisiert 11:02 Uhr",
])
def test_headline_outlet_byline_and_date_lines_are_lifted_under_a_menu(date_text):
    """A menu printed as one line of labels between separators is a menu, not the headline; the outlet,
    byline and date lines under the headline are metadata, not three menu entries in a row."""
    text = ("Skip to main content\nHome | World | Middle East | Sport | Weather\n"
            "Egypt Hosts New Round of Truce Talks\nDesert Courier\nBy Amira Saleh\n" + date_text + "\n" + PROSE)
    article = clean_text("x", Path("x.txt"), text)
    assert article.title == "Egypt Hosts New Round of Truce Talks"
    assert (article.date, article.byline, article.outlet) == (date(2023, 12, 21), "Amira Saleh", "Desert Courier")
    assert article.body.startswith("Egyptian officials hosted")
    menu = next(r for r in article.removals if r.text.startswith("Home |"))
    assert menu.rule == "navigation"
