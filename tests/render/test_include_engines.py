"""The home page's markers under both engines (render/includes.py): Zensical, which runs Python-Markdown
extensions but none of MkDocs' plugins, fills them through the extension, as MkDocs does without the plugin;
a configuration that would leave a marked page empty under the build's engine is a warning at mkdocs.yml
naming the marker's page and line and the line to add; a marker that asks for nothing is a located error
under Zensical (where the plugin that reports it, fatal under MkDocs' --strict, does not run) and from `validate`."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from generator.app.cli import main
from generator.render.includes import EXTENSION, PLUGIN, setup_problems

from ..conftest import copy_archive

NEEDS_ZENSICAL = pytest.mark.skipif(importlib.util.find_spec("zensical") is None,
                                    reason="Zensical is not installed (pip install -e '.[bench]')")
CONFIG_HEAD = "site_name: x\ntheme:\n  name: material\n"


def _root(tmp_path: Path, config: str, page: str = "# Home\n\n<!-- archive:latest -->\n") -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(page, "utf-8")
    (tmp_path / "mkdocs.yml").write_text(CONFIG_HEAD + config, "utf-8")
    return tmp_path


def _without(root: Path, entry: str) -> None:
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert f"  - {entry}\n" in text
    config.write_text(text.replace(f"  - {entry}\n", ""), "utf-8")


def test_the_extension_serves_both_engines_and_the_plugin_only_mkdocs(tmp_path: Path):
    root = _root(tmp_path, f"markdown_extensions:\n  - toc\nplugins:\n  - search\n  - {PLUGIN}\n")
    assert setup_problems(root, "mkdocs") == [] and setup_problems(root, "properdocs") == []
    [problem] = setup_problems(root, "zensical")
    assert (problem.loc.path, problem.loc.line, problem.severity) == ("mkdocs.yml", 4, "warning")
    assert "docs/index.md:3" in problem.message and "archive:latest" in problem.message
    assert f"`  - {EXTENSION}` under `markdown_extensions:`" in problem.message
    (root / "mkdocs.yml").write_text(CONFIG_HEAD + f"markdown_extensions:\n  - toc\n  - {EXTENSION}\n", "utf-8")
    assert setup_problems(root, "zensical") == [] and setup_problems(root, "mkdocs") == []


def test_neither_is_a_warning_under_mkdocs_too_and_says_where_to_add_the_list(tmp_path: Path):
    root = _root(tmp_path, "plugins:\n  - search\nextra:\n  icon: !!python/name:material.extensions.emoji.twemoji\n")
    [problem] = setup_problems(root, "mkdocs")
    assert problem.loc.line == 1 and f"add `markdown_extensions:` with `  - {EXTENSION}`" in problem.message


def test_a_page_without_markers_or_with_one_only_in_code_needs_neither(tmp_path: Path):
    root = _root(tmp_path, "plugins:\n  - search\n", "# Home\n\n```md\n<!-- archive:latest -->\n```\n")
    assert setup_problems(root, "zensical") == []


def _home(root: Path) -> str:
    return (root / "site" / "index.html").read_text("utf-8")


@NEEDS_ZENSICAL
def test_zensical_fills_the_home_page_and_leaves_it_as_written(tmp_path: Path):
    root = copy_archive(tmp_path / "archive")
    before = (root / "docs" / "index.md").read_bytes()
    assert main(["build", "--root", str(root), "--engine", "zensical"]) == 0
    home = _home(root)
    assert re.search(r"The latest of <strong>5</strong>", home), "the latest articles are missing"
    assert "cannot all be right" in home and 'class="page-aside"' in home
    assert "archive:latest" not in home
    assert (root / "docs" / "index.md").read_bytes() == before
    assert not (root / "site" / "data" / "includes").exists()  # parts of pages, not files of the site


def test_mkdocs_without_the_plugin_fills_it_through_the_extension(tmp_path: Path):
    root = copy_archive(tmp_path / "archive")
    _without(root, PLUGIN)
    assert main(["build", "--root", str(root)]) == 0
    assert re.search(r"The latest of <strong>5</strong>", _home(root))


def test_a_marker_in_a_nested_docs_folder_is_named_from_the_archive_root(tmp_path: Path):
    root = _root(tmp_path, f"docs_dir: site-src/pages\nmarkdown_extensions:\n  - {EXTENSION}\n")
    (root / "site-src").mkdir()
    (root / "docs").rename(root / "site-src" / "pages")
    (root / "site-src" / "pages" / "index.md").write_text("# Home\n\n<!-- archive:lastest -->\n", "utf-8")
    [unknown] = setup_problems(root, "zensical")
    assert (unknown.loc.path, unknown.loc.line) == ("site-src/pages/index.md", 3)


@NEEDS_ZENSICAL
def test_a_zensical_build_without_the_extension_says_so_at_mkdocs_yml(tmp_path: Path, capsys):
    root = copy_archive(tmp_path / "archive")
    _without(root, EXTENSION)
    assert main(["build", "--root", str(root), "--engine", "zensical"]) == 0
    said = "".join(capsys.readouterr())
    assert re.search(r"^mkdocs\.yml:\d+: warning: docs/\S+\.md:\d+ has the marker `<!-- archive:", said, re.M), said


def _misspelled(root: Path) -> int:
    """docs/index.md with its `latest` marker misspelled; the marker's line."""
    home = root / "docs" / "index.md"
    home.write_text(home.read_text("utf-8").replace("<!-- archive:latest -->", "<!-- archive:lastest -->"), "utf-8")
    return home.read_text("utf-8").splitlines().index("<!-- archive:lastest -->") + 1


