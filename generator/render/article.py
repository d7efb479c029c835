"""The article page: metadata, the cleaned text with entities linked, notes and fact links marked."""

from __future__ import annotations

from collections import defaultdict

from generator.core.archive import Archive
from generator.core.model import Article, Mention, Related
from generator.core.references import REFERENCE
from generator.render import markdown as md
from generator.render import paths
from generator.render.markdown import Marked
from generator.render.aside import article_aside, tag_labels
from generator.render.neighbours import neighbours_section, same_event_section
from generator.render.quotes import quoted
from generator.render.versions import capture_time, versions_section
from generator.render.references import plain_text, with_references


def block_anchor(block_index: int) -> str:
    return f"p-{block_index + 1}"


def note_anchor(number: int) -> str:
    return f"note-{number}"


SCHEMA_TYPES = {"person": "Person", "organisation": "Organization", "place": "Place", "event": "Event"}

# The search index is one JSON file every reader's browser downloads and indexes whole; Material's
# users report tens of MB freezing tabs. Articles share this many characters of indexed text: a small
# archive is searchable in full, a large one by each article's lead (never less than its first paragraph).
SEARCH_TEXT_BUDGET = 8_000_000


def search_allowance(article_count: int) -> int:
    """Characters of each article's text that go into the search index."""
    return SEARCH_TEXT_BUDGET // max(1, article_count)


def render_article(article: Article, archive: Archive, mentions: list[Mention], related: list[Related],
                   articles: dict[str, Article], search_chars: int = SEARCH_TEXT_BUDGET,
                   disagreeing: frozenset[str] = frozenset()) -> str:
    """disagreeing: the facts whose figures disagree across the archive (render.home.verdicts), badged in the box."""
    page = paths.article(article.slug)
    # The article's own words in its language, for screen readers and hyphenation; the page around them is English.
    lang = f' lang="{article.cleaned.language}"' if article.cleaned.language not in (None, SITE_LANGUAGE) else ""
    out = _header(article, archive, page, related, articles, lang)
    # After the title, not before it: Material's search plugin opens a section of its own for anything before the
    # first heading, so a box there gave every article an empty search entry besides its title's, which then
    # carried the heading's anchor in its location.
    out[3:3] = article_aside(article, archive, mentions, page, disagreeing)
    marks_in, notes_after = _marks(article, archive, page)
    out += _body(article, archive, page, _first_mentions(mentions), marks_in, notes_after,
                 _entity_titles(archive, {m.entity_id for m in mentions}), lang, search_chars)
    out += _facts_section(article, archive, page)
    out += _related_section(article, related, articles, page)
    out += same_event_section(article, archive, page)
    out += neighbours_section(article, archive, page)
    out += versions_section(article)
    out += _removed_section(article)
    out += [md.json_ld(structured_data(article, archive, mentions)), ""]
    return "\n".join(out).rstrip() + "\n"


def _header(article: Article, archive: Archive, page: str, related: list[Related], articles: dict[str, Article],
            lang: str) -> list[str]:
    """Front matter, title, the line of metadata, tags and who else reported it."""
    out = [md.front_matter(title=article.title, description=f"{article.outlet}, {md.format_date(article.date)}"),
           md.heading(1, article.title) + (f" {{{lang} }}" if lang else ""), ""]
    outlet = (md.link(md.text(article.outlet), paths.relative(page, paths.outlet(article.outlet)))
              if article.outlet_known else md.text(article.outlet))
    meta = [outlet, md.format_date(article.date)]
    if article.dateline:
        meta.append(md.text(article.dateline))
    if article.byline:
        meta.append("By " + md.text(article.byline))
    if article.url:
        meta.append(md.link("Original", f"<{article.url}>"))
    if article.versions and article.versions[-1].captured:  # capture time, not publication: see the versions
        captured = f"captured {capture_time(article.versions[-1].captured)}"
        meta.append(md.link(captured, "#versions") if len(article.versions) > 1 or article.lost else captured)
    out += [" · ".join(meta), "{: .article-meta }", ""]
    if article.tags:  # by their labels in annotations/tags.yml, where it has them
        labels = tag_labels(article.tags, archive)
        tags = ", ".join(md.link(md.text(labels[t]), paths.relative(page, paths.tag(t))) for t in article.tags)
        out += [f"Tags: {tags}", "{: .article-tags }", ""]
    if related:
        others = ", ".join(_other_link(page, r, article.id, articles) for r in related)
        out += [f"Also reported by: {others} — see [related coverage](#related-coverage).", "{: .also-reported }", ""]
    return out


