"""The main run's fallback: a run holding too little of the page's prose is widened, never narrowed."""

from __future__ import annotations

import pytest

from generator.clean import linescore

PARAGRAPHS = [
    "The council met on Tuesday evening and voted to repair the old bridge before the winter, after a long "
    "debate about the cost and about who should pay for the work that the engineers had asked for.",
    "Residents who had waited for years said that they were relieved, and that the road into the town had "
    "been dangerous for everyone who drove it at night or walked along it with their children.",
    "The work will begin in October and should be finished by the end of the year, the mayor said, if the "
    "weather allows it and if the company that won the contract can find the workers it needs.",
]
FURNITURE = ["Home", "News", "Sport", "Weather", "Contact", "Login", "Share", "Print", "Menu", "Search",
             "Follow us", "Subscribe"]


def page() -> list[str]:
    lines: list[str] = []
    for paragraph in PARAGRAPHS:
        lines += [paragraph, *FURNITURE]
    return lines


def prose_kept(run: linescore.MainRun, lines: list[str]) -> int:
    return sum(paragraph in lines[run.start:run.end] for paragraph in PARAGRAPHS)


def test_an_article_broken_up_by_furniture_keeps_more_than_its_best_piece() -> None:
    lines = page()
    run = linescore.find_main_run(lines)
    assert prose_kept(run, lines) >= 2


def test_without_the_fallback_only_one_piece_would_be_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    # the case above is one the fallback decides: the best run alone holds a third of the prose
    monkeypatch.setattr(linescore, "SHORT_RUN_SHARE", 0.0)
    lines = page()
    assert prose_kept(linescore.find_main_run(lines), lines) == 1


def test_a_run_holding_most_of_the_prose_is_left_as_it_is() -> None:
    lines = [PARAGRAPHS[0], *FURNITURE, " ".join(PARAGRAPHS), *FURNITURE]
    run = linescore.find_main_run(lines)
    assert lines[run.start:run.end] == [" ".join(PARAGRAPHS)]


def test_right_to_left_prose_is_widened_alike() -> None:
    arabic = ("وقال المجلس في بيان إن العمل على إصلاح الجسر القديم سيبدأ في شهر أكتوبر وإنه سينتهي قبل "
              "نهاية العام إذا سمح الطقس بذلك وإذا وجدت الشركة العمال الذين تحتاج إليهم في المدينة")
    lines: list[str] = []
    for i in range(3):  # three paragraphs, each its own line (a number tells them apart)
        lines += [f"{arabic} {i}", *FURNITURE]
    run = linescore.find_main_run(lines)
    assert sum(line.startswith("وقال") for line in lines[run.start:run.end]) >= 2
