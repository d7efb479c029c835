"""A real build of the seed archive: "Same event" on an article page lists reports near in date that share
its facts, each link resolving to that article, what is shared said; the facts index leads with the
disagreeing facts and the latest reports, with counts."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..sitecheck import page, resolve


def _articles(site: Path) -> list[dict]:
    return json.loads((site / "data" / "archive.json").read_text("utf-8"))["articles"]


def test_same_event_links_reports_that_share_facts_near_in_date(built_archive: Path):
    site = built_archive / "site"
    data = json.loads((site / "data" / "archive.json").read_text("utf-8"))
    facts_of: dict[str, set[str]] = {}
    for fact in data["facts"]:
        for report in fact["reports"]:
            facts_of.setdefault(report["article"], set()).add(fact["id"])
    by_page = {(site / a["page"].strip("/") / "index.html").resolve(): a for a in data["articles"]}
    seen = 0
    for article in data["articles"]:
        html_file = site / article["page"].strip("/") / "index.html"
        heading = page(site, article["page"].strip("/")).find(id="same-event")
        if heading is None:
            continue
        items = heading.find_next("ul").find_all("li")
        assert items
        for li in items:
            other = by_page[resolve(site, html_file, li.a["href"])[0]]
            assert other["id"] != article["id"]
            shared = facts_of.get(article["id"], set()) & facts_of.get(other["id"], set())
            text = li.get_text(" ", strip=True)
            if shared:
                assert f"{len(shared)} fact" in text, text
            seen += 1
    assert seen >= 3, "the seeds' 20 December reports share facts: they are one event"


def test_facts_index_leads_with_disagreements_and_latest_reports(built_archive: Path):
    site = built_archive / "site"
    data = json.loads((site / "data" / "archive.json").read_text("utf-8"))
    soup = page(site, "facts")
    headings = [h.get("id") for h in soup.select("article h2")]
    assert headings[:3] == ["disagree", "latest", "all-facts"], headings
    disagreeing = [f for f in data["facts"] if f["figures"] == "disagree"]
    listed = soup.find(id="disagree").find_next("ul").find_all("li")
    assert len(listed) == len(disagreeing) and f"{len(disagreeing)} of {len(data['facts'])}" in \
        soup.find(id="disagree").find_next("p").get_text(" ", strip=True)
    latest = soup.find(id="latest").find_next("ul").find_all("li")
    dates = [a["date"] for a in _articles(site)]
    assert latest and max(dates) in {a["date"] for a in _articles(site) if a["title"] == latest[0].a.get_text()}
    # the counts in brackets: a seed's title ends in a full stop, which a colon after it would double
    said = [li.get_text(" ", strip=True) for li in latest]
    assert all(re.search(r"\(\d+ facts?(, \d+ with figures that disagree)?\)$", text) for text in said), said
    assert not any(".:" in text for text in said), said
