"""The linked archive: every article, entity, fact and mention, and the lookups pages ask for, built once.
link/ makes it; render/ and check/ read it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from generator.core.events import SameEvent, same_event
from generator.core.model import AnchoredFact, Article, Entity, Fact, Mention, Related, Tag
from generator.core.neighbours import Neighbours
from generator.core.neighbours import neighbours as neighbours_by_date


@dataclass(frozen=True)
class Archive:
    """Everything the renderer needs, fully resolved."""

    articles: tuple[Article, ...]
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]
    mentions: tuple[Mention, ...]
    related: tuple[Related, ...] = ()
    tags: tuple[Tag, ...] = ()  # the vocabulary of annotations/tags.yml, if any (labels, descriptions)
    # article id -> each block's sentence spans (link finds them once); a dict, so left out of the hash
    sentences: dict[str, list[tuple[tuple[int, int], ...]]] = field(default_factory=dict, hash=False)
    skipped_records: tuple[tuple[str, int], ...] = ()  # (why, how many) web-archive records that are no article

    # Lookups built once and kept (cached_property writes the instance's __dict__, frozen or not), so a
    # renderer asking for them once a page stays linear in the size of the archive.
    @cached_property
    def articles_by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}

    @cached_property
    def facts_by_id(self) -> dict[str, Fact]:
        return {f.id: f for f in self.facts}

    @cached_property
    def entity_names(self) -> dict[str, str]:
        return {e.id: e.name for e in self.entities}

    @cached_property
    def entity_positions(self) -> dict[str, int]:
        """Entity id -> its place in the registry: a page lists the few entities it names in registry order
        without walking all of them (article pages x entities would be quadratic)."""
        return {e.id: i for i, e in enumerate(self.entities)}

    @cached_property
    def fact_links(self) -> dict[str, list[tuple[Article, AnchoredFact]]]:
        """Fact id -> every (article, anchored link) that reports it, in archive order."""
        links: dict[str, list[tuple[Article, AnchoredFact]]] = {}
        for article in self.articles:
            for anchored in article.facts:
                links.setdefault(anchored.link.fact_id, []).append((article, anchored))
        return links

    @cached_property
    def related_by_article(self) -> dict[str, list[Related]]:
        """Article id -> its related-coverage pairs, whichever side of the pair it is on."""
        related: dict[str, list[Related]] = {}
        for relation in self.related:
            related.setdefault(relation.article_a, []).append(relation)
            related.setdefault(relation.article_b, []).append(relation)
        return related

    @cached_property
    def neighbours(self) -> dict[str, Neighbours]:
        """Article id -> the articles before and after it by date and others of its day (core.neighbours)."""
        return neighbours_by_date(self.articles)

    @cached_property
    def same_event(self) -> dict[str, tuple[SameEvent, ...]]:
        """Article id -> other articles of its event: near in date, sharing facts or rare entities (core.events)."""
        entities: dict[str, list[str]] = {}
        for mention in self.mentions:
            entities.setdefault(mention.article_id, []).append(mention.entity_id)
        return same_event(self.articles, entities, {a.id: [f.link.fact_id for f in a.facts] for a in self.articles})