def test_a_misspelled_marker_is_found_where_the_plugin_does_not_run(tmp_path: Path):
    root = _root(tmp_path, f"markdown_extensions:\n  - {EXTENSION}\nplugins:\n  - {PLUGIN}\n",
                 "# Home\n\n<!-- archive:lastest -->\n\nSee <!-- archive:latest --> here.\n")
    assert setup_problems(root, "mkdocs") == []  # the plugin says it, in the engine's log (fatal under --strict)
    unknown, shared = setup_problems(root, "zensical")
    assert (unknown.loc.path, unknown.loc.line, unknown.loc.column, unknown.severity) == \
        ("docs/index.md", 3, 1, "error")
    assert "unknown marker `archive:lastest`" in unknown.message
    assert "write `<!-- archive:latest -->` if that is what was meant" in unknown.message
    assert (shared.loc.line, shared.loc.column) == (5, 5) and "give it a line of its own" in shared.message


def test_a_zensical_build_refuses_a_misspelled_marker_at_its_line_and_writes_nothing(tmp_path: Path, capsys):
    # Refused before the engine runs, as MkDocs' --strict refuses the plugin's warning: no Zensical needed.
    root = copy_archive(tmp_path / "archive")
    assert main(["build", "--root", str(root), "--engine", "mkdocs"]) == 0
    before = {p: p.read_bytes() for p in (root / "docs").rglob("*") if p.is_file()}
    line = _misspelled(root)
    before[root / "docs" / "index.md"] = (root / "docs" / "index.md").read_bytes()
    capsys.readouterr()
    assert main(["build", "--root", str(root), "--engine", "zensical"]) != 0
    said = "".join(capsys.readouterr())
    assert f"docs/index.md:{line}:1: error: unknown marker `archive:lastest`" in said, said
    assert {p: p.read_bytes() for p in (root / "docs").rglob("*") if p.is_file()} == before


def test_a_docs_only_build_refuses_a_misspelled_marker_too(tmp_path: Path, capsys):
    root = copy_archive(tmp_path / "archive")
    line = _misspelled(root)
    assert main(["build", "--root", str(root), "--no-site"]) != 0
    said = "".join(capsys.readouterr())
    assert f"docs/index.md:{line}:1: error: unknown marker `archive:lastest`" in said, said
    assert not (root / "docs" / "articles").exists(), "nothing generated is written"


def test_validate_reports_a_misspelled_marker_at_its_line(tmp_path: Path, capsys):
    root = copy_archive(tmp_path / "archive")
    assert main(["validate", "--root", str(root)]) == 0
    assert "archive:" not in "".join(capsys.readouterr())  # the seed's markers are all known
    line = _misspelled(root)
    assert main(["validate", "--root", str(root)]) != 0  # the build would refuse it, under every engine
    said = "".join(capsys.readouterr())
    assert f"docs/index.md:{line}:1: error: unknown marker `archive:lastest`" in said, said
    assert "1 error" in said
