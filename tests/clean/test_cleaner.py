"""The cleaner on each seed and on whole texts: what must go is gone, what must stay stays."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.clean.cleaner import clean, clean_text
from generator.clean.context import archive_context
from generator.core.model import CleaningOverrides
from generator.ingest.read import read_sources
from tests.clean.helpers import ARTICLE_END, ARTICLE_START, LONG_ARTICLE
from tests.helpers import REPO


@pytest.fixture(scope="module")
def seeds():
    documents, problems = read_sources(REPO)
    assert not problems
    context = archive_context(d.text for d in documents)
    return {d.article_id[:3]: clean(d, context) for d in documents}


@pytest.mark.parametrize("seed, gone", [
    ("004", ["Skip to content", "Generic selectors", "Exact matches only", "Search in title", "Search in content",
             "Post Type Selectors", "Photo Source", "Comments (0)", "February 1, 2024"]),
    ("000", ["Read more:", "Twelve People Are Still Missing"]),
    ("001", ["ICARO Media Group"]),
    ("003", ["date 2023-12-20", "DEIR AL-BALAH"]),
])
def test_boilerplate_is_gone(seeds, seed, gone):
    body = seeds[seed].body
    for text in gone:
        assert text not in body, f"{text!r} survived in seed {seed}"


@pytest.mark.parametrize("seed, kept", [
    ("004", ["Ismail Haniyeh, the Chief of Hamas’s Political Bureau", "freezing funding for the agency."]),
    ("000", ["Ismail Haniyeh, the head of Hamas’ political office", "A number of carriers are rerouting around Africa.",
             "Street conflict"]),
    ("001", ["Hamas' top leader, Ismail Haniyeh", "to offer diplomatic and military assistance during the offensive."]),
    ("003", ["In a bid to secure a cease-fire and hostage swap", "diplomatic and military support to Israel."]),
    ("002", ["The head of Hamas’s political wing", "reach an agreement in the coming days."]),
])
def test_article_text_stays(seeds, seed, kept):
    body = seeds[seed].body
    for text in kept:
        assert text in body, f"{text!r} lost from seed {seed}"


def test_metadata_is_lifted(seeds):
    assert seeds["004"].title == "Hamas Leader Visits Cairo for Truce Talks as Gaza Conflict Intensifies"
    assert seeds["004"].date == date(2024, 2, 1)
    assert seeds["003"].date == date(2023, 12, 20)
    assert seeds["003"].dateline == "DEIR AL-BALAH, Gaza Strip"
    assert seeds["003"].title is None, "seed 003 has no headline; its first paragraph is not one"
    assert seeds["001"].outlet == "ICARO Media Group"
    assert seeds["002"].title == "Hamas head in Cairo as momentum builds towards new Israel-Hamas truce talks"


def test_repeated_headline_removed_once_recorded(seeds):
    rules = [r.rule for r in seeds["002"].removals]
    assert rules.count("repeated-headline") == 1
    assert seeds["002"].title not in seeds["002"].body


def test_subheadings_are_headings_not_boilerplate(seeds):
    headings = [b.text for b in seeds["000"].blocks if b.kind == "heading"]
    for heading in ("Street conflict", "One day, one hundred Palestinians are killed by Israel.",
                    "Discussions regarding aid and captives"):
        assert heading in headings
    assert "A number of carriers are rerouting around Africa." not in headings


def test_every_removed_line_is_recorded_with_its_rule(seeds):
    removed = {r.text: r.rule for r in seeds["004"].removals}
    assert removed["//Skip to content"] == "skip-link"
    assert removed["Comments (0)"] == "comment-counter"
    assert removed["Photo Source: Asharq Al-Awsat"] == "photo-credit"
    assert all(r.rule and r.line_no > 0 for a in seeds.values() for r in a.removals)


def test_no_trailing_nbsp_or_blank_paragraphs(seeds):
    for article in seeds.values():
        for block in article.blocks:
            assert block.text == block.text.strip() and "\u00a0" not in block.text and block.text


def test_unseen_article_rules_are_general():
    text = ("Menu\nHome\nWorld\nPolitics\nSport\n\nCouncil approves new budget after long debate\n\nBy Jane Doe\n"
            "Published: 3 March 2024\n\nThe city council approved the budget on Tuesday, after a debate that "
            "lasted into the night.\n\nShare this article\nRead also: Mayor resigns\n\nThe vote was 7 to 4.\n\n"
            "Image: Getty Images\nWe use cookies to improve your experience. Accept cookies\n© 2024 Example News")
    article = clean_text("x", Path("x.txt"), text)
    assert article.title == "Council approves new budget after long debate"
    assert article.byline == "Jane Doe"
    assert article.date == date(2024, 3, 3)
    assert article.body == ("The city council approved the budget on Tuesday, after a debate that lasted into the "
                            "night.\n\nThe vote was 7 to 4.")


def test_cleaning_is_idempotent_on_title_and_body(seeds):
    for article in seeds.values():
        if not article.title:
            continue
        again = clean_text("again", Path("again.txt"), article.title + "\n\n" + article.body)
        assert again.body == article.body
        assert again.title == article.title


def test_overrides_keep_and_drop():
    text = "A headline for the test\n\nFirst paragraph of the article, long enough to be one.\n\nComments (3)\n\n" \
           "Second paragraph that a contributor decides is boilerplate after all."
    plain = clean_text("x", Path("x.txt"), text)
    assert "Comments (3)" not in plain.body
    overridden = clean_text("x", Path("x.txt"), text,
                            overrides=CleaningOverrides(keep=("Comments (3)",), drop=("decides is boilerplate",)))
    assert "Comments (3)" in overridden.body
    assert "Second paragraph" not in overridden.body
    assert any(r.rule == "override-drop" for r in overridden.removals)


@pytest.mark.parametrize("heading, following", [
    ("Where the money comes from", "Nobody will say."), ("It is not as simple as that", "Or is it?"),
    ("Group A", "Germany 5-1 Scotland"), ("Plan A", "Repair the old piers."), ("Kim Jong Il", "Kim Yo Jong"),
])
def test_a_heading_and_the_line_under_it_stay_apart(heading, following):
    text = (ARTICLE_START + LONG_ARTICLE + heading + "\n\n" + following + "\n\nThe engineers will report in March."
            + ARTICLE_END)
    blocks = [b.text for b in clean_text("x", Path("x.txt"), text).blocks]
    assert heading in blocks and following in blocks


def test_an_override_matches_whole_words_only():
    """"even zebras" is not in "eleven zebras": a value drops or keeps the line that holds its words."""
    text = ("A headline for the test\n\nFirst paragraph of the article, long enough to be one.\n\n"
            "The keeper counted eleven zebras at the water hole this morning.\n\nEven zebras drink at dawn, he said.")
    article = clean_text("x", Path("x.txt"), text, overrides=CleaningOverrides(drop=("even zebras",)))
    assert "eleven zebras" in article.body and "drink at dawn" not in article.body
    assert article.overrides_used == frozenset({("drop", "even zebras")})


def test_a_table_flattened_one_cell_per_line_stays_inside_the_article():
    rows = [("Ana Lima", 412, 9), ("Ben Okafor", 398, 7), ("Carla Ruiz", 377, 6), ("Dev Patel", 350, 4)]
    table = "\n".join(f"{rank}\n{name}\n{points}\n{wins}" for rank, (name, points, wins) in enumerate(rows, 1))
    text = (ARTICLE_START + "Rank\nRider\nPoints\nWins\n" + table + ARTICLE_END)
    body = clean_text("x", Path("x.txt"), text).body
    assert "Carla Ruiz\n\n377" in body and "The mayor said" in body and "The city council met" in body


def test_a_sentence_split_into_many_link_lines_does_not_cut_the_article():
    fragments = "Officials said\nthe\nharbour\nwould\nreopen\nsoon\nafter\nthe\nrepairs\nto\nthe\npiers."
    text = (ARTICLE_START + fragments + "\n\nThe engineers will report in March." + ARTICLE_END)
    body = clean_text("x", Path("x.txt"), text).body
    assert "The mayor said" in body and "The city council met" in body


def test_a_sentence_split_at_links_to_names_is_one_paragraph_again():
    """A link to a name starts with a capital: the words before it ("according to") tell that it goes on."""
    fragments = ("According to\nExample Wire\n, the talks in\nCairo\nwere attended by officials from\nQatar\nand\n"
                 "Egypt\n, and a second round is expected\nnext week\n.")
    text = ARTICLE_START + fragments + "\n\nThe engineers will report in March." + ARTICLE_END
    body = clean_text("x", Path("x.txt"), text).body
    assert ("According to Example Wire, the talks in Cairo were attended by officials from Qatar and Egypt, and a "
            "second round is expected next week.") in body.split("\n\n")


def test_a_person_named_on_a_line_at_the_start_of_a_short_article_stays():
    text = ("Jane Example\nJane Example, the harbour master, said on Tuesday that the piers were safe for now.\n\n"
            "She said that the repairs would start in the spring and last about a year.")
    body = clean_text("x", Path("x.txt"), text).body
    assert "the harbour master" in body and "the repairs" in body


def test_page_controls_between_paragraphs_go():
    """Alone between two paragraphs, a short control reads like a subheading; its words tell it apart."""
    controls = ["Continue reading the main story", "Scroll to continue with content", "Save", "Image", "Topics"]
    text = ARTICLE_START + "".join(f"Paragraph {n} of the report on the harbour piers.\n{c}\n"
                                   for n, c in enumerate(controls)) + ARTICLE_END
    body = clean_text("x", Path("x.txt"), text).body
    assert not [c for c in controls if c in body.split("\n\n")] and "Paragraph 4 of" in body


STANDFIRST_PAGES = {
    "en": ("Home\n\nWorld\n\nSport\n\nHarbour bridge plan returns to the council\n\n"
           "The council will vote again on the harbour bridge after the engineers found that the old piers can "
           "carry it.\n\nHarbour at dawn\n\nBy Maria Costa\n\n"
           + "".join(f"Paragraph {n} of the report on the harbour piers says what the engineers found there, and "
                     "the council read it.\n\n" for n in range(8)),
           "The council will vote again", "Harbour at dawn"),
    "de": ("Startseite\n\nPolitik\n\nSport\n\nDer Hafenbrücke droht eine neue Abstimmung im Rat\n\n"
           "Der Rat will noch einmal über die Brücke abstimmen, nachdem die Ingenieure die alten Pfeiler untersucht "
           "haben und sie für stark genug halten.\n\nHafen am Morgen\n\nVon Anna Müller\n\n"
           + "".join(f"Absatz {n} des Berichts sagt, was die Ingenieure an den Pfeilern gefunden haben, und der Rat "
                     "hat ihn gelesen.\n\n" for n in range(8)),
           "Der Rat will noch einmal", "Hafen am Morgen"),
}


@pytest.mark.parametrize("language", sorted(STANDFIRST_PAGES))
def test_a_standfirst_above_the_byline_stays_and_a_caption_there_goes(language):
    """A sentence of prose between the headline and the byline is the article's lead; a short label there is not."""
    text, standfirst, caption = STANDFIRST_PAGES[language]
    article = clean_text("x", Path("x.txt"), text)
    assert article.body.startswith(standfirst)
    assert caption not in article.body
    assert any(r.rule == "page-head" and r.text == caption for r in article.removals)
    again = clean_text("again", Path("again.txt"), f"{article.title}\n\n{article.body}")
    assert again.body == article.body


