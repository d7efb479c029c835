"""Build the site with MkDocs (or Zensical) from a staged copy of docs/, then commit docs/ and site/ together.

The engine reads a copy of the project's mkdocs.yml, placed in the work folder,
whose docs_dir and site_dir point at the staging folders beside it (Zensical
accepts neither INHERIT nor a docs_dir outside the config's folder, so a copy
serves both). mkdocs.yml stays the single configuration, and a failed or
interrupted build leaves the previous docs/ and site/ exactly as they were
(write/commit.py makes the final step all-or-nothing).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from mkdocs.utils import is_markdown_file

from generator.runtime.progress import NO_STAGES, Stages
from generator.core.errors import BuildFailed, Problem
from generator.write.disk import disk_problem
from generator.write.enginelog import link_warnings
from generator.write.commit import JOURNAL, WORK_DIR, commit
from generator.write.plan import Changes, stage

# Both read mkdocs.yml and the same Markdown; strict: a broken link fails the build (anchors: MkDocs 1.6 skips
# their validation under --verbose, so the build's verify, check/staged.py, checks them). MkDocs' --verbose
# log names each page as it reads it (Markdown to HTML) and as it builds it (the theme's template): the stage's
# progress counts those two steps a page, and the other DEBUG lines are left out of the log kept.
ENGINES = {
    "mkdocs": (sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--verbose"),
    "zensical": (sys.executable, "-m", "zensical", "build", "--strict"),
    # MkDocs 1.x continued by its maintainers: same options, same log (and the same page steps).
    "properdocs": (sys.executable, "-m", "properdocs", "build", "--strict", "--clean", "--verbose"),
}
PAGE_STEP = re.compile(r"DEBUG\s+-\s+(?:Reading: |Building page )")
DEBUG_LINE = re.compile(r"DEBUG\s+-")
_TOP_LEVEL_DIRS = re.compile(r"^(docs_dir|site_dir):.*\n?", re.M)


@dataclass(frozen=True)
class SiteResult:
    ok: bool
    log: str
    site_dir: Path
    problems: tuple[Problem, ...] = ()  # the log's link warnings and verify's problems, located in docs/
    engine_ok: bool = False  # the engine built the site (then problems are verify's alone)


# Unbuffered, so the log keeps the engine's order; Material's notice of its end of life (it prints it on every
# MkDocs run; Zensical, its successor, is `--engine zensical`) would open every failed build's log.
ENGINE_ENV = {"PYTHONUNBUFFERED": "1", "NO_MKDOCS_2_WARNING": "1"}


# What a build checks of the staged docs and site before committing them (the caller's: check/ comes after write/)
Verify = Callable[[Path, Path], list[Problem]]


def build_site(root: Path, changes: Changes, site_dir: Path | None = None, stages: Stages = NO_STAGES,
               engine: str = "mkdocs", command: tuple[str, ...] | None = None,
               verify: Verify = lambda staged_docs, staged_site: []) -> SiteResult:
    """Build with engine (a key of ENGINES), or with command followed by `-f CONFIG`.

    verify(staged_docs, staged_site) runs on the staged site, built or not (a strict build that aborted on
    its warnings has written every page all the same): a problem it finds fails the build like the
    engine's warnings, so one run reports both, each once."""
    root = root.resolve()
    site_dir = (site_dir or root / "site").resolve()
    with _scratch_removed_on_oserror(root):
        (root / WORK_DIR).mkdir(exist_ok=True)
        return _build_and_commit(root, changes, site_dir, stages, engine, command, verify)


@contextmanager
def _scratch_removed_on_oserror(root: Path) -> Iterator[None]:
    """The disk refused something: one located line, and no staging left behind (a commit the disk refused
    halfway is write/commit.py's CommitPending, whose journal needs the staged files: kept)."""
    work = root / WORK_DIR
    try:
        yield
    except OSError as exc:
        if not (work / JOURNAL).exists():
            shutil.rmtree(work / "docs", ignore_errors=True)
            shutil.rmtree(work / "site", ignore_errors=True)
        raise BuildFailed([disk_problem(exc, root)]) from None


# The engine's last line when the disk refused it: the error, and the file, or a copy's source -> destination
# (shutil's copy names both; the destination is where the disk said no)
_ENGINE_OSERROR = re.compile(r"^\w*(?:Error|Exception): \[Errno (\d+)\] ([^:\n]+)"
                             r"(?:: '([^'\n]+)'(?: -> '([^'\n]+)')?)?", re.M)


