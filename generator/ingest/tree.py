"""What the archive folder may hold before anything is read from it or written into it.

Two refusals, both located:

- a --root that is not an archive (missing, not a folder, or with none of mkdocs.yml, seeds/ and
  annotations/): a build there would create .build/ and staged pages in whatever folder was named;
- a symbolic link anywhere among the inputs (seeds/, annotations/, docs/, mkdocs.yml). Git stores a link
  as a link, so a pull request can add one; followed, it publishes any file the build machine can read,
  and even a link that stays inside the checkout can reach `.git/config`, where CI checkouts keep their
  token. So links are refused outright rather than resolved and judged.
"""

from __future__ import annotations

import os
from pathlib import Path

from generator.core.errors import Problem, error, plain_or_quoted
from generator.core.model import Loc

ARCHIVE_MARKERS = ("mkdocs.yml", "seeds", "annotations")
INPUT_FOLDERS = ("seeds", "annotations", "docs")


def not_an_archive(root: Path) -> str | None:
    """Why root cannot be an archive folder (said before anything is written there), or None."""
    if not root.exists():
        return "no such folder; pass --root the archive folder (the one holding mkdocs.yml, seeds/ and annotations/)"
    if not root.is_dir():
        return "not a folder; pass --root the archive folder (the one holding mkdocs.yml, seeds/ and annotations/)"
    if not any((root / name).exists() for name in ARCHIVE_MARKERS):
        return ("not an archive folder (no mkdocs.yml, seeds/ or annotations/); pass --root the archive folder, "
                "or start one with those")
    return None


def link_message(path: Path) -> str:
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    return (f"a symbolic link (to {plain_or_quoted(target)}): the build follows no links, so that no file from "
            "elsewhere on the machine is published; put the file itself here "
            "(cp --remove-destination \"$(readlink -f PATH)\" PATH)")


def input_links(root: Path) -> list[Problem]:
    """A located error for every symbolic link among the inputs, the folders themselves included. A linked
    folder is reported once and not entered."""
    problems: list[Problem] = []
    config = root / "mkdocs.yml"
    if config.is_symlink():
        problems.append(error(Loc.whole("mkdocs.yml"), link_message(config)))
    for name in INPUT_FOLDERS:
        folder = root / name
        if folder.is_symlink():
            problems.append(error(Loc.whole(name), link_message(folder)))
            continue
        for current, dirs, files in os.walk(folder, followlinks=False):
            here = Path(current)
            for entry in sorted(dirs + files):
                path = here / entry
                if path.is_symlink():
                    problems.append(error(Loc.whole(path.relative_to(root).as_posix()), link_message(path)))
            dirs[:] = [d for d in dirs if not (here / d).is_symlink()]
    return problems
