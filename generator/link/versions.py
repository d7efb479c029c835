"""Versions of one article: the latest capture is the article shown; the annotations written against one
version are carried to it by anchoring (annotate/anchor.py); each version records what changed since the
one before (link/diff.py) and how it words the article's fact links (render/versions.py compares figures).

Runs in three steps around the merge: split_versions() after cleaning, carry_annotations() before
annotate.merge, attach_versions() after it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from generator.annotate.anchor import anchor
from generator.core.errors import Problem, error, quoted_value
from generator.core.model import Annotations, Article, ArticleAnnotation, Block, CleanedArticle, Selector, Span
from generator.core.versions import LostNote, Version
from generator.core.sentences import sentence_around
from generator.ingest.urls import normalise_url, outlet_domain
from generator.ingest.versions import Groups, Member
from generator.link.diff import block_changes

CONTEXT_CHARS = 32  # prefix and suffix of a carried quote, as the W3C selector's context
History = list[tuple[Member, CleanedArticle]]  # oldest first, the shown version last


def split_versions(cleaned: list[CleanedArticle], groups: Groups) -> tuple[list[CleanedArticle], dict[str, History]]:
    """One cleaned article a page (a captured article's latest version, with the outlet and URL its capture
    gives when the page names none), and each captured article's versions."""
    by_path = {article.source: article for article in cleaned}
    histories: dict[str, History] = {}
    shown_for: dict[str, CleanedArticle] = {}
    for article_id, members in groups.members.items():
        history = [(m, by_path[m.document.path]) for m in members if m.document.path in by_path]
        if not history:
            continue
        histories[article_id] = history
        member, latest = history[-1]
        url = next((m.url for m, _ in reversed(history) if m.url), None)
        if url:
            latest = replace(latest, outlet=latest.outlet or outlet_domain(url), url=latest.url or normalise_url(url))
        shown_for[article_id] = latest
    in_groups = {m.document.path for members in groups.members.values() for m in members}
    shown = [a for a in cleaned if a.source not in in_groups]
    return shown + [shown_for[i] for i in histories], histories


def carry_annotations(annotations: Annotations, histories: dict[str, History]
                      ) -> tuple[Annotations, dict[str, tuple[LostNote, ...]], list[Problem]]:
    """Each captured article's annotation with its quotes carried from the version it names (version:) to the
    shown one; the notes and fact links whose passage the shown version no longer holds, left out of the
    annotation (the merge would call them orphans) and kept as lost notes."""
    articles = dict(annotations.articles)
    lost: dict[str, tuple[LostNote, ...]] = {}
    problems: list[Problem] = []
    for article_id, history in histories.items():
        note = articles.get(article_id)
        if note is None or len(history) < 2:
            continue
        written = _written_against(note, history, problems)
        if written is None:  # its error is reported: anchoring the quotes in some version would only add orphans
            articles[article_id] = replace(note, notes=(), facts=(), mentions=(), unlinks=())
            continue
        if written == len(history) - 1:
            continue
        carried, gone = _carried(note, history, written)
        articles[article_id] = carried
        if gone:
            lost[article_id] = gone
    return replace(annotations, articles=articles), lost, problems


def attach_versions(articles: list[Article], histories: dict[str, History],
                    lost: dict[str, tuple[LostNote, ...]]) -> list[Article]:
    """Each captured article with its versions (what changed, how each words its fact links) and lost notes."""
    out = []
    for article in articles:
        history = histories.get(article.id)
        if not history:
            out.append(article)
            continue
        versions, previous = [], None
        gone = [note for note in lost.get(article.id, ()) if note.kind == "fact link"]
        for member, version in history:
            sentences = tuple((f.link.fact_id, _sentence_in(f.link.selector, article.blocks, version.blocks))
                              for f in article.facts) + tuple((note.text, _sentence_of(note.quote, version.blocks))
                                                              for note in gone)
            changes = block_changes([b.text for b in previous.blocks], [b.text for b in version.blocks]) \
                if previous is not None else ()
            title_before = previous.title if previous is not None and previous.title != version.title else None
            versions.append(Version(member.captured, member.source, version.title, changes, title_before, sentences,
                                    member.url))
            previous = version
        out.append(replace(article, versions=tuple(versions), lost=lost.get(article.id, ())))
    return out


def _written_against(note: ArticleAnnotation, history: History, problems: list[Problem]) -> int | None:
    """The index of the version the annotation's quotes were written against (version:, else the latest)."""
    if not note.version:
        return len(history) - 1
    given = note.version.replace(" ", "T").replace("Z", "+00:00")
    named = [i for i, (m, _) in enumerate(history) if m.captured and m.captured.isoformat().startswith(given[:19])
             or (m.captured and len(given) == 10 and m.captured.date().isoformat() == given)]
    if len(named) == 1:
        return named[0]
    listed = ", ".join(_stamp(m.captured) for m, _ in history if m.captured)
    problems.append(error(note.loc, f"version: {quoted_value(note.version)} names {'no capture' if not named else 'several captures'}"
                          f" of this article; give one of its capture times: {listed}"))
    return None


