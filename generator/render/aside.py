"""The "at a glance" box of article and entity pages, shown in the left column a wide screen leaves empty.

Material keeps that column for the site navigation; with the navigation as tabs it holds nothing on pages
outside the nav (articles, entities), and hiding it would stretch article prose to lines too long to read.
So the box summarises the page there: on an article its outlet, date, tags, entities, facts and the
articles before and after it; on an entity its type, aliases and the entities it is most often named with.
It is written in the page's Markdown (its links resolved and checked like every other link) and placed
by the stylesheet (docs/stylesheets/archive.css, .page-aside); narrower screens, where the column is the
navigation drawer, leave it out, since the page says all of it in its header and sections.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from generator.core.archive import Archive
from generator.core.model import Article, Entity, Mention
from generator.render import markdown as md
from generator.render import paths
from generator.render.timeline import month_key

ENTITIES_SHOWN = 8  # the box stays shorter than a screen whatever the article names
FACTS_SHOWN = 6
CO_MENTIONS_SHOWN = 6
# After a fact whose figures disagree across the archive's articles: a word a screen reader says in full.
DISAGREE_BADGE = (' <span class="verdict disagree aside-badge">disagree'
                  '<span class="visually-hidden">: the articles\' figures for this fact disagree</span></span>')


def tag_labels(tags: Iterable[str], archive: Archive) -> dict[str, str]:
    """Tag id -> what a reader sees: its label in annotations/tags.yml, else the id as written."""
    vocabulary = {t.id: t.label for t in archive.tags}
    return {tag: vocabulary.get(tag, tag) for tag in tags}


def article_aside(article: Article, archive: Archive, mentions: list[Mention], page: str,
                  disagreeing: frozenset[str] = frozenset()) -> list[str]:
    """Markdown lines of an article's box; disagreeing, the facts whose figures disagree across the archive, get
    a badge (a word, not only a colour)."""
    out = _open()
    if article.outlet_known:  # an unknown one is said once, in the page's header
        out += _item("Outlet", md.link(md.text(article.outlet), paths.relative(page, paths.outlet(article.outlet))))
    when = md.format_date(article.date)
    if article.date:
        when = md.link(when, paths.relative(page, paths.month(month_key(article.date))))
    out += _item("Date", when)
    if article.tags:
        labels = tag_labels(article.tags, archive)
        out += _item("Tags", ", ".join(md.link(md.text(labels[t]), paths.relative(page, paths.tag(t)))
                                      for t in article.tags))
    counts = Counter(m.entity_id for m in mentions)
    if counts:
        names = archive.entity_names
        ranked = sorted(counts, key=lambda e: (-counts[e], names.get(e, e).casefold()))
        lines = [f"- {md.link(md.text(names.get(e, e)), paths.relative(page, paths.entity(e)))} "
                 f"<span class=\"aside-count\">{counts[e]}</span>" for e in ranked[:ENTITIES_SHOWN]]
        if len(ranked) > ENTITIES_SHOWN:
            lines.append(f"- and {len(ranked) - ENTITIES_SHOWN} more")
        out += _list(f"Names ({len(ranked)})", lines)
    fact_ids = list(dict.fromkeys(f.link.fact_id for f in sorted(article.facts, key=lambda f: (f.span.block, f.span.start))))
    if fact_ids:
        facts = archive.facts_by_id
        fact_ids.sort(key=lambda f: f not in disagreeing)  # the disagreeing first, so the box never hides them
        lines = [f"- {md.link(md.text(facts[f].title if f in facts else f), paths.relative(page, paths.fact(f)))}"
                 + (DISAGREE_BADGE if f in disagreeing else "") for f in fact_ids[:FACTS_SHOWN]]
        if len(fact_ids) > FACTS_SHOWN:
            lines.append(f"- and {len(fact_ids) - FACTS_SHOWN} more: [all](#facts-reported)")
        clashing = sum(1 for f in fact_ids if f in disagreeing)
        out += _list(f"Facts ({len(fact_ids)}{f' · {clashing} disagree' if clashing else ''})", lines)
    around = archive.neighbours.get(article.id)
    steps = []
    if around and around.previous:
        steps.append("- ← " + md.link(md.text(md.hover(around.previous.title, 60)),
                                      paths.relative(page, paths.article(around.previous.slug))))
    if around and around.next:
        steps.append("- → " + md.link(md.text(md.hover(around.next.title, 60)),
                                      paths.relative(page, paths.article(around.next.slug))))
    if steps:
        out += _list("By date", steps)
    events = archive.same_event.get(article.id)
    if events:
        out += _item("Same event", md.link(f"{len(events)} {'article' if len(events) == 1 else 'articles'}",
                                           "#same-event"))
    return out + _close()


def entity_aside(entity: Entity, kind: str, archive: Archive, co: dict[str, int], mentions: int, articles: int,
                 page: str) -> list[str]:
    """Markdown lines of an entity's box; kind is its type as shown, co each other entity's shared sentences."""
    out = _open() + _item("Type", md.text(kind))
    if entity.aliases:
        out += _item("Also written", ", ".join(f"*{md.text(a)}*" for a in entity.aliases))
    out += _item("Mentioned", f"{mentions} {'time' if mentions == 1 else 'times'} in {articles} "
                               f"{'article' if articles == 1 else 'articles'}")
    if co:
        names = archive.entity_names
        ranked = sorted(co, key=lambda o: (-co[o], names.get(o, o).casefold()))[:CO_MENTIONS_SHOWN]
        out += _list("Often with", [f"- {md.link(md.text(names.get(o, o)), paths.relative(page, paths.entity(o)))} "
                                    f"<span class=\"aside-count\">{co[o]}</span>" for o in ranked])
    return out + _close()


def _open() -> list[str]:
    return ['<aside class="page-aside" markdown data-search-exclude="true" aria-label="At a glance">', ""]


def _close() -> list[str]:
    return ["</aside>", ""]


def _item(label: str, value_markdown: str) -> list[str]:
    return [f"<span class=\"aside-label\">{label}</span>", value_markdown, ""]


def _list(label: str, lines: list[str]) -> list[str]:
    return [f"<span class=\"aside-label\">{label}</span>", "", *lines, ""]
