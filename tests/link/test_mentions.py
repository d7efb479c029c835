"""Related coverage, found from shared sentences (generator/link/related.py), and the per-article stages on the process pool."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.annotate.merge import annotate
from generator.core.model import (
    Annotations,
    Article,
    ArticleAnnotation,
    Block,
    CleanedArticle,
    Entity,
    Loc,
    Note,
    Selector,
)
from generator.core.sentences import sentence_spans
from generator.link.mentions import EntityMatcher, link
from generator.link.related import MIN_PASSAGES, find_related
from generator.pipeline import generate, load_archive
from generator.runtime import parallel
from generator.runtime.memo import Memo
from tests.helpers import FIXTURES

WIRE = ["The ministry said on Tuesday that talks over the harbour would resume next week in the capital.",
        "Officials from both delegations described the first round as frank but useful for everyone involved.",
        "A spokesman declined to say whether the ceasefire monitors would return before the talks began."]


def _article(article_id: str, paragraphs: list[str]) -> Article:
    cleaned = CleanedArticle(article_id, Path(f"seeds/{article_id}.txt"), tuple(Block("paragraph", p) for p in paragraphs))
    return Article(id=article_id, slug=article_id, cleaned=cleaned, title=article_id, outlet="Outlet", date=None,
                   dateline=None, byline=None, tags=(), notes=(), facts=())


def _filler(n: int) -> str:
    words = ["river", "orchard", "lantern", "meadow", "copper", "violin", "glacier", "pepper", "saddle", "harvest"]
    return (" ".join(words[(n * 7 + i * 3) % len(words)] + str(n) for i in range(14)) + ".").capitalize()


def test_rewrites_of_one_wire_story_are_related_and_their_shared_sentences_located():
    first = _article("a-first", [WIRE[0] + " " + WIRE[1], "Local reaction was mixed.", WIRE[2]])
    rewrite = _article("b-rewrite", ["Our correspondent reports. " + WIRE[0].replace("Tuesday", "Monday"),
                                     WIRE[1], "Analysts were unsure. " + WIRE[2]])
    unrelated = _article("c-other", ["A festival of lanterns opened in the old town with music and food stalls.",
                                     "Organisers expect more visitors than last year despite the rain."])
    related = find_related([first, rewrite, unrelated])
    assert [(r.article_a, r.article_b) for r in related] == [("a-first", "b-rewrite")]
    passages = related[0].passages
    assert len(passages) >= MIN_PASSAGES  # sampling may miss the edited sentence; it never invents one
    for passage in passages:  # each located span of one article is the same sentence in the other
        a = first.blocks[passage.span_a.block].text[passage.span_a.start:passage.span_a.end]
        b = rewrite.blocks[passage.span_b.block].text[passage.span_b.start:passage.span_b.end]
        assert a.split()[-3:] == b.split()[-3:]


def test_related_coverage_is_the_same_from_the_process_pool():
    # articles 2k and 2k + 1 share two sentences: rewrites of one wire story, a pair at a time
    articles = [_article(f"x{n:04}", [_filler(n), _filler(10_000 + n // 2) + " " + _filler(20_000 + n // 2)])
                for n in range(parallel.MIN_ITEMS_LIGHT)]
    pooled, serial = link(articles, (), (), workers=2), link(articles, (), (), workers=1)
    assert pooled == serial
    assert pooled.related == tuple(find_related(articles)) and pooled.related
    assert pooled.sentences["x0001"] == [sentence_spans(block.text) for block in articles[1].blocks]


def test_annotate_on_the_pool_keeps_each_cleaned_article_and_anchors_like_one_process():
    cleaned = [CleanedArticle(f"a{n:04}", Path(f"seeds/a{n:04}.txt"),
                              (Block("paragraph", f"{_filler(n)} {WIRE[n % 3]}"),)) for n in range(parallel.MIN_ITEMS)]
    notes = {c.article_id: ArticleAnnotation(c.article_id, Loc(f"annotations/articles/{c.article_id}.yml", 1),
                                             title=f"Title {c.article_id}",
                                             notes=(Note(Selector(WIRE[n % 3][:30]), "A note.", Loc("x.yml", 3)),))
             for n, c in enumerate(cleaned)}
    annotations = Annotations((), (), notes)
    pooled, pooled_problems = annotate(cleaned, annotations, workers=2)
    serial, serial_problems = annotate(cleaned, annotations, workers=1)
    assert pooled == serial and pooled_problems == serial_problems == []
    assert all(article.cleaned is source for article, source in zip(pooled, cleaned))  # not a second copy
    assert all(len(article.notes) == 1 for article in pooled)


def test_every_stage_gives_the_same_archive_and_pages_on_the_pool_and_with_serves_memo(archive: Path, monkeypatch):
    """Every per-item map through the pool, one item a chunk; then an edit rebuilt with serve's memo."""
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    monkeypatch.setattr(parallel, "MIN_ITEMS_LIGHT", 1)
    monkeypatch.setattr(parallel, "CHUNK", 1)
    # without the cleaning cache, so that the pool extracts and cleans too
    serial, pooled = generate(archive, workers=1, clean_cache=False), generate(archive, workers=2, clean_cache=False)
    assert pooled.pages == serial.pages and pooled.archive == serial.archive
    assert pooled.problems == serial.problems

    memo = Memo()
    generate(archive, memo=memo, workers=2)
    note = sorted((archive / "annotations" / "articles").glob("*.yml"))[0]
    note.write_text(note.read_text("utf-8").replace("tags: [", "tags: [edited-by-the-test, ", 1), "utf-8")
    seed = sorted((archive / "seeds").glob("*.txt"))[-1]
    seed.write_text(seed.read_text("utf-8") + "\nA closing sentence added by the test, long enough to keep.\n", "utf-8")
    warm, fresh = generate(archive, memo=memo, workers=2), generate(archive, workers=1, clean_cache=False)
    assert warm.pages == fresh.pages and warm.archive == fresh.archive
    assert any(b"edited-by-the-test" in page for page in fresh.pages.values())


