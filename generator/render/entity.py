"""The entity page: who or what it is, and every mention in the archive in its sentence."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from generator.core.archive import Archive
from generator.core.model import Article, Entity, Mention
from generator.link.mentions import EntityIndex
from generator.render import markdown as md
from generator.render import paths
from generator.render.article import block_anchor
from generator.render.aside import entity_aside
from generator.render.charts.entities import neighbourhood, sparkline
from generator.render.quotes import quoted
from generator.render.references import plain_text, with_references
from generator.render.timeline import month_key, month_label

TYPE_LABELS = {"person": "Person", "organisation": "Organisation", "place": "Place", "event": "Event"}
CO_MENTIONS_SHOWN = 10
MENTION_ARTICLES_SHOWN = 50  # articles whose mention sentences an entity page quotes; older ones are listed


def render_entity(entity: Entity, archive: Archive, index: EntityIndex, articles: dict[str, Article]) -> str:
    page = paths.entity(entity.id)
    mentions = index.by_entity.get(entity.id, [])
    co = index.cooccurrence.get(entity.id)
    out = [md.front_matter(title=entity.name, description=plain_text(entity.description, archive) or None),
           md.heading(1, entity.name), "",  # the box after the title, as an article's (render/article.py)
           *entity_aside(entity, TYPE_LABELS.get(entity.type, entity.type), archive, co or {}, len(mentions),
                         len({m.article_id for m in mentions}), page)]
    meta = [TYPE_LABELS.get(entity.type, entity.type)]
    if entity.wikidata:
        meta.append(f"[Wikidata {entity.wikidata}](https://www.wikidata.org/wiki/{entity.wikidata})")
    out += [" · ".join(meta), "{: .entity-meta }", ""]
    if entity.description:
        out += [with_references(entity.description, page, archive), ""]
    if entity.aliases:
        out += ["Also written: " + ", ".join(f"*{md.text(a)}*" for a in entity.aliases), ""]

    by_article: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_article[mention.article_id].append(mention)
    ordered = sorted(by_article, key=lambda a: (articles[a].date is None, articles[a].date, articles[a].title))
    if not ordered:
        out += ["No article of the archive mentions this entity yet.", ""]
    else:
        dated = [articles[a].date for a in ordered if articles[a].date]
        span = f", first on {md.format_date(dated[0])}, last on {md.format_date(dated[-1])}" if dated else ""
        out += [f"Mentioned **{len(mentions)}** {'time' if len(mentions) == 1 else 'times'} in "
                f"**{len(ordered)}** {'article' if len(ordered) == 1 else 'articles'}{span}.", "",
                sparkline(entity.name, mentions, articles, "chart-mentions")]
        out += ["## Mentions { #mentions data-search-exclude }", ""]
        if len(ordered) > MENTION_ARTICLES_SHOWN:  # a bounded page: sentences for the latest, links for the rest
            out += [f"The {MENTION_ARTICLES_SHOWN} latest articles, each mention in its sentence; "
                    f"[all {len(ordered)} articles by month](#all-articles) below.", ""]
        for article_id in ordered[-MENTION_ARTICLES_SHOWN:]:
            article = articles[article_id]
            target = paths.relative(page, paths.article(article.slug))
            out += [f"### {md.link(md.text(article.title), target)} {{ #in-{article.slug} data-search-exclude }}", "",
                    f"{md.text(article.outlet)} · {md.format_date(article.date)}", "{: .mention-source }", ""]
            for sentence_markdown, block in _mention_sentences(article, by_article[article_id],
                                                               index.sentences[article_id]):
                anchor_link = md.link(f"¶ {block + 1}", paths.relative(page, paths.article(article.slug),
                                                                      block_anchor(block)))
                out.append(f"- {sentence_markdown} {anchor_link}")
            out.append("")
        if len(ordered) > MENTION_ARTICLES_SHOWN:
            out += _by_month(page, [articles[a] for a in ordered[:-MENTION_ARTICLES_SHOWN]])
        out += _timeline(mentions, articles)
    if co:
        names = archive.entity_names
        out += ["## Often mentioned with { #often-with data-search-exclude }", "",
                neighbourhood(entity.id, entity.name, co, names, page, "chart-neighbours")]
        for other, count in sorted(co.items(), key=lambda kv: (-kv[1], names[kv[0]]))[:CO_MENTIONS_SHOWN]:
            out.append(f"- {md.link(md.text(names[other]), paths.relative(page, paths.entity(other)))}"
                       f" — {count} shared {'sentence' if count == 1 else 'sentences'}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _mention_sentences(article: Article, mentions: list[Mention],
                       sentences: Sequence[Sequence[tuple[int, int]]]) -> list[tuple[str, int]]:
    """One line per sentence that mentions the entity, quoted, each mention in it highlighted.

    sentences are the article's sentence spans a block, split once by link.link."""
    grouped: dict[tuple[int, int, int], list[Mention]] = defaultdict(list)
    for mention in sorted(mentions, key=lambda m: (m.span.block, m.span.start)):
        text = article.blocks[mention.span.block].text
        start, end = next(((s, e) for s, e in sentences[mention.span.block] if s <= mention.span.start < e),
                          (0, len(text)))
        grouped[(mention.span.block, start, end)].append(mention)
    lines = []
    for (block, start, end), in_sentence in grouped.items():
        text = article.blocks[block].text
        cursor, parts = start, []
        for mention in in_sentence:
            parts.append(md.text(text[cursor:mention.span.start]))
            parts.append(f"<mark>{md.text(mention.text)}</mark>")
            cursor = mention.span.end
        parts.append(md.text(text[cursor:end]))
        lines.append((quoted(text[start:end], "".join(parts).strip()), block))
    return lines


def _timeline(mentions: list[Mention], articles: dict[str, Article]) -> list[str]:
    """Mentions per publication day: when the coverage talked about this entity."""
    per_day: dict[object, list[Mention]] = defaultdict(list)
    for mention in mentions:
        per_day[articles[mention.article_id].date].append(mention)
    dated = sorted(d for d in per_day if d is not None)
    if not dated:
        return []
    out = ["## Timeline { #timeline data-search-exclude }", "", "| Date | Mentions | Articles |", "|---|---:|---:|"]
    for day in dated:
        out.append(f"| {md.format_date(day)} | {len(per_day[day])} | {len({m.article_id for m in per_day[day]})} |")
    return out + [""]


def _by_month(page: str, older: list[Article]) -> list[str]:
    """The older articles as one link each, under a heading a month, so no list grows without bound."""
    out = ["## All earlier articles { #all-articles data-search-exclude }", ""]
    month = None
    for article in older:
        key = month_key(article.date)
        if key != month:
            month = key
            out += ["", f"### {month_label(key)} {{ #month-{key} data-search-exclude }}", ""]
        out.append(f"- {md.format_date(article.date)} · "
                   f"{md.link(md.text(article.title), paths.relative(page, paths.article(article.slug)))}")
    return out + [""]