def _build_and_commit(root: Path, changes: Changes, site_dir: Path, stages: Stages, engine: str,
                      command: tuple[str, ...] | None, verify: Verify) -> SiteResult:
    work = root / WORK_DIR
    docs_dir = root / "docs"
    staged_docs, staged_site = work / "docs", work / "site"
    with stages.stage("write"):
        stage(docs_dir, changes, staged_docs)
    if staged_site.exists():
        shutil.rmtree(staged_site)
    config = work / "mkdocs.yml"
    project = _TOP_LEVEL_DIRS.sub("", (root / "mkdocs.yml").read_text("utf-8"))
    config.write_text(project.rstrip("\n") + "\n\n# staged by generator/write/site.py\ndocs_dir: docs\nsite_dir: site\n",
                      "utf-8")
    steps = 2 * sum(1 for path in staged_docs.rglob("*") if is_markdown_file(path.name)) \
        if command is None and engine in ("mkdocs", "properdocs") else 0
    command = command or ENGINES[engine]
    with stages.stage("site build", total=steps) as tick:
        returncode, log = _run_engine([*command, "-f", str(config)], root, steps, tick)
        built = returncode == 0 and (staged_site / "index.html").is_file()
        if not built:
            stages.fail()
    log = log.replace(str(staged_docs), "docs")
    if not built:
        refused = _ENGINE_OSERROR.search(log)
        if refused:  # the engine's traceback says no more than this line does
            shutil.rmtree(staged_site, ignore_errors=True)
            raise OSError(int(refused.group(1)), refused.group(2),
                          refused.group(4) or refused.group(3) or str(staged_site))
    with stages.stage("check"):
        located = _merged(link_warnings(log, staged_docs) if not built else [], verify(staged_docs, staged_site))
    if not built or located:
        shutil.rmtree(staged_site, ignore_errors=True)
        shutil.rmtree(staged_docs, ignore_errors=True)
        return SiteResult(False, log, site_dir, tuple(located), engine_ok=built)
    with stages.stage("write"):
        commit(root, changes, staged_docs, staged_site, site_dir)
    return SiteResult(True, log, site_dir, engine_ok=True)


def _merged(engine: list[Problem], verified: list[Problem]) -> list[Problem]:
    """The engine's located warnings, and verify's problems at the places the engine did not name (a link
    both find, such as a missing page, is reported once, in the engine's words)."""
    named = {(p.loc.path, p.loc.line, p.loc.column) for p in engine}
    return [*engine, *(p for p in verified if (p.loc.path, p.loc.line, p.loc.column) not in named)]


def _run_engine(command: list[str], root: Path, steps: int, tick: Callable[[int], None]) -> tuple[int, str]:
    """The engine's exit status and its log, read as it comes: each page step it names (PAGE_STEP) ticks the
    stage's progress, up to steps; its other DEBUG lines are dropped.

    One pipe for both streams, unbuffered: the log reads in the order the engine wrote it (its warnings, then
    "Aborted with 2 warnings"), not all of stdout before all of stderr. On Ctrl-C or SIGTERM (raised here as
    KeyboardInterrupt) the child is killed before the exception goes on.
    """
    kept: list[str] = []
    done = 0
    with subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          env={**os.environ, **ENGINE_ENV}, preexec_fn=_die_with_parent) as process:
        try:
            assert process.stdout is not None
            for line in process.stdout:
                if PAGE_STEP.match(line):
                    if done < steps:
                        done += 1
                        tick(1)
                elif not DEBUG_LINE.match(line):
                    kept.append(line)
            process.wait()
        except BaseException:
            process.kill()
            raise
    return process.returncode, "".join(kept)


def write_docs(root: Path, changes: Changes) -> None:
    """Only docs/ (build --no-site): staged, then committed like a full build."""
    root = root.resolve()
    with _scratch_removed_on_oserror(root):
        (root / WORK_DIR).mkdir(exist_ok=True)
        staged_docs = root / WORK_DIR / "docs"
        stage(root / "docs", changes, staged_docs)
        commit(root, changes, staged_docs)


def _die_with_parent() -> None:
    """Linux: the engine child gets SIGKILL if the generator dies, so no orphan writes into .build/ later."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
