"""Two builds in one folder: the second waits (saying so) or, with --no-wait, stops naming the holder."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from tests.conftest import copy_archive

REPO = Path(__file__).resolve().parent.parent
HOLD = ("import sys, time; from pathlib import Path; from generator.runtime.lock import build_lock\n"
        "with build_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(120)\n")


def _holder(root: Path) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(root)], cwd=REPO, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


def _build(root: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "generator", "build", "--no-site", "--root", str(root), *extra],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_no_wait_names_the_holder_and_a_killed_holder_blocks_nothing(tmp_path: Path):
    root = copy_archive(tmp_path / "archive")
    holder = _holder(root)
    try:
        out, err = _build(root, "--no-wait").communicate(timeout=120)
        assert f"another build of this archive is running (pid {holder.pid}:" in err
        assert ".build/build.lock:1:1: error:" in err and "Traceback" not in err
        assert not (root / "docs" / "articles").exists()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    done = _build(root, "--no-wait")  # the dead holder's lock file is still there, and locks nothing
    out, err = done.communicate(timeout=300)
    assert done.returncode == 0, err
    assert (root / "docs" / "articles").is_dir()


def test_a_second_build_waits_with_a_message_then_runs(tmp_path: Path):
    root = copy_archive(tmp_path / "archive")
    holder = _holder(root)
    waiting = _build(root)
    assert waiting.stderr is not None
    line = waiting.stderr.readline()
    assert "waiting for another build of this archive to end" in line and f"pid {holder.pid}" in line
    assert waiting.poll() is None
    holder.terminate()
    holder.wait()
    out, err = waiting.communicate(timeout=300)
    assert waiting.returncode == 0, err
    assert (root / "docs" / "articles").is_dir()
