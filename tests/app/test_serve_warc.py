"""serve's regeneration and a WARC file that changes: between two regenerations the file is read again (the
pages show the new captures, no stale digest), and while one runs the change is a located message, the
preview keeps its pages, and the next regeneration (the write fires the watcher) reads the file as it is."""

from __future__ import annotations

from pathlib import Path

import generator.app.serve as serve_module
import generator.pipeline as pipeline
from generator.runtime.memo import Memo
from tests.helpers import tree_digest
from tests.ingest.test_warc_rewritten import warc_archive
from tests.ingest.warcfiles import write_many

CAPTURES = 6


def _pages(root: Path) -> str:
    return "".join(p.read_text("utf-8") for p in (root / "docs" / "articles").glob("*.md"))


def test_serve_reads_a_changed_warc_again_and_says_where_it_changed_under_it(tmp_path: Path, monkeypatch):
    root = warc_archive(tmp_path / "archive", CAPTURES)
    warc = root / "seeds" / "crawl.warc"
    memo, reports, shown = Memo(), [], []
    regenerate = lambda: serve_module.regenerate(root, reports.append, shown.extend, memo, workers=1)  # noqa: E731
    assert regenerate() and "edition 001" in _pages(root)

    write_many(warc, CAPTURES, edition=2)  # same offsets, other text: a memo trusting the old digests would fail
    assert regenerate(), reports[-1]
    assert "edition 002" in _pages(root) and "edition 001" not in _pages(root)
    before = tree_digest(root / "docs")

    real = pipeline.clean_all

    def rewrite_then_clean(documents, *args, **kwargs):  # the crawler writes the file again while serve reads it
        monkeypatch.setattr(pipeline, "clean_all", real)
        write_many(warc, CAPTURES, edition=4)
        return real(documents, *args, **kwargs)

    write_many(warc, CAPTURES, edition=3)  # read as edition 3, whose captures are then read back as edition 4
    monkeypatch.setattr(pipeline, "clean_all", rewrite_then_clean)
    assert not regenerate()
    assert reports[-1].startswith(f"{root / 'seeds' / 'crawl.warc'}#offset="), reports[-1]  # the record
    assert ": error: the capture changed since the WARC file was read; the preview keeps the last good pages" \
        in reports[-1], reports[-1]
    assert tree_digest(root / "docs") == before

    assert regenerate(), reports[-1]  # what the watcher runs after that write
    assert "edition 004" in _pages(root) and "edition 002" not in _pages(root)
