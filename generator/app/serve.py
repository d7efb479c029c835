"""Live preview: MkDocs' dev server, plus regeneration of docs/ when seeds/ or annotations/ change.

MkDocs watches docs/ and reloads the browser; this module watches the inputs
MkDocs does not know about and rewrites only the pages that changed, so an
edit that changes nothing writes nothing and cannot start a rebuild loop.
Errors are reported located and the server keeps running.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Callable

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator.app.devserver import CHANGES
from generator.core.errors import BuildFailed, Problem
from generator.pipeline import generate
from generator.runtime.lock import build_lock
from generator.runtime.memo import Memo
from generator.write.plan import apply

DEBOUNCE_SECONDS = 0.1  # an editor's save is a burst of events a few milliseconds apart


def regenerate(root: Path, report: Callable[[str], None], show: Callable[[list[Problem]], None],
               memo: Memo, workers: int | None = None) -> bool:
    """Generate and write the changed pages; on errors, say so and leave docs/ as it is.

    The memo lives as long as the server: an edit redoes only the items and pages it touches.
    """
    started = time.perf_counter()
    try:
        with build_lock(root, note=report):  # not beside a `build` writing docs/ too
            result = generate(root, memo=memo, workers=workers)
            show(result.problems)
            apply(root / "docs", result.changes, memo)
    except BuildFailed as failed:
        show(failed.problems)
        report("regeneration failed; the preview keeps the last good pages")
        return False
    except OSError as exc:  # the disk refused a write, a WARC changed while it was read: say where; the next
        # save (the crawler's write that changed the WARC is one) tries again, reading everything afresh
        memo.forget_all()
        report(f"{exc.filename or root}: error: {exc.strerror or exc}; the preview keeps the last good pages")
        return False
    except Exception as exc:  # a bug: report it and keep serving (a traceback in the watcher's thread says nothing)
        memo.forget_all()
        report(f"regeneration failed: internal error {type(exc).__name__}: {exc} (please report it, with the "
               f"traceback below); the preview keeps the last good pages\n{traceback.format_exc()}")
        return False
    report(f"regenerated: {len(result.changes.write)} written, {len(result.changes.remove)} removed "
           f"({time.perf_counter() - started:.2f} s)")
    return True


class _Debounced(FileSystemEventHandler):
    """Collapse the burst of events an editor's save makes into one regeneration."""

    def __init__(self, action: Callable[[], None]):
        self.action = action
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()

    def on_any_event(self, event: FileSystemEvent) -> None:
        # Only changes count: watchdog also reports files being opened and read, which every
        # regeneration does, and reacting to those would regenerate forever.
        if event.event_type not in CHANGES or event.is_directory or Path(str(event.src_path)).name.startswith("."):
            return
        with self.lock:
            if self.timer:
                self.timer.cancel()
            self.timer = threading.Timer(DEBOUNCE_SECONDS, self.action)
            self.timer.daemon = True
            self.timer.start()


def _exit_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(0)


def serve(root: Path, dev_addr: str, report: Callable[[str], None],
          show: Callable[[list[Problem]], None]) -> int:
    root = root.resolve()
    signal.signal(signal.SIGTERM, _exit_on_sigterm)  # so the finally below stops the MkDocs server too
    memo, one_at_a_time = Memo(), threading.Lock()  # a save during a regeneration waits for it

    def again(workers: int | None = None) -> None:
        with one_at_a_time:
            regenerate(root, report, show, memo, workers)

    again()  # the first build on every core; later ones run beside the watcher's threads, and a process
    # forked from a threaded one can inherit a lock another thread held: those stay in this process
    observer = Observer()
    handler = _Debounced(lambda: again(workers=1))
    for folder in ("seeds", "annotations"):
        if (root / folder).is_dir():
            observer.schedule(handler, str(root / folder), recursive=True)
    observer.start()
    server = subprocess.Popen([sys.executable, "-m", "generator.app.devserver", "serve", "--dirty", "-a", dev_addr,
                               "-f", str(root / "mkdocs.yml")], cwd=root)
    try:
        return server.wait()
    except (KeyboardInterrupt, SystemExit):
        return 0
    finally:
        observer.stop()
        observer.join(timeout=5)
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=10)
