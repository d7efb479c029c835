"""Run `mkdocs build --strict` on a staged copy of docs/, then swap docs/ and site/ in.

MkDocs reads an INHERIT-ing config that points it at the staging folders,
so the project's mkdocs.yml stays the single configuration and a failed
build leaves the previous docs/ and site/ exactly as they were.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .write import Changes, apply, stage

WORK_DIR = ".build"


@dataclass(frozen=True)
class SiteResult:
    ok: bool
    log: str
    site_dir: Path


def build_site(root: Path, changes: Changes, site_dir: Path | None = None) -> SiteResult:
    root = root.resolve()
    work = root / WORK_DIR
    work.mkdir(exist_ok=True)
    docs_dir = root / "docs"
    site_dir = (site_dir or root / "site").resolve()
    staged_docs, staged_site = work / "docs", work / "site"
    stage(docs_dir, changes, staged_docs)
    if staged_site.exists():
        shutil.rmtree(staged_site)
    config = work / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {json.dumps(str(root / 'mkdocs.yml'))}\n"
        f"docs_dir: {json.dumps(str(staged_docs))}\n"
        f"site_dir: {json.dumps(str(staged_site))}\n", "utf-8")
    process = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config)],
                             cwd=root, capture_output=True, text=True)
    log = (process.stdout + process.stderr).replace(str(staged_docs), "docs")
    if process.returncode != 0 or not (staged_site / "index.html").is_file():
        shutil.rmtree(staged_site, ignore_errors=True)
        return SiteResult(False, log, site_dir)
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
