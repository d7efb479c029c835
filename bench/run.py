"""Benchmark the build stage by stage on synthetic archives of growing size (`make bench`).

    python bench/run.py [--articles 1000 10000] [--engines mkdocs zensical] [--no-serve]

For each size N: bench/synth.py writes an archive into bench/.work/N/, then a fresh
Python process (so peak memory is this size's alone) builds it in-process with
the project's own functions, timing each stage (read, clean, annotate/validate,
link, render, write, site build with the real engine subprocess, check when
generator/check/links.py exists), with peak RSS per stage; then a no-op rebuild, a
rebuild after one annotation edit, the per-article stages without the process
pool, the search index size; then, in a fresh process, a full build with the
cleaning cache the earlier builds left and, at the size closest to 1,000, how long
`serve` takes to show an annotation edit. Then the sizes take turns (--rounds times: 1,000,
10,000, 1,000, ...), each build in a fresh process from an empty docs/, and read …
write are reported as the median of those builds: a shared machine's slow minutes
fall on both sizes alike, not on whichever was being measured. Prints a table,
writes bench/results/*.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.pipeline import generate  # noqa: E402
from generator.render.paths import GENERATED_DIRS  # noqa: E402
from generator.runtime import parallel  # noqa: E402
from generator.runtime.memo import Memo  # noqa: E402
from generator.runtime.progress import Stages  # noqa: E402
from generator.write import fingerprint
from generator.write.plan import MANIFEST, apply  # noqa: E402
from generator.write.site import build_site, write_docs  # noqa: E402

WORK = ROOT / "bench" / ".work"
RESULTS = ROOT / "bench" / "results"
TRASH = WORK / "trash"  # the output of earlier builds, set aside by clear_output
GENERATOR_STAGES = ["read", "clean", "annotate", "link", "render", "write"]
ALL_STAGES = GENERATOR_STAGES + ["site build", "check"]


def peak_rss_mb() -> float:
    """Peak resident memory of this process since the last reset_peak(), in MB (VmHWM)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")  # Linux: resets VmHWM to the current RSS
        return True
    except OSError:
        return False


def cpu_seconds() -> tuple[float, float]:
    """User and system CPU seconds of this process and its finished children (pool workers, the engine)."""
    mine, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return mine.ru_utime + children.ru_utime, mine.ru_stime + children.ru_stime


