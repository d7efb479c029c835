"""Time `mkdocs build -q --strict` of two or more generated archives, paired: one build of each in turn,
`--runs` rounds, so a slower minute of a shared machine falls on every side alike.

    python bench/mkdocs_paired.py /tmp/v-1000 /tmp/now-1000 --runs 3

Each archive is a folder with docs/ and mkdocs.yml (bench/synth.py, then `python -m generator build --root
DIR --no-site`). Prints, per archive, the median and range of wall seconds, CPU seconds (user + system) and
peak resident memory, as /usr/bin/time -v reports them for the build's process.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

MKDOCS = Path(sys.executable).with_name("mkdocs")
FIELDS = {"wall s": r"Elapsed \(wall clock\) time.*: (.+)", "user": r"User time \(seconds\): (.+)",
          "system": r"System time \(seconds\): (.+)", "peak MB": r"Maximum resident set size \(kbytes\): (.+)"}


def clock_seconds(clock: str) -> float:
    """'1:02.35' or '1:02:03' (as GNU time prints the wall clock) -> seconds."""
    total = 0.0
    for part in clock.split(":"):
        total = total * 60 + float(part)
    return total


def build_once(archive: Path) -> dict[str, float]:
    """One strict, quiet build into a scratch folder; its wall and CPU seconds and peak memory."""
    with tempfile.TemporaryDirectory(prefix="mkdocs-paired-") as out:
        done = subprocess.run(["/usr/bin/time", "-v", str(MKDOCS), "build", "-q", "--strict",
                               "-f", str(archive / "mkdocs.yml"), "-d", out], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{archive}: the build failed:\n{done.stderr[-2000:]}")
    found = {name: re.search(pattern, done.stderr).group(1) for name, pattern in FIELDS.items()}
    return {"wall s": clock_seconds(found["wall s"]), "CPU s": float(found["user"]) + float(found["system"]),
            "peak MB": int(found["peak MB"]) / 1024}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archives", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    runs: dict[Path, list[dict[str, float]]] = {archive: [] for archive in args.archives}
    for _ in range(args.runs):
        for archive in args.archives:
            runs[archive].append(build_once(archive))
            print(archive, runs[archive][-1], file=sys.stderr)
    print("| archive | wall s | CPU s | peak MB |\n|---|---|---|---|")
    for archive, measured in runs.items():
        cells = []
        for field in ("wall s", "CPU s", "peak MB"):
            values = [m[field] for m in measured]
            cells.append(f"{statistics.median(values):.1f} ({min(values):.1f}–{max(values):.1f})")
        print(f"| {archive} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
