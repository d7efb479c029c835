"""The timeline: articles day by day with their outlets, and the facts each day's articles report."""

from __future__ import annotations

from collections import defaultdict

from ..model import Archive, Article
from . import markdown as md
from . import paths


def timeline_page(archive: Archive) -> str:
    page = paths.index("timeline")
    facts = {f.id: f for f in archive.facts}
    by_day: dict[object, list[Article]] = defaultdict(list)
    for article in archive.articles:
        by_day[article.date].append(article)
    days = sorted((d for d in by_day if d is not None), reverse=False) + ([None] if None in by_day else [])
    out = [md.front_matter(title="Timeline"), "# Timeline", "",
           "The coverage day by day: who published what, and which facts they reported.", ""]
    current_month = None
    for day in days:
        month = day.strftime("%B %Y") if day else "Undated"
        if month != current_month:
            out += [f"## {month} {{ #{(day.strftime('%Y-%m') if day else 'undated')} }}", ""]
            current_month = month
        out += [f"### {md.format_date(day)} {{ #{day.isoformat() if day else 'undated-articles'} }}", ""]
        for article in sorted(by_day[day], key=lambda a: (a.outlet, a.title)):
            link = md.link(md.text(article.title), paths.relative(page, paths.article(article.slug)))
            reported = sorted({facts[f.link.fact_id].title for f in article.facts if f.link.fact_id in facts})
            line = f"- **{md.text(article.outlet)}**: {link}"
            if reported:
                line += f"  \n  *Reports:* {md.text('; '.join(reported))}"
            out.append(line)
        out.append("")
    return "\n".join(out).rstrip() + "\n"
