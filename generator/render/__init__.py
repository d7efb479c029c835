"""Archive -> {path under docs/: Markdown}. One module a page kind; nothing here touches the disk."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from generator.core.archive import Archive
from generator.core.model import Fact
from generator.link.mentions import EntityIndex, index_mentions
from generator.render import paths
from generator.render.article import render_article, search_allowance
from generator.render.data import archive_json
from generator.render.entity import render_entity
from generator.render.fact import coverage_page, render_fact
from generator.render.home import include_inputs, include_pages, verdicts
from generator.render.indexes import articles_index, entities_index, facts_index, outlet_pages, tag_pages
from generator.render.references import referenced
from generator.render.timeline import timeline_pages
from generator.render.versions import revising_articles
from generator.runtime import parallel
from generator.runtime.memo import NO_MEMO, Memo


def render(archive: Archive, workers: int | None = None, tick: Callable[[int], None] = lambda n: None,
           memo: Memo = NO_MEMO) -> dict[str, bytes]:
    """Every generated page, as UTF-8. With a memo (serve), a page whose inputs did not change is not rendered again.

    Pages are kept encoded: most of their characters are ASCII, and a Python string with one curly
    quote in it takes two or four bytes for every character of the page.
    """
    index = index_mentions(archive, memo)
    # Each fact's verdict, once: article pages badge the facts whose figures disagree, the home page lists them.
    verdict_of = memo.table("verdicts").get("all", _fact_reports(archive) if memo.keep else None,
                                            lambda: verdicts(archive))
    disagreeing = frozenset(f for f, v in verdict_of.items() if v == "disagree")
    pages: dict[str, bytes] = _OnePagePerPath()
    whole_archive: dict[str, bytes] = {}

    def make_whole_archive_pages() -> None:
        whole_archive.update(_whole_archive_pages(archive, index, memo, verdict_of))

    # Article and entity pages are most of the work and independent of each other: on every core.
    # An entity page gathers many articles' sentences; an article page is light work (parallel.MIN_ITEMS_LIGHT).
    # The pages made from the whole archive are made in this process while the workers make the article pages
    # (after them, where there is no pool).
    for kind, count, inputs_of, page_of, light, meanwhile in (
            ("article", len(archive.articles), _article_inputs, _article_page, True, make_whole_archive_pages),
            ("entity", len(archive.entities), _entity_inputs, _entity_page, False, lambda: None)):
        inputs = [inputs_of(i, archive, index, disagreeing) if memo.keep else None for i in range(count)]
        for path, content in parallel.map_unless_known(memo.table(f"{kind} pages"), range(count), inputs, page_of,
                                                       _Rendering(archive, index, disagreeing), workers, tick,
                                                       light=light, meanwhile=meanwhile):
            pages[path] = content
    for path, content in whole_archive.items():  # one by one, not update(): a clash is refused (_OnePagePerPath)
        pages[path] = content
    return dict(pages)


def _whole_archive_pages(archive: Archive, index: EntityIndex, memo: Memo,
                         verdict_of: dict[str, str]) -> dict[str, bytes]:
    """Fact pages, archive.json, the listings of the whole archive and the snippets of hand-written pages."""
    pages: dict[str, bytes] = _OnePagePerPath()
    fact_pages = memo.table("fact pages")
    for fact in archive.facts:
        pages[paths.fact(fact.id)] = fact_pages.get(fact.id, _fact_inputs(fact, archive) if memo.keep else None,
                                                    lambda: render_fact(fact, archive))
    fact_pages.forget_others({f.id for f in archive.facts})
    pages[paths.archive_data()] = archive_json(archive, index, memo)
    # Listings of the whole archive, in three groups by what they read, each redone when that changed.
    listings = memo.table("listings")
    for group, inputs_of, render_group in _LISTINGS:
        inputs = inputs_of(archive) if memo.keep else None
        for path, content in listings.get(group, inputs, lambda: render_group(archive, index)).items():
            pages[path] = content
    inputs = include_inputs(archive, verdict_of) if memo.keep else None
    for path, content in listings.get("includes", inputs, lambda: include_pages(archive, verdict_of)).items():
        pages[path] = content
    return dict(pages)


def _article_listings(archive: Archive, index: EntityIndex) -> dict[str, str]:
    pages: dict[str, str] = _OnePagePerPath()
    pages[paths.index("articles")] = articles_index(archive)
    for produced in (tag_pages(archive), outlet_pages(archive), timeline_pages(archive)):
        for path, content in produced.items():
            pages[path] = content
    return dict(pages)


def _article_metadata(archive: Archive) -> tuple:
    """What the article listings show of each article (the timeline names the facts it reports)."""
    return (tuple((a.slug, a.title, a.outlet, a.outlet_known, a.date, a.tags, tuple(f.link.fact_id for f in a.facts))
                  for a in archive.articles), tuple((f.id, f.title) for f in archive.facts), archive.tags)


def _fact_listings(archive: Archive, index: EntityIndex) -> dict[str, str]:
    return {paths.index("facts"): facts_index(archive), paths.coverage(): coverage_page(archive)}


def _fact_reports(archive: Archive) -> tuple:
    """What the facts index and coverage matrix read: each fact, and who reported it with what figure."""
    return (archive.facts, tuple((a.id, a.slug, a.title, a.outlet, a.outlet_known, a.date, link.link.figure)
                                 for rows in archive.fact_links.values() for a, link in rows),
            tuple((a.id, a.title, a.outlet, a.outlet_known) for a in archive.articles))


def _entity_listing(archive: Archive, index: EntityIndex) -> dict[str, str]:
    return {paths.index("entities"): entities_index(archive, index)}


_LISTINGS = (("articles", _article_metadata, _article_listings),
             ("facts", _fact_reports, _fact_listings),
             ("entities", lambda archive: (archive.entities, archive.mentions), _entity_listing))


class PageClash(ValueError):
    """Two pages were rendered to one path: validation should have refused the input that led here."""


class _OnePagePerPath(dict):
    """A dict of pages that refuses a second page for a path, so no page silently replaces another."""

    def __setitem__(self, path: str, content: str | bytes) -> None:
        if path in self:
            raise PageClash(path)
        super().__setitem__(path, content.encode("utf-8") if isinstance(content, str) else content)


def _fact_inputs(fact: Fact, archive: Archive) -> tuple:
    """Everything render_fact reads: the fact, the articles linked to it, those whose versions revise it and
    those cited as evidence, and what its claim refers to."""
    return (fact, tuple(archive.fact_links.get(fact.id, [])), tuple(revising_articles(fact.id, archive.articles)),
            tuple(archive.articles_by_id.get(e.article or "") for e in fact.evidence),
            referenced([fact.claim], archive))


def _article_inputs(i: int, archive: Archive, index: EntityIndex, disagreeing: frozenset[str]) -> tuple:
    """Everything render_article reads: the article, its mentions, related coverage, neighbours by date, and
    what they name.
    tests/render/test_page_inputs.py fails when render_article reads something this leaves out."""
    article = archive.articles[i]
    related = archive.related_by_article.get(article.id, [])
    mentions = index.by_article.get(article.id, [])
    return (article, tuple(mentions), tuple(related),
            tuple(archive.articles_by_id[r.article_a if r.article_b == article.id else r.article_b] for r in related),
            tuple(archive.facts_by_id.get(f.link.fact_id) for f in article.facts),
            archive.entities, search_allowance(len(archive.articles)),
            referenced((n.note.text for n in article.notes), archive),
            archive.neighbours.get(article.id),  # previous, next, same day: what the page shows of them
            archive.same_event.get(article.id),  # reports of the same event: summaries and what is shared
            tuple(t for t in archive.tags if t.id in article.tags),  # the labels its tags show
            tuple(f.link.fact_id in disagreeing for f in article.facts))  # its facts' "disagree" badges


@dataclass(frozen=True)
class _Rendering:
    """What the workers render pages from."""
    archive: Archive
    index: EntityIndex
    disagreeing: frozenset[str] = frozenset()  # the facts whose figures disagree (render.home.verdicts)


def _article_page(rendering: _Rendering, i: int) -> tuple[str, bytes]:
    archive, index = rendering.archive, rendering.index
    article = archive.articles[i]
    page = render_article(article, archive, index.by_article.get(article.id, []),
                          archive.related_by_article.get(article.id, []), archive.articles_by_id,
                          search_allowance(len(archive.articles)), rendering.disagreeing)
    return paths.article(article.slug), page.encode("utf-8")


def _entity_inputs(i: int, archive: Archive, index: EntityIndex, disagreeing: frozenset[str]) -> tuple:
    """Everything render_entity reads: the entity, its mentions, the articles and sentences they are in, and
    what its description refers to."""
    entity = archive.entities[i]
    mentions = index.by_entity.get(entity.id, [])
    article_ids = list(dict.fromkeys(m.article_id for m in mentions))
    co = index.cooccurrence.get(entity.id, {})
    # The articles' sentence spans (index.sentences) follow from their text: the articles stand for them.
    return (entity, tuple(mentions), tuple(archive.articles_by_id[a] for a in article_ids),
            tuple(sorted(co.items())), tuple(archive.entity_names[o] for o in sorted(co)),
            referenced([entity.description], archive))


def _entity_page(rendering: _Rendering, i: int) -> tuple[str, bytes]:
    archive, index = rendering.archive, rendering.index
    entity = archive.entities[i]
    return paths.entity(entity.id), render_entity(entity, archive, index, archive.articles_by_id).encode("utf-8")
