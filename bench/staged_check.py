"""What the check of the hand-written pages before a build commits (generator/check/staged.py) costs, next to
the build it is part of: timed inside one cold `build` of a synthetic archive, then alone on the built site.

    python bench/staged_check.py --articles 10000 [--out bench/.work/staged-10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--repeat", type=int, default=3, help="runs of the check alone; the fastest is shown")
    args = parser.parse_args()
    out = args.out or REPO / "bench" / ".work" / f"staged-{args.articles}"
    from synth import synthesise  # bench/, beside this script
    synthesise(args.articles, out)
    shutil.rmtree(out / ".build", ignore_errors=True)
    shutil.rmtree(out / "site", ignore_errors=True)

    import generator.pipeline as pipeline
    import generator.write.site as site
    from generator.app.cli import main as cli
    from generator.check.staged import hand_written_links

    spent = {"check": 0.0, "engine": 0.0}

    def timed(key, fn):
        def wrapper(*a, **k):
            start = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent[key] += time.perf_counter() - start
        return wrapper

    pipeline.hand_written_links = timed("check", hand_written_links)
    site._run_engine = timed("engine", site._run_engine)
    start = time.perf_counter()
    assert cli(["build", "--root", str(out)]) == 0
    total = time.perf_counter() - start

    alone = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        problems = hand_written_links(out, out / "docs", out / "site")
        alone.append(time.perf_counter() - start)
    assert not problems, problems
    pages = sum(1 for _ in (out / "site").rglob("*.html"))
    print(f"\n| articles | HTML files | cold build | engine (MkDocs) | staged check in the build | share of build "
          f"| staged check alone (best of {args.repeat}) |\n|---:|---:|---:|---:|---:|---:|---:|\n"
          f"| {args.articles:,} | {pages:,} | {total:.1f} s | {spent['engine']:.1f} s | {spent['check']:.2f} s "
          f"| {spent['check'] / total:.1%} | {min(alone):.2f} s |")


if __name__ == "__main__":
    main()
