"""Quote anchoring in the spirit of a quote-matching suite: every case runs anchor() on real blocks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.annotate.anchor import MAX_ERROR_RATE, anchor
from generator.annotate.context import repaired_selector
from generator.core.model import Block, Selector, Span

TEXT = ("The council met on Tuesday. The harbour plan was approved after a long debate. "
        "Engineers warned that the harbour plan was approved too fast, and residents asked for a new vote.")


def blocks(*texts: str) -> list[Block]:
    return [Block("paragraph", text) for text in texts]


def at(text: str, part: str, nth: int = 0, block: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span(block, start, start + len(part))


def test_exact_unique_quote_is_certain():
    found = anchor(Selector("long debate"), blocks(TEXT))
    assert found.certain and found.span == at(TEXT, "long debate")


def test_approximate_quote_is_a_warning_at_its_place():
    found = anchor(Selector("the harbour plan was aproved after a long debat"), blocks(TEXT))
    assert found.status == "fuzzy" and not found.certain
    assert found.span.block == 0 and TEXT[found.span.start:found.span.end].endswith("harbour plan was approved after a long debate")


def test_exact_prefix_decides_between_occurrences():
    found = anchor(Selector("harbour plan was approved", prefix="warned that the"), blocks(TEXT))
    assert found.certain and found.span == at(TEXT, "harbour plan was approved", 1)


def test_exact_suffix_decides_between_occurrences():
    found = anchor(Selector("harbour plan was approved", suffix="after a long"), blocks(TEXT))
    assert found.certain and found.span == at(TEXT, "harbour plan was approved", 0)


def test_approximate_prefix_decides_with_a_warning():
    found = anchor(Selector("harbour plan was approved", prefix="Engineers warnd that teh"), blocks(TEXT))
    assert found.status == "drifted" and found.span == at(TEXT, "harbour plan was approved", 1)


def test_approximate_suffix_decides_with_a_warning():
    found = anchor(Selector("harbour plan was approved", suffix="to fast and"), blocks(TEXT))
    assert found.status == "drifted" and found.span == at(TEXT, "harbour plan was approved", 1)


def test_occurrences_without_context_are_ambiguous():
    found = anchor(Selector("harbour plan was approved"), blocks(TEXT))
    assert found.status == "ambiguous" and len(found.candidates) == 2 and found.span is None


def test_unique_quote_with_stale_context_anchors_with_a_warning_not_an_orphan():
    found = anchor(Selector("residents asked", prefix="somebody else entirely"), blocks(TEXT))
    assert found.status == "drifted" and found.span == at(TEXT, "residents asked")
    fixed = repaired_selector(Selector("residents asked", prefix="somebody else entirely"), blocks(TEXT), found.span)
    assert fixed == Selector("residents asked", prefix="and")


def test_short_exact_quote_with_stale_suffix_stays_on_the_exact_word():
    text = "A vote was held. The voters left early."
    found = anchor(Selector("vote", suffix="is postponed"), blocks(text))
    assert found.span == at(text, "vote") and found.status == "drifted"


def test_quote_at_the_very_start_and_end_of_a_paragraph():
    assert anchor(Selector("The council met"), blocks(TEXT)).span == Span(0, 0, 15)
    end = anchor(Selector("a new vote.", prefix="asked for"), blocks(TEXT))
    assert end.certain and end.span == Span(0, len(TEXT) - 11, len(TEXT))


def test_context_longer_than_the_text_before_the_match():
    text = "Then the council met again."
    found = anchor(Selector("council met", prefix="In a long and detailed preface, and then the"), blocks(text))
    assert found.span == at(text, "council met") and found.status == "drifted"
    start = anchor(Selector("Then the", prefix="a prefix before the paragraph starts"), blocks(text))
    assert start.span == Span(0, 0, 8) and start.status == "drifted"


def test_quote_spanning_a_paragraph_boundary_is_reported_not_a_crash():
    found = anchor(Selector("after a long debate. Second paragraph"),
                   blocks("The plan was approved after a long debate.", "Second paragraph starts here."))
    assert found.status == "spanning" and found.span is None


def test_empty_quote():
    assert anchor(Selector("  "), blocks(TEXT)).status == "empty"


def test_nothing_close_is_an_orphan():
    assert anchor(Selector("completely unrelated words about volcanoes"), blocks(TEXT)).status == "orphan"


def test_scripts_without_spaces():
    text = "東京都は本日、新しい港湾計画を承認した。港湾計画は来年から実施される。"
    exact = anchor(Selector("港湾計画を承認"), blocks(text))
    assert exact.certain and exact.span == at(text, "港湾計画を承認")
    decided = anchor(Selector("港湾計画", suffix="は来年"), blocks(text))
    assert decided.certain and decided.span == at(text, "港湾計画", 1)
    thai = "รัฐบาลอนุมัติแผนท่าเรือใหม่วันนี้"
    assert anchor(Selector("แผนท่าเรือใหม"), blocks(thai)).span == at(thai, "แผนท่าเรือใหม")


def test_a_close_second_place_is_named():
    text = "The mayor said the bridge will open in May. The mayor said the bridge will open in June."
    found = anchor(Selector("the bridge will open in Mai"), blocks(text))
    assert found.span is not None and not found.certain
    assert found.runner_up is not None and found.runner_up.start != found.span.start


WORDS = ["harbour", "council", "debate", "engineer", "resident", "vote", "plan", "tuesday", "river", "bridge",
         "mayor", "school", "budget", "market", "station", "garden"]


@settings(max_examples=60, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS), min_size=30, max_size=60), data=st.data())
def test_a_perturbed_cut_quote_anchors_back_to_its_place(words: list[str], data: st.DataObject):
    """Cut a quote from the text, with its context, and make edits within the error budget; it anchors
    back on its own place, or says it cannot tell (ambiguous) - never a wrong place without a warning."""
    text = " ".join(words)
    starts = [i for i, ch in enumerate(text) if ch != " " and (i == 0 or text[i - 1] == " ")]
    start = data.draw(st.sampled_from(starts[5:-8]))
    length = data.draw(st.integers(20, 40))
    end = text.find(" ", start + length)
    end = len(text) if end == -1 else end
    quote = text[start:end]
    edits = data.draw(st.integers(0, max(0, int(len(quote) * MAX_ERROR_RATE) // 2)))
    perturbed = list(quote)
    for _ in range(edits):
        i = data.draw(st.integers(1, len(perturbed) - 2))
        perturbed[i] = data.draw(st.sampled_from("xyzq"))
    selector = Selector("".join(perturbed), text[max(0, start - 32):start], text[end:end + 32])
    found = anchor(selector, blocks(text))
    if found.span is None:
        assert found.status == "ambiguous"
        return
    assert abs(found.span.start - start) <= edits + 2 and abs(found.span.end - end) <= edits + 8, (found, start, end)
    if found.certain:
        assert found.span == Span(0, start, end)


def test_approximate_place_unlike_the_recorded_context_is_an_orphan_not_another_passage():
    # The quoted paragraph is gone (the cleaner now drops it as a repeat of the title); a phrase a few letters
    # from the quote stands elsewhere, among words unlike the suffix the selector recorded.
    text = "Officials denied reports that Hamas leaders were discussing the territory's future."
    gone = Selector("The Hamas leader", suffix="is in Cairo to discuss potential truce talks.")
    assert anchor(gone, blocks(text)).status == "orphan"
    # The same phrase is still the quote's place when the context recorded beside it fits ...
    kept = Selector("The Hamas leader", suffix="were discussing the territory's future")
    assert anchor(kept, blocks(text)).status == "fuzzy"
    # ... and, with no context recorded, it is anchored with a warning, as before.
    assert anchor(Selector("The Hamas leader"), blocks(text)).status == "fuzzy"
