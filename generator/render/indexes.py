"""Index pages: articles by date, entities by type, facts, outlets, tags.

Lists are grouped under sub-headings (by month, by type, by letter) so no
single list grows without bound as the archive does.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from ..annotate import slugify
from ..link import EntityIndex
from ..model import Archive, Article
from . import markdown as md
from . import paths
from .entity import TYPE_LABELS
from .fact import figure_verdict, reports_of

VERDICT_LABELS = {"disagree": "figures disagree", "approximate": "figures agree (rounded)",
                  "agree": "figures agree", "single": ""}


def _by_date(articles: list[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: (a.date is None, a.date, a.title))


def _article_line(page: str, article: Article, with_outlet: bool = True) -> str:
    outlet = f" — {md.text(article.outlet)}" if with_outlet else ""
    return (f"- {md.format_date(article.date)} · "
            f"{md.link(md.text(article.title), paths.relative(page, paths.article(article.slug)))}{outlet}")


def articles_index(archive: Archive) -> str:
    page = paths.index("articles")
    out = [md.front_matter(title="Articles"), "# Articles", "",
           f"{len(archive.articles)} articles, oldest first, grouped by month.", ""]
    by_month: dict[str, list[Article]] = defaultdict(list)
    for article in archive.articles:
        by_month[article.date.strftime("%B %Y") if article.date else "Undated"].append(article)
    months = sorted(by_month, key=lambda m: _by_date(by_month[m])[0].date or date.max)
    for month in months:
        out += [f"## {month} {{ #{slugify(month)} }}", ""]
        out += [_article_line(page, a) for a in _by_date(by_month[month])]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def entities_index(archive: Archive, index: EntityIndex) -> str:
    page = paths.index("entities")
    out = [md.front_matter(title="Entities"), "# Entities", "",
           f"{len(archive.entities)} people, organisations, places and events, grouped by type. "
           "Mentions count every time a name appears; articles count the articles that name it.", ""]
    by_type: dict[str, list] = defaultdict(list)
    for entity in archive.entities:
        by_type[entity.type].append(entity)
    for kind in sorted(by_type, key=lambda k: list(TYPE_LABELS).index(k) if k in TYPE_LABELS else 99):
        label = TYPE_LABELS.get(kind, kind.capitalize())
        out += [f"## {label}s {{ #{kind} }}", "", "| Entity | Mentions | Articles |", "|---|---:|---:|"]
        for entity in sorted(by_type[kind], key=lambda e: e.name.casefold()):
            mentions = index.by_entity.get(entity.id, [])
            articles = len({m.article_id for m in mentions})
            name = md.link(md.text(entity.name, in_table=True), paths.relative(page, paths.entity(entity.id)))
            out.append(f"| {name} | {len(mentions)} | {articles} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def facts_index(archive: Archive) -> str:
    page = paths.index("facts")
    out = [md.front_matter(title="Facts"), "# Facts", "",
           "Claims that articles of the archive report, with how many report each and whether their "
           f"figures agree. The {md.link('coverage matrix', paths.relative(page, paths.coverage()))} shows "
           "which outlet reported which.", "", "| Fact | Articles | Figures |", "|---|---:|---|"]
    for fact in sorted(archive.facts, key=lambda f: f.title.casefold()):
        rows = reports_of(fact, archive)
        verdict, _ = figure_verdict(rows)
        name = md.link(md.text(fact.title, in_table=True), paths.relative(page, paths.fact(fact.id)))
        out.append(f"| {name} | {len({a.id for a, _ in rows})} | {VERDICT_LABELS[verdict]} |")
    return "\n".join(out).rstrip() + "\n"


def outlet_pages(archive: Archive) -> dict[str, str]:
    """One page per outlet; spellings that map to one page ("BBC News", "BBC-News") share it, never overwrite."""
    by_page: dict[str, list[Article]] = defaultdict(list)
    names: dict[str, str] = {}
    for article in archive.articles:
        page = paths.outlet(article.outlet)
        by_page[page].append(article)
        names[page] = min(names.get(page, article.outlet), article.outlet, key=lambda n: (n.casefold(), n))
    pages: dict[str, str] = {}
    index_page = paths.index("outlets")
    lines = [md.front_matter(title="Outlets"), "# Outlets", "", "| Outlet | Articles |", "|---|---:|"]
    for page in sorted(by_page, key=lambda p: (names[p].casefold(), names[p])):
        outlet, listed = names[page], by_page[page]
        lines.append(f"| {md.link(md.text(outlet, in_table=True), paths.relative(index_page, page))} "
                     f"| {len(listed)} |")
        body = [md.front_matter(title=outlet), md.heading(1, outlet), "",
                f"{len(listed)} {'article' if len(listed) == 1 else 'articles'} in the archive.", ""]
        body += [_article_line(page, a, with_outlet=False) for a in _by_date(listed)]
        pages[page] = "\n".join(body).rstrip() + "\n"
    pages[index_page] = "\n".join(lines).rstrip() + "\n"
    return pages


def tags_index(archive: Archive) -> str:
    page = paths.index("tags")
    by_tag: dict[str, list[Article]] = defaultdict(list)
    for article in archive.articles:
        for tag in article.tags:
            by_tag[tag].append(article)
    out = [md.front_matter(title="Tags"), "# Tags", ""]
    if not by_tag:
        out += ["No article has tags yet.", ""]
    for tag in sorted(by_tag):
        out += [f"## {md.text(tag)} {{ #{paths.tag_anchor(tag)} }}", ""]
        out += [_article_line(page, a) for a in _by_date(by_tag[tag])]
        out.append("")
    return "\n".join(out).rstrip() + "\n"
