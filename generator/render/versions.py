"""The versions of a captured article (its page's "Versions" section) and the figures they revised (a fact
page's "Revisions"): what an outlet changed after publishing, capture by capture."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterable

from generator.core.model import Article
from generator.core.versions import Change
from generator.render import markdown as md
from generator.render import paths
from generator.render.numbers import NUMBER, WORDS
from generator.render.quotes import quoted

DIFF_TAGS = {"removed": ("<del class=\"diff-removed\">", "</del>"), "added": ("<ins class=\"diff-added\">", "</ins>")}


@dataclass(frozen=True)
class Revision:
    """A fact link's sentence whose figures changed from one capture to the next, or that a capture removed."""

    article: Article
    fact_id: str
    before: str
    after: str  # "" when the capture no longer holds the sentence
    captured: datetime | None  # the capture that made the change
    version: int = 0  # its number among the article's versions, from 1 (two captures can share a time)

    @property
    def removed(self) -> bool:
        return not self.after


def capture_time(moment: datetime | None) -> str:
    """As the versions section and fact pages show a capture: 1 May 2024, 10:00 UTC."""
    return f"{md.format_date(moment.date())}, {moment:%H:%M} UTC" if moment else "seed file (no capture time)"


def version_anchor(number: int) -> str:
    return f"version-{number}"


def figures_of(sentence: str) -> list[str]:
    """The numbers a sentence gives, in digits or words, as written (lowercased): what a revision changes."""
    return [m.group().lower() for m in NUMBER.finditer(sentence)] + [m.group().lower() for m in WORDS.finditer(sentence)]


def revisions(article: Article) -> list[Revision]:
    """Every change of a figure in a sentence the article links to a fact, and every removal of such a
    sentence, from one capture to the next. A removed sentence matters as much as a changed figure: the
    outlet withdrew what the fact page reports it said."""
    found = []
    for number, (previous, version) in enumerate(zip(article.versions, article.versions[1:]), start=2):
        # one entry a fact link, in the same order in every version (link/versions.py): two links to one fact
        # are compared each with itself
        for (fact_id, old), (_, sentence) in zip(previous.fact_sentences, version.fact_sentences):
            if old and (not sentence or figures_of(old) != figures_of(sentence)):
                found.append(Revision(article, fact_id, old, sentence, version.captured, number))
    return found


def revising_articles(fact_id: str, articles: Iterable[Article]) -> list[Article]:
    """The captured articles whose versions can revise a fact: those linking to it, in the shown version or in
    one a later capture removed the link's passage from (a lost fact link)."""
    return [a for a in articles if len(a.versions) > 1 and any(f == fact_id for f, _ in a.versions[-1].fact_sentences)]


def fact_revisions(fact_id: str, articles: Iterable[Article]) -> list[Revision]:
    """A fact page's revisions: of every article that can revise it (revising_articles)."""
    return [r for a in revising_articles(fact_id, articles) for r in revisions(a) if r.fact_id == fact_id]


def versions_section(article: Article) -> list[str]:
    """The article's captures, oldest first, each with what changed since the one before; [] for one source."""
    if len(article.versions) < 2 and not article.lost:
        return []
    latest = article.versions[-1] if article.versions else None
    out = ["## Versions { #versions data-search-exclude }", "",
           f"This page shows the latest of {_count(len(article.versions), 'capture')}"
           + (f", {capture_time(latest.captured)}" if latest else "") + ". Each capture below lists what changed "
           "since the one before it: paragraphs added, removed and edited, word by word.", ""]
    revised = revisions(article)
    page = paths.article(article.slug)
    for number, version in enumerate(article.versions, start=1):
        out += [f"### {number}. {capture_time(version.captured)} {{ #{version_anchor(number)} data-search-exclude }}",
                "", f"Source: `{version.source}`", "{: .version-source }", ""]
        if number == 1:
            out += ["First capture.", ""]
        elif not version.changes and version.title_before is None:
            out += ["No change in the text.", "{: .version-unchanged }", ""]
        if version.title_before is not None:
            out += [f"Headline changed: <del class=\"diff-removed\">{md.text(version.title_before)}</del> → "
                    f"<ins class=\"diff-added\">{md.text(version.title or '')}</ins>", ""]
        for revision in (r for r in revised if r.version == number):
            target = paths.relative(page, paths.fact(revision.fact_id))
            if revision.removed:
                out += ['!!! warning "Fact sentence removed"', "",
                        f"    A sentence linked to {md.link('a fact', target)} is not in this capture: "
                        f"{quoted(revision.before)}", ""]
                continue
            out += ['!!! warning "Figure revised"', "",
                    f"    A sentence linked to {md.link('a fact', target)} changed its figures: "
                    f"{', '.join(figures_of(revision.before))} → {', '.join(figures_of(revision.after))}.", ""]
        if version.changes:
            out += ['<div class="version-changes" markdown>', "", *map(_change_line, version.changes), "", "</div>", ""]
    out += _lost_section(article)
    return out


def revisions_section(revised: list[Revision], page: str) -> list[str]:
    """A fact page's revisions: figures an outlet changed in a later capture of an article."""
    if not revised:
        return []
    out = ["## Revisions { #revisions }", "",
           "Figures that changed between two captures of one article, and sentences a later capture no longer "
           "holds: the outlet revised what it reported.", "",
           # stacked into one card a revision on a phone (docs/stylesheets/archive.css, .stacked-table), where
           # four columns of sentences would scroll sideways
           '<div class="stacked-table revisions-table" markdown>', "",
           "| Article | Captured | Before | After |", "|---|---|---|---|"]
    for revision in revised:
        target = paths.relative(page, paths.article(revision.article.slug), "versions")
        out.append(f"| {md.link(md.text(revision.article.title, in_table=True), target)} "
                   f"| {capture_time(revision.captured)} "
                   f"| {quoted(revision.before, md.text(revision.before.strip(), in_table=True))} "
                   f"| {_after(revision)} |")
    return out + ["", "</div>", ""]


def _after(revision: Revision) -> str:
    if revision.removed:
        return f"*removed in the capture of {capture_time(revision.captured)}*"
    return quoted(revision.after, md.text(revision.after.strip(), in_table=True))


def _change_line(change: Change) -> str:
    if change.kind == "added":
        return f"- Added: {_tagged('added', change.after)}" 
    if change.kind == "removed":
        return f"- Removed: {_tagged('removed', change.before)}" 
    words = " ".join(md.text(text) if op == "same" else _tagged(op, text) for op, text in change.words)
    return f"- Edited: {words}" 


def _tagged(op: str, text: str) -> str:
    opening, closing = DIFF_TAGS[op]
    return f"{opening}{md.text(text)}{closing}"


def _lost_section(article: Article) -> list[str]:
    if not article.lost:
        return []
    out = ["### Notes on removed passages { #removed-passages data-search-exclude }", "",
           "Written against an earlier capture; the passage they are about is not in the one shown.", ""]
    for lost in article.lost:
        what = md.text(lost.text) if lost.kind == "note" else f"fact link to `{md.text(lost.text)}`"
        out += ['<div class="admonition note annotation-note lost-note" markdown>', "",
                f"Passage removed after {capture_time(lost.last_seen)}: {quoted(lost.quote)}",
                "{: .admonition-title }", "", what, "", "</div>", ""]
    return out


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
