"""The benchmark's synthetic archive is a valid archive of this project: 0 errors, and it builds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.cli import main
from generator.pipeline import load_archive

REPO = Path(__file__).resolve().parent.parent


def synth(out: Path, n: int = 20, seed: int = 7) -> Path:
    subprocess.run([sys.executable, str(REPO / "bench" / "synth.py"), "--articles", str(n), "--out", str(out),
                    "--seed", str(seed)], check=True, capture_output=True)
    return out


def test_synthetic_archive_validates_and_builds(tmp_path: Path):
    root = synth(tmp_path / "a")
    archive, problems = load_archive(root)
    assert [str(p) for p in problems if p.is_error] == []
    assert len(archive.articles) == 20 and archive.mentions
    assert any(a.notes for a in archive.articles) and any(a.facts for a in archive.articles)
    assert all(a.cleaned.removals for a in archive.articles)  # every article carried boilerplate
    assert main(["build", "--root", str(root)]) == 0
    assert (root / "site" / "index.html").is_file()
    assert main(["build", "--root", str(root)]) == 0  # the no-op rebuild is skipped by the fingerprint


def test_synthetic_archive_is_deterministic(tmp_path: Path):
    one, two = synth(tmp_path / "one"), synth(tmp_path / "two")
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    assert all((one / f).read_bytes() == (two / f).read_bytes() for f in files)