def _first_mentions(mentions: list[Mention]) -> dict[int, list[Mention]]:
    """Each paragraph's mentions that are links: only an entity's first in the paragraph (a dense paragraph
    underlined at every name reads heavily, and the first link already leads to the entity)."""
    mentions_in: dict[int, list[Mention]] = defaultdict(list)
    linked: set[tuple[int, str]] = set()
    for mention in sorted(mentions, key=lambda m: (m.span.block, m.span.start)):
        if (mention.span.block, mention.entity_id) not in linked:
            linked.add((mention.span.block, mention.entity_id))
            mentions_in[mention.span.block].append(mention)
    return mentions_in


def _marks(article: Article, archive: Archive, page: str
           ) -> tuple[dict[int, list[Marked]], dict[int, list[tuple[int, str, str]]]]:
    """Each paragraph's highlighted notes and fact claims, and the notes shown after it (number, quote, text)."""
    marks_in: dict[int, list[Marked]] = defaultdict(list)
    notes_after: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for number, anchored in enumerate(sorted(article.notes, key=lambda n: (n.span.block, n.span.start)), start=1):
        span = anchored.span
        marks_in[span.block].append(Marked(
            span.start, span.end, f'<mark class="annotated" title="{md.attr(_note_hover(number, anchored.note.text))}">', "</mark>",
            f'<sup class="note-ref" data-search-exclude>{md.link(str(number), "#" + note_anchor(number))}</sup>'))
        passage = article.blocks[span.block].text[span.start:span.end]
        notes_after[span.block].append((number, passage, anchored.note.text))
    for anchored in article.facts:
        span, fact = anchored.span, archive.facts_by_id.get(anchored.link.fact_id)
        label = md.attr(fact.title if fact else anchored.link.fact_id)
        marks_in[span.block].append(Marked(
            span.start, span.end, f'<span class="fact-claim" title="Fact: {label}">', "</span>",
            f'<sup class="fact-ref" data-search-exclude>{md.link("fact", paths.relative(page, paths.fact(anchored.link.fact_id)))}</sup>'))
    return marks_in, notes_after


def _body(article: Article, archive: Archive, page: str, mentions_in: dict[int, list[Mention]],
          marks_in: dict[int, list[Marked]], notes_after: dict[int, list[tuple[int, str, str]]],
          titles: dict[str, str], lang: str, search_chars: int) -> list[str]:
    """The paragraphs and headings, each with its anchor, and each note after its paragraph."""
    out: list[str] = []
    indexed, lead_ended = 0, False  # characters indexed so far; the indexed lead is one unbroken run
    for b, block in enumerate(article.blocks):
        body = inline(block.text, mentions_in[b], marks_in[b], page, titles)
        if block.kind == "heading":
            label = "".join(ch for ch in block.text if ch not in '"{}<>&\\')
            out += [f'## {body} {{ #{block_anchor(b)} data-toc-label="{label}"{lang} }}', ""]
        else:
            lead_ended = lead_ended or (indexed > 0 and indexed + len(block.text) > search_chars)
            indexed += len(block.text)
            searched = not lead_ended
            out += [body, f"{{: #{block_anchor(b)}{'' if searched else ' data-search-exclude'}{lang} }}", ""]
        for number, passage, note in notes_after[b]:
            out += [f'<div class="admonition note annotation-note" id="{note_anchor(number)}" markdown>', "",
                    f"Note {number} · on “{md.text(_shorten(passage))}”"
                    # phones show a note's title only (archive.css): these open it and close it again
                    f'<a class="note-open" data-search-exclude="true" href="#{note_anchor(number)}">show</a>'
                    f'<a class="note-close" data-search-exclude="true" href="#{block_anchor(b)}">hide</a>',
                    "{: .admonition-title }", "",
                    with_references(note, page, archive), "", "</div>", ""]
    return out


