"""Time creating files on this machine, the work that dominates the build's write stage.

    python bench/file_create.py [--files 1000 10000] [--size 20000] [--repeat 2]

Writes FILES new files of SIZE bytes into a fresh folder under bench/.work/ (the file system the
benchmark builds on) in three ways, in an order that turns each repeat, then overwrites the first set in
place, and prints wall, user and system CPU milliseconds per file for each:
- create: open, write, close;
- atomic: as the build writes into a folder being served (write.atomic_write_bytes: a temporary name,
  its mode, a rename);
- staging: as the build writes its staging folder (write._staging_writer: a new file, written once).
The write stage creates one file a generated page (each staged, then moved into docs/); where creating a
file costs far more than rewriting one, it is the kernel's work, not the generator's, that the stage
measures. The files stay until the end (about 1.3 GB with the defaults): files removed just before slow
file creation on ext4 without a journal (bench/run.py's clear_output says why). A folder a stopped run
left is removed first, which can slow the first minutes of this one.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.write.plan import _staging_writer, atomic_write_bytes  # noqa: E402

WORK = Path(__file__).resolve().parent / ".work" / "file-create"


def plain_write(path: Path, data: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(data)


WRITERS: dict[str, Callable[[], Callable[[Path, bytes], None]]] = {
    "create": lambda: plain_write, "atomic": lambda: atomic_write_bytes, "staging": _staging_writer}


def timed(paths: list[Path], data: bytes, write: Callable[[Path, bytes], None]) -> tuple[float, float, float]:
    """Wall, user and system seconds to write data to every path."""
    wall, cpu = time.perf_counter(), os.times()
    for path in paths:
        write(path, data)
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
    shutil.rmtree(WORK, ignore_errors=True)
    try:
        for turn in range(args.repeat):
            for count in args.files:
                names = list(WRITERS)
                for what in (*names[turn % 3:], *names[:turn % 3], "overwrite"):
                    folder = WORK / f"{turn}-{count}-{'create' if what == 'overwrite' else what}"
                    folder.mkdir(parents=True, exist_ok=True)
                    paths = [folder / f"{i:05d}-page.md" for i in range(count)]
                    wall, user, system = timed(paths, data, plain_write if what == "overwrite" else WRITERS[what]())
                    print(f"{count:<7,} | {what:<9} | {wall / count * 1000:12.3f} | {user / count * 1000:12.3f} | "
                          f"{system / count * 1000:14.3f}")
    finally:
        shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
