"""A child forked while the build lock is held cannot keep it once the parent is gone (real processes).

Pool workers end with their parent (tests/runtime/test_parallel_orphans.py); a plain forked child need not, so
it is the one tried here.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from generator.runtime.lock import Busy, build_lock
from tests.helpers import end_fork_test, process_running

REPO = Path(__file__).resolve().parent.parent.parent
# The parent takes the lock and forks two children; each prints its pid and waits for the test's "release"
# file, so it outlives its parent for as long as the test wants (and no longer). The parent waits for it too.
PARENT = """
import os, sys, time
from pathlib import Path
from generator.runtime.lock import build_lock
def block():
    for _ in range(1200):
        if (Path(sys.argv[1]) / "release").exists():
            break
        time.sleep(0.05)
with build_lock(Path(sys.argv[1])):
    for _ in range(2):
        if os.fork() == 0:
            os.write(1, f"worker {os.getpid()}\\n".encode())  # one write: two children's lines never interleave
            block()
            os._exit(0)
    block()
"""


def test_a_killed_parent_s_forked_children_do_not_hold_the_lock(tmp_path: Path):
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
        assert all(process_running(pid) for pid in workers)  # the children still run ...
        with build_lock(tmp_path, wait=False):  # ... and the lock is free all the same
            pass
    finally:
        end_fork_test(parent, workers, tmp_path / "release")
