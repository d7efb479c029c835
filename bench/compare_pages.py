"""Generate one archive with an earlier revision and with the working tree: are the pages the same, and
how long did each stage take?

    python bench/compare_pages.py --rev da5e1dc                      # the project's own archive
    python bench/compare_pages.py --rev da5e1dc --articles 1000      # a synthetic one (bench/synth.py)

A change meant to make the generator faster must leave every page byte for byte as it was; this says
which pages differ, if any. Each side runs in its own process, on one core (workers=1), so the stage
times compare the work itself, not the process pool; run it on a quiet machine and read the times as
one run's.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run in a child process with PYTHONPATH set to one side's copy of the package.
CHILD = """
import hashlib, json, sys
from pathlib import Path
from generator.pipeline import generate
from generator.runtime.progress import Stages
stages = Stages()
result = generate(Path(sys.argv[1]), stages=stages, workers=1)
print(json.dumps({"pages": {p: hashlib.sha256(c).hexdigest() for p, c in result.pages.items()},
                  "seconds": stages.seconds}))
"""


def run_side(package_root: Path, archive: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(package_root)}
    done = subprocess.run([sys.executable, "-c", CHILD, str(archive)], env=env, capture_output=True, text=True,
                          cwd=package_root)
    if done.returncode != 0:
        raise SystemExit(f"generating with {package_root} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", required=True, help="the git revision to compare with (e.g. a commit id)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the archive (default: this project's)")
    parser.add_argument("--articles", type=int, help="compare on a synthetic archive of this many articles instead")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="compare-pages-") as scratch:
        scratch_dir = Path(scratch)
        archive = args.root.resolve()
        if args.articles:
            archive = scratch_dir / "archive"
            subprocess.run([sys.executable, str(ROOT / "bench" / "synth.py"), "--articles", str(args.articles),
                            "--out", str(archive)], check=True, capture_output=True)
        earlier = scratch_dir / "earlier"
        earlier.mkdir()
        exported = subprocess.run(["git", "-C", str(ROOT), "archive", args.rev, "generator"], check=True,
                                  capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(earlier)], input=exported, check=True)
        before, after = run_side(earlier, archive), run_side(ROOT, archive)
    differ = sorted(p for p in before["pages"].keys() | after["pages"].keys()
                    if before["pages"].get(p) != after["pages"].get(p))
    print(f"{len(after['pages'])} pages; {len(differ)} differ from {args.rev}" + (":" if differ else ""))
    for path in differ[:20]:
        print(f"  {path}")
    print(f"{'stage (1 core)':10} {args.rev:>10} {'now':>8}")
    for stage, seconds in after["seconds"].items():
        print(f"{stage:14} {before['seconds'].get(stage, 0):6.2f} s {seconds:6.2f} s")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
