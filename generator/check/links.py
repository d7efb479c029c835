"""Links and anchors of a built site: does every page a build would publish point at something that exists?

MkDocs' own validation sees the Markdown links only; the theme's templates, raw
HTML in pages and CSS are checked nowhere else. So this reads the HTML that
would be published, once per file (lxml: ~1 ms a page), collects every id per
page, then resolves every href, src and srcset the way a static web server
would (a folder URL serves its index.html). Each problem is traced back to the
Markdown line that produced it where possible, so a contributor fixes the source.
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlsplit

import yaml
from lxml import etree

from generator.core.errors import BuildFailed, Problem, error, quoted_value
from generator.core.model import Loc

LINK_ATTRS = ("href", "src", "srcset", "poster")
# Schemes that are not documents to fetch; http(s) ones are external links.
SKIPPED_SCHEMES = {"mailto", "tel", "javascript", "data", "about", "blob"}
# rel values whose href is an origin to connect to early, not a document.
ORIGIN_RELS = {"preconnect", "dns-prefetch"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
_XPATH = etree.XPath("//*[@href or @src or @srcset or @poster or @id or @name]")


@dataclass(frozen=True)
class Link:
    """One URL as written in a page, with the line it is on."""

    attr: str
    url: str
    line: int


@dataclass
class Page:
    """What one HTML file offers (anchors) and what it asks for (links)."""

    ids: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)


@dataclass(frozen=True)
class ExternalLink:
    """A link leaving the site, kept for the optional external check."""

    url: str
    loc: Loc
    traced: bool = True  # False: the HTML file, e.g. a theme link on every page


@dataclass
class SiteReport:
    pages: int = 0
    links: int = 0
    problems: list[Problem] = field(default_factory=list)
    external: list[ExternalLink] = field(default_factory=list)


@dataclass(frozen=True)
class SiteConfig:
    """The parts of mkdocs.yml the checker needs."""

    docs_dir: Path
    site_dir: Path
    base_path: str = "/"
    use_directory_urls: bool = True
    link_check: dict = field(default_factory=dict)
    strict: bool = False  # extra: archive: strict: true — warnings are errors for build, validate and check


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold !!python/name and !ENV tags; their values do not matter here."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_config(root: Path, config_file: str = "mkdocs.yml") -> SiteConfig:
    """Read docs_dir, site_dir, site_url's path and extra.link_check from mkdocs.yml (MkDocs' defaults if absent)."""
    path = root / config_file
    try:
        data = (yaml.load(path.read_text("utf-8"), Loader=_TolerantLoader) or {}) if path.is_file() else {}
    except yaml.YAMLError as exc:  # the site could not have been built from it either: say where, not a traceback
        mark = getattr(exc, "problem_mark", None)
        raise BuildFailed([error(Loc(config_file, mark.line + 1 if mark else 1, mark.column + 1 if mark else 1),
                                 f"{config_file} is not valid YAML ({getattr(exc, 'problem', None) or exc}); "
                                 "fix it, then build again")]) from None
    if not isinstance(data, dict):
        raise BuildFailed([error(Loc(config_file, 1, 1), f"{config_file} must be a mapping of settings "
                                 "(site_name: ..., nav: ...)")])
    base = urlsplit(str(data.get("site_url") or "")).path or "/"
    extra = data.get("extra") or {}
    return SiteConfig(docs_dir=root / str(data.get("docs_dir") or "docs"),
                      site_dir=root / str(data.get("site_dir") or "site"),
                      base_path=base if base.endswith("/") else base + "/",
                      use_directory_urls=data.get("use_directory_urls", True) is not False,
                      link_check=dict(extra.get("link_check") or {}) if isinstance(extra, dict) else {},
                      strict=_archive_strict(extra))


def _archive_strict(extra: object) -> bool:
    archive = extra.get("archive") if isinstance(extra, dict) else None
    return isinstance(archive, dict) and archive.get("strict") is True


def parse_page(data: bytes) -> Page:
    """Every id (and <a name>) and every link of one HTML document."""
    page = Page()
    if not data.strip():
        return page
    root = etree.fromstring(data, etree.HTMLParser())
    if root is None:
        return page
    for element in _XPATH(root):
        attrib = element.attrib
        anchor = attrib.get("id")
        if anchor:
            page.ids.add(anchor)
        if element.tag == "a" and attrib.get("name"):
            page.ids.add(attrib["name"])
        if ORIGIN_RELS.intersection((attrib.get("rel") or "").lower().split()):
            continue
        line = element.sourceline or 0
        for attr in LINK_ATTRS:
            value = attrib.get(attr)
            if value is None:
                continue
            if attr == "srcset":
                page.links.extend(Link(attr, c.split()[0], line) for c in value.split(",") if c.strip())
            else:
                page.links.append(Link(attr, value.strip(), line))
    return page


def parse_css(text: str) -> Page:
    """url(...) references of a stylesheet: fonts and images a page needs too."""
    page = Page()
    for match in CSS_URL.finditer(text):
        page.links.append(Link("url", match.group(2).strip(), text.count("\n", 0, match.start()) + 1))
    return page


def check_site(config: SiteConfig, root: Path | None = None,
               sources: Callable[[str], bool] | None = None) -> SiteReport:
    """Scan every file of the built site once, then resolve every link against what was found.

    sources: check only the links of the pages whose Markdown (a path under docs_dir) it accepts, e.g. the
    hand-written ones a build checks before it commits (check/staged.py); another page is then read only
    when a link's #fragment needs its ids, so the check costs what those pages link to, not the site.
    """
    site = config.site_dir
    files: set[str] = set()
    for folder, _, names in os.walk(site):
        rel = os.path.relpath(folder, site).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        files.update(prefix + name for name in names)
    pages = _Pages(site)
    tracer = _Tracer(config, root or Path.cwd())
    if sources is None:
        checked = [name for name in sorted(files) if name.endswith((".html", ".htm", ".css"))]
    else:
        checked = [name for name in sorted(files) if name.endswith((".html", ".htm"))
                   and (source := tracer.source_path(name)) is not None and sources(source)]
    report = SiteReport(pages=sum(n.endswith((".html", ".htm")) for n in checked))
    untraced: dict[str, list[Problem]] = {}  # by reason, which names the resolved target
    for name in checked:
        for link in pages.get(name).links:
            report.links += 1
            outcome = _resolve(name, link.url, files, pages, config.base_path)
            if outcome is None:
                continue
            if outcome.startswith("external:"):
                report.external.append(ExternalLink(link.url, *tracer.locate(name, link)))
                continue
            loc, traced = tracer.locate(name, link, outcome)
            problem = error(loc, f"broken {_noun(link)} {quoted_value(link.url)}: {outcome}")
            if traced:
                report.problems.append(problem)
            else:
                untraced.setdefault(outcome, []).append(problem)
    report.problems = sorted(set(report.problems)) + _grouped(untraced)
    return report


class _Pages:
    """Each file of the site parsed once, when first asked for (its ids, its links)."""

    def __init__(self, site: Path):
        self.site = site
        self._parsed: dict[str, Page] = {}

    def get(self, name: str) -> Page:
        if name not in self._parsed:
            if name.endswith(".css"):
                self._parsed[name] = parse_css((self.site / name).read_text("utf-8", "replace"))
            else:
                self._parsed[name] = parse_page((self.site / name).read_bytes())
        return self._parsed[name]


def _noun(link: Link) -> str:
    return "link" if link.attr == "href" else link.attr


def _grouped(untraced: dict[str, list[Problem]]) -> list[Problem]:
    """A broken link in a theme template is on every page; report it once, with a count."""
    grouped = []
    for problems in untraced.values():
        problems = sorted(set(problems))
        first = problems[0]
        others = len({p.loc.path for p in problems}) - 1
        suffix = f" (same link in {others} other {'file' if others == 1 else 'files'})" if others else ""
        grouped.append(Problem(first.loc, first.message + suffix, first.severity))
    return sorted(grouped)


def _resolve(page: str, url: str, files: set[str], pages: _Pages, base: str) -> str | None:
    """None when the link is fine (or not ours to check), 'external:' for http(s) links, else the reason."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "not a valid URL"
    if parts.scheme or parts.netloc:
        if parts.scheme.lower() in ("http", "https", "") and parts.netloc:
            return "external:"
        return None if parts.scheme.lower() in SKIPPED_SCHEMES or parts.scheme else "not a valid URL"
    path, fragment = unquote(parts.path), unquote(parts.fragment)
    if not path:
        target = page
    else:
        if path.startswith("/"):
            if not path.startswith(base) and path + "/" != base:
                return f"points outside the site's base path {base}"
            joined = path[len(base):]
        else:
            joined = posixpath.join(posixpath.dirname(page), path)
        normal = posixpath.normpath(joined) if joined else "."
        if normal == ".." or normal.startswith("../") or normal.startswith("/"):
            return f"escapes the site root (resolves to {normal})"
        target = _target_file(normal, path.endswith("/"), files)
        if target is None:
            return _missing(normal, path.endswith("/"))
    if fragment and fragment != "top" and target in files and target.endswith((".html", ".htm")):
        if fragment not in pages.get(target).ids:
            return f"no anchor '#{fragment}' in {target}"
    return None


