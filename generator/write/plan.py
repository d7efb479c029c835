"""Write the generated pages into docs/ without losing anything.

Only files that changed are written (a no-op rebuild writes nothing); files
are replaced atomically; stale generated files are removed only if the
manifest says the generator wrote them; a hand-written file is never
overwritten. The manifest (docs/.generated.json) lists what was written.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Callable, Iterator

from generator.core.errors import Problem, error
from generator.core.model import Loc
from generator.render.paths import GENERATED_DIRS
from generator.runtime.memo import NO_MEMO, Memo

MANIFEST = ".generated.json"


@dataclass
class Changes:
    write: dict[str, bytes] = field(default_factory=dict)  # path -> new content (UTF-8)
    remove: list[str] = field(default_factory=list)
    unchanged: int = 0
    manifest: dict[str, str] = field(default_factory=dict)  # path -> sha256 of content

    @property
    def empty(self) -> bool:
        return not self.write and not self.remove


def digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def read_manifest(docs_dir: Path) -> dict[str, str]:
    try:
        data = json.loads((docs_dir / MANIFEST).read_text("utf-8"))
        return {str(k): str(v) for k, v in data.get("files", {}).items()}
    except (OSError, ValueError, AttributeError):
        return {}


def plan(docs_dir: Path, pages: dict[str, bytes], memo: Memo = NO_MEMO) -> tuple[Changes, list[Problem]]:
    """What writing pages would change, and why it must not (a hand-written file in the way).

    With a memo (serve), a page this process already wrote or found on disk with this very
    content is not read again (serve owns docs/ while it runs).
    """
    previous = read_manifest(docs_dir)
    changes = Changes()
    problems: list[Problem] = []
    on_disk = memo.table("docs", docs_dir)
    folders: dict[str, bool] = {}
    for path, content in sorted(pages.items()):
        if on_disk.known(path, content):  # checked and on disk already: nothing to write, nothing to check
            changes.manifest[path] = on_disk.result(path)
            changes.unchanged += 1
            continue
        if not is_generated_path(path) or not _inside(docs_dir, path, folders):
            problems.append(error(Loc.whole(f"docs/{path}"), "generated page would land outside the generated "
                                  "folders (a '..', an odd character, or a folder that is a symbolic link); "
                                  "nothing was written"))
            continue
        target = docs_dir / path
        changes.manifest[path] = digest(content)
        if target.is_file():
            if holds(target, content):
                on_disk.put(path, content, changes.manifest[path])
                changes.unchanged += 1
                continue
            if path not in previous:
                problems.append(error(Loc.whole(f"docs/{path}"), "a file the generator did not write stands where a "
                                      "generated page goes; if you wrote it, move it out of the generated folders "
                                      f"({', '.join(GENERATED_DIRS)}); if an older build left it, run "
                                      "`make clean-build`"))
                continue
        changes.write[path] = content
    on_disk.forget_others(set(pages))
    changes.remove = sorted(p for p in previous if p not in pages and is_generated_path(p)
                            and _inside(docs_dir, p, folders) and (docs_dir / p).is_file())
    return changes, problems


COMPARE_BLOCK = 1 << 20


def holds(path: Path, content: bytes) -> bool:
    """Whether the file's bytes are exactly content, read a block at a time: a large archive's
    data/archive.json is the size of all its text, and reading it whole beside the new one doubles the peak."""
    try:
        with path.open("rb") as handle:
            if os.fstat(handle.fileno()).st_size != len(content):
                return False
            view, offset = memoryview(content), 0
            while block := handle.read(COMPARE_BLOCK):
                if view[offset:offset + len(block)] != block:
                    return False
                offset += len(block)
            return offset == len(content)
    except OSError:
        return False


def apply(docs_dir: Path, changes: Changes, memo: Memo = NO_MEMO, staging: bool = False) -> None:
    """Make the changes in docs_dir: each file replaced atomically (or, in a staging folder, written as a new
    file: _staging_writer), the manifest last.

    Pages new to the manifest are claimed in it before any is written: serve applies straight to
    docs/, and a run stopped midway must leave only files the next plan rewrites or removes, never
    one it refuses as hand-written (which only `make clean-build` would clear).
    """
    on_disk = memo.table("docs", docs_dir)
    previous = read_manifest(docs_dir)
    claimed = {path: changes.manifest[path] for path in changes.write if path not in previous}
    if claimed:
        _write_manifest(docs_dir, {**previous, **claimed})
    write = _staging_writer() if staging else atomic_write_bytes
    for path, content in changes.write.items():
        write(docs_dir / path, content)
        on_disk.put(path, content, changes.manifest[path])
    for path in changes.remove:
        (docs_dir / path).unlink(missing_ok=True)
        remove_empty_parents(docs_dir / path, docs_dir)
    if not changes.empty or previous != changes.manifest:
        _write_manifest(docs_dir, changes.manifest)


def _write_manifest(docs_dir: Path, files: dict[str, str]) -> None:
    atomic_write(docs_dir / MANIFEST, json.dumps({"files": files}, indent=1, sort_keys=True) + "\n")


def stage(docs_dir: Path, changes: Changes, staging: Path) -> None:
    """A copy of docs_dir with the changes applied, for a build that must not touch docs/ until it succeeds."""
    if staging.exists():
        shutil.rmtree(staging)
    if docs_dir.is_dir():
        shutil.copytree(docs_dir, staging, copy_function=_link_or_copy)
    else:
        staging.mkdir(parents=True)
    apply(staging, changes, staging=True)


def copy_hand_written(docs_dir: Path, target: Path) -> None:
    """Copy docs_dir without what the generator wrote: the pages people own, to start another archive."""
    generated = set(GENERATED_DIRS) | {MANIFEST}
    shutil.copytree(docs_dir, target, dirs_exist_ok=True, ignore=lambda folder, names: (
        [n for n in names if n in generated] if Path(folder) == docs_dir else []))


def atomic_write(path: Path, content: str) -> None:
    atomic_write_bytes(path, content.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace path in one rename, so no reader ever sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with named(path), os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes files private; pages are for everyone to read
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _staging_writer() -> Callable[[Path, bytes], None]:
    """A writer for a staging folder, which no one reads until it is complete: each page a new file, opened and
    written once, without the temporary name, mode change and rename that keep a served folder whole (a cold
    build writes every page; bench/RESULTS.md, "Investigations", compares both), and each folder made once. The mode is
    atomic_write_bytes's. A file already there is a hard link to docs/'s copy (stage's copytree): it is
    unlinked, never written through."""
    folders: set[Path] = set()

    def write(path: Path, data: bytes) -> None:
        if path.parent not in folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            folders.add(path.parent)
        try:
            handle = open(path, "xb")
        except FileExistsError:
            os.unlink(path)
            handle = open(path, "xb")
        with named(path), handle:
            handle.write(data)

    return write


@contextmanager
def named(path: Path) -> Iterator[None]:
    """An OSError from writing to or closing an open file names no file (a full disk refuses the write, or
    the flush at close): give it path, so the problem made of it says which file and which folder."""
    try:
        yield
    except OSError as exc:
        if exc.filename is None:
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _link_or_copy(src: str, dst: str) -> None:
    """Hard links make the staging copy cheap; a replaced file gets a new inode, so docs/ stays as it was."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def is_generated_path(path: str) -> bool:
    """Inside one of the generated folders, by construction: no '..', no absolute path, no odd characters."""
    if not isinstance(path, str) or "\\" in path or any(ord(c) < 32 for c in path):
        return False
    pure = PurePosixPath(path)
    parts = path.split("/")
    return (len(parts) >= 2 and parts[0] in GENERATED_DIRS and not pure.is_absolute()
            and all(part not in ("", ".", "..") for part in parts))


def _inside(docs_dir: Path, path: str, folders: dict[str, bool]) -> bool:
    """The file really lands under docs/<generated folder>/, even through a symlink someone made.

    folders keeps the answer for each folder: a plan asks about thousands of files in a few folders,
    and resolving a path costs a system call a component. A file that is itself a link is resolved.
    """
    if (docs_dir / path).is_symlink():
        return _resolves_inside(docs_dir, path)
    folder = path.rpartition("/")[0]
    if folder not in folders:
        folders[folder] = _resolves_inside(docs_dir, folder)
    return folders[folder]


def _resolves_inside(docs_dir: Path, path: str) -> bool:
    base = (docs_dir / path.split("/")[0]).resolve()
    return (docs_dir / path).resolve().is_relative_to(base) and base.parent == docs_dir.resolve()


def remove_empty_parents(path: Path, stop: Path) -> None:
    parent = path.parent
    while parent != stop and parent.is_dir() and not any(parent.iterdir()):
        parent.rmdir()
        parent = parent.parent
