"""Entity links and note highlights on a real build of the seed archive: an entity is linked once per
paragraph, its link says its type and description on hover, a note's highlight its first words; hostile
text in either stays text."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup

from generator.app.cli import main
from generator.pipeline import load_archive

from ..conftest import copy_archive
from ..sitecheck import page

HOSTILE = 'Says "hi" <script>alert(1)</script> {: .x } [a](javascript:b) *c* & `d` } onclick="e"'


def test_an_entity_is_linked_at_its_first_mention_in_each_paragraph_only(built_archive: Path):
    archive, _ = load_archive(built_archive)
    site = built_archive / "site"
    repeated = 0
    for article in archive.articles:
        soup = page(site, f"articles/{article.slug}")
        mentions = Counter((m.span.block, m.entity_id) for m in archive.mentions if m.article_id == article.id)
        repeated += sum(1 for n in mentions.values() if n > 1)
        for block in {b for b, _ in mentions}:
            paragraph = soup.find(id=f"p-{block + 1}")
            linked = Counter(a["href"].split("/")[-2] for a in paragraph.select("a.entity-link"))
            assert set(linked) == {e for b, e in mentions if b == block}, (article.id, block)
            assert set(linked.values()) == {1}, (article.id, block, linked)
    assert repeated, "the seeds name an entity twice in one paragraph somewhere"


def test_entity_and_note_hover_text_is_escaped_text(tmp_path: Path):
    root = copy_archive(tmp_path / "archive")
    registry = root / "annotations" / "entities.yml"
    text = registry.read_text("utf-8")
    plain = "description: Palestinian Islamist political and militant movement that has governed the Gaza Strip since 2007."
    assert plain in text
    registry.write_text(text.replace(plain, "description: '" + HOSTILE.replace("'", "''") + "'"), "utf-8")
    assert main(["build", "--root", str(root)]) == 0
    archive, _ = load_archive(root)
    hamas_pages = {a.slug for a in archive.articles for m in archive.mentions
                   if m.article_id == a.id and m.entity_id == "hamas"}
    assert hamas_pages
    for slug in hamas_pages:
        html = (root / "site" / "articles" / slug / "index.html").read_text("utf-8")
        assert "<script>alert" not in html and 'onclick="e"' not in html
        soup = BeautifulSoup(html, "html.parser")
        links = soup.select('a.entity-link[href$="/hamas/"]')
        assert links and all(a["title"] == "Organisation: " + HOSTILE for a in links)
        assert not soup.select("a.x") and not soup.select('a[href^="javascript"]')
        for other in soup.select("a.entity-link"):
            assert other.get("title", "").split(":")[0] in {"Person", "Organisation", "Place", "Event"}, other
    notes = {a.slug: a for a in archive.articles if a.notes}
    slug, article = next(iter(notes.items()))
    soup = page(root / "site", f"articles/{slug}")
    marks = soup.select("mark.annotated")
    assert len(marks) == len(article.notes)
    for mark in marks:
        number, words = mark["title"].split(": ", 1)
        assert number.startswith("Note ") and 0 < len(words) <= 81 and "[[" not in words
