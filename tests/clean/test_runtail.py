"""The run of prose ends before the furniture printed under the article: many label lines among next to no prose."""

from __future__ import annotations

from pathlib import Path

from generator.clean.cleaner import clean_text
from generator.clean.runtail import without_furniture_tail
from tests.clean.helpers import ARTICLE_END, ARTICLE_START, LONG_ARTICLE

ARTICLE = ARTICLE_START + LONG_ARTICLE + ARTICLE_END.strip()


def test_a_sentence_under_a_share_bar_after_the_article_goes_with_it():
    tail = "\n\nShare on Facebook\n\nShare on Twitter\n\nShare by email\n\nThe office is open on weekdays from nine to five."
    article = clean_text("x", Path("x.txt"), ARTICLE + tail)
    assert article.body.endswith(ARTICLE_END.strip())
    again = clean_text("x", Path("x.txt"), article.title + "\n\n" + article.body)
    assert again.body == article.body


def test_a_last_section_under_its_heading_stays():
    tail = ("\n\nWhat comes next\n\nThe engineers will return to the old piers in March, and the council expects "
            "their second report before the summer, when the vote on the bridge is due.")
    article = clean_text("x", Path("x.txt"), ARTICLE + tail)
    assert article.body.endswith("when the vote on the bridge is due.")
    assert "What comes next" in article.body


def test_the_tail_is_labels_among_little_prose_and_never_a_table():
    values = [20.0] * 10 + [-1.0, -3.0, 2.0, -1.0, 1.0]
    labels = [v < 0 for v in values]
    assert without_furniture_tail(values, labels.__getitem__, lambda i: False, 0, 15) == 10
    assert without_furniture_tail(values, labels.__getitem__, lambda i: i == 12, 0, 15) == 15  # a table's cell
    assert without_furniture_tail(values[:13], labels.__getitem__, lambda i: False, 0, 13) == 13  # two labels
    prose_after = [30.0, 30.0, -1.0, -3.0, 5.0, -1.0, 1.0]  # a line after the labels holds too much to be a tail
    assert without_furniture_tail(prose_after, [v < 0 for v in prose_after].__getitem__, lambda i: False, 0, 7) == 7


def test_a_run_with_little_prose_keeps_its_labels():
    """Labels may be all such an article has (a results table, a gallery): keep more, not less."""
    values = [20.0, 20.0, -1.0, -3.0, 0.5, -1.0, 0.5]
    assert without_furniture_tail(values, [v < 0 for v in values].__getitem__, lambda i: False, 0, 7) == 7
    assert without_furniture_tail([40.0] + values, [v < 0 for v in [40.0] + values].__getitem__,
                                  lambda i: False, 0, 8) == 3
