"""A WARC file rewritten while a build runs: cleaning reads each capture back at its record offset, checked by
the digest taken when the file was read. Through the forked worker pool the change is one located error, the
build changes nothing, and the next build reads the file as it now is."""

from __future__ import annotations

import shutil
from pathlib import Path

import generator.pipeline as pipeline
from generator.app.cli import main
from generator.runtime import parallel
from tests.helpers import tree_digest
from tests.ingest.warcfiles import write_many

REPO = Path(__file__).resolve().parents[2]
CAPTURES = parallel.MIN_ITEMS + 20  # enough for cleaning to fork its pool


def warc_archive(root: Path, captures: int) -> Path:
    from generator.write.plan import copy_hand_written

    shutil.copytree(REPO / "tests" / "fixtures" / "base", root)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    copy_hand_written(REPO / "docs", root / "docs")
    write_many(root / "seeds" / "crawl.warc", captures)
    return root


def rewritten_before_cleaning(monkeypatch, warc: Path, edition: int) -> None:
    """Once, between reading the seeds and cleaning them: the crawler writes the file again."""
    real = pipeline.clean_all

    def rewrite_then_clean(documents, *args, **kwargs):
        monkeypatch.setattr(pipeline, "clean_all", real)
        write_many(warc, CAPTURES, edition)
        return real(documents, *args, **kwargs)

    monkeypatch.setattr(pipeline, "clean_all", rewrite_then_clean)


def test_a_warc_rewritten_mid_build_is_located_through_the_pool(tmp_path: Path, monkeypatch, capsys):
    root = warc_archive(tmp_path / "archive", CAPTURES)
    monkeypatch.setenv("GENERATOR_WORKERS", "2")
    pools: list[object] = []

    class Counted(parallel.ProcessPoolExecutor):  # type: ignore[misc]
        def __init__(self, *args, **kwargs):
            pools.append(self)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Counted)
    assert main(["build", "--root", str(root), "--no-site"]) == 0
    assert pools, "cleaning did not use the pool: the test tries the in-process path only"
    before = tree_digest(root / "docs")
    pools.clear()
    write_many(root / "seeds" / "crawl.warc", CAPTURES, edition=2)  # a change the next build must clean
    rewritten_before_cleaning(monkeypatch, root / "seeds" / "crawl.warc", edition=3)
    capsys.readouterr()

    assert main(["build", "--root", str(root), "--no-site"]) == 1
    err = capsys.readouterr().err
    assert pools and "Traceback" not in err, err
    [line] = [line for line in err.splitlines() if ": error: " in line]
    assert line.startswith("seeds/crawl.warc#offset=") and ":1:1: error: the capture changed since the WARC " \
        "file was read" in line, err
    assert "the file changed while the build read it: wait until whatever writes it has finished, " \
        "then build again" in line, err
    assert "docs/ and site/ were not changed" in err
    assert tree_digest(root / "docs") == before and not (root / ".build" / "docs").exists()

    assert main(["build", "--root", str(root), "--no-site"]) == 0  # the file as it is now: edition 3
    pages = "".join(p.read_text("utf-8") for p in (root / "docs" / "articles").glob("*.md"))
    assert "edition 003" in pages and "edition 001" not in pages and "edition 002" not in pages
