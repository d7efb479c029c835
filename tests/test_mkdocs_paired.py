"""bench/mkdocs_paired.py reads GNU time's wall clock in both of its forms."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "mkdocs_paired.py"
spec = importlib.util.spec_from_file_location("mkdocs_paired", SCRIPT)
paired = importlib.util.module_from_spec(spec)
spec.loader.exec_module(paired)


def test_wall_clock_forms() -> None:
    assert paired.clock_seconds("0:23.02") == 23.02
    assert paired.clock_seconds("1:02:03") == 3723.0
