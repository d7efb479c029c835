"""A disk that refuses a write, in the generator or in the engine: one located line, no staging left behind."""

from __future__ import annotations

import errno
import shutil
import sys
from pathlib import Path

import pytest

from generator.app.cli import main
from generator.write import plan as plan_module
from generator.write import site as site_module
from tests.conftest import copy_archive

# What MkDocs prints when the disk is full while it writes a page (its traceback, then the exception)
ENGINE_FULL = ("import sys; print('Traceback (most recent call last):'); print('  File \"x.py\", line 1');"
               "print(\"OSError: [Errno 28] No space left on device: '/tmp/x/.build/site/a/index.html'\"); sys.exit(1)")


def _no_staging(root: Path) -> None:
    assert not (root / ".build" / "docs").exists() and not (root / ".build" / "site").exists()


def test_a_full_disk_while_staging_is_one_located_line(tmp_path: Path, monkeypatch, capsys):
    root = copy_archive(tmp_path / "archive")

    def full(src, dst, *args, **kwargs):
        Path(dst).mkdir(parents=True)
        raise OSError(errno.ENOSPC, "No space left on device", str(dst))

    monkeypatch.setattr(plan_module.shutil, "copytree", full)
    assert main(["build", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert ".build/docs:1:1: error: No space left on device;" in err and "MB free there" in err
    assert "Traceback" not in err and "docs/ and site/ were not changed" in err
    _no_staging(root)
    assert not (root / "site").exists()


def test_the_engines_own_oserror_traceback_becomes_one_line(tmp_path: Path, monkeypatch, capsys):
    root = copy_archive(tmp_path / "archive")
    monkeypatch.setitem(site_module.ENGINES, "mkdocs", (sys.executable, "-c", ENGINE_FULL))
    assert main(["build", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert "No space left on device" in err and "MB free there" in err
    assert "Traceback" not in err and ":1:1: error:" in err
    _no_staging(root)


def test_a_read_only_archive_folder_is_a_located_error(tmp_path: Path, capsys):
    import os
    if os.geteuid() == 0:
        pytest.skip("running as root: a folder's mode does not stop root from writing")
    root = copy_archive(tmp_path / "archive")
    (root / ".build").mkdir()
    (root / ".build").chmod(0o555)
    try:
        assert main(["build", "--root", str(root)]) == 1
        err = capsys.readouterr().err
        assert "Permission denied" in err and "Traceback" not in err
    finally:
        (root / ".build").chmod(0o755)
        shutil.rmtree(root / ".build", ignore_errors=True)