SITE_LANGUAGE = "en"  # the language of the pages' own words ("Also reported by", "Tags"), as mkdocs.yml sets it


def structured_data(article: Article, archive: Archive, mentions: list[Mention]) -> dict[str, object]:
    """schema.org NewsArticle: what search engines and researchers' tools read from the page."""
    positions = archive.entity_positions
    in_registry_order = sorted(positions[entity_id] for entity_id in {m.entity_id for m in mentions}
                               if entity_id in positions)
    data: dict = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "identifier": article.id,
        "mentions": [_entity_ld(archive.entities[position]) for position in in_registry_order],
    }
    if article.outlet_known:
        data["publisher"] = {"@type": "Organization", "name": article.outlet}
    if article.date:
        data["datePublished"] = article.date.isoformat()
    if article.byline:
        data["author"] = {"@type": "Person", "name": article.byline}
    if article.dateline:
        data["locationCreated"] = {"@type": "Place", "name": article.dateline}
    if article.tags:
        data["keywords"] = list(article.tags)
    if article.url:
        data["url"] = article.url
    if article.cleaned.language:
        data["inLanguage"] = article.cleaned.language
    return data


def _entity_ld(entity) -> dict:
    item = {"@type": SCHEMA_TYPES.get(entity.type, "Thing"), "name": entity.name}
    if entity.wikidata:
        item["sameAs"] = f"https://www.wikidata.org/wiki/{entity.wikidata}"
    return item


def _other(relation: Related, article_id: str) -> str:
    return relation.article_b if relation.article_a == article_id else relation.article_a


def _other_link(page: str, relation: Related, article_id: str, articles: dict[str, Article]) -> str:
    other = articles[_other(relation, article_id)]
    outlet = f" ({md.text(other.outlet)})" if other.outlet_known else ""  # an unknown one: said in the section below
    return f"{md.link(md.text(other.title), paths.relative(page, paths.article(other.slug)))}{outlet}"


def _related_section(article: Article, related: list[Related], articles: dict[str, Article], page: str) -> list[str]:
    if not related:
        return []
    out = ["## Related coverage { #related-coverage data-search-exclude }", "",
           "Articles that share passages with this one, verbatim or nearly: often rewrites of one wire story. "
           "The score is the share of three-word sequences the two articles have in common.", ""]
    for relation in related:
        other = articles[_other(relation, article.id)]
        mine_first = relation.article_a == article.id
        out += [f"### {md.text(other.title)} {{ #related-{other.slug} data-search-exclude }}", "",
                f"{md.link('Open the article', paths.relative(page, paths.article(other.slug)))} · "
                f"{md.text(other.outlet)} · {md.format_date(other.date)} · similarity "
                f"**{relation.similarity:.0%}** · {len(relation.passages)} shared passages", ""]
        for passage in relation.passages:
            mine, theirs = ((passage.span_a, passage.span_b) if mine_first else (passage.span_b, passage.span_a))
            here = article.blocks[mine.block].text[mine.start:mine.end]
            there = other.blocks[theirs.block].text[theirs.start:theirs.end]
            there_link = md.link(f"¶ {theirs.block + 1}", paths.relative(page, paths.article(other.slug),
                                                                       block_anchor(theirs.block)))
            out += [f"- Here ({md.link(f'¶ {mine.block + 1}', '#' + block_anchor(mine.block))}): "
                    f"{quoted(here)}  ", f"  There ({there_link}): {quoted(there)}"]
        out.append("")
    return out


