"""What readers see on listing, entity and fact pages of a real build: counts and quotations that do not mislead."""

from __future__ import annotations

import json
from pathlib import Path

from .sitecheck import page


def _months(built: Path, url_path: str) -> dict[str, tuple[str, str]]:
    """The "Month | Articles | Outlets" table of a page: month -> (articles, outlets) as shown."""
    soup = page(built / "site", url_path)
    table = next(t for t in soup.select("table") if [th.get_text(strip=True) for th in t.select("th")]
                 == ["Month", "Articles", "Outlets"])
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in table.select("tbody tr")]
    return {month: (articles, outlets) for month, articles, outlets in rows}


def test_months_never_show_zero_outlets_for_articles_whose_outlet_is_unknown(built_archive: Path):
    """December 2023: four articles, one outlet identified; February 2024: one article, outlet unknown.
    "1" and "0" outlets would read as one publisher and as none; both pages say the same."""
    data = json.loads((built_archive / "site" / "data" / "archive.json").read_text("utf-8"))
    unknown = {a["id"] for a in data["articles"] if a["outlet"] is None}
    assert unknown, "the seed archive has articles without an outlet"
    for url_path in ("articles", "timeline"):
        months = _months(built_archive, url_path)
        assert months["December 2023"] == ("4", "1 + not identified")
        assert months["February 2024"] == ("1", "not identified")
        assert all(outlets != "0" for _, outlets in months.values())
        text = page(built_archive / "site", url_path).get_text(" ", strip=True)
        assert "some of the month's articles do not say who published them" in text
