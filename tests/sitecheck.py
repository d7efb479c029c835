"""Helpers for tests that read a built site back: parse pages, resolve internal links the way a server would."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup


def page(site: Path, url_path: str) -> BeautifulSoup:
    return BeautifulSoup((site / url_path / "index.html").read_text("utf-8"), "html.parser")


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def resolve(site: Path, html_file: Path, href: str) -> tuple[Path | None, str]:
    """The file an internal href points to (None if outside the site), and its fragment."""
    parts = urlsplit(href)
    if parts.path.startswith("/"):
        target = site / unquote(parts.path).lstrip("/")  # as the server at the site root serves it
    else:
        target = html_file.parent / unquote(parts.path) if parts.path else html_file
    target = target.resolve()
    if site.resolve() not in (target, *target.parents):
        return None, parts.fragment
    if target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def broken_links(site: Path) -> list[str]:
    """Every internal href/src whose file or #fragment is missing, as 'page -> href: reason'."""
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
            ids[path] = {el["id"] for el in soup.find_all(id=True)} | {el["name"] for el in soup.find_all("a", attrs={"name": True})}
        return ids[path]

    problems = []
    for html_file in html_pages(site):
        soup = BeautifulSoup(html_file.read_text("utf-8"), "html.parser")
        for element in soup.find_all(["a", "link", "script", "img"]):
            href = element.get("href") or element.get("src")
            if not href or urlsplit(href).scheme or href.startswith("//"):
                continue
            target, fragment = resolve(site, html_file, href)
            where = f"{html_file.relative_to(site)} -> {href}"
            if target is None:
                problems.append(f"{where}: outside the site")
            elif not target.is_file():
                problems.append(f"{where}: no such file")
            elif fragment and target.suffix == ".html" and fragment not in ids_of(target):
                problems.append(f"{where}: no such anchor")
    return problems
