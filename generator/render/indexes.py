"""Index pages: articles by date, entities by type, facts, outlets, tags.

Lists are grouped under sub-headings (by month, by type, by letter) so no
single list grows without bound as the archive does.
"""

from __future__ import annotations

from collections import defaultdict

from generator.core.archive import Archive
from generator.core.model import Article
from generator.link.mentions import EntityIndex
from generator.render import markdown as md
from generator.render import paths
from generator.render.entity import TYPE_LABELS
from generator.render.fact import figure_verdict, reports_of
from generator.render.timeline import WIDE, articles_by_month, months_table

TYPE_PLURALS = {"person": "People", "organisation": "Organisations", "place": "Places", "event": "Events"}
LATEST_SHOWN = 50
DISAGREEMENTS_SHOWN = 20  # the facts index's lead stays one screen; the table lists every fact
LATEST_REPORTS_SHOWN = 5  # the facts index's lead: the newest reports, the full table below

VERDICT_LABELS = {"disagree": "figures disagree", "approximate": "figures agree (rounded)",
                  "agree": "figures agree", "single": ""}


def _by_date(articles: list[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: (a.date is None, a.date, a.title))


def _article_line(page: str, article: Article, with_outlet: bool = True) -> str:
    # An article whose outlet is unknown goes without one: the label on every line of a listing where most
    # outlets are unknown would drown the titles; the listing says it once (unattributed_note).
    outlet = f" — {md.text(article.outlet)}" if with_outlet and article.outlet_known else ""
    return (f"- {md.format_date(article.date)} · "
            f"{md.link(md.text(article.title), paths.relative(page, paths.article(article.slug)))}{outlet}")


def unattributed_note(page: str, articles: list[Article]) -> list[str]:
    """Once per listing that shows articles without an outlet: what the missing outlet means."""
    if all(a.outlet_known for a in articles):
        return []
    where = md.link("outlets", paths.relative(page, paths.index("outlets"), "not-identified"))
    return ["", f"Articles listed without an outlet have none identified (see {where}).", "{: .quiet-note }"]


def articles_index(archive: Archive) -> str:
    """The latest articles, then every month with its count: bounded however large the archive."""
    page = paths.index("articles")
    latest = sorted(archive.articles, key=lambda a: (a.date is not None, a.date, a.title), reverse=True)
    out = [md.front_matter(title="Articles", search=md.NOT_INDEXED, hide=WIDE), "# Articles", "",
           f"{len(archive.articles)} articles. The latest first; every month of the archive below.", "",
           "## Latest { #latest }", ""]
    out += [_article_line(page, a) for a in latest[:LATEST_SHOWN]]
    out += unattributed_note(page, list(latest[:LATEST_SHOWN]))
    out += ["", "## By month { #by-month }", "", *months_table(page, articles_by_month(archive))]
    return "\n".join(out).rstrip() + "\n"


def entities_index(archive: Archive, index: EntityIndex) -> str:
    page = paths.index("entities")
    out = [md.front_matter(title="Entities", search=md.NOT_INDEXED, hide=WIDE), "# Entities", "",
           f"{len(archive.entities)} people, organisations, places and events, grouped by type. "
           "Mentions count every time a name appears; articles count the articles that name it.", ""]
    by_type: dict[str, list] = defaultdict(list)
    for entity in archive.entities:
        by_type[entity.type].append(entity)
    for kind in sorted(by_type, key=lambda k: list(TYPE_LABELS).index(k) if k in TYPE_LABELS else 99):
        label = TYPE_PLURALS.get(kind, kind.capitalize())
        out += [f"## {label} {{ #{kind} }}", "", "| Entity | Mentions | Articles |", "|---|---:|---:|"]
        for entity in sorted(by_type[kind], key=lambda e: e.name.casefold()):
            mentions = index.by_entity.get(entity.id, [])
            articles = len({m.article_id for m in mentions})
            name = md.link(md.text(entity.name, in_table=True), paths.relative(page, paths.entity(entity.id)))
            out.append(f"| {name} | {len(mentions)} | {articles} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def facts_index(archive: Archive) -> str:
    page = paths.index("facts")
    out = [md.front_matter(title="Facts", search=md.NOT_INDEXED, hide=WIDE), "# Facts", "",
           "Claims that articles of the archive report, with how many report each and whether their "
           f"figures agree. The {md.link('coverage matrix', paths.relative(page, paths.coverage()))} shows "
           "which outlet reported which.", "", "| Fact | Articles | Figures |", "|---|---:|---|"]
    reports = {fact.id: reports_of(fact, archive) for fact in archive.facts}
    verdicts = {fact_id: (rows, figure_verdict(rows)[0]) for fact_id, rows in reports.items()}
    disagreeing = sum(1 for _, verdict in verdicts.values() if verdict == "disagree")
    lead = []
    if disagreeing:  # where readers start: the facts whose figures cannot all be right, then what is new
        lead += ["## Figures that disagree { #disagree }", "",
                 f"**{disagreeing} of {len(archive.facts)}** facts are reported with figures that cannot all "
                 "be right:", ""]
        clashing = sorted((f for f in archive.facts if verdicts[f.id][1] == "disagree"),
                          key=lambda f: (-len(verdicts[f.id][0]), f.title.casefold()))  # the most reported first
        for fact in clashing[:DISAGREEMENTS_SHOWN]:
            count = len({a.id for a, _ in verdicts[fact.id][0]})
            lead.append(f"- {md.link(md.text(fact.title), paths.relative(page, paths.fact(fact.id)))} — "
                        f"{count} {'article' if count == 1 else 'articles'}")
        if len(clashing) > DISAGREEMENTS_SHOWN:
            lead.append(f"- and {len(clashing) - DISAGREEMENTS_SHOWN} more: [all facts](#all-facts)")
        lead.append("")
    lead += _latest_reports(page, reports, {fact_id for fact_id, (_, v) in verdicts.items() if v == "disagree"})
    lead += ["## All facts { #all-facts }", "",
             "Those whose figures disagree first." if disagreeing else "", ""]
    out[-2:-2] = lead
    for fact in sorted(archive.facts, key=lambda f: (verdicts[f.id][1] != "disagree", f.title.casefold())):
        rows, verdict = verdicts[fact.id]
        name = md.link(md.text(fact.title, in_table=True), paths.relative(page, paths.fact(fact.id)))
        label = VERDICT_LABELS[verdict]
        shown = f'<span class="verdict {verdict}">{label}</span>' if label else ""
        out.append(f"| {name} | {len({a.id for a, _ in rows})} | {shown} |")
    return "\n".join(out).rstrip() + "\n"


def _latest_reports(page: str, reports: dict[str, list], disagreeing: set[str]) -> list[str]:
    """The latest articles that report facts, with how many they report and how many of those disagree:
    what is new in the comparison, before the full table."""
    by_article: dict[str, tuple[Article, set[str]]] = {}
    for fact_id, rows in reports.items():
        for article, _ in rows:
            by_article.setdefault(article.id, (article, set()))[1].add(fact_id)
    dated = sorted((entry for entry in by_article.values() if entry[0].date),
                   key=lambda e: (e[0].date, e[0].title), reverse=True)[:LATEST_REPORTS_SHOWN]
    if not dated:
        return []
    out = ["## Latest reports { #latest }", "",
           f"The latest of the **{len(by_article)}** articles that report these facts:", ""]
    for article, fact_ids in dated:
        clashing = len(fact_ids & disagreeing)
        outlet = f" — {md.text(article.outlet)}" if article.outlet_known else ""
        out.append(f"- {md.format_date(article.date)} · "
                   f"{md.link(md.text(article.title), paths.relative(page, paths.article(article.slug)))}{outlet} "
                   f"({len(fact_ids)} {'fact' if len(fact_ids) == 1 else 'facts'}"
                   + (f", {clashing} with figures that disagree" if clashing else "") + ")")  # a title may end in "."
    out += unattributed_note(page, [a for a, _ in dated])
    return out + [""]


def outlet_pages(archive: Archive) -> dict[str, str]:
    """One page per outlet; spellings that map to one page ("BBC News", "BBC-News") share it, never overwrite."""
    by_page: dict[str, list[Article]] = defaultdict(list)
    names: dict[str, str] = {}
    unidentified = [a for a in archive.articles if not a.outlet_known]
    for article in archive.articles:
        if not article.outlet_known:
            continue  # "not identified" is no publisher: those articles are listed on the index only
        page = paths.outlet(article.outlet)
        by_page[page].append(article)
        names[page] = min(names.get(page, article.outlet), article.outlet, key=lambda n: (n.casefold(), n))
    pages: dict[str, str] = {}
    index_page = paths.index("outlets")
    lines = [md.front_matter(title="Outlets", search=md.NOT_INDEXED, hide=WIDE), "# Outlets", "", "| Outlet | Articles |", "|---|---:|"]
    for page in sorted(by_page, key=lambda p: (names[p].casefold(), names[p])):
        outlet, listed = names[page], by_page[page]
        lines.append(f"| {md.link(md.text(outlet, in_table=True), paths.relative(index_page, page))} "
                     f"| {len(listed)} |")
        body = [md.front_matter(title=outlet, search=md.NOT_INDEXED, hide=WIDE), md.heading(1, outlet), "",
                f"{len(listed)} {'article' if len(listed) == 1 else 'articles'} in the archive.", ""]
        body += [_article_line(page, a, with_outlet=False) for a in _by_date(listed)]
        pages[page] = "\n".join(body).rstrip() + "\n"
    if unidentified:
        says = "article does not say who published it" if len(unidentified) == 1 else \
            "articles do not say who published them"
        lines += ["", "## Outlet not identified { #not-identified }", "",
                  f"{len(unidentified)} {says}; an annotation's `outlet:` can say so.", ""]
        lines += [_article_line(index_page, a, with_outlet=False) for a in _by_date(unidentified)[:LATEST_SHOWN]]
    pages[index_page] = "\n".join(lines).rstrip() + "\n"
    return pages


def tag_pages(archive: Archive) -> dict[str, str]:
    """An index of tags with counts, and a page a tag with its articles by date; a tag of annotations/tags.yml
    shows its label and its description."""
    by_tag: dict[str, list[Article]] = defaultdict(list)
    for article in archive.articles:
        for tag in article.tags:
            by_tag[tag].append(article)
    vocabulary = {t.id: t for t in archive.tags}
    index_page = paths.index("tags")
    out = [md.front_matter(title="Tags", search=md.NOT_INDEXED, hide=WIDE), "# Tags", ""]
    if not by_tag:
        out += ["No article has tags yet.", ""]
    else:
        out += ["| Tag | Articles | About |" if vocabulary else "| Tag | Articles |",
                "|---|---:|---|" if vocabulary else "|---|---:|"]
    pages: dict[str, str] = {}
    for tag in sorted(by_tag):
        page = paths.tag(tag)
        entry = vocabulary.get(tag)
        label = entry.label if entry else tag
        about = f" {md.text(entry.description, in_table=True)} |" if entry else (" |" if vocabulary else "")
        out.append(f"| {md.link(md.text(label, in_table=True), paths.relative(index_page, page))} "
                   f"| {len(by_tag[tag])} |{about}")
        body = [md.front_matter(title=f"Tag: {label}", search=md.NOT_INDEXED, hide=WIDE), f"# Tag: {md.text(label)}", ""]
        if entry and entry.description:
            body += [md.text(entry.description), "{: .tag-description }", ""]
        body += [f"{len(by_tag[tag])} {'article' if len(by_tag[tag]) == 1 else 'articles'}, oldest first. "
                 f"{md.link('All tags', paths.relative(page, index_page))}.", ""]
        body += [_article_line(page, a) for a in _by_date(by_tag[tag])]
        body += unattributed_note(page, by_tag[tag])
        pages[page] = "\n".join(body).rstrip() + "\n"
    pages[index_page] = "\n".join(out).rstrip() + "\n"
    return pages
