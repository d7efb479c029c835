"""The benchmark's synthetic archive is a valid archive of this project: 0 errors, and it builds."""

from __future__ import annotations

from pathlib import Path

from generator.app.cli import main
from generator.pipeline import load_archive
from tests.helpers import synth

REPO = Path(__file__).resolve().parent.parent


def test_synthetic_archive_validates_and_builds(tmp_path: Path):
    root = synth(tmp_path / "a")
    archive, problems = load_archive(root)
    assert [str(p) for p in problems if p.is_error] == []
    assert len(archive.articles) == 20 and archive.mentions
    assert any(a.notes for a in archive.articles) and any(a.facts for a in archive.articles)
    assert all(a.cleaned.removals for a in archive.articles)  # every article carried boilerplate
    assert main(["build", "--root", str(root)]) == 0
    assert (root / "site" / "index.html").is_file()
    assert main(["build", "--root", str(root)]) == 0  # the no-op rebuild is skipped by the fingerprint


def test_synthetic_archive_is_deterministic(tmp_path: Path):
    one, two = synth(tmp_path / "one"), synth(tmp_path / "two")
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    assert all((one / f).read_bytes() == (two / f).read_bytes() for f in files)


def test_search_index_holds_each_article_lead_when_the_archive_is_large(tmp_path: Path, monkeypatch):
    """Past the search budget an article's later paragraphs leave the index, its lead stays."""
    import json

    from generator.render import article as article_page

    root = synth(tmp_path / "a")
    archive, _ = load_archive(root)
    monkeypatch.setattr(article_page, "SEARCH_TEXT_BUDGET", 20 * 400)  # 400 characters an article
    assert main(["build", "--root", str(root)]) == 0  # 20 articles: rendered in this process
    index = json.loads((root / "site" / "search" / "search_index.json").read_text("utf-8"))
    text_of: dict[str, str] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        text_of[page] = text_of.get(page, "") + " " + doc["text"]
    for article in archive.articles:
        indexed = " ".join(text_of[f"articles/{article.slug}/"].split())
        paragraphs = [b.text for b in article.blocks if b.kind != "heading"]
        assert paragraphs[0].split()[-1] in indexed           # the lead is searchable
        assert sum(len(p) for p in paragraphs) > 400
        assert " ".join(paragraphs[-1].split()[:6]) not in indexed  # the rest is not
    page = (root / "site" / "articles" / archive.articles[0].slug / "index.html").read_text("utf-8")
    assert page.count("data-search-exclude") >= 1  # the excluded paragraphs are still on the page
