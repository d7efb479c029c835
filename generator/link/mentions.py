"""Find every entity mention in every article in one pass, and index them by entity.

All names and aliases go into one regular expression shaped as a trie, so the
text is scanned once whatever the number of entities, and at each position the
longest name wins. Matches never overlap, so nothing is linked inside a span
that is already linked.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial

from generator.core.archive import Archive
from generator.core.model import Article, Entity, Fact, Mention, Span, Tag
from generator.core.sentences import sentence_spans
from generator.link.related import SentenceSamples, find_related, sentence_samples
from generator.runtime import parallel
from generator.runtime.memo import NO_MEMO, Memo


class EntityMatcher:
    def __init__(self, entities: Iterable[Entity]):
        self.owner: dict[str, str] = {}
        self.one_word_person_names: set[str] = set()
        for entity in entities:
            for name in entity.names:
                self.owner.setdefault(name, entity.id)
                if entity.type == "person" and " " not in name and self.owner[name] == entity.id:
                    self.one_word_person_names.add(name)
        body = _trie_pattern(sorted(self.owner)) if self.owner else r"(?!x)x"
        self.pattern = re.compile(r"(?<!\w)(?:" + body + r")(?!\w)")

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """(entity id, start, end) for each mention, left to right, never overlapping.

        A person's one-word name (a surname as alias) followed by a capitalised word is not a mention: it is
        part of another person's name ("Abbas" in "Abbas Kamel"). A wrong link that slips through is taken out
        by the article's annotation (unlink:)."""
        return [(self.owner[m.group(0)], m.start(), m.end()) for m in self.pattern.finditer(text)
                if m.group(0) not in self.one_word_person_names or not _followed_by_a_name(text, m.end())]


def _followed_by_a_name(text: str, end: int) -> bool:
    """A space, then a capitalised word (an upper-case letter, then a lower-case one)."""
    return text[end:end + 1] == " " and text[end + 1:end + 2].isupper() and text[end + 2:end + 3].islower()


def _trie_pattern(words: list[str]) -> str:
    """A regex equivalent to words joined by '|', but factored so matching is one pass."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True
    return _node_pattern(trie)


def _node_pattern(node: dict) -> str:
    ends_here = "" in node
    branches = [re.escape(ch) + _node_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:  # greedy optional: try the longer name first, fall back to the shorter one
        return "(?:" + body + ")?" if len(branches) == 1 else body + "?"
    return body


def find_mentions(articles: Sequence[Article], entities: Iterable[Entity], memo: Memo = NO_MEMO,
                  workers: int | None = None, meanwhile: Callable[[], None] = lambda: None) -> list[Mention]:
    """Names found by the matcher, plus the passages annotated by hand; a hand-made one wins where they overlap.
    meanwhile: work for this process while the workers find them (parallel.map_indexed)."""
    entities = tuple(entities)
    found_before = memo.table("mentions", tuple((e.id, e.names, e.type) for e in entities))  # all matching reads
    inputs = [(article.blocks, article.extra_mentions, article.unlinked) for article in articles]
    stale = any(not found_before.known(a.id, inputs[i]) for i, a in enumerate(articles))
    matcher = EntityMatcher(entities) if stale else None  # building the pattern is the cost of a warm build
    found = parallel.map_unless_known(found_before, [a.id for a in articles], inputs, _mentions_nth,
                                      _Matching(articles, matcher, frozenset(e.id for e in entities)), workers,
                                      completed=lambda i, places: _mentions_at(articles[i], places), light=True,
                                      meanwhile=meanwhile)
    return [mention for mentions in found for mention in mentions]


MentionPlace = tuple[str, int, int, int]  # entity id, block, start, end


@dataclass(frozen=True)
class _Matching:
    """What the workers find mentions with: the articles, the names' matcher, the entity ids."""
    articles: Sequence[Article]
    matcher: EntityMatcher | None
    known: frozenset[str]


def _mentions_nth(matching: _Matching, i: int) -> list[MentionPlace]:
    """An article's mentions as plain tuples, made into Mentions by _mentions_at: the workers send back
    tens of them per article, and tuples pickle in C where a slotted dataclass calls Python."""
    return _mentions_in(matching.articles[i], matching.matcher, matching.known)


def _mentions_at(article: Article, places: list[MentionPlace]) -> list[Mention]:
    return [Mention(entity_id, article.id, Span(b, start, end), article.blocks[b].text[start:end])
            for entity_id, b, start, end in places]


def _mentions_in(article: Article, matcher: EntityMatcher | None, known: set[str]) -> list[MentionPlace]:
    assert matcher is not None
    mentions = []
    by_hand = [(entity_id, span) for entity_id, span in article.extra_mentions if entity_id in known]
    for b, block in enumerate(article.blocks):
        taken = sorted((span.start, span.end, entity_id) for entity_id, span in by_hand if span.block == b)
        found = [(start, end, entity_id) for entity_id, start, end in matcher.find(block.text)
                 if not any(start < t_end and t_start < end for t_start, t_end, _ in taken)
                 and not _unlinked(article, entity_id, b, start, end)]
        mentions += [(entity_id, b, start, end) for start, end, entity_id in sorted(taken + found)]
    return mentions