LEAD_IN_PAGES = {
    "en": ("Home\n\nWorld\n\nSport\n\nHarbour bridge plan returns to the council\n\nBy Maria Costa\n\n"
           "After years of delays the harbour bridge is back on the agenda of the council, and\n\n"
           + "".join(f"Paragraph {n} of the report on the harbour piers says what the engineers found there, and "
                     "the council read it.\n\n" for n in range(8)), "After years of delays"),
    "de": ("Startseite\n\nPolitik\n\nSport\n\nDie Hafenbrücke kommt wieder vor den Rat\n\nVon Anna Müller\n\n"
           "Nach Jahren der Verzögerung steht die Hafenbrücke wieder auf der Tagesordnung des Rates, und\n\n"
           + "".join(f"Absatz {n} des Berichts sagt, was die Ingenieure an den Pfeilern gefunden haben, und der Rat "
                     "hat ihn gelesen.\n\n" for n in range(8)), "Nach Jahren der Verzögerung"),
}


@pytest.mark.parametrize("language", sorted(LEAD_IN_PAGES))
def test_the_articles_first_line_right_above_its_prose_run_stays(language):
    """A sentence's worth of words just above the run, after headline and byline, is the article's first line
    (it scored low alone, its sentence running on); the menu, headline and byline above it still go."""
    text, first = LEAD_IN_PAGES[language]
    article = clean_text("x", Path("x.txt"), text)
    assert article.body.startswith(first) and article.byline and article.title
    assert not any(word in article.body for word in ("Home", "Startseite", "Maria Costa", "Anna Müller"))
    again = clean_text("again", Path("again.txt"), f"{article.title}\n\n{article.body}")
    assert again.body == article.body
