"""What the archive puts on its hand-written pages: Markdown snippets a marker in a page asks for.

A hand-written page (docs/index.md, the contributing guide) belongs to its contributor and is never rewritten by a
build; a line `<!-- archive:NAME -->` in it asks for the archive's current state there. The snippets are made
here, with the listings they summarise, and written as generated files under docs/data/includes/; the site
engine's plugin (render/includes.py) puts each in place of its marker when it reads the page.

A snippet's links are written relative to docs/ itself, as from docs/index.md; the plugin rebases them for a
page in a sub-folder.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from generator.core.archive import Archive
from generator.render import markdown as md
from generator.render import paths
from generator.render.fact import figure_verdict, reports_of
from generator.render.timeline import articles_by_month

FROM = "index.md"  # where a snippet's links are written from (docs/ itself)
LATEST_SHOWN = 5  # the home page leads with what is new, and stays a page long; the articles index has the rest
DISAGREEMENTS_SHOWN = 5
CLASHES_SHOWN = 2  # wordings that cannot both hold, a fact: the reader sees the disagreement, the page has all


def verdicts(archive: Archive) -> dict[str, str]:
    """Fact id -> 'agree', 'approximate', 'disagree' or 'single' (render/fact.py's figure_verdict), once for the
    whole archive: article pages badge the facts whose figures disagree, and the home page lists them."""
    return {fact.id: figure_verdict(reports_of(fact, archive))[0] for fact in archive.facts}


def latest_snippet(archive: Archive) -> str:
    """The latest articles, newest first, with the archive's count and a link to all of them."""
    count = len(archive.articles)
    if not count:
        return "No articles in the archive yet.\n"
    latest = sorted(archive.articles, key=lambda a: (a.date is not None, a.date, a.title), reverse=True)
    out = [f"The latest of **{count:,}** {'article' if count == 1 else 'articles'}:", ""]
    for article in latest[:LATEST_SHOWN]:
        outlet = f" — {md.text(article.outlet)}" if article.outlet_known else ""
        out.append(f"- {md.format_date(article.date)} · "
                   f"{md.link(md.text(article.title), paths.relative(FROM, paths.article(article.slug)))}{outlet}")
    out += ["", f"{md.link('All articles', paths.relative(FROM, paths.index('articles')))}, latest first, and "
            f"{md.link('the timeline', paths.relative(FROM, paths.index('timeline')))}."]
    if not all(a.outlet_known for a in latest[:LATEST_SHOWN]):
        out += ["", "Articles listed without an outlet have none identified.", "{: .quiet-note }"]
    return "\n".join(out) + "\n"


def disagreements_snippet(archive: Archive, verdict_of: Mapping[str, str]) -> str:
    """The facts whose figures cannot all be right, the most reported first, each with two of its clashing
    wordings and how many articles report it."""
    clashing = [f for f in archive.facts if verdict_of.get(f.id) == "disagree"]
    if not archive.facts:
        return "No facts are compared yet.\n"
    if not clashing:
        return (f"The articles' figures agree on all **{len(archive.facts)}** facts the archive compares "
                f"({md.link('the facts', paths.relative(FROM, paths.index('facts')))}).\n")
    rows = {f.id: reports_of(f, archive) for f in clashing}
    clashing.sort(key=lambda f: (-len({a.id for a, _ in rows[f.id]}), f.title.casefold()))
    out = [f"**{len(clashing):,} of {len(archive.facts):,}** facts are reported with figures that cannot all be "
           "right:", ""]
    for fact in clashing[:DISAGREEMENTS_SHOWN]:
        articles = len({a.id for a, _ in rows[fact.id]})
        pairs = figure_verdict(rows[fact.id])[1][:CLASHES_SHOWN]
        said = "; ".join(f"“{md.text(a.wording)}” vs “{md.text(b.wording)}”" for a, b in pairs)
        out.append(f"- {md.link(md.text(fact.title), paths.relative(FROM, paths.fact(fact.id)))}: {said} "
                   f"({articles} {'article' if articles == 1 else 'articles'})")
    more = len(clashing) - DISAGREEMENTS_SHOWN
    target = paths.relative(FROM, paths.index("facts"), "disagree")
    out += ["", md.link(f"All {len(clashing)} facts whose figures disagree" if more > 0 else "The facts index",
                        target) + ", and the " + md.link("coverage matrix", paths.relative(FROM, paths.coverage()))
            + " of who reported what."]
    return "\n".join(out) + "\n"


def sections_snippet(archive: Archive, verdict_of: Mapping[str, str]) -> str:
    """The archive's sections with what each holds: the left column of a hand-written page ("at a glance",
    placed there like an article's box, render/aside.py), where the navigation shows only the page's own name."""
    def entry(label: str, page: str, said: str) -> str:
        return f"- {md.link(label, paths.relative(FROM, page))} <span class=\"aside-count\">{said}</span>"

    months = [k for k in articles_by_month(archive) if k != "undated"]
    outlets = {a.outlet for a in archive.articles if a.outlet_known}
    tags = {t for a in archive.articles for t in a.tags}
    disagree = sum(1 for v in verdict_of.values() if v == "disagree")
    facts_said = f"{len(archive.facts):,}" + (f" · {disagree:,} disagree" if disagree else "")
    lines = [entry("Articles", paths.index("articles"), f"{len(archive.articles):,}"),
             entry("Timeline", paths.index("timeline"), _count(len(months), "month")),
             entry("Entities", paths.index("entities"), f"{len(archive.entities):,}"),
             entry("Facts", paths.index("facts"), facts_said),
             entry("Coverage", paths.coverage(), "who reported what"),
             entry("Outlets", paths.index("outlets"), str(len(outlets))),
             entry("Tags", paths.index("tags"), str(len(tags)))]
    out = ['<aside class="page-aside" markdown data-search-exclude="true" aria-label="The archive">', "",
           '<span class="aside-label">The archive</span>', "", *lines, ""]
    dated = sorted((a for a in archive.articles if a.date), key=lambda a: a.date)  # type: ignore[arg-type, return-value]
    if dated:
        span = md.format_date(dated[0].date)
        if dated[-1].date != dated[0].date:
            span += f" – {md.format_date(dated[-1].date)}"
        out += ['<span class="aside-label">Spans</span>', span, ""]
    return "\n".join(out + ["</aside>"]) + "\n"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


# Marker name -> the snippet it stands for, made from the archive and the facts' verdicts.
SNIPPETS: dict[str, Callable[[Archive, Mapping[str, str]], str]] = {
    "latest": lambda archive, verdict_of: latest_snippet(archive),
    "disagreements": disagreements_snippet,
    "sections": sections_snippet,
}


def include_pages(archive: Archive, verdict_of: Mapping[str, str]) -> dict[str, str]:
    """Every snippet, at its path under docs/ (paths.include)."""
    return {paths.include(name): make(archive, verdict_of) for name, make in SNIPPETS.items()}


def include_inputs(archive: Archive, verdict_of: Mapping[str, str]) -> tuple:
    """What the snippets read (serve's memo makes them again when this changes): each article's listing line,
    the facts' titles and verdicts, the clashing reports' wordings, and the counts of the sections."""
    return (tuple((a.id, a.slug, a.title, a.outlet, a.outlet_known, a.date, a.tags) for a in archive.articles),
            tuple((f.id, f.title) for f in archive.facts), tuple(sorted(verdict_of.items())),
            tuple((a.id, link.link.figure) for f in archive.facts if verdict_of.get(f.id) == "disagree"
                  for a, link in archive.fact_links.get(f.id, [])),
            len(archive.entities))
