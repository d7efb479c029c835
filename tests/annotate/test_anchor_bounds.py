"""A quote with typos inside one very long paragraph (a text source without line breaks) is still found,
where it is: the approximate search looks around the quote's rarest words past anchor.FUZZY_BUDGET
instead of over the whole paragraph."""

from __future__ import annotations

import random

import pytest

from generator.annotate.anchor import anchor
from generator.core.model import Block, Selector

FILLER = ("the council said that a harbour plan would be approved after long debate on tuesday while "
          "engineers warned").split()
TARGET = "Maria Costa, the harbour master, told reporters the quay would open before summer."


@pytest.mark.parametrize("chars", [20_000, 1_000_000])
def test_a_misquote_in_a_long_paragraph_is_found_at_its_place(chars: int) -> None:
    rng = random.Random(1)
    filler = " ".join(rng.choice(FILLER) for _ in range(chars // 6))
    paragraph = f"{filler[:len(filler) // 2]} {TARGET} {filler[len(filler) // 2:]}"
    quote = TARGET.replace("reporters", "reportres").replace("summer", "sumer")
    found = anchor(Selector(quote, "", ""), (Block("paragraph", paragraph, 1),))
    assert found.status == "fuzzy"
    assert found.matched_text == TARGET
    assert paragraph[found.span.start:found.span.end] == TARGET
