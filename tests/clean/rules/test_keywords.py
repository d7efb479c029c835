"""The keyword prefilter answers as the regexes it stands in front of."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.clean.rules.phrases import ALL_KEYWORDS, KEYWORD_FINDER, RULE_KEYWORDS, phrase_rule
from tests.clean.helpers import every_rule_in_order
from tests.helpers import REPO


def test_keyword_prefilter_answers_as_the_rules_do():
    """phrase_rule skips a rule's regex when none of its keywords occurs; the answer must be the regexes' own,
    for the seeds' lines and for lines whose keywords only the regex's case folding finds (ſ, K, İ)."""
    lines = [line for path in sorted((REPO / "seeds").iterdir()) if path.suffix == ".txt"
             for line in path.read_text(encoding="utf-8").split("\n")]
    lines += ["We use cookies to improve your experience.", "WE USE COOKIES", "We uſe cookies", "ACCEPT COOKIES",
              "Join the conversation", "Comments are moderated before they appear.", "Sign up for our newsletter",
              "SIGN UP FOR OUR NEWSLETTER: it's free", "ſign up for our newſletter", "Click here to read",
              "Photo: Jane Doe/AP", "A picture by Getty Images", "Tous droits réservés", "ALL RIGHTS RESERVED 2024",
              "This site uses cookies", "Kommentare werden moderiert", "İMAGE: someone", "Use the promo code SAVE",
              "Our community guidelines apply", "ФОТО: Иван Петров", "Related post:", "Advert",
              "Plain sentence about the weather in a town.", ""]
    assert any(keywords for keywords in RULE_KEYWORDS)
    for line in lines:
        assert phrase_rule.__wrapped__(line) == every_rule_in_order(line), line


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ALL_KEYWORDS + ("x", " ", "é", "ß", "’")), max_size=8).map("".join))
def test_the_keyword_finder_finds_every_keyword_a_line_holds(folded):
    """The automaton that looks for every rule keyword at once finds what testing each in turn finds:
    keywords inside, overlapping and prefixing one another included."""
    assert {keyword for _, keyword in KEYWORD_FINDER.iter(folded)} == {k for k in ALL_KEYWORDS if k in folded}
