"""A broken link or anchor in a hand-written page fails `build` at its Markdown line, every one in one run.

MkDocs 1.6 skips its anchor validation when run with --verbose (which the build's progress reads), and
never looks at raw HTML links; the build checks the staged site's hand-written pages itself
(check/staged.py). Real builds of a copy of the seed archive.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from generator.app.cli import main
from tests.conftest import copy_archive

ARTICLE = "articles/000-0d653554ecbc9289.md"  # a generated page; its paragraphs carry {: #p-N } anchors


def _append(page: Path, text: str) -> int:
    """Add text at the end of page; the line number its first line lands on."""
    lines = page.read_text("utf-8").splitlines()
    page.write_text("\n".join([*lines, "", text]) + "\n", "utf-8")
    return len(lines) + 2


def _digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("link, column", [
    ("See [x](#missing).", 9),                              # same page
    ("See [x](data.md#no-such-anchor).", 9),                # another hand-written page
    (f"See [x]({ARTICLE}#p-9999).", 9),                     # a generated page
    ("## Renamed { #new-id }\n\nSee [x](#renamed).", 9),    # the slug a heading with an attr_list id no longer has
    ('See <a href="data.md#nowhere">x</a>.', 14),           # raw HTML, which MkDocs never checks
])
def test_a_broken_anchor_in_a_hand_written_page_fails_the_build_at_its_line(tmp_path: Path, capsys, link, column):
    root = copy_archive(tmp_path / "archive")
    assert main(["build", "--root", str(root)]) == 0
    before = {"docs": _digests(root / "docs"), "site": _digests(root / "site")}
    line = _append(root / "docs" / "contributing.md", link) + link.count("\n")
    capsys.readouterr()
    assert main(["build", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert f"docs/contributing.md:{line}:{column}: error: " in err, err
    assert "1 broken link in hand-written pages (above); docs/ and site/ were not changed" in err
    assert _digests(root / "site") == before["site"]
    assert {k: v for k, v in _digests(root / "docs").items() if k != "contributing.md"} == \
        {k: v for k, v in before["docs"].items() if k != "contributing.md"}
    assert not (root / ".build" / "site").exists() and not (root / ".build" / "docs").exists()
    # check says so too: it builds first with --build, and without it the site is older than docs/
    assert main(["check", "--root", str(root), "--build"]) == 1
    assert f"docs/contributing.md:{line}:{column}: error: " in capsys.readouterr().err
    assert main(["check", "--root", str(root)]) == 1
    assert "site:1:1: error: was built from an older docs/" in capsys.readouterr().err


def test_anchors_that_exist_build(tmp_path: Path, capsys):
    """No false alarm: a heading's slug, an attr_list id, another page's heading, a generated page's paragraph."""
    root = copy_archive(tmp_path / "archive")
    _append(root / "docs" / "contributing.md",
            "## A heading here\n\n## Named { #named-id }\n\n"
            "See [a](#a-heading-here), [b](#named-id), [c](data.md#the-archive-as-data), "
            f"[d]({ARTICLE}#p-1) and <a href=\"#named-id\">e</a>.")
    assert main(["build", "--root", str(root)]) == 0, capsys.readouterr().err
    assert (root / "site" / "contributing" / "index.html").is_file()


def test_every_broken_link_of_the_hand_written_pages_comes_out_of_one_build(tmp_path: Path, capsys):
    """Three broken links in two pages, of the three kinds (a missing page MkDocs reports, an anchor MkDocs
    does not check under --verbose, a raw HTML link it never checks): three located errors, one run."""
    root = copy_archive(tmp_path / "archive")
    index = _append(root / "docs" / "index.md", "A [gone page](gone.md) and <a href=\"also-gone/\">raw</a>.")
    data = _append(root / "docs" / "data.md", "The [missing part](#missing-part).")
    assert main(["build", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    located = [line for line in err.splitlines() if line.startswith("docs/") and ": error: " in line]
    assert [line.split(": error:")[0] for line in located] == [
        f"docs/data.md:{data}:20", f"docs/index.md:{index}:15", f"docs/index.md:{index}:37"], err
    assert "contains a link 'gone.md'" in located[1]  # MkDocs' own words, and reported once
    assert not (root / "site").exists()
