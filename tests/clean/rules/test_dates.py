"""Dates as pages write them, lifted, and what only looks like a date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.clean.cleaner import clean_text
from generator.clean.rules.dates import date_line
from tests.clean.helpers import ARTICLE_END, ARTICLE_START


@pytest.mark.parametrize("text", ["03/04/2023", "31.02.2023", "1.2.3 release", "Home | World | News",
                                  "Published March 3, 2024 | Read more", "3 out of 2023 voters"])
def test_what_is_not_one_date_is_not_read_as_a_date(text):
    """A slashed date is the month first on a US page and the day first elsewhere; a day that does not exist,
    a version number, and a date beside anything but another date are not dates either."""
    assert date_line(text) is None


def test_timestamp_lines_inside_the_text_go_but_bare_dates_stay():
    paragraphs = "".join(f"Paragraph {n} of the report on the piers has a sentence.\n\n" for n in range(8))
    text = (ARTICLE_START + paragraphs + "Updated: Wed 9:15 AM, March 6, 2024\n\nThe engineers will report.\n\n"
            "12 March 2024" + ARTICLE_END)
    body = clean_text("x", Path("x.txt"), text).body
    assert "9:15" not in body and "12 March 2024" in body and "The mayor said" in body


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
