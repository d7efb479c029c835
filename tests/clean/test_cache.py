"""The cleaning cache: a build that reuses earlier builds' cleaning writes exactly what a build without it
would, after any edit, and cleans again exactly the sources whose cleaning could have changed."""

from __future__ import annotations

import sqlite3
from importlib import metadata
from pathlib import Path

import pytest

from generator.clean import cache as cleancache
from generator.clean.context import normalise_lines
from generator.clean.lineshape import is_short
from generator.pipeline import generate
from generator.runtime.memo import Memo
from tests.helpers import EDITS, FIXTURES, synth


def _cleaned(root: Path) -> tuple[int, int]:
    """A build with a fresh memo (as a new process has): how many sources it took from the cache and how
    many it cleaned."""
    memo = Memo()
    generate(root, memo=memo)
    table = memo.tables["clean"]
    return table.hits, table.misses


def _rows(root: Path) -> int:
    with sqlite3.connect(root / cleancache.FILE) as db:
        return db.execute("SELECT count(*) FROM entry").fetchone()[0]


def test_a_second_build_cleans_nothing_and_writes_the_same_pages(tmp_path: Path):
    root = synth(tmp_path / "archive", n=24)
    uncached = generate(root, clean_cache=False)
    assert not (root / cleancache.FILE).exists()
    first = generate(root)
    assert _rows(root) == 24
    assert _cleaned(root) == (24, 0)
    memo = Memo()
    second = generate(root, memo=memo)
    assert memo.tables["clean"].hits == 24 and memo.tables["clean"].misses == 0  # every article from the cache
    assert first.pages == uncached.pages and second.pages == uncached.pages
    assert [a.cleaned for a in second.archive.articles] == [a.cleaned for a in uncached.archive.articles]


@pytest.mark.parametrize("edit", EDITS, ids=lambda edit: edit.__name__)
def test_after_any_edit_the_cache_changes_no_page(tmp_path: Path, edit):
    root = synth(tmp_path / "archive", n=24)
    generate(root)
    edit(root)
    cached, uncached = generate(root), generate(root, clean_cache=False)
    assert cached.pages.keys() == uncached.pages.keys()
    assert [p for p in uncached.pages if cached.pages[p] != uncached.pages[p]] == []


def test_an_edited_seed_is_cleaned_again_alone(tmp_path: Path):
    root = synth(tmp_path / "archive", n=24)
    generate(root)
    seed = sorted((root / "seeds").glob("*.txt"))[3]
    seed.write_text(seed.read_text("utf-8") + "\nOne more paragraph, written after the first build.\n", "utf-8")
    assert _cleaned(root) == (23, 1)
    assert _cleaned(root) == (24, 0)
    assert _rows(root) == 24  # the seed's old entry is gone


def test_changed_cleaning_overrides_clean_that_article_again(tmp_path: Path):
    root = synth(tmp_path / "archive", n=24)
    generate(root)
    annotation = sorted((root / "annotations" / "articles").glob("*.yml"))[2]
    annotation.write_text(annotation.read_text("utf-8") + "cleaning:\n  drop: [\"no such words anywhere\"]\n", "utf-8")
    assert _cleaned(root) == (23, 1)


def test_an_article_that_makes_a_line_repeated_cleans_the_article_that_had_it_again(tmp_path: Path):
    """The archive's context is part of a cleaning's input: a new source that prints a short line another
    source printed alone makes it page chrome, and that other source is cleaned again; the rest are not."""
    root = synth(tmp_path / "archive", n=24)
    seeds = sorted((root / "seeds").glob("*.txt"))
    lines_of = {seed: [line for line in normalise_lines(seed.read_text("utf-8")) if line] for seed in seeds}
    alone = next((seed, line) for seed in seeds for line in lines_of[seed] if is_short(line)
                 and not any(line in lines_of[other] for other in seeds if other != seed))
    generate(root)
    (root / "seeds" / "99999_new.txt").write_text(
        "A new article\n\n" + alone[1] + "\n\n" + "Officials said on Monday that the talks would go on. " * 8 + "\n", "utf-8")
    assert _cleaned(root) == (23, 2)  # the new source and the one that printed the line alone
    assert _cleaned(root) == (25, 0)


def test_new_code_empties_the_cache(tmp_path: Path, monkeypatch):
    root = synth(tmp_path / "archive", n=12)
    generate(root)
    monkeypatch.setattr(cleancache, "code_version", lambda: "another version of the generator")
    assert _cleaned(root) == (0, 12)
    assert _cleaned(root) == (12, 0)


