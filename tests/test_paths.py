"""Every file the generator writes stays inside docs/<generated folder>/; legal ids stay legal."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.app.cli import main
from generator.write import plan as write
from generator.write.plan import plan

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLE = "A headline for a dotted article\n\nThe dotted article has a paragraph of its own, long enough.\n"


@pytest.mark.parametrize("path", ["../escape.md", "articles/../../escape.md", "/etc/escape.md", "index.md",
                                  "articles/a\x00b.md", "articles/a\\..\\b.md", "articles//b.md", "articles/./b.md",
                                  "articles/", "elsewhere/page.md"])
def test_plan_refuses_paths_outside_the_generated_folders(tmp_path: Path, path: str):
    changes, problems = plan(tmp_path / "docs", {path: "# x\n"})
    assert not changes.write and len(problems) == 1
    assert "would land outside the generated folders" in problems[0].message


def test_plan_refuses_a_generated_folder_that_is_a_symlink(tmp_path: Path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "docs" / "articles").symlink_to(tmp_path / "elsewhere")
    changes, problems = plan(tmp_path / "docs", {"articles/a.md": "# a\n"})
    assert not changes.write
    assert [(p.loc.path, p.is_error) for p in problems] == [("docs/articles/a.md", True)]
    assert "symbolic link" in problems[0].message
    assert not any((tmp_path / "elsewhere").iterdir())  # nothing written through the link


def test_plan_refuses_a_nested_folder_or_a_page_that_is_a_symlink_leading_out(tmp_path: Path):
    (tmp_path / "docs" / "tags").mkdir(parents=True)
    (tmp_path / "docs" / "articles").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "docs" / "tags" / "war").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "docs" / "articles" / "b.md").symlink_to(tmp_path / "elsewhere" / "b.md")
    pages = {"articles/a.md": b"# a\n", "articles/b.md": b"# b\n", "tags/war/index.md": b"# war\n",
             "tags/peace/index.md": b"# peace\n"}
    changes, problems = plan(tmp_path / "docs", pages)
    assert sorted(changes.write) == ["articles/a.md", "tags/peace/index.md"]
    assert sorted(p.loc.path for p in problems) == ["docs/articles/b.md", "docs/tags/war/index.md"]


def _archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    shutil.copytree(FIXTURES / "base", root)
    shutil.copy2(Path(__file__).resolve().parent.parent / "mkdocs.yml", root / "mkdocs.yml")
    return root


def test_ids_with_dots_dashes_and_underscores_are_legal(tmp_path: Path):
    root = _archive(tmp_path)
    (root / "seeds" / "2024.01.05-report_v2.txt").write_text(ARTICLE)
    assert main(["build", "--root", str(root), "--no-site"]) == 0
    assert (root / "docs/articles/2024-01-05-report-v2.md").is_file()
    written = [p for p in (root / "docs").rglob("*") if p.is_file()]
    assert all(p.relative_to(root / "docs").parts[0] in ("articles", "entities", "facts", "outlets", "tags",
                                                          "timeline", "data", ".generated.json") for p in written)


def test_outlets_that_map_to_one_page_share_it(tmp_path: Path):
    root = _archive(tmp_path)
    for name, outlet in (("one", "BBC News"), ("two", "BBC-News"), ("three", "Index")):
        (root / "seeds" / f"{name}.txt").write_text(ARTICLE.replace("dotted", name))
        (root / "annotations" / "articles" / f"{name}.yml").write_text(f"outlet: {outlet}\n")
    assert main(["build", "--root", str(root), "--no-site"]) == 0
    outlets = root / "docs" / "outlets"
    assert sorted(p.name for p in outlets.iterdir()) == ["bbc-news.md", "index-outlet.md", "index.md",
                                                         "the-example-herald.md"]
    shared = (outlets / "bbc-news.md").read_text()
    assert "2 articles in the archive." in shared
    assert "| Outlet | Articles |" in (outlets / "index.md").read_text()
    assert "# Index" in (outlets / "index-outlet.md").read_text()


def test_outlets_named_in_other_letters_get_pages_of_their_own(tmp_path: Path):
    """Accents are spelt out, not dropped ("le-dauphine", not "le-dauphin"), and names in other scripts are
    spelt in ASCII: two of them are not both "untitled", one page listing both."""
    root = _archive(tmp_path)
    for name, outlet in (("one", "Le Dauphiné Savoyard"), ("two", "Новая газета"), ("three", "الجزيرة")):
        (root / "seeds" / f"{name}.txt").write_text(ARTICLE.replace("dotted", name))
        (root / "annotations" / "articles" / f"{name}.yml").write_text(f"outlet: {outlet}\n", encoding="utf-8")
    assert main(["build", "--root", str(root), "--no-site"]) == 0
    outlets = sorted(p.name for p in (root / "docs" / "outlets").iterdir())
    assert outlets == ["index.md", "le-dauphine-savoyard.md", "ljzyrh.md", "novaya-gazeta.md",
                       "the-example-herald.md"]


def test_plan_compares_pages_with_docs_block_by_block(tmp_path: Path, monkeypatch):
    """A page already in docs/ is compared a block at a time (a 100 MB data file is never read whole):
    same bytes are unchanged; a difference in any block, or in length, is written."""
    monkeypatch.setattr(write, "COMPARE_BLOCK", 4)
    docs = tmp_path / "docs"
    (docs / "data").mkdir(parents=True)
    old = b"0123456789abcdef-last"
    (docs / "data" / "archive.json").write_bytes(old)
    (docs / ".generated.json").write_text('{"files": {"data/archive.json": ""}}', "utf-8")
    for new, unchanged in [(old, True), (old[:-1] + b"T", False), (b"X" + old[1:], False), (old + b"!", False),
                           (old[:-1], False)]:
        changes, problems = plan(docs, {"data/archive.json": new})
        assert problems == []
        assert (changes.unchanged == 1) is unchanged and (new in changes.write.values()) is not unchanged, new
