"""Notes that link an article, an entity or a fact by id ([[kind:id]]): checked by validate, rendered as
the target's title linked from the article page, covered by the link checker."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.app.cli import main
from tests.conftest import copy_archive
from tests.sitecheck import broken_links, page, resolve

REPO = Path(__file__).resolve().parents[2]
ARTICLE = "annotations/articles/001_a4029b8832b4861f.yml"
OLD_NOTE = "    note: This article and article [[article:003|003]] follow"


def set_note(root: Path, text: str) -> tuple[int, int]:
    """Replace the start of the article's first note; the note text's line and column."""
    path = root / ARTICLE
    content = path.read_text("utf-8")
    assert OLD_NOTE in content
    content = content.replace(OLD_NOTE, f"    note: {text}", 1)
    path.write_text(content, "utf-8")
    n = next(i for i, line in enumerate(content.splitlines()) if line.startswith(f"    note: {text}"))
    return n + 1, len("    note: ") + 1


def validate(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "validate", "--root", str(root)],
                          cwd=REPO, capture_output=True, text=True, timeout=120)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    return copy_archive(tmp_path / "archive")


@pytest.mark.parametrize("written, expected", [
    ("[[article:03]]", "unknown article '03'; did you mean '003'?"),
    ("[[entity:ismail-haniye]]", "unknown entity 'ismail-haniye'; did you mean 'ismail-haniyeh'?"),
    ("[[fact:no-such-fact-at-all-here]]", "unknown fact 'no-such-fact-at-all-here'"),
])
def test_an_unknown_reference_is_a_located_error_with_did_you_mean(archive: Path, written: str, expected: str):
    line, column = set_note(archive, f"See {written} which follow")
    result = validate(archive)
    assert result.returncode == 1
    errors = [e for e in result.stderr.splitlines() if ": error: " in e]
    assert errors == [f"{ARTICLE}:{line}:{column + len('See ')}: error: notes/0: {expected} in {written}"], \
        result.stderr


def test_references_render_as_linked_titles_that_resolve(archive: Path):
    set_note(archive, "This article and [[article:003]] (on [[entity:ismail-haniyeh]], "
                      "see [[fact:gaza-death-toll-dec-2023]], [[article:002|article 002]]) *follow*")
    result = validate(archive)
    assert result.returncode == 0, result.stderr
    assert main(["build", "--root", str(archive)]) == 0
    site = archive / "site"
    html_file = site / "articles" / next(p.name for p in (site / "articles").iterdir()
                                         if p.name.startswith("001")) / "index.html"
    soup = page(site, html_file.parent.relative_to(site).as_posix())
    note = soup.find(id="note-1")
    links = {a.get_text(): a["href"] for a in note.find_all("a")  # not the phone's show / hide of the note
             if not {"note-open", "note-close"} & set(a.get("class", []))}
    title_003 = page(site, next(p.relative_to(site).as_posix() for p in (site / "articles").iterdir()
                                if p.name.startswith("003"))).find("h1").get_text(strip=True).rstrip("¶")
    fact_title = page(site, "facts/gaza-death-toll-dec-2023").find("h1").get_text(strip=True).rstrip("¶")
    assert set(links) == {title_003, "Ismail Haniyeh", fact_title, "article 002"}, links
    assert resolve(site, html_file, links["article 002"])[0].parent.name.startswith("002")
    for text, href in links.items():
        target, _ = resolve(site, html_file, href)
        assert target is not None and target.is_file(), (text, href)
    assert resolve(site, html_file, links["Ismail Haniyeh"])[0].parent.name == "ismail-haniyeh"
    # the text around the references stays plain text: the asterisks are not emphasis
    assert "*follow*" in note.get_text() and note.find("em") is None
    assert not any("001" in b for b in broken_links(site))


HANIYEH = "    description: Palestinian politician who headed"
DEATH_TOLL = "    claim: Palestinians killed in Gaza since 7 October 2023,"


def replace_in(root: Path, name: str, old: str, new: str) -> int:
    """Replace old by new in annotations/<name>; the 1-based line of the item (the `- id:` line) before it."""
    path = root / "annotations" / name
    content = path.read_text("utf-8")
    assert old in content
    path.write_text(content.replace(old, new, 1), "utf-8")
    lines = content[:content.index(old)].splitlines()
    return max(i for i, line in enumerate(lines) if line.lstrip().startswith("- id:")) + 1


@pytest.mark.parametrize("name, old, written, what, expected", [
    ("entities.yml", HANIYEH, "[[article:03]]", "entity 'ismail-haniyeh': description",
     "unknown article '03'; did you mean '003'?"),
    ("facts.yml", DEATH_TOLL, "[[entity:ismail-haniye]]", "fact 'gaza-death-toll-dec-2023': claim",
     "unknown entity 'ismail-haniye'; did you mean 'ismail-haniyeh'?"),
])
def test_an_unknown_reference_in_a_description_or_claim_is_a_located_error(archive: Path, name: str, old: str,
                                                                           written: str, what: str, expected: str):
    content = (archive / "annotations" / name).read_text("utf-8")
    line = content[:content.index(old)].count("\n") + 1  # the reference's own line and column, not its item's
    replace_in(archive, name, old, f"{old} (see {written})")
    result = validate(archive)
    assert result.returncode == 1
    errors = [e for e in result.stderr.splitlines() if ": error: " in e]
    column = len(f"{old} (see ") + 1
    assert len(errors) == 1 and errors[0].startswith(f"annotations/{name}:{line}:{column}:"), result.stderr
    assert errors[0].endswith(f": error: {what}: {expected} in {written}"), result.stderr


def test_references_in_descriptions_and_claims_are_links_on_pages_and_titles_in_data(archive: Path):
    replace_in(archive, "entities.yml", HANIYEH, "    description: Covered in [[article:003]] and *elsewhere*; headed")
    replace_in(archive, "facts.yml", DEATH_TOLL,
               "    claim: Killed in Gaza, as [[entity:ismail-haniyeh|Haniyeh's movement]] disputes, since 7 October 2023,")
    assert validate(archive).returncode == 0
    assert main(["build", "--root", str(archive)]) == 0
    site = archive / "site"
    article_003 = next(p for p in (site / "articles").iterdir() if p.name.startswith("003"))
    title_003 = page(site, article_003.relative_to(site).as_posix()).find("h1").get_text(strip=True).rstrip("¶")

    entity_html = site / "entities" / "ismail-haniyeh" / "index.html"
    entity = page(site, "entities/ismail-haniyeh")
    paragraph = next(p for p in entity.find_all("p") if "Covered in" in p.get_text())
    (link,) = paragraph.find_all("a")
    assert link.get_text() == title_003 and resolve(site, entity_html, link["href"])[0].parent == article_003
    assert "*elsewhere*" in paragraph.get_text() and paragraph.find("em") is None  # the rest stays plain text
    meta = entity.find("meta", attrs={"name": "description"})
    assert meta is not None and meta["content"].startswith(f"Covered in {title_003} and"), meta

    fact_html = site / "facts" / "gaza-death-toll-dec-2023" / "index.html"
    fact = page(site, "facts/gaza-death-toll-dec-2023")
    claim = fact.find(class_="fact-claim-text")
    (link,) = claim.find_all("a")
    assert link.get_text() == "Haniyeh's movement"
    assert resolve(site, fact_html, link["href"])[0] == entity_html

    data = json.loads((site / "data" / "archive.json").read_text("utf-8"))
    description = next(e["description"] for e in data["entities"] if e["id"] == "ismail-haniyeh")
    claim_text = next(f["claim"] for f in data["facts"] if f["id"] == "gaza-death-toll-dec-2023")
    assert description.startswith(f"Covered in {title_003} and *elsewhere*") and "[[" not in description
    assert claim_text.startswith("Killed in Gaza, as Haniyeh's movement disputes") and "[[" not in claim_text
    assert not any("ismail-haniyeh" in b or "gaza-death-toll" in b for b in broken_links(site))
