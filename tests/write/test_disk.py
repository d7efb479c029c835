"""A disk that refuses a write outside staging, the engine and the commit (the build lock, the records, a
docs-only build), and a commit refused halfway: one located line naming the folder, and what to do."""

from __future__ import annotations

import builtins
import errno
import json
import shutil
from pathlib import Path

import pytest

from generator.app.cli import main
from generator.write import commit as commit_module
from generator.write import plan as plan_module
from generator.write.disk import disk_problem
from tests.conftest import copy_archive
from tests.helpers import tree_digest

FULL = (errno.ENOSPC, "No space left on device")
DENIED = (errno.EACCES, "Permission denied")


def _refuse_open(monkeypatch, name: str, code: tuple[int, str]) -> None:
    """open() of a file called name fails as a full or forbidding disk makes it fail (root ignores modes)."""
    real = builtins.open

    def refusing(file, *args, **kwargs):
        if isinstance(file, (str, Path)) and Path(file).name == name:
            raise OSError(code[0], code[1], str(file))
        return real(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing)


@pytest.mark.parametrize("code, hint", [(FULL, "MB free there (the file system of .build/)"),
                                        (DENIED, "this user may not write in .build/: check its owner and mode")])
def test_the_build_lock_refused_is_a_located_line_naming_the_folder(tmp_path: Path, monkeypatch, capsys, code, hint):
    root = copy_archive(tmp_path / "archive")
    _refuse_open(monkeypatch, "build.lock", code)
    assert main(["build", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert f".build/build.lock:1:1: error: {code[1]}; " in err and hint in err, err
    assert "then build again" in err and "docs/ and site/ were not changed" in err and "Traceback" not in err
    assert not (root / "site").exists() and not any((root / "docs").glob("articles"))


def test_records_the_disk_refuses_are_a_warning_after_the_build_is_in_place(tmp_path: Path, monkeypatch, capsys):
    """The site is already swapped in when the records are written: the build succeeded, the next one cannot skip."""
    root = copy_archive(tmp_path / "archive")
    real = plan_module.atomic_write_bytes

    def full(path, data):
        if Path(path).name in ("inputs.json", "site-inputs.json"):
            raise OSError(*FULL, str(path))
        return real(path, data)

    monkeypatch.setattr(plan_module, "atomic_write_bytes", full)
    assert main(["build", "--root", str(root)]) == 0
    err = capsys.readouterr().err
    assert ".build/site-inputs.json:1:1: warning: No space left on device; " in err, err
    assert "the next build cannot skip an unchanged archive; the new docs/ and site/ are in place" in err
    assert (root / "site" / "index.html").is_file()
    assert not (root / ".build" / "inputs.json").exists() and not (root / ".build" / "site-inputs.json").exists()
    monkeypatch.setattr(plan_module, "atomic_write_bytes", real)
    assert main(["build", "--root", str(root)]) == 0  # builds again (nothing recorded), then records
    assert main(["build", "--root", str(root)]) == 0
    assert "nothing changed since the last build" in capsys.readouterr().out


def test_a_docs_only_build_on_a_full_disk_is_one_located_line_and_leaves_no_staging(tmp_path: Path, monkeypatch,
                                                                                   capsys):
    root = copy_archive(tmp_path / "archive")
    before = tree_digest(root / "docs")

    def full(src, dst, *args, **kwargs):
        Path(dst).mkdir(parents=True)
        raise OSError(*FULL, str(dst))

    monkeypatch.setattr(plan_module.shutil, "copytree", full)
    assert main(["build", "--root", str(root), "--no-site"]) == 1
    err = capsys.readouterr().err
    assert ".build/docs:1:1: error: No space left on device; " in err and "MB free there" in err, err
    assert "docs/ and site/ were not changed" in err and "Traceback" not in err
    assert not (root / ".build" / "docs").exists() and tree_digest(root / "docs") == before


def test_the_work_folder_refused_is_located_too(tmp_path: Path, monkeypatch, capsys):
    """.build/ itself cannot be made (a read-only checkout): said at .build, of the archive folder holding it."""
    root = copy_archive(tmp_path / "archive")
    real = Path.mkdir

    def refusing(self, *args, **kwargs):
        if self.name == ".build":
            raise OSError(errno.EROFS, "Read-only file system", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", refusing)
    assert main(["build", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert ".build:1:1: error: Read-only file system; the file system holding ./ is mounted read-only" in err, err


def test_a_commit_refused_after_the_site_swap_says_what_docs_and_site_are(built_archive: Path, tmp_path: Path,
                                                                          monkeypatch, capsys):
    root = tmp_path / "archive"
    shutil.copytree(built_archive, root, symlinks=True)
    entities = root / "annotations" / "entities.yml"
    entities.write_text(entities.read_text("utf-8").replace("description:", "description: Changed.", 1), "utf-8")
    move_into = commit_module._move_into
    moved: list[Path] = []

    def full_after_one(src, dst, folders):  # type: ignore[no-untyped-def]
        if moved:
            raise OSError(*FULL, str(dst))
        moved.append(dst)
        return move_into(src, dst, folders)

    monkeypatch.setattr(commit_module, "_move_into", full_after_one)
    assert main(["build", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    journal = json.loads((root / ".build" / "commit.json").read_text("utf-8"))
    total = len(journal["write"]) + len(journal["remove"])
    assert "error: No space left on device; " in err and "then run `python -m generator build` to finish the commit" in err
    assert (f"site/ is already the new build; docs/ has 1 of its {total} changes in place ({len(journal['write']) - 1} "
            "pages still in .build/docs, 0 old pages still to remove), as .build/commit.json records") in err, err
    assert "were not changed" not in err and "Traceback" not in err
    assert any("Changed." in p.read_text("utf-8") for p in (root / "site" / "entities").rglob("index.html"))
    assert main(["validate", "--root", str(root)]) == 1  # refuses while the journal is pending
    capsys.readouterr()
    monkeypatch.setattr(commit_module, "_move_into", move_into)
    assert main(["build", "--root", str(root)]) == 0
    assert "finished the commit of a build that was interrupted" in capsys.readouterr().err
    assert not (root / ".build" / "commit.json").exists() and not (root / ".build" / "docs").exists()
    assert any("Changed." in p.read_text("utf-8") for p in (root / "docs" / "entities").glob("*.md"))


def test_a_recovery_the_disk_refuses_keeps_the_journal_and_says_so(built_archive: Path, tmp_path: Path,
                                                                   monkeypatch, capsys):
    root = tmp_path / "archive"
    shutil.copytree(built_archive, root, symlinks=True)
    staged = root / ".build" / "docs" / "entities"
    staged.mkdir(parents=True)
    (staged / "cairo.md").write_text("# Cairo\n", "utf-8")
    (root / ".build" / "commit.json").write_text(json.dumps({
        "docs": str(root / "docs"), "staged_docs": str(root / ".build" / "docs"), "write": ["entities/cairo.md"],
        "remove": [], "site": None, "staged_site": None}), "utf-8")
    monkeypatch.setattr(commit_module, "_move_into", lambda src, dst, folders: (_ for _ in ()).throw(
        OSError(*DENIED, str(dst))))
    assert main(["build", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert "docs/entities/cairo.md:1:1: error: Permission denied; this user may not write in docs/entities/" in err, err
    assert "site/ is not part of this build; docs/ has 0 of its 1 changes in place" in err
    assert (root / ".build" / "commit.json").is_file()


def test_a_path_outside_the_archive_is_shown_whole(tmp_path: Path):
    problem = disk_problem(OSError(*FULL, "/elsewhere/file"), tmp_path)
    assert problem.loc.path == "/elsewhere/file" and "the file system of /elsewhere/" in problem.message
