"""The whole flow on one screen: read -> clean -> annotate -> link -> render -> write -> build site.

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
from dataclasses import dataclass, field, fields
from operator import attrgetter
from pathlib import Path
from typing import Any, Callable, Iterator

from generator.annotate.load import load_annotations
from generator.annotate.merge import annotate, empty_text_warnings
from generator.clean.cache import NO_CACHE, CleanCache, Entry
from generator.clean.cleaner import clean, extract_page, source_text
from generator.clean.context import AskedContext, context_of, short_lines
from generator.clean.html.extract import Extracted
from generator.clean.linescore import load_stop_words
from generator.core.errors import BuildFailed, Problem, error, has_errors
from generator.core.model import (
    Annotations,
    Archive,
    Block,
    CleanedArticle,
    CleaningOverrides,
    Loc,
    RawDocument,
    Removal,
)
from generator.ingest.read import DEFAULT_MAX_BYTES, read_seeds
from generator.link.mentions import link
from generator.render import PageClash, render
from generator.runtime import parallel
from generator.runtime.memo import NO_MEMO, Memo
from generator.runtime.progress import NO_STAGES, Stages
from generator.write.plan import Changes, plan


@dataclass
class Result:
    archive: Archive
    pages: dict[str, bytes]  # path under docs/ -> UTF-8 content
    changes: Changes
    problems: list[Problem] = field(default_factory=list)


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Refcounting alone in the stages that build plain data (annotate, link, render, write); what they
    built is then frozen (gc.freeze) until the public entry point (generate() or load_archive()) returns,
    so the collector does not walk it again.

    The build's objects live until it ends, and refcounting frees those that die; the collector's full
    passes walk every live object again, more often the more there are, which made the link stage
    superlinear. Frozen, what a stage allocated is not walked again. A reference cycle these stages drop
    stays until the build ends; they make few. Not while cleaning: parsed HTML is full of reference cycles
    that only the collector frees. Measured with bench/collector_time.py and bench/collector_memory.py
    (figures in bench/RESULTS.md).
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
        documents, problems = sources.documents, list(sources.problems)
    with stages.stage("annotate"), cycle_collector_paused():
        # A clashing source's id is still known (its annotation file and the facts citing it are not
        # "unknown"), but it is not cleaned or anchored: only the clash is reported.
        annotations, annotation_problems = load_annotations(
            root, [*(d.article_id for d in documents), *sources.clashing], memo, workers)
        problems += annotation_problems
    with stages.stage("clean", total=len(documents)) as tick:
        cache = CleanCache.of_archive(root) if clean_cache else NO_CACHE
        try:
            cleaned = _clean_all(documents, annotations, workers, tick, memo, cache)
        finally:
            cache.close()
    with stages.stage("annotate"), cycle_collector_paused():
        articles, anchor_problems = annotate(cleaned, annotations, memo, workers)
        problems += anchor_problems + empty_text_warnings(cleaned, root)
    with stages.stage("link"), cycle_collector_paused():
        archive = link(articles, annotations.entities, annotations.facts, memo, workers)
    return archive, problems


def _clean_all(documents: list[RawDocument], annotations: Annotations, workers: int | None,
               tick: Callable[[int], None], memo: Memo, cache: CleanCache) -> list[CleanedArticle]:
    """Every document cleaned, on every core; with a memo, only those whose inputs changed; with a cache,
    only those that no earlier build cleaned as they are now."""
    no_overrides = CleaningOverrides()
    overrides = [annotations.articles[d.article_id].cleaning if d.article_id in annotations.articles
                 else no_overrides for d in documents]
    keys = [cache.key(d, o) for d, o in zip(documents, overrides)]
    stored = cache.entries(keys)
    # A web page is extracted for its short lines and its cleaning: one in the cache needs neither (should its
    # cleaned article fail to load, clean() extracts it).
    extracted = _extract_pages(documents, workers, memo, [key not in stored for key in keys])
    # The archive's context (short lines printed by several articles: menus, footers) before any cleaning.
    short = _short_lines_all(documents, extracted, [stored[key].short_lines if key in stored else None for key in keys],
                             workers, memo)
    context = context_of(short)
    load_stop_words()  # once, here, before the workers fork

    table = memo.table("clean", context)
    paths = [d.path for d in documents]
    inputs = list(zip(documents, overrides, extracted))
    reusable = [i for i, key in enumerate(keys) if key in stored and stored[key].holds_in(context)
                and not table.known(paths[i], inputs[i])]
    sources_of: dict[str, list[int]] = {}  # two sources alike share a key; each gets its own article
    for i in reusable:
        sources_of.setdefault(keys[i], []).append(i)
    reused = {i: _from_plain(documents[i], plain) for key, plain in cache.fetch(list(sources_of))
              for i in sources_of[key]}
    tick(len(reused))
    todo = [i for i in range(len(documents)) if i not in reused]

    def completed(j: int, sent: tuple[dict[str, Any], frozenset[str]]) -> CleanedArticle:
        i, (plain, asked) = todo[j], sent
        if keys[i]:
            cache.store(keys[i], Entry(short[i], asked, asked & context.repeated_lines), plain)
        return _from_plain(documents[i], plain)

    todo_inputs = [inputs[i] for i in todo]
    fresh = parallel.map_unless_known(table, [paths[i] for i in todo], todo_inputs, _clean_one,
                                      {"inputs": todo_inputs, "context": context}, workers, tick, completed=completed)
    for i, article in reused.items():  # serve's memo holds them too: the next build finds them there
        table.adopt(paths[i], inputs[i], article)
    cache.keep(keys)
    results = dict(zip(todo, fresh)) | reused
    return [results[i] for i in range(len(documents))]


def _short_lines_all(documents: list[RawDocument], extracted: list[Extracted | None],
                     known: list[frozenset[str] | None], workers: int | None, memo: Memo) -> list[frozenset[str]]:
    """Each document's short lines (context.short_lines): those known (from the cleaning cache), and the
    others found on every core."""
    missing = [i for i, lines in enumerate(known) if lines is None]
    texts = [source_text(documents[i], extracted[i]) for i in missing]
    found = dict(zip(missing, parallel.map_unless_known(memo.table("short lines"), [documents[i].path for i in missing],
                                                        texts, _short_lines_of, {"texts": texts}, workers)))
    return [lines if lines is not None else found[i] for i, lines in enumerate(known)]


def _extract_pages(documents: list[RawDocument], workers: int | None, memo: Memo,
                   wanted: list[bool]) -> list[Extracted | None]:
    """Each wanted web page's extraction (None for a text source or a page not wanted), done once here for the
    context and the cleaning."""
    pages = [d for d, want in zip(documents, wanted) if d.kind == "html" and want]
    found = iter(parallel.map_unless_known(memo.table("extract"), [d.path for d in pages], [d.text for d in pages],
                                           _extract_one, {"pages": pages}, workers))
    return [next(found) if d.kind == "html" and want else None for d, want in zip(documents, wanted)]


def _extract_one(i: int) -> Extracted | None:
    return extract_page(parallel.shared("pages")[parallel.shared("todo")[i]])


def _short_lines_of(i: int) -> frozenset[str]:
    return short_lines(parallel.shared("texts")[parallel.shared("todo")[i]])


def _clean_one(i: int) -> tuple[dict[str, Any], frozenset[str]]:
    """The cleaned article, and the short lines its cleaning asked the context about (the cache keeps both)."""
    document, overrides, extracted = parallel.shared("inputs")[parallel.shared("todo")[i]]
    context = AskedContext(parallel.shared("context").repeated_lines)
    return _as_plain(clean(document, context, overrides, extracted)), frozenset(context.asked)


_BLOCK_FIELDS = attrgetter(*(f.name for f in fields(Block)))  # a Block's fields as a tuple, in Block()'s order
_REMOVAL_FIELDS = attrgetter(*(f.name for f in fields(Removal)))


def _as_plain(article: CleanedArticle) -> dict[str, Any]:
    """A cleaned article as a worker sends it back: its blocks and removals as tuples of their fields, which
    pickle in C where a dataclass calls Python for each object (the main process loads every article while
    the workers clean, on the same cores); the id and source path are the main process's already."""
    sent = {f.name: getattr(article, f.name) for f in fields(CleanedArticle) if f.name not in ("article_id", "source")}
    sent["blocks"] = tuple(map(_BLOCK_FIELDS, article.blocks))
    sent["removals"] = tuple(map(_REMOVAL_FIELDS, article.removals))
    return sent


def _from_plain(document: RawDocument, sent: dict[str, Any]) -> CleanedArticle:
    return CleanedArticle(**{**sent, "article_id": document.article_id, "source": document.path,
                             "blocks": tuple(Block(*values) for values in sent["blocks"]),
                             "removals": tuple(Removal(*values) for values in sent["removals"])})


def generate(root: Path, max_bytes: int = DEFAULT_MAX_BYTES, stages: Stages = NO_STAGES,
             workers: int | None = None, memo: Memo = NO_MEMO, clean_cache: bool = True) -> Result:
    """Everything up to the files to write; raises BuildFailed on any error, having written nothing (but the
    cleaning cache, clean_cache: load_archive's)."""
    try:
        return _generate(root, max_bytes, stages, workers, memo, clean_cache)
    finally:
        gc.unfreeze()  # what the stages froze is the collector's again (serve keeps building in this process)


def _generate(root: Path, max_bytes: int, stages: Stages, workers: int | None, memo: Memo,
              clean_cache: bool) -> Result:
    archive, problems = _load_archive(root, max_bytes, stages, workers, memo, clean_cache)
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
    problems += write_problems
    if has_errors(problems):
        raise BuildFailed(problems)
    return Result(archive, pages, changes, sorted(problems))