def _carried(note: ArticleAnnotation, history: History, written: int
             ) -> tuple[ArticleAnnotation, tuple[LostNote, ...]]:
    source, shown = history[written][1].blocks, history[-1][1].blocks
    lost: list[LostNote] = []

    def carry(selector: Selector) -> Selector | None:
        """The selector in the shown version's words; the selector itself when it does not anchor where it was
        written (the merge reports it there); None when its passage is gone."""
        span = _span(selector, source)
        if span is None:
            return selector
        return _at(shown, target) if (target := _span(_at(source, span), shown)) is not None else None

    notes, facts = [], []
    for item in note.notes:
        carried = carry(item.selector)
        if carried is None:
            lost.append(LostNote("note", item.selector.quote, item.text, _last_seen(item.selector, history, written),
                                 item.loc))
        else:
            notes.append(replace(item, selector=carried))
    for link in note.facts:
        carried = carry(link.selector)
        if carried is None:
            lost.append(LostNote("fact link", link.selector.quote, link.fact_id,
                                 _last_seen(link.selector, history, written), link.loc))
        else:
            facts.append(replace(link, selector=carried, figure=_carried_figure(link.figure, link.selector.quote,
                                                                                 carried.quote)))
    mentions = [replace(m, selector=s) for m in note.mentions if (s := carry(m.selector)) is not None]
    unlinks = [u if u.selector is None else replace(u, selector=s) for u in note.unlinks
               if u.selector is None or (s := carry(u.selector)) is not None]
    return replace(note, notes=tuple(notes), facts=tuple(facts), mentions=tuple(mentions),
                   unlinks=tuple(unlinks)), tuple(lost)


def _carried_figure(figure: str, quote: str, carried: str) -> str:
    """The figure as the carried quote words it: the words at the same place when the edit kept the quote's
    length in words ("At least 12 people" -> "At least 15 people"), else "" (no figure rather than a stale one)."""
    if not figure or figure in carried:
        return figure
    old, new, wanted = quote.split(), carried.split(), figure.split()
    starts = [i for i in range(len(old) - len(wanted) + 1) if old[i:i + len(wanted)] == wanted]
    if len(old) != len(new) or not starts:
        return ""
    return " ".join(new[starts[0]:starts[0] + len(wanted)])


def _last_seen(selector: Selector, history: History, written: int) -> datetime | None:
    """The last capture from the annotated one on that still holds the passage."""
    seen = history[written][0].captured
    blocks = history[written][1].blocks
    span = _span(selector, blocks)
    for member, version in history[written + 1:]:
        if span is None or _span(_at(blocks, span), version.blocks) is None:
            break
        seen = member.captured
    return seen


def _sentence_in(selector: Selector, shown: tuple[Block, ...], blocks: tuple[Block, ...]) -> str:
    """The sentence of a version that holds the passage a fact link quotes in the shown version ("" if none)."""
    span = _span(selector, shown)
    found = _span(_at(shown, span), blocks) if span is not None else None
    return sentence_around(blocks[found.block].text, found.start, found.end) if found is not None else ""


def _sentence_of(quote: str, blocks: tuple[Block, ...]) -> str:
    """The sentence of a version that holds a lost fact link's quote ("" if none): the shown version does not
    hold it, so the quote is looked for as it was written."""
    found = _span(Selector(quote, "", ""), blocks)
    return sentence_around(blocks[found.block].text, found.start, found.end) if found is not None else ""


def _span(selector: Selector, blocks: tuple[Block, ...]) -> Span | None:
    """Where a version holds the passage: anchored exactly, with its context drifted (the words around it
    changed with the version) or approximately, and no close second place; the carried selector is then
    exact in the shown version, so a narrow choice is not carried silently (the note is lost instead)."""
    result = anchor(selector, blocks)
    return result.span if result.runner_up is None else None


def _at(blocks: tuple[Block, ...], span: Span) -> Selector:
    """The passage at span as a selector, with its context, to find it again in another version."""
    text = blocks[span.block].text
    return Selector(text[span.start:span.end], text[max(0, span.start - CONTEXT_CHARS):span.start],
                    text[span.end:span.end + CONTEXT_CHARS])


def _stamp(moment: datetime | None) -> str:
    return moment.replace(tzinfo=None, microsecond=0).isoformat() + "Z" if moment else "the seed"
