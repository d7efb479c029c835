"""Captures of one URL built as versions of one article: the latest shown, each capture's changes, the
annotations carried from the version they were written against, a revised figure on its fact page."""

from __future__ import annotations

from pathlib import Path

from generator.app.cli import main
from generator.ingest.urls import url_article_id
from generator.pipeline import load_archive
from tests.ingest.warcfiles import ARTICLE_ID, URL, captured_archive


def captured_article():
    """The captured article of the sample WARC, as load_archive() builds it (for render tests)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        archive, _ = load_archive(captured_archive(Path(folder) / "archive"), clean_cache=False)
    return archive.articles_by_id[ARTICLE_ID]


def test_captures_of_one_url_are_one_article_with_its_versions(tmp_path: Path):
    root = captured_archive(tmp_path / "archive")
    archive, problems = load_archive(root, clean_cache=False)
    assert not [p for p in problems if p.is_error], problems
    assert [p for p in problems if "cut short" in p.message]  # the truncated record: a warning, the rest builds
    article = archive.articles_by_id[ARTICLE_ID]
    assert ARTICLE_ID == url_article_id(URL)
    assert len(archive.articles) == 2  # the fixture's text seed, and the captured article once
    assert article.title == "River flood kills 15 in Riverton"  # the latest capture's
    assert article.url == "https://example.org/news/river-flood" and article.outlet == "Example Herald"
    assert [v.captured.isoformat() for v in article.versions] == [
        "2024-05-01T10:00:00+00:00", "2024-05-01T18:00:05+00:00", "2024-05-02T09:00:00+00:00"]
    first, second, revisit = article.versions
    assert first.changes == () and revisit.changes == () and revisit.title_before is None
    assert sorted(c.kind for c in second.changes) == ["added", "edited", "edited", "removed"]
    assert second.title_before == "River flood kills 12 in Riverton"
    # Written against the first capture: the note on a kept passage is carried, the other is kept as lost
    assert [n.note.text for n in article.notes] == ["Boats came from three neighbouring towns."]
    [lost] = article.lost
    assert lost.quote == "The mayor blamed the dam operator" and lost.last_seen == first.captured
    [fact] = article.facts
    assert fact.link.figure == "At least 15" and "15 people" in fact.sentence
    assert archive.skipped_records == (("error page", 1), ("not HTML", 1), ("not a response", 1), ("redirect", 1))


def test_the_build_shows_versions_diff_and_the_revision(tmp_path: Path, capsys):
    root = captured_archive(tmp_path / "archive")
    assert main(["build", "--root", str(root)]) == 0
    out = capsys.readouterr()
    assert "web-archive records skipped: 1 error page, 1 not HTML, 1 not a response, 1 redirect" in out.out
    assert "flood.warc.gz#offset=" in out.err and "cut short" in out.err
    page = (root / "docs" / "articles" / f"{ARTICLE_ID}.md").read_text(encoding="utf-8")
    assert "## Versions { #versions" in page and "3 captures" in page
    assert '<del class="diff-removed">12</del> <ins class="diff-added">15</ins>' in page
    assert "Passage removed after 1 May 2024, 10:00 UTC" in page
    fact = (root / "docs" / "facts" / "flood-deaths.md").read_text(encoding="utf-8")
    assert "## Revisions" in fact and "At least 12 people" in fact and "At least 15 people" in fact
    assert (root / "site" / "articles" / ARTICLE_ID / "index.html").is_file()


def test_a_seed_naming_the_url_joins_its_captures_as_the_earliest_version(tmp_path: Path):
    root = captured_archive(tmp_path / "archive")
    (root / "annotations" / "articles" / f"{ARTICLE_ID}.yml").unlink()
    (root / "seeds" / "saved.txt").write_text(
        "River flood kills 9 in Riverton\n\nThe river burst its banks on Tuesday night and flooded the lower "
        "town of Riverton.\n\nAt least 9 people were killed in the flood, the regional civil protection office "
        "said.\n", encoding="utf-8")
    (root / "annotations" / "articles" / "saved.yml").write_text(
        f"url: {URL}?utm_campaign=share\n", encoding="utf-8")
    archive, problems = load_archive(root, clean_cache=False)
    assert not [p for p in problems if p.is_error], problems
    assert "saved" in archive.articles_by_id and ARTICLE_ID not in archive.articles_by_id
    article = archive.articles_by_id["saved"]
    assert article.versions[0].captured is None and article.versions[0].source == "seeds/saved.txt"
    assert len(article.versions) == 4 and article.title == "River flood kills 15 in Riverton"


def test_a_version_that_names_no_capture_is_an_error_listing_them(tmp_path: Path):
    root = captured_archive(tmp_path / "archive")
    path = root / "annotations" / "articles" / f"{ARTICLE_ID}.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("2024-05-01T10:00:00Z", "2023-01-01"), encoding="utf-8")
    _, problems = load_archive(root, clean_cache=False)
    [problem] = [p for p in problems if p.is_error]  # the quotes are not also reported as orphans
    assert "names no capture" in problem.message and "2024-05-01T10:00:00Z" in problem.message
    assert problem.loc.path == f"annotations/articles/{ARTICLE_ID}.yml"


def test_a_fact_link_whose_sentence_a_later_capture_removed_is_a_revision(tmp_path: Path, capsys):
    from generator.render.versions import fact_revisions
    from tests.ingest.warcfiles import REMOVED

    root = captured_archive(tmp_path / "archive")
    note = root / "annotations" / "articles" / f"{ARTICLE_ID}.yml"  # written against the first capture
    note.write_text(note.read_text(encoding="utf-8") + '  - fact: dam-blame\n    quote: "a claim the operator '
                    'denied"\n', encoding="utf-8")
    with (root / "annotations" / "facts.yml").open("a", encoding="utf-8") as facts:
        facts.write("  - id: dam-blame\n    title: Who the mayor blamed\n    claim: The mayor blamed the dam "
                    "operator.\n")
    archive, problems = load_archive(root, clean_cache=False)
    assert not [p for p in problems if p.is_error], problems
    article = archive.articles_by_id[ARTICLE_ID]
    assert [lost.text for lost in article.lost if lost.kind == "fact link"] == ["dam-blame"]
    [revision] = fact_revisions("dam-blame", archive.articles)
    assert revision.removed and revision.before == REMOVED and revision.captured == article.versions[1].captured
    assert [r.fact_id for r in fact_revisions("flood-deaths", archive.articles)] == ["flood-deaths"]  # apart

    assert main(["build", "--root", str(root)]) == 0
    capsys.readouterr()
    fact = (root / "docs" / "facts" / "dam-blame.md").read_text(encoding="utf-8")
    [row] = [line for line in fact.splitlines() if "a claim the operator denied" in line]
    assert "removed in the capture of 1 May 2024, 18:00 UTC" in row and f"{ARTICLE_ID}.md#versions" in row
    page = (root / "docs" / "articles" / f"{ARTICLE_ID}.md").read_text(encoding="utf-8")
    section = page[page.index("### 2. 1 May 2024, 18:00 UTC"):page.index("### 3.")]
    assert '"Fact sentence removed"' in section and "../facts/dam-blame.md" in section


def test_archive_json_gives_each_articles_versions(tmp_path: Path, capsys):
    import json

    root = captured_archive(tmp_path / "archive")
    assert main(["build", "--root", str(root)]) == 0
    capsys.readouterr()
    data = json.loads((root / "site" / "data" / "archive.json").read_text(encoding="utf-8"))
    articles = {a["id"]: a for a in data["articles"]}
    assert [a["versions"] for i, a in articles.items() if i != ARTICLE_ID] == [[]]  # the text seed: read once
    first, second, revisit = articles[ARTICLE_ID]["versions"]
    assert [v["captured"] for v in (first, second, revisit)] == [
        "2024-05-01T10:00:00+00:00", "2024-05-01T18:00:05+00:00", "2024-05-02T09:00:00+00:00"]
    assert [v["shown"] for v in (first, second, revisit)] == [False, False, True]
    assert first["url"] == URL and second["url"] == URL + "/?utm_source=newsletter&fbclid=abc#comments"
    assert second["source"].startswith("seeds/flood.warc.gz#offset=")
    assert second["paragraphs"] == {"added": 1, "removed": 1, "edited": 2}
    assert revisit["paragraphs"] == {"added": 0, "removed": 0, "edited": 0}
    assert second["title_before"] == "River flood kills 12 in Riverton" and revisit["title_before"] is None
    [revised] = second["revised_figures"]
    assert revised["fact"] == "flood-deaths" and not revised["removed"]
    assert "At least 12 people" in revised["before"] and "At least 15 people" in revised["after"]
    assert first["revised_figures"] == revisit["revised_figures"] == []
    [lost] = [n for n in articles[ARTICLE_ID]["lost_notes"] if n["kind"] == "note"]
    assert lost["quote"] == "The mayor blamed the dam operator" and lost["last_seen"] == first["captured"]
