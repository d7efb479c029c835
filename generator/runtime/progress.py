"""Time and report the pipeline's stages, for progress lines and the benchmark (bench/run.py).

The pipeline names each stage (`with stages.stage("clean", total=n): ...`) and
ticks per item; a Stages object decides what that costs: nothing by default,
seconds per stage for the benchmark, a progress bar on a terminal or plain lines
in a CI log. The core never prints: a report callback does.
"""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from typing import Callable, Iterator, TextIO


class Stages:
    """Seconds spent in each named stage (added up when a stage runs twice)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.failing = False

    @contextmanager
    def stage(self, name: str, total: int = 0) -> Iterator[Callable[[int], None]]:
        """Time the stage; it ends as done, or as failed (it raised, or called fail()) or interrupted."""
        started = time.perf_counter()
        self.begin(name, total)
        self.failing = False
        outcome = "failed"
        try:
            yield self.advance
            outcome = "failed" if self.failing else "done"
        except KeyboardInterrupt:  # Ctrl-C, and SIGTERM (commit.raise_interrupted)
            outcome = "interrupted"
            raise
        finally:
            elapsed = time.perf_counter() - started
            self.seconds[name] = self.seconds.get(name, 0.0) + elapsed
            if outcome == "done":
                self.end(name, elapsed)
            else:
                self.stopped(name, elapsed, outcome)

    def fail(self) -> None:
        """The running stage did not do its work though nothing was raised (a child process failed), so its
        end must not read "done"."""
        self.failing = True

    def begin(self, name: str, total: int) -> None:
        pass

    def advance(self, done: int = 1) -> None:
        pass

    def end(self, name: str, seconds: float) -> None:
        pass

    def stopped(self, name: str, seconds: float, outcome: str) -> None:
        """A stage that ended without doing its work: outcome is "failed" or "interrupted"."""


class Progress(Stages):
    """On a terminal, a bar redrawn in place; elsewhere (CI logs) one plain line a stage, and every 10% once
    the stage has run min_seconds (a stage over in a second needs no more than its "done" line)."""

    def __init__(self, stream: TextIO = sys.stderr, min_total: int = 200, min_seconds: float = 1.0) -> None:
        super().__init__()
        self.stream, self.min_total, self.min_seconds = stream, min_total, min_seconds
        self.tty = stream.isatty()
        self.name, self.total, self.done, self.shown, self.started = "", 0, 0, -1, 0.0

    def begin(self, name: str, total: int) -> None:
        self.name, self.total, self.done, self.shown = name, total, 0, -1
        self.started = time.perf_counter()
        if not self.tty and total >= self.min_total:
            self.stream.write(f"{name}: {total} items\n")
            self.stream.flush()

    def advance(self, done: int = 1) -> None:
        self.done += done
        if self.total < self.min_total:
            return
        if self.tty:
            percent = self.done * 100 // self.total
            if percent != self.shown:
                self.shown = percent
                bar = "#" * (percent * 30 // 100)
                self.stream.write(f"\r{self.name:<10} [{bar:<30}] {self.done}/{self.total}")
                self.stream.flush()
        else:
            tenth = self.done * 10 // self.total
            elapsed = time.perf_counter() - self.started
            if tenth != self.shown and tenth not in (0, 10) and elapsed >= self.min_seconds:
                self.shown = tenth
                self.stream.write(f"{self.name}: {self.done}/{self.total} ({elapsed:.1f} s)\n")
                self.stream.flush()

    def end(self, name: str, seconds: float) -> None:
        if self.total < self.min_total and seconds < 1:
            return
        self._line(name, f"done in {seconds:.1f} s")

    def stopped(self, name: str, seconds: float, outcome: str) -> None:
        """Always shown, however short: what is printed next (the errors, MkDocs' log) is about this stage."""
        self._line(name, f"{outcome} after {seconds:.1f} s")

    def _line(self, name: str, text: str) -> None:
        if self.tty:
            self.stream.write(f"\r{name:<10} {text}{' ' * 40}\n")
        else:
            self.stream.write(f"{name}: {text}\n")
        self.stream.flush()


NO_STAGES = Stages()
