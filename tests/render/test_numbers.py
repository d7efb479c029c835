"""Figures as articles word them: which wordings can both be true, and what the fact page says about them."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.app.cli import main
from generator.render.numbers import disagreements, parse_figure


def clash(a: str, b: str) -> bool:
    first, second = parse_figure(a), parse_figure(b)
    assert first and second
    return bool(disagreements([first, second]))


@pytest.mark.parametrize("a, b", [
    ("over 100", "under 100"), ("more than 100", "fewer than 100"), ("above 100", "below 100"),
    ("exceeding 100", "less than 100"), ("over 100", "100"), ("100", "under 100"), ("more than 100", "at most 100"),
    ("at least 100", "nearly 100"), ("in excess of 100", "almost 100"), ("over 100", "just under 100"),
    ("more than 20,000", "nearly 20,000"), ("131", "132"), ("a dozen", "13"), ("two dozen", "25"), ("dozens", "20"),
    ("half a dozen", "12"), ("several dozen", "12"),
])
def test_wordings_that_exclude_a_shared_number_disagree(a: str, b: str):
    """A strict word ("over", "under", "nearly") leaves its number out, so meeting there is no overlap."""
    assert clash(a, b) and clash(b, a)


@pytest.mark.parametrize("a, b", [
    ("at least 100", "at most 100"), ("at least 100", "100"), ("a minimum of 100", "up to 100"), ("100", "at most 100"),
    ("about 100", "nearly 100"), ("around 100", "over 100"), ("over 100", "more than 100"),
    ("under 100", "almost 100"), ("19,667", "over 19,600"), ("a minimum of 19,667", "nearly 20,000"),
    ("a dozen", "12"), ("two dozen", "24"), ("dozens", "30"), ("dozens", "two dozen"), ("about a dozen", "12"),
    ("half a dozen", "6"), ("several dozen", "40"), ("some dozens", "30"),
])
def test_wordings_that_share_a_value_agree(a: str, b: str):
    assert not clash(a, b) and not clash(b, a)


def test_the_seed_toll_wordings_still_agree_together():
    figures = [parse_figure(w) for w in ("a minimum of 19,667", "over 19,600", "nearly 20,000", "almost 20,000")]
    assert disagreements([f for f in figures if f]) == []


WORDINGS = st.builds(lambda qualifier, value: f"{qualifier}{value}",
                     st.sampled_from(["", "over ", "at least ", "under ", "at most ", "about ", "nearly "]),
                     st.sampled_from([95, 100, 105, 110]))


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDINGS, min_size=2, max_size=8))
def test_pairs_found_are_the_pairs_that_share_no_value(wordings: list[str]):
    """The sorted search finds exactly the pairs a check of every pair finds, open ends included."""
    figures = [f for f in (parse_figure(w) for w in wordings) if f]
    expected = {frozenset((a.wording, b.wording)) for a, b in combinations(figures, 2)
                if a.interval.below(b.interval) or b.interval.below(a.interval)}
    found = {frozenset((a.wording, b.wording)) for a, b in disagreements(figures, limit=10_000)}
    assert found == expected


def test_fact_page_flags_more_than_against_nearly(archive: Path):
    """The reported case: "more than 20,000" in one article, "nearly 20,000" in another, on a real build."""
    seed = archive / "seeds" / "001_a4029b8832b4861f.txt"
    note = archive / "annotations" / "articles" / "001_a4029b8832b4861f.yml"
    for path in (seed, note):
        text = path.read_text("utf-8")
        assert "over 19,600" in text
        path.write_text(text.replace("over 19,600", "more than 20,000"), "utf-8")
    assert main(["build", "--root", str(archive), "--no-site"]) == 0
    page = (archive / "docs" / "facts" / "gaza-death-toll-dec-2023.md").read_text("utf-8")
    assert '!!! warning "The figures disagree"' in page and "within their wording" not in page
    assert "“more than 20,000” vs “nearly 20,000”" in page


@pytest.mark.parametrize("wording, qualifier", [
    ("just over 100", "more than"), ("well above 100", "more than"), ("slightly more than 100", "more than"),
    ("well below 100", "less than"), ("a little under 100", "less than"), ("no more than 100", "at most"),
    ("not more than 100", "at most"), ("not less than 100", "at least"), ("approx. 100", "about"),
    ("overall 100", "exact"),
])
def test_modified_and_abbreviated_wordings_keep_their_bound(wording: str, qualifier: str):
    """Read as exact, "just over 100" would contradict "over 100", and "approx. 100" would contradict "97"."""
    figure = parse_figure(wording)
    assert figure and figure.value == 100 and figure.qualifier == qualifier


@pytest.mark.parametrize("a, b", [("just over 100", "over 100"), ("no more than 100", "under 100"),
                                  ("approx. 100", "97"), ("well below 100", "nearly 100")])
def test_modified_wordings_agree_with_their_plain_bound(a: str, b: str):
    assert not clash(a, b)
