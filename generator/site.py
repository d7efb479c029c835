"""Run `mkdocs build --strict` on a staged copy of docs/, then commit docs/ and site/ together.

MkDocs reads an INHERIT-ing config that points it at the staging folders,
so the project's mkdocs.yml stays the single configuration and a failed or
interrupted build leaves the previous docs/ and site/ exactly as they were
(commit.py makes the final step all-or-nothing).
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .commit import WORK_DIR, commit
from .write import Changes, stage


@dataclass(frozen=True)
class SiteResult:
    ok: bool
    log: str
    site_dir: Path


def build_site(root: Path, changes: Changes, site_dir: Path | None = None) -> SiteResult:
    """Stage docs, build the site from the stage, and only then put both in place."""
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
    # On Ctrl-C or SIGTERM (raised here as KeyboardInterrupt) subprocess.run kills the child before re-raising.
    process = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config)],
                             cwd=root, capture_output=True, text=True, preexec_fn=_die_with_parent)
    log = (process.stdout + process.stderr).replace(str(staged_docs), "docs")
    if process.returncode != 0 or not (staged_site / "index.html").is_file():
        shutil.rmtree(staged_site, ignore_errors=True)
        return SiteResult(False, log, site_dir)
    commit(root, changes, staged_docs, staged_site, site_dir)
    return SiteResult(True, log, site_dir)


def write_docs(root: Path, changes: Changes) -> None:
    """Only docs/ (build --no-site): staged, then committed like a full build."""
    root = root.resolve()
    (root / WORK_DIR).mkdir(exist_ok=True)
    staged_docs = root / WORK_DIR / "docs"
    stage(root / "docs", changes, staged_docs)
    commit(root, changes, staged_docs)


def _die_with_parent() -> None:
    """Linux: the mkdocs child gets SIGKILL if the generator dies, so no orphan writes into .build/ later."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
