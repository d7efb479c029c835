"""A recorded position (selector `position:`, what `fix` writes) breaks ties between places the words cannot
tell apart, and nothing more: a stale one never moves an anchor off a better match."""

from __future__ import annotations

from pathlib import Path

from generator.annotate.anchor import anchor, position_of
from generator.annotate.context import repaired_selector
from generator.annotate.load import load_annotations
from generator.annotate.repair import edit_file, plan_repairs, write_edit
from generator.core.model import ArticleAnnotation, Block, CleanedArticle, Loc, Note, Selector, Span

# The same sentence twice, with the same words around it: only where it stands tells the two apart.
REPEATED = "Stay tuned for updates."
TEXT = ["The council met on Tuesday.", f"{REPEATED} The harbour plan was approved.",
        f"{REPEATED} The harbour plan was approved.", "Residents asked for a new vote."]


def blocks(texts: list[str]) -> list[Block]:
    return [Block("paragraph", text) for text in texts]


def body_offset(texts: list[str], block: int, start: int = 0) -> int:
    """The offset in the text as `clean` prints it (paragraphs joined by a blank line), computed here by hand."""
    return len("\n\n".join(texts[:block])) + (2 if block else 0) + start


def test_position_is_the_offset_in_the_printed_body():
    body = "\n\n".join(TEXT)
    for block in range(len(TEXT)):
        span = Span(block, 0, len(REPEATED))
        assert position_of(blocks(TEXT), span) == body_offset(TEXT, block)
        assert body[position_of(blocks(TEXT), span):].startswith(TEXT[block][:10])


def test_a_repeated_quote_with_identical_context_is_ambiguous_without_a_position():
    found = anchor(Selector(REPEATED, suffix="The harbour plan"), blocks(TEXT))
    assert found.status == "ambiguous" and {s.block for s in found.candidates} == {1, 2}


def test_the_exact_recorded_position_decides_with_certainty():
    for block in (1, 2):
        found = anchor(Selector(REPEATED, suffix="The harbour plan", position=body_offset(TEXT, block)), blocks(TEXT))
        assert found.certain and found.span == Span(block, 0, len(REPEATED))


def test_a_position_moved_by_an_insertion_picks_the_nearer_place_with_a_warning_naming_the_other():
    edited = ["The council met on Tuesday evening, late.", *TEXT[1:]]
    recorded = body_offset(TEXT, 2)  # recorded before the edit: now short of the place by the words added
    found = anchor(Selector(REPEATED, suffix="The harbour plan", position=recorded), blocks(edited))
    assert found.span == Span(2, 0, len(REPEATED))
    assert not found.certain and found.runner_up == Span(1, 0, len(REPEATED))
    fixed = repaired_selector(Selector(REPEATED, suffix="The harbour plan", position=recorded), blocks(edited),
                              found.span)
    assert fixed is not None and fixed.position == body_offset(edited, 2)  # what fix writes: the place now


def test_a_position_halfway_between_the_places_decides_nothing():
    halfway = (body_offset(TEXT, 1) + body_offset(TEXT, 2)) // 2
    found = anchor(Selector(REPEATED, suffix="The harbour plan", position=halfway), blocks(TEXT))
    assert found.status == "ambiguous"


def test_a_stale_position_does_not_pull_the_anchor_to_a_worse_place():
    texts = ["Stay tuned for updates. The harbour plan was approved.",
             "Stay tuned for updates. The school budget was cut."]
    at_first = body_offset(texts, 0)
    # The suffix fits the second paragraph exactly and the first not at all: the position, pointing exactly at
    # the first, changes nothing, and says nothing either (a position only breaks ties).
    found = anchor(Selector(REPEATED, suffix="The school budget", position=at_first), blocks(texts))
    assert found.certain and found.span == Span(1, 0, len(REPEATED))
    # The same with approximate context: a typo in the suffix still beats the position.
    typo = anchor(Selector(REPEATED, suffix="The schol budget", position=at_first), blocks(texts))
    assert typo.span == Span(1, 0, len(REPEATED)) and typo.status == "drifted"


def test_an_approximate_quote_is_not_moved_by_the_position_of_an_exact_elsewhere():
    texts = ["The mayor said the bridge will open in May.", "The mayor said the bridge will open in June."]
    found = anchor(Selector("the bridge will open in June", position=body_offset(texts, 0, 15)), blocks(texts))
    assert found.span == Span(1, 15, 15 + len("the bridge will open in June"))


def test_repaired_selector_records_a_position_only_where_the_words_cannot_decide():
    both = blocks(TEXT)
    chosen = Span(2, 0, len(REPEATED))
    fixed = repaired_selector(Selector(REPEATED, suffix="The harbour plan"), both, chosen)
    assert fixed is not None and fixed.position == body_offset(TEXT, 2) and fixed.suffix
    assert anchor(fixed, both).certain and anchor(fixed, both).span == chosen
    words = repaired_selector(Selector("the harbour", suffix="plan was approved"), blocks(["Near the harbour plan "
                              "was approved.", "Far from the harbour wall."]), Span(0, 5, 16))
    assert words is not None and words.position is None  # context alone decides: nothing else to write


def _article(texts: list[str], tmp: Path) -> CleanedArticle:
    return CleanedArticle("001", tmp / "seeds" / "001.txt", tuple(blocks(texts)))


def test_fix_writes_the_position_and_a_second_fix_changes_nothing(tmp_path: Path):
    """A drifted note is rewritten with its position; the rewritten file validates (the schema takes the key)
    and anchors with certainty, so fix has nothing more to do."""
    (tmp_path / "annotations" / "articles").mkdir(parents=True)
    path = tmp_path / "annotations" / "articles" / "001.yml"
    path.write_text("title: T\nnotes:\n  - quote: \"The harbour plan was approved\"\n"
                    "    prefix: \"Stay tuned for updatez.\"\n    note: n\n", "utf-8")
    texts = ["Stay tuned for updates. The harbour plan was approved.", "Residents asked for a new vote."]
    cleaned = _article(texts, tmp_path)
    annotation = ArticleAnnotation("001", Loc.whole("annotations/articles/001.yml"),
                                   notes=(Note(Selector("The harbour plan was approved", "Stay tuned for updatez."),
                                               "n", Loc("annotations/articles/001.yml", 3, 5)),))
    repairs = plan_repairs(cleaned, annotation)
    assert len(repairs) == 1 and repairs[0].new.position == len("Stay tuned for updates. ")
    edit, problems = edit_file(path, "annotations/articles/001.yml", repairs)
    assert edit is not None and not problems and write_edit(edit, "annotations/articles/001.yml") is None
    assert "    position: 24\n" in path.read_text("utf-8")
    loaded, load_problems = load_annotations(tmp_path, ["001"])
    assert not load_problems
    note = loaded.articles["001"].notes[0]
    assert note.selector.position == 24 and anchor(note.selector, cleaned.blocks).certain
    assert plan_repairs(cleaned, loaded.articles["001"]) == []


def test_the_schema_refuses_a_position_that_is_no_offset(tmp_path: Path):
    (tmp_path / "annotations" / "articles").mkdir(parents=True)
    path = tmp_path / "annotations" / "articles" / "001.yml"
    for bad in ("-3", "\"12\"", "true", "1.5"):
        path.write_text(f"title: T\nnotes:\n  - quote: q\n    position: {bad}\n    note: n\n", "utf-8")
        _, problems = load_annotations(tmp_path, ["001"])
        assert any(p.loc.line == 4 and "position" in p.message for p in problems), (bad, problems)
