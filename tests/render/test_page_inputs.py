"""Serve's memo renders an article page again only when what `_article_inputs` lists changed. If
render_article starts reading something else of the archive, the preview would go stale silently: these
tests fail first, naming what was read."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from generator import pipeline
from generator.core.references import references
from generator.link.mentions import index_mentions
from generator.render.article import render_article, search_allowance

from ..conftest import copy_archive

# What _article_inputs (generator/render/__init__.py) makes the memo key of: the archive's entity registry
# (entities, and entity_positions, which follows from it), the article's own facts, its related articles,
# and what its notes' [[kind:id]] references resolve to (render.references.referenced, which reads the
# articles and entity names to resolve them), and the article's own entry of `neighbours` (previous / next
# by date and the same day's others, as summaries of what the page shows of them), its entry of `same_event`,
# and the tag vocabulary's entries for its own tags.
COVERED_ATTRIBUTES = {"entities", "entity_positions", "facts_by_id", "articles_by_id", "entity_names",
                      "neighbours", "same_event", "tags"}


class RecordingMapping(Mapping):
    def __init__(self, real: Mapping, keys: set) -> None:
        self.real, self.keys = real, keys

    def __getitem__(self, key: Any) -> Any:
        self.keys.add(key)
        return self.real[key]

    def get(self, key: Any, default: Any = None) -> Any:
        self.keys.add(key)
        return self.real.get(key, default)

    def __iter__(self):  # reading every key is reading the whole mapping
        self.keys.add(all)
        return iter(self.real)

    def __len__(self) -> int:
        return len(self.real)


class RecordingArchive:
    def __init__(self, real: Any) -> None:
        self.real, self.attributes, self.keys = real, set(), {}

    def __getattr__(self, name: str) -> Any:
        self.attributes.add(name)
        value = getattr(self.real, name)
        if isinstance(value, Mapping):
            return RecordingMapping(value, self.keys.setdefault(name, set()))
        return value


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> pipeline.Result:
    return pipeline.generate(copy_archive(tmp_path_factory.mktemp("inputs") / "archive"), workers=1)


def test_render_article_reads_only_what_the_memo_key_holds(result: pipeline.Result) -> None:
    archive = result.archive
    index = index_mentions(archive)
    for article in archive.articles:
        recorder = RecordingArchive(archive)
        related = archive.related_by_article.get(article.id, [])
        by_id_keys: set = set()
        render_article(article, recorder, index.by_article.get(article.id, []), related,
                       RecordingMapping(archive.articles_by_id, by_id_keys), search_allowance(len(archive.articles)))
        uncovered = recorder.attributes - COVERED_ATTRIBUTES
        assert not uncovered, (f"render_article reads archive.{sorted(uncovered)}: add it to _article_inputs "
                               "(generator/render/__init__.py), then to COVERED_ATTRIBUTES here")
        own_facts = {f.link.fact_id for f in article.facts} | {
            r.id for n in article.notes for r in references(n.note.text) if r.kind == "fact"}
        assert recorder.keys.get("facts_by_id", set()) <= own_facts, "a fact the article does not link was read"
        related_ids = {r.article_a if r.article_b == article.id else r.article_b for r in related}
        assert recorder.keys.get("neighbours", set()) <= {article.id}, "another article's neighbours were read"
        assert by_id_keys <= related_ids, (f"articles {sorted(map(str, by_id_keys - related_ids))} were read: "
                                           "the memo key holds only the related ones")


def test_the_recorder_sees_a_new_read(result: pipeline.Result) -> None:
    """The check above can fail: a renderer that reads the archive's mentions would be caught."""
    recorder = RecordingArchive(result.archive)
    assert recorder.mentions == result.archive.mentions
    assert recorder.attributes - COVERED_ATTRIBUTES == {"mentions"}


def test_covered_attributes_are_real(result: pipeline.Result) -> None:
    for name in COVERED_ATTRIBUTES:
        assert hasattr(result.archive, name), name
