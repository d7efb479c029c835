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

Zensical reads mkdocs.yml but runs none of MkDocs' plugins (it drops the ones it does not know, silently);
it does run the Python-Markdown extensions `markdown_extensions:` names. So this module is an extension too
(`- generator.render.includes` there): it expands the markers of a page the plugin has not (under Zensical,
or a MkDocs configuration without the plugin), finding the page's path in the engine's own Markdown
processors. A build whose mkdocs.yml has a marked page but neither, for its engine, gets a warning at
mkdocs.yml naming the line to add (setup_problems), instead of a home page silently empty. Zensical prints
what an extension logs but does not fail on it, so where the plugin does not run the build refuses a marker
that asks for nothing itself, at its file and line (setup_problems), as MkDocs' --strict refuses the plugin's
warning; `validate`, which runs no engine, too (marker_problems).
"""

from __future__ import annotations

import difflib
import logging
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from mkdocs.plugins import BasePlugin

from generator.core.errors import Problem, error, warning
from generator.core.model import Loc
from generator.ingest.read import display_path
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
EXTENSION = "generator.render.includes"  # its name in mkdocs.yml's markdown_extensions (this module)
PLUGIN = "archive-includes"  # its name in mkdocs.yml's plugins (pyproject.toml's entry point)

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
    """What a misspelled marker needs: the name it most likely meant, and every name there is."""
    known = ", ".join(f"archive:{n}" for n in sorted(snippets))
    close = difflib.get_close_matches(name, sorted(snippets), n=1)
    if close:
        return (f"unknown marker `archive:{name}`: nothing is put there; write `<!-- archive:{close[0]} -->` if "
                f"that is what was meant (the markers are {known})")
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


def read_snippets(docs: Path) -> dict[str, str]:
    """Every known marker's snippet from docs/data/includes/ (empty where the build wrote none)."""
    return {name: _read(docs / paths.include(name)) for name in SNIPPETS}


def _page_of(md: Markdown) -> tuple[Path, str] | None:
    """(docs folder, the page's path under it) from the engine's own processors: Zensical's rendering context
    (its page's path and its configuration's docs_dir), or MkDocs' relative-link processor (its file)."""
    if "rendering_context" in md.preprocessors:
        context = md.preprocessors["rendering_context"]
        page, config = getattr(context, "page", None), getattr(context, "config", None) or {}
        if page is not None and config.get("docs_dir"):  # docs_dir as written, relative to the project's root
            return Path(config.get("root_dir") or ".", config["docs_dir"]), str(page.path).replace("\\", "/")
    if "relpath" in md.treeprocessors:
        file = getattr(md.treeprocessors["relpath"], "file", None)
        if file is not None and file.abs_src_path:
            src = file.src_uri
            return Path(file.abs_src_path[:-len(src)] if file.abs_src_path.endswith(src) else file.abs_src_path), src
    return None


class _MarkerPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "archive:" not in text:
            return lines
        found = _page_of(self.md)
        if found is None or not hand_written(found[1]):
            return lines
        docs, page = found
        return expand(text, page, read_snippets(docs))[0].split("\n")


class IncludesExtension(Extension):
    """The markers for any engine that runs Python-Markdown extensions (Zensical, MkDocs without the plugin)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # after whitespace is normalised (30), before raw HTML, a marker among it, is set aside (20)
        md.preprocessors.register(_MarkerPreprocessor(md), "archive_includes", 25)


def makeExtension(**kwargs: object) -> IncludesExtension:  # noqa: N802 - the name Python-Markdown looks up
    return IncludesExtension(**kwargs)


class _Tolerant(yaml.SafeLoader):
    """mkdocs.yml's YAML, its tags (!!python/name:, !ENV) read as plain values: only the lists matter here."""


_Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)


def _names(entries: object) -> set[str]:
    items = entries if isinstance(entries, list) else [entries] if entries else []
    return {next(iter(e)) if isinstance(e, dict) and e else str(e) for e in items}


def _configuration(root: Path) -> tuple[str, dict] | None:
    """mkdocs.yml's text and settings, or None where it cannot be read (the engine says what is wrong with it)."""
    try:
        source = (root / "mkdocs.yml").read_text("utf-8-sig")
        settings = yaml.load(source, Loader=_Tolerant) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    return (source, settings) if isinstance(settings, dict) else None


def _docs_of(root: Path, settings: dict) -> Path:
    return root / str(settings.get("docs_dir") or "docs")


def setup_problems(root: Path, engine: str) -> list[Problem]:
    """What a build under this engine would leave unsaid about the markers: a warning at mkdocs.yml when a
    hand-written page has a marker the configuration does not expand (Zensical needs the extension; MkDocs and
    ProperDocs the plugin or the extension), and the markers that ask for nothing, at their line, wherever the
    plugin is not there to report them (it does, in the engine's log, which write/enginelog.py locates)."""
    read = _configuration(root)
    if read is None:
        return []
    source, settings = read
    extensions, plugins = _names(settings.get("markdown_extensions")), _names(settings.get("plugins"))
    by_plugin = engine != "zensical" and PLUGIN in plugins
    docs = _docs_of(root, settings)
    findings = [] if by_plugin else _marker_problems(root, docs)
    if EXTENSION in extensions or by_plugin:
        return findings
    marked = _first_marker(root, docs)
    if marked is None:
        return findings
    where, name = marked
    line = next((n for n, text in enumerate(source.splitlines(), 1) if text.startswith("markdown_extensions:")), 0)
    add = (f"add `  - {EXTENSION}` under `markdown_extensions:`" if line
           else f"add `markdown_extensions:` with `  - {EXTENSION}` under it")
    return [warning(Loc("mkdocs.yml", line or 1),
                    f"{where} has the marker `<!-- archive:{name} -->`, which {engine} leaves empty with this "
                    f"configuration: {add} (it works under MkDocs and Zensical alike)"), *findings]


def marker_problems(root: Path) -> list[Problem]:
    """An error at each marker of a hand-written page that asks for nothing (a misspelled name, a marker
    sharing its line), for `validate`, which runs no engine: the same words the build gives."""
    read = _configuration(root)
    return _marker_problems(root, _docs_of(root, read[1] if read else {}))


def _marker_problems(root: Path, docs: Path) -> list[Problem]:
    known = {name: "" for name in SNIPPETS}
    # An error, as the plugin's warning is under MkDocs' --strict: the page would go out with a hole in it.
    return [error(Loc(f"{display_path(docs, root)}/{src}", finding.line, finding.column), finding.message)
            for src, text in _marked_pages(docs) for finding in expand(text, src, known)[1]]


def _marked_pages(docs: Path) -> Iterator[tuple[str, str]]:
    """(path under docs, text) of each hand-written page that mentions a marker, in path order."""
    if not docs.is_dir():
        return
    for path in sorted(docs.rglob("*.md")):
        src = path.relative_to(docs).as_posix()
        if hand_written(src):
            text = _read(path)
            if "archive:" in text:
                yield src, text


def _first_marker(root: Path, docs: Path) -> tuple[str, str] | None:
    """('docs/page.md:line', name) of the first known marker in a hand-written page, or None."""
    for src, text in _marked_pages(docs):
        lines = text.split("\n")
        for finding in expand(text, src, {})[1]:  # every marker is unknown to an empty table: each is found
            alone = ALONE.match(lines[finding.line - 1])
            if alone and alone.group(1) in SNIPPETS:
                return f"{display_path(docs, root)}/{src}:{finding.line}", alone.group(1)
    return None
