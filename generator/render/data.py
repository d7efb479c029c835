"""archive.json: the whole archive as data, for researchers. Documented in docs/data.md."""

from __future__ import annotations

import json
from collections import Counter

from generator.core.archive import Archive
from generator.core.model import Article, Entity, Fact, Mention, Related
from generator.link.mentions import EntityIndex
from generator.render.fact import figure_verdict, reports_of
from generator.render.references import plain_text
from generator.render.versions import revisions
from generator.runtime.memo import NO_MEMO, Memo

FORMAT_VERSION = 1


def archive_json(archive: Archive, index: EntityIndex, memo: Memo = NO_MEMO) -> bytes:
    """Compact UTF-8 JSON with sorted keys, assembled from one serialised piece per item: never the whole
    archive as one tree of dicts in memory, and with a memo (serve) an edit re-serialises only what it touched."""
    articles = archive.articles_by_id
    pieces, mention_pieces = memo.table("json articles"), memo.table("json mentions")
    by_article = index.by_article
    parts = {
        "articles": [pieces.get(a.id, a, lambda: _json(_article(a))) for a in archive.articles],
        "entities": [_json(_entity(e, len(index.by_entity.get(e.id, [])), archive)) for e in archive.entities],
        "facts": [_json(_fact(f, archive)) for f in archive.facts],
        "mentions": [piece for piece in (mention_pieces.get(a.id, tuple(by_article.get(a.id, [])),
                                                            lambda: _mentions_json(by_article.get(a.id, [])))
                                         for a in archive.articles) if piece],
        "shared_passages": [_json(_related(r, articles)) for r in archive.related],
    }
    for table in (pieces, mention_pieces):
        table.forget_others(set(articles))
    fields: dict[str, list[bytes]] = {key: [b"[", *_separated(items), b"]"] for key, items in parts.items()}
    fields["format"] = [str(FORMAT_VERSION).encode()]
    out: list[bytes] = []
    for key in sorted(fields):  # as sort_keys would order them
        out += [b"," if out else b"{", f'"{key}":'.encode(), *fields[key]]
    return b"".join(out + [b"}\n"])  # one copy of the pieces, never two


def _separated(items: list[bytes]) -> list[bytes]:
    out: list[bytes] = []
    for item in items:
        out += [b",", item] if out else [item]
    return out


def _mentions_json(mentions: list[Mention]) -> bytes:
    """An article's mentions, comma-separated: one list serialised, its brackets cut (one call, not one each)."""
    return _json([_mention(m) for m in mentions])[1:-1]


def _json(item: dict | list) -> bytes:
    return json.dumps(item, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def _article(a: Article) -> dict:
    return {
        "id": a.id, "page": f"articles/{a.slug}/", "title": a.title, "outlet": a.outlet if a.outlet_known else None,
        "date": a.date.isoformat() if a.date else None, "dateline": a.dateline, "byline": a.byline,
        "tags": list(a.tags), "url": a.url, "source": a.cleaned.source.name,
        "paragraphs": [{"anchor": f"p-{i + 1}", "kind": b.kind, "text": b.text} for i, b in enumerate(a.blocks)],
        "notes": [{"paragraph": n.span.block + 1, "start": n.span.start, "end": n.span.end,
                   "quote": a.blocks[n.span.block].text[n.span.start:n.span.end], "note": n.note.text}
                  for n in a.notes],
        "removed": [{"line": r.line_no, "text": r.text, "rule": r.rule} for r in a.cleaned.removals],
        "versions": _versions(a),
        "lost_notes": [{"kind": n.kind, "quote": n.quote, "text": n.text,
                        "last_seen": n.last_seen.isoformat() if n.last_seen else None} for n in a.lost],
    }


def _versions(a: Article) -> list[dict]:
    """Each capture of a captured article, oldest first ([] for an article read once): what a researcher needs
    to follow a report's revisions without diffing the pages, the figures revised as the fact pages list them."""
    revised = revisions(a)
    out = []
    for number, v in enumerate(a.versions, start=1):
        counts = Counter(c.kind for c in v.changes)
        out.append({
            "number": number, "captured": v.captured.isoformat() if v.captured else None, "url": v.url,
            "source": v.source, "title": v.title, "title_before": v.title_before, "shown": number == len(a.versions),
            "paragraphs": {kind: counts.get(kind, 0) for kind in ("added", "removed", "edited")},
            "revised_figures": [{"fact": r.fact_id, "before": r.before, "after": r.after or None,
                                 "removed": r.removed} for r in revised if r.version == number],
        })
    return out


def _entity(e: Entity, mentions: int, archive: Archive) -> dict:
    return {"id": e.id, "page": f"entities/{e.id}/", "name": e.name, "type": e.type, "aliases": list(e.aliases),
            "description": plain_text(e.description, archive), "wikidata": e.wikidata, "mentions": mentions}


def _mention(m: Mention) -> dict:
    return {"entity": m.entity_id, "article": m.article_id, "paragraph": m.span.block + 1,
            "start": m.span.start, "end": m.span.end, "text": m.text}


def _fact(f: Fact, archive: Archive) -> dict:
    return {
        "id": f.id, "page": f"facts/{f.id}/", "title": f.title, "claim": plain_text(f.claim, archive),
        "figures": figure_verdict(reports_of(f, archive))[0],
        "evidence": [{"title": e.title, "url": e.url, "article": e.article} for e in f.evidence],
        "reports": [{"article": a.id, "outlet": a.outlet if a.outlet_known else None,
                     "date": a.date.isoformat() if a.date else None,
                     "paragraph": link.span.block + 1, "sentence": link.sentence, "figure": link.link.figure}
                    for a, link in reports_of(f, archive)],
    }


def _related(r: Related, articles: dict[str, Article]) -> dict:
    return {
        "articles": [r.article_a, r.article_b], "similarity": r.similarity,
        "passages": [{
            r.article_a: articles[r.article_a].blocks[p.span_a.block].text[p.span_a.start:p.span_a.end],
            r.article_b: articles[r.article_b].blocks[p.span_b.block].text[p.span_b.start:p.span_b.end],
            "similarity": p.similarity,
        } for p in r.passages],
    }
