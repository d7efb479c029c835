"""Boilerplate phrasings, one line at a time, in several languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.clean.cleaner import clean_text
from generator.clean.rules.phrases import phrase_rule
from tests.clean.helpers import ARTICLE_END, ARTICLE_START, LONG_ARTICLE, every_rule_in_order, phrase_rules_decide


def test_a_subscription_offer_with_a_price_goes():
    """"12 issues for £11.99": the price's digits run on, so the offer must match however many there are."""
    assert phrase_rule("Delivered to your door every month. 12 issues for £11.99.") is not None
    assert phrase_rule("Get 6 issues for $5 and save") is not None


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


@pytest.mark.parametrize("line, removed", [
    ("GET EXAMPLE NEWS ON YOUR PHONE BY CLICKING HERE", True),
    ("Lisez la suite de l'enquête en cliquant ici.", True),
    ("You can read the ruling by clicking here, the court said in a statement on Tuesday.", False),
])
def test_a_line_that_ends_asking_to_click_through_goes(line, removed):
    phrase_rules_decide(line, removed)


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
    phrase_rules_decide(line, removed)


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
    phrase_rules_decide(line, removed)


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
    phrase_rules_decide(line, removed)


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
    phrase_rules_decide(line, removed)


@pytest.mark.parametrize("line, removed", [
    ("Get it on Google Play", True),
    ("Download on the App Store", True),
    ("Laden Sie unsere App herunter, um keine Nachricht zu verpassen.", True),
    ("Téléchargez notre application gratuite.", True),
    ("Descarga nuestra app y recibe alertas.", True),
    ("The game was pulled from the App Store on Friday.", False),
])
def test_an_app_download_pitch_goes(line, removed):
    phrase_rules_decide(line, removed)


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
    assert phrase_rule.__wrapped__(line) == every_rule_in_order(line)


@pytest.mark.parametrize("line, removed", [
    ("Jane Example contributed reporting from Lisbon.", True),
    ("Jane Example and Tom Sample contributed reporting.", True),
    ("Jane Example, Ana Muster and Tom Sample contributed research from Berlin and Paris.", True),
    ("Several agencies contributed reporting to the inquiry, the report said.", False),
    ("(Reporting by Jane Example; Editing by Tom Sample)", False),
])
def test_the_closing_credit_of_other_reporters_goes(line, removed):
    phrase_rules_decide(line, removed)


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
    phrase_rules_decide(line, removed)


@pytest.mark.parametrize("line, removed", [
    ("Text: Jane Example", True),
    ("Texte : Marie Exemple et Paul Modèle", True),
    ("Текст: Анна Примерова", True),
    ("Autor: Max Mustermann", True),
    ("Text: the full statement of the council", False),
    ("Author: unknown", False),
])
def test_a_writers_name_under_a_text_label_goes(line, removed):
    phrase_rules_decide(line, removed)


def test_share_buttons_and_comment_moderation_notices_go():
    text = (ARTICLE_START.replace("\n\n", "\n\nShare this on Telegram\n", 1) + "The second paragraph." + ARTICLE_END
            + "\n\nNote: comments that insult other readers will not be approved by the moderators.")
    body = clean_text("x", Path("x.txt"), text).body
    assert "Telegram" not in body and "moderators" not in body and "The mayor said" in body


def test_comment_prompts_calls_to_action_and_photo_credits_go():
    text = (ARTICLE_START + "Jane Example/Example Wire\nImage caption" + ARTICLE_END
            + "\n\nLiked this story? Share it with a friend and sign up for our free newsletter!"
            + "\n\nJoin the conversation\nPlease read our community guidelines before you post a comment here.")
    body = clean_text("x", Path("x.txt"), text).body
    for gone in ("Example Wire", "Image caption", "newsletter", "Join the", "community guidelines"):
        assert gone not in body, gone
    assert "The mayor said" in body


@pytest.mark.parametrize("line, rule", [
    ("The mayor opens the rebuilt quay on Tuesday. © Maria Costa / Harbour Press", "caption-credit"),
    ("The old lighthouse on the north pier. © Harbour Press", None),  # a notice may end a paragraph too
    ("Der Bürgermeister eröffnet den neuen Kai. | © Anna Müller/Hafenbild", "caption-credit"),
    ("Le maire inaugure le quai rénové / (C) Jean Dupont", "caption-credit"),
    ("Photograph by Maria Costa, Harbour Restoration Trust", "photo-credit"),
    ("Foto von Anna Müller", "photo-credit"),
    ("The council said the © sign on the plans meant they belonged to the city.", None),
    ("Der Rat nannte die Zahl von 2023 © 4 Prozent.", None),
    ("Photo by photo, the exhibition tells the story of the harbour.", None),
    # a stock-photo agency, alone or after the photographer's name, with or without its web address
    ("iStockphoto", "photo-credit"),
    ("Photo by jd on Pixabay", "photo-credit"),
    ("M. Costa/Adobe Stock.com", "photo-credit"),
    ("(Bild: Anna Müller/imago images)", "photo-credit"),
    ("The council bought the pictures of the quay from a stock agency such as Pixabay.", None),
])
def test_a_caption_that_ends_in_its_credit_or_a_credit_line_goes(line, rule):
    """A caption's credit after a © sign ends the line, set off by a separator or naming agency / photographer;
    a credit line names who took the picture ("Photo by")."""
    assert (phrase_rule(line) or (None,))[0] == rule


