"""serve's memo: after any edit, an incremental build writes exactly what a fresh build would.

The memo reuses per-item results whose inputs compare equal; a page whose inputs were
declared too narrowly would go stale. Each edit below is applied to a real synthetic
archive, then the warm build (one Memo across all edits, as serve keeps it) is compared
page by page with a cold build of the same files.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from generator.app import serve as serve_module
from generator.app.cli import main
from generator.ingest import read
from generator.pipeline import generate
from generator.runtime.memo import Memo
from generator.write.plan import apply
from tests.helpers import EDITS, article_file, edit_note, edit_seed, synth


def test_incremental_builds_match_fresh_builds(tmp_path: Path):
    root = synth(tmp_path / "archive", n=24)
    memo = Memo()
    apply(root / "docs", generate(root, memo=memo).changes, memo)
    for edit in EDITS:
        edit(root)
        warm = generate(root, memo=memo)
        cold = generate(root, clean_cache=False)
        assert warm.pages.keys() == cold.pages.keys(), edit.__name__
        stale = [p for p in cold.pages if warm.pages[p] != cold.pages[p]]
        assert stale == [], f"{edit.__name__}: stale pages {stale}"
        assert warm.changes.write.keys() == cold.changes.write.keys(), edit.__name__
        assert warm.changes.remove == cold.changes.remove, edit.__name__
        apply(root / "docs", warm.changes, memo)


def test_an_annotation_edit_redoes_only_that_article(tmp_path: Path):
    root = synth(tmp_path / "archive", n=24)
    memo = Memo()
    apply(root / "docs", generate(root, memo=memo).changes, memo)
    edit_note(root)
    result = generate(root, memo=memo)
    tables = memo.tables
    assert tables["clean"].misses == 0 and tables["clean"].hits == 24   # nothing re-cleaned
    assert tables["annotate"].misses == 1                               # one file re-anchored
    assert tables["annotation files"].misses == 1
    assert tables["mentions"].misses == 0 and tables["related"].misses == 0
    edited = next(a for a in result.archive.articles if a.id == article_file(root, 1).stem)
    # re-rendered: the article, and the articles that show its title as related coverage
    assert tables["article pages"].misses == 1 + len(result.archive.related_by_article.get(edited.id, []))
    assert sorted(result.changes.write) == [f"articles/{edited.slug}.md", "data/archive.json"]  # the note is data too


@pytest.mark.parametrize("edit", [edit_seed])
def test_a_seed_edit_recleans_that_seed(tmp_path: Path, edit):
    root = synth(tmp_path / "archive", n=24)
    memo = Memo()
    apply(root / "docs", generate(root, memo=memo).changes, memo)
    edit(root)
    generate(root, memo=memo)
    assert memo.tables["clean"].misses == 1


def _settle(root: Path) -> None:
    """Date every file of the archive an hour back, as files are that nobody saved just now."""
    an_hour_ago = time.time() - 3600
    for path in [*(root / "seeds").iterdir(), *(root / "annotations").rglob("*.yml")]:
        os.utime(path, (an_hour_ago, an_hour_ago))


def test_a_warm_build_reads_only_the_files_that_changed(tmp_path: Path, monkeypatch):
    root = synth(tmp_path / "archive", n=24)
    monkeypatch.setattr(read, "UNSETTLED_NS", 0)  # utime itself is a change: trust the status at once
    _settle(root)
    memo = Memo()
    apply(root / "docs", generate(root, memo=memo).changes, memo)
    generate(root, memo=memo)
    assert memo.tables["sources"].misses == 0 and memo.tables["annotation bytes"].misses == 0

    seed = sorted((root / "seeds").glob("*.txt"))[2]
    text = seed.read_text("utf-8")
    seed.write_text(text.replace("the ", "THE ", 1), "utf-8")  # same size, same inode
    edit_note(root)
    warm = generate(root, memo=memo)
    assert memo.tables["sources"].misses == 1 and memo.tables["annotation bytes"].misses == 1
    assert warm.pages == generate(root).pages


def test_a_save_of_the_same_size_that_keeps_the_modification_time_is_read_again(tmp_path: Path):
    """A second save within one timestamp tick looks like this; the change time, and reading a file changed
    within UNSETTLED_NS on every build, keep it from being missed."""
    root = synth(tmp_path / "archive", n=6)
    memo = Memo()
    generate(root, memo=memo)
    seed = sorted((root / "seeds").glob("*.txt"))[1]
    before = seed.stat()
    seed.write_text(seed.read_text("utf-8").replace("the ", "THE ", 1), "utf-8")
    os.utime(seed, ns=(before.st_atime_ns, before.st_mtime_ns))  # as if saved in the same tick
    article = next(a for a in generate(root, memo=memo).archive.articles if a.id == seed.stem)
    assert any("THE " in block.text for block in article.blocks)


def test_a_build_is_not_skipped_after_a_save_that_keeps_size_and_modification_time(archive: Path, capsys):
    assert main(["build", "--root", str(archive)]) == 0
    seed = sorted((archive / "seeds").glob("*.txt"))[0]
    before = seed.stat()
    seed.write_text(seed.read_text("utf-8").replace("the ", "THE ", 1), "utf-8")
    os.utime(seed, ns=(before.st_atime_ns, before.st_mtime_ns))  # as if saved in the same tick
    assert seed.stat().st_size == before.st_size
    capsys.readouterr()
    assert main(["build", "--root", str(archive)]) == 0
    said = capsys.readouterr()
    assert "nothing changed" not in said.out and "site built into" in said.out


@pytest.mark.parametrize("failure, says", [
    (PermissionError(13, "Permission denied", "docs/articles/x.md"), "docs/articles/x.md: error: Permission denied"),
    (RuntimeError("a bug"), "internal error RuntimeError: a bug"),
])
def test_serve_reports_an_unexpected_failure_and_keeps_serving(tmp_path: Path, monkeypatch, failure, says):
    root = synth(tmp_path / "archive", n=6)
    memo, reports = Memo(), []
    assert serve_module.regenerate(root, reports.append, lambda problems: None, memo)

    def fail(*args, **kwargs):
        raise failure

    monkeypatch.setattr(serve_module, "apply", fail)
    assert not serve_module.regenerate(root, reports.append, lambda problems: None, memo)
    assert says in reports[-1] and "keeps the last good pages" in reports[-1]
    monkeypatch.undo()
    assert serve_module.regenerate(root, reports.append, lambda problems: None, memo)  # the next save works


def test_an_edit_that_changes_no_page_does_not_rebuild_the_site(archive: Path, capsys):
    """A comment added to an annotation changes an input but no page: the site is not built again (MkDocs
    took seconds for nothing); an edit that changes a page still builds it."""
    assert main(["build", "--root", str(archive)]) == 0
    index = archive / "site" / "index.html"
    built = index.stat().st_mtime_ns
    annotation = sorted((archive / "annotations" / "articles").glob("*.yml"))[0]
    annotation.write_text(annotation.read_text("utf-8") + "# checked against the print edition\n", "utf-8")
    capsys.readouterr()
    assert main(["build", "--root", str(archive)]) == 0
    said = capsys.readouterr()
    assert "docs/: 0 written" in said.out and "site/ was already built from these pages" in said.out
    assert index.stat().st_mtime_ns == built
    assert main(["build", "--root", str(archive)]) == 0
    assert "nothing changed since the last build" in capsys.readouterr().out  # and the record was brought up to date
    annotation.write_text(annotation.read_text("utf-8").replace("title: ", "title: Revised ", 1), "utf-8")
    assert main(["build", "--root", str(archive)]) == 0
    said = capsys.readouterr()
    assert "site built into" in said.out and index.stat().st_mtime_ns != built


def test_a_docs_only_build_with_nothing_changed_is_skipped(archive: Path, capsys):
    """`make docs` twice costs what `make site` twice costs: the second run reads the record, not the archive."""
    assert main(["build", "--no-site", "--root", str(archive)]) == 0
    capsys.readouterr()
    assert main(["build", "--no-site", "--root", str(archive)]) == 0
    said = capsys.readouterr()
    assert "nothing changed since the last build: docs/ is up to date" in said.out
    assert "articles," not in said.out  # no stage ran


def test_a_build_after_a_docs_only_build_that_changed_no_page_does_not_rebuild_the_site(archive: Path, capsys):
    """The docs-only build's record is its own: the site's record still says which docs/ site/ was built from."""
    assert main(["build", "--root", str(archive)]) == 0
    index = archive / "site" / "index.html"
    built = index.stat().st_mtime_ns
    annotation = sorted((archive / "annotations" / "articles").glob("*.yml"))[0]
    annotation.write_text(annotation.read_text("utf-8") + "# a comment changes no page\n", "utf-8")
    assert main(["build", "--no-site", "--root", str(archive)]) == 0
    capsys.readouterr()
    assert main(["build", "--root", str(archive)]) == 0
    said = capsys.readouterr()
    assert "nothing changed since the last build: docs/ and site/ are up to date" in said.out
    assert index.stat().st_mtime_ns == built


def test_a_build_after_a_docs_only_build_that_changed_a_page_builds_the_site(archive: Path, capsys):
    assert main(["build", "--root", str(archive)]) == 0
    annotation = sorted((archive / "annotations" / "articles").glob("*.yml"))[0]
    annotation.write_text(annotation.read_text("utf-8").replace("title: ", "title: Revised ", 1), "utf-8")
    assert main(["build", "--no-site", "--root", str(archive)]) == 0
    capsys.readouterr()
    assert main(["build", "--root", str(archive)]) == 0
    said = capsys.readouterr()
    assert "site built into" in said.out
    assert any("Revised" in page.read_text("utf-8") for page in (archive / "site" / "articles").rglob("index.html"))
