"""Listings of a real build: an unknown outlet is said once per page, not on every line."""

from __future__ import annotations

import json
from pathlib import Path

from ..sitecheck import html_pages, page, resolve


def test_outlet_not_identified_is_said_once_per_listing(built_archive: Path):
    site = built_archive / "site"
    data = json.loads((site / "data" / "archive.json").read_text("utf-8"))
    unknown = [a for a in data["articles"] if a["outlet"] is None]
    assert len(unknown) > 1, "the seed archive has several articles without an outlet"
    listings = [site / "articles" / "index.html"] + [p for p in html_pages(site / "tags") if p.parent != site / "tags"]
    noted = 0
    for html_file in listings:
        soup = page(html_file.parent, "")
        content = soup.select_one("article")
        text = content.get_text(" ", strip=True)
        assert text.count("not identified") + text.count("none identified") <= 1, html_file
        lines = [li.get_text(" ", strip=True) for li in content.select("li")]
        for article in unknown:
            for line in (l for l in lines if article["title"] in l):
                assert "not identified" not in line, (html_file, line)
        note = content.select_one(".quiet-note")
        if note is not None:
            noted += 1
            target, fragment = resolve(site, html_file, note.a["href"])
            assert target == (site / "outlets" / "index.html").resolve() and fragment == "not-identified"
    assert noted >= 2, "the articles index and a tag page note the unknown outlets once"


def test_also_reported_by_names_only_known_outlets(built_archive: Path):
    site = built_archive / "site"
    data = json.loads((site / "data" / "archive.json").read_text("utf-8"))
    seen = 0
    for article in data["articles"]:
        also = page(site, article["page"].rstrip("/")).select_one(".also-reported")
        if also is not None:
            seen += 1
            assert "not identified" not in also.get_text()
    assert seen, "the seeds have related coverage"
