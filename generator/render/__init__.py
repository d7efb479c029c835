"""Archive -> {path under docs/: Markdown}. One module a page kind; nothing here touches the disk."""

from __future__ import annotations

from typing import Callable

from .. import parallel
from ..link import index_mentions
from ..model import Archive
from . import paths
from .article import render_article, search_allowance
from .data import archive_json
from .entity import render_entity
from .fact import coverage_page, render_fact
from .indexes import articles_index, entities_index, facts_index, outlet_pages, tag_pages
from .timeline import timeline_pages


def render(archive: Archive, workers: int | None = None, tick: Callable[[int], None] = lambda n: None
           ) -> dict[str, str]:
    index = index_mentions(archive)
    # Article and entity pages are most of the work and independent of each other: on every core.
    inputs = {"archive": archive, "index": index}
    pages: dict[str, str] = _OnePagePerPath()
    for path, content in parallel.map_indexed(_article_page, len(archive.articles), inputs, workers, tick):
        pages[path] = content
    for path, content in parallel.map_indexed(_entity_page, len(archive.entities), inputs, workers):
        pages[path] = content
    for fact in archive.facts:
        pages[paths.fact(fact.id)] = render_fact(fact, archive)
    pages[paths.index("articles")] = articles_index(archive)
    pages[paths.index("entities")] = entities_index(archive, index)
    pages[paths.index("facts")] = facts_index(archive)
    for produced in (tag_pages(archive), outlet_pages(archive), timeline_pages(archive)):
        for path, content in produced.items():
            pages[path] = content
    pages[paths.coverage()] = coverage_page(archive)
    pages[paths.archive_data()] = archive_json(archive, index)
    return dict(pages)


class PageClash(ValueError):
    """Two pages were rendered to one path: validation should have refused the input that led here."""


class _OnePagePerPath(dict):
    """A dict of pages that refuses a second page for a path, so no page silently replaces another."""

    def __setitem__(self, path: str, content: str) -> None:
        if path in self:
            raise PageClash(path)
        super().__setitem__(path, content)


def _article_page(i: int) -> tuple[str, str]:
    archive, index = parallel.shared("archive"), parallel.shared("index")
    article = archive.articles[i]
    return paths.article(article.slug), render_article(article, archive, index.by_article.get(article.id, []),
                                                       archive.related_by_article.get(article.id, []),
                                                       archive.articles_by_id, search_allowance(len(archive.articles)))


def _entity_page(i: int) -> tuple[str, str]:
    archive, index = parallel.shared("archive"), parallel.shared("index")
    entity = archive.entities[i]
    return paths.entity(entity.id), render_entity(entity, archive, index, archive.articles_by_id)
