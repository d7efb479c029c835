"""Put a finished build in place so that no interruption leaves docs/ and site/ half old, half new.

Before this runs, everything new is complete on disk: the staged docs (a copy
of docs/ with the changes applied) and the staged site. Committing is then a
few renames and small copies, done

- with SIGINT and SIGTERM held back until it is over (they then act as usual);
- after writing a journal (.build/commit.json) of what to move, so that if
  the process dies anyway (SIGKILL, power cut) the next run finds the journal
  and finishes the move: docs/ and site/ end up entirely new, never a mix.

A `site.old` left by an interrupted swap without a journal is put back (if
site/ is gone) or removed.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from generator.core.errors import BuildFailed, Problem, error
from generator.core.model import Loc
from generator.write.disk import disk_problem
from generator.write.plan import (
    MANIFEST,
    Changes,
    atomic_write,
    atomic_write_bytes,
    is_generated_path,
    remove_empty_parents,
)

WORK_DIR = ".build"
JOURNAL = "commit.json"
DEFERRED = (signal.SIGINT, signal.SIGTERM)


class Interrupted(KeyboardInterrupt):
    """A stop asked for by SIGINT or SIGTERM; committed tells whether the new build was already in place."""

    def __init__(self, signum: int = signal.SIGINT, committed: bool = False):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum
        self.committed = committed


FINISH = "run `python -m generator build` to finish the commit"


class CommitPending(BuildFailed):
    """The disk refused a step of the commit after its first move: the journal stays, for the next build to
    finish; state says what docs/ and site/ are meanwhile (the command prints it instead of "not changed")."""

    def __init__(self, problems: list[Problem], state: str):
        super().__init__(problems)
        self.state = state


def raise_interrupted(signum: int, _frame: object) -> None:
    """A SIGTERM handler: unwind like Ctrl-C, so finally blocks run and the mkdocs child is killed."""
    raise Interrupted(signum)


@contextmanager
def signals_deferred() -> Iterator[None]:
    """SIGINT and SIGTERM that arrive inside the block are held until it ends, then raised as Interrupted."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signals are only delivered to the main thread anyway
        return
    received: list[int] = []
    previous = {signum: signal.signal(signum, lambda signum, _frame: received.append(signum))
                for signum in DEFERRED if signal.getsignal(signum) is not signal.SIG_IGN}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    if received:
        raise Interrupted(received[0], committed=True)


def commit(root: Path, changes: Changes, staged_docs: Path, staged_site: Path | None = None,
           site_dir: Path | None = None) -> None:
    """Move the staged changes into docs/ and the staged site into site_dir, as one step."""
    work = root / WORK_DIR
    plan = {"docs": str(root / "docs"), "staged_docs": str(staged_docs), "write": sorted(changes.write),
            "remove": sorted(changes.remove), "site": str(site_dir) if site_dir else None,
            "staged_site": str(staged_site) if staged_site else None}
    try:
        _commit(work, plan, staged_docs, staged_site, site_dir)
    except OSError as exc:
        if not (work / JOURNAL).exists():  # refused before anything moved (the journal itself not written)
            raise
        raise CommitPending([disk_problem(exc, root, then=f"then {FINISH}")], pending_state(root)) from None
    finally:
        # A signal deferred during the commit is raised as it ends: the scratch it left (staging, the
        # previous site) is removed all the same, once the journal says nothing is left to finish; a signal
        # that arrives during the removal waits for it too, or it would stop rmtree halfway.
        if not (work / JOURNAL).exists():
            with signals_deferred():
                _tidy(plan)


def _commit(work: Path, plan: dict, staged_docs: Path, staged_site: Path | None, site_dir: Path | None) -> None:
    with signals_deferred():
        atomic_write(work / JOURNAL, json.dumps(plan, indent=1) + "\n")
        if site_dir and staged_site:
            # The site first: its swap is the step a read-only or immutable folder refuses, and it can be undone,
            # so a refusal leaves docs/ and site/ both as they were (then the journal is void).
            try:
                _swap(staged_site, site_dir, undo_on_error=True)
            except OSError as exc:
                (work / JOURNAL).unlink()
                shutil.rmtree(staged_docs, ignore_errors=True)
                shutil.rmtree(staged_site, ignore_errors=True)
                raise BuildFailed([error(Loc.whole(site_dir.name), f"cannot be replaced by the new site "
                                         f"({exc.strerror or exc}: {exc.filename}); make {site_dir.name}/ and "
                                         f"the folder holding it writable (chmod u+w, chattr -i) and build "
                                         "again")]) from None
        _roll_forward(plan)  # docs/; the site's swap, done, is skipped (and redone by recover() if killed)
        (work / JOURNAL).unlink()


def pending_commit_problems(root: Path) -> list[Problem]:
    """A journal an interrupted build left: docs/ and site/ may be half moved until a build finishes it."""
    journal = root / WORK_DIR / JOURNAL
    if not journal.is_file():
        return []
    return [error(Loc.whole(f"{WORK_DIR}/{JOURNAL}"), "an interrupted build left its commit unfinished, so docs/ and "
                  "site/ may be half the old build and half the new; run `python -m generator build` to finish it")]


