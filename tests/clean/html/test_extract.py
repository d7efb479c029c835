"""Web pages: metadata and body from a hand-made page; the text cleaner on the same page flattened to text;
determinism, idempotence, the CLI, the build, and (where ../shared is present) the real corpus."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.app.cli import main
from generator.clean.cleaner import clean, clean_text
from generator.clean.html import pagelines
from generator.clean.html.extract import extract
from generator.core.model import RawDocument
from generator.pipeline import generate, load_archive
from generator.render import markdown as md
from tests.conftest import copy_archive
from tests.helpers import FIXTURES, REPO

FIXTURE = FIXTURES / "page_newsarticle.html"
CORPUS = REPO.parent / "shared" / "corpus" / "boilerplate"

ARTICLE = ["The old harbour bridge opened to traffic again on Tuesday morning",
           "Council leaders said the extra work would keep the bridge safe for another fifty years.",
           "Shops on the quay hope for customers",
           "We are glad to see the traffic back",
           "until the final load tests are finished in May."]
CHROME = ["Skip to content", "Home", "Business", "Log in", "Search the site", "We use cookies", "Accept all cookies",
          "Share on Facebook", "Tweet", "Related articles", "Ferry timetable", "Sign up for our morning newsletter",
          "Subscribe", "About us", "Privacy policy", "All rights reserved", "Mara Lindqvist",
          "Harbour bridge reopens after two years of repairs"]


def page() -> str:
    return FIXTURE.read_text("utf-8")


def flattened(html: str) -> str:
    """The page as naive text with every leftover kept (as a scraper's get_text would give it)."""
    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "noscript"]):
        tag.decompose()
    lines = [line.strip() for line in soup.get_text("\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def html_article():
    return clean(RawDocument("page_newsarticle", FIXTURE, page(), "html"))


def test_page_metadata_from_json_ld_og_and_meta():
    article = html_article()
    assert article.title == "Harbour bridge reopens after two years of repairs"
    assert article.date == date(2024, 3, 5)
    assert article.byline == "Mara Lindqvist"
    assert article.outlet == "The Riverside Courier"
    assert article.url == "https://courier.example/news/2024/03/harbour-bridge-reopens"
    assert article.language == "en"


def test_page_body_keeps_the_article_and_drops_the_chrome():
    article = html_article()
    for text in ARTICLE:
        assert text in article.body, f"{text!r} lost"
    for text in CHROME:
        assert text not in article.body, f"{text!r} survived"
    assert [b.kind for b in article.blocks].count("heading") == 1
    assert len(article.blocks) == 6 and article.body.count("\n\n") == 5


def fixture_line(text: str) -> int:
    """The line of the fixture page's HTML where text stands in the <body> (the <head> repeats some)."""
    lines = page().split("\n")
    body = next(number for number, line in enumerate(lines, start=1) if "<body>" in line)
    return next(number for number, line in enumerate(lines[body:], start=body + 1) if text in line)


def test_what_the_extractor_left_out_is_recorded_at_its_html_line():
    article = html_article()
    left_out = [r for r in article.removals if r.rule == "outside-article"]
    for text, element in [("Log in", '<nav class="main-menu">'), ("Search the site", '<form class="search">'),
                          ("Accept all cookies", '<div id="cookie-banner">'), ("Share on Facebook", '<div class="share">'),
                          ("Ferry timetable changes from April", '<aside class="related">'),
                          ("Sign up for our morning newsletter", '<section class="newsletter">'),
                          ("Privacy policy", "<footer>")]:
        removal = next(r for r in left_out if text in r.text)
        assert removal.line_no == fixture_line(text), text
        assert removal.reason.startswith(f"left out by trafilatura: in {element}"), removal.reason
    inside = next(r for r in left_out if "Share on Facebook" in r.text)
    outside = next(r for r in left_out if "Privacy policy" in r.text)
    assert "inside the article's element <article>" in inside.reason
    assert "outside the article's element <article>" in outside.reason


def test_nothing_on_the_page_is_taken_out_silently():
    """Every word of the page's text is in the body or in the record (title, metadata lines, left out)."""
    article = html_article()
    soup = BeautifulSoup(page(), "lxml")
    for tag in soup(["script", "style"]):
        tag.decompose()
    recorded = " ".join([article.body, *(r.text for r in article.removals)])
    assert set(re.findall(r"\w+", soup.body.get_text(" "))) <= set(re.findall(r"\w+", recorded))


def test_text_rules_and_blocks_of_a_page_count_lines_of_its_html():
    article = html_article()
    headline = next(r for r in article.removals if r.rule == "repeated-headline")
    assert headline.line_no == fixture_line("<h1>")
    assert [b.source_line for b in article.blocks] == [fixture_line(" ".join(b.text.split()[:3]))
                                                       for b in article.blocks]
    assert [r.line_no for r in article.removals] == sorted(r.line_no for r in article.removals)


def test_metadata_without_json_ld_falls_back_to_meta_and_visible_page():
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", page(), flags=re.S)
    metadata = extract(html).metadata
    assert metadata["title"] == "Harbour bridge reopens after two years of repairs"
    assert metadata["date"] == date(2024, 3, 5)
    assert metadata["outlet"] == "The Riverside Courier"
    assert metadata["byline"] == "Mara Lindqvist"
    assert metadata["language"] == "en"


def test_text_cleaner_on_the_flattened_page():
    article = clean_text("flat", Path("flat.txt"), flattened(page()))
    for text in ARTICLE:
        assert text in article.body, f"{text!r} lost"
    for text in CHROME:
        assert text not in article.body, f"{text!r} survived"
    assert article.language == "en"
    assert any(r.rule == "outside-main-text" and r.score is not None for r in article.removals)


def test_cleaning_is_deterministic_and_idempotent():
    text = flattened(page())
    first, second = clean_text("a", Path("a.txt"), text), clean_text("a", Path("a.txt"), text)
    assert first == second
    again = clean_text("a", Path("a.txt"), (first.title or "") + "\n\n" + first.body)
    assert again.body == first.body and again.title == first.title
    assert html_article() == html_article()


def test_cli_json_and_explain(capsys):
    assert main(["clean", str(FIXTURE), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["metadata"]["byline"] == "Mara Lindqvist" and printed["metadata"]["date"] == "2024-03-05"
    assert "harbour bridge opened" in printed["body"] and {"rule", "reason", "score"} <= set(printed["removed"][0])

    flat = FIXTURE.parent / "flat_for_test.txt"
    try:
        flat.write_text(flattened(page()), "utf-8")
        assert main(["clean", str(flat), "--explain"]) == 0
        out, err = capsys.readouterr()
    finally:
        flat.unlink()
    assert out.startswith("The old harbour bridge") and "Skip to content" not in out
    assert re.search(r":\d+: removed by outside-main-text, score -?\d+\.\d", err)

    assert main(["clean", str(FIXTURE), "--explain"]) == 0
    err = capsys.readouterr().err
    assert (f"page_newsarticle.html:{fixture_line('cookie-banner')}: removed by outside-article (left out by "
            f"trafilatura: in <div id=\"cookie-banner\">, outside the article's element <article>): We use cookies") in err
    assert f"page_newsarticle.html:{fixture_line('<h1>')}: removed by repeated-headline" in err


def test_html_page_in_seeds_becomes_an_article_page(tmp_path):
    root = copy_archive(tmp_path / "archive")
    shutil.copy2(FIXTURE, root / "seeds" / "page_newsarticle.html")
    result = generate(root)
    article = next(a for a in result.archive.articles if a.id == "page_newsarticle")
    assert article.title == "Harbour bridge reopens after two years of repairs"
    assert article.outlet == "The Riverside Courier" and article.byline == "Mara Lindqvist"
    page_md = next(text.decode() for path, text in result.pages.items() if "page_newsarticle" in path or
                   "page-newsarticle" in path)
    assert "Harbour bridge reopens" in page_md and "The Riverside Courier" in page_md
    body, record = page_md.split("## Cleaning record", 1)
    assert "Share on Facebook" not in body
    cookie = next(line for line in record.splitlines() if f"line {fixture_line('cookie-banner')}," in line)
    assert cookie.startswith(f"    - line {fixture_line('cookie-banner')}, *{md.text('outside-article')}* (")
    assert "left out by trafilatura: in" in cookie and "“We use cookies" in cookie  # the element it stood in


def test_a_build_extracts_each_page_once(tmp_path, monkeypatch):
    """Extraction is the costly part of cleaning a page; the archive context and the cleaning both need it."""
    from generator.clean import cleaner as clean_module
    from generator.pipeline import load_archive

    root = copy_archive(tmp_path / "archive")
    pages = {"page_one": page(), "page_two": page().replace("harbour bridge", "harbour tunnel")}
    for name, html in pages.items():
        (root / "seeds" / f"{name}.html").write_text(html, "utf-8")
    extracted: list[str] = []

    def counted(html: str):
        extracted.append(html)
        return extract(html)

    monkeypatch.setattr(clean_module, "extract", counted)
    archive, _ = load_archive(root)
    assert {"page_one", "page_two"} <= {a.id for a in archive.articles}
    assert sorted(extracted) == sorted(pages.values())


# --- the real corpus, when ../shared is there ------------------------------------------------------------

def _f1(gold: str, predicted: str) -> float:
    def shingles(text: str) -> Counter[tuple[str, ...]]:
        tokens = re.findall(r"\w+", text)
        return Counter(tuple(tokens[i:i + 4]) for i in range(max(1, len(tokens) - 3)))
    g, p = shingles(gold), shingles(predicted)
    tp = sum((g & p).values())
    return 0.0 if not tp else 2 * tp / (sum(g.values()) + sum(p.values()))


@pytest.fixture(scope="module")
def corpus():
    if not (CORPUS / "ground-truth.json").is_file():
        pytest.skip(f"boilerplate corpus not found at {CORPUS}")
    gold = json.loads((CORPUS / "ground-truth.json").read_text("utf-8"))
    return {doc_id: gold[doc_id]["articleBody"] for doc_id in sorted(gold)[:8]}


def test_corpus_text_is_cleaned_well_and_idempotently(corpus):
    scores = []
    for doc_id, gold in corpus.items():
        article = clean_text(doc_id, Path("x.txt"), (CORPUS / "text" / f"{doc_id}.txt").read_text("utf-8"))
        scores.append(_f1(gold, article.body))
        again = clean_text(doc_id, Path("x.txt"), (article.title or "") + "\n\n" + article.body)
        assert again.body == article.body, doc_id
    assert sum(scores) / len(scores) > 0.85


def test_corpus_pages_record_all_they_leave_out(corpus):
    """Every word of each page's text is in its body or its record, the record in the page's line numbers."""
    for doc_id in list(corpus)[:4]:
        html = (CORPUS / "html" / f"{doc_id}.html").read_text("utf-8")
        article = clean(RawDocument(doc_id, Path("x.html"), html, "html"))
        soup = BeautifulSoup(html, "lxml")
        for tag in soup(["script", "style", "noscript", "template", "select", "iframe", "svg"]):
            tag.decompose()
        recorded = "".join(" ".join([article.body, *(r.text for r in article.removals)]).split()).casefold()
        assert [w for w in re.findall(r"\w+", soup.body.get_text(" ").casefold()) if w not in recorded] == []
        source = html.split("\n")
        left_out = [r for r in article.removals if r.rule == "outside-article"]
        placed = [r for r in left_out if re.findall(r"\w+", r.text)[0] in source[r.line_no - 1]]
        assert len(placed) >= 0.95 * len(left_out), doc_id


def test_corpus_pages_are_extracted_well(corpus):
    ids = list(corpus)[:4]
    scores = [_f1(corpus[i], clean(RawDocument(i, Path("x.html"), (CORPUS / "html" / f"{i}.html").read_text("utf-8"),
                                               "html")).body) for i in ids]
    assert sum(scores) / len(scores) > 0.9


def test_aligning_a_page_of_one_repeated_phrase_stays_bounded(monkeypatch):
    """Found by Hypothesis: sequence matching of few distinct repeated words took a minute a page. No matcher
    compares a million words x words without dropping the most frequent words, or ten million at all."""
    compared: list[tuple[int, bool]] = []
    real = pagelines.SequenceMatcher

    def counting(isjunk, a, b, autojunk=True):
        compared.append((len(a) * len(b), autojunk))
        return real(isjunk, a, b, autojunk=autojunk)

    monkeypatch.setattr(pagelines, "SequenceMatcher", counting)
    text = "\ub5c2\U0001c1b7\x1b*\xd8s#\x82\xd3\U000a8e8d\U000f8a92q" * 1000
    page = f"<html><head><title>{text[:80]}</title></head><body><article><p>{text}</p></article></body></html>"
    clean(RawDocument("x", Path("x.html"), page, "html"))
    assert compared and all(autojunk or cells <= 1_000_000 for cells, autojunk in compared)
    assert all(cells <= 10_000_000 for cells, _ in compared)


def test_a_page_the_fallback_extractor_cannot_parse_logs_no_traceback(caplog):
    """readability logs the exception it then raises; the raise is handled, the log would print a traceback."""
    clean(RawDocument("x", Path("x.html"), "<!-- nothing but a comment -->", "html"))
    assert not [record for record in caplog.records if record.name.startswith("readability")]


def test_a_left_out_block_in_an_element_like_the_articles_says_which_is_which():
    """Two elements printed alike (<div class="col">): the record tells them apart by their lines, where
    "in <div class="col">, outside the article's element <div class="col">" read as nonsense."""
    prose = " ".join(["The council met again on Tuesday to discuss the harbour bridge, which has been delayed "
                      "for years by the cost of its foundations and the survey of the old piers."] * 3)
    html = ("<html><head><title>Harbour bridge</title></head><body>\n<div class=\"col\">\n<h1>Harbour bridge</h1>\n"
            + "".join(f"<p>{prose} Paragraph {n}.</p>\n" for n in range(6)) + "</div>\n<div class=\"col\">\n"
            "<ul><li><a href=\"/a\">Ferry tickets rise again</a></li><li><a href=\"/b\">New timetable</a></li>"
            "<li><a href=\"/c\">Pier closed</a></li></ul>\n</div>\n"
            "</body></html>\n")
    article = clean(RawDocument("x", Path("x.html"), html, "html"))
    assert "Paragraph 5" in article.body and "Ferry tickets" not in article.body
    removal = next(r for r in article.removals if "Ferry tickets" in r.text)
    first, second = [n for n, line in enumerate(html.split("\n"), start=1) if line == '<div class="col">']
    assert (f'in <div class="col"> at line {second}, outside the article\'s element <div class="col"> at line {first}'
            in removal.reason), removal.reason


def test_keep_brings_back_a_passage_the_extractor_left_out(tmp_path):
    """A note on text the extractor left outside the article is an error that suggests `cleaning: keep`;
    with that keep, the passage is back in the article at its place on the page, and out of the record."""
    root = copy_archive(tmp_path / "archive")
    shutil.copy2(FIXTURE, root / "seeds" / "page_newsarticle.html")
    annotation = root / "annotations" / "articles" / "page_newsarticle.yml"
    note = 'notes:\n  - quote: "headlines from the river towns"\n    note: The paper\'s morning newsletter.\n'
    annotation.write_text(note, "utf-8")
    _, problems = load_archive(root)
    left_out = [p for p in problems if "which the extractor left out" in p.message]
    assert left_out and 'cleaning: {keep: ["headlines from the river towns"]}' in left_out[0].message

    annotation.write_text(note + 'cleaning:\n  keep: ["headlines from the river towns"]\n', "utf-8")
    archive, problems = load_archive(root)
    assert not [p for p in problems if p.severity == "error"], problems
    article = next(a for a in archive.articles if a.id == "page_newsarticle")
    body = article.cleaned.body
    assert body.index("final load tests") < body.index("Get the day's headlines from the river towns")
    assert not any("river towns" in r.text for r in article.cleaned.removals)
    kept = next(b for b in article.cleaned.blocks if "river towns" in b.text)
    assert kept.source_line == fixture_line("Get the day's headlines")


def _modes(monkeypatch: pytest.MonkeyPatch, precise: str, recalled: str) -> None:
    from generator.clean.html import extract as extract_module

    monkeypatch.setattr(extract_module, "_trafilatura", lambda html, recall=False: recalled if recall else precise)
    monkeypatch.setattr(extract_module, "_readability", lambda html: "")


def test_recall_mode_is_taken_when_precision_mode_kept_little_of_a_short_page(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.clean.html.extract import extract

    lead = "The river rose overnight and the town closed the lower road."
    rest = "Volunteers filled sandbags along the bank until the water began to fall at dawn."
    _modes(monkeypatch, lead, "\n".join([lead, rest, rest + " Again.", rest + " Once more."]))
    page = extract("<html><body><p>x</p></body></html>")
    assert rest in page.text and page.method == "trafilatura's recall mode"


def test_precision_mode_stands_when_recall_mode_adds_little(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.clean.html.extract import extract

    lead = "The river rose overnight and the town closed the lower road."
    _modes(monkeypatch, lead, lead + "\nShare this")
    page = extract("<html><body><p>x</p></body></html>")
    assert page.text == lead and page.method == "trafilatura"
