"""A build on a file system that is really full (a small tmpfs): one located line, no staging left behind,
docs/ and site/ as they were, and the next build, given space, succeeds.

tests/write/test_disk.py and test_site_disk.py refuse writes by patching os functions, which works anywhere;
this one needs a process allowed to mount (root with CAP_SYS_ADMIN) and is skipped, saying why, elsewhere.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

from generator.app.cli import main
from tests.conftest import copy_archive
from tests.helpers import tree_digest

SIZE = "32m"  # room for the archive, a built site and a second build's staging, which the filler then takes
LINE = re.compile(r"^(\.build/(?:docs|site)\S*):1:1: error: No space left on device; [\d.,]+ MB free there "
                  r"\(the file system of \.build/\S*\); the last site took [\d.,]+ MB and a build needs about as "
                  r"much again: free some space, then build again$", re.M)


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    if not sys.platform.startswith("linux") or shutil.which("mount") is None:
        pytest.skip("a real full disk needs Linux's mount and tmpfs")
    folder = tmp_path / "tmpfs"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={SIZE}", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        said = (mounted.stderr or mounted.stdout).strip().splitlines() or [f"exit status {mounted.returncode}"]
        pytest.skip(f"this process may not mount a tmpfs (root with CAP_SYS_ADMIN can): {said[0]}")
    try:
        yield folder
    finally:
        if subprocess.run(["umount", str(folder)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def _fill(folder: Path, leave: int) -> Path:
    """A file that takes all the free space of folder's file system but `leave` bytes."""
    filler = folder / "filler"
    stat = os.statvfs(folder)
    with open(filler, "wb") as handle:
        left = max(stat.f_bavail * stat.f_frsize - leave, 0)
        block = b"\0" * (1 << 20)
        while left:
            left -= handle.write(block[:min(left, len(block))])
    return filler


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


# How much space is left for the second build, as a share of the site the first one built: almost none (the
# generator's own staging of docs/ runs out), and half (the engine runs out while it writes the site)
@pytest.mark.parametrize("share, where", [(0.0, "docs"), (0.5, "site")])
def test_a_build_on_a_full_tmpfs_is_one_located_line_and_changes_nothing(tmpfs: Path, capsys, share: float,
                                                                         where: str):
    root = copy_archive(tmpfs / "archive")
    assert main(["build", "--root", str(root)]) == 0
    entities = root / "annotations" / "entities.yml"
    entities.write_text(entities.read_text("utf-8").replace("description:", "description: Changed.", 1), "utf-8")
    docs, site = tree_digest(root / "docs"), tree_digest(root / "site")
    filler = _fill(tmpfs, int(share * _size(root / "site")) + 16 * 1024)
    capsys.readouterr()

    assert main(["build", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(re.findall(r": error: ", err)) == 1, err
    located = LINE.search(err)
    assert located, err
    assert located.group(1).startswith(f".build/{where}"), err
    assert "build failed: 1 error; docs/ and site/ were not changed" in err
    assert not (root / ".build" / "docs").exists() and not (root / ".build" / "site").exists()
    assert tree_digest(root / "docs") == docs and tree_digest(root / "site") == site

    filler.unlink()  # space again: the next build succeeds, nothing left in its way
    assert main(["build", "--root", str(root)]) == 0
    assert any("Changed." in p.read_text("utf-8") for p in (root / "site" / "entities").rglob("index.html"))
