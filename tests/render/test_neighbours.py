"""A real build of the seed archive: each article page links the previous and next article by date, and
lists the others of its day; the links resolve."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

from ..sitecheck import resolve


def _articles(built: Path) -> list[dict]:
    return json.loads((built / "site" / "data" / "archive.json").read_text("utf-8"))["articles"]


def _section(soup: BeautifulSoup):
    heading = soup.find(id="by-date")
    assert heading is not None, "no By date section"
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h2", "script"):
            break
        parts.append(sibling)
    return parts


def test_previous_next_and_same_day_links_resolve_in_date_order(built_archive: Path):
    site = built_archive / "site"
    data = [a for a in _articles(built_archive) if a.get("date")]
    assert len(data) >= 3, "the seed archive has dated articles"
    titles = {a["title"]: a for a in data}
    order = sorted(data, key=lambda a: (a["date"], a["title"].casefold(), a["id"]))
    html_of = {a["id"]: site / a["page"] / "index.html" for a in order}
    for i, article in enumerate(order):
        html_file = html_of[article["id"]]
        parts = _section(BeautifulSoup(html_file.read_text("utf-8"), "html.parser"))
        steps = next((p for p in parts if "article-steps" in (p.get("class") or [])), None)
        links = {a.get_text(strip=True): a["href"] for a in steps.find_all("a")} if steps else {}
        expected = [o for o in (order[i - 1] if i else None, order[i + 1] if i + 1 < len(order) else None) if o]
        assert set(links) == {o["title"] for o in expected}, article["title"]
        for title, href in links.items():
            target, _ = resolve(site, html_file, href)
            assert target == html_of[titles[title]["id"]].resolve(), (article["title"], href)
        text = steps.get_text(" ", strip=True)
        if i and i + 1 < len(order):
            assert text.index("Previous") < text.index("Next")
        same_day = [o for o in order if o["date"] == article["date"] and o["id"] != article["id"]]
        listed = [li for p in parts if p.name == "ul" for li in p.find_all("li")]
        assert [li.a.get_text(strip=True) for li in listed] == [o["title"] for o in same_day]
        for li, other in zip(listed, same_day):
            assert resolve(site, html_file, li.a["href"])[0] == html_of[other["id"]].resolve()
            shown = li.get_text(" ", strip=True)
            assert ("(" + other["outlet"] + ")" in shown) if other["outlet"] else "not identified" not in shown
