"""The timeline: one page a month, day by day, with each article's outlet and the facts it reports.

Month pages keep every listing bounded as the archive grows; the articles index and
the timeline index link to them.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from generator.core.model import Archive, Article
from generator.render import markdown as md
from generator.render import paths


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
    out = ["| Month | Articles | Outlets |", "|---|---:|---:|"]
    unidentified = False
    for key, articles in months.items():
        link = md.link(month_label(key), paths.relative(page, paths.month(key)))
        out.append(f"| {link} | {len(articles)} | {outlets_cell(articles)} |")
        unidentified = unidentified or not all(a.outlet_known for a in articles)
    if unidentified:
        out += ["", "Outlets counts the outlets identified. *Not identified*: some of the month's articles do not "
                "say who published them; the month's page lists each article with its outlet."]
    return out + [""]


def outlets_cell(articles: list[Article]) -> str:
    """How many outlets published these articles: "2", "2 + not identified" or "not identified"."""
    known = len({a.outlet for a in articles if a.outlet_known})
    if all(a.outlet_known for a in articles):
        return str(known)
    return f"{known} + not identified" if known else "not identified"


def timeline_pages(archive: Archive) -> dict[str, str]:
    months = articles_by_month(archive)
    index_page = paths.index("timeline")
    pages = {index_page: "\n".join([
        md.front_matter(title="Timeline", search=md.NOT_INDEXED), "# Timeline", "",
        "The coverage month by month: open a month to see who published what, day by day, "
        "and which facts each article reported.", "", *months_table(index_page, months)]).rstrip() + "\n"}
    keys = list(months)
    for i, key in enumerate(keys):
        pages[paths.month(key)] = _month_page(archive, key, months[key],
                                              keys[i - 1] if i else None, keys[i + 1] if i + 1 < len(keys) else None)
    return pages


def _month_page(archive: Archive, key: str, articles: list[Article], before: str | None, after: str | None) -> str:
    page = paths.month(key)
    facts = archive.facts_by_id
    out = [md.front_matter(title=f"Timeline: {month_label(key)}", search=md.NOT_INDEXED),
           f"# {month_label(key)}", ""]
    steps = [md.link(f"← {month_label(before)}", paths.relative(page, paths.month(before))) if before else "",
             md.link("all months", paths.relative(page, paths.index("timeline"))),
             md.link(f"{month_label(after)} →", paths.relative(page, paths.month(after))) if after else ""]
    out += [" · ".join(s for s in steps if s), ""]
    by_day: dict[date | None, list[Article]] = defaultdict(list)
    for article in articles:
        by_day[article.date].append(article)
    for day, on_day in by_day.items():
        out += [f"## {md.format_date(day)} {{ #{day.isoformat() if day else 'undated-articles'} }}", ""]
        for article in on_day:
            link = md.link(md.text(article.title), paths.relative(page, paths.article(article.slug)))
            reported = sorted({facts[f.link.fact_id].title for f in article.facts if f.link.fact_id in facts})
            line = f"- **{md.text(article.outlet)}**: {link}"
            if reported:
                line += f"  \n  *Reports:* {md.text('; '.join(reported))}"
            out.append(line)
        out.append("")
    return "\n".join(out).rstrip() + "\n"
