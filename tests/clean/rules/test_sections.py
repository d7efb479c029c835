"""Boxes around and inside an article: promotions, captions, author boxes, comments, a second article."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.clean.cleaner import clean_text
from generator.clean.rules.phrases import phrase_rule
from generator.clean.rules.sections import author_box_at_end
from tests.clean.helpers import ARTICLE_END, ARTICLE_START, LONG_ARTICLE


def test_a_box_by_another_writer_inside_the_article_is_not_a_second_article():
    text = (ARTICLE_START + LONG_ARTICLE + "A difficult week for the mayor\n\nBy Jane Example, local democracy "
            "reporter\n\nThe mayor had hoped the vote would settle the matter.\n\nThe works start in May." + ARTICLE_END)
    body = clean_text("x", Path("x.txt"), text).body
    assert "The works start in May." in body and "The mayor said" in body


def test_headlines_under_a_promotion_label_go():
    text = (ARTICLE_START + "Related stories\nSchool board names a new head teacher\nStorm closes the coast road again"
            + ARTICLE_END)
    body = clean_text("x", Path("x.txt"), text).body
    assert "School board" not in body and "Storm closes" not in body
    assert "The mayor said" in body and "The city council met" in body


@pytest.mark.parametrize("box", [
    "About the writer\nJane Example\nA keen sailor and mother of two, Jane Example covers city hall from Portsmouth.",
    "Jane Example is a senior reporter who covers transport and city hall for the paper.",
])
def test_an_author_box_after_the_article_goes(box):
    text = ARTICLE_START + "The engineers will report in March." + ARTICLE_END + "\n\n" + box
    body = clean_text("x", Path("x.txt"), text).body
    assert "Jane Example" not in body and "About the writer" not in body and "The mayor said" in body


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


def test_a_caption_before_a_bare_credit_label_goes():
    """Some pages print caption, a bare "Credit" label, then the photographer: the caption is two lines up."""
    text = (ARTICLE_START + "The engineers will report in March.\nDivers check the east pier before the storm\n"
            "Credit...\nJane Example/Example Wire" + ARTICLE_END)
    body = clean_text("x", Path("x.txt"), text).body
    assert "Divers check" not in body and "Credit" not in body
    assert "The engineers will report in March." in body and "The mayor said" in body


def test_caption_above_the_byline_goes_and_the_standfirst_under_the_headline_stays():
    """Between headline and byline stand a standfirst and the lead photo's caption: the caption goes, and the
    standfirst, a sentence of prose right under the headline, is the article's lead."""
    text = ("Harbour bridge plan returns to the council\n\nThere is a lesson for the town in why the bridge has been so "
            "slow to come, and it is not about the money.\nThe old bridge as it was seen from the ferry landing in the "
            "spring.\n\nBy\nJane Example\n\n" + ARTICLE_START.split("\n\n", 1)[1]
            + "The engineers will report in March." + ARTICLE_END)
    article = clean_text("x", Path("x.txt"), text)
    assert "ferry landing" not in article.body
    assert article.body.startswith("There is a lesson for the town") and "The mayor said" in article.body
    assert "\n\nThe city council met again" in article.body


def test_the_headline_above_a_timestamp_goes_and_the_standfirst_under_it_stays():
    """The page's head stands above the time it was posted, the article below; a sentence of prose right under
    the headline is the article's standfirst, its lead."""
    text = ("Harbour bridge plan returns to the council\n\nThe piers are still unsafe after a decade of delays, and the "
            "town wants to know why.\nUpdated on: March 6, 2024 / 9:15 AM\n\n" + ARTICLE_START.split("\n\n", 1)[1]
            + "The engineers will report in March." + ARTICLE_END)
    body = clean_text("x", Path("x.txt"), text).body
    assert "Harbour bridge plan" not in body and "Updated on" not in body
    assert body.startswith("The piers are still unsafe") and "\n\nThe city council met again" in body


def test_headlines_that_ask_or_exclaim_are_teasers_too_but_a_sentence_after_a_question_is_not():
    text = (ARTICLE_START + "Trending News\nStorm closes the coast road: \"We had no choice!\"\nWill the ferry run "
            "this winter?\nSchool board names a new head teacher" + ARTICLE_END)
    body = clean_text("x", Path("x.txt"), text).body
    assert "coast road" not in body and "ferry" not in body and "School board" not in body
    kept = "Will the ferry run on time? Nobody knows. The council will decide in the spring."
    body = clean_text("x", Path("x.txt"), ARTICLE_START + "Related stories\n" + kept + ARTICLE_END).body
    assert kept in body


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


def test_a_caption_before_a_copyright_sign_and_its_agency_credit_goes():
    text = (ARTICLE_START + "The engineers will report in March.\nA ferry passes the east pier at dusk, March 3, 2024.\n"
            "©\nReuters / Jane Example" + ARTICLE_END)
    body = clean_text("x", Path("x.txt"), text).body
    assert "A ferry passes" not in body and "The engineers will report in March." in body and "The mayor said" in body


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


def test_a_bracketed_related_link_inside_the_text_goes():
    """"[Related:" opens a link to another article set inside the text; the headline under it goes too."""
    assert phrase_rule("[Related: Harbour ferry fares rise again]") is not None
    assert phrase_rule("[Lire aussi : Le pont du port à nouveau reporté]") is not None
    assert phrase_rule("[1] The council's figures for 2023.") is None
    text = ARTICLE_START + "[Related:\nHarbour Ferry Fares Rise Again\n]\nThe engineers will report in March." + ARTICLE_END
    body = clean_text("x", Path("x.txt"), text).body
    assert "Related" not in body and "Ferry Fares" not in body and "The engineers will report" in body


@pytest.mark.parametrize("box", [
    "Jane Example is the co-founder of Harbour Works, a studio that designs small ferries.",
    "Anna Beispiel ist Gründerin von Hafenwerk, einem Büro für kleine Fähren.",
    "I'm Jane, a sailor and a mother of two, and I write here about the coast and its boats.",
    "Ich bin Anna und schreibe hier über die Küste, ihre Boote und die Menschen, die dort leben.",
])
def test_a_box_about_the_founder_or_the_blogs_writer_after_the_article_goes(box):
    """Under the text, who runs the site: its founder, or the blog's writer introducing themselves by name."""
    text = ARTICLE_START + "The engineers will report in March." + ARTICLE_END + "\n\n" + box
    body = clean_text("x", Path("x.txt"), text).body
    assert box not in body and "The mayor said" in body


@pytest.mark.parametrize("last", ["I am sure the council will find the money, she said.",
                                  "Ich bin froh, dass die Brücke kommt, sagte sie.", "Je suis content, dit-il."])
def test_a_sentence_that_opens_in_the_first_person_without_a_name_is_no_author_box(last):
    assert author_box_at_end(["Harbour plan", "The council met.", "It voted.", "The mayor spoke.", last]) == []
