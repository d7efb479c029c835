"""Markers in hand-written pages, replaced by the archive's snippets when the site engine reads the page.

A line `<!-- archive:latest -->` (alone on its line, outside code) in a hand-written page of docs/ asks for the
snippet render/home.py wrote to docs/data/includes/latest.include. The page's file is never changed: the
replacement happens in the engine's copy of its Markdown, as a MkDocs plugin (`archive-includes` in mkdocs.yml,
registered by pyproject.toml). A page without markers is read as written; a marker of a name no snippet has,
or a marker sharing its line with other text, is a warning at its file and line (fatal under --strict, as
every build runs), which write/enginelog.py turns into a located problem.

It lives in render/, not write/: it decides what a page says (render's work, with the snippets' names and
paths in one place), while write/ only stages files and runs the engine. It runs in the engine's process,
as a plugin: a `hooks:` entry names a file relative to mkdocs.yml, which a build's staged configuration
(write/site.py) and an archive outside this repository would not find.
"""

from __future__ import annotations

import logging
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.plugins import BasePlugin

from generator.render import paths
from generator.render.home import SNIPPETS

MARKER = re.compile(r"<!--\s*archive:([^\s>]*)\s*-->")
ALONE = re.compile(r"^ {0,3}<!--\s*archive:([^\s>]*)\s*-->\s*$")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+).+?\1")
# A link target the snippet writes (render/home.py: Markdown links only, relative to docs/): `](target)`.
# Labels are escaped text (markdown.text), so `](` opens nothing but a link target there.
LINK_TARGET = re.compile(r"\]\(([^()\s]+)\)")
SUFFIX = ".include"

log = logging.getLogger("mkdocs.plugins.archive_includes")


@dataclass(frozen=True)
class Finding:
    """A marker that asks for nothing: where it is (1-based line and column) and why."""
    line: int
    column: int
    message: str


def expand(text: str, page: str, snippets: dict[str, str]) -> tuple[str, list[Finding]]:
    """text with each marker line replaced by its snippet (links rebased for page, a path under docs/), and
    the markers that name no snippet or do not stand alone. Fenced code is left as it is: a guide shows
    markers there."""
    lines = text.split("\n")
    out: list[str] = []
    findings: list[Finding] = []
    fence = ""
    for number, line in enumerate(lines, 1):
        opened = FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = ""
            out.append(line)
            continue
        if opened:
            fence = opened.group(1)
            out.append(line)
            continue
        alone = ALONE.match(line)
        if alone:
            name = alone.group(1)
            if name in snippets:
                out += ["", rebased(snippets[name], page).rstrip("\n"), ""]
                continue
            findings.append(Finding(number, line.index("<!--") + 1, unknown(name, snippets)))
        elif not line.startswith("    "):
            stray = MARKER.search(CODE_SPAN.sub(lambda m: " " * len(m.group()), line))
            if stray:
                findings.append(Finding(number, stray.start() + 1,
                                        f"the marker `{stray.group().strip()}` shares its line with other text, so "
                                        "nothing is put there; give it a line of its own"))
        out.append(line)
    return "\n".join(out), findings


def unknown(name: str, snippets: dict[str, str]) -> str:
    known = ", ".join(f"archive:{n}" for n in sorted(snippets))
    return f"unknown marker `archive:{name}`: nothing is put there; the markers are {known}"


def rebased(snippet: str, page: str) -> str:
    """A snippet's links (written from docs/ itself) as page, a path under docs/, must write them."""
    folder = posixpath.dirname(page)
    if not folder:
        return snippet

    def one(found: re.Match) -> str:
        target = found.group(1)
        if ":" in target.split("/")[0] or target.startswith(("#", "/")):
            return found.group()
        return f"]({posixpath.relpath(target, folder)})"
    return LINK_TARGET.sub(one, snippet)


def hand_written(src_uri: str) -> bool:
    return src_uri.split("/")[0] not in paths.GENERATED_DIRS and src_uri.endswith(".md")


class IncludesPlugin(BasePlugin):
    """MkDocs' (and ProperDocs') side: read the snippets, leave their files out of the site, expand markers."""

    def __init__(self) -> None:
        self.snippets: dict[str, str] = {}
        self.marked: set[str] = set()

    def on_files(self, files, config):  # noqa: ANN001, ANN201 - MkDocs' plugin signature
        docs = Path(config["docs_dir"])
        self.snippets, self.marked = {}, set()
        for file in list(files):
            src = file.src_uri
            if src.startswith(paths.INCLUDES + "/"):
                if src.endswith(SUFFIX):
                    self.snippets[src[len(paths.INCLUDES) + 1:-len(SUFFIX)]] = _read(docs / src)
                files.remove(file)  # a part of pages, never a page or a file of its own
        found = self.snippets
        names = {n: found.get(n, "") for n in SNIPPETS}  # a known marker without its file: empty, and said below
        for file in files.documentation_pages():
            if not hand_written(file.src_uri):
                continue
            source = _read(docs / file.src_uri)
            if "archive:" not in source:
                continue
            self.marked.add(file.src_uri)
            for finding in expand(source, file.src_uri, names)[1]:
                log.warning(f"{docs.name}/{file.src_uri}:{finding.line}:{finding.column}: {finding.message}")
            # --dirty (serve) builds a page only when its file changed: a marked page shows snippets, which
            # change without it
            file.is_modified = lambda: True
        missing = sorted(set(SNIPPETS) - set(found))
        if self.marked and missing:
            log.warning(f"{docs.name}/{paths.INCLUDES}: no snippet for {', '.join(missing)}: the pages' markers "
                        "for them stay empty; run `generator build` (it writes them), not the engine alone")
        self.snippets = names
        return files

    def on_page_markdown(self, markdown, page, config, files):  # noqa: ANN001, ANN201
        if page.file.src_uri not in self.marked:
            return markdown
        return expand(markdown, page.file.src_uri, self.snippets)[0]


def _read(path: Path) -> str:
    try:
        return path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return ""
