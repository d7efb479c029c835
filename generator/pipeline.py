"""The whole flow on one screen: read -> clean -> annotate -> link -> render -> write -> build site.

Everything is gathered and checked before anything is written, as MkDocs'
own build does: a build that fails leaves docs/ and site/ as they were.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .annotate import annotate
from .annotations import load_annotations
from .clean import archive_context, clean, source_text
from .errors import BuildFailed, Problem, error, has_errors
from .link import link
from .model import Archive, CleaningOverrides, Loc
from .read import DEFAULT_MAX_BYTES, read_sources
from .render import PageClash, render
from .write import Changes, plan


@dataclass
class Result:
    archive: Archive
    pages: dict[str, str]
    changes: Changes
    problems: list[Problem] = field(default_factory=list)


def load_archive(root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Archive, list[Problem]]:
    """Read, clean, annotate and link: the archive in memory, and every problem found on the way."""
    documents, problems = read_sources(root, max_bytes)
    annotations, annotation_problems = load_annotations(root, (d.article_id for d in documents))
    problems += annotation_problems
    context = archive_context(source_text(d) for d in documents)
    no_overrides = CleaningOverrides()
    cleaned = [clean(d, context, (annotations.articles[d.article_id].cleaning
                                  if d.article_id in annotations.articles else no_overrides))
               for d in documents]
    articles, anchor_problems = annotate(cleaned, annotations)
    problems += anchor_problems
    return link(articles, annotations.entities, annotations.facts), problems


def generate(root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Result:
    """Everything up to the files to write; raises BuildFailed on any error, having written nothing."""
    archive, problems = load_archive(root, max_bytes)
    if has_errors(problems):
        raise BuildFailed(problems)
    try:
        pages = render(archive)
    except PageClash as clash:
        raise BuildFailed([error(Loc(f"docs/{clash}"), "two generated pages would be written to this one "
                                 "file; rename the entity, fact or article that clashes")]) from None
    changes, write_problems = plan(root / "docs", pages)
    problems += write_problems
    if has_errors(problems):
        raise BuildFailed(problems)
    return Result(archive, pages, changes, sorted(problems))
