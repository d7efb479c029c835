"""runtime.parallel: a pool's workers end when the process that started them is killed (real processes).

A killed parent cannot shut its pool down; its workers must not outlive it, neither in the middle of an item
nor idle, waiting for the next one. Both ways a worker learns it is orphaned are tried: the kernel's
parent-death signal (Linux) and the watching thread used where that is missing.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.runtime.parallel import MIN_ITEMS
from tests.helpers import end_fork_test, process_running

REPO = Path(__file__).resolve().parent.parent.parent
# A generous bound for a worker to notice: the watching thread looks twice a second. The test polls, and ends
# as soon as the workers are gone.
GONE_WITHIN = 30.0

# The parent maps over enough items for a pool. Its own work meanwhile (which runs while the workers work)
# prints the workers' pids and then waits for the test's "release" file. "busy": each item waits for it too,
# so the workers are killed mid-item; "idle": items return at once, the parent waits until every item is
# done, so the workers sit waiting for work that never comes.
PARENT = """
import multiprocessing, os, sys, time
from pathlib import Path
from generator.runtime import parallel
folder, mode, watch = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
if watch == "thread":
    parallel._death_signal = lambda: False
def released():
    return (folder / "release").exists()
def item(_shared, i):
    (folder / f"done-{i}").touch()
    while mode == "busy" and not released():
        time.sleep(0.05)
def meanwhile():
    while mode == "idle" and len(list(folder.glob("done-*"))) < parallel.MIN_ITEMS:
        time.sleep(0.05)
    while not len(multiprocessing.active_children()) == 2:
        time.sleep(0.05)
    os.write(1, ("workers " + " ".join(str(p.pid) for p in multiprocessing.active_children()) + "\\n").encode())
    while not released():
        time.sleep(0.05)
parallel.map_indexed(item, range(parallel.MIN_ITEMS), None, workers=2, meanwhile=meanwhile)
"""


@pytest.mark.parametrize("watch", ["signal", "thread"])
@pytest.mark.parametrize("mode", ["busy", "idle"])
def test_a_killed_parent_s_workers_end(tmp_path: Path, mode: str, watch: str) -> None:
    if watch == "signal" and not sys.platform.startswith("linux"):
        pytest.skip("the parent-death signal is Linux's; elsewhere the watching thread is the only way")
    parent = subprocess.Popen([sys.executable, "-c", PARENT, str(tmp_path), mode, watch], cwd=REPO,
                              stdout=subprocess.PIPE, text=True, env={**os.environ, "GENERATOR_WORKERS": "2"})
    workers: list[int] = []
    try:
        assert parent.stdout is not None
        line = parent.stdout.readline()
        assert line.startswith("workers "), f"the parent said {line!r}"
        workers = [int(pid) for pid in line.split()[1:]]
        assert len(workers) == 2 and all(process_running(pid) for pid in workers)
        if mode == "idle":  # every item is done: the workers wait for more
            assert len(list(tmp_path.glob("done-*"))) == MIN_ITEMS
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + GONE_WITHIN
        while any(process_running(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        left = [pid for pid in workers if process_running(pid)]
        assert not left, f"workers {left} still run {GONE_WITHIN:.0f} s after their parent was killed"
    finally:
        end_fork_test(parent, workers, tmp_path / "release")