class Measured(Stages):
    """Seconds, CPU seconds (user, system) and peak RSS (this process, or the engine subprocess for the site
    build) per stage."""

    def __init__(self) -> None:
        super().__init__()
        self.peak: dict[str, float] = {}
        self.cpu: dict[str, list[float]] = {}
        self.resettable = reset_peak()

    def begin(self, name: str, total: int) -> None:
        reset_peak()
        self.cpu_before = cpu_seconds()

    def end(self, name: str, seconds: float) -> None:
        mine = peak_rss_mb()
        if name == "site build":
            mine = max(mine, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
        self.peak[name] = max(self.peak.get(name, 0.0), mine)
        used = self.cpu.setdefault(name, [0.0, 0.0])
        for i, (now, before) in enumerate(zip(cpu_seconds(), self.cpu_before)):
            used[i] += now - before


def clear_output(root: Path) -> None:
    """Start with no generated pages in docs/ and no site: the last build's are moved into TRASH, removed when
    the run's timed builds are over (main).

    Removed here, its files would slow the build that follows on ext4 without a journal (as on the machine
    this was measured on), where creating a file skips, one by one, every inode freed in the last minute (six
    minutes while its inode table block is unwritten): fs/ext4/ialloc.c, find_inode_bit and recently_deleted,
    where `perf record` of a slow write put the time (bench/RESULTS.md, "Investigations"). Moved
    aside, no inode is freed.
    """
    put_aside(root, [*(root / "docs" / folder for folder in GENERATED_DIRS), root / "docs" / MANIFEST,
                     root / "site", root / ".build"])


def put_aside(root: Path, paths: list[Path]) -> None:
    TRASH.mkdir(parents=True, exist_ok=True)
    aside = Path(tempfile.mkdtemp(prefix=f"{root.name}-", dir=TRASH))
    for path in paths:
        if path.exists():
            try:
                path.rename(aside / f"{path.parent.name}-{path.name}")
            except OSError:  # on another file system (an archive given to --one or --generate-once): removed
                shutil.rmtree(path) if path.is_dir() else path.unlink()


def edit_one_annotation(root: Path, marker: str) -> str:
    """Change the note text of one article's annotation; return that article id."""
    for path in sorted((root / "annotations" / "articles").glob("*.yml")):
        text = path.read_text("utf-8")
        if "    note: " in text:
            text = re.sub(r'(    note: ")', r"\g<1>" + marker + " ", text, count=1)
            path.write_text(text, "utf-8")
            return path.stem
    raise SystemExit("no annotation with a note to edit")


def warm_file_cache(root: Path) -> None:
    """Read the archive's files once, untimed, so that read measures the code rather than the disk.

    The machines this runs on page out file data left idle for about a minute (DAMON reclaim:
    /sys/kernel/mm/damon/admin/kdamonds/*/contexts/*/schemes/*/action is "pageout"), and the archive
    was written long before its turn: read's ratio was about 15 from a cold cache and about 10 when
    the same archives were read again at the end of the same runs.
    """
    for folder in ("seeds", "annotations"):
        for path in (root / folder).rglob("*"):
            if path.is_file():
                path.read_bytes()


def measure_one(root: Path, engines: list[str]) -> dict:
    """Everything measured on one archive, in this process."""
    out: dict = {"articles": len(list((root / "seeds").glob("*.txt"))), "workers": parallel.default_workers()}
    first = measure_first_build(root, engines[0], out)
    for engine in engines[1:]:
        measure_other_engine(root, engine, out)
    rebuild = measure_noop(root, out)
    edit_stages = measure_edits(root, out)
    # read … render do the same work in the first build, the regeneration and the rebuild after the edit
    # (no memo): each stage's seconds are the median of the three (with --rounds, main() replaces it with the
    # median of builds the sizes take in turn; this one stays as in_process_seconds). The later two run in a
    # process whose caches the first filled (stop words, compiled schemas, imports): the median is a warm
    # process's time, first_build_seconds the cold one. Write, the site build and check are the first build's.
    samples = {name: [build.seconds.get(name) for build in (first, rebuild, edit_stages)] for name in POOLED_STAGES}
    out["stage_samples"] = samples
    for name in POOLED_STAGES:
        out["stages"][name]["first_build_seconds"] = samples[name][0]
        out["stages"][name]["seconds"] = statistics.median(samples[name])
    serial = Stages()  # the per-article stages on one core, to show what the pool gains
    warm_file_cache(root)
    generate(root, stages=serial, workers=1, clean_cache=False)
    out["serial"] = {name: serial.seconds.get(name) for name in GENERATOR_STAGES}
    return out


def measure_first_build(root: Path, engine: str, out: dict) -> Measured:
    """A cold build with the first engine, then check: every stage's seconds, peak memory and CPU; the site's size."""
    clear_output(root)
    # What was written before (the archive, the last round's build) goes to disk before the clock starts, not
    # during read and write.
    os.sync()
    warm_file_cache(root)
    stages = Measured()
    started = time.perf_counter()
    result = generate(root, stages=stages)
    generate_seconds = time.perf_counter() - started
    site = build_site(root, result.changes, stages=stages, engine=engine)
    if not site.ok:
        raise SystemExit(f"{engine} build failed:\n{site.log[-3000:]}")
    out["pages"] = len(result.pages)
    out["mentions"] = len(result.archive.mentions)
    with stages.stage("check"):
        process = subprocess.run([sys.executable, "-m", "generator", "check", "--root", str(root)],
                                 cwd=ROOT, capture_output=True, text=True, check=False)
    out["check_exit"] = process.returncode
    out["stages"] = {name: {"seconds": stages.seconds.get(name), "peak_rss_mb": stages.peak.get(name),
                            "cpu_user_sys": stages.cpu.get(name)} for name in ALL_STAGES}
    out["generate_seconds"] = generate_seconds
    out["peak_rss_mb"] = max(stages.peak.values())
    index = root / "site" / "search" / "search_index.json"
    out["search_index_mb"] = index.stat().st_size / 1e6 if index.exists() else None
    out["site_mb"] = sum(p.stat().st_size for p in (root / "site").rglob("*") if p.is_file()) / 1e6
    out["largest_page_kb"] = max(len(v) for v in result.pages.values()) / 1e3
    return stages


def measure_other_engine(root: Path, engine: str, out: dict) -> None:
    """The same docs/, built by another engine, cold."""
    put_aside(root, [root / ".build"])
    other = Measured()
    unchanged = generate(root)
    site = build_site(root, unchanged.changes, stages=other, engine=engine)
    out.setdefault("engines", {})[engine] = {"ok": site.ok, "seconds": other.seconds.get("site build"),
                                             "log_tail": "" if site.ok else site.log[-2000:]}
    search = root / "site" / "search.json"
    if site.ok and search.exists():
        out["engines"][engine]["search_index_mb"] = search.stat().st_size / 1e6


def measure_noop(root: Path, out: dict) -> Measured:
    """A build with nothing changed, as `generator build` sees it (skipped on the records), and the same
    regenerated in full and compared with docs/."""
    fingerprint.record(root)  # as `generator build` does after a build
    started = time.perf_counter()
    skipped = fingerprint.up_to_date(root)
    out["noop"] = {"seconds": time.perf_counter() - started, "writes": 0 if skipped else None,
                   "skipped_by_fingerprint": skipped}
    warm_file_cache(root)  # the site builds ran for minutes: the sources may have been paged out since
    started = time.perf_counter()
    rebuild = Measured()  # its peak too: comparing with the pages already in docs/ must not hold them twice
    noop = generate(root, stages=rebuild, clean_cache=False)
    out["noop_regenerate"] = {"seconds": time.perf_counter() - started, "writes": len(noop.changes.write),
                              "removes": len(noop.changes.remove), "peak_rss_mb": max(rebuild.peak.values())}
    return rebuild


def measure_edits(root: Path, out: dict) -> Stages:
    """One annotation edited: rebuilt without a memo (its stages are returned), then edited again with
    serve's memo warm."""
    memo = Memo()  # as `serve` keeps it: warmed by one build, then the edit
    apply(root / "docs", generate(root, memo=memo, clean_cache=False).changes, memo)
    article_id = edit_one_annotation(root, "Edited for the benchmark.")
    warm_file_cache(root)
    started = time.perf_counter()
    edit_stages = Stages()
    edited = generate(root, stages=edit_stages, clean_cache=False)
    apply(root / "docs", edited.changes)
    out["one_edit"] = {"seconds": time.perf_counter() - started, "writes": sorted(edited.changes.write),
                       "article": article_id}
    edit_one_annotation(root, "Edited again for the benchmark.")
    started = time.perf_counter()
    warm = generate(root, memo=memo, clean_cache=False)
    apply(root / "docs", warm.changes, memo)
    out["one_edit_warm"] = {"seconds": time.perf_counter() - started, "writes": sorted(warm.changes.write)}
    return edit_stages


def generate_cached(root: Path) -> dict:
    """A full build with the cleaning cache an earlier build left, as every later build of unchanged sources
    is (clean/cache.py), in this (fresh) process: its peak memory is its own, not raised by the builds
    measure_one ran before it. It builds onto the docs/ that measure_one left, as a real later build does."""
    warm_file_cache(root)
    cached = Measured()
    generate(root, stages=cached)
    return {"cached_stages": {name: cached.seconds.get(name) for name in GENERATOR_STAGES},
            "cached_peak_rss_mb": max(cached.peak.values())}


def generate_once(root: Path) -> dict[str, float]:
    """Read … write of one build, in this (fresh) process, from an empty docs/ as the first build: one of
    the rounds the sizes take in turn. Write here stages and commits docs/ alone (no site to move in)."""
    clear_output(root)
    os.sync()
    warm_file_cache(root)
    stages = Stages()
    result = generate(root, stages=stages)
    with stages.stage("write"):
        write_docs(root, result.changes)
    return {name: stages.seconds[name] for name in GENERATOR_STAGES}


def serve_latency(root: Path, timeout: float = 180) -> dict:
    """Start `generator serve`, edit one annotation, time until the served page shows the edit."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = open(root / "serve.log", "w")
    process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--root", str(root),
                                "--dev-addr", f"127.0.0.1:{port}"], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}/"
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                urllib.request.urlopen(base, timeout=2).read()
                break
            except OSError:
                time.sleep(0.5)
        else:
            return {"error": "serve did not start in time"}
        marker = f"Served-edit-{int(time.time())}"
        article_id = edit_one_annotation(root, marker)
        from generator.ingest.read import slugify
        url = f"{base}articles/{slugify(article_id)}/"
        started = time.perf_counter()
        while time.perf_counter() - started < 60:
            try:
                if marker in urllib.request.urlopen(url, timeout=5).read().decode("utf-8", "replace"):
                    return {"seconds": time.perf_counter() - started, "page": url}
            except OSError:
                pass
            time.sleep(0.05)
        return {"error": "the edit did not show within 60 s"}
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def ensure_archive(n: int, seed: int) -> Path:
    root = WORK / str(n)
    stamp = root / ".synth.json"
    want = {"articles": n, "seed": seed, "synth": (ROOT / "bench" / "synth.py").stat().st_mtime_ns}
    if not stamp.exists() or json.loads(stamp.read_text()) != want:
        subprocess.run([sys.executable, str(ROOT / "bench" / "synth.py"), "--articles", str(n), "--out", str(root),
                        "--seed", str(seed)], check=True)
        stamp.write_text(json.dumps(want))
    return root


def table(results: list[dict]) -> str:
    sizes = [r["articles"] for r in results]
    head = ["stage"] + [f"{n:,}: s | ms/art | MB" for n in sizes]
    if len(results) > 1:
        head.append(f"ratio {sizes[-1]:,}/{sizes[0]:,} (linear {sizes[-1] / sizes[0]:g})")
    rows = [head] + stage_rows(results)
    for label, values, fmt, with_ratio in summary_rows(results):
        row = [label] + [fmt(v) if v is not None else "–" for v in values]
        if len(results) > 1:
            row.append(_ratio(values[0], values[-1]) if with_ratio else "")
        rows.append(row)
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(head))]
    lines = [" | ".join(str(c).ljust(w) for c, w in zip(row, widths)) for row in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def _ratio(a: float | None, b: float | None) -> str:
    return f"{b / a:.1f}" if a and b else "–"


def stage_rows(results: list[dict]) -> list[list[str]]:
    """One row a stage: seconds, ms an article and peak MB at each size, and the ratio of the sizes."""
    rows = []
    for name in ALL_STAGES:
        row = [name]
        for r in results:
            st = r["stages"][name]
            if st["seconds"] is None:
                row.append("skipped" if name == "check" else "–")
            else:
                row.append(f"{st['seconds']:.2f} | {st['seconds'] * 1000 / r['articles']:.2f} | {st['peak_rss_mb']:.0f}")
        if len(results) > 1:
            row.append(_ratio(results[0]["stages"][name]["seconds"], results[-1]["stages"][name]["seconds"]))
        rows.append(row)
    return rows


def summary_rows(results: list[dict]) -> list[tuple[str, list, Callable[[Any], str], bool]]:
    """(label, the value at each size, its format, whether a ratio of the sizes means something)."""
    rows: list[tuple[str, list, Callable[[Any], str], bool]] = []

    def add(label, values, fmt, with_ratio=True):  # type: ignore[no-untyped-def]
        rows.append((label, values, fmt, with_ratio))

    gen = [sum(r["stages"][s]["seconds"] or 0 for s in GENERATOR_STAGES) for r in results]
    total = [g + (r["stages"]["site build"]["seconds"] or 0) for g, r in zip(gen, results)]
    add("generator stages (sum)", gen, lambda v: f"{v:.2f}")
    add("whole build", total, lambda v: f"{v:.2f}")
    add("generator share of build", [_share(g, r) for g, r in zip(gen, results)], lambda v: f"{v:.1f} %", False)
    cached = [_cached_seconds(r) for r in results]
    add("generator, cleaning cache warm", cached, lambda v: f"{v:.2f}")
    add("share, cleaning cache warm", [_share(c, r) if c else None for c, r in zip(cached, results)],
        lambda v: f"{v:.1f} %", False)
    for engine in sorted({e for r in results for e in r.get("engines", {})}):
        add(f"{engine} build (same docs)", [r.get("engines", {}).get(engine, {}).get("seconds") for r in results],
            lambda v: f"{v:.2f}")
    add("read … render on 1 core", [_pooled_stages(r["serial"]) for r in results], lambda v: f"{v:.2f}")
    add(f"read … render, pool of {results[0]['workers']}", [_pooled_stages(_in_process(r)) for r in results],
        lambda v: f"{v:.2f}")
    add("no-op rebuild: seconds", [r["noop"]["seconds"] for r in results], lambda v: f"{v:.2f}")
    add("no-op rebuild: % of generate", [r["noop"]["seconds"] / r["generate_seconds"] * 100 for r in results],
        lambda v: f"{v:.1f} %", False)
    add("no-op rebuild: files written", [r["noop"]["writes"] for r in results], str, False)
    add("no-op, full regenerate: s", [r["noop_regenerate"]["seconds"] for r in results], lambda v: f"{v:.2f}")
    add("no-op, full regenerate: written", [r["noop_regenerate"]["writes"] for r in results], str, False)
    add("one annotation edit: seconds", [r["one_edit"]["seconds"] for r in results], lambda v: f"{v:.2f}")
    add("one annotation edit: pages written", [len(r["one_edit"]["writes"]) for r in results], str, False)
    add("one edit, serve's memo: seconds", [r.get("one_edit_warm", {}).get("seconds") for r in results],
        lambda v: f"{v:.2f}")
    add("one edit, serve's memo: written", [len(r["one_edit_warm"]["writes"]) if "one_edit_warm" in r else None
                                             for r in results], str, False)
    add("peak RSS, MB", [r["peak_rss_mb"] for r in results], lambda v: f"{v:.0f}")
    add("peak RSS, regenerate onto docs/, MB", [r["noop_regenerate"].get("peak_rss_mb") for r in results],
        lambda v: f"{v:.0f}")
    add("peak RSS, cleaning cache warm, MB", [r.get("cached_peak_rss_mb") for r in results], lambda v: f"{v:.0f}")
    add("search index, MB (mkdocs)", [r["search_index_mb"] for r in results], lambda v: f"{v:.1f}")
    add("site, MB", [r["site_mb"] for r in results], lambda v: f"{v:.0f}")
    add("largest generated page, KB", [r["largest_page_kb"] for r in results], lambda v: f"{v:.0f}")
    serve = [r.get("serve", {}).get("seconds") for r in results]
    if any(v is not None for v in serve):
            ("serve: edit visible after, s", serve, lambda v: f"{v:.2f}", False)
    return rows



def _cached_seconds(r: dict) -> float | None:
    """Read … write of the full build that found every source's cleaning in the cache (None: not measured)."""
    cached = r.get("cached_stages")
    return sum(cached[s] or 0 for s in GENERATOR_STAGES) if cached else None


def _share(generator_seconds: float, r: dict) -> float:
    return generator_seconds / (generator_seconds + (r["stages"]["site build"]["seconds"] or 0)) * 100


def _allowed(site_seconds: float) -> float:
    """The most the generator may take beside a site build of these seconds (g / (g + s) <= L %, so
    g <= s L / (100 - L): a ninth of s for 10 %)."""
    return site_seconds * SHARE_LIMIT / (100 - SHARE_LIMIT)


def table_note(rounds: int) -> str:
    """Where the table's figures come from."""
    if rounds > 0:
        builds = f"the median of {rounds} builds" if rounds > 1 else "one build"
        generator = (f"read … write: {builds} the sizes took in turn, each in a fresh process from an empty docs/ "
                     "(JSON: round_samples)")
    else:
        generator = ("read … render: the median of three builds in one process (the first, a regeneration, the "
                     "rebuild after an edit; JSON: stage_samples); write: the first build's")
    return (f"{generator};\nsite build, check, peak MB: the first build's; 'pool of N': the median of three builds "
            "in the process that then timed 'on 1 core', one build with one worker. Every build but one starts "
            "without the cleaning cache (.build/clean-cache.sqlite)\nthat earlier builds leave; 'cleaning cache "
            "warm' is the full build that found it (in a fresh process), as every build after the first does for unchanged\n"
            "sources (and check, which loads the archive as after a real build).")

# The stages whose per-item work runs on the process pool (write is disk work, in this process).
POOLED_STAGES = ("read", "clean", "annotate", "link", "render")


def _pooled_stages(seconds: dict) -> float:
    return sum(seconds.get(stage) or 0 for stage in POOLED_STAGES)


def _in_process(r: dict) -> dict[str, float]:
    """Read … render's seconds in the process that also timed them on one core: warm alike, comparable."""
    return {s: r["stages"][s].get("in_process_seconds", r["stages"][s]["seconds"]) for s in POOLED_STAGES}


SHARE_LIMIT = 10  # per cent of the whole build (generator + site build) the generator may take
SEARCH_INDEX_LIMIT_MB = 20  # well below the ~50 MB reported to make a Material site unresponsive (opengeos/leafmap#383)
SERVE_LIMIT_S = 2.0
MEMORY_LIMIT_MB = 1024


def _why_not_linear(small: dict, big: dict, stage: str) -> str:
    """What the run itself shows about a stage that grew faster than the archive."""
    cpu = [r["stages"][stage].get("cpu_user_sys") for r in (small, big)]
    if not all(cpu):
        return "grows faster than the archive"
    cpu_ratio = sum(cpu[1]) / sum(cpu[0]) if sum(cpu[0]) else float("nan")
    said = f"grows faster than the archive (first build's CPU seconds, pool workers' included: ratio {cpu_ratio:.1f})"
    if stage == "write":
        first = [r["stages"][stage].get("in_process_seconds", r["stages"][stage]["seconds"]) for r in (small, big)]
        said += (f"; it creates a file a page ({small['pages']:,} -> {big['pages']:,}), and in the first build "
                 f"system CPU time, the kernel's, was {cpu[0][1]:.2f} of {first[0]:.2f} s and {cpu[1][1]:.2f} of "
                 f"{first[1]:.2f} s; bench/RESULTS.md, \"Investigations\", has file creation alone)")
    return said


def _busy_cores(r: dict) -> str:
    """How many cores read … render kept busy in the first build: near the pool's size, the time left is
    the per-article work itself (Python), not waiting."""
    cpu = [r["stages"][s].get("cpu_user_sys") for s in POOLED_STAGES]
    wall = sum(r["stages"][s].get("first_build_seconds") or r["stages"][s]["seconds"] or 0 for s in POOLED_STAGES)
    if not all(cpu) or not wall:
        return ""
    busy = sum(map(sum, cpu)) / wall
    said = f"; read … render kept {busy:.1f} of {r['workers']} cores busy"
    if busy >= 0.85 * r["workers"]:  # below that, cores waited (a stage run in one process, say)
        said += ": the rest is per-article work in Python, cleaning's line rules above all"
    return said


def _cpu_floor(r: dict) -> str:
    """The least time read … write could take on this run's pool, from their one-core seconds: when it is
    over what SHARE_LIMIT % of the build allows, no scheduling meets the target, only less work an article."""
    serial = r.get("serial") or {}
    site = r["stages"]["site build"]["seconds"]
    if not site or not all(serial.get(s) for s in GENERATOR_STAGES):
        return ""
    one_core = sum(serial[s] for s in GENERATOR_STAGES)
    floor = one_core / r["workers"]  # every stage spread evenly over the workers, none ever waiting
    allowed = _allowed(site)
    if floor <= allowed:
        return ""
    workers = {1: "its one worker", 2: "both workers"}.get(r["workers"], f"all {r['workers']} workers")
    return (f"; on one core read … write take {one_core:.1f} s, so even with {workers} busy throughout they "
            f"would take {floor:.1f} s, against the {allowed:.1f} s that {SHARE_LIMIT} % allows: the target needs "
            "less work an article, not better use of the cores")


Say = Callable[..., None]


def targets(results: list[dict]) -> list[str]:
    """Issue 7's targets, each as met or not met with the figure, and for those not met, why."""
    lines: list[str] = []

    def say(met: bool | None, target: str, figure: str, reason: str = "") -> None:
        mark = {True: "met", False: "NOT MET", None: "n/a"}[met]
        lines.append(f"[{mark}] {target}: {figure}" + (f" -- {reason}" if reason and met is not True else ""))

    for group in (_linear_targets, _share_target, _rebuild_targets, _serve_targets, _memory_targets,
                  _pool_targets, _engine_targets):
        group(results, say)
    return lines


def _seconds(r: dict, stage: str) -> float:
    return r["stages"][stage]["seconds"] or 0.0


def _linear_targets(results: list[dict], say: Say) -> None:
    """Every stage grows no faster than the archive (with a tenth to spare)."""
    small, big = results[0], results[-1]
    linear = big["articles"] / small["articles"]
    if len(results) > 1:
        limit = linear * 1.1
        for stage in GENERATOR_STAGES + ["site build"]:
            if not _seconds(small, stage):
                say(None, f"{stage} linear", "not timed")
                continue
            ratio = _seconds(big, stage) / _seconds(small, stage)
            say(ratio <= limit, f"{stage} linear ({big['articles']:,}/{small['articles']:,} <= {limit:g})",
                f"{ratio:.1f}", _why_not_linear(small, big, stage))
    else:
        say(None, "stages linear", "needs two sizes (BENCH_N='1000 10000')")


def _share_target(results: list[dict], say: Say) -> None:
    """The generator's share of the whole build at the larger size."""
    big = results[-1]
    generator_seconds = sum(_seconds(big, s) for s in GENERATOR_STAGES)
    share = _share(generator_seconds, big)
    cached = _cached_seconds(big)
    warm = f" (cleaning cache warm: {_share(cached, big):.1f} %)" if cached else ""
    per_article = {s: _seconds(big, s) * 1000 / big["articles"] for s in GENERATOR_STAGES + ["site build"]}
    slowest = max(GENERATOR_STAGES, key=lambda s: per_article[s])
    say(share <= SHARE_LIMIT, f"generator <= {SHARE_LIMIT} % of the build at {big['articles']:,}",
        f"{share:.1f} %{warm}",
        f"the generator costs {generator_seconds * 1000 / big['articles']:.1f} ms an article "
        f"({slowest} {per_article[slowest]:.1f}) against the site build's {per_article['site build']:.1f}; "
        f"{SHARE_LIMIT} % needs <= {_allowed(per_article['site build']):.1f} ms an article"
        + _busy_cores(big) + _cpu_floor(big))


def _rebuild_targets(results: list[dict], say: Say) -> None:
    """A build with nothing changed writes nothing; one annotation edit rewrites only its pages."""
    for r in results:
        percent = r["noop"]["seconds"] / r["generate_seconds"] * 100  # `build` with nothing changed
        rewritten = r["noop_regenerate"]["writes"] + r["noop_regenerate"]["removes"]  # the same, fingerprint aside
        say(r["noop"]["skipped_by_fingerprint"] and rewritten == 0 and percent <= 5,
            f"no-op rebuild at {r['articles']:,}: 0 files, <= 5 % of generate",
            f"{rewritten} files written or removed, {percent:.1f} %",
            "the fingerprint missed the unchanged archive, or regenerating it changed pages")
        written = r["one_edit"]["writes"]
        from generator.ingest.read import slugify
        touched = f"articles/{slugify(r['one_edit']['article'])}.md" in written
        say(touched and len(written) <= 5, f"one annotation edit at {r['articles']:,}: only its pages rewritten",
            f"{len(written)} pages ({', '.join(written[:5])})",
            "more pages than the edited article shows on" if touched else "the edited article's page was not rewritten")


def _serve_targets(results: list[dict], say: Say) -> None:
    """An edit shows in the browser quickly."""
    if not any("serve" in r for r in results):
        say(None, f"serve shows an edit at 1,000 in <= {SERVE_LIMIT_S:g} s", "not measured (--no-serve)")
    for r in (r for r in results if "serve" in r):
        got = r["serve"].get("seconds")
        say(got is not None and got <= SERVE_LIMIT_S, f"serve shows an edit at {r['articles']:,} in <= {SERVE_LIMIT_S:g} s",
            f"{got:.2f} s" if got is not None else r["serve"].get("error", "?"), f"see bench/.work/{r['articles']}/serve.log")


def _memory_targets(results: list[dict], say: Say) -> None:
    """Peak memory of the generator and of the site build, and the search index's size."""
    big = results[-1]
    generator_peak = max([big["stages"][s]["peak_rss_mb"] or 0 for s in GENERATOR_STAGES]  # a first build,
                         + [big["noop_regenerate"].get("peak_rss_mb") or 0,                # a rebuild,
                            big.get("cached_peak_rss_mb") or 0])                           # one with the cache
    engine_peak = big["stages"]["site build"]["peak_rss_mb"] or 0
    say(generator_peak <= MEMORY_LIMIT_MB, f"generator peak memory at {big['articles']:,} <= {MEMORY_LIMIT_MB} MB",
        f"{generator_peak:.0f} MB (the generating process: first build, rebuild, or build with the cleaning cache)", "")
    say(engine_peak <= MEMORY_LIMIT_MB, f"site build peak memory at {big['articles']:,} <= {MEMORY_LIMIT_MB} MB",
        f"{engine_peak:.0f} MB (the largest child: MkDocs, or a pool worker)",
        "MkDocs holds every page's rendered HTML and the search index in memory until the build ends")
    index = big["search_index_mb"]
    say(None if index is None else index <= SEARCH_INDEX_LIMIT_MB,
        f"search index at {big['articles']:,} <= {SEARCH_INDEX_LIMIT_MB} MB",
        "no search/search_index.json (first engine not mkdocs?)" if index is None else f"{index:.1f} MB",
        "lower SEARCH_TEXT_BUDGET in generator/render/article.py")


def _pool_targets(results: list[dict], say: Say) -> None:
    """The second core pays off where the pool starts."""
    for r in results:
        serial = _pooled_stages(r["serial"])
        pooled = _pooled_stages(_in_process(r))
        used = r["workers"] > 1 and r["articles"] >= parallel.MIN_ITEMS
        say(pooled < serial if used else None,
            f"second core at {r['articles']:,} (read … render, {r['workers']} workers)",
            f"{serial:.1f} -> {pooled:.1f} s" if used else
            "one core here" if r["workers"] <= 1 else f"below {parallel.MIN_ITEMS} articles the pool is not started",
            "starting the pool and sending articles to it cost more than the second core saves" if used else "")


def _engine_targets(results: list[dict], say: Say) -> None:
    """Every other engine builds the same docs/."""
    for r in results:
        for engine, e in r.get("engines", {}).items():
            say(e["ok"], f"{engine} builds the same docs/ at {r['articles']:,}", f"{e['seconds']:.1f} s" if e["ok"]
                else "failed", "see the log tail printed above")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, nargs="+",
                        default=[int(n) for n in os.environ.get("BENCH_N", "1000 10000").split()])
    parser.add_argument("--engines", nargs="+", default=os.environ.get("BENCH_ENGINES", "mkdocs zensical").split(),
                        help="the first builds the site in the timed run; the others are timed on the same docs/")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-serve", action="store_true", help="skip the serve latency measurement")
    parser.add_argument("--rounds", type=int, default=3,
                        help="builds each size takes in turn for read … write's figures (0: each size's own builds)")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # internal: measure this archive, print JSON
    parser.add_argument("--generate-once", type=Path, help=argparse.SUPPRESS)  # internal: one round's build
    parser.add_argument("--generate-cached", type=Path, help=argparse.SUPPRESS)  # internal: the cache-warm build
    args = parser.parse_args(argv)
    engines = [e for e in args.engines if e == "mkdocs" or shutil.which(e) or _importable(e)]
    if args.one:
        print(json.dumps(measure_one(args.one, engines)))
        return 0
    if args.generate_once:
        print(json.dumps(generate_once(args.generate_once)))
        return 0
    if args.generate_cached:
        print(json.dumps(generate_cached(args.generate_cached)))
        return 0
    for skipped in set(args.engines) - set(engines):
        print(f"engine {skipped}: not installed, not timed (pip install {skipped})", file=sys.stderr)
    results = []
    serve_n = min(sorted(args.articles), key=lambda n: abs(n - 1000))
    try:
        for n in sorted(args.articles):
            root = ensure_archive(n, args.seed)
            print(f"measuring {n:,} articles ...", file=sys.stderr, flush=True)
            result = _run_self("--one", str(root), "--engines", *engines)
            cached = _run_self("--generate-cached", str(root))
            if result is None or cached is None:
                return 1
            result |= cached | {"root": str(root)}
            if n == serve_n and not args.no_serve:
                result["serve"] = serve_latency(root)
            results.append(result)
            RESULTS.mkdir(parents=True, exist_ok=True)
        rounds = args.rounds if take_turns(results, args.rounds) else 0
    finally:  # the timed builds are over, or stopped: what clear_output set aside can go
        shutil.rmtree(TRASH, ignore_errors=True)
    for r in results:
        (RESULTS / f"bench-{r['articles']}.json").write_text(json.dumps(r, indent=1))
    report = table(results) + "\n" + table_note(rounds) + "\n\ntargets (issue 7):\n" + "\n".join(targets(results))
    print(report)
    for r in results:
        for engine, e in r.get("engines", {}).items():
            if not e["ok"]:
                print(f"{engine} ({r['articles']:,}) failed: {e['log_tail'][-400:]}")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"bench-{stamp}.json").write_text(json.dumps({"results": results, "table": report}, indent=1))
    (RESULTS / f"bench-{stamp}.txt").write_text(report + "\n")
    print(f"written: bench/results/bench-{stamp}.json", file=sys.stderr)
    return 0