def _unlinked(article: Article, entity_id: str, block: int, start: int, end: int) -> bool:
    """The article's annotation says this automatic link is wrong (unlink:, in a passage or everywhere)."""
    return any(unlinked == entity_id and (span is None or (span.block == block and span.start < end
                                                            and start < span.end))
               for unlinked, span in article.unlinked)


def link(articles: list[Article], entities: Iterable[Entity], facts: Iterable[Fact], memo: Memo = NO_MEMO,
         workers: int | None = None, tags: Iterable[Tag] = ()) -> Archive:
    entities = tuple(entities)
    # Sentence boundaries, for co-occurrence (the entity index) and related coverage. In this process, while the
    # workers find the mentions: sending the spans back from a worker costs about what finding them does.
    split_before = memo.table("sentences")
    sentences: list[list[tuple[tuple[int, int], ...]]] = []  # article -> block -> (start, end) of each sentence

    def split_sentences() -> None:
        sentences.extend(split_before.get(a.id, a.blocks, partial(_sentences_of, a)) for a in articles)
        split_before.forget_others({a.id for a in articles})

    mentions = find_mentions(articles, entities, memo, workers, meanwhile=split_sentences)
    assert len(sentences) == len(articles), "find_mentions runs its meanwhile once"
    texts = tuple((a.id, a.blocks) for a in articles)  # shared passages depend on the texts alone
    related = memo.table("related").get("archive", texts, lambda: tuple(find_related(
        articles, parallel.map_indexed(_samples_of, range(len(articles)), _Sampling(articles, sentences),
                                       workers, light=True))))
    return Archive(tuple(articles), entities, tuple(facts), tuple(mentions), related, tuple(tags),
                   {a.id: spans for a, spans in zip(articles, sentences)})


def _sentences_of(article: Article) -> list[tuple[tuple[int, int], ...]]:
    return [sentence_spans(block.text) for block in article.blocks]


@dataclass(frozen=True)
class _Sampling:
    """What the workers sample sentences from: the articles and each one's sentence spans."""
    articles: Sequence[Article]
    sentences: Sequence[list[tuple[tuple[int, int], ...]]]


def _samples_of(sampling: _Sampling, i: int) -> SentenceSamples:
    return sentence_samples(sampling.articles[i], sampling.sentences[i])


@dataclass(frozen=True)
class EntityIndex:
    """Backlinks and co-occurrence, built in one pass over all mentions."""

    by_entity: dict[str, list[Mention]]
    by_article: dict[str, list[Mention]]
    cooccurrence: dict[str, Counter[str]]  # entity -> other entity -> sentences shared
    sentences: dict[str, list[tuple[tuple[int, int], ...]]]  # article -> block -> (start, end) of each sentence


def index_mentions(archive: Archive, memo: Memo = NO_MEMO) -> EntityIndex:
    """Backlinks, co-occurrence and sentence spans; with a memo, kept while the mentions and texts are."""
    texts = tuple(a.blocks for a in archive.articles)
    return memo.table("entity index").get("archive", (archive.mentions, texts), lambda: _index(archive))


def _index(archive: Archive) -> EntityIndex:
    by_entity: dict[str, list[Mention]] = defaultdict(list)
    by_article: dict[str, list[Mention]] = defaultdict(list)
    in_sentence: dict[tuple[str, int, int], set[str]] = defaultdict(set)
    # link() found them; an Archive made without them (a test's) gets them here
    spans_of = {a.id: archive.sentences.get(a.id) or [sentence_spans(block.text) for block in a.blocks]
                for a in archive.articles}
    for mention in archive.mentions:
        by_entity[mention.entity_id].append(mention)
        by_article[mention.article_id].append(mention)
        sentence = _sentence_number(spans_of[mention.article_id][mention.span.block], mention.span.start)
        in_sentence[(mention.article_id, mention.span.block, sentence)].add(mention.entity_id)
    cooccurrence: dict[str, Counter[str]] = defaultdict(Counter)
    for together in in_sentence.values():
        for entity_id in together:
            cooccurrence[entity_id].update(other for other in together if other != entity_id)
    return EntityIndex(dict(by_entity), dict(by_article), dict(cooccurrence), spans_of)


def _sentence_number(spans: Sequence[tuple[int, int]], offset: int) -> int:
    """The sentence (spans are in order and do not overlap) that offset falls in; len(spans) if none."""
    i = bisect_right(spans, (offset, math.inf)) - 1
    return i if i >= 0 and offset < spans[i][1] else len(spans)