def _missing(normal: str, is_dir: bool) -> str:
    if is_dir or normal == ".":
        return f"not in the site (no '{normal}/index.html')"
    if "." in posixpath.basename(normal):
        return f"not in the site (no file {quoted_value(normal)})"
    return f"not in the site (no file {quoted_value(normal)}, no {quoted_value(normal + '/index.html')})"


def _target_file(normal: str, is_dir: bool, files: set[str]) -> str | None:
    """The file a web server sends for this site path: the file itself, or the folder's index.html."""
    if normal == ".":
        return "index.html" if "index.html" in files else None
    if not is_dir and normal in files:
        return normal
    index = normal + "/index.html"
    return index if index in files else None


class _Tracer:
    """From an HTML file and link to the Markdown line that wrote it, else the HTML line."""

    def __init__(self, config: SiteConfig, root: Path):
        self.config, self.root = config, root
        self._lines: dict[str, tuple[str, list[str]] | None] = {}
        self._names: dict[str, str | None] = {}
        self._built: dict[str, list[str]] = {}

    def locate(self, html: str, link: Link, reason: str = "") -> tuple[Loc, bool]:
        source = self._source(html)
        if source is not None:
            path, lines = source
            for needle in self._needles(html, path, link, reason):
                for number, text in enumerate(lines, 1):
                    column = text.find(needle)
                    if column >= 0:
                        return Loc(self._show(self.config.docs_dir / path), number, column + 1), True
        return Loc(self._show(self.config.site_dir / html), link.line, self._column(html, link)), False

    def _column(self, html: str, link: Link) -> int:
        """Where the URL stands on its line of the built file (the parser gives the element's line only); 1
        when it is not on that line as written (a tag over several lines)."""
        if html not in self._built:
            self._built[html] = (self.config.site_dir / html).read_text("utf-8", "replace").splitlines()
        lines = self._built[html]
        text = lines[link.line - 1] if 0 < link.line <= len(lines) else ""
        for url in dict.fromkeys((link.url, escape(link.url))):  # as written: quoted, or in a CSS url( )
            found = re.search(r"(?<=[\"'(=])\s*" + re.escape(url) + r"(?=\s*[\"')>\s])", text)
            if found:
                return found.start() + len(found.group()) - len(found.group().lstrip()) + 1
        return 1

    def source_path(self, html: str) -> str | None:
        """The Markdown file under docs_dir that MkDocs made this HTML file from, if there is one. Found without
        reading it: a build's check of the hand-written pages asks this of every page of the site."""
        if html not in self._names:
            candidates = _markdown_candidates(html, self.config.use_directory_urls)
            self._names[html] = next((c for c in candidates if (self.config.docs_dir / c).is_file()), None)
        return self._names[html]

    def _source(self, html: str) -> tuple[str, list[str]] | None:
        if html not in self._lines:
            path = self.source_path(html)
            self._lines[html] = None if path is None else \
                (path, (self.config.docs_dir / path).read_text("utf-8", "replace").splitlines())
        return self._lines[html]

    def _needles(self, html: str, md: str, link: Link, reason: str) -> list[str]:
        """What the Markdown probably says: the URL itself, the .md path MkDocs rewrote, the anchor, the name."""
        url = link.url
        parts = urlsplit(url)
        needles = [url]
        if parts.path and not parts.scheme:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(html), unquote(parts.path)))
            if not target.endswith((".html", ".htm")):
                target = target + "/index.html" if "." not in posixpath.basename(target) else ""
            for candidate in _markdown_candidates(target, self.config.use_directory_urls):
                relative = posixpath.relpath(candidate, posixpath.dirname(md) or ".")
                needles.append(relative + (f"#{parts.fragment}" if parts.fragment else ""))
        if parts.fragment and reason.startswith("no anchor"):
            needles.append(f"#{parts.fragment}")
        name = posixpath.basename(parts.path.rstrip("/"))
        if name and name not in (".", ".."):
            needles.append(name)
        return [n for n in needles if n]

    def _show(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


def _markdown_candidates(html: str, directory_urls: bool) -> list[str]:
    """The docs/ files MkDocs turns into this HTML file."""
    if not html.endswith((".html", ".htm")):
        return []
    stem = html.rsplit(".", 1)[0]
    if stem == "index":
        return ["index.md", "README.md"]
    if stem.endswith("/index"):
        folder = stem[: -len("/index")]
        return ([f"{folder}.md"] if directory_urls else []) + [f"{folder}/index.md", f"{folder}/README.md"]
    return [f"{stem}.md"]