def take_turns(results: list[dict], rounds: int) -> bool:
    """Build each size in turn, `rounds` times, each in a fresh process; read … write's seconds become the
    median of these builds (measure_one's figure stays in the JSON as in_process_seconds). False, and the
    figures left as they were, if a round failed."""
    for turn in range(rounds):
        for r in results:
            print(f"round {turn + 1} of {rounds}: {r['articles']:,} articles ...", file=sys.stderr, flush=True)
            seconds_of = _run_self("--generate-once", r["root"])
            if seconds_of is None:
                print("a round failed: the table shows the builds of each size alone", file=sys.stderr)
                for other in results:
                    other.pop("round_samples", None)
                return False
            for name, seconds in seconds_of.items():
                r.setdefault("round_samples", {}).setdefault(name, []).append(seconds)
    for r in results:
        for name, samples in r.get("round_samples", {}).items():
            r["stages"][name]["in_process_seconds"] = r["stages"][name]["seconds"]
            r["stages"][name]["seconds"] = statistics.median(samples)
    return True


def _run_self(*args: str) -> dict | None:
    """This script run again with internal arguments (--one, --generate-once, --generate-cached) in a fresh
    process, whose peak memory is then its own: the JSON it prints, or None (its error shown) if it failed."""
    process = subprocess.run([sys.executable, __file__, *args], cwd=ROOT, capture_output=True, text=True)
    if process.returncode != 0:
        sys.stderr.write(process.stderr[-5000:])
        return None
    return json.loads(process.stdout.strip().splitlines()[-1])


def _importable(name: str) -> bool:
    import importlib.util
    return importlib.util.find_spec(name) is not None


if __name__ == "__main__":
    sys.exit(main())
