"""What every build promises: the same inputs give the same docs/, and inputs are only ever read."""

from __future__ import annotations

from pathlib import Path

from generator.app.cli import main
from generator.write.plan import Changes, digest, stage

from .conftest import copy_archive
from .helpers import tree_digest


def test_two_builds_of_the_same_inputs_give_byte_identical_docs(tmp_path: Path):
    first, second = copy_archive(tmp_path / "first"), copy_archive(tmp_path / "second")
    assert main(["build", "--root", str(first), "--no-site"]) == 0
    assert main(["build", "--root", str(second), "--no-site"]) == 0
    digest = tree_digest(first / "docs")
    assert len(digest) > 50 and digest == tree_digest(second / "docs")


def test_a_build_never_writes_under_seeds_or_annotations(tmp_path: Path):
    root = copy_archive(tmp_path / "archive")
    inputs = {name: tree_digest(root / name) for name in ("seeds", "annotations")}
    mtimes = {p: p.stat().st_mtime_ns for name in inputs for p in (root / name).rglob("*")}
    assert main(["build", "--root", str(root)]) == 0  # a success, with the site
    assert main(["validate", "--root", str(root)]) == 0
    assert main(["build", "--root", str(root), "--max-bytes", "10"]) == 1  # and a failure
    assert {name: tree_digest(root / name) for name in inputs} == inputs
    assert {p: p.stat().st_mtime_ns for name in inputs for p in (root / name).rglob("*")} == mtimes


def test_staging_a_changed_page_never_writes_through_to_docs(tmp_path: Path):
    """The staging folder starts as hard links to docs/'s files: a changed page there must be a new file."""
    docs, staging = tmp_path / "docs", tmp_path / "staging"
    (docs / "articles").mkdir(parents=True)
    (docs / "articles" / "old.md").write_bytes(b"old page\n")
    (docs / "articles" / "kept.md").write_bytes(b"kept page\n")
    outside = tmp_path / "outside.md"
    outside.write_bytes(b"not the generator's\n")
    changes = Changes(write={"articles/old.md": b"new page\n", "articles/linked.md": b"staged page\n",
                             "entities/new.md": b"a page in a new folder\n"})
    changes.manifest = {path: digest(content) for path, content in changes.write.items()}
    (docs / "articles" / "linked.md").symlink_to(outside)  # a link someone made in docs/
    stage(docs, changes, staging)
    assert (docs / "articles" / "old.md").read_bytes() == b"old page\n"
    assert outside.read_bytes() == b"not the generator's\n"
    assert (staging / "articles" / "old.md").read_bytes() == b"new page\n"
    assert (staging / "articles" / "linked.md").read_bytes() == b"staged page\n"  # copytree linked the link's target
    assert (staging / "entities" / "new.md").read_bytes() == b"a page in a new folder\n"
    assert (staging / "articles" / "kept.md").samefile(docs / "articles" / "kept.md")  # unchanged: still linked