def _code_version_with(tmp_path: Path, monkeypatch, name: str, version: str) -> str:
    """The code version with a distribution's metadata (name, version) in a folder put first on sys.path."""
    folder = tmp_path / f"{name}-{version}"
    (folder / f"{name}-{version}.dist-info").mkdir(parents=True)
    (folder / f"{name}-{version}.dist-info" / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
    with monkeypatch.context() as patched:
        patched.syspath_prepend(str(folder))
        cleancache.code_version.cache_clear()
        try:
            return cleancache.code_version()
        finally:
            cleancache.code_version.cache_clear()


def test_the_code_version_follows_the_libraries_the_generator_runs_on(tmp_path: Path, monkeypatch):
    cleancache.code_version.cache_clear()
    before = cleancache.code_version()
    # A library found again through another sys.path entry (as an editable install's .egg-info is, in the folder
    # `python -m generator` runs from) is the same code: the cache must not empty when the folder changes.
    assert _code_version_with(tmp_path, monkeypatch, "PyYAML", metadata.version("pyyaml")) == before
    # A new release of a tool the generator does not run on (a test runner) is no new cleaning either ...
    assert _code_version_with(tmp_path, monkeypatch, "pytest", "999.0") == before
    # ... but a new version of one it does run on, directly or through another library, is.
    assert _code_version_with(tmp_path, monkeypatch, "PyYAML", "999.0") != before
    assert _code_version_with(tmp_path, monkeypatch, "soupsieve", "999.0") != before  # beautifulsoup4's


def test_a_damaged_cache_file_costs_a_cleaning_not_the_build(tmp_path: Path):
    root = synth(tmp_path / "archive", n=12)
    expected = generate(root, clean_cache=False).pages
    (root / ".build").mkdir(exist_ok=True)
    (root / cleancache.FILE).write_bytes(b"not a database " * 100)
    assert generate(root).pages == expected
    assert _cleaned(root) == (12, 0)  # the damaged file was replaced by a good one
    with sqlite3.connect(root / cleancache.FILE) as db:
        db.execute("UPDATE entry SET cleaned = ?", (b"not a pickle",))
    assert generate(root).pages == expected  # every article cleaned again ...
    assert _cleaned(root) == (12, 0)         # ... and stored anew


def test_a_cache_file_of_an_older_layout_is_made_afresh(tmp_path: Path, monkeypatch):
    root = synth(tmp_path / "archive", n=12)
    (root / ".build").mkdir(exist_ok=True)
    with sqlite3.connect(root / cleancache.FILE) as db:
        db.execute("CREATE TABLE about (name TEXT PRIMARY KEY, value TEXT)")
        db.execute("INSERT INTO about VALUES ('version', 'an older one')")
        db.execute("CREATE TABLE entry (key TEXT PRIMARY KEY, value BLOB)")
    generate(root)
    assert _rows(root) == 12 and _cleaned(root) == (12, 0)


def test_web_pages_and_sources_alike_come_from_the_cache(tmp_path: Path):
    """A web page's extraction is skipped when its cleaning is in the cache; two sources with the same text
    share an entry and each gets its own article."""
    root = synth(tmp_path / "archive", n=12)
    page = FIXTURES / "page_newsarticle.html"
    (root / "seeds" / "90000_page.html").write_bytes(page.read_bytes())
    first = sorted((root / "seeds").glob("*.txt"))[0]
    (root / "seeds" / "90001_copy.txt").write_bytes(first.read_bytes())
    uncached = generate(root, clean_cache=False)
    generate(root)
    assert _rows(root) == 13  # the copy shares its original's entry
    assert _cleaned(root) == (14, 0)
    cached = generate(root)
    assert cached.pages == uncached.pages
    copies = [a for a in cached.archive.articles if a.cleaned.source.name in (first.name, "90001_copy.txt")]
    assert len(copies) == 2 and copies[0].cleaned.blocks == copies[1].cleaned.blocks
    assert {a.cleaned.source.name for a in copies} == {first.name, "90001_copy.txt"}


def test_a_removed_source_leaves_the_cache(tmp_path: Path):
    root = synth(tmp_path / "archive", n=12)
    generate(root)
    seed = sorted((root / "seeds").glob("*.txt"))[5]
    (root / "annotations" / "articles" / f"{seed.stem}.yml").unlink(missing_ok=True)
    text = (root / "annotations" / "facts.yml").read_text("utf-8")
    (root / "annotations" / "facts.yml").write_text(text.replace(f'      - article: "{seed.stem}"\n', ""), "utf-8")
    seed.unlink()
    generate(root)
    assert _rows(root) == 11


def test_a_cache_another_build_holds_locked_is_left_to_it(tmp_path: Path):
    root = synth(tmp_path / "archive", n=12)
    expected = generate(root).pages
    with sqlite3.connect(root / cleancache.FILE, isolation_level=None) as other:
        other.execute("BEGIN EXCLUSIVE")  # another build, writing
        assert generate(root).pages == expected  # cleaned without the cache, after a short wait
        other.execute("ROLLBACK")
    assert _rows(root) == 12 and _cleaned(root) == (12, 0)