@pytest.mark.parametrize("line, rule", [
    ("Follow Harbour Weekly on Instagram and on Facebook for the latest.", "subscribe"),
    ("Folge uns auch auf Instagram, dort gibt es jeden Tag neue Bilder vom Hafen.", "subscribe"),
    ("Folgen Sie uns auf Facebook", "subscribe"),
    ("Suivez-nous sur Twitter et Instagram", "subscribe"),
    ("Síguenos en Instagram", "subscribe"),
    ("Follow the river on foot to the old mill.", None),
    ("Folge dem Fluss bis zur alten Mühle.", None),
])
def test_a_line_asking_readers_to_follow_the_site_goes(line, rule):
    """"Follow us" in several languages, and "Follow <the site> on <a network>"."""
    assert (phrase_rule(line) or (None,))[0] == rule


@pytest.mark.parametrize("line", ["Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind markiert.",
                                  "Ton adresse e-mail ne sera pas publiée.",
                                  "Ihre E-Mail-Adresse wird nicht veröffentlicht."])
def test_the_comment_form_addressing_the_reader_either_way_goes(line):
    """Comment forms say it formally or informally (Ihre / deine, votre / ton)."""
    assert (phrase_rule(line) or (None,))[0] == "comment-form"


@pytest.mark.parametrize("line", ["جريدة الميناء 2024. جميع الحقوق محفوظة", "כל הזכויות שמורות לעיתון הנמל 2024",
                                  "Materiał chroniony prawem autorskim - wszelkie prawa zastrzeżone.",
                                  "Havenblad 2024, alle rechten voorbehouden", "Все права защищены."])
def test_all_rights_reserved_in_more_languages_and_scripts_is_a_copyright_notice(line):
    """Right-to-left scripts (Arabic, Hebrew) and more European languages than the first rules covered."""
    assert (phrase_rule(line) or (None,))[0] == "footer"


@pytest.mark.parametrize("line, rule", [
    ("Jetzt Newsletter abonnieren", "subscribe"),
    ("Der Hafen-Newsletter: immer informiert!", "subscribe"),
    ("Harbour Weekly Newsletter", "subscribe"),
    ("La newsletter du port", "subscribe"),
    ("The council's newsletter reached every house in the harbour district last week.", None),
    ("Der Newsletter des Rates erreichte im Sommer jedes Haus am Hafen.", None),
])
def test_a_short_line_naming_a_newsletter_is_its_box(line, rule):
    """Five words or fewer, no sentence: the label of a newsletter box, in any language that borrows the word."""
    assert (phrase_rule(line) or (None,))[0] == rule


@pytest.mark.parametrize("line", ["Das könnte Sie auch interessieren", "Das Thema könnte dich auch interessieren:",
                                  "Das könnte euch auch interessieren:", "You might also like"])
def test_a_promotion_heading_in_the_formal_or_informal_second_person_goes(line):
    assert (phrase_rule(line) or (None,))[0] == "promo"


@pytest.mark.parametrize("line", ["Editors' Picks", "Editor’s picks", "Editor's Picks"])
def test_editors_picks_with_either_apostrophe_and_in_the_plural_is_a_promotion(line):
    assert (phrase_rule(line) or (None,))[0] == "promo"


def test_the_headlines_under_editors_picks_go():
    teasers = "Editors' Picks\nHarbour ferry timetable changes for the summer\n12 November 2019\nHow the old pier was saved"
    body = clean_text("x", Path("x.txt"), ARTICLE_START + LONG_ARTICLE + teasers + ARTICLE_END).body
    assert "ferry timetable" not in body and "old pier was saved" not in body


@pytest.mark.parametrize("line, rule", [
    ("Back to Gallery", "page-control"), ("Back to the article", "page-control"),
    ("Zurück zur Übersicht", "page-control"), ("Retour à l’article", "page-control"),
    ("Back to the harbour the ferry went, late again.", None),
])
def test_a_link_back_to_the_gallery_article_or_list_is_a_page_control(line, rule):
    assert (phrase_rule(line) or (None,))[0] == rule


@pytest.mark.parametrize("line, rule", [
    ("You are using an outdated browser. Please upgrade it to read this page as it is meant to look.",
     "browser-notice"),
    ("Your browser is not supported any more", "browser-notice"),
    ("Ihr Browser ist veraltet. Bitte aktualisieren Sie ihn.", "browser-notice"),
    ("Votre navigateur n'est plus supporté.", "browser-notice"),
    ("Please update your browser", "browser-notice"),
    ("The council told staff to update your browser bookmarks to the new portal, a spokesman said.", None),
    ("Older readers said the browser was too old to open the council's new forms.", None),
])
def test_a_notice_that_the_readers_browser_is_out_of_date_goes(line, rule):
    """The page's warning about the reader's browser, in several languages, not a sentence about browsers."""
    assert (phrase_rule(line) or (None,))[0] == rule
