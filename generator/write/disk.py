"""An OSError as a located problem: which file, in which folder, and what to do about it.

The disk refuses a write in many places (the build lock, the records, staging, the engine, the commit, a
docs-only build); each becomes the same kind of one-line problem, never a traceback, so a contributor or
a CI log reads what ran out or what is not allowed, and where.
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

from generator.core.errors import ERROR, Problem
from generator.core.model import Loc

SPACE = (errno.ENOSPC, errno.EDQUOT)
REFUSED = (errno.EACCES, errno.EPERM)


def disk_problem(exc: OSError, root: Path, severity: str = ERROR, then: str = "then build again") -> Problem:
    """The problem at the file the error names (else root), with the folder it is in and a hint for the cause:
    the free space there when space ran out, what to check when writing was refused."""
    root = root.resolve()
    path = Path(exc.filename) if exc.filename else root
    shown = _shown(path, root)
    folder = _shown(path.parent, root) if exc.filename and not path.is_dir() else shown
    folder = folder if folder.endswith("/") else folder + "/"
    if exc.errno in SPACE:
        try:
            free = shutil.disk_usage(_existing(path)).free
        except OSError:
            free = -1
        site = root / "site"
        try:
            used = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) if site.is_dir() else 0
        except OSError:
            used = 0
        need = f"the last site took {_megabytes(used)} MB and a build needs about as much again" if used else \
            "there is no site yet to tell what a build needs"
        hint = f"{_megabytes(max(free, 0))} MB free there (the file system of {folder}); {need}: free some space"
    elif exc.errno in REFUSED:
        hint = (f"this user may not write in {folder}: check its owner and mode (ls -ld {folder}) and an "
                "immutable flag (lsattr -d)")
    elif exc.errno == errno.ESTALE:  # a file read twice in one build (a WARC capture, ingest/warc.py) changed
        hint = "the file changed while the build read it: wait until whatever writes it has finished"
    elif exc.errno == errno.EROFS:
        hint = f"the file system holding {folder} is mounted read-only"
    else:
        hint = f"check {folder}: its permissions and that its file system is writable"
    return Problem(Loc.whole(shown), f"{exc.strerror or exc}; {hint}, {then}", severity)


def _megabytes(size: int) -> str:
    """A size in MB: to a tenth below ten, where a whole number would say a nearly full disk has 0 MB free."""
    return f"{size / 1e6:.1f}" if size < 10e6 else f"{size / 1e6:,.0f}"


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix() or "."
    except (ValueError, OSError):
        return path.as_posix()


def _existing(path: Path) -> Path:
    """The nearest folder that exists, whose file system the path would be on."""
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return Path(".")
