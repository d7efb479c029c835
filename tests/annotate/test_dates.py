"""The dates an archive accepts (core.model.EARLIEST_DATE to 9999-12-31): outside, a located error; inside,
every page that shows or sorts dates builds, at both ends of the range."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from generator.clean.rules.dates import parse_date
from generator.core.model import EARLIEST_DATE

from ..conftest import copy_archive


def set_date(root: Path, number: int, value: str) -> Path:
    path = sorted((root / "annotations" / "articles").glob("*.yml"))[number]
    text = path.read_text(encoding="utf-8")
    text, count = re.subn(r"(?m)^date: \S+", f"date: {value}", text)
    assert count == 1
    path.write_text(text, encoding="utf-8")
    return path


def run(root: Path, *command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *command, "--root", str(root)],
                          capture_output=True, text=True, check=False)


@pytest.mark.parametrize("value", ["0999-12-31", "0001-01-01", "0000-01-01"])
def test_a_date_before_the_range_is_a_located_error(tmp_path: Path, value: str) -> None:
    root = copy_archive(tmp_path / "archive")
    path = set_date(root, 0, value)
    for command in ("validate", "build"):
        done = run(root, command, *(["--no-site"] if command == "build" else []))
        assert done.returncode != 0, done.stderr
        assert "Traceback" not in done.stderr
        assert re.search(rf"{re.escape(path.name)}:\d+:\d+: error: date", done.stderr), done.stderr


def test_both_ends_of_the_range_build(tmp_path: Path) -> None:
    root = copy_archive(tmp_path / "archive")
    set_date(root, 0, EARLIEST_DATE.isoformat())
    set_date(root, 1, "9999-12-31")
    done = run(root, "build", "--no-site")
    assert done.returncode == 0, done.stderr
    pages = "\n".join(p.read_text(encoding="utf-8") for p in (root / "docs").rglob("*.md"))
    assert "January 1000" in pages and "December 9999" in pages
    assert "1 January 1000" in pages and "31 December 9999" in pages


def test_a_year_before_the_range_is_not_lifted_from_the_text() -> None:
    assert parse_date("12 May 0998") is None
    assert parse_date("12 May 1998") == date(1998, 5, 12)
    assert parse_date("0998-05-12") is None