def _entity(entity_id: str, name: str, kind: str, aliases: tuple[str, ...] = ()) -> Entity:
    return Entity(entity_id, name, kind, aliases, "", None, Loc("annotations/entities.yml"))


def test_a_persons_surname_before_a_capitalised_word_is_another_persons_name():
    matcher = EntityMatcher([_entity("mahmoud-abbas", "Mahmoud Abbas", "person", ("Abbas",)),
                             _entity("united-states", "United States", "place", ("US",))])
    text = "Abbas Kamel met Abbas and Mahmoud Abbas; US President Joe Biden called."
    assert [(text[start:end], entity) for entity, start, end in matcher.find(text)] == [
        ("Abbas", "mahmoud-abbas"), ("Mahmoud Abbas", "mahmoud-abbas"), ("US", "united-states")]


@pytest.mark.parametrize("unlink, left", [
    ('  - entity: ana-silva\n    quote: "Ana Silva said the work"\n', ["Mayor Ana Silva", "the mayor"]),
    ("  - entity: ana-silva\n", ["the mayor"]),  # everywhere; the link made by hand stays
])
def test_an_unlink_in_the_annotation_takes_out_a_wrong_automatic_link(tmp_path: Path, unlink: str, left: list[str]):
    root = tmp_path / "archive"
    shutil.copytree(FIXTURES / "base", root)
    before = [m.text for m in load_archive(root)[0].mentions if m.entity_id == "ana-silva"]
    assert before == ["Mayor Ana Silva", "Ana Silva", "the mayor"]
    with (root / "annotations" / "articles" / "sample.yml").open("a", encoding="utf-8") as yml:
        yml.write("unlink:\n" + unlink)
    archive, problems = load_archive(root)
    assert not [p for p in problems if p.is_error]
    assert [m.text for m in archive.mentions if m.entity_id == "ana-silva"] == left
