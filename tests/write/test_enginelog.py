"""A build failing on MkDocs' strict link warnings prints each at its Markdown line and column."""

from __future__ import annotations

from pathlib import Path

from generator.app.cli import main
from tests.conftest import copy_archive


def test_broken_links_in_a_hand_written_page_are_located(tmp_path: Path, capsys):
    root = copy_archive(tmp_path / "archive")
    page = root / "docs" / "contributing.md"
    lines = page.read_text("utf-8").splitlines()
    page.write_text("\n".join(lines + ["", "See [the list](missing.md)."]) + "\n", "utf-8")
    assert main(["build", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    n = len(lines) + 2
    assert f"docs/contributing.md:{n}:16: error: Doc file 'contributing.md' contains a link 'missing.md'" in err
    assert not (root / "site").exists()

