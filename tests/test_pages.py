"""What readers see on listing, entity and fact pages of a real build: counts and quotations that do not mislead."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.app.cli import main
from generator.render.quotes import quoted

from .sitecheck import page

DOUBLED = re.compile("““|””|„„|““|««|»»|‘‘|’’|\"\"")


def _months(built: Path, url_path: str) -> dict[str, tuple[str, str]]:
    """The "Month | Articles | Outlets" table of a page: month -> (articles, outlets) as shown."""
    soup = page(built / "site", url_path)
    table = next(t for t in soup.select("table") if [th.get_text(strip=True) for th in t.select("th")]
                 == ["Month", "Articles", "Outlets"])
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in table.select("tbody tr")]
    return {month: (articles, outlets) for month, articles, outlets in rows}


def test_months_never_show_zero_outlets_for_articles_whose_outlet_is_unknown(built_archive: Path):
    """December 2023: four articles, one outlet identified; February 2024: one article, outlet unknown.
    "1" and "0" outlets would read as one publisher and as none; both pages say the same."""
    data = json.loads((built_archive / "site" / "data" / "archive.json").read_text("utf-8"))
    unknown = {a["id"] for a in data["articles"] if a["outlet"] is None}
    assert unknown, "the seed archive has articles without an outlet"
    for url_path in ("articles", "timeline"):
        months = _months(built_archive, url_path)
        assert months["December 2023"] == ("4", "1 · 3 articles unattributed")
        assert months["February 2024"] == ("1", "1 article unattributed")
        assert all(outlets != "0" for _, outlets in months.values())
        text = page(built_archive / "site", url_path).get_text(" ", strip=True)
        assert "counts the articles that do not say who published them" in text


@pytest.mark.parametrize("raw, shown", [
    ("Plain sentence.", "“Plain sentence\\.”"),
    ("“His presence could signal talks.”", "“His presence could signal talks\\.”"),
    ("«Allons-y.»", "«Allons\\-y\\.»"), ("„Wir gehen.“", "„Wir gehen\\.“"), ("»Hej.«", "»Hej\\.«"),
    ('"Straight."', '"Straight\\."'), ("‘Single.’", "‘Single\\.’"),
    ("“Quote,” he said.", "“Quote,” he said\\."), ("He said: “We will go.”", "He said: “We will go\\.”"),
    ("“First of two sentences.", "“First of two sentences\\.”"), ("Second of two.”", "“Second of two\\.”"),
    ("He said: “We will go.", "He said: “We will go\\.”"), ("we will go,” he said.", "“we will go,” he said\\."),
    ("«Allons-y.", "«Allons\\-y\\.»"), ("Wir gehen.“", "„Wir gehen\\.“"), ('He said "we go.', 'He said "we go\\."'),
    ("‘We won’t go.", "‘We won’t go\\.’"), ("He said “no” to it.", "“He said “no” to it\\.”"),
    ("’90s music.", "“’90s music\\.”"), ("“", "““”"),
])
def test_a_sentence_is_quoted_once_and_balanced(raw: str, shown: str):
    """Its own marks are not doubled (““…””), and a quotation it opens or closes alone is completed."""
    assert quoted(raw) == shown


def test_entity_pages_quote_a_quoted_sentence_once(built_archive: Path):
    """The reported line: ““His presence in Cairo could signal … negotiations.””, on every entity page."""
    site = built_archive / "site"
    cairo = [li.get_text(" ", strip=True) for li in page(site, "entities/cairo").select("article li")]
    assert any(line.startswith("“His presence in Cairo could signal") and line.endswith("negotiations.” ¶ 1")
               for line in cairo), cairo
    for html in (site / "entities").glob("*/index.html"):
        for li in BeautifulSoup(html.read_text("utf-8"), "html.parser").select("article li"):
            line = li.get_text("", strip=True)
            assert not DOUBLED.search(line), (html, line)
            assert line.count("“") == line.count("”"), (html, line)


def test_a_quotation_cut_into_two_sentences_reads_as_two_balanced_quotations(archive: Path):
    """The sentence splitter cuts “A. B.” into “A. and B.”: each line gets the mark it lacks, none doubled;
    a fact page quotes the sentence that states the fact the same way."""
    (archive / "seeds" / "talks.txt").write_text(
        "Talks in Egypt\n\nAn official said: “The talks in Cairo went well. We will return to Cairo next week.”\n\n"
        "“Cairo is where the talks belong,” another official said.\n\n"
        "“The toll has passed 19,700,” a ministry spokesman said.\n", "utf-8")
    (archive / "annotations" / "articles" / "talks.yml").write_text(
        "facts:\n  - fact: gaza-death-toll-dec-2023\n    quote: \"The toll has passed 19,700\"\n"
        "    figure: \"19,700\"\n", "utf-8")
    assert main(["build", "--root", str(archive), "--no-site"]) == 0
    lines = (archive / "docs" / "entities" / "cairo.md").read_text("utf-8").splitlines()
    assert any(line.startswith("- An official said: “The talks in <mark>Cairo</mark> went well\\.” [")
               for line in lines)
    assert any(line.startswith("- “We will return to <mark>Cairo</mark> next week\\.” [") for line in lines)
    assert any(line.startswith("- “<mark>Cairo</mark> is where the talks belong,” another official said\\. [")
               for line in lines)
    fact = (archive / "docs" / "facts" / "gaza-death-toll-dec-2023.md").read_text("utf-8")
    assert "| “The toll has passed 19,700,” a ministry spokesman said\\. | **19,700** |" in fact
    assert not any(DOUBLED.search(line) for line in lines + fact.splitlines())


def test_fact_page_says_what_its_reports_and_its_evidence_are(built_archive: Path):
    """The two lists differ by design (5 linked sentences in 3 articles; 2 pages and 3 articles cited as
    evidence): each heading is followed by what its list is, so a reader does not take one for the other."""
    soup = page(built_archive / "site", "facts/unsc-aid-resolution-vote-postponed")
    reports = soup.find(id="as-reported").find_next_sibling("p").get_text(" ", strip=True)
    evidence = soup.find(id="evidence").find_next_sibling("p").get_text(" ", strip=True)
    assert reports.endswith("states this claim, as each article words it: 5 sentences in 3 articles.")
    assert len(soup.find(id="as-reported").find_next("table").select("tbody tr")) == 5
    assert evidence.startswith("The sources the archive cites for the claim itself")
    assert "an article can state it without being cited as evidence" in evidence
    assert len(soup.find(id="evidence").find_next_sibling("ul").select("li")) == 5


def test_an_article_in_another_language_says_so_to_readers_and_machines(archive: Path):
    """Its title and paragraphs carry lang="fr" (screen readers, hyphenation); its JSON-LD inLanguage."""
    import markdown

    (archive / "seeds" / "passerelle.txt").write_text(
        "La passerelle du Thiou fermée après la crue\n\nLa passerelle qui enjambe le Thiou a été fermée dimanche "
        "après la crue, a annoncé la mairie dans un communiqué publié en fin de matinée.\n\nLes services techniques "
        "doivent inspecter l'ouvrage lundi, et la réouverture dépendra de l'état des fondations.\n", "utf-8")
    assert main(["build", "--root", str(archive), "--no-site"]) == 0
    text = (archive / "docs" / "articles" / "passerelle.md").read_text("utf-8").split("\n---\n", 1)[1]
    soup = BeautifulSoup(markdown.markdown(text, extensions=["attr_list", "md_in_html"]), "html.parser")
    assert soup.h1.get("lang") == "fr" and soup.h1.get_text().startswith("La passerelle du Thiou")
    body = [p for p in soup.find_all("p") if p.get("id", "").startswith("p-")]
    assert len(body) == 2 and all(p.get("lang") == "fr" for p in body)
    ld = json.loads(soup.find("script", type="application/ld+json").string)
    assert ld["inLanguage"] == "fr"
    english = (archive / "docs" / "articles").glob("0*.md")
    assert not any('lang="' in page.read_text("utf-8") for page in english)  # the site's own language: no attribute
