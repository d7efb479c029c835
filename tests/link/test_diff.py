"""What changed between two versions: paragraphs added, removed, edited, word by word."""

from __future__ import annotations

from generator.link.diff import block_changes, word_diff


def test_paragraphs_added_removed_and_edited_in_text_order():
    before = ["One two three four.", "A paragraph that goes away entirely.", "Five six seven eight."]
    after = ["One two three four.", "Five six SEVEN eight.", "A new closing paragraph about something else."]
    changes = block_changes(before, after)
    assert [(c.kind, c.before, c.after) for c in changes] == [
        ("removed", "A paragraph that goes away entirely.", ""),
        ("edited", "Five six seven eight.", "Five six SEVEN eight."),
        ("added", "", "A new closing paragraph about something else.")]
    assert changes[1].words == (("same", "Five six"), ("removed", "seven"), ("added", "SEVEN"), ("same", "eight."))


def test_unchanged_text_and_spacing_are_no_change():
    assert block_changes(["Same  words here."], ["Same words here."]) == ()


def test_word_diff_of_a_revised_figure():
    assert word_diff("At least 12 people died.", "At least 15 people died.") == (
        ("same", "At least"), ("removed", "12"), ("added", "15"), ("same", "people died."))
