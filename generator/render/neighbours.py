"""The article page's "By date" section (previous / next article by date, others of the same day) and its
"Same event" section (articles near in date that report the same facts or name the same rare entities).

Articles of one day are often reports of one event: a reader who finished one wants the others without
going back to the timeline; and an event's reports spread over days. Both come worked out for the whole
archive (Archive.neighbours, Archive.same_event).
"""

from __future__ import annotations

from generator.core.archive import Archive
from generator.core.events import WINDOW_DAYS
from generator.core.model import Article
from generator.core.neighbours import Neighbour
from generator.render import markdown as md
from generator.render import paths
from generator.render.timeline import month_key


def neighbours_section(article: Article, archive: Archive, page: str) -> list[str]:
    """Markdown lines of the section; none for an undated article (it has no place in the date order)."""
    around = archive.neighbours.get(article.id)
    if around is None or not (around.previous or around.next or around.same_day):
        return []
    out = ["## By date { #by-date data-search-exclude }", ""]
    steps = []
    if around.previous:
        steps.append(f"← Previous: {_link(around.previous, page)}{_when(around.previous, article)}")
    if around.next:
        steps.append(f"Next: {_link(around.next, page)}{_when(around.next, article)} →")
    if steps:
        out += ["  \n".join(steps), "{: .article-steps }", ""]  # a hard break: one step a line
    if around.same_day:
        out += [f"Same day, {md.format_date(article.date)}:", ""]
        out += [f"- {_link(other, page)}" + (f" ({md.text(other.outlet)})" if other.outlet_known else "")
                for other in around.same_day]
        if around.same_day_more:
            month = paths.relative(page, paths.month(month_key(article.date)))
            out.append(f"- and {around.same_day_more} more: see {md.link('the month', month)}")
        out.append("")
        if any(not other.outlet_known for other in around.same_day):
            out += ["Articles shown without an outlet have none identified.", "{: .quiet-note }", ""]
    return out


def same_event_section(article: Article, archive: Archive, page: str) -> list[str]:
    """Markdown lines of the section: each other report, what the two share; none where nothing is near."""
    found = archive.same_event.get(article.id)
    if not found:
        return []
    out = ["## Same event { #same-event data-search-exclude }", "",
           f"Articles within {WINDOW_DAYS} days of this one that report the same facts or name the same "
           "people, places and organisations (the rarer a name in the archive, the more it counts).", ""]
    for entry in found:
        shared = []
        if entry.facts:
            shared.append(f"{entry.facts} {'fact' if entry.facts == 1 else 'facts'}")
        if entry.entities:
            shared.append(f"{entry.entities} {'name' if entry.entities == 1 else 'names'}")
        outlet = f" ({md.text(entry.other.outlet)})" if entry.other.outlet_known else ""
        out.append(f"- {_link(entry.other, page)}{outlet}{_when(entry.other, article)} — shares "
                   + " and ".join(shared))
    return out + [""]


def _link(other: Neighbour, page: str) -> str:
    return md.link(md.text(other.title), paths.relative(page, paths.article(other.slug)))


def _when(other: Neighbour, article: Article) -> str:
    """The neighbour's date where it is another day (the same day goes without saying)."""
    return "" if other.date == article.date else f" ({md.format_date(other.date)})"
