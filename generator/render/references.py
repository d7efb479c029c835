"""Contributor text (a note, an entity's description, a fact's claim) with its [[article:id]], [[entity:id]]
and [[fact:id]] references (core/references.py) as Markdown: each reference becomes its target's title,
linked relative to the page it is on; the text around them stays plain text, escaped. plain_text is the same
without links, for text that is not Markdown."""

from __future__ import annotations

from typing import Iterable

from generator.core.archive import Archive
from generator.core.references import article_id, references
from generator.render import markdown as md
from generator.render import paths


def with_references(text: str, page: str, archive: Archive) -> str:
    out, at = [], 0
    for ref in references(text):
        out.append(md.text(text[at:ref.start]))
        out.append(_link(ref.kind, ref.id, page, archive, ref.label) or md.text(text[ref.start:ref.end]))
        at = ref.end
    out.append(md.text(text[at:]))
    return "".join(out)


def plain_text(text: str, archive: Archive) -> str:
    """text with each reference as the words a reader sees (its label, else its target's title), unlinked: for
    what is not Markdown (a page's meta description, archive.json)."""
    out, at = [], 0
    for ref in references(text):
        out += [text[at:ref.start], ref.label or _title(ref.kind, ref.id, archive) or text[ref.start:ref.end]]
        at = ref.end
    return "".join(out) + text[at:]


def _title(kind: str, written: str, archive: Archive) -> str | None:
    if kind == "article":
        found = article_id(written, archive.articles_by_id)
        return None if found is None else archive.articles_by_id[found].title
    if kind == "entity":
        return archive.entity_names.get(written)
    fact = archive.facts_by_id.get(written)
    return None if fact is None else fact.title


def _link(kind: str, written: str, page: str, archive: Archive, label: str = "") -> str | None:
    """The linked title (or label); None for an id validate reports (a build with errors renders nothing)."""
    if kind == "article":
        found = article_id(written, archive.articles_by_id)
        if found is None:
            return None
        target = archive.articles_by_id[found]
        return md.link(md.text(label or target.title), paths.relative(page, paths.article(target.slug)))
    if kind == "entity":
        name = archive.entity_names.get(written)
        return None if name is None else md.link(md.text(label or name), paths.relative(page, paths.entity(written)))
    fact = archive.facts_by_id.get(written)
    return None if fact is None else md.link(md.text(label or fact.title), paths.relative(page, paths.fact(written)))


def referenced(texts: Iterable[str], archive: Archive) -> tuple:
    """What the references in texts render from (the targets' titles and pages): serve's memo redoes a
    page when one of them changes."""
    return tuple((ref.kind, ref.id, _link(ref.kind, ref.id, "index.md", archive, ref.label)) for text in texts for ref in references(text))
