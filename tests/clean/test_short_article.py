"""A short article beside a long run of page furniture is kept, not lost: the run search keeps more, not less,
when the run it chose holds no sentence, or when the article's language is not the page's."""

from __future__ import annotations

from pathlib import Path

from generator.clean.cleaner import as_text, clean_text
from generator.clean.fallback import with_a_sentence
from generator.clean.linescore import SENTENCE_END

HEADLINE = "Ferry service resumes after the storm"
ARTICLE = ("The ferry between the two islands sailed again on Monday morning, three days after the storm had closed "
           "the harbour and left the pier without power.")
MENU = "\n\n".join(["Home", "News", "Sport", "Weather", "Contact"])


def test_a_short_article_beside_a_long_run_without_a_sentence_stays():
    errors = "\n\n".join(f"Notice in the module number {n} of the site: the value of the setting for the cache of "
                         f"the page is not one of the values that the server can use on line {n * 7}"
                         for n in range(40))
    menus = "\n\n".join([MENU] * 6)  # a sidebar: its lines cost more than the article earns, so no run joins both
    text = f"{MENU}\n\n{errors}\n\n{menus}\n\n{HEADLINE}\n\n{ARTICLE}\n\n{MENU}"
    article = clean_text("x", Path("x.txt"), text)
    assert ARTICLE in article.body
    again = clean_text("x", Path("x.txt"), as_text(article)[0])
    assert again.body == article.body


def test_a_paragraph_in_another_language_than_the_page_is_scored_as_prose():
    chrome = "\n\n".join([
        "Der Verein wurde im Jahr nach der Wende von einer Gruppe aus dem Dorf gegründet.",
        "Die Mitglieder treffen sich seit dem Winter in einem Raum über der alten Schule.",
        "Wer sich für die Arbeit des Vereins interessiert, ist zu jedem Treffen eingeladen.",
        "Die Beiträge werden von den Mitgliedern geschrieben und nicht von einer Redaktion.",
        "Das Archiv der Seite reicht bis in das erste Jahr nach der Gründung zurück.",
        "Die Fotos auf dieser Seite stammen aus dem Archiv und von den Mitgliedern selbst.",
        "Für die Inhalte der verlinkten Seiten sind allein deren Betreiber verantwortlich."])
    english = ("Its owners say they will open it to visitors this summer, once their builders finish repairing its "
               "roof, its wheel, both upper floors; nobody had lived there for years, but local people still call it "
               "by its old title, remember when it ground their grain.")  # none of its words a German stop word
    text = f"{MENU}\n\n{chrome}\n\n{MENU}\n\nDie alte Mühle\n\n{english}\n\n{MENU}"
    article = clean_text("x", Path("x.txt"), text)
    assert english in article.body


def test_a_run_with_a_sentence_is_left_alone_and_one_without_is_joined_to_the_best_run_with_one():
    lines = ["Menu", "A sentence that ends.", "Menu", "a label", "another label", "Footer"]
    values = [-4.0, 20.0, -4.0, 30.0, 30.0, -4.0]
    assert with_a_sentence(lines, values, SENTENCE_END, -1e6, 1, 2) == (1, 2)
    assert with_a_sentence(lines, values, SENTENCE_END, -1e6, 3, 5) == (1, 5)
    ended = [-4.0, 20.0, -1e6, 30.0, 30.0, -4.0]  # a line between that ends the article: never crossed
    assert with_a_sentence(lines, ended, SENTENCE_END, -1e6, 3, 5) == (3, 5)


def test_a_one_paragraph_article_under_its_headline_stays_beside_a_longer_form():
    form = "\n\n".join([
        "The password must be at least eight characters long and hold one number.",
        "The address given here is not one that the service knows of at this time.",
        "The account could not be made because the name is already taken by another.",
        "The link to set a new password has been sent to the address on the account.",
        "The form could not be sent because some of the fields were left empty here.",
        "The name shown on the site can be changed later in the settings of the account.",
        "The terms of use and the privacy policy apply to every account on the site.",
        "The code sent by text message has expired and a new one has been sent out.",
        "The session has ended after an hour without use and the page must be loaded again.",
        "The profile for children can only be made from an account that has been confirmed.",
        "The password and the address do not match any account that is known to the service.",
        "The settings have been saved and will apply the next time the page is opened again."])
    notices = "\n\n".join(["Saved!", "Rated!", "Rating removed!", "Added to the list!", "Removed from the list!",
                             "Code copied!", "Link copied!", "Thank you!", "Sent!"])  # a video player's messages
    menus = "\n\n".join([MENU] * 6)
    text = f"{HEADLINE} - Island News\n\n{MENU}\n\n{HEADLINE}\n\n{ARTICLE}\n\n{menus}\n\n{notices}\n\n{form}"
    article = clean_text("x", Path("x.txt"), text)
    assert ARTICLE in article.body
    assert clean_text("x", Path("x.txt"), as_text(article)[0]).body == article.body
