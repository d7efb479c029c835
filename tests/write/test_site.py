"""Every engine builds the seed archive from the same mkdocs.yml and Markdown."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from generator.app.cli import main
from tests.conftest import copy_archive


@pytest.mark.skipif(importlib.util.find_spec("properdocs") is None,
                    reason="properdocs is not installed (pip install -e '.[properdocs]')")
def test_the_seed_archive_builds_with_properdocs(tmp_path: Path, capsys):
    root = copy_archive(tmp_path / "archive")
    assert main(["build", "--root", str(root), "--engine", "properdocs"]) == 0
    assert "site built into" in capsys.readouterr().out
    page = (root / "site" / "articles" / "index.html").read_text("utf-8")
    assert "<table" in page and (root / "site" / "search" / "search_index.json").is_file()
