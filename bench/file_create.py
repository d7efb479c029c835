"""Time creating files on this machine, the work that dominates the build's write stage.

    python bench/file_create.py [--files 1000 10000] [--size 20000] [--repeat 2]

Writes FILES new files of SIZE bytes into one fresh folder under bench/.work/ (the file system the
benchmark builds on), then overwrites them in place, and prints wall, user and system CPU milliseconds
per file for each. The write stage creates one file a generated page (each staged, then renamed into
docs/); where creating a file costs far more than rewriting one, it is the kernel's work, not the
generator's, that the stage measures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import time
from pathlib import Path

WORK = Path(__file__).resolve().parent / ".work" / "file-create"


def timed(paths: list[Path], data: bytes) -> tuple[float, float, float]:
    """Wall, user and system seconds to write data to every path."""
    wall, cpu = time.perf_counter(), os.times()
    for path in paths:
        with path.open("wb") as handle:
            handle.write(data)
    after = os.times()
    return time.perf_counter() - wall, after.user - cpu.user, after.system - cpu.system


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--size", type=int, default=20000, help="bytes a file (a generated page is ~20 KB)")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    data = b"x" * args.size
    print("files   | what      | wall ms/file | user ms/file | system ms/file")
    try:
        for _ in range(args.repeat):
            for count in args.files:
                shutil.rmtree(WORK, ignore_errors=True)
                WORK.mkdir(parents=True)
                paths = [WORK / f"{i:05d}-page.md" for i in range(count)]
                for what in ("create", "overwrite"):
                    wall, user, system = timed(paths, data)
                    print(f"{count:<7,} | {what:<9} | {wall / count * 1000:12.3f} | {user / count * 1000:12.3f} | "
                          f"{system / count * 1000:14.3f}")
    finally:
        shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
