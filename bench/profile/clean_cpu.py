"""CPU time of the clean stage alone, in one process, on an archive (e.g. one bench/synth.py wrote).

    python bench/synth.py --articles 300 --out /tmp/syn300
    python bench/profile/clean_cpu.py /tmp/syn300 [--repeat 3]

Reads the seeds and annotations as the build does, then times (time.process_time, so other load on a
shared machine counts less than in wall time) each web page's extraction, the archive context and clean()
of every article, as clean/stage.py's clean_all does without the process pool. The cleaner's per-line caches are emptied before each
repeat, so every repeat starts as cold as a fresh worker; prints every repeat and the best.

    python bench/profile/clean_cpu.py bench/.work/10000 --repeat 1 --chunk 2000

also prints the CPU milliseconds an article of each run of 2,000 articles, keeping every result as the
build does (without --chunk, results are dropped): flat from the first chunk to the last, cleaning is
linear within one run, whatever the machine did between two runs of different sizes.

    python bench/profile/clean_cpu.py bench/.work/1000 --max-passes 1

times cleaning with fewer passes than clean.MAX_PASSES (1: the first pass alone, without those that confirm
the text is clean): what the passes after the first cost, as a measure, not a setting (the build makes them).

    python bench/profile/clean_cpu.py bench/.work/10000 --pool 2

times the clean stage as the build runs it (clean_all, on a process pool of 2, after reading the
seeds and annotations): wall seconds, and CPU milliseconds an article in this process and in the workers.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from generator import pipeline  # noqa: E402
from generator.annotate.load import load_annotations  # noqa: E402
from generator.clean import cleaner as clean_module  # noqa: E402
from generator.clean.cache import NO_CACHE  # noqa: E402
from generator.clean.stage import clean_all  # noqa: E402
from generator.clean.cleaner import clean, extract_page, source_text  # noqa: E402
from generator.clean.context import context_of, short_lines  # noqa: E402
from generator.core.model import Annotations, CleaningOverrides, RawDocument  # noqa: E402
from generator.ingest.read import read_sources  # noqa: E402
from generator.runtime.memo import NO_MEMO  # noqa: E402

BUILD_PASSES = clean_module.MAX_PASSES  # what the build makes, before --max-passes changes it
KEEP_WARM = {"_stop_words", "_languages_by_stop_word"}  # justext's lists: loaded once per process either way


def _empty_caches() -> None:
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("generator."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)) and getattr(value, "__name__", "") not in KEEP_WARM:
                    value.cache_clear()


def _at_least_one(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r}: a number of passes, 1 or more")
    return int(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="the archive (a folder with seeds/ and annotations/)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--chunk", type=int, default=0, help="print CPU ms an article for each run of this many")
    parser.add_argument("--pool", type=int, default=0, help="time the build's clean stage on this many workers")
    parser.add_argument("--max-passes", type=_at_least_one, default=BUILD_PASSES,
                        help=f"at most this many cleaning passes (the build makes up to {BUILD_PASSES})")
    args = parser.parse_args(argv)
    clean_module.MAX_PASSES = args.max_passes  # clean_text reads it at each call
    documents, _ = read_sources(args.root)
    if args.pool:
        with pipeline.cycle_collector_paused():  # as the build loads them: frozen, out of the collector's passes
            annotations, _ = load_annotations(args.root, [d.article_id for d in documents])
        return _on_the_pool(documents, annotations, args.pool)
    annotations, _ = load_annotations(args.root, [d.article_id for d in documents])
    none = CleaningOverrides()
    inputs = [(d, annotations.articles[d.article_id].cleaning if d.article_id in annotations.articles else none)
              for d in documents]
    times = []
    for _ in range(args.repeat):
        _empty_caches()
        start = time.process_time()
        extracted = [extract_page(d) for d in documents]
        context = context_of(short_lines(source_text(d, page)) for d, page in zip(documents, extracted))
        kept, chunk_start = [], time.process_time()
        for n, ((document, overrides), page) in enumerate(zip(inputs, extracted), start=1):
            cleaned = clean(document, context, overrides, page)
            if not args.chunk:
                continue
            kept.append(cleaned)
            if n % args.chunk == 0 or n == len(inputs):
                done = time.process_time()
                print(f"articles {n - (n - 1) % args.chunk:,}-{n:,}: "
                      f"{(done - chunk_start) * 1000 / ((n - 1) % args.chunk + 1):.2f} ms an article", flush=True)
                chunk_start = done
        times.append(time.process_time() - start)
        del kept
    passes = "" if args.max_passes == BUILD_PASSES else (
        f", at most {args.max_passes} pass{'' if args.max_passes == 1 else 'es'}")
    print(f"clean CPU, {len(documents)} articles{passes} ({clean_module.__file__}): best {min(times):.2f} s "
          f"(repeats: {', '.join(f'{t:.2f}' for t in times)})")
    return 0


def _on_the_pool(documents: list[RawDocument], annotations: Annotations, workers: int) -> int:
    """The clean stage as generate() runs it, with CPU seconds split between this process and the workers."""
    def cpu() -> tuple[float, float]:
        mine, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return mine.ru_utime + mine.ru_stime, children.ru_utime + children.ru_stime

    started, (mine, theirs) = time.perf_counter(), cpu()
    cleaned = clean_all(documents, annotations, workers, lambda n: None, NO_MEMO, NO_CACHE)
    wall, (mine_after, theirs_after) = time.perf_counter() - started, cpu()
    n = len(cleaned)
    print(f"clean stage, {n} articles, {workers} workers: {wall:.2f} s; CPU an article: this process "
          f"{(mine_after - mine) * 1000 / n:.2f} ms, workers {(theirs_after - theirs) * 1000 / n:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
