"""The main run: a run holding too little of the page's prose is widened, never narrowed; a copyright line ends
the article only where it is the page's footer; readers' comments after the article's end do not outscore it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.clean import address, fallback, linescore
from generator.clean.cleaner import clean_text
from generator.clean.linescore import CLAUSE_MARK, SENTENCE_END, find_main_run, same_block
from tests.clean.helpers import numbered

PARAGRAPHS = [
    "The council met on Tuesday evening and voted to repair the old bridge before the winter, after a long "
    "debate about the cost and about who should pay for the work that the engineers had asked for.",
    "Residents who had waited for years said that they were relieved, and that the road into the town had "
    "been dangerous for everyone who drove it at night or walked along it with their children.",
    "The work will begin in October and should be finished by the end of the year, the mayor said, if the "
    "weather allows it and if the company that won the contract can find the workers it needs.",
]
FURNITURE = ["Home", "News", "Sport", "Weather", "Contact", "Login", "Share", "Print", "Menu", "Search",
             "Follow us", "Subscribe"]


def page() -> list[str]:
    lines: list[str] = []
    for paragraph in PARAGRAPHS:
        lines += [paragraph, *FURNITURE]
    return lines


def prose_kept(run: linescore.MainRun, lines: list[str]) -> int:
    return sum(paragraph in lines[run.start:run.end] for paragraph in PARAGRAPHS)


def test_an_article_broken_up_by_furniture_keeps_more_than_its_best_piece() -> None:
    lines = page()
    run = linescore.find_main_run(lines)
    assert prose_kept(run, lines) >= 2


def test_without_the_fallback_only_one_piece_would_be_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    # the case above is one the fallbacks decide: the best run alone holds a third of the prose
    monkeypatch.setattr(fallback, "SHORT_RUN_SHARE", 0.0)
    monkeypatch.setattr(fallback, "NEIGHBOUR_SHARE", float("inf"))
    lines = page()
    assert prose_kept(linescore.find_main_run(lines), lines) == 1


def test_a_run_holding_most_of_the_prose_is_left_as_it_is() -> None:
    teaser = "The council met on Tuesday evening and voted to repair the old bridge."
    lines = [teaser, *FURNITURE, " ".join(PARAGRAPHS), *FURNITURE]
    run = linescore.find_main_run(lines)
    assert lines[run.start:run.end] == [" ".join(PARAGRAPHS)]


ADVERTISEMENTS = [f"{what} {n}" for n in range(8) for what in ("Jobs", "Apply now", "Top offers", "Details")]


@pytest.mark.parametrize("paragraphs", [PARAGRAPHS, [
    "Der Rat hat am Dienstagabend beschlossen, die alte Brücke noch vor dem Winter zu reparieren, nachdem lange "
    "darüber gestritten worden war, wer die Arbeiten bezahlen soll, die die Ingenieure verlangt hatten.",
    "Die Anwohner, die seit Jahren darauf gewartet hatten, sagten, sie seien erleichtert, denn die Straße in die "
    "Stadt sei für alle gefährlich gewesen, die sie nachts mit dem Auto oder zu Fuß mit ihren Kindern benutzten.",
    "Die Arbeiten beginnen im Oktober und sollen bis zum Ende des Jahres fertig sein, sagte der Bürgermeister, "
    "wenn das Wetter es zulässt und wenn die Firma, die den Auftrag bekommen hat, genug Arbeiter findet."]])
def test_an_article_parted_by_a_long_block_of_furniture_is_kept_on_both_sides(paragraphs: list[str]) -> None:
    # the block of advertisements costs more than the paragraph after it earns, and the first part holds most of
    # the page's prose: only the neighbour's share of the run tells that the paragraph is more of the article
    lines = ["Home", "News", *paragraphs[:2], *ADVERTISEMENTS, paragraphs[2], *FURNITURE]
    run = linescore.find_main_run(lines)
    assert lines[run.start:run.end] == [*paragraphs[:2], *ADVERTISEMENTS, paragraphs[2]]


def test_a_neighbour_above_the_printed_headline_is_the_page_head() -> None:
    headline = "Harbour bridge plan returns to the council"
    lines = [f"{headline} - The Town Paper", PARAGRAPHS[2], *ADVERTISEMENTS, headline, *PARAGRAPHS[:2], *FURNITURE]
    assert linescore.find_main_run(lines).start == 1
    run = linescore.find_main_run(lines, headline=lines.index(headline))
    assert lines[run.start:run.end] == PARAGRAPHS[:2]


def test_right_to_left_prose_is_widened_alike() -> None:
    arabic = ("وقال المجلس في بيان إن العمل على إصلاح الجسر القديم سيبدأ في شهر أكتوبر وإنه سينتهي قبل "
              "نهاية العام إذا سمح الطقس بذلك وإذا وجدت الشركة العمال الذين تحتاج إليهم في المدينة")
    lines: list[str] = []
    for i in range(3):  # three paragraphs, each its own line (a number tells them apart)
        lines += [f"{arabic} {i}", *FURNITURE]
    run = linescore.find_main_run(lines)
    assert sum(line.startswith("وقال") for line in lines[run.start:run.end]) >= 2


def footer_rules(lines: list[str], marked: str) -> list[str | None]:
    return ["footer" if line == marked else None for line in lines]


def test_a_picture_credit_inside_the_article_does_not_end_it() -> None:
    credit = "© Photo: City archive"
    lines = [PARAGRAPHS[0], PARAGRAPHS[1], credit, *PARAGRAPHS, *PARAGRAPHS[::-1]]
    run = linescore.find_main_run(lines, footer_rules(lines, credit))
    assert run.start == 0 and run.end == len(lines)


def test_the_page_footer_still_ends_the_article() -> None:
    footer = "© The Town Paper, all rights reserved"
    lines = [*PARAGRAPHS, PARAGRAPHS[0], footer, PARAGRAPHS[1]]
    run = linescore.find_main_run(lines, footer_rules(lines, footer))
    assert lines[run.start:run.end] == [*PARAGRAPHS, PARAGRAPHS[0]]


def test_an_article_outweighed_by_its_comments_is_still_the_article() -> None:
    counter = "17 comments"
    article = [*PARAGRAPHS, *PARAGRAPHS[::-1]]
    comments = [f"{paragraph} I agree with number {i}." for i in range(20) for paragraph in PARAGRAPHS]
    lines = [*FURNITURE, *article, counter, *comments]
    run = linescore.find_main_run(lines, ["comment-counter" if line == counter else None for line in lines])
    assert lines[run.start:run.end] == article


def test_names_linked_inside_a_paragraph_do_not_cut_the_article_where_blank_lines_part_paragraphs():
    lead = "The council approved the harbour plan on Tuesday after a debate that lasted well into the evening."
    named = ["The list named", "Maria Costa", "and", "Jon Berg", "and", "Leo Marsh", "as its members."]
    rest = "The works begin in March, and the first berths should open to ferries before the summer season."
    lines, numbers = numbered([["Home"], [lead], named, [rest], ["Maria Costa"], ["Jon Berg"], ["Leo Marsh"]])
    with_blocks = find_main_run(lines, blocks=same_block(numbers))
    assert (with_blocks.start, with_blocks.end) == (lines.index(lead), lines.index(rest) + 1)
    # Without the blank lines' evidence the lines around each name tell it too: each stands between words that
    # stop mid-sentence and words that go on with it ("and", "as its members.").
    assert find_main_run(lines).start == lines.index(lead)


def test_a_text_that_never_leaves_a_blank_line_says_nothing_about_blocks():
    assert not any(same_block(list(range(1, 40))))
    assert same_block([1, 3, 4, 6, 8]) == [False, False, True, False, False]


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


# A sentence a page prints with linked names on lines of their own, in a text with no blank lines to say
# which lines are one paragraph: only the lines around a name tell that it stands inside a sentence.
SPLIT_BY_NAMES = {
    "en": ["The chair of the committee for the harbour", "Maria Costa", ", who had asked for the vote, said that the plan of the",
           "Harbour Board", "would be put to the council in the spring."],
    "de": ["Die Vorsitzende des Ausschusses für den Hafen", "Maria Costa", ", die die Abstimmung beantragt hatte, sagte, dass der Plan der",
           "Hafenbehörde", "im Frühjahr dem Rat vorgelegt werde."],
}


@pytest.mark.parametrize("language", sorted(SPLIT_BY_NAMES))
def test_a_name_linked_inside_a_sentence_runs_on_like_the_rest_of_it(language: str) -> None:
    lines = SPLIT_BY_NAMES[language]
    assert [linescore.inside_sentence(lines, i) for i in range(len(lines))] == [False, True, False, True, False]
    assert all(linescore.runs_on(lines, i) for i in range(1, len(lines)))
    # a name that a sentence ends before, or one that starts a sentence of its own, is no part of a sentence
    assert not linescore.inside_sentence(["The vote was held.", "Maria Costa", ", the chair, said so."], 1)
    assert not linescore.inside_sentence(["The chair of the committee", "Maria Costa", "Others agreed."], 1)


@pytest.mark.parametrize("language", sorted(SPLIT_BY_NAMES))
def test_a_short_article_cut_by_linked_names_is_kept_whole(language: str) -> None:
    # the names are printed again in a list of tags below: without the lines around them, each name would pay
    # for a line of its own (and the tag list's repeat penalty), and the article would start mid-sentence
    lines = ["Home", "News", *SPLIT_BY_NAMES[language], "Tags", "Maria Costa", "Harbour Board", "Hafenbehörde"]
    run = find_main_run(lines)
    assert lines[run.start:run.end] == SPLIT_BY_NAMES[language]


def comment_rules(lines: list[str], counter: str) -> list[str | None]:
    return ["comment-counter" if line == counter else None for line in lines]


COOKIE_NOTICE = ["We use cookies and other tracking technologies to improve your browsing experience on our site, "
                 "show personalized content and targeted ads, and analyze site traffic.",
                 "In addition, please read our privacy policy, which has also been updated and became effective in "
                 "May, and which explains how we use the information that we collect about you.",
                 "By choosing I Accept, you consent to our use of cookies and other tracking technologies, and you can "
                 "change your mind at any time in the settings that are linked at the foot of every page of the site."]


@pytest.mark.parametrize("counter", ["6 comments", "6 Kommentare"])
def test_a_comment_counter_under_the_headline_does_not_end_an_article_that_has_not_begun(
        counter: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # a notice that spoke of its site in the third person: its lines count in full, as prose (clean/address.py)
    linescore._scored.cache_clear()
    monkeypatch.setattr(address, "ADDRESS_WEIGHT", 1.0)
    headline = "Harbour bridge plan returns to the council"
    lines = ["Harbour bridge plan returns to the council - The Town Paper", *COOKIE_NOTICE, *FURNITURE, *FURNITURE,
             headline, counter, *PARAGRAPHS, *PARAGRAPHS[::-1]]
    at = lines.index(headline)
    run = find_main_run(lines, comment_rules(lines, counter), headline=at)
    assert lines[run.start:run.end] == [*PARAGRAPHS, *PARAGRAPHS[::-1]]
    # counted from the top of the page, the cookie notice is prose enough for the counter to close the article
    # there, and the article after it (scored as readers' comments) loses to the notice
    top = find_main_run(lines, comment_rules(lines, counter))
    assert lines[top.start:top.end] == COOKIE_NOTICE
    linescore._scored.cache_clear()


def test_teasers_scattered_above_a_comment_counter_are_no_article_it_could_end() -> None:
    counter = "Comments (2)"
    teasers = [f"{paragraph[:90].rsplit(' ', 1)[0]}." for paragraph in PARAGRAPHS]  # one sentence each
    scattered = [line for teaser in teasers for line in (teaser, "Read more", "Share", "Print", "Menu", "Top")]
    standfirst = ("The harbour bridge, closed to lorries since the spring, will be repaired before the winter after "
                  "the council agreed on Tuesday to pay for the work from its reserves, the mayor said in a statement "
                  "that was read to reporters outside the town hall.")
    lines = [*scattered, *scattered, standfirst, "Share", counter, *PARAGRAPHS]
    run = find_main_run(lines, comment_rules(lines, counter))
    # the prose above the counter adds up to a whole article's, but no run of it does: the article stays
    assert lines[run.end - len(PARAGRAPHS):run.end] == PARAGRAPHS
    # the same counter after the article's run of prose still ends it
    lines = [*PARAGRAPHS, counter, *[f"{p} I agree." for p in PARAGRAPHS]]
    run = find_main_run(lines, comment_rules(lines, counter))
    assert lines[run.start:run.end] == PARAGRAPHS


@pytest.mark.parametrize("lines", [
    ["The plan of the Harbour Board", "(HB) was approved on Tuesday by a large majority of the council."],
    ["El plan de la junta del puerto", "(JP) fue aprobado el martes por una amplia mayoría del consejo."],
])
def test_an_aside_in_brackets_after_words_that_stop_mid_sentence_goes_on_with_the_sentence(lines: list[str]) -> None:
    assert linescore.runs_on(lines, 1)
    # after a sentence that ended, a line in brackets is a caption or a credit of its own
    assert not linescore.runs_on(["The plan was approved on Tuesday.", "(Photo: City archive)"], 1)


ARABIC_ARTICLE = ("المجلس البلدي يناقش خطة الجسر الجديد\n\n"
                  "اجتمع المجلس البلدي يوم الثلاثاء لمناقشة خطة الجسر الجديد في الميناء، وقد تأخر المشروع سنوات "
                  "بسبب كلفة الأساسات.\n\n"
                  "وقال رئيس البلدية إن التصويت سيجري في الربيع بعد أن ينتهي المهندسون من دراسة الأرصفة القديمة.\n\n"
                  "فهل يوافق المجلس على الخطة هذه المرة؟")


def test_an_arabic_question_ends_a_sentence():
    """The Arabic question mark (U+061F) ends a sentence as "?" does: a short question closing an Arabic article
    is its last line, not a label after it."""
    article = clean_text("x", Path("x.txt"), ARABIC_ARTICLE)
    assert article.body.endswith("فهل يوافق المجلس على الخطة هذه المرة؟")
    assert SENTENCE_END.search("هل يوافق المجلس؟") and CLAUSE_MARK.search("في الميناء، وقد")
