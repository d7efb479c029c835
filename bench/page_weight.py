"""What a built archive weighs, page kind by page kind: pages, docs/ Markdown, site/ HTML (and the share of
it that is the page's own content, not the theme's frame around it), search-index entries and bytes.

    python bench/page_weight.py bench/.work/1000                      # one built archive
    python bench/page_weight.py /tmp/v-1000 bench/.work/1000          # two, side by side (before → after)
    python bench/page_weight.py --rev 3be3318 --articles 1000         # synthesise, build both, compare

Every figure is a count of bytes or entries, so two runs on one archive give the same table: unlike a
build's seconds, a page's growth can be read from one run and traced to the page kind that grew. With
--rev, each side is built by its own checkout's synth.py and generator (the synthetic archive's seeds and
annotations are the same at every revision that draws them in the same order) in a fresh process.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ("articles", "entities", "facts", "outlets", "tags", "timeline")
CONTENT_OPEN = '<article class="md-content__inner md-typeset">'
CONTENT_CLOSE = "</article>"
FIELDS = ("pages", "md", "html", "content", "index entries", "index bytes")
ASIDE = re.compile(r'<aside[^>]*class="page-aside".*?</aside>', re.S)
JSON_LD = re.compile(r'<script type="application/ld\+json">.*?</script>', re.S)
SECTION = re.compile(r'(?=<h2 [^>]*id=")')
SECTION_ID = re.compile(r'<h2 [^>]*id="([^"]+)"')
TITLE_ATTR = re.compile(r' title="[^"]*"')


def page_kind(docs_path: str) -> str:
    """articles/x.md -> 'articles', articles/index.md -> 'articles index', a hand-written page -> 'other'."""
    parts = docs_path.split("/")
    if len(parts) > 1 and parts[0] in GENERATED:
        return f"{parts[0]} index" if parts[-1] == "index.md" else parts[0]
    return "other"


def _docs_path(location: str) -> str:
    """A search entry's location (articles/x/#p-2, '' for the home page) -> the page's docs/ path."""
    page = location.split("#", 1)[0].strip("/")
    return f"{page}/index.md" if page.split("/")[0] in GENERATED and page in GENERATED else (
        f"{page}.md" if page else "index.md")


def article_parts(content: str) -> Counter:
    """Bytes of an article page's content by part: the box, the JSON-LD, the text (title to the first section
    of its own, the article's own subheadings included) and each section by its anchor; hover titles across
    all of it, as a part of their own too (counted twice: they sit inside the parts)."""
    parts: Counter = Counter()
    box = ASIDE.search(content)
    if box:
        parts["at a glance box"] += len(box.group().encode())
        content = content[:box.start()] + content[box.end():]
    parts["title attributes (within the parts)"] += sum(len(t.encode()) for t in TITLE_ATTR.findall(content))
    for script in JSON_LD.findall(content):
        parts["JSON-LD"] += len(script.encode())
    content = JSON_LD.sub("", content)
    pieces = SECTION.split(content)
    parts["title, metadata, text, notes"] += len(pieces[0].encode())
    for piece in pieces[1:]:
        anchor = SECTION_ID.match(piece).group(1)
        parts["title, metadata, text, notes" if anchor.startswith("p-") else f"section #{anchor}"] += len(piece.encode())
    return parts


def measure(archive: Path) -> dict[str, Counter]:
    """Per page kind: pages, bytes of docs/ Markdown, of site/ HTML and of its content, search-index entries
    and bytes (each entry as Material's plugin writes it, compactly)."""
    kinds: dict[str, Counter] = defaultdict(Counter)
    docs, site = archive / "docs", archive / "site"
    for md_file in docs.rglob("*.md"):
        rel = md_file.relative_to(docs).as_posix()
        kind = kinds[page_kind(rel)]
        kind["pages"] += 1
        kind["md"] += md_file.stat().st_size
        html_file = site / (rel[:-3] + ".html" if rel.endswith("index.md") else rel[:-3] + "/index.html")
        if html_file.exists():
            html = html_file.read_text(encoding="utf-8")
            kind["html"] += len(html.encode())
            start, end = html.find(CONTENT_OPEN), html.rfind(CONTENT_CLOSE)
            if 0 <= start < end:
                kind["content"] += len(html[start:end].encode())
                if page_kind(rel) == "articles":
                    kinds["article parts"].update(article_parts(html[start:end]))
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for entry in index["docs"]:
        kind = kinds[page_kind(_docs_path(entry["location"]))]
        kind["index entries"] += 1
        kind["index bytes"] += len(json.dumps(entry, separators=(",", ":")).encode())
    files = kinds["files"]
    files["index bytes"] = (site / "search" / "search_index.json").stat().st_size
    data = docs / "data" / "archive.json"
    files["md"] = data.stat().st_size if data.exists() else 0  # shown as its own line: data/archive.json
    return dict(kinds)


def table(sides: list[dict[str, Counter]], names: list[str]) -> str:
    """Markdown table: one row a page kind, each field as before → after (one value where all sides agree)."""
    kinds = [k for k in sorted({k for side in sides for k in side}) if k not in ("files", "article parts")]
    lines = ["| page kind | " + " | ".join(FIELDS) + " |", "|---" * (len(FIELDS) + 1) + "|"]

    def cell(field: str, values: list[int]) -> str:
        shown = [f"{v:,}" if field in ("pages", "index entries") else f"{v / 1000:,.0f} kB" for v in values]
        if len(set(values)) == 1:
            return shown[0]
        change = f" ({values[-1] / values[0] - 1:+.0%})" if values[0] else ""  # the last side against the first
        return " → ".join(shown) + change

    for kind in kinds + ["all pages"]:
        row = []
        for field in FIELDS:
            values = [sum(side[k][field] for k in kinds if k in side) if kind == "all pages"
                      else side.get(kind, Counter())[field] for side in sides]
            row.append(cell(field, values))
        lines.append(f"| {kind} | " + " | ".join(row) + " |")
    lines.append("")
    lines.append("search_index.json: " + cell("index bytes", [s["files"]["index bytes"] for s in sides])
                 + "; data/archive.json: " + cell("md", [s["files"]["md"] for s in sides])
                 + f"  ({' → '.join(names)})")
    parts = [side.get("article parts", Counter()) for side in sides]
    lines += ["", "| article pages' HTML content, by part | bytes |", "|---|---|"]
    for part in sorted({p for side in parts for p in side}, key=lambda p: -parts[-1][p]):
        lines.append(f"| {part} | {cell('html', [side[part] for side in parts])} |")
    return "\n".join(lines)


def build_at(checkout: Path, articles: int, out: Path) -> None:
    """Synthesise with the checkout's own synth.py and build with its own generator, in fresh processes."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    subprocess.run([sys.executable, str(checkout / "bench" / "synth.py"), "--articles", str(articles),
                    "--out", str(out)], check=True, capture_output=True, env=env, cwd=checkout)
    done = subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(out)], env=env, cwd=checkout,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"building with {checkout} failed:\n{done.stderr[-3000:]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archives", nargs="*", type=Path, help="built archives (docs/ and site/): one, or two or three in order (before → after)")
    parser.add_argument("--rev", help="build a synthetic archive at this revision and with the working tree")
    parser.add_argument("--articles", type=int, default=1000, help="with --rev: its size (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.rev:
        with tempfile.TemporaryDirectory(prefix="page-weight-") as scratch:
            earlier, sides = Path(scratch) / "earlier", []
            earlier.mkdir()
            exported = subprocess.run(["git", "-C", str(ROOT), "archive", args.rev], check=True,
                                      capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", str(earlier)], input=exported, check=True)
            for checkout, name in ((earlier, "before"), (ROOT, "after")):
                build_at(checkout, args.articles, Path(scratch) / name)
                sides.append(measure(Path(scratch) / name))
        print(table(sides, [args.rev, "now"]))
        return 0
    if not 1 <= len(args.archives) <= 3:
        parser.error("give one to three built archives, or --rev")
    print(table([measure(a) for a in args.archives], [str(a) for a in args.archives]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
