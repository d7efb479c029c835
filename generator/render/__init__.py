"""Archive -> {path under docs/: Markdown}. One module a page kind; nothing here touches the disk."""

from __future__ import annotations

from ..link import index_mentions
from ..model import Archive
from . import paths
from .article import render_article
from .entity import render_entity
from .fact import render_fact
from .indexes import articles_index, entities_index, facts_index, outlet_pages, tags_index


def render(archive: Archive) -> dict[str, str]:
    index = index_mentions(archive)
    articles = {a.id: a for a in archive.articles}
    pages: dict[str, str] = {}
    for article in archive.articles:
        pages[paths.article(article.slug)] = render_article(article, archive, index.by_article.get(article.id, []))
    for entity in archive.entities:
        pages[paths.entity(entity.id)] = render_entity(entity, archive, index, articles)
    for fact in archive.facts:
        pages[paths.fact(fact.id)] = render_fact(fact, archive)
    pages[paths.index("articles")] = articles_index(archive)
    pages[paths.index("entities")] = entities_index(archive, index)
    pages[paths.index("facts")] = facts_index(archive)
    pages[paths.index("tags")] = tags_index(archive)
    pages.update(outlet_pages(archive))
    return pages
