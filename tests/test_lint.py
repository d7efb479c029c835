"""Pyflakes' checks (unused imports and names, undefined names, shadowed imports) over the code and its
tests and benchmarks, through ruff, which `make test` installs: a name left behind by a move fails CI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_pyflakes_finds_nothing() -> None:
    process = subprocess.run([sys.executable, "-m", "ruff", "check", "--select", "F", "--no-cache",
                              "generator", "bench", "tests"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert process.returncode == 0, process.stdout + process.stderr
