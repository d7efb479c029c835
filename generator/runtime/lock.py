"""One build at a time in an archive folder: an advisory lock on .build/build.lock.

flock(2) belongs to the open file, so the kernel releases it however the holder ends (an exception,
Ctrl-C, SIGKILL, a power cut): a lock file left by a dead process never blocks. The file holds the
holder's pid and command line, for the message a second build prints.
"""

from __future__ import annotations

import fcntl
import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

LOCK = ".build/build.lock"
# The descriptors of the locks this process holds. A forked child (a pool worker) shares each one's open file,
# and flock belongs to the open file: a worker still running when its parent is killed would keep the lock.
_HELD: set[int] = set()


def _drop_inherited() -> None:
    """In a forked child: point each held lock's descriptor at /dev/null. The child's reference to the lock's
    open file goes (the parent's lock stays: only LOCK_UN or the last close releases it), and the number stays
    valid, so the file object the child inherited closes something harmless if it is ever closed."""
    if not _HELD:
        return
    null = os.open(os.devnull, os.O_RDONLY)
    try:
        for fd in _HELD:
            os.dup2(null, fd)
    finally:
        os.close(null)
    _HELD.clear()


os.register_at_fork(after_in_child=_drop_inherited)


class Busy(Exception):
    """Another process holds the lock and the caller asked not to wait; str() says which."""


@contextmanager
def build_lock(root: Path, wait: bool = True, note: Callable[[str], None] = lambda text: None) -> Iterator[None]:
    """Hold the archive's build lock for the block; wait (saying so once through note) or raise Busy."""
    path = root / LOCK
    path.parent.mkdir(exist_ok=True)
    while True:
        handle = open(path, "a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(path)
            if not wait:
                handle.close()
                raise Busy(f"another build of this archive is running ({holder}); wait for it to end, or stop it")
            note(f"waiting for another build of this archive to end ({holder}); --no-wait to stop instead")
            fcntl.flock(handle, fcntl.LOCK_EX)
        # `make clean-build` may have removed the file meanwhile: a lock on a file no longer there locks nothing
        try:
            same = os.stat(path).st_ino == os.fstat(handle.fileno()).st_ino
        except OSError:
            same = False
        if same:
            break
        handle.close()
    _HELD.add(handle.fileno())
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}: {' '.join(sys.argv) or sys.executable}, since {time.strftime('%H:%M:%S')}\n")
        handle.flush()
        yield
    finally:
        _HELD.discard(handle.fileno())
        handle.close()  # releases the lock


def _holder(path: Path) -> str:
    try:
        return path.read_text("utf-8").strip() or "pid unknown"
    except OSError:
        return "pid unknown"
