"""Run a per-article function over many items on every core, or in this process when that is cheaper.

Workers are forked, so they inherit the inputs (set with `shared()` before the
pool starts) and only the results travel back, pickled. Below a few hundred
items, or on one core, or where fork is missing, the work runs here: starting
processes would cost more than it saves.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable, Hashable, Sequence, TypeVar

from generator.runtime.memo import Table

T = TypeVar("T")
MIN_ITEMS = 400  # below this, a pool costs more than it saves (measured with bench/run.py)
# Work so light that the pool pays only for large archives: finding an article's mentions and sampling its
# sentences (link), rendering its page. One core vs the pool (bench/run.py's JSON, "serial" vs "stages"):
# slower on the pool at 1,000 articles (link 2.0-2.1 -> 2.4 s, render 1.3-1.4 -> 1.65-1.9 s), faster at
# 10,000 (link 28-29 -> 19-25.5 s, render 22-23 -> 15-19 s); at 3,000 about even (generate() with workers=1
# and 2, twice each, on `bench/synth.py --articles 3000`: link 6.0-7.2 vs 6.2-6.7 s, render 6.0-6.1 vs
# 4.9-5.3 s; `bench/run.py --articles 3000` prints the same comparison in its one-core and pool rows).
MIN_ITEMS_LIGHT = 3000
CHUNK = 50

_SHARED: dict[str, Any] = {}


def default_workers() -> int:
    """The cores this process may use; GENERATOR_WORKERS=1 turns the pool off."""
    configured = os.environ.get("GENERATOR_WORKERS", "")
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def shared(name: str) -> Any:
    """An input set by map_indexed for the workers (inherited through fork, never pickled)."""
    return _SHARED[name]


def map_indexed(fn: Callable[[int], T], count: int, inputs: dict[str, Any], workers: int | None = None,
                tick: Callable[[int], None] = lambda n: None, light: bool = False,
                meanwhile: Callable[[], None] = lambda: None,
                completed: Callable[[int, T], Any] = lambda i, result: result) -> list[Any]:
    """[completed(0, fn(0)), ..., completed(count - 1, fn(count - 1))] in order; fn is a module-level function
    reading shared() inputs.

    light: fn's work is small next to sending its result back (MIN_ITEMS_LIGHT, not MIN_ITEMS, applies).
    meanwhile: this process's own work that needs none of fn's results. It runs once, while the workers
    work (without a pool, after fn), so that this process does not sit idle waiting for them and then
    leave the workers' cores idle while it works alone. It must not use this module (one pool at a time),
    and tick is not called while it runs. completed(i, result) is applied to each chunk's results as they
    arrive, while the workers go on, for the same reason.
    """
    workers = default_workers() if workers is None else workers
    min_items = MIN_ITEMS_LIGHT if light else MIN_ITEMS
    _SHARED.clear()
    _SHARED.update(inputs)
    try:
        if workers <= 1 or count < min_items or "fork" not in multiprocessing.get_all_start_methods():
            results = []
            for i in range(count):
                results.append(completed(i, fn(i)))
                tick(1)
            meanwhile()
            return results
        chunks = [range(start, min(start + CHUNK, count)) for start in range(0, count, CHUNK)]
        results = []
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                                 initializer=_start_worker) as pool:
            running = pool.map(_run_chunk, [(fn, chunk.start, chunk.stop) for chunk in chunks])  # all submitted
            try:
                meanwhile()
                for chunk, chunk_results in zip(chunks, running):
                    results.extend(map(completed, chunk, chunk_results))
                    tick(len(chunk_results))
            except BaseException:  # a failure, or Ctrl-C: the chunks not started yet are not waited for
                pool.shutdown(cancel_futures=True)
                raise
        return results
    finally:
        _SHARED.clear()


def map_unless_known(table: Table, keys: Sequence[Hashable], inputs: Sequence[Any], fn: Callable[[int], T],
                     shared_inputs: dict[str, Any], workers: int | None = None,
                     tick: Callable[[int], None] = lambda n: None,
                     completed: Callable[[int, T], Any] = lambda i, result: result, light: bool = False,
                     meanwhile: Callable[[], None] = lambda: None) -> list[Any]:
    """One result per key: the table's, where the key's inputs equal those it was computed from (serve's
    memo), else fn's, on every core. fn(i) works on item shared("todo")[i]; the table learns the new results.

    completed(i, result) makes fn's fresh result for keys[i] into the one kept and returned: it puts back
    what fn left out because this process has it already (a worker's copy would be a second one in memory),
    or builds objects from the plain tuples fn sent (cheaper to pickle). meanwhile: as map_indexed's.
    """
    todo = [i for i, key in enumerate(keys) if not table.known(key, inputs[i])]
    fresh = dict(zip(todo, map_indexed(fn, len(todo), {**shared_inputs, "todo": todo}, workers, tick, light,
                                       meanwhile, lambda j, result: completed(todo[j], result))))
    results = []
    for i, key in enumerate(keys):
        if i in fresh:
            table.put(key, inputs[i], fresh[i])
            results.append(fresh[i])
        else:
            results.append(table.result(key))
    table.forget_others(set(keys))
    return results


def _start_worker() -> None:
    """A forked worker inherits the build's objects, and the collector off where a stage paused it: frozen,
    the inherited objects are left out of its passes (the gc module's advice for fork), and it collects
    the cycles its own work leaves (parsed YAML and HTML)."""
    gc.freeze()
    gc.enable()


def _run_chunk(job: tuple[Callable[[int], T], int, int]) -> Sequence[T]:
    fn, start, stop = job
    return [fn(i) for i in range(start, stop)]
