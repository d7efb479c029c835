"""The whole flow on one screen: read -> clean -> annotate -> link -> render -> write -> build site -> record.

The annotation files are read first (the "annotate" stage's first half): cleaning needs each article's
keep/drop overrides; the second half anchors their quotes in the cleaned text. Everything is gathered
and checked before anything is written, as MkDocs' own build does: a build that fails leaves docs/ and
site/ as they were.
Each stage is named for progress lines and the benchmark (runtime/progress.py); the
per-item work of each stage (parse an annotation file, extract a web page, clean a source, anchor
an article's quotes, find its entity mentions, sample its sentences for related
coverage, render a page) runs on every core for large archives (runtime/parallel.py).
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterator

from generator.annotate.load import load_annotations
from generator.annotate.merge import annotate, empty_text_warnings
from generator.check.staged import hand_written_links
from generator.clean.cache import NO_CACHE, CleanCache
from generator.clean.stage import clean_all
from generator.core.archive import Archive
from generator.core.errors import BuildFailed, Problem, error, has_errors, strict
from generator.core.model import Loc
from generator.ingest.read import DEFAULT_MAX_BYTES, read_seeds
from generator.ingest.versions import group_versions
from generator.ingest.tree import input_links
from generator.link.mentions import link
from generator.link.versions import attach_versions, carry_annotations, split_versions
from generator.render import PageClash, render
from generator.render.includes import marker_problems, setup_problems
from generator.runtime.lock import LOCK, Busy, build_lock
from generator.runtime.memo import NO_MEMO, Memo
from generator.runtime.progress import NO_STAGES, Stages
from generator.write import fingerprint
from generator.write.commit import recover
from generator.write.disk import disk_problem
from generator.write.plan import Changes, plan
from generator.write.site import SiteResult, build_site, write_docs


@dataclass
class Result:
    archive: Archive
    pages: dict[str, bytes]  # path under docs/ -> UTF-8 content
    changes: Changes
    problems: list[Problem] = field(default_factory=list)
    skipped: tuple[tuple[str, int], ...] = ()  # (why, how many) web-archive records that are no article


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Refcounting alone in the stages that build plain data (annotate, link, render, write); what they
    built is then frozen (gc.freeze) until the public entry point (generate() or load_archive()) returns,
    so the collector does not walk it again.

    The build's objects live until it ends, and refcounting frees those that die; the collector's full
    passes walk every live object again, more often the more there are, which made the link stage
    superlinear. Frozen, what a stage allocated is not walked again. A reference cycle these stages drop
    stays until the build ends; they make few. Not while cleaning: parsed HTML is full of reference cycles
    that only the collector frees. How it was measured: bench/RESULTS.md,
    "Investigations".
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def load_archive(root: Path, max_bytes: int = DEFAULT_MAX_BYTES, stages: Stages = NO_STAGES,
                 workers: int | None = None, memo: Memo = NO_MEMO,
                 clean_cache: bool = True) -> tuple[Archive, list[Problem]]:
    """Read, clean, annotate and link: the archive in memory, and every problem found on the way.

    With a memo (serve), an item whose inputs did not change since the last build is not redone; with
    clean_cache, a source that an earlier build cleaned is not cleaned again (clean/cache.py).
    What the stages froze is the collector's again when it returns: the caller (validate, new, suggest,
    tests) keeps the archive, and frozen objects would never be collected.
    """
    try:
        return _load_archive(root, max_bytes, stages, workers, memo, clean_cache)
    finally:
        gc.unfreeze()


def _load_archive(root: Path, max_bytes: int, stages: Stages, workers: int | None,
                  memo: Memo, clean_cache: bool) -> tuple[Archive, list[Problem]]:
    """load_archive() without the unfreeze, for generate(), whose later stages profit from the freeze."""
    memo.begin_build()
    with stages.stage("read"):
        sources = read_seeds(root, max_bytes, memo)
        # a seed that is a link is refused by both: reported once
        problems = list(dict.fromkeys([*input_links(root), *sources.problems]))
        documents = sources.documents
    with stages.stage("annotate"), cycle_collector_paused():
        # A clashing source's id is still known (its annotation file and the facts citing it are not
        # "unknown"), but it is not cleaned or anchored: only the clash is reported.
        annotations, annotation_problems = load_annotations(
            root, list(dict.fromkeys([*(d.article_id for d in documents), *sources.clashing])), memo, workers)
        problems += annotation_problems
        groups = group_versions(sources, annotations)  # captures of one URL: versions of one article
        documents = groups.documents
    with stages.stage("clean", total=len(documents)) as tick:
        cache = CleanCache.of_archive(root) if clean_cache else NO_CACHE
        try:
            cleaned = clean_all(documents, annotations, workers, tick, memo, cache)
        finally:
            cache.close()
    with stages.stage("annotate"), cycle_collector_paused():
        shown, histories = split_versions(cleaned, groups)
        annotations, lost, carry_problems = carry_annotations(annotations, histories)
        articles, anchor_problems = annotate(shown, annotations, memo, workers)
        articles = attach_versions(articles, histories, lost)
        problems += carry_problems + anchor_problems + empty_text_warnings(shown, root)
    with stages.stage("link"), cycle_collector_paused():
        archive = link(articles, annotations.entities, annotations.facts, memo, workers, annotations.tags or ())
    if sources.skipped:
        archive = replace(archive, skipped_records=sources.skipped)  # for the build's summary
    return archive, problems


def generate(root: Path, max_bytes: int = DEFAULT_MAX_BYTES, stages: Stages = NO_STAGES,
             workers: int | None = None, memo: Memo = NO_MEMO, clean_cache: bool = True,
             strict_mode: bool = False) -> Result:
    """Everything up to the files to write; raises BuildFailed on any error, having written nothing (but the
    cleaning cache, clean_cache: load_archive's). strict_mode: every warning is an error."""
    try:
        return _generate(root, max_bytes, stages, workers, memo, clean_cache, strict_mode)
    finally:
        gc.unfreeze()  # what the stages froze is the collector's again (serve keeps building in this process)


def _generate(root: Path, max_bytes: int, stages: Stages, workers: int | None, memo: Memo,
              clean_cache: bool, strict_mode: bool = False) -> Result:
    archive, problems = _load_archive(root, max_bytes, stages, workers, memo, clean_cache)
    if strict_mode:
        problems = strict(problems)
    if has_errors(problems):
        raise BuildFailed(problems)
    try:
        with stages.stage("render", total=len(archive.articles) + len(archive.entities)) as tick, \
                cycle_collector_paused():
            pages = render(archive, workers, tick, memo)
    except PageClash as clash:
        raise BuildFailed([error(Loc.whole(f"docs/{clash}"), "two generated pages would be written to this one "
                                 "file; rename the entity, fact or article that clashes")]) from None
    with stages.stage("write"), cycle_collector_paused():
        changes, write_problems = plan(root / "docs", pages, memo)
    problems += strict(write_problems) if strict_mode else write_problems
    if has_errors(problems):
        raise BuildFailed(problems)
    return Result(archive, pages, changes, sorted(problems), archive.skipped_records)


@dataclass(frozen=True)
class Built:
    """What build() did, for the command to report."""

    result: Result | None     # None: nothing changed since the last build, no stage ran
    site: SiteResult | None   # None: site/ not built (docs only, or already built from these pages)


def build(root: Path, max_bytes: int = DEFAULT_MAX_BYTES, engine: str = "mkdocs", site: bool = True,
          stages: Stages = NO_STAGES, note: Callable[[str], None] = lambda text: None,
          strict_mode: bool = False, wait: bool = True) -> Built:
    """The whole build: finish a commit an interrupted build left (note says so), skip when the records show
    nothing changed, generate, write docs/ and build site/ (site=False: docs/ only), then record the inputs.
    Raises BuildFailed as generate() does; a failed site build changes nothing and records nothing.
    One build at a time in a folder (runtime/lock.py): wait, or with wait=False raise BuildFailed at once."""
    try:
        with build_lock(root, wait, note):
            return _build(root, max_bytes, engine, site, stages, note, strict_mode)
    except Busy as busy:
        raise BuildFailed([error(Loc.whole(LOCK), str(busy))]) from None
    except OSError as exc:  # the lock, the records, a read: one located line, as staging's (write/disk.py)
        raise BuildFailed([disk_problem(exc, root)]) from None


def _build(root: Path, max_bytes: int, engine: str, site: bool, stages: Stages,
           note: Callable[[str], None], strict_mode: bool) -> Built:
    recovered = recover(root)
    if recovered:
        note(recovered)
    docs_settings, site_settings = {"max_bytes": max_bytes, "strict": strict_mode}, {"engine": engine}
    if fingerprint.up_to_date(root, docs_settings) and (not site or fingerprint.site_up_to_date(root, site_settings)):
        return Built(None, None)
    result = generate(root, max_bytes, stages, strict_mode=strict_mode)
    # A marker that asks for nothing, or that this engine would leave empty; docs/ alone has no engine yet.
    setup = setup_problems(root, engine) if site else marker_problems(root)
    if has_errors(setup):
        raise BuildFailed(result.problems + setup)
    result.problems += setup
    built = None
    if not site:
        write_docs(root, result.changes)
    elif result.changes.write or result.changes.remove or not fingerprint.site_up_to_date(root, site_settings):
        if not (root / "mkdocs.yml").is_file():  # checked before staging anything
            raise BuildFailed([error(Loc.whole("mkdocs.yml"), "no such file; the site is built from it "
                                     "(or pass --no-site to write docs/ only)")])
        built = build_site(root, result.changes, stages=stages, engine=engine,
                           verify=lambda docs, site: hand_written_links(root, docs, site))
        if not built.ok:
            return Built(result, built)
    result.problems += fingerprint.record(root, docs_settings, site_settings if built else None)
    return Built(result, built)
