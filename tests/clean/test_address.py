"""Lines that speak to the reader (clean/address.py) count for less in the run-of-prose search: a page whose
login help, cookie notice and newsletter pitches add up to far more sentences than its short article keeps the
article (with the pitches beside it: keep more, not less) instead of losing it; and the signal is grammar of
several languages, right-to-left scripts too."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.clean import address, linescore
from generator.clean.address import addresses_reader
from generator.clean.cleaner import clean_text
from tests.clean.helpers import PROSE

# page furniture written for this test: every line addresses the reader, as a login box, a cookie notice and a
# newsletter or donation pitch do
APPEALS = [
    "If you already have an account with us, you can log in here with your e-mail address and your password.",
    "If you have forgotten your password, you can ask for a new one and we will send it to your address.",
    "We use cookies so that you get the best experience on our website, and you can change your settings "
    "at any time on the page about your privacy.",
    "Sign up for our newsletter and you will receive the most important stories of the day in your inbox "
    "every morning, and you can cancel it whenever you like.",
    "If you like what you read here, you can support our work with a small donation, and you help us to "
    "keep our reporting free for all of our readers.",
    "Do you have a tip for our reporters? You can send it to us at any time, and you can stay anonymous if "
    "you want to.",
    "You can follow us on every network you use, and you will never miss a story that matters to you.",
    "Please check your e-mail address: it must contain an @ and the name of a domain that you can receive "
    "mail at.",
    "You have read five of your free articles this month, and you can read all of them if you subscribe to "
    "our digital edition today.",
    "If you are already a subscriber, you can link your account to your print subscription in your settings "
    "and you will see every story.",
    "When you comment, please keep to our rules: you are responsible for what you write, and we may remove "
    "your comment if you break them.",
    "Your browser is out of date: if you update it, you will see this website as it is meant to be seen and "
    "your visit will be safer.",
]
MENU = ["Home", "World", "Politics", "Business", "Sport", "Login", "Register"]
ARTICLE = PROSE.strip().split("\n")[:2]  # a short article: the appeals hold far more words than it does


def page() -> list[str]:
    return ["Talks on a pause in the fighting resume", *MENU, *ARTICLE, *MENU, *MENU[::-1], *APPEALS, *MENU]


def article_kept(lines: list[str]) -> bool:
    run = linescore.find_main_run(lines)
    return all(line in lines[run.start:run.end] for line in ARTICLE)


def test_a_page_of_appeals_does_not_outscore_a_short_article() -> None:
    assert article_kept(page())
    body = clean_text("t", Path("t.txt"), "\n\n".join(page())).body
    assert all(line in body for line in ARTICLE)


def test_without_the_signal_the_appeals_would_win(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test above holds because of the signal: scored as plain prose, the appeals take the article's place
    (the whole article lost, the failure this guards against)."""
    linescore._scored.cache_clear()
    monkeypatch.setattr(address, "ADDRESS_WEIGHT", 1.0)
    try:
        assert not article_kept(page())
    finally:
        linescore._scored.cache_clear()


@pytest.mark.parametrize("line, language, addressed", [
    ("If you are already a subscriber, you can log in.", "en", True),
    ("If you’re already a subscriber, log in here.", "en", True),
    ("“You cannot build it there,” the minister told the council.", "en", False),  # a quotation
    ("The minister said the cost of the bridge was too high.", "en", False),
    ("Hier können Sie sich für den Newsletter anmelden.", "de", True),  # formal "Sie" inside the sentence
    ("Sie sagte, dass ihnen niemand geholfen habe.", "de", False),  # "Sie" opening it is "she"
    ("Melde dich an und verpasse keine Nachricht.", "de", True),
    ("Abonnez-vous et recevez vos articles chaque matin.", "fr", True),
    ("אם אתה מנוי, תוכל להתחבר כאן.", "he", True),  # right to left
    ("הממשלה אישרה את התוכנית ביום שלישי.", "he", False),
    ("إذا كنت مشتركا يمكنك تسجيل الدخول هنا لكم.", "ar", True),
    ("you you you", None, False),  # a page of no known language: no signal
])
def test_addresses_reader(line: str, language: str | None, addressed: bool) -> None:
    assert addresses_reader(line, language) is addressed
