"""What every build promises: the same inputs give the same docs/, and inputs are only ever read."""

from __future__ import annotations

from pathlib import Path

from generator.cli import main

from .conftest import copy_archive
from .test_build import tree_digest


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