def pending_state(root: Path) -> str:
    """What docs/ and site/ are while a journal is pending, read from the journal and what is still staged."""
    try:
        plan = json.loads((root / WORK_DIR / JOURNAL).read_text("utf-8"))
        staged, docs = Path(plan["staged_docs"]), Path(plan["docs"])
        waiting = sum((staged / rel).is_file() for rel in plan["write"])
        left = sum((docs / rel).exists() for rel in plan["remove"] if is_generated_path(rel))
        total = len(plan["write"]) + len(plan["remove"])
        site = ("site/ is still the old build" if plan.get("staged_site") and Path(plan["staged_site"]).is_dir()
                else "site/ is already the new build" if plan.get("site") else "site/ is not part of this build")
    except (OSError, ValueError, KeyError, TypeError):
        return (f"docs/ and site/ may be half the old build and half the new ({WORK_DIR}/{JOURNAL} cannot be read); "
                f"{FINISH}")
    return (f"{site}; docs/ has {total - waiting - left} of its {total} changes in place ({waiting} pages still in "
            f"{WORK_DIR}/docs, {left} old pages still to remove), as {WORK_DIR}/{JOURNAL} records: fix the cause "
            f"above, then {FINISH} (validate and check refuse until then)")


def recover(root: Path) -> str | None:
    """Finish a commit that a killed run left half done; say what was done, if anything. A step the disk
    refuses leaves the journal (CommitPending says where things stand)."""
    try:
        return _recover(root)
    except OSError as exc:
        if not (root / WORK_DIR / JOURNAL).exists():
            raise
        raise CommitPending([disk_problem(exc, root, then=f"then {FINISH}")], pending_state(root)) from None


def _recover(root: Path) -> str | None:
    journal = root / WORK_DIR / JOURNAL
    if journal.is_file():
        try:
            plan = json.loads(journal.read_text("utf-8"))
        except ValueError:  # killed while writing the journal: nothing had been moved yet
            journal.unlink()
            return None
        if not isinstance(plan, dict) or not {"docs", "staged_docs", "write", "remove"} <= plan.keys():
            journal.unlink()  # not one this generator wrote: there is nothing it could finish
            return f"removed {WORK_DIR}/{JOURNAL}, which no build of this generator wrote"
        try:
            with signals_deferred():
                _roll_forward(plan)
                journal.unlink()
        finally:
            if not journal.exists():
                _tidy(plan)
        return "finished the commit of a build that was interrupted (docs/ and site/ are now that build)"
    site, old = root / "site", root / "site.old"
    if old.is_dir() and not site.exists():
        os.rename(old, site)
        return "put back site/ from site.old, left by an interrupted build"
    if old.is_dir():
        shutil.rmtree(old, ignore_errors=True)
    return None


def _roll_forward(plan: dict) -> None:
    """Idempotent: running it again after an interruption anywhere inside gives the same end state."""
    docs, staged = Path(plan["docs"]), Path(plan["staged_docs"])
    folders: set[Path] = set()  # made already: a build moves thousands of pages into a few folders
    for rel in [*plan["write"], MANIFEST]:
        if (rel == MANIFEST or is_generated_path(rel)) and (staged / rel).is_file():
            _move_into(staged / rel, docs / rel, folders)
    for rel in plan["remove"]:
        if not is_generated_path(rel):
            continue
        (docs / rel).unlink(missing_ok=True)
        remove_empty_parents(docs / rel, docs)
    if plan.get("site") and plan.get("staged_site"):
        _swap(Path(plan["staged_site"]), Path(plan["site"]))


def _move_into(src: Path, dst: Path, folders: set[Path]) -> None:
    """Replace dst by the staged file in one rename (no copy; the staged docs are scratch once the site is
    built), or by a copy, renamed into place, where the two are on different file systems. Run again after
    an interruption, a file already moved is no longer staged and is skipped by the caller."""
    if dst.parent not in folders:
        dst.parent.mkdir(parents=True, exist_ok=True)
        folders.add(dst.parent)
    try:
        os.replace(src, dst)
    except OSError:
        atomic_write_bytes(dst, src.read_bytes())


def _swap(new: Path, target: Path, undo_on_error: bool = False) -> None:
    """target becomes new by two renames; if new is gone, an earlier run already did it. undo_on_error: if the
    second rename fails, the first is undone, so the error leaves target as it was."""
    if not new.is_dir():
        return
    old = target.with_name(target.name + ".old")
    moved = False
    if target.exists():
        if old.exists():
            shutil.rmtree(old)  # left by an earlier swap that had finished: target is the newer one
        os.rename(target, old)
        moved = True
    try:
        os.rename(new, target)
    except OSError:
        if undo_on_error and moved:
            os.rename(old, target)
        raise


def _tidy(plan: dict) -> None:
    """Outside the commit: what is left is scratch (staged docs, the previous site)."""
    shutil.rmtree(plan["staged_docs"], ignore_errors=True)
    if plan.get("site"):
        site = Path(plan["site"])
        shutil.rmtree(site.with_name(site.name + ".old"), ignore_errors=True)