def inline(value: str, mentions: list[Mention], marks: list[Marked], page: str,
           titles: dict[str, str] | None = None) -> str:
    """Markdown for one paragraph: marks cut where they overlap so tags nest, entity links inside them."""
    cuts = sorted({0, len(value)} | {m.start for m in marks} | {m.end for m in marks})
    pieces: list[str] = []
    for start, end in zip(cuts, cuts[1:]):
        content = _linked_text(value, start, end, mentions, page, titles or {})
        for mark in (m for m in marks if m.start <= start and end <= m.end):
            content = mark.open_tag + content + mark.close_tag
        pieces.append(content)
        pieces.extend(m.after for m in marks if m.end == end)
    return "".join(pieces)


def _linked_text(value: str, start: int, end: int, mentions: list[Mention], page: str,
                 titles: dict[str, str]) -> str:
    parts, cursor = [], start
    for mention in sorted(mentions, key=lambda m: m.span.start):
        m_start, m_end = max(mention.span.start, start), min(mention.span.end, end)
        if m_start >= m_end or m_start < cursor:
            continue
        parts.append(md.text(value[cursor:m_start]))
        target = paths.relative(page, paths.entity(mention.entity_id))
        title = titles.get(mention.entity_id)
        attrs = f' title="{md.attr_list_value(title)}"' if title else ""
        parts.append(md.link(md.text(value[m_start:m_end]), target) + f"{{: .entity-link{attrs} }}")
        cursor = m_end
    parts.append(md.text(value[cursor:end]))
    return "".join(parts)


def _entity_titles(archive: Archive, entity_ids: set[str]) -> dict[str, str]:
    """Entity id -> its hover text: the type, and the description's first words."""
    positions, titles = archive.entity_positions, {}
    for entity_id in entity_ids:
        if entity_id in positions:
            entity = archive.entities[positions[entity_id]]
            kind = entity.type.capitalize()
            titles[entity_id] = (f"{kind}: {md.hover(plain_text(entity.description, archive), 120)}"
                                 if entity.description else kind)
    return titles


def _note_hover(number: int, note: str) -> str:
    """The note's first words (a [[kind:id|words]] reference as its words or id), so a reader sees what the
    note is about before jumping to it."""
    words = REFERENCE.sub(lambda m: m.group(3) or m.group(2), note)
    return f"Note {number}: {md.hover(words)}" if words.strip() else f"Note {number}"


def _facts_section(article: Article, archive: Archive, page: str) -> list[str]:
    if not article.facts:
        return []
    facts_by_id = archive.facts_by_id
    out = ["## Facts reported here { #facts-reported data-search-exclude }", ""]
    for anchored in sorted(article.facts, key=lambda f: (f.span.block, f.span.start)):
        fact = facts_by_id.get(anchored.link.fact_id)
        title = fact.title if fact else anchored.link.fact_id
        figure = f" — figure given: **{md.text(anchored.link.figure)}**" if anchored.link.figure else ""
        out.append(f"- {md.link(md.text(title), paths.relative(page, paths.fact(anchored.link.fact_id)))}{figure} "
                   f"({md.link('¶ ' + str(anchored.span.block + 1), '#' + block_anchor(anchored.span.block))})")
    return out + [""]


def _removed_section(article: Article) -> list[str]:
    removals = article.cleaned.removals
    if not removals:
        return []
    out = ["## Cleaning record { #cleaning-record data-search-exclude }", "",
           f'??? info "What cleaning removed ({len(removals)} {"line" if len(removals) == 1 else "lines"})"', ""]
    for removal in removals:
        why = f" ({md.text(removal.reason)})" if removal.reason else ""  # what the rule saw: an element, a score
        out.append(f"    - line {removal.line_no}, *{md.text(removal.rule)}*{why}: {quoted(removal.text)}")
    return out + [""]


def _shorten(value: str, limit: int = 60) -> str:
    value = value.strip("“”\"‘’' ")
    return value if len(value) <= limit else value[:limit].rsplit(" ", 1)[0] + "…"
