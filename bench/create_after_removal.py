"""Time writing a build's pages into a fresh folder, then again right after removing that copy.

    python bench/create_after_removal.py [--root bench/.work/10000] [--cycles 3]

Reads the pages a build left in ROOT/docs (run `python -m generator build --no-site --root ROOT` or the
bench first), then CYCLES times: writes them all into a fresh folder under bench/.work/ (one file a page,
as the build's staging writer does), and removes the folder before the next cycle. Prints wall and
system seconds of each write. On ext4 without a journal, creating a file skips, one by one, every inode
freed in the last minute (six while its inode table block is unwritten; fs/ext4/ialloc.c, find_inode_bit
and recently_deleted), so every write after the first follows the removal of as many files as it creates;
bench/run.py therefore sets the last build's output aside instead of removing it before a timed build.
The first write is a fair baseline only if nothing was removed in the minutes before.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.write.plan import _staging_writer  # noqa: E402

WORK = ROOT / "bench" / ".work" / "create-after-removal"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT / "bench" / ".work" / "10000")
    parser.add_argument("--cycles", type=int, default=3)
    args = parser.parse_args()
    docs = args.root / "docs"
    pages = {path.relative_to(docs): path.read_bytes() for path in sorted(docs.rglob("*")) if path.is_file()}
    if not pages:
        raise SystemExit(f"no pages in {docs}: build the archive first")
    print(f"{len(pages):,} pages, {sum(map(len, pages.values())) / 1e6:.0f} MB, from {docs}")
    shutil.rmtree(WORK, ignore_errors=True)
    try:
        for cycle in range(args.cycles):
            folder, write = WORK / "pages", _staging_writer()
            wall, before = time.perf_counter(), os.times()
            for path, content in pages.items():
                write(folder / path, content)
            after = os.times()
            what = "fresh" if cycle == 0 else "right after removing the last copy"
            print(f"write {cycle + 1} ({what}): {time.perf_counter() - wall:.2f} s, "
                  f"system {after.system - before.system:.2f} s", flush=True)
            os.sync()
            shutil.rmtree(folder)
            os.sync()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
