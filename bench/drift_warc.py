"""WARC sources for bench/drift.py: each article as a web archive holding captures of one URL.

warc_archive() turns html_archive()'s pages into one WARC file an article (seeds/<id>.warc.gz, written with
warcio as crawlers write them) holding a single capture, and names its annotation file after the capture's
article id with `version:` set to that capture. Each perturbation adds a second, later capture of the same
URL whose page drifted as bench/drift_html.py drifts pages: the build shows that capture and carries the
annotations to it from the one they were written against (link/versions.py). anchored() follows the build's
own steps to the carried selectors and anchors each on the shown capture, as the merge does.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from generator.annotate.anchor import anchor, normalise_text
from generator.annotate.load import load_annotations
from generator.clean.cache import NO_CACHE
from generator.clean.stage import clean_all
from generator.ingest.read import read_seeds
from generator.ingest.urls import url_article_id
from generator.ingest.versions import group_versions
from generator.link.versions import carry_annotations, split_versions
from generator.runtime.memo import NO_MEMO

FIRST, LATER = "2024-05-01T10:00:00Z", "2024-06-01T10:00:00Z"


def _url(article_id: str) -> str:
    return f"https://news.example.org/stories/{article_id}"


def _write_warc(path: Path, url: str, pages: list[tuple[str, bytes]]) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for date, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers, warc_headers_dict={"WARC-Date": date}))
    path.write_bytes(buffer.getvalue())


def warc_archive(pages: Path, dest: Path) -> dict[str, str]:
    """A copy of pages (html_archive's output) with each page as a one-capture WARC; the article id each
    page's capture gets, by the page's own id."""
    shutil.copytree(pages, dest)
    ids = {}
    for page in sorted((dest / "seeds").glob("*.html")):
        url = _url(page.stem)
        ids[page.stem] = url_article_id(url)
        _write_warc(dest / "seeds" / f"{page.stem}.warc.gz", url, [(FIRST, page.read_bytes())])
        page.unlink()
        annotation = dest / "annotations" / "articles" / f"{page.stem}.yml"
        if annotation.exists():
            text = annotation.read_text("utf-8")
            annotation.unlink()
            (annotation.parent / f"{ids[page.stem]}.yml").write_text(f'version: "{FIRST}"\n{text}', "utf-8")
    return ids


def warc_perturbations(pages: Path, html: dict[str, Callable[[Path, Path], None]], scratch: Path
                       ) -> dict[str, Callable[[Path, Path], None]]:
    """Each HTML perturbation as a second capture added to every WARC of a copy of warc_archive's output."""
    def adding(perturb: Callable[[Path, Path], None], label: str) -> Callable[[Path, Path], None]:
        def apply(_root: Path, copy: Path) -> None:
            drifted = scratch / f"warc-pages-{label.split()[0]}"
            shutil.rmtree(drifted, ignore_errors=True)
            shutil.copytree(pages, drifted)
            perturb(pages, drifted)
            for page in sorted((pages / "seeds").glob("*.html")):
                _write_warc(copy / "seeds" / f"{page.stem}.warc.gz", _url(page.stem),
                            [(FIRST, page.read_bytes()), (LATER, (drifted / "seeds" / page.name).read_bytes())])
        return apply
    return {label: adding(perturb, label) for label, perturb in html.items()}



def place_of(found, blocks, whole: str) -> tuple[str, str, str, int, bool]:
    """Where an anchor landed, as the drift benchmark compares places: the passage, 40 characters either
    side of it, how often the passage occurs in the whole text, and whether the anchoring was certain."""
    span = found.span
    text = normalise_text(blocks[span.block].text[span.start:span.end])
    before = normalise_text(" ".join([*(b.text for b in blocks[:span.block]), blocks[span.block].text[:span.start]]))
    after = normalise_text(" ".join([blocks[span.block].text[span.end:], *(b.text for b in blocks[span.block + 1:])]))
    return text, before[-40:], after[:40], whole.count(text), found.certain

def anchored(root: Path) -> dict[tuple[str, int], tuple | str]:
    """As drift._anchored, through the build's own steps: each item's place in the shown capture after its
    selector was carried there, "lost" when the carrying found its passage gone, else anchor()'s status."""
    sources = read_seeds(root)
    annotations, _ = load_annotations(root, [d.article_id for d in sources.documents])
    groups = group_versions(sources, annotations)
    cleaned = clean_all(groups.documents, annotations, None, lambda _n: None, NO_MEMO, NO_CACHE)
    shown, histories = split_versions(cleaned, groups)
    carried, lost, _ = carry_annotations(annotations, histories)
    out: dict[tuple[str, int], tuple | str] = {}
    for article in shown:
        original, note = annotations.articles.get(article.article_id), carried.articles.get(article.article_id)
        if original is None or note is None:
            continue
        blocks = article.blocks
        whole = normalise_text(" ".join(b.text for b in blocks))
        # items keyed by where they are written: carrying leaves the lost ones out
        by_loc = {item.loc: item.selector for item in (*note.notes, *note.facts, *note.mentions)}
        gone = {item.loc for item in lost.get(article.article_id, ())}
        for i, item in enumerate((*original.notes, *original.facts, *original.mentions)):
            if item.loc in gone or item.loc not in by_loc:
                out[(article.article_id, i)] = "lost"
                continue
            found = anchor(by_loc[item.loc], blocks)
            if found.span is None:
                out[(article.article_id, i)] = found.status
                continue
            out[(article.article_id, i)] = place_of(found, blocks, whole)
    return out
