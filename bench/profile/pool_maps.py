"""Where a build's stages spend their time: each map over the process pool, and the main process's own share.

    python bench/synth.py --articles 10000 --out /tmp/syn10000   # or an archive bench/run.py made
    python bench/profile/pool_maps.py /tmp/syn10000 [--no-cache] [--workers N]

Runs one generate() of the archive and prints, for every parallel.map_indexed call in the order the
pipeline makes them, the function mapped, how many items it got, its seconds and how long this process's
own work (meanwhile) took while the workers ran (where the map used no pool, fewer items than
parallel.MIN_ITEMS, the meanwhile ran after it); then each stage's seconds. A stage's seconds not
accounted for by its maps is work in this process alone. The cleaning cache (.build/clean-cache.sqlite)
is used as a real build would; --no-cache cleans every source, as an archive's first build does.
"""

from __future__ import annotations

import argparse
import inspect
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from run import warm_file_cache  # noqa: E402  (bench/run.py)

from generator.pipeline import generate  # noqa: E402
from generator.runtime import parallel  # noqa: E402
from generator.runtime.progress import Stages  # noqa: E402


def timing_maps(report: Callable[[str], None]) -> Callable[..., list[Any]]:
    """parallel.map_indexed, timed: one line a call, with the seconds its meanwhile took."""
    original = parallel.map_indexed
    signature = inspect.signature(original)

    def timed(*args: Any, **kwargs: Any) -> list[Any]:
        call = signature.bind(*args, **kwargs)
        call.apply_defaults()
        meanwhile, own = call.arguments["meanwhile"], 0.0

        def timed_meanwhile() -> None:
            nonlocal own
            started = time.perf_counter()
            meanwhile()
            own = time.perf_counter() - started

        call.arguments["meanwhile"] = timed_meanwhile
        started = time.perf_counter()
        results = original(*call.args, **call.kwargs)
        fn, count = call.arguments["fn"], len(call.arguments["items"])
        report(f"  {fn.__name__:<16} {count:>7} items {time.perf_counter() - started:7.2f} s"
               f"   this process's own work meanwhile {own:6.2f} s")
        return results

    return timed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="an archive: seeds/, annotations/, mkdocs.yml")
    parser.add_argument("--no-cache", action="store_true", help="clean every source (an archive's first build)")
    parser.add_argument("--workers", type=int, help="pool size (default: every core this process may use)")
    args = parser.parse_args(argv)
    warm_file_cache(args.root)
    parallel.map_indexed = timing_maps(print)  # the pipeline's modules call it through the module
    stages = Stages()
    print("pool maps, in order:")
    generate(args.root, stages=stages, workers=args.workers, clean_cache=not args.no_cache)
    print("stages: " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in stages.seconds.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
