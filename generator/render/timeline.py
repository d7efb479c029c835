"""The timeline: one page a month, day by day, with each article's outlet and the facts it reports.

Month pages keep every listing bounded as the archive grows; the articles index and
the timeline index link to them.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from generator.core.archive import Archive
from generator.core.model import Article
from generator.render import markdown as md
from generator.render import paths
from generator.render.charts.timeline import timeline_chart

# Generated listings, charts and tables give the left sidebar's width to their content: with the nav as tabs,
# that sidebar would hold only the current page's name, and the tables and charts need the room (Material's
# page-level `hide`). Article and entity pages keep the column for their "at a glance" box (render/aside.py):
# their prose would run to lines too long to read across the whole width.
WIDE = ["navigation"]


def month_key(day: date | None) -> str:
    return f"{day.year:04d}-{day.month:02d}" if day else "undated"


def month_label(key: str) -> str:
    if key == "undated":
        return "Undated"
    first = date.fromisoformat(key + "-01")
    return f"{first.strftime('%B')} {first.year}"  # %Y would not pad a year before 1000 on every platform


def articles_by_month(archive: Archive) -> dict[str, list[Article]]:
    """Month key -> its articles, months in date order (undated last), articles by date then outlet."""
    by_month: dict[str, list[Article]] = defaultdict(list)
    for article in archive.articles:
        by_month[month_key(article.date)].append(article)
    ordered = sorted(by_month, key=lambda k: (k == "undated", k))
    return {k: sorted(by_month[k], key=lambda a: (a.date or date.max, a.outlet, a.title)) for k in ordered}


def months_table(page: str, months: dict[str, list[Article]]) -> list[str]:
    """Articles and outlets a month. An article whose outlet is not known is no outlet to count, but it is
    some publisher: the cell says "not identified" rather than "0", or "1" for a month of four articles."""
    out = ["| Month | Articles | Outlets |", "|---|---:|---|"]
    unidentified = False
    for key, articles in months.items():
        link = md.link(month_label(key), paths.relative(page, paths.month(key)))
        out.append(f"| {link} | {len(articles)} | {outlets_cell(articles)} |")
        unidentified = unidentified or not all(a.outlet_known for a in articles)
    if unidentified:
        out += ["", "Outlets counts the outlets identified; *unattributed* counts the articles that do not say "
                "who published them (never counted as one outlet)."]
    return out + [""]


def outlets_cell(articles: list[Article]) -> str:
    """How many outlets published these articles: "2", "2 · 3 articles unattributed" or "3 articles unattributed"."""
    known = len({a.outlet for a in articles if a.outlet_known})
    unknown = sum(1 for a in articles if not a.outlet_known)
    if not unknown:
        return str(known)
    said = f"{unknown} {'article' if unknown == 1 else 'articles'} unattributed"
    return f"{known} · {said}" if known else said


def timeline_pages(archive: Archive) -> dict[str, str]:
    months = articles_by_month(archive)
    index_page = paths.index("timeline")
    pages = {index_page: "\n".join([
        md.front_matter(title="Timeline", search=md.NOT_INDEXED, hide=WIDE), "# Timeline", "",
        "The coverage month by month: open a month to see who published what, day by day, "
        "and which facts each article reported. A bar links to its day.", "",
        timeline_chart(archive, index_page), *months_table(index_page, months)]).rstrip() + "\n"}
    keys = list(months)
    for i, key in enumerate(keys):
        pages[paths.month(key)] = _month_page(archive, key, months[key],
                                              keys[i - 1] if i else None, keys[i + 1] if i + 1 < len(keys) else None)
    return pages


def _month_page(archive: Archive, key: str, articles: list[Article], before: str | None, after: str | None) -> str:
    page = paths.month(key)
    facts = archive.facts_by_id
    out = [md.front_matter(title=f"Timeline: {month_label(key)}", search=md.NOT_INDEXED, hide=WIDE),
           f"# {month_label(key)}", ""]
    steps = [md.link(f"← {month_label(before)}", paths.relative(page, paths.month(before))) if before else "",
             md.link("all months", paths.relative(page, paths.index("timeline"))),
             md.link(f"{month_label(after)} →", paths.relative(page, paths.month(after))) if after else ""]
    out += [" · ".join(s for s in steps if s), ""]
    by_day: dict[date | None, list[Article]] = defaultdict(list)
    for article in articles:
        by_day[article.date].append(article)
    if not all(a.outlet_known for a in articles):  # said once, not on every line
        out += ["Articles marked *unattributed* do not say who published them.", "{: .quiet-note }", ""]
    for day, on_day in by_day.items():
        out += [f"## {md.format_date(day)} {{ #{day.isoformat() if day else 'undated-articles'} }}", ""]
        for article in on_day:
            link = md.link(md.text(article.title), paths.relative(page, paths.article(article.slug)))
            reported = sorted({f.link.fact_id for f in article.facts if f.link.fact_id in facts},
                              key=lambda f: facts[f].title.casefold())
            outlet = f"**{md.text(article.outlet)}**" if article.outlet_known else "*unattributed*"
            line = f"- {outlet}: {link}"
            if reported:
                named = "; ".join(md.link(md.text(facts[f].title), paths.relative(page, paths.fact(f)))
                                  for f in reported)
                line += f"  \n  *Reports:* {named}"
            out.append(line)
        out.append("")
    return "\n".join(out).rstrip() + "\n"
