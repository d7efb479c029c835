"""`check` never passes an old site/ off as the current pages."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.app.cli import main


def test_check_says_when_site_is_older_than_docs(built_archive: Path, tmp_path: Path, capsys):
    root = tmp_path / "archive"
    shutil.copytree(built_archive, root, symlinks=True)
    assert main(["build", "--root", str(root)]) == 0  # the copy's records name other files: built here
    capsys.readouterr()
    assert main(["check", "--root", str(root)]) == 0
    assert "older" not in capsys.readouterr().err
    page = root / "docs" / "contributing.md"
    page.write_text(page.read_text("utf-8") + "\n[gone](missing.md)\n", "utf-8")  # a hand edit, not built
    assert main(["check", "--root", str(root)]) == 1
    assert "site:1:1: error: was built from an older docs/" in capsys.readouterr().err


def test_check_without_a_build_record_compares_times(built_archive: Path, tmp_path: Path, capsys):
    root = tmp_path / "archive"
    shutil.copytree(built_archive, root, symlinks=True)
    shutil.rmtree(root / ".build")
    assert main(["check", "--root", str(root)]) == 0
    (root / "docs" / "index.md").touch()
    capsys.readouterr()
    assert main(["check", "--root", str(root)]) == 1
    assert "site:1:1: error: was built from an older docs/" in capsys.readouterr().err
