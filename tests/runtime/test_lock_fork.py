"""A pool worker forked while the build lock is held cannot keep it once the parent is gone (real processes)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from generator.runtime.lock import Busy, build_lock

REPO = Path(__file__).resolve().parent.parent.parent
# The parent takes the lock and maps over enough items for a pool; each worker prints its pid and waits for the
# test's "release" file, so it outlives its parent for as long as the test wants (and no longer).
PARENT = """
import os, sys, time
from pathlib import Path
from generator.runtime.lock import build_lock
from generator.runtime.parallel import MIN_ITEMS, map_indexed
def block(_shared, _i):
    os.write(1, f"worker {os.getpid()}\\n".encode())  # one write: two workers' lines never interleave
    for _ in range(1200):
        if (Path(sys.argv[1]) / "release").exists():
            break
        time.sleep(0.05)
with build_lock(Path(sys.argv[1])):
    map_indexed(block, range(MIN_ITEMS), None, workers=2)
"""


def test_a_killed_parent_s_workers_do_not_hold_the_lock(tmp_path: Path):
    parent = subprocess.Popen([sys.executable, "-c", PARENT, str(tmp_path)], cwd=REPO, stdout=subprocess.PIPE,
                              text=True, env={**os.environ, "GENERATOR_WORKERS": "2"})
    workers: list[int] = []
    try:
        assert parent.stdout is not None
        while len(workers) < 2:  # each worker starts a chunk at once, and says so
            workers.append(int(parent.stdout.readline().split()[1]))
        try:
            with build_lock(tmp_path, wait=False):
                raise AssertionError("the parent holds the lock, yet it was free")
        except Busy:
            pass
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        os.kill(workers[0], 0)  # the worker is still running (it raises if not) ...
        with build_lock(tmp_path, wait=False):  # ... and the lock is free all the same
            pass
    finally:
        (tmp_path / "release").touch()
        if parent.poll() is None:
            parent.kill()
        for pid in workers:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
