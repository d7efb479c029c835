"""Fact pages: a table of reports too long for one search section leaves the search index."""

from __future__ import annotations

import json
from pathlib import Path

from generator.app.cli import main
from generator.render import fact
from tests.conftest import copy_archive


def _as_reported(root: Path) -> dict[str, str]:
    index = json.loads((root / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {doc["location"]: doc["text"] for doc in index["docs"]
            if doc["location"].startswith("facts/") and doc["location"].endswith("#as-reported")}


def test_a_long_table_of_reports_is_kept_out_of_search_and_a_short_one_is_not(tmp_path: Path, monkeypatch):
    short = copy_archive(tmp_path / "short")
    assert main(["build", "--root", str(short)]) == 0
    monkeypatch.setattr(fact, "REPORTS_SEARCHED", 0)  # every fact of the seeds is then "reported too often"
    long = copy_archive(tmp_path / "long")
    assert main(["build", "--root", str(long)]) == 0

    searched, unsearched = _as_reported(short), _as_reported(long)
    assert searched.keys() == unsearched.keys() and searched
    for location, text in searched.items():
        assert len(unsearched[location]) < len(text), location  # the wordings left, the sentence above stays
        assert "states this claim" in unsearched[location]
    page = (long / "site" / next(iter(searched)).split("#")[0] / "index.html").read_text(encoding="utf-8")
    assert "<table" in page  # still on the page for its readers


def test_the_coverage_table_stays_on_its_page_and_out_of_search(built_archive: Path):
    index = json.loads((built_archive / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    table = next(doc["text"] for doc in index["docs"] if doc["location"] == "facts/coverage/#table")
    assert "outlet gave" in table and len(table) < 200  # the sentence above it, no cell
    page = (built_archive / "site" / "facts" / "coverage" / "index.html").read_text(encoding="utf-8")
    assert page.count("<tr>") > 2  # the table itself, for its readers
