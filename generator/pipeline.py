"""The whole flow on one screen: read -> clean -> annotate -> link -> render -> write -> build site.

Everything is gathered and checked before anything is written, as MkDocs'
own build does: a build that fails leaves docs/ and site/ as they were.
Each stage is named for progress lines and the benchmark (stages.py); the
per-article stages (clean, render) run on every core for large archives
(parallel.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import parallel
from .annotate import annotate
from .annotations import load_annotations
from .clean import archive_context, clean, source_text
from .errors import BuildFailed, Problem, error, has_errors
from .link import link
from .model import Archive, CleanedArticle, CleaningOverrides, Loc
from .read import DEFAULT_MAX_BYTES, read_sources
from .render import PageClash, render
from .stages import NO_STAGES, Stages
from .write import Changes, plan


@dataclass
class Result:
    archive: Archive
    pages: dict[str, str]
    changes: Changes
    problems: list[Problem] = field(default_factory=list)


def load_archive(root: Path, max_bytes: int = DEFAULT_MAX_BYTES, stages: Stages = NO_STAGES,
                 workers: int | None = None) -> tuple[Archive, list[Problem]]:
    """Read, clean, annotate and link: the archive in memory, and every problem found on the way."""
    with stages.stage("read"):
        documents, problems = read_sources(root, max_bytes)
    with stages.stage("annotate"):
        annotations, annotation_problems = load_annotations(root, (d.article_id for d in documents))
        problems += annotation_problems
    with stages.stage("clean", total=len(documents)) as tick:
        context = archive_context(source_text(d) for d in documents)
        no_overrides = CleaningOverrides()
        overrides = [annotations.articles[d.article_id].cleaning if d.article_id in annotations.articles
                     else no_overrides for d in documents]
        cleaned = parallel.map_indexed(_clean_one, len(documents),
                                       {"documents": documents, "context": context, "overrides": overrides},
                                       workers, tick)
    with stages.stage("annotate"):
        articles, anchor_problems = annotate(cleaned, annotations)
        problems += anchor_problems
    with stages.stage("link"):
        archive = link(articles, annotations.entities, annotations.facts)
    return archive, problems


def _clean_one(i: int) -> CleanedArticle:
    return clean(parallel.shared("documents")[i], parallel.shared("context"), parallel.shared("overrides")[i])


def generate(root: Path, max_bytes: int = DEFAULT_MAX_BYTES, stages: Stages = NO_STAGES,
             workers: int | None = None) -> Result:
    """Everything up to the files to write; raises BuildFailed on any error, having written nothing."""
    archive, problems = load_archive(root, max_bytes, stages, workers)
    if has_errors(problems):
        raise BuildFailed(problems)
    try:
        with stages.stage("render", total=len(archive.articles)) as tick:
            pages = render(archive, workers, tick)
    except PageClash as clash:
        raise BuildFailed([error(Loc(f"docs/{clash}"), "two generated pages would be written to this one "
                                 "file; rename the entity, fact or article that clashes")]) from None
    with stages.stage("write"):
        changes, write_problems = plan(root / "docs", pages)
    problems += write_problems
    if has_errors(problems):
        raise BuildFailed(problems)
    return Result(archive, pages, changes, sorted(problems))
