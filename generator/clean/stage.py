"""The clean stage over an archive: every document cleaned beside the others (the lines they repeat), on
every core, through the cleaning cache; with serve's memo, only what changed. cleaner.py cleans one.

The per-item functions below run in forked workers, on the value runtime.parallel hands them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from operator import attrgetter
from typing import Any, Callable

from generator.clean.cache import CleanCache, Entry
from generator.clean.cleaner import clean, extract_page, source_text
from generator.clean.context import AskedContext, CleanContext, archive_context, context_of, short_lines
from generator.clean.html.extract import Extracted
from generator.clean.linescore import load_stop_words
from generator.core.model import Annotations, Block, CleanedArticle, CleaningOverrides, RawDocument, Removal
from generator.runtime import parallel
from generator.runtime.memo import Memo


def clean_all(documents: list[RawDocument], annotations: Annotations, workers: int | None,
               tick: Callable[[int], None], memo: Memo, cache: CleanCache) -> list[CleanedArticle]:
    """Every document cleaned, on every core; with a memo, only those whose inputs changed; with a cache,
    only those that no earlier build cleaned as they are now."""
    overrides = [overrides_of(d, annotations) for d in documents]
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
                                      _ToClean(todo_inputs, context), workers, tick, completed=completed)
    for i, article in reused.items():  # serve's memo holds them too: the next build finds them there
        table.adopt(paths[i], inputs[i], article)
    cache.keep(keys)
    results = dict(zip(todo, fresh)) | reused
    return [results[i] for i in range(len(documents))]


def clean_one(document: RawDocument, documents: list[RawDocument], annotations: Annotations) -> CleanedArticle:
    """One document cleaned as clean_all cleans it among the archive's documents (its overrides, the lines
    the others repeat), without cleaning them: `generator clean` shows what the build makes of one file."""
    page = extract_page(document)  # once: the context and the cleaning both read it
    texts = [source_text(document, page) if d.path == document.path else source_text(d) for d in documents]
    return clean(document, archive_context(texts), overrides_of(document, annotations), extracted=page)


def overrides_of(document: RawDocument, annotations: Annotations) -> CleaningOverrides:
    """The keep/drop lines the document's annotation file sets (none without one)."""
    annotation = annotations.articles.get(document.article_id)
    return annotation.cleaning if annotation else CleaningOverrides()


def _short_lines_all(documents: list[RawDocument], extracted: list[Extracted | None],
                     known: list[frozenset[str] | None], workers: int | None, memo: Memo) -> list[frozenset[str]]:
    """Each document's short lines (context.short_lines): those known (from the cleaning cache), and the
    others found on every core."""
    missing = [i for i, lines in enumerate(known) if lines is None]
    texts = [source_text(documents[i], extracted[i]) for i in missing]
    found = dict(zip(missing, parallel.map_unless_known(memo.table("short lines"), [documents[i].path for i in missing],
                                                        texts, _short_lines_of, texts, workers)))
    return [lines if lines is not None else found[i] for i, lines in enumerate(known)]


def _extract_pages(documents: list[RawDocument], workers: int | None, memo: Memo,
                   wanted: list[bool]) -> list[Extracted | None]:
    """Each wanted web page's extraction (None for a text source or a page not wanted), done once here for the
    context and the cleaning."""
    pages = [d for d, want in zip(documents, wanted) if d.kind == "html" and want]
    found = iter(parallel.map_unless_known(memo.table("extract"), [d.path for d in pages], [d.payload or d.text for d in pages],
                                           _extract_one, pages, workers))
    return [next(found) if d.kind == "html" and want else None for d, want in zip(documents, wanted)]


def _extract_one(pages: list[RawDocument], i: int) -> Extracted | None:
    return extract_page(pages[i])


def _short_lines_of(texts: list[str], i: int) -> frozenset[str]:
    return short_lines(texts[i])


@dataclass(frozen=True)
class _ToClean:
    """What the workers clean: (document, overrides, extraction) of each, and the archive's context."""
    inputs: Sequence[tuple[RawDocument, Any, Extracted | None]]
    context: CleanContext


def _clean_one(to_clean: _ToClean, i: int) -> tuple[dict[str, Any], frozenset[str]]:
    """The cleaned article, and the short lines its cleaning asked the context about (the cache keeps both)."""
    document, overrides, extracted = to_clean.inputs[i]
    context = AskedContext(to_clean.context.repeated_lines)
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
