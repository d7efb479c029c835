"""The "at a glance" box of a real build's article and entity pages: what it lists resolves, it is bounded,
it names tags by their tags.yml labels, and it never repeats an unknown outlet the header already says."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from generator.app.cli import main
from generator.render.aside import ENTITIES_SHOWN

from ..conftest import copy_archive
from ..sitecheck import page, resolve


def _articles(site: Path) -> list[dict]:
    return json.loads((site / "data" / "archive.json").read_text("utf-8"))["articles"]


def test_every_article_box_links_pages_that_exist_and_stays_bounded(built_archive: Path):
    site = built_archive / "site"
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    for article in _articles(site):
        html_file = site / article["page"].strip("/") / "index.html"
        soup = page(site, article["page"].strip("/"))
        box = soup.select_one("aside.page-aside")
        assert box is not None, article["page"]
        searched = " ".join(d["text"] for d in index if d["location"].startswith(article["page"].lstrip("/")))
        assert "Names (" not in searched, "the box would repeat the page in search"
        for link in box.find_all("a"):
            target, _ = resolve(site, html_file, link["href"])
            assert target.exists(), (article["page"], link["href"])
        names = [a for a in box.find_all("a") if "/entities/" in a["href"]]
        assert 0 < len(names) <= ENTITIES_SHOWN
        text = soup.select_one("article").get_text(" ", strip=True)
        assert text.count("not identified") <= 1, article["page"]


def test_the_box_opens_no_search_entry_of_its_own(built_archive: Path):
    # Material's search plugin gives whatever comes before a page's first heading a section of its own: a box
    # there was an empty entry for every article and entity, besides the title's own at '#<title anchor>'
    site = built_archive / "site"
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    data = json.loads((site / "data" / "archive.json").read_text("utf-8"))
    for item in data["articles"] + data["entities"]:
        entries = [d for d in index if d["location"].split("#")[0] == item["page"].lstrip("/")]
        assert entries, item["page"]
        assert entries[0]["location"] == item["page"].lstrip("/") and entries[0]["text"], entries[0]
        assert all(d["text"] for d in entries), item["page"]
        assert page(site, item["page"].strip("/")).select_one("h1 ~ aside.page-aside"), item["page"]


def test_entity_box_names_type_and_co_mentions(built_archive: Path):
    site = built_archive / "site"
    soup = page(site, "entities/ismail-haniyeh")
    box = soup.select_one("aside.page-aside")
    text = box.get_text(" ", strip=True)
    assert "Person" in text and "Haniyeh" in text  # its type and its alias
    targets = [resolve(site, site / "entities" / "ismail-haniyeh" / "index.html", a["href"])[0] for a in box.find_all("a")]
    assert targets and all(t.exists() and t.parent.parent == (site / "entities").resolve() for t in targets), targets


def test_tags_show_their_labels_in_header_and_box(tmp_path: Path):
    root = copy_archive(tmp_path / "archive")
    used = sorted({t for p in (root / "annotations" / "articles").glob("*.yml")
                   for t in (yaml.safe_load(p.read_text("utf-8")) or {}).get("tags", [])})
    assert "hostages" in used
    entries = "".join(f"  - id: {t}\n    label: {'Hostages and captives' if t == 'hostages' else t.title()}\n"
                      for t in used)
    (root / "annotations" / "tags.yml").write_text("tags:\n" + entries, "utf-8")
    assert main(["build", "--root", str(root)]) == 0
    site = root / "site"
    tagged = next(a for a in _articles(site) if "hostages" in a["tags"])
    soup = page(site, tagged["page"].strip("/"))
    for where in (soup.select_one(".article-tags"), soup.select_one("aside.page-aside")):
        labels = [a.get_text() for a in where.find_all("a") if "/tags/hostages" in a["href"]]
        assert labels == ["Hostages and captives"], where


def test_a_notes_show_and_hide_links_stay_out_of_search(built_archive: Path):
    """The links that fold a note on phones are controls, not the note's words."""
    site = built_archive / "site"
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    folds = [a for article in _articles(site) for a in page(site, article["page"].strip("/")).select("a.note-open")]
    assert folds, "the seed articles have notes"
    notes = [d["text"] for d in index if "Note 1 · on" in d["text"]]
    assert notes and not any("”show" in text or "showhide" in text for text in notes)
