"""Archive -> {path under docs/: Markdown}. One module a page kind; nothing here touches the disk."""

from __future__ import annotations

from ..link import index_mentions
from ..model import Archive
from . import paths
from .article import render_article
from .entity import render_entity
from .data import archive_json
from .fact import coverage_page, render_fact
from .indexes import articles_index, entities_index, facts_index, outlet_pages, tags_index
from .timeline import timeline_page


def render(archive: Archive) -> dict[str, str]:
    index = index_mentions(archive)
    articles = {a.id: a for a in archive.articles}
    pages: dict[str, str] = _OnePagePerPath()
    related: dict[str, list] = {}
    for relation in archive.related:
        related.setdefault(relation.article_a, []).append(relation)
        related.setdefault(relation.article_b, []).append(relation)
    for article in archive.articles:
        pages[paths.article(article.slug)] = render_article(article, archive, index.by_article.get(article.id, []),
                                                            related.get(article.id, []), articles)
    for entity in archive.entities:
        pages[paths.entity(entity.id)] = render_entity(entity, archive, index, articles)
    for fact in archive.facts:
        pages[paths.fact(fact.id)] = render_fact(fact, archive)
    pages[paths.index("articles")] = articles_index(archive)
    pages[paths.index("entities")] = entities_index(archive, index)
    pages[paths.index("facts")] = facts_index(archive)
    pages[paths.index("tags")] = tags_index(archive)
    for path, content in outlet_pages(archive).items():
        pages[path] = content
    pages[paths.coverage()] = coverage_page(archive)
    pages[paths.index("timeline")] = timeline_page(archive)
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
