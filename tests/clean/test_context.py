"""What the archive's other articles say about a line: shared short lines are the event's, not furniture."""

from __future__ import annotations

from pathlib import Path

from generator.clean.cleaner import clean_text
from generator.clean.context import archive_context
from tests.clean.helpers import ARTICLE_END, ARTICLE_START


def test_short_lines_that_articles_about_one_event_share_stay():
    """Articles about one event share short lines that are theirs (a subheading, a quoted slogan on its own
    line): built together, each keeps them. Repetition across the archive is evidence in the run search,
    not a verdict: a rule that removed every short line two articles share took these out of both."""
    middle = "\n\nWhat happens next\n\nThe engineers will report in March, and the council will read the report.\n\n"
    shared = "“Build it once, build it well”\n\n"
    texts = {
        "a": ARTICLE_START + shared + "The slogan was printed on every poster." + middle + ARTICLE_END,
        "b": ("Council vote on harbour bridge set for spring\n\nCouncillors expect a close vote on the harbour "
              "bridge when they meet next month to hear the engineers.\n\n" + shared
              + "Campaigners have chanted it outside the town hall since May." + middle + ARTICLE_END),
    }
    context = archive_context(texts.values())
    assert context.repeated_lines, "the two articles share short lines"
    for name, text in texts.items():
        body = clean_text(name, Path(f"{name}.txt"), text, context).body
        assert "What happens next" in body and "Build it once, build it well" in body, name
