"""archive.json: the whole archive as data, for researchers. Documented in docs/data.md."""

from __future__ import annotations

import json

from ..link import EntityIndex
from ..model import Archive
from .fact import figure_verdict, reports_of

FORMAT_VERSION = 1


def archive_json(archive: Archive, index: EntityIndex) -> str:
    articles = archive.articles_by_id
    data = {
        "format": FORMAT_VERSION,
        "articles": [{
            "id": a.id, "page": f"articles/{a.slug}/", "title": a.title, "outlet": a.outlet if a.outlet_known else None,
            "date": a.date.isoformat() if a.date else None, "dateline": a.dateline, "byline": a.byline,
            "tags": list(a.tags), "source": a.cleaned.source.name,
            "paragraphs": [{"anchor": f"p-{i + 1}", "kind": b.kind, "text": b.text} for i, b in enumerate(a.blocks)],
            "notes": [{"paragraph": n.span.block + 1, "start": n.span.start, "end": n.span.end,
                       "quote": a.blocks[n.span.block].text[n.span.start:n.span.end], "note": n.note.text}
                      for n in a.notes],
            "removed": [{"line": r.line_no, "text": r.text, "rule": r.rule} for r in a.cleaned.removals],
        } for a in archive.articles],
        "entities": [{
            "id": e.id, "page": f"entities/{e.id}/", "name": e.name, "type": e.type, "aliases": list(e.aliases),
            "description": e.description, "wikidata": e.wikidata,
            "mentions": len(index.by_entity.get(e.id, [])),
        } for e in archive.entities],
        "mentions": [{"entity": m.entity_id, "article": m.article_id, "paragraph": m.span.block + 1,
                      "start": m.span.start, "end": m.span.end, "text": m.text} for m in archive.mentions],
        "facts": [{
            "id": f.id, "page": f"facts/{f.id}/", "title": f.title, "claim": f.claim,
            "figures": figure_verdict(reports_of(f, archive))[0],
            "evidence": [{"title": e.title, "url": e.url, "article": e.article} for e in f.evidence],
            "reports": [{"article": a.id, "outlet": a.outlet if a.outlet_known else None, "date": a.date.isoformat() if a.date else None,
                         "paragraph": link.span.block + 1, "sentence": link.sentence, "figure": link.link.figure}
                        for a, link in reports_of(f, archive)],
        } for f in archive.facts],
        "shared_passages": [{
            "articles": [r.article_a, r.article_b], "similarity": r.similarity,
            "passages": [{
                r.article_a: articles[r.article_a].blocks[p.span_a.block].text[p.span_a.start:p.span_a.end],
                r.article_b: articles[r.article_b].blocks[p.span_b.block].text[p.span_b.start:p.span_b.end],
                "similarity": p.similarity,
            } for p in r.passages],
        } for r in archive.related],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"  # compact: it grows with the archive
