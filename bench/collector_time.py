"""Why generate() freezes each stage's objects: seconds the cyclic collector spends in one build.

    python bench/synth.py --articles 10000 --out /tmp/syn10000   # or an archive bench/run.py made
    python bench/collector_time.py /tmp/syn10000 [--no-freeze]

Times every collection (gc.callbacks) during one generate() of the archive, in this process (the
pool's workers collect on their own), and prints the seconds by generation, the build's stage
times and its peak RSS. --no-freeze replaces pipeline.cycle_collector_paused by the version before
freezing (collector paused during a stage, merely re-enabled after it), for comparison.
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import pipeline  # noqa: E402
from generator.runtime.progress import Stages  # noqa: E402


@contextmanager
def _paused_not_frozen() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="the archive (a folder with seeds/ and annotations/)")
    parser.add_argument("--no-freeze", action="store_true", help="pause the collector in stages, do not freeze")
    args = parser.parse_args(argv)
    if args.no_freeze:
        pipeline.cycle_collector_paused = _paused_not_frozen
    seconds = [0.0, 0.0, 0.0]
    count = [0, 0, 0]
    started = [0.0]

    def timed(phase: str, info: dict) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            seconds[info["generation"]] += time.perf_counter() - started[0]
            count[info["generation"]] += 1

    gc.callbacks.append(timed)
    stages = Stages()
    begun = time.perf_counter()
    pipeline.generate(args.root, stages=stages, clean_cache=False)  # as a first build: every source cleaned
    total = time.perf_counter() - begun
    gc.callbacks.remove(timed)
    print(f"{'paused, not frozen' if args.no_freeze else 'frozen after each stage'}: generate {total:.1f} s; "
          f"collecting {sum(seconds):.2f} s (generations 0/1/2: "
          f"{' / '.join(f'{s:.2f} s in {n}' for s, n in zip(seconds, count))}); "
          f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")
    print("stages: " + ", ".join(f"{name} {s:.2f} s" for name, s in stages.seconds.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
