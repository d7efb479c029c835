"""Markers in hand-written pages (render/includes.py, render/home.py): a real build puts the latest articles and
the figures that disagree on the home page, with links that resolve, and leaves docs/index.md byte for byte as
written; a page in a sub-folder gets its links rebased; code shows markers as written; an unknown or misplaced
marker fails the build at its file and line."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.app.cli import main
from generator.render.includes import expand, rebased

from ..conftest import REPO, copy_archive
from ..helpers import fetch, free_port, wait_for
from ..sitecheck import page, resolve

SNIPPETS = {"latest": "- [A](articles/a.md)\n- [B](articles/b.md#p-2)\n", "disagreements": "[x](https://example.org/)\n",
            "sections": ""}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_marker_alone_on_its_line_is_replaced_and_code_is_left_as_written():
    text = "\n".join(["# Page", "<!-- archive:latest -->", "```md", "<!-- archive:latest -->", "```",
                      "    <!-- archive:latest -->", "Write `<!-- archive:latest -->` on a line of its own.", ""])
    out, findings = expand(text, "index.md", SNIPPETS)
    assert out.count("[A](articles/a.md)") == 1  # the marker line only
    assert out.count("<!-- archive:latest -->") == 3  # fenced, indented code and the code span are unchanged
    assert findings == []


def test_unknown_and_misplaced_markers_are_found_at_their_line_and_column():
    text = "intro\n<!-- archive:latst -->\n\ntext <!-- archive:latest --> more\n"
    out, findings = expand(text, "index.md", SNIPPETS)
    assert [(f.line, f.column) for f in findings] == [(2, 1), (4, 6)]
    assert "archive:latest" in findings[0].message and "own" in findings[1].message
    assert out == text  # nothing put anywhere


def test_links_are_rebased_for_a_page_in_a_folder_and_others_are_left_alone():
    out = rebased(SNIPPETS["latest"] + SNIPPETS["disagreements"] + "[top](#here)\n", "about/team/us.md")
    assert "](../../articles/a.md)" in out and "](../../articles/b.md#p-2)" in out
    assert "](https://example.org/)" in out and "](#here)" in out


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The seed archive with a second page of markers in a sub-folder, built; the digests of its pages before."""
    root = copy_archive(tmp_path_factory.mktemp("includes") / "archive")
    about = root / "docs" / "about" / "archive.md"
    about.parent.mkdir()
    about.write_text("---\ntitle: About\n---\n\n# About\n\n<!-- archive:latest -->\n\n<!-- archive:disagreements -->\n",
                     "utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("not_in_nav: |\n", "not_in_nav: |\n  /about/*.md\n"), "utf-8")
    before = {p: _digest(root / "docs" / p) for p in ("index.md", "about/archive.md", "contributing.md", "data.md")}
    assert main(["build", "--root", str(root)]) == 0
    return root, before


def test_the_build_leaves_the_hand_written_pages_as_written(built):
    root, before = built
    assert {p: _digest(root / "docs" / p) for p in before} == before
    assert "<!-- archive:latest -->" in (root / "docs" / "index.md").read_text("utf-8")


def test_the_home_page_lists_the_latest_articles_and_the_disagreements(built):
    root, _ = built
    site = root / "site"
    data = json.loads((site / "data" / "archive.json").read_text("utf-8"))
    articles = {a["page"].strip("/") for a in data["articles"]}
    disagreeing = {f["page"].strip("/") for f in data["facts"] if f["figures"] == "disagree"}
    assert disagreeing, "the seed archive has facts whose figures disagree"
    for where in ("index.html", "about/archive/index.html"):
        soup = page(site, where.removesuffix("index.html").strip("/"))
        content = soup.select_one("article")
        assert "<!-- archive:" not in str(content)
        latest = content.find(id="latest") if where == "index.html" else content
        targets = set()
        for link in content.find_all("a"):
            target, _ = resolve(site, site / where, link["href"])
            assert target.exists(), (where, link["href"])
            targets.add(target.parent.relative_to(site.resolve()).as_posix())
        assert disagreeing <= targets, where  # every fact whose figures disagree (the seeds have fewer than shown)
        assert len(targets & articles) == min(5, len(articles)), where
        assert latest is not None
    home = page(site, "").select_one("article").get_text(" ", strip=True)
    assert f"{len(disagreeing)} of {len(data['facts'])} facts" in home
    assert f"The latest of {len(data['articles'])} articles" in home


def test_snippets_are_neither_pages_nor_files_of_the_site(built):
    root, _ = built
    assert sorted(p.name for p in (root / "docs" / "data" / "includes").iterdir()) == \
        ["disagreements.include", "latest.include", "sections.include"]
    assert not (root / "site" / "data" / "includes").exists()


def test_a_page_without_markers_gets_nothing(built):
    root, _ = built
    # the data page asks only for the sections box: neither list is on it
    text = page(root / "site", "data").select_one("article").get_text(" ", strip=True)
    assert "The latest of" not in text and "cannot all be right" not in text


def test_an_unknown_marker_fails_the_build_at_its_line_and_changes_nothing(tmp_path: Path, capsys):
    root = copy_archive(tmp_path / "archive")
    assert main(["build", "--root", str(root)]) == 0
    home = root / "docs" / "index.md"
    home.write_text(home.read_text("utf-8") + "\n<!-- archive:lastest -->\n", "utf-8")
    line = home.read_text("utf-8").splitlines().index("<!-- archive:lastest -->") + 1
    site_before = _digest(root / "site" / "index.html")
    capsys.readouterr()
    assert main(["build", "--root", str(root)]) != 0
    err = capsys.readouterr()
    assert f"docs/index.md:{line}:1: error: unknown marker `archive:lastest`" in err.out + err.err
    assert _digest(root / "site" / "index.html") == site_before


def _home(url: str) -> str:
    return fetch(url) or ""


def test_the_preview_updates_the_home_page_when_an_article_becomes_the_latest(archive: Path):
    """serve builds --dirty, page by page as their files change: the home page's file does not, its snippet does."""
    url = f"http://127.0.0.1:{(port := free_port())}/"
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--root", str(archive),
                               "--dev-addr", f"127.0.0.1:{port}"], cwd=REPO, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    try:
        assert wait_for(lambda: "The latest of" in _home(url), 60), "the preview did not come up"
        assert "5 March 2031" not in _home(url)
        annotation = archive / "annotations" / "articles" / "002_c3b61f25a628ea79.yml"
        text = annotation.read_text("utf-8")
        annotation.write_text(re.sub(r"(?m)^date: *\S+", "date: 2031-03-05", text, count=1), "utf-8")
        latest = lambda: re.search(r'id="latest".*?<li>(.*?)</li>', _home(url), re.S)  # noqa: E731
        assert wait_for(lambda: bool(latest()) and "5 March 2031" in latest().group(1), 30), \
            "the home page's latest articles did not follow the edit"
    finally:
        server.terminate()
        server.communicate(timeout=20)
