"""Run a per-article function over many items on every core, or in this process when that is cheaper.

Workers are forked, so they inherit the inputs (one value, the `shared` argument, handed to the function
with each index) and only the results travel back, pickled. Below a few hundred
items, or on one core, or where fork is missing, the work runs here: starting
processes would cost more than it saves.

A worker ends with the process that started it. Killed (SIGKILL, the OOM killer, a CI job cancelled), that
process cannot shut its pool down, and a worker would otherwise wait for work forever: a forked worker holds
both ends of its task pipe, so it never reads the end of file that would tell it its parent is gone.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable, Hashable, Sequence, TypeVar

from generator.runtime.memo import Table

T = TypeVar("T")
MIN_ITEMS = 400  # below this, starting a pool costs more than it saves (bench/run.py's one-core rows show it)
# Work so light that the pool pays only for large archives: finding an article's mentions and sampling its
# sentences (link), rendering its page. Sending each result back costs about what computing it does, so
# the pool only wins once the archive is large (`bench/run.py --articles 3000` compares one core and the
# pool around this threshold).
MIN_ITEMS_LIGHT = 3000
CHUNK = 50
# How often a worker without the kernel's death signal looks whether its parent is still there
PARENT_POLL = 0.5
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>

S = TypeVar("S")
# The value a running map shares with its workers: set before the pool forks (the workers inherit it,
# nothing is pickled) and cleared when the map ends. One map runs at a time.
_RUNNING: list[Any] = []


def default_workers() -> int:
    """The cores this process may use; GENERATOR_WORKERS=1 turns the pool off."""
    configured = os.environ.get("GENERATOR_WORKERS", "")
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def map_indexed(fn: Callable[[S, int], T], items: Sequence[int], shared: S, workers: int | None = None,
                tick: Callable[[int], None] = lambda n: None, light: bool = False,
                meanwhile: Callable[[], None] = lambda: None,
                completed: Callable[[int, T], Any] = lambda i, result: result) -> list[Any]:
    """[completed(i, fn(shared, i)) for i in items], in order, on every core.

    fn is a module-level function (it is sent to the workers by name); shared is what it reads the items
    from (the workers inherit it through fork).

    light: fn's work is small next to sending its result back (MIN_ITEMS_LIGHT, not MIN_ITEMS, applies).
    meanwhile: this process's own work that needs none of fn's results. It runs once, while the workers
    work (without a pool, after fn), so that this process does not sit idle waiting for them and then
    leave the workers' cores idle while it works alone. It must not use this module (one pool at a time),
    and tick is not called while it runs. completed(i, result) is applied to each chunk's results as they
    arrive, while the workers go on, for the same reason.
    """
    workers = default_workers() if workers is None else workers
    min_items = MIN_ITEMS_LIGHT if light else MIN_ITEMS
    items = list(items)
    if workers <= 1 or len(items) < min_items or "fork" not in multiprocessing.get_all_start_methods():
        results = []
        for i in items:
            results.append(completed(i, fn(shared, i)))
            tick(1)
        meanwhile()
        return results
    chunks = [items[start:start + CHUNK] for start in range(0, len(items), CHUNK)]
    results = []
    _RUNNING[:] = [shared]
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                                 initializer=_start_worker, initargs=(os.getpid(),)) as pool:
            running = pool.map(_run_chunk, [(fn, chunk) for chunk in chunks])  # all submitted
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
        _RUNNING.clear()


def map_unless_known(table: Table, keys: Sequence[Hashable], inputs: Sequence[Any], fn: Callable[[S, int], T],
                     shared: S, workers: int | None = None,
                     tick: Callable[[int], None] = lambda n: None,
                     completed: Callable[[int, T], Any] = lambda i, result: result, light: bool = False,
                     meanwhile: Callable[[], None] = lambda: None) -> list[Any]:
    """One result per key: the table's, where the key's inputs equal those it was computed from (serve's
    memo), else fn(shared, i)'s, on every core; the table learns the new results.

    completed(i, result) makes fn's fresh result for keys[i] into the one kept and returned: it puts back
    what fn left out because this process has it already (a worker's copy would be a second one in memory),
    or builds objects from the plain tuples fn sent (cheaper to pickle). meanwhile: as map_indexed's.
    """
    todo = [i for i, key in enumerate(keys) if not table.known(key, inputs[i])]
    fresh = dict(zip(todo, map_indexed(fn, todo, shared, workers, tick, light, meanwhile, completed)))
    results = []
    for i, key in enumerate(keys):
        if i in fresh:
            table.put(key, inputs[i], fresh[i])
            results.append(fresh[i])
        else:
            results.append(table.result(key))
    table.forget_others(set(keys))
    return results


def _start_worker(parent: int) -> None:
    """A forked worker inherits the build's objects, and the collector off where a stage paused it: frozen,
    the inherited objects are left out of its passes (the gc module's advice for fork), and it collects
    the cycles its own work leaves (parsed YAML and HTML). It ends when its parent does (the module's
    docstring says why)."""
    _end_with(parent)
    gc.freeze()
    gc.enable()


def _end_with(parent: int) -> None:
    """Have this worker killed when the process `parent` ends: by the kernel where it can (Linux's parent-death
    signal, which also stops a worker in the middle of an item), else by a thread that watches for the worker
    being handed to another parent. The parent may have died before either was in place: looked at last."""
    if not _death_signal():
        threading.Thread(target=_watch_parent, args=(parent,), name="parent-watch", daemon=True).start()
    if os.getppid() != parent:
        os._exit(1)


def _death_signal() -> bool:
    """Ask Linux to SIGKILL this process when the thread that forked it ends; False where that is not possible.
    That thread is the one running map_indexed, which outlives its pool."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
    except (OSError, AttributeError):  # no C library to load, or one without prctl
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL)
    os._exit(1)  # no clean-up: the results have no one to go to


def _run_chunk(job: tuple[Callable[[Any, int], T], list[int]]) -> Sequence[T]:
    fn, items = job
    shared = _RUNNING[0]
    return [fn(shared, i) for i in items]
