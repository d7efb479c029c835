"""The cleaner on each seed: what must go is gone, what must stay stays."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.clean.cleaner import clean, clean_text
from generator.clean.context import archive_context
from generator.clean.linescore import find_main_run, same_block
from generator.clean.lineshape import menu_items
from generator.clean.rules.dates import date_line
from generator.clean.rules.phrases import ALL_KEYWORDS, BOILERPLATE_RULES, KEYWORD_FINDER, RULE_KEYWORDS, phrase_rule
from generator.core.model import CleaningOverrides
from generator.ingest.read import read_sources

REPO = Path(__file__).resolve().parent.parent


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


def test_a_box_by_another_writer_inside_the_article_is_not_a_second_article():
    text = (ARTICLE_START + LONG_ARTICLE + "A difficult week for the mayor\n\nBy Jane Example, local democracy "
            "reporter\n\nThe mayor had hoped the vote would settle the matter.\n\nThe works start in May." + ARTICLE_END)
    body = clean_text("x", Path("x.txt"), text).body
    assert "The works start in May." in body and "The mayor said" in body


def test_an_override_matches_whole_words_only():
    """"even zebras" is not in "eleven zebras": a value drops or keeps the line that holds its words."""
    text = ("A headline for the test\n\nFirst paragraph of the article, long enough to be one.\n\n"
            "The keeper counted eleven zebras at the water hole this morning.\n\nEven zebras drink at dawn, he said.")
    article = clean_text("x", Path("x.txt"), text, overrides=CleaningOverrides(drop=("even zebras",)))
    assert "eleven zebras" in article.body and "drink at dawn" not in article.body
    assert article.overrides_used == frozenset({("drop", "even zebras")})


ARTICLE_START = ("Harbour bridge plan returns to the council\n\nThe city council met again on Tuesday to discuss the "
                 "harbour bridge, which has been delayed for years by the cost of its foundations.\n\n")
ARTICLE_END = ("\n\nThe mayor said that the vote would be held in the spring, after the engineers have finished "
               "the survey of the old piers and the council has read it.")


def test_headlines_under_a_promotion_label_go():
    text = (ARTICLE_START + "Related stories\nSchool board names a new head teacher\nStorm closes the coast road again"
            + ARTICLE_END)
    body = clean_text("x", Path("x.txt"), text).body
    assert "School board" not in body and "Storm closes" not in body
    assert "The mayor said" in body and "The city council met" in body


def test_comment_prompts_calls_to_action_and_photo_credits_go():
    text = (ARTICLE_START + "Jane Example/Example Wire\nImage caption" + ARTICLE_END
            + "\n\nLiked this story? Share it with a friend and sign up for our free newsletter!"
            + "\n\nJoin the conversation\nPlease read our community guidelines before you post a comment here.")
    body = clean_text("x", Path("x.txt"), text).body
    for gone in ("Example Wire", "Image caption", "newsletter", "Join the", "community guidelines"):
        assert gone not in body, gone
    assert "The mayor said" in body


def test_a_table_flattened_one_cell_per_line_stays_inside_the_article():
    rows = [("Ana Lima", 412, 9), ("Ben Okafor", 398, 7), ("Carla Ruiz", 377, 6), ("Dev Patel", 350, 4)]
    table = "\n".join(f"{rank}\n{name}\n{points}\n{wins}" for rank, (name, points, wins) in enumerate(rows, 1))
    text = (ARTICLE_START + "Rank\nRider\nPoints\nWins\n" + table + ARTICLE_END)
    body = clean_text("x", Path("x.txt"), text).body
    assert "Carla Ruiz\n\n377" in body and "The mayor said" in body and "The city council met" in body


def test_share_buttons_and_comment_moderation_notices_go():
    text = (ARTICLE_START.replace("\n\n", "\n\nShare this on Telegram\n", 1) + "The second paragraph." + ARTICLE_END
            + "\n\nNote: comments that insult other readers will not be approved by the moderators.")
    body = clean_text("x", Path("x.txt"), text).body
    assert "Telegram" not in body and "moderators" not in body and "The mayor said" in body


def test_links_inside_a_sentence_are_not_a_menu():
    text = (ARTICLE_START + "The prize went to\nAna Lima\nand\nBen Okafor\nafter a close vote in the old hall on Sunday."
            + ARTICLE_END)
    body = clean_text("x", Path("x.txt"), text).body
    assert "Ana Lima" in body and "Ben Okafor" in body


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


def _numbered(blocks: list[list[str]]) -> tuple[list[str], list[int]]:
    """The blocks' lines and each line's number in a text that parts the blocks with one blank line."""
    lines, numbers, number = [], [], 1
    for block in blocks:
        for line in block:
            lines.append(line)
            numbers.append(number)
            number += 1
        number += 1
    return lines, numbers


def test_names_linked_inside_a_paragraph_do_not_cut_the_article_where_blank_lines_part_paragraphs():
    lead = "The council approved the harbour plan on Tuesday after a debate that lasted well into the evening."
    named = ["The list named", "Maria Costa", "and", "Jon Berg", "and", "Leo Marsh", "as its members."]
    rest = "The works begin in March, and the first berths should open to ferries before the summer season."
    lines, numbers = _numbered([["Home"], [lead], named, [rest], ["Maria Costa"], ["Jon Berg"], ["Leo Marsh"]])
    with_blocks = find_main_run(lines, blocks=same_block(numbers))
    assert (with_blocks.start, with_blocks.end) == (lines.index(lead), lines.index(rest) + 1)
    # Without the blank lines' evidence each name (printed again below) pays for a line of its own: the lead is cut.
    assert find_main_run(lines).start > lines.index(lead)


def test_a_text_that_never_leaves_a_blank_line_says_nothing_about_blocks():
    assert not any(same_block(list(range(1, 40))))
    assert same_block([1, 3, 4, 6, 8]) == [False, False, True, False, False]


@pytest.mark.parametrize("box", [
    "About the writer\nJane Example\nA keen sailor and mother of two, Jane Example covers city hall from Portsmouth.",
    "Jane Example is a senior reporter who covers transport and city hall for the paper.",
])
def test_an_author_box_after_the_article_goes(box):
    text = ARTICLE_START + "The engineers will report in March." + ARTICLE_END + "\n\n" + box
    body = clean_text("x", Path("x.txt"), text).body
    assert "Jane Example" not in body and "About the writer" not in body and "The mayor said" in body


def test_a_person_named_on_a_line_at_the_start_of_a_short_article_stays():
    text = ("Jane Example\nJane Example, the harbour master, said on Tuesday that the piers were safe for now.\n\n"
            "She said that the repairs would start in the spring and last about a year.")
    body = clean_text("x", Path("x.txt"), text).body
    assert "the harbour master" in body and "the repairs" in body


def test_timestamp_lines_inside_the_text_go_but_bare_dates_stay():
    paragraphs = "".join(f"Paragraph {n} of the report on the piers has a sentence.\n\n" for n in range(8))
    text = (ARTICLE_START + paragraphs + "Updated: Wed 9:15 AM, March 6, 2024\n\nThe engineers will report.\n\n"
            "12 March 2024" + ARTICLE_END)
    body = clean_text("x", Path("x.txt"), text).body
    assert "9:15" not in body and "12 March 2024" in body and "The mayor said" in body


def test_list_headings_follow_prompts_and_copyright_notices_go():
    text = (ARTICLE_START + "You may also like...\nSchool board names a new head teacher" + ARTICLE_END
            + "\n\nFollow Example News on\nTell us what you think in the comments below"
            + "\n\nThis material may not be published or broadcast without permission. All rights reserved.")
    body = clean_text("x", Path("x.txt"), text).body
    for gone in ("may also like", "School board", "Follow Example", "Tell us", "may not be published"):
        assert gone not in body, gone
    assert "The mayor said" in body


def test_a_caption_beside_its_credit_goes_but_text_before_a_bare_label_stays():
    text = (ARTICLE_START + "Workers inspect the old piers at low tide on Monday\nJane Example/Example Wire\n\n"
            "The engineers will report in March.\nImage copyright\nImage caption\nThe bridge as drawn in 1990"
            + ARTICLE_END)
    body = clean_text("x", Path("x.txt"), text).body
    assert "Workers inspect" not in body and "drawn in 1990" not in body
    assert "The engineers will report in March." in body and "The mayor said" in body


def _every_rule_in_order(line: str):
    stripped = line.strip("/|·•>»« ")
    return next(((name, why) for name, pattern, why in BOILERPLATE_RULES if pattern.match(stripped)), None)


def _phrase_rules_decide(line: str, removed: bool) -> None:
    """The line is removed by a phrase rule or not, and the keyword prefilter answers as the regexes do."""
    assert (phrase_rule(line) is not None) == removed
    assert phrase_rule.__wrapped__(line) == _every_rule_in_order(line)


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
        assert phrase_rule.__wrapped__(line) == _every_rule_in_order(line), line


def test_byline_split_after_its_by_is_lifted():
    """ "By" alone on a line (the author's name was a link), the name on the next: one byline, both lines go."""
    text = ("Council approves new budget after long debate\n\nBy\nJane Doe | Example News\n\nThe city council "
            "approved the budget on Tuesday, after a debate that lasted into the night.\n\nThe vote was 7 to 4, "
            "and the mayor said she would sign it this week.")
    article = clean_text("x", Path("x.txt"), text)
    assert article.byline == "Jane Doe | Example News"
    assert article.body.startswith("The city council approved")
    assert "By" not in article.body.split()


def test_a_caption_before_a_bare_credit_label_goes():
    """Some pages print caption, a bare "Credit" label, then the photographer: the caption is two lines up."""
    text = (ARTICLE_START + "The engineers will report in March.\nDivers check the east pier before the storm\n"
            "Credit...\nJane Example/Example Wire" + ARTICLE_END)
    body = clean_text("x", Path("x.txt"), text).body
    assert "Divers check" not in body and "Credit" not in body
    assert "The engineers will report in March." in body and "The mayor said" in body


def test_standfirst_and_caption_above_the_byline_go():
    """Between headline and byline stand a standfirst and the lead photo's caption; the article starts below."""
    text = ("Harbour bridge plan returns to the council\n\nThere is a lesson for the town in why the bridge has been so "
            "slow to come, and it is not about the money.\nThe old bridge as it was seen from the ferry landing in the "
            "spring.\n\nBy\nJane Example\n\n" + ARTICLE_START.split("\n\n", 1)[1]
            + "The engineers will report in March." + ARTICLE_END)
    article = clean_text("x", Path("x.txt"), text)
    assert "a lesson for the town" not in article.body and "ferry landing" not in article.body
    assert article.body.startswith("The city council met again") and "The mayor said" in article.body


def test_the_first_paragraph_stays_when_the_byline_closes_the_article():
    text = (ARTICLE_START + "The engineers will report in March." + ARTICLE_END + "\n\nBy Jane Example")
    body = clean_text("x", Path("x.txt"), text).body
    assert body.startswith("The city council met again") and "The mayor said" in body


def test_headline_and_caption_above_a_timestamp_go():
    """The page's head (headline, standfirst, a video's caption) stands above the time it was posted; the article below."""
    text = ("Harbour bridge plan returns to the council\n\nThe piers are still unsafe after a decade of delays, and the "
            "town wants to know why.\nUpdated on: March 6, 2024 / 9:15 AM\n\n" + ARTICLE_START.split("\n\n", 1)[1]
            + "The engineers will report in March." + ARTICLE_END)
    body = clean_text("x", Path("x.txt"), text).body
    assert "still unsafe" not in body
    assert body.startswith("The city council met again") and "The mayor said" in body


def test_headlines_that_ask_or_exclaim_are_teasers_too_but_a_sentence_after_a_question_is_not():
    text = (ARTICLE_START + "Trending News\nStorm closes the coast road: \"We had no choice!\"\nWill the ferry run "
            "this winter?\nSchool board names a new head teacher" + ARTICLE_END)
    body = clean_text("x", Path("x.txt"), text).body
    assert "coast road" not in body and "ferry" not in body and "School board" not in body
    kept = "Will the ferry run on time? Nobody knows. The council will decide in the spring."
    body = clean_text("x", Path("x.txt"), ARTICLE_START + "Related stories\n" + kept + ARTICLE_END).body
    assert kept in body


def test_a_subscription_offer_with_a_price_goes():
    """"12 issues for £11.99": the price's digits run on, so the offer must match however many there are."""
    assert phrase_rule("Delivered to your door every month. 12 issues for £11.99.") is not None
    assert phrase_rule("Get 6 issues for $5 and save") is not None


def test_an_author_box_further_up_goes_with_the_page_blurb_after_it():
    """A name line over "(@handle) is a ... writer", its paragraph split by links, then the site's blurb: all
    of it is the page's, though the name is more than three lines from the end."""
    box = ("Jane Example\n(@janeexample) is a contributing writer at Example Weekly and the host of\nHarbour Talk\n"
           ", a weekly podcast about the coast. She has written for\nThe Example Times\n, and for radio.\n"
           "Example Weekly is where the city reads about itself every week, in print and online, with news and "
           "opinion from every neighbourhood of the city.")
    text = ARTICLE_START + "The engineers will report in March." + ARTICLE_END + "\n\n" + box
    body = clean_text("x", Path("x.txt"), text).body
    assert "Jane Example" not in body and "where the city reads" not in body and "The mayor said" in body


@pytest.mark.parametrize("line, rule", [
    ('&lt;span class="editor-bookmark" style="display: none;"&gt;&amp;#65279;&lt;/span&gt;', "markup"),
    ('[button link="https://example.org/tips/" size="big"] Send us your tip[/button]', "markup"),
    ('<div class="promo-box"></div>', "markup"),
    ("[1] A footnote that explains the figure.", None),
    ("The tag <b> makes text bold.", None),
])
def test_markup_an_editor_left_in_the_text_goes(line, rule):
    assert (phrase_rule(line) or (None,))[0] == rule


@pytest.mark.parametrize("line, rule", [
    ("Leggi anche: Il porto riapre dopo due anni", "promo"),
    ("Veja também: Prefeitura adia obra do cais", "promo"),
    ("Lees ook: Haven gaat weer open", "promo"),
    ("Relacionado: El puerto reabre", "promo"),
    ("Relacionado con el puerto, el alcalde dijo que las obras empiezan en marzo.", None),
    ("12 comentários", "comment-counter"),
    ("Kommentar", None),  # the kicker of an opinion piece, not a comment counter
    ("Clique na imagem acima e veja o calendário das obras do porto", "call-to-action"),
    ("Klicken Sie hier, um den Bericht zu lesen", "call-to-action"),
    ("Click on the image to enlarge it", "call-to-action"),
    ("Click on the Save button, then wait for the upload to finish.", None),  # a how-to's step
    ("Listen to this article", "media-player"),
    ("Your browser does not support the video tag.", "media-player"),
    ("Lesezeit: 3 Min.", "media-player"),
    ("5 min read", "media-player"),
    ("Now playing in the harbour theatre is a play about the storm of 1987.", None),
    ("Continue reading the main story", "page-control"),
    ("Article continues below", "page-control"),
    ("Supported by", "page-control"),
    ("Tags: harbour, ferries, council", "page-control"),
    ("Follow the money, the auditor told the council.", None),
    ("Got a tip? Email us at tips@example.org", "call-to-action"),
    ("Have a story to tell? The harbour museum wants to hear it.", None),
    # sentences and subheadings that open with a page furniture's words (from a review of these rules)
    ("Zum Inhalt des Abkommens wollte sich der Minister nicht äußern.", None),
    ("Abbonati in fuga dalla pay tv: il servizio perde clienti.", None),
    ("S'abonner au réseau coûte désormais 13 euros par mois.", None),
    ("Telegram no Brasil", None),
    ("Facebook en crisis", None),
    ("Support for the bridge has fallen since June. AP/NORC polls show the same trend.", None),
    ("9/11", None),
    ("24/7", None),
    ("Pesquisa", None),
])
def test_promotions_comment_counters_and_click_prompts_in_several_languages(line, rule):
    assert (phrase_rule(line) or (None,))[0] == rule


@pytest.mark.parametrize("line, is_caption", [
    ("Workers inspect the old piers at low tide on Monday. (AP Photo/Jane Example)", True),
    ("The harbour at dawn, March 3, 2024. REUTERS/Jane Example", True),
    ("Boats wait outside the closed harbour on Tuesday. Photo: Jane Example/AFP via Getty Images", True),
    ("The mayor visits the piers in 2022. (Photo by Jane Example/Getty Images)", True),
    ("Ferries queue at the quay. Credit: Jane Example for The Example Times", True),
    ("The old lighthouse on the north pier. © Example Wire", False),  # an agency notice may end a paragraph too
    ("The ferry terminal in Example Bay, Tuesday, March 5, 2024. (Jane Example/AP)", True),
    ("The council said it would publish the figures. (AP)", False),
    ("The ratio of AP/AFP stories about the harbour rose.", False),
    ("Rates rose 2% (see chart: Bank of Example) last month.", False),
])
def test_a_caption_that_ends_in_its_photo_credit_goes(line, is_caption):
    """Text extractors often glue a photo's credit to its caption; the credit at the end tells the caption."""
    text = ARTICLE_START + line + "\n\nThe engineers will report in March." + ARTICLE_END
    body = clean_text("x", Path("x.txt"), text).body
    assert (line not in body) == is_caption and "The engineers will report" in body


def test_a_photo_gallery_inside_the_article_goes_with_its_captions():
    gallery = ("Photos: The harbour through the years\n"
               "Fishing boats crowd the old harbour on a summer morning in 1962, before the piers were extended.\n"
               "Hide Caption\n1 of 3\n"
               "The storm of 1987 tore away half of the north pier and sank two of the ferries moored beside it.\n"
               "Hide Caption\n2 of 3\n")
    text = ARTICLE_START + "The engineers will report in March.\n\n" + gallery + "\nThe works start in May." + ARTICLE_END
    body = clean_text("x", Path("x.txt"), text).body
    for gone in ("Photos:", "Fishing boats", "Hide Caption", "1 of 3", "The storm of 1987"):
        assert gone not in body, gone
    assert "The engineers will report" in body and "The works start in May." in body


LONG_ARTICLE = "".join(f"Paragraph {n} of the report on the harbour piers says what the engineers found there.\n\n"
                       for n in range(12))


def test_a_second_article_loaded_under_the_first_goes_from_its_headline_on():
    following = ("Share this article\nNext article\nFerry fares rise again as the harbour stays closed\n"
                 "By John Example\nMarch 4, 2024\n"
                 "Ferry operators raised their fares on Monday for the second time this year, blaming the closure.\n\n"
                 "The council said it would review the fares once the piers reopen.")
    text = ARTICLE_START + LONG_ARTICLE + "The mayor will speak on Friday." + "\n\n" + following
    article = clean_text("x", Path("x.txt"), text)
    assert "The mayor will speak on Friday." in article.body and "Paragraph 0 of" in article.body
    for gone in ("Ferry fares rise", "John Example", "Ferry operators", "review the fares"):
        assert gone not in article.body, gone
    assert article.byline is None


def test_a_subheading_or_a_related_card_with_a_byline_does_not_end_the_article():
    text = (ARTICLE_START + LONG_ARTICLE + "What the engineers found\n\nThe piers need new foundations.\n\n"
            "Related stories\nFerry fares rise again as the harbour stays closed\nBy John Example\n\n"
            "The works start in May, the council said." + ARTICLE_END)
    body = clean_text("x", Path("x.txt"), text).body
    assert "What the engineers found" in body and "The works start in May" in body and "The mayor said" in body
    assert "Ferry fares rise" not in body


@pytest.mark.parametrize("head, tail", [
    ("Pular para o conteúdo\nMenu\nInício\nCidade\nPesquisar\nEntrar\nAssine\n", "Compartilhe:\nPublicidade\n"),
    ("Ir al contenido\nPortada\nCiudad\nBuscar\nIniciar sesión\nSuscríbete\n", "Compartir en Facebook\nPublicidad\n"),
    ("Aller au contenu\nAccueil\nVille\nRechercher\nSe connecter\nS'abonner\n", "Partager sur Facebook\nPublicité\n"),
    ("Naar de inhoud\nHome\nStad\nZoeken\nInloggen\nAbonneer\n", "Delen\nAdvertentie\n"),
])
def test_page_furniture_in_several_languages_goes(head, tail):
    """Skip links, search and log-in labels, share buttons and advertising labels, as a Portuguese, Spanish,
    French or Dutch page prints them: the headline is the headline, not the skip link."""
    text = head + "Harbour bridge plan returns to the council\n" + tail + LONG_ARTICLE + "The vote is in spring."
    article = clean_text("x", Path("x.txt"), text)
    assert article.title == "Harbour bridge plan returns to the council"
    assert article.body.startswith("Paragraph 0 of") and article.body.endswith("The vote is in spring.")


def test_a_list_of_headlines_with_summaries_under_a_promotion_label_goes():
    promoted = ("Most popular\nCouncil approves new budget after long debate\n"
                "The council approved its budget on Monday night after a debate of more than six hours.\n"
                "School in the north district to close for repairs\n"
                "Parents were told on Friday that the school would close for at least two weeks.\n"
                "Local bakery wins national prize\n"
                "A family bakery won the national prize for its rye bread, beating two hundred entries.\n"
                "Harbour museum opens a new wing\n")
    text = ARTICLE_START + "The engineers will report in March." + ARTICLE_END + "\n\n" + promoted
    article = clean_text("x", Path("x.txt"), text)
    for gone in ("Council approves", "debate of more than", "School in the north", "two weeks", "rye bread"):
        assert gone not in article.body, gone
    assert "The mayor said" in article.body
    reasons = {r.reason for r in article.removals if r.rule == "teaser"}
    assert reasons == {"headline listed under a promotion label", "summary of a headline listed under a promotion label"}


def test_the_paragraph_after_a_list_s_last_headline_is_the_article_s():
    """Under the last headline of a list with summaries, a paragraph may be the article going on: it stays."""
    promoted = ("Related stories\nFerry fares rise again\nThe operators raised their fares for the second time.\n"
                "School to close for repairs\nParents were told the school would close for two weeks.\n"
                "Harbour museum opens a new wing\n")
    text = ARTICLE_START + promoted + ARTICLE_END.lstrip("\n")
    body = clean_text("x", Path("x.txt"), text).body
    assert "The mayor said that the vote" in body and "Ferry fares rise" not in body


def test_a_headline_that_asks_is_a_headline_not_a_summary():
    promoted = ("Most popular\nSchool board names a new head teacher\nWhy is the coast road closed again?\n"
                "Storm closes the ferry port for a week\n")
    text = ARTICLE_START + "The engineers will report in March." + ARTICLE_END + "\n\n" + promoted
    body = clean_text("x", Path("x.txt"), text).body
    for gone in ("School board", "coast road", "ferry port"):
        assert gone not in body, gone


def test_the_paragraphs_under_an_inline_related_link_are_the_article():
    """One sentence under a related headline, then the article's own subheading and text: no list of deks."""
    text = (ARTICLE_START + "Related stories\nFerry fares rise again as the harbour stays closed\n"
            "The engineers will report in March.\nWhat the engineers found\n"
            "The piers need new foundations, they said.\n\nThe works start in May." + ARTICLE_END)
    body = clean_text("x", Path("x.txt"), text).body
    for kept in ("The engineers will report", "What the engineers found", "new foundations", "The works start"):
        assert kept in body, kept
    assert "Ferry fares rise" not in body


def test_page_controls_between_paragraphs_go():
    """Alone between two paragraphs, a short control reads like a subheading; its words tell it apart."""
    controls = ["Continue reading the main story", "Scroll to continue with content", "Save", "Image", "Topics"]
    text = ARTICLE_START + "".join(f"Paragraph {n} of the report on the harbour piers.\n{c}\n"
                                   for n, c in enumerate(controls)) + ARTICLE_END
    body = clean_text("x", Path("x.txt"), text).body
    assert not [c for c in controls if c in body.split("\n\n")] and "Paragraph 4 of" in body


def test_a_caption_before_a_copyright_sign_and_its_agency_credit_goes():
    text = (ARTICLE_START + "The engineers will report in March.\nA ferry passes the east pier at dusk, March 3, 2024.\n"
            "©\nReuters / Jane Example" + ARTICLE_END)
    body = clean_text("x", Path("x.txt"), text).body
    assert "A ferry passes" not in body and "The engineers will report in March." in body and "The mayor said" in body


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


@pytest.mark.parametrize("line, removed", [
    ("GET EXAMPLE NEWS ON YOUR PHONE BY CLICKING HERE", True),
    ("Lisez la suite de l'enquête en cliquant ici.", True),
    ("You can read the ruling by clicking here, the court said in a statement on Tuesday.", False),
])
def test_a_line_that_ends_asking_to_click_through_goes(line, removed):
    _phrase_rules_decide(line, removed)


@pytest.mark.parametrize("line, removed", [
    ("Get the best of our reporting delivered straight to your inbox every morning.", True),
    ("Inscrivez-vous à notre newsletter quotidienne pour ne rien manquer.", True),
    ("Melden Sie sich für unseren Newsletter an und erhalten Sie die Nachrichten des Tages.", True),
    ("Regístrate en nuestro boletín para recibir lo más leído.", True),
    ("Inscreva-se na nossa newsletter e receba as principais notícias.", True),
    ("Iscriviti alla nostra newsletter per ricevere le notizie del giorno.", True),
    ("The council stopped printing its newsletter in March, the mayor said.", False),
])
def test_a_newsletter_pitch_written_as_a_sentence_goes(line, removed):
    _phrase_rules_decide(line, removed)


@pytest.mark.parametrize("line, removed", [
    ("By continuing to browse this site, you agree to our use of cookies.", True),
    ("We and our partners store and access information on your device to measure ads and content.", True),
    ("En poursuivant votre navigation sur ce site, vous acceptez l'utilisation de traceurs.", True),
    ("Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.", True),
    ("Utilizamos cookies propias y de terceros para mejorar nuestros servicios.", True),
    ("Utilizziamo i cookie per migliorare la tua esperienza.", True),
    ("The bakery sold out of cookies by noon, and its partners in the market did too.", False),
])
def test_a_cookie_or_consent_notice_written_as_a_sentence_goes(line, removed):
    _phrase_rules_decide(line, removed)


@pytest.mark.parametrize("line, removed", [
    ("Use of this site constitutes acceptance of our user agreement.", True),
    ("Reproduction of articles or photos in any form without written permission is prohibited.", True),
    ("Reproduction interdite sans autorisation de l'éditeur.", True),
    ("Nachdruck nur mit Genehmigung des Verlags.", True),
    ("Queda prohibida la reproducción total o parcial de este contenido.", True),
    ("É proibida a reprodução deste conteúdo.", True),
    ("Riproduzione riservata.", True),
    ("The lab said the reproduction of the experiment took two years.", False),
    ("Human reproduction by cloning is prohibited in most countries.", False),
])
def test_a_rights_notice_written_as_a_sentence_goes(line, removed):
    _phrase_rules_decide(line, removed)


@pytest.mark.parametrize("line, removed", [
    ("If you value our reporting, please make a donation today.", True),
    ("Please consider becoming a paying supporter.", True),
    ("Become a member and read every story.", True),
    ("Donate now", True),
    ("Unterstützen Sie unseren Journalismus mit einem Abo.", True),
    ("Soutenez une rédaction indépendante : faites un don.", True),
    ("Apoya el periodismo independiente.", True),
    ("Apoie o jornalismo independente.", True),
    ("The foundation will make a donation to the hospital, its director said.", False),
    ("She asked residents to become a member of the housing cooperative.", False),
])
def test_a_donation_or_membership_pitch_goes(line, removed):
    _phrase_rules_decide(line, removed)


@pytest.mark.parametrize("line, removed", [
    ("Get it on Google Play", True),
    ("Download on the App Store", True),
    ("Laden Sie unsere App herunter, um keine Nachricht zu verpassen.", True),
    ("Téléchargez notre application gratuite.", True),
    ("Descarga nuestra app y recibe alertas.", True),
    ("The game was pulled from the App Store on Friday.", False),
])
def test_an_app_download_pitch_goes(line, removed):
    _phrase_rules_decide(line, removed)


@pytest.mark.parametrize("line, rule", [
    ("Jane Example 3 hours ago", "comment-meta"),
    ("@harbour_watcher · 2d ago", "comment-meta"),
    ("2 days ago at 07:52 am", "comment-meta"),
    ("vor 2 Stunden", "comment-meta"),
    ("il y a 3 heures", "comment-meta"),
    ("hace 5 minutos", "comment-meta"),
    ("Reply · Report abuse · 4 likes", "comment-actions"),
    ("Upvote 12 Downvote", "comment-actions"),
    ("Antworten", "comment-actions"),
    ("Your email address will not be published. Required fields are marked *", "comment-form"),
    ("Notify me of follow-up comments by email.", "comment-form"),
    ("Votre adresse e-mail ne sera pas publiée.", "comment-form"),
    ("four years ago", None),
    ("The plant closed 3 years ago.", None),
    ("30 points", None),
    ("like", None),
])
def test_the_labels_of_a_readers_comment_go(line, rule):
    assert (phrase_rule(line) or (None,))[0] == rule
    assert phrase_rule.__wrapped__(line) == _every_rule_in_order(line)


def test_readers_comments_under_the_article_go_from_their_posting_times():
    """The posts are prose like the article's: their posting times ("3 hours ago") mark where they start."""
    comments = ("\n\nJane Example 3 hours ago\nI have crossed that harbour every day for twenty years and I still think "
                "the bridge is a waste of money, to be honest.\n\nTom Sample\nvor 2 Stunden\nDie Brücke ist seit "
                "Jahren geplant und die Stadt hat immer noch kein Geld dafür, das ist doch lächerlich.")
    text = ARTICLE_START + "The engineers will report in March, before the council votes." + ARTICLE_END + comments
    body = clean_text("x", Path("x.txt"), text).body
    assert "crossed that harbour" not in body and "Tom Sample" not in body and "Die Brücke" not in body
    assert "The mayor said" in body and "The engineers will report" in body


def test_one_relative_time_in_the_article_is_not_a_comment_section():
    text = ARTICLE_START + "Posted 3 hours ago\nThe engineers will report in March, before the council votes." + ARTICLE_END
    body = clean_text("x", Path("x.txt"), text).body
    assert "The engineers will report" in body and "The mayor said" in body


@pytest.mark.parametrize("label", ["About the author", "À propos de l'auteure", "Über die Autorin", "Sobre el autor"])
def test_the_paragraphs_under_an_about_the_author_label_go(label):
    """The writer's bio needs no "is a reporter" sentence when the box says what it is."""
    box = f"\n\n{label}\nJane Example covers the harbour and the city's bridges, and has lived by the coast since 2004."
    text = ARTICLE_START + "The engineers will report in March, before the council votes." + ARTICLE_END + box
    body = clean_text("x", Path("x.txt"), text).body
    assert "Jane Example" not in body and label not in body and "The mayor said" in body


@pytest.mark.parametrize("line, removed", [
    ("Jane Example contributed reporting from Lisbon.", True),
    ("Jane Example and Tom Sample contributed reporting.", True),
    ("Jane Example, Ana Muster and Tom Sample contributed research from Berlin and Paris.", True),
    ("Several agencies contributed reporting to the inquiry, the report said.", False),
    ("(Reporting by Jane Example; Editing by Tom Sample)", False),
])
def test_the_closing_credit_of_other_reporters_goes(line, removed):
    _phrase_rules_decide(line, removed)


@pytest.mark.parametrize("line", ["1" * 5000 + "x", "1 like " * 2000 + "x", "Jane and Tom, " * 500 + "x"])
def test_the_comment_and_credit_rules_fail_fast_on_long_runs(line):
    """A run of digits must split into a comment's counts one way only, or the regex backtracks for ever."""
    assert phrase_rule.__wrapped__(line) is None


@pytest.mark.parametrize("line, removed", [
    ("We’d like to hear what you think about this or any of our articles.", True),
    ("Read our letters page. We would love to hear from you: write to the address below.", True),
    ("Schreiben Sie uns Ihre Meinung!", True),
    ("“We’d love to hear from you,” the council wrote to residents.", False),
])
def test_the_page_asking_readers_to_write_in_goes(line, removed):
    _phrase_rules_decide(line, removed)


def test_a_bracketed_related_link_inside_the_text_goes():
    """"[Related:" opens a link to another article set inside the text; the headline under it goes too."""
    assert phrase_rule("[Related: Harbour ferry fares rise again]") is not None
    assert phrase_rule("[Lire aussi : Le pont du port à nouveau reporté]") is not None
    assert phrase_rule("[1] The council's figures for 2023.") is None
    text = ARTICLE_START + "[Related:\nHarbour Ferry Fares Rise Again\n]\nThe engineers will report in March." + ARTICLE_END
    body = clean_text("x", Path("x.txt"), text).body
    assert "Related" not in body and "Ferry Fares" not in body and "The engineers will report" in body


@pytest.mark.parametrize("line, removed", [
    ("Text: Jane Example", True),
    ("Texte : Marie Exemple et Paul Modèle", True),
    ("Текст: Анна Примерова", True),
    ("Autor: Max Mustermann", True),
    ("Text: the full statement of the council", False),
    ("Author: unknown", False),
])
def test_a_writers_name_under_a_text_label_goes(line, removed):
    _phrase_rules_decide(line, removed)


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


def test_a_short_line_other_articles_carry_costs_more_in_the_run_search():
    """An outlet's chrome line that other articles of the archive print too costs more than a line of its own
    shape: here it is what ends the article's run before a weak line of text after it."""
    lines = ["The council met again on Tuesday to discuss the harbour bridge, delayed for years by its cost.",
             "The mayor said that the vote would be held in the spring, after the engineers report.",
             "Our City Desk",
             "More from the desk of the editors this week."]
    alone = find_main_run(lines)
    carried = find_main_run(lines, elsewhere=[False, False, True, False])
    assert (alone.start, alone.end) == (0, 4)
    assert (carried.start, carried.end) == (0, 2)
    assert carried.scores[2].score < alone.scores[2].score


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ALL_KEYWORDS + ("x", " ", "é", "ß", "’")), max_size=8).map("".join))
def test_the_keyword_finder_finds_every_keyword_a_line_holds(folded):
    """The automaton that looks for every rule keyword at once finds what testing each in turn finds:
    keywords inside, overlapping and prefixing one another included."""
    assert {keyword for _, keyword in KEYWORD_FINDER.iter(folded)} == {k for k in ALL_KEYWORDS if k in folded}


