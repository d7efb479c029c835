"""Build the site with MkDocs (or Zensical) from a staged copy of docs/, then swap docs/ and site/ in.

The engine reads a copy of the project's mkdocs.yml, placed in the work folder,
whose docs_dir and site_dir point at the staging folders beside it (Zensical
accepts neither INHERIT nor a docs_dir outside the config's folder, so a copy
serves both). mkdocs.yml stays the single configuration, and a failed build
leaves the previous docs/ and site/ exactly as they were.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .stages import NO_STAGES, Stages
from .write import Changes, apply, stage

WORK_DIR = ".build"
# Both read mkdocs.yml and the same Markdown; strict: a broken link or anchor fails the build.
ENGINES = {
    "mkdocs": (sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"),
    "zensical": (sys.executable, "-m", "zensical", "build", "--strict"),
}
_TOP_LEVEL_DIRS = re.compile(r"^(docs_dir|site_dir):.*\n?", re.M)


@dataclass(frozen=True)
class SiteResult:
    ok: bool
    log: str
    site_dir: Path


def build_site(root: Path, changes: Changes, site_dir: Path | None = None, stages: Stages = NO_STAGES,
               engine: str = "mkdocs", command: tuple[str, ...] | None = None) -> SiteResult:
    """Build with engine (a key of ENGINES), or with command followed by `-f CONFIG`."""
    root = root.resolve()
    work = root / WORK_DIR
    work.mkdir(exist_ok=True)
    docs_dir = root / "docs"
    site_dir = (site_dir or root / "site").resolve()
    staged_docs, staged_site = work / "docs", work / "site"
    with stages.stage("write"):
        stage(docs_dir, changes, staged_docs)
    if staged_site.exists():
        shutil.rmtree(staged_site)
    config = work / "mkdocs.yml"
    project = _TOP_LEVEL_DIRS.sub("", (root / "mkdocs.yml").read_text("utf-8"))
    config.write_text(project.rstrip("\n") + "\n\n# staged by generator/site.py\ndocs_dir: docs\nsite_dir: site\n",
                      "utf-8")
    command = command or ENGINES[engine]
    with stages.stage("site build"):
        process = subprocess.run([*command, "-f", str(config)], cwd=root, capture_output=True, text=True)
    log = (process.stdout + process.stderr).replace(str(staged_docs), "docs")
    if process.returncode != 0 or not (staged_site / "index.html").is_file():
        shutil.rmtree(staged_site, ignore_errors=True)
        return SiteResult(False, log, site_dir)
    with stages.stage("write"):
        apply(docs_dir, changes)
        _swap(staged_site, site_dir)
        shutil.rmtree(staged_docs, ignore_errors=True)
    return SiteResult(True, log, site_dir)


def _swap(new: Path, target: Path) -> None:
    """Replace target by new with two renames, so a reader of target never sees half a site."""
    old = target.with_name(target.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        os.rename(target, old)
    os.rename(new, target)
    shutil.rmtree(old, ignore_errors=True)
