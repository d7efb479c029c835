"""Annotations carried to a later capture: a quote whose surroundings the later capture edited is carried to
its passage there (not lost), as anchoring finds a quote whose context drifted."""

from __future__ import annotations

from pathlib import Path

from generator.pipeline import load_archive
from tests.ingest.warcfiles import ARTICLE_ID, captured_archive

ANNOTATION = """version: "2024-05-01T10:00:00Z"
notes:
  - quote: "people were killed in the flood"
    note: The toll rose later.
  - quote: "Rescue teams worked through the night"
    note: Boats came from three neighbouring towns.
"""


def test_a_quote_whose_context_a_later_capture_edited_is_carried_not_lost(tmp_path: Path):
    # The first capture says "At least 12 people were killed", the shown one "At least 15": the words just
    # before the quote changed, the quote did not.
    root = captured_archive(tmp_path / "archive")
    (root / "annotations" / "articles" / f"{ARTICLE_ID}.yml").write_text(ANNOTATION, encoding="utf-8")
    archive, problems = load_archive(root, clean_cache=False)
    article = next(a for a in archive.articles if a.id == ARTICLE_ID)
    assert not article.lost, article.lost
    texts = {note.note.text: article.blocks[note.span.block].text[note.span.start:note.span.end]
             for note in article.notes}
    assert texts == {"The toll rose later.": "people were killed in the flood",
                     "Boats came from three neighbouring towns.": "Rescue teams worked through the night"}
    assert "At least 15 people were killed" in article.blocks[next(
        n.span.block for n in article.notes if n.note.text == "The toll rose later.")].text
    assert not [p for p in problems if p.loc.path.endswith(f"{ARTICLE_ID}.yml")], problems
