"""A site/ that cannot be replaced fails the build before docs/ changes: both stay as they were."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from generator.app.cli import main
from generator.write import commit as commit_module
from tests.helpers import tree_digest


@pytest.mark.parametrize("step", ["site to site.old", "staged site to site"])
def test_a_site_that_cannot_be_swapped_leaves_docs_and_site_as_they_were(built_archive: Path, tmp_path: Path,
                                                                          monkeypatch, capsys, step: str):
    root = _changed_copy(built_archive, tmp_path)
    before = {name: tree_digest(root / name) for name in ("docs", "site")}
    rename = os.rename

    def refusing(src, dst, *args, **kwargs):
        refused = (Path(dst).name == "site.old") if step == "site to site.old" else (
            Path(src).parent.name == ".build" and Path(dst).name == "site")
        if refused:
            raise OSError(errno.EPERM, "Operation not permitted", str(src))
        return rename(src, dst, *args, **kwargs)

    monkeypatch.setattr(commit_module.os, "rename", refusing)
    assert main(["build", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert "site:1:1: error: cannot be replaced by the new site (Operation not permitted" in err
    assert "docs/ and site/ were not changed" in err and "Traceback" not in err
    assert {name: tree_digest(root / name) for name in ("docs", "site")} == before
    assert not (root / ".build" / "commit.json").exists() and not (root / ".build" / "docs").exists()
    monkeypatch.setattr(commit_module.os, "rename", rename)
    assert main(["build", "--root", str(root)]) == 0  # nothing left behind stops the next build
    assert tree_digest(root / "docs") != before["docs"]


def test_a_signal_during_the_commit_still_leaves_no_scratch(built_archive: Path, tmp_path: Path, monkeypatch):
    """SIGTERM inside the commit is held until it ends, then raised: the new build stands, and the staging
    and the previous site (site.old) are removed as after any commit."""
    import signal

    root = _changed_copy(built_archive, tmp_path)
    roll_forward = commit_module._roll_forward

    def signalled(plan):  # type: ignore[no-untyped-def]
        os.kill(os.getpid(), signal.SIGTERM)  # arrives mid-commit, held by signals_deferred
        return roll_forward(plan)

    monkeypatch.setattr(commit_module, "_roll_forward", signalled)
    assert main(["build", "--root", str(root)]) == 128 + signal.SIGTERM
    assert not (root / "site.old").exists()
    assert not (root / ".build" / "commit.json").exists() and not (root / ".build" / "docs").exists()
    assert any("Changed." in page.read_text("utf-8") for page in (root / "site" / "entities").rglob("index.html"))


def test_validate_and_check_say_when_a_commit_is_pending(built_archive: Path, tmp_path: Path, capsys):
    """A journal of an interrupted commit: docs/ and site/ may be half moved, so neither command reports clean."""
    root = tmp_path / "archive"
    shutil.copytree(built_archive, root, symlinks=True)
    (root / ".build").mkdir(exist_ok=True)
    (root / ".build" / "commit.json").write_text('{"docs": "docs", "write": [], "remove": []}\n', "utf-8")
    for command in (["validate"], ["check"]):
        assert main([*command, "--root", str(root)]) == 1
        err = capsys.readouterr().err
        assert ".build/commit.json:1:1: error: an interrupted build left its commit unfinished" in err, err
    assert main(["build", "--root", str(root)]) == 0  # a build finishes (here: voids) it
    assert not (root / ".build" / "commit.json").exists()


def test_a_signal_while_the_scratch_is_removed_still_leaves_none(built_archive: Path, tmp_path: Path, monkeypatch):
    """SIGTERM right after the commit, while the previous site is being removed, waits for the removal."""
    import signal

    root = _changed_copy(built_archive, tmp_path)
    rmtree = shutil.rmtree

    def signalled(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path).name == "site.old":
            os.kill(os.getpid(), signal.SIGTERM)  # the build's handler would raise here, mid-removal
        return rmtree(path, *args, **kwargs)

    monkeypatch.setattr(commit_module.shutil, "rmtree", signalled)
    assert main(["build", "--root", str(root)]) == 128 + signal.SIGTERM
    assert not (root / "site.old").exists()
    assert any("Changed." in page.read_text("utf-8") for page in (root / "site" / "entities").rglob("index.html"))


def _changed_copy(built_archive: Path, tmp_path: Path) -> Path:
    """A copy of the built archive with one entity's description changed, so the next build commits pages."""
    root = tmp_path / "archive"
    shutil.copytree(built_archive, root, symlinks=True)
    entities = root / "annotations" / "entities.yml"
    entities.write_text(entities.read_text("utf-8").replace("description:", "description: Changed.", 1), "utf-8")
    return root
