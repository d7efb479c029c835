"""The metadata a web page declares about its article: title, date, byline, outlet, URL, language.

Pages say these things in several places that disagree in quality. JSON-LD
(schema.org NewsArticle and kin) is written for machines and is the most
exact; Open Graph and <meta> tags come next; the visible page (<h1>, <time>,
<title>) is the last resort. The first place that has a value wins.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any, Iterator

from bs4 import BeautifulSoup, Tag

from generator.clean.rules import dates

ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                 "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "socialmediaposting",
                 "techarticle", "scholarlyarticle", "report", "webpage", "liveblogposting"}
# Site names often trail the <title>: "Headline - The Daily Example" / "Headline | Example".
TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,60}$")
BYLINE_LABEL = re.compile(r"^(by|von|par|por|di|door|av)\s+", re.I)
LANGUAGE = re.compile(r"^[a-z]{2,3}\b", re.I)


def page_metadata(soup: BeautifulSoup) -> dict[str, Any]:
    """Title, date, byline, outlet, url and language of the page's article (missing keys are absent)."""
    found: dict[str, Any] = {}
    for source in (_json_ld(soup), _meta_tags(soup), _visible(soup)):
        for key, value in source.items():
            if value and not found.get(key):
                found[key] = value
    if found.get("byline"):
        found["byline"] = _byline(found["byline"])
    if found.get("title") and found.get("outlet"):
        found["title"] = _without_site_name(found["title"], found["outlet"])
    return {key: value for key, value in found.items() if value}


def _byline(text: str) -> str | None:
    """"By Jane Doe" -> "Jane Doe"; a profile URL is not a name."""
    if re.match(r"^(https?:|www\.)", text):
        return None
    return BYLINE_LABEL.sub("", text) or None


def _without_site_name(title: str, outlet: str) -> str:
    """"Headline | The Outlet" -> "Headline": pages repeat the site name in their titles."""
    match = TITLE_SUFFIX.search(title)
    if match and _squash(match.group(0)) in (_squash(outlet), _squash(outlet).removeprefix("the")):
        return title[:match.start()]
    return title


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def _json_ld(soup: BeautifulSoup) -> dict[str, Any]:
    items = [item for script in soup.find_all("script", type=re.compile("ld\\+json", re.I))
             for item in _ld_items(_load_json(script.string or script.get_text()))]
    articles = [i for i in items if _types(i) & (ARTICLE_TYPES - {"webpage"})] or \
        [i for i in items if "webpage" in _types(i)]
    if not articles:
        return {}
    article = articles[0]
    publisher = article.get("publisher")
    organisations = [i for i in items if _types(i) & {"organization", "newsmediaorganization"}]
    return {
        "title": _text(article.get("headline") or article.get("name")),
        "date": _date(article.get("datePublished") or article.get("dateCreated")),
        "byline": _names(article.get("author")),
        "outlet": _names(publisher) or (_names(organisations[0]) if organisations else None),
        "url": _text(article.get("url")) or _text(_mainentity_url(article)),
        "language": _language(article.get("inLanguage")),
    }


def _meta_tags(soup: BeautifulSoup) -> dict[str, Any]:
    meta: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        name = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        content = (tag.get("content") or "").strip()
        if name and content:
            meta.setdefault(name, content)
    canonical = soup.find("link", rel=lambda r: r and "canonical" in r)
    return {
        "title": _text(meta.get("og:title") or meta.get("twitter:title") or meta.get("dc.title")),
        "date": _date(meta.get("article:published_time") or meta.get("datepublished") or meta.get("pubdate")
                      or meta.get("publishdate") or meta.get("date") or meta.get("dc.date")
                      or meta.get("dc.date.issued") or meta.get("sailthru.date") or meta.get("parsely-pub-date")),
        "byline": _text(meta.get("author") or meta.get("article:author") or meta.get("dc.creator")
                        or meta.get("parsely-author") or meta.get("sailthru.author")),
        "outlet": _text(meta.get("og:site_name") or meta.get("application-name") or meta.get("publisher")),
        "url": _text((canonical.get("href") if isinstance(canonical, Tag) else None) or meta.get("og:url")),
        "language": _language(meta.get("og:locale") or meta.get("content-language") or meta.get("language")),
    }


def _visible(soup: BeautifulSoup) -> dict[str, Any]:
    html = soup.find("html")
    h1 = soup.find("h1")
    time = soup.find("time", attrs={"datetime": True})
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    return {
        "title": _text(h1.get_text(" ", strip=True) if h1 else None) or _text(TITLE_SUFFIX.sub("", title)),
        "date": _date(time.get("datetime") if isinstance(time, Tag) else None),
        "language": _language(html.get("lang") if isinstance(html, Tag) else None),
    }


# --- reading the values ------------------------------------------------------------------------------

def _load_json(text: str) -> Any:
    try:
        return json.loads(text.strip().removesuffix(";"))
    except (ValueError, AttributeError):
        return None


def _ld_items(data: Any) -> Iterator[dict[str, Any]]:
    """Every object of a JSON-LD document, including those inside @graph."""
    if isinstance(data, list):
        for item in data:
            yield from _ld_items(item)
    elif isinstance(data, dict):
        yield data
        yield from _ld_items(data.get("@graph"))


def _types(item: dict[str, Any]) -> set[str]:
    kinds = item.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return {str(k).lower() for k in kinds if k}


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url") or value.get("name")
    if not isinstance(value, str):
        return None
    text = " ".join(BeautifulSoup(value, "html.parser").get_text(" ").split()) if "<" in value else " ".join(value.split())
    return text or None


def _names(value: Any) -> str | None:
    """"Jane Doe" from an author given as a string, a Person, or a list of them."""
    values = value if isinstance(value, list) else [value]
    names = []
    for item in values:
        name = item.get("name") if isinstance(item, dict) else item
        name = _text(name)
        if name and not name.startswith("http") and name not in names:
            names.append(name)
    return ", ".join(names) or None


def _mainentity_url(article: dict[str, Any]) -> Any:
    main = article.get("mainEntityOfPage")
    return main.get("@id") if isinstance(main, dict) else main


def _date(value: Any) -> date | None:
    text = _text(value)
    if not text:
        return None
    found = dates.search_date(text)
    return found[0] if found else None


def _language(value: Any) -> str | None:
    text = _text(value)
    match = LANGUAGE.match(text or "")
    return match.group(0).lower() if match else None