PROSE = ("Egyptian officials hosted a new round of talks in the capital on Thursday, a day after the delegation "
         "arrived, according to two officials familiar with the meetings.\n"
         "The talks focused on a possible pause in the fighting and on the release of the hostages, the officials "
         "said, and a second delegation is expected to arrive in the coming days.\n"
         "No agreement had been reached by the evening, one of the officials said, adding that the talks would "
         "resume on Friday morning after the delegations had consulted their leaders.\n")


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


@pytest.mark.parametrize("line, items", [
    ("Home | World | Middle East | Sport | Weather", 5),
    ("News › World › Middle East", 3),
    ("Politics • Economy • Culture •", 3),
    ("Analysis | Truce talks resume in Cairo as the delegations return", 0),
    ("Gaza | Egypt | Hamas: what we know so far", 0),
    ("Talks | resumed.", 0),
    ("A | B", 0),
])
def test_a_line_of_labels_between_separators_is_a_menu(line, items):
    assert menu_items(line) == items


@pytest.mark.parametrize("date_text", ["Publié le 03/03/2024 à 10h15, modifié le 04/03/2024 à 11h02",
                                       "Publié le 3 mars 2024 à 10h15, mis à jour à 11h02", "Le 03/03/2024 à 10h15"])
def test_a_french_page_s_date_line_is_lifted_with_the_day_first(date_text):
    text = ("Accueil\nVille\nLa passerelle du Thiou fermée après la crue\nPar Jean Exemple\n" + date_text + "\n"
            "La passerelle qui enjambe le Thiou a été fermée dimanche après la crue, a annoncé la mairie dans un "
            "communiqué publié en fin de matinée.\nLes services techniques doivent inspecter l'ouvrage lundi. La "
            "réouverture dépendra de l'état des fondations, selon la mairie.\nLes habitants du quartier sont invités "
            "à emprunter le pont voisin pendant la durée des travaux, qui pourraient durer plusieurs semaines.")
    article = clean_text("x", Path("x.txt"), text)
    assert (article.date, article.language, article.byline) == (date(2024, 3, 3), "fr", "Jean Exemple")
    assert article.body.startswith("La passerelle qui enjambe")


@pytest.mark.parametrize("text", ["03/04/2023", "31.02.2023", "1.2.3 release", "Home | World | News",
                                  "Published March 3, 2024 | Read more", "3 out of 2023 voters"])
def test_what_is_not_one_date_is_not_read_as_a_date(text):
    """A slashed date is the month first on a US page and the day first elsewhere; a day that does not exist,
    a version number, and a date beside anything but another date are not dates either."""
    assert date_line(text) is None
