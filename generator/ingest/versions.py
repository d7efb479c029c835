"""Which sources are versions of one article: the captures of one URL (normalised, ingest/urls.py), and the
text or HTML seed whose annotation names that URL (url:).

Decided after the annotation files are read (a seed's url: is in its file) and before cleaning, which
cleans every version with its article's cleaning: keep/drop.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timezone

from generator.core.model import Annotations, RawDocument
from generator.ingest.read import Sources
from generator.ingest.urls import normalise_url

EARLIEST = datetime.min.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class Member:
    """One version of an article: the document cleaned for it and when it was captured."""

    document: RawDocument
    captured: datetime | None  # None for a seed, which has no capture time: it counts as the earliest
    source: str  # seeds/x.warc.gz#offset=123, or the seed as seeds/ names it
    url: str | None = None  # the URL it was captured at


@dataclass(frozen=True)
class Groups:
    documents: list[RawDocument]  # every source, a capture's id set to its article's
    members: dict[str, tuple[Member, ...]]  # article id -> its versions, oldest first (captured articles only)


def group_versions(sources: Sources, annotations: Annotations) -> Groups:
    """The articles the captures make, each with its versions.

    An article's id is the id of the seed that names its URL (its annotation file is the article's), else the
    id of its URL (ingest/urls.url_article_id). Of several seeds naming one URL, the first by name joins it."""
    by_key: dict[str, list[Member]] = {}
    for capture in sources.captures:
        by_key.setdefault(capture.key, []).append(
            Member(capture.document, capture.captured, f"{capture.warc}#offset={capture.offset}", capture.url))
    seed_of: dict[str, RawDocument] = {}
    captured_paths = {c.document.path for c in sources.captures}
    for document in sources.documents:
        note = annotations.articles.get(document.article_id)
        if document.path in captured_paths or note is None or not note.url:
            continue
        key = normalise_url(note.url)
        if key in by_key and key not in seed_of:
            seed_of[key] = document
    members: dict[str, tuple[Member, ...]] = {}
    renamed: dict = {}
    for key, found in by_key.items():
        seed = seed_of.get(key)
        article_id = seed.article_id if seed else found[0].document.article_id
        versions = ([Member(seed, None, f"seeds/{seed.path.name}")] if seed else []) + [
            replace(m, document=replace(m.document, article_id=article_id)) for m in found]
        versions.sort(key=lambda m: m.captured or EARLIEST)
        members[article_id] = tuple(versions)
        renamed.update({m.document.path: m.document for m in versions})
    return Groups([renamed.get(d.path, d) for d in sources.documents], members)
