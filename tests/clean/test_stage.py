"""clean.stage: each web page is extracted once per build (the archive's context and its cleaning share
it), and a page made of one phrase repeated is cleaned without the line alignment blowing up."""

from __future__ import annotations

from pathlib import Path

import pytest
import trafilatura

from generator.clean.cleaner import clean
from generator.core.model import RawDocument
from generator.pipeline import load_archive

PARAGRAPHS = [
    "The river rose through the night and by morning the lower town was under a metre of water.",
    "Volunteers carried sandbags from the station to the bridge while the pumps ran without a break.",
    "The mayor said the town would ask the region for help once the water had gone down again.",
]


def page(number: int) -> str:
    body = "".join(f"<p>{text} Report {number}, part {i}.</p>" for i, text in enumerate(PARAGRAPHS))
    return (f"<html><head><title>Flood report {number}</title></head><body><nav><a href='/'>Home</a>"
            f"<a href='/news'>News</a></nav><article><h1>Flood report {number}</h1>{body}</article>"
            "<footer>All rights reserved</footer></body></html>")


def test_each_page_is_extracted_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "annotations" / "articles").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n")
    for number in range(4):
        (tmp_path / "seeds" / f"{number:03d}_report.html").write_text(page(number))
    runs: list[int] = []
    extract = trafilatura.extract

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        if kwargs.get("favor_precision"):  # one extraction of a short page also asks recall mode
            runs.append(1)
        return extract(*args, **kwargs)

    monkeypatch.setattr(trafilatura, "extract", counted)
    archive, _ = load_archive(tmp_path, workers=1, clean_cache=False)
    assert len(archive.articles) == 4
    assert all("sandbags" in a.cleaned.body for a in archive.articles)
    assert len(runs) == 4


@pytest.mark.parametrize("repeats", [200, 2000])
def test_a_page_of_one_phrase_repeated_is_cleaned(repeats: int) -> None:
    """One short phrase over and over is the worst case of aligning extracted text with the page's blocks
    (clean/html/pagelines.py bounds it); the phrase came from a property test."""
    phrase = "\ub5c2\U0001c1b7\x1b*\xd8s#\x82\xd3\U000a8e8d\U000f8a92q"
    text = phrase * repeats
    html = f"<html><head><title>{text[:80]}</title></head><body><article><p>{text}</p></article></body></html>"
    article = clean(RawDocument("repeated", Path("repeated.html"), html, "html"))
    assert article.blocks or article.removals  # it finished, and accounted for the text one way or the other
